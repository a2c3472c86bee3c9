//! What a walk of the audit chain found: how many entries, whether the chain is whole, and where
//! it first breaks.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainState {
    pub entries: i64,
    /// The chain is whole: every entry links to the one before, the head and every seal
    /// match, and nothing the witness saw is missing or different.
    pub intact: bool,
    pub first_bad_entry: Option<i64>,
    /// Seals in the witness file (kept outside the database, beside the keys).
    #[serde(default)]
    pub witnessed_seals: u64,
    /// Every witnessed seal after the chain's start is in the database as witnessed, and the
    /// chain's start is not past the last one the witness saw.
    #[serde(default = "yes")]
    pub witness_ok: bool,
}

fn yes() -> bool {
    true
}
