//! HTTP: routes, extractors, middleware. Thin by design — parse, call a service, respond.

pub mod audit;
pub mod auth;
pub mod cards;
pub mod errors;
pub mod middleware;
pub mod openapi;
pub mod ops;
pub mod pages;
pub mod reports;
pub mod residents;
pub mod sessions;
pub mod slow_clients;
pub mod staff;
pub mod verify;

use actix_web::web;

use crate::error::ApiError;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(ops::healthz))
        .route("/readyz", web::get().to(ops::readyz))
        .route("/metrics", web::get().to(ops::metrics))
        .route("/api/openapi.json", web::get().to(ops::openapi))
        .route("/.well-known/jwks.json", web::get().to(verify::jwks))
        .route("/status/{list}", web::get().to(verify::status_list))
        .route("/v", web::get().to(verify::page))
        .route("/V", web::get().to(verify::page))
        .route("/assets/verifier.js", web::get().to(verify::script))
        .route("/assets/verifier.css", web::get().to(verify::stylesheet))
        .service(
            web::resource("/api/v1/verify")
                .app_data(
                    web::JsonConfig::default()
                        .limit(verify::MAX_VERIFY_BODY)
                        .error_handler(errors::json_error),
                )
                .route(web::post().to(verify::verify)),
        )
        .service(
            web::scope("/api/v1")
                .route("/sessions", web::post().to(sessions::create))
                .route(
                    "/sessions/current",
                    web::delete().to(sessions::delete_current),
                )
                .route(
                    "/staff/me/password",
                    web::post().to(sessions::change_password),
                )
                .route("/staff", web::get().to(staff::list))
                .route("/staff", web::post().to(staff::add))
                .route("/staff/{username}", web::patch().to(staff::change))
                .route(
                    "/staff/{username}/password-reset",
                    web::post().to(staff::reset_password),
                )
                .route("/residents", web::post().to(residents::enroll))
                .route("/residents/search", web::post().to(residents::search))
                .route("/residents/{id}", web::get().to(residents::get))
                .route("/residents/{id}", web::patch().to(residents::update))
                .route("/residents/{id}/photo", web::get().to(residents::photo))
                .route("/residents/{id}/cards", web::post().to(cards::issue))
                .route("/residents/{id}/cards", web::get().to(cards::of_resident))
                .route("/cards/print", web::post().to(cards::print))
                .route("/cards/{card_number}", web::get().to(cards::get))
                .route("/cards/{card_number}/pdf", web::get().to(cards::pdf))
                .route(
                    "/cards/{card_number}/print",
                    web::post().to(cards::print_one),
                )
                .route("/cards/{card_number}/revoke", web::post().to(cards::revoke))
                .route("/audit/verify", web::get().to(audit::audit_verify))
                .route("/reports/retention", web::get().to(reports::retention)),
        )
        .configure(pages::routes)
        .default_service(web::to(not_found));
}

async fn not_found() -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::new(
        actix_web::http::StatusCode::NOT_FOUND,
        "not_found",
        "No such route. The API is described at /api/openapi.json.",
    ))
}
