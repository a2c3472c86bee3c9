//! Keys follow the destruction date. A resident's data key is wrapped under the epoch key of
//! the day their data is due for destruction: enrollment + the unissued window until a card is
//! issued, then the last card's expiry or revocation + the grace period. When that day moves
//! (a card issued, renewed or revoked), the data key and blind index move to the new epoch.

use chrono::{NaiveDate, TimeDelta};
use diesel::prelude::*;

use super::vault::{self, epoch_of};
use crate::context::AppContext;
use crate::crypto::envelope::wrap_data_key;
use crate::crypto::keyring::Epoch;
use crate::db::cards::CardRow;
use crate::db::residents::ResidentRow;
use crate::db::schema::residents;
use crate::db::DbConnection;
use crate::error::Internal;

/// The day after which a resident's data may be destroyed, given their cards.
pub fn destruction_date(ctx: &AppContext, resident: &ResidentRow, cards: &[CardRow]) -> NaiveDate {
    let retention = &ctx.config.retention;
    let last_use = cards
        .iter()
        .map(|card| match card.revoked_at {
            Some(at) => at.date().min(card.expires_on),
            None => card.expires_on,
        })
        .max();
    match last_use {
        Some(day) => day + TimeDelta::days(i64::from(retention.card_grace_days)),
        None => resident.enrolled_at.date() + TimeDelta::days(i64::from(retention.unissued_days)),
    }
}

/// Moves the resident's data key and blind index to the epoch of `destroy_after`, inside the
/// caller's transaction.
pub fn follow_destruction_date(
    ctx: &AppContext,
    conn: &mut DbConnection,
    resident: &ResidentRow,
    destroy_after: NaiveDate,
) -> Result<(), Internal> {
    let current = epoch_of(resident)?;
    let target = Epoch::of(destroy_after);
    if current == target {
        diesel::update(residents::table.find(&resident.id))
            .set(residents::destroy_after.eq(destroy_after))
            .execute(conn)?;
        return Ok(());
    }
    let (data_key, face) = vault::open_face(ctx, resident)?;
    let wrapped = wrap_data_key(&ctx.keyring, &resident.id, target, &data_key)
        .map_err(|e| Internal::new("re-wrap data key", e))?;
    let blind_index = vault::index_for(ctx, target, &face)?;
    diesel::update(residents::table.find(&resident.id))
        .set((
            residents::key_epoch.eq(target.id()),
            residents::key_version.eq(i32::try_from(wrapped.version).unwrap_or(i32::MAX)),
            residents::wrapped_key.eq(&wrapped.bytes),
            residents::blind_index.eq(&blind_index),
            residents::destroy_after.eq(destroy_after),
        ))
        .execute(conn)?;
    Ok(())
}
