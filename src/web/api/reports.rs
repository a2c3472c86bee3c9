//! The retention report (auditor, admin), as JSON, CSV or PDF.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::context::AppContext;
use crate::domain::resident::parse_date;
use crate::domain::staff::Permission;
use crate::error::ErrorCode;
use crate::services::report::{self, RetentionReport};
use crate::web::auth::Staff;
use crate::web::ApiError;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct ReportQuery {
    /// `json` (default), `csv` or `pdf`.
    pub format: Option<String>,
    /// The day the report is as of (YYYY-MM-DD); default today.
    pub as_of: Option<String>,
}

/// The signed retention report. No personal data in any format.
#[utoipa::path(get, path = "/api/v1/reports/retention", tag = "retention", params(ReportQuery),
    responses((status = 200, body = RetentionReport), (status = 403), (status = 422)),
    security(("bearer" = [])))]
pub async fn retention(
    ctx: web::Data<AppContext>,
    staff: Staff,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, ApiError> {
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
    let pdf = format == "pdf";
    let (built, pdf_bytes) = crate::web::blocking(move || -> Result<_, ApiError> {
        let built = report::build(&ctx, as_of.unwrap_or_else(|| ctx.clock.today()))?;
        let pdf_bytes = if pdf {
            Some(
                crate::render::report_pdf::render(&built)
                    .map_err(|e| crate::error::Internal::new("report PDF", e))?,
            )
        } else {
            None
        };
        Ok((built, pdf_bytes))
    })
    .await??;
    let filename = format!("retention-report-{}.{format}", built.as_of);
    let disposition = (
        header::CONTENT_DISPOSITION,
        format!("attachment; filename=\"{filename}\""),
    );
    Ok(match format.as_str() {
        "pdf" => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "application/pdf"))
            .insert_header(disposition)
            .body(pdf_bytes.unwrap_or_default()),
        "csv" => HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "text/csv; charset=utf-8"))
            .insert_header(disposition)
            .body(report::to_csv(&built)?),
        _ => HttpResponse::Ok().json(built),
    })
}
