//! The second step of a page login: after a right password, the account's second factor (a
//! code from its authenticator app, or a recovery code). The session the password opened
//! waits in its own cookie and opens nothing; the factor closes it and opens a new one.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use minijinja::context;

use super::forms::Posted;
use super::session::{signed_in, wait_text, NextQuery};
use super::view::{local_path, set_cookie, PageError, Viewer};
use crate::services::auth::{self, AuthError, NewSession};
use crate::services::{passkeys, second_factor};
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

/// Whether the visitor's waiting session is still waiting (else back to the login page), and
/// whether its account can answer with a passkey.
async fn still_waiting(
    viewer: &Viewer,
    token: Option<String>,
) -> Result<(String, bool), PageError> {
    let Some(token) = token else {
        return Err(viewer.redirect("/login"));
    };
    let ctx = viewer.ctx.clone();
    let probe = token.clone();
    match crate::web::blocking(move || {
        let staff = auth::awaiting_factor(&ctx, &probe)?;
        second_factor::has_passkey(&ctx, &staff.id)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?
    {
        Ok(passkey) => Ok((token, passkey)),
        Err(AuthError::Internal(cause)) => Err(viewer.internal(cause)),
        Err(_) => Err(viewer.redirect("/login")),
    }
}

pub async fn page(
    req: HttpRequest,
    viewer: Viewer,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, PageError> {
    let (_, passkey) = still_waiting(&viewer, waiting_token(&req)).await?;
    let next = query.next.as_deref().and_then(local_path);
    viewer.ok(
        "factor.html",
        context! { next => next, error => (), passkey => passkey },
    )
}

pub async fn submit(req: HttpRequest, posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let (token, passkey) = still_waiting(&viewer, waiting_token(&req)).await?;
    let next = local_path(form.get("next"));
    let code = form.get("code").trim().to_owned();
    let answer = form.get("passkey").to_owned();
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || {
        let answer = if answer.is_empty() {
            auth::FactorAnswer::Code(&code)
        } else {
            auth::FactorAnswer::Passkey(&answer)
        };
        auth::give_factor(&ctx, &token, answer)
    })
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
        context! { next => next, error => error, passkey => passkey },
    )
}

/// The options for answering with a passkey, as JSON for the page's script.
pub async fn passkey_options(req: HttpRequest, posted: Posted) -> Result<HttpResponse, PageError> {
    let viewer = posted.viewer;
    let (token, _) = still_waiting(&viewer, waiting_token(&req)).await?;
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || passkeys::begin_login(&ctx, &token))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(options) => Ok(HttpResponse::Ok().json(options)),
        Err(AuthError::Internal(cause)) => Err(viewer.internal(cause)),
        Err(AuthError::TooManyAttempts { retry_after_secs }) => {
            let text = wait_text(&viewer, retry_after_secs);
            Ok(HttpResponse::TooManyRequests()
                .json(serde_json::json!({"error": {"code": "too_many_attempts", "message": text}})))
        }
        Err(_) => {
            let text = viewer.text("err-passkey-refused", &[]);
            Ok(HttpResponse::Conflict()
                .json(serde_json::json!({"error": {"code": "passkey", "message": text}})))
        }
    }
}
