//! The administrator's pages: staff accounts (add, disable, re-enable, change role, reset a
//! password) through `services::staff`, and a read-only view of the effective policy and the
//! key versions.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use minijinja::{context, Value};
use serde::Serialize;

use super::enroll::{code_label, document_label};
use super::forms::Posted;
use super::problems::explain;
use super::view::{role_message, PageError, Viewer};
use crate::crypto::password::Password;
use crate::domain::age_bands::CaretakerRule;
use crate::domain::card::IssueReason;
use crate::domain::fees::format_amount;
use crate::domain::staff::{Permission, StaffRole};
use crate::error::Internal;
use crate::services::sites;
use crate::services::staff::{self, StaffError};
use crate::services::Actor;

#[derive(Serialize)]
struct StaffRow {
    username: String,
    role: &'static str,
    role_label: String,
    disabled: bool,
    must_change_password: bool,
    created_on: String,
    is_me: bool,
    second_factor: bool,
    /// The codes of the sites the account works at (none: any open site).
    sites: Vec<String>,
    /// Their names, for the table.
    site_names: Vec<String>,
    /// The role serves residents at a counter (only those work at a site).
    works_at_site: bool,
}

/// What the staff page says after an action (a fixed list).
#[derive(Default)]
struct Outcome {
    status: Option<String>,
    one_time_password: Option<(String, String)>,
    errors: std::collections::BTreeMap<String, String>,
    add_values: Option<(String, String)>,
}

async fn staff_page(
    viewer: &Viewer,
    http_status: StatusCode,
    outcome: Outcome,
) -> Result<HttpResponse, PageError> {
    let me = viewer.require(Permission::Administer)?;
    let ctx = viewer.ctx.clone();
    let (listed, sites) = crate::web::blocking(move || (staff::list(&ctx), sites::list(&ctx)))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    let sites = sites.or_else(|e| explain(viewer, e).map(|_| Vec::new()))?;
    let site_name = |code: &String| {
        sites
            .iter()
            .find(|s| &s.code == code)
            .map_or_else(|| code.clone(), |s| s.name.clone())
    };
    let members = match listed {
        Ok(members) => members,
        Err(e) => {
            explain(viewer, e)?;
            Vec::new()
        }
    };
    let rows: Vec<StaffRow> = members
        .into_iter()
        .map(|m| StaffRow {
            is_me: m.username == me.username,
            role: m.role.as_str(),
            role_label: viewer.text(role_message(m.role), &[]),
            username: m.username,
            disabled: m.disabled,
            must_change_password: m.must_change_password,
            created_on: m.created_at.date_naive().to_string(),
            second_factor: m.second_factor,
            site_names: m.sites.iter().map(site_name).collect(),
            works_at_site: sites::works_at_a_site(m.role),
            sites: m.sites,
        })
        .collect();
    let assignable: Vec<Value> = sites
        .iter()
        .filter(|s| s.closed_at.is_none())
        .map(|s| context! { code => s.code.clone(), name => s.name.clone() })
        .collect();
    let roles: Vec<Value> = StaffRole::ALL
        .iter()
        .map(|r| context! { value => r.as_str(), label => viewer.text(role_message(*r), &[]) })
        .collect();
    let (add_username, add_role) = outcome.add_values.unwrap_or_default();
    viewer.page(
        http_status,
        "staff.html",
        context! {
            staff => rows,
            roles => roles,
            sites => assignable,
            status => outcome.status,
            one_time_password => outcome.one_time_password.map(|(u, p)| context! { username => u, password => p }),
            errors => outcome.errors,
            add_username => add_username,
            add_role => if add_role.is_empty() { "clerk".to_owned() } else { add_role },
        },
    )
}

pub async fn list(viewer: Viewer) -> Result<HttpResponse, PageError> {
    staff_page(&viewer, StatusCode::OK, Outcome::default()).await
}

fn refusal(
    viewer: &Viewer,
    field: &str,
    e: StaffError,
) -> Result<(StatusCode, Outcome), PageError> {
    let problem = explain(viewer, e)?;
    let mut outcome = Outcome::default();
    outcome.errors.insert(field.to_owned(), problem.message);
    Ok((problem.status, outcome))
}

pub async fn add(posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let me = viewer.require(Permission::Administer)?;
    let username = form.get("username").trim().to_owned();
    let role_raw = form.get("role").to_owned();
    let Ok(role) = StaffRole::parse(&role_raw) else {
        let mut outcome = Outcome::default();
        outcome
            .errors
            .insert("role".into(), viewer.text("err-invalid-value", &[]));
        return staff_page(&viewer, StatusCode::UNPROCESSABLE_ENTITY, outcome).await;
    };
    let password = form.opt("password").map(Password::new);
    let ctx = viewer.ctx.clone();
    let who = username.clone();
    let result = crate::web::blocking(move || staff::add(&ctx, &me.staff_id, &who, role, password))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    let (status, outcome) = match result {
        Ok((summary, generated)) => (
            StatusCode::OK,
            Outcome {
                status: Some(viewer.text(
                    "done-staff-added",
                    &[("username", summary.username.clone().into())],
                )),
                one_time_password: generated.map(|p| (summary.username, p.expose().to_owned())),
                ..Outcome::default()
            },
        ),
        Err(e) => {
            let field = match &e {
                StaffError::WeakPassword(_) => "password",
                _ => "username",
            };
            let (status, mut outcome) = refusal(&viewer, field, e)?;
            outcome.add_values = Some((username, role_raw));
            (status, outcome)
        }
    };
    staff_page(&viewer, status, outcome).await
}

/// One account: `action` is role, disable, enable, reset (the password) or reset-factors.
pub async fn change(posted: Posted, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let me = viewer.require(Permission::Administer)?;
    let username = path.into_inner();
    let action = form.get("action").to_owned();
    if action == "sites" {
        return assign_sites(&viewer, &me, username, form.all("site")).await;
    }
    let role = StaffRole::parse(form.get("role")).ok();
    let ctx = viewer.ctx.clone();
    let who = username.clone();
    let actor = me.staff_id.clone();
    let result = crate::web::blocking(move || match (action.as_str(), role) {
        ("role", Some(role)) => {
            staff::set_role(&ctx, &actor, &who, role).map(|_| ("done-role-changed", None))
        }
        ("disable", _) => {
            staff::set_disabled(&ctx, &actor, &who, true).map(|_| ("done-disabled", None))
        }
        ("enable", _) => {
            staff::set_disabled(&ctx, &actor, &who, false).map(|_| ("done-enabled", None))
        }
        ("reset", _) => staff::reset_password(&ctx, &actor, &who).map(|p| ("done-reset", Some(p))),
        ("reset-factors", _) => {
            staff::reset_factors(&ctx, &actor, &who).map(|()| ("done-factors-reset", None))
        }
        _ => Err(StaffError::NotFound),
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    let (status, outcome) = match result {
        Ok((message, password)) => (
            StatusCode::OK,
            Outcome {
                status: Some(viewer.text(message, &[("username", username.clone().into())])),
                one_time_password: password.map(|p| (username, p.expose().to_owned())),
                ..Outcome::default()
            },
        ),
        Err(e) => refusal(&viewer, "account", e)?,
    };
    staff_page(&viewer, status, outcome).await
}

/// Says which sites an account works at (the staff page's site checkboxes).
async fn assign_sites(
    viewer: &Viewer,
    me: &Actor,
    username: String,
    codes: Vec<String>,
) -> Result<HttpResponse, PageError> {
    let ctx = viewer.ctx.clone();
    let (actor, who) = (me.clone(), username.clone());
    let result = crate::web::blocking(move || sites::assign(&ctx, &actor, &who, &codes))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    let (status, outcome) = match result {
        Ok(_) => (
            StatusCode::OK,
            Outcome {
                status: Some(viewer.text("done-sites-assigned", &[("username", username.into())])),
                ..Outcome::default()
            },
        ),
        Err(e) => {
            let problem = explain(viewer, e)?;
            let mut outcome = Outcome::default();
            outcome.errors.insert("account".into(), problem.message);
            (problem.status, outcome)
        }
    };
    staff_page(viewer, status, outcome).await
}

/// Each age band: its ages, caretaker rule, validity and the amount of each fee class.
fn bands_and_fees(viewer: &Viewer) -> Vec<Value> {
    let ctx = &viewer.ctx;
    let bands = ctx.age_bands.all();
    bands
        .iter()
        .enumerate()
        .map(|(i, band)| {
            let caretaker = match band.caretaker {
                CaretakerRule::Required => "required",
                CaretakerRule::Optional => "optional",
                CaretakerRule::None => "none",
            };
            context! {
                code => band.code,
                label => code_label(viewer.lang, "band", &band.code),
                from => band.from_age,
                to => bands.get(i + 1).map(|next| next.from_age - 1),
                caretaker => caretaker,
                validity => band.validity_years,
                fees => ctx.fees.classes().map(|c| format_amount(ctx.fees.amount(c, &band.code))).collect::<Vec<_>>(),
            }
        })
        .collect()
}

pub async fn policy(viewer: Viewer) -> Result<HttpResponse, PageError> {
    viewer.require(Permission::Administer)?;
    let ctx = &viewer.ctx;
    let config = &ctx.config;
    let documents: Vec<Value> = ctx
        .documents
        .kinds()
        .iter()
        .map(|k| {
            context! {
                code => k.code(),
                label => document_label(viewer.lang, k.code()),
                identity => k.identity_points(),
                residency => k.residency_points(),
            }
        })
        .collect();
    let requirement = ctx.documents.requirement();
    let custody = ctx.custody.clone();
    let inventory = crate::web::blocking(move || custody.inventory())
        .await
        .map_err(|e| viewer.internal(e.into()))?
        .map_err(|e| viewer.internal(Internal::new("key custody", e)))?;
    let epochs: Vec<Value> = inventory
        .live
        .iter()
        .map(|(epoch, version)| context! { epoch => epoch.id(), version => version })
        .collect();
    let destroyed: Vec<Value> = inventory
        .destroyed
        .iter()
        .map(|(epoch, at)| context! { epoch => epoch.id(), at => at.date_naive().to_string() })
        .collect();
    let signing: Vec<String> = ctx
        .signing
        .jwks(ctx.clock.now())
        .keys
        .into_iter()
        .map(|k| k.kid)
        .collect();
    let retention = &config.retention;
    viewer.ok(
        "policy.html",
        context! {
            documents => documents,
            need_identity => requirement.identity,
            need_residency => requirement.residency,
            minimum_age => ctx.age_bands.minimum_age(),
            bands => bands_and_fees(&viewer),
            fee_classes => ctx.fees.classes().map(|c| context! { code => c, label => code_label(viewer.lang, "fee-class", c) }).collect::<Vec<_>>(),
            fee_reasons => IssueReason::ALL.iter().map(|r| context! { reason => r.as_str(), class => code_label(viewer.lang, "fee-class", ctx.fees.class_of(*r)) }).collect::<Vec<_>>(),
            waivers => ctx.fees.waivers().iter().map(|w| context! { code => w, label => code_label(viewer.lang, "waiver", w) }).collect::<Vec<_>>(),
            currency => ctx.fees.currency(),
            retention => context! {
                unissued_days => retention.unissued_days,
                card_grace_days => retention.card_grace_days,
                retain_address => retention.retain_address,
                audit_days => retention.audit_days,
                key_backup_days => retention.key_backup_days,
                ceiling_days => retention.ceiling_days,
                purge_interval_minutes => retention.purge_interval_minutes,
            },
            session_idle => config.auth.session_idle_minutes,
            session_absolute => config.auth.session_absolute_minutes,
            free_failures => config.auth.free_failures_per_account_and_client,
            first_delay => config.auth.first_delay_secs,
            longest_delay => (config.auth.longest_delay_secs + 59) / 60,
            epochs => epochs,
            destroyed => destroyed,
            signing_keys => signing,
            current_signing_key => URL_SAFE_NO_PAD.encode(ctx.signing.current_kid()),
            config_toml => config.to_masked_toml(),
        },
    )
}
