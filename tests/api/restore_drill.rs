//! The restore drill: enroll, back up, enroll more, restore into a new database with a copy of
//! today's key custody, and see exactly what is there (what was backed up) and what is not
//! (everything after). Then the backup window: the same backup restored after the ratchet has
//! moved on past it opens nothing.

use std::path::Path;

use chrono::TimeDelta;
use muni_id::clock::Clock;
use muni_id::config::Config;
use muni_id::domain::staff::StaffRole;
use muni_id::services::{audit, backup, purge};
use serde_json::Value;

use crate::helpers::{error_code, resident, spawn_app, spawn_on, TestApp, TestDatabase};

/// The key files a key-custody backup would hold, copied into a new folder.
fn copy_key_custody(app: &TestApp, to: &Path) {
    let config = &app.ctx.config;
    for file in [
        config.keyring_path(),
        config.signing_keys_path(),
        config.audit_witness_path(),
    ] {
        if file.exists() {
            std::fs::copy(&file, to.join(file.file_name().unwrap())).unwrap();
        }
    }
}

/// A configuration like `app`'s on a new, empty database, with a copy of today's key custody.
fn fresh_target(app: &TestApp) -> (Config, tempfile::TempDir, TestDatabase) {
    let data_dir = tempfile::tempdir().unwrap();
    let (database, url) = TestDatabase::create(data_dir.path());
    copy_key_custody(app, data_dir.path());
    let mut config = (*app.ctx.config).clone();
    config.data_dir = data_dir.path().to_owned();
    config.database.url = url;
    config.keys.keyring_file = String::new();
    config.keys.audit_witness_file = String::new();
    (config, data_dir, database)
}

#[tokio::test]
async fn a_restore_holds_what_was_backed_up_nothing_after_and_an_old_copy_opens_nothing() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let before = app.enroll_ok(&clerk, &resident("Before Backup")).await;
    let card = app.issue_card(&clerk, &before, "new").await;

    let backups = tempfile::tempdir().unwrap();
    let folder = backups.path().join("monday");
    let manifest = backup::backup(&app.ctx, &folder).unwrap();
    // The database and its manifest, nothing else: no key material.
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec!["manifest.json".to_owned(), manifest.file.clone()]
    );
    let copy = std::fs::read(folder.join(&manifest.file)).unwrap();
    let keyring = std::fs::read_to_string(app.ctx.config.keyring_path()).unwrap();
    let keyring: Value = serde_json::from_str(&keyring).unwrap();
    for secret in json_strings(&keyring).into_iter().filter(|s| s.len() >= 40) {
        assert!(
            !copy.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "the backup holds key material"
        );
    }
    // A second backup into the same folder is refused: no copy is overwritten.
    assert!(backup::backup(&app.ctx, &folder).is_err());

    let after = app.enroll_ok(&clerk, &resident("After Backup")).await;

    // Restore into a new database, with a copy of today's key custody.
    let (config, data_dir, database) = fresh_target(&app);
    let restored = backup::restore(config.clone(), app.clock.clone(), &folder).unwrap();
    assert_eq!(restored.rows["residents"], 1);
    assert_eq!(restored.rows["cards"], 1);
    assert_eq!(
        (restored.residents_readable, restored.residents_unreadable),
        (1, 0)
    );
    // Restoring over a database that holds data is refused, and changes nothing.
    let again = backup::restore(config.clone(), app.clock.clone(), &folder).unwrap_err();
    assert!(format!("{again:#}").contains("holds data"), "{again:#}");

    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let second = spawn_on(config, app.clock.clone(), listener, data_dir, database);
    let clerk2 = second.session(StaffRole::Clerk).await;
    let res = second
        .get(&clerk2, &format!("/api/v1/residents/{before}"))
        .await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["legal_name"], "Before Backup");
    let number = card["card_number"].as_str().unwrap();
    let res = second
        .get(&clerk2, &format!("/api/v1/cards/{number}"))
        .await;
    assert_eq!(res.status(), 200);
    // What was enrolled after the backup is not there.
    let res = second
        .get(&clerk2, &format!("/api/v1/residents/{after}"))
        .await;
    assert_eq!(res.status(), 404);
    // The audit chain is intact: the witness records the restore's rewind.
    let mut conn = second.ctx.db().unwrap();
    let chain = audit::verify_chain(
        &mut conn,
        &second.ctx.signing,
        &audit::witness(&second.ctx.config),
    )
    .unwrap();
    assert!(chain.intact && chain.witness_ok, "{chain:?}");
    drop(conn);

    // The live service's ratchet moves on past the backup window.
    let months = app.ctx.config.keys.backup_window_months + 1;
    app.clock
        .advance(TimeDelta::days(31 * i64::from(months) + 1));
    assert!(app.clock.today() > manifest.opens_until);
    purge::scheduled_upkeep(&app.ctx).unwrap();
    let clerk = app.session(StaffRole::Clerk).await;
    let res = app
        .get(&clerk, &format!("/api/v1/residents/{before}"))
        .await;
    assert_eq!(res.status(), 200, "the live record opens: its key moved on");

    // The same old backup, restored with today's key custody, opens nothing.
    let (config, data_dir, database) = fresh_target(&app);
    let restored = backup::restore(config.clone(), app.clock.clone(), &folder).unwrap();
    assert_eq!(restored.rows["residents"], 1);
    assert_eq!(
        (restored.residents_readable, restored.residents_unreadable),
        (0, 1)
    );
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let third = spawn_on(config, app.clock.clone(), listener, data_dir, database);
    let clerk3 = third.session(StaffRole::Clerk).await;
    let res = third
        .get(&clerk3, &format!("/api/v1/residents/{before}"))
        .await;
    assert_eq!(error_code(res).await.1, "resident_data_destroyed");
}

/// Every string in a JSON document.
fn json_strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().flat_map(json_strings).collect(),
        Value::Object(map) => map.values().flat_map(json_strings).collect(),
        _ => Vec::new(),
    }
}
