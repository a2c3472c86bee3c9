//! The error model. Use cases return their own `thiserror` enums; unexpected faults become
//! `Internal`, whose cause is logged with the request id and never sent to a client. What a
//! client sees (`web::ApiError`) carries one of the closed list of `ErrorCode`s and a message
//! for a person that never repeats the submitted values (they may be personal data).

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
    /// Key custody (the HSM, OpenBao, or the key-ring file's volume) cannot be reached: no
    /// personal data can be opened or sealed, and nothing is written in the clear.
    KeyCustody,
}

impl Outage {
    /// The status a client sees.
    /// The HTTP status it answers: 503, or 507 for full storage.
    pub fn status(self) -> u16 {
        match self {
            Outage::Database | Outage::KeyCustody => 503,
            Outage::Storage => 507,
        }
    }

    /// The stable code a client sees.
    pub fn code(self) -> ErrorCode {
        match self {
            Outage::Database => ErrorCode::DatabaseUnavailable,
            Outage::Storage => ErrorCode::StorageFull,
            Outage::KeyCustody => ErrorCode::KeyCustodyUnavailable,
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
            Outage::KeyCustody => {
                "The keys that protect residents' data cannot be reached just now, so no \
                 personal data can be read or saved. Nothing was changed; try again shortly."
            }
        }
    }

    /// The seconds the client is told to wait (`Retry-After`).
    pub fn retry_after_secs(self) -> u64 {
        match self {
            Outage::Database | Outage::KeyCustody => 5,
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
    if let Some(crate::crypto::custody::CustodyError::Unavailable(_)) = cause.downcast_ref() {
        return Some(Outage::KeyCustody);
    }
    if let Some(crate::crypto::signing::SigningKeyError::Unavailable(_)) = cause.downcast_ref() {
        return Some(Outage::KeyCustody);
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

/// Defines `ErrorCode` from one list, so that the variants, `ALL` and the strings cannot drift.
macro_rules! error_codes {
    ($($variant:ident = $code:literal,)+) => {
        /// Every error code a client or a staff page can see: in API error bodies, in field
        /// errors, and as the key of the staff pages' message (`err-<code>` in every catalogue).
        /// A closed list, so that a test holds each to a message in every language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            $($variant,)+
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)+];

            /// The stable snake_case code.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $code,)+
                }
            }
        }
    };
}

error_codes! {
    BelowMinimumAge = "below_minimum_age",
    CardNotActive = "card_not_active",
    CaretakerIdentityUnchecked = "caretaker_identity_unchecked",
    CaretakerNotApplicable = "caretaker_not_applicable",
    CaretakerRequired = "caretaker_required",
    ChangedMeanwhile = "changed_meanwhile",
    DatabaseUnavailable = "database_unavailable",
    DateOfBirthInFuture = "date_of_birth_in_future",
    DoesNotFit = "does_not_fit",
    FeeRequired = "fee_required",
    Forbidden = "forbidden",
    InsufficientProof = "insufficient_proof",
    InternalError = "internal_error",
    InvalidAddress = "invalid_address",
    InvalidBatch = "invalid_batch",
    InvalidCardNumber = "invalid_card_number",
    InvalidCharacters = "invalid_characters",
    KeyCustodyUnavailable = "key_custody_unavailable",
    LegalHoldLifted = "legal_hold_lifted",
    InvalidCredentials = "invalid_credentials",
    InvalidDate = "invalid_date",
    InvalidFieldType = "invalid_field_type",
    InvalidFormat = "invalid_format",
    InvalidGender = "invalid_gender",
    InvalidLanguage = "invalid_language",
    InvalidName = "invalid_name",
    InvalidPhone = "invalid_phone",
    InvalidPhoto = "invalid_photo",
    InvalidQuery = "invalid_query",
    InvalidUsername = "invalid_username",
    LocalPasswordsOff = "local_passwords_off",
    InvalidValue = "invalid_value",
    CardAwaitingMail = "card_awaiting_mail",
    ConfidentialNoAddress = "confidential_no_address",
    ConfidentialNotMailed = "confidential_not_mailed",
    PickupSiteRequired = "pickup_site_required",
    HolderUnchecked = "holder_unchecked",
    WrongCardStage = "wrong_card_stage",
    MalformedBody = "malformed_body",
    MalformedJson = "malformed_json",
    MethodNotAllowed = "method_not_allowed",
    MissingField = "missing_field",
    NoAddressToMail = "no_address_to_mail",
    NoCardToReplace = "no_card_to_replace",
    NotPickedUpHere = "not_picked_up_here",
    NotAuthenticated = "not_authenticated",
    NotFound = "not_found",
    OutsideRenewalWindow = "outside_renewal_window",
    OwnAccount = "own_account",
    PasswordChangeRequired = "password_change_required",
    PayloadTooLarge = "payload_too_large",
    PhotoTooLarge = "photo_too_large",
    PhotoTooSmall = "photo_too_small",
    PossibleDuplicate = "possible_duplicate",
    RequestTimeout = "request_timeout",
    ResidentDataDestroyed = "resident_data_destroyed",
    SiteClosed = "site_closed",
    SiteCodeTaken = "site_code_taken",
    SiteNotAllowed = "site_not_allowed",
    SiteRequired = "site_required",
    SecondFactorEnrolmentOverdue = "second_factor_enrolment_overdue",
    SecondFactorRequired = "second_factor_required",
    InvalidSecondFactor = "invalid_second_factor",
    StorageFull = "storage_full",
    TooManyAttempts = "too_many_attempts",
    TooManyConnections = "too_many_connections",
    TooManyLanguages = "too_many_languages",
    TooManyRequests = "too_many_requests",
    UnderLegalHold = "under_legal_hold",
    UnknownDocumentKind = "unknown_document_kind",
    UnknownField = "unknown_field",
    UnknownWaiverCategory = "unknown_waiver_category",
    UnsupportedMediaType = "unsupported_media_type",
    UnsupportedPhotoFormat = "unsupported_photo_format",
    UnsupportedScript = "unsupported_script",
    UsernameTaken = "username_taken",
    WeakPassword = "weak_password",
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}
