//! Keys follow the destruction date. A resident's data is due for destruction on a day:
//! enrollment + the unissued window until a card is issued, then the last card's expiry or
//! revocation + the grace period. Their data keys are wrapped under the epoch the ratchet allows
//! for that day (its month, or this month + W if that comes first); when the day moves (a card
//! issued, renewed or revoked), the keys and blind index move with it.

use chrono::{NaiveDate, TimeDelta};

use super::vault::{self, epoch_of, VaultError};
use crate::context::AppContext;
use crate::db::cards::CardRow;
use crate::db::residents::{self, ResidentRow};
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
        Some(day) => after_last_use(ctx, day),
        None => resident.enrolled_at.date() + TimeDelta::days(i64::from(retention.unissued_days)),
    }
}

/// The day after which the data kept for a card last usable on `last_use` may be destroyed.
pub fn after_last_use(ctx: &AppContext, last_use: NaiveDate) -> NaiveDate {
    last_use + TimeDelta::days(i64::from(ctx.config.retention.card_grace_days))
}

/// Records the new destruction date and moves the resident's data keys and blind index to the
/// epoch the ratchet now allows for it, inside the caller's transaction. A date moved earlier
/// moves the keys earlier at once; one moved later moves them no further than the window.
pub fn follow_destruction_date(
    ctx: &AppContext,
    conn: &mut DbConnection,
    resident: &ResidentRow,
    destroy_after: NaiveDate,
) -> Result<(), VaultError> {
    let current = epoch_of(resident)?;
    let target = vault::target_epoch(ctx, destroy_after)?;
    if current != target {
        let placement = vault::rewrap(ctx, resident, target)?;
        if residents::move_keys(conn, resident, &placement)? == 0 {
            return Err(Internal::new(
                "follow destruction date",
                anyhow::anyhow!("the record changed meanwhile"),
            )
            .into());
        }
    }
    residents::set_destroy_after(conn, &resident.id, destroy_after)?;
    Ok(())
}
