-- Cards: PII-free. A card row outlives its resident's personal data as a tombstone, so the
-- status list and verification keep answering for it; its index is never reused.
CREATE TABLE cards (
    card_number TEXT PRIMARY KEY NOT NULL,
    resident_id TEXT REFERENCES residents (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
    status_index BIGINT NOT NULL UNIQUE,
    issue_reason TEXT NOT NULL,
    issued_on DATE NOT NULL,
    expires_on DATE NOT NULL,
    issued_at TIMESTAMP NOT NULL,
    issued_by TEXT NOT NULL REFERENCES staff (id),
    revoked_at TIMESTAMP,
    revoke_reason TEXT,
    printed_at TIMESTAMP
);
CREATE INDEX cards_resident_id ON cards (resident_id);
CREATE INDEX cards_status ON cards (status);
