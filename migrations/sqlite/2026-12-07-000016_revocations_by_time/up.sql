-- The status list is brought up to date every few seconds from the cards revoked since the
-- last look (`db::cards::revoked_since`), not from every revoked card: an index on the time of
-- revocation, holding only revoked cards (only they have one).
CREATE INDEX cards_revoked_at ON cards (revoked_at) WHERE revoked_at IS NOT NULL;
