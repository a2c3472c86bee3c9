//! A copy of the database as an attacker would hold it: on SQLite a copy of the database file
//! and its WAL, as a copy of the data folder holds them; on PostgreSQL a `pg_dump` restored
//! into a database of its own. What a test then tries is to open the copy's records with the
//! key custody as it is *now*.

use std::path::{Path, PathBuf};
use std::process::Command;

use diesel::connection::SimpleConnection;
use diesel::Connection;
use muni_id::db::residents::{self, ResidentRow};
use muni_id::db::DbConnection;
use muni_id::private_files::sqlite_files;

use crate::helpers::{TestApp, TestDatabase};

pub struct Backup {
    _dir: tempfile::TempDir,
    copy: Copy,
}

enum Copy {
    Sqlite(PathBuf),
    Postgres { admin_url: String, name: String },
}

impl Backup {
    /// Takes a copy of the test app's database as it is now.
    pub fn take(app: &TestApp) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let copy = match &app.database {
            TestDatabase::Sqlite => {
                let db = app.data_dir.path().join("muni-id.db");
                let target = dir.path().join("muni-id.db");
                for (from, to) in sqlite_files(&db).iter().zip(sqlite_files(&target)) {
                    if from.exists() && !from.to_string_lossy().ends_with("-shm") {
                        std::fs::copy(from, to).unwrap();
                    }
                }
                Copy::Sqlite(target)
            }
            TestDatabase::Shared => panic!("take the backup from the app that owns the database"),
            TestDatabase::Postgres { admin_url, name } => {
                let dump = dir.path().join("dump");
                let source = database_url(admin_url, name);
                run("pg_dump", &["-Fc", "-f", path(&dump), "--dbname", &source]);
                let copy_name = format!(
                    "{name}_backup_{}",
                    &uuid::Uuid::new_v4().simple().to_string()[..8]
                );
                let mut admin = diesel::PgConnection::establish(admin_url).unwrap();
                admin
                    .batch_execute(&format!("CREATE DATABASE {copy_name}"))
                    .unwrap();
                run(
                    "pg_restore",
                    &[
                        "--no-owner",
                        "--dbname",
                        &database_url(admin_url, &copy_name),
                        path(&dump),
                    ],
                );
                Copy::Postgres {
                    admin_url: admin_url.clone(),
                    name: copy_name,
                }
            }
        };
        Backup { _dir: dir, copy }
    }

    fn connect(&self) -> DbConnection {
        match &self.copy {
            Copy::Sqlite(db) => DbConnection::Sqlite(
                diesel::SqliteConnection::establish(&db.to_string_lossy()).unwrap(),
            ),
            Copy::Postgres { admin_url, name } => DbConnection::Postgresql(
                diesel::PgConnection::establish(&database_url(admin_url, name)).unwrap(),
            ),
        }
    }

    /// A resident's row as the copy holds it.
    pub fn resident(&self, id: &str) -> Option<ResidentRow> {
        residents::find(&mut self.connect(), id).unwrap()
    }

    /// Every resident row the copy holds.
    pub fn residents(&self) -> Vec<ResidentRow> {
        residents::page(&mut self.connect(), "", i64::MAX).unwrap()
    }

    pub fn photo(&self, id: &str) -> Option<Vec<u8>> {
        residents::find_photo(&mut self.connect(), id).unwrap()
    }
}

impl Drop for Backup {
    fn drop(&mut self) {
        if let Copy::Postgres { admin_url, name } = &self.copy {
            if let Ok(mut admin) = diesel::PgConnection::establish(admin_url) {
                let _ =
                    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

fn database_url(admin_url: &str, name: &str) -> String {
    let base = admin_url
        .rsplit_once('/')
        .map(|(b, _)| b)
        .unwrap_or(admin_url);
    format!("{base}/{name}")
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn run(tool: &str, args: &[&str]) {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} is needed for the backup tests on PostgreSQL: {e}"));
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
