//! Where everything goes on the card, in millimetres from the top left corner. The branding
//! (band, seal or logo, footer) is laid out once; each card adds its photo, names, dates and
//! QR code. Everything stays inside a 2 mm safe margin; text shrinks or wraps to fit, and a
//! card whose text cannot fit is refused before anything is printed.

use std::path::PathBuf;
use std::sync::Arc;

use unicode_bidi::Level;

use super::fonts::{Fonts, Weight};
use super::images::{jpeg_info, JpegInfo, Logo};
use super::wording::CardWording;
use super::wrap::{fit_line, fit_stack, Block, Line, Stack, ASCENT, PT_PER_MM};
use super::{CardBranding, CardPrint, RenderError};
use crate::render::qr;

pub(super) const CARD_W: f32 = 85.60;
pub(super) const CARD_H: f32 = 53.98;
const SAFE: f32 = 2.0;
const RIGHT: f32 = CARD_W - SAFE;
const BOTTOM: f32 = CARD_H - SAFE;

const BAND_H: f32 = 11.0;
const SEAL_R: f32 = 4.2;
const SEAL_CX: f32 = 3.0 + SEAL_R;
const BAND_TEXT_X: f32 = 13.0;

const PHOTO_X: f32 = 3.0;
const PHOTO_Y: f32 = 13.0;
const PHOTO_W: f32 = 21.0;
const PHOTO_H: f32 = 28.0;
const BADGE_H: f32 = 4.2;

const COL_X: f32 = 27.0;
const COL_W: f32 = RIGHT - COL_X;
const COL2_X: f32 = COL_X + 29.0;
const NAMES_TOP: f32 = 12.6;
const ROW_H: f32 = 6.35;
/// A row with its label in two languages.
const ROW_H_TWO_LANGUAGES: f32 = 7.4;

/// A printer dot at 300 dpi; QR modules are whole dots, at least four.
const DOT: f32 = 25.4 / 300.0;
const QR_MIN_DOTS: u32 = 4;
const QR_TARGET: f32 = 26.0;
const QR_LIMIT: f32 = 32.0;
const QUIET: usize = 4;

const LABEL_PT: f32 = 6.0;
/// The smallest a label may get when it is printed in two languages.
const LABEL_MIN_PT_TWO_LANGUAGES: f32 = 4.5;
const TEXT: [u8; 3] = [26, 26, 26];
const LABEL: [u8; 3] = [85, 85, 85];
const PHOTO_BACKING: [u8; 3] = [226, 226, 226];
const WHITE: [u8; 3] = [255, 255, 255];

/// Something drawn on a card face.
#[derive(Debug, Clone)]
pub(super) enum Mark {
    /// A filled rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        rgb: [u8; 3],
    },
    /// QR modules: rectangles `[column, row, columns, rows]` in modules of `module` mm from
    /// (`x`, `y`), filled black as one path.
    Modules {
        x: f32,
        y: f32,
        module: f32,
        rects: Vec<[u16; 4]>,
    },
    Disc {
        cx: f32,
        cy: f32,
        r: f32,
        rgb: [u8; 3],
    },
    Ring {
        cx: f32,
        cy: f32,
        r: f32,
        width: f32,
        rgb: [u8; 3],
    },
    /// A line of text starting at `x` on the baseline `y`.
    Text {
        x: f32,
        y: f32,
        line: Line,
    },
    Photo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    Logo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

/// One card, laid out.
pub(super) struct LaidOut<'a> {
    pub front: Vec<Mark>,
    pub back: Vec<Mark>,
    pub photo: &'a [u8],
    pub photo_info: JpegInfo,
}

/// The branding, laid out once for the card's language alone and once for each language a
/// resident may have printed beside it.
pub(super) struct Design {
    pub fonts: Arc<Fonts>,
    pub logo: Option<Logo>,
    accent: [u8; 3],
    on_accent: [u8; 3],
    /// The card's own language first, then those a resident may add as a second.
    wordings: Vec<CardWording>,
    /// Second languages a card does not offer, and why.
    pub unoffered: Vec<(String, Unoffered)>,
    /// The band and footer, by the index of the second language in `wordings` (0: none).
    branded: Vec<Branded>,
}

/// Why a card does not offer a page language as its second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unoffered {
    /// The fonts cannot print its words (Korean without the font folder).
    NoFont,
    /// Its words do not fit beside the card's own.
    DoesNotFit,
}

/// The parts of a face that are the same on every card in one pair of languages.
struct Branded {
    band: Vec<Mark>,
    footer: Vec<Mark>,
    footer_top: f32,
}

/// The languages one card prints its words in.
#[derive(Clone, Copy)]
pub(super) struct Words<'a> {
    pub first: &'a CardWording,
    pub second: Option<&'a CardWording>,
}

impl<'a> Words<'a> {
    /// The same words in each language.
    fn each(self, pick: fn(&CardWording) -> &str) -> impl Iterator<Item = (&'a str, bool)> {
        std::iter::once(self.first)
            .chain(self.second)
            .map(move |w| (pick(w), w.rtl))
    }
}

impl Design {
    /// `wordings`: the card's language first, then the second languages a card may carry;
    /// every pair is laid out here: the card's own words that do not fit are refused at
    /// start-up, a second language that the fonts cannot print or that does not fit beside
    /// them is not offered (see [`Unoffered`]).
    pub(super) fn new(
        branding: &CardBranding,
        font_dirs: &[PathBuf],
        mut wordings: Vec<CardWording>,
    ) -> Result<Self, RenderError> {
        let fonts = Arc::new(Fonts::load_with(font_dirs)?);
        let logo = branding
            .logo_png
            .as_deref()
            .map(Logo::from_png)
            .transpose()?;
        let accent = branding.accent_rgb;
        let on_accent = if luminance(accent) > 0.55 {
            TEXT
        } else {
            WHITE
        };
        if wordings.is_empty() {
            wordings.push(CardWording::english("", ""));
        }
        // A second language whose words the fonts cannot print is not offered (Korean without
        // the font folder, say); the card's own must print.
        let unprintable = |w: &CardWording| w.texts().any(|t| fonts.unprintable(&t).is_some());
        let mut rest = wordings.split_off(1);
        let unoffered = rest
            .iter()
            .filter(|w| unprintable(w))
            .map(|w| (w.language.clone(), Unoffered::NoFont))
            .collect();
        rest.retain(|w| !unprintable(w));
        wordings.extend(rest);
        // The branding's own texts, when it has them, are the card language's.
        if !branding.return_if_found.is_empty() {
            wordings[0]
                .return_if_found
                .clone_from(&branding.return_if_found);
        }
        if !branding.verify_hint.is_empty() {
            wordings[0].verify_hint.clone_from(&branding.verify_hint);
        }
        let mut design = Self {
            fonts,
            logo,
            accent,
            on_accent,
            wordings,
            unoffered,
            branded: Vec::new(),
        };
        // A second language whose words do not fit beside the card's own (a city's long
        // return-if-found text, say) is not offered either; the card's own must fit.
        let mut second = 0;
        while second < design.wordings.len() {
            match design.branded_with(branding, design.words(second)) {
                Ok(branded) => {
                    design.branded.push(branded);
                    second += 1;
                }
                Err(RenderError::DoesNotFit { .. }) if second > 0 => {
                    let language = design.wordings.remove(second).language;
                    design.unoffered.push((language, Unoffered::DoesNotFit));
                }
                Err(e) => return Err(e),
            }
        }
        Ok(design)
    }

    /// The band and the footer with these words.
    fn branded_with(
        &self,
        branding: &CardBranding,
        words: Words<'_>,
    ) -> Result<Branded, RenderError> {
        let band = self.band(branding, words)?;
        let (footer, footer_top) = self.footer(words)?;
        Ok(Branded {
            band,
            footer,
            footer_top,
        })
    }

    /// The card's language, with the wording at `second` beside it (none at 0).
    fn words(&self, second: usize) -> Words<'_> {
        Words {
            first: &self.wordings[0],
            second: (second > 0).then(|| &self.wordings[second]),
        }
    }

    /// Where `second` is in `wordings`; 0 (none) when the card does not offer it.
    fn second_index(&self, second: Option<&str>) -> usize {
        second
            .and_then(|tag| self.wordings.iter().skip(1).position(|w| w.language == tag))
            .map_or(0, |i| i + 1)
    }

    /// The card's words with `second` beside them, when the card offers it.
    pub(super) fn words_for(&self, second: Option<&str>) -> Words<'_> {
        self.words(self.second_index(second))
    }

    /// The languages a card may carry beside the card's own.
    pub(super) fn second_languages(&self) -> impl Iterator<Item = &str> {
        self.wordings[1..].iter().map(|w| w.language.as_str())
    }

    /// Lays out both faces of `card`, or says why it cannot be printed. A second language
    /// the card does not offer (any more) prints nothing beside the card's own.
    pub(super) fn lay_out<'a>(&self, card: &'a CardPrint) -> Result<LaidOut<'a>, RenderError> {
        if card.legal_name.trim().is_empty() {
            return Err(RenderError::Invalid("the legal_name is empty".into()));
        }
        let second = self.second_index(card.second_language.as_deref());
        let words = self.words(second);
        let branded = &self.branded[second];
        let photo_info = jpeg_info(&card.photo_jpeg)?;
        let mut front = self.front(card, photo_info, words, branded)?;
        let mut back = self.back(card, words, branded)?;
        // A card whose own language is written right to left is laid out from the right.
        if self.right_to_left() {
            mirror(&mut front);
            mirror(&mut back);
        }
        Ok(LaidOut {
            front,
            back,
            photo: &card.photo_jpeg,
            photo_info,
        })
    }

    /// Whether the card's own language is written right to left: the faces are then laid out
    /// as for left to right and mirrored (see [`mirror`]).
    fn right_to_left(&self) -> bool {
        self.wordings[0].rtl
    }

    /// Whether words written `rtl` keep to the end of their place as laid out before any
    /// mirroring, so that each language keeps to its own side: right-to-left words on a
    /// left-to-right card, and left-to-right ones on a right-to-left card.
    fn end_aligned(&self, rtl: bool) -> bool {
        rtl != self.right_to_left()
    }

    fn block<'a>(
        &self,
        field: &'static str,
        text: &'a str,
        weight: Weight,
        max_pt: f32,
    ) -> Block<'a> {
        Block {
            field,
            text,
            weight,
            max_pt,
            min_pt: 6.0,
            gap_before_mm: 0.0,
            rgb: TEXT,
            end_aligned: false,
            base: None,
        }
    }

    fn label<'a>(&self, text: &'a str, gap_before_mm: f32) -> Block<'a> {
        Block {
            gap_before_mm,
            rgb: LABEL,
            min_pt: LABEL_PT,
            ..self.block("label", text, Weight::Bold, LABEL_PT)
        }
    }

    /// A label in the card's language, and under it in the second language when there is
    /// one (smaller, not bold); each keeps to its own language's side.
    fn labels<'a>(
        &self,
        words: Words<'a>,
        pick: fn(&CardWording) -> &str,
        gap_before_mm: f32,
    ) -> Vec<Block<'a>> {
        let two = words.second.is_some();
        words
            .each(pick)
            .enumerate()
            .map(|(i, (text, rtl))| {
                let label = self.label(text, if i == 0 { gap_before_mm } else { 0.0 });
                match (two, i) {
                    (false, _) => Block {
                        end_aligned: self.end_aligned(rtl),
                        ..label
                    },
                    (true, 0) => Block {
                        min_pt: LABEL_MIN_PT_TWO_LANGUAGES,
                        end_aligned: self.end_aligned(rtl),
                        ..label
                    },
                    _ => Block {
                        weight: Weight::Regular,
                        max_pt: LABEL_PT - 0.5,
                        min_pt: LABEL_MIN_PT_TWO_LANGUAGES,
                        end_aligned: self.end_aligned(rtl),
                        ..label
                    },
                }
            })
            .collect()
    }

    // ---- front ------------------------------------------------------------------------------

    fn band(&self, branding: &CardBranding, words: Words<'_>) -> Result<Vec<Mark>, RenderError> {
        let mut marks = vec![Mark::Rect {
            x: 0.0,
            y: 0.0,
            w: CARD_W,
            h: BAND_H,
            rgb: self.accent,
        }];
        marks.extend(self.seal(&branding.jurisdiction)?);
        let title = Block {
            rgb: self.on_accent,
            min_pt: 7.0,
            ..self.block("jurisdiction", &branding.jurisdiction, Weight::Bold, 11.0)
        };
        let mut blocks = vec![title];
        blocks.extend(
            self.labels(words, |w| &w.title, 0.2)
                .into_iter()
                .map(|b| Block {
                    rgb: self.on_accent,
                    ..b
                }),
        );
        let width = RIGHT - BAND_TEXT_X;
        let stack = fit_stack(&self.fonts, &blocks, width, BAND_H - 1.6)?;
        let top = (BAND_H - stack.height_mm) / 2.0;
        push_stack(&mut marks, stack, BAND_TEXT_X, top, width);
        Ok(marks)
    }

    /// The logo on a white disc, or a drawn seal with the jurisdiction's initials.
    fn seal(&self, jurisdiction: &str) -> Result<Vec<Mark>, RenderError> {
        let cy = BAND_H / 2.0;
        let mut marks = vec![Mark::Disc {
            cx: SEAL_CX,
            cy,
            r: SEAL_R,
            rgb: WHITE,
        }];
        if let Some(logo) = &self.logo {
            let side = SEAL_R * 2.0 * 0.74;
            let (w, h) = fit_box(logo.width, logo.height, side, side);
            marks.push(Mark::Logo {
                x: SEAL_CX - w / 2.0,
                y: cy - h / 2.0,
                w,
                h,
            });
            return Ok(marks);
        }
        // On the white disc, a pale accent colour would hardly show: use dark ink then.
        let ink = if self.on_accent == TEXT {
            TEXT
        } else {
            self.accent
        };
        marks.push(Mark::Ring {
            cx: SEAL_CX,
            cy,
            r: SEAL_R - 0.7,
            width: 0.3,
            rgb: ink,
        });
        let initials = monogram(jurisdiction);
        let block = Block {
            rgb: ink,
            min_pt: 3.0,
            ..self.block("jurisdiction", &initials, Weight::Bold, 9.0)
        };
        let line = fit_line(&self.fonts, &block, SEAL_R * 1.25)?;
        let cap_height = 0.714 * line.size_pt / PT_PER_MM;
        marks.push(centred(line, SEAL_CX, cy + cap_height / 2.0));
        Ok(marks)
    }

    fn front(
        &self,
        card: &CardPrint,
        photo: JpegInfo,
        words: Words<'_>,
        branded: &Branded,
    ) -> Result<Vec<Mark>, RenderError> {
        let mut marks = branded.band.clone();
        marks.push(Mark::Rect {
            x: PHOTO_X,
            y: PHOTO_Y,
            w: PHOTO_W,
            h: PHOTO_H,
            rgb: PHOTO_BACKING,
        });
        let (w, h) = fit_box(photo.width, photo.height, PHOTO_W, PHOTO_H);
        let x = PHOTO_X + (PHOTO_W - w) / 2.0;
        let y = PHOTO_Y + (PHOTO_H - h) / 2.0;
        marks.push(Mark::Photo { x, y, w, h });
        if card.veteran {
            let y = PHOTO_Y + PHOTO_H + 1.2;
            let (badge, _) = self.badge(words, |w| &w.veteran, PHOTO_X, y, PHOTO_W)?;
            marks.extend(badge);
        }
        marks.extend(self.names(card, words)?);
        marks.extend(self.grid(card, words)?);
        Ok(marks)
    }

    fn names(&self, card: &CardPrint, words: Words<'_>) -> Result<Vec<Mark>, RenderError> {
        let mut blocks = self.labels(words, |w| &w.name, 0.0);
        blocks.push(self.block("legal_name", &card.legal_name, Weight::Bold, 12.0));
        if let Some(preferred) = card
            .preferred_name
            .as_deref()
            .filter(|p| !p.trim().is_empty())
        {
            blocks.extend(self.labels(words, |w| &w.preferred_name, 0.7));
            blocks.push(self.block("preferred_name", preferred, Weight::Bold, 9.5));
        }
        let height = grid_top(words) - 0.6 - NAMES_TOP;
        let stack = fit_stack(&self.fonts, &blocks, COL_W, height)?;
        let mut marks = Vec::new();
        push_stack(&mut marks, stack, COL_X, NAMES_TOP, COL_W);
        Ok(marks)
    }

    fn grid(&self, card: &CardPrint, words: Words<'_>) -> Result<Vec<Mark>, RenderError> {
        let date = &words.first.date;
        let dob = date(card.date_of_birth);
        let issued = date(card.issued_on);
        let expires = date(card.expires_on);
        type Pick = fn(&CardWording) -> &str;
        let mut cells: Vec<(Pick, &'static str, &str, u8, u8)> = vec![
            (|w| &w.date_of_birth, "date_of_birth", dob.as_str(), 0, 0),
            (|w| &w.issued, "issued_on", issued.as_str(), 0, 1),
            (|w| &w.expires, "expires_on", expires.as_str(), 1, 1),
            (|w| &w.card_number, "card_number", &card.card_number, 0, 2),
        ];
        if let Some(gender) = card.gender.as_deref().filter(|g| !g.trim().is_empty()) {
            cells.push((|w| &w.gender, "gender", gender, 1, 0));
        }
        let row_h = row_height(words);
        let mut marks = Vec::new();
        for (label, field, value, column, row) in cells {
            let x = if column == 0 { COL_X } else { COL2_X };
            // The card number has the whole row; other cells half of it.
            let (width, max_pt) = match (column, row) {
                (0, 2) => (RIGHT - x, 9.5),
                (0, _) => (COL2_X - COL_X - 1.5, 8.5),
                _ => (RIGHT - x, 8.5),
            };
            let mut blocks = self.labels(words, label, 0.0);
            blocks.push(self.block(field, value, Weight::Bold, max_pt));
            let stack = fit_stack(&self.fonts, &blocks, width, row_h)?;
            let top = grid_top(words) + f32::from(row) * row_h;
            push_stack(&mut marks, stack, x, top, width);
        }
        Ok(marks)
    }

    /// A bar in the accent colour with centred text, `width` wide, at (`x`, `y`): a line in
    /// each language, a long one wrapped. Returns the marks and the bar's height.
    fn badge(
        &self,
        words: Words<'_>,
        pick: fn(&CardWording) -> &str,
        x: f32,
        y: f32,
        width: f32,
    ) -> Result<(Vec<Mark>, f32), RenderError> {
        // One language may wrap to two lines; two languages shrink to three lines at most, so
        // the badge under the QR code leaves the footer its room.
        let (max_pt, min_pt, max_height) = match words.second {
            None => (7.0, 5.5, 2.0 * BADGE_H),
            Some(_) => (6.5, LABEL_MIN_PT_TWO_LANGUAGES, 6.0),
        };
        let blocks: Vec<Block<'_>> = words
            .each(pick)
            .map(|(text, _)| Block {
                rgb: self.on_accent,
                min_pt,
                ..self.block("badge", text, Weight::Bold, max_pt)
            })
            .collect();
        let stack = fit_stack(&self.fonts, &blocks, width - 2.0, max_height)?;
        let height = (stack.height_mm + 1.2).max(BADGE_H);
        let top = y + (height - stack.height_mm) / 2.0;
        let mut marks = vec![Mark::Rect {
            x,
            y,
            w: width,
            h: height,
            rgb: self.accent,
        }];
        for line in stack.lines {
            let baseline = top + line.baseline_mm;
            marks.push(centred(line, x + width / 2.0, baseline));
        }
        Ok((marks, height))
    }

    // ---- back -------------------------------------------------------------------------------

    /// The verification hint and the return-if-found text, along the bottom, with a rule
    /// above; in each language, the card's first.
    fn footer(&self, words: Words<'_>) -> Result<(Vec<Mark>, f32), RenderError> {
        let two = words.second.is_some();
        let mut blocks = Vec::new();
        for wording in std::iter::once(words.first).chain(words.second) {
            let hint = Block {
                gap_before_mm: if blocks.is_empty() { 0.0 } else { 0.8 },
                end_aligned: self.end_aligned(wording.rtl),
                ..self.block("verify_hint", &wording.verify_hint, Weight::Bold, 7.0)
            };
            let found = Block {
                gap_before_mm: 0.4,
                end_aligned: self.end_aligned(wording.rtl),
                ..self.block(
                    "return_if_found",
                    &wording.return_if_found,
                    Weight::Regular,
                    6.5,
                )
            };
            blocks.extend([hint, found].map(|b| Block {
                min_pt: if two { 5.0 } else { b.min_pt },
                ..b
            }));
        }
        // Two languages' texts shrink to leave the QR code, its number and a two-line badge
        // their room above.
        let max_height = if two { 12.0 } else { 11.0 };
        let stack = fit_stack(&self.fonts, &blocks, RIGHT - SAFE, max_height)?;
        // Arabic script's descenders reach further below the line than Latin's.
        let rtl = std::iter::once(words.first)
            .chain(words.second)
            .any(|w| w.rtl);
        let bottom = if rtl { BOTTOM - 0.4 } else { BOTTOM };
        let top = bottom - stack.height_mm;
        let rule_y = top - 1.0;
        let mut marks = vec![Mark::Rect {
            x: SAFE,
            y: rule_y,
            w: RIGHT - SAFE,
            h: 0.35,
            rgb: self.accent,
        }];
        push_stack(&mut marks, stack, SAFE, top, RIGHT - SAFE);
        Ok((marks, rule_y))
    }

    fn back(
        &self,
        card: &CardPrint,
        words: Words<'_>,
        branded: &Branded,
    ) -> Result<Vec<Mark>, RenderError> {
        let mut marks = branded.footer.clone();
        let (qr_marks, side) = qr_marks(&card.qr_text)?;
        marks.extend(qr_marks);
        let origin = snap(SAFE);
        let mut below = origin + side + 0.2;
        let number = Block {
            rgb: TEXT,
            ..self.block("card_number", &card.card_number, Weight::Bold, 8.0)
        };
        let line = fit_line(&self.fonts, &number, side - 2.0)?;
        below += ASCENT * line.size_pt / PT_PER_MM;
        marks.push(centred(line, origin + side / 2.0, below));
        below += 1.4;
        if card.organ_donor {
            let (badge, height) =
                self.badge(words, |w| &w.organ_donor, origin + 1.0, below, side - 2.0)?;
            marks.extend(badge);
            below += height;
        }
        if below > branded.footer_top - 0.5 {
            return Err(RenderError::DoesNotFit { field: "qr_text" });
        }
        let x = origin + side + 1.0;
        marks.extend(self.details(card, x, words, branded.footer_top)?);
        Ok(marks)
    }

    /// Address, languages and emergency contact, right of the QR code.
    fn details(
        &self,
        card: &CardPrint,
        x: f32,
        words: Words<'_>,
        footer_top: f32,
    ) -> Result<Vec<Mark>, RenderError> {
        // Named in the card's own language, as its labels are.
        let languages = words
            .first
            .language_list(card.languages.iter().map(String::as_str));
        let address: Vec<&str> = card.address_lines.iter().map(String::as_str).collect();
        let emergency: Vec<&str> = card.emergency_contact.iter().map(String::as_str).collect();
        type Pick = fn(&CardWording) -> &str;
        let sections: [(Pick, &'static str, &[&str]); 3] = [
            (|w| &w.address, "address_lines", &address),
            (|w| &w.languages, "languages", &[languages.as_str()]),
            (|w| &w.emergency_contact, "emergency_contact", &emergency),
        ];
        let mut blocks = Vec::new();
        for (label, field, lines) in sections {
            let lines: Vec<&str> = lines
                .iter()
                .copied()
                .filter(|l| !l.trim().is_empty())
                .collect();
            if lines.is_empty() {
                continue;
            }
            let gap = if blocks.is_empty() { 0.0 } else { 1.2 };
            blocks.extend(self.labels(words, label, gap));
            // The list of languages reads in the card's direction, whatever its first name.
            let base = (field == "languages" && self.right_to_left()).then(Level::rtl);
            blocks.extend(lines.into_iter().map(|l| Block {
                base,
                ..self.block(field, l, Weight::Regular, 7.5)
            }));
        }
        let top = snap(SAFE) + 0.4;
        let stack = fit_stack(&self.fonts, &blocks, RIGHT - x, footer_top - 0.8 - top)?;
        let mut marks = Vec::new();
        push_stack(&mut marks, stack, x, top, RIGHT - x);
        Ok(marks)
    }
}

/// The QR code with its quiet zone at the top left of the back, modules snapped to printer
/// dots; returns the marks and the side of the whole square (quiet zone included).
fn qr_marks(text: &str) -> Result<(Vec<Mark>, f32), RenderError> {
    let code = qr::encode(text).map_err(|_| RenderError::DoesNotFit { field: "qr_text" })?;
    let modules = code.width() + 2 * QUIET;
    let dots = ((QR_TARGET / (modules as f32 * DOT)).floor() as u32).max(QR_MIN_DOTS);
    let module = dots as f32 * DOT;
    let side = modules as f32 * module;
    if side > QR_LIMIT {
        return Err(RenderError::DoesNotFit { field: "qr_text" });
    }
    let origin = snap(SAFE) + QUIET as f32 * module;
    let rects = dark_rectangles(&code);
    Ok((
        vec![Mark::Modules {
            x: origin,
            y: origin,
            module,
            rects,
        }],
        side,
    ))
}

/// The dark modules as rectangles, greedily: from each dark module not yet drawn, as far
/// right as the modules are dark, then as far down as that whole row segment is dark.
/// Rectangles may overlap (the fill does not care); there are fewer of them than horizontal
/// runs, which keeps the page content short.
fn dark_rectangles(code: &qr::QrCode) -> Vec<[u16; 4]> {
    let width = code.width();
    let dark = |x: usize, y: usize| code.is_dark(x, y);
    let mut drawn = vec![false; width * width];
    let mut rects = Vec::new();
    for y in 0..width {
        for x in 0..width {
            if !dark(x, y) || drawn[y * width + x] {
                continue;
            }
            let x_end = (x..width).find(|&k| !dark(k, y)).unwrap_or(width);
            let y_end = (y + 1..width)
                .find(|&row| !(x..x_end).all(|k| dark(k, row)))
                .unwrap_or(width);
            for row in y..y_end {
                drawn[row * width + x..row * width + x_end].fill(true);
            }
            let n = |v: usize| u16::try_from(v).unwrap_or(u16::MAX);
            rects.push([n(x), n(y), n(x_end - x), n(y_end - y)]);
        }
    }
    rects
}

/// Mirrors a face left to right: each mark keeps its size and reading order (text is not
/// turned around, nor the QR code) and moves to the other side, so what started at the left
/// of its place now ends at the right of it.
fn mirror(marks: &mut [Mark]) {
    let across = |x: f32, w: f32| CARD_W - x - w;
    for mark in marks {
        match mark {
            Mark::Rect { x, w, .. } | Mark::Photo { x, w, .. } | Mark::Logo { x, w, .. } => {
                *x = across(*x, *w);
            }
            Mark::Modules {
                x, module, rects, ..
            } => {
                let columns = rects.iter().map(|r| r[0] + r[2]).max().unwrap_or(0);
                // Still on the printer's dots.
                *x = snap(across(*x, f32::from(columns) * *module));
            }
            Mark::Disc { cx, .. } | Mark::Ring { cx, .. } => *cx = CARD_W - *cx,
            Mark::Text { x, line, .. } => *x = across(*x, line.width_mm()),
        }
    }
}

/// Rounds a position to the printer's dot grid.
fn snap(mm: f32) -> f32 {
    (mm / DOT).round() * DOT
}

/// Places a stack's lines from (`x`, `top`); an end-aligned line (a label in the other
/// direction than the card's) ends at the right of the `width` it was fitted in.
fn push_stack(marks: &mut Vec<Mark>, stack: Stack, x: f32, top: f32, width: f32) {
    for line in stack.lines {
        let x = if line.end_aligned {
            x + width - line.width_mm()
        } else {
            x
        };
        marks.push(Mark::Text {
            x,
            y: top + line.baseline_mm,
            line,
        });
    }
}

/// The height of a row of the front's grid: more with labels in two languages.
fn row_height(words: Words<'_>) -> f32 {
    if words.second.is_some() {
        ROW_H_TWO_LANGUAGES
    } else {
        ROW_H
    }
}

/// Where the front's grid of dates and numbers starts: three rows above the safe margin.
fn grid_top(words: Words<'_>) -> f32 {
    BOTTOM - 3.0 * row_height(words)
}

fn centred(line: Line, cx: f32, baseline: f32) -> Mark {
    Mark::Text {
        x: cx - line.width_mm() / 2.0,
        y: baseline,
        line,
    }
}

/// The size of a `width` × `height` picture fitted inside `max_w` × `max_h`.
fn fit_box(width: u32, height: u32, max_w: f32, max_h: f32) -> (f32, f32) {
    let scale = (max_w / width as f32).min(max_h / height as f32);
    (width as f32 * scale, height as f32 * scale)
}

fn luminance([r, g, b]: [u8; 3]) -> f32 {
    (0.2126 * f32::from(r) + 0.7152 * f32::from(g) + 0.0722 * f32::from(b)) / 255.0
}

/// Initials of the jurisdiction's proper name: "City of Springfield" → "S",
/// "City of New York" → "NY".
pub fn monogram(jurisdiction: &str) -> String {
    const GENERIC: [&str; 12] = [
        "city",
        "county",
        "town",
        "village",
        "borough",
        "township",
        "municipality",
        "of",
        "the",
        "and",
        "de",
        "del",
    ];
    let initials: String = jurisdiction
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !GENERIC.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .take(3)
        .collect();
    if initials.is_empty() {
        jurisdiction
            .chars()
            .take(1)
            .flat_map(char::to_uppercase)
            .collect()
    } else {
        initials
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monograms() {
        assert_eq!(monogram("City of Springfield"), "S");
        assert_eq!(monogram("City of New York"), "NY");
        assert_eq!(monogram("Washtenaw County"), "W");
        assert_eq!(monogram("City"), "C");
    }

    #[test]
    fn dates_are_unambiguous() {
        let date = chrono::NaiveDate::from_ymd_opt(1990, 4, 7).unwrap();
        assert_eq!(super::super::wording::card_date(date), "7 Apr 1990");
    }

    #[test]
    fn qr_modules_are_whole_dots_of_at_least_four() {
        let text = format!("HTTP://LOCALHOST:8080/V#{}", "A2".repeat(125));
        let (marks, side) = qr_marks(&text).unwrap();
        let dots = (side / DOT).round() as u32;
        assert_eq!(dots % 65, 0, "version 10 has 57 + 8 modules per side");
        assert!(dots / 65 >= QR_MIN_DOTS);
        assert!(side <= QR_TARGET);
        let Mark::Modules { rects, .. } = &marks[0] else {
            panic!()
        };
        assert!(rects.iter().all(|r| r[0] + r[2] <= 57 && r[1] + r[3] <= 57));
        // Every dark module is covered, no light one is.
        let code = qr::encode(&text).unwrap();
        for y in 0..57u16 {
            for x in 0..57u16 {
                let covered = rects
                    .iter()
                    .any(|r| (r[0]..r[0] + r[2]).contains(&x) && (r[1]..r[1] + r[3]).contains(&y));
                assert_eq!(covered, code.is_dark(x.into(), y.into()), "({x}, {y})");
            }
        }
    }
}
