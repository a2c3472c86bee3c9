//! The epoch keys on the token: data keys sealed and opened with AES-256-GCM under the epoch's
//! key-encryption key (a 12-byte random nonce in front of the ciphertext and its 128-bit tag,
//! the associated data binding the record, epoch and version), the blind index by
//! CKM_SHA256_HMAC, destruction and rotation. Keys are made find-or-create under the process's
//! change lock, so two threads never make the same key.

use chrono::{DateTime, Utc};
use cryptoki::context::Function;
use cryptoki::error::{Error as Pkcs11Error, RvError};
use cryptoki::mechanism::aead::GcmParams;
use cryptoki::mechanism::Mechanism;
use cryptoki::object::ObjectHandle;
use cryptoki::session::Session;
use cryptoki::types::Ulong;
use rand::RngCore;
use zeroize::Zeroizing;

use super::objects::{self, KeyObject, SecretKind};
use super::recent::Held;
use super::state::{destroyed_value, Destroyed, EpochView};
use super::{Fault, Pkcs11Custody};
use crate::crypto::custody::{wrap_aad, CustodyError, KeyCustody, KeyInventory, WrappedKey};
use crate::crypto::keyring::Epoch;
use crate::crypto::secret::SecretKey;

const NONCE_LEN: usize = 12;
const TAG_BITS: u64 = 128;
/// Nonce, sealed 32-byte key, tag.
const WRAPPED_LEN: usize = NONCE_LEN + 32 + 16;

impl Pkcs11Custody {
    /// The epoch's live keys, made when it has none: a destroyed epoch only when `reopen` (then
    /// under versions above every destroyed one). Returns the view and whether keys were made.
    fn ensure_epoch(
        &self,
        session: &Session,
        epoch: Epoch,
        reopen: bool,
    ) -> Result<(EpochView, bool), Fault> {
        let mut view = self.view(session, epoch)?;
        if view.is_live() && view.index_key().is_some() {
            return Ok((view, false));
        }
        // Never new keys in a token that lost this deployment's objects.
        self.own_objects(session)?;
        // Listed first: keys made by a call that stops half-way are still found, rotated and
        // destroyed with their epoch.
        let listed = self.epoch_label(epoch);
        if objects::data_values(session, &listed)?.is_empty() {
            objects::create_data(session, &self.application(), &listed, epoch.id().as_bytes())?;
        }
        if !view.is_live() && view.destroyed.is_some() && !reopen {
            return Err(CustodyError::EpochDestroyed(epoch).into());
        }
        let version = view.current().map_or(view.through() + 1, |k| k.version);
        if view.index_key().is_none() {
            let label = self.index_label(epoch);
            let key = objects::generate_secret(session, SecretKind::Hmac, &label, version)?;
            view.index_keys.push(key);
        }
        let added = !view.is_live();
        if added {
            let label = self.kek_label(epoch);
            let key = objects::generate_secret(session, SecretKind::Aes, &label, version)?;
            view.keks.push(key);
        }
        Ok((view, added))
    }

    /// Runs `work` with the epoch's live keys (as read a moment ago: `recent`), made (under
    /// the change lock) when it is new. A key destroyed since it was read is read again once.
    fn with_live_epoch<T>(
        &self,
        epoch: Epoch,
        work: impl Fn(&Session, &Held) -> Result<T, Fault>,
    ) -> Result<T, Fault> {
        self.retry_if_vanished(epoch, || {
            let ready = self.token.with_session(|s| {
                let held = self.recent_view(s, epoch)?;
                if held.view.is_live() && held.view.index_key().is_some() {
                    return work(s, &held).map(Some);
                }
                if !held.view.is_live() && held.view.destroyed.is_some() {
                    return Err(CustodyError::EpochDestroyed(epoch).into());
                }
                Ok(None)
            })?;
            match ready {
                Some(out) => Ok(out),
                None => self.changing(|s| {
                    let (view, _) = self.ensure_epoch(s, epoch, false)?;
                    work(s, &Held::fresh(view))
                }),
            }
        })
    }

    /// Runs `attempt` again once, the epoch read afresh, when it used an object that is gone
    /// since it was found.
    fn retry_if_vanished<T>(
        &self,
        epoch: Epoch,
        attempt: impl Fn() -> Result<T, Fault>,
    ) -> Result<T, Fault> {
        match attempt() {
            Err(Fault::Token(Pkcs11Error::Pkcs11(
                RvError::KeyHandleInvalid | RvError::ObjectHandleInvalid,
                _,
            ))) => {
                self.recent.forget(epoch);
                attempt()
            }
            other => other,
        }
    }

    /// The blind index under `epoch`'s key, when the epoch is live; never makes keys.
    fn index_if_live(&self, epoch: Epoch, message: &[u8]) -> Result<Option<Vec<u8>>, Fault> {
        self.retry_if_vanished(epoch, || {
            self.token.with_session(|s| {
                let held = self.recent_view(s, epoch)?;
                let key = match held.view.index_key() {
                    Some(key) if held.view.is_live() => key,
                    _ => return Ok(None),
                };
                let handle = held.handle(s, key)?;
                Ok(Some(s.sign(&Mechanism::Sha256Hmac, handle, message)?))
            })
        })
    }
}

fn seal(
    session: &Session,
    kek: ObjectHandle,
    aad: &[u8],
    data_key: &SecretKey,
) -> Result<Vec<u8>, Fault> {
    let mut nonce = [0u8; NONCE_LEN];
    rand::rngs::OsRng.fill_bytes(&mut nonce);
    let mut iv = nonce;
    let params = GcmParams::new(&mut iv, aad, Ulong::from(TAG_BITS))?;
    let sealed = session.encrypt(&Mechanism::AesGcm(params), kek, data_key.expose())?;
    let mut bytes = nonce.to_vec();
    bytes.extend_from_slice(&sealed);
    Ok(bytes)
}

/// Opens a sealed data key. A tag that does not match is `OpenFailed`. The standard answer
/// is CKR_ENCRYPTED_DATA_INVALID; SoftHSM2 (2.6) answers CKR_GENERAL_ERROR from C_Decrypt
/// instead, which other tokens use for faults of their own. So a CKR_GENERAL_ERROR counts as
/// a mismatch only when the same key still seals and opens a probe at once: a token in
/// trouble stays an error (never "unreadable", which could let a roll-forward destroy an
/// epoch whose records are fine).
fn open(
    session: &Session,
    kek: ObjectHandle,
    aad: &[u8],
    bytes: &[u8],
) -> Result<SecretKey, Fault> {
    if bytes.len() != WRAPPED_LEN {
        return Err(CustodyError::OpenFailed.into());
    }
    let (nonce, sealed) = bytes.split_at(NONCE_LEN);
    let mut iv = nonce.to_vec();
    let params = GcmParams::new(&mut iv, aad, Ulong::from(TAG_BITS))?;
    match session.decrypt(&Mechanism::AesGcm(params), kek, sealed) {
        Ok(plain) => {
            let plain = Zeroizing::new(plain);
            SecretKey::from_slice(&plain).ok_or_else(|| CustodyError::OpenFailed.into())
        }
        Err(Pkcs11Error::Pkcs11(
            RvError::EncryptedDataInvalid | RvError::EncryptedDataLenRange,
            Function::Decrypt,
        )) => Err(CustodyError::OpenFailed.into()),
        Err(e @ Pkcs11Error::Pkcs11(RvError::GeneralError, Function::Decrypt)) => {
            let probe = SecretKey::generate();
            let sealed = seal(session, kek, b"muni-id/probe", &probe)?;
            match open_probe(session, kek, &sealed) {
                Some(opened) if opened.expose() == probe.expose() => {
                    Err(CustodyError::OpenFailed.into())
                }
                _ => Err(e.into()),
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// Opens the probe `open` sealed to tell a mismatch from a fault.
fn open_probe(session: &Session, kek: ObjectHandle, bytes: &[u8]) -> Option<SecretKey> {
    let (nonce, sealed) = bytes.split_at(NONCE_LEN);
    let mut iv = nonce.to_vec();
    let params = GcmParams::new(&mut iv, b"muni-id/probe", Ulong::from(TAG_BITS)).ok()?;
    let plain = Zeroizing::new(
        session
            .decrypt(&Mechanism::AesGcm(params), kek, sealed)
            .ok()?,
    );
    SecretKey::from_slice(&plain)
}

/// Opens with each object of the version in turn (more than one only after two processes made
/// the version at once, each sealing under its own until they saw the other).
fn open_any(
    session: &Session,
    held: &Held,
    candidates: &[&KeyObject],
    aad: &[u8],
    bytes: &[u8],
) -> Result<SecretKey, Fault> {
    let mut outcome = Err(CustodyError::OpenFailed.into());
    for key in candidates {
        outcome = open(session, held.handle(session, key)?, aad, bytes);
        if !matches!(outcome, Err(Fault::Custody(CustodyError::OpenFailed))) {
            break;
        }
    }
    outcome
}

impl KeyCustody for Pkcs11Custody {
    fn describe(&self) -> String {
        self.description.clone()
    }

    fn check(&self) -> Result<(), CustodyError> {
        self.token.with_session(|s| self.own_objects(s))?;
        Ok(())
    }

    fn prepare(&self, from: Epoch, months: u32) -> Result<usize, CustodyError> {
        let wanted: Vec<Epoch> = (0..=months).map(|m| from.plus_months(m)).collect();
        // As read a moment ago (every enrollment prepares its month): a key destroyed since is
        // noticed when it is used.
        let missing: Vec<Epoch> = self.token.with_session(|s| {
            let mut missing = Vec::new();
            for epoch in &wanted {
                let view = self.recent_view(s, *epoch)?.view;
                if !view.is_live() || view.index_key().is_none() {
                    missing.push(*epoch);
                }
            }
            Ok(missing)
        })?;
        if missing.is_empty() {
            return Ok(0);
        }
        Ok(self.changing(|s| {
            let mut added = 0;
            for epoch in missing {
                added += usize::from(self.ensure_epoch(s, epoch, true)?.1);
            }
            Ok(added)
        })?)
    }

    fn wrap(
        &self,
        epoch: Epoch,
        record_id: &str,
        data_key: &SecretKey,
    ) -> Result<WrappedKey, CustodyError> {
        let (version, bytes) = self.with_live_epoch(epoch, |s, held| {
            let kek = held
                .view
                .current()
                .ok_or(CustodyError::UnknownKey { epoch, version: 0 })?;
            let aad = wrap_aad(record_id, epoch, kek.version);
            Ok((kek.version, seal(s, held.handle(s, kek)?, &aad, data_key)?))
        })?;
        Ok(WrappedKey {
            epoch,
            version,
            bytes,
        })
    }

    fn unwrap(&self, record_id: &str, wrapped: &WrappedKey) -> Result<SecretKey, CustodyError> {
        let (epoch, version) = (wrapped.epoch, wrapped.version);
        let aad = wrap_aad(record_id, epoch, version);
        Ok(self.retry_if_vanished(epoch, || {
            self.token
                .with_session(|s| self.open_wrapped(s, epoch, version, &aad, wrapped))
        })?)
    }

    fn index(&self, epoch: Epoch, message: &[u8]) -> Result<Vec<u8>, CustodyError> {
        Ok(self.with_live_epoch(epoch, |s, held| {
            let key = held
                .view
                .index_key()
                .ok_or(CustodyError::UnknownKey { epoch, version: 0 })?;
            Ok(s.sign(&Mechanism::Sha256Hmac, held.handle(s, key)?, message)?)
        })?)
    }

    /// Under every epoch named on the token (as read a moment ago) that is live; one destroyed
    /// by another server meanwhile is left out.
    fn index_live(&self, message: &[u8]) -> Result<Vec<Vec<u8>>, CustodyError> {
        let named = self.token.with_session(|s| self.recent_epochs(s))?;
        let mut indexes = Vec::new();
        for epoch in named.iter() {
            match self.index_if_live(*epoch, message) {
                Ok(index) => indexes.extend(index),
                Err(Fault::Custody(CustodyError::EpochDestroyed(_))) => {}
                Err(fault) => return Err(fault.into()),
            }
        }
        Ok(indexes)
    }

    fn destroy(&self, epoch: Epoch, at: DateTime<Utc>) -> Result<bool, CustodyError> {
        Ok(self.changing(|s| self.destroy_epoch(s, epoch, at))?)
    }

    fn add_versions(&self) -> Result<Vec<(Epoch, u32)>, CustodyError> {
        Ok(self.changing(|s| {
            let mut added = Vec::new();
            for (epoch, view) in self.all_epochs(s)? {
                if let Some(current) = view.current() {
                    let next = current.version + 1;
                    let label = self.kek_label(epoch);
                    objects::generate_secret(s, SecretKind::Aes, &label, next)?;
                    added.push((epoch, next));
                }
            }
            Ok(added)
        })?)
    }

    fn retire_old_versions(&self, epoch: Epoch) -> Result<usize, CustodyError> {
        Ok(self.changing(|s| {
            let view = self.view(s, epoch)?;
            let Some(current) = view.current().map(|k| k.version) else {
                return Ok(0);
            };
            let old: Vec<&KeyObject> = view.keks.iter().filter(|k| k.version < current).collect();
            for key in &old {
                s.destroy_object(key.handle)?;
            }
            let mut versions: Vec<u32> = old.iter().map(|k| k.version).collect();
            versions.dedup();
            Ok(versions.len())
        })?)
    }

    fn inventory(&self) -> Result<KeyInventory, CustodyError> {
        Ok(self.token.with_session(|s| self.read_inventory(s))?)
    }

    fn ratchet_month(&self) -> Result<Option<Epoch>, CustodyError> {
        Ok(self.token.with_session(|s| self.recent_ratchet(s))?)
    }

    fn advance_ratchet(&self, month: Epoch) -> Result<(), CustodyError> {
        Ok(self.changing(|s| {
            if self.read_ratchet(s)?.is_some_and(|m| m >= month) {
                return Ok(());
            }
            let (label, application) = (self.ratchet_label(), self.application());
            objects::create_data(s, &application, &label, month.id().as_bytes())
        })?)
    }

    /// The reuse time, and as long again for a wrap made just before it ran out to reach the
    /// database.
    fn settle_time(&self) -> std::time::Duration {
        super::recent::VIEW_REFRESH * 2
    }

    fn is_destroyed(&self, epoch: Epoch) -> Result<bool, CustodyError> {
        let view = self.token.with_session(|s| self.view(s, epoch))?;
        Ok(view.destroyed.is_some() && !view.is_live())
    }
}

impl Pkcs11Custody {
    fn open_wrapped(
        &self,
        session: &Session,
        epoch: Epoch,
        version: u32,
        aad: &[u8],
        wrapped: &WrappedKey,
    ) -> Result<SecretKey, Fault> {
        let mut held = self.recent_view(session, epoch)?;
        if held.is_reused() && held.view.keks_of(version).next().is_none() {
            // A version made by another server since it was read.
            self.recent.forget(epoch);
            held = Held::fresh(self.view(session, epoch)?);
        }
        let view = &held.view;
        if view.destroyed.is_some() && version <= view.through() {
            return Err(CustodyError::EpochDestroyed(epoch).into());
        }
        let candidates: Vec<&KeyObject> = view.keks_of(version).collect();
        if candidates.is_empty() {
            self.own_objects(session)?;
            return Err(CustodyError::UnknownKey { epoch, version }.into());
        }
        open_any(session, &held, &candidates, aad, &wrapped.bytes)
    }

    /// Writes the destroyed marker first, then destroys every key object of the epoch: a crash
    /// in between leaves the epoch destroyed (its objects are condemned by the marker).
    fn destroy_epoch(
        &self,
        session: &Session,
        epoch: Epoch,
        at: DateTime<Utc>,
    ) -> Result<bool, Fault> {
        let view = self.view(session, epoch)?;
        let had_keys = view.is_live();
        if had_keys || view.destroyed.is_none() {
            let live = view.keks.iter().chain(&view.index_keys);
            let marker = Destroyed {
                at,
                through_version: live.map(|k| k.version).max().unwrap_or(0),
            };
            let (label, application) = (self.destroyed_label(epoch), self.application());
            objects::create_data(session, &application, &label, &destroyed_value(&marker))?;
        }
        let every = view
            .keks
            .iter()
            .chain(&view.index_keys)
            .chain(&view.condemned);
        for key in every {
            session.destroy_object(key.handle)?;
        }
        Ok(had_keys)
    }
}

/// Seals under a given key object, as another process would have.
#[cfg(test)]
pub(super) fn seal_for_test(
    session: &Session,
    kek: ObjectHandle,
    aad: &[u8],
    data_key: &SecretKey,
) -> Result<Vec<u8>, Fault> {
    seal(session, kek, aad, data_key)
}
