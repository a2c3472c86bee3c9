//! Finding a resident (exact legal name and date of birth, posted so no name reaches a URL),
//! their record with their cards, their photo, and changing their name or address.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::enroll::spoken_language_name;
use super::forms::{Form, Posted};
use super::problems::explain;
use super::view::{PageError, Viewer};
use crate::domain::card::{CardNumber, CardStatus};
use crate::domain::staff::Permission;
use crate::render::card_pdf::language_name as card_language_name;
use crate::services::cards::{self, CardSummary};
use crate::services::enrollment::{
    self, AddressInput, AddressView, ResidentPatch, ResidentView, SearchRequest,
};

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
    }
}

/// The address as its lines, for showing: as the card prints them (`Address::lines`).
pub fn address_lines(address: Option<&AddressView>) -> Vec<String> {
    address
        .and_then(AddressView::to_address)
        .map(|a| a.lines())
        .unwrap_or_default()
}

/// The resident as the pages show them.
pub fn resident_value(r: &ResidentView) -> Value {
    context! {
        id => r.resident_id.clone(),
        legal_name => r.legal_name.clone(),
        preferred_name => r.preferred_name.clone(),
        date_of_birth => r.date_of_birth.to_string(),
        gender => r.gender.clone(),
        languages => r.languages.iter().map(|t| spoken_language_name(t)).collect::<Vec<_>>(),
        language_tags => r.languages.clone(),
        // As the card prints them (the preview shows the card).
        language_names_en => r.languages.iter().map(|t| card_language_name(t)).collect::<Vec<_>>(),
        emergency_name => r.emergency_contact.as_ref().map(|c| c.name.clone()),
        emergency_phone => r.emergency_contact.as_ref().map(|c| c.phone.clone()),
        veteran => r.veteran,
        organ_donor => r.organ_donor,
        address => address_lines(r.address.as_ref()),
        identity_met => r.identity_points_met,
        residency_met => r.residency_points_met,
        enrolled_on => r.enrolled_at.date_naive().to_string(),
        retained_until => r.retained_until.to_string(),
    }
}

/// Loads a resident (an audited read) and their cards.
pub async fn load(
    viewer: &Viewer,
    id: &str,
) -> Result<(ResidentView, Vec<CardSummary>), PageError> {
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
    let outcome = crate::web::blocking(move || enrollment::search(&ctx, &actor, &request))
        .await
        .map_err(|e| viewer.internal(e.into()))?;
    match outcome {
        Ok(result) if result.matches.len() == 1 => {
            Ok(viewer.see_other(&format!("/residents/{}", result.matches[0].resident_id)))
        }
        Ok(result) => {
            let matches: Vec<String> = result.matches.into_iter().map(|m| m.resident_id).collect();
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
        _ => None,
    }
}

pub async fn show(
    viewer: Viewer,
    path: web::Path<String>,
    query: web::Query<DoneQuery>,
) -> Result<HttpResponse, PageError> {
    let id = resident_id(&viewer, &path)?;
    let (resident, cards) = load(&viewer, &id).await?;
    let rows: Vec<CardRow> = cards.iter().map(card_row).collect();
    viewer.ok(
        "resident.html",
        context! {
            r => resident_value(&resident),
            cards => rows,
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

fn address_values(address: Option<&AddressView>) -> Value {
    let kind = match address {
        None => "none",
        Some(a) if a.care_of.is_some() => "care_of",
        Some(_) => "home",
    };
    let get = |f: fn(&AddressView) -> &Option<String>| {
        address.and_then(|a| f(a).clone()).unwrap_or_default()
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
    ] {
        map.insert(name, form.get(name).to_owned());
    }
    Value::from_serialize(&map)
}

pub async fn edit_page(viewer: Viewer, path: web::Path<String>) -> Result<HttpResponse, PageError> {
    let id = resident_id(&viewer, &path)?;
    let (resident, _) = load(&viewer, &id).await?;
    let values = context! {
        legal_name => resident.legal_name.clone(),
        preferred_name => resident.preferred_name.clone().unwrap_or_default(),
        ..address_values(resident.address.as_ref())
    };
    viewer.ok(
        "edit.html",
        context! { id => id, values => values, errors => context!{} },
    )
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
    ResidentPatch {
        legal_name: Some(form.get("legal_name").to_owned()),
        preferred_name: Some(field("preferred_name")),
        address: Some(address),
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
    let outcome = crate::web::blocking(move || enrollment::update(&ctx, &actor, &target, patch))
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
                context! { id => id, values => form_values(&form), errors => errors },
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn care_of_addresses_read_as_on_the_card() {
        let a = AddressView {
            line1: None,
            line2: None,
            care_of: Some("Harbor Shelter".into()),
            city: Some("Springfield".into()),
            postal_code: Some("01101".into()),
        };
        assert_eq!(
            address_lines(Some(&a)),
            vec!["c/o Harbor Shelter", "Springfield 01101"]
        );
        assert!(address_lines(None).is_empty());
    }
}
