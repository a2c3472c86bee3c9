//! Configuration: `config/default.toml` (compiled in), then an optional file, then
//! `MUNI_ID__SECTION__KEY` environment variables. Parsed once, validated once; unknown keys and
//! invalid values stop start-up with a message that names the key.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::providers::{Env, Format, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};

use crate::domain::age_bands::AgeBands;
use crate::domain::documents::{DocumentKind, DocumentPolicy, PointsRequirement};
use crate::domain::fees::FeeSchedule;
use crate::render::photo::PhotoLimits;

/// The shipped defaults, compiled in so the binary runs from any directory.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Development conveniences: a key file may sit beside the SQLite database. The compiled-in
    /// default is development mode; `config/production.toml` turns it off.
    pub dev_mode: bool,
    pub data_dir: PathBuf,
    pub public_base_url: String,
    pub jurisdiction: String,
    pub server: ServerConfig,
    pub database: DatabaseConfig,
    pub keys: KeysConfig,
    pub auth: AuthConfig,
    pub enrollment: EnrollmentConfig,
    pub cards: CardsConfig,
    pub fees: FeesConfig,
    pub card_design: CardDesignConfig,
    pub verification: VerificationConfig,
    pub retention: RetentionConfig,
    pub reports: ReportsConfig,
    pub log: LogConfig,
}

/// The council's program report.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReportsConfig {
    /// Counts from 1 to this minus one are published as `<threshold`; further figures are
    /// withheld so that none of them can be worked out from the totals.
    pub small_cell_threshold: u64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    pub bind: String,
    pub workers: usize,
    pub max_body_bytes: usize,
    /// The reverse proxies in front of the service (CIDR, e.g. `10.0.0.0/8`, `192.0.2.7/32`).
    /// A request from one of them names its client in `client_address_header`: the client is
    /// the right-most address there that is not a trusted proxy. Empty: the peer is the client
    /// and the header is never read.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// Which header the trusted proxies set: `x-forwarded-for` or `forwarded` (RFC 7239).
    pub client_address_header: ClientAddressHeader,
    /// A file (mode 0600) holding the bearer token `/metrics` asks for. Empty: `/metrics` is
    /// not served (its live counts, tied to moments in time, are not for the public).
    pub metrics_token_file: String,
    /// The request line and headers must arrive within this many milliseconds (actix's
    /// `client_request_timeout`), or the answer is 408 and the connection closes.
    pub client_request_timeout_ms: u64,
    /// The whole body must arrive within this many seconds of the headers, or 408.
    pub body_timeout_secs: u64,
    /// Connections one address may hold open at once; 0 leaves it to a reverse proxy.
    pub max_connections_per_client: u32,
}

/// The header a trusted reverse proxy names the client in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClientAddressHeader {
    XForwardedFor,
    Forwarded,
}

#[derive(Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseConfig {
    pub url: String,
    pub url_file: String,
    pub pool_size: u32,
    pub connect_timeout_secs: u64,
    /// The longest a request waits for a pooled connection before it answers 503
    /// `database_unavailable`, in milliseconds.
    pub acquire_timeout_ms: u64,
}

impl fmt::Debug for DatabaseConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DatabaseConfig")
            .field("url", &mask_url_password(&self.url))
            .field("url_file", &self.url_file)
            .field("pool_size", &self.pool_size)
            .field("connect_timeout_secs", &self.connect_timeout_secs)
            .field("acquire_timeout_ms", &self.acquire_timeout_ms)
            .finish()
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct KeysConfig {
    /// Where the keys live and are used (see `crypto::custody`).
    pub backend: KeyBackend,
    pub keyring_file: String,
    pub create_if_missing: bool,
    /// W: the longest time, in months, any copy of the database (backup, WAL archive,
    /// point-in-time recovery) is kept. A data key is never wrapped under a later epoch than
    /// this month + W, so every copy is unreadable W + 1 months after it was taken.
    pub backup_window_months: u32,
    pub audit_witness_file: String,
    pub pkcs11: Pkcs11Config,
    pub openbao: OpenBaoConfig,
}

/// Which key custody holds the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum KeyBackend {
    /// A key ring and a signing-key file on this server's disk: development only.
    File,
    /// A hardware security module through PKCS#11 (SoftHSM2 in development).
    Pkcs11,
    /// OpenBao's (or HashiCorp Vault's) transit engine over HTTPS.
    Openbao,
}

impl KeyBackend {
    pub fn name(self) -> &'static str {
        match self {
            KeyBackend::File => "file",
            KeyBackend::Pkcs11 => "pkcs11",
            KeyBackend::Openbao => "openbao",
        }
    }
}

/// `[keys.pkcs11]`: the HSM's PKCS#11 module, the token and its user PIN.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Pkcs11Config {
    /// The vendor's PKCS#11 library (SoftHSM2: /usr/lib/softhsm/libsofthsm2.so).
    pub module: String,
    pub token_label: String,
    /// A 0600 file holding the user PIN (a container secret); the PIN never prints.
    pub pin_file: String,
    /// Prefixes the label of every object this service makes on the token, so several
    /// deployments can share one.
    pub label_prefix: String,
}

/// `[keys.openbao]`: the OpenBao (or Vault) server, its transit and KV mounts and the token.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OpenBaoConfig {
    /// https://host:8200 (http:// only to a loopback address).
    pub address: String,
    /// The CA certificate (PEM) the server's certificate is checked against; empty means the
    /// system's roots.
    pub ca_file: String,
    /// A 0600 file holding the token (a container secret); the token never prints.
    pub token_file: String,
    pub transit_mount: String,
    pub kv_mount: String,
    /// Prefixes the name of every transit key and KV path this service uses.
    pub key_prefix: String,
    pub timeout_secs: u64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AuthConfig {
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    pub argon2_parallelism: u32,
    pub session_absolute_minutes: i64,
    pub session_idle_minutes: i64,
    /// Failed logins one client may make on one account before each further attempt waits.
    pub free_failures_per_account_and_client: i32,
    /// Failed logins one client may make over every account before each further one waits.
    pub free_failures_per_client: i32,
    /// The first wait; it doubles with each further failure, up to `longest_delay_secs`.
    pub first_delay_secs: i64,
    pub longest_delay_secs: i64,
    /// Failures are forgotten this long after the last one (and at a login that succeeds).
    pub failures_forgotten_after_minutes: i64,
    /// Password checks (argon2, memory-hard) computed at once; more wait their turn.
    pub password_checks_at_once: usize,
    /// How long a password check waits for its turn before the answer is 429.
    pub password_check_wait_ms: u64,
    pub first_admin_username: String,
    pub second_factor: SecondFactorConfig,
    /// Whether staff may sign in with a password. `false` needs single sign-on: then only
    /// `break_glass_username` may (for when the identity provider is down).
    pub local_passwords: bool,
    /// The one account that keeps its password when `local_passwords` is false; empty: the
    /// first admin.
    pub break_glass_username: String,
    pub sso: SsoConfig,
}

impl AuthConfig {
    /// Whether `username` may sign in with a password.
    pub fn password_allowed_for(&self, username: &str) -> bool {
        self.local_passwords || username == self.break_glass_account()
    }

    /// The account that keeps its password when local passwords are off.
    pub fn break_glass_account(&self) -> &str {
        if self.break_glass_username.is_empty() {
            &self.first_admin_username
        } else {
            &self.break_glass_username
        }
    }
}

/// Single sign-on with the city's OpenID Connect identity provider (authorization code with
/// PKCE). Off while `issuer` is empty.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SsoConfig {
    /// The issuer URL; its `/.well-known/openid-configuration` is read (https; plain http
    /// only on loopback).
    pub issuer: String,
    /// The name of the sign-in the login page's button shows ("Sign in with …").
    pub display_name: String,
    pub client_id: String,
    /// A file holding the client secret (mode 0600); empty: a public client (PKCE only).
    pub client_secret_file: String,
    /// The CA certificate (PEM) the provider's certificate chains to; empty: the system's.
    pub ca_file: String,
    /// Scopes asked for besides `openid` (those that bring the two claims below).
    pub scopes: Vec<String>,
    /// The ID token claim whose value is the staff username (matched to existing accounts).
    pub username_claim: String,
    /// When set, the claim's value must end in `@` and this domain, which is taken off
    /// (`mlopez@city.example` → `mlopez`); any other domain is refused.
    pub username_domain: String,
    /// The ID token claim listing the person's groups.
    pub groups_claim: String,
    /// Authentication methods (the ID token's `amr`) of which one must be listed, e.g.
    /// `["mfa"]`: the provider vouches that a second factor was given. Empty: not checked
    /// (the provider's own policy is trusted).
    pub required_amr: Vec<String>,
    /// Sign-on steps (the link to the provider, the way back) one client may take a minute.
    pub steps_per_client_per_minute: u32,
    /// Which group gives which role. A person in none of them gets no access; in groups of
    /// two different roles, none either (the city must say which).
    pub roles: std::collections::BTreeMap<String, crate::domain::staff::StaffRole>,
    pub timeout_secs: u64,
}

impl SsoConfig {
    pub fn enabled(&self) -> bool {
        !self.issuer.trim().is_empty()
    }
}

/// Second factors of staff sign-in (TOTP, recovery codes): which roles must have one, and how
/// long a new (or reset) account may work without one.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SecondFactorConfig {
    /// Roles that must sign in with a second factor. Empty: offered to every account, required
    /// of none.
    pub required_for: Vec<crate::domain::staff::StaffRole>,
    /// Days an account of such a role may sign in with its password alone after it was
    /// created (or its factors were reset), to enrol a factor. After them, a password alone
    /// opens nothing.
    pub enrolment_grace_days: i64,
    /// Wrong codes one account may give before each further attempt waits (the throttle's
    /// delays); counted per account, from any address: only someone who knew the password
    /// got this far.
    pub free_code_failures: i32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EnrollmentConfig {
    /// Youngest first; the first band's age is the youngest a resident may apply at.
    pub age_bands: Vec<crate::domain::age_bands::AgeBand>,
    pub max_photo_bytes: usize,
    pub max_photo_pixels: u64,
    /// Decoded bytes a photo may take per byte of its file (beyond a small floor).
    pub max_photo_expansion: u64,
    /// Photos decoded at the same time; more wait their turn.
    pub photo_decodes_at_once: usize,
    pub photo_max_width: u32,
    pub photo_max_height: u32,
    pub photo_jpeg_quality: u8,
    pub requirement: RequirementConfig,
    pub documents: Vec<DocumentConfig>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementConfig {
    pub identity_points: u32,
    pub residency_points: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentConfig {
    pub code: String,
    pub identity_points: u32,
    pub residency_points: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CardsConfig {
    /// A renewal may be issued from this many days before the last card expires...
    pub renewal_opens_days_before: u32,
    /// ...to this many days after; outside, a new application.
    pub renewal_closes_days_after: u32,
    /// A card picked up at a site must be collected within this many days of being ready
    /// there (or of being issued, while it is on its way); then it is revoked and the data
    /// kept for it destroyed.
    pub pickup_collect_days: u32,
    pub status_list_size: u64,
    pub status_list_ttl_secs: i64,
    pub status_list_refresh_secs: u64,
}

/// The fee schedule and the waiver categories (`domain::fees`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FeesConfig {
    /// ISO 4217; amounts are in its minor unit (cents).
    pub currency: String,
    /// The fee class each issue reason is charged.
    pub by_reason: BTreeMap<String, String>,
    /// The fee classes, each with its amount per age band. A list (not a table), so that a
    /// city's own file replaces it whole rather than merging into the defaults.
    pub classes: Vec<FeeClassConfig>,
    /// The categories a fee may be waived under; the evidence for one is never recorded.
    pub waivers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FeeClassConfig {
    pub code: String,
    /// In the currency's minor unit (cents), by age band.
    pub amounts: BTreeMap<String, u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CardDesignConfig {
    pub accent_colour: String,
    pub logo_file: String,
    /// The language the card's words print in (a language of `locales/`).
    pub language: String,
    /// The back's texts in the card's language; empty: the catalogue's.
    pub return_if_found: String,
    pub verify_hint: String,
    /// Folders of fonts for the scripts the built-in fonts lack (`render::card_pdf`).
    pub font_dirs: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct VerificationConfig {
    pub max_checks_per_minute: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionConfig {
    pub unissued_days: u32,
    pub card_grace_days: u32,
    pub retain_address: bool,
    pub audit_days: u32,
    pub key_backup_days: u32,
    pub ceiling_days: u32,
    pub purge_interval_minutes: u64,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    pub level: String,
    pub format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration file {0} does not exist")]
    MissingFile(PathBuf),
    #[error("configuration: {0}")]
    Parse(String),
    #[error("configuration key `{key}`: {message}")]
    Invalid { key: &'static str, message: String },
}

fn invalid(key: &'static str, message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        key,
        message: message.into(),
    }
}

/// The database a URL names. Only these two schemes are accepted, so a typo can never make
/// diesel quietly create a SQLite file named like a connection string.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(
                    "a sqlite:// URL needs a file path, e.g. sqlite://data/muni-id.db".into(),
                );
            }
            Ok(DatabaseUrl::Sqlite(PathBuf::from(path)))
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(DatabaseUrl::Postgres(url.to_owned()))
        } else {
            Err("the URL must start with sqlite:// or postgres://".into())
        }
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            DatabaseUrl::Sqlite(_) => "sqlite",
            DatabaseUrl::Postgres(_) => "postgres",
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            DatabaseUrl::Postgres(url) => write!(f, "{}", mask_url_password(url)),
        }
    }
}

/// Replaces the password of `scheme://user:password@host` with `***`.
pub fn mask_url_password(url: &str) -> String {
    let Some(scheme_end) = url.find("://") else {
        return url.to_owned();
    };
    let rest = &url[scheme_end + 3..];
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    match (authority.rfind('@'), authority.find(':')) {
        (Some(at), Some(colon)) if colon < at => format!(
            "{}{}:***{}",
            &url[..scheme_end + 3],
            &authority[..colon],
            &rest[at..]
        ),
        _ => url.to_owned(),
    }
}

impl Config {
    /// Loads defaults, the optional file and the environment, then validates.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let mut figment = Figment::from(Toml::string(DEFAULT_TOML));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(ConfigError::MissingFile(path.to_owned()));
            }
            figment = figment.merge(Toml::file(path));
        }
        figment = figment.merge(Env::prefixed("MUNI_ID__").split("__"));
        Self::from_figment(figment)
    }

    /// Builds a configuration from the defaults plus TOML text (used by tests and tools).
    pub fn from_toml_overrides(toml: &str) -> Result<Self, ConfigError> {
        Self::from_figment(Figment::from(Toml::string(DEFAULT_TOML)).merge(Toml::string(toml)))
    }

    fn from_figment(figment: Figment) -> Result<Self, ConfigError> {
        let mut config: Config = figment
            .extract()
            .map_err(|e| ConfigError::Parse(e.to_string()))?;
        config.resolve_secret_files()?;
        config.validate()?;
        Ok(config)
    }

    fn resolve_secret_files(&mut self) -> Result<(), ConfigError> {
        if !self.database.url_file.is_empty() {
            let url = std::fs::read_to_string(&self.database.url_file)
                .map_err(|e| invalid("database.url_file", format!("cannot read the file: {e}")))?;
            self.database.url = url.trim().to_owned();
        }
        Ok(())
    }

    fn validate(&mut self) -> Result<(), ConfigError> {
        let base = self.public_base_url.trim_end_matches('/').to_owned();
        if !(base.starts_with("https://") || base.starts_with("http://")) {
            return Err(invalid(
                "public_base_url",
                "must start with https:// or http://",
            ));
        }
        self.public_base_url = base;
        if self.jurisdiction.trim().is_empty() {
            return Err(invalid("jurisdiction", "must not be empty"));
        }
        self.validate_server()?;
        self.validate_auth()?;
        self.validate_enrollment()?;
        self.validate_retention()?;
        self.validate_cards()?;
        if !(2..=100).contains(&self.reports.small_cell_threshold) {
            return Err(invalid("reports.small_cell_threshold", "must be 2 to 100"));
        }
        self.validate_keys()?;
        Ok(())
    }

    /// The listening address, request limits and the database connection.
    fn validate_server(&self) -> Result<(), ConfigError> {
        self.server
            .bind
            .parse::<SocketAddr>()
            .map_err(|e| invalid("server.bind", format!("not a socket address: {e}")))?;
        if self.server.max_body_bytes < 1024 {
            return Err(invalid("server.max_body_bytes", "must be at least 1024"));
        }
        DatabaseUrl::parse(&self.database.url).map_err(|m| invalid("database.url", m))?;
        if self.server.client_request_timeout_ms == 0 || self.server.body_timeout_secs == 0 {
            return Err(invalid(
                "server.body_timeout_secs",
                "server.client_request_timeout_ms and server.body_timeout_secs must be above 0",
            ));
        }
        if self.database.pool_size == 0 {
            return Err(invalid("database.pool_size", "must be at least 1"));
        }
        if !(100..=60_000).contains(&self.database.acquire_timeout_ms) {
            return Err(invalid(
                "database.acquire_timeout_ms",
                "must be between 100 and 60000",
            ));
        }
        Ok(())
    }

    /// Password hashing, sessions and the login throttle.
    fn validate_auth(&self) -> Result<(), ConfigError> {
        if self.auth.argon2_memory_kib < 8 * self.auth.argon2_parallelism.max(1)
            || self.auth.argon2_iterations == 0
            || self.auth.argon2_parallelism == 0
        {
            return Err(invalid("auth.argon2_*", "argon2 parameters out of range"));
        }
        if self.auth.session_idle_minutes <= 0 || self.auth.session_absolute_minutes <= 0 {
            return Err(invalid(
                "auth.session_*",
                "session lifetimes must be positive",
            ));
        }
        let auth = &self.auth;
        if auth.free_failures_per_account_and_client <= 0 || auth.free_failures_per_client <= 0 {
            return Err(invalid("auth.free_failures_*", "must be positive"));
        }
        if auth.first_delay_secs <= 0 || auth.longest_delay_secs < auth.first_delay_secs {
            return Err(invalid(
                "auth.first_delay_secs",
                "must be positive, and longest_delay_secs no shorter",
            ));
        }
        if auth.failures_forgotten_after_minutes * 60 < auth.longest_delay_secs {
            return Err(invalid(
                "auth.failures_forgotten_after_minutes",
                "must be at least longest_delay_secs (or waiting would forget the failures)",
            ));
        }
        let factor = &auth.second_factor;
        if !(0..=90).contains(&factor.enrolment_grace_days) {
            return Err(invalid(
                "auth.second_factor.enrolment_grace_days",
                "must be from 0 to 90 days",
            ));
        }
        if factor.free_code_failures <= 0 {
            return Err(invalid(
                "auth.second_factor.free_code_failures",
                "must be positive",
            ));
        }
        if auth.password_checks_at_once == 0 {
            return Err(invalid("auth.password_checks_at_once", "must be positive"));
        }
        crate::domain::staff::Username::parse(&self.auth.first_admin_username)
            .map_err(|m| invalid("auth.first_admin_username", m.to_string()))?;
        crate::domain::staff::Username::parse(self.auth.break_glass_account())
            .map_err(|m| invalid("auth.break_glass_username", m.to_string()))?;
        self.validate_sso()
    }

    /// Single sign-on, and passwords switched off only when it is on.
    fn validate_sso(&self) -> Result<(), ConfigError> {
        let sso = &self.auth.sso;
        if !sso.enabled() {
            if !self.auth.local_passwords {
                return Err(invalid(
                    "auth.local_passwords",
                    "can be false only with single sign-on ([auth.sso] issuer)",
                ));
            }
            return Ok(());
        }
        crate::outbound_http::check_address(sso.issuer.trim())
            .map_err(|m| invalid("auth.sso.issuer", m))?;
        if sso.client_id.trim().is_empty() {
            return Err(invalid("auth.sso.client_id", "must be set with an issuer"));
        }
        for (key, claim) in [
            ("auth.sso.username_claim", &sso.username_claim),
            ("auth.sso.groups_claim", &sso.groups_claim),
        ] {
            if claim.trim().is_empty() {
                return Err(invalid(key, "must name a claim"));
            }
        }
        if sso.roles.is_empty() {
            return Err(invalid(
                "auth.sso.roles",
                "map at least one group to a role: nobody could sign in",
            ));
        }
        if sso.steps_per_client_per_minute == 0 {
            return Err(invalid(
                "auth.sso.steps_per_client_per_minute",
                "must be positive",
            ));
        }
        if !(1..=60).contains(&sso.timeout_secs) {
            return Err(invalid("auth.sso.timeout_secs", "must be 1 to 60"));
        }
        Ok(())
    }

    /// The photo and the document policy.
    fn validate_enrollment(&self) -> Result<(), ConfigError> {
        if !(1..=100).contains(&self.enrollment.photo_jpeg_quality) {
            return Err(invalid("enrollment.photo_jpeg_quality", "must be 1 to 100"));
        }
        if self.enrollment.photo_max_width < 64 || self.enrollment.photo_max_height < 64 {
            return Err(invalid(
                "enrollment.photo_max_*",
                "must be at least 64 pixels",
            ));
        }
        self.document_policy()?;
        self.fee_schedule()?;
        Ok(())
    }

    /// How long each kind of record is kept: nothing beyond the ceiling.
    fn validate_retention(&self) -> Result<(), ConfigError> {
        let retention = &self.retention;
        if retention.unissued_days == 0 {
            return Err(invalid("retention.unissued_days", "must be at least 1"));
        }
        let longest_card_face =
            (self.age_bands()?.longest_validity_years() * 366) + retention.card_grace_days;
        for (key, days) in [
            ("retention.unissued_days", retention.unissued_days),
            ("retention.card_grace_days", retention.card_grace_days),
            ("retention.audit_days", retention.audit_days),
            ("retention.key_backup_days", retention.key_backup_days),
            (
                "enrollment.age_bands' longest validity_years + retention.card_grace_days",
                longest_card_face,
            ),
        ] {
            if days > retention.ceiling_days {
                return Err(invalid(
                    "retention",
                    format!(
                        "{key} ({days} days) is longer than retention.ceiling_days ({})",
                        retention.ceiling_days
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Card validity, the status list, the card's accent colour and verification.
    fn validate_cards(&self) -> Result<(), ConfigError> {
        let cards = &self.cards;
        if cards.status_list_size < 131_072
            || !cards.status_list_size.is_multiple_of(8)
            || cards.status_list_size > 1 << 28
        {
            return Err(invalid(
                "cards.status_list_size",
                "must be a multiple of 8 from 131072 (herd privacy) to 268435456",
            ));
        }
        if cards.status_list_ttl_secs < 60 || cards.status_list_refresh_secs == 0 {
            return Err(invalid(
                "cards.status_list_*",
                "ttl at least 60 s, refresh at least 1 s",
            ));
        }
        if !(1..=3650).contains(&cards.pickup_collect_days) {
            return Err(invalid(
                "cards.pickup_collect_days",
                "must be from 1 to 3650 days",
            ));
        }
        self.accent_rgb()?;
        if self.verification.max_checks_per_minute == 0 {
            return Err(invalid(
                "verification.max_checks_per_minute",
                "must be at least 1",
            ));
        }
        Ok(())
    }

    /// The key ratchet's backup window, and key-ring copies inside it.
    fn validate_keys(&self) -> Result<(), ConfigError> {
        self.validate_key_backend()?;
        if !(1..=24).contains(&self.keys.backup_window_months) {
            return Err(invalid(
                "keys.backup_window_months",
                "must be 1 to 24 months (the longest time a database backup is kept)",
            ));
        }
        let window_days = self.keys.backup_window_months * 28;
        if self.retention.key_backup_days > window_days {
            return Err(invalid(
                "retention.key_backup_days",
                format!(
                    "copies of the key ring may not outlive the backup window ({} months, {window_days} days): a copy would undo the ratchet",
                    self.keys.backup_window_months
                ),
            ));
        }
        Ok(())
    }

    /// What the chosen key backend needs is set.
    fn validate_key_backend(&self) -> Result<(), ConfigError> {
        let required = |key: &'static str, value: &str| {
            if value.trim().is_empty() {
                Err(invalid(
                    key,
                    format!(
                        "must be set when keys.backend = \"{}\"",
                        self.keys.backend.name()
                    ),
                ))
            } else {
                Ok(())
            }
        };
        match self.keys.backend {
            KeyBackend::File => Ok(()),
            KeyBackend::Pkcs11 => {
                let p = &self.keys.pkcs11;
                required("keys.pkcs11.module", &p.module)?;
                required("keys.pkcs11.token_label", &p.token_label)?;
                required("keys.pkcs11.pin_file", &p.pin_file)
            }
            KeyBackend::Openbao => {
                let o = &self.keys.openbao;
                required("keys.openbao.address", &o.address)?;
                required("keys.openbao.token_file", &o.token_file)?;
                required("keys.openbao.transit_mount", &o.transit_mount)?;
                required("keys.openbao.kv_mount", &o.kv_mount)?;
                if !(1..=120).contains(&o.timeout_secs) {
                    return Err(invalid(
                        "keys.openbao.timeout_secs",
                        "must be 1 to 120 seconds",
                    ));
                }
                openbao_address_allowed(&o.address).map_err(|m| invalid("keys.openbao.address", m))
            }
        }
    }

    /// The configured age bands, as the domain type.
    pub fn age_bands(&self) -> Result<AgeBands, ConfigError> {
        AgeBands::new(self.enrollment.age_bands.clone())
            .map_err(|m| invalid("enrollment.age_bands", m))
    }

    /// The configured fees and waivers, as the domain type, checked against the age bands.
    pub fn fee_schedule(&self) -> Result<FeeSchedule, ConfigError> {
        let bands = self.age_bands()?;
        let codes: Vec<&str> = bands.all().iter().map(|b| b.code.as_str()).collect();
        let fees = &self.fees;
        let classes = fees
            .classes
            .iter()
            .map(|class| (class.code.clone(), class.amounts.clone()))
            .collect();
        FeeSchedule::new(
            fees.currency.clone(),
            &fees.by_reason,
            classes,
            fees.waivers.clone(),
            &codes,
        )
        .map_err(|m| invalid("fees", m))
    }

    /// The configured document kinds and requirement, as the domain type.
    pub fn document_policy(&self) -> Result<DocumentPolicy, ConfigError> {
        let mut seen = HashSet::new();
        let mut kinds = Vec::new();
        for doc in &self.enrollment.documents {
            let kind = DocumentKind::new(&doc.code, doc.identity_points, doc.residency_points)
                .map_err(|m| invalid("enrollment.documents", m))?;
            if !seen.insert(doc.code.clone()) {
                return Err(invalid(
                    "enrollment.documents",
                    format!("document kind `{}` is listed twice", doc.code),
                ));
            }
            kinds.push(kind);
        }
        if kinds.is_empty() {
            return Err(invalid("enrollment.documents", "the list is empty"));
        }
        let requirement = PointsRequirement {
            identity: self.enrollment.requirement.identity_points,
            residency: self.enrollment.requirement.residency_points,
        };
        DocumentPolicy::new(kinds, requirement).map_err(|m| invalid("enrollment.requirement", m))
    }

    /// The verifier page's address as the card's back prints it: `id.springfield.gov/v`.
    pub fn card_verify_address(&self) -> String {
        let base = &self.public_base_url;
        let host = base
            .split_once("://")
            .map_or(base.as_str(), |(_, rest)| rest);
        format!("{}/v", host.trim_end_matches('/'))
    }

    /// The photo limits, as the normaliser takes them.
    pub fn photo_limits(&self) -> PhotoLimits {
        let e = &self.enrollment;
        PhotoLimits {
            max_bytes: e.max_photo_bytes,
            max_pixels: e.max_photo_pixels,
            max_expansion: e.max_photo_expansion,
            max_width: e.photo_max_width,
            max_height: e.photo_max_height,
            jpeg_quality: e.photo_jpeg_quality,
        }
    }

    /// The card accent colour as RGB.
    pub fn accent_rgb(&self) -> Result<[u8; 3], ConfigError> {
        let hex = self.card_design.accent_colour.trim_start_matches('#');
        let bad = || invalid("card_design.accent_colour", "a colour is written #rrggbb");
        if hex.len() != 6 {
            return Err(bad());
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|_| bad());
        Ok([byte(0)?, byte(2)?, byte(4)?])
    }

    /// Where the card-signing keys live (never in the database).
    pub fn signing_keys_path(&self) -> PathBuf {
        match self.keyring_path().parent() {
            Some(dir) => dir.join("signing-keys.json"),
            None => self.data_dir.join("signing-keys.json"),
        }
    }

    /// Where the audit chain's seals are witnessed, outside the database, beside the keys.
    pub fn audit_witness_path(&self) -> PathBuf {
        if !self.keys.audit_witness_file.is_empty() {
            return PathBuf::from(&self.keys.audit_witness_file);
        }
        match self.keyring_path().parent() {
            Some(dir) => dir.join("audit-witness.jsonl"),
            None => self.data_dir.join("audit-witness.jsonl"),
        }
    }

    pub fn database_url(&self) -> DatabaseUrl {
        // Validated in `validate`, so this cannot fail after `load`.
        DatabaseUrl::parse(&self.database.url)
            .unwrap_or_else(|_| DatabaseUrl::Sqlite(self.data_dir.join("muni-id.db")))
    }

    /// The ratchet rule with this configuration's backup window.
    pub fn ratchet(&self) -> crate::crypto::ratchet::Ratchet {
        crate::crypto::ratchet::Ratchet::new(self.keys.backup_window_months)
    }

    pub fn keyring_path(&self) -> PathBuf {
        if self.keys.keyring_file.is_empty() {
            self.data_dir.join("keyring.json")
        } else {
            PathBuf::from(&self.keys.keyring_file)
        }
    }

    pub fn bind_addr(&self) -> SocketAddr {
        self.server
            .bind
            .parse()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 8080)))
    }

    /// The effective configuration as TOML, every secret masked, for `muni-id config`.
    pub fn to_masked_toml(&self) -> String {
        let mut shown = self.clone();
        shown.database.url = mask_url_password(&shown.database.url);
        if !shown.database.url_file.is_empty() {
            shown.database.url = "*** (from database.url_file)".into();
        }
        toml_string(&shown)
    }
}

fn toml_string(config: &Config) -> String {
    toml::to_string_pretty(config).unwrap_or_else(|e| format!("# cannot render: {e}\n"))
}

/// The OpenBao address: https://, or http:// to a loopback address only (the development
/// server). A token sent in the clear over a network is refused.
fn openbao_address_allowed(address: &str) -> Result<(), String> {
    let url = url::Url::parse(address).map_err(|e| format!("not a URL: {e}"))?;
    let loopback = match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(name)) => name == "localhost",
        None => false,
    };
    match url.scheme() {
        "https" => Ok(()),
        "http" if loopback => Ok(()),
        "http" => Err("the token would cross the network in the clear: use https:// (http:// only to a loopback address)".into()),
        other => Err(format!("the scheme {other}:// is not http:// or https://")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_load_and_validate() {
        let config = Config::from_toml_overrides("").unwrap();
        assert_eq!(config.public_base_url, "http://localhost:8080");
        assert!(matches!(config.database_url(), DatabaseUrl::Sqlite(_)));
        let policy = config.document_policy().unwrap();
        assert_eq!(policy.kind("passport").unwrap().identity_points(), 3);
    }

    #[test]
    fn a_key_backend_needs_its_settings_and_a_token_never_crosses_a_network_in_the_clear() {
        let config = Config::from_toml_overrides("").unwrap();
        assert_eq!(config.keys.backend, KeyBackend::File);
        let err = Config::from_toml_overrides("[keys]\nbackend = \"pkcs11\"").unwrap_err();
        assert!(err.to_string().contains("keys.pkcs11.module"), "{err}");
        let hsm = "[keys]\nbackend = \"pkcs11\"\n[keys.pkcs11]\nmodule = \"/usr/lib/softhsm/libsofthsm2.so\"\ntoken_label = \"muni-id\"\npin_file = \"/run/secrets/pin\"";
        assert_eq!(
            Config::from_toml_overrides(hsm).unwrap().keys.backend,
            KeyBackend::Pkcs11
        );
        let bao = |address: &str, ca: &str| {
            Config::from_toml_overrides(&format!(
                "[keys]\nbackend = \"openbao\"\n[keys.openbao]\naddress = \"{address}\"\nca_file = \"{ca}\"\ntoken_file = \"/run/secrets/bao\""
            ))
        };
        assert!(bao("http://127.0.0.1:8200", "").is_ok());
        assert!(bao("https://bao.city.internal:8200", "/etc/ssl/city-ca.pem").is_ok());
        assert!(bao("https://bao.city.internal:8200", "").is_ok());
        let err = bao("http://bao.city.internal:8200", "").unwrap_err();
        assert!(err.to_string().contains("in the clear"), "{err}");
        let err = Config::from_toml_overrides("[keys]\nbackend = \"kms\"").unwrap_err();
        assert!(err.to_string().contains("kms"), "{err}");
    }

    #[test]
    fn the_second_factor_policy_is_checked_at_start_up() {
        let production = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/production.toml"),
        )
        .unwrap();
        let value: toml::Value = toml::from_str(&production).unwrap();
        let required = &value["auth"]["second_factor"]["required_for"];
        assert_eq!(
            required.as_array().map(Vec::len),
            Some(4),
            "production requires a second factor of every role"
        );
        let defaults = Config::from_toml_overrides("").unwrap();
        assert!(defaults.auth.second_factor.required_for.is_empty());
        for bad in [
            "enrolment_grace_days = 100000",
            "enrolment_grace_days = -1",
            "free_code_failures = 0",
        ] {
            let err =
                Config::from_toml_overrides(&format!("[auth.second_factor]\n{bad}")).unwrap_err();
            assert!(err.to_string().contains("auth.second_factor"), "{err}");
        }
        let err = Config::from_toml_overrides("[auth.second_factor]\nrequired_for = [\"mayor\"]")
            .unwrap_err();
        assert!(err.to_string().contains("mayor"), "{err}");
    }

    #[test]
    fn single_sign_on_is_checked_at_start_up() {
        let defaults = Config::from_toml_overrides("").unwrap();
        assert!(!defaults.auth.sso.enabled() && defaults.auth.local_passwords);
        assert_eq!(defaults.auth.break_glass_account(), "admin");
        let sso = "[auth.sso]\nissuer = \"https://login.city.example\"\nclient_id = \"muni-id\"\n";
        let roles = "[auth.sso.roles]\n\"clerks\" = \"clerk\"\n";
        let ok = Config::from_toml_overrides(&format!(
            "[auth]\nlocal_passwords = false\nbreak_glass_username = \"glass\"\n{sso}{roles}"
        ))
        .unwrap();
        assert!(ok.auth.password_allowed_for("glass"));
        assert!(!ok.auth.password_allowed_for("admin"));
        assert!(!ok.auth.password_allowed_for("Glass"));
        for (bad, key) in [
            // Passwords off with no other way in.
            (
                "[auth]\nlocal_passwords = false\n".to_owned(),
                "auth.local_passwords",
            ),
            // Nobody could sign in.
            (sso.to_owned(), "auth.sso.roles"),
            // The code and the client secret would cross the network in the clear.
            (
                format!("{}{roles}", sso.replace("https://", "http://")),
                "auth.sso.issuer",
            ),
            (
                format!("{}{roles}", sso.replace("\"muni-id\"", "\"\"")),
                "auth.sso.client_id",
            ),
            (
                format!("{sso}username_claim = \"\"\n{roles}"),
                "auth.sso.username_claim",
            ),
            (
                format!("[auth]\nbreak_glass_username = \"Not Valid\"\n{sso}{roles}"),
                "auth.break_glass_username",
            ),
        ] {
            let err = Config::from_toml_overrides(&bad).unwrap_err();
            assert!(err.to_string().contains(key), "{bad}: {err}");
        }
        let production = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("config/production.toml"),
        )
        .unwrap();
        let value: toml::Value = toml::from_str(&production).unwrap();
        assert_eq!(value["auth"]["local_passwords"].as_bool(), Some(false));
        assert!(value["auth"]["sso"]["issuer"]
            .as_str()
            .unwrap()
            .starts_with("https://"));
    }

    #[test]
    fn unknown_keys_are_refused_with_their_name() {
        let err = Config::from_toml_overrides("[server]\nbindd = \"x\"").unwrap_err();
        assert!(err.to_string().contains("bindd"), "{err}");
        let err = Config::from_toml_overrides("immigration_status = true").unwrap_err();
        assert!(err.to_string().contains("immigration_status"), "{err}");
    }

    #[test]
    fn a_city_replaces_the_age_bands_and_fee_classes_whole() {
        let toml = r#"
[[enrollment.age_bands]]
code = "minor"
from_age = 12
caretaker = "required"
validity_years = 3

[[enrollment.age_bands]]
code = "grown"
from_age = 16
caretaker = "none"
validity_years = 8

[[fees.classes]]
code = "flat"
amounts = { minor = 0, grown = 2000 }

[fees.by_reason]
new = "flat"
renewal = "flat"
replacement_lost = "flat"
replacement_stolen = "flat"
replacement_damaged = "flat"
replacement_never_received = "flat"
update = "flat"
"#;
        let config = Config::from_toml_overrides(toml).expect("a city's own bands and fees");
        let bands = config.age_bands().unwrap();
        assert_eq!(bands.minimum_age(), 12);
        assert_eq!(bands.longest_validity_years(), 8);
        let fees = config.fee_schedule().unwrap();
        assert_eq!(fees.classes().collect::<Vec<_>>(), ["flat"]);
        assert_eq!(
            fees.due(crate::domain::card::IssueReason::New, "grown")
                .amount_cents,
            2000
        );
        // A class that leaves a band unpriced, or a band list that names none, is refused.
        let unpriced = toml.replace("minor = 0, ", "");
        let err = Config::from_toml_overrides(&unpriced).unwrap_err();
        assert!(err.to_string().contains("minor"), "{err}");
        let err = Config::from_toml_overrides("[enrollment]\nage_bands = []").unwrap_err();
        assert!(err.to_string().contains("age_bands"), "{err}");
    }

    #[test]
    fn other_database_schemes_are_refused() {
        let err =
            Config::from_toml_overrides("[database]\nurl = \"mysql://localhost/x\"").unwrap_err();
        assert!(err.to_string().contains("database.url"), "{err}");
        let err = Config::from_toml_overrides("[database]\nurl = \"data/x.db\"").unwrap_err();
        assert!(err.to_string().contains("sqlite://"), "{err}");
    }

    #[test]
    fn a_policy_longer_than_the_ceiling_is_refused() {
        let err = Config::from_toml_overrides("[retention]\naudit_days = 5000").unwrap_err();
        assert!(err.to_string().contains("ceiling_days"), "{err}");
        let err = Config::from_toml_overrides("[retention]\nceiling_days = 1000").unwrap_err();
        assert!(err.to_string().contains("ceiling_days"), "{err}");
    }

    #[test]
    fn passwords_in_urls_are_masked() {
        assert_eq!(
            mask_url_password("postgres://app:s3cret@db:5432/muni"),
            "postgres://app:***@db:5432/muni"
        );
        assert_eq!(
            mask_url_password("postgres://app@db/muni"),
            "postgres://app@db/muni"
        );
        let config =
            Config::from_toml_overrides("[database]\nurl = \"postgres://app:s3cret@db/muni\"")
                .unwrap();
        assert!(!config.to_masked_toml().contains("s3cret"));
        assert!(!format!("{config:?}").contains("s3cret"));
    }
}
