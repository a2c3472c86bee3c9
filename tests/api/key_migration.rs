//! Moving a development file ring into an HSM or OpenBao (`muni-id keys migrate`). They need
//! a key backend, so they run through tests/keys/run.sh (which includes the ignored tests).

use muni_id::config::KeyBackend;
use muni_id::domain::staff::StaffRole;
use serde_json::{json, Value};

use crate::helpers::{resident, spawn_app_with, spawn_on, test_key_backend, TestApp};

fn target() -> KeyBackend {
    let backend = test_key_backend();
    assert_ne!(
        backend,
        KeyBackend::File,
        "run through tests/keys/run.sh pkcs11|openbao: the migration needs a key backend"
    );
    backend
}

/// A server on the file ring, with the target backend's settings ready in its configuration.
async fn on_the_file_ring() -> TestApp {
    spawn_app_with(|config| config.keys.backend = KeyBackend::File).await
}

/// The same data folder and database served again with `keys.backend` = the target.
fn restarted_on_target(app: TestApp) -> TestApp {
    let mut config = (*app.ctx.config).clone();
    config.keys.backend = target();
    let clock = app.clock.clone();
    // The same public address: the cards name it as their issuer.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    // The folder and database go on; the old server stops.
    let TestApp {
        data_dir, database, ..
    } = app;
    spawn_on(config, clock, listener, data_dir, database)
}

/// The secret keys the key files hold (key-encryption, blind-index and private signing keys,
/// as the files write them), before they go.
fn key_material(files: &[&std::path::Path]) -> Vec<String> {
    fn walk(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (name, inner) in map {
                    match (name.as_str(), inner) {
                        ("key" | "index_key" | "private_key", Value::String(s)) => {
                            found.push(s.clone())
                        }
                        _ => walk(inner, found),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for file in files {
        let json: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        walk(&json, &mut found);
    }
    found
}

/// No file left in the data folder holds any of `secrets`.
fn assert_no_key_material(dir: &std::path::Path, secrets: &[String]) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for secret in secrets {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
                "{} still holds key material",
                path.display()
            );
        }
    }
}

async fn search(app: &TestApp, clerk: &crate::helpers::Session, name: &str) -> Vec<Value> {
    let res = app
        .post_json(
            clerk,
            "/api/v1/residents/search",
            &json!({"legal_name": name, "date_of_birth": "1990-04-01"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    body["matches"].as_array().unwrap().clone()
}

fn migrate(app: &TestApp) -> std::process::Output {
    let mut config = (*app.ctx.config).clone();
    config.keys.backend = target();
    app.cli_with(&config, &["keys", "migrate", "--to", target().name()])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a key backend: tests/keys/run.sh pkcs11|openbao"]
async fn a_file_ring_moves_into_the_backend_and_every_resident_and_card_keeps_working() {
    let app = on_the_file_ring().await;
    let clerk = app.session(StaffRole::Clerk).await;
    // The epoch new records are wrapped under, destroyed ahead of the window and opened again
    // (as a roll-forward can leave it): the file ring lists it destroyed and live. Its
    // records must move like any other (a regression: the move once destroyed it).
    let far = app.ctx.clock.today() + chrono::Months::new(120);
    let epoch = muni_id::services::vault::target_epoch(&app.ctx, far).unwrap();
    assert!(app.ctx.custody.destroy(epoch, app.ctx.clock.now()).unwrap());
    app.ctx.custody.prepare(epoch, 0).unwrap();
    assert!(!app.ctx.custody.is_destroyed(epoch).unwrap());
    let mut ids = Vec::new();
    for name in ["Moved Once", "Moved Twice", "Moved Thrice"] {
        ids.push(app.enroll_ok(&clerk, &resident(name)).await);
    }
    let card = app.issue_card(&clerk, &ids[0], "new").await;
    let old_qr = card["qr_text"].as_str().unwrap().to_owned();
    let ring = app.ctx.config.keyring_path();
    let secrets = key_material(&[&ring, &app.ctx.config.signing_keys_path()]);
    assert!(secrets.len() >= 3, "the ring and the signing key hold keys");

    // Moving into a backend the configuration does not name is refused, and changes nothing.
    let wrong = app.cli(&["keys", "migrate", "--to", target().name()]);
    assert!(!wrong.status.success());
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("keys.backend"));
    assert!(ring.exists());

    // While the servers still run on the file ring, the new backend will not start.
    let mut early = (*app.ctx.config).clone();
    early.keys.backend = target();
    let refused = match muni_id::startup::build_context(early, app.clock.clone()) {
        Ok(_) => panic!("started on {} beside a file ring", target().name()),
        Err(e) => e,
    };
    assert!(
        format!("{refused:#}").contains("keys migrate"),
        "{refused:#}"
    );

    // While a server still runs on the file ring (it would go on sealing under it), the
    // migration is refused and changes nothing.
    let running = migrate(&app);
    assert!(!running.status.success());
    let said = String::from_utf8_lossy(&running.stderr).into_owned();
    assert!(said.contains("still running"), "{said}");
    assert!(ring.exists());
    app.stop_serving().await;

    let out = migrate(&app);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(said.contains("3 records re-wrapped"), "{said}");
    assert!(!ring.exists(), "the file ring is deleted");
    assert!(!app.ctx.config.signing_keys_path().exists());
    assert_no_key_material(app.data_dir.path(), &secrets);
    // Run again: nothing left to move.
    let again = migrate(&app);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("nothing to move"));

    let app = restarted_on_target(app);
    let clerk = app.session(StaffRole::Clerk).await;
    for (id, name) in ids
        .iter()
        .zip(["Moved Once", "Moved Twice", "Moved Thrice"])
    {
        let res = app.get(&clerk, &format!("/api/v1/residents/{id}")).await;
        assert_eq!(res.status(), 200);
        assert_eq!(res.json::<Value>().await.unwrap()["legal_name"], name);
        // The blind index was recomputed with the backend's index key.
        let found = search(&app, &clerk, name).await;
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert_eq!(found[0]["resident_id"], id.as_str());
    }
    // The card the file key signed still verifies (the server re-reads a remote store's keys
    // every SIGNING_REFRESH: SoftHSM2 may show another process's change a moment late); a new
    // card is signed in the backend.
    let mut verified = false;
    for _ in 0..40 {
        verified = app.card_is_valid(&old_qr).await;
        if verified {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(verified, "a card signed before the move");
    let new_card = app.issue_card(&clerk, &ids[1], "new").await;
    assert!(
        app.card_is_valid(new_card["qr_text"].as_str().unwrap())
            .await
    );
    assert!(!app.ctx.config.keyring_path().exists(), "no ring came back");
    // And a new resident enrolls under the backend's keys.
    app.enroll_ok(&clerk, &resident("After The Move")).await;
}
