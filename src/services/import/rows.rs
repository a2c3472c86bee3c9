//! One row of an export, made ready to store: only the mapped cells are decoded (every other
//! cell stays raw bytes, never read as text), each value checked as an enrollment checks it,
//! the photo read from inside the photos folder, and the record sealed under fresh keys. A row
//! that cannot be imported gives a reason code, never a value.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;

use super::super::cards;
use super::super::enrollment::{parse_address, parse_contact, parse_gender, parse_optional_name};
use super::super::{custody, vault};
use crate::context::AppContext;
use crate::db::residents::ResidentRow;
use crate::domain::age_bands::CaretakerRule;
use crate::domain::delivery::DeliveryChoice;
use crate::domain::import_mapping::ImportMapping;
use crate::domain::resident::{
    parse_languages, Address, AddressParts, CardFace, DateOfBirth, PersonName,
};
use crate::render::photo::PhotoError;

/// The export as the mapping reads it, and who is responsible for the import.
pub(super) struct Export {
    pub mapping: ImportMapping,
    pub positions: BTreeMap<String, usize>,
    pub width: usize,
    /// The photos folder, resolved (symbolic links followed): no photo is read outside it.
    pub photos: PathBuf,
    /// The staff id of the admin the import is recorded under.
    pub operator: String,
    /// The largest photo file read.
    pub photo_max_bytes: u64,
}

/// One record of the export: its line in the file (a spreadsheet's row number when no cell
/// spans lines; the header is row 1), and its cells as raw bytes.
pub(super) struct Line {
    pub number: u64,
    pub cells: csv::ByteRecord,
}

/// A row ready to store: the sealed record, the probes that find a duplicate, and its card.
pub(super) struct Prepared {
    pub row: ResidentRow,
    pub sealed_photo: Vec<u8>,
    pub probes: Vec<Vec<u8>>,
    pub card: (NaiveDate, DeliveryChoice),
}

/// Why a row is not imported (its code), or a failure of the service that stops the import.
pub(super) enum NotReady {
    Refused(&'static str),
    Failed(String),
}

impl From<&'static str> for NotReady {
    fn from(code: &'static str) -> Self {
        NotReady::Refused(code)
    }
}

/// The mapped cells of a row, decoded as UTF-8 (an unmapped cell is never decoded).
struct Cells<'a> {
    export: &'a Export,
    line: &'a Line,
}

impl<'a> Cells<'a> {
    /// The mapped `field`'s cell, trimmed; empty when the field is not mapped.
    fn get(&self, field: &str) -> Result<&'a str, NotReady> {
        let Some(raw) = self
            .export
            .positions
            .get(field)
            .and_then(|at| self.line.cells.get(*at))
        else {
            return Ok("");
        };
        std::str::from_utf8(raw)
            .map(str::trim)
            .map_err(|_| NotReady::Refused("invalid_encoding"))
    }

    fn optional(&self, field: &str) -> Result<Option<&'a str>, NotReady> {
        Ok(Some(self.get(field)?).filter(|c| !c.is_empty()))
    }

    /// A date cell written as the mapping says.
    fn date(&self, field: &str) -> Result<Option<NaiveDate>, NotReady> {
        self.optional(field)?
            .map(|raw| {
                NaiveDate::parse_from_str(raw, &self.export.mapping.date_format)
                    .map_err(|_| NotReady::Refused("invalid_date"))
            })
            .transpose()
    }
}

/// The card face and address of a row, every value checked as an enrollment checks it. A
/// confidential card keeps no address: one the export has is left out.
fn face_of(ctx: &AppContext, cells: &Cells<'_>) -> Result<(CardFace, Option<Address>), NotReady> {
    let code = |e: crate::domain::FieldError| NotReady::Refused(e.code.as_str());
    let mapping = &cells.export.mapping;
    let legal_name = PersonName::parse("legal_name", cells.get("legal_name")?).map_err(code)?;
    let born = cells
        .date("date_of_birth")?
        .ok_or(NotReady::Refused("invalid_date"))?;
    let date_of_birth = DateOfBirth::parse(
        &born.format("%Y-%m-%d").to_string(),
        ctx.clock.today(),
        ctx.age_bands.minimum_age(),
    )
    .map_err(code)?;
    let confidential = mapping.is_yes(cells.get("confidential")?);
    let address = parse_address(AddressParts {
        line1: cells.optional("address_line1")?,
        line2: cells.optional("address_line2")?,
        care_of: cells.optional("address_care_of")?,
        city: cells.optional("address_city")?,
        postal_code: cells.optional("address_postal_code")?,
    })
    .map_err(code)?
    .filter(|_| !confidential);
    let mut languages = Vec::new();
    for field in ["language_1", "language_2"] {
        languages.extend(cells.optional(field)?.map(str::to_owned));
    }
    let emergency_contact = match (
        cells.optional("emergency_name")?,
        cells.optional("emergency_phone")?,
    ) {
        (None, None) => None,
        (name, phone) => {
            Some(parse_contact(name.unwrap_or(""), phone.unwrap_or("")).map_err(code)?)
        }
    };
    let face = CardFace {
        legal_name,
        preferred_name: parse_optional_name("preferred_name", cells.optional("preferred_name")?)
            .map_err(code)?,
        date_of_birth,
        gender: parse_gender(mapping.gender_of(cells.get("gender")?)).map_err(code)?,
        languages: parse_languages(&languages).map_err(code)?,
        emergency_contact,
        veteran: mapping.is_yes(cells.get("veteran")?),
        organ_donor: mapping.is_yes(cells.get("organ_donor")?),
        caretaker: None,
        confidential,
        card_language: None,
    };
    Ok((face, address))
}

/// The photo a row names: a regular file inside the photos folder (a name that climbs out of
/// it, or a link that leads out, is refused), no larger than a photo may be, normalised as an
/// enrollment's photo is.
fn photo_of(ctx: &AppContext, cells: &Cells<'_>) -> Result<Vec<u8>, NotReady> {
    let name = cells
        .optional("photo_file")?
        .ok_or(NotReady::Refused("photo_missing"))?;
    let relative = Path::new(name);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(NotReady::Refused("photo_outside_folder"));
    }
    let export = cells.export;
    let path = export
        .photos
        .join(relative)
        .canonicalize()
        .map_err(|_| NotReady::Refused("photo_missing"))?;
    if !path.starts_with(&export.photos) {
        return Err(NotReady::Refused("photo_outside_folder"));
    }
    let file = std::fs::File::open(&path).map_err(|_| NotReady::Refused("photo_missing"))?;
    let meta = file
        .metadata()
        .map_err(|_| NotReady::Refused("photo_missing"))?;
    if !meta.is_file() {
        return Err(NotReady::Refused("photo_missing"));
    }
    let mut bytes = Vec::new();
    file.take(export.photo_max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| NotReady::Refused("photo_missing"))?;
    ctx.photos.normalize(&bytes).map_err(|e| {
        NotReady::Refused(match e {
            PhotoError::TooLarge(_)
            | PhotoError::TooManyPixels(_)
            | PhotoError::Overcompressed(_) => "photo_too_large",
            PhotoError::UnsupportedFormat => "unsupported_photo_format",
            PhotoError::Undecodable => "invalid_photo",
            PhotoError::TooSmall => "photo_too_small",
        })
    })
}

/// The active card a row carries: its expiry, no later than the resident's age band would
/// give a new card. A row without one is not imported: this service keeps residents for their
/// cards.
fn active_card(
    ctx: &AppContext,
    cells: &Cells<'_>,
    face: &CardFace,
) -> Result<NaiveDate, NotReady> {
    let today = ctx.clock.today();
    let age = face.date_of_birth.age_on(today);
    let expires = cells
        .date("card_expires_on")
        .map_err(|_| NotReady::Refused("invalid_card_expiry"))?
        .filter(|day| *day >= today)
        .ok_or(NotReady::Refused("no_active_card"))?;
    // A child in a band that applies with a caretaker comes in with one: the export cannot say
    // who came, so the record is made at the counter.
    let band = ctx.age_bands.of_age(age);
    if band.is_some_and(|b| b.caretaker == CaretakerRule::Required) {
        return Err(NotReady::Refused("caretaker_required"));
    }
    Ok(expires.min(ctx.age_bands.expires_on(today, age)))
}

/// A row parsed, its photo read, sealed under fresh keys in the epoch its destruction day falls
/// in, with its card.
pub(super) fn prepare(
    ctx: &AppContext,
    export: &Export,
    line: &Line,
) -> Result<Prepared, NotReady> {
    if line.cells.len() != export.width {
        return Err(NotReady::Refused("malformed_row"));
    }
    let cells = Cells { export, line };
    let (face, address) = face_of(ctx, &cells)?;
    let expires = active_card(ctx, &cells, &face)?;
    let photo = photo_of(ctx, &cells)?;
    cards::check_printable(ctx, &face, address.clone(), photo.clone()).map_err(|e| match e {
        cards::CardError::UnsupportedScript { .. } => NotReady::Refused("unsupported_script"),
        cards::CardError::DoesNotFit { .. } => NotReady::Refused("does_not_fit"),
        other => NotReady::Failed(other.to_string()),
    })?;
    let destroy_after = custody::after_last_use(ctx, expires);
    let id = uuid::Uuid::new_v4().to_string();
    let failed = |e: &dyn std::fmt::Display| NotReady::Failed(e.to_string());
    let epoch = vault::target_epoch(ctx, destroy_after).map_err(|e| failed(&e))?;
    let sealed = vault::seal_record(ctx, &id, epoch, &face, &photo, address.as_ref())
        .map_err(|e| failed(&e))?;
    let probes = vault::candidate_indexes(ctx, &face.legal_name, &face.date_of_birth)
        .map_err(|e| failed(&e))?;
    let now = ctx.clock.now().naive_utc();
    // Mailed to the address, when there is one; otherwise handed over at the counter at the
    // resident's next visit (a confidential card is never mailed: it has no address).
    let choice = match address {
        Some(_) => DeliveryChoice::Mail,
        None => DeliveryChoice::Counter,
    };
    let row = ResidentRow {
        id,
        key_epoch: sealed.placement.key_epoch,
        key_version: sealed.placement.key_version,
        wrapped_key: sealed.placement.wrapped_key,
        blind_index: sealed.placement.blind_index,
        face: sealed.face,
        address: sealed.address,
        // The old program checked the documents for the card it issued; this service never
        // sees them.
        identity_points_met: true,
        residency_points_met: true,
        enrolled_by: export.operator.clone(),
        enrolled_at: now,
        updated_at: now,
        destroy_after,
        address_updated_at: address.as_ref().map(|_| now),
        address_key: sealed.placement.address_key,
        enrolled_site: None,
    };
    Ok(Prepared {
        row,
        sealed_photo: sealed.photo,
        probes,
        card: (expires, choice),
    })
}

/// Prepares a batch's rows on every core (the photo and the sealing are the work), each in
/// the order of `lines`. A row whose preparation panics (a decoder's bug, say) is refused by
/// its number rather than stopping every later run at the same row.
pub(super) fn prepare_all(
    ctx: &AppContext,
    export: &Export,
    lines: &[Line],
) -> Vec<Result<Prepared, NotReady>> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk = lines.len().div_ceil(threads).max(1);
    let guarded = |line: &Line| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| prepare(ctx, export, line)))
            .unwrap_or(Err(NotReady::Refused("unreadable_row")))
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = lines
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(guarded).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}
