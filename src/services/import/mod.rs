//! Import from a program's old system: residents with an active card (reissued with a new
//! number and token) from a vendor's CSV export, through a mapping file that names which column
//! fills which field. Every column the mapping does not name is dropped unread (its cells are
//! never even decoded as text), and one that holds what this service never keeps cannot be
//! mapped at all (`domain::import_mapping`).
//!
//! Rows are stored in batches, each in one transaction with the run's progress, so that a run
//! stopped half-way resumes after its last batch and ends with exact counts; a resident whose
//! legal name and date of birth are already on record is a duplicate and is not imported again,
//! so a re-run adds nothing. The signed import report says what happened by counts and row
//! numbers only.

mod rows;

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use sha2::{Digest, Sha256};

use super::report::{check_signature, signature_over, ReportCheckError};
use super::staff::CLI_ACTOR;
use super::{audit, cards};
use crate::context::AppContext;
use crate::crypto::signing::SigningKeys;
use crate::db::import_runs::{self, ImportRunRow};
use crate::db::residents as store;
use crate::db::DbConnection;
use crate::domain::import_mapping::{ImportMapping, MappingError};
use crate::domain::import_report::{ImportReport, RefusedRows, REPORT_KIND};
use crate::domain::staff::{Permission, StaffRole};
use crate::error::Internal;
use rows::{Export, Line, NotReady, Prepared};

/// Rows per transaction.
const BATCH: usize = 200;

/// Where the rows already on record are kept among the refused ones (`import_runs.refused`);
/// the report lists them apart.
const DUPLICATE: &str = "already_on_record";

/// What an import is asked to do.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub file: PathBuf,
    pub mapping: PathBuf,
    /// Where the photo files the export names are; by default the export's own folder.
    pub photos: Option<PathBuf>,
    /// The admin responsible for the import (a username), named on each record and card as
    /// an enrollment names its clerk. The audit trail records the command line as the actor.
    pub operator: String,
    /// Test hook: stop after this many rows, as a crash would.
    pub fail_after: Option<u64>,
}

/// What a run did: the report, and whether the file had been imported whole before.
#[derive(Debug)]
pub struct ImportOutcome {
    pub report: ImportReport,
    /// The file was imported before, with no row refused: this run changed nothing.
    pub already_imported: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Mapping(#[from] MappingError),
    #[error("{0}")]
    File(String),
    #[error("`{0}` is not an active admin account: an import is recorded under an admin (`--as USERNAME`)")]
    Operator(String),
    #[error(
        "the status list has {free} free places and this export may reissue {rows} cards: raise \
         cards.status_list_size (it must keep room for years of new cards) before importing"
    )]
    StatusListTooSmall { free: u64, rows: u64 },
    #[error("another import of this file is running; let it finish (or stop it) first")]
    AlreadyRunning,
    #[error("the import was stopped by the test hook after {0} rows")]
    Injected(u64),
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<diesel::result::Error> for ImportError {
    fn from(e: diesel::result::Error) -> Self {
        ImportError::Internal(e.into())
    }
}

/// The staff id of the admin the import is recorded under.
fn operator_id(conn: &mut DbConnection, username: &str) -> Result<String, ImportError> {
    let admin = crate::db::staff::find_by_username(conn, username)?
        .filter(|s| !s.disabled)
        .filter(|s| {
            StaffRole::parse(&s.role).is_ok_and(|role| Permission::Administer.granted_to(role))
        })
        .ok_or_else(|| ImportError::Operator(username.to_owned()))?;
    Ok(admin.id)
}

fn sha256_of(path: &Path) -> Result<String, ImportError> {
    let mut file = std::fs::File::open(path).map_err(|e| file_error(path, &e))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buffer).map_err(|e| file_error(path, &e))?;
        if n == 0 {
            return Ok(hex::encode(hasher.finalize()));
        }
        hasher.update(&buffer[..n]);
    }
}

fn file_error(path: &Path, e: &dyn std::fmt::Display) -> ImportError {
    ImportError::File(format!("{}: {e}", path.display()))
}

fn reader(path: &Path) -> Result<csv::Reader<std::fs::File>, ImportError> {
    csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map_err(|e| file_error(path, &e))
}

/// The records of the export, counted without decoding any cell.
fn count_records(path: &Path) -> Result<u64, ImportError> {
    let mut csv = reader(path)?;
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    while csv
        .read_byte_record(&mut record)
        .map_err(|e| file_error(path, &e))?
    {
        rows += 1;
    }
    Ok(rows)
}

/// The export's header, its columns checked against the mapping, and where photos are read.
fn open_export(
    conn: &mut DbConnection,
    ctx: &AppContext,
    options: &ImportOptions,
    mapping: ImportMapping,
) -> Result<(Export, Vec<String>), ImportError> {
    let mut csv = reader(&options.file)?;
    let header: Vec<String> = csv
        .byte_headers()
        .map_err(|e| file_error(&options.file, &e))?
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_owned())
        .collect();
    let (positions, dropped) = mapping.against(&header)?;
    let photos = options.photos.clone().unwrap_or_else(|| {
        // A bare file name's folder is the current one.
        options
            .file
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    });
    let photos = photos.canonicalize().map_err(|e| file_error(&photos, &e))?;
    let export = Export {
        mapping,
        positions,
        width: header.len(),
        photos,
        operator: operator_id(conn, &options.operator)?,
        photo_max_bytes: ctx.config.photo_limits().max_bytes as u64,
    };
    Ok((export, dropped))
}

/// Refuses an export whose cards could use up the status list: indices are never reused.
fn check_status_list_room(
    ctx: &AppContext,
    conn: &mut DbConnection,
    rows: u64,
) -> Result<(), ImportError> {
    let used = u64::try_from(crate::db::cards::count_all(conn)?).unwrap_or(0);
    let free = ctx.status_list.size().saturating_sub(used);
    // Half the list stays free for the cards the program issues after the import.
    if rows > free / 2 {
        return Err(ImportError::StatusListTooSmall { free, rows });
    }
    Ok(())
}

/// Imports the export `options.file` by `options.mapping`. `progress(done, total)` is called
/// after each batch.
pub fn run(
    ctx: &AppContext,
    options: &ImportOptions,
    progress: &dyn Fn(u64, u64),
) -> Result<ImportOutcome, ImportError> {
    let mapping_text =
        std::fs::read_to_string(&options.mapping).map_err(|e| file_error(&options.mapping, &e))?;
    let mapping = ImportMapping::parse(&mapping_text)?;
    let mapping_sha256 = hex::encode(Sha256::digest(mapping_text.as_bytes()));
    let file_sha256 = sha256_of(&options.file)?;
    let mut conn = ctx.db()?;
    let (export, dropped) = open_export(&mut conn, ctx, options, mapping)?;
    let rows_total = count_records(&options.file)?;
    let started = start_run(
        &mut conn,
        (file_sha256, mapping_sha256),
        (rows_total, &dropped),
        ctx.clock.now().naive_utc(),
    )?;
    let mut run = match started {
        Started::Before(done) => {
            return Ok(ImportOutcome {
                report: report_of(ctx, &done, &export)?,
                already_imported: true,
            });
        }
        Started::Now(run) => run,
    };
    check_status_list_room(
        ctx,
        &mut conn,
        rows_total - u64::try_from(run.rows_done).unwrap_or(0),
    )?;
    audit::record_alone(
        &mut conn,
        ctx.clock.now(),
        CLI_ACTOR,
        "import.run",
        Some(&run.id),
    )?;
    import_rows(ctx, &mut conn, &export, &mut run, options, progress)?;
    // What was imported is what was hashed: a file changed meanwhile is said so.
    if sha256_of(&options.file)? != run.file_sha256 || run.rows_done != run.rows_total {
        return Err(ImportError::File(format!(
            "{} changed while it was imported: import the final file again (rows already \
             imported are recognised)",
            options.file.display()
        )));
    }
    run.finished_at = Some(ctx.clock.now().naive_utc());
    import_runs::update(&mut conn, &run)?;
    tracing::info!(
        event = "import",
        imported = run.imported,
        duplicates = run.duplicates,
        "an import finished"
    );
    Ok(ImportOutcome {
        report: report_of(ctx, &run, &export)?,
        already_imported: false,
    })
}

enum Started {
    /// The file was imported whole before, with no row refused.
    Before(ImportRunRow),
    /// New, resumed after the last batch stored, or run again for the rows refused before.
    Now(ImportRunRow),
}

/// The run of this file with this mapping: found finished, resumed, or begun. A finished run
/// that refused rows (a photo folder named wrong, say) runs again over the whole file: the
/// rows imported before are recognised as already on record.
fn start_run(
    conn: &mut DbConnection,
    (file_sha256, mapping_sha256): (String, String),
    (rows_total, dropped): (u64, &[String]),
    now: NaiveDateTime,
) -> Result<Started, ImportError> {
    let id = format!("{file_sha256}:{mapping_sha256}");
    let fresh = ImportRunRow {
        id: id.clone(),
        file_sha256,
        mapping_sha256,
        started_at: now,
        updated_at: now,
        finished_at: None,
        sittings: 1,
        rows_total: i64::try_from(rows_total).unwrap_or(i64::MAX),
        rows_done: 0,
        imported: 0,
        duplicates: 0,
        cards_issued: 0,
        refused: "{}".into(),
        dropped_columns: serde_json::to_string(dropped).unwrap_or_default(),
    };
    Ok(match import_runs::find(conn, &id)? {
        Some(done) if done.finished_at.is_some() && !refused_any(&done) => Started::Before(done),
        Some(before) => {
            let mut again = if before.finished_at.is_some() {
                ImportRunRow {
                    started_at: before.started_at,
                    ..fresh
                }
            } else {
                before.clone()
            };
            again.sittings = before.sittings + 1;
            again.updated_at = now;
            import_runs::update(conn, &again)?;
            Started::Now(again)
        }
        None => {
            import_runs::insert(conn, &fresh)?;
            Started::Now(fresh)
        }
    })
}

/// Whether a run refused a row that could come in on another try (a photo folder named wrong,
/// say): not a resident already on record, nor one without an active card.
fn refused_any(run: &ImportRunRow) -> bool {
    let refused: BTreeMap<String, Vec<u64>> =
        serde_json::from_str(&run.refused).unwrap_or_default();
    refused
        .keys()
        .any(|reason| reason != DUPLICATE && reason != "no_active_card")
}

/// Reads the rows after those already done, a batch at a time, each batch stored in one
/// transaction with the run's new counts.
fn import_rows(
    ctx: &AppContext,
    conn: &mut DbConnection,
    export: &Export,
    run: &mut ImportRunRow,
    options: &ImportOptions,
    progress: &dyn Fn(u64, u64),
) -> Result<(), ImportError> {
    let mut csv = reader(&options.file)?;
    let mut record = csv::ByteRecord::new();
    let read_error = |e: csv::Error| file_error(&options.file, &e);
    // Past the rows a stopped run stored: read, never decoded.
    for _ in 0..run.rows_done {
        if !csv.read_byte_record(&mut record).map_err(read_error)? {
            break;
        }
    }
    let total = u64::try_from(run.rows_total).unwrap_or(0);
    let mut batches: u64 = 0;
    loop {
        let mut lines = Vec::with_capacity(BATCH);
        while lines.len() < BATCH && csv.read_byte_record(&mut record).map_err(read_error)? {
            let number = record.position().map_or(0, |p| p.line());
            lines.push(Line {
                number,
                cells: record.clone(),
            });
        }
        if lines.is_empty() {
            return Ok(());
        }
        if let Some(limit) = options.fail_after {
            let done = u64::try_from(run.rows_done).unwrap_or(0);
            if done + lines.len() as u64 > limit {
                return Err(ImportError::Injected(done));
            }
        }
        let prepared = rows::prepare_all(ctx, export, &lines);
        store_batch(ctx, conn, export, (&lines, prepared), run)?;
        // Every few batches while the tables grow (the first one early), the planner learns.
        batches += 1;
        if batches.is_power_of_two() || batches.is_multiple_of(25) {
            crate::db::dialect::refresh_statistics(conn)?;
        }
        progress(u64::try_from(run.rows_done).unwrap_or(0), total);
    }
}

/// Stores a prepared batch in one transaction with the run's counts: duplicates are passed
/// over, every import and card issue audited. A failure of the service (key custody, the
/// database) stops the import with the batch undone, to be resumed.
fn store_batch(
    ctx: &AppContext,
    conn: &mut DbConnection,
    export: &Export,
    (lines, prepared): (&[Line], Vec<Result<Prepared, NotReady>>),
    run: &mut ImportRunRow,
) -> Result<(), ImportError> {
    let now = ctx.clock.now();
    let mut refused: BTreeMap<String, Vec<u64>> =
        serde_json::from_str(&run.refused).unwrap_or_default();
    let mut next = run.clone();
    crate::db::transaction::<_, ImportError, _>(conn, |conn| {
        crate::db::audit::lock_head(conn)?;
        // Behind the chain head: another process importing this file meanwhile is seen.
        let stored = import_runs::find(conn, &run.id)?;
        if stored.is_none_or(|s| s.rows_done != run.rows_done || s.sittings != run.sittings) {
            return Err(ImportError::AlreadyRunning);
        }
        for (line, outcome) in lines.iter().zip(prepared) {
            match outcome {
                Err(NotReady::Failed(cause)) => {
                    return Err(Internal::new("import", anyhow::anyhow!(cause)).into())
                }
                Err(NotReady::Refused(reason)) => {
                    refused.entry(reason.into()).or_default().push(line.number)
                }
                Ok(row) => match store_one(ctx, conn, (&export.operator, now), row)? {
                    Stored::Duplicate => {
                        next.duplicates += 1;
                        refused
                            .entry(DUPLICATE.into())
                            .or_default()
                            .push(line.number);
                    }
                    Stored::Imported => {
                        next.imported += 1;
                        next.cards_issued += 1;
                    }
                },
            }
        }
        next.rows_done += lines.len() as i64;
        next.refused = serde_json::to_string(&refused).unwrap_or_default();
        next.updated_at = now.naive_utc();
        import_runs::update(conn, &next)?;
        Ok(())
    })?;
    *run = next;
    Ok(())
}

enum Stored {
    Duplicate,
    Imported,
}

fn store_one(
    ctx: &AppContext,
    conn: &mut DbConnection,
    (operator, now): (&str, DateTime<Utc>),
    prepared: Prepared,
) -> Result<Stored, ImportError> {
    let Prepared {
        row,
        sealed_photo,
        probes,
        card: (expires_on, choice),
    } = prepared;
    // Behind the chain head, as an enrollment: one of two imports of one person sees the other.
    if !store::ids_by_blind_index(conn, &probes)?.is_empty() {
        return Ok(Stored::Duplicate);
    }
    store::insert(conn, &row, &sealed_photo)?;
    audit::record(conn, now, CLI_ACTOR, "resident.import", Some(&row.id))?;
    super::legal_holds::hold_if_covered(conn, &row.id, (now.date_naive(), None))?;
    cards::import_card(ctx, conn, &row.id, (operator, now, expires_on), &choice)
        .map_err(|e| ImportError::Internal(Internal::new("import card", anyhow::anyhow!("{e}"))))?;
    Ok(Stored::Imported)
}

/// The signed report of a run, from its stored counts.
fn report_of(
    ctx: &AppContext,
    run: &ImportRunRow,
    export: &Export,
) -> Result<ImportReport, ImportError> {
    let mut refused_rows: BTreeMap<String, Vec<u64>> =
        serde_json::from_str(&run.refused).unwrap_or_default();
    let duplicate_rows = refused_rows.remove(DUPLICATE).unwrap_or_default();
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    let mut report = ImportReport {
        report: REPORT_KIND.into(),
        jurisdiction: ctx.config.jurisdiction.clone(),
        generated_at: ctx.clock.now(),
        file_sha256: run.file_sha256.clone(),
        mapping_sha256: run.mapping_sha256.clone(),
        started_at: run.started_at.and_utc(),
        finished_at: run.finished_at.map(|at| at.and_utc()),
        sittings: u32::try_from(run.sittings).unwrap_or(0),
        rows: count(run.rows_total),
        imported: count(run.imported),
        duplicates: count(run.duplicates),
        duplicate_rows,
        cards_issued: count(run.cards_issued),
        refused: refused_rows
            .into_iter()
            .map(|(reason, rows)| {
                let refused = RefusedRows {
                    count: rows.len() as u64,
                    rows,
                };
                (reason, refused)
            })
            .collect(),
        fields: export.positions.keys().cloned().collect(),
        dropped_columns: serde_json::from_str(&run.dropped_columns).unwrap_or_default(),
        signature: None,
    };
    let message = report
        .signed_bytes()
        .map_err(|e| Internal::new("import report", e))?;
    report.signature = Some(signature_over(&ctx.signing, &message)?);
    Ok(report)
}

/// Whether `text` is an import report, signed or not (which check `report verify` runs).
pub fn is_import_report(text: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(text)
        .is_ok_and(|value| value["report"] == REPORT_KIND)
}

/// Checks an import report's signature.
pub fn verify(keys: &SigningKeys, text: &[u8]) -> Result<ImportReport, ReportCheckError> {
    let report: ImportReport =
        serde_json::from_slice(text).map_err(|_| ReportCheckError::NotAReport)?;
    if report.report != REPORT_KIND {
        return Err(ReportCheckError::NotAReport);
    }
    check_signature(keys, text, report.signature.clone())?;
    Ok(report)
}
