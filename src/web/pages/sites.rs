//! Sites on the staff pages: the admin's list (add, change a name or last day, close), and the
//! page where a clerk chooses the site they work at (after login, when they have several).

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use minijinja::{context, Value};
use serde::Deserialize;

use super::forms::Posted;
use super::problems::explain;
use super::view::{local_path, PageError, Viewer};
use crate::domain::resident::parse_date;
use crate::domain::sites::{Site, SiteKind};
use crate::domain::staff::Permission;
use crate::services::sites::{self, NewSite, SiteChange, SiteError};

/// A site as the pages show it, in the viewer's language.
pub fn site_view(viewer: &Viewer, site: &Site, today: NaiveDate) -> Value {
    let state = site.state_on(today);
    context! {
        code => site.code.clone(),
        name => site.name.clone(),
        kind => site.kind.as_str(),
        kind_label => viewer.text(&format!("site-kind-{}", site.kind.as_str()), &[]),
        opens_on => site.opens_on.to_string(),
        closes_on => site.closes_on.map(|d| d.to_string()),
        state => state.as_str(),
        state_label => viewer.text(&format!("site-state-{}", state.as_str()), &[]),
        closed => site.closed_at.is_some(),
    }
}

/// What the sites page says after an action.
#[derive(Default)]
struct Outcome {
    status: Option<String>,
    /// Problems by field ("form" for the whole page), and the row (site code) they concern.
    errors: BTreeMap<String, String>,
    row: Option<String>,
    /// The add form's values, to fill it again after a refusal.
    values: BTreeMap<&'static str, String>,
}

async fn sites_page(
    viewer: &Viewer,
    http_status: StatusCode,
    outcome: Outcome,
) -> Result<HttpResponse, PageError> {
    viewer.require(Permission::Administer)?;
    let ctx = viewer.ctx.clone();
    let today = ctx.clock.today();
    let listed = crate::web::blocking(move || sites::list(&ctx))
        .await
        .map_err(|e| viewer.internal(e.into()))?
        .map_err(|e| match explain(viewer, e) {
            Err(page) => page,
            Ok(problem) => viewer.internal(crate::error::Internal::new(
                "sites",
                anyhow::anyhow!("{}", problem.message),
            )),
        })?;
    let rows: Vec<Value> = listed.iter().map(|s| site_view(viewer, s, today)).collect();
    let kinds: Vec<Value> = SiteKind::ALL
        .iter()
        .map(|k| {
            context! {
                value => k.as_str(),
                label => viewer.text(&format!("site-kind-{}", k.as_str()), &[]),
            }
        })
        .collect();
    viewer.page(
        http_status,
        "sites.html",
        context! {
            sites => rows,
            kinds => kinds,
            today => today.to_string(),
            status => outcome.status,
            errors => outcome.errors,
            error_row => outcome.row,
            values => outcome.values,
        },
    )
}

pub async fn list(viewer: Viewer) -> Result<HttpResponse, PageError> {
    sites_page(&viewer, StatusCode::OK, Outcome::default()).await
}

/// A refusal beside the field it concerns (`prefix` names the form: "new" or a row's).
fn refused(viewer: &Viewer, e: SiteError) -> Result<(StatusCode, Outcome), PageError> {
    let problem = explain(viewer, e)?;
    let mut outcome = Outcome::default();
    let field = match problem.field.as_str() {
        "code" | "name" | "kind" | "opens_on" | "closes_on" => problem.field.clone(),
        _ => "form".to_owned(),
    };
    outcome.errors.insert(field, problem.message);
    Ok((problem.status, outcome))
}

/// A date from the form: none when blank.
fn form_date(field: &'static str, raw: &str) -> Result<Option<NaiveDate>, SiteError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    parse_date(field, raw.trim())
        .map(Some)
        .map_err(|_| SiteError::Invalid {
            field,
            why: "a date is YYYY-MM-DD",
        })
}

fn new_site(form: &super::forms::Form) -> Result<NewSite, SiteError> {
    let kind = SiteKind::parse(form.get("kind")).ok_or(SiteError::Invalid {
        field: "kind",
        why: "choose the kind of site",
    })?;
    let opens_on = form_date("opens_on", form.get("opens_on"))?.ok_or(SiteError::Invalid {
        field: "opens_on",
        why: "a site needs its first day",
    })?;
    Ok(NewSite {
        code: form.get("code").trim().to_owned(),
        name: form.get("name").to_owned(),
        kind,
        opens_on,
        closes_on: form_date("closes_on", form.get("closes_on"))?,
    })
}

pub async fn add(posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let me = viewer.require(Permission::Administer)?;
    let parsed = new_site(&form);
    let ctx = viewer.ctx.clone();
    let result = crate::web::blocking(move || sites::add(&ctx, &me, parsed?))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    let (status, outcome) = match result {
        Ok(site) => (
            StatusCode::OK,
            Outcome {
                status: Some(viewer.text("done-site-added", &[("site", site.name.into())])),
                ..Outcome::default()
            },
        ),
        Err(e) => {
            let (status, mut outcome) = refused(&viewer, e)?;
            for field in ["code", "name", "kind", "opens_on", "closes_on"] {
                outcome.values.insert(field, form.get(field).to_owned());
            }
            (status, outcome)
        }
    };
    sites_page(&viewer, status, outcome).await
}

/// One site: `action` is change (its name and last day) or close.
pub async fn change(posted: Posted, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let me = viewer.require(Permission::Administer)?;
    let code = path.into_inner();
    let action = form.get("action").to_owned();
    let change = form_date("closes_on", form.get("closes_on")).map(|closes_on| SiteChange {
        name: Some(form.get("name").to_owned()),
        closes_on: Some(closes_on),
    });
    let ctx = viewer.ctx.clone();
    let which = code.clone();
    let result = crate::web::blocking(move || match action.as_str() {
        "change" => sites::change(&ctx, &me, &which, change?).map(|s| ("done-site-changed", s)),
        "close" => sites::close(&ctx, &me, &which).map(|s| ("done-site-closed", s)),
        _ => Err(SiteError::NotFound),
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    let (status, outcome) = match result {
        Ok((message, site)) => (
            StatusCode::OK,
            Outcome {
                status: Some(viewer.text(message, &[("site", site.name.into())])),
                ..Outcome::default()
            },
        ),
        Err(e) => {
            let (status, mut outcome) = refused(&viewer, e)?;
            outcome.row = Some(code);
            (status, outcome)
        }
    };
    sites_page(&viewer, status, outcome).await
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// The page where a clerk chooses the site they work at.
async fn choice_page(
    viewer: &Viewer,
    status: StatusCode,
    next: Option<String>,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    let signed = viewer.signed()?.clone();
    if signed.must_change_password {
        return Err(viewer.redirect("/account/password"));
    }
    if !sites::works_at_a_site(signed.actor.role) {
        return Err(viewer.redirect(super::session::home_of(signed.actor.role)));
    }
    let ctx = viewer.ctx.clone();
    let today = ctx.clock.today();
    let for_whom = signed.clone();
    let choices = crate::web::blocking(move || sites::choices_for(&ctx, &for_whom))
        .await
        .map_err(|e| viewer.internal(e.into()))?
        .map_err(|e| match explain(viewer, e) {
            Err(page) => page,
            Ok(problem) => viewer.internal(crate::error::Internal::new(
                "site choices",
                anyhow::anyhow!("{}", problem.message),
            )),
        })?;
    let current = signed.site.as_ref().map(|s| s.code.clone());
    let rows: Vec<Value> = choices
        .iter()
        .map(|s| site_view(viewer, s, today))
        .collect();
    viewer.page(
        status,
        "site.html",
        context! {
            choices => rows,
            current => current,
            next => next,
            error => error,
        },
    )
}

pub async fn choose_page(
    viewer: Viewer,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, PageError> {
    let next = query.next.as_deref().and_then(local_path);
    choice_page(&viewer, StatusCode::OK, next, None).await
}

pub async fn choose(posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let signed = viewer.signed()?.clone();
    if signed.must_change_password {
        return Err(viewer.redirect("/account/password"));
    }
    let role = signed.actor.role;
    let next = local_path(form.get("next"));
    let code = form.get("site").to_owned();
    if code.is_empty() {
        let error = viewer.text("err-site-choose", &[]);
        return choice_page(&viewer, StatusCode::UNPROCESSABLE_ENTITY, next, Some(error)).await;
    }
    let ctx = viewer.ctx.clone();
    let result = crate::web::blocking(move || sites::choose(&ctx, &signed, &code))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    match result {
        Ok(_) => {
            let target = next.unwrap_or_else(|| super::session::home_of(role).to_owned());
            Ok(viewer.see_other(&target))
        }
        Err(e) => {
            let problem = explain(&viewer, e)?;
            choice_page(&viewer, problem.status, next, Some(problem.message)).await
        }
    }
}
