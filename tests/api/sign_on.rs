//! Issue 15: single sign-on. With passwords switched off, every password but the break-glass
//! account's is refused alike (known name or not, API and page); the provider's callback
//! opens nothing without the request this browser began (a forged or tampered state, another
//! browser's cookie, a second use); a provider that cannot be reached is said plainly. The
//! whole flow against a real OpenID Provider is in tests/browser/sso.test.mjs.

use chrono::TimeDelta;
use muni_id::clock::Clock;
use muni_id::config::Config;
use muni_id::crypto::token::token_hash;
use muni_id::db::sign_on_requests::{self, SignOnRequestRow};
use muni_id::domain::staff::StaffRole;
use reqwest::header::COOKIE;

use crate::helpers::{error_code, spawn_app_with, spawn_beside, Session, TestApp, STAFF_PASSWORD};
use crate::pages::{csrf_of, post_form, set_cookie};

/// Single sign-on with a provider nothing listens for (port 9, discard), passwords off but for
/// `break.glass`.
fn sign_on_config(config: &mut Config) {
    config.auth.local_passwords = false;
    config.auth.break_glass_username = "break.glass".into();
    let sso = &mut config.auth.sso;
    sso.issuer = "http://127.0.0.1:9".into();
    sso.client_id = "muni-id".into();
    sso.timeout_secs = 2;
    sso.roles.insert("muni-id-clerks".into(), StaffRole::Clerk);
}

async fn sign_on_app() -> TestApp {
    let app = spawn_app_with(sign_on_config).await;
    app.add_staff("break.glass", StaffRole::Admin);
    app.add_staff("a.clerk", StaffRole::Clerk);
    app
}

#[tokio::test]
async fn with_passwords_off_only_the_break_glass_account_logs_in_with_one() {
    let app = sign_on_app().await;
    for who in ["a.clerk", "no.such.person"] {
        let res = app.login(who, STAFF_PASSWORD).await;
        let (status, code, body) = error_code(res).await;
        assert_eq!(
            (status, code.as_str()),
            (403, "local_passwords_off"),
            "{who}"
        );
        assert!(!body.to_string().contains(who), "the name is not repeated");
    }
    // No password was checked for the refused ones: nothing counted against them.
    assert_eq!(app.count_rows("login_failures"), 0);
    assert_eq!(app.login("break.glass", STAFF_PASSWORD).await.status(), 201);

    // The login page: the city's sign-in first, the password form folded away, and a clerk's
    // password refused there too.
    let page = app.client.get(app.url("/login")).send().await.unwrap();
    let (pre, _) = set_cookie(&page, "muni_pre").expect("a pre-session cookie");
    let html = page.text().await.unwrap();
    assert!(html.contains("id=\"sign-on\""), "{html}");
    assert!(html.contains("<details class=\"break-glass\""), "{html}");
    let res = post_form(
        &app,
        &format!("muni_pre={pre}"),
        "/login",
        &[
            ("csrf", &csrf_of(&html)),
            ("username", "a.clerk"),
            ("password", STAFF_PASSWORD),
        ],
    )
    .await;
    assert_eq!(res.status(), 403);
    assert!(set_cookie(&res, "muni_session").is_none());
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("passwords are switched off here"));
}

#[tokio::test]
async fn with_passwords_on_the_login_page_offers_both() {
    let app = spawn_app_with(|config| {
        sign_on_config(config);
        config.auth.local_passwords = true;
    })
    .await;
    app.add_staff("a.clerk", StaffRole::Clerk);
    let html = app
        .client
        .get(app.url("/login"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("id=\"sign-on\""));
    assert!(!html.contains("<details class=\"break-glass\""));
    assert_eq!(app.login("a.clerk", STAFF_PASSWORD).await.status(), 201);
}

/// A request as `begin` leaves it, under a known state and browser secret.
fn waiting_request(app: &TestApp, state: &str, browser: &str) {
    let now = app.clock.now();
    sign_on_requests::insert(
        &mut app.ctx.db().unwrap(),
        &SignOnRequestRow {
            state_hash: token_hash(state),
            browser_hash: token_hash(browser),
            nonce: "nonce-of-the-request".into(),
            pkce_verifier: "verifier-of-the-request-that-is-long-enough-for-pkce".into(),
            next_path: None,
            created_at: now.naive_utc(),
        },
        (now - TimeDelta::minutes(10)).naive_utc(),
    )
    .unwrap();
}

/// The callback with `query`, from a browser holding the cookie of the request begun with
/// `cookie`'s state (its secret), if any.
async fn callback(app: &TestApp, query: &str, cookie: Option<(&str, &str)>) -> (u16, String) {
    let mut request = app
        .client
        .get(app.url(&format!("/login/sso/callback?{query}")));
    if let Some((state, secret)) = cookie {
        let name = format!("muni_sign_on_{}", muni_id::services::sign_on::tag_of(state));
        request = request.header(COOKIE, format!("{name}={secret}"));
    }
    let res = request.send().await.unwrap();
    let status = res.status().as_u16();
    assert!(
        set_cookie(&res, "muni_session").is_none(),
        "no session: {query}"
    );
    (status, res.text().await.unwrap())
}

#[tokio::test]
async fn the_callback_opens_nothing_without_the_request_this_browser_began() {
    let app = sign_on_app().await;
    waiting_request(&app, "the-real-state", "the-browser-secret");

    let mine = Some(("the-real-state", "the-browser-secret"));
    // A forged or tampered state (with this browser's cookie), the right state from a browser
    // without the cookie, with another's secret under its name, or with the cookie of the
    // forged state.
    for (query, cookie) in [
        ("state=forged&code=abc", mine),
        ("state=the-real-stat&code=abc", mine),
        ("state=the-real-state&code=abc", None),
        (
            "state=the-real-state&code=abc",
            Some(("the-real-state", "another-browser")),
        ),
        (
            "state=forged&code=abc",
            Some(("forged", "the-browser-secret")),
        ),
        ("code=abc", mine),
    ] {
        let (status, html) = callback(&app, query, cookie).await;
        assert_eq!(status, 400, "{query} {cookie:?}");
        assert!(html.contains("not valid any more"), "{html}");
    }
    assert_eq!(
        app.count_rows("sign_on_requests"),
        1,
        "none of them used the request"
    );

    // The right pair: the request is taken, and the code goes to the provider (down here).
    let (status, html) = callback(&app, "state=the-real-state&code=abc", mine).await;
    assert_eq!(status, 502, "{html}");
    assert!(html.contains("cannot be reached right now"));
    assert_eq!(app.count_rows("sign_on_requests"), 0);
    // Taken once: the same callback again finds nothing.
    let (status, _) = callback(&app, "state=the-real-state&code=abc", mine).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_request_older_than_ten_minutes_or_ended_by_the_provider_opens_nothing() {
    let app = sign_on_app().await;
    waiting_request(&app, "old-state", "browser");
    app.clock.advance(TimeDelta::minutes(11));
    let (status, _) = callback(
        &app,
        "state=old-state&code=abc",
        Some(("old-state", "browser")),
    )
    .await;
    assert_eq!(status, 400);

    waiting_request(&app, "cancelled", "browser");
    let (status, html) = callback(
        &app,
        "state=cancelled&error=access_denied",
        Some(("cancelled", "browser")),
    )
    .await;
    assert_eq!(status, 401);
    assert!(html.contains("cancelled or not completed"), "{html}");
}

#[tokio::test]
async fn an_unreachable_provider_is_said_plainly_and_nothing_waits() {
    let app = sign_on_app().await;
    let res = app.client.get(app.url("/login/sso")).send().await.unwrap();
    assert_eq!(res.status(), 502);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("cannot be reached right now"));
    assert_eq!(app.count_rows("sign_on_requests"), 0);
    // Without single sign-on configured there is no such page.
    let plain = spawn_app_with(|_| {}).await;
    let res = plain
        .client
        .get(plain.url("/login/sso"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

/// A clerk's read that answers 404 to a session that opens it.
const NO_SUCH_RESIDENT: &str = "/api/v1/residents/00000000-0000-4000-8000-000000000000";

#[tokio::test]
async fn a_password_session_ends_when_passwords_are_switched_off() {
    // Before: passwords on. The same database then served with passwords off (an upgrade to
    // single sign-on): the clerk's password session opens nothing any more; the break-glass
    // admin's still does.
    let before = spawn_app_with(|config| {
        sign_on_config(config);
        config.auth.local_passwords = true;
    })
    .await;
    before.add_staff("break.glass", StaffRole::Admin);
    before.add_staff("a.clerk", StaffRole::Clerk);
    let mut tokens = Vec::new();
    for who in ["a.clerk", "break.glass"] {
        let res = before.login(who, STAFF_PASSWORD).await;
        assert_eq!(res.status(), 201);
        let body: serde_json::Value = res.json().await.unwrap();
        tokens.push(Session {
            token: body["token"].as_str().unwrap().to_owned(),
        });
    }
    let after = spawn_beside(&before, |config| config.auth.local_passwords = false);
    let res = after.get(&tokens[0], NO_SUCH_RESIDENT).await;
    assert_eq!(res.status(), 401, "the clerk's password session ended");
    let res = after.get(&tokens[1], "/api/v1/staff").await;
    assert_eq!(res.status(), 200, "the break-glass admin's did not");
}

#[tokio::test]
async fn a_signed_on_session_has_no_password_to_change_and_is_not_asked_to() {
    let app = sign_on_app().await;
    // A session as a completed sign-on leaves it, for an account whose password was set by
    // someone else (it would have to be changed at a password login).
    let token = "a-signed-on-session-token-for-the-test";
    let staff_id = {
        use diesel::prelude::*;
        use muni_id::db::schema::staff;
        let mut conn = app.ctx.db().unwrap();
        diesel::update(staff::table.filter(staff::username.eq("a.clerk")))
            .set(staff::must_change_password.eq(true))
            .execute(&mut conn)
            .unwrap();
        staff::table
            .filter(staff::username.eq("a.clerk"))
            .select(staff::id)
            .first::<String>(&mut conn)
            .unwrap()
    };
    let now = app.clock.now().naive_utc();
    muni_id::db::sessions::insert(
        &mut app.ctx.db().unwrap(),
        &muni_id::db::sessions::SessionRow {
            token_hash: token_hash(token),
            staff_id,
            created_at: now,
            last_seen_at: now,
            expires_at: now + TimeDelta::hours(1),
            awaiting_factor: false,
            factor_due_by: None,
            ceremony: None,
            signed_on: true,
            site: None,
        },
    )
    .unwrap();
    let session = Session {
        token: token.into(),
    };
    // Not sent to change a password it does not sign in with (403 password_change_required):
    // the clerk's work opens.
    let res = app.get(&session, NO_SUCH_RESIDENT).await;
    assert_eq!(res.status(), 404);
    let res = app
        .post_json(
            &session,
            "/api/v1/staff/me/password",
            &serde_json::json!({"current_password": STAFF_PASSWORD, "new_password": "a brand new passphrase"}),
        )
        .await;
    let (status, code, _) = error_code(res).await;
    assert_eq!((status, code.as_str()), (403, "local_passwords_off"));
}

#[tokio::test]
async fn each_client_may_take_only_so_many_sign_on_steps_a_minute() {
    let app = spawn_app_with(|config| {
        sign_on_config(config);
        config.auth.sso.steps_per_client_per_minute = 2;
    })
    .await;
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let res = app.client.get(app.url("/login/sso")).send().await.unwrap();
        statuses.push(res.status().as_u16());
    }
    // The provider is down (502) for the first two; the third is not even tried.
    assert_eq!(statuses, [502, 502, 429]);
}
