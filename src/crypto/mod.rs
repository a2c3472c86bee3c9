//! Cryptography, kept in one leaf module: envelope encryption of personal fields, the key ring
//! by retention epoch, the blind index, staff passwords and opaque session tokens.

pub mod aead;
pub mod blind_index;
pub mod card_token;
pub mod custody;
pub mod envelope;
pub mod key_file;
pub mod keyring;
pub mod one_time_code;
pub mod password;
pub mod ratchet;
pub mod secret;
pub mod signing;
pub mod status_list;
pub mod token;
pub mod witness;

#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// Wrong key, altered bytes or a ciphertext moved to another row: never wrong data.
    #[error("a ciphertext failed to open (wrong key, altered, or bound to another record)")]
    OpenFailed,
    #[error("a ciphertext is malformed")]
    Malformed,
    #[error("encryption failed")]
    SealFailed,
}
