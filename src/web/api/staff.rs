//! Staff administration (admin only): list, add, change role or disable, reset a password.

use actix_web::{web, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::context::AppContext;
use crate::crypto::password::Password;
use crate::domain::staff::{Permission, StaffRole};
use crate::services::staff::{self, StaffSummary};
use crate::web::auth::Staff;
use crate::web::ApiError;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStaffRequest {
    #[schema(pattern = "^[a-z0-9._-]{2,64}$")]
    pub username: String,
    pub role: StaffRole,
    /// Omit to have a one-time password generated; it must be changed at first login.
    #[schema(min_length = 12)]
    pub password: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct NewStaffResponse {
    pub staff: StaffSummary,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one_time_password: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffChange {
    pub role: Option<StaffRole>,
    pub disabled: Option<bool>,
}

#[derive(Serialize, ToSchema)]
pub struct PasswordReset {
    pub one_time_password: String,
}

#[utoipa::path(get, path = "/api/v1/staff", tag = "staff",
    responses((status = 200, body = [StaffSummary]), (status = 403)), security(("bearer" = [])))]
pub async fn list(ctx: web::Data<AppContext>, staff: Staff) -> Result<HttpResponse, ApiError> {
    staff.require(Permission::Administer)?;
    let all = crate::web::blocking(move || staff::list(&ctx)).await??;
    Ok(HttpResponse::Ok().json(all))
}

#[utoipa::path(post, path = "/api/v1/staff", tag = "staff", request_body = NewStaffRequest,
    responses((status = 201, body = NewStaffResponse), (status = 409, description = "username_taken"),
              (status = 403), (status = 422, description = "invalid_username, weak_password")),
    security(("bearer" = [])))]
pub async fn add(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: crate::web::json::Json<NewStaffRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.staff_id.clone();
    let NewStaffRequest {
        username,
        role,
        password,
    } = body.into_inner();
    let (summary, generated) = crate::web::blocking(move || {
        staff::add(&ctx, &actor, &username, role, password.map(Password::new))
    })
    .await??;
    Ok(HttpResponse::Created().json(NewStaffResponse {
        staff: summary,
        one_time_password: generated.map(|p| p.expose().to_owned()),
    }))
}

#[utoipa::path(patch, path = "/api/v1/staff/{username}", tag = "staff", request_body = StaffChange,
    params(("username" = String, Path)),
    responses((status = 200, body = StaffSummary), (status = 404), (status = 403)),
    security(("bearer" = [])))]
pub async fn change(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: crate::web::json::Json<StaffChange>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.staff_id.clone();
    let username = path.into_inner();
    let StaffChange { role, disabled } = body.into_inner();
    let summary = crate::web::blocking(move || {
        let mut summary = None;
        if let Some(role) = role {
            summary = Some(staff::set_role(&ctx, &actor, &username, role)?);
        }
        if let Some(disabled) = disabled {
            summary = Some(staff::set_disabled(&ctx, &actor, &username, disabled)?);
        }
        match summary {
            Some(s) => Ok(s),
            None => staff::list(&ctx)?
                .into_iter()
                .find(|s| s.username == username)
                .ok_or(staff::StaffError::NotFound),
        }
    })
    .await??;
    Ok(HttpResponse::Ok().json(summary))
}

#[utoipa::path(post, path = "/api/v1/staff/{username}/password-reset", tag = "staff",
    params(("username" = String, Path)),
    responses((status = 200, body = PasswordReset), (status = 404), (status = 403)),
    security(("bearer" = [])))]
pub async fn reset_password(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.staff_id.clone();
    let username = path.into_inner();
    let password =
        crate::web::blocking(move || staff::reset_password(&ctx, &actor, &username)).await??;
    Ok(HttpResponse::Ok().json(PasswordReset {
        one_time_password: password.expose().to_owned(),
    }))
}
