//! Staff passwords: argon2id with configured parameters, and a dummy hash so that an unknown
//! username costs the same time as a wrong password.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

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

/// argon2id hashing and checking, at most `at_once` computations at a time (each takes
/// `memory_kib` of memory): a burst of logins waits its turn instead of exhausting memory.
#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    dummy_hash: String,
    turns: Arc<Turns>,
}

#[derive(Debug, thiserror::Error)]
#[error("password hashing failed: {0}")]
pub struct HashError(String);

/// Every turn was taken for as long as a check may wait.
#[derive(Debug, thiserror::Error)]
#[error("too many password checks at once")]
pub struct Busy;

/// A counting semaphore over the computations, with what tests and metrics read.
struct Turns {
    busy: Mutex<usize>,
    freed: Condvar,
    at_once: usize,
    wait: Duration,
    /// Computations made (checks and hashes), and the most that ran at once.
    computed: AtomicU64,
    peak: AtomicUsize,
}

struct Turn<'a>(&'a Turns);

impl Turns {
    fn take(&self) -> Result<Turn<'_>, Busy> {
        let deadline = Instant::now() + self.wait;
        let mut busy = self.busy.lock().unwrap_or_else(|p| p.into_inner());
        while *busy >= self.at_once {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Busy);
            }
            busy = self
                .freed
                .wait_timeout(busy, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
        *busy += 1;
        self.peak.fetch_max(*busy, Ordering::Relaxed);
        self.computed.fetch_add(1, Ordering::Relaxed);
        Ok(Turn(self))
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        *self.0.busy.lock().unwrap_or_else(|p| p.into_inner()) -= 1;
        self.0.freed.notify_one();
    }
}

impl PasswordHasher {
    /// `at_once` computations at a time; a further one waits up to `wait` for its turn.
    pub fn new(
        (memory_kib, iterations, parallelism): (u32, u32, u32),
        at_once: usize,
        wait: Duration,
    ) -> Result<Self, HashError> {
        let params = Params::new(memory_kib, iterations, parallelism, None)
            .map_err(|e| HashError(e.to_string()))?;
        let mut hasher = Self {
            params,
            dummy_hash: String::new(),
            turns: Arc::new(Turns {
                busy: Mutex::new(0),
                freed: Condvar::new(),
                at_once: at_once.max(1),
                wait,
                computed: AtomicU64::new(0),
                peak: AtomicUsize::new(0),
            }),
        };
        hasher.dummy_hash = hasher
            .hash(&Password::new("dummy password for timing".into()))
            .map_err(|e| HashError(e.to_string()))?;
        Ok(hasher)
    }

    fn argon2(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    /// A new hash of `password` (waits its turn; `Busy` after the wait).
    pub fn hash(&self, password: &Password) -> Result<String, HashPasswordError> {
        let _turn = self.turns.take()?;
        let salt = SaltString::generate(&mut OsRng);
        self.argon2()
            .hash_password(password.expose().as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| HashError(e.to_string()).into())
    }

    /// Whether `password` matches `stored`; with no stored hash (no such account) the same
    /// work is done against a dummy hash, and the answer is no. Waits its turn; `Busy` after
    /// the wait.
    pub fn verify(&self, password: &Password, stored: Option<&str>) -> Result<bool, Busy> {
        let _turn = self.turns.take()?;
        let hash = stored.unwrap_or(&self.dummy_hash);
        let matches = PasswordHash::new(hash)
            .map(|parsed| {
                self.argon2()
                    .verify_password(password.expose().as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        Ok(matches && stored.is_some())
    }

    /// Hashes and checks computed since start.
    pub fn computed(&self) -> u64 {
        self.turns.computed.load(Ordering::Relaxed)
    }

    /// The most computations that ran at once since start.
    pub fn peak_at_once(&self) -> usize {
        self.turns.peak.load(Ordering::Relaxed)
    }
}

/// Why a password could not be hashed.
#[derive(Debug, thiserror::Error)]
pub enum HashPasswordError {
    #[error(transparent)]
    Busy(#[from] Busy),
    #[error(transparent)]
    Failed(#[from] HashError),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hasher(at_once: usize, wait_ms: u64) -> PasswordHasher {
        PasswordHasher::new((64, 1, 1), at_once, Duration::from_millis(wait_ms)).unwrap()
    }

    #[test]
    fn verifies_the_right_password_only() {
        let hasher = hasher(1, 1_000);
        let hash = hasher
            .hash(&Password::new("correct horse battery".into()))
            .unwrap();
        assert!(hash.starts_with("$argon2id$"));
        let check = |p: &str, stored: Option<&str>| hasher.verify(&Password::new(p.into()), stored);
        assert!(check("correct horse battery", Some(&hash)).unwrap());
        assert!(!check("wrong", Some(&hash)).unwrap());
        assert!(!check("dummy password for timing", None).unwrap());
    }

    #[test]
    fn no_more_computations_run_at_once_than_allowed_and_the_rest_wait_their_turn() {
        let hasher = hasher(2, 60_000);
        let stored = hasher.hash(&Password::new("p".into())).unwrap();
        let before = hasher.computed();
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    for _ in 0..4 {
                        hasher
                            .verify(&Password::new("q".into()), Some(&stored))
                            .unwrap();
                    }
                });
            }
        });
        assert_eq!(hasher.computed() - before, 32);
        assert!(hasher.peak_at_once() <= 2, "{}", hasher.peak_at_once());
    }

    #[test]
    fn a_check_that_cannot_get_a_turn_in_time_is_busy() {
        let hasher = hasher(1, 0);
        let held = hasher.turns.take().unwrap();
        assert!(hasher.verify(&Password::new("p".into()), None).is_err());
        assert!(matches!(
            hasher.hash(&Password::new("p".into())),
            Err(HashPasswordError::Busy(_))
        ));
        drop(held);
        assert!(hasher.verify(&Password::new("p".into()), None).is_ok());
    }
}
