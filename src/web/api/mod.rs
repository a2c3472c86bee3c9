//! The JSON API under `/api/v1` for staff: each module holds the handlers of one resource with
//! the wire types they read and write, converted from the domain's types so that domain knows
//! nothing of utoipa (the OpenAPI document is generated from them).

pub mod audit;
pub mod cards;
pub mod legal_holds;
pub mod program_report;
pub mod reports;
pub mod residents;
pub mod sites;
pub mod staff;
