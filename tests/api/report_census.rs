//! Issue 14: the retention report a request makes does not count every record. The records held
//! and the oldest of each class, and the data keys per epoch, come from the census the last
//! purge run took (and the report says when it was taken); what is overdue is counted as the
//! report is made, through indexes that hold only the records past their day.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use muni_id::clock::Clock as _;
use muni_id::db::schema::{audit_log, residents};
use muni_id::domain::staff::StaffRole;
use muni_id::services::purge::{self, PurgeOptions};
use muni_id::services::report;
use serde_json::Value;

use crate::helpers::{resident, spawn_app, Session, TestApp};
use crate::pages::{get_page, page_login};
use crate::report_pdfs::{pdftotext, squeezed};

fn purge_now(app: &TestApp) {
    let options = PurgeOptions {
        as_of: app.ctx.clock.today(),
        dry_run: false,
        trigger: "cli",
        fail_after: None,
    };
    purge::run(&app.ctx, &options, &|_, _| {}).unwrap();
}

async fn report_of(app: &TestApp, auditor: &Session) -> Value {
    let res = app.get(auditor, "/api/v1/reports/retention").await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn class<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["classes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["class"] == name)
        .unwrap_or_else(|| panic!("class {name} in {report}"))
}

fn counted_at(report: &Value) -> Option<DateTime<Utc>> {
    report["held_counted_at"]
        .as_str()
        .map(|t| t.parse().unwrap())
}

/// A resident with a card and one without, then a purge run: the census counts one of each.
async fn counted_program(app: &TestApp) -> (Session, String) {
    let clerk = app.session(StaffRole::Clerk).await;
    let carded = app.enroll_ok(&clerk, &resident("Census Holder")).await;
    app.issue_card(&clerk, &carded, "new").await;
    let waiting = app.enroll_ok(&clerk, &resident("Census Waiting")).await;
    purge_now(app);
    (clerk, waiting)
}

#[tokio::test]
async fn a_request_shows_what_the_last_purge_counted_held_and_says_when() {
    let app = spawn_app().await;
    let (clerk, _) = counted_program(&app).await;
    let purged_at = app.clock.now();
    app.clock.advance(TimeDelta::minutes(20));
    app.enroll_ok(&clerk, &resident("After The Census")).await;
    let auditor = app.session(StaffRole::Auditor).await;

    let res = app.get(&auditor, "/api/v1/reports/retention").await;
    assert_eq!(res.status(), 200);
    let bytes = res.bytes().await.unwrap().to_vec();
    let body: Value = serde_json::from_slice(&bytes).unwrap();
    let at = counted_at(&body).expect("the report says when what is held was counted");
    assert!(
        (at - purged_at).abs() < TimeDelta::seconds(1),
        "{at} {purged_at}"
    );
    assert_eq!(class(&body, "unissued_residents")["held"], 1, "as counted");
    assert_eq!(class(&body, "card_face")["held"], 1);
    assert_eq!(class(&body, "card_status")["held"], 1);
    let epochs: u64 = body["keys"]["epochs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["data_keys"].as_u64().unwrap())
        .sum();
    assert_eq!(epochs, 2, "the data keys as counted");
    report::verify(&app.ctx.signing, &bytes).expect("the time is signed with the figures");

    // The command line counts over every record itself, and says no census time.
    let counted = report::build(&app.ctx, app.clock.today(), report::Counting::Now).unwrap();
    assert_eq!(counted.held_counted_at, None);
    let unissued = counted
        .classes
        .iter()
        .find(|c| c.class == "unissued_residents")
        .unwrap();
    assert_eq!(unissued.held, 2);

    // The next purge run counts again.
    purge_now(&app);
    let body = report_of(&app, &auditor).await;
    let at = counted_at(&body).expect("counted again");
    assert!((at - app.clock.now()).abs() < TimeDelta::seconds(1), "{at}");
    assert_eq!(class(&body, "unissued_residents")["held"], 2);
}

#[tokio::test]
async fn what_is_overdue_is_counted_as_the_report_is_made() {
    let app = spawn_app().await;
    let (_, waiting) = counted_program(&app).await;
    let auditor = app.session(StaffRole::Auditor).await;
    assert_eq!(
        class(&report_of(&app, &auditor).await, "unissued_residents")["overdue"],
        0
    );
    // A record past its day that no purge destroyed (a purge that stopped running, say).
    let yesterday = app.clock.today() - TimeDelta::days(1);
    let mut conn = app.ctx.db().unwrap();
    let changed = diesel::update(residents::table.find(&waiting))
        .set(residents::destroy_after.eq(yesterday))
        .execute(&mut *conn)
        .unwrap();
    assert_eq!(changed, 1);

    let body = report_of(&app, &auditor).await;
    assert!(counted_at(&body).is_some(), "held from the census");
    assert_eq!(class(&body, "unissued_residents")["overdue"], 1, "{body}");
    assert_eq!(class(&body, "card_face")["overdue"], 0);
}

#[tokio::test]
async fn a_census_more_than_a_day_old_is_not_shown() {
    let app = spawn_app().await;
    counted_program(&app).await;
    app.clock.advance(TimeDelta::hours(26));
    let clerk = app.session(StaffRole::Clerk).await;
    app.enroll_ok(&clerk, &resident("A Day Later")).await;
    let auditor = app.session(StaffRole::Auditor).await;

    let body = report_of(&app, &auditor).await;
    assert_eq!(counted_at(&body), None, "counted as the report was made");
    assert_eq!(class(&body, "unissued_residents")["held"], 2);
}

#[tokio::test]
async fn the_page_the_csv_and_the_pdf_say_when_what_is_held_was_counted() {
    let app = spawn_app().await;
    counted_program(&app).await;
    let auditor = app.session(StaffRole::Auditor).await;
    let stamp = app.clock.now().format("%Y-%m-%d %H:%M").to_string();

    app.add_staff("census.auditor", StaffRole::Auditor);
    let (cookie, _) = page_login(&app, "census.auditor").await;
    let page = get_page(&app, &cookie, "/audit")
        .await
        .text()
        .await
        .unwrap();
    let line = page
        .split("id=\"held-counted\">")
        .nth(1)
        .expect("the page says when what is held was counted");
    assert!(line.contains(&stamp), "{line}");

    let csv = app
        .get(&auditor, "/api/v1/reports/retention?format=csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.lines()
            .nth(1)
            .is_some_and(|l| l.starts_with("# held and oldest") && l.contains(&stamp[..10])),
        "{csv}"
    );
    let pdf = app
        .get(&auditor, "/api/v1/reports/retention?format=pdf")
        .await
        .bytes()
        .await
        .unwrap()
        .to_vec();
    report::verify(&app.ctx.signing, &pdf).expect("the PDF verifies");
    let text = squeezed(&pdftotext(&pdf, &[]));
    assert!(text.contains(&squeezed(&stamp)), "{text}");
}

async fn chain_verified(app: &TestApp, auditor: &Session) -> Value {
    let res = app.get(auditor, "/api/v1/audit/verify").await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn rewrite_action(app: &TestApp, seq: i64) {
    let mut conn = app.ctx.db().unwrap();
    let changed = diesel::update(audit_log::table.find(seq))
        .set(audit_log::action.eq("resident.nothing_to_see"))
        .execute(&mut *conn)
        .unwrap();
    assert_eq!(changed, 1);
}

/// The report walks the audit chain from where the last purge run's walk of the whole chain
/// reached: an entry changed after it is found at once.
#[tokio::test]
async fn a_request_walks_the_chain_from_the_last_purge_and_says_when() {
    let app = spawn_app().await;
    let (clerk, _) = counted_program(&app).await;
    let walked_at = app.clock.now();
    let through = {
        let mut conn = app.ctx.db().unwrap();
        muni_id::db::audit::full_check(&mut conn)
            .unwrap()
            .expect("the purge kept its walk")
            .through_seq
    };
    app.clock.advance(TimeDelta::minutes(5));
    app.enroll_ok(&clerk, &resident("After The Walk")).await;
    let auditor = app.session(StaffRole::Auditor).await;

    let body = report_of(&app, &auditor).await;
    let audit = &body["audit"];
    assert_eq!(audit["intact"], true, "{audit}");
    let at: DateTime<Utc> = audit["checked_in_full_at"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((at - walked_at).abs() < TimeDelta::seconds(1));
    let whole = chain_verified(&app, &auditor).await;
    assert_eq!(whole["intact"], true);
    // The report's own seal came after the walk it counted up to.
    assert!(
        audit["entries"].as_i64().unwrap() <= whole["entries"].as_i64().unwrap()
            && audit["entries"].as_i64().unwrap() > through,
        "{audit} {whole}"
    );

    let last = muni_id::db::audit::head(&mut app.ctx.db().unwrap())
        .unwrap()
        .0;
    assert!(last > through);
    rewrite_action(&app, last);
    let audit = report_of(&app, &auditor).await["audit"].clone();
    assert_eq!(audit["intact"], false, "{audit}");
    assert_eq!(audit["first_bad_entry"], last, "{audit}");
    assert!(audit.get("checked_in_full_at").is_none(), "walked whole");
}

/// What the report does not walk: an entry changed before the purge run's walk is found by the
/// walk of the whole chain (`/api/v1/audit/verify`, the next purge run), not by a report until
/// then. This is the price of a report whose cost does not grow with the log, and the report
/// says when the whole chain was walked.
#[tokio::test]
async fn an_entry_changed_before_the_last_walk_is_found_by_the_next_walk_in_full() {
    let app = spawn_app().await;
    counted_program(&app).await;
    let auditor = app.session(StaffRole::Auditor).await;
    rewrite_action(&app, 2);

    let audit = report_of(&app, &auditor).await["audit"].clone();
    assert_eq!(audit["intact"], true, "not walked: {audit}");
    assert!(audit["checked_in_full_at"].is_string());
    let whole = chain_verified(&app, &auditor).await;
    assert_eq!(
        (&whole["intact"], &whole["first_bad_entry"]),
        (&Value::Bool(false), &Value::from(2))
    );

    app.clock.advance(TimeDelta::hours(1));
    purge_now(&app);
    let auditor = app.session(StaffRole::Auditor).await;
    let audit = report_of(&app, &auditor).await["audit"].clone();
    assert_eq!(
        (&audit["intact"], &audit["first_bad_entry"]),
        (&Value::Bool(false), &Value::from(2)),
        "{audit}"
    );
    assert!(audit.get("checked_in_full_at").is_none());
}
