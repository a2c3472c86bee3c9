-- Legal holds: a court order (its reference) suspends destruction for the records in its scope
-- (every record, those enrolled between two days, or those enrolled at a site) until an admin
-- lifts it. Who placed and lifted it is a staff id, as in the audit trail.
CREATE TABLE legal_holds (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL,
    scope TEXT NOT NULL,
    enrolled_from DATE,
    enrolled_to DATE,
    site TEXT,
    placed_at TIMESTAMP NOT NULL,
    placed_by TEXT NOT NULL,
    lifted_at TIMESTAMP,
    lifted_by TEXT
);
-- The residents a hold in force covers: set when a hold is placed or lifted, and at
-- enrollment. The purge passes over them; the key ratchet carries their keys forward.
CREATE TABLE held_residents (
    resident_id TEXT PRIMARY KEY NOT NULL REFERENCES residents (id) ON DELETE CASCADE
);
