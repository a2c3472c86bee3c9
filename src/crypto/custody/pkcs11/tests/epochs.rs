//! The epoch keys on the test token.

use std::sync::Arc;

use chrono::Utc;
use cryptoki::object::{Attribute, AttributeType, ObjectClass};

use super::*;
use crate::crypto::custody::{wrap_aad, CustodyError, KeyCustody, WrappedKey};
use crate::crypto::secret::SecretKey;

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn a_data_key_round_trips_and_the_wrapped_bytes_do_not_hold_it() {
    let custody = custody();
    let dek = SecretKey::generate();
    let wrapped = custody.wrap(epoch("2027-01"), "r1", &dek).unwrap();
    assert_eq!(wrapped.version, 1);
    assert_eq!(custody.unwrap("r1", &wrapped).unwrap(), dek);
    assert!(!wrapped
        .bytes
        .windows(32)
        .any(|w| w == dek.expose().as_slice()));
    let again = custody.wrap(epoch("2027-01"), "r1", &dek).unwrap();
    assert_ne!(again.bytes, wrapped.bytes, "a fresh nonce each time");
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn a_wrapped_key_opens_only_for_its_record_and_unaltered() {
    let custody = custody();
    let wrapped = custody
        .wrap(epoch("2027-01"), "r1", &SecretKey::generate())
        .unwrap();
    assert!(matches!(
        custody.unwrap("r2", &wrapped),
        Err(CustodyError::OpenFailed)
    ));
    for at in [0, 12, wrapped.bytes.len() - 1] {
        let mut tampered = wrapped.clone();
        tampered.bytes[at] ^= 1;
        assert!(
            matches!(
                custody.unwrap("r1", &tampered),
                Err(CustodyError::OpenFailed)
            ),
            "byte {at} altered"
        );
    }
    let mut short = wrapped.clone();
    short.bytes.pop();
    assert!(matches!(
        custody.unwrap("r1", &short),
        Err(CustodyError::OpenFailed)
    ));
    let unknown = WrappedKey {
        version: 7,
        ..wrapped
    };
    assert!(matches!(
        custody.unwrap("r1", &unknown),
        Err(CustodyError::UnknownKey { version: 7, .. })
    ));
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn a_destroyed_epoch_refuses_every_use_and_its_objects_are_gone() {
    let custody = custody();
    let e = epoch("2027-02");
    let wrapped = custody.wrap(e, "r1", &SecretKey::generate()).unwrap();
    custody.index(e, b"x").unwrap();
    let (kek, idx) = (custody.kek_label(e), custody.index_label(e));
    assert_eq!(on_token(&custody, ObjectClass::SECRET_KEY, &kek), 1);
    assert_eq!(on_token(&custody, ObjectClass::SECRET_KEY, &idx), 1);
    assert!(custody.destroy(e, Utc::now()).unwrap());
    assert!(!custody.destroy(e, Utc::now()).unwrap(), "idempotent");
    assert_eq!(on_token(&custody, ObjectClass::SECRET_KEY, &kek), 0);
    assert_eq!(on_token(&custody, ObjectClass::SECRET_KEY, &idx), 0);
    assert!(matches!(
        custody.unwrap("r1", &wrapped),
        Err(CustodyError::EpochDestroyed(_))
    ));
    assert!(matches!(
        custody.wrap(e, "r2", &SecretKey::generate()),
        Err(CustodyError::EpochDestroyed(_))
    ));
    assert!(matches!(
        custody.index(e, b"x"),
        Err(CustodyError::EpochDestroyed(_))
    ));
    assert!(custody.is_destroyed(e).unwrap());
    let inventory = custody.inventory().unwrap();
    assert!(inventory.live.is_empty());
    assert_eq!(inventory.destroyed.len(), 1);
    assert!(custody.index_live(b"x").unwrap().is_empty());
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn prepare_reopens_a_destroyed_epoch_under_new_versions_only() {
    let custody = custody();
    let e = epoch("2031-01");
    let old = custody.wrap(e, "r1", &SecretKey::generate()).unwrap();
    custody.destroy(e, Utc::now()).unwrap();
    assert_eq!(custody.prepare(e, 0).unwrap(), 1);
    assert!(!custody.is_destroyed(e).unwrap());
    let fresh = custody.wrap(e, "r1", &SecretKey::generate()).unwrap();
    assert_eq!(fresh.version, 2);
    assert!(custody.unwrap("r1", &fresh).is_ok());
    assert!(matches!(
        custody.unwrap("r1", &old),
        Err(CustodyError::EpochDestroyed(_))
    ));
    assert_eq!(custody.prepare(e, 0).unwrap(), 0);
    assert_eq!(custody.prepare(epoch("2030-11"), 3).unwrap(), 3);
    assert_eq!(custody.inventory().unwrap().live.len(), 4);
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn rotation_adds_a_version_and_retires_the_old_one() {
    let custody = custody();
    let e = epoch("2027-01");
    let old = custody.wrap(e, "r1", &SecretKey::generate()).unwrap();
    assert!(!custody.inventory().unwrap().rotating);
    assert_eq!(custody.add_versions().unwrap(), vec![(e, 2)]);
    assert!(custody.inventory().unwrap().rotating);
    assert_eq!(custody.inventory().unwrap().live, vec![(e, 2)]);
    assert!(custody.unwrap("r1", &old).is_ok(), "opens until retired");
    assert_eq!(
        custody
            .wrap(e, "r1", &SecretKey::generate())
            .unwrap()
            .version,
        2
    );
    assert_eq!(custody.retire_old_versions(e).unwrap(), 1);
    assert!(!custody.inventory().unwrap().rotating);
    assert!(matches!(
        custody.unwrap("r1", &old),
        Err(CustodyError::UnknownKey { version: 1, .. })
    ));
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn the_ratchet_only_moves_forward() {
    let custody = custody();
    assert_eq!(custody.ratchet_month().unwrap(), None);
    custody.advance_ratchet(epoch("2027-03")).unwrap();
    custody.advance_ratchet(epoch("2027-01")).unwrap();
    assert_eq!(custody.ratchet_month().unwrap(), Some(epoch("2027-03")));
    custody.advance_ratchet(epoch("2027-04")).unwrap();
    assert_eq!(custody.ratchet_month().unwrap(), Some(epoch("2027-04")));
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn the_index_is_keyed_per_epoch_and_per_deployment() {
    let (custody, other) = (custody(), custody());
    let (a, b) = (epoch("2027-01"), epoch("2027-02"));
    let name = custody.index(a, b"name").unwrap();
    assert_eq!(name.len(), 32);
    assert_eq!(name, custody.index(a, b"name").unwrap());
    assert_ne!(name, custody.index(b, b"name").unwrap());
    assert_ne!(name, custody.index(a, b"other").unwrap());
    assert_ne!(name, other.index(a, b"name").unwrap());
    assert_eq!(custody.index_live(b"name").unwrap().len(), 2);
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn epoch_keys_are_sensitive_and_never_leave_the_token() {
    let custody = custody();
    let e = epoch("2027-05");
    custody.wrap(e, "r1", &SecretKey::generate()).unwrap();
    for label in [custody.kek_label(e), custody.index_label(e)] {
        let attributes = custody
            .token
            .with_session(|s| {
                let handle = objects::find(s, ObjectClass::SECRET_KEY, &label)?[0];
                let wanted = [
                    AttributeType::Value,
                    AttributeType::Sensitive,
                    AttributeType::Extractable,
                    AttributeType::Private,
                    AttributeType::Token,
                ];
                Ok(s.get_attributes(handle, &wanted)?)
            })
            .unwrap();
        assert!(
            !attributes.iter().any(|a| matches!(a, Attribute::Value(_))),
            "{label}: the value was readable"
        );
        for expected in [
            Attribute::Sensitive(true),
            Attribute::Extractable(false),
            Attribute::Private(true),
            Attribute::Token(true),
        ] {
            assert!(attributes.contains(&expected), "{label}: {expected:?}");
        }
    }
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn two_hosts_on_one_token_see_each_others_changes() {
    let prefix = fresh_prefix();
    let (server, cli) = (open_at(&prefix), open_at(&prefix));
    let e = epoch("2027-06");
    let wrapped = server.wrap(e, "r1", &SecretKey::generate()).unwrap();
    assert!(cli.unwrap("r1", &wrapped).is_ok());
    assert_eq!(server.index(e, b"n").unwrap(), cli.index(e, b"n").unwrap());
    cli.advance_ratchet(e).unwrap();
    assert_eq!(server.ratchet_month().unwrap(), Some(e));
    assert!(cli.destroy(e, Utc::now()).unwrap());
    assert!(matches!(
        server.unwrap("r1", &wrapped),
        Err(CustodyError::EpochDestroyed(_))
    ));
    assert!(server.is_destroyed(e).unwrap());
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn a_key_made_twice_by_two_processes_is_chosen_alike_and_both_open() {
    let custody = custody();
    let e = epoch("2027-07");
    // What two processes making the epoch at once leave: two objects per key.
    let twins: Vec<_> = (0..2)
        .map(|_| {
            custody
                .token
                .changing(|s| {
                    let kek = custody.kek_label(e);
                    let idx = custody.index_label(e);
                    let k = objects::generate_secret(s, objects::SecretKind::Aes, &kek, 1)?;
                    objects::generate_secret(s, objects::SecretKind::Hmac, &idx, 1)?;
                    Ok(k)
                })
                .unwrap()
        })
        .collect();
    let first = custody.index(e, b"n").unwrap();
    let other_host = open_at(&custody.prefix);
    assert_eq!(other_host.index(e, b"n").unwrap(), first);
    let chosen = custody
        .token
        .with_session(|s| Ok(custody.view(s, e)?.current().unwrap().id.clone()))
        .unwrap();
    assert_eq!(chosen, twins.iter().map(|k| k.id.clone()).min().unwrap());
    // A data key sealed under the other twin (before its maker saw the first) still opens.
    let loser = twins.iter().find(|k| k.id != chosen).unwrap().handle;
    let dek = SecretKey::generate();
    let aad = wrap_aad("r1", e, 1);
    let bytes = custody
        .token
        .with_session(|s| {
            crate::crypto::custody::pkcs11::epochs::seal_for_test(s, loser, &aad, &dek)
        })
        .unwrap();
    let wrapped = WrappedKey {
        epoch: e,
        version: 1,
        bytes,
    };
    assert_eq!(other_host.unwrap("r1", &wrapped).unwrap(), dek);
    assert!(custody.destroy(e, Utc::now()).unwrap());
    assert_eq!(
        on_token(&custody, ObjectClass::SECRET_KEY, &custody.kek_label(e)),
        0
    );
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn eight_threads_wrap_unwrap_index_and_prepare_at_once() {
    let custody = custody();
    let from = epoch("2027-01");
    let workers: Vec<_> = (0..8)
        .map(|n| {
            let custody = Arc::clone(&custody.0);
            std::thread::spawn(move || {
                for round in 0..40u32 {
                    let e = from.plus_months((n + round) % 6);
                    let record = format!("r{n}-{round}");
                    let dek = SecretKey::generate();
                    let wrapped = custody.wrap(e, &record, &dek).unwrap();
                    assert_eq!(custody.unwrap(&record, &wrapped).unwrap(), dek);
                    custody.index(e, record.as_bytes()).unwrap();
                    if round % 10 == 0 {
                        custody.prepare(from, 7).unwrap();
                        custody.inventory().unwrap();
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().expect("a worker failed");
    }
    let inventory = custody.inventory().unwrap();
    assert_eq!(inventory.live.len(), 8);
    assert!(inventory.live.iter().all(|(_, version)| *version == 1));
    for month in 0..8 {
        let e = from.plus_months(month);
        let count = |label: String| on_token(&custody, ObjectClass::SECRET_KEY, &label);
        assert_eq!(
            count(custody.kek_label(e)),
            1,
            "{e}: one key-encryption key"
        );
        assert_eq!(count(custody.index_label(e)), 1, "{e}: one index key");
    }
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn a_handle_reused_for_another_key_is_never_used_from_what_was_read() {
    let custody = custody();
    let (e, other) = (epoch("2027-08"), epoch("2027-09"));
    custody.wrap(e, "r0", &SecretKey::generate()).unwrap();
    custody.wrap(other, "r0", &SecretKey::generate()).unwrap();
    // What a token that hands a destroyed key's handle to a new object would leave behind: the
    // view read a moment ago names, under this epoch's key, a handle that is now another key.
    let forged = custody
        .token
        .with_session(|s| {
            let mut view = custody.view(s, e)?;
            let elsewhere = custody.view(s, other)?.current().unwrap().handle;
            view.keks.last_mut().unwrap().handle = elsewhere;
            view.index_keys.last_mut().unwrap().handle = elsewhere;
            Ok(view)
        })
        .unwrap();
    custody.remember_for_test(e, forged);
    let dek = SecretKey::generate();
    let wrapped = custody.wrap(e, "r1", &dek).unwrap();
    // Sealed under the epoch's own key: another server (nothing read before) opens it.
    let other_host = open_at(&custody.prefix);
    assert_eq!(other_host.unwrap("r1", &wrapped).unwrap(), dek);
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn what_another_server_adds_is_used_at_once_or_within_the_refresh() {
    let prefix = fresh_prefix();
    let (server, cli) = (open_at(&prefix), open_at(&prefix));
    let e = epoch("2027-10");
    server.wrap(e, "r0", &SecretKey::generate()).unwrap();
    assert_eq!(server.index_live(b"n").unwrap().len(), 1);
    // A rotation elsewhere: a data key sealed under the new version opens here at once.
    assert_eq!(cli.add_versions().unwrap(), vec![(e, 2)]);
    let dek = SecretKey::generate();
    let wrapped = cli.wrap(e, "r1", &dek).unwrap();
    assert_eq!(wrapped.version, 2);
    assert_eq!(server.unwrap("r1", &wrapped).unwrap(), dek);
    // A new month elsewhere: its blind index is probed here once the refresh has passed.
    let later = epoch("2027-11");
    cli.wrap(later, "r2", &SecretKey::generate()).unwrap();
    std::thread::sleep(recent::VIEW_REFRESH);
    assert_eq!(
        server.index_live(b"n").unwrap(),
        vec![cli.index(e, b"n").unwrap(), cli.index(later, b"n").unwrap()]
    );
    // Destroyed elsewhere: never probed again, at once.
    assert!(cli.destroy(e, Utc::now()).unwrap());
    assert_eq!(
        server.index_live(b"n").unwrap(),
        vec![cli.index(later, b"n").unwrap()]
    );
}
