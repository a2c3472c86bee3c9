//! What the program counts for the city council, by day: each event as a metric and a
//! category. Nothing in a count names a resident, a card or a member of staff.

use super::card::IssueReason;
use crate::error::ErrorCode;

/// One counted event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counted {
    /// An application accepted (a resident enrolled), in the resident's age band.
    Application { age_band: String },
    /// A language the resident asked for (up to two per application).
    Language(String),
    /// A card issued, by reason.
    CardIssued(IssueReason),
    /// A card's fee: `none`, `paid` or `waived:<category>`.
    Fee(String),
    /// An application refused for what the program requires: the error code
    /// (`insufficient_proof`, `below_minimum_age`, `caretaker_required`).
    Denial(&'static str),
}

/// The refusals counted as denials: what the program requires was not met (a typo in a date is
/// not one).
pub const DENIAL_REASONS: [ErrorCode; 3] = [
    ErrorCode::InsufficientProof,
    ErrorCode::BelowMinimumAge,
    ErrorCode::CaretakerRequired,
];

impl Counted {
    pub fn metric(&self) -> &'static str {
        match self {
            Counted::Application { .. } => "application",
            Counted::Language(_) => "language",
            Counted::CardIssued(_) => "card_issued",
            Counted::Fee(_) => "fee",
            Counted::Denial(_) => "denial",
        }
    }

    pub fn category(&self) -> &str {
        match self {
            Counted::Application { age_band } => age_band,
            Counted::Language(tag) => tag,
            Counted::CardIssued(reason) => reason.as_str(),
            Counted::Fee(outcome) => outcome,
            Counted::Denial(code) => code,
        }
    }
}
