//! The staff member's own account page: second factors (an authenticator app, recovery
//! codes) through `services::second_factor`. Each change to how one signs in asks for the
//! password again.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use minijinja::context;
use serde::Serialize;

use super::forms::Posted;
use super::session::wait_text;
use super::view::{PageError, Viewer};
use crate::crypto::password::Password;
use crate::render::qr;
use crate::services::auth::AuthError;
use crate::services::passkeys;
use crate::services::second_factor::{self, FactorError, Gate};
use crate::web::client_address::client_of;

#[derive(Serialize)]
struct FactorItem {
    id: String,
    kind: String,
    label: String,
    added: String,
    last_used: Option<String>,
}

fn day(at: chrono::DateTime<chrono::Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// The signed-in staff member, once they have chosen their own password (a one-time password
/// opens nothing else, factors included).
fn ready(viewer: &Viewer) -> Result<crate::services::auth::SignedIn, PageError> {
    let signed = viewer.signed()?;
    if signed.must_change_password {
        return Err(viewer.redirect("/account/password"));
    }
    Ok(signed.clone())
}

/// What went wrong, in the viewer's language, and the status to answer with.
fn problem(viewer: &Viewer, error: FactorError) -> Result<(StatusCode, String), PageError> {
    let (status, id) = match error {
        FactorError::Auth(AuthError::InvalidCredentials) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            "err-current-password-wrong",
        ),
        FactorError::Auth(AuthError::TooManyAttempts { retry_after_secs }) => {
            return Ok((
                StatusCode::TOO_MANY_REQUESTS,
                wait_text(viewer, retry_after_secs),
            ))
        }
        FactorError::Auth(AuthError::Busy) => {
            return Ok((StatusCode::TOO_MANY_REQUESTS, wait_text(viewer, 1)))
        }
        FactorError::Auth(AuthError::NotAuthenticated) => return Err(viewer.redirect("/login")),
        FactorError::Auth(AuthError::PasswordsOff) => {
            (StatusCode::FORBIDDEN, "err-local_passwords_off")
        }
        FactorError::WrongCode => (StatusCode::UNPROCESSABLE_ENTITY, "err-totp-wrong-code"),
        FactorError::NotFound => (StatusCode::NOT_FOUND, "err-factor-gone"),
        FactorError::Required => (StatusCode::CONFLICT, "err-factor-required"),
        FactorError::PasskeysUnavailable => (StatusCode::CONFLICT, "err-passkeys-unavailable"),
        FactorError::PasskeyRefused => (StatusCode::UNPROCESSABLE_ENTITY, "err-passkey-refused"),
        FactorError::Auth(AuthError::Internal(cause)) | FactorError::Internal(cause) => {
            return Err(viewer.internal(cause))
        }
        FactorError::Auth(other) => {
            return Err(viewer.internal(crate::error::Internal::new(
                "factor",
                anyhow::anyhow!("{other}"),
            )))
        }
    };
    Ok((status, viewer.text(id, &[])))
}

async fn account_page(
    viewer: &Viewer,
    status: StatusCode,
    (notice, error): (Option<String>, Option<String>),
) -> Result<HttpResponse, PageError> {
    let signed = ready(viewer)?;
    let auth = &viewer.ctx.config.auth;
    // Signed in through the identity provider, with no password here: nothing to manage here.
    let managed_elsewhere = !auth.password_allowed_for(&signed.actor.username);
    let signed_on_with = signed.signed_on.then(|| auth.sso.display_name.clone());
    let ctx = viewer.ctx.clone();
    let account = crate::web::blocking(move || second_factor::of_account(&ctx, &signed))
        .await
        .map_err(|e| viewer.internal(e.into()))?
        .map_err(|e| match e {
            FactorError::Internal(cause) | FactorError::Auth(AuthError::Internal(cause)) => {
                viewer.internal(cause)
            }
            _ => viewer.redirect("/login"),
        })?;
    let factors: Vec<FactorItem> = account
        .factors
        .iter()
        .map(|f| FactorItem {
            id: f.id.clone(),
            kind: f.kind.clone(),
            label: f.label.clone(),
            added: day(f.created_at),
            last_used: f.last_used_at.map(day),
        })
        .collect();
    let due_by = match account.gate {
        Gate::DueBy(at) => Some(day(at)),
        _ => None,
    };
    let required = !matches!(account.gate, Gate::Offered)
        && viewer.signed_in.as_ref().is_some_and(|s| {
            viewer
                .ctx
                .config
                .auth
                .second_factor
                .required_for
                .contains(&s.actor.role)
        });
    viewer.page(
        status,
        "account.html",
        context! {
            factors => factors,
            recovery_codes_left => account.recovery_codes_left,
            due_by => due_by,
            required => required,
            passkeys_available => passkeys::relying_party(&viewer.ctx).is_some(),
            status => notice,
            error => error,
            managed_elsewhere => managed_elsewhere,
            signed_on_with => signed_on_with,
        },
    )
}

#[derive(serde::Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

pub async fn page(viewer: Viewer, query: web::Query<DoneQuery>) -> Result<HttpResponse, PageError> {
    let notice = match query.done.as_deref() {
        Some("removed") => Some(viewer.text("factor-removed", &[])),
        _ => None,
    };
    account_page(&viewer, StatusCode::OK, (notice, None)).await
}

/// Starts setting up an authenticator app (after the password again): its QR code and
/// secret, and the confirm form.
pub async fn start_totp(req: HttpRequest, posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let signed = ready(&viewer)?;
    let client = client_of(&req, &viewer.ctx.config.server).bucket();
    let password = Password::new(form.get("password").to_owned());
    let ctx = viewer.ctx.clone();
    let setup =
        crate::web::blocking(move || second_factor::begin_totp(&ctx, &signed, &password, &client))
            .await
            .map_err(|e| viewer.internal(e.into()))?;
    let setup = match setup {
        Ok(setup) => setup,
        Err(e) => {
            let (status, text) = problem(&viewer, e)?;
            return account_page(&viewer, status, (None, Some(text))).await;
        }
    };
    setup_page(&viewer, StatusCode::OK, &setup, None)
}

/// The set-up page: the QR code, the key grouped by four, and the form for the first code.
fn setup_page(
    viewer: &Viewer,
    status: StatusCode,
    setup: &second_factor::TotpSetup,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let qr_svg = qr::encode(&setup.url)
        .map_err(|e| viewer.internal(crate::error::Internal::new("totp qr", e)))?
        .to_svg(&viewer.text("totp-qr-label", &[]));
    let grouped = setup
        .secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    viewer.page(
        status,
        "totp_setup.html",
        context! {
            factor_id => setup.factor_id.clone(),
            qr_svg => qr_svg,
            secret_grouped => grouped,
            error => error,
        },
    )
}

/// Confirms the app with a code from it; the first factor brings recovery codes, shown once.
pub async fn confirm_totp(posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let signed = ready(&viewer)?;
    let factor_id = form.get("factor").to_owned();
    let code = form.get("code").to_owned();
    let (ctx, again) = (viewer.ctx.clone(), (signed.clone(), factor_id.clone()));
    let outcome = crate::web::blocking(move || {
        second_factor::confirm_totp(&ctx, &signed, (&factor_id, &code))
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    if matches!(outcome, Err(FactorError::WrongCode)) {
        // A mistyped code: the same set-up again, to type the next code.
        let ctx = viewer.ctx.clone();
        let (signed, factor_id) = again;
        let pending =
            crate::web::blocking(move || second_factor::pending_totp(&ctx, &signed, &factor_id))
                .await
                .map_err(|e| viewer.internal(e.into()))?;
        if let Ok(Some(setup)) = pending {
            let text = viewer.text("err-totp-wrong-code", &[]);
            return setup_page(
                &viewer,
                StatusCode::UNPROCESSABLE_ENTITY,
                &setup,
                Some(text),
            );
        }
    }
    factor_added_page(&viewer, outcome, "totp-added").await
}

/// After a factor was added: the recovery codes, shown once, when it brought them; else the
/// account page with `notice`, or with what went wrong.
async fn factor_added_page(
    viewer: &Viewer,
    outcome: Result<Option<Vec<String>>, FactorError>,
    notice: &str,
) -> Result<HttpResponse, PageError> {
    match outcome {
        Ok(Some(codes)) => viewer.ok(
            "recovery_codes.html",
            context! { codes => codes, factor_added => true },
        ),
        Ok(None) => {
            let notice = viewer.text(notice, &[]);
            account_page(viewer, StatusCode::OK, (Some(notice), None)).await
        }
        Err(e) => {
            let (status, text) = problem(viewer, e)?;
            account_page(viewer, status, (None, Some(text))).await
        }
    }
}

/// New recovery codes (the old ones stop working), shown once.
pub async fn new_recovery_codes(
    req: HttpRequest,
    posted: Posted,
) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let signed = ready(&viewer)?;
    let client = client_of(&req, &viewer.ctx.config.server).bucket();
    let password = Password::new(form.get("password").to_owned());
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || {
        second_factor::new_recovery_codes_for(&ctx, &signed, &password, &client)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(codes) => viewer.ok(
            "recovery_codes.html",
            context! { codes => codes, factor_added => false },
        ),
        Err(e) => {
            let (status, text) = problem(&viewer, e)?;
            account_page(&viewer, status, (None, Some(text))).await
        }
    }
}

pub async fn remove_factor(
    req: HttpRequest,
    path: web::Path<String>,
    posted: Posted,
) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let signed = ready(&viewer)?;
    let client = client_of(&req, &viewer.ctx.config.server).bucket();
    let password = Password::new(form.get("password").to_owned());
    let factor_id = path.into_inner();
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || {
        second_factor::remove(&ctx, &signed, &factor_id, &password, &client)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(()) => Ok(viewer.see_other("/account?done=removed")),
        Err(e) => {
            let (status, text) = problem(&viewer, e)?;
            account_page(&viewer, status, (None, Some(text))).await
        }
    }
}

/// The options for adding a passkey (after the password again), as JSON for the page's script.
pub async fn passkey_options(req: HttpRequest, posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let signed = ready(&viewer)?;
    let client = client_of(&req, &viewer.ctx.config.server).bucket();
    let password = Password::new(form.get("password").to_owned());
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || {
        passkeys::begin_registration(&ctx, &signed, &password, &client)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(options) => Ok(HttpResponse::Ok().json(options)),
        Err(e) => {
            let (status, text) = problem(&viewer, e)?;
            Ok(HttpResponse::build(status)
                .json(serde_json::json!({"error": {"code": "passkey", "message": text}})))
        }
    }
}

/// Adds the passkey the browser made; the first factor brings recovery codes, shown once.
pub async fn add_passkey(posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let signed = ready(&viewer)?;
    let label = form.get("label").to_owned();
    let answer = form.get("credential").to_owned();
    let ctx = viewer.ctx.clone();
    let outcome =
        crate::web::blocking(move || passkeys::finish_registration(&ctx, &signed, &label, &answer))
            .await
            .map_err(|e| viewer.internal(e.into()))?;
    factor_added_page(&viewer, outcome, "passkey-added").await
}
