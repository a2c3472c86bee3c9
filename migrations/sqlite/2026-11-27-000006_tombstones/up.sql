-- Tombstones: once a resident's data is destroyed, their cards keep only number, status,
-- status-list index and dates. Who issued a card and why become nullable (SQLite cannot alter
-- a column, so the table is rebuilt with its keys and indexes), existing tombstones are
-- stripped, and stored card and resident times lose their sub-second part.
CREATE TABLE cards_new (
    card_number TEXT PRIMARY KEY NOT NULL,
    resident_id TEXT REFERENCES residents (id) ON DELETE SET NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
    status_index BIGINT NOT NULL UNIQUE,
    issue_reason TEXT,
    issued_on DATE NOT NULL,
    expires_on DATE NOT NULL,
    issued_at TIMESTAMP NOT NULL,
    issued_by TEXT REFERENCES staff (id),
    revoked_at TIMESTAMP,
    revoke_reason TEXT,
    printed_at TIMESTAMP
);
INSERT INTO cards_new (card_number, resident_id, status, status_index, issue_reason, issued_on,
                       expires_on, issued_at, issued_by, revoked_at, revoke_reason, printed_at)
SELECT card_number, resident_id, status, status_index, issue_reason, issued_on,
       expires_on, issued_at, issued_by, revoked_at, revoke_reason, printed_at
FROM cards;
DROP TABLE cards;
ALTER TABLE cards_new RENAME TO cards;
CREATE INDEX cards_resident_id ON cards (resident_id);
CREATE INDEX cards_status ON cards (status);

UPDATE cards
SET issue_reason = NULL,
    issued_by = NULL,
    revoke_reason = NULL,
    printed_at = NULL,
    issued_at = issued_on || ' 00:00:00',
    revoked_at = CASE WHEN revoked_at IS NULL THEN NULL ELSE date(revoked_at) || ' 00:00:00' END
WHERE resident_id IS NULL;

UPDATE cards
SET issued_at = strftime('%Y-%m-%d %H:%M:%S', issued_at),
    revoked_at = strftime('%Y-%m-%d %H:%M:%S', revoked_at),
    printed_at = strftime('%Y-%m-%d %H:%M:%S', printed_at)
WHERE resident_id IS NOT NULL;
UPDATE residents
SET enrolled_at = strftime('%Y-%m-%d %H:%M:%S', enrolled_at),
    updated_at = strftime('%Y-%m-%d %H:%M:%S', updated_at),
    address_updated_at = strftime('%Y-%m-%d %H:%M:%S', address_updated_at);
