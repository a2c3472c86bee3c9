-- The retention report must not count every record on each request (issue 14). What only a
-- count over a whole table can give (how many records each class holds, its oldest, the data
-- keys per key epoch) is counted by each purge run, after it destroyed what was due, and kept
-- here; the report shows those figures with the time they were counted. What is overdue stays
-- counted when the report is made, through the indexes below, which hold only the records
-- past their day and the addresses still held.
CREATE TABLE record_census (
    kind TEXT NOT NULL CHECK (kind IN ('class', 'data_keys')),
    name TEXT NOT NULL,
    held BIGINT NOT NULL,
    oldest DATE,
    counted_at TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, name)
);

-- The print-only addresses still held (the purge's and the report's "printed but still held").
CREATE INDEX residents_with_address ON residents (address_updated_at) WHERE address IS NOT NULL;

-- The audit log by time: the report's period figures and its overdue entries, the purge's cut.
CREATE INDEX audit_log_recorded_at ON audit_log (recorded_at);
