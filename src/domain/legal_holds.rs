//! Legal holds: a court order to preserve records suspends their destruction for the scope it
//! names — every record, the records of residents enrolled between two days, or those enrolled
//! at a site — from the moment an admin places it until they lift it.

use chrono::{DateTime, NaiveDate, Utc};

/// Which records a hold covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HoldScope {
    All,
    /// Residents enrolled from the first day to the last, both included (UTC days).
    EnrolledBetween {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Residents enrolled at the site with this code.
    Site(String),
}

impl HoldScope {
    pub fn kind(&self) -> &'static str {
        match self {
            HoldScope::All => "all",
            HoldScope::EnrolledBetween { .. } => "enrolled_between",
            HoldScope::Site(_) => "site",
        }
    }

    /// Whether the hold covers a resident enrolled on `enrolled_on` at `site`.
    pub fn covers(&self, enrolled_on: NaiveDate, site: Option<&str>) -> bool {
        match self {
            HoldScope::All => true,
            HoldScope::EnrolledBetween { from, to } => (*from..=*to).contains(&enrolled_on),
            HoldScope::Site(code) => site == Some(code.as_str()),
        }
    }

    /// The scope as stored: its kind, and the days or site it names.
    pub fn from_parts(
        kind: &str,
        (from, to): (Option<NaiveDate>, Option<NaiveDate>),
        site: Option<String>,
    ) -> Option<Self> {
        match (kind, from, to, site) {
            ("all", None, None, None) => Some(HoldScope::All),
            ("enrolled_between", Some(from), Some(to), None) if from <= to => {
                Some(HoldScope::EnrolledBetween { from, to })
            }
            ("site", None, None, Some(code)) => Some(HoldScope::Site(code)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalHold {
    pub id: String,
    /// The order's reference, e.g. a court order number.
    pub reference: String,
    pub scope: HoldScope,
    pub placed_at: DateTime<Utc>,
    pub lifted_at: Option<DateTime<Utc>>,
}

impl LegalHold {
    pub fn in_force(&self) -> bool {
        self.lifted_at.is_none()
    }
}

pub const REFERENCE_MAX: usize = 100;

/// A hold's reference, trimmed: 1 to 100 characters of a docket number's kind — Latin letters,
/// digits, spaces and `- . / : # ( )`. It names an order, never a person (the form says so),
/// and goes into the signed retention report; a caption with a name in another script, or a
/// character that reorders or hides text, cannot be given.
pub fn check_reference(reference: &str) -> Result<String, &'static str> {
    let reference = reference.trim();
    if reference.is_empty() || reference.chars().count() > REFERENCE_MAX {
        return Err("a hold's reference has 1 to 100 characters");
    }
    let allowed = |c: char| c.is_ascii_alphanumeric() || " -./:#()".contains(c);
    if !reference.chars().all(allowed) {
        return Err("a hold's reference is a docket or order number: letters A-Z, digits, spaces and - . / : # ( )");
    }
    Ok(reference.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_scope_covers_what_it_names() {
        let june = HoldScope::EnrolledBetween {
            from: day("2026-06-01"),
            to: day("2026-06-30"),
        };
        assert!(june.covers(day("2026-06-01"), None));
        assert!(june.covers(day("2026-06-30"), Some("north")));
        assert!(!june.covers(day("2026-07-01"), None));
        assert!(!june.covers(day("2026-05-31"), None));
        let north = HoldScope::Site("north".into());
        assert!(north.covers(day("2020-01-01"), Some("north")));
        assert!(!north.covers(day("2020-01-01"), Some("south")));
        assert!(!north.covers(day("2020-01-01"), None));
        assert!(HoldScope::All.covers(day("2020-01-01"), None));
    }

    #[test]
    fn a_stored_scope_must_be_whole() {
        let d = Some(day("2026-06-01"));
        assert_eq!(
            HoldScope::from_parts("all", (None, None), None),
            Some(HoldScope::All)
        );
        assert_eq!(HoldScope::from_parts("all", (d, None), None), None);
        assert_eq!(
            HoldScope::from_parts("enrolled_between", (d, None), None),
            None
        );
        assert_eq!(
            HoldScope::from_parts("enrolled_between", (Some(day("2026-07-01")), d), None),
            None
        );
        assert_eq!(HoldScope::from_parts("site", (None, None), None), None);
        assert_eq!(
            HoldScope::from_parts("sites", (None, None), Some("x".into())),
            None
        );
    }

    #[test]
    fn references_are_checked() {
        assert_eq!(check_reference("  CV-2026-0142 ").unwrap(), "CV-2026-0142");
        assert!(check_reference(" ").is_err());
        assert!(check_reference("a\tb").is_err());
        assert!(
            check_reference("CV\u{202e}2026").is_err(),
            "a bidi override"
        );
        assert!(check_reference("Дело 5").is_err());
        assert_eq!(
            check_reference("No. 2026/CV-14 (Div. 3)").unwrap(),
            "No. 2026/CV-14 (Div. 3)"
        );
        assert!(check_reference(&"x".repeat(101)).is_err());
    }
}
