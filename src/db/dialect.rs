//! Everything that differs between SQLite and PostgreSQL lives here.

/// Set on every SQLite connection: WAL so readers never wait for the writer, a busy timeout so
/// writers queue instead of failing, foreign keys on, secure_delete so that deleted ciphertexts
/// and wrapped keys are overwritten instead of lingering in free pages, and a journal size
/// limit so the WAL file shrinks back after a checkpoint instead of keeping old frames.
pub const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL;
PRAGMA busy_timeout = 10000;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA secure_delete = ON;
PRAGMA journal_size_limit = 1048576;";

/// The tables whose rows hold personal data (as ciphertext) or the keys to it, and the cards,
/// whose tombstones shed what linked them to a person.
pub const PERSONAL_TABLES: [&str; 4] = ["residents", "resident_photos", "cards", "card_deliveries"];

/// After a few rows of personal data were destroyed (an address at print): on SQLite the WAL,
/// which still holds the old pages, is checkpointed and truncated now. PostgreSQL's dead row
/// versions go at the next bulk reclaim (the scheduled purge): a VACUUM per request would scan
/// every index of a large table.
pub fn reclaim_after_row_destruction(conn: &mut super::DbConnection) -> diesel::QueryResult<()> {
    use diesel::connection::SimpleConnection;
    match conn {
        super::DbConnection::Sqlite(c) => c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);"),
        super::DbConnection::Postgresql(_) => Ok(()),
    }
}

/// After a purge or a roll-forward: SQLite checkpoints and truncates its WAL; PostgreSQL
/// vacuums the personal-data tables, so dead row versions holding old ciphertexts and wrapped
/// keys are removed rather than left for anyone reading the data files.
pub fn reclaim_after_bulk_destruction(conn: &mut super::DbConnection) -> diesel::QueryResult<()> {
    use diesel::connection::SimpleConnection;
    match conn {
        super::DbConnection::Sqlite(c) => c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE);"),
        super::DbConnection::Postgresql(c) => {
            c.batch_execute(&format!("VACUUM {}", PERSONAL_TABLES.join(", ")))
        }
    }
}

/// While a bulk load grows the personal-data tables (an import): PostgreSQL's planner is told
/// their new size, or a query planned on a near-empty table (the duplicate check by blind
/// index) keeps scanning it whole and the load slows down with every row. SQLite picks its
/// indexes without statistics.
pub fn refresh_statistics(conn: &mut super::DbConnection) -> diesel::QueryResult<()> {
    use diesel::connection::SimpleConnection;
    match conn {
        super::DbConnection::Sqlite(_) => Ok(()),
        super::DbConnection::Postgresql(c) => {
            c.batch_execute(&format!("ANALYZE {}", PERSONAL_TABLES.join(", ")))
        }
    }
}

/// PostgreSQL advisory lock ids, one per kind of exclusive job.
pub const MIGRATION_LOCK_ID: i64 = 0x6d75_6e69_0001;

/// Adds `connect_timeout` to a PostgreSQL URL unless it names one already.
pub fn with_connect_timeout(url: &str, seconds: u64) -> String {
    if url.contains("connect_timeout=") || seconds == 0 {
        return url.to_owned();
    }
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}connect_timeout={seconds}")
}

/// Lock id for the purge (and key rotation): one at a time across every instance.
pub const RETENTION_LOCK_ID: i64 = 0x6d75_6e69_0002;

/// An exclusive job across instances: a PostgreSQL advisory lock held on a dedicated pooled
/// connection, or on SQLite (one host) an exclusive lock on a file beside the database. Either
/// way the lock keeps its connection, and the job does its work on it: a job never needs a
/// second connection from the pool (which may be one connection large).
pub enum JobLock {
    Postgres(Box<super::PooledConnection>, i64),
    File(std::fs::File, Box<super::PooledConnection>),
}

impl JobLock {
    /// Takes the lock if it is free; `None` when another process holds it.
    pub fn try_acquire(
        mut conn: super::PooledConnection,
        lock_id: i64,
        lock_file: &std::path::Path,
    ) -> Result<Option<Self>, String> {
        use diesel::prelude::*;
        use diesel::sql_types::Bool;
        match &mut *conn {
            super::DbConnection::Postgresql(pg) => {
                let taken: bool = diesel::select(diesel::dsl::sql::<Bool>(&format!(
                    "pg_try_advisory_lock({lock_id})"
                )))
                .get_result(pg)
                .map_err(|e| e.to_string())?;
                Ok(taken.then(|| JobLock::Postgres(Box::new(conn), lock_id)))
            }
            super::DbConnection::Sqlite(_) => {
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(lock_file)
                    .map_err(|e| format!("{}: {e}", lock_file.display()))?;
                match file.try_lock() {
                    Ok(()) => Ok(Some(JobLock::File(file, Box::new(conn)))),
                    Err(std::fs::TryLockError::WouldBlock) => Ok(None),
                    Err(std::fs::TryLockError::Error(e)) => {
                        Err(format!("{}: {e}", lock_file.display()))
                    }
                }
            }
        }
    }
}

impl JobLock {
    /// The connection the job works on.
    pub fn connection(&mut self) -> &mut super::DbConnection {
        match self {
            JobLock::Postgres(conn, _) | JobLock::File(_, conn) => conn,
        }
    }
}

impl Drop for JobLock {
    fn drop(&mut self) {
        if let JobLock::Postgres(conn, lock_id) = self {
            use diesel::connection::SimpleConnection;
            // A session-level lock outlives a transaction: release it before the connection
            // goes back to the pool.
            let _ = conn.batch_execute(&format!("SELECT pg_advisory_unlock({lock_id})"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connect_timeout_is_added_once() {
        assert_eq!(
            with_connect_timeout("postgres://h/db", 5),
            "postgres://h/db?connect_timeout=5"
        );
        assert_eq!(
            with_connect_timeout("postgres://h/db?sslmode=require", 5),
            "postgres://h/db?sslmode=require&connect_timeout=5"
        );
        assert_eq!(
            with_connect_timeout("postgres://h/db?connect_timeout=1", 5),
            "postgres://h/db?connect_timeout=1"
        );
    }
}
