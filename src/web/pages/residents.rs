//! Finding a resident (exact legal name and date of birth, posted so no name reaches a URL),
//! their record with their cards, their photo, and changing their name or address.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::enroll::{card_language_choices, card_own_language, spoken_language_name};
use super::forms::{Form, Posted};
use super::problems::explain;
use super::view::{PageError, Viewer};
use crate::domain::card::{CardNumber, CardStatus};
use crate::domain::resident::{Address, LanguageTag, PersonName};
use crate::domain::sites::Site;
use crate::domain::staff::Permission;
use crate::services::cards::{self, CardSummary};
use crate::services::enrollment::{self, ApplicationRules, ResidentRecord};
use crate::web::api::residents::{AddressInput, AddressView, ResidentPatch, SearchRequest};

/// Resident ids are UUIDs; anything else names no record.
pub fn resident_id(viewer: &Viewer, raw: &str) -> Result<String, PageError> {
    uuid::Uuid::parse_str(raw)
        .map(|u| u.to_string())
        .map_err(|_| viewer.not_found())
}

/// A card number as printed: `4716 0392 8851`.
pub fn grouped(number: &str) -> String {
    CardNumber::parse(number)
        .map(|n| n.grouped())
        .unwrap_or_else(|_| number.to_owned())
}

#[derive(Serialize)]
pub struct CardRow {
    pub number: String,
    pub grouped: String,
    pub status: &'static str,
    pub issued_on: String,
    pub expires_on: String,
    pub reason: String,
    pub printed: bool,
    pub active: bool,
    /// How it reaches the resident (`counter`, `mail`, `pickup`; empty on a tombstone), where
    /// it is on the way (`issued`, `printed`, `ready`, …), its pick-up site and the day it
    /// must be collected by.
    pub delivery: &'static str,
    pub stage: &'static str,
    pub pickup_site: Option<String>,
    /// The pick-up site's name, where the page knows the sites.
    pub pickup_site_name: Option<String>,
    pub collect_by: Option<String>,
}

impl CardRow {
    /// Names the pick-up site from the program's sites.
    pub fn with_site_names(mut self, sites: &[Site]) -> Self {
        self.pickup_site_name = self
            .pickup_site
            .as_deref()
            .and_then(|code| sites.iter().find(|s| s.code == code))
            .map(|s| s.name.clone());
        self
    }
}

/// Every site of the program (names for codes, and the open ones to choose from).
pub async fn all_sites(viewer: &Viewer) -> Result<Vec<Site>, PageError> {
    let ctx = viewer.ctx.clone();
    crate::web::blocking(move || crate::services::sites::list(&ctx))
        .await
        .map_err(|e| viewer.internal(e.into()))?
        .or_else(|e| explain(viewer, e).map(|_| Vec::new()))
}

pub fn card_row(card: &CardSummary) -> CardRow {
    let status = match card.status {
        CardStatus::Active => "active",
        CardStatus::Revoked => "revoked",
        CardStatus::Expired => "expired",
    };
    CardRow {
        number: card.card_number.clone(),
        grouped: grouped(&card.card_number),
        status,
        issued_on: card.issued_on.to_string(),
        expires_on: card.expires_on.to_string(),
        reason: card.issue_reason.clone().unwrap_or_default(),
        printed: card.printed,
        active: status == "active",
        delivery: card.delivery.map_or("", |d| d.as_stored()),
        stage: card.stage.map_or("", |s| s.as_str()),
        pickup_site: card.pickup_site.clone(),
        pickup_site_name: None,
        collect_by: card.collect_by.map(|day| day.to_string()),
    }
}

/// The resident as the pages show them.
pub fn resident_value(r: &ResidentRecord) -> Value {
    let face = &r.face;
    let languages: Vec<&str> = face.languages.iter().map(LanguageTag::as_str).collect();
    context! {
        id => r.resident_id.clone(),
        legal_name => face.legal_name.as_str(),
        preferred_name => face.preferred_name.as_ref().map(PersonName::as_str),
        date_of_birth => face.date_of_birth.date().to_string(),
        gender => face.gender.map(|g| format!("{g:?}")),
        languages => languages.iter().map(|t| spoken_language_name(t)).collect::<Vec<_>>(),
        language_tags => languages.clone(),
        emergency_name => face.emergency_contact.as_ref().map(|c| c.name.as_str()),
        emergency_phone => face.emergency_contact.as_ref().map(|c| c.phone.as_str()),
        veteran => face.veteran,
        organ_donor => face.organ_donor,
        // As the card prints them.
        address => r.address.as_ref().map(Address::lines).unwrap_or_default(),
        identity_met => r.identity_points_met,
        residency_met => r.residency_points_met,
        enrolled_on => r.enrolled_at.date_naive().to_string(),
        retained_until => r.retained_until.to_string(),
        confidential => face.confidential,
        card_language => face.card_language.as_ref().map(LanguageTag::as_str),
        card_language_name => face
            .card_language
            .as_ref()
            .map(|l| crate::i18n::catalogue().get(l.as_str()).map_or(l.as_str(), |c| c.name.as_str())),
    }
}

/// Loads a resident (an audited read) and their cards.
pub async fn load(
    viewer: &Viewer,
    id: &str,
) -> Result<(ResidentRecord, Vec<CardSummary>), PageError> {
    let actor = viewer.require(Permission::ServeResidents)?;
    let ctx = viewer.ctx.clone();
    let id = id.to_owned();
    let outcome = crate::web::blocking(move || {
        let resident = enrollment::get(&ctx, &actor, &id).map_err(crate::web::ApiError::from)?;
        let cards = cards::of_resident(&ctx, &actor, &id).map_err(crate::web::ApiError::from)?;
        Ok::<_, crate::web::ApiError>((resident, cards))
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(loaded) => Ok(loaded),
        Err(e) if e.status == StatusCode::NOT_FOUND => Err(viewer.not_found()),
        Err(e) => {
            let problem = explain(viewer, e)?;
            Err(viewer.fail(
                problem.status,
                "problem-title",
                &format!("err-{}", problem.code),
                &[],
            ))
        }
    }
}

// ---- find ------------------------------------------------------------------------------------

pub async fn find_page(viewer: Viewer) -> Result<HttpResponse, PageError> {
    viewer.require(Permission::ServeResidents)?;
    viewer.ok(
        "find.html",
        context! { values => context!{}, errors => context!{}, searched => false, matches => Vec::<String>::new() },
    )
}

pub async fn find(posted: Posted) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let actor = viewer.require(Permission::ServeResidents)?;
    let request = SearchRequest {
        legal_name: form.get("legal_name").to_owned(),
        date_of_birth: form.get("date_of_birth").trim().to_owned(),
    };
    let values = context! {
        legal_name => request.legal_name.clone(),
        date_of_birth => request.date_of_birth.clone(),
    };
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || {
        let key = request.to_key(ctx.clock.today())?;
        enrollment::search(&ctx, &actor, &key)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(matches) if matches.len() == 1 => {
            Ok(viewer.see_other(&format!("/residents/{}", matches[0])))
        }
        Ok(matches) => {
            viewer.ok(
                "find.html",
                context! { values => values, errors => context!{}, searched => true, matches => matches },
            )
        }
        Err(e) => {
            let problem = explain(&viewer, e)?;
            let errors = problem.by_field();
            viewer.page(
                problem.status,
                "find.html",
                context! { values => values, errors => errors, searched => false, matches => Vec::<String>::new() },
            )
        }
    }
}

// ---- the record ------------------------------------------------------------------------------

#[derive(Deserialize)]
pub struct DoneQuery {
    done: Option<String>,
}

/// The message for what was just done (a fixed list: nothing from the URL is echoed).
fn done_message(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "revoked" => Some("done-revoked"),
        "updated" => Some("done-updated"),
        other => super::pickups::done_message(Some(other)),
    }
}

pub async fn show(
    viewer: Viewer,
    path: web::Path<String>,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PageError> {
    let id = resident_id(&viewer, &path)?;
    let (resident, cards) = load(&viewer, &id).await?;
    let sites = all_sites(&viewer).await?;
    let rows: Vec<CardRow> = cards
        .iter()
        .map(|card| card_row(card).with_site_names(&sites))
        .collect();
    let today = viewer.ctx.clock.today();
    let open: Vec<Value> = sites
        .iter()
        .filter(|s| s.is_open_on(today))
        .map(|s| context! { code => s.code.clone(), name => s.name.clone() })
        .collect();
    viewer.ok(
        "resident.html",
        context! {
            r => resident_value(&resident),
            cards => rows,
            open_sites => open,
            // The site this session works at: a card waiting there can be handed over here.
            here => viewer.signed_in.as_ref().and_then(|s| s.site.as_ref()).map(|s| s.code.clone()),
            done => done_message(query.done.as_deref()),
            revoke_reasons => ["lost", "stolen", "damaged", "issued_in_error"],
        },
    )
}

pub async fn photo(viewer: Viewer, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let actor = viewer.require(Permission::ServeResidents)?;
    let id = resident_id(&viewer, &path)?;
    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || enrollment::photo(&ctx, &actor, &id))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(jpeg) => Ok(HttpResponse::Ok()
            .insert_header((header::CONTENT_TYPE, "image/jpeg"))
            .insert_header((header::CACHE_CONTROL, "no-store, private"))
            .body(jpeg)),
        Err(enrollment::EnrollmentError::NotFound) => Err(viewer.not_found()),
        Err(e) => {
            explain(&viewer, e)?;
            Err(viewer.not_found())
        }
    }
}

// ---- name and address ------------------------------------------------------------------------

/// The address in the form's fields (those of the API's address).
fn address_values(address: Option<&Address>) -> Value {
    let kind = match address {
        None => "none",
        Some(Address::CareOf { .. }) => "care_of",
        Some(Address::Home { .. }) => "home",
    };
    let view = address.cloned().map(AddressView::from);
    let get = |f: fn(&AddressView) -> &Option<String>| {
        view.as_ref().and_then(|a| f(a).clone()).unwrap_or_default()
    };
    context! {
        address_kind => kind,
        address_line1 => get(|a| &a.line1),
        address_line2 => get(|a| &a.line2),
        address_care_of => get(|a| &a.care_of),
        address_city => get(|a| &a.city),
        address_postal_code => get(|a| &a.postal_code),
    }
}

fn form_values(form: &Form) -> Value {
    let mut map = std::collections::BTreeMap::new();
    for name in [
        "legal_name",
        "preferred_name",
        "address_kind",
        "address_line1",
        "address_line2",
        "address_care_of",
        "address_city",
        "address_postal_code",
        "confidential",
        "card_language",
    ] {
        map.insert(name, form.get(name).to_owned());
    }
    Value::from_serialize(&map)
}

pub async fn edit_page(viewer: Viewer, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let id = resident_id(&viewer, &path)?;
    let (resident, _) = load(&viewer, &id).await?;
    let face = &resident.face;
    let values = context! {
        legal_name => face.legal_name.as_str(),
        preferred_name => face.preferred_name.as_ref().map_or("", PersonName::as_str),
        confidential => face.confidential,
        card_language => face.card_language.as_ref().map_or("", LanguageTag::as_str),
        ..address_values(resident.address.as_ref())
    };
    viewer.ok(
        "edit.html",
        context! {
            id => id,
            values => values,
            errors => context!{},
            ..card_languages(&viewer, face.card_language.as_ref().map(LanguageTag::as_str))
        },
    )
}

/// The card's second-language choices for the edit form, and the one on record (`was`).
fn card_languages(viewer: &Viewer, was: Option<&str>) -> Value {
    context! {
        card_languages => card_language_choices(&viewer.ctx),
        card_own_language => card_own_language(&viewer.ctx),
        card_language_was => was,
    }
}

/// The second language the edit form chose, when the clerk changed it: the form carries the
/// one on record beside the choice, so a form without the choice, or one left as it was (a
/// language this server no longer prints, say), changes nothing.
fn card_language_change(form: &Form) -> Option<Option<String>> {
    let was = form.opt("card_language_was")?;
    let chosen = form.opt("card_language").filter(|c| !c.is_empty());
    let was = Some(was).filter(|w| w != "none");
    (chosen != was).then_some(chosen)
}

/// The edit form as the service's patch: the names, and the address as shown on the form.
fn patch_of(form: &Form) -> ResidentPatch {
    let field = |name: &str| form.opt(name);
    let address = match form.get("address_kind") {
        "home" => Some(AddressInput {
            line1: field("address_line1"),
            line2: field("address_line2"),
            care_of: None,
            city: field("address_city"),
            postal_code: field("address_postal_code"),
        }),
        "care_of" => Some(AddressInput {
            line1: None,
            line2: None,
            care_of: field("address_care_of"),
            city: field("address_city"),
            postal_code: field("address_postal_code"),
        }),
        _ => None,
    };
    let confidential = form.flag("confidential");
    ResidentPatch {
        legal_name: Some(form.get("legal_name").to_owned()),
        preferred_name: Some(field("preferred_name")),
        // A confidential card keeps no address: the one on the form (the one on record) goes
        // with this change, as the box's hint says.
        address: (!confidential).then_some(address),
        confidential: Some(confidential),
        card_language: card_language_change(form),
        ..ResidentPatch::default()
    }
}

pub async fn edit(posted: Posted, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let Posted { viewer, form } = posted;
    let actor = viewer.require(Permission::ServeResidents)?;
    let id = resident_id(&viewer, &path)?;
    let patch = patch_of(&form);
    let ctx = viewer.ctx.clone();
    let target = id.clone();
    let outcome = crate::web::blocking(move || {
        let changes = patch.to_changes(&ApplicationRules::of(&ctx))?;
        enrollment::update(&ctx, &actor, &target, changes)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(_) => Ok(viewer.see_other(&format!("/residents/{id}?done=updated"))),
        Err(enrollment::EnrollmentError::NotFound) => Err(viewer.not_found()),
        Err(e) => {
            let problem = explain(&viewer, e)?;
            let errors = problem.by_field();
            viewer.page(
                problem.status,
                "edit.html",
                context! {
                    id => id,
                    values => form_values(&form),
                    errors => errors,
                    ..card_languages(
                        &viewer,
                        form.opt("card_language_was").filter(|w| w != "none").as_deref()
                    )
                },
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn care_of_addresses_fill_the_form_and_read_as_on_the_card() {
        let a = Address::CareOf {
            care_of: "Harbor Shelter".into(),
            city: Some("Springfield".into()),
            postal_code: Some("01101".into()),
        };
        let values = address_values(Some(&a));
        let field = |name: &str| values.get_attr(name).unwrap().to_string();
        assert_eq!(field("address_kind"), "care_of");
        assert_eq!(field("address_care_of"), "Harbor Shelter");
        assert_eq!(field("address_line1"), "");
        assert_eq!(field("address_postal_code"), "01101");
        assert_eq!(
            address_values(None)
                .get_attr("address_kind")
                .unwrap()
                .to_string(),
            "none"
        );
        // And the record page shows it as the card prints it.
        assert_eq!(a.lines(), vec!["c/o Harbor Shelter", "Springfield 01101"]);
    }
}
