//! Second factors of staff sign-in: an authenticator app's time-based codes (TOTP) and
//! one-time recovery codes; the per-role policy (`auth.second_factor`) with its grace period;
//! and the checks a login makes. A change to how one signs in (a factor added or removed, new
//! recovery codes) needs the password again. An admin can reset an account's factors
//! (`services::staff::reset_factors`), never see them.

use chrono::{DateTime, TimeDelta, Utc};

use super::audit;
use super::auth::{recheck_password, AuthError, SignedIn};
use super::login_throttle;
use crate::context::AppContext;
use crate::crypto::one_time_code::{
    new_recovery_codes, new_totp_secret, normalise_recovery_code, recovery_code_hash, totp_step,
    totp_url,
};
use crate::crypto::password::Password;
use crate::db::factors::{self as store, FactorRow};
use crate::db::staff::StaffRow;
use crate::db::{sessions, DbConnection};
use crate::domain::staff::StaffRole;
use crate::error::Internal;

/// What a login must do about the second factor of an account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// The account has a factor: the login gives it.
    HasFactor,
    /// The account has none and its role need not.
    Offered,
    /// The account has none and must have one by then.
    DueBy(DateTime<Utc>),
    /// The account has none, must, and its time to enrol one is over: a password alone
    /// opens nothing (an admin resets its factors to give it time again).
    Overdue,
}

#[derive(Debug, thiserror::Error)]
pub enum FactorError {
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error("no such factor on this account")]
    NotFound,
    #[error("the code does not match the authenticator being set up")]
    WrongCode,
    #[error("this account's role must keep a second factor")]
    Required,
    /// `public_base_url` is not a domain name: a passkey cannot be bound to it.
    #[error("passkeys need the service at a domain name")]
    PasskeysUnavailable,
    /// The browser's answer did not verify, or came after its ceremony ended.
    #[error("the passkey was not accepted")]
    PasskeyRefused,
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<diesel::result::Error> for FactorError {
    fn from(e: diesel::result::Error) -> Self {
        FactorError::Internal(e.into())
    }
}

/// A confirmed factor as its owner sees it (never its secret).
#[derive(Debug, Clone)]
pub struct FactorView {
    pub id: String,
    pub kind: String,
    pub label: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// An account's factors, recovery codes left, and what the policy asks of it.
#[derive(Debug, Clone)]
pub struct AccountFactors {
    pub factors: Vec<FactorView>,
    pub recovery_codes_left: i64,
    pub gate: Gate,
}

/// An authenticator being set up: shown once, confirmed by a code from it. No `Debug`: it
/// holds the secret.
#[derive(Clone)]
pub struct TotpSetup {
    pub factor_id: String,
    /// Base32, for typing into an app that cannot scan.
    pub secret: String,
    /// `otpauth://totp/…`, for the QR code.
    pub url: String,
}

/// How long an authenticator being set up waits for its first code.
const SETUP_MINUTES: i64 = 10;

fn must_have_factor(ctx: &AppContext, role: &str) -> bool {
    StaffRole::parse(role)
        .is_ok_and(|role| ctx.config.auth.second_factor.required_for.contains(&role))
}

fn confirmed(rows: Vec<FactorRow>) -> Vec<FactorRow> {
    rows.into_iter()
        .filter(|f| f.confirmed_at.is_some())
        .collect()
}

fn gate_of(ctx: &AppContext, staff: &StaffRow, has_factor: bool, now: DateTime<Utc>) -> Gate {
    if has_factor {
        return Gate::HasFactor;
    }
    if !must_have_factor(ctx, &staff.role) {
        return Gate::Offered;
    }
    let grace_from = staff.factors_reset_at.unwrap_or(staff.created_at).and_utc();
    let due = grace_from + TimeDelta::days(ctx.config.auth.second_factor.enrolment_grace_days);
    if now < due {
        Gate::DueBy(due)
    } else {
        Gate::Overdue
    }
}

/// What a login of `staff` must do about its second factor at `now`.
pub fn gate(ctx: &AppContext, staff: &StaffRow, now: DateTime<Utc>) -> Result<Gate, AuthError> {
    let has_factor = !confirmed(store::of_staff(&mut *ctx.db()?, &staff.id)?).is_empty();
    Ok(gate_of(ctx, staff, has_factor, now))
}

/// Whether an account can answer a login with a passkey (it has one, and passkeys are offered).
pub fn has_passkey(ctx: &AppContext, staff_id: &str) -> Result<bool, AuthError> {
    if super::passkeys::relying_party(ctx).is_none() {
        return Ok(false);
    }
    Ok(confirmed(store::of_staff(&mut *ctx.db()?, staff_id)?)
        .iter()
        .any(|f| f.kind == "passkey"))
}

/// Checks a second-factor code of an account: a six-digit code from one of its authenticators
/// (each time step accepted once) or one of its unused recovery codes (used up by this).
/// Counted per account in the login throttle.
pub fn check_code(ctx: &AppContext, staff_id: &str, code: &str) -> Result<(), AuthError> {
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    let attempt = login_throttle::begin_code(ctx, &mut conn, staff_id)?;
    if code.len() > 64 {
        return Err(AuthError::InvalidSecondFactor);
    }
    let mut accepted = false;
    for factor in confirmed(store::of_staff(&mut conn, staff_id)?) {
        let Some(secret) = factor.secret.as_deref() else {
            continue;
        };
        if let Some(step) = totp_step(secret, code, now.timestamp()) {
            // The step is taken in one statement: the same code twice (a replay, or two
            // requests racing) is let in once.
            accepted = store::take_step(&mut conn, &factor.id, step, now.naive_utc())? == 1;
            break;
        }
    }
    if !accepted {
        if let Some(normalised) = normalise_recovery_code(code) {
            let hash = recovery_code_hash(staff_id, &normalised);
            accepted = crate::db::transaction::<_, AuthError, _>(&mut conn, |conn| {
                let used = store::use_recovery_code(conn, staff_id, &hash)? == 1;
                if used {
                    audit::record(
                        conn,
                        now,
                        staff_id,
                        "staff.recovery_code_used",
                        Some(staff_id),
                    )?;
                }
                Ok(used)
            })?;
        }
    }
    if !accepted {
        tracing::info!(
            event = "second_factor_failed",
            "a second-factor code was refused"
        );
        return Err(AuthError::InvalidSecondFactor);
    }
    login_throttle::code_succeeded(ctx, &mut conn, &attempt)?;
    Ok(())
}

/// The signed-in staff member's factors.
pub fn of_account(ctx: &AppContext, signed_in: &SignedIn) -> Result<AccountFactors, FactorError> {
    let mut conn = ctx.db()?;
    let staff = crate::db::staff::find_by_id(&mut conn, &signed_in.actor.staff_id)?
        .ok_or(AuthError::NotAuthenticated)?;
    let factors: Vec<FactorView> = confirmed(store::of_staff(&mut conn, &staff.id)?)
        .into_iter()
        .map(|f| FactorView {
            id: f.id,
            kind: f.kind,
            label: f.label,
            created_at: f.created_at.and_utc(),
            last_used_at: f.last_used_at.map(|t| t.and_utc()),
        })
        .collect();
    let gate = gate_of(ctx, &staff, !factors.is_empty(), ctx.clock.now());
    Ok(AccountFactors {
        recovery_codes_left: store::recovery_codes_left(&mut conn, &staff.id)?,
        factors,
        gate,
    })
}

/// Starts setting up an authenticator app, after the password again: a new secret, kept
/// unconfirmed until a code from the app comes back (`confirm_totp`, within
/// `SETUP_MINUTES`). A set-up begun before and left is replaced.
pub fn begin_totp(
    ctx: &AppContext,
    signed_in: &SignedIn,
    password: &Password,
    client: &str,
) -> Result<TotpSetup, FactorError> {
    recheck_password(ctx, signed_in, password, client)?;
    let secret = new_totp_secret();
    let issuer = &ctx.config.jurisdiction;
    let url = totp_url(&secret, issuer, &signed_in.actor.username).ok_or_else(|| {
        Internal::new("totp", anyhow::anyhow!("the otpauth URL could not be made"))
    })?;
    let now = ctx.clock.now().naive_utc();
    let factor_id = uuid::Uuid::new_v4().to_string();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, FactorError, _>(&mut conn, |conn| {
        store::delete_unconfirmed(conn, &signed_in.actor.staff_id)?;
        store::insert(
            conn,
            &FactorRow {
                id: factor_id.clone(),
                staff_id: signed_in.actor.staff_id.clone(),
                kind: "totp".into(),
                label: "authenticator app".into(),
                secret: Some(secret.clone()),
                credential: None,
                last_step: 0,
                created_at: now,
                confirmed_at: None,
                last_used_at: None,
            },
        )?;
        Ok(())
    })?;
    Ok(TotpSetup {
        factor_id,
        secret,
        url,
    })
}

/// An authenticator still being set up (begun within `SETUP_MINUTES`), to show its page again
/// after a mistyped code.
pub fn pending_totp(
    ctx: &AppContext,
    signed_in: &SignedIn,
    factor_id: &str,
) -> Result<Option<TotpSetup>, FactorError> {
    let begun_after = (ctx.clock.now() - TimeDelta::minutes(SETUP_MINUTES)).naive_utc();
    let Some(secret) = store::of_staff(&mut *ctx.db()?, &signed_in.actor.staff_id)?
        .into_iter()
        .find(|f| f.id == factor_id && f.confirmed_at.is_none() && f.created_at > begun_after)
        .and_then(|f| f.secret)
    else {
        return Ok(None);
    };
    let url = totp_url(&secret, &ctx.config.jurisdiction, &signed_in.actor.username).ok_or_else(
        || Internal::new("totp", anyhow::anyhow!("the otpauth URL could not be made")),
    )?;
    Ok(Some(TotpSetup {
        factor_id: factor_id.to_owned(),
        secret,
        url,
    }))
}

/// Confirms an authenticator being set up (by the password, in `begin_totp`) with a code from
/// it. Returns the recovery codes, shown once, when the account had none left.
pub fn confirm_totp(
    ctx: &AppContext,
    signed_in: &SignedIn,
    (factor_id, code): (&str, &str),
) -> Result<Option<Vec<String>>, FactorError> {
    let staff_id = &signed_in.actor.staff_id;
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    let begun_after = (now - TimeDelta::minutes(SETUP_MINUTES)).naive_utc();
    let factor = store::of_staff(&mut conn, staff_id)?
        .into_iter()
        .find(|f| f.id == factor_id && f.confirmed_at.is_none() && f.created_at > begun_after)
        .ok_or(FactorError::NotFound)?;
    let step = factor
        .secret
        .as_deref()
        .and_then(|secret| totp_step(secret, code, now.timestamp()))
        .ok_or(FactorError::WrongCode)?;
    crate::db::transaction::<_, FactorError, _>(&mut conn, |conn| {
        if store::confirm(conn, staff_id, factor_id, step, now.naive_utc())? != 1 {
            return Err(FactorError::NotFound);
        }
        factor_added(conn, staff_id, now)
    })
}

/// Stores a factor already proved (a passkey whose ceremony verified). Returns the recovery
/// codes, shown once, when the account had none left.
pub fn add_confirmed(
    ctx: &AppContext,
    row: &FactorRow,
    now: DateTime<Utc>,
) -> Result<Option<Vec<String>>, FactorError> {
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, FactorError, _>(&mut conn, |conn| {
        store::insert(conn, row)?;
        factor_added(conn, &row.staff_id, now)
    })
}

/// What every new factor brings: an audit entry, no more enrolment deadline, and recovery
/// codes when there are none.
fn factor_added(
    conn: &mut DbConnection,
    staff_id: &str,
    now: DateTime<Utc>,
) -> Result<Option<Vec<String>>, FactorError> {
    audit::record(conn, now, staff_id, "staff.factor_added", Some(staff_id))?;
    sessions::clear_factor_deadline(conn, staff_id)?;
    if store::recovery_codes_left(conn, staff_id)? > 0 {
        return Ok(None);
    }
    Ok(Some(replace_recovery_codes(conn, staff_id, now)?))
}

fn replace_recovery_codes(
    conn: &mut DbConnection,
    staff_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, FactorError> {
    let codes = new_recovery_codes();
    let hashes: Vec<String> = codes
        .iter()
        .filter_map(|code| normalise_recovery_code(code))
        .map(|normalised| recovery_code_hash(staff_id, &normalised))
        .collect();
    store::delete_recovery_codes(conn, staff_id)?;
    store::insert_recovery_codes(conn, staff_id, &hashes, now.naive_utc())?;
    Ok(codes)
}

/// New recovery codes (the old ones stop working), shown once. Only for an account with a
/// factor: recovery codes stand in for it.
pub fn new_recovery_codes_for(
    ctx: &AppContext,
    signed_in: &SignedIn,
    password: &Password,
    client: &str,
) -> Result<Vec<String>, FactorError> {
    let staff = recheck_password(ctx, signed_in, password, client)?;
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    if confirmed(store::of_staff(&mut conn, &staff.id)?).is_empty() {
        return Err(FactorError::NotFound);
    }
    crate::db::transaction::<_, FactorError, _>(&mut conn, |conn| {
        audit::record(
            conn,
            now,
            &staff.id,
            "staff.recovery_codes_new",
            Some(&staff.id),
        )?;
        replace_recovery_codes(conn, &staff.id, now)
    })
}

/// Removes one of one's own factors. The last one of an account whose role must have one
/// stays (an admin can reset them); with the last one go the recovery codes.
pub fn remove(
    ctx: &AppContext,
    signed_in: &SignedIn,
    factor_id: &str,
    password: &Password,
    client: &str,
) -> Result<(), FactorError> {
    let staff = recheck_password(ctx, signed_in, password, client)?;
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    let factors = confirmed(store::of_staff(&mut conn, &staff.id)?);
    if !factors.iter().any(|f| f.id == factor_id) {
        return Err(FactorError::NotFound);
    }
    let last = factors.len() == 1;
    if last && must_have_factor(ctx, &staff.role) {
        return Err(FactorError::Required);
    }
    crate::db::transaction::<_, FactorError, _>(&mut conn, |conn| {
        audit::record(
            conn,
            now,
            &staff.id,
            "staff.factor_removed",
            Some(&staff.id),
        )?;
        store::delete(conn, &staff.id, factor_id)?;
        if last {
            store::delete_recovery_codes(conn, &staff.id)?;
        }
        Ok(())
    })
}
