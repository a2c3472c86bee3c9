//! Every query a clerk's, a supervisor's or a verifier's request runs finds its rows through an
//! index: none reads the whole of `residents`, `resident_photos`, `cards`, `card_deliveries` or
//! `audit_log`, so such a request costs about the same with 2.2 million residents as with ten.
//! The test records the SQL a server runs while staff and a verifier use it (through diesel's
//! instrumentation), then asks the database for each statement's plan: on PostgreSQL the
//! generic plan (the one a prepared statement keeps whatever its parameters) with sequential
//! scans priced out, so a sequential scan in it means no index could serve; on SQLite
//! `EXPLAIN QUERY PLAN`. The plans are read, not timed. An index on a column that selects
//! most rows (`status`) passes this rule; the status list's refresh, the one such statement
//! run every few seconds, has a test of its own below. The auditor's retention report has its
//! own test: it reads what is held from the last purge run's census, and counts only what is
//! overdue.

use std::collections::BTreeSet;
use std::sync::Mutex;

use diesel::connection::{Instrumentation, InstrumentationEvent};
use diesel::sql_types::Text;
use diesel::RunQueryDsl as _;
use muni_id::clock::Clock as _;
use muni_id::db::DbConnection;
use muni_id::domain::staff::StaffRole;
use serde_json::{json, Value};

use crate::helpers::{resident, spawn_app, Session, TestApp};
use crate::pages::{csrf_of, get_page, page_login, post_form};
use crate::pickup::{add_site, choose, clerk_at};

/// The tables a request must never read whole: they grow with the residents, their cards and
/// the audit log.
const LARGE_TABLES: [&str; 5] = [
    "residents",
    "resident_photos",
    "cards",
    "card_deliveries",
    "audit_log",
];

/// Statements recorded per database (its name or folder in the connection's URL).
static RECORDING: Mutex<Vec<(String, Vec<String>)>> = Mutex::new(Vec::new());

/// Records the statements of every connection to a database being recorded.
#[derive(Default)]
struct Recorder {
    url: String,
}

impl Instrumentation for Recorder {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        match event {
            InstrumentationEvent::StartEstablishConnection { url, .. } => {
                url.clone_into(&mut self.url);
            }
            InstrumentationEvent::StartQuery { query, .. } => {
                let mut recording = RECORDING.lock().unwrap_or_else(|p| p.into_inner());
                if let Some((_, statements)) = recording
                    .iter_mut()
                    .find(|(marker, _)| self.url.contains(marker.as_str()))
                {
                    let text = query.to_string();
                    // diesel shows a statement as `<sql> -- binds: [...]`; its SQLite
                    // statements quote names with backticks, PostgreSQL's with double quotes.
                    let sql = text.split(" -- binds: ").next().unwrap_or_default();
                    statements.push(sql.replace('`', "\""));
                }
            }
            _ => {}
        }
    }
}

fn install_recorder() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        diesel::connection::set_default_instrumentation(|| Some(Box::new(Recorder::default())))
            .expect("diesel's default instrumentation");
    });
}

/// What names this app's database in a connection URL.
fn marker_of(app: &TestApp) -> String {
    if app.database.is_postgres() {
        let url = app.ctx.config.database.url.to_string();
        let name = url.rsplit('/').next().unwrap_or_default();
        name.split('?').next().unwrap_or_default().to_owned()
    } else {
        app.data_dir.path().display().to_string()
    }
}

fn start_recording(marker: &str) {
    RECORDING
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push((marker.to_owned(), Vec::new()));
}

fn stop_recording(marker: &str) -> Vec<String> {
    let mut recording = RECORDING.lock().unwrap_or_else(|p| p.into_inner());
    let at = recording.iter().position(|(m, _)| m == marker);
    at.map(|at| recording.remove(at).1).unwrap_or_default()
}

/// Whether a statement names one of the large tables (as diesel quotes it) and may read rows
/// (not a plain INSERT).
fn reads_a_large_table(sql: &str) -> bool {
    let lower = sql.trim_start().to_ascii_lowercase();
    let reads = ["select", "update", "delete", "with"]
        .iter()
        .any(|verb| lower.starts_with(verb))
        || (lower.starts_with("insert") && lower.contains("select"));
    reads
        && LARGE_TABLES
            .iter()
            .any(|table| lower.contains(&format!("\"{table}\"")))
}

/// A clerk's and a supervisor's day, a verifier's scans and the status list, through the API and
/// the pages; the statements the server ran meanwhile.
async fn a_days_requests(app: &TestApp) -> Vec<String> {
    // A program with sites: the pick-up queue is a site's.
    let admin = app.session(StaffRole::Admin).await;
    add_site(app, &admin, "downtown", "centre").await;
    let clerk = clerk_at(app, "downtown").await;
    let supervisor = app.session(StaffRole::Supervisor).await;
    choose(app, &supervisor, "downtown").await;
    let marker = marker_of(app);
    start_recording(&marker);

    let id = app.enroll_ok(&clerk, &resident("Plan Reader")).await;
    let again = app.enroll(&clerk, &resident("Plan Reader")).await;
    assert_eq!(again.status(), 409, "the duplicate check ran");
    let found: Value = app
        .post_json(
            &clerk,
            "/api/v1/residents/search",
            &json!({"legal_name": "Plan Reader", "date_of_birth": "1990-04-01"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["matches"][0]["resident_id"], id.as_str());
    for path in [
        format!("/api/v1/residents/{id}"),
        format!("/api/v1/residents/{id}/photo"),
    ] {
        assert_eq!(app.get(&clerk, &path).await.status(), 200, "{path}");
    }
    let changed = app
        .patch_json(
            &clerk,
            &format!("/api/v1/residents/{id}"),
            &json!({"preferred_name": "Plan"}),
        )
        .await;
    assert_eq!(changed.status(), 200);

    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap().to_owned();
    cards_day(app, &clerk, &supervisor, &id, &number).await;
    verifier_scans(app, card["qr_text"].as_str().unwrap()).await;
    pages_day(app, &id, &number).await;

    let revoked = app
        .post_json(
            &supervisor,
            &format!("/api/v1/cards/{number}/revoke"),
            &json!({"reason": "lost"}),
        )
        .await;
    assert_eq!(revoked.status(), 200);
    muni_id::services::verification::refresh_status_list(&app.ctx).expect("a status list refresh");
    let out = app
        .client
        .delete(app.url("/api/v1/sessions/current"))
        .bearer_auth(&clerk.token)
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    stop_recording(&marker)
}

async fn cards_day(app: &TestApp, clerk: &Session, supervisor: &Session, id: &str, number: &str) {
    for path in [
        format!("/api/v1/residents/{id}/cards"),
        format!("/api/v1/cards/{number}"),
        "/api/v1/pickups".to_owned(),
    ] {
        assert_eq!(app.get(clerk, &path).await.status(), 200, "{path}");
    }
    let printed = app
        .post_json(clerk, &format!("/api/v1/cards/{number}/print"), &json!({}))
        .await;
    assert_eq!(printed.status(), 200);
    let batch = app
        .post_json(
            supervisor,
            "/api/v1/cards/print",
            &json!({"card_numbers": [number]}),
        )
        .await;
    assert_eq!(batch.status(), 200);
}

async fn verifier_scans(app: &TestApp, qr_text: &str) {
    assert!(app.card_is_valid(qr_text).await);
    let list = app.client.get(app.url("/status/1")).send().await.unwrap();
    assert_eq!(list.status(), 200);
    let keys = app
        .client
        .get(app.url("/.well-known/jwks.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(keys.status(), 200);
}

async fn pages_day(app: &TestApp, id: &str, number: &str) {
    app.add_staff("plan.clerk", StaffRole::Clerk);
    let (cookie, _) = page_login(app, "plan.clerk").await;
    let find = get_page(app, &cookie, "/residents/find").await;
    let csrf = csrf_of(&find.text().await.unwrap());
    let found = post_form(
        app,
        &cookie,
        "/residents/find",
        &[
            ("csrf", &csrf),
            ("legal_name", "Plan Reader"),
            ("date_of_birth", "1990-04-01"),
        ],
    )
    .await;
    assert!(found.status().is_success() || found.status().is_redirection());
    for path in [
        "/enroll".to_owned(),
        format!("/residents/{id}"),
        format!("/residents/{id}/cards/{number}"),
        format!("/residents/{id}/edit"),
        "/pickups".to_owned(),
    ] {
        assert_eq!(get_page(app, &cookie, &path).await.status(), 200, "{path}");
    }
}

/// A connection of its own (not the server's pool's), for the settings and prepared statements
/// the plans need.
fn plain_connection(app: &TestApp) -> DbConnection {
    muni_id::db::ConnectionManager::new(app.ctx.config.database_url(), 5)
        .establish()
        .expect("a connection to the test database")
}

#[derive(diesel::QueryableByName)]
struct PostgresPlan {
    #[diesel(sql_type = Text, column_name = "QUERY PLAN")]
    json: String,
}

#[derive(diesel::QueryableByName)]
struct SqliteStep {
    #[diesel(sql_type = Text)]
    detail: String,
}

/// The largest `$n` a PostgreSQL statement takes.
fn parameter_count(sql: &str) -> usize {
    sql.split('$')
        .skip(1)
        .filter_map(|after| {
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<usize>().ok()
        })
        .max()
        .unwrap_or(0)
}

/// The generic plan of `sql` (PostgreSQL), with sequential scans priced out: one remains only
/// where no index can serve the statement.
fn postgres_plan(conn: &mut DbConnection, sql: &str) -> Result<Value, String> {
    use diesel::connection::SimpleConnection as _;
    conn.batch_execute(
        "DEALLOCATE ALL; SET plan_cache_mode = force_generic_plan; SET enable_seqscan = off",
    )
    .map_err(|e| e.to_string())?;
    conn.batch_execute(&format!("PREPARE request_path AS {sql}"))
        .map_err(|e| format!("PREPARE: {e}"))?;
    let execute = match parameter_count(sql) {
        0 => "EXECUTE request_path".to_owned(),
        n => format!("EXECUTE request_path({})", vec!["NULL"; n].join(", ")),
    };
    let plan: Vec<PostgresPlan> = diesel::sql_query(format!("EXPLAIN (FORMAT JSON) {execute}"))
        .load(conn)
        .map_err(|e| format!("EXPLAIN: {e}"))?;
    serde_json::from_str(&plan[0].json).map_err(|e| e.to_string())
}

/// What in a PostgreSQL plan reads a large table whole: a sequential scan, or an index walked
/// from end to end with no condition and no limit above it (unless the index is partial).
fn postgres_full_reads(
    node: &Value,
    (under_limit, partial): (bool, &BTreeSet<String>),
    found: &mut Vec<String>,
) {
    let kind = node["Node Type"].as_str().unwrap_or_default();
    let relation = node["Relation Name"].as_str().unwrap_or_default();
    let index = node["Index Name"].as_str().unwrap_or_default();
    if LARGE_TABLES.contains(&relation) {
        let whole_index = matches!(kind, "Index Scan" | "Index Only Scan")
            && node.get("Index Cond").is_none()
            && !partial.contains(index)
            && !under_limit;
        if kind == "Seq Scan" || whole_index {
            found.push(format!("{kind} on {relation}"));
        }
    }
    let under_limit = under_limit || kind == "Limit";
    for child in node["Plans"].as_array().into_iter().flatten() {
        postgres_full_reads(child, (under_limit, partial), found);
    }
}

/// What in a SQLite plan reads a large table whole: `SCAN <table>` (with or without an index,
/// unless the index is partial). A statement with a LIMIT is judged by PostgreSQL's plan
/// instead, because SQLite's plan does not show where the limit stops the walk.
fn sqlite_full_reads(
    conn: &mut DbConnection,
    sql: &str,
    partial: &BTreeSet<String>,
) -> Result<Vec<String>, String> {
    let steps: Vec<SqliteStep> = diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}"))
        .load(conn)
        .map_err(|e| format!("EXPLAIN QUERY PLAN: {e}"))?;
    if sql.to_ascii_uppercase().contains(" LIMIT ") {
        return Ok(vec![]);
    }
    Ok(steps
        .into_iter()
        .map(|step| step.detail)
        .filter(|detail| {
            LARGE_TABLES.iter().any(|table| {
                detail == &format!("SCAN {table}") || detail.starts_with(&format!("SCAN {table} "))
            })
        })
        .filter(|detail| {
            !partial.iter().any(|index| {
                detail.ends_with(&format!(" INDEX {index}"))
                    || detail.contains(&format!(" INDEX {index} "))
            })
        })
        .collect())
}

#[tokio::test]
async fn every_request_path_query_finds_its_rows_through_an_index() {
    install_recorder();
    let app = spawn_app().await;
    let recorded = a_days_requests(&app).await;
    let statements: BTreeSet<&String> =
        recorded.iter().filter(|s| reads_a_large_table(s)).collect();
    assert!(
        statements.len() >= 12,
        "the requests ran the reads of every table: {statements:#?}"
    );
    for table in ["residents", "cards"] {
        assert!(
            statements
                .iter()
                .any(|s| s.contains(&format!("\"{table}\""))),
            "a statement reads {table}: {statements:#?}"
        );
    }
    // The audit log is only appended to on a request's path (its head is a row of its own).
    assert!(
        recorded
            .iter()
            .any(|s| s.starts_with("INSERT INTO \"audit_log\"")),
        "the requests were audited"
    );

    let full_reads = full_reads_of(&app, &statements, &[]);
    assert!(
        full_reads.is_empty(),
        "request-path statements that read a large table whole:\n{}",
        full_reads.join("\n")
    );
}

/// The statements among `statements` that read a large table whole, each with what reads it;
/// an index named in `walkable` (a partial one, which holds only what the statements are
/// about) may be walked whole.
fn full_reads_of(app: &TestApp, statements: &BTreeSet<&String>, walkable: &[&str]) -> Vec<String> {
    let mut conn = plain_connection(app);
    let partial: BTreeSet<String> = partial_indexes(app, &mut conn)
        .into_iter()
        .filter(|index| walkable.contains(&index.as_str()))
        .collect();
    assert_eq!(
        partial.len(),
        walkable.len(),
        "{walkable:?} are partial indexes"
    );
    let mut full_reads = Vec::new();
    for sql in statements {
        let found = if app.database.is_postgres() {
            postgres_plan(&mut conn, sql).map(|plan| {
                let mut found = vec![];
                postgres_full_reads(&plan[0]["Plan"], (false, &partial), &mut found);
                found
            })
        } else {
            sqlite_full_reads(&mut conn, sql, &partial)
        };
        match found {
            Ok(found) if found.is_empty() => {}
            Ok(found) => full_reads.push(format!("{found:?} in {sql}")),
            Err(e) => full_reads.push(format!("no plan ({e}) for {sql}")),
        }
    }
    full_reads
}

#[derive(diesel::QueryableByName)]
struct IndexName {
    #[diesel(sql_type = Text)]
    name: String,
}

/// The partial indexes (those that hold only the rows of a condition: the revoked cards, the
/// addresses still held).
fn partial_indexes(app: &TestApp, conn: &mut DbConnection) -> BTreeSet<String> {
    let sql = if app.database.is_postgres() {
        "SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indpred IS NOT NULL"
    } else {
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'"
    };
    diesel::sql_query(sql)
        .load::<IndexName>(conn)
        .expect("the partial indexes")
        .into_iter()
        .map(|i| i.name)
        .collect()
}

/// The plan readers find what they look for: a statement without an index is caught.
#[tokio::test]
async fn a_statement_that_reads_a_table_whole_is_caught() {
    let app = spawn_app().await;
    let mut conn = plain_connection(&app);
    let partial = partial_indexes(&app, &mut conn);
    assert!(partial.contains("cards_revoked_at"), "{partial:?}");
    // `enrolled_at` has no index.
    let (sql, ordered) = if app.database.is_postgres() {
        (
            r#"SELECT "residents"."id" FROM "residents" WHERE "residents"."enrolled_at" < $1"#,
            r#"SELECT "audit_log"."seq" FROM "audit_log" ORDER BY "audit_log"."seq" DESC LIMIT $1"#,
        )
    } else {
        (
            r#"SELECT "residents"."id" FROM "residents" WHERE "residents"."enrolled_at" < ?"#,
            r#"SELECT "audit_log"."seq" FROM "audit_log" WHERE "audit_log"."seq" = ?"#,
        )
    };
    assert!(reads_a_large_table(sql));
    if app.database.is_postgres() {
        let mut found = vec![];
        postgres_full_reads(
            &postgres_plan(&mut conn, sql).unwrap()[0]["Plan"],
            (false, &partial),
            &mut found,
        );
        assert_eq!(found, ["Seq Scan on residents"]);
        let mut found = vec![];
        postgres_full_reads(
            &postgres_plan(&mut conn, ordered).unwrap()[0]["Plan"],
            (false, &partial),
            &mut found,
        );
        assert_eq!(
            found,
            Vec::<String>::new(),
            "an index walk a limit stops is not whole"
        );
    } else {
        assert_eq!(
            sqlite_full_reads(&mut conn, sql, &partial).unwrap(),
            ["SCAN residents"]
        );
        assert_eq!(
            sqlite_full_reads(&mut conn, ordered, &partial).unwrap(),
            Vec::<String>::new()
        );
    }
}

/// The status list's refresh (every few seconds on every instance) reads the revocations since
/// its last read through the revocation-time index. Found by the scale benchmark: SQLite chose
/// the index on `status` instead, and so read every revoked card at each refresh (10 ms with
/// 10,000 revoked, against 0.01 ms), still "an index" to the rule above.
#[tokio::test]
async fn the_status_list_refresh_reads_by_revocation_time_only() {
    install_recorder();
    let app = spawn_app().await;
    let marker = marker_of(&app);
    let mut conn = plain_connection(&app);
    start_recording(&marker);
    let since = app.clock.now().naive_utc();
    muni_id::db::cards::revoked_since(&mut conn, since).expect("the refresh's read");
    let recorded = stop_recording(&marker);
    let [sql] = recorded.as_slice() else {
        panic!("one statement: {recorded:#?}");
    };
    let indexes: Vec<String> = if app.database.is_postgres() {
        let plan = postgres_plan(&mut conn, sql).expect("a plan");
        let mut names = vec![];
        index_names(&plan[0]["Plan"], &mut names);
        names
    } else {
        diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}"))
            .load::<SqliteStep>(&mut conn)
            .expect("a plan")
            .into_iter()
            .map(|step| step.detail)
            .collect()
    };
    assert!(
        !indexes.is_empty() && indexes.iter().all(|i| i.contains("cards_revoked_at")),
        "{indexes:?} for {sql}"
    );
}

/// The indexes a PostgreSQL plan reads.
fn index_names(node: &Value, found: &mut Vec<String>) {
    if let Some(name) = node["Index Name"].as_str() {
        found.push(name.to_owned());
    }
    for child in node["Plans"].as_array().into_iter().flatten() {
        index_names(child, found);
    }
}

/// Issue 14: the auditor's retention report, as a request makes it once a purge run has counted
/// what is held, reads no large table whole: the page, and the API in every format. Before the
/// census, the report counted every resident and every card (3.9 s at 2.2 million residents).
#[tokio::test]
async fn the_auditors_report_reads_no_table_whole_once_a_purge_has_counted() {
    install_recorder();
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Report Reader")).await;
    app.issue_card(&clerk, &id, "new").await;
    app.enroll_ok(&clerk, &resident("Report Waiting")).await;
    let options = muni_id::services::purge::PurgeOptions {
        as_of: app.clock.today(),
        dry_run: false,
        trigger: "cli",
        fail_after: None,
    };
    muni_id::services::purge::run(&app.ctx, &options, &|_, _| {}).expect("a purge run");
    let auditor = app.session(StaffRole::Auditor).await;
    app.add_staff("plan.auditor", StaffRole::Auditor);
    let (cookie, _) = page_login(&app, "plan.auditor").await;
    let marker = marker_of(&app);
    start_recording(&marker);

    for format in ["json", "csv", "pdf"] {
        let path = format!("/api/v1/reports/retention?format={format}");
        let res = app.get(&auditor, &path).await;
        assert_eq!(res.status(), 200, "{path}");
        if format == "json" {
            let body: Value = res.json().await.unwrap();
            assert!(
                body["held_counted_at"].is_string(),
                "from the census: {body}"
            );
        }
    }
    assert_eq!(get_page(&app, &cookie, "/audit").await.status(), 200);
    let recorded = stop_recording(&marker);
    let statements: BTreeSet<&String> =
        recorded.iter().filter(|s| reads_a_large_table(s)).collect();
    for (table, why) in [
        ("residents", "what is overdue"),
        ("audit_log", "the period's reads and the chain"),
    ] {
        assert!(
            statements
                .iter()
                .any(|s| s.contains(&format!("\"{table}\""))),
            "{why}: a statement reads {table}: {statements:#?}"
        );
    }
    // The addresses still held: the cards not printed yet, which the purge keeps few.
    let full_reads = full_reads_of(&app, &statements, &["residents_with_address"]);
    assert!(
        full_reads.is_empty(),
        "the report's statements that read a large table whole:\n{}",
        full_reads.join("\n")
    );
}
