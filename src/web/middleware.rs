//! Per-request plumbing: a request id, one access-log line (method, route pattern, status,
//! time — never a path with ids, a query, a header or a body), response counters, and internal
//! errors reduced to their code and the request id.

use std::time::Instant;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{web, HttpResponse};
use serde_json::json;
use tracing::Instrument;

use crate::context::AppContext;
use crate::crypto::token::short_id;
use crate::services::readiness;
use crate::web::pages::view::PageError;
use crate::web::ApiError;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

pub async fn request_context(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let request_id = short_id();
    let method = req.method().to_string();
    let route = req.match_pattern().unwrap_or_else(|| "(no route)".into());
    let ctx = req.app_data::<web::Data<AppContext>>().cloned();
    let span =
        tracing::info_span!("request", request_id = %request_id, method = %method, route = %route);
    let started = Instant::now();
    let mut res = next
        .call(req)
        .instrument(span.clone())
        .await?
        .map_into_boxed_body();

    if let Some(ctx) = &ctx {
        watch_outages(ctx, res.response().error());
    }
    if res.status() == StatusCode::INTERNAL_SERVER_ERROR {
        if let Some(cause) = res.response().error() {
            tracing::error!(parent: &span, cause = %cause, "internal error");
        }
        let message = format!(
            "Something went wrong on our side. Quote request id {request_id} to an administrator."
        );
        // Staff pages get a page; API clients get the error model.
        let wants_html = !route.starts_with("/api/")
            && res
                .request()
                .headers()
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|a| a.contains("text/html"));
        let body = if wants_html {
            HttpResponse::InternalServerError()
                .content_type("text/html; charset=utf-8")
                .insert_header(("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"))
                .body(format!(
                    "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Error</title>\
                     <h1>Something went wrong</h1><p>{message}</p><p><a href=\"/\">Back to the start page</a></p></html>"
                ))
        } else {
            HttpResponse::InternalServerError().json(json!({
                "error": {
                    "code": crate::error::ErrorCode::InternalError,
                    "message": message,
                    "request_id": request_id,
                }
            }))
        };
        let (http_req, _) = res.into_parts();
        res = ServiceResponse::new(http_req, body);
    }
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        res.headers_mut()
            .insert(HeaderName::from_static(REQUEST_ID_HEADER), value);
    }
    let status = res.status().as_u16();
    if let Some(ctx) = &ctx {
        ctx.metrics.count_response(status);
    }
    tracing::info!(
        parent: &span,
        status,
        elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    Ok(res)
}

/// A request that met a dependency's outage reports it (the first one of an outage logs it).
/// While storage is full, a request now and then checks whether space was freed.
fn watch_outages(ctx: &web::Data<AppContext>, error: Option<&actix_web::Error>) {
    let met = error.and_then(|e| {
        if let Some(api) = e.as_error::<ApiError>() {
            api.outage().zip(api.internal.as_ref())
        } else {
            e.as_error::<PageError>().and_then(PageError::outage)
        }
    });
    if let Some((outage, cause)) = met {
        ctx.health.met(outage, cause);
    }
    if ctx.health.storage_probe_due() {
        // In the background: the request that happens to be due does not wait for the probe.
        let probe = ctx.clone();
        actix_web::rt::spawn(async move {
            let _ = crate::web::blocking(move || readiness::check(&probe)).await;
        });
    }
}

/// Headers every response carries unless a handler set its own.
pub fn security_headers(https: bool) -> actix_web::middleware::DefaultHeaders {
    let headers = actix_web::middleware::DefaultHeaders::new()
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "no-referrer"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add(("Cross-Origin-Resource-Policy", "same-origin"))
        .add((
            "Permissions-Policy",
            "geolocation=(), microphone=(), camera=()",
        ))
        .add((
            "Content-Security-Policy",
            "default-src 'none'; frame-ancestors 'none'",
        ))
        .add(("Cache-Control", "no-store"));
    if https {
        headers.add((
            "Strict-Transport-Security",
            "max-age=63072000; includeSubDomains",
        ))
    } else {
        headers
    }
}
