//! Envelope encryption: each resident has a random data key (DEK), stored only wrapped by the
//! key-encryption key of their retention epoch; every personal field is sealed under the DEK
//! with associated data naming its table, column and record, so a ciphertext copied to another
//! row or column fails to open.

use zeroize::Zeroizing;

use super::secret::SecretKey;
use super::{aead, CryptoError};

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
}
