//! The `login_failures` table: per hashed key (an account and client pair, or a client), the
//! failures since it was last forgotten and when the next attempt may be made. An attempt takes
//! its slot in one statement before its password is checked, so attempts arriving together
//! are counted one after another and none is checked while the key waits out a delay.

use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text};

use super::schema::login_failures;
use super::DbConnection;

/// How long a key waits after its n-th failure (n counted from 1): nothing while it has made
/// fewer than `free`, then `first` seconds after the `free`-th, doubling with each further one
/// up to `longest`.
#[derive(Debug, Clone, Copy)]
pub struct DelaySchedule {
    pub free: i32,
    pub first_secs: i64,
    pub longest_secs: i64,
}

impl DelaySchedule {
    /// The wait after the `failures`-th failure.
    pub fn after(&self, failures: i32) -> i64 {
        let Ok(doublings) = u32::try_from(failures - self.free) else {
            return 0;
        };
        let doublings = doublings.min(30);
        self.first_secs
            .saturating_mul(1i64 << doublings)
            .min(self.longest_secs)
    }

    /// `CASE <failures> WHEN 1 THEN .. END` over the schedule's steps, the longest after.
    fn sql_case(&self, failures: &str) -> String {
        let mut sql = format!("CASE WHEN {failures} < {} THEN 0", self.free);
        // `after` stops doubling after 30 steps: so does this.
        for n in self.free..self.free.saturating_add(31) {
            let wait = self.after(n);
            if wait >= self.longest_secs {
                break;
            }
            sql.push_str(&format!(" WHEN {failures} = {n} THEN {wait}"));
        }
        sql.push_str(&format!(" ELSE {} END", self.longest_secs));
        sql
    }
}

#[derive(QueryableByName)]
struct Taken {
    #[diesel(sql_type = Integer)]
    failures: i32,
}

/// Takes an attempt's slot for `key` at `now` (Unix seconds): counts it as a failure (a login
/// that succeeds gives it back) and sets the wait before the next one. A key last failed before
/// `forget_before` starts again at 1. `None` when the key must still wait: nothing counted.
pub fn take_slot(
    conn: &mut DbConnection,
    key: &str,
    now: i64,
    forget_before: i64,
    schedule: &DelaySchedule,
) -> QueryResult<Option<i32>> {
    // One statement on both databases (an upsert whose update is conditional): PostgreSQL
    // locks the row, SQLite has one writer, so two attempts never read the same count. The SET
    // expressions read the row as it was.
    let counted = "CASE WHEN login_failures.last_failure_at < $3 THEN 1 \
                   ELSE login_failures.failures + 1 END";
    let sql = format!(
        "INSERT INTO login_failures (throttle_key, failures, last_failure_at, next_allowed_at) \
         VALUES ($1, 1, $2, $2 + {first}) \
         ON CONFLICT (throttle_key) DO UPDATE SET \
           failures = {counted}, \
           last_failure_at = $2, \
           next_allowed_at = $2 + {wait} \
         WHERE login_failures.next_allowed_at <= $2 OR login_failures.last_failure_at < $3 \
         RETURNING failures",
        first = schedule.after(1),
        wait = schedule.sql_case(&format!("({counted})")),
    );
    let taken: Option<Taken> = diesel::sql_query(sql)
        .bind::<Text, _>(key)
        .bind::<BigInt, _>(now)
        .bind::<BigInt, _>(forget_before)
        .get_result(conn)
        .optional()?;
    Ok(taken.map(|t| t.failures))
}

/// When `key` may try again (Unix seconds), if it is waiting.
pub fn next_allowed(conn: &mut DbConnection, key: &str) -> QueryResult<Option<i64>> {
    login_failures::table
        .find(key)
        .select(login_failures::next_allowed_at)
        .first(conn)
        .optional()
}

/// Gives back the slot of an attempt that succeeded (or checked nothing): the failure it
/// counted, and any wait (a right password from a shared bucket, an office behind one
/// address, is not followed by a wait; its next failure sets one again).
pub fn give_back(conn: &mut DbConnection, key: &str, now: i64) -> QueryResult<usize> {
    // Numbered in the order they first appear: SQLite numbers `$n` parameters that way.
    diesel::sql_query(
        "UPDATE login_failures SET failures = failures - 1, next_allowed_at = $1 \
         WHERE throttle_key = $2 AND failures > 0",
    )
    .bind::<BigInt, _>(now)
    .bind::<Text, _>(key)
    .execute(conn)
}

/// Gives back the slot of an attempt that checked no password (no turn was free): the failure
/// it counted, and its wait only while the key is within its free failures (a wait owed for
/// the failures that stay counted stays).
pub fn return_unchecked(
    conn: &mut DbConnection,
    key: &str,
    now: i64,
    schedule: &DelaySchedule,
) -> QueryResult<usize> {
    let sql = format!(
        "UPDATE login_failures SET failures = failures - 1, \
           next_allowed_at = CASE WHEN failures - 1 < {free} THEN $1 ELSE next_allowed_at END \
         WHERE throttle_key = $2 AND failures > 0",
        free = schedule.free,
    );
    diesel::sql_query(sql)
        .bind::<BigInt, _>(now)
        .bind::<Text, _>(key)
        .execute(conn)
}

pub fn clear(conn: &mut DbConnection, key: &str) -> QueryResult<usize> {
    diesel::delete(login_failures::table.find(key)).execute(conn)
}

/// Forgets keys whose last failure was before `cutoff` (Unix seconds).
pub fn delete_before(conn: &mut DbConnection, cutoff: i64) -> QueryResult<usize> {
    diesel::delete(login_failures::table.filter(login_failures::last_failure_at.lt(cutoff)))
        .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_after_the_free_failures_up_to_the_longest() {
        let schedule = DelaySchedule {
            free: 5,
            first_secs: 30,
            longest_secs: 900,
        };
        let waits: Vec<i64> = (1..=12).map(|n| schedule.after(n)).collect();
        assert_eq!(waits, [0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
        assert_eq!(schedule.after(i32::MAX), 900);
        assert_eq!(
            schedule.sql_case("f"),
            "CASE WHEN f < 5 THEN 0 WHEN f = 5 THEN 30 WHEN f = 6 THEN 60 WHEN f = 7 THEN 120 \
             WHEN f = 8 THEN 240 WHEN f = 9 THEN 480 ELSE 900 END"
        );
    }
}
