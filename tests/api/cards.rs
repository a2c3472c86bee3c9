//! Cards end to end: issue → PDF → picture → QR → verify; revocation, replacement, expiry;
//! every kind of bad token is simply not valid; verification leaves no trail.

use std::process::Command;

use chrono::TimeDelta;
use muni_id::crypto::card_token::{self, CardClaims};
use muni_id::crypto::signing::SigningKeys;
use muni_id::domain::staff::StaffRole;
use serde_json::{json, Value};

use crate::helpers::{
    captured_logs, error_code, resident, spawn_app, spawn_app_with, with_debian_fonts, Session,
    TestApp,
};

async fn verify(app: &TestApp, token: &str) -> (u16, Value) {
    let res = app
        .client
        .post(app.url("/api/v1/verify"))
        .json(&json!({"token": token}))
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

async fn is_valid(app: &TestApp, token: &str) -> bool {
    let (status, body) = verify(app, token).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body.as_object().unwrap().len(),
        1,
        "exactly one key: {body}"
    );
    body["valid"].as_bool().unwrap()
}

/// Runs a tool from Debian's poppler-utils or zbar-tools; `bash tests/run.sh` installs them.
fn run_tool(program: &str, args: &[&str]) -> String {
    let output = Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!("{program} is needed for this test ({e}); `bash tests/run.sh` installs poppler-utils and zbar-tools")
    });
    assert!(
        output.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test]
async fn a_printed_cards_qr_code_verifies_until_revoked() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("José Núñez")).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap().to_owned();
    assert_eq!(number.len(), 12);
    assert_eq!(card["status"], "active");
    assert_eq!(card["issued_on"], "2026-11-21");
    assert_eq!(card["expires_on"], "2031-11-20");
    let qr_text = card["qr_text"].as_str().unwrap();
    assert!(
        qr_text.starts_with(&format!("{}/V#", app.address.to_uppercase())),
        "{qr_text}"
    );

    let res = app
        .post_json(&clerk, &format!("/api/v1/cards/{number}/print"), &json!({}))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let pdf = res.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf_path = dir.path().join("card.pdf");
    std::fs::write(&pdf_path, &pdf).unwrap();
    let info = run_tool("pdfinfo", &[pdf_path.to_str().unwrap()]);
    assert!(info.contains("Pages:           2"), "{info}");
    let text = run_tool("pdftotext", &[pdf_path.to_str().unwrap(), "-"]);
    assert!(text.contains("José Núñez"), "{text}");
    let prefix = dir.path().join("page");
    run_tool(
        "pdftoppm",
        &[
            "-r",
            "300",
            "-png",
            pdf_path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let back = dir.path().join("page-2.png");
    let scanned = run_tool("zbarimg", &["--raw", "-q", back.to_str().unwrap()]);
    // The printed QR code holds a token for the same card, signed by the same key (each
    // signature is new: ES256 signatures are randomised, in software as in an HSM).
    let claims = |text: &str| {
        let token = muni_id::crypto::card_token::token_from_text(text).expect("a card token");
        muni_id::crypto::card_token::verify_card_token(&app.ctx.signing, &token)
    };
    assert!(claims(qr_text).is_some());
    assert_eq!(
        claims(scanned.trim()),
        claims(qr_text),
        "the printed QR code holds the card of qr_text"
    );
    assert_eq!(
        scanned.trim().len(),
        qr_text.len(),
        "and is the same size of QR code"
    );

    assert!(is_valid(&app, scanned.trim()).await);
    let bare = qr_text.rsplit_once('#').unwrap().1;
    assert!(is_valid(&app, bare).await, "a bare token verifies too");

    let lookup: Value = app
        .get(&clerk, &format!("/api/v1/cards/{number}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(lookup["status"], "active");
    assert_eq!(lookup["printed"], true);

    let res = app
        .post_json(
            &clerk,
            &format!("/api/v1/cards/{number}/revoke"),
            &json!({"reason": "lost"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.json::<Value>().await.unwrap(),
        json!({"status": "revoked"})
    );
    assert!(!is_valid(&app, qr_text).await);
    let (status, code, _) = error_code(
        app.post_json(
            &clerk,
            &format!("/api/v1/cards/{number}/revoke"),
            &json!({"reason": "lost"}),
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (409, "card_not_active"));
}

#[tokio::test]
async fn a_replacement_revokes_the_old_card() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Łukasz Żółć")).await;
    let first = app.issue_card(&clerk, &id, "new").await;
    app.clock.advance(TimeDelta::minutes(2));
    let second = app.issue_card(&clerk, &id, "replacement_stolen").await;
    assert_ne!(first["card_number"], second["card_number"]);
    assert!(!is_valid(&app, first["qr_text"].as_str().unwrap()).await);
    assert!(is_valid(&app, second["qr_text"].as_str().unwrap()).await);
    let cards: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}/cards"))
        .await
        .json()
        .await
        .unwrap();
    let statuses: Vec<&str> = cards
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["active", "revoked"]);
}

#[tokio::test]
async fn a_card_past_its_expiry_is_not_valid() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut minor = resident("Nguyễn Thị Minh Khai");
    minor["date_of_birth"] = json!("2012-05-05");
    let id = app.enroll_ok(&clerk, &minor).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    assert_eq!(
        card["expires_on"], "2028-11-20",
        "a minor gets the shorter term"
    );
    let qr = card["qr_text"].as_str().unwrap();
    app.clock.advance(TimeDelta::days(365 * 2));
    assert!(is_valid(&app, qr).await, "still valid on its last days");
    app.clock.advance(TimeDelta::days(2));
    assert!(!is_valid(&app, qr).await, "not valid once expired");
    let number = card["card_number"].as_str().unwrap();
    let session = app.session(StaffRole::Clerk).await;
    let lookup: Value = app
        .get(&session, &format!("/api/v1/cards/{number}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(lookup["status"], "expired");
}

#[tokio::test]
async fn forged_altered_and_garbage_tokens_are_simply_not_valid() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Forge Target")).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let qr = card["qr_text"].as_str().unwrap().to_owned();
    let token = card_token::token_from_text(&qr).unwrap();
    let claims = card_token::verify_card_token(&app.ctx.signing, &token).unwrap();

    // One byte changed, everywhere in the token.
    for i in (0..token.len()).step_by(7) {
        let mut altered = token.clone();
        altered[i] ^= 0x01;
        let text = card_token::qr_text(&app.ctx.config.public_base_url, &altered);
        assert!(!is_valid(&app, &text).await, "byte {i} changed");
    }
    // Signed by a key that is not ours.
    let other_dir = tempfile::tempdir().unwrap();
    let (other, _) =
        SigningKeys::open(&other_dir.path().join("k.json"), true, chrono::Utc::now()).unwrap();
    let forged = card_token::sign_card_token(&other, &claims).unwrap();
    assert!(
        !is_valid(
            &app,
            &card_token::qr_text(&app.ctx.config.public_base_url, &forged)
        )
        .await
    );
    // Our key, but an index outside the status list, or another issuer.
    let out_of_range = CardClaims {
        status_index: app.ctx.status_list.size() + 3,
        ..claims.clone()
    };
    let signed = card_token::sign_card_token(&app.ctx.signing, &out_of_range).unwrap();
    assert!(
        !is_valid(
            &app,
            &card_token::qr_text(&app.ctx.config.public_base_url, &signed)
        )
        .await
    );
    let other_issuer = CardClaims {
        issuer: "https://elsewhere.example".into(),
        ..claims.clone()
    };
    let signed = card_token::sign_card_token(&app.ctx.signing, &other_issuer).unwrap();
    assert!(
        !is_valid(
            &app,
            &card_token::qr_text(&app.ctx.config.public_base_url, &signed)
        )
        .await
    );
    // Truncated, random, empty, not base32.
    assert!(!is_valid(&app, &qr[..qr.len() - 10]).await);
    let random: String = (0..300)
        .map(|i| char::from(b'A' + (i * 7 % 26) as u8))
        .collect();
    assert!(!is_valid(&app, &random).await);
    assert!(!is_valid(&app, "").await);
    assert!(!is_valid(&app, "#").await);
    assert!(!is_valid(&app, "ééé not base32 at all 🙂").await);
    // A 1 MB string: refused as too large, not a 500.
    let (status, body) = verify(&app, &"A".repeat(1_000_000)).await;
    assert_eq!(status, 413, "{body}");
    assert_eq!(body["error"]["code"], "payload_too_large");
    // Malformed bodies are the client's error, never a 500.
    let res = app
        .client
        .post(app.url("/api/v1/verify"))
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    // The genuine card still verifies.
    assert!(is_valid(&app, &qr).await);
}

#[tokio::test]
async fn verification_leaves_no_trail() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Trail Free")).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap().to_owned();
    let qr = card["qr_text"].as_str().unwrap().to_owned();
    let token_part = qr.rsplit_once('#').unwrap().1.to_owned();
    let audit_before = app.count_rows("audit_log");
    for _ in 0..3 {
        assert!(is_valid(&app, &qr).await);
    }
    assert!(!is_valid(&app, "garbage").await);
    assert_eq!(
        app.count_rows("audit_log"),
        audit_before,
        "verification writes nothing"
    );
    let metrics = app.metrics().await;
    assert!(
        metrics.contains("muni_id_verifications_valid_total 3"),
        "{metrics}"
    );
    assert!(
        metrics.contains("muni_id_verifications_not_valid_total 1"),
        "{metrics}"
    );
    assert!(!metrics.contains(&number));
    let logs = String::from_utf8_lossy(&captured_logs()).into_owned();
    assert!(!logs.contains(&number), "the card number is never logged");
    assert!(
        !logs.contains(&token_part[..40]),
        "the token is never logged"
    );
}

#[tokio::test]
async fn verification_is_throttled_per_client() {
    let app = spawn_app_with(|c| c.verification.max_checks_per_minute = 3).await;
    for _ in 0..3 {
        assert_eq!(verify(&app, "x").await.0, 200);
    }
    let (status, body) = verify(&app, "x").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (429, Some("too_many_requests"))
    );
}

#[tokio::test]
async fn the_status_list_and_keys_are_published_for_offline_checks() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Status Bit")).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let token = card_token::token_from_text(card["qr_text"].as_str().unwrap()).unwrap();
    let claims = card_token::verify_card_token(&app.ctx.signing, &token).unwrap();
    assert_eq!(claims.status_uri, format!("{}/status/1", app.address));

    let fetch_bit = || async {
        let res = app.client.get(&claims.status_uri).send().await.unwrap();
        assert_eq!(res.headers()["content-type"], "application/statuslist+cwt");
        assert!(res.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age"));
        let signed = res.bytes().await.unwrap();
        let list = card_token::verify_status_list(&app.ctx.signing, &signed).unwrap();
        assert_eq!(list.uri, claims.status_uri);
        muni_id::crypto::status_list::bit_in_published(&list.compressed, claims.status_index)
            .unwrap()
    };
    assert!(!fetch_bit().await, "an active card's bit is 0");
    let number = card["card_number"].as_str().unwrap();
    app.post_json(
        &clerk,
        &format!("/api/v1/cards/{number}/revoke"),
        &json!({"reason": "stolen"}),
    )
    .await;
    // The published list is re-signed when a bit changes; wait out the client-side cache by
    // asking the server directly.
    assert!(fetch_bit().await, "a revoked card's bit is 1");

    let jwks_res = app
        .client
        .get(app.url("/.well-known/jwks.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(jwks_res.headers()["access-control-allow-origin"], "*");
    let jwks: Value = jwks_res.json().await.unwrap();
    let key = &jwks["keys"][0];
    assert_eq!(
        (
            key["kty"].as_str(),
            key["crv"].as_str(),
            key["alg"].as_str()
        ),
        (Some("EC"), Some("P-256"), Some("ES256"))
    );
    assert_eq!(
        app.client
            .get(app.url("/status/2"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test]
async fn card_numbers_with_a_wrong_check_digit_are_refused() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Check Digit")).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap();
    let mut typo: Vec<u8> = number.bytes().collect();
    typo[3] = if typo[3] == b'9' { b'0' } else { typo[3] + 1 };
    let typo = String::from_utf8(typo).unwrap();
    let (status, code, _) =
        error_code(app.get(&clerk, &format!("/api/v1/cards/{typo}")).await).await;
    assert_eq!((status, code.as_str()), (422, "invalid_card_number"));
    let (status, code, _) = error_code(app.get(&clerk, "/api/v1/cards/12345").await).await;
    assert_eq!((status, code.as_str()), (422, "invalid_card_number"));
}

#[tokio::test]
async fn a_name_in_a_script_the_card_cannot_print_is_refused_at_enrollment_naming_it() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let (status, code, body) = error_code(
        app.post_json(&clerk, "/api/v1/residents", &resident("Ana ሰላም"))
            .await,
    )
    .await;
    assert_eq!(
        (status, code.as_str()),
        (422, "unsupported_script"),
        "{body}"
    );
    assert_eq!(body["error"]["field"], "legal_name");
    assert_eq!(body["error"]["script"], "Ethiopic");
    assert_eq!(body["error"]["position"], 5);
    assert_eq!(app.count_rows("residents"), 0);

    // A change to a name the card cannot print is refused the same way, and changes nothing.
    let id = app.enroll_ok(&clerk, &resident("Ana Tesfaye")).await;
    let (status, code, body) = error_code(
        app.patch_json(
            &clerk,
            &format!("/api/v1/residents/{id}"),
            &json!({"preferred_name": "김민준"}),
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, code.as_str()),
        (422, "unsupported_script"),
        "{body}"
    );
    assert_eq!(body["error"]["field"], "preferred_name");
    assert_eq!(body["error"]["script"], "Hangul");
    let record: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(record["preferred_name"], "Pepe");
}

#[tokio::test]
async fn with_a_font_folder_ethiopic_and_korean_names_enroll_and_print_as_written() {
    let app = spawn_app_with(with_debian_fonts).await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut body = resident("ሰላም ተስፋዬ");
    body["preferred_name"] = json!("김민준");
    let id = app.enroll_ok(&clerk, &body).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap();
    let pdf = app
        .post_json(&clerk, &format!("/api/v1/cards/{number}/print"), &json!({}))
        .await;
    assert_eq!(pdf.status(), 200);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("card.pdf");
    std::fs::write(&path, pdf.bytes().await.unwrap()).unwrap();
    let text = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("ሰላም ተስፋዬ") && text.contains("김민준"),
        "{text}"
    );
}

#[tokio::test]
async fn many_cards_print_into_one_pdf() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut numbers = Vec::new();
    for name in ["Ana One", "Ben Two", "Cy Three"] {
        let id = app.enroll_ok(&clerk, &resident(name)).await;
        numbers.push(app.issue_card(&clerk, &id, "new").await["card_number"].clone());
    }
    let res = app
        .post_json(
            &clerk,
            "/api/v1/cards/print",
            &json!({"card_numbers": numbers}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let pdf = res.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("batch.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let info = run_tool("pdfinfo", &[path.to_str().unwrap()]);
    assert!(info.contains("Pages:           6"), "{info}");
    let (status, code, _) = error_code(
        app.post_json(&clerk, "/api/v1/cards/print", &json!({"card_numbers": []}))
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "invalid_batch"));
}

#[tokio::test]
async fn the_verifier_page_is_served_at_both_cases_with_a_strict_policy() {
    let app = spawn_app().await;
    for path in ["/v", "/V"] {
        let res = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 200);
        let csp = res.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe"),
            "{csp}"
        );
        let html = res.text().await.unwrap();
        assert!(html.contains("/assets/verifier.js"));
        assert!(!html.contains("<script>"), "no inline script");
    }
    let js = app
        .client
        .get(app.url("/assets/verifier.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        js.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
}

/// The interpreter of the venv `bash tests/run.sh` makes with pycose (override with
/// MUNI_ID_INTEROP_PYTHON).
fn interop_python() -> String {
    std::env::var("MUNI_ID_INTEROP_PYTHON").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/interop/.venv/bin/python"
        )
        .to_owned()
    })
}

/// Runs the pycose check on the published JWKS, a QR text and a status list.
fn pycose_check(dir: &std::path::Path, jwks: &[u8], qr_text: &str, status_list: &[u8]) -> Value {
    let (jwks_path, qr_path, list_path) = (
        dir.join("jwks.json"),
        dir.join("qr.txt"),
        dir.join("status.cwt"),
    );
    std::fs::write(&jwks_path, jwks).unwrap();
    std::fs::write(&qr_path, qr_text).unwrap();
    std::fs::write(&list_path, status_list).unwrap();
    let python = interop_python();
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/interop/verify_with_pycose.py"
    );
    let output = Command::new(&python)
        .args([
            script,
            jwks_path.to_str().unwrap(),
            qr_path.to_str().unwrap(),
            list_path.to_str().unwrap(),
        ])
        .output()
        .unwrap_or_else(|e| panic!("{python}: {e}; `bash tests/run.sh` creates the pycose venv"));
    assert!(
        output.status.success(),
        "pycose: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[tokio::test]
async fn a_cose_library_that_is_not_ours_verifies_card_and_status_list_from_the_jwks() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Interop Person")).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let qr_text = card["qr_text"].as_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let fetch = |path: &str| {
        let request = app.client.get(app.url(path));
        async move {
            request
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap()
                .to_vec()
        }
    };
    let jwks = fetch("/.well-known/jwks.json").await;

    let result = pycose_check(dir.path(), &jwks, qr_text, &fetch("/status/1").await);
    assert_eq!(result["signature_valid"], true);
    assert_eq!(result["iss"], app.address.as_str());
    assert_eq!(result["sub"], card["card_number"]);
    assert_eq!(
        result["claim_keys"],
        json!([1, 2, 4, 6, 65535]),
        "nothing but the five claims"
    );
    assert_eq!(result["status_uri"], result["list_sub"]);
    assert!(result["list_entries"].as_u64().unwrap() >= 131_072);
    assert_eq!(result["status_bit"], 0);

    let number = card["card_number"].as_str().unwrap();
    app.post_json(
        &clerk,
        &format!("/api/v1/cards/{number}/revoke"),
        &json!({"reason": "damaged"}),
    )
    .await;
    let result = pycose_check(dir.path(), &jwks, qr_text, &fetch("/status/1").await);
    assert_eq!(
        result["status_bit"], 1,
        "the revoked card's bit is set in the published list"
    );
}

#[tokio::test]
async fn names_too_long_for_the_card_are_refused_before_issue() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut long = resident(&"Bartholomew-Maximilian ".repeat(6));
    long["preferred_name"] = json!("Wolfeschlegelsteinhausenbergerdorff ".repeat(4));
    let id = app.enroll_ok(&clerk, &long).await;
    let (status, code, body) = error_code(
        app.post_json(
            &clerk,
            &format!("/api/v1/residents/{id}/cards"),
            &json!({"reason": "new"}),
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "does_not_fit"), "{body}");
    assert_eq!(app.count_rows("cards"), 0);
}

#[tokio::test]
async fn a_stale_status_list_is_rebuilt_once_however_many_checks_arrive() {
    let app = crate::helpers::spawn_app_with(|c| {
        c.cards.status_list_refresh_secs = 2;
        c.verification.max_checks_per_minute = 1000;
    })
    .await;
    // Enough revoked cards that a rebuild takes a while, as it does in a large program.
    let (date, stamp) = if app.database.is_postgres() {
        (
            "CAST('2026-01-01' AS DATE)",
            "CAST('2026-01-01' AS TIMESTAMP)",
        )
    } else {
        ("'2026-01-01'", "'2026-01-01 00:00:00'")
    };
    {
        use diesel::connection::SimpleConnection;
        app.ctx
            .db()
            .unwrap()
            .batch_execute(&format!(
                "INSERT INTO cards (card_number, status, status_index, issued_on, expires_on, issued_at) \
                 WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 129999) \
                 SELECT 'T' || i, 'revoked', i, {date}, {date}, {stamp} FROM n"
            ))
            .unwrap();
    }
    let before = app.ctx.status_list.reloads();
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert!(app.ctx.status_list.is_stale());
    let checks = (0..24).map(|_| verify(&app, "x"));
    for (status, _) in futures_util::future::join_all(checks).await {
        assert_eq!(status, 200);
    }
    assert_eq!(app.ctx.status_list.reloads() - before, 1);
}

/// A status list made smaller than the indices cards already hold would make those cards check
/// as not valid: a server configured so refuses to start and says what to set, and the
/// database is left as it was.
#[tokio::test]
async fn a_server_whose_status_list_is_smaller_than_its_cards_indices_refuses_to_start() {
    use diesel::prelude::*;
    use muni_id::db::schema::cards;
    let app = spawn_app_with(|c| c.cards.status_list_size = 1 << 20).await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Large List")).await;
    let number = app.issue_card(&clerk, &id, "new").await["card_number"]
        .as_str()
        .unwrap()
        .to_owned();
    // Wherever the draw put it, the card's index lies beyond the smallest list.
    diesel::update(cards::table.find(&number))
        .set(cards::status_index.eq(900_000_i64))
        .execute(&mut *app.ctx.db().unwrap())
        .unwrap();

    let mut smaller = (*app.ctx.config).clone();
    smaller.cards.status_list_size = 131_072;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let clock = std::sync::Arc::new(muni_id::clock::ManualClock::new(
        crate::helpers::test_start(),
    ));
    let Err(refused) = muni_id::startup::Application::build_with_listener(smaller, clock, listener)
    else {
        panic!("a server started with a status list smaller than its cards' indices");
    };
    let said = format!("{refused:#}");
    assert!(said.contains("status-list index 900000"), "{said}");
    assert!(said.contains("cards.status_list_size is 131072"), "{said}");
    let index: i64 = cards::table
        .find(&number)
        .select(cards::status_index)
        .first(&mut *app.ctx.db().unwrap())
        .unwrap();
    assert_eq!(index, 900_000);
}

/// Another instance's revocation (written to the database, not to this instance's list) is
/// found by the next refresh, which reads the cards revoked since its last read: the list is
/// not rebuilt from every revoked card, and a card revoked before that read stays revoked. A
/// card revoked and made a tombstone (its revocation time cut to the day) is found too.
#[tokio::test]
async fn a_refresh_reads_only_the_revocations_since_the_last_and_finds_another_instances() {
    let app = crate::helpers::spawn_app_with(|c| {
        c.cards.status_list_refresh_secs = 1;
    })
    .await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut qr = Vec::new();
    let mut ids = Vec::new();
    for name in [
        "Revoked Here",
        "Revoked Elsewhere",
        "Never Revoked",
        "Revoked And Destroyed",
    ] {
        let id = app.enroll_ok(&clerk, &resident(name)).await;
        let card = app.issue_card(&clerk, &id, "new").await;
        qr.push((
            card["card_number"].as_str().unwrap().to_owned(),
            card["qr_text"].as_str().unwrap().to_owned(),
        ));
        ids.push(id);
    }
    let rebuilds = app.ctx.status_list.rebuilds();
    let res = app
        .post_json(
            &clerk,
            &format!("/api/v1/cards/{}/revoke", qr[0].0),
            &json!({"reason": "lost"}),
        )
        .await;
    assert_eq!(res.status(), 200);
    assert!(
        !is_valid(&app, &qr[0].1).await,
        "revoked here: not valid at once"
    );
    // Another instance revokes: only the database changes.
    let now = muni_id::clock::Clock::now(app.clock.as_ref()).naive_utc();
    let mut conn = app.ctx.db().unwrap();
    assert_eq!(
        muni_id::db::cards::revoke(&mut conn, &qr[1].0, now, "stolen").unwrap(),
        1
    );
    drop(conn);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert!(
        !is_valid(&app, &qr[1].1).await,
        "revoked elsewhere: found by the refresh"
    );
    assert!(!is_valid(&app, &qr[0].1).await, "still revoked");
    assert!(is_valid(&app, &qr[2].1).await);
    // Another instance's purge revokes an uncollected card and destroys its resident in one
    // run: the tombstone's revocation time is cut to the day, hours before the last read.
    let now = muni_id::clock::Clock::now(app.clock.as_ref()).naive_utc();
    let mut conn = app.ctx.db().unwrap();
    muni_id::db::cards::revoke(&mut conn, &qr[3].0, now, "uncollected").unwrap();
    muni_id::db::cards::make_tombstones(&mut conn, &ids[3..]).unwrap();
    drop(conn);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert!(
        !is_valid(&app, &qr[3].1).await,
        "revoked and made a tombstone elsewhere: found by the refresh"
    );
    assert_eq!(
        app.ctx.status_list.rebuilds(),
        rebuilds,
        "refreshed from the revocations since the last read, not rebuilt"
    );
}

#[tokio::test]
async fn a_card_is_not_valid_from_its_expiry_second_as_the_verifier_page_judges() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Expiry Second")).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let qr = card["qr_text"].as_str().unwrap();
    let token = card_token::token_from_text(qr).unwrap();
    let claims = card_token::verify_card_token(&app.ctx.signing, &token).unwrap();
    let at = |secs: i64| chrono::DateTime::from_timestamp(secs, 0).unwrap();
    app.clock.set(at(claims.expires_at - 1));
    assert!(is_valid(&app, qr).await, "valid in its last second");
    // templates/verifier/verifier.js: `if (now >= claims.exp) … 'expired'`.
    app.clock.set(at(claims.expires_at));
    assert!(!is_valid(&app, qr).await, "not valid at its expiry second");
}

async fn renew(app: &TestApp, clerk: &crate::helpers::Session, id: &str) -> reqwest::Response {
    let path = format!("/api/v1/residents/{id}/cards");
    app.post_json(
        clerk,
        &path,
        &json!({"reason": "renewal", "fee": {"outcome": "paid"}}),
    )
    .await
}

/// Moves the test clock to `days` after `date`.
fn move_clock_to(app: &TestApp, date: chrono::NaiveDate, days: i64) {
    let today = muni_id::clock::Clock::today(&*app.clock);
    app.clock
        .advance(TimeDelta::days((date - today).num_days() + days));
}

/// Issue 12: a renewal only within the renewal window of the resident's last card (60 days
/// before its expiry to 183 after); outside it, a new application. A mailed card that never
/// arrived is replaced, and revoked as lost.
#[tokio::test]
async fn a_renewal_only_within_its_window_and_a_card_never_received_is_revoked_as_lost() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Rosa Renewal")).await;
    let outside = |res| async move {
        let (status, code, _) = error_code(res).await;
        assert_eq!((status, code.as_str()), (409, "outside_renewal_window"));
    };

    // No card to renew.
    outside(renew(&app, &clerk, &id).await).await;
    assert_eq!(app.count_rows("cards"), 0);

    let first = app.issue_card(&clerk, &id, "new").await;
    let expires: chrono::NaiveDate = first["expires_on"].as_str().unwrap().parse().unwrap();
    // Years before its expiry: not yet.
    outside(renew(&app, &clerk, &id).await).await;
    assert_eq!(app.count_rows("cards"), 1);

    // A month before it expires: renewed, the old card superseded.
    move_clock_to(&app, expires, -30);
    let clerk = app.session(StaffRole::Clerk).await;
    let res = renew(&app, &clerk, &id).await;
    assert_eq!(res.status(), 201);
    let renewed: Value = res.json().await.unwrap();
    let first_number = first["card_number"].as_str().unwrap();
    let old = app
        .get(&clerk, &format!("/api/v1/cards/{first_number}"))
        .await;
    assert_eq!(old.json::<Value>().await.unwrap()["status"], "revoked");

    // A card never printed was never mailed: it cannot have gone missing in the post.
    let (status, code, _) = error_code(
        app.post_json(
            &clerk,
            &format!("/api/v1/residents/{id}/cards"),
            &json!({"reason": "replacement_never_received"}),
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (409, "no_card_to_replace"));
    let renewed_number = renewed["card_number"].as_str().unwrap();
    let printed = app
        .post_json(
            &clerk,
            &format!("/api/v1/cards/{renewed_number}/print"),
            &json!({}),
        )
        .await;
    assert_eq!(printed.status(), 200);

    // A mailed card that never arrived: replaced, and the missing one revoked as lost.
    let replacement = app
        .issue_card(&clerk, &id, "replacement_never_received")
        .await;
    let revoke_reason = {
        use diesel::prelude::*;
        use muni_id::db::schema::cards;
        cards::table
            .filter(cards::card_number.eq(renewed["card_number"].as_str().unwrap()))
            .select(cards::revoke_reason)
            .first::<Option<String>>(&mut *app.ctx.db().unwrap())
            .unwrap()
    };
    assert_eq!(revoke_reason.as_deref(), Some("lost"));

    // Long after the last card expired: a new application, not a renewal.
    let last: chrono::NaiveDate = replacement["expires_on"].as_str().unwrap().parse().unwrap();
    move_clock_to(&app, last, 184);
    let clerk = app.session(StaffRole::Clerk).await;
    outside(renew(&app, &clerk, &id).await).await;
    app.issue_card(&clerk, &id, "new").await;
}

async fn record_of(app: &TestApp, session: &Session, path: &str) -> Value {
    app.get(session, path).await.json().await.unwrap()
}

/// The text of a card PDF as `pdftotext` reads it, without whitespace (labels may wrap).
async fn card_text(app: &TestApp, session: &Session, number: &str) -> String {
    let pdf = app
        .get(session, &format!("/api/v1/cards/{number}/pdf"))
        .await;
    assert_eq!(pdf.status(), 200);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("card.pdf");
    std::fs::write(&path, pdf.bytes().await.unwrap()).unwrap();
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8(output.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A resident may have the card's words printed in a second page language under the card's
/// own: chosen at enrollment, shown on the record, printed, changed and removed with a PATCH.
/// A language the card does not offer (not a page language, the card's own, not a tag, or
/// Korean without the font folder) is refused, naming the field, and nothing is stored.
/// A second language on the card leaves the name less room: a change that would make the
/// resident's card no longer fit is refused, naming what changed, and nothing is stored.
#[tokio::test]
async fn a_change_that_would_no_longer_fit_on_the_card_is_refused() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut body = resident(&"Bartholomew-Maximilian ".repeat(2));
    body["preferred_name"] = json!("Wolfeschlegelsteinhausenbergerdorff ".repeat(3).trim());
    let id = app.enroll_ok(&clerk, &body).await;
    app.issue_card(&clerk, &id, "new").await;
    let record = format!("/api/v1/residents/{id}");
    let before = record_of(&app, &clerk, &record).await;

    let (status, code, body) = error_code(
        app.patch_json(&clerk, &record, &json!({"card_language": "ar"}))
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "does_not_fit"), "{body}");
    assert_eq!(body["error"]["field"], "card_language", "{body}");
    let longer = json!({"legal_name": "Bartholomew-Maximilian ".repeat(5).trim()});
    let (status, code, body) = error_code(app.patch_json(&clerk, &record, &longer).await).await;
    assert_eq!((status, code.as_str()), (422, "does_not_fit"), "{body}");
    assert_eq!(
        record_of(&app, &clerk, &record).await,
        before,
        "nothing changed"
    );

    // A shorter preferred name makes room for the second language, in one change.
    let fits = json!({
        "card_language": "ar",
        "preferred_name": "Wolfeschlegelsteinhausenbergerdorff Wolfe",
    });
    let res = app.patch_json(&clerk, &record, &fits).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        record_of(&app, &clerk, &record).await["card_language"],
        "ar"
    );
    app.issue_card(&clerk, &id, "update").await;
}

#[tokio::test]
async fn the_card_prints_its_words_in_a_second_language_the_resident_chooses() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    for bad in ["de", "en", "not a tag", "ko"] {
        let mut body = resident("Ana Second");
        body["card_language"] = json!(bad);
        let (status, code, body) =
            error_code(app.post_json(&clerk, "/api/v1/residents", &body).await).await;
        assert_eq!((status, code.as_str()), (422, "invalid_language"), "{bad}");
        assert_eq!(body["error"]["field"], "card_language", "{body}");
    }
    assert_eq!(app.count_rows("residents"), 0);

    let mut body = resident("Ana Second");
    body["card_language"] = json!("es");
    let id = app.enroll_ok(&clerk, &body).await;
    let record = format!("/api/v1/residents/{id}");
    assert_eq!(
        record_of(&app, &clerk, &record).await["card_language"],
        "es"
    );
    let card = app.issue_card(&clerk, &id, "new").await;
    let number = card["card_number"].as_str().unwrap();
    let text = card_text(&app, &clerk, number).await;
    for word in ["DATEOFBIRTH", "FECHADENACIMIENTO", "IDENTIFICATIONCARD"] {
        assert!(text.contains(word), "{word} missing from {text}");
    }

    let res = app
        .patch_json(&clerk, &record, &json!({"card_language": "zh-Hant"}))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        record_of(&app, &clerk, &record).await["card_language"],
        "zh-Hant"
    );
    let text = card_text(&app, &clerk, number).await;
    assert!(
        text.contains("出生日期") && !text.contains("FECHA"),
        "{text}"
    );

    // A refused change leaves the choice as it was.
    let (status, code, _) = error_code(
        app.patch_json(&clerk, &record, &json!({"card_language": "xx"}))
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "invalid_language"));
    assert_eq!(
        record_of(&app, &clerk, &record).await["card_language"],
        "zh-Hant"
    );

    let res = app
        .patch_json(&clerk, &record, &json!({"card_language": null}))
        .await;
    assert_eq!(res.status(), 200);
    assert!(record_of(&app, &clerk, &record)
        .await
        .get("card_language")
        .is_none());
    let text = card_text(&app, &clerk, number).await;
    assert!(
        text.contains("DATEOFBIRTH") && !text.contains("出生日期"),
        "{text}"
    );
}

/// A city whose card language is Spanish prints its cards in Spanish, with Spanish dates and
/// the resident's languages named in Spanish.
#[tokio::test]
async fn a_city_prints_its_cards_in_the_card_language_it_configures() {
    let app = spawn_app_with(|config| config.card_design.language = "es".into()).await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut body = resident("Ana Ciudad");
    body["languages"] = json!(["ko", "pt-BR"]);
    let id = app.enroll_ok(&clerk, &body).await;
    let card = app.issue_card(&clerk, &id, "new").await;
    let text = card_text(&app, &clerk, card["card_number"].as_str().unwrap()).await;
    assert!(
        text.contains("FECHADENACIMIENTO") && !text.contains("DATEOFBIRTH"),
        "{text}"
    );
    // resident(): born 1 April 1990.
    assert!(text.contains("1abr1990"), "{text}");
    assert!(
        text.contains("IDIOMAScoreano,portugués(pt-BR)") && !text.contains("Korean"),
        "{text}"
    );
}
