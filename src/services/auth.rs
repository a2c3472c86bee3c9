//! Staff sign-in: throttled password checks, opaque session tokens stored only as hashes, an
//! absolute and an idle expiry, and sign-out.

use chrono::{DateTime, TimeDelta, Utc};

use super::second_factor::{self, Gate};
use super::{audit, login_throttle, sites, Actor};
use crate::context::AppContext;
use crate::crypto::password::{Busy, HashPasswordError, Password};
use crate::crypto::token::{new_token, token_hash};
use crate::db::sessions::{self as session_store, SessionRow};
use crate::db::staff::{self as staff_store, StaffRow};
use crate::domain::sites::Site;
use crate::domain::staff::{check_new_password, StaffRole};
use crate::error::Internal;
use crate::telemetry::Metrics;

/// Sessions are touched at most this often, so reading pages does not write on every request.
const TOUCH_INTERVAL_SECS: i64 = 60;

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("the username or password is wrong")]
    InvalidCredentials,
    #[error("too many failed attempts")]
    TooManyAttempts { retry_after_secs: i64 },
    /// Every password-check turn was taken for as long as a check may wait.
    #[error("too many password checks at once")]
    Busy,
    #[error("not logged in, or the session has expired")]
    NotAuthenticated,
    /// The password was right; the account's second factor must come with it.
    #[error("a second factor is needed")]
    SecondFactorRequired,
    #[error("the second-factor code is wrong or was used before")]
    InvalidSecondFactor,
    /// The account must have a second factor, has none, and its time to enrol one is over.
    #[error("the time to set up a second factor is over")]
    EnrolmentOverdue,
    /// Passwords are switched off (single sign-on) for every account but the break-glass one.
    #[error("staff sign in through the identity provider; passwords are off")]
    PasswordsOff,
    #[error("the new password is not acceptable: {0}")]
    WeakPassword(&'static str),
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<Busy> for AuthError {
    fn from(_: Busy) -> Self {
        AuthError::Busy
    }
}

impl From<diesel::result::Error> for AuthError {
    fn from(e: diesel::result::Error) -> Self {
        AuthError::Internal(e.into())
    }
}

/// A session just opened. The token is shown to the client once and never stored.
#[derive(Debug)]
pub struct NewSession {
    pub token: String,
    pub role: StaffRole,
    pub expires_at: DateTime<Utc>,
    pub must_change_password: bool,
    /// A page login whose second factor is still to be given: the session opens nothing yet.
    pub awaiting_factor: bool,
    /// The account must enrol a second factor by then (it has none).
    pub factor_due_by: Option<DateTime<Utc>>,
    /// The site the session works at: the staff member's only open site, if they have one.
    pub site: Option<Site>,
    /// Without a site: the open sites the staff member may choose from.
    pub site_choices: Vec<Site>,
}

/// The staff member behind a valid session.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub actor: Actor,
    pub must_change_password: bool,
    pub session_hash: String,
    /// The account must enrol a second factor by then; the session ends at that time.
    pub factor_due_by: Option<DateTime<Utc>>,
    /// Opened through the identity provider (single sign-on), not by a password here.
    pub signed_on: bool,
    /// The site the session works at, while it is open.
    pub site: Option<Site>,
    /// The staff member serves residents, the program has sites, and the session works at
    /// none that is open: nothing can be recorded until it chooses one.
    pub must_choose_site: bool,
}

/// How a session was opened: a password here (whose second factor may still be awaited), or
/// the identity provider (which asked for its own factors).
#[derive(Debug, Clone, Copy)]
pub(super) enum Opening {
    Password {
        awaiting_factor: bool,
        factor_due_by: Option<DateTime<Utc>>,
    },
    SignOn,
}

/// How a login with a right password gives its second factor, when the account has one.
#[derive(Debug, Clone, Copy)]
pub enum FactorStep<'a> {
    /// The API: the code comes with the password, or the login is refused with
    /// `SecondFactorRequired`.
    WithCode(Option<&'a str>),
    /// The pages: the session opened waits for the factor, asked for on the next page.
    OnNextPage,
}

/// How long a page login may take between its password and its second factor.
const FACTOR_WAIT_MINUTES: i64 = 5;

/// Checks a username and password from `client` (its throttling bucket), then the second
/// factor the account has or must have; on success opens a session. Slow by design (argon2):
/// call it off the async workers.
pub fn login(
    ctx: &AppContext,
    username: &str,
    password: &Password,
    client: &str,
    step: FactorStep<'_>,
) -> Result<NewSession, AuthError> {
    let staff = check_password(ctx, username, password, client)?;
    let now = ctx.clock.now();
    let gate = second_factor::gate(ctx, &staff, now)?;
    let awaiting_factor = match (gate, step) {
        (Gate::HasFactor, FactorStep::WithCode(Some(code))) => {
            second_factor::check_code(ctx, &staff.id, code)?;
            false
        }
        (Gate::HasFactor, FactorStep::WithCode(None)) => {
            return Err(AuthError::SecondFactorRequired)
        }
        (Gate::HasFactor, FactorStep::OnNextPage) => true,
        (Gate::Overdue, _) => {
            tracing::info!(
                event = "login_refused",
                "a login without a required second factor was refused"
            );
            return Err(AuthError::EnrolmentOverdue);
        }
        (Gate::Offered | Gate::DueBy(_), _) => false,
    };
    let due_by = match gate {
        Gate::DueBy(deadline) => Some(deadline),
        _ => None,
    };
    open_session(
        ctx,
        &staff,
        Opening::Password {
            awaiting_factor,
            factor_due_by: due_by,
        },
    )
}

/// The password check of a login, throttled; the account, if the password is right and the
/// account enabled.
fn check_password(
    ctx: &AppContext,
    username: &str,
    password: &Password,
    client: &str,
) -> Result<StaffRow, AuthError> {
    // Every name but the break-glass one is refused alike, whether an account has it or not.
    if !ctx.config.auth.password_allowed_for(username) {
        return Err(AuthError::PasswordsOff);
    }
    // The slot is taken before the password is checked (see login_throttle); no connection
    // is held while the check waits for its turn.
    let (attempt, staff) = {
        let mut conn = ctx.db()?;
        let attempt = login_throttle::begin(ctx, &mut conn, username, client)?;
        (attempt, staff_store::find_by_username(&mut conn, username)?)
    };
    // Always run argon2, against a dummy hash when there is no such account.
    let checked = ctx
        .hasher
        .verify(password, staff.as_ref().map(|s| s.password_hash.as_str()));
    let password_ok = login_throttle::checked(ctx, &attempt, checked)?;
    match staff {
        Some(s) if password_ok && !s.disabled => {
            login_throttle::succeeded(ctx, &mut *ctx.db()?, &attempt)?;
            Ok(s)
        }
        _ => {
            Metrics::bump(&ctx.metrics.logins_failed);
            tracing::info!(event = "login_failed", "a login failed");
            Err(AuthError::InvalidCredentials)
        }
    }
}

/// The site a new session starts at (the only one it may choose), or the ones to choose from.
fn only_choice(choices: Vec<Site>) -> (Option<Site>, Vec<Site>) {
    match <[Site; 1]>::try_from(choices) {
        Ok([only]) => (Some(only), Vec::new()),
        Err(choices) => (None, choices),
    }
}

/// Opens a session for an account whose password (and factor, unless awaiting it) was given,
/// or whom the identity provider vouched for.
pub(super) fn open_session(
    ctx: &AppContext,
    staff: &StaffRow,
    opening: Opening,
) -> Result<NewSession, AuthError> {
    let (awaiting_factor, factor_due_by, signed_on) = match opening {
        Opening::Password {
            awaiting_factor,
            factor_due_by,
        } => (awaiting_factor, factor_due_by, false),
        Opening::SignOn => (false, None, true),
    };
    let auth = &ctx.config.auth;
    let now = ctx.clock.now();
    let role = StaffRole::parse(&staff.role)
        .map_err(|m| Internal::new("staff role", anyhow::anyhow!(m)))?;
    let token = new_token();
    let expires_at = if awaiting_factor {
        now + TimeDelta::minutes(FACTOR_WAIT_MINUTES)
    } else {
        now + TimeDelta::minutes(auth.session_absolute_minutes)
    };
    let mut conn = ctx.db()?;
    let choices = crate::db::transaction::<_, AuthError, _>(&mut conn, |conn| {
        if !awaiting_factor {
            // Which way in, so an audit can find every use of the break-glass password.
            let action = if signed_on {
                "session.open_sign_on"
            } else {
                "session.open"
            };
            audit::record(conn, now, &staff.id, action, Some(&staff.id))?;
        }
        session_store::delete_stale(
            conn,
            now.naive_utc(),
            (now - TimeDelta::minutes(auth.session_idle_minutes)).naive_utc(),
        )?;
        let choices = sites::at_login(conn, &staff.id, role, now.date_naive())?;
        let site = only_choice(choices.clone()).0.map(|s| s.code);
        session_store::insert(
            conn,
            &SessionRow {
                token_hash: token_hash(&token),
                staff_id: staff.id.clone(),
                created_at: now.naive_utc(),
                last_seen_at: now.naive_utc(),
                expires_at: expires_at.naive_utc(),
                awaiting_factor,
                factor_due_by: factor_due_by.map(|t| t.naive_utc()),
                ceremony: None,
                signed_on,
                site,
            },
        )?;
        Ok(choices)
    })?;
    let (site, site_choices) = only_choice(choices);
    if !awaiting_factor {
        Metrics::bump(&ctx.metrics.logins_succeeded);
        tracing::info!(
            event = "login",
            role = role.as_str(),
            method = if signed_on { "sign_on" } else { "password" },
            "a staff member logged in"
        );
    }
    Ok(NewSession {
        token,
        role,
        expires_at,
        // The password here is not what this session was opened with.
        must_change_password: staff.must_change_password && !signed_on,
        awaiting_factor,
        factor_due_by,
        site,
        site_choices,
    })
}

/// A page login waiting for its second factor: the session it opened, if still waiting.
pub fn awaiting_factor(ctx: &AppContext, token: &str) -> Result<StaffRow, AuthError> {
    if token.is_empty() || token.len() > 128 {
        return Err(AuthError::NotAuthenticated);
    }
    let mut conn = ctx.db()?;
    let (session, staff) = session_store::find_with_staff(&mut conn, &token_hash(token))?
        .ok_or(AuthError::NotAuthenticated)?;
    if !session.awaiting_factor || staff.disabled || session.expires_at.and_utc() <= ctx.clock.now()
    {
        return Err(AuthError::NotAuthenticated);
    }
    Ok(staff)
}

/// What a page login's second step answers with.
#[derive(Debug, Clone, Copy)]
pub enum FactorAnswer<'a> {
    /// A code from the account's authenticator app, or a recovery code.
    Code(&'a str),
    /// The browser's answer to the passkey ceremony the waiting session began (JSON).
    Passkey(&'a str),
}

/// Completes a page login with its second factor: the waiting session is closed and a new
/// one (a new token) opened, so a token seen before the factor was given opens nothing.
pub fn give_factor(
    ctx: &AppContext,
    token: &str,
    answer: FactorAnswer<'_>,
) -> Result<NewSession, AuthError> {
    let staff = awaiting_factor(ctx, token)?;
    match answer {
        FactorAnswer::Code(code) => second_factor::check_code(ctx, &staff.id, code)?,
        FactorAnswer::Passkey(json) => super::passkeys::check_answer(ctx, &staff.id, token, json)?,
    }
    // The waiting session is claimed once: two answers sent together open one session.
    if session_store::delete_waiting(&mut *ctx.db()?, &token_hash(token))? != 1 {
        return Err(AuthError::NotAuthenticated);
    }
    open_session(
        ctx,
        &staff,
        Opening::Password {
            awaiting_factor: false,
            factor_due_by: None,
        },
    )
}

/// The staff member a session token belongs to, if the session is still valid.
pub fn authenticate(ctx: &AppContext, token: &str) -> Result<SignedIn, AuthError> {
    if token.is_empty() || token.len() > 128 {
        return Err(AuthError::NotAuthenticated);
    }
    let hash = token_hash(token);
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    let (session, staff) =
        session_store::find_with_staff(&mut conn, &hash)?.ok_or(AuthError::NotAuthenticated)?;
    let idle_limit = TimeDelta::minutes(ctx.config.auth.session_idle_minutes);
    let last_seen = session.last_seen_at.and_utc();
    let factor_due_by = session.factor_due_by.map(|t| t.and_utc());
    if session.awaiting_factor {
        return Err(AuthError::NotAuthenticated);
    }
    // A password session opened before passwords were switched off ends with them.
    let password_gone =
        !session.signed_on && !ctx.config.auth.password_allowed_for(&staff.username);
    if staff.disabled
        || password_gone
        || session.expires_at.and_utc() <= now
        || last_seen + idle_limit <= now
        || factor_due_by.is_some_and(|due| due <= now)
    {
        session_store::delete(&mut conn, &hash)?;
        return Err(AuthError::NotAuthenticated);
    }
    if (now - last_seen).num_seconds() >= TOUCH_INTERVAL_SECS {
        session_store::touch(&mut conn, &hash, now.naive_utc())?;
    }
    let role = StaffRole::parse(&staff.role)
        .map_err(|m| Internal::new("staff role", anyhow::anyhow!(m)))?;
    let (site, must_choose_site) = if sites::works_at_a_site(role) {
        let today = now.date_naive();
        let site = sites::still_open(&mut conn, session.site.as_deref(), today)?;
        let must_choose = site.is_none() && crate::db::sites::any(&mut conn)?;
        (site, must_choose)
    } else {
        (None, false)
    };
    Ok(SignedIn {
        actor: Actor {
            staff_id: staff.id,
            username: staff.username,
            role,
            // As stored: a site closed since is refused (`site_closed`) where it would record.
            site: session
                .site
                .clone()
                .filter(|_| sites::works_at_a_site(role)),
        },
        must_change_password: staff.must_change_password && !session.signed_on,
        session_hash: hash,
        factor_due_by,
        signed_on: session.signed_on,
        site,
        must_choose_site,
    })
}

pub fn logout(ctx: &AppContext, signed_in: &SignedIn) -> Result<(), AuthError> {
    let mut conn = ctx.db()?;
    let now = ctx.clock.now();
    crate::db::transaction::<_, AuthError, _>(&mut conn, |conn| {
        audit::record(
            conn,
            now,
            &signed_in.actor.staff_id,
            "session.close",
            Some(&signed_in.actor.staff_id),
        )?;
        session_store::delete(conn, &signed_in.session_hash)?;
        Ok(())
    })
}

/// Changes one's own password; every other session of the account is closed. The check of
/// the current password counts in the login throttle (a stolen session must not be a way to
/// guess the password at full speed).
pub fn change_own_password(
    ctx: &AppContext,
    signed_in: &SignedIn,
    (current, new): (&Password, &Password),
    client: &str,
) -> Result<(), AuthError> {
    let staff = recheck_password(ctx, signed_in, current, client)?;
    check_new_password(new.expose()).map_err(AuthError::WeakPassword)?;
    if new.expose() == current.expose() {
        return Err(AuthError::WeakPassword(
            "the new password must differ from the current one",
        ));
    }
    let hash = ctx.hasher.hash(new).map_err(|e| match e {
        HashPasswordError::Busy(busy) => AuthError::from(busy),
        failed => Internal::new("password hash", failed).into(),
    })?;
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, AuthError, _>(&mut conn, |conn| {
        audit::record(
            conn,
            now,
            &staff.id,
            "staff.password_change",
            Some(&staff.id),
        )?;
        staff_store::set_password(conn, &staff.id, &hash, false)?;
        session_store::delete_for_staff(conn, &staff.id)?;
        // Keep the session the change was made from.
        session_store::insert(
            conn,
            &SessionRow {
                token_hash: signed_in.session_hash.clone(),
                staff_id: staff.id.clone(),
                created_at: now.naive_utc(),
                last_seen_at: now.naive_utc(),
                expires_at: (now + TimeDelta::minutes(ctx.config.auth.session_absolute_minutes))
                    .naive_utc(),
                awaiting_factor: false,
                factor_due_by: signed_in.factor_due_by.map(|t| t.naive_utc()),
                ceremony: None,
                signed_on: signed_in.signed_on,
                site: signed_in.actor.site.clone(),
            },
        )?;
        Ok(())
    })?;
    let first_admin_file = ctx
        .config
        .data_dir
        .join(super::staff::FIRST_ADMIN_PASSWORD_FILE);
    if staff.username == ctx.config.auth.first_admin_username && first_admin_file.exists() {
        let _ = std::fs::remove_file(first_admin_file);
    }
    Ok(())
}

/// Checks a signed-in staff member's password again before a change to how they sign in (a
/// new password, a factor added or removed, new recovery codes): a session left open on a
/// counter computer must not be enough. Counted in the login throttle.
pub fn recheck_password(
    ctx: &AppContext,
    signed_in: &SignedIn,
    password: &Password,
    client: &str,
) -> Result<StaffRow, AuthError> {
    let (staff, attempt) = {
        let mut conn = ctx.db()?;
        let staff = staff_store::find_by_id(&mut conn, &signed_in.actor.staff_id)?
            .ok_or(AuthError::NotAuthenticated)?;
        if !ctx.config.auth.password_allowed_for(&staff.username) {
            return Err(AuthError::PasswordsOff);
        }
        let attempt = login_throttle::begin(ctx, &mut conn, &staff.username, client)?;
        (staff, attempt)
    };
    let checked = ctx.hasher.verify(password, Some(&staff.password_hash));
    if !login_throttle::checked(ctx, &attempt, checked)? {
        return Err(AuthError::InvalidCredentials);
    }
    login_throttle::succeeded(ctx, &mut *ctx.db()?, &attempt)?;
    Ok(staff)
}
