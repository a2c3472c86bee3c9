//! Retention that enforces itself: purge with crypto-shredding and epoch destruction, the
//! print-only address, an interrupted purge, key rotation, the tamper-evident audit chain, and
//! the signed retention report.

use chrono::{TimeDelta, TimeZone, Utc};
use diesel::prelude::*;
use muni_id::crypto::keyring::Epoch;
use muni_id::db::residents::ResidentRow;
use muni_id::db::schema::{audit_head, audit_log, cards, resident_photos, residents};
use muni_id::domain::resident::DateOfBirth;
use muni_id::domain::staff::StaffRole;
use muni_id::services::purge::{self, PurgeError, PurgeOptions, PurgeOutcome};
use muni_id::services::{audit, key_rotation, report, vault};
use serde_json::{json, Value};

use crate::bulk_residents::insert_sealed_resident;
use crate::helpers::{resident, spawn_app, spawn_app_with, TestApp};

fn purge_now(
    app: &TestApp,
    dry_run: bool,
    fail_after: Option<u64>,
) -> Result<PurgeOutcome, PurgeError> {
    let options = PurgeOptions {
        as_of: app.ctx.clock.today(),
        dry_run,
        trigger: "cli",
        fail_after,
    };
    purge::run(&app.ctx, &options, &|_, _| {})
}

fn resident_row(app: &TestApp, id: &str) -> Option<ResidentRow> {
    let mut conn = app.ctx.db().unwrap();
    muni_id::db::residents::find(&mut conn, id).unwrap()
}

fn chain(app: &TestApp) -> muni_id::domain::audit::ChainState {
    let mut conn = app.ctx.db().unwrap();
    audit::verify_chain(
        &mut conn,
        &app.ctx.signing,
        &audit::witness(&app.ctx.config),
    )
    .unwrap()
}

async fn issue(app: &TestApp, id: &str) -> Value {
    let clerk = app.session(StaffRole::Clerk).await;
    let res = app
        .post_json(
            &clerk,
            &format!("/api/v1/residents/{id}/cards"),
            &json!({"reason": "new", "fee": {"outcome": "paid"}}),
        )
        .await;
    assert_eq!(res.status(), 201);
    res.json().await.unwrap()
}

#[tokio::test]
async fn a_purge_shreds_expired_residents_and_their_epoch_keys_even_in_old_copies() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let expiring = app.enroll_ok(&clerk, &resident("Expiring Person")).await;
    let expiring_card = issue(&app, &expiring).await;
    // Card until 2031-11-20, plus 180 days of grace: due after 2032-05-18; the ratchet wraps
    // its key no later than this month + 2 (2027-01).
    let first_epoch = resident_row(&app, &expiring).unwrap().key_epoch;
    assert_eq!(first_epoch, "2027-01");

    app.clock.advance(TimeDelta::days(400));
    let clerk = app.session(StaffRole::Clerk).await;
    let staying = app.enroll_ok(&clerk, &resident("Staying Person")).await;
    issue(&app, &staying).await;

    // A copy of the database, as a backup would hold it.
    let backup_expiring = resident_row(&app, &expiring).unwrap();
    let backup_staying = resident_row(&app, &staying).unwrap();
    assert_ne!(backup_expiring.key_epoch, backup_staying.key_epoch);

    app.clock
        .set(Utc.with_ymd_and_hms(2032, 6, 2, 9, 0, 0).unwrap());
    let before = (app.count_rows("residents"), app.count_rows("audit_log"));
    let dry = purge_now(&app, true, None).unwrap();
    assert_eq!((dry.residents_destroyed, dry.unissued_destroyed), (1, 0));
    assert!(dry.epochs_destroyed.contains(&first_epoch));
    assert_eq!(
        (app.count_rows("residents"), app.count_rows("audit_log")),
        before,
        "a dry run changes nothing"
    );
    assert!(!app
        .ctx
        .custody
        .is_destroyed(Epoch::parse(&first_epoch).unwrap())
        .unwrap());

    let outcome = purge_now(&app, false, None).unwrap();
    assert_eq!(outcome.residents_destroyed, 1);
    assert!(outcome.epochs_destroyed.contains(&first_epoch));

    // The API knows nothing more of the expiring resident.
    let clerk = app.session(StaffRole::Clerk).await;
    assert_eq!(
        app.get(&clerk, &format!("/api/v1/residents/{expiring}"))
            .await
            .status(),
        404
    );
    // The raw database holds no ciphertext, wrapped key or photo of theirs...
    let mut conn = app.ctx.db().unwrap();
    let left: i64 = residents::table
        .filter(residents::id.eq(&expiring))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    let photos: i64 = resident_photos::table
        .filter(resident_photos::resident_id.eq(&expiring))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!((left, photos), (0, 0));
    // ...but the card stays as a tombstone, and verifies as not valid.
    let tombstone: Option<String> = cards::table
        .find(expiring_card["card_number"].as_str().unwrap())
        .select(cards::resident_id)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(tombstone, None);
    let res = app
        .client
        .post(app.url("/api/v1/verify"))
        .json(&json!({"token": expiring_card["qr_text"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap(), json!({"valid": false}));
    drop(conn);

    // The copy taken before the purge no longer opens for them: their epoch key is gone; nor,
    // being older than the backup window, for the resident who stays...
    assert!(vault::data_key_of(&app.ctx, &backup_expiring).is_err());
    assert!(vault::data_key_of(&app.ctx, &backup_staying).is_err());
    // ...whose live record the roll-forward carried forward.
    let (_, face) = vault::open_face(&app.ctx, &resident_row(&app, &staying).unwrap()).unwrap();
    assert_eq!(face.legal_name.as_str(), "Staying Person");
    let view: Value = app
        .get(&clerk, &format!("/api/v1/residents/{staying}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["legal_name"], "Staying Person");

    // The report shows what went, and nothing overdue.
    let built = report::build(&app.ctx, app.ctx.clock.today(), report::Counting::Now).unwrap();
    let card_face = built
        .classes
        .iter()
        .find(|c| c.class == "card_face")
        .unwrap();
    assert_eq!(
        (
            card_face.held,
            card_face.overdue,
            card_face.destroyed_in_period
        ),
        (1, 0, 1)
    );
    assert!(
        built.classes.iter().all(|c| c.overdue == 0),
        "{:?}",
        built.classes
    );
    assert!(built.keys.destroyed.iter().any(|d| d.epoch == first_epoch));
    assert!(built.audit.chain.intact);
    // A second purge finds nothing left to do.
    let again = purge_now(&app, false, None).unwrap();
    assert_eq!(
        (again.residents_destroyed, again.epochs_destroyed.len()),
        (0, 0)
    );
}

#[tokio::test]
async fn the_print_only_address_goes_once_the_card_is_printed() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Address Holder")).await;
    let card = issue(&app, &id).await;
    let path = format!("/api/v1/residents/{id}");
    let view: Value = app.get(&clerk, &path).await.json().await.unwrap();
    assert_eq!(view["address"]["line1"], "12 Elm St");
    let number = card["card_number"].as_str().unwrap();
    assert_eq!(
        app.post_json(&clerk, &format!("/api/v1/cards/{number}/print"), &json!({}))
            .await
            .status(),
        200
    );
    let view: Value = app.get(&clerk, &path).await.json().await.unwrap();
    assert_eq!(view["address"], Value::Null, "gone from storage");
    assert_eq!(
        view["legal_name"], "Address Holder",
        "the rest of the card face stays"
    );
    assert!(resident_row(&app, &id).unwrap().address.is_none());

    // A new address, set after that print, waits for its own card: neither the purge nor
    // the report treats it as overdue.
    let res = app
        .patch_json(
            &clerk,
            &path,
            &json!({"address": {"care_of": "Harbor Shelter", "city": "Springfield"}}),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(purge_now(&app, false, None).unwrap().addresses_destroyed, 0);
    let built = report::build(&app.ctx, app.ctx.clock.today(), report::Counting::Now).unwrap();
    let addresses = built
        .classes
        .iter()
        .find(|c| c.class == "print_only_address")
        .unwrap();
    assert_eq!((addresses.held, addresses.overdue), (1, 0));
    let view: Value = app.get(&clerk, &path).await.json().await.unwrap();
    assert_eq!(view["address"]["care_of"], "Harbor Shelter");
    app.clock.advance(TimeDelta::minutes(1));
    assert_eq!(
        app.post_json(&clerk, &format!("/api/v1/cards/{number}/print"), &json!({}))
            .await
            .status(),
        200
    );
    let view: Value = app.get(&clerk, &path).await.json().await.unwrap();
    assert_eq!(view["address"], Value::Null, "gone once printed");
}

#[tokio::test]
async fn a_jurisdiction_may_keep_the_address() {
    let app = spawn_app_with(|c| c.retention.retain_address = true).await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Address Kept")).await;
    let card = issue(&app, &id).await;
    let number = card["card_number"].as_str().unwrap();
    assert_eq!(
        app.post_json(&clerk, &format!("/api/v1/cards/{number}/print"), &json!({}))
            .await
            .status(),
        200
    );
    let view: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view["address"]["line1"], "12 Elm St");
}

#[tokio::test]
async fn an_interrupted_purge_loses_nothing_and_a_rerun_finishes_exactly() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut ids = Vec::new();
    for i in 0..5 {
        ids.push(
            app.enroll_ok(
                &clerk,
                &resident(&format!(
                    "Unissued Number{}",
                    ["One", "Two", "Three", "Four", "Five"][i]
                )),
            )
            .await,
        );
    }
    app.clock.advance(TimeDelta::days(10));
    let clerk = app.session(StaffRole::Clerk).await;
    let keeper = app.enroll_ok(&clerk, &resident("Later Enrollee")).await;
    // Enrolled 2026-11-21 + 30 days: due after 2026-12-21. The later one after 2026-12-31.
    app.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 27, 9, 0, 0).unwrap());
    let err = purge_now(&app, false, Some(2)).unwrap_err();
    assert!(matches!(err, PurgeError::Injected(2)), "{err}");
    assert_eq!(
        app.count_rows("residents"),
        4,
        "two destroyed, the rest untouched"
    );
    assert!(chain(&app).intact);

    let outcome = purge_now(&app, false, None).unwrap();
    assert_eq!(
        outcome.unissued_destroyed, 3,
        "the rerun destroys exactly what was left"
    );
    assert_eq!(app.count_rows("residents"), 1);
    assert!(resident_row(&app, &keeper).is_some());
    assert!(ids.iter().all(|id| resident_row(&app, id).is_none()));
    // Epoch 2026-12 still holds the later enrollee until 2026-12-31: its key stays (the
    // empty, finished epoch 2026-11 goes).
    assert_eq!(outcome.epochs_destroyed, vec!["2026-11".to_owned()]);
    app.clock
        .set(Utc.with_ymd_and_hms(2027, 1, 2, 9, 0, 0).unwrap());
    let outcome = purge_now(&app, false, None).unwrap();
    assert_eq!(outcome.unissued_destroyed, 1);
    assert_eq!(outcome.epochs_destroyed, vec!["2026-12".to_owned()]);
    let mut conn = app.ctx.db().unwrap();
    let runs: i64 = muni_id::db::schema::purge_runs::table
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(runs, 3, "every run is recorded, the failed one too");
}

#[tokio::test]
async fn only_one_purge_runs_at_a_time() {
    let app = spawn_app().await;
    let lock = purge::retention_lock(&app.ctx).unwrap();
    assert!(matches!(
        purge_now(&app, false, None),
        Err(PurgeError::AlreadyRunning)
    ));
    drop(lock);
    assert!(purge_now(&app, false, None).is_ok());
}

/// Inserts residents straight through the crypto layer (fast enough for thousands).
fn insert_residents(app: &TestApp, count: usize) -> Vec<String> {
    let today = app.ctx.clock.today();
    let dob = DateOfBirth::parse("1980-01-01", today, 10).unwrap();
    let epochs = [
        Epoch::parse("2027-03").unwrap(),
        Epoch::parse("2029-08").unwrap(),
    ];
    let staff_id = {
        app.add_staff("bulk.clerk", StaffRole::Clerk);
        let mut conn = app.ctx.db().unwrap();
        muni_id::db::staff::find_by_username(&mut conn, "bulk.clerk")
            .unwrap()
            .unwrap()
            .id
    };
    let mut conn = app.ctx.db().unwrap();
    let mut ids = Vec::with_capacity(count);
    conn.transaction::<_, diesel::result::Error, _>(|conn| {
        for i in 0..count {
            ids.push(insert_sealed_resident(
                &app.ctx,
                conn,
                &staff_id,
                &format!("Bulk Person {i}"),
                dob,
                epochs[i % 2],
                b"jpeg",
            )?);
        }
        Ok(())
    })
    .unwrap();
    ids
}

#[tokio::test]
async fn key_rotation_rewraps_every_data_key_and_leaves_none_under_an_old_version() {
    let app = spawn_app().await;
    let ids = insert_residents(&app, 3000);
    let outcome = key_rotation::rotate(&app.ctx, &|_, _| {}).unwrap();
    assert_eq!(outcome.data_keys_rewrapped, 3000);
    let mut conn = app.ctx.db().unwrap();
    let old: i64 = residents::table
        .filter(residents::key_version.ne(2))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(old, 0, "no data key is left under an old key version");
    // Both due dates lie beyond the window: the ratchet wraps every key under 2027-01.
    {
        let epoch = "2027-01";
        let inventory = app.ctx.custody.inventory().unwrap();
        let live: Vec<(String, u32)> = inventory
            .live
            .iter()
            .map(|(e, v)| (e.id(), *v))
            .filter(|(e, _)| e == epoch)
            .collect();
        assert_eq!(live, vec![(epoch.to_owned(), 2)]);
        assert!(!inventory.rotating, "the old version is destroyed");
    }
    for id in ids.iter().step_by(1) {
        let row = muni_id::db::residents::find(&mut conn, id)
            .unwrap()
            .unwrap();
        let (_, face) = vault::open_face(&app.ctx, &row).unwrap();
        assert!(face.legal_name.as_str().starts_with("Bulk Person "));
    }
    assert!(chain(&app).intact);
    let built = report::build(&app.ctx, app.ctx.clock.today(), report::Counting::Now).unwrap();
    let versions: Vec<(String, u32, u64)> = built
        .keys
        .epochs
        .iter()
        .map(|e| (e.epoch.clone(), e.key_version, e.data_keys))
        .collect();
    assert_eq!(versions, vec![("2027-01".into(), 2, 3000)]);
}

/// A fresh app with a few audit entries, sealed.
async fn audited_app() -> TestApp {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    app.enroll_ok(&clerk, &resident("Audit One")).await;
    app.enroll_ok(&clerk, &resident("Audit Two")).await;
    let mut conn = app.ctx.db().unwrap();
    audit::seal_head(
        &mut conn,
        &app.ctx.signing,
        &audit::witness(&app.ctx.config),
        Utc::now(),
    )
    .unwrap();
    drop(conn);
    let state = chain(&app);
    assert!(state.intact && state.entries >= 4, "{state:?}");
    app
}

#[tokio::test]
async fn editing_an_audit_entry_is_detected_where_it_happened() {
    let app = audited_app().await;
    let mut conn = app.ctx.db().unwrap();
    diesel::update(audit_log::table.find(3_i64))
        .set(audit_log::action.eq("resident.read"))
        .execute(&mut *conn)
        .unwrap();
    assert_eq!(chain(&app).first_bad_entry, Some(3));
}

#[tokio::test]
async fn deleting_an_audit_entry_is_detected() {
    let app = audited_app().await;
    let mut conn = app.ctx.db().unwrap();
    diesel::delete(audit_log::table.find(2_i64))
        .execute(&mut *conn)
        .unwrap();
    let state = chain(&app);
    assert!(!state.intact);
    assert_eq!(state.first_bad_entry, Some(2));
}

#[tokio::test]
async fn swapping_two_audit_entries_is_detected() {
    let app = audited_app().await;
    let mut conn = app.ctx.db().unwrap();
    let row = |seq: i64, conn: &mut muni_id::db::DbConnection| {
        audit_log::table
            .find(seq)
            .select((
                audit_log::actor,
                audit_log::action,
                audit_log::subject,
                audit_log::prev_hash,
                audit_log::entry_hash,
            ))
            .first::<(String, String, Option<String>, String, String)>(conn)
            .unwrap()
    };
    let (two, three) = (row(2, &mut conn), row(3, &mut conn));
    for (seq, r) in [(2_i64, &three), (3_i64, &two)] {
        diesel::update(audit_log::table.find(seq))
            .set((
                audit_log::actor.eq(&r.0),
                audit_log::action.eq(&r.1),
                audit_log::subject.eq(&r.2),
                audit_log::prev_hash.eq(&r.3),
                audit_log::entry_hash.eq(&r.4),
            ))
            .execute(&mut *conn)
            .unwrap();
    }
    assert_eq!(chain(&app).first_bad_entry, Some(2));
}

#[tokio::test]
async fn truncating_the_tail_is_detected_even_with_the_head_rewritten() {
    let app = audited_app().await;
    let mut conn = app.ctx.db().unwrap();
    let last: i64 = audit_log::table
        .select(diesel::dsl::max(audit_log::seq))
        .first::<Option<i64>>(&mut *conn)
        .unwrap()
        .unwrap();
    diesel::delete(audit_log::table.filter(audit_log::seq.ge(last - 1)))
        .execute(&mut *conn)
        .unwrap();
    // Bare truncation: the head still names the removed entry.
    assert_eq!(chain(&app).first_bad_entry, Some(last - 1));
    // A careful attacker rewrites the head too; the signed seal still remembers.
    let (seq, hash): (i64, String) = audit_log::table
        .order(audit_log::seq.desc())
        .select((audit_log::seq, audit_log::entry_hash))
        .first(&mut *conn)
        .unwrap();
    diesel::update(audit_head::table.find(1))
        .set((audit_head::seq.eq(seq), audit_head::entry_hash.eq(hash)))
        .execute(&mut *conn)
        .unwrap();
    let state = chain(&app);
    assert!(!state.intact);
    assert_eq!(state.first_bad_entry, Some(last - 1));
    // The HTTP view says the same.
    let auditor = app.session(StaffRole::Auditor).await;
    let body: Value = app
        .get(&auditor, "/api/v1/audit/verify")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["intact"], false);
}

#[tokio::test]
async fn the_report_is_signed_in_every_format_and_one_changed_byte_breaks_it() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Reported Person")).await;
    app.get(&clerk, &format!("/api/v1/residents/{id}")).await;
    let auditor = app.session(StaffRole::Auditor).await;

    let res = app.get(&auditor, "/api/v1/reports/retention").await;
    assert_eq!(res.status(), 200);
    let json_bytes = res.bytes().await.unwrap().to_vec();
    let body: Value = serde_json::from_slice(&json_bytes).unwrap();
    for key in [
        "classes",
        "purge_runs",
        "audit",
        "keys",
        "staff_reads",
        "verification",
        "signature",
    ] {
        assert!(body.get(key).is_some(), "{key}");
    }
    assert!(body["classes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["overdue"] == 0));
    let reads: u64 = body["staff_reads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["personal_data_reads"].as_u64().unwrap())
        .sum();
    assert_eq!(reads, 1, "one read of personal data in the period");
    assert!(
        !String::from_utf8_lossy(&json_bytes).contains("Reported Person"),
        "no PII in the report"
    );
    assert!(report::verify(&app.ctx.signing, &json_bytes).is_ok());
    let pretty = serde_json::to_vec_pretty(&body).unwrap();
    assert!(
        report::verify(&app.ctx.signing, &pretty).is_ok(),
        "whitespace does not matter"
    );
    let text = String::from_utf8(json_bytes.clone()).unwrap();
    let changed = text.replacen("\"held\":1", "\"held\":2", 1);
    assert_ne!(changed, text);
    assert_eq!(
        report::verify(&app.ctx.signing, changed.as_bytes()),
        Err(report::ReportCheckError::BadSignature)
    );

    let csv = app
        .get(&auditor, "/api/v1/reports/retention?format=csv")
        .await;
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let csv = csv.text().await.unwrap();
    assert!(csv.lines().any(|l| l.starts_with("class,card_face,")));
    assert!(csv.lines().all(|l| !l.contains("Reported")));
    assert!(report::verify(&app.ctx.signing, csv.as_bytes()).is_ok());
    let edited = csv.replacen("class,card_face,", "class,card_face, ", 1);
    assert!(
        report::verify(&app.ctx.signing, edited.as_bytes()).is_err(),
        "a change to the CSV's own table is caught, not only one to the JSON it carries"
    );
    let mut tampered = csv.into_bytes();
    let at = tampered.len() - 20;
    tampered[at] = if tampered[at] == b'A' { b'B' } else { b'A' };
    assert!(report::verify(&app.ctx.signing, &tampered).is_err());

    let pdf = app
        .get(&auditor, "/api/v1/reports/retention?format=pdf")
        .await;
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let pdf = pdf.bytes().await.unwrap().to_vec();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(
        report::verify(&app.ctx.signing, &pdf).is_ok(),
        "the PDF carries the signed report"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = std::process::Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (bash tests/run.sh installs poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("Retention report") && text.contains("Card face (residents with a card)"),
        "{text}"
    );
    assert!(!text.contains("Reported Person"));
    let mut altered = pdf.clone();
    let at = altered.len() - 30;
    altered[at] = if altered[at] == b'A' { b'B' } else { b'A' };
    assert!(report::verify(&app.ctx.signing, &altered).is_err());

    let (status, code, _) = crate::helpers::error_code(
        app.get(&auditor, "/api/v1/reports/retention?format=xml")
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "invalid_format"));
    assert_eq!(
        app.get(&clerk, "/api/v1/reports/retention").await.status(),
        403
    );
}

#[test]
fn verification_counts_survive_a_flush_that_cannot_write() {
    use diesel::connection::SimpleConnection;
    use muni_id::services::report::flush_verification_counts;
    let t = crate::helpers::context_only();
    for valid in [true, true, true, false] {
        t.ctx.verification.count(valid);
    }
    let rename = |from: &str, to: &str| {
        t.ctx
            .db()
            .unwrap()
            .batch_execute(&format!("ALTER TABLE {from} RENAME TO {to}"))
            .unwrap();
    };
    rename("verification_counts", "verification_counts_away");
    assert!(flush_verification_counts(&t.ctx).is_err());
    rename("verification_counts_away", "verification_counts");
    flush_verification_counts(&t.ctx).unwrap();
    let today = t.ctx.clock.today();
    let totals =
        muni_id::db::verification_counts::totals_since(&mut t.ctx.db().unwrap(), today).unwrap();
    assert_eq!(totals, (4, 3, 1), "checks, valid, not valid");
}

#[tokio::test]
async fn retention_jobs_run_on_a_pool_of_one_connection() {
    // The configuration allows a pool of 1; each job works on the connection that holds its
    // lock instead of taking more from the pool.
    let app = spawn_app_with(|c| c.database.pool_size = 1).await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Pool Of One")).await;
    // Past the unissued limit: the purge destroys the record and rolls the keys forward.
    app.clock.advance(TimeDelta::days(45));
    let ctx = app.ctx.clone();
    let purged = tokio::task::spawn_blocking(move || {
        let dry = purge::run(
            &ctx,
            &PurgeOptions {
                as_of: ctx.clock.today(),
                dry_run: true,
                trigger: "cli",
                fail_after: None,
            },
            &|_, _| {},
        )?;
        let outcome = purge::run(
            &ctx,
            &PurgeOptions {
                as_of: ctx.clock.today(),
                dry_run: false,
                trigger: "cli",
                fail_after: None,
            },
            &|_, _| {},
        )?;
        let rotated = key_rotation::rotate(&ctx, &|_, _| {})?;
        Ok::<_, PurgeError>((dry, outcome, rotated))
    })
    .await
    .unwrap();
    let (dry, outcome, _) = purged.expect("purge, dry run and rotation on one connection");
    assert_eq!(dry.unissued_destroyed, 1);
    assert_eq!(outcome.unissued_destroyed, 1);
    assert!(resident_row(&app, &id).is_none());
}

/// A staff account with a fixed name (the report lists usernames), logged in.
async fn fixed_session(app: &TestApp, username: &str, role: StaffRole) -> crate::helpers::Session {
    app.add_staff(username, role);
    let res = app.login(username, crate::helpers::STAFF_PASSWORD).await;
    assert_eq!(res.status(), 201, "login as {username}");
    let body: Value = res.json().await.unwrap();
    crate::helpers::Session {
        token: body["token"].as_str().unwrap().to_owned(),
    }
}

/// A redaction that keeps a random value's format in the snapshot: `[hex, 64]` for a key id,
/// `[base64url, 86]` for a signature.
fn redact_format(value: insta::internals::Content, _: insta::internals::ContentPath<'_>) -> String {
    let text = value.as_str().expect("a redacted value is a string");
    let format = if text.chars().all(|c| c.is_ascii_hexdigit()) {
        "hex"
    } else if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        "base64url"
    } else {
        "other"
    };
    format!("[{format}, {}]", text.len())
}

/// The report's JSON, field by field, for a fixed day's work: a renamed, added or dropped field,
/// or a changed format, shows as a snapshot diff. Values random per run (key ids, the
/// signature, the seal's hash) keep only their format.
#[tokio::test]
async fn the_report_json_keeps_its_shape() {
    let app = spawn_app().await;
    let clerk = fixed_session(&app, "snapshot.clerk", StaffRole::Clerk).await;
    // Enrolled, never issued: destroyed by the purge once past its limit.
    app.enroll_ok(&clerk, &resident("Never Issued")).await;
    app.clock.advance(TimeDelta::days(45));
    let clerk = fixed_session(&app, "snapshot.clerk2", StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Card Holder")).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    app.get(&clerk, &format!("/api/v1/residents/{id}")).await;
    let res = app
        .client
        .post(app.url("/api/v1/verify"))
        .json(&json!({"token": card["qr_text"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.json::<Value>().await.unwrap()["valid"], true);
    assert_eq!(purge_now(&app, false, None).unwrap().unissued_destroyed, 1);
    let auditor = fixed_session(&app, "snapshot.auditor", StaffRole::Auditor).await;

    let res = app.get(&auditor, "/api/v1/reports/retention").await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    insta::assert_json_snapshot!("retention_report", body, {
        ".signature.kid" => insta::dynamic_redaction(redact_format),
        ".signature.value" => insta::dynamic_redaction(redact_format),
        ".keys.signing_key_id" => insta::dynamic_redaction(redact_format),
        ".audit.latest_seal.entry_hash" => insta::dynamic_redaction(redact_format),
    });
}

/// Issue 15: an admin who creates a clerk or resets someone's password has given a person a
/// way into residents' data; the auditor sees each such change and who made it, in the signed
/// report (JSON, CSV and PDF).
#[tokio::test]
async fn the_report_lists_staff_accounts_created_and_reset_and_by_whom() {
    let app = spawn_app().await;
    let admin = fixed_session(&app, "head.admin", StaffRole::Admin).await;
    let res = app
        .post_json(
            &admin,
            "/api/v1/staff",
            &json!({"username": "new.clerk", "role": "clerk"}),
        )
        .await;
    assert_eq!(res.status(), 201);
    let res = app
        .post_json(&admin, "/api/v1/staff/new.clerk/password-reset", &json!({}))
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .patch_json(
            &admin,
            "/api/v1/staff/new.clerk",
            &json!({"role": "supervisor"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let auditor = fixed_session(&app, "the.auditor", StaffRole::Auditor).await;

    let res = app.get(&auditor, "/api/v1/reports/retention").await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    let changes: Vec<(String, String, String)> = body["staff_changes"]
        .as_array()
        .expect("a staff_changes section")
        .iter()
        .map(|c| {
            (
                c["change"].as_str().unwrap().to_owned(),
                c["account"].as_str().unwrap().to_owned(),
                c["by"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("created", "admin", "first start"),
        ("created", "head.admin", "command line"),
        ("created", "new.clerk", "head.admin"),
        ("password_reset", "new.clerk", "head.admin"),
        ("role_changed", "new.clerk", "head.admin"),
        ("created", "the.auditor", "command line"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(changes, expected);

    let csv = app
        .get(&auditor, "/api/v1/reports/retention?format=csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        csv.contains(",password_reset,new.clerk,head.admin\n"),
        "{csv}"
    );
    assert!(report::verify(&app.ctx.signing, csv.as_bytes()).is_ok());
    let pdf = app
        .get(&auditor, "/api/v1/reports/retention?format=pdf")
        .await
        .bytes()
        .await
        .unwrap();
    let checked = report::verify(&app.ctx.signing, &pdf).expect("the PDF verifies");
    assert_eq!(checked.staff_changes.len(), 6);
}

/// Review finding: a report as of a past day listed (and signed) account changes made after
/// that day.
#[tokio::test]
async fn a_report_as_of_a_past_day_lists_no_change_made_after_it() {
    let app = spawn_app().await;
    app.add_staff("late.clerk", StaffRole::Clerk);
    app.clock.advance(TimeDelta::days(10));
    muni_id::services::staff::reset_password(&app.ctx, "cli", "late.clerk").unwrap();
    let today = report::build(&app.ctx, app.ctx.clock.today(), report::Counting::Now).unwrap();
    assert!(today
        .staff_changes
        .iter()
        .any(|c| c.change == "password_reset"));
    let earlier = report::build(
        &app.ctx,
        app.ctx.clock.today() - TimeDelta::days(5),
        report::Counting::Now,
    )
    .unwrap();
    assert!(
        earlier
            .staff_changes
            .iter()
            .all(|c| c.change != "password_reset"),
        "{:?}",
        earlier.staff_changes
    );
}
