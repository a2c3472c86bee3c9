//! The `program_counts` table: how many of each counted event (an application in an age band,
//! a refusal by reason, a card issued for a reason, a fee paid or waived under a category, a
//! language asked for) each month saw at each site. Counts only: no resident, card or staff
//! id, and no day, so that a count cannot be matched with the day a card was issued. The
//! council's report reads them.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::program_counts;
use super::DbConnection;

/// Adds one to the month's count of `metric` in `category` at `site` ('' where no site is
/// recorded), creating the row at the month's first. `month` is the month's first day.
/// Inside the caller's transaction, so the count moves with what it counts. The insert runs in
/// a savepoint: when another transaction created the row meanwhile, the unique violation rolls
/// back only the savepoint (PostgreSQL would otherwise abort the whole transaction) and the
/// update then adds to that row.
pub fn bump(
    conn: &mut DbConnection,
    (month, site): (NaiveDate, &str),
    metric: &str,
    category: &str,
) -> QueryResult<()> {
    let row = program_counts::table
        .filter(program_counts::month.eq(month))
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
                program_counts::month.eq(month),
                program_counts::site.eq(site),
                program_counts::metric.eq(metric),
                program_counts::category.eq(category),
                program_counts::count.eq(1_i64),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(()),
        Err(e) if super::is_unique_violation(&e) => match add_one(conn)? {
            1 => Ok(()),
            _ => Err(diesel::result::Error::NotFound),
        },
        Err(e) => Err(e),
    }
}

/// One month's count of one metric and category at one site.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct MonthCount {
    /// The month's first day.
    pub month: NaiveDate,
    pub site: String,
    pub metric: String,
    pub category: String,
    pub count: i64,
}

/// The counts of the months whose first day is from `from` to `to` (both included).
pub fn between(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<MonthCount>> {
    program_counts::table
        .filter(program_counts::month.between(from, to))
        .order((
            program_counts::month,
            program_counts::site,
            program_counts::metric,
            program_counts::category,
        ))
        .select((
            program_counts::month,
            program_counts::site,
            program_counts::metric,
            program_counts::category,
            program_counts::count,
        ))
        .load(conn)
}
