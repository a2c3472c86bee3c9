//! One resident sealed straight through the crypto layer and inserted, with no HTTP and no photo
//! processing: for the tests and benchmarks that need thousands of residents. Shared by
//! `tests/api` and `benches/retention.rs` (`#[path]`), so both build residents exactly as
//! enrollment stores them.

use muni_id::context::AppContext;
use muni_id::crypto::envelope::{seal_field, wrap_data_key};
use muni_id::crypto::keyring::Epoch;
use muni_id::crypto::secret::SecretKey;
use muni_id::db::residents::ResidentRow;
use muni_id::db::DbConnection;
use muni_id::domain::resident::{CardFace, DateOfBirth, PersonName};
use muni_id::services::vault;

/// Inserts a resident called `name`, due for destruction at the end of `epoch`; returns its id.
pub fn insert_sealed_resident(
    ctx: &AppContext,
    conn: &mut DbConnection,
    enrolled_by: &str,
    name: &str,
    date_of_birth: DateOfBirth,
    epoch: Epoch,
    photo: &[u8],
) -> diesel::QueryResult<String> {
    let id = uuid::Uuid::new_v4().to_string();
    let face = CardFace {
        legal_name: PersonName::parse("legal_name", name).expect("a valid name"),
        preferred_name: None,
        date_of_birth,
        gender: None,
        languages: vec![],
        emergency_contact: None,
        veteran: false,
        organ_donor: false,
    };
    let key = SecretKey::generate();
    let wrapped = wrap_data_key(&ctx.keyring, &id, epoch, &key).expect("wrap the data key");
    let now = ctx.clock.now().naive_utc();
    let row = ResidentRow {
        id: id.clone(),
        key_epoch: epoch.id(),
        key_version: i32::try_from(wrapped.version).expect("a small key version"),
        wrapped_key: wrapped.bytes,
        blind_index: vault::index_for(ctx, epoch, &face).expect("blind index"),
        face: vault::seal_json(&key, vault::face_binding(&id), &face).expect("seal the face"),
        address: None,
        identity_points_met: true,
        residency_points_met: true,
        enrolled_by: enrolled_by.to_owned(),
        enrolled_at: now,
        updated_at: now,
        destroy_after: epoch.last_day(),
        address_updated_at: None,
    };
    let photo = seal_field(&key, vault::photo_binding(&id), photo).expect("seal the photo");
    muni_id::db::residents::insert(conn, &row, &photo)?;
    Ok(id)
}
