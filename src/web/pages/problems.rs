//! A service's refusal, shown on a page: the same status and stable code as the JSON API (the
//! error goes through the API's own mapping in `web::errors`), the field it concerns, and a
//! message from the catalogue whose id is `err-<code>`.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use serde_json::{Map, Value as Json};

use super::i18n::{catalogue, Arg};
use super::view::{PageError, Viewer};
use crate::domain::resident::CardFace;
use crate::error::ErrorCode;
use crate::web::ApiError;

/// What went wrong, for the form to show beside the field.
pub struct Problem {
    pub status: StatusCode,
    pub code: ErrorCode,
    /// The form field it concerns ("form" when none).
    pub field: String,
    pub message: String,
    /// The existing resident, for `possible_duplicate`.
    pub resident_id: Option<String>,
    /// Further invalid fields beyond the first, each with its message.
    pub more: Vec<(String, String)>,
}

impl Problem {
    /// Every message by the form field it belongs beside.
    pub fn by_field(&self) -> BTreeMap<String, String> {
        let mut all: BTreeMap<String, String> = self.more.iter().cloned().collect();
        all.insert(self.field.clone(), self.message.clone());
        all
    }
}

/// The form field a service's field name is shown beside.
fn form_field(service_field: &str) -> String {
    service_field
        .replace("emergency_contact.", "emergency_")
        .replace('.', "_")
}

/// How a field is called on the form, in the viewer's language (`label-<form field>`), or its
/// service name when the form has no label for it.
pub fn field_label(viewer: &Viewer, service_field: &str) -> String {
    let id = format!("label-{}", form_field(service_field));
    if catalogue().has(&id) {
        viewer.text(&id, &[])
    } else {
        service_field.to_owned()
    }
}

fn number(value: Option<&Json>) -> Option<i64> {
    value.and_then(Json::as_i64)
}

/// The message for one problem (`code` plus its details), in the viewer's language.
fn message(viewer: &Viewer, code: &str, details: &Map<String, Json>) -> String {
    let mut args: Vec<(&str, Arg)> = Vec::new();
    if let Some(n) = number(details.get("identity_points")) {
        args.push(("identity", Arg::Number(n)));
    }
    if let Some(n) = number(details.get("residency_points")) {
        args.push(("residency", Arg::Number(n)));
    }
    if let Some(required) = details.get("required") {
        if let Some(n) = number(required.get("identity_points")) {
            args.push(("need_identity", Arg::Number(n)));
        }
        if let Some(n) = number(required.get("residency_points")) {
            args.push(("need_residency", Arg::Number(n)));
        }
    }
    if let Some(fee) = details.get("fee") {
        if let Some(cents) = number(fee.get("amount_cents")) {
            let cents = u32::try_from(cents).unwrap_or(0);
            args.push((
                "amount",
                Arg::Text(crate::domain::fees::format_amount(cents)),
            ));
        }
        if let Some(currency) = fee.get("currency").and_then(Json::as_str) {
            args.push(("currency", Arg::Text(currency.to_owned())));
        }
    }
    if let Some(n) = number(details.get("position")) {
        args.push(("position", Arg::Number(n)));
    }
    if let Some(field) = details.get("field").and_then(Json::as_str) {
        args.push(("field", Arg::Text(field_label(viewer, field))));
    }
    if let Some(secs) = number(details.get("retry_after_seconds")) {
        args.push(("minutes", Arg::Number((secs + 59) / 60)));
    }
    args.push(("age", Arg::from(viewer.ctx.age_bands.minimum_age())));
    if let Some(script) = details.get("script").and_then(Json::as_str) {
        args.push(("script", Arg::Text(script.to_owned())));
    }
    let id = match code {
        "insufficient_proof" if details.get("required").is_none() => {
            "err-insufficient_proof-none".to_owned()
        }
        "unsupported_script" if details.get("script").is_some() => {
            "err-unsupported_script-named".to_owned()
        }
        code => format!("err-{code}"),
    };
    let id = if catalogue().has(&id) {
        id
    } else {
        "err-invalid-value".to_owned()
    };
    viewer.text(&id, &args)
}

fn field_of(details: &Map<String, Json>) -> String {
    details
        .get("field")
        .and_then(Json::as_str)
        .map_or_else(|| "form".to_owned(), form_field)
}

/// Explains a refusal, or passes an internal fault on (it becomes the request-id page).
pub fn explain(viewer: &Viewer, error: impl Into<ApiError>) -> Result<Problem, PageError> {
    let mut api: ApiError = error.into();
    if let Some(cause) = api.internal.take() {
        return Err(viewer.internal(cause));
    }
    let details = &api.details;
    // The first entry of `fields` is the answer itself.
    let more = details
        .get("fields")
        .and_then(Json::as_array)
        .into_iter()
        .flatten()
        .skip(1)
        .filter_map(|entry| {
            let entry = entry.as_object()?;
            let code = entry.get("code")?.as_str()?;
            Some((field_of(entry), message(viewer, code, entry)))
        })
        .collect();
    Ok(Problem {
        status: api.status,
        code: api.code,
        field: field_of(details),
        message: message(viewer, api.code.as_str(), details),
        resident_id: details
            .get("resident_id")
            .and_then(Json::as_str)
            .map(str::to_owned),
        more,
    })
}

/// The warnings about a resident's names (`CardFace::warnings`), in the viewer's language, for
/// the page that reviews the card before it is issued.
pub fn name_warnings(viewer: &Viewer, face: &CardFace) -> Vec<String> {
    face.warnings()
        .into_iter()
        .map(|w| {
            let label = Arg::Text(field_label(viewer, w.field));
            viewer.text(&format!("warn-{}", w.code), &[("field", label)])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_fields_map_to_form_fields() {
        assert_eq!(form_field("emergency_contact.phone"), "emergency_phone");
        assert_eq!(form_field("address.line1"), "address_line1");
        assert_eq!(form_field("legal_name"), "legal_name");
    }
}
