//! The roll-forward: the ratchet turning (DESIGN.md, "Keys and encryption"). Each data key
//! whose epoch is ending before its record is due moves to the epoch the rule now allows
//! (`min(its destruction month, this month + W)`), keys sitting beyond the rule come back
//! within it, and then every epoch that is over (or beyond the rule) and holds no key is
//! destroyed. Run monthly by the scheduled purge and by `muni-id keys roll-forward`, under the
//! retention lock; resumable, since every step is decided from what the database holds now.
//!
//! Also here: the one-time upgrade at start-up that re-seals records of an older layout (the
//! address under the resident's own key) under fresh keys.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::audit;
use super::purge::{retention_lock, PurgeError};
use super::rewrap::rewrap_many;
use super::vault::{self, VaultError};
use crate::context::AppContext;
use crate::crypto::keyring::Epoch;
use crate::db::residents::{self, KeyPlacement, ResidentRow};
use crate::db::{dialect, DbConnection};
use crate::domain::resident::{Address, CardFace};
use crate::error::Internal;

/// Records moved per transaction.
const BATCH: i64 = 500;

/// The record layout this version writes: 2 = the address under its own key, blind index v2.
pub const RECORD_FORMAT: i32 = 2;

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct RollOutcome {
    /// The month the ratchet stands at after this run.
    pub month: String,
    /// Data keys moved to a later (or, beyond the rule, an earlier) epoch.
    pub data_keys_moved: u64,
    /// Records whose keys were already destroyed (rows restored from a copy): left as they are.
    pub unreadable_records: u64,
    /// Epochs whose keys were destroyed by this run.
    pub epochs_destroyed: Vec<String>,
}

impl From<VaultError> for PurgeError {
    fn from(e: VaultError) -> Self {
        match e {
            VaultError::Destroyed => PurgeError::Internal(Internal::new(
                "roll-forward",
                anyhow::anyhow!("a key needed to move a record was destroyed"),
            )),
            VaultError::Corrupt(cause) | VaultError::Internal(cause) => PurgeError::Internal(cause),
        }
    }
}

/// Refuses a run dated further ahead than the backup window: the ratchet never moves back, so
/// a far-future `--as-of` would let new keys live until then.
pub(super) fn check_as_of(ctx: &AppContext, as_of: NaiveDate) -> Result<(), PurgeError> {
    let latest = ctx.config.ratchet().ceiling(Epoch::of(ctx.clock.today()));
    if Epoch::of(as_of) > latest {
        return Err(PurgeError::AsOfTooFar {
            latest: latest.last_day(),
        });
    }
    Ok(())
}

fn key_ring(e: impl Into<anyhow::Error>) -> Internal {
    Internal::new("key ring", e)
}

/// `muni-id keys roll-forward`: the roll-forward on its own, under the retention lock,
/// audited and sealed.
pub fn roll_forward(
    ctx: &AppContext,
    as_of: NaiveDate,
    progress: &dyn Fn(u64, u64),
) -> Result<RollOutcome, PurgeError> {
    let mut lock = retention_lock(ctx)?;
    let conn = lock.connection();
    let outcome = roll_forward_locked(ctx, conn, as_of, progress)?;
    reclaim(conn, &outcome);
    let now = ctx.clock.now();
    crate::db::transaction::<_, PurgeError, _>(conn, |conn| {
        audit::record(conn, now, "cli", "keys.roll_forward", None)?;
        Ok(())
    })?;
    audit::seal_head(conn, &ctx.signing, &audit::witness(&ctx.config), now)?;
    Ok(outcome)
}

/// The roll-forward as of `as_of`; the caller holds the retention lock and reclaims the pages
/// of the replaced keys afterwards.
pub(super) fn roll_forward_locked(
    ctx: &AppContext,
    conn: &mut DbConnection,
    as_of: NaiveDate,
    progress: &dyn Fn(u64, u64),
) -> Result<RollOutcome, PurgeError> {
    check_as_of(ctx, as_of)?;
    let ratchet = ctx.config.ratchet();
    let month = Epoch::of(as_of).max(vault::ratchet_month(ctx)?);
    let ceiling = ratchet.ceiling(month);
    ctx.custody
        .prepare(month, ratchet.window_months())
        .map_err(key_ring)?;
    let mut outcome = RollOutcome {
        month: month.id(),
        ..RollOutcome::default()
    };
    let total = u64::try_from(residents::count(conn)?).unwrap_or(0);
    let mut seen = 0u64;
    let mut after = String::new();
    // Rows that cannot be opened (keys destroyed, or not written by this service), by epoch:
    // skipped, and never a reason to keep an epoch's keys.
    let mut unreadable: BTreeMap<String, i64> = BTreeMap::new();
    loop {
        let page = residents::roll_candidates(
            conn,
            as_of,
            (&month.id(), month.last_day()),
            &ceiling.id(),
            &after,
            BATCH,
        )?;
        let Some(last) = page.last() else { break };
        after = last.id.clone();
        seen += page.len() as u64;
        let moves = plan_page(ctx, &page, month, &mut outcome, &mut unreadable)?;
        let moved = crate::db::transaction::<_, PurgeError, _>(conn, |conn| {
            let mut moved = 0u64;
            for (row, placement) in &moves {
                // A record changed meanwhile was re-sealed under the rule already.
                moved += residents::move_keys(conn, row, placement)? as u64;
            }
            Ok(moved)
        })?;
        outcome.data_keys_moved += moved;
        progress(seen.min(total), total);
    }
    advance_ratchet(ctx, month)?;
    outcome.epochs_destroyed = destroy_finished_epochs(ctx, conn, month, ceiling, &unreadable)?;
    tracing::info!(
        event = "roll_forward",
        month = %outcome.month,
        keys_moved = outcome.data_keys_moved,
        epochs_destroyed = outcome.epochs_destroyed.len(),
        "the key ratchet moved forward"
    );
    Ok(outcome)
}

/// The page's records that must move, re-wrapped under their targets in batches. A record
/// that cannot be opened is counted by its epoch and left; a fault stops the run.
fn plan_page<'a>(
    ctx: &AppContext,
    page: &'a [ResidentRow],
    month: Epoch,
    outcome: &mut RollOutcome,
    unreadable: &mut BTreeMap<String, i64>,
) -> Result<Vec<(&'a ResidentRow, KeyPlacement)>, PurgeError> {
    let ratchet = ctx.config.ratchet();
    let mut skip = |row: &ResidentRow, e: VaultError| match e {
        VaultError::Destroyed | VaultError::Corrupt(_) => {
            outcome.unreadable_records += 1;
            *unreadable.entry(row.key_epoch.clone()).or_default() += 1;
            Ok(())
        }
        e @ VaultError::Internal(_) => Err(PurgeError::from(e)),
    };
    let mut targets: Vec<(&ResidentRow, Epoch)> = Vec::new();
    for row in page {
        match vault::epoch_of(row) {
            Ok(epoch) => targets.extend(
                ratchet
                    .must_move(epoch, row.destroy_after, month)
                    .map(|target| (row, target)),
            ),
            Err(e) => skip(row, e)?,
        }
    }
    let mut moves = Vec::with_capacity(targets.len());
    for ((row, _), placed) in targets.iter().zip(rewrap_many(ctx, &targets)?) {
        match placed {
            Ok(placement) => moves.push((*row, placement)),
            Err(e) => skip(row, e)?,
        }
    }
    Ok(moves)
}

/// Records the ratchet's new month. When it moved beyond the calendar month, another server
/// that read it a moment ago may still seal a new record under a month left behind: the run
/// waits the settle time before destroying anything.
fn advance_ratchet(ctx: &AppContext, month: Epoch) -> Result<(), PurgeError> {
    let before = ctx.custody.ratchet_month().map_err(key_ring)?;
    ctx.custody.advance_ratchet(month).map_err(key_ring)?;
    if month > Epoch::of(ctx.clock.today()) && before.is_none_or(|b| b < month) {
        std::thread::sleep(ctx.custody.settle_time());
    }
    Ok(())
}

/// Destroys every live epoch that is over (before the ratchet's month) or beyond the rule and
/// holds no record but ones that cannot be opened anyway.
fn destroy_finished_epochs(
    ctx: &AppContext,
    conn: &mut DbConnection,
    month: Epoch,
    ceiling: Epoch,
    unreadable: &BTreeMap<String, i64>,
) -> Result<Vec<String>, PurgeError> {
    let mut destroyed = Vec::new();
    for (epoch, _) in ctx.custody.inventory().map_err(key_ring)?.live {
        let over = epoch < month;
        let beyond_rule = epoch > ceiling;
        let skipped = unreadable.get(&epoch.id()).copied().unwrap_or(0);
        if (over || beyond_rule) && residents::count_in_epoch(conn, &epoch.id())? <= skipped {
            ctx.custody
                .destroy(epoch, ctx.clock.now())
                .map_err(key_ring)?;
            destroyed.push(epoch.id());
        }
    }
    Ok(destroyed)
}

/// When the server starts: records of an older layout are re-sealed under fresh keys (once),
/// then the roll-forward brings every wrapped key within the rule (keys prepared far ahead by
/// an older version come back, and their epochs are destroyed), audited and sealed. Skipped
/// while another instance holds the retention lock: that instance does the same. Commands
/// other than `serve` and `keys roll-forward` leave the keys as they are.
pub fn bring_within_rule(ctx: &AppContext) -> Result<(), PurgeError> {
    let mut lock = match retention_lock(ctx) {
        Ok(lock) => lock,
        Err(PurgeError::AlreadyRunning) => return Ok(()),
        Err(e) => return Err(e),
    };
    let conn = lock.connection();
    let format = residents::record_format(conn)?;
    if format < RECORD_FORMAT {
        let resealed = upgrade_records(ctx, conn)?;
        residents::set_record_format(conn, RECORD_FORMAT)?;
        if resealed > 0 {
            tracing::warn!(
                event = "records_upgraded",
                records = resealed,
                "re-sealed every record under fresh keys, the address under its own"
            );
        }
    }
    let outcome = roll_forward_locked(ctx, conn, ctx.clock.today(), &|_, _| {})?;
    reclaim(conn, &outcome);
    if outcome.data_keys_moved > 0 || !outcome.epochs_destroyed.is_empty() {
        let now = ctx.clock.now();
        crate::db::transaction::<_, PurgeError, _>(&mut *conn, |conn| {
            audit::record(conn, now, "startup", "keys.roll_forward", None)?;
            Ok(())
        })?;
        audit::seal_head(conn, &ctx.signing, &audit::witness(&ctx.config), now)?;
    }
    Ok(())
}

/// The old wrapped keys a roll-forward replaced leave the database files too.
fn reclaim(conn: &mut crate::db::DbConnection, outcome: &RollOutcome) {
    if outcome.data_keys_moved > 0 || !outcome.epochs_destroyed.is_empty() {
        if let Err(e) = dialect::reclaim_after_bulk_destruction(conn) {
            tracing::warn!(cause = %e, "the database could not reclaim the pages of moved keys");
        }
    }
}

/// Re-seals every record written before the address had its own key. Returns how many.
fn upgrade_records(ctx: &AppContext, conn: &mut DbConnection) -> Result<u64, PurgeError> {
    let mut after = String::new();
    let mut resealed = 0u64;
    loop {
        let page = residents::page(conn, &after, BATCH)?;
        let Some(last) = page.last() else {
            return Ok(resealed);
        };
        after = last.id.clone();
        for row in &page {
            let (key, face) = match vault::open_face(ctx, row) {
                Ok(opened) => opened,
                // Keys already destroyed, or a row this service did not write: nothing to
                // upgrade; the purge removes it when it is due.
                Err(VaultError::Destroyed | VaultError::Corrupt(_)) => continue,
                Err(e) => return Err(e.into()),
            };
            let address: Option<Address> = match (&row.address, &row.address_key) {
                // The old layout: the address under the resident's own key.
                (Some(sealed), None) => Some(vault::open_json(
                    &key,
                    vault::address_binding(&row.id),
                    sealed,
                )?),
                _ => vault::address_of(ctx, row)?,
            };
            let photo = residents::find_photo(conn, &row.id)?
                .map(|sealed| vault::open_photo(&key, &row.id, &sealed))
                .transpose()?
                .unwrap_or_default();
            resealed += reseal(ctx, conn, row, &face, &photo, address.as_ref())?;
        }
    }
}

fn reseal(
    ctx: &AppContext,
    conn: &mut crate::db::DbConnection,
    row: &ResidentRow,
    face: &CardFace,
    photo: &[u8],
    address: Option<&Address>,
) -> Result<u64, PurgeError> {
    let epoch = vault::target_epoch(ctx, row.destroy_after)?;
    let sealed = vault::seal_record(ctx, &row.id, epoch, face, photo, address)?;
    let changed = crate::db::transaction::<_, PurgeError, _>(&mut *conn, |conn| {
        Ok(residents::replace_sealed(
            conn,
            row,
            &sealed,
            row.address_updated_at,
            row.updated_at,
        )?)
    })?;
    Ok(changed as u64)
}
