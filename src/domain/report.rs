//! The retention report as a document: per data class, the policy, what is held, the oldest,
//! what is overdue (the target is always zero) and what the last purges destroyed; the purge
//! runs; the audit chain; the key inventory; personal-data reads per staff member; verification
//! totals. No personal data anywhere in it. Signed (ES256) over its canonical JSON
//! (`RetentionReport::signed_bytes`); a CSV or PDF copy carries the signed JSON in one line
//! (`embedding`), so `muni-id report verify FILE` checks any of them.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::audit::ChainState;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClassReport {
    pub class: String,
    pub description: String,
    /// The rule, in words.
    pub policy: String,
    /// The longest any record of the class may be kept, in days, where the rule is a number.
    pub policy_days: Option<u32>,
    pub held: u64,
    /// When the oldest record held was created.
    pub oldest: Option<NaiveDate>,
    /// Records kept past their policy: should always be zero.
    pub overdue: u64,
    /// Records past their policy that a legal hold keeps (shown apart: not overdue).
    #[serde(default)]
    pub under_legal_hold: u64,
    /// Destroyed by the purges in the period.
    pub destroyed_in_period: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PurgeRunReport {
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub as_of: NaiveDate,
    pub trigger: String,
    pub outcome: String,
    pub residents_destroyed: i64,
    pub unissued_destroyed: i64,
    pub addresses_destroyed: i64,
    pub sessions_removed: i64,
    pub audit_entries_removed: i64,
    pub epochs_destroyed: Vec<String>,
    /// Pick-up cards revoked because nobody collected them in time (absent from reports made
    /// before cards were picked up).
    #[serde(default)]
    pub cards_uncollected: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditReport {
    #[serde(flatten)]
    pub chain: ChainState,
    /// When the whole chain was last walked (by a purge run), when the report walked only the
    /// entries after that walk. Absent when the report walked the whole chain itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_in_full_at: Option<DateTime<Utc>>,
    pub last_sealed_entry: Option<i64>,
    /// The latest seal of the chain (sealed when the report was made), also in the witness:
    /// `muni-id audit verify --report FILE` checks that the chain still holds it.
    #[serde(default)]
    pub latest_seal: Option<SealReference>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SealReference {
    pub seq: i64,
    pub entry_hash: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EpochReport {
    pub epoch: String,
    pub key_version: u32,
    /// Residents' data keys wrapped under this epoch's key.
    pub data_keys: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DestroyedEpochReport {
    pub epoch: String,
    pub destroyed_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyReport {
    /// Live epochs that protect at least one resident (empty future epochs are not listed).
    pub epochs: Vec<EpochReport>,
    pub empty_epochs_prepared: u64,
    pub destroyed: Vec<DestroyedEpochReport>,
    pub key_ring_backup_days: u32,
    /// W: data keys are wrapped at most this many months ahead.
    pub backup_window_months: u32,
    pub statement: String,
    pub signing_key_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffReads {
    pub username: String,
    pub role: String,
    pub personal_data_reads: u64,
}

/// A change to a staff account in the report's period, and who made it: the accounts that can
/// open residents' data, and how each came to be able to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffAccountChange {
    pub at: DateTime<Utc>,
    /// `created`, `password_reset`, `factors_reset`, `role_changed`, `disabled` or `enabled`.
    pub change: String,
    /// The account changed (its username).
    pub account: String,
    /// The admin who made the change (a username), `command line`, `first start`, or
    /// `single sign-on` (a role the identity provider's groups changed).
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerificationTotals {
    pub checks: u64,
    pub valid: u64,
    pub not_valid: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportSignature {
    pub alg: String,
    /// The signing key's id, hex (the JWKS `kid` is the same bytes in base64url).
    pub kid: String,
    /// ES256 r‖s, base64url, over the canonical JSON of the report without `signature`.
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RetentionReport {
    pub report: String,
    pub jurisdiction: String,
    pub generated_at: DateTime<Utc>,
    /// When the records held and the oldest of each class (but staff sessions and audit
    /// entries) and the data keys per epoch were counted, by a purge run, when not as the
    /// report was made (absent then, and from reports made before it was added). What is
    /// overdue is always counted as the report is made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_counted_at: Option<DateTime<Utc>>,
    pub as_of: NaiveDate,
    pub period_start: NaiveDate,
    pub classes: Vec<ClassReport>,
    pub purge_runs: Vec<PurgeRunReport>,
    pub audit: AuditReport,
    pub keys: KeyReport,
    pub staff_reads: Vec<StaffReads>,
    /// Absent from reports made before it was added (they still verify).
    #[serde(default)]
    pub staff_changes: Vec<StaffAccountChange>,
    pub verification: VerificationTotals,
    /// The legal holds in force on the day of the report. Absent from older reports.
    #[serde(default)]
    pub legal_holds: Vec<HoldReport>,
    pub signature: Option<ReportSignature>,
}

/// A legal hold in force, as the retention report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldReport {
    pub reference: String,
    /// `all`, `enrolled_between` or `site`.
    pub scope: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrolled_from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrolled_to: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    pub placed_at: DateTime<Utc>,
}

impl RetentionReport {
    /// The bytes the signature covers: the canonical JSON of the report without `signature`.
    pub fn signed_bytes(&self) -> Result<Vec<u8>, serde_json::Error> {
        Ok(signed_form(serde_json::to_value(self)?).into_bytes())
    }
}

/// The canonical JSON of a report read as JSON, without its `signature`: what a verifier checks
/// the signature against. An added, removed or changed field anywhere changes it.
pub fn signed_form(mut report: Value) -> String {
    if let Value::Object(map) = &mut report {
        map.remove("signature");
    }
    canonical_json(&report)
}

/// JSON with object keys sorted and no insignificant whitespace: the bytes that are signed.
pub fn canonical_json(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let fields: Vec<String> = keys
                .into_iter()
                .map(|k| format!("{}:{}", Value::String(k.clone()), canonical_json(&map[k])))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(canonical_json)
                .collect::<Vec<_>>()
                .join(",")
        ),
        other => other.to_string(),
    }
}

/// Where a CSV or PDF carries the signed JSON: one line `signed-report,<base64url JSON>`.
pub const EMBED_MARKER: &str = "signed-report,";

/// The signed JSON, for embedding in CSV or PDF.
pub fn embedding<T: Serialize>(report: &T) -> Result<String, serde_json::Error> {
    let json = serde_json::to_vec(report)?;
    Ok(format!("{EMBED_MARKER}{}", URL_SAFE_NO_PAD.encode(json)))
}

/// The report's JSON in `bytes`: the bytes themselves when they are JSON, else the line a CSV or
/// PDF embeds (`embedding`).
pub fn embedded_json(bytes: &[u8]) -> Option<Vec<u8>> {
    let trimmed = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| &bytes[i..])?;
    if trimmed.first() == Some(&b'{') {
        return Some(trimmed.to_vec());
    }
    let marker = EMBED_MARKER.as_bytes();
    let start = bytes.windows(marker.len()).position(|w| w == marker)? + marker.len();
    let end = bytes[start..]
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
        .map_or(bytes.len(), |i| start + i);
    URL_SAFE_NO_PAD.decode(&bytes[start..end]).ok()
}

#[cfg(test)]
fn sample_verification() -> VerificationTotals {
    VerificationTotals {
        checks: 10,
        valid: 7,
        not_valid: 3,
    }
}

#[cfg(test)]
fn sample_hold() -> HoldReport {
    HoldReport {
        reference: "CV-2026-0142".into(),
        scope: "enrolled_between".into(),
        enrolled_from: "2026-01-01".parse().ok(),
        enrolled_to: "2026-03-31".parse().ok(),
        site: Some("north-library".into()),
        placed_at: "2026-12-01T09:30:00Z".parse().unwrap(),
    }
}

#[cfg(test)]
fn sample_audit() -> AuditReport {
    AuditReport {
        chain: ChainState {
            entries: 14,
            intact: false,
            first_bad_entry: Some(9),
            witnessed_seals: 2,
            witness_ok: false,
        },
        checked_in_full_at: Some("2027-01-05T11:00:00Z".parse().unwrap()),
        last_sealed_entry: Some(14),
        latest_seal: Some(SealReference {
            seq: 14,
            entry_hash: "ab".repeat(32),
        }),
    }
}

/// A report with every field filled (every option set, every list non-empty), for tests.
#[cfg(test)]
pub(crate) fn sample() -> RetentionReport {
    let day = |d: &str| d.parse::<NaiveDate>().unwrap();
    let time = |t: &str| t.parse::<DateTime<Utc>>().unwrap();
    RetentionReport {
        report: "muni-id retention report v1".into(),
        jurisdiction: "City of \"Springfield\", Åre — test".into(),
        generated_at: time("2027-01-05T12:00:00Z"),
        held_counted_at: Some(time("2027-01-05T11:00:00Z")),
        as_of: day("2027-01-05"),
        period_start: day("2026-12-06"),
        classes: vec![ClassReport {
            class: "card_face".into(),
            description: "Card faces".into(),
            policy: "until the last card expired + 180 days".into(),
            policy_days: Some(2010),
            held: 12,
            oldest: Some(day("2021-01-05")),
            overdue: 1,
            under_legal_hold: 2,
            destroyed_in_period: 3,
        }],
        purge_runs: vec![PurgeRunReport {
            started_at: time("2027-01-01T03:00:00Z"),
            finished_at: Some(time("2027-01-01T03:01:00.250Z")),
            as_of: day("2027-01-01"),
            trigger: "schedule".into(),
            outcome: "completed".into(),
            residents_destroyed: 2,
            unissued_destroyed: 1,
            addresses_destroyed: 2,
            cards_uncollected: 1,
            sessions_removed: 3,
            audit_entries_removed: 4,
            epochs_destroyed: vec!["2026-11".into(), "2026-12".into()],
        }],
        audit: sample_audit(),
        keys: KeyReport {
            epochs: vec![EpochReport {
                epoch: "2027-03".into(),
                key_version: 1,
                data_keys: 5,
            }],
            empty_epochs_prepared: 2,
            destroyed: vec![DestroyedEpochReport {
                epoch: "2026-11".into(),
                destroyed_at: time("2027-01-05T12:00:00Z"),
            }],
            key_ring_backup_days: 7,
            backup_window_months: 2,
            statement: "Copies become unreadable.".into(),
            signing_key_id: "00112233aabbccdd".into(),
        },
        staff_reads: vec![StaffReads {
            username: "clerk.one".into(),
            role: "clerk".into(),
            personal_data_reads: 3,
        }],
        staff_changes: sample_staff_changes(),
        verification: sample_verification(),
        legal_holds: vec![sample_hold()],
        signature: Some(ReportSignature {
            alg: "ES256".into(),
            kid: "00112233aabbccdd".into(),
            value: "abc_DEF-123".into(),
        }),
    }
}

#[cfg(test)]
fn sample_staff_changes() -> Vec<StaffAccountChange> {
    vec![StaffAccountChange {
        at: "2027-01-04T09:30:00Z".parse().unwrap(),
        change: "created".into(),
        account: "clerk.one".into(),
        by: "admin".into(),
    }]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_embedded_report_reads_back_from_the_text_around_it() {
        let report = sample();
        let text = format!("a,b\n{}\n%%EOF\n", embedding(&report).unwrap());
        let json = embedded_json(text.as_bytes()).unwrap();
        assert_eq!(
            serde_json::from_slice::<RetentionReport>(&json).unwrap(),
            report
        );
        assert_eq!(embedded_json(b"  {\"a\":1}").unwrap(), b"{\"a\":1}");
        assert_eq!(embedded_json(b"no report here"), None);
    }

    #[test]
    fn the_signed_bytes_leave_the_signature_out() {
        let mut report = sample();
        let signed = report.signed_bytes().unwrap();
        report.signature = None;
        assert_eq!(report.signed_bytes().unwrap(), signed);
        assert!(!String::from_utf8(signed).unwrap().contains("signature"));
    }

    #[test]
    fn canonical_json_sorts_keys_at_every_level() {
        let value: Value =
            serde_json::from_str(r#"{"b":1,"a":{"d":[{"z":1,"y":2}],"c":"x"}}"#).unwrap();
        assert_eq!(
            canonical_json(&value),
            r#"{"a":{"c":"x","d":[{"y":2,"z":1}]},"b":1}"#
        );
    }
}
