//! The audit chain, for auditors and admins.

use actix_web::{web, HttpResponse};

use crate::context::AppContext;
use crate::domain::staff::Permission;
use crate::services::audit::{self, ChainState};
use crate::web::auth::Staff;
use crate::web::ApiError;

/// The audit chain's state: how many entries, and where it first breaks.
#[utoipa::path(get, path = "/api/v1/audit/verify", tag = "audit",
    responses((status = 200, body = ChainState), (status = 403)), security(("bearer" = [])))]
pub async fn audit_verify(
    ctx: web::Data<AppContext>,
    staff: Staff,
) -> Result<HttpResponse, ApiError> {
    staff.require(Permission::Audit)?;
    let state = crate::web::blocking(move || {
        let mut conn = ctx.db()?;
        audit::verify_chain(&mut conn, &ctx.signing, &audit::witness(&ctx.config))
    })
    .await??;
    Ok(HttpResponse::Ok().json(state))
}
