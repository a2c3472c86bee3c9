//! Legal holds: an admin places one with the order's reference and its scope, and later lifts
//! it; both are audited. While a hold is in force the records it covers are not destroyed —
//! neither the resident past their date nor a printed card's address — and the key ratchet
//! carries their keys forward. Destruction resumes at the first purge after the lift.

use chrono::NaiveDate;

use super::{audit, Actor};
use crate::context::AppContext;
use crate::db::legal_holds::{self as store, HoldRow};
use crate::db::{residents, sites, staff as staff_store, DbConnection};
use crate::domain::legal_holds::{check_reference, HoldScope, LegalHold};
use crate::error::Internal;

#[derive(Debug, thiserror::Error)]
pub enum HoldError {
    #[error("{field}: {why}")]
    Invalid {
        field: &'static str,
        why: &'static str,
    },
    #[error("no such hold")]
    NotFound,
    #[error("the hold was lifted before")]
    Lifted,
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<diesel::result::Error> for HoldError {
    fn from(e: diesel::result::Error) -> Self {
        HoldError::Internal(e.into())
    }
}

/// A hold as listed: who placed and lifted it (usernames) and how many records it covers now.
#[derive(Debug, Clone)]
pub struct HoldView {
    pub hold: LegalHold,
    pub placed_by: String,
    pub lifted_by: Option<String>,
}

fn hold_of(row: &HoldRow) -> Result<LegalHold, Internal> {
    let scope = HoldScope::from_parts(
        &row.scope,
        (row.enrolled_from, row.enrolled_to),
        row.site.clone(),
    )
    .ok_or_else(|| Internal::new("legal hold", anyhow::anyhow!("stored scope is not whole")))?;
    Ok(LegalHold {
        id: row.id.clone(),
        reference: row.reference.clone(),
        scope,
        placed_at: row.placed_at.and_utc(),
        lifted_at: row.lifted_at.map(|at| at.and_utc()),
    })
}

fn username(conn: &mut DbConnection, staff_id: &str) -> Result<String, Internal> {
    Ok(
        staff_store::find_by_id(conn, staff_id)?
            .map_or_else(|| staff_id.to_owned(), |s| s.username),
    )
}

fn view_of(conn: &mut DbConnection, row: &HoldRow) -> Result<HoldView, Internal> {
    Ok(HoldView {
        hold: hold_of(row)?,
        placed_by: username(conn, &row.placed_by)?,
        lifted_by: row
            .lifted_by
            .as_deref()
            .map(|id| username(conn, id))
            .transpose()?,
    })
}

/// Every hold, those in force first.
pub fn list(ctx: &AppContext) -> Result<Vec<HoldView>, HoldError> {
    let mut conn = ctx.db()?;
    let rows = store::list(&mut conn)?;
    Ok(rows
        .iter()
        .map(|row| view_of(&mut conn, row))
        .collect::<Result<_, _>>()?)
}

/// The holds in force, for the retention report.
pub fn in_force(conn: &mut DbConnection) -> Result<Vec<LegalHold>, Internal> {
    store::in_force(conn)?.iter().map(hold_of).collect()
}

/// Places a hold; answers it with how many records it covers now. A site scope names a site
/// the program has (open or not); a day range is whole days, the first not after the last.
pub fn place(
    ctx: &AppContext,
    actor: &Actor,
    reference: &str,
    scope: HoldScope,
) -> Result<(HoldView, u64), HoldError> {
    let reference = check_reference(reference).map_err(|why| HoldError::Invalid {
        field: "reference",
        why,
    })?;
    if let HoldScope::EnrolledBetween { from, to } = &scope {
        if from > to {
            return Err(HoldError::Invalid {
                field: "enrolled_to",
                why: "the last day of the range comes before its first",
            });
        }
    }
    let now = ctx.clock.now();
    let (from, to) = match &scope {
        HoldScope::EnrolledBetween { from, to } => (Some(*from), Some(*to)),
        _ => (None, None),
    };
    let row = HoldRow {
        id: uuid::Uuid::new_v4().to_string(),
        reference,
        scope: scope.kind().to_owned(),
        enrolled_from: from,
        enrolled_to: to,
        site: match &scope {
            HoldScope::Site(code) => Some(code.clone()),
            _ => None,
        },
        placed_at: now.naive_utc(),
        placed_by: actor.staff_id.clone(),
        lifted_at: None,
        lifted_by: None,
    };
    let mut conn = ctx.db()?;
    let covered = crate::db::transaction::<_, HoldError, _>(&mut conn, |conn| {
        if let HoldScope::Site(code) = &scope {
            if sites::find(conn, code)?.is_none() {
                return Err(HoldError::Invalid {
                    field: "site",
                    why: "no site has that code",
                });
            }
        }
        // The chain head first: an enrollment committing meanwhile is flagged by one side.
        audit::record(
            conn,
            now,
            &actor.staff_id,
            "legal_hold.place",
            Some(&row.id),
        )?;
        store::insert(conn, &row)?;
        Ok(store::mark_covered(conn, &scope)? as u64)
    })?;
    tracing::info!(
        event = "legal_hold_placed",
        scope = scope.kind(),
        covered,
        "a legal hold was placed"
    );
    Ok((view_of(&mut conn, &row)?, covered))
}

/// Lifts a hold: the records no other hold in force covers may be destroyed again.
pub fn lift(ctx: &AppContext, actor: &Actor, id: &str) -> Result<HoldView, HoldError> {
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, HoldError, _>(&mut conn, |conn| {
        audit::record(conn, now, &actor.staff_id, "legal_hold.lift", Some(id))?;
        if store::lift(conn, id, (now.naive_utc(), &actor.staff_id))? != 1 {
            return Err(match store::find(conn, id)? {
                Some(_) => HoldError::Lifted,
                None => HoldError::NotFound,
            });
        }
        store::clear_held(conn)?;
        for hold in in_force(conn)? {
            store::mark_covered(conn, &hold.scope)?;
        }
        Ok(())
    })?;
    tracing::info!(event = "legal_hold_lifted", "a legal hold was lifted");
    let row = store::find(&mut conn, id)?.ok_or(HoldError::NotFound)?;
    Ok(view_of(&mut conn, &row)?)
}

/// A resident just enrolled (inside its transaction, after the audit chain head): flagged when
/// a hold in force covers it.
pub(super) fn hold_if_covered(
    conn: &mut DbConnection,
    resident_id: &str,
    (enrolled_on, site): (NaiveDate, Option<&str>),
) -> Result<(), Internal> {
    let covered = in_force(conn)?
        .iter()
        .any(|hold| hold.scope.covers(enrolled_on, site));
    if covered {
        residents::hold(conn, resident_id)?;
    }
    Ok(())
}
