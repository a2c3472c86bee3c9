//! A service's refusal, shown on a page: the same status and stable code as the JSON API (the
//! error goes through the API's own mapping in `web::errors`), the field it concerns, and a
//! message from the catalogue whose id is `err-<code>`.

use actix_web::http::StatusCode;
use serde_json::Value as Json;

use super::i18n::{catalogue, Arg};
use super::view::{PageError, Viewer};
use crate::error::ApiError;

/// What went wrong, for the form to show beside the field.
pub struct Problem {
    pub status: StatusCode,
    pub code: &'static str,
    /// The form field it concerns ("form" when none).
    pub field: String,
    pub message: String,
    /// The existing resident, for `possible_duplicate`.
    pub resident_id: Option<String>,
}

/// The form field a service's field name is shown beside.
fn form_field(service_field: &str) -> String {
    service_field
        .replace("emergency_contact.", "emergency_")
        .replace('.', "_")
}

fn number(value: Option<&Json>) -> Option<i64> {
    value.and_then(Json::as_i64)
}

/// Explains a refusal, or passes an internal fault on (it becomes the request-id page).
pub fn explain(viewer: &Viewer, error: impl Into<ApiError>) -> Result<Problem, PageError> {
    let mut api: ApiError = error.into();
    if let Some(cause) = api.internal.take() {
        return Err(viewer.internal(cause));
    }
    let details = &api.details;
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
    if let Some(secs) = number(details.get("retry_after_seconds")) {
        args.push(("minutes", Arg::Number((secs + 59) / 60)));
    }
    args.push((
        "age",
        Arg::from(viewer.ctx.config.enrollment.minimum_age_years),
    ));
    let id = match api.code {
        "insufficient_proof" if details.get("required").is_none() => {
            "err-insufficient_proof-none".to_owned()
        }
        code => format!("err-{code}"),
    };
    let id = if catalogue().has(&id) {
        id
    } else {
        "err-invalid-value".to_owned()
    };
    Ok(Problem {
        status: api.status,
        code: api.code,
        field: details
            .get("field")
            .and_then(Json::as_str)
            .map_or_else(|| "form".to_owned(), form_field),
        message: viewer.text(&id, &args),
        resident_id: details
            .get("resident_id")
            .and_then(Json::as_str)
            .map(str::to_owned),
    })
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
