//! Outages of what the service depends on — the database, and the storage it writes to — as
//! requests meet them. Each outage is logged once when it begins and once when it ends, never
//! once per request; `/readyz` reports the one in progress.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::error::Outage;

/// How often, at most, a request checks whether full storage has been freed.
pub const STORAGE_PROBE_INTERVAL: Duration = Duration::from_secs(1);

#[derive(Default)]
pub struct Health {
    database: Watch,
    storage: Watch,
    key_custody: Watch,
}

#[derive(Default)]
struct Watch {
    /// Read on every request: the lock below is taken only while an outage lasts.
    down: AtomicBool,
    state: Mutex<WatchState>,
}

#[derive(Default)]
struct WatchState {
    since: Option<Instant>,
    last_probe: Option<Instant>,
}

impl Watch {
    fn state(&self) -> std::sync::MutexGuard<'_, WatchState> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Health {
    fn watch(&self, outage: Outage) -> &Watch {
        match outage {
            Outage::Database => &self.database,
            Outage::Storage => &self.storage,
            Outage::KeyCustody => &self.key_custody,
        }
    }

    /// A request met `outage`: the first one logs it, the rest of the outage stays quiet.
    pub fn met(&self, outage: Outage, cause: &dyn std::fmt::Display) {
        let watch = self.watch(outage);
        let mut state = watch.state();
        if state.since.is_some() {
            tracing::debug!(cause = %cause, "{} (outage in progress)", describe(outage));
            return;
        }
        let now = Instant::now();
        state.since = Some(now);
        state.last_probe = Some(now);
        watch.down.store(true, Ordering::Release);
        tracing::error!(
            cause = %cause,
            status = outage.status(),
            "{}; requests that need it answer {} until it is back (logged once per outage)",
            describe(outage),
            outage.status(),
        );
    }

    /// The dependency answered: an outage in progress, if any, is over.
    pub fn recovered(&self, outage: Outage) {
        let watch = self.watch(outage);
        if !watch.down.load(Ordering::Acquire) {
            return;
        }
        let mut state = watch.state();
        if let Some(since) = state.since.take() {
            watch.down.store(false, Ordering::Release);
            tracing::warn!(
                outage_secs = since.elapsed().as_secs(),
                "{} is back",
                match outage {
                    Outage::Database => "the database",
                    Outage::Storage => "storage space",
                    Outage::KeyCustody => "key custody",
                }
            );
        }
    }

    pub fn is_down(&self, outage: Outage) -> bool {
        self.watch(outage).down.load(Ordering::Acquire)
    }

    /// The outage in progress, the database's first.
    pub fn current(&self) -> Option<Outage> {
        [Outage::Database, Outage::KeyCustody, Outage::Storage]
            .into_iter()
            .find(|o| self.is_down(*o))
    }

    /// While storage is full, whether it is time to check again (at most once a second, so a
    /// busy counter does not probe with every request). Marks the check as made.
    pub fn storage_probe_due(&self) -> bool {
        if !self.is_down(Outage::Storage) {
            return false;
        }
        let mut state = self.storage.state();
        let due = state
            .last_probe
            .is_none_or(|at| at.elapsed() >= STORAGE_PROBE_INTERVAL);
        if due {
            state.last_probe = Some(Instant::now());
        }
        due
    }
}

fn describe(outage: Outage) -> &'static str {
    match outage {
        Outage::Database => "the database cannot be reached",
        Outage::Storage => "the database's storage is full",
        Outage::KeyCustody => "key custody cannot be reached",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outage_begins_once_and_ends_once() {
        let health = Health::default();
        assert_eq!(health.current(), None);
        health.met(Outage::Storage, &"full");
        health.met(Outage::Storage, &"full again");
        assert_eq!(health.current(), Some(Outage::Storage));
        assert!(!health.is_down(Outage::Database));
        // The first probe waits for the interval after the outage was met.
        assert!(!health.storage_probe_due());
        health.recovered(Outage::Storage);
        assert_eq!(health.current(), None);
        assert!(!health.storage_probe_due());
    }
}
