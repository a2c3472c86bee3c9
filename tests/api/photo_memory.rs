//! Hostile photos cannot take the server's memory. The real binary serves; sixteen enrollments,
//! eight at a time, send photos made to decode large (16-bit PNGs that are small files, PNGs
//! and JPEGs at the pixel limit), and the server's peak resident memory (VmHWM, read from
//! /proc) stays under 300 MB. It used to reach 2.98 GB.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use image::{DynamicImage, ImageFormat};
use serde_json::{json, Value};

use crate::helpers::resident;

const PEAK_LIMIT_KB: u64 = 300 * 1024;

/// A small, fast pseudo-random sequence: photos of noise that do not compress.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn encode(picture: DynamicImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    picture
        .write_to(&mut std::io::Cursor::new(&mut out), format)
        .unwrap();
    out
}

/// The photos: what each is, and its bytes.
fn hostile_photos() -> Vec<(&'static str, Vec<u8>)> {
    let mut noise = Noise(0x9E37_79B9_7F4A_7C15);
    // 12 megapixels of 16-bit RGBA, all alike: 96 MB decoded from a few kilobytes.
    let flat16 = image::ImageBuffer::from_pixel(4000, 3000, image::Rgba([40000u16, 3, 9, 65535]));
    // 6 megapixels of 16-bit RGBA (48 MB decoded), a row of noise in every 64: a file of a few
    // megabytes, within the expansion limit.
    let striped16 = image::ImageBuffer::from_fn(3000, 2000, |x, y| {
        let v = if y % 64 == 0 {
            noise.next()
        } else {
            u64::from(x / 100)
        };
        image::Rgba([v as u16, (v >> 16) as u16, (v >> 32) as u16, 65535])
    });
    // 12 megapixels of 8-bit RGBA, a row of noise in every sixteen.
    let striped8 = image::RgbaImage::from_fn(4000, 3000, |x, y| {
        let v = if y % 16 == 0 {
            noise.next()
        } else {
            u64::from(x / 100)
        };
        image::Rgba([v as u8, (v >> 8) as u8, (v >> 16) as u8, 255])
    });
    // A 12-megapixel JPEG: decoded with DCT scaling at an eighth of its size.
    let jpeg = image::RgbImage::from_fn(4000, 3000, |x, y| {
        image::Rgb([(x / 16) as u8, (y / 12) as u8, ((x ^ y) & 0x3f) as u8])
    });
    let photos = vec![
        (
            "flat 16-bit PNG",
            encode(DynamicImage::ImageRgba16(flat16), ImageFormat::Png),
        ),
        (
            "striped 16-bit PNG",
            encode(DynamicImage::ImageRgba16(striped16), ImageFormat::Png),
        ),
        (
            "striped 8-bit PNG",
            encode(DynamicImage::ImageRgba8(striped8), ImageFormat::Png),
        ),
        (
            "12 MP JPEG",
            encode(DynamicImage::ImageRgb8(jpeg), ImageFormat::Jpeg),
        ),
    ];
    for (what, bytes) in &photos {
        assert!(bytes.len() < 5_000_000, "{what}: {} bytes", bytes.len());
    }
    photos
}

/// The server binary on a fresh SQLite database, killed when dropped.
struct Server {
    child: Child,
    base: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn command(dir: &std::path::Path, port: u16) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_muni-id"));
        command
            .env("MUNI_ID__DATA_DIR", dir)
            .env(
                "MUNI_ID__DATABASE__URL",
                format!("sqlite://{}", dir.join("muni-id.db").display()),
            )
            .env("MUNI_ID__SERVER__BIND", format!("127.0.0.1:{port}"))
            .env(
                "MUNI_ID__PUBLIC_BASE_URL",
                format!("http://127.0.0.1:{port}"),
            )
            .env("MUNI_ID__AUTH__ARGON2_MEMORY_KIB", "64")
            .env("MUNI_ID__AUTH__ARGON2_ITERATIONS", "1")
            .env("MUNI_ID__LOG__LEVEL", "warn")
            .env_remove("MUNI_ID_CONFIG")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    }

    async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut add = Self::command(dir.path(), port)
            .args([
                "staff",
                "add",
                "photo.clerk",
                "--role",
                "clerk",
                "--password-stdin",
            ])
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        add.stdin
            .take()
            .unwrap()
            .write_all(b"a long photo passphrase")
            .unwrap();
        assert!(add.wait().unwrap().success(), "muni-id staff add");
        let child = Self::command(dir.path(), port)
            .arg("serve")
            .spawn()
            .unwrap();
        let server = Self {
            child,
            base: format!("http://127.0.0.1:{port}"),
            _dir: dir,
        };
        let deadline = Instant::now() + Duration::from_secs(60);
        while reqwest::get(format!("{}/healthz", server.base))
            .await
            .is_err()
        {
            assert!(Instant::now() < deadline, "the server did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        server
    }

    /// Peak resident memory so far, in kB.
    fn peak_kb(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM in /proc/<pid>/status")
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn hostile_photos_cannot_take_the_servers_memory() {
    if std::env::var("MUNI_ID_TEST_DATABASE_URL").is_ok() {
        eprintln!("run on SQLite only: the photo path does not touch the database");
        return;
    }
    let photos = hostile_photos();
    let server = Server::start().await;
    let client = reqwest::Client::new();
    let login: Value = client
        .post(format!("{}/api/v1/sessions", server.base))
        .json(&json!({"username": "photo.clerk", "password": "a long photo passphrase"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["token"].as_str().expect("logged in").to_owned();
    // A password set on the command line was not chosen by its owner: changed first.
    let changed = client
        .post(format!("{}/api/v1/staff/me/password", server.base))
        .bearer_auth(&token)
        .json(&json!({"current_password": "a long photo passphrase",
                      "new_password": "the clerk's own photo passphrase"}))
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 204);
    let at_start = server.peak_kb();

    let bodies: Vec<(&str, Value)> = photos
        .iter()
        .enumerate()
        .map(|(n, (what, bytes))| {
            let mut body = resident(&format!("Photo {}", ["Ann", "Bo", "Cy", "Di"][n]));
            body["photo"] = json!(base64::engine::general_purpose::STANDARD.encode(bytes));
            body["confirm_not_duplicate"] = json!(true);
            (*what, body)
        })
        .collect();
    let mut answers = Vec::new();
    for _round in 0..2 {
        let sends = (0..8).map(|n| {
            let (what, body) = &bodies[n % bodies.len()];
            let request = client
                .post(format!("{}/api/v1/residents", server.base))
                .bearer_auth(&token)
                .json(body)
                .send();
            async move { (*what, request.await.unwrap()) }
        });
        for (what, res) in futures_util::future::join_all(sends).await {
            let status = res.status().as_u16();
            let body: Value = res.json().await.unwrap();
            answers.push((what, status, body["error"]["code"].clone()));
        }
    }
    let peak = server.peak_kb();
    eprintln!(
        "server peak memory: {} MB (at start {} MB)",
        peak / 1024,
        at_start / 1024
    );

    for (what, status, code) in &answers {
        match *what {
            "flat 16-bit PNG" => assert_eq!(
                (*status, code.as_str()),
                (413, Some("photo_too_large")),
                "{what}"
            ),
            _ => assert_eq!(*status, 201, "{what}: {code}"),
        }
    }
    assert!(
        peak < PEAK_LIMIT_KB,
        "peak memory {} MB (at start {} MB)",
        peak / 1024,
        at_start / 1024
    );
}
