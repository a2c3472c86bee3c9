//! The `purge_runs` table: what each purge did (counts only).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::purge_runs;
use super::DbConnection;

#[derive(Queryable, Selectable, Insertable, AsChangeset, Clone, Debug, PartialEq, Eq)]
#[diesel(table_name = purge_runs)]
pub struct PurgeRunRow {
    pub id: String,
    pub started_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
    pub as_of: NaiveDate,
    pub trigger_source: String,
    pub outcome: String,
    pub residents_destroyed: i64,
    pub unissued_destroyed: i64,
    pub addresses_destroyed: i64,
    pub sessions_removed: i64,
    pub audit_entries_removed: i64,
    pub epochs_destroyed: String,
    pub cards_uncollected: i64,
}

pub fn insert(conn: &mut DbConnection, row: &PurgeRunRow) -> QueryResult<usize> {
    diesel::insert_into(purge_runs::table)
        .values(row)
        .execute(conn)
}

pub fn update(conn: &mut DbConnection, row: &PurgeRunRow) -> QueryResult<usize> {
    diesel::update(purge_runs::table.find(&row.id))
        .set(row)
        .execute(conn)
}

pub fn recent(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<PurgeRunRow>> {
    purge_runs::table
        .order(purge_runs::started_at.desc())
        .limit(limit)
        .select(PurgeRunRow::as_select())
        .load(conn)
}
