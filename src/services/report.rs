//! The retention report's use cases: build it from the database, the key ring and the audit
//! chain (`build`), sign it, and check a signed copy (`verify`). The report itself, and the
//! format of its signed JSON, are `domain::report`; its CSV and PDF are `render`.

use std::collections::BTreeMap;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use serde_json::Value;

use super::audit;
use crate::context::AppContext;
use crate::crypto::signing::{KeyUse, SigningKeys};
use crate::db::purge_runs::{self, PurgeRunRow};
use crate::db::report::{CensusRow, Held};
use crate::db::{
    audit as audit_store, report as report_store, staff as staff_store,
    verification_counts as verification_store, DbConnection,
};
use crate::domain::report::{
    embedded_json, signed_form, AuditReport, ClassReport, DestroyedEpochReport, EpochReport,
    HoldReport, KeyReport, PurgeRunReport, ReportSignature, RetentionReport, SealReference,
    StaffAccountChange, StaffReads, VerificationTotals,
};
use crate::error::Internal;

/// Reads of personal data, counted per staff member: every answer that carries a resident's
/// decrypted data or links a resident to a card, and every decryption on a clerk's behalf.
const READ_ACTIONS: [&str; 9] = [
    "resident.read",
    "resident.photo_read",
    "resident.search",
    "resident.update_read",
    "resident.cards_read",
    "resident.issue_read",
    "resident.duplicate_shown",
    "card.pdf_read",
    "card.print",
];
/// Changes to staff accounts the report lists, and the name each has in it.
const STAFF_CHANGES: [(&str, &str); 6] = [
    ("staff.create", "created"),
    ("staff.password_reset", "password_reset"),
    ("staff.factors_reset", "factors_reset"),
    ("staff.role_change", "role_changed"),
    ("staff.disable", "disabled"),
    ("staff.enable", "enabled"),
];
/// The period the per-staff and verification figures cover.
const PERIOD_DAYS: i64 = 30;

fn midnight(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(0, 0, 0).unwrap_or_default()
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// How long the last purge run's census stands in for a count over every record: the purge runs
/// hourly by default and daily from a timer at the least. Past this, the report counts itself.
const CENSUS_GOOD_FOR: TimeDelta = TimeDelta::hours(25);

/// Where a report's held figures (records held and the oldest of each class, the data keys per
/// epoch) come from. What is overdue is counted as the report is made either way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// Counted over every record now: the command line, which may take its time.
    Now,
    /// The last purge run's census, when it is recent (else counted now): a request, whose cost
    /// must not grow with the program.
    LastCensus,
}

/// How long the purge run's walk of the whole audit chain stands for the entries it verified:
/// two purge intervals and ten minutes (one run may fail, or find the retention lock taken), or
/// a day and an hour when the purge runs only from the command line (a daily timer). Someone
/// who keeps the purge from running gains no more than that before reports walk everything.
fn walk_good_for(ctx: &AppContext) -> TimeDelta {
    match ctx.config.retention.purge_interval_minutes {
        0 => TimeDelta::hours(25),
        minutes => TimeDelta::minutes(i64::try_from(minutes).unwrap_or(i64::MAX / 120) * 2 + 10),
    }
}

/// The held figures of a report, and when they were counted (`None`: as the report was made).
struct Census {
    counted_at: Option<DateTime<Utc>>,
    classes: BTreeMap<String, Held>,
    data_keys: BTreeMap<String, i64>,
}

impl Census {
    fn of(&self, class: &str) -> Held {
        self.classes.get(class).copied().unwrap_or_default()
    }

    /// How this census was made: counted now, or kept from a purge run.
    fn counting(&self) -> Counting {
        match self.counted_at {
            Some(_) => Counting::LastCensus,
            None => Counting::Now,
        }
    }
}

/// The classes the census counts. Staff sessions are few and counted with the report; the
/// audit entries held are the chain's length, and the oldest is first in the index by time.
const CARD_FACE: &str = "card_face";
const UNISSUED: &str = "unissued_residents";
const ADDRESS: &str = "print_only_address";
const CARD_STATUS: &str = "card_status";

/// Counts what is held over every record: a few seconds at a million residents.
fn count_held(conn: &mut DbConnection) -> Result<Census, Internal> {
    let (card_face, unissued) = report_store::residents_held_by_card(conn)?;
    let classes = [
        (CARD_FACE, card_face),
        (UNISSUED, unissued),
        (
            ADDRESS,
            Held {
                held: report_store::addresses_held(conn)?,
                oldest: None,
            },
        ),
        (CARD_STATUS, report_store::cards_held(conn)?),
    ];
    Ok(Census {
        counted_at: None,
        classes: classes
            .into_iter()
            .map(|(class, held)| (class.to_owned(), held))
            .collect(),
        data_keys: report_store::data_keys_per_epoch(conn)?
            .into_iter()
            .collect(),
    })
}

/// Counts what is held and keeps it for the reports to come: the purge run's last step.
pub fn take_census(ctx: &AppContext, conn: &mut DbConnection) -> Result<(), Internal> {
    let counted_at = ctx.clock.now().naive_utc();
    let census = count_held(conn)?;
    let row = |kind: &str, name: &str, held: i64, oldest: Option<NaiveDate>| CensusRow {
        kind: kind.to_owned(),
        name: name.to_owned(),
        held,
        oldest,
        counted_at,
    };
    let mut rows: Vec<CensusRow> = census
        .classes
        .iter()
        .map(|(class, figures)| row("class", class, figures.held, figures.oldest))
        .collect();
    rows.extend(
        census
            .data_keys
            .iter()
            .map(|(epoch, n)| row("data_keys", epoch, *n, None)),
    );
    Ok(report_store::replace_census(conn, &rows)?)
}

/// The held figures for a report: the last census when `counting` allows it and it is recent.
fn held_figures(
    ctx: &AppContext,
    conn: &mut DbConnection,
    counting: Counting,
) -> Result<Census, Internal> {
    if counting == Counting::LastCensus {
        let rows = report_store::census(conn)?;
        let now = ctx.clock.now();
        let counted_at = rows.first().map(|r| r.counted_at.and_utc());
        if let Some(at) = counted_at.filter(|at| *at <= now && now - *at <= CENSUS_GOOD_FOR) {
            let mut census = Census {
                counted_at: Some(at),
                classes: BTreeMap::new(),
                data_keys: BTreeMap::new(),
            };
            for row in rows {
                match row.kind.as_str() {
                    "class" => {
                        let figures = Held {
                            held: row.held,
                            oldest: row.oldest,
                        };
                        census.classes.insert(row.name, figures);
                    }
                    _ => {
                        census.data_keys.insert(row.name, row.held);
                    }
                }
            }
            return Ok(census);
        }
    }
    count_held(conn)
}

/// Builds and signs the report as of a day, its held figures counted as `counting` says.
pub fn build(
    ctx: &AppContext,
    as_of: NaiveDate,
    counting: Counting,
) -> Result<RetentionReport, Internal> {
    let period_start = as_of - TimeDelta::days(PERIOD_DAYS);
    // The per-staff figures cover the period's days, up to the end of `as_of`: a report as of
    // a past day counts nothing done after it.
    let period = (midnight(period_start), midnight(as_of + TimeDelta::days(1)));
    let verification = verification_totals(ctx, period_start)?;
    let mut conn = ctx.db()?;
    let runs = purge_runs::recent(&mut conn, 20)?;
    let purged = PeriodPurges {
        runs: &runs,
        since: period_start,
    };
    let now = ctx.clock.now();
    let census = held_figures(ctx, &mut conn, counting)?;
    let classes = classes(ctx, &mut conn, (as_of, now), &census, &purged)?;
    let report = RetentionReport {
        report: "muni-id retention report v1".into(),
        jurisdiction: ctx.config.jurisdiction.clone(),
        generated_at: now,
        held_counted_at: census.counted_at,
        as_of,
        period_start,
        classes,
        purge_runs: runs.iter().map(run_report).collect(),
        audit: audit_report(ctx, &mut conn, counting)?,
        keys: key_report(ctx, &census)?,
        staff_reads: staff_reads(&mut conn, period)?,
        staff_changes: staff_changes(&mut conn, period)?,
        verification,
        legal_holds: holds_in_force(&mut conn)?,
        signature: None,
    };
    sign(&ctx.signing, report)
}

/// The purge runs of the report's period, for what they destroyed.
struct PeriodPurges<'a> {
    runs: &'a [PurgeRunRow],
    since: NaiveDate,
}

impl PeriodPurges<'_> {
    /// One counter of the runs (`|r| r.residents_destroyed`), summed over the period.
    fn destroyed(&self, counter: fn(&PurgeRunRow) -> i64) -> u64 {
        self.runs
            .iter()
            .filter(|r| r.started_at.date() >= self.since)
            .map(|r| count(counter(r)))
            .sum()
    }
}

/// The data classes, one row each: what is held of it, its oldest record, what is overdue.
fn classes(
    ctx: &AppContext,
    conn: &mut DbConnection,
    (as_of, now): (NaiveDate, DateTime<Utc>),
    census: &Census,
    purged: &PeriodPurges,
) -> Result<Vec<ClassReport>, Internal> {
    let [card_face, unissued] = resident_classes(ctx, conn, as_of, census, purged)?;
    Ok(vec![
        card_face,
        unissued,
        address_class(ctx, conn, census, purged)?,
        audit_class(ctx, conn, (as_of, census.counting()), purged)?,
        session_class(ctx, conn, as_of, now, purged)?,
        card_status_class(census),
    ])
}

/// Residents with a card (their card face) and residents enrolled but never issued one.
fn resident_classes(
    ctx: &AppContext,
    conn: &mut DbConnection,
    as_of: NaiveDate,
    census: &Census,
    purged: &PeriodPurges,
) -> Result<[ClassReport; 2], Internal> {
    let retention = &ctx.config.retention;
    let (past_with_card, past_unissued) = report_store::residents_past_their_day(conn, as_of)?;
    let (card_face, unissued) = (census.of(CARD_FACE), census.of(UNISSUED));
    Ok([
        ClassReport {
            class: CARD_FACE.into(),
            description: "Names, date of birth, photo and the other card-face fields of residents with a card (encrypted)".into(),
            policy: format!("until the last card expired or was revoked + {} days", retention.card_grace_days),
            policy_days: Some(ctx.age_bands.longest_validity_years() * 366 + retention.card_grace_days),
            held: count(card_face.held),
            oldest: card_face.oldest,
            overdue: count(past_with_card.0),
            under_legal_hold: count(past_with_card.1),
            destroyed_in_period: purged.destroyed(|r| r.residents_destroyed),
        },
        ClassReport {
            class: UNISSUED.into(),
            description: "Residents enrolled but never issued a card (encrypted)".into(),
            policy: format!("{} days after enrollment", retention.unissued_days),
            policy_days: Some(retention.unissued_days),
            held: count(unissued.held),
            oldest: unissued.oldest,
            overdue: count(past_unissued.0),
            under_legal_hold: count(past_unissued.1),
            destroyed_in_period: purged.destroyed(|r| r.unissued_destroyed),
        },
    ])
}

fn address_class(
    ctx: &AppContext,
    conn: &mut DbConnection,
    census: &Census,
    purged: &PeriodPurges,
) -> Result<ClassReport, Internal> {
    let retain = ctx.config.retention.retain_address;
    // Kept with the card face, an address is never overdue by itself.
    let (printed, printed_but_held) = if retain {
        (0, 0)
    } else {
        report_store::addresses_printed(conn)?
    };
    Ok(ClassReport {
        class: ADDRESS.into(),
        description: "Home address or care-of line, kept only to print the card (encrypted)".into(),
        policy: if retain {
            "kept with the card face (retain_address = true)".into()
        } else {
            "destroyed once a card carrying it is printed".into()
        },
        policy_days: None,
        held: count(census.of(ADDRESS).held),
        oldest: None,
        overdue: count(printed),
        under_legal_hold: count(printed_but_held),
        destroyed_in_period: purged.destroyed(|r| r.addresses_destroyed),
    })
}

fn audit_class(
    ctx: &AppContext,
    conn: &mut DbConnection,
    (as_of, counting): (NaiveDate, Counting),
    purged: &PeriodPurges,
) -> Result<ClassReport, Internal> {
    // On a request: the chain holds its entries from the one after the anchor to the head, one
    // per number (an entry missing from it breaks the chain, which the report shows). The
    // command line counts them.
    let held = match counting {
        Counting::LastCensus => audit_store::head(conn)?.0 - audit_store::anchor(conn)?.0,
        Counting::Now => audit_store::count(conn)?,
    };
    let days = ctx.config.retention.audit_days;
    let cutoff = midnight(as_of - TimeDelta::days(i64::from(days)));
    Ok(ClassReport {
        class: "audit_entries".into(),
        description: "Who did what to which record id, when; never personal data".into(),
        policy: format!("{days} days"),
        policy_days: Some(days),
        held: count(held),
        oldest: audit_store::oldest(conn)?.map(|t| t.date()),
        overdue: count(audit_store::count_before(conn, cutoff)?),
        under_legal_hold: 0,
        destroyed_in_period: purged.destroyed(|r| r.audit_entries_removed),
    })
}

/// Sessions are judged at the report's day (its midnight, or now when that is later).
fn session_class(
    ctx: &AppContext,
    conn: &mut DbConnection,
    as_of: NaiveDate,
    now: DateTime<Utc>,
    purged: &PeriodPurges,
) -> Result<ClassReport, Internal> {
    let auth = &ctx.config.auth;
    let as_of_time = midnight(as_of).max(now.naive_utc());
    let idle_cutoff = as_of_time - TimeDelta::minutes(auth.session_idle_minutes);
    let sessions = report_store::sessions(conn, as_of_time, idle_cutoff)?;
    Ok(ClassReport {
        class: "staff_sessions".into(),
        description: "Staff sessions (hashed tokens)".into(),
        policy: format!(
            "until {} idle minutes or {} minutes after login",
            auth.session_idle_minutes, auth.session_absolute_minutes
        ),
        policy_days: Some(1),
        held: count(sessions.held),
        oldest: sessions.oldest,
        overdue: count(sessions.overdue),
        under_legal_hold: 0,
        destroyed_in_period: purged.destroyed(|r| r.sessions_removed),
    })
}

fn card_status_class(census: &Census) -> ClassReport {
    let cards = census.of(CARD_STATUS);
    ClassReport {
        class: CARD_STATUS.into(),
        description: "Card number, status-list index, dates and status; no personal data".into(),
        policy: "kept while the card could be presented; tombstones keep their index from reuse"
            .into(),
        policy_days: None,
        held: count(cards.held),
        oldest: cards.oldest,
        overdue: 0,
        under_legal_hold: 0,
        destroyed_in_period: 0,
    }
}

/// Seals the chain head (so the report carries the chain as it is now), then checks it: from
/// the last purge run's walk of the whole chain on a request (`Counting::LastCensus`), whole
/// otherwise.
fn audit_report(
    ctx: &AppContext,
    conn: &mut DbConnection,
    counting: Counting,
) -> Result<AuditReport, Internal> {
    let witness = audit::witness(&ctx.config);
    let now = ctx.clock.now();
    audit::seal_head(conn, &ctx.signing, &witness, now)?;
    let latest = audit_store::last_seal(conn)?;
    let (chain, checked_in_full_at) = match counting {
        Counting::LastCensus => {
            audit::verify_since_full_check(conn, &ctx.signing, &witness, (now, walk_good_for(ctx)))?
        }
        Counting::Now => (audit::verify_chain(conn, &ctx.signing, &witness)?, None),
    };
    Ok(AuditReport {
        chain,
        checked_in_full_at,
        last_sealed_entry: latest.as_ref().map(|s| s.seq),
        latest_seal: latest.map(|s| SealReference {
            seq: s.seq,
            entry_hash: s.entry_hash,
        }),
    })
}

fn run_report(run: &PurgeRunRow) -> PurgeRunReport {
    PurgeRunReport {
        started_at: run.started_at.and_utc(),
        finished_at: run.finished_at.map(|t| t.and_utc()),
        as_of: run.as_of,
        trigger: run.trigger_source.clone(),
        outcome: run.outcome.clone(),
        residents_destroyed: run.residents_destroyed,
        unissued_destroyed: run.unissued_destroyed,
        addresses_destroyed: run.addresses_destroyed,
        cards_uncollected: run.cards_uncollected,
        sessions_removed: run.sessions_removed,
        audit_entries_removed: run.audit_entries_removed,
        epochs_destroyed: run
            .epochs_destroyed
            .split(',')
            .filter(|e| !e.is_empty())
            .map(str::to_owned)
            .collect(),
    }
}

fn key_report(ctx: &AppContext, census: &Census) -> Result<KeyReport, Internal> {
    let per_epoch = &census.data_keys;
    let inventory = ctx
        .custody
        .inventory()
        .map_err(|e| Internal::new("key custody", e))?;
    let mut epochs = Vec::new();
    let mut empty = 0;
    for (epoch, version) in &inventory.live {
        match per_epoch.get(&epoch.id()) {
            Some(n) => epochs.push(EpochReport {
                epoch: epoch.id(),
                key_version: *version,
                data_keys: count(*n),
            }),
            None => empty += 1,
        }
    }
    let backup_days = ctx.config.retention.key_backup_days;
    let window = ctx.config.keys.backup_window_months;
    Ok(KeyReport {
        epochs,
        empty_epochs_prepared: empty,
        destroyed: inventory
            .destroyed
            .iter()
            .map(|(epoch, at)| DestroyedEpochReport {
                epoch: epoch.id(),
                destroyed_at: *at,
            })
            .collect(),
        key_ring_backup_days: backup_days,
        backup_window_months: window,
        statement: format!(
            "Every copy of the database (a backup, a WAL archive, a stolen disk) becomes unreadable {} \
             months after it was taken, and a record becomes unreadable in every copy by the end of \
             the month it is due: data keys are wrapped at most {window} months ahead and the keys of \
             months that are over are destroyed. Copies of the key ring are kept at most {backup_days} days.",
            window + 1
        ),
        signing_key_id: hex::encode(ctx.signing.current_kid()),
    })
}

fn staff_reads(
    conn: &mut DbConnection,
    period: (NaiveDateTime, NaiveDateTime),
) -> Result<Vec<StaffReads>, Internal> {
    let counts: BTreeMap<String, i64> = audit_store::counts_by_actor(conn, &READ_ACTIONS, period)?
        .into_iter()
        .collect();
    Ok(staff_store::list(conn)?
        .into_iter()
        .map(|member| StaffReads {
            personal_data_reads: count(counts.get(&member.id).copied().unwrap_or(0)),
            username: member.username,
            role: member.role,
        })
        .collect())
}

/// Account creations, credential resets, role changes and disablings of the period, with the
/// account that made each: who could have given themselves, or someone, a way into the data.
fn staff_changes(
    conn: &mut DbConnection,
    period: (NaiveDateTime, NaiveDateTime),
) -> Result<Vec<StaffAccountChange>, Internal> {
    let usernames: BTreeMap<String, String> = staff_store::list(conn)?
        .into_iter()
        .map(|member| (member.id, member.username))
        .collect();
    let name_of = |id: &str| match id {
        super::staff::CLI_ACTOR => "command line".to_owned(),
        super::staff::SYSTEM_ACTOR => "first start".to_owned(),
        super::staff::SIGN_ON_ACTOR => "single sign-on".to_owned(),
        id => usernames
            .get(id)
            .cloned()
            .unwrap_or_else(|| format!("unknown account {id}")),
    };
    let actions: Vec<&str> = STAFF_CHANGES.iter().map(|(action, _)| *action).collect();
    Ok(audit_store::entries_with_actions(conn, &actions, period)?
        .into_iter()
        .filter_map(|entry| {
            let (_, change) = STAFF_CHANGES.iter().find(|(a, _)| *a == entry.action)?;
            Some(StaffAccountChange {
                at: entry.recorded_at.and_utc(),
                change: (*change).to_owned(),
                account: name_of(entry.subject.as_deref().unwrap_or_default()),
                by: name_of(&entry.actor),
            })
        })
        .collect())
}

/// Moves the in-memory verification counters into the daily totals. When the totals cannot
/// be written, the counts go back into the counters for the next flush.
pub fn flush_verification_counts(ctx: &AppContext) -> Result<(), Internal> {
    use std::sync::atomic::Ordering;
    let counters = &ctx.verification;
    let valid = counters.valid.swap(0, Ordering::Relaxed);
    let not_valid = counters.not_valid.swap(0, Ordering::Relaxed);
    if valid + not_valid == 0 {
        return Ok(());
    }
    let put_back = || {
        counters.valid.fetch_add(valid, Ordering::Relaxed);
        counters.not_valid.fetch_add(not_valid, Ordering::Relaxed);
    };
    let written = ctx.db().and_then(|mut conn| {
        verification_store::add(
            &mut conn,
            ctx.clock.today(),
            i64::try_from(valid).unwrap_or(i64::MAX),
            i64::try_from(not_valid).unwrap_or(i64::MAX),
        )
        .map_err(Internal::from)
    });
    match written {
        Ok(()) => {
            counters
                .checks
                .fetch_sub(valid + not_valid, Ordering::Relaxed);
            Ok(())
        }
        Err(e) => {
            put_back();
            Err(e)
        }
    }
}

fn verification_totals(ctx: &AppContext, since: NaiveDate) -> Result<VerificationTotals, Internal> {
    flush_verification_counts(ctx)?;
    let mut conn = ctx.db()?;
    let (checks, valid, not_valid) = verification_store::totals_since(&mut conn, since)?;
    Ok(VerificationTotals {
        checks: count(checks),
        valid: count(valid),
        not_valid: count(not_valid),
    })
}

/// A signature by the current signing key over `message` (a report's canonical JSON without
/// its signature).
pub fn signature_over(keys: &SigningKeys, message: &[u8]) -> Result<ReportSignature, Internal> {
    let current = keys
        .current()
        .ok_or_else(|| Internal::new("report signature", anyhow::anyhow!("no signing key")))?;
    Ok(ReportSignature {
        alg: "ES256".into(),
        kid: hex::encode(current.kid),
        value: URL_SAFE_NO_PAD.encode(
            current
                .sign(message)
                .map_err(|e| Internal::new("report signature", e))?,
        ),
    })
}

/// Signs the report (any signature it carried is replaced) with the current signing key.
pub fn sign(keys: &SigningKeys, mut report: RetentionReport) -> Result<RetentionReport, Internal> {
    report.signature = None;
    let message = report
        .signed_bytes()
        .map_err(|e| Internal::new("report", e))?;
    report.signature = Some(signature_over(keys, &message)?);
    Ok(report)
}

/// Where a CSV or PDF report carries the signature over its own bytes: one line
/// `signed-file,<kid hex>,<ES256 base64url>` (after `%` in a PDF, a comment), over every byte
/// before that line. The embedded JSON's signature covers the figures; this one covers the
/// file as printed, so that a figure changed in the CSV's table or the PDF's text is caught.
const FILE_MARKER: &str = "signed-file,";

/// Appends the file signature to a CSV (`pdf` false) or PDF report.
pub fn sign_file(keys: &SigningKeys, mut bytes: Vec<u8>, pdf: bool) -> Result<Vec<u8>, Internal> {
    if !bytes.ends_with(b"\n") {
        bytes.push(b'\n');
    }
    let signature = signature_over(keys, &bytes)?;
    let prefix = if pdf { "%" } else { "" };
    bytes.extend_from_slice(
        format!(
            "{prefix}{FILE_MARKER}{},{}\n",
            signature.kid, signature.value
        )
        .as_bytes(),
    );
    Ok(bytes)
}

/// Checks the file signature of a CSV or PDF report; JSON carries none and needs none.
pub fn check_file(keys: &SigningKeys, bytes: &[u8]) -> Result<(), ReportCheckError> {
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        return Ok(());
    }
    let marker = FILE_MARKER.as_bytes();
    let at = bytes
        .windows(marker.len())
        .rposition(|w| w == marker)
        .ok_or(ReportCheckError::FileUnsigned)?;
    let line_start = if at > 0 && bytes[at - 1] == b'%' {
        at - 1
    } else {
        at
    };
    let rest = &bytes[at + marker.len()..];
    let line = rest.split(|b| *b == b'\n').next().unwrap_or_default();
    let text = std::str::from_utf8(line).map_err(|_| ReportCheckError::BadSignature)?;
    let (kid, value) = text.split_once(',').ok_or(ReportCheckError::BadSignature)?;
    let kid = hex::decode(kid).map_err(|_| ReportCheckError::BadSignature)?;
    let sig = URL_SAFE_NO_PAD
        .decode(value.trim_end())
        .map_err(|_| ReportCheckError::BadSignature)?;
    let after = &rest[line.len()..];
    if !after.iter().all(u8::is_ascii_whitespace)
        || !keys.verify(&kid, &bytes[..line_start], &sig, KeyUse::Report)
    {
        return Err(ReportCheckError::BadSignature);
    }
    Ok(())
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReportCheckError {
    #[error("this is not a report of this service")]
    NotAReport,
    #[error("the report carries no signature")]
    Unsigned,
    #[error("this CSV or PDF carries no signature over its own text (it was made before reports signed their files): check its JSON, or make it again")]
    FileUnsigned,
    #[error("the signature does not match the report: it was changed, or signed by a key this service does not know")]
    BadSignature,
}

/// Checks a report's signature. `text` is the JSON report, or a CSV or PDF that embeds it.
pub fn verify(keys: &SigningKeys, text: &[u8]) -> Result<RetentionReport, ReportCheckError> {
    let json = embedded_json(text).ok_or(ReportCheckError::NotAReport)?;
    let report: RetentionReport =
        serde_json::from_slice(&json).map_err(|_| ReportCheckError::NotAReport)?;
    check_signature(keys, &json, report.signature.clone())?;
    check_file(keys, text)?;
    Ok(report)
}

/// Checks the signature `signature` a report's JSON (`json`) carries.
pub fn check_signature(
    keys: &SigningKeys,
    json: &[u8],
    signature: Option<ReportSignature>,
) -> Result<(), ReportCheckError> {
    // The signed bytes are those of the JSON as written, re-canonicalised: an added, removed
    // or changed field anywhere breaks the signature.
    let value: Value = serde_json::from_slice(json).map_err(|_| ReportCheckError::NotAReport)?;
    let signature = signature.ok_or(ReportCheckError::Unsigned)?;
    let kid = hex::decode(&signature.kid).map_err(|_| ReportCheckError::BadSignature)?;
    let sig = URL_SAFE_NO_PAD
        .decode(&signature.value)
        .map_err(|_| ReportCheckError::BadSignature)?;
    if signature.alg != "ES256"
        || !keys.verify(&kid, signed_form(value).as_bytes(), &sig, KeyUse::Report)
    {
        return Err(ReportCheckError::BadSignature);
    }
    Ok(())
}

/// The legal holds in force, as the report lists them.
fn holds_in_force(conn: &mut DbConnection) -> Result<Vec<HoldReport>, Internal> {
    use crate::domain::legal_holds::HoldScope;
    Ok(super::legal_holds::in_force(conn)?
        .into_iter()
        .map(|hold| {
            let (enrolled_from, enrolled_to, site) = match &hold.scope {
                HoldScope::All => (None, None, None),
                HoldScope::EnrolledBetween { from, to } => (Some(*from), Some(*to), None),
                HoldScope::Site(code) => (None, None, Some(code.clone())),
            };
            HoldReport {
                reference: hold.reference,
                scope: hold.scope.kind().to_owned(),
                enrolled_from,
                enrolled_to,
                site,
                placed_at: hold.placed_at,
            }
        })
        .collect())
}
