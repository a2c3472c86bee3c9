//! Issue 14: the retention report a request makes does not count every record. The records held
//! and the oldest of each class, and the data keys per epoch, come from the census the last
//! purge run took (and the report says when it was taken); what is overdue is counted as the
//! report is made, through indexes that hold only the records past their day.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use muni_id::clock::Clock as _;
use muni_id::crypto::witness::WitnessLine;
use muni_id::db::audit::AuditRow;
use muni_id::db::report as report_store;
use muni_id::db::schema::{
    audit_anchor, audit_head, audit_log, audit_seals, held_residents, residents,
};
use muni_id::domain::staff::StaffRole;
use muni_id::services::purge::{self, PurgeOptions};
use muni_id::services::{audit, report};
use serde_json::Value;

use crate::helpers::{resident, spawn_app, spawn_app_with, Session, TestApp};
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

/// Where the last walk of the whole chain the witness holds reached, when it found it intact.
fn last_walk(app: &TestApp) -> Option<i64> {
    let witness = audit::witness(&app.ctx.config).read().unwrap();
    witness.lines.iter().rev().find_map(|line| match line {
        WitnessLine::Checked { seq, intact, .. } => intact.then_some(*seq),
        _ => None,
    })
}

async fn chain_verified(app: &TestApp, auditor: &Session) -> Value {
    let res = app.get(auditor, "/api/v1/audit/verify").await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

/// The report's audit chain: broken at `first_bad`, and walked whole (no earlier walk relied on).
async fn assert_walked_whole_and_broken_at(app: &TestApp, auditor: &Session, first_bad: i64) {
    let audit = report_of(app, auditor).await["audit"].clone();
    assert_eq!(audit["intact"], false, "{audit}");
    assert_eq!(audit["first_bad_entry"], first_bad, "{audit}");
    assert!(
        audit.get("checked_in_full_at").is_none(),
        "walked whole: {audit}"
    );
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
    let through = last_walk(&app).expect("the purge witnessed its walk");
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
    assert_walked_whole_and_broken_at(&app, &auditor, last).await;
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

/// Someone who can write the database rewrites the entries after the last walk of the whole
/// chain, hashes and head included, and removes the seal a report made of them: the witness
/// still holds that seal, and the next report says where the chain was rewritten.
#[tokio::test]
async fn a_tail_rewritten_with_its_hashes_after_a_report_sealed_it_is_found() {
    let app = spawn_app().await;
    let (clerk, _) = counted_program(&app).await;
    let through = last_walk(&app).unwrap();
    app.enroll_ok(&clerk, &resident("Sealed By A Report")).await;
    let auditor = app.session(StaffRole::Auditor).await;
    let sealed = report_of(&app, &auditor).await["audit"]["latest_seal"]["seq"]
        .as_i64()
        .unwrap();
    assert!(sealed > through + 1);

    let mut conn = app.ctx.db().unwrap();
    let entries: Vec<AuditRow> = audit_log::table
        .filter(audit_log::seq.gt(through))
        .order(audit_log::seq.asc())
        .select(AuditRow::as_select())
        .load(&mut *conn)
        .unwrap();
    let mut prev = entries[0].prev_hash.clone();
    for entry in &entries {
        let action = if entry.seq == through + 1 {
            "resident.nothing_to_see"
        } else {
            entry.action.as_str()
        };
        let hash = audit::entry_hash(
            &prev,
            entry.seq,
            entry.recorded_at.and_utc(),
            &entry.actor,
            action,
            entry.subject.as_deref(),
        );
        diesel::update(audit_log::table.find(entry.seq))
            .set((
                audit_log::action.eq(action),
                audit_log::prev_hash.eq(&prev),
                audit_log::entry_hash.eq(&hash),
            ))
            .execute(&mut *conn)
            .unwrap();
        prev = hash;
    }
    let head = entries.last().unwrap().seq;
    diesel::update(audit_head::table.find(1))
        .set((audit_head::seq.eq(head), audit_head::entry_hash.eq(&prev)))
        .execute(&mut *conn)
        .unwrap();
    diesel::delete(audit_seals::table.filter(audit_seals::seq.gt(through)))
        .execute(&mut *conn)
        .unwrap();
    drop(conn);

    let audit = report_of(&app, &auditor).await["audit"].clone();
    assert_eq!(audit["intact"], false, "{audit}");
    assert_eq!(audit["witness_ok"], false, "{audit}");
    assert!(
        audit["first_bad_entry"].as_i64().unwrap() <= sealed,
        "{audit}"
    );
}

/// A walk the witness holds counts only when the service key signed it: a line added by someone
/// who can write the witness but not sign (it says the chain was walked whole up to the head,
/// after an entry was changed) is passed over, and the report walks the whole chain.
#[tokio::test]
async fn a_walk_the_service_did_not_sign_is_not_trusted() {
    let app = spawn_app().await;
    counted_program(&app).await;
    let through = last_walk(&app).unwrap();
    rewrite_action(&app, through);
    let (head, hash) = muni_id::db::audit::head(&mut app.ctx.db().unwrap()).unwrap();
    let forged = WitnessLine::Checked {
        seq: head,
        entry_hash: hash,
        anchor_seq: 0,
        anchor_hash: "0".repeat(64),
        checked_at: app.clock.now(),
        intact: true,
        key_id: hex::encode(app.ctx.signing.current_kid()),
        signature: "ab".repeat(64),
    };
    audit::witness(&app.ctx.config).append(&forged).unwrap();
    let auditor = app.session(StaffRole::Auditor).await;

    assert_walked_whole_and_broken_at(&app, &auditor, through).await;
}

/// Residents past their day are looked up one by one, up to a bound; beyond it (a report as
/// of a day far ahead) the database counts them. Both give the same figures.
#[tokio::test]
async fn residents_past_their_day_count_alike_looked_up_or_counted() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut ids = Vec::new();
    for (i, name) in ["Past One", "Past Two", "Past Three", "Past Four"]
        .iter()
        .enumerate()
    {
        let id = app.enroll_ok(&clerk, &resident(name)).await;
        if i % 2 == 0 {
            app.issue_card(&clerk, &id, "new").await;
        }
        ids.push(id);
    }
    let admin = app.session(StaffRole::Admin).await;
    let hold = serde_json::json!({"reference": "CV-2026-9", "scope": "all"});
    assert_eq!(
        app.post_json(&admin, "/api/v1/legal-holds", &hold)
            .await
            .status(),
        201
    );
    let mut conn = app.ctx.db().unwrap();
    let yesterday = app.clock.today() - TimeDelta::days(1);
    diesel::update(residents::table)
        .set(residents::destroy_after.eq(yesterday))
        .execute(&mut *conn)
        .unwrap();
    // One of each is no longer held.
    for id in [&ids[0], &ids[1]] {
        diesel::delete(held_residents::table.filter(held_residents::resident_id.eq(id)))
            .execute(&mut *conn)
            .unwrap();
    }
    let today = app.clock.today();
    let looked_up = report_store::residents_past_their_day_looking_up(&mut conn, today, 10);
    let counted = report_store::residents_past_their_day_looking_up(&mut conn, today, 1);
    assert_eq!(looked_up.unwrap(), ((1, 1), (1, 1)));
    assert_eq!(counted.unwrap(), ((1, 1), (1, 1)));
}

/// The entry the last walk reached is where a report starts: changed in its fields but not in
/// its hash column, it is not trusted, and the report walks the whole chain (review finding).
#[tokio::test]
async fn the_entry_the_last_walk_reached_must_still_be_whole() {
    let app = spawn_app().await;
    counted_program(&app).await;
    let through = last_walk(&app).unwrap();
    rewrite_action(&app, through);
    let auditor = app.session(StaffRole::Auditor).await;

    assert_walked_whole_and_broken_at(&app, &auditor, through).await;
}

/// The chain's start the last walk counted from is signed with it: set back to before what the
/// audit retention removed, the report does not count from it but walks the whole chain, and
/// finds the entries missing (review finding).
#[tokio::test]
async fn a_chain_start_set_back_is_not_counted_from() {
    let app = spawn_app_with(|c| c.retention.audit_days = 1).await;
    let clerk = app.session(StaffRole::Clerk).await;
    app.enroll_ok(&clerk, &resident("Early Entry")).await;
    purge_now(&app);
    app.clock.advance(TimeDelta::days(3));
    let clerk = app.session(StaffRole::Clerk).await;
    app.enroll_ok(&clerk, &resident("Later Entry")).await;
    purge_now(&app);
    let mut conn = app.ctx.db().unwrap();
    let anchor: i64 = audit_anchor::table
        .find(1)
        .select(audit_anchor::seq)
        .first(&mut *conn)
        .unwrap();
    assert!(anchor > 0, "retention moved the chain's start");
    diesel::update(audit_anchor::table.find(1))
        .set((
            audit_anchor::seq.eq(0),
            audit_anchor::entry_hash.eq("0".repeat(64)),
        ))
        .execute(&mut *conn)
        .unwrap();
    drop(conn);
    let auditor = app.session(StaffRole::Auditor).await;

    assert_walked_whole_and_broken_at(&app, &auditor, 1).await;
}
