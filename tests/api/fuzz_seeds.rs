//! The fuzz targets' committed seeds, replayed on every test run through the same target
//! bodies the fuzzer runs (`tests/fuzz/targets.rs`): a seed named `accept-…` must be accepted
//! and one named `refuse-…` refused, and no seed (a crash the fuzzer found, once fixed,
//! included) may panic.
//!
//! The seeds are written by `cargo test --test api fuzz_seeds::write_seeds -- --ignored`.

use std::io::Write;
use std::path::{Path, PathBuf};

use base64::Engine;
use ciborium::value::{Integer, Value};
use coset::{CoseSign1, TaggedCborSerializable};
use image::{DynamicImage, ImageFormat, RgbImage, RgbaImage};

use muni_id::crypto::card_token::{
    qr_text, sign_card_token, sign_status_list, CardClaims, StatusListClaims,
};

#[path = "../fuzz/targets.rs"]
mod targets;

use targets::{harness, Outcome, TARGETS};

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/seeds")
}

#[test]
fn every_seed_keeps_its_outcome_and_none_panics() {
    for (target, run) in TARGETS {
        let dir = seeds_dir().join(target);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|entry| entry.unwrap().path())
            .collect();
        files.sort();
        let (mut accepted, mut refused) = (0, 0);
        for file in &files {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            let outcome = run(&std::fs::read(file).unwrap());
            if name.starts_with("accept-") {
                assert_eq!(outcome, Outcome::Accepted, "{target}/{name}");
                accepted += 1;
            } else if name.starts_with("refuse-") {
                assert_eq!(outcome, Outcome::Refused, "{target}/{name}");
                refused += 1;
            }
        }
        assert!(
            accepted >= 2 && refused >= 2,
            "{target}: {accepted} accepted and {refused} refused seeds"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Writing the seeds.

fn write(target: &str, name: &str, bytes: &[u8]) {
    let dir = seeds_dir().join(target);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), bytes).unwrap();
}

fn with_mode(mode: u8, rest: &[u8]) -> Vec<u8> {
    let mut out = vec![mode];
    out.extend_from_slice(rest);
    out
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn payload_of(token: &[u8]) -> Vec<u8> {
    CoseSign1::from_tagged_slice(token)
        .unwrap()
        .payload
        .unwrap()
}

fn cbor(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(value, &mut out).unwrap();
    out
}

fn encoded(picture: DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    picture
        .write_to(&mut std::io::Cursor::new(&mut out), format)
        .unwrap();
    out
}

/// A portrait-like test card: a gradient with a darker oval, so that JPEG has something to do.
fn portrait(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let (cx, cy) = (
            x as f32 / width as f32 - 0.5,
            y as f32 / height as f32 - 0.45,
        );
        let face = cx * cx * 4.0 + cy * cy * 2.5 < 0.25;
        let shade = if face { 150 } else { 210 };
        image::Rgb([shade, (shade as u32 * y / height) as u8, 120])
    })
}

#[test]
#[ignore = "writes tests/fuzz/seeds; run by hand when a target's input changes"]
fn write_seeds() {
    let h = harness();
    let claims = CardClaims {
        issuer: "https://id.example.gov".into(),
        card_number: "471603928851".into(),
        issued_at: 1_795_000_000,
        expires_at: 1_952_000_000,
        status_index: 131_071,
        status_uri: "https://id.example.gov/status/1".into(),
    };
    let token = sign_card_token(&h.keys, &claims).unwrap();
    let text = qr_text("https://id.example.gov", &token);
    write(
        "card_token",
        "accept-qr-text",
        &with_mode(0, text.as_bytes()),
    );
    let bare = text.rsplit_once('#').unwrap().1.to_lowercase();
    write(
        "card_token",
        "accept-bare-lower-case",
        &with_mode(0, bare.as_bytes()),
    );
    write("card_token", "accept-cose", &with_mode(1, &token));
    write(
        "card_token",
        "accept-claims",
        &with_mode(2, &payload_of(&token)),
    );
    write(
        "card_token",
        "refuse-truncated",
        &with_mode(1, &token[..token.len() - 9]),
    );
    write(
        "card_token",
        "refuse-empty-fragment",
        &with_mode(0, b"HTTPS://X/V#"),
    );
    // Signed by the right key, complete, but living longer than any card may (20 years).
    let int = |i: i64| Value::Integer(Integer::from(i));
    let text = |s: &str| Value::Text(s.to_owned());
    let too_long = Value::Map(vec![
        (int(1), text(&claims.issuer)),
        (int(2), text(&claims.card_number)),
        (int(4), int(claims.issued_at + 20 * 366 * 86_400)),
        (int(6), int(claims.issued_at)),
        (
            int(65535),
            Value::Map(vec![(
                text("status_list"),
                Value::Map(vec![
                    (text("idx"), int(7)),
                    (text("uri"), text(&claims.status_uri)),
                ]),
            )]),
        ),
    ]);
    write(
        "card_token",
        "refuse-outlives-policy",
        &with_mode(2, &cbor(&too_long)),
    );
    let mut within = too_long.clone();
    if let Value::Map(entries) = &mut within {
        entries[2].1 = int(claims.issued_at + 5 * 366 * 86_400);
    }
    write(
        "card_token",
        "accept-claims-five-years",
        &with_mode(2, &cbor(&within)),
    );

    let mut bits = vec![0u8; 16_384];
    bits[16_383] = 0x80;
    let list = StatusListClaims {
        uri: "https://id.example.gov/status/1".into(),
        issued_at: 1_795_000_000,
        expires_at: 1_795_086_400,
        ttl_secs: 300,
        compressed: zlib(&bits),
    };
    let signed = sign_status_list(&h.keys, &list).unwrap();
    write("status_list", "accept-token", &with_mode(0, &signed));
    write(
        "status_list",
        "accept-payload",
        &with_mode(1, &payload_of(&signed)),
    );
    let mut indexed = 131_071u32.to_le_bytes().to_vec();
    indexed.extend(zlib(&bits));
    write("status_list", "accept-bits", &with_mode(2, &indexed));
    write("status_list", "refuse-card-token", &with_mode(0, &token));
    let mut short = 131_071u32.to_le_bytes().to_vec();
    short.extend(zlib(&bits[..100]));
    write(
        "status_list",
        "refuse-index-past-end",
        &with_mode(2, &short),
    );
    // 64 MiB of zeros in about 64 KB: reading an early bit must not inflate the rest.
    let mut bomb = 100u32.to_le_bytes().to_vec();
    bomb.extend(zlib(&vec![0u8; 64 << 20]));
    write(
        "status_list",
        "accept-early-bit-of-a-bomb",
        &with_mode(2, &bomb),
    );

    let png = encoded(
        DynamicImage::ImageRgb8(portrait(120, 160)),
        ImageFormat::Png,
    );
    let jpeg = encoded(
        DynamicImage::ImageRgb8(portrait(300, 400)),
        ImageFormat::Jpeg,
    );
    let b64 = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let minimal = serde_json::json!({
        "legal_name": "Ana Lima",
        "date_of_birth": "1990-04-01",
        "photo": b64(&png),
        "documents": ["passport", "utility_bill"],
    });
    write(
        "enrollment_body",
        "accept-minimal.json",
        minimal.to_string().as_bytes(),
    );
    let full = serde_json::json!({
        "legal_name": "José Núñez-Ávila",
        "preferred_name": "Pepe",
        "date_of_birth": "1971-12-31",
        "gender": "X",
        "address": {"line1": "12 Elm St", "line2": "Apt 3", "city": "Springfield", "postal_code": "62701"},
        "languages": ["es", "ar"],
        "emergency_contact": {"name": "Marta Núñez", "phone": "+1 217 555 0100"},
        "veteran": true,
        "organ_donor": true,
        "photo": format!("data:image/jpeg;base64,{}", b64(&jpeg)),
        "documents": ["drivers_license", "birth_certificate"],
        "confirm_not_duplicate": true,
    });
    write(
        "enrollment_body",
        "accept-full.json",
        full.to_string().as_bytes(),
    );
    let care_of = serde_json::json!({
        "legal_name": "محمد علي",
        "date_of_birth": "2001-02-28",
        "address": {"care_of": "Shelter at 4 Oak Ave", "city": "Springfield"},
        "photo": b64(&png),
        "documents": ["consular_id", "birth_certificate", "shelter_letter"],
    });
    write(
        "enrollment_body",
        "accept-care-of.json",
        care_of.to_string().as_bytes(),
    );
    let several = serde_json::json!({
        "legal_name": "",
        "date_of_birth": "1990-02-30",
        "gender": "Q",
        "languages": ["xx-invalid-tag-!!", "en", "fr"],
        "photo": "not base64!",
        "documents": ["library_card"],
    });
    write(
        "enrollment_body",
        "refuse-several.json",
        several.to_string().as_bytes(),
    );
    let unknown = serde_json::json!({
        "legal_name": "Ana Lima",
        "date_of_birth": "1990-04-01",
        "photo": b64(&png),
        "documents": ["passport", "utility_bill"],
        "nickname": "Annie",
    });
    write(
        "enrollment_body",
        "refuse-unknown-field.json",
        unknown.to_string().as_bytes(),
    );
    write("enrollment_body", "refuse-not-an-object.json", b"[1, 2, 3]");

    write("photo", "accept-png", &png);
    write("photo", "accept-jpeg", &jpeg);
    let rgba = RgbaImage::from_fn(200, 150, |x, _| image::Rgba([200, 80, 40, (x % 256) as u8]));
    write(
        "photo",
        "accept-png-alpha",
        &encoded(DynamicImage::ImageRgba8(rgba), ImageFormat::Png),
    );
    write(
        "photo",
        "refuse-too-small",
        &encoded(DynamicImage::ImageRgb8(portrait(60, 80)), ImageFormat::Png),
    );
    write(
        "photo",
        "refuse-gif",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    );
    // A PNG header claiming 30000 × 30000 pixels, and nothing behind it.
    let mut huge = encoded(
        DynamicImage::ImageRgb8(portrait(120, 160)),
        ImageFormat::Png,
    );
    huge[16..20].copy_from_slice(&30_000u32.to_be_bytes());
    huge[20..24].copy_from_slice(&30_000u32.to_be_bytes());
    write("photo", "refuse-png-claims-900-megapixels", &huge);
}
