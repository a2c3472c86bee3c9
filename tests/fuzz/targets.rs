//! The fuzz targets' bodies, shared by the coverage-guided fuzzer (`tests/fuzz/fuzz_targets/`,
//! run by `tests/fuzz/run.sh`) and by the test that replays the committed seeds
//! (`tests/api/fuzz_seeds.rs`). Each takes any bytes, must not panic, must not take unbounded
//! memory or time, and checks what an accepted input promises.
//!
//! Inputs:
//! - `card_token`: a mode byte, then the QR text (mode 0), the raw COSE_Sign1 bytes (1), or a
//!   CWT claims payload that the harness signs with the fixture key (2), so that the claims
//!   parser behind the signature check is fuzzed too.
//! - `status_list`: a mode byte, then a status list token (0), a payload the harness signs as
//!   one (1), or a little-endian `u32` index followed by a ZLIB stream (2).
//! - `enrollment_body`: the JSON body of `POST /api/v1/residents`.
//! - `photo`: the photo file, as the enrollment's base64 decodes to.

#![allow(dead_code)]

use std::os::unix::fs::PermissionsExt;
use std::sync::OnceLock;

use chrono::{NaiveDate, TimeZone, Utc};
use ciborium::value::Value;
use coset::{iana, CoseSign1Builder, HeaderBuilder, TaggedCborSerializable};

use muni_id::config::Config;
use muni_id::crypto::card_token::{
    qr_text, sign_card_token, token_from_text, verify_card_token, verify_status_list,
    MAX_TOKEN_BYTES, STATUS_LIST_TYP,
};
use muni_id::crypto::signing::SigningKeys;
use muni_id::crypto::status_list::bit_in_published;
use muni_id::domain::age_bands::AgeBands;
use muni_id::domain::documents::DocumentPolicy;
use muni_id::render::photo::{self, PhotoLimits, PhotoNormalizer};
use muni_id::services::enrollment::ApplicationRules;
use muni_id::web::api::residents::EnrollmentRequest;

/// What a target made of its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Accepted,
    Refused,
}

/// A key made for the fuzz seeds only; it signs nothing else. Committed so that the seeds'
/// valid tokens stay valid.
const FIXTURE_SIGNING_KEYS: &[u8] = include_bytes!("fixture-signing-keys.json");

/// The COSE header label for `typ` (RFC 9596).
const HEADER_TYP: i64 = 16;

pub struct Harness {
    _dir: tempfile::TempDir,
    pub keys: SigningKeys,
    documents: DocumentPolicy,
    limits: PhotoLimits,
    photos: PhotoNormalizer,
    today: NaiveDate,
    age_bands: AgeBands,
}

impl Harness {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("signing-keys.json");
        std::fs::write(&path, FIXTURE_SIGNING_KEYS).expect("the fixture key file");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
            .expect("the key file's mode");
        // A fixed day, so that a run's outcome depends on its input only.
        let now = Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).unwrap();
        let (keys, _) = SigningKeys::open(&path, false, now).expect("the fixture key");
        let config = Config::from_toml_overrides("").expect("the default configuration");
        let limits = config.photo_limits();
        Self {
            _dir: dir,
            keys,
            documents: config
                .document_policy()
                .expect("the default document policy"),
            limits,
            photos: PhotoNormalizer::new(limits, 1),
            today: now.date_naive(),
            age_bands: config.age_bands().expect("the default age bands"),
        }
    }

    /// A COSE_Sign1 over `payload`, made as the service makes its tokens.
    pub fn sign(&self, typ: Option<&str>, payload: &[u8]) -> Vec<u8> {
        let current = self.keys.current().expect("the fixture key signs");
        let mut header = HeaderBuilder::new()
            .algorithm(iana::Algorithm::ES256)
            .key_id(current.kid.to_vec());
        if let Some(typ) = typ {
            header = header.value(HEADER_TYP, Value::Text(typ.to_owned()));
        }
        CoseSign1Builder::new()
            .protected(header.build())
            .payload(payload.to_vec())
            .create_signature(b"", |data| {
                current.sign(data).expect("the fixture key signs").to_vec()
            })
            .build()
            .to_tagged_vec()
            .expect("a COSE_Sign1 encodes")
    }

    fn rules(&self) -> ApplicationRules<'_> {
        ApplicationRules {
            today: self.today,
            age_bands: &self.age_bands,
            documents: &self.documents,
            photos: &self.photos,
        }
    }
}

pub fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        tolerate_contained_decoder_panics();
        Harness::new()
    })
}

/// jpeg-decoder panics on some crafted files; the photo normaliser contains that panic
/// (`catch_unwind`) and refuses the photo, which is the behaviour under test. libFuzzer's panic
/// hook would abort before the unwind reaches it, so such panics are let through to it; a
/// panic anywhere else still aborts and is reported as a crash.
fn tolerate_contained_decoder_panics() {
    let fuzzer_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_jpeg_decoder = info
            .location()
            .is_some_and(|at| at.file().contains("jpeg-decoder"));
        if !in_jpeg_decoder {
            fuzzer_hook(info);
        }
    }));
}

fn split_mode(data: &[u8]) -> Option<(u8, &[u8])> {
    data.split_first().map(|(mode, rest)| (*mode, rest))
}

pub fn card_token(data: &[u8]) -> Outcome {
    let h = harness();
    let Some((mode, rest)) = split_mode(data) else {
        return Outcome::Refused;
    };
    let claims = match mode % 3 {
        0 => std::str::from_utf8(rest)
            .ok()
            .and_then(token_from_text)
            .and_then(|bytes| verify_card_token(&h.keys, &bytes)),
        1 => verify_card_token(&h.keys, rest),
        _ => verify_card_token(&h.keys, &h.sign(None, rest)),
    };
    let Some(claims) = claims else {
        return Outcome::Refused;
    };
    // What was accepted survives a round trip through the service's own signer, and through
    // the QR text when it fits one.
    let token = sign_card_token(&h.keys, &claims).expect("accepted claims can be signed");
    assert_eq!(verify_card_token(&h.keys, &token).as_ref(), Some(&claims));
    if token.len() <= MAX_TOKEN_BYTES {
        let text = qr_text("https://id.example.gov", &token);
        let read = token_from_text(&text).and_then(|bytes| verify_card_token(&h.keys, &bytes));
        assert_eq!(read.as_ref(), Some(&claims));
    }
    Outcome::Accepted
}

pub fn status_list(data: &[u8]) -> Outcome {
    let h = harness();
    let Some((mode, rest)) = split_mode(data) else {
        return Outcome::Refused;
    };
    let (compressed, index) = match mode % 3 {
        0 | 1 => {
            let signed;
            let token = if mode % 3 == 0 {
                rest
            } else {
                signed = h.sign(Some(STATUS_LIST_TYP), rest);
                &signed
            };
            let Some(list) = verify_status_list(&h.keys, token) else {
                return Outcome::Refused;
            };
            // The last card of the smallest list a configuration allows.
            (list.compressed, 131_071)
        }
        _ => {
            let Some((index, stream)) = rest.split_first_chunk::<4>() else {
                return Outcome::Refused;
            };
            (stream.to_vec(), u64::from(u32::from_le_bytes(*index)))
        }
    };
    let Some(bit) = bit_in_published(&compressed, index) else {
        return Outcome::Refused;
    };
    // Reading a bit inflates only the bytes before it: every earlier bit reads too, and the
    // same bit reads the same.
    assert!(bit_in_published(&compressed, index / 2).is_some());
    assert_eq!(bit_in_published(&compressed, index), Some(bit));
    Outcome::Accepted
}

pub fn enrollment_body(data: &[u8]) -> Outcome {
    let h = harness();
    let Ok(request) = serde_json::from_slice::<EnrollmentRequest>(data) else {
        return Outcome::Refused;
    };
    let Ok(application) = request.to_application(&h.rules()) else {
        return Outcome::Refused;
    };
    let name = application.face.legal_name.as_str();
    assert!(!name.trim().is_empty() && name.chars().count() <= 150);
    assert!(application.tally.sufficient());
    assert_fits_the_card(&application.photo_jpeg, &h.limits);
    Outcome::Accepted
}

pub fn photo(data: &[u8]) -> Outcome {
    let h = harness();
    match photo::normalize(data, &h.limits) {
        Ok(jpeg) => {
            assert_fits_the_card(&jpeg, &h.limits);
            Outcome::Accepted
        }
        Err(_) => Outcome::Refused,
    }
}

/// A normalised photo is a JPEG within the card's box.
fn assert_fits_the_card(jpeg: &[u8], limits: &PhotoLimits) {
    let picture = image::load_from_memory_with_format(jpeg, image::ImageFormat::Jpeg)
        .expect("a normalised photo decodes as a JPEG");
    assert!(picture.width() <= limits.max_width && picture.height() <= limits.max_height);
}

/// A target's body.
pub type Target = fn(&[u8]) -> Outcome;

/// The targets by name, as the seed folders are named.
pub const TARGETS: [(&str, Target); 4] = [
    ("card_token", card_token),
    ("status_list", status_list),
    ("enrollment_body", enrollment_body),
    ("photo", photo),
];
