//! The `sessions` table: staff sessions by the SHA-256 of their token.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{sessions, staff};
use super::staff::StaffRow;
use super::DbConnection;

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub token_hash: String,
    pub staff_id: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    /// Opened by a right password; opens nothing until the second factor is given.
    pub awaiting_factor: bool,
    /// An account that must enrol a second factor and has none: the session ends then.
    pub factor_due_by: Option<NaiveDateTime>,
    /// A WebAuthn ceremony under way (its challenge state).
    pub ceremony: Option<String>,
    /// Opened through the identity provider (single sign-on), not by a local password.
    pub signed_on: bool,
    /// The site the session works at (a code), once chosen.
    pub site: Option<String>,
}

pub fn insert(conn: &mut DbConnection, row: &SessionRow) -> QueryResult<()> {
    diesel::insert_into(sessions::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find_with_staff(
    conn: &mut DbConnection,
    token_hash: &str,
) -> QueryResult<Option<(SessionRow, StaffRow)>> {
    sessions::table
        .inner_join(staff::table)
        .filter(sessions::token_hash.eq(token_hash))
        .select((SessionRow::as_select(), StaffRow::as_select()))
        .first(conn)
        .optional()
}

pub fn touch(conn: &mut DbConnection, token_hash: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(sessions::table.find(token_hash))
        .set(sessions::last_seen_at.eq(at))
        .execute(conn)
}

pub fn delete(conn: &mut DbConnection, token_hash: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.find(token_hash)).execute(conn)
}

pub fn delete_for_staff(conn: &mut DbConnection, staff_id: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::staff_id.eq(staff_id))).execute(conn)
}

/// Removes sessions past their absolute expiry or idle since before `idle_cutoff`.
pub fn delete_stale(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    idle_cutoff: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(
        sessions::table.filter(
            sessions::expires_at
                .le(now)
                .or(sessions::last_seen_at.lt(idle_cutoff)),
        ),
    )
    .execute(conn)
}

/// The account enrolled a second factor: its sessions no longer end at the enrolment deadline.
pub fn clear_factor_deadline(conn: &mut DbConnection, staff_id: &str) -> QueryResult<usize> {
    diesel::update(sessions::table.filter(sessions::staff_id.eq(staff_id)))
        .set(sessions::factor_due_by.eq(None::<NaiveDateTime>))
        .execute(conn)
}

/// Starts a WebAuthn ceremony in a session (replacing one begun before).
pub fn set_ceremony(conn: &mut DbConnection, token_hash: &str, state: &str) -> QueryResult<usize> {
    diesel::update(sessions::table.find(token_hash))
        .set(sessions::ceremony.eq(Some(state)))
        .execute(conn)
}

/// Takes a session's ceremony, once: the state if it was there (it is gone now).
pub fn take_ceremony(conn: &mut DbConnection, token_hash: &str) -> QueryResult<Option<String>> {
    let state: Option<Option<String>> = sessions::table
        .find(token_hash)
        .select(sessions::ceremony)
        .first(conn)
        .optional()?;
    let Some(Some(state)) = state else {
        return Ok(None);
    };
    let taken = diesel::update(
        sessions::table
            .find(token_hash)
            .filter(sessions::ceremony.eq(&state)),
    )
    .set(sessions::ceremony.eq(None::<String>))
    .execute(conn)?;
    Ok((taken == 1).then_some(state))
}

/// Deletes a session that waits for its second factor: 1 when this call claimed it.
pub fn delete_waiting(conn: &mut DbConnection, token_hash: &str) -> QueryResult<usize> {
    diesel::delete(
        sessions::table
            .find(token_hash)
            .filter(sessions::awaiting_factor.eq(true)),
    )
    .execute(conn)
}
