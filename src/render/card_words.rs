//! The card's printed words in every language of the message catalogue (`locales/`): the card
//! language the city configures first, then the others a resident may choose as a second.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};

use crate::i18n::{Arg, Catalogue, Locale};
use crate::render::card_pdf::CardWording;

/// The wordings, `own` first; `None` when `own` is not a language of the catalogue.
/// `verify_address` is the verifier page's address as the card prints it
/// ("id.springfield.gov/v").
pub fn wordings(
    catalogue: &'static Catalogue,
    own: &str,
    verify_address: &str,
) -> Option<Vec<CardWording>> {
    let own = catalogue.get(own)?;
    let others = catalogue.all().iter().filter(|l| l.code != own.code);
    Some(
        std::iter::once(own)
            .chain(others)
            .map(|locale| wording(catalogue, locale, verify_address))
            .collect(),
    )
}

fn wording(
    catalogue: &'static Catalogue,
    locale: &'static Locale,
    verify_address: &str,
) -> CardWording {
    let text = |id: &str| catalogue.message(locale, id, &[]);
    CardWording {
        language: locale.code.to_owned(),
        rtl: locale.dir == crate::i18n::Direction::Rtl,
        title: text("card-face-title"),
        name: text("card-face-name"),
        preferred_name: text("card-face-preferred-name"),
        date_of_birth: text("card-face-date-of-birth"),
        gender: text("card-face-gender"),
        issued: text("card-face-issued"),
        expires: text("card-face-expires"),
        card_number: text("card-face-card-number"),
        address: text("card-face-address"),
        languages: text("card-face-languages"),
        emergency_contact: text("card-face-emergency-contact"),
        veteran: text("card-face-veteran"),
        organ_donor: text("card-face-organ-donor"),
        return_if_found: text("card-face-return-if-found"),
        verify_hint: catalogue.message(
            locale,
            "card-face-verify-hint",
            &[("address", Arg::Text(verify_address.to_owned()))],
        ),
        date: Arc::new(move |day| card_date(catalogue, locale, day)),
        list_separator: text("card-face-list-separator"),
        language_names: Arc::new(catalogue.language_names(locale)),
    }
}

/// A day as the card writes it in `locale`: short, with Western digits ("7 Apr 1990",
/// "1990年4月7日").
fn card_date(catalogue: &Catalogue, locale: &Locale, day: NaiveDate) -> String {
    let month = catalogue.message(locale, &format!("card-face-month-{}", day.month()), &[]);
    catalogue.message(
        locale,
        "card-face-date",
        &[
            // As text: a number would be open to a formatter's digits and grouping.
            ("day", Arg::Text(day.day().to_string())),
            ("month", Arg::Text(month)),
            ("year", Arg::Text(day.year().to_string())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue;

    #[test]
    fn the_card_language_comes_first_and_every_other_follows() {
        let all = wordings(catalogue(), "es", "id.example.gov/v").unwrap();
        assert_eq!(all[0].language, "es");
        assert_eq!(all.len(), catalogue().all().len());
        assert!(all[1..].iter().all(|w| w.language != "es"));
        assert!(wordings(catalogue(), "xx", "id.example.gov/v").is_none());
    }

    #[test]
    fn english_prints_as_the_card_always_did() {
        let all = wordings(catalogue(), "en", "id.example.gov/v").unwrap();
        let en = &all[0];
        let built_in = CardWording::english("", "");
        assert_eq!(en.date_of_birth, built_in.date_of_birth);
        assert_eq!(en.title, built_in.title);
        assert_eq!(
            en.verify_hint,
            "Check this card: scan the code, or visit id.example.gov/v"
        );
        let day = NaiveDate::from_ymd_opt(1990, 4, 7).unwrap();
        assert_eq!((en.date)(day), "7 Apr 1990");
        assert_eq!((en.date)(day), crate::render::card_pdf::card_date(day));
    }

    #[test]
    fn each_language_writes_the_day_its_own_way() {
        let all = wordings(catalogue(), "en", "id.example.gov/v").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let written = |tag: &str| (all.iter().find(|w| w.language == tag).unwrap().date)(day);
        assert_eq!(written("zh-Hans"), "2026年12月6日");
        assert_eq!(written("ko"), "2026년 12월 6일");
        assert!(written("es").starts_with("6 "), "{}", written("es"));
        assert!(all.iter().all(|w| (w.date)(day).contains("2026")));
    }

    #[test]
    fn the_back_lists_languages_in_the_cards_own_words_and_punctuation() {
        let all = wordings(catalogue(), "en", "id.example.gov/v").unwrap();
        let listed = |tag: &str| {
            let wording = all.iter().find(|w| w.language == tag).unwrap();
            wording.language_list(["es", "ko"])
        };
        assert_eq!(listed("en"), "Spanish, Korean");
        assert_eq!(listed("es"), "español, coreano");
        assert!(listed("zh-Hans").contains('、'), "{}", listed("zh-Hans"));
        assert!(listed("ar").contains("، "), "{}", listed("ar"));
        assert!(listed("ur").contains("، "), "{}", listed("ur"));
        for wording in &all {
            let list = wording.language_list(["es", "ko"]);
            assert!(
                !list.contains("Spanish") || wording.language == "en",
                "{list}"
            );
            assert!(!list.contains("card-face"), "{list}");
        }
    }
}
