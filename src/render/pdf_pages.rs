//! A4 pages for the service's reports, filled top-down: text in the PDF's built-in Helvetica
//! (WinAnsi: the reports hold no residents' names), rules, filled boxes and simple tables, and
//! the footer that numbers the pages.

use crate::domain::report::ReportSignature;
use printpdf::{
    BuiltinFont, Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};

pub(super) const PAGE_W: f32 = 595.0;
pub(super) const PAGE_H: f32 = 842.0;
pub(super) const MARGIN: f32 = 48.0;
pub(super) const INK: [u8; 3] = [0x1a, 0x1a, 0x1a];
pub(super) const MUTED: [u8; 3] = [0x55, 0x5b, 0x66];
pub(super) const ACCENT: [u8; 3] = [0x1f, 0x4e, 0x79];
pub(super) const ALARM: [u8; 3] = [0xb0, 0x1e, 0x1e];
pub(super) const RULE: [u8; 3] = [0xc8, 0xcd, 0xd4];

/// Pages are filled top-down; `y` is the baseline of the next line in PDF points from the bottom.
pub(super) struct Writer {
    pub(super) pages: Vec<Vec<Op>>,
    pub(super) y: f32,
}

impl Writer {
    pub(super) fn new() -> Self {
        Self {
            pages: vec![Vec::new()],
            y: PAGE_H - MARGIN,
        }
    }

    pub(super) fn ops(&mut self) -> &mut Vec<Op> {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Makes room for `height` points, starting a new page when needed.
    pub(super) fn need(&mut self, height: f32) {
        if self.y - height < MARGIN {
            self.pages.push(Vec::new());
            self.y = PAGE_H - MARGIN;
        }
    }

    pub(super) fn text(&mut self, x: f32, y: f32, size: f32, bold: bool, rgb: [u8; 3], text: &str) {
        let font = if bold {
            BuiltinFont::HelveticaBold
        } else {
            BuiltinFont::Helvetica
        };
        let ops = self.ops();
        ops.push(Op::StartTextSection);
        ops.push(Op::SetFillColor { col: color(rgb) });
        ops.push(Op::SetFont {
            font: PdfFontHandle::Builtin(font),
            size: Pt(size),
        });
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(y)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(winansi(text))],
        });
        ops.push(Op::EndTextSection);
    }

    pub(super) fn line_of_text(&mut self, size: f32, bold: bool, rgb: [u8; 3], text: &str) {
        self.need(size * 1.5);
        self.y -= size * 1.35;
        let y = self.y;
        self.text(MARGIN, y, size, bold, rgb, text);
    }

    pub(super) fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, rgb: [u8; 3]) {
        let ops = self.ops();
        ops.push(Op::SetFillColor { col: color(rgb) });
        let mut rect = Rect::from_xywh(Pt(x), Pt(y), Pt(w), Pt(h));
        rect.mode = Some(PaintMode::Fill);
        ops.push(Op::DrawRectangle { rectangle: rect });
    }

    pub(super) fn rule(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, rgb: [u8; 3], width: f32) {
        let ops = self.ops();
        ops.push(Op::SetOutlineColor { col: color(rgb) });
        ops.push(Op::SetOutlineThickness { pt: Pt(width) });
        let point = |x, y| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(x1, y1), point(x2, y2)],
                is_closed: false,
            },
        });
    }

    pub(super) fn heading(&mut self, text: &str) {
        self.need(40.0);
        self.y -= 14.0;
        self.line_of_text(12.5, true, ACCENT, text);
        self.y -= 3.0;
        let y = self.y;
        self.rule(MARGIN, y, PAGE_W - MARGIN, y, RULE, 0.6);
    }

    /// A table: column x offsets, a bold header, then rows; cells marked `!` print in red.
    pub(super) fn table(&mut self, columns: &[f32], header: &[&str], rows: &[Vec<String>]) {
        let size = 8.5;
        self.need(size * 3.0);
        self.y -= size * 1.6;
        let y = self.y;
        for (x, title) in columns.iter().zip(header) {
            self.text(MARGIN + x, y, size, true, MUTED, title);
        }
        for row in rows {
            self.need(size * 1.5);
            self.y -= size * 1.45;
            let y = self.y;
            for (x, cell) in columns.iter().zip(row) {
                let (rgb, shown) = match cell.strip_prefix('!') {
                    Some(alarm) => (ALARM, alarm),
                    None => (INK, cell.as_str()),
                };
                self.text(MARGIN + x, y, size, rgb == ALARM, rgb, shown);
            }
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

/// The built-in fonts speak WinAnsi: keep Latin-1, replace anything else visibly.
pub(super) fn winansi(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '—' | '–' => '-',
            '’' => '\'',
            c if (c as u32) < 0x100 => c,
            _ => '?',
        })
        .collect()
}

impl Writer {
    /// The report's last section: who signed it, and how to check a copy.
    pub(super) fn signature_section(&mut self, signature: Option<&ReportSignature>) {
        self.heading("Signature");
        let signed = signature
            .map(|s| format!("{} by key {}", s.alg, s.kid))
            .unwrap_or_else(|| "unsigned".into());
        self.line_of_text(
            8.5,
            false,
            INK,
            &format!("Signed {signed} over the canonical JSON of this report."),
        );
        self.line_of_text(
            8.5,
            false,
            MUTED,
            "The signed JSON travels inside this file, and a signature over the file's own bytes ends it: check it with `muni-id report verify FILE`.",
        );
    }

    /// The pages, each with its footer (`<footer> - page 2 of 3`), written as one PDF.
    pub(super) fn save(self, title: &str, subject: &str, footer: &str) -> Result<Vec<u8>, String> {
        let page_count = self.pages.len();
        let pages: Vec<PdfPage> = self
            .pages
            .into_iter()
            .enumerate()
            .map(|(i, mut ops)| {
                let mut foot = Writer {
                    pages: vec![Vec::new()],
                    y: 0.0,
                };
                foot.text(
                    MARGIN,
                    24.0,
                    7.0,
                    false,
                    MUTED,
                    &format!("{footer} - page {} of {page_count}", i + 1),
                );
                ops.extend(foot.pages.remove(0));
                PdfPage::new(Mm(PAGE_W / 2.834_646), Mm(PAGE_H / 2.834_646), ops)
            })
            .collect();
        let mut doc = PdfDocument::new(title);
        doc.metadata.info.subject = subject.to_owned();
        let options = PdfSaveOptions {
            optimize: true,
            subset_fonts: true,
            secure: true,
            image_optimization: None,
        };
        let mut warnings = Vec::new();
        let bytes = doc.with_pages(pages).save(&options, &mut warnings);
        if !bytes.starts_with(b"%PDF-") {
            return Err("the PDF writer produced no document".into());
        }
        Ok(bytes)
    }
}

/// Words in lines of at most `width` characters (the built-in font is about that wide).
pub(super) fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + word.len() + 1 > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
