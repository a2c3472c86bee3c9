//! Legal holds: listed for auditors and admins, placed and lifted by an admin.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::context::AppContext;
use crate::domain::legal_holds::HoldScope;
use crate::domain::resident::parse_date;
use crate::domain::staff::Permission;
use crate::services::legal_holds::{self, HoldView};
use crate::web::auth::Staff;
use crate::web::json::Json;
use crate::web::ApiError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum HoldScopeKind {
    /// Every record.
    All,
    /// The residents enrolled from `enrolled_from` to `enrolled_to` (both included).
    EnrolledBetween,
    /// The residents enrolled at `site`.
    Site,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct HoldOut {
    pub id: String,
    pub reference: String,
    pub scope: HoldScopeKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrolled_from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrolled_to: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    pub placed_at: DateTime<Utc>,
    pub placed_by: String,
    pub lifted_at: Option<DateTime<Utc>>,
    pub lifted_by: Option<String>,
    pub in_force: bool,
}

impl From<HoldView> for HoldOut {
    fn from(view: HoldView) -> Self {
        let HoldView {
            hold,
            placed_by,
            lifted_by,
        } = view;
        let in_force = hold.in_force();
        let (scope, enrolled_from, enrolled_to, site) = match hold.scope {
            HoldScope::All => (HoldScopeKind::All, None, None, None),
            HoldScope::EnrolledBetween { from, to } => {
                (HoldScopeKind::EnrolledBetween, Some(from), Some(to), None)
            }
            HoldScope::Site(code) => (HoldScopeKind::Site, None, None, Some(code)),
        };
        Self {
            id: hold.id,
            reference: hold.reference,
            scope,
            enrolled_from,
            enrolled_to,
            site,
            placed_at: hold.placed_at,
            placed_by,
            lifted_at: hold.lifted_at,
            lifted_by,
            in_force,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct HoldList {
    pub holds: Vec<HoldOut>,
}

#[derive(Serialize, ToSchema)]
pub struct PlacedHold {
    pub hold: HoldOut,
    /// How many residents' records the hold covers now (more are covered as they enroll, when
    /// the scope takes them in).
    pub records_covered: u64,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewHoldRequest {
    /// The order's reference, e.g. a court order number (never a person's name).
    #[schema(max_length = 100)]
    pub reference: String,
    pub scope: HoldScopeKind,
    /// `YYYY-MM-DD`, with `enrolled_between`.
    pub enrolled_from: Option<String>,
    /// `YYYY-MM-DD`, with `enrolled_between`.
    pub enrolled_to: Option<String>,
    /// A site's code, with `site`.
    pub site: Option<String>,
}

fn date(field: &'static str, raw: Option<String>) -> Result<NaiveDate, ApiError> {
    let raw = raw.ok_or_else(|| {
        ApiError::unprocessable(
            crate::error::ErrorCode::MissingField,
            format!("{field} is needed with this scope."),
        )
        .with("field", field)
    })?;
    parse_date(field, &raw)
        .map_err(|e| ApiError::unprocessable(e.code, e.message).with("field", e.field))
}

/// The scope a request names, with exactly the fields it needs.
fn scope_of(request: &mut NewHoldRequest) -> Result<HoldScope, ApiError> {
    let unexpected = |field: &'static str| {
        ApiError::unprocessable(
            crate::error::ErrorCode::InvalidValue,
            format!("{field} does not go with this scope."),
        )
        .with("field", field)
    };
    let (from, to, site) = (
        request.enrolled_from.take(),
        request.enrolled_to.take(),
        request.site.take(),
    );
    match request.scope {
        HoldScopeKind::All => match (&from, &to, &site) {
            (None, None, None) => Ok(HoldScope::All),
            (Some(_), _, _) => Err(unexpected("enrolled_from")),
            (_, Some(_), _) => Err(unexpected("enrolled_to")),
            _ => Err(unexpected("site")),
        },
        HoldScopeKind::EnrolledBetween => match site {
            Some(_) => Err(unexpected("site")),
            None => Ok(HoldScope::EnrolledBetween {
                from: date("enrolled_from", from)?,
                to: date("enrolled_to", to)?,
            }),
        },
        HoldScopeKind::Site => match (from, to, site) {
            (None, None, Some(code)) => Ok(HoldScope::Site(code)),
            (Some(_), _, _) => Err(unexpected("enrolled_from")),
            (_, Some(_), _) => Err(unexpected("enrolled_to")),
            (None, None, None) => Err(ApiError::unprocessable(
                crate::error::ErrorCode::MissingField,
                "site is needed with this scope.",
            )
            .with("field", "site")),
        },
    }
}

/// Every legal hold, those in force first (auditors and admins).
#[utoipa::path(get, path = "/api/v1/legal-holds", tag = "retention",
    responses((status = 200, body = HoldList), (status = 403)), security(("bearer" = [])))]
pub async fn list(ctx: web::Data<AppContext>, staff: Staff) -> Result<HttpResponse, ApiError> {
    staff.require(Permission::Audit)?;
    let holds = crate::web::blocking(move || legal_holds::list(&ctx)).await??;
    Ok(HttpResponse::Ok().json(HoldList {
        holds: holds.into_iter().map(Into::into).collect(),
    }))
}

/// Place a legal hold (admin): the records in its scope are not destroyed until it is lifted.
#[utoipa::path(post, path = "/api/v1/legal-holds", tag = "retention", request_body = NewHoldRequest,
    responses((status = 201, body = PlacedHold), (status = 403),
              (status = 422, description = "invalid_value (reference, site, a field the scope does not take), missing_field, invalid_date")),
    security(("bearer" = [])))]
pub async fn place(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: Json<NewHoldRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.clone();
    let mut request = body.into_inner();
    let scope = scope_of(&mut request)?;
    let reference = request.reference;
    let (hold, records_covered) =
        crate::web::blocking(move || legal_holds::place(&ctx, &actor, &reference, scope)).await??;
    Ok(HttpResponse::Created().json(PlacedHold {
        hold: hold.into(),
        records_covered,
    }))
}

/// Lift a legal hold (admin): what no other hold covers is destroyed by the next purge when due.
#[utoipa::path(post, path = "/api/v1/legal-holds/{id}/lift", tag = "retention",
    params(("id" = String, Path)),
    responses((status = 200, body = HoldOut), (status = 403), (status = 404),
              (status = 409, description = "legal_hold_lifted")),
    security(("bearer" = [])))]
pub async fn lift(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.clone();
    let id = path.into_inner();
    let hold = crate::web::blocking(move || legal_holds::lift(&ctx, &actor, &id)).await??;
    Ok(HttpResponse::Ok().json(HoldOut::from(hold)))
}
