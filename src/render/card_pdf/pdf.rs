//! Laid-out cards to one PDF: a CR80 page for each face, text as shaped glyph ids in subset
//! fonts, the QR code as one filled path, the photo as its own JPEG stream.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use flate2::Compression;

use printpdf::{Codepoint, CurTransMat, DictItem};
use printpdf::{
    Color, FontId, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfParseErrorSeverity, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem,
    TextMatrix, WindingOrder, XObject, XObjectId, XObjectTransform,
};

use super::fonts::{FontKey, Fonts, Renumbering};
use super::images::{deflate, photo_xobject};
use super::layout::{Design, LaidOut, Mark, CARD_H, CARD_W};
use super::shape::{Glyph, Shaped};
use super::wrap::{Line, PT_PER_MM};
use super::RenderError;

/// zlib level for page contents and font subsets (see [`save`]).
const STREAM_COMPRESSION: Compression = Compression::fast();

/// Bézier handle length for a quarter circle.
const KAPPA: f32 = 0.552_284_8;

/// The image XObjects a page may use.
struct Images<'a> {
    photo: &'a XObjectId,
    logo: Option<&'a XObjectId>,
}

/// How each font of one PDF was renumbered when it was cut down to the glyphs the text uses.
pub(super) type Subsets = BTreeMap<FontKey, Renumbering>;

/// Writes all `cards`, front then back, into one PDF.
pub(super) fn write(design: &Design, cards: &[LaidOut<'_>]) -> Result<Vec<u8>, RenderError> {
    let mut doc = PdfDocument::new("Identification cards");
    let subsets = add_fonts(&mut doc, &design.fonts, cards)?;
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
        let images = Images {
            photo: &photo,
            logo: logo.as_ref(),
        };
        pages.push(page(&card.front, &images, &design.fonts, &subsets));
        pages.push(page(&card.back, &images, &design.fonts, &subsets));
    }
    doc.with_pages(pages);
    save(&doc)
}

/// Serialises the document, deflating content and font streams at the fastest level:
/// printpdf's own writer always uses the slowest, which was a third of the time per card
/// (1.4 → 1.0 ms per card in a batch, for 1.2 KB more per card). Image streams are already
/// compressed and stay as they are. (The lopdf document comes from printpdf; muni-id has no
/// lopdf dependency of its own.) The fonts are subset already (see [`add_fonts`]) and are
/// embedded as they are.
pub(super) fn save(doc: &PdfDocument) -> Result<Vec<u8>, RenderError> {
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        // Lets the raw `re` and `f` operators of the QR code through (our own, nothing else).
        secure: false,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut document = doc.to_lopdf_document(&options, &mut warnings);
    if let Some(error) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(RenderError::Pdf(error.msg.clone()));
    }
    for object in document.objects.values_mut() {
        let Ok(stream) = object.as_stream_mut() else {
            continue;
        };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        let packed = deflate(&stream.content, STREAM_COMPRESSION)?;
        if packed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
    let mut bytes = Vec::new();
    document
        .save_to(&mut bytes)
        .map_err(|e| RenderError::Pdf(format!("cannot write the PDF: {e}")))?;
    Ok(bytes)
}

/// Adds the fonts the cards use, each cut down to the glyphs they use (and only those fonts).
fn add_fonts(
    doc: &mut PdfDocument,
    fonts: &Fonts,
    cards: &[LaidOut<'_>],
) -> Result<Subsets, RenderError> {
    add_fonts_for(doc, fonts, glyphs_used(cards))
}

/// Adds the fonts of `used`, each cut down to its glyphs.
pub(super) fn add_fonts_for(
    doc: &mut PdfDocument,
    fonts: &Fonts,
    used: BTreeMap<FontKey, BTreeSet<u16>>,
) -> Result<Subsets, RenderError> {
    let mut subsets = Subsets::new();
    for (key, glyphs) in used {
        let subset = fonts.subset(key, &glyphs)?;
        doc.resources
            .fonts
            .map
            .insert(font_id(fonts, key), subset.font);
        subsets.insert(key, subset.gids);
    }
    Ok(subsets)
}

/// Whether every font the cards use can be cut down to their glyphs and embedded, as
/// [`write`] will.
pub(super) fn check_fonts(fonts: &Fonts, cards: &[LaidOut<'_>]) -> Result<(), RenderError> {
    for (key, glyphs) in glyphs_used(cards) {
        fonts.subset(key, &glyphs)?;
    }
    Ok(())
}

/// The glyph ids the cards use, by font.
fn glyphs_used(cards: &[LaidOut<'_>]) -> BTreeMap<FontKey, BTreeSet<u16>> {
    glyphs_of(
        cards
            .iter()
            .flat_map(|card| card.front.iter().chain(&card.back))
            .filter_map(|mark| match mark {
                Mark::Text { line, .. } => Some(&line.shaped),
                _ => None,
            }),
    )
}

/// The glyph ids shaped lines use, by font.
pub(super) fn glyphs_of<'a>(
    lines: impl Iterator<Item = &'a Shaped>,
) -> BTreeMap<FontKey, BTreeSet<u16>> {
    let mut used: BTreeMap<FontKey, BTreeSet<u16>> = BTreeMap::new();
    for glyph in lines.flat_map(|line| &line.glyphs) {
        used.entry(glyph.font).or_default().insert(glyph.gid);
    }
    used
}

fn font_id(fonts: &Fonts, key: FontKey) -> FontId {
    FontId(fonts.resource_name(key).to_owned())
}

fn page(marks: &[Mark], images: &Images<'_>, fonts: &Fonts, subsets: &Subsets) -> PdfPage {
    let mut ops = Vec::with_capacity(marks.len() * 8);
    for mark in marks {
        draw(&mut ops, mark, images, fonts, subsets);
    }
    PdfPage::new(Mm(CARD_W), Mm(CARD_H), ops)
}

fn draw(ops: &mut Vec<Op>, mark: &Mark, images: &Images<'_>, fonts: &Fonts, subsets: &Subsets) {
    match mark {
        Mark::Rect { x, y, w, h, rgb } => {
            ops.push(fill(*rgb));
            let mut rect = Rect::from_xywh(pt(*x), pt(CARD_H - y - h), pt(*w), pt(*h));
            rect.mode = Some(PaintMode::Fill);
            ops.push(Op::DrawRectangle { rectangle: rect });
        }
        Mark::Modules {
            x,
            y,
            module,
            rects,
        } => modules(ops, *x, *y, *module, rects),
        Mark::Disc { cx, cy, r, rgb } => {
            ops.push(fill(*rgb));
            ops.push(polygon(vec![circle_ring(*cx, *cy, *r)], PaintMode::Fill));
        }
        Mark::Ring {
            cx,
            cy,
            r,
            width,
            rgb,
        } => {
            ops.push(Op::SetOutlineColor { col: color(*rgb) });
            ops.push(Op::SetOutlineThickness { pt: pt(*width) });
            ops.push(polygon(vec![circle_ring(*cx, *cy, *r)], PaintMode::Stroke));
        }
        Mark::Text { x, y, line } => text(ops, *x, *y, line, fonts, subsets),
        Mark::Photo { x, y, w, h } => image(ops, images.photo, *x, *y, *w, *h),
        Mark::Logo { x, y, w, h } => {
            if let Some(logo) = images.logo {
                image(ops, logo, *x, *y, *w, *h);
            }
        }
    }
}

/// One text object per line. Glyphs of one font on one baseline are a single `TJ` array;
/// the shaper's positions become integer adjustments (thousandths of an em) against the
/// widths the viewer applies, so kerning and marks land where rustybuzz put them.
///
///
/// A line is one marked span whose `ActualText` is the line as written: a glyph's own Unicode
/// mapping cannot say which cluster it belongs to (the same vowel sign, reordered before
/// different consonants, or a conjunct), so text extraction, search and screen readers read
/// the span's text instead. Hebrew, Arabic and Syriac lines are left to their glyphs'
/// mappings: each letter's glyph maps to that letter, and readers (Poppler among them) put
/// those right-to-left glyphs back in logical order themselves, which they would also do to
/// an `ActualText`, reversing it.
fn text(ops: &mut Vec<Op>, x: f32, baseline: f32, line: &Line, fonts: &Fonts, subsets: &Subsets) {
    let at = (x * PT_PER_MM, (CARD_H - baseline) * PT_PER_MM);
    let pen = Pen {
        size: line.size_pt,
        rgb: line.rgb,
    };
    shaped_text(ops, at, pen, &line.shaped, (fonts, subsets));
}

/// The size and colour a line is drawn in.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pen {
    pub size: f32,
    pub rgb: [u8; 3],
}

/// A shaped line drawn with its start at `(x, y)` (PDF points from the page's bottom left, on
/// the baseline): see [`text`].
pub(super) fn shaped_text(
    ops: &mut Vec<Op>,
    (x, y): (f32, f32),
    pen: Pen,
    shaped: &Shaped,
    (fonts, subsets): (&Fonts, &Subsets),
) {
    let spanned = !shaped.text.chars().any(reversed_by_readers);
    if spanned {
        ops.push(Op::BeginMarkedContentWithProperties {
            tag: "Span".into(),
            properties: DictItem::Dict {
                map: [("ActualText".to_owned(), utf16_text(&shaped.text))].into(),
            },
        });
    }
    ops.push(Op::StartTextSection);
    ops.push(fill(pen.rgb));
    let size = pen.size;
    let glyphs = &shaped.glyphs;
    let mut current = None;
    let mut start = 0;
    while start < glyphs.len() {
        let first = &glyphs[start];
        let end = start
            + glyphs[start..]
                .iter()
                .take_while(|g| g.font == first.font && g.y_em == first.y_em)
                .count();
        if current != Some(first.font) {
            current = Some(first.font);
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(fonts, first.font)),
                size: Pt(size),
            });
        }
        let gx = x + first.x_em * size;
        let gy = y + first.y_em * size;
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(gx), Pt(gy)),
        });
        let subset = subsets.get(&first.font);
        ops.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(codepoints(&glyphs[start..end], subset))],
        });
        start = end;
    }
    ops.push(Op::EndTextSection);
    if spanned {
        ops.push(Op::EndMarkedContent);
    }
}

fn reversed_by_readers(c: char) -> bool {
    // Hebrew, Arabic, Syriac, Arabic Supplement; Arabic Extended-A; presentation forms. N'Ko
    // and Adlam, also right to left, read back right with an `ActualText` (the card tests
    // check each); Thaana reads back right from neither in Poppler, and keeps the
    // `ActualText`, which readers that follow the specification give back as written.
    matches!(c as u32,
        0x0590..=0x077F | 0x08A0..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// A PDF text string in UTF-16BE with its byte order mark (any script, unlike PDFDocEncoding).
fn utf16_text(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    DictItem::String {
        data,
        literal: false,
    }
}

/// Glyph codes (ids in the font's subset) with the `TJ` adjustment after each one: where the
/// next glyph should start minus where the viewer's pen will be, in whole thousandths of an
/// em (no drift: positions are rounded, not the differences).
fn codepoints(run: &[Glyph], subset: Option<&Renumbering>) -> Vec<Codepoint> {
    let origin = run.first().map_or(0.0, |g| g.x_em);
    let at = |g: &Glyph| ((g.x_em - origin) * 1000.0).round() as i32;
    run.iter()
        .enumerate()
        .map(|(i, glyph)| {
            let adjustment = run
                .get(i + 1)
                .map_or(0, |next| at(glyph) + glyph.pdf_width - at(next));
            Codepoint {
                gid: subset.map_or(0, |s| s.gid(glyph.gid)),
                offset: adjustment as f32,
                cid: glyph.text.clone(),
            }
        })
        .collect()
}

/// QR modules as one path of `re` rectangles in module units (small integers, so the content
/// stream stays short), filled once. The path goes into the content stream as one piece:
/// printpdf has no operator for raw content, and writes an operator it does not know by its
/// name as given, so the whole path is that name (a few hundred rectangles, each its own
/// operator, were a tenth of a card's time).
fn modules(ops: &mut Vec<Op>, x: f32, y: f32, module: f32, rects: &[[u16; 4]]) {
    ops.push(Op::SaveGraphicsState);
    let m = module * PT_PER_MM;
    let matrix = [m, 0.0, 0.0, -m, x * PT_PER_MM, (CARD_H - y) * PT_PER_MM];
    ops.push(Op::SetTransformationMatrix {
        matrix: CurTransMat::Raw(matrix),
    });
    ops.push(fill([0, 0, 0]));
    let mut path = String::with_capacity(rects.len() * 16 + 1);
    for [column, row, columns, rows] in rects {
        // Writing to a String cannot fail.
        let _ = writeln!(path, "{column} {row} {columns} {rows} re");
    }
    path.push('f');
    ops.push(Op::Unknown {
        key: path,
        value: Vec::new(),
    });
    ops.push(Op::RestoreGraphicsState);
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
    ops.push(Op::SetTransformationMatrix {
        matrix: CurTransMat::Raw(matrix),
    });
    ops.push(Op::UseXobject {
        id: id.clone(),
        transform: XObjectTransform {
            no_auto_scale: true,
            ..Default::default()
        },
    });
    ops.push(Op::RestoreGraphicsState);
}

fn polygon(rings: Vec<PolygonRing>, mode: PaintMode) -> Op {
    Op::DrawPolygon {
        polygon: Polygon {
            rings,
            mode,
            winding_order: WindingOrder::NonZero,
        },
    }
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
    LinePoint {
        p: Point {
            x: pt(x),
            y: pt(CARD_H - y),
        },
        bezier,
    }
}

fn pt(mm: f32) -> Pt {
    Pt(mm * PT_PER_MM)
}

fn fill(rgb: [u8; 3]) -> Op {
    Op::SetFillColor { col: color(rgb) }
}

fn color([r, g, b]: [u8; 3]) -> Color {
    let c = |v: u8| f32::from(v) / 255.0;
    Color::Rgb(Rgb {
        r: c(r),
        g: c(g),
        b: c(b),
        icc_profile: None,
    })
}
