//! Card routes (clerk, supervisor): issue, look up, list a resident's cards, revoke, print;
//! with what clients send and receive, and the card enums' wire form.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::residents::resident_id;
use crate::context::AppContext;
use crate::domain::staff::Permission;
use crate::domain::{card, delivery, fees};
use crate::services::cards::{self, CardOrder, CardSummary, NewCard};
use crate::services::handover;
use crate::web::auth::Staff;
use crate::web::json::Json;
use crate::web::ApiError;

// ---------------------------------------------------------------------------------------------
// What clients send and receive. The enums are `domain::card`'s on the wire, with the same
// serde names; the conversions match every variant, so a new one is handled here or does not
// build. (No doc comments on them: they would change the published schemas.)

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum IssueReason {
    New,
    Renewal,
    ReplacementLost,
    ReplacementStolen,
    ReplacementDamaged,
    ReplacementNeverReceived,
    Update,
}

// The reasons a client may give: not `superseded`, which only the service records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RevokeReason {
    Lost,
    Stolen,
    Damaged,
    IssuedInError,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CardStatus {
    Active,
    Revoked,
    Expired,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueRequest {
    pub reason: IssueReason,
    /// How the fee was settled: required when a fee is due for this reason and the resident's
    /// age band (422 `fee_required` says how much); when none is due, nothing is recorded (a
    /// waiver must still name one of the program's categories).
    #[serde(default)]
    pub fee: Option<FeeInput>,
    /// How the card reaches the resident; absent: handed over at the counter when printed.
    #[serde(default)]
    pub delivery: Option<DeliveryInput>,
}

/// `counter` (handed over when printed), `mail` (needs an address on record; 422
/// `no_address_to_mail`), or `pickup` at an open site named by its code. A confidential card
/// is never mailed (422 `confidential_not_mailed`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeliveryInput {
    pub method: DeliveryMethod,
    /// With `pickup`: the code of the site the resident collects the card at.
    #[serde(default)]
    pub site: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryMethod {
    Counter,
    Mail,
    Pickup,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CardStage {
    Issued,
    Printed,
    Ready,
    HandedOver,
    Mailed,
    Uncollected,
}

/// How a card is delivered, and for a pick-up card the site and the day it must be collected
/// by (after it, the card is revoked and the data kept for it destroyed).
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryView {
    pub method: DeliveryMethod,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub collect_by: Option<NaiveDate>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HandOverRequest {
    /// Must be true: the clerk compared the person's face with the card's photo.
    pub identity_checked: bool,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PickupSiteRequest {
    /// The code of the open site the card is now collected at.
    pub site: String,
}

/// The pick-up cards waiting at the session's site: on their way, then ready.
#[derive(Debug, Serialize, ToSchema)]
pub struct PickupQueue {
    pub site: String,
    pub cards: Vec<CardView>,
}

/// `paid` (payment is taken outside the service), or `waived` with one of the program's waiver
/// categories. Never the evidence for a waiver: there is no field for it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeInput {
    pub outcome: FeeOutcome,
    /// With `waived`: the category, from the configured list (e.g. `low_income`).
    #[serde(default)]
    pub waiver: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FeeOutcome {
    None,
    Paid,
    Waived,
}

/// The fee for a card: its class, the age band it was priced for, the amount in the currency's
/// minor unit (cents), and how it was settled.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeeView {
    pub class: String,
    pub age_band: String,
    pub amount_cents: u32,
    #[schema(example = "USD")]
    pub currency: String,
    pub outcome: FeeOutcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waiver: Option<String>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevokeRequest {
    /// `lost`, `stolen`, `damaged` or `issued_in_error`.
    pub reason: RevokeReason,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrintRequest {
    pub card_numbers: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct IssuedCard {
    pub card_number: String,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
    pub status: CardStatus,
    /// What the card's QR code holds: the verifier page's address with the signed token.
    pub qr_text: String,
    pub fee: FeeView,
    pub delivery: DeliveryView,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CardView {
    pub card_number: String,
    pub status: CardStatus,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
    /// Absent once the resident's data is destroyed (the card remains as a tombstone).
    pub issue_reason: Option<String>,
    pub printed: bool,
    /// The code of the site it was issued at (where the program records sites).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_site: Option<String>,
    /// The code of the site it was printed at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed_site: Option<String>,
    /// How it reaches the resident (absent on a tombstone).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryView>,
    /// Where it is on the way: issued, printed, ready (at its pick-up site), handed_over,
    /// mailed, or uncollected (revoked).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<CardStage>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Revoked {
    pub status: CardStatus,
}

// ---------------------------------------------------------------------------------------------
// Conversions.

impl From<IssueReason> for card::IssueReason {
    fn from(reason: IssueReason) -> Self {
        match reason {
            IssueReason::New => card::IssueReason::New,
            IssueReason::Renewal => card::IssueReason::Renewal,
            IssueReason::ReplacementLost => card::IssueReason::ReplacementLost,
            IssueReason::ReplacementStolen => card::IssueReason::ReplacementStolen,
            IssueReason::ReplacementDamaged => card::IssueReason::ReplacementDamaged,
            IssueReason::ReplacementNeverReceived => card::IssueReason::ReplacementNeverReceived,
            IssueReason::Update => card::IssueReason::Update,
        }
    }
}

impl From<card::IssueReason> for IssueReason {
    fn from(reason: card::IssueReason) -> Self {
        match reason {
            card::IssueReason::New => IssueReason::New,
            card::IssueReason::Renewal => IssueReason::Renewal,
            card::IssueReason::ReplacementLost => IssueReason::ReplacementLost,
            card::IssueReason::ReplacementStolen => IssueReason::ReplacementStolen,
            card::IssueReason::ReplacementDamaged => IssueReason::ReplacementDamaged,
            card::IssueReason::ReplacementNeverReceived => IssueReason::ReplacementNeverReceived,
            card::IssueReason::Update => IssueReason::Update,
        }
    }
}

impl From<RevokeReason> for card::RevokeReason {
    fn from(reason: RevokeReason) -> Self {
        match reason {
            RevokeReason::Lost => card::RevokeReason::Lost,
            RevokeReason::Stolen => card::RevokeReason::Stolen,
            RevokeReason::Damaged => card::RevokeReason::Damaged,
            RevokeReason::IssuedInError => card::RevokeReason::IssuedInError,
        }
    }
}

impl From<card::CardStatus> for CardStatus {
    fn from(status: card::CardStatus) -> Self {
        match status {
            card::CardStatus::Active => CardStatus::Active,
            card::CardStatus::Revoked => CardStatus::Revoked,
            card::CardStatus::Expired => CardStatus::Expired,
        }
    }
}

impl From<delivery::Delivery> for DeliveryMethod {
    fn from(method: delivery::Delivery) -> Self {
        match method {
            delivery::Delivery::Counter => DeliveryMethod::Counter,
            delivery::Delivery::Mail => DeliveryMethod::Mail,
            delivery::Delivery::Pickup => DeliveryMethod::Pickup,
        }
    }
}

impl From<delivery::Stage> for CardStage {
    fn from(stage: delivery::Stage) -> Self {
        match stage {
            delivery::Stage::Issued => CardStage::Issued,
            delivery::Stage::Printed => CardStage::Printed,
            delivery::Stage::Ready => CardStage::Ready,
            delivery::Stage::HandedOver => CardStage::HandedOver,
            delivery::Stage::Mailed => CardStage::Mailed,
            delivery::Stage::Uncollected => CardStage::Uncollected,
        }
    }
}

impl DeliveryInput {
    /// The clerk's choice as the domain's; a pick-up names its site, and only a pick-up does.
    pub fn to_choice(&self) -> Result<delivery::DeliveryChoice, ApiError> {
        use crate::error::ErrorCode;
        let refuse = |code: ErrorCode, message: &str| {
            ApiError::unprocessable(code, message.to_owned()).with("field", "delivery.site")
        };
        match (self.method, self.site.as_deref().map(str::trim)) {
            (DeliveryMethod::Pickup, Some(site)) if !site.is_empty() => {
                Ok(delivery::DeliveryChoice::Pickup {
                    site: site.to_owned(),
                })
            }
            (DeliveryMethod::Pickup, _) => Err(refuse(
                ErrorCode::PickupSiteRequired,
                "A card picked up later names the open site it is collected at.",
            )),
            (_, Some(_)) => Err(refuse(
                ErrorCode::InvalidValue,
                "Only a card picked up at a site names a site.",
            )),
            (DeliveryMethod::Counter, None) => Ok(delivery::DeliveryChoice::Counter),
            (DeliveryMethod::Mail, None) => Ok(delivery::DeliveryChoice::Mail),
        }
    }
}

impl FeeInput {
    /// What the clerk recorded, as the domain's record; `none` records nothing.
    pub fn to_record(&self) -> Result<Option<fees::FeeRecord>, ApiError> {
        let refuse = |message: &str| {
            ApiError::unprocessable(crate::error::ErrorCode::InvalidValue, message.to_owned())
                .with("field", "fee.waiver")
        };
        match (self.outcome, self.waiver.as_deref()) {
            (FeeOutcome::Waived, Some(category)) => Ok(Some(fees::FeeRecord::Waived {
                category: category.to_owned(),
            })),
            (FeeOutcome::Waived, None) => Err(refuse("A waived fee names its waiver category.")),
            (_, Some(_)) => Err(refuse("Only a waived fee names a waiver category.")),
            (FeeOutcome::Paid, None) => Ok(Some(fees::FeeRecord::Paid)),
            (FeeOutcome::None, None) => Ok(None),
        }
    }
}

impl From<NewCard> for IssuedCard {
    fn from(card: NewCard) -> Self {
        let NewCard {
            card_number,
            issued_on,
            expires_on,
            status,
            qr_text,
            fee,
            fee_outcome,
            delivery: choice,
            collect_by,
        } = card;
        let (outcome, waiver) = match fee_outcome {
            fees::FeeOutcome::NoFee => (FeeOutcome::None, None),
            fees::FeeOutcome::Paid => (FeeOutcome::Paid, None),
            fees::FeeOutcome::Waived { category } => (FeeOutcome::Waived, Some(category)),
        };
        Self {
            card_number,
            issued_on,
            expires_on,
            status: status.into(),
            qr_text,
            fee: FeeView {
                class: fee.class,
                age_band: fee.age_band,
                amount_cents: fee.amount_cents,
                currency: fee.currency,
                outcome,
                waiver,
            },
            delivery: DeliveryView {
                method: choice.method().into(),
                site: choice.pickup_site().map(str::to_owned),
                collect_by,
            },
        }
    }
}

impl From<CardSummary> for CardView {
    fn from(card: CardSummary) -> Self {
        let CardSummary {
            card_number,
            status,
            issued_on,
            expires_on,
            issue_reason,
            printed,
            issued_site,
            printed_site,
            delivery: method,
            stage,
            pickup_site,
            collect_by,
        } = card;
        Self {
            card_number,
            status: status.into(),
            issued_on,
            expires_on,
            issue_reason,
            printed,
            issued_site,
            printed_site,
            delivery: method.map(|method| DeliveryView {
                method: method.into(),
                site: pickup_site,
                collect_by,
            }),
            stage: stage.map(CardStage::from),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The routes.

fn pdf_response(pdf: Vec<u8>, filename: &str) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/pdf"))
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{filename}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store, private"))
        .body(pdf)
}
/// Issue a card. Any earlier active card of the resident is revoked.
#[utoipa::path(post, path = "/api/v1/residents/{id}/cards", tag = "cards", params(("id" = String, Path)),
    request_body = IssueRequest,
    responses((status = 201, body = IssuedCard),
              (status = 400, description = "malformed_json, unknown_field (nothing else about a fee or a waiver is kept: there is no field for evidence)"),
              (status = 404),
              (status = 409, description = "outside_renewal_window, no_card_to_replace, site_required, site_closed"),
              (status = 410, description = "resident_data_destroyed"),
              (status = 422, description = "fee_required (with `fee`: what is due), unknown_waiver_category, invalid_value (a waiver without its category, a payment with one; a site without a pick-up), pickup_site_required (a pick-up without an open site), confidential_not_mailed, no_address_to_mail, unsupported_script, does_not_fit")),
    security(("bearer" = [])))]
pub async fn issue(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: Json<IssueRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let id = resident_id(path.into_inner())?;
    let request = body.into_inner();
    let fee = request
        .fee
        .as_ref()
        .map(FeeInput::to_record)
        .transpose()?
        .flatten();
    let delivery = request
        .delivery
        .as_ref()
        .map(DeliveryInput::to_choice)
        .transpose()?
        .unwrap_or(delivery::DeliveryChoice::Counter);
    let order = CardOrder {
        reason: request.reason.into(),
        fee,
        delivery,
    };
    let card = crate::web::blocking(move || cards::issue(&ctx, &actor, &id, order)).await??;
    Ok(HttpResponse::Created().json(IssuedCard::from(card)))
}

/// A resident's cards, newest first.
#[utoipa::path(get, path = "/api/v1/residents/{id}/cards", tag = "cards", params(("id" = String, Path)),
    responses((status = 200, body = [CardView]), (status = 404)), security(("bearer" = [])))]
pub async fn of_resident(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let id = resident_id(path.into_inner())?;
    let list = crate::web::blocking(move || cards::of_resident(&ctx, &actor, &id)).await??;
    let views: Vec<CardView> = list.into_iter().map(CardView::from).collect();
    Ok(HttpResponse::Ok().json(views))
}

#[utoipa::path(get, path = "/api/v1/cards/{card_number}", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    responses((status = 200, body = CardView), (status = 404), (status = 422, description = "invalid_card_number")),
    security(("bearer" = [])))]
pub async fn get(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    staff.require(Permission::ServeResidents)?;
    let number = path.into_inner();
    let card = crate::web::blocking(move || cards::get(&ctx, &number)).await??;
    Ok(HttpResponse::Ok().json(CardView::from(card)))
}

/// One CR80 card as PDF: front page, back page. A read that changes nothing (the card is not
/// marked printed); audited as a read of personal data.
#[utoipa::path(get, path = "/api/v1/cards/{card_number}/pdf", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404), (status = 409),
              (status = 410, description = "resident_data_destroyed"),
              (status = 422, description = "invalid_card_number, unsupported_script, does_not_fit")),
    security(("bearer" = [])))]
pub async fn pdf(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let number = path.into_inner();
    let target = number.clone();
    let pdf = crate::web::blocking(move || cards::pdf(&ctx, &actor, &target)).await??;
    Ok(pdf_response(pdf, &format!("card-{number}.pdf")))
}

/// Print one card: the same PDF, and the card is marked printed (which, by policy, destroys
/// the print-only address).
#[utoipa::path(post, path = "/api/v1/cards/{card_number}/print", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404), (status = 409, description = "card_not_active, site_required, site_closed"),
              (status = 410, description = "resident_data_destroyed"),
              (status = 422, description = "invalid_card_number, unsupported_script, does_not_fit")),
    security(("bearer" = [])))]
pub async fn print_one(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let number = path.into_inner();
    let numbers = vec![number.clone()];
    let pdf = crate::web::blocking(move || cards::print(&ctx, &actor, &numbers)).await??;
    Ok(pdf_response(pdf, &format!("card-{number}.pdf")))
}

/// Many cards in one PDF, each front then back.
#[utoipa::path(post, path = "/api/v1/cards/print", tag = "cards", request_body = PrintRequest,
    responses((status = 200, content_type = "application/pdf", body = Vec<u8>), (status = 404), (status = 409, description = "card_not_active, site_required, site_closed"),
              (status = 410, description = "resident_data_destroyed"),
              (status = 422, description = "invalid_batch, invalid_card_number, unsupported_script, does_not_fit")),
    security(("bearer" = [])))]
pub async fn print(
    ctx: web::Data<AppContext>,
    staff: Staff,
    body: Json<PrintRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let numbers = body.into_inner().card_numbers;
    let pdf = crate::web::blocking(move || cards::print(&ctx, &actor, &numbers)).await??;
    Ok(pdf_response(pdf, "cards.pdf"))
}

#[utoipa::path(post, path = "/api/v1/cards/{card_number}/revoke", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    request_body = RevokeRequest,
    responses((status = 200, body = Revoked), (status = 404), (status = 409, description = "card_not_active"),
              (status = 422, description = "invalid_card_number")),
    security(("bearer" = [])))]
pub async fn revoke(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: Json<RevokeRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let number = path.into_inner();
    let reason = body.into_inner().reason.into();
    let status =
        crate::web::blocking(move || cards::revoke(&ctx, &actor, &number, reason)).await??;
    Ok(HttpResponse::Ok().json(Revoked {
        status: status.into(),
    }))
}

/// A pick-up card printed elsewhere has reached its site (the session's): it is ready, to be
/// collected within the configured days.
#[utoipa::path(post, path = "/api/v1/cards/{card_number}/arrived", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    responses((status = 200, body = CardView), (status = 404),
              (status = 409, description = "card_not_active, wrong_card_stage (with `stage`), not_picked_up_here, site_required, site_closed"),
              (status = 422, description = "invalid_card_number")),
    security(("bearer" = [])))]
pub async fn arrived(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let number = path.into_inner();
    let card = crate::web::blocking(move || handover::arrived(&ctx, &actor, &number)).await??;
    Ok(HttpResponse::Ok().json(CardView::from(card)))
}

/// Hand a ready pick-up card over at its site, to the resident in person.
#[utoipa::path(post, path = "/api/v1/cards/{card_number}/hand-over", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    request_body = HandOverRequest,
    responses((status = 200, body = CardView), (status = 404),
              (status = 409, description = "card_not_active, wrong_card_stage (with `stage`), not_picked_up_here, site_required, site_closed"),
              (status = 422, description = "invalid_card_number, holder_unchecked")),
    security(("bearer" = [])))]
pub async fn hand_over(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: Json<HandOverRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let number = path.into_inner();
    let checked = body.into_inner().identity_checked;
    let card =
        crate::web::blocking(move || handover::hand_over(&ctx, &actor, &number, checked)).await??;
    Ok(HttpResponse::Ok().json(CardView::from(card)))
}

/// A pick-up card not yet handed over is collected at another open site instead: it must
/// arrive there (marked arrived), and is collected within the configured days from today.
#[utoipa::path(post, path = "/api/v1/cards/{card_number}/pickup-site", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    request_body = PickupSiteRequest,
    responses((status = 200, body = CardView), (status = 404),
              (status = 409, description = "card_not_active, wrong_card_stage (with `stage`: not a pick-up card, or handed over), site_required, site_closed"),
              (status = 422, description = "invalid_card_number, pickup_site_required (not an open site, or one closing before the card must be collected)")),
    security(("bearer" = [])))]
pub async fn move_pickup(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
    body: Json<PickupSiteRequest>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let number = path.into_inner();
    let site = body.into_inner().site;
    let card =
        crate::web::blocking(move || handover::move_pickup(&ctx, &actor, &number, &site)).await??;
    Ok(HttpResponse::Ok().json(CardView::from(card)))
}

/// A printed card to be mailed has been mailed.
#[utoipa::path(post, path = "/api/v1/cards/{card_number}/mailed", tag = "cards", params(("card_number" = String, Path, description = "12 digits (spaces and dashes allowed), the last a check digit")),
    responses((status = 200, body = CardView), (status = 404),
              (status = 409, description = "card_not_active, wrong_card_stage (with `stage`), site_required, site_closed"),
              (status = 422, description = "invalid_card_number")),
    security(("bearer" = [])))]
pub async fn mailed(
    ctx: web::Data<AppContext>,
    staff: Staff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let number = path.into_inner();
    let card = crate::web::blocking(move || handover::mailed(&ctx, &actor, &number)).await??;
    Ok(HttpResponse::Ok().json(CardView::from(card)))
}

/// The pick-up cards waiting at the session's site (card numbers and days; no names).
#[utoipa::path(get, path = "/api/v1/pickups", tag = "cards",
    responses((status = 200, body = PickupQueue),
              (status = 409, description = "site_required, site_closed")),
    security(("bearer" = [])))]
pub async fn pickups(ctx: web::Data<AppContext>, staff: Staff) -> Result<HttpResponse, ApiError> {
    let actor = staff.require(Permission::ServeResidents)?.clone();
    let (site, list) = crate::web::blocking(move || handover::queue(&ctx, &actor)).await??;
    Ok(HttpResponse::Ok().json(PickupQueue {
        site,
        cards: list.into_iter().map(CardView::from).collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(value: impl Serialize) -> serde_json::Value {
        serde_json::to_value(value).unwrap()
    }

    #[test]
    fn the_wire_enums_name_every_variant_as_the_domain_does() {
        for reason in card::IssueReason::ALL {
            assert_eq!(json(reason), json(IssueReason::from(reason)));
        }
        for reason in [
            RevokeReason::Lost,
            RevokeReason::Stolen,
            RevokeReason::Damaged,
            RevokeReason::IssuedInError,
        ] {
            assert_eq!(json(reason), json(card::RevokeReason::from(reason)));
        }
        for status in [
            card::CardStatus::Active,
            card::CardStatus::Revoked,
            card::CardStatus::Expired,
        ] {
            assert_eq!(json(status), json(CardStatus::from(status)));
        }
    }
}
