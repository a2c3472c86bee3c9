//! The issuer every card names: `public_base_url`. A card verifies only at the issuer it names,
//! so an instance configured with another base URL than the one that issued the cards in its
//! database would answer `{"valid": false}` for every one of them. Start-up says so.

use crate::context::AppContext;
use crate::db::{cards, settings};
use crate::error::Internal;

/// What start-up found.
#[derive(Debug, PartialEq, Eq)]
pub enum IssuerCheck {
    /// The database's issuer is this instance's `public_base_url` (or was just recorded as it).
    Same,
    /// Another issuer, and this many cards still active name it.
    Differs { recorded: String, active_cards: i64 },
}

/// Compares `public_base_url` with the issuer recorded in the database, recording it when none
/// is (or when no active card names the old one), and warns when they differ.
pub fn check_at_start(ctx: &AppContext) -> Result<IssuerCheck, Internal> {
    let ours = &ctx.config.public_base_url;
    let mut conn = ctx.db()?;
    let recorded = settings::get(&mut conn, settings::ISSUER)?;
    let Some(recorded) = recorded.filter(|r| r != ours) else {
        settings::set(&mut conn, settings::ISSUER, ours)?;
        return Ok(IssuerCheck::Same);
    };
    let active_cards = cards::count_active(&mut conn, ctx.clock.today())?;
    if active_cards == 0 {
        tracing::warn!(
            before = %recorded,
            now = %ours,
            "public_base_url changed; no active card named the old issuer, so new cards name the new one"
        );
        settings::set(&mut conn, settings::ISSUER, ours)?;
        return Ok(IssuerCheck::Same);
    }
    tracing::error!(
        issuer = %recorded,
        public_base_url = %ours,
        active_cards,
        "public_base_url differs from the issuer the cards in this database name: this instance \
         answers {{\"valid\": false}} for every one of them. Set public_base_url to the issuer \
         (every instance the same), or reissue the cards"
    );
    Ok(IssuerCheck::Differs {
        recorded,
        active_cards,
    })
}
