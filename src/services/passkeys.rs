//! Passkeys (WebAuthn, with `webauthn-rs`) as a second factor: added on the account page (the
//! password again, then the browser's ceremony), given at login in place of a code. The
//! relying party is the service's `public_base_url`; a passkey is bound to its host name, so
//! passkeys are offered only when that is a domain name (not an IP address). The service
//! keeps a passkey's public key and signature counter, never a secret. A ceremony's challenge
//! waits in the session that began it and is taken once.

use chrono::TimeDelta;
use serde::{Deserialize, Serialize};
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Webauthn, WebauthnBuilder,
};

use super::audit;
use super::auth::{self, recheck_password, AuthError, SignedIn};
use super::login_throttle;
use super::second_factor::{self, FactorError};
use crate::context::AppContext;
use crate::crypto::password::Password;
use crate::crypto::token::token_hash;
use crate::db::factors::{self as store, FactorRow};
use crate::db::sessions;
use crate::error::Internal;

/// How long the browser may take to answer a ceremony.
const CEREMONY_SECS: i64 = 300;
/// The longest name a passkey may be given.
const LABEL_CHARS: usize = 60;

/// A ceremony waiting in a session for the browser's answer.
#[derive(Serialize, Deserialize)]
#[serde(tag = "purpose", rename_all = "snake_case")]
enum Ceremony {
    Register {
        expires_at: i64,
        state: PasskeyRegistration,
    },
    Login {
        expires_at: i64,
        state: PasskeyAuthentication,
    },
}

/// The relying party, if passkeys can be offered: `public_base_url` names a domain.
pub fn relying_party(ctx: &AppContext) -> Option<Webauthn> {
    let origin = Url::parse(&ctx.config.public_base_url).ok()?;
    let domain = origin.domain()?.to_owned();
    WebauthnBuilder::new(&domain, &origin)
        .ok()?
        .rp_name(&ctx.config.jurisdiction)
        .build()
        .ok()
}

fn internal(what: &'static str, e: impl std::fmt::Display) -> Internal {
    Internal::new(what, anyhow::anyhow!("{e}"))
}

fn passkeys_of(rows: &[FactorRow]) -> Vec<(String, Passkey)> {
    rows.iter()
        .filter(|f| f.kind == "passkey" && f.confirmed_at.is_some())
        .filter_map(|f| {
            let passkey = serde_json::from_str(f.credential.as_deref()?).ok()?;
            Some((f.id.clone(), passkey))
        })
        .collect()
}

fn store_ceremony(
    ctx: &AppContext,
    session_hash: &str,
    ceremony: &Ceremony,
) -> Result<(), Internal> {
    let json = serde_json::to_string(ceremony).map_err(|e| internal("ceremony", e))?;
    sessions::set_ceremony(&mut *ctx.db()?, session_hash, &json)
        .map_err(|e| Internal::new("ceremony", e))?;
    Ok(())
}

/// Takes the session's ceremony, once, if it is still in time.
fn take_ceremony(ctx: &AppContext, session_hash: &str) -> Result<Option<Ceremony>, Internal> {
    let taken = sessions::take_ceremony(&mut *ctx.db()?, session_hash)
        .map_err(|e| Internal::new("ceremony", e))?;
    let now = ctx.clock.now().timestamp();
    Ok(taken
        .and_then(|json| serde_json::from_str::<Ceremony>(&json).ok())
        .filter(|c| match c {
            Ceremony::Register { expires_at, .. } | Ceremony::Login { expires_at, .. } => {
                now < *expires_at
            }
        }))
}

fn expires(ctx: &AppContext) -> i64 {
    (ctx.clock.now() + TimeDelta::seconds(CEREMONY_SECS)).timestamp()
}

/// Starts adding a passkey to one's account (after the password again): the options the
/// browser's `navigator.credentials.create` takes, as JSON.
pub fn begin_registration(
    ctx: &AppContext,
    signed_in: &SignedIn,
    password: &Password,
    client: &str,
) -> Result<serde_json::Value, FactorError> {
    let rp = relying_party(ctx).ok_or(FactorError::PasskeysUnavailable)?;
    let staff = recheck_password(ctx, signed_in, password, client)?;
    let existing = passkeys_of(&store::of_staff(&mut *ctx.db()?, &staff.id)?);
    let exclude = existing.iter().map(|(_, p)| p.cred_id().clone()).collect();
    let user_id = uuid::Uuid::parse_str(&staff.id).unwrap_or_else(|_| uuid::Uuid::new_v4());
    let (options, state) = rp
        .start_passkey_registration(user_id, &staff.username, &staff.username, Some(exclude))
        .map_err(|e| internal("passkey registration", e))?;
    let ceremony = Ceremony::Register {
        expires_at: expires(ctx),
        state,
    };
    store_ceremony(ctx, &signed_in.session_hash, &ceremony)?;
    serde_json::to_value(options).map_err(|e| internal("passkey options", e).into())
}

/// A passkey's name as its owner typed it: trimmed, at most 60 characters, no control
/// characters; "" becomes "Passkey".
fn clean_label(typed: &str) -> String {
    let label: String = typed
        .trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(LABEL_CHARS)
        .collect();
    if label.is_empty() {
        "Passkey".into()
    } else {
        label
    }
}

/// Finishes adding a passkey with the browser's answer. Returns the recovery codes, shown
/// once, when the account had none left.
pub fn finish_registration(
    ctx: &AppContext,
    signed_in: &SignedIn,
    label: &str,
    answer: &str,
) -> Result<Option<Vec<String>>, FactorError> {
    let rp = relying_party(ctx).ok_or(FactorError::PasskeysUnavailable)?;
    let Some(Ceremony::Register { state, .. }) = take_ceremony(ctx, &signed_in.session_hash)?
    else {
        return Err(FactorError::PasskeyRefused);
    };
    let answer: RegisterPublicKeyCredential =
        serde_json::from_str(answer).map_err(|_| FactorError::PasskeyRefused)?;
    let passkey = rp
        .finish_passkey_registration(&answer, &state)
        .map_err(|_| FactorError::PasskeyRefused)?;
    let credential = serde_json::to_string(&passkey).map_err(|e| internal("passkey", e))?;
    let now = ctx.clock.now();
    let row = FactorRow {
        id: uuid::Uuid::new_v4().to_string(),
        staff_id: signed_in.actor.staff_id.clone(),
        kind: "passkey".into(),
        label: clean_label(label),
        secret: None,
        credential: Some(credential),
        last_step: 0,
        created_at: now.naive_utc(),
        confirmed_at: Some(now.naive_utc()),
        last_used_at: None,
    };
    second_factor::add_confirmed(ctx, &row, now)
}

/// Starts a login's passkey step: the options `navigator.credentials.get` takes, as JSON,
/// for the passkeys of the account whose password the waiting session proved.
pub fn begin_login(ctx: &AppContext, waiting_token: &str) -> Result<serde_json::Value, AuthError> {
    let rp = relying_party(ctx).ok_or(AuthError::InvalidSecondFactor)?;
    let staff = auth::awaiting_factor(ctx, waiting_token)?;
    let passkeys: Vec<Passkey> = passkeys_of(&store::of_staff(&mut *ctx.db()?, &staff.id)?)
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    if passkeys.is_empty() {
        return Err(AuthError::InvalidSecondFactor);
    }
    let (options, state) = rp
        .start_passkey_authentication(&passkeys)
        .map_err(|e| internal("passkey authentication", e))?;
    let ceremony = Ceremony::Login {
        expires_at: expires(ctx),
        state,
    };
    store_ceremony(ctx, &token_hash(waiting_token), &ceremony)?;
    serde_json::to_value(options).map_err(|e| internal("passkey options", e).into())
}

/// Checks a login's passkey answer against the ceremony its waiting session began. Counted
/// per account like a code; the passkey's signature counter is kept.
pub fn check_answer(
    ctx: &AppContext,
    staff_id: &str,
    waiting_token: &str,
    answer: &str,
) -> Result<(), AuthError> {
    let now = ctx.clock.now();
    let attempt = login_throttle::begin_code(ctx, &mut *ctx.db()?, staff_id)?;
    let refused = || {
        tracing::info!(
            event = "second_factor_failed",
            "a passkey answer was refused"
        );
        AuthError::InvalidSecondFactor
    };
    let rp = relying_party(ctx).ok_or_else(refused)?;
    let Some(Ceremony::Login { state, .. }) = take_ceremony(ctx, &token_hash(waiting_token))?
    else {
        return Err(refused());
    };
    let answer: PublicKeyCredential = serde_json::from_str(answer).map_err(|_| refused())?;
    let result = rp
        .finish_passkey_authentication(&answer, &state)
        .map_err(|_| refused())?;
    let mut conn = ctx.db()?;
    let (id, mut passkey) = passkeys_of(&store::of_staff(&mut conn, staff_id)?)
        .into_iter()
        .find(|(_, p)| p.cred_id() == result.cred_id())
        .ok_or_else(refused)?;
    passkey.update_credential(&result);
    let credential = serde_json::to_string(&passkey).map_err(|e| internal("passkey", e))?;
    store::update_credential(&mut conn, &id, &credential, now.naive_utc())?;
    audit::record_alone(
        &mut conn,
        now,
        staff_id,
        "staff.passkey_used",
        Some(staff_id),
    )?;
    login_throttle::code_succeeded(ctx, &mut conn, &attempt)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::clean_label;

    #[test]
    fn a_passkey_name_is_trimmed_capped_and_never_empty() {
        assert_eq!(clean_label("  YubiKey 5 \n"), "YubiKey 5");
        assert_eq!(clean_label(""), "Passkey");
        assert_eq!(clean_label("a\u{7}b"), "ab");
        assert_eq!(clean_label(&"x".repeat(100)).chars().count(), 60);
    }
}
