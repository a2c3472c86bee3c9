//! The `staff_factors` and `staff_recovery_codes` tables: staff members' second factors. Each
//! one-time use (a TOTP time step, a recovery code) is taken in one statement, so two requests
//! racing with the same code cannot both be let in.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{staff_factors, staff_recovery_codes};
use super::DbConnection;

/// A factor row. No `Debug`: a TOTP factor holds its secret.
#[derive(Queryable, Selectable, Insertable, Clone)]
#[diesel(table_name = staff_factors)]
pub struct FactorRow {
    pub id: String,
    pub staff_id: String,
    pub kind: String,
    pub label: String,
    pub secret: Option<String>,
    /// A passkey's credential (webauthn-rs `Passkey` as JSON: public key, id, counter).
    pub credential: Option<String>,
    pub last_step: i64,
    pub created_at: NaiveDateTime,
    pub confirmed_at: Option<NaiveDateTime>,
    pub last_used_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConnection, row: &FactorRow) -> QueryResult<()> {
    diesel::insert_into(staff_factors::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Every factor of an account, confirmed or not, oldest first.
pub fn of_staff(conn: &mut DbConnection, staff_id: &str) -> QueryResult<Vec<FactorRow>> {
    staff_factors::table
        .filter(staff_factors::staff_id.eq(staff_id))
        .order(staff_factors::created_at.asc())
        .select(FactorRow::as_select())
        .load(conn)
}

/// How many confirmed factors each account has (accounts with none are absent).
pub fn confirmed_counts(conn: &mut DbConnection) -> QueryResult<Vec<(String, i64)>> {
    staff_factors::table
        .filter(staff_factors::confirmed_at.is_not_null())
        .group_by(staff_factors::staff_id)
        .select((staff_factors::staff_id, diesel::dsl::count_star()))
        .load(conn)
}

/// Confirms an unconfirmed factor of an account. 1 when it was confirmed now.
pub fn confirm(
    conn: &mut DbConnection,
    staff_id: &str,
    id: &str,
    step: i64,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        staff_factors::table
            .filter(staff_factors::id.eq(id))
            .filter(staff_factors::staff_id.eq(staff_id))
            .filter(staff_factors::confirmed_at.is_null()),
    )
    .set((
        staff_factors::confirmed_at.eq(Some(at)),
        staff_factors::last_used_at.eq(Some(at)),
        staff_factors::last_step.eq(step),
    ))
    .execute(conn)
}

/// Takes a TOTP time step for a factor: 1 when no code of this step or a later one was
/// accepted before (a code is good once).
pub fn take_step(
    conn: &mut DbConnection,
    id: &str,
    step: i64,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        staff_factors::table
            .filter(staff_factors::id.eq(id))
            .filter(staff_factors::last_step.lt(step)),
    )
    .set((
        staff_factors::last_step.eq(step),
        staff_factors::last_used_at.eq(Some(at)),
    ))
    .execute(conn)
}

/// Removes one factor of an account. 1 when it was there.
pub fn delete(conn: &mut DbConnection, staff_id: &str, id: &str) -> QueryResult<usize> {
    diesel::delete(
        staff_factors::table
            .filter(staff_factors::id.eq(id))
            .filter(staff_factors::staff_id.eq(staff_id)),
    )
    .execute(conn)
}

/// Removes the unconfirmed factors of an account (a set-up begun and left).
pub fn delete_unconfirmed(conn: &mut DbConnection, staff_id: &str) -> QueryResult<usize> {
    diesel::delete(
        staff_factors::table
            .filter(staff_factors::staff_id.eq(staff_id))
            .filter(staff_factors::confirmed_at.is_null()),
    )
    .execute(conn)
}

/// Removes every factor and recovery code of an account.
pub fn delete_all(conn: &mut DbConnection, staff_id: &str) -> QueryResult<usize> {
    let codes = delete_recovery_codes(conn, staff_id)?;
    let factors = diesel::delete(staff_factors::table.filter(staff_factors::staff_id.eq(staff_id)))
        .execute(conn)?;
    Ok(codes + factors)
}

pub fn delete_recovery_codes(conn: &mut DbConnection, staff_id: &str) -> QueryResult<usize> {
    diesel::delete(staff_recovery_codes::table.filter(staff_recovery_codes::staff_id.eq(staff_id)))
        .execute(conn)
}

pub fn insert_recovery_codes(
    conn: &mut DbConnection,
    staff_id: &str,
    hashes: &[String],
    at: NaiveDateTime,
) -> QueryResult<usize> {
    // One row at a time: the multi-backend connection has no batch insert for SQLite.
    let mut inserted = 0;
    for hash in hashes {
        inserted += diesel::insert_into(staff_recovery_codes::table)
            .values((
                staff_recovery_codes::code_hash.eq(hash),
                staff_recovery_codes::staff_id.eq(staff_id),
                staff_recovery_codes::created_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(inserted)
}

/// Uses a recovery code: 1 when it was the account's and unused (it is gone now).
pub fn use_recovery_code(
    conn: &mut DbConnection,
    staff_id: &str,
    hash: &str,
) -> QueryResult<usize> {
    diesel::delete(
        staff_recovery_codes::table
            .filter(staff_recovery_codes::code_hash.eq(hash))
            .filter(staff_recovery_codes::staff_id.eq(staff_id)),
    )
    .execute(conn)
}

pub fn recovery_codes_left(conn: &mut DbConnection, staff_id: &str) -> QueryResult<i64> {
    staff_recovery_codes::table
        .filter(staff_recovery_codes::staff_id.eq(staff_id))
        .count()
        .get_result(conn)
}

/// Stores a passkey's credential after a login used it (its signature counter moved on).
pub fn update_credential(
    conn: &mut DbConnection,
    id: &str,
    credential: &str,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(staff_factors::table.find(id))
        .set((
            staff_factors::credential.eq(Some(credential)),
            staff_factors::last_used_at.eq(Some(at)),
        ))
        .execute(conn)
}
