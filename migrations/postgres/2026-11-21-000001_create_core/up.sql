-- Staff, sessions, residents (personal fields only as ciphertext), audit chain.
-- No column for immigration status, citizenship, country of birth or document numbers exists,
-- and none may be added.

CREATE TABLE staff (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('clerk', 'supervisor', 'auditor', 'admin')),
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    must_change_password BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    staff_id TEXT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_staff_id ON sessions (staff_id);

-- Keys are SHA-256 of "account:<name>" or "client:<address>", never the name itself.
CREATE TABLE login_failures (
    throttle_key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    window_started_at TIMESTAMP NOT NULL
);

CREATE TABLE residents (
    id TEXT PRIMARY KEY NOT NULL,
    key_epoch TEXT NOT NULL,
    key_version INTEGER NOT NULL,
    wrapped_key BYTEA NOT NULL,
    blind_index BYTEA NOT NULL,
    face BYTEA NOT NULL,
    address BYTEA,
    identity_points_met BOOLEAN NOT NULL,
    residency_points_met BOOLEAN NOT NULL,
    enrolled_by TEXT NOT NULL REFERENCES staff (id),
    enrolled_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    destroy_after DATE NOT NULL
);
CREATE INDEX residents_blind_index ON residents (blind_index);
CREATE INDEX residents_key_epoch ON residents (key_epoch);
CREATE INDEX residents_destroy_after ON residents (destroy_after);

CREATE TABLE resident_photos (
    resident_id TEXT PRIMARY KEY NOT NULL REFERENCES residents (id) ON DELETE CASCADE,
    photo BYTEA NOT NULL
);

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT,
    prev_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL
);

-- The chain head: every writing transaction updates it first, which serialises appends.
CREATE TABLE audit_head (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    seq BIGINT NOT NULL,
    entry_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, entry_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
