-- Fails while a tombstone exists: what it dropped (who issued the card, and why) is gone.
ALTER TABLE cards ALTER COLUMN issued_by SET NOT NULL;
ALTER TABLE cards ALTER COLUMN issue_reason SET NOT NULL;
