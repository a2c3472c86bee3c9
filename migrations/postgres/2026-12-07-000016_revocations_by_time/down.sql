DROP INDEX cards_revoked_at;
