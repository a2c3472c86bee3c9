//! What one card check costs on one core, without HTTP: the ES256 signature check alone (ring,
//! the code `/api/v1/verify` runs) and our whole token check (base32, COSE/CBOR parsing, the
//! signature, the claims). From it, the most checks per second this machine's cores could
//! answer if they did nothing else — the ceiling for `benches/verify_load.sh`.
//!
//!     cargo bench --bench verify_token
//!
//! Environment: MUNI_ID_BENCH_CHECKS (20000). Not a test: it prints figures and sets no target.

use std::hint::black_box;
use std::time::Instant;

use chrono::Utc;
use muni_id::crypto::card_token::{
    qr_text, sign_card_token, token_from_text, verify_card_token, CardClaims,
};
use muni_id::crypto::signing::SigningKeys;

fn per_call_micros(count: usize, mut check: impl FnMut() -> bool) -> f64 {
    for _ in 0..count / 10 {
        assert!(check(), "the benchmark token must verify");
    }
    let start = Instant::now();
    for _ in 0..count {
        assert!(black_box(check()));
    }
    start.elapsed().as_secs_f64() * 1e6 / count as f64
}

fn main() {
    let count = std::env::var("MUNI_ID_BENCH_CHECKS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let (keys, _) = SigningKeys::open(&dir.path().join("signing-keys.json"), true, Utc::now())
        .expect("signing keys");
    let claims = CardClaims {
        issuer: "https://id.example-city.gov".into(),
        card_number: "4817 2290 3356 1".into(),
        issued_at: Utc::now().timestamp(),
        expires_at: Utc::now().timestamp() + 5 * 365 * 86_400,
        status_index: 91_337,
        status_uri: "https://id.example-city.gov/status/1".into(),
    };
    let token = sign_card_token(&keys, &claims).expect("token");
    let text = qr_text(&claims.issuer, &token);
    let current = keys.current().expect("current key");
    let message = b"a message of the size of a card token's Sig_structure, about 150 bytes long, \
                    which is what ES256 hashes and checks for every card that is verified.....";
    let signature = current.sign(message).expect("the file key signs");
    let jwks = keys.jwks(Utc::now());
    let public = {
        let jwk = &jwks.keys[0];
        let coordinate = |c: &str| {
            data_encoding::BASE64URL_NOPAD
                .decode(c.as_bytes())
                .expect("JWK coordinate")
        };
        let mut sec1 = vec![4u8];
        sec1.extend(coordinate(&jwk.x));
        sec1.extend(coordinate(&jwk.y));
        sec1
    };

    let es256 = per_call_micros(count, || {
        ring::signature::UnparsedPublicKey::new(&ring::signature::ECDSA_P256_SHA256_FIXED, &public)
            .verify(black_box(message), black_box(&signature))
            .is_ok()
    });
    let whole = per_call_micros(count, || {
        token_from_text(black_box(&text))
            .and_then(|bytes| verify_card_token(&keys, &bytes))
            .is_some()
    });

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("{count} checks on one core");
    println!("  ES256 signature check (ring):        {es256:6.1} µs");
    println!(
        "  whole token check (base32 + COSE):  {whole:6.1} µs  ({:.0}% of it the signature)",
        100.0 * es256 / whole
    );
    println!(
        "ceiling with all {cores} cores on token checks and nothing else (no HTTP, no load generator): \
         {:.0} checks/s",
        cores as f64 * 1e6 / whole
    );
}
