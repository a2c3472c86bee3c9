//! `SigningCustody` over transit: each card-signing key is an `ecdsa-p256` transit key
//! `<prefix>sign-<n>` (n counts up and is never reused); their standing, and the public halves
//! of retired, revoked and adopted keys, live in the KV document `<prefix>signing`, changed
//! with check-and-set so two hosts never lose each other's change. A retired key's transit key
//! is deleted after the document says so (and again by every later change, should a crash have
//! come between), so only the current key can sign.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::kv::Change;
use super::{ApiFault, OpenBaoCustody};
use crate::crypto::custody::{Generation, SigningCustody, SigningKeyRecord};
use crate::crypto::signing::{key_id, KeyId, Revocation, SigningKeyError};

/// A P-256 SubjectPublicKeyInfo in DER is this prefix and then the 65-byte uncompressed point.
const P256_SPKI_PREFIX: [u8; 26] = [
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a,
    0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
];

/// KV `<prefix>signing`.
#[derive(Serialize, Deserialize, Default)]
struct SigningDoc {
    /// The number of the next transit key.
    next: u32,
    keys: Vec<SigningEntry>,
}

#[derive(Serialize, Deserialize, Clone)]
struct SigningEntry {
    /// The uncompressed SEC1 point, base64.
    public_key: String,
    /// The transit key that held the private half (none for an adopted key).
    transit_key: Option<String>,
    created_at: DateTime<Utc>,
    retired_at: Option<DateTime<Utc>>,
    revoked_at: Option<DateTime<Utc>>,
}

impl SigningEntry {
    fn signs(&self) -> bool {
        self.transit_key.is_some() && self.retired_at.is_none() && self.revoked_at.is_none()
    }

    fn public_sec1(&self) -> Vec<u8> {
        STANDARD.decode(&self.public_key).unwrap_or_default()
    }

    fn kid(&self) -> KeyId {
        key_id(&self.public_sec1())
    }

    fn record(&self) -> SigningKeyRecord {
        SigningKeyRecord {
            kid: self.kid(),
            public_sec1: self.public_sec1(),
            signs: self.signs(),
            created_at: self.created_at,
            retired_at: self.retired_at,
            revoked_at: self.revoked_at,
        }
    }
}

/// The 65-byte point inside a PEM SubjectPublicKeyInfo of a P-256 key.
fn point_from_pem(pem: &str) -> Option<Vec<u8>> {
    let b64: String = pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat();
    let der = STANDARD.decode(b64.trim()).ok()?;
    let point = der.strip_prefix(&P256_SPKI_PREFIX[..])?;
    (point.len() == 65 && point[0] == 0x04).then(|| point.to_vec())
}

fn failed(what: &str) -> impl Fn(super::api::ApiError) -> SigningKeyError + '_ {
    move |e| SigningKeyError::from_api(e, what)
}

impl OpenBaoCustody {
    fn signing_doc(&self) -> Result<SigningDoc, SigningKeyError> {
        let (doc, _) = self
            .kv_read::<SigningDoc>("signing")
            .map_err(failed("reading the signing keys"))?;
        Ok(doc.unwrap_or_default())
    }

    /// Makes signing key number `doc.next` and adds it to the document.
    fn start_key(
        &self,
        doc: &mut SigningDoc,
        now: DateTime<Utc>,
    ) -> Result<KeyId, SigningKeyError> {
        let name = format!("{}sign-{}", self.prefix, doc.next);
        self.create_key(&name, "ecdsa-p256")
            .map_err(failed("creating a signing key"))?;
        let info = self
            .api
            .get(&self.key_path(&name))
            .map_err(failed("reading a signing key"))?;
        let pem = info
            .pointer("/data/keys/1/public_key")
            .and_then(Value::as_str);
        let point = pem.and_then(point_from_pem).ok_or_else(|| {
            SigningKeyError::Failed(format!(
                "openbao: the signing key {name} has no P-256 point"
            ))
        })?;
        doc.next += 1;
        doc.keys.push(SigningEntry {
            public_key: STANDARD.encode(&point),
            transit_key: Some(name),
            created_at: now,
            retired_at: None,
            revoked_at: None,
        });
        Ok(key_id(&point))
    }

    /// Applies a change to the signing document, then deletes the transit key of every key
    /// that no longer signs.
    fn change_signing<R>(
        &self,
        mut change: impl FnMut(&mut SigningDoc) -> Result<R, SigningKeyError>,
    ) -> Result<R, SigningKeyError> {
        let (out, retired) = self.kv_update("signing", |doc: Option<SigningDoc>| {
            let mut doc = doc.unwrap_or_default();
            let out = change(&mut doc)?;
            let retired = retired_transit_keys(&doc);
            Ok::<_, SigningKeyError>(Change::Write(doc, (out, retired)))
        })?;
        for name in retired {
            self.delete_key(&name)
                .map_err(failed("deleting a retired signing key"))?;
        }
        Ok(out)
    }
}

fn retired_transit_keys(doc: &SigningDoc) -> Vec<String> {
    doc.keys
        .iter()
        .filter(|k| !k.signs())
        .filter_map(|k| k.transit_key.clone())
        .collect()
}

/// Marks every signing key retired at `now`.
fn retire_all(doc: &mut SigningDoc, now: DateTime<Utc>) {
    for key in doc.keys.iter_mut().filter(|k| k.signs()) {
        key.retired_at = Some(now);
    }
}

impl SigningCustody for OpenBaoCustody {
    fn describe(&self) -> String {
        self.describe_target()
    }

    fn generation(&self) -> Generation {
        Generation::Unknown
    }

    fn keys(&self) -> Result<Vec<SigningKeyRecord>, SigningKeyError> {
        let doc = self.signing_doc()?;
        let mut names = self
            .signing_names
            .write()
            .unwrap_or_else(|p| p.into_inner());
        for key in doc.keys.iter().filter(|k| k.signs()) {
            if let Some(name) = &key.transit_key {
                names.insert(key.kid(), name.clone());
            }
        }
        Ok(doc.keys.iter().map(SigningEntry::record).collect())
    }

    fn sign(&self, kid: &KeyId, message: &[u8]) -> Result<[u8; 64], SigningKeyError> {
        let known = |s: &Self| {
            let names = s.signing_names.read().unwrap_or_else(|p| p.into_inner());
            names.get(kid).cloned()
        };
        let name = match known(self) {
            Some(name) => Some(name),
            None => self.keys().map(|_| known(self))?,
        };
        let unknown = || SigningKeyError::UnknownKey(hex::encode(kid));
        let name = name.ok_or_else(unknown)?;
        let body = serde_json::json!({
            "input": STANDARD.encode(message),
            "hash_algorithm": "sha2-256",
            "marshaling_algorithm": "jws",
        });
        let answer = match self
            .api
            .post(&format!("{}/sign/{name}", self.transit), &body)
        {
            // Retired or revoked (by this instance or another): its transit key is gone.
            Err(e) if e.is_missing() => return Err(unknown()),
            other => other.map_err(failed("signing"))?,
        };
        let signature = answer.pointer("/data/signature").and_then(Value::as_str);
        signature
            .and_then(|s| s.strip_prefix("vault:v"))
            .and_then(|s| s.split_once(':'))
            .and_then(|(_, b64)| URL_SAFE_NO_PAD.decode(b64).ok())
            .and_then(|raw| <[u8; 64]>::try_from(raw).ok())
            .ok_or_else(|| SigningKeyError::Failed("openbao: a signature is malformed".into()))
    }

    fn ensure_key(&self, now: DateTime<Utc>) -> Result<bool, SigningKeyError> {
        if self.signing_doc()?.keys.iter().any(SigningEntry::signs) {
            return Ok(false);
        }
        self.change_signing(|doc| {
            if doc.keys.iter().any(SigningEntry::signs) {
                return Ok(false);
            }
            self.start_key(doc, now).map(|_| true)
        })
    }

    fn rotate(&self, now: DateTime<Utc>) -> Result<KeyId, SigningKeyError> {
        self.change_signing(|doc| {
            retire_all(doc, now);
            self.start_key(doc, now)
        })
    }

    fn revoke(&self, kid: &KeyId, now: DateTime<Utc>) -> Result<Revocation, SigningKeyError> {
        self.change_signing(|doc| {
            let shown = URL_SAFE_NO_PAD.encode(kid);
            let key = doc
                .keys
                .iter_mut()
                .find(|k| &k.kid() == kid)
                .ok_or_else(|| SigningKeyError::UnknownKey(shown.clone()))?;
            if key.revoked_at.is_some() {
                return Err(SigningKeyError::AlreadyRevoked(shown));
            }
            let was_current = key.signs();
            key.revoked_at = Some(now);
            let new_current = if was_current {
                retire_all(doc, now);
                Some(self.start_key(doc, now)?)
            } else {
                None
            };
            Ok(Revocation {
                revoked: *kid,
                was_current,
                new_current,
            })
        })
    }

    fn adopt_public(
        &self,
        record: &SigningKeyRecord,
        now: DateTime<Utc>,
    ) -> Result<(), SigningKeyError> {
        if self
            .signing_doc()?
            .keys
            .iter()
            .any(|k| k.kid() == record.kid)
        {
            return Ok(());
        }
        self.change_signing(|doc| {
            if !doc.keys.iter().any(|k| k.kid() == record.kid) {
                doc.keys.push(SigningEntry {
                    public_key: STANDARD.encode(&record.public_sec1),
                    transit_key: None,
                    created_at: record.created_at,
                    retired_at: Some(record.retired_at.unwrap_or(now)),
                    revoked_at: record.revoked_at,
                });
            }
            Ok(())
        })
    }
}
