//! What every use case needs: configuration, the database pool, key custody, the clock.

use std::sync::Arc;

use crate::clock::Clock;
use crate::config::Config;
use crate::crypto::custody::KeyCustody;
use crate::crypto::password::PasswordHasher;
use crate::crypto::signing::SigningKeys;
use crate::crypto::status_list::StatusList;
use crate::db::{DbPool, PooledConnection};
use crate::domain::age_bands::AgeBands;
use crate::domain::documents::DocumentPolicy;
use crate::domain::fees::FeeSchedule;
use crate::error::{Internal, Outage};
use crate::health::Health;
use crate::rate_limit::ClientThrottle;
use crate::render::card_pdf::CardRenderer;
use crate::render::photo::PhotoNormalizer;
use crate::telemetry::Metrics;
use crate::telemetry::VerificationCounters;

#[derive(Clone)]
pub struct AppContext {
    pub config: Arc<Config>,
    pub pool: DbPool,
    pub custody: Arc<dyn KeyCustody>,
    pub clock: Arc<dyn Clock>,
    pub hasher: PasswordHasher,
    pub documents: Arc<DocumentPolicy>,
    pub age_bands: Arc<AgeBands>,
    pub fees: Arc<FeeSchedule>,
    pub metrics: Arc<Metrics>,
    pub signing: Arc<SigningKeys>,
    pub status_list: Arc<StatusList>,
    pub card_renderer: Arc<CardRenderer>,
    pub photos: Arc<PhotoNormalizer>,
    pub verify_throttle: Arc<ClientThrottle>,
    pub verification: Arc<VerificationCounters>,
    pub health: Arc<Health>,
    /// The SHA-256 of the bearer token `/metrics` asks for; `None`: not served.
    pub metrics_token: Option<[u8; 32]>,
    /// The city's identity provider, when single sign-on is configured.
    pub sign_on: Option<Arc<crate::identity_provider::IdentityProvider>>,
    /// Single sign-ons begun or completed per client and minute (each may ask the provider).
    pub sign_on_throttle: Arc<ClientThrottle>,
}

impl AppContext {
    /// A pooled connection. Blocking: call from `web::block` or a command, never an async worker.
    /// A connection handed out has just answered (the pool tests it), so a database outage in
    /// progress is over.
    pub fn db(&self) -> Result<PooledConnection, Internal> {
        let conn = self
            .pool
            .get()
            .map_err(|e| Internal::new("database pool", e))?;
        self.health.recovered(Outage::Database);
        Ok(conn)
    }
}
