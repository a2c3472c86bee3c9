//! Verification: is this card token valid right now? The answer is one bit, and nothing that
//! identifies the card (number, token, index) is logged, stored, counted or traced — only
//! aggregate counters move.

use std::sync::atomic::Ordering;

use chrono::{NaiveDateTime, TimeDelta};

use crate::context::AppContext;
use crate::crypto::card_token::{token_from_text, verify_card_token};
use crate::db::DbConnection;
use crate::domain::card::CardNumber;
use crate::error::Internal;

/// Issued-at may be this far ahead of our clock (clock skew between instances).
const IAT_SKEW_SECS: i64 = 300;

/// Brings the status list up to date when it is due, one caller at a time. When the database
/// cannot be reached, a copy younger than the list's lifetime keeps answering (the outage is
/// reported); an older one does not.
pub fn refresh_status_list(ctx: &AppContext) -> Result<(), Internal> {
    if !ctx.status_list.is_stale() {
        return Ok(());
    }
    let Some(_turn) = ctx.status_list.reload_turn() else {
        return Ok(());
    };
    let reloaded = ctx
        .db()
        .and_then(|mut conn| reload_status_list(ctx, &mut conn));
    match reloaded {
        Err(cause) if ctx.status_list.is_usable() => {
            if let Some(outage) = cause.outage() {
                ctx.health.met(outage, &cause);
            }
            Ok(())
        }
        other => other,
    }
}

/// How far back a refresh reads before its last read: a revocation is stamped with the
/// revoking instance's clock before its transaction commits, so one stamped a little before
/// the last read (a slow commit, another instance's clock a little behind) is still found.
const REVOCATION_OVERLAP: TimeDelta = TimeDelta::minutes(10);

/// Where a refresh whose last read was at `last_read` starts reading: the start of the day of
/// `last_read - REVOCATION_OVERLAP`. A card made a tombstone has its revocation time cut to the
/// day (the purge revokes an uncollected pick-up card and may destroy its resident in the same
/// run), so a refresh that read only from the last read would miss a card revoked and made a
/// tombstone between two refreshes until the hourly rebuild. Reading from the day's start costs
/// the day's revocations, a few hundred in a large city, never the whole list.
fn refresh_from(last_read: NaiveDateTime) -> NaiveDateTime {
    (last_read - REVOCATION_OVERLAP)
        .date()
        .and_time(chrono::NaiveTime::MIN)
}

/// Brings the status list up to date from the database (after a revocation here, or when the
/// list is due): the cards revoked since the last read, or every revoked card when the list is
/// due a rebuild (at start-up and hourly).
pub fn reload_status_list(ctx: &AppContext, conn: &mut DbConnection) -> Result<(), Internal> {
    let now = ctx.clock.now().naive_utc();
    match ctx.status_list.updating_from(now) {
        Some(since) => {
            let revoked = crate::db::cards::revoked_since(conn, refresh_from(since))?;
            ctx.status_list.add(revoked, now);
        }
        None => {
            let revoked = crate::db::cards::revoked_indices(conn)?;
            ctx.status_list.load(revoked, now);
        }
    }
    Ok(())
}

/// Whether a check from `client` may be answered now (a fixed window per address); a refused
/// one is counted.
/// Counts a card check of `client` (its throttling bucket); false when it has used up its
/// minute. Every client is counted: an address that does not read shares one bucket.
pub fn admit(ctx: &AppContext, client: &str) -> bool {
    let admitted = ctx.verify_throttle.allow(client);
    if !admitted {
        ctx.verification.throttled.fetch_add(1, Ordering::Relaxed);
    }
    admitted
}

/// Whether the token in `input` (a whole QR text or a bare token) is valid now.
pub fn is_valid(ctx: &AppContext, input: &str) -> bool {
    let Some(bytes) = token_from_text(input) else {
        return false;
    };
    let Some(claims) = verify_card_token(&ctx.signing, &bytes) else {
        return false;
    };
    if claims.issuer != ctx.config.public_base_url {
        warn_foreign_issuer_once();
        return false;
    }
    let now = ctx.clock.now().timestamp();
    claims.status_uri == ctx.status_list.uri()
        && CardNumber::parse(&claims.card_number).is_ok()
        && claims.is_current(now, IAT_SKEW_SECS)
        && ctx.status_list.is_revoked(claims.status_index) == Some(false)
}

/// A card signed with this service's own key that names another issuer means this instance's
/// `public_base_url` is not the one its cards were issued under: said once per process, with
/// nothing about the card.
fn warn_foreign_issuer_once() {
    static SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !SAID.swap(true, Ordering::Relaxed) {
        tracing::warn!(
            "a card signed with this service's key names another issuer than public_base_url; \
             it answers not valid here. Every instance must use the public_base_url the cards \
             were issued under"
        );
    }
}
