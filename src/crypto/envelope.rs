//! Envelope encryption: each resident has a random data key (DEK), stored only wrapped by the
//! key-encryption key of their retention epoch; every personal field is sealed under the DEK
//! with associated data naming its table, column and record, so a ciphertext copied to another
//! row or column fails to open.

use zeroize::Zeroizing;

use super::keyring::{Epoch, KeyRing, KeyRingError};
use super::secret::SecretKey;
use super::{aead, CryptoError};

#[derive(Debug, thiserror::Error)]
pub enum EnvelopeError {
    #[error(transparent)]
    Key(#[from] KeyRingError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
}

/// A data key as stored: the epoch and key version that wrap it, and the wrapped bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedKey {
    pub epoch: Epoch,
    pub version: u32,
    pub bytes: Vec<u8>,
}

fn wrap_aad(record_id: &str, epoch: Epoch, version: u32) -> Vec<u8> {
    format!("muni-id/dek/v1|{record_id}|{epoch}|{version}").into_bytes()
}

/// Wraps a data key under the current key of `epoch` (created if the epoch is new).
pub fn wrap_data_key(
    ring: &KeyRing,
    record_id: &str,
    epoch: Epoch,
    data_key: &SecretKey,
) -> Result<WrappedKey, EnvelopeError> {
    let keys = ring.epoch_keys(epoch)?;
    let (version, kek) = keys
        .current()
        .ok_or(KeyRingError::UnknownKey { epoch, version: 0 })?;
    let bytes = aead::seal(kek, &wrap_aad(record_id, epoch, version), data_key.expose())?;
    Ok(WrappedKey {
        epoch,
        version,
        bytes,
    })
}

pub fn unwrap_data_key(
    ring: &KeyRing,
    record_id: &str,
    wrapped: &WrappedKey,
) -> Result<SecretKey, EnvelopeError> {
    let kek = ring.kek(wrapped.epoch, wrapped.version)?;
    let plain = aead::open(
        &kek,
        &wrap_aad(record_id, wrapped.epoch, wrapped.version),
        &wrapped.bytes,
    )?;
    Ok(SecretKey::from_slice(&plain).ok_or(CryptoError::Malformed)?)
}

/// Where a sealed value belongs; part of its associated data.
#[derive(Debug, Clone, Copy)]
pub struct FieldBinding<'a> {
    pub table: &'static str,
    pub column: &'static str,
    pub record_id: &'a str,
}

impl FieldBinding<'_> {
    fn aad(&self) -> Vec<u8> {
        format!(
            "muni-id/field/v1|{}|{}|{}",
            self.table, self.column, self.record_id
        )
        .into_bytes()
    }
}

pub fn seal_field(
    data_key: &SecretKey,
    binding: FieldBinding<'_>,
    plaintext: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    aead::seal(data_key, &binding.aad(), plaintext)
}

pub fn open_field(
    data_key: &SecretKey,
    binding: FieldBinding<'_>,
    sealed: &[u8],
) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    aead::open(data_key, &binding.aad(), sealed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_opens_only_where_it_was_sealed() {
        let key = SecretKey::generate();
        let here = FieldBinding {
            table: "residents",
            column: "face",
            record_id: "r1",
        };
        let sealed = seal_field(&key, here, b"secret").unwrap();
        assert_eq!(
            open_field(&key, here, &sealed).unwrap().as_slice(),
            b"secret"
        );
        let other_row = FieldBinding {
            record_id: "r2",
            ..here
        };
        let other_column = FieldBinding {
            column: "address",
            ..here
        };
        assert!(open_field(&key, other_row, &sealed).is_err());
        assert!(open_field(&key, other_column, &sealed).is_err());
    }

    #[test]
    fn data_keys_unwrap_only_for_their_record() {
        let dir = tempfile::tempdir().unwrap();
        let (ring, _) = KeyRing::open(&dir.path().join("k.json"), true).unwrap();
        let epoch = Epoch::parse("2027-01").unwrap();
        let dek = SecretKey::generate();
        let wrapped = wrap_data_key(&ring, "r1", epoch, &dek).unwrap();
        assert_eq!(unwrap_data_key(&ring, "r1", &wrapped).unwrap(), dek);
        assert!(unwrap_data_key(&ring, "r2", &wrapped).is_err());
    }
}
