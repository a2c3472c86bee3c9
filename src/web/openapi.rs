//! The OpenAPI document, generated from the handlers and types (`GET /api/openapi.json`).

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::{audit, cards, ops, reports, residents, sessions, staff, verify};

#[derive(OpenApi)]
#[openapi(
    info(title = "muni-id", description = "Municipal ID card issuance that knows as little as possible."),
    paths(
        sessions::create, sessions::delete_current, sessions::change_password,
        residents::enroll, residents::get, residents::update, residents::photo, residents::search,
        staff::list, staff::add, staff::change, staff::reset_password,
        cards::issue, cards::of_resident, cards::get, cards::pdf, cards::print_one, cards::print, cards::revoke,
        verify::verify, verify::jwks, verify::status_list,
        audit::audit_verify, reports::retention,
        ops::healthz, ops::readyz, ops::metrics,
    ),
    components(schemas(crate::domain::staff::StaffRole)),
    modifiers(&BearerAuth),
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
