//! The `login_failures` table: login attempts per hashed key within a window, counted before
//! the password is checked; a login that succeeds takes its attempt back.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::login_failures;
use super::{is_unique_violation, DbConnection};

/// Counts one more attempt for `key` and answers the attempts counted in its window, this one
/// included; a window that has passed starts again at 1. Each step is one statement that adds in
/// the database (`failures + 1`), so attempts made at the same moment are all counted: reading
/// the count and writing it back plus one lost the attempts made in between.
pub fn count_attempt(
    conn: &mut DbConnection,
    key: &str,
    now: NaiveDateTime,
    window_start: NaiveDateTime,
) -> QueryResult<i32> {
    // Portable upsert (the multi-backend connection has no `on_conflict`): add to a current
    // window; else forget a passed one and open a new window; if another attempt opened it
    // first, add to that one.
    loop {
        let counted: Option<i32> = diesel::update(
            login_failures::table
                .find(key)
                .filter(login_failures::window_started_at.ge(window_start)),
        )
        .set(login_failures::failures.eq(login_failures::failures + 1))
        .returning(login_failures::failures)
        .get_result(conn)
        .optional()?;
        if let Some(counted) = counted {
            return Ok(counted);
        }
        diesel::delete(
            login_failures::table
                .find(key)
                .filter(login_failures::window_started_at.lt(window_start)),
        )
        .execute(conn)?;
        match diesel::insert_into(login_failures::table)
            .values((
                login_failures::throttle_key.eq(key),
                login_failures::failures.eq(1),
                login_failures::window_started_at.eq(now),
            ))
            .execute(conn)
        {
            Ok(_) => return Ok(1),
            Err(e) if is_unique_violation(&e) => continue,
            Err(e) => return Err(e),
        }
    }
}

/// Takes back one attempt counted for `key` (a login that succeeded).
pub fn uncount_attempt(conn: &mut DbConnection, key: &str) -> QueryResult<usize> {
    diesel::update(
        login_failures::table
            .find(key)
            .filter(login_failures::failures.gt(0)),
    )
    .set(login_failures::failures.eq(login_failures::failures - 1))
    .execute(conn)
}

pub fn clear(conn: &mut DbConnection, key: &str) -> QueryResult<usize> {
    diesel::delete(login_failures::table.find(key)).execute(conn)
}

/// Forgets failure windows that started before `cutoff`.
pub fn delete_before(conn: &mut DbConnection, cutoff: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(login_failures::table.filter(login_failures::window_started_at.lt(cutoff)))
        .execute(conn)
}
