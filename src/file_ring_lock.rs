//! Who uses the file key ring: every server on it (`muni-id serve` with `keys.backend =
//! "file"`) holds a shared lock on `<ring>.in-use` for as long as it runs, and `muni-id keys
//! migrate` takes that lock alone. So the migration never runs beside a server that still
//! seals new records under the file ring (which the migration then destroys), and no server
//! starts on the file ring while its keys are being moved. The file ring lives in one data
//! folder, so every process that uses it sees the same lock file.

use std::fs::{File, OpenOptions, TryLockError};
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

use anyhow::{bail, Context};

use crate::config::{Config, KeyBackend};

/// A lock on the file ring, released when dropped (or when the process ends, however it ends).
#[derive(Debug)]
pub struct FileRingLock {
    _held: File,
}

fn lock_path(config: &Config) -> PathBuf {
    config.keyring_path().with_extension("in-use")
}

fn open(config: &Config) -> anyhow::Result<(File, PathBuf)> {
    let path = lock_path(config);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(&path)
        .with_context(|| format!("opening {}", path.display()))?;
    Ok((file, path))
}

/// A server's share of the file ring; `None` on another backend.
pub fn hold_for_serving(config: &Config) -> anyhow::Result<Option<FileRingLock>> {
    if config.keys.backend != KeyBackend::File {
        return Ok(None);
    }
    let (file, path) = open(config)?;
    match file.try_lock_shared() {
        Ok(()) => Ok(Some(FileRingLock { _held: file })),
        Err(TryLockError::WouldBlock) => bail!(
            "`muni-id keys migrate` is moving the file key ring's keys right now: once it has \
             finished, start the server with keys.backend set to the backend they moved to"
        ),
        Err(TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("locking {}", path.display()))
        }
    }
}

/// The file ring alone, for `keys migrate`: refused while any server runs on it.
pub fn claim_for_migration(config: &Config) -> anyhow::Result<FileRingLock> {
    let (file, path) = open(config)?;
    match file.try_lock() {
        Ok(()) => Ok(FileRingLock { _held: file }),
        Err(TryLockError::WouldBlock) => bail!(
            "a server (`muni-id serve`) is still running on the file key ring in {}: stop every \
             server on this data folder first, then run the migration again. Nothing was changed.",
            config.data_dir.display()
        ),
        Err(TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("locking {}", path.display()))
        }
    }
}

/// The lock file, deleted with the file ring once the keys have moved.
pub fn remove(config: &Config) -> std::io::Result<()> {
    match std::fs::remove_file(lock_path(config)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_in(dir: &std::path::Path) -> Config {
        let mut config = Config::from_toml_overrides("").unwrap();
        config.data_dir = dir.to_owned();
        config.keys.backend = KeyBackend::File;
        config
    }

    #[test]
    fn migration_waits_for_every_server_and_servers_wait_for_the_migration() {
        let dir = tempfile::tempdir().unwrap();
        let config = config_in(dir.path());
        let (a, b) = (
            hold_for_serving(&config).unwrap().unwrap(),
            hold_for_serving(&config).unwrap().unwrap(),
        );
        let refused = claim_for_migration(&config).unwrap_err().to_string();
        assert!(refused.contains("still running"), "{refused}");
        drop(a);
        assert!(
            claim_for_migration(&config).is_err(),
            "one server still runs"
        );
        drop(b);
        let migrating = claim_for_migration(&config).unwrap();
        let refused = hold_for_serving(&config).unwrap_err().to_string();
        assert!(refused.contains("keys migrate"), "{refused}");
        drop(migrating);
        assert!(hold_for_serving(&config).unwrap().is_some());
    }

    #[test]
    fn a_server_on_another_backend_takes_no_share() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = config_in(dir.path());
        config.keys.backend = KeyBackend::Openbao;
        assert!(hold_for_serving(&config).unwrap().is_none());
        assert!(!lock_path(&config).exists());
    }
}
