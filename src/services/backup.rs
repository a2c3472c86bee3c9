//! Backing up the database and restoring a backup: the database only, never key material. A
//! copy opens only with the key custody, and only while the keys it needs live: the ratchet
//! destroys them at most `keys.backup_window_months` after the copy was taken, so an older copy
//! opens nothing (DESIGN, "Keys and encryption"). Key custody is backed up on its own, for no
//! longer than that window.

use std::collections::BTreeMap;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context as _};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::clock::Clock;
use crate::config::{Config, DatabaseUrl};
use crate::context::AppContext;
use crate::crypto::keyring::Epoch;
use crate::db::{self, backup as copies, residents};
use crate::services::audit;
use crate::services::vault::{self, VaultError};

pub const MANIFEST: &str = "manifest.json";
const FORMAT: u32 = 1;

/// What a backup folder holds besides the copy: enough to restore it and to know until when
/// it can open anything.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    pub backend: String,
    pub file: String,
    pub sha256: String,
    pub taken_at: DateTime<Utc>,
    pub service_version: String,
    /// The last day the copy can open anything: the end of the month the ratchet allows keys
    /// to reach. The roll-forward after it destroys the last key the copy could use.
    pub opens_until: NaiveDate,
}

/// Writes a consistent copy of the database and its manifest into `dir` (new, or empty).
pub fn backup(ctx: &AppContext, dir: &Path) -> anyhow::Result<Manifest> {
    prepare_folder(dir)?;
    let url = ctx.config.database_url();
    let file = dir.join(copies::file_name(&url));
    copies::copy_out(&url, &ctx.pool, &file)?;
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))?;
    let manifest = Manifest {
        format: FORMAT,
        backend: url.backend_name().to_owned(),
        file: copies::file_name(&url).to_owned(),
        sha256: sha256_of(&file)?,
        taken_at: ctx.clock.now(),
        service_version: env!("CARGO_PKG_VERSION").to_owned(),
        opens_until: opens_until(ctx)?,
    };
    write_private(&dir.join(MANIFEST), &serde_json::to_vec_pretty(&manifest)?)?;
    tracing::info!(
        backend = %manifest.backend,
        opens_until = %manifest.opens_until,
        "database backed up"
    );
    Ok(manifest)
}

/// The end of the month `ratchet month + W`: no data key in the database is wrapped under a
/// later epoch.
fn opens_until(ctx: &AppContext) -> anyhow::Result<NaiveDate> {
    let ratchet = ctx
        .custody
        .ratchet_month()?
        .unwrap_or_else(|| Epoch::of(ctx.clock.today()))
        .max(Epoch::of(ctx.clock.today()));
    Ok(ratchet
        .plus_months(ctx.config.keys.backup_window_months)
        .last_day())
}

fn prepare_folder(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        if std::fs::read_dir(dir)?.next().is_some() {
            bail!(
                "{} is not empty: back up into a new folder, so no copy is overwritten",
                dir.display()
            );
        }
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    } else {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("creating {}", dir.display()))?;
    }
    Ok(())
}

fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(())
}

fn sha256_of(path: &Path) -> anyhow::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hex::encode(hasher.finalize()))
}

/// Reads and checks a backup folder's manifest and copy.
pub fn read_backup(dir: &Path) -> anyhow::Result<(Manifest, PathBuf)> {
    let manifest_path = dir.join(MANIFEST);
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(&manifest_path)
            .with_context(|| format!("reading {}", manifest_path.display()))?,
    )
    .with_context(|| {
        format!(
            "{} is not a muni-id backup manifest",
            manifest_path.display()
        )
    })?;
    if manifest.format != FORMAT {
        bail!(
            "this backup has format {}; this version reads format {FORMAT}",
            manifest.format
        );
    }
    if manifest.file.contains('/') || manifest.file.starts_with('.') {
        bail!("the manifest names a file outside its folder");
    }
    let file = dir.join(&manifest.file);
    let sha256 = sha256_of(&file).with_context(|| format!("reading {}", file.display()))?;
    if sha256 != manifest.sha256 {
        bail!(
            "{} does not match its manifest (SHA-256 differs): the copy is damaged or was changed",
            file.display()
        );
    }
    Ok((manifest, file))
}

/// What a restored database holds, and how much of it still opens.
#[derive(Debug, Clone, Serialize)]
pub struct Restored {
    pub taken_at: DateTime<Utc>,
    pub rows: BTreeMap<String, i64>,
    /// Residents whose personal data opens with today's keys.
    pub residents_readable: i64,
    /// Residents whose keys have been destroyed since the copy was taken: their data is gone
    /// for good, in this copy as everywhere.
    pub residents_unreadable: i64,
}

/// Restores the backup in `dir` into the configured database, which must be new (no staff, no
/// residents, no cards, no audit entries). Then applies newer migrations and reports what the
/// restored database holds and what still opens.
pub fn restore(config: Config, clock: Arc<dyn Clock>, dir: &Path) -> anyhow::Result<Restored> {
    let (manifest, file) = read_backup(dir)?;
    let url = config.database_url();
    if manifest.backend != url.backend_name() {
        bail!(
            "this is a {} backup; the configured database is {}",
            manifest.backend,
            url.backend_name()
        );
    }
    let has_tables = {
        let mut conn =
            db::ConnectionManager::new(url.clone(), config.database.connect_timeout_secs)
                .establish()?;
        let in_use: Vec<String> = copies::row_counts(&mut conn)?
            .into_iter()
            .filter(|(_, rows)| *rows > 0)
            .map(|(table, rows)| format!("{rows} in {table}"))
            .collect();
        if !in_use.is_empty() {
            bail!(
                "the configured database holds data ({}): restore only into a new, empty \
                 database, so nothing in use is overwritten",
                in_use.join(", ")
            );
        }
        copies::has_tables(&mut conn)?
    };
    if let DatabaseUrl::Sqlite(path) = &url {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)?;
        }
    }
    copies::copy_in(&url, &file, has_tables)?;

    let ctx = crate::startup::build_context(config, clock)?;
    let mut conn = ctx.db()?;
    let rows = copies::row_counts(&mut conn)?
        .into_iter()
        .map(|(table, n)| (table.to_owned(), n))
        .collect();
    let (mut readable, mut unreadable) = (0, 0);
    let mut after = String::new();
    loop {
        let page = residents::page(&mut conn, &after, 500)?;
        let Some(last) = page.last() else { break };
        after = last.id.clone();
        for row in &page {
            match vault::data_key_of(&ctx, row) {
                Ok(_) => readable += 1,
                Err(VaultError::Destroyed) => unreadable += 1,
                Err(e) => return Err(anyhow::anyhow!("{e}")),
            }
        }
    }
    audit::record_restore(
        &mut conn,
        &ctx.signing,
        &audit::witness(&ctx.config),
        manifest.taken_at,
        ctx.clock.now(),
    )?;
    tracing::warn!(
        taken_at = %manifest.taken_at,
        "database restored from a backup"
    );
    Ok(Restored {
        taken_at: manifest.taken_at,
        rows,
        residents_readable: readable,
        residents_unreadable: unreadable,
    })
}
