//! The card's fonts and shaper, lent to the reports' pages: text in any script the card prints,
//! shaped by rustybuzz (bidi, joining, conjuncts), broken into lines by its measured width,
//! embedded as subsets and drawn by the same code as the card's text.

use std::sync::Arc;

use printpdf::{Op, PdfDocument};

use super::fonts::{Fonts, Weight};
use super::pdf::{self, Pen, Subsets};
use super::shape::{shape_line_in, Shaped};
use super::wrap::break_lines;
use super::RenderError;

/// Sets text for other PDFs in the card's fonts; cheap to clone (the fonts are shared).
#[derive(Clone)]
pub struct Typesetter {
    fonts: Arc<Fonts>,
}

/// How a text is set: its weight, and whether its paragraph reads from the right (a line of a
/// right-to-left page that starts with a Latin name still does).
#[derive(Debug, Clone, Copy, Default)]
pub struct Setting {
    pub bold: bool,
    pub rtl: bool,
}

/// One line of text, shaped: its glyphs in visual order, ready to draw.
#[derive(Debug, Clone)]
pub struct SetLine {
    shaped: Shaped,
}

impl SetLine {
    /// The line's width at `size_pt`, in points.
    pub fn width(&self, size_pt: f32) -> f32 {
        self.shaped.width_em * size_pt
    }

    /// The text as written.
    pub fn text(&self) -> &str {
        &self.shaped.text
    }
}

/// The fonts one PDF embeds, each cut down to the glyphs of its lines.
pub struct EmbeddedFonts {
    subsets: Subsets,
}

impl Typesetter {
    pub(super) fn new(fonts: Arc<Fonts>) -> Self {
        Self { fonts }
    }

    /// Whether every character of `text` has a font, in regular and bold.
    pub fn can_print(&self, text: &str) -> bool {
        self.fonts.unprintable(text).is_none()
    }

    /// `text` as one line. A character no font has is set as `?`: a report names data classes
    /// and sites, never a resident, and the caller chooses a language the fonts print.
    pub fn line(&self, text: &str, setting: Setting) -> SetLine {
        let weight = if setting.bold {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let base = setting.rtl.then(unicode_bidi::Level::rtl);
        let shape = |text: &str| shape_line_in(&self.fonts, text, weight, base);
        let shaped = shape(text).or_else(|_| {
            let printable: String = text
                .chars()
                .map(|c| {
                    let mut buffer = [0; 4];
                    match self.fonts.unprintable(c.encode_utf8(&mut buffer)) {
                        Some(_) => '?',
                        None => c,
                    }
                })
                .collect();
            shape(&printable)
        });
        let shaped = shaped.unwrap_or_else(|_| {
            // Nothing of the text is logged: a report's text may name a site.
            tracing::warn!("a line of a report could not be shaped and is left blank");
            Shaped::default()
        });
        SetLine { shaped }
    }

    /// `text` broken into lines at most `width_pt` wide at `size_pt`: at spaces, or between
    /// characters in a word wider than the line (and in scripts written without spaces).
    pub fn lines(&self, text: &str, setting: Setting, size_pt: f32, width_pt: f32) -> Vec<SetLine> {
        let whole = self.line(text, setting);
        if whole.width(size_pt) <= width_pt {
            return vec![whole];
        }
        let budget_em = width_pt / size_pt;
        let source = whole.shaped.text.clone();
        match break_lines(&source, &whole.shaped.clusters, budget_em) {
            Some(ranges) => ranges
                .into_iter()
                .map(|range| self.line(&source[range], setting))
                .collect(),
            None => vec![whole],
        }
    }

    /// Adds to `doc` the fonts `lines` use, cut down to their glyphs.
    pub fn embed<'a>(
        &self,
        doc: &mut PdfDocument,
        lines: impl Iterator<Item = &'a SetLine>,
    ) -> Result<EmbeddedFonts, RenderError> {
        let used = pdf::glyphs_of(lines.map(|line| &line.shaped));
        let subsets = pdf::add_fonts_for(doc, &self.fonts, used)?;
        Ok(EmbeddedFonts { subsets })
    }

    /// Draws `line` starting at `(x, y)` on its baseline, in PDF points from the bottom left;
    /// the line's fonts must have been embedded in `fonts`.
    pub fn draw(
        &self,
        ops: &mut Vec<Op>,
        fonts: &EmbeddedFonts,
        (x, y): (f32, f32),
        (size, rgb): (f32, [u8; 3]),
        line: &SetLine,
    ) {
        let pen = Pen { size, rgb };
        pdf::shaped_text(
            ops,
            (x, y),
            pen,
            &line.shaped,
            (&self.fonts, &fonts.subsets),
        );
    }

    /// Writes `doc`, its streams deflated and its fonts as embedded.
    pub fn save(&self, doc: &PdfDocument) -> Result<Vec<u8>, RenderError> {
        pdf::save(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setter() -> Typesetter {
        Typesetter::new(Arc::new(Fonts::load().unwrap()))
    }

    #[test]
    fn a_long_text_breaks_into_lines_no_wider_than_asked() {
        let setter = setter();
        let text = "Every copy of the database becomes unreadable months after it was taken.";
        let lines = setter.lines(text, Setting::default(), 10.0, 120.0);
        assert!(lines.len() > 2, "{}", lines.len());
        for line in &lines {
            assert!(line.width(10.0) <= 120.5, "{} is too wide", line.text());
        }
        let joined: Vec<&str> = lines.iter().map(SetLine::text).collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn text_without_spaces_breaks_between_characters() {
        let setter = setter();
        let text = "数据库的每一份副本在取得若干个月后都将无法读取";
        let lines = setter.lines(text, Setting::default(), 10.0, 60.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| l.width(10.0) <= 60.5));
        assert_eq!(lines.iter().map(SetLine::text).collect::<String>(), text);
    }

    #[test]
    fn a_character_no_font_has_is_set_as_a_question_mark() {
        let setter = setter();
        // Ethiopic is not among the built-in fonts.
        assert!(!setter.can_print("ሰላም"));
        assert_eq!(setter.line("Site ሰ", Setting::default()).text(), "Site ?");
        assert!(setter.can_print("Données détruites"));
    }
}
