//! What the retention report counts, as aggregates: a count, the oldest and the overdue of each
//! data class, computed by the database (no row is loaded to be counted). What needs a count
//! over a whole table (held, oldest, data keys per epoch) is counted by the purge run and kept
//! in `record_census`; what is overdue is read through indexes that hold only records past
//! their day, so the report a request makes does not grow with the program.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{count_star, exists, min, not};
use diesel::prelude::*;

use super::schema::{cards, held_residents, record_census, residents, sessions};
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

/// How many records a class holds and when the oldest was made: what only a count over the
/// whole class gives. The purge run counts it (`census`); the report reads the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Held {
    pub held: i64,
    pub oldest: Option<NaiveDate>,
}

/// Residents with at least one card (their card face) and with none (unissued), counted over
/// every resident.
pub fn residents_held_by_card(conn: &mut DbConnection) -> QueryResult<(Held, Held)> {
    let has_card = || exists(cards::table.filter(cards::resident_id.eq(residents::id.nullable())));
    let (held, oldest): (i64, Option<NaiveDateTime>) = residents::table
        .filter(has_card())
        .select((count_star(), min(residents::enrolled_at)))
        .first(conn)?;
    let with_card = Held {
        held,
        oldest: oldest.map(|t| t.date()),
    };
    let (held, oldest): (i64, Option<NaiveDateTime>) = residents::table
        .filter(not(has_card()))
        .select((count_star(), min(residents::enrolled_at)))
        .first(conn)?;
    let unissued = Held {
        held,
        oldest: oldest.map(|t| t.date()),
    };
    Ok((with_card, unissued))
}

/// Residents past their destruction day at `as_of`, with a card and without: (overdue, kept by
/// a legal hold) each. Found through the index on the destruction day, so only the residents
/// past it are read: none, in a program that keeps its policy, whatever its size. Their cards
/// and holds are then looked up by resident, a statement per thousand: as one statement with
/// `EXISTS`, PostgreSQL's generic plan joined every card.
///
/// More than `PAST_DAY_LOOKUPS` such residents (a report as of a day far ahead, or a hold over
/// everyone for years) are counted by the database instead, in statements whose time grows
/// with the residents but whose memory does not.
pub fn residents_past_their_day(
    conn: &mut DbConnection,
    as_of: NaiveDate,
) -> QueryResult<((i64, i64), (i64, i64))> {
    residents_past_their_day_looking_up(conn, as_of, PAST_DAY_LOOKUPS)
}

/// `residents_past_their_day`, looking up at most `most` residents one by one.
pub fn residents_past_their_day_looking_up(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    most: i64,
) -> QueryResult<((i64, i64), (i64, i64))> {
    let past: Vec<String> = residents::table
        .filter(residents::destroy_after.lt(as_of))
        .order(residents::destroy_after.asc())
        .select(residents::id)
        .limit(most + 1)
        .load(conn)?;
    if past.len() as i64 > most {
        return residents_past_their_day_counted(conn, as_of);
    }
    let (mut with_card, mut unissued) = ((0, 0), (0, 0));
    for ids in past.chunks(LOOKUP_CHUNK) {
        let carded = with_cards(conn, ids)?;
        let held = held(conn, ids)?;
        for id in ids {
            let class = if carded.contains(id) {
                &mut with_card
            } else {
                &mut unissued
            };
            if held.contains(id) {
                class.1 += 1;
            } else {
                class.0 += 1;
            }
        }
    }
    Ok((with_card, unissued))
}

/// Residents looked up per statement.
const LOOKUP_CHUNK: usize = 1_000;

/// The most residents past their day that are looked up one by one.
const PAST_DAY_LOOKUPS: i64 = 50_000;

/// `residents_past_their_day`, counted by the database over the residents past their day.
fn residents_past_their_day_counted(
    conn: &mut DbConnection,
    as_of: NaiveDate,
) -> QueryResult<((i64, i64), (i64, i64))> {
    let has_card = || exists(cards::table.filter(cards::resident_id.eq(residents::id.nullable())));
    let past = || residents::table.filter(residents::destroy_after.lt(as_of));
    let held = || not(super::residents::not_held());
    Ok((
        (
            past()
                .filter(has_card())
                .filter(super::residents::not_held())
                .count()
                .get_result(conn)?,
            past()
                .filter(has_card())
                .filter(held())
                .count()
                .get_result(conn)?,
        ),
        (
            past()
                .filter(not(has_card()))
                .filter(super::residents::not_held())
                .count()
                .get_result(conn)?,
            past()
                .filter(not(has_card()))
                .filter(held())
                .count()
                .get_result(conn)?,
        ),
    ))
}

/// Which of `ids` have a card.
fn with_cards(conn: &mut DbConnection, ids: &[String]) -> QueryResult<HashSet<String>> {
    Ok(cards::table
        .filter(cards::resident_id.eq_any(ids))
        .select(cards::resident_id)
        .load::<Option<String>>(conn)?
        .into_iter()
        .flatten()
        .collect())
}

/// Which of `ids` a legal hold covers.
fn held(conn: &mut DbConnection, ids: &[String]) -> QueryResult<HashSet<String>> {
    Ok(held_residents::table
        .filter(held_residents::resident_id.eq_any(ids))
        .select(held_residents::resident_id)
        .load::<String>(conn)?
        .into_iter()
        .collect())
}

/// Print-only addresses held, counted over every resident.
pub fn addresses_held(conn: &mut DbConnection) -> QueryResult<i64> {
    residents::table
        .filter(residents::address.is_not_null())
        .count()
        .get_result(conn)
}

/// Of the addresses held, how many a printed card already carries (which the purge destroys
/// unless the policy keeps addresses): (printed, printed but kept by a legal hold). Read through
/// the index of the addresses held, which the purge keeps to the cards not printed yet, then
/// their residents' printed cards by resident, a statement per thousand.
pub fn addresses_printed(conn: &mut DbConnection) -> QueryResult<(i64, i64)> {
    let addresses: Vec<(String, Option<NaiveDateTime>)> = residents::table
        .filter(residents::address.is_not_null())
        .select((residents::id, residents::address_updated_at))
        .load(conn)?;
    let (mut printed, mut printed_but_held) = (0, 0);
    for chunk in addresses.chunks(LOOKUP_CHUNK) {
        let ids: Vec<String> = chunk.iter().map(|(id, _)| id.clone()).collect();
        let mut last_printed: HashMap<String, NaiveDateTime> = HashMap::new();
        let prints: Vec<(Option<String>, Option<NaiveDateTime>)> = cards::table
            .filter(cards::resident_id.eq_any(&ids))
            .filter(cards::printed_at.is_not_null())
            .select((cards::resident_id, cards::printed_at))
            .load(conn)?;
        for (id, at) in prints {
            if let (Some(id), Some(at)) = (id, at) {
                let last = last_printed.entry(id).or_insert(at);
                *last = (*last).max(at);
            }
        }
        let held = held(conn, &ids)?;
        for (id, updated) in chunk {
            let since = matches!((last_printed.get(id), updated), (Some(p), Some(u)) if p > u);
            match (since, held.contains(id)) {
                (false, _) => {}
                (true, false) => printed += 1,
                (true, true) => printed_but_held += 1,
            }
        }
    }
    Ok((printed, printed_but_held))
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

/// Cards (status records) held and the earliest issue day, counted over every card.
pub fn cards_held(conn: &mut DbConnection) -> QueryResult<Held> {
    let (held, oldest): (i64, Option<NaiveDate>) = cards::table
        .select((count_star(), min(cards::issued_on)))
        .first(conn)?;
    Ok(Held { held, oldest })
}

/// Residents' data keys per key epoch, counted over every resident.
pub fn data_keys_per_epoch(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    residents::table
        .group_by(residents::key_epoch)
        .select((residents::key_epoch, count_star()))
        .load(conn)
}

/// One figure of the last census: a class's records held and its oldest (`kind` `class`,
/// `name` the class), or the data keys wrapped under a key epoch (`kind` `data_keys`, `name`
/// the epoch, no oldest).
#[derive(Queryable, Selectable, Insertable, Debug, Clone, PartialEq, Eq)]
#[diesel(table_name = record_census)]
pub struct CensusRow {
    pub kind: String,
    pub name: String,
    pub held: i64,
    pub oldest: Option<NaiveDate>,
    pub counted_at: NaiveDateTime,
}

/// Replaces the census with `rows`, at once: a report reads the last census whole or the one
/// before it whole.
pub fn replace_census(conn: &mut DbConnection, rows: &[CensusRow]) -> QueryResult<()> {
    super::transaction(conn, |conn| {
        diesel::delete(record_census::table).execute(conn)?;
        for row in rows {
            diesel::insert_into(record_census::table)
                .values(row)
                .execute(conn)?;
        }
        Ok(())
    })
}

/// The last census (empty when no purge run has counted yet).
pub fn census(conn: &mut DbConnection) -> QueryResult<Vec<CensusRow>> {
    record_census::table
        .order((record_census::kind, record_census::name))
        .select(CensusRow::as_select())
        .load(conn)
}
