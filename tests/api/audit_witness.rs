//! The audit witness (issue 9, finding 6): whoever can write the database can delete the last
//! entries with their seals and fix the head, or move the chain's start forward; the witness
//! kept beside the keys, and the seal in every signed report, still tell.

use chrono::TimeDelta;
use diesel::prelude::*;
use muni_id::db::schema::{audit_anchor, audit_head, audit_log, audit_seals};
use muni_id::domain::staff::StaffRole;
use muni_id::services::purge::{self, PurgeOptions};
use serde_json::Value;

use crate::helpers::{resident, spawn_app_with, TestApp};

/// A purge as of today: it records an entry and seals the chain head.
fn purge_now(app: &TestApp) {
    let options = PurgeOptions {
        as_of: app.ctx.clock.today(),
        dry_run: false,
        trigger: "cli",
        fail_after: None,
    };
    purge::run(&app.ctx, &options, &|_, _| {}).unwrap();
}

/// An app whose chain has two seals, the last of them on the head.
async fn sealed_twice(audit_days: u32) -> TestApp {
    let app = spawn_app_with(|c| c.retention.audit_days = audit_days).await;
    let clerk = app.session(StaffRole::Clerk).await;
    app.enroll_ok(&clerk, &resident("Witness One")).await;
    purge_now(&app);
    app.enroll_ok(&clerk, &resident("Witness Two")).await;
    app.enroll_ok(&clerk, &resident("Witness Three")).await;
    purge_now(&app);
    let state = verify(&app).await;
    assert_eq!(state["intact"], true, "{state}");
    app
}

async fn verify(app: &TestApp) -> Value {
    let auditor = app.session(StaffRole::Auditor).await;
    let res = app.get(&auditor, "/api/v1/audit/verify").await;
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn seal_seqs(app: &TestApp) -> Vec<i64> {
    let mut conn = app.ctx.db().unwrap();
    audit_seals::table
        .order(audit_seals::seq.asc())
        .select(audit_seals::seq)
        .load(&mut *conn)
        .unwrap()
}

/// What a careful attacker with the database does: removes every entry after `keep` and every
/// seal after it, and points the head at `keep`.
fn cut_after(app: &TestApp, keep: i64) {
    let mut conn = app.ctx.db().unwrap();
    diesel::delete(audit_log::table.filter(audit_log::seq.gt(keep)))
        .execute(&mut *conn)
        .unwrap();
    diesel::delete(audit_seals::table.filter(audit_seals::seq.gt(keep)))
        .execute(&mut *conn)
        .unwrap();
    let hash: String = audit_log::table
        .find(keep)
        .select(audit_log::entry_hash)
        .first(&mut *conn)
        .unwrap();
    diesel::update(audit_head::table.find(1))
        .set((audit_head::seq.eq(keep), audit_head::entry_hash.eq(hash)))
        .execute(&mut *conn)
        .unwrap();
}

#[tokio::test]
async fn cutting_the_tail_with_its_seals_and_fixing_the_head_is_caught() {
    let app = sealed_twice(2555).await;
    let seals = seal_seqs(&app);
    assert_eq!(seals.len(), 2, "{seals:?}");
    // Keep the chain up to the first seal: everything after it, and its seal, goes.
    cut_after(&app, seals[0]);
    let state = verify(&app).await;
    assert_eq!(state["intact"], false, "{state}");
    assert_eq!(state["witness_ok"], false, "{state}");
    assert_eq!(state["first_bad_entry"], seals[0] + 1, "{state}");
    assert_eq!(state["witnessed_seals"], 2, "{state}");
    // The command line says the same, and fails.
    let out = app.cli(&["audit", "verify"]);
    assert!(!out.status.success(), "{out:?}");
}

#[tokio::test]
async fn removing_a_witnessed_seal_alone_is_caught() {
    let app = sealed_twice(2555).await;
    let seals = seal_seqs(&app);
    let mut conn = app.ctx.db().unwrap();
    diesel::delete(audit_seals::table.find(seals[0]))
        .execute(&mut *conn)
        .unwrap();
    drop(conn);
    let state = verify(&app).await;
    assert_eq!(state["intact"], false, "{state}");
    assert_eq!(state["first_bad_entry"], seals[0], "{state}");
}

#[tokio::test]
async fn a_report_whose_seal_is_not_in_the_chain_fails_verify() {
    let app = sealed_twice(2555).await;
    let auditor = app.session(StaffRole::Auditor).await;
    let clerk = app.session(StaffRole::Clerk).await;
    app.enroll_ok(&clerk, &resident("Witness Four")).await;
    let res = app.get(&auditor, "/api/v1/reports/retention").await;
    assert_eq!(res.status(), 200);
    let report = res.bytes().await.unwrap();
    let body: Value = serde_json::from_slice(&report).unwrap();
    let sealed = body["audit"]["latest_seal"]["seq"].as_i64().unwrap();
    assert!(
        sealed > *seal_seqs(&app).first().unwrap(),
        "the report sealed the head"
    );
    let file = app.data_dir.path().join("report.json");
    std::fs::write(&file, &report).unwrap();
    let file = file.to_str().unwrap();

    let out = app.cli(&["audit", "verify", "--report", file]);
    assert!(out.status.success(), "{out:?}");

    // The attacker cuts the chain back before the report's seal, and gets rid of the witness
    // too: the report still remembers.
    cut_after(&app, seal_seqs(&app)[0]);
    std::fs::remove_file(app.ctx.config.audit_witness_path()).unwrap();
    assert_eq!(
        verify(&app).await["intact"],
        true,
        "no witness, the chain alone looks whole"
    );
    let out = app.cli(&["audit", "verify", "--report", file]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{out:?}");
    assert!(
        stdout.contains(&format!("its seal of entry {sealed} is not in the chain")),
        "{stdout}"
    );
}

#[tokio::test]
async fn retention_moving_the_chain_start_stays_intact_but_moving_it_further_is_caught() {
    let app = sealed_twice(1).await;
    app.clock.advance(TimeDelta::days(3));
    let clerk = app.session(StaffRole::Clerk).await;
    app.enroll_ok(&clerk, &resident("Witness Later")).await;
    purge_now(&app);
    let (anchor, head): (i64, i64) = {
        let mut conn = app.ctx.db().unwrap();
        (
            audit_anchor::table
                .find(1)
                .select(audit_anchor::seq)
                .first(&mut *conn)
                .unwrap(),
            audit_head::table
                .find(1)
                .select(audit_head::seq)
                .first(&mut *conn)
                .unwrap(),
        )
    };
    assert!(anchor > 0, "retention moved the chain's start");
    let state = verify(&app).await;
    assert_eq!(state["intact"], true, "{state}");
    assert_eq!(state["witness_ok"], true, "{state}");
    assert_eq!(state["witnessed_seals"], 3, "{state}");

    // Moving the start further (hiding entries from the start) is caught.
    let mut conn = app.ctx.db().unwrap();
    let hide = anchor + 1;
    assert!(hide < head);
    let hash: String = audit_log::table
        .find(hide)
        .select(audit_log::entry_hash)
        .first(&mut *conn)
        .unwrap();
    diesel::delete(audit_log::table.filter(audit_log::seq.le(hide)))
        .execute(&mut *conn)
        .unwrap();
    diesel::update(audit_anchor::table.find(1))
        .set((
            audit_anchor::seq.eq(hide),
            audit_anchor::entry_hash.eq(hash),
        ))
        .execute(&mut *conn)
        .unwrap();
    drop(conn);
    let state = verify(&app).await;
    assert_eq!(state["intact"], false, "{state}");
    assert_eq!(state["first_bad_entry"], anchor + 1, "{state}");
}

#[tokio::test]
async fn the_witness_is_a_private_file_beside_the_keys() {
    let app = sealed_twice(2555).await;
    let path = app.ctx.config.audit_witness_path();
    assert_eq!(
        path.parent(),
        app.ctx.config.signing_keys_path().parent(),
        "kept with the keys"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let text = std::fs::read_to_string(&path).unwrap();
    let seals: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|l| l["kind"] == "seal")
        .collect();
    assert_eq!(seals.len(), 2);
    for key in ["seq", "entry_hash", "sealed_at", "key_id", "signature"] {
        assert!(seals[1].get(key).is_some(), "{key}");
    }
}
