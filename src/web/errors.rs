//! How use-case errors and malformed requests answer over HTTP: a status and a stable code.

use actix_web::error::{JsonPayloadError, PayloadError};
use actix_web::http::StatusCode;
use actix_web::HttpRequest;

use crate::domain::card::CardNumberError;
use crate::domain::delivery::DeliveryError;
use crate::domain::documents::{DocumentError, PointsTally};
use crate::error::{ErrorCode, Internal};
use crate::render::photo::PhotoError;
use crate::services::auth::AuthError;
use crate::services::cards::CardError;
use crate::services::enrollment::EnrollmentError;
use crate::services::legal_holds::HoldError;
use crate::services::sites::SiteError;
use crate::services::staff::StaffError;
use crate::web::ApiError;
use serde_json::{json, Value};

impl From<AuthError> for ApiError {
    fn from(e: AuthError) -> Self {
        match e {
            AuthError::InvalidCredentials => ApiError::new(
                StatusCode::UNAUTHORIZED,
                ErrorCode::InvalidCredentials,
                "The username or password is wrong.",
            ),
            AuthError::TooManyAttempts { retry_after_secs } => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyAttempts,
                "Too many failed attempts. Wait a while before trying again.",
            )
            .with("retry_after_seconds", retry_after_secs)
            .retry_after(u64::try_from(retry_after_secs).unwrap_or(1)),
            AuthError::Busy => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyAttempts,
                "Too many logins at once. Try again in a moment.",
            )
            .with("retry_after_seconds", 1)
            .retry_after(1),
            AuthError::NotAuthenticated => ApiError::new(
                StatusCode::UNAUTHORIZED,
                ErrorCode::NotAuthenticated,
                "Log in first: send `Authorization: Bearer <token>` from POST /api/v1/sessions.",
            ),
            AuthError::SecondFactorRequired => ApiError::new(
                StatusCode::UNAUTHORIZED,
                ErrorCode::SecondFactorRequired,
                "This account signs in with a second factor: send one_time_code (the code its authenticator app shows, or a recovery code) with the password.",
            ),
            AuthError::InvalidSecondFactor => ApiError::new(
                StatusCode::UNAUTHORIZED,
                ErrorCode::InvalidSecondFactor,
                "The one-time code (or passkey) was not accepted: it is wrong, or was used before. Wait for the next code.",
            ),
            AuthError::EnrolmentOverdue => ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::SecondFactorEnrolmentOverdue,
                "This account must have a second factor and its time to set one up is over. Ask an administrator to reset its factors.",
            ),
            AuthError::PasswordsOff => ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::LocalPasswordsOff,
                "Staff sign in through the city's identity provider (single sign-on) on the login page; passwords are switched off here except for the break-glass account.",
            ),
            AuthError::WeakPassword(why) => ApiError::unprocessable(ErrorCode::WeakPassword, why),
            AuthError::Internal(cause) => ApiError::internal(cause),
        }
    }
}

impl From<StaffError> for ApiError {
    fn from(e: StaffError) -> Self {
        match e {
            StaffError::InvalidUsername(why) => {
                ApiError::unprocessable(ErrorCode::InvalidUsername, why)
            }
            StaffError::WeakPassword(why) => ApiError::unprocessable(ErrorCode::WeakPassword, why),
            StaffError::UsernameTaken => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::UsernameTaken,
                "An account with that username exists.",
            ),
            StaffError::NotFound => ApiError::not_found(),
            StaffError::OwnAccount => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::OwnAccount,
                "An administrator cannot disable or demote their own account, nor reset its second factors: another administrator must.",
            ),
            StaffError::Busy => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorCode::TooManyAttempts,
                "Too many password checks at once. Try again in a moment.",
            )
            .with("retry_after_seconds", 1)
            .retry_after(1),
            StaffError::Internal(cause) => ApiError::internal(cause),
        }
    }
}

impl From<EnrollmentError> for ApiError {
    fn from(e: EnrollmentError) -> Self {
        match e {
            EnrollmentError::Invalid(field) => {
                let mut answer =
                    ApiError::unprocessable(field.code, field.message).with("field", field.field);
                if let Some(position) = field.position {
                    answer = answer.with("position", position);
                }
                if let Some(script) = field.script {
                    answer = answer.with("script", script);
                }
                answer
            }
            EnrollmentError::Several(problems) => several(problems),
            EnrollmentError::Photo(photo) => photo_refused(photo),
            EnrollmentError::PhotoNotBase64 => {
                ApiError::unprocessable(ErrorCode::InvalidPhoto, "The photo is not valid base64.")
                    .with("field", "photo")
            }
            EnrollmentError::Documents(DocumentError::UnknownKind(kind)) => ApiError::unprocessable(
                ErrorCode::UnknownDocumentKind,
                format!("`{kind}` is not a document kind on the configured list."),
            )
            .with("field", "documents")
            .with("document", kind),
            EnrollmentError::Documents(DocumentError::NoneShown) => ApiError::unprocessable(
                ErrorCode::InsufficientProof,
                "Tick the kinds of document the resident showed.",
            )
            .with("field", "documents")
            .with("identity_points", 0)
            .with("residency_points", 0),
            EnrollmentError::InsufficientProof(tally) => insufficient_proof(&tally),
            EnrollmentError::PossibleDuplicate { resident_id } => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::PossibleDuplicate,
                "A resident with the same legal name and date of birth is enrolled. Open that \
                 record, or send confirm_not_duplicate: true if this is a different person.",
            )
            .with("resident_id", resident_id),
            EnrollmentError::NotFound => ApiError::not_found(),
            EnrollmentError::Destroyed => ApiError::new(
                StatusCode::GONE,
                ErrorCode::ResidentDataDestroyed,
                "The resident's personal data has been destroyed under the retention policy.",
            ),
            EnrollmentError::ChangedMeanwhile => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::ChangedMeanwhile,
                "The record was changed by someone else while this change was prepared. Reload it and try again.",
            ),
            EnrollmentError::CardAwaitingMail => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::CardAwaitingMail,
                "A card of this resident waits to be mailed to their address. Revoke it (issued \
                 in error) before making the card confidential, then issue one to hand over in \
                 person. Nothing was changed.",
            ),
            EnrollmentError::UnderLegalHold => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::UnderLegalHold,
                "A legal hold covers this record: its data cannot be changed or removed until the hold is lifted. Nothing was changed.",
            ),
            EnrollmentError::Site(site) => site.into(),
            EnrollmentError::Internal(cause) => ApiError::internal(cause),
        }
    }
}

impl From<HoldError> for ApiError {
    fn from(e: HoldError) -> Self {
        match e {
            HoldError::Invalid { field, why } => {
                ApiError::unprocessable(ErrorCode::InvalidValue, format!("{field}: {why}."))
                    .with("field", field)
            }
            HoldError::NotFound => ApiError::not_found(),
            HoldError::Lifted => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::LegalHoldLifted,
                "The hold was lifted before; place a new one if the order is renewed.",
            ),
            HoldError::Internal(cause) => ApiError::internal(cause),
        }
    }
}

impl From<SiteError> for ApiError {
    fn from(e: SiteError) -> Self {
        match e {
            SiteError::Invalid { field, why } => {
                ApiError::unprocessable(ErrorCode::InvalidValue, format!("{field}: {why}."))
                    .with("field", field)
            }
            SiteError::CodeTaken => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::SiteCodeTaken,
                "A site with that code exists; codes are never reused.",
            ),
            SiteError::NotFound => ApiError::not_found(),
            SiteError::Closed => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::SiteClosed,
                "The site is closed, has not opened yet, or its last day is past: nothing is recorded there. Choose another site: PUT /api/v1/sessions/current/site.",
            ),
            SiteError::Required => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::SiteRequired,
                "Choose the site you work at first: PUT /api/v1/sessions/current/site. Nothing was recorded.",
            ),
            SiteError::NotAllowed => ApiError::new(
                StatusCode::FORBIDDEN,
                ErrorCode::SiteNotAllowed,
                "This staff member does not work at that site.",
            ),
            SiteError::Internal(cause) => ApiError::internal(cause),
        }
    }
}

/// Several problems in one request: the first is the answer; `fields` lists every one (the
/// first too), each with its own code, message and details, so a form can show them all.
fn several(problems: Vec<EnrollmentError>) -> ApiError {
    let answers: Vec<ApiError> = problems.into_iter().map(ApiError::from).collect();
    let fields: Vec<Value> = answers
        .iter()
        .map(|answer| {
            let mut entry = answer.details.clone();
            entry.insert("code".into(), json!(answer.code));
            entry.insert("message".into(), json!(answer.message));
            Value::Object(entry)
        })
        .collect();
    let Some(first) = answers.into_iter().next() else {
        return ApiError::unprocessable(ErrorCode::InvalidValue, "The request is not valid.");
    };
    first.with("fields", fields)
}

fn photo_refused(photo: PhotoError) -> ApiError {
    let (status, code) = match photo {
        PhotoError::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PhotoTooLarge),
        PhotoError::TooManyPixels(_) | PhotoError::Overcompressed(_) => {
            (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PhotoTooLarge)
        }
        PhotoError::UnsupportedFormat => (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedPhotoFormat,
        ),
        PhotoError::Undecodable => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidPhoto),
        PhotoError::TooSmall => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::PhotoTooSmall),
    };
    ApiError::new(status, code, photo.to_string()).with("field", "photo")
}

fn insufficient_proof(tally: &PointsTally) -> ApiError {
    ApiError::unprocessable(
        ErrorCode::InsufficientProof,
        format!(
            "The documents shown give {} identity and {} residency points; {} and {} are required.",
            tally.identity_points,
            tally.residency_points,
            tally.required.identity,
            tally.required.residency
        ),
    )
    .with("field", "documents")
    .with("identity_points", tally.identity_points)
    .with("residency_points", tally.residency_points)
    .with(
        "required",
        serde_json::json!({
            "identity_points": tally.required.identity,
            "residency_points": tally.required.residency,
        }),
    )
}

impl From<CardError> for ApiError {
    fn from(e: CardError) -> Self {
        match e {
            CardError::ResidentNotFound | CardError::CardNotFound => ApiError::not_found(),
            CardError::CardNumber(e) => card_number_error(e),
            CardError::NotActive => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::CardNotActive,
                "The card is revoked or expired.",
            ),
            CardError::ResidentGone => ApiError::new(
                StatusCode::GONE,
                ErrorCode::ResidentDataDestroyed,
                "The resident's personal data has been destroyed under the retention policy.",
            ),
            CardError::UnsupportedScript { field } => ApiError::unprocessable(
                ErrorCode::UnsupportedScript,
                "The card fonts cannot print this name exactly; no card was issued. \
                 Ask an administrator to add a font for this script.",
            )
            .with("field", field),
            CardError::DoesNotFit { field } => ApiError::unprocessable(
                ErrorCode::DoesNotFit,
                "This field is too long to fit on the card, even in the smallest print; shorten it \
                 (a preferred name, say) and try again. No card was issued.",
            )
            .with("field", field),
            CardError::BatchSize => ApiError::unprocessable(
                ErrorCode::InvalidBatch,
                format!("Print between 1 and {} cards at once.", crate::services::cards::MAX_BATCH),
            ),
            CardError::OutsideRenewalWindow => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::OutsideRenewalWindow,
                "A renewal is issued only within the renewal window of the resident's last card (by default from 60 days before it expires to about 6 months after). Outside it, issue a new card (reason `new`) after checking the documents again.",
            ),
            CardError::NoCardToReplace => ApiError::new(
                StatusCode::CONFLICT,
                ErrorCode::NoCardToReplace,
                "A replacement or an update replaces the resident's newest card (active, or revoked as lost, stolen or damaged, and not expired), and they have none (for a card never received: none that was printed to be mailed). Issue a new card (reason `new`) instead.",
            ),
            CardError::FeeRequired(due) => ApiError::unprocessable(
                ErrorCode::FeeRequired,
                format!(
                    "A fee of {} {} is due for this card (class `{}`, age band `{}`): record it as paid, or as waived with a waiver category, and issue again. No card was issued.",
                    crate::domain::fees::format_amount(due.amount_cents),
                    due.currency,
                    due.class,
                    due.age_band
                ),
            )
            .with(
                "fee",
                serde_json::json!({
                    "class": due.class,
                    "age_band": due.age_band,
                    "amount_cents": due.amount_cents,
                    "currency": due.currency,
                }),
            ),
            CardError::UnknownWaiver => ApiError::unprocessable(
                ErrorCode::UnknownWaiverCategory,
                "That is not one of the program's waiver categories; no card was issued.",
            )
            .with("field", "fee.waiver"),
            e @ (CardError::Delivery(_)
            | CardError::PickupSiteNotOpen
            | CardError::ChangedMeanwhile
            | CardError::WrongStage(_)
            | CardError::NotPickedUpHere
            | CardError::HolderUnchecked) => delivery_error(e),
            CardError::Site(site) => site.into(),
            CardError::Internal(cause) => ApiError::internal(cause),
        }
    }
}

fn card_number_error(e: CardNumberError) -> ApiError {
    let message = match e {
        CardNumberError::Malformed => "A card number has 12 digits.",
        CardNumberError::CheckDigit => {
            "The card number's check digit does not match: a digit is mistyped."
        }
    };
    ApiError::unprocessable(ErrorCode::InvalidCardNumber, message)
}

/// A card's delivery refused: how it reaches the resident, and the steps on its way.
fn delivery_error(e: CardError) -> ApiError {
    match e {
        CardError::Delivery(DeliveryError::ConfidentialNotMailed) => ApiError::unprocessable(
            ErrorCode::ConfidentialNotMailed,
            "The resident's card is confidential: it carries no address and is never mailed. \
             Hand it over at the counter, or choose `pickup` with a site; no card was issued.",
        )
        .with("field", "delivery.method"),
        CardError::Delivery(DeliveryError::NoAddressToMail) => ApiError::unprocessable(
            ErrorCode::NoAddressToMail,
            "The resident has no address on record to mail the card to: add one, or choose \
             a pick-up site. No card was issued.",
        )
        .with("field", "delivery.method"),
        CardError::PickupSiteNotOpen => ApiError::unprocessable(
            ErrorCode::PickupSiteRequired,
            "Choose a site open today, and not closing before the card must be collected \
             (a pop-up event ends too soon): see GET /api/v1/sites. No card was issued.",
        )
        .with("field", "delivery.site"),
        CardError::WrongStage(stage) => ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::WrongCardStage,
            "The card is not at the step this needs: a card is marked arrived once printed, \
             handed over once ready at its site, and marked mailed once printed.",
        )
        .with("stage", stage.as_str()),
        CardError::ChangedMeanwhile => ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::ChangedMeanwhile,
            "The resident's record was changed while the card was being issued. Reload it \
             and try again; no card was issued.",
        ),
        CardError::NotPickedUpHere => ApiError::new(
            StatusCode::CONFLICT,
            ErrorCode::NotPickedUpHere,
            "This card is picked up at another site, not the one this session works at.",
        ),
        CardError::HolderUnchecked => ApiError::unprocessable(
            ErrorCode::HolderUnchecked,
            "Check the person's face against the card's photo, and send `identity_checked: \
             true`, before handing the card over.",
        )
        .with("field", "identity_checked"),
        other => ApiError::internal(Internal::new("card delivery", anyhow::anyhow!("{other}"))),
    }
}

/// Turns a JSON body that could not be read into a stable error. serde's own message is used
/// only for unknown and missing field names; any other message could quote a submitted value.
pub fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let api = match &err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            payload_too_large()
        }
        JsonPayloadError::Payload(PayloadError::Overflow) => payload_too_large(),
        JsonPayloadError::Payload(e) if super::slow_clients::is_deadline(e) => {
            super::slow_clients::request_timeout()
        }
        JsonPayloadError::ContentType => ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::UnsupportedMediaType,
            "Send the body as JSON with `Content-Type: application/json`.",
        ),
        JsonPayloadError::Deserialize(e) => classify_serde(e),
        _ => ApiError::bad_request(
            ErrorCode::MalformedBody,
            "The request body could not be read.",
        ),
    };
    api.into()
}

pub fn payload_too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::PayloadTooLarge,
        "The request body is larger than this service accepts.",
    )
}

fn backticked(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}

pub(crate) fn classify_serde(e: &serde_json::Error) -> ApiError {
    use serde_json::error::Category;
    let message = e.to_string();
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => ApiError::bad_request(
            ErrorCode::MalformedJson,
            format!(
                "The body is not valid JSON (line {}, column {}).",
                e.line(),
                e.column()
            ),
        ),
        Category::Data if message.starts_with("unknown field") => {
            let field = backticked(&message).unwrap_or("?").to_owned();
            ApiError::bad_request(
                ErrorCode::UnknownField,
                format!("`{field}` is not a field this request accepts; nothing was stored."),
            )
            .with("field", field)
        }
        Category::Data if message.starts_with("missing field") => {
            let field = backticked(&message).unwrap_or("?").to_owned();
            ApiError::bad_request(ErrorCode::MissingField, format!("`{field}` is required."))
                .with("field", field)
        }
        Category::Data => ApiError::bad_request(
            ErrorCode::InvalidFieldType,
            format!(
                "A field has the wrong type (line {}, column {}); see /api/openapi.json.",
                e.line(),
                e.column()
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Probe {
        name: String,
        flag: bool,
    }

    fn code_of(body: &str) -> (&'static str, String) {
        let err = serde_json::from_str::<Probe>(body).unwrap_err();
        let api = classify_serde(&err);
        (api.code.as_str(), api.message)
    }

    #[test]
    fn serde_errors_get_stable_codes_and_never_echo_values() {
        assert_eq!(code_of("{\"name\": ").0, "malformed_json");
        assert_eq!(
            code_of("{\"name\":\"x\",\"flag\":true,\"immigration_status\":1}").0,
            "unknown_field"
        );
        assert_eq!(code_of("{\"flag\":true}").0, "missing_field");
        let (code, message) = code_of("{\"name\":\"x\",\"flag\":\"Sentinel Secret\"}");
        assert_eq!(code, "invalid_field_type");
        assert!(!message.contains("Sentinel"), "{message}");
    }
}
