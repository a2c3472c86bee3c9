//! The PKCS#11 backend: every key lives on a hardware security module's token (SoftHSM2 in
//! development) and never leaves it. Epoch key-encryption keys are AES-256 keys made on the
//! token; data keys are sealed and opened there with AES-GCM. Blind-index keys are HMAC keys
//! made there; card-signing keys are P-256 pairs made there. State that is not a key (destroyed
//! markers, the ratchet month, the signing keys' standing) is kept on the token too, as data
//! objects, so every server sharing the token sees the same state and no local file exists.
//!
//! Object labels (`P` is the deployment's `label_prefix`, so several deployments and parallel
//! tests share one token):
//!
//! | object | class | CKA_LABEL | CKA_ID |
//! |---|---|---|---|
//! | key-encryption key | secret key (AES) | `P` `kek/2027-03` | version (4 bytes BE) ‖ 12 random |
//! | blind-index key | secret key (generic) | `P` `idx/2027-03` | version (4 bytes BE) ‖ 12 random |
//! | destroyed marker | data | `P` `destroyed/2027-03` | — |
//! | ratchet mark | data | `P` `ratchet/2027-03` | — |
//! | signing key pair | public + private key (EC) | `P` `sig/<kid hex>` | 16 random bytes |
//! | signing key standing | data | `P` `sig/<kid hex>` | — |
//!
//! Every version of an epoch's key shares its label (one C_FindObjects finds them all); the
//! version is in the CKA_ID. Data objects carry CKA_APPLICATION `muni-id P`, by which they are
//! listed; a destroyed marker's value is JSON `{"at", "through_version"}`, a ratchet mark's the
//! month, a standing's JSON `{"created_at", "retired_at", "revoked_at"}`; several markers of one
//! thing merge (latest destruction, highest month, earliest dates), so nothing is rewritten.
//! The version of an index key is the key version its epoch was (re)opened with. Two processes may both make the
//! same key (PKCS#11 has no cross-process lock): then the object with the lowest CKA_ID is the
//! one used, and unwrapping tries every object of the version. Within a process, key creation
//! and destruction are serialised (concurrent creation on one SoftHSM token has failed).

mod epochs;
mod objects;
mod recent;
mod signing;
mod signing_keys;
mod state;
mod token;

#[cfg(test)]
mod tests;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use cryptoki::error::{Error as Pkcs11Error, RvError};
use cryptoki::session::Session;
use zeroize::Zeroizing;

use super::CustodyError;
use crate::crypto::signing::SigningKeyError;
use token::Token;

/// Where the token is and how to log in to it.
#[derive(Clone)]
pub struct Pkcs11Settings {
    /// The PKCS#11 module (a shared library), e.g. `/usr/lib/softhsm/libsofthsm2.so`.
    pub module: PathBuf,
    /// The label of the token holding the keys.
    pub token_label: String,
    /// The user PIN; never printed.
    pub pin: Zeroizing<String>,
    /// Prefixed to every object label, so several deployments can share one token.
    pub label_prefix: String,
}

impl std::fmt::Debug for Pkcs11Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pkcs11Settings")
            .field("module", &self.module)
            .field("token_label", &self.token_label)
            .field("pin", &"<redacted>")
            .field("label_prefix", &self.label_prefix)
            .finish()
    }
}

/// Key custody on a PKCS#11 token: both [`super::KeyCustody`] and [`super::SigningCustody`].
pub struct Pkcs11Custody {
    token: Token,
    prefix: String,
    description: String,
    /// Epochs as read a moment ago, for the request paths.
    recent: recent::Recent,
    /// Whether this deployment's objects were ever seen on the token (see `own_objects`).
    seen_own: AtomicBool,
}

impl Pkcs11Custody {
    /// Loads the module, finds the token and logs in. A module that does not load, a token
    /// that is not there and a refused PIN are `Failed` with a message that says which.
    pub fn open(settings: Pkcs11Settings) -> Result<Arc<Self>, CustodyError> {
        let description = format!(
            "pkcs11 {} token \"{}\"",
            settings.module.display(),
            settings.token_label
        );
        let token = Token::open(&settings.module, &settings.token_label, settings.pin)?;
        let custody = Self {
            token,
            prefix: settings.label_prefix,
            description,
            recent: recent::Recent::default(),
            seen_own: AtomicBool::new(false),
        };
        custody.token.with_session(|s| custody.own_objects(s))?;
        Ok(Arc::new(custody))
    }

    /// This deployment's data objects (its list of epochs, destruction marks, the ratchet, the
    /// signing keys' standing). None at all, once some were seen, means the token lost them
    /// (unplugged, reset, or swapped for another): `Unavailable`, never an empty token to fill
    /// with new keys.
    fn own_objects(&self, session: &Session) -> Result<Vec<(String, Vec<u8>)>, Fault> {
        let found = objects::data_objects(session, &self.application())?;
        if found.is_empty() {
            if self.seen_own.load(Ordering::Acquire) {
                return Err(CustodyError::Unavailable(format!(
                    "{} no longer holds this service's objects (unplugged, reset or swapped?)",
                    self.description
                ))
                .into());
            }
        } else {
            self.seen_own.store(true, Ordering::Release);
        }
        Ok(found)
    }

    fn label(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// The CKA_APPLICATION of this deployment's data objects.
    fn application(&self) -> Vec<u8> {
        format!("muni-id {}", self.prefix).into_bytes()
    }
}

/// Why a call on the token did not give an answer: what the token said, or an outcome decided
/// here (a destroyed epoch, an unknown key, a seal that does not open).
#[derive(Debug)]
enum Fault {
    Token(Pkcs11Error),
    Custody(CustodyError),
    Signing(SigningKeyError),
}

impl From<Pkcs11Error> for Fault {
    fn from(e: Pkcs11Error) -> Self {
        Fault::Token(e)
    }
}

impl From<CustodyError> for Fault {
    fn from(e: CustodyError) -> Self {
        Fault::Custody(e)
    }
}

impl From<SigningKeyError> for Fault {
    fn from(e: SigningKeyError) -> Self {
        Fault::Signing(e)
    }
}

/// Whether an error means the token or the session is gone (unplugged, logged out, closed):
/// the session is thrown away, and the next call opens a new one and logs in again.
fn is_lost(e: &Pkcs11Error) -> bool {
    matches!(
        e,
        Pkcs11Error::Pkcs11(
            RvError::DeviceRemoved
                | RvError::DeviceError
                | RvError::TokenNotPresent
                | RvError::TokenNotRecognized
                | RvError::SessionHandleInvalid
                | RvError::SessionClosed
                | RvError::UserNotLoggedIn
                | RvError::CryptokiNotInitialized
                | RvError::SlotIdInvalid,
            _
        )
    )
}

/// A short account of a PKCS#11 error: the function and the return value's name.
fn describe(e: &Pkcs11Error) -> String {
    match e {
        Pkcs11Error::Pkcs11(rv, function) => format!("{function} failed: {rv:?}"),
        other => other.to_string(),
    }
}

impl From<Fault> for CustodyError {
    fn from(fault: Fault) -> Self {
        match fault {
            Fault::Token(e) if is_lost(&e) => CustodyError::Unavailable(describe(&e)),
            Fault::Token(e) => CustodyError::Failed(describe(&e)),
            Fault::Custody(e) => e,
            Fault::Signing(e) => CustodyError::Failed(e.to_string()),
        }
    }
}

impl From<Fault> for SigningKeyError {
    fn from(fault: Fault) -> Self {
        match fault {
            Fault::Token(e) if is_lost(&e) => SigningKeyError::Unavailable(describe(&e)),
            Fault::Token(e) => SigningKeyError::Failed(describe(&e)),
            Fault::Custody(CustodyError::Unavailable(why)) => SigningKeyError::Unavailable(why),
            Fault::Custody(e) => SigningKeyError::Failed(e.to_string()),
            Fault::Signing(e) => e,
        }
    }
}
