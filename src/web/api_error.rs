//! What a client sees when a request fails: a status, a stable code and a message for a person,
//! as `{"error": {"code", "message", …}}`. Unexpected faults keep their cause for the log only.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde_json::{json, Map, Value};

use crate::error::{ErrorCode, Internal, Outage};

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: ErrorCode,
    pub message: String,
    pub details: Map<String, Value>,
    pub internal: Option<Internal>,
    /// Sent as `Retry-After` (seconds).
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            details: Map::new(),
            internal: None,
            retry_after_secs: None,
        }
    }

    /// Tells the client when to try again (`Retry-After`).
    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after_secs = Some(seconds);
        self
    }

    /// Adds a field beside `code` and `message` in the error object.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.details.insert(key.to_owned(), value.into());
        self
    }

    pub fn bad_request(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unprocessable(code: ErrorCode, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    pub fn not_found() -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "No such record.",
        )
    }

    /// An unexpected fault: 500 with a request id, unless it is a dependency's outage, which
    /// answers 503 `database_unavailable` or 507 `storage_full` with `Retry-After`. The cause
    /// stays attached for the log either way.
    pub fn internal(cause: Internal) -> Self {
        let answer = match cause.outage() {
            Some(outage) => Self::new(
                StatusCode::from_u16(outage.status()).unwrap_or(StatusCode::SERVICE_UNAVAILABLE),
                outage.code(),
                outage.message(),
            )
            .retry_after(outage.retry_after_secs()),
            None => Self::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                ErrorCode::InternalError,
                "Something went wrong on our side. Quote the request id to an administrator.",
            ),
        };
        Self {
            internal: Some(cause),
            ..answer
        }
    }

    /// The outage behind this answer, if it is one.
    pub fn outage(&self) -> Option<Outage> {
        self.internal.as_ref().and_then(Internal::outage)
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.internal {
            Some(cause) => write!(f, "{}: {cause}", self.code),
            None => write!(f, "{}: {}", self.code, self.message),
        }
    }
}

impl From<Internal> for ApiError {
    fn from(cause: Internal) -> Self {
        ApiError::internal(cause)
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        ApiError::internal(e.into())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut error = Map::new();
        error.insert("code".into(), json!(self.code));
        error.insert("message".into(), json!(self.message));
        for (k, v) in &self.details {
            error.insert(k.clone(), v.clone());
        }
        let mut response = HttpResponse::build(self.status);
        if let Some(seconds) = self.retry_after_secs {
            response.insert_header((actix_web::http::header::RETRY_AFTER, seconds.to_string()));
        }
        response.json(json!({ "error": error }))
    }
}

impl From<actix_web::error::BlockingError> for Internal {
    fn from(e: actix_web::error::BlockingError) -> Self {
        Internal::new("blocking task", anyhow::anyhow!("{e}"))
    }
}
