//! The message catalogue: one Fluent file per language under `locales/`, embedded at build time
//! (see `build.rs`). A message missing from a language falls back to English, then to its id,
//! so a half-translated catalogue still gives a usable page.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The language every page falls back to.
pub const DEFAULT: &str = "en";

/// Writing direction of a language, from its catalogue's `language-dir` message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One language: its tag, its own name for itself, its direction and its messages.
pub struct Locale {
    pub code: &'static str,
    pub name: String,
    pub dir: Direction,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("code", &self.code).finish()
    }
}

/// A message argument: a number (for plural rules) or text.
#[derive(Debug, Clone)]
pub enum Arg {
    Number(i64),
    Text(String),
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<u64> for Arg {
    /// A count (saturating: no count reaches `i64::MAX`).
    fn from(n: u64) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Number(i64::from(n))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

/// One language's messages, days and numbers: what a renderer writes in (the reports' PDFs).
#[derive(Clone, Copy)]
pub struct Words<'a> {
    catalogue: &'a Catalogue,
    pub locale: &'a Locale,
}

impl<'a> Words<'a> {
    pub fn new(catalogue: &'a Catalogue, locale: &'a Locale) -> Self {
        Self { catalogue, locale }
    }

    /// English, the language every report can fall back to.
    pub fn english(catalogue: &'a Catalogue) -> Self {
        Self::new(catalogue, catalogue.default_locale())
    }

    pub fn t(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.catalogue.message(self.locale, id, args)
    }

    /// `id` when the catalogue has it, else `fallback` as it is (a code of the city's own).
    pub fn t_or(&self, id: &str, fallback: &str) -> String {
        if self.catalogue.has(id) {
            self.t(id, &[])
        } else {
            fallback.to_owned()
        }
    }

    pub fn date(&self, day: NaiveDate) -> String {
        self.catalogue.date(self.locale, day)
    }

    pub fn number(&self, n: u64) -> String {
        self.catalogue
            .number(self.locale, i64::try_from(n).unwrap_or(i64::MAX))
    }

    pub fn rtl(&self) -> bool {
        self.locale.dir == Direction::Rtl
    }

    /// A language tag by its name in this language.
    pub fn language_name(&self, tag: &str) -> String {
        self.catalogue.language_name(self.locale, tag)
    }
}

pub struct Catalogue {
    locales: Vec<Locale>,
    by_code: HashMap<&'static str, usize>,
    /// The language tags every catalogue names (its `lang-<tag>` messages).
    named_languages: Vec<String>,
}

impl Catalogue {
    fn load() -> Self {
        let mut locales = Vec::new();
        for (code, source) in CATALOGUES {
            let resource = match FluentResource::try_new((*source).to_owned()) {
                Ok(r) => r,
                Err((partial, errors)) => {
                    tracing::error!(
                        language = code,
                        errors = errors.len(),
                        "a message catalogue has syntax errors"
                    );
                    partial
                }
            };
            let id: LanguageIdentifier = code.parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Pages put values in their own elements (with `dir="auto"` where they may be in
            // another script); Unicode isolation marks would only end up in form values.
            bundle.set_use_isolating(false);
            if bundle.add_resource(resource).is_err() {
                tracing::error!(
                    language = code,
                    "a message catalogue defines a message twice"
                );
            }
            let mut locale = Locale {
                code,
                name: (*code).to_owned(),
                dir: Direction::Ltr,
                bundle,
            };
            if let Some(name) = locale.lookup("language-name", None) {
                locale.name = name;
            }
            if locale.lookup("language-dir", None).as_deref() == Some("rtl") {
                locale.dir = Direction::Rtl;
            }
            locales.push(locale);
        }
        // English first in the language menu, then the others by tag.
        locales.sort_by_key(|l| (l.code != DEFAULT, l.code));
        let by_code = locales
            .iter()
            .enumerate()
            .map(|(i, l)| (l.code, i))
            .collect();
        let mut catalogue = Self {
            locales,
            by_code,
            named_languages: Vec::new(),
        };
        catalogue.named_languages = catalogue
            .default_locale()
            .ids()
            .into_iter()
            .filter_map(|id| id.strip_prefix(LANGUAGE_PREFIX).map(str::to_owned))
            .collect();
        catalogue
    }

    pub fn all(&self) -> &[Locale] {
        &self.locales
    }

    pub fn get(&self, code: &str) -> Option<&Locale> {
        self.by_code.get(code).map(|&i| &self.locales[i])
    }

    pub fn default_locale(&self) -> &Locale {
        self.get(DEFAULT).unwrap_or(&self.locales[0])
    }

    /// The language for a request: the staff member's choice (a cookie), else the browser's
    /// `Accept-Language`, else English.
    pub fn negotiate(&self, chosen: Option<&str>, accept_language: Option<&str>) -> &Locale {
        if let Some(locale) = chosen.and_then(|c| self.get(c)) {
            return locale;
        }
        let mut wanted: Vec<(f32, &str)> = accept_language
            .unwrap_or("")
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (!tag.is_empty() && q > 0.0).then_some((q, tag))
            })
            .collect();
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (_, tag) in wanted {
            if let Some(locale) = self.best_for(tag) {
                return locale;
            }
        }
        self.default_locale()
    }

    /// The catalogue for one language tag of a browser's: the same tag, else the longest
    /// catalogue tag it starts with (`zh-Hant-TW` → `zh-Hant`), else Chinese by its region's
    /// script (`zh-TW` → `zh-Hant`, `zh-CN` → `zh-Hans`), else the language alone (`es-MX` → `es`).
    fn best_for(&self, tag: &str) -> Option<&Locale> {
        let tag = tag.to_ascii_lowercase();
        let subtags: Vec<&str> = tag.split('-').collect();
        let by_prefix = (1..=subtags.len()).rev().find_map(|n| {
            let prefix = subtags[..n].join("-");
            self.locales
                .iter()
                .find(|l| l.code.eq_ignore_ascii_case(&prefix))
        });
        if by_prefix.is_some() {
            return by_prefix;
        }
        if subtags[0] == "zh" {
            let traditional = subtags[1..]
                .iter()
                .any(|s| matches!(*s, "hant" | "tw" | "hk" | "mo"));
            return self.get(if traditional { "zh-Hant" } else { "zh-Hans" });
        }
        None
    }

    /// A message in `locale`, falling back to English, then to the id itself.
    pub fn message(&self, locale: &Locale, id: &str, args: &[(&str, Arg)]) -> String {
        let fluent = fluent_args(args);
        let fluent = (!args.is_empty()).then_some(&fluent);
        locale
            .lookup(id, fluent)
            .or_else(|| self.default_locale().lookup(id, fluent))
            .unwrap_or_else(|| id.to_owned())
    }

    /// A day as `locale` writes it: its `date-long` pattern with the month's name.
    pub fn date(&self, locale: &Locale, day: NaiveDate) -> String {
        let month_name = self.message(locale, &format!("month-{}", day.month()), &[]);
        self.message(
            locale,
            "date-long",
            &[
                // The year as text: a number would be open to a formatter's grouping.
                ("year", Arg::Text(day.year().to_string())),
                ("month", Arg::from(day.month())),
                ("day", Arg::from(day.day())),
                ("monthName", Arg::Text(month_name)),
            ],
        )
    }

    /// A whole number as `locale` writes it, with its thousands separator
    /// (`number-group-separator`, "none" for none).
    pub fn number(&self, locale: &Locale, n: i64) -> String {
        let separator = self.message(locale, "number-group-separator", &[]);
        let separator = if separator == "none" {
            ""
        } else {
            separator.as_str()
        };
        group_digits(n, separator)
    }

    /// A language by its name in `locale` ("coreano" in Spanish for `ko`), with the tag when
    /// it says more (`pt-BR` → "Portuguese (pt-BR)"); a tag no catalogue names, as it is.
    pub fn language_name(&self, locale: &Locale, tag: &str) -> String {
        name_language(tag, |t| {
            let id = format!("{LANGUAGE_PREFIX}{t}");
            self.has(&id).then(|| self.message(locale, &id, &[]))
        })
    }

    /// Every language the catalogues name, by its name in `locale`: tag → name.
    pub fn language_names(&self, locale: &Locale) -> BTreeMap<String, String> {
        self.named_languages
            .iter()
            .map(|tag| (tag.clone(), self.language_name(locale, tag)))
            .collect()
    }

    /// Whether any catalogue (English, the reference) has this message.
    pub fn has(&self, id: &str) -> bool {
        self.default_locale().bundle.has_message(id)
    }
}

/// The message id of a language's name is this and its tag (`lang-ko`).
const LANGUAGE_PREFIX: &str = "lang-";

/// A language tag by the name `known` gives it, or its primary language's name with the whole
/// tag after it ("Portuguese (pt-BR)"), or the tag itself.
pub fn name_language(tag: &str, known: impl Fn(&str) -> Option<String>) -> String {
    if let Some(name) = known(tag) {
        return name;
    }
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    match known(&primary) {
        Some(name) => format!("{name} ({tag})"),
        None => tag.to_owned(),
    }
}

/// `n` with `separator` between each group of three digits.
fn group_digits(n: i64, separator: &str) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    if n < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Number(n) => out.set(*name, FluentValue::from(*n)),
            Arg::Text(s) => out.set(*name, FluentValue::from(s.as_str())),
        }
    }
    out
}

impl Locale {
    fn lookup(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::warn!(
                language = self.code,
                message = id,
                "a message could not be formatted"
            );
        }
        Some(text.into_owned())
    }

    /// Message ids this catalogue defines (the language names it has; the completeness test).
    fn ids(&self) -> Vec<String> {
        let (_, source) = CATALOGUES
            .iter()
            .find(|(c, _)| *c == self.code)
            .expect("source of a loaded catalogue");
        source
            .lines()
            .filter_map(|line| {
                let (id, _) = line.split_once('=')?;
                let id = id.trim_end();
                let well_formed = id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                well_formed.then(|| id.to_owned())
            })
            .collect()
    }
}

pub fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(Catalogue::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_parses_cleanly() {
        for (code, source) in CATALOGUES {
            assert!(
                FluentResource::try_new((*source).to_owned()).is_ok(),
                "locales/{code}.ftl has syntax errors"
            );
        }
    }

    #[test]
    fn the_ten_designated_languages_and_english_are_there_and_arabic_and_urdu_are_rtl() {
        let c = catalogue();
        let designated = [
            "es", "zh-Hans", "zh-Hant", "ru", "bn", "ht", "ko", "ar", "ur", "fr", "pl",
        ];
        for code in designated.iter().chain(&["en"]) {
            let locale = c
                .get(code)
                .unwrap_or_else(|| panic!("no catalogue for {code}"));
            assert_ne!(locale.name, *code, "{code} names itself");
            let rtl = matches!(*code, "ar" | "ur");
            assert_eq!(locale.dir == Direction::Rtl, rtl, "{code}");
        }
    }

    #[test]
    fn dates_and_numbers_are_written_as_each_language_writes_them() {
        let c = catalogue();
        let day = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        assert_eq!(c.date(c.get("en").unwrap(), day), "December 6, 2026");
        assert_eq!(c.date(c.get("es").unwrap(), day), "6 de diciembre de 2026");
        assert_eq!(c.number(c.get("en").unwrap(), 2_200_000), "2,200,000");
        assert_eq!(c.number(c.get("es").unwrap(), -12_345), "-12.345");
        assert_eq!(c.number(c.get("en").unwrap(), 999), "999");
        assert_eq!(group_digits(1_000, ""), "1000");
        for locale in c.all() {
            let written = c.date(locale, day);
            assert!(written.contains("2026"), "{}: {written}", locale.code);
            assert!(!written.contains("month-"), "{}: {written}", locale.code);
        }
    }

    #[test]
    fn each_language_names_the_languages_residents_use_in_its_own_words() {
        let c = catalogue();
        let name = |locale: &str, tag: &str| c.language_name(c.get(locale).unwrap(), tag);
        assert_eq!(name("en", "ko"), "Korean");
        assert_eq!(name("es", "ko"), "coreano");
        assert_eq!(name("fr", "es"), "espagnol");
        assert_eq!(name("en", "ase"), "American Sign Language");
        assert_eq!(name("en", "pt-BR"), "Portuguese (pt-BR)");
        assert_eq!(name("es", "zh-Hant"), "chino (zh-Hant)");
        assert_eq!(name("ko", "xyz"), "xyz");
        assert!(c.named_languages.len() >= 50, "{:?}", c.named_languages);
        for locale in c.all() {
            let names = c.language_names(locale);
            assert_eq!(names.len(), c.named_languages.len());
            for (tag, written) in &names {
                assert!(
                    !written.starts_with(LANGUAGE_PREFIX),
                    "{}: {tag}",
                    locale.code
                );
                // Its own words: no language but English names Korean "Korean".
                if locale.code != "en" && tag == "ko" {
                    assert_ne!(written, "Korean", "{}", locale.code);
                }
            }
        }
    }

    #[test]
    fn every_language_has_every_english_message_and_no_others() {
        let c = catalogue();
        let english: std::collections::BTreeSet<String> =
            c.default_locale().ids().into_iter().collect();
        for locale in c.all() {
            let ids: std::collections::BTreeSet<String> = locale.ids().into_iter().collect();
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", locale.code);
            assert!(extra.is_empty(), "{} has unknown {extra:?}", locale.code);
        }
    }

    /// Every error code has a message in every language (else a clerk would read "a value is
    /// not valid"), and every error message is one a code or a page uses.
    #[test]
    fn every_error_code_has_a_message_and_every_error_message_is_used() {
        use crate::error::ErrorCode;
        let c = catalogue();
        for locale in c.all() {
            let ids: std::collections::BTreeSet<String> = locale.ids().into_iter().collect();
            let missing: Vec<&str> = ErrorCode::ALL
                .iter()
                .map(|code| code.as_str())
                .filter(|code| !ids.contains(&format!("err-{code}")))
                .collect();
            assert!(
                missing.is_empty(),
                "{} has no message for {missing:?}",
                locale.code
            );
        }
        // A message that is not a code's must be named by the code that shows it.
        let sources = source_text();
        for id in c.default_locale().ids() {
            let Some(code) = id.strip_prefix("err-") else {
                continue;
            };
            let is_code = ErrorCode::ALL.iter().any(|c| c.as_str() == code);
            assert!(
                is_code || sources.contains(&format!("\"{id}\"")),
                "{id} is neither an error code nor named by a page"
            );
        }
    }

    /// Every English message is one the pages use: named whole (`"id"`, `'id'`), or built from
    /// a named prefix (`"doc-" ~ kind`, `format!("month-{}")`, `code_label(lang, "band", …)`). An unused message would be
    /// translated eleven times for nothing, or hide a page that lost its text.
    #[test]
    fn every_message_is_used_by_a_page() {
        let sources = source_text();
        let named = |text: &str| {
            ["\"", "'"]
                .iter()
                .any(|q| sources.contains(&format!("{q}{text}{q}")))
        };
        let unused: Vec<String> = catalogue()
            .default_locale()
            .ids()
            .into_iter()
            .filter(|id| {
                let whole = named(id);
                let by_prefix = id.char_indices().any(|(i, ch)| {
                    let prefix = &id[..=i];
                    // `code_label(lang, "band", code)` names a prefix without its dash.
                    let stem = &id[..i];
                    matches!(ch, '-' | '_')
                        && (named(prefix)
                            || sources.contains(&format!("\"{prefix}{{"))
                            || sources.contains(&format!(", \"{stem}\", ")))
                });
                !whole && !by_prefix
            })
            .collect();
        assert!(unused.is_empty(), "messages no page uses: {unused:?}");
    }

    /// The Rust sources and templates, to look for a message id in.
    fn source_text() -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut text = String::new();
        let mut dirs = vec![root.join("src"), root.join("templates")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(content) = std::fs::read_to_string(&path) {
                    text.push_str(&content);
                }
            }
        }
        text
    }

    #[test]
    fn negotiation_prefers_the_choice_then_the_browser() {
        let c = catalogue();
        assert_eq!(c.negotiate(Some("ar"), Some("es")).code, "ar");
        assert_eq!(c.negotiate(None, Some("de;q=0.9, es-MX;q=0.8")).code, "es");
        assert_eq!(c.negotiate(None, Some("fr-CA,fr;q=0.9")).code, "fr");
        assert_eq!(c.negotiate(None, Some("zh-TW,zh;q=0.9")).code, "zh-Hant");
        assert_eq!(c.negotiate(None, Some("zh-Hant-HK")).code, "zh-Hant");
        assert_eq!(c.negotiate(None, Some("zh-CN")).code, "zh-Hans");
        assert_eq!(c.negotiate(None, Some("zh")).code, "zh-Hans");
        assert_eq!(c.negotiate(None, Some("ur-PK, en;q=0.5")).code, "ur");
        assert_eq!(c.negotiate(None, Some("ko-kr")).code, "ko");
        assert_eq!(c.negotiate(Some("xx"), None).code, "en");
    }

    #[test]
    fn missing_messages_fall_back_and_arguments_are_used() {
        let c = catalogue();
        let ar = c.get("ar").unwrap();
        assert_eq!(c.message(ar, "no-such-message", &[]), "no-such-message");
        let text = c.message(
            c.default_locale(),
            "err-below_minimum_age",
            &[("age", Arg::from(10u32))],
        );
        assert!(text.contains("10"), "{text}");
    }

    #[test]
    fn retention_rules_read_naturally_in_every_language() {
        let c = catalogue();
        let n = |v: u32| [("n", Arg::from(v))];
        let say = |code: &str, id: &str, v: u32| c.message(c.get(code).unwrap(), id, &n(v));
        assert_eq!(say("en", "class-policy-audit_entries", 730), "730 days");
        assert_eq!(
            say("es", "class-policy-unissued_residents", 30),
            "30 días después de la inscripción"
        );
        assert_eq!(say("en", "class-policy-audit_entries", 1), "1 day");
        assert!(say("ar", "class-policy-audit_entries", 2).contains("يومان"));
        let statement = say("es", "audit-keys-statement", 35);
        assert!(statement.contains("35 días"), "{statement}");
    }
}
