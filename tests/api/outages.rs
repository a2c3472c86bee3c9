//! When a dependency fails: the database unreachable answers 503 `database_unavailable` with
//! `Retry-After`, a full disk 507 `storage_full`; `/readyz` says which; the log says so once per
//! outage; nothing is half-written; and the service recovers by itself when the dependency
//! returns.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use muni_id::config::KeyBackend;
use muni_id::domain::staff::StaffRole;
use serde_json::Value;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use crate::helpers::{
    captured_logs, error_code, resident, spawn_app_with, test_key_backend, Session, TestApp,
};

/// How many captured log lines contain `text`.
fn log_lines_with(text: &str) -> usize {
    String::from_utf8_lossy(&captured_logs())
        .lines()
        .filter(|line| line.contains(text))
        .count()
}

/// A TCP proxy in front of PostgreSQL that can be cut: while down it closes every connection it
/// holds and every new one at once, as a database that went away does.
struct CuttableProxy {
    port: u16,
    up: Arc<AtomicBool>,
    links: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl CuttableProxy {
    async fn start(target: String) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let up = Arc::new(AtomicBool::new(true));
        let links: Arc<Mutex<Vec<JoinHandle<()>>>> = Arc::default();
        let (accept_up, accept_links) = (up.clone(), links.clone());
        tokio::spawn(async move {
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                if !accept_up.load(Ordering::SeqCst) {
                    drop(client);
                    continue;
                }
                let target = target.clone();
                let link = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(&target).await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
                accept_links.lock().unwrap().push(link);
            }
        });
        Self { port, up, links }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for link in self.links.lock().unwrap().drain(..) {
            link.abort();
        }
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

/// Polls `/readyz` until it answers `status`, for at most `within`.
async fn wait_ready(app: &TestApp, status: u16, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        let res = app.client.get(app.url("/readyz")).send().await.unwrap();
        if res.status().as_u16() == status {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    false
}

/// `/api/v1/verify` says the card is valid: verification needs neither the database nor key
/// custody.
async fn assert_still_verifies(app: &TestApp, token: &str) {
    let res = app
        .client
        .post(app.url("/api/v1/verify"))
        .json(&serde_json::json!({"token": token}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["valid"], true);
}

/// `/readyz` answers 503 naming `code`.
async fn assert_not_ready(app: &TestApp, code: &str) {
    let res = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(res.status(), 503);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], code);
}

/// Once the dependency is back: ready again without a restart, the resident enrolled before
/// the outage opens, an enrollment succeeds, and the refused ones left nothing half-written.
async fn assert_recovers(app: &TestApp, clerk: &Session, first: &str, residents_before: i64) {
    assert!(
        wait_ready(app, 200, Duration::from_secs(15)).await,
        "recovered without a restart"
    );
    app.enroll_ok(clerk, &resident("After Outage")).await;
    let res = app.get(clerk, &format!("/api/v1/residents/{first}")).await;
    assert_eq!(res.status(), 200);
    assert_eq!(app.count_rows("residents"), residents_before + 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_database_answers_503_once_logged_and_recovers_by_itself() {
    let Ok(admin_url) = std::env::var("MUNI_ID_TEST_DATABASE_URL") else {
        eprintln!("PostgreSQL only (set MUNI_ID_TEST_DATABASE_URL): SQLite cannot be unreachable");
        return;
    };
    let target = url::Url::parse(&admin_url).unwrap();
    let target = format!(
        "{}:{}",
        target.host_str().unwrap(),
        target.port().unwrap_or(5432)
    );
    let proxy = CuttableProxy::start(target).await;
    let port = proxy.port;
    let app = spawn_app_with(move |config| {
        let mut url = url::Url::parse(&config.database.url).unwrap();
        url.set_host(Some("127.0.0.1")).unwrap();
        url.set_port(Some(port)).unwrap();
        config.database.url = url.to_string();
        config.cards.status_list_refresh_secs = 1;
    })
    .await;
    let clerk = app.session(StaffRole::Clerk).await;
    let first = app.enroll_ok(&clerk, &resident("Before Outage")).await;
    let card = app.issue_card(&clerk, &first, "new").await;
    let qr_text = card["qr_text"].as_str().unwrap().to_owned();
    let residents_before = app.count_rows("residents");
    let outage_lines = log_lines_with("the database cannot be reached;");
    let back_lines = log_lines_with("the database is back");

    proxy.cut();
    let started = Instant::now();
    let res = app.enroll(&clerk, &resident("During Outage")).await;
    let waited = started.elapsed();
    let retry_after = res.headers().get("retry-after").cloned();
    let (status, code, _) = error_code(res).await;
    assert_eq!((status, code.as_str()), (503, "database_unavailable"));
    assert_eq!(retry_after.unwrap(), "5");
    // It used to wait 10 s for a pooled connection; now the pool gives up after 2 s.
    assert!(waited < Duration::from_secs(8), "waited {waited:?}");
    for _ in 0..3 {
        let res = app.get(&clerk, &format!("/api/v1/residents/{first}")).await;
        assert_eq!(error_code(res).await.1, "database_unavailable");
    }
    assert_not_ready(&app, "database_unavailable").await;
    // Verification answers from the status list it holds, as long as that is within the
    // list's lifetime, even once its refresh is due.
    app.clock.advance(chrono::TimeDelta::seconds(1));
    tokio::time::sleep(Duration::from_secs(
        app.ctx.config.cards.status_list_refresh_secs + 1,
    ))
    .await;
    assert_still_verifies(&app, &qr_text).await;
    assert_eq!(
        log_lines_with("the database cannot be reached;") - outage_lines,
        1,
        "one log line per outage"
    );

    proxy.restore();
    assert_recovers(&app, &clerk, &first, residents_before).await;
    assert_eq!(log_lines_with("the database is back") - back_lines, 1);
}

/// A small file system of its own, unmounted (lazily, as the server may still hold its files)
/// when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(megabytes: u32) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let status = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o"])
            .arg(format!("size={megabytes}m,mode=0700"))
            .arg("tmpfs")
            .arg(dir.path())
            .status()
            .expect("run mount");
        assert!(status.success(), "mounting a tmpfs for the full-disk test");
        Self { dir }
    }

    /// Writes a file until the disk is full.
    fn fill(&self) -> std::path::PathBuf {
        use std::io::Write;
        let path = self.dir.path().join("filler");
        let mut file = std::fs::File::create(&path).unwrap();
        let block = vec![0x55u8; 64 * 1024];
        loop {
            if file.write_all(&block).is_err() || file.sync_all().is_err() {
                break;
            }
        }
        // The last few bytes too.
        while file.write_all(&block[..512]).is_ok() && file.sync_all().is_ok() {}
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .status();
    }
}

fn running_as_root() -> bool {
    // SAFETY: geteuid only reads the process's effective user id.
    unsafe { libc::geteuid() == 0 }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_answers_507_once_logged_loses_nothing_and_recovers() {
    if std::env::var("MUNI_ID_TEST_DATABASE_URL").is_ok() {
        eprintln!("SQLite only: PostgreSQL's disk is the database server's");
        return;
    }
    if !running_as_root() {
        eprintln!("needs root to mount a small tmpfs; run the suite as root (CI does)");
        return;
    }
    let disk = SmallDisk::mount(6);
    let data = disk.dir.path().join("data");
    let app = spawn_app_with(|config| {
        config.data_dir = data.clone();
        config.database.url = format!("sqlite://{}", data.join("muni-id.db").display());
    })
    .await;
    let clerk = app.session(StaffRole::Clerk).await;
    let first = app.enroll_ok(&clerk, &resident("Before Full")).await;
    let residents_before = app.count_rows("residents");
    let full_lines = log_lines_with("the database's storage is full;");
    let back_lines = log_lines_with("storage space is back");

    let filler = disk.fill();
    let mut answers = Vec::new();
    for n in 0..4 {
        let res = app
            .enroll(
                &clerk,
                &resident(&format!("Disk Full {}", ["Ann", "Bo", "Cy", "Di"][n])),
            )
            .await;
        let retry_after = res.headers().get("retry-after").is_some();
        let (status, code, _) = error_code(res).await;
        answers.push((status, code, retry_after));
    }
    for (status, code, retry_after) in &answers {
        assert_eq!(
            (*status, code.as_str(), *retry_after),
            (507, "storage_full", true)
        );
    }
    assert_not_ready(&app, "storage_full").await;
    assert_eq!(
        log_lines_with("the database's storage is full;") - full_lines,
        1,
        "one log line per outage"
    );

    std::fs::remove_file(filler).unwrap();
    assert_recovers(&app, &clerk, &first, residents_before).await;
    assert_eq!(log_lines_with("storage space is back") - back_lines, 1);
    drop(app);
}

/// Key custody out of reach (the key ring's volume unmounted, OpenBao stopped): routes that
/// need personal data answer 503 `key_custody_unavailable` with `Retry-After`, `/readyz` says
/// why, nothing is written, verification goes on from the published keys, and the service
/// recovers by itself when the keys are back. On PKCS#11 the token is reached through a module
/// whose link can be cut (tests/keys/cuttable.c), as a network HSM's is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreachable_key_custody_answers_503_keeps_verifying_and_recovers() {
    let private_server = tempfile::tempdir().unwrap();
    let _stop = StopOpenBao(private_server.path().to_owned());
    let app = spawn_app_with(|config| custody_of_its_own(config, private_server.path())).await;
    let clerk = app.session(StaffRole::Clerk).await;
    let first = app.enroll_ok(&clerk, &resident("Before Keys Outage")).await;
    let card = app.issue_card(&clerk, &first, "new").await;
    let token = card["qr_text"]
        .as_str()
        .unwrap()
        .rsplit_once('#')
        .unwrap()
        .1
        .to_owned();
    let residents_before = app.count_rows("residents");
    let audit_before = app.count_rows("audit_log");

    let outage = CustodyOutage::begin(&app, private_server.path());

    let res = app.enroll(&clerk, &resident("During Keys Outage")).await;
    assert_eq!(
        res.headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap().to_owned()),
        Some("5".to_owned())
    );
    let (status, code, body) = error_code(res).await;
    assert_eq!((status, code.as_str()), (503, "key_custody_unavailable"));
    assert!(
        !body.to_string().contains("keyring"),
        "no path shown: {body}"
    );
    assert_eq!(
        app.count_rows("audit_log"),
        audit_before,
        "a refused enrollment records nothing"
    );
    let (status, code, _) =
        error_code(app.get(&clerk, &format!("/api/v1/residents/{first}")).await).await;
    assert_eq!((status, code.as_str()), (503, "key_custody_unavailable"));
    assert_not_ready(&app, "key_custody_unavailable").await;
    assert_eq!(
        app.count_rows("residents"),
        residents_before,
        "nothing half-written"
    );
    // (The refused read is in the audit log: an attempt to open a record is recorded first.)

    // Verification needs no key custody: the published keys vouch for the card.
    assert_still_verifies(&app, &token).await;
    let res = app
        .client
        .get(app.url("/.well-known/jwks.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    outage.end();
    assert_recovers(&app, &clerk, &first, residents_before).await;
}

/// Key custody going away, as each backend does: the file ring's secret volume unmounted,
/// the HSM's link cut, OpenBao stopped.
enum CustodyOutage {
    File { ring: PathBuf, away: PathBuf },
    Pkcs11 { cut: PathBuf },
    OpenBao { folder: PathBuf },
}

impl CustodyOutage {
    fn begin(app: &TestApp, private_server: &Path) -> Self {
        let outage = match test_key_backend() {
            KeyBackend::File => {
                let ring = app.ctx.config.keyring_path();
                CustodyOutage::File {
                    away: ring.with_extension("unmounted"),
                    ring,
                }
            }
            KeyBackend::Pkcs11 => CustodyOutage::Pkcs11 {
                cut: env_path("MUNI_ID_TEST_PKCS11_CUT_FILE"),
            },
            KeyBackend::Openbao => CustodyOutage::OpenBao {
                folder: private_server.to_owned(),
            },
        };
        match &outage {
            CustodyOutage::File { ring, away } => std::fs::rename(ring, away).unwrap(),
            CustodyOutage::Pkcs11 { cut } => std::fs::write(cut, b"").unwrap(),
            CustodyOutage::OpenBao { folder } => drop(openbao_script(&["stop", path(folder)])),
        }
        outage
    }

    fn end(self) {
        match self {
            CustodyOutage::File { ring, away } => std::fs::rename(away, ring).unwrap(),
            CustodyOutage::Pkcs11 { cut } => std::fs::remove_file(cut).unwrap(),
            CustodyOutage::OpenBao { folder } => drop(openbao_script(&[path(&folder)])),
        }
    }
}

/// Stops the test's own OpenBao server, however the test ends.
struct StopOpenBao(PathBuf);

impl Drop for StopOpenBao {
    fn drop(&mut self) {
        if self.0.join("pid").exists() {
            openbao_script(&["stop", path(&self.0)]);
        }
    }
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs tests/keys/openbao.sh (start or stop a server); returns what it printed.
fn openbao_script(args: &[&str]) -> String {
    let out = std::process::Command::new("bash")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/keys/openbao.sh"
        ))
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "openbao.sh {args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// On OpenBao the test stops the server, so it gets one of its own (the other tests go on
/// using the shared one); on PKCS#11 it reaches the token through the module whose link it
/// cuts (the other tests do not use that module); the file ring needs nothing more.
fn custody_of_its_own(config: &mut muni_id::config::Config, folder: &Path) {
    match test_key_backend() {
        KeyBackend::File => return,
        KeyBackend::Pkcs11 => {
            let module = env_path("MUNI_ID_TEST_PKCS11_CUTTABLE_MODULE");
            config.keys.pkcs11.module = path(&module).to_owned();
            return;
        }
        KeyBackend::Openbao => {}
    }
    let printed = openbao_script(&[path(folder)]);
    let value = |name: &str| {
        printed
            .lines()
            .find_map(|line| line.strip_prefix(&format!("export {name}=")))
            .unwrap_or_else(|| panic!("openbao.sh printed no {name}: {printed}"))
            .to_owned()
    };
    config.keys.openbao.address = value("MUNI_ID_TEST_OPENBAO_ADDR");
    config.keys.openbao.token_file = value("MUNI_ID_TEST_OPENBAO_TOKEN_FILE");
}

/// A path tests/keys/softhsm.sh exported.
fn env_path(name: &str) -> PathBuf {
    std::env::var_os(name)
        .unwrap_or_else(|| panic!("{name} is not set: see tests/keys/softhsm.sh"))
        .into()
}
