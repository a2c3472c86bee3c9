//! The printable ID card: a CR80 (85.60 × 53.98 mm) PDF, front then back page for each card,
//! many cards per PDF. Names print exactly as written, shaped by rustybuzz (conjuncts,
//! reordering, joining, right to left), in any script the card's fonts cover: built in, Latin
//! with Vietnamese, Greek, Cyrillic, Arabic, Chinese and Japanese; from a font folder, the
//! scripts of `fonts::FOLDER_SCRIPTS` (Korean, Indic, Southeast Asian, Ethiopic, …). Anything
//! else is refused before printing, never replaced by boxes.

mod fonts;
mod images;
mod layout;

/// The seal's initials, shared with the card preview on the staff pages.
pub use layout::{monogram, Unoffered};
mod pdf;
mod sfnt;
mod shape;
mod typeset;
mod wording;
mod wrap;

pub use typeset::{EmbeddedFonts, SetLine, Setting, Typesetter};
pub use wording::{card_date, CardWording, DateWriter};

use std::path::PathBuf;

use chrono::NaiveDate;

use layout::Design;

/// The jurisdiction's branding, from configuration, built once at start-up.
#[derive(Debug, Clone)]
pub struct CardBranding {
    /// e.g. "City of Springfield"
    pub jurisdiction: String,
    /// The colour of the band on the front and the accents.
    pub accent_rgb: [u8; 3],
    /// A PNG logo; without one, a seal with the jurisdiction's initials is drawn.
    pub logo_png: Option<Vec<u8>>,
    /// e.g. "If found, return to any City Hall." in the card's language; empty: the card
    /// wording's own.
    pub return_if_found: String,
    /// e.g. "Check this card: scan the code or visit id.springfield.gov/v" in the card's
    /// language; empty: the card wording's own.
    pub verify_hint: String,
}

/// One card's content, already decrypted.
#[derive(Clone)]
pub struct CardPrint {
    pub legal_name: String,
    pub preferred_name: Option<String>,
    pub date_of_birth: NaiveDate,
    /// As printed, grouped already: "4716 0392 8851".
    pub card_number: String,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
    /// "F", "M" or "X"; `None` prints nothing.
    pub gender: Option<String>,
    /// Prints "Veteran" on the front.
    pub veteran: bool,
    /// A baseline JPEG, already normalised (≤ 600 × 800, no metadata); embedded as is.
    pub photo_jpeg: Vec<u8>,
    pub qr_text: String,
    /// Home address or care-of line, 0 to 3 lines.
    pub address_lines: Vec<String>,
    /// 0 to 2 BCP 47 tags; printed as English language names.
    pub languages: Vec<String>,
    pub emergency_contact: Option<String>,
    pub organ_donor: bool,
    /// The language the card's words are printed in beside the card's own, if the resident
    /// chose one (a tag of [`CardRenderer::second_languages`]).
    pub second_language: Option<String>,
}

impl std::fmt::Debug for CardPrint {
    /// Card contents are personal data: never in logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CardPrint(<redacted>)")
    }
}

/// Why a card cannot be printed. Messages name fields, never their contents.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A text the embedded fonts cannot print (or shape) correctly.
    #[error("the {field} has characters the card fonts cannot print")]
    UnsupportedScript { field: &'static str },
    /// A text too long for its place on the card even at the smallest readable size (6 pt),
    /// or a QR text too long for the QR code's place.
    #[error("the {field} is too long to fit on the card")]
    DoesNotFit { field: &'static str },
    #[error("the card cannot be printed: {0}")]
    Invalid(String),
    #[error("the card PDF could not be built: {0}")]
    Pdf(String),
}

/// Renders cards; fonts, logo and the branding's layout are prepared once, in [`Self::new`].
pub struct CardRenderer {
    design: Design,
}

impl CardRenderer {
    /// Parses the fonts, decodes the logo and lays out the branding (refusing branding text
    /// that does not fit or cannot be printed).
    pub fn new(branding: CardBranding) -> Result<Self, RenderError> {
        Self::with_fonts(branding, &[])
    }

    /// As [`Self::new`], with the fonts the folders hold for scripts the built-in fonts lack
    /// (a folder that does not exist adds nothing).
    pub fn with_fonts(branding: CardBranding, font_dirs: &[PathBuf]) -> Result<Self, RenderError> {
        Self::with_wordings(branding, font_dirs, Vec::new())
    }

    /// As [`Self::with_fonts`], with the card's words: `wordings[0]` in the card's own
    /// language, the others the second languages a resident may choose (none: English only).
    /// Every pair is laid out now: the card's own words that do not fit are refused here, a
    /// second language that cannot print or fit beside them is not offered.
    pub fn with_wordings(
        branding: CardBranding,
        font_dirs: &[PathBuf],
        wordings: Vec<CardWording>,
    ) -> Result<Self, RenderError> {
        Ok(Self {
            design: Design::new(&branding, font_dirs, wordings)?,
        })
    }

    /// The languages a card may print its words in beside the card's own.
    pub fn second_languages(&self) -> Vec<&str> {
        self.design.second_languages().collect()
    }

    /// The page languages a card cannot carry as a second, and why.
    pub fn unoffered_languages(&self) -> &[(String, Unoffered)] {
        &self.design.unoffered
    }

    /// The card's words in its own language, and in `second` when the card offers it: what
    /// a card with that choice prints (the pages' card preview shows the same).
    pub fn wordings_for(&self, second: Option<&str>) -> (&CardWording, Option<&CardWording>) {
        let words = self.design.words_for(second);
        (words.first, words.second)
    }

    /// The scripts names print in; and those a font folder could add that this one lacks.
    pub fn scripts(&self) -> (Vec<&'static str>, Vec<&'static str>) {
        let fonts = &self.design.fonts;
        (fonts.scripts(), fonts.missing_scripts())
    }

    /// The card's fonts and shaper, for the reports' pages.
    pub fn typesetter(&self) -> Typesetter {
        Typesetter::new(std::sync::Arc::clone(&self.design.fonts))
    }

    /// The first character of `text` the card cannot print, as its 1-based position and the
    /// name of its script ("Ethiopic"; "symbols" for an emoji or a symbol).
    pub fn unprintable(&self, text: &str) -> Option<(usize, &'static str)> {
        self.design.fonts.unprintable(text)
    }

    /// Checks that every text of the card can be printed exactly and fits, that the photo is a
    /// usable JPEG and the QR text fits; call it before anything is committed. `render`
    /// succeeds for a card exactly when this does.
    pub fn check_printable(&self, card: &CardPrint) -> Result<(), RenderError> {
        let laid_out = self.design.lay_out(card)?;
        pdf::check_fonts(&self.design.fonts, std::slice::from_ref(&laid_out))
    }

    /// One PDF with every card, front then back. Nothing is produced if any card fails.
    pub fn render(&self, cards: &[CardPrint]) -> Result<Vec<u8>, RenderError> {
        if cards.is_empty() {
            return Err(RenderError::Invalid("there are no cards to print".into()));
        }
        let laid_out = cards
            .iter()
            .map(|card| self.design.lay_out(card))
            .collect::<Result<Vec<_>, _>>()?;
        pdf::write(&self.design, &laid_out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn the_renderer_can_be_shared_between_workers() {
        assert_send_sync::<CardRenderer>();
    }

    #[test]
    fn debug_output_hides_the_card() {
        let card = CardPrint {
            legal_name: "José Núñez".into(),
            preferred_name: None,
            date_of_birth: NaiveDate::from_ymd_opt(1990, 1, 2).unwrap(),
            card_number: "4716 0392 8851".into(),
            issued_on: NaiveDate::from_ymd_opt(2026, 1, 2).unwrap(),
            expires_on: NaiveDate::from_ymd_opt(2031, 1, 2).unwrap(),
            gender: None,
            veteran: false,
            photo_jpeg: Vec::new(),
            qr_text: String::new(),
            address_lines: Vec::new(),
            languages: Vec::new(),
            emergency_contact: None,
            organ_donor: false,
            second_language: None,
        };
        assert!(!format!("{card:?}").contains("José"));
    }
}
