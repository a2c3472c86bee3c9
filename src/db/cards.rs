//! The `cards` table: card numbers, status-list indices, dates and status. No personal data.
//! Once the resident's data is destroyed a card stays as a tombstone holding only its number,
//! status, status-list index and dates, so verification keeps answering for it.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{card_deliveries, cards};
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

/// How a card reaches its resident (`counter`, `mail`, `pickup`), the site a pick-up card is
/// collected at, when it was ready there, when it was handed over or mailed, and the day by
/// which a pick-up card must be collected. A tombstone has none.
#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = card_deliveries)]
pub struct DeliveryRow {
    pub card_number: String,
    pub method: String,
    pub pickup_site: Option<String>,
    pub ready_at: Option<NaiveDateTime>,
    pub delivered_at: Option<NaiveDateTime>,
    pub collect_by: Option<NaiveDate>,
}

pub fn insert(conn: &mut DbConnection, row: &CardRow, delivery: &DeliveryRow) -> QueryResult<()> {
    diesel::insert_into(cards::table)
        .values(row)
        .execute(conn)?;
    diesel::insert_into(card_deliveries::table)
        .values(delivery)
        .execute(conn)
        .map(|_| ())
}

pub fn delivery_of(conn: &mut DbConnection, card_number: &str) -> QueryResult<Option<DeliveryRow>> {
    card_deliveries::table
        .find(card_number)
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()
}

/// The cards of a resident with their deliveries, newest first.
pub fn for_resident_with_delivery(
    conn: &mut DbConnection,
    resident_id: &str,
) -> QueryResult<Vec<(CardRow, Option<DeliveryRow>)>> {
    cards::table
        .left_join(card_deliveries::table)
        .filter(cards::resident_id.eq(resident_id))
        .order((cards::issued_at.desc(), cards::status.asc()))
        .select((CardRow::as_select(), Option::<DeliveryRow>::as_select()))
        .load(conn)
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

/// Revokes an active card. A card that was on its way forgets where to: its pick-up site and
/// days go.
pub fn revoke(
    conn: &mut DbConnection,
    card_number: &str,
    at: NaiveDateTime,
    reason: &str,
) -> QueryResult<usize> {
    let revoked = diesel::update(
        cards::table
            .find(card_number)
            .filter(cards::status.eq("active")),
    )
    .set((
        cards::status.eq("revoked"),
        cards::revoked_at.eq(at),
        cards::revoke_reason.eq(reason),
    ))
    .execute(conn)?;
    forget_route(conn, card_number)?;
    Ok(revoked)
}

/// Where a card waited and when it was ready: kept only while it is on its way, as it ties the
/// card to a place at a time.
fn forget_route(conn: &mut DbConnection, card_number: &str) -> QueryResult<usize> {
    diesel::update(card_deliveries::table.find(card_number))
        .set((
            card_deliveries::pickup_site.eq(None::<String>),
            card_deliveries::ready_at.eq(None::<NaiveDateTime>),
            card_deliveries::collect_by.eq(None::<NaiveDate>),
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

/// A pick-up card at its site, to be collected by `collect_by`: only one not yet ready or
/// handed over. (The caller checked, behind the audit chain head, that the card is active.)
pub fn mark_ready(
    conn: &mut DbConnection,
    card_number: &str,
    at: NaiveDateTime,
    collect_by: NaiveDate,
) -> QueryResult<usize> {
    diesel::update(
        card_deliveries::table
            .find(card_number)
            .filter(card_deliveries::ready_at.is_null())
            .filter(card_deliveries::delivered_at.is_null()),
    )
    .set((
        card_deliveries::ready_at.eq(at),
        card_deliveries::collect_by.eq(collect_by),
    ))
    .execute(conn)
}

/// A card handed over or mailed, on `day` (the day only): only one not delivered before. Where
/// it waited, when it was ready and the day to collect it by are forgotten.
pub fn mark_delivered(
    conn: &mut DbConnection,
    card_number: &str,
    day: NaiveDate,
) -> QueryResult<usize> {
    let delivered = diesel::update(
        card_deliveries::table
            .find(card_number)
            .filter(card_deliveries::delivered_at.is_null()),
    )
    .set(card_deliveries::delivered_at.eq(day.and_time(chrono::NaiveTime::MIN)))
    .execute(conn)?;
    if delivered > 0 {
        forget_route(conn, card_number)?;
    }
    Ok(delivered)
}

/// A pick-up card to be collected at another site: on its way there, collected by
/// `collect_by`.
pub fn move_pickup(
    conn: &mut DbConnection,
    card_number: &str,
    site: Option<&str>,
    collect_by: NaiveDate,
) -> QueryResult<usize> {
    diesel::update(
        card_deliveries::table
            .find(card_number)
            .filter(card_deliveries::delivered_at.is_null()),
    )
    .set((
        card_deliveries::pickup_site.eq(site),
        card_deliveries::ready_at.eq(None::<NaiveDateTime>),
        card_deliveries::collect_by.eq(collect_by),
    ))
    .execute(conn)
}

/// The active pick-up cards of a site not yet handed over, those ready first, each by the day
/// it must be collected.
pub fn pickup_queue(
    conn: &mut DbConnection,
    site: &str,
) -> QueryResult<Vec<(CardRow, DeliveryRow)>> {
    cards::table
        .inner_join(card_deliveries::table)
        .filter(card_deliveries::pickup_site.eq(site))
        .filter(card_deliveries::delivered_at.is_null())
        .filter(cards::status.eq("active"))
        .order((
            card_deliveries::ready_at.is_null().asc(),
            card_deliveries::collect_by.asc(),
            cards::card_number.asc(),
        ))
        .select((CardRow::as_select(), DeliveryRow::as_select()))
        .load(conn)
}

/// Active pick-up cards whose collection day is before `as_of`, not handed over: number and
/// resident.
pub fn uncollected(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<(String, Option<String>)>> {
    cards::table
        .inner_join(card_deliveries::table)
        .filter(card_deliveries::collect_by.lt(as_of))
        .filter(card_deliveries::delivered_at.is_null())
        .filter(cards::status.eq("active"))
        .order((card_deliveries::collect_by.asc(), cards::card_number.asc()))
        .limit(limit)
        .select((cards::card_number, cards::resident_id))
        .load(conn)
}

/// Whether an active card of the resident is to be mailed and not mailed yet.
pub fn awaiting_mail(conn: &mut DbConnection, resident_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        cards::table
            .inner_join(card_deliveries::table)
            .filter(cards::resident_id.eq(resident_id))
            .filter(cards::status.eq("active"))
            .filter(card_deliveries::method.eq("mail"))
            .filter(card_deliveries::delivered_at.is_null()),
    ))
    .get_result(conn)
}

/// Whether a resident has an active card other than `except`.
pub fn has_other_active(
    conn: &mut DbConnection,
    resident_id: &str,
    except: &str,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        cards::table
            .filter(cards::resident_id.eq(resident_id))
            .filter(cards::status.eq("active"))
            .filter(cards::card_number.ne(except)),
    ))
    .get_result(conn)
}

/// Turns the cards of residents about to be destroyed into tombstones, inside the caller's
/// transaction and before the resident rows go: who issued each card and why, why it was
/// revoked, when it printed, at which sites, and how it was delivered are dropped, and its times are cut to the day. What stays is
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
    let numbers: Vec<&String> = of_them.iter().map(|(number, _, _)| number).collect();
    diesel::delete(card_deliveries::table.filter(card_deliveries::card_number.eq_any(numbers)))
        .execute(conn)?;
    Ok(of_them.len())
}

/// Whether any card, a tombstone included, ever had this status-list index.
pub fn status_index_taken(conn: &mut DbConnection, index: i64) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        cards::table.filter(cards::status_index.eq(index)),
    ))
    .get_result(conn)
}

/// Status-list indices of revoked cards: the bits set in the published list.
pub fn revoked_indices(conn: &mut DbConnection) -> QueryResult<Vec<i64>> {
    cards::table
        .filter(cards::status.eq("revoked"))
        .select(cards::status_index)
        .load(conn)
}

/// The status-list indices of the cards revoked at or after `since`: a range of the
/// `cards_revoked_at` index, however many cards there are (the status list's refresh).
/// Only a revoked card has a revocation time (`revoke` sets both; a tombstone keeps both, the
/// time cut to the day), so the time alone selects them: with `status = 'revoked'` beside it,
/// SQLite and PostgreSQL's generic plan read the index on `status` instead, that is every
/// revoked card.
pub fn revoked_since(conn: &mut DbConnection, since: NaiveDateTime) -> QueryResult<Vec<i64>> {
    cards::table
        .filter(cards::revoked_at.ge(since))
        .select(cards::status_index)
        .load(conn)
}

/// The highest status-list index any card (a tombstone included) holds: one step down the
/// index on `status_index`.
pub fn highest_status_index(conn: &mut DbConnection) -> QueryResult<Option<i64>> {
    cards::table
        .select(diesel::dsl::max(cards::status_index))
        .first(conn)
}

/// Every card ever issued, tombstones included: each holds a status-list index for good.
pub fn count_all(conn: &mut DbConnection) -> QueryResult<i64> {
    cards::table.count().get_result(conn)
}

/// Cards still active on `today` (not revoked, not expired).
pub fn count_active(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<i64> {
    cards::table
        .filter(cards::status.eq("active"))
        .filter(cards::expires_on.ge(today))
        .count()
        .get_result(conn)
}
