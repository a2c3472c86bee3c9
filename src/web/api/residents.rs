//! Resident routes (clerk, supervisor): enroll, read, change, photo, exact search.

use actix_web::http::header;
use actix_web::{web, HttpResponse};

use crate::context::AppContext;
use crate::domain::staff::Permission;
use crate::services::enrollment::{
    self, Enrolled, EnrollmentRequest, ResidentPatch, ResidentView, SearchRequest, SearchResult,
};
use crate::web::auth::Staff;
use crate::web::ApiError;

/// Resident ids are UUIDs; anything else cannot name a record.
pub fn resident_id(raw: String) -> Result<String, ApiError> {
    uuid::Uuid::parse_str(&raw)
        .map(|u| u.to_string())
        .map_err(|_| ApiError::not_found())
}

/// Enroll a resident.
#[utoipa::path(post, path = "/api/v1/residents", tag = "residents", request_body = EnrollmentRequest,
    responses((status = 201, body = Enrolled),
              (status = 400, description = "malformed_json, unknown_field, missing_field"),
              (status = 409, description = "possible_duplicate"),
              (status = 413, description = "payload_too_large, photo_too_large"),
              (status = 415, description = "unsupported_photo_format"),
              (status = 422, description = "insufficient_proof, unknown_document_kind, invalid_date, invalid_name, invalid_characters (with `field` and a 1-based character `position`), ...")),
    security(("bearer" = [])))]
pub async fn enroll(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: crate::web::json::Json<EnrollmentRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let request = body.into_inner();
    let enrolled =
        crate::web::blocking(move || enrollment::enroll(&ctx, &actor, request)).await??;
    Ok(HttpResponse::Created().json(enrolled))
}

/// A resident's card-face fields (no photo bytes).
#[utoipa::path(get, path = "/api/v1/residents/{id}", tag = "residents", params(("id" = String, Path)),
    responses((status = 200, body = ResidentView), (status = 404),
              (status = 410, description = "resident_data_destroyed: the record's keys were destroyed")),
    security(("bearer" = [])))]
pub async fn get(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let id = resident_id(path.into_inner())?;
    let view = crate::web::blocking(move || enrollment::get(&ctx, &actor, &id)).await??;
    Ok(HttpResponse::Ok().json(view))
}

/// Change card-face fields (a name change, a new address). `null` removes an optional field.
#[utoipa::path(patch, path = "/api/v1/residents/{id}", tag = "residents", params(("id" = String, Path)),
    request_body = ResidentPatch,
    responses((status = 200, body = ResidentView), (status = 404),
              (status = 409, description = "changed_meanwhile"),
              (status = 410, description = "resident_data_destroyed"), (status = 422)),
    security(("bearer" = [])))]
pub async fn update(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: crate::web::json::Json<ResidentPatch>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let id = resident_id(path.into_inner())?;
    let patch = body.into_inner();
    let view = crate::web::blocking(move || enrollment::update(&ctx, &actor, &id, patch)).await??;
    Ok(HttpResponse::Ok().json(view))
}

/// The resident's photo, as the JPEG the card prints.
#[utoipa::path(get, path = "/api/v1/residents/{id}/photo", tag = "residents", params(("id" = String, Path)),
    responses((status = 200, content_type = "image/jpeg", body = Vec<u8>), (status = 404),
              (status = 410, description = "resident_data_destroyed")),
    security(("bearer" = [])))]
pub async fn photo(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let id = resident_id(path.into_inner())?;
    let jpeg = crate::web::blocking(move || enrollment::photo(&ctx, &actor, &id)).await??;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "image/jpeg"))
        .insert_header((header::CACHE_CONTROL, "no-store, private"))
        .body(jpeg))
}

/// Exact match on legal name and date of birth. A POST, so no name reaches a URL or a log.
#[utoipa::path(post, path = "/api/v1/residents/search", tag = "residents", request_body = SearchRequest,
    responses((status = 200, body = SearchResult), (status = 422)), security(("bearer" = [])))]
pub async fn search(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: crate::web::json::Json<SearchRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let request = body.into_inner();
    let result = crate::web::blocking(move || enrollment::search(&ctx, &actor, &request)).await??;
    Ok(HttpResponse::Ok().json(result))
}
