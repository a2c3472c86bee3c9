//! The card-signing keys: ES256 (ECDSA P-256). The current key signs card tokens and the
//! status list; retired keys keep only their public half, published until every card they can
//! have signed has expired, and vouch only for what they can have signed before they retired.
//! A revoked key (compromised) is published no more and vouches for nothing but the audit
//! seals it made. Kept in a 0600 file beside the key ring, never in the database; every use
//! first checks (one `stat`) whether another process changed the file, so a rotation or a
//! revocation reaches every running instance at once.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, RwLockReadGuard};
use std::time::SystemTime;

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::{DateTime, Months, TimeDelta, Utc};
use ring::rand::SystemRandom;
use ring::signature::{
    EcdsaKeyPair, KeyPair, UnparsedPublicKey, ECDSA_P256_SHA256_FIXED,
    ECDSA_P256_SHA256_FIXED_SIGNING,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

pub type KeyId = [u8; 8];

/// First 8 bytes of the SHA-256 of the public key's uncompressed SEC1 point.
pub fn key_id(public_sec1: &[u8]) -> KeyId {
    let digest = Sha256::digest(public_sec1);
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
    #[error("no card-signing key has the id {0}")]
    UnknownKey(String),
    #[error("the card-signing key {0} is already revoked")]
    AlreadyRevoked(String),
    /// Key custody cannot be reached just now (see `CustodyError::Unavailable`).
    #[error("key custody is unavailable: {0}")]
    Unavailable(String),
    /// Anything else the signing backend answered; never carries key material or a secret.
    #[error("the card-signing keys: {0}")]
    Failed(String),
}

/// What a signature is asked to vouch for: a key's standing decides which it may.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyUse {
    /// A card token issued at `issued_at`, expiring at `expires_at` (seconds since the epoch).
    Card { issued_at: i64, expires_at: i64 },
    /// A status list token issued at `issued_at`.
    StatusList { issued_at: i64 },
    /// A signed retention report.
    Report,
    /// An audit chain seal. A seal only ever adds a constraint to the chain (it cannot hide an
    /// entry), so seals made by a key revoked since stay checkable.
    Seal,
}

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

/// The key that signs now. The PKCS#8 copy of its private half zeroizes on drop.
pub struct CurrentKey {
    pub kid: KeyId,
    key: PrivateKey,
}

impl CurrentKey {
    /// A raw 64-byte r‖s signature (ring's hedged nonce: random bytes mixed with the key and
    /// the message, so a weak random source does not reveal the key).
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        let signature = self
            .key
            .pair
            .sign(&SystemRandom::new(), message)
            .expect("the operating system's random source works");
        signature
            .as_ref()
            .try_into()
            .expect("an ES256 signature in the fixed encoding is 64 bytes")
    }
}

/// What a revocation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revocation {
    pub revoked: KeyId,
    /// Whether the revoked key was the one signing.
    pub was_current: bool,
    /// The key that signs from now on, when the revoked one was signing.
    pub new_current: Option<KeyId>,
}

/// The file's identity as `stat` sees it: a rewrite (always a rename onto the path) changes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

struct KeyState {
    /// The file as last looked at (read, or found unreadable).
    seen: Option<FileStamp>,
    keys: Vec<KeyEntry>,
}

/// The longest card validity any configuration allows (`cards.*_validity_years` ≤ 10).
const DEFAULT_CARD_YEARS: u32 = 10;

pub struct SigningKeys {
    path: PathBuf,
    /// The longest validity a card may have, in years (a day of slack is added).
    max_card_years: u32,
    state: RwLock<KeyState>,
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
        let (seen, keys) = read_checked(path)?;
        Ok((
            Self {
                path: path.to_owned(),
                max_card_years: DEFAULT_CARD_YEARS,
                state: RwLock::new(KeyState { seen, keys }),
            },
            created,
        ))
    }

    /// Sets the longest card validity policy (the longer of the adult and minor policies):
    /// no card token may live longer than that and a day, and a retired key stays published
    /// that long after its retirement.
    pub fn with_max_card_validity_years(mut self, years: u32) -> Self {
        self.max_card_years = years;
        self
    }

    /// The keys as the file holds them now: re-read first when another process changed it.
    fn read(&self) -> RwLockReadGuard<'_, KeyState> {
        let now = FileStamp::of(&self.path);
        {
            let state = self.state.read().unwrap_or_else(|p| p.into_inner());
            if state.seen == now {
                return state;
            }
        }
        self.reload();
        self.state.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Re-reads the file if it changed since it was last looked at. An unreadable file keeps
    /// the keys in memory (a rewrite is an atomic rename, so this is an operator's mistake),
    /// said once per change of the file.
    fn reload(&self) {
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        let now = FileStamp::of(&self.path);
        if state.seen == now {
            return;
        }
        state.seen = now;
        match read_checked(&self.path) {
            Ok((seen, keys)) => {
                *state = KeyState { seen, keys };
                tracing::info!(
                    event = "signing_keys_reloaded",
                    "the card-signing keys changed on disk; reloaded"
                );
            }
            Err(e) => tracing::error!(
                event = "signing_keys_unreadable",
                cause = %e,
                "the card-signing key file changed but cannot be read; keeping the keys in memory"
            ),
        }
    }

    /// For a change: the keys as on disk now (another process may have changed them), or the
    /// error if the file cannot be read.
    fn write_locked(&self) -> Result<std::sync::RwLockWriteGuard<'_, KeyState>, SigningKeyError> {
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        let (seen, keys) = read_checked(&self.path)?;
        *state = KeyState { seen, keys };
        Ok(state)
    }

    /// The current key and its id, for one signature (the header naming the key is written
    /// before the signature is made, so both must come from the same key).
    pub fn current(&self) -> Option<CurrentKey> {
        let state = self.read();
        state.keys.iter().rev().find_map(|k| {
            k.private.as_ref().map(|p| CurrentKey {
                kid: k.kid,
                key: p.clone(),
            })
        })
    }

    pub fn current_kid(&self) -> KeyId {
        self.current().map(|c| c.kid).unwrap_or_default()
    }

    /// Verifies a raw r‖s signature with the key `kid`, if that key may vouch for `what`:
    /// a revoked key only for its audit seals; a retired key only for what it can have signed
    /// before it retired; no key for a card token that lives longer than the validity policy.
    pub fn verify(&self, kid: &[u8], message: &[u8], signature: &[u8], what: KeyUse) -> bool {
        if signature.len() != 64 {
            return false;
        }
        let state = self.read();
        state
            .keys
            .iter()
            .find(|k| k.kid.as_slice() == kid)
            .is_some_and(|k| {
                self.may_vouch(k, what)
                    && UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &k.public_sec1)
                        .verify(message, signature)
                        .is_ok()
            })
    }

    fn may_vouch(&self, key: &KeyEntry, what: KeyUse) -> bool {
        if key.revoked_at.is_some() {
            return what == KeyUse::Seal;
        }
        let before_retirement =
            |issued_at: i64| key.retired_at.is_none_or(|at| issued_at <= at.timestamp());
        match what {
            KeyUse::Card {
                issued_at,
                expires_at,
            } => before_retirement(issued_at) && expires_at <= self.latest_expiry(issued_at),
            KeyUse::StatusList { issued_at } => before_retirement(issued_at),
            KeyUse::Report | KeyUse::Seal => true,
        }
    }

    /// The latest expiry a card issued at `issued_at` can have: the longest validity policy
    /// and one day.
    fn latest_expiry(&self, issued_at: i64) -> i64 {
        DateTime::from_timestamp(issued_at, 0)
            .and_then(|at| at.checked_add_months(Months::new(self.max_card_years * 12)))
            .and_then(|at| at.checked_add_signed(TimeDelta::days(1)))
            .map_or(i64::MIN, |at| at.timestamp())
    }

    /// The published keys: the current one and every retired one that may still have signed
    /// a card that has not expired (retired less than the longest validity ago, plus a month).
    /// Revoked keys are never published.
    pub fn jwks(&self, now: DateTime<Utc>) -> Jwks {
        let state = self.read();
        let horizon = Months::new(self.max_card_years * 12 + 1);
        Jwks {
            keys: state
                .keys
                .iter()
                .filter(|k| k.revoked_at.is_none())
                .filter(|k| match k.retired_at {
                    None => true,
                    Some(at) => at
                        .checked_add_months(horizon)
                        .is_none_or(|until| until > now),
                })
                .map(|k| Jwk {
                    kty: "EC".into(),
                    crv: "P-256".into(),
                    x: URL_SAFE_NO_PAD.encode(&k.public_sec1[1..33]),
                    y: URL_SAFE_NO_PAD.encode(&k.public_sec1[33..65]),
                    kid: URL_SAFE_NO_PAD.encode(k.kid),
                    alg: "ES256".into(),
                    use_: "sig".into(),
                })
                .collect(),
        }
    }

    /// Retires the current key (its private half is destroyed) and starts a new one.
    pub fn rotate(&self, now: DateTime<Utc>) -> Result<KeyId, SigningKeyError> {
        let mut state = self.write_locked()?;
        let kid = retire_and_start(&mut state.keys, now);
        write_file(&self.path, &state.keys)?;
        state.seen = FileStamp::of(&self.path);
        Ok(kid)
    }

    /// Revokes a (compromised) key at once: it is published no more and vouches for nothing
    /// but the audit seals it made. When it was the signing key, a new key starts.
    pub fn revoke(&self, kid: &KeyId, now: DateTime<Utc>) -> Result<Revocation, SigningKeyError> {
        let mut state = self.write_locked()?;
        let shown = URL_SAFE_NO_PAD.encode(kid);
        let key = state
            .keys
            .iter_mut()
            .find(|k| &k.kid == kid)
            .ok_or_else(|| SigningKeyError::UnknownKey(shown.clone()))?;
        if key.revoked_at.is_some() {
            return Err(SigningKeyError::AlreadyRevoked(shown));
        }
        let was_current = key.private.is_some();
        key.revoked_at = Some(now);
        let new_current = was_current.then(|| retire_and_start(&mut state.keys, now));
        write_file(&self.path, &state.keys)?;
        state.seen = FileStamp::of(&self.path);
        Ok(Revocation {
            revoked: *kid,
            was_current,
            new_current,
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

/// Parses a key id as the JWKS (base64url) or the report and audit trail (hex) show it.
pub fn parse_key_id(text: &str) -> Option<KeyId> {
    let text = text.trim();
    let bytes = if text.len() == 16 {
        hex::decode(text).ok()?
    } else {
        URL_SAFE_NO_PAD.decode(text).ok()?
    };
    KeyId::try_from(bytes.as_slice()).ok()
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
    super::key_file::write_atomically(path, text.as_bytes()).map_err(|e| io_error(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_key_file_gets_a_private_folder_like_the_key_ring() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("keys/signing.json");
        SigningKeys::open(&path, true, Utc::now()).unwrap();
        let mode = |p: &Path| fs::metadata(p).unwrap().mode() & 0o777;
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        assert_eq!(mode(&path), 0o600);
    }

    /// Key files written by the earlier release (the p256 crate's PKCS#8 and SEC1 encodings)
    /// open, sign and publish the same key under ring.
    #[test]
    fn a_key_file_written_by_the_earlier_release_still_signs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("signing.json");
        let text = include_str!("../../tests/fuzz/fixture-signing-keys.json");
        fs::write(&path, text).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let (keys, created) = SigningKeys::open(&path, false, Utc::now()).unwrap();
        assert!(!created);
        let current = keys.current().unwrap();
        let signature = current.sign(b"a seal");
        assert!(keys.verify(&current.kid, b"a seal", &signature, KeyUse::Seal));
        let file: serde_json::Value = serde_json::from_str(text).unwrap();
        let public = STANDARD
            .decode(file["keys"][0]["public_key"].as_str().unwrap())
            .unwrap();
        let jwk = &keys.jwks(Utc::now()).keys[0];
        assert_eq!(URL_SAFE_NO_PAD.decode(&jwk.x).unwrap(), public[1..33]);
        assert_eq!(URL_SAFE_NO_PAD.decode(&jwk.y).unwrap(), public[33..]);
        assert_eq!(jwk.kid, URL_SAFE_NO_PAD.encode(key_id(&public)));
        // Written back (a rotation), the old key's public half is unchanged.
        keys.rotate(Utc::now()).unwrap();
        let rewritten: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            rewritten["keys"][0]["public_key"],
            file["keys"][0]["public_key"]
        );
    }

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
        assert!(keys.verify(&kid, b"hello", &signature, KeyUse::Report));
        assert!(!keys.verify(&kid, b"hellO", &signature, KeyUse::Report));
        assert!(!keys.verify(&[0; 8], b"hello", &signature, KeyUse::Report));

        let new_kid = keys.rotate(now).unwrap();
        assert_ne!(kid, new_kid);
        assert!(
            keys.verify(&kid, b"hello", &signature, KeyUse::Report),
            "old signatures still verify"
        );
        assert_eq!(keys.current().unwrap().kid, new_kid);
        let keys = keys.with_max_card_validity_years(5);
        assert_eq!(keys.jwks(now).keys.len(), 2);
        let much_later = now.checked_add_months(Months::new(5 * 12 + 2)).unwrap();
        assert_eq!(keys.jwks(much_later).keys.len(), 1);

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

    fn card(issued_at: DateTime<Utc>, years: u32) -> KeyUse {
        let expires = issued_at
            .checked_add_months(Months::new(years * 12))
            .unwrap();
        KeyUse::Card {
            issued_at: issued_at.timestamp(),
            expires_at: expires.timestamp(),
        }
    }

    #[test]
    fn a_retired_key_vouches_only_for_cards_it_can_have_signed() {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc::now();
        let (keys, _) = SigningKeys::open(&dir.path().join("k.json"), true, now).unwrap();
        let keys = keys.with_max_card_validity_years(5);
        let old = keys.current().unwrap();
        let signature = old.sign(b"card");
        let ok = |what| keys.verify(&old.kid, b"card", &signature, what);
        assert!(ok(card(now, 5)));
        assert!(!ok(card(now, 6)), "no card lives longer than the policy");
        keys.rotate(now + TimeDelta::hours(1)).unwrap();
        assert!(ok(card(now, 5)), "issued before retirement");
        assert!(
            ok(card(now + TimeDelta::hours(1), 5)),
            "issued at retirement"
        );
        assert!(
            !ok(card(now + TimeDelta::hours(2), 5)),
            "issued after retirement"
        );
        assert!(!ok(card(now, 30)));
        assert!(ok(KeyUse::StatusList {
            issued_at: now.timestamp()
        }));
        assert!(!ok(KeyUse::StatusList {
            issued_at: (now + TimeDelta::days(1)).timestamp()
        }));
    }

    #[test]
    fn a_revoked_key_is_unpublished_vouches_only_for_seals_and_a_new_key_signs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.json");
        let now = Utc::now();
        let (keys, _) = SigningKeys::open(&path, true, now).unwrap();
        let old = keys.current().unwrap();
        let signature = old.sign(b"m");
        let revocation = keys.revoke(&old.kid, now).unwrap();
        assert!(revocation.was_current);
        let new_kid = revocation.new_current.unwrap();
        assert_eq!(keys.current_kid(), new_kid);
        let published: Vec<String> = keys.jwks(now).keys.into_iter().map(|k| k.kid).collect();
        assert_eq!(published, vec![URL_SAFE_NO_PAD.encode(new_kid)]);
        assert!(!keys.verify(&old.kid, b"m", &signature, card(now, 1)));
        assert!(!keys.verify(&old.kid, b"m", &signature, KeyUse::Report));
        assert!(keys.verify(&old.kid, b"m", &signature, KeyUse::Seal));
        assert!(matches!(
            keys.revoke(&old.kid, now),
            Err(SigningKeyError::AlreadyRevoked(_))
        ));
        assert!(matches!(
            keys.revoke(&[7; 8], now),
            Err(SigningKeyError::UnknownKey(_))
        ));
        // The file keeps the revoked key's public half only, apart from the live keys.
        let text = fs::read_to_string(&path).unwrap();
        let file: KeyFile = serde_json::from_str(&text).unwrap();
        assert_eq!((file.keys.len(), file.revoked.len()), (1, 1));
        let (reopened, _) = SigningKeys::open(&path, false, now).unwrap();
        assert!(reopened.verify(&old.kid, b"m", &signature, KeyUse::Seal));
        assert!(!reopened.verify(&old.kid, b"m", &signature, KeyUse::Report));
    }

    #[test]
    fn another_process_rotating_or_revoking_is_seen_without_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.json");
        let now = Utc::now();
        let (server, _) = SigningKeys::open(&path, true, now).unwrap();
        let (cli, _) = SigningKeys::open(&path, false, now).unwrap();
        let first = server.current_kid();
        let second = cli.rotate(now).unwrap();
        assert_eq!(
            server.current_kid(),
            second,
            "the server signs with the new key"
        );
        let revocation = cli.revoke(&second, now).unwrap();
        let third = revocation.new_current.unwrap();
        assert_eq!(server.current_kid(), third);
        assert_eq!(server.jwks(now).keys.len(), 2, "{first:?} and the third");
        // The server's own change, after the CLI's, keeps the CLI's.
        let fourth = server.rotate(now).unwrap();
        assert_eq!(cli.current_kid(), fourth);
        assert_eq!(cli.jwks(now).keys.len(), 3);
    }

    #[test]
    fn key_ids_parse_as_the_jwks_or_the_report_shows_them() {
        let kid: KeyId = [1, 2, 3, 4, 5, 6, 7, 250];
        assert_eq!(parse_key_id(&URL_SAFE_NO_PAD.encode(kid)), Some(kid));
        assert_eq!(parse_key_id(&hex::encode(kid)), Some(kid));
        assert_eq!(parse_key_id("not a key"), None);
        assert_eq!(parse_key_id(""), None);
    }
}
