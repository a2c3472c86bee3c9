//! The program's one Token Status List: a bit per card (1 = not valid), at a random index
//! each card keeps for life. Kept in memory and published signed. It is brought up to date
//! after a revocation here and every few seconds (another instance may have revoked) from the
//! cards revoked since the last look, and rebuilt from every revoked card at start-up and
//! hourly (the verification service reads both from the database).

use std::io::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, TryLockError};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use rand::Rng;

use super::card_token::{sign_status_list, StatusListClaims, TokenError};
use super::signing::{KeyId, SigningKeys};
use crate::clock::Clock;

/// The list's number in its address, `/status/1`.
pub const LIST_ID: &str = "1";

/// How often the list is rebuilt from every revoked card; in between, each refresh reads only
/// the cards revoked since the one before.
const FULL_REBUILD_EVERY: Duration = Duration::from_secs(3600);

impl Snapshot {
    /// The list now holds what the database held at `as_of` (the later of two reads).
    fn mark_read(&mut self, now: Instant, as_of: NaiveDateTime) {
        self.loaded_at = Some(now);
        self.read_as_of = Some(self.read_as_of.map_or(as_of, |read| read.max(as_of)));
    }
}

/// The byte and bit of `index` in `bits`; `None` outside the list.
fn locate(bits: &[u8], index: i64) -> Option<(usize, u8)> {
    let index = u64::try_from(index).ok()?;
    let byte = usize::try_from(index / 8).ok()?;
    (byte < bits.len()).then(|| (byte, 1 << (index % 8)))
}

struct Snapshot {
    bits: Arc<Vec<u8>>,
    loaded_at: Option<Instant>,
    /// When the list was last rebuilt from every revoked card.
    rebuilt_at: Option<Instant>,
    /// The service's time (its clock, as revocations are stamped) when the database was last
    /// read: the next refresh reads the cards revoked since.
    read_as_of: Option<NaiveDateTime>,
    /// The signed list, when it was signed, and by which key.
    signed: Option<(Arc<Vec<u8>>, Instant, KeyId)>,
}

pub struct StatusList {
    size: u64,
    uri: String,
    ttl: Duration,
    refresh_after: Duration,
    state: RwLock<Snapshot>,
    /// Held by the one caller rebuilding the list from the database.
    reloading: Mutex<()>,
    reloads: AtomicU64,
    rebuilds: AtomicU64,
}

impl StatusList {
    pub fn new(public_base_url: &str, size: u64, ttl_secs: i64, refresh_secs: u64) -> Self {
        Self {
            size,
            uri: format!("{public_base_url}/status/{LIST_ID}"),
            ttl: Duration::from_secs(u64::try_from(ttl_secs).unwrap_or(300)),
            refresh_after: Duration::from_secs(refresh_secs),
            state: RwLock::new(Snapshot {
                bits: Arc::new(vec![0; usize::try_from(size / 8).unwrap_or(0)]),
                loaded_at: None,
                rebuilt_at: None,
                read_as_of: None,
                signed: None,
            }),
            reloading: Mutex::new(()),
            reloads: AtomicU64::new(0),
            rebuilds: AtomicU64::new(0),
        }
    }

    pub fn uri(&self) -> &str {
        &self.uri
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    pub fn ttl_secs(&self) -> u64 {
        self.ttl.as_secs()
    }

    /// A random index for a new card. The caller's insert fails on a used one (unique index),
    /// and then asks again.
    pub fn random_index(&self) -> i64 {
        let index = rand::rngs::OsRng.gen_range(0..self.size);
        i64::try_from(index).unwrap_or(0)
    }

    /// True when the in-memory copy is older than the refresh interval.
    pub fn is_stale(&self) -> bool {
        let state = self.state.read().unwrap_or_else(|p| p.into_inner());
        state
            .loaded_at
            .is_none_or(|at| at.elapsed() >= self.refresh_after)
    }

    /// True while the in-memory copy is younger than the list's lifetime: a verifier holding
    /// a signed copy that old would still trust it, so answering from it is as current.
    pub fn is_usable(&self) -> bool {
        let state = self.state.read().unwrap_or_else(|p| p.into_inner());
        state.loaded_at.is_some_and(|at| at.elapsed() < self.ttl)
    }

    /// The right to rebuild a stale list, for one caller at a time (a rebuild scans every
    /// revoked card, and every verification arriving while the list is stale would start one).
    /// `None` when the list is fresh again, or while another caller rebuilds it and the copy in
    /// memory is still usable: answer from that copy. Otherwise waits for the other rebuild.
    pub fn reload_turn(&self) -> Option<MutexGuard<'_, ()>> {
        let turn = match self.reloading.try_lock() {
            Ok(turn) => turn,
            Err(TryLockError::WouldBlock) if self.is_usable() => return None,
            Err(TryLockError::WouldBlock) => {
                self.reloading.lock().unwrap_or_else(|p| p.into_inner())
            }
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
        };
        self.is_stale().then_some(turn)
    }

    /// How many times the list was brought up to date from the database since the process
    /// started.
    pub fn reloads(&self) -> u64 {
        self.reloads.load(Ordering::Relaxed)
    }

    /// How many of those reads were of every revoked card (start-up, hourly, a clock gone back).
    pub fn rebuilds(&self) -> u64 {
        self.rebuilds.load(Ordering::Relaxed)
    }

    /// Where a refresh at `now` (the service's time) may start reading revocations: the time
    /// of the last read. `None` when the list is due a rebuild from every revoked card: never
    /// built, last built an hour ago or more, or the clock has gone back.
    pub fn updating_from(&self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let state = self.state.read().unwrap_or_else(|p| p.into_inner());
        let recent = state
            .rebuilt_at
            .is_some_and(|at| at.elapsed() < FULL_REBUILD_EVERY);
        state.read_as_of.filter(|read| recent && *read <= now)
    }

    /// Rebuilds the bits from the indices of every revoked card, read at `as_of`.
    pub fn load(&self, revoked: impl IntoIterator<Item = i64>, as_of: NaiveDateTime) {
        let mut bits = vec![0u8; usize::try_from(self.size / 8).unwrap_or(0)];
        for index in revoked {
            if let Some((byte, mask)) = locate(&bits, index) {
                bits[byte] |= mask;
            }
        }
        self.reloads.fetch_add(1, Ordering::Relaxed);
        self.rebuilds.fetch_add(1, Ordering::Relaxed);
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        if *state.bits != bits {
            state.signed = None;
            state.bits = Arc::new(bits);
        }
        state.rebuilt_at = Some(Instant::now());
        state.loaded_at = state.rebuilt_at;
        // Everything revoked by `as_of` is in: a clock that went back starts again from here.
        state.read_as_of = Some(as_of);
    }

    /// Sets the bits of the cards revoked since the last read, read at `as_of`. Done under the
    /// lock, so that two refreshes at once both keep what they found.
    pub fn add(&self, revoked: impl IntoIterator<Item = i64>, as_of: NaiveDateTime) {
        self.reloads.fetch_add(1, Ordering::Relaxed);
        let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
        let mut changed = false;
        for index in revoked {
            if let Some((byte, mask)) = locate(&state.bits, index) {
                if state.bits[byte] & mask == 0 {
                    Arc::make_mut(&mut state.bits)[byte] |= mask;
                    changed = true;
                }
            }
        }
        if changed {
            state.signed = None;
        }
        state.mark_read(Instant::now(), as_of);
    }

    /// Whether the card at `index` is revoked; `None` when the index is outside the list.
    pub fn is_revoked(&self, index: u64) -> Option<bool> {
        if index >= self.size {
            return None;
        }
        let state = self.state.read().unwrap_or_else(|p| p.into_inner());
        let byte = state.bits.get(usize::try_from(index / 8).ok()?)?;
        Some(byte & (1 << (index % 8)) != 0)
    }

    /// The signed list, re-signed when the bits changed, half its lifetime has passed or the
    /// signing key changed (a revoked key's list would not verify).
    pub fn signed(
        &self,
        keys: &SigningKeys,
        clock: &dyn Clock,
    ) -> Result<Arc<Vec<u8>>, TokenError> {
        {
            let state = self.state.read().unwrap_or_else(|p| p.into_inner());
            if let Some((token, at, kid)) = &state.signed {
                if at.elapsed() < self.ttl / 2 && *kid == keys.current_kid() {
                    return Ok(token.clone());
                }
            }
        }
        let bits = self
            .state
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .bits
            .clone();
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
        encoder
            .write_all(&bits)
            .and_then(|_| encoder.finish())
            .map_err(|e| TokenError::Encode(e.to_string()))
            .and_then(|compressed| {
                let now = clock.now().timestamp();
                let ttl = i64::try_from(self.ttl.as_secs()).unwrap_or(300);
                let kid = keys.current_kid();
                let token = sign_status_list(
                    keys,
                    &StatusListClaims {
                        uri: self.uri.clone(),
                        issued_at: now,
                        expires_at: now + 24 * 3600,
                        ttl_secs: ttl,
                        compressed,
                    },
                )?;
                let token = Arc::new(token);
                let mut state = self.state.write().unwrap_or_else(|p| p.into_inner());
                state.signed = Some((token.clone(), Instant::now(), kid));
                Ok(token)
            })
    }
}

/// Decompresses a published list and reads one bit: what any verifier does. Only the bytes up
/// to the one holding the bit are inflated, so a list that inflates to gigabytes (a zlib bomb)
/// costs no more than a real one.
pub fn bit_in_published(compressed: &[u8], index: u64) -> Option<bool> {
    use std::io::Read;
    // The largest list a configuration allows holds 2^28 cards (32 MiB of bits).
    const MAX_LIST_BYTES: u64 = 1 << 25;
    let wanted = index / 8 + 1;
    if wanted > MAX_LIST_BYTES {
        return None;
    }
    let mut bits = Vec::new();
    flate2::read::ZlibDecoder::new(compressed)
        .take(wanted)
        .read_to_end(&mut bits)
        .ok()?;
    let byte = bits.get(usize::try_from(index / 8).ok()?)?;
    Some(byte & (1 << (index % 8)) != 0)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use chrono::{NaiveDate, NaiveDateTime};

    use super::{bit_in_published, StatusList};

    fn at(hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 7)
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_refresh_adds_what_was_revoked_since_the_last_read_to_the_rebuilt_list() {
        let list = StatusList::new("https://id.example.gov", 1024, 300, 5);
        assert_eq!(list.updating_from(at(9)), None, "never built: rebuild");
        list.load([3, 700], at(9));
        assert_eq!(list.updating_from(at(10)), Some(at(9)));
        list.add([5, 3, -1, 5000], at(10));
        let revoked: Vec<u64> = (0..1024)
            .filter(|&i| list.is_revoked(i) == Some(true))
            .collect();
        assert_eq!(revoked, [3, 5, 700]);
        assert_eq!((list.reloads(), list.rebuilds()), (2, 1));
        assert_eq!(list.updating_from(at(11)), Some(at(10)));
        // A refresh that started earlier but finished later does not move the mark back.
        list.add([], at(9));
        assert_eq!(list.updating_from(at(11)), Some(at(10)));
        // A clock gone back cannot tell what it has read: rebuild.
        assert_eq!(list.updating_from(at(8)), None);
        list.load([700], at(8));
        assert_eq!(
            list.is_revoked(5),
            Some(false),
            "a rebuild starts from the database"
        );
        assert_eq!(list.updating_from(at(8)), Some(at(8)));
    }

    fn zlib(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn reads_the_bit_least_significant_first() {
        let list = zlib(&[0b0000_0100, 0, 0b1000_0000]);
        assert_eq!(bit_in_published(&list, 2), Some(true));
        assert_eq!(bit_in_published(&list, 3), Some(false));
        assert_eq!(bit_in_published(&list, 23), Some(true));
        assert_eq!(bit_in_published(&list, 24), None);
        assert_eq!(bit_in_published(b"not zlib", 0), None);
    }

    #[test]
    fn inflates_only_up_to_the_bit_read() {
        // Four stored blocks of 64 KiB that inflate, then garbage: a bit in the first block
        // reads without the decoder reaching the garbage (which is also what bounds a stream
        // that inflates to gigabytes); a bit past the good part does not read.
        const BLOCK: usize = 65_535;
        let mut stream = vec![0x78, 0x01];
        for _ in 0..4 {
            stream.push(0x00);
            stream.extend_from_slice(&(BLOCK as u16).to_le_bytes());
            stream.extend_from_slice(&(!(BLOCK as u16)).to_le_bytes());
            stream.extend(std::iter::repeat_n(0xffu8, BLOCK));
        }
        stream.extend_from_slice(&[0xde, 0xad, 0xbe, 0xef, 0x17]);
        assert_eq!(bit_in_published(&stream, 0), Some(true));
        assert_eq!(bit_in_published(&stream, 8 * 1000 + 3), Some(true));
        assert_eq!(bit_in_published(&stream, 8 * 4 * BLOCK as u64 + 100), None);
        // No list a configuration allows is that long: refused before anything is inflated.
        assert_eq!(bit_in_published(&stream, 1 << 40), None);
    }
}
