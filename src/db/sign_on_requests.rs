//! The `sign_on_requests` table: single sign-on requests waiting for the browser to come back
//! from the identity provider, by the hashes of their state and of the browser's cookie.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::sign_on_requests;
use super::DbConnection;

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = sign_on_requests)]
pub struct SignOnRequestRow {
    pub state_hash: String,
    pub browser_hash: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next_path: Option<String>,
    pub created_at: NaiveDateTime,
}

/// Records a request, after removing those begun before `stale_before`.
pub fn insert(
    conn: &mut DbConnection,
    row: &SignOnRequestRow,
    stale_before: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(sign_on_requests::table.filter(sign_on_requests::created_at.lt(stale_before)))
        .execute(conn)?;
    diesel::insert_into(sign_on_requests::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Takes the request with this state begun in this browser since `not_before`, once: a second
/// call (a replayed callback, or the same one twice at once) gets nothing, nor does a request
/// begun earlier.
pub fn take(
    conn: &mut DbConnection,
    state_hash: &str,
    browser_hash: &str,
    not_before: NaiveDateTime,
) -> QueryResult<Option<SignOnRequestRow>> {
    let found = sign_on_requests::table
        .find(state_hash)
        .filter(sign_on_requests::browser_hash.eq(browser_hash))
        .filter(sign_on_requests::created_at.ge(not_before))
        .select(SignOnRequestRow::as_select())
        .first(conn)
        .optional()?;
    let Some(row) = found else {
        return Ok(None);
    };
    let taken = diesel::delete(
        sign_on_requests::table
            .find(state_hash)
            .filter(sign_on_requests::browser_hash.eq(browser_hash)),
    )
    .execute(conn)?;
    Ok((taken == 1).then_some(row))
}
