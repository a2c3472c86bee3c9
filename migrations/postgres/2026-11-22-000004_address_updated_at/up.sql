-- When the print-only address was last set: it is destroyed only once a card printed after
-- that time carries it (a new address waits for its card).
ALTER TABLE residents ADD COLUMN address_updated_at TIMESTAMP;
UPDATE residents SET address_updated_at = updated_at WHERE address IS NOT NULL;
