//! A card on its way to its resident: a pick-up card marked arrived at its site (ready), handed
//! over there to the resident in person, or a card marked mailed; the queue of cards waiting at
//! a site; and the purge's part, which revokes a pick-up card nobody collected by its day and
//! makes the data kept for it due for destruction.

use chrono::{DateTime, Days, NaiveDate, Utc};

use super::cards::{self as card_service, CardError, CardSummary};
use super::{audit, custody, sites, Actor};
use crate::context::AppContext;
use crate::db::cards::{self as store, CardRow, DeliveryRow};
use crate::db::{residents, DbConnection};
use crate::domain::card::{CardNumber, RevokeReason};
use crate::domain::delivery::{Delivery, DeliveryChoice, Stage};
use crate::error::Internal;

/// Uncollected cards revoked per transaction.
const BATCH: i64 = 200;

/// The card, active, with its delivery (a tombstone has none: not active either).
fn active_card(
    conn: &mut DbConnection,
    number: &CardNumber,
    today: NaiveDate,
) -> Result<(CardRow, DeliveryRow), CardError> {
    let card = store::find(conn, number.as_str())?.ok_or(CardError::CardNotFound)?;
    if card.status != "active" || card.expires_on < today {
        return Err(CardError::NotActive);
    }
    let delivery = store::delivery_of(conn, number.as_str())?.ok_or(CardError::NotActive)?;
    Ok((card, delivery))
}

/// The card, active, to be picked up at the site the actor works at, at `stage`.
fn pickup_here(
    conn: &mut DbConnection,
    actor: &Actor,
    number: &CardNumber,
    today: NaiveDate,
    stage: Stage,
) -> Result<(), CardError> {
    let (card, delivery) = active_card(conn, number, today)?;
    let now_at = card_service::delivery_state(&card, &delivery).stage();
    if Delivery::from_stored(Some(&delivery.method)) != Delivery::Pickup
        || delivery.delivered_at.is_some()
    {
        return Err(CardError::WrongStage(now_at));
    }
    // Past its day the card is to be shredded, whether or not the purge has run yet.
    if delivery.collect_by.is_some_and(|by| by < today) {
        return Err(CardError::WrongStage(Stage::Uncollected));
    }
    let site = sites::recording_site(conn, actor, today)?.ok_or(sites::SiteError::Required)?;
    if delivery.pickup_site.as_deref() != Some(site.as_str()) {
        return Err(CardError::NotPickedUpHere);
    }
    if now_at != stage {
        return Err(CardError::WrongStage(now_at));
    }
    Ok(())
}

fn parse(card_number: &str) -> Result<CardNumber, CardError> {
    CardNumber::parse(card_number).map_err(CardError::CardNumber)
}

/// One audited step on a card's way (`action` in the audit trail), in one transaction behind
/// the chain head, as every change at a site: `step` checks the card and writes the step, with
/// the number, now and today. Answers the card after it.
fn audited_step(
    ctx: &AppContext,
    actor: &Actor,
    card_number: &str,
    action: &'static str,
    step: impl Fn(&mut DbConnection, &CardNumber, (DateTime<Utc>, NaiveDate)) -> Result<(), CardError>,
) -> Result<CardSummary, CardError> {
    let number = parse(card_number)?;
    let now = ctx.clock.now();
    let today = ctx.clock.today();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, CardError, _>(&mut conn, |conn| {
        crate::db::audit::lock_head(conn)?;
        step(conn, &number, (now, today))?;
        audit::record(conn, now, &actor.staff_id, action, Some(number.as_str()))?;
        Ok(())
    })?;
    let card = store::find(&mut conn, number.as_str())?.ok_or(CardError::CardNotFound)?;
    let delivery = store::delivery_of(&mut conn, number.as_str())?;
    Ok(card_service::summary(&card, delivery.as_ref(), today))
}

/// A pick-up card printed elsewhere has reached its site: ready, to be collected within the
/// configured days from today. Audited.
pub fn arrived(
    ctx: &AppContext,
    actor: &Actor,
    card_number: &str,
) -> Result<CardSummary, CardError> {
    audited_step(
        ctx,
        actor,
        card_number,
        "card.arrived",
        |conn, number, (now, today)| {
            pickup_here(conn, actor, number, today, Stage::Printed)?;
            let by = card_service::collect_by(ctx, today);
            store::mark_ready(conn, number.as_str(), now.naive_utc(), by)?;
            Ok(())
        },
    )
}

/// A ready pick-up card handed over at its site to the resident, whose face the clerk checked
/// against the card's photo. Audited.
pub fn hand_over(
    ctx: &AppContext,
    actor: &Actor,
    card_number: &str,
    identity_checked: bool,
) -> Result<CardSummary, CardError> {
    parse(card_number)?;
    if !identity_checked {
        return Err(CardError::HolderUnchecked);
    }
    audited_step(
        ctx,
        actor,
        card_number,
        "card.hand_over",
        |conn, number, (now, today)| {
            pickup_here(conn, actor, number, today, Stage::Ready)?;
            store::mark_delivered(conn, number.as_str(), now.date_naive())?;
            Ok(())
        },
    )
}

/// A pick-up card not yet handed over is to be collected at another open site instead (its
/// site is closing, or the resident asked): it must arrive there, and is collected within the
/// configured days from today. Audited.
pub fn move_pickup(
    ctx: &AppContext,
    actor: &Actor,
    card_number: &str,
    site: &str,
) -> Result<CardSummary, CardError> {
    let choice = DeliveryChoice::Pickup {
        site: site.trim().to_owned(),
    };
    audited_step(
        ctx,
        actor,
        card_number,
        "card.pickup_moved",
        |conn, number, (_, today)| {
            sites::recording_site(conn, actor, today)?;
            let (card, delivery) = active_card(conn, number, today)?;
            let state = card_service::delivery_state(&card, &delivery);
            if state.delivery != Delivery::Pickup || delivery.delivered_at.is_some() {
                return Err(CardError::WrongStage(state.stage()));
            }
            card_service::pickup_site_open(ctx, conn, &choice, today)?;
            let by = card_service::collect_by(ctx, today);
            store::move_pickup(conn, number.as_str(), choice.pickup_site(), by)?;
            Ok(())
        },
    )
}

/// A printed card to be mailed has been mailed. Audited.
pub fn mailed(
    ctx: &AppContext,
    actor: &Actor,
    card_number: &str,
) -> Result<CardSummary, CardError> {
    audited_step(
        ctx,
        actor,
        card_number,
        "card.mailed",
        |conn, number, (now, today)| {
            sites::recording_site(conn, actor, today)?;
            let (card, delivery) = active_card(conn, number, today)?;
            let state = card_service::delivery_state(&card, &delivery);
            if state.delivery != Delivery::Mail || state.stage() != Stage::Printed {
                return Err(CardError::WrongStage(state.stage()));
            }
            store::mark_delivered(conn, number.as_str(), now.date_naive())?;
            Ok(())
        },
    )
}

/// The pick-up cards waiting at the actor's site: on their way, then ready, each with the day
/// it must be collected by. Card numbers and days only: no name leaves the vault for a list.
pub fn queue(ctx: &AppContext, actor: &Actor) -> Result<(String, Vec<CardSummary>), CardError> {
    let today = ctx.clock.today();
    let mut conn = ctx.db()?;
    let site = sites::recording_site(&mut conn, actor, today)?.ok_or(sites::SiteError::Required)?;
    let cards = store::pickup_queue(&mut conn, &site)?;
    let list = cards
        .iter()
        .map(|(card, delivery)| card_service::summary(card, Some(delivery), today))
        .collect();
    Ok((site, list))
}

/// Revokes every pick-up card whose collection day is before `as_of` and that nobody collected
/// (audited as `card.uncollected` by `trigger`); a resident left with no active card is due
/// for destruction at once (a legal hold still keeps the record). Counts the cards revoked in
/// `revoked`, which holds what was done even when a later batch fails.
pub fn revoke_uncollected(
    ctx: &AppContext,
    conn: &mut DbConnection,
    (as_of, trigger): (NaiveDate, &str),
    revoked: &mut u64,
) -> Result<(), CardError> {
    loop {
        let due = store::uncollected(conn, as_of, BATCH)?;
        if due.is_empty() {
            return Ok(());
        }
        let now = ctx.clock.now();
        *revoked += crate::db::transaction::<_, CardError, _>(conn, |conn| {
            crate::db::audit::lock_head(conn)?;
            let mut done = 0;
            for (number, resident_id) in &due {
                let number = number.as_str();
                let reason = RevokeReason::Uncollected.as_str();
                // Not a card handed over or revoked since the list was read.
                let delivered = store::delivery_of(conn, number)?
                    .is_none_or(|delivery| delivery.delivered_at.is_some());
                if delivered || store::revoke(conn, number, now.naive_utc(), reason)? == 0 {
                    continue;
                }
                audit::record(conn, now, trigger, "card.uncollected", Some(number))?;
                done += 1;
                if let Some(resident_id) = resident_id.as_deref() {
                    destroy_soon(ctx, conn, resident_id, number, as_of)?;
                }
            }
            Ok(done)
        })?;
    }
}

/// The data kept for an uncollected card goes with it: unless the resident has another active
/// card, their record is due the day before `as_of`, so this purge destroys it.
fn destroy_soon(
    ctx: &AppContext,
    conn: &mut DbConnection,
    resident_id: &str,
    card_number: &str,
    as_of: NaiveDate,
) -> Result<(), CardError> {
    let Some(resident) = residents::find(conn, resident_id)? else {
        return Ok(());
    };
    let all_cards = store::for_resident(conn, resident_id)?;
    let date = if store::has_other_active(conn, resident_id, card_number)? {
        custody::destruction_date(ctx, &resident, &all_cards)
    } else {
        as_of
            .checked_sub_days(Days::new(1))
            .ok_or_else(|| Internal::new("uncollected", anyhow::anyhow!("date out of range")))?
    };
    custody::follow_destruction_date(ctx, conn, &resident, date)?;
    Ok(())
}
