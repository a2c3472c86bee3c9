//! Laid-out cards to one PDF: a CR80 page for each face, text as shaped glyph ids in subset
//! fonts, the QR code as one filled path, the photo as its own JPEG stream.

use std::collections::BTreeSet;

use printpdf::{
    Color, FontId, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb,
    TextItem, TextMatrix, WindingOrder, XObject, XObjectId, XObjectTransform,
};
use printpdf::{Codepoint, CurTransMat};

use super::fonts::{FontKey, Fonts};
use super::images::photo_xobject;
use super::layout::{Design, LaidOut, Mark, CARD_H, CARD_W};
use super::wrap::{Line, PT_PER_MM};
use super::RenderError;

/// Bézier handle length for a quarter circle.
const KAPPA: f32 = 0.552_284_8;

/// The image XObjects a page may use.
struct Images<'a> {
    photo: &'a XObjectId,
    logo: Option<&'a XObjectId>,
}

/// Writes all `cards`, front then back, into one PDF.
pub(super) fn write(design: &Design, cards: &[LaidOut<'_>]) -> Result<Vec<u8>, RenderError> {
    let mut doc = PdfDocument::new("Identification cards");
    add_fonts(&mut doc, &design.fonts, cards);
    let logo = design.logo.as_ref().map(|logo| {
        let id = XObjectId("Logo".into());
        let xobject = XObject::External(logo.xobject.clone());
        doc.resources.xobjects.map.insert(id.clone(), xobject);
        id
    });
    let mut pages = Vec::with_capacity(cards.len() * 2);
    for (i, card) in cards.iter().enumerate() {
        let photo = XObjectId(format!("Photo{i}"));
        let xobject = XObject::External(photo_xobject(card.photo, card.photo_info));
        doc.resources.xobjects.map.insert(photo.clone(), xobject);
        let images = Images { photo: &photo, logo: logo.as_ref() };
        pages.push(page(&card.front, &images));
        pages.push(page(&card.back, &images));
    }
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let bytes = doc.with_pages(pages).save(&options, &mut warnings);
    if let Some(error) = warnings.iter().find(|w| w.severity == PdfParseErrorSeverity::Error) {
        return Err(RenderError::Pdf(error.msg.clone()));
    }
    if !bytes.starts_with(b"%PDF-") {
        return Err(RenderError::Pdf("the PDF writer produced no document".into()));
    }
    Ok(bytes)
}

/// Adds the fonts the cards use (and only those: each one added is subset on save).
fn add_fonts(doc: &mut PdfDocument, fonts: &Fonts, cards: &[LaidOut<'_>]) {
    let used: BTreeSet<FontKey> = cards
        .iter()
        .flat_map(|card| card.front.iter().chain(&card.back))
        .filter_map(|mark| match mark {
            Mark::Text { line, .. } => Some(line.shaped.glyphs.iter().map(|g| g.font)),
            _ => None,
        })
        .flatten()
        .collect();
    for key in used {
        let font = PdfFont::new(fonts.parsed(key).clone());
        doc.resources.fonts.map.insert(font_id(key), font);
    }
}

fn font_id(key: FontKey) -> FontId {
    FontId(key.resource_name().to_owned())
}

fn page(marks: &[Mark], images: &Images<'_>) -> PdfPage {
    let mut ops = Vec::with_capacity(marks.len() * 8);
    for mark in marks {
        draw(&mut ops, mark, images);
    }
    PdfPage::new(Mm(CARD_W), Mm(CARD_H), ops)
}

fn draw(ops: &mut Vec<Op>, mark: &Mark, images: &Images<'_>) {
    match mark {
        Mark::Rect { x, y, w, h, rgb } => {
            ops.push(fill(*rgb));
            let mut rect = Rect::from_xywh(pt(*x), pt(CARD_H - y - h), pt(*w), pt(*h));
            rect.mode = Some(PaintMode::Fill);
            ops.push(Op::DrawRectangle { rectangle: rect });
        }
        Mark::Rects { rects, rgb } => {
            ops.push(fill(*rgb));
            let rings = rects.iter().map(|&[x, y, w, h]| rect_ring(x, y, w, h)).collect();
            ops.push(polygon(rings, PaintMode::Fill));
        }
        Mark::Disc { cx, cy, r, rgb } => {
            ops.push(fill(*rgb));
            ops.push(polygon(vec![circle_ring(*cx, *cy, *r)], PaintMode::Fill));
        }
        Mark::Ring { cx, cy, r, width, rgb } => {
            ops.push(Op::SetOutlineColor { col: color(*rgb) });
            ops.push(Op::SetOutlineThickness { pt: pt(*width) });
            ops.push(polygon(vec![circle_ring(*cx, *cy, *r)], PaintMode::Stroke));
        }
        Mark::Text { x, y, line } => text(ops, *x, *y, line),
        Mark::Photo { x, y, w, h } => image(ops, images.photo, *x, *y, *w, *h),
        Mark::Logo { x, y, w, h } => {
            if let Some(logo) = images.logo {
                image(ops, logo, *x, *y, *w, *h);
            }
        }
    }
}

/// One text object; each glyph is placed by its own text matrix, which printpdf merges into
/// one `TJ` array per run of the same font on the same baseline.
fn text(ops: &mut Vec<Op>, x: f32, baseline: f32, line: &Line) {
    ops.push(Op::StartTextSection);
    ops.push(fill(line.rgb));
    let size = line.size_pt;
    let mut current = None;
    for glyph in &line.shaped.glyphs {
        if current != Some(glyph.font) {
            current = Some(glyph.font);
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(glyph.font)),
                size: Pt(size),
            });
        }
        let gx = x * PT_PER_MM + glyph.x_em * size;
        let gy = (CARD_H - baseline) * PT_PER_MM + glyph.y_em * size;
        ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(gx), Pt(gy)) });
        let codepoint = Codepoint { gid: glyph.gid, offset: 0.0, cid: glyph.text.clone() };
        ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(vec![codepoint])] });
    }
    ops.push(Op::EndTextSection);
}

/// Draws an image XObject (a unit square) scaled into the box.
fn image(ops: &mut Vec<Op>, id: &XObjectId, x: f32, y: f32, w: f32, h: f32) {
    ops.push(Op::SaveGraphicsState);
    let matrix = [
        w * PT_PER_MM,
        0.0,
        0.0,
        h * PT_PER_MM,
        x * PT_PER_MM,
        (CARD_H - y - h) * PT_PER_MM,
    ];
    ops.push(Op::SetTransformationMatrix { matrix: CurTransMat::Raw(matrix) });
    ops.push(Op::UseXobject {
        id: id.clone(),
        transform: XObjectTransform { no_auto_scale: true, ..Default::default() },
    });
    ops.push(Op::RestoreGraphicsState);
}

fn polygon(rings: Vec<PolygonRing>, mode: PaintMode) -> Op {
    Op::DrawPolygon {
        polygon: Polygon { rings, mode, winding_order: WindingOrder::NonZero },
    }
}

fn rect_ring(x: f32, y: f32, w: f32, h: f32) -> PolygonRing {
    let corners = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)];
    PolygonRing { points: corners.iter().map(|&(px, py)| point(px, py, false)).collect() }
}

/// A circle as four cubic Bézier arcs.
fn circle_ring(cx: f32, cy: f32, r: f32) -> PolygonRing {
    let k = r * KAPPA;
    let mut points = vec![point(cx + r, cy, false)];
    let arcs = [
        [(cx + r, cy + k), (cx + k, cy + r), (cx, cy + r)],
        [(cx - k, cy + r), (cx - r, cy + k), (cx - r, cy)],
        [(cx - r, cy - k), (cx - k, cy - r), (cx, cy - r)],
        [(cx + k, cy - r), (cx + r, cy - k), (cx + r, cy)],
    ];
    for [c1, c2, end] in arcs {
        points.push(point(c1.0, c1.1, true));
        points.push(point(c2.0, c2.1, true));
        points.push(point(end.0, end.1, false));
    }
    PolygonRing { points }
}

/// A point given in millimetres from the top left.
fn point(x: f32, y: f32, bezier: bool) -> LinePoint {
    LinePoint { p: Point { x: pt(x), y: pt(CARD_H - y) }, bezier }
}

fn pt(mm: f32) -> Pt {
    Pt(mm * PT_PER_MM)
}

fn fill(rgb: [u8; 3]) -> Op {
    Op::SetFillColor { col: color(rgb) }
}

fn color([r, g, b]: [u8; 3]) -> Color {
    let c = |v: u8| f32::from(v) / 255.0;
    Color::Rgb(Rgb { r: c(r), g: c(g), b: c(b), icc_profile: None })
}
