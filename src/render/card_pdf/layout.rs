//! Where everything goes on the card, in millimetres from the top left corner. The branding
//! (band, seal or logo, footer) is laid out once; each card adds its photo, names, dates and
//! QR code. Everything stays inside a 2 mm safe margin; text shrinks or wraps to fit, and a
//! card whose text cannot fit is refused before anything is printed.

use std::path::PathBuf;

use chrono::NaiveDate;

use super::fonts::{Fonts, Weight};
use super::images::{jpeg_info, JpegInfo, Logo};
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
const GRID_TOP: f32 = BOTTOM - 3.0 * ROW_H;

/// A printer dot at 300 dpi; QR modules are whole dots, at least four.
const DOT: f32 = 25.4 / 300.0;
const QR_MIN_DOTS: u32 = 4;
const QR_TARGET: f32 = 26.0;
const QR_LIMIT: f32 = 32.0;
const QUIET: usize = 4;

const LABEL_PT: f32 = 6.0;
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

/// The branding, laid out once.
pub(super) struct Design {
    pub fonts: Fonts,
    pub logo: Option<Logo>,
    accent: [u8; 3],
    on_accent: [u8; 3],
    band: Vec<Mark>,
    footer: Vec<Mark>,
    footer_top: f32,
}

impl Design {
    pub(super) fn new(branding: &CardBranding, font_dirs: &[PathBuf]) -> Result<Self, RenderError> {
        let fonts = Fonts::load_with(font_dirs)?;
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
        let mut design = Self {
            fonts,
            logo,
            accent,
            on_accent,
            band: Vec::new(),
            footer: Vec::new(),
            footer_top: BOTTOM,
        };
        design.band = design.band(branding)?;
        let (footer, footer_top) = design.footer(branding)?;
        design.footer = footer;
        design.footer_top = footer_top;
        Ok(design)
    }

    /// Lays out both faces of `card`, or says why it cannot be printed.
    pub(super) fn lay_out<'a>(&self, card: &'a CardPrint) -> Result<LaidOut<'a>, RenderError> {
        if card.legal_name.trim().is_empty() {
            return Err(RenderError::Invalid("the legal_name is empty".into()));
        }
        let photo_info = jpeg_info(&card.photo_jpeg)?;
        Ok(LaidOut {
            front: self.front(card, photo_info)?,
            back: self.back(card)?,
            photo: &card.photo_jpeg,
            photo_info,
        })
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

    // ---- front ------------------------------------------------------------------------------

    fn band(&self, branding: &CardBranding) -> Result<Vec<Mark>, RenderError> {
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
        let subtitle = Block {
            rgb: self.on_accent,
            gap_before_mm: 0.2,
            ..self.label("IDENTIFICATION CARD", 0.0)
        };
        let stack = fit_stack(
            &self.fonts,
            &[title, subtitle],
            RIGHT - BAND_TEXT_X,
            BAND_H - 1.6,
        )?;
        let top = (BAND_H - stack.height_mm) / 2.0;
        push_stack(&mut marks, stack, BAND_TEXT_X, top);
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

    fn front(&self, card: &CardPrint, photo: JpegInfo) -> Result<Vec<Mark>, RenderError> {
        let mut marks = self.band.clone();
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
            marks.extend(self.badge("VETERAN", PHOTO_X, PHOTO_Y + PHOTO_H + 1.2, PHOTO_W)?);
        }
        marks.extend(self.names(card)?);
        marks.extend(self.grid(card)?);
        Ok(marks)
    }

    fn names(&self, card: &CardPrint) -> Result<Vec<Mark>, RenderError> {
        let mut blocks = vec![
            self.label("NAME", 0.0),
            self.block("legal_name", &card.legal_name, Weight::Bold, 12.0),
        ];
        if let Some(preferred) = card
            .preferred_name
            .as_deref()
            .filter(|p| !p.trim().is_empty())
        {
            blocks.push(self.label("PREFERRED NAME", 0.7));
            blocks.push(self.block("preferred_name", preferred, Weight::Bold, 9.5));
        }
        let stack = fit_stack(&self.fonts, &blocks, COL_W, GRID_TOP - 0.6 - NAMES_TOP)?;
        let mut marks = Vec::new();
        push_stack(&mut marks, stack, COL_X, NAMES_TOP);
        Ok(marks)
    }

    fn grid(&self, card: &CardPrint) -> Result<Vec<Mark>, RenderError> {
        let dob = card_date(card.date_of_birth);
        let issued = card_date(card.issued_on);
        let expires = card_date(card.expires_on);
        let mut cells = vec![
            ("DATE OF BIRTH", "date_of_birth", dob.as_str(), 0, 0),
            ("ISSUED", "issued_on", issued.as_str(), 0, 1),
            ("EXPIRES", "expires_on", expires.as_str(), 1, 1),
            ("CARD NO.", "card_number", card.card_number.as_str(), 0, 2),
        ];
        if let Some(gender) = card.gender.as_deref().filter(|g| !g.trim().is_empty()) {
            cells.push(("GENDER", "gender", gender, 1, 0));
        }
        let mut marks = Vec::new();
        for (label, field, value, column, row) in cells {
            let x = if column == 0 { COL_X } else { COL2_X };
            // The card number has the whole row; other cells half of it.
            let (width, max_pt) = match (column, row) {
                (0, 2) => (RIGHT - x, 9.5),
                (0, _) => (COL2_X - COL_X - 1.5, 8.5),
                _ => (RIGHT - x, 8.5),
            };
            let blocks = [
                self.label(label, 0.0),
                self.block(field, value, Weight::Bold, max_pt),
            ];
            let stack = fit_stack(&self.fonts, &blocks, width, ROW_H)?;
            push_stack(&mut marks, stack, x, GRID_TOP + row as f32 * ROW_H);
        }
        Ok(marks)
    }

    /// A bar in the accent colour with centred text, `width` wide, at (`x`, `y`).
    fn badge(
        &self,
        text: &'static str,
        x: f32,
        y: f32,
        width: f32,
    ) -> Result<Vec<Mark>, RenderError> {
        let block = Block {
            rgb: self.on_accent,
            ..self.block("badge", text, Weight::Bold, 7.0)
        };
        let line = fit_line(&self.fonts, &block, width - 2.0)?;
        let cap_height = 0.714 * line.size_pt / PT_PER_MM;
        Ok(vec![
            Mark::Rect {
                x,
                y,
                w: width,
                h: BADGE_H,
                rgb: self.accent,
            },
            centred(line, x + width / 2.0, y + (BADGE_H + cap_height) / 2.0),
        ])
    }

    // ---- back -------------------------------------------------------------------------------

    /// The return-if-found text and the verification hint, along the bottom, with a rule above.
    fn footer(&self, branding: &CardBranding) -> Result<(Vec<Mark>, f32), RenderError> {
        let hint = self.block("verify_hint", &branding.verify_hint, Weight::Bold, 7.0);
        let found = Block {
            gap_before_mm: 0.4,
            ..self.block(
                "return_if_found",
                &branding.return_if_found,
                Weight::Regular,
                6.5,
            )
        };
        let stack = fit_stack(&self.fonts, &[hint, found], RIGHT - SAFE, 11.0)?;
        let top = BOTTOM - stack.height_mm;
        let rule_y = top - 1.0;
        let mut marks = vec![Mark::Rect {
            x: SAFE,
            y: rule_y,
            w: RIGHT - SAFE,
            h: 0.35,
            rgb: self.accent,
        }];
        push_stack(&mut marks, stack, SAFE, top);
        Ok((marks, rule_y))
    }

    fn back(&self, card: &CardPrint) -> Result<Vec<Mark>, RenderError> {
        let mut marks = self.footer.clone();
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
            marks.extend(self.badge("ORGAN DONOR", origin + 1.0, below, side - 2.0)?);
            below += BADGE_H;
        }
        if below > self.footer_top - 0.5 {
            return Err(RenderError::DoesNotFit { field: "qr_text" });
        }
        let x = origin + side + 1.0;
        marks.extend(self.details(card, x)?);
        Ok(marks)
    }

    /// Address, languages and emergency contact, right of the QR code.
    fn details(&self, card: &CardPrint, x: f32) -> Result<Vec<Mark>, RenderError> {
        let languages: Vec<String> = card.languages.iter().map(|t| language_name(t)).collect();
        let languages = languages.join(", ");
        let address: Vec<&str> = card.address_lines.iter().map(String::as_str).collect();
        let emergency: Vec<&str> = card.emergency_contact.iter().map(String::as_str).collect();
        let sections: [(&'static str, &'static str, &[&str]); 3] = [
            ("ADDRESS", "address_lines", &address),
            ("LANGUAGES", "languages", &[languages.as_str()]),
            ("EMERGENCY CONTACT", "emergency_contact", &emergency),
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
            blocks.push(self.label(label, gap));
            blocks.extend(
                lines
                    .into_iter()
                    .map(|l| self.block(field, l, Weight::Regular, 7.5)),
            );
        }
        let top = snap(SAFE) + 0.4;
        let stack = fit_stack(&self.fonts, &blocks, RIGHT - x, self.footer_top - 0.8 - top)?;
        let mut marks = Vec::new();
        push_stack(&mut marks, stack, x, top);
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

/// Rounds a position to the printer's dot grid.
fn snap(mm: f32) -> f32 {
    (mm / DOT).round() * DOT
}

fn push_stack(marks: &mut Vec<Mark>, stack: Stack, x: f32, top: f32) {
    for line in stack.lines {
        marks.push(Mark::Text {
            x,
            y: top + line.baseline_mm,
            line,
        });
    }
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

/// A date as the card prints it, "7 Apr 1990": unambiguous for readers of any country. The
/// pages' card preview uses it too.
pub fn card_date(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
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

/// The English name of a language tag as the card prints it, with the tag when it says more
/// ("pt-BR"). The page's card preview uses it too.
pub fn language_name(tag: &str) -> String {
    let primary = tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    match LANGUAGES.iter().find(|(code, _)| *code == primary) {
        Some((_, name)) if primary == tag => (*name).to_owned(),
        Some((_, name)) => format!("{name} ({tag})"),
        None => tag.to_owned(),
    }
}

const LANGUAGES: &[(&str, &str)] = &[
    ("am", "Amharic"),
    ("ar", "Arabic"),
    ("ase", "American Sign Language"),
    ("bn", "Bengali"),
    ("bo", "Tibetan"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("es", "Spanish"),
    ("fa", "Persian"),
    ("ff", "Fula"),
    ("fr", "French"),
    ("gu", "Gujarati"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("ht", "Haitian Creole"),
    ("hy", "Armenian"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("km", "Khmer"),
    ("ko", "Korean"),
    ("lo", "Lao"),
    ("mfs", "Mexican Sign Language"),
    ("ne", "Nepali"),
    ("pa", "Punjabi"),
    ("pl", "Polish"),
    ("ps", "Pashto"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("so", "Somali"),
    ("sq", "Albanian"),
    ("sw", "Swahili"),
    ("ta", "Tamil"),
    ("tl", "Tagalog"),
    ("th", "Thai"),
    ("ti", "Tigrinya"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("ur", "Urdu"),
    ("uz", "Uzbek"),
    ("vi", "Vietnamese"),
    ("wo", "Wolof"),
    ("yi", "Yiddish"),
    ("yo", "Yoruba"),
    ("zh", "Chinese"),
    ("fil", "Filipino"),
    ("yue", "Cantonese"),
    ("cmn", "Mandarin"),
    ("mam", "Mam"),
    ("quc", "K'iche'"),
];

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
    fn language_names() {
        assert_eq!(language_name("es"), "Spanish");
        assert_eq!(language_name("pt-BR"), "Portuguese (pt-BR)");
        assert_eq!(language_name("zh-Hant"), "Chinese (zh-Hant)");
        assert_eq!(language_name("xyz"), "xyz");
    }

    #[test]
    fn dates_are_unambiguous() {
        let date = NaiveDate::from_ymd_opt(1990, 4, 7).unwrap();
        assert_eq!(card_date(date), "7 Apr 1990");
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
