//! Enrollment and the resident record: enroll (points check, duplicate check), read, change,
//! photo, exact search. Every personal value is sealed under the resident's data key before it
//! reaches the database, and every read or change is audited in the same transaction.

use base64::alphabet::STANDARD as STANDARD_ALPHABET;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use utoipa::ToSchema;

use super::vault::{self, candidate_indexes, VaultError};
use super::{audit, Actor};
use crate::context::AppContext;
use crate::db::residents::{self as store, ResidentRow};
use crate::domain::documents::{DocumentError, DocumentPolicy, PointsTally};
use crate::domain::resident::{
    parse_languages, Address, AddressParts, CardFace, DateOfBirth, EmergencyContact, Gender,
    PersonName, PhoneNumber,
};
use crate::domain::FieldError;
use crate::error::Internal;
use crate::render::photo::{PhotoError, PhotoNormalizer};
use crate::telemetry::Metrics;

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
}

/// Tells "field absent" (outer `None`) from "field is null" (`Some(None)`).
fn present<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
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

impl AddressView {
    /// The domain address it shows: a care-of line, or a home address.
    pub fn to_address(&self) -> Option<Address> {
        match (&self.care_of, &self.line1) {
            (Some(care_of), _) => Some(Address::CareOf {
                care_of: care_of.clone(),
                city: self.city.clone(),
                postal_code: self.postal_code.clone(),
            }),
            (None, Some(line1)) => Some(Address::Home {
                line1: line1.clone(),
                line2: self.line2.clone(),
                city: self.city.clone(),
                postal_code: self.postal_code.clone(),
            }),
            (None, None) => None,
        }
    }
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
    pub enrolled_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The day after which this record is destroyed unless a card extends it.
    pub retained_until: NaiveDate,
}

// ---------------------------------------------------------------------------------------------
// Errors.

#[derive(Debug, thiserror::Error)]
pub enum EnrollmentError {
    #[error("{0}")]
    Invalid(FieldError),
    #[error("{0}")]
    Photo(PhotoError),
    #[error("the photo is not valid base64")]
    PhotoNotBase64,
    #[error(transparent)]
    Documents(DocumentError),
    #[error("the documents shown do not meet the requirement")]
    InsufficientProof(PointsTally),
    #[error("a resident with the same legal name and date of birth exists")]
    PossibleDuplicate { resident_id: String },
    #[error("no such resident")]
    NotFound,
    /// The record's keys were destroyed (a row restored from a copy after its purge).
    #[error("the resident's data was destroyed")]
    Destroyed,
    /// Another change moved the record while this one was being prepared.
    #[error("the record changed meanwhile")]
    ChangedMeanwhile,
    /// More than one problem with the input, in form order; never fewer than two.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Several(Vec<EnrollmentError>),
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<FieldError> for EnrollmentError {
    fn from(e: FieldError) -> Self {
        EnrollmentError::Invalid(e)
    }
}

impl EnrollmentError {
    /// Every problem found in one request, in form order, so a clerk fixes them all in one go.
    /// The first one is the answer's code.
    fn all(mut problems: Vec<EnrollmentError>) -> Self {
        if problems.len() == 1 {
            problems.remove(0)
        } else {
            EnrollmentError::Several(problems)
        }
    }
}

impl From<diesel::result::Error> for EnrollmentError {
    fn from(e: diesel::result::Error) -> Self {
        EnrollmentError::Internal(e.into())
    }
}

impl From<VaultError> for EnrollmentError {
    fn from(e: VaultError) -> Self {
        match e {
            VaultError::Destroyed => EnrollmentError::Destroyed,
            VaultError::Corrupt(cause) | VaultError::Internal(cause) => {
                EnrollmentError::Internal(cause)
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing input into domain values.

/// The field errors among parse results of different types, in the order given.
macro_rules! field_errors {
    ($($result:expr),+ $(,)?) => {
        [$($result.err()),+].into_iter().flatten().map(EnrollmentError::Invalid)
    };
}

const LENIENT_BASE64: GeneralPurpose = GeneralPurpose::new(
    &STANDARD_ALPHABET,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Decodes a base64 photo (a `data:` URL prefix is allowed) and normalises it.
fn parse_photo(photos: &PhotoNormalizer, encoded: &str) -> Result<Vec<u8>, EnrollmentError> {
    let limits = photos.limits();
    let payload = match encoded.split_once(";base64,") {
        Some((prefix, rest)) if prefix.starts_with("data:") => rest,
        _ => encoded,
    };
    if payload.len() / 4 * 3 > limits.max_bytes + 3 {
        return Err(EnrollmentError::Photo(PhotoError::TooLarge(
            limits.max_bytes,
        )));
    }
    // Line breaks (some encoders wrap base64) are dropped; a photo without any, the usual
    // case, is decoded in place rather than copied first.
    let bytes = if payload.bytes().any(|b| b.is_ascii_whitespace()) {
        let compact: Vec<u8> = payload
            .bytes()
            .filter(|b| !b.is_ascii_whitespace())
            .collect();
        LENIENT_BASE64.decode(compact)
    } else {
        LENIENT_BASE64.decode(payload)
    }
    .map_err(|_| EnrollmentError::PhotoNotBase64)?;
    photos.normalize(&bytes).map_err(EnrollmentError::Photo)
}

fn parse_gender(raw: Option<&str>) -> Result<Option<Gender>, FieldError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(g) => Gender::parse(g).map(Some),
    }
}

fn parse_address(input: Option<&AddressInput>) -> Result<Option<Address>, FieldError> {
    let Some(a) = input else { return Ok(None) };
    let all_empty = [&a.line1, &a.line2, &a.care_of, &a.city, &a.postal_code]
        .iter()
        .all(|v| v.as_deref().map(str::trim).unwrap_or("").is_empty());
    if all_empty {
        return Ok(None);
    }
    Address::parse(AddressParts {
        line1: a.line1.as_deref(),
        line2: a.line2.as_deref(),
        care_of: a.care_of.as_deref(),
        city: a.city.as_deref(),
        postal_code: a.postal_code.as_deref(),
    })
    .map(Some)
}

fn parse_contact(
    input: Option<&EmergencyContactInput>,
) -> Result<Option<EmergencyContact>, FieldError> {
    input
        .map(|c| {
            Ok(EmergencyContact {
                name: PersonName::parse("emergency_contact.name", &c.name)?,
                phone: PhoneNumber::parse(&c.phone)?,
            })
        })
        .transpose()
}

fn parse_optional_name(
    field: &'static str,
    raw: Option<&str>,
) -> Result<Option<PersonName>, FieldError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(name) => PersonName::parse(field, name).map(Some),
    }
}

/// What parsing an application depends on besides the request itself: the day, the policy's
/// minimum age, the document policy and the photo normaliser. No database, no keys.
pub struct ApplicationRules<'a> {
    pub today: NaiveDate,
    pub minimum_age_years: u32,
    pub documents: &'a DocumentPolicy,
    pub photos: &'a PhotoNormalizer,
}

impl<'a> ApplicationRules<'a> {
    pub fn of(ctx: &'a AppContext) -> Self {
        Self {
            today: ctx.clock.today(),
            minimum_age_years: ctx.config.enrollment.minimum_age_years,
            documents: &ctx.documents,
            photos: &ctx.photos,
        }
    }

    fn date_of_birth(&self, raw: &str) -> Result<DateOfBirth, FieldError> {
        DateOfBirth::parse(raw, self.today, self.minimum_age_years)
    }
}

/// An enrollment request whose every field is valid, as domain values.
pub struct Application {
    pub face: CardFace,
    pub address: Option<Address>,
    pub tally: PointsTally,
    /// The normalised photo: JPEG, upright, card-sized, without metadata.
    pub photo_jpeg: Vec<u8>,
}

/// Parses a whole enrollment request. Everything is checked before anything is refused, so the
/// clerk sees every problem at once.
pub fn parse_application(
    request: &EnrollmentRequest,
    rules: &ApplicationRules<'_>,
) -> Result<Application, EnrollmentError> {
    let mut problems: Vec<EnrollmentError> = Vec::new();
    let parsed = (
        PersonName::parse("legal_name", &request.legal_name),
        parse_optional_name("preferred_name", request.preferred_name.as_deref()),
        rules.date_of_birth(&request.date_of_birth),
        parse_gender(request.gender.as_deref()),
        parse_languages(&request.languages),
        parse_contact(request.emergency_contact.as_ref()),
        parse_address(request.address.as_ref()),
    );
    let fields = match parsed {
        (
            Ok(legal_name),
            Ok(preferred_name),
            Ok(date_of_birth),
            Ok(gender),
            Ok(languages),
            Ok(emergency_contact),
            Ok(address),
        ) => Some((
            CardFace {
                legal_name,
                preferred_name,
                date_of_birth,
                gender,
                languages,
                emergency_contact,
                veteran: request.veteran,
                organ_donor: request.organ_donor,
            },
            address,
        )),
        (a, b, c, d, e, f, g) => {
            problems.extend(field_errors!(a, b, c, d, e, f, g));
            None
        }
    };
    let tally = match rules.documents.tally(&request.documents) {
        Ok(tally) if tally.sufficient() => Some(tally),
        Ok(tally) => {
            problems.push(EnrollmentError::InsufficientProof(tally));
            None
        }
        Err(e) => {
            problems.push(EnrollmentError::Documents(e));
            None
        }
    };
    let photo_jpeg = match parse_photo(rules.photos, &request.photo) {
        Ok(jpeg) => Some(jpeg),
        Err(e) => {
            problems.push(e);
            None
        }
    };
    match (fields, tally, photo_jpeg) {
        (Some((face, address)), Some(tally), Some(photo_jpeg)) => Ok(Application {
            face,
            address,
            tally,
            photo_jpeg,
        }),
        _ => Err(EnrollmentError::all(problems)),
    }
}

// ---------------------------------------------------------------------------------------------
// The use cases.

pub fn enroll(
    ctx: &AppContext,
    actor: &Actor,
    request: EnrollmentRequest,
) -> Result<Enrolled, EnrollmentError> {
    let Application {
        face,
        address,
        tally,
        photo_jpeg,
    } = parse_application(&request, &ApplicationRules::of(ctx))?;
    let warnings = face
        .warnings()
        .into_iter()
        .map(|w| EnrollmentWarning {
            code: w.code.to_owned(),
            field: w.field.to_owned(),
            message: w.message,
        })
        .collect();

    let now = ctx.clock.now();
    let id = uuid::Uuid::new_v4().to_string();
    let destroy_after =
        ctx.clock.today() + TimeDelta::days(i64::from(ctx.config.retention.unissued_days));
    let epoch = vault::target_epoch(ctx, destroy_after)?;
    let sealed = vault::seal_record(ctx, &id, epoch, &face, &photo_jpeg, address.as_ref())?;
    let row = ResidentRow {
        id: id.clone(),
        key_epoch: sealed.placement.key_epoch,
        key_version: sealed.placement.key_version,
        wrapped_key: sealed.placement.wrapped_key,
        blind_index: sealed.placement.blind_index,
        face: sealed.face,
        address: sealed.address,
        identity_points_met: tally.identity_met(),
        residency_points_met: tally.residency_met(),
        enrolled_by: actor.staff_id.clone(),
        enrolled_at: now.naive_utc(),
        updated_at: now.naive_utc(),
        destroy_after,
        address_updated_at: address.as_ref().map(|_| now.naive_utc()),
        address_key: sealed.placement.address_key,
    };
    let sealed_photo = sealed.photo;
    let probes = candidate_indexes(ctx, &face.legal_name, &face.date_of_birth)?;

    let mut conn = ctx.db()?;
    let outcome = crate::db::transaction::<_, EnrollmentError, _>(&mut conn, |conn| {
        store::insert(conn, &row, &sealed_photo)?;
        // The chain head serialises enrollments (on SQLite the whole transaction holds the
        // write lock from its start): two clerks enrolling the same person at once cannot both
        // miss each other.
        audit::record(conn, now, &actor.staff_id, "resident.enroll", Some(&id))?;
        let existing = store::ids_by_blind_index(conn, &probes)?
            .into_iter()
            .find(|other| *other != id);
        if let (Some(existing), false) = (existing, request.confirm_not_duplicate) {
            return Err(EnrollmentError::PossibleDuplicate {
                resident_id: existing,
            });
        }
        Ok(())
    });
    if let Err(EnrollmentError::PossibleDuplicate { resident_id }) = &outcome {
        // The refused enrollment rolled back with its entry, but the answer names an existing
        // resident to this clerk: a read of its own, recorded apart so that it stays.
        audit::record_alone(
            &mut conn,
            now,
            &actor.staff_id,
            "resident.duplicate_shown",
            Some(resident_id),
        )?;
    }
    outcome?;
    Metrics::bump(&ctx.metrics.enrollments);
    tracing::info!(event = "resident_enrolled", "a resident was enrolled");
    Ok(Enrolled {
        resident_id: id,
        warnings,
    })
}

fn view(ctx: &AppContext, row: &ResidentRow) -> Result<ResidentView, EnrollmentError> {
    let (_, face) = vault::open_face(ctx, row)?;
    let address = vault::address_of(ctx, row)?;
    Ok(ResidentView {
        resident_id: row.id.clone(),
        legal_name: face.legal_name.as_str().to_owned(),
        preferred_name: face.preferred_name.map(|n| n.as_str().to_owned()),
        date_of_birth: face.date_of_birth.date(),
        gender: face.gender.map(|g| format!("{g:?}")),
        address: address.map(|a| match a {
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
        }),
        languages: face
            .languages
            .iter()
            .map(|l| l.as_str().to_owned())
            .collect(),
        emergency_contact: face.emergency_contact.map(|c| EmergencyContactView {
            name: c.name.as_str().to_owned(),
            phone: c.phone.as_str().to_owned(),
        }),
        veteran: face.veteran,
        organ_donor: face.organ_donor,
        identity_points_met: row.identity_points_met,
        residency_points_met: row.residency_points_met,
        enrolled_at: row.enrolled_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
        retained_until: row.destroy_after,
    })
}

/// Loads a resident inside an audited transaction.
fn audited_load(
    ctx: &AppContext,
    actor: &Actor,
    id: &str,
    action: &'static str,
) -> Result<ResidentRow, EnrollmentError> {
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, EnrollmentError, _>(&mut conn, |conn| {
        let row = store::find(conn, id)?.ok_or(EnrollmentError::NotFound)?;
        audit::record(conn, now, &actor.staff_id, action, Some(id))?;
        Ok(row)
    })
}

pub fn get(ctx: &AppContext, actor: &Actor, id: &str) -> Result<ResidentView, EnrollmentError> {
    let row = audited_load(ctx, actor, id, "resident.read")?;
    Metrics::bump(&ctx.metrics.resident_reads);
    view(ctx, &row)
}

pub fn photo(ctx: &AppContext, actor: &Actor, id: &str) -> Result<Vec<u8>, EnrollmentError> {
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    let (row, sealed) = crate::db::transaction::<_, EnrollmentError, _>(&mut conn, |conn| {
        let row = store::find(conn, id)?.ok_or(EnrollmentError::NotFound)?;
        let sealed = store::find_photo(conn, id)?.ok_or(EnrollmentError::NotFound)?;
        audit::record(conn, now, &actor.staff_id, "resident.photo_read", Some(id))?;
        Ok((row, sealed))
    })?;
    Metrics::bump(&ctx.metrics.resident_reads);
    let key = vault::data_key_of(ctx, &row)?;
    Ok(vault::open_photo(&key, id, &sealed)?)
}

pub fn search(
    ctx: &AppContext,
    actor: &Actor,
    request: &SearchRequest,
) -> Result<SearchResult, EnrollmentError> {
    let name = PersonName::parse("legal_name", &request.legal_name)?;
    // No minimum age here: a search must find whoever was enrolled, even under an older policy.
    let dob = DateOfBirth::parse(&request.date_of_birth, ctx.clock.today(), 0)?;
    let probes = candidate_indexes(ctx, &name, &dob)?;
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    let ids = crate::db::transaction::<_, EnrollmentError, _>(&mut conn, |conn| {
        let ids = store::ids_by_blind_index(conn, &probes)?;
        let subject = (!ids.is_empty()).then(|| ids.join(","));
        audit::record(
            conn,
            now,
            &actor.staff_id,
            "resident.search",
            subject.as_deref(),
        )?;
        Ok(ids)
    })?;
    Ok(SearchResult {
        matches: ids
            .into_iter()
            .map(|resident_id| SearchMatch { resident_id })
            .collect(),
    })
}

pub fn update(
    ctx: &AppContext,
    actor: &Actor,
    id: &str,
    patch: ResidentPatch,
) -> Result<ResidentView, EnrollmentError> {
    let rules = ApplicationRules::of(ctx);
    let mut conn = ctx.db()?;
    let row = store::find(&mut conn, id)?.ok_or(EnrollmentError::NotFound)?;
    let (key, mut face) = vault::open_face(ctx, &row)?;
    // Every changed field is parsed before any error is returned, as in `enroll`.
    let parsed = (
        patch
            .legal_name
            .as_deref()
            .map(|name| PersonName::parse("legal_name", name))
            .transpose(),
        patch
            .preferred_name
            .as_ref()
            .map(|name| parse_optional_name("preferred_name", name.as_deref()))
            .transpose(),
        patch
            .date_of_birth
            .as_deref()
            .map(|dob| rules.date_of_birth(dob))
            .transpose(),
        patch
            .gender
            .as_ref()
            .map(|gender| parse_gender(gender.as_deref()))
            .transpose(),
        patch.languages.as_deref().map(parse_languages).transpose(),
        patch
            .emergency_contact
            .as_ref()
            .map(|contact| parse_contact(contact.as_ref()))
            .transpose(),
        patch
            .address
            .as_ref()
            .map(|input| parse_address(input.as_ref()))
            .transpose(),
    );
    let address = match parsed {
        (
            Ok(legal_name),
            Ok(preferred_name),
            Ok(date_of_birth),
            Ok(gender),
            Ok(languages),
            Ok(contact),
            Ok(address),
        ) => {
            if let Some(value) = legal_name {
                face.legal_name = value;
            }
            if let Some(value) = preferred_name {
                face.preferred_name = value;
            }
            if let Some(value) = date_of_birth {
                face.date_of_birth = value;
            }
            if let Some(value) = gender {
                face.gender = value;
            }
            if let Some(value) = languages {
                face.languages = value;
            }
            if let Some(value) = contact {
                face.emergency_contact = value;
            }
            address
        }
        (a, b, c, d, e, f, g) => {
            let mut problems: Vec<EnrollmentError> = field_errors!(a, b, c, d, e, f, g).collect();
            if let Some(Err(photo)) = patch.photo.as_deref().map(|p| parse_photo(rules.photos, p)) {
                problems.push(photo);
            }
            return Err(EnrollmentError::all(problems));
        }
    };
    if let Some(veteran) = patch.veteran {
        face.veteran = veteran;
    }
    if let Some(organ_donor) = patch.organ_donor {
        face.organ_donor = organ_donor;
    }
    let photo_jpeg = match patch.photo.as_deref() {
        Some(encoded) => parse_photo(rules.photos, encoded)?,
        None => {
            let sealed = store::find_photo(&mut conn, id)?.ok_or(EnrollmentError::NotFound)?;
            vault::open_photo(&key, id, &sealed)?
        }
    };
    let now = ctx.clock.now();
    let (address, address_updated_at) = match address {
        None => (vault::address_of(ctx, &row)?, row.address_updated_at),
        Some(new) => {
            let set_at = new.as_ref().map(|_| now.naive_utc());
            (new, set_at)
        }
    };
    // The whole record under fresh keys: the values it replaces, in any older copy, can no
    // longer be opened with the live key, and die with that copy's epoch.
    let epoch = vault::target_epoch(ctx, row.destroy_after)?;
    let sealed = vault::seal_record(ctx, id, epoch, &face, &photo_jpeg, address.as_ref())?;
    crate::db::transaction::<_, EnrollmentError, _>(&mut conn, |conn| {
        audit::record(conn, now, &actor.staff_id, "resident.update", Some(id))?;
        // The answer is the decrypted record.
        audit::record(conn, now, &actor.staff_id, "resident.update_read", Some(id))?;
        if store::replace_sealed(conn, &row, &sealed, address_updated_at, now.naive_utc())? == 0 {
            return Err(match store::find(conn, id)? {
                Some(_) => EnrollmentError::ChangedMeanwhile,
                None => EnrollmentError::NotFound,
            });
        }
        Ok(())
    })?;
    let row = store::find(&mut conn, id)?.ok_or(EnrollmentError::NotFound)?;
    view(ctx, &row)
}
