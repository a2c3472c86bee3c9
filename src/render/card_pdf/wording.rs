//! The card's printed words in one language: the band's title, the field labels, the badges,
//! the back's texts and how a date is written. The card prints them in the city's language,
//! and, when a resident asks for it, a second language beside them.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

/// How a language writes a day on the card ("7 Apr 1990", "1990年4月7日").
pub type DateWriter = Arc<dyn Fn(NaiveDate) -> String + Send + Sync>;

/// The card's words in one language, as printed (capitals included: not every script has
/// them, so the catalogue writes labels the way the card shows them).
#[derive(Clone)]
pub struct CardWording {
    /// The language's tag, as the pages name it ("es", "zh-Hant").
    pub language: String,
    /// Written right to left: its labels keep to the right edge of their place.
    pub rtl: bool,
    /// Under the jurisdiction's name on the band: "IDENTIFICATION CARD".
    pub title: String,
    pub name: String,
    pub preferred_name: String,
    pub date_of_birth: String,
    pub gender: String,
    pub issued: String,
    pub expires: String,
    pub card_number: String,
    pub address: String,
    pub languages: String,
    pub emergency_contact: String,
    pub veteran: String,
    pub organ_donor: String,
    /// "If found, please return to any City Hall or drop in a mailbox."
    pub return_if_found: String,
    /// "Check this card: scan the code, or visit id.springfield.gov/v"
    pub verify_hint: String,
    pub date: DateWriter,
    /// Between two items of a list: ", " (Chinese "、", Arabic "، ").
    pub list_separator: String,
    /// The languages a resident may use, by their names in this language: tag → name.
    pub language_names: Arc<BTreeMap<String, String>>,
}

impl std::fmt::Debug for CardWording {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CardWording")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

impl CardWording {
    /// Every text the card may print in this language as its second (a sample date among
    /// them; the names of languages print only in the card's own).
    pub fn texts(&self) -> impl Iterator<Item = String> + '_ {
        let day = NaiveDate::from_ymd_opt(2026, 9, 28).unwrap_or_default();
        [
            &self.title,
            &self.name,
            &self.preferred_name,
            &self.date_of_birth,
            &self.gender,
            &self.issued,
            &self.expires,
            &self.card_number,
            &self.address,
            &self.languages,
            &self.emergency_contact,
            &self.veteran,
            &self.organ_donor,
            &self.return_if_found,
            &self.verify_hint,
        ]
        .into_iter()
        .cloned()
        .chain((1..=12).map(move |month| (self.date)(day.with_month(month).unwrap_or(day))))
    }

    /// A resident's language as the back of the card names it in this language ("coreano"),
    /// with the tag when it says more ("portugués (pt-BR)"); a tag it has no name for, as is.
    pub fn language_name(&self, tag: &str) -> String {
        crate::i18n::name_language(tag, |t| self.language_names.get(t).cloned())
    }

    /// A resident's languages as the back of the card lists them in this language.
    pub fn language_list<'t>(&self, tags: impl IntoIterator<Item = &'t str>) -> String {
        let names: Vec<String> = tags.into_iter().map(|t| self.language_name(t)).collect();
        names.join(&self.list_separator)
    }

    /// The card's words in English, with the branding's texts for the back (and the
    /// catalogue's English names of languages).
    pub fn english(return_if_found: &str, verify_hint: &str) -> Self {
        let catalogue = crate::i18n::catalogue();
        Self {
            language: "en".into(),
            rtl: false,
            title: "IDENTIFICATION CARD".into(),
            name: "NAME".into(),
            preferred_name: "PREFERRED NAME".into(),
            date_of_birth: "DATE OF BIRTH".into(),
            gender: "GENDER".into(),
            issued: "ISSUED".into(),
            expires: "EXPIRES".into(),
            card_number: "CARD NO.".into(),
            address: "ADDRESS".into(),
            languages: "LANGUAGES".into(),
            emergency_contact: "EMERGENCY CONTACT".into(),
            veteran: "VETERAN".into(),
            organ_donor: "ORGAN DONOR".into(),
            return_if_found: return_if_found.into(),
            verify_hint: verify_hint.into(),
            date: Arc::new(card_date),
            list_separator: ", ".into(),
            language_names: Arc::new(catalogue.language_names(catalogue.default_locale())),
        }
    }
}

/// A date as the English card prints it, "7 Apr 1990": unambiguous for readers of any
/// country. The pages' card preview uses it too.
pub fn card_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}
