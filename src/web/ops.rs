//! Operations: liveness, readiness, metrics, the OpenAPI document.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde_json::json;
use utoipa::OpenApi;

use crate::context::AppContext;
use crate::error::ErrorCode;
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

/// Aggregate counters in the Prometheus text format, for the scraper that sends the token in
/// `server.metrics_token_file`; not served without one. Nothing here identifies a person or
/// card, but the live counts can be tied to moments in time: they are not for the public.
#[utoipa::path(get, path = "/metrics", tag = "operations",
    responses((status = 200, content_type = "application/openmetrics-text"),
              (status = 401, description = "not_authenticated: no token, or the wrong one"),
              (status = 404, description = "not_found: no metrics token is configured")),
    security(("bearer" = [])))]
pub async fn metrics(
    ctx: web::Data<AppContext>,
    req: actix_web::HttpRequest,
) -> Result<HttpResponse, ApiError> {
    use sha2::{Digest, Sha256};
    let Some(expected) = ctx.metrics_token else {
        return Err(ApiError::new(
            actix_web::http::StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "No such route. The API is described at /api/openapi.json.",
        ));
    };
    let sent = crate::web::auth::bearer_token(&req).unwrap_or_default();
    let digest: [u8; 32] = Sha256::digest(sent.as_bytes()).into();
    if digest != expected {
        return Err(ApiError::new(
            actix_web::http::StatusCode::UNAUTHORIZED,
            ErrorCode::NotAuthenticated,
            "Send the metrics token: `Authorization: Bearer <token>`.",
        ));
    }
    Ok(HttpResponse::Ok()
        .content_type("application/openmetrics-text; version=1.0.0; charset=utf-8")
        .body(crate::telemetry::render_metrics(
            &ctx.metrics,
            &ctx.verification,
        )))
}

pub async fn openapi() -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(super::openapi::ApiDoc::openapi()))
}
