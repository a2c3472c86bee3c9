//! Resident routes (clerk, supervisor): enroll, read, change, photo, exact search; with what
//! clients send and receive, and the conversions between those and the enrollment service's
//! domain values.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

use crate::context::AppContext;
use crate::domain::age_bands::{Caretaker, Relationship};
use crate::domain::documents::PointsTally;
use crate::domain::resident::{
    no_address_when_confidential, parse_card_language, parse_languages, Address, AddressParts,
    CardFace, DateOfBirth, EmergencyContact, FieldWarning, LanguageTag, PersonName,
};
use crate::domain::staff::Permission;
use crate::services::enrollment::{
    self, parse_address, parse_contact, parse_documents, parse_gender, parse_optional_name,
    parse_photo, Application, ApplicationRules, Enrollment, EnrollmentError, ResidentChanges,
    ResidentRecord, SearchKey,
};
use crate::web::auth::Staff;
use crate::web::json::Json;
use crate::web::ApiError;

// ---------------------------------------------------------------------------------------------
// What clients send and receive.

#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddressInput {
    pub line1: Option<String>,
    pub line2: Option<String>,
    pub care_of: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmergencyContactInput {
    pub name: String,
    pub phone: String,
}

/// Who came with a minor: the class of relationship, and that the clerk checked their identity.
/// No name and no link to another record: there are no fields for them.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CaretakerInput {
    pub relationship: CaretakerRelationship,
    /// Must be true: a caretaker whose identity was not checked is not recorded.
    pub identity_checked: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaretakerRelationship {
    Parent,
    LegalGuardian,
    OtherCaretaker,
}

impl From<CaretakerRelationship> for Relationship {
    fn from(r: CaretakerRelationship) -> Self {
        match r {
            CaretakerRelationship::Parent => Relationship::Parent,
            CaretakerRelationship::LegalGuardian => Relationship::LegalGuardian,
            CaretakerRelationship::OtherCaretaker => Relationship::OtherCaretaker,
        }
    }
}

impl From<Relationship> for CaretakerRelationship {
    fn from(r: Relationship) -> Self {
        match r {
            Relationship::Parent => CaretakerRelationship::Parent,
            Relationship::LegalGuardian => CaretakerRelationship::LegalGuardian,
            Relationship::OtherCaretaker => CaretakerRelationship::OtherCaretaker,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnrollmentRequest {
    #[schema(example = "José Núñez", min_length = 1, max_length = 150)]
    pub legal_name: String,
    #[serde(default)]
    #[schema(min_length = 1, max_length = 150)]
    pub preferred_name: Option<String>,
    #[schema(example = "1990-04-01", format = Date)]
    pub date_of_birth: String,
    /// `F`, `M` or `X`, self-designated; absent prints nothing.
    #[serde(default)]
    #[schema(pattern = "^[FMX]$")]
    pub gender: Option<String>,
    #[serde(default)]
    pub address: Option<AddressInput>,
    /// At most two BCP 47 tags.
    #[serde(default)]
    #[schema(max_items = 2)]
    pub languages: Vec<String>,
    #[serde(default)]
    pub emergency_contact: Option<EmergencyContactInput>,
    #[serde(default)]
    pub veteran: bool,
    #[serde(default)]
    pub organ_donor: bool,
    /// Base64 of a JPEG or PNG.
    #[schema(format = Byte)]
    pub photo: String,
    /// Kinds of document shown, from the configured list.
    #[schema(example = json!(["passport", "utility_bill"]), min_items = 1)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub confirm_not_duplicate: bool,
    /// For a minor: required in an age band that applies with a caretaker (422
    /// `caretaker_required`), refused for an adult (422 `caretaker_not_applicable`).
    #[serde(default)]
    pub caretaker: Option<CaretakerInput>,
    /// A confidential card (asked for by, say, a survivor of violence): no address on it
    /// (with an address, 422 `confidential_no_address`), and it is picked up in person at a
    /// site, never mailed.
    #[serde(default)]
    pub confidential: bool,
    /// A language of the pages (`es`, `zh-Hant`, …) the card's labels and return-if-found
    /// text are printed in beside the card's own; one the card does not offer is 422
    /// `invalid_language`.
    #[serde(default)]
    #[schema(example = "es")]
    pub card_language: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Enrolled {
    pub resident_id: String,
    /// What the clerk should check before issuing a card; always present, empty when none.
    pub warnings: Vec<EnrollmentWarning>,
}

/// An accepted value worth a second look, such as a word that mixes scripts (`mixed_script`).
#[derive(Debug, Serialize, ToSchema)]
pub struct EnrollmentWarning {
    #[schema(example = "mixed_script")]
    pub code: String,
    #[schema(example = "legal_name")]
    pub field: String,
    pub message: String,
}

/// A change of card-face fields. Absent: unchanged; `null`: removed (optional fields only).
#[derive(Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResidentPatch {
    pub legal_name: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub preferred_name: Option<Option<String>>,
    pub date_of_birth: Option<String>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub gender: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<AddressInput>)]
    pub address: Option<Option<AddressInput>>,
    pub languages: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<EmergencyContactInput>)]
    pub emergency_contact: Option<Option<EmergencyContactInput>>,
    pub veteran: Option<bool>,
    pub organ_donor: Option<bool>,
    pub photo: Option<String>,
    /// Record who came with a minor (their identity checked), or `null` to remove it.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<CaretakerInput>)]
    pub caretaker: Option<Option<CaretakerInput>>,
    /// Make the card confidential (the address on record is destroyed with this change) or
    /// not.
    pub confidential: Option<bool>,
    /// The card's second language, or `null` for the card's own language only.
    #[serde(default, deserialize_with = "present")]
    #[schema(value_type = Option<String>)]
    pub card_language: Option<Option<String>>,
}

/// Tells "field absent" (outer `None`) from "field is null" (`Some(None)`).
pub(crate) fn present<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchRequest {
    #[schema(min_length = 1, max_length = 150)]
    pub legal_name: String,
    #[schema(format = Date)]
    pub date_of_birth: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchMatch {
    pub resident_id: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchResult {
    pub matches: Vec<SearchMatch>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AddressView {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub care_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EmergencyContactView {
    pub name: String,
    pub phone: String,
}

/// The card-face fields of a resident (the photo is fetched separately).
#[derive(Debug, Serialize, ToSchema)]
pub struct ResidentView {
    pub resident_id: String,
    pub legal_name: String,
    pub preferred_name: Option<String>,
    pub date_of_birth: NaiveDate,
    pub gender: Option<String>,
    pub address: Option<AddressView>,
    pub languages: Vec<String>,
    pub emergency_contact: Option<EmergencyContactView>,
    pub veteran: bool,
    pub organ_donor: bool,
    pub identity_points_met: bool,
    pub residency_points_met: bool,
    /// Who came with the resident when they applied as a minor; absent when nobody did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caretaker: Option<CaretakerRelationship>,
    /// A confidential card: no address, picked up at a site.
    pub confidential: bool,
    /// The language the card's words are printed in beside the card's own; absent: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card_language: Option<String>,
    pub enrolled_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The day after which this record is destroyed unless a card extends it.
    pub retained_until: NaiveDate,
    /// The code of the site the resident was enrolled at (where the program records sites).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enrolled_site: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Requests into the service's drafts: every field is checked before anything is refused, so
// the clerk sees every problem at once, in form order.

/// The field errors among parse results of different types, in the order given.
macro_rules! field_errors {
    ($($result:expr),+ $(,)?) => {
        [$($result.err()),+].into_iter().flatten().map(EnrollmentError::Invalid)
    };
}

impl AddressInput {
    fn parts(&self) -> AddressParts<'_> {
        let AddressInput {
            line1,
            line2,
            care_of,
            city,
            postal_code,
        } = self;
        AddressParts {
            line1: line1.as_deref(),
            line2: line2.as_deref(),
            care_of: care_of.as_deref(),
            city: city.as_deref(),
            postal_code: postal_code.as_deref(),
        }
    }
}

fn address_of(input: Option<&AddressInput>) -> Result<Option<Address>, crate::domain::FieldError> {
    input.map_or(Ok(None), |a| parse_address(a.parts()))
}

fn contact_of(
    input: Option<&EmergencyContactInput>,
) -> Result<Option<EmergencyContact>, crate::domain::FieldError> {
    input.map(|c| parse_contact(&c.name, &c.phone)).transpose()
}

/// A field's outcome: its value, or what is wrong with it.
type Checked<T> = Result<T, crate::domain::FieldError>;

impl EnrollmentRequest {
    /// The caretaker (for `date_of_birth`'s age band), the card's second language, the
    /// documents' points and the photo, each checked.
    #[allow(clippy::type_complexity)]
    fn checked_extras(
        &self,
        rules: &ApplicationRules<'_>,
        date_of_birth: Option<&DateOfBirth>,
    ) -> (
        (Checked<Option<Caretaker>>, Checked<Option<LanguageTag>>),
        Result<PointsTally, EnrollmentError>,
        Result<Vec<u8>, EnrollmentError>,
    ) {
        let caretaker = self
            .caretaker
            .as_ref()
            .map(|c| (c.relationship.into(), c.identity_checked));
        (
            (
                rules.caretaker(date_of_birth, caretaker),
                parse_card_language(self.card_language.as_deref()),
            ),
            parse_documents(rules.documents, &self.documents),
            parse_photo(rules.photos, &self.photo),
        )
    }

    /// The request as the enrollment service's draft.
    pub fn to_application(
        &self,
        rules: &ApplicationRules<'_>,
    ) -> Result<Application, EnrollmentError> {
        let EnrollmentRequest {
            legal_name,
            preferred_name,
            date_of_birth,
            gender,
            address,
            languages,
            emergency_contact,
            veteran,
            organ_donor,
            photo: _,
            documents: _,
            confirm_not_duplicate,
            caretaker: _,
            confidential,
            card_language: _,
        } = self;
        let parsed = (
            PersonName::parse("legal_name", legal_name),
            parse_optional_name("preferred_name", preferred_name.as_deref()),
            rules.date_of_birth(date_of_birth),
            parse_gender(gender.as_deref()),
            parse_languages(languages),
            contact_of(emergency_contact.as_ref()),
            address_of(address.as_ref()).and_then(|address| {
                no_address_when_confidential(*confidential, address.as_ref()).map(|()| address)
            }),
        );
        let (extras, tally, photo_jpeg) = self.checked_extras(rules, parsed.2.as_ref().ok());
        match (parsed, extras, tally, photo_jpeg) {
            (
                (
                    Ok(legal_name),
                    Ok(preferred_name),
                    Ok(date_of_birth),
                    Ok(gender),
                    Ok(languages),
                    Ok(emergency_contact),
                    Ok(address),
                ),
                (Ok(caretaker), Ok(card_language)),
                Ok(tally),
                Ok(photo_jpeg),
            ) => Ok(Application {
                face: CardFace {
                    legal_name,
                    preferred_name,
                    date_of_birth,
                    gender,
                    languages,
                    emergency_contact,
                    veteran: *veteran,
                    organ_donor: *organ_donor,
                    caretaker: caretaker.map(|c| c.relationship),
                    confidential: *confidential,
                    card_language,
                },
                address,
                tally,
                photo_jpeg,
                confirm_not_duplicate: *confirm_not_duplicate,
            }),
            ((a, b, c, d, e, f, g), (caretaker, card_language), tally, photo_jpeg) => {
                let problems = field_errors!(a, b, c, d, e, f, g, caretaker, card_language);
                Err(EnrollmentError::all(
                    problems
                        .chain(tally.err())
                        .chain(photo_jpeg.err())
                        .collect(),
                ))
            }
        }
    }
}

/// A patch's second language for the card: chosen, or removed (`null`).
fn patched_card_language(
    patch: Option<&Option<String>>,
) -> Result<Option<Option<LanguageTag>>, crate::domain::FieldError> {
    patch
        .map(|language| parse_card_language(language.as_deref()))
        .transpose()
}

/// A patch's address: a new one, or removed (`null`).
fn patched_address(
    patch: Option<&Option<AddressInput>>,
) -> Result<Option<Option<Address>>, crate::domain::FieldError> {
    patch.map(|input| address_of(input.as_ref())).transpose()
}

/// A patch's caretaker: recorded (their identity checked) or removed. Only the identity check
/// here; the age band's rule applies to the whole record, in the service (the date of birth
/// may not be in this patch).
fn patched_caretaker(
    patch: Option<&Option<CaretakerInput>>,
) -> Result<Option<Option<Caretaker>>, crate::domain::FieldError> {
    patch
        .map(|described| {
            described
                .as_ref()
                .map(|c| Caretaker::checked(c.relationship.into(), c.identity_checked))
                .transpose()
        })
        .transpose()
}

impl ResidentPatch {
    /// The patch's caretaker, second language for the card and new photo (normalised), each
    /// checked when the patch has it.
    #[allow(clippy::type_complexity)]
    fn checked_extras(
        &self,
        rules: &ApplicationRules<'_>,
    ) -> (
        (
            Checked<Option<Option<Caretaker>>>,
            Checked<Option<Option<LanguageTag>>>,
        ),
        Result<Option<Vec<u8>>, EnrollmentError>,
    ) {
        let photo = self
            .photo
            .as_deref()
            .map(|encoded| parse_photo(rules.photos, encoded))
            .transpose();
        (
            (
                patched_caretaker(self.caretaker.as_ref()),
                patched_card_language(self.card_language.as_ref()),
            ),
            photo,
        )
    }

    /// The patch as the enrollment service's draft of changes.
    pub fn to_changes(
        &self,
        rules: &ApplicationRules<'_>,
    ) -> Result<ResidentChanges, EnrollmentError> {
        let ResidentPatch {
            legal_name,
            preferred_name,
            date_of_birth,
            gender,
            address,
            languages,
            emergency_contact,
            veteran,
            organ_donor,
            photo: _,
            caretaker: _,
            confidential,
            card_language: _,
        } = self;
        let parsed = (
            legal_name
                .as_deref()
                .map(|name| PersonName::parse("legal_name", name))
                .transpose(),
            preferred_name
                .as_ref()
                .map(|name| parse_optional_name("preferred_name", name.as_deref()))
                .transpose(),
            date_of_birth
                .as_deref()
                .map(|dob| rules.date_of_birth(dob))
                .transpose(),
            gender
                .as_ref()
                .map(|gender| parse_gender(gender.as_deref()))
                .transpose(),
            languages.as_deref().map(parse_languages).transpose(),
            emergency_contact
                .as_ref()
                .map(|contact| contact_of(contact.as_ref()))
                .transpose(),
            patched_address(address.as_ref()),
        );
        let (extras, photo_jpeg) = self.checked_extras(rules);
        match (parsed, extras, photo_jpeg) {
            (
                (
                    Ok(legal_name),
                    Ok(preferred_name),
                    Ok(date_of_birth),
                    Ok(gender),
                    Ok(languages),
                    Ok(emergency_contact),
                    Ok(address),
                ),
                (Ok(caretaker), Ok(card_language)),
                Ok(photo_jpeg),
            ) => Ok(ResidentChanges {
                legal_name,
                preferred_name,
                date_of_birth,
                gender,
                address,
                languages,
                emergency_contact,
                veteran: *veteran,
                organ_donor: *organ_donor,
                caretaker,
                confidential: *confidential,
                card_language,
                photo_jpeg,
            }),
            ((a, b, c, d, e, f, g), (caretaker, card_language), photo_jpeg) => {
                let problems = field_errors!(a, b, c, d, e, f, g, caretaker, card_language);
                Err(EnrollmentError::all(
                    problems.chain(photo_jpeg.err()).collect(),
                ))
            }
        }
    }
}

impl SearchRequest {
    /// The request as the search's key.
    pub fn to_key(&self, today: NaiveDate) -> Result<SearchKey, EnrollmentError> {
        let SearchRequest {
            legal_name,
            date_of_birth,
        } = self;
        let legal_name = PersonName::parse("legal_name", legal_name);
        // No minimum age here: a search must find whoever was enrolled, even under an older
        // policy.
        let date_of_birth = DateOfBirth::parse(date_of_birth, today, 0);
        match (legal_name, date_of_birth) {
            (Ok(legal_name), Ok(date_of_birth)) => Ok(SearchKey {
                legal_name,
                date_of_birth,
            }),
            (a, b) => Err(EnrollmentError::all(field_errors!(a, b).collect())),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The service's results as answers.

impl From<FieldWarning> for EnrollmentWarning {
    fn from(warning: FieldWarning) -> Self {
        let FieldWarning {
            code,
            field,
            message,
        } = warning;
        Self {
            code: code.to_owned(),
            field: field.to_owned(),
            message,
        }
    }
}

impl From<Enrollment> for Enrolled {
    fn from(enrollment: Enrollment) -> Self {
        let Enrollment {
            resident_id,
            warnings,
        } = enrollment;
        Self {
            resident_id,
            warnings: warnings.into_iter().map(EnrollmentWarning::from).collect(),
        }
    }
}

impl From<Address> for AddressView {
    fn from(address: Address) -> Self {
        match address {
            Address::Home {
                line1,
                line2,
                city,
                postal_code,
            } => AddressView {
                line1: Some(line1),
                line2,
                care_of: None,
                city,
                postal_code,
            },
            Address::CareOf {
                care_of,
                city,
                postal_code,
            } => AddressView {
                line1: None,
                line2: None,
                care_of: Some(care_of),
                city,
                postal_code,
            },
        }
    }
}

impl From<ResidentRecord> for ResidentView {
    fn from(record: ResidentRecord) -> Self {
        let ResidentRecord {
            resident_id,
            face,
            address,
            identity_points_met,
            residency_points_met,
            enrolled_at,
            updated_at,
            retained_until,
            enrolled_site,
        } = record;
        let CardFace {
            legal_name,
            preferred_name,
            date_of_birth,
            gender,
            languages,
            emergency_contact,
            veteran,
            organ_donor,
            caretaker,
            confidential,
            card_language,
        } = face;
        Self {
            resident_id,
            legal_name: legal_name.as_str().to_owned(),
            preferred_name: preferred_name.map(|n| n.as_str().to_owned()),
            date_of_birth: date_of_birth.date(),
            gender: gender.map(|g| format!("{g:?}")),
            address: address.map(AddressView::from),
            languages: languages.iter().map(|l| l.as_str().to_owned()).collect(),
            emergency_contact: emergency_contact.map(|c| EmergencyContactView {
                name: c.name.as_str().to_owned(),
                phone: c.phone.as_str().to_owned(),
            }),
            veteran,
            organ_donor,
            identity_points_met,
            residency_points_met,
            caretaker: caretaker.map(CaretakerRelationship::from),
            confidential,
            card_language: card_language.map(|l| l.as_str().to_owned()),
            enrolled_at,
            updated_at,
            retained_until,
            enrolled_site,
        }
    }
}

fn search_result(ids: Vec<String>) -> SearchResult {
    SearchResult {
        matches: ids
            .into_iter()
            .map(|resident_id| SearchMatch { resident_id })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// The routes.

/// Resident ids are UUIDs; anything else cannot name a record.
pub fn resident_id(raw: String) -> Result<String, ApiError> {
    uuid::Uuid::parse_str(&raw)
        .map(|u| u.to_string())
        .map_err(|_| ApiError::not_found())
}

/// Enroll a resident.
#[utoipa::path(post, path = "/api/v1/residents", tag = "residents", request_body = EnrollmentRequest,
    responses((status = 201, body = Enrolled),
              (status = 400, description = "malformed_json, unknown_field, missing_field"),
              (status = 409, description = "possible_duplicate; site_required, site_closed: the session has no open site to record the enrollment at"),
              (status = 413, description = "payload_too_large, photo_too_large"),
              (status = 415, description = "unsupported_photo_format"),
              (status = 422, description = "insufficient_proof, unknown_document_kind, invalid_date, below_minimum_age, caretaker_required, caretaker_identity_unchecked, caretaker_not_applicable, invalid_name, invalid_characters (with `field` and a 1-based character `position`), ...")),
    security(("bearer" = [])))]
pub async fn enroll(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: Json<EnrollmentRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let request = body.into_inner();
    let enrolled = crate::web::blocking(move || {
        let application = request
            .to_application(&ApplicationRules::of(&ctx))
            .map_err(|e| enrollment::refused(&ctx, &actor, e))?;
        enrollment::enroll(&ctx, &actor, application)
    })
    .await??;
    Ok(HttpResponse::Created().json(Enrolled::from(enrolled)))
}

/// A resident's card-face fields (no photo bytes).
#[utoipa::path(get, path = "/api/v1/residents/{id}", tag = "residents", params(("id" = String, Path)),
    responses((status = 200, body = ResidentView), (status = 404),
              (status = 410, description = "resident_data_destroyed: the record's keys were destroyed")),
    security(("bearer" = [])))]
pub async fn get(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let id = resident_id(path.into_inner())?;
    let record = crate::web::blocking(move || enrollment::get(&ctx, &actor, &id)).await??;
    Ok(HttpResponse::Ok().json(ResidentView::from(record)))
}

/// Change card-face fields (a name change, a new address). `null` removes an optional field.
#[utoipa::path(patch, path = "/api/v1/residents/{id}", tag = "residents", params(("id" = String, Path)),
    request_body = ResidentPatch,
    responses((status = 200, body = ResidentView), (status = 404),
              (status = 409, description = "changed_meanwhile, under_legal_hold: a legal hold covers the record and nothing of it may be replaced"),
              (status = 410, description = "resident_data_destroyed"),
              (status = 422, description = "invalid_date, invalid_name, ..., caretaker_required (a date of birth in a band that applies with a caretaker, none recorded), caretaker_identity_unchecked")),
    security(("bearer" = [])))]
pub async fn update(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: Json<ResidentPatch>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let id = resident_id(path.into_inner())?;
    let patch = body.into_inner();
    let record = crate::web::blocking(move || {
        let changes = patch.to_changes(&ApplicationRules::of(&ctx))?;
        enrollment::update(&ctx, &actor, &id, changes)
    })
    .await??;
    Ok(HttpResponse::Ok().json(ResidentView::from(record)))
}

/// The resident's photo, as the JPEG the card prints.
#[utoipa::path(get, path = "/api/v1/residents/{id}/photo", tag = "residents", params(("id" = String, Path)),
    responses((status = 200, content_type = "image/jpeg", body = Vec<u8>), (status = 404),
              (status = 410, description = "resident_data_destroyed")),
    security(("bearer" = [])))]
pub async fn photo(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let id = resident_id(path.into_inner())?;
    let jpeg = crate::web::blocking(move || enrollment::photo(&ctx, &actor, &id)).await??;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "image/jpeg"))
        .insert_header((header::CACHE_CONTROL, "no-store, private"))
        .body(jpeg))
}

/// Exact match on legal name and date of birth. A POST, so no name reaches a URL or a log.
#[utoipa::path(post, path = "/api/v1/residents/search", tag = "residents", request_body = SearchRequest,
    responses((status = 200, body = SearchResult), (status = 422)), security(("bearer" = [])))]
pub async fn search(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: Json<SearchRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let request = body.into_inner();
    let ids = crate::web::blocking(move || {
        let key = request.to_key(ctx.clock.today())?;
        enrollment::search(&ctx, &actor, &key)
    })
    .await??;
    Ok(HttpResponse::Ok().json(search_result(ids)))
}
