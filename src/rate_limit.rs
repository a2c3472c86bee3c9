//! Per-client limits kept in memory only (the card check's throttle): a GCRA bucket per client
//! address (`governor`), refilled evenly over the minute, so no client gets twice its limit by
//! spending it either side of a window's edge. Nothing here is written anywhere.

use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota};

/// Clients remembered before the ones whose bucket has refilled are forgotten.
const CLIENTS_BEFORE_FORGETTING: usize = 100_000;

/// At most `per_minute` requests a minute per client (its throttling bucket: an address, an
/// IPv6 /64, or the one shared by addresses that do not read), in memory only.
pub struct ClientThrottle {
    limiter: DefaultKeyedRateLimiter<String>,
}

impl ClientThrottle {
    pub fn new(per_minute: u32) -> Self {
        let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        Self {
            limiter: DefaultKeyedRateLimiter::keyed(Quota::per_minute(per_minute)),
        }
    }

    /// Counts one request; false when the client has used up its minute.
    pub fn allow(&self, client: &str) -> bool {
        if self.limiter.len() > CLIENTS_BEFORE_FORGETTING {
            self.limiter.retain_recent();
        }
        self.limiter.check_key(&client.to_owned()).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_throttle_counts_per_client() {
        let throttle = ClientThrottle::new(3);
        let (a, b) = ("127.0.0.1/32", "127.0.0.2/32");
        assert!((0..3).all(|_| throttle.allow(a)));
        assert!(!throttle.allow(a));
        assert!(throttle.allow(b));
    }
}
