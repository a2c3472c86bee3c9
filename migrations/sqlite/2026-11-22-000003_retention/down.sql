DROP TABLE verification_counts;
DROP TABLE audit_anchor;
DROP TABLE audit_seals;
DROP TABLE purge_runs;
