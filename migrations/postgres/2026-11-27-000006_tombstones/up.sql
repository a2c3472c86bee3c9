-- Tombstones: once a resident's data is destroyed, their cards keep only number, status,
-- status-list index and dates. Who issued a card and why become nullable, existing tombstones
-- are stripped, and stored card and resident times lose their sub-second part.
ALTER TABLE cards ALTER COLUMN issue_reason DROP NOT NULL;
ALTER TABLE cards ALTER COLUMN issued_by DROP NOT NULL;

UPDATE cards
SET issue_reason = NULL,
    issued_by = NULL,
    revoke_reason = NULL,
    printed_at = NULL,
    issued_at = issued_on::timestamp,
    revoked_at = date_trunc('day', revoked_at)
WHERE resident_id IS NULL;

UPDATE cards
SET issued_at = date_trunc('second', issued_at),
    revoked_at = date_trunc('second', revoked_at),
    printed_at = date_trunc('second', printed_at)
WHERE resident_id IS NOT NULL;
UPDATE residents
SET enrolled_at = date_trunc('second', enrolled_at),
    updated_at = date_trunc('second', updated_at),
    address_updated_at = date_trunc('second', address_updated_at);
