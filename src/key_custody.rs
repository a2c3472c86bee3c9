//! Opening key custody from configuration (`keys.backend`): the file ring (development), a
//! hardware security module through PKCS#11, or OpenBao's transit engine. The PIN and the
//! token are read from their 0600 files here and go nowhere else.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{bail, Context};

use crate::clock::Clock;
use crate::config::{Config, KeyBackend};
use crate::crypto::custody::file::FileCustody;
use crate::crypto::custody::migrating::Migrating;
use crate::crypto::custody::openbao::{OpenBaoCustody, OpenBaoSettings};
use crate::crypto::custody::pkcs11::{Pkcs11Custody, Pkcs11Settings};
use crate::crypto::custody::signing_file::FileSigning;
use crate::crypto::custody::{KeyCustody, SigningCustody};
use crate::crypto::keyring::{KeyRing, Opened};
use crate::file_ring_lock;
use crate::private_files;
use crate::services::key_migration::{self, MigrationOutcome, SigningStores};
use crate::startup::{build_context_with, prepare_process};

/// The epoch keys and the signing keys, both from the configured backend.
pub type Custody = (Arc<dyn KeyCustody>, Arc<dyn SigningCustody>);

/// Opens the configured key custody and says which it is. A non-file backend is refused while
/// a file key ring is still in place: its residents would be unreadable until
/// `muni-id keys migrate` moves them.
pub fn open(config: &Config, clock: &dyn Clock) -> anyhow::Result<Custody> {
    let custody = match config.keys.backend {
        KeyBackend::File => open_files(config, clock)?,
        backend => {
            refuse_unmigrated_file_ring(config, backend)?;
            open_backend(config)?
        }
    };
    tracing::info!(custody = %custody.0.describe(), "key custody opened");
    Ok(custody)
}

/// The HSM or OpenBao as configured, without the file-ring check (`keys migrate` opens both).
pub fn open_backend(config: &Config) -> anyhow::Result<Custody> {
    private_files::refuse_keys_beside_database(config, &[config.audit_witness_path()])?;
    match config.keys.backend {
        KeyBackend::File => bail!("keys.backend is \"file\": no HSM or OpenBao is configured"),
        KeyBackend::Pkcs11 => open_pkcs11(config),
        KeyBackend::Openbao => open_openbao(config),
    }
}

fn open_pkcs11(config: &Config) -> anyhow::Result<Custody> {
    let p = &config.keys.pkcs11;
    let hsm = Pkcs11Custody::open(Pkcs11Settings {
        module: p.module.clone().into(),
        token_label: p.token_label.clone(),
        pin: zeroize::Zeroizing::new(read_secret("keys.pkcs11.pin_file", Path::new(&p.pin_file))?),
        label_prefix: p.label_prefix.clone(),
    })
    .context("opening the HSM (keys.pkcs11)")?;
    Ok((hsm.clone(), hsm))
}

fn open_openbao(config: &Config) -> anyhow::Result<Custody> {
    let o = &config.keys.openbao;
    let bao = OpenBaoCustody::open(OpenBaoSettings {
        address: o.address.clone(),
        ca_file: (!o.ca_file.is_empty()).then(|| o.ca_file.clone().into()),
        token: read_secret("keys.openbao.token_file", Path::new(&o.token_file))?,
        transit_mount: o.transit_mount.clone(),
        kv_mount: o.kv_mount.clone(),
        key_prefix: o.key_prefix.clone(),
        timeout: Duration::from_secs(o.timeout_secs),
    })
    .context("opening OpenBao (keys.openbao)")?;
    Ok((bao.clone(), bao))
}

/// A PIN or token from its file: readable by this service's user only, trimmed. The error
/// names the setting and the file, never what it holds.
pub fn read_secret(setting: &str, path: &Path) -> anyhow::Result<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path)
        .with_context(|| format!("{setting}: cannot read {}", path.display()))?;
    if meta.mode() & 0o077 != 0 {
        bail!(
            "{setting}: {} can be read by other users (mode {:o}); run `chmod 600 {}`",
            path.display(),
            meta.mode() & 0o777,
            path.display()
        );
    }
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{setting}: cannot read {}", path.display()))?;
    let secret = text.trim().to_owned();
    if secret.is_empty() {
        bail!("{setting}: {} is empty", path.display());
    }
    Ok(secret)
}

/// Whether a file key ring (or signing-key file) is still where the file backend keeps it.
pub fn file_ring_present(config: &Config) -> bool {
    config.keyring_path().exists() || config.signing_keys_path().exists()
}

/// What `keys migrate` did, and where the keys are now.
pub struct Migrated {
    pub outcome: MigrationOutcome,
    pub custody: String,
}

/// Moves the file ring's keys into the backend `keys.backend` names (which must be `to`), then
/// deletes the file ring. `None` when there is no file ring (nothing to move, or moved
/// already). `progress(done, total)` as records are checked.
pub fn migrate(
    config: &Config,
    clock: Arc<dyn Clock>,
    to: KeyBackend,
    progress: &dyn Fn(u64, u64),
) -> anyhow::Result<Option<Migrated>> {
    if to == KeyBackend::File {
        bail!("keys move out of the file ring into pkcs11 or openbao, never back");
    }
    if config.keys.backend != to {
        bail!(
            "set keys.backend = \"{name}\" and the [keys.{name}] settings first: the target is \
             read from the configuration",
            name = to.name()
        );
    }
    if !file_ring_present(config) {
        return Ok(None);
    }
    // Held until the file ring is gone: no server seals under it meanwhile.
    let _alone = file_ring_lock::claim_for_migration(config)?;
    prepare_process(config)?;
    let mut file_config = config.clone();
    file_config.keys.create_if_missing = false;
    let (source_keys, source_signing) = open_files(&file_config, clock.as_ref())?;
    let (target_keys, target_signing) = open_backend(config)?;
    let migrating = Arc::new(Migrating::new(source_keys, target_keys));
    let ctx = build_context_with(
        config.clone(),
        clock,
        (migrating.clone(), target_signing.clone()),
    )?;
    let stores = SigningStores {
        source: source_signing,
        target: target_signing,
    };
    let outcome = key_migration::migrate(&ctx, &migrating, &stores, progress)?;
    remove_file_ring(config)?;
    tracing::info!(custody = %migrating.describe(), "the keys moved; the file key ring is deleted");
    Ok(Some(Migrated {
        outcome,
        custody: migrating.target_description(),
    }))
}

/// Deletes the file key ring and the signing-key file once their keys live elsewhere (`keys
/// migrate`); copies kept by key-ring backups expire with `retention.key_backup_days`.
pub fn remove_file_ring(config: &Config) -> anyhow::Result<()> {
    let ring = config.keyring_path();
    // The ring's lock file (empty) goes with it.
    for path in [
        ring.with_extension("lock"),
        ring.clone(),
        config.signing_keys_path(),
    ] {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("deleting {}", path.display())),
        }
        if let Some(dir) = path.parent() {
            std::fs::File::open(dir).and_then(|d| d.sync_all()).ok();
        }
    }
    file_ring_lock::remove(config).context("deleting the file ring's lock file")
}

fn refuse_unmigrated_file_ring(config: &Config, backend: KeyBackend) -> anyhow::Result<()> {
    if file_ring_present(config) {
        bail!(
            "keys.backend is \"{name}\" but the file key ring {} is still in place: the residents \
             sealed under it would be unreadable. Run `muni-id keys migrate --to {name}` (it moves \
             every key into the {name} backend and then destroys the file ring), or set \
             keys.backend = \"file\"",
            config.keyring_path().display(),
            name = backend.name()
        );
    }
    Ok(())
}

/// The key ring and the signing-key file (created in development), refused beside a SQLite
/// database outside dev mode.
pub fn open_files(config: &Config, clock: &dyn Clock) -> anyhow::Result<Custody> {
    private_files::refuse_keys_beside_database(
        config,
        &[
            config.keyring_path(),
            config.signing_keys_path(),
            config.audit_witness_path(),
        ],
    )?;
    let keyring_path = config.keyring_path();
    let (keyring, opened) = KeyRing::open(&keyring_path, config.keys.create_if_missing)?;
    if opened == Opened::Created {
        tracing::warn!(
            path = %keyring_path.display(),
            "CREATED A NEW DEVELOPMENT KEY RING. Every resident's data is readable only with it: \
             keep it out of the database backups, and in production keep the keys in an HSM or \
             OpenBao instead (keys.backend)"
        );
    }
    let (signing, created) = FileSigning::open(
        &config.signing_keys_path(),
        config.keys.create_if_missing,
        clock.now(),
    )?;
    if created {
        tracing::warn!(
            path = %signing.path().display(),
            "created a new card-signing key; its public half is published at /.well-known/jwks.json"
        );
    }
    Ok((Arc::new(FileCustody::new(keyring)), Arc::new(signing)))
}
