//! Words the reports share between the auditor's page and the PDFs: a data class's retention
//! rule as the configuration sets it, and the council report's categories, in a language.

use crate::config::Config;
use crate::i18n::{Arg, Words};

/// A class's retention rule in `words`' language (the signed report keeps its own English
/// wording; both come from the same configuration).
pub fn policy_in_words(config: &Config, class: &str, words: &Words<'_>) -> String {
    let retention = &config.retention;
    let days = |n: u32| vec![("n", Arg::from(n))];
    let (id, args) = match class {
        "card_face" => ("class-policy-card_face", days(retention.card_grace_days)),
        "unissued_residents" => (
            "class-policy-unissued_residents",
            days(retention.unissued_days),
        ),
        "print_only_address" if retention.retain_address => {
            ("class-policy-print_only_address-kept", vec![])
        }
        "print_only_address" => ("class-policy-print_only_address-destroyed", vec![]),
        "audit_entries" => ("class-policy-audit_entries", days(retention.audit_days)),
        "staff_sessions" => (
            "class-policy-staff_sessions",
            vec![
                ("idle", Arg::from(config.auth.session_idle_minutes)),
                ("absolute", Arg::from(config.auth.session_absolute_minutes)),
            ],
        ),
        _ => ("class-policy-card_status", vec![]),
    };
    words.t(id, &args)
}

/// A category of the council report's `metric` (an age band, a refusal, an issue reason, a
/// fee, a language tag) in `words`' language; a category of the city's own that the
/// catalogue does not name is shown as configured.
pub fn program_category(metric: &str, category: &str, words: &Words<'_>) -> String {
    match metric {
        "application" => words.t_or(&format!("band-{category}"), category),
        "denial" => words.t_or(&format!("program-denial-{category}"), category),
        "card_issued" => words.t_or(&format!("reason-{category}"), category),
        "fee" => match category {
            "paid" => words.t("fee-paid", &[]),
            "none" => words.t("fee-free", &[]),
            _ => match category.strip_prefix("waived:") {
                Some(waiver) => {
                    let name = words.t_or(&format!("waiver-{waiver}"), waiver);
                    words.t("program-pdf-waived", &[("category", name.into())])
                }
                None => category.to_owned(),
            },
        },
        "language" => words.language_name(category),
        _ => category.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue;

    /// The council report names the languages residents asked for in the reader's language,
    /// with the tag when it says more, and a tag no catalogue names as it is.
    #[test]
    fn the_council_report_names_languages_in_the_readers_language() {
        let c = catalogue();
        let in_language = |code: &str, tag: &str| {
            program_category("language", tag, &Words::new(c, c.get(code).unwrap()))
        };
        assert_eq!(in_language("en", "ko"), "Korean");
        assert_eq!(in_language("es", "ko"), "coreano");
        assert_eq!(in_language("fr", "pt-BR"), "portugais (pt-BR)");
        assert_eq!(in_language("es", "xx-Unknown"), "xx-Unknown");
    }
}
