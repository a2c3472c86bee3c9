-- Retention: purge runs, signed seals of the audit chain head, the anchor the chain starts
-- from once old entries are removed, and daily verification totals (aggregate only).
CREATE TABLE purge_runs (
    id TEXT PRIMARY KEY NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    as_of DATE NOT NULL,
    trigger_source TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('running', 'completed', 'failed')),
    residents_destroyed BIGINT NOT NULL DEFAULT 0,
    unissued_destroyed BIGINT NOT NULL DEFAULT 0,
    addresses_destroyed BIGINT NOT NULL DEFAULT 0,
    sessions_removed BIGINT NOT NULL DEFAULT 0,
    audit_entries_removed BIGINT NOT NULL DEFAULT 0,
    epochs_destroyed TEXT NOT NULL DEFAULT ''
);
CREATE INDEX purge_runs_started_at ON purge_runs (started_at);

CREATE TABLE audit_seals (
    seq BIGINT PRIMARY KEY NOT NULL,
    entry_hash TEXT NOT NULL,
    sealed_at TIMESTAMP NOT NULL,
    key_id TEXT NOT NULL,
    signature TEXT NOT NULL
);

CREATE TABLE audit_anchor (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    seq BIGINT NOT NULL,
    entry_hash TEXT NOT NULL
);
INSERT INTO audit_anchor (id, seq, entry_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE verification_counts (
    day DATE PRIMARY KEY NOT NULL,
    checks BIGINT NOT NULL,
    valid BIGINT NOT NULL,
    not_valid BIGINT NOT NULL
);
