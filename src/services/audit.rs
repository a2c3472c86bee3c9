//! The audit trail: who did what to which record, when — never personal data. Each entry holds
//! the hash of the one before, so an edit, a deletion or a reordering breaks the chain.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::db::audit::{self as store, AuditRow};
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ChainState {
    pub entries: i64,
    pub intact: bool,
    pub first_bad_entry: Option<i64>,
}

/// Walks the chain from the first entry: each must follow the one before in number and hash,
/// and the last must be the head.
pub fn verify_chain(conn: &mut DbConnection) -> diesel::QueryResult<ChainState> {
    const PAGE: i64 = 5_000;
    let genesis = "0".repeat(64);
    let mut expected_prev = genesis;
    let mut expected_seq = 1;
    let mut entries = 0;
    let mut after = 0;
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
            expected_prev = row.entry_hash.clone();
            expected_seq += 1;
        }
        after = page.last().map(|r| r.seq).unwrap_or(after);
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
