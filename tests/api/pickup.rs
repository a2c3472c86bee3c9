//! Confidential cards and pick-up: a card with no address, collected in person at a chosen
//! site (issued → printed → ready at the site → handed over), a card mailed, and a pick-up
//! card nobody collected in time, revoked with the data kept for it destroyed. On SQLite and
//! PostgreSQL.

use std::process::Command;

use chrono::TimeDelta;
use muni_id::clock::Clock;
use muni_id::domain::staff::StaffRole;
use muni_id::services::purge::{self, PurgeOptions};
use serde_json::{json, Value};

use crate::helpers::{error_code, resident, spawn_app, Session, TestApp};

pub(crate) async fn add_site(app: &TestApp, admin: &Session, code: &str, kind: &str) {
    let res = app
        .post_json(
            admin,
            "/api/v1/sites",
            &json!({"code": code, "name": format!("Site {code}"), "kind": kind,
                    "opens_on": app.clock.today().to_string()}),
        )
        .await;
    assert_eq!(res.status(), 201);
}

pub(crate) async fn choose(app: &TestApp, clerk: &Session, code: &str) {
    let res = app
        .client
        .put(app.url("/api/v1/sessions/current/site"))
        .bearer_auth(&clerk.token)
        .json(&json!({ "site": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "choosing {code}");
}

/// A clerk working at `site`.
pub(crate) async fn clerk_at(app: &TestApp, site: &str) -> Session {
    let clerk = app.session(StaffRole::Clerk).await;
    choose(app, &clerk, site).await;
    clerk
}

async fn issue(app: &TestApp, clerk: &Session, id: &str, delivery: Value) -> (u16, Value) {
    let res = app
        .post_json(
            clerk,
            &format!("/api/v1/residents/{id}/cards"),
            &json!({"reason": "new", "fee": {"outcome": "paid"}, "delivery": delivery}),
        )
        .await;
    let status = res.status().as_u16();
    (status, res.json().await.unwrap())
}

async fn print(app: &TestApp, clerk: &Session, number: &str) -> Vec<u8> {
    let res = app
        .post_json(
            clerk,
            &format!("/api/v1/cards/{number}/print"),
            &Value::Null,
        )
        .await;
    assert_eq!(res.status(), 200);
    res.bytes().await.unwrap().to_vec()
}

async fn card(app: &TestApp, clerk: &Session, number: &str) -> Value {
    let res = app.get(clerk, &format!("/api/v1/cards/{number}")).await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

async fn step(
    app: &TestApp,
    clerk: &Session,
    number: &str,
    step: &str,
    body: Value,
) -> (u16, String, Value) {
    error_code(
        app.post_json(clerk, &format!("/api/v1/cards/{number}/{step}"), &body)
            .await,
    )
    .await
}

async fn queue(app: &TestApp, clerk: &Session) -> Value {
    let res = app.get(clerk, "/api/v1/pickups").await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// The text of a PDF, as `pdftotext` reads it.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("card.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is needed for this test; `bash tests/run.sh` installs poppler-utils");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

fn audited(app: &TestApp, action: &str) -> Vec<Option<String>> {
    use diesel::prelude::*;
    use muni_id::db::schema::audit_log;
    audit_log::table
        .filter(audit_log::action.eq(action))
        .select(audit_log::subject)
        .load(&mut *app.ctx.db().unwrap())
        .unwrap()
}

fn in_days(app: &TestApp, days: i64) -> String {
    (app.clock.today() + TimeDelta::days(days)).to_string()
}

#[tokio::test]
async fn a_confidential_card_prints_without_an_address_and_is_collected_in_person() {
    let app = spawn_app().await;
    let admin = app.session(StaffRole::Admin).await;
    add_site(&app, &admin, "downtown", "centre").await;
    add_site(&app, &admin, "eastlib", "library").await;
    let clerk = clerk_at(&app, "downtown").await;

    // The control: an ordinary card prints its address, and pdftotext reads it.
    let control = app.enroll_ok(&clerk, &resident("Control Person")).await;
    let (status, issued) = issue(&app, &clerk, &control, json!({"method": "counter"})).await;
    assert_eq!(status, 201, "{issued}");
    app.clock.advance(TimeDelta::minutes(1));
    let text = pdf_text(&print(&app, &clerk, issued["card_number"].as_str().unwrap()).await);
    assert!(text.contains("12 Elm St"), "{text}");

    // Confidential with an address is refused on the address, and nothing is stored.
    let mut both = resident("Refused Both");
    both["confidential"] = json!(true);
    let (status, code, body) = error_code(app.enroll(&clerk, &both).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "confidential_no_address"),
        "{body}"
    );
    assert_eq!(body["error"]["field"], "address");

    // A resident enrolled with an address asks for a confidential card: the address goes.
    let id = app.enroll_ok(&clerk, &resident("Ana Confidencial")).await;
    let res = app
        .patch_json(
            &clerk,
            &format!("/api/v1/residents/{id}"),
            &json!({"confidential": true}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let view: Value = res.json().await.unwrap();
    assert_eq!(view["confidential"], true, "{view}");
    assert_eq!(view["address"], Value::Null);
    // Gone from storage, not only from the answer.
    let row = muni_id::db::residents::find(&mut app.ctx.db().unwrap(), &id)
        .unwrap()
        .unwrap();
    assert!(row.address.is_none() && row.address_key.is_none());
    // While confidential, an address is refused.
    let res = app
        .patch_json(
            &clerk,
            &format!("/api/v1/residents/{id}"),
            &json!({"address": {"line1": "1 Hidden Rd", "city": "Springfield"}}),
        )
        .await;
    let (status, code, body) = error_code(res).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "confidential_no_address"),
        "{body}"
    );

    // Never mailed. A pick-up names an open site that lasts until the card must be collected.
    let (status, body) = issue(&app, &clerk, &id, json!({"method": "mail"})).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("confidential_not_mailed")),
        "{body}"
    );
    let res = app
        .post_json(
            &admin,
            "/api/v1/sites",
            &json!({"code": "fair", "name": "Fair", "kind": "popup",
                    "opens_on": app.clock.today().to_string(), "closes_on": in_days(&app, 3)}),
        )
        .await;
    assert_eq!(res.status(), 201);
    for delivery in [
        json!({"method": "pickup"}),
        json!({"method": "pickup", "site": "nowhere"}),
        json!({"method": "pickup", "site": "fair"}),
    ] {
        let (status, body) = issue(&app, &clerk, &id, delivery).await;
        assert_eq!(
            (status, body["error"]["code"].as_str()),
            (422, Some("pickup_site_required")),
            "{body}"
        );
        assert_eq!(body["error"]["field"], "delivery.site");
    }
    assert!(audited(&app, "card.issue").len() == 1, "nothing issued yet");
    let (status, issued) = issue(
        &app,
        &clerk,
        &id,
        json!({"method": "pickup", "site": "eastlib"}),
    )
    .await;
    assert_eq!(status, 201, "{issued}");
    assert_eq!(
        issued["delivery"],
        json!({"method": "pickup", "site": "eastlib", "collect_by": in_days(&app, 90)})
    );
    let number = issued["card_number"].as_str().unwrap().to_owned();

    // Printed downtown: no address on it; on its way to the library.
    app.clock.advance(TimeDelta::minutes(1));
    let text = pdf_text(&print(&app, &clerk, &number).await);
    assert!(text.contains("Ana Confidencial"), "{text}");
    assert!(!text.contains("Elm") && !text.contains("01101"), "{text}");
    assert_eq!(card(&app, &clerk, &number).await["stage"], "printed");
    let (status, code, _) = step(
        &app,
        &clerk,
        &number,
        "hand-over",
        json!({"identity_checked": true}),
    )
    .await;
    assert_eq!((status, code.as_str()), (409, "not_picked_up_here"));
    assert_eq!(queue(&app, &clerk).await["cards"], json!([]));

    // At the library: listed, not yet ready; marked arrived, then handed over once checked.
    let librarian = clerk_at(&app, "eastlib").await;
    let waiting = queue(&app, &librarian).await;
    assert_eq!(waiting["site"], "eastlib");
    assert_eq!(waiting["cards"][0]["card_number"], number.as_str());
    assert_eq!(waiting["cards"][0]["stage"], "printed");
    let (status, code, body) = step(
        &app,
        &librarian,
        &number,
        "hand-over",
        json!({"identity_checked": true}),
    )
    .await;
    assert_eq!((status, code.as_str()), (409, "wrong_card_stage"));
    assert_eq!(body["error"]["stage"], "printed");
    let (status, _, ready) = step(&app, &librarian, &number, "arrived", Value::Null).await;
    assert_eq!(status, 200, "{ready}");
    assert_eq!(ready["stage"], "ready");
    assert_eq!(ready["delivery"]["collect_by"], in_days(&app, 90).as_str());
    let (status, code, _) = step(&app, &librarian, &number, "arrived", Value::Null).await;
    assert_eq!((status, code.as_str()), (409, "wrong_card_stage"));
    let (status, code, _) = step(
        &app,
        &librarian,
        &number,
        "hand-over",
        json!({"identity_checked": false}),
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "holder_unchecked"));
    let (status, _, handed) = step(
        &app,
        &librarian,
        &number,
        "hand-over",
        json!({"identity_checked": true}),
    )
    .await;
    assert_eq!(status, 200, "{handed}");
    assert_eq!(handed["stage"], "handed_over");
    assert_eq!(handed["delivery"].get("collect_by"), None);
    assert_eq!(
        handed["delivery"].get("site"),
        None,
        "a delivered card forgets its site"
    );
    let (status, code, body) = step(
        &app,
        &librarian,
        &number,
        "hand-over",
        json!({"identity_checked": true}),
    )
    .await;
    assert_eq!((status, code.as_str()), (409, "wrong_card_stage"));
    assert_eq!(body["error"]["stage"], "handed_over");
    assert_eq!(queue(&app, &librarian).await["cards"], json!([]));
    assert_eq!(audited(&app, "card.arrived"), vec![Some(number.clone())]);
    assert_eq!(audited(&app, "card.hand_over"), vec![Some(number.clone())]);
    assert!(app.card_is_valid(issued["qr_text"].as_str().unwrap()).await);

    // A confidential card may also be handed over at the counter, in person.
    let (status, body) = issue(&app, &clerk, &id, json!({"method": "counter"})).await;
    assert_eq!(status, 201, "{body}");
}

#[tokio::test]
async fn a_card_is_mailed_only_to_an_address_and_a_counter_card_is_handed_over_when_printed() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;

    let mut no_address = resident("Sin Direccion");
    no_address["address"] = Value::Null;
    let homeless = app.enroll_ok(&clerk, &no_address).await;
    let (status, body) = issue(&app, &clerk, &homeless, json!({"method": "mail"})).await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("no_address_to_mail")),
        "{body}"
    );
    // A site is only for a pick-up; a program with no site has none to pick up at.
    let (status, body) = issue(
        &app,
        &clerk,
        &homeless,
        json!({"method": "counter", "site": "x"}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("invalid_value"))
    );
    assert_eq!(body["error"]["field"], "delivery.site");
    let (status, body) = issue(
        &app,
        &clerk,
        &homeless,
        json!({"method": "pickup", "site": "x"}),
    )
    .await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (422, Some("pickup_site_required"))
    );

    let id = app.enroll_ok(&clerk, &resident("Mailed Person")).await;
    let (status, issued) = issue(&app, &clerk, &id, json!({"method": "mail"})).await;
    assert_eq!(status, 201, "{issued}");
    let number = issued["card_number"].as_str().unwrap();
    let (status, code, _) = step(&app, &clerk, number, "mailed", Value::Null).await;
    assert_eq!(
        (status, code.as_str()),
        (409, "wrong_card_stage"),
        "not printed"
    );
    // While the card waits to be mailed to the address, the record cannot turn confidential.
    let patch = json!({"confidential": true});
    let path = format!("/api/v1/residents/{id}");
    let (status, code, _) = error_code(app.patch_json(&clerk, &path, &patch).await).await;
    assert_eq!((status, code.as_str()), (409, "card_awaiting_mail"));
    app.clock.advance(TimeDelta::minutes(1));
    print(&app, &clerk, number).await;
    assert_eq!(card(&app, &clerk, number).await["stage"], "printed");
    let (status, _, mailed) = step(&app, &clerk, number, "mailed", Value::Null).await;
    assert_eq!((status, mailed["stage"].as_str()), (200, Some("mailed")));
    let (status, code, _) = step(&app, &clerk, number, "mailed", Value::Null).await;
    assert_eq!((status, code.as_str()), (409, "wrong_card_stage"));
    assert_eq!(audited(&app, "card.mailed").len(), 1);
    // Mailed: now it may.
    assert_eq!(app.patch_json(&clerk, &path, &patch).await.status(), 200);

    // Without a delivery: handed over at the counter when printed.
    let counter = app.issue_card(&clerk, &homeless, "new").await;
    let number = counter["card_number"].as_str().unwrap();
    assert_eq!(counter["delivery"], json!({"method": "counter"}));
    assert_eq!(card(&app, &clerk, number).await["stage"], "issued");
    let (status, code, _) = step(&app, &clerk, number, "arrived", Value::Null).await;
    assert_eq!(
        (status, code.as_str()),
        (409, "wrong_card_stage"),
        "not a pick-up card"
    );
    print(&app, &clerk, number).await;
    assert_eq!(card(&app, &clerk, number).await["stage"], "handed_over");
}

fn purge(app: &TestApp, dry_run: bool) -> purge::PurgeOutcome {
    let options = PurgeOptions {
        as_of: app.clock.today(),
        dry_run,
        trigger: "cli",
        fail_after: None,
    };
    purge::run(&app.ctx, &options, &|_, _| {}).unwrap()
}

#[tokio::test]
async fn a_card_not_collected_in_time_is_revoked_and_its_data_destroyed() {
    let app = spawn_app().await;
    let admin = app.session(StaffRole::Admin).await;
    add_site(&app, &admin, "eastlib", "library").await;
    // One open site: the clerk starts there.
    let clerk = app.session(StaffRole::Clerk).await;

    let mut left = resident("Nunca Recogida");
    left["address"] = Value::Null;
    left["confidential"] = json!(true);
    let left_id = app.enroll_ok(&clerk, &left).await;
    let collected_id = app.enroll_ok(&clerk, &resident("Sí Recogida")).await;
    let pickup = json!({"method": "pickup", "site": "eastlib"});
    let (_, left_card) = issue(&app, &clerk, &left_id, pickup.clone()).await;
    let (_, collected_card) = issue(&app, &clerk, &collected_id, pickup).await;
    let left_number = left_card["card_number"].as_str().unwrap().to_owned();
    let collected_number = collected_card["card_number"].as_str().unwrap().to_owned();
    app.clock.advance(TimeDelta::minutes(1));
    for number in [&left_number, &collected_number] {
        // Printed at its own site: ready at once.
        print(&app, &clerk, number).await;
        assert_eq!(card(&app, &clerk, number).await["stage"], "ready");
    }
    let (status, _, _) = step(
        &app,
        &clerk,
        &collected_number,
        "hand-over",
        json!({"identity_checked": true}),
    )
    .await;
    assert_eq!(status, 200);

    // On the last day to collect it, the purge leaves it.
    app.clock.advance(TimeDelta::days(90));
    assert_eq!(purge(&app, false).cards_uncollected, 0);
    assert!(
        app.card_is_valid(left_card["qr_text"].as_str().unwrap())
            .await
    );

    // The day after, it can no longer be handed over, even before the purge runs.
    app.clock.advance(TimeDelta::days(1));
    let clerk = app.session(StaffRole::Clerk).await;
    let (status, code, body) = step(
        &app,
        &clerk,
        &left_number,
        "hand-over",
        json!({"identity_checked": true}),
    )
    .await;
    assert_eq!((status, code.as_str()), (409, "wrong_card_stage"));
    assert_eq!(body["error"]["stage"], "uncollected");
    // A dry run counts what the purge would do, and changes nothing.
    let dry = purge(&app, true);
    assert_eq!((dry.cards_uncollected, dry.residents_destroyed), (1, 1));
    assert!(
        app.card_is_valid(left_card["qr_text"].as_str().unwrap())
            .await
    );

    // The purge revokes it and destroys the resident's data; the collected one stays.
    let outcome = purge(&app, false);
    assert_eq!(outcome.cards_uncollected, 1);
    assert_eq!(outcome.residents_destroyed, 1);
    assert!(
        !app.card_is_valid(left_card["qr_text"].as_str().unwrap())
            .await
    );
    assert!(
        app.card_is_valid(collected_card["qr_text"].as_str().unwrap())
            .await
    );
    assert_eq!(
        audited(&app, "card.uncollected"),
        vec![Some(left_number.clone())]
    );
    let mut conn = app.ctx.db().unwrap();
    assert!(muni_id::db::residents::find(&mut conn, &left_id)
        .unwrap()
        .is_none());
    assert!(muni_id::db::residents::find(&mut conn, &collected_id)
        .unwrap()
        .is_some());
    let runs = muni_id::db::purge_runs::recent(&mut conn, 1).unwrap();
    assert_eq!(runs[0].cards_uncollected, 1, "the run records it");
    drop(conn);
    let tombstone = card(&app, &clerk, &left_number).await;
    assert_eq!(tombstone["status"], "revoked");
    assert_eq!(tombstone.get("delivery"), None, "{tombstone}");
    let res = app
        .get(&clerk, &format!("/api/v1/residents/{left_id}"))
        .await;
    assert_eq!(res.status(), 404);
    // Nothing left to collect.
    assert_eq!(queue(&app, &clerk).await["cards"], json!([]));
    // A rerun finds nothing more.
    assert_eq!(purge(&app, false).cards_uncollected, 0);
}

#[tokio::test]
async fn a_pickup_card_moves_to_another_site_and_a_revoked_one_goes_nowhere() {
    let app = spawn_app().await;
    let admin = app.session(StaffRole::Admin).await;
    add_site(&app, &admin, "eastlib", "library").await;
    add_site(&app, &admin, "westlib", "library").await;
    let east = clerk_at(&app, "eastlib").await;
    let id = app.enroll_ok(&east, &resident("Moving Person")).await;
    let (_, issued) = issue(
        &app,
        &east,
        &id,
        json!({"method": "pickup", "site": "eastlib"}),
    )
    .await;
    let number = issued["card_number"].as_str().unwrap().to_owned();
    app.clock.advance(TimeDelta::minutes(1));
    print(&app, &east, &number).await;
    assert_eq!(card(&app, &east, &number).await["stage"], "ready");

    // The east library is closing: the card goes west, and must arrive there.
    app.clock.advance(TimeDelta::days(10));
    let east = clerk_at(&app, "eastlib").await;
    let move_to = |site: &str| json!({ "site": site });
    let (status, code, _) = step(&app, &east, &number, "pickup-site", move_to("nowhere")).await;
    assert_eq!((status, code.as_str()), (422, "pickup_site_required"));
    let (status, _, moved) = step(&app, &east, &number, "pickup-site", move_to("westlib")).await;
    assert_eq!(status, 200, "{moved}");
    assert_eq!(moved["stage"], "printed");
    assert_eq!(
        moved["delivery"],
        json!({"method": "pickup", "site": "westlib", "collect_by": in_days(&app, 90)})
    );
    assert_eq!(
        audited(&app, "card.pickup_moved"),
        vec![Some(number.clone())]
    );
    assert_eq!(queue(&app, &east).await["cards"], json!([]));
    let west = clerk_at(&app, "westlib").await;
    assert_eq!(
        queue(&app, &west).await["cards"][0]["card_number"],
        number.as_str()
    );

    // Revoked while waiting: it leaves the queue, forgets its site, and cannot be handed over.
    let res = app
        .post_json(
            &west,
            &format!("/api/v1/cards/{number}/revoke"),
            &json!({"reason": "issued_in_error"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(queue(&app, &west).await["cards"], json!([]));
    let revoked = card(&app, &west, &number).await;
    assert_eq!(revoked.get("stage"), None, "{revoked}");
    assert_eq!(revoked["delivery"], json!({"method": "pickup"}));
    for (what, body) in [
        ("arrived", Value::Null),
        ("hand-over", json!({"identity_checked": true})),
        ("pickup-site", move_to("eastlib")),
    ] {
        let (status, code, _) = step(&app, &west, &number, what, body).await;
        assert_eq!((status, code.as_str()), (409, "card_not_active"), "{what}");
    }
}
