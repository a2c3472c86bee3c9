//! Cards: issue (revoking the resident's earlier card), look up, revoke, print as PDF. Each
//! issue, revocation and print is audited, and so is every read of personal data (the checks
//! at issue, the cards of a resident, a card's PDF); the resident's data key follows the new destruction
//! date; the status list is rebuilt after a revocation.

use chrono::{DateTime, NaiveDate, Utc};

use super::sites::{self, SiteError};
use super::{audit, custody, vault, Actor};
use crate::context::AppContext;
use crate::crypto::card_token::{qr_text, sign_card_token, CardClaims};
use crate::db::cards::{self as store, CardRow, DeliveryRow};
use crate::db::residents::ResidentRow;
use crate::db::{dialect, residents, DbConnection};
use crate::domain::card::{
    end_of_day_timestamp, CardNumber, CardNumberError, CardStatus, IssueReason, RenewalWindow,
    RevokeReason,
};
use crate::domain::delivery::{
    self, Delivery, DeliveryChoice, DeliveryError, DeliveryState, Stage,
};
use crate::domain::fees::{FeeDue, FeeError, FeeOutcome, FeeRecord};
use crate::domain::program_counts::Counted;
use crate::domain::resident::{Address, CardFace};
use crate::error::Internal;
use crate::render::card_pdf::{CardPrint, RenderError};

/// At most this many cards in one print request.
pub const MAX_BATCH: usize = 1000;

/// A card as the clerk's tools list it.
#[derive(Debug)]
pub struct CardSummary {
    pub card_number: String,
    pub status: CardStatus,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
    /// Absent once the resident's data is destroyed (the card remains as a tombstone).
    pub issue_reason: Option<String>,
    pub printed: bool,
    /// The sites (codes) it was issued and printed at, where the program records sites.
    pub issued_site: Option<String>,
    pub printed_site: Option<String>,
    /// How it reaches the resident, where it is on the way, the site it is collected at, and
    /// by when (absent on a tombstone).
    pub delivery: Option<Delivery>,
    pub stage: Option<Stage>,
    pub pickup_site: Option<String>,
    pub collect_by: Option<NaiveDate>,
}

/// What the clerk asks for when issuing a card: why, how the fee was settled, and how the card
/// reaches the resident.
#[derive(Debug, Clone)]
pub struct CardOrder {
    pub reason: IssueReason,
    pub fee: Option<FeeRecord>,
    pub delivery: DeliveryChoice,
}

impl CardOrder {
    /// A card printed and handed over at the counter.
    pub fn at_counter(reason: IssueReason, fee: Option<FeeRecord>) -> Self {
        Self {
            reason,
            fee,
            delivery: DeliveryChoice::Counter,
        }
    }
}

/// A card just issued.
#[derive(Debug)]
pub struct NewCard {
    pub card_number: String,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
    pub status: CardStatus,
    /// What the card's QR code holds: the verifier page's address with the signed token.
    pub qr_text: String,
    /// The fee due for it, and how it was settled.
    pub fee: FeeDue,
    pub fee_outcome: FeeOutcome,
    pub delivery: DeliveryChoice,
    /// For a pick-up card: the day by which it must be collected.
    pub collect_by: Option<NaiveDate>,
}

#[derive(Debug, thiserror::Error)]
pub enum CardError {
    #[error("no such resident")]
    ResidentNotFound,
    #[error("no such card")]
    CardNotFound,
    #[error(transparent)]
    CardNumber(CardNumberError),
    #[error("the card is not active")]
    NotActive,
    #[error("the resident's personal data has been destroyed")]
    ResidentGone,
    #[error("`{field}` uses a script the card fonts cannot print")]
    UnsupportedScript { field: &'static str },
    #[error("`{field}` is too long to fit on the card")]
    DoesNotFit { field: &'static str },
    #[error("between 1 and {MAX_BATCH} card numbers")]
    BatchSize,
    /// A renewal asked for with no card, or outside the renewal window of the last one.
    #[error("outside the renewal window")]
    OutsideRenewalWindow,
    /// A replacement or update asked for with no active card to replace (or, for a card never
    /// received, none that was printed to be mailed).
    #[error("the resident has no active card to replace")]
    NoCardToReplace,
    /// A fee is due and was recorded neither as paid nor as waived.
    #[error("record the fee as paid or waived before the card is issued")]
    FeeRequired(FeeDue),
    #[error("not a waiver category of this program")]
    UnknownWaiver,
    #[error(transparent)]
    Delivery(#[from] DeliveryError),
    /// The resident's record changed while the card was being issued.
    #[error("the record changed meanwhile")]
    ChangedMeanwhile,
    /// The card is not where this step needs it (`Stage` says where it is).
    #[error("the card is not at the stage this step needs")]
    WrongStage(Stage),
    /// The card is not collected at the site the clerk works at.
    #[error("the card is not picked up at this site")]
    NotPickedUpHere,
    /// The clerk did not confirm that the person collecting is the card's holder.
    #[error("check the holder's face against the card's photo")]
    HolderUnchecked,
    /// The pick-up site named is not a site open today.
    #[error("no open site has that code")]
    PickupSiteNotOpen,
    /// The session has no site to record the issue or print at, or its site is closed.
    #[error(transparent)]
    Site(#[from] SiteError),
    #[error(transparent)]
    Internal(#[from] Internal),
}

impl From<diesel::result::Error> for CardError {
    fn from(e: diesel::result::Error) -> Self {
        CardError::Internal(e.into())
    }
}

impl From<vault::VaultError> for CardError {
    fn from(e: vault::VaultError) -> Self {
        match e {
            vault::VaultError::Destroyed => CardError::ResidentGone,
            vault::VaultError::Corrupt(cause) | vault::VaultError::Internal(cause) => {
                CardError::Internal(cause)
            }
        }
    }
}

impl From<RenderError> for CardError {
    fn from(e: RenderError) -> Self {
        match e {
            RenderError::UnsupportedScript { field } => CardError::UnsupportedScript { field },
            RenderError::DoesNotFit { field } => CardError::DoesNotFit { field },
            other => CardError::Internal(Internal::new("card PDF", anyhow::anyhow!("{other}"))),
        }
    }
}

impl From<FeeError> for CardError {
    fn from(e: FeeError) -> Self {
        match e {
            FeeError::Required(due) => CardError::FeeRequired(due),
            FeeError::UnknownWaiver => CardError::UnknownWaiver,
        }
    }
}

fn parse_number(raw: &str) -> Result<CardNumber, CardError> {
    CardNumber::parse(raw).map_err(CardError::CardNumber)
}

/// The QR text for a card: a token signed now. Signatures are randomised (ring's hedged nonce,
/// as an HSM's), so each print carries a different signature over the same claims.
pub fn qr_text_for(ctx: &AppContext, card: &CardRow) -> Result<String, Internal> {
    let claims = CardClaims {
        issuer: ctx.config.public_base_url.clone(),
        card_number: card.card_number.clone(),
        issued_at: card.issued_at.and_utc().timestamp(),
        expires_at: end_of_day_timestamp(card.expires_on),
        status_index: u64::try_from(card.status_index).unwrap_or(u64::MAX),
        status_uri: ctx.status_list.uri().to_owned(),
    };
    let token =
        sign_card_token(&ctx.signing, &claims).map_err(|e| Internal::new("card token", e))?;
    Ok(qr_text(&ctx.config.public_base_url, &token))
}

pub(super) fn summary(
    card: &CardRow,
    delivery: Option<&DeliveryRow>,
    today: NaiveDate,
) -> CardSummary {
    CardSummary {
        card_number: card.card_number.clone(),
        status: CardStatus::on(&card.status, card.expires_on, today),
        issued_on: card.issued_on,
        expires_on: card.expires_on,
        issue_reason: card.issue_reason.clone(),
        printed: card.printed_at.is_some(),
        issued_site: card.issued_site.clone(),
        printed_site: card.printed_site.clone(),
        delivery: delivery.map(|d| Delivery::from_stored(Some(&d.method))),
        stage: delivery.and_then(|d| stage_of(card, d, today)),
        pickup_site: delivery.and_then(|d| d.pickup_site.clone()),
        collect_by: delivery.and_then(|d| d.collect_by),
    }
}

/// Where a card is on its way: for an active card, or one that reached its resident; a card
/// revoked or expired before that is nowhere (or, revoked for it, uncollected).
fn stage_of(card: &CardRow, delivery: &DeliveryRow, today: NaiveDate) -> Option<Stage> {
    let stage = delivery_state(card, delivery).stage();
    let active = CardStatus::on(&card.status, card.expires_on, today) == CardStatus::Active;
    match stage {
        Stage::HandedOver | Stage::Mailed | Stage::Uncollected => Some(stage),
        _ if active => Some(stage),
        _ => None,
    }
}

pub(super) fn delivery_state<'a>(card: &'a CardRow, delivery: &DeliveryRow) -> DeliveryState<'a> {
    DeliveryState {
        delivery: Delivery::from_stored(Some(&delivery.method)),
        printed_at: card.printed_at,
        ready_at: delivery.ready_at,
        delivered_at: delivery.delivered_at,
        revoke_reason: card.revoke_reason.as_deref(),
    }
}

/// The day a pick-up card must be collected by, counted from `from`.
pub(super) fn collect_by(ctx: &AppContext, from: NaiveDate) -> NaiveDate {
    delivery::collect_by(from, ctx.config.cards.pickup_collect_days)
}

/// The site a pick-up card is collected at: open today and, as far as its last day says,
/// until the card must be collected (read behind the chain head).
pub(super) fn pickup_site_open(
    ctx: &AppContext,
    conn: &mut DbConnection,
    choice: &DeliveryChoice,
    today: NaiveDate,
) -> Result<(), CardError> {
    let Some(code) = choice.pickup_site() else {
        return Ok(());
    };
    let site = sites::still_open(conn, Some(code), today)?.ok_or(CardError::PickupSiteNotOpen)?;
    match site.closes_on {
        Some(last_day) if last_day < collect_by(ctx, today) => Err(CardError::PickupSiteNotOpen),
        _ => Ok(()),
    }
}

fn print_of(
    face: &CardFace,
    card: Option<&CardRow>,
    qr: String,
    address: Option<Address>,
    photo: Vec<u8>,
) -> CardPrint {
    CardPrint {
        legal_name: face.legal_name.as_str().to_owned(),
        preferred_name: face.preferred_name.as_ref().map(|n| n.as_str().to_owned()),
        date_of_birth: face.date_of_birth.date(),
        card_number: card
            .and_then(|c| CardNumber::parse(&c.card_number).ok())
            .map(|n| n.grouped())
            .unwrap_or_else(|| "0000 0000 0000".into()),
        issued_on: card.map_or(NaiveDate::MIN, |c| c.issued_on),
        expires_on: card.map_or(NaiveDate::MIN, |c| c.expires_on),
        gender: face.gender.map(|g| format!("{g:?}")),
        veteran: face.veteran,
        photo_jpeg: photo,
        qr_text: qr,
        // A confidential card carries no address, whatever the record holds.
        address_lines: address
            .filter(|_| !face.confidential)
            .map(|a| a.lines())
            .unwrap_or_default(),
        languages: face
            .languages
            .iter()
            .map(|l| l.as_str().to_owned())
            .collect(),
        emergency_contact: face
            .emergency_contact
            .as_ref()
            .map(|c| format!("{} · {}", c.name.as_str(), c.phone.as_str())),
        organ_donor: face.organ_donor,
        second_language: face.card_language.as_ref().map(|l| l.as_str().to_owned()),
    }
}

/// Writes a new card for `resident` (a fresh number and status index), revoking its active
/// card, and moves the record's destruction date to follow its cards; audited.
fn record_new_card(
    ctx: &AppContext,
    conn: &mut DbConnection,
    actor: &Actor,
    resident: &ResidentRow,
    (reason, fee, choice): (IssueReason, Counted, &DeliveryChoice),
    (now, today): (DateTime<Utc>, NaiveDate),
    expires_on: NaiveDate,
) -> Result<(CardRow, DeliveryRow), CardError> {
    let resident_id = resident.id.as_str();
    // Behind the chain head: a site closing meanwhile is seen closed.
    crate::db::audit::lock_head(conn)?;
    let site = sites::recording_site(conn, actor, today)?;
    unchanged_since(conn, resident)?;
    pickup_site_open(ctx, conn, choice, today)?;
    let number = loop {
        let candidate = CardNumber::generate(&mut rand::rngs::OsRng);
        if store::find(conn, candidate.as_str())?.is_none() {
            break candidate;
        }
    };
    audit::record(
        conn,
        now,
        &actor.staff_id,
        "card.issue",
        Some(number.as_str()),
    )?;
    let superseded = store::revoke_active_of(
        conn,
        resident_id,
        now.naive_utc(),
        reason.revokes_previous_as().as_str(),
    )?;
    for old in &superseded {
        audit::record(conn, now, &actor.staff_id, "card.revoke", Some(old))?;
    }
    let card = CardRow {
        card_number: number.as_str().to_owned(),
        resident_id: Some(resident_id.to_owned()),
        status: CardStatus::Active.as_stored().to_owned(),
        status_index: unused_status_index(ctx, conn)?,
        issue_reason: Some(reason.as_str().to_owned()),
        issued_on: today,
        expires_on,
        issued_at: now.naive_utc(),
        issued_by: Some(actor.staff_id.clone()),
        revoked_at: None,
        revoke_reason: None,
        printed_at: None,
        issued_site: site.clone(),
        printed_site: None,
    };
    let delivery = DeliveryRow {
        card_number: card.card_number.clone(),
        method: choice.method().as_stored().to_owned(),
        pickup_site: choice.pickup_site().map(str::to_owned),
        ready_at: None,
        delivered_at: None,
        collect_by: choice.pickup_site().map(|_| collect_by(ctx, today)),
    };
    store::insert(conn, &card, &delivery)?;
    super::program_counts::record(
        conn,
        (today, site.as_deref()),
        &[Counted::CardIssued(reason), fee],
    )?;
    let all_cards = store::for_resident(conn, resident_id)?;
    custody::follow_destruction_date(
        ctx,
        conn,
        resident,
        custody::destruction_date(ctx, resident, &all_cards),
    )?;
    Ok((card, delivery))
}

/// The delivery was checked against the record as read before the transaction: a change since
/// (made confidential, an address removed) is seen here, and the clerk looks again.
fn unchanged_since(conn: &mut DbConnection, resident: &ResidentRow) -> Result<(), CardError> {
    match residents::find(conn, &resident.id)? {
        Some(now_row)
            if now_row.updated_at == resident.updated_at
                && now_row.address_key == resident.address_key =>
        {
            Ok(())
        }
        Some(_) => Err(CardError::ChangedMeanwhile),
        None => Err(CardError::ResidentGone),
    }
}

/// Whether the resident's cards allow `reason` (each reason has its own fee, so a reason that
/// does not fit would also charge the wrong one): a renewal needs a card that expires (or
/// expired) within the window; a replacement or an update needs a card to replace — the newest,
/// not expired, active or revoked as lost, stolen or damaged (a clerk revokes a stolen card,
/// then replaces it) — and "never received" one that was printed to be mailed. A new card
/// needs nothing.
fn check_reason_fits(
    ctx: &AppContext,
    conn: &mut DbConnection,
    resident_id: &str,
    reason: IssueReason,
    today: NaiveDate,
) -> Result<(), CardError> {
    let cards = store::for_resident(conn, resident_id)?;
    // Newest first.
    let replaceable = cards.first().filter(|card| {
        let revoked_for = card.revoke_reason.as_deref();
        card.expires_on >= today
            && (card.status == CardStatus::Active.as_stored()
                || matches!(revoked_for, Some("lost" | "stolen" | "damaged")))
    });
    match reason {
        IssueReason::New => Ok(()),
        IssueReason::Renewal => {
            let cards_config = &ctx.config.cards;
            let window = RenewalWindow {
                opens_days_before: cards_config.renewal_opens_days_before,
                closes_days_after: cards_config.renewal_closes_days_after,
            };
            match cards.iter().map(|card| card.expires_on).max() {
                Some(expires_on) if window.allows(expires_on, today) => Ok(()),
                _ => Err(CardError::OutsideRenewalWindow),
            }
        }
        IssueReason::ReplacementNeverReceived => match replaceable {
            Some(card) if card.printed_at.is_some() => Ok(()),
            _ => Err(CardError::NoCardToReplace),
        },
        IssueReason::ReplacementLost
        | IssueReason::ReplacementStolen
        | IssueReason::ReplacementDamaged
        | IssueReason::Update => match replaceable {
            Some(_) => Ok(()),
            None => Err(CardError::NoCardToReplace),
        },
    }
}

/// The fee due for a card issued for `reason` to a resident born as `face` says, on `today`,
/// and how what the clerk recorded settles it.
fn settle_fee(
    ctx: &AppContext,
    face: &CardFace,
    reason: IssueReason,
    today: NaiveDate,
    record: Option<FeeRecord>,
) -> Result<(FeeDue, FeeOutcome), CardError> {
    let bands = &ctx.age_bands;
    let age = face.date_of_birth.age_on(today);
    let band = bands.of_age(age).unwrap_or(&bands.all()[0]);
    let due = ctx.fees.due(reason, &band.code);
    let outcome = ctx.fees.settle(&due, record)?;
    Ok((due, outcome))
}

/// Issues a card for the order's reason, once its fee (if one is due) is recorded as paid or
/// waived, to be delivered as ordered; the resident's earlier active card is revoked in the
/// same transaction.
pub fn issue(
    ctx: &AppContext,
    actor: &Actor,
    resident_id: &str,
    order: CardOrder,
) -> Result<NewCard, CardError> {
    let CardOrder {
        reason,
        fee,
        delivery: choice,
    } = order;
    let now = ctx.clock.now();
    let today = ctx.clock.today();
    let mut conn = ctx.db()?;
    let resident = residents::find(&mut conn, resident_id)?.ok_or(CardError::ResidentNotFound)?;
    check_reason_fits(ctx, &mut conn, resident_id, reason, today)?;
    let (key, face) = vault::open_face(ctx, &resident)?;
    let sealed_photo =
        residents::find_photo(&mut conn, resident_id)?.ok_or(CardError::ResidentGone)?;
    let photo = vault::open_photo(&key, resident_id, &sealed_photo)?;
    let address = vault::address_of(ctx, &resident)?;
    // Decrypted on the clerk's behalf, whether or not the card is then issued.
    audit::record_alone(
        &mut conn,
        now,
        &actor.staff_id,
        "resident.issue_read",
        Some(resident_id),
    )?;
    delivery::check(&choice, face.confidential, address.is_some())?;
    // A card that cannot be printed exactly is not issued at all (said before any fee is taken).
    ctx.card_renderer
        .check_printable(&print_of(&face, None, String::new(), address, photo))?;
    let (due, fee_outcome) = settle_fee(ctx, &face, reason, today, fee)?;
    let expires_on = ctx
        .age_bands
        .expires_on(today, face.date_of_birth.age_on(today));

    let counted_fee = Counted::Fee(fee_outcome.counted_as());
    let (card, delivery) = crate::db::transaction::<_, CardError, _>(&mut conn, |conn| {
        record_new_card(
            ctx,
            conn,
            actor,
            &resident,
            (reason, counted_fee, &choice),
            (now, today),
            expires_on,
        )
    })?;
    super::verification::reload_status_list(ctx, &mut conn)?;
    tracing::info!(
        event = "card_issued",
        reason = reason.as_str(),
        "a card was issued"
    );
    Ok(NewCard {
        qr_text: qr_text_for(ctx, &card)?,
        card_number: card.card_number,
        issued_on: card.issued_on,
        expires_on: card.expires_on,
        status: CardStatus::Active,
        fee: due,
        fee_outcome,
        delivery: choice,
        collect_by: delivery.collect_by,
    })
}

/// Whether a card for this face, address and photo prints exactly (no card is issued that
/// cannot).
pub(super) fn check_printable(
    ctx: &AppContext,
    face: &CardFace,
    address: Option<Address>,
    photo: Vec<u8>,
) -> Result<(), CardError> {
    Ok(ctx
        .card_renderer
        .check_printable(&print_of(face, None, String::new(), address, photo))?)
}

/// A card for a resident imported with an active card of the program's old system, inside the
/// import's transaction: a new number and status-list index (its token is signed when it
/// prints), the old card's expiry, delivered as `choice` says, issued by `operator` (the admin
/// responsible). Audited as the command line's.
pub(super) fn import_card(
    ctx: &AppContext,
    conn: &mut DbConnection,
    resident_id: &str,
    (operator, now, expires_on): (&str, DateTime<Utc>, NaiveDate),
    choice: &DeliveryChoice,
) -> Result<(), CardError> {
    let number = loop {
        let candidate = CardNumber::generate(&mut rand::rngs::OsRng);
        if store::find(conn, candidate.as_str())?.is_none() {
            break candidate;
        }
    };
    audit::record(
        conn,
        now,
        super::staff::CLI_ACTOR,
        "card.issue",
        Some(number.as_str()),
    )?;
    let card = CardRow {
        card_number: number.as_str().to_owned(),
        resident_id: Some(resident_id.to_owned()),
        status: CardStatus::Active.as_stored().to_owned(),
        status_index: unused_status_index(ctx, conn)?,
        issue_reason: Some(IssueReason::New.as_str().to_owned()),
        issued_on: now.date_naive(),
        expires_on,
        issued_at: now.naive_utc(),
        issued_by: Some(operator.to_owned()),
        revoked_at: None,
        revoke_reason: None,
        printed_at: None,
        issued_site: None,
        printed_site: None,
    };
    let delivery = DeliveryRow {
        card_number: card.card_number.clone(),
        method: choice.method().as_stored().to_owned(),
        pickup_site: None,
        ready_at: None,
        delivered_at: None,
        collect_by: None,
    };
    store::insert(conn, &card, &delivery)?;
    Ok(())
}

/// A random status-list index no card has ever had (the list never reuses one).
fn unused_status_index(ctx: &AppContext, conn: &mut DbConnection) -> Result<i64, CardError> {
    for _ in 0..64 {
        let index = ctx.status_list.random_index();
        if !crate::db::cards::status_index_taken(conn, index)? {
            return Ok(index);
        }
    }
    Err(Internal::new(
        "status list",
        anyhow::anyhow!("the status list is nearly full: raise cards.status_list_size"),
    )
    .into())
}

pub fn get(ctx: &AppContext, card_number: &str) -> Result<CardSummary, CardError> {
    let number = parse_number(card_number)?;
    let mut conn = ctx.db()?;
    let card = store::find(&mut conn, number.as_str())?.ok_or(CardError::CardNotFound)?;
    let delivery = store::delivery_of(&mut conn, number.as_str())?;
    Ok(summary(&card, delivery.as_ref(), ctx.clock.today()))
}

/// The cards of one resident, newest first: an audited read (it ties the resident to their
/// card numbers).
pub fn of_resident(
    ctx: &AppContext,
    actor: &Actor,
    resident_id: &str,
) -> Result<Vec<CardSummary>, CardError> {
    let now = ctx.clock.now();
    let today = ctx.clock.today();
    let mut conn = ctx.db()?;
    let cards = crate::db::transaction::<_, CardError, _>(&mut conn, |conn| {
        residents::find(conn, resident_id)?.ok_or(CardError::ResidentNotFound)?;
        audit::record(
            conn,
            now,
            &actor.staff_id,
            "resident.cards_read",
            Some(resident_id),
        )?;
        Ok(store::for_resident_with_delivery(conn, resident_id)?)
    })?;
    Ok(cards
        .iter()
        .map(|(card, delivery)| summary(card, delivery.as_ref(), today))
        .collect())
}

/// Whether a card is the resident's (a check on ids the clerk already holds; reads nothing).
pub fn belongs_to(
    ctx: &AppContext,
    resident_id: &str,
    card_number: &str,
) -> Result<bool, CardError> {
    let number = parse_number(card_number)?;
    let mut conn = ctx.db()?;
    Ok(store::find(&mut conn, number.as_str())?
        .is_some_and(|card| card.resident_id.as_deref() == Some(resident_id)))
}

/// Revokes an active card; gives the card's status after.
pub fn revoke(
    ctx: &AppContext,
    actor: &Actor,
    card_number: &str,
    reason: RevokeReason,
) -> Result<CardStatus, CardError> {
    let number = parse_number(card_number)?;
    let now = ctx.clock.now();
    let mut conn = ctx.db()?;
    crate::db::transaction::<_, CardError, _>(&mut conn, |conn| {
        let card = store::find(conn, number.as_str())?.ok_or(CardError::CardNotFound)?;
        audit::record(
            conn,
            now,
            &actor.staff_id,
            "card.revoke",
            Some(number.as_str()),
        )?;
        if store::revoke(conn, number.as_str(), now.naive_utc(), reason.as_str())? == 0 {
            return Err(CardError::NotActive);
        }
        if let Some(resident) = card
            .resident_id
            .as_deref()
            .map(|id| residents::find(conn, id))
            .transpose()?
            .flatten()
        {
            let all_cards = store::for_resident(conn, &resident.id)?;
            custody::follow_destruction_date(
                ctx,
                conn,
                &resident,
                custody::destruction_date(ctx, &resident, &all_cards),
            )?;
        }
        Ok(())
    })?;
    super::verification::reload_status_list(ctx, &mut conn)?;
    tracing::info!(
        event = "card_revoked",
        reason = reason.as_str(),
        "a card was revoked"
    );
    Ok(CardStatus::Revoked)
}

/// One PDF with each card front then back. Only active cards print.
pub fn print(
    ctx: &AppContext,
    actor: &Actor,
    card_numbers: &[String],
) -> Result<Vec<u8>, CardError> {
    render(ctx, actor, card_numbers, Purpose::Print)
}

/// One card's PDF as a read that changes nothing: a preview before printing, the card as
/// printed after. Audited as a read of the resident's data.
pub fn pdf(ctx: &AppContext, actor: &Actor, card_number: &str) -> Result<Vec<u8>, CardError> {
    render(ctx, actor, &[card_number.to_owned()], Purpose::Preview)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// Printed: marks the cards printed, which destroys a print-only address.
    Print,
    Preview,
}

/// What a print records for each card: whose it is, the address key it printed with, and how
/// it is delivered.
struct Printed {
    resident_id: String,
    address_key: Option<Vec<u8>>,
    delivery: Delivery,
    pickup_site: Option<String>,
}

/// A card just printed moves on: handed over at the counter there and then, or ready at once
/// when printed at its own pick-up site (otherwise a clerk there marks it arrived).
fn after_print(
    ctx: &AppContext,
    conn: &mut DbConnection,
    number: &CardNumber,
    printed: &Printed,
    site: Option<&str>,
) -> Result<(), CardError> {
    let now = ctx.clock.now();
    match printed.delivery {
        Delivery::Counter => {
            store::mark_delivered(conn, number.as_str(), now.date_naive())?;
        }
        Delivery::Pickup if site.is_some() && printed.pickup_site.as_deref() == site => {
            let by = collect_by(ctx, now.date_naive());
            store::mark_ready(conn, number.as_str(), now.naive_utc(), by)?;
        }
        Delivery::Pickup | Delivery::Mail => {}
    }
    Ok(())
}

/// Records the cards as printed (audited) and destroys each print-only address the cards
/// carried, if it is still the one printed. Answers whether an address was destroyed.
fn record_prints(
    ctx: &AppContext,
    conn: &mut DbConnection,
    actor: &Actor,
    numbers: &[CardNumber],
    printed_for: &[Printed],
) -> Result<bool, CardError> {
    let now = ctx.clock.now();
    let destroy_address = !ctx.config.retention.retain_address;
    let mut addresses_destroyed = false;
    crate::db::transaction::<_, CardError, _>(conn, |conn| {
        crate::db::audit::lock_head(conn)?;
        let site = sites::recording_site(conn, actor, now.date_naive())?;
        for (number, printed) in numbers.iter().zip(printed_for) {
            let Printed {
                resident_id,
                address_key,
                ..
            } = printed;
            audit::record(
                conn,
                now,
                &actor.staff_id,
                "card.print",
                Some(number.as_str()),
            )?;
            store::mark_printed(conn, number.as_str(), (now.naive_utc(), site.as_deref()))?;
            after_print(ctx, conn, number, printed, site.as_deref())?;
            // The address is print-only: once on the card, it leaves storage.
            let cleared = match address_key.as_deref() {
                Some(key) if destroy_address => {
                    residents::clear_address_if(conn, resident_id, Some(key))?
                }
                _ => 0,
            };
            if cleared > 0 {
                audit::record(
                    conn,
                    now,
                    &actor.staff_id,
                    "resident.address_destroy",
                    Some(resident_id),
                )?;
                addresses_destroyed = true;
            }
        }
        Ok(())
    })?;
    Ok(addresses_destroyed)
}

fn render(
    ctx: &AppContext,
    actor: &Actor,
    card_numbers: &[String],
    purpose: Purpose,
) -> Result<Vec<u8>, CardError> {
    if card_numbers.is_empty() || card_numbers.len() > MAX_BATCH {
        return Err(CardError::BatchSize);
    }
    let numbers = card_numbers
        .iter()
        .map(|n| parse_number(n))
        .collect::<Result<Vec<_>, _>>()?;
    let today = ctx.clock.today();
    let mut conn = ctx.db()?;
    let mut prints = Vec::with_capacity(numbers.len());
    let mut printed_for = Vec::with_capacity(numbers.len());
    for number in &numbers {
        let card = store::find(&mut conn, number.as_str())?.ok_or(CardError::CardNotFound)?;
        let delivery = store::delivery_of(&mut conn, number.as_str())?;
        if CardStatus::on(&card.status, card.expires_on, today) != CardStatus::Active {
            return Err(CardError::NotActive);
        }
        let resident_id = card.resident_id.clone().ok_or(CardError::ResidentGone)?;
        let resident = residents::find(&mut conn, &resident_id)?.ok_or(CardError::ResidentGone)?;
        let sealed_photo =
            residents::find_photo(&mut conn, &resident_id)?.ok_or(CardError::ResidentGone)?;
        let (key, face) = vault::open_face(ctx, &resident)?;
        let address = vault::address_of(ctx, &resident)?;
        let photo = vault::open_photo(&key, &resident.id, &sealed_photo)?;
        let qr = qr_text_for(ctx, &card)?;
        prints.push(print_of(&face, Some(&card), qr, address, photo));
        // The address this card carries, by its key: only that one is destroyed below.
        printed_for.push(Printed {
            resident_id,
            address_key: resident.address_key.clone(),
            delivery: Delivery::from_stored(delivery.as_ref().map(|d| d.method.as_str())),
            pickup_site: delivery.and_then(|d| d.pickup_site),
        });
    }
    let pdf = ctx.card_renderer.render(&prints)?;
    let now = ctx.clock.now();
    if purpose == Purpose::Preview {
        crate::db::transaction::<_, CardError, _>(&mut conn, |conn| {
            for number in &numbers {
                audit::record(
                    conn,
                    now,
                    &actor.staff_id,
                    "card.pdf_read",
                    Some(number.as_str()),
                )?;
            }
            Ok(())
        })?;
        return Ok(pdf);
    }
    let addresses_destroyed = record_prints(ctx, &mut conn, actor, &numbers, &printed_for)?;
    if addresses_destroyed {
        // The address's own key is gone; the old pages that held it go too.
        if let Err(e) = dialect::reclaim_after_row_destruction(&mut conn) {
            tracing::warn!(cause = %e, "the database could not reclaim destroyed pages now; the scheduled purge will");
        }
    }
    Ok(pdf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::resident::{AddressParts, DateOfBirth, PersonName};

    fn face(confidential: bool) -> CardFace {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        CardFace {
            legal_name: PersonName::parse("legal_name", "Ana Núñez").unwrap(),
            preferred_name: None,
            date_of_birth: DateOfBirth::parse("1990-04-01", today, 10).unwrap(),
            gender: None,
            languages: Vec::new(),
            emergency_contact: None,
            veteran: false,
            organ_donor: false,
            caretaker: None,
            confidential,
            card_language: None,
        }
    }

    #[test]
    fn a_confidential_card_prints_no_address_whatever_the_record_holds() {
        let address = || {
            Address::parse(AddressParts {
                line1: Some("12 Elm St"),
                line2: None,
                care_of: None,
                city: Some("Springfield"),
                postal_code: None,
            })
            .ok()
        };
        let ordinary = print_of(&face(false), None, String::new(), address(), Vec::new());
        assert!(ordinary.address_lines.iter().any(|l| l.contains("Elm")));
        let confidential = print_of(&face(true), None, String::new(), address(), Vec::new());
        assert!(confidential.address_lines.is_empty());
    }
}
