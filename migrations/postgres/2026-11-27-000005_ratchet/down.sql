DROP TABLE record_state;
ALTER TABLE residents DROP COLUMN address_key;
