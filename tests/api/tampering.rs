//! A ciphertext that was altered, or moved to another resident's row, never opens: the service
//! answers with an error, never with wrong data.

use diesel::prelude::*;
use muni_id::db::schema::residents;
use muni_id::domain::staff::StaffRole;
use serde_json::Value;

use crate::helpers::{error_code, resident, spawn_app};

#[tokio::test]
async fn a_corrupted_ciphertext_fails_to_open() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Corrupt Me")).await;
    let mut conn = app.ctx.db().unwrap();
    let mut face: Vec<u8> = residents::table
        .find(&id)
        .select(residents::face)
        .first(&mut *conn)
        .unwrap();
    let middle = face.len() / 2;
    face[middle] ^= 0x20;
    diesel::update(residents::table.find(&id))
        .set(residents::face.eq(&face))
        .execute(&mut *conn)
        .unwrap();

    let res = app.get(&clerk, &format!("/api/v1/residents/{id}")).await;
    let request_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    let (status, code, body) = error_code(res).await;
    assert_eq!((status, code.as_str()), (500, "internal_error"));
    assert_eq!(body["error"]["request_id"], request_id.as_str());
    assert!(!body.to_string().contains("Corrupt"));
}

#[tokio::test]
async fn a_field_moved_to_another_resident_fails_to_open() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let alice = app.enroll_ok(&clerk, &resident("Alice Example")).await;
    let bob = app.enroll_ok(&clerk, &resident("Bob Example")).await;
    let mut conn = app.ctx.db().unwrap();
    let alice_face: Vec<u8> = residents::table
        .find(&alice)
        .select(residents::face)
        .first(&mut *conn)
        .unwrap();
    diesel::update(residents::table.find(&bob))
        .set(residents::face.eq(&alice_face))
        .execute(&mut *conn)
        .unwrap();
    let (status, code, body) =
        error_code(app.get(&clerk, &format!("/api/v1/residents/{bob}")).await).await;
    assert_eq!((status, code.as_str()), (500, "internal_error"));
    assert!(
        !body.to_string().contains("Alice"),
        "never the other resident's data"
    );

    // Alice's own record still opens: the tampering touched only Bob's row.
    let view: Value = app
        .get(&clerk, &format!("/api/v1/residents/{alice}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["legal_name"], "Alice Example");

    // A wrapped data key moved between rows fails the same way.
    let carol = app.enroll_ok(&clerk, &resident("Carol Example")).await;
    let alice_key: Vec<u8> = residents::table
        .find(&alice)
        .select(residents::wrapped_key)
        .first(&mut *conn)
        .unwrap();
    diesel::update(residents::table.find(&carol))
        .set(residents::wrapped_key.eq(&alice_key))
        .execute(&mut *conn)
        .unwrap();
    let (status, _, _) =
        error_code(app.get(&clerk, &format!("/api/v1/residents/{carol}")).await).await;
    assert_eq!(status, 500);
}

#[tokio::test]
async fn a_staff_page_that_fails_answers_with_a_page_not_json() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Broken Page")).await;
    let mut conn = app.ctx.db().unwrap();
    diesel::update(residents::table.find(&id))
        .set(residents::face.eq(vec![1u8; 60]))
        .execute(&mut *conn)
        .unwrap();
    // The API keeps its error model...
    let (status, code, _) =
        error_code(app.get(&clerk, &format!("/api/v1/residents/{id}")).await).await;
    assert_eq!((status, code.as_str()), (500, "internal_error"));
    // ...while a browser asking for a page gets one, with the request id.
    let res = app
        .client
        .get(app.url(&format!("/residents/{id}")))
        .header("accept", "text/html")
        .header(
            "cookie",
            format!(
                "{}={}",
                muni_id::web::auth::Cookie::Session.name(false),
                clerk.token
            ),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 500);
    let request_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert!(res.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let body = res.text().await.unwrap();
    assert!(
        body.contains(&request_id) && !body.contains("Broken"),
        "{body}"
    );
}
