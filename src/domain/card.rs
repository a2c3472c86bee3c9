//! Cards: the random card number with its check digit, why a card is issued or revoked, and
//! how long it is valid.

use chrono::{Datelike, Days, NaiveDate};
use rand::Rng;
use serde::{Deserialize, Serialize};

/// The Damm algorithm's quasigroup: catches every single-digit error and every swap of
/// neighbouring digits.
const DAMM: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

fn damm_interim(digits: impl Iterator<Item = u8>) -> u8 {
    digits.fold(0, |interim, d| DAMM[usize::from(interim)][usize::from(d)])
}

const CARD_NUMBER_DIGITS: usize = 12;

/// A card number: 11 random digits and a Damm check digit. Random, never sequential, so the
/// number reveals nothing about when or in what order anyone enrolled.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardNumber(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CardNumberError {
    #[error("a card number has 12 digits")]
    Malformed,
    #[error("the card number's check digit does not match: a digit is mistyped")]
    CheckDigit,
}

impl CardNumber {
    pub fn generate(rng: &mut impl Rng) -> Self {
        let mut digits: Vec<u8> = Vec::with_capacity(CARD_NUMBER_DIGITS);
        digits.push(rng.gen_range(1..=9));
        digits.extend((1..CARD_NUMBER_DIGITS - 1).map(|_| rng.gen_range(0..=9)));
        let check = damm_interim(digits.iter().copied());
        digits.push(check);
        Self(digits.iter().map(|d| char::from(b'0' + d)).collect())
    }

    /// Accepts the number with or without spaces or dashes, as printed or typed.
    pub fn parse(raw: &str) -> Result<Self, CardNumberError> {
        let compact: String = raw.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        if compact.len() != CARD_NUMBER_DIGITS || !compact.bytes().all(|b| b.is_ascii_digit()) {
            return Err(CardNumberError::Malformed);
        }
        if damm_interim(compact.bytes().map(|b| b - b'0')) != 0 {
            return Err(CardNumberError::CheckDigit);
        }
        Ok(Self(compact))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Grouped for print: `4716 0392 8851`.
    pub fn grouped(&self) -> String {
        let s = &self.0;
        format!("{} {} {}", &s[0..4], &s[4..8], &s[8..12])
    }
}

impl std::fmt::Display for CardNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// When a card may be renewed: from some days before its expiry to some days after it.
/// Outside it, a resident applies again (a new card, the documents checked again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenewalWindow {
    pub opens_days_before: u32,
    pub closes_days_after: u32,
}

impl RenewalWindow {
    /// Whether a card that expires on `expires_on` may be renewed on `today`.
    pub fn allows(&self, expires_on: NaiveDate, today: NaiveDate) -> bool {
        let opens = expires_on - Days::new(u64::from(self.opens_days_before));
        let closes = expires_on + Days::new(u64::from(self.closes_days_after));
        opens <= today && today <= closes
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueReason {
    New,
    Renewal,
    ReplacementLost,
    ReplacementStolen,
    ReplacementDamaged,
    /// A card mailed to the resident that never arrived: revoked as lost (someone else may
    /// hold it).
    ReplacementNeverReceived,
    Update,
}

impl IssueReason {
    /// Every reason, in the order a clerk is offered them.
    pub const ALL: [IssueReason; 7] = [
        IssueReason::New,
        IssueReason::Renewal,
        IssueReason::ReplacementLost,
        IssueReason::ReplacementStolen,
        IssueReason::ReplacementDamaged,
        IssueReason::ReplacementNeverReceived,
        IssueReason::Update,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            IssueReason::New => "new",
            IssueReason::Renewal => "renewal",
            IssueReason::ReplacementLost => "replacement_lost",
            IssueReason::ReplacementStolen => "replacement_stolen",
            IssueReason::ReplacementDamaged => "replacement_damaged",
            IssueReason::ReplacementNeverReceived => "replacement_never_received",
            IssueReason::Update => "update",
        }
    }

    /// Why the card this one replaces is revoked.
    pub fn revokes_previous_as(self) -> RevokeReason {
        match self {
            IssueReason::ReplacementLost | IssueReason::ReplacementNeverReceived => {
                RevokeReason::Lost
            }
            IssueReason::ReplacementStolen => RevokeReason::Stolen,
            IssueReason::ReplacementDamaged => RevokeReason::Damaged,
            IssueReason::New | IssueReason::Renewal | IssueReason::Update => {
                RevokeReason::Superseded
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RevokeReason {
    Lost,
    Stolen,
    Damaged,
    IssuedInError,
    /// A newer card replaced it (renewal, update). Not accepted from clients.
    #[serde(skip_deserializing)]
    Superseded,
    /// A pick-up card nobody collected by its day (the purge revokes it). Not accepted from
    /// clients.
    #[serde(skip_deserializing)]
    Uncollected,
}

impl RevokeReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RevokeReason::Lost => "lost",
            RevokeReason::Stolen => "stolen",
            RevokeReason::Damaged => "damaged",
            RevokeReason::IssuedInError => "issued_in_error",
            RevokeReason::Superseded => "superseded",
            RevokeReason::Uncollected => crate::domain::delivery::UNCOLLECTED,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    Active,
    Revoked,
    Expired,
}

impl CardStatus {
    pub fn as_stored(self) -> &'static str {
        match self {
            CardStatus::Active => "active",
            CardStatus::Revoked => "revoked",
            CardStatus::Expired => "expired",
        }
    }

    /// The status a stored card has on `today`: an active card past its expiry is expired.
    pub fn on(stored: &str, expires_on: NaiveDate, today: NaiveDate) -> Self {
        match stored {
            "revoked" => CardStatus::Revoked,
            _ if today > expires_on => CardStatus::Expired,
            _ => CardStatus::Active,
        }
    }
}

/// Seconds since the epoch at the end of a day (UTC): a card is valid through its last day.
pub fn end_of_day_timestamp(day: NaiveDate) -> i64 {
    day.and_hms_opt(23, 59, 59)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or_else(|| i64::from(day.year()) * 31_556_952)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_renewal_is_open_from_before_expiry_to_after_it() {
        let window = RenewalWindow {
            opens_days_before: 60,
            closes_days_after: 183,
        };
        let expires = NaiveDate::from_ymd_opt(2027, 6, 30).unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(!window.allows(expires, day(2027, 4, 30)), "61 days before");
        assert!(window.allows(expires, day(2027, 5, 1)), "60 days before");
        assert!(window.allows(expires, expires));
        assert!(window.allows(expires, day(2027, 12, 30)), "183 days after");
        assert!(!window.allows(expires, day(2027, 12, 31)), "184 days after");
    }

    #[test]
    fn every_issue_reason_is_offered_once_under_its_wire_name() {
        // A new variant fails to compile here until it has a place in `ALL`.
        let place = |r: IssueReason| match r {
            IssueReason::New => 0,
            IssueReason::Renewal => 1,
            IssueReason::ReplacementLost => 2,
            IssueReason::ReplacementStolen => 3,
            IssueReason::ReplacementDamaged => 4,
            IssueReason::ReplacementNeverReceived => 5,
            IssueReason::Update => 6,
        };
        for (i, reason) in IssueReason::ALL.into_iter().enumerate() {
            assert_eq!(place(reason), i);
            let wire = serde_json::to_value(reason).unwrap();
            assert_eq!(wire, reason.as_str());
        }
    }

    #[test]
    fn generated_numbers_parse_and_are_not_sequential() {
        let mut rng = rand::thread_rng();
        let a = CardNumber::generate(&mut rng);
        let b = CardNumber::generate(&mut rng);
        assert_ne!(a, b);
        assert_eq!(CardNumber::parse(a.as_str()).unwrap(), a);
        assert_eq!(CardNumber::parse(&a.grouped()).unwrap(), a);
        assert!(!a.as_str().starts_with('0'));
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for bad in ["", "12345", "abcdefghijkl", "1234567890123"] {
            assert_eq!(
                CardNumber::parse(bad),
                Err(CardNumberError::Malformed),
                "{bad}"
            );
        }
    }

    proptest! {
        #[test]
        fn every_single_digit_error_is_caught(seed in any::<u64>(), pos in 0usize..12, delta in 1u8..10) {
            use rand::SeedableRng;
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let good = CardNumber::generate(&mut rng);
            let mut digits: Vec<u8> = good.as_str().bytes().map(|b| b - b'0').collect();
            digits[pos] = (digits[pos] + delta) % 10;
            let typo: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
            prop_assert!(CardNumber::parse(&typo).is_err());
        }

        #[test]
        fn every_swap_of_neighbours_is_caught(seed in any::<u64>(), pos in 0usize..11) {
            use rand::SeedableRng;
            let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
            let good = CardNumber::generate(&mut rng);
            let mut digits: Vec<u8> = good.as_str().bytes().collect();
            prop_assume!(digits[pos] != digits[pos + 1]);
            digits.swap(pos, pos + 1);
            let swapped = String::from_utf8(digits).unwrap();
            prop_assert!(CardNumber::parse(&swapped).is_err());
        }
    }

    #[test]
    fn status_follows_expiry() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 1, d).unwrap();
        assert_eq!(
            CardStatus::on("active", day(10), day(10)),
            CardStatus::Active
        );
        assert_eq!(
            CardStatus::on("active", day(10), day(11)),
            CardStatus::Expired
        );
        assert_eq!(
            CardStatus::on("revoked", day(10), day(1)),
            CardStatus::Revoked
        );
    }
}
