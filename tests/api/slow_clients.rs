//! Clients that hold connections without finishing: a body that trickles in is cut off with 408
//! at the deadline (the connection closes), and one address cannot hold more connections than
//! its cap (429 beyond it), including unauthenticated ones to `/api/v1/verify`.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{spawn_app_with, TestApp};

async fn connect(app: &TestApp) -> TcpStream {
    TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .unwrap()
}

/// Everything the server sends until it closes the connection (or 10 s pass).
async fn read_until_closed(stream: &mut TcpStream) -> String {
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer)).await;
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn a_trickling_body_is_cut_off_at_the_deadline() {
    let app = spawn_app_with(|config| config.server.body_timeout_secs = 1).await;
    let mut stream = connect(&app).await;
    stream
        .write_all(
            b"POST /api/v1/verify HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n\
              Content-Length: 200\r\n\r\n{\"tok",
        )
        .await
        .unwrap();
    // One more byte, too late to matter.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let _ = stream.write_all(b"e").await;
    let answer = read_until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"request_timeout\""), "{answer}");
    assert!(
        answer.to_ascii_lowercase().contains("connection: close"),
        "{answer}"
    );
}

#[tokio::test]
async fn one_address_cannot_hold_more_connections_than_its_cap() {
    let app = spawn_app_with(|config| config.server.max_connections_per_client = 3).await;
    let held = [
        connect(&app).await,
        connect(&app).await,
        connect(&app).await,
    ];
    // Give the server time to accept all three.
    tokio::time::sleep(Duration::from_millis(300)).await;

    let mut extra = connect(&app).await;
    extra
        .write_all(b"POST /api/v1/verify HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"token\":\"x\"}")
        .await
        .unwrap();
    let answer = read_until_closed(&mut extra).await;
    assert!(answer.starts_with("HTTP/1.1 429"), "{answer}");
    assert!(answer.contains("\"too_many_connections\""), "{answer}");

    drop(held);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let res = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(
        res.status(),
        200,
        "a connection is free again once others close"
    );
}
