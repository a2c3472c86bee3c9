//! How an old system's export maps onto this service's fields: the mapping file an operator
//! writes (which column fills which field, how dates and yes/no are written), and the refusal
//! that keeps what this service never holds (DESIGN.md) out of it: a column or field whose name
//! says it holds such data is never mapped (`never_kept`, its word list tested below), and
//! every column the mapping does not name is dropped unread.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Deserialize;

/// The fields an import fills, as the mapping file names them.
pub const FIELDS: [&str; 18] = [
    "legal_name",
    "preferred_name",
    "date_of_birth",
    "gender",
    "address_line1",
    "address_line2",
    "address_care_of",
    "address_city",
    "address_postal_code",
    "language_1",
    "language_2",
    "emergency_name",
    "emergency_phone",
    "veteran",
    "organ_donor",
    "confidential",
    "photo_file",
    "card_expires_on",
];

/// The fields a mapping must fill.
pub const REQUIRED: [&str; 4] = [
    "legal_name",
    "date_of_birth",
    "photo_file",
    "card_expires_on",
];

/// Stems that mark a column (or a field asked for) as something this service never keeps,
/// matched against the name folded to unaccented lowercase letters and digits (English and
/// Spanish, as vendors' exports write them).
const NEVER_KEPT_STEMS: [&str; 38] = [
    "immigra",
    "migratori",
    "citizen",
    "ciudadan",
    "nationalit",
    "nacionalidad",
    "countryofbirth",
    "countryoforigin",
    "birthcountry",
    "placeofbirth",
    "birthplace",
    "paisdenacimiento",
    "lugardenacimiento",
    "paisdeorigen",
    "passport",
    "pasaporte",
    "socialsec",
    "socsec",
    "segurosocial",
    "taxid",
    "taxpayer",
    "greencard",
    "alienreg",
    "alienno",
    "aliennum",
    "consular",
    "matricula",
    "legalstatus",
    "residencystatus",
    "lawfulpresence",
    "workpermit",
    "workauthori",
    "undocumented",
    "indocumentad",
    "visastatus",
    "stateid",
    "driverslicen",
    "driverlicen",
];

/// Whole words (between separators) that mark the same.
const NEVER_KEPT_WORDS: [&str; 15] = [
    "ssn", "ss", "itin", "tin", "ein", "visa", "anumber", "alien", "i94", "uscis", "daca", "tps",
    "ead", "idno", "idnum",
];

/// Words that, followed by a number word (`number`, `no`, `num`, `#`), name a document's or an
/// identifier's number.
const NUMBERED: [&str; 12] = [
    "a",
    "id",
    "ident",
    "identity",
    "identification",
    "doc",
    "document",
    "documento",
    "dl",
    "license",
    "licence",
    "licencia",
];

/// Whether a column or field name names something this service never keeps.
pub fn never_kept(name: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    // Accents folded away (`País` → `pais`), `#` kept as a word of its own.
    let folded: String = name
        .nfkd()
        .filter(|c| c.is_ascii())
        .collect::<String>()
        .to_lowercase()
        .replace('#', " # ");
    let letters: String = folded.chars().filter(char::is_ascii_alphanumeric).collect();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '#')
        .filter(|w| !w.is_empty())
        .collect();
    let number_word = |w: &str| matches!(w, "number" | "no" | "num" | "nr" | "numero" | "#");
    let numbered = words
        .windows(2)
        .any(|w| NUMBERED.contains(&w[0]) && number_word(w[1]));
    // A photo for a passport is a photo.
    let passport_photo = letters.contains("passportphoto");
    (NEVER_KEPT_STEMS.iter().any(|stem| letters.contains(stem)) && !passport_photo)
        || words.iter().any(|w| NEVER_KEPT_WORDS.contains(w))
        || letters.contains("i94")
        || numbered
}

/// The mapping file as written (TOML).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MappingFile {
    columns: BTreeMap<String, String>,
    #[serde(default)]
    formats: Formats,
    /// How the export writes the gender marker: its value → `F`, `M` or `X`; a value not
    /// listed (or blank) leaves the marker blank.
    #[serde(default)]
    gender: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Formats {
    /// A chrono format for dates (`%Y-%m-%d` by default; `%m/%d/%Y` for many US exports).
    #[serde(default = "default_date")]
    date: String,
    /// The values that mean yes (case-insensitive); anything else, blank included, is no.
    #[serde(default = "default_true", rename = "true")]
    yes: Vec<String>,
}

impl Default for Formats {
    fn default() -> Self {
        Self {
            date: default_date(),
            yes: default_true(),
        }
    }
}

fn default_date() -> String {
    "%Y-%m-%d".into()
}

fn default_true() -> Vec<String> {
    ["y", "yes", "true", "1", "x"].map(String::from).to_vec()
}

/// A mapping checked: each field it fills, from which column, and how values are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportMapping {
    /// Field → the export's column.
    pub columns: BTreeMap<String, String>,
    pub date_format: String,
    pub yes: Vec<String>,
    pub gender: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("the mapping file is not valid TOML of the expected shape: {0}")]
    Malformed(String),
    #[error(
        "`{0}` is not a field this service keeps, and never will be: immigration status, \
         citizenship, country of birth, social security and tax numbers and identity-document \
         numbers are never stored. Remove it from [columns]; the column is then dropped unread."
    )]
    NeverKeptField(String),
    #[error("`{0}` is not a field of this service (the fields: {fields})", fields = FIELDS.join(", "))]
    UnknownField(String),
    #[error(
        "the column `{column}` holds something this service never keeps (immigration status, \
         citizenship, a place of birth, a social security, tax or document number); it cannot \
         fill `{field}`. Remove that line; the column is then dropped unread."
    )]
    NeverKeptColumn { field: String, column: String },
    #[error("the mapping must name a column for `{0}`")]
    Missing(&'static str),
    #[error("`{0}` is not a date format chrono reads")]
    DateFormat(String),
    #[error("the gender value `{value}` must map to F, M or X, not `{to}`")]
    Gender { value: String, to: String },
    #[error("the export has no column `{0}` that the mapping names")]
    ColumnAbsent(String),
}

impl ImportMapping {
    /// Reads and checks a mapping file.
    pub fn parse(text: &str) -> Result<Self, MappingError> {
        let file: MappingFile =
            toml::from_str(text).map_err(|e| MappingError::Malformed(e.message().to_owned()))?;
        for (field, column) in &file.columns {
            if !FIELDS.contains(&field.as_str()) {
                return Err(if never_kept(field) {
                    MappingError::NeverKeptField(field.clone())
                } else {
                    MappingError::UnknownField(field.clone())
                });
            }
            if never_kept(column) {
                return Err(MappingError::NeverKeptColumn {
                    field: field.clone(),
                    column: column.clone(),
                });
            }
        }
        if let Some(missing) = REQUIRED
            .iter()
            .find(|field| !file.columns.contains_key(**field))
        {
            return Err(MappingError::Missing(missing));
        }
        // The format must write a day and read it back whole: year (all four digits: a
        // two-digit year would read 1931 as 2031), month and day.
        let probe = chrono::NaiveDate::from_ymd_opt(1931, 2, 3).unwrap_or_default();
        let mut written = String::new();
        let reads_back = write!(written, "{}", probe.format(&file.formats.date))
            .ok()
            .and_then(|()| chrono::NaiveDate::parse_from_str(&written, &file.formats.date).ok());
        if reads_back != Some(probe) {
            return Err(MappingError::DateFormat(file.formats.date));
        }
        for (value, to) in &file.gender {
            if !matches!(to.as_str(), "F" | "M" | "X") {
                return Err(MappingError::Gender {
                    value: value.clone(),
                    to: to.clone(),
                });
            }
        }
        Ok(Self {
            columns: file.columns,
            date_format: file.formats.date,
            yes: file.formats.yes.iter().map(|v| v.to_lowercase()).collect(),
            gender: file.gender,
        })
    }

    /// The export's column for `field`, when mapped.
    pub fn column(&self, field: &str) -> Option<&str> {
        self.columns.get(field).map(String::as_str)
    }

    /// Whether a cell means yes.
    pub fn is_yes(&self, cell: &str) -> bool {
        self.yes.contains(&cell.trim().to_lowercase())
    }

    /// The gender marker a cell means: `F`, `M`, `X`, or none.
    pub fn gender_of(&self, cell: &str) -> Option<&'static str> {
        let cell = cell.trim();
        let marker = self.gender.get(cell).map_or(cell, String::as_str);
        match marker {
            "F" => Some("F"),
            "M" => Some("M"),
            "X" => Some("X"),
            _ => None,
        }
    }

    /// The export's header checked against the mapping: each mapped column's position, and the
    /// columns dropped unread (every one the mapping does not name), in the export's order.
    pub fn against(
        &self,
        header: &[String],
    ) -> Result<(BTreeMap<String, usize>, Vec<String>), MappingError> {
        let mut positions = BTreeMap::new();
        for (field, column) in &self.columns {
            let at = header
                .iter()
                .position(|h| h.trim() == column.trim())
                .ok_or_else(|| MappingError::ColumnAbsent(column.clone()))?;
            positions.insert(field.clone(), at);
        }
        let used: Vec<usize> = positions.values().copied().collect();
        let dropped = header
            .iter()
            .enumerate()
            .filter(|(i, _)| !used.contains(i))
            .map(|(_, h)| h.trim().to_owned())
            .collect();
        Ok((positions, dropped))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
        [columns]
        legal_name = "Full Name"
        date_of_birth = "DOB"
        photo_file = "Photo"
        card_expires_on = "Expires"
        gender = "Sex"
        veteran = "Vet"

        [formats]
        date = "%m/%d/%Y"

        [gender]
        Female = "F"
        Male = "M"
    "#;

    #[test]
    fn a_mapping_names_columns_formats_and_values() {
        let mapping = ImportMapping::parse(GOOD).unwrap();
        assert_eq!(mapping.column("legal_name"), Some("Full Name"));
        assert_eq!(mapping.date_format, "%m/%d/%Y");
        assert!(mapping.is_yes(" YES ") && !mapping.is_yes("no") && !mapping.is_yes(""));
        assert_eq!(mapping.gender_of("Female"), Some("F"));
        assert_eq!(mapping.gender_of("X"), Some("X"));
        assert_eq!(mapping.gender_of("Unknown"), None);
        let header: Vec<String> = [
            "ID",
            "Full Name",
            "DOB",
            "Sex",
            "Vet",
            "Photo",
            "Expires",
            "SSN",
        ]
        .map(String::from)
        .to_vec();
        let (positions, dropped) = mapping.against(&header).unwrap();
        assert_eq!(positions["photo_file"], 5);
        assert_eq!(positions["card_expires_on"], 6);
        assert_eq!(dropped, ["ID", "SSN"]);
        let missing: Vec<String> = ["Full Name", "DOB"].map(String::from).to_vec();
        assert_eq!(
            mapping.against(&missing),
            Err(MappingError::ColumnAbsent("Expires".into()))
        );
    }

    #[test]
    fn what_is_never_kept_cannot_be_mapped() {
        for field in [
            "immigration_status",
            "citizenship",
            "passport_number",
            "ssn",
        ] {
            let text = format!("[columns]\n{field} = \"X\"\nlegal_name = \"N\"");
            assert_eq!(
                ImportMapping::parse(&text),
                Err(MappingError::NeverKeptField(field.into())),
                "{field}"
            );
        }
        for column in [
            "immigration_status",
            "Immigration Status",
            "Passport Number",
            "Passport #",
            "PASSPORTNO",
            "Country of Birth",
            "Country of Origin",
            "Place of Birth",
            "SSN",
            "SSN/ITIN",
            "SS#",
            "Social Sec #",
            "Soc Sec No",
            "Tax ID",
            "Taxpayer ID",
            "ITIN",
            "A-Number",
            "A#",
            "A Num",
            "Alien No.",
            "Alien Registration #",
            "Driver License Number",
            "DL #",
            "State ID",
            "ID Number",
            "ID #",
            "IDNo",
            "Doc #",
            "Doc No",
            "Document #",
            "Document Number",
            "Consular ID",
            "Matrícula Consular",
            "I-94",
            "Citizenship",
            "Nationality",
            "Visa Status",
            "Legal Status",
            "Residency Status",
            "Lawful Presence",
            "DACA",
            "TPS",
            "EAD",
            "Work Permit",
            "Undocumented",
            "Estatus Migratorio",
            "Pasaporte",
            "País de Nacimiento",
            "Nacionalidad",
            "Número de Seguro Social",
        ] {
            let text = format!("[columns]\nlegal_name = \"{column}\"");
            assert!(
                matches!(
                    ImportMapping::parse(&text),
                    Err(MappingError::NeverKeptColumn { .. })
                ),
                "{column}"
            );
        }
    }

    #[test]
    fn ordinary_columns_are_not_caught_by_the_same_words() {
        for column in [
            "Destination",
            "Business Name",
            "Last Name",
            "Visit Date",
            "Record ID",
            "Document Notes",
            "Passport Photo",
            "Address Line 1",
            "Date of Birth",
            "Card Expires",
            "Emergency Contact Phone",
            "Apartment",
            "Language",
            "Organ Donor",
            "Veteran",
            "Status Date",
        ] {
            assert!(!never_kept(column), "{column}");
        }
    }

    #[test]
    fn a_mapping_is_refused_with_what_is_wrong() {
        assert_eq!(
            ImportMapping::parse("[columns]\nlegal_name = \"N\"\ndate_of_birth = \"D\""),
            Err(MappingError::Missing("photo_file"))
        );
        assert!(matches!(
            ImportMapping::parse("[columns]\nnickname = \"N\""),
            Err(MappingError::UnknownField(_))
        ));
        // Not a format; a two-digit year (1931 would read as 2031).
        for bad in ["%Q", "%m/%d/%y"] {
            let bad_date = GOOD.replace("%m/%d/%Y", bad);
            assert!(
                matches!(
                    ImportMapping::parse(&bad_date),
                    Err(MappingError::DateFormat(_))
                ),
                "{bad}"
            );
        }
        let bad_gender = GOOD.replace("Male = \"M\"", "Male = \"Man\"");
        assert!(matches!(
            ImportMapping::parse(&bad_gender),
            Err(MappingError::Gender { .. })
        ));
        assert!(matches!(
            ImportMapping::parse("columns = 3"),
            Err(MappingError::Malformed(_))
        ));
    }
}
