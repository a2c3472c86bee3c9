//! The second step of a page login: after a right password, the account's second factor (a
//! code from its authenticator app, or a recovery code). The session the password opened
//! waits in its own cookie and opens nothing; the factor closes it and opens a new one.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use minijinja::context;

use super::forms::Posted;
use super::session::{home_of, wait_text, NextQuery};
use super::view::{local_path, set_cookie, PageError, Viewer};
use crate::services::auth::{self, AuthError, NewSession};
use crate::web::auth::{cookie, over_https, Cookie};

/// After the password: the waiting session's cookie, and off to the factor page.
pub fn ask_for_factor(viewer: &Viewer, session: &NewSession, next: Option<String>) -> HttpResponse {
    let max_age = (session.expires_at - viewer.ctx.clock.now())
        .num_seconds()
        .max(60);
    let location = match next {
        Some(next) => format!("/login/factor?next={next}"),
        None => "/login/factor".to_owned(),
    };
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .append_header((
            header::SET_COOKIE,
            set_cookie(
                Cookie::Factor,
                &session.token,
                Some(max_age),
                viewer.https(),
            ),
        ))
        .finish()
}

fn waiting_token(req: &HttpRequest) -> Option<String> {
    cookie(req, Cookie::Factor.name(over_https(req)))
}

/// Whether the visitor's waiting session is still waiting (else back to the login page).
async fn still_waiting(viewer: &Viewer, token: Option<String>) -> Result<String, PageError> {
    let Some(token) = token else {
        return Err(viewer.redirect("/login"));
    };
    let ctx = viewer.ctx.clone();
    let probe = token.clone();
    match crate::web::blocking(move || auth::awaiting_factor(&ctx, &probe))
        .await
        .map_err(|e| viewer.internal(e.into()))?
    {
        Ok(_) => Ok(token),
        Err(AuthError::Internal(cause)) => Err(viewer.internal(cause)),
        Err(_) => Err(viewer.redirect("/login")),
    }
}

pub async fn page(
    req: HttpRequest,
    viewer: Viewer,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, PageError> {
    still_waiting(&viewer, waiting_token(&req)).await?;
    let next = query.next.as_deref().and_then(local_path);
    viewer.ok("factor.html", context! { next => next, error => () })
}

pub async fn submit(req: HttpRequest, posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let token = still_waiting(&viewer, waiting_token(&req)).await?;
    let next = local_path(form.get("next"));
    let code = form.get("code").trim().to_owned();
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || auth::give_factor(&ctx, &token, &code))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    let (status, error) = match outcome {
        Ok(session) => return Ok(signed_in(&viewer, &session, next)),
        Err(AuthError::InvalidSecondFactor) => (
            StatusCode::UNAUTHORIZED,
            viewer.text("err-invalid_second_factor", &[]),
        ),
        Err(AuthError::TooManyAttempts { retry_after_secs }) => (
            StatusCode::TOO_MANY_REQUESTS,
            wait_text(&viewer, retry_after_secs),
        ),
        Err(AuthError::NotAuthenticated) => return Err(viewer.redirect("/login")),
        Err(AuthError::Internal(cause)) => return Err(viewer.internal(cause)),
        Err(other) => {
            return Err(viewer.internal(crate::error::Internal::new(
                "second factor",
                anyhow::anyhow!("{other}"),
            )))
        }
    };
    viewer.page(
        status,
        "factor.html",
        context! { next => next, error => error },
    )
}

/// The factor was right: the new session's cookie, the waiting one's and the pre-session's
/// gone, and on to where the login was going.
fn signed_in(viewer: &Viewer, session: &NewSession, next: Option<String>) -> HttpResponse {
    let max_age = (session.expires_at - viewer.ctx.clock.now())
        .num_seconds()
        .max(60);
    let target = if session.must_change_password {
        "/account/password".to_owned()
    } else {
        next.unwrap_or_else(|| home_of(session.role).to_owned())
    };
    let https = viewer.https();
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, target))
        .append_header((
            header::SET_COOKIE,
            set_cookie(Cookie::Session, &session.token, Some(max_age), https),
        ))
        .append_header((
            header::SET_COOKIE,
            set_cookie(Cookie::Factor, "", Some(0), https),
        ))
        .append_header((
            header::SET_COOKIE,
            set_cookie(Cookie::PreSession, "", Some(0), https),
        ))
        .finish()
}
