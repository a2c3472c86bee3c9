//! The key ratchet, tried as the person who holds a copy of the data would: a backup, a copy of
//! the data folder (database and WAL), or a row restored into the live database. Each test takes
//! the copy, lets the service do what it does (revoke, print, change, purge, roll forward), then
//! tries to open the copy with the key custody as it is afterwards.

use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;

use chrono::{Months, NaiveDate, TimeDelta};
use diesel::prelude::*;
use muni_id::clock::{Clock, ManualClock};
use muni_id::config::Config;
use muni_id::crypto::keyring::Epoch;
use muni_id::db::residents::ResidentRow;
use muni_id::domain::fees::FeeRecord;
use muni_id::domain::resident::{DateOfBirth, PersonName};
use muni_id::domain::staff::StaffRole;
use muni_id::private_files::sqlite_files;
use muni_id::services::purge::{self, PurgeOptions, PurgeOutcome};
use muni_id::services::ratchet;
use muni_id::services::vault::{self, VaultError};
use muni_id::startup::{build_context, Application};
use serde_json::{json, Value};

use crate::backups::Backup;
use crate::helpers::{error_code, resident, spawn_app, spawn_app_with, TestApp};

const W: u32 = 2;

fn row(app: &TestApp, id: &str) -> Option<ResidentRow> {
    let mut conn = app.ctx.db().unwrap();
    muni_id::db::residents::find(&mut conn, id).unwrap()
}

fn purge_as_of(ctx: &muni_id::context::AppContext, as_of: NaiveDate) -> PurgeOutcome {
    let options = PurgeOptions {
        as_of,
        dry_run: false,
        trigger: "cli",
        fail_after: None,
    };
    purge::run(ctx, &options, &|_, _| {}).unwrap()
}

/// Moves the clock on and lets the scheduled purge run, as the server does every hour.
fn months_pass(app: &TestApp, months: u32) {
    let later = app
        .clock
        .now()
        .checked_add_months(Months::new(months))
        .unwrap();
    app.clock.set(later);
    purge_as_of(&app.ctx, app.clock.today());
}

fn destroyed(result: Result<impl Sized, VaultError>) -> bool {
    matches!(result, Err(VaultError::Destroyed))
}

/// Nothing of the copied record opens with the live keys: not its data key, not its address,
/// and its blind index matches no live probe for its name.
fn opens_nothing(app: &TestApp, copy: &ResidentRow, name: &str) {
    assert!(
        destroyed(vault::data_key_of(&app.ctx, copy)),
        "the copy's data key opens"
    );
    assert!(
        destroyed(vault::address_of(&app.ctx, copy)),
        "the copy's address opens"
    );
    let name = PersonName::parse("legal_name", name).unwrap();
    let dob = DateOfBirth::parse("1990-04-01", app.clock.today(), 0).unwrap();
    let probes = vault::candidate_indexes(&app.ctx, &name, &dob).unwrap();
    assert!(
        !probes.contains(&copy.blind_index),
        "the copy's blind index still matches a live key"
    );
}

#[tokio::test]
async fn a_backup_taken_before_a_revocation_opens_nothing_after_the_purge() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let name = "Issued In Error";
    let id = app.enroll_ok(&clerk, &resident(name)).await;
    let number = app.issue_card(&clerk, &id, "new").await["card_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let backup = Backup::take(&app);

    let res = app
        .post_json(
            &clerk,
            &format!("/api/v1/cards/{number}/revoke"),
            &json!({"reason": "issued_in_error"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let due = row(&app, &id).unwrap().destroy_after;
    // The scheduled purges of the months until then, and the one the day after.
    while app.clock.today() <= due {
        let next = (app.clock.now() + TimeDelta::days(30))
            .min(due.and_hms_opt(12, 0, 0).unwrap().and_utc() + TimeDelta::days(1));
        app.clock.set(next);
        purge_as_of(&app.ctx, app.clock.today());
    }
    assert!(row(&app, &id).is_none());
    let destroyed_by_purge: i64 = {
        use muni_id::db::schema::audit_log as a;
        let mut conn = app.ctx.db().unwrap();
        a::table
            .filter(a::action.eq("resident.destroy"))
            .count()
            .get_result(&mut *conn)
            .unwrap()
    };
    assert_eq!(destroyed_by_purge, 1);

    opens_nothing(&app, &backup.resident(&id).unwrap(), name);
}

#[tokio::test]
async fn a_printed_address_opens_in_no_copy_and_leaves_no_trace_in_the_files() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Printed Address")).await;
    let number = app.issue_card(&clerk, &id, "new").await["card_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = Backup::take(&app);
    let copy = before.resident(&id).unwrap();
    let sealed_address = copy.address.clone().expect("the copy holds the address");

    let res = app
        .post_json(&clerk, &format!("/api/v1/cards/{number}/print"), &json!({}))
        .await;
    assert_eq!(res.status(), 200);
    let live = row(&app, &id).unwrap();
    assert!(live.address.is_none() && live.address_key.is_none());

    // The resident's own key never opened the address: it had a key of its own.
    let live_key = vault::data_key_of(&app.ctx, &live).unwrap();
    assert!(
        vault::open_json::<Value>(&live_key, vault::address_binding(&id), &sealed_address).is_err(),
        "the live data key opens the address a copy holds"
    );
    if !app.database.is_postgres() {
        // Neither the database file nor its WAL still holds the address or its key.
        let db = app.data_dir.path().join("muni-id.db");
        for file in sqlite_files(&db).iter().filter(|f| f.exists()) {
            let bytes = std::fs::read(file).unwrap();
            for secret in [&sealed_address, copy.address_key.as_ref().unwrap()] {
                assert!(
                    !bytes.windows(secret.len()).any(|w| w == secret.as_slice()),
                    "{} still holds the destroyed address",
                    file.display()
                );
            }
        }
    }
    // Once the window has passed, the address key in the copy is gone with its epoch, while
    // the resident lives on.
    months_pass(&app, W + 1);
    assert!(destroyed(vault::address_of(&app.ctx, &copy)));
    let (_, face) = vault::open_face(&app.ctx, &row(&app, &id).unwrap()).unwrap();
    assert_eq!(face.legal_name.as_str(), "Printed Address");
}

#[tokio::test]
async fn a_name_replaced_by_a_change_opens_in_no_older_copy() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Former Name")).await;
    app.issue_card(&clerk, &id, "new").await;
    let backup = Backup::take(&app);

    let res = app
        .patch_json(
            &clerk,
            &format!("/api/v1/residents/{id}"),
            &json!({"legal_name": "Chosen Name"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let copy = backup.resident(&id).unwrap();
    let live = row(&app, &id).unwrap();
    let live_key = vault::data_key_of(&app.ctx, &live).unwrap();
    assert!(
        vault::open_json::<Value>(&live_key, vault::face_binding(&id), &copy.face).is_err(),
        "the live data key opens the old name in an older copy"
    );
    let old_photo = backup.photo(&id).unwrap();
    assert!(vault::open_photo(&live_key, &id, &old_photo).is_err());

    months_pass(&app, W + 1);
    opens_nothing(&app, &copy, "Former Name");
    let (_, face) = vault::open_face(&app.ctx, &row(&app, &id).unwrap()).unwrap();
    assert_eq!(face.legal_name.as_str(), "Chosen Name");
}

#[tokio::test]
async fn a_copy_older_than_the_window_opens_nothing_of_anyone() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut ids = Vec::new();
    for name in ["Long Card One", "Long Card Two", "Never Issued"] {
        let id = app.enroll_ok(&clerk, &resident(name)).await;
        if name != "Never Issued" {
            app.issue_card(&clerk, &id, "new").await;
        }
        ids.push((id, name));
    }
    let backup = Backup::take(&app);
    assert_eq!(backup.residents().len(), 3);

    months_pass(&app, 1);
    months_pass(&app, W);
    for (id, name) in &ids {
        opens_nothing(&app, &backup.resident(id).unwrap(), name);
    }
    // The two card holders live on, readable in the live database.
    for (id, _) in &ids[..2] {
        assert!(vault::open_face(&app.ctx, &row(&app, id).unwrap()).is_ok());
    }
    let epochs = app.ctx.custody.inventory().unwrap().live.len() as u32;
    assert!(epochs <= W + 2, "{epochs} epochs alive");
}

#[tokio::test]
async fn a_running_server_forgets_an_epoch_destroyed_by_another_instance() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app
        .enroll_ok(&clerk, &resident("Restored From Backup"))
        .await;
    app.issue_card(&clerk, &id, "new").await;
    let old = row(&app, &id).unwrap();
    let res = app.get(&clerk, &format!("/api/v1/residents/{id}")).await;
    assert_eq!(
        res.status(),
        200,
        "the running server has the epoch key in memory"
    );

    // Another instance (as the command line would) rolls the ratchet months ahead.
    let later = app
        .clock
        .now()
        .checked_add_months(Months::new(W + 1))
        .unwrap();
    let other =
        build_context((*app.ctx.config).clone(), Arc::new(ManualClock::new(later))).unwrap();
    // (Its start-up alone rolls the ratchet forward; its purge finds the rest done.)
    purge_as_of(&other, other.clock.today());
    assert!(other
        .custody
        .is_destroyed(Epoch::parse(&old.key_epoch).unwrap())
        .unwrap());

    // Someone with write access restores the old row from a backup.
    {
        use muni_id::db::schema::residents as r;
        let mut conn = app.ctx.db().unwrap();
        diesel::update(r::table.find(&id))
            .set((
                r::key_epoch.eq(&old.key_epoch),
                r::key_version.eq(old.key_version),
                r::wrapped_key.eq(&old.wrapped_key),
                r::address_key.eq(&old.address_key),
                r::face.eq(&old.face),
                r::address.eq(&old.address),
                r::blind_index.eq(&old.blind_index),
            ))
            .execute(&mut *conn)
            .unwrap();
    }
    // (The other instance's purge, its clock months ahead, ended the old session.)
    let clerk = app.session(StaffRole::Clerk).await;
    let res = app.get(&clerk, &format!("/api/v1/residents/{id}")).await;
    let (status, code, body) = error_code(res).await;
    assert_eq!(
        (status, code.as_str()),
        (410, "resident_data_destroyed"),
        "{body}"
    );
    assert!(
        !body.to_string().contains(&id),
        "the answer names no resident id"
    );
}

#[tokio::test]
async fn a_purge_as_of_a_later_day_rolls_every_live_key_forward_before_destroying_epochs() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Lives On")).await;
    app.issue_card(&clerk, &id, "new").await;
    let as_of = app.clock.today() + TimeDelta::days(50);
    let outcome = purge_as_of(&app.ctx, as_of);
    assert!(!outcome.epochs_destroyed.is_empty());
    assert!(outcome.data_keys_moved >= 1);
    let live = row(&app, &id).unwrap();
    let (_, face) = vault::open_face(&app.ctx, &live).unwrap();
    assert_eq!(face.legal_name.as_str(), "Lives On");
    // The ratchet stays where the purge took it: enrolling today wraps under a live epoch.
    let other = app.enroll_ok(&clerk, &resident("Enrolled After")).await;
    let res = app.get(&clerk, &format!("/api/v1/residents/{other}")).await;
    assert_eq!(res.status(), 200);
    let ratchet_month = Epoch::of(as_of);
    assert!(Epoch::parse(&row(&app, &other).unwrap().key_epoch).unwrap() >= ratchet_month);
}

#[tokio::test]
async fn a_run_dated_beyond_the_window_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Far Future")).await;
    let before = app.ctx.custody.inventory().unwrap();
    let month_before = app.ctx.custody.ratchet_month().unwrap();
    let far = app.clock.today() + TimeDelta::days(200);
    let options = PurgeOptions {
        as_of: far,
        dry_run: false,
        trigger: "cli",
        fail_after: None,
    };
    let err = purge::run(&app.ctx, &options, &|_, _| {}).unwrap_err();
    assert!(matches!(err, purge::PurgeError::AsOfTooFar { .. }), "{err}");
    let err = ratchet::roll_forward(&app.ctx, far, &|_, _| {}).unwrap_err();
    assert!(matches!(err, purge::PurgeError::AsOfTooFar { .. }), "{err}");
    assert_eq!(app.ctx.custody.inventory().unwrap(), before);
    assert_eq!(app.ctx.custody.ratchet_month().unwrap(), month_before);
    assert!(row(&app, &id).is_some());
}

/// The roll-forward and the rotation move a page of records in batches (one unwrap call, then
/// one wrap and one blind-index call per target month): each record keeps its own keys, its
/// address key, and a blind index under its new month, so search still finds every one.
#[tokio::test]
async fn records_moved_in_batches_keep_their_address_and_are_still_found_by_search() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let names = ["Batch One", "Batch Two", "Batch Three"];
    let mut ids = Vec::new();
    for name in names {
        let id = app.enroll_ok(&clerk, &resident(name)).await;
        app.issue_card(&clerk, &id, "new").await;
        ids.push(id);
    }
    let as_of = app.clock.today() + TimeDelta::days(70);
    // Off the test's runtime, which also runs the server: both wait out the backend's settle
    // time (seconds on an HSM), and a blocked server drops its idle connections.
    let ctx = app.ctx.clone();
    let (rolled, rotated) = tokio::task::spawn_blocking(move || {
        let rolled = ratchet::roll_forward(&ctx, as_of, &|_, _| {}).unwrap();
        let rotated = muni_id::services::key_rotation::rotate(&ctx, &|_, _| {}).unwrap();
        (rolled, rotated)
    })
    .await
    .unwrap();
    assert_eq!(rolled.data_keys_moved, 3);
    assert_eq!(rotated.data_keys_rewrapped, 3);
    for (id, name) in ids.iter().zip(names) {
        let live = row(&app, id).unwrap();
        let (_, face) = vault::open_face(&app.ctx, &live).unwrap();
        assert_eq!(face.legal_name.as_str(), name);
        let address = vault::address_of(&app.ctx, &live).unwrap();
        let lines = address.map(|a| a.lines()).unwrap_or_default();
        assert!(
            lines.iter().any(|l| l.contains("12 Elm St")),
            "{name}: {lines:?}"
        );
        let found = app
            .post_json(
                &clerk,
                "/api/v1/residents/search",
                &json!({"legal_name": name, "date_of_birth": "1990-04-01"}),
            )
            .await;
        let found: Value = found.json().await.unwrap();
        let matches = found["matches"].as_array().unwrap();
        assert_eq!(matches.len(), 1, "{name}: {found}");
        assert_eq!(matches[0]["resident_id"], id.as_str());
    }
}

#[tokio::test]
async fn the_roll_forward_is_resumable_and_moves_nothing_twice() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Rolled Once")).await;
    app.issue_card(&clerk, &id, "new").await;
    let as_of = app.clock.today() + TimeDelta::days(70);
    let first = ratchet::roll_forward(&app.ctx, as_of, &|_, _| {}).unwrap();
    assert_eq!(first.data_keys_moved, 1);
    let second = ratchet::roll_forward(&app.ctx, as_of, &|_, _| {}).unwrap();
    assert_eq!(second.data_keys_moved, 0);
    assert!(second.epochs_destroyed.is_empty());
    assert!(vault::open_face(&app.ctx, &row(&app, &id).unwrap()).is_ok());
}

#[tokio::test]
async fn keys_prepared_far_ahead_by_an_older_version_are_brought_within_the_rule_at_start() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Old Layout")).await;
    app.issue_card(&clerk, &id, "new").await;
    // What an older version wrote: the key under the destruction month years ahead.
    let far = Epoch::of(app.clock.today()).plus_months(60);
    let live = row(&app, &id).unwrap();
    let placement = vault::rewrap(&app.ctx, &live, far).unwrap();
    {
        let mut conn = app.ctx.db().unwrap();
        muni_id::db::residents::move_keys(&mut conn, &live, &placement).unwrap();
    }
    // The server starts again (a command other than serve leaves the keys as they are).
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let restarted =
        Application::build_with_listener((*app.ctx.config).clone(), app.clock.clone(), listener)
            .unwrap();
    let restarted = restarted.context();
    let after = row(&app, &id).unwrap();
    let month = Epoch::of(app.clock.today());
    assert!(Epoch::parse(&after.key_epoch).unwrap() <= month.plus_months(W));
    assert!(restarted.custody.is_destroyed(far).unwrap());
    assert!(vault::open_face(restarted, &after).is_ok());
}

#[tokio::test]
async fn database_files_are_private_whoever_made_the_folder() {
    let app = spawn_app_with(|config: &mut Config| {
        // An operator made the folder and an empty database with a loose umask.
        let dir = &config.data_dir;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let db = dir.join("sqlite-here.db");
        let conn = diesel::SqliteConnection::establish(&db.to_string_lossy());
        let mut conn = conn.unwrap();
        diesel::connection::SimpleConnection::batch_execute(
            &mut conn,
            "PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
        )
        .unwrap();
        for file in sqlite_files(&db).iter().filter(|f| f.exists()) {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o644)).unwrap();
        }
        std::mem::forget(conn); // keep the WAL and SHM files as a running tool would
        config.database.url = format!("sqlite://{}", db.display());
    })
    .await;
    let db = app.data_dir.path().join("sqlite-here.db");
    let files: Vec<_> = sqlite_files(&db)
        .into_iter()
        .filter(|f| f.exists())
        .collect();
    assert_eq!(files.len(), 3, "database, WAL and SHM");
    for file in files {
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is {mode:o}", file.display());
    }
}

fn production_like(data_dir: &std::path::Path, keys_dir: Option<&std::path::Path>) -> Config {
    let keyring = keys_dir.map(|d| d.join("keyring.json").display().to_string());
    Config::from_toml_overrides(&format!(
        r#"
dev_mode = false
data_dir = "{data}"
[database]
url = "sqlite://{data}/muni-id.db"
[keys]
keyring_file = "{keyring}"
[auth]
argon2_memory_kib = 64
argon2_iterations = 1
"#,
        data = data_dir.display(),
        keyring = keyring.unwrap_or_default(),
    ))
    .unwrap()
}

#[tokio::test]
async fn outside_dev_mode_keys_beside_a_sqlite_database_stop_start_up() {
    let clock: Arc<dyn Clock> = Arc::new(ManualClock::new(crate::helpers::test_start()));
    let data = tempfile::tempdir().unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let err = Application::build_with_listener(
        production_like(data.path(), None),
        clock.clone(),
        listener,
    )
    .err()
    .expect("keys in the data folder are refused outside dev mode");
    assert!(err.to_string().contains("same folder"), "{err:#}");
    assert!(
        !data.path().join("keyring.json").exists(),
        "nothing was created"
    );

    // A sibling folder on the same volume is refused too: one copy of the volume holds both.
    let sibling = tempfile::tempdir().unwrap();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let err = Application::build_with_listener(
        production_like(data.path(), Some(sibling.path())),
        clock.clone(),
        listener,
    )
    .err()
    .expect("keys on the database's volume are refused outside dev mode");
    assert!(err.to_string().contains("same volume"), "{err:#}");

    // Keys on a volume of their own (here the tmpfs at /dev/shm) start.
    let keys = tempfile::tempdir_in("/dev/shm").unwrap();
    let mut config = production_like(data.path(), Some(keys.path()));
    config.keys.create_if_missing = true;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let app = Application::build_with_listener(config, clock, listener);
    assert!(app.is_ok(), "{:#}", app.err().unwrap());
}

mod property {
    //! Random sequences of what a program does over months, with a moving clock: at every step
    //! no wrapped key sits beyond the rule, at most W + 2 epochs are alive, and no live record
    //! becomes unreadable.

    use super::*;
    use muni_id::context::AppContext;
    use muni_id::domain::card::{CardStatus, IssueReason, RevokeReason};
    use muni_id::services::cards::{self, CardError};
    use muni_id::services::enrollment::{self, ApplicationRules, EnrollmentError};
    use muni_id::services::Actor;
    use muni_id::web::api::residents::{EnrollmentRequest, ResidentPatch};
    use proptest::prelude::*;
    use proptest::test_runner::{Config as RunnerConfig, TestRunner};

    use crate::helpers::{context_only, photo_base64};

    #[derive(Debug, Clone)]
    enum Step {
        Enroll,
        Issue(usize),
        Renew(usize),
        Revoke(usize),
        Change(usize),
        Print(usize),
        RollForward,
        DaysPass(i64),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            3 => Just(Step::Enroll),
            3 => any::<usize>().prop_map(Step::Issue),
            1 => any::<usize>().prop_map(Step::Renew),
            2 => any::<usize>().prop_map(Step::Revoke),
            2 => any::<usize>().prop_map(Step::Change),
            2 => any::<usize>().prop_map(Step::Print),
            1 => Just(Step::RollForward),
            4 => (1i64..75).prop_map(Step::DaysPass),
        ]
    }

    fn request(n: usize) -> EnrollmentRequest {
        let mut body = resident(&format!(
            "Property Person {}",
            char::from(b'a' + (n % 26) as u8)
        ));
        body["photo"] = json!(photo_base64());
        serde_json::from_value(body).unwrap()
    }

    fn no_fault<T>(result: Result<T, EnrollmentError>) -> Option<T> {
        match result {
            Err(EnrollmentError::Internal(e)) => panic!("internal fault: {e}"),
            other => other.ok(),
        }
    }

    fn no_card_fault<T>(result: Result<T, CardError>) -> Option<T> {
        match result {
            Err(CardError::Internal(e)) => panic!("internal fault: {e}"),
            other => other.ok(),
        }
    }

    fn check_invariants(ctx: &AppContext) -> Result<(), TestCaseError> {
        let rule = ctx.config.ratchet();
        let month = vault::ratchet_month(ctx).unwrap();
        let today = ctx.clock.today();
        let mut conn = ctx.db().unwrap();
        for row in muni_id::db::residents::page(&mut conn, "", i64::MAX).unwrap() {
            let epoch = Epoch::parse(&row.key_epoch).unwrap();
            prop_assert!(
                rule.allows(epoch, row.destroy_after, month),
                "a key at {epoch} for a record due {} with the ratchet at {month}",
                row.destroy_after
            );
            if row.destroy_after >= today {
                prop_assert!(
                    vault::open_face(ctx, &row).is_ok(),
                    "a live record was lost"
                );
            }
        }
        let alive = ctx.custody.inventory().unwrap().live.len() as u32;
        prop_assert!(alive <= W + 2, "{alive} epochs alive");
        Ok(())
    }

    fn run(steps: &[Step]) -> Result<(), TestCaseError> {
        let t = context_only();
        let ctx = &t.ctx;
        muni_id::services::staff::add(ctx, "test", "clerk", StaffRole::Clerk, None).unwrap();
        let staff_id = {
            let mut conn = ctx.db().unwrap();
            muni_id::db::staff::find_by_username(&mut conn, "clerk")
                .unwrap()
                .unwrap()
                .id
        };
        let actor = Actor {
            staff_id,
            username: "clerk".into(),
            role: StaffRole::Clerk,
            site: None,
        };
        let mut people: Vec<(String, Option<String>)> = Vec::new();
        for (n, step) in steps.iter().enumerate() {
            let pick = |i: &usize| (!people.is_empty()).then(|| *i % people.len());
            match step {
                Step::Enroll => {
                    let mut req = request(n);
                    req.confirm_not_duplicate = true;
                    let enrolled = req
                        .to_application(&ApplicationRules::of(ctx))
                        .and_then(|application| enrollment::enroll(ctx, &actor, application));
                    if let Some(done) = no_fault(enrolled) {
                        people.push((done.resident_id, None));
                    }
                }
                Step::Issue(i) | Step::Renew(i) => {
                    let Some(i) = pick(i) else { continue };
                    let reason = match step {
                        Step::Issue(_) => IssueReason::New,
                        _ => IssueReason::Renewal,
                    };
                    if let Some(card) = no_card_fault(cards::issue(
                        ctx,
                        &actor,
                        &people[i].0,
                        cards::CardOrder::at_counter(reason, Some(FeeRecord::Paid)),
                    )) {
                        people[i].1 = Some(card.card_number);
                    }
                }
                Step::Revoke(i) => {
                    let Some(i) = pick(i) else { continue };
                    if let Some(number) = people[i].1.clone() {
                        no_card_fault(cards::revoke(
                            ctx,
                            &actor,
                            &number,
                            RevokeReason::IssuedInError,
                        ));
                    }
                }
                Step::Change(i) => {
                    let Some(i) = pick(i) else { continue };
                    let patch = ResidentPatch {
                        legal_name: Some(format!(
                            "Changed Person {}",
                            char::from(b'a' + (n % 26) as u8)
                        )),
                        ..ResidentPatch::default()
                    };
                    no_fault(
                        patch
                            .to_changes(&ApplicationRules::of(ctx))
                            .and_then(|changes| {
                                enrollment::update(ctx, &actor, &people[i].0, changes)
                            }),
                    );
                }
                Step::Print(i) => {
                    let Some(i) = pick(i) else { continue };
                    if let Some(number) = people[i].1.clone() {
                        let active = cards::get(ctx, &number)
                            .map(|c| c.status == CardStatus::Active)
                            .unwrap_or(false);
                        if active {
                            no_card_fault(cards::print(ctx, &actor, &[number]));
                        }
                    }
                }
                Step::RollForward => {
                    ratchet::roll_forward(ctx, ctx.clock.today(), &|_, _| {}).unwrap();
                }
                Step::DaysPass(days) => {
                    t.clock.set(t.clock.now() + TimeDelta::days(*days));
                    // The server's scheduled purge, which rolls the ratchet forward.
                    purge_as_of(ctx, ctx.clock.today());
                }
            }
            check_invariants(ctx)?;
        }
        Ok(())
    }

    #[test]
    fn no_key_sits_beyond_the_rule_and_at_most_w_plus_2_epochs_live() {
        let mut runner = TestRunner::new(RunnerConfig {
            cases: 12,
            failure_persistence: None,
            ..RunnerConfig::default()
        });
        runner
            .run(&proptest::collection::vec(step(), 1..28), |steps| {
                run(&steps)
            })
            .unwrap();
    }
}

#[tokio::test]
async fn a_roll_forward_that_read_a_record_before_a_change_never_overwrites_its_new_keys() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Read Before Change")).await;
    app.issue_card(&clerk, &id, "new").await;
    // A roll-forward (or rotation, or an issue) reads the record and prepares its move...
    let stale = row(&app, &id).unwrap();
    let placement =
        vault::rewrap(&app.ctx, &stale, Epoch::parse(&stale.key_epoch).unwrap()).unwrap();
    // ...while a clerk's change re-seals it under fresh keys, in the same epoch and version.
    let res = app
        .patch_json(
            &clerk,
            &format!("/api/v1/residents/{id}"),
            &json!({"legal_name": "Changed Meanwhile"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let changed = row(&app, &id).unwrap();
    assert_eq!(
        (&changed.key_epoch, changed.key_version),
        (&stale.key_epoch, stale.key_version)
    );
    let mut conn = app.ctx.db().unwrap();
    let moved = muni_id::db::residents::move_keys(&mut conn, &stale, &placement).unwrap();
    assert_eq!(moved, 0, "the stale move must not land");
    let (_, face) = vault::open_face(&app.ctx, &row(&app, &id).unwrap()).unwrap();
    assert_eq!(face.legal_name.as_str(), "Changed Meanwhile");
}
