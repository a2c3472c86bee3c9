//! One line of text to positioned glyphs: each character gets a font that has it (or the line
//! is refused), the Unicode bidi algorithm (`unicode-bidi`) gives the runs of one direction in
//! visual order, each is split where the font changes and shaped by rustybuzz (Arabic joining,
//! marks, kerning).

use std::ops::Range;

use rustybuzz::{Direction, UnicodeBuffer};
use unicode_bidi::{BidiInfo, Level};

use super::fonts::{FontKey, Fonts, Weight};

/// A glyph placed relative to the start of the line, in em of the font size.
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    pub font: FontKey,
    pub gid: u16,
    pub x_em: f32,
    pub y_em: f32,
    /// The glyph's own advance in thousandths of an em, truncated, as the PDF's `/W` widths
    /// hold it (the viewer moves by this after each glyph).
    pub pdf_width: i32,
    /// The characters this glyph stands for (for copy and search in the PDF), on the first
    /// glyph of each cluster.
    pub text: Option<String>,
}

/// A shaped line, with the advance of each source cluster (for breaking long words).
#[derive(Debug, Clone, Default)]
pub(super) struct Shaped {
    /// The line as written, in logical order (what a reader of the PDF should get back).
    pub text: String,
    pub glyphs: Vec<Glyph>,
    pub width_em: f32,
    /// `(byte offset in the text, advance in em)`, in logical order.
    pub clusters: Vec<(usize, f32)>,
}

/// The text has a character no embedded font has, or that the shaper could not render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unprintable;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Ltr,
    Rtl,
}

/// A maximal stretch of text in one font and one direction.
#[derive(Debug)]
struct Run {
    start: usize,
    end: usize,
    font: FontKey,
    dir: Dir,
}

/// Shapes `text` as one line, its direction that of its first strong character (a name).
#[cfg(test)]
pub(super) fn shape_line(fonts: &Fonts, text: &str, weight: Weight) -> Result<Shaped, Unprintable> {
    shape_line_in(fonts, text, weight, None)
}

/// Shapes `text` as one line of a paragraph in `base` direction (a line of a right-to-left
/// page that starts with a Latin name still reads from the right), or its own when `None`.
pub(super) fn shape_line_in(
    fonts: &Fonts,
    text: &str,
    weight: Weight,
    base: Option<Level>,
) -> Result<Shaped, Unprintable> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_fonts = assign_fonts(fonts, &chars, weight)?;
    let runs = visual_runs(text, &chars, &char_fonts, base);
    let mut shaped = Shaped {
        text: text.to_owned(),
        ..Shaped::default()
    };
    for run in &runs {
        shape_run(fonts, text, run, &mut shaped)?;
    }
    shaped.clusters.sort_by_key(|&(offset, _)| offset);
    Ok(shaped)
}

fn assign_fonts(
    fonts: &Fonts,
    chars: &[(usize, char)],
    weight: Weight,
) -> Result<Vec<FontKey>, Unprintable> {
    let mut out: Vec<FontKey> = Vec::with_capacity(chars.len());
    for &(_, c) in chars {
        let key = fonts
            .pick(weight, c, out.last().copied())
            .ok_or(Unprintable)?;
        out.push(key);
    }
    Ok(out)
}

/// The runs of the line in visual order: the bidi algorithm's level runs (each of one
/// direction, already in visual order), each split where the font changes; the pieces of a
/// right-to-left run are laid from its logical end.
fn visual_runs(
    text: &str,
    chars: &[(usize, char)],
    fonts: &[FontKey],
    base: Option<Level>,
) -> Vec<Run> {
    let bidi = BidiInfo::new(text, base);
    let mut runs = Vec::new();
    for paragraph in &bidi.paragraphs {
        let (levels, level_runs) = bidi.visual_runs(paragraph, paragraph.range.clone());
        for range in level_runs {
            let dir = if levels[range.start].is_rtl() {
                Dir::Rtl
            } else {
                Dir::Ltr
            };
            let mut pieces = font_pieces(chars, fonts, range, dir);
            if dir == Dir::Rtl {
                pieces.reverse();
            }
            runs.extend(pieces);
        }
    }
    runs
}

/// The characters in `range`, split where the font changes, in logical order.
fn font_pieces(
    chars: &[(usize, char)],
    fonts: &[FontKey],
    range: Range<usize>,
    dir: Dir,
) -> Vec<Run> {
    let first = chars.partition_point(|&(offset, _)| offset < range.start);
    let last = chars.partition_point(|&(offset, _)| offset < range.end);
    let mut pieces: Vec<Run> = Vec::new();
    for i in first..last {
        let offset = chars[i].0;
        match pieces.last_mut() {
            Some(run) if run.font == fonts[i] => {}
            _ => {
                if let Some(run) = pieces.last_mut() {
                    run.end = offset;
                }
                pieces.push(Run {
                    start: offset,
                    end: range.end,
                    font: fonts[i],
                    dir,
                });
            }
        }
    }
    pieces
}

fn shape_run(fonts: &Fonts, text: &str, run: &Run, out: &mut Shaped) -> Result<(), Unprintable> {
    let slice = &text[run.start..run.end];
    let face = fonts.face(run.font);
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(slice);
    buffer.set_direction(match run.dir {
        Dir::Ltr => Direction::LeftToRight,
        Dir::Rtl => Direction::RightToLeft,
    });
    buffer.guess_segment_properties();
    let plan = fonts.plan(run.font, buffer.direction(), buffer.script());
    let shaped = rustybuzz::shape_with_plan(face, &plan, buffer);
    let upem = face.units_per_em() as f32;
    let starts = cluster_starts(shaped.glyph_infos().iter().map(|g| g.cluster as usize));
    let mut labelled = vec![false; starts.len()];
    for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        let gid = u16::try_from(info.glyph_id).map_err(|_| Unprintable)?;
        if gid == 0 {
            return Err(Unprintable);
        }
        let cluster = info.cluster as usize;
        let slot = starts.binary_search(&cluster).unwrap_or(0);
        let end = starts.get(slot + 1).copied().unwrap_or(slice.len());
        let label = !std::mem::replace(&mut labelled[slot], true);
        let advance = pos.x_advance as f32 / upem;
        let hmtx = face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid))
            .unwrap_or(0);
        out.glyphs.push(Glyph {
            font: run.font,
            gid,
            x_em: out.width_em + pos.x_offset as f32 / upem,
            y_em: pos.y_offset as f32 / upem,
            pdf_width: (i64::from(hmtx) * 1000 / i64::from(face.units_per_em())) as i32,
            text: label.then(|| slice[cluster..end].to_owned()),
        });
        add_cluster_width(&mut out.clusters, run.start + cluster, advance);
        out.width_em += advance;
    }
    Ok(())
}

fn cluster_starts(clusters: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut starts: Vec<usize> = clusters.collect();
    starts.sort_unstable();
    starts.dedup();
    starts
}

fn add_cluster_width(clusters: &mut Vec<(usize, f32)>, offset: usize, advance: f32) {
    match clusters.iter_mut().rev().find(|(o, _)| *o == offset) {
        Some((_, width)) => *width += advance,
        None => clusters.push((offset, advance)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::load().unwrap()
    }

    fn text_of(shaped: &Shaped) -> String {
        shaped
            .glyphs
            .iter()
            .filter_map(|g| g.text.clone())
            .collect()
    }

    #[test]
    fn latin_is_one_run_in_order() {
        let shaped = shape_line(&fonts(), "Nguyễn Thị Minh Khai", Weight::Bold).unwrap();
        assert!(shaped.glyphs.iter().all(|g| g.font == FontKey::BOLD));
        assert_eq!(text_of(&shaped), "Nguyễn Thị Minh Khai");
        assert!(shaped.width_em > 5.0 && shaped.width_em < 15.0);
        let xs: Vec<f32> = shaped.glyphs.iter().map(|g| g.x_em).collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn arabic_is_joined_and_right_to_left() {
        let fonts = fonts();
        let text = "محمد الأمين";
        let shaped = shape_line(&fonts, text, Weight::Regular).unwrap();
        assert!(shaped.glyphs.iter().all(|g| g.font == FontKey::ARABIC));
        // Visual order: the last word's glyphs come first (leftmost).
        let first = shaped.glyphs.first().and_then(|g| g.text.clone()).unwrap();
        assert!("الأمين".contains(first.as_str()), "{first}");
        // Joined forms are not the isolated (cmap) glyphs.
        let face = fonts.face(FontKey::ARABIC);
        let isolated_meem = face.glyph_index('م').unwrap().0;
        let meems = shaped
            .glyphs
            .iter()
            .filter(|g| g.text.as_deref() == Some("م"));
        assert!(meems.clone().count() >= 2);
        assert!(meems.clone().any(|g| g.gid != isolated_meem));
    }

    #[test]
    fn mixed_scripts_pick_fonts_per_run() {
        let shaped = shape_line(&fonts(), "Ana 王小明", Weight::Regular).unwrap();
        let fonts_used: Vec<FontKey> = shaped.glyphs.iter().map(|g| g.font).collect();
        assert_eq!(fonts_used.first(), Some(&FontKey::REGULAR));
        assert_eq!(fonts_used.last(), Some(&FontKey::CJK));
        // A Latin word inside right-to-left text keeps its own order.
        let shaped = shape_line(&fonts(), "محمد Smith", Weight::Regular).unwrap();
        assert_eq!(shaped.glyphs[0].text.as_deref(), Some("S"));
    }

    #[test]
    fn refuses_characters_no_font_has() {
        assert_eq!(
            shape_line(&fonts(), "ሰላም", Weight::Regular).unwrap_err(),
            Unprintable
        );
        assert!(shape_line(&fonts(), "Ana 😀", Weight::Regular).is_err());
    }

    #[test]
    fn decomposed_accents_print() {
        let composed = shape_line(&fonts(), "José", Weight::Regular).unwrap();
        let decomposed = shape_line(&fonts(), "Jose\u{301}", Weight::Regular).unwrap();
        assert!((composed.width_em - decomposed.width_em).abs() < 0.01);
    }

    #[test]
    fn cluster_widths_add_up() {
        let shaped = shape_line(&fonts(), "Łukasz Żółć", Weight::Regular).unwrap();
        let sum: f32 = shaped.clusters.iter().map(|c| c.1).sum();
        assert!((sum - shaped.width_em).abs() < 1e-4);
        assert_eq!(shaped.clusters.len(), "Łukasz Żółć".chars().count());
    }
}
