//! The council's counts: each counted event adds one to its day's count, in the transaction of
//! what it counts (`db::program_counts`).

use chrono::NaiveDate;

use crate::db::{program_counts, DbConnection};
use crate::domain::program_counts::Counted;

/// Adds each of `counted` to the day's counts (no site is recorded yet: '').
pub fn record(
    conn: &mut DbConnection,
    day: NaiveDate,
    counted: &[Counted],
) -> diesel::QueryResult<()> {
    for event in counted {
        program_counts::bump(conn, (day, ""), event.metric(), event.category())?;
    }
    Ok(())
}
