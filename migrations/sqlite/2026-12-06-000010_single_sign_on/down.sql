DROP INDEX staff_sign_on_subject;
ALTER TABLE staff DROP COLUMN sign_on_subject;
ALTER TABLE sessions DROP COLUMN signed_on;
DROP TABLE sign_on_requests;
