//! Key rotation: every live epoch gets a new key-encryption key version, every data key is
//! re-wrapped under it in batches, then the old versions are destroyed. Resumable: a rerun
//! carries on with the versions a stopped run added, and re-wraps only what is left.

use diesel::prelude::*;
use serde::Serialize;

use super::audit;
use super::purge::{retention_lock, PurgeError};
use super::vault::wrapped_key_of;
use crate::context::AppContext;
use crate::crypto::envelope::{unwrap_data_key, wrap_data_key};
use crate::crypto::keyring::Epoch;
use crate::db::residents::ResidentRow;
use crate::db::schema::residents;
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
    let _lock = retention_lock(ctx)?;
    ctx.keyring
        .reload()
        .map_err(|e| Internal::new("key ring", e))?;
    let inventory = ctx.keyring.inventory();
    // A stopped rotation left epochs with several versions: finish it rather than start anew.
    let in_progress = inventory.live.iter().any(|(epoch, _)| {
        ctx.keyring
            .epoch_keys(*epoch)
            .map(|k| k.keks.len() > 1)
            .unwrap_or(false)
    });
    if !in_progress {
        ctx.keyring
            .add_versions()
            .map_err(|e| Internal::new("key ring", e))?;
        let mut conn = ctx.db()?;
        let now = ctx.clock.now();
        conn.transaction::<_, PurgeError, _>(|conn| {
            Ok(audit::record(conn, now, "cli", "keys.rotate_start", None)?)
        })?;
    }
    let targets: Vec<(Epoch, u32)> = ctx.keyring.inventory().live;
    let mut conn = ctx.db()?;
    let total: i64 = residents::table.count().get_result(&mut *conn)?;
    let mut outcome = RotationOutcome {
        epochs: targets.len(),
        ..RotationOutcome::default()
    };
    let mut done = 0u64;
    for (epoch, version) in &targets {
        let current = i32::try_from(*version).unwrap_or(i32::MAX);
        loop {
            let stale: Vec<ResidentRow> = residents::table
                .filter(residents::key_epoch.eq(epoch.id()))
                .filter(residents::key_version.ne(current))
                .limit(BATCH)
                .select(ResidentRow::as_select())
                .load(&mut *conn)?;
            if stale.is_empty() {
                break;
            }
            let mut rewrapped = Vec::with_capacity(stale.len());
            for row in &stale {
                let data_key = unwrap_data_key(&ctx.keyring, &row.id, &wrapped_key_of(row)?)
                    .map_err(|e| Internal::new("data key", e))?;
                let wrapped = wrap_data_key(&ctx.keyring, &row.id, *epoch, &data_key)
                    .map_err(|e| Internal::new("data key", e))?;
                rewrapped.push((row.id.clone(), row.key_version, wrapped));
            }
            conn.transaction::<_, PurgeError, _>(|conn| {
                for (id, old_version, wrapped) in &rewrapped {
                    // Only if nobody re-wrapped it meanwhile.
                    diesel::update(
                        residents::table
                            .find(id)
                            .filter(residents::key_version.eq(*old_version))
                            .filter(residents::key_epoch.eq(epoch.id())),
                    )
                    .set((
                        residents::wrapped_key.eq(&wrapped.bytes),
                        residents::key_version
                            .eq(i32::try_from(wrapped.version).unwrap_or(i32::MAX)),
                    ))
                    .execute(conn)?;
                }
                Ok(())
            })?;
            done += rewrapped.len() as u64;
            outcome.data_keys_rewrapped += rewrapped.len() as u64;
            progress(done, u64::try_from(total).unwrap_or(0));
        }
        outcome.old_versions_destroyed += ctx
            .keyring
            .retire_old_versions(*epoch)
            .map_err(|e| Internal::new("key ring", e))?;
    }
    let now = ctx.clock.now();
    conn.transaction::<_, PurgeError, _>(|conn| {
        audit::record(conn, now, "cli", "keys.rotate", None)?;
        Ok(())
    })?;
    audit::seal_head(&mut conn, &ctx.signing, &audit::witness(&ctx.config), now)?;
    Ok(outcome)
}
