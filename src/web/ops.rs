//! Operations: liveness, readiness, metrics, the OpenAPI document.

use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;
use serde_json::json;
use utoipa::OpenApi;

use crate::context::AppContext;
use crate::error::{ApiError, Internal};

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200)))]
pub async fn healthz() -> HttpResponse {
    HttpResponse::Ok().json(json!({"status": "ok"}))
}

/// The database answers.
#[utoipa::path(get, path = "/readyz", tag = "operations", responses((status = 200), (status = 503)))]
pub async fn readyz(ctx: web::Data<AppContext>) -> HttpResponse {
    let ready = web::block(move || -> Result<(), Internal> {
        let mut conn = ctx.db()?;
        conn.batch_execute("SELECT 1").map_err(Internal::from)
    })
    .await;
    match ready {
        Ok(Ok(())) => HttpResponse::Ok().json(json!({"status": "ready"})),
        Ok(Err(cause)) => {
            tracing::warn!(cause = %cause, "not ready");
            HttpResponse::ServiceUnavailable().json(json!({"error": {"code": "not_ready", "message": "The database cannot be reached."}}))
        }
        Err(_) => HttpResponse::ServiceUnavailable().json(
            json!({"error": {"code": "not_ready", "message": "The server is shutting down."}}),
        ),
    }
}

/// Aggregate counters in the Prometheus text format. Nothing here identifies a person or card.
#[utoipa::path(get, path = "/metrics", tag = "operations", responses((status = 200, content_type = "text/plain")))]
pub async fn metrics(ctx: web::Data<AppContext>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(ctx.metrics.render() + &ctx.verification.render())
}

pub async fn openapi() -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(super::openapi::ApiDoc::openapi()))
}
