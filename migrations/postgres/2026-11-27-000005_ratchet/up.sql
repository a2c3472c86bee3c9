-- The ratchet: the print-only address gets its own data key (wrapped under the same epoch and
-- key version as the resident's), so destroying it at print leaves nothing the resident's key
-- can open in older copies. `record_state` says which layout every resident row has been
-- brought to: rows of an older layout are re-sealed once, at start-up, under fresh data keys.
ALTER TABLE residents ADD COLUMN address_key BYTEA;

CREATE TABLE record_state (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    record_format INTEGER NOT NULL
);
INSERT INTO record_state (id, record_format) VALUES (1, 1);
