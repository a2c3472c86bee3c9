DROP INDEX audit_log_recorded_at;
DROP INDEX residents_with_address;
DROP TABLE record_census;
