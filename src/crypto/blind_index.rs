//! A keyed hash of normalised name + date of birth: finds an exact match without storing
//! either in the clear. Keyed per retention epoch, so a destroyed epoch leaves nothing to
//! match a name against in old copies of the database. The key never leaves key custody: this
//! module builds the message, custody computes its HMAC-SHA-256.

use crate::domain::resident::{DateOfBirth, PersonName};

/// What the index is computed over. Version 2: the name's UTS #39 skeleton after NFKC and full
/// case folding (`PersonName::matching_key`); version 1 was NFKC and lower case only. Rows
/// indexed under an older version match nothing until they are re-indexed.
pub const INDEX_VERSION: u32 = 2;

/// The message whose keyed hash is the blind index.
pub fn index_message(legal_name: &PersonName, dob: &DateOfBirth) -> Vec<u8> {
    // The version is in the domain tag, so hashes of two versions can never be confused.
    let mut message = format!("muni-id/blind-index/v{INDEX_VERSION}\0").into_bytes();
    message.extend_from_slice(legal_name.matching_key().as_bytes());
    message.push(0);
    message.extend_from_slice(dob.date().format("%Y-%m-%d").to_string().as_bytes());
    message
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn the_same_person_written_differently_gives_the_same_message() {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let dob = DateOfBirth::parse("1990-04-01", today, 10).unwrap();
        let a = PersonName::parse("n", "José Núñez").unwrap();
        let b = PersonName::parse("n", "JOSÉ   NÚÑEZ").unwrap();
        assert_eq!(index_message(&a, &dob), index_message(&b, &dob));
        let look_alike = PersonName::parse("n", "Jos\u{0435}\u{0301} N\u{00FA}\u{00F1}ez").unwrap();
        assert_eq!(
            index_message(&a, &dob),
            index_message(&look_alike, &dob),
            "a Cyrillic е for a Latin e"
        );
        let other_dob = DateOfBirth::parse("1990-04-02", today, 10).unwrap();
        assert_ne!(index_message(&a, &dob), index_message(&a, &other_dob));
    }

    #[test]
    fn the_message_is_the_one_earlier_releases_hashed() {
        // Rows indexed before key custody must still match: same tag, same separators.
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let dob = DateOfBirth::parse("1990-04-01", today, 10).unwrap();
        let name = PersonName::parse("n", "ana").unwrap();
        assert_eq!(
            index_message(&name, &dob),
            b"muni-id/blind-index/v2\0ana\x001990-04-01".to_vec()
        );
    }
}
