//! What the program counts for the city council, by day: each event as a metric and a
//! category. Nothing in a count names a resident, a card or a member of staff.

use super::card::IssueReason;

/// One counted event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counted {
    /// An application accepted (a resident enrolled), in the resident's age band.
    Application { age_band: String },
    /// A language the resident asked for (up to two per application).
    Language(String),
    /// A card issued, by reason.
    CardIssued(IssueReason),
    /// A card's fee: `none`, `paid:<class>` or `waived:<category>`.
    Fee(String),
}

impl Counted {
    pub fn metric(&self) -> &'static str {
        match self {
            Counted::Application { .. } => "application",
            Counted::Language(_) => "language",
            Counted::CardIssued(_) => "card_issued",
            Counted::Fee(_) => "fee",
        }
    }

    pub fn category(&self) -> &str {
        match self {
            Counted::Application { age_band } => age_band,
            Counted::Language(tag) => tag,
            Counted::CardIssued(reason) => reason.as_str(),
            Counted::Fee(outcome) => outcome,
        }
    }
}
