//! The OpenBao backend: the epoch keys and the card-signing keys are transit keys in an
//! OpenBao (or HashiCorp Vault) server, used over its HTTP API; no key ever leaves it.
//!
//! What the server must provide (see `tests/keys/openbao.sh` for a development server):
//!
//! - a transit mount (`transit_mount`, default `transit`) with **upsert disabled**
//!   (`bao write transit/config/keys disable_upsert=true`): an encryption must never create a
//!   key, or a wrap racing a destruction could bring a destroyed epoch's key back. `open`
//!   refuses a mount that allows upsert;
//! - a KV version 2 mount (`kv_mount`, default `secret`) for the small state documents;
//! - a token whose policy allows, under `key_prefix`: create, read, update and delete on
//!   `<transit>/keys/<prefix>*` (and `…/config`, `…/rotate`, `…/trim`), update on
//!   `<transit>/encrypt|decrypt|hmac|sign/<prefix>*`, list on `<transit>/keys`, read on
//!   `<transit>/config/keys`, and create, read, update and list on `<kv>/data|metadata/<prefix>*`.
//!
//! Names, with `P` the key prefix and `E` an epoch such as `2027-01`:
//!
//! - `P kek-E` (aes256-gcm96): the epoch's key-encryption key; its transit versions are the
//!   key versions (plus the offset below);
//! - `P idx-E` (hmac): the epoch's blind-index key;
//! - `P sign-N` (ecdsa-p256): card-signing key number N;
//! - KV `P epochs/E`: the destroyed marker (when, and through which key version), written
//!   before the keys are deleted. An epoch opened again by `prepare` keeps its marker; its new
//!   transit key starts again at v1, so the versions it shows are offset by the marker's
//!   `through_version` and nothing wrapped before the destruction ever opens;
//! - KV `P ratchet`: the ratchet month; KV `P signing`: the signing keys' standing.

mod api;
mod epochs;
mod kv;
#[cfg(test)]
mod rates;
mod signing;
#[cfg(test)]
mod signing_tests;
#[cfg(test)]
mod tests;
mod wrapping;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use serde_json::Value;

use self::api::{Api, ApiError};
use super::CustodyError;
use crate::crypto::keyring::Epoch;
use crate::crypto::signing::{KeyId, SigningKeyError};

/// How to reach the server. The token is never printed.
#[derive(Clone)]
pub struct OpenBaoSettings {
    /// `https://bao.example:8200`; plain `http://` only on loopback.
    pub address: String,
    /// The only CA trusted for the server's certificate (else the system's roots).
    pub ca_file: Option<PathBuf>,
    pub token: String,
    pub transit_mount: String,
    pub kv_mount: String,
    /// Starts every key and document name, so several deployments can share one server.
    pub key_prefix: String,
    /// For each call, connection included.
    pub timeout: Duration,
}

impl OpenBaoSettings {
    /// Settings with the default mounts (`transit`, `secret`), prefix `muni-id-` and a
    /// five-second timeout.
    pub fn new(address: impl Into<String>, token: impl Into<String>) -> Self {
        Self {
            address: address.into(),
            ca_file: None,
            token: token.into(),
            transit_mount: "transit".into(),
            kv_mount: "secret".into(),
            key_prefix: "muni-id-".into(),
            timeout: Duration::from_secs(5),
        }
    }
}

impl std::fmt::Debug for OpenBaoSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenBaoSettings")
            .field("address", &self.address)
            .field("ca_file", &self.ca_file)
            .field("token", &"<redacted>")
            .field("transit_mount", &self.transit_mount)
            .field("kv_mount", &self.kv_mount)
            .field("key_prefix", &self.key_prefix)
            .field("timeout", &self.timeout)
            .finish()
    }
}

/// An epoch's key version as last read, for at most [`VERSION_CACHE`].
#[derive(Clone, Copy)]
struct KnownVersion {
    read_at: Instant,
    /// The transit key's latest version.
    transit: u32,
    /// Added to transit versions: the versions destroyed before the epoch was opened again.
    offset: u32,
}

/// How long a wrap trusts the key version it read: a rotation by another instance is seen
/// within this time (until then the previous version, still valid, wraps).
const VERSION_CACHE: Duration = Duration::from_secs(1);

/// Key custody in an OpenBao transit engine; one value serves as both `KeyCustody` and
/// `SigningCustody`.
pub struct OpenBaoCustody {
    api: Api,
    address: String,
    transit: String,
    kv_mount: String,
    prefix: String,
    versions: Mutex<HashMap<Epoch, KnownVersion>>,
    /// Which transit key holds each signing key (a name is never reused, so this never goes
    /// stale: a retired key's transit key is gone and refuses to sign).
    signing_names: RwLock<HashMap<KeyId, String>>,
}

impl OpenBaoCustody {
    /// Connects and checks that the token can use the transit mount and that the mount
    /// creates no key on encryption.
    pub fn open(settings: OpenBaoSettings) -> Result<Arc<Self>, CustodyError> {
        for (what, value) in [
            ("transit_mount", &settings.transit_mount),
            ("kv_mount", &settings.kv_mount),
        ] {
            if !value.trim_matches('/').split('/').all(is_name) {
                return Err(CustodyError::Failed(format!(
                    "openbao {what} `{value}` is not a mount path"
                )));
            }
        }
        if !settings.key_prefix.is_empty() && !is_name(&settings.key_prefix) {
            return Err(CustodyError::Failed(format!(
                "openbao key_prefix `{}` may hold only letters, digits, `-`, `_` and `.`",
                settings.key_prefix
            )));
        }
        let api = Api::new(
            &settings.address,
            settings.ca_file.as_deref(),
            &settings.token,
            settings.timeout,
        )?;
        let custody = Self {
            api,
            address: settings.address.trim_end_matches('/').to_owned(),
            transit: settings.transit_mount.trim_matches('/').to_owned(),
            kv_mount: settings.kv_mount.trim_matches('/').to_owned(),
            prefix: settings.key_prefix,
            versions: Mutex::new(HashMap::new()),
            signing_names: RwLock::new(HashMap::new()),
        };
        custody.check_mounts()?;
        Ok(Arc::new(custody))
    }

    /// Reads the transit mount's key configuration (the token must reach it, and upsert must
    /// be off) and a KV document (the token must reach the KV mount).
    fn check_mounts(&self) -> Result<(), CustodyError> {
        let config = self
            .api
            .get(&format!("{}/config/keys", self.transit))
            .map_err(|e| {
                e.into_custody(&format!("reading the transit mount `{}`", self.transit))
            })?;
        let upsert_disabled = config
            .pointer("/data/disable_upsert")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if !upsert_disabled {
            return Err(CustodyError::Failed(format!(
                "openbao transit mount `{0}` creates keys on encryption; disable that first: \
                 `bao write {0}/config/keys disable_upsert=true`",
                self.transit
            )));
        }
        self.kv_read::<Value>("ratchet")
            .map_err(|e| e.into_custody(&format!("reading the KV mount `{}`", self.kv_mount)))?;
        Ok(())
    }

    fn describe_target(&self) -> String {
        format!("openbao {} transit \"{}\"", self.address, self.transit)
    }

    fn key_path(&self, name: &str) -> String {
        format!("{}/keys/{name}", self.transit)
    }

    /// Creates a transit key of `kind` that may later be deleted (a no-op for one that
    /// exists).
    fn create_key(&self, name: &str, kind: &str) -> Result<Value, ApiError> {
        // An HMAC key needs its size; 32 bytes as for HMAC-SHA-256.
        let body = match kind {
            "hmac" => serde_json::json!({ "type": kind, "key_size": 32 }),
            _ => serde_json::json!({ "type": kind }),
        };
        self.api.post(&self.key_path(name), &body)?;
        self.api.post(
            &format!("{}/config", self.key_path(name)),
            &serde_json::json!({ "deletion_allowed": true }),
        )
    }

    /// Deletes a transit key; returns whether there was one.
    fn delete_key(&self, name: &str) -> Result<bool, ApiError> {
        match self.api.post(
            &format!("{}/config", self.key_path(name)),
            &serde_json::json!({ "deletion_allowed": true }),
        ) {
            Err(e) if e.is_missing() => return Ok(false),
            other => other?,
        };
        match self.api.delete(&self.key_path(name)) {
            Err(e) if e.is_missing() => Ok(false),
            other => other.map(|_| true),
        }
    }
}

fn is_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// Turns a server answer into the caller's error type.
trait ApiFault {
    fn from_api(e: ApiError, what: &str) -> Self;
}

impl ApiFault for CustodyError {
    fn from_api(e: ApiError, what: &str) -> Self {
        e.into_custody(what)
    }
}

impl ApiFault for SigningKeyError {
    fn from_api(e: ApiError, what: &str) -> Self {
        match e.into_custody(what) {
            CustodyError::Unavailable(why) => SigningKeyError::Unavailable(why),
            other => SigningKeyError::Failed(other.to_string()),
        }
    }
}
