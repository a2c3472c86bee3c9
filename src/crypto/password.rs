//! Staff passwords: argon2id with configured parameters, and a dummy hash so that an unknown
//! username costs the same time as a wrong password.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, PasswordHash, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
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

/// A counting semaphore over the computations, with what tests and metrics read. Each turn
/// lends one of `at_once` argon2 memory buffers, made once and reused: a check allocates
/// nothing, so memory stays at `at_once` × `memory_kib` however many logins come (and a
/// check skips the page faults of fresh memory).
struct Turns {
    busy: Mutex<usize>,
    buffers: Mutex<Vec<Vec<Block>>>,
    blocks: usize,
    freed: Condvar,
    at_once: usize,
    wait: Duration,
    /// Computations made (checks and hashes), and the most that ran at once.
    computed: AtomicU64,
    peak: AtomicUsize,
}

struct Turn<'a> {
    turns: &'a Turns,
    buffer: Vec<Block>,
}

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
        drop(busy);
        let buffer = self
            .buffers
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pop()
            .unwrap_or_else(|| vec![Block::default(); self.blocks]);
        Ok(Turn {
            turns: self,
            buffer,
        })
    }
}

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        let buffer = std::mem::take(&mut self.buffer);
        self.turns
            .buffers
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(buffer);
        *self.turns.busy.lock().unwrap_or_else(|p| p.into_inner()) -= 1;
        self.turns.freed.notify_one();
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
            params: params.clone(),
            dummy_hash: String::new(),
            turns: Arc::new(Turns {
                busy: Mutex::new(0),
                buffers: Mutex::new(Vec::new()),
                blocks: params.block_count(),
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
        let mut turn = self.turns.take()?;
        let salt = SaltString::generate(&mut OsRng);
        hash_in(&mut turn.buffer, &self.params, password, &salt)
            .map_err(|e| HashError(e.to_string()).into())
    }

    /// Whether `password` matches `stored`; with no stored hash (no such account) the same
    /// work is done against a dummy hash, and the answer is no. Waits its turn; `Busy` after
    /// the wait.
    pub fn verify(&self, password: &Password, stored: Option<&str>) -> Result<bool, Busy> {
        let mut turn = self.turns.take()?;
        let hash = stored.unwrap_or(&self.dummy_hash);
        let matches = PasswordHash::new(hash)
            .map(
                |parsed| match verify_in(&mut turn.buffer, password, &parsed) {
                    Some(matches) => matches,
                    // A hash made with more memory than a buffer holds (older, larger parameters).
                    None => self
                        .argon2()
                        .verify_password(password.expose().as_bytes(), &parsed)
                        .is_ok(),
                },
            )
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

/// An argon2id hash (PHC string) of `password` with `params`, computed in `memory`: the same
/// string `Argon2::hash_password` makes.
fn hash_in(
    memory: &mut [Block],
    params: &Params,
    password: &Password,
    salt: &SaltString,
) -> Result<String, argon2::password_hash::Error> {
    let mut raw_salt = [0u8; 64];
    let raw_salt = salt.as_salt().decode_b64(&mut raw_salt)?;
    let mut out = Zeroizing::new(vec![
        0u8;
        params
            .output_len()
            .unwrap_or(Params::DEFAULT_OUTPUT_LEN)
    ]);
    let memory = memory
        .get_mut(..params.block_count())
        .ok_or(argon2::password_hash::Error::Crypto)?;
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
        .hash_password_into_with_memory(password.expose().as_bytes(), raw_salt, &mut out, memory)?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: argon2::password_hash::ParamsString::try_from(params)?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out)?),
    };
    Ok(hash.to_string())
}

/// Checks `password` against an argon2 hash in `memory`: whether it matches, or `None` when
/// the hash needs more memory than `memory` holds (or is not an argon2 hash this can read).
/// The comparison is in constant time (`Output`'s equality).
fn verify_in(memory: &mut [Block], password: &Password, hash: &PasswordHash<'_>) -> Option<bool> {
    let algorithm = Algorithm::try_from(hash.algorithm).ok()?;
    let version = Version::try_from(hash.version.unwrap_or(0x13)).ok()?;
    let params = Params::try_from(hash).ok()?;
    let expected = hash.hash?;
    let mut salt = [0u8; 64];
    let salt = hash.salt?.decode_b64(&mut salt).ok()?;
    let blocks = params.block_count();
    let memory = memory.get_mut(..blocks)?;
    let mut out = Zeroizing::new(vec![0u8; expected.len()]);
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(password.expose().as_bytes(), salt, &mut out, memory)
        .ok()?;
    Some(Output::new(&out).ok()? == expected)
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
    fn a_check_in_a_reused_buffer_agrees_with_the_library_and_larger_hashes_still_verify() {
        let hasher = hasher(1, 1_000);
        let right = Password::new("correct horse battery".into());
        let wrong = Password::new("correct horse batterz".into());
        let hash = hasher.hash(&right).unwrap();
        let parsed = PasswordHash::new(&hash).unwrap();
        let mut memory = vec![Block::default(); hasher.params.block_count()];
        for _ in 0..3 {
            assert_eq!(verify_in(&mut memory, &right, &parsed), Some(true));
            assert_eq!(verify_in(&mut memory, &wrong, &parsed), Some(false));
        }
        // A hash made with more memory than the buffers hold: checked by the library instead.
        let larger = PasswordHasher::new((256, 1, 1), 1, Duration::from_secs(1)).unwrap();
        let big = larger.hash(&right).unwrap();
        assert_eq!(
            verify_in(&mut memory, &right, &PasswordHash::new(&big).unwrap()),
            None
        );
        assert!(hasher.verify(&right, Some(&big)).unwrap());
        assert!(!hasher.verify(&wrong, Some(&big)).unwrap());
        // The pooled hash is the library's own format: the library verifies it.
        assert!(Argon2::default()
            .verify_password(right.expose().as_bytes(), &parsed)
            .is_ok());
        // Another algorithm's string is no match.
        assert!(!hasher
            .verify(&right, Some("$2b$12$abcdefghijklmnopqrstuv"))
            .unwrap());
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
