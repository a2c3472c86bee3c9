//! Benchmark: rotation of 100,000 data keys, the monthly roll-forward of the key ratchet over
//! 100,000 residents, and the purge of 100,000 expired residents, on SQLite
//! (default) and on PostgreSQL when MUNI_ID_BENCH_POSTGRES_URL names a server the benchmark may
//! create a database on. Seconds per operation; not a test.
//!
//!   cargo bench --bench retention
//!   MUNI_ID_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test cargo bench --bench retention
//!   MUNI_ID_BENCH_RESIDENTS=20000 cargo bench --bench retention     # a smaller run

#[path = "../tests/support/bulk_residents.rs"]
mod bulk_residents;

use std::sync::Arc;
use std::time::Instant;

use chrono::{TimeZone, Utc};
use diesel::connection::SimpleConnection;
use diesel::Connection;
use muni_id::clock::ManualClock;
use muni_id::config::Config;
use muni_id::context::AppContext;
use muni_id::crypto::keyring::Epoch;
use muni_id::crypto::password::Password;
use muni_id::domain::resident::DateOfBirth;
use muni_id::domain::staff::StaffRole;
use muni_id::services::purge::{self, PurgeOptions};
use muni_id::services::{key_rotation, ratchet, staff};

use bulk_residents::insert_sealed_resident;
use muni_id::startup::build_context;

fn context(data_dir: &std::path::Path, url: &str, clock: Arc<ManualClock>) -> AppContext {
    let toml = format!(
        "data_dir = \"{}\"\n[database]\nurl = \"{url}\"\npool_size = 4\n[auth]\nargon2_memory_kib = 64\nargon2_iterations = 1\n[log]\nlevel = \"warn\"",
        data_dir.display()
    );
    let config = Config::from_toml_overrides(&toml).expect("config");
    build_context(config, clock).expect("context")
}

/// Inserts `count` residents through the crypto layer, spread over twelve epochs.
fn insert_residents(ctx: &AppContext, count: usize) {
    let (summary, _) = staff::add(
        ctx,
        "bench",
        "bench.clerk",
        StaffRole::Clerk,
        Some(Password::new("bench clerk passphrase".into())),
    )
    .or_else(|_| staff::list(ctx).map(|l| (l.into_iter().next().expect("a staff member"), None)))
    .expect("staff");
    let staff_id = {
        let mut conn = ctx.db().expect("db");
        muni_id::db::staff::find_by_username(&mut conn, &summary.username)
            .expect("staff row")
            .expect("staff")
            .id
    };
    let dob = DateOfBirth::parse("1980-01-01", ctx.clock.today(), 10).expect("dob");
    let epochs: Vec<Epoch> = (0..12)
        .map(|m| Epoch::parse("2027-01").expect("epoch").plus_months(m))
        .collect();
    let mut conn = ctx.db().expect("db");
    for chunk in (0..count).collect::<Vec<_>>().chunks(2_000) {
        conn.transaction::<_, diesel::result::Error, _>(|conn| {
            for &i in chunk {
                insert_sealed_resident(
                    ctx,
                    conn,
                    &staff_id,
                    &format!("Bench Person {i}"),
                    dob,
                    epochs[i % epochs.len()],
                    &[0u8; 20_000],
                )?;
            }
            Ok(())
        })
        .expect("insert");
    }
}

fn run(backend: &str, url_for: impl Fn(&std::path::Path) -> String, count: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap(),
    ));
    let ctx = context(dir.path(), &url_for(dir.path()), clock.clone());

    let started = Instant::now();
    insert_residents(&ctx, count);
    println!(
        "{backend}: inserted {count} residents (20 KB sealed photo each) in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    let rotated = key_rotation::rotate(&ctx, &|_, _| {}).expect("rotate");
    let rotation = started.elapsed().as_secs_f64();
    assert_eq!(rotated.data_keys_rewrapped as usize, count);
    println!(
        "{backend}: rotated {count} data keys in {rotation:.1} s ({:.0}/s)",
        count as f64 / rotation
    );

    // A month on: every key wrapped under 2027-01 whose record lives past January moves on.
    clock.set(Utc.with_ymd_and_hms(2027, 1, 5, 0, 0, 0).unwrap());
    let started = Instant::now();
    let rolled = ratchet::roll_forward(&ctx, ctx.clock.today(), &|_, _| {}).expect("roll forward");
    let roll_secs = started.elapsed().as_secs_f64();
    assert!(rolled.data_keys_moved as usize > count / 2);
    println!(
        "{backend}: roll-forward moved {} of {count} data keys (blind index re-keyed) and destroyed {} epoch keys in {roll_secs:.1} s ({:.0}/s)",
        rolled.data_keys_moved,
        rolled.epochs_destroyed.len(),
        rolled.data_keys_moved as f64 / roll_secs
    );

    clock.set(Utc.with_ymd_and_hms(2028, 2, 1, 0, 0, 0).unwrap());
    let options = PurgeOptions {
        as_of: ctx.clock.today(),
        dry_run: false,
        trigger: "cli",
        fail_after: None,
    };
    let started = Instant::now();
    let outcome = purge::run(&ctx, &options, &|_, _| {}).expect("purge");
    let purge_secs = started.elapsed().as_secs_f64();
    assert_eq!(outcome.unissued_destroyed as usize, count);
    println!(
        "{backend}: purged {count} expired residents and destroyed {} epoch keys in {purge_secs:.1} s ({:.0}/s)",
        outcome.epochs_destroyed.len(),
        count as f64 / purge_secs
    );
}

fn main() {
    let count: usize = std::env::var("MUNI_ID_BENCH_RESIDENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let only: Option<String> = std::env::args()
        .skip(1)
        .find(|a| a == "sqlite" || a == "postgres");
    if only.as_deref() != Some("postgres") {
        run(
            "sqlite",
            |dir| format!("sqlite://{}", dir.join("bench.db").display()),
            count,
        );
    }
    if only.as_deref() != Some("sqlite") {
        match std::env::var("MUNI_ID_BENCH_POSTGRES_URL") {
            Ok(admin_url) => {
                let name = format!("muni_id_bench_{}", uuid::Uuid::new_v4().simple());
                let mut admin =
                    diesel::PgConnection::establish(&admin_url).expect("connect to PostgreSQL");
                admin
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .expect("create database");
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(b, _)| b.to_owned())
                    .unwrap_or(admin_url.clone());
                run("postgres", |_| format!("{base}/{name}"), count);
                admin
                    .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .expect("drop database");
            }
            Err(_) => println!("postgres: skipped (set MUNI_ID_BENCH_POSTGRES_URL to run it)"),
        }
    }
}
