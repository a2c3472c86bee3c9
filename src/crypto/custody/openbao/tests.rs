//! Against a real OpenBao server: `eval "$(bash tests/keys/openbao.sh /tmp/bao)"`, then
//! `cargo test --lib custody::openbao -- --ignored`. Each test works under its own key prefix,
//! so they run in parallel on one server.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;

use super::api::ApiError;
use super::{OpenBaoCustody, OpenBaoSettings};
use crate::crypto::custody::{CustodyError, KeyCustody, WrappedKey};
use crate::crypto::keyring::Epoch;
use crate::crypto::secret::SecretKey;

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!(
            "{name} is not set: start a server with \
             `eval \"$(bash tests/keys/openbao.sh /tmp/bao)\"`"
        )
    })
}

pub(super) fn settings() -> OpenBaoSettings {
    let token_file = env("MUNI_ID_TEST_OPENBAO_TOKEN_FILE");
    let token = std::fs::read_to_string(&token_file)
        .unwrap_or_else(|e| panic!("reading {token_file}: {e}"));
    let mut settings = OpenBaoSettings::new(env("MUNI_ID_TEST_OPENBAO_ADDR"), token.trim());
    settings.key_prefix = format!("t{}-", uuid::Uuid::new_v4().simple());
    settings
}

pub(super) fn custody() -> Arc<OpenBaoCustody> {
    OpenBaoCustody::open(settings()).unwrap()
}

pub(super) fn epoch(id: &str) -> Epoch {
    Epoch::parse(id).unwrap()
}

pub(super) fn key_exists(custody: &OpenBaoCustody, name: &str) -> bool {
    match custody.api.get(&custody.key_path(name)) {
        Ok(_) => true,
        Err(ApiError::NotFound) => false,
        Err(e) => panic!("reading {name}: {e:?}"),
    }
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn data_keys_round_trip_only_for_their_record() {
    let custody = custody();
    let e = epoch("2027-01");
    let dek = SecretKey::generate();
    let wrapped = custody.wrap(e, "r1", &dek).unwrap();
    assert_eq!((wrapped.epoch, wrapped.version), (e, 1));
    assert_eq!(custody.unwrap("r1", &wrapped).unwrap(), dek);
    let text = String::from_utf8_lossy(&wrapped.bytes).into_owned();
    assert!(!text.contains(&base64::Engine::encode(
        &base64::engine::general_purpose::STANDARD,
        dek.expose()
    )));
    assert!(!wrapped.bytes.windows(32).any(|w| w == dek.expose()));
    assert!(matches!(
        custody.unwrap("r2", &wrapped),
        Err(CustodyError::OpenFailed)
    ));
    let mut tampered = wrapped.clone();
    let at = tampered.bytes.len() - 5;
    tampered.bytes[at] = if tampered.bytes[at] == b'A' {
        b'B'
    } else {
        b'A'
    };
    assert!(matches!(
        custody.unwrap("r1", &tampered),
        Err(CustodyError::OpenFailed)
    ));
    let moved = WrappedKey {
        version: 2,
        ..wrapped
    };
    assert!(custody.unwrap("r1", &moved).is_err());
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn a_destroyed_epoch_refuses_every_use_and_its_keys_are_gone() {
    let custody = custody();
    let e = epoch("2027-02");
    let wrapped = custody.wrap(e, "r1", &SecretKey::generate()).unwrap();
    custody.index(e, b"x").unwrap();
    assert!(key_exists(&custody, &custody.kek_name(e)));
    assert!(custody.destroy(e, Utc::now()).unwrap());
    assert!(!custody.destroy(e, Utc::now()).unwrap(), "idempotent");
    assert!(!key_exists(&custody, &custody.kek_name(e)));
    assert!(!key_exists(&custody, &custody.idx_name(e)));
    for result in [
        custody.unwrap("r1", &wrapped).map(|_| ()),
        custody.wrap(e, "r2", &SecretKey::generate()).map(|_| ()),
        custody.index(e, b"x").map(|_| ()),
    ] {
        assert!(
            matches!(result, Err(CustodyError::EpochDestroyed(_))),
            "{result:?}"
        );
    }
    assert!(custody.is_destroyed(e).unwrap());
    assert!(custody.index_live(b"x").unwrap().is_empty());
    assert_eq!(custody.inventory().unwrap().destroyed.len(), 1);
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn an_epoch_prepared_after_destruction_shows_higher_versions_only() {
    let custody = custody();
    let e = epoch("2031-01");
    custody.wrap(e, "r0", &SecretKey::generate()).unwrap();
    custody.add_versions().unwrap();
    let old = custody.wrap(e, "r1", &SecretKey::generate()).unwrap();
    assert_eq!(old.version, 2);
    custody.destroy(e, Utc::now()).unwrap();
    assert_eq!(custody.prepare(e, 0).unwrap(), 1);
    assert!(!custody.is_destroyed(e).unwrap());
    let fresh_key = SecretKey::generate();
    let fresh = custody.wrap(e, "r1", &fresh_key).unwrap();
    assert_eq!(
        fresh.version, 3,
        "versions continue after the destroyed ones"
    );
    assert_eq!(custody.unwrap("r1", &fresh).unwrap(), fresh_key);
    assert!(matches!(
        custody.unwrap("r1", &old),
        Err(CustodyError::EpochDestroyed(_))
    ));
    assert_eq!(custody.inventory().unwrap().live, vec![(e, 3)]);
    custody.destroy(e, Utc::now()).unwrap();
    custody.prepare(e, 0).unwrap();
    assert_eq!(custody.wrap(e, "r", &fresh_key).unwrap().version, 4);
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn rotation_adds_a_version_and_retires_the_old_one() {
    let custody = custody();
    let e = epoch("2027-03");
    assert_eq!(custody.prepare(e, 2).unwrap(), 3);
    assert_eq!(custody.prepare(e, 2).unwrap(), 0);
    let dek = SecretKey::generate();
    let old = custody.wrap(e, "r", &dek).unwrap();
    assert!(!custody.inventory().unwrap().rotating);
    let added = custody.add_versions().unwrap();
    assert_eq!(added.len(), 3);
    assert!(added.contains(&(e, 2)));
    assert!(custody.inventory().unwrap().rotating);
    assert_eq!(
        custody.unwrap("r", &old).unwrap(),
        dek,
        "opens until retired"
    );
    assert_eq!(custody.wrap(e, "r", &dek).unwrap().version, 2);
    assert_eq!(custody.retire_old_versions(e).unwrap(), 1);
    assert_eq!(custody.retire_old_versions(e).unwrap(), 0);
    assert!(matches!(
        custody.unwrap("r", &old),
        Err(CustodyError::UnknownKey { version: 1, .. })
    ));
    for other in [e.plus_months(1), e.plus_months(2)] {
        custody.retire_old_versions(other).unwrap();
    }
    assert!(!custody.inventory().unwrap().rotating);
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn the_ratchet_never_moves_back_and_instances_share_it() {
    let settings = settings();
    let one = OpenBaoCustody::open(settings.clone()).unwrap();
    let two = OpenBaoCustody::open(settings).unwrap();
    assert_eq!(one.ratchet_month().unwrap(), None);
    one.advance_ratchet(epoch("2027-03")).unwrap();
    two.advance_ratchet(epoch("2027-01")).unwrap();
    assert_eq!(two.ratchet_month().unwrap(), Some(epoch("2027-03")));
    two.advance_ratchet(epoch("2027-05")).unwrap();
    assert_eq!(one.ratchet_month().unwrap(), Some(epoch("2027-05")));
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn the_index_is_keyed_per_epoch_and_per_prefix() {
    let (custody, other) = (custody(), custody());
    let (a, b) = (epoch("2027-01"), epoch("2027-02"));
    let mac = custody.index(a, b"name").unwrap();
    assert_eq!(mac.len(), 32);
    assert_eq!(mac, custody.index(a, b"name").unwrap());
    assert_ne!(mac, custody.index(b, b"name").unwrap());
    assert_ne!(mac, custody.index(a, b"other").unwrap());
    assert_ne!(mac, other.index(a, b"name").unwrap());
    assert_eq!(custody.index_live(b"name").unwrap().len(), 2);
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn batched_indexes_equal_single_ones_across_several_calls() {
    let custody = custody();
    let e = epoch("2027-04");
    // More than one call's worth, on an epoch whose index key does not exist yet.
    let messages: Vec<Vec<u8>> = (0..900).map(|n| format!("name {n}").into_bytes()).collect();
    let refs: Vec<&[u8]> = messages.iter().map(Vec::as_slice).collect();
    let batched = custody.index_many(e, &refs).unwrap();
    assert_eq!(batched.len(), 900);
    for n in [0, 399, 400, 899] {
        assert_eq!(
            batched[n],
            custody.index(e, &messages[n]).unwrap(),
            "item {n}"
        );
    }
    assert_ne!(batched[0], batched[1]);
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn batches_span_several_calls_and_answer_per_item() {
    let custody = custody();
    let (e, f) = (epoch("2027-04"), epoch("2027-05"));
    let ids: Vec<String> = (0..520).map(|i| format!("record-{i}")).collect();
    let keys: Vec<SecretKey> = ids.iter().map(|_| SecretKey::generate()).collect();
    let input: Vec<(&str, &SecretKey)> = ids.iter().map(String::as_str).zip(&keys).collect();
    let mut wrapped = custody.wrap_many(e, &input[..500]).unwrap();
    wrapped.extend(custody.wrap_many(f, &input[500..]).unwrap());
    assert_eq!(wrapped.len(), 520);
    wrapped[7].bytes[20] ^= 1;
    let asked: Vec<(&str, &WrappedKey)> = ids.iter().map(String::as_str).zip(&wrapped).collect();
    let opened = custody.unwrap_many(&asked).unwrap();
    assert_eq!(opened.len(), 520);
    for (i, result) in opened.iter().enumerate() {
        match result {
            Ok(key) => assert_eq!(key, &keys[i], "item {i}"),
            Err(e) => assert!(
                i == 7 && matches!(e, CustodyError::OpenFailed),
                "{i}: {e:?}"
            ),
        }
    }
    assert!(opened[7].is_err());
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn another_instance_sees_a_destruction() {
    let settings = settings();
    let one = OpenBaoCustody::open(settings.clone()).unwrap();
    let two = OpenBaoCustody::open(settings).unwrap();
    let e = epoch("2027-06");
    let wrapped = one.wrap(e, "r", &SecretKey::generate()).unwrap();
    assert!(two.unwrap("r", &wrapped).is_ok());
    two.destroy(e, Utc::now()).unwrap();
    assert!(matches!(
        one.unwrap("r", &wrapped),
        Err(CustodyError::EpochDestroyed(_))
    ));
    assert!(matches!(
        one.wrap(e, "r", &SecretKey::generate()),
        Err(CustodyError::EpochDestroyed(_))
    ));
    assert!(one.is_destroyed(e).unwrap());
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn nothing_listening_is_unavailable_within_the_timeout() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let mut settings = settings();
    settings.address = format!("http://127.0.0.1:{port}");
    settings.timeout = Duration::from_millis(500);
    let started = Instant::now();
    let result = OpenBaoCustody::open(settings);
    assert!(matches!(result, Err(CustodyError::Unavailable(_))));
    assert!(started.elapsed() < Duration::from_secs(2));
    // A server that accepts but never answers: the timeout ends the call.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let mut settings = self::settings();
    settings.address = format!("http://{}", silent.local_addr().unwrap());
    settings.timeout = Duration::from_millis(500);
    let started = Instant::now();
    let result = OpenBaoCustody::open(settings);
    assert!(
        matches!(result, Err(CustodyError::Unavailable(_))),
        "{:?}",
        result.err()
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn a_bad_token_fails_clearly_without_showing_it() {
    let mut settings = settings();
    settings.token = "s.not-the-token-0123456789".into();
    assert!(!format!("{settings:?}").contains("not-the-token"));
    let message = match OpenBaoCustody::open(settings) {
        Err(CustodyError::Failed(message)) => message,
        other => panic!("{:?}", other.err()),
    };
    assert!(message.contains("permission denied"), "{message}");
    assert!(!message.contains("not-the-token"), "{message}");
    let custody = custody();
    assert!(KeyCustody::describe(&*custody).starts_with("openbao http://127.0.0.1:"));
    assert!(KeyCustody::describe(&*custody).ends_with("transit \"transit\""));
}
