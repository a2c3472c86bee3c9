-- Single sign-on requests under way: one row from the moment the browser is sent to the
-- identity provider until it comes back (at most 10 minutes). The row is found by the hashes
-- of the request's state and of the browser's own cookie (a callback brought by another
-- browser finds nothing), and taken once. The nonce and the PKCE verifier never leave the
-- server; they are worth nothing without the provider's code and the browser's cookie.
CREATE TABLE sign_on_requests (
    state_hash TEXT PRIMARY KEY NOT NULL,
    browser_hash TEXT NOT NULL,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    next_path TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX sign_on_requests_created_at ON sign_on_requests (created_at);
-- A session opened through the identity provider: the local password (and its change at
-- first login) and the local second factor are not asked of it; the provider asked its own.
ALTER TABLE sessions ADD COLUMN signed_on BOOLEAN NOT NULL DEFAULT FALSE;
