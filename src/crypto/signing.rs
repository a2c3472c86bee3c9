//! The card-signing keys: ES256 (ECDSA P-256). The current key signs card tokens and the
//! status list; retired keys keep only their public half, published until every card they can
//! have signed has expired. Kept in a 0600 file in the data folder, never in the database.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::{DateTime, Months, Utc};
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey, VerifyingKey};
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

pub type KeyId = [u8; 8];

/// First 8 bytes of the SHA-256 of the public key's uncompressed SEC1 point.
pub fn key_id(key: &VerifyingKey) -> KeyId {
    let point = key.to_encoded_point(false);
    let digest = Sha256::digest(point.as_bytes());
    let mut kid = [0u8; 8];
    kid.copy_from_slice(&digest[..8]);
    kid
}

#[derive(Debug, thiserror::Error)]
pub enum SigningKeyError {
    #[error("the signing key file {path} can be read by other users (mode {mode:o}); run `chmod 600 {path}`")]
    LoosePermissions { path: PathBuf, mode: u32 },
    #[error("the signing key file {0} does not exist (keys.create_if_missing is false)")]
    Missing(PathBuf),
    #[error("the signing key file {path}: {message}")]
    Corrupt { path: PathBuf, message: String },
    #[error("the signing key file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

struct KeyEntry {
    kid: KeyId,
    public: VerifyingKey,
    /// The uncompressed SEC1 point, as the fast verifier takes it.
    public_sec1: Vec<u8>,
    /// Only the current key keeps its private half.
    private: Option<SigningKey>,
    created_at: DateTime<Utc>,
    retired_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    format: u32,
    keys: Vec<KeyFileEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFileEntry {
    /// SEC1 uncompressed point, base64.
    public_key: String,
    /// PKCS#8 DER, base64; absent once retired.
    private_key: Option<String>,
    created_at: DateTime<Utc>,
    retired_at: Option<DateTime<Utc>>,
}

/// A public key as published in the JWKS.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Jwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub y: String,
    pub kid: String,
    pub alg: String,
    #[serde(rename = "use")]
    pub use_: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Jwks {
    pub keys: Vec<Jwk>,
}

/// The key that signs now. Its private half zeroizes on drop.
pub struct CurrentKey {
    pub kid: KeyId,
    key: SigningKey,
}

impl CurrentKey {
    /// A raw 64-byte r‖s signature (deterministic, RFC 6979).
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        let signature: Signature = self.key.sign(message);
        signature.to_bytes().into()
    }
}

pub struct SigningKeys {
    path: PathBuf,
    keys: RwLock<Vec<KeyEntry>>,
}

impl SigningKeys {
    /// Opens the key file, creating it with a first key when allowed. Returns whether it created it.
    pub fn open(
        path: &Path,
        create_if_missing: bool,
        now: DateTime<Utc>,
    ) -> Result<(Self, bool), SigningKeyError> {
        let created = if path.exists() {
            false
        } else if create_if_missing {
            let first = new_entry(now);
            write_file(path, std::slice::from_ref(&first))?;
            true
        } else {
            return Err(SigningKeyError::Missing(path.to_owned()));
        };
        let keys = read_file(path)?;
        if !keys.iter().any(|k| k.private.is_some()) {
            return Err(SigningKeyError::Corrupt {
                path: path.to_owned(),
                message: "no current signing key".into(),
            });
        }
        Ok((
            Self {
                path: path.to_owned(),
                keys: RwLock::new(keys),
            },
            created,
        ))
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Vec<KeyEntry>> {
        self.keys.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The current key and its id, for one signature (the header naming the key is written
    /// before the signature is made, so both must come from the same key).
    pub fn current(&self) -> Option<CurrentKey> {
        let keys = self.read();
        keys.iter().rev().find_map(|k| {
            k.private.as_ref().map(|p| CurrentKey {
                kid: k.kid,
                key: p.clone(),
            })
        })
    }

    pub fn current_kid(&self) -> KeyId {
        self.current().map(|c| c.kid).unwrap_or_default()
    }

    /// Verifies a raw r‖s signature with the key `kid`, if that key is still published.
    pub fn verify(&self, kid: &[u8], message: &[u8], signature: &[u8]) -> bool {
        if signature.len() != 64 {
            return false;
        }
        let keys = self.read();
        keys.iter()
            .find(|k| k.kid.as_slice() == kid)
            .is_some_and(|k| {
                ring::signature::UnparsedPublicKey::new(
                    &ring::signature::ECDSA_P256_SHA256_FIXED,
                    &k.public_sec1,
                )
                .verify(message, signature)
                .is_ok()
            })
    }

    /// The published keys: the current one and every retired one that may still have signed
    /// a card that has not expired (retired less than `max_validity_years` ago, plus a month).
    pub fn jwks(&self, now: DateTime<Utc>, max_validity_years: u32) -> Jwks {
        let keys = self.read();
        let horizon = Months::new(max_validity_years * 12 + 1);
        Jwks {
            keys: keys
                .iter()
                .filter(|k| match k.retired_at {
                    None => true,
                    Some(at) => at
                        .checked_add_months(horizon)
                        .is_none_or(|until| until > now),
                })
                .map(|k| {
                    let point = k.public.to_encoded_point(false);
                    Jwk {
                        kty: "EC".into(),
                        crv: "P-256".into(),
                        x: URL_SAFE_NO_PAD
                            .encode(point.x().map(|x| x.as_slice()).unwrap_or_default()),
                        y: URL_SAFE_NO_PAD
                            .encode(point.y().map(|y| y.as_slice()).unwrap_or_default()),
                        kid: URL_SAFE_NO_PAD.encode(k.kid),
                        alg: "ES256".into(),
                        use_: "sig".into(),
                    }
                })
                .collect(),
        }
    }

    /// Retires the current key (its private half is destroyed) and starts a new one.
    pub fn rotate(&self, now: DateTime<Utc>) -> Result<KeyId, SigningKeyError> {
        let mut keys = self.keys.write().unwrap_or_else(|p| p.into_inner());
        for key in keys.iter_mut().filter(|k| k.private.is_some()) {
            key.private = None;
            key.retired_at = Some(now);
        }
        let fresh = new_entry(now);
        let kid = fresh.kid;
        keys.push(fresh);
        write_file(&self.path, &keys)?;
        Ok(kid)
    }
}

fn new_entry(now: DateTime<Utc>) -> KeyEntry {
    let private = SigningKey::random(&mut rand::rngs::OsRng);
    let public = *private.verifying_key();
    KeyEntry {
        kid: key_id(&public),
        public_sec1: public.to_encoded_point(false).as_bytes().to_vec(),
        public,
        private: Some(private),
        created_at: now,
        retired_at: None,
    }
}

fn io_error(path: &Path, source: std::io::Error) -> SigningKeyError {
    SigningKeyError::Io {
        path: path.to_owned(),
        source,
    }
}

fn corrupt(path: &Path, message: impl Into<String>) -> SigningKeyError {
    SigningKeyError::Corrupt {
        path: path.to_owned(),
        message: message.into(),
    }
}

fn read_file(path: &Path) -> Result<Vec<KeyEntry>, SigningKeyError> {
    let mode = fs::metadata(path)
        .map_err(|e| io_error(path, e))?
        .permissions()
        .mode()
        & 0o777;
    if mode & 0o077 != 0 {
        return Err(SigningKeyError::LoosePermissions {
            path: path.to_owned(),
            mode,
        });
    }
    let text = Zeroizing::new(fs::read_to_string(path).map_err(|e| io_error(path, e))?);
    let file: KeyFile = serde_json::from_str(&text).map_err(|e| corrupt(path, e.to_string()))?;
    file.keys
        .iter()
        .map(|entry| {
            let public_bytes = STANDARD
                .decode(&entry.public_key)
                .map_err(|_| corrupt(path, "a public key is not base64"))?;
            let public = VerifyingKey::from_sec1_bytes(&public_bytes)
                .map_err(|_| corrupt(path, "a public key is not a P-256 point"))?;
            let private = entry
                .private_key
                .as_deref()
                .map(|b64| {
                    let der = Zeroizing::new(
                        STANDARD
                            .decode(b64)
                            .map_err(|_| corrupt(path, "a private key is not base64"))?,
                    );
                    SigningKey::from_pkcs8_der(&der)
                        .map_err(|_| corrupt(path, "a private key is not PKCS#8 P-256"))
                })
                .transpose()?;
            if private
                .as_ref()
                .is_some_and(|p| *p.verifying_key() != public)
            {
                return Err(corrupt(path, "a private key does not match its public key"));
            }
            Ok(KeyEntry {
                kid: key_id(&public),
                public_sec1: public.to_encoded_point(false).as_bytes().to_vec(),
                public,
                private,
                created_at: entry.created_at,
                retired_at: entry.retired_at,
            })
        })
        .collect()
}

fn write_file(path: &Path, keys: &[KeyEntry]) -> Result<(), SigningKeyError> {
    let entries = keys
        .iter()
        .map(|k| {
            let private_key = k
                .private
                .as_ref()
                .map(|p| {
                    p.to_pkcs8_der()
                        .map(|der| STANDARD.encode(der.as_bytes()))
                        .map_err(|e| corrupt(path, e.to_string()))
                })
                .transpose()?;
            Ok(KeyFileEntry {
                public_key: STANDARD.encode(k.public.to_encoded_point(false).as_bytes()),
                private_key,
                created_at: k.created_at,
                retired_at: k.retired_at,
            })
        })
        .collect::<Result<Vec<_>, SigningKeyError>>()?;
    let text = Zeroizing::new(
        serde_json::to_string_pretty(&KeyFile {
            format: 1,
            keys: entries,
        })
        .map_err(|e| corrupt(path, e.to_string()))?,
    );
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    }
    let tmp = path.with_extension("tmp");
    let mut out = OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .map_err(|e| io_error(&tmp, e))?;
    out.write_all(text.as_bytes())
        .map_err(|e| io_error(&tmp, e))?;
    out.sync_all().map_err(|e| io_error(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| io_error(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_verifies_rotates_and_keeps_publishing_retired_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signing.json");
        let now = Utc::now();
        let (keys, created) = SigningKeys::open(&path, true, now).unwrap();
        assert!(created);
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let current = keys.current().unwrap();
        let (kid, signature) = (current.kid, current.sign(b"hello"));
        assert!(keys.verify(&kid, b"hello", &signature));
        assert!(!keys.verify(&kid, b"hellO", &signature));
        assert!(!keys.verify(&[0; 8], b"hello", &signature));

        let new_kid = keys.rotate(now).unwrap();
        assert_ne!(kid, new_kid);
        assert!(
            keys.verify(&kid, b"hello", &signature),
            "old signatures still verify"
        );
        assert_eq!(keys.current().unwrap().kid, new_kid);
        assert_eq!(keys.jwks(now, 5).keys.len(), 2);
        let much_later = now.checked_add_months(Months::new(5 * 12 + 2)).unwrap();
        assert_eq!(keys.jwks(much_later, 5).keys.len(), 1);

        let (reopened, created) = SigningKeys::open(&path, true, now).unwrap();
        assert!(!created);
        assert_eq!(reopened.current_kid(), new_kid);
        let text = fs::read_to_string(&path).unwrap();
        let file: KeyFile = serde_json::from_str(&text).unwrap();
        assert_eq!(
            file.keys.iter().filter(|k| k.private_key.is_some()).count(),
            1
        );
    }
}
