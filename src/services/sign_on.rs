//! Single sign-on: a staff member signs in through the city's identity provider. The request
//! waits in the database, bound to the browser that began it (a cookie) and taken once; the
//! provider's ID token is checked (identity_provider); the person is matched to an existing
//! account by the configured claim, and their groups give the role. An unknown, disabled or
//! unmapped person gets nothing; a role the provider changed is changed here, audited.

use chrono::TimeDelta;

use super::auth::{self, AuthError, NewSession, Opening};
use super::staff::{self, StaffError};
use crate::context::AppContext;
use crate::crypto::token::{new_token, token_hash};
use crate::db::sign_on_requests::{self as store, SignOnRequestRow};
use crate::db::staff::{self as staff_store, StaffRow};
use crate::domain::sign_on::{role_of, username_of, Refusal};
use crate::domain::staff::StaffRole;
use crate::error::Internal;
use crate::identity_provider::{ProviderError, VerifiedPerson};
use crate::telemetry::Metrics;

/// How long the browser may take at the identity provider.
const REQUEST_MINUTES: i64 = 10;

#[derive(Debug, thiserror::Error)]
pub enum SignOnError {
    #[error("single sign-on is not configured")]
    Off,
    /// This client began or completed too many sign-ons this minute.
    #[error("too many sign-ins from this client")]
    TooMany,
    /// No request with this state was begun in this browser, or it was used or is older than
    /// ten minutes: a tampered state, a replayed callback, another browser's link.
    #[error("this sign-in is unknown, used or expired")]
    UnknownRequest,
    /// The provider sent the browser back with an error (the person cancelled, say).
    #[error("the identity provider ended the sign-in: {0}")]
    ProviderEnded(String),
    #[error(transparent)]
    Provider(#[from] ProviderError),
    /// The person vouched for has no account here, or it is disabled.
    #[error("no enabled account here matches")]
    NoAccount,
    #[error("no access: {}", .0.as_str())]
    Refused(Refusal),
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<diesel::result::Error> for SignOnError {
    fn from(e: diesel::result::Error) -> Self {
        SignOnError::Internal(e.into())
    }
}

impl From<AuthError> for SignOnError {
    fn from(e: AuthError) -> Self {
        match e {
            AuthError::Internal(cause) => SignOnError::Internal(cause),
            other => {
                SignOnError::Internal(Internal::new("sign-on session", anyhow::anyhow!("{other}")))
            }
        }
    }
}

impl From<StaffError> for SignOnError {
    fn from(e: StaffError) -> Self {
        match e {
            StaffError::Internal(cause) => SignOnError::Internal(cause),
            StaffError::NotFound => SignOnError::NoAccount,
            other => {
                SignOnError::Internal(Internal::new("sign-on role", anyhow::anyhow!("{other}")))
            }
        }
    }
}

/// A sign-in begun: where to send the browser, and the secret its cookie must hold when it
/// comes back.
pub struct Begun {
    pub provider_url: String,
    pub browser_secret: String,
    /// Names the browser's cookie for this request (several may be under way in one browser,
    /// one per tab).
    pub tag: String,
}

/// The tag of the request with this state: the first 16 hex digits of its hash.
pub fn tag_of(state: &str) -> String {
    token_hash(state)[..16].to_owned()
}

/// Begins a sign-in (`next`: the local page to go on to). Blocking: the provider's discovery
/// document is read at most once an hour.
pub fn begin(ctx: &AppContext, client: &str, next: Option<String>) -> Result<Begun, SignOnError> {
    let provider = ctx.sign_on.as_ref().ok_or(SignOnError::Off)?;
    if !ctx.sign_on_throttle.allow(client) {
        return Err(SignOnError::TooMany);
    }
    let started = provider.start()?;
    let browser_secret = new_token();
    let tag = tag_of(&started.state);
    let now = ctx.clock.now();
    store::insert(
        &mut *ctx.db()?,
        &SignOnRequestRow {
            state_hash: token_hash(&started.state),
            browser_hash: token_hash(&browser_secret),
            nonce: started.nonce,
            pkce_verifier: started.pkce_verifier,
            next_path: next,
            created_at: now.naive_utc(),
        },
        (now - TimeDelta::minutes(REQUEST_MINUTES)).naive_utc(),
    )?;
    Ok(Begun {
        provider_url: started.url,
        browser_secret,
        tag,
    })
}

/// What the provider sent the browser back with.
pub struct Callback<'a> {
    pub state: &'a str,
    pub code: Option<&'a str>,
    /// The provider's `error` (e.g. `access_denied`), when it ended the sign-in.
    pub error: Option<&'a str>,
    /// The browser's cookie from `begin`.
    pub browser_secret: &'a str,
    /// The client's throttling bucket.
    pub client: &'a str,
}

/// Completes a sign-in: the session opened, and the page it was going to. Blocking (the code
/// is exchanged with the provider). A refusal is logged by its reason, never by who.
pub fn complete(
    ctx: &AppContext,
    callback: Callback<'_>,
) -> Result<(NewSession, Option<String>), SignOnError> {
    let outcome = check_and_open(ctx, callback);
    match &outcome {
        Ok(_) | Err(SignOnError::Internal(_) | SignOnError::Off) => {}
        Err(refused) => {
            Metrics::bump(&ctx.metrics.logins_failed);
            tracing::info!(event = "sign_on_refused", reason = %refused, "a single sign-on was refused");
        }
    }
    outcome
}

fn check_and_open(
    ctx: &AppContext,
    callback: Callback<'_>,
) -> Result<(NewSession, Option<String>), SignOnError> {
    let provider = ctx.sign_on.as_ref().ok_or(SignOnError::Off)?;
    if !ctx.sign_on_throttle.allow(callback.client) {
        return Err(SignOnError::TooMany);
    }
    if callback.state.is_empty() || callback.state.len() > 256 || callback.browser_secret.is_empty()
    {
        return Err(SignOnError::UnknownRequest);
    }
    let request = store::take(
        &mut *ctx.db()?,
        &token_hash(callback.state),
        &token_hash(callback.browser_secret),
        (ctx.clock.now() - TimeDelta::minutes(REQUEST_MINUTES)).naive_utc(),
    )?
    .ok_or(SignOnError::UnknownRequest)?;
    if let Some(error) = callback.error {
        let error: String = error
            .chars()
            .filter(char::is_ascii_graphic)
            .take(64)
            .collect();
        return Err(SignOnError::ProviderEnded(error));
    }
    let code = callback
        .code
        .filter(|c| !c.is_empty() && c.len() <= 2048)
        .ok_or_else(|| SignOnError::ProviderEnded("no code".into()))?;
    let person = provider.finish(code, &request.nonce, &request.pkce_verifier)?;
    let staff = admit(ctx, &person)?;
    let session = auth::open_session(ctx, &staff, Opening::SignOn)?;
    Ok((session, request.next_path))
}

/// The account a person the provider vouched for may use, with the role their groups give:
/// what the provider said must meet the configuration, the username claim must name an
/// enabled account other than the break-glass one, and that account must be bound to this
/// person (bound now, at its first sign-on).
fn admit(ctx: &AppContext, person: &VerifiedPerson) -> Result<StaffRow, SignOnError> {
    let auth_config = &ctx.config.auth;
    let config = &auth_config.sso;
    let refused = |r: Refusal| Err(SignOnError::Refused(r));
    if !config.required_amr.is_empty()
        && !person
            .methods
            .iter()
            .any(|m| config.required_amr.contains(m))
    {
        return refused(Refusal::NoSecondFactor);
    }
    if config.username_claim == "email" && person.email_verified != Some(true) {
        return refused(Refusal::EmailNotVerified);
    }
    let username = person
        .username
        .as_deref()
        .ok_or(Refusal::NoUsername)
        .and_then(|claim| username_of(claim, &config.username_domain))
        .map_err(SignOnError::Refused)?;
    if username.as_str() == auth_config.break_glass_account() {
        return refused(Refusal::BreakGlass);
    }
    let role = role_of(&person.groups, &config.roles).map_err(SignOnError::Refused)?;
    let staff = staff_store::find_by_username(&mut *ctx.db()?, username.as_str())?
        .filter(|s| !s.disabled)
        .ok_or(SignOnError::NoAccount)?;
    let subject = token_hash(&person.subject);
    match &staff.sign_on_subject {
        Some(bound) if *bound == subject => {}
        Some(_) => return refused(Refusal::OtherPerson),
        None => {
            if !staff::bind_to_provider(ctx, &staff.id, &subject)? {
                return refused(Refusal::OtherPerson);
            }
        }
    }
    if StaffRole::parse(&staff.role).ok() != Some(role) {
        staff::take_role_from_provider(ctx, &staff.id, role)?;
        tracing::info!(
            event = "sign_on_role_change",
            role = role.as_str(),
            "the identity provider's groups changed a staff role"
        );
    }
    // Read again: the role just changed, or the account was disabled meanwhile.
    staff_store::find_by_id(&mut *ctx.db()?, &staff.id)?
        .filter(|s| !s.disabled)
        .ok_or(SignOnError::NoAccount)
}
