//! The `cards` table: card numbers, status-list indices, dates and status. No personal data.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::cards;
use super::DbConnection;

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = cards)]
pub struct CardRow {
    pub card_number: String,
    pub resident_id: Option<String>,
    pub status: String,
    pub status_index: i64,
    pub issue_reason: String,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
    pub issued_at: NaiveDateTime,
    pub issued_by: String,
    pub revoked_at: Option<NaiveDateTime>,
    pub revoke_reason: Option<String>,
    pub printed_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConnection, row: &CardRow) -> QueryResult<()> {
    diesel::insert_into(cards::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConnection, card_number: &str) -> QueryResult<Option<CardRow>> {
    cards::table
        .find(card_number)
        .select(CardRow::as_select())
        .first(conn)
        .optional()
}

pub fn for_resident(conn: &mut DbConnection, resident_id: &str) -> QueryResult<Vec<CardRow>> {
    cards::table
        .filter(cards::resident_id.eq(resident_id))
        .order((cards::issued_at.desc(), cards::status.asc()))
        .select(CardRow::as_select())
        .load(conn)
}

/// Revokes every active card of a resident; returns the card numbers revoked.
pub fn revoke_active_of(
    conn: &mut DbConnection,
    resident_id: &str,
    at: NaiveDateTime,
    reason: &str,
) -> QueryResult<Vec<String>> {
    let active: Vec<String> = cards::table
        .filter(cards::resident_id.eq(resident_id))
        .filter(cards::status.eq("active"))
        .select(cards::card_number)
        .load(conn)?;
    for number in &active {
        revoke(conn, number, at, reason)?;
    }
    Ok(active)
}

pub fn revoke(
    conn: &mut DbConnection,
    card_number: &str,
    at: NaiveDateTime,
    reason: &str,
) -> QueryResult<usize> {
    diesel::update(
        cards::table
            .find(card_number)
            .filter(cards::status.eq("active")),
    )
    .set((
        cards::status.eq("revoked"),
        cards::revoked_at.eq(at),
        cards::revoke_reason.eq(reason),
    ))
    .execute(conn)
}

pub fn mark_printed(
    conn: &mut DbConnection,
    card_number: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(cards::table.find(card_number))
        .set(cards::printed_at.eq(at))
        .execute(conn)
}

/// Status-list indices of revoked cards: the bits set in the published list.
pub fn revoked_indices(conn: &mut DbConnection) -> QueryResult<Vec<i64>> {
    cards::table
        .filter(cards::status.eq("revoked"))
        .select(cards::status_index)
        .load(conn)
}
