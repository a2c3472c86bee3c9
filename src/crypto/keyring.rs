//! The key ring: one key-encryption key (KEK) and one blind-index key per retention epoch (the
//! month in which the data it protects is due for destruction). It lives outside the database,
//! in a file only the service may read; destroying an epoch's keys makes every copy of the
//! database, backups included, unreadable for the residents whose data was due by then.
//!
//! Several server instances may share one key-ring file: every change takes an exclusive file
//! lock, re-reads the file, applies the change and replaces the file atomically. Every use of a
//! key first checks (one `stat`) whether the file changed, so an epoch destroyed by another
//! instance or by the command line is gone from this one's memory before its next use.
//!
//! The file also records how far the ratchet has advanced (the month of the latest
//! roll-forward), so a roll-forward run `--as-of` a later day is never undone by the calendar.

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::RwLock;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::custody::KeyInventory;
use super::key_file;
use super::secret::SecretKey;

const FILE_FORMAT: u32 = 1;

/// For an epoch destroyed by a release that did not record up to which key version: all
/// versions up to this one count as destroyed; keys made anew start after it.
const LEGACY_DESTROYED_THROUGH: u32 = 1_000_000;

/// A retention epoch: the calendar month in which protected data is due for destruction.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Epoch {
    year: i32,
    month: u32,
}

impl Epoch {
    pub fn of(date: NaiveDate) -> Self {
        Self {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn parse(id: &str) -> Option<Self> {
        let (year, month) = id.split_once('-')?;
        let (year, month) = (year.parse().ok()?, month.parse().ok()?);
        (id.len() == 7 && (1..=12).contains(&month)).then_some(Self { year, month })
    }

    pub fn id(&self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day whose data this epoch protects; after it the epoch may be destroyed.
    pub fn last_day(&self) -> NaiveDate {
        self.plus_months(1)
            .first_day()
            .pred_opt()
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn plus_months(&self, months: u32) -> Self {
        Self::of(
            self.first_day()
                .checked_add_months(Months::new(months))
                .unwrap_or(NaiveDate::MAX),
        )
    }
}

impl std::fmt::Debug for Epoch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Epoch({})", self.id())
    }
}

impl std::fmt::Display for Epoch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.id())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum KeyRingError {
    #[error("the key ring {0} does not exist (keys.create_if_missing is false)")]
    Missing(PathBuf),
    #[error(
        "the key ring {path} can be read by other users (mode {mode:o}); run `chmod 600 {path}`"
    )]
    LoosePermissions { path: PathBuf, mode: u32 },
    #[error("the key ring {path}: {message}")]
    Corrupt { path: PathBuf, message: String },
    #[error("the key ring {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the keys of epoch {0} were destroyed")]
    EpochDestroyed(Epoch),
    #[error("the key ring has no key version {version} for epoch {epoch}")]
    UnknownKey { epoch: Epoch, version: u32 },
}

#[derive(Clone)]
pub struct EpochKeys {
    pub index_key: SecretKey,
    /// Key-encryption keys by version; the highest is current, older ones live only while
    /// a rotation re-wraps the data keys they protect.
    pub keks: BTreeMap<u32, SecretKey>,
}

impl EpochKeys {
    fn generate() -> Self {
        Self::generate_after(0)
    }

    /// Fresh keys whose versions start after `version` (an epoch destroyed early, beyond the
    /// ratchet's window, is opened anew when the window reaches it: its old versions stay
    /// destroyed, so nothing wrapped under them opens).
    fn generate_after(version: u32) -> Self {
        Self {
            index_key: SecretKey::generate(),
            keks: BTreeMap::from([(version.saturating_add(1), SecretKey::generate())]),
        }
    }

    pub fn current(&self) -> Option<(u32, &SecretKey)> {
        self.keks.iter().next_back().map(|(v, k)| (*v, k))
    }
}

#[derive(Clone, Default)]
struct RingState {
    epochs: BTreeMap<Epoch, EpochKeys>,
    destroyed: BTreeMap<Epoch, Destroyed>,
    /// The month of the latest roll-forward: the ratchet never stands earlier than this.
    ratchet_month: Option<Epoch>,
    /// Which version of the file this state was read from.
    stamp: Option<FileStamp>,
}

/// When an epoch's keys were destroyed, and up to which key version.
#[derive(Clone, Copy, Debug)]
struct Destroyed {
    at: DateTime<Utc>,
    through_version: u32,
}

/// Identifies one version of the key-ring file: every change replaces the file (a new inode)
/// and sets its modification time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct FileStamp {
    dev: u64,
    ino: u64,
    len: u64,
    mtime_ns: i64,
}

impl FileStamp {
    fn of(metadata: &fs::Metadata) -> Self {
        Self {
            dev: metadata.dev(),
            ino: metadata.ino(),
            len: metadata.len(),
            mtime_ns: metadata
                .mtime()
                .saturating_mul(1_000_000_000)
                .saturating_add(metadata.mtime_nsec()),
        }
    }
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RingFile {
    format: u32,
    epochs: Vec<EpochFile>,
    destroyed: Vec<DestroyedFile>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ratchet_month: Option<String>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EpochFile {
    epoch: String,
    index_key: String,
    keks: Vec<KekFile>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KekFile {
    version: u32,
    key: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct DestroyedFile {
    epoch: String,
    destroyed_at: DateTime<Utc>,
    /// Every key version up to this one was destroyed; absent: all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    through_version: Option<u32>,
}

pub struct KeyRing {
    path: PathBuf,
    state: RwLock<RingState>,
}

/// Whether opening the key ring created it (the caller warns, once, loudly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    Existing,
    Created,
}

impl KeyRing {
    pub fn open(path: &Path, create_if_missing: bool) -> Result<(Self, Opened), KeyRingError> {
        let opened = if path.exists() {
            Opened::Existing
        } else if create_if_missing {
            write_atomically(path, &RingState::default())?;
            Opened::Created
        } else {
            return Err(KeyRingError::Missing(path.to_owned()));
        };
        let state = read_ring(path)?;
        let ring = Self {
            path: path.to_owned(),
            state: RwLock::new(state),
        };
        Ok((ring, opened))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn read_state(&self) -> std::sync::RwLockReadGuard<'_, RingState> {
        self.state.read().unwrap_or_else(|p| p.into_inner())
    }

    /// The state as the file holds it now: re-read when another process changed the file, so
    /// a destroyed epoch never outlives its destruction in this process's memory.
    fn fresh_state(&self) -> Result<std::sync::RwLockReadGuard<'_, RingState>, KeyRingError> {
        let metadata = fs::metadata(&self.path).map_err(|e| io_error(&self.path, e))?;
        let stamp = FileStamp::of(&metadata);
        if self.read_state().stamp != Some(stamp) {
            let fresh = read_ring(&self.path)?;
            *self.state.write().unwrap_or_else(|p| p.into_inner()) = fresh;
        }
        Ok(self.read_state())
    }

    /// Applies a change under the file lock, to the freshest state on disk.
    fn modify<T>(
        &self,
        change: impl FnOnce(&mut RingState) -> Result<T, KeyRingError>,
    ) -> Result<T, KeyRingError> {
        let lock_path = self.path.with_extension("lock");
        let lock_file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(0o600)
            .open(&lock_path)
            .map_err(|e| io_error(&lock_path, e))?;
        lock_file.lock().map_err(|e| io_error(&lock_path, e))?;
        let mut state = read_ring(&self.path)?;
        let out = change(&mut state)?;
        write_atomically(&self.path, &state)?;
        state.stamp = fs::metadata(&self.path).ok().map(|m| FileStamp::of(&m));
        *self.state.write().unwrap_or_else(|p| p.into_inner()) = state;
        // Dropping the file releases the lock.
        drop(lock_file);
        Ok(out)
    }

    /// Makes sure the epochs from `from` for `months` months have keys. An epoch destroyed
    /// before it began (beyond the ratchet's window) gets new keys under new versions; the
    /// caller never names an epoch that is over. Returns how many were added.
    pub fn prepare(&self, from: Epoch, months: u32) -> Result<usize, KeyRingError> {
        let wanted: Vec<Epoch> = (0..=months).map(|m| from.plus_months(m)).collect();
        let missing = {
            let state = self.fresh_state()?;
            wanted.iter().any(|e| !state.epochs.contains_key(e))
        };
        if !missing {
            return Ok(0);
        }
        self.modify(|state| {
            let mut added = 0;
            for epoch in wanted {
                if !state.epochs.contains_key(&epoch) {
                    let after = state.destroyed.get(&epoch).map_or(0, |d| d.through_version);
                    state.epochs.insert(epoch, EpochKeys::generate_after(after));
                    added += 1;
                }
            }
            Ok(added)
        })
    }

    /// The keys of an epoch, created if the epoch is new. A destroyed epoch is not recreated
    /// here (only `prepare` opens one anew, for the ratchet's window).
    pub fn epoch_keys(&self, epoch: Epoch) -> Result<EpochKeys, KeyRingError> {
        {
            let state = self.fresh_state()?;
            if let Some(keys) = state.epochs.get(&epoch) {
                return Ok(keys.clone());
            }
            if state.destroyed.contains_key(&epoch) {
                return Err(KeyRingError::EpochDestroyed(epoch));
            }
        }
        self.modify(|state| {
            if let Some(keys) = state.epochs.get(&epoch) {
                return Ok(keys.clone());
            }
            if state.destroyed.contains_key(&epoch) {
                return Err(KeyRingError::EpochDestroyed(epoch));
            }
            Ok(state
                .epochs
                .entry(epoch)
                .or_insert_with(EpochKeys::generate)
                .clone())
        })
    }

    /// One key-encryption key, for opening a data key wrapped under it. Never creates keys.
    pub fn kek(&self, epoch: Epoch, version: u32) -> Result<SecretKey, KeyRingError> {
        let lookup = |state: &RingState| -> Result<Option<SecretKey>, KeyRingError> {
            if state
                .destroyed
                .get(&epoch)
                .is_some_and(|d| version <= d.through_version)
            {
                return Err(KeyRingError::EpochDestroyed(epoch));
            }
            Ok(state
                .epochs
                .get(&epoch)
                .and_then(|k| k.keks.get(&version))
                .cloned())
        };
        let state = self.fresh_state()?;
        lookup(&state)?.ok_or(KeyRingError::UnknownKey { epoch, version })
    }

    /// Destroys every key of `epoch`: data wrapped under it can never be opened again, in
    /// this database or in any copy of it. Idempotent.
    pub fn destroy(&self, epoch: Epoch, at: DateTime<Utc>) -> Result<bool, KeyRingError> {
        self.modify(|state| {
            let removed = state.epochs.remove(&epoch);
            let through = removed
                .as_ref()
                .and_then(|k| k.keks.keys().next_back().copied())
                .unwrap_or(0);
            let entry = state.destroyed.entry(epoch).or_insert(Destroyed {
                at,
                through_version: through,
            });
            if removed.is_some() {
                entry.at = at;
                entry.through_version = entry.through_version.max(through);
            }
            Ok(removed.is_some())
        })
    }

    /// Adds a new key-encryption key version to every live epoch (the start of a rotation);
    /// returns the new current version of each.
    pub fn add_versions(&self) -> Result<Vec<(Epoch, u32)>, KeyRingError> {
        self.modify(|state| {
            Ok(state
                .epochs
                .iter_mut()
                .map(|(epoch, keys)| {
                    let next = keys.current().map_or(1, |(v, _)| v + 1);
                    keys.keks.insert(next, SecretKey::generate());
                    (*epoch, next)
                })
                .collect())
        })
    }

    /// Removes the key versions of `epoch` older than its current one (the end of a rotation,
    /// once no data key is wrapped under them).
    pub fn retire_old_versions(&self, epoch: Epoch) -> Result<usize, KeyRingError> {
        self.modify(|state| {
            let Some(keys) = state.epochs.get_mut(&epoch) else {
                return Ok(0);
            };
            let Some((current, _)) = keys.current() else {
                return Ok(0);
            };
            let before = keys.keks.len();
            keys.keks.retain(|version, _| *version == current);
            Ok(before - keys.keks.len())
        })
    }

    /// The current key version of a live epoch.
    pub fn current_version(&self, epoch: Epoch) -> Result<Option<u32>, KeyRingError> {
        Ok(self
            .fresh_state()?
            .epochs
            .get(&epoch)
            .and_then(|k| k.current().map(|(v, _)| v)))
    }

    /// Whether an epoch's keys were destroyed (here or by another instance) and it has none.
    pub fn is_destroyed(&self, epoch: Epoch) -> Result<bool, KeyRingError> {
        let state = self.fresh_state()?;
        Ok(state.destroyed.contains_key(&epoch) && !state.epochs.contains_key(&epoch))
    }

    /// The month of the latest roll-forward, if any.
    pub fn ratchet_month(&self) -> Result<Option<Epoch>, KeyRingError> {
        Ok(self.fresh_state()?.ratchet_month)
    }

    /// Records that the ratchet has reached `month`; it never moves back.
    pub fn advance_ratchet(&self, month: Epoch) -> Result<(), KeyRingError> {
        if self.ratchet_month()?.is_some_and(|m| m >= month) {
            return Ok(());
        }
        self.modify(|state| {
            state.ratchet_month = state.ratchet_month.max(Some(month));
            Ok(())
        })
    }

    /// The blind-index keys of every epoch that still has keys, for an exact-match search.
    pub fn live_index_keys(&self) -> Result<Vec<(Epoch, SecretKey)>, KeyRingError> {
        Ok(self
            .fresh_state()?
            .epochs
            .iter()
            .map(|(e, k)| (*e, k.index_key.clone()))
            .collect())
    }

    /// Epochs with keys (and their current version), and the destroyed ones with when.
    pub fn inventory(&self) -> Result<KeyInventory, KeyRingError> {
        let state = self.fresh_state()?;
        Ok(KeyInventory {
            live: state
                .epochs
                .iter()
                .map(|(e, k)| (*e, k.current().map(|(v, _)| v).unwrap_or(0)))
                .collect(),
            destroyed: state.destroyed.iter().map(|(e, d)| (*e, d.at)).collect(),
            rotating: state.epochs.values().any(|k| k.keks.len() > 1),
        })
    }
}

fn io_error(path: &Path, source: std::io::Error) -> KeyRingError {
    KeyRingError::Io {
        path: path.to_owned(),
        source,
    }
}

fn corrupt(path: &Path, message: impl Into<String>) -> KeyRingError {
    KeyRingError::Corrupt {
        path: path.to_owned(),
        message: message.into(),
    }
}

fn read_ring(path: &Path) -> Result<RingState, KeyRingError> {
    let metadata = fs::metadata(path).map_err(|e| io_error(path, e))?;
    let mode = metadata.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(KeyRingError::LoosePermissions {
            path: path.to_owned(),
            mode,
        });
    }
    let stamp = FileStamp::of(&metadata);
    let text = Zeroizing::new(fs::read_to_string(path).map_err(|e| io_error(path, e))?);
    let file: RingFile =
        serde_json::from_str(&text).map_err(|e| corrupt(path, format!("not a key ring: {e}")))?;
    if file.format != FILE_FORMAT {
        return Err(corrupt(path, format!("unknown format {}", file.format)));
    }
    let decode_key = |b64: &str| -> Result<SecretKey, KeyRingError> {
        let bytes = Zeroizing::new(
            STANDARD
                .decode(b64)
                .map_err(|_| corrupt(path, "a key is not base64"))?,
        );
        SecretKey::from_slice(&bytes).ok_or_else(|| corrupt(path, "a key is not 32 bytes"))
    };
    let ratchet_month = file
        .ratchet_month
        .as_deref()
        .map(|m| Epoch::parse(m).ok_or_else(|| corrupt(path, format!("bad ratchet month `{m}`"))))
        .transpose()?;
    let mut state = RingState {
        ratchet_month,
        stamp: Some(stamp),
        ..RingState::default()
    };
    for entry in &file.epochs {
        let epoch = Epoch::parse(&entry.epoch)
            .ok_or_else(|| corrupt(path, format!("bad epoch `{}`", entry.epoch)))?;
        let mut keks = BTreeMap::new();
        for kek in &entry.keks {
            keks.insert(kek.version, decode_key(&kek.key)?);
        }
        if keks.is_empty() {
            return Err(corrupt(path, format!("epoch {epoch} has no key")));
        }
        let keys = EpochKeys {
            index_key: decode_key(&entry.index_key)?,
            keks,
        };
        state.epochs.insert(epoch, keys);
    }
    for gone in &file.destroyed {
        let epoch = Epoch::parse(&gone.epoch)
            .ok_or_else(|| corrupt(path, format!("bad epoch `{}`", gone.epoch)))?;
        state.destroyed.insert(
            epoch,
            Destroyed {
                at: gone.destroyed_at,
                // Written before versions were recorded: every version an older release could
                // have made (rotations add one each) is below this.
                through_version: gone.through_version.unwrap_or(LEGACY_DESTROYED_THROUGH),
            },
        );
    }
    Ok(state)
}

fn write_atomically(path: &Path, state: &RingState) -> Result<(), KeyRingError> {
    let file = RingFile {
        format: FILE_FORMAT,
        epochs: state
            .epochs
            .iter()
            .map(|(epoch, keys)| EpochFile {
                epoch: epoch.id(),
                index_key: STANDARD.encode(keys.index_key.expose()),
                keks: keys
                    .keks
                    .iter()
                    .map(|(version, key)| KekFile {
                        version: *version,
                        key: STANDARD.encode(key.expose()),
                    })
                    .collect(),
            })
            .collect(),
        destroyed: state
            .destroyed
            .iter()
            .map(|(epoch, d)| DestroyedFile {
                epoch: epoch.id(),
                destroyed_at: d.at,
                through_version: Some(d.through_version),
            })
            .collect(),
        ratchet_month: state.ratchet_month.map(|m| m.id()),
    };
    let text = Zeroizing::new(
        serde_json::to_string_pretty(&file).map_err(|e| corrupt(path, e.to_string()))?,
    );
    key_file::write_atomically(path, text.as_bytes()).map_err(|e| io_error(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn epoch(id: &str) -> Epoch {
        Epoch::parse(id).unwrap()
    }

    #[test]
    fn epochs_parse_and_count_months() {
        assert_eq!(epoch("2026-12").plus_months(1).id(), "2027-01");
        assert_eq!(
            epoch("2024-02").last_day(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        assert!(Epoch::parse("2026-13").is_none());
        assert!(Epoch::parse("26-01").is_none());
    }

    #[test]
    fn creates_a_private_file_and_reopens_the_same_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/keyring.json");
        let (ring, opened) = KeyRing::open(&path, true).unwrap();
        assert_eq!(opened, Opened::Created);
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let keys = ring.epoch_keys(epoch("2027-03")).unwrap();
        let (again, opened) = KeyRing::open(&path, true).unwrap();
        assert_eq!(opened, Opened::Existing);
        assert_eq!(
            again.kek(epoch("2027-03"), 1).unwrap(),
            *keys.current().unwrap().1
        );
    }

    #[test]
    fn refuses_a_key_ring_others_can_read_and_a_missing_one_when_told() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keyring.json");
        assert!(matches!(
            KeyRing::open(&path, false),
            Err(KeyRingError::Missing(_))
        ));
        KeyRing::open(&path, true).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            KeyRing::open(&path, true),
            Err(KeyRingError::LoosePermissions { .. })
        ));
    }

    #[test]
    fn a_destroyed_epoch_stays_destroyed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.json");
        let (ring, _) = KeyRing::open(&path, true).unwrap();
        let e = epoch("2026-10");
        ring.epoch_keys(e).unwrap();
        assert!(ring.destroy(e, Utc::now()).unwrap());
        assert!(!ring.destroy(e, Utc::now()).unwrap());
        assert!(matches!(
            ring.kek(e, 1),
            Err(KeyRingError::EpochDestroyed(_))
        ));
        assert!(matches!(
            ring.epoch_keys(e),
            Err(KeyRingError::EpochDestroyed(_))
        ));
        let (reopened, _) = KeyRing::open(&path, true).unwrap();
        assert!(matches!(
            reopened.kek(e, 1),
            Err(KeyRingError::EpochDestroyed(_))
        ));
        assert!(!fs::read_to_string(&path)
            .unwrap()
            .contains("\"2026-10\",\n      \"index_key"));
        assert_eq!(reopened.inventory().unwrap().destroyed.len(), 1);
    }

    #[test]
    fn an_epoch_destroyed_ahead_of_the_window_reopens_under_new_versions_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.json");
        let (ring, _) = KeyRing::open(&path, true).unwrap();
        let e = epoch("2031-01");
        ring.epoch_keys(e).unwrap();
        ring.destroy(e, Utc::now()).unwrap();
        assert!(ring.is_destroyed(e).unwrap());
        assert_eq!(ring.prepare(e, 0).unwrap(), 1);
        assert!(!ring.is_destroyed(e).unwrap());
        assert_eq!(ring.current_version(e).unwrap(), Some(2));
        assert!(matches!(
            ring.kek(e, 1),
            Err(KeyRingError::EpochDestroyed(_))
        ));
        let (reopened, _) = KeyRing::open(&path, true).unwrap();
        assert!(matches!(
            reopened.kek(e, 1),
            Err(KeyRingError::EpochDestroyed(_))
        ));
        assert!(reopened.kek(e, 2).is_ok());
    }

    #[test]
    fn an_epoch_destroyed_by_an_older_release_reopens_with_usable_versions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.json");
        let old = r#"{"format": 1, "epochs": [], "destroyed": [{"epoch": "2027-02", "destroyed_at": "2026-11-01T00:00:00Z"}]}"#;
        std::fs::write(&path, old).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let (ring, _) = KeyRing::open(&path, false).unwrap();
        let e = epoch("2027-02");
        assert!(matches!(
            ring.kek(e, 1),
            Err(KeyRingError::EpochDestroyed(_))
        ));
        ring.prepare(e, 0).unwrap();
        let version = ring.current_version(e).unwrap().unwrap();
        assert!(
            i32::try_from(version).is_ok(),
            "a version the database can store"
        );
        assert!(
            ring.kek(e, version).is_ok(),
            "the reopened epoch's key opens"
        );
    }

    #[test]
    fn another_instance_destroying_an_epoch_is_seen_before_the_next_use() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.json");
        let (server, _) = KeyRing::open(&path, true).unwrap();
        let (cli, _) = KeyRing::open(&path, true).unwrap();
        let e = epoch("2026-12");
        server.epoch_keys(e).unwrap();
        assert!(server.kek(e, 1).is_ok());
        cli.destroy(e, Utc::now()).unwrap();
        assert!(matches!(
            server.kek(e, 1),
            Err(KeyRingError::EpochDestroyed(_))
        ));
        assert!(server.live_index_keys().unwrap().is_empty());
    }

    #[test]
    fn the_ratchet_month_only_moves_forward_and_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.json");
        let (ring, _) = KeyRing::open(&path, true).unwrap();
        assert_eq!(ring.ratchet_month().unwrap(), None);
        ring.advance_ratchet(epoch("2027-03")).unwrap();
        ring.advance_ratchet(epoch("2027-01")).unwrap();
        let (reopened, _) = KeyRing::open(&path, true).unwrap();
        assert_eq!(reopened.ratchet_month().unwrap(), Some(epoch("2027-03")));
    }

    #[test]
    fn rotation_adds_a_version_and_retires_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let (ring, _) = KeyRing::open(&dir.path().join("k.json"), true).unwrap();
        let e = epoch("2027-01");
        let old = ring.epoch_keys(e).unwrap().current().unwrap().1.clone();
        assert_eq!(ring.add_versions().unwrap(), vec![(e, 2)]);
        assert_eq!(
            ring.kek(e, 1).unwrap(),
            old,
            "the old version opens until retired"
        );
        assert_eq!(ring.retire_old_versions(e).unwrap(), 1);
        assert!(matches!(
            ring.kek(e, 1),
            Err(KeyRingError::UnknownKey { .. })
        ));
        assert_eq!(ring.current_version(e).unwrap(), Some(2));
    }

    #[test]
    fn prepare_adds_each_month_once() {
        let dir = tempfile::tempdir().unwrap();
        let (ring, _) = KeyRing::open(&dir.path().join("k.json"), true).unwrap();
        assert_eq!(ring.prepare(epoch("2026-11"), 12).unwrap(), 13);
        assert_eq!(ring.prepare(epoch("2026-11"), 12).unwrap(), 0);
        assert_eq!(ring.live_index_keys().unwrap().len(), 13);
    }
}
