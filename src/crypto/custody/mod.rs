//! Key custody: where the keys live and where they are used. The key-encryption key (KEK) and
//! the blind-index key of every retention epoch, and the card-signing keys, are held by one
//! backend chosen in configuration (`keys.backend`):
//!
//! - `file`: a 0600 key ring and signing-key file on the server's disk (development only);
//! - `pkcs11`: a hardware security module through PKCS#11 (SoftHSM2 in development; see
//!   [`pkcs11`] for the objects it keeps on the token), and
//! - `openbao`: an OpenBao (or HashiCorp Vault) transit engine over HTTPS ([`openbao`]).
//!
//! With the last two no key ever leaves the backend: data keys are wrapped and unwrapped, blind
//! indexes computed and tokens signed inside it, and destroying an epoch destroys its key
//! objects there. The rest of the service talks to [`KeyCustody`] and [`SigningCustody`] and
//! never knows which backend answers. Nothing is cached that would outlive a destruction: every
//! use asks the backend (or, for the file, checks that the file has not changed).

pub mod file;
pub mod migrating;
pub mod openbao;
pub mod pkcs11;
pub mod signing_file;

use chrono::{DateTime, Utc};

use super::keyring::Epoch;
use super::secret::SecretKey;
use super::signing::{KeyId, Revocation, SigningKeyError};

/// Why key custody could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum CustodyError {
    /// The backend cannot be reached or refuses to work just now (an HSM unplugged, a token
    /// logged out, OpenBao down or sealed). Requests answer 503 `key_custody_unavailable`;
    /// the service recovers by itself when the backend returns.
    #[error("key custody is unavailable: {0}")]
    Unavailable(String),
    /// The epoch's keys were destroyed: what they protected is gone, in every copy.
    #[error("the keys of epoch {0} were destroyed")]
    EpochDestroyed(Epoch),
    /// No such key version (a row written by someone other than this service, or damaged).
    #[error("key custody has no key version {version} for epoch {epoch}")]
    UnknownKey { epoch: Epoch, version: u32 },
    /// A wrapped data key did not open under its epoch's key (altered, or moved to another
    /// record).
    #[error("a wrapped data key does not open under its epoch's key")]
    OpenFailed,
    /// Anything else the backend answered: misconfiguration, a refused operation, a file that
    /// cannot be read. Never carries key material, a PIN or a token.
    #[error("key custody: {0}")]
    Failed(String),
}

/// A data key as stored: the epoch and key version that wrap it, and the wrapped bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey {
    pub epoch: Epoch,
    pub version: u32,
    pub bytes: Vec<u8>,
}

/// The associated data a data key is wrapped with: it binds the wrapped key to its record,
/// epoch and key version, so it cannot be moved to another row.
pub fn wrap_aad(record_id: &str, epoch: Epoch, version: u32) -> Vec<u8> {
    format!("muni-id/dek/v1|{record_id}|{epoch}|{version}").into_bytes()
}

/// What custody holds, without the keys.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyInventory {
    /// Each live epoch with its current key version.
    pub live: Vec<(Epoch, u32)>,
    /// Each destroyed epoch with when it was destroyed.
    pub destroyed: Vec<(Epoch, DateTime<Utc>)>,
    /// Whether some live epoch still keeps an older key version (a rotation under way).
    pub rotating: bool,
}

/// The epoch keys: wrapping, unwrapping, the blind index, destruction and rotation, and how far
/// the ratchet has advanced. Every method may block on the backend; call it off the async
/// workers.
pub trait KeyCustody: Send + Sync {
    /// Which backend this is and where, for logs and `/readyz`; never a secret.
    fn describe(&self) -> String;

    /// Whether the backend answers and can be used now.
    fn check(&self) -> Result<(), CustodyError>;

    /// Makes sure the epochs from `from` for `months` months have keys. An epoch destroyed
    /// before it began gets new keys under new versions, so nothing wrapped under its old
    /// versions opens. Returns how many epochs were added.
    fn prepare(&self, from: Epoch, months: u32) -> Result<usize, CustodyError>;

    /// Wraps a data key under the current key of `epoch` (created if the epoch is new, refused
    /// with `EpochDestroyed` if it was destroyed), bound to `record_id`.
    fn wrap(
        &self,
        epoch: Epoch,
        record_id: &str,
        data_key: &SecretKey,
    ) -> Result<WrappedKey, CustodyError>;

    /// Unwraps a data key wrapped for `record_id`. Never creates a key.
    fn unwrap(&self, record_id: &str, wrapped: &WrappedKey) -> Result<SecretKey, CustodyError>;

    /// Wraps several data keys under `epoch`'s current key (a backend with batch calls makes
    /// one round trip per batch; a roll-forward and a rotation use it).
    fn wrap_many(
        &self,
        epoch: Epoch,
        keys: &[(&str, &SecretKey)],
    ) -> Result<Vec<WrappedKey>, CustodyError> {
        keys.iter()
            .map(|(record_id, key)| self.wrap(epoch, record_id, key))
            .collect()
    }

    /// Unwraps several data keys; each answer on its own (one record's key may be destroyed
    /// or damaged while the others open). An `Unavailable` backend fails the whole call.
    fn unwrap_many(
        &self,
        keys: &[(&str, &WrappedKey)],
    ) -> Result<Vec<Result<SecretKey, CustodyError>>, CustodyError> {
        let mut out = Vec::with_capacity(keys.len());
        for (record_id, wrapped) in keys {
            match self.unwrap(record_id, wrapped) {
                Err(CustodyError::Unavailable(why)) => return Err(CustodyError::Unavailable(why)),
                other => out.push(other),
            }
        }
        Ok(out)
    }

    /// The keyed hash (HMAC-SHA-256) of `message` under `epoch`'s blind-index key, created if
    /// the epoch is new (refused if it was destroyed).
    fn index(&self, epoch: Epoch, message: &[u8]) -> Result<Vec<u8>, CustodyError>;

    /// The keyed hash of `message` under every live epoch's blind-index key (an exact-match
    /// probe: at most W + 2 epochs).
    fn index_live(&self, message: &[u8]) -> Result<Vec<Vec<u8>>, CustodyError> {
        self.inventory()?
            .live
            .into_iter()
            .filter_map(|(epoch, _)| match self.index(epoch, message) {
                // Destroyed by another instance since the inventory was read.
                Err(CustodyError::EpochDestroyed(_)) => None,
                other => Some(other),
            })
            .collect()
    }

    /// The blind indexes of several messages under `epoch`'s key, in order (a backend with
    /// batch calls makes one round trip per batch; a roll-forward and a rotation use it).
    fn index_many(&self, epoch: Epoch, messages: &[&[u8]]) -> Result<Vec<Vec<u8>>, CustodyError> {
        messages.iter().map(|m| self.index(epoch, m)).collect()
    }

    /// Destroys every key of `epoch`: data wrapped under it can never be opened again, in this
    /// database or any copy of it. Idempotent; returns whether there was something to destroy.
    fn destroy(&self, epoch: Epoch, at: DateTime<Utc>) -> Result<bool, CustodyError>;

    /// Adds a new key version to every live epoch (the start of a rotation); returns the new
    /// current version of each.
    fn add_versions(&self) -> Result<Vec<(Epoch, u32)>, CustodyError>;

    /// Destroys the key versions of `epoch` older than its current one (the end of a rotation,
    /// once no data key is wrapped under them). Returns how many.
    fn retire_old_versions(&self, epoch: Epoch) -> Result<usize, CustodyError>;

    /// The live and destroyed epochs.
    fn inventory(&self) -> Result<KeyInventory, CustodyError>;

    /// The month of the latest roll-forward, if any.
    fn ratchet_month(&self) -> Result<Option<Epoch>, CustodyError>;

    /// Records that the ratchet has reached `month`; it never moves back.
    fn advance_ratchet(&self, month: Epoch) -> Result<(), CustodyError>;

    /// How long another server may still seal data keys under the version that was current
    /// before [`Self::add_versions`] (it reuses what it read from the backend for that long).
    /// A rotation waits this long before it re-wraps, so none is left under a retired version.
    fn settle_time(&self) -> std::time::Duration {
        std::time::Duration::ZERO
    }

    /// Whether an epoch's keys were destroyed (here or by another instance) and it has none.
    fn is_destroyed(&self, epoch: Epoch) -> Result<bool, CustodyError> {
        let inventory = self.inventory()?;
        Ok(inventory.destroyed.iter().any(|(e, _)| *e == epoch)
            && !inventory.live.iter().any(|(e, _)| *e == epoch))
    }
}

/// One card-signing key as custody holds it: its public half and standing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningKeyRecord {
    pub kid: KeyId,
    /// The uncompressed SEC1 point (0x04 ‖ x ‖ y).
    pub public_sec1: Vec<u8>,
    /// Whether its private half still exists: only the current key keeps one.
    pub signs: bool,
    pub created_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
    /// Set once the key is revoked: then it is kept only to check the audit seals it made.
    pub revoked_at: Option<DateTime<Utc>>,
}

/// How a signing store tells that its keys changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    /// A cheap stamp that changes whenever the keys change (the file's identity): compared
    /// before every use.
    Known(u64),
    /// The store cannot tell cheaply (an HSM, OpenBao): the keys are re-read at most every
    /// [`SIGNING_REFRESH`], and at once when a signature is refused.
    Unknown,
}

/// How long a remote store's public keys are used before they are read again: a signing key
/// revoked on one instance stops vouching on every other one within this time.
pub const SIGNING_REFRESH: std::time::Duration = std::time::Duration::from_secs(2);

/// The card-signing keys (ES256, P-256). The private half of the current key never leaves
/// the store; the public halves are read out to verify and to publish.
pub trait SigningCustody: Send + Sync {
    /// Which backend this is and where; never a secret.
    fn describe(&self) -> String;

    /// See [`Generation`].
    fn generation(&self) -> Generation;

    /// Every key the store holds, with its standing.
    fn keys(&self) -> Result<Vec<SigningKeyRecord>, SigningKeyError>;

    /// A raw 64-byte r‖s ES256 signature of `message` by the key `kid` (SHA-256 inside).
    fn sign(&self, kid: &KeyId, message: &[u8]) -> Result<[u8; 64], SigningKeyError>;

    /// Creates a first signing key when none can sign; returns whether it did.
    fn ensure_key(&self, now: DateTime<Utc>) -> Result<bool, SigningKeyError>;

    /// Retires the current key (its private half is destroyed) and starts a new one.
    fn rotate(&self, now: DateTime<Utc>) -> Result<KeyId, SigningKeyError>;

    /// Revokes a (compromised) key at once; a new key starts when it was the signing one.
    fn revoke(&self, kid: &KeyId, now: DateTime<Utc>) -> Result<Revocation, SigningKeyError>;

    /// Keeps the public half and standing of a key another store made (a move between
    /// backends, `muni-id keys migrate`): it stays published and verifies what it signed, and
    /// never signs here (`record.signs` is ignored; a key kept without its private half counts
    /// as retired at `record.retired_at`, or now when it had none). Idempotent: a key already
    /// held is left as it is.
    fn adopt_public(
        &self,
        record: &SigningKeyRecord,
        now: DateTime<Utc>,
    ) -> Result<(), SigningKeyError>;
}
