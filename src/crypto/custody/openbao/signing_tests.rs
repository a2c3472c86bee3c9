//! The signing keys against a real OpenBao server (see `tests.rs`).

use chrono::Utc;
use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_FIXED};

use super::tests::{custody, key_exists, settings};
use super::OpenBaoCustody;
use crate::crypto::custody::SigningCustody;
use crate::crypto::signing::SigningKeyError;

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn signatures_verify_and_rotation_destroys_the_old_private_half() {
    let custody = custody();
    assert!(custody.ensure_key(Utc::now()).unwrap());
    assert!(!custody.ensure_key(Utc::now()).unwrap());
    let first = custody.keys().unwrap().remove(0);
    assert!(first.signs);
    let signature = custody.sign(&first.kid, b"card").unwrap();
    let verifier = UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &first.public_sec1);
    verifier.verify(b"card", &signature).unwrap();
    assert!(verifier.verify(b"other", &signature).is_err());
    let second = custody.rotate(Utc::now()).unwrap();
    let keys = custody.keys().unwrap();
    assert_eq!(keys.len(), 2);
    assert_eq!(
        keys[0].public_sec1, first.public_sec1,
        "the old public half stays"
    );
    assert!(!keys[0].signs && keys[0].retired_at.is_some());
    assert!(keys[1].signs && keys[1].kid == second);
    assert!(!key_exists(&custody, &format!("{}sign-0", custody.prefix)));
    assert!(matches!(
        custody.sign(&first.kid, b"card"),
        Err(SigningKeyError::UnknownKey(_))
    ));
    let signature = custody.sign(&second, b"card").unwrap();
    UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &keys[1].public_sec1)
        .verify(b"card", &signature)
        .unwrap();
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn revocation_reaches_another_instance_and_adoption_is_idempotent() {
    let settings = settings();
    let one = OpenBaoCustody::open(settings.clone()).unwrap();
    let two = OpenBaoCustody::open(settings).unwrap();
    one.ensure_key(Utc::now()).unwrap();
    let first = one.keys().unwrap().remove(0);
    two.sign(&first.kid, b"x").unwrap();
    let revocation = one.revoke(&first.kid, Utc::now()).unwrap();
    assert!(revocation.was_current);
    let new_current = revocation.new_current.unwrap();
    assert!(matches!(
        two.sign(&first.kid, b"x"),
        Err(SigningKeyError::UnknownKey(_))
    ));
    assert!(two.sign(&new_current, b"x").is_ok());
    assert!(matches!(
        two.revoke(&first.kid, Utc::now()),
        Err(SigningKeyError::AlreadyRevoked(_))
    ));
    let seen = two.keys().unwrap();
    assert!(seen[0].revoked_at.is_some() && !seen[0].signs);
    let foreign = custody();
    foreign.ensure_key(Utc::now()).unwrap();
    let record = foreign.keys().unwrap().remove(0);
    one.adopt_public(&record, Utc::now()).unwrap();
    one.adopt_public(&record, Utc::now()).unwrap();
    let adopted: Vec<_> = two
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.kid == record.kid)
        .collect();
    assert_eq!(adopted.len(), 1);
    assert!(!adopted[0].signs && adopted[0].retired_at.is_some());
    assert!(two.sign(&record.kid, b"x").is_err());
}

#[test]
#[ignore = "needs OpenBao: see tests/keys/openbao.sh"]
fn the_description_names_the_server_and_mount_only() {
    let custody = custody();
    let shown = SigningCustody::describe(&*custody);
    assert!(shown.starts_with("openbao http://127.0.0.1:"), "{shown}");
    assert!(shown.ends_with("transit \"transit\""), "{shown}");
    assert_eq!(
        custody.generation(),
        crate::crypto::custody::Generation::Unknown
    );
}
