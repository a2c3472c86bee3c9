//! How a card reaches its resident, and where it is on the way: handed over at the counter when
//! it prints, mailed, or picked up later at a site. A confidential card (no address on it) is
//! never mailed; a pick-up card not collected by its day is revoked, and the data kept for
//! it destroyed.

use chrono::{Days, NaiveDate, NaiveDateTime};

/// How a card is delivered, as stored in `cards.delivery`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Printed at the counter and handed over there and then.
    Counter,
    /// Printed, then mailed to the address on record.
    Mail,
    /// Printed, brought to a site, and collected there by the resident in person.
    Pickup,
}

impl Delivery {
    pub fn as_stored(self) -> &'static str {
        match self {
            Delivery::Counter => "counter",
            Delivery::Mail => "mail",
            Delivery::Pickup => "pickup",
        }
    }

    /// The stored method; a card from before delivery was recorded was handed over at the
    /// counter.
    pub fn from_stored(stored: Option<&str>) -> Self {
        match stored {
            Some("mail") => Delivery::Mail,
            Some("pickup") => Delivery::Pickup,
            _ => Delivery::Counter,
        }
    }
}

/// Where a card is in its life: issued → printed → (ready at its site →) handed over, or
/// mailed; a pick-up card left too long is `Uncollected` (and revoked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Issued,
    /// Printed, not yet mailed, or on its way to its pick-up site.
    Printed,
    /// At its pick-up site, waiting for the resident.
    Ready,
    HandedOver,
    Mailed,
    Uncollected,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Issued => "issued",
            Stage::Printed => "printed",
            Stage::Ready => "ready",
            Stage::HandedOver => "handed_over",
            Stage::Mailed => "mailed",
            Stage::Uncollected => "uncollected",
        }
    }
}

/// What a card's stored delivery columns say about it.
#[derive(Debug, Clone, Copy)]
pub struct DeliveryState<'a> {
    pub delivery: Delivery,
    pub printed_at: Option<NaiveDateTime>,
    pub ready_at: Option<NaiveDateTime>,
    pub delivered_at: Option<NaiveDateTime>,
    pub revoke_reason: Option<&'a str>,
}

impl DeliveryState<'_> {
    pub fn stage(&self) -> Stage {
        if self.revoke_reason == Some(UNCOLLECTED) {
            return Stage::Uncollected;
        }
        match (self.delivered_at, self.delivery) {
            (Some(_), Delivery::Mail) => return Stage::Mailed,
            (Some(_), _) => return Stage::HandedOver,
            (None, _) => {}
        }
        match (self.printed_at, self.ready_at) {
            (_, Some(_)) => Stage::Ready,
            (Some(_), None) => Stage::Printed,
            (None, None) => Stage::Issued,
        }
    }
}

/// The revocation reason of a pick-up card nobody collected in time (recorded by the purge,
/// never given by a client).
pub const UNCOLLECTED: &str = "uncollected";

/// The day by which a pick-up card must be collected: `days` after it was issued (while it is
/// on its way) or after it became ready at its site.
pub fn collect_by(from: NaiveDate, days: u32) -> NaiveDate {
    from + Days::new(u64::from(days))
}

/// How the clerk asks for a card to be delivered when it is issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryChoice {
    Counter,
    Mail,
    /// Collected at the site with this code.
    Pickup {
        site: String,
    },
}

impl DeliveryChoice {
    pub fn method(&self) -> Delivery {
        match self {
            DeliveryChoice::Counter => Delivery::Counter,
            DeliveryChoice::Mail => Delivery::Mail,
            DeliveryChoice::Pickup { .. } => Delivery::Pickup,
        }
    }

    pub fn pickup_site(&self) -> Option<&str> {
        match self {
            DeliveryChoice::Pickup { site } => Some(site),
            _ => None,
        }
    }
}

/// Why a delivery asked for at issue is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// A confidential card carries no address and goes to no address: it is handed over in
    /// person, at the counter or at the site the resident chose.
    #[error("a confidential card is never mailed")]
    ConfidentialNotMailed,
    /// Mail needs an address on record to mail to.
    #[error("the resident has no address on record to mail the card to")]
    NoAddressToMail,
}

/// Checks a delivery asked for at issue against the resident's record.
pub fn check(
    choice: &DeliveryChoice,
    confidential: bool,
    has_address: bool,
) -> Result<(), DeliveryError> {
    match choice {
        DeliveryChoice::Mail if confidential => Err(DeliveryError::ConfidentialNotMailed),
        DeliveryChoice::Mail if !has_address => Err(DeliveryError::NoAddressToMail),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(2027, 1, day).map(|d| d.and_hms_opt(12, 0, 0).unwrap())
    }

    fn state(delivery: Delivery) -> DeliveryState<'static> {
        DeliveryState {
            delivery,
            printed_at: None,
            ready_at: None,
            delivered_at: None,
            revoke_reason: None,
        }
    }

    #[test]
    fn a_pickup_card_goes_issued_printed_ready_handed_over() {
        let mut card = state(Delivery::Pickup);
        assert_eq!(card.stage(), Stage::Issued);
        card.printed_at = at(2);
        assert_eq!(card.stage(), Stage::Printed);
        card.ready_at = at(5);
        assert_eq!(card.stage(), Stage::Ready);
        card.delivered_at = at(9);
        assert_eq!(card.stage(), Stage::HandedOver);
    }

    #[test]
    fn a_mailed_card_is_mailed_and_an_uncollected_one_says_so() {
        let mut card = state(Delivery::Mail);
        card.printed_at = at(2);
        assert_eq!(card.stage(), Stage::Printed);
        card.delivered_at = at(3);
        assert_eq!(card.stage(), Stage::Mailed);
        let mut left = state(Delivery::Pickup);
        left.ready_at = at(2);
        left.revoke_reason = Some(UNCOLLECTED);
        assert_eq!(left.stage(), Stage::Uncollected);
    }

    #[test]
    fn a_confidential_card_is_handed_over_in_person_and_mail_needs_an_address() {
        use DeliveryError::*;
        let pickup = DeliveryChoice::Pickup { site: "LIB".into() };
        assert_eq!(check(&pickup, true, false), Ok(()));
        assert_eq!(pickup.pickup_site(), Some("LIB"));
        assert_eq!(check(&DeliveryChoice::Counter, true, false), Ok(()));
        assert_eq!(
            check(&DeliveryChoice::Mail, true, true),
            Err(ConfidentialNotMailed)
        );
        assert_eq!(
            check(&DeliveryChoice::Mail, false, false),
            Err(NoAddressToMail)
        );
        assert_eq!(check(&DeliveryChoice::Mail, false, true), Ok(()));
        assert_eq!(check(&DeliveryChoice::Counter, false, false), Ok(()));
    }

    #[test]
    fn stored_methods_round_trip_and_old_cards_were_handed_over() {
        for d in [Delivery::Counter, Delivery::Mail, Delivery::Pickup] {
            assert_eq!(Delivery::from_stored(Some(d.as_stored())), d);
        }
        assert_eq!(Delivery::from_stored(None), Delivery::Counter);
        let day = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
        assert_eq!(
            collect_by(day, 90),
            NaiveDate::from_ymd_opt(2027, 5, 1).unwrap()
        );
    }
}
