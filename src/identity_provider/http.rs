//! `openidconnect`'s HTTP calls through the service's own client (ureq, rustls on ring):
//! redirects are never followed (a provider's answer cannot send the service to another
//! server) and answers are capped at 1 MiB.

use std::io::Read;

use openidconnect::{HttpRequest, HttpResponse, SyncHttpClient};

/// The largest answer read from the provider (a discovery document or key set is a few KB).
const MAX_ANSWER_BYTES: u64 = 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("{0}")]
    Transport(String),
    #[error("plain http to a host that is not loopback: {0}")]
    NotLoopback(String),
}

pub struct Client {
    agent: ureq::Agent,
    /// Whether the issuer is HTTPS: then every URL the discovery names must be too.
    https: bool,
}

impl Client {
    pub fn new(agent: ureq::Agent, https: bool) -> Self {
        Self { agent, https }
    }
}

impl SyncHttpClient for Client {
    type Error = HttpError;

    fn call(&self, request: HttpRequest) -> Result<HttpResponse, Self::Error> {
        let uri = request.uri().to_string();
        // The discovery document names the token endpoint and the key set: a provider over
        // https must not send the code or the secret anywhere in the clear.
        match crate::outbound_http::check_address(&uri) {
            Ok(https) if https || !self.https => {}
            _ => return Err(HttpError::NotLoopback(uri)),
        }
        let mut answer = self
            .agent
            .run(request)
            .map_err(|e| HttpError::Transport(e.to_string()))?;
        let status = answer.status();
        let headers = answer.headers().clone();
        let mut body = Vec::new();
        answer
            .body_mut()
            .as_reader()
            .take(MAX_ANSWER_BYTES)
            .read_to_end(&mut body)
            .map_err(|e| HttpError::Transport(e.to_string()))?;
        let mut response = HttpResponse::new(body);
        *response.status_mut() = status;
        *response.headers_mut() = headers;
        Ok(response)
    }
}
