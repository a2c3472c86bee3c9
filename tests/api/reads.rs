//! Every path that hands out a resident's personal data (or links a resident to their cards)
//! is an audited read, attributed to the member of staff who asked and counted per member in
//! the retention report: the card PDF, batch print, issue, the change response, the cards
//! list, and the answer to a possible duplicate.

use diesel::prelude::*;
use muni_id::db::schema::{audit_log, staff};
use muni_id::domain::staff::StaffRole;
use muni_id::services::{audit, report};
use serde_json::{json, Value};

use crate::helpers::{error_code, resident, spawn_app, Session, TestApp, STAFF_PASSWORD};

/// A clerk with a known username, logged in: the session and the staff id the audit names.
pub async fn named_clerk(app: &TestApp, username: &str) -> (Session, String) {
    app.add_staff(username, StaffRole::Clerk);
    let res = app.login(username, STAFF_PASSWORD).await;
    assert_eq!(res.status(), 201);
    let body: Value = res.json().await.unwrap();
    let mut conn = app.ctx.db().unwrap();
    let id: String = staff::table
        .filter(staff::username.eq(username))
        .select(staff::id)
        .first(&mut *conn)
        .unwrap();
    (
        Session {
            token: body["token"].as_str().unwrap().to_owned(),
        },
        id,
    )
}

pub fn last_seq(app: &TestApp) -> i64 {
    let mut conn = app.ctx.db().unwrap();
    audit_log::table
        .select(diesel::dsl::max(audit_log::seq))
        .first::<Option<i64>>(&mut *conn)
        .unwrap()
        .unwrap_or(0)
}

/// (actor, action, subject) of every entry after `seq`, in order.
pub fn entries_after(app: &TestApp, seq: i64) -> Vec<(String, String, Option<String>)> {
    let mut conn = app.ctx.db().unwrap();
    audit_log::table
        .filter(audit_log::seq.gt(seq))
        .order(audit_log::seq.asc())
        .select((audit_log::actor, audit_log::action, audit_log::subject))
        .load(&mut *conn)
        .unwrap()
}

/// The personal-data reads the signed report counts for one member of staff.
pub fn reads_reported(app: &TestApp, username: &str) -> u64 {
    let built = report::build(&app.ctx, app.ctx.clock.today(), report::Counting::Now).unwrap();
    built
        .staff_reads
        .iter()
        .find(|s| s.username == username)
        .map(|s| s.personal_data_reads)
        .unwrap_or(0)
}

fn one_entry(
    entries: &[(String, String, Option<String>)],
    actor: &str,
    action: &str,
    subject: &str,
) {
    let found = entries
        .iter()
        .filter(|(a, act, s)| a == actor && act == action && s.as_deref() == Some(subject))
        .count();
    assert_eq!(
        found, 1,
        "one {action} by the reader on {subject}: {entries:?}"
    );
}

#[tokio::test]
async fn every_api_path_that_decrypts_personal_data_is_an_audited_read_counted_per_clerk() {
    let app = spawn_app().await;
    let (enroller, _) = named_clerk(&app, "enroller").await;
    let (reader, reader_id) = named_clerk(&app, "reader").await;
    let first = app.enroll_ok(&enroller, &resident("Read Trail")).await;
    let second = app.enroll_ok(&enroller, &resident("Other Trail")).await;
    assert_eq!(reads_reported(&app, "reader"), 0);

    // Issue: decrypts the face, photo and address to check the card prints.
    let before = last_seq(&app);
    let card = app.issue_card(&reader, &first, "new").await;
    let number = card["card_number"].as_str().unwrap().to_owned();
    one_entry(
        &entries_after(&app, before),
        &reader_id,
        "resident.issue_read",
        &first,
    );
    let other_number = app.issue_card(&reader, &second, "new").await["card_number"]
        .as_str()
        .unwrap()
        .to_owned();

    // The cards of a resident: links the resident to their card numbers.
    let before = last_seq(&app);
    let res = app
        .get(&reader, &format!("/api/v1/residents/{first}/cards"))
        .await;
    assert_eq!(res.status(), 200);
    one_entry(
        &entries_after(&app, before),
        &reader_id,
        "resident.cards_read",
        &first,
    );

    // The single PDF: a read that changes nothing.
    let before = last_seq(&app);
    let res = app
        .get(&reader, &format!("/api/v1/cards/{number}/pdf"))
        .await;
    assert_eq!(res.status(), 200);
    let entries = entries_after(&app, before);
    one_entry(&entries, &reader_id, "card.pdf_read", &number);
    assert_eq!(entries.len(), 1, "{entries:?}");
    let view: Value = app
        .get(&reader, &format!("/api/v1/cards/{number}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["printed"], false, "a preview is not a print");
    let resident_view: Value = app
        .get(&enroller, &format!("/api/v1/residents/{first}"))
        .await
        .json()
        .await
        .unwrap();
    assert!(
        resident_view["address"].is_object(),
        "a preview keeps the print-only address"
    );

    // Batch print: one entry per card.
    let before = last_seq(&app);
    let res = app
        .post_json(
            &reader,
            "/api/v1/cards/print",
            &json!({"card_numbers": [number, other_number]}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let entries = entries_after(&app, before);
    one_entry(&entries, &reader_id, "card.print", &number);
    one_entry(&entries, &reader_id, "card.print", &other_number);

    // The change answers with the decrypted record.
    let before = last_seq(&app);
    let res = app
        .patch_json(
            &reader,
            &format!("/api/v1/residents/{first}"),
            &json!({"veteran": true}),
        )
        .await;
    assert_eq!(res.status(), 200);
    one_entry(
        &entries_after(&app, before),
        &reader_id,
        "resident.update_read",
        &first,
    );

    // Two issues, one list, one PDF, two printed cards, one change response.
    assert_eq!(reads_reported(&app, "reader"), 7);
    let mut conn = app.ctx.db().unwrap();
    assert!(
        audit::verify_chain(
            &mut conn,
            &app.ctx.signing,
            &audit::witness(&app.ctx.config)
        )
        .unwrap()
        .intact
    );
}

#[tokio::test]
async fn a_possible_duplicate_answer_is_audited_and_enrolls_no_one() {
    let app = spawn_app().await;
    let (enroller, _) = named_clerk(&app, "enroller").await;
    let (reader, reader_id) = named_clerk(&app, "second.clerk").await;
    let existing = app.enroll_ok(&enroller, &resident("Same Person")).await;
    let residents_before = app.count_rows("residents");

    let before = last_seq(&app);
    let (status, code, body) =
        error_code(app.enroll(&reader, &resident("Same Person")).await).await;
    assert_eq!((status, code.as_str()), (409, "possible_duplicate"));
    assert_eq!(body["error"]["resident_id"], existing.as_str());

    assert_eq!(
        entries_after(&app, before),
        vec![(
            reader_id,
            "resident.duplicate_shown".to_owned(),
            Some(existing.clone())
        )],
        "exactly one entry, naming the existing resident"
    );
    assert_eq!(
        app.count_rows("residents"),
        residents_before,
        "no one enrolled"
    );
    assert_eq!(reads_reported(&app, "second.clerk"), 1);
    let mut conn = app.ctx.db().unwrap();
    assert!(
        audit::verify_chain(
            &mut conn,
            &app.ctx.signing,
            &audit::witness(&app.ctx.config)
        )
        .unwrap()
        .intact
    );
}
