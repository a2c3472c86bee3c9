//! A keyed hash of normalised name + date of birth: finds an exact match without storing
//! either in the clear. Keyed per retention epoch, so a destroyed epoch leaves nothing to
//! match a name against in old copies of the database.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::secret::SecretKey;
use crate::domain::resident::{DateOfBirth, PersonName};

/// What the index is computed over. Version 2: the name's UTS #39 skeleton after NFKC and full
/// case folding (`PersonName::matching_key`); version 1 was NFKC and lower case only. Rows
/// indexed under an older version match nothing until they are re-indexed.
pub const INDEX_VERSION: u32 = 2;

pub fn blind_index(index_key: &SecretKey, legal_name: &PersonName, dob: &DateOfBirth) -> Vec<u8> {
    // An HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(index_key.expose())
        .unwrap_or_else(|_| unreachable!("HMAC takes any key length"));
    // The version is in the domain tag, so hashes of two versions can never be confused.
    mac.update(format!("muni-id/blind-index/v{INDEX_VERSION}\0").as_bytes());
    mac.update(legal_name.matching_key().as_bytes());
    mac.update(b"\0");
    mac.update(dob.date().format("%Y-%m-%d").to_string().as_bytes());
    mac.finalize().into_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn same_person_same_key_matches_and_other_keys_do_not() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let dob = DateOfBirth::parse("1990-04-01", today, 10).unwrap();
        let a = PersonName::parse("n", "José Núñez").unwrap();
        let b = PersonName::parse("n", "JOSÉ   NÚÑEZ").unwrap();
        let key = SecretKey::generate();
        assert_eq!(blind_index(&key, &a, &dob), blind_index(&key, &b, &dob));
        assert_ne!(
            blind_index(&key, &a, &dob),
            blind_index(&SecretKey::generate(), &a, &dob)
        );
        let look_alike = PersonName::parse("n", "Jos\u{0435}\u{0301} N\u{00FA}\u{00F1}ez").unwrap();
        assert_eq!(
            blind_index(&key, &a, &dob),
            blind_index(&key, &look_alike, &dob),
            "a Cyrillic е for a Latin e"
        );
        let other_dob = DateOfBirth::parse("1990-04-02", today, 10).unwrap();
        assert_ne!(
            blind_index(&key, &a, &dob),
            blind_index(&key, &a, &other_dob)
        );
    }
}
