//! The retention chart's model, one for the auditor's page and the report PDF: per class with
//! a limit in days, the age of the oldest record held against the limit. The bar's track covers
//! `TRACK_SHARE` of the limit, so a record kept too long shows past the limit's mark; a class is
//! marked overdue when the report counts overdue records in it (the oldest record's age alone
//! is not the rule: a card face's limit runs from its last card, not from enrollment).

use chrono::NaiveDate;

use crate::domain::report::ClassReport;

/// How much of the limit the track shows: 125%.
pub const TRACK_SHARE: f64 = 1.25;

/// What the chart needs of a data class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassAge {
    /// The longest a record may be kept, in days, where the rule is a number.
    pub policy_days: Option<u32>,
    /// When the oldest record held was created.
    pub oldest: Option<NaiveDate>,
    /// Records the report counts as kept past their rule.
    pub overdue: u64,
}

/// What the chart shows of a class of the report.
impl From<&ClassReport> for ClassAge {
    fn from(class: &ClassReport) -> Self {
        ClassAge {
            policy_days: class.policy_days,
            oldest: class.oldest,
            overdue: class.overdue,
        }
    }
}

/// One bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartBar {
    pub limit_days: u32,
    /// Age of the oldest record held, in days (0 when none is held).
    pub age_days: i64,
    /// The bar's length as a share of the track, 0 to 1; the limit's mark is at `limit_mark()`.
    pub filled: f64,
    pub overdue: bool,
}

/// Where the limit's mark sits on the track, as a share of it.
pub fn limit_mark() -> f64 {
    1.0 / TRACK_SHARE
}

/// The bar of a class, judged at `as_of`; `None` for a class without a limit in days.
pub fn bar(class: ClassAge, as_of: NaiveDate) -> Option<ChartBar> {
    let limit_days = class.policy_days.filter(|d| *d > 0)?;
    let age_days = class
        .oldest
        .map(|oldest| (as_of - oldest).num_days().max(0))
        .unwrap_or(0);
    let share = age_days as f64 / f64::from(limit_days);
    Some(ChartBar {
        limit_days,
        age_days,
        filled: (share / TRACK_SHARE).min(1.0),
        overdue: class.overdue > 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(policy_days: Option<u32>, oldest: Option<&str>, overdue: u64) -> ClassAge {
        ClassAge {
            policy_days,
            oldest: oldest.map(|d| d.parse().unwrap()),
            overdue,
        }
    }

    #[test]
    fn a_bar_is_the_oldest_age_against_the_limit_and_overdue_is_the_reports_count() {
        let as_of: NaiveDate = "2026-11-27".parse().unwrap();
        let recent = bar(class(Some(100), Some("2026-09-28"), 0), as_of).unwrap();
        assert_eq!(recent.age_days, 60);
        assert!((recent.filled - 0.6 / TRACK_SHARE).abs() < 1e-9);
        // Older than its limit and not overdue: a renewed card's face, say.
        let old = bar(class(Some(100), Some("2026-01-01"), 0), as_of).unwrap();
        assert_eq!(old.filled, 1.0, "past the track's end it stops there");
        assert!(!old.overdue);
        assert!(
            bar(class(Some(100), Some("2026-11-01"), 2), as_of)
                .unwrap()
                .overdue
        );
        assert_eq!(bar(class(None, Some("2020-01-01"), 0), as_of), None);
        assert_eq!(bar(class(Some(0), None, 0), as_of), None);
        assert!((limit_mark() - 0.8).abs() < 1e-9);
    }
}
