//! The card-signing keys' objects: a P-256 pair made on the token (the private half private,
//! sensitive, never extractable), its public point, and its standing (created, retired,
//! revoked) in data objects labelled like the pair. Standing objects are only ever added: a
//! key's standing is the earliest of each date over its objects, so no change rewrites one.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, AttributeType, KeyType, ObjectClass, ObjectHandle};
use cryptoki::session::Session;
use rand::RngCore;
use serde::{Deserialize, Serialize};

use super::objects::{self, find};
use super::{Fault, Pkcs11Custody};
use crate::crypto::custody::SigningKeyRecord;
use crate::crypto::signing::{key_id, KeyId, SigningKeyError};

/// The DER of the prime256v1 (P-256) object identifier: CKA_EC_PARAMS.
const P256_PARAMS: [u8; 10] = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];

/// The value of a standing object.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(super) struct Standing {
    pub created_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl Standing {
    fn merge(self, other: Standing) -> Standing {
        let earliest = |a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        Standing {
            created_at: self.created_at.min(other.created_at),
            retired_at: earliest(self.retired_at, other.retired_at),
            revoked_at: earliest(self.revoked_at, other.revoked_at),
        }
    }
}

/// The uncompressed SEC1 point from CKA_EC_POINT (a DER OCTET STRING around it; some modules
/// give the bare point).
fn sec1_point(ec_point: &[u8]) -> Option<Vec<u8>> {
    let point = match ec_point {
        [0x04, 0x41, rest @ ..] if rest.len() == 65 => rest,
        bare if bare.len() == 65 => bare,
        _ => return None,
    };
    (point[0] == 0x04).then(|| point.to_vec())
}

/// A raw 64-byte r‖s from CKM_ECDSA's answer, each half left-padded to 32 bytes.
pub(super) fn fixed_signature(raw: &[u8]) -> Option<[u8; 64]> {
    if !raw.len().is_multiple_of(2) {
        return None;
    }
    let (r, s) = raw.split_at(raw.len() / 2);
    let mut out = [0u8; 64];
    let (out_r, out_s) = out.split_at_mut(32);
    for (half, target) in [(r, out_r), (s, out_s)] {
        let half = &half[half.iter().take_while(|b| **b == 0).count()..];
        let start = 32usize.checked_sub(half.len())?;
        target[start..].copy_from_slice(half);
    }
    Some(out)
}

fn failed(message: impl Into<String>) -> Fault {
    SigningKeyError::Failed(message.into()).into()
}

impl Pkcs11Custody {
    pub(super) fn signing_label(&self, kid: &KeyId) -> String {
        self.label(&format!("sig/{}", hex::encode(kid)))
    }

    /// Every signing key's standing, by kid.
    pub(super) fn standings(&self, session: &Session) -> Result<BTreeMap<KeyId, Standing>, Fault> {
        let prefix = self.label("sig/");
        let mut standings: BTreeMap<KeyId, Standing> = BTreeMap::new();
        for (label, value) in self.own_objects(session)? {
            let Some(kid) = label.strip_prefix(&prefix).and_then(parse_kid) else {
                continue;
            };
            let standing: Standing = serde_json::from_slice(&value)
                .map_err(|e| failed(format!("a signing key's standing does not read: {e}")))?;
            let merged = standings.get(&kid).map_or(standing, |s| s.merge(standing));
            standings.insert(kid, merged);
        }
        Ok(standings)
    }

    pub(super) fn add_standing(
        &self,
        session: &Session,
        kid: &KeyId,
        standing: &Standing,
    ) -> Result<(), Fault> {
        let value = serde_json::to_vec(standing).map_err(|e| failed(e.to_string()))?;
        let label = self.signing_label(kid);
        objects::create_data(session, &self.application(), &label, &value)
    }

    /// The private half of a key, if it still has one.
    pub(super) fn private_key(
        &self,
        session: &Session,
        kid: &KeyId,
    ) -> Result<Option<ObjectHandle>, Fault> {
        let label = self.signing_label(kid);
        Ok(find(session, ObjectClass::PRIVATE_KEY, &label)?
            .into_iter()
            .next())
    }

    /// The record of a key: its public point read from the token.
    pub(super) fn record(
        &self,
        session: &Session,
        kid: &KeyId,
        standing: &Standing,
    ) -> Result<SigningKeyRecord, Fault> {
        let label = self.signing_label(kid);
        let public = find(session, ObjectClass::PUBLIC_KEY, &label)?
            .into_iter()
            .next()
            .ok_or_else(|| failed(format!("the public key {label} is missing")))?;
        let point = session.get_attributes(public, &[AttributeType::EcPoint])?;
        let public_sec1 = match point.as_slice() {
            [Attribute::EcPoint(point)] => sec1_point(point),
            _ => None,
        }
        .ok_or_else(|| failed(format!("the public key {label} is not a P-256 point")))?;
        let signs = standing.revoked_at.is_none() && self.private_key(session, kid)?.is_some();
        Ok(SigningKeyRecord {
            kid: *kid,
            public_sec1,
            signs,
            created_at: standing.created_at,
            retired_at: standing.retired_at,
            revoked_at: standing.revoked_at,
        })
    }

    /// Makes a new pair on the token and records it; returns its kid. The pair is labelled by
    /// its kid once its public point is known; the standing is written last (a pair without
    /// one, left by a crash, is never listed).
    pub(super) fn new_pair(&self, session: &Session, now: DateTime<Utc>) -> Result<KeyId, Fault> {
        let mut id = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut id);
        let pending = self.label("sig/pending").into_bytes();
        let public_template = [
            Attribute::Token(true),
            Attribute::Private(false),
            Attribute::KeyType(KeyType::EC),
            Attribute::EcParams(P256_PARAMS.to_vec()),
            Attribute::Verify(true),
            Attribute::Label(pending.clone()),
            Attribute::Id(id.to_vec()),
        ];
        let private_template = [
            Attribute::Token(true),
            Attribute::Private(true),
            Attribute::Sensitive(true),
            Attribute::Extractable(false),
            Attribute::Sign(true),
            Attribute::Label(pending),
            Attribute::Id(id.to_vec()),
        ];
        let (public, private) = session.generate_key_pair(
            &Mechanism::EccKeyPairGen,
            &public_template,
            &private_template,
        )?;
        let point = session.get_attributes(public, &[AttributeType::EcPoint])?;
        let Some(public_sec1) = (match point.as_slice() {
            [Attribute::EcPoint(point)] => sec1_point(point),
            _ => None,
        }) else {
            return Err(failed("the token made a key pair that is not P-256"));
        };
        let kid = key_id(&public_sec1);
        let label = Attribute::Label(self.signing_label(&kid).into_bytes());
        session.update_attributes(public, std::slice::from_ref(&label))?;
        session.update_attributes(private, &[label])?;
        let standing = Standing {
            created_at: now,
            retired_at: None,
            revoked_at: None,
        };
        self.add_standing(session, &kid, &standing)?;
        Ok(kid)
    }

    /// Keeps another store's public key: a public-key object that verifies.
    pub(super) fn import_public(
        &self,
        session: &Session,
        record: &SigningKeyRecord,
    ) -> Result<(), Fault> {
        let mut ec_point = vec![0x04, 0x41];
        ec_point.extend_from_slice(&record.public_sec1);
        if record.public_sec1.len() != 65 || record.public_sec1[0] != 0x04 {
            return Err(failed(
                "a public key to adopt is not an uncompressed P-256 point",
            ));
        }
        session.create_object(&[
            Attribute::Class(ObjectClass::PUBLIC_KEY),
            Attribute::KeyType(KeyType::EC),
            Attribute::Token(true),
            Attribute::Private(false),
            Attribute::EcParams(P256_PARAMS.to_vec()),
            Attribute::EcPoint(ec_point),
            Attribute::Verify(true),
            Attribute::Label(self.signing_label(&record.kid).into_bytes()),
        ])?;
        Ok(())
    }
}

fn parse_kid(text: &str) -> Option<KeyId> {
    hex::decode(text).ok()?.try_into().ok()
}
