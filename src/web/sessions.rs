//! `POST /api/v1/sessions`, `DELETE /api/v1/sessions/current`, `POST /api/v1/staff/me/password`.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::auth::AnyStaff;
use super::client_address::client_of;
use crate::context::AppContext;
use crate::crypto::password::Password;
use crate::services::auth;
use crate::web::api::sites::SiteOut;
use crate::web::api::staff::StaffRole;
use crate::web::ApiError;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    pub username: String,
    pub password: String,
    /// For an account with a second factor: the six-digit code its authenticator app shows,
    /// or one of its unused recovery codes.
    #[schema(max_length = 64)]
    pub one_time_code: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct LoginResponse {
    pub token: String,
    pub role: StaffRole,
    pub expires_at: DateTime<Utc>,
    /// True for a one-time password: change it before anything else.
    pub must_change_password: bool,
    /// The account must set up a second factor (on its account page) by then; after it, its
    /// password alone opens nothing. Absent when the account has one or need not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second_factor_due_by: Option<DateTime<Utc>>,
    /// The site the session works at (clerks and supervisors of a program with sites): their
    /// only open site. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<SiteOut>,
    /// With several open sites: the ones to choose from (PUT /api/v1/sessions/current/site)
    /// before anything is recorded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub site_choices: Vec<SiteOut>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

/// Log in.
#[utoipa::path(post, path = "/api/v1/sessions", tag = "sessions", request_body = LoginRequest,
    responses((status = 201, body = LoginResponse),
              (status = 401, description = "invalid_credentials, second_factor_required (the password was right; send one_time_code), invalid_second_factor"),
              (status = 403, description = "second_factor_enrolment_overdue: the account must have a second factor and its time to set one up is over; an admin can reset its factors. local_passwords_off: staff sign in through single sign-on; only the break-glass account has a password"),
              (status = 429, description = "too_many_attempts")))]
pub async fn create(
    ctx: web::Data<AppContext>,
    req: HttpRequest,
    body: super::json::Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let client = client_of(&req, &ctx.config.server).bucket();
    let ctx_today = ctx.clock.today();
    let LoginRequest {
        username,
        password,
        one_time_code,
    } = body.into_inner();
    let password = Password::new(password);
    let session = crate::web::blocking(move || {
        let step = auth::FactorStep::WithCode(one_time_code.as_deref());
        auth::login(&ctx, &username, &password, &client, step)
    })
    .await??;
    let today = ctx_today;
    Ok(HttpResponse::Created().json(LoginResponse {
        site: session.site.map(|s| SiteOut::of(s, today)),
        site_choices: session
            .site_choices
            .into_iter()
            .map(|s| SiteOut::of(s, today))
            .collect(),
        token: session.token,
        role: session.role.into(),
        expires_at: session.expires_at,
        must_change_password: session.must_change_password,
        second_factor_due_by: session.factor_due_by,
    }))
}

/// Log out: the session's token stops working at once.
#[utoipa::path(delete, path = "/api/v1/sessions/current", tag = "sessions",
    responses((status = 204), (status = 401)), security(("bearer" = [])))]
pub async fn delete_current(
    ctx: web::Data<AppContext>,
    staff: AnyStaff,
) -> Result<HttpResponse, ApiError> {
    crate::web::blocking(move || auth::logout(&ctx, &staff.0)).await??;
    Ok(HttpResponse::NoContent().finish())
}

/// Change one's own password (required after a one-time password).
#[utoipa::path(post, path = "/api/v1/staff/me/password", tag = "sessions", request_body = PasswordChange,
    responses((status = 204), (status = 401),
              (status = 403, description = "local_passwords_off: the account signs in through single sign-on and has no password here"),
              (status = 422, description = "weak_password"),
              (status = 429, description = "too_many_attempts")),
    security(("bearer" = [])))]
pub async fn change_password(
    ctx: web::Data<AppContext>,
    req: HttpRequest,
    staff: AnyStaff,
    body: super::json::Json<PasswordChange>,
) -> Result<HttpResponse, ApiError> {
    let client = client_of(&req, &ctx.config.server).bucket();
    let PasswordChange {
        current_password,
        new_password,
    } = body.into_inner();
    let (current, new) = (Password::new(current_password), Password::new(new_password));
    crate::web::blocking(move || {
        auth::change_own_password(&ctx, &staff.0, (&current, &new), &client)
    })
    .await??;
    Ok(HttpResponse::NoContent().finish())
}
