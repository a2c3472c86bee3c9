//! Legal holds: an admin places a hold with a reference and a scope, and lifts it; held records
//! outlive their date (and the report shows them apart from overdue ones), records outside the
//! scope go as before, and the hold keeps no key epoch alive for the records destroyed beside
//! the held ones. On SQLite and PostgreSQL.

use chrono::{Months, TimeDelta};
use muni_id::clock::Clock;
use muni_id::crypto::keyring::Epoch;
use muni_id::db::residents::ResidentRow;
use muni_id::domain::staff::StaffRole;
use muni_id::services::purge::{self, PurgeOptions};
use muni_id::services::vault::{self, VaultError};
use serde_json::{json, Value};

use crate::helpers::{error_code, resident, spawn_app, Session, TestApp};

fn row(app: &TestApp, id: &str) -> Option<ResidentRow> {
    muni_id::db::residents::find(&mut app.ctx.db().unwrap(), id).unwrap()
}

fn purge_now(app: &TestApp) {
    let options = PurgeOptions {
        as_of: app.clock.today(),
        dry_run: false,
        trigger: "cli",
        fail_after: None,
    };
    purge::run(&app.ctx, &options, &|_, _| {}).unwrap();
}

/// Moves the clock `days` on and runs the scheduled purge.
fn days_pass(app: &TestApp, days: i64) {
    app.clock.advance(TimeDelta::days(days));
    purge_now(app);
}

async fn place(app: &TestApp, admin: &Session, body: Value) -> (u16, Value) {
    let res = app.post_json(admin, "/api/v1/legal-holds", &body).await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

async fn retention_class(app: &TestApp, auditor: &Session, class: &str) -> Value {
    let report: Value = app
        .get(auditor, "/api/v1/reports/retention")
        .await
        .json()
        .await
        .unwrap();
    report["classes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["class"] == class)
        .cloned()
        .unwrap()
}

fn audited(app: &TestApp, action: &str) -> usize {
    use diesel::prelude::*;
    use muni_id::db::schema::audit_log;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .count()
        .get_result::<i64>(&mut *app.ctx.db().unwrap())
        .unwrap() as usize
}

#[tokio::test]
async fn held_records_outlive_their_date_and_go_once_the_hold_is_lifted() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let early = app.enroll_ok(&clerk, &resident("Primera Retenida")).await;
    app.clock.advance(TimeDelta::days(3));
    // Sessions end while days pass: each step logs in afresh.
    let (admin, clerk) = (
        app.session(StaffRole::Admin).await,
        app.session(StaffRole::Clerk).await,
    );
    let later = app.enroll_ok(&clerk, &resident("Segunda Libre")).await;
    let early_day = app.clock.today() - TimeDelta::days(3);

    // A hold on those enrolled on the first day only.
    let (status, placed) = place(
        &app,
        &admin,
        json!({"reference": "CV-2026-0142", "scope": "enrolled_between",
               "enrolled_from": early_day.to_string(), "enrolled_to": early_day.to_string()}),
    )
    .await;
    assert_eq!(status, 201, "{placed}");
    assert_eq!(placed["records_covered"], 1);
    assert_eq!(placed["hold"]["in_force"], true);
    let hold_id = placed["hold"]["id"].as_str().unwrap().to_owned();

    // Both are past their 30 days: the held one stays, readable; the other goes.
    days_pass(&app, 40);
    let (clerk, auditor) = (
        app.session(StaffRole::Clerk).await,
        app.session(StaffRole::Auditor).await,
    );
    assert!(row(&app, &later).is_none(), "not covered: destroyed");
    let res = app.get(&clerk, &format!("/api/v1/residents/{early}")).await;
    assert_eq!(res.status(), 200, "held: kept and readable");
    let unissued = retention_class(&app, &auditor, "unissued_residents").await;
    assert_eq!(
        (
            unissued["overdue"].as_u64(),
            unissued["under_legal_hold"].as_u64()
        ),
        (Some(0), Some(1)),
        "{unissued}"
    );
    let report: Value = app
        .get(&auditor, "/api/v1/reports/retention")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["legal_holds"][0]["reference"], "CV-2026-0142");
    assert_eq!(report["legal_holds"][0]["scope"], "enrolled_between");
    // The CSV and the PDF list the hold and count the held record apart too.
    let csv = app
        .get(&auditor, "/api/v1/reports/retention?format=csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.lines()
            .any(|l| l.starts_with("class,unissued_residents,") && l.ends_with(",0,1,1")),
        "{csv}"
    );
    assert!(
        csv.lines().any(|l| l.starts_with(&format!(
            "legal_hold,CV-2026-0142,enrolled_between,{early_day},{early_day},,"
        ))),
        "{csv}"
    );
    let pdf = app
        .get(&auditor, "/api/v1/reports/retention?format=pdf")
        .await
        .bytes()
        .await
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = std::process::Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (bash tests/run.sh installs poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Legal holds"), "{text}");
    assert!(text.contains("CV-2026-0142"), "{text}");
    if let Ok(keep) = std::env::var("MUNI_ID_KEEP_REPORT") {
        std::fs::write(keep, &pdf).unwrap();
    }

    // Months later, still held and still readable: its keys moved on with the ratchet.
    app.clock
        .set(app.clock.now().checked_add_months(Months::new(4)).unwrap());
    purge_now(&app);
    let kept = row(&app, &early).expect("still held");
    assert!(vault::open_face(&app.ctx, &kept).is_ok());
    let (admin, auditor) = (
        app.session(StaffRole::Admin).await,
        app.session(StaffRole::Auditor).await,
    );

    // Lifted: the next purge destroys it.
    let res = app
        .post_json(
            &admin,
            &format!("/api/v1/legal-holds/{hold_id}/lift"),
            &json!({}),
        )
        .await;
    let lifted: Value = res.json().await.unwrap();
    assert_eq!(lifted["in_force"], false, "{lifted}");
    assert!(lifted["lifted_by"].as_str().unwrap().starts_with("admin-"));
    let res = app
        .post_json(
            &admin,
            &format!("/api/v1/legal-holds/{hold_id}/lift"),
            &json!({}),
        )
        .await;
    let (status, code, _) = error_code(res).await;
    assert_eq!((status, code.as_str()), (409, "legal_hold_lifted"));
    purge_now(&app);
    assert!(
        row(&app, &early).is_none(),
        "destroyed once the hold is lifted"
    );
    let unissued = retention_class(&app, &auditor, "unissued_residents").await;
    assert_eq!(
        (
            unissued["overdue"].as_u64(),
            unissued["under_legal_hold"].as_u64()
        ),
        (Some(0), Some(0))
    );
    assert_eq!(
        (
            audited(&app, "legal_hold.place"),
            audited(&app, "legal_hold.lift")
        ),
        (1, 1)
    );
}

/// Two sites, a clerk choosing between them: the clerk's session.
async fn two_sites(app: &TestApp, admin: &Session) -> Session {
    let today = app.clock.today().to_string();
    for code in ["north", "south"] {
        let res = app
            .post_json(
                admin,
                "/api/v1/sites",
                &json!({"code": code, "name": code, "kind": "centre", "opens_on": today}),
            )
            .await;
        assert_eq!(res.status(), 201);
    }
    app.session(StaffRole::Clerk).await
}

async fn work_at(app: &TestApp, clerk: &Session, code: &str) {
    let res = app
        .client
        .put(app.url("/api/v1/sessions/current/site"))
        .bearer_auth(&clerk.token)
        .json(&json!({ "site": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn a_hold_keeps_no_epoch_alive_for_the_records_destroyed_beside_it() {
    let app = spawn_app().await;
    let admin = app.session(StaffRole::Admin).await;
    let clerk = two_sites(&app, &admin).await;
    work_at(&app, &clerk, "north").await;
    let held = app.enroll_ok(&clerk, &resident("Retenida Norte")).await;
    work_at(&app, &clerk, "south").await;
    let beside = app.enroll_ok(&clerk, &resident("Vecina Sur")).await;
    let (status, _) = place(
        &app,
        &admin,
        json!({"reference": "ORDER 7", "scope": "site", "site": "north"}),
    )
    .await;
    assert_eq!(status, 201);
    // Someone copies the database now: both records, sealed in the same key epoch.
    let copy_of_held = row(&app, &held).unwrap();
    let copy_of_beside = row(&app, &beside).unwrap();
    assert_eq!(copy_of_held.key_epoch, copy_of_beside.key_epoch);
    let epoch = Epoch::parse(&copy_of_held.key_epoch).unwrap();

    // Months pass: the purge destroys the one beside, and the ratchet moves the held record's
    // keys on, so the epoch both were sealed in is destroyed: the copy of the one destroyed
    // can no longer be opened, though the held one still can.
    let later = app.clock.now().checked_add_months(Months::new(5)).unwrap();
    app.clock.set(later);
    purge_now(&app);
    assert!(row(&app, &beside).is_none());
    let kept = row(&app, &held).expect("held");
    assert_ne!(kept.key_epoch, copy_of_held.key_epoch, "its keys moved on");
    assert!(vault::open_face(&app.ctx, &kept).is_ok());
    assert!(
        !app.ctx
            .custody
            .inventory()
            .unwrap()
            .live
            .iter()
            .any(|(e, _)| *e == epoch),
        "the epoch the destroyed record was sealed in is gone"
    );
    assert!(matches!(
        vault::open_face(&app.ctx, &copy_of_beside),
        Err(VaultError::Destroyed)
    ));
}

#[tokio::test]
async fn a_hold_by_site_covers_that_site_only_and_bad_holds_are_refused() {
    let app = spawn_app().await;
    let admin = app.session(StaffRole::Admin).await;
    let auditor = app.session(StaffRole::Auditor).await;
    let clerk = two_sites(&app, &admin).await;
    work_at(&app, &clerk, "north").await;
    let at_north = app.enroll_ok(&clerk, &resident("Norte Uno")).await;
    work_at(&app, &clerk, "south").await;
    let at_south = app.enroll_ok(&clerk, &resident("Sur Uno")).await;

    for (body, field) in [
        (json!({"reference": " ", "scope": "all"}), "reference"),
        (
            json!({"reference": "X", "scope": "all", "site": "north"}),
            "site",
        ),
        (json!({"reference": "X", "scope": "site"}), "site"),
        (
            json!({"reference": "X", "scope": "site", "site": "west"}),
            "site",
        ),
        (
            json!({"reference": "X", "scope": "enrolled_between", "enrolled_from": "2026-02-01", "enrolled_to": "2026-01-01"}),
            "enrolled_to",
        ),
        (
            json!({"reference": "X", "scope": "enrolled_between", "enrolled_from": "2026-02-30", "enrolled_to": "2026-03-01"}),
            "enrolled_from",
        ),
    ] {
        let (status, answer) = place(&app, &admin, body.clone()).await;
        assert_eq!(status, 422, "{body} → {answer}");
        assert_eq!(answer["error"]["field"], field, "{body} → {answer}");
    }
    let (status, answer) = place(
        &app,
        &admin,
        json!({"reference": "X", "scope": "all", "person": "Ana"}),
    )
    .await;
    assert_eq!(
        (status, answer["error"]["code"].as_str()),
        (400, Some("unknown_field"))
    );
    let (status, _) = place(&app, &auditor, json!({"reference": "X", "scope": "all"})).await;
    assert_eq!(
        status, 403,
        "an auditor reads holds but does not place them"
    );
    assert_eq!(
        audited(&app, "legal_hold.place"),
        0,
        "nothing refused was placed"
    );

    let (status, placed) = place(
        &app,
        &admin,
        json!({"reference": "NORTH-1", "scope": "site", "site": "north"}),
    )
    .await;
    assert_eq!((status, placed["records_covered"].as_u64()), (201, Some(1)));
    let listed: Value = app
        .get(&auditor, "/api/v1/legal-holds")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["holds"][0]["site"], "north");

    // Enrolled at North after the hold was placed: covered too.
    work_at(&app, &clerk, "north").await;
    let later_at_north = app.enroll_ok(&clerk, &resident("Norte Dos")).await;

    days_pass(&app, 40);
    assert!(row(&app, &at_north).is_some(), "held at North");
    assert!(
        row(&app, &later_at_north).is_some(),
        "held at North since enrolled"
    );
    assert!(row(&app, &at_south).is_none(), "South is not held");
}

#[tokio::test]
async fn a_held_record_keeps_its_address_through_printing_and_cannot_be_changed() {
    let app = spawn_app().await;
    let admin = app.session(StaffRole::Admin).await;
    let (status, _) = place(
        &app,
        &admin,
        json!({"reference": "No. 2026/CV-14", "scope": "all"}),
    )
    .await;
    assert_eq!(status, 201);
    // Enrolled after the hold: its scope (every record) takes the resident in.
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Dirección Guardada")).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap();
    app.clock.advance(TimeDelta::minutes(1));
    let res = app
        .post_json(&clerk, &format!("/api/v1/cards/{number}/print"), &json!({}))
        .await;
    assert_eq!(res.status(), 200);
    purge_now(&app);
    let record: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        record["address"]["line1"], "12 Elm St",
        "kept through print and purge"
    );

    // A change would re-seal the record: refused, and nothing changes.
    for change in [
        json!({"address": null}),
        json!({"legal_name": "Otro Nombre"}),
    ] {
        let res = app
            .patch_json(&clerk, &format!("/api/v1/residents/{id}"), &change)
            .await;
        let (status, code, _) = error_code(res).await;
        assert_eq!(
            (status, code.as_str()),
            (409, "under_legal_hold"),
            "{change}"
        );
    }
    let again: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (&again["legal_name"], &again["address"]["line1"]),
        (&json!("Dirección Guardada"), &json!("12 Elm St"))
    );

    // Lifted: the next purge destroys the printed card's address, as the policy says.
    let list: Value = app
        .get(&admin, "/api/v1/legal-holds")
        .await
        .json()
        .await
        .unwrap();
    let hold = list["holds"][0]["id"].as_str().unwrap();
    app.post_json(
        &admin,
        &format!("/api/v1/legal-holds/{hold}/lift"),
        &json!({}),
    )
    .await;
    purge_now(&app);
    let after: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(after["address"], Value::Null, "{after}");
}

#[test]
fn references_name_orders_not_people() {
    use muni_id::domain::legal_holds::check_reference;
    assert!(check_reference("Estado c. Núñez").is_err());
    assert!(check_reference("CV-2026-0142").is_ok());
}
