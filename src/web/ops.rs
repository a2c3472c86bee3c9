//! Operations: liveness, readiness, metrics, the OpenAPI document.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde_json::json;
use utoipa::OpenApi;

use crate::context::AppContext;
use crate::services::readiness;
use crate::web::ApiError;

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200)))]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({"status": "ok"}))
}

/// The database answers, its storage can take a write, and key custody answers; otherwise 503
/// naming which.
#[utoipa::path(get, path = "/readyz", tag = "operations", responses(
    (status = 200, description = "ready"),
    (status = 503, description = "`database_unavailable`, `storage_full` or `key_custody_unavailable`, with `Retry-After`",
        headers(("Retry-After" = u64, description = "seconds")))))]
pub async fn readyz(ctx: web::Data<AppContext>) -> HttpResponse {
    let checked = ctx.clone();
    let not_ready = match crate::web::blocking(move || readiness::check(&checked)).await {
        Ok(Ok(())) => return HttpResponse::Ok().json(json!({"status": "ready"})),
        Ok(Err(not_ready)) => not_ready,
        Err(_) => {
            return HttpResponse::ServiceUnavailable().json(json!({"status": "not_ready",
                "error": {"code": "shutting_down", "message": "The server is shutting down."}}))
        }
    };
    let outage = not_ready.outage;
    ctx.health.met(outage, &not_ready.cause);
    HttpResponse::ServiceUnavailable()
        .insert_header((header::RETRY_AFTER, outage.retry_after_secs().to_string()))
        .json(json!({"status": "not_ready",
            "error": {"code": outage.code(), "message": outage.message()}}))
}

/// Aggregate counters in the Prometheus text format. Nothing here identifies a person or card.
#[utoipa::path(get, path = "/metrics", tag = "operations", responses((status = 200, content_type = "application/openmetrics-text")))]
pub async fn metrics(ctx: web::Data<AppContext>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(crate::telemetry::render_metrics(
            &ctx.metrics,
            &ctx.verification,
        ))
}

pub async fn openapi() -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(super::openapi::ApiDoc::openapi()))
}
