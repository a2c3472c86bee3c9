//! Storage: one connection type for SQLite and PostgreSQL, a pool, embedded migrations, and the
//! table modules. The only place the two dialects differ is `dialect`.

pub mod audit;
pub mod backup;
pub mod cards;
pub mod dialect;
pub mod factors;
pub mod import_runs;
pub mod legal_holds;
pub mod program_counts;
pub mod purge_runs;
pub mod report;
pub mod residents;
pub mod schema;
pub mod sessions;
pub mod settings;
pub mod sign_on_requests;
pub mod sites;
pub mod staff;
pub mod throttle;
pub mod verification_counts;

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::config::DatabaseUrl;

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// One connection, either backend. Queries written once run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(diesel::PgConnection),
    Sqlite(diesel::SqliteConnection),
}

pub type DbPool = r2d2::Pool<ConnectionManager>;
pub type PooledConnection = r2d2::PooledConnection<ConnectionManager>;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot connect to the {backend} database: {source}")]
    Connect {
        backend: &'static str,
        source: ConnectionError,
    },
    #[error("cannot prepare the database: {0}")]
    Setup(String),
    #[error("the database connection pool: {0}")]
    Pool(#[from] r2d2::Error),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

/// Establishes connections itself, by URL scheme, so a PostgreSQL error reaches the operator
/// as PostgreSQL said it, and every SQLite connection gets the same pragmas.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: DatabaseUrl,
    connect_timeout_secs: u64,
}

impl ConnectionManager {
    pub fn new(url: DatabaseUrl, connect_timeout_secs: u64) -> Self {
        Self {
            url,
            connect_timeout_secs,
        }
    }

    pub fn establish(&self) -> Result<DbConnection, DbError> {
        match &self.url {
            DatabaseUrl::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir)
                        .map_err(|e| DbError::Setup(format!("{}: {e}", dir.display())))?;
                }
                let path = path.to_string_lossy();
                let mut conn = diesel::SqliteConnection::establish(&path).map_err(|source| {
                    DbError::Connect {
                        backend: "sqlite",
                        source,
                    }
                })?;
                conn.batch_execute(dialect::SQLITE_PRAGMAS)
                    .map_err(|e| DbError::Setup(format!("sqlite pragmas: {e}")))?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => {
                let url = dialect::with_connect_timeout(url, self.connect_timeout_secs);
                let conn =
                    diesel::PgConnection::establish(&url).map_err(|source| DbError::Connect {
                        backend: "postgres",
                        source,
                    })?;
                Ok(DbConnection::Postgresql(conn))
            }
        }
    }
}

impl r2d2::ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = DbError;

    fn connect(&self) -> Result<DbConnection, DbError> {
        self.establish()
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), DbError> {
        ping(conn).map_err(DbError::Query)
    }

    /// Asked when a connection goes back into the pool: one left inside a transaction (a
    /// commit or rollback that failed half-way) or whose transaction state is broken is
    /// dropped rather than handed to the next request.
    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        diesel::r2d2::R2D2Connection::is_broken(conn)
    }
}

/// Whether the database answers a query.
pub fn ping(conn: &mut DbConnection) -> QueryResult<()> {
    conn.batch_execute("SELECT 1")
}

/// Runs `f` in a transaction that may write, committed when `f` succeeds and rolled back when
/// it fails. On SQLite the transaction begins `IMMEDIATE`: it takes the write lock at its start,
/// waiting up to the busy timeout behind another writer. A deferred transaction that reads first
/// and writes later cannot wait: when another writer commits in between, its upgrade fails at
/// once with "database is locked" (SQLITE_BUSY_SNAPSHOT), whatever the busy timeout. Called inside
/// a transaction, it nests as a savepoint. PostgreSQL's transactions need nothing of the kind.
pub fn transaction<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    use diesel::result::Error;

    let DbConnection::Sqlite(sqlite) = conn else {
        return conn.transaction(f);
    };
    match AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE") {
        Ok(()) => {}
        Err(Error::AlreadyInTransaction) => return conn.transaction(f),
        Err(e) => return Err(e.into()),
    }
    let outcome = f(&mut *conn);
    let DbConnection::Sqlite(sqlite) = conn else {
        unreachable!("the connection's backend does not change inside a transaction");
    };
    match outcome {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(sqlite)?;
            Ok(value)
        }
        Err(e) => match AnsiTransactionManager::rollback_transaction(sqlite) {
            Ok(()) | Err(Error::BrokenTransactionManager) => Err(e),
            Err(rollback) => Err(rollback.into()),
        },
    }
}

/// Connects (reporting the backend's own error), applies pending migrations, builds the pool.
pub fn connect(
    url: &DatabaseUrl,
    pool_size: u32,
    connect_timeout_secs: u64,
    acquire_timeout: Duration,
) -> Result<DbPool, DbError> {
    let manager = ConnectionManager::new(url.clone(), connect_timeout_secs);
    let mut first = manager.establish()?;
    run_migrations(&mut first)?;
    drop(first);
    let pool = r2d2::Pool::builder()
        .max_size(pool_size)
        .min_idle(Some(1))
        .connection_timeout(acquire_timeout)
        // A failed connection attempt is not logged here, once per attempt: the request that
        // meets it reports the outage, which logs it once (`health`).
        .error_handler(Box::new(r2d2::NopErrorHandler))
        .build(manager)?;
    Ok(pool)
}

/// Applies the embedded migrations of the connection's backend. On PostgreSQL an advisory lock
/// keeps several instances starting at once from racing.
pub fn run_migrations(conn: &mut DbConnection) -> Result<usize, DbError> {
    let setup = |e: Box<dyn std::error::Error + Send + Sync>| DbError::Setup(e.to_string());
    match conn {
        DbConnection::Sqlite(c) => Ok(c
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map_err(setup)?
            .len()),
        DbConnection::Postgresql(c) => {
            c.batch_execute(&format!(
                "SELECT pg_advisory_lock({})",
                dialect::MIGRATION_LOCK_ID
            ))?;
            let applied = c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.len());
            c.batch_execute(&format!(
                "SELECT pg_advisory_unlock({})",
                dialect::MIGRATION_LOCK_ID
            ))?;
            applied.map_err(setup)
        }
    }
}

/// A unique constraint said no: a duplicate username, a race on an insert.
pub fn is_unique_violation(err: &diesel::result::Error) -> bool {
    matches!(
        err,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

#[cfg(test)]
mod tests {
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    use r2d2::ManageConnection;

    use super::*;

    #[test]
    fn a_connection_left_inside_a_transaction_does_not_go_back_into_the_pool() {
        let dir = tempfile::tempdir().unwrap();
        let manager = ConnectionManager::new(DatabaseUrl::Sqlite(dir.path().join("t.db")), 5);
        let mut conn = manager.connect().unwrap();
        assert!(!manager.has_broken(&mut conn));
        let DbConnection::Sqlite(inner) = &mut conn else {
            unreachable!()
        };
        AnsiTransactionManager::begin_transaction(inner).unwrap();
        assert!(manager.has_broken(&mut conn));
    }
}
