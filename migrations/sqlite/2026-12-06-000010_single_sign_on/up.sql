-- Single sign-on requests under way: one row from the moment the browser is sent to the
-- identity provider until it comes back (at most 10 minutes). The row is found by the hashes
-- of the request's state and of the browser's own cookie (a callback brought by another
-- browser finds nothing), and taken once. The nonce and the PKCE verifier never leave the
-- server; a request lives at most 10 minutes and is deleted when used.
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
ALTER TABLE sessions ADD COLUMN signed_on BOOLEAN NOT NULL DEFAULT 0;
-- The person at the identity provider an account is bound to: SHA-256 of its issuer and
-- subject (`sub`, which never changes, unlike a username or e-mail claim), set at the
-- account's first single sign-on; another person whose username claim names the account
-- later is refused. An admin's reset of the account's second factors forgets it.
ALTER TABLE staff ADD COLUMN sign_on_subject TEXT;
CREATE UNIQUE INDEX staff_sign_on_subject ON staff (sign_on_subject);
