//! The ratchet rule (DESIGN.md, "Keys and encryption"): a data key is wrapped under at most
//! `min(the month of its destruction date, this month + W)`, W being the backup window in
//! months. Every copy of the database is then unreadable W + 1 months after it was taken, and a
//! record is unreadable in every copy by the end of its destruction month.
//!
//! "This month" is where the ratchet stands: the calendar month, or the month of the latest
//! roll-forward when one ran `--as-of` a later day (the ratchet never moves back).

use chrono::NaiveDate;

use super::keyring::Epoch;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratchet {
    window_months: u32,
}

impl Ratchet {
    pub fn new(window_months: u32) -> Self {
        Self { window_months }
    }

    pub fn window_months(&self) -> u32 {
        self.window_months
    }

    /// The latest epoch any data key may be wrapped under while the ratchet stands at `month`.
    pub fn ceiling(&self, month: Epoch) -> Epoch {
        month.plus_months(self.window_months)
    }

    /// The epoch for a data key whose record is destroyed after `destroy_after`: its
    /// destruction month, never before the current month, never beyond the ceiling.
    pub fn target(&self, destroy_after: NaiveDate, month: Epoch) -> Epoch {
        Epoch::of(destroy_after).max(month).min(self.ceiling(month))
    }

    /// Where a data key now at `epoch` must move, if it must: it sits beyond the rule, or its
    /// epoch ends (this month or earlier) before its record is due.
    pub fn must_move(&self, epoch: Epoch, destroy_after: NaiveDate, month: Epoch) -> Option<Epoch> {
        let target = self.target(destroy_after, month);
        let beyond_rule = epoch > target && epoch > month;
        let ends_too_soon = epoch <= month && target > epoch;
        (beyond_rule || ends_too_soon).then_some(target)
    }

    /// Whether a key at `epoch` is within the rule for a record destroyed after `destroy_after`.
    pub fn allows(&self, epoch: Epoch, destroy_after: NaiveDate, month: Epoch) -> bool {
        epoch <= Epoch::of(destroy_after).max(month).min(self.ceiling(month))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(id: &str) -> Epoch {
        Epoch::parse(id).unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_key_goes_no_later_than_its_destruction_month_nor_the_window() {
        let r = Ratchet::new(2);
        let now = e("2026-11");
        assert_eq!(
            r.target(d(2031, 5, 20), now),
            e("2027-01"),
            "capped at now + W"
        );
        assert_eq!(
            r.target(d(2026, 12, 20), now),
            e("2026-12"),
            "its destruction month"
        );
        assert_eq!(
            r.target(d(2026, 3, 1), now),
            e("2026-11"),
            "never an ended month"
        );
    }

    #[test]
    fn keys_move_when_their_epoch_ends_first_or_they_sit_beyond_the_rule() {
        let r = Ratchet::new(2);
        let now = e("2027-01");
        // Wrapped under this month but lives for years: moves to the ceiling.
        assert_eq!(
            r.must_move(e("2027-01"), d(2031, 1, 1), now),
            Some(e("2027-03"))
        );
        // Due this month: stays, and dies with this month's key.
        assert_eq!(r.must_move(e("2027-01"), d(2027, 1, 30), now), None);
        // Within the window and not ending yet: stays.
        assert_eq!(r.must_move(e("2027-02"), d(2031, 1, 1), now), None);
        // Prepared far ahead by an older version: comes back within the window.
        assert_eq!(
            r.must_move(e("2031-01"), d(2031, 1, 1), now),
            Some(e("2027-03"))
        );
        // Later than its (earlier) destruction month: comes back to it.
        assert_eq!(
            r.must_move(e("2027-03"), d(2027, 2, 2), now),
            Some(e("2027-02"))
        );
    }

    #[test]
    fn allows_matches_the_rule() {
        let r = Ratchet::new(2);
        let now = e("2026-11");
        assert!(r.allows(e("2027-01"), d(2030, 1, 1), now));
        assert!(!r.allows(e("2027-02"), d(2030, 1, 1), now));
        assert!(!r.allows(e("2026-12"), d(2026, 11, 30), now));
        assert!(r.allows(e("2026-11"), d(2026, 11, 30), now));
    }
}
