//! Single sign-on pages: the login page's "Sign in with …" link sends the browser to the
//! city's identity provider, and the provider sends it back to the callback. The request is
//! bound to this browser by a cookie (SameSite=Lax: it must come back on the provider's
//! top-level redirect), and the session cookie is set on a page that then moves on by
//! itself: a SameSite=Strict cookie set at the end of a redirect chain that began on another
//! site is not sent on that chain's next hop.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use minijinja::context;
use serde::Deserialize;

use super::session::{landing, login_view, NextQuery};
use super::view::{local_path, set_cookie, PageError, Viewer};
use crate::identity_provider::ProviderError;
use crate::services::sign_on::{self, Callback, SignOnError};
use crate::web::auth::{cookie, over_https, Cookie};

/// How long the browser may take at the provider (the request's own limit).
const COOKIE_SECS: i64 = 600;

/// Off to the identity provider.
pub async fn start(
    viewer: Viewer,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, PageError> {
    if viewer.ctx.sign_on.is_none() {
        return Err(viewer.not_found());
    }
    let next = query.next.as_deref().and_then(local_path);
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || sign_on::begin(&ctx, next))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(begun) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, begun.provider_url))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .append_header((
                header::SET_COOKIE,
                set_cookie(
                    Cookie::SignOn,
                    &begun.browser_secret,
                    Some(COOKIE_SECS),
                    viewer.https(),
                ),
            ))
            .finish()),
        Err(e) => refused(&viewer, e),
    }
}

#[derive(Deserialize)]
pub struct CallbackQuery {
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
}

/// Back from the identity provider.
pub async fn callback(
    req: HttpRequest,
    viewer: Viewer,
    query: web::Query<CallbackQuery>,
) -> Result<HttpResponse, PageError> {
    if viewer.ctx.sign_on.is_none() {
        return Err(viewer.not_found());
    }
    let browser_secret = cookie(&req, Cookie::SignOn.name(over_https(&req))).unwrap_or_default();
    let CallbackQuery { state, code, error } = query.into_inner();
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || {
        sign_on::complete(
            &ctx,
            Callback {
                state: state.as_deref().unwrap_or_default(),
                code: code.as_deref(),
                error: error.as_deref(),
                browser_secret: &browser_secret,
            },
        )
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok((session, next)) => {
            let target = next
                .as_deref()
                .and_then(local_path)
                .unwrap_or_else(|| super::session::home_of(session.role).to_owned());
            let body = viewer_render(&viewer, &target)?;
            let mut response = landing(&viewer, &session, HttpResponse::Ok());
            Ok(response
                .append_header((
                    header::SET_COOKIE,
                    set_cookie(Cookie::SignOn, "", Some(0), viewer.https()),
                ))
                .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
                .insert_header(("Content-Security-Policy", super::view::PAGE_CSP))
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .body(body))
        }
        Err(e) => refused(&viewer, e),
    }
}

/// The small page that moves on to `target` by itself (and offers a link).
fn viewer_render(viewer: &Viewer, target: &str) -> Result<String, PageError> {
    super::templates::render(
        "signed_on.html",
        context! { target => target, ..viewer.base() },
    )
    .map_err(|e| viewer.internal(e))
}

/// A refused sign-in: the login page again, saying why in the visitor's language (never whom
/// the provider named).
fn refused(viewer: &Viewer, error: SignOnError) -> Result<HttpResponse, PageError> {
    let (status, message) = match error {
        SignOnError::Off => return Err(viewer.not_found()),
        SignOnError::Internal(cause) => return Err(viewer.internal(cause)),
        SignOnError::UnknownRequest => (StatusCode::BAD_REQUEST, "err-sign-on-unknown"),
        SignOnError::ProviderEnded(_) => (StatusCode::UNAUTHORIZED, "err-sign-on-ended"),
        SignOnError::Provider(ProviderError::Unreachable(_)) => {
            (StatusCode::BAD_GATEWAY, "err-sign-on-unreachable")
        }
        SignOnError::Provider(_) => (StatusCode::UNAUTHORIZED, "err-sign-on-invalid"),
        SignOnError::NoAccount => (StatusCode::FORBIDDEN, "err-sign-on-no-account"),
        SignOnError::Refused(why) => (
            StatusCode::FORBIDDEN,
            match why {
                crate::domain::sign_on::Refusal::NoUsername => "err-sign-on-no-account",
                crate::domain::sign_on::Refusal::NoRole => "err-sign-on-no-role",
                crate::domain::sign_on::Refusal::TwoRoles => "err-sign-on-two-roles",
            },
        ),
    };
    let text = viewer.text(message, &[]);
    login_view(viewer, status, None, "", Some(text), false)
}
