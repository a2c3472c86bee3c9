//! Fees and waivers. Payment happens outside the service (a cash register, the city's payment
//! system); the clerk records only that the fee was paid, or the waiver's category, never the
//! evidence shown for it. A card whose fee is due is not issued before one of the two.

use std::collections::BTreeMap;

use serde::Serialize;

use super::card::IssueReason;

/// What a card costs a resident, by the reason it is issued and the resident's age band.
#[derive(Debug, Clone)]
pub struct FeeSchedule {
    currency: String,
    /// The fee class each issue reason is charged.
    by_reason: BTreeMap<&'static str, String>,
    /// Amounts in the currency's minor unit (cents), by fee class, then by age band.
    amounts: BTreeMap<String, BTreeMap<String, u32>>,
    /// The fee classes in the order the configuration lists them.
    order: Vec<String>,
    waivers: Vec<String>,
}

/// The fee due for one card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeeDue {
    pub class: String,
    pub age_band: String,
    /// In the currency's minor unit (cents).
    pub amount_cents: u32,
    pub currency: String,
}

/// What the clerk records: paid, or waived under a category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeeRecord {
    Paid,
    Waived { category: String },
}

/// How the fee of a card issued was settled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeeOutcome {
    /// Nothing was due.
    NoFee,
    Paid,
    Waived {
        category: String,
    },
}

impl FeeOutcome {
    /// The outcome as counted for the council: `none`, `paid`, `waived:<category>` (not the
    /// fee class: it follows the issue reason, which would narrow a count down).
    pub fn counted_as(&self) -> String {
        match self {
            FeeOutcome::NoFee => "none".to_owned(),
            FeeOutcome::Paid => "paid".to_owned(),
            FeeOutcome::Waived { category } => format!("waived:{category}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeeError {
    /// A fee is due and neither payment nor a waiver was recorded.
    #[error("record the fee as paid or waived before the card is issued")]
    Required(FeeDue),
    #[error("not a waiver category of this program")]
    UnknownWaiver,
}

fn is_code(raw: &str) -> bool {
    !raw.is_empty()
        && raw.len() <= 32
        && raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl FeeSchedule {
    /// Checks the schedule against the age bands: every issue reason charged a listed class,
    /// every class priced for every band, waiver codes distinct.
    pub fn new(
        currency: String,
        by_reason: &BTreeMap<String, String>,
        classes: Vec<(String, BTreeMap<String, u32>)>,
        waivers: Vec<String>,
        band_codes: &[&str],
    ) -> Result<Self, String> {
        let order: Vec<String> = classes.iter().map(|(code, _)| code.clone()).collect();
        let mut amounts = BTreeMap::new();
        for (code, by_band) in classes {
            if amounts.insert(code.clone(), by_band).is_some() {
                return Err(format!("fee class `{code}` is listed twice"));
            }
        }
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "currency `{currency}` must be an ISO 4217 code such as USD"
            ));
        }
        let mut charged = BTreeMap::new();
        for reason in IssueReason::ALL {
            let class = by_reason
                .get(reason.as_str())
                .ok_or_else(|| format!("by_reason names no fee class for `{}`", reason.as_str()))?;
            if !amounts.contains_key(class) {
                return Err(format!(
                    "by_reason.{} names the unpriced class `{class}`",
                    reason.as_str()
                ));
            }
            charged.insert(reason.as_str(), class.clone());
        }
        if let Some(extra) = by_reason.keys().find(|k| !charged.contains_key(k.as_str())) {
            return Err(format!("by_reason.{extra} is not an issue reason"));
        }
        for (class, by_band) in &amounts {
            if !is_code(class) {
                return Err(format!(
                    "fee class `{class}` must be 1 to 32 of a-z, 0-9 and _"
                ));
            }
            if let Some(band) = band_codes.iter().find(|b| !by_band.contains_key(**b)) {
                return Err(format!(
                    "amounts.{class} has no amount for the age band `{band}`"
                ));
            }
            if let Some(band) = by_band.keys().find(|b| !band_codes.contains(&b.as_str())) {
                return Err(format!("amounts.{class}.{band} is not an age band"));
            }
        }
        for (i, waiver) in waivers.iter().enumerate() {
            if !is_code(waiver) {
                return Err(format!(
                    "waiver `{waiver}` must be 1 to 32 of a-z, 0-9 and _"
                ));
            }
            if waivers[..i].contains(waiver) {
                return Err(format!("waiver `{waiver}` is listed twice"));
            }
        }
        Ok(Self {
            currency,
            by_reason: charged,
            amounts,
            order,
            waivers,
        })
    }

    pub fn currency(&self) -> &str {
        &self.currency
    }

    pub fn waivers(&self) -> &[String] {
        &self.waivers
    }

    /// The fee classes, in the configuration's order.
    pub fn classes(&self) -> impl Iterator<Item = &str> {
        self.order.iter().map(String::as_str)
    }

    /// The amount of `class` for `age_band` (0 when either is unknown).
    pub fn amount(&self, class: &str, age_band: &str) -> u32 {
        self.amounts
            .get(class)
            .and_then(|by_band| by_band.get(age_band))
            .copied()
            .unwrap_or(0)
    }

    /// The fee class each issue reason is charged, in the order reasons are offered.
    pub fn class_of(&self, reason: IssueReason) -> &str {
        &self.by_reason[reason.as_str()]
    }

    /// The fee due for a card issued for `reason` to a resident in `age_band`.
    pub fn due(&self, reason: IssueReason, age_band: &str) -> FeeDue {
        let class = self.by_reason[reason.as_str()].clone();
        let amount_cents = self.amounts[&class].get(age_band).copied().unwrap_or(0);
        FeeDue {
            class,
            age_band: age_band.to_owned(),
            amount_cents,
            currency: self.currency.clone(),
        }
    }

    /// How `due` is settled by what the clerk recorded. Nothing due: nothing to record.
    pub fn settle(&self, due: &FeeDue, record: Option<FeeRecord>) -> Result<FeeOutcome, FeeError> {
        match record {
            Some(FeeRecord::Waived { category }) if !self.waivers.contains(&category) => {
                Err(FeeError::UnknownWaiver)
            }
            _ if due.amount_cents == 0 => Ok(FeeOutcome::NoFee),
            None => Err(FeeError::Required(due.clone())),
            Some(FeeRecord::Paid) => Ok(FeeOutcome::Paid),
            Some(FeeRecord::Waived { category }) => Ok(FeeOutcome::Waived { category }),
        }
    }
}

/// An amount for people: `15.00`.
pub fn format_amount(cents: u32) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule() -> FeeSchedule {
        let by_reason: BTreeMap<String, String> = IssueReason::ALL
            .iter()
            .map(|r| {
                let class = match r {
                    IssueReason::New | IssueReason::Renewal => "card",
                    IssueReason::ReplacementNeverReceived => "free",
                    _ => "replacement",
                };
                (r.as_str().to_owned(), class.to_owned())
            })
            .collect();
        let priced =
            |child, adult| BTreeMap::from([("child".into(), child), ("adult".into(), adult)]);
        let amounts = vec![
            ("card".into(), priced(0, 1500)),
            ("replacement".into(), priced(500, 1000)),
            ("free".into(), priced(0, 0)),
        ];
        FeeSchedule::new(
            "USD".into(),
            &by_reason,
            amounts,
            vec!["low_income".into(), "homeless".into()],
            &["child", "adult"],
        )
        .unwrap()
    }

    #[test]
    fn the_fee_follows_the_reason_and_the_band() {
        let s = schedule();
        assert_eq!(s.due(IssueReason::New, "adult").amount_cents, 1500);
        assert_eq!(s.due(IssueReason::New, "child").amount_cents, 0);
        assert_eq!(
            s.due(IssueReason::ReplacementLost, "child").amount_cents,
            500
        );
        let never = s.due(IssueReason::ReplacementNeverReceived, "adult");
        assert_eq!((never.class.as_str(), never.amount_cents), ("free", 0));
    }

    #[test]
    fn a_fee_due_is_settled_only_by_payment_or_a_known_waiver() {
        let s = schedule();
        let due = s.due(IssueReason::New, "adult");
        assert_eq!(s.settle(&due, None), Err(FeeError::Required(due.clone())));
        assert_eq!(s.settle(&due, Some(FeeRecord::Paid)), Ok(FeeOutcome::Paid));
        let waived = |c: &str| Some(FeeRecord::Waived { category: c.into() });
        assert_eq!(
            s.settle(&due, waived("homeless")),
            Ok(FeeOutcome::Waived {
                category: "homeless".into()
            })
        );
        assert_eq!(
            s.settle(&due, waived("evidence")),
            Err(FeeError::UnknownWaiver)
        );
        let free = s.due(IssueReason::New, "child");
        assert_eq!(s.settle(&free, None), Ok(FeeOutcome::NoFee));
        assert_eq!(
            s.settle(&free, Some(FeeRecord::Paid)),
            Ok(FeeOutcome::NoFee)
        );
        assert_eq!(format_amount(1505), "15.05");
    }

    #[test]
    fn a_schedule_that_leaves_a_reason_or_a_band_unpriced_is_refused() {
        let by_reason: BTreeMap<String, String> = IssueReason::ALL
            .iter()
            .map(|r| (r.as_str().to_owned(), "card".to_owned()))
            .collect();
        let card = |bands: &[(&str, u32)]| {
            vec![(
                "card".to_owned(),
                bands.iter().map(|(b, a)| ((*b).to_owned(), *a)).collect(),
            )]
        };
        let bands = ["child", "adult"];
        let ok = FeeSchedule::new(
            "USD".into(),
            &by_reason,
            card(&[("child", 0), ("adult", 1)]),
            vec![],
            &bands,
        );
        assert!(ok.is_ok());
        let missing_band = FeeSchedule::new(
            "USD".into(),
            &by_reason,
            card(&[("adult", 1)]),
            vec![],
            &bands,
        );
        assert!(missing_band.unwrap_err().contains("child"));
        let mut short = by_reason.clone();
        short.remove("update");
        let unpriced_reason = FeeSchedule::new(
            "USD".into(),
            &short,
            card(&[("child", 0), ("adult", 1)]),
            vec![],
            &bands,
        );
        assert!(unpriced_reason.unwrap_err().contains("update"));
        let bad_currency = FeeSchedule::new(
            "usd".into(),
            &by_reason,
            card(&[("child", 0), ("adult", 1)]),
            vec![],
            &bands,
        );
        assert!(bad_currency.is_err());
        let twice = FeeSchedule::new(
            "USD".into(),
            &by_reason,
            card(&[("child", 0), ("adult", 1)]),
            vec!["a".into(), "a".into()],
            &bands,
        );
        assert!(twice.is_err());
    }
}
