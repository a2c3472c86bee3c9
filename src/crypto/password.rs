//! Staff passwords: argon2id with configured parameters, and a dummy hash so that an unknown
//! username costs the same time as a wrong password.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

/// A password typed by a person: zeroized on drop, never printed.
#[derive(Clone)]
pub struct Password(Zeroizing<String>);

impl Password {
    pub fn new(text: String) -> Self {
        Self(Zeroizing::new(text))
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    dummy_hash: String,
}

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

impl PasswordHasher {
    pub fn new(memory_kib: u32, iterations: u32, parallelism: u32) -> Result<Self, HashError> {
        let params = Params::new(memory_kib, iterations, parallelism, None)
            .map_err(|e| HashError(e.to_string()))?;
        let mut hasher = Self {
            params,
            dummy_hash: String::new(),
        };
        hasher.dummy_hash = hasher.hash(&Password::new("dummy password for timing".into()))?;
        Ok(hasher)
    }

    fn argon2(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    pub fn hash(&self, password: &Password) -> Result<String, HashError> {
        let salt = SaltString::generate(&mut OsRng);
        self.argon2()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| HashError(e.to_string()))
    }

    /// Checks a password against a stored hash, or against the dummy hash when there is no
    /// account, so both cases take the same time. Slow by design: call it off the async workers.
    pub fn verify(&self, password: &Password, stored: Option<&str>) -> bool {
        let hash = stored.unwrap_or(&self.dummy_hash);
        let matches = PasswordHash::new(hash)
            .map(|parsed| {
                self.argon2()
                    .verify_password(password.expose().as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        matches && stored.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_the_right_password_only() {
        let hasher = PasswordHasher::new(64, 1, 1).unwrap();
        let hash = hasher
            .hash(&Password::new("correct horse battery".into()))
            .unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(hasher.verify(&Password::new("correct horse battery".into()), Some(&hash)));
        assert!(!hasher.verify(&Password::new("wrong".into()), Some(&hash)));
        assert!(!hasher.verify(&Password::new("dummy password for timing".into()), None));
    }
}
