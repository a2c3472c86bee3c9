//! What a staff login costs: latency (p50, p99) of `POST /api/v1/sessions` against a real
//! `muni-id serve` process (SQLite), with the password alone, with the password and an
//! authenticator app's code, and with the password and a recovery code; one login at a time
//! and 32 at once; and the server's peak memory (VmHWM) after the logins at once.
//!
//!     cargo bench --bench login_cost
//!
//! Environment: MUNI_ID_BENCH_ACCOUNTS (48 per kind and run), MUNI_ID_BENCH_CONCURRENCY (32),
//! MUNI_ID_BENCH_BIN (another build of the server). MUNI_ID__AUTH__* variables reach the
//! server (e.g. MUNI_ID__AUTH__PASSWORD_CHECKS_AT_ONCE). The argon2 parameters are the
//! service's defaults (m = 19 MiB, t = 2). A passkey is not measured here: it needs a browser's
//! authenticator (its server cost is one signature check and two writes, without argon2).
//! Each account logs in from an address of its own (as from its own counter). Any refused
//! login makes the exit status 1.

use std::io::Write as _;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use muni_id::crypto::one_time_code::totp_code;
use serde_json::{json, Value};

const SERVER_BIN: &str = env!("CARGO_BIN_EXE_muni-id");
const ADMIN: &str = "bench-admin";
const PASSWORD: &str = "bench login passphrase";
const MB: f64 = 1024.0 * 1024.0;

#[derive(Clone, Copy, PartialEq)]
enum Factor {
    None,
    Totp,
    Recovery,
}

impl Factor {
    fn name(self) -> &'static str {
        match self {
            Factor::None => "password alone",
            Factor::Totp => "password + authenticator code",
            Factor::Recovery => "password + recovery code",
        }
    }
}

/// An account and what it answers the second step with.
struct Account {
    username: String,
    secret: Option<String>,
    recovery: Vec<String>,
}

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn command(data_dir: &Path, port: u16) -> Command {
    let bin = std::env::var("MUNI_ID_BENCH_BIN").unwrap_or_else(|_| SERVER_BIN.to_owned());
    let mut cmd = Command::new(bin);
    cmd.env_remove("MUNI_ID_CONFIG")
        .env("MUNI_ID__SERVER__BIND", format!("127.0.0.1:{port}"))
        .env(
            "MUNI_ID__PUBLIC_BASE_URL",
            format!("http://localhost:{port}"),
        )
        .env("MUNI_ID__DATA_DIR", data_dir)
        .env(
            "MUNI_ID__DATABASE__URL",
            format!("sqlite://{}", data_dir.join("bench.db").display()),
        )
        .env("MUNI_ID__LOG__LEVEL", "warn")
        // Each account logs in from its own counter (X-Forwarded-For through a trusted proxy):
        // 32 logins at once from one address would count as 32 attempts in flight against
        // that address's free failures (20), which is what the throttle is for.
        .env("MUNI_ID__SERVER__TRUSTED_PROXIES", "[\"127.0.0.1/32\"]");
    cmd
}

fn start(data_dir: &Path) -> Server {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let mut add = command(data_dir, port)
        .args(["staff", "add", ADMIN, "--role", "admin", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("muni-id staff add");
    add.stdin
        .take()
        .expect("stdin")
        .write_all(format!("first {PASSWORD}").as_bytes())
        .expect("the admin's first password");
    assert!(add.wait().expect("staff add").success());
    let child = command(data_dir, port)
        .arg("serve")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("muni-id serve");
    Server {
        child,
        base: format!("http://127.0.0.1:{port}"),
    }
}

async fn post(client: &reqwest::Client, url: String, token: Option<&str>, body: Value) -> Value {
    let mut req = client.post(url).json(&body);
    if let Some(token) = token {
        req = req.bearer_auth(token);
    }
    let res = req.send().await.expect("request");
    let status = res.status();
    let text = res.text().await.unwrap_or_default();
    assert!(status.is_success(), "{status}: {text}");
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

/// A token for `username`, after choosing its own password over the first one.
async fn first_login(client: &reqwest::Client, base: &str, username: &str) -> String {
    let first = format!("first {PASSWORD}");
    let body = json!({"username": username, "password": first});
    let token = post(client, format!("{base}/api/v1/sessions"), None, body).await["token"]
        .as_str()
        .expect("token")
        .to_owned();
    let change = json!({"current_password": first, "new_password": PASSWORD});
    post(
        client,
        format!("{base}/api/v1/staff/me/password"),
        Some(&token),
        change,
    )
    .await;
    token
}

fn between<'a>(html: &'a str, before: &str, after: &str) -> &'a str {
    let start = html.find(before).expect(before) + before.len();
    let end = html[start..].find(after).expect(after) + start;
    &html[start..end]
}

/// Sets up an authenticator app through the account page, as a person would.
async fn enrol_totp(client: &reqwest::Client, base: &str, token: &str) -> (String, Vec<String>) {
    let cookie = format!("muni_session={token}");
    let page = client
        .get(format!("{base}/account"))
        .header("cookie", &cookie)
        .send()
        .await
        .expect("account page")
        .text()
        .await
        .expect("account page");
    let csrf = between(&page, "name=\"csrf\" value=\"", "\"").to_owned();
    let form = |fields: &[(&str, &str)]| {
        client
            .post(format!("{base}{}", fields[0].1))
            .header("cookie", &cookie)
            .form(&fields[1..])
    };
    let setup = form(&[
        ("", "/account/totp"),
        ("csrf", &csrf),
        ("password", PASSWORD),
    ])
    .send()
    .await
    .expect("totp set-up")
    .text()
    .await
    .expect("totp set-up");
    let secret: String = between(&setup, "id=\"totp-secret\">", "<")
        .split_whitespace()
        .collect();
    let factor = between(&setup, "name=\"factor\" value=\"", "\"").to_owned();
    let now = chrono::Utc::now().timestamp();
    let code = totp_code(&secret, now - 30).expect("a code");
    let done = form(&[
        ("", "/account/totp/confirm"),
        ("csrf", &csrf),
        ("factor", &factor),
        ("code", &code),
    ])
    .send()
    .await
    .expect("confirm")
    .text()
    .await
    .expect("confirm");
    let codes = done
        .split("<li><code>")
        .skip(1)
        .map(|rest| rest.split('<').next().unwrap_or_default().to_owned())
        .collect();
    (secret, codes)
}

async fn make_accounts(
    client: &reqwest::Client,
    base: &str,
    admin: &str,
    factor: Factor,
    count: usize,
    tag: &str,
) -> Vec<Account> {
    let mut accounts = Vec::new();
    for i in 0..count {
        let username = format!("bench.{tag}.{i}");
        let body =
            json!({"username": username, "role": "clerk", "password": format!("first {PASSWORD}")});
        post(client, format!("{base}/api/v1/staff"), Some(admin), body).await;
        let token = first_login(client, base, &username).await;
        let (secret, recovery) = if factor == Factor::None {
            (None, Vec::new())
        } else {
            let (secret, codes) = enrol_totp(client, base, &token).await;
            (Some(secret), codes)
        };
        accounts.push(Account {
            username,
            secret,
            recovery,
        });
    }
    accounts
}

/// One round of logins (each account once), `concurrency` at a time; the latencies.
async fn round(
    client: &reqwest::Client,
    base: &str,
    accounts: &[Account],
    (factor, step): (Factor, i64),
    concurrency: usize,
) -> Vec<Duration> {
    let gate = Arc::new(tokio::sync::Semaphore::new(concurrency));
    let mut tasks = Vec::new();
    for (i, account) in accounts.iter().enumerate() {
        let counter = format!("10.1.{}.{}", i / 250, i % 250 + 1);
        let mut body = json!({"username": account.username, "password": PASSWORD});
        let now = chrono::Utc::now().timestamp();
        match factor {
            Factor::None => {}
            Factor::Totp => {
                let secret = account.secret.as_deref().expect("a secret");
                body["one_time_code"] = json!(totp_code(secret, now + step * 30).expect("code"));
            }
            Factor::Recovery => {
                let index = usize::try_from(step + 1).unwrap_or(0);
                body["one_time_code"] = json!(account.recovery[index]);
            }
        }
        let (client, url, gate) = (
            client.clone(),
            format!("{base}/api/v1/sessions"),
            gate.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let _turn = gate.acquire().await.expect("a turn");
            let started = Instant::now();
            let res = client
                .post(url)
                .header("x-forwarded-for", counter)
                .json(&body)
                .send()
                .await
                .expect("login");
            let elapsed = started.elapsed();
            let status = res.status();
            (status.as_u16(), elapsed)
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        let (status, elapsed) = task.await.expect("task");
        assert_eq!(status, 201, "a login was refused");
        latencies.push(elapsed);
    }
    latencies
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index.min(sorted.len() - 1)].as_secs_f64() * 1000.0
}

fn peak_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<f64>().ok())
        .map_or(0.0, |kib| kib * 1024.0 / MB)
}

fn main() -> ExitCode {
    let accounts_per_kind = env_count("MUNI_ID_BENCH_ACCOUNTS", 48);
    let concurrency = env_count("MUNI_ID_BENCH_CONCURRENCY", 32);
    let dir = tempfile::tempdir().expect("a scratch folder");
    let server = start(dir.path());
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let client = reqwest::Client::new();
    let base = server.base.clone();
    rt.block_on(async {
        for _ in 0..100 {
            if client.get(format!("{base}/healthz")).send().await.is_ok() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    });
    let admin = rt.block_on(first_login(&client, &base, ADMIN));
    println!("login cost, SQLite, argon2 defaults; {accounts_per_kind} accounts per kind and run");
    println!(
        "{:<34} {:>5} {:>9} {:>9} {:>7}",
        "factor", "at once", "p50 ms", "p99 ms", "logins"
    );
    for (run, at_once) in [(0, 1), (1, concurrency)] {
        for factor in [Factor::None, Factor::Totp, Factor::Recovery] {
            let kind = match factor {
                Factor::None => "p",
                Factor::Totp => "t",
                Factor::Recovery => "r",
            };
            let tag = format!("{kind}{run}");
            let accounts = rt.block_on(make_accounts(
                &client,
                &base,
                &admin,
                factor,
                accounts_per_kind,
                &tag,
            ));
            let mut latencies = Vec::new();
            // Two logins per account. The set-up used the code of the step before now, so the
            // codes are now's, then the next step's (each step is accepted once, and one step
            // ahead is within the skew); recovery codes 2 and 3.
            let steps: &[i64] = if factor == Factor::None {
                &[0, 0]
            } else {
                &[0, 1]
            };
            for &step in steps {
                latencies.extend(rt.block_on(round(
                    &client,
                    &base,
                    &accounts,
                    (factor, step),
                    at_once,
                )));
            }
            latencies.sort();
            println!(
                "{:<34} {:>5} {:>9.1} {:>9.1} {:>7}",
                factor.name(),
                at_once,
                percentile(&latencies, 0.5),
                percentile(&latencies, 0.99),
                latencies.len()
            );
        }
    }
    println!(
        "server peak memory (VmHWM) after {concurrency} logins at once: {:.1} MB",
        peak_mb(server.child.id())
    );
    ExitCode::SUCCESS
}
