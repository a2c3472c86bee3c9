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

/// A dependency that is down or full: not a fault of the request nor of the code, so the client
/// is told to come back rather than to quote a request id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outage {
    /// The database cannot be reached (refused, closed, or no pooled connection in time).
    Database,
    /// The database's storage is full: nothing more can be written.
    Storage,
}

impl Outage {
    /// The status a client sees.
    pub fn status(self) -> StatusCode {
        match self {
            Outage::Database => StatusCode::SERVICE_UNAVAILABLE,
            Outage::Storage => StatusCode::INSUFFICIENT_STORAGE,
        }
    }

    /// The stable code a client sees.
    pub fn code(self) -> &'static str {
        match self {
            Outage::Database => "database_unavailable",
            Outage::Storage => "storage_full",
        }
    }

    /// The message a client sees.
    pub fn message(self) -> &'static str {
        match self {
            Outage::Database => {
                "The database cannot be reached just now. Nothing was changed; try again shortly."
            }
            Outage::Storage => {
                "The server's storage is full, so nothing can be saved. Nothing was changed; \
                 an administrator must free space."
            }
        }
    }

    /// The seconds the client is told to wait (`Retry-After`).
    pub fn retry_after_secs(self) -> u64 {
        match self {
            Outage::Database => 5,
            Outage::Storage => 60,
        }
    }
}

impl Internal {
    /// Whether this fault is an outage of a dependency, read from the causes it carries.
    pub fn outage(&self) -> Option<Outage> {
        self.source.chain().find_map(outage_of)
    }
}

/// SQLite says "database or disk is full" (SQLITE_FULL); PostgreSQL "could not extend file …:
/// No space left on device" (SQLSTATE 53100) or "could not write …".
fn is_storage_full_message(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    message.contains("database or disk is full")
        || message.contains("no space left on device")
        || message.contains("disk full")
}

fn outage_of(cause: &(dyn std::error::Error + 'static)) -> Option<Outage> {
    use diesel::result::{DatabaseErrorKind, Error as DieselError};
    if let Some(e) = cause.downcast_ref::<DieselError>() {
        return match e {
            DieselError::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                _,
            ) => Some(Outage::Database),
            DieselError::DatabaseError(_, info) if is_storage_full_message(info.message()) => {
                Some(Outage::Storage)
            }
            DieselError::DatabaseError(_, info) if is_connection_lost(info.message()) => {
                Some(Outage::Database)
            }
            _ => None,
        };
    }
    if cause.downcast_ref::<r2d2::Error>().is_some() {
        // The pool gave no connection in time: every one it tried to open failed.
        return Some(Outage::Database);
    }
    if let Some(e) = cause.downcast_ref::<crate::db::DbError>() {
        return match e {
            crate::db::DbError::Connect { .. } | crate::db::DbError::Pool(_) => {
                Some(Outage::Database)
            }
            _ => None,
        };
    }
    if let Some(e) = cause.downcast_ref::<std::io::Error>() {
        if e.raw_os_error() == Some(libc::ENOSPC) {
            return Some(Outage::Storage);
        }
    }
    None
}

/// A PostgreSQL connection that died under a query ("terminating connection due to
/// administrator command", "server closed the connection unexpectedly", …).
fn is_connection_lost(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    message.contains("terminating connection")
        || message.contains("server closed the connection")
        || message.contains("connection to server")
        || message.contains("the database system is shutting down")
        || message.contains("the database system is starting up")
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
    /// Sent as `Retry-After` (seconds).
    pub retry_after_secs: Option<u64>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
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

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn unprocessable(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    pub fn not_found() -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", "No such record.")
    }

    /// An unexpected fault: 500 with a request id, unless it is a dependency's outage, which
    /// answers 503 `database_unavailable` or 507 `storage_full` with `Retry-After`. The cause
    /// stays attached for the log either way.
    pub fn internal(cause: Internal) -> Self {
        let answer = match cause.outage() {
            Some(outage) => Self::new(outage.status(), outage.code(), outage.message())
                .retry_after(outage.retry_after_secs()),
            None => Self::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_error",
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
