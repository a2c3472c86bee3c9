//! Fitting text into a box on the card: a stack of text blocks shrinks together, step by step,
//! down to each block's smallest size, wrapping at spaces (or, for a word wider than the box,
//! between characters) until it fits. Text that cannot fit is refused, never cut.

use std::ops::Range;

use unicode_bidi::Level;

use super::fonts::{Fonts, Weight};
use super::shape::{shape_line_in, Shaped};
use super::RenderError;

/// Points per millimetre.
pub(super) const PT_PER_MM: f32 = 72.0 / 25.4;
/// Line box height, in em.
pub(super) const LINE_HEIGHT: f32 = 1.2;
/// Baseline below the top of the line box, in em.
pub(super) const ASCENT: f32 = 0.96;
const STEP_PT: f32 = 0.25;

/// Text that should go in a stack, with its largest and smallest sizes.
#[derive(Debug, Clone)]
pub(super) struct Block<'a> {
    pub field: &'static str,
    pub text: &'a str,
    pub weight: Weight,
    pub max_pt: f32,
    pub min_pt: f32,
    pub gap_before_mm: f32,
    pub rgb: [u8; 3],
    /// Placed against the right of its box (a right-to-left label).
    pub end_aligned: bool,
    /// The paragraph's direction, when it is not that of the text's first strong character
    /// (a list on a right-to-left card that starts with a tag in Latin letters).
    pub base: Option<Level>,
}

/// One line as placed: glyphs, size, baseline below the top of the stack, colour.
#[derive(Debug, Clone)]
pub(super) struct Line {
    pub shaped: Shaped,
    pub size_pt: f32,
    pub baseline_mm: f32,
    pub rgb: [u8; 3],
    pub end_aligned: bool,
}

impl Line {
    pub(super) fn width_mm(&self) -> f32 {
        self.shaped.width_em * self.size_pt / PT_PER_MM
    }
}

/// A fitted stack: its lines and its height.
#[derive(Debug, Clone, Default)]
pub(super) struct Stack {
    pub lines: Vec<Line>,
    pub height_mm: f32,
}

/// A block measured once: its shaped text and where it may break.
struct Measured<'a> {
    block: &'a Block<'a>,
    whole: Shaped,
}

/// Fits `blocks` into `width_mm` × `max_height_mm`, shrinking them together.
pub(super) fn fit_stack(
    fonts: &Fonts,
    blocks: &[Block<'_>],
    width_mm: f32,
    max_height_mm: f32,
) -> Result<Stack, RenderError> {
    let measured = blocks
        .iter()
        .filter(|b| !b.text.trim().is_empty())
        .map(|block| measure(fonts, block))
        .collect::<Result<Vec<_>, _>>()?;
    let width_pt = width_mm * PT_PER_MM;
    for step in 0.. {
        let shrink = step as f32 * STEP_PT;
        let sizes: Vec<f32> = measured
            .iter()
            .map(|m| (m.block.max_pt - shrink).max(m.block.min_pt))
            .collect();
        let wrapped: Option<Vec<Vec<Range<usize>>>> = measured
            .iter()
            .zip(&sizes)
            .map(|(m, &size)| wrap(m, width_pt / size))
            .collect();
        if let Some(wrapped) = wrapped {
            if stack_height(&measured, &sizes, &wrapped) <= max_height_mm {
                return place(fonts, &measured, &sizes, &wrapped, width_pt);
            }
        }
        let at_minimum = measured
            .iter()
            .zip(&sizes)
            .all(|(m, &size)| size <= m.block.min_pt);
        if at_minimum {
            break;
        }
    }
    Err(too_long(culprit(&measured, width_pt)))
}

/// The block that takes the most lines at its smallest size: the one to blame.
fn culprit(measured: &[Measured<'_>], width_pt: f32) -> &'static str {
    let lines = |m: &Measured<'_>| {
        let size = m.block.min_pt;
        wrap(m, width_pt / size).map_or(f32::INFINITY, |l| l.len() as f32 * size)
    };
    measured
        .iter()
        .max_by(|a, b| lines(a).total_cmp(&lines(b)))
        .map_or("text", |m| m.block.field)
}

/// Fits one line of text into `width_mm`, shrinking only (no wrapping).
pub(super) fn fit_line(
    fonts: &Fonts,
    block: &Block<'_>,
    width_mm: f32,
) -> Result<Line, RenderError> {
    let shaped = shape_line_in(fonts, block.text, block.weight, block.base)
        .map_err(|_| RenderError::UnsupportedScript { field: block.field })?;
    let fitting = width_mm * PT_PER_MM / shaped.width_em.max(f32::EPSILON);
    let size_pt = block.max_pt.min(fitting);
    if size_pt < block.min_pt {
        return Err(too_long(block.field));
    }
    Ok(Line {
        shaped,
        size_pt,
        baseline_mm: ASCENT * size_pt / PT_PER_MM,
        rgb: block.rgb,
        end_aligned: block.end_aligned,
    })
}

fn too_long(field: &'static str) -> RenderError {
    RenderError::DoesNotFit { field }
}

fn measure<'a>(fonts: &Fonts, block: &'a Block<'a>) -> Result<Measured<'a>, RenderError> {
    let whole = shape_line_in(fonts, block.text, block.weight, block.base)
        .map_err(|_| RenderError::UnsupportedScript { field: block.field })?;
    Ok(Measured { block, whole })
}

/// Greedy line breaking over the shaped clusters, `budget_em` wide. A line breaks after a
/// space (which is dropped), or before a character when one word is wider than the line.
/// `None` when a single character does not fit.
fn wrap(measured: &Measured<'_>, budget_em: f32) -> Option<Vec<Range<usize>>> {
    break_lines(measured.block.text, &measured.whole.clusters, budget_em)
}

/// [`wrap`] over a text and its shaped clusters: the byte ranges of its lines.
pub(super) fn break_lines(
    text: &str,
    clusters: &[(usize, f32)],
    budget_em: f32,
) -> Option<Vec<Range<usize>>> {
    let mut lines = Vec::new();
    let mut start = 0; // index into clusters
    while start < clusters.len() {
        while start < clusters.len() && is_space(text, clusters, start) {
            start += 1;
        }
        if start == clusters.len() {
            break;
        }
        let end = line_end(text, clusters, start, budget_em)?;
        let from = clusters[start].0;
        let to = clusters.get(end).map_or(text.len(), |c| c.0);
        lines.push(from..trim_end(text, from, to));
        start = end;
    }
    Some(lines)
}

/// The cluster index the line starting at `start` ends before.
fn line_end(text: &str, clusters: &[(usize, f32)], start: usize, budget_em: f32) -> Option<usize> {
    let mut width = 0.0;
    let mut last_space = None;
    for (i, &(_, advance)) in clusters.iter().enumerate().skip(start) {
        if is_space(text, clusters, i) {
            last_space = Some(i);
        } else if width + advance > budget_em {
            return match last_space {
                Some(space) => Some(space),
                None if i > start => Some(i),
                None => None,
            };
        }
        width += advance;
    }
    Some(clusters.len())
}

fn is_space(text: &str, clusters: &[(usize, f32)], i: usize) -> bool {
    text[clusters[i].0..].starts_with(' ')
}

fn trim_end(text: &str, from: usize, to: usize) -> usize {
    from + text[from..to].trim_end_matches(' ').len()
}

fn stack_height(measured: &[Measured<'_>], sizes: &[f32], wrapped: &[Vec<Range<usize>>]) -> f32 {
    measured
        .iter()
        .zip(sizes)
        .zip(wrapped)
        .enumerate()
        .map(|(i, ((m, &size), lines))| {
            let gap = if i == 0 { 0.0 } else { m.block.gap_before_mm };
            gap + lines.len() as f32 * size * LINE_HEIGHT / PT_PER_MM
        })
        .sum()
}

/// Shapes the final lines (reusing the whole-text shaping when a block is one line).
fn place(
    fonts: &Fonts,
    measured: &[Measured<'_>],
    sizes: &[f32],
    wrapped: &[Vec<Range<usize>>],
    width_pt: f32,
) -> Result<Stack, RenderError> {
    let mut stack = Stack::default();
    for (i, ((m, &size), ranges)) in measured.iter().zip(sizes).zip(wrapped).enumerate() {
        if i > 0 {
            stack.height_mm += m.block.gap_before_mm;
        }
        for range in ranges {
            let shaped = if *range == (0..m.block.text.len()) {
                m.whole.clone()
            } else {
                let text = &m.block.text[range.clone()];
                shape_line_in(fonts, text, m.block.weight, m.block.base).map_err(|_| {
                    RenderError::UnsupportedScript {
                        field: m.block.field,
                    }
                })?
            };
            // Shaping a line alone can differ from the sum of its clusters by a hair.
            let size_pt = size.min(width_pt / shaped.width_em.max(f32::EPSILON));
            stack.lines.push(Line {
                shaped,
                size_pt,
                baseline_mm: stack.height_mm + ASCENT * size / PT_PER_MM,
                rgb: m.block.rgb,
                end_aligned: m.block.end_aligned,
            });
            stack.height_mm += size * LINE_HEIGHT / PT_PER_MM;
        }
    }
    Ok(stack)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block<'_> {
        Block {
            field: "legal_name",
            text,
            weight: Weight::Bold,
            max_pt: 12.0,
            min_pt: 6.0,
            gap_before_mm: 1.0,
            rgb: [0, 0, 0],
            end_aligned: false,
            base: None,
        }
    }

    fn line_text(line: &Line) -> String {
        line.shaped
            .glyphs
            .iter()
            .filter_map(|g| g.text.clone())
            .collect()
    }

    #[test]
    fn a_short_name_stays_large_on_one_line() {
        let fonts = Fonts::load().unwrap();
        let stack = fit_stack(&fonts, &[block("José Núñez")], 56.0, 10.0).unwrap();
        assert_eq!(stack.lines.len(), 1);
        assert_eq!(stack.lines[0].size_pt, 12.0);
        assert_eq!(line_text(&stack.lines[0]), "José Núñez");
    }

    #[test]
    fn a_long_name_wraps_then_shrinks_and_never_overflows() {
        let fonts = Fonts::load().unwrap();
        let name =
            "Maria del Carmen Concepción Aurelia Fernández de la Santísima Trinidad y Ocampo";
        let stack = fit_stack(&fonts, &[block(name)], 56.0, 12.0).unwrap();
        assert!(stack.lines.len() >= 2);
        assert!(stack.height_mm <= 12.0);
        for line in &stack.lines {
            assert!(line.width_mm() <= 56.0 + 1e-3, "{}", line.width_mm());
        }
        let words: Vec<String> = stack.lines.iter().map(line_text).collect();
        assert_eq!(words.join(" "), name);
    }

    #[test]
    fn a_word_wider_than_the_box_breaks_between_letters() {
        let fonts = Fonts::load().unwrap();
        let name =
            "Wolfeschlegelsteinhausenbergerdorffwelchevoralternwarengewissenhaftschaferswessen";
        let stack = fit_stack(&fonts, &[block(name)], 40.0, 20.0).unwrap();
        assert!(stack.lines.len() >= 2);
        let joined: String = stack.lines.iter().map(line_text).collect();
        assert_eq!(joined, name);
        assert!(stack.lines.iter().all(|l| l.width_mm() <= 40.0 + 1e-3));
    }

    #[test]
    fn what_cannot_fit_is_refused() {
        let fonts = Fonts::load().unwrap();
        let name = "Ana ".repeat(60);
        let label = Block {
            field: "label",
            max_pt: 6.0,
            ..block("NAME")
        };
        let err = fit_stack(&fonts, &[label, block(&name)], 40.0, 5.0).unwrap_err();
        assert!(matches!(
            err,
            RenderError::DoesNotFit {
                field: "legal_name"
            }
        ));
    }

    #[test]
    fn fit_line_shrinks_to_width() {
        let fonts = Fonts::load().unwrap();
        let line = fit_line(&fonts, &block("City and County of San Francisco"), 45.0).unwrap();
        assert!(line.size_pt < 12.0 && line.width_mm() <= 45.0 + 1e-3);
        assert!(fit_line(&fonts, &block("City and County of San Francisco"), 20.0).is_err());
    }
}
