//! The `audit_log` and `audit_head` tables. Appends go through the head row, which each writing
//! transaction updates: that serialises appends on both backends.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{audit_anchor, audit_head, audit_log, audit_seals};
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

/// A write that changes nothing (the chain head set to itself), committed: whether the
/// database's storage can take a write again after it was full.
pub fn probe_write(conn: &mut DbConnection) -> QueryResult<()> {
    super::transaction(conn, |conn| {
        diesel::update(audit_head::table.find(1))
            .set(audit_head::seq.eq(audit_head::seq))
            .execute(conn)
            .map(drop)
    })
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

#[derive(Queryable, Selectable, Insertable, Clone, Debug, PartialEq, Eq)]
#[diesel(table_name = audit_seals)]
pub struct SealRow {
    pub seq: i64,
    pub entry_hash: String,
    pub sealed_at: NaiveDateTime,
    pub key_id: String,
    pub signature: String,
}

/// Where the chain starts: entry 0, or the last entry removed by retention.
pub fn anchor(conn: &mut DbConnection) -> QueryResult<(i64, String)> {
    audit_anchor::table
        .find(1)
        .select((audit_anchor::seq, audit_anchor::entry_hash))
        .first(conn)
}

pub fn insert_seal(conn: &mut DbConnection, seal: &SealRow) -> QueryResult<usize> {
    diesel::insert_into(audit_seals::table)
        .values(seal)
        .execute(conn)
}

/// The seals of the entries after `seq`, in chain order.
pub fn seals_after(conn: &mut DbConnection, seq: i64) -> QueryResult<Vec<SealRow>> {
    audit_seals::table
        .filter(audit_seals::seq.gt(seq))
        .order(audit_seals::seq.asc())
        .select(SealRow::as_select())
        .load(conn)
}

pub fn last_seal(conn: &mut DbConnection) -> QueryResult<Option<SealRow>> {
    audit_seals::table
        .order(audit_seals::seq.desc())
        .select(SealRow::as_select())
        .first(conn)
        .optional()
}

/// Takes the chain head's lock for this transaction without appending (the seal is written
/// under it, so two instances never seal the same head twice).
pub fn lock_head(conn: &mut DbConnection) -> QueryResult<()> {
    diesel::update(audit_head::table.find(1))
        .set(audit_head::seq.eq(audit_head::seq))
        .execute(conn)?;
    Ok(())
}

/// Entry `seq`, if the chain holds it.
pub fn entry_at(conn: &mut DbConnection, seq: i64) -> QueryResult<Option<AuditRow>> {
    audit_log::table
        .find(seq)
        .select(AuditRow::as_select())
        .first(conn)
        .optional()
}

/// The hash of entry `seq`, if the chain holds it.
pub fn entry_hash_at(conn: &mut DbConnection, seq: i64) -> QueryResult<Option<String>> {
    audit_log::table
        .find(seq)
        .select(audit_log::entry_hash)
        .first(conn)
        .optional()
}

/// The last entry recorded before `cutoff`: where the anchor moves when retention removes
/// everything before it.
pub fn last_before(
    conn: &mut DbConnection,
    cutoff: NaiveDateTime,
) -> QueryResult<Option<(i64, String)>> {
    audit_log::table
        .filter(audit_log::recorded_at.lt(cutoff))
        .order(audit_log::seq.desc())
        .select((audit_log::seq, audit_log::entry_hash))
        .first(conn)
        .optional()
}

/// Removes entries (and seals) up to and including `seq`, moving the anchor to that entry (so
/// the rest of the chain still verifies). Returns how many entries were removed.
pub fn remove_through(conn: &mut DbConnection, seq: i64, hash: &str) -> QueryResult<i64> {
    let removed = diesel::delete(audit_log::table.filter(audit_log::seq.le(seq))).execute(conn)?;
    diesel::delete(audit_seals::table.filter(audit_seals::seq.le(seq))).execute(conn)?;
    diesel::update(audit_anchor::table.find(1))
        .set((audit_anchor::seq.eq(seq), audit_anchor::entry_hash.eq(hash)))
        .execute(conn)?;
    Ok(i64::try_from(removed).unwrap_or(i64::MAX))
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    audit_log::table.count().get_result(conn)
}

pub fn oldest(conn: &mut DbConnection) -> QueryResult<Option<NaiveDateTime>> {
    audit_log::table
        .select(diesel::dsl::min(audit_log::recorded_at))
        .first(conn)
}

pub fn count_before(conn: &mut DbConnection, cutoff: NaiveDateTime) -> QueryResult<i64> {
    audit_log::table
        .filter(audit_log::recorded_at.lt(cutoff))
        .count()
        .get_result(conn)
}

/// Per staff id, how many entries with one of `actions` in `[since, until)`.
pub fn counts_by_actor(
    conn: &mut DbConnection,
    actions: &[&str],
    (since, until): (NaiveDateTime, NaiveDateTime),
) -> QueryResult<Vec<(String, i64)>> {
    audit_log::table
        .filter(audit_log::action.eq_any(actions))
        .filter(audit_log::recorded_at.ge(since))
        .filter(audit_log::recorded_at.lt(until))
        .group_by(audit_log::actor)
        .select((audit_log::actor, diesel::dsl::count_star()))
        .load(conn)
}

/// An audit entry without its chain hashes.
#[derive(Queryable, Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub recorded_at: NaiveDateTime,
    pub actor: String,
    pub action: String,
    pub subject: Option<String>,
}

/// The entries with one of `actions` in `[since, until)`, oldest first.
pub fn entries_with_actions(
    conn: &mut DbConnection,
    actions: &[&str],
    (since, until): (NaiveDateTime, NaiveDateTime),
) -> QueryResult<Vec<Entry>> {
    audit_log::table
        .filter(audit_log::action.eq_any(actions))
        .filter(audit_log::recorded_at.ge(since))
        .filter(audit_log::recorded_at.lt(until))
        .order(audit_log::seq.asc())
        .select((
            audit_log::recorded_at,
            audit_log::actor,
            audit_log::action,
            audit_log::subject,
        ))
        .load(conn)
}
