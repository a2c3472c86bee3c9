//! muni-id: municipal ID card issuance that knows as little as possible, keeps it as briefly as
//! possible, and makes what it keeps useless to anyone who takes it.

pub mod cli;
pub mod clock;
pub mod config;
pub mod context;
pub mod crypto;
pub mod db;
pub mod domain;
pub mod error;
pub mod file_ring_lock;
pub mod health;
pub mod i18n;
pub mod identity_provider;
pub mod key_custody;
pub mod outbound_http;
pub mod private_files;
pub mod rate_limit;
pub mod render;
pub mod services;
pub mod startup;
pub mod telemetry;
pub mod web;
