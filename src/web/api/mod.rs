//! The JSON API's handlers and its wire types: what a client sends and receives, with the OpenAPI
//! schema of each, converted from the domain's types so that domain knows nothing of utoipa.

pub mod reports;
