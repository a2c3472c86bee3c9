//! The epochs as the token holds them: each epoch's key objects, its destroyed markers and the
//! ratchet marks, read afresh (the request paths reuse a recent reading: `recent`).
//!
//! An epoch's destroyed markers say up to which key version its keys were destroyed. A key
//! object of a version at or below that is condemned: never used, and destroyed by the next
//! `destroy` (a crash between writing the marker and destroying the objects leaves the epoch
//! destroyed all the same).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use cryptoki::session::Session;
use serde::{Deserialize, Serialize};

use super::objects::{self, KeyObject};
use super::{Fault, Pkcs11Custody};
use crate::crypto::custody::{CustodyError, KeyInventory};
use crate::crypto::keyring::Epoch;

/// The value of a destroyed marker.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(super) struct Destroyed {
    pub at: DateTime<Utc>,
    /// Every key version up to this one was destroyed.
    pub through_version: u32,
}

impl Destroyed {
    fn merge(self, other: Destroyed) -> Destroyed {
        Destroyed {
            at: self.at.max(other.at),
            through_version: self.through_version.max(other.through_version),
        }
    }
}

/// One epoch's objects.
#[derive(Debug, Default)]
pub(super) struct EpochView {
    pub destroyed: Option<Destroyed>,
    /// Live key-encryption keys, ordered by CKA_ID (so by version).
    pub keks: Vec<KeyObject>,
    /// Live blind-index keys, ordered by CKA_ID.
    pub index_keys: Vec<KeyObject>,
    /// Key objects of destroyed versions.
    pub condemned: Vec<KeyObject>,
}

impl EpochView {
    pub fn through(&self) -> u32 {
        self.destroyed.map_or(0, |d| d.through_version)
    }

    /// The current key-encryption key: the highest version, its lowest CKA_ID.
    pub fn current(&self) -> Option<&KeyObject> {
        let version = self.keks.last()?.version;
        self.keks.iter().find(|k| k.version == version)
    }

    /// The blind-index key: of the highest version, the lowest CKA_ID.
    pub fn index_key(&self) -> Option<&KeyObject> {
        let version = self.index_keys.last()?.version;
        self.index_keys.iter().find(|k| k.version == version)
    }

    /// Every object of a key-encryption key version (more than one only after two processes
    /// made it at once).
    pub fn keks_of(&self, version: u32) -> impl Iterator<Item = &KeyObject> {
        self.keks.iter().filter(move |k| k.version == version)
    }

    pub fn versions(&self) -> Vec<u32> {
        let mut versions: Vec<u32> = self.keks.iter().map(|k| k.version).collect();
        versions.dedup();
        versions
    }

    pub fn is_live(&self) -> bool {
        !self.keks.is_empty()
    }

    /// Sorts objects of an epoch into live and condemned.
    fn sort_in(&mut self, kek: bool, key: KeyObject) {
        if key.version <= self.through() {
            self.condemned.push(key);
        } else if kek {
            self.keks.push(key);
        } else {
            self.index_keys.push(key);
        }
    }
}

impl Pkcs11Custody {
    pub(super) fn kek_label(&self, epoch: Epoch) -> String {
        self.label(&format!("kek/{epoch}"))
    }

    pub(super) fn index_label(&self, epoch: Epoch) -> String {
        self.label(&format!("idx/{epoch}"))
    }

    /// The epoch's entry in this deployment's list of epochs (a data object, found with the
    /// others by CKA_APPLICATION, so listing never scans the token's keys).
    pub(super) fn epoch_label(&self, epoch: Epoch) -> String {
        self.label(&format!("epoch/{epoch}"))
    }

    pub(super) fn destroyed_label(&self, epoch: Epoch) -> String {
        self.label(&format!("destroyed/{epoch}"))
    }

    pub(super) fn ratchet_label(&self) -> String {
        self.label("ratchet")
    }

    /// One epoch as the token holds it now.
    pub(super) fn view(&self, session: &Session, epoch: Epoch) -> Result<EpochView, Fault> {
        let mut view = EpochView::default();
        for value in objects::data_values(session, &self.destroyed_label(epoch))? {
            let marker = parse_destroyed(&value)?;
            view.destroyed = Some(view.destroyed.map_or(marker, |d| d.merge(marker)));
        }
        for key in objects::keys_labelled(session, &self.kek_label(epoch))? {
            view.sort_in(true, key);
        }
        for key in objects::keys_labelled(session, &self.index_label(epoch))? {
            view.sort_in(false, key);
        }
        Ok(view)
    }

    /// Every epoch of this deployment on the token: those its list of epochs and its
    /// destruction markers name (its own data objects, found by CKA_APPLICATION), each read by
    /// its labels. The cost follows this deployment's epochs, not what else the token holds.
    pub(super) fn all_epochs(
        &self,
        session: &Session,
    ) -> Result<BTreeMap<Epoch, EpochView>, Fault> {
        self.named_epochs(session)?
            .into_iter()
            .map(|epoch| Ok((epoch, self.view(session, epoch)?)))
            .collect()
    }

    /// The epochs this deployment's list of epochs and destruction markers name.
    pub(super) fn named_epochs(&self, session: &Session) -> Result<BTreeSet<Epoch>, Fault> {
        let (listed, destroyed) = (self.label("epoch/"), self.label("destroyed/"));
        let mut named = BTreeSet::new();
        for (label, _) in self.own_objects(session)? {
            let epoch = label
                .strip_prefix(&listed)
                .or_else(|| label.strip_prefix(&destroyed))
                .and_then(Epoch::parse);
            named.extend(epoch);
        }
        Ok(named)
    }

    pub(super) fn read_inventory(&self, session: &Session) -> Result<KeyInventory, Fault> {
        let epochs = self.all_epochs(session)?;
        let live = epochs.iter().filter(|(_, view)| view.is_live());
        Ok(KeyInventory {
            live: live
                .clone()
                .filter_map(|(epoch, view)| Some((*epoch, view.current()?.version)))
                .collect(),
            destroyed: epochs
                .iter()
                .filter_map(|(epoch, view)| Some((*epoch, view.destroyed?.at)))
                .collect(),
            rotating: live.into_iter().any(|(_, view)| view.versions().len() > 1),
        })
    }

    /// The month of the latest roll-forward: the highest ratchet mark.
    pub(super) fn read_ratchet(&self, session: &Session) -> Result<Option<Epoch>, Fault> {
        let mut month = None;
        for value in objects::data_values(session, &self.ratchet_label())? {
            let text = String::from_utf8_lossy(&value);
            let mark = Epoch::parse(&text).ok_or_else(|| {
                CustodyError::Failed(format!("a ratchet mark on the token reads `{text}`"))
            })?;
            month = month.max(Some(mark));
        }
        Ok(month)
    }
}

fn parse_destroyed(value: &[u8]) -> Result<Destroyed, Fault> {
    serde_json::from_slice(value).map_err(|e| {
        CustodyError::Failed(format!(
            "a destroyed marker on the token does not read: {e}"
        ))
        .into()
    })
}

pub(super) fn destroyed_value(marker: &Destroyed) -> Vec<u8> {
    // A struct of a date and a number always serialises.
    serde_json::to_vec(marker).unwrap_or_default()
}
