//! The signed report of an import of an old system's export: counts, the refused rows'
//! numbers by reason, and the columns dropped unread. Nothing of any resident: no name, no
//! date, no value from the file — a row is named only by its number.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::report::ReportSignature;

pub const REPORT_KIND: &str = "muni-id import report v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportReport {
    pub report: String,
    pub jurisdiction: String,
    pub generated_at: DateTime<Utc>,
    /// The export and the mapping, by their SHA-256: what was imported, without its contents.
    pub file_sha256: String,
    pub mapping_sha256: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// How many times the import was started (more than one when it was resumed).
    pub sittings: u32,
    /// Data rows in the file (the header excluded).
    pub rows: u64,
    pub imported: u64,
    /// Rows whose legal name and date of birth a resident already has (imported before, or
    /// twice in the file): not imported again.
    pub duplicates: u64,
    /// Their row numbers: two people may share a name and a date of birth, so each is worth a
    /// look at the counter.
    pub duplicate_rows: Vec<u64>,
    /// Active cards of the old system reissued with a new number and token.
    pub cards_issued: u64,
    /// Refused rows by reason (an error code): how many, and their numbers (the line a row
    /// starts on in the file, the header being line 1: a spreadsheet's row number when no
    /// cell spans lines).
    pub refused: BTreeMap<String, RefusedRows>,
    /// The fields filled, and the export's columns dropped unread.
    pub fields: Vec<String>,
    pub dropped_columns: Vec<String>,
    pub signature: Option<ReportSignature>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefusedRows {
    pub count: u64,
    pub rows: Vec<u64>,
}

impl ImportReport {
    /// The bytes that are signed: the report's canonical JSON without its signature.
    pub fn signed_bytes(&self) -> Result<Vec<u8>, serde_json::Error> {
        Ok(super::report::signed_form(serde_json::to_value(self)?).into_bytes())
    }

    /// Every row refused, whatever the reason.
    pub fn refused_total(&self) -> u64 {
        self.refused.values().map(|r| r.count).sum()
    }
}
