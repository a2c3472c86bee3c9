//! `KeyCustody` over transit: data keys wrapped and unwrapped by the epoch's key (one at a
//! time or in batches), the blind index by its HMAC key. The wrapped bytes are transit's own
//! ciphertext text (`vault:vN:…`); the version they show is the transit version plus the
//! epoch's offset (see the module above).

use std::collections::HashMap;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;
use zeroize::Zeroizing;

use super::api::ApiError;
use super::epochs::{failed, DestroyedMarker};
use super::OpenBaoCustody;
use crate::crypto::custody::{wrap_aad, CustodyError, KeyCustody, KeyInventory, WrappedKey};
use crate::crypto::keyring::Epoch;
use crate::crypto::secret::SecretKey;

/// Items per batch call: OpenBao refuses a JSON body with more than 1,000 strings (measured
/// on 2.7.2: 199 encryptions of five strings each, 249 decryptions of four, still pass).
const ENCRYPT_BATCH: usize = 190;
const DECRYPT_BATCH: usize = 240;
/// Two strings per HMAC item (its key and value).
const INDEX_BATCH: usize = 400;

#[derive(Serialize)]
struct EncryptItem {
    #[serde(serialize_with = "expose")]
    plaintext: Zeroizing<String>,
    associated_data: String,
    key_version: u32,
}

fn expose<S: serde::Serializer>(text: &Zeroizing<String>, to: S) -> Result<S::Ok, S::Error> {
    to.serialize_str(text)
}

#[derive(Serialize)]
struct DecryptItem {
    ciphertext: String,
    associated_data: String,
}

#[derive(Serialize)]
struct Batch<T> {
    batch_input: Vec<T>,
}

/// An HMAC answer (`vault:vN:<base64>`) as its 32 bytes.
fn parse_hmac(answer: Option<&Value>) -> Result<Vec<u8>, CustodyError> {
    answer
        .and_then(Value::as_str)
        .and_then(|h| h.strip_prefix("vault:v"))
        .and_then(|h| h.split_once(':'))
        .and_then(|(_, b64)| STANDARD.decode(b64).ok())
        .filter(|mac| mac.len() == 32)
        .ok_or_else(|| CustodyError::Failed("openbao: an HMAC answer is malformed".into()))
}

/// The transit version inside `vault:vN:…`.
fn transit_version(ciphertext: &str) -> Option<u32> {
    let rest = ciphertext.strip_prefix("vault:v")?;
    rest.split_once(':')?.0.parse().ok()
}

/// Why one item did not open: `message` is the server's; the marker decides first.
fn open_failure(
    epoch: Epoch,
    version: u32,
    message: &str,
    marker: Option<&DestroyedMarker>,
) -> CustodyError {
    if marker.is_some_and(|m| version <= m.through_version) {
        CustodyError::EpochDestroyed(epoch)
    } else if ["not found", "too old", "too new"]
        .iter()
        .any(|m| message.contains(m))
    {
        CustodyError::UnknownKey { epoch, version }
    } else {
        CustodyError::OpenFailed
    }
}

impl OpenBaoCustody {
    fn encrypt_item(
        &self,
        epoch: Epoch,
        version: u32,
        transit: u32,
        record_id: &str,
        key: &SecretKey,
    ) -> EncryptItem {
        EncryptItem {
            plaintext: Zeroizing::new(STANDARD.encode(key.expose())),
            associated_data: STANDARD.encode(wrap_aad(record_id, epoch, version)),
            key_version: transit,
        }
    }

    /// Encrypts under the epoch's current version; the answers in order.
    fn encrypt(
        &self,
        epoch: Epoch,
        keys: &[(&str, &SecretKey)],
    ) -> Result<Vec<WrappedKey>, CustodyError> {
        let known = self.current_version(epoch)?;
        let version = known.offset + known.transit;
        let path = format!("{}/encrypt/{}", self.transit, self.kek_name(epoch));
        let mut out = Vec::with_capacity(keys.len());
        for chunk in keys.chunks(ENCRYPT_BATCH) {
            let items: Vec<EncryptItem> = chunk
                .iter()
                .map(|(id, key)| self.encrypt_item(epoch, version, known.transit, id, key))
                .collect();
            let body = match self.api.post(&path, &Batch { batch_input: items }) {
                Err(e) if e.is_missing() => {
                    self.forget_version(epoch);
                    return Err(match self.marker(epoch)? {
                        Some(_) => CustodyError::EpochDestroyed(epoch),
                        None => CustodyError::UnknownKey { epoch, version },
                    });
                }
                other => other.map_err(failed("wrapping data keys"))?,
            };
            let results = body
                .pointer("/data/batch_results")
                .and_then(Value::as_array);
            for result in results.into_iter().flatten() {
                let text = result.get("ciphertext").and_then(Value::as_str);
                let text = text.filter(|t| transit_version(t) == Some(known.transit));
                let text = text.ok_or_else(|| {
                    CustodyError::Failed("openbao: an encryption answered no ciphertext".into())
                })?;
                out.push(WrappedKey {
                    epoch,
                    version,
                    bytes: text.as_bytes().to_vec(),
                });
            }
        }
        if out.len() != keys.len() {
            return Err(CustodyError::Failed("openbao: a batch lost items".into()));
        }
        Ok(out)
    }

    /// Decrypts wrapped keys of one epoch; each answer on its own.
    fn decrypt(
        &self,
        epoch: Epoch,
        keys: &[(&str, &WrappedKey)],
    ) -> Result<Vec<Result<SecretKey, CustodyError>>, CustodyError> {
        let path = format!("{}/decrypt/{}", self.transit, self.kek_name(epoch));
        // The destruction mark decides first: a key whose deletion failed after its epoch was
        // marked destroyed opens nothing.
        let marker = self.marker(epoch)?;
        let through = marker.as_ref().map_or(0, |m| m.through_version);
        if marker.is_some() && keys.iter().all(|(_, w)| w.version <= through) {
            return Ok(keys
                .iter()
                .map(|_| Err(CustodyError::EpochDestroyed(epoch)))
                .collect());
        }
        let mut out = Vec::with_capacity(keys.len());
        for chunk in keys.chunks(DECRYPT_BATCH) {
            let items: Vec<DecryptItem> = chunk
                .iter()
                .map(|(id, w)| DecryptItem {
                    ciphertext: String::from_utf8_lossy(&w.bytes).into_owned(),
                    associated_data: STANDARD.encode(wrap_aad(id, w.epoch, w.version)),
                })
                .collect();
            let body = match self.api.post(&path, &Batch { batch_input: items }) {
                Ok(body) => body,
                // Per-item results, some failed.
                Err(ApiError::Rejected { body, .. })
                    if body.pointer("/data/batch_results").is_some() =>
                {
                    body
                }
                // Every item failed alike: the key is gone.
                Err(e) if e.is_missing() => serde_json::json!({ "errors_for_all": "not found" }),
                Err(e) => return Err(e.into_custody("unwrapping data keys")),
            };
            for (index, (_, wrapped)) in chunk.iter().enumerate() {
                let item = body.pointer(&format!("/data/batch_results/{index}"));
                let opened = item
                    .and_then(|i| i.get("plaintext"))
                    .and_then(Value::as_str)
                    .filter(|p| !p.is_empty())
                    .and_then(|p| STANDARD.decode(p).ok().map(Zeroizing::new))
                    .and_then(|p| SecretKey::from_slice(&p));
                let result = match opened {
                    _ if wrapped.version <= through => Err(CustodyError::EpochDestroyed(epoch)),
                    Some(key) => Ok(key),
                    None => {
                        let error = item.and_then(|i| i.get("error")).and_then(Value::as_str);
                        let all = body.get("errors_for_all").and_then(Value::as_str);
                        let message = error.or(all).unwrap_or("");
                        Err(open_failure(
                            epoch,
                            wrapped.version,
                            message,
                            marker.as_ref(),
                        ))
                    }
                };
                out.push(result);
            }
        }
        Ok(out)
    }
}

impl OpenBaoCustody {
    /// Makes the blind-index key an `index` found missing: refused for a destroyed epoch,
    /// the whole epoch for a new one, the index key alone for a half-made one.
    fn create_index_key(&self, epoch: Epoch) -> Result<(), CustodyError> {
        match (self.kek_versions(epoch)?, self.marker(epoch)?) {
            (None, Some(_)) => Err(CustodyError::EpochDestroyed(epoch)),
            (None, None) => self.create_new_epoch(epoch),
            (Some(_), _) => self
                .create_key(&self.idx_name(epoch), "hmac")
                .map(|_| ())
                .map_err(failed("creating a blind-index key")),
        }
    }
}

impl KeyCustody for OpenBaoCustody {
    fn describe(&self) -> String {
        self.describe_target()
    }

    fn check(&self) -> Result<(), CustodyError> {
        self.check_mounts()
    }

    fn prepare(&self, from: Epoch, months: u32) -> Result<usize, CustodyError> {
        self.prepare_epochs(from, months)
    }

    fn wrap(
        &self,
        epoch: Epoch,
        record_id: &str,
        data_key: &SecretKey,
    ) -> Result<WrappedKey, CustodyError> {
        let mut wrapped = self.encrypt(epoch, &[(record_id, data_key)])?;
        wrapped
            .pop()
            .ok_or_else(|| CustodyError::Failed("openbao: no ciphertext".into()))
    }

    fn unwrap(&self, record_id: &str, wrapped: &WrappedKey) -> Result<SecretKey, CustodyError> {
        let mut opened = self.decrypt(wrapped.epoch, &[(record_id, wrapped)])?;
        opened
            .pop()
            .unwrap_or_else(|| Err(CustodyError::Failed("openbao: no plaintext".into())))
    }

    fn wrap_many(
        &self,
        epoch: Epoch,
        keys: &[(&str, &SecretKey)],
    ) -> Result<Vec<WrappedKey>, CustodyError> {
        self.encrypt(epoch, keys)
    }

    fn unwrap_many(
        &self,
        keys: &[(&str, &WrappedKey)],
    ) -> Result<Vec<Result<SecretKey, CustodyError>>, CustodyError> {
        // One batch per epoch, the answers put back in the callers' order.
        let mut by_epoch: HashMap<Epoch, Vec<usize>> = HashMap::new();
        for (index, (_, wrapped)) in keys.iter().enumerate() {
            by_epoch.entry(wrapped.epoch).or_default().push(index);
        }
        let mut out: Vec<Option<Result<SecretKey, CustodyError>>> =
            keys.iter().map(|_| None).collect();
        for (epoch, indexes) in by_epoch {
            let group: Vec<(&str, &WrappedKey)> = indexes.iter().map(|i| keys[*i]).collect();
            for (index, result) in indexes.into_iter().zip(self.decrypt(epoch, &group)?) {
                out[index] = Some(result);
            }
        }
        Ok(out
            .into_iter()
            .map(|r| r.unwrap_or(Err(CustodyError::OpenFailed)))
            .collect())
    }

    fn index(&self, epoch: Epoch, message: &[u8]) -> Result<Vec<u8>, CustodyError> {
        let path = format!("{}/hmac/{}/sha2-256", self.transit, self.idx_name(epoch));
        let body = serde_json::json!({ "input": STANDARD.encode(message) });
        let answer = match self.api.post(&path, &body) {
            Err(e) if e.is_missing() => {
                self.create_index_key(epoch)?;
                self.api.post(&path, &body)
            }
            other => other,
        }
        .map_err(failed("computing a blind index"))?;
        parse_hmac(answer.pointer("/data/hmac"))
    }

    fn index_many(&self, epoch: Epoch, messages: &[&[u8]]) -> Result<Vec<Vec<u8>>, CustodyError> {
        let path = format!("{}/hmac/{}/sha2-256", self.transit, self.idx_name(epoch));
        let mut out = Vec::with_capacity(messages.len());
        for chunk in messages.chunks(INDEX_BATCH) {
            let items: Vec<Value> = chunk
                .iter()
                .map(|m| serde_json::json!({ "input": STANDARD.encode(m) }))
                .collect();
            let body = Batch { batch_input: items };
            let answer = match self.api.post(&path, &body) {
                Err(e) if e.is_missing() => {
                    self.create_index_key(epoch)?;
                    self.api.post(&path, &body)
                }
                other => other,
            }
            .map_err(failed("computing blind indexes"))?;
            for index in 0..chunk.len() {
                let item = answer.pointer(&format!("/data/batch_results/{index}/hmac"));
                out.push(parse_hmac(item)?);
            }
        }
        Ok(out)
    }

    fn destroy(&self, epoch: Epoch, at: DateTime<Utc>) -> Result<bool, CustodyError> {
        self.destroy_epoch(epoch, at)
    }

    fn add_versions(&self) -> Result<Vec<(Epoch, u32)>, CustodyError> {
        self.add_epoch_versions()
    }

    /// The version cache's life, and as long again for a wrap made just before it ran out to
    /// reach the database.
    fn settle_time(&self) -> std::time::Duration {
        super::VERSION_CACHE * 2
    }

    fn retire_old_versions(&self, epoch: Epoch) -> Result<usize, CustodyError> {
        self.retire_epoch_versions(epoch)
    }

    fn inventory(&self) -> Result<KeyInventory, CustodyError> {
        self.read_inventory()
    }

    fn ratchet_month(&self) -> Result<Option<Epoch>, CustodyError> {
        self.read_ratchet()
    }

    fn advance_ratchet(&self, month: Epoch) -> Result<(), CustodyError> {
        self.raise_ratchet(month)
    }
}
