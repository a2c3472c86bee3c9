-- An import of an old system's export (`muni-id import residents`): one row per file and
-- mapping, so that a run stopped half-way resumes where its last batch committed and a file
-- imported before is not imported again. Counts, row numbers and column names only: nothing
-- of any resident.
CREATE TABLE import_runs (
    id TEXT PRIMARY KEY NOT NULL,
    file_sha256 TEXT NOT NULL,
    mapping_sha256 TEXT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    sittings INTEGER NOT NULL,
    rows_total BIGINT NOT NULL,
    rows_done BIGINT NOT NULL,
    imported BIGINT NOT NULL,
    duplicates BIGINT NOT NULL,
    cards_issued BIGINT NOT NULL,
    refused TEXT NOT NULL,
    dropped_columns TEXT NOT NULL
);
