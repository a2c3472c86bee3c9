-- Fails while a tombstone exists: what it dropped (who issued the card, and why) is gone.
CREATE TABLE cards_old (
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
INSERT INTO cards_old SELECT card_number, resident_id, status, status_index, issue_reason,
    issued_on, expires_on, issued_at, issued_by, revoked_at, revoke_reason, printed_at FROM cards;
DROP TABLE cards;
ALTER TABLE cards_old RENAME TO cards;
CREATE INDEX cards_resident_id ON cards (resident_id);
CREATE INDEX cards_status ON cards (status);
