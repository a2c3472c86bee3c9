//! The `program_counts` table: how many of each counted event (an application, a card issued
//! for a reason, a fee paid or waived under a category, an age band, a language asked for)
//! each day saw. Counts only: no resident, card or staff id, no time of day, so nothing here
//! leads back to a person. The council's report reads them.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::program_counts;
use super::DbConnection;

/// Adds one to the day's count of `metric` in `category` at `site` ('' where no site is
/// recorded), creating the row at the day's first.
/// Inside the caller's transaction, so the count moves with what it counts. The insert runs in
/// a savepoint: when another transaction created the row meanwhile, the unique violation rolls
/// back only the savepoint (PostgreSQL would otherwise abort the whole transaction) and the
/// update then adds to that row.
pub fn bump(
    conn: &mut DbConnection,
    (day, site): (NaiveDate, &str),
    metric: &str,
    category: &str,
) -> QueryResult<()> {
    let row = program_counts::table
        .filter(program_counts::day.eq(day))
        .filter(program_counts::site.eq(site))
        .filter(program_counts::metric.eq(metric))
        .filter(program_counts::category.eq(category));
    let add_one = |conn: &mut DbConnection| {
        diesel::update(row)
            .set(program_counts::count.eq(program_counts::count + 1))
            .execute(conn)
    };
    if add_one(conn)? > 0 {
        return Ok(());
    }
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(program_counts::table)
            .values((
                program_counts::day.eq(day),
                program_counts::site.eq(site),
                program_counts::metric.eq(metric),
                program_counts::category.eq(category),
                program_counts::count.eq(1_i64),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(()),
        Err(e) if super::is_unique_violation(&e) => add_one(conn).map(|_| ()),
        Err(e) => Err(e),
    }
}

/// One day's count of one metric and category at one site.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct DayCount {
    pub day: NaiveDate,
    pub site: String,
    pub metric: String,
    pub category: String,
    pub count: i64,
}

/// The counts from `from` to `to` (both included).
pub fn between(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<DayCount>> {
    program_counts::table
        .filter(program_counts::day.between(from, to))
        .order((
            program_counts::day,
            program_counts::site,
            program_counts::metric,
            program_counts::category,
        ))
        .select((
            program_counts::day,
            program_counts::site,
            program_counts::metric,
            program_counts::category,
            program_counts::count,
        ))
        .load(conn)
}
