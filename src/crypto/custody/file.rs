//! The file backend: the key ring in a 0600 file on the server's disk, used in this process.
//! For development (the README's first run) and tests: a copy of the server's disk holds every
//! key. Production uses `pkcs11` or `openbao`.

use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::{wrap_aad, CustodyError, KeyCustody, KeyInventory, WrappedKey};
use crate::crypto::aead;
use crate::crypto::keyring::{Epoch, KeyRing, KeyRingError};
use crate::crypto::secret::SecretKey;
use crate::crypto::CryptoError;

/// The key ring file as key custody.
pub struct FileCustody {
    ring: KeyRing,
}

impl FileCustody {
    pub fn new(ring: KeyRing) -> Self {
        Self { ring }
    }
}

impl From<KeyRingError> for CustodyError {
    fn from(e: KeyRingError) -> Self {
        match e {
            KeyRingError::EpochDestroyed(epoch) => CustodyError::EpochDestroyed(epoch),
            KeyRingError::UnknownKey { epoch, version } => {
                CustodyError::UnknownKey { epoch, version }
            }
            // The file is gone or unreadable (an unmounted secret volume): it may come back.
            e @ (KeyRingError::Io { .. } | KeyRingError::Missing(_)) => {
                CustodyError::Unavailable(e.to_string())
            }
            e @ (KeyRingError::Corrupt { .. } | KeyRingError::LoosePermissions { .. }) => {
                CustodyError::Failed(e.to_string())
            }
        }
    }
}

impl From<CryptoError> for CustodyError {
    fn from(e: CryptoError) -> Self {
        match e {
            CryptoError::OpenFailed | CryptoError::Malformed => CustodyError::OpenFailed,
            CryptoError::SealFailed => CustodyError::Failed(e.to_string()),
        }
    }
}

impl KeyCustody for FileCustody {
    fn describe(&self) -> String {
        format!("file {}", self.ring.path().display())
    }

    fn check(&self) -> Result<(), CustodyError> {
        self.ring.ratchet_month()?;
        Ok(())
    }

    fn prepare(&self, from: Epoch, months: u32) -> Result<usize, CustodyError> {
        Ok(self.ring.prepare(from, months)?)
    }

    fn wrap(
        &self,
        epoch: Epoch,
        record_id: &str,
        data_key: &SecretKey,
    ) -> Result<WrappedKey, CustodyError> {
        let keys = self.ring.epoch_keys(epoch)?;
        let (version, kek) = keys
            .current()
            .ok_or(CustodyError::UnknownKey { epoch, version: 0 })?;
        let bytes = aead::seal(kek, &wrap_aad(record_id, epoch, version), data_key.expose())?;
        Ok(WrappedKey {
            epoch,
            version,
            bytes,
        })
    }

    fn unwrap(&self, record_id: &str, wrapped: &WrappedKey) -> Result<SecretKey, CustodyError> {
        let kek = self.ring.kek(wrapped.epoch, wrapped.version)?;
        let plain = aead::open(
            &kek,
            &wrap_aad(record_id, wrapped.epoch, wrapped.version),
            &wrapped.bytes,
        )?;
        SecretKey::from_slice(&plain).ok_or(CustodyError::OpenFailed)
    }

    fn index(&self, epoch: Epoch, message: &[u8]) -> Result<Vec<u8>, CustodyError> {
        let keys = self.ring.epoch_keys(epoch)?;
        Ok(hmac_sha256(&keys.index_key, message))
    }

    fn index_live(&self, message: &[u8]) -> Result<Vec<Vec<u8>>, CustodyError> {
        Ok(self
            .ring
            .live_index_keys()?
            .iter()
            .map(|(_, key)| hmac_sha256(key, message))
            .collect())
    }

    fn destroy(&self, epoch: Epoch, at: DateTime<Utc>) -> Result<bool, CustodyError> {
        Ok(self.ring.destroy(epoch, at)?)
    }

    fn add_versions(&self) -> Result<Vec<(Epoch, u32)>, CustodyError> {
        Ok(self.ring.add_versions()?)
    }

    fn retire_old_versions(&self, epoch: Epoch) -> Result<usize, CustodyError> {
        Ok(self.ring.retire_old_versions(epoch)?)
    }

    fn inventory(&self) -> Result<KeyInventory, CustodyError> {
        Ok(self.ring.inventory()?)
    }

    fn ratchet_month(&self) -> Result<Option<Epoch>, CustodyError> {
        Ok(self.ring.ratchet_month()?)
    }

    fn advance_ratchet(&self, month: Epoch) -> Result<(), CustodyError> {
        Ok(self.ring.advance_ratchet(month)?)
    }

    fn is_destroyed(&self, epoch: Epoch) -> Result<bool, CustodyError> {
        Ok(self.ring.is_destroyed(epoch)?)
    }
}

/// HMAC-SHA-256, as an HSM's CKM_SHA256_HMAC and OpenBao's `hmac/sha2-256` compute it.
fn hmac_sha256(key: &SecretKey, message: &[u8]) -> Vec<u8> {
    // An HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.expose())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custody() -> (tempfile::TempDir, FileCustody) {
        let dir = tempfile::tempdir().unwrap();
        let (ring, _) = KeyRing::open(&dir.path().join("k.json"), true).unwrap();
        (dir, FileCustody::new(ring))
    }

    #[test]
    fn data_keys_unwrap_only_for_their_record() {
        let (_dir, custody) = custody();
        let epoch = Epoch::parse("2027-01").unwrap();
        let dek = SecretKey::generate();
        let wrapped = custody.wrap(epoch, "r1", &dek).unwrap();
        assert_eq!(custody.unwrap("r1", &wrapped).unwrap(), dek);
        assert!(matches!(
            custody.unwrap("r2", &wrapped),
            Err(CustodyError::OpenFailed)
        ));
    }

    #[test]
    fn a_destroyed_epoch_refuses_every_use() {
        let (_dir, custody) = custody();
        let epoch = Epoch::parse("2027-01").unwrap();
        let wrapped = custody.wrap(epoch, "r1", &SecretKey::generate()).unwrap();
        assert!(custody.destroy(epoch, Utc::now()).unwrap());
        assert!(matches!(
            custody.unwrap("r1", &wrapped),
            Err(CustodyError::EpochDestroyed(_))
        ));
        assert!(matches!(
            custody.index(epoch, b"x"),
            Err(CustodyError::EpochDestroyed(_))
        ));
        assert!(custody.index_live(b"x").unwrap().is_empty());
    }

    #[test]
    fn the_index_is_keyed_per_epoch() {
        let (_dir, custody) = custody();
        let (a, b) = (
            Epoch::parse("2027-01").unwrap(),
            Epoch::parse("2027-02").unwrap(),
        );
        assert_eq!(
            custody.index(a, b"name").unwrap(),
            custody.index(a, b"name").unwrap()
        );
        assert_ne!(
            custody.index(a, b"name").unwrap(),
            custody.index(b, b"name").unwrap()
        );
        assert_ne!(
            custody.index(a, b"name").unwrap(),
            custody.index(a, b"other").unwrap()
        );
    }
}
