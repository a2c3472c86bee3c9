//! The page templates (MiniJinja, HTML auto-escaped), compiled into the binary. Templates call
//! `t("message-id", name=value)` for text in the interface language and `ft(…)` for text in
//! the language the enrollment form is shown in; `{{ day | date }}` and `{{ n | number }}` write
//! an ISO day and a count as the page's language writes them.

use std::sync::OnceLock;

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, Error, ErrorKind, State};

use chrono::NaiveDate;

use super::i18n::{catalogue, Arg, Locale};
use crate::error::Internal;

macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../templates/pages/", $name)))),*]
    };
}

const TEMPLATES: &[(&str, &str)] = templates!(
    "base.html",
    "error.html",
    "login.html",
    "password.html",
    "enroll.html",
    "find.html",
    "resident.html",
    "edit.html",
    "review.html",
    "card.html",
    "card_preview.html",
    "audit.html",
    "staff.html",
    "policy.html",
    "factor.html",
    "account.html",
    "totp_setup.html",
    "recovery_codes.html",
    "signed_on.html",
    "check.html",
    "sites.html",
    "site.html",
    "holds.html",
    "pickups.html",
    "card_stage.html",
);

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            if let Err(e) = env.add_template(name, source) {
                tracing::error!(template = name, error = %e, "a page template does not compile");
            }
        }
        env.add_function("t", |state: &State, id: &str, kwargs: Kwargs| {
            translate(state, "lang", id, kwargs)
        });
        env.add_function("ft", |state: &State, id: &str, kwargs: Kwargs| {
            translate(state, "form_lang", id, kwargs)
        });
        env.add_filter("date", |state: &State, value: Value| {
            if value.is_none() || value.is_undefined() {
                return String::new();
            }
            let text = value.to_string();
            let Some(day) = text
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            else {
                return text;
            };
            let c = catalogue();
            c.date(page_locale(state, "lang"), day)
        });
        env.add_filter("number", |state: &State, value: i64| {
            let c = catalogue();
            c.number(page_locale(state, "lang"), value)
        });
        env
    })
}

/// The language a template renders in (`lang`, or `which` for the form's own language).
fn page_locale(state: &State, which: &str) -> &'static Locale {
    let c = catalogue();
    state
        .lookup(which)
        .or_else(|| state.lookup("lang"))
        .and_then(|v| v.as_str().and_then(|code| c.get(code)))
        .unwrap_or_else(|| c.default_locale())
}

fn translate(state: &State, which: &str, id: &str, kwargs: Kwargs) -> Result<String, Error> {
    let c = catalogue();
    let locale = page_locale(state, which);
    let mut args: Vec<(&str, Arg)> = Vec::new();
    let names: Vec<String> = kwargs.args().map(str::to_owned).collect();
    for name in &names {
        let value: Value = kwargs.get(name)?;
        let arg = match i64::try_from(value.clone()) {
            Ok(n) if value.as_str().is_none() => Arg::Number(n),
            _ => Arg::Text(value.to_string()),
        };
        args.push((name.as_str(), arg));
    }
    if !c.has(id) {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            format!("no message `{id}` in locales/en.ftl"),
        ));
    }
    Ok(c.message(locale, id, &args))
}

/// Renders a page template with its context.
pub fn render(name: &str, context: Value) -> Result<String, Internal> {
    let env = environment();
    env.get_template(name)
        .and_then(|t| t.render(context))
        .map_err(|e| Internal::new("page template", anyhow::anyhow!("{name}: {e:#}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_compiles() {
        let env = environment();
        for (name, _) in TEMPLATES {
            assert!(env.get_template(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn every_message_a_template_names_is_in_the_catalogue() {
        // Literal ids in t("…") and ft("…") calls.
        let c = catalogue();
        for (name, source) in TEMPLATES {
            for call in ["t(\"", "ft(\""] {
                for (i, _) in source.match_indices(call) {
                    let preceded_by_word = source[..i]
                        .chars()
                        .last()
                        .is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '_');
                    if preceded_by_word {
                        continue;
                    }
                    let rest = &source[i + call.len()..];
                    let end = rest.find('"').unwrap_or(0);
                    let id = &rest[..end];
                    // A prefix joined to a variable (`t("reason-" ~ c.reason)`) is checked when
                    // the page renders.
                    if rest[end + 1..].trim_start().starts_with('~') {
                        continue;
                    }
                    assert!(c.has(id), "{name}: no message `{id}` in locales/en.ftl");
                }
            }
        }
    }
}
