DROP TABLE audit_head;
DROP TABLE audit_log;
DROP TABLE resident_photos;
DROP TABLE residents;
DROP TABLE login_failures;
DROP TABLE sessions;
DROP TABLE staff;
