//! Two servers as on two hosts: separate data folders (no shared file), one database, one key
//! backend (an HSM or OpenBao). They serve the same residents, see each other's revocations,
//! signing-key changes and key destruction, and never both run the purge. Needs a key backend
//! (the file ring lives in one data folder), so it runs through tests/keys/run.sh.

use std::time::Duration;

use muni_id::config::KeyBackend;
use muni_id::crypto::custody::CustodyError;
use muni_id::crypto::keyring::Epoch;
use muni_id::crypto::secret::SecretKey;
use muni_id::domain::staff::StaffRole;
use muni_id::services::purge::{self, PurgeError, PurgeOptions};
use serde_json::{json, Value};

use crate::helpers::{resident, spawn_app_with, spawn_beside, test_key_backend};

/// Polls `check` for up to ten seconds (the other host reloads on its own schedule).
async fn eventually(mut check: impl AsyncFnMut() -> bool) -> bool {
    for _ in 0..50 {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    false
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs a key backend: tests/keys/run.sh pkcs11|openbao"]
async fn two_hosts_share_residents_revocations_key_changes_and_the_purge_lock() {
    assert_ne!(
        test_key_backend(),
        KeyBackend::File,
        "run through tests/keys/run.sh pkcs11|openbao"
    );
    let fast = |c: &mut muni_id::config::Config| c.cards.status_list_refresh_secs = 1;
    let a = spawn_app_with(fast).await;
    let b = spawn_beside(&a, fast);
    assert_ne!(a.ctx.config.data_dir, b.ctx.config.data_dir);
    let clerk_a = a.session(StaffRole::Clerk).await;
    let clerk_b = b.session(StaffRole::Clerk).await;

    // Enrolled on A, read and found on B (the same keys, no file in common).
    let id = a.enroll_ok(&clerk_a, &resident("Two Hosts")).await;
    let res = b.get(&clerk_b, &format!("/api/v1/residents/{id}")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<Value>().await.unwrap()["legal_name"],
        "Two Hosts"
    );
    let found: Value = b
        .post_json(
            &clerk_b,
            "/api/v1/residents/search",
            &json!({"legal_name": "Two Hosts", "date_of_birth": "1990-04-01"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["matches"][0]["resident_id"], id.as_str());

    // A card issued on B verifies on A; revoked on A, B stops vouching for it.
    let card = b.issue_card(&clerk_b, &id, "new").await;
    let qr = card["qr_text"].as_str().unwrap().to_owned();
    assert!(a.card_is_valid(&qr).await);
    let number = card["card_number"].as_str().unwrap();
    let res = a
        .post_json(
            &clerk_a,
            &format!("/api/v1/cards/{number}/revoke"),
            &json!({"reason": "lost"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        eventually(async || !b.card_is_valid(&qr).await).await,
        "B sees A's revocation"
    );

    // A starts a new signing key: B signs with it within moments, and A accepts B's cards.
    let new_kid = a.ctx.signing.rotate(a.ctx.clock.now()).unwrap();
    assert!(
        eventually(async || b.ctx.signing.current_kid() == new_kid).await,
        "B follows A's signing key"
    );
    let second = b.issue_card(&clerk_b, &id, "replacement_lost").await;
    assert!(a.card_is_valid(second["qr_text"].as_str().unwrap()).await);

    // An epoch destroyed on A is destroyed for B, at once: nothing is cached past it.
    let epoch = Epoch::parse("2031-01").unwrap();
    b.ctx.custody.prepare(epoch, 0).unwrap();
    let key = SecretKey::generate();
    let wrapped = b.ctx.custody.wrap(epoch, "some-record", &key).unwrap();
    assert!(a.ctx.custody.destroy(epoch, a.ctx.clock.now()).unwrap());
    assert!(matches!(
        b.ctx.custody.unwrap("some-record", &wrapped),
        Err(CustodyError::EpochDestroyed(_) | CustodyError::UnknownKey { .. })
    ));
    assert!(matches!(
        b.ctx.custody.wrap(epoch, "another", &key),
        Err(CustodyError::EpochDestroyed(_))
    ));

    // While A purges, B's purge does not run.
    let lock = purge::retention_lock(&a.ctx).unwrap();
    let options = PurgeOptions {
        as_of: b.ctx.clock.today(),
        dry_run: false,
        trigger: "schedule",
        fail_after: None,
    };
    assert!(matches!(
        purge::run(&b.ctx, &options, &|_, _| {}),
        Err(PurgeError::AlreadyRunning)
    ));
    drop(lock);
    assert!(purge::run(&b.ctx, &options, &|_, _| {}).is_ok());
}
