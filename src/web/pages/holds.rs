//! Legal holds on the staff pages: the list (auditors and admins), and placing and lifting a
//! hold (admins).

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use minijinja::{context, Value};

use super::forms::{Form, Posted};
use super::problems::explain;
use super::view::{PageError, Viewer};
use crate::domain::legal_holds::HoldScope;
use crate::domain::resident::parse_date;
use crate::domain::staff::Permission;
use crate::services::legal_holds::{self, HoldError, HoldView};
use crate::services::sites;

#[derive(Default)]
struct Outcome {
    status: Option<String>,
    errors: BTreeMap<String, String>,
    values: BTreeMap<&'static str, String>,
}

fn scope_text(viewer: &Viewer, scope: &HoldScope, site_name: &dyn Fn(&str) -> String) -> String {
    match scope {
        HoldScope::All => viewer.text("hold-scope-all", &[]),
        HoldScope::EnrolledBetween { from, to } => viewer.text(
            "hold-scope-enrolled_between",
            &[
                ("from", from.to_string().into()),
                ("to", to.to_string().into()),
            ],
        ),
        HoldScope::Site(code) => {
            viewer.text("hold-scope-site", &[("site", site_name(code).into())])
        }
    }
}

fn hold_row(viewer: &Viewer, view: &HoldView, site_name: &dyn Fn(&str) -> String) -> Value {
    let hold = &view.hold;
    context! {
        id => hold.id.clone(),
        reference => hold.reference.clone(),
        scope => scope_text(viewer, &hold.scope, site_name),
        placed_on => hold.placed_at.date_naive().to_string(),
        placed_by => view.placed_by.clone(),
        lifted_on => hold.lifted_at.map(|at| at.date_naive().to_string()),
        lifted_by => view.lifted_by.clone(),
        in_force => hold.in_force(),
    }
}

async fn holds_page(
    viewer: &Viewer,
    http_status: StatusCode,
    outcome: Outcome,
) -> Result<HttpResponse, PageError> {
    let me = viewer.require(Permission::Audit)?;
    let ctx = viewer.ctx.clone();
    let (holds, sites) = crate::web::blocking(move || (legal_holds::list(&ctx), sites::list(&ctx)))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    let holds = holds.or_else(|e| explain(viewer, e).map(|_| Vec::new()))?;
    let sites = sites.or_else(|e| explain(viewer, e).map(|_| Vec::new()))?;
    let site_name = |code: &str| {
        sites
            .iter()
            .find(|s| s.code == code)
            .map_or_else(|| code.to_owned(), |s| s.name.clone())
    };
    let rows: Vec<Value> = holds
        .iter()
        .map(|h| hold_row(viewer, h, &site_name))
        .collect();
    let site_choices: Vec<Value> = sites
        .iter()
        .map(|s| context! { code => s.code.clone(), name => s.name.clone() })
        .collect();
    viewer.page(
        http_status,
        "holds.html",
        context! {
            holds => rows,
            sites => site_choices,
            can_change => Permission::Administer.granted_to(me.role),
            status => outcome.status,
            errors => outcome.errors,
            values => outcome.values,
        },
    )
}

pub async fn list(viewer: Viewer) -> Result<HttpResponse, PageError> {
    holds_page(&viewer, StatusCode::OK, Outcome::default()).await
}

fn form_scope(form: &Form) -> Result<HoldScope, HoldError> {
    let day = |field: &'static str| {
        parse_date(field, form.get(field).trim()).map_err(|_| HoldError::Invalid {
            field,
            why: "a date is YYYY-MM-DD",
        })
    };
    match form.get("scope") {
        "all" => Ok(HoldScope::All),
        "enrolled_between" => Ok(HoldScope::EnrolledBetween {
            from: day("enrolled_from")?,
            to: day("enrolled_to")?,
        }),
        "site" => form
            .opt("site")
            .map(HoldScope::Site)
            .ok_or(HoldError::Invalid {
                field: "site",
                why: "choose the site",
            }),
        _ => Err(HoldError::Invalid {
            field: "scope",
            why: "choose which records the hold covers",
        }),
    }
}

pub async fn place(posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let me = viewer.require(Permission::Administer)?;
    let scope = form_scope(&form);
    let reference = form.get("reference").to_owned();
    let ctx = viewer.ctx.clone();
    let result = crate::web::blocking(move || legal_holds::place(&ctx, &me, &reference, scope?))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    let (status, outcome) = match result {
        Ok((view, covered)) => (
            StatusCode::OK,
            Outcome {
                status: Some(viewer.text(
                    "done-hold-placed",
                    &[
                        ("reference", view.hold.reference.into()),
                        ("count", i64::try_from(covered).unwrap_or(i64::MAX).into()),
                    ],
                )),
                ..Outcome::default()
            },
        ),
        Err(e) => {
            let problem = explain(&viewer, e)?;
            let mut outcome = Outcome::default();
            outcome
                .errors
                .insert(problem.field.clone(), problem.message);
            for field in ["reference", "scope", "enrolled_from", "enrolled_to", "site"] {
                outcome.values.insert(field, form.get(field).to_owned());
            }
            (problem.status, outcome)
        }
    };
    holds_page(&viewer, status, outcome).await
}

pub async fn lift(posted: Posted, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let viewer = posted.viewer;
    let me = viewer.require(Permission::Administer)?;
    let id = path.into_inner();
    let ctx = viewer.ctx.clone();
    let result = crate::web::blocking(move || legal_holds::lift(&ctx, &me, &id))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    let (status, outcome) = match result {
        Ok(view) => (
            StatusCode::OK,
            Outcome {
                status: Some(viewer.text(
                    "done-hold-lifted",
                    &[("reference", view.hold.reference.into())],
                )),
                ..Outcome::default()
            },
        ),
        Err(e) => {
            let problem = explain(&viewer, e)?;
            let mut outcome = Outcome::default();
            outcome.errors.insert("form".into(), problem.message);
            (problem.status, outcome)
        }
    };
    holds_page(&viewer, status, outcome).await
}
