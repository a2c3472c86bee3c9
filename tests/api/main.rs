//! Black-box tests against a spawned server. Run on SQLite by default; set
//! MUNI_ID_TEST_DATABASE_URL=postgres://… to run the same tests on PostgreSQL.

mod audit_witness;
mod backups;
#[path = "../support/bulk_residents.rs"]
mod bulk_residents;
mod cards;
mod concurrency;
mod enrollment;
mod fuzz_seeds;
mod helpers;
mod import;
mod key_migration;
mod legal_holds;
mod metadata;
mod names;
mod operations;
mod outages;
mod pages;
mod photo_memory;
mod pickup;
mod privacy;
mod program;
mod query_plans;
mod ratchet;
mod reads;
mod report_census;
mod report_pdfs;
mod restore_drill;
mod retention;
mod roles;
mod second_factor;
mod sessions;
mod several_hosts;
mod sign_on;
mod signing_keys;
mod sites;
mod slow_clients;
mod tampering;
mod wrong_keys;
