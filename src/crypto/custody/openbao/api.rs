//! The HTTP client for OpenBao's (and Vault's) documented API: the `X-Vault-Token` header, one
//! timeout for the whole call, JSON both ways, and every answer sorted into what the caller
//! can act on. The token is sent in a header and never appears in an error or a log line.

use std::path::Path;
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;
use zeroize::Zeroizing;

use crate::crypto::custody::CustodyError;

/// What the server answered, sorted by what the caller does next.
#[derive(Debug)]
pub(super) enum ApiError {
    /// Nothing answered in time, or the server cannot serve now (5xx, sealed, standby).
    Unavailable(String),
    /// 403: the token is wrong, expired, or lacks a policy for the path.
    Denied(String),
    /// 404: no such key or document.
    NotFound,
    /// 400 and friends: the server's own messages, and the body (a batch answers 400 with
    /// per-item results when any item failed).
    Rejected { message: String, body: Value },
    /// Anything else (a TLS failure, an answer that is not JSON).
    Failed(String),
}

impl ApiError {
    /// Whether the answer says the named key does not exist (transit answers 400 "encryption
    /// key not found" for an absent key, 404 to a read).
    pub(super) fn is_missing(&self) -> bool {
        match self {
            ApiError::NotFound => true,
            ApiError::Rejected { message, .. } => {
                message.contains("not found") || message.contains("no existing key")
            }
            _ => false,
        }
    }

    /// The error as custody reports it; `what` says which call failed.
    pub(super) fn into_custody(self, what: &str) -> CustodyError {
        match self {
            ApiError::Unavailable(why) => {
                CustodyError::Unavailable(format!("openbao {what}: {why}"))
            }
            ApiError::Denied(path) => CustodyError::Failed(format!(
                "openbao {what}: permission denied on {path} (the token is invalid or expired, \
                 or its policy does not allow this path)"
            )),
            ApiError::NotFound => CustodyError::Failed(format!("openbao {what}: not found")),
            ApiError::Rejected { message, .. } => {
                CustodyError::Failed(format!("openbao {what}: {message}"))
            }
            ApiError::Failed(why) => CustodyError::Failed(format!("openbao {what}: {why}")),
        }
    }
}

/// A client bound to one server and token.
pub(super) struct Api {
    agent: ureq::Agent,
    /// `https://host:port/v1/`
    base: String,
    token: Zeroizing<String>,
}

impl Api {
    pub(super) fn new(
        address: &str,
        ca_file: Option<&Path>,
        token: &str,
        timeout: Duration,
    ) -> Result<Self, CustodyError> {
        let address = address.trim_end_matches('/');
        let https = crate::outbound_http::check_address(address)
            .map_err(|why| CustodyError::Failed(format!("openbao address {why}")))?;
        let agent = crate::outbound_http::agent(https, ca_file, timeout)
            .map_err(|why| CustodyError::Failed(format!("openbao {why}")))?;
        Ok(Self {
            agent,
            base: format!("{address}/v1/"),
            token: Zeroizing::new(token.to_owned()),
        })
    }

    pub(super) fn get(&self, path: &str) -> Result<Value, ApiError> {
        let request = self
            .agent
            .get(self.url(path))
            .header("X-Vault-Token", self.token.as_str());
        answer(path, request.call())
    }

    /// The names under a folder (an empty folder answers 404: no names).
    pub(super) fn list(&self, path: &str) -> Result<Vec<String>, ApiError> {
        let answer = match self.get(&format!("{path}?list=true")) {
            Err(ApiError::NotFound) => return Ok(Vec::new()),
            other => other?,
        };
        let keys = answer.pointer("/data/keys").and_then(Value::as_array);
        Ok(keys
            .map(|keys| {
                keys.iter()
                    .filter_map(|k| k.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default())
    }

    pub(super) fn post(&self, path: &str, body: &impl Serialize) -> Result<Value, ApiError> {
        // The body may carry a data key: its bytes are wiped once sent.
        let body =
            Zeroizing::new(serde_json::to_vec(body).map_err(|e| ApiError::Failed(e.to_string()))?);
        let request = self
            .agent
            .post(self.url(path))
            .header("X-Vault-Token", self.token.as_str());
        answer(
            path,
            request
                .header("Content-Type", "application/json")
                .send(&body[..]),
        )
    }

    pub(super) fn delete(&self, path: &str) -> Result<(), ApiError> {
        let request = self
            .agent
            .delete(self.url(path))
            .header("X-Vault-Token", self.token.as_str());
        answer(path, request.call()).map(|_| ())
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Sorts an answer: 2xx → its JSON (`Null` when empty), the rest → an [`ApiError`].
fn answer(
    path: &str,
    sent: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<Value, ApiError> {
    let mut response = sent.map_err(transport_error)?;
    let status = response.status().as_u16();
    let text = response
        .body_mut()
        .read_to_string()
        .map_err(transport_error)?;
    let parsed = if text.trim().is_empty() {
        Ok(Value::Null)
    } else {
        serde_json::from_str::<Value>(&text)
    };
    let body = match (status, parsed) {
        (_, Ok(body)) => body,
        // A proxy or load balancer in front of OpenBao answering for it: an outage.
        (412 | 429 | 500..=599, Err(_)) => {
            return Err(ApiError::Unavailable(format!("HTTP {status}")));
        }
        (_, Err(_)) => {
            return Err(ApiError::Failed(format!(
                "{path}: HTTP {status}, not a JSON answer"
            )));
        }
    };
    let message = server_messages(&body);
    match status {
        200..=299 => Ok(body),
        403 => Err(ApiError::Denied(
            path.split('?').next().unwrap_or(path).to_owned(),
        )),
        404 => Err(ApiError::NotFound),
        // 412: a performance standby not yet caught up; 429: rate limited.
        412 | 429 | 500..=599 => Err(ApiError::Unavailable(format!("HTTP {status} {message}"))),
        _ => Err(ApiError::Rejected { message, body }),
    }
}

/// The `errors` the server listed, joined.
fn server_messages(body: &Value) -> String {
    body.get("errors")
        .and_then(Value::as_array)
        .map(|errors| {
            let texts: Vec<&str> = errors.iter().filter_map(Value::as_str).collect();
            texts.join("; ")
        })
        .unwrap_or_default()
}

fn transport_error(e: ureq::Error) -> ApiError {
    match e {
        ureq::Error::Io(_)
        | ureq::Error::Timeout(_)
        | ureq::Error::HostNotFound
        | ureq::Error::ConnectionFailed
        | ureq::Error::Protocol(_)
        | ureq::Error::BodyStalled => ApiError::Unavailable(e.to_string()),
        other => ApiError::Failed(other.to_string()),
    }
}
