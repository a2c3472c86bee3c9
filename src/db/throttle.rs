//! The `login_failures` table: failed logins per hashed key within a window.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::login_failures;
use super::{is_unique_violation, DbConnection};

/// Failures recorded for `key` since `window_start` (older windows count as none).
pub fn failures_since(
    conn: &mut DbConnection,
    key: &str,
    window_start: NaiveDateTime,
) -> QueryResult<i32> {
    let row: Option<(i32, NaiveDateTime)> = login_failures::table
        .find(key)
        .select((login_failures::failures, login_failures::window_started_at))
        .first(conn)
        .optional()?;
    Ok(match row {
        Some((failures, started)) if started >= window_start => failures,
        _ => 0,
    })
}

/// Counts one more failure for `key`, opening a new window if the old one has passed.
pub fn record_failure(
    conn: &mut DbConnection,
    key: &str,
    now: NaiveDateTime,
    window_start: NaiveDateTime,
) -> QueryResult<()> {
    // Portable upsert: update, else insert, and if a concurrent insert won, update again.
    for _ in 0..2 {
        let current = failures_since(conn, key, window_start)?;
        let updated = if current > 0 {
            diesel::update(login_failures::table.find(key))
                .set(login_failures::failures.eq(current + 1))
                .execute(conn)?
        } else {
            diesel::update(login_failures::table.find(key))
                .set((
                    login_failures::failures.eq(1),
                    login_failures::window_started_at.eq(now),
                ))
                .execute(conn)?
        };
        if updated > 0 {
            return Ok(());
        }
        match diesel::insert_into(login_failures::table)
            .values((
                login_failures::throttle_key.eq(key),
                login_failures::failures.eq(1),
                login_failures::window_started_at.eq(now),
            ))
            .execute(conn)
        {
            Ok(_) => return Ok(()),
            Err(e) if is_unique_violation(&e) => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

pub fn clear(conn: &mut DbConnection, key: &str) -> QueryResult<usize> {
    diesel::delete(login_failures::table.find(key)).execute(conn)
}

/// Forgets failure windows that started before `cutoff`.
pub fn delete_before(conn: &mut DbConnection, cutoff: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(login_failures::table.filter(login_failures::window_started_at.lt(cutoff)))
        .execute(conn)
}
