//! The council's program report: the daily counts over a period, by site and month, small
//! figures suppressed (`domain::program_report`), signed like the retention report.

use chrono::NaiveDate;

use super::report::{check_file, check_signature, signature_over, ReportCheckError};
use crate::context::AppContext;
use crate::crypto::signing::SigningKeys;
use crate::db::program_counts;
use crate::domain::card::IssueReason;
use crate::domain::program_counts::DENIAL_REASONS;
use crate::domain::program_report::{
    self, check_period, Counted, Grouping, Measure, ProgramReport, REPORT_KIND,
};
use crate::domain::report::embedded_json;
use crate::error::Internal;

#[derive(Debug, thiserror::Error)]
pub enum ProgramReportError {
    /// The period or grouping asked for is not one a report can cover.
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Internal(#[from] Internal),
}

/// The measures, each with the categories listed even when nothing was counted.
fn measures(ctx: &AppContext) -> Vec<Measure> {
    let mut fee_rows = vec!["paid".to_owned()];
    fee_rows.extend(ctx.fees.waivers().iter().map(|w| format!("waived:{w}")));
    fee_rows.push("none".into());
    vec![
        Measure {
            metric: "application",
            title: "Applications accepted, by age band",
            listed: ctx.age_bands.all().iter().map(|b| b.code.clone()).collect(),
        },
        Measure {
            metric: "denial",
            title: "Applications refused, by reason",
            listed: DENIAL_REASONS
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
        },
        Measure {
            metric: "card_issued",
            title: "Cards issued, by reason",
            listed: IssueReason::ALL
                .iter()
                .map(|r| r.as_str().to_owned())
                .collect(),
        },
        Measure {
            metric: "fee",
            title: "Card fees: paid, or waived by category",
            listed: fee_rows,
        },
        Measure {
            metric: "language",
            title: "Languages residents asked for",
            listed: Vec::new(),
        },
    ]
}

/// The signed program report over `from..=to`, columns by `grouping`.
pub fn build(
    ctx: &AppContext,
    (from, to): (NaiveDate, NaiveDate),
    grouping: Grouping,
) -> Result<ProgramReport, ProgramReportError> {
    check_period(from, to, ctx.clock.today()).map_err(ProgramReportError::Invalid)?;
    let mut conn = ctx.db()?;
    let stored = program_counts::between(&mut conn, from, to).map_err(Internal::from)?;
    let counts: Vec<Counted<'_>> = stored
        .iter()
        .map(|c| Counted {
            month: c.month,
            site: &c.site,
            metric: &c.metric,
            category: &c.category,
            count: u64::try_from(c.count).unwrap_or(0),
        })
        .collect();
    let threshold = ctx.config.reports.small_cell_threshold;
    let tables = program_report::tables(&measures(ctx), &counts, grouping, (from, to), threshold)
        .map_err(|e| Internal::new("program report", anyhow::anyhow!(e)))?;
    let mut report = ProgramReport {
        report: REPORT_KIND.into(),
        jurisdiction: ctx.config.jurisdiction.clone(),
        generated_at: ctx.clock.now(),
        from,
        to,
        by: grouping.names(),
        threshold,
        tables,
        signature: None,
    };
    let message = report
        .signed_bytes()
        .map_err(|e| Internal::new("program report", e))?;
    report.signature = Some(signature_over(&ctx.signing, &message)?);
    Ok(report)
}

/// Whether `text` (JSON, or a CSV or PDF that embeds it) says it is a program report, signed
/// or not: which check `report verify` runs, so that its refusal names the right fault.
pub fn is_program_report(text: &[u8]) -> bool {
    embedded_json(text)
        .and_then(|json| serde_json::from_slice::<serde_json::Value>(&json).ok())
        .is_some_and(|value| value["report"] == REPORT_KIND)
}

/// Checks a program report's signature. `text` is the JSON, or a CSV or PDF that embeds it.
pub fn verify(keys: &SigningKeys, text: &[u8]) -> Result<ProgramReport, ReportCheckError> {
    let json = embedded_json(text).ok_or(ReportCheckError::NotAReport)?;
    let report: ProgramReport =
        serde_json::from_slice(&json).map_err(|_| ReportCheckError::NotAReport)?;
    if report.report != REPORT_KIND {
        return Err(ReportCheckError::NotAReport);
    }
    check_signature(keys, &json, report.signature.clone())?;
    check_file(keys, text)?;
    Ok(report)
}
