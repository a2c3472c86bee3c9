//! A server whose key custody holds nothing of this service while the database holds
//! residents (another token or prefix, or a data folder restored without its key ring) refuses
//! to start, says why, and makes no key there: new keys would read no record, and the next
//! start would no longer notice.

use std::sync::Arc;

use muni_id::clock::ManualClock;
use muni_id::domain::staff::StaffRole;
use muni_id::startup::Application;

use crate::helpers::{resident, spawn_app, test_start};

#[tokio::test]
async fn a_server_whose_key_custody_holds_none_of_the_residents_keys_refuses_to_start() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Wrong Keys")).await;

    let elsewhere = tempfile::tempdir().unwrap();
    let mut config = (*app.ctx.config).clone();
    config.data_dir = elsewhere.path().to_owned();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let clock = Arc::new(ManualClock::new(test_start()));
    let Err(refused) = Application::build_with_listener(config, clock, listener) else {
        panic!("a server started with key custody that holds none of the residents' keys");
    };
    let said = format!("{refused:#}");
    assert!(said.contains("holds no key of this service"), "{said}");
    assert!(said.contains("1 residents"), "{said}");
    // Nothing was made in the wrong custody: starting there again is refused again.
    let mut again = (*app.ctx.config).clone();
    again.data_dir = elsewhere.path().to_owned();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let clock = Arc::new(ManualClock::new(test_start()));
    let Err(again) = Application::build_with_listener(again, clock, listener) else {
        panic!("the second start was let through");
    };
    assert!(format!("{again:#}").contains("holds no key of this service"));
    // The server with the right keys still reads the resident.
    let read = app.get(&clerk, &format!("/api/v1/residents/{id}")).await;
    assert_eq!(read.status(), 200);
}
