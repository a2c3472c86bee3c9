//! CSRF tokens for page forms. A token is derived from the secret in the visitor's cookie (the
//! session token once logged in, a random pre-session value before), so it needs no storage,
//! works on every instance sharing the database, and cannot be computed by another site, which
//! can neither read the cookie nor the page.

use hmac::{Hmac, Mac};
use sha2::Sha256;

const PURPOSE: &[u8] = b"muni-id/page-form-csrf/v1";

fn mac(secret: &str) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
    mac.update(PURPOSE);
    mac
}

/// The token every form of a page carries.
pub fn token_for(secret: &str) -> String {
    hex::encode(mac(secret).finalize().into_bytes())
}

/// Whether a submitted token belongs to this secret (compared in constant time).
pub fn matches(secret: &str, submitted: &str) -> bool {
    match hex::decode(submitted.trim()) {
        Ok(bytes) => mac(secret).verify_slice(&bytes).is_ok(),
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_matches_only_its_own_secret() {
        let token = token_for("session one");
        assert!(matches("session one", &token));
        assert!(!matches("session two", &token));
        assert!(!matches("session one", ""));
        assert!(!matches("session one", "not hex"));
        assert_ne!(token, "session one");
    }
}
