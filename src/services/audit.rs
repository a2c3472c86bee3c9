//! The audit trail: who did what to which record, when — never personal data. Each entry holds
//! the hash of the one before, so an edit, a deletion or a reordering breaks the chain.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDateTime, SecondsFormat, SubsecRound, TimeDelta, Utc};
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::crypto::signing::{KeyUse, SigningKeys};
use crate::crypto::witness::{AuditWitness, WitnessLine, Witnessed};
use crate::db::audit::{self as store, AuditRow, SealRow};
use crate::db::DbConnection;
use crate::domain::audit::ChainState;
use crate::error::Internal;

/// Appends an entry. Call it inside a `db::transaction`: it takes the chain head, which
/// serialises writers on both backends until the transaction ends.
pub fn record(
    conn: &mut DbConnection,
    at: DateTime<Utc>,
    actor: &str,
    action: &'static str,
    subject: Option<&str>,
) -> diesel::QueryResult<i64> {
    let (seq, prev_hash) = store::reserve_next(conn)?;
    let recorded_at = at.naive_utc();
    let entry_hash = entry_hash(&prev_hash, seq, at, actor, action, subject);
    store::insert(
        conn,
        &AuditRow {
            seq,
            recorded_at,
            actor: actor.to_owned(),
            action: action.to_owned(),
            subject: subject.map(str::to_owned),
            prev_hash,
            entry_hash,
        },
    )?;
    Ok(seq)
}

/// Appends an entry in a transaction of its own: for a read answered outside any writing
/// transaction, or after one that rolled back.
pub fn record_alone(
    conn: &mut DbConnection,
    at: DateTime<Utc>,
    actor: &str,
    action: &'static str,
    subject: Option<&str>,
) -> diesel::QueryResult<i64> {
    crate::db::transaction(conn, |conn| record(conn, at, actor, action, subject))
}

/// SHA-256 over the previous hash and this entry's fields, length-prefixed so no two
/// different entries hash alike.
pub fn entry_hash(
    prev_hash: &str,
    seq: i64,
    at: DateTime<Utc>,
    actor: &str,
    action: &str,
    subject: Option<&str>,
) -> String {
    let mut hasher = Sha256::new();
    let at = at.to_rfc3339_opts(SecondsFormat::Micros, true);
    let seq = seq.to_string();
    for part in [
        "muni-id/audit/v1",
        prev_hash,
        &seq,
        &at,
        actor,
        action,
        subject.unwrap_or("\u{0}none"),
    ] {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// The witness file the configuration names.
pub fn witness(config: &Config) -> AuditWitness {
    AuditWitness::new(config.audit_witness_path())
}

fn seal_message(seq: i64, entry_hash: &str, sealed_at: DateTime<Utc>) -> Vec<u8> {
    format!(
        "muni-id/audit-seal/v1|{seq}|{entry_hash}|{}",
        sealed_at.to_rfc3339_opts(SecondsFormat::Micros, true)
    )
    .into_bytes()
}

fn witness_line(seal: &SealRow) -> WitnessLine {
    WitnessLine::Seal {
        seq: seal.seq,
        entry_hash: seal.entry_hash.clone(),
        sealed_at: seal.sealed_at.and_utc(),
        key_id: seal.key_id.clone(),
        signature: seal.signature.clone(),
    }
}

/// Signs the chain head with the service key, so that cutting entries off the end of the
/// chain (and rewriting the head to match) is detected, and appends the seal to the witness.
/// Does nothing when the head is sealed.
///
/// Runs its own transaction: call it after the caller's has committed, never inside one. The
/// witness is written only once the seal is committed, so it never holds a seal the database
/// could lose to a rollback or a crash; a crash between the two leaves a seal the witness has
/// not seen, which `verify_chain` accepts (it only adds a constraint).
pub fn seal_head(
    conn: &mut DbConnection,
    keys: &SigningKeys,
    witness: &AuditWitness,
    now: DateTime<Utc>,
) -> Result<Option<i64>, Internal> {
    // The database keeps microseconds; the signature covers what it keeps.
    let now = now.trunc_subsecs(6);
    let sealed = crate::db::transaction::<_, Internal, _>(&mut *conn, |conn| {
        store::lock_head(conn)?;
        let (seq, entry_hash) = store::head(conn)?;
        if seq == 0 || store::last_seal(conn)?.is_some_and(|s| s.seq == seq) {
            return Ok(None);
        }
        let Some(current) = keys.current() else {
            return Ok(None);
        };
        let signature = current
            .sign(&seal_message(seq, &entry_hash, now))
            .map_err(|e| Internal::new("audit seal", e))?;
        let seal = SealRow {
            seq,
            entry_hash,
            sealed_at: now.naive_utc(),
            key_id: hex::encode(current.kid),
            signature: hex::encode(signature),
        };
        store::insert_seal(conn, &seal)?;
        let anchor = store::anchor(conn)?;
        Ok(Some((seal, anchor)))
    })?;
    let Some((seal, (anchor_seq, anchor_hash))) = sealed else {
        return Ok(None);
    };
    let fail = |e| Internal::new("audit witness", e);
    if witness.is_empty().map_err(fail)? {
        // A new witness starts from where the chain starts now.
        witness
            .append(&WitnessLine::Anchor {
                seq: anchor_seq,
                entry_hash: anchor_hash,
                moved_at: now,
            })
            .map_err(fail)?;
    }
    witness.append(&witness_line(&seal)).map_err(fail)?;
    Ok(Some(seal.seq))
}

/// Audit retention: removes the entries recorded before `cutoff` and moves the chain's start
/// (the anchor) to the last one removed. Call it inside a transaction. The move is witnessed
/// first, before the caller commits: a rollback leaves the start behind the witnessed one,
/// which `verify_chain` accepts, while a start moved further than the witness saw is not.
pub fn remove_before(
    conn: &mut DbConnection,
    witness: &AuditWitness,
    cutoff: NaiveDateTime,
    now: DateTime<Utc>,
) -> Result<i64, Internal> {
    let Some((seq, entry_hash)) = store::last_before(conn, cutoff)? else {
        return Ok(0);
    };
    witness
        .append(&WitnessLine::Anchor {
            seq,
            entry_hash: entry_hash.clone(),
            moved_at: now,
        })
        .map_err(|e| Internal::new("audit witness", e))?;
    Ok(store::remove_through(conn, seq, &entry_hash)?)
}

/// After a restore: witnesses that the chain was rewound to the restored head, then records
/// the restore in the chain and seals it.
pub fn record_restore(
    conn: &mut DbConnection,
    keys: &SigningKeys,
    witness: &AuditWitness,
    backup_taken_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), Internal> {
    let (seq, entry_hash) = store::head(conn)?;
    witness
        .append(&WitnessLine::Restored {
            seq,
            entry_hash,
            restored_at: now,
            backup_taken_at,
        })
        .map_err(|e| Internal::new("audit witness", e))?;
    crate::db::transaction::<_, diesel::result::Error, _>(&mut *conn, |conn| {
        record(
            conn,
            now,
            crate::services::staff::CLI_ACTOR,
            "database.restored",
            None,
        )
    })?;
    seal_head(conn, keys, witness, now)?;
    Ok(())
}

fn seal_is_genuine(keys: &SigningKeys, seal: &SealRow) -> bool {
    let sealed_at = DateTime::<Utc>::from_naive_utc_and_offset(seal.sealed_at, Utc);
    match (hex::decode(&seal.key_id), hex::decode(&seal.signature)) {
        (Ok(kid), Ok(signature)) => keys.verify(
            &kid,
            &seal_message(seal.seq, &seal.entry_hash, sealed_at),
            &signature,
            KeyUse::Seal,
        ),
        _ => false,
    }
}

/// Walks the chain from its anchor: each entry must follow the one before in number and hash,
/// the last must be the head, and every signed seal must match the entry it sealed. Then
/// compares with the witness: every seal it saw after the chain's start must be in the
/// database as it saw it (so the chain cannot be shorter than the witness, nor a seal
/// removed or replaced), and the start must not have moved past where it saw it move.
pub fn verify_chain(
    conn: &mut DbConnection,
    keys: &SigningKeys,
    witness: &AuditWitness,
) -> Result<ChainState, Internal> {
    let anchor = store::anchor(conn)?;
    let witnessed = read_witness(witness)?;
    Ok(verify_from(conn, keys, &witnessed, anchor)?.0)
}

/// Walks the whole chain (`verify_chain`) and writes the outcome to the witness, signed: intact
/// up to the head it reached, or broken; or, unsigned, that no walk can be vouched for (it
/// failed, or nothing could sign it). A report made on a request then walks only the entries
/// after the last walk, when that walk found the chain intact. The witness is outside the
/// database: someone who can write the database can neither move that point past entries they
/// rewrote nor bring back an intact walk after a broken one. A witness that has seen no seal yet
/// gets no walk (its first line must be the chain's start, which the first seal writes).
pub fn check_in_full(
    conn: &mut DbConnection,
    keys: &SigningKeys,
    witness: &AuditWitness,
    now: DateTime<Utc>,
) -> Result<ChainState, Internal> {
    let fail = |e| Internal::new("audit witness", e);
    if witness.is_empty().map_err(fail)? {
        return verify_chain(conn, keys, witness);
    }
    let checked_at = now.trunc_subsecs(6);
    let anchor = store::anchor(conn)?;
    let witnessed = read_witness(witness)?;
    let walked = verify_from(conn, keys, &witnessed, anchor.clone());
    let mut line = WitnessLine::Checked {
        seq: 0,
        entry_hash: String::new(),
        anchor_seq: anchor.0,
        anchor_hash: anchor.1,
        checked_at,
        intact: false,
        key_id: String::new(),
        signature: String::new(),
    };
    if let (Ok((state, reached)), Some(key)) = (&walked, keys.current()) {
        let (seq, entry_hash) = match state.first_bad_entry {
            None => reached.clone(),
            Some(bad) => (bad, String::new()),
        };
        if let WitnessLine::Checked {
            seq: s,
            entry_hash: h,
            intact,
            ..
        } = &mut line
        {
            (*s, *h, *intact) = (seq, entry_hash, state.intact);
        }
        let signed = key.sign(&full_check_message(&line));
        if let WitnessLine::Checked {
            key_id,
            signature,
            intact,
            ..
        } = &mut line
        {
            match signed {
                Ok(signed) => (*key_id, *signature) = (hex::encode(key.kid), hex::encode(signed)),
                Err(e) => {
                    // Unsigned, the line still says the walk before is not to be relied on.
                    *intact = false;
                    tracing::warn!(cause = %e, "the walk of the audit chain could not be signed");
                }
            }
        }
    }
    witness.append(&line).map_err(fail)?;
    walked.map(|(state, _)| state)
}

/// What a walk of the whole chain signs: where it started and reached (or broke), when, and
/// whether the chain was whole. Empty for any other line.
pub fn full_check_message(line: &WitnessLine) -> Vec<u8> {
    let WitnessLine::Checked {
        seq,
        entry_hash,
        anchor_seq,
        anchor_hash,
        checked_at,
        intact,
        ..
    } = line
    else {
        return Vec::new();
    };
    format!(
        "muni-id/audit-full-check/v1|{seq}|{entry_hash}|{anchor_seq}|{anchor_hash}|{}|{}",
        checked_at.to_rfc3339_opts(SecondsFormat::Micros, true),
        if *intact { "intact" } else { "broken" }
    )
    .into_bytes()
}

/// A walk of the whole chain that a report may start from.
struct IntactWalk {
    seq: i64,
    entry_hash: String,
    anchor: (i64, String),
    at: DateTime<Utc>,
}

/// The last walk of the whole chain in the witness, when it found the chain intact, is no older
/// than `good_for`, was signed by a service key that is not revoked, and no restore came after.
fn last_intact_walk(
    keys: &SigningKeys,
    witnessed: &Witnessed,
    (now, good_for): (DateTime<Utc>, TimeDelta),
) -> Option<IntactWalk> {
    let last = witnessed.lines.iter().rev().find_map(|line| match line {
        WitnessLine::Checked { .. } => Some(Some(line)),
        WitnessLine::Restored { .. } => Some(None),
        WitnessLine::Seal { .. } | WitnessLine::Anchor { .. } => None,
    })??;
    let WitnessLine::Checked {
        seq,
        entry_hash,
        anchor_seq,
        anchor_hash,
        checked_at,
        intact: true,
        key_id,
        signature,
    } = last
    else {
        return None;
    };
    let genuine = match (hex::decode(key_id), hex::decode(signature)) {
        (Ok(kid), Ok(signature)) => keys.verify(
            &kid,
            &full_check_message(last),
            &signature,
            KeyUse::ChainCheck,
        ),
        _ => false,
    };
    (genuine && *checked_at <= now && now - *checked_at <= good_for).then(|| IntactWalk {
        seq: *seq,
        entry_hash: entry_hash.clone(),
        anchor: (*anchor_seq, anchor_hash.clone()),
        at: *checked_at,
    })
}

/// Whether the chain still holds what `walk` verified where a report starts from it: the
/// chain's start where the walk started (or moved on since by the audit retention), and the
/// entry it reached, whole (its fields give its hash) and sealed as the witness saw.
fn still_holds(
    conn: &mut DbConnection,
    witnessed: &Witnessed,
    walk: &IntactWalk,
) -> Result<bool, Internal> {
    let (anchor_seq, anchor_hash) = store::anchor(conn)?;
    if anchor_seq < walk.anchor.0 || (anchor_seq == walk.anchor.0 && anchor_hash != walk.anchor.1) {
        return Ok(false);
    }
    let whole = store::entry_at(conn, walk.seq)?.is_some_and(|row| {
        row.entry_hash == walk.entry_hash && out_of_chain(&row, walk.seq, &row.prev_hash).is_none()
    });
    let witnessed_seal = witnessed
        .lines
        .iter()
        .rev()
        .find(|line| matches!(line, WitnessLine::Seal { seq, .. } if *seq == walk.seq));
    let sealed = match witnessed_seal {
        None => true,
        Some(line) => store::seals_after(conn, walk.seq - 1)?
            .first()
            .is_some_and(|seal| seal.seq == walk.seq && witness_line(seal) == *line),
    };
    Ok(walk.seq > anchor_seq && whole && sealed)
}

/// The chain's state for a report made on a request: the last walk of the whole chain (when it
/// is intact, signed and no older than `good_for`, and the chain still holds what it verified)
/// and a walk, now, of the entries after it, with the seals and the witness's seals among them;
/// with when the whole chain was walked. Otherwise (no such walk, or the chain broke after it) a
/// walk of the whole chain now, and no time.
pub fn verify_since_full_check(
    conn: &mut DbConnection,
    keys: &SigningKeys,
    witness: &AuditWitness,
    (now, good_for): (DateTime<Utc>, TimeDelta),
) -> Result<(ChainState, Option<DateTime<Utc>>), Internal> {
    let witnessed = read_witness(witness)?;
    if let Some(walk) = last_intact_walk(keys, &witnessed, (now, good_for)) {
        if still_holds(conn, &witnessed, &walk)? {
            let (anchor_seq, _) = store::anchor(conn)?;
            let from = (walk.seq, walk.entry_hash.clone());
            let (mut state, _) = verify_from(conn, keys, &witnessed, from)?;
            if state.intact {
                // The walk in full verified every entry from the anchor to where it reached.
                state.entries += walk.seq - anchor_seq;
                return Ok((state, Some(walk.at)));
            }
            // Broken since: the whole chain is walked, to say where it first breaks.
        }
    }
    let anchor = store::anchor(conn)?;
    Ok((verify_from(conn, keys, &witnessed, anchor)?.0, None))
}

fn read_witness(witness: &AuditWitness) -> Result<Witnessed, Internal> {
    let witnessed = witness
        .read()
        .map_err(|e| Internal::new("audit witness", e))?;
    if witnessed.unreadable > 0 {
        tracing::warn!(
            event = "audit_witness_unreadable_lines",
            lines = witnessed.unreadable,
            "the audit witness has lines that are not witness lines (a torn write?); they are skipped"
        );
    }
    Ok(witnessed)
}

/// The chain checked from `from` (the anchor, or an entry a walk in full verified) to the head,
/// with the seals and the witness's seals after `from`; and the last entry verified with its
/// hash.
fn verify_from(
    conn: &mut DbConnection,
    keys: &SigningKeys,
    witnessed: &Witnessed,
    from: (i64, String),
) -> Result<(ChainState, (i64, String)), Internal> {
    let witnessed_seals = seals_to_hold(&witnessed.lines);
    let start = from.0;
    let wanted: HashSet<i64> = witnessed_seals
        .iter()
        .map(|(seq, _)| *seq)
        .filter(|seq| *seq > start)
        .collect();
    let walk = walk_chain(conn, keys, &wanted, from)?;
    let witnessed_count = witnessed_seals
        .iter()
        .filter(|(_, line)| !matches!(line, WitnessLine::Checked { .. }))
        .count() as u64;
    let (anchor_seq, anchor_hash) = store::anchor(conn)?;
    let seals: HashMap<i64, SealRow> = store::seals_after(conn, start)?
        .into_iter()
        .map(|s| (s.seq, s))
        .collect();
    let witness_bad = first_wrong_by_witness(
        &witnessed.lines,
        witnessed_seals,
        ((anchor_seq, &anchor_hash), start),
        &walk,
        &seals,
    );
    let reached = (walk.reached, walk.reached_hash.clone());
    let mut state = walk.state;
    state.witnessed_seals = witnessed_count;
    if let Some(at) = witness_bad {
        state.witness_ok = false;
        state.intact = false;
        state.first_bad_entry = Some(state.first_bad_entry.map_or(at, |b| b.min(at)));
    }
    Ok((state, reached))
}

/// The seals (and restore points, and the ends of intact walks) the chain must hold, in the
/// witness's order: a restore gives up what was witnessed past the point it rewound the chain
/// to.
fn seals_to_hold(lines: &[WitnessLine]) -> Vec<(i64, &WitnessLine)> {
    let mut held: Vec<(i64, &WitnessLine)> = Vec::new();
    for line in lines {
        match line {
            WitnessLine::Seal { seq, .. } => held.push((*seq, line)),
            WitnessLine::Restored { seq, .. } => {
                held.retain(|(s, _)| s <= seq);
                held.push((*seq, line));
            }
            // A walk that found the chain intact saw the entry it reached, as a seal does.
            WitnessLine::Checked {
                seq, intact: true, ..
            } => held.push((*seq, line)),
            WitnessLine::Anchor { .. } | WitnessLine::Checked { .. } => {}
        }
    }
    held
}

/// Where the chain can first be wrong by the witness, if anywhere: its start moved past where
/// the witness saw it move, or a witnessed seal after `from` (where the walk started) or its
/// entry is missing or not as seen.
fn first_wrong_by_witness(
    lines: &[WitnessLine],
    mut in_order: Vec<(i64, &WitnessLine)>,
    ((anchor_seq, anchor_hash), from): ((i64, &str), i64),
    walk: &Walk,
    seals: &HashMap<i64, SealRow>,
) -> Option<i64> {
    let mut witness_bad: Option<i64> = None;
    let mut flag = |at: i64| witness_bad = Some(witness_bad.map_or(at, |b| b.min(at)));
    let last_anchor = lines
        .iter()
        .filter_map(|l| match l {
            WitnessLine::Anchor {
                seq, entry_hash, ..
            } => Some((*seq, entry_hash)),
            WitnessLine::Seal { .. }
            | WitnessLine::Restored { .. }
            | WitnessLine::Checked { .. } => None,
        })
        .max_by_key(|(seq, _)| *seq);
    if let Some((seq, hash)) = last_anchor {
        if anchor_seq > seq || (anchor_seq == seq && anchor_hash != *hash) {
            // Entries the witness never saw removed are gone from the start.
            flag(seq + 1);
        }
    }
    // The chain is proven up to the last witnessed seal whose entry it holds unchanged (up to
    // `from`, by the walk in full that reached it).
    let start = anchor_seq.max(from);
    let mut proven = start;
    in_order.sort_by_key(|(seq, _)| *seq);
    for (seq, line) in in_order {
        if seq <= start {
            continue; // removed by retention with the entries it sealed, or walked before
        }
        if seq > walk.reached {
            if walk.state.intact {
                // The chain ends before a witnessed seal: cut short after the last proven entry.
                flag(proven + 1);
            }
            continue; // otherwise the walk has already found where the chain breaks
        }
        let (WitnessLine::Seal { entry_hash, .. }
        | WitnessLine::Restored { entry_hash, .. }
        | WitnessLine::Checked { entry_hash, .. }) = line
        else {
            continue;
        };
        if walk.hashes.get(&seq) != Some(entry_hash) {
            // The entry the witness saw sealed was replaced: somewhere after the last proven.
            flag(proven + 1);
            continue;
        }
        proven = seq;
        if matches!(line, WitnessLine::Seal { .. })
            && seals.get(&seq).map(witness_line).as_ref() != Some(line)
        {
            // The entry is there, its seal is missing or not the one the witness saw.
            flag(seq);
        }
    }
    witness_bad
}

/// Whether the seal a signed report carries (entry `seq` with hash `entry_hash`) is in the
/// chain: the chain holds that entry with that hash, or retention has removed it (the chain
/// starts after it).
pub fn seal_in_chain(
    conn: &mut DbConnection,
    seq: i64,
    entry_hash: &str,
) -> Result<bool, Internal> {
    let (anchor_seq, anchor_hash) = store::anchor(conn)?;
    if seq < anchor_seq {
        return Ok(true);
    }
    if seq == anchor_seq {
        return Ok(anchor_hash == entry_hash);
    }
    Ok(store::entry_hash_at(conn, seq)?.as_deref() == Some(entry_hash))
}

/// What the walk found: the chain's state by the database alone, how far it verified the
/// chain, and the hashes of the entries asked for on the way.
struct Walk {
    state: ChainState,
    /// The last entry verified (where the walk started when none was).
    reached: i64,
    /// Its hash, when the walk reached the head (empty otherwise).
    reached_hash: String,
    hashes: HashMap<i64, String>,
}

/// Where `row` breaks the chain, if it does: not the number expected, not linked to the entry
/// before, or not the hash of its own fields.
fn out_of_chain(row: &AuditRow, expected_seq: i64, expected_prev: &str) -> Option<i64> {
    let at = DateTime::<Utc>::from_naive_utc_and_offset(row.recorded_at, Utc);
    let recomputed = entry_hash(
        &row.prev_hash,
        row.seq,
        at,
        &row.actor,
        &row.action,
        row.subject.as_deref(),
    );
    (row.seq != expected_seq || row.prev_hash != expected_prev || recomputed != row.entry_hash)
        .then(|| expected_seq.min(row.seq))
}

/// The chain walk alone, from the database, from the entry `start` (the anchor, or one a walk
/// in full verified) with its hash, collecting the hashes of the entries `wanted`.
fn walk_chain(
    conn: &mut DbConnection,
    keys: &SigningKeys,
    wanted: &HashSet<i64>,
    (start_seq, start_hash): (i64, String),
) -> diesel::QueryResult<Walk> {
    const PAGE: i64 = 5_000;
    let seals = store::seals_after(conn, start_seq)?;
    let mut seals_ahead = seals.iter().peekable();
    let (mut expected_prev, mut expected_seq) = (start_hash, start_seq + 1);
    let mut hashes = HashMap::new();
    let walk = |entries, first_bad_entry: Option<i64>, reached, hashes| Walk {
        state: ChainState {
            entries,
            intact: first_bad_entry.is_none(),
            first_bad_entry,
            witnessed_seals: 0,
            witness_ok: true,
        },
        reached,
        reached_hash: String::new(),
        hashes,
    };
    if let Some(bad) = seals.iter().find(|s| !seal_is_genuine(keys, s)) {
        return Ok(walk(store::count(conn)?, Some(bad.seq), start_seq, hashes));
    }
    let (mut entries, mut after, mut rounds) = (0, start_seq, 0);
    // The head the walk ends on: entries appended while the chain was walked are walked too,
    // so that a busy service's walk does not take them for a cut-off end. An entry commits
    // with the head that counts it, so a page read after the head holds it; a head still
    // ahead after a few empty pages in a row is not the chain's.
    let (head_seq, head_hash) = loop {
        let page = store::page(conn, after, PAGE)?;
        if page.is_empty() {
            let head = store::head(conn)?;
            if head.0 > after && rounds < 3 {
                rounds += 1;
                continue;
            }
            break head;
        }
        rounds = 0;
        for row in &page {
            entries += 1;
            let reached = expected_seq - 1;
            if let Some(at) = out_of_chain(row, expected_seq, &expected_prev) {
                return Ok(walk(entries, Some(at), reached, hashes));
            }
            while let Some(seal) = seals_ahead.next_if(|s| s.seq <= row.seq) {
                if seal.seq != row.seq || seal.entry_hash != row.entry_hash {
                    return Ok(walk(entries, Some(seal.seq), reached, hashes));
                }
            }
            if wanted.contains(&row.seq) {
                hashes.insert(row.seq, row.entry_hash.clone());
            }
            expected_prev = row.entry_hash.clone();
            expected_seq += 1;
        }
        after = page.last().map(|r| r.seq).unwrap_or(after);
    };
    let reached = expected_seq - 1;
    if let Some(seal) = seals_ahead.next() {
        // A sealed entry is missing: the end of the chain was cut off.
        let at = seal.seq.min(expected_seq);
        return Ok(walk(entries, Some(at), reached, hashes));
    }
    if head_seq != expected_seq - 1 || head_hash != expected_prev {
        // Entries after the last one found were removed.
        return Ok(walk(entries, Some(expected_seq), reached, hashes));
    }
    let mut whole = walk(entries, None, reached, hashes);
    whole.reached_hash = expected_prev;
    Ok(whole)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_depends_on_every_field() {
        let at = Utc::now();
        let base = entry_hash("p", 1, at, "a", "x", Some("s"));
        assert_ne!(base, entry_hash("q", 1, at, "a", "x", Some("s")));
        assert_ne!(base, entry_hash("p", 2, at, "a", "x", Some("s")));
        assert_ne!(base, entry_hash("p", 1, at, "b", "x", Some("s")));
        assert_ne!(base, entry_hash("p", 1, at, "a", "y", Some("s")));
        assert_ne!(base, entry_hash("p", 1, at, "a", "x", None));
        assert_ne!(
            entry_hash("p", 1, at, "ab", "c", None),
            entry_hash("p", 1, at, "a", "bc", None)
        );
    }
}
