//! What a card face holds, as types that can only be built from valid input.
//!
//! There is deliberately no type here for immigration status, citizenship, country of birth or
//! document numbers: the program never collects them.

use super::age_bands::Relationship;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;
use unicode_normalization::UnicodeNormalization;

use super::{names, FieldError};
use crate::error::ErrorCode;

const MAX_NAME_CHARS: usize = 150;
const MAX_ADDRESS_LINE_CHARS: usize = 120;
const MAX_LANGUAGES: usize = 2;

/// Text as the resident wrote it: NFC-normalised, trimmed at the ends, no control characters.
fn clean_text(
    field: &'static str,
    raw: &str,
    max_chars: usize,
    code: ErrorCode,
) -> Result<String, FieldError> {
    let text: String = raw.trim().nfc().collect();
    if text.is_empty() {
        return Err(FieldError::new(field, code, "must not be empty"));
    }
    if text.chars().count() > max_chars {
        return Err(FieldError::new(
            field,
            code,
            format!("must be at most {max_chars} characters"),
        ));
    }
    if text.chars().any(char::is_control) {
        return Err(FieldError::new(
            field,
            code,
            "must not contain control characters or line breaks",
        ));
    }
    Ok(text)
}

/// A person's name in any script, kept exactly as written (Unicode NFC).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        // Before trimming, so the position counts the characters as they were sent.
        if let Some((position, c)) = names::invisible_at(raw) {
            return Err(FieldError::new(
                field,
                ErrorCode::InvalidCharacters,
                format!(
                    "{field}: character {position} (U+{:04X}) is invisible or changes the order or \
                     shape of the text around it, which a name may not hold; delete it and type \
                     that part of the name again",
                    c as u32
                ),
            )
            .at(position));
        }
        let text = clean_text(field, raw, MAX_NAME_CHARS, ErrorCode::InvalidName)?;
        if !text.chars().any(char::is_alphabetic) {
            return Err(FieldError::new(
                field,
                ErrorCode::InvalidName,
                "must contain a letter",
            ));
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used for duplicate detection and search: compatibility-folded, case-folded,
    /// look-alike letters folded per UTS #39, single spaces, so "JOSÉ  Núñez" and "José Núñez",
    /// or a Cyrillic "а" for a Latin "a", are the same name to the blind index.
    pub fn matching_key(&self) -> String {
        names::skeleton_key(&self.0)
    }
}

/// Something a clerk should check before issuing a card, although the value is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldWarning {
    pub field: &'static str,
    pub code: &'static str,
    pub message: String,
}

/// The warnings for the names of a record: a word mixing scripts in any person-name field.
/// Takes plain text, so a page can show the same warnings for a record it has read.
pub fn name_warnings<'a>(
    fields: impl IntoIterator<Item = (&'static str, Option<&'a str>)>,
) -> Vec<FieldWarning> {
    fields
        .into_iter()
        .filter_map(|(field, name)| {
            name.filter(|n| names::mixes_scripts_in_a_word(n))
                .map(|_| FieldWarning {
                    field,
                    code: "mixed_script",
                    message: format!(
                        "A word in {field} mixes letters of different scripts (a Cyrillic or \
                         Greek letter among Latin ones, say). It was accepted, since some names \
                         are written that way; check it against the documents before issuing \
                         the card."
                    ),
                })
        })
        .collect()
}

impl std::fmt::Debug for PersonName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonName(<redacted>)")
    }
}

/// A date of birth that is real, not in the future, and old enough for a card.
#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DateOfBirth(NaiveDate);

impl DateOfBirth {
    pub fn parse(raw: &str, today: NaiveDate, minimum_age_years: u32) -> Result<Self, FieldError> {
        let date = parse_date("date_of_birth", raw)?;
        if date > today {
            return Err(FieldError::new(
                "date_of_birth",
                ErrorCode::DateOfBirthInFuture,
                "the date of birth is in the future",
            ));
        }
        if years_between(date, today) > 130 {
            return Err(FieldError::new(
                "date_of_birth",
                ErrorCode::InvalidDate,
                "the date of birth is more than 130 years ago",
            ));
        }
        if years_between(date, today) < minimum_age_years as i32 {
            return Err(FieldError::new(
                "date_of_birth",
                ErrorCode::BelowMinimumAge,
                format!("a card needs the resident to be at least {minimum_age_years} years old"),
            ));
        }
        Ok(Self(date))
    }

    pub fn date(&self) -> NaiveDate {
        self.0
    }

    pub fn age_on(&self, day: NaiveDate) -> i32 {
        years_between(self.0, day)
    }
}

impl std::fmt::Debug for DateOfBirth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DateOfBirth(<redacted>)")
    }
}

/// Parses a strict `YYYY-MM-DD` date.
pub fn parse_date(field: &'static str, raw: &str) -> Result<NaiveDate, FieldError> {
    let well_formed = raw.len() == 10
        && raw.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let date = well_formed
        .then(|| NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok())
        .flatten();
    date.ok_or_else(|| {
        FieldError::new(
            field,
            ErrorCode::InvalidDate,
            "dates are written YYYY-MM-DD",
        )
    })
}

fn years_between(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}

/// The gender marker, self-designated; absent means none is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gender {
    F,
    M,
    X,
}

impl Gender {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        match raw {
            "F" => Ok(Gender::F),
            "M" => Ok(Gender::M),
            "X" => Ok(Gender::X),
            _ => Err(FieldError::new(
                "gender",
                ErrorCode::InvalidGender,
                "gender is F, M or X, or left out",
            )),
        }
    }
}

/// A well-formed BCP 47 language tag, in its canonical letter case (`es`, `zh-Hant`, `pt-BR`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LanguageTag(String);

impl LanguageTag {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let bad = || {
            FieldError::new(
                "languages",
                ErrorCode::InvalidLanguage,
                "languages are BCP 47 tags such as \"es\" or \"zh-Hant\"",
            )
        };
        if raw.is_empty() || raw.len() > 35 || raw.contains('_') {
            return Err(bad());
        }
        // unic-langid checks the subtags and puts each in its canonical case.
        let tag: LanguageIdentifier = raw.parse().map_err(|_| bad())?;
        // A language people speak has a two- or three-letter ISO 639 code (BCP 47's five to
        // eight letters are reserved).
        if !(2..=3).contains(&tag.language.as_str().len()) {
            return Err(bad());
        }
        Ok(Self(tag.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Up to two languages the resident speaks, printed on the card.
pub fn parse_languages(raw: &[String]) -> Result<Vec<LanguageTag>, FieldError> {
    if raw.len() > MAX_LANGUAGES {
        return Err(FieldError::new(
            "languages",
            ErrorCode::TooManyLanguages,
            format!("at most {MAX_LANGUAGES} languages fit on the card"),
        ));
    }
    let mut tags: Vec<LanguageTag> = Vec::new();
    for item in raw {
        let tag = LanguageTag::parse(item)?;
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Ok(tags)
}

/// The language a resident asked the card's words (labels, return-if-found text) to be printed
/// in beside the card's own; whether the card offers it is the renderer's to say.
pub fn parse_card_language(raw: Option<&str>) -> Result<Option<LanguageTag>, FieldError> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    LanguageTag::parse(raw).map(Some).map_err(|_| {
        FieldError::new(
            "card_language",
            ErrorCode::InvalidLanguage,
            "card_language is a BCP 47 tag of a language the pages speak, such as \"es\"",
        )
    })
}

/// A telephone number as people write it: digits, spaces, `+ - ( ) .`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let text = raw.trim();
        let digits = text.bytes().filter(u8::is_ascii_digit).count();
        let allowed = text
            .bytes()
            .all(|b| b.is_ascii_digit() || b" +-().".contains(&b));
        if !allowed || !(3..=20).contains(&digits) || text.len() > 32 {
            return Err(FieldError::new(
                "emergency_contact.phone",
                ErrorCode::InvalidPhone,
                "a phone number has 3 to 20 digits and only + - ( ) . and spaces besides",
            ));
        }
        Ok(Self(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmergencyContact {
    pub name: PersonName,
    pub phone: PhoneNumber,
}

/// Where the resident lives, or the shelter or agency that receives their mail.
/// Print-only: by policy it can be destroyed once the card is printed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Address {
    Home {
        line1: String,
        line2: Option<String>,
        city: Option<String>,
        postal_code: Option<String>,
    },
    CareOf {
        care_of: String,
        city: Option<String>,
        postal_code: Option<String>,
    },
}

/// The raw parts of an address as a form or an API client sends them.
#[derive(Default)]
pub struct AddressParts<'a> {
    pub line1: Option<&'a str>,
    pub line2: Option<&'a str>,
    pub care_of: Option<&'a str>,
    pub city: Option<&'a str>,
    pub postal_code: Option<&'a str>,
}

impl Address {
    /// Each line as entered, with the field it came from (`address.line1`, …).
    pub fn fields(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::with_capacity(4);
        match self {
            Address::Home {
                line1,
                line2,
                city,
                postal_code,
            } => {
                out.push(("address.line1", line1.as_str()));
                out.extend(line2.as_deref().map(|v| ("address.line2", v)));
                out.extend(city.as_deref().map(|v| ("address.city", v)));
                out.extend(postal_code.as_deref().map(|v| ("address.postal_code", v)));
            }
            Address::CareOf {
                care_of,
                city,
                postal_code,
            } => {
                out.push(("address.care_of", care_of.as_str()));
                out.extend(city.as_deref().map(|v| ("address.city", v)));
                out.extend(postal_code.as_deref().map(|v| ("address.postal_code", v)));
            }
        }
        out
    }

    /// The address as the card prints it and the pages show it: `c/o …` or the street lines,
    /// then the city with the postal code.
    pub fn lines(&self) -> Vec<String> {
        let place = |city: Option<String>, postal: Option<String>| {
            let joined = [city, postal]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            (!joined.is_empty()).then_some(joined)
        };
        match self.clone() {
            Address::Home {
                line1,
                line2,
                city,
                postal_code,
            } => [Some(line1), line2, place(city, postal_code)]
                .into_iter()
                .flatten()
                .collect(),
            Address::CareOf {
                care_of,
                city,
                postal_code,
            } => [Some(format!("c/o {care_of}")), place(city, postal_code)]
                .into_iter()
                .flatten()
                .collect(),
        }
    }

    pub fn parse(parts: AddressParts<'_>) -> Result<Self, FieldError> {
        let line =
            |field: &'static str, value: Option<&str>| -> Result<Option<String>, FieldError> {
                match value.map(str::trim) {
                    None | Some("") => Ok(None),
                    Some(text) => clean_text(
                        field,
                        text,
                        MAX_ADDRESS_LINE_CHARS,
                        ErrorCode::InvalidAddress,
                    )
                    .map(Some),
                }
            };
        let line1 = line("address.line1", parts.line1)?;
        let line2 = line("address.line2", parts.line2)?;
        let care_of = line("address.care_of", parts.care_of)?;
        let city = line("address.city", parts.city)?;
        let postal_code = line("address.postal_code", parts.postal_code)?;
        match (line1, care_of) {
            (Some(line1), None) => Ok(Address::Home {
                line1,
                line2,
                city,
                postal_code,
            }),
            (None, Some(care_of)) if line2.is_none() => Ok(Address::CareOf {
                care_of,
                city,
                postal_code,
            }),
            (Some(_), Some(_)) | (None, Some(_)) => Err(FieldError::new(
                "address",
                ErrorCode::InvalidAddress,
                "an address is either a home address (line1, line2) or a care-of line, not both",
            )),
            (None, None) => Err(FieldError::new(
                "address.line1",
                ErrorCode::InvalidAddress,
                "an address needs line1 or care_of",
            )),
        }
    }
}

impl std::fmt::Debug for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Address(<redacted>)")
    }
}

impl std::fmt::Debug for EmergencyContact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EmergencyContact(<redacted>)")
    }
}

impl std::fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PhoneNumber(<redacted>)")
    }
}

/// Everything printed on the card except the address and the photo, sealed as one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardFace {
    pub legal_name: PersonName,
    pub preferred_name: Option<PersonName>,
    pub date_of_birth: DateOfBirth,
    pub gender: Option<Gender>,
    pub languages: Vec<LanguageTag>,
    pub emergency_contact: Option<EmergencyContact>,
    pub veteran: bool,
    pub organ_donor: bool,
    /// Not printed: who came with the resident when they applied as a minor, by class only.
    /// Sealed with the face, so it is destroyed with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caretaker: Option<Relationship>,
    /// Not printed: the resident asked for a confidential card — no address on it, collected
    /// in person at a site. Sealed with the face, so a copy of the database does not single
    /// out who asked.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confidential: bool,
    /// The language the card's words are printed in beside the card's own, if asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_language: Option<LanguageTag>,
}

/// A confidential card carries no address: the resident's record keeps none while it is
/// confidential.
pub fn no_address_when_confidential(
    confidential: bool,
    address: Option<&Address>,
) -> Result<(), FieldError> {
    match (confidential, address) {
        (true, Some(_)) => Err(FieldError::new(
            "address",
            ErrorCode::ConfidentialNoAddress,
            "a confidential card carries no address: leave the address empty, or make the card \
             not confidential",
        )),
        _ => Ok(()),
    }
}

impl CardFace {
    /// What the clerk should check about this card face (see `name_warnings`).
    pub fn warnings(&self) -> Vec<FieldWarning> {
        name_warnings([
            ("legal_name", Some(self.legal_name.as_str())),
            (
                "preferred_name",
                self.preferred_name.as_ref().map(PersonName::as_str),
            ),
            (
                "emergency_contact.name",
                self.emergency_contact.as_ref().map(|c| c.name.as_str()),
            ),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn names_keep_every_script_and_are_nfc() {
        for name in [
            "José Núñez",
            "Nguyễn Thị Minh Khai",
            "Łukasz Żółć",
            "محمد الأمين",
            "王小明",
        ] {
            assert_eq!(
                PersonName::parse("legal_name", name).unwrap().as_str(),
                name
            );
        }
        // "e" + combining acute becomes the single code point é.
        let decomposed = "Jose\u{301}";
        assert_eq!(
            PersonName::parse("legal_name", decomposed)
                .unwrap()
                .as_str(),
            "José"
        );
    }

    #[test]
    fn names_refuse_empty_control_and_letterless_text() {
        for bad in ["", "   ", "A\nB", "12345", &"a".repeat(151)] {
            assert!(PersonName::parse("legal_name", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn invisible_characters_are_refused_with_the_field_and_position() {
        let err = PersonName::parse("preferred_name", " Ana\u{200B}").unwrap_err();
        assert_eq!(
            (err.field, err.code, err.position),
            ("preferred_name", ErrorCode::InvalidCharacters, Some(5))
        );
        assert!(err.message.contains("preferred_name") && err.message.contains('5'));
    }

    #[test]
    fn a_confidential_record_keeps_no_address() {
        let address = Address::parse(AddressParts {
            line1: Some("1 Main St"),
            line2: None,
            care_of: None,
            city: Some("Springfield"),
            postal_code: None,
        })
        .unwrap();
        assert!(no_address_when_confidential(false, Some(&address)).is_ok());
        assert!(no_address_when_confidential(true, None).is_ok());
        let refused = no_address_when_confidential(true, Some(&address)).unwrap_err();
        assert_eq!(
            (refused.field, refused.code),
            ("address", ErrorCode::ConfidentialNoAddress)
        );
    }

    #[test]
    fn mixed_script_words_are_warned_about_in_every_name_field() {
        let today = day("2026-11-21");
        let face = CardFace {
            legal_name: PersonName::parse("legal_name", "M\u{430}ria Santos").unwrap(),
            preferred_name: Some(PersonName::parse("preferred_name", "Мария").unwrap()),
            date_of_birth: DateOfBirth::parse("1990-04-01", today, 10).unwrap(),
            gender: None,
            languages: Vec::new(),
            emergency_contact: Some(EmergencyContact {
                name: PersonName::parse("emergency_contact.name", "J\u{43E}hn Doe").unwrap(),
                phone: PhoneNumber::parse("555 0100").unwrap(),
            }),
            veteran: false,
            organ_donor: false,
            caretaker: None,
            confidential: false,
            card_language: None,
        };
        let fields: Vec<_> = face.warnings().iter().map(|w| (w.field, w.code)).collect();
        assert_eq!(
            fields,
            [
                ("legal_name", "mixed_script"),
                ("emergency_contact.name", "mixed_script")
            ]
        );
    }

    #[test]
    fn matching_key_ignores_case_and_spacing() {
        let a = PersonName::parse("n", "JOSÉ  Núñez").unwrap();
        let b = PersonName::parse("n", "josé núñez").unwrap();
        assert_eq!(a.matching_key(), b.matching_key());
    }

    #[test]
    fn dates_are_strict() {
        let today = day("2026-11-21");
        for bad in [
            "1990-4-1",
            "1990/04/01",
            "1990-02-30",
            "19900401",
            "abcd-ef-gh",
            "",
        ] {
            let err = DateOfBirth::parse(bad, today, 10).unwrap_err();
            assert_eq!(err.code, "invalid_date", "{bad}");
        }
        assert_eq!(
            DateOfBirth::parse("2027-01-01", today, 10)
                .unwrap_err()
                .code,
            "date_of_birth_in_future"
        );
        assert_eq!(
            DateOfBirth::parse("2020-01-01", today, 10)
                .unwrap_err()
                .code,
            "below_minimum_age"
        );
        assert!(DateOfBirth::parse("2016-11-21", today, 10).is_ok());
        assert!(DateOfBirth::parse("2016-11-22", today, 10).is_err());
    }

    #[test]
    fn language_tags_are_canonicalised_and_limited() {
        assert_eq!(LanguageTag::parse("ZH-hant").unwrap().as_str(), "zh-Hant");
        assert_eq!(LanguageTag::parse("pt-br").unwrap().as_str(), "pt-BR");
        assert!(LanguageTag::parse("english").is_err());
        assert!(LanguageTag::parse("e").is_err());
        assert_eq!(
            LanguageTag::parse("SR-latn-rs").unwrap().as_str(),
            "sr-Latn-RS"
        );
        assert!(LanguageTag::parse("en_US").is_err());
        assert!(LanguageTag::parse("es-").is_err());
        let three = vec!["es".into(), "en".into(), "fr".into()];
        assert_eq!(
            parse_languages(&three).unwrap_err().code,
            "too_many_languages"
        );
    }

    #[test]
    fn address_is_home_or_care_of() {
        let home = Address::parse(AddressParts {
            line1: Some("12 Elm St"),
            city: Some("Springfield"),
            ..Default::default()
        })
        .unwrap();
        assert!(matches!(home, Address::Home { .. }));
        let care = Address::parse(AddressParts {
            care_of: Some("Harbor Shelter"),
            ..Default::default()
        })
        .unwrap();
        assert!(matches!(care, Address::CareOf { .. }));
        assert!(Address::parse(AddressParts {
            line1: Some("x"),
            care_of: Some("y"),
            ..Default::default()
        })
        .is_err());
        assert!(Address::parse(AddressParts::default()).is_err());
    }

    #[test]
    fn personal_values_never_print_in_debug() {
        let name = PersonName::parse("n", "Sentinel Name").unwrap();
        assert!(!format!("{name:?}").contains("Sentinel"));
    }
}
