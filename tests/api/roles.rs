use muni_id::domain::staff::StaffRole;
use reqwest::Method;
use serde_json::json;

use crate::helpers::{error_code, resident, spawn_app};

/// Every protected route, with the roles allowed on it.
fn protected_routes(
    resident_id: &str,
) -> Vec<(Method, String, serde_json::Value, &'static [StaffRole])> {
    use StaffRole::*;
    const SERVE: &[StaffRole] = &[Clerk, Supervisor];
    const AUDIT: &[StaffRole] = &[Auditor, Admin];
    const ADMIN: &[StaffRole] = &[Admin];
    let r = format!("/api/v1/residents/{resident_id}");
    vec![
        (
            Method::POST,
            "/api/v1/residents".into(),
            resident("Role Test"),
            SERVE,
        ),
        (Method::GET, r.clone(), json!(null), SERVE),
        (Method::PATCH, r.clone(), json!({"veteran": true}), SERVE),
        (Method::GET, format!("{r}/photo"), json!(null), SERVE),
        (
            Method::POST,
            "/api/v1/residents/search".into(),
            json!({"legal_name": "A B", "date_of_birth": "1990-01-01"}),
            SERVE,
        ),
        (
            Method::GET,
            "/api/v1/audit/verify".into(),
            json!(null),
            AUDIT,
        ),
        (Method::GET, "/api/v1/staff".into(), json!(null), ADMIN),
        (
            Method::POST,
            "/api/v1/staff".into(),
            json!({"username": "new.person", "role": "clerk"}),
            ADMIN,
        ),
        (
            Method::PATCH,
            "/api/v1/staff/nobody".into(),
            json!({"disabled": true}),
            ADMIN,
        ),
        (
            Method::POST,
            "/api/v1/staff/nobody/password-reset".into(),
            json!(null),
            ADMIN,
        ),
    ]
}

async fn call(
    app: &crate::helpers::TestApp,
    token: Option<&str>,
    method: &Method,
    path: &str,
    body: &serde_json::Value,
) -> reqwest::Response {
    let mut req = app.client.request(method.clone(), app.url(path));
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    if !body.is_null() {
        req = req.json(body);
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn every_route_refuses_the_wrong_role_and_anonymous_callers() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let resident_id = app.enroll_ok(&clerk, &resident("Role Subject")).await;
    let before = app.count_rows("residents");

    for role in StaffRole::ALL {
        let session = app.session(role).await;
        for (method, path, body, allowed) in protected_routes(&resident_id) {
            if allowed.contains(&role) {
                continue;
            }
            let (status, code, _) =
                error_code(call(&app, Some(&session.token), &method, &path, &body).await).await;
            assert_eq!(
                (status, code.as_str()),
                (403, "forbidden"),
                "{} {method} {path}",
                role.as_str()
            );
        }
    }
    for (method, path, body, _) in protected_routes(&resident_id) {
        let (status, code, _) = error_code(call(&app, None, &method, &path, &body).await).await;
        assert_eq!(
            (status, code.as_str()),
            (401, "not_authenticated"),
            "{method} {path}"
        );
        let forged = call(&app, Some("forged-token"), &method, &path, &body).await;
        assert_eq!(forged.status(), 401, "{method} {path}");
    }
    assert_eq!(
        app.count_rows("residents"),
        before,
        "a refused call stored nothing"
    );
}

#[tokio::test]
async fn every_role_reaches_its_own_routes() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let resident_id = app.enroll_ok(&clerk, &resident("Role Subject")).await;
    for role in StaffRole::ALL {
        let session = app.session(role).await;
        for (method, path, body, allowed) in protected_routes(&resident_id) {
            if !allowed.contains(&role) {
                continue;
            }
            let res = call(&app, Some(&session.token), &method, &path, &body).await;
            let status = res.status().as_u16();
            assert!(
                status != 401 && status != 403 && status < 500,
                "{} {method} {path} -> {status}",
                role.as_str()
            );
        }
    }
}

#[tokio::test]
async fn an_auditor_sees_the_audit_chain_but_no_resident() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Audited Person")).await;
    let auditor = app.session(StaffRole::Auditor).await;
    let res = app.get(&auditor, "/api/v1/audit/verify").await;
    assert_eq!(res.status(), 200);
    let chain: serde_json::Value = res.json().await.unwrap();
    assert_eq!(chain["intact"], true);
    assert!(chain["entries"].as_i64().unwrap() >= 3);
    assert_eq!(chain["first_bad_entry"], serde_json::Value::Null);
    assert_eq!(
        app.get(&auditor, &format!("/api/v1/residents/{id}"))
            .await
            .status(),
        403
    );
    assert_eq!(
        app.get(&auditor, &format!("/api/v1/residents/{id}/photo"))
            .await
            .status(),
        403
    );
}
