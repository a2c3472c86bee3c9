//! Sites (enrollment centres, library branches, pop-up events): listed for every staff member,
//! added, changed and closed by an admin, who also says who works where; and the site a
//! session works at.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::context::AppContext;
use crate::domain::resident::parse_date;
use crate::domain::sites::{Site, SiteKind as DomainKind};
use crate::domain::staff::Permission;
use crate::services::sites::{self, NewSite, SiteChange};
use crate::web::auth::Staff;
use crate::web::json::Json;
use crate::web::ApiError;

// `domain::sites::SiteKind` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SiteKind {
    Centre,
    Library,
    Popup,
}

impl From<SiteKind> for DomainKind {
    fn from(kind: SiteKind) -> Self {
        match kind {
            SiteKind::Centre => DomainKind::Centre,
            SiteKind::Library => DomainKind::Library,
            SiteKind::Popup => DomainKind::Popup,
        }
    }
}

impl From<DomainKind> for SiteKind {
    fn from(kind: DomainKind) -> Self {
        match kind {
            DomainKind::Centre => SiteKind::Centre,
            DomainKind::Library => SiteKind::Library,
            DomainKind::Popup => SiteKind::Popup,
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SiteState {
    Upcoming,
    Open,
    Ended,
    Closed,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SiteOut {
    pub code: String,
    pub name: String,
    pub kind: SiteKind,
    pub opens_on: NaiveDate,
    /// The last day (none for a permanent site).
    pub closes_on: Option<NaiveDate>,
    /// When an admin closed it, if they did.
    pub closed_at: Option<DateTime<Utc>>,
    /// Where it stands today; only an open site records anything.
    pub state: SiteState,
}

impl SiteOut {
    pub fn of(site: Site, today: NaiveDate) -> Self {
        use crate::domain::sites::SiteState as S;
        let state = match site.state_on(today) {
            S::Upcoming => SiteState::Upcoming,
            S::Open => SiteState::Open,
            S::Ended => SiteState::Ended,
            S::Closed => SiteState::Closed,
        };
        Self {
            code: site.code,
            name: site.name,
            kind: site.kind.into(),
            opens_on: site.opens_on,
            closes_on: site.closes_on,
            closed_at: site.closed_at,
            state,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SiteList {
    pub sites: Vec<SiteOut>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewSiteRequest {
    /// The site's short code, shown in the council's report: 2-32 of a-z, 0-9 and `-`.
    #[schema(pattern = "^[a-z0-9][a-z0-9-]{1,31}$")]
    pub code: String,
    #[schema(max_length = 80)]
    pub name: String,
    pub kind: SiteKind,
    /// `YYYY-MM-DD`: its first day.
    pub opens_on: String,
    /// `YYYY-MM-DD`: its last day; required for a pop-up event.
    pub closes_on: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteChangeRequest {
    #[schema(max_length = 80)]
    pub name: Option<String>,
    /// `YYYY-MM-DD`, or null to remove the last day (not for a pop-up event).
    #[serde(default, deserialize_with = "super::residents::present")]
    #[schema(value_type = Option<String>)]
    pub closes_on: Option<Option<String>>,
}

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffSites {
    /// The codes of the sites the staff member works at; empty: any open site.
    pub sites: Vec<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteChoice {
    /// The code of one of the staff member's open sites.
    pub site: String,
}

fn date(field: &'static str, raw: &str) -> Result<NaiveDate, ApiError> {
    parse_date(field, raw)
        .map_err(|e| ApiError::unprocessable(e.code, e.message).with("field", e.field))
}

/// Every site, with where it stands today.
#[utoipa::path(get, path = "/api/v1/sites", tag = "sites",
    responses((status = 200, body = SiteList), (status = 401)), security(("bearer" = [])))]
pub async fn list(ctx: web::Data<AppContext>, _staff: Staff) -> Result<HttpResponse, ApiError> {
    let today = ctx.clock.today();
    let sites = crate::web::blocking(move || sites::list(&ctx)).await??;
    Ok(HttpResponse::Ok().json(SiteList {
        sites: sites.into_iter().map(|s| SiteOut::of(s, today)).collect(),
    }))
}

/// Add a site (admin). Its code is never reused.
#[utoipa::path(post, path = "/api/v1/sites", tag = "sites", request_body = NewSiteRequest,
    responses((status = 201, body = SiteOut), (status = 403),
              (status = 409, description = "site_code_taken"),
              (status = 422, description = "invalid_value (code, name, closes_on), invalid_date")),
    security(("bearer" = [])))]
pub async fn add(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: Json<NewSiteRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.clone();
    let NewSiteRequest {
        code,
        name,
        kind,
        opens_on,
        closes_on,
    } = body.into_inner();
    let new = NewSite {
        code,
        name,
        kind: kind.into(),
        opens_on: date("opens_on", &opens_on)?,
        closes_on: closes_on.map(|d| date("closes_on", &d)).transpose()?,
    };
    let today = ctx.clock.today();
    let site = crate::web::blocking(move || sites::add(&ctx, &actor, new)).await??;
    Ok(HttpResponse::Created().json(SiteOut::of(site, today)))
}

/// Change a site's name or last day (admin); a closed site does not change.
#[utoipa::path(patch, path = "/api/v1/sites/{code}", tag = "sites", request_body = SiteChangeRequest,
    params(("code" = String, Path)),
    responses((status = 200, body = SiteOut), (status = 403), (status = 404),
              (status = 409, description = "site_closed"),
              (status = 422, description = "invalid_value, invalid_date")),
    security(("bearer" = [])))]
pub async fn change(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: Json<SiteChangeRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.clone();
    let SiteChangeRequest { name, closes_on } = body.into_inner();
    let change = SiteChange {
        name,
        closes_on: match closes_on {
            Some(Some(raw)) => Some(Some(date("closes_on", &raw)?)),
            Some(None) => Some(None),
            None => None,
        },
    };
    let today = ctx.clock.today();
    let code = path.into_inner();
    let site = crate::web::blocking(move || sites::change(&ctx, &actor, &code, change)).await??;
    Ok(HttpResponse::Ok().json(SiteOut::of(site, today)))
}

/// Close a site for good (admin): nothing more is recorded there; sessions working there
/// choose another site.
#[utoipa::path(post, path = "/api/v1/sites/{code}/close", tag = "sites",
    params(("code" = String, Path)),
    responses((status = 200, body = SiteOut), (status = 403), (status = 404),
              (status = 409, description = "site_closed: closed before")),
    security(("bearer" = [])))]
pub async fn close(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.clone();
    let today = ctx.clock.today();
    let code = path.into_inner();
    let site = crate::web::blocking(move || sites::close(&ctx, &actor, &code)).await??;
    Ok(HttpResponse::Ok().json(SiteOut::of(site, today)))
}

/// Say which sites a staff member works at (admin); none: any open site.
#[utoipa::path(put, path = "/api/v1/staff/{username}/sites", tag = "sites", request_body = StaffSites,
    params(("username" = String, Path)),
    responses((status = 200, body = StaffSites), (status = 403), (status = 404),
              (status = 409, description = "site_closed"),
              (status = 422, description = "invalid_value: no site has a code")),
    security(("bearer" = [])))]
pub async fn assign(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: Json<StaffSites>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.clone();
    let username = path.into_inner();
    let codes = body.into_inner().sites;
    let sites =
        crate::web::blocking(move || sites::assign(&ctx, &actor, &username, &codes)).await??;
    Ok(HttpResponse::Ok().json(StaffSites { sites }))
}

/// Choose the site this session works at (clerks and supervisors): one of the staff member's
/// open sites. Every enrollment, card issue and print records it.
#[utoipa::path(put, path = "/api/v1/sessions/current/site", tag = "sessions", request_body = SiteChoice,
    responses((status = 200, body = SiteOut), (status = 401), (status = 404),
              (status = 403, description = "site_not_allowed: not one of the staff member's sites, or a role that works at no site"),
              (status = 409, description = "site_closed")),
    security(("bearer" = [])))]
pub async fn choose(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: Json<SiteChoice>,
) -> Result<HttpResponse, ApiError> {
    let today = ctx.clock.today();
    let code = body.into_inner().site;
    let site = crate::web::blocking(move || sites::choose(&ctx, &staff.0, &code)).await??;
    Ok(HttpResponse::Ok().json(SiteOut::of(site, today)))
}
