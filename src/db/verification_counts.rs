//! The `verification_counts` table: how many card checks each day answered valid and not
//! valid. Nothing that identifies a card.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::verification_counts;
use super::DbConnection;

/// Adds to the day's totals, creating the day's row when it is the first flush of the day
/// (another instance may create it at the same moment: then this one adds to it).
pub fn add(conn: &mut DbConnection, day: NaiveDate, valid: i64, not_valid: i64) -> QueryResult<()> {
    let add_to_row = |conn: &mut DbConnection| {
        diesel::update(verification_counts::table.find(day))
            .set((
                verification_counts::checks.eq(verification_counts::checks + valid + not_valid),
                verification_counts::valid.eq(verification_counts::valid + valid),
                verification_counts::not_valid.eq(verification_counts::not_valid + not_valid),
            ))
            .execute(conn)
    };
    if add_to_row(conn)? > 0 {
        return Ok(());
    }
    let inserted = diesel::insert_into(verification_counts::table)
        .values((
            verification_counts::day.eq(day),
            verification_counts::checks.eq(valid + not_valid),
            verification_counts::valid.eq(valid),
            verification_counts::not_valid.eq(not_valid),
        ))
        .execute(conn);
    match inserted {
        Ok(_) => Ok(()),
        Err(e) if super::is_unique_violation(&e) => add_to_row(conn).map(|_| ()),
        Err(e) => Err(e),
    }
}

/// Checks, valid and not valid, summed over the days from `since`.
pub fn totals_since(conn: &mut DbConnection, since: NaiveDate) -> QueryResult<(i64, i64, i64)> {
    let rows: Vec<(i64, i64, i64)> = verification_counts::table
        .filter(verification_counts::day.ge(since))
        .select((
            verification_counts::checks,
            verification_counts::valid,
            verification_counts::not_valid,
        ))
        .load(conn)?;
    Ok(rows.iter().fold((0, 0, 0), |(c, v, n), row| {
        (c + row.0, v + row.1, n + row.2)
    }))
}
