//! The `residents` and `resident_photos` tables. Every personal value here is ciphertext.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{held_residents, resident_photos, residents};
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
    /// The address's own data key, wrapped under the same epoch and version as `wrapped_key`.
    pub address_key: Option<Vec<u8>>,
    /// The site the resident was enrolled at (its code; `None` where the program has no sites).
    pub enrolled_site: Option<String>,
}

/// Where a record's data keys are wrapped, and its blind index under that epoch.
#[derive(Clone)]
pub struct KeyPlacement {
    pub key_epoch: String,
    pub key_version: i32,
    pub wrapped_key: Vec<u8>,
    pub address_key: Option<Vec<u8>>,
    pub blind_index: Vec<u8>,
}

/// A whole record sealed under fresh data keys.
pub struct SealedRecord {
    pub placement: KeyPlacement,
    pub face: Vec<u8>,
    pub address: Option<Vec<u8>>,
    pub photo: Vec<u8>,
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

/// The record `expected` names, only while it is as `expected` read it: its wrapped keys (every
/// re-wrap and re-seal writes new ones), its destruction date and its address key (which print
/// destroys). A stale read can then never overwrite a newer key, date or destruction.
macro_rules! unchanged {
    ($expected:expr) => {{
        let expected: &ResidentRow = $expected;
        residents::table
            .find(&expected.id)
            .filter(residents::key_epoch.eq(&expected.key_epoch))
            .filter(residents::key_version.eq(expected.key_version))
            .filter(residents::wrapped_key.eq(&expected.wrapped_key))
            .filter(residents::destroy_after.eq(expected.destroy_after))
            .filter(
                residents::address_key
                    .eq(&expected.address_key)
                    .or(residents::address_key.is_null().and(
                        expected
                            .address_key
                            .is_none()
                            .into_sql::<diesel::sql_types::Bool>(),
                    )),
            )
    }};
}

/// Replaces a record's keys and every sealed value (a change re-seals under fresh keys), only
/// if its keys are still those of `expected` (nobody moved or re-sealed them meanwhile).
/// Returns the rows changed.
pub fn replace_sealed(
    conn: &mut DbConnection,
    expected: &ResidentRow,
    record: &SealedRecord,
    address_updated_at: Option<NaiveDateTime>,
    updated_at: NaiveDateTime,
) -> QueryResult<usize> {
    let p = &record.placement;
    let updated = diesel::update(unchanged!(expected))
        .set((
            residents::key_epoch.eq(&p.key_epoch),
            residents::key_version.eq(p.key_version),
            residents::wrapped_key.eq(&p.wrapped_key),
            residents::address_key.eq(&p.address_key),
            residents::blind_index.eq(&p.blind_index),
            residents::face.eq(&record.face),
            residents::address.eq(&record.address),
            residents::address_updated_at.eq(address_updated_at),
            residents::updated_at.eq(updated_at),
        ))
        .execute(conn)?;
    if updated > 0 {
        diesel::update(resident_photos::table.find(&expected.id))
            .set(resident_photos::photo.eq(&record.photo))
            .execute(conn)?;
    }
    Ok(updated)
}

/// Moves a record's data keys (and blind index) to another epoch or key version, only if they
/// are still those of `expected`. Returns the rows changed.
pub fn move_keys(
    conn: &mut DbConnection,
    expected: &ResidentRow,
    to: &KeyPlacement,
) -> QueryResult<usize> {
    diesel::update(unchanged!(expected))
        .set((
            residents::key_epoch.eq(&to.key_epoch),
            residents::key_version.eq(to.key_version),
            residents::wrapped_key.eq(&to.wrapped_key),
            residents::address_key.eq(&to.address_key),
            residents::blind_index.eq(&to.blind_index),
        ))
        .execute(conn)
}

pub fn set_destroy_after(conn: &mut DbConnection, id: &str, day: NaiveDate) -> QueryResult<usize> {
    diesel::update(residents::table.find(id))
        .set(residents::destroy_after.eq(day))
        .execute(conn)
}

/// Records the roll-forward may have to move, in id order after `after_id`: not yet due by
/// `as_of`, and wrapped under an ended epoch, under this `month` while living past it, or
/// beyond the `ceiling`.
pub fn roll_candidates(
    conn: &mut DbConnection,
    as_of: NaiveDate,
    month: (&str, NaiveDate),
    ceiling: &str,
    after_id: &str,
    limit: i64,
) -> QueryResult<Vec<ResidentRow>> {
    let (month, month_last_day) = month;
    residents::table
        // Past its date, a record is destroyed, unless a legal hold keeps it: then its keys
        // move forward like any live record's, so that its old epoch can still be destroyed.
        .filter(
            residents::destroy_after
                .ge(as_of)
                .or(diesel::dsl::not(not_held())),
        )
        .filter(
            residents::key_epoch
                .lt(month)
                .or(residents::key_epoch
                    .eq(month)
                    .and(residents::destroy_after.gt(month_last_day)))
                .or(residents::key_epoch.gt(ceiling)),
        )
        .filter(residents::id.gt(after_id))
        .order(residents::id.asc())
        .limit(limit)
        .select(ResidentRow::as_select())
        .load(conn)
}

/// Records wrapped under `epoch` but not its `current_version`, in id order after `after_id`.
pub fn under_old_version(
    conn: &mut DbConnection,
    epoch: &str,
    current_version: i32,
    after_id: &str,
    limit: i64,
) -> QueryResult<Vec<ResidentRow>> {
    residents::table
        .filter(residents::key_epoch.eq(epoch))
        .filter(residents::key_version.ne(current_version))
        .filter(residents::id.gt(after_id))
        .order(residents::id.asc())
        .limit(limit)
        .select(ResidentRow::as_select())
        .load(conn)
}

/// Every record in id order after `after_id` (for a one-time upgrade of all rows).
pub fn page(conn: &mut DbConnection, after_id: &str, limit: i64) -> QueryResult<Vec<ResidentRow>> {
    residents::table
        .filter(residents::id.gt(after_id))
        .order(residents::id.asc())
        .limit(limit)
        .select(ResidentRow::as_select())
        .load(conn)
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    residents::table.count().get_result(conn)
}

/// How many records are due for destruction before `as_of`.
pub fn count_due(conn: &mut DbConnection, as_of: NaiveDate) -> QueryResult<i64> {
    residents::table
        .filter(residents::destroy_after.lt(as_of))
        .filter(not_held())
        .count()
        .get_result(conn)
}

/// The layout every record has been brought to (see the migration `ratchet`).
pub fn record_format(conn: &mut DbConnection) -> QueryResult<i32> {
    use super::schema::record_state;
    record_state::table
        .find(1)
        .select(record_state::record_format)
        .first(conn)
}

pub fn set_record_format(conn: &mut DbConnection, format: i32) -> QueryResult<usize> {
    use super::schema::record_state;
    diesel::update(record_state::table.find(1))
        .set(record_state::record_format.eq(format))
        .execute(conn)
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
        // A record a legal hold covers is passed over until the hold is lifted.
        .filter(not_held())
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
    diesel::delete(held_residents::table.filter(held_residents::resident_id.eq_any(ids)))
        .execute(conn)?;
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
        .filter(not_held())
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
    clear_address_if(conn, id, None)
}

/// Destroys the address, and only the one whose key is `printed_key` when given (the one a
/// print just carried; an address set since waits for its own card).
pub fn clear_address_if(
    conn: &mut DbConnection,
    id: &str,
    printed_key: Option<&[u8]>,
) -> QueryResult<usize> {
    let any_key = printed_key.is_none();
    diesel::update(
        residents::table
            .find(id)
            .filter(residents::address.is_not_null())
            // Print-only or not, an address under a legal hold stays until the hold is lifted.
            .filter(not_held())
            .filter(
                residents::address_key
                    .eq(printed_key.map(<[u8]>::to_vec))
                    .or(any_key.into_sql::<diesel::sql_types::Bool>().nullable()),
            ),
    )
    .set((
        residents::address.eq(None::<Vec<u8>>),
        residents::address_key.eq(None::<Vec<u8>>),
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

/// Whether a legal hold covers a resident.
pub fn is_held(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        held_residents::table
            .filter(held_residents::resident_id.eq(id))
            .select(held_residents::resident_id),
    ))
    .get_result(conn)
}

/// Of `ids`, those still due before `as_of` and under no legal hold (read in the purge's
/// transaction, behind the chain head, so a hold placed meanwhile is seen).
pub fn still_due(
    conn: &mut DbConnection,
    ids: &[String],
    as_of: NaiveDate,
) -> QueryResult<Vec<String>> {
    residents::table
        .filter(residents::id.eq_any(ids))
        .filter(residents::destroy_after.lt(as_of))
        .filter(not_held())
        .select(residents::id)
        .load(conn)
}

/// Records that a legal hold covers a resident.
pub fn hold(conn: &mut DbConnection, id: &str) -> QueryResult<usize> {
    diesel::insert_into(held_residents::table)
        .values(held_residents::resident_id.eq(id))
        .execute(conn)
}

/// The resident is not under a legal hold.
#[diesel::dsl::auto_type]
pub fn not_held() -> _ {
    diesel::dsl::not(diesel::dsl::exists(
        held_residents::table
            .filter(held_residents::resident_id.eq(residents::id))
            .select(held_residents::resident_id),
    ))
}
