//! Running a program: age bands and minors with a caretaker, fees and waivers, and the council's
//! counts they feed. On SQLite and PostgreSQL.

use chrono::{Datelike, Months, NaiveDate};
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

/// The council's counts this month: (metric, category, count).
fn counts_today(app: &TestApp) -> Vec<(String, String, i64)> {
    let month = app.clock.today().with_day(1).unwrap();
    let mut conn = app.ctx.db().unwrap();
    muni_id::db::program_counts::between(&mut conn, month, month)
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
    assert_eq!(count_of(&app, "fee", "paid"), 1);

    // A replacement for a mailed card that never arrived costs nothing: nothing to record.
    let number = card["card_number"].as_str().unwrap();
    let printed = app
        .post_json(&clerk, &format!("/api/v1/cards/{number}/print"), &json!({}))
        .await;
    assert_eq!(printed.status(), 200);
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
        ("fee", "paid", 1),
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

#[tokio::test]
async fn a_replacement_or_update_needs_a_card_to_replace_so_no_first_card_is_charged_less() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app
        .enroll_ok(&clerk, &aged(&app, "Primera Tarjeta", 40))
        .await;
    for reason in [
        "replacement_lost",
        "replacement_stolen",
        "replacement_damaged",
        "replacement_never_received",
        "update",
    ] {
        let body = json!({"reason": reason, "fee": {"outcome": "paid"}});
        let (status, code, _) = error_code(issue(&app, &clerk, &id, body).await).await;
        assert_eq!(
            (status, code.as_str()),
            (409, "no_card_to_replace"),
            "{reason}"
        );
    }
    assert_eq!(app.count_rows("cards"), 0);

    // A card reported stolen is revoked first, then replaced.
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap();
    let revoke = json!({"reason": "stolen"});
    let path = format!("/api/v1/cards/{number}/revoke");
    assert_eq!(app.post_json(&clerk, &path, &revoke).await.status(), 200);
    // Later, as a counter's day goes (the newest card is the one replaced).
    app.clock.advance(chrono::TimeDelta::minutes(5));
    let replaced = app.issue_card(&clerk, &id, "replacement_stolen").await;
    assert_eq!(replaced["fee"]["class"], "replacement");

    // A card issued in error is not replaced: the resident gets a new one.
    let number = replaced["card_number"].as_str().unwrap();
    let revoke = json!({"reason": "issued_in_error"});
    let path = format!("/api/v1/cards/{number}/revoke");
    assert_eq!(app.post_json(&clerk, &path, &revoke).await.status(), 200);
    let body = json!({"reason": "update", "fee": {"outcome": "paid"}});
    let (status, code, _) = error_code(issue(&app, &clerk, &id, body).await).await;
    assert_eq!((status, code.as_str()), (409, "no_card_to_replace"));
}

/// Adds `n` to a month's count, as `n` counted events would.
fn add_counts(app: &TestApp, month: NaiveDate, metric: &str, category: &str, n: u32) {
    let mut conn = app.ctx.db().unwrap();
    for _ in 0..n {
        muni_id::db::program_counts::bump(&mut conn, (month, ""), metric, category).unwrap();
    }
}

fn figure(value: &Value) -> Option<u64> {
    value.as_u64()
}

#[tokio::test]
async fn the_council_report_hides_a_count_of_3_where_no_sum_can_recover_it_and_is_signed() {
    let app = spawn_app().await;
    let january = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let february = NaiveDate::from_ymd_opt(2026, 2, 1).unwrap();
    add_counts(&app, january, "application", "adult", 40);
    add_counts(&app, january, "application", "youth", 3);
    add_counts(&app, february, "application", "adult", 25);
    add_counts(&app, february, "application", "youth", 30);
    add_counts(&app, january, "card_issued", "new", 43);
    add_counts(&app, january, "fee", "paid", 40);
    add_counts(&app, january, "fee", "waived:low_income", 3);
    let auditor = app.session(StaffRole::Auditor).await;

    let res = app
        .get(
            &auditor,
            "/api/v1/reports/program?from=2026-01-01&to=2026-02-28&by=month",
        )
        .await;
    assert_eq!(res.status(), 200);
    let json_bytes = res.bytes().await.unwrap().to_vec();
    let report: Value = serde_json::from_slice(&json_bytes).unwrap();
    let table = |metric: &str| {
        report["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["metric"] == metric)
            .unwrap()
            .clone()
    };
    let applications = table("application");
    assert_eq!(applications["columns"], json!(["2026-01", "2026-02"]));
    let youth = applications["rows"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r == "youth")
        .unwrap();
    assert_eq!(applications["cells"][youth][0], "<11");
    // Whatever is shown is the true count: 40 and 25 adults, 3 and 30 youths, none else.
    let truth = |row: &Value, c: usize| match (row.as_str().unwrap(), c) {
        ("adult", 0) => 40,
        ("adult", 1) => 25,
        ("youth", 0) => 3,
        ("youth", 1) => 30,
        _ => 0,
    };
    let rows = applications["rows"].as_array().unwrap();
    for (r, row) in rows.iter().enumerate() {
        for c in 0..2 {
            if let Some(shown) = figure(&applications["cells"][r][c]) {
                assert_eq!(shown, truth(row, c), "{row} {c}");
            }
        }
    }
    assert_eq!(
        applications["column_totals"][1], 55,
        "February has no small count"
    );

    // Try every row and column sum through the hidden cell: each has another figure hidden.
    for t in report["tables"].as_array().unwrap() {
        let cells = t["cells"].as_array().unwrap();
        for (r, row) in cells.iter().enumerate() {
            for (c, cell) in row.as_array().unwrap().iter().enumerate() {
                if figure(cell).is_some() {
                    continue;
                }
                let row_known = row
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|v| figure(v).is_some())
                    .count()
                    + usize::from(figure(&t["row_totals"][r]).is_some());
                let row_len = row.as_array().unwrap().len() + 1;
                assert!(
                    row_known + 1 < row_len,
                    "{}: row {r} gives away its hidden cell",
                    t["metric"]
                );
                let column_known = cells.iter().filter(|r| figure(&r[c]).is_some()).count()
                    + usize::from(figure(&t["column_totals"][c]).is_some());
                assert!(
                    column_known + 1 < cells.len() + 1,
                    "{}: column {c} gives away its hidden cell",
                    t["metric"]
                );
            }
        }
    }
    // The fee table's January total is the cards' (43): both hide it or both show it, and
    // the waiver's 3 cannot be had from 43 - 40.
    let fees = table("fee");
    let waived = fees["rows"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r == "waived:low_income")
        .unwrap();
    assert_eq!(fees["cells"][waived][0], "<11");
    let paid_shown = figure(&fees["cells"][0][0]).is_some();
    let total_shown = figure(&fees["column_totals"][0]).is_some()
        || figure(&table("card_issued")["column_totals"][0]).is_some();
    assert!(
        !(paid_shown && total_shown),
        "43 - 40 would give away the 3"
    );

    // Signed: in JSON, CSV and PDF; one changed byte breaks it; the CLI agrees.
    let check = |bytes: &[u8]| muni_id::services::program_report::verify(&app.ctx.signing, bytes);
    assert!(check(&json_bytes).is_ok());
    let text = String::from_utf8(json_bytes.clone()).unwrap();
    let changed = text.replacen("\"<11\"", "\"<12\"", 1);
    assert_ne!(changed, text);
    assert!(check(changed.as_bytes()).is_err());
    let dir = tempfile::tempdir().unwrap();
    for format in ["csv", "pdf"] {
        let res = app
            .get(
                &auditor,
                &format!("/api/v1/reports/program?from=2026-01-01&to=2026-02-28&by=month&format={format}"),
            )
            .await;
        assert_eq!(res.status(), 200);
        let bytes = res.bytes().await.unwrap().to_vec();
        assert!(check(&bytes).is_ok(), "{format}");
        let path = dir.path().join(format!("program.{format}"));
        std::fs::write(&path, &bytes).unwrap();
        let out = app.cli(&["report", "verify", path.to_str().unwrap()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("program report"));
        let mut altered = bytes.clone();
        let at = altered.len() - 30;
        altered[at] = if altered[at] == b'A' { b'B' } else { b'A' };
        std::fs::write(&path, &altered).unwrap();
        assert!(check(&altered).is_err(), "{format}");
        assert!(!app
            .cli(&["report", "verify", path.to_str().unwrap()])
            .status
            .success());
    }
    let csv = String::from_utf8(
        app.get(
            &auditor,
            "/api/v1/reports/program?from=2026-01-01&to=2026-02-28&by=month&format=csv",
        )
        .await
        .bytes()
        .await
        .unwrap()
        .to_vec(),
    )
    .unwrap();
    assert!(
        csv.lines().any(|l| l == "application,youth,2026-01,<11"),
        "{csv}"
    );
    assert!(
        csv.lines().any(|l| l == "application,total,2026-02,55"),
        "{csv}"
    );
    // A figure changed in the CSV's own table, not in the signed JSON it carries: refused.
    let check = |bytes: &[u8]| muni_id::services::program_report::verify(&app.ctx.signing, bytes);
    assert!(check(csv.as_bytes()).is_ok());
    let edited = csv.replacen(
        "application,total,2026-02,55",
        "application,total,2026-02,56",
        1,
    );
    assert_ne!(edited, csv);
    assert!(
        check(edited.as_bytes()).is_err(),
        "the file's own text is signed"
    );
    // And a CSV without its file signature (as made before files were signed) is not trusted.
    let cut = &csv[..csv.find("signed-file,").unwrap()];
    assert_eq!(
        check(cut.as_bytes()).unwrap_err(),
        muni_id::services::report::ReportCheckError::FileUnsigned
    );

    // Two reports cannot be subtracted: January–February over the whole period minus February
    // alone would give January's youths, so the sum that holds a hidden January is hidden too.
    let whole: Value = app
        .get(
            &auditor,
            "/api/v1/reports/program?from=2026-01-01&to=2026-02-28",
        )
        .await
        .json()
        .await
        .unwrap();
    let february: Value = app
        .get(
            &auditor,
            "/api/v1/reports/program?from=2026-02-01&to=2026-02-28",
        )
        .await
        .json()
        .await
        .unwrap();
    let youth_of = |r: &Value| {
        let t = r["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["metric"] == "application")
            .unwrap()
            .clone();
        let i = t["rows"]
            .as_array()
            .unwrap()
            .iter()
            .position(|x| x == "youth")
            .unwrap();
        t["cells"][i][0].clone()
    };
    assert_eq!(youth_of(&february), 30, "February alone has no small count");
    assert!(
        figure(&youth_of(&whole)).is_none(),
        "January–February hides what holds January's 3"
    );

    // Months as a page's month fields send them: the same report.
    let by_months: Value = app
        .get(
            &auditor,
            "/api/v1/reports/program?from=2026-01&to=2026-02&by=month",
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (by_months["from"].as_str(), by_months["to"].as_str()),
        (Some("2026-01-01"), Some("2026-02-28"))
    );
    assert_eq!(by_months["tables"], report["tables"]);

    // A month not yet over is not reported: its counts still change.
    let this_month = app.clock.today().format("%Y-%m").to_string();
    let (status, code, _) = error_code(
        app.get(
            &auditor,
            &format!("/api/v1/reports/program?from={this_month}&to={this_month}"),
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "invalid_query"));

    // Whole months only; auditors and admins only.
    let (status, code, _) = error_code(
        app.get(
            &auditor,
            "/api/v1/reports/program?from=2026-01-05&to=2026-02-28",
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "invalid_query"));
    let clerk = app.session(StaffRole::Clerk).await;
    let res = app
        .get(
            &clerk,
            "/api/v1/reports/program?from=2026-01-01&to=2026-02-28",
        )
        .await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn a_refusal_for_the_programs_rules_counts_once_as_a_denial_and_a_typo_does_not() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut short = aged(&app, "Pocos Puntos", 40);
    short["documents"] = json!(["utility_bill"]);
    assert_eq!(app.enroll(&clerk, &short).await.status(), 422);
    // Too young and too few points at once: one denial, by the first reason (the date of birth
    // comes before the documents in the API's list).
    let mut both = aged(&app, "Muy Joven", 9);
    both["documents"] = json!(["utility_bill"]);
    assert_eq!(app.enroll(&clerk, &both).await.status(), 422);
    // Too few points and a date that is not one: not a decision yet, nothing counted.
    let mut typo = short.clone();
    typo["date_of_birth"] = json!("1990-02-31");
    assert_eq!(app.enroll(&clerk, &typo).await.status(), 422);
    assert_eq!(
        app.enroll(&clerk, &aged(&app, "Niño Solo", 11))
            .await
            .status(),
        422
    );

    let mut denials: Vec<(String, i64)> = counts_today(&app)
        .into_iter()
        .filter(|(metric, _, _)| metric == "denial")
        .map(|(_, category, n)| (category, n))
        .collect();
    denials.sort();
    assert_eq!(
        denials,
        [
            ("below_minimum_age".to_owned(), 1),
            ("caretaker_required".to_owned(), 1),
            ("insufficient_proof".to_owned(), 1),
        ],
        "one each: the 9-year-old by the first of its two reasons, the typo not at all"
    );
    assert_eq!(app.count_rows("residents"), 0);
}
