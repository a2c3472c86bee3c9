//! The residents' document pre-check (`/check`): a public page, no login, where a resident
//! ticks the documents they have and sees whether they reach the points, with the list of
//! documents and what each counts for; printable. Nothing is stored, nothing is logged but the
//! route, and no cookie is set (the language one only when the resident picks a language).
//! With JavaScript the total follows the ticks (points.js); without it, "Add up" asks the
//! server, in the query string of a GET (no form is posted).

use actix_web::{HttpRequest, HttpResponse};
use minijinja::context;

use super::enroll::{documents, points};
use super::view::{PageError, Viewer};

/// The most documents a query may tick (more than any policy has).
const MAX_TICKED: usize = 64;

pub async fn page(req: HttpRequest, viewer: Viewer) -> Result<HttpResponse, PageError> {
    let viewer = viewer.without_pre_session();
    let ctx = &viewer.ctx;
    let ticked: Vec<String> = url::form_urlencoded::parse(req.query_string().as_bytes())
        .filter(|(key, _)| key == "doc")
        .map(|(_, code)| code.into_owned())
        .filter(|code| ctx.documents.kind(code).is_some())
        .take(MAX_TICKED)
        .collect();
    viewer.ok(
        "check.html",
        context! {
            documents => documents(ctx, viewer.lang, &ticked),
            points => points(ctx, &ticked),
            added_up => !ticked.is_empty(),
        },
    )
}
