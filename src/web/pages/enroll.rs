//! Enrolling a resident: one form in the order a clerk works — the document checklist with
//! its running points total, the resident's details, the photo — posted to the same
//! `services::enrollment::enroll` as the API. A refusal re-shows the form with what was
//! entered, the message beside the field it concerns.
//!
//! There is no field here for immigration status, citizenship, country of birth or document
//! numbers, and the service would refuse one as an unknown field.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use minijinja::context;
use serde::{Deserialize, Serialize};

use super::forms::{Form, FormFor, PostedWithFile};
use super::i18n::{catalogue, Locale};
use super::problems::explain;
use super::view::{PageError, Viewer};
use crate::context::AppContext;
use crate::domain::age_bands::{CaretakerRule, Relationship};
use crate::domain::staff::Permission;
use crate::services::enrollment::{self, ApplicationRules};
use crate::web::api::residents::{
    AddressInput, CaretakerInput, CaretakerRelationship, EmergencyContactInput, EnrollmentRequest,
};

/// Languages a resident may say they use, spoken or signed, offered on the form: BCP 47 tag
/// and the name in the language itself (a sign language, which has no writing of its own, by
/// its name in the surrounding spoken language). The card names them in its own language
/// (`lang-<tag>` in the catalogues).
pub const SPOKEN_LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("es", "Español"),
    ("zh", "中文"),
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("fr", "Français"),
    ("ht", "Kreyòl ayisyen"),
    ("ko", "한국어"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("ru", "Русский"),
    ("so", "Soomaali"),
    ("sw", "Kiswahili"),
    ("tl", "Tagalog"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
    ("yi", "ייִדיש"),
    ("fa", "فارسی"),
    ("hi", "हिन्दी"),
    ("ne", "नेपाली"),
    ("am", "አማርኛ"),
    ("ti", "ትግርኛ"),
    ("ps", "پښتو"),
    ("ase", "American Sign Language (ASL)"),
    ("mfs", "Lengua de Señas Mexicana (LSM)"),
];

/// The language a tag names, in that language, or the tag itself.
pub fn spoken_language_name(tag: &str) -> String {
    SPOKEN_LANGUAGES
        .iter()
        .find(|(t, _)| *t == tag)
        .map_or_else(|| tag.to_owned(), |(_, name)| (*name).to_owned())
}

#[derive(Serialize)]
pub(super) struct DocumentItem {
    code: String,
    label: String,
    identity: u32,
    residency: u32,
    checked: bool,
}

#[derive(Serialize)]
pub(super) struct Points {
    identity: u32,
    residency: u32,
    need_identity: u32,
    need_residency: u32,
    identity_missing: u32,
    residency_missing: u32,
}

#[derive(Serialize)]
pub(super) struct Choice {
    value: String,
    label: String,
}

/// How a document kind is called in a language: `doc-<code>` from the catalogue, or the code
/// made readable for a kind a jurisdiction added to its configuration.
pub fn document_label(locale: &Locale, code: &str) -> String {
    code_label(locale, "doc", code)
}

/// A configured code's name in `locale` (`<prefix>-<code>` in the catalogue), or the code in
/// words when the catalogue has none (a kind, band or waiver a city added).
pub fn code_label(locale: &Locale, prefix: &str, code: &str) -> String {
    let id = format!("{prefix}-{code}");
    if catalogue().has(&id) {
        catalogue().message(locale, &id, &[])
    } else {
        let words = code.replace('_', " ");
        let mut chars = words.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default()
    }
}

/// The points of the ticked kinds, totalled by the same policy the service applies.
pub(super) fn points(ctx: &AppContext, checked: &[String]) -> Points {
    let required = ctx.documents.requirement();
    let (identity, residency) = match ctx.documents.tally(checked) {
        Ok(t) => (t.identity_points, t.residency_points),
        Err(_) => (0, 0),
    };
    Points {
        identity,
        residency,
        need_identity: required.identity,
        need_residency: required.residency,
        identity_missing: required.identity.saturating_sub(identity),
        residency_missing: required.residency.saturating_sub(residency),
    }
}

pub(super) fn documents(
    ctx: &AppContext,
    locale: &Locale,
    checked: &[String],
) -> Vec<DocumentItem> {
    ctx.documents
        .kinds()
        .iter()
        .map(|k| DocumentItem {
            code: k.code().to_owned(),
            label: document_label(locale, k.code()),
            identity: k.identity_points(),
            residency: k.residency_points(),
            checked: checked.iter().any(|c| c == k.code()),
        })
        .collect()
}

#[derive(Deserialize)]
pub struct FormQuery {
    form_lang: Option<String>,
}

/// What the form shows: the values entered, the errors, the duplicate warning, the photo.
#[derive(Default)]
struct Filled {
    values: BTreeMap<&'static str, String>,
    checked: Vec<String>,
    errors: BTreeMap<String, String>,
    duplicate_of: Option<String>,
    photo: Option<String>,
}

/// The order the form shows its sections in, for the error summary (a prefix names a group).
const FORM_ORDER: &[&str] = &[
    "form",
    "documents",
    "legal_name",
    "preferred_name",
    "date_of_birth",
    "gender",
    "caretaker",
    "address",
    "language",
    "emergency_name",
    "emergency_phone",
    "photo",
];

const TEXT_FIELDS: &[&str] = &[
    "legal_name",
    "preferred_name",
    "date_of_birth",
    "caretaker",
    "caretaker_identity_checked",
    "gender",
    "address_kind",
    "confidential",
    "address_line1",
    "address_line2",
    "address_care_of",
    "address_city",
    "address_postal_code",
    "language_1",
    "language_2",
    "card_language",
    "emergency_name",
    "emergency_phone",
    "veteran",
    "organ_donor",
];

fn render_form(
    viewer: &Viewer,
    status: StatusCode,
    form_lang: &'static Locale,
    filled: Filled,
) -> Result<HttpResponse, PageError> {
    let ctx = &viewer.ctx;
    let languages: Vec<Choice> = SPOKEN_LANGUAGES
        .iter()
        .map(|(tag, name)| Choice {
            value: (*tag).to_owned(),
            label: (*name).to_owned(),
        })
        .collect();
    let form_languages: Vec<Choice> = catalogue()
        .all()
        .iter()
        .map(|l| Choice {
            value: l.code.to_owned(),
            label: l.name.clone(),
        })
        .collect();
    let mut values = filled.values;
    values
        .entry("address_kind")
        .or_insert_with(|| "none".into());
    let mut summary: Vec<(String, String)> = filled
        .errors
        .iter()
        .map(|(field, message)| (field.clone(), message.clone()))
        .collect();
    summary.sort_by_key(|(field, _)| {
        FORM_ORDER
            .iter()
            .position(|f| field.starts_with(f))
            .unwrap_or(FORM_ORDER.len())
    });
    let response = viewer.page(
        status,
        "enroll.html",
        context! {
            form_lang => form_lang.code,
            form_dir => form_lang.dir.as_str(),
            form_languages => form_languages,
            documents => documents(ctx, form_lang, &filled.checked),
            points => points(ctx, &filled.checked),
            values => values,
            errors => filled.errors,
            error_summary => summary,
            duplicate_of => filled.duplicate_of,
            photo => filled.photo,
            spoken_languages => languages,
            card_languages => card_language_choices(ctx),
            card_own_language => card_own_language(ctx),
            minimum_age => ctx.age_bands.minimum_age(),
            caretaker_bands => caretaker_bands(ctx),
            relationships => Relationship::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        },
    )?;
    Ok(with_camera(response))
}

/// The languages the card may print its words in beside its own, each by its own name.
pub(super) fn card_language_choices(ctx: &AppContext) -> Vec<Choice> {
    ctx.card_renderer
        .second_languages()
        .into_iter()
        .filter_map(|tag| catalogue().get(tag))
        .map(|l| Choice {
            value: l.code.to_owned(),
            label: l.name.clone(),
        })
        .collect()
}

/// The card's own language, by its own name.
pub(super) fn card_own_language(ctx: &AppContext) -> String {
    let own = &ctx.card_renderer.wordings_for(None).0.language;
    catalogue()
        .get(own)
        .map_or_else(|| own.clone(), |l| l.name.clone())
}

/// The enrollment page may use the camera (every other page may not).
fn with_camera(mut response: HttpResponse) -> HttpResponse {
    response.headers_mut().insert(
        actix_web::http::header::HeaderName::from_static("permissions-policy"),
        actix_web::http::header::HeaderValue::from_static(
            "camera=(self), geolocation=(), microphone=()",
        ),
    );
    response
}

fn form_locale(code: Option<&str>, viewer: &Viewer) -> &'static Locale {
    code.and_then(|c| catalogue().get(c)).unwrap_or(viewer.lang)
}

pub async fn form(viewer: Viewer, query: web::Query<FormQuery>) -> Result<HttpResponse, PageError> {
    viewer.require(Permission::ServeResidents)?;
    let form_lang = form_locale(query.form_lang.as_deref(), &viewer);
    render_form(&viewer, StatusCode::OK, form_lang, Filled::default())
}

fn non_empty(form: &Form, name: &str) -> Option<String> {
    form.opt(name)
}

/// The form, as the API's request, checked as the API checks it. Only shaping: every rule is
/// the service's.
/// The caretaker the clerk chose, if any: the relationship and the identity check.
fn caretaker_of(form: &Form) -> Option<CaretakerInput> {
    let relationship = match Relationship::parse(form.get("caretaker").trim())? {
        Relationship::Parent => CaretakerRelationship::Parent,
        Relationship::LegalGuardian => CaretakerRelationship::LegalGuardian,
        Relationship::OtherCaretaker => CaretakerRelationship::OtherCaretaker,
    };
    Some(CaretakerInput {
        relationship,
        identity_checked: form.flag("caretaker_identity_checked"),
    })
}

/// The age bands whose residents apply with a caretaker (`required`) or may (`optional`), with
/// their ages, for the form's hint.
fn caretaker_bands(ctx: &AppContext) -> Vec<minijinja::Value> {
    let bands = ctx.age_bands.all();
    bands
        .iter()
        .enumerate()
        .filter(|(_, band)| band.caretaker != CaretakerRule::None)
        .map(|(i, band)| {
            context! {
                required => band.caretaker == CaretakerRule::Required,
                from => band.from_age,
                to => bands.get(i + 1).map(|next| next.from_age - 1),
            }
        })
        .collect()
}

fn request_of(form: &Form, photo: String) -> EnrollmentRequest {
    let address = match form.get("address_kind") {
        "home" => Some(AddressInput {
            line1: non_empty(form, "address_line1"),
            line2: non_empty(form, "address_line2"),
            care_of: None,
            city: non_empty(form, "address_city"),
            postal_code: non_empty(form, "address_postal_code"),
        }),
        "care_of" => Some(AddressInput {
            line1: None,
            line2: None,
            care_of: non_empty(form, "address_care_of"),
            city: non_empty(form, "address_city"),
            postal_code: non_empty(form, "address_postal_code"),
        }),
        _ => None,
    };
    let contact_name = form.get("emergency_name").trim().to_owned();
    let contact_phone = form.get("emergency_phone").trim().to_owned();
    let emergency_contact =
        (!contact_name.is_empty() || !contact_phone.is_empty()).then_some(EmergencyContactInput {
            name: contact_name,
            phone: contact_phone,
        });
    EnrollmentRequest {
        legal_name: form.get("legal_name").to_owned(),
        preferred_name: non_empty(form, "preferred_name"),
        date_of_birth: form.get("date_of_birth").trim().to_owned(),
        gender: non_empty(form, "gender"),
        address,
        languages: ["language_1", "language_2"]
            .iter()
            .filter_map(|name| non_empty(form, name))
            .collect(),
        emergency_contact,
        veteran: form.flag("veteran"),
        organ_donor: form.flag("organ_donor"),
        photo,
        documents: form.all("documents"),
        confirm_not_duplicate: form.flag("confirm_not_duplicate"),
        caretaker: caretaker_of(form),
        confidential: form.flag("confidential"),
        card_language: non_empty(form, "card_language"),
    }
}

/// The photo to keep in the form if it must be shown again: scaled down and re-encoded as the
/// service stores it, so the page stays small; none if it is not a usable photo.
fn retained_photo(ctx: &AppContext, bytes: &[u8]) -> Option<String> {
    ctx.photos
        .normalize(bytes)
        .ok()
        .map(|jpeg| BASE64.encode(jpeg))
}

/// The enrollment form: for staff who serve residents.
pub struct Enrollment;

impl FormFor for Enrollment {
    const PERMISSION: Permission = Permission::ServeResidents;
}

pub async fn submit(posted: PostedWithFile<Enrollment>) -> Result<HttpResponse, PageError> {
    let PostedWithFile {
        viewer,
        actor,
        form,
        files,
        ..
    } = posted;
    let form_lang = form_locale(form.opt("form_lang").as_deref(), &viewer);

    let uploaded = files
        .into_iter()
        .find(|(name, _)| name == "photo")
        .map(|(_, bytes)| bytes);
    let (photo, photo_bytes) = match uploaded {
        Some(bytes) => (BASE64.encode(&bytes), Some(bytes.to_vec())),
        None => {
            let kept = form.get("photo_data").trim().to_owned();
            let bytes = BASE64.decode(kept.as_bytes()).ok();
            (kept, bytes)
        }
    };
    let had_photo = !photo.is_empty();
    let request = request_of(&form, photo);

    let ctx = viewer.ctx.clone();
    let outcome = crate::web::blocking(move || {
        let application = request
            .to_application(&ApplicationRules::of(&ctx))
            .map_err(|e| enrollment::refused(&ctx, &actor, e))?;
        enrollment::enroll(&ctx, &actor, application)
    })
    .await
    .map_err(|e| viewer.internal(e.into()))?;
    let error = match outcome {
        Ok(enrolled) => {
            return Ok(viewer.see_other(&format!("/residents/{}/review", enrolled.resident_id)))
        }
        Err(e) => e,
    };

    let problem = explain(&viewer, error)?;
    let mut filled = Filled {
        checked: form.all("documents"),
        ..Filled::default()
    };
    for name in TEXT_FIELDS {
        filled.values.insert(name, form.get(name).to_owned());
    }
    let mut errors = problem.by_field();
    if !errors.contains_key("photo") {
        filled.photo = photo_bytes
            .as_deref()
            .and_then(|bytes| retained_photo(&viewer.ctx, bytes));
    } else if !had_photo {
        errors.insert("photo".into(), viewer.text("err-photo-missing", &[]));
    }
    if problem.code == "possible_duplicate" {
        filled.duplicate_of = problem.resident_id.clone();
    } else {
        filled.errors = errors;
    }
    render_form(&viewer, problem.status, form_lang, filled)
}
