//! A4 pages for the service's reports, filled top-down in the reader's language: text shaped in
//! the card's fonts (any script the card prints; a right-to-left language mirrors the page),
//! rules, filled boxes, tables whose cells wrap, and the footer that numbers the pages.

use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfPage, Point, Pt, Rect, Rgb,
};

use crate::domain::report::ReportSignature;
use crate::i18n::{Arg, Words};
use crate::render::card_pdf::{SetLine, Setting, Typesetter};

pub(super) const PAGE_W: f32 = 595.0;
pub(super) const PAGE_H: f32 = 842.0;
pub(super) const MARGIN: f32 = 48.0;
/// The width between the margins.
pub(super) const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
pub(super) const INK: [u8; 3] = [0x1a, 0x1a, 0x1a];
pub(super) const MUTED: [u8; 3] = [0x55, 0x5b, 0x66];
pub(super) const ACCENT: [u8; 3] = [0x1f, 0x4e, 0x79];
pub(super) const ALARM: [u8; 3] = [0xb0, 0x1e, 0x1e];
pub(super) const RULE: [u8; 3] = [0xc8, 0xcd, 0xd4];
/// Line box height, in em.
const LEADING: f32 = 1.35;
/// Space between table columns, in points.
const GUTTER: f32 = 6.0;
/// Text shrunk to fit its place stops at this size.
const SMALLEST_PT: f32 = 5.0;

/// The language a report is written in, and the fonts that print it.
#[derive(Clone)]
pub struct ReportLanguage<'a> {
    pub words: Words<'a>,
    pub setter: Typesetter,
}

impl<'a> ReportLanguage<'a> {
    /// The page language `locale`, in `setter`'s fonts (see [`Self::printable`]).
    pub fn of(locale: &'a crate::i18n::Locale, setter: Typesetter) -> Self {
        Self::printable(Words::new(crate::i18n::catalogue(), locale), setter)
    }

    /// The language's tag, as a `Content-Language` header names it.
    pub fn code(&self) -> &'static str {
        self.words.locale.code
    }

    /// `words`, or English when the fonts cannot print that language (Korean or Bengali
    /// without the font folder): a report in boxes would be no report.
    pub fn printable(words: Words<'a>, setter: Typesetter) -> Self {
        let sample = [
            "audit-title",
            "program-title",
            "report-pdf-check",
            "month-9",
        ];
        let printable = sample.iter().all(|id| setter.can_print(&words.t(id, &[])));
        let words = if printable {
            words
        } else {
            tracing::warn!(
                language = words.locale.code,
                "the card fonts cannot print this language: the report is written in English"
            );
            Words::english(crate::i18n::catalogue())
        };
        Self { words, setter }
    }
}

/// What a page holds until the document's fonts are known: drawing operations, and lines of
/// text, whose glyphs are renumbered into the fonts' subsets when the PDF is written.
enum Piece {
    Op(Op),
    Text {
        at: (f32, f32),
        size: f32,
        rgb: [u8; 3],
        line: SetLine,
    },
}

/// Pages are filled top-down; `y` is the baseline of the next line in PDF points from the
/// bottom. Every `x` is measured from the side a line starts on: the left, or the right on a
/// right-to-left page.
pub(super) struct Writer<'a> {
    pub(super) words: Words<'a>,
    setter: Typesetter,
    pages: Vec<Vec<Piece>>,
    pub(super) y: f32,
}

impl<'a> Writer<'a> {
    pub(super) fn new(language: ReportLanguage<'a>) -> Self {
        Self {
            words: language.words,
            setter: language.setter,
            pages: vec![Vec::new()],
            y: PAGE_H - MARGIN,
        }
    }

    /// A message in the report's language.
    pub(super) fn t(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.words.t(id, args)
    }

    /// Messages without arguments (a table's header).
    pub(super) fn ts(&self, ids: &[&str]) -> Vec<String> {
        ids.iter().map(|id| self.t(id, &[])).collect()
    }

    fn setting(&self, bold: bool) -> Setting {
        Setting {
            bold,
            rtl: self.words.rtl(),
        }
    }

    fn push(&mut self, piece: Piece) {
        let last = self.pages.len() - 1;
        self.pages[last].push(piece);
    }

    /// The left edge, on the page, of a box `w` wide placed `x` from the line's starting side.
    fn left(&self, x: f32, w: f32) -> f32 {
        if self.words.rtl() {
            PAGE_W - x - w
        } else {
            x
        }
    }

    /// Makes room for `height` points, starting a new page when needed.
    pub(super) fn need(&mut self, height: f32) {
        if self.y - height < MARGIN {
            self.new_page();
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = PAGE_H - MARGIN;
    }

    /// One line of text starting `x` from the line's side, on the baseline `y`; shrunk (to
    /// 5 pt at least) to stay within `max_w`.
    pub(super) fn text(&mut self, (x, y): (f32, f32), style: Style, text: &str, max_w: f32) {
        let line = self.setter.line(text, self.setting(style.bold));
        let natural = line.width(style.size);
        let size = if natural > max_w && natural > 0.0 {
            (style.size * max_w / natural).max(SMALLEST_PT)
        } else {
            style.size
        };
        let at = (self.left(x, line.width(size)), y);
        self.push(Piece::Text {
            at,
            size,
            rgb: style.rgb,
            line,
        });
    }

    /// A label beside a chart's bar, `max_w` wide, centred on `mid` (a baseline): one line,
    /// or two smaller ones, shrunk (to 5 pt at least) until it fits.
    pub(super) fn label(&mut self, (x, mid): (f32, f32), style: Style, text: &str, max_w: f32) {
        let mut size = style.size;
        let setting = self.setting(style.bold);
        let mut lines = self.setter.lines(text, setting, size, max_w);
        while lines.len() > 2 && size > SMALLEST_PT {
            size = (size - 0.5).max(SMALLEST_PT);
            lines = self.setter.lines(text, setting, size, max_w);
        }
        if lines.len() > 2 {
            self.text((x, mid), Style { size, ..style }, text, max_w);
            return;
        }
        let leading = size * 1.1;
        let first = mid + leading * (lines.len() as f32 - 1.0) / 2.0;
        for (i, line) in lines.into_iter().enumerate() {
            let at = (self.left(x, line.width(size)), first - leading * i as f32);
            self.push(Piece::Text {
                at,
                size,
                rgb: style.rgb,
                line,
            });
        }
    }

    /// A paragraph across the page, broken into lines that fit between the margins.
    pub(super) fn paragraph(&mut self, style: Style, text: &str) {
        let setting = self.setting(style.bold);
        for line in self.setter.lines(text, setting, style.size, CONTENT_W) {
            self.need(style.size * 1.5);
            self.y -= style.size * LEADING;
            let at = (self.left(MARGIN, line.width(style.size)), self.y);
            self.push(Piece::Text {
                at,
                size: style.size,
                rgb: style.rgb,
                line,
            });
        }
    }

    pub(super) fn rect(&mut self, (x, y): (f32, f32), (w, h): (f32, f32), rgb: [u8; 3]) {
        let left = self.left(x, w);
        self.push(Piece::Op(Op::SetFillColor { col: color(rgb) }));
        let mut rect = Rect::from_xywh(Pt(left), Pt(y), Pt(w), Pt(h));
        rect.mode = Some(PaintMode::Fill);
        self.push(Piece::Op(Op::DrawRectangle { rectangle: rect }));
    }

    pub(super) fn rule(&mut self, from: (f32, f32), to: (f32, f32), rgb: [u8; 3], width: f32) {
        let (x1, x2) = (self.left(from.0, 0.0), self.left(to.0, 0.0));
        self.push(Piece::Op(Op::SetOutlineColor { col: color(rgb) }));
        self.push(Piece::Op(Op::SetOutlineThickness { pt: Pt(width) }));
        let point = |x, y| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        self.push(Piece::Op(Op::DrawLine {
            line: Line {
                points: vec![point(x1, from.1), point(x2, to.1)],
                is_closed: false,
            },
        }));
    }

    /// A section's heading, on the page its first lines go on (it never ends a page).
    pub(super) fn heading(&mut self, text: &str) {
        self.need(70.0);
        self.y -= 14.0;
        self.paragraph(Style::bold(12.5, ACCENT), text);
        self.y -= 3.0;
        let y = self.y;
        self.rule((MARGIN, y), (PAGE_W - MARGIN, y), RULE, 0.6);
    }

    /// A table: each column's offset from the start of the line, a bold header, then rows;
    /// a cell wraps within its column, and a cell marked `!` prints in red. The header starts
    /// a page with the first row, and is repeated on each page the rows go on to.
    pub(super) fn table(&mut self, columns: &[f32], header: &[String], rows: &[Vec<String>]) {
        let size = 8.5;
        let widths: Vec<f32> = columns
            .iter()
            .enumerate()
            .map(|(i, x)| columns.get(i + 1).unwrap_or(&CONTENT_W) - x - GUTTER)
            .collect();
        self.y -= size * 0.4;
        let header: Vec<(Style, &str)> = header
            .iter()
            .map(|title| (Style::bold(size, MUTED), title.as_str()))
            .collect();
        let header = self.wrap_row(&widths, &header);
        let rows: Vec<Row> = rows
            .iter()
            .map(|row| {
                let cells: Vec<(Style, &str)> = row
                    .iter()
                    .map(|cell| match cell.strip_prefix('!') {
                        Some(alarm) => (Style::bold(size, ALARM), alarm),
                        None => (Style::regular(size, INK), cell.as_str()),
                    })
                    .collect();
                self.wrap_row(&widths, &cells)
            })
            .collect();
        let first = rows.first().map_or(0.0, Row::height);
        self.need(header.height() + first + 2.0);
        self.place_row(columns, header.clone());
        for row in rows {
            if self.y - row.height() - 2.0 < MARGIN {
                self.new_page();
                self.place_row(columns, header.clone());
            }
            self.place_row(columns, row);
        }
    }

    /// A row's cells, each wrapped within its column.
    fn wrap_row(&self, widths: &[f32], cells: &[(Style, &str)]) -> Row {
        let step = cells.first().map_or(8.5, |(s, _)| s.size) * 1.45;
        let cells = cells
            .iter()
            .zip(widths)
            .map(|((style, text), width)| self.cell(*style, text, *width))
            .collect();
        Row { cells, step }
    }

    /// Places a row below the last, as tall as its tallest cell.
    fn place_row(&mut self, columns: &[f32], row: Row) {
        let (tallest, step) = (row.lines(), row.step);
        let wrapped = row.cells;
        let top = self.y;
        for ((style, lines), x) in wrapped.into_iter().zip(columns) {
            for (i, line) in lines.into_iter().enumerate() {
                let y = top - step * (i as f32 + 1.0);
                let at = (self.left(MARGIN + x, line.width(style.size)), y);
                self.push(Piece::Text {
                    at,
                    size: style.size,
                    rgb: style.rgb,
                    line,
                });
            }
        }
        self.y = top - step * tallest as f32;
    }
}

/// A table row, its cells wrapped: each cell's style and lines, and the line step.
#[derive(Clone)]
struct Row {
    cells: Vec<(Style, Vec<SetLine>)>,
    step: f32,
}

impl Row {
    fn lines(&self) -> usize {
        self.cells.iter().map(|(_, l)| l.len()).max().unwrap_or(1)
    }

    fn height(&self) -> f32 {
        self.step * self.lines() as f32
    }
}

impl Writer<'_> {
    /// A table cell's lines: one word a little too wide ("2026年10月", a long number) is set
    /// a little smaller rather than broken; other text wraps.
    fn cell(&self, style: Style, text: &str, width: f32) -> (Style, Vec<SetLine>) {
        let setting = self.setting(style.bold);
        let whole = self.setter.line(text, setting);
        let natural = whole.width(style.size);
        if natural <= width {
            return (style, vec![whole]);
        }
        let shrunk = style.size * width / natural;
        if !text.contains(char::is_whitespace) && shrunk >= style.size * 0.75 {
            return (
                Style {
                    size: shrunk,
                    ..style
                },
                vec![whole],
            );
        }
        let lines = self.setter.lines(text, setting, style.size, width);
        (style, lines)
    }
}

/// A text's size, weight and colour.
#[derive(Debug, Clone, Copy)]
pub(super) struct Style {
    pub size: f32,
    pub bold: bool,
    pub rgb: [u8; 3],
}

impl Style {
    pub(super) fn regular(size: f32, rgb: [u8; 3]) -> Self {
        Self {
            size,
            bold: false,
            rgb,
        }
    }

    pub(super) fn bold(size: f32, rgb: [u8; 3]) -> Self {
        Self {
            size,
            bold: true,
            rgb,
        }
    }
}

pub(super) fn color([r, g, b]: [u8; 3]) -> Color {
    let c = |v: u8| f32::from(v) / 255.0;
    Color::Rgb(Rgb {
        r: c(r),
        g: c(g),
        b: c(b),
        icc_profile: None,
    })
}

impl Writer<'_> {
    /// The report's last section: who signed it, and how to check a copy.
    pub(super) fn signature_section(&mut self, signature: Option<&ReportSignature>) {
        self.heading(&self.t("report-pdf-signature", &[]));
        let signed = match signature {
            Some(s) => self.t(
                "report-pdf-signed",
                &[
                    ("alg", s.alg.as_str().into()),
                    ("kid", s.kid.as_str().into()),
                ],
            ),
            None => self.t("report-pdf-unsigned", &[]),
        };
        self.paragraph(Style::regular(8.5, INK), &signed);
        let check = self.t("report-pdf-check", &[]);
        self.paragraph(Style::regular(8.5, MUTED), &check);
    }

    /// The pages, each with its footer (`<title> — page 2 of 3`), written as one PDF.
    pub(super) fn save(mut self, title: &str, subject: &str) -> Result<Vec<u8>, String> {
        let page_count = self.pages.len();
        for i in 0..page_count {
            let footer = self.t(
                "report-pdf-page",
                &[
                    ("report", title.into()),
                    ("page", Arg::Number(i as i64 + 1)),
                    ("pages", Arg::Number(page_count as i64)),
                ],
            );
            let line = self.setter.line(&footer, self.setting(false));
            let at = (self.left(MARGIN, line.width(7.0)), 24.0);
            self.pages[i].push(Piece::Text {
                at,
                size: 7.0,
                rgb: MUTED,
                line,
            });
        }
        let mut doc = PdfDocument::new(title);
        doc.metadata.info.subject = subject.to_owned();
        let lines = self.pages.iter().flatten().filter_map(|piece| match piece {
            Piece::Text { line, .. } => Some(line),
            Piece::Op(_) => None,
        });
        let fonts = self
            .setter
            .embed(&mut doc, lines)
            .map_err(|e| e.to_string())?;
        let setter = &self.setter;
        let pages: Vec<PdfPage> = self
            .pages
            .into_iter()
            .map(|pieces| {
                let mut ops = Vec::with_capacity(pieces.len() * 4);
                for piece in pieces {
                    match piece {
                        Piece::Op(op) => ops.push(op),
                        Piece::Text {
                            at,
                            size,
                            rgb,
                            line,
                        } => setter.draw(&mut ops, &fonts, at, (size, rgb), &line),
                    }
                }
                PdfPage::new(Mm(PAGE_W / 2.834_646), Mm(PAGE_H / 2.834_646), ops)
            })
            .collect();
        doc.with_pages(pages);
        setter.save(&doc).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue;
    use crate::render::card_pdf::{CardBranding, CardRenderer};

    /// The built-in fonts only: no font folder.
    fn built_in_setter() -> Typesetter {
        let branding = CardBranding {
            jurisdiction: "City of Springfield".into(),
            accent_rgb: [0x1f, 0x4e, 0x79],
            logo_png: None,
            return_if_found: String::new(),
            verify_hint: String::new(),
        };
        CardRenderer::new(branding).unwrap().typesetter()
    }

    #[test]
    fn a_language_the_fonts_cannot_print_is_written_in_english() {
        let setter = built_in_setter();
        let c = catalogue();
        let in_lang = |code: &str| {
            let words = Words::new(c, c.get(code).unwrap());
            ReportLanguage::printable(words, setter.clone())
                .words
                .locale
                .code
        };
        // Hangul and Bengali come with the font folder; Cyrillic, Arabic and Han are built in.
        assert_eq!(in_lang("ko"), "en");
        assert_eq!(in_lang("bn"), "en");
        for code in ["ru", "ar", "zh-Hant", "pl"] {
            assert_eq!(in_lang(code), code);
        }
    }

    #[test]
    fn a_right_to_left_page_is_mirrored() {
        let setter = built_in_setter();
        let c = catalogue();
        let language = |code: &str| ReportLanguage {
            words: Words::new(c, c.get(code).unwrap()),
            setter: setter.clone(),
        };
        let place = |code: &str| {
            let mut w = Writer::new(language(code));
            w.text((MARGIN, 700.0), Style::regular(10.0, INK), "٢٠٢٦", 100.0);
            w.rect((MARGIN, 600.0), (50.0, 10.0), INK);
            let text_left = match &w.pages[0][0] {
                Piece::Text { at, line, .. } => (at.0, at.0 + line.width(10.0)),
                Piece::Op(_) => unreachable!(),
            };
            let rect = match &w.pages[0][2] {
                Piece::Op(Op::DrawRectangle { rectangle }) => rectangle.x.0,
                _ => unreachable!(),
            };
            (text_left, rect)
        };
        let ((left, _), rect) = place("en");
        assert_eq!((left, rect), (MARGIN, MARGIN));
        let ((_, right), rect) = place("ar");
        assert!((right - (PAGE_W - MARGIN)).abs() < 0.01, "{right}");
        assert!((rect - (PAGE_W - MARGIN - 50.0)).abs() < 0.01, "{rect}");
    }
}
