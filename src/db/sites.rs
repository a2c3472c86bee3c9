//! The `sites` table (enrollment centres, library branches, pop-up events), the sites each
//! staff member works at (`staff_sites`), and the site a session works at.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{sessions, sites, staff_sites};
use super::DbConnection;

#[derive(Queryable, Selectable, Insertable, Clone, Debug)]
#[diesel(table_name = sites)]
pub struct SiteRow {
    pub code: String,
    pub name: String,
    pub kind: String,
    pub opens_on: NaiveDate,
    pub closes_on: Option<NaiveDate>,
    pub closed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &SiteRow) -> QueryResult<()> {
    diesel::insert_into(sites::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn find(conn: &mut DbConnection, code: &str) -> QueryResult<Option<SiteRow>> {
    sites::table
        .find(code)
        .select(SiteRow::as_select())
        .first(conn)
        .optional()
}

/// Every site, open ones and those that will open first, then by name.
pub fn list(conn: &mut DbConnection) -> QueryResult<Vec<SiteRow>> {
    sites::table
        .select(SiteRow::as_select())
        .order((sites::closed_at.is_not_null(), sites::name, sites::code))
        .load(conn)
}

/// The sites open on `day`: begun, not past their last day, not closed.
#[diesel::dsl::auto_type]
fn open_on(day: NaiveDate) -> _ {
    sites::opens_on
        .le(day)
        .and(sites::closed_at.is_null())
        .and(sites::closes_on.is_null().or(sites::closes_on.ge(day)))
}

/// Whether the program has sites at all (then every enrollment, issue and print names an
/// open one).
pub fn any(conn: &mut DbConnection) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(sites::table.select(sites::code))).get_result(conn)
}

/// The sites open on `day`, by name.
pub fn open_on_day(conn: &mut DbConnection, day: NaiveDate) -> QueryResult<Vec<SiteRow>> {
    sites::table
        .filter(open_on(day))
        .select(SiteRow::as_select())
        .order((sites::name, sites::code))
        .load(conn)
}

/// Changes a site's name and last day (not a closed site's: 0 then).
pub fn update(
    conn: &mut DbConnection,
    code: &str,
    (name, closes_on): (&str, Option<NaiveDate>),
) -> QueryResult<usize> {
    diesel::update(sites::table.find(code).filter(sites::closed_at.is_null()))
        .set((sites::name.eq(name), sites::closes_on.eq(closes_on)))
        .execute(conn)
}

/// Closes a site for good: 1 when this call closed it.
pub fn close(conn: &mut DbConnection, code: &str, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(sites::table.find(code).filter(sites::closed_at.is_null()))
        .set(sites::closed_at.eq(at))
        .execute(conn)
}

/// The codes of the sites a staff member is assigned to (none: any open site).
pub fn of_staff(conn: &mut DbConnection, staff_id: &str) -> QueryResult<Vec<String>> {
    staff_sites::table
        .filter(staff_sites::staff_id.eq(staff_id))
        .select(staff_sites::site)
        .order(staff_sites::site)
        .load(conn)
}

/// Every assignment, as (staff id, site code).
pub fn assignments(conn: &mut DbConnection) -> QueryResult<Vec<(String, String)>> {
    staff_sites::table
        .select((staff_sites::staff_id, staff_sites::site))
        .order((staff_sites::staff_id, staff_sites::site))
        .load(conn)
}

/// Replaces the sites a staff member is assigned to.
pub fn assign(conn: &mut DbConnection, staff_id: &str, codes: &[String]) -> QueryResult<()> {
    diesel::delete(staff_sites::table.filter(staff_sites::staff_id.eq(staff_id))).execute(conn)?;
    for code in codes {
        diesel::insert_into(staff_sites::table)
            .values((
                staff_sites::staff_id.eq(staff_id),
                staff_sites::site.eq(code),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Sets the site a session works at.
pub fn set_session_site(
    conn: &mut DbConnection,
    token_hash: &str,
    code: Option<&str>,
) -> QueryResult<usize> {
    diesel::update(sessions::table.find(token_hash))
        .set(sessions::site.eq(code))
        .execute(conn)
}

/// A staff member's sessions working at a site no longer among `codes` (their assigned sites;
/// none: any) choose again.
pub fn clear_sessions_elsewhere(
    conn: &mut DbConnection,
    staff_id: &str,
    codes: &[String],
) -> QueryResult<usize> {
    if codes.is_empty() {
        return Ok(0);
    }
    diesel::update(
        sessions::table
            .filter(sessions::staff_id.eq(staff_id))
            .filter(sessions::site.is_not_null())
            .filter(diesel::dsl::not(sessions::site.eq_any(codes))),
    )
    .set(sessions::site.eq(None::<String>))
    .execute(conn)
}
