//! Staff administration (admin only): list, add, change role or disable, reset a password;
//! with what clients send and receive, and the role's wire form.

use actix_web::{web, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::context::AppContext;
use crate::crypto::password::Password;
use crate::domain::staff::{self as domain, Permission};
use crate::services::staff::{self, StaffAccount};
use crate::web::auth::Staff;
use crate::web::json::Json;
use crate::web::ApiError;

// `domain::staff::StaffRole` on the wire: the same serde names; the conversions match every
// variant, so a new role is handled here or does not build. (A doc comment here would change
// the published schema's description.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    Clerk,
    Supervisor,
    Auditor,
    Admin,
}

impl From<StaffRole> for domain::StaffRole {
    fn from(role: StaffRole) -> Self {
        match role {
            StaffRole::Clerk => domain::StaffRole::Clerk,
            StaffRole::Supervisor => domain::StaffRole::Supervisor,
            StaffRole::Auditor => domain::StaffRole::Auditor,
            StaffRole::Admin => domain::StaffRole::Admin,
        }
    }
}

impl From<domain::StaffRole> for StaffRole {
    fn from(role: domain::StaffRole) -> Self {
        match role {
            domain::StaffRole::Clerk => StaffRole::Clerk,
            domain::StaffRole::Supervisor => StaffRole::Supervisor,
            domain::StaffRole::Auditor => StaffRole::Auditor,
            domain::StaffRole::Admin => StaffRole::Admin,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StaffSummary {
    pub username: String,
    pub role: StaffRole,
    pub disabled: bool,
    pub must_change_password: bool,
    pub created_at: DateTime<Utc>,
    /// Whether the account has a second factor (never which, nor its secret).
    pub second_factor: bool,
    /// The codes of the sites the account works at; empty: any open site.
    pub sites: Vec<String>,
}

impl From<StaffAccount> for StaffSummary {
    fn from(account: StaffAccount) -> Self {
        let StaffAccount {
            username,
            role,
            disabled,
            must_change_password,
            created_at,
            second_factor,
            sites,
        } = account;
        Self {
            username,
            role: role.into(),
            disabled,
            must_change_password,
            created_at,
            second_factor,
            sites,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStaffRequest {
    #[schema(pattern = "^[a-z0-9._-]{2,64}$")]
    pub username: String,
    pub role: StaffRole,
    /// Omit to have a one-time password generated. Either way it must be changed at first
    /// login (it was not chosen by the account's owner).
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
    let summaries: Vec<StaffSummary> = all.into_iter().map(StaffSummary::from).collect();
    Ok(HttpResponse::Ok().json(summaries))
}

#[utoipa::path(post, path = "/api/v1/staff", tag = "staff", request_body = NewStaffRequest,
    responses((status = 201, body = NewStaffResponse), (status = 409, description = "username_taken"),
              (status = 403), (status = 422, description = "invalid_username, weak_password")),
    security(("bearer" = [])))]
pub async fn add(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: Json<NewStaffRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.staff_id.clone();
    let NewStaffRequest {
        username,
        role,
        password,
    } = body.into_inner();
    let (summary, generated) = crate::web::blocking(move || {
        staff::add(
            &ctx,
            &actor,
            &username,
            role.into(),
            password.map(Password::new),
        )
    })
    .await??;
    Ok(HttpResponse::Created().json(NewStaffResponse {
        staff: summary.into(),
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
    body: Json<StaffChange>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.staff_id.clone();
    let username = path.into_inner();
    let StaffChange { role, disabled } = body.into_inner();
    let summary = crate::web::blocking(move || {
        let mut summary = None;
        if let Some(role) = role {
            summary = Some(staff::set_role(&ctx, &actor, &username, role.into())?);
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
    Ok(HttpResponse::Ok().json(StaffSummary::from(summary)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wire_role_names_every_role_as_the_domain_does() {
        for role in domain::StaffRole::ALL {
            assert_eq!(
                serde_json::to_value(role).unwrap(),
                serde_json::to_value(StaffRole::from(role)).unwrap()
            );
        }
    }
}

/// Remove every second factor and recovery code of an account (a lost phone): its sessions
/// close, and it has the grace period again to set up a new one. Not one's own account.
#[utoipa::path(post, path = "/api/v1/staff/{username}/factors-reset", tag = "staff",
    params(("username" = String, Path)),
    responses((status = 204), (status = 404), (status = 403),
              (status = 409, description = "own_account")),
    security(("bearer" = [])))]
pub async fn reset_factors(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::Administer)?.staff_id.clone();
    let username = path.into_inner();
    crate::web::blocking(move || staff::reset_factors(&ctx, &actor, &username)).await??;
    Ok(HttpResponse::NoContent().finish())
}
