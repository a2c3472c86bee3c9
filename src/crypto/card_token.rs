//! The card token and the status list token: CWTs (RFC 8392) in COSE_Sign1 (RFC 9052), ES256.
//!
//! A card token holds only `iss`, `sub` (the card number), `iat`, `exp` and a Token Status List
//! reference (`status` claim 65535: `{"status_list": {"idx", "uri"}}`). The QR code carries it
//! base32-encoded (upper case, no padding) in the fragment of the verifier page's address, so
//! QR alphanumeric mode can hold the whole text and no server ever receives the token.

use ciborium::value::{Integer, Value};
use coset::{iana, CoseSign1, CoseSign1Builder, HeaderBuilder, TaggedCborSerializable};
use data_encoding::BASE32_NOPAD;

use super::signing::{KeyUse, SigningKeys};

const CLAIM_ISS: i64 = 1;
const CLAIM_SUB: i64 = 2;
const CLAIM_EXP: i64 = 4;
const CLAIM_IAT: i64 = 6;
const CLAIM_STATUS_LIST: i64 = 65533;
const CLAIM_TTL: i64 = 65534;
const CLAIM_STATUS: i64 = 65535;
const HEADER_TYP: i64 = 16;
pub const STATUS_LIST_TYP: &str = "application/statuslist+cwt";

/// Anything longer cannot be one of our tokens; it is refused before it is parsed.
pub const MAX_TOKEN_BYTES: usize = 512;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardClaims {
    pub issuer: String,
    pub card_number: String,
    pub issued_at: i64,
    pub expires_at: i64,
    pub status_index: u64,
    pub status_uri: String,
}

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("no current signing key")]
    NoKey,
    #[error("cannot encode the token: {0}")]
    Encode(String),
    #[error("cannot sign the token")]
    Signing(#[source] super::signing::SigningKeyError),
}

fn int(i: i64) -> Value {
    Value::Integer(Integer::from(i))
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

fn cbor(value: &Value) -> Result<Vec<u8>, TokenError> {
    let mut out = Vec::new();
    ciborium::ser::into_writer(value, &mut out).map_err(|e| TokenError::Encode(e.to_string()))?;
    Ok(out)
}

fn sign(keys: &SigningKeys, typ: Option<&str>, payload: Vec<u8>) -> Result<Vec<u8>, TokenError> {
    let current = keys.current().ok_or(TokenError::NoKey)?;
    let mut header = HeaderBuilder::new()
        .algorithm(iana::Algorithm::ES256)
        .key_id(current.kid.to_vec());
    if let Some(typ) = typ {
        header = header.value(HEADER_TYP, text(typ));
    }
    CoseSign1Builder::new()
        .protected(header.build())
        .payload(payload)
        .try_create_signature(b"", |to_be_signed| {
            current.sign(to_be_signed).map(|s| s.to_vec())
        })
        .map_err(TokenError::Signing)?
        .build()
        .to_tagged_vec()
        .map_err(|e| TokenError::Encode(e.to_string()))
}

/// Signs a card token with the current key.
pub fn sign_card_token(keys: &SigningKeys, claims: &CardClaims) -> Result<Vec<u8>, TokenError> {
    let status = Value::Map(vec![(
        text("status_list"),
        Value::Map(vec![
            (
                text("idx"),
                Value::Integer(Integer::from(claims.status_index)),
            ),
            (text("uri"), text(&claims.status_uri)),
        ]),
    )]);
    let payload = Value::Map(vec![
        (int(CLAIM_ISS), text(&claims.issuer)),
        (int(CLAIM_SUB), text(&claims.card_number)),
        (int(CLAIM_EXP), int(claims.expires_at)),
        (int(CLAIM_IAT), int(claims.issued_at)),
        (int(CLAIM_STATUS), status),
    ]);
    sign(keys, None, cbor(&payload)?)
}

/// The QR text: `<BASE URL, upper case>/V#<BASE32 TOKEN>`.
pub fn qr_text(public_base_url: &str, token: &[u8]) -> String {
    format!(
        "{}/V#{}",
        public_base_url.to_uppercase(),
        BASE32_NOPAD.encode(token)
    )
}

/// The token bytes from a whole QR text or a bare base32 token, in either letter case.
pub fn token_from_text(input: &str) -> Option<Vec<u8>> {
    let encoded = input.rsplit_once('#').map_or(input, |(_, t)| t).trim();
    if encoded.is_empty() || encoded.len() > MAX_TOKEN_BYTES * 8 / 5 + 8 {
        return None;
    }
    let upper = encoded.to_ascii_uppercase();
    BASE32_NOPAD.decode(upper.as_bytes()).ok()
}

/// The payload of a token whose signature verifies under a key that may vouch for it; `what`
/// reads from the (not yet trusted) payload what the token claims to be.
fn verified_payload(
    keys: &SigningKeys,
    bytes: &[u8],
    typ: Option<&str>,
    what: impl Fn(&Value) -> Option<KeyUse>,
) -> Option<Value> {
    if bytes.len() > MAX_TOKEN_BYTES * 64 {
        return None;
    }
    let sign1 = CoseSign1::from_tagged_slice(bytes).ok()?;
    let header = &sign1.protected.header;
    let es256 = coset::RegisteredLabelWithPrivate::Assigned(iana::Algorithm::ES256);
    if header.alg.as_ref() != Some(&es256) || header.key_id.len() != 8 {
        return None;
    }
    let header_typ = header
        .rest
        .iter()
        .find(|(label, _)| *label == coset::Label::Int(HEADER_TYP))
        .and_then(|(_, v)| v.as_text());
    if header_typ != typ {
        return None;
    }
    let payload: Value = ciborium::de::from_reader(sign1.payload.as_deref()?).ok()?;
    let what = what(&payload)?;
    let kid = header.key_id.clone();
    sign1
        .verify_signature(b"", |signature, data| {
            keys.verify(&kid, data, signature, what)
                .then_some(())
                .ok_or(())
        })
        .ok()?;
    Some(payload)
}

fn claim(map: &[(Value, Value)], key: i64) -> Option<&Value> {
    map.iter()
        .find(|(k, _)| k.as_integer().and_then(|i| i64::try_from(i).ok()) == Some(key))
        .map(|(_, v)| v)
}

fn text_field<'a>(map: &'a [(Value, Value)], key: &str) -> Option<&'a Value> {
    map.iter()
        .find(|(k, _)| k.as_text() == Some(key))
        .map(|(_, v)| v)
}

fn as_i64(value: &Value) -> Option<i64> {
    value.as_integer().and_then(|i| i64::try_from(i).ok())
}

/// The claims of a card token whose signature verifies under a key that may have signed it
/// (see `KeyUse::Card`); `None` for anything else. Expiry and status are the caller's to check.
pub fn verify_card_token(keys: &SigningKeys, bytes: &[u8]) -> Option<CardClaims> {
    let payload = verified_payload(keys, bytes, None, |payload| {
        let map = payload.as_map()?;
        Some(KeyUse::Card {
            issued_at: as_i64(claim(map, CLAIM_IAT)?)?,
            expires_at: as_i64(claim(map, CLAIM_EXP)?)?,
        })
    })?;
    let map = payload.as_map()?;
    let status = claim(map, CLAIM_STATUS)?.as_map()?;
    let list = text_field(status, "status_list")?.as_map()?;
    Some(CardClaims {
        issuer: claim(map, CLAIM_ISS)?.as_text()?.to_owned(),
        card_number: claim(map, CLAIM_SUB)?.as_text()?.to_owned(),
        issued_at: as_i64(claim(map, CLAIM_IAT)?)?,
        expires_at: as_i64(claim(map, CLAIM_EXP)?)?,
        status_index: u64::try_from(text_field(list, "idx")?.as_integer()?).ok()?,
        status_uri: text_field(list, "uri")?.as_text()?.to_owned(),
    })
}

impl CardClaims {
    /// Whether the card is within its lifetime at `now` (seconds since the epoch), allowing an
    /// issue time up to `skew_secs` ahead of our clock. As RFC 8392 reads `exp`, the card is no
    /// longer valid from its expiry second on; the offline verifier page judges the same.
    pub fn is_current(&self, now: i64, skew_secs: i64) -> bool {
        self.issued_at <= now + skew_secs && now < self.expires_at
    }
}

/// What a status list token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusListClaims {
    pub uri: String,
    pub issued_at: i64,
    pub expires_at: i64,
    pub ttl_secs: i64,
    /// ZLIB-compressed bit array, 1 bit per card, least significant bit first.
    pub compressed: Vec<u8>,
}

/// Signs a Token Status List (`application/statuslist+cwt`).
pub fn sign_status_list(
    keys: &SigningKeys,
    claims: &StatusListClaims,
) -> Result<Vec<u8>, TokenError> {
    let payload = Value::Map(vec![
        (int(CLAIM_SUB), text(&claims.uri)),
        (int(CLAIM_EXP), int(claims.expires_at)),
        (int(CLAIM_IAT), int(claims.issued_at)),
        (int(CLAIM_TTL), int(claims.ttl_secs)),
        (
            int(CLAIM_STATUS_LIST),
            Value::Map(vec![
                (text("bits"), int(1)),
                (text("lst"), Value::Bytes(claims.compressed.clone())),
            ]),
        ),
    ]);
    sign(keys, Some(STATUS_LIST_TYP), cbor(&payload)?)
}

/// The claims of a status list token signed by a published key.
pub fn verify_status_list(keys: &SigningKeys, bytes: &[u8]) -> Option<StatusListClaims> {
    let payload = verified_payload(keys, bytes, Some(STATUS_LIST_TYP), |payload| {
        Some(KeyUse::StatusList {
            issued_at: as_i64(claim(payload.as_map()?, CLAIM_IAT)?)?,
        })
    })?;
    let map = payload.as_map()?;
    let list = claim(map, CLAIM_STATUS_LIST)?.as_map()?;
    if as_i64(text_field(list, "bits")?)? != 1 {
        return None;
    }
    Some(StatusListClaims {
        uri: claim(map, CLAIM_SUB)?.as_text()?.to_owned(),
        issued_at: as_i64(claim(map, CLAIM_IAT)?)?,
        expires_at: as_i64(claim(map, CLAIM_EXP)?)?,
        ttl_secs: as_i64(claim(map, CLAIM_TTL)?)?,
        compressed: text_field(list, "lst")?.as_bytes()?.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn keys() -> (tempfile::TempDir, SigningKeys) {
        let dir = tempfile::tempdir().unwrap();
        let (keys, _) =
            SigningKeys::open(&dir.path().join("k.json"), true, chrono::Utc::now()).unwrap();
        (dir, keys)
    }

    fn claims() -> CardClaims {
        CardClaims {
            issuer: "https://id.springfield.gov".into(),
            card_number: "471603928851".into(),
            issued_at: 1_795_000_000,
            expires_at: 1_952_000_000,
            status_index: 131_071,
            status_uri: "https://id.springfield.gov/status/1".into(),
        }
    }

    #[test]
    fn a_card_token_round_trips_through_the_qr_text() {
        let (_dir, keys) = keys();
        let token = sign_card_token(&keys, &claims()).unwrap();
        let text = qr_text("https://id.springfield.gov", &token);
        assert!(text.starts_with("HTTPS://ID.SPRINGFIELD.GOV/V#"));
        // All QR alphanumeric-mode characters but the `#` (one byte-mode character).
        let (address, token_text) = text.split_once('#').unwrap();
        let alphanumeric = |s: &str| {
            s.bytes()
                .all(|b| b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:".contains(&b))
        };
        assert!(alphanumeric(address) && alphanumeric(token_text));
        let bytes = token_from_text(&text).unwrap();
        assert_eq!(verify_card_token(&keys, &bytes), Some(claims()));
        let lower = text.rsplit_once('#').unwrap().1.to_lowercase();
        assert_eq!(
            verify_card_token(&keys, &token_from_text(&lower).unwrap()),
            Some(claims())
        );
    }

    #[test]
    fn another_key_or_one_changed_byte_is_not_valid() {
        let (_dir, keys) = keys();
        let (_other_dir, other) = super::tests::keys();
        let token = sign_card_token(&other, &claims()).unwrap();
        assert_eq!(verify_card_token(&keys, &token), None);
        let token = sign_card_token(&keys, &claims()).unwrap();
        for i in 0..token.len() {
            let mut changed = token.clone();
            changed[i] ^= 0x04;
            assert_eq!(verify_card_token(&keys, &changed), None, "byte {i}");
        }
        for len in 0..token.len() {
            assert_eq!(verify_card_token(&keys, &token[..len]), None);
        }
    }

    #[test]
    fn a_status_list_is_not_a_card_token_and_back() {
        let (_dir, keys) = keys();
        let list = StatusListClaims {
            uri: "https://id.springfield.gov/status/1".into(),
            issued_at: 1,
            expires_at: 2,
            ttl_secs: 300,
            compressed: vec![1, 2, 3],
        };
        let signed = sign_status_list(&keys, &list).unwrap();
        assert_eq!(verify_status_list(&keys, &signed), Some(list));
        assert_eq!(verify_card_token(&keys, &signed), None);
        let card = sign_card_token(&keys, &claims()).unwrap();
        assert_eq!(verify_status_list(&keys, &card), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn nothing_our_signer_did_not_produce_is_valid(bytes in proptest::collection::vec(any::<u8>(), 0..400), text in ".{0,300}") {
            let (_dir, keys) = keys();
            prop_assert_eq!(verify_card_token(&keys, &bytes), None);
            if let Some(decoded) = token_from_text(&text) {
                prop_assert_eq!(verify_card_token(&keys, &decoded), None);
            }
        }
    }
}
