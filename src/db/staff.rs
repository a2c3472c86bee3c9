//! The `staff` table.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::staff;
use super::DbConnection;

/// A staff row. No `Debug`: it holds a password hash.
#[derive(Queryable, Selectable, Clone)]
#[diesel(table_name = staff)]
pub struct StaffRow {
    pub id: String,
    pub username: String,
    pub password_hash: String,
    pub role: String,
    pub disabled: bool,
    pub must_change_password: bool,
    pub created_at: NaiveDateTime,
    pub factors_reset_at: Option<NaiveDateTime>,
    /// SHA-256 of the identity provider's issuer and subject this account is bound to.
    pub sign_on_subject: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = staff)]
pub struct NewStaff<'a> {
    pub id: &'a str,
    pub username: &'a str,
    pub password_hash: &'a str,
    pub role: &'a str,
    pub disabled: bool,
    pub must_change_password: bool,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &NewStaff<'_>) -> QueryResult<()> {
    diesel::insert_into(staff::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    staff::table.count().get_result(conn)
}

pub fn find_by_username(conn: &mut DbConnection, username: &str) -> QueryResult<Option<StaffRow>> {
    staff::table
        .filter(staff::username.eq(username))
        .select(StaffRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_id(conn: &mut DbConnection, id: &str) -> QueryResult<Option<StaffRow>> {
    staff::table
        .find(id)
        .select(StaffRow::as_select())
        .first(conn)
        .optional()
}

pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<StaffRow>> {
    staff::table
        .order(staff::username.asc())
        .select(StaffRow::as_select())
        .load(conn)
}

pub fn set_disabled(conn: &mut DbConnection, id: &str, disabled: bool) -> QueryResult<usize> {
    diesel::update(staff::table.find(id))
        .set(staff::disabled.eq(disabled))
        .execute(conn)
}

pub fn set_role(conn: &mut DbConnection, id: &str, role: &str) -> QueryResult<usize> {
    diesel::update(staff::table.find(id))
        .set(staff::role.eq(role))
        .execute(conn)
}

pub fn set_password(
    conn: &mut DbConnection,
    id: &str,
    password_hash: &str,
    must_change_password: bool,
) -> QueryResult<usize> {
    diesel::update(staff::table.find(id))
        .set((
            staff::password_hash.eq(password_hash),
            staff::must_change_password.eq(must_change_password),
        ))
        .execute(conn)
}

/// An admin reset the account's second factors: its grace period to enrol one starts again.
pub fn mark_factors_reset(
    conn: &mut DbConnection,
    id: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(staff::table.find(id))
        .set(staff::factors_reset_at.eq(Some(at)))
        .execute(conn)
}

/// Binds an account to the identity provider's person (the hash of issuer and subject), if it
/// is bound to nobody yet: 1 when this call bound it. Fails with a unique violation when
/// another account is bound to that person.
pub fn bind_sign_on_subject(
    conn: &mut DbConnection,
    id: &str,
    subject: &str,
) -> QueryResult<usize> {
    diesel::update(
        staff::table
            .find(id)
            .filter(staff::sign_on_subject.is_null()),
    )
    .set(staff::sign_on_subject.eq(Some(subject)))
    .execute(conn)
}

/// Forgets the identity provider's person an account was bound to (an admin's reset).
pub fn forget_sign_on_subject(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    diesel::update(staff::table.find(id))
        .set(staff::sign_on_subject.eq(None::<String>))
        .execute(conn)
}
