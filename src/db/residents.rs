//! The `residents` and `resident_photos` tables. Every personal value here is ciphertext.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{resident_photos, residents};
use super::DbConnection;

#[derive(Queryable, Selectable, Insertable, Clone)]
#[diesel(table_name = residents)]
pub struct ResidentRow {
    pub id: String,
    pub key_epoch: String,
    pub key_version: i32,
    pub wrapped_key: Vec<u8>,
    pub blind_index: Vec<u8>,
    pub face: Vec<u8>,
    pub address: Option<Vec<u8>>,
    pub identity_points_met: bool,
    pub residency_points_met: bool,
    pub enrolled_by: String,
    pub enrolled_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub destroy_after: NaiveDate,
    pub address_updated_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConnection, row: &ResidentRow, photo: &[u8]) -> QueryResult<()> {
    diesel::insert_into(residents::table)
        .values(row)
        .execute(conn)?;
    diesel::insert_into(resident_photos::table)
        .values((
            resident_photos::resident_id.eq(&row.id),
            resident_photos::photo.eq(photo),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<ResidentRow>> {
    residents::table
        .find(id)
        .select(ResidentRow::as_select())
        .first(conn)
        .optional()
}

pub fn find_photo(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Vec<u8>>> {
    resident_photos::table
        .find(id)
        .select(resident_photos::photo)
        .first(conn)
        .optional()
}

/// Ids of residents whose blind index is one of `indexes`.
pub fn ids_by_blind_index(
    conn: &mut DbConnection,
    indexes: &[Vec<u8>],
) -> QueryResult<Vec<String>> {
    residents::table
        .filter(residents::blind_index.eq_any(indexes))
        .select(residents::id)
        .order(residents::enrolled_at.asc())
        .load(conn)
}

/// The sealed columns a change of card-face fields rewrites.
pub struct SealedChange {
    pub face: Vec<u8>,
    pub blind_index: Vec<u8>,
    /// `None`: leave the address as is; `Some(None)`: remove it.
    pub address: Option<Option<Vec<u8>>>,
    pub photo: Option<Vec<u8>>,
    pub updated_at: NaiveDateTime,
}

pub fn update_sealed(
    conn: &mut DbConnection,
    id: &str,
    change: &SealedChange,
) -> QueryResult<usize> {
    let updated = diesel::update(residents::table.find(id))
        .set((
            residents::face.eq(&change.face),
            residents::blind_index.eq(&change.blind_index),
            residents::updated_at.eq(change.updated_at),
        ))
        .execute(conn)?;
    if let Some(address) = &change.address {
        let set_at = address.as_ref().map(|_| change.updated_at);
        diesel::update(residents::table.find(id))
            .set((
                residents::address.eq(address),
                residents::address_updated_at.eq(set_at),
            ))
            .execute(conn)?;
    }
    if let Some(photo) = &change.photo {
        diesel::update(resident_photos::table.find(id))
            .set(resident_photos::photo.eq(photo))
            .execute(conn)?;
    }
    Ok(updated)
}

/// Residents whose destruction date has passed, oldest first: (id, key epoch, has a card).
pub fn due_for_destruction(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<(String, String, bool)>> {
    use super::schema::cards;
    use diesel::dsl::exists;
    residents::table
        .filter(residents::destroy_after.lt(as_of))
        .order((residents::destroy_after.asc(), residents::id.asc()))
        .limit(limit)
        .select((
            residents::id,
            residents::key_epoch,
            exists(cards::table.filter(cards::resident_id.eq(residents::id.nullable()))),
        ))
        .load(conn)
}

/// Deletes residents: their wrapped key, ciphertexts, blind index and photo (by cascade); their
/// cards stay as tombstones with no resident.
pub fn delete(conn: &mut DbConnection, ids: &[String]) -> QueryResult<usize> {
    diesel::delete(resident_photos::table.filter(resident_photos::resident_id.eq_any(ids)))
        .execute(conn)?;
    diesel::delete(residents::table.filter(residents::id.eq_any(ids))).execute(conn)
}

/// Residents still holding an address although a card printed since it was set carries it.
pub fn printed_with_address(conn: &mut DbConnection, limit: i64) -> QueryResult<Vec<String>> {
    use super::schema::cards;
    use diesel::dsl::exists;
    residents::table
        .filter(residents::address.is_not_null())
        .filter(exists(
            cards::table
                .filter(cards::resident_id.eq(residents::id.nullable()))
                .filter(cards::printed_at.gt(residents::address_updated_at)),
        ))
        .limit(limit)
        .select(residents::id)
        .load(conn)
}

pub fn clear_address(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    diesel::update(
        residents::table
            .find(id)
            .filter(residents::address.is_not_null()),
    )
    .set((
        residents::address.eq(None::<Vec<u8>>),
        residents::address_updated_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)
}

pub fn count_in_epoch(conn: &mut DbConnection, epoch: &str) -> QueryResult<i64> {
    residents::table
        .filter(residents::key_epoch.eq(epoch))
        .count()
        .get_result(conn)
}
