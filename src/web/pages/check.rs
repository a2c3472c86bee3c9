//! The residents' document pre-check (`/check`): a public page, no login, where a resident
//! ticks the documents they have and sees whether they reach the points, with the list of
//! documents and what each counts for; printable. Nothing is stored, nothing is logged but the
//! route, and no cookie is set (the language one only when the resident picks a language).
//! With JavaScript the total follows the ticks (points.js); without it, "Add up" posts them:
//! in the body, never in a URL that browser history (a library's shared computer) or a proxy's
//! log would keep. The post changes nothing, so it carries no CSRF token.

use actix_web::{web, HttpResponse};
use minijinja::context;

use super::enroll::{documents, points};
use super::view::{PageError, Viewer};

/// The most documents a query may tick (more than any policy has).
const MAX_TICKED: usize = 64;

/// The largest "Add up" body read (a few dozen short codes).
pub const MAX_FORM_BYTES: usize = 4096;

pub async fn page(viewer: Viewer) -> Result<HttpResponse, PageError> {
    render(viewer.without_pre_session(), &[])
}

/// "Add up my points" without JavaScript. A body that does not read adds up nothing.
pub async fn add_up(
    viewer: Viewer,
    form: Result<web::Form<Vec<(String, String)>>, actix_web::Error>,
) -> Result<HttpResponse, PageError> {
    let viewer = viewer.without_pre_session();
    let ticked: Vec<String> = form
        .map(web::Form::into_inner)
        .unwrap_or_default()
        .into_iter()
        .filter(|(key, code)| key == "doc" && viewer.ctx.documents.kind(code).is_some())
        .map(|(_, code)| code)
        .take(MAX_TICKED)
        .collect();
    render(viewer, &ticked)
}

fn render(viewer: Viewer, ticked: &[String]) -> Result<HttpResponse, PageError> {
    let ctx = &viewer.ctx;
    viewer.ok(
        "check.html",
        context! {
            documents => documents(ctx, viewer.lang, ticked),
            points => points(ctx, ticked),
        },
    )
}
