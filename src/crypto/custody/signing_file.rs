//! The file signing store: the card-signing keys in a 0600 JSON file beside the key ring (for
//! development; production keeps them in an HSM or OpenBao). Only the current key keeps its
//! private half (PKCS#8); retired and revoked keys keep their public half. Every use first
//! checks (one `stat`) whether another process changed the file, so a rotation or a revocation
//! reaches every running instance at once.

use std::fs;
use std::hash::{Hash, Hasher};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, Utc};
use ring::rand::SystemRandom;
use ring::signature::{EcdsaKeyPair, KeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{Generation, SigningCustody, SigningKeyRecord};
use crate::crypto::key_file;
use crate::crypto::signing::{key_id, KeyId, Revocation, SigningKeyError};

/// A P-256 private key: its PKCS#8 document (what the file holds; zeroized on drop) and the
/// key pair parsed from it once.
#[derive(Clone)]
struct PrivateKey {
    pkcs8: Arc<Zeroizing<Vec<u8>>>,
    pair: Arc<EcdsaKeyPair>,
}

impl PrivateKey {
    fn generate() -> Self {
        let document =
            EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &SystemRandom::new())
                .expect("the operating system's random source works");
        Self::from_pkcs8(document.as_ref()).expect("ring reads the PKCS#8 document it wrote")
    }

    fn from_pkcs8(der: &[u8]) -> Option<Self> {
        let pair =
            EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, der, &SystemRandom::new())
                .ok()?;
        Some(Self {
            pkcs8: Arc::new(Zeroizing::new(der.to_vec())),
            pair: Arc::new(pair),
        })
    }

    /// The uncompressed SEC1 point of its public half.
    fn public_sec1(&self) -> &[u8] {
        self.pair.public_key().as_ref()
    }

    /// A raw 64-byte r‖s signature (ring's hedged nonce: random bytes mixed with the key and
    /// the message, so a weak random source does not reveal the key).
    fn sign(&self, message: &[u8]) -> [u8; 64] {
        let signature = self
            .pair
            .sign(&SystemRandom::new(), message)
            .expect("the operating system's random source works");
        signature
            .as_ref()
            .try_into()
            .expect("an ES256 signature in the fixed encoding is 64 bytes")
    }
}

struct KeyEntry {
    kid: KeyId,
    /// The uncompressed SEC1 point (0x04 ‖ x ‖ y), as the verifier and the JWKS take it.
    public_sec1: Vec<u8>,
    /// Only the current key keeps its private half.
    private: Option<PrivateKey>,
    created_at: DateTime<Utc>,
    retired_at: Option<DateTime<Utc>>,
    /// Set once the key is revoked: then it is kept only to check the audit seals it made.
    revoked_at: Option<DateTime<Utc>>,
}

impl KeyEntry {
    fn signs(&self) -> bool {
        self.private.is_some() && self.revoked_at.is_none()
    }

    fn record(&self) -> SigningKeyRecord {
        SigningKeyRecord {
            kid: self.kid,
            public_sec1: self.public_sec1.clone(),
            signs: self.signs(),
            created_at: self.created_at,
            retired_at: self.retired_at,
            revoked_at: self.revoked_at,
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFile {
    format: u32,
    keys: Vec<KeyFileEntry>,
    /// Revoked keys, public half only, kept to check the audit seals they made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    revoked: Vec<RevokedFileEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RevokedFileEntry {
    /// SEC1 uncompressed point, base64.
    public_key: String,
    created_at: DateTime<Utc>,
    retired_at: Option<DateTime<Utc>>,
    revoked_at: DateTime<Utc>,
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

/// The file's identity as `stat` sees it: a rewrite (always a rename onto the path) changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct FileStamp {
    dev: u64,
    ino: u64,
    len: u64,
    modified: Option<SystemTime>,
}

impl FileStamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = fs::metadata(path).ok()?;
        Some(Self {
            dev: meta.dev(),
            ino: meta.ino(),
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// The signing keys in a file.
pub struct FileSigning {
    path: PathBuf,
    /// The file as last read, and its keys.
    state: RwLock<(Option<FileStamp>, Vec<KeyEntry>)>,
}

impl FileSigning {
    /// Opens the key file, creating it with a first key when allowed. Returns whether it
    /// created it.
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
        let (seen, keys) = read_checked(path)?;
        let store = Self {
            path: path.to_owned(),
            state: RwLock::new((seen, keys)),
        };
        Ok((store, created))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` over the keys as the file holds them now (re-read if it changed).
    fn with_fresh<T>(&self, f: impl FnOnce(&[KeyEntry]) -> T) -> Result<T, SigningKeyError> {
        let now = FileStamp::of(&self.path);
        {
            let state = self.state.read().unwrap_or_else(|p| p.into_inner());
            if state.0 == now {
                return Ok(f(&state.1));
            }
        }
        let fresh = read_checked(&self.path)?;
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        *state = fresh;
        Ok(f(&state.1))
    }

    /// A change, applied to the keys as on disk now and written back.
    fn change<T>(
        &self,
        f: impl FnOnce(&mut Vec<KeyEntry>) -> Result<T, SigningKeyError>,
    ) -> Result<T, SigningKeyError> {
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        let (_, mut keys) = read_checked(&self.path)?;
        let out = f(&mut keys)?;
        write_file(&self.path, &keys)?;
        *state = (FileStamp::of(&self.path), keys);
        Ok(out)
    }
}

impl SigningCustody for FileSigning {
    fn describe(&self) -> String {
        format!("file {}", self.path.display())
    }

    fn generation(&self) -> Generation {
        match FileStamp::of(&self.path) {
            Some(stamp) => {
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                stamp.hash(&mut hasher);
                Generation::Known(hasher.finish())
            }
            None => Generation::Known(0),
        }
    }

    fn keys(&self) -> Result<Vec<SigningKeyRecord>, SigningKeyError> {
        self.with_fresh(|keys| keys.iter().map(KeyEntry::record).collect())
    }

    fn sign(&self, kid: &KeyId, message: &[u8]) -> Result<[u8; 64], SigningKeyError> {
        let private = self.with_fresh(|keys| {
            keys.iter()
                .find(|k| &k.kid == kid && k.revoked_at.is_none())
                .and_then(|k| k.private.clone())
        })?;
        private
            .ok_or_else(|| SigningKeyError::UnknownKey(hex::encode(kid)))
            .map(|key| key.sign(message))
    }

    fn ensure_key(&self, now: DateTime<Utc>) -> Result<bool, SigningKeyError> {
        let signs = self.with_fresh(|keys| keys.iter().any(KeyEntry::signs))?;
        if signs {
            return Ok(false);
        }
        self.change(|keys| {
            keys.push(new_entry(now));
            Ok(true)
        })
    }

    fn rotate(&self, now: DateTime<Utc>) -> Result<KeyId, SigningKeyError> {
        self.change(|keys| Ok(retire_and_start(keys, now)))
    }

    fn revoke(&self, kid: &KeyId, now: DateTime<Utc>) -> Result<Revocation, SigningKeyError> {
        self.change(|keys| {
            let shown = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(kid);
            let key = keys
                .iter_mut()
                .find(|k| &k.kid == kid)
                .ok_or_else(|| SigningKeyError::UnknownKey(shown.clone()))?;
            if key.revoked_at.is_some() {
                return Err(SigningKeyError::AlreadyRevoked(shown));
            }
            let was_current = key.private.is_some();
            key.revoked_at = Some(now);
            let new_current = was_current.then(|| retire_and_start(keys, now));
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
        self.change(|keys| {
            if keys.iter().any(|k| k.kid == record.kid) {
                return Ok(());
            }
            keys.push(KeyEntry {
                kid: record.kid,
                public_sec1: record.public_sec1.clone(),
                private: None,
                created_at: record.created_at,
                retired_at: Some(record.retired_at.unwrap_or(now)),
                revoked_at: record.revoked_at,
            });
            Ok(())
        })
    }
}

/// Retires the signing key (destroying its private half) and appends a new one.
fn retire_and_start(keys: &mut Vec<KeyEntry>, now: DateTime<Utc>) -> KeyId {
    for key in keys.iter_mut().filter(|k| k.private.is_some()) {
        key.private = None;
        key.retired_at = Some(now);
    }
    let fresh = new_entry(now);
    let kid = fresh.kid;
    keys.push(fresh);
    kid
}

fn new_entry(now: DateTime<Utc>) -> KeyEntry {
    let private = PrivateKey::generate();
    let public_sec1 = private.public_sec1().to_vec();
    KeyEntry {
        kid: key_id(&public_sec1),
        public_sec1,
        private: Some(private),
        created_at: now,
        retired_at: None,
        revoked_at: None,
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

/// The file's stamp and keys, refused unless exactly one key can sign.
fn read_checked(path: &Path) -> Result<(Option<FileStamp>, Vec<KeyEntry>), SigningKeyError> {
    let seen = FileStamp::of(path);
    let keys = read_file(path)?;
    if keys
        .iter()
        .filter(|k| k.private.is_some() && k.revoked_at.is_none())
        .count()
        != 1
    {
        return Err(corrupt(path, "no current signing key"));
    }
    Ok((seen, keys))
}

/// An uncompressed SEC1 point of P-256's size (ring checks that it is on the curve each time
/// it verifies, and refuses the signature when it is not).
fn public_from(path: &Path, b64: &str) -> Result<Vec<u8>, SigningKeyError> {
    let public_bytes = STANDARD
        .decode(b64)
        .map_err(|_| corrupt(path, "a public key is not base64"))?;
    if public_bytes.len() != 65 || public_bytes[0] != 0x04 {
        return Err(corrupt(
            path,
            "a public key is not an uncompressed P-256 point",
        ));
    }
    Ok(public_bytes)
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
    let revoked = file.revoked.iter().map(|entry| {
        let public_sec1 = public_from(path, &entry.public_key)?;
        Ok(KeyEntry {
            kid: key_id(&public_sec1),
            public_sec1,
            private: None,
            created_at: entry.created_at,
            retired_at: entry.retired_at,
            revoked_at: Some(entry.revoked_at),
        })
    });
    file.keys
        .iter()
        .map(|entry| {
            let public_sec1 = public_from(path, &entry.public_key)?;
            let private = entry
                .private_key
                .as_deref()
                .map(|b64| {
                    let der = Zeroizing::new(
                        STANDARD
                            .decode(b64)
                            .map_err(|_| corrupt(path, "a private key is not base64"))?,
                    );
                    PrivateKey::from_pkcs8(&der)
                        .ok_or_else(|| corrupt(path, "a private key is not PKCS#8 P-256"))
                })
                .transpose()?;
            if private
                .as_ref()
                .is_some_and(|p| p.public_sec1() != public_sec1.as_slice())
            {
                return Err(corrupt(path, "a private key does not match its public key"));
            }
            Ok(KeyEntry {
                kid: key_id(&public_sec1),
                public_sec1,
                private,
                created_at: entry.created_at,
                retired_at: entry.retired_at,
                revoked_at: None,
            })
        })
        .chain(revoked)
        .collect()
}

fn write_file(path: &Path, keys: &[KeyEntry]) -> Result<(), SigningKeyError> {
    let revoked = keys
        .iter()
        .filter_map(|k| {
            k.revoked_at.map(|revoked_at| RevokedFileEntry {
                public_key: STANDARD.encode(&k.public_sec1),
                created_at: k.created_at,
                retired_at: k.retired_at,
                revoked_at,
            })
        })
        .collect();
    let entries = keys
        .iter()
        .filter(|k| k.revoked_at.is_none())
        .map(|k| {
            let private_key = k
                .private
                .as_ref()
                .map(|p| STANDARD.encode(p.pkcs8.as_slice()));
            Ok(KeyFileEntry {
                public_key: STANDARD.encode(&k.public_sec1),
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
            revoked,
        })
        .map_err(|e| corrupt(path, e.to_string()))?,
    );
    key_file::write_atomically(path, text.as_bytes()).map_err(|e| io_error(path, e))
}
