//! Building the service: context (key ring, database, hasher), then the HTTP server on a
//! listener whose port is known before it runs (tests bind port 0).

use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress};
use actix_web::{web, App, HttpServer};
use anyhow::Context as _;

use crate::clock::Clock;
use crate::config::{Config, KeyBackend};
use crate::context::AppContext;
use crate::crypto::custody::{KeyCustody, SigningCustody};
use crate::crypto::keyring::Epoch;
use crate::crypto::password::PasswordHasher;
use crate::crypto::signing::SigningKeys;
use crate::crypto::status_list::StatusList;
use crate::error::ErrorCode;
use crate::file_ring_lock::{self, FileRingLock};
use crate::i18n;
use crate::key_custody;
use crate::private_files;
use crate::rate_limit::ClientThrottle;
use crate::render::card_pdf::{CardBranding, CardRenderer, Unoffered};
use crate::render::card_words;
use crate::render::photo::PhotoNormalizer;
use crate::services;
use crate::telemetry::Metrics;
use crate::telemetry::VerificationCounters;
use crate::web::{self as routes, errors, middleware, slow_clients};

/// Opens key custody and the database and prepares everything a use case needs.
pub fn build_context(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<AppContext> {
    prepare_process(&config)?;
    open_and_build(config, clock)
}

/// After [`prepare_process`]: the configured key custody, refused when it holds nothing of
/// this service while the database holds residents.
fn open_and_build(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<AppContext> {
    let custody = key_custody::open(&config, clock.as_ref())?;
    build(config, clock, custody, CustodyCheck::RefuseEmpty)
}

/// Private files from here on (umask 077) and the data folder made: before any key or
/// database file is opened.
pub fn prepare_process(config: &Config) -> anyhow::Result<()> {
    private_files::restrict_umask();
    prepare_data_dir(config)
}

/// The same over key custody the caller opened after [`prepare_process`] (`keys migrate`
/// opens two, the target empty at first).
pub fn build_context_with(
    config: Config,
    clock: Arc<dyn Clock>,
    custody: key_custody::Custody,
) -> anyhow::Result<AppContext> {
    build(config, clock, custody, CustodyCheck::AnyKeys)
}

/// Whether key custody that holds nothing of this service may be used.
#[derive(PartialEq, Eq)]
enum CustodyCheck {
    RefuseEmpty,
    AnyKeys,
}

/// The status list, loaded with every revoked card. Refused when a card holds an index beyond
/// `cards.status_list_size`: the list was made smaller than the cards it answers for, and every
/// such card would check as not valid.
fn status_list_of(
    config: &Config,
    clock: &dyn Clock,
    conn: &mut crate::db::DbConnection,
) -> anyhow::Result<StatusList> {
    let cards = &config.cards;
    let highest = crate::db::cards::highest_status_index(conn)?;
    if let Some(highest) =
        highest.filter(|&h| u64::try_from(h).unwrap_or(u64::MAX) >= cards.status_list_size)
    {
        anyhow::bail!(
            "cards.status_list_size is {}, but a card already holds status-list index {highest}: \
             every card beyond the list would check as not valid. A status list is only ever made \
             larger: set cards.status_list_size back to the size the cards were issued under (more \
             than {highest}). Nothing was changed.",
            cards.status_list_size
        );
    }
    let status_list = StatusList::new(
        &config.public_base_url,
        cards.status_list_size,
        cards.status_list_ttl_secs,
        cards.status_list_refresh_secs,
    );
    status_list.load(
        crate::db::cards::revoked_indices(conn)?,
        clock.now().naive_utc(),
    );
    Ok(status_list)
}

fn build(
    config: Config,
    clock: Arc<dyn Clock>,
    (custody, signing_store): key_custody::Custody,
    check: CustodyCheck,
) -> anyhow::Result<AppContext> {
    let url = config.database_url();
    let pool = crate::db::connect(
        &url,
        config.database.pool_size,
        config.database.connect_timeout_secs,
        std::time::Duration::from_millis(config.database.acquire_timeout_ms),
    )?;
    if check == CustodyCheck::RefuseEmpty {
        refuse_custody_without_keys(custody.as_ref(), &mut *pool.get()?)?;
    }
    prepare_epochs(&config, clock.as_ref(), custody.as_ref())?;
    private_files::secure_database_files(&config)?;
    let auth = &config.auth;
    let hasher = PasswordHasher::new(
        (
            auth.argon2_memory_kib,
            auth.argon2_iterations,
            auth.argon2_parallelism,
        ),
        auth.password_checks_at_once,
        std::time::Duration::from_millis(auth.password_check_wait_ms),
    )?;
    let documents = config.document_policy()?;
    let age_bands = config.age_bands()?;
    let fees = config.fee_schedule()?;

    let signing = open_signing_keys(&config, clock.as_ref(), signing_store)?;
    let status_list = status_list_of(&config, clock.as_ref(), &mut *pool.get()?)?;
    let card_renderer = card_renderer(&config)?;
    let photos = PhotoNormalizer::new(
        config.photo_limits(),
        config.enrollment.photo_decodes_at_once,
    );
    let verify_throttle = ClientThrottle::new(config.verification.max_checks_per_minute);
    let metrics_token = metrics_token(&config)?;
    let sign_on = identity_provider(&config)?;
    let sign_ons_per_minute = config.auth.sso.steps_per_client_per_minute;
    let context = AppContext {
        config: Arc::new(config),
        pool,
        custody,
        clock,
        hasher,
        documents: Arc::new(documents),
        age_bands: Arc::new(age_bands),
        fees: Arc::new(fees),
        metrics: Arc::new(Metrics::default()),
        signing: Arc::new(signing),
        status_list: Arc::new(status_list),
        card_renderer: Arc::new(card_renderer),
        photos: Arc::new(photos),
        verify_throttle: Arc::new(verify_throttle),
        verification: Arc::new(VerificationCounters::default()),
        health: Arc::new(Default::default()),
        metrics_token,
        sign_on,
        sign_on_throttle: Arc::new(ClientThrottle::new(sign_ons_per_minute)),
    };
    Ok(context)
}

/// The city's identity provider, when single sign-on is configured (its client secret read
/// from its 0600 file). Nothing is fetched from it here: the service starts while it is down.
fn identity_provider(
    config: &Config,
) -> anyhow::Result<Option<Arc<crate::identity_provider::IdentityProvider>>> {
    let sso = &config.auth.sso;
    if !sso.enabled() {
        return Ok(None);
    }
    let secret = if sso.client_secret_file.is_empty() {
        None
    } else {
        let text = key_custody::read_secret(
            "auth.sso.client_secret_file",
            Path::new(&sso.client_secret_file),
        )?;
        Some(text.trim().to_owned())
    };
    let provider =
        crate::identity_provider::IdentityProvider::new(sso, secret, &config.public_base_url)
            .map_err(|why| anyhow::anyhow!("auth.sso: {why}"))?;
    tracing::info!(
        event = "sign_on",
        issuer = sso.issuer.trim(),
        local_passwords = config.auth.local_passwords,
        "single sign-on through the identity provider"
    );
    Ok(Some(Arc::new(provider)))
}

/// The digest of the token `/metrics` asks for, read from its 0600 file.
fn metrics_token(config: &Config) -> anyhow::Result<Option<[u8; 32]>> {
    use sha2::{Digest, Sha256};
    let file = &config.server.metrics_token_file;
    if file.is_empty() {
        return Ok(None);
    }
    let token = key_custody::read_secret("server.metrics_token_file", Path::new(file))?;
    Ok(Some(Sha256::digest(token.as_bytes()).into()))
}

/// The data folder, made private (0700) when it is created.
fn prepare_data_dir(config: &Config) -> anyhow::Result<()> {
    if !config.data_dir.exists() {
        std::fs::create_dir_all(&config.data_dir)
            .with_context(|| format!("creating the data folder {}", config.data_dir.display()))?;
        std::fs::set_permissions(&config.data_dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Key custody holding nothing of this deployment (no epoch, live or destroyed) while the
/// database holds residents is the wrong one: another token, label prefix, OpenBao mount or key
/// prefix, or a data folder restored without its key ring. Refused before anything is made in
/// it (new keys there would read no record, and the next start would no longer notice).
fn refuse_custody_without_keys(
    custody: &dyn KeyCustody,
    conn: &mut crate::db::DbConnection,
) -> anyhow::Result<()> {
    let inventory = custody.inventory()?;
    if !inventory.live.is_empty() || !inventory.destroyed.is_empty() {
        return Ok(());
    }
    let residents = crate::db::residents::count(conn)?;
    if residents > 0 {
        anyhow::bail!(
            "key custody ({}) holds no key of this service, but the database holds {residents} \
             residents: it is not the custody their data was sealed with. Check keys.backend and \
             its settings (token, label_prefix, key_prefix, mount); after `muni-id keys migrate` \
             the configuration must name the backend the keys moved to. Nothing was changed.",
            custody.describe()
        );
    }
    Ok(())
}

/// This month's keys and the ratchet's window prepared in key custody.
fn prepare_epochs(
    config: &Config,
    clock: &dyn Clock,
    custody: &dyn KeyCustody,
) -> anyhow::Result<()> {
    let month = custody
        .ratchet_month()?
        .map_or(Epoch::of(clock.today()), |m| {
            m.max(Epoch::of(clock.today()))
        });
    custody.prepare(month, config.keys.backup_window_months)?;
    Ok(())
}

/// The card-signing keys (a first one created in development, or in an empty HSM or OpenBao),
/// bounded by the longest validity policy.
fn open_signing_keys(
    config: &Config,
    clock: &dyn Clock,
    store: Arc<dyn SigningCustody>,
) -> anyhow::Result<SigningKeys> {
    // An HSM or OpenBao starts empty: its first signing key is made there. The file store makes
    // one only where files may be created (development).
    let create = config.keys.create_if_missing || config.keys.backend != KeyBackend::File;
    let (signing, created) = SigningKeys::new(store, create, clock.now())?;
    let signing =
        signing.with_max_card_validity_years(config.age_bands()?.longest_validity_years());
    if created {
        tracing::warn!(
            custody = %signing.describe(),
            "created a new card-signing key; its public half is published at /.well-known/jwks.json"
        );
    }
    Ok(signing)
}

/// The card design from configuration: colours, logo, the texts on the back.
fn card_branding(config: &Config) -> anyhow::Result<CardBranding> {
    let design = &config.card_design;
    let logo_png = if design.logo_file.is_empty() {
        None
    } else {
        Some(
            std::fs::read(&design.logo_file)
                .with_context(|| format!("card_design.logo_file {}", design.logo_file))?,
        )
    };
    Ok(CardBranding {
        jurisdiction: config.jurisdiction.clone(),
        accent_rgb: config.accent_rgb()?,
        logo_png,
        return_if_found: design.return_if_found.clone(),
        verify_hint: design.verify_hint.clone(),
    })
}

/// The card renderer, with the configured font folders; says which scripts names print in.
fn card_renderer(config: &Config) -> anyhow::Result<CardRenderer> {
    let font_dirs: Vec<PathBuf> = config
        .card_design
        .font_dirs
        .iter()
        .map(PathBuf::from)
        .collect();
    let language = &config.card_design.language;
    let wordings = card_words::wordings(i18n::catalogue(), language, &config.card_verify_address())
        .with_context(|| {
            let known: Vec<&str> = i18n::catalogue().all().iter().map(|l| l.code).collect();
            format!(
                "card_design.language {language:?} is not a language of the pages ({})",
                known.join(", ")
            )
        })?;
    let renderer = CardRenderer::with_wordings(card_branding(config)?, &font_dirs, wordings)?;
    let unoffered = |why: Unoffered| {
        renderer
            .unoffered_languages()
            .iter()
            .filter(|(_, w)| *w == why)
            .map(|(language, _)| language.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let no_font = unoffered(Unoffered::NoFont);
    if !no_font.is_empty() {
        tracing::warn!(
            languages = %no_font,
            "the card cannot print its words in these page languages: no font for their script"
        );
    }
    let too_long = unoffered(Unoffered::DoesNotFit);
    if !too_long.is_empty() {
        tracing::warn!(
            languages = %too_long,
            "the card does not offer these page languages as a second: their words do not fit beside the card's own (a shorter card_design.return_if_found or verify_hint, or their own catalogue's, would make room)"
        );
    }
    let (printable, missing) = renderer.scripts();
    tracing::info!(
        scripts = %printable.join(", "),
        "the card prints names in these scripts"
    );
    if !missing.is_empty() {
        tracing::warn!(
            scripts = %missing.join(", "),
            font_dirs = %config.card_design.font_dirs.join(", "),
            "names in these scripts are refused at enrollment: no font for them in card_design.font_dirs \
             (on Debian: apt-get install fonts-noto-core fonts-noto-cjk)"
        );
    }
    Ok(renderer)
}

pub struct Application {
    port: u16,
    server: Server,
    context: AppContext,
}

impl Application {
    /// Builds the context, creates the first admin on an empty database, binds the listener.
    pub fn build(config: Config, clock: Arc<dyn Clock>) -> anyhow::Result<Self> {
        let listener = TcpListener::bind(config.bind_addr())
            .with_context(|| format!("binding {}", config.server.bind))?;
        Self::build_with_listener(config, clock, listener)
    }

    /// As `build`, on a listener bound by the caller (tests bind port 0 first, so the public
    /// base URL can name the port).
    pub fn build_with_listener(
        config: Config,
        clock: Arc<dyn Clock>,
        listener: TcpListener,
    ) -> anyhow::Result<Self> {
        prepare_process(&config)?;
        // Before the keys open: never beside `keys migrate` moving them.
        let ring_lock = file_ring_lock::hold_for_serving(&config)?;
        let context = open_and_build(config, clock)?;
        // Rows of an older layout, and keys an older version prepared far ahead, are brought
        // within the ratchet's rule before the server answers anything.
        services::ratchet::bring_within_rule(&context)
            .context("bringing every data key within the ratchet's rule")?;
        services::issuer::check_at_start(&context)
            .context("comparing public_base_url with the issuer of the cards")?;
        if let Some(path) = services::staff::ensure_first_admin(&context)? {
            tracing::warn!(
                username = %context.config.auth.first_admin_username,
                password_file = %path.display(),
                "created the first admin account; its one-time password is in the file named here \
                 (readable only by this user). Log in with it and choose a new password."
            );
        }
        let port = listener.local_addr()?.port();
        let server = serve(listener, context.clone(), ring_lock)?;
        Ok(Self {
            port,
            server,
            context,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn context(&self) -> &AppContext {
        &self.context
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }

    pub fn into_server(self) -> Server {
        self.server
    }
}

/// Serves `context` on `listener`; the file ring's lock (if any) is held until the server
/// has stopped.
fn serve(
    listener: TcpListener,
    context: AppContext,
    ring_lock: Option<FileRingLock>,
) -> anyhow::Result<Server> {
    let ring_lock = Arc::new(ring_lock);
    let max_body = context.config.server.max_body_bytes;
    let https = context.config.public_base_url.starts_with("https://");
    let workers = context.config.server.workers;
    let client_request_timeout =
        std::time::Duration::from_millis(context.config.server.client_request_timeout_ms);
    let connections =
        slow_clients::ConnectionCounts::new(context.config.server.max_connections_per_client);
    let data = web::Data::new(context);
    let mut server = HttpServer::new(move || {
        let _held_while_serving = &ring_lock;
        App::new()
            .app_data(data.clone())
            .app_data(
                web::JsonConfig::default()
                    .limit(max_body)
                    .error_handler(errors::json_error),
            )
            .app_data(web::PayloadConfig::new(max_body))
            .app_data(web::QueryConfig::default().error_handler(|_, _| {
                crate::web::ApiError::bad_request(
                    ErrorCode::InvalidQuery,
                    "The query string has an unknown or malformed parameter.",
                )
                .into()
            }))
            .wrap(Compress::default())
            .wrap(middleware::security_headers(https))
            .wrap(from_fn(slow_clients::limit))
            .wrap(from_fn(middleware::request_context))
            .configure(routes::routes)
    })
    .shutdown_timeout(5)
    .client_request_timeout(client_request_timeout)
    .on_connect(slow_clients::on_connect(connections))
    .listen(listener)?;
    if workers > 0 {
        server = server.workers(workers);
    }
    Ok(server.run())
}
