//! The `import_runs` table: where each import of an old system's export stands (counts, the
//! refused rows' numbers by reason, the columns dropped), committed with each batch it imports.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::import_runs;
use super::DbConnection;

#[derive(Queryable, Selectable, Insertable, AsChangeset, Clone, Debug, PartialEq, Eq)]
#[diesel(table_name = import_runs)]
pub struct ImportRunRow {
    /// The file's and the mapping's SHA-256, joined: the same file with the same mapping is
    /// the same import.
    pub id: String,
    pub file_sha256: String,
    pub mapping_sha256: String,
    pub started_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
    /// How many times it was started (a resumed run adds one).
    pub sittings: i32,
    pub rows_total: i64,
    pub rows_done: i64,
    pub imported: i64,
    pub duplicates: i64,
    pub cards_issued: i64,
    /// JSON: reason → the refused rows' numbers.
    pub refused: String,
    /// JSON: the export's columns dropped unread.
    pub dropped_columns: String,
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ImportRunRow>> {
    import_runs::table
        .find(id)
        .select(ImportRunRow::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConnection, row: &ImportRunRow) -> QueryResult<usize> {
    diesel::insert_into(import_runs::table)
        .values(row)
        .execute(conn)
}

pub fn update(conn: &mut DbConnection, row: &ImportRunRow) -> QueryResult<usize> {
    diesel::update(import_runs::table.find(&row.id))
        .set(row)
        .execute(conn)
}
