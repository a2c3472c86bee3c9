//! The pages' own stylesheet and script, and the card colours from configuration. No
//! third-party code, no fonts to download.

use actix_web::http::header;
use actix_web::{web, HttpResponse};

use crate::context::AppContext;

const APP_CSS: &str = include_str!("../../../templates/static/app.css");
const ENROLL_JS: &str = include_str!("../../../templates/static/enroll.js");
const POINTS_JS: &str = include_str!("../../../templates/static/points.js");
const PASSKEY_JS: &str = include_str!("../../../templates/static/passkey.js");

fn asset(
    content_type: &'static str,
    body: impl actix_web::body::MessageBody + 'static,
) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(body)
}

pub async fn stylesheet() -> HttpResponse {
    asset("text/css; charset=utf-8", APP_CSS)
}

pub async fn enroll_script() -> HttpResponse {
    asset("text/javascript; charset=utf-8", ENROLL_JS)
}

pub async fn points_script() -> HttpResponse {
    asset("text/javascript; charset=utf-8", POINTS_JS)
}

pub async fn passkey_script() -> HttpResponse {
    asset("text/javascript; charset=utf-8", PASSKEY_JS)
}

/// The card preview's accent colour (the PDF's `card_design.accent_colour`) and the text colour
/// that reads on it; a stylesheet, because the pages allow no inline styles.
pub async fn brand(ctx: web::Data<AppContext>) -> HttpResponse {
    let [r, g, b] = ctx.config.accent_rgb().unwrap_or([0x1f, 0x4e, 0x79]);
    let luminance = (0.2126 * f64::from(r) + 0.7152 * f64::from(g) + 0.0722 * f64::from(b)) / 255.0;
    let on = if luminance > 0.55 {
        "#1a1a1a"
    } else {
        "#ffffff"
    };
    asset(
        "text/css; charset=utf-8",
        format!(".card{{--accent:#{r:02x}{g:02x}{b:02x};--on-accent:{on}}}\n"),
    )
}
