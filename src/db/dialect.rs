//! Everything that differs between SQLite and PostgreSQL lives here.

/// Set on every SQLite connection: WAL so readers never wait for the writer, a busy timeout so
/// writers queue instead of failing, foreign keys on, and secure_delete so that deleted
/// ciphertexts and wrapped keys are overwritten instead of lingering in free pages.
pub const SQLITE_PRAGMAS: &str = "PRAGMA journal_mode = WAL;
PRAGMA busy_timeout = 10000;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA secure_delete = ON;";

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
