//! Verification: is this card token valid right now? The answer is one bit, and nothing that
//! identifies the card (number, token, index) is logged, stored, counted or traced — only
//! aggregate counters move.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::context::AppContext;
use crate::crypto::card_token::{token_from_text, verify_card_token};
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
        .and_then(|mut conn| ctx.status_list.reload(&mut conn).map_err(Internal::from));
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

/// Whether a check from `client` may be answered now (a fixed window per address); a refused
/// one is counted.
pub fn admit(ctx: &AppContext, client: Option<IpAddr>) -> bool {
    let admitted = client.is_none_or(|address| ctx.verify_throttle.allow(address));
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

/// Aggregate verification counters: the only trace verification leaves.
#[derive(Debug, Default)]
pub struct VerificationCounters {
    pub checks: AtomicU64,
    pub valid: AtomicU64,
    pub not_valid: AtomicU64,
    pub throttled: AtomicU64,
}

impl VerificationCounters {
    pub fn count(&self, valid: bool) {
        self.checks.fetch_add(1, Ordering::Relaxed);
        let counter = if valid { &self.valid } else { &self.not_valid };
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

impl VerificationCounters {
    /// The counters in the Prometheus text format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (name, help, counter) in [
            (
                "muni_id_verifications_total",
                "Card checks answered.",
                &self.checks,
            ),
            (
                "muni_id_verifications_valid_total",
                "Checks that answered valid.",
                &self.valid,
            ),
            (
                "muni_id_verifications_not_valid_total",
                "Checks that answered not valid.",
                &self.not_valid,
            ),
            (
                "muni_id_verifications_throttled_total",
                "Checks refused by throttling.",
                &self.throttled,
            ),
        ] {
            out.push_str(&format!(
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}\n",
                counter.load(Ordering::Relaxed)
            ));
        }
        out
    }
}

/// A fixed one-minute window per client address, in memory only.
pub struct ClientThrottle {
    per_minute: u32,
    windows: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl ClientThrottle {
    pub fn new(per_minute: u32) -> Self {
        Self {
            per_minute,
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request; false when the client has used up its minute.
    pub fn allow(&self, client: IpAddr) -> bool {
        let now = Instant::now();
        let minute = Duration::from_secs(60);
        let mut windows = self.windows.lock().unwrap_or_else(|p| p.into_inner());
        if windows.len() > 100_000 {
            windows.retain(|_, (start, _)| now.duration_since(*start) < minute);
        }
        let entry = windows.entry(client).or_insert((now, 0));
        if now.duration_since(entry.0) >= minute {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= self.per_minute
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_throttle_counts_per_client() {
        let throttle = ClientThrottle::new(3);
        let a: IpAddr = "127.0.0.1".parse().unwrap();
        let b: IpAddr = "127.0.0.2".parse().unwrap();
        assert!((0..3).all(|_| throttle.allow(a)));
        assert!(!throttle.allow(a));
        assert!(throttle.allow(b));
    }
}
