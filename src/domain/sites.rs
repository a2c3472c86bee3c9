//! Sites: the enrollment centres, library branches and pop-up events where staff work, and
//! where each enrollment, card issue and print is recorded.
//!
//! A site is known by a short code the admin chooses (what the council's report shows) and
//! has a display name. It is open from its first day to its last (none for a permanent site)
//! unless an admin closed it; once closed, nothing more is recorded there.

use chrono::{DateTime, NaiveDate, Utc};

/// What kind of place a site is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteKind {
    /// A permanent enrollment centre.
    Centre,
    /// A library branch that enrolls on some days.
    Library,
    /// An event for a few days (a fair, a shelter, a school): it must have a last day.
    Popup,
}

impl SiteKind {
    pub const ALL: [SiteKind; 3] = [SiteKind::Centre, SiteKind::Library, SiteKind::Popup];

    pub fn as_str(self) -> &'static str {
        match self {
            SiteKind::Centre => "centre",
            SiteKind::Library => "library",
            SiteKind::Popup => "popup",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where a site stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteState {
    /// Its first day is still to come.
    Upcoming,
    Open,
    /// Its last day is past.
    Ended,
    /// An admin closed it.
    Closed,
}

impl SiteState {
    pub fn as_str(self) -> &'static str {
        match self {
            SiteState::Upcoming => "upcoming",
            SiteState::Open => "open",
            SiteState::Ended => "ended",
            SiteState::Closed => "closed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub code: String,
    pub name: String,
    pub kind: SiteKind,
    pub opens_on: NaiveDate,
    pub closes_on: Option<NaiveDate>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl Site {
    pub fn state_on(&self, day: NaiveDate) -> SiteState {
        if self.closed_at.is_some() {
            SiteState::Closed
        } else if day < self.opens_on {
            SiteState::Upcoming
        } else if self.closes_on.is_some_and(|last| day > last) {
            SiteState::Ended
        } else {
            SiteState::Open
        }
    }

    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.state_on(day) == SiteState::Open
    }
}

pub const CODE_MAX: usize = 32;
pub const NAME_MAX: usize = 80;

/// A site's code: 2 to 32 lowercase letters, digits and hyphens, starting with a letter or
/// digit (it goes into report files and URLs).
pub fn check_code(code: &str) -> Result<(), &'static str> {
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if !(2..=CODE_MAX).contains(&code.len()) {
        return Err("a site code has 2 to 32 characters");
    }
    if !code.chars().all(allowed) || code.starts_with('-') {
        return Err("a site code has only lowercase letters, digits and hyphens, and starts with a letter or digit");
    }
    Ok(())
}

/// A site's display name, trimmed: 1 to 80 characters, no control characters.
pub fn check_name(name: &str) -> Result<String, &'static str> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX {
        return Err("a site name has 1 to 80 characters");
    }
    if name.chars().any(char::is_control) {
        return Err("a site name cannot hold control characters");
    }
    Ok(name.to_owned())
}

/// A site's active dates: the last day not before the first, and a pop-up event has one.
pub fn check_dates(
    kind: SiteKind,
    opens_on: NaiveDate,
    closes_on: Option<NaiveDate>,
) -> Result<(), &'static str> {
    match closes_on {
        Some(last) if last < opens_on => Err("a site's last day cannot come before its first"),
        None if kind == SiteKind::Popup => Err("a pop-up event needs its last day (closes_on)"),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn popup() -> Site {
        Site {
            code: "fair-2026".into(),
            name: "County fair".into(),
            kind: SiteKind::Popup,
            opens_on: day("2026-07-01"),
            closes_on: Some(day("2026-07-03")),
            closed_at: None,
        }
    }

    #[test]
    fn a_site_is_open_from_its_first_to_its_last_day() {
        let site = popup();
        assert_eq!(site.state_on(day("2026-06-30")), SiteState::Upcoming);
        assert_eq!(site.state_on(day("2026-07-01")), SiteState::Open);
        assert_eq!(site.state_on(day("2026-07-03")), SiteState::Open);
        assert_eq!(site.state_on(day("2026-07-04")), SiteState::Ended);
        let permanent = Site {
            closes_on: None,
            kind: SiteKind::Centre,
            ..popup()
        };
        assert!(permanent.is_open_on(day("2036-01-01")));
    }

    #[test]
    fn a_closed_site_is_closed_whatever_its_dates() {
        let site = Site {
            closed_at: Some(Utc::now()),
            ..popup()
        };
        assert_eq!(site.state_on(day("2026-07-02")), SiteState::Closed);
    }

    #[test]
    fn codes_names_and_dates_are_checked() {
        assert!(check_code("downtown").is_ok());
        assert!(check_code("lib-12").is_ok());
        for bad in ["a", "Downtown", "-x", "a b", "site/1", &"x".repeat(33)] {
            assert!(check_code(bad).is_err(), "{bad}");
        }
        assert_eq!(check_name("  Main Library ").unwrap(), "Main Library");
        assert!(check_name("").is_err());
        assert!(check_name("a\nb").is_err());
        assert!(check_name(&"n".repeat(81)).is_err());
        let first = day("2026-07-01");
        assert!(check_dates(SiteKind::Popup, first, None).is_err());
        assert!(check_dates(SiteKind::Centre, first, None).is_ok());
        assert!(check_dates(SiteKind::Library, first, Some(day("2026-06-30"))).is_err());
        assert!(check_dates(SiteKind::Popup, first, Some(first)).is_ok());
    }
}
