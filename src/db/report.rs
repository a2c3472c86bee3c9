//! What the retention report counts, as aggregates: a count, the oldest and the overdue of each
//! data class, computed by the database (no row is loaded to be counted).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{count_star, exists, min, not};
use diesel::prelude::*;

use super::schema::{cards, residents, sessions};
use super::DbConnection;

/// How many records a class holds, when the oldest was made, and how many are past their rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ClassFigures {
    pub held: i64,
    pub oldest: Option<NaiveDate>,
    pub overdue: i64,
    /// Past their destruction day, kept because a legal hold covers them (not overdue).
    pub under_legal_hold: i64,
}

/// Residents with at least one card (their card face) or none (unissued), judged at `as_of`:
/// overdue is a record whose destruction day has passed and no legal hold covers.
pub fn residents_by_card(
    conn: &mut DbConnection,
    as_of: NaiveDate,
) -> QueryResult<(ClassFigures, ClassFigures)> {
    let has_card = || exists(cards::table.filter(cards::resident_id.eq(residents::id.nullable())));
    let (held, oldest): (i64, Option<NaiveDateTime>) = residents::table
        .filter(has_card())
        .select((count_star(), min(residents::enrolled_at)))
        .first(conn)?;
    let overdue = residents::table
        .filter(has_card())
        .filter(residents::destroy_after.lt(as_of))
        .filter(super::residents::not_held())
        .count()
        .get_result(conn)?;
    let under_legal_hold = residents::table
        .filter(has_card())
        .filter(residents::destroy_after.lt(as_of))
        .filter(not(super::residents::not_held()))
        .count()
        .get_result(conn)?;
    let with_card = ClassFigures {
        held,
        oldest: oldest.map(|t| t.date()),
        overdue,
        under_legal_hold,
    };
    let (held, oldest): (i64, Option<NaiveDateTime>) = residents::table
        .filter(not(has_card()))
        .select((count_star(), min(residents::enrolled_at)))
        .first(conn)?;
    let overdue = residents::table
        .filter(not(has_card()))
        .filter(residents::destroy_after.lt(as_of))
        .filter(super::residents::not_held())
        .count()
        .get_result(conn)?;
    let under_legal_hold = residents::table
        .filter(not(has_card()))
        .filter(residents::destroy_after.lt(as_of))
        .filter(not(super::residents::not_held()))
        .count()
        .get_result(conn)?;
    let unissued = ClassFigures {
        held,
        oldest: oldest.map(|t| t.date()),
        overdue,
        under_legal_hold,
    };
    Ok((with_card, unissued))
}

/// Print-only addresses held, and how many of them a printed card already carries (which the
/// purge destroys unless the policy keeps addresses).
/// The printed ones a legal hold keeps are counted apart: (held, printed, printed but held).
pub fn addresses(conn: &mut DbConnection) -> QueryResult<(i64, i64, i64)> {
    let held = residents::table
        .filter(residents::address.is_not_null())
        .count()
        .get_result(conn)?;
    let printed_since = || {
        exists(
            cards::table
                .filter(cards::resident_id.eq(residents::id.nullable()))
                .filter(cards::printed_at.gt(residents::address_updated_at)),
        )
    };
    let printed = residents::table
        .filter(residents::address.is_not_null())
        .filter(printed_since())
        .filter(super::residents::not_held())
        .count()
        .get_result(conn)?;
    let under_legal_hold = residents::table
        .filter(residents::address.is_not_null())
        .filter(printed_since())
        .filter(not(super::residents::not_held()))
        .count()
        .get_result(conn)?;
    Ok((held, printed, under_legal_hold))
}

/// Staff sessions at `at`: overdue is one past its absolute end or idle since `idle_cutoff`.
pub fn sessions(
    conn: &mut DbConnection,
    at: NaiveDateTime,
    idle_cutoff: NaiveDateTime,
) -> QueryResult<ClassFigures> {
    let (held, oldest): (i64, Option<NaiveDateTime>) = sessions::table
        .select((count_star(), min(sessions::created_at)))
        .first(conn)?;
    let overdue = sessions::table
        .filter(
            sessions::expires_at
                .le(at)
                .or(sessions::last_seen_at.lt(idle_cutoff)),
        )
        .count()
        .get_result(conn)?;
    Ok(ClassFigures {
        held,
        oldest: oldest.map(|t| t.date()),
        overdue,
        under_legal_hold: 0,
    })
}

/// Cards (status records) held and the earliest issue day.
pub fn cards(conn: &mut DbConnection) -> QueryResult<ClassFigures> {
    let (held, oldest): (i64, Option<NaiveDate>) = cards::table
        .select((count_star(), min(cards::issued_on)))
        .first(conn)?;
    Ok(ClassFigures {
        held,
        oldest,
        overdue: 0,
        under_legal_hold: 0,
    })
}

/// Residents' data keys per key epoch.
pub fn data_keys_per_epoch(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    residents::table
        .group_by(residents::key_epoch)
        .select((residents::key_epoch, count_star()))
        .load(conn)
}
