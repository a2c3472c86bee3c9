//! Benchmark: rotation of 100,000 data keys, the monthly roll-forward of the key ratchet over
//! 100,000 residents, and the purge of 100,000 expired residents, on SQLite
//! (default) and on PostgreSQL when MUNI_ID_BENCH_POSTGRES_URL names a server the benchmark may
//! create a database on. Seconds per operation; not a test.
//!
//!   cargo bench --bench retention
//!   MUNI_ID_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test cargo bench --bench retention
//!   MUNI_ID_BENCH_RESIDENTS=20000 cargo bench --bench retention     # a smaller run
//!   MUNI_ID_BENCH_KEYS=file,pkcs11,openbao cargo bench --bench retention   # each key backend
//!
//! With MUNI_ID_BENCH_KEYS the same runs go over each key backend in turn (SoftHSM2 and OpenBao
//! as tests/keys/softhsm.sh and tests/keys/openbao.sh start them, read from the variables they
//! print; benches/key_backends.sh does it all), with resident reads per second added.

#[path = "../tests/support/bulk_residents.rs"]
mod bulk_residents;

use std::sync::Arc;
use std::time::Instant;

use chrono::{TimeZone, Utc};
use diesel::connection::SimpleConnection;
use diesel::Connection;
use muni_id::clock::ManualClock;
use muni_id::config::{Config, KeyBackend};
use muni_id::context::AppContext;
use muni_id::crypto::keyring::Epoch;
use muni_id::crypto::password::Password;
use muni_id::domain::resident::DateOfBirth;
use muni_id::domain::staff::StaffRole;
use muni_id::services::purge::{self, PurgeOptions};
use muni_id::services::{enrollment, key_rotation, ratchet, staff, Actor};

use bulk_residents::insert_sealed_resident;
use muni_id::startup::build_context;

fn context(
    data_dir: &std::path::Path,
    url: &str,
    keys: KeyBackend,
    clock: Arc<ManualClock>,
) -> AppContext {
    let toml = format!(
        "data_dir = \"{}\"\n[database]\nurl = \"{url}\"\npool_size = 4\n[auth]\nargon2_memory_kib = 64\nargon2_iterations = 1\n[log]\nlevel = \"warn\"",
        data_dir.display()
    );
    let mut config = Config::from_toml_overrides(&toml).expect("config");
    use_key_backend(&mut config, keys);
    build_context(config, clock).expect("context")
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: start the backend with tests/keys/softhsm.sh or tests/keys/openbao.sh (benches/key_backends.sh does)")
    })
}

/// The key backend's settings from the variables tests/keys/*.sh print; a fresh label prefix
/// per run, so runs never see each other's keys.
fn use_key_backend(config: &mut Config, keys: KeyBackend) {
    config.keys.backend = keys;
    let prefix = format!("bench{}", uuid::Uuid::new_v4().simple());
    match keys {
        KeyBackend::File => {}
        KeyBackend::Pkcs11 => {
            let p = &mut config.keys.pkcs11;
            p.module = env("MUNI_ID_TEST_PKCS11_MODULE");
            p.token_label = env("MUNI_ID_TEST_PKCS11_TOKEN");
            p.pin_file = env("MUNI_ID_TEST_PKCS11_PIN_FILE");
            p.label_prefix = format!("{prefix}/");
        }
        KeyBackend::Openbao => {
            let o = &mut config.keys.openbao;
            o.address = env("MUNI_ID_TEST_OPENBAO_ADDR");
            o.token_file = env("MUNI_ID_TEST_OPENBAO_TOKEN_FILE");
            o.key_prefix = format!("{prefix}-");
        }
    }
}

/// Reads `ids` back through the service (unwrap, open, audit), on two threads; reads per second.
fn reads_per_second(ctx: &AppContext, staff_id: &str, ids: &[String]) -> f64 {
    let actor = Actor {
        staff_id: staff_id.to_owned(),
        username: "bench.clerk".into(),
        role: StaffRole::Clerk,
        site: None,
    };
    let started = Instant::now();
    std::thread::scope(|scope| {
        for half in ids.chunks(ids.len().div_ceil(2).max(1)) {
            let actor = &actor;
            scope.spawn(move || {
                for id in half {
                    enrollment::get(ctx, actor, id).expect("read back");
                }
            });
        }
    });
    ids.len() as f64 / started.elapsed().as_secs_f64()
}

/// Inserts `count` residents through the crypto layer, spread over twelve epochs.
/// Inserts `count` residents; returns the clerk's id and the first few thousand residents' ids.
fn insert_residents(ctx: &AppContext, count: usize) -> (String, Vec<String>) {
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
    let mut ids = Vec::new();
    for chunk in (0..count).collect::<Vec<_>>().chunks(2_000) {
        conn.transaction::<_, diesel::result::Error, _>(|conn| {
            for &i in chunk {
                let id = insert_sealed_resident(
                    ctx,
                    conn,
                    &staff_id,
                    &format!("Bench Person {i}"),
                    dob,
                    epochs[i % epochs.len()],
                    &[0u8; 20_000],
                )?;
                if ids.len() < 2_000 {
                    ids.push(id);
                }
            }
            Ok(())
        })
        .expect("insert");
    }
    (staff_id, ids)
}

fn run(
    database: &str,
    url_for: impl Fn(&std::path::Path) -> String,
    keys: KeyBackend,
    count: usize,
) {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap(),
    ));
    let ctx = context(dir.path(), &url_for(dir.path()), keys, clock.clone());
    let backend = format!("{database}, keys in {}", keys.name());

    let started = Instant::now();
    let (staff_id, ids) = insert_residents(&ctx, count);
    let insert_secs = started.elapsed().as_secs_f64();
    println!(
        "{backend}: inserted {count} residents (20 KB sealed photo each) in {insert_secs:.1} s ({:.0}/s)",
        count as f64 / insert_secs
    );
    println!(
        "{backend}: read back {} residents at {:.0}/s (two threads)",
        ids.len(),
        reads_per_second(&ctx, &staff_id, &ids)
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

fn key_backends() -> Vec<KeyBackend> {
    let list = std::env::var("MUNI_ID_BENCH_KEYS").unwrap_or_else(|_| "file".into());
    list.split(',')
        .map(|name| match name.trim() {
            "file" => KeyBackend::File,
            "pkcs11" => KeyBackend::Pkcs11,
            "openbao" => KeyBackend::Openbao,
            other => panic!("MUNI_ID_BENCH_KEYS: {other} is not file, pkcs11 or openbao"),
        })
        .collect()
}

fn main() {
    let count: usize = std::env::var("MUNI_ID_BENCH_RESIDENTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    for keys in key_backends() {
        run_databases(count, keys);
    }
}

fn run_databases(count: usize, keys: KeyBackend) {
    let only: Option<String> = std::env::args()
        .skip(1)
        .find(|a| a == "sqlite" || a == "postgres");
    if only.as_deref() != Some("postgres") {
        run(
            "sqlite",
            |dir| format!("sqlite://{}", dir.join("bench.db").display()),
            keys,
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
                run("postgres", |_| format!("{base}/{name}"), keys, count);
                admin
                    .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .expect("drop database");
            }
            Err(_) => println!("postgres: skipped (set MUNI_ID_BENCH_POSTGRES_URL to run it)"),
        }
    }
}
