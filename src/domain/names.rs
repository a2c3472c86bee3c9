//! The Unicode rules for people's names, so that two names a reader cannot tell apart are the
//! same name to the program:
//!
//! - characters a reader cannot see, or that reorder what they see, are refused where a name is
//!   entered (`invisible_at`): every default-ignorable code point (UAX #44) and every format
//!   character (general category Cf), which covers zero-width spaces and joiners, word joiners,
//!   bidi marks, embeddings, overrides and isolates, soft hyphens, Hangul fillers and variation
//!   selectors; also line and paragraph separators, private-use and unassigned code points.
//!   The one exception is a zero-width joiner or non-joiner where it changes how the name is
//!   shaped: inside a word (never at an edge of the name or beside a space), by the rule IDNA
//!   uses (RFC 5892, appendix A.1 and A.2): after a virama (Indic conjuncts), or a non-joiner
//!   between two letters that would otherwise join (Persian, Arabic, Syriac…). Anywhere else
//!   it shapes nothing and is refused.
//! - duplicate detection and exact search compare a skeleton (`skeleton_key`): NFKC, full case
//!   folding and the UTS #39 confusable skeleton, so a Cyrillic "а" for a Latin "a" matches.
//! - a word that mixes scripts (`mixes_scripts_in_a_word`, UTS #39 single-script test) is
//!   accepted, since real names are written that way, but the clerk is warned.
//!
//! The tables come from ICU4X (`icu_properties`, `icu_casemap`) and `unicode-security`.

use icu_casemap::CaseMapper;
use icu_properties::props::{
    CanonicalCombiningClass, DefaultIgnorableCodePoint, GeneralCategory, JoiningType,
};
use icu_properties::{CodePointMapData, CodePointSetData};
use unicode_normalization::UnicodeNormalization;
use unicode_security::MixedScript;

const ZERO_WIDTH_NON_JOINER: char = '\u{200C}';
const ZERO_WIDTH_JOINER: char = '\u{200D}';

/// The first character of `text` a name may not hold: its 1-based position among the
/// characters (Unicode scalar values) of `text`, and the character.
pub fn invisible_at(text: &str) -> Option<(usize, char)> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .find(|&i| is_refused(chars[i]) && !joiner_shapes(&chars, i))
        .map(|i| (i + 1, chars[i]))
}

/// A character that is invisible, changes the order or shape of what is around it, or has no
/// agreed appearance.
pub fn is_refused(c: char) -> bool {
    if CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c) {
        return true;
    }
    matches!(
        CodePointMapData::<GeneralCategory>::new().get(c),
        GeneralCategory::Format
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
            | GeneralCategory::PrivateUse
            | GeneralCategory::Unassigned
            | GeneralCategory::Surrogate
    )
}

/// Whether the joiner at `chars[i]` shapes the letters around it (RFC 5892, A.1 and A.2).
fn joiner_shapes(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if c != ZERO_WIDTH_NON_JOINER && c != ZERO_WIDTH_JOINER {
        return false;
    }
    // Inside a word only: at an edge of the name or beside a space it joins nothing.
    let inside_a_word = i > 0
        && i + 1 < chars.len()
        && !chars[i - 1].is_whitespace()
        && !chars[i + 1].is_whitespace();
    if !inside_a_word {
        return false;
    }
    let combining = CodePointMapData::<CanonicalCombiningClass>::new();
    if i > 0 && combining.get(chars[i - 1]) == CanonicalCombiningClass::Virama {
        return true;
    }
    if c == ZERO_WIDTH_JOINER {
        return false;
    }
    let joining = CodePointMapData::<JoiningType>::new();
    let not_transparent = |ch: &&char| joining.get(**ch) != JoiningType::Transparent;
    let before = chars[..i]
        .iter()
        .rev()
        .find(not_transparent)
        .map(|ch| joining.get(*ch));
    let after = chars[i + 1..]
        .iter()
        .find(not_transparent)
        .map(|ch| joining.get(*ch));
    let joins_left =
        |t: JoiningType| t == JoiningType::LeftJoining || t == JoiningType::DualJoining;
    let joins_right =
        |t: JoiningType| t == JoiningType::RightJoining || t == JoiningType::DualJoining;
    before.is_some_and(joins_left) && after.is_some_and(joins_right)
}

/// The form names are compared in: NFKC, case-folded, the UTS #39 skeleton (look-alike letters
/// of any script folded to one prototype, default-ignorable characters removed), single
/// spaces. Idempotent: the key of a key is itself.
pub fn skeleton_key(text: &str) -> String {
    let mut key = fold_once(text);
    // The skeleton's prototypes can be capitals or compatibility forms ("0" becomes "O"), so
    // one round may not be final; a second or third always is for real names. The bound only
    // guards against a pathological input: the result is the same for the same text either way.
    for _ in 0..4 {
        let next = fold_once(&key);
        if next == key {
            break;
        }
        key = next;
    }
    key
}

fn fold_once(text: &str) -> String {
    let case = CaseMapper::new();
    let compatible: String = text.nfkc().collect();
    let folded = case.fold_string(&compatible);
    let skeleton: String = unicode_security::skeleton(&folded).collect();
    let refolded: String = case.fold_string(&skeleton).nfkc().collect();
    refolded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a single word of `text` mixes letters of different scripts (UTS #39: its resolved
/// script set is empty). Different scripts in different words are ordinary ("Мария Smith").
pub fn mixes_scripts_in_a_word(text: &str) -> bool {
    text.split_whitespace().any(|word| !word.is_single_script())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_characters_of_the_issue_are_refused_where_they_are() {
        assert_eq!(invisible_at("Ana\u{200B}Lopez"), Some((4, '\u{200B}')));
        assert_eq!(invisible_at("\u{2060}Ana"), Some((1, '\u{2060}')));
        assert_eq!(invisible_at("Ana Lo\u{202E}pez"), Some((7, '\u{202E}')));
        for c in [
            '\u{00AD}',
            '\u{034F}',
            '\u{061C}',
            '\u{115F}',
            '\u{180E}',
            '\u{200E}',
            '\u{2066}',
            '\u{2028}',
            '\u{3164}',
            '\u{FE0F}',
            '\u{FEFF}',
            '\u{E0041}',
            '\u{E000}',
        ] {
            assert_eq!(
                invisible_at(&format!("Ana{c}")),
                Some((4, c)),
                "U+{:04X}",
                c as u32
            );
        }
        for fine in [
            "José Núñez",
            "王小明",
            "محمد الأمين",
            "Łukasz Żółć",
            "O'Brien-Smith",
        ] {
            assert_eq!(invisible_at(fine), None, "{fine}");
        }
    }

    #[test]
    fn joiners_stay_only_where_they_shape_the_name() {
        // Persian: ZWNJ between a dual-joining yeh and a right-joining reh.
        assert_eq!(invisible_at("علی\u{200C}رضا"), None);
        // ...across a transparent vowel sign too.
        assert_eq!(invisible_at("علیِ\u{200C}رضا"), None);
        // Devanagari: after a virama, both joiners.
        assert_eq!(invisible_at("क्\u{200D}ष"), None);
        assert_eq!(invisible_at("क्\u{200C}ष"), None);
        // After a right-joining letter, at an edge, beside a space, in Latin: nothing to shape.
        assert_eq!(invisible_at("مهر\u{200C}انگیز"), Some((4, '\u{200C}')));
        assert_eq!(invisible_at("\u{200C}علی"), Some((1, '\u{200C}')));
        assert_eq!(invisible_at("علی \u{200C}رضا"), Some((5, '\u{200C}')));
        assert_eq!(invisible_at("Ali\u{200C}reza"), Some((4, '\u{200C}')));
        assert_eq!(invisible_at("علی\u{200D}رضا"), Some((4, '\u{200D}')));
    }

    #[test]
    fn look_alikes_share_a_skeleton_and_different_names_do_not() {
        let same = [
            ("Maria Santos", "M\u{430}ria Santos"),
            ("Maria Santos", "MARIA   ѕantos"),
            ("John", "J0hn"),
            ("Strauß", "STRAUSS"),
            ("José Núñez", "JOSE\u{301} NU\u{301}N\u{303}EZ"),
            ("Ｍａｒｉａ", "Maria"),
        ];
        for (a, b) in same {
            assert_eq!(skeleton_key(a), skeleton_key(b), "{a} / {b}");
        }
        for (a, b) in [
            ("Maria", "Mario"),
            ("Ana Lopez", "Ana Lopes"),
            ("王小明", "王小民"),
        ] {
            assert_ne!(skeleton_key(a), skeleton_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn a_word_that_mixes_scripts_is_noticed() {
        assert!(mixes_scripts_in_a_word("M\u{430}ria Santos"));
        assert!(mixes_scripts_in_a_word("Lucia J\u{43E}hn"));
        for ordinary in [
            "Мария Smith",
            "José Núñez",
            "محمد Ali",
            "山田 たろう",
            "山田たろう",
            "김민준 Kim",
            "O'Brien-Smith 3rd",
            "علی\u{200C}رضا",
        ] {
            assert!(!mixes_scripts_in_a_word(ordinary), "{ordinary}");
        }
    }

    /// Names as clerks type them: letters of several scripts, look-alikes, marks, spaces,
    /// digits and punctuation.
    fn name_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => prop_oneof![
                    prop::char::range('A', 'z'),
                    prop::char::range('\u{00C0}', '\u{024F}'),
                    prop::char::range('\u{0300}', '\u{036F}'),
                    prop::char::range('\u{0370}', '\u{03FF}'),
                    prop::char::range('\u{0400}', '\u{04FF}'),
                    prop::char::range('\u{0600}', '\u{06FF}'),
                    prop::char::range('\u{0900}', '\u{097F}'),
                    prop::char::range('\u{FF01}', '\u{FF5E}'),
                    prop::char::range('\u{1D400}', '\u{1D7FF}'),
                ],
                2 => prop::sample::select(vec![' ', '0', '1', 'ß', '-', '\u{200C}']),
                1 => any::<char>(),
            ],
            0..24,
        )
        .prop_map(|chars| chars.into_iter().collect())
    }

    fn refused_char() -> impl Strategy<Value = char> {
        prop_oneof![
            Just('\u{200B}'),
            Just('\u{2060}'),
            Just('\u{202E}'),
            Just('\u{200E}'),
            Just('\u{FEFF}'),
            Just('\u{00AD}'),
            prop::char::range('\u{2066}', '\u{2069}'),
            prop::char::range('\u{FE00}', '\u{FE0F}'),
            prop::char::range('\u{E0000}', '\u{E007F}'),
        ]
    }

    proptest! {
        #[test]
        fn the_skeleton_key_is_idempotent(text in name_text()) {
            let key = skeleton_key(&text);
            prop_assert_eq!(skeleton_key(&key), key);
        }

        #[test]
        fn a_refused_character_anywhere_is_always_refused(
            text in name_text(),
            c in refused_char(),
            at in any::<prop::sample::Index>(),
        ) {
            let mut chars: Vec<char> = text.chars().collect();
            let i = at.index(chars.len() + 1);
            chars.insert(i, c);
            let with: String = chars.into_iter().collect();
            let (position, _) = invisible_at(&with).expect("refused");
            prop_assert!(position <= i + 1, "found at {position}, inserted at {}", i + 1);
        }

        #[test]
        fn a_joiner_beside_a_space_or_at_an_edge_is_always_refused(
            text in name_text(),
            joiner in prop_oneof![Just('\u{200C}'), Just('\u{200D}')],
            place in 0..3u8,
        ) {
            let with = match place {
                0 => format!("{joiner}{text}"),
                1 => format!("{text}{joiner}"),
                _ => format!("{text} {joiner}x"),
            };
            prop_assert!(invisible_at(&with).is_some());
        }
    }
}
