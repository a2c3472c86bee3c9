use base64::Engine;
use muni_id::domain::staff::StaffRole;
use serde_json::{json, Value};

use crate::helpers::{error_code, photo_base64, resident, spawn_app, spawn_app_with};

#[tokio::test]
async fn enrolls_names_in_many_scripts_exactly_as_written() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    for name in [
        "José Núñez",
        "Nguyễn Thị Minh Khai",
        "Łukasz Żółć",
        "محمد الأمين",
        "王小明",
    ] {
        let id = app.enroll_ok(&clerk, &resident(name)).await;
        let res = app.get(&clerk, &format!("/api/v1/residents/{id}")).await;
        assert_eq!(res.status(), 200);
        let view: Value = res.json().await.unwrap();
        assert_eq!(view["legal_name"], name);
        assert_eq!(view["preferred_name"], "Pepe");
        assert_eq!(view["date_of_birth"], "1990-04-01");
        assert_eq!(view["gender"], "X");
        assert_eq!(view["languages"], json!(["es", "en"]));
        assert_eq!(view["address"]["line1"], "12 Elm St");
        assert_eq!(view["emergency_contact"]["phone"], "+1 413 555 0100");
        assert_eq!(view["organ_donor"], true);
        assert_eq!(view["identity_points_met"], true);
        assert!(view.get("photo").is_none(), "no photo bytes in the record");
    }
    assert_eq!(app.count_rows("residents"), 5);
}

#[tokio::test]
async fn the_photo_comes_back_as_a_clean_jpeg() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Photo Person")).await;
    let res = app
        .get(&clerk, &format!("/api/v1/residents/{id}/photo"))
        .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "image/jpeg");
    let bytes = res.bytes().await.unwrap();
    let picture = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg).unwrap();
    assert_eq!((picture.width(), picture.height()), (300, 400));
}

#[tokio::test]
async fn a_care_of_address_and_a_minimal_record_are_accepted() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut body = json!({
        "legal_name": "Minimal Person",
        "date_of_birth": "2000-01-31",
        "photo": photo_base64(),
        "documents": ["consular_id", "birth_certificate", "shelter_letter"],
        "address": {"care_of": "Harbor Family Shelter", "city": "Springfield"},
    });
    let id = app.enroll_ok(&clerk, &body).await;
    let view: Value = app
        .get(&clerk, &format!("/api/v1/residents/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        view["address"],
        json!({"care_of": "Harbor Family Shelter", "city": "Springfield"})
    );
    assert_eq!(view["gender"], Value::Null);
    assert_eq!(view["languages"], json!([]));
    body["legal_name"] = json!("Other Person");
    body.as_object_mut().unwrap().remove("address");
    app.enroll_ok(&clerk, &body).await;
}

#[tokio::test]
async fn too_few_points_is_refused_with_the_totals() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut body = resident("Short Of Points");
    body["documents"] = json!(["birth_certificate", "utility_bill"]);
    let (status, code, body) = error_code(app.enroll(&clerk, &body).await).await;
    assert_eq!((status, code.as_str()), (422, "insufficient_proof"));
    assert_eq!(body["error"]["identity_points"], 1);
    assert_eq!(body["error"]["residency_points"], 1);
    assert_eq!(
        body["error"]["required"],
        json!({"identity_points": 3, "residency_points": 1})
    );
    let mut no_residency = resident("No Residency");
    no_residency["documents"] = json!(["passport"]);
    let (status, code, _) = error_code(app.enroll(&clerk, &no_residency).await).await;
    assert_eq!((status, code.as_str()), (422, "insufficient_proof"));
    assert_eq!(app.count_rows("residents"), 0);
}

#[tokio::test]
async fn an_unknown_document_kind_is_refused() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut body = resident("Unknown Doc");
    body["documents"] = json!(["passport", "utility_bill", "library_card"]);
    let (status, code, body) = error_code(app.enroll(&clerk, &body).await).await;
    assert_eq!((status, code.as_str()), (422, "unknown_document_kind"));
    assert_eq!(body["error"]["document"], "library_card");
    assert_eq!(app.count_rows("residents"), 0);
}

#[tokio::test]
async fn fields_the_program_must_never_keep_are_rejected_and_nothing_is_stored() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let audit_before = app.count_rows("audit_log");
    for field in [
        "immigration_status",
        "citizenship",
        "country_of_birth",
        "ssn",
        "passport_number",
    ] {
        let mut body = resident("Smuggled Field");
        body[field] = json!("anything");
        let (status, code, body) = error_code(app.enroll(&clerk, &body).await).await;
        assert_eq!((status, code.as_str()), (400, "unknown_field"), "{field}");
        assert_eq!(body["error"]["field"], field);
    }
    let mut nested = resident("Smuggled Nested");
    nested["address"]["immigration_status"] = json!("x");
    let (status, code, _) = error_code(app.enroll(&clerk, &nested).await).await;
    assert_eq!((status, code.as_str()), (400, "unknown_field"));
    assert_eq!(app.count_rows("residents"), 0);
    assert_eq!(app.count_rows("resident_photos"), 0);
    assert_eq!(app.count_rows("audit_log"), audit_before);
}

#[tokio::test]
async fn each_kind_of_bad_input_has_its_own_code_and_stores_nothing() {
    let app = spawn_app_with(|c| c.server.max_body_bytes = 200_000).await;
    let clerk = app.session(StaffRole::Clerk).await;
    let with = |key: &str, value: Value| {
        let mut body = resident("Bad Input");
        body[key] = value;
        body
    };
    let not_an_image =
        base64::engine::general_purpose::STANDARD.encode(b"%PDF-1.4 this is not a photo");
    let cases: Vec<(Value, u16, &str)> = vec![
        (
            with("date_of_birth", json!("1990-02-30")),
            422,
            "invalid_date",
        ),
        (
            with("date_of_birth", json!("04/01/1990")),
            422,
            "invalid_date",
        ),
        (
            with("date_of_birth", json!("2031-01-01")),
            422,
            "date_of_birth_in_future",
        ),
        (
            with("date_of_birth", json!("2020-01-01")),
            422,
            "below_minimum_age",
        ),
        (
            with("photo", json!(not_an_image)),
            415,
            "unsupported_photo_format",
        ),
        (
            with("photo", json!("***not base64***")),
            422,
            "invalid_photo",
        ),
        (with("gender", json!("Q")), 422, "invalid_gender"),
        (
            with("languages", json!(["es", "en", "fr"])),
            422,
            "too_many_languages",
        ),
        (
            with("languages", json!(["Spanish"])),
            422,
            "invalid_language",
        ),
        (with("legal_name", json!("   ")), 422, "invalid_name"),
        (with("veteran", json!("yes")), 400, "invalid_field_type"),
        (
            with("address", json!({"line1": "1 A St", "care_of": "Shelter"})),
            422,
            "invalid_address",
        ),
    ];
    for (body, status, code) in cases {
        let (got_status, got_code, full) = error_code(app.enroll(&clerk, &body).await).await;
        assert_eq!((got_status, got_code.as_str()), (status, code), "{full}");
        assert!(full["error"]["message"].as_str().unwrap().len() > 10);
    }
    let mut missing = resident("Missing");
    missing.as_object_mut().unwrap().remove("legal_name");
    let (status, code, _) = error_code(app.enroll(&clerk, &missing).await).await;
    assert_eq!((status, code.as_str()), (400, "missing_field"));

    let (status, code, _) = error_code(
        app.post_raw(&clerk, "/api/v1/residents", b"{\"legal_name\": ".to_vec())
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (400, "malformed_json"));

    let huge = format!("{{\"legal_name\": \"{}\"}}", "a".repeat(300_000));
    let (status, code, _) = error_code(
        app.post_raw(&clerk, "/api/v1/residents", huge.into_bytes())
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (413, "payload_too_large"));

    let res = app
        .client
        .post(app.url("/api/v1/residents"))
        .bearer_auth(&clerk.token)
        .header("content-type", "text/plain")
        .body("legal_name=x")
        .send()
        .await
        .unwrap();
    let (status, code, _) = error_code(res).await;
    assert_eq!((status, code.as_str()), (415, "unsupported_media_type"));

    assert_eq!(app.count_rows("residents"), 0);
    assert_eq!(app.count_rows("resident_photos"), 0);
}

#[tokio::test]
async fn every_problem_in_one_request_is_reported_at_once_in_form_order() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let mut body = resident("   ");
    body["date_of_birth"] = json!("1990-02-30");
    body["languages"] = json!(["Spanish"]);
    body["documents"] = json!(["birth_certificate"]);
    body["photo"] =
        json!(base64::engine::general_purpose::STANDARD.encode(b"%PDF-1.4 not a photo"));
    let (status, code, full) = error_code(app.enroll(&clerk, &body).await).await;
    // The first problem is the answer, as when it is the only one.
    assert_eq!((status, code.as_str()), (422, "invalid_name"), "{full}");
    assert_eq!(full["error"]["field"], "legal_name");
    let fields = full["error"]["fields"]
        .as_array()
        .expect("every problem listed");
    let listed: Vec<(&str, &str)> = fields
        .iter()
        .map(|f| (f["field"].as_str().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        listed,
        [
            ("legal_name", "invalid_name"),
            ("date_of_birth", "invalid_date"),
            ("languages", "invalid_language"),
            ("documents", "insufficient_proof"),
            ("photo", "unsupported_photo_format"),
        ]
    );
    // Each entry carries its own details and a message that repeats no submitted value.
    assert_eq!(fields[3]["identity_points"], 1);
    assert_eq!(fields[3]["required"]["identity_points"], 3);
    for field in fields {
        let message = field["message"].as_str().unwrap();
        assert!(
            message.len() > 10 && !message.contains("Spanish"),
            "{message}"
        );
    }
    assert_eq!(app.count_rows("residents"), 0);
    assert_eq!(app.count_rows("resident_photos"), 0);

    // A single problem keeps the plain answer, with no list.
    let mut one = resident("One Problem");
    one["date_of_birth"] = json!("1990-02-30");
    let (_, code, full) = error_code(app.enroll(&clerk, &one).await).await;
    assert_eq!(code, "invalid_date");
    assert!(full["error"].get("fields").is_none(), "{full}");

    // A change with two bad fields lists both and changes nothing.
    let id = app.enroll_ok(&clerk, &resident("Patch Target")).await;
    let path = format!("/api/v1/residents/{id}");
    let (status, code, full) = error_code(
        app.patch_json(
            &clerk,
            &path,
            &json!({"gender": "Q", "emergency_contact": {"name": "Ana", "phone": "call me"}}),
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "invalid_gender"), "{full}");
    assert_eq!(
        full["error"]["fields"][1]["field"],
        "emergency_contact.phone"
    );
    let after: Value = app.get(&clerk, &path).await.json().await.unwrap();
    assert_eq!(after["gender"], "X");
}

#[tokio::test]
async fn a_possible_duplicate_is_reported_until_confirmed() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let first = app.enroll_ok(&clerk, &resident("José Núñez")).await;
    // Same person by the rules of the blind index: case and spacing do not matter.
    let mut again = resident("JOSÉ  NÚÑEZ");
    let (status, code, body) = error_code(app.enroll(&clerk, &again).await).await;
    assert_eq!((status, code.as_str()), (409, "possible_duplicate"));
    assert_eq!(body["error"]["resident_id"], first.as_str());
    assert_eq!(app.count_rows("residents"), 1);
    again["confirm_not_duplicate"] = json!(true);
    let second = app.enroll_ok(&clerk, &again).await;
    assert_ne!(first, second);
    // A different birth date is a different person.
    let mut other = resident("José Núñez");
    other["date_of_birth"] = json!("1990-04-02");
    app.enroll_ok(&clerk, &other).await;
}

#[tokio::test]
async fn search_finds_exact_matches_only() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app
        .enroll_ok(&clerk, &resident("Nguyễn Thị Minh Khai"))
        .await;
    let search = |name: &str, dob: &str| json!({"legal_name": name, "date_of_birth": dob});
    let found: Value = app
        .post_json(
            &clerk,
            "/api/v1/residents/search",
            &search("nguyễn thị minh khai", "1990-04-01"),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found, json!({"matches": [{"resident_id": id}]}));
    for (name, dob) in [
        ("Nguyễn Thị Minh", "1990-04-01"),
        ("Nguyễn Thị Minh Khai", "1990-04-02"),
    ] {
        let none: Value = app
            .post_json(&clerk, "/api/v1/residents/search", &search(name, dob))
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(none, json!({"matches": []}));
    }
    let (status, code, _) = error_code(
        app.post_json(
            &clerk,
            "/api/v1/residents/search",
            &search("X Y", "1990-13-01"),
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "invalid_date"));
}

#[tokio::test]
async fn a_patch_changes_the_name_and_address_and_keeps_the_rest() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let id = app.enroll_ok(&clerk, &resident("Old Name")).await;
    let path = format!("/api/v1/residents/{id}");
    let res = app
        .patch_json(
            &clerk,
            &path,
            &json!({"legal_name": "New Name", "preferred_name": null,
                    "address": {"care_of": "Harbor Shelter", "postal_code": "01102"}}),
        )
        .await;
    assert_eq!(res.status(), 200);
    let view: Value = app.get(&clerk, &path).await.json().await.unwrap();
    assert_eq!(view["legal_name"], "New Name");
    assert_eq!(view["preferred_name"], Value::Null);
    assert_eq!(
        view["address"],
        json!({"care_of": "Harbor Shelter", "postal_code": "01102"})
    );
    assert_eq!(view["organ_donor"], true);
    // Search follows the new name.
    let found: Value = app
        .post_json(
            &clerk,
            "/api/v1/residents/search",
            &json!({"legal_name": "New Name", "date_of_birth": "1990-04-01"}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(found["matches"][0]["resident_id"], id.as_str());
    // A bad change changes nothing.
    let (status, code, _) = error_code(
        app.patch_json(
            &clerk,
            &path,
            &json!({"legal_name": "Z", "date_of_birth": "2099-01-01"}),
        )
        .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (422, "date_of_birth_in_future"));
    let (status, code, _) = error_code(
        app.patch_json(&clerk, &path, &json!({"citizenship": "x"}))
            .await,
    )
    .await;
    assert_eq!((status, code.as_str()), (400, "unknown_field"));
    let after: Value = app.get(&clerk, &path).await.json().await.unwrap();
    assert_eq!(after["legal_name"], "New Name");
}

#[tokio::test]
async fn unknown_residents_are_not_found() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    for path in [
        "/api/v1/residents/00000000-0000-4000-8000-000000000000",
        "/api/v1/residents/not-a-uuid",
        "/api/v1/residents/00000000-0000-4000-8000-000000000000/photo",
    ] {
        let (status, code, _) = error_code(app.get(&clerk, path).await).await;
        assert_eq!((status, code.as_str()), (404, "not_found"), "{path}");
    }
}

#[tokio::test]
async fn every_read_and_change_of_personal_data_is_audited() {
    let app = spawn_app().await;
    let clerk = app.session(StaffRole::Clerk).await;
    let before = app.count_rows("audit_log");
    let id = app.enroll_ok(&clerk, &resident("Audit Trail")).await;
    app.get(&clerk, &format!("/api/v1/residents/{id}")).await;
    app.get(&clerk, &format!("/api/v1/residents/{id}/photo"))
        .await;
    app.patch_json(
        &clerk,
        &format!("/api/v1/residents/{id}"),
        &json!({"veteran": true}),
    )
    .await;
    app.post_json(
        &clerk,
        "/api/v1/residents/search",
        &json!({"legal_name": "Audit Trail", "date_of_birth": "1990-04-01"}),
    )
    .await;
    use diesel::prelude::*;
    use muni_id::db::schema::audit_log;
    let mut conn = app.ctx.db().unwrap();
    let actions: Vec<(String, Option<String>)> = audit_log::table
        .filter(audit_log::seq.gt(before))
        .order(audit_log::seq.asc())
        .select((audit_log::action, audit_log::subject))
        .load(&mut *conn)
        .unwrap();
    let names: Vec<&str> = actions.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        names,
        [
            "resident.enroll",
            "resident.read",
            "resident.photo_read",
            "resident.update",
            "resident.update_read",
            "resident.search"
        ]
    );
    assert!(actions
        .iter()
        .all(|(_, subject)| subject.as_deref() == Some(id.as_str())));
}
