//! The audit trail: who did what to which record, when — never personal data. Each entry holds
//! the hash of the one before, so an edit, a deletion or a reordering breaks the chain.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::crypto::signing::SigningKeys;
use crate::db::audit::{self as store, AuditRow, SealRow};
use crate::db::DbConnection;

/// Appends an entry. Call it as the first write of a transaction: it takes the chain head,
/// which serialises writers on both backends.
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
    use diesel::Connection;
    conn.transaction(|conn| record(conn, at, actor, action, subject))
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct ChainState {
    pub entries: i64,
    pub intact: bool,
    pub first_bad_entry: Option<i64>,
}

fn seal_message(seq: i64, entry_hash: &str, sealed_at: DateTime<Utc>) -> Vec<u8> {
    format!(
        "muni-id/audit-seal/v1|{seq}|{entry_hash}|{}",
        sealed_at.to_rfc3339_opts(SecondsFormat::Micros, true)
    )
    .into_bytes()
}

/// Signs the chain head with the service key, so that cutting entries off the end of the
/// chain (and rewriting the head to match) is detected. Does nothing when the head is sealed.
pub fn seal_head(
    conn: &mut DbConnection,
    keys: &SigningKeys,
    now: DateTime<Utc>,
) -> diesel::QueryResult<Option<i64>> {
    let (seq, entry_hash) = store::head(conn)?;
    if seq == 0 || store::last_seal(conn)?.is_some_and(|s| s.seq == seq) {
        return Ok(None);
    }
    let Some(current) = keys.current() else {
        return Ok(None);
    };
    let signature = current.sign(&seal_message(seq, &entry_hash, now));
    store::insert_seal(
        conn,
        &SealRow {
            seq,
            entry_hash,
            sealed_at: now.naive_utc(),
            key_id: hex::encode(current.kid),
            signature: hex::encode(signature),
        },
    )?;
    Ok(Some(seq))
}

fn seal_is_genuine(keys: &SigningKeys, seal: &SealRow) -> bool {
    let sealed_at = DateTime::<Utc>::from_naive_utc_and_offset(seal.sealed_at, Utc);
    match (hex::decode(&seal.key_id), hex::decode(&seal.signature)) {
        (Ok(kid), Ok(signature)) => keys.verify(
            &kid,
            &seal_message(seal.seq, &seal.entry_hash, sealed_at),
            &signature,
        ),
        _ => false,
    }
}

/// Walks the chain from its anchor: each entry must follow the one before in number and hash,
/// the last must be the head, and every signed seal must match the entry it sealed.
pub fn verify_chain(
    conn: &mut DbConnection,
    keys: &SigningKeys,
) -> diesel::QueryResult<ChainState> {
    const PAGE: i64 = 5_000;
    let (anchor_seq, anchor_hash) = store::anchor(conn)?;
    let seals = store::seals(conn)?;
    let mut seals_ahead = seals.iter().peekable();
    let mut expected_prev = anchor_hash;
    let mut expected_seq = anchor_seq + 1;
    let broken = |entries, at| ChainState {
        entries,
        intact: false,
        first_bad_entry: Some(at),
    };
    if let Some(bad) = seals.iter().find(|s| !seal_is_genuine(keys, s)) {
        return Ok(broken(store::count(conn)?, bad.seq));
    }
    let mut entries = 0;
    let mut after = anchor_seq;
    loop {
        let page = store::page(conn, after, PAGE)?;
        if page.is_empty() {
            break;
        }
        for row in &page {
            entries += 1;
            let at = DateTime::<Utc>::from_naive_utc_and_offset(row.recorded_at, Utc);
            let recomputed = entry_hash(
                &row.prev_hash,
                row.seq,
                at,
                &row.actor,
                &row.action,
                row.subject.as_deref(),
            );
            if row.seq != expected_seq
                || row.prev_hash != expected_prev
                || recomputed != row.entry_hash
            {
                return Ok(ChainState {
                    entries,
                    intact: false,
                    first_bad_entry: Some(expected_seq.min(row.seq)),
                });
            }
            while let Some(seal) = seals_ahead.next_if(|s| s.seq <= row.seq) {
                if seal.seq != row.seq || seal.entry_hash != row.entry_hash {
                    return Ok(broken(entries, seal.seq));
                }
            }
            expected_prev = row.entry_hash.clone();
            expected_seq += 1;
        }
        after = page.last().map(|r| r.seq).unwrap_or(after);
    }
    if let Some(seal) = seals_ahead.next() {
        // A sealed entry is missing: the end of the chain was cut off.
        return Ok(broken(entries, seal.seq.min(expected_seq)));
    }
    let (head_seq, head_hash) = store::head(conn)?;
    if head_seq != expected_seq - 1 || head_hash != expected_prev {
        // Entries after the last one found were removed.
        return Ok(ChainState {
            entries,
            intact: false,
            first_bad_entry: Some(expected_seq),
        });
    }
    Ok(ChainState {
        entries,
        intact: true,
        first_bad_entry: None,
    })
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
