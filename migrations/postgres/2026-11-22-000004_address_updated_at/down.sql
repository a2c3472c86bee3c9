ALTER TABLE residents DROP COLUMN address_updated_at;
