//! The error model. Use cases return their own `thiserror` enums; unexpected faults become
//! `Internal`, whose cause is logged with the request id and never sent to a client. What a
//! client sees is an `ApiError`: a status, a stable snake_case code and a message for a person
//! that never repeats the submitted values (they may be personal data).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use serde_json::{json, Map, Value};

/// An unexpected fault, with where it happened. Shown to operators in the log only.
#[derive(Debug, thiserror::Error)]
#[error("{context}: {source:#}")]
pub struct Internal {
    context: &'static str,
    source: anyhow::Error,
}

impl Internal {
    pub fn new(context: &'static str, source: impl Into<anyhow::Error>) -> Self {
        Self {
            context,
            source: source.into(),
        }
    }
}

impl From<diesel::result::Error> for Internal {
    fn from(e: diesel::result::Error) -> Self {
        Internal::new("database", e)
    }
}

impl From<actix_web::error::BlockingError> for Internal {
    fn from(e: actix_web::error::BlockingError) -> Self {
        Internal::new("blocking task", anyhow::anyhow!("{e}"))
    }
}

#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub details: Map<String, Value>,
    pub internal: Option<Internal>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            details: Map::new(),
            internal: None,
        }
    }

    /// Adds a field beside `code` and `message` in the error object.
    pub fn with(mut self, key: &str, value: impl Into<Value>) -> Self {
        self.details.insert(key.to_owned(), value.into());
        self
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "No such record.")
    }

    pub fn internal(cause: Internal) -> Self {
        Self {
            internal: Some(cause),
            ..Self::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_error",
                "Something went wrong on our side. Quote the request id to an administrator.",
            )
        }
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
        HttpResponse::build(self.status).json(json!({ "error": error }))
    }
}
