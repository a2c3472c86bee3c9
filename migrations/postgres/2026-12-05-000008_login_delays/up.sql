-- Login throttling by progressive delay (per account and client, and per client) instead of a
-- lock per account: a row per hashed key ("pair:<account>\0<client bucket>" or
-- "client:<bucket>", never the name or address itself), its failures since it was last
-- forgotten, and when the next attempt may be made. Times are Unix seconds, so one statement
-- can add a delay on both databases. The old counts are only throttle state: not carried over.
DROP TABLE login_failures;
CREATE TABLE login_failures (
    throttle_key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at BIGINT NOT NULL,
    next_allowed_at BIGINT NOT NULL
);
