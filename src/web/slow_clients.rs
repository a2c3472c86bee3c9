//! Clients that hold the server's connections without finishing their requests: a deadline on
//! reading each request's body (actix's own `client_request_timeout` covers only the headers),
//! and a cap on the connections one address may hold open at once.

use std::collections::HashMap;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::{header, ConnectionType, StatusCode};
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use actix_web::HttpMessage;
use futures_util::Stream;

use crate::context::AppContext;
use crate::error::ErrorCode;
use crate::web::ApiError;

/// When no configuration is at hand (it always is in the server).
const DEFAULT_BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// The open connections of every client address, counted from accept to close.
pub struct ConnectionCounts {
    limit: u32,
    open: Mutex<HashMap<IpAddr, u32>>,
}

/// One accepted connection; kept in the connection's data, so it is counted until it closes.
pub struct ConnectionSlot {
    counts: Arc<ConnectionCounts>,
    address: IpAddr,
    over_limit: bool,
}

impl ConnectionCounts {
    /// `limit` connections per address; 0 counts nothing (a reverse proxy limits them).
    pub fn new(limit: u32) -> Arc<Self> {
        Arc::new(Self {
            limit,
            open: Mutex::new(HashMap::new()),
        })
    }

    fn open(&self) -> std::sync::MutexGuard<'_, HashMap<IpAddr, u32>> {
        self.open.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Counts a new connection from `address`.
    pub fn accept(self: &Arc<Self>, address: IpAddr) -> Option<ConnectionSlot> {
        if self.limit == 0 {
            return None;
        }
        let mut open = self.open();
        let count = open.entry(address).or_insert(0);
        *count += 1;
        Some(ConnectionSlot {
            counts: self.clone(),
            address,
            over_limit: *count > self.limit,
        })
    }

    /// Open connections from `address` now.
    pub fn open_from(&self, address: IpAddr) -> u32 {
        self.open().get(&address).copied().unwrap_or(0)
    }
}

impl Drop for ConnectionSlot {
    fn drop(&mut self) {
        let mut open = self.counts.open();
        if let Some(count) = open.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

/// The `on_connect` hook: counts each TCP connection under its peer address.
pub fn on_connect(
    counts: Arc<ConnectionCounts>,
) -> impl Fn(&dyn std::any::Any, &mut actix_web::dev::Extensions) + Send + Sync + 'static {
    move |connection, data| {
        let peer = connection
            .downcast_ref::<actix_web::rt::net::TcpStream>()
            .and_then(|stream| stream.peer_addr().ok());
        if let Some(slot) = peer.and_then(|peer| counts.accept(peer.ip())) {
            data.insert(slot);
        }
    }
}

/// A body that has not arrived by the deadline ends with this error; the answer is 408.
struct BodyDeadline {
    inner: Payload,
    sleep: Pin<Box<actix_web::rt::time::Sleep>>,
    expired: Arc<AtomicBool>,
}

impl Stream for BodyDeadline {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if std::future::Future::poll(self.sleep.as_mut(), cx).is_ready() {
            self.expired.store(true, Ordering::Relaxed);
            return Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the request body did not arrive in time",
            )))));
        }
        Pin::new(&mut self.inner).poll_next(cx)
    }
}

/// The answer to a body that did not arrive in time.
pub fn request_timeout() -> ApiError {
    ApiError::new(
        StatusCode::REQUEST_TIMEOUT,
        ErrorCode::RequestTimeout,
        "The request body did not arrive in time; nothing was changed. Send it again.",
    )
}

/// Whether a payload error is the deadline's.
pub fn is_deadline(err: &PayloadError) -> bool {
    matches!(err, PayloadError::Io(e) if e.kind() == std::io::ErrorKind::TimedOut)
}

/// Refuses a connection beyond its address's cap at its first request, and gives every body a
/// deadline. Either way the connection is closed after the answer, so its unread body cannot
/// hold it.
pub async fn limit(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let body_timeout = req
        .app_data::<web::Data<AppContext>>()
        .map_or(DEFAULT_BODY_TIMEOUT, |ctx| {
            Duration::from_secs(ctx.config.server.body_timeout_secs)
        });
    if req
        .conn_data::<ConnectionSlot>()
        .is_some_and(|slot| slot.over_limit)
    {
        let answer = ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            ErrorCode::TooManyConnections,
            "Too many open connections from this address; close some and try again.",
        )
        .retry_after(5);
        let mut res = req.error_response(answer);
        res.response_mut()
            .head_mut()
            .set_connection_type(ConnectionType::Close);
        return Ok(res);
    }
    let headers = req.headers();
    let has_body = headers.contains_key(header::TRANSFER_ENCODING)
        || headers
            .get(header::CONTENT_LENGTH)
            .is_some_and(|length| length != "0");
    if !has_body {
        return Ok(next.call(req).await?.map_into_boxed_body());
    }
    let expired = Arc::new(AtomicBool::new(false));
    let payload = BodyDeadline {
        inner: req.take_payload(),
        sleep: Box::pin(actix_web::rt::time::sleep(body_timeout)),
        expired: expired.clone(),
    };
    req.set_payload(Payload::Stream {
        payload: Box::pin(payload),
    });
    let mut res = next.call(req).await?.map_into_boxed_body();
    if expired.load(Ordering::Relaxed) {
        res.response_mut()
            .head_mut()
            .set_connection_type(ConnectionType::Close);
    }
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connections_are_counted_until_they_close() {
        let counts = ConnectionCounts::new(2);
        let address: IpAddr = "192.0.2.7".parse().unwrap();
        let first = counts.accept(address).unwrap();
        let second = counts.accept(address).unwrap();
        let third = counts.accept(address).unwrap();
        assert!(!first.over_limit && !second.over_limit);
        assert!(third.over_limit);
        assert_eq!(counts.open_from(address), 3);
        drop(third);
        drop(first);
        assert_eq!(counts.open_from(address), 1);
        let again = counts.accept(address).unwrap();
        assert!(!again.over_limit);
        drop((second, again));
        assert_eq!(counts.open_from(address), 0);
        assert!(ConnectionCounts::new(0).accept(address).is_none());
    }
}
