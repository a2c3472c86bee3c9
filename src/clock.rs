//! Time is injected: logic asks a `Clock`, so expiry and retention can be tested.

use std::sync::Mutex;

use chrono::{DateTime, DurationRound, NaiveDate, TimeDelta, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// Whole seconds: no stored time carries a sub-second part. A time unique to the microsecond
/// is as good as an identifier for joining rows across tables, copies and logs; a second is
/// all any rule here needs (expiry and retention count days, sessions minutes, and the audit
/// chain is ordered by its sequence number). Both databases keep a whole second exactly, so a
/// stored time hashes the same when read back.
fn to_seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    t.duration_trunc(TimeDelta::seconds(1)).unwrap_or(t)
}

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        to_seconds(Utc::now())
    }
}

/// A clock that stands still until moved; for tests and `--as-of` runs.
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> Self {
        Self(Mutex::new(at))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = at;
    }

    pub fn advance(&self, by: TimeDelta) {
        let mut now = self.0.lock().unwrap_or_else(|p| p.into_inner());
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        to_seconds(*self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Timelike};

    #[test]
    fn every_clock_tells_whole_seconds() {
        assert_eq!(SystemClock.now().nanosecond(), 0);
        let at = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
        let clock = ManualClock::new(at + TimeDelta::microseconds(999_999));
        assert_eq!(clock.now(), at);
        clock.advance(TimeDelta::milliseconds(1_500));
        assert_eq!(clock.now(), at + TimeDelta::seconds(2));
        clock.advance(TimeDelta::milliseconds(500));
        assert_eq!(clock.now(), at + TimeDelta::seconds(2));
        clock.advance(TimeDelta::microseconds(1));
        assert_eq!(
            clock.now(),
            at + TimeDelta::seconds(3),
            "the fractions add up"
        );
    }
}
