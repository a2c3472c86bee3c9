//! Sites: an admin adds, changes and closes enrollment centres, library branches and pop-up
//! events; a clerk's session works at one site, and each enrollment, card issue and print
//! records it. On SQLite and PostgreSQL.

use chrono::{Datelike, TimeDelta};
use muni_id::clock::Clock;
use muni_id::domain::staff::StaffRole;
use serde_json::{json, Value};

use crate::helpers::{error_code, resident, spawn_app, Session, TestApp, STAFF_PASSWORD};

/// An account of `role` named `username`, logged in: the login's answer and its session.
async fn login_as(app: &TestApp, username: &str, role: StaffRole) -> (Value, Session) {
    if app.count_rows_where_username(username) == 0 {
        app.add_staff(username, role);
    }
    let res = app.login(username, STAFF_PASSWORD).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    let session = Session {
        token: body["token"].as_str().unwrap().to_owned(),
    };
    (body, session)
}

trait StaffRows {
    fn count_rows_where_username(&self, username: &str) -> i64;
}

impl StaffRows for TestApp {
    fn count_rows_where_username(&self, username: &str) -> i64 {
        use diesel::prelude::*;
        use muni_id::db::schema::staff;
        staff::table
            .filter(staff::username.eq(username))
            .count()
            .get_result(&mut *self.ctx.db().unwrap())
            .unwrap()
    }
}

async fn add_site(app: &TestApp, admin: &Session, body: Value) -> (u16, Value) {
    let res = app.post_json(admin, "/api/v1/sites", &body).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

fn today(app: &TestApp) -> String {
    app.clock.today().to_string()
}

fn in_days(app: &TestApp, days: i64) -> String {
    (app.clock.today() + TimeDelta::days(days)).to_string()
}

async fn choose(app: &TestApp, clerk: &Session, code: &str) -> reqwest::Response {
    app.client
        .put(app.url("/api/v1/sessions/current/site"))
        .bearer_auth(&clerk.token)
        .json(&json!({ "site": code }))
        .send()
        .await
        .unwrap()
}

/// The audit entries of `action`, as their subjects.
fn audited(app: &TestApp, action: &str) -> Vec<Option<String>> {
    use diesel::prelude::*;
    use muni_id::db::schema::audit_log;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .select(audit_log::subject)
        .load(&mut *app.ctx.db().unwrap())
        .unwrap()
}

#[tokio::test]
async fn an_admin_adds_changes_and_closes_sites() {
    let app = spawn_app().await;
    let admin = app.session(StaffRole::Admin).await;
    let clerk = app.session(StaffRole::Clerk).await;

    let (status, centre) = add_site(
        &app,
        &admin,
        json!({"code": "downtown", "name": "Downtown Centre", "kind": "centre", "opens_on": today(&app)}),
    )
    .await;
    assert_eq!(status, 201, "{centre}");
    assert_eq!(centre["state"], "open");
    assert_eq!(centre["closes_on"], Value::Null);

    // A pop-up event has a last day; a last day before the first is refused; so are bad codes.
    let popup = |closes_on: Value| {
        json!({"code": "fair", "name": "County fair", "kind": "popup",
               "opens_on": in_days(&app, 1), "closes_on": closes_on})
    };
    let (status, body) = add_site(&app, &admin, popup(Value::Null)).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("invalid_value"))
    );
    assert_eq!(body["error"]["field"], "closes_on");
    let (status, body) = add_site(&app, &admin, popup(json!(today(&app)))).await;
    assert_eq!(
        (status, body["error"]["field"].as_str()),
        (422, Some("closes_on"))
    );
    for code in ["X", "Down Town", "-a", "a/b"] {
        let (status, body) = add_site(
            &app,
            &admin,
            json!({"code": code, "name": "Bad", "kind": "centre", "opens_on": today(&app)}),
        )
        .await;
        assert_eq!(
            (status, body["error"]["field"].as_str()),
            (422, Some("code")),
            "{code}"
        );
    }
    let (status, body) = add_site(&app, &admin, popup(json!("2026-13-01"))).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("invalid_date"))
    );
    let (status, fair) = add_site(&app, &admin, popup(json!(in_days(&app, 3)))).await;
    assert_eq!(status, 201, "{fair}");
    assert_eq!(fair["state"], "upcoming");

    // Codes are never reused; a clerk cannot add a site; nor can a field smuggle anything in.
    let (status, body) = add_site(
        &app,
        &admin,
        json!({"code": "downtown", "name": "Again", "kind": "library", "opens_on": today(&app)}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (409, Some("site_code_taken"))
    );
    let (status, _) = add_site(
        &app,
        &clerk,
        json!({"code": "mine", "name": "Mine", "kind": "centre", "opens_on": today(&app)}),
    )
    .await;
    assert_eq!(status, 403);
    let (status, body) = add_site(
        &app,
        &admin,
        json!({"code": "lib", "name": "Library", "kind": "library", "opens_on": today(&app), "notes": "x"}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("unknown_field"))
    );

    // A change of name and last day; then closing, for good.
    let res = app
        .patch_json(
            &admin,
            "/api/v1/sites/downtown",
            &json!({"name": "Downtown Hall"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .patch_json(&admin, "/api/v1/sites/fair", &json!({"closes_on": null}))
        .await;
    let (status, code, _) = error_code(res).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "invalid_value"),
        "a pop-up keeps its last day"
    );
    let res = app
        .post_json(&admin, "/api/v1/sites/fair/close", &json!({}))
        .await;
    let closed: Value = res.json().await.unwrap();
    assert_eq!(closed["state"], "closed");
    let res = app
        .post_json(&admin, "/api/v1/sites/fair/close", &json!({}))
        .await;
    let (status, code, _) = error_code(res).await;
    assert_eq!((status, code.as_str()), (409, "site_closed"));
    let res = app
        .patch_json(&admin, "/api/v1/sites/fair", &json!({"name": "Reopened"}))
        .await;
    let (status, code, _) = error_code(res).await;
    assert_eq!((status, code.as_str()), (409, "site_closed"));
    let res = app
        .post_json(&admin, "/api/v1/sites/nowhere/close", &json!({}))
        .await;
    assert_eq!(res.status(), 404);

    let listed: Value = app.get(&clerk, "/api/v1/sites").await.json().await.unwrap();
    let states: Vec<(String, String, String)> = listed["sites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["code"].as_str().unwrap().to_owned(),
                s["name"].as_str().unwrap().to_owned(),
                s["state"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        states,
        vec![
            ("downtown".into(), "Downtown Hall".into(), "open".into()),
            ("fair".into(), "County fair".into(), "closed".into()),
        ]
    );
    assert_eq!(audited(&app, "site.add").len(), 2);
    assert_eq!(
        audited(&app, "site.change"),
        vec![Some("downtown".to_owned())]
    );
    assert_eq!(audited(&app, "site.close"), vec![Some("fair".to_owned())]);
}

#[tokio::test]
async fn a_clerk_works_at_one_site_and_every_record_names_it() {
    let app = spawn_app().await;
    let admin = app.session(StaffRole::Admin).await;
    for (code, name) in [("north", "North Library"), ("south", "South Centre")] {
        let (status, body) = add_site(
            &app,
            &admin,
            json!({"code": code, "name": name, "kind": "library", "opens_on": today(&app)}),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }

    // Assigned to no site, a clerk may work at either: the login lists both and picks neither.
    let (login, clerk) = login_as(&app, "clerk-any", StaffRole::Clerk).await;
    assert_eq!(login.get("site"), None, "{login}");
    let choices: Vec<&str> = login["site_choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    assert_eq!(choices, ["north", "south"]);

    // Nothing is recorded before the site is chosen: not an enrollment, nor a denial's count.
    let (status, code, _) = error_code(app.enroll(&clerk, &resident("Ana Sitio")).await).await;
    assert_eq!((status, code.as_str()), (409, "site_required"));
    let mut too_few = resident("Ana Sitio");
    too_few["documents"] = json!(["utility_bill"]);
    let (status, code, _) = error_code(app.enroll(&clerk, &too_few).await).await;
    assert_eq!((status, code.as_str()), (409, "site_required"));
    assert_eq!(app.count_rows("residents"), 0);
    assert_eq!(app.count_rows("program_counts"), 0);

    let res = choose(&app, &clerk, "south").await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        audited(&app, "session.site"),
        vec![Some("south".to_owned())]
    );
    let id = app.enroll_ok(&clerk, &resident("Ana Sitio")).await;
    let record: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(record["enrolled_site"], "south");
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap();

    // A clerk assigned to North alone starts there, and cannot choose South.
    app.add_staff("clerk-north", StaffRole::Clerk);
    let res = app
        .client
        .put(app.url("/api/v1/staff/clerk-north/sites"))
        .bearer_auth(&admin.token)
        .json(&json!({"sites": ["north"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let (login, north_clerk) = login_as(&app, "clerk-north", StaffRole::Clerk).await;
    assert_eq!(login["site"]["code"], "north", "{login}");
    assert_eq!(login.get("site_choices"), None);
    let (status, code, _) = error_code(choose(&app, &north_clerk, "south").await).await;
    assert_eq!((status, code.as_str()), (403, "site_not_allowed"));

    // The card printed at North records North; its issue stays at South.
    let res = app
        .post_json(
            &north_clerk,
            &format!("/api/v1/cards/{number}/print"),
            &json!({}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let cards: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}/cards"))
        .await
        .json()
        .await
        .unwrap();
    let card = &cards.as_array().unwrap()[0];
    assert_eq!(
        (card["issued_site"].as_str(), card["printed_site"].as_str()),
        (Some("south"), Some("north")),
        "{card}"
    );

    // The council's counts are kept by site: the application and the card at South.
    let month = app.clock.today().with_day(1).unwrap();
    let counts =
        muni_id::db::program_counts::between(&mut app.ctx.db().unwrap(), month, month).unwrap();
    assert!(!counts.is_empty());
    assert!(
        counts.iter().all(|c| c.site == "south"),
        "{:?}",
        counts
            .iter()
            .map(|c| (&c.site, &c.metric))
            .collect::<Vec<_>>()
    );

    // The staff list says who works where; an admin, auditor or any role without a counter
    // cannot choose a site.
    let staff: Value = app.get(&admin, "/api/v1/staff").await.json().await.unwrap();
    let north = staff
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["username"] == "clerk-north")
        .unwrap();
    assert_eq!(north["sites"], json!(["north"]));
    let (status, code, _) = error_code(choose(&app, &admin, "north").await).await;
    assert_eq!((status, code.as_str()), (403, "site_not_allowed"));
}

#[tokio::test]
async fn a_closed_popup_records_nothing_more() {
    let app = spawn_app().await;
    let admin = app.session(StaffRole::Admin).await;
    let (status, _) = add_site(
        &app,
        &admin,
        json!({"code": "shelter-fair", "name": "Shelter fair", "kind": "popup",
               "opens_on": today(&app), "closes_on": in_days(&app, 2)}),
    )
    .await;
    assert_eq!(status, 201);
    let (login, clerk) = login_as(&app, "clerk-fair", StaffRole::Clerk).await;
    assert_eq!(
        login["site"]["code"], "shelter-fair",
        "the only open site is chosen"
    );
    let id = app.enroll_ok(&clerk, &resident("Bea Feria")).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap().to_owned();

    let res = app
        .post_json(&admin, "/api/v1/sites/shelter-fair/close", &json!({}))
        .await;
    assert_eq!(res.status(), 200);
    let residents_before = app.count_rows("residents");
    let counts_before = app.count_rows("program_counts");
    let (status, code, _) = error_code(app.enroll(&clerk, &resident("Cid Tarde")).await).await;
    assert_eq!((status, code.as_str()), (409, "site_closed"));
    let res = app
        .post_json(
            &clerk,
            &format!("/api/v1/residents/{id}/cards"),
            &json!({"reason": "replacement_damaged", "fee": {"outcome": "paid"}}),
        )
        .await;
    let (status, code, _) = error_code(res).await;
    assert_eq!((status, code.as_str()), (409, "site_closed"));
    for path in [format!("/api/v1/cards/{number}/print")] {
        let (status, code, _) = error_code(app.post_json(&clerk, &path, &json!({})).await).await;
        assert_eq!((status, code.as_str()), (409, "site_closed"), "{path}");
    }
    let res = app
        .post_json(
            &clerk,
            "/api/v1/cards/print",
            &json!({"card_numbers": [number]}),
        )
        .await;
    let (status, code, _) = error_code(res).await;
    assert_eq!((status, code.as_str()), (409, "site_closed"));
    assert_eq!(app.count_rows("residents"), residents_before);
    assert_eq!(app.count_rows("cards"), 1, "no second card");
    let printed: Value = app
        .get(&clerk, &format!("/api/v1/cards/{number}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(printed["printed"], false, "{printed}");
    assert_eq!(app.count_rows("program_counts"), counts_before);

    // Nor can the site be chosen again, nor assigned, and its last day passing ends it alike.
    let (status, code, _) = error_code(choose(&app, &clerk, "shelter-fair").await).await;
    assert_eq!((status, code.as_str()), (409, "site_closed"));
    let res = app
        .client
        .put(app.url("/api/v1/staff/clerk-fair/sites"))
        .bearer_auth(&admin.token)
        .json(&json!({"sites": ["shelter-fair"]}))
        .send()
        .await
        .unwrap();
    let (status, code, _) = error_code(res).await;
    assert_eq!((status, code.as_str()), (409, "site_closed"));

    let (status, _) = add_site(
        &app,
        &admin,
        json!({"code": "weekend", "name": "Weekend fair", "kind": "popup",
               "opens_on": today(&app), "closes_on": today(&app)}),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(choose(&app, &clerk, "weekend").await.status(), 200);
    app.enroll_ok(&clerk, &resident("Dia Uno")).await;
    // The next morning the weekend fair is over: a clerk logging in has no open site, and
    // nothing is recorded without one.
    app.clock.advance(TimeDelta::hours(20));
    let (login, clerk) = login_as(&app, "clerk-fair", StaffRole::Clerk).await;
    assert_eq!(
        (login.get("site"), login.get("site_choices")),
        (None, None),
        "{login}"
    );
    let (status, code, _) = error_code(app.enroll(&clerk, &resident("Dia Dos")).await).await;
    assert_eq!((status, code.as_str()), (409, "site_required"));
    let listed: Value = app.get(&clerk, "/api/v1/sites").await.json().await.unwrap();
    let weekend = listed["sites"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "weekend")
        .unwrap();
    assert_eq!(weekend["state"], "ended");
}
