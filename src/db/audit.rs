//! The `audit_log` and `audit_head` tables. Appends go through the head row, which each writing
//! transaction updates first: that serialises appends on both backends.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{audit_head, audit_log};
use super::DbConnection;

#[derive(Queryable, Selectable, Insertable, Clone, Debug, PartialEq, Eq)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub seq: i64,
    pub recorded_at: NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub subject: Option<String>,
    pub prev_hash: String,
    pub entry_hash: String,
}

/// Takes the chain head for this transaction: returns the next sequence number and the hash
/// of the entry before it. Holds the write lock until the transaction ends.
pub fn reserve_next(conn: &mut DbConnection) -> QueryResult<(i64, String)> {
    diesel::update(audit_head::table.find(1))
        .set(audit_head::seq.eq(audit_head::seq + 1))
        .execute(conn)?;
    audit_head::table
        .find(1)
        .select((audit_head::seq, audit_head::entry_hash))
        .first(conn)
}

pub fn insert(conn: &mut DbConnection, row: &AuditRow) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values(row)
        .execute(conn)?;
    diesel::update(audit_head::table.find(1))
        .set(audit_head::entry_hash.eq(&row.entry_hash))
        .execute(conn)?;
    Ok(())
}

pub fn head(conn: &mut DbConnection) -> QueryResult<(i64, String)> {
    audit_head::table
        .find(1)
        .select((audit_head::seq, audit_head::entry_hash))
        .first(conn)
}

/// A page of entries in chain order, from `after_seq` (exclusive).
pub fn page(conn: &mut DbConnection, after_seq: i64, limit: i64) -> QueryResult<Vec<AuditRow>> {
    audit_log::table
        .filter(audit_log::seq.gt(after_seq))
        .order(audit_log::seq.asc())
        .limit(limit)
        .select(AuditRow::as_select())
        .load(conn)
}
