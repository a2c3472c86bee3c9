//! Age bands: from what age a resident may have a card, when a minor applies with a caretaker,
//! and how long each band's card is valid. For a caretaker the program keeps only the class of
//! relationship; that the caretaker's identity was checked is the condition for keeping it at
//! all. No name, no link to another resident's record.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::FieldError;
use crate::error::ErrorCode;

/// Whether a band's residents apply with a caretaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaretakerRule {
    /// A caretaker must come with the resident.
    Required,
    /// The resident may come alone or with a caretaker.
    Optional,
    /// An adult: applies alone; no caretaker is recorded.
    None,
}

/// One age band: from `from_age` until the next band's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeBand {
    pub code: String,
    pub from_age: u32,
    pub caretaker: CaretakerRule,
    pub validity_years: u32,
}

/// The bands, youngest first, covering every age from the first band's.
#[derive(Debug, Clone)]
pub struct AgeBands(Vec<AgeBand>);

impl AgeBands {
    /// Checks the bands: at least one, ascending ages, distinct codes, 1 to 10 years validity.
    pub fn new(bands: Vec<AgeBand>) -> Result<Self, String> {
        if bands.is_empty() {
            return Err("the list is empty".into());
        }
        for (i, band) in bands.iter().enumerate() {
            if band.code.is_empty()
                || band.code.len() > 32
                || !band
                    .code
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
            {
                return Err(format!(
                    "band code `{}` must be 1 to 32 of a-z, 0-9 and _",
                    band.code
                ));
            }
            if !(1..=10).contains(&band.validity_years) {
                return Err(format!(
                    "band `{}`: validity_years must be 1 to 10",
                    band.code
                ));
            }
            if bands[..i].iter().any(|b| b.code == band.code) {
                return Err(format!("band `{}` is listed twice", band.code));
            }
            if i > 0 && band.from_age <= bands[i - 1].from_age {
                return Err(
                    "the bands must be listed youngest first, each from a higher age".into(),
                );
            }
        }
        if bands[0].from_age == 0 {
            return Err("the first band must start at an age of at least 1".into());
        }
        Ok(Self(bands))
    }

    pub fn all(&self) -> &[AgeBand] {
        &self.0
    }

    /// The youngest age at which a resident may have a card.
    pub fn minimum_age(&self) -> u32 {
        self.0[0].from_age
    }

    /// The band of a resident of `age`; `None` below the minimum age.
    pub fn of_age(&self, age: i32) -> Option<&AgeBand> {
        let age = u32::try_from(age).ok()?;
        self.0.iter().rev().find(|band| band.from_age <= age)
    }

    /// The longest validity of any band: what signing keys and retention must allow for.
    pub fn longest_validity_years(&self) -> u32 {
        self.0.iter().map(|b| b.validity_years).max().unwrap_or(1)
    }

    /// The last day a card issued on `issued_on` to a resident of `age` is valid: the day before
    /// the anniversary of its band's term. Below the minimum age, the first band's term.
    pub fn expires_on(&self, issued_on: NaiveDate, age: i32) -> NaiveDate {
        let years = self.of_age(age).unwrap_or(&self.0[0]).validity_years;
        let anniversary = issued_on
            .checked_add_months(Months::new(years * 12))
            .unwrap_or(NaiveDate::MAX);
        anniversary.pred_opt().unwrap_or(anniversary)
    }
}

/// Who came with a minor, by class only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    Parent,
    LegalGuardian,
    OtherCaretaker,
}

impl Relationship {
    pub const ALL: [Relationship; 3] = [
        Relationship::Parent,
        Relationship::LegalGuardian,
        Relationship::OtherCaretaker,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Relationship::Parent => "parent",
            Relationship::LegalGuardian => "legal_guardian",
            Relationship::OtherCaretaker => "other_caretaker",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw)
    }
}

/// A caretaker as recorded: the relationship, whose identity the clerk checked (a caretaker
/// whose identity was not checked is never recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caretaker {
    pub relationship: Relationship,
}

impl Caretaker {
    /// The caretaker the clerk describes; refused unless their identity was checked.
    pub fn checked(relationship: Relationship, identity_checked: bool) -> Result<Self, FieldError> {
        if !identity_checked {
            return Err(FieldError::new(
                "caretaker.identity_checked",
                ErrorCode::CaretakerIdentityUnchecked,
                "check the caretaker's identity before recording that they came with the resident",
            ));
        }
        Ok(Self { relationship })
    }
}

/// Whether a resident of `age` may apply with (or without) `caretaker`.
pub fn check_caretaker(
    bands: &AgeBands,
    age: i32,
    caretaker: Option<Caretaker>,
) -> Result<(), FieldError> {
    let Some(band) = bands.of_age(age) else {
        return Err(FieldError::new(
            "date_of_birth",
            ErrorCode::BelowMinimumAge,
            format!(
                "a card needs the resident to be at least {} years old",
                bands.minimum_age()
            ),
        ));
    };
    match (band.caretaker, caretaker) {
        (CaretakerRule::Required, None) => Err(FieldError::new(
            "caretaker",
            ErrorCode::CaretakerRequired,
            format!(
                "a resident in the age band `{}` applies with a parent, legal guardian or other caretaker",
                band.code
            ),
        )),
        (CaretakerRule::None, Some(_)) => Err(FieldError::new(
            "caretaker",
            ErrorCode::CaretakerNotApplicable,
            format!(
                "a resident in the age band `{}` applies alone; no caretaker is recorded",
                band.code
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bands() -> AgeBands {
        let band = |code: &str, from_age, caretaker, validity_years| AgeBand {
            code: code.into(),
            from_age,
            caretaker,
            validity_years,
        };
        AgeBands::new(vec![
            band("child", 10, CaretakerRule::Required, 2),
            band("youth", 14, CaretakerRule::Optional, 2),
            band("adult", 18, CaretakerRule::None, 5),
            band("senior", 65, CaretakerRule::None, 5),
        ])
        .unwrap()
    }

    #[test]
    fn each_age_falls_in_one_band_at_its_edges() {
        let bands = bands();
        let code = |age| bands.of_age(age).map(|b| b.code.as_str());
        assert_eq!(code(9), None);
        assert_eq!(code(-1), None);
        assert_eq!(code(10), Some("child"));
        assert_eq!(code(13), Some("child"));
        assert_eq!(code(14), Some("youth"));
        assert_eq!(code(17), Some("youth"));
        assert_eq!(code(18), Some("adult"));
        assert_eq!(code(64), Some("adult"));
        assert_eq!(code(65), Some("senior"));
        assert_eq!(code(120), Some("senior"));
        assert_eq!(bands.minimum_age(), 10);
        assert_eq!(bands.longest_validity_years(), 5);
    }

    #[test]
    fn validity_follows_the_band() {
        let bands = bands();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(bands.expires_on(day(2026, 3, 1), 12), day(2028, 2, 29));
        assert_eq!(bands.expires_on(day(2026, 3, 1), 30), day(2031, 2, 28));
    }

    #[test]
    fn a_caretaker_is_required_allowed_or_refused_by_band() {
        let bands = bands();
        let parent = Some(Caretaker::checked(Relationship::Parent, true).unwrap());
        let code = |age, c| check_caretaker(&bands, age, c).err().map(|e| e.code);
        assert_eq!(code(9, parent), Some(ErrorCode::BelowMinimumAge));
        assert_eq!(code(12, None), Some(ErrorCode::CaretakerRequired));
        assert_eq!(code(12, parent), None);
        assert_eq!(code(15, None), None);
        assert_eq!(code(15, parent), None);
        assert_eq!(code(40, None), None);
        assert_eq!(code(40, parent), Some(ErrorCode::CaretakerNotApplicable));
        assert_eq!(
            Caretaker::checked(Relationship::LegalGuardian, false)
                .unwrap_err()
                .code,
            ErrorCode::CaretakerIdentityUnchecked
        );
    }

    #[test]
    fn bad_band_lists_are_refused() {
        let band = |code: &str, from_age| AgeBand {
            code: code.into(),
            from_age,
            caretaker: CaretakerRule::None,
            validity_years: 5,
        };
        assert!(AgeBands::new(vec![]).is_err());
        assert!(AgeBands::new(vec![band("a", 18), band("b", 10)]).is_err());
        assert!(AgeBands::new(vec![band("a", 10), band("a", 18)]).is_err());
        assert!(AgeBands::new(vec![band("A", 10)]).is_err());
        assert!(AgeBands::new(vec![band("a", 0)]).is_err());
        assert!(AgeBands::new(vec![band("a", 10), band("b", 18)]).is_ok());
    }
}
