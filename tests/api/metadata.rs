//! Plaintext metadata that could link a card to a person: a destroyed resident's cards keep
//! only their number, status, status-list index and dates; stored times have no sub-second
//! part (a unique microsecond is as good as an identifier for joining rows and logs).

use chrono::{NaiveDate, NaiveDateTime, TimeDelta, TimeZone, Timelike, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date, Nullable, Text, Timestamp};
use muni_id::domain::staff::StaffRole;
use muni_id::services::purge::{self, PurgeOptions};
use serde_json::{json, Value};

use crate::helpers::{resident, spawn_app, TestApp};

/// 12:34:56.789123 on the first test day: a time with a sub-second part.
fn odd_time() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 12, 34, 56).unwrap() + TimeDelta::microseconds(789_123)
}

#[derive(QueryableByName, Debug)]
struct CardTombstone {
    #[diesel(sql_type = Nullable<Text>)]
    resident_id: Option<String>,
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = BigInt)]
    status_index: i64,
    #[diesel(sql_type = Nullable<Text>)]
    issue_reason: Option<String>,
    #[diesel(sql_type = Date)]
    issued_on: NaiveDate,
    #[diesel(sql_type = Date)]
    expires_on: NaiveDate,
    #[diesel(sql_type = Nullable<Timestamp>)]
    issued_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Text>)]
    issued_by: Option<String>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    revoked_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Text>)]
    revoke_reason: Option<String>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    printed_at: Option<NaiveDateTime>,
}

fn card_row(app: &TestApp, number: &str) -> CardTombstone {
    let mut conn = app.ctx.db().unwrap();
    diesel::sql_query(
        "SELECT resident_id, status, status_index, issue_reason, issued_on, expires_on, \
         issued_at, issued_by, revoked_at, revoke_reason, printed_at FROM cards WHERE card_number = $1",
    )
    .bind::<Text, _>(number)
    .get_result(&mut *conn)
    .unwrap()
}

fn midnight(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(0, 0, 0).unwrap()
}

#[tokio::test]
async fn a_destroyed_residents_cards_keep_only_number_status_index_and_dates() {
    let app = spawn_app().await;
    app.clock.set(odd_time());
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Tomb Stone")).await;
    let first = app.issue_card(&clerk, &id, "new").await;
    let second = app.issue_card(&clerk, &id, "replacement_lost").await;
    let second_number = second["card_number"].as_str().unwrap().to_owned();
    let res = app
        .post_json(
            &clerk,
            "/api/v1/cards/print",
            &json!({"card_numbers": [second_number]}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let res = app
        .post_json(
            &clerk,
            &format!("/api/v1/cards/{second_number}/revoke"),
            &json!({"reason": "stolen"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let live = card_row(&app, &second_number);
    assert!(live.issued_by.is_some() && live.printed_at.is_some() && live.revoke_reason.is_some());

    // Long after the grace period: the resident is destroyed.
    app.clock
        .set(Utc.with_ymd_and_hms(2028, 1, 10, 9, 0, 0).unwrap());
    let outcome = purge::run(
        &app.ctx,
        &PurgeOptions {
            as_of: app.ctx.clock.today(),
            dry_run: false,
            trigger: "cli",
            fail_after: None,
        },
        &|_, _| {},
    )
    .unwrap();
    assert_eq!(outcome.residents_destroyed, 1);
    let clerk = app.session(StaffRole::Clerk).await;

    for (card, before) in [(&first, None), (&second, Some(&live))] {
        let number = card["card_number"].as_str().unwrap();
        let row = card_row(&app, number);
        assert_eq!(row.resident_id, None);
        assert_eq!(row.status, "revoked");
        assert_eq!(
            (row.issued_by.as_deref(), row.issue_reason.as_deref()),
            (None, None),
            "who issued it and why are gone"
        );
        assert_eq!(
            (row.revoke_reason.as_deref(), row.printed_at),
            (None, None),
            "why it was revoked and when it printed are gone"
        );
        assert_eq!(
            row.issued_on.to_string(),
            card["issued_on"].as_str().unwrap()
        );
        assert_eq!(
            row.expires_on.to_string(),
            card["expires_on"].as_str().unwrap()
        );
        assert_eq!(
            row.issued_at,
            Some(midnight(row.issued_on)),
            "a day, no time"
        );
        assert_eq!(
            row.revoked_at,
            Some(midnight(odd_time().date_naive())),
            "revocation as a day"
        );
        if let Some(before) = before {
            assert_eq!(row.status_index, before.status_index);
        }
        // The card still answers as it did: revoked, so not valid.
        let res = app
            .client
            .post(app.url("/api/v1/verify"))
            .json(&json!({"token": card["qr_text"]}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.json::<Value>().await.unwrap(), json!({"valid": false}));
        let view = app.get(&clerk, &format!("/api/v1/cards/{number}")).await;
        assert_eq!(view.status(), 200);
        let view: Value = view.json().await.unwrap();
        assert_eq!(view["status"], "revoked", "{view}");
    }
}

/// Every stored time, from every table that keeps one.
const TIME_COLUMNS: [(&str, &str); 14] = [
    ("staff", "created_at"),
    ("sessions", "created_at"),
    ("sessions", "last_seen_at"),
    ("sessions", "expires_at"),
    ("residents", "enrolled_at"),
    ("residents", "updated_at"),
    ("residents", "address_updated_at"),
    ("cards", "issued_at"),
    ("cards", "revoked_at"),
    ("cards", "printed_at"),
    ("audit_log", "recorded_at"),
    ("audit_seals", "sealed_at"),
    ("purge_runs", "started_at"),
    ("purge_runs", "finished_at"),
];

#[derive(QueryableByName)]
struct Stored {
    #[diesel(sql_type = Timestamp)]
    t: NaiveDateTime,
}

#[tokio::test]
async fn stored_times_have_no_sub_second_part() {
    let app = spawn_app().await;
    app.clock.set(odd_time());
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Whole Seconds")).await;
    let keep = app.enroll_ok(&clerk, &resident("Kept Address")).await;
    app.clock.advance(TimeDelta::microseconds(1_234));
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap();
    app.clock.advance(TimeDelta::microseconds(1_234));
    assert_eq!(
        app.get(&clerk, &format!("/api/v1/cards/{number}/pdf"))
            .await
            .status(),
        200
    );
    let printed = app
        .post_json(
            &clerk,
            "/api/v1/cards/print",
            &json!({"card_numbers": [number]}),
        )
        .await;
    assert_eq!(printed.status(), 200);
    app.clock.advance(TimeDelta::microseconds(1_234));
    app.post_json(
        &clerk,
        &format!("/api/v1/cards/{number}/revoke"),
        &json!({"reason": "lost"}),
    )
    .await;
    app.patch_json(
        &clerk,
        &format!("/api/v1/residents/{keep}"),
        &json!({"address": {"line1": "1 New St", "city": "Springfield"}}),
    )
    .await;
    purge::run(
        &app.ctx,
        &PurgeOptions {
            as_of: app.ctx.clock.today(),
            dry_run: false,
            trigger: "cli",
            fail_after: None,
        },
        &|_, _| {},
    )
    .unwrap();
    assert_eq!(app.login("nobody.here", "wrong").await.status(), 401);

    let mut conn = app.ctx.db().unwrap();
    for (table, column) in TIME_COLUMNS {
        let times: Vec<Stored> = diesel::sql_query(format!(
            "SELECT {column} AS t FROM {table} WHERE {column} IS NOT NULL"
        ))
        .load(&mut *conn)
        .unwrap();
        assert!(!times.is_empty(), "{table}.{column} was exercised");
        for Stored { t } in times {
            assert_eq!(t.nanosecond(), 0, "{table}.{column} = {t}");
        }
    }
}

/// A tombstone and a live card as the schema before 2026-11-27-000006 held them.
const BEFORE_TOMBSTONES: &str = "
INSERT INTO staff (id, username, password_hash, role, disabled, must_change_password, created_at)
VALUES ('s1', 'old.clerk', 'x', 'clerk', false, false, '2026-01-02 03:04:05.678901');
INSERT INTO cards (card_number, resident_id, status, status_index, issue_reason, issued_on,
                   expires_on, issued_at, issued_by, revoked_at, revoke_reason, printed_at)
VALUES ('111111111116', NULL, 'revoked', 4242, 'new', '2026-01-02', '2031-01-01',
        '2026-01-02 09:10:11.123456', 's1', '2026-03-04 15:16:17.654321', 'stolen',
        '2026-01-02 09:20:00.5');
";

#[derive(QueryableByName, Debug, PartialEq)]
struct MigratedCard {
    #[diesel(sql_type = BigInt)]
    status_index: i64,
    #[diesel(sql_type = Date)]
    issued_on: NaiveDate,
    #[diesel(sql_type = Date)]
    expires_on: NaiveDate,
    #[diesel(sql_type = Timestamp)]
    issued_at: NaiveDateTime,
    #[diesel(sql_type = Nullable<Text>)]
    issued_by: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    issue_reason: Option<String>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    revoked_at: Option<NaiveDateTime>,
    #[diesel(sql_type = Nullable<Text>)]
    revoke_reason: Option<String>,
    #[diesel(sql_type = Nullable<Timestamp>)]
    printed_at: Option<NaiveDateTime>,
}

const READ_BACK: &str = "SELECT status_index, issued_on, expires_on, issued_at, issued_by, \
    issue_reason, revoked_at, revoke_reason, printed_at FROM cards WHERE card_number = '111111111116'";

fn expected_tombstone() -> MigratedCard {
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    MigratedCard {
        status_index: 4242,
        issued_on: day("2026-01-02"),
        expires_on: day("2031-01-01"),
        issued_at: midnight(day("2026-01-02")),
        issued_by: None,
        issue_reason: None,
        revoked_at: Some(midnight(day("2026-03-04"))),
        revoke_reason: None,
        printed_at: None,
    }
}

/// Runs `source`'s migrations up to (not including) the tombstone one, then `setup`, then the
/// rest.
fn migrate_around<DB, C>(conn: &mut C, source: diesel_migrations::EmbeddedMigrations, setup: &str)
where
    DB: diesel::backend::Backend,
    C: diesel_migrations::MigrationHarness<DB>
        + diesel::connection::SimpleConnection
        + diesel::migration::MigrationConnection,
    diesel_migrations::EmbeddedMigrations: diesel::migration::MigrationSource<DB>,
{
    use diesel::migration::MigrationSource;
    let all = MigrationSource::<DB>::migrations(&source).unwrap();
    conn.setup().unwrap();
    for migration in &all {
        if migration.name().to_string().as_str() >= "2026-11-27-000006" {
            break;
        }
        conn.run_migration(&**migration).unwrap();
    }
    conn.batch_execute(setup).unwrap();
    conn.run_pending_migrations(source).unwrap();
}

#[test]
fn the_migration_strips_existing_tombstones_and_keeps_keys_and_indexes() {
    match std::env::var("MUNI_ID_TEST_DATABASE_URL") {
        Ok(admin_url) if admin_url.starts_with("postgres") => {
            use diesel::connection::SimpleConnection;
            let name = format!("muni_id_mig_{}", uuid::Uuid::new_v4().simple());
            let mut admin = diesel::PgConnection::establish(&admin_url).unwrap();
            admin
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .unwrap();
            let base = admin_url.rsplit_once('/').unwrap().0;
            let mut conn = diesel::PgConnection::establish(&format!("{base}/{name}")).unwrap();
            migrate_around(
                &mut conn,
                muni_id::db::POSTGRES_MIGRATIONS,
                BEFORE_TOMBSTONES,
            );
            let card: MigratedCard = diesel::sql_query(READ_BACK).get_result(&mut conn).unwrap();
            assert_eq!(card, expected_tombstone());
            let dangling = conn.batch_execute(
                "UPDATE cards SET issued_by = 'nobody' WHERE card_number = '111111111116'",
            );
            assert!(dangling.is_err(), "the key to staff stays");
            drop(conn);
            admin
                .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .unwrap();
        }
        _ => {
            use diesel::connection::SimpleConnection;
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("old.db");
            let mut conn = diesel::SqliteConnection::establish(path.to_str().unwrap()).unwrap();
            conn.batch_execute("PRAGMA foreign_keys = ON;").unwrap();
            migrate_around(&mut conn, muni_id::db::SQLITE_MIGRATIONS, BEFORE_TOMBSTONES);
            let card: MigratedCard = diesel::sql_query(READ_BACK).get_result(&mut conn).unwrap();
            assert_eq!(card, expected_tombstone());
            let dangling = conn.batch_execute(
                "UPDATE cards SET issued_by = 'nobody' WHERE card_number = '111111111116'",
            );
            assert!(dangling.is_err(), "the key to staff stays");
            #[derive(QueryableByName)]
            struct Name {
                #[diesel(sql_type = Text)]
                name: String,
            }
            let indexes: Vec<String> = diesel::sql_query(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cards' \
                 AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name",
            )
            .load::<Name>(&mut conn)
            .unwrap()
            .into_iter()
            .map(|n| n.name)
            .collect();
            assert_eq!(
                indexes,
                ["cards_resident_id", "cards_revoked_at", "cards_status"]
            );
            let duplicate_index = conn.batch_execute(
                "INSERT INTO cards (card_number, status, status_index, issued_on, expires_on, issued_at) \
                 VALUES ('222222222220', 'active', 4242, '2026-01-02', '2031-01-01', '2026-01-02 00:00:00')",
            );
            assert!(duplicate_index.is_err(), "status indices stay unique");
        }
    }
}
