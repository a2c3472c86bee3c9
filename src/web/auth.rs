//! Request extractors for signed-in staff, and the role check every protected route makes.
//!
//! API clients send `Authorization: Bearer <token>`. The staff pages keep the same opaque token
//! in an HttpOnly, SameSite=Strict cookie; the API accepts that cookie on one route only, the
//! retention report download the auditor's page links to (GET). A cookie opens nothing else of
//! the API: no change without the CSRF check the page forms carry, and no read of personal
//! data a page did not ask for.

use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest};
use futures_util::future::LocalBoxFuture;

use crate::context::AppContext;
use crate::domain::staff::Permission;
use crate::error::ErrorCode;
use crate::error::Internal;
use crate::services::auth::{self, AuthError, SignedIn};
use crate::services::Actor;
use crate::web::ApiError;

/// The token of `Authorization: Bearer <token>`, if sent.
pub fn bearer_token(req: &HttpRequest) -> Option<String> {
    let header = req.headers().get(actix_web::http::header::AUTHORIZATION)?;
    let value = header.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// The service's cookies. Served over https (`public_base_url`) their names carry the
/// `__Host-` prefix: a browser accepts such a cookie only with Secure, `Path=/` and no Domain,
/// so no other host (a sibling subdomain, anything on plain http) can set or overwrite it.
/// Over plain http (development) the names have no prefix, which a browser would refuse
/// without Secure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cookie {
    /// A page session's token.
    Session,
    /// Before login: the random secret the login form's CSRF token is derived from.
    PreSession,
    /// The interface language the staff member chose.
    Lang,
    /// A page login's session while it waits for the second factor (it opens nothing else).
    Factor,
}

/// The cookie of a single sign-on under way (`tag`: its request's), holding the secret that
/// binds the provider's answer to this browser; one per request, so two tabs do not undo
/// each other.
pub fn sign_on_cookie_name(https: bool, tag: &str) -> String {
    let prefix = if https { "__Host-" } else { "" };
    format!("{prefix}muni_sign_on_{tag}")
}

impl Cookie {
    pub fn name(self, https: bool) -> &'static str {
        match (self, https) {
            (Cookie::Session, true) => "__Host-muni_session",
            (Cookie::Session, false) => "muni_session",
            (Cookie::PreSession, true) => "__Host-muni_pre",
            (Cookie::PreSession, false) => "muni_pre",
            (Cookie::Lang, true) => "__Host-muni_lang",
            (Cookie::Lang, false) => "muni_lang",
            (Cookie::Factor, true) => "__Host-muni_factor",
            (Cookie::Factor, false) => "muni_factor",
        }
    }
}

/// Whether the service is served over https (its cookies then carry `__Host-` and Secure).
pub fn over_https(req: &HttpRequest) -> bool {
    req.app_data::<web::Data<AppContext>>()
        .is_some_and(|ctx| ctx.config.public_base_url.starts_with("https://"))
}

/// The value of a cookie sent with the request.
pub fn cookie(req: &HttpRequest, name: &str) -> Option<String> {
    req.headers()
        .get_all(actix_web::http::header::COOKIE)
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim().trim_matches('"').to_owned())
        .filter(|value| !value.is_empty())
}

/// The API routes a page session's cookie opens (downloads its pages link to).
const COOKIE_ROUTES: [&str; 2] = ["/api/v1/reports/retention", "/api/v1/reports/program"];

/// The session token: the bearer token, or on a download a page links to, the page session
/// cookie.
fn session_token(req: &HttpRequest) -> Option<String> {
    bearer_token(req).or_else(|| {
        let read_only = matches!(
            *req.method(),
            actix_web::http::Method::GET | actix_web::http::Method::HEAD
        );
        if read_only && COOKIE_ROUTES.contains(&req.path()) {
            cookie(req, Cookie::Session.name(over_https(req)))
        } else {
            None
        }
    })
}

fn context(req: &HttpRequest) -> Result<web::Data<AppContext>, ApiError> {
    req.app_data::<web::Data<AppContext>>()
        .cloned()
        .ok_or_else(|| {
            ApiError::internal(Internal::new(
                "app data",
                anyhow::anyhow!("missing context"),
            ))
        })
}

async fn signed_in(req: &HttpRequest) -> Result<SignedIn, ApiError> {
    let ctx = context(req)?;
    let token = session_token(req).ok_or(AuthError::NotAuthenticated)?;
    Ok(crate::web::blocking(move || auth::authenticate(&ctx, &token)).await??)
}

/// A signed-in staff member whose account is in order.
pub struct Staff(pub SignedIn);

impl Staff {
    /// The actor, if their role grants `permission`; otherwise 403.
    pub fn require(&self, permission: Permission) -> Result<&Actor, ApiError> {
        let actor = &self.0.actor;
        if permission.granted_to(actor.role) {
            Ok(actor)
        } else {
            Err(ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::Forbidden,
                format!("The {} role cannot do this.", actor.role.as_str()),
            ))
        }
    }
}

impl FromRequest for Staff {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let signed = signed_in(&req).await?;
            if signed.must_change_password {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    ErrorCode::PasswordChangeRequired,
                    "Change the one-time password first: POST /api/v1/staff/me/password.",
                ));
            }
            Ok(Staff(signed))
        })
    }
}

/// A signed-in staff member who may still have to change a one-time password: only for
/// changing it and for logging out.
pub struct AnyStaff(pub SignedIn);

impl FromRequest for AnyStaff {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Ok(AnyStaff(signed_in(&req).await?)) })
    }
}
