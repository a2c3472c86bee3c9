//! The audit chain, for auditors and admins.

use actix_web::{web, HttpResponse};
use serde::Serialize;
use utoipa::ToSchema;

use crate::context::AppContext;
use crate::domain::audit as domain;
use crate::domain::staff::Permission;
use crate::services::audit;
use crate::web::auth::Staff;
use crate::web::ApiError;

// The wire type of `domain::audit::ChainState`, answered here and inside the retention report.
// `witnessed_seals` and `witness_ok` are optional in the schema, as the domain type reads
// reports made before they existed.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChainState {
    pub entries: i64,
    /// The chain is whole: every entry links to the one before, the head and every seal
    /// match, and nothing the witness saw is missing or different.
    pub intact: bool,
    pub first_bad_entry: Option<i64>,
    /// Seals in the witness file (kept outside the database, beside the keys).
    #[schema(required = false)]
    pub witnessed_seals: u64,
    /// Every witnessed seal after the chain's start is in the database as witnessed, and the
    /// chain's start is not past the last one the witness saw.
    #[schema(required = false)]
    pub witness_ok: bool,
}

impl From<domain::ChainState> for ChainState {
    fn from(state: domain::ChainState) -> Self {
        let domain::ChainState {
            entries,
            intact,
            first_bad_entry,
            witnessed_seals,
            witness_ok,
        } = state;
        Self {
            entries,
            intact,
            first_bad_entry,
            witnessed_seals,
            witness_ok,
        }
    }
}

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
    Ok(HttpResponse::Ok().json(ChainState::from(state)))
}
