//! The fonts embedded in the card: Noto Sans (Latin, Greek, Cyrillic, Vietnamese) and Noto Sans
//! Arabic, regular and bold, and Droid Sans Fallback for Chinese and Japanese (it has no Hangul
//! syllables: Korean names are refused). Each is parsed once, for shaping (rustybuzz) and for
//! embedding (printpdf, subset on save).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock, RwLock};

use printpdf::ParsedFont;
use rustybuzz::{Direction, Face, Script, ShapePlan};

use super::sfnt::dehint;
use super::RenderError;

const NOTO_SANS_REGULAR: &[u8] =
    include_bytes!("../../../templates/card/fonts/NotoSans-Regular.ttf");
const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../../templates/card/fonts/NotoSans-Bold.ttf");
const NOTO_SANS_ARABIC: &[u8] =
    include_bytes!("../../../templates/card/fonts/NotoSansArabic-Regular.ttf");
const NOTO_SANS_ARABIC_BOLD: &[u8] =
    include_bytes!("../../../templates/card/fonts/NotoSansArabic-Bold.ttf");
const DROID_SANS_FALLBACK: &[u8] =
    include_bytes!("../../../templates/card/fonts/DroidSansFallbackFull.ttf");

/// One of the embedded fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum FontKey {
    Regular,
    Bold,
    Arabic,
    ArabicBold,
    Cjk,
}

impl FontKey {
    pub(super) const ALL: [FontKey; 5] = [
        FontKey::Regular,
        FontKey::Bold,
        FontKey::Arabic,
        FontKey::ArabicBold,
        FontKey::Cjk,
    ];

    fn index(self) -> usize {
        self as usize
    }

    /// The font file as committed.
    pub(super) fn original_bytes(self) -> &'static [u8] {
        match self {
            FontKey::Regular => NOTO_SANS_REGULAR,
            FontKey::Bold => NOTO_SANS_BOLD,
            FontKey::Arabic => NOTO_SANS_ARABIC,
            FontKey::ArabicBold => NOTO_SANS_ARABIC_BOLD,
            FontKey::Cjk => DROID_SANS_FALLBACK,
        }
    }

    /// The font without hinting (see `sfnt.rs`), made once per process.
    fn bytes(self) -> &'static [u8] {
        static DEHINTED: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
        let all = DEHINTED.get_or_init(|| {
            FontKey::ALL
                .iter()
                .map(|key| {
                    let original = key.original_bytes();
                    dehint(original).unwrap_or_else(|| original.to_vec())
                })
                .collect()
        });
        &all[self.index()]
    }

    /// The PDF resource name (short and stable, unlike printpdf's random ids).
    pub(super) fn resource_name(self) -> &'static str {
        match self {
            FontKey::Regular => "NotoSans",
            FontKey::Bold => "NotoSansBold",
            FontKey::Arabic => "NotoSansArabic",
            FontKey::ArabicBold => "NotoSansArabicBold",
            FontKey::Cjk => "DroidSansFallback",
        }
    }
}

/// The weight a piece of text asks for; Chinese and Japanese have a regular face only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    Regular,
    Bold,
}

impl Weight {
    /// Fonts to try, in order, for a character of this weight.
    fn chain(self) -> [FontKey; 3] {
        match self {
            Weight::Regular => [FontKey::Regular, FontKey::Arabic, FontKey::Cjk],
            Weight::Bold => [FontKey::Bold, FontKey::ArabicBold, FontKey::Cjk],
        }
    }
}

/// A shaping plan is specific to a font, a direction and a script.
type PlanKey = (FontKey, bool, Script);

/// All embedded fonts, parsed, and the shaping plans made so far (building one is most of
/// the cost of shaping a short text).
pub(super) struct Fonts {
    faces: Vec<Face<'static>>,
    parsed: Vec<ParsedFont>,
    plans: RwLock<HashMap<PlanKey, Arc<ShapePlan>>>,
}

impl Fonts {
    pub(super) fn load() -> Result<Self, RenderError> {
        let mut faces = Vec::with_capacity(FontKey::ALL.len());
        let mut parsed = Vec::with_capacity(FontKey::ALL.len());
        for key in FontKey::ALL {
            let bytes = key.bytes();
            let face = Face::from_slice(bytes, 0)
                .ok_or_else(|| RenderError::Pdf(format!("font {key:?} cannot be read")))?;
            let pdf_font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .ok_or_else(|| RenderError::Pdf(format!("font {key:?} cannot be embedded")))?;
            faces.push(face);
            parsed.push(pdf_font);
        }
        Ok(Self {
            faces,
            parsed,
            plans: RwLock::default(),
        })
    }

    /// The shaping plan for text in `key` with this direction and script, made once.
    pub(super) fn plan(
        &self,
        key: FontKey,
        direction: Direction,
        script: Script,
    ) -> Arc<ShapePlan> {
        let id = (key, direction == Direction::RightToLeft, script);
        if let Some(plan) = self
            .plans
            .read()
            .ok()
            .and_then(|plans| plans.get(&id).cloned())
        {
            return plan;
        }
        let plan = Arc::new(ShapePlan::new(
            self.face(key),
            direction,
            Some(script),
            None,
            &[],
        ));
        if let Ok(mut plans) = self.plans.write() {
            plans.insert(id, Arc::clone(&plan));
        }
        plan
    }

    pub(super) fn face(&self, key: FontKey) -> &Face<'static> {
        &self.faces[key.index()]
    }

    pub(super) fn parsed(&self, key: FontKey) -> &ParsedFont {
        &self.parsed[key.index()]
    }

    pub(super) fn has_glyph(&self, key: FontKey, c: char) -> bool {
        self.face(key).glyph_index(c).is_some()
    }

    /// The font for `c`: the font of the text around it when `c` is a space, punctuation or a
    /// combining mark that font has; otherwise the first font of the chain that has it.
    /// An invisible character other than a joiner has no font: the line is refused rather than
    /// printed without it (names cannot hold one; see `domain::names`).
    pub(super) fn pick(&self, weight: Weight, c: char, around: Option<FontKey>) -> Option<FontKey> {
        if is_default_ignorable(c) && !is_joiner(c) {
            return None;
        }
        if let Some(key) = around.filter(|_| is_neutral(c) || is_mark(c)) {
            if self.has_glyph(key, c) || is_joiner(c) {
                return Some(key);
            }
        }
        let chosen = weight
            .chain()
            .into_iter()
            .find(|&key| self.has_glyph(key, c));
        match chosen {
            Some(key) => Some(key),
            // A joiner shapes the letters around it and is then dropped by the shaper.
            None if is_joiner(c) => Some(around.unwrap_or(weight.chain()[0])),
            None => None,
        }
    }
}

/// Spaces, punctuation and symbols: characters that belong to no script of their own.
pub(super) fn is_neutral(c: char) -> bool {
    !c.is_alphanumeric() && !is_mark(c)
}

/// Combining marks (accents, Arabic vowel signs) that attach to the character before them.
pub(super) fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x05BF | 0x05C1..=0x05C2
        | 0x05C4..=0x05C5 | 0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED
        | 0x08D3..=0x08FF | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0x302A..=0x302F | 0x3099..=0x309A | 0xFE20..=0xFE2F)
}

/// The zero-width non-joiner and joiner, which names keep where they shape the letters.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// Invisible format characters (joiners, marks of direction, variation selectors).
pub(super) fn is_default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x180B..=0x180F | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_we_promise_has_a_font() {
        let fonts = Fonts::load().unwrap();
        for (c, key) in [
            ('é', FontKey::Regular),
            ('ễ', FontKey::Regular),
            ('Ж', FontKey::Regular),
            ('Ω', FontKey::Regular),
            ('م', FontKey::Arabic),
            ('王', FontKey::Cjk),
            ('カ', FontKey::Cjk),
        ] {
            assert_eq!(fonts.pick(Weight::Regular, c, None), Some(key), "{c}");
        }
        assert_eq!(fonts.pick(Weight::Bold, 'ñ', None), Some(FontKey::Bold));
        assert_eq!(
            fonts.pick(Weight::Bold, 'م', None),
            Some(FontKey::ArabicBold)
        );
        assert_eq!(fonts.pick(Weight::Regular, 'ሰ', None), None);
        // Droid Sans Fallback has no Hangul syllables: Korean names are refused.
        assert_eq!(fonts.pick(Weight::Regular, '한', None), None);
        assert_eq!(fonts.pick(Weight::Regular, '😀', None), None);
    }

    #[test]
    fn spaces_stay_with_the_text_around_them() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(
            fonts.pick(Weight::Bold, ' ', Some(FontKey::ArabicBold)),
            Some(FontKey::ArabicBold)
        );
        assert_eq!(fonts.pick(Weight::Bold, ' ', None), Some(FontKey::Bold));
    }

    #[test]
    fn invisible_characters_are_refused_not_dropped_and_joiners_stay_with_their_script() {
        let fonts = Fonts::load().unwrap();
        for c in ['\u{200B}', '\u{2060}', '\u{202E}', '\u{FEFF}', '\u{00AD}'] {
            for around in [None, Some(FontKey::Regular), Some(FontKey::Arabic)] {
                assert_eq!(
                    fonts.pick(Weight::Regular, c, around),
                    None,
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        assert_eq!(
            fonts.pick(Weight::Regular, '\u{200C}', Some(FontKey::Arabic)),
            Some(FontKey::Arabic)
        );
    }
}
