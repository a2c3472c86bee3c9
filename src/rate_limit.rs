//! Per-client limits kept in memory only: a fixed one-minute window per client address (the
//! card check's throttle). Nothing here is written anywhere.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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
