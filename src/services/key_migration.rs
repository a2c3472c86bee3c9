//! Moving the keys out of the development file ring into an HSM or OpenBao (`muni-id keys
//! migrate --to pkcs11|openbao`), under the retention lock:
//!
//! 1. the epochs: what the file ring destroyed is recorded as destroyed in the target, the
//!    ratchet month carries over, and each live epoch gets fresh keys there (the file's keys are
//!    never copied: they have lain on a disk);
//! 2. every record's data keys are re-wrapped under the target and its blind index recomputed
//!    with the target's index key, in batches; a pass that finds nothing left to move ends it,
//!    so a stopped run resumes and a record written meanwhile is not missed;
//! 3. the card-signing keys: every public key of the file store stays published in the target
//!    (cards it signed keep verifying), and a new signing key starts in the target;
//! 4. the file ring and the signing-key file are deleted.

use std::sync::Arc;

use serde::Serialize;

use super::audit;
use super::purge::{retention_lock, PurgeError};
use super::vault::{self, VaultError};
use crate::context::AppContext;
use crate::crypto::custody::migrating::Migrating;
use crate::crypto::custody::{KeyCustody, SigningCustody};
use crate::crypto::keyring::Epoch;
use crate::db::residents::{self, KeyPlacement, ResidentRow};
use crate::db::DbConnection;
use crate::error::Internal;

const BATCH: i64 = 500;

/// The signing stores on either side; the epoch keys are both behind `ctx.custody`, a
/// [`Migrating`] custody.
pub struct SigningStores {
    pub source: Arc<dyn SigningCustody>,
    pub target: Arc<dyn SigningCustody>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct MigrationOutcome {
    /// Records whose keys this run moved.
    pub records_moved: u64,
    /// Records a stopped run had already moved.
    pub records_already_moved: u64,
    /// Records whose keys were destroyed already (or never written by this service): left.
    pub unreadable_records: u64,
    /// Epochs recorded as destroyed in the target.
    pub destroyed_epochs: usize,
    /// Public keys of the file store now published from the target.
    pub public_keys_kept: usize,
}

fn custody_error(e: impl Into<anyhow::Error>) -> PurgeError {
    PurgeError::Internal(Internal::new("key custody", e))
}

/// Moves every key. `ctx` runs over `migrating` (the same custody as `ctx.custody`) and signs
/// with the target's signing keys. `progress(done, total)` as records are checked.
pub fn migrate(
    ctx: &AppContext,
    migrating: &Migrating,
    signing: &SigningStores,
    progress: &dyn Fn(u64, u64),
) -> Result<MigrationOutcome, PurgeError> {
    let mut lock = retention_lock(ctx)?;
    let conn = lock.connection();
    let mut outcome = MigrationOutcome {
        destroyed_epochs: carry_epochs(ctx, migrating.source())?,
        ..MigrationOutcome::default()
    };
    // Until a pass finds nothing left to move (a record changed under a pass is taken again).
    while move_records(ctx, conn, migrating, &mut outcome, progress)? > 0 {}
    outcome.public_keys_kept = keep_public_keys(ctx, signing)?;
    let now = ctx.clock.now();
    crate::db::transaction::<_, PurgeError, _>(&mut *conn, |conn| {
        Ok(audit::record(conn, now, "cli", "keys.migrate", None)?)
    })?;
    audit::seal_head(conn, &ctx.signing, &audit::witness(&ctx.config), now)?;
    Ok(outcome)
}

/// Destroyed epochs and the ratchet month into the target; fresh keys there for each live
/// epoch. Returns how many epochs are recorded as destroyed.
fn carry_epochs(ctx: &AppContext, source: &dyn KeyCustody) -> Result<usize, PurgeError> {
    let inventory = source.inventory().map_err(custody_error)?;
    // An epoch destroyed ahead of the window and opened again since is live: its records move.
    let live = |epoch: &Epoch| inventory.live.iter().any(|(e, _)| e == epoch);
    let destroyed: Vec<_> = inventory
        .destroyed
        .iter()
        .filter(|(e, _)| !live(e))
        .collect();
    for (epoch, at) in &destroyed {
        ctx.custody.destroy(*epoch, *at).map_err(custody_error)?;
    }
    if let Some(month) = source.ratchet_month().map_err(custody_error)? {
        ctx.custody.advance_ratchet(month).map_err(custody_error)?;
    }
    for (epoch, _) in &inventory.live {
        ctx.custody.prepare(*epoch, 0).map_err(custody_error)?;
    }
    Ok(destroyed.len())
}

/// One pass over every record: each one not yet under the target is re-wrapped there.
/// Returns how many it found still to move.
fn move_records(
    ctx: &AppContext,
    conn: &mut DbConnection,
    migrating: &Migrating,
    outcome: &mut MigrationOutcome,
    progress: &dyn Fn(u64, u64),
) -> Result<usize, PurgeError> {
    let mut planned = 0;
    let total = u64::try_from(residents::count(conn)?).unwrap_or(0);
    let (mut seen, mut after) = (0u64, String::new());
    outcome.records_already_moved = 0;
    outcome.unreadable_records = 0;
    loop {
        let page = residents::page(conn, &after, BATCH)?;
        let Some(last) = page.last() else { break };
        after = last.id.clone();
        seen += page.len() as u64;
        let mut moves: Vec<(&ResidentRow, KeyPlacement)> = Vec::with_capacity(page.len());
        for row in &page {
            match plan(ctx, migrating, row) {
                Ok(Some(placement)) => moves.push((row, placement)),
                Ok(None) => outcome.records_already_moved += 1,
                Err(VaultError::Destroyed | VaultError::Corrupt(_)) => {
                    outcome.unreadable_records += 1
                }
                Err(VaultError::Internal(cause)) => return Err(PurgeError::Internal(cause)),
            }
        }
        planned += moves.len();
        let moved = crate::db::transaction::<_, PurgeError, _>(&mut *conn, |conn| {
            let mut moved = 0u64;
            for (row, placement) in &moves {
                // Only if nobody changed it meanwhile; a later pass takes it up again.
                moved += residents::move_keys(conn, row, placement)? as u64;
            }
            Ok(moved)
        })?;
        outcome.records_moved += moved;
        progress(seen, total);
    }
    Ok(planned)
}

/// The record's keys re-wrapped under the target, or `None` when they are there already.
fn plan(
    ctx: &AppContext,
    migrating: &Migrating,
    row: &ResidentRow,
) -> Result<Option<KeyPlacement>, VaultError> {
    let wrapped = vault::wrapped_data_key(row)?;
    if migrating.moved(&row.id, &wrapped)? {
        return Ok(None);
    }
    vault::rewrap(ctx, row, wrapped.epoch).map(Some)
}

/// Every public key of the file store, published from the target from now on.
fn keep_public_keys(ctx: &AppContext, signing: &SigningStores) -> Result<usize, PurgeError> {
    let now = ctx.clock.now();
    let records = signing.source.keys().map_err(custody_error)?;
    for record in &records {
        signing
            .target
            .adopt_public(record, now)
            .map_err(custody_error)?;
    }
    Ok(records.len())
}
