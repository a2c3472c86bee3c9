//! Logging in and out, changing one's own password, and choosing the interface language.

use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use minijinja::context;
use serde::Deserialize;

use super::forms::Posted;
use super::i18n::{catalogue, Arg};
use super::view::{local_path, set_cookie, PageError, Viewer};
use crate::crypto::password::Password;
use crate::domain::staff::{Permission, StaffRole};
use crate::services::auth::{self, AuthError, NewSession};
use crate::web::auth::Cookie;
use crate::web::client_address::client_of;

/// Where a staff member starts: the first page their role may use.
pub fn home_of(role: StaffRole) -> &'static str {
    if Permission::ServeResidents.granted_to(role) {
        "/enroll"
    } else if Permission::Administer.granted_to(role) {
        "/admin/staff"
    } else {
        "/audit"
    }
}

pub async fn home(viewer: Viewer) -> Result<HttpResponse, PageError> {
    let signed = viewer.signed()?;
    if signed.must_change_password {
        return Ok(viewer.see_other("/account/password"));
    }
    Ok(viewer.see_other(home_of(signed.actor.role)))
}

#[derive(Deserialize)]
pub struct NextQuery {
    pub next: Option<String>,
    done: Option<String>,
}

pub async fn login_page(
    viewer: Viewer,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, PageError> {
    if let Some(signed) = &viewer.signed_in {
        return Ok(viewer.see_other(home_of(signed.actor.role)));
    }
    let next = query.next.as_deref().and_then(local_path);
    let logged_out = query.done.as_deref() == Some("logged-out");
    login_view(&viewer, StatusCode::OK, next, "", None, logged_out)
}

/// The login page: the single sign-on link when it is configured, and the password form (when
/// passwords are off, folded away for the break-glass account).
pub(super) fn login_view(
    viewer: &Viewer,
    status: StatusCode,
    next: Option<String>,
    username: &str,
    error: Option<String>,
    logged_out: bool,
) -> Result<HttpResponse, PageError> {
    let auth = &viewer.ctx.config.auth;
    let sign_on = auth.sso.enabled().then(|| auth.sso.display_name.clone());
    let sign_on_href = match &next {
        Some(next) => format!("/login/sso?next={next}"),
        None => "/login/sso".to_owned(),
    };
    viewer.page(
        status,
        "login.html",
        context! {
            next => next, username => username, error => error, logged_out => logged_out,
            sign_on => sign_on, sign_on_href => sign_on_href,
            local_passwords => auth.local_passwords,
        },
    )
}

pub async fn login(req: HttpRequest, posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let username = form.get("username").trim().to_owned();
    let password = Password::new(form.get("password").to_owned());
    let next = local_path(form.get("next"));
    let client = client_of(&req, &viewer.ctx.config.server).bucket();
    let ctx = viewer.ctx.clone();
    let who = username.clone();
    let outcome = crate::web::blocking(move || {
        auth::login(&ctx, &who, &password, &client, auth::FactorStep::OnNextPage)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    let (status, error) = match outcome {
        Ok(session) if session.awaiting_factor => {
            return Ok(super::factor_login::ask_for_factor(&viewer, &session, next))
        }
        Ok(session) => return Ok(signed_in(&viewer, &session, next)),
        Err(AuthError::InvalidCredentials) => (
            StatusCode::UNAUTHORIZED,
            viewer.text("err-invalid_credentials", &[]),
        ),
        Err(AuthError::TooManyAttempts { retry_after_secs }) => (
            StatusCode::TOO_MANY_REQUESTS,
            wait_text(&viewer, retry_after_secs),
        ),
        Err(AuthError::Busy) => (StatusCode::TOO_MANY_REQUESTS, wait_text(&viewer, 1)),
        Err(AuthError::EnrolmentOverdue) => (
            StatusCode::FORBIDDEN,
            viewer.text("err-second_factor_enrolment_overdue", &[]),
        ),
        Err(AuthError::PasswordsOff) => (
            StatusCode::FORBIDDEN,
            viewer.text("err-local_passwords_off", &[]),
        ),
        Err(AuthError::Internal(cause)) => return Err(viewer.internal(cause)),
        Err(other) => {
            return Err(viewer.internal(crate::error::Internal::new(
                "login",
                anyhow::anyhow!("{other}"),
            )))
        }
    };
    login_view(&viewer, status, next, &username, Some(error), false)
}

/// A login is complete (its password, and its second factor if the account has one): the new
/// session's cookie, the waiting session's and the pre-session's gone, and on to where the
/// login was going (the password change first after a one-time password).
pub(super) fn signed_in(
    viewer: &Viewer,
    session: &NewSession,
    next: Option<String>,
) -> HttpResponse {
    let target = if session.must_change_password {
        "/account/password".to_owned()
    } else {
        next.unwrap_or_else(|| home_of(session.role).to_owned())
    };
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, target));
    for cookie in landing(viewer, session) {
        response.append_header((header::SET_COOKIE, cookie));
    }
    response.finish()
}

/// The cookies of a completed login: the new session's, the waiting session's and the
/// pre-session's gone.
pub(super) fn landing(viewer: &Viewer, session: &NewSession) -> [String; 3] {
    let max_age = (session.expires_at - viewer.ctx.clock.now())
        .num_seconds()
        .max(60);
    let https = viewer.https();
    [
        set_cookie(Cookie::Session, &session.token, Some(max_age), https),
        set_cookie(Cookie::Factor, "", Some(0), https),
        set_cookie(Cookie::PreSession, "", Some(0), https),
    ]
}

pub async fn logout(posted: Posted) -> Result<HttpResponse, PageError> {
    let viewer = posted.viewer;
    if let Some(signed) = viewer.signed_in.clone() {
        let ctx = viewer.ctx.clone();
        crate::web::blocking(move || auth::logout(&ctx, &signed))
            .await
            .map_err(|e| viewer.internal(e.into()))?
            .map_err(|e| match e {
                AuthError::Internal(cause) => viewer.internal(cause),
                other => viewer.internal(crate::error::Internal::new(
                    "logout",
                    anyhow::anyhow!("{other}"),
                )),
            })?;
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/login?done=logged-out"))
        .append_header((
            header::SET_COOKIE,
            set_cookie(Cookie::Session, "", Some(0), viewer.https()),
        ))
        .append_header((
            header::SET_COOKIE,
            set_cookie(Cookie::Factor, "", Some(0), viewer.https()),
        ))
        .finish())
}

pub async fn password_page(viewer: Viewer) -> Result<HttpResponse, PageError> {
    let signed = viewer.signed()?;
    let auth = &viewer.ctx.config.auth;
    // An account that signs in only through the identity provider has no password here.
    let managed_by =
        (!auth.password_allowed_for(&signed.actor.username)).then(|| auth.sso.display_name.clone());
    viewer.ok(
        "password.html",
        context! {
            required => signed.must_change_password, errors => context!{}, done => false,
            managed_by => managed_by,
        },
    )
}

pub async fn change_password(req: HttpRequest, posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let client = client_of(&req, &viewer.ctx.config.server).bucket();
    let signed = viewer.signed()?.clone();
    let required = signed.must_change_password;
    let new = form.get("new_password").to_owned();
    if new != form.get("confirm_password") {
        let error = viewer.text("err-password-mismatch", &[]);
        return viewer.page(
            StatusCode::UNPROCESSABLE_ENTITY,
            "password.html",
            context! { required => required, errors => context!{ confirm_password => error }, done => false },
        );
    }
    let current = Password::new(form.get("current_password").to_owned());
    let new = Password::new(new);
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || {
        auth::change_own_password(&ctx, &signed, (&current, &new), &client)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    let mut status = StatusCode::UNPROCESSABLE_ENTITY;
    let errors = match outcome {
        Ok(()) => {
            return viewer.ok(
                "password.html",
                context! { required => false, errors => context!{}, done => true },
            )
        }
        Err(AuthError::InvalidCredentials) => {
            context! { current_password => viewer.text("err-current-password-wrong", &[]) }
        }
        Err(AuthError::WeakPassword(_)) => {
            context! { new_password => viewer.text("err-weak_password", &[]) }
        }
        Err(AuthError::PasswordsOff) => {
            status = StatusCode::FORBIDDEN;
            context! { current_password => viewer.text("err-password-managed-elsewhere", &[]) }
        }
        Err(AuthError::TooManyAttempts { retry_after_secs }) => {
            status = StatusCode::TOO_MANY_REQUESTS;
            context! { current_password => wait_text(&viewer, retry_after_secs) }
        }
        Err(AuthError::Busy) => {
            status = StatusCode::TOO_MANY_REQUESTS;
            context! { current_password => wait_text(&viewer, 1) }
        }
        Err(AuthError::Internal(cause)) => return Err(viewer.internal(cause)),
        Err(other) => {
            return Err(viewer.internal(crate::error::Internal::new(
                "password change",
                anyhow::anyhow!("{other}"),
            )))
        }
    };
    viewer.page(
        status,
        "password.html",
        context! { required => required, errors => errors, done => false },
    )
}

/// "Too many attempts: wait N seconds" (under a minute) or "N minutes".
pub(super) fn wait_text(viewer: &Viewer, retry_after_secs: i64) -> String {
    let (unit, count) = if retry_after_secs < 60 {
        ("seconds", retry_after_secs.max(1))
    } else {
        ("minutes", (retry_after_secs + 59) / 60)
    };
    viewer.text(
        "err-too_many_attempts",
        &[
            ("unit", Arg::Text(unit.into())),
            ("count", Arg::Number(count)),
        ],
    )
}

#[derive(Deserialize)]
pub struct BackQuery {
    back: Option<String>,
}

/// Sets the interface language (a cookie, a year long) and goes back to the page.
pub async fn choose_language(
    viewer: Viewer,
    path: web::Path<String>,
    query: web::Query<BackQuery>,
) -> Result<HttpResponse, PageError> {
    let code = path.into_inner();
    let Some(locale) = catalogue().get(&code) else {
        return Err(viewer.not_found());
    };
    let back = query
        .back
        .as_deref()
        .and_then(local_path)
        .unwrap_or_else(|| "/".into());
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, back))
        .append_header((
            header::SET_COOKIE,
            set_cookie(
                Cookie::Lang,
                locale.code,
                Some(365 * 24 * 3600),
                viewer.https(),
            ),
        ))
        .finish())
}
