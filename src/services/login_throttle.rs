//! Password guesses slowed down by delay, never stopped by a lock anyone could set off: one
//! client may fail on one account a few times freely (`auth.free_failures_per_account_and_client`),
//! then each further attempt of that client on that account waits, the wait doubling up to a
//! longest one; the same over every account together for one client
//! (`auth.free_failures_per_client`). Another client (the account's owner at the counter) is
//! not held up by a stranger's guesses. An attempt takes its slot before its password is
//! checked, in one statement (`db::throttle::take_slot`), so guesses sent together are counted
//! one by one and none is checked while its key must wait. Keys are hashes: no name or address
//! is stored.

use sha2::{Digest, Sha256};

use super::auth::AuthError;
use crate::config::AuthConfig;
use crate::context::AppContext;
use crate::crypto::password::Busy;
use crate::db::throttle::{self, DelaySchedule};
use crate::db::DbConnection;
use crate::telemetry::Metrics;

/// The slots an attempt took: given back when its password was right.
pub struct Attempt {
    pair_key: String,
    client_key: String,
}

fn key(kind: &str, parts: &[&str]) -> String {
    hex::encode(Sha256::digest(
        format!("{kind}:{}", parts.join("\0")).as_bytes(),
    ))
}

fn pair_schedule(auth: &AuthConfig) -> DelaySchedule {
    DelaySchedule {
        free: auth.free_failures_per_account_and_client,
        first_secs: auth.first_delay_secs,
        longest_secs: auth.longest_delay_secs,
    }
}

fn client_schedule(auth: &AuthConfig) -> DelaySchedule {
    DelaySchedule {
        free: auth.free_failures_per_client,
        ..pair_schedule(auth)
    }
}

/// Takes a slot for a password check of `account` by `client` (its bucket), or says how long
/// to wait. Nothing is counted for an attempt that must wait.
pub fn begin(
    ctx: &AppContext,
    conn: &mut DbConnection,
    account: &str,
    client: &str,
) -> Result<Attempt, AuthError> {
    let auth = &ctx.config.auth;
    let now = ctx.clock.now().timestamp();
    let forget_before = now - auth.failures_forgotten_after_minutes * 60;
    let attempt = Attempt {
        pair_key: key("pair", &[&account.to_lowercase(), client]),
        client_key: key("client", &[client]),
    };
    let pair = pair_schedule(auth);
    if throttle::take_slot(conn, &attempt.pair_key, now, forget_before, &pair)?.is_none() {
        return Err(refused(ctx, conn, &attempt.pair_key, now)?);
    }
    let by_client = client_schedule(auth);
    if throttle::take_slot(conn, &attempt.client_key, now, forget_before, &by_client)?.is_none() {
        // No password is checked: the pair's slot goes back.
        throttle::return_unchecked(conn, &attempt.pair_key, now, &pair)?;
        return Err(refused(ctx, conn, &attempt.client_key, now)?);
    }
    Ok(attempt)
}

/// The outcome of the password check. One that found no turn (`Busy`) checked nothing: both
/// slots go back, so a stranger's flood never counts against an honest attempt.
pub fn checked(
    ctx: &AppContext,
    attempt: &Attempt,
    outcome: Result<bool, Busy>,
) -> Result<bool, AuthError> {
    match outcome {
        Ok(matches) => Ok(matches),
        Err(busy) => {
            let auth = &ctx.config.auth;
            let now = ctx.clock.now().timestamp();
            let mut conn = ctx.db()?;
            let (pair, client) = (pair_schedule(auth), client_schedule(auth));
            throttle::return_unchecked(&mut conn, &attempt.pair_key, now, &pair)?;
            throttle::return_unchecked(&mut conn, &attempt.client_key, now, &client)?;
            Err(busy.into())
        }
    }
}

/// The password was right: the pair's failures are forgotten, the client's slot given back.
pub fn succeeded(
    ctx: &AppContext,
    conn: &mut DbConnection,
    attempt: &Attempt,
) -> Result<(), AuthError> {
    let now = ctx.clock.now().timestamp();
    throttle::clear(conn, &attempt.pair_key)?;
    throttle::give_back(conn, &attempt.client_key, now)?;
    Ok(())
}

fn refused(
    ctx: &AppContext,
    conn: &mut DbConnection,
    key: &str,
    now: i64,
) -> Result<AuthError, AuthError> {
    Metrics::bump(&ctx.metrics.logins_throttled);
    let next = throttle::next_allowed(conn, key)?.unwrap_or(now);
    Ok(AuthError::TooManyAttempts {
        retry_after_secs: (next - now).max(1),
    })
}

/// The slot a second-factor code took: counted per account, from any client (only someone
/// who knew the password gets to give a code, from however many addresses).
pub struct CodeAttempt {
    key: String,
}

fn code_schedule(auth: &AuthConfig) -> DelaySchedule {
    DelaySchedule {
        free: auth.second_factor.free_code_failures,
        ..pair_schedule(auth)
    }
}

/// Takes a slot for checking a second-factor code of an account, or says how long to wait.
pub fn begin_code(
    ctx: &AppContext,
    conn: &mut DbConnection,
    staff_id: &str,
) -> Result<CodeAttempt, AuthError> {
    let auth = &ctx.config.auth;
    let now = ctx.clock.now().timestamp();
    let forget_before = now - auth.failures_forgotten_after_minutes * 60;
    let attempt = CodeAttempt {
        key: key("code", &[staff_id]),
    };
    if throttle::take_slot(conn, &attempt.key, now, forget_before, &code_schedule(auth))?.is_none()
    {
        return Err(refused(ctx, conn, &attempt.key, now)?);
    }
    Ok(attempt)
}

/// The code was right: its slot goes back. The failures before it stay counted (until they
/// are forgotten): someone who knows the password gets no fresh free guesses each time the
/// account's owner logs in.
pub fn code_succeeded(
    ctx: &AppContext,
    conn: &mut DbConnection,
    attempt: &CodeAttempt,
) -> Result<(), AuthError> {
    throttle::give_back(conn, &attempt.key, ctx.clock.now().timestamp())?;
    Ok(())
}
