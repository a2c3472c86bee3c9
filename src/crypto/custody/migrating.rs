//! Key custody while `muni-id keys migrate` moves the keys from one backend to another: every
//! new key, wrap and blind index is made by the target; a data key opens under the target when
//! it was already moved, and under the source otherwise. A re-run after a stop therefore
//! re-wraps only what is left, whatever the two backends number their key versions.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::{CustodyError, KeyCustody, KeyInventory, WrappedKey};
use crate::crypto::keyring::Epoch;
use crate::crypto::secret::SecretKey;

pub struct Migrating {
    from: Arc<dyn KeyCustody>,
    to: Arc<dyn KeyCustody>,
}

impl Migrating {
    pub fn new(from: Arc<dyn KeyCustody>, to: Arc<dyn KeyCustody>) -> Self {
        Self { from, to }
    }

    /// The backend the keys move out of.
    pub fn source(&self) -> &dyn KeyCustody {
        self.from.as_ref()
    }

    /// The backend the keys move into, for messages.
    pub fn target_description(&self) -> String {
        self.to.describe()
    }

    /// Whether `wrapped` already opens under the target (the record was moved).
    pub fn moved(&self, record_id: &str, wrapped: &WrappedKey) -> Result<bool, CustodyError> {
        match self.to.unwrap(record_id, wrapped) {
            Ok(_) => Ok(true),
            Err(CustodyError::Unavailable(why)) => Err(CustodyError::Unavailable(why)),
            Err(_) => Ok(false),
        }
    }
}

impl KeyCustody for Migrating {
    fn describe(&self) -> String {
        format!(
            "moving from {} to {}",
            self.from.describe(),
            self.to.describe()
        )
    }

    fn check(&self) -> Result<(), CustodyError> {
        self.from.check()?;
        self.to.check()
    }

    fn prepare(&self, from: Epoch, months: u32) -> Result<usize, CustodyError> {
        self.to.prepare(from, months)
    }

    fn wrap(
        &self,
        epoch: Epoch,
        record_id: &str,
        data_key: &SecretKey,
    ) -> Result<WrappedKey, CustodyError> {
        self.to.wrap(epoch, record_id, data_key)
    }

    fn unwrap(&self, record_id: &str, wrapped: &WrappedKey) -> Result<SecretKey, CustodyError> {
        match self.to.unwrap(record_id, wrapped) {
            Ok(key) => Ok(key),
            Err(CustodyError::Unavailable(why)) => Err(CustodyError::Unavailable(why)),
            // Not (yet) moved: the target has no such key, or its key does not open it.
            Err(_) => self.from.unwrap(record_id, wrapped),
        }
    }

    fn wrap_many(
        &self,
        epoch: Epoch,
        keys: &[(&str, &SecretKey)],
    ) -> Result<Vec<WrappedKey>, CustodyError> {
        self.to.wrap_many(epoch, keys)
    }

    fn index(&self, epoch: Epoch, message: &[u8]) -> Result<Vec<u8>, CustodyError> {
        self.to.index(epoch, message)
    }

    fn index_live(&self, message: &[u8]) -> Result<Vec<Vec<u8>>, CustodyError> {
        self.to.index_live(message)
    }

    fn index_many(&self, epoch: Epoch, messages: &[&[u8]]) -> Result<Vec<Vec<u8>>, CustodyError> {
        self.to.index_many(epoch, messages)
    }

    /// In the target only: the source is read from, never changed, until it is deleted whole.
    fn destroy(&self, epoch: Epoch, at: DateTime<Utc>) -> Result<bool, CustodyError> {
        self.to.destroy(epoch, at)
    }

    fn add_versions(&self) -> Result<Vec<(Epoch, u32)>, CustodyError> {
        self.to.add_versions()
    }

    fn retire_old_versions(&self, epoch: Epoch) -> Result<usize, CustodyError> {
        self.to.retire_old_versions(epoch)
    }

    fn settle_time(&self) -> std::time::Duration {
        self.to.settle_time()
    }

    fn inventory(&self) -> Result<KeyInventory, CustodyError> {
        self.to.inventory()
    }

    fn ratchet_month(&self) -> Result<Option<Epoch>, CustodyError> {
        Ok(self.from.ratchet_month()?.max(self.to.ratchet_month()?))
    }

    fn advance_ratchet(&self, month: Epoch) -> Result<(), CustodyError> {
        self.to.advance_ratchet(month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::custody::file::FileCustody;
    use crate::crypto::keyring::KeyRing;

    fn ring(dir: &std::path::Path, name: &str) -> Arc<dyn KeyCustody> {
        let (ring, _) = KeyRing::open(&dir.join(name), true).unwrap();
        Arc::new(FileCustody::new(ring))
    }

    #[test]
    fn a_key_opens_from_either_side_and_new_wraps_go_to_the_target_only() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (ring(dir.path(), "from.json"), ring(dir.path(), "to.json"));
        let epoch = Epoch::of(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        from.prepare(epoch, 0).unwrap();
        let key = SecretKey::generate();
        let old = from.wrap(epoch, "r1", &key).unwrap();
        let migrating = Migrating::new(from.clone(), to.clone());
        assert!(!migrating.moved("r1", &old).unwrap());
        assert_eq!(migrating.unwrap("r1", &old).unwrap().expose(), key.expose());

        let new = migrating.wrap(epoch, "r1", &key).unwrap();
        assert!(migrating.moved("r1", &new).unwrap());
        assert_eq!(to.unwrap("r1", &new).unwrap().expose(), key.expose());
        assert!(
            from.unwrap("r1", &new).is_err(),
            "the source must not open the moved key"
        );
        // Bound to its record on both sides.
        assert!(migrating.unwrap("r2", &old).is_err());
        assert!(migrating.unwrap("r2", &new).is_err());
        // Destroying goes to the target only: the source's keys still open what they sealed.
        assert!(migrating.destroy(epoch, chrono::Utc::now()).unwrap());
        assert!(to.is_destroyed(epoch).unwrap());
        assert!(!from.is_destroyed(epoch).unwrap());
        assert_eq!(from.unwrap("r1", &old).unwrap().expose(), key.expose());
    }
}
