//! The epoch keys as transit keys: which exist, their versions, creating and destroying them,
//! and the destroyed markers that outlive them. The wrapping itself is in `wrapping.rs`.

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::api::ApiError;
use super::kv::Change;
use super::{KnownVersion, OpenBaoCustody, VERSION_CACHE};
use crate::crypto::custody::{CustodyError, KeyInventory};
use crate::crypto::keyring::Epoch;

/// KV `<prefix>epochs/<epoch>`: the epoch's keys were destroyed at `destroyed_at`, and every
/// key version up to `through_version` with them.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct DestroyedMarker {
    pub destroyed_at: DateTime<Utc>,
    pub through_version: u32,
}

/// A transit key's versions.
#[derive(Debug, Clone, Copy, Deserialize)]
pub(super) struct TransitVersions {
    pub latest_version: u32,
    pub min_decryption_version: u32,
}

/// The wrapper around a whole call's failure.
pub(super) fn failed(what: &str) -> impl Fn(ApiError) -> CustodyError + '_ {
    move |e| e.into_custody(what)
}

impl OpenBaoCustody {
    pub(super) fn kek_name(&self, epoch: Epoch) -> String {
        format!("{}kek-{}", self.prefix, epoch.id())
    }

    pub(super) fn idx_name(&self, epoch: Epoch) -> String {
        format!("{}idx-{}", self.prefix, epoch.id())
    }

    pub(super) fn marker(&self, epoch: Epoch) -> Result<Option<DestroyedMarker>, CustodyError> {
        let name = format!("epochs/{}", epoch.id());
        Ok(self
            .kv_read(&name)
            .map_err(failed("reading a destroyed marker"))?
            .0)
    }

    /// The versions of an epoch's key-encryption key, if it exists.
    pub(super) fn kek_versions(
        &self,
        epoch: Epoch,
    ) -> Result<Option<TransitVersions>, CustodyError> {
        let body = match self.api.get(&self.key_path(&self.kek_name(epoch))) {
            Err(e) if e.is_missing() => return Ok(None),
            other => other.map_err(failed("reading an epoch key"))?,
        };
        let data = body.get("data").cloned().unwrap_or(Value::Null);
        serde_json::from_value(data)
            .map(Some)
            .map_err(|e| CustodyError::Failed(format!("openbao: an epoch key's answer: {e}")))
    }

    /// The version a wrap uses now (read at most every [`VERSION_CACHE`]); a new epoch gets
    /// its keys, a destroyed one answers `EpochDestroyed`.
    pub(super) fn current_version(&self, epoch: Epoch) -> Result<KnownVersion, CustodyError> {
        let cached = self.versions_cache().get(&epoch).copied();
        if let Some(known) = cached.filter(|k| k.read_at.elapsed() < VERSION_CACHE) {
            return Ok(known);
        }
        let versions = match self.kek_versions(epoch)? {
            Some(versions) => versions,
            None => {
                self.create_new_epoch(epoch)?;
                self.kek_versions(epoch)?
                    .ok_or(CustodyError::EpochDestroyed(epoch))?
            }
        };
        let offset = self.marker(epoch)?.map_or(0, |m| m.through_version);
        let known = KnownVersion {
            read_at: Instant::now(),
            transit: versions.latest_version,
            offset,
        };
        self.versions_cache().insert(epoch, known);
        Ok(known)
    }

    pub(super) fn forget_version(&self, epoch: Epoch) {
        self.versions_cache().remove(&epoch);
    }

    fn versions_cache(
        &self,
    ) -> std::sync::MutexGuard<'_, std::collections::HashMap<Epoch, KnownVersion>> {
        self.versions.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Creates the keys of an epoch that never had any. Refused for a destroyed epoch, also
    /// when another instance destroys it while the keys are being made (they are deleted
    /// again).
    pub(super) fn create_new_epoch(&self, epoch: Epoch) -> Result<(), CustodyError> {
        if self.marker(epoch)?.is_some() {
            return Err(CustodyError::EpochDestroyed(epoch));
        }
        self.create_epoch_keys(epoch)?;
        if self.marker(epoch)?.is_some() {
            self.delete_epoch_keys(epoch)?;
            return Err(CustodyError::EpochDestroyed(epoch));
        }
        Ok(())
    }

    /// The blind-index key first: an epoch whose key-encryption key exists is complete.
    fn create_epoch_keys(&self, epoch: Epoch) -> Result<(), CustodyError> {
        self.create_key(&self.idx_name(epoch), "hmac")
            .map_err(failed("creating a blind-index key"))?;
        self.create_key(&self.kek_name(epoch), "aes256-gcm96")
            .map_err(failed("creating an epoch key"))?;
        Ok(())
    }

    /// Deletes both keys, the blind-index key first (an epoch is listed by its key-encryption
    /// key, so one whose deletion stopped half-way stays listed and is destroyed again);
    /// returns whether the key-encryption key was there.
    fn delete_epoch_keys(&self, epoch: Epoch) -> Result<bool, CustodyError> {
        self.forget_version(epoch);
        self.delete_key(&self.idx_name(epoch))
            .map_err(failed("deleting a blind-index key"))?;
        let had = self
            .delete_key(&self.kek_name(epoch))
            .map_err(failed("deleting an epoch key"))?;
        self.forget_version(epoch);
        Ok(had)
    }

    pub(super) fn prepare_epochs(&self, from: Epoch, months: u32) -> Result<usize, CustodyError> {
        let mut added = 0;
        for epoch in (0..=months).map(|m| from.plus_months(m)) {
            if self.kek_versions(epoch)?.is_none() {
                // A destroyed epoch keeps its marker: its new versions count on from it.
                self.create_epoch_keys(epoch)?;
                self.forget_version(epoch);
                added += 1;
            }
        }
        Ok(added)
    }

    /// Writes the destroyed marker (through the current version), then deletes the keys.
    pub(super) fn destroy_epoch(
        &self,
        epoch: Epoch,
        at: DateTime<Utc>,
    ) -> Result<bool, CustodyError> {
        let versions = self.kek_versions(epoch)?;
        let name = format!("epochs/{}", epoch.id());
        self.kv_update(&name, |marker: Option<DestroyedMarker>| {
            let offset = marker.as_ref().map_or(0, |m| m.through_version);
            Ok::<_, CustodyError>(match (versions, marker) {
                (None, Some(marker)) => Change::Keep(marker),
                (versions, _) => {
                    let through = offset + versions.map_or(0, |v| v.latest_version);
                    let marker = DestroyedMarker {
                        destroyed_at: at,
                        through_version: through,
                    };
                    Change::Write(marker.clone(), marker)
                }
            })
        })?;
        let had = self.delete_epoch_keys(epoch)?;
        Ok(had || versions.is_some())
    }

    /// The epochs whose key-encryption key exists.
    fn live_epochs(&self) -> Result<Vec<Epoch>, CustodyError> {
        let names = self
            .api
            .list(&format!("{}/keys", self.transit))
            .map_err(failed("listing the transit keys"))?;
        let kek = format!("{}kek-", self.prefix);
        let mut epochs: Vec<Epoch> = names
            .iter()
            .filter_map(|n| n.strip_prefix(&kek).and_then(Epoch::parse))
            .collect();
        epochs.sort();
        Ok(epochs)
    }

    fn markers(&self) -> Result<BTreeMap<Epoch, DestroyedMarker>, CustodyError> {
        let mut markers = BTreeMap::new();
        let names = self
            .kv_list("epochs/")
            .map_err(failed("listing the destroyed markers"))?;
        for epoch in names.iter().filter_map(|n| Epoch::parse(n)) {
            if let Some(marker) = self.marker(epoch)? {
                markers.insert(epoch, marker);
            }
        }
        Ok(markers)
    }

    pub(super) fn read_inventory(&self) -> Result<KeyInventory, CustodyError> {
        let markers = self.markers()?;
        let mut inventory = KeyInventory::default();
        for epoch in self.live_epochs()? {
            // Destroyed since the list was read: not live.
            let Some(versions) = self.kek_versions(epoch)? else {
                continue;
            };
            let offset = markers.get(&epoch).map_or(0, |m| m.through_version);
            inventory
                .live
                .push((epoch, offset + versions.latest_version));
            inventory.rotating |= versions.min_decryption_version < versions.latest_version;
        }
        inventory.destroyed = markers
            .iter()
            .map(|(epoch, marker)| (*epoch, marker.destroyed_at))
            .collect();
        Ok(inventory)
    }

    pub(super) fn add_epoch_versions(&self) -> Result<Vec<(Epoch, u32)>, CustodyError> {
        let mut added = Vec::new();
        for epoch in self.live_epochs()? {
            let rotate = format!("{}/rotate", self.key_path(&self.kek_name(epoch)));
            match self.api.post(&rotate, &serde_json::json!({})) {
                Err(e) if e.is_missing() => continue,
                other => other.map_err(failed("rotating an epoch key"))?,
            };
            self.forget_version(epoch);
            let known = self.current_version(epoch)?;
            added.push((epoch, known.offset + known.transit));
        }
        Ok(added)
    }

    /// Makes the versions before the latest unusable (`min_decryption_version`) and then
    /// removes them from the key (`trim`).
    pub(super) fn retire_epoch_versions(&self, epoch: Epoch) -> Result<usize, CustodyError> {
        let Some(versions) = self.kek_versions(epoch)? else {
            return Ok(0);
        };
        let latest = versions.latest_version;
        if versions.min_decryption_version >= latest {
            return Ok(0);
        }
        let path = self.key_path(&self.kek_name(epoch));
        let floor = serde_json::json!({
            "min_decryption_version": latest,
            "min_encryption_version": latest,
        });
        self.api
            .post(&format!("{path}/config"), &floor)
            .map_err(failed("retiring old epoch key versions"))?;
        let trim = serde_json::json!({ "min_available_version": latest });
        self.api
            .post(&format!("{path}/trim"), &trim)
            .map_err(failed("trimming old epoch key versions"))?;
        Ok((latest - versions.min_decryption_version) as usize)
    }

    pub(super) fn read_ratchet(&self) -> Result<Option<Epoch>, CustodyError> {
        let (doc, _) = self
            .kv_read::<RatchetDoc>("ratchet")
            .map_err(failed("reading the ratchet month"))?;
        Ok(doc.and_then(|d| Epoch::parse(&d.month)))
    }

    pub(super) fn raise_ratchet(&self, month: Epoch) -> Result<(), CustodyError> {
        self.kv_update("ratchet", |doc: Option<RatchetDoc>| {
            let now = doc.as_ref().and_then(|d| Epoch::parse(&d.month));
            Ok::<_, CustodyError>(if now.is_some_and(|m| m >= month) {
                Change::Keep(())
            } else {
                Change::Write(RatchetDoc { month: month.id() }, ())
            })
        })
    }
}

/// KV `<prefix>ratchet`.
#[derive(Serialize, Deserialize)]
struct RatchetDoc {
    month: String,
}
