//! Sites: an admin adds, changes and closes them and says who works where; a clerk's session
//! works at one site (chosen at login when the clerk has several), and every enrollment, card
//! issue and print records it. A program with no site records none.

use chrono::NaiveDate;

use super::auth::SignedIn;
use super::{audit, Actor};
use crate::context::AppContext;
use crate::db::sites::{self as store, SiteRow};
use crate::db::{is_unique_violation, staff as staff_store, DbConnection};
use crate::domain::sites::{check_code, check_dates, check_name, Site, SiteKind};
use crate::domain::staff::{Permission, StaffRole};
use crate::error::Internal;

#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("{field}: {why}")]
    Invalid {
        field: &'static str,
        why: &'static str,
    },
    #[error("a site with that code exists")]
    CodeTaken,
    #[error("no such site")]
    NotFound,
    #[error("the site is closed, has not opened yet, or its last day is past")]
    Closed,
    #[error("choose the site you work at first")]
    Required,
    #[error("the staff member does not work at that site")]
    NotAllowed,
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<diesel::result::Error> for SiteError {
    fn from(e: diesel::result::Error) -> Self {
        SiteError::Internal(e.into())
    }
}

/// A site to add.
#[derive(Debug, Clone)]
pub struct NewSite {
    pub code: String,
    pub name: String,
    pub kind: SiteKind,
    pub opens_on: NaiveDate,
    pub closes_on: Option<NaiveDate>,
}

/// A change to a site: its name, and its last day (`Some(None)` removes it).
#[derive(Debug, Clone, Default)]
pub struct SiteChange {
    pub name: Option<String>,
    pub closes_on: Option<Option<NaiveDate>>,
}

fn site_of(row: SiteRow) -> Result<Site, Internal> {
    let kind = SiteKind::parse(&row.kind)
        .ok_or_else(|| Internal::new("site kind", anyhow::anyhow!("stored kind unknown")))?;
    Ok(Site {
        code: row.code,
        name: row.name,
        kind,
        opens_on: row.opens_on,
        closes_on: row.closes_on,
        closed_at: row.closed_at.map(|at| at.and_utc()),
    })
}

fn sites_of(rows: Vec<SiteRow>) -> Result<Vec<Site>, Internal> {
    rows.into_iter().map(site_of).collect()
}

pub fn list(ctx: &AppContext) -> Result<Vec<Site>, SiteError> {
    Ok(sites_of(store::list(&mut *ctx.db()?)?)?)
}

pub fn add(ctx: &AppContext, actor: &Actor, new: NewSite) -> Result<Site, SiteError> {
    check_code(&new.code).map_err(|why| SiteError::Invalid { field: "code", why })?;
    let name = check_name(&new.name).map_err(|why| SiteError::Invalid { field: "name", why })?;
    check_dates(new.kind, new.opens_on, new.closes_on).map_err(|why| SiteError::Invalid {
        field: "closes_on",
        why,
    })?;
    let now = ctx.clock.now();
    let row = SiteRow {
        code: new.code,
        name,
        kind: new.kind.as_str().to_owned(),
        opens_on: new.opens_on,
        closes_on: new.closes_on,
        closed_at: None,
        created_at: now.naive_utc(),
    };
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, SiteError, _>(&mut conn, |conn| {
        audit::record(conn, now, &actor.staff_id, "site.add", Some(&row.code))?;
        store::insert(conn, &row).map_err(|e| {
            if is_unique_violation(&e) {
                SiteError::CodeTaken
            } else {
                e.into()
            }
        })
    })?;
    tracing::info!(event = "site_added", kind = %row.kind, "a site was added");
    Ok(site_of(row)?)
}

/// Changes a site's name or last day; a closed site cannot change.
pub fn change(
    ctx: &AppContext,
    actor: &Actor,
    code: &str,
    change: SiteChange,
) -> Result<Site, SiteError> {
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, SiteError, _>(&mut conn, |conn| {
        let site = site_of(store::find(conn, code)?.ok_or(SiteError::NotFound)?)?;
        if site.closed_at.is_some() {
            return Err(SiteError::Closed);
        }
        let name = match change.name {
            Some(name) => {
                check_name(&name).map_err(|why| SiteError::Invalid { field: "name", why })?
            }
            None => site.name.clone(),
        };
        let closes_on = change.closes_on.unwrap_or(site.closes_on);
        check_dates(site.kind, site.opens_on, closes_on).map_err(|why| SiteError::Invalid {
            field: "closes_on",
            why,
        })?;
        audit::record(conn, now, &actor.staff_id, "site.change", Some(code))?;
        if store::update(conn, code, (&name, closes_on))? != 1 {
            return Err(SiteError::Closed);
        }
        Ok(Site {
            name,
            closes_on,
            ..site
        })
    })
}

/// Closes a site for good: nothing more is recorded there, and sessions working there must
/// choose another site.
pub fn close(ctx: &AppContext, actor: &Actor, code: &str) -> Result<Site, SiteError> {
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, SiteError, _>(&mut conn, |conn| {
        // The chain head first: whatever records at the site, or an admin's close or
        // assignment, is either done before or sees this.
        crate::db::audit::lock_head(conn)?;
        let site = site_of(store::find(conn, code)?.ok_or(SiteError::NotFound)?)?;
        if store::close(conn, code, now.naive_utc())? != 1 {
            return Err(SiteError::Closed);
        }
        audit::record(conn, now, &actor.staff_id, "site.close", Some(code))?;
        Ok(Site {
            closed_at: Some(now),
            ..site
        })
    })
}

/// Says which sites a staff member works at (none: any open site). Each must exist and not be
/// closed. Their sessions working elsewhere choose again.
pub fn assign(
    ctx: &AppContext,
    actor: &Actor,
    username: &str,
    codes: &[String],
) -> Result<Vec<String>, SiteError> {
    let mut codes = codes.to_vec();
    codes.sort_unstable();
    codes.dedup();
    if codes.len() > 200 {
        return Err(SiteError::Invalid {
            field: "sites",
            why: "at most 200 sites",
        });
    }
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, SiteError, _>(&mut conn, |conn| {
        crate::db::audit::lock_head(conn)?;
        let staff = staff_store::find_by_username(conn, username)?.ok_or(SiteError::NotFound)?;
        for code in &codes {
            let site = store::find(conn, code)?.ok_or(SiteError::Invalid {
                field: "sites",
                why: "no site has that code",
            })?;
            if site.closed_at.is_some() {
                return Err(SiteError::Closed);
            }
        }
        audit::record(conn, now, &actor.staff_id, "staff.sites", Some(&staff.id))?;
        store::assign(conn, &staff.id, &codes)?;
        store::clear_sessions_elsewhere(conn, &staff.id, &codes)?;
        Ok(codes)
    })
}

/// Whether a role works at a site: those who serve residents at a counter.
pub fn works_at_a_site(role: StaffRole) -> bool {
    Permission::ServeResidents.granted_to(role)
}

/// The sites a staff member may choose today: those they are assigned to that are open, or
/// every open site when they are assigned to none.
pub fn choices(
    conn: &mut DbConnection,
    staff_id: &str,
    today: NaiveDate,
) -> Result<Vec<Site>, Internal> {
    let assigned = store::of_staff(conn, staff_id)?;
    let open = sites_of(store::open_on_day(conn, today)?)?;
    Ok(if assigned.is_empty() {
        open
    } else {
        open.into_iter()
            .filter(|site| assigned.contains(&site.code))
            .collect()
    })
}

/// The sites the signed-in staff member may choose from now.
pub fn choices_for(ctx: &AppContext, signed: &SignedIn) -> Result<Vec<Site>, SiteError> {
    if !works_at_a_site(signed.actor.role) {
        return Ok(Vec::new());
    }
    Ok(choices(
        &mut *ctx.db()?,
        &signed.actor.staff_id,
        ctx.clock.today(),
    )?)
}

/// The sites a new session may work at (none for a role that works at no site); with only
/// one, the session starts there.
pub(super) fn at_login(
    conn: &mut DbConnection,
    staff_id: &str,
    role: StaffRole,
    today: NaiveDate,
) -> Result<Vec<Site>, Internal> {
    if !works_at_a_site(role) {
        return Ok(Vec::new());
    }
    choices(conn, staff_id, today)
}

/// Sets the site the session works at: one of the staff member's open sites. Audited.
pub fn choose(ctx: &AppContext, signed: &SignedIn, code: &str) -> Result<Site, SiteError> {
    if !works_at_a_site(signed.actor.role) {
        return Err(SiteError::NotAllowed);
    }
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, SiteError, _>(&mut conn, |conn| {
        // The chain head first: whatever records at the site, or an admin's close or
        // assignment, is either done before or sees this.
        crate::db::audit::lock_head(conn)?;
        let site = site_of(store::find(conn, code)?.ok_or(SiteError::NotFound)?)?;
        if !site.is_open_on(now.date_naive()) {
            return Err(SiteError::Closed);
        }
        let allowed = choices(conn, &signed.actor.staff_id, now.date_naive())?;
        if !allowed.iter().any(|s| s.code == site.code) {
            return Err(SiteError::NotAllowed);
        }
        audit::record(
            conn,
            now,
            &signed.actor.staff_id,
            "session.site",
            Some(code),
        )?;
        store::set_session_site(conn, &signed.session_hash, Some(code))?;
        Ok(site)
    })
}

/// The site a session's stored choice still names: open today. A site closed or ended since
/// is no longer where the session works.
pub(super) fn still_open(
    conn: &mut DbConnection,
    code: Option<&str>,
    today: NaiveDate,
) -> Result<Option<Site>, Internal> {
    let Some(code) = code else {
        return Ok(None);
    };
    let site = store::find(conn, code)?.map(site_of).transpose()?;
    Ok(site.filter(|s| s.is_open_on(today)))
}

/// Where something the actor records now happens, checked inside the transaction that records
/// it: the session's site, which must still be open; none only while the program has no site
/// at all (once it has one, closing the last does not make records siteless).
pub(super) fn recording_site(
    conn: &mut DbConnection,
    actor: &Actor,
    today: NaiveDate,
) -> Result<Option<String>, SiteError> {
    match actor.site.as_deref() {
        Some(code) => match still_open(conn, Some(code), today)? {
            Some(site) => Ok(Some(site.code)),
            None => Err(SiteError::Closed),
        },
        None if store::any(conn)? => Err(SiteError::Required),
        None => Ok(None),
    }
}
