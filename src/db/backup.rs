//! Copies of the database, backend by backend: SQLite with `VACUUM INTO` (a consistent copy
//! taken while the service runs, holding no free pages with deleted data in them), PostgreSQL
//! with `pg_dump`'s custom format read back by `pg_restore`. Only the database: the key ring,
//! signing keys and audit witness are files elsewhere and are never copied here.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context as _};
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::{DbConnection, DbPool};
use crate::config::DatabaseUrl;

/// The copy's file name in the backup folder.
pub fn file_name(url: &DatabaseUrl) -> &'static str {
    match url {
        DatabaseUrl::Sqlite(_) => "muni-id.sqlite",
        DatabaseUrl::Postgres(_) => "muni-id.pgdump",
    }
}

/// Writes a consistent copy of the database to `file`, which must not exist.
pub fn copy_out(url: &DatabaseUrl, pool: &DbPool, file: &Path) -> anyhow::Result<()> {
    match url {
        DatabaseUrl::Sqlite(_) => {
            let mut conn = pool.get()?;
            let target = file
                .to_str()
                .context("the backup folder's path is not UTF-8")?;
            diesel::sql_query(format!("VACUUM INTO '{}'", target.replace('\'', "''")))
                .execute(&mut *conn)
                .context("VACUUM INTO")?;
            Ok(())
        }
        DatabaseUrl::Postgres(url) => {
            let (url, password) = split_password(url)?;
            let mut command = Command::new("pg_dump");
            command
                .args(["--format=custom", "--no-owner", "--no-privileges"])
                .arg(format!("--file={}", file.display()))
                .arg(format!("--dbname={url}"));
            run(command, password, "pg_dump")
        }
    }
}

/// Puts the copy in `file` in place of the configured database, which must hold no data (the
/// caller checked). On SQLite the file is copied in beside the database and renamed over it.
pub fn copy_in(url: &DatabaseUrl, file: &Path, has_tables: bool) -> anyhow::Result<()> {
    match url {
        DatabaseUrl::Sqlite(path) => {
            let staged = staging_path(path);
            std::fs::copy(file, &staged)
                .with_context(|| format!("copying {} in", file.display()))?;
            std::fs::File::open(&staged)?.sync_all()?;
            for stale in crate::private_files::sqlite_files(path).iter().skip(1) {
                match std::fs::remove_file(stale) {
                    Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                        return Err(e).with_context(|| format!("removing {}", stale.display()));
                    }
                    _ => {}
                }
            }
            std::fs::rename(&staged, path)
                .with_context(|| format!("moving the copy to {}", path.display()))?;
            Ok(())
        }
        DatabaseUrl::Postgres(url) => {
            let (url, password) = split_password(url)?;
            let mut command = Command::new("pg_restore");
            command.args([
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
            ]);
            if has_tables {
                // Empty tables a migration made: replaced by the copy's.
                command.args(["--clean", "--if-exists"]);
            }
            command.arg(format!("--dbname={url}")).arg(file);
            run(command, password, "pg_restore")
        }
    }
}

/// Where a SQLite database's copy is staged while it is restored, beside the database so the
/// rename that puts it in place is atomic.
fn staging_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".restoring");
    PathBuf::from(name)
}

/// Runs a PostgreSQL client program; its password (if the URL had one) goes in the
/// environment, never on a command line other users can read.
fn run(mut command: Command, password: Option<String>, name: &str) -> anyhow::Result<()> {
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    let output = command.output().with_context(|| {
        format!("running {name} (install the PostgreSQL client programs, matching the server's version or newer)")
    })?;
    if !output.status.success() {
        bail!(
            "{name} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

/// The URL without its password, and the password.
fn split_password(raw: &str) -> anyhow::Result<(String, Option<String>)> {
    let mut url = url::Url::parse(raw).context("the database URL")?;
    let password = url.password().map(|p| {
        percent_encoding::percent_decode_str(p)
            .decode_utf8_lossy()
            .into_owned()
    });
    if password.is_some() {
        url.set_password(None)
            .map_err(|()| anyhow::anyhow!("the database URL cannot lose its password"))?;
    }
    Ok((url.to_string(), password))
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The tables whose rows mean a database is in use.
const DATA_TABLES: [&str; 4] = ["staff", "residents", "cards", "audit_log"];

/// Rows in the tables that hold the program's data, by table (a table that does not exist yet
/// counts nothing).
pub fn row_counts(conn: &mut DbConnection) -> QueryResult<Vec<(&'static str, i64)>> {
    let mut counts = Vec::new();
    for table in DATA_TABLES {
        let exists = match conn {
            DbConnection::Sqlite(_) => diesel::sql_query(format!(
                "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
            )),
            DbConnection::Postgresql(_) => diesel::sql_query(format!(
                "SELECT COUNT(*) AS n FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_name = '{table}'"
            )),
        }
        .get_result::<Count>(conn)?
        .n > 0;
        let rows = if exists {
            diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
                .get_result::<Count>(conn)?
                .n
        } else {
            0
        };
        counts.push((table, rows));
    }
    Ok(counts)
}

/// Whether the database has any tables (migrations ran).
pub fn has_tables(conn: &mut DbConnection) -> QueryResult<bool> {
    let query = match conn {
        DbConnection::Sqlite(_) => {
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        }
        DbConnection::Postgresql(_) => {
            "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()"
        }
    };
    Ok(diesel::sql_query(query).get_result::<Count>(conn)?.n > 0)
}
