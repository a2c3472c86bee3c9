//! Review and print: the card preview (front and back, laid out as the PDF prints them), issuing
//! the card, printing it (the PDF opens in the browser for its print dialog), the "card issued"
//! state; and revoking a card with a reason.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use minijinja::{context, Value};
use serde_json::Value as Json;

use super::enroll::code_label;
use super::forms::Posted;
use super::problems::{explain, name_warnings};
use super::residents::{all_sites, card_row, load, resident_id, resident_value};
use super::view::{PageError, Viewer};
use crate::context::AppContext;
use crate::domain::card::{IssueReason, RevokeReason};
use crate::domain::delivery::DeliveryChoice;
use crate::domain::fees::{format_amount, FeeRecord};
use crate::domain::staff::Permission;
use crate::error::ErrorCode;
use crate::render::card_pdf::{monogram, CardWording};
use crate::services::cards::{self, CardOrder};
use crate::services::enrollment::ResidentRecord;

/// What the card shows besides the resident: the jurisdiction, and the card's words in its
/// own language and in the resident's second one, as the card prints them.
fn branding(ctx: &AppContext, resident: &ResidentRecord) -> Value {
    let second = resident.face.card_language.as_ref().map(|l| l.as_str());
    let (own, second) = ctx.card_renderer.wordings_for(second);
    let languages = own.language_list(resident.face.languages.iter().map(|t| t.as_str()));
    context! {
        monogram => monogram(&ctx.config.jurisdiction),
        jurisdiction => ctx.config.jurisdiction.clone(),
        // The resident's languages as the card's back names them, in its own language.
        languages => languages,
        words => std::iter::once(own).chain(second).map(words_value).collect::<Vec<_>>(),
    }
}

/// One language's card words for the preview template.
fn words_value(w: &CardWording) -> Value {
    context! {
        lang => w.language.clone(),
        dir => if w.rtl { "rtl" } else { "ltr" },
        title => w.title.clone(),
        name => w.name.clone(),
        preferred_name => w.preferred_name.clone(),
        date_of_birth => w.date_of_birth.clone(),
        gender => w.gender.clone(),
        issued => w.issued.clone(),
        expires => w.expires.clone(),
        card_number => w.card_number.clone(),
        address => w.address.clone(),
        languages => w.languages.clone(),
        emergency_contact => w.emergency_contact.clone(),
        veteran => w.veteran.clone(),
        organ_donor => w.organ_donor.clone(),
        return_if_found => w.return_if_found.clone(),
        verify_hint => w.verify_hint.clone(),
    }
}

/// A day as the card prints it, in the card's own language.
fn card_day(ctx: &AppContext, day: chrono::NaiveDate) -> String {
    (ctx.card_renderer.wordings_for(None).0.date)(day)
}

fn parse_reason<T: serde::de::DeserializeOwned>(raw: &str) -> Option<T> {
    serde_json::from_value(Json::String(raw.to_owned())).ok()
}

/// The reasons a clerk may give, as the form's values.
fn issue_reasons() -> Vec<&'static str> {
    IssueReason::ALL.iter().map(|r| r.as_str()).collect()
}

/// What the clerk chose for the fee: `paid`, `waived` (with its category), or nothing yet.
struct FeeChoice {
    outcome: String,
    waiver: String,
    /// The refusal was about the fee: the fieldset is marked.
    refused: Option<String>,
}

impl FeeChoice {
    fn none() -> Self {
        Self {
            outcome: String::new(),
            waiver: String::new(),
            refused: None,
        }
    }

    fn record(&self) -> Option<FeeRecord> {
        match self.outcome.as_str() {
            "paid" => Some(FeeRecord::Paid),
            "waived" => Some(FeeRecord::Waived {
                category: self.waiver.clone(),
            }),
            _ => None,
        }
    }
}

/// How the clerk chose to deliver the card: `counter` (the default), `mail`, or `pickup` at a
/// site; kept to show the form again after a refusal.
struct DeliveryForm {
    method: String,
    site: String,
}

impl DeliveryForm {
    fn counter() -> Self {
        Self {
            method: "counter".into(),
            site: String::new(),
        }
    }

    /// The choice as the service takes it; a pick-up without a site is passed on with an empty
    /// code, which no open site has (the service refuses it on the site field).
    fn choice(&self) -> DeliveryChoice {
        match self.method.as_str() {
            "mail" => DeliveryChoice::Mail,
            "pickup" => DeliveryChoice::Pickup {
                site: self.site.clone(),
            },
            _ => DeliveryChoice::Counter,
        }
    }
}

/// The delivery fieldset: the methods this resident may have (a confidential card is never
/// mailed), the open sites to collect at, and what was chosen.
fn delivery_context(
    resident: &ResidentRecord,
    open_sites: &[crate::domain::sites::Site],
    form: &DeliveryForm,
    refused: Option<&str>,
) -> Value {
    let confidential = resident.face.confidential;
    let method = if confidential && form.method == "mail" {
        "counter"
    } else {
        form.method.as_str()
    };
    let sites: Vec<Value> = open_sites
        .iter()
        .map(|site| context! { code => site.code, name => site.name })
        .collect();
    context! {
        confidential => confidential,
        has_address => resident.address.is_some(),
        method => method,
        site => form.site,
        sites => sites,
        refused => refused,
    }
}

/// The fee of each reason for the resident's age band today, and the waiver categories.
fn fee_context(viewer: &Viewer, resident: &ResidentRecord, choice: &FeeChoice) -> Value {
    let ctx = &viewer.ctx;
    let bands = &ctx.age_bands;
    let age = resident.face.date_of_birth.age_on(ctx.clock.today());
    let band = bands.of_age(age).unwrap_or(&bands.all()[0]);
    let by_reason: Vec<Value> = IssueReason::ALL
        .iter()
        .map(|reason| {
            let due = ctx.fees.due(*reason, &band.code);
            context! {
                reason => reason.as_str(),
                due => due.amount_cents > 0,
                amount => format_amount(due.amount_cents),
            }
        })
        .collect();
    let waivers: Vec<Value> = ctx
        .fees
        .waivers()
        .iter()
        .map(|w| context! { code => w, label => code_label(viewer.lang, "waiver", w) })
        .collect();
    context! {
        band => code_label(viewer.lang, "band", &band.code),
        currency => ctx.fees.currency(),
        by_reason => by_reason,
        waivers => waivers,
        outcome => choice.outcome,
        waiver => choice.waiver,
        refused => choice.refused,
    }
}

/// The review page: the card as it will print, the reason and the fee, and any refusal.
fn review_page(
    viewer: &Viewer,
    status: StatusCode,
    (resident, cards): (&ResidentRecord, &[cards::CardSummary]),
    reason: &str,
    choice: &FeeChoice,
    delivery: Value,
    error: Option<String>,
) -> Result<HttpResponse, PageError> {
    viewer.page(
        status,
        "review.html",
        context! {
            r => resident_value(resident),
            brand => branding(&viewer.ctx, resident),
            dob => card_day(&viewer.ctx, resident.face.date_of_birth.date()),
            card => (),
            reasons => issue_reasons(),
            default_reason => reason,
            fee => fee_context(viewer, resident, choice),
            delivery => delivery,
            error => error,
            warnings => name_warnings(viewer, &resident.face),
            has_cards => !cards.is_empty(),
        },
    )
}

/// The preview before issue: the card as it will print, the number assigned when issued.
pub async fn review(viewer: Viewer, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let id = resident_id(&viewer, &path)?;
    let (resident, cards) = load(&viewer, &id).await?;
    let default_reason = if cards.is_empty() { "new" } else { "renewal" };
    let sites = open_sites(&viewer).await?;
    let delivery = delivery_context(&resident, &sites, &DeliveryForm::counter(), None);
    review_page(
        &viewer,
        StatusCode::OK,
        (&resident, &cards),
        default_reason,
        &FeeChoice::none(),
        delivery,
        None,
    )
}

/// The sites open today, where a card may be picked up.
async fn open_sites(viewer: &Viewer) -> Result<Vec<crate::domain::sites::Site>, PageError> {
    let today = viewer.ctx.clock.today();
    let all = all_sites(viewer).await?;
    Ok(all.into_iter().filter(|s| s.is_open_on(today)).collect())
}

pub async fn issue(posted: Posted, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let actor = viewer.require(Permission::ServeResidents)?;
    let id = resident_id(&viewer, &path)?;
    let Some(reason) = parse_reason::<IssueReason>(form.get("reason")) else {
        return Err(viewer.fail(
            StatusCode::UNPROCESSABLE_ENTITY,
            "problem-title",
            "err-invalid-value",
            &[],
        ));
    };
    let mut choice = FeeChoice {
        outcome: form.get("fee").trim().to_owned(),
        waiver: form.get("waiver").trim().to_owned(),
        refused: None,
    };
    let delivery = DeliveryForm {
        method: form.get("delivery").trim().to_owned(),
        site: form.get("pickup_site").trim().to_owned(),
    };
    let ctx = viewer.ctx.clone();
    let target = id.clone();
    let order = CardOrder {
        reason,
        fee: choice.record(),
        delivery: delivery.choice(),
    };
    let outcome = crate::web::blocking(move || cards::issue(&ctx, &actor, &target, order))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(card) => Ok(viewer.see_other(&format!("/residents/{id}/cards/{}", card.card_number))),
        Err(cards::CardError::ResidentNotFound) => Err(viewer.not_found()),
        Err(e) => {
            let problem = explain(&viewer, e)?;
            if matches!(
                problem.code,
                ErrorCode::FeeRequired | ErrorCode::UnknownWaiverCategory
            ) {
                choice.refused = Some(problem.message.clone());
            }
            let delivery_refused = problem
                .field
                .starts_with("delivery")
                .then_some(problem.message.as_str());
            let (resident, cards) = load(&viewer, &id).await?;
            let sites = open_sites(&viewer).await?;
            let delivery = delivery_context(&resident, &sites, &delivery, delivery_refused);
            review_page(
                &viewer,
                problem.status,
                (&resident, &cards),
                reason.as_str(),
                &choice,
                delivery,
                Some(problem.message.clone()),
            )
        }
    }
}

/// One card of the resident: its preview, status, printing and the "card issued" state.
pub async fn show(
    viewer: Viewer,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let (raw_id, number) = path.into_inner();
    let id = resident_id(&viewer, &raw_id)?;
    let (resident, cards) = load(&viewer, &id).await?;
    let Some(card) = cards.iter().find(|c| c.card_number == number) else {
        return Err(viewer.not_found());
    };
    let sites = all_sites(&viewer).await?;
    let row = card_row(card).with_site_names(&sites);
    viewer.ok(
        "card.html",
        context! {
            r => resident_value(&resident),
            brand => branding(&viewer.ctx, &resident),
            dob => card_day(&viewer.ctx, resident.face.date_of_birth.date()),
            card => context! {
                issued => card_day(&viewer.ctx, card.issued_on),
                expires => card_day(&viewer.ctx, card.expires_on),
                ..Value::from_serialize(&row)
            },
        },
    )
}

/// The card as PDF, inline, so the browser opens it with its print dialog. Printing marks the
/// card printed and, by policy, destroys the print-only address.
pub async fn print(
    posted: Posted,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let viewer = posted.viewer;
    let actor = viewer.require(Permission::ServeResidents)?;
    let (raw_id, number) = path.into_inner();
    let id = resident_id(&viewer, &raw_id)?;
    let ctx = viewer.ctx.clone();
    let numbers = vec![number.clone()];
    let outcome = crate::web::blocking(move || {
        // The card must be this resident's: the same check the card page makes.
        if !cards::belongs_to(&ctx, &id, &numbers[0])? {
            return Err(cards::CardError::CardNotFound);
        }
        cards::print(&ctx, &actor, &numbers)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(pdf) => Ok(HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "application/pdf"))
            .insert_header((
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"card-{number}.pdf\""),
            ))
            .insert_header((header::CACHE_CONTROL, "no-store, private"))
            .body(pdf)),
        Err(cards::CardError::CardNotFound | cards::CardError::ResidentNotFound) => {
            Err(viewer.not_found())
        }
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

pub async fn revoke(
    posted: Posted,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let actor = viewer.require(Permission::ServeResidents)?;
    let (raw_id, number) = path.into_inner();
    let id = resident_id(&viewer, &raw_id)?;
    let Some(reason) = parse_reason::<RevokeReason>(form.get("reason")) else {
        return Err(viewer.fail(
            StatusCode::UNPROCESSABLE_ENTITY,
            "problem-title",
            "err-revoke-reason",
            &[],
        ));
    };
    let ctx = viewer.ctx.clone();
    let target = id.clone();
    let outcome = crate::web::blocking(move || {
        if !cards::belongs_to(&ctx, &target, &number)? {
            return Err(cards::CardError::CardNotFound);
        }
        cards::revoke(&ctx, &actor, &number, reason)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(_) => Ok(viewer.see_other(&format!("/residents/{id}?done=revoked"))),
        Err(cards::CardError::CardNotFound | cards::CardError::ResidentNotFound) => {
            Err(viewer.not_found())
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seal_reads_as_on_the_printed_card() {
        assert_eq!(monogram("City of Springfield"), "S");
        assert_eq!(monogram("City of New York"), "NY");
        assert_eq!(monogram("City"), "C");
    }
}
