//! The card-signing keys on the test token.

use chrono::{TimeDelta, Utc};
use cryptoki::object::{Attribute, AttributeType, ObjectClass};
use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_FIXED};

use super::*;
use crate::crypto::custody::{Generation, SigningCustody, SigningKeyRecord};
use crate::crypto::signing::{key_id, SigningKeyError};

fn verifies(record: &SigningKeyRecord, message: &[u8], signature: &[u8; 64]) -> bool {
    UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &record.public_sec1)
        .verify(message, signature)
        .is_ok()
}

fn current(custody: &Pkcs11Custody) -> SigningKeyRecord {
    let signing: Vec<_> = custody
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.signs)
        .collect();
    assert_eq!(signing.len(), 1, "exactly one key signs");
    signing[0].clone()
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn a_signature_verifies_with_ring_and_the_private_key_stays_on_the_token() {
    let custody = custody();
    assert_eq!(custody.generation(), Generation::Unknown);
    assert!(custody.keys().unwrap().is_empty());
    assert!(custody.ensure_key(Utc::now()).unwrap());
    assert!(!custody.ensure_key(Utc::now()).unwrap());
    let key = current(&custody);
    assert_eq!(key.kid, key_id(&key.public_sec1));
    assert_eq!(key.public_sec1.len(), 65);
    for n in 0..20u8 {
        let message = [b'm', n];
        let signature = custody.sign(&key.kid, &message).unwrap();
        assert!(verifies(&key, &message, &signature), "signature {n}");
        assert!(!verifies(&key, b"other", &signature));
    }
    let label = custody.signing_label(&key.kid);
    let attributes = custody
        .token
        .with_session(|s| {
            let handle = objects::find(s, ObjectClass::PRIVATE_KEY, &label)?[0];
            let wanted = [
                AttributeType::Value,
                AttributeType::Sensitive,
                AttributeType::Extractable,
            ];
            Ok(s.get_attributes(handle, &wanted)?)
        })
        .unwrap();
    assert!(!attributes.iter().any(|a| matches!(a, Attribute::Value(_))));
    assert!(attributes.contains(&Attribute::Sensitive(true)));
    assert!(attributes.contains(&Attribute::Extractable(false)));
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn rotation_keeps_the_old_public_key_and_stops_it_signing() {
    let custody = custody();
    let start = Utc::now();
    custody.ensure_key(start).unwrap();
    let old = current(&custody);
    let signed = custody.sign(&old.kid, b"card").unwrap();
    let later = start + TimeDelta::seconds(5);
    let new_kid = custody.rotate(later).unwrap();
    assert_ne!(new_kid, old.kid);
    assert_eq!(current(&custody).kid, new_kid);
    let kept = custody.keys().unwrap();
    let old_now = kept.iter().find(|k| k.kid == old.kid).unwrap();
    assert!(!old_now.signs);
    assert_eq!(
        old_now.retired_at.map(|t| t.timestamp()),
        Some(later.timestamp())
    );
    assert!(
        verifies(old_now, b"card", &signed),
        "the old key still verifies"
    );
    assert!(matches!(
        custody.sign(&old.kid, b"card"),
        Err(SigningKeyError::UnknownKey(_))
    ));
    assert!(custody.sign(&new_kid, b"card").is_ok());
    let label = custody.signing_label(&old.kid);
    assert_eq!(on_token(&custody, ObjectClass::PRIVATE_KEY, &label), 0);
    assert_eq!(on_token(&custody, ObjectClass::PUBLIC_KEY, &label), 1);
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn revoking_the_signing_key_starts_a_new_one() {
    let custody = custody();
    custody.ensure_key(Utc::now()).unwrap();
    let old = current(&custody);
    let revocation = custody.revoke(&old.kid, Utc::now()).unwrap();
    assert_eq!(revocation.revoked, old.kid);
    assert!(revocation.was_current);
    let fresh = revocation.new_current.unwrap();
    assert_eq!(current(&custody).kid, fresh);
    let keys = custody.keys().unwrap();
    assert!(keys
        .iter()
        .find(|k| k.kid == old.kid)
        .unwrap()
        .revoked_at
        .is_some());
    assert!(custody.sign(&old.kid, b"x").is_err());
    assert!(matches!(
        custody.revoke(&old.kid, Utc::now()),
        Err(SigningKeyError::AlreadyRevoked(_))
    ));
    assert!(matches!(
        custody.revoke(&[9; 8], Utc::now()),
        Err(SigningKeyError::UnknownKey(_))
    ));
    custody.rotate(Utc::now()).unwrap();
    let retired = revocation.new_current.unwrap();
    let not_current = custody.revoke(&retired, Utc::now()).unwrap();
    assert!(!not_current.was_current && not_current.new_current.is_none());
}

#[test]
#[ignore = "needs SoftHSM2: see tests/keys/softhsm.sh"]
fn an_adopted_public_key_is_kept_once_and_never_signs() {
    let (source, custody) = (custody(), custody());
    source.ensure_key(Utc::now()).unwrap();
    let record = current(&source);
    let signed = source.sign(&record.kid, b"card").unwrap();
    let now = Utc::now();
    custody.adopt_public(&record, now).unwrap();
    custody.adopt_public(&record, now).unwrap();
    let keys = custody.keys().unwrap();
    assert_eq!(keys.len(), 1);
    let adopted = &keys[0];
    assert_eq!(adopted.kid, record.kid);
    assert_eq!(adopted.public_sec1, record.public_sec1);
    assert!(!adopted.signs);
    assert_eq!(
        adopted.retired_at.map(|t| t.timestamp()),
        Some(now.timestamp())
    );
    assert!(verifies(adopted, b"card", &signed));
    assert!(custody.sign(&record.kid, b"card").is_err());
    assert!(
        custody.ensure_key(Utc::now()).unwrap(),
        "it never counts as signing"
    );
}

#[test]
fn signatures_are_padded_to_32_bytes_a_half() {
    let mut raw = vec![0u8; 62];
    raw[0] = 1;
    raw[31] = 2;
    let fixed = signing_keys::fixed_signature(&raw).unwrap();
    assert_eq!((fixed[1], fixed[32], fixed[33]), (1, 0, 2));
    assert!(signing_keys::fixed_signature(&[1u8; 66]).is_none());
    assert!(signing_keys::fixed_signature(&[1u8; 63]).is_none());
}
