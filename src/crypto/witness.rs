//! The audit witness: an append-only file, kept with the keys and outside the database, that
//! holds a copy of every signed seal of the audit chain, every move of the chain's start by
//! the audit retention, and every walk of the whole chain. Whoever can write the database cannot reach it, so `audit verify` can
//! tell a chain that was cut short or rewritten from one that is whole.
//!
//! One JSON object a line. Opened with O_APPEND for every line (several processes — the
//! server, the command line — append to the same file), created 0600, synced before the
//! append returns.

use std::fs::{self, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One witnessed event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WitnessLine {
    /// A seal, exactly as the database holds it (hex key id and signature).
    Seal {
        seq: i64,
        entry_hash: String,
        sealed_at: DateTime<Utc>,
        key_id: String,
        signature: String,
    },
    /// The chain's start (the last entry removed) moved here. Written before the removal
    /// commits, so the chain's start is never ahead of the witness.
    Anchor {
        seq: i64,
        entry_hash: String,
        moved_at: DateTime<Utc>,
    },
    /// A walk of the whole chain (a purge run's), from the anchor `anchor_seq` (whose hash it
    /// gives): intact up to entry `seq`, whose hash it gives, or (`intact` false) broken at
    /// `seq` or not walked, with no hash. A report made on a request walks only what follows
    /// the last intact walk, when the last walk is intact and recent; and the chain must hold
    /// entry `seq` as walked, like a seal's. Signed by the service key over
    /// `audit::full_check_message`.
    Checked {
        seq: i64,
        entry_hash: String,
        anchor_seq: i64,
        anchor_hash: String,
        checked_at: DateTime<Utc>,
        intact: bool,
        key_id: String,
        signature: String,
    },
    /// A backup was restored: the chain was rewound to this entry (the restored head). Seals
    /// witnessed earlier past it belong to the history the restore gave up; the rewind itself
    /// stays on record here.
    Restored {
        seq: i64,
        entry_hash: String,
        restored_at: DateTime<Utc>,
        backup_taken_at: DateTime<Utc>,
    },
}

#[derive(Debug, thiserror::Error)]
#[error("the audit witness file {path}: {source}")]
pub struct WitnessError {
    path: PathBuf,
    source: std::io::Error,
}

/// What the witness file holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Witnessed {
    pub lines: Vec<WitnessLine>,
    /// Lines that are not witness lines (a write torn by a crash); they are skipped.
    pub unreadable: usize,
}

#[derive(Debug, Clone)]
pub struct AuditWitness {
    path: PathBuf,
}

impl AuditWitness {
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn error(&self, source: std::io::Error) -> WitnessError {
        WitnessError {
            path: self.path.clone(),
            source,
        }
    }

    /// Whether nothing has been witnessed yet (no file, or an empty one).
    pub fn is_empty(&self) -> Result<bool, WitnessError> {
        match fs::metadata(&self.path) {
            Ok(meta) => Ok(meta.len() == 0),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
            Err(e) => Err(self.error(e)),
        }
    }

    /// Appends one line and syncs it to disk.
    pub fn append(&self, line: &WitnessLine) -> Result<(), WitnessError> {
        let mut text = serde_json::to_string(line)
            .map_err(|e| self.error(std::io::Error::other(e)))?
            .into_bytes();
        text.push(b'\n');
        if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| self.error(e))?;
        }
        let created = !self.path.exists();
        let mut file = OpenOptions::new()
            .create(true)
            .append(true)
            .read(true)
            .mode(0o600)
            .open(&self.path)
            .map_err(|e| self.error(e))?;
        // A crash in the middle of an earlier append leaves a line without its end: start on
        // a line of our own so that one torn line never swallows the next.
        let len = file.metadata().map_err(|e| self.error(e))?.len();
        if len > 0 {
            let mut last = [0u8; 1];
            file.seek(SeekFrom::Start(len - 1))
                .and_then(|_| file.read_exact(&mut last))
                .map_err(|e| self.error(e))?;
            if last[0] != b'\n' {
                text.insert(0, b'\n');
            }
        }
        file.write_all(&text).map_err(|e| self.error(e))?;
        file.sync_all().map_err(|e| self.error(e))?;
        if created {
            if let Some(dir) = self.path.parent().filter(|d| !d.as_os_str().is_empty()) {
                // The new file's name must survive a crash too.
                fs::File::open(dir)
                    .and_then(|d| d.sync_all())
                    .map_err(|e| self.error(e))?;
            }
        }
        Ok(())
    }

    /// Every witnessed line, in the order written; nothing when there is no file yet.
    pub fn read(&self) -> Result<Witnessed, WitnessError> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Witnessed::default()),
            Err(e) => return Err(self.error(e)),
        };
        let mut witnessed = Witnessed::default();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            match serde_json::from_str(line) {
                Ok(parsed) => witnessed.lines.push(parsed),
                Err(_) => witnessed.unreadable += 1,
            }
        }
        Ok(witnessed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn seal(seq: i64) -> WitnessLine {
        WitnessLine::Seal {
            seq,
            entry_hash: format!("{seq:064}"),
            sealed_at: Utc::now(),
            key_id: "0102030405060708".into(),
            signature: "ab".repeat(64),
        }
    }

    #[test]
    fn lines_append_in_order_in_a_private_file_and_a_torn_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let witness = AuditWitness::new(dir.path().join("keys").join("witness.jsonl"));
        assert!(witness.is_empty().unwrap());
        assert_eq!(witness.read().unwrap(), Witnessed::default());
        witness.append(&seal(3)).unwrap();
        let mode = fs::metadata(witness.path()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        // A crash mid-append.
        let mut file = OpenOptions::new()
            .append(true)
            .open(witness.path())
            .unwrap();
        file.write_all(b"{\"kind\":\"seal\",\"seq\":4,\"entr")
            .unwrap();
        let anchor = WitnessLine::Anchor {
            seq: 2,
            entry_hash: "h".into(),
            moved_at: Utc::now(),
        };
        witness.append(&anchor).unwrap();
        witness.append(&seal(5)).unwrap();
        let read = witness.read().unwrap();
        assert_eq!(read.unreadable, 1);
        assert_eq!(read.lines.len(), 3);
        assert_eq!(read.lines[1], anchor);
        assert!(!witness.is_empty().unwrap());
    }
}
