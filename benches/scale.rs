//! Scale: what a request costs as the program grows. The database is seeded through the crypto
//! layer (each record sealed under its own data key, wrapped under its ratchet epoch, with its
//! blind index) with residents whose names are written in eight scripts, each with a card at a
//! random status-list index; at each size the benchmark measures, through the services (no
//! HTTP): enrollments per second with the duplicate check, exact search and resident read
//! latency (p50/p99), card checks per second, the status list's full rebuild and its refresh,
//! the retention report as a request makes it (from the last purge run's census), the census,
//! and the database's size per resident. At the largest size it also revokes 1 % and then 10 %
//! of the cards (the list's rebuild, refresh, and signed size), purges 100,000 residents past
//! their destruction day, and runs the key ratchet's roll-forward over everyone.
//!
//!   MUNI_ID_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test \
//!       cargo bench --bench scale -- postgres
//!   cargo bench --bench scale -- sqlite
//!
//! MUNI_ID_BENCH_SIZES: the sizes, ascending (PostgreSQL 0,100000,1000000,2200000; SQLite
//! 0,100000,1000000). MUNI_ID_BENCH_SAMPLES: requests timed per measure (500).
//! MUNI_ID_BENCH_JOBS=0 leaves out what only the largest size measures (the revocations, the
//! purge and the roll-forward).
//! MUNI_ID_BENCH_PHOTO_BYTES: the sealed photo's size (4,000: a real one is about 40 KB, which
//! 2.2 million times would not fit this machine's disk; the size per resident says what a real
//! photo adds). MUNI_ID_BENCH_KEEP=1 keeps the PostgreSQL database (its name is printed).

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{NaiveDate, TimeDelta, TimeZone, Utc};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use muni_id::clock::{Clock, ManualClock};
use muni_id::config::Config;
use muni_id::context::AppContext;
use muni_id::crypto::keyring::Epoch;
use muni_id::crypto::password::Password;
use muni_id::db::audit::AuditRow;
use muni_id::db::cards::{CardRow, DeliveryRow};
use muni_id::db::residents::ResidentRow;
use muni_id::db::schema::{
    audit_head, audit_log, card_deliveries, cards, resident_photos, residents,
};
use muni_id::db::DbConnection;
use muni_id::domain::card::CardNumber;
use muni_id::domain::resident::{DateOfBirth, PersonName};
use muni_id::domain::staff::StaffRole;
use muni_id::services::enrollment::{self, Application, SearchKey};
use muni_id::services::purge::{self, PurgeOptions};
use muni_id::services::{ratchet, report, staff, verification, Actor};
use muni_id::startup::build_context;
use rand::{Rng, SeedableRng};

#[path = "../tests/support/bulk_residents.rs"]
#[allow(dead_code)] // `insert_sealed_resident`: the seeding inserts many rows per statement.
mod bulk_residents;
use bulk_residents::{plain_face, sealed_row};

/// Status-list bits (MUNI_ID_BENCH_STATUS_LIST_BITS, 2^24 by default): room for 2.2 million
/// cards with few index collisions (README "Sizing").
fn status_list_size() -> u64 {
    static SIZE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    *SIZE.get_or_init(|| env_number("MUNI_ID_BENCH_STATUS_LIST_BITS", 1 << 24) as u64)
}
const BATCH: usize = 500;

/// Syllables in eight scripts; a resident's name spells its number in one of them.
const SCRIPTS: [[&str; 12]; 8] = [
    [
        "ka", "lo", "mi", "né", "ru", "sa", "ti", "vo", "ya", "zé", "ñu", "ø",
    ],
    [
        "ка", "ло", "ми", "не", "ру", "са", "ти", "во", "я", "зе", "жу", "щи",
    ],
    [
        "با", "لو", "مي", "نا", "رو", "سا", "تي", "وو", "يا", "زي", "كو", "دي",
    ],
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
    ],
    [
        "김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오",
    ],
    [
        "क", "ला", "मी", "ने", "रु", "सा", "ती", "वो", "या", "ज़", "कु", "दी",
    ],
    [
        "κα", "λο", "μι", "νε", "ρυ", "σα", "τι", "βο", "για", "ζε", "χυ", "ψι",
    ],
    ["ግ", "ለ", "ሚ", "ነ", "ሩ", "ሳ", "ቲ", "ቮ", "ያ", "ዘ", "ኩ", "ዲ"],
];

/// The seeded resident number `i`'s legal name: unique, two words in one of the scripts.
fn name_of(i: usize) -> String {
    let script = &SCRIPTS[i % SCRIPTS.len()];
    let mut n = i / SCRIPTS.len();
    let given = format!("{}{}", script[n % 12], script[(n / 12) % 12]);
    n /= 144;
    let mut family = String::new();
    loop {
        family.push_str(script[n % 12]);
        n /= 12;
        if n == 0 && family.chars().count() >= 2 {
            break;
        }
    }
    let capital = |s: String| {
        let mut chars = s.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default()
    };
    format!("{} {}", capital(given), capital(family))
}

fn birth_day_of(i: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(1940, 1, 1).unwrap() + TimeDelta::days((i * 7919 % 25_000) as i64)
}

struct Settings {
    sizes: Vec<usize>,
    samples: usize,
    photo_bytes: usize,
}

fn env_list(name: &str, default: &str) -> Vec<usize> {
    std::env::var(name)
        .unwrap_or_else(|_| default.to_owned())
        .split(',')
        .map(|s| s.trim().replace('_', "").parse().expect("a whole number"))
        .collect()
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .map(|v| v.parse().expect("a whole number"))
        .unwrap_or(default)
}

fn context(data_dir: &std::path::Path, url: &str, clock: Arc<ManualClock>) -> AppContext {
    let toml = format!(
        "data_dir = \"{}\"\n[database]\nurl = \"{url}\"\npool_size = 4\n[auth]\nargon2_memory_kib = 64\nargon2_iterations = 1\n[log]\nlevel = \"warn\"\n[cards]\nstatus_list_size = {}",
        data_dir.display(),
        status_list_size()
    );
    let config = Config::from_toml_overrides(&toml).expect("config");
    build_context(config, clock).expect("context")
}

fn clerk(ctx: &AppContext) -> Actor {
    let (summary, _) = staff::add(
        ctx,
        "bench",
        "bench.clerk",
        StaffRole::Clerk,
        Some(Password::new("bench clerk passphrase".into())),
    )
    .expect("a clerk");
    let mut conn = ctx.db().expect("db");
    let row = muni_id::db::staff::find_by_username(&mut conn, &summary.username)
        .expect("staff row")
        .expect("staff");
    Actor {
        staff_id: row.id,
        username: summary.username,
        role: StaffRole::Clerk,
        site: None,
    }
}

// ---------------------------------------------------------------------------------------------
// Seeding.

/// What the seeding knows of what it wrote: ids and card numbers in order, and the status
/// indices and card numbers taken (eleven random digits collide within a few hundred thousand
/// cards; the service draws again, and so does the seeding).
#[derive(Default)]
struct Seeded {
    ids: Vec<String>,
    cards: Vec<String>,
    indices: HashSet<i64>,
    numbers: HashSet<String>,
}

impl Seeded {
    fn new_index(&mut self, rng: &mut impl Rng) -> i64 {
        loop {
            let index = rng.gen_range(0..status_list_size() as i64);
            if self.indices.insert(index) {
                return index;
            }
        }
    }

    fn new_number(&mut self, rng: &mut impl Rng) -> String {
        loop {
            let number = CardNumber::generate(rng).as_str().to_owned();
            if self.numbers.insert(number.clone()) {
                return number;
            }
        }
    }
}

/// One seeded resident's rows, sealed through the crypto layer as enrollment seals them.
fn sealed_rows(
    ctx: &AppContext,
    actor: &Actor,
    i: usize,
    photo: &[u8],
    (card_number, status_index): (String, i64),
) -> (ResidentRow, Vec<u8>, CardRow, DeliveryRow) {
    let date_of_birth = DateOfBirth::parse(&birth_day_of(i).to_string(), ctx.clock.today(), 10)
        .expect("a valid date of birth");
    let face = plain_face(&name_of(i), date_of_birth);
    let today = ctx.clock.today();
    let issued_on = today - TimeDelta::days((i % 1800) as i64);
    let expires_on = issued_on + TimeDelta::days(5 * 365);
    let destroy_after = expires_on + TimeDelta::days(365);
    let (resident, photo) = sealed_row(ctx, &actor.staff_id, &face, destroy_after, photo);
    let now = ctx.clock.now().naive_utc();
    let card = CardRow {
        card_number,
        resident_id: Some(resident.id.clone()),
        status: "active".into(),
        status_index,
        issue_reason: Some("new".into()),
        issued_on,
        expires_on,
        issued_at: now,
        issued_by: Some(actor.staff_id.clone()),
        revoked_at: None,
        revoke_reason: None,
        printed_at: Some(now),
        issued_site: None,
        printed_site: None,
    };
    let delivery = DeliveryRow {
        card_number: card.card_number.clone(),
        method: "counter".into(),
        pickup_site: None,
        ready_at: None,
        delivered_at: Some(now),
        collect_by: None,
    };
    (resident, photo, card, delivery)
}

/// Seeds residents `from..to`, each with a card, in transactions of `BATCH`.
fn seed(ctx: &AppContext, actor: &Actor, seeded: &mut Seeded, to: usize, photo: &[u8]) {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seeded.ids.len() as u64);
    let mut conn = ctx.db().expect("db");
    let started = Instant::now();
    let from = seeded.ids.len();
    for start in (from..to).step_by(BATCH) {
        let rows: Vec<_> = (start..to.min(start + BATCH))
            .map(|i| {
                let card = (seeded.new_number(&mut rng), seeded.new_index(&mut rng));
                sealed_rows(ctx, actor, i, photo, card)
            })
            .collect();
        insert_batch(&mut conn, &rows);
        let ids: Vec<&str> = rows.iter().map(|r| r.0.id.as_str()).collect();
        append_audit(&mut conn, &actor.staff_id, start, &ids);
        for (resident, _, card, _) in rows {
            seeded.ids.push(resident.id);
            seeded.cards.push(card.card_number);
        }
        if start > from && (start - from) % 100_000 < BATCH {
            let secs = started.elapsed().as_secs_f64();
            eprintln!("  seeded {start} ({:.0}/s)", (start - from) as f64 / secs);
        }
    }
    let secs = started.elapsed().as_secs_f64().max(1e-9);
    if to > from {
        println!(
            "  seeded {} residents with a card in {secs:.0} s ({:.0}/s)",
            to - from,
            (to - from) as f64 / secs
        );
    }
}

/// What the audit log holds per resident (MUNI_ID_BENCH_AUDIT_PER_RESIDENT, 5): an enrollment,
/// an issue, a print, a read, a search.
fn audit_per_resident() -> usize {
    static N: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *N.get_or_init(|| env_number("MUNI_ID_BENCH_AUDIT_PER_RESIDENT", 5))
}

const AUDIT_ACTIONS: [&str; 5] = [
    "resident.create",
    "card.issue",
    "card.print",
    "resident.read",
    "resident.search",
];

/// Inserts audit rows many per statement and moves the chain head, in one transaction.
macro_rules! insert_audit {
    ($conn:expr, $rows:expr, $seq:expr, $hash:expr) => {
        $conn
            .transaction::<_, diesel::result::Error, _>(|conn| {
                for chunk in $rows.chunks(1_000) {
                    diesel::insert_into(audit_log::table)
                        .values(chunk)
                        .execute(conn)?;
                }
                diesel::update(audit_head::table.find(1))
                    .set((audit_head::seq.eq($seq), audit_head::entry_hash.eq(&$hash)))
                    .execute(conn)?;
                Ok(())
            })
            .expect("append to the audit chain")
    };
}

/// Appends the entries of residents `first..` (`ids`) to the audit chain, hashed as the service
/// hashes them, many per statement. Resident i's are dated 95 s after resident i - 1's, from
/// 2,450 days before the clock's start: 2.2 million residents' entries span almost seven
/// years (the default audit retention), so the report's 30-day period holds a month's share.
fn append_audit(conn: &mut DbConnection, actor: &str, first: usize, ids: &[&str]) {
    let (mut seq, mut prev) = muni_id::db::audit::head(conn).expect("the chain head");
    let start = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap() - TimeDelta::days(2_450);
    let mut rows = Vec::with_capacity(ids.len() * audit_per_resident());
    for (i, id) in ids.iter().enumerate() {
        let at = start + TimeDelta::seconds(95 * (first + i) as i64);
        for n in 0..audit_per_resident() {
            seq += 1;
            let action = AUDIT_ACTIONS[n % AUDIT_ACTIONS.len()];
            let entry_hash = muni_id::services::audit::entry_hash(
                &prev,
                seq,
                at + TimeDelta::seconds(n as i64),
                actor,
                action,
                Some(id),
            );
            rows.push(AuditRow {
                seq,
                recorded_at: (at + TimeDelta::seconds(n as i64)).naive_utc(),
                actor: actor.to_owned(),
                action: action.to_owned(),
                subject: Some((*id).to_owned()),
                prev_hash: std::mem::replace(&mut prev, entry_hash.clone()),
                entry_hash,
            });
        }
    }
    match conn {
        DbConnection::Postgresql(pg) => insert_audit!(pg, rows, seq, prev),
        DbConnection::Sqlite(lite) => insert_audit!(lite, rows, seq, prev),
    }
}

/// Inserts a batch's rows in one transaction, many rows per statement (rows per statement well
/// under PostgreSQL's 65,535 parameters).
macro_rules! insert_rows {
    ($conn:expr, $rows:expr) => {
        $conn
            .transaction::<_, diesel::result::Error, _>(|conn| {
                let rows = $rows;
                for chunk in rows.chunks(250) {
                    let residents: Vec<ResidentRow> = chunk.iter().map(|r| r.0.clone()).collect();
                    diesel::insert_into(residents::table)
                        .values(residents)
                        .execute(conn)?;
                    let photos: Vec<_> = chunk
                        .iter()
                        .map(|r| {
                            (
                                resident_photos::resident_id.eq(r.0.id.clone()),
                                resident_photos::photo.eq(r.1.clone()),
                            )
                        })
                        .collect();
                    diesel::insert_into(resident_photos::table)
                        .values(photos)
                        .execute(conn)?;
                    let cards: Vec<CardRow> = chunk.iter().map(|r| r.2.clone()).collect();
                    diesel::insert_into(cards::table)
                        .values(cards)
                        .execute(conn)?;
                    let deliveries: Vec<DeliveryRow> = chunk.iter().map(|r| r.3.clone()).collect();
                    diesel::insert_into(card_deliveries::table)
                        .values(deliveries)
                        .execute(conn)?;
                }
                Ok(())
            })
            .expect("insert a batch")
    };
}

/// One batch of seeded rows. The two backends take the same statements; each is reached
/// through its own connection type, because diesel's multi-backend connection inserts one row
/// per statement.
fn insert_batch(conn: &mut DbConnection, rows: &[(ResidentRow, Vec<u8>, CardRow, DeliveryRow)]) {
    match conn {
        DbConnection::Postgresql(pg) => insert_rows!(pg, rows),
        DbConnection::Sqlite(lite) => insert_rows!(lite, rows),
    }
}

// ---------------------------------------------------------------------------------------------
// Measures.

/// p50 and p99 of `durations`, in milliseconds.
fn percentiles(mut durations: Vec<Duration>) -> (f64, f64) {
    durations.sort();
    let at = |q: f64| {
        let i = ((durations.len() as f64 - 1.0) * q).round() as usize;
        durations[i].as_secs_f64() * 1e3
    };
    (at(0.50), at(0.99))
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = f();
    (out, started.elapsed())
}

/// One size's figures.
#[derive(Default)]
struct Row {
    residents: usize,
    enroll_per_sec: f64,
    search_ms: (f64, f64),
    read_ms: (f64, f64),
    verify_per_sec: f64,
    list_rebuild_ms: f64,
    list_refresh_ms: f64,
    /// The retention report as a request makes it (the auditor's page), from the last purge
    /// run's census and walk of the audit chain; and those, which grow with the program.
    report: ReportTimes,
    bytes_per_resident: Option<f64>,
}

/// New residents enrolled one after another through the service (sealing, duplicate check,
/// audit), each with a name nobody has; per second.
fn enrollments_per_second(ctx: &AppContext, actor: &Actor, count: usize, run: usize) -> f64 {
    let documents = ["passport".to_owned(), "utility_bill".to_owned()];
    let tally = enrollment::parse_documents(&ctx.documents, &documents).expect("documents");
    let photo = include_bytes!("../tests/fixtures/photo.png").to_vec();
    let started = Instant::now();
    for i in 0..count {
        let name = format!("Enrollee {} {}", name_of(8 * (i + 1)), SCRIPTS[0][run % 12]);
        let dob = DateOfBirth::parse("1985-06-15", ctx.clock.today(), 10).expect("dob");
        let face = plain_face(&name, dob);
        let application = Application {
            face,
            address: None,
            tally,
            photo_jpeg: photo.clone(),
            confirm_not_duplicate: false,
        };
        enrollment::enroll(ctx, actor, application).expect("enrolled");
    }
    count as f64 / started.elapsed().as_secs_f64()
}

fn search_and_read(
    ctx: &AppContext,
    actor: &Actor,
    seeded: &Seeded,
    samples: usize,
    rng: &mut impl Rng,
) -> ((f64, f64), (f64, f64)) {
    let mut searches = Vec::with_capacity(samples);
    let mut reads = Vec::with_capacity(samples);
    for _ in 0..samples {
        let i = rng.gen_range(0..seeded.ids.len());
        let key = SearchKey {
            legal_name: PersonName::parse("legal_name", &name_of(i)).expect("name"),
            date_of_birth: DateOfBirth::parse(&birth_day_of(i).to_string(), ctx.clock.today(), 10)
                .expect("dob"),
        };
        let (found, took) = timed(|| enrollment::search(ctx, actor, &key).expect("search"));
        assert_eq!(
            found,
            [seeded.ids[i].clone()],
            "the search finds resident {i}"
        );
        searches.push(took);
        let (record, took) = timed(|| enrollment::get(ctx, actor, &seeded.ids[i]).expect("read"));
        assert_eq!(record.face.legal_name.as_str(), name_of(i));
        reads.push(took);
    }
    (percentiles(searches), percentiles(reads))
}

/// Card checks per second, one thread, on cards chosen at random (their QR text made first).
fn verifications_per_second(
    ctx: &AppContext,
    seeded: &Seeded,
    samples: usize,
    rng: &mut impl Rng,
) -> f64 {
    let mut conn = ctx.db().expect("db");
    let texts: Vec<String> = (0..samples.min(seeded.cards.len()))
        .map(|_| {
            let number = &seeded.cards[rng.gen_range(0..seeded.cards.len())];
            let card = muni_id::db::cards::find(&mut conn, number)
                .expect("read")
                .expect("card");
            muni_id::services::cards::qr_text_for(ctx, &card).expect("QR text")
        })
        .collect();
    if texts.is_empty() {
        return 0.0;
    }
    let started = Instant::now();
    for text in &texts {
        assert!(verification::is_valid(ctx, text));
    }
    texts.len() as f64 / started.elapsed().as_secs_f64()
}

/// The status list's full rebuild (every revoked card read and the bits made again, as at
/// start-up and hourly) and then a refresh (what was revoked since), in milliseconds. Whether
/// a reload is a rebuild is decided by the time elapsed, so the rebuild is made directly.
fn status_list_times(ctx: &AppContext, clock: &ManualClock) -> (f64, f64) {
    let mut conn = ctx.db().expect("db");
    clock.advance(TimeDelta::hours(2));
    let ((), rebuild) = timed(|| {
        let revoked = muni_id::db::cards::revoked_indices(&mut conn).expect("revoked cards");
        ctx.status_list.load(revoked, clock.now().naive_utc());
    });
    clock.advance(TimeDelta::seconds(20));
    let rebuilds = ctx.status_list.rebuilds();
    let ((), refresh) =
        timed(|| verification::reload_status_list(ctx, &mut conn).expect("refresh"));
    assert_eq!(
        ctx.status_list.rebuilds(),
        rebuilds,
        "a refresh, not a rebuild"
    );
    (rebuild.as_secs_f64() * 1e3, refresh.as_secs_f64() * 1e3)
}

/// Lets the database settle after the seeding, as a database in service has: its statistics
/// and visibility maps up to date and the seeding's writes checkpointed, so that no vacuum or
/// checkpoint of them runs while requests are timed.
fn settle(ctx: &AppContext) {
    let mut conn = ctx.db().expect("db");
    let statements: &[&str] = match &*conn {
        DbConnection::Postgresql(_) => &[
            "VACUUM (ANALYZE) residents, resident_photos, cards, card_deliveries, audit_log",
            "CHECKPOINT",
        ],
        DbConnection::Sqlite(_) => &["PRAGMA wal_checkpoint(TRUNCATE)"],
    };
    for statement in statements {
        conn.batch_execute(statement).expect("settle");
    }
}

/// The database's size on disk, in bytes (PostgreSQL's own count; SQLite's file after a
/// checkpoint).
fn database_bytes(ctx: &AppContext, sqlite_file: Option<&std::path::Path>) -> u64 {
    #[derive(QueryableByName)]
    struct Size {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        bytes: i64,
    }
    let mut conn = ctx.db().expect("db");
    match sqlite_file {
        Some(path) => {
            conn.batch_execute("PRAGMA wal_checkpoint(TRUNCATE)")
                .expect("checkpoint");
            std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
        }
        None => {
            let size: Vec<Size> =
                diesel::sql_query("SELECT pg_database_size(current_database()) AS bytes")
                    .load(&mut conn)
                    .expect("size");
            size[0].bytes as u64
        }
    }
}

fn measure(
    ctx: &AppContext,
    clock: &ManualClock,
    actor: &Actor,
    seeded: &Seeded,
    settings: &Settings,
    run: usize,
    sqlite_file: Option<&std::path::Path>,
) -> Row {
    settle(ctx);
    let residents = seeded.ids.len();
    let bytes = database_bytes(ctx, sqlite_file);
    let mut rng = rand::rngs::StdRng::seed_from_u64(run as u64);
    let (list_rebuild_ms, list_refresh_ms) = status_list_times(ctx, clock);
    let (search_ms, read_ms) = search_and_read(ctx, actor, seeded, settings.samples, &mut rng);
    let report = report_times(ctx);
    Row {
        residents,
        enroll_per_sec: enrollments_per_second(ctx, actor, settings.samples / 2, run),
        search_ms,
        read_ms,
        verify_per_sec: verifications_per_second(ctx, seeded, settings.samples * 4, &mut rng),
        list_rebuild_ms,
        list_refresh_ms,
        report,
        bytes_per_resident: (residents >= 10_000).then(|| bytes as f64 / residents as f64),
    }
}

/// The purge run's walk of the whole audit chain and its census, the report a request makes
/// from them (p50 of 21), and the report counting and walking everything itself; ms.
fn report_times(ctx: &AppContext) -> ReportTimes {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let mut conn = ctx.db().expect("a connection");
    let witness = muni_id::services::audit::witness(&ctx.config);
    let (state, walk) = timed(|| {
        muni_id::services::audit::check_in_full(&mut conn, &ctx.signing, &witness, ctx.clock.now())
            .expect("the walk")
    });
    assert!(state.intact, "the seeded chain is intact: {state:?}");
    let (_, census) = timed(|| report::take_census(ctx, &mut conn).expect("the census"));
    let today = ctx.clock.today();
    let mut requests: Vec<f64> = (0..21)
        .map(|_| {
            let (built, took) = timed(|| {
                report::build(ctx, today, report::Counting::LastCensus).expect("the report")
            });
            assert!(
                built.held_counted_at.is_some(),
                "the report used the census"
            );
            assert!(built.audit.checked_in_full_at.is_some(), "and the walk");
            ms(took)
        })
        .collect();
    requests.sort_by(f64::total_cmp);
    let (_, counted) =
        timed(|| report::build(ctx, today, report::Counting::Now).expect("the report"));
    ReportTimes {
        request_ms: requests[requests.len() / 2],
        census_ms: ms(census),
        chain_walk_ms: ms(walk),
        audit_entries: state.entries,
        counted_ms: ms(counted),
    }
}

/// What `report_times` measures.
#[derive(Default)]
struct ReportTimes {
    request_ms: f64,
    census_ms: f64,
    chain_walk_ms: f64,
    audit_entries: i64,
    counted_ms: f64,
}

/// Revokes the cards whose number's tenth and later digits start with `digits` (random
/// digits: "00" is 1 % of the cards, "0" 10 %, at random places in the list), stamped now; the
/// list's rebuild and refresh times and its signed size.
fn revoke_share(ctx: &AppContext, clock: &ManualClock, digits: &str) -> (i64, f64, f64, usize) {
    let mut conn = ctx.db().expect("db");
    let now = clock.now().naive_utc();
    let revoked = diesel::update(cards::table.filter(cards::status.eq("active")).filter(
        diesel::dsl::sql::<diesel::sql_types::Bool>(&format!(
            "substr(card_number, 10, {}) = '{digits}'",
            digits.len()
        )),
    ))
    .set((
        cards::status.eq("revoked"),
        cards::revoked_at.eq(now),
        cards::revoke_reason.eq("lost"),
    ))
    .execute(&mut conn)
    .expect("revoke");
    let total: i64 = cards::table
        .filter(cards::status.eq("revoked"))
        .count()
        .get_result(&mut conn)
        .expect("count");
    drop(conn);
    let (rebuild, refresh) = status_list_times(ctx, clock);
    let signed = ctx
        .status_list
        .signed(&ctx.signing, ctx.clock.as_ref())
        .expect("signed list");
    assert!(revoked > 0);
    (total, rebuild, refresh, signed.len())
}

/// Makes the first `count` residents (by id) due and purges them; seconds.
fn purge_due(ctx: &AppContext, count: usize) -> (u64, f64) {
    let mut conn = ctx.db().expect("db");
    let today = ctx.clock.today();
    let due: Vec<String> = residents::table
        .select(residents::id)
        .order(residents::id)
        .limit(count as i64)
        .load(&mut conn)
        .expect("ids");
    for chunk in due.chunks(10_000) {
        diesel::update(residents::table.filter(residents::id.eq_any(chunk)))
            .set(residents::destroy_after.eq(today - TimeDelta::days(1)))
            .execute(&mut conn)
            .expect("make due");
    }
    drop(conn);
    let options = PurgeOptions {
        as_of: today,
        dry_run: false,
        trigger: "cli",
        fail_after: None,
    };
    let (outcome, took) = timed(|| purge::run(ctx, &options, &|_, _| {}).expect("purge"));
    (
        outcome.residents_destroyed + outcome.unissued_destroyed,
        took.as_secs_f64(),
    )
}

/// The ratchet's roll-forward on the first day of the month at the backup window's end, when
/// every key wrapped at the window's ceiling (every seeded resident's) must move on: keys
/// moved, seconds.
fn roll_forward_all(ctx: &AppContext, clock: &ManualClock) -> (u64, f64) {
    let ceiling = ctx.config.ratchet().ceiling(Epoch::of(clock.today()));
    let day = ceiling.first_day().and_hms_opt(3, 0, 0).expect("a time");
    clock.set(Utc.from_utc_datetime(&day));
    let (outcome, took) =
        timed(|| ratchet::roll_forward(ctx, clock.today(), &|_, _| {}).expect("roll forward"));
    (outcome.data_keys_moved, took.as_secs_f64())
}

fn print_table(backend: &str, rows: &[Row]) {
    println!("\n{backend}:\n");
    let header: Vec<String> = rows.iter().map(|r| format!("{}", r.residents)).collect();
    println!("| residents | {} |", header.join(" | "));
    println!("|---|{}", "---:|".repeat(rows.len()));
    let line = |label: &str, cell: &dyn Fn(&Row) -> String| {
        let cells: Vec<String> = rows.iter().map(cell).collect();
        println!("| {label} | {} |", cells.join(" | "));
    };
    line("enrollments/s (duplicate check, one at a time)", &|r| {
        format!("{:.0}", r.enroll_per_sec)
    });
    line("exact search p50 / p99 (ms)", &|r| {
        format!("{:.2} / {:.2}", r.search_ms.0, r.search_ms.1)
    });
    line("resident read p50 / p99 (ms)", &|r| {
        format!("{:.2} / {:.2}", r.read_ms.0, r.read_ms.1)
    });
    line("card checks/s (one thread)", &|r| {
        format!("{:.0}", r.verify_per_sec)
    });
    line("status list rebuild (ms)", &|r| {
        format!("{:.1}", r.list_rebuild_ms)
    });
    line("status list refresh (ms)", &|r| {
        format!("{:.2}", r.list_refresh_ms)
    });
    line("retention report, a request (ms, p50)", &|r| {
        format!("{:.1}", r.report.request_ms)
    });
    line("audit entries", &|r| format!("{}", r.report.audit_entries));
    line("purge run: walk of the whole audit chain (ms)", &|r| {
        format!("{:.0}", r.report.chain_walk_ms)
    });
    line("purge run: census of what is held (ms)", &|r| {
        format!("{:.0}", r.report.census_ms)
    });
    line(
        "retention report counting and walking all itself (ms)",
        &|r| format!("{:.0}", r.report.counted_ms),
    );
    line("database bytes per resident", &|r| {
        r.bytes_per_resident
            .map_or("–".into(), |b| format!("{b:.0}"))
    });
}

/// What only the largest size measures.
fn at_the_largest(ctx: &AppContext, clock: &ManualClock, residents: usize) {
    for (share, digits) in [("1 %", "00"), ("10 %", "0")] {
        let (revoked, rebuild, refresh, bytes) = revoke_share(ctx, clock, digits);
        println!(
            "  {share} revoked ({revoked} cards): status list rebuild {rebuild:.0} ms, refresh \
             {refresh:.2} ms, signed list {bytes} bytes ({:.1} KiB)",
            bytes as f64 / 1024.0
        );
    }
    // 100,000, or a tenth of a smaller database.
    let (destroyed, secs) = purge_due(ctx, 100_000.min(residents / 10));
    println!(
        "  purge: {destroyed} residents past their day destroyed in {secs:.1} s ({:.0}/s)",
        destroyed as f64 / secs
    );
    let (moved, secs) = roll_forward_all(ctx, clock);
    println!(
        "  roll-forward over everyone: {moved} data keys moved in {secs:.1} s ({:.0}/s)",
        moved as f64 / secs
    );
}

fn run(backend: &str, url: &str, settings: &Settings, sqlite_file: Option<&std::path::Path>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = Arc::new(ManualClock::new(
        Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap(),
    ));
    let ctx = context(dir.path(), url, clock.clone());
    let actor = clerk(&ctx);
    let photo = vec![0x5a_u8; settings.photo_bytes];
    let mut seeded = Seeded::default();
    let mut rows = Vec::new();
    println!(
        "{backend}: sealed photo {} bytes, status list {} bits",
        settings.photo_bytes,
        status_list_size()
    );
    for (run, &size) in settings.sizes.iter().enumerate() {
        seed(&ctx, &actor, &mut seeded, size, &photo);
        let row = measure(&ctx, &clock, &actor, &seeded, settings, run, sqlite_file);
        println!(
            "  {size}: enroll {:.0}/s, search {:.2}/{:.2} ms, read {:.2}/{:.2} ms, verify {:.0}/s, \
             list rebuild {:.1} ms / refresh {:.2} ms",
            row.enroll_per_sec,
            row.search_ms.0,
            row.search_ms.1,
            row.read_ms.0,
            row.read_ms.1,
            row.verify_per_sec,
            row.list_rebuild_ms,
            row.list_refresh_ms
        );
        rows.push(row);
    }
    print_table(backend, &rows);
    if std::env::var("MUNI_ID_BENCH_JOBS").as_deref() != Ok("0") {
        at_the_largest(&ctx, &clock, seeded.ids.len());
    }
}

fn main() {
    let only: Option<String> = std::env::args()
        .skip(1)
        .find(|a| a == "sqlite" || a == "postgres");
    let settings = |sizes: &str| Settings {
        sizes: env_list("MUNI_ID_BENCH_SIZES", sizes),
        samples: env_number("MUNI_ID_BENCH_SAMPLES", 500),
        photo_bytes: env_number("MUNI_ID_BENCH_PHOTO_BYTES", 4_000),
    };
    if only.as_deref() != Some("postgres") {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("scale.db");
        let url = format!("sqlite://{}", file.display());
        run(
            "sqlite",
            &url,
            &settings("1000,100000,1000000"),
            Some(&file),
        );
    }
    if only.as_deref() != Some("sqlite") {
        let Ok(admin_url) = std::env::var("MUNI_ID_BENCH_POSTGRES_URL") else {
            println!("postgres: skipped (set MUNI_ID_BENCH_POSTGRES_URL to run it)");
            return;
        };
        let name = format!("muni_id_scale_{}", uuid::Uuid::new_v4().simple());
        let mut admin = diesel::PgConnection::establish(&admin_url).expect("connect");
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        let base = admin_url
            .rsplit_once('/')
            .map_or(admin_url.as_str(), |(b, _)| b);
        println!("postgres: database {name}");
        run(
            "postgres",
            &format!("{base}/{name}"),
            &settings("1000,100000,1000000,2200000"),
            None,
        );
        if std::env::var("MUNI_ID_BENCH_KEEP").is_err() {
            admin
                .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .expect("drop database");
        }
    }
}
