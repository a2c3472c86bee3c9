//! Spawns a real server on port 0 with a fresh database (SQLite in a temp folder, or a new
//! PostgreSQL database when MUNI_ID_TEST_DATABASE_URL names a server), an injected clock and
//! fast argon2 parameters. Every log line of every test is captured for the privacy test.

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use base64::Engine;
use chrono::{DateTime, TimeZone, Utc};
use diesel::connection::SimpleConnection;
use diesel::Connection;
use muni_id::clock::ManualClock;
use muni_id::config::{Config, KeyBackend, LogFormat};
use muni_id::context::AppContext;
use muni_id::domain::staff::StaffRole;
use muni_id::startup::Application;
use serde_json::{json, Value};

pub const PHOTO_PNG: &[u8] = include_bytes!("../fixtures/photo.png");
pub const STAFF_PASSWORD: &str = "a long test passphrase";

/// Every log line written by any server in this test binary.
static CAPTURED_LOGS: OnceLock<Arc<Mutex<Vec<u8>>>> = OnceLock::new();

#[derive(Clone)]
struct CaptureWriter(Arc<Mutex<Vec<u8>>>);

impl Write for CaptureWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn init_logging() -> Arc<Mutex<Vec<u8>>> {
    CAPTURED_LOGS
        .get_or_init(|| {
            let buffer = Arc::new(Mutex::new(Vec::new()));
            let writer = CaptureWriter(buffer.clone());
            // Everything our code logs, down to trace, plus the frameworks' debug output.
            muni_id::telemetry::init(
                "muni_id=trace,actix_web=debug,actix_server=info,info",
                LogFormat::Json,
                false,
                move || writer.clone(),
            );
            buffer
        })
        .clone()
}

pub fn captured_logs() -> Vec<u8> {
    init_logging().lock().unwrap().clone()
}

pub fn test_start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap()
}

/// A database made for one test and dropped after it.
pub enum TestDatabase {
    Sqlite,
    Postgres {
        admin_url: String,
        name: String,
    },
    /// Another app's database (a second host on it): left to that app.
    Shared,
}

impl TestDatabase {
    /// A new, empty database: SQLite in `data_dir`, or a new PostgreSQL database.
    pub fn create(data_dir: &std::path::Path) -> (Self, String) {
        match std::env::var("MUNI_ID_TEST_DATABASE_URL") {
            Ok(admin_url) if admin_url.starts_with("postgres") => {
                let name = format!("muni_id_test_{}", uuid::Uuid::new_v4().simple());
                let mut admin = diesel::PgConnection::establish(&admin_url)
                    .expect("MUNI_ID_TEST_DATABASE_URL: cannot connect to PostgreSQL");
                admin
                    .batch_execute(&format!("CREATE DATABASE {name}"))
                    .expect("create test database");
                let base = admin_url
                    .rsplit_once('/')
                    .map(|(b, _)| b)
                    .unwrap_or(&admin_url);
                let url = format!("{base}/{name}");
                (TestDatabase::Postgres { admin_url, name }, url)
            }
            _ => (
                TestDatabase::Sqlite,
                format!("sqlite://{}", data_dir.join("muni-id.db").display()),
            ),
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, TestDatabase::Postgres { .. })
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self {
            if let Ok(mut admin) = diesel::PgConnection::establish(admin_url) {
                let _ =
                    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub clock: Arc<ManualClock>,
    pub ctx: AppContext,
    pub data_dir: tempfile::TempDir,
    pub database: TestDatabase,
    _server: RunningServer,
}

/// A test server on its own thread, stopped and waited for when the app is dropped: no
/// server, worker or pool of a finished test lives on while the next ones run or while the
/// process exits.
pub struct RunningServer {
    handle: actix_web::dev::ServerHandle,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl RunningServer {
    fn start(server: actix_web::dev::Server) -> Self {
        let handle = server.handle();
        let thread = std::thread::Builder::new()
            .name("test-server".into())
            .spawn(move || {
                let _ = actix_web::rt::System::new().block_on(server);
            })
            .expect("a thread for the test server");
        Self {
            handle,
            thread: Some(thread),
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        // The stop command is sent at once; the server's thread carries it out (its accept
        // thread joined, its workers told to stop) and ends.
        drop(self.handle.stop(false));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The service's context on a fresh database, with no HTTP server: for tests that drive the use
/// cases directly (property tests over many runs).
pub struct TestContext {
    pub ctx: AppContext,
    pub clock: Arc<ManualClock>,
    /// Kept so the folder and the database live as long as the context.
    _data_dir: tempfile::TempDir,
    _database: TestDatabase,
}

pub fn context_only() -> TestContext {
    init_logging();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let (database, url) = TestDatabase::create(data_dir.path());
    let config = Config::from_toml_overrides(&format!(
        r#"
data_dir = "{dir}"
[database]
url = "{url}"
pool_size = 4
[auth]
argon2_memory_kib = 64
argon2_iterations = 1
[card_design]
# The built-in fonts only, whatever this machine has installed; tests of the font folder
# name it.
font_dirs = []
"#,
        dir = data_dir.path().display(),
    ))
    .expect("test configuration");
    let mut config = config;
    use_test_key_backend(&mut config);
    let clock = Arc::new(ManualClock::new(test_start()));
    let ctx = muni_id::startup::build_context(config, clock.clone()).expect("build context");
    TestContext {
        ctx,
        clock,
        _data_dir: data_dir,
        _database: database,
    }
}

/// The key backend the suite runs on: the file ring unless `MUNI_ID_TEST_KEYS` names
/// `pkcs11` (a SoftHSM2 token: tests/keys/softhsm.sh) or `openbao` (a dev server:
/// tests/keys/openbao.sh), whose settings come from the variables those scripts print. Each
/// app gets its own label prefix, so tests share one token or server without seeing each
/// other's keys.
pub fn test_key_backend() -> KeyBackend {
    match std::env::var("MUNI_ID_TEST_KEYS").as_deref() {
        Err(_) | Ok("") | Ok("file") => KeyBackend::File,
        Ok("pkcs11") => KeyBackend::Pkcs11,
        Ok("openbao") => KeyBackend::Openbao,
        Ok(other) => panic!("MUNI_ID_TEST_KEYS={other}: expected file, pkcs11 or openbao"),
    }
}

fn required_env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the suite through tests/keys/run.sh, which starts the key backend")
    })
}

pub fn use_test_key_backend(config: &mut Config) {
    let backend = test_key_backend();
    config.keys.backend = backend;
    let prefix = format!("t{}", uuid::Uuid::new_v4().simple());
    match backend {
        KeyBackend::File => {}
        KeyBackend::Pkcs11 => {
            let p = &mut config.keys.pkcs11;
            p.module = required_env("MUNI_ID_TEST_PKCS11_MODULE");
            // One of the tokens tests/keys/softhsm.sh made, by the app's prefix: the suite
            // spreads over them.
            let tokens: u64 = required_env("MUNI_ID_TEST_PKCS11_TOKENS").parse().unwrap();
            let spread = u64::from_str_radix(&prefix[1..9], 16).unwrap() % tokens;
            p.token_label = format!(
                "{}{spread}",
                required_env("MUNI_ID_TEST_PKCS11_TOKEN_LABELS")
            );
            p.pin_file = required_env("MUNI_ID_TEST_PKCS11_PIN_FILE");
            p.label_prefix = format!("{prefix}/");
        }
        KeyBackend::Openbao => {
            let o = &mut config.keys.openbao;
            o.address = required_env("MUNI_ID_TEST_OPENBAO_ADDR");
            o.token_file = required_env("MUNI_ID_TEST_OPENBAO_TOKEN_FILE");
            o.key_prefix = format!("{prefix}-");
        }
    }
}

/// Debian's Noto fonts (fonts-noto-core, fonts-noto-cjk) as the card's font folders, for tests
/// of names in scripts the built-in fonts lack (test servers use the built-in fonts only).
pub fn with_debian_fonts(config: &mut Config) {
    config.card_design.font_dirs = vec![
        "/usr/share/fonts/truetype/noto".into(),
        "/usr/share/fonts/opentype/noto".into(),
    ];
}

/// The bearer token the test servers' `/metrics` asks for.
pub const METRICS_TOKEN: &str = "test-metrics-token-0123456789";

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Spawns a server after `adjust` has changed the test configuration.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    init_logging();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let (database, url) = TestDatabase::create(data_dir.path());
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind port 0");
    let port = listener.local_addr().unwrap().port();
    let base = format!(
        r#"
data_dir = "{dir}"
public_base_url = "http://127.0.0.1:{port}"
[server]
bind = "127.0.0.1:0"
workers = 1
[database]
url = "{url}"
pool_size = 4
[auth]
argon2_memory_kib = 64
argon2_iterations = 1
[card_design]
# The built-in fonts only, whatever this machine has installed; tests of the font folder
# name it.
font_dirs = []
"#,
        dir = data_dir.path().display(),
    );
    let mut config = Config::from_toml_overrides(&base).expect("test configuration");
    let token_file = data_dir.path().join("metrics-token");
    std::fs::write(&token_file, METRICS_TOKEN).unwrap();
    std::fs::set_permissions(
        &token_file,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();
    config.server.metrics_token_file = token_file.display().to_string();
    use_test_key_backend(&mut config);
    adjust(&mut config);
    let clock = Arc::new(ManualClock::new(test_start()));
    spawn_on(config, clock, listener, data_dir, database)
}

/// A second server beside `app`, as on another host behind the same public address: its own
/// (empty) data folder, the same database and the same key backend.
pub fn spawn_beside(app: &TestApp, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind port 0");
    let mut config = (*app.ctx.config).clone();
    config.data_dir = data_dir.path().to_owned();
    adjust(&mut config);
    let clock = Arc::new(ManualClock::new(test_start()));
    spawn_on(config, clock, listener, data_dir, TestDatabase::Shared)
}

/// Serves `config` (its database and keys already where it says) on `listener`.
pub fn spawn_on(
    config: Config,
    clock: Arc<ManualClock>,
    listener: std::net::TcpListener,
    data_dir: tempfile::TempDir,
    database: TestDatabase,
) -> TestApp {
    let port = listener.local_addr().unwrap().port();
    let app = Application::build_with_listener(config, clock.clone(), listener)
        .expect("build application");
    let ctx = app.context().clone();
    let server = RunningServer::start(app.into_server());
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        clock,
        ctx,
        data_dir,
        database,
        _server: server,
    }
}

pub struct Session {
    pub token: String,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    /// Creates a staff account directly through the service, with `STAFF_PASSWORD` as if its
    /// owner had chosen it (the service makes every account change a password someone else
    /// set; the tests of that do not use this).
    pub fn add_staff(&self, username: &str, role: StaffRole) {
        use diesel::prelude::*;
        use muni_id::db::schema::staff;
        muni_id::services::staff::add(
            &self.ctx,
            muni_id::services::staff::CLI_ACTOR,
            username,
            role,
            Some(muni_id::crypto::password::Password::new(
                STAFF_PASSWORD.into(),
            )),
        )
        .expect("add staff");
        diesel::update(staff::table.filter(staff::username.eq(username)))
            .set(staff::must_change_password.eq(false))
            .execute(&mut *self.ctx.db().unwrap())
            .expect("the owner chose it");
    }

    pub async fn login(&self, username: &str, password: &str) -> reqwest::Response {
        self.client
            .post(self.url("/api/v1/sessions"))
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
            .unwrap()
    }

    /// A new account of `role`, logged in.
    pub async fn session(&self, role: StaffRole) -> Session {
        let username = format!(
            "{}-{}",
            role.as_str(),
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        );
        self.add_staff(&username, role);
        let res = self.login(&username, STAFF_PASSWORD).await;
        assert_eq!(res.status(), 201, "login as {username}");
        let body: Value = res.json().await.unwrap();
        Session {
            token: body["token"].as_str().unwrap().to_owned(),
        }
    }

    pub async fn post_json(
        &self,
        session: &Session,
        path: &str,
        body: &Value,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(&session.token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn post_raw(
        &self,
        session: &Session,
        path: &str,
        body: Vec<u8>,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .bearer_auth(&session.token)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn get(&self, session: &Session, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .bearer_auth(&session.token)
            .send()
            .await
            .unwrap()
    }

    pub async fn patch_json(
        &self,
        session: &Session,
        path: &str,
        body: &Value,
    ) -> reqwest::Response {
        self.client
            .patch(self.url(path))
            .bearer_auth(&session.token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn enroll(&self, session: &Session, body: &Value) -> reqwest::Response {
        self.post_json(session, "/api/v1/residents", body).await
    }

    /// Enrolls and returns the new resident's id, asserting success.
    pub async fn enroll_ok(&self, session: &Session, body: &Value) -> String {
        let res = self.enroll(session, body).await;
        let status = res.status();
        let body: Value = res.json().await.unwrap();
        assert_eq!(status, 201, "{body}");
        body["resident_id"].as_str().unwrap().to_owned()
    }

    /// Issues a card to `resident_id` for `reason`, its fee recorded as paid, asserting 201;
    /// the answer's body.
    pub async fn issue_card(&self, clerk: &Session, resident_id: &str, reason: &str) -> Value {
        let res = self
            .post_json(
                clerk,
                &format!("/api/v1/residents/{resident_id}/cards"),
                &json!({"reason": reason, "fee": {"outcome": "paid"}}),
            )
            .await;
        let status = res.status();
        let body: Value = res.json().await.unwrap();
        assert_eq!(status, 201, "{body}");
        body
    }

    /// Whether `/api/v1/verify` finds the card of this QR text valid.
    pub async fn card_is_valid(&self, qr_text: &str) -> bool {
        let token = qr_text.rsplit_once('#').map_or(qr_text, |(_, token)| token);
        let res = self
            .client
            .post(self.url("/api/v1/verify"))
            .json(&json!({ "token": token }))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        res.json::<Value>().await.unwrap()["valid"] == true
    }

    /// Stops the server (its data folder, database and context stay), once every connection
    /// has closed: as a deployment stops its servers before `keys migrate`.
    pub async fn stop_serving(&self) {
        self._server.handle.stop(true).await;
    }

    /// `/metrics`, as the configured scraper reads it.
    pub async fn metrics(&self) -> String {
        let res = self
            .client
            .get(self.url("/metrics"))
            .bearer_auth(METRICS_TOKEN)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "/metrics with its token");
        res.text().await.unwrap()
    }

    /// Runs the command line against this server's data folder, database and key backend.
    pub fn cli(&self, args: &[&str]) -> std::process::Output {
        self.cli_with(&self.ctx.config, args)
    }

    /// The same with `config`'s database and key settings.
    pub fn cli_with(&self, config: &Config, args: &[&str]) -> std::process::Output {
        let keys = &config.keys;
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_muni-id"));
        command
            .args(args)
            .env("MUNI_ID__DATA_DIR", self.data_dir.path())
            .env("MUNI_ID__DATABASE__URL", &config.database.url)
            .env("MUNI_ID__PUBLIC_BASE_URL", &config.public_base_url)
            .env("MUNI_ID__AUTH__ARGON2_MEMORY_KIB", "64")
            .env("MUNI_ID__AUTH__ARGON2_ITERATIONS", "1")
            .env("MUNI_ID__KEYS__BACKEND", keys.backend.name())
            .env_remove("MUNI_ID_CONFIG")
            .env_remove("RUST_LOG");
        let (p, o) = (&keys.pkcs11, &keys.openbao);
        for (name, value) in [
            ("PKCS11__MODULE", &p.module),
            ("PKCS11__TOKEN_LABEL", &p.token_label),
            ("PKCS11__PIN_FILE", &p.pin_file),
            ("PKCS11__LABEL_PREFIX", &p.label_prefix),
            ("OPENBAO__ADDRESS", &o.address),
            ("OPENBAO__TOKEN_FILE", &o.token_file),
            ("OPENBAO__KEY_PREFIX", &o.key_prefix),
        ] {
            command.env(format!("MUNI_ID__KEYS__{name}"), value);
        }
        command.output().unwrap()
    }

    pub fn count_rows(&self, table: &str) -> i64 {
        use diesel::sql_types::BigInt;
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = BigInt)]
            n: i64,
        }
        let mut conn = self.ctx.db().unwrap();
        let rows: Vec<Count> = diesel::RunQueryDsl::load(
            diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}")),
            &mut *conn,
        )
        .unwrap();
        rows[0].n
    }
}

pub fn photo_base64() -> String {
    base64::engine::general_purpose::STANDARD.encode(PHOTO_PNG)
}

/// A complete, valid enrollment body for `legal_name`.
pub fn resident(legal_name: &str) -> Value {
    json!({
        "legal_name": legal_name,
        "preferred_name": "Pepe",
        "date_of_birth": "1990-04-01",
        "gender": "X",
        "address": {"line1": "12 Elm St", "line2": "Apt 3", "city": "Springfield", "postal_code": "01101"},
        "languages": ["es", "en"],
        "emergency_contact": {"name": "Ana Núñez", "phone": "+1 413 555 0100"},
        "veteran": false,
        "organ_donor": true,
        "photo": photo_base64(),
        "documents": ["passport", "utility_bill"],
    })
}

pub async fn error_code(res: reqwest::Response) -> (u16, String, Value) {
    let status = res.status().as_u16();
    let body: Value = res.json().await.unwrap_or(Value::Null);
    let code = body["error"]["code"].as_str().unwrap_or("").to_owned();
    (status, code, body)
}
