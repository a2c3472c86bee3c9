//! Several clerks at once: reads, searches, photo reads and enrollments from 16 clients for
//! 20 seconds answer without a single error on either database. On SQLite a read's audit entry
//! used to be written in a deferred transaction, whose upgrade to a write lock failed at once
//! ("database is locked") whenever another writer had committed in between.

use std::sync::Arc;
use std::time::{Duration, Instant};

use muni_id::domain::staff::StaffRole;
use serde_json::{json, Value};

use crate::helpers::{resident, spawn_app_with, Session, TestApp};

const CLIENTS: usize = 16;
const RUN_FOR: Duration = Duration::from_secs(20);

/// A name made of letters only, distinct for every (client, n): "Load Kab Kc".
fn name_for(client: usize, n: usize) -> String {
    let word = |mut v: usize| {
        let mut out = String::from("K");
        loop {
            out.push((b'a' + (v % 26) as u8) as char);
            v /= 26;
            if v == 0 {
                break out;
            }
        }
    };
    format!("Load {} {}", word(n), word(client))
}

#[derive(Default)]
struct Tally {
    ok: usize,
    failures: Vec<String>,
}

async fn one_client(app: Arc<TestApp>, clerk: Arc<Session>, client: usize, seed: String) -> Tally {
    let mut tally = Tally::default();
    let mut own = vec![seed.clone()];
    let deadline = Instant::now() + RUN_FOR;
    let mut n = 0;
    while Instant::now() < deadline {
        let target = own[n % own.len()].clone();
        let (what, res) = match (n + client) % 4 {
            0 => {
                // n + 1: name 0 is the client's seed, enrolled before the run.
                let body = resident(&name_for(client, n + 1));
                ("enroll", app.enroll(&clerk, &body).await)
            }
            1 => (
                "read",
                app.get(&clerk, &format!("/api/v1/residents/{target}"))
                    .await,
            ),
            2 => (
                "photo",
                app.get(&clerk, &format!("/api/v1/residents/{target}/photo"))
                    .await,
            ),
            _ => (
                "search",
                app.post_json(
                    &clerk,
                    "/api/v1/residents/search",
                    &json!({"legal_name": name_for(client, 0), "date_of_birth": "1990-04-01"}),
                )
                .await,
            ),
        };
        let status = res.status();
        if status.is_success() {
            tally.ok += 1;
            if what == "enroll" {
                let body: Value = res.json().await.unwrap();
                own.push(body["resident_id"].as_str().unwrap().to_owned());
            }
        } else {
            let body = res.text().await.unwrap_or_default();
            tally.failures.push(format!("{what}: {status} {body}"));
        }
        n += 1;
    }
    tally
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixteen_clerks_at_once_see_no_errors() {
    // What is checked is correctness under contention, not speed: on a loaded two-core
    // machine (the rest of the suite running beside it) a pooled connection can take longer
    // than the default 2 s to come free, which would answer 503 and fail the test for timing.
    let app = Arc::new(spawn_app_with(|c| c.database.acquire_timeout_ms = 15_000).await);
    let clerk = Arc::new(app.session(StaffRole::Clerk).await);
    // Every client starts with a resident of its own to read.
    let mut seeds = Vec::new();
    for client in 0..CLIENTS {
        seeds.push(app.enroll_ok(&clerk, &resident(&name_for(client, 0))).await);
    }

    let runs: Vec<_> = seeds
        .into_iter()
        .enumerate()
        .map(|(client, seed)| tokio::spawn(one_client(app.clone(), clerk.clone(), client, seed)))
        .collect();
    let mut ok = 0;
    let mut failures = Vec::new();
    for run in runs {
        let tally = run.await.unwrap();
        ok += tally.ok;
        failures.extend(tally.failures);
    }

    assert!(
        failures.is_empty(),
        "{} of {} requests failed; first: {:?}",
        failures.len(),
        ok + failures.len(),
        &failures[..failures.len().min(5)]
    );
    // Every kind of request ran, many times over.
    assert!(ok >= 4 * CLIENTS, "only {ok} requests answered");
}
