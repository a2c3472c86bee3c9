//! Card routes (clerk, supervisor): issue, look up, list a resident's cards, revoke, print.

use actix_web::http::header;
use actix_web::{web, HttpResponse};

use super::residents::resident_id;
use crate::context::AppContext;
use crate::domain::staff::Permission;
use crate::services::cards::{
    self, CardView, IssueRequest, IssuedCard, PrintRequest, RevokeRequest, Revoked,
};
use crate::web::auth::Staff;
use crate::web::ApiError;

fn pdf_response(pdf: Vec<u8>, filename: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/pdf"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store, private"))
        .body(pdf)
}

/// Issue a card. Any earlier active card of the resident is revoked.
#[utoipa::path(post, path = "/api/v1/residents/{id}/cards", tag = "cards", params(("id" = String, Path)),
    request_body = IssueRequest,
    responses((status = 201, body = IssuedCard), (status = 404),
              (status = 410, description = "resident_data_destroyed"),
              (status = 422, description = "unsupported_script")),
    security(("bearer" = [])))]
pub async fn issue(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: crate::web::json::Json<IssueRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let id = resident_id(path.into_inner())?;
    let reason = body.into_inner().reason;
    let card = crate::web::blocking(move || cards::issue(&ctx, &actor, &id, reason)).await??;
    Ok(HttpResponse::Created().json(card))
}

/// A resident's cards, newest first.
#[utoipa::path(get, path = "/api/v1/residents/{id}/cards", tag = "cards", params(("id" = String, Path)),
    responses((status = 200, body = [CardView]), (status = 404)), security(("bearer" = [])))]
pub async fn of_resident(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let id = resident_id(path.into_inner())?;
    let list = crate::web::blocking(move || cards::of_resident(&ctx, &actor, &id)).await??;
    Ok(HttpResponse::Ok().json(list))
}

#[utoipa::path(get, path = "/api/v1/cards/{card_number}", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    responses((status = 200, body = CardView), (status = 404), (status = 422, description = "invalid_card_number")),
    security(("bearer" = [])))]
pub async fn get(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    staff.require(Permission::ServeResidents)?;
    let number = path.into_inner();
    let card = crate::web::blocking(move || cards::get(&ctx, &number)).await??;
    Ok(HttpResponse::Ok().json(card))
}

/// One CR80 card as PDF: front page, back page. A read that changes nothing (the card is not
/// marked printed); audited as a read of personal data.
#[utoipa::path(get, path = "/api/v1/cards/{card_number}/pdf", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404), (status = 409),
              (status = 410, description = "resident_data_destroyed"),
              (status = 422, description = "invalid_card_number, unsupported_script, does_not_fit")),
    security(("bearer" = [])))]
pub async fn pdf(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let number = path.into_inner();
    let target = number.clone();
    let pdf = crate::web::blocking(move || cards::pdf(&ctx, &actor, &target)).await??;
    Ok(pdf_response(pdf, &format!("card-{number}.pdf")))
}

/// Print one card: the same PDF, and the card is marked printed (which, by policy, destroys
/// the print-only address).
#[utoipa::path(post, path = "/api/v1/cards/{card_number}/print", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404), (status = 409),
              (status = 410, description = "resident_data_destroyed"),
              (status = 422, description = "invalid_card_number, unsupported_script, does_not_fit")),
    security(("bearer" = [])))]
pub async fn print_one(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let number = path.into_inner();
    let numbers = vec![number.clone()];
    let pdf = crate::web::blocking(move || cards::print(&ctx, &actor, &numbers)).await??;
    Ok(pdf_response(pdf, &format!("card-{number}.pdf")))
}

/// Many cards in one PDF, each front then back.
#[utoipa::path(post, path = "/api/v1/cards/print", tag = "cards", request_body = PrintRequest,
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404), (status = 409),
              (status = 410, description = "resident_data_destroyed"),
              (status = 422, description = "invalid_batch, invalid_card_number, unsupported_script, does_not_fit")),
    security(("bearer" = [])))]
pub async fn print(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: crate::web::json::Json<PrintRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let numbers = body.into_inner().card_numbers;
    let pdf = crate::web::blocking(move || cards::print(&ctx, &actor, &numbers)).await??;
    Ok(pdf_response(pdf, "cards.pdf"))
}

#[utoipa::path(post, path = "/api/v1/cards/{card_number}/revoke", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    request_body = RevokeRequest,
    responses((status = 200, body = Revoked), (status = 404), (status = 409, description = "card_not_active"),
              (status = 422, description = "invalid_card_number")),
    security(("bearer" = [])))]
pub async fn revoke(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: crate::web::json::Json<RevokeRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let number = path.into_inner();
    let reason = body.into_inner().reason;
    let revoked =
        crate::web::blocking(move || cards::revoke(&ctx, &actor, &number, reason)).await??;
    Ok(HttpResponse::Ok().json(revoked))
}
