//! Single sign-on pages: the login page's "Sign in with …" link sends the browser to the
//! city's identity provider, and the provider sends it back to the callback. The request is
//! bound to this browser by a cookie of its own (SameSite=Lax: it must come back on the
//! provider's top-level redirect), and the session cookie is set on a page that then moves on
//! by itself: a SameSite=Strict cookie set at the end of a redirect chain that began on
//! another site is not sent on that chain's next hop.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use minijinja::context;
use serde::Deserialize;

use super::session::{home_of, landing, login_view, wait_text, NextQuery};
use super::view::{local_path, set_sign_on_cookie, PageError, Viewer};
use crate::domain::sign_on::Refusal;
use crate::identity_provider::ProviderError;
use crate::services::sign_on::{self, Callback, SignOnError};
use crate::web::auth::{cookie, over_https, sign_on_cookie_name};
use crate::web::client_address::client_of;

/// How long the browser may take at the provider (the request's own limit).
const COOKIE_SECS: i64 = 600;

/// Off to the identity provider.
pub async fn start(
    req: HttpRequest,
    viewer: Viewer,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, PageError> {
    if viewer.ctx.sign_on.is_none() {
        return Err(viewer.not_found());
    }
    let next = query.next.as_deref().and_then(local_path);
    let client = client_of(&req, &viewer.ctx.config.server).bucket();
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || sign_on::begin(&ctx, &client, next))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(begun) => Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, begun.provider_url))
            .insert_header((header::CACHE_CONTROL, "no-store"))
            .append_header((
                header::SET_COOKIE,
                set_sign_on_cookie(
                    &begun.tag,
                    &begun.browser_secret,
                    COOKIE_SECS,
                    viewer.https(),
                ),
            ))
            .finish()),
        Err(e) => refused(&viewer, e, None),
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
    let CallbackQuery { state, code, error } = query.into_inner();
    let state = state.unwrap_or_default();
    let tag = sign_on::tag_of(&state);
    let browser_secret =
        cookie(&req, &sign_on_cookie_name(over_https(&req), &tag)).unwrap_or_default();
    let client = client_of(&req, &viewer.ctx.config.server).bucket();
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || {
        sign_on::complete(
            &ctx,
            Callback {
                state: &state,
                code: code.as_deref(),
                error: error.as_deref(),
                browser_secret: &browser_secret,
                client: &client,
            },
        )
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    let (session, next) = match outcome {
        Ok(done) => done,
        Err(e) => return refused(&viewer, e, Some(&tag)),
    };
    let target = next
        .as_deref()
        .and_then(local_path)
        .unwrap_or_else(|| home_of(session.role).to_owned());
    // The header as it will be: nobody yet (the session's cookie is set by this answer).
    let mut response = viewer.ok(
        "signed_on.html",
        context! { target => target, user => (), nav => Vec::<String>::new() },
    )?;
    let mut cookies = landing(&viewer, &session).to_vec();
    cookies.push(set_sign_on_cookie(&tag, "", 0, viewer.https()));
    add_cookies(&mut response, cookies);
    Ok(response)
}

fn add_cookies(response: &mut HttpResponse, cookies: Vec<String>) {
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
}

/// A refused sign-in: the login page again, saying why in the visitor's language (never whom
/// the provider named), and the request's cookie gone.
fn refused(
    viewer: &Viewer,
    error: SignOnError,
    tag: Option<&str>,
) -> Result<HttpResponse, PageError> {
    let (status, message) = match error {
        SignOnError::Off => return Err(viewer.not_found()),
        SignOnError::Internal(cause) => return Err(viewer.internal(cause)),
        SignOnError::TooMany => {
            let text = wait_text(viewer, 60);
            return login_view(
                viewer,
                StatusCode::TOO_MANY_REQUESTS,
                None,
                "",
                Some(text),
                false,
            );
        }
        SignOnError::UnknownRequest => (StatusCode::BAD_REQUEST, "err-sign-on-unknown"),
        SignOnError::ProviderEnded(_) => (StatusCode::UNAUTHORIZED, "err-sign-on-ended"),
        SignOnError::Provider(ProviderError::Unreachable(_)) => {
            (StatusCode::BAD_GATEWAY, "err-sign-on-unreachable")
        }
        SignOnError::Provider(_) => (StatusCode::UNAUTHORIZED, "err-sign-on-invalid"),
        SignOnError::NoAccount => (StatusCode::FORBIDDEN, "err-sign-on-no-account"),
        SignOnError::Refused(why) => (StatusCode::FORBIDDEN, refusal_message(why)),
    };
    let text = viewer.text(message, &[]);
    let mut response = login_view(viewer, status, None, "", Some(text), false)?;
    if let Some(tag) = tag {
        add_cookies(
            &mut response,
            vec![set_sign_on_cookie(tag, "", 0, viewer.https())],
        );
    }
    Ok(response)
}

fn refusal_message(why: Refusal) -> &'static str {
    match why {
        Refusal::NoUsername => "err-sign-on-no-username",
        Refusal::NoRole => "err-sign-on-no-role",
        Refusal::TwoRoles => "err-sign-on-two-roles",
        Refusal::BreakGlass => "err-sign-on-break-glass",
        Refusal::EmailNotVerified => "err-sign-on-email-unverified",
        Refusal::NoSecondFactor => "err-sign-on-no-second-factor",
        Refusal::OtherPerson => "err-sign-on-other-person",
    }
}
