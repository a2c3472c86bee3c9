//! The retention report (auditor, admin), as JSON, CSV or PDF, and the report's wire types: the
//! JSON the API answers and its OpenAPI schema, converted field by field from
//! `domain::report`. The signature covers the domain report's canonical JSON, so the wire types
//! serialize exactly as the domain's do: the same fields, names, order and formats.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::context::AppContext;
use crate::domain::report as domain;
use crate::domain::resident::parse_date;
use crate::domain::staff::Permission;
use crate::error::{ErrorCode, Internal};
use crate::render::pdf_pages::ReportLanguage;
use crate::render::{report_csv, report_pdf};
use crate::services::report;
use crate::web::api::audit::ChainState;
use crate::web::auth::Staff;
use crate::web::ApiError;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ReportQuery {
    /// `json` (default), `csv` or `pdf`.
    #[param(pattern = "^(json|csv|pdf)$")]
    pub format: Option<String>,
    /// The day the report is as of (YYYY-MM-DD); default today.
    #[param(format = Date)]
    pub as_of: Option<String>,
}

/// The signed retention report. No personal data in any format.
///
/// A PDF is written in the language of the pages (their language cookie, else
/// `Accept-Language`); the signed JSON it carries is the same in every language.
#[utoipa::path(get, path = "/api/v1/reports/retention", tag = "retention", params(ReportQuery),
    responses((status = 200, description = "The report: JSON, CSV or PDF as `format` asks", content((RetentionReport = "application/json"), (String = "text/csv"), (Vec<u8> = "application/pdf"))), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn retention(
    req: HttpRequest,
    ctx: web::Data<AppContext>,
    staff: Staff,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
    let locale = crate::web::request_locale(&req);
    staff.require(Permission::Audit)?;
    let ReportQuery { format, as_of } = query.into_inner();
    let as_of: Option<NaiveDate> = as_of
        .map(|raw| parse_date("as_of", &raw))
        .transpose()
        .map_err(|e| ApiError::unprocessable(e.code, e.message).with("field", e.field))?;
    let format = format.unwrap_or_else(|| "json".into());
    if !matches!(format.as_str(), "json" | "csv" | "pdf") {
        return Err(ApiError::unprocessable(
            ErrorCode::InvalidFormat,
            "format is json, csv or pdf",
        )
        .with("field", "format"));
    }
    let wanted = format.clone();
    let (built, file, written_in) = crate::web::blocking(move || -> Result<_, ApiError> {
        let built = report::build(
            &ctx,
            as_of.unwrap_or_else(|| ctx.clock.today()),
            report::Counting::LastCensus,
        )?;
        let mut written_in = None;
        let file = match wanted.as_str() {
            "pdf" => {
                let language = ReportLanguage::of(locale, ctx.card_renderer.typesetter());
                written_in = Some(language.code());
                report_pdf::render(&built, language, &ctx.config)
                    .map_err(|e| Internal::new("report PDF", e))?
            }
            "csv" => report_csv::to_csv(&built)?.into_bytes(),
            _ => return Ok((built, Vec::new(), None)),
        };
        let file = report::sign_file(&ctx.signing, file, wanted == "pdf")?;
        Ok((built, file, written_in))
    })
    .await??;
    let filename = format!("retention-report-{}.{format}", built.as_of);
    Ok(match format.as_str() {
        "pdf" | "csv" => file_response((&format, written_in), &filename, file),
        _ => HttpResponse::Ok().json(RetentionReport::from(built)),
    })
}

/// A signed report file (`pdf` or `csv`) as a download named `filename`; a PDF says the
/// language it is written in (the one asked for, or English when the fonts lack its script).
pub(super) fn file_response(
    (format, language): (&str, Option<&str>),
    filename: &str,
    file: Vec<u8>,
) -> HttpResponse {
    let content_type = if format == "pdf" {
        "application/pdf"
    } else {
        "text/csv; charset=utf-8"
    };
    let mut response = HttpResponse::Ok();
    response.insert_header((header::CONTENT_TYPE, content_type));
    if let Some(language) = language {
        response
            .insert_header((header::CONTENT_LANGUAGE, language))
            .insert_header((header::VARY, "Cookie, Accept-Language"));
    }
    response
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{filename}\""),
        ))
        .body(file)
}

#[derive(Debug, Serialize, ToSchema)]
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
    pub under_legal_hold: u64,
    /// Destroyed by the purges in the period.
    pub destroyed_in_period: u64,
}

impl From<domain::ClassReport> for ClassReport {
    fn from(class: domain::ClassReport) -> Self {
        let domain::ClassReport {
            class,
            description,
            policy,
            policy_days,
            held,
            oldest,
            overdue,
            under_legal_hold,
            destroyed_in_period,
        } = class;
        Self {
            class,
            description,
            policy,
            policy_days,
            held,
            oldest,
            overdue,
            under_legal_hold,
            destroyed_in_period,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
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
    /// Pick-up cards revoked because nobody collected them in time.
    pub cards_uncollected: i64,
}

impl From<domain::PurgeRunReport> for PurgeRunReport {
    fn from(run: domain::PurgeRunReport) -> Self {
        let domain::PurgeRunReport {
            started_at,
            finished_at,
            as_of,
            trigger,
            outcome,
            residents_destroyed,
            unissued_destroyed,
            addresses_destroyed,
            sessions_removed,
            audit_entries_removed,
            epochs_destroyed,
            cards_uncollected,
        } = run;
        Self {
            started_at,
            finished_at,
            as_of,
            trigger,
            outcome,
            residents_destroyed,
            unissued_destroyed,
            addresses_destroyed,
            sessions_removed,
            audit_entries_removed,
            epochs_destroyed,
            cards_uncollected,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AuditReport {
    #[serde(flatten)]
    pub chain: ChainState,
    /// When the whole chain was last walked (by a purge run), when the report walked only the
    /// entries after that walk; absent when the report walked the whole chain itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked_in_full_at: Option<DateTime<Utc>>,
    pub last_sealed_entry: Option<i64>,
    /// The latest seal of the chain (sealed when the report was made), also in the witness:
    /// `muni-id audit verify --report FILE` checks that the chain still holds it.
    pub latest_seal: Option<SealReference>,
}

impl From<domain::AuditReport> for AuditReport {
    fn from(audit: domain::AuditReport) -> Self {
        let domain::AuditReport {
            chain,
            checked_in_full_at,
            last_sealed_entry,
            latest_seal,
        } = audit;
        Self {
            chain: chain.into(),
            checked_in_full_at,
            last_sealed_entry,
            latest_seal: latest_seal.map(Into::into),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SealReference {
    pub seq: i64,
    pub entry_hash: String,
}

impl From<domain::SealReference> for SealReference {
    fn from(seal: domain::SealReference) -> Self {
        let domain::SealReference { seq, entry_hash } = seal;
        Self { seq, entry_hash }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EpochReport {
    pub epoch: String,
    pub key_version: u32,
    /// Residents' data keys wrapped under this epoch's key.
    pub data_keys: u64,
}

impl From<domain::EpochReport> for EpochReport {
    fn from(epoch: domain::EpochReport) -> Self {
        let domain::EpochReport {
            epoch,
            key_version,
            data_keys,
        } = epoch;
        Self {
            epoch,
            key_version,
            data_keys,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct DestroyedEpochReport {
    pub epoch: String,
    pub destroyed_at: DateTime<Utc>,
}

impl From<domain::DestroyedEpochReport> for DestroyedEpochReport {
    fn from(destroyed: domain::DestroyedEpochReport) -> Self {
        let domain::DestroyedEpochReport {
            epoch,
            destroyed_at,
        } = destroyed;
        Self {
            epoch,
            destroyed_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
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

impl From<domain::KeyReport> for KeyReport {
    fn from(keys: domain::KeyReport) -> Self {
        let domain::KeyReport {
            epochs,
            empty_epochs_prepared,
            destroyed,
            key_ring_backup_days,
            backup_window_months,
            statement,
            signing_key_id,
        } = keys;
        Self {
            epochs: epochs.into_iter().map(Into::into).collect(),
            empty_epochs_prepared,
            destroyed: destroyed.into_iter().map(Into::into).collect(),
            key_ring_backup_days,
            backup_window_months,
            statement,
            signing_key_id,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StaffReads {
    pub username: String,
    pub role: String,
    pub personal_data_reads: u64,
}

impl From<domain::StaffReads> for StaffReads {
    fn from(reads: domain::StaffReads) -> Self {
        let domain::StaffReads {
            username,
            role,
            personal_data_reads,
        } = reads;
        Self {
            username,
            role,
            personal_data_reads,
        }
    }
}

/// A change to a staff account in the period, and who made it.
#[derive(Debug, Serialize, ToSchema)]
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

impl From<domain::StaffAccountChange> for StaffAccountChange {
    fn from(change: domain::StaffAccountChange) -> Self {
        let domain::StaffAccountChange {
            at,
            change,
            account,
            by,
        } = change;
        Self {
            at,
            change,
            account,
            by,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct VerificationTotals {
    pub checks: u64,
    pub valid: u64,
    pub not_valid: u64,
}

impl From<domain::VerificationTotals> for VerificationTotals {
    fn from(totals: domain::VerificationTotals) -> Self {
        let domain::VerificationTotals {
            checks,
            valid,
            not_valid,
        } = totals;
        Self {
            checks,
            valid,
            not_valid,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ReportSignature {
    pub alg: String,
    /// The signing key's id, hex (the JWKS `kid` is the same bytes in base64url).
    pub kid: String,
    /// ES256 r‖s, base64url, over the canonical JSON of the report without `signature`.
    pub value: String,
}

impl From<domain::ReportSignature> for ReportSignature {
    fn from(signature: domain::ReportSignature) -> Self {
        let domain::ReportSignature { alg, kid, value } = signature;
        Self { alg, kid, value }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RetentionReport {
    pub report: String,
    pub jurisdiction: String,
    pub generated_at: DateTime<Utc>,
    /// When the records held and the oldest of each class (but staff sessions and audit
    /// entries) and the data keys per epoch were counted, by the last purge run; absent when
    /// they were counted as the report was made. What is overdue is always counted as the
    /// report is made.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_counted_at: Option<DateTime<Utc>>,
    pub as_of: NaiveDate,
    pub period_start: NaiveDate,
    pub classes: Vec<ClassReport>,
    pub purge_runs: Vec<PurgeRunReport>,
    pub audit: AuditReport,
    pub keys: KeyReport,
    pub staff_reads: Vec<StaffReads>,
    pub staff_changes: Vec<StaffAccountChange>,
    pub verification: VerificationTotals,
    /// The legal holds in force on the day of the report.
    pub legal_holds: Vec<HoldReport>,
    pub signature: Option<ReportSignature>,
}

/// A legal hold in force: its reference, its scope (`all`, `enrolled_between` with the days,
/// `site` with its code) and when it was placed.
#[derive(Debug, Serialize, ToSchema)]
pub struct HoldReport {
    pub reference: String,
    pub scope: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrolled_from: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrolled_to: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    pub placed_at: DateTime<Utc>,
}

impl From<domain::HoldReport> for HoldReport {
    fn from(hold: domain::HoldReport) -> Self {
        let domain::HoldReport {
            reference,
            scope,
            enrolled_from,
            enrolled_to,
            site,
            placed_at,
        } = hold;
        Self {
            reference,
            scope,
            enrolled_from,
            enrolled_to,
            site,
            placed_at,
        }
    }
}

impl From<domain::RetentionReport> for RetentionReport {
    fn from(report: domain::RetentionReport) -> Self {
        let domain::RetentionReport {
            report,
            jurisdiction,
            generated_at,
            held_counted_at,
            as_of,
            period_start,
            classes,
            purge_runs,
            audit,
            keys,
            staff_reads,
            staff_changes,
            verification,
            legal_holds,
            signature,
        } = report;
        Self {
            report,
            jurisdiction,
            generated_at,
            held_counted_at,
            as_of,
            period_start,
            classes: classes.into_iter().map(Into::into).collect(),
            purge_runs: purge_runs.into_iter().map(Into::into).collect(),
            audit: audit.into(),
            keys: keys.into(),
            staff_reads: staff_reads.into_iter().map(Into::into).collect(),
            staff_changes: staff_changes.into_iter().map(Into::into).collect(),
            verification: verification.into(),
            legal_holds: legal_holds.into_iter().map(Into::into).collect(),
            signature: signature.map(Into::into),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The API's JSON is the domain report's JSON byte for byte, so an API report verifies
    /// against the signature made over the domain report.
    #[test]
    fn the_wire_report_serializes_as_the_domain_report() {
        let report = domain::sample();
        let wire = RetentionReport::from(report.clone());
        assert_eq!(
            serde_json::to_string(&wire).unwrap(),
            serde_json::to_string(&report).unwrap()
        );
    }
}
