//! Residents sealed straight through the crypto layer and inserted, with no HTTP and no photo
//! processing: for the tests and benchmarks that need thousands (or millions) of residents.
//! Shared by `tests/api`, `benches/retention.rs` and `benches/scale.rs` (`#[path]`), so all
//! build residents exactly as enrollment stores them.

use chrono::NaiveDate;
use muni_id::context::AppContext;
use muni_id::crypto::keyring::Epoch;
use muni_id::db::residents::ResidentRow;
use muni_id::db::DbConnection;
use muni_id::domain::resident::{CardFace, DateOfBirth, PersonName};
use muni_id::services::vault;

/// The card face of a resident with a legal name and a date of birth, and nothing else.
pub fn plain_face(name: &str, date_of_birth: DateOfBirth) -> CardFace {
    CardFace {
        legal_name: PersonName::parse("legal_name", name).expect("a valid name"),
        preferred_name: None,
        date_of_birth,
        gender: None,
        languages: vec![],
        emergency_contact: None,
        veteran: false,
        organ_donor: false,
        caretaker: None,
        confidential: false,
        card_language: None,
    }
}

/// A new resident's row and sealed photo, destroyed after `destroy_after`: sealed under fresh
/// data keys wrapped where enrollment would wrap them (the ratchet's epoch for that day).
pub fn sealed_row(
    ctx: &AppContext,
    enrolled_by: &str,
    face: &CardFace,
    destroy_after: NaiveDate,
    photo: &[u8],
) -> (ResidentRow, Vec<u8>) {
    let id = uuid::Uuid::new_v4().to_string();
    let key_epoch = vault::target_epoch(ctx, destroy_after).expect("the ratchet's epoch");
    let sealed = vault::seal_record(ctx, &id, key_epoch, face, photo, None).expect("seal");
    let now = ctx.clock.now().naive_utc();
    let row = ResidentRow {
        id,
        key_epoch: sealed.placement.key_epoch,
        key_version: sealed.placement.key_version,
        wrapped_key: sealed.placement.wrapped_key,
        blind_index: sealed.placement.blind_index,
        face: sealed.face,
        address: None,
        identity_points_met: true,
        residency_points_met: true,
        enrolled_by: enrolled_by.to_owned(),
        enrolled_at: now,
        updated_at: now,
        destroy_after,
        address_updated_at: None,
        address_key: None,
        enrolled_site: None,
    };
    (row, sealed.photo)
}

/// Inserts a resident called `name`, due for destruction at the end of `epoch` (its data keys
/// wrapped where the ratchet allows); returns its id.
pub fn insert_sealed_resident(
    ctx: &AppContext,
    conn: &mut DbConnection,
    enrolled_by: &str,
    name: &str,
    date_of_birth: DateOfBirth,
    epoch: Epoch,
    photo: &[u8],
) -> diesel::QueryResult<String> {
    let face = plain_face(name, date_of_birth);
    let (row, photo) = sealed_row(ctx, enrolled_by, &face, epoch.last_day(), photo);
    muni_id::db::residents::insert(conn, &row, &photo)?;
    Ok(row.id)
}
