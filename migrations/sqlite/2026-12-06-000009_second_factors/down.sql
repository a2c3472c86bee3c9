ALTER TABLE sessions DROP COLUMN ceremony;
ALTER TABLE sessions DROP COLUMN factor_due_by;
ALTER TABLE sessions DROP COLUMN awaiting_factor;
ALTER TABLE staff DROP COLUMN factors_reset_at;
DROP TABLE staff_recovery_codes;
DROP TABLE staff_factors;
