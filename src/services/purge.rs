//! The purge: retention enforcing itself. Residents past their destruction date are
//! crypto-shredded (wrapped keys, ciphertexts, blind index and photo deleted in one transaction;
//! cards stay as tombstones of number, status, status-list index and dates), print-only addresses are destroyed once printed, expired sessions
//! and old audit entries go, then the ratchet rolls forward (`ratchet`): live keys in ending
//! epochs move on, and every epoch that is over and empty has its keys destroyed — so copies of
//! the database made before can no longer be read for anyone due by then, nor for anyone at
//! all W + 1 months after the copy was taken. Idempotent and safe to interrupt: a rerun
//! finishes exactly what is left.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeDelta};
use serde::Serialize;

use super::{audit, ratchet, vault};
use crate::context::AppContext;
use crate::crypto::keyring::Epoch;
use crate::db::dialect::{self, JobLock, RETENTION_LOCK_ID};
use crate::db::purge_runs::{self, PurgeRunRow};
use crate::db::{audit as audit_store, cards, residents, sessions, throttle, DbConnection};
use crate::error::Internal;

/// Residents destroyed per transaction.
const BATCH: i64 = 200;

#[derive(Debug, Clone)]
pub struct PurgeOptions {
    /// Destroy what is due before this day.
    pub as_of: NaiveDate,
    /// Count what would go, change nothing.
    pub dry_run: bool,
    /// Who started it: "schedule" or "cli".
    pub trigger: &'static str,
    /// Test hook: fail after destroying this many residents, as a crash would.
    pub fail_after: Option<u64>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct PurgeOutcome {
    pub as_of: NaiveDate,
    pub dry_run: bool,
    /// Residents whose card-face data was destroyed (they had a card).
    pub residents_destroyed: u64,
    /// Residents enrolled but never issued a card, destroyed.
    pub unissued_destroyed: u64,
    pub addresses_destroyed: u64,
    /// Pick-up cards nobody collected by their day, revoked (their residents' data then
    /// destroyed with the due records, unless they hold another active card).
    pub cards_uncollected: u64,
    pub sessions_removed: u64,
    pub audit_entries_removed: u64,
    /// Epochs whose keys were (or, in a dry run, would be) destroyed.
    pub epochs_destroyed: Vec<String>,
    /// Data keys the roll-forward moved out of ending epochs (not counted in a dry run).
    pub data_keys_moved: u64,
    /// Residents destroyed (or due) per epoch.
    pub residents_by_epoch: BTreeMap<String, u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum PurgeError {
    #[error("another purge or key rotation is running")]
    AlreadyRunning,
    #[error("the purge was stopped by the test hook after {0} residents")]
    Injected(u64),
    #[error(
        "--as-of may be at most the backup window ahead (until {latest}): the key ratchet never \
         moves back, so keys wrapped after a later date would outlive the window"
    )]
    AsOfTooFar { latest: NaiveDate },
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<diesel::result::Error> for PurgeError {
    fn from(e: diesel::result::Error) -> Self {
        PurgeError::Internal(e.into())
    }
}

/// Takes the cross-instance retention lock (purge and key rotation never overlap): a
/// PostgreSQL advisory lock, or on SQLite a lock file beside the database file, so that two
/// servers with their own data folders on one database still exclude each other.
pub fn retention_lock(ctx: &AppContext) -> Result<JobLock, PurgeError> {
    let lock_file = match ctx.config.database_url() {
        crate::config::DatabaseUrl::Sqlite(db) => {
            let mut name = db.file_name().unwrap_or_default().to_owned();
            name.push(".retention-lock");
            db.with_file_name(name)
        }
        _ => ctx.config.data_dir.join("retention.lock"),
    };
    JobLock::try_acquire(ctx.db()?, RETENTION_LOCK_ID, &lock_file)
        .map_err(|m| Internal::new("retention lock", anyhow::anyhow!(m)))?
        .ok_or(PurgeError::AlreadyRunning)
}

/// Runs the purge. `progress(done, total)` is called as residents are destroyed.
pub fn run(
    ctx: &AppContext,
    options: &PurgeOptions,
    progress: &dyn Fn(u64, u64),
) -> Result<PurgeOutcome, PurgeError> {
    let mut lock = retention_lock(ctx)?;
    let conn = lock.connection();
    if options.dry_run {
        return dry_run(ctx, conn, options.as_of);
    }
    ratchet::check_as_of(ctx, options.as_of)?;
    let now = ctx.clock.now();
    let mut run = PurgeRunRow {
        id: uuid::Uuid::new_v4().to_string(),
        started_at: now.naive_utc(),
        finished_at: None,
        as_of: options.as_of,
        trigger_source: options.trigger.to_owned(),
        outcome: "running".into(),
        residents_destroyed: 0,
        unissued_destroyed: 0,
        addresses_destroyed: 0,
        sessions_removed: 0,
        audit_entries_removed: 0,
        epochs_destroyed: String::new(),
        cards_uncollected: 0,
    };
    purge_runs::insert(conn, &run)?;
    let result = purge(ctx, conn, options, progress, &mut run);
    run.finished_at = Some(ctx.clock.now().naive_utc());
    run.outcome = if result.is_ok() {
        "completed"
    } else {
        "failed"
    }
    .into();
    purge_runs::update(conn, &run)?;
    let sealed = result.and_then(|outcome| {
        crate::db::transaction::<_, PurgeError, _>(conn, |conn| {
            audit::record(
                conn,
                ctx.clock.now(),
                options.trigger,
                "purge.run",
                Some(&run.id),
            )?;
            Ok(())
        })?;
        let witness = audit::witness(&ctx.config);
        audit::seal_head(conn, &ctx.signing, &witness, ctx.clock.now())?;
        Ok(outcome)
    });
    // The whole chain is walked whatever came of the run, so that reports never rely on a walk
    // older than the last run.
    walk_the_chain(ctx, conn);
    let outcome = sealed?;
    // What is left is counted for the report's held figures. A census that fails leaves the
    // last one, which the report shows with its time (and counts itself once it is a day old).
    if let Err(e) = super::report::take_census(ctx, conn) {
        tracing::warn!(cause = %e, "the records held could not be counted for the report");
    }
    tracing::info!(
        event = "purge",
        residents = outcome.residents_destroyed + outcome.unissued_destroyed,
        addresses = outcome.addresses_destroyed,
        cards_uncollected = outcome.cards_uncollected,
        epochs = outcome.epochs_destroyed.len(),
        "purge completed"
    );
    Ok(outcome)
}

/// Walks the whole audit chain and writes the outcome to the witness, so that a report walks
/// only what was added since (`audit::check_in_full`).
fn walk_the_chain(ctx: &AppContext, conn: &mut DbConnection) {
    let witness = audit::witness(&ctx.config);
    match audit::check_in_full(conn, &ctx.signing, &witness, ctx.clock.now()) {
        Ok(state) if !state.intact => tracing::error!(
            event = "audit_chain_broken",
            first_bad_entry = state.first_bad_entry,
            "the audit chain is not intact"
        ),
        Ok(_) => {}
        Err(e) => tracing::warn!(cause = %e, "the audit chain could not be walked"),
    }
}

fn purge(
    ctx: &AppContext,
    conn: &mut DbConnection,
    options: &PurgeOptions,
    progress: &dyn Fn(u64, u64),
    run: &mut PurgeRunRow,
) -> Result<PurgeOutcome, PurgeError> {
    let mut outcome = PurgeOutcome {
        as_of: options.as_of,
        ..PurgeOutcome::default()
    };
    // First: a resident left with no card by it is destroyed below, in this same run.
    let mut revoked = 0;
    let uncollected = super::handover::revoke_uncollected(
        ctx,
        conn,
        (options.as_of, options.trigger),
        &mut revoked,
    );
    outcome.cards_uncollected = revoked;
    run.cards_uncollected = i64::try_from(revoked).unwrap_or(i64::MAX);
    // Whatever was revoked before a failure is revoked: verification must say so now.
    super::verification::reload_status_list(ctx, conn)?;
    if let Err(e) = &uncollected {
        // The rest of the purge still runs; the run is recorded as failed.
        tracing::error!(cause = %e, "uncollected pick-up cards could not all be revoked");
    }
    let uncollected = uncollected.map_err(uncollected_failed);
    destroy_due_residents(ctx, conn, options, progress, run, &mut outcome)?;

    if !ctx.config.retention.retain_address {
        outcome.addresses_destroyed = destroy_printed_addresses(ctx, conn, options.trigger)?;
        run.addresses_destroyed = i64::try_from(outcome.addresses_destroyed).unwrap_or(i64::MAX);
    }

    forget_stale_sessions_and_audit(ctx, conn, options, run, &mut outcome)?;

    let rolled = ratchet::roll_forward_locked(ctx, conn, options.as_of, &|_, _| {})?;
    outcome.data_keys_moved = rolled.data_keys_moved;
    outcome.epochs_destroyed = rolled.epochs_destroyed;
    if let Err(e) = dialect::reclaim_after_bulk_destruction(conn) {
        tracing::warn!(cause = %e, "the database could not reclaim the pages of destroyed records");
    }
    run.epochs_destroyed = outcome.epochs_destroyed.join(",");
    uncollected?;
    Ok(outcome)
}

fn uncollected_failed(e: super::cards::CardError) -> PurgeError {
    match e {
        super::cards::CardError::Internal(cause) => PurgeError::Internal(cause),
        other => PurgeError::Internal(Internal::new(
            "uncollected cards",
            anyhow::anyhow!("{other}"),
        )),
    }
}

/// Destroys the residents due by `options.as_of`, a batch per transaction (each audited, its
/// cards left as tombstones), recording progress in the run after every batch.
fn destroy_due_residents(
    ctx: &AppContext,
    conn: &mut DbConnection,
    options: &PurgeOptions,
    progress: &dyn Fn(u64, u64),
    run: &mut PurgeRunRow,
    outcome: &mut PurgeOutcome,
) -> Result<(), PurgeError> {
    let total = count_due(conn, options.as_of)?;
    let mut done = 0u64;
    loop {
        let due = residents::due_for_destruction(conn, options.as_of, BATCH)?;
        if due.is_empty() {
            break;
        }
        let batch: Vec<_> = match options.fail_after {
            Some(limit) => due
                .into_iter()
                .take(usize::try_from(limit.saturating_sub(done)).unwrap_or(0))
                .collect(),
            None => due,
        };
        if batch.is_empty() {
            return Err(PurgeError::Injected(done));
        }
        let now = ctx.clock.now();
        let batch = crate::db::transaction::<_, PurgeError, _>(conn, |conn| {
            // Behind the chain head, as a hold being placed writes: a record a hold covered
            // since the batch was read is left.
            audit_store::lock_head(conn)?;
            let ids: Vec<String> = batch.iter().map(|(id, _, _)| id.clone()).collect();
            let still = residents::still_due(conn, &ids, options.as_of)?;
            let batch: Vec<_> = batch
                .into_iter()
                .filter(|(id, _, _)| still.contains(id))
                .collect();
            for (id, _, _) in &batch {
                audit::record(conn, now, options.trigger, "resident.destroy", Some(id))?;
            }
            cards::make_tombstones(conn, &still)?;
            residents::delete(conn, &still)?;
            Ok(batch)
        })?;
        for (_, epoch, has_card) in &batch {
            if *has_card {
                outcome.residents_destroyed += 1;
            } else {
                outcome.unissued_destroyed += 1;
            }
            *outcome.residents_by_epoch.entry(epoch.clone()).or_default() += 1;
        }
        done += batch.len() as u64;
        run.residents_destroyed = i64::try_from(outcome.residents_destroyed).unwrap_or(i64::MAX);
        run.unissued_destroyed = i64::try_from(outcome.unissued_destroyed).unwrap_or(i64::MAX);
        purge_runs::update(conn, run)?;
        progress(done, total);
    }
    Ok(())
}

/// Ends idle sessions, forgets passed login-throttle windows and removes audit entries older
/// than the audit retention.
fn forget_stale_sessions_and_audit(
    ctx: &AppContext,
    conn: &mut DbConnection,
    options: &PurgeOptions,
    run: &mut PurgeRunRow,
    outcome: &mut PurgeOutcome,
) -> Result<(), PurgeError> {
    let now = ctx.clock.now();
    let idle_cutoff = now - TimeDelta::minutes(ctx.config.auth.session_idle_minutes);
    outcome.sessions_removed =
        sessions::delete_stale(conn, now.naive_utc(), idle_cutoff.naive_utc())? as u64;
    throttle::delete_before(
        conn,
        now.timestamp() - ctx.config.auth.failures_forgotten_after_minutes * 60,
    )?;
    run.sessions_removed = i64::try_from(outcome.sessions_removed).unwrap_or(i64::MAX);

    let audit_cutoff = options.as_of - TimeDelta::days(i64::from(ctx.config.retention.audit_days));
    outcome.audit_entries_removed = crate::db::transaction::<_, PurgeError, _>(conn, |conn| {
        Ok(audit::remove_before(
            conn,
            &audit::witness(&ctx.config),
            audit_cutoff.and_hms_opt(0, 0, 0).unwrap_or_default(),
            now,
        )? as u64)
    })?;
    run.audit_entries_removed = i64::try_from(outcome.audit_entries_removed).unwrap_or(i64::MAX);
    Ok(())
}

/// Live epochs a roll-forward as of `as_of` retires: over (before the ratchet's month) or
/// beyond the rule.
fn epochs_to_retire(ctx: &AppContext, as_of: NaiveDate) -> Result<Vec<Epoch>, PurgeError> {
    let month = Epoch::of(as_of).max(vault::ratchet_month(ctx)?);
    let ceiling = ctx.config.ratchet().ceiling(month);
    Ok(ctx
        .custody
        .inventory()
        .map_err(|e| Internal::new("key custody", e))?
        .live
        .into_iter()
        .map(|(epoch, _)| epoch)
        .filter(|epoch| *epoch < month || *epoch > ceiling)
        .collect())
}

fn count_due(conn: &mut DbConnection, as_of: NaiveDate) -> Result<u64, PurgeError> {
    Ok(u64::try_from(residents::count_due(conn, as_of)?).unwrap_or(0))
}

/// The print-only address goes once a card carrying it has been printed.
pub fn destroy_printed_addresses(
    ctx: &AppContext,
    conn: &mut DbConnection,
    actor: &str,
) -> Result<u64, PurgeError> {
    let mut destroyed = 0;
    loop {
        let ids = residents::printed_with_address(conn, BATCH)?;
        if ids.is_empty() {
            return Ok(destroyed);
        }
        let now = ctx.clock.now();
        destroyed += crate::db::transaction::<_, PurgeError, _>(conn, |conn| {
            audit_store::lock_head(conn)?;
            let mut cleared = 0;
            for id in &ids {
                // Not an address a legal hold covered since the list was read.
                if residents::clear_address(conn, id)? > 0 {
                    audit::record(conn, now, actor, "resident.address_destroy", Some(id))?;
                    cleared += 1;
                }
            }
            Ok(cleared)
        })?;
    }
}

/// What a purge would revoke as uncollected, and the residents it would then destroy: those
/// left with no active card, not held, and not due already.
fn count_uncollected(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    due: &[(String, String, bool)],
    outcome: &mut PurgeOutcome,
) -> Result<(), PurgeError> {
    let uncollected = cards::uncollected(conn, as_of, i64::MAX)?;
    outcome.cards_uncollected = uncollected.len() as u64;
    let mut counted: std::collections::BTreeSet<String> =
        due.iter().map(|(id, _, _)| id.clone()).collect();
    for (number, resident_id) in &uncollected {
        let Some(id) = resident_id else { continue };
        if counted.contains(id)
            || cards::has_other_active(conn, id, number)?
            || residents::is_held(conn, id)?
        {
            continue;
        }
        if let Some(row) = residents::find(conn, id)? {
            outcome.residents_destroyed += 1;
            *outcome.residents_by_epoch.entry(row.key_epoch).or_default() += 1;
            counted.insert(id.clone());
        }
    }
    Ok(())
}

fn dry_run(
    ctx: &AppContext,
    conn: &mut DbConnection,
    as_of: NaiveDate,
) -> Result<PurgeOutcome, PurgeError> {
    let mut outcome = PurgeOutcome {
        as_of,
        dry_run: true,
        ..PurgeOutcome::default()
    };
    let due = residents::due_for_destruction(conn, as_of, i64::MAX)?;
    for (_, epoch, has_card) in &due {
        if *has_card {
            outcome.residents_destroyed += 1;
        } else {
            outcome.unissued_destroyed += 1;
        }
        *outcome.residents_by_epoch.entry(epoch.clone()).or_default() += 1;
    }
    if !ctx.config.retention.retain_address {
        outcome.addresses_destroyed = residents::printed_with_address(conn, i64::MAX)?.len() as u64;
    }
    count_uncollected(conn, as_of, &due, &mut outcome)?;
    // The roll-forward moves every live key out of an epoch that is over (or beyond the rule)
    // and the due ones go with their records, so each such epoch would be destroyed.
    outcome.epochs_destroyed = epochs_to_retire(ctx, as_of)?
        .iter()
        .map(Epoch::id)
        .collect();
    let audit_cutoff = as_of - TimeDelta::days(i64::from(ctx.config.retention.audit_days));
    outcome.audit_entries_removed =
        audit_store::count_before(conn, audit_cutoff.and_hms_opt(0, 0, 0).unwrap_or_default())?
            as u64;
    Ok(outcome)
}

/// What the server does on its schedule: purge as of today, seal the audit chain head, and
/// move the verification counters into the daily totals.
pub fn scheduled_upkeep(ctx: &AppContext) -> Result<(), PurgeError> {
    super::report::flush_verification_counts(ctx)?;
    let options = PurgeOptions {
        as_of: ctx.clock.today(),
        dry_run: false,
        trigger: "schedule",
        fail_after: None,
    };
    match run(ctx, &options, &|_, _| {}) {
        Ok(_) => Ok(()),
        Err(PurgeError::AlreadyRunning) => {
            tracing::info!(event = "purge_skipped", "another instance is purging");
            Ok(())
        }
        Err(e) => Err(e),
    }
}
