//! The `cards` table: card numbers, status-list indices, dates and status. No personal data.
//! Once the resident's data is destroyed a card stays as a tombstone holding only its number,
//! status, status-list index and dates, so verification keeps answering for it.

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
    /// `None` on a tombstone, as are `issued_by`, `revoke_reason` and `printed_at`.
    pub issue_reason: Option<String>,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
    pub issued_at: NaiveDateTime,
    pub issued_by: Option<String>,
    pub revoked_at: Option<NaiveDateTime>,
    pub revoke_reason: Option<String>,
    pub printed_at: Option<NaiveDateTime>,
    /// The site the card was issued at, and printed at (codes; `None` where the program has
    /// no sites, and on a tombstone).
    pub issued_site: Option<String>,
    pub printed_site: Option<String>,
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
    (at, site): (NaiveDateTime, Option<&str>),
) -> QueryResult<usize> {
    diesel::update(cards::table.find(card_number))
        .set((cards::printed_at.eq(at), cards::printed_site.eq(site)))
        .execute(conn)
}

/// Turns the cards of residents about to be destroyed into tombstones, inside the caller's
/// transaction and before the resident rows go: who issued each card and why, why it was
/// revoked, when it printed and at which sites are dropped, and its times are cut to the day. What stays is
/// what verification needs: number, status, status-list index, issue, expiry and revocation
/// dates.
pub fn make_tombstones(conn: &mut DbConnection, resident_ids: &[String]) -> QueryResult<usize> {
    let of_them: Vec<(String, NaiveDate, Option<NaiveDateTime>)> = cards::table
        .filter(cards::resident_id.eq_any(resident_ids))
        .select((cards::card_number, cards::issued_on, cards::revoked_at))
        .load(conn)?;
    let midnight = |day: NaiveDate| day.and_time(chrono::NaiveTime::MIN);
    for (number, issued_on, revoked_at) in &of_them {
        diesel::update(cards::table.find(number))
            .set((
                cards::resident_id.eq(None::<String>),
                cards::issue_reason.eq(None::<String>),
                cards::issued_at.eq(midnight(*issued_on)),
                cards::issued_by.eq(None::<String>),
                cards::revoked_at.eq(revoked_at.map(|at| midnight(at.date()))),
                cards::revoke_reason.eq(None::<String>),
                cards::printed_at.eq(None::<NaiveDateTime>),
                cards::issued_site.eq(None::<String>),
                cards::printed_site.eq(None::<String>),
            ))
            .execute(conn)?;
    }
    Ok(of_them.len())
}

/// Status-list indices of revoked cards: the bits set in the published list.
/// Whether any card, a tombstone included, ever had this status-list index.
pub fn status_index_taken(conn: &mut DbConnection, index: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        cards::table.filter(cards::status_index.eq(index)),
    ))
    .get_result(conn)
}

pub fn revoked_indices(conn: &mut DbConnection) -> QueryResult<Vec<i64>> {
    cards::table
        .filter(cards::status.eq("revoked"))
        .select(cards::status_index)
        .load(conn)
}

/// Cards still active on `today` (not revoked, not expired).
pub fn count_active(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<i64> {
    cards::table
        .filter(cards::status.eq("active"))
        .filter(cards::expires_on.ge(today))
        .count()
        .get_result(conn)
}
