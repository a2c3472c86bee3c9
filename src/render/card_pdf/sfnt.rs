//! Removing TrueType hinting from the embedded fonts, once per process: the `fpgm`, `prep` and
//! `cvt ` programs, each glyph's instructions, and the tables that only describe them. Hinting
//! fits outlines to the pixels of small screens; a card printed at 300 dpi has no use for it,
//! and it was nearly half of every font subset in the PDF. Outlines, metrics, glyph ids and
//! the shaping tables are left exactly as they were. Also the empty `cmap` a font subset is
//! given before embedding (see `fonts::Loaded::subset`).

use std::ops::Range;

/// Tables that hold hinting (or a signature the edit would invalidate).
const DROPPED: [&[u8; 4]; 8] = [
    b"fpgm", b"prep", b"cvt ", b"gasp", b"hdmx", b"LTSH", b"VDMX", b"DSIG",
];
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;
const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;
/// TrueType and CFF (`OTTO`) outlines: the fonts whose tables this reads and rewrites.
const SFNT_VERSIONS: [u32; 2] = [0x0001_0000, u32::from_be_bytes(*b"OTTO")];
/// A `cmap` with one format 4 subtable (Windows, Unicode BMP) that maps no character: only the
/// final segment every format 4 subtable ends with, 0xFFFF to glyph 0.
const EMPTY_CMAP: [u8; 36] = [
    0, 0, 0, 1, // version, one encoding record
    0, 3, 0, 1, 0, 0, 0, 12, // Windows, Unicode BMP, at offset 12
    0, 4, 0, 24, 0, 0, // format 4, length 24, language 0
    0, 2, 0, 2, 0, 0, 0, 0, // segCountX2 2, searchRange 2, entrySelector 0, rangeShift 0
    0xFF, 0xFF, 0, 0, // endCode 0xFFFF, reservedPad
    0xFF, 0xFF, 0, 1, 0, 0, // startCode 0xFFFF, idDelta 1, idRangeOffset 0
];

/// The font without hinting, or `None` when it is not a TrueType font this understands (the
/// caller then keeps the original).
pub(super) fn dehint(font: &[u8]) -> Option<Vec<u8>> {
    let tables = table_directory(font)?;
    let find = |tag: &[u8; 4]| {
        tables
            .iter()
            .find(|(t, _)| t == tag)
            .map(|(_, r)| &font[r.clone()])
    };
    let (head, maxp, loca, glyf) = (
        find(b"head")?,
        find(b"maxp")?,
        find(b"loca")?,
        find(b"glyf")?,
    );
    let long_loca = read_u16(head, 50)? == 1;
    let glyphs = usize::from(read_u16(maxp, 4)?);
    let (new_glyf, new_loca) = strip_glyphs(glyf, loca, long_loca, glyphs)?;
    let mut new_head = head.to_vec();
    new_head[50..52].copy_from_slice(&1u16.to_be_bytes()); // loca is now long
    new_head[8..12].fill(0); // checkSumAdjustment, set once the font is assembled
    let mut replaced = [
        (b"head", new_head),
        (b"glyf", new_glyf),
        (b"loca", new_loca),
    ];
    let kept = tables
        .iter()
        .filter(|(tag, _)| !DROPPED.contains(&tag))
        .map(|(tag, range)| {
            let data = replaced
                .iter_mut()
                .find(|(t, _)| *t == tag)
                .map_or_else(|| font[range.clone()].to_vec(), |(_, d)| std::mem::take(d));
            (*tag, data)
        })
        .collect();
    Some(assemble(font, kept))
}

/// The font with an empty `cmap` (see [`EMPTY_CMAP`]) in place of any it had. `subsetter`
/// leaves the table out, since a PDF's CID fonts are drawn by glyph id and need none, but
/// printpdf will not parse a font without one.
pub(super) fn with_empty_cmap(font: &[u8]) -> Option<Vec<u8>> {
    let mut tables: Vec<([u8; 4], Vec<u8>)> = table_directory(font)?
        .into_iter()
        .filter(|(tag, _)| tag != b"cmap")
        .map(|(tag, range)| (tag, font[range].to_vec()))
        .collect();
    let (_, head) = tables.iter_mut().find(|(tag, _)| tag == b"head")?;
    head.get_mut(8..12)?.fill(0); // checkSumAdjustment, set once the font is assembled
    tables.push((*b"cmap", EMPTY_CMAP.to_vec()));
    tables.sort_by_key(|(tag, _)| *tag);
    Some(assemble(font, tables))
}

/// `(tag, byte range)` of every table, checked against the font's length.
fn table_directory(font: &[u8]) -> Option<Vec<([u8; 4], Range<usize>)>> {
    if !SFNT_VERSIONS.contains(&read_u32(font, 0)?) {
        return None;
    }
    let count = usize::from(read_u16(font, 4)?);
    (0..count)
        .map(|i| {
            let record = 12 + 16 * i;
            let tag: [u8; 4] = font.get(record..record + 4)?.try_into().ok()?;
            let offset = usize::try_from(read_u32(font, record + 8)?).ok()?;
            let length = usize::try_from(read_u32(font, record + 12)?).ok()?;
            let range = offset..offset.checked_add(length)?;
            font.get(range.clone())?;
            Some((tag, range))
        })
        .collect()
}

/// New `glyf` and long-format `loca` with every glyph's instructions removed.
fn strip_glyphs(glyf: &[u8], loca: &[u8], long: bool, glyphs: usize) -> Option<(Vec<u8>, Vec<u8>)> {
    let offset = |i: usize| -> Option<usize> {
        if long {
            usize::try_from(read_u32(loca, 4 * i)?).ok()
        } else {
            Some(usize::from(read_u16(loca, 2 * i)?) * 2)
        }
    };
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(4 * (glyphs + 1));
    for i in 0..glyphs {
        new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
        let glyph = glyf.get(offset(i)?..offset(i + 1)?)?;
        strip_glyph(glyph, &mut new_glyf)?;
        new_glyf.resize(new_glyf.len().next_multiple_of(2), 0);
    }
    new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
    Some((new_glyf, new_loca))
}

/// Appends `glyph` without its instructions.
fn strip_glyph(glyph: &[u8], out: &mut Vec<u8>) -> Option<()> {
    if glyph.is_empty() {
        return Some(());
    }
    let contours = read_u16(glyph, 0)? as i16;
    if contours >= 0 {
        let at = 10 + 2 * usize::try_from(contours).ok()?;
        let length = usize::from(read_u16(glyph, at)?);
        out.extend_from_slice(glyph.get(..at)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(glyph.get(at + 2 + length..)?);
        return Some(());
    }
    // A composite glyph: components, then instructions if the last one says so.
    let mut at = 10;
    loop {
        let flags = read_u16(glyph, at)?;
        let flags_at = at;
        at += 4 + if flags & ARG_1_AND_2_ARE_WORDS != 0 {
            4
        } else {
            2
        };
        at += match () {
            _ if flags & WE_HAVE_A_SCALE != 0 => 2,
            _ if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 => 4,
            _ if flags & WE_HAVE_A_TWO_BY_TWO != 0 => 8,
            _ => 0,
        };
        if flags & MORE_COMPONENTS == 0 {
            let start = out.len();
            out.extend_from_slice(glyph.get(..at)?);
            let cleared = flags & !WE_HAVE_INSTRUCTIONS;
            out[start + flags_at..start + flags_at + 2].copy_from_slice(&cleared.to_be_bytes());
            return Some(());
        }
    }
}

/// Writes the table directory and tables (4-byte aligned, with checksums and the head
/// checksum adjustment), with the sfnt version of `original`.
fn assemble(original: &[u8], tables: Vec<([u8; 4], Vec<u8>)>) -> Vec<u8> {
    let count = tables.len() as u16;
    let entry_selector = 15 - count.max(1).leading_zeros() as u16;
    let search_range = 16u16 << entry_selector;
    let mut font = Vec::with_capacity(original.len());
    font.extend_from_slice(original.get(..4).unwrap_or(&[0, 1, 0, 0]));
    for value in [
        count,
        search_range,
        entry_selector,
        count * 16 - search_range,
    ] {
        font.extend_from_slice(&value.to_be_bytes());
    }
    let mut offset = 12 + 16 * tables.len();
    for (tag, data) in &tables {
        font.extend_from_slice(tag);
        font.extend_from_slice(&checksum(data).to_be_bytes());
        font.extend_from_slice(&(offset as u32).to_be_bytes());
        font.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(font.len());
        }
        font.extend_from_slice(data);
        font.resize(font.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&font));
        font[at + 8..at + 12].copy_from_slice(&adjustment.to_be_bytes());
    }
    font
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn read_u16(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn read_u32(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustybuzz::ttf_parser::{Face, GlyphId, OutlineBuilder};

    #[derive(Default, PartialEq, Debug)]
    struct Recorder(Vec<(char, [i32; 6])>);

    impl OutlineBuilder for Recorder {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(('M', [x as i32, y as i32, 0, 0, 0, 0]));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(('L', [x as i32, y as i32, 0, 0, 0, 0]));
        }
        fn quad_to(&mut self, a: f32, b: f32, x: f32, y: f32) {
            self.0
                .push(('Q', [a as i32, b as i32, x as i32, y as i32, 0, 0]));
        }
        fn curve_to(&mut self, a: f32, b: f32, c: f32, d: f32, x: f32, y: f32) {
            self.0.push((
                'C',
                [a as i32, b as i32, c as i32, d as i32, x as i32, y as i32],
            ));
        }
        fn close(&mut self) {
            self.0.push(('Z', [0; 6]));
        }
    }

    fn outlines_match(original: &[u8], step: usize) -> usize {
        let stripped = dehint(original).expect("dehinted");
        let (a, b) = (
            Face::parse(original, 0).unwrap(),
            Face::parse(&stripped, 0).unwrap(),
        );
        assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
        for gid in (0..a.number_of_glyphs()).step_by(step) {
            let (mut ra, mut rb) = (Recorder::default(), Recorder::default());
            let (ba, bb) = (
                a.outline_glyph(GlyphId(gid), &mut ra),
                b.outline_glyph(GlyphId(gid), &mut rb),
            );
            assert_eq!(ba, bb, "glyph {gid} bounds");
            assert_eq!(ra, rb, "glyph {gid} outline");
            assert_eq!(
                a.glyph_hor_advance(GlyphId(gid)),
                b.glyph_hor_advance(GlyphId(gid))
            );
        }
        let tables = table_directory(&stripped).unwrap();
        assert!(!tables.iter().any(|(tag, _)| DROPPED.contains(&tag)));
        assert_eq!(checksum(&stripped), 0xB1B0_AFBA, "head checksum adjustment");
        stripped.len()
    }

    #[test]
    fn outlines_and_metrics_are_unchanged() {
        for (name, original) in super::super::fonts::built_in_originals() {
            let cjk = name == "DroidSansFallback";
            let step = if cjk { 97 } else { 1 };
            let stripped = outlines_match(original, step);
            // Noto's hinting is about a tenth of the file; Droid Sans Fallback has next to none.
            if !cjk {
                assert!(stripped < original.len() * 95 / 100, "{name}: {stripped}");
            }
        }
    }

    #[test]
    fn an_empty_cmap_maps_nothing_and_leaves_the_glyphs_as_they_were() {
        let (_, original) = super::super::fonts::built_in_originals()
            .next()
            .expect("a built-in font");
        let font = with_empty_cmap(original).expect("cmap replaced");
        let (before, after) = (
            Face::parse(original, 0).unwrap(),
            Face::parse(&font, 0).unwrap(),
        );
        assert_eq!(after.glyph_index('A'), None);
        let gid = before.glyph_index('A').expect("Noto Sans has A");
        let (mut ra, mut rb) = (Recorder::default(), Recorder::default());
        before.outline_glyph(gid, &mut ra);
        after.outline_glyph(gid, &mut rb);
        assert_eq!(ra, rb);
        assert_eq!(after.number_of_glyphs(), before.number_of_glyphs());
        assert_eq!(checksum(&font), 0xB1B0_AFBA, "head checksum adjustment");
    }

    #[test]
    fn refuses_what_is_not_a_truetype_font() {
        assert!(dehint(b"OTTO....").is_none());
        assert!(dehint(&[0, 1, 0, 0, 0, 9]).is_none());
    }
}
