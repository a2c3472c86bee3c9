//! The OpenAPI document, generated from the handlers and types (`GET /api/openapi.json`).

use std::collections::BTreeMap;

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, Ref, RefOr};
use utoipa::{Modify, OpenApi};

use super::api::{audit, cards, legal_holds, program_report, reports, residents, sites, staff};
use super::{ops, sessions, verify};

#[derive(OpenApi)]
#[openapi(
    info(title = "muni-id", description = "Municipal ID card issuance that knows as little as possible."),
    paths(
        sessions::create, sessions::delete_current, sessions::change_password,
        residents::enroll, residents::get, residents::update, residents::photo, residents::search,
        staff::list, staff::add, staff::change, staff::reset_password, staff::reset_factors,
        sites::list, sites::add, sites::change, sites::close, sites::assign, sites::choose,
        cards::issue, cards::of_resident, cards::get, cards::pdf, cards::print_one, cards::print, cards::revoke,
        cards::arrived, cards::hand_over, cards::move_pickup, cards::mailed, cards::pickups,
        verify::verify, verify::jwks, verify::status_list,
        audit::audit_verify, reports::retention, program_report::program,
        legal_holds::list, legal_holds::place, legal_holds::lift,
        ops::healthz, ops::readyz, ops::metrics,
    ),
    components(schemas(staff::StaffRole)),
    modifiers(&BearerAuth, &CommonResponses),
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Declares on every operation the answers any request may get besides its own: the error
/// body on every 4xx and 5xx, 401/403 where a session is needed, what a JSON body can be refused
/// for, a slow body (408), too many connections (429), and the outages (503, 507) where the
/// operation needs the database.
struct CommonResponses;

/// Operations that answer without the database.
const WITHOUT_DATABASE: [&str; 4] = [
    "/healthz",
    "/api/openapi.json",
    "/.well-known/jwks.json",
    "/metrics",
];

fn error_schema() -> Schema {
    let error = ObjectBuilder::new()
        .property(
            "code",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(
                    crate::error::ErrorCode::ALL
                        .iter()
                        .map(|code| code.as_str()),
                )),
        )
        .property("message", ObjectBuilder::new().schema_type(Type::String))
        .required("code")
        .required("message")
        .description(Some(
            "A stable snake_case code, a message for a person, and details beside them (`field`, \
             `position`, `request_id`, …)",
        ))
        .build();
    ObjectBuilder::new()
        .property("error", error)
        .required("error")
        .build()
        .into()
}

fn error_response(description: &str, retry_after: bool) -> Response {
    let mut builder = ResponseBuilder::new().description(description).content(
        "application/json",
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Error")))
            .build(),
    );
    if retry_after {
        builder = builder.header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(ObjectBuilder::new().schema_type(Type::Integer))
                .description(Some("seconds to wait before trying again"))
                .build(),
        );
    }
    builder.build()
}

impl CommonResponses {
    fn declare(path: &str, operation: &mut Operation) {
        let common = Self::refusals_of(path, operation);
        let responses = &mut operation.responses.responses;
        for (status, description, retry_after) in common {
            responses
                .entry(status.to_owned())
                .or_insert_with(|| RefOr::T(error_response(description, retry_after)));
        }
        Self::give_error_bodies(responses);
    }

    /// The refusals any request to the operation may get: `(status, description, retry_after)`.
    fn refusals_of(path: &str, operation: &Operation) -> Vec<(&'static str, &'static str, bool)> {
        let authenticated = operation.security.as_ref().is_some_and(|s| !s.is_empty());
        let has_body = operation.request_body.is_some();
        let mut common: Vec<(&'static str, &'static str, bool)> = vec![
            (
                "429",
                "too_many_connections (this address holds too many open connections), or the \
                 operation's own throttle",
                true,
            ),
            (
                "500",
                "internal_error: only a request id; the cause is in the server's log",
                false,
            ),
        ];
        if authenticated {
            common.push((
                "401",
                "not_authenticated: no valid session (log in first)",
                false,
            ));
            common.push(("403", "forbidden: the role does not allow this", false));
        }
        if has_body {
            common.extend([
                (
                    "400",
                    "malformed_json, unknown_field, missing_field, invalid_field_type",
                    false,
                ),
                (
                    "408",
                    "request_timeout: the body did not arrive in time",
                    false,
                ),
                (
                    "413",
                    "payload_too_large: the body is larger than the service accepts",
                    false,
                ),
                (
                    "415",
                    "unsupported_media_type: send the body as application/json",
                    false,
                ),
            ]);
        }
        let has_query = operation
            .parameters
            .iter()
            .flatten()
            .any(|p| matches!(p.parameter_in, utoipa::openapi::path::ParameterIn::Query));
        if has_query && !has_body {
            common.push((
                "400",
                "invalid_query: an unknown or malformed query parameter",
                false,
            ));
        }
        if !WITHOUT_DATABASE.contains(&path) {
            common.push((
                "503",
                "database_unavailable: the database cannot be reached, or \
                 key_custody_unavailable: the keys cannot be reached; nothing was changed",
                true,
            ));
            common.push((
                "507",
                "storage_full: the server's storage is full; nothing was changed",
                true,
            ));
        }
        common
    }

    /// Every declared refusal carries the error body.
    fn give_error_bodies(responses: &mut BTreeMap<String, RefOr<Response>>) {
        for (status, response) in responses.iter_mut() {
            if !(status.starts_with('4') || status.starts_with('5')) {
                continue;
            }
            if let RefOr::T(response) = response {
                if response.content.is_empty() {
                    let retry_after = matches!(status.as_str(), "429" | "503" | "507");
                    let described = if response.description.is_empty() {
                        status.clone()
                    } else {
                        response.description.clone()
                    };
                    *response = error_response(&described, retry_after);
                }
            }
        }
    }
}

impl Modify for CommonResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components
            .schemas
            .insert("Error".to_owned(), RefOr::T(error_schema()));
        for (path, item) in openapi.paths.paths.iter_mut() {
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                Self::declare(path, operation);
            }
        }
    }
}
