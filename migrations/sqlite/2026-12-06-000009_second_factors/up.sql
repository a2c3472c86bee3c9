-- Second factors of staff sign-in. A factor is a TOTP authenticator (secret: its RFC 6238
-- secret, which the service must read to check a code) or a passkey (credential: its WebAuthn
-- public key, credential id and signature counter, as webauthn-rs keeps them; no secret). A
-- TOTP factor is unconfirmed until its owner has typed a code from it. last_step is the TOTP
-- time step last accepted: a code is accepted once (one UPDATE ... WHERE last_step < step).
CREATE TABLE staff_factors (
    id TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('totp', 'passkey')),
    label TEXT NOT NULL,
    secret TEXT,
    credential TEXT,
    last_step BIGINT NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    last_used_at TIMESTAMP
);
CREATE INDEX staff_factors_staff_id ON staff_factors (staff_id);

-- One-time recovery codes: SHA-256 of the staff id and the code (80 random bits), never the
-- code. A code is used by deleting its row.
CREATE TABLE staff_recovery_codes (
    code_hash TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX staff_recovery_codes_staff_id ON staff_recovery_codes (staff_id);

-- When an admin last reset an account's factors: the grace period to enrol one starts again.
-- Accounts that exist at this upgrade get their grace period from now, not from their
-- creation (else a policy that requires a factor would lock every older account out).
ALTER TABLE staff ADD COLUMN factors_reset_at TIMESTAMP;
UPDATE staff SET factors_reset_at = CURRENT_TIMESTAMP;
-- A session opened by a right password that still waits for its second factor opens nothing.
ALTER TABLE sessions ADD COLUMN awaiting_factor BOOLEAN NOT NULL DEFAULT 0;
-- When a session of an account that must enrol a factor (and has none) stops opening anything.
ALTER TABLE sessions ADD COLUMN factor_due_by TIMESTAMP;
-- A WebAuthn ceremony under way in a session (a passkey being added, or given at login): the
-- challenge state, taken once (compare and clear) when the browser answers.
ALTER TABLE sessions ADD COLUMN ceremony TEXT;
