//! Enrollment and the resident record: enroll (points check, duplicate check), read, change,
//! photo, exact search. Every personal value is sealed under the resident's data key before it
//! reaches the database, and every read or change is audited in the same transaction.

use base64::alphabet::STANDARD as STANDARD_ALPHABET;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use base64::Engine;
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};

use super::sites::{self, SiteError};
use super::vault::{self, candidate_indexes, VaultError};
use super::{audit, Actor};
use crate::context::AppContext;
use crate::db::residents::{self as store, ResidentRow, SealedRecord};
use crate::db::DbConnection;
use crate::domain::age_bands::{check_caretaker, AgeBands, Caretaker, Relationship};
use crate::domain::documents::{DocumentError, DocumentPolicy, PointsTally};
use crate::domain::program_counts::{Counted, DENIAL_REASONS};
use crate::domain::resident::{
    no_address_when_confidential, Address, AddressParts, CardFace, DateOfBirth, EmergencyContact,
    FieldWarning, Gender, LanguageTag, PersonName, PhoneNumber,
};
use crate::domain::FieldError;
use crate::error::{ErrorCode, Internal};
use crate::render::photo::{PhotoError, PhotoNormalizer};
use crate::telemetry::Metrics;

// ---------------------------------------------------------------------------------------------
// What the use cases take and give: domain values (the API's wire types are in `web::api`).

/// An enrollment request whose every field is valid, as domain values.
pub struct Application {
    pub face: CardFace,
    pub address: Option<Address>,
    pub tally: PointsTally,
    /// The normalised photo: JPEG, upright, card-sized, without metadata.
    pub photo_jpeg: Vec<u8>,
    /// The clerk has checked that a resident with the same legal name and date of birth is
    /// someone else.
    pub confirm_not_duplicate: bool,
}

/// A change of card-face fields whose every value is valid. `None`: unchanged; `Some(None)`:
/// removed (optional fields only).
pub struct ResidentChanges {
    pub legal_name: Option<PersonName>,
    pub preferred_name: Option<Option<PersonName>>,
    pub date_of_birth: Option<DateOfBirth>,
    pub gender: Option<Option<Gender>>,
    pub address: Option<Option<Address>>,
    pub languages: Option<Vec<LanguageTag>>,
    pub emergency_contact: Option<Option<EmergencyContact>>,
    pub veteran: Option<bool>,
    pub organ_donor: Option<bool>,
    /// A caretaker recorded (their identity checked) or removed.
    pub caretaker: Option<Option<Caretaker>>,
    /// The card made confidential (no address, picked up at a site) or not.
    pub confidential: Option<bool>,
    /// A second language for the card's words chosen, or removed.
    pub card_language: Option<Option<LanguageTag>>,
    /// A new photo, normalised as at enrollment.
    pub photo_jpeg: Option<Vec<u8>>,
}

/// What an exact search matches: the legal name and the date of birth.
pub struct SearchKey {
    pub legal_name: PersonName,
    pub date_of_birth: DateOfBirth,
}

/// A resident just enrolled.
#[derive(Debug)]
pub struct Enrollment {
    pub resident_id: String,
    /// What the clerk should check before issuing a card.
    pub warnings: Vec<FieldWarning>,
}

/// A resident's record, decrypted: the card face and address, and what the service keeps
/// beside them (the photo is read separately).
#[derive(Debug)]
pub struct ResidentRecord {
    pub resident_id: String,
    pub face: CardFace,
    pub address: Option<Address>,
    pub identity_points_met: bool,
    pub residency_points_met: bool,
    pub enrolled_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The day after which this record is destroyed unless a card extends it.
    pub retained_until: NaiveDate,
    /// The site (code) the resident was enrolled at, where the program records sites.
    pub enrolled_site: Option<String>,
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
    /// A legal hold covers the record: what a change would replace must be kept.
    #[error("a legal hold covers the record")]
    UnderLegalHold,
    /// A card of the resident waits to be mailed to the address: the card cannot become
    /// confidential before that card is revoked.
    #[error("a card waits to be mailed")]
    CardAwaitingMail,
    /// The session has no site to record the enrollment at, or its site is closed.
    #[error(transparent)]
    Site(#[from] SiteError),
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
    pub fn all(mut problems: Vec<EnrollmentError>) -> Self {
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
// The rules for each field, for the conversions that build the drafts above from what a client
// or a form sent (`web::api::residents`).

const LENIENT_BASE64: GeneralPurpose = GeneralPurpose::new(
    &STANDARD_ALPHABET,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Decodes a base64 photo (a `data:` URL prefix is allowed) and normalises it.
pub fn parse_photo(photos: &PhotoNormalizer, encoded: &str) -> Result<Vec<u8>, EnrollmentError> {
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

/// A gender marker; blank is none.
pub fn parse_gender(raw: Option<&str>) -> Result<Option<Gender>, FieldError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(g) => Gender::parse(g).map(Some),
    }
}

/// An address from its parts; all blank is none.
pub fn parse_address(parts: AddressParts<'_>) -> Result<Option<Address>, FieldError> {
    let all_empty = [
        parts.line1,
        parts.line2,
        parts.care_of,
        parts.city,
        parts.postal_code,
    ]
    .iter()
    .all(|v| v.map(str::trim).unwrap_or("").is_empty());
    if all_empty {
        return Ok(None);
    }
    Address::parse(parts).map(Some)
}

pub fn parse_contact(name: &str, phone: &str) -> Result<EmergencyContact, FieldError> {
    Ok(EmergencyContact {
        name: PersonName::parse("emergency_contact.name", name)?,
        phone: PhoneNumber::parse(phone)?,
    })
}

/// An optional name; blank is none.
pub fn parse_optional_name(
    field: &'static str,
    raw: Option<&str>,
) -> Result<Option<PersonName>, FieldError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(name) => PersonName::parse(field, name).map(Some),
    }
}

/// What parsing an application depends on besides the request itself: the day, the age
/// bands, the document policy and the photo normaliser. No database, no keys.
pub struct ApplicationRules<'a> {
    pub today: NaiveDate,
    pub age_bands: &'a AgeBands,
    pub documents: &'a DocumentPolicy,
    pub photos: &'a PhotoNormalizer,
}

impl<'a> ApplicationRules<'a> {
    pub fn of(ctx: &'a AppContext) -> Self {
        Self {
            today: ctx.clock.today(),
            age_bands: &ctx.age_bands,
            documents: &ctx.documents,
            photos: &ctx.photos,
        }
    }

    pub fn date_of_birth(&self, raw: &str) -> Result<DateOfBirth, FieldError> {
        DateOfBirth::parse(raw, self.today, self.age_bands.minimum_age())
    }

    /// The caretaker the clerk describes (`relationship`, and whether their identity was
    /// checked), held to the age band of the resident born on `date_of_birth` (when that date
    /// is valid; otherwise its own error says so).
    pub fn caretaker(
        &self,
        date_of_birth: Option<&DateOfBirth>,
        described: Option<(Relationship, bool)>,
    ) -> Result<Option<Caretaker>, FieldError> {
        let caretaker = described
            .map(|(relationship, checked)| Caretaker::checked(relationship, checked))
            .transpose()?;
        if let Some(dob) = date_of_birth {
            check_caretaker(self.age_bands, dob.age_on(self.today), caretaker)?;
        }
        Ok(caretaker)
    }
}

/// The documents shown, totalled; refused unless they meet the requirement.
pub fn parse_documents(
    policy: &DocumentPolicy,
    shown: &[String],
) -> Result<PointsTally, EnrollmentError> {
    match policy.tally(shown) {
        Ok(tally) if tally.sufficient() => Ok(tally),
        Ok(tally) => Err(EnrollmentError::InsufficientProof(tally)),
        Err(e) => Err(EnrollmentError::Documents(e)),
    }
}

// ---------------------------------------------------------------------------------------------
// The use cases.

pub fn enroll(
    ctx: &AppContext,
    actor: &Actor,
    application: Application,
) -> Result<Enrollment, EnrollmentError> {
    no_address_when_confidential(application.face.confidential, application.address.as_ref())?;
    let face = &application.face;
    let mut texts = face_texts(
        Some(&face.legal_name),
        face.preferred_name.as_ref(),
        face.emergency_contact.as_ref(),
    );
    texts.extend(address_texts(application.address.as_ref()));
    printable(ctx, &texts)?;
    offered_card_language(ctx, face.card_language.as_ref())?;
    let warnings = face.warnings();
    let now = ctx.clock.now();
    let id = uuid::Uuid::new_v4().to_string();
    let (row, sealed_photo) = sealed_row(ctx, actor, &id, now, &application)?;
    let probes = candidate_indexes(ctx, &face.legal_name, &face.date_of_birth)?;

    let counted = counted_for(ctx, face, ctx.clock.today());
    let mut conn = ctx.db()?;
    let outcome = insert_unless_duplicate(
        &mut conn,
        (actor, now),
        row,
        &sealed_photo,
        &probes,
        application.confirm_not_duplicate,
        &counted,
    );
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
    Ok(Enrollment {
        resident_id: id,
        warnings,
    })
}

/// The names a card prints, with their fields.
fn face_texts(
    legal_name: Option<&PersonName>,
    preferred_name: Option<&PersonName>,
    contact: Option<&EmergencyContact>,
) -> Vec<(&'static str, String)> {
    let mut texts = Vec::with_capacity(4);
    texts.extend(legal_name.map(|n| ("legal_name", n.as_str().to_owned())));
    texts.extend(preferred_name.map(|n| ("preferred_name", n.as_str().to_owned())));
    texts.extend(contact.map(|c| ("emergency_contact.name", c.name.as_str().to_owned())));
    texts
}

fn address_texts(address: Option<&Address>) -> Vec<(&'static str, String)> {
    address
        .map(Address::fields)
        .unwrap_or_default()
        .into_iter()
        .map(|(field, line)| (field, line.to_owned()))
        .collect()
}

/// Every text the card prints is in a script its fonts have: a name in any other is refused
/// here, naming the script, rather than when a card is issued for it.
fn printable(ctx: &AppContext, texts: &[(&'static str, String)]) -> Result<(), EnrollmentError> {
    let problems: Vec<EnrollmentError> = texts
        .iter()
        .filter_map(|(field, text)| {
            let (position, script) = ctx.card_renderer.unprintable(text)?;
            let message = format!(
                "Character {position} is in a script the card cannot print ({script}); ask an \
                 administrator to add a font for it."
            );
            let problem = FieldError::new(field, ErrorCode::UnsupportedScript, message)
                .at(position)
                .in_script(script);
            Some(problem.into())
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(EnrollmentError::all(problems))
    }
}

/// A second language for the card's words is one the card prints them in.
fn offered_card_language(
    ctx: &AppContext,
    language: Option<&LanguageTag>,
) -> Result<(), EnrollmentError> {
    let Some(language) = language else {
        return Ok(());
    };
    let offered = ctx.card_renderer.second_languages();
    if offered.contains(&language.as_str()) {
        return Ok(());
    }
    Err(FieldError::new(
        "card_language",
        ErrorCode::InvalidLanguage,
        format!(
            "the card prints its words beside its own language in one of: {}",
            offered.join(", ")
        ),
    )
    .into())
}

/// The new resident's row, every personal value sealed under fresh keys, and the sealed photo.
fn sealed_row(
    ctx: &AppContext,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
    application: &Application,
) -> Result<(ResidentRow, Vec<u8>), EnrollmentError> {
    let Application {
        face,
        address,
        tally,
        photo_jpeg,
        confirm_not_duplicate: _,
    } = application;
    let destroy_after =
        ctx.clock.today() + TimeDelta::days(i64::from(ctx.config.retention.unissued_days));
    let epoch = vault::target_epoch(ctx, destroy_after)?;
    let sealed = vault::seal_record(ctx, id, epoch, face, photo_jpeg, address.as_ref())?;
    let row = ResidentRow {
        id: id.to_owned(),
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
        // Set where it is stored, in the transaction that checks the site is open.
        enrolled_site: None,
    };
    Ok((row, sealed.photo))
}

/// The reason an application counts as denied: when every problem with it is one of the
/// program's requirements (too few points, too young, a child without a caretaker), the first
/// of them. A request that also has a typo or a bad photo is not a decision yet: the clerk
/// fixes it and sends it again.
fn denial_reason(error: &EnrollmentError) -> Option<&'static str> {
    let code = |e: &EnrollmentError| match e {
        EnrollmentError::InsufficientProof(_)
        | EnrollmentError::Documents(DocumentError::NoneShown) => {
            Some(ErrorCode::InsufficientProof)
        }
        EnrollmentError::Invalid(field) => Some(field.code),
        _ => None,
    };
    let problems: Vec<Option<ErrorCode>> = match error {
        EnrollmentError::Several(problems) => problems.iter().map(code).collect(),
        one => vec![code(one)],
    };
    if problems
        .iter()
        .all(|c| c.is_some_and(|c| DENIAL_REASONS.contains(&c)))
    {
        problems.first().copied().flatten().map(ErrorCode::as_str)
    } else {
        None
    }
}

/// An application the rules refused: a denial for the program's requirements (too few points,
/// too young, a child without a caretaker) is counted for the council, once, by its first
/// reason only; the refusal is given back as it was.
pub fn refused(ctx: &AppContext, actor: &Actor, error: EnrollmentError) -> EnrollmentError {
    let Some(reason) = denial_reason(&error) else {
        return error;
    };
    let counted = [Counted::Denial(reason)];
    let today = ctx.clock.today();
    let outcome = ctx
        .db()
        .map_err(EnrollmentError::from)
        .and_then(|mut conn| {
            crate::db::transaction::<_, EnrollmentError, _>(&mut conn, |conn| {
                crate::db::audit::lock_head(conn)?;
                let site = sites::recording_site(conn, actor, today)?;
                Ok(super::program_counts::record(
                    conn,
                    (today, site.as_deref()),
                    &counted,
                )?)
            })
        });
    match outcome {
        // A session with no site (or a closed one) records nothing: it must choose one first.
        Err(EnrollmentError::Site(site)) => EnrollmentError::Site(site),
        Err(e) => {
            tracing::warn!(cause = %e, "a denial could not be counted for the program report");
            error
        }
        Ok(()) => error,
    }
}

/// What an accepted application adds to the council's counts: the application in its age band
/// and each language asked for.
fn counted_for(ctx: &AppContext, face: &CardFace, today: NaiveDate) -> Vec<Counted> {
    let age_band = ctx
        .age_bands
        .of_age(face.date_of_birth.age_on(today))
        .map_or_else(String::new, |band| band.code.clone());
    let mut counted = vec![Counted::Application { age_band }];
    counted.extend(
        face.languages
            .iter()
            .map(|tag| Counted::Language(tag.as_str().to_owned())),
    );
    counted
}

/// Stores the new resident with its audit entry, unless a resident with the same legal name
/// and date of birth (`probes`) exists and the clerk has not confirmed it is someone else.
fn insert_unless_duplicate(
    conn: &mut DbConnection,
    (actor, now): (&Actor, DateTime<Utc>),
    mut row: ResidentRow,
    sealed_photo: &[u8],
    probes: &[Vec<u8>],
    confirm_not_duplicate: bool,
    counted: &[Counted],
) -> Result<(), EnrollmentError> {
    crate::db::transaction::<_, EnrollmentError, _>(conn, |conn| {
        // The chain head first (see below): a site closing meanwhile is seen closed.
        crate::db::audit::lock_head(conn)?;
        let site = sites::recording_site(conn, actor, now.date_naive())?;
        row.enrolled_site.clone_from(&site);
        store::insert(conn, &row, sealed_photo)?;
        // The chain head serialises enrollments (on SQLite the whole transaction holds the
        // write lock from its start): two clerks enrolling the same person at once cannot both
        // miss each other.
        audit::record(conn, now, &actor.staff_id, "resident.enroll", Some(&row.id))?;
        // Behind the chain head, as a hold placed meanwhile is: one of the two sees the other.
        super::legal_holds::hold_if_covered(conn, &row.id, (now.date_naive(), site.as_deref()))?;
        // Counted behind the chain head, so two enrollments never lock count rows in turn.
        super::program_counts::record(conn, (now.date_naive(), site.as_deref()), counted)?;
        let existing = store::ids_by_blind_index(conn, probes)?
            .into_iter()
            .find(|other| *other != row.id);
        if let (Some(existing), false) = (existing, confirm_not_duplicate) {
            return Err(EnrollmentError::PossibleDuplicate {
                resident_id: existing,
            });
        }
        Ok(())
    })
}

/// The record as the service gives it: its sealed values opened.
fn record_of(ctx: &AppContext, row: &ResidentRow) -> Result<ResidentRecord, EnrollmentError> {
    let (_, face) = vault::open_face(ctx, row)?;
    let address = vault::address_of(ctx, row)?;
    Ok(ResidentRecord {
        resident_id: row.id.clone(),
        face,
        address,
        identity_points_met: row.identity_points_met,
        residency_points_met: row.residency_points_met,
        enrolled_at: row.enrolled_at.and_utc(),
        updated_at: row.updated_at.and_utc(),
        retained_until: row.destroy_after,
        enrolled_site: row.enrolled_site.clone(),
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

pub fn get(ctx: &AppContext, actor: &Actor, id: &str) -> Result<ResidentRecord, EnrollmentError> {
    let row = audited_load(ctx, actor, id, "resident.read")?;
    Metrics::bump(&ctx.metrics.resident_reads);
    record_of(ctx, &row)
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

/// The ids of the residents with exactly this legal name and date of birth.
pub fn search(
    ctx: &AppContext,
    actor: &Actor,
    key: &SearchKey,
) -> Result<Vec<String>, EnrollmentError> {
    let probes = candidate_indexes(ctx, &key.legal_name, &key.date_of_birth)?;
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, EnrollmentError, _>(&mut conn, |conn| {
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
    })
}

pub fn update(
    ctx: &AppContext,
    actor: &Actor,
    id: &str,
    changes: ResidentChanges,
) -> Result<ResidentRecord, EnrollmentError> {
    let mut conn = ctx.db()?;
    let row = store::find(&mut conn, id)?.ok_or(EnrollmentError::NotFound)?;
    let (key, mut face) = vault::open_face(ctx, &row)?;
    let was_confidential = face.confidential;
    let band_may_change = changes.date_of_birth.is_some() || changes.caretaker.is_some();
    offered_card_language(ctx, changes.card_language.as_ref().and_then(Option::as_ref))?;
    let refit = changes.refits_the_card();
    // Only what the change writes must print: a record enrolled before a font went away
    // stays changeable (made confidential, say).
    let mut texts = face_texts(
        changes.legal_name.as_ref(),
        changes.preferred_name.as_ref().and_then(Option::as_ref),
        changes.emergency_contact.as_ref().and_then(Option::as_ref),
    );
    let (address, photo_jpeg) = changes.apply_to(&mut face);
    if band_may_change {
        still_in_a_band_it_may_be(ctx, &face)?;
    }
    // A confidential record keeps no address: a new one is refused, and the one on record
    // goes with the change that makes the card confidential.
    let address = match (face.confidential, address) {
        (true, Some(Some(new))) => {
            no_address_when_confidential(true, Some(&new))?;
            Some(Some(new))
        }
        (true, _) if row.address.is_some() => Some(None),
        (_, address) => address,
    };
    texts.extend(address_texts(address.as_ref().and_then(Option::as_ref)));
    printable(ctx, &texts)?;
    let photo_jpeg = match photo_jpeg {
        Some(jpeg) => jpeg,
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
    if let Some(blamed) = refit {
        still_fits_on_the_card(ctx, &face, (address.clone(), photo_jpeg.clone()), blamed)?;
    }
    // The whole record under fresh keys: the values it replaces, in any older copy, can no
    // longer be opened with the live key, and die with that copy's epoch.
    let epoch = vault::target_epoch(ctx, row.destroy_after)?;
    let sealed = vault::seal_record(ctx, id, epoch, &face, &photo_jpeg, address.as_ref())?;
    let becoming_confidential = face.confidential && !was_confidential;
    replace_audited(
        &mut conn,
        (actor, now),
        &row,
        &sealed,
        address_updated_at,
        becoming_confidential,
    )?;
    let row = store::find(&mut conn, id)?.ok_or(EnrollmentError::NotFound)?;
    record_of(ctx, &row)
}

/// A change to what the card prints must leave a card that fits: a longer name, or a second
/// language for the card's words (which leaves less room for the name), could otherwise make
/// the resident's card unprintable after it was issued. `blamed` is the field the answer names
/// (the second language, when that is what changed).
fn still_fits_on_the_card(
    ctx: &AppContext,
    face: &CardFace,
    (address, photo): (Option<Address>, Vec<u8>),
    blamed: Option<&'static str>,
) -> Result<(), EnrollmentError> {
    match super::cards::check_printable(ctx, face, address, photo) {
        Err(super::cards::CardError::DoesNotFit { field }) => {
            let field = blamed.unwrap_or(field);
            let message = "With this change the card's text no longer fits, even in the \
                           smallest print: shorten a name (the preferred name, say) or leave \
                           out the second language. Nothing was changed.";
            Err(FieldError::new(field, ErrorCode::DoesNotFit, message).into())
        }
        // Anything else that cannot print is refused where it is written (`printable`), or at
        // the next card's issue: a record whose font went away stays changeable.
        _ => Ok(()),
    }
}

/// A changed date of birth or caretaker must leave the resident in an age band they may be in:
/// a band that applies with a caretaker needs one recorded. (A caretaker recorded before a
/// correction into an adult band is kept: it tells how they applied.)
fn still_in_a_band_it_may_be(ctx: &AppContext, face: &CardFace) -> Result<(), EnrollmentError> {
    let recorded = face
        .caretaker
        .map(|relationship| Caretaker { relationship });
    let age = face.date_of_birth.age_on(ctx.clock.today());
    match check_caretaker(&ctx.age_bands, age, recorded) {
        Err(e) if e.code != ErrorCode::CaretakerNotApplicable => Err(e.into()),
        _ => Ok(()),
    }
}

impl ResidentChanges {
    /// Whether the change touches what the card prints around the name (so the card must be
    /// fitted again): `Some(Some("card_language"))` when a second language is added or
    /// changed, `Some(None)` for the names and other printed texts, `None` otherwise.
    fn refits_the_card(&self) -> Option<Option<&'static str>> {
        if matches!(self.card_language, Some(Some(_))) {
            return Some(Some("card_language"));
        }
        let printed = self.legal_name.is_some()
            || matches!(self.preferred_name, Some(Some(_)))
            || matches!(self.emergency_contact, Some(Some(_)))
            || matches!(self.address, Some(Some(_)))
            || self.languages.is_some();
        printed.then_some(None)
    }

    /// Writes the changed card-face fields into `face`, and gives back what is sealed apart
    /// from it: the address change and the new photo.
    fn apply_to(self, face: &mut CardFace) -> (Option<Option<Address>>, Option<Vec<u8>>) {
        let ResidentChanges {
            legal_name,
            preferred_name,
            date_of_birth,
            gender,
            address,
            languages,
            emergency_contact,
            veteran,
            organ_donor,
            caretaker,
            confidential,
            card_language,
            photo_jpeg,
        } = self;
        if let Some(value) = confidential {
            face.confidential = value;
        }
        if let Some(value) = card_language {
            face.card_language = value;
        }
        if let Some(value) = caretaker {
            face.caretaker = value.map(|c| c.relationship);
        }
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
        if let Some(value) = emergency_contact {
            face.emergency_contact = value;
        }
        if let Some(value) = veteran {
            face.veteran = value;
        }
        if let Some(value) = organ_donor {
            face.organ_donor = value;
        }
        (address, photo_jpeg)
    }
}

/// Replaces the resident's sealed record, audited, unless another change moved it since `row`
/// was read.
fn replace_audited(
    conn: &mut DbConnection,
    (actor, now): (&Actor, DateTime<Utc>),
    row: &ResidentRow,
    sealed: &SealedRecord,
    address_updated_at: Option<NaiveDateTime>,
    becoming_confidential: bool,
) -> Result<(), EnrollmentError> {
    let id = row.id.as_str();
    crate::db::transaction::<_, EnrollmentError, _>(conn, |conn| {
        audit::record(conn, now, &actor.staff_id, "resident.update", Some(id))?;
        // A card on its way to the address would carry it there: it is revoked first.
        if becoming_confidential && crate::db::cards::awaiting_mail(conn, id)? {
            return Err(EnrollmentError::CardAwaitingMail);
        }
        // A change re-seals the whole record: the values it replaces could no longer be
        // opened. A record under a legal hold keeps them until the hold is lifted. (Read
        // behind the chain head, as a hold being placed writes.)
        if store::is_held(conn, id)? {
            return Err(EnrollmentError::UnderLegalHold);
        }
        // The answer is the decrypted record.
        audit::record(conn, now, &actor.staff_id, "resident.update_read", Some(id))?;
        if store::replace_sealed(conn, row, sealed, address_updated_at, now.naive_utc())? == 0 {
            return Err(match store::find(conn, id)? {
                Some(_) => EnrollmentError::ChangedMeanwhile,
                None => EnrollmentError::NotFound,
            });
        }
        Ok(())
    })
}
