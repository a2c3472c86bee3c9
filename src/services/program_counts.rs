//! The council's counts: each counted event adds one to its month's count, in the transaction
//! of what it counts (`db::program_counts`).

use chrono::{Datelike, NaiveDate};

use crate::db::{program_counts, DbConnection};
use crate::domain::program_counts::Counted;

/// Adds each of `counted` to the counts of the month of `day` at `site` ('' where the program
/// records no site).
/// In a fixed order (metric, then category), so two transactions counting the same rows
/// take their locks in the same order.
pub fn record(
    conn: &mut DbConnection,
    (day, site): (NaiveDate, Option<&str>),
    counted: &[Counted],
) -> diesel::QueryResult<()> {
    let month = day.with_day(1).unwrap_or(day);
    let mut rows: Vec<(&str, &str)> = counted.iter().map(|e| (e.metric(), e.category())).collect();
    rows.sort_unstable();
    rows.dedup();
    for (metric, category) in rows {
        program_counts::bump(conn, (month, site.unwrap_or_default()), metric, category)?;
    }
    Ok(())
}
