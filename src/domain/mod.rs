//! The rules of the program as plain types: no HTTP, no SQL, no clock reads.

pub mod age_bands;
pub mod audit;
pub mod card;
pub mod delivery;
pub mod disclosure;
pub mod documents;
pub mod fees;
pub mod import_mapping;
pub mod import_report;
pub mod legal_holds;
pub mod names;
pub mod program_counts;
pub mod program_report;
pub mod report;
pub mod resident;
pub mod sign_on;
pub mod sites;
pub mod staff;

use crate::error::ErrorCode;

/// A value a person entered that breaks a rule: which field, a stable code, and a message
/// that never repeats the value (it may be personal data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub code: ErrorCode,
    pub message: String,
    /// Where in the value the problem is: a 1-based character position, when there is one.
    pub position: Option<usize>,
    /// The writing system the problem is about (a script the card cannot print), by its
    /// Unicode name.
    pub script: Option<&'static str>,
}

impl FieldError {
    pub fn new(field: &'static str, code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            field,
            code,
            message: message.into(),
            position: None,
            script: None,
        }
    }

    pub fn at(mut self, position: usize) -> Self {
        self.position = Some(position);
        self
    }

    pub fn in_script(mut self, script: &'static str) -> Self {
        self.script = Some(script);
        self
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for FieldError {}
