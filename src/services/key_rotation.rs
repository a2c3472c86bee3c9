//! Key rotation: every live epoch gets a new key-encryption key version, every data key is
//! re-wrapped under it in batches, then the old versions are destroyed. Resumable: a rerun
//! carries on with the versions a stopped run added, and re-wraps only what is left.

use serde::Serialize;

use super::audit;
use super::purge::{retention_lock, PurgeError};
use super::rewrap::rewrap_many;
use crate::context::AppContext;
use crate::crypto::keyring::Epoch;
use crate::db::residents;
use crate::error::Internal;

const BATCH: i64 = 500;

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct RotationOutcome {
    pub epochs: usize,
    pub data_keys_rewrapped: u64,
    pub old_versions_destroyed: usize,
}

/// Rotates every live epoch key. `progress(done, total)` as data keys are re-wrapped.
pub fn rotate(
    ctx: &AppContext,
    progress: &dyn Fn(u64, u64),
) -> Result<RotationOutcome, PurgeError> {
    let mut lock = retention_lock(ctx)?;
    let conn = lock.connection();
    let custody = |e| Internal::new("key custody", e);
    // A stopped rotation left epochs with several versions: finish it rather than start anew.
    if !ctx.custody.inventory().map_err(custody)?.rotating {
        ctx.custody.add_versions().map_err(custody)?;
        // Until then another server may still seal under the old versions.
        std::thread::sleep(ctx.custody.settle_time());
        let now = ctx.clock.now();
        crate::db::transaction::<_, PurgeError, _>(&mut *conn, |conn| {
            Ok(audit::record(conn, now, "cli", "keys.rotate_start", None)?)
        })?;
    }
    let targets: Vec<(Epoch, u32)> = ctx.custody.inventory().map_err(custody)?.live;
    let total = u64::try_from(residents::count(conn)?).unwrap_or(0);
    let mut outcome = RotationOutcome {
        epochs: targets.len(),
        ..RotationOutcome::default()
    };
    let mut done = 0u64;
    for (epoch, version) in &targets {
        let current = i32::try_from(*version).unwrap_or(i32::MAX);
        let mut after = String::new();
        loop {
            let stale = residents::under_old_version(conn, &epoch.id(), current, &after, BATCH)?;
            let Some(last) = stale.last() else {
                if after.is_empty() {
                    break;
                }
                // Once more from the start: a change may have re-sealed a record behind the
                // cursor under the old version while this pass ran.
                after.clear();
                continue;
            };
            after = last.id.clone();
            let moves: Vec<_> = stale.iter().map(|row| (row, *epoch)).collect();
            let mut rewrapped = Vec::with_capacity(stale.len());
            for (row, placement) in stale.iter().zip(rewrap_many(ctx, &moves)?) {
                rewrapped.push((row, placement?));
            }
            crate::db::transaction::<_, PurgeError, _>(&mut *conn, |conn| {
                for (row, placement) in &rewrapped {
                    // Only if nobody re-wrapped it meanwhile.
                    residents::move_keys(conn, row, placement)?;
                }
                Ok(())
            })?;
            done += rewrapped.len() as u64;
            outcome.data_keys_rewrapped += rewrapped.len() as u64;
            progress(done, total);
        }
        outcome.old_versions_destroyed +=
            ctx.custody.retire_old_versions(*epoch).map_err(custody)?;
    }
    let now = ctx.clock.now();
    crate::db::transaction::<_, PurgeError, _>(&mut *conn, |conn| {
        audit::record(conn, now, "cli", "keys.rotate", None)?;
        Ok(())
    })?;
    audit::seal_head(conn, &ctx.signing, &audit::witness(&ctx.config), now)?;
    Ok(outcome)
}
