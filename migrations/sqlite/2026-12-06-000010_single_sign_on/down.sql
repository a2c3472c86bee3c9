ALTER TABLE sessions DROP COLUMN signed_on;
DROP TABLE sign_on_requests;
