use muni_id::domain::staff::StaffRole;
use serde_json::{json, Value};

use crate::helpers::{captured_logs, error_code, resident, spawn_app, spawn_app_with};

const SENTINEL_NAME: &str = "Zyxwvutsrq Sentinelperson";
const SENTINEL_PREFERRED: &str = "Qwertysentinel";
const SENTINEL_DOB: &str = "1931-02-17";
const SENTINEL_STREET: &str = "4321 Sentinelstreet Road";
const SENTINEL_CONTACT: &str = "Contactsentinel Kinperson";

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Every byte under the data folder: database, WAL, shared memory, key ring.
fn data_folder_bytes(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(path) = stack.pop() {
        for entry in std::fs::read_dir(&path).unwrap() {
            let entry = entry.unwrap();
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            } else {
                files.push((
                    entry.path().display().to_string(),
                    std::fs::read(entry.path()).unwrap(),
                ));
            }
        }
    }
    files
}

#[tokio::test]
async fn no_personal_value_is_stored_or_logged_in_the_clear() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut body = resident(SENTINEL_NAME);
    body["preferred_name"] = json!(SENTINEL_PREFERRED);
    body["date_of_birth"] = json!(SENTINEL_DOB);
    body["address"]["line1"] = json!(SENTINEL_STREET);
    body["emergency_contact"]["name"] = json!(SENTINEL_CONTACT);
    let id = app.enroll_ok(&clerk, &body).await;

    // Exercise every path that handles the values: read, search, change, a duplicate attempt,
    // and bad input that carries them.
    let view: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        view["legal_name"], SENTINEL_NAME,
        "the data is really there"
    );
    app.post_json(
        &clerk,
        "/api/v1/residents/search",
        &json!({"legal_name": SENTINEL_NAME, "date_of_birth": SENTINEL_DOB}),
    )
    .await;
    app.patch_json(
        &clerk,
        &format!("/api/v1/residents/{id}"),
        &json!({"preferred_name": SENTINEL_PREFERRED}),
    )
    .await;
    assert_eq!(app.enroll(&clerk, &body).await.status(), 409);
    // Cards: issue, look up, list, preview, print, revoke.
    let card: Value = app
        .post_json(
            &clerk,
            &format!("/api/v1/residents/{id}/cards"),
            &json!({"reason": "new", "fee": {"outcome": "paid"}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let number = card["card_number"].as_str().unwrap().to_owned();
    for path in [
        format!("/api/v1/cards/{number}"),
        format!("/api/v1/residents/{id}/cards"),
        format!("/api/v1/cards/{number}/pdf"),
    ] {
        assert_eq!(app.get(&clerk, &path).await.status(), 200, "{path}");
    }
    app.post_json(
        &clerk,
        "/api/v1/cards/print",
        &json!({"card_numbers": [number]}),
    )
    .await;
    app.post_json(
        &clerk,
        &format!("/api/v1/cards/{number}/revoke"),
        &json!({"reason": "lost"}),
    )
    .await;
    let mut bad = body.clone();
    bad["veteran"] = json!(SENTINEL_NAME);
    let res = app.enroll(&clerk, &bad).await;
    assert_eq!(res.status(), 400);
    assert!(
        !res.text().await.unwrap().contains(SENTINEL_NAME),
        "error bodies never echo values"
    );

    let sentinels = [
        SENTINEL_NAME,
        SENTINEL_PREFERRED,
        SENTINEL_DOB,
        SENTINEL_STREET,
        SENTINEL_CONTACT,
        "Sentinel",
    ];
    if !app.database.is_postgres() {
        let files = data_folder_bytes(app.data_dir.path());
        assert!(files.iter().any(|(name, _)| name.ends_with("muni-id.db")));
        for (name, bytes) in &files {
            for sentinel in sentinels {
                assert!(!contains(bytes, sentinel), "{sentinel:?} found in {name}");
            }
        }
    } else {
        // On PostgreSQL, dump every row of every table as text and search that.
        use diesel::prelude::*;
        #[derive(QueryableByName)]
        struct Dump {
            #[diesel(sql_type = diesel::sql_types::Text)]
            row: String,
        }
        let mut conn = app.ctx.db().unwrap();
        let mut all = String::new();
        for table in [
            "staff",
            "sessions",
            "login_failures",
            "residents",
            "resident_photos",
            "audit_log",
            "audit_head",
        ] {
            let rows: Vec<Dump> =
                diesel::sql_query(format!("SELECT t::text AS row FROM {table} t"))
                    .load(&mut *conn)
                    .unwrap();
            all.extend(rows.into_iter().map(|r| r.row));
        }
        assert!(all.contains(&id), "the dump is real");
        for sentinel in sentinels {
            assert!(
                !all.contains(sentinel),
                "{sentinel:?} found in the database"
            );
        }
    }
    let logs = captured_logs();
    assert!(
        contains(&logs, "resident_enrolled"),
        "the log capture works"
    );
    for sentinel in sentinels {
        assert!(!contains(&logs, sentinel), "{sentinel:?} found in the logs");
    }
    // Nor any identifier this test created: the resident id and the card number, in any of
    // the forms they are written.
    let grouped = muni_id::domain::card::CardNumber::parse(&number)
        .unwrap()
        .grouped();
    for identifier in [id.as_str(), id.replace('-', "").as_str(), &number, &grouped] {
        assert!(
            !contains(&logs, identifier),
            "{identifier:?} found in the logs"
        );
    }
}

#[tokio::test]
async fn metrics_and_urls_carry_no_personal_data() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    app.enroll_ok(&clerk, &resident(SENTINEL_NAME)).await;
    let metrics = app.metrics().await;
    assert!(metrics.contains("muni_id_enrollments_total 1"), "{metrics}");
    assert!(!metrics.contains("Sentinel"));
}

/// Finding 6 of issue 15: `/metrics` was public, and its live counts can be tied to moments
/// in time (an enrollment a minute ago). It answers only its scraper's token.
#[tokio::test]
async fn metrics_answer_only_the_scrapers_token() {
    let app = spawn_app().await;
    let get = |token: Option<&'static str>| {
        let mut request = app.client.get(app.url("/metrics"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    let (status, code, _) = error_code(get(None).await.unwrap()).await;
    assert_eq!((status, code.as_str()), (401, "not_authenticated"));
    let wrong = get(Some("not-the-metrics-token")).await.unwrap();
    assert_eq!(wrong.status(), 401);
    assert!(app.metrics().await.contains("muni_id_enrollments_total"));
    // No token configured: not served at all.
    let unserved = spawn_app_with(|c| c.server.metrics_token_file.clear()).await;
    let res = unserved
        .client
        .get(unserved.url("/metrics"))
        .bearer_auth(crate::helpers::METRICS_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}
