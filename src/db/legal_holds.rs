//! The `legal_holds` table, and the residents a hold in force covers (`held_residents`), which
//! the purge and the key ratchet read.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use diesel::prelude::*;

use super::schema::{held_residents, legal_holds, residents};
use super::DbConnection;
use crate::domain::legal_holds::HoldScope;

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = legal_holds)]
pub struct HoldRow {
    pub id: String,
    pub reference: String,
    pub scope: String,
    pub enrolled_from: Option<NaiveDate>,
    pub enrolled_to: Option<NaiveDate>,
    pub site: Option<String>,
    pub placed_at: NaiveDateTime,
    pub placed_by: String,
    pub lifted_at: Option<NaiveDateTime>,
    pub lifted_by: Option<String>,
}

pub fn insert(conn: &mut DbConnection, row: &HoldRow) -> QueryResult<()> {
    diesel::insert_into(legal_holds::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<HoldRow>> {
    legal_holds::table
        .find(id)
        .select(HoldRow::as_select())
        .first(conn)
        .optional()
}

/// Every hold, those in force first, newest first.
pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<HoldRow>> {
    legal_holds::table
        .select(HoldRow::as_select())
        .order((
            legal_holds::lifted_at.is_not_null(),
            legal_holds::placed_at.desc(),
        ))
        .load(conn)
}

/// The holds in force.
pub fn in_force(conn: &mut DbConnection) -> QueryResult<Vec<HoldRow>> {
    legal_holds::table
        .filter(legal_holds::lifted_at.is_null())
        .select(HoldRow::as_select())
        .order(legal_holds::placed_at)
        .load(conn)
}

/// Lifts a hold: 1 when this call lifted it.
pub fn lift(
    conn: &mut DbConnection,
    id: &str,
    (at, by): (NaiveDateTime, &str),
) -> QueryResult<usize> {
    diesel::update(
        legal_holds::table
            .find(id)
            .filter(legal_holds::lifted_at.is_null()),
    )
    .set((legal_holds::lifted_at.eq(at), legal_holds::lifted_by.eq(by)))
    .execute(conn)
}

fn midnight(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::MIN)
}

/// Records every resident the scope covers as held (those held already stay), in one
/// statement; how many it covers.
pub fn mark_covered(conn: &mut DbConnection, scope: &HoldScope) -> QueryResult<usize> {
    let not_yet = super::residents::not_held();
    match scope {
        HoldScope::All => diesel::insert_into(held_residents::table)
            .values(residents::table.filter(not_yet).select(residents::id))
            .into_columns(held_residents::resident_id)
            .execute(conn)?,
        HoldScope::EnrolledBetween { from, to } => diesel::insert_into(held_residents::table)
            .values(
                residents::table
                    .filter(residents::enrolled_at.ge(midnight(*from)))
                    .filter(residents::enrolled_at.lt(midnight(*to + TimeDelta::days(1))))
                    .filter(not_yet)
                    .select(residents::id),
            )
            .into_columns(held_residents::resident_id)
            .execute(conn)?,
        HoldScope::Site(code) => diesel::insert_into(held_residents::table)
            .values(
                residents::table
                    .filter(residents::enrolled_site.eq(code))
                    .filter(not_yet)
                    .select(residents::id),
            )
            .into_columns(held_residents::resident_id)
            .execute(conn)?,
    };
    count_covered(conn, scope)
}

/// How many residents a scope covers.
pub fn count_covered(conn: &mut DbConnection, scope: &HoldScope) -> QueryResult<usize> {
    let n: i64 = match scope {
        HoldScope::All => residents::table.count().get_result(conn)?,
        HoldScope::EnrolledBetween { from, to } => residents::table
            .filter(residents::enrolled_at.ge(midnight(*from)))
            .filter(residents::enrolled_at.lt(midnight(*to + TimeDelta::days(1))))
            .count()
            .get_result(conn)?,
        HoldScope::Site(code) => residents::table
            .filter(residents::enrolled_site.eq(code))
            .count()
            .get_result(conn)?,
    };
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Forgets every resident's hold (before the holds still in force record theirs again).
pub fn clear_held(conn: &mut DbConnection) -> QueryResult<usize> {
    diesel::delete(held_residents::table).execute(conn)
}

/// How many residents are held.
pub fn count_held(conn: &mut DbConnection) -> QueryResult<i64> {
    held_residents::table.count().get_result(conn)
}
