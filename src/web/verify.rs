//! Verification without login: the one-bit endpoint, the published keys, the status list and
//! the offline verifier page. Nothing here logs or counts anything that identifies a card.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::client_address::client_of;
use crate::context::AppContext;
use crate::crypto::card_token::STATUS_LIST_TYP;
use crate::crypto::signing::Jwks;
use crate::crypto::status_list::LIST_ID;
use crate::error::ErrorCode;
use crate::error::Internal;
use crate::services::verification;
use crate::web::ApiError;

/// Largest body the verify endpoint reads; a token is a few hundred bytes.
pub const MAX_VERIFY_BODY: usize = 16 * 1024;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    /// The QR text, whole, or the token alone.
    pub token: String,
}

#[derive(Serialize, ToSchema)]
pub struct VerifyResponse {
    pub valid: bool,
}

/// Is this card valid? Exactly one key in the answer; never a reason.
#[utoipa::path(post, path = "/api/v1/verify", tag = "verification", request_body = VerifyRequest,
    responses((status = 200, body = VerifyResponse), (status = 413), (status = 429, description = "too_many_requests")))]
pub async fn verify(
    ctx: web::Data<AppContext>,
    req: HttpRequest,
    body: super::json::Json<VerifyRequest>,
) -> Result<HttpResponse, ApiError> {
    let client = client_of(&req, &ctx.config.server);
    if !verification::admit(&ctx, &client.bucket()) {
        return Err(ApiError::new(
            actix_web::http::StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyRequests,
            "Too many checks from this address; wait a minute.",
        ));
    }
    if ctx.status_list.is_stale() {
        let refresh = ctx.clone();
        crate::web::blocking(move || verification::refresh_status_list(&refresh)).await??;
    }
    let valid = verification::is_valid(&ctx, &body.token);
    ctx.verification.count(valid);
    Ok(HttpResponse::Ok().json(VerifyResponse { valid }))
}

/// The card-signing public keys, retired ones included until their last card has expired.
#[utoipa::path(get, path = "/.well-known/jwks.json", tag = "verification", responses((status = 200, body = Jwks)))]
pub async fn jwks(ctx: web::Data<AppContext>) -> HttpResponse {
    let keys = ctx.signing.jwks(ctx.clock.now());
    HttpResponse::Ok()
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .insert_header(("Cross-Origin-Resource-Policy", "cross-origin"))
        .json(keys)
}

/// The signed Token Status List, whole: a verifier downloads all of it, so the server never
/// learns which card is being checked.
#[utoipa::path(get, path = "/status/{list}", tag = "verification", params(("list" = String, Path)),
    responses((status = 200, content_type = "application/statuslist+cwt", body = Vec<u8>), (status = 404)))]
pub async fn status_list(
    ctx: web::Data<AppContext>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    if path.into_inner() != LIST_ID {
        return Err(ApiError::not_found());
    }
    let token = crate::web::blocking(move || -> Result<_, Internal> {
        verification::refresh_status_list(&ctx)?;
        ctx.status_list
            .signed(&ctx.signing, ctx.clock.as_ref())
            .map_err(|e| Internal::new("status list", e))
            .map(|t| (t, ctx.status_list.ttl_secs()))
    })
    .await??;
    let (token, ttl) = token;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, STATUS_LIST_TYP))
        .insert_header((header::CACHE_CONTROL, format!("public, max-age={ttl}")))
        .insert_header((header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"))
        .insert_header(("Cross-Origin-Resource-Policy", "cross-origin"))
        .body(token.to_vec()))
}

const VERIFIER_HTML: &str = include_str!("../../templates/verifier/index.html");
const VERIFIER_JS: &str = include_str!("../../templates/verifier/verifier.js");
const VERIFIER_CSS: &str = include_str!("../../templates/verifier/verifier.css");

const VERIFIER_CSP: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
img-src 'self' data:; media-src 'self' blob: mediastream:; base-uri 'none'; form-action 'none'; \
frame-ancestors 'none'";

/// The offline verifier page, at `/v` and `/V` (the QR carries the address upper-cased).
pub async fn page() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/html; charset=utf-8"))
        .insert_header(("Content-Security-Policy", VERIFIER_CSP))
        .insert_header((
            "Permissions-Policy",
            "camera=(self), geolocation=(), microphone=()",
        ))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(VERIFIER_HTML)
}

pub async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/javascript; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(VERIFIER_JS)
}

pub async fn stylesheet() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/css; charset=utf-8"))
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(VERIFIER_CSS)
}
