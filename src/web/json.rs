//! The API's JSON body: `application/json`, at most the configured size, and a JSON object.
//! serde's derived structs would also accept an array of their fields in order (`[null, null]`
//! for a change of two optional fields), which no client means and the OpenAPI document does
//! not allow; such a body answers 400 `malformed_json`.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::http::StatusCode;
use actix_web::mime;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use serde::de::DeserializeOwned;

use super::errors::{classify_serde, payload_too_large};
use super::slow_clients;
use crate::error::ErrorCode;
use crate::web::ApiError;

/// A JSON object body, deserialized into `T`.
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

fn is_json(req: &HttpRequest) -> bool {
    let Ok(Some(mime)) = req.mime_type() else {
        return false;
    };
    mime.subtype() == mime::JSON || mime.suffix() == Some(mime::JSON)
}

/// Why the body could not be read, as the API answers it.
fn unreadable(err: &actix_web::Error) -> ApiError {
    match err.as_error::<PayloadError>() {
        Some(PayloadError::Overflow) => payload_too_large(),
        Some(e) if slow_clients::is_deadline(e) => slow_clients::request_timeout(),
        _ if err.as_response_error().status_code() == StatusCode::PAYLOAD_TOO_LARGE => {
            payload_too_large()
        }
        _ => ApiError::bad_request(
            ErrorCode::MalformedBody,
            "The request body could not be read.",
        ),
    }
}

/// Parses a body already read: a JSON object, into `T`.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first.is_some_and(|b| *b != b'{') {
        return Err(ApiError::bad_request(
            ErrorCode::MalformedJson,
            "The body must be a JSON object: { \"field\": value, … }.",
        ));
    }
    serde_json::from_slice(body).map_err(|e| classify_serde(&e))
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let json = is_json(req);
        let body = Bytes::from_request(req, payload);
        Box::pin(async move {
            if !json {
                return Err(ApiError::new(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    ErrorCode::UnsupportedMediaType,
                    "Send the body as JSON with `Content-Type: application/json`.",
                )
                .into());
            }
            let body = body.await.map_err(|e| unreadable(&e))?;
            Ok(Json(parse(&body)?))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Change {
        name: Option<String>,
        flag: Option<bool>,
    }

    #[test]
    fn only_an_object_is_a_body() {
        assert_eq!(
            parse::<Change>(b" [null, null]").unwrap_err().code,
            "malformed_json"
        );
        assert_eq!(parse::<Change>(b"null").unwrap_err().code, "malformed_json");
        let change = parse::<Change>(b" {\"flag\": true}").unwrap();
        assert_eq!((change.name, change.flag), (None, Some(true)));
        assert_eq!(parse::<Change>(b"").unwrap_err().code, "malformed_json");
    }
}
