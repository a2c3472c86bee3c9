DROP TABLE program_counts;
ALTER TABLE residents DROP COLUMN caretaker;
