-- Facts about this service that must stay the same across its instances and restarts: the
-- issuer its cards name (`public_base_url` when the first instance started).
CREATE TABLE service_settings (
    name TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);
