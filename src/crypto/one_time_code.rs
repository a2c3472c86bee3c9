//! Second-factor codes: RFC 6238 time-based codes (an authenticator app's six digits, with
//! `totp-rs`) and one-time recovery codes, of which only a hash is kept.

use data_encoding::BASE32_NOPAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use totp_rs::{Builder, Secret, Totp};

/// Seconds per TOTP step, and the steps either side of now a code may be from (a phone's
/// clock a little off, a code typed as it changed).
const STEP_SECS: u64 = 30;
const SKEW_STEPS: u16 = 1;
/// Recovery codes made at a time, and their random bits (10 bytes: 16 base32 letters).
pub const RECOVERY_CODES: usize = 10;
const RECOVERY_CODE_BYTES: usize = 10;

/// A new TOTP secret (160 bits, as RFC 4226 recommends), in base32 as apps and the
/// `otpauth://` URL want it.
pub fn new_totp_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    BASE32_NOPAD.encode(&bytes)
}

fn totp(secret_base32: &str, issuer: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret_base32).ok()?;
    // ':' separates issuer and account in the URL's label: neither may hold one.
    Builder::new()
        .with_secret(secret)
        .with_skew(SKEW_STEPS)
        .with_step_duration(STEP_SECS)
        .with_issuer(Some(issuer.replace(':', " ")))
        .with_account_name(account.replace(':', " "))
        .build()
        .ok()
}

/// The `otpauth://totp/…` URL an authenticator app reads from a QR code.
pub fn totp_url(secret_base32: &str, issuer: &str, account: &str) -> Option<String> {
    totp(secret_base32, issuer, account)?.to_url().ok()
}

/// The time step a six-digit code belongs to, if it is right at `unix_secs` (within the skew).
pub fn totp_step(secret_base32: &str, code: &str, unix_secs: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let time = u64::try_from(unix_secs).ok()?;
    let step = totp(secret_base32, "muni-id", "staff")?.check(&code, time)?;
    i64::try_from(step).ok()
}

/// The code an app shows at `unix_secs` (for tests and the set-up check).
pub fn totp_code(secret_base32: &str, unix_secs: i64) -> Option<String> {
    let time = u64::try_from(unix_secs).ok()?;
    Some(
        totp(secret_base32, "muni-id", "staff")?
            .generate(time)
            .to_string(),
    )
}

/// Fresh recovery codes as shown to their owner: `abcd-efgh-jkmn-pqrs`.
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; RECOVERY_CODE_BYTES];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let letters = BASE32_NOPAD.encode(&bytes).to_lowercase();
            letters
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// A recovery code as typed (any case, with or without dashes and spaces), if it has the
/// shape of one.
pub fn normalise_recovery_code(typed: &str) -> Option<String> {
    let letters: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let decoded = BASE32_NOPAD.decode(letters.as_bytes()).ok()?;
    (decoded.len() == RECOVERY_CODE_BYTES).then_some(letters)
}

/// What the database keeps of a recovery code: bound to its account, so a hash copied to
/// another account's row opens nothing. 80 random bits make guessing from the hash hopeless.
pub fn recovery_code_hash(staff_id: &str, normalised: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"muni-id recovery code\0");
    hasher.update(staff_id.as_bytes());
    hasher.update(b"\0");
    hasher.update(normalised.as_bytes());
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rfc_6238_sha1_vectors_hold() {
        // RFC 6238 appendix B, SHA-1, secret "12345678901234567890" (8 digits there: the
        // last six are the six-digit code).
        let secret = BASE32_NOPAD.encode(b"12345678901234567890");
        assert_eq!(totp_code(&secret, 59).unwrap(), "287082");
        assert_eq!(totp_code(&secret, 1_111_111_109).unwrap(), "081804");
        assert_eq!(totp_code(&secret, 1_234_567_890).unwrap(), "005924");
        assert_eq!(
            totp_step(&secret, "005924", 1_234_567_890),
            Some(41_152_263)
        );
    }

    #[test]
    fn a_code_is_good_one_step_either_side_and_no_further() {
        let secret = new_totp_secret();
        let now = 1_800_000_000;
        let code = totp_code(&secret, now).unwrap();
        assert!(totp_step(&secret, &code, now).is_some());
        assert!(totp_step(&secret, &code, now + 30).is_some());
        assert!(totp_step(&secret, &code, now - 30).is_some());
        assert_eq!(totp_step(&secret, &code, now + 90), None);
        assert_eq!(totp_step(&secret, "12345", now), None);
        assert_eq!(totp_step(&secret, "abcdef", now), None);
    }

    #[test]
    fn recovery_codes_read_back_however_typed_and_hash_per_account() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let code = &codes[0];
        assert_eq!(code.len(), 19);
        let typed = code.to_uppercase().replace('-', " ");
        let normalised = normalise_recovery_code(&typed).unwrap();
        assert_eq!(normalise_recovery_code(code).unwrap(), normalised);
        assert_ne!(
            recovery_code_hash("a", &normalised),
            recovery_code_hash("b", &normalised)
        );
        assert_eq!(normalise_recovery_code("123456"), None);
        assert_eq!(normalise_recovery_code("not a code at all"), None);
    }
}
