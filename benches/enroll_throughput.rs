//! Enrollment throughput: enrollments per second through the HTTP API (`POST /api/v1/residents`,
//! photo included, login excluded) against a real `muni-id serve` process, on SQLite and on
//! PostgreSQL, plus the server's peak memory (VmHWM) and the CPU it used.
//!
//!     cargo bench --bench enroll_throughput                 # SQLite (and PostgreSQL if set)
//!     MUNI_ID_BENCH_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/test \
//!         cargo bench --bench enroll_throughput -- postgres
//!
//! Arguments: `sqlite` or `postgres` runs one backend; others (cargo's `--bench`) are ignored.
//! Environment: MUNI_ID_BENCH_REQUESTS (5000), MUNI_ID_BENCH_CONCURRENCY (32),
//! MUNI_ID_BENCH_WARMUP (200), MUNI_ID_BENCH_PHOTO (a PNG/JPEG file instead of the fixture),
//! MUNI_ID_BENCH_POSTGRES_URL (a server where a throw-away database may be created),
//! MUNI_ID_BENCH_LOG_LEVEL (info, the default, a line per request into a file),
//! MUNI_ID_BENCH_BIN (another build of the server, e.g. an older commit's, to compare in one run).
//! Other MUNI_ID__* variables (e.g. MUNI_ID__SERVER__WORKERS) reach the server unchanged.
//! Any non-201 response, or a phase that runs past five minutes, makes the exit status 1.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write as _;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use diesel::{Connection as _, RunQueryDsl as _};
use serde::Serialize;

const SERVER_BIN: &str = env!("CARGO_BIN_EXE_muni-id");
const FIXTURE_PHOTO: &[u8] = include_bytes!("../tests/fixtures/photo.png");
const CLERK: &str = "bench-clerk";
const CLERK_PASSWORD: &str = "bench-clerk-password-1";
const PHASE_LIMIT: Duration = Duration::from_secs(5 * 60);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
const STARTUP_LIMIT: Duration = Duration::from_secs(60);
const MB: f64 = 1024.0 * 1024.0;

// ---------------------------------------------------------------------------------------------
// Settings and backends.

struct Settings {
    requests: usize,
    concurrency: usize,
    warmup: usize,
    photo_base64: Arc<str>,
    photo_label: String,
}

impl Settings {
    fn from_env() -> Self {
        let (photo, photo_label) = match std::env::var("MUNI_ID_BENCH_PHOTO") {
            Ok(path) => {
                let bytes =
                    std::fs::read(&path).expect("MUNI_ID_BENCH_PHOTO names a readable file");
                (bytes, path)
            }
            Err(_) => (
                FIXTURE_PHOTO.to_vec(),
                "tests/fixtures/photo.png".to_owned(),
            ),
        };
        Self {
            requests: env_count("MUNI_ID_BENCH_REQUESTS", 5000),
            concurrency: env_count("MUNI_ID_BENCH_CONCURRENCY", 32),
            warmup: env_count("MUNI_ID_BENCH_WARMUP", 200),
            photo_label: format!("{photo_label}, {} bytes", photo.len()),
            photo_base64: base64::engine::general_purpose::STANDARD
                .encode(&photo)
                .into(),
        }
    }
}

fn env_count(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(raw) => raw
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 0)
            .unwrap_or_else(|| panic!("{name} must be a positive whole number, not {raw:?}")),
        Err(_) => default,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    /// The throughput we compare against, enrollments per second.
    fn target_per_sec(self) -> f64 {
        match self {
            Backend::Sqlite => 500.0,
            Backend::Postgres => 300.0,
        }
    }
}

const TARGET_PEAK_RSS_MB: f64 = 100.0;

/// Which backends the arguments ask for; unknown arguments (cargo's `--bench`) are ignored.
fn requested_backends() -> Vec<Backend> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sqlite = args.iter().any(|a| a == "sqlite");
    let postgres = args.iter().any(|a| a == "postgres" || a == "postgresql");
    match (sqlite, postgres) {
        (true, false) => vec![Backend::Sqlite],
        (false, true) => vec![Backend::Postgres],
        _ => vec![Backend::Sqlite, Backend::Postgres],
    }
}

// ---------------------------------------------------------------------------------------------
// A throw-away PostgreSQL database, dropped when this value is.

struct ScratchPostgres {
    admin_url: String,
    name: String,
    url: String,
}

impl ScratchPostgres {
    fn create(admin_url: &str) -> Self {
        let name = format!("muni_id_bench_{:08x}", rand::random::<u32>());
        let mut admin = diesel::PgConnection::establish(admin_url)
            .expect("MUNI_ID_BENCH_POSTGRES_URL accepts a connection");
        diesel::sql_query(format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .expect("the PostgreSQL user may CREATE DATABASE");
        Self {
            admin_url: admin_url.to_owned(),
            url: with_database(admin_url, &name),
            name,
        }
    }
}

impl Drop for ScratchPostgres {
    fn drop(&mut self) {
        let dropped = diesel::PgConnection::establish(&self.admin_url)
            .map_err(|e| e.to_string())
            .and_then(|mut admin| {
                diesel::sql_query(format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.name
                ))
                .execute(&mut admin)
                .map_err(|e| e.to_string())
            });
        if let Err(e) = dropped {
            eprintln!("warning: could not drop database {}: {e}", self.name);
        }
    }
}

/// `postgres://user@host:5432/test?x=y` with the database replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let authority_start = url.find("://").map_or(0, |i| i + 3);
    let (head, query) = match url.find('?') {
        Some(q) => url.split_at(q),
        None => (url, ""),
    };
    let authority_end = head[authority_start..]
        .find('/')
        .map_or(head.len(), |i| authority_start + i);
    format!("{}/{name}{query}", &head[..authority_end])
}

/// The URL with any password replaced by `***`, for printing.
fn masked(url: &str) -> String {
    let start = url.find("://").map_or(0, |i| i + 3);
    let authority_end = url[start..].find('/').map_or(url.len(), |i| start + i);
    let authority = &url[start..authority_end];
    match (authority.rfind('@'), authority.find(':')) {
        (Some(at), Some(colon)) if colon < at => {
            format!(
                "{}{}:***{}",
                &url[..start],
                &authority[..colon],
                &url[start + at..]
            )
        }
        _ => url.to_owned(),
    }
}

// ---------------------------------------------------------------------------------------------
// The server process.

struct Server {
    child: Child,
    base_url: String,
    log_path: PathBuf,
}

/// Environment shared by `staff add` and `serve`: a scratch data dir, a free port, the database.
fn server_command(data_dir: &Path, port: u16, database_url: &str) -> Command {
    let server = std::env::var("MUNI_ID_BENCH_BIN").unwrap_or_else(|_| SERVER_BIN.to_owned());
    let mut cmd = Command::new(server);
    cmd.env_remove("MUNI_ID_CONFIG")
        .env_remove("RUST_LOG")
        .env("MUNI_ID__SERVER__BIND", format!("127.0.0.1:{port}"))
        .env(
            "MUNI_ID__PUBLIC_BASE_URL",
            format!("http://127.0.0.1:{port}"),
        )
        .env("MUNI_ID__DATA_DIR", data_dir)
        .env("MUNI_ID__DATABASE__URL", database_url)
        .env(
            "MUNI_ID__LOG__LEVEL",
            std::env::var("MUNI_ID_BENCH_LOG_LEVEL").unwrap_or_else(|_| "info".into()),
        );
    cmd
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral port");
    listener
        .local_addr()
        .expect("ephemeral port address")
        .port()
}

fn add_clerk(data_dir: &Path, port: u16, database_url: &str) {
    let mut child = server_command(data_dir, port, database_url)
        .args(["staff", "add", CLERK, "--role", "clerk", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn `muni-id staff add`");
    child
        .stdin
        .take()
        .expect("stdin of `muni-id staff add`")
        .write_all(CLERK_PASSWORD.as_bytes())
        .expect("write the clerk password");
    let output = child
        .wait_with_output()
        .expect("wait for `muni-id staff add`");
    assert!(
        output.status.success(),
        "`muni-id staff add` failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn start_server(data_dir: &Path, port: u16, database_url: &str) -> Server {
    let log_path = data_dir.join("server.stderr.log");
    let log = File::create(&log_path).expect("create the server log file");
    let child = server_command(data_dir, port, database_url)
        .arg("serve")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .expect("spawn `muni-id serve`");
    Server {
        child,
        base_url: format!("http://127.0.0.1:{port}"),
        log_path,
    }
}

impl Server {
    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Polls `GET /healthz` until it answers 200; panics if the process exits or takes too long.
    fn wait_until_healthy(&mut self, rt: &tokio::runtime::Runtime, client: &reqwest::Client) {
        let started = Instant::now();
        let url = format!("{}/healthz", self.base_url);
        loop {
            if let Some(status) = self.child.try_wait().expect("poll the server process") {
                panic!(
                    "the server exited during start-up ({status}): {}",
                    self.log_text()
                );
            }
            let healthy = rt.block_on(async { client.get(&url).send().await.map(|r| r.status()) });
            if matches!(healthy, Ok(s) if s.is_success()) {
                return;
            }
            assert!(
                started.elapsed() < STARTUP_LIMIT,
                "the server did not answer /healthz in time"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn log_text(&self) -> String {
        strip_ansi(&std::fs::read_to_string(&self.log_path).unwrap_or_default())
    }

    /// SIGTERM, a few seconds' grace, then SIGKILL.
    fn stop(&mut self) {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

// ---------------------------------------------------------------------------------------------
// /proc readings.

struct Memory {
    peak_rss_mb: f64,
    rss_mb: f64,
}

fn read_memory(pid: u32) -> Memory {
    let status =
        std::fs::read_to_string(format!("/proc/{pid}/status")).expect("read /proc/<pid>/status");
    let kib = |key: &str| -> f64 {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or_else(|| panic!("{key} in /proc/{pid}/status"))
    };
    Memory {
        peak_rss_mb: kib("VmHWM:") * 1024.0 / MB,
        rss_mb: kib("VmRSS:") * 1024.0 / MB,
    }
}

/// User + system CPU seconds a process has used, all its threads together.
fn cpu_seconds(pid: &str) -> f64 {
    stat_cpu_seconds(
        &std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc/<pid>/stat"),
    )
}

fn stat_cpu_seconds(stat: &str) -> f64 {
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let after_name = &stat[stat.rfind(')').expect("a command name in /proc/<pid>/stat") + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: f64 =
        fields[11].parse::<f64>().unwrap_or(0.0) + fields[12].parse::<f64>().unwrap_or(0.0);
    ticks / clock_ticks_per_second()
}

/// CPU seconds used by every process named `postgres` (its backends and background workers).
fn postgres_cpu_seconds() -> f64 {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0.0;
    };
    entries
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .bytes()
                .all(|b| b.is_ascii_digit())
        })
        .filter_map(|e| std::fs::read_to_string(e.path().join("stat")).ok())
        .filter(|stat| stat.contains("(postgres)"))
        .map(|stat| stat_cpu_seconds(&stat))
        .sum()
}

/// CPU seconds the whole machine has spent busy (all cores, everything but idle and iowait).
fn machine_busy_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/stat").expect("read /proc/stat");
    let ticks: Vec<f64> = stat
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("cpu "))
        .expect("a `cpu` line in /proc/stat")
        .split_whitespace()
        .map(|v| v.parse().unwrap_or(0.0))
        .collect();
    // user nice system idle iowait irq softirq steal ...
    let busy: f64 = ticks.iter().sum::<f64>() - ticks[3] - ticks[4];
    busy / clock_ticks_per_second()
}

fn clock_ticks_per_second() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// CPU seconds used by the server, by this benchmark, by PostgreSQL and by the whole machine.
struct CpuUse {
    server: f64,
    bench: f64,
    postgres: f64,
    machine: f64,
}

impl CpuUse {
    fn read(server_pid: &str) -> Self {
        Self {
            server: cpu_seconds(server_pid),
            bench: cpu_seconds("self"),
            postgres: postgres_cpu_seconds(),
            machine: machine_busy_seconds(),
        }
    }

    fn since(&self, earlier: &CpuUse) -> CpuUse {
        CpuUse {
            server: self.server - earlier.server,
            bench: self.bench - earlier.bench,
            postgres: (self.postgres - earlier.postgres).max(0.0),
            machine: self.machine - earlier.machine,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The load.

#[derive(Serialize)]
struct Address<'a> {
    line1: &'a str,
    city: &'a str,
    postal_code: &'a str,
}

#[derive(Serialize)]
struct Enrollment<'a> {
    legal_name: String,
    date_of_birth: &'a str,
    photo: &'a str,
    documents: [&'a str; 2],
    languages: [&'a str; 1],
    address: Address<'a>,
    confirm_not_duplicate: bool,
}

fn enrollment(index: usize, photo: &str) -> Enrollment<'_> {
    Enrollment {
        legal_name: format!("Bench Resident {index}"),
        date_of_birth: "1990-04-01",
        photo,
        documents: ["passport", "utility_bill"],
        languages: ["es"],
        address: Address {
            line1: "12 Elm St",
            city: "Springfield",
            postal_code: "01101",
        },
        confirm_not_duplicate: true,
    }
}

#[derive(Clone)]
struct Load {
    client: reqwest::Client,
    url: String,
    token: Arc<str>,
    photo_base64: Arc<str>,
}

/// What one phase of requests produced.
#[derive(Default)]
struct Outcome {
    elapsed: Duration,
    latencies: Vec<Duration>,
    /// "201", "500", "transport error", ... and how often.
    statuses: BTreeMap<String, usize>,
    /// The first few non-201 answers, for the report.
    samples: Vec<String>,
    /// Requests never sent because the phase ran out of time.
    unsent: usize,
}

impl Outcome {
    fn failures(&self) -> usize {
        self.unsent
            + self
                .statuses
                .iter()
                .filter(|(k, _)| k.as_str() != "201")
                .map(|(_, n)| n)
                .sum::<usize>()
    }

    fn merge(&mut self, other: Outcome) {
        self.latencies.extend(other.latencies);
        for (k, n) in other.statuses {
            *self.statuses.entry(k).or_default() += n;
        }
        for s in other.samples {
            if self.samples.len() < 5 {
                self.samples.push(s);
            }
        }
    }

    fn percentile_ms(&self, p: f64) -> f64 {
        let mut sorted = self.latencies.clone();
        sorted.sort_unstable();
        if sorted.is_empty() {
            return f64::NAN;
        }
        let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
        sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
    }
}

impl Load {
    async fn login(client: &reqwest::Client, base_url: &str) -> String {
        let response = client
            .post(format!("{base_url}/api/v1/sessions"))
            .json(&serde_json::json!({ "username": CLERK, "password": CLERK_PASSWORD }))
            .send()
            .await
            .expect("send the login request");
        let status = response.status();
        let body: serde_json::Value = response.json().await.expect("a JSON login answer");
        assert_eq!(status.as_u16(), 201, "login failed: {body}");
        body["token"]
            .as_str()
            .expect("a token in the login answer")
            .to_owned()
    }

    /// Sends enrollments `first..first + count`, `concurrency` at a time, until done or
    /// PHASE_LIMIT has passed.
    async fn run(&self, first: usize, count: usize, concurrency: usize) -> Outcome {
        let next = Arc::new(AtomicUsize::new(0));
        let started = Instant::now();
        let deadline = started + PHASE_LIMIT;
        let workers: Vec<_> = (0..concurrency.min(count))
            .map(|_| {
                let (load, next) = (self.clone(), Arc::clone(&next));
                tokio::spawn(async move { load.worker(&next, first, count, deadline).await })
            })
            .collect();
        let mut outcome = Outcome::default();
        for worker in workers {
            outcome.merge(worker.await.expect("a load task panicked"));
        }
        outcome.elapsed = started.elapsed();
        outcome.unsent = count.saturating_sub(outcome.latencies.len());
        outcome
    }

    async fn worker(
        &self,
        next: &AtomicUsize,
        first: usize,
        count: usize,
        deadline: Instant,
    ) -> Outcome {
        let mut outcome = Outcome::default();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count || Instant::now() >= deadline {
                return outcome;
            }
            let sent = Instant::now();
            let result = self.enroll_one(first + i).await;
            outcome.latencies.push(sent.elapsed());
            let key = match result {
                Ok(()) => "201".to_owned(),
                Err(answer) => {
                    if outcome.samples.len() < 5 {
                        outcome.samples.push(answer.clone());
                    }
                    answer.split(':').next().unwrap_or("error").to_owned()
                }
            };
            *outcome.statuses.entry(key).or_default() += 1;
        }
    }

    /// Ok on 201 Created; otherwise Err("<status>: <body>") or Err("transport error: ...").
    async fn enroll_one(&self, index: usize) -> Result<(), String> {
        let response = self
            .client
            .post(&self.url)
            .bearer_auth(&*self.token)
            .json(&enrollment(index, &self.photo_base64))
            .send()
            .await
            .map_err(|e| format!("transport error: {e}"))?;
        let status = response.status().as_u16();
        // Read the whole body so the connection goes back to the pool.
        let body = response
            .bytes()
            .await
            .map_err(|e| format!("transport error: {e}"))?;
        if status == 201 {
            Ok(())
        } else {
            let text = String::from_utf8_lossy(&body);
            Err(format!(
                "{status}: {}",
                text.chars().take(300).collect::<String>()
            ))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One backend, start to finish.

struct Report {
    backend: Backend,
    settings_requests: usize,
    outcome: Outcome,
    warmup_failures: usize,
    memory: Memory,
    /// Resident memory right after start-up, before any request.
    idle_rss_mb: f64,
    cpu: CpuUse,
    log_lines: Vec<String>,
}

fn run_backend(
    rt: &tokio::runtime::Runtime,
    settings: &Settings,
    backend: Backend,
    database_url: &str,
) -> Report {
    let data_dir = tempfile::Builder::new()
        .prefix("muni-id-bench-")
        .tempdir()
        .expect("create a temporary data dir");
    let database_url = match backend {
        Backend::Sqlite => format!("sqlite://{}", data_dir.path().join("muni-id.db").display()),
        Backend::Postgres => database_url.to_owned(),
    };
    let port = free_port();
    add_clerk(data_dir.path(), port, &database_url);
    let mut server = start_server(data_dir.path(), port, &database_url);

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(settings.concurrency)
        .timeout(REQUEST_TIMEOUT)
        .build()
        .expect("build the HTTP client");
    server.wait_until_healthy(rt, &client);
    let idle_rss_mb = read_memory(server.pid()).rss_mb;
    let token = rt.block_on(Load::login(&client, &server.base_url));
    let load = Load {
        client,
        url: format!("{}/api/v1/residents", server.base_url),
        token: token.into(),
        photo_base64: Arc::clone(&settings.photo_base64),
    };

    eprintln!(
        "[{}] warming up: {} enrollments",
        backend.name(),
        settings.warmup
    );
    let warmup = rt.block_on(load.run(0, settings.warmup, settings.concurrency));
    let pid = server.pid().to_string();
    let cpu_before = CpuUse::read(&pid);
    eprintln!(
        "[{}] measuring: {} enrollments, concurrency {}",
        backend.name(),
        settings.requests,
        settings.concurrency
    );
    let outcome = rt.block_on(load.run(settings.warmup, settings.requests, settings.concurrency));
    let cpu = CpuUse::read(&pid).since(&cpu_before);
    let memory = read_memory(server.pid());
    server.stop();
    let log_lines = server.log_text().lines().map(str::to_owned).collect();
    Report {
        backend,
        settings_requests: settings.requests,
        warmup_failures: warmup.failures(),
        outcome,
        memory,
        idle_rss_mb,
        cpu,
        log_lines,
    }
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            // CSI: ESC [ parameters final-byte
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Output.

fn print_table(reports: &[Report], settings: &Settings) {
    println!();
    println!(
        "enroll_throughput — POST /api/v1/residents, photo {}, concurrency {}, after {} warm-up requests",
        settings.photo_label, settings.concurrency, settings.warmup
    );
    println!(
        "{:<9} {:>8} {:>8} {:>9} {:>8} {:>8} {:>9} {:>8} {:>8} {:>8}  target",
        "backend",
        "requests",
        "failed",
        "seconds",
        "enroll/s",
        "p50 ms",
        "p99 ms",
        "peak MB",
        "RSS MB",
        "srv CPU"
    );
    for r in reports {
        let o = &r.outcome;
        let secs = o.elapsed.as_secs_f64();
        let rate = o.latencies.len() as f64 / secs;
        let target = r.backend.target_per_sec();
        println!(
            "{:<9} {:>8} {:>8} {:>9.2} {:>8.0} {:>8.1} {:>9.1} {:>8.1} {:>8.1} {:>7.0}%  ≥ {target:.0}/s {}, < {TARGET_PEAK_RSS_MB:.0} MB {}",
            r.backend.name(),
            r.settings_requests,
            o.failures(),
            secs,
            rate,
            o.percentile_ms(50.0),
            o.percentile_ms(99.0),
            r.memory.peak_rss_mb,
            r.memory.rss_mb,
            100.0 * r.cpu.server / secs,
            verdict(rate >= target, format!("{:+.0}%", 100.0 * (rate / target - 1.0))),
            verdict(r.memory.peak_rss_mb < TARGET_PEAK_RSS_MB, String::new()),
        );
    }
    println!(
        "srv CPU = server user+system CPU time / wall time (200% = both of this machine's {} cores)",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
}

fn verdict(met: bool, detail: String) -> String {
    if met {
        "met".to_owned()
    } else if detail.is_empty() {
        "MISSED".to_owned()
    } else {
        format!("MISSED ({detail})")
    }
}

fn print_details(report: &Report) {
    let o = &report.outcome;
    let name = report.backend.name();
    let cpu = &report.cpu;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let wall = o.elapsed.as_secs_f64();
    let others = (cpu.machine - cpu.server - cpu.bench - cpu.postgres).max(0.0);
    println!(
        "[{name}] statuses {:?}; CPU seconds over {wall:.1}s: server {:.1}, bench client {:.1}, \
         postgres {:.1}, other processes {others:.1}; machine {:.0}% idle",
        o.statuses,
        cpu.server,
        cpu.bench,
        cpu.postgres,
        (100.0 * (1.0 - cpu.machine / (cores * wall))).max(0.0),
    );
    println!(
        "[{name}] server RSS: {:.1} MB after start-up, {:.1} MB peak",
        report.idle_rss_mb, report.memory.peak_rss_mb
    );
    if others > 0.1 * cores * wall {
        println!(
            "[{name}] WARNING: other processes took {:.0}% of the machine during the run; \
             these figures understate the server. Rerun on a quiet machine.",
            100.0 * others / (cores * wall)
        );
    }
    if report.warmup_failures > 0 {
        println!(
            "[{name}] {} warm-up requests failed",
            report.warmup_failures
        );
    }
    if o.unsent > 0 {
        println!(
            "[{name}] {} requests not sent: the phase hit the {PHASE_LIMIT:?} limit",
            o.unsent
        );
    }
    for sample in &o.samples {
        println!("[{name}] failed: {sample}");
    }
    let notable: Vec<&String> = report
        .log_lines
        .iter()
        .filter(|l| {
            ["WARN", "ERROR", "lock", "busy", "panic"]
                .iter()
                .any(|w| l.contains(w))
        })
        .collect();
    if !notable.is_empty() {
        println!(
            "[{name}] server stderr: {} notable lines, the first few:",
            notable.len()
        );
        for line in notable.iter().take(5) {
            println!("    {line}");
        }
    }
}

fn print_reproduce(backends: &[Backend], postgres_url: Option<&str>) {
    println!("\nReproduce:");
    for backend in backends {
        match (backend, postgres_url) {
            (Backend::Sqlite, _) => println!("    cargo bench --bench enroll_throughput -- sqlite"),
            (Backend::Postgres, Some(url)) => println!(
                "    MUNI_ID_BENCH_POSTGRES_URL={} cargo bench --bench enroll_throughput -- postgres",
                masked(url)
            ),
            (Backend::Postgres, None) => {}
        }
    }
}

// ---------------------------------------------------------------------------------------------

fn main() -> ExitCode {
    let settings = Settings::from_env();
    let postgres_url = std::env::var("MUNI_ID_BENCH_POSTGRES_URL")
        .ok()
        .filter(|u| !u.is_empty());
    let mut backends = requested_backends();
    if postgres_url.is_none() && backends.contains(&Backend::Postgres) {
        if backends == [Backend::Postgres] {
            eprintln!("postgres asked for, but MUNI_ID_BENCH_POSTGRES_URL is not set");
            return ExitCode::FAILURE;
        }
        println!("MUNI_ID_BENCH_POSTGRES_URL is not set: running SQLite only.");
        backends.retain(|b| *b == Backend::Sqlite);
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("build the tokio runtime");

    let mut reports = Vec::new();
    for &backend in &backends {
        let report = match (backend, postgres_url.as_deref()) {
            (Backend::Postgres, Some(admin_url)) => {
                let scratch = ScratchPostgres::create(admin_url);
                eprintln!("[postgres] scratch database {}", scratch.name);
                run_backend(&rt, &settings, backend, &scratch.url)
            }
            _ => run_backend(&rt, &settings, backend, ""),
        };
        reports.push(report);
    }

    print_table(&reports, &settings);
    for report in &reports {
        print_details(report);
    }
    print_reproduce(&backends, postgres_url.as_deref());

    let failed: usize = reports
        .iter()
        .map(|r| r.outcome.failures() + r.warmup_failures)
        .sum();
    if failed > 0 {
        eprintln!("\nFAILED: {failed} enrollment requests did not answer 201 Created (see above)");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
