//! Running a program: age bands and minors with a caretaker, fees and waivers, and the council's
//! counts they feed. On SQLite and PostgreSQL.

use chrono::{Months, NaiveDate};
use muni_id::clock::Clock;
use muni_id::domain::staff::StaffRole;
use serde_json::{json, Value};

use crate::helpers::{captured_logs, error_code, resident, spawn_app, Session, TestApp};

/// A date of birth that makes the resident `years` old today (their birthday was yesterday).
fn born_years_ago(app: &TestApp, years: u32) -> String {
    let today = app.clock.today();
    let birthday = today.checked_sub_months(Months::new(years * 12)).unwrap();
    birthday.pred_opt().unwrap().to_string()
}

fn aged(app: &TestApp, name: &str, years: u32) -> Value {
    let mut body = resident(name);
    body["date_of_birth"] = json!(born_years_ago(app, years));
    body
}

/// The council's counts today: (metric, category, count).
fn counts_today(app: &TestApp) -> Vec<(String, String, i64)> {
    let today = app.clock.today();
    let mut conn = app.ctx.db().unwrap();
    muni_id::db::program_counts::between(&mut conn, today, today)
        .unwrap()
        .into_iter()
        .map(|c| (c.metric, c.category, c.count))
        .collect()
}

fn count_of(app: &TestApp, metric: &str, category: &str) -> i64 {
    counts_today(app)
        .into_iter()
        .find(|(m, c, _)| m == metric && c == category)
        .map_or(0, |(_, _, n)| n)
}

async fn issue(app: &TestApp, clerk: &Session, id: &str, body: Value) -> reqwest::Response {
    app.post_json(clerk, &format!("/api/v1/residents/{id}/cards"), &body)
        .await
}

#[tokio::test]
async fn a_child_applies_only_with_a_caretaker_whose_identity_was_checked() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;

    let child = aged(&app, "Niña Pequeña", 12);
    let (status, code, body) = error_code(app.enroll(&clerk, &child).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "caretaker_required"),
        "{body}"
    );
    assert_eq!(body["error"]["field"], "caretaker");

    let mut unchecked = child.clone();
    unchecked["caretaker"] = json!({"relationship": "parent", "identity_checked": false});
    let (status, code, _) = error_code(app.enroll(&clerk, &unchecked).await).await;
    assert_eq!(
        (status, code.as_str()),
        (422, "caretaker_identity_unchecked")
    );

    // Nothing about a caretaker but the class: a name is an unknown field.
    let mut named = child.clone();
    named["caretaker"] =
        json!({"relationship": "parent", "identity_checked": true, "name": "Mamá Grande"});
    let (status, code, _) = error_code(app.enroll(&clerk, &named).await).await;
    assert_eq!((status, code.as_str()), (400, "unknown_field"));
    assert_eq!(
        app.count_rows("residents"),
        0,
        "no refused application was kept"
    );

    let mut with_guardian = child;
    with_guardian["caretaker"] =
        json!({"relationship": "legal_guardian", "identity_checked": true});
    let id = app.enroll_ok(&clerk, &with_guardian).await;
    let view: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["caretaker"], "legal_guardian");

    // The child's card: free for the band, and valid for the band's 2 years.
    let card: Value = issue(&app, &clerk, &id, json!({"reason": "new"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(card["fee"]["age_band"], "child");
    assert_eq!(card["fee"]["outcome"], "none");
    let issued: NaiveDate = card["issued_on"].as_str().unwrap().parse().unwrap();
    let expires: NaiveDate = card["expires_on"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        expires,
        issued
            .checked_add_months(Months::new(24))
            .unwrap()
            .pred_opt()
            .unwrap()
    );
}

#[tokio::test]
async fn a_youth_may_apply_alone_and_an_adult_has_no_caretaker() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    app.enroll_ok(&clerk, &aged(&app, "Joven Solo", 15)).await;
    let mut accompanied = aged(&app, "Joven Acompañado", 15);
    accompanied["caretaker"] = json!({"relationship": "other_caretaker", "identity_checked": true});
    app.enroll_ok(&clerk, &accompanied).await;

    let mut adult = aged(&app, "Adulta Sola", 30);
    adult["caretaker"] = json!({"relationship": "parent", "identity_checked": true});
    let (status, code, _) = error_code(app.enroll(&clerk, &adult).await).await;
    assert_eq!((status, code.as_str()), (422, "caretaker_not_applicable"));

    let (status, code, _) =
        error_code(app.enroll(&clerk, &aged(&app, "Muy Pequeño", 9)).await).await;
    assert_eq!((status, code.as_str()), (422, "below_minimum_age"));
    assert_eq!(app.count_rows("residents"), 2);
}

#[tokio::test]
async fn a_date_of_birth_corrected_into_a_caretaker_band_needs_one_recorded() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app
        .enroll_ok(&clerk, &aged(&app, "Edad Corregida", 16))
        .await;
    let path = format!("/api/v1/residents/{id}");
    let res = app
        .patch_json(
            &clerk,
            &path,
            &json!({"date_of_birth": born_years_ago(&app, 11)}),
        )
        .await;
    let (status, code, _) = error_code(res).await;
    assert_eq!((status, code.as_str()), (422, "caretaker_required"));
    let view: Value = app.get(&clerk, &path).await.json().await.unwrap();
    assert_eq!(view["date_of_birth"], born_years_ago(&app, 16), "unchanged");
}

#[tokio::test]
async fn a_card_is_not_issued_before_its_fee_is_recorded() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app
        .enroll_ok(&clerk, &aged(&app, "Pago Pendiente", 40))
        .await;

    let (status, code, body) =
        error_code(issue(&app, &clerk, &id, json!({"reason": "new"})).await).await;
    assert_eq!((status, code.as_str()), (422, "fee_required"), "{body}");
    assert_eq!(
        body["error"]["fee"],
        json!({"class": "card", "age_band": "adult", "amount_cents": 1500, "currency": "USD"})
    );
    let none = json!({"reason": "new", "fee": {"outcome": "none"}});
    let (status, code, _) = error_code(issue(&app, &clerk, &id, none).await).await;
    assert_eq!((status, code.as_str()), (422, "fee_required"));
    assert_eq!(app.count_rows("cards"), 0);
    assert_eq!(count_of(&app, "card_issued", "new"), 0);

    let paid = json!({"reason": "new", "fee": {"outcome": "paid"}});
    let res = issue(&app, &clerk, &id, paid).await;
    assert_eq!(res.status(), 201);
    let card: Value = res.json().await.unwrap();
    assert_eq!(
        card["fee"],
        json!({"class": "card", "age_band": "adult", "amount_cents": 1500, "currency": "USD", "outcome": "paid"})
    );
    assert_eq!(count_of(&app, "card_issued", "new"), 1);
    assert_eq!(count_of(&app, "fee", "paid:card"), 1);

    // A replacement for a card that never arrived costs nothing: nothing to record.
    let res = issue(
        &app,
        &clerk,
        &id,
        json!({"reason": "replacement_never_received"}),
    )
    .await;
    assert_eq!(res.status(), 201);
    let card: Value = res.json().await.unwrap();
    assert_eq!(card["fee"]["class"], "free");
    assert_eq!(card["fee"]["outcome"], "none");
    assert_eq!(count_of(&app, "fee", "none"), 1);

    // A lost card's replacement has its own fee.
    let (status, code, body) =
        error_code(issue(&app, &clerk, &id, json!({"reason": "replacement_lost"})).await).await;
    assert_eq!((status, code.as_str()), (422, "fee_required"));
    assert_eq!(body["error"]["fee"]["amount_cents"], 1000);
}

#[tokio::test]
async fn a_waived_fee_keeps_only_its_category_never_the_evidence() {
    const EVIDENCE: &str = "Paystubsentinel Evidencetext";
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app
        .enroll_ok(&clerk, &aged(&app, "Exención Única", 40))
        .await;
    let logs_before = captured_logs().len();

    let refused = [
        // Evidence in a field of its own: refused as unknown.
        json!({"reason": "new", "fee": {"outcome": "waived", "waiver": "low_income", "evidence": EVIDENCE}}),
        json!({"reason": "new", "fee": {"outcome": "waived", "waiver": "low_income"}, "note": EVIDENCE}),
        // Evidence where the category goes: not a category.
        json!({"reason": "new", "fee": {"outcome": "waived", "waiver": EVIDENCE}}),
        // A waiver without its category, a payment with one.
        json!({"reason": "new", "fee": {"outcome": "waived"}}),
        json!({"reason": "new", "fee": {"outcome": "paid", "waiver": "low_income"}}),
    ];
    let mut codes = Vec::new();
    for body in refused {
        let (status, code, answer) = error_code(issue(&app, &clerk, &id, body).await).await;
        assert!(!answer.to_string().contains(EVIDENCE), "{answer}");
        codes.push((status, code));
    }
    assert_eq!(
        codes,
        [
            (400, "unknown_field".to_owned()),
            (400, "unknown_field".to_owned()),
            (422, "unknown_waiver_category".to_owned()),
            (422, "invalid_value".to_owned()),
            (422, "invalid_value".to_owned()),
        ]
    );
    assert_eq!(app.count_rows("cards"), 0);
    assert_eq!(
        app.count_rows("program_counts"),
        3,
        "the application and its two languages only"
    );

    let waived =
        json!({"reason": "new", "fee": {"outcome": "waived", "waiver": "survivor_of_violence"}});
    let res = issue(&app, &clerk, &id, waived).await;
    assert_eq!(res.status(), 201);
    let card: Value = res.json().await.unwrap();
    assert_eq!(card["fee"]["outcome"], "waived");
    assert_eq!(card["fee"]["waiver"], "survivor_of_violence");
    assert_eq!(count_of(&app, "fee", "waived:survivor_of_violence"), 1);

    // The category is counted by day, apart from the card: no card or resident names it.
    let mut conn = app.ctx.db().unwrap();
    let linked: Vec<String> = {
        use diesel::prelude::*;
        use muni_id::db::schema::{audit_log, cards};
        let mut texts: Vec<String> = cards::table
            .select(cards::issue_reason)
            .load::<Option<String>>(&mut *conn)
            .unwrap()
            .into_iter()
            .flatten()
            .collect();
        texts.extend(
            audit_log::table
                .select(audit_log::action)
                .load::<String>(&mut *conn)
                .unwrap(),
        );
        texts
    };
    assert!(linked.iter().all(|t| !t.contains("survivor")), "{linked:?}");

    let logs = String::from_utf8_lossy(&captured_logs()[logs_before..]).into_owned();
    assert!(!logs.contains(EVIDENCE));
    assert!(
        !logs.contains("survivor_of_violence"),
        "the log says only `waived`"
    );
    if !app.database.is_postgres() {
        let path = app.data_dir.path().join("muni-id.db");
        let mut bytes = std::fs::read(&path).unwrap_or_default();
        for suffix in ["-wal", "-shm"] {
            bytes.extend(std::fs::read(format!("{}{suffix}", path.display())).unwrap_or_default());
        }
        assert!(
            !bytes.is_empty(),
            "the database file is where the test looks"
        );
        assert!(
            !bytes
                .windows(EVIDENCE.len())
                .any(|w| w == EVIDENCE.as_bytes()),
            "the evidence text reached the database"
        );
    }
}

#[tokio::test]
async fn the_council_counts_applications_languages_cards_and_fees_and_nothing_else() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &aged(&app, "Cuenta Una", 40)).await;
    let mut senior = aged(&app, "Cuenta Dos", 70);
    senior["languages"] = json!(["ar"]);
    let senior_id = app.enroll_ok(&clerk, &senior).await;
    app.issue_card(&clerk, &id, "new").await;
    let waived = json!({"reason": "new", "fee": {"outcome": "waived", "waiver": "senior"}});
    assert_eq!(issue(&app, &clerk, &senior_id, waived).await.status(), 201);

    let mut counts = counts_today(&app);
    counts.sort();
    let expected: Vec<(String, String, i64)> = [
        ("application", "adult", 1),
        ("application", "senior", 1),
        ("card_issued", "new", 2),
        ("fee", "paid:card", 1),
        ("fee", "waived:senior", 1),
        ("language", "ar", 1),
        ("language", "en", 1),
        ("language", "es", 1),
    ]
    .iter()
    .map(|(m, c, n)| ((*m).to_owned(), (*c).to_owned(), *n))
    .collect();
    assert_eq!(counts, expected);
}
