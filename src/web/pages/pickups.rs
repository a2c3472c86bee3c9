//! Cards on their way to residents, on the staff pages: the queue of pick-up cards at the
//! clerk's site (marked arrived, handed over), and the same steps, and "mailed", from a
//! resident's page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use minijinja::context;
use serde::Deserialize;

use super::forms::Posted;
use super::problems::explain;
use super::residents::{card_row, resident_id};
use super::view::{PageError, Viewer};
use crate::domain::staff::Permission;
use crate::services::cards::{self, CardError};
use crate::services::handover;

/// A step in a card's way to its resident.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Arrived,
    HandOver { identity_checked: bool },
    Mailed,
    MovePickup { site: String },
}

impl Step {
    fn done(&self) -> &'static str {
        match self {
            Step::Arrived => "arrived",
            Step::HandOver { .. } => "handed_over",
            Step::Mailed => "mailed",
            Step::MovePickup { .. } => "pickup_moved",
        }
    }
}

#[derive(Deserialize)]
pub struct QueueQuery {
    done: Option<String>,
}

/// The message for what was just done (a fixed list: nothing from the URL is echoed).
pub fn done_message(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "arrived" => Some("done-arrived"),
        "handed_over" => Some("done-handed-over"),
        "mailed" => Some("done-mailed"),
        "pickup_moved" => Some("done-pickup-moved"),
        _ => None,
    }
}

async fn queue_page(
    viewer: &Viewer,
    status: StatusCode,
    done: Option<&'static str>,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let actor = viewer.require(Permission::ServeResidents)?;
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || handover::queue(&ctx, &actor))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    let (site, list) = match outcome {
        Ok(found) => found,
        Err(e) => {
            let problem = explain(viewer, e)?;
            return Err(viewer.fail(
                problem.status,
                "problem-title",
                &format!("err-{}", problem.code),
                &[],
            ));
        }
    };
    let rows: Vec<_> = list.iter().map(card_row).collect();
    let ready = list
        .iter()
        .filter(|c| c.stage == Some(crate::domain::delivery::Stage::Ready))
        .count();
    // The site's name, as the header shows it.
    let site_name = viewer
        .signed_in
        .as_ref()
        .and_then(|signed| signed.site.as_ref())
        .filter(|known| known.code == site)
        .map_or(site, |known| known.name.clone());
    viewer.page(
        status,
        "pickups.html",
        context! {
            site => site_name,
            cards => rows,
            ready => ready,
            on_the_way => list.len() - ready,
            done => done,
            error => error,
        },
    )
}

/// The cards waiting at the clerk's site.
pub async fn list(
    viewer: Viewer,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, PageError> {
    let done = done_message(query.done.as_deref());
    queue_page(&viewer, StatusCode::OK, done, None).await
}

/// Takes `step` for a card; `owner` (a resident id) when the card must be theirs. The answer's
/// inner error is the refusal, for the page to show.
async fn take(
    viewer: &Viewer,
    number: String,
    step: Step,
    owner: Option<String>,
) -> Result<Result<(), CardError>, PageError> {
    let actor = viewer.require(Permission::ServeResidents)?;
    let ctx = viewer.ctx.clone();
    crate::web::blocking(move || {
        if let Some(owner) = owner {
            if !cards::belongs_to(&ctx, &owner, &number)? {
                return Err(CardError::CardNotFound);
            }
        }
        match step {
            Step::Arrived => handover::arrived(&ctx, &actor, &number),
            Step::HandOver { identity_checked } => {
                handover::hand_over(&ctx, &actor, &number, identity_checked)
            }
            Step::Mailed => handover::mailed(&ctx, &actor, &number),
            Step::MovePickup { site } => handover::move_pickup(&ctx, &actor, &number, &site),
        }
        .map(|_| ())
    })
    .await
    .map_err(|e| viewer.internal(e.into()))
}

/// The step a form asks for: `step` with what the form adds to it.
fn step_of(form: &super::forms::Form, step: Step) -> Step {
    match step {
        Step::HandOver { .. } => Step::HandOver {
            identity_checked: form.flag("identity_checked"),
        },
        Step::MovePickup { .. } => Step::MovePickup {
            site: form.get("site").trim().to_owned(),
        },
        other => other,
    }
}

async fn from_queue(posted: Posted, number: String, step: Step) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let step = step_of(&form, step);
    let done = step.done();
    match take(&viewer, number, step, None).await? {
        Ok(()) => Ok(viewer.see_other(&format!("/pickups?done={done}"))),
        Err(CardError::CardNotFound) => Err(viewer.not_found()),
        Err(e) => {
            let problem = explain(&viewer, e)?;
            queue_page(&viewer, problem.status, None, Some(problem.message)).await
        }
    }
}

pub async fn arrived(posted: Posted, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    from_queue(posted, path.into_inner(), Step::Arrived).await
}

pub async fn hand_over(posted: Posted, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let step = Step::HandOver {
        identity_checked: false,
    };
    from_queue(posted, path.into_inner(), step).await
}

async fn from_record(
    posted: Posted,
    path: web::Path<(String, String)>,
    step: Step,
) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let (raw_id, number) = path.into_inner();
    let id = resident_id(&viewer, &raw_id)?;
    let step = step_of(&form, step);
    let done = step.done();
    match take(&viewer, number, step, Some(id.clone())).await? {
        Ok(()) => Ok(viewer.see_other(&format!("/residents/{id}?done={done}"))),
        Err(CardError::CardNotFound | CardError::ResidentNotFound) => Err(viewer.not_found()),
        Err(e) => {
            let problem = explain(&viewer, e)?;
            Err(viewer.fail(
                problem.status,
                "problem-title",
                &format!("err-{}", problem.code),
                &[],
            ))
        }
    }
}

pub async fn record_arrived(
    posted: Posted,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    from_record(posted, path, Step::Arrived).await
}

pub async fn record_hand_over(
    posted: Posted,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let step = Step::HandOver {
        identity_checked: false,
    };
    from_record(posted, path, step).await
}

pub async fn record_mailed(
    posted: Posted,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    from_record(posted, path, Step::Mailed).await
}

pub async fn record_move_pickup(
    posted: Posted,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let step = Step::MovePickup {
        site: String::new(),
    };
    from_record(posted, path, step).await
}
