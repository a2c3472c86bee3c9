//! The card-signing keys: ES256 (ECDSA P-256). The current key signs card tokens and the
//! status list; retired keys keep only their public half, published until every card they can
//! have signed has expired, and vouch only for what they can have signed before they retired.
//! A revoked key (compromised) is published no more and vouches for nothing but the audit
//! seals it made. The keys live in key custody (`crypto::custody`: a file in development, an
//! HSM or OpenBao in production), never in the database; the private half of the current key
//! never leaves it. This module decides what each key may vouch for, over the public halves it
//! reads from custody: before every use when custody can tell cheaply that nothing changed
//! (the file), otherwise at most every `SIGNING_REFRESH`, so a rotation or a revocation
//! reaches every running instance.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock, RwLockReadGuard};
use std::time::Instant;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Months, TimeDelta, Utc};
use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_FIXED};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::custody::signing_file::FileSigning;
use super::custody::{Generation, SigningCustody, SigningKeyRecord, SIGNING_REFRESH};

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
    /// A walk of the whole audit chain that found it intact up to an entry. A report walks
    /// only what follows, so such a statement hides what precedes it: never from a revoked key.
    ChainCheck,
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

/// The key that signs now: its id, and the custody that holds its private half.
pub struct CurrentKey {
    pub kid: KeyId,
    store: Arc<dyn SigningCustody>,
}

impl CurrentKey {
    /// A raw 64-byte r‖s ES256 signature, made inside key custody.
    pub fn sign(&self, message: &[u8]) -> Result<[u8; 64], SigningKeyError> {
        self.store.sign(&self.kid, message)
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

/// The keys as last read from custody, and when or at which generation.
struct KeyState {
    generation: Option<Generation>,
    read_at: Option<Instant>,
    keys: Vec<SigningKeyRecord>,
}

/// The longest card validity any configuration allows (an age band's `validity_years` ≤ 10).
const DEFAULT_CARD_YEARS: u32 = 10;

pub struct SigningKeys {
    store: Arc<dyn SigningCustody>,
    /// The longest validity a card may have, in years (a day of slack is added).
    max_card_years: u32,
    state: RwLock<KeyState>,
}

impl SigningKeys {
    /// The keys `store` holds, with a first key created when allowed and none can sign.
    /// Returns whether it created one.
    pub fn new(
        store: Arc<dyn SigningCustody>,
        create_if_missing: bool,
        now: DateTime<Utc>,
    ) -> Result<(Self, bool), SigningKeyError> {
        let created = create_if_missing && store.ensure_key(now)?;
        let keys = Self {
            store,
            max_card_years: DEFAULT_CARD_YEARS,
            state: RwLock::new(KeyState {
                generation: None,
                read_at: None,
                keys: Vec::new(),
            }),
        };
        keys.reload()?;
        if !keys.read().keys.iter().any(|k| k.signs) {
            return Err(SigningKeyError::Failed(format!(
                "{} holds no key that can sign",
                keys.store.describe()
            )));
        }
        Ok((keys, created))
    }

    /// The keys in a file (development, tests, benchmarks), created with a first key when
    /// allowed. Returns whether it created the file.
    pub fn open(
        path: &Path,
        create_if_missing: bool,
        now: DateTime<Utc>,
    ) -> Result<(Self, bool), SigningKeyError> {
        let (store, created) = FileSigning::open(path, create_if_missing, now)?;
        let (keys, _) = Self::new(Arc::new(store), false, now)?;
        Ok((keys, created))
    }

    /// Sets the longest card validity policy (the longer of the adult and minor policies):
    /// no card token may live longer than that and a day, and a retired key stays published
    /// that long after its retirement.
    pub fn with_max_card_validity_years(mut self, years: u32) -> Self {
        self.max_card_years = years;
        self
    }

    /// Which custody holds the keys; never a secret.
    pub fn describe(&self) -> String {
        self.store.describe()
    }

    /// The keys as custody holds them now, re-read when they may have changed. Custody that
    /// cannot be read keeps the keys in memory (verification goes on from the published
    /// public keys), said once per failed refresh.
    fn read(&self) -> RwLockReadGuard<'_, KeyState> {
        if self.is_stale() {
            if let Err(e) = self.reload() {
                tracing::error!(
                    event = "signing_keys_unreadable",
                    cause = %e,
                    "the card-signing keys cannot be read from key custody; keeping the keys in memory"
                );
                // Try again after the refresh interval, not on every request.
                let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
                state.read_at = Some(Instant::now());
                state.generation = Some(self.store.generation());
            }
        }
        self.state.read().unwrap_or_else(|p| p.into_inner())
    }

    fn is_stale(&self) -> bool {
        let state = self.state.read().unwrap_or_else(|p| p.into_inner());
        match self.store.generation() {
            known @ Generation::Known(_) => state.generation != Some(known),
            Generation::Unknown => state
                .read_at
                .is_none_or(|at| at.elapsed() >= SIGNING_REFRESH),
        }
    }

    /// Reads the keys from custody now.
    fn reload(&self) -> Result<(), SigningKeyError> {
        let generation = self.store.generation();
        let keys = self.store.keys()?;
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        let changed = state.read_at.is_some() && state.keys != keys;
        *state = KeyState {
            generation: Some(generation),
            read_at: Some(Instant::now()),
            keys,
        };
        if changed {
            tracing::info!(
                event = "signing_keys_reloaded",
                "the card-signing keys changed in key custody; reloaded"
            );
        }
        Ok(())
    }

    /// The current key and its id, for one signature (the header naming the key is written
    /// before the signature is made, so both must come from the same key).
    pub fn current(&self) -> Option<CurrentKey> {
        let state = self.read();
        state
            .keys
            .iter()
            .filter(|k| k.signs)
            .max_by_key(|k| k.created_at)
            .map(|k| CurrentKey {
                kid: k.kid,
                store: self.store.clone(),
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

    fn may_vouch(&self, key: &SigningKeyRecord, what: KeyUse) -> bool {
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
            KeyUse::Report | KeyUse::Seal | KeyUse::ChainCheck => true,
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
        let kid = self.store.rotate(now)?;
        self.reload()?;
        Ok(kid)
    }

    /// Revokes a (compromised) key at once: it is published no more and vouches for nothing
    /// but the audit seals it made. When it was the signing key, a new key starts.
    pub fn revoke(&self, kid: &KeyId, now: DateTime<Utc>) -> Result<Revocation, SigningKeyError> {
        let revocation = self.store.revoke(kid, now)?;
        self.reload()?;
        Ok(revocation)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    use base64::engine::general_purpose::STANDARD;

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
        let signature = current.sign(b"a seal").unwrap();
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
        let (kid, signature) = (current.kid, current.sign(b"hello").unwrap());
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
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        let keys = file["keys"].as_array().unwrap();
        assert_eq!(
            keys.iter().filter(|k| k["private_key"].is_string()).count(),
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
        let signature = old.sign(b"card").unwrap();
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
        let signature = old.sign(b"m").unwrap();
        let revocation = keys.revoke(&old.kid, now).unwrap();
        assert!(revocation.was_current);
        let new_kid = revocation.new_current.unwrap();
        assert_eq!(keys.current_kid(), new_kid);
        let published: Vec<String> = keys.jwks(now).keys.into_iter().map(|k| k.kid).collect();
        assert_eq!(published, vec![URL_SAFE_NO_PAD.encode(new_kid)]);
        assert!(!keys.verify(&old.kid, b"m", &signature, card(now, 1)));
        assert!(!keys.verify(&old.kid, b"m", &signature, KeyUse::Report));
        assert!(!keys.verify(&old.kid, b"m", &signature, KeyUse::ChainCheck));
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
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            (
                file["keys"].as_array().unwrap().len(),
                file["revoked"].as_array().unwrap().len()
            ),
            (1, 1)
        );
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
