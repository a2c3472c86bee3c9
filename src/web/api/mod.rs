//! The JSON API under `/api/v1` for staff: each module holds the handlers of one resource with
//! the wire types they read and write (the OpenAPI document is generated from them).

pub mod audit;
pub mod cards;
pub mod residents;
pub mod staff;
