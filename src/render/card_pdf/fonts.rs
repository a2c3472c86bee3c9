//! The card's fonts. Built in: Noto Sans (Latin with Vietnamese, Greek, Cyrillic) and Noto Sans
//! Arabic, regular and bold, and Droid Sans Fallback for Chinese and Japanese. From a font folder
//! (`card.font_dirs`; Debian's `fonts-noto-core` and `fonts-noto-cjk`): a Noto font for each
//! further script of [`FOLDER_SCRIPTS`] that the folder holds (Korean from Noto Sans CJK). Each
//! font is parsed once per process for shaping (rustybuzz); each PDF embeds only the glyphs it
//! uses, cut out of the font by `subsetter` (see [`Fonts::subset`]).

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

use printpdf::{FontEmbeddingMode, ParsedFont, PdfFont, PrintpdfFontMeta};
use rustybuzz::{Direction, Face, Script, ShapePlan};
use subsetter::GlyphRemapper;
use unicode_script::UnicodeScript;

use super::sfnt::{dehint, with_empty_cmap};
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

/// The built-in fonts: bytes and PDF resource name, in [`FontKey`] order.
const BUILT_IN: [(&[u8], &str); 5] = [
    (NOTO_SANS_REGULAR, "NotoSans"),
    (NOTO_SANS_BOLD, "NotoSansBold"),
    (NOTO_SANS_ARABIC, "NotoSansArabic"),
    (NOTO_SANS_ARABIC_BOLD, "NotoSansArabicBold"),
    (DROID_SANS_FALLBACK, "DroidSansFallback"),
];

/// Scripts the built-in fonts print.
const BUILT_IN_SCRIPTS: [&str; 7] = [
    "Latin", "Greek", "Cyrillic", "Arabic", "Han", "Hiragana", "Katakana",
];

/// Scripts a font folder can add: the name in Noto's file names (`NotoSans<name>-Regular.ttf`,
/// else `NotoSerif<name>-…`) and a letter every font for it has.
pub(super) const FOLDER_SCRIPTS: &[(&str, char)] = &[
    ("Armenian", 'Ա'),
    ("Georgian", 'ა'),
    ("Hebrew", 'א'),
    ("Devanagari", 'क'),
    ("Bengali", 'ক'),
    ("Gurmukhi", 'ਕ'),
    ("Gujarati", 'ક'),
    ("Oriya", 'କ'),
    ("Tamil", 'க'),
    ("Telugu", 'క'),
    ("Kannada", 'ಕ'),
    ("Malayalam", 'ക'),
    ("Sinhala", 'ක'),
    ("Thai", 'ก'),
    ("Lao", 'ກ'),
    ("Khmer", 'ក'),
    ("Myanmar", 'က'),
    ("Tibetan", 'ཀ'),
    ("Ethiopic", 'ሰ'),
    ("Tifinagh", 'ⵜ'),
    ("NKo", 'ߒ'),
    ("Thaana", 'ދ'),
    ("Syriac", 'ܐ'),
    ("Cherokee", 'Ꭰ'),
    ("CanadianAboriginal", 'ᐁ'),
    ("Adlam", '𞤀'),
    ("Hangul", '한'),
];

/// One of the card's fonts: an index into [`Fonts`] (the built-in ones first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct FontKey(u16);

impl FontKey {
    pub(super) const REGULAR: FontKey = FontKey(0);
    pub(super) const BOLD: FontKey = FontKey(1);
    pub(super) const ARABIC: FontKey = FontKey(2);
    pub(super) const ARABIC_BOLD: FontKey = FontKey(3);
    pub(super) const CJK: FontKey = FontKey(4);

    fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// A built-in font without hinting (see `sfnt.rs`), made once per process.
fn built_in_bytes(index: usize) -> &'static [u8] {
    static DEHINTED: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    let all = DEHINTED.get_or_init(|| {
        BUILT_IN
            .iter()
            .map(|(original, _)| dehint(original).unwrap_or_else(|| original.to_vec()))
            .collect()
    });
    &all[index]
}

/// The built-in font files as committed (for the hinting tests).
#[cfg(test)]
pub(super) fn built_in_originals() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    BUILT_IN.iter().map(|(bytes, name)| (*name, *bytes))
}

/// The weight a piece of text asks for; Chinese and Japanese have a regular face only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Weight {
    Regular,
    Bold,
}

/// A shaping plan is specific to a font, a direction and a script.
type PlanKey = (FontKey, bool, Script);

/// One font: its face for shaping and its bytes for embedding. Each card is checked to cut
/// its own subset before anything is committed (`pdf::check_fonts`); a built-in font is also
/// tried once at start-up.
struct Loaded {
    face: Face<'static>,
    bytes: &'static [u8],
    index: u32,
    name: String,
    /// The characters a smaller copy of the font is cut down to, once, the first time a card
    /// uses it: each card's subset is then made from that copy (see [`Prepared`]).
    prepare: Option<&'static [(char, char)]>,
    prepared: OnceLock<Option<Prepared>>,
}

/// A font collection's face cut down, once per process, to the glyphs of the characters it
/// prints (Hangul, for the CJK collection's Korean face): `subsetter` reads the shared CFF
/// subroutines of the font it subsets on every call, which in the whole 19 MB face was a
/// quarter of a Korean card's time.
struct Prepared {
    bytes: Vec<u8>,
    gids: Arc<GlyphRemapper>,
}

/// The six capitals that name a font's subset, from the font's name and the glyphs it keeps
/// (FNV-1a): the same glyphs of the same font are named alike.
fn subset_tag(font: &str, glyphs: &BTreeSet<u16>) -> String {
    let bytes = font
        .bytes()
        .chain(glyphs.iter().flat_map(|gid| gid.to_le_bytes()));
    let mut hash = bytes.fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    (0..6)
        .map(|_| {
            let letter = b'A' + (hash % 26) as u8;
            hash /= 26;
            char::from(letter)
        })
        .collect()
}

/// Hangul syllables and jamo, with the Latin letters, digits and punctuation that print in
/// the Korean face beside them.
const HANGUL_AND_AROUND: &[(char, char)] = &[
    (' ', '~'),
    ('\u{a0}', '\u{ff}'),
    ('\u{1100}', '\u{11ff}'),
    ('\u{2010}', '\u{206f}'),
    ('\u{3000}', '\u{303f}'),
    ('\u{3130}', '\u{318f}'),
    ('\u{a960}', '\u{a97f}'),
    ('\u{ac00}', '\u{d7ff}'),
    ('\u{ff01}', '\u{ff5e}'),
];

/// A font cut down to the glyphs of one PDF, ready to embed as it is, and how its glyphs were
/// renumbered.
pub(super) struct Subset {
    pub font: PdfFont,
    pub gids: Renumbering,
}

/// A subset's glyph ids: from 1 in the order given (0 stays `.notdef`), through the prepared
/// copy's ids when the subset was made from one.
pub(super) struct Renumbering {
    through: Option<Arc<GlyphRemapper>>,
    last: GlyphRemapper,
}

impl Renumbering {
    /// The glyph's id in the subset (`.notdef` for a glyph the subset was not made with).
    pub(super) fn gid(&self, original: u16) -> u16 {
        let id = match &self.through {
            Some(prepared) => prepared.get(original),
            None => Some(original),
        };
        id.and_then(|id| self.last.get(id)).unwrap_or(0)
    }
}

impl Loaded {
    fn new(bytes: &'static [u8], index: u32, name: String) -> Result<Self, RenderError> {
        let face = Face::from_slice(bytes, index)
            .ok_or_else(|| RenderError::Pdf(format!("font {name} cannot be read")))?;
        Ok(Self {
            face,
            bytes,
            index,
            name,
            prepare: None,
            prepared: OnceLock::new(),
        })
    }

    /// The smaller copy of the font, made the first time it is asked for; `None` for a font
    /// without one, or when it could not be made (each subset is then cut from the whole).
    fn prepared(&self) -> Option<&Prepared> {
        let ranges = self.prepare?;
        self.prepared
            .get_or_init(|| {
                let mut gids = GlyphRemapper::new();
                for &(first, last) in ranges {
                    for c in first..=last {
                        if let Some(id) = self.face.glyph_index(c) {
                            gids.remap(id.0);
                        }
                    }
                }
                let bytes = subsetter::subset(self.bytes, self.index, &gids).ok()?;
                Some(Prepared {
                    bytes,
                    gids: Arc::new(gids),
                })
            })
            .as_ref()
    }

    /// The font cut down to `glyphs` by `subsetter` (the subsetter typst and krilla use),
    /// which reads only those glyphs: printpdf's own subsetting (allsorts) read every glyph
    /// record and the whole `cmap` of the font for each PDF, most of the time of a Chinese
    /// or Korean card. The subset is given an empty `cmap` only so that printpdf can parse
    /// it: text is drawn by glyph id and read back through `ToUnicode` and `ActualText`.
    fn subset(&self, glyphs: &BTreeSet<u16>) -> Result<Subset, RenderError> {
        let refused =
            |why: &str| RenderError::Pdf(format!("font {} cannot be embedded: {why}", self.name));
        // From the prepared copy when it has every glyph (a shaped ligature may not be).
        let from_prepared = self
            .prepared()
            .filter(|prepared| glyphs.iter().all(|&gid| prepared.gids.get(gid).is_some()));
        let mut remapper = GlyphRemapper::new();
        for &gid in glyphs {
            remapper.remap(match from_prepared {
                Some(prepared) => prepared.gids.get(gid).unwrap_or(0),
                None => gid,
            });
        }
        let (source, index) = match from_prepared {
            Some(prepared) => (prepared.bytes.as_slice(), 0),
            None => (self.bytes, self.index),
        };
        let bytes =
            subsetter::subset(source, index, &remapper).map_err(|e| refused(&e.to_string()))?;
        let bytes = with_empty_cmap(&bytes).ok_or_else(|| refused("its subset is unreadable"))?;
        let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
            .ok_or_else(|| refused("printpdf cannot parse its subset"))?;
        // A subset's name starts with a tag of six capitals (ISO 32000-1, 9.6.4), here made
        // from its glyphs: the same card makes the same PDF.
        let name = parsed.font_name.as_deref().unwrap_or(&self.name);
        parsed.font_name = Some(format!("{}+{name}", subset_tag(&self.name, glyphs)));
        let meta = PrintpdfFontMeta {
            embedding_mode: FontEmbeddingMode::Full,
            requires_subsetting: false,
            ..PrintpdfFontMeta::default()
        };
        Ok(Subset {
            font: PdfFont::with_meta(parsed, meta),
            gids: Renumbering {
                through: from_prepared.map(|prepared| Arc::clone(&prepared.gids)),
                last: remapper,
            },
        })
    }

    /// Whether a subset of the font can be made and embedded.
    fn embeddable(&self) -> Result<(), RenderError> {
        self.subset(&BTreeSet::from([0]))
            .map(drop)
            .map_err(|_| RenderError::Pdf(format!("font {} cannot be embedded", self.name)))
    }
}

/// The card's fonts, parsed, the order each weight tries them in, and the shaping plans made so
/// far (building one is most of the cost of shaping a short text).
pub(super) struct Fonts {
    fonts: Vec<Loaded>,
    regular: Vec<FontKey>,
    bold: Vec<FontKey>,
    /// The font folder's scripts that were found, in [`FOLDER_SCRIPTS`] order.
    added: Vec<&'static str>,
    plans: RwLock<HashMap<PlanKey, Arc<ShapePlan>>>,
}

impl Fonts {
    /// The built-in fonts only.
    #[cfg(test)]
    pub(super) fn load() -> Result<Self, RenderError> {
        Self::load_with(&[])
    }

    /// The built-in fonts and what `folders` add; fonts read from a folder are read once per
    /// process (a second renderer on the same folders shares their bytes).
    pub(super) fn load_with(folders: &[PathBuf]) -> Result<Self, RenderError> {
        let mut fonts = Vec::with_capacity(BUILT_IN.len() + 8);
        for (i, (_, name)) in BUILT_IN.iter().enumerate() {
            let font = Loaded::new(built_in_bytes(i), 0, (*name).to_owned())?;
            // The built-in fonts print every card: a font that cannot be embedded stops
            // start-up rather than the first print.
            font.embeddable()?;
            fonts.push(font);
        }
        let mut regular = vec![FontKey::REGULAR, FontKey::ARABIC, FontKey::CJK];
        let mut bold = vec![FontKey::BOLD, FontKey::ARABIC_BOLD, FontKey::CJK];
        let mut added = Vec::new();
        for found in folder_fonts(folders) {
            let key = FontKey(u16::try_from(fonts.len()).unwrap_or(u16::MAX));
            let mut font = Loaded::new(found.regular.0, found.regular.1, found.name.clone())?;
            if found.script == "Hangul" {
                font.prepare = Some(HANGUL_AND_AROUND);
            }
            fonts.push(font);
            regular.push(key);
            match found.bold {
                Some((bytes, index)) => {
                    let bold_key = FontKey(key.0 + 1);
                    fonts.push(Loaded::new(bytes, index, format!("{}Bold", found.name))?);
                    bold.push(bold_key);
                }
                None => bold.push(key),
            }
            added.push(found.script);
        }
        Ok(Self {
            fonts,
            regular,
            bold,
            added,
            plans: RwLock::default(),
        })
    }

    /// The scripts names print in, built in and added by the font folder.
    pub(super) fn scripts(&self) -> Vec<&'static str> {
        BUILT_IN_SCRIPTS
            .iter()
            .copied()
            .chain(self.added.iter().copied())
            .collect()
    }

    /// The scripts a font folder could add that this one lacks.
    pub(super) fn missing_scripts(&self) -> Vec<&'static str> {
        FOLDER_SCRIPTS
            .iter()
            .map(|(script, _)| *script)
            .filter(|script| !self.added.contains(script))
            .collect()
    }

    fn chain(&self, weight: Weight) -> &[FontKey] {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
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
        &self.fonts[key.index()].face
    }

    /// The font cut down to `glyphs` for one PDF.
    pub(super) fn subset(
        &self,
        key: FontKey,
        glyphs: &BTreeSet<u16>,
    ) -> Result<Subset, RenderError> {
        self.fonts[key.index()].subset(glyphs)
    }

    /// The PDF resource name (short and stable, unlike printpdf's random ids).
    pub(super) fn resource_name(&self, key: FontKey) -> &str {
        &self.fonts[key.index()].name
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
        let chain = self.chain(weight);
        let chosen = chain.iter().copied().find(|&key| self.has_glyph(key, c));
        match chosen {
            Some(key) => Some(key),
            // A joiner shapes the letters around it and is then dropped by the shaper.
            None if is_joiner(c) => Some(around.unwrap_or(chain[0])),
            None => None,
        }
    }

    /// The first character of `text` no font prints, as (1-based position, its script's name).
    pub(super) fn unprintable(&self, text: &str) -> Option<(usize, &'static str)> {
        let mut around = None;
        for (i, c) in text.chars().enumerate() {
            for weight in [Weight::Regular, Weight::Bold] {
                if self.pick(weight, c, around).is_none() {
                    let script = c.script();
                    let name = match script {
                        unicode_script::Script::Common | unicode_script::Script::Inherited => {
                            "symbols"
                        }
                        other => other.full_name(),
                    };
                    return Some((i + 1, name));
                }
            }
            around = self.pick(Weight::Regular, c, around);
        }
        None
    }
}

/// A script's font found in a folder: its regular face, and its bold one when there is one.
struct FolderFont {
    script: &'static str,
    name: String,
    regular: (&'static [u8], u32),
    bold: Option<(&'static [u8], u32)>,
}

/// The fonts `folders` hold for the scripts of [`FOLDER_SCRIPTS`]; a missing folder adds
/// nothing.
fn folder_fonts(folders: &[PathBuf]) -> Vec<FolderFont> {
    if folders.is_empty() {
        return Vec::new();
    }
    let files: Vec<PathBuf> = folders.iter().flat_map(|dir| font_files(dir)).collect();
    let named = |stem: &str| {
        files.iter().find(|path| {
            path.file_stem()
                .and_then(|s| s.to_str())
                .is_some_and(|s| s.eq_ignore_ascii_case(stem))
        })
    };
    let mut found = Vec::new();
    for (script, sample) in FOLDER_SCRIPTS {
        let family = if *script == "Hangul" { "CJK" } else { script };
        let Some((family, regular)) = ["NotoSans", "NotoSerif"].iter().find_map(|kind| {
            let family = format!("{kind}{family}");
            named(&format!("{family}-Regular")).map(|path| (family, path))
        }) else {
            continue;
        };
        let Some(regular) = read_face(regular, *sample) else {
            continue;
        };
        // Korean prints in the collection's regular face at both weights, as Chinese and
        // Japanese do in the built-in one: its bold is another 20 MB.
        let bold = (*script != "Hangul")
            .then(|| named(&format!("{family}-Bold")))
            .flatten()
            .and_then(|path| read_face(path, *sample));
        found.push(FolderFont {
            script,
            name: family,
            regular,
            bold,
        });
    }
    found
}

/// The `.ttf`, `.otf` and `.ttc` files in `dir` and its subfolders.
fn font_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_owned()];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "ttf" | "otf" | "ttc"))
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The font file at `path`, read (and stripped of hinting) once per process, and the index of
/// its face that has `sample` (in a collection, the Korean face when there is one).
fn read_face(path: &Path, sample: char) -> Option<(&'static [u8], u32)> {
    static READ: OnceLock<Mutex<HashMap<PathBuf, &'static [u8]>>> = OnceLock::new();
    let cache = READ.get_or_init(Mutex::default);
    let bytes = {
        let mut cache = cache.lock().ok()?;
        match cache.get(path) {
            Some(bytes) => *bytes,
            None => {
                let original = std::fs::read(path).ok()?;
                let bytes = dehint(&original).unwrap_or(original);
                // Kept for the life of the process, as the built-in fonts are.
                let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
                cache.insert(path.to_owned(), bytes);
                bytes
            }
        }
    };
    let faces = ttf_face_count(bytes);
    let korean = (0..faces).find(|&i| {
        Face::from_slice(bytes, i).is_some_and(|face| {
            face.glyph_index(sample).is_some()
                && face.names().into_iter().any(|name| {
                    name.to_string()
                        .is_some_and(|n| n.contains(" KR") && !n.contains("Mono"))
                })
        })
    });
    let index = korean.or_else(|| {
        (0..faces).find(|&i| {
            Face::from_slice(bytes, i).is_some_and(|face| face.glyph_index(sample).is_some())
        })
    })?;
    Some((bytes, index))
}

/// How many faces a font file holds (a `.ttc` collection holds several).
fn ttf_face_count(bytes: &[u8]) -> u32 {
    rustybuzz::ttf_parser::fonts_in_collection(bytes).unwrap_or(1)
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
            ('é', FontKey::REGULAR),
            ('ễ', FontKey::REGULAR),
            ('Ж', FontKey::REGULAR),
            ('Ω', FontKey::REGULAR),
            ('م', FontKey::ARABIC),
            ('王', FontKey::CJK),
            ('カ', FontKey::CJK),
        ] {
            assert_eq!(fonts.pick(Weight::Regular, c, None), Some(key), "{c}");
        }
        assert_eq!(fonts.pick(Weight::Bold, 'ñ', None), Some(FontKey::BOLD));
        assert_eq!(
            fonts.pick(Weight::Bold, 'م', None),
            Some(FontKey::ARABIC_BOLD)
        );
        assert_eq!(fonts.pick(Weight::Regular, 'ሰ', None), None);
        // Droid Sans Fallback has no Hangul syllables: Korean names are refused.
        assert_eq!(fonts.pick(Weight::Regular, '한', None), None);
        assert_eq!(fonts.pick(Weight::Regular, '😀', None), None);
    }

    #[test]
    fn a_subset_holds_the_glyphs_asked_for_renumbered_in_order() {
        let fonts = Fonts::load().unwrap();
        let face = fonts.face(FontKey::CJK);
        let gids: BTreeSet<u16> = ['王', '明'].map(|c| face.glyph_index(c).unwrap().0).into();
        let subset = fonts.subset(FontKey::CJK, &gids).unwrap();
        let renumbered: Vec<u16> = gids.iter().map(|&gid| subset.gids.gid(gid)).collect();
        assert_eq!(renumbered, [1, 2]);
        let parsed = &subset.font.parsed_font;
        // .notdef, the two asked for, and the glyphs they are composed of: not the font's 65,000.
        assert!(
            (3..=8).contains(&parsed.num_glyphs),
            "{} glyphs",
            parsed.num_glyphs
        );
        let bytes = parsed.source_bytes().expect("bytes to embed");
        assert!(
            bytes.as_slice().len() < 10_000,
            "{}",
            bytes.as_slice().len()
        );
    }

    /// A Korean card's subset is cut from the prepared copy of the collection's Korean face,
    /// and holds the same glyphs, with the same advances, as one cut from the whole face.
    #[test]
    fn a_korean_subset_from_the_prepared_copy_keeps_the_glyphs_and_their_advances() {
        let folders = [
            PathBuf::from("/usr/share/fonts/truetype/noto"),
            PathBuf::from("/usr/share/fonts/opentype/noto"),
        ];
        let fonts = Fonts::load_with(&folders).unwrap();
        let key = fonts
            .pick(Weight::Regular, '김', None)
            .expect("the Korean face (bash tests/run.sh installs fonts-noto-cjk)");
        let face = fonts.face(key);
        let gids: BTreeSet<u16> = ['김', '민', '준', ' ', 'A']
            .map(|c| face.glyph_index(c).unwrap().0)
            .into();
        let subset = fonts.subset(key, &gids).unwrap();
        assert!(subset.gids.through.is_some(), "cut from the prepared copy");
        let bytes = subset
            .font
            .parsed_font
            .source_bytes()
            .expect("bytes to embed");
        let cut = Face::from_slice(bytes.as_slice(), 0).expect("a readable subset");
        assert_eq!(usize::from(cut.number_of_glyphs()), gids.len() + 1);
        for &gid in &gids {
            let original = face.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(gid));
            let renumbered = rustybuzz::ttf_parser::GlyphId(subset.gids.gid(gid));
            assert_ne!(renumbered.0, 0);
            assert_eq!(cut.glyph_hor_advance(renumbered), original, "glyph {gid}");
        }
        // A glyph outside the prepared characters is cut from the whole face.
        let han = face.glyph_index('漢').map(|g| g.0);
        if let Some(han) = han {
            let subset = fonts.subset(key, &BTreeSet::from([han])).unwrap();
            assert!(subset.gids.through.is_none());
            assert_eq!(subset.gids.gid(han), 1);
        }
    }

    #[test]
    fn spaces_stay_with_the_text_around_them() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(
            fonts.pick(Weight::Bold, ' ', Some(FontKey::ARABIC_BOLD)),
            Some(FontKey::ARABIC_BOLD)
        );
        assert_eq!(fonts.pick(Weight::Bold, ' ', None), Some(FontKey::BOLD));
    }

    #[test]
    fn invisible_characters_are_refused_not_dropped_and_joiners_stay_with_their_script() {
        let fonts = Fonts::load().unwrap();
        for c in ['\u{200B}', '\u{2060}', '\u{202E}', '\u{FEFF}', '\u{00AD}'] {
            for around in [None, Some(FontKey::REGULAR), Some(FontKey::ARABIC)] {
                assert_eq!(
                    fonts.pick(Weight::Regular, c, around),
                    None,
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        assert_eq!(
            fonts.pick(Weight::Regular, '\u{200C}', Some(FontKey::ARABIC)),
            Some(FontKey::ARABIC)
        );
    }
}
