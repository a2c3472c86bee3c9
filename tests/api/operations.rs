use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    let health = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 200);
    let ready = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(ready.status(), 200);
}

#[tokio::test]
async fn responses_carry_a_request_id_and_security_headers() {
    let app = spawn_app().await;
    let res = app.client.get(app.url("/healthz")).send().await.unwrap();
    let headers = res.headers();
    assert_eq!(headers["x-request-id"].len(), 16);
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert!(headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("default-src 'none'"));
    assert_eq!(headers["cache-control"], "no-store");
}

#[tokio::test]
async fn unknown_routes_answer_with_the_error_model() {
    let app = spawn_app().await;
    let res = app
        .client
        .get(app.url("/api/v1/no-such-route"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["error"]["code"], "not_found");
}

#[tokio::test]
async fn the_openapi_document_describes_the_contract() {
    let app = spawn_app().await;
    let doc: Value = app
        .client
        .get(app.url("/api/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/v1/sessions",
        "/api/v1/sessions/current",
        "/api/v1/residents",
        "/api/v1/residents/{id}",
        "/api/v1/residents/{id}/photo",
        "/api/v1/residents/search",
        "/api/v1/audit/verify",
        "/healthz",
        "/readyz",
    ] {
        assert!(doc["paths"].get(path).is_some(), "{path} missing");
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let enrollment = &schemas["EnrollmentRequest"]["properties"];
    assert!(enrollment.get("legal_name").is_some());
    for forbidden in [
        "immigration_status",
        "citizenship",
        "country_of_birth",
        "ssn",
    ] {
        assert!(!doc.to_string().contains(forbidden));
    }
}

/// Regression: text logs went to a file with terminal colour codes in every line.
#[test]
fn logs_written_to_a_file_carry_no_colour_codes() {
    let data = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_muni-id"))
        .args([
            "staff",
            "add",
            "cli.clerk",
            "--role",
            "clerk",
            "--password-stdin",
        ])
        .env("MUNI_ID__DATA_DIR", data.path())
        .env(
            "MUNI_ID__DATABASE__URL",
            format!("sqlite://{}/muni-id.db", data.path().display()),
        )
        .env("MUNI_ID__LOG__FORMAT", "text")
        .env("MUNI_ID__AUTH__ARGON2_MEMORY_KIB", "64")
        .env("MUNI_ID__AUTH__ARGON2_ITERATIONS", "1")
        .env_remove("RUST_LOG")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a clerk passphrase for the cli test\n")
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let log = String::from_utf8(output.stderr).unwrap();
    assert!(log.contains("CREATED A NEW DEVELOPMENT KEY RING"), "{log}");
    assert!(
        !log.contains('\u{1b}'),
        "colour codes in a piped log: {log:?}"
    );
}

#[tokio::test]
async fn an_instance_with_another_public_base_url_says_so_at_start_up() {
    use muni_id::services::issuer::{self, IssuerCheck};
    let app = spawn_app().await;
    let clerk = app.session(muni_id::domain::staff::StaffRole::Clerk).await;
    let id = app
        .enroll_ok(&clerk, &crate::helpers::resident("Issuer Check"))
        .await;
    app.issue_card(&clerk, &id, "new").await;
    assert_eq!(issuer::check_at_start(&app.ctx).unwrap(), IssuerCheck::Same);

    // A second instance on the same database and keys, configured with another address.
    let mut config = (*app.ctx.config).clone();
    config.public_base_url = "https://id.elsewhere.example".into();
    let other =
        muni_id::startup::build_context(config, app.clock.clone()).expect("second instance");
    let said_before = String::from_utf8_lossy(&crate::helpers::captured_logs())
        .matches("differs from the issuer the cards in this database name")
        .count();
    assert_eq!(
        issuer::check_at_start(&other).unwrap(),
        IssuerCheck::Differs {
            recorded: app.ctx.config.public_base_url.clone(),
            active_cards: 1
        }
    );
    let said = String::from_utf8_lossy(&crate::helpers::captured_logs())
        .matches("differs from the issuer the cards in this database name")
        .count();
    assert_eq!(said, said_before + 1);
    // The recorded issuer stays the first instance's while its cards are active.
    assert_eq!(
        issuer::check_at_start(&app.ctx).unwrap(),
        IssuerCheck::Same,
        "the first instance's record is left as it was"
    );
}

#[tokio::test]
async fn a_known_path_with_another_method_answers_405_with_allow() {
    let app = spawn_app().await;
    for (method, path, allow) in [
        ("DELETE", "/healthz", "GET"),
        ("TRACE", "/readyz", "GET"),
        ("PUT", "/api/v1/residents", "POST"),
        ("DELETE", "/api/v1/staff", "GET, POST"),
    ] {
        let res = app
            .client
            .request(
                reqwest::Method::from_bytes(method.as_bytes()).unwrap(),
                app.url(path),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 405, "{method} {path}");
        assert_eq!(res.headers()["allow"], allow, "{method} {path}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"]["code"], "method_not_allowed");
    }
    let res = app
        .client
        .get(app.url("/api/v1/nowhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn a_body_must_be_a_json_object() {
    let app = spawn_app().await;
    let admin = app.session(muni_id::domain::staff::StaffRole::Admin).await;
    let clerk_name = "array.body";
    app.add_staff(clerk_name, muni_id::domain::staff::StaffRole::Clerk);
    // serde would read an array as the struct's fields in order; the API does not.
    let res = app
        .client
        .patch(app.url(&format!("/api/v1/staff/{clerk_name}")))
        .bearer_auth(&admin.token)
        .header("content-type", "application/json")
        .body("[null, null]")
        .send()
        .await
        .unwrap();
    let (status, code, _) = crate::helpers::error_code(res).await;
    assert_eq!((status, code.as_str()), (400, "malformed_json"));
}

/// Every parameter is where the document says: a path parameter is a `{name}` of its path, and
/// a query parameter is not (the report's `format` and `as_of` were published as required path
/// parameters, so a generated client could not call the report at all).
#[test]
fn every_parameter_is_declared_where_it_is_read() {
    use utoipa::OpenApi;
    let doc = serde_json::to_value(muni_id::web::openapi::ApiDoc::openapi()).unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let Some(params) = operation["parameters"].as_array() else {
                continue;
            };
            for param in params {
                let name = param["name"].as_str().unwrap();
                let in_path = path.contains(&format!("{{{name}}}"));
                assert_eq!(
                    param["in"] == "path",
                    in_path,
                    "{method} {path}: parameter {name} is declared in {}",
                    param["in"]
                );
            }
        }
    }
}

/// The published OpenAPI document, whole: any change to the public contract (a path, a field, a
/// schema's name, a description) shows as a snapshot diff to review.
#[test]
fn the_openapi_document_is_the_reviewed_contract() {
    use utoipa::OpenApi;
    let doc = muni_id::web::openapi::ApiDoc::openapi()
        .to_pretty_json()
        .unwrap();
    insta::assert_snapshot!("openapi", doc);
}

#[test]
fn every_operation_declares_its_errors_and_outages() {
    use utoipa::OpenApi;
    let doc = serde_json::to_value(muni_id::web::openapi::ApiDoc::openapi()).unwrap();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            assert!(responses.contains_key("500"), "{method} {path}");
            let needs_database = ![
                "/healthz",
                "/api/openapi.json",
                "/.well-known/jwks.json",
                "/metrics",
            ]
            .contains(&path.as_str());
            assert_eq!(
                responses.contains_key("503"),
                needs_database,
                "{method} {path}"
            );
            if operation.get("requestBody").is_some() {
                for status in ["400", "408", "413", "415"] {
                    assert!(responses.contains_key(status), "{method} {path} {status}");
                }
            }
            for (status, response) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    assert!(
                        response["content"]["application/json"].is_object(),
                        "{method} {path} {status} has no error body"
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn what_a_service_logs_carries_the_request_id() {
    use muni_id::domain::staff::StaffRole;
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let res = app
        .enroll(&clerk, &crate::helpers::resident("Request Span"))
        .await;
    assert_eq!(res.status(), 201);
    let request_id = res.headers()["x-request-id"].to_str().unwrap().to_owned();
    // The enrollment service runs on the blocking pool; its line names the request it served.
    let logs = String::from_utf8_lossy(&crate::helpers::captured_logs()).into_owned();
    let line = logs
        .lines()
        .find(|line| line.contains("resident_enrolled") && line.contains(&request_id));
    assert!(
        line.is_some(),
        "no resident_enrolled line with request id {request_id}"
    );
}
