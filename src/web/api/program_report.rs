//! The council's program report (auditor, admin), as JSON, CSV or PDF, and its wire types:
//! converted field by field from `domain::program_report`, so they serialize exactly as the
//! signed domain report does.

use actix_web::{web, HttpRequest, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::reports::ReportSignature;
use crate::context::AppContext;
use crate::domain::program_report::{self as domain, Grouping};
use crate::domain::resident::parse_date;
use crate::domain::staff::Permission;
use crate::error::{ErrorCode, Internal};
use crate::render::pdf_pages::ReportLanguage;
use crate::render::{program_csv, program_pdf};
use crate::services::program_report::{self, ProgramReportError};
use crate::services::report;
use crate::web::auth::Staff;
use crate::web::ApiError;

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ProgramQuery {
    /// The first day of a month (YYYY-MM-DD), or the month (YYYY-MM).
    #[param(example = "2026-01")]
    pub from: String,
    /// The last day of a month (YYYY-MM-DD), or the month (YYYY-MM); at most 120 months in all.
    #[param(example = "2026-12")]
    pub to: String,
    /// Columns: `month`, `site` or `site,month`; absent, one column for the whole period.
    pub by: Option<String>,
    /// `json` (default), `csv` or `pdf`.
    #[param(pattern = "^(json|csv|pdf)$")]
    pub format: Option<String>,
}

/// A figure: a count, `<11` (a count from 1 to 10), or `withheld` (hidden so that no small
/// count can be worked out from the totals).
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum Shown {
    Count(u64),
    Text(String),
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProgramTable {
    /// `application`, `denial`, `card_issued`, `fee` or `language`.
    pub metric: String,
    pub title: String,
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
    pub total: Shown,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ProgramReport {
    pub report: String,
    pub jurisdiction: String,
    pub generated_at: DateTime<Utc>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by: Vec<String>,
    pub threshold: u64,
    pub tables: Vec<ProgramTable>,
    pub signature: Option<ReportSignature>,
}

impl From<domain::Shown> for Shown {
    fn from(shown: domain::Shown) -> Self {
        match shown {
            domain::Shown::Count(n) => Shown::Count(n),
            domain::Shown::Text(t) => Shown::Text(t),
        }
    }
}

fn shown_all(figures: Vec<domain::Shown>) -> Vec<Shown> {
    figures.into_iter().map(Shown::from).collect()
}

impl From<domain::ProgramTable> for ProgramTable {
    fn from(table: domain::ProgramTable) -> Self {
        let domain::ProgramTable {
            metric,
            title,
            rows,
            columns,
            cells,
            row_totals,
            column_totals,
            total,
        } = table;
        Self {
            metric,
            title,
            rows,
            columns,
            cells: cells.into_iter().map(shown_all).collect(),
            row_totals: shown_all(row_totals),
            column_totals: shown_all(column_totals),
            total: total.into(),
        }
    }
}

impl From<domain::ProgramReport> for ProgramReport {
    fn from(report: domain::ProgramReport) -> Self {
        let domain::ProgramReport {
            report,
            jurisdiction,
            generated_at,
            from,
            to,
            by,
            threshold,
            tables,
            signature,
        } = report;
        Self {
            report,
            jurisdiction,
            generated_at,
            from,
            to,
            by,
            threshold,
            tables: tables.into_iter().map(ProgramTable::from).collect(),
            signature: signature.map(ReportSignature::from),
        }
    }
}

impl From<ProgramReportError> for ApiError {
    fn from(e: ProgramReportError) -> Self {
        match e {
            ProgramReportError::Invalid(message) => {
                ApiError::unprocessable(ErrorCode::InvalidQuery, message)
            }
            ProgramReportError::Internal(cause) => ApiError::internal(cause),
        }
    }
}

/// A day, or a month (`YYYY-MM`, as a page's month field sends it): its first day, or with
/// `last` its last.
fn day_or_month(field: &'static str, raw: &str, last: bool) -> Result<NaiveDate, ApiError> {
    let first = (raw.len() == 7)
        .then(|| NaiveDate::parse_from_str(&format!("{raw}-01"), "%Y-%m-%d").ok())
        .flatten();
    match first {
        Some(first) if last => Ok(first
            .checked_add_months(chrono::Months::new(1))
            .and_then(|next| next.pred_opt())
            .unwrap_or(first)),
        Some(first) => Ok(first),
        None => parse_date(field, raw)
            .map_err(|e| ApiError::unprocessable(e.code, e.message).with("field", e.field)),
    }
}

/// The council's signed program report: counts by month (and site), small ones suppressed.
///
/// A PDF is written in the language of the pages (their language cookie, else
/// `Accept-Language`); the signed JSON it carries is the same in every language.
#[utoipa::path(get, path = "/api/v1/reports/program", tag = "retention", params(ProgramQuery),
    responses((status = 200, description = "The report: JSON, CSV or PDF as `format` asks", content((ProgramReport = "application/json"), (String = "text/csv"), (Vec<u8> = "application/pdf"))),
              (status = 400, description = "a missing or unknown query parameter"), (status = 403),
              (status = 422, description = "invalid_date, invalid_query (not whole months, too long, an unknown grouping), invalid_format")),
    security(("bearer" = [])))]
pub async fn program(
    req: HttpRequest,
    ctx: web::Data<AppContext>,
    staff: Staff,
    query: web::Query<ProgramQuery>,
) -> Result<HttpResponse, ApiError> {
    staff.require(Permission::Audit)?;
    let locale = crate::web::request_locale(&req);
    let ProgramQuery {
        from,
        to,
        by,
        format,
    } = query.into_inner();
    let period = (
        day_or_month("from", &from, false)?,
        day_or_month("to", &to, true)?,
    );
    let grouping = Grouping::parse(by.as_deref().unwrap_or(""))
        .map_err(|m| ApiError::unprocessable(ErrorCode::InvalidQuery, m).with("field", "by"))?;
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
        let built = program_report::build(&ctx, period, grouping)?;
        let mut written_in = None;
        let file = match wanted.as_str() {
            "pdf" => {
                let language = ReportLanguage::of(locale, ctx.card_renderer.typesetter());
                written_in = Some(language.code());
                program_pdf::render(&built, language)
                    .map_err(|e| Internal::new("program report PDF", e))?
            }
            "csv" => program_csv::to_csv(&built)?.into_bytes(),
            _ => return Ok((built, Vec::new(), None)),
        };
        let file = report::sign_file(&ctx.signing, file, wanted == "pdf")?;
        Ok((built, file, written_in))
    })
    .await??;
    let filename = format!("program-report-{}-{}.{format}", built.from, built.to);
    Ok(match format.as_str() {
        "pdf" | "csv" => super::reports::file_response((&format, written_in), &filename, file),
        _ => HttpResponse::Ok().json(ProgramReport::from(built)),
    })
}
