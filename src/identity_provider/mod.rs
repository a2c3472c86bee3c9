//! The city's OpenID Connect identity provider, as a relying party sees it (`openidconnect`):
//! issuer discovery (kept for an hour, read again when a token names a key not yet seen), the
//! authorization request (code flow, PKCE S256, `state` and `nonce`), the code's exchange and
//! the ID token's checks: signature against the provider's published keys (asymmetric
//! algorithms only), issuer, audience, expiry and nonce. What the person may do here is not
//! decided here (services::sign_on).

mod http;

use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreJwsSigningAlgorithm, CoreProviderMetadata,
};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, IssuerUrl,
    Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope,
    SignatureVerificationError, TokenResponse,
};
use serde_json::Value;

use crate::config::SsoConfig;

/// How long the provider's discovery document and keys are used before they are read again.
const DISCOVERY_TTL: Duration = Duration::from_secs(3600);
/// After a failed discovery, sign-ins are refused at once for this long (a provider that is
/// down is not asked again by every click; concurrent ones wait for the one fetch).
const FAILURE_TTL: Duration = Duration::from_secs(5);

/// The only ID token signatures accepted: the provider's published public keys, never an
/// HMAC under the client secret (a secret this service holds too).
const ALLOWED_ALGORITHMS: [CoreJwsSigningAlgorithm; 8] = [
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha256,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha384,
    CoreJwsSigningAlgorithm::RsaSsaPkcs1V15Sha512,
    CoreJwsSigningAlgorithm::RsaSsaPssSha256,
    CoreJwsSigningAlgorithm::RsaSsaPssSha384,
    CoreJwsSigningAlgorithm::RsaSsaPssSha512,
    CoreJwsSigningAlgorithm::EcdsaP256Sha256,
    CoreJwsSigningAlgorithm::EcdsaP384Sha384,
];

#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// The provider did not answer, or not as a provider does (discovery, keys, token).
    #[error("the identity provider cannot be reached: {0}")]
    Unreachable(String),
    /// The provider refused the code (used before, expired, or not issued to this client).
    #[error("the identity provider refused the sign-in: {0}")]
    Refused(String),
    /// The ID token failed a check (signature, issuer, audience, expiry, nonce).
    #[error("the ID token is not valid here: {0}")]
    InvalidToken(String),
}

/// A sign-in sent to the provider: the URL to send the browser to, and what must be kept
/// until it comes back (never sent to the browser but `state`).
pub struct Started {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// What a verified ID token says, for the claims configured.
#[derive(Debug)]
pub struct VerifiedPerson {
    /// The issuer and the subject (`sub`), which never changes for a person at a provider:
    /// `<iss> <sub>`.
    pub subject: String,
    /// The username claim's value, when it is text.
    pub username: Option<String>,
    /// Whether the provider verified the e-mail address (`email_verified`), when it says.
    pub email_verified: Option<bool>,
    /// The groups claim: a list of texts (or one text).
    pub groups: Vec<String>,
    /// How the person authenticated at the provider (`amr`, e.g. `pwd`, `mfa`, `hwk`).
    pub methods: Vec<String>,
}

pub struct IdentityProvider {
    config: SsoConfig,
    secret: Option<ClientSecret>,
    redirect: RedirectUrl,
    http: http::Client,
    discovered: Mutex<Discovery>,
    /// Held while the discovery document is fetched: one fetch at a time.
    fetching: Mutex<()>,
}

#[derive(Default)]
struct Discovery {
    document: Option<(Instant, CoreProviderMetadata)>,
    failed: Option<(Instant, String)>,
}

impl IdentityProvider {
    /// The provider configured (`client_secret`: the secret file's content, if any); nothing
    /// is fetched until the first sign-in.
    pub fn new(
        config: &SsoConfig,
        client_secret: Option<String>,
        public_base_url: &str,
    ) -> Result<Self, String> {
        let issuer = config.issuer.trim();
        let https = crate::outbound_http::check_address(issuer)?;
        let ca_file = (!config.ca_file.is_empty()).then(|| std::path::Path::new(&config.ca_file));
        let agent =
            crate::outbound_http::agent(https, ca_file, Duration::from_secs(config.timeout_secs))?;
        let redirect = RedirectUrl::new(format!("{public_base_url}/login/sso/callback"))
            .map_err(|e| format!("public_base_url: {e}"))?;
        Ok(Self {
            config: config.clone(),
            secret: client_secret.map(ClientSecret::new),
            redirect,
            http: http::Client::new(agent, https),
            discovered: Mutex::new(Discovery::default()),
            fetching: Mutex::new(()),
        })
    }

    /// The authorization request for a new sign-in. Blocking (discovery, at most once an hour).
    pub fn start(&self) -> Result<Started, ProviderError> {
        let client = self.client(false)?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in &self.config.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.url();
        Ok(Started {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
        })
    }

    /// Exchanges the code the browser brought back (with the PKCE verifier of its request)
    /// and checks the ID token (with the nonce of its request). Blocking.
    pub fn finish(
        &self,
        code: &str,
        nonce: &str,
        pkce_verifier: &str,
    ) -> Result<VerifiedPerson, ProviderError> {
        let client = self.client(false)?;
        let answer = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| ProviderError::Unreachable(format!("no token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifier.to_owned()))
            .request(&self.http)
            .map_err(token_error)?;
        let id_token = answer
            .id_token()
            .ok_or_else(|| ProviderError::InvalidToken("the answer has no ID token".into()))?;
        let nonce = Nonce::new(nonce.to_owned());
        let checked = {
            let verifier = client
                .id_token_verifier()
                .set_allowed_algs(ALLOWED_ALGORITHMS);
            id_token.claims(&verifier, &nonce).map(|_| ())
        };
        match checked {
            Ok(()) => {}
            // A key the provider published since the keys were read: read them again, once.
            Err(ClaimsVerificationError::SignatureVerification(
                SignatureVerificationError::NoMatchingKey,
            )) => {
                let client = self.client(true)?;
                let verifier = client
                    .id_token_verifier()
                    .set_allowed_algs(ALLOWED_ALGORITHMS);
                id_token.claims(&verifier, &nonce).map_err(claims_error)?;
            }
            Err(other) => return Err(claims_error(other)),
        }
        person(&id_token.to_string(), &self.config)
    }

    /// A client from the discovery document (read again when older than an hour, or when
    /// `refresh`).
    fn client(
        &self,
        refresh: bool,
    ) -> Result<
        CoreClient<
            openidconnect::EndpointSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointNotSet,
            openidconnect::EndpointMaybeSet,
            openidconnect::EndpointMaybeSet,
        >,
        ProviderError,
    > {
        let metadata = self.metadata(refresh)?;
        Ok(CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(self.config.client_id.clone()),
            self.secret.clone(),
        )
        .set_redirect_uri(self.redirect.clone()))
    }

    fn metadata(&self, refresh: bool) -> Result<CoreProviderMetadata, ProviderError> {
        let fresh = |d: &Discovery| -> Option<Result<CoreProviderMetadata, ProviderError>> {
            if let Some((at, why)) = &d.failed {
                if at.elapsed() < FAILURE_TTL {
                    return Some(Err(ProviderError::Unreachable(why.clone())));
                }
            }
            match &d.document {
                Some((at, metadata)) if !refresh && at.elapsed() < DISCOVERY_TTL => {
                    Some(Ok(metadata.clone()))
                }
                _ => None,
            }
        };
        let requested = Instant::now();
        if let Some(known) = fresh(&self.lock()) {
            return known;
        }
        let _one_at_a_time = self.fetching.lock().unwrap_or_else(|p| p.into_inner());
        {
            // Fetched (or failed) while this call waited for its turn: that answer.
            let d = self.lock();
            let since = |at: &Instant| *at >= requested;
            if d.document.as_ref().is_some_and(|(at, _)| since(at))
                || d.failed.as_ref().is_some_and(|(at, _)| since(at))
            {
                if let Some(known) = fresh(&d) {
                    return known;
                }
            }
        }
        let fetched = IssuerUrl::new(self.config.issuer.trim().to_owned())
            .map_err(|e| format!("issuer URL: {e}"))
            .and_then(|issuer| {
                CoreProviderMetadata::discover(&issuer, &self.http)
                    .map_err(|e| format!("discovery: {}", describe(&e)))
            });
        let mut d = self.lock();
        match fetched {
            Ok(metadata) => {
                d.failed = None;
                d.document = Some((Instant::now(), metadata.clone()));
                Ok(metadata)
            }
            Err(why) => {
                d.failed = Some((Instant::now(), why.clone()));
                Err(ProviderError::Unreachable(why))
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Discovery> {
        self.discovered.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The configured claims of an ID token whose signature and claims were checked: its payload
/// read again as JSON, since the claim names are the city's choice. `compact` is the token's
/// own text (`IdToken`'s Display gives back the bytes it parsed and checked).
fn person(compact: &str, config: &SsoConfig) -> Result<VerifiedPerson, ProviderError> {
    let payload = compact
        .split('.')
        .nth(1)
        .and_then(|part| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(part)
                .ok()
        })
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .ok_or_else(|| ProviderError::InvalidToken("the ID token's claims do not read".into()))?;
    let text = |name: &str| payload.get(name).and_then(Value::as_str).map(str::to_owned);
    let texts = |name: &str| match payload.get(name) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        Some(Value::String(one)) => vec![one.clone()],
        _ => Vec::new(),
    };
    let (Some(iss), Some(sub)) = (text("iss"), text("sub")) else {
        return Err(ProviderError::InvalidToken(
            "the ID token has no iss or sub".into(),
        ));
    };
    Ok(VerifiedPerson {
        subject: format!("{iss} {sub}"),
        username: text(&config.username_claim),
        email_verified: payload.get("email_verified").and_then(Value::as_bool),
        groups: texts(&config.groups_claim),
        methods: texts("amr"),
    })
}

fn token_error<RE: std::error::Error + 'static>(
    e: RequestTokenError<
        RE,
        openidconnect::StandardErrorResponse<openidconnect::core::CoreErrorResponseType>,
    >,
) -> ProviderError {
    match e {
        RequestTokenError::ServerResponse(answer) => {
            ProviderError::Refused(answer.error().as_ref().to_owned())
        }
        RequestTokenError::Request(e) => ProviderError::Unreachable(describe(&e)),
        // Only where it failed: serde's message may quote a claim's value.
        RequestTokenError::Parse(e, _) => {
            ProviderError::Unreachable(format!("the token answer does not read (at {})", e.path()))
        }
        RequestTokenError::Other(why) => ProviderError::Unreachable(why),
    }
}

fn claims_error(e: ClaimsVerificationError) -> ProviderError {
    ProviderError::InvalidToken(describe(&e))
}

/// An error with its causes, for logs: discovery and transport errors and the ID token's
/// checks (which name algorithms, audiences, issuers and times, never a person's claims).
fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
