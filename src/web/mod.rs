//! HTTP: routes, extractors, middleware. Thin by design — parse, call a service, respond.

pub mod api;
pub mod api_error;
pub mod auth;
pub mod client_address;
pub mod errors;
pub mod json;
pub mod middleware;
pub mod openapi;
pub mod ops;
pub mod pages;
pub mod sessions;
pub mod slow_clients;
pub mod verify;

use crate::error::ErrorCode;
use actix_web::error::BlockingError;
use actix_web::web;
use api::{audit, cards, residents, staff};

pub use api_error::ApiError;

/// Runs blocking work (a service: queries, argon2, photos) on the blocking thread pool, inside
/// the request's span, so that what it logs carries the request id.
pub async fn blocking<F, R>(f: F) -> Result<R, BlockingError>
where
    F: FnOnce() -> R + Send + 'static,
    R: Send + 'static,
{
    let span = tracing::Span::current();
    web::block(move || span.in_scope(f)).await
}

/// One path with its methods; any other method answers 405 with `Allow`.
macro_rules! resource {
    ($path:expr, $($method:ident => $handler:expr),+ $(,)?) => {
        web::resource($path)
            $(.route(web::$method().to($handler)))+
            .default_service(web::to(|| method_not_allowed(
                &[$(stringify!($method)),+]
            )))
    };
}

/// The language a request asks for: the staff member's choice on the pages (their language
/// cookie), else the browser's `Accept-Language`, else English.
pub fn request_locale(req: &actix_web::HttpRequest) -> &'static crate::i18n::Locale {
    let https = auth::over_https(req);
    crate::i18n::catalogue().negotiate(
        auth::cookie(req, auth::Cookie::Lang.name(https)).as_deref(),
        req.headers()
            .get(actix_web::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok()),
    )
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(resource!("/healthz", get => ops::healthz))
        .service(resource!("/readyz", get => ops::readyz))
        .service(resource!("/metrics", get => ops::metrics))
        .service(resource!("/api/openapi.json", get => ops::openapi))
        .service(resource!("/.well-known/jwks.json", get => verify::jwks))
        .service(resource!("/status/{list}", get => verify::status_list))
        .route("/v", web::get().to(verify::page))
        .route("/V", web::get().to(verify::page))
        .route("/assets/verifier.js", web::get().to(verify::script))
        .route("/assets/verifier.css", web::get().to(verify::stylesheet))
        .service(
            resource!("/api/v1/verify", post => verify::verify)
                .app_data(web::PayloadConfig::new(verify::MAX_VERIFY_BODY)),
        )
        .service(
            web::scope("/api/v1")
                .service(resource!("/sessions", post => sessions::create))
                .service(resource!("/sessions/current", delete => sessions::delete_current))
                .service(resource!("/sessions/current/site", put => api::sites::choose))
                .service(resource!("/staff/me/password", post => sessions::change_password))
                .service(resource!("/staff", get => staff::list, post => staff::add))
                .service(resource!("/staff/{username}", patch => staff::change))
                .service(resource!(
                    "/staff/{username}/password-reset",
                    post => staff::reset_password
                ))
                .service(resource!(
                    "/staff/{username}/factors-reset",
                    post => staff::reset_factors
                ))
                .service(resource!("/staff/{username}/sites", put => api::sites::assign))
                .service(resource!("/sites", get => api::sites::list, post => api::sites::add))
                .service(resource!("/sites/{code}", patch => api::sites::change))
                .service(resource!("/sites/{code}/close", post => api::sites::close))
                .service(resource!("/residents", post => residents::enroll))
                .service(resource!("/residents/search", post => residents::search))
                .service(resource!(
                    "/residents/{id}",
                    get => residents::get,
                    patch => residents::update
                ))
                .service(resource!("/residents/{id}/photo", get => residents::photo))
                .service(resource!(
                    "/residents/{id}/cards",
                    get => cards::of_resident,
                    post => cards::issue
                ))
                .service(resource!("/cards/print", post => cards::print))
                .service(resource!("/cards/{card_number}", get => cards::get))
                .service(resource!("/cards/{card_number}/pdf", get => cards::pdf))
                .service(resource!("/cards/{card_number}/print", post => cards::print_one))
                .service(resource!("/cards/{card_number}/revoke", post => cards::revoke))
                .service(resource!("/cards/{card_number}/arrived", post => cards::arrived))
                .service(resource!("/cards/{card_number}/hand-over", post => cards::hand_over))
                .service(resource!("/cards/{card_number}/mailed", post => cards::mailed))
                .service(resource!("/cards/{card_number}/pickup-site", post => cards::move_pickup))
                .service(resource!("/pickups", get => cards::pickups))
                .service(resource!("/audit/verify", get => audit::audit_verify))
                .service(resource!("/reports/retention", get => api::reports::retention))
                .service(resource!("/reports/program", get => api::program_report::program))
                .service(resource!(
                    "/legal-holds",
                    get => api::legal_holds::list,
                    post => api::legal_holds::place
                ))
                .service(resource!("/legal-holds/{id}/lift", post => api::legal_holds::lift)),
        )
        .configure(pages::routes)
        .default_service(web::to(not_found));
}

/// A known path asked with a method it does not answer.
async fn method_not_allowed(allowed: &[&str]) -> actix_web::HttpResponse {
    let allow = allowed
        .iter()
        .map(|m| m.to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(", ");
    let mut response = actix_web::ResponseError::error_response(&ApiError::new(
        actix_web::http::StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::MethodNotAllowed,
        format!("This path answers {allow} only."),
    ));
    if let Ok(value) = actix_web::http::header::HeaderValue::from_str(&allow) {
        response
            .headers_mut()
            .insert(actix_web::http::header::ALLOW, value);
    }
    response
}

async fn not_found() -> Result<actix_web::HttpResponse, ApiError> {
    Err(ApiError::new(
        actix_web::http::StatusCode::NOT_FOUND,
        ErrorCode::NotFound,
        "No such route. The API is described at /api/openapi.json.",
    ))
}
