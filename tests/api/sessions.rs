use chrono::TimeDelta;
use muni_id::domain::staff::StaffRole;
use serde_json::{json, Value};

use crate::helpers::{error_code, spawn_app, spawn_app_with, STAFF_PASSWORD};

#[tokio::test]
async fn login_returns_a_token_role_and_expiry() {
    let app = spawn_app().await;
    app.add_staff("clerk.one", StaffRole::Clerk);
    let res = app.login("clerk.one", STAFF_PASSWORD).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["role"], "clerk");
    assert!(body["token"].as_str().unwrap().len() >= 40);
    assert_eq!(body["expires_at"], "2026-11-21T20:00:00Z");
    // Only the token's hash is stored.
    let token = body["token"].as_str().unwrap();
    let mut conn = app.ctx.db().unwrap();
    use diesel::prelude::*;
    use muni_id::db::schema::sessions;
    let stored: Vec<String> = sessions::table
        .select(sessions::token_hash)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token);
}

#[tokio::test]
async fn wrong_password_and_unknown_user_look_the_same() {
    let app = spawn_app().await;
    app.add_staff("clerk.one", StaffRole::Clerk);
    // Everything a client can see: status, headers (but the request id and the date) and body.
    async fn seen(res: reqwest::Response) -> (u16, Vec<(String, String)>, String) {
        let mut headers: Vec<(String, String)> = res
            .headers()
            .iter()
            .filter(|(name, _)| !matches!(name.as_str(), "x-request-id" | "date"))
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
            .collect();
        headers.sort();
        (res.status().as_u16(), headers, res.text().await.unwrap())
    }
    let wrong = seen(app.login("clerk.one", "not the password").await).await;
    let unknown = seen(app.login("nobody", "not the password").await).await;
    assert_eq!(wrong.0, 401);
    assert!(wrong.2.contains("invalid_credentials"), "{}", wrong.2);
    assert_eq!(wrong, unknown);
}

#[tokio::test]
async fn repeated_failures_on_an_account_are_throttled_even_with_the_right_password() {
    let app = spawn_app_with(|c| c.auth.max_failures_per_account = 3).await;
    app.add_staff("clerk.one", StaffRole::Clerk);
    for _ in 0..3 {
        assert_eq!(app.login("clerk.one", "wrong password").await.status(), 401);
    }
    let (status, code, body) = error_code(app.login("clerk.one", STAFF_PASSWORD).await).await;
    assert_eq!(
        (status, code.as_str()),
        (429, "too_many_attempts"),
        "{body}"
    );
    // After the window, the right password works again.
    app.clock.advance(TimeDelta::minutes(16));
    assert_eq!(app.login("clerk.one", STAFF_PASSWORD).await.status(), 201);
}

/// Every guess is counted before its password is checked, in one statement: 24 guesses at
/// once against a limit of 5 get at most 5 answers on the password (12 did, when failures were
/// read before the hash and written after as "read + 1").
#[tokio::test]
async fn concurrent_guesses_get_no_more_password_checks_than_the_limit() {
    let app = spawn_app_with(|c| {
        c.auth.max_failures_per_account = 5;
        c.auth.max_failures_per_client = 1_000;
    })
    .await;
    app.add_staff("clerk.one", StaffRole::Clerk);
    let passwords: Vec<String> = (0..24).map(|i| format!("wrong guess {i}")).collect();
    let guesses = passwords.iter().map(|p| app.login("clerk.one", p));
    let statuses: Vec<u16> = futures_util::future::join_all(guesses)
        .await
        .iter()
        .map(|res| res.status().as_u16())
        .collect();
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(checked + throttled, 24, "{statuses:?}");
    assert!(
        checked <= 5,
        "{checked} of 24 guesses had their password checked"
    );
    // Every guess was counted: the right password is refused within the window.
    assert_eq!(app.login("clerk.one", STAFF_PASSWORD).await.status(), 429);
}

#[tokio::test]
async fn a_client_guessing_many_accounts_is_throttled() {
    let app = spawn_app_with(|c| c.auth.max_failures_per_client = 4).await;
    app.add_staff("clerk.one", StaffRole::Clerk);
    for i in 0..4 {
        assert_eq!(app.login(&format!("guess{i}"), "x").await.status(), 401);
    }
    let (status, code, _) = error_code(app.login("clerk.one", STAFF_PASSWORD).await).await;
    assert_eq!((status, code.as_str()), (429, "too_many_attempts"));
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = spawn_app().await;
    let session = app.session(StaffRole::Clerk).await;
    let search = json!({"legal_name": "A B", "date_of_birth": "1990-01-01"});
    assert_eq!(
        app.post_json(&session, "/api/v1/residents/search", &search)
            .await
            .status(),
        200
    );
    let res = app
        .client
        .delete(app.url("/api/v1/sessions/current"))
        .bearer_auth(&session.token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    let (status, code, _) = error_code(
        app.post_json(&session, "/api/v1/residents/search", &search)
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (401, "not_authenticated"));
}

#[tokio::test]
async fn sessions_expire_when_idle_and_absolutely() {
    let app = spawn_app().await;
    let session = app.session(StaffRole::Clerk).await;
    let path = "/api/v1/residents/search";
    let search = json!({"legal_name": "A B", "date_of_birth": "1990-01-01"});
    // Active use keeps it alive past the idle limit (30 min)...
    for _ in 0..3 {
        app.clock.advance(TimeDelta::minutes(20));
        assert_eq!(app.post_json(&session, path, &search).await.status(), 200);
    }
    // ...but 31 idle minutes end it.
    app.clock.advance(TimeDelta::minutes(31));
    assert_eq!(app.post_json(&session, path, &search).await.status(), 401);

    let session = app.session(StaffRole::Clerk).await;
    for _ in 0..17 {
        app.clock.advance(TimeDelta::minutes(29));
        let _ = app.post_json(&session, path, &search).await;
    }
    // 17 × 29 min > 8 h absolute limit.
    assert_eq!(app.post_json(&session, path, &search).await.status(), 401);
}

#[tokio::test]
async fn a_disabled_account_loses_its_sessions_and_cannot_log_in() {
    let app = spawn_app().await;
    app.add_staff("clerk.one", StaffRole::Clerk);
    let res: Value = app
        .login("clerk.one", STAFF_PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let clerk = crate::helpers::Session {
        token: res["token"].as_str().unwrap().into(),
    };
    let admin = app.session(StaffRole::Admin).await;
    let res = app
        .patch_json(
            &admin,
            "/api/v1/staff/clerk.one",
            &json!({"disabled": true}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let search = json!({"legal_name": "A B", "date_of_birth": "1990-01-01"});
    assert_eq!(
        app.post_json(&clerk, "/api/v1/residents/search", &search)
            .await
            .status(),
        401
    );
    assert_eq!(app.login("clerk.one", STAFF_PASSWORD).await.status(), 401);
}

#[tokio::test]
async fn the_first_admin_must_replace_the_one_time_password() {
    let app = spawn_app().await;
    let file = app.data_dir.path().join("initial-admin-password.txt");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let password = std::fs::read_to_string(&file).unwrap().trim().to_owned();
    let res = app.login("admin", &password).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["must_change_password"], true);
    let admin = crate::helpers::Session {
        token: body["token"].as_str().unwrap().into(),
    };

    let (status, code, _) = error_code(app.get(&admin, "/api/v1/staff").await).await;
    assert_eq!((status, code.as_str()), (403, "password_change_required"));

    let weak = json!({"current_password": password, "new_password": "short"});
    let (status, code, _) = error_code(
        app.post_json(&admin, "/api/v1/staff/me/password", &weak)
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "weak_password"));

    let change = json!({"current_password": password, "new_password": "a brand new passphrase"});
    assert_eq!(
        app.post_json(&admin, "/api/v1/staff/me/password", &change)
            .await
            .status(),
        204
    );
    assert_eq!(app.get(&admin, "/api/v1/staff").await.status(), 200);
    assert!(
        !file.exists(),
        "the one-time password file is removed once used"
    );
    assert_eq!(app.login("admin", &password).await.status(), 401);
    assert_eq!(
        app.login("admin", "a brand new passphrase").await.status(),
        201
    );
}
