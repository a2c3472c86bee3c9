//! QR codes: the card's (the verifier address with the signed token, encoded at
//! error-correction level M with optimal segmentation, so an upper-case URL and a base32 token
//! stay in the compact alphanumeric mode; only a character such as `#` costs a one-byte
//! segment), and the authenticator app's set-up code on the account page, as SVG.

use qrcode::bits::{self, Bits};
use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::ec::construct_codewords;
use qrcode::types::{Color, Version};
use qrcode::EcLevel;

/// Why a text could not become a QR code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QrError {
    #[error("the text is too long for a QR code at level M")]
    TooLong,
    #[error("the QR code could not be built: {0}")]
    Encoding(String),
}

/// A finished QR symbol: its version and its module matrix (without the quiet zone).
#[derive(Clone)]
pub struct QrCode {
    version: i16,
    width: usize,
    dark: Vec<bool>,
}

impl QrCode {
    /// The QR version, 1 to 40.
    pub fn version(&self) -> i16 {
        self.version
    }

    /// Modules per side, without the quiet zone (`17 + 4 × version`).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module at column `x`, row `y` (from the top left) is dark; outside the
    /// symbol everything is light, which is what the quiet zone needs.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }
}

impl QrCode {
    /// The symbol as an SVG image with a four-module quiet zone, scaled by its container;
    /// `label` is its accessible name (escaped here).
    pub fn to_svg(&self, label: &str) -> String {
        let side = self.width + 8;
        let mut path = String::new();
        for y in 0..self.width {
            for x in 0..self.width {
                if self.is_dark(x, y) {
                    path.push_str(&format!("M{} {}h1v1h-1z", x + 4, y + 4));
                }
            }
        }
        let label = label
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('"', "&quot;");
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" role=\"img\" \
             aria-label=\"{label}\" shape-rendering=\"crispEdges\"><rect width=\"{side}\" \
             height=\"{side}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
        )
    }
}

impl std::fmt::Debug for QrCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QrCode")
            .field("version", &self.version)
            .field("width", &self.width)
            .finish_non_exhaustive()
    }
}

/// Encodes `text` at level M in the smallest version that holds it: the smaller of the
/// library's segmentation and one that keeps every run of QR-alphanumeric characters in
/// alphanumeric mode (the library's greedy optimiser can split a token such as "A2A2…" into
/// many short segments and need a larger version).
pub fn encode(text: &str) -> Result<QrCode, QrError> {
    let data = text.as_bytes();
    let auto = bits::encode_auto(data, EcLevel::M).ok();
    let runs = alphanumeric_runs(data).ok();
    let best = match (auto, runs) {
        (Some(a), Some(r)) if version_number(&a) < version_number(&r) => a,
        (_, Some(r)) => r,
        (Some(a), None) => a,
        (None, None) => return Err(QrError::TooLong),
    };
    symbol(best)
}

/// Error-correction codewords, function patterns, data, and the mask with the lowest penalty.
fn symbol(bits: Bits) -> Result<QrCode, QrError> {
    let version = bits.version();
    let Version::Normal(number) = version else {
        return Err(QrError::Encoding("unexpected Micro QR".into()));
    };
    let encoding = |e: qrcode::types::QrError| QrError::Encoding(e.to_string());
    let (data, ec) =
        construct_codewords(&bits.into_bytes(), version, EcLevel::M).map_err(encoding)?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let width = usize::try_from(version.width()).map_err(|_| QrError::Encoding("width".into()))?;
    let dark = MASKS
        .iter()
        .map(|&mask| {
            let mut masked = canvas.clone();
            masked.apply_mask(mask);
            let dark: Vec<bool> = masked
                .into_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            (penalty(&dark, width), dark)
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, dark)| dark)
        .ok_or_else(|| QrError::Encoding("no mask".into()))?;
    Ok(QrCode {
        version: number,
        width,
        dark,
    })
}

const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The mask penalty of ISO/IEC 18004 (7.8.3): long runs, 2 × 2 blocks, finder-like patterns
/// and dark/light imbalance. Rows and columns as bit masks (symbols up to 128 modules wide,
/// version 27); the qrcode crate computes the same module by module, ten times slower.
fn penalty(dark: &[bool], width: usize) -> u32 {
    if width > 128 {
        return scalar_penalty(dark, width);
    }
    let bits = |cells: &mut dyn Iterator<Item = bool>| {
        cells
            .enumerate()
            .fold(0u128, |acc, (i, d)| acc | (u128::from(d) << i))
    };
    let rows: Vec<u128> = (0..width)
        .map(|y| bits(&mut dark[y * width..(y + 1) * width].iter().copied()))
        .collect();
    let columns: Vec<u128> = (0..width)
        .map(|x| bits(&mut (0..width).map(|y| dark[y * width + x])))
        .collect();
    let full = u128::MAX >> (128 - width);
    let mut score: u32 = rows
        .iter()
        .chain(&columns)
        .map(|&l| line_bits_penalty(l, width, full))
        .sum();
    for pair in rows.windows(2) {
        let same_vertically = !(pair[0] ^ pair[1]) & full;
        let same_along = !(pair[0] ^ (pair[0] >> 1));
        let blocks = same_vertically & (same_vertically >> 1) & same_along & (full >> 1);
        score += 3 * blocks.count_ones();
    }
    score + balance_penalty(dark)
}

/// Runs and finder-like patterns in one row or column given as bits (bit i = module i).
fn line_bits_penalty(line: u128, width: usize, full: u128) -> u32 {
    const FINDER_THEN_LIGHT: [bool; 11] = [
        true, false, true, true, true, false, true, false, false, false, false,
    ];
    // equal: module i equals module i + 1; five: modules i..i+4 are one colour.
    let equal = !(line ^ (line >> 1)) & (full >> 1);
    let five = equal & (equal >> 1) & (equal >> 2) & (equal >> 3);
    let run_starts = five & !(five << 1);
    let runs = five.count_ones() + 2 * run_starts.count_ones();
    if width < 11 {
        return runs;
    }
    let starts = full >> 10;
    let (mut forward, mut backward) = (starts, starts);
    for (i, &dark) in FINDER_THEN_LIGHT.iter().enumerate() {
        let at = |offset: usize| {
            let shifted = line >> offset;
            if dark {
                shifted
            } else {
                !shifted
            }
        };
        forward &= at(i);
        backward &= at(10 - i);
    }
    runs + 40 * (forward.count_ones() + backward.count_ones())
}

/// 10 points for every 5 % the dark share is away from 50 %.
fn balance_penalty(dark: &[bool]) -> u32 {
    let dark_percent = dark.iter().filter(|&&d| d).count() * 100 / dark.len().max(1);
    10 * (dark_percent.abs_diff(50) / 5) as u32
}

/// The same penalty module by module, for symbols wider than 128 modules.
fn scalar_penalty(dark: &[bool], width: usize) -> u32 {
    let mut score = 0;
    for i in 0..width {
        score += line_penalty(dark[i * width..(i + 1) * width].iter().copied());
        score += line_penalty((0..width).map(|j| dark[j * width + i]));
    }
    for y in 1..width {
        let (above, row) = (
            &dark[(y - 1) * width..y * width],
            &dark[y * width..(y + 1) * width],
        );
        for x in 1..width {
            let c = row[x];
            if c == row[x - 1] && c == above[x] && c == above[x - 1] {
                score += 3;
            }
        }
    }
    score + balance_penalty(dark)
}

/// Runs of five or more (3 + excess) and finder-like 1:1:3:1:1 patterns beside four light
/// modules (40 each) in one row or column, in one pass with an 11-module rolling window.
fn line_penalty(line: impl Iterator<Item = bool>) -> u32 {
    const FINDER_THEN_LIGHT: u16 = 0b101_1101_0000;
    const LIGHT_THEN_FINDER: u16 = 0b000_0101_1101;
    let run_score = |run: u32| if run >= 5 { run - 2 } else { 0 };
    let (mut score, mut run, mut seen, mut window) = (0, 0, 0, 0u16);
    let mut last = None;
    for cell in line {
        window = ((window << 1) | u16::from(cell)) & 0x7FF;
        seen += 1;
        if seen >= 11 && (window == FINDER_THEN_LIGHT || window == LIGHT_THEN_FINDER) {
            score += 40;
        }
        if last == Some(cell) {
            run += 1;
        } else {
            score += run_score(run);
            run = 1;
            last = Some(cell);
        }
    }
    score + run_score(run)
}

/// The characters QR alphanumeric mode holds (11 bits per pair instead of 16 in byte mode).
fn is_alphanumeric(b: u8) -> bool {
    b.is_ascii_digit() || b.is_ascii_uppercase() || b" $%*+-./:".contains(&b)
}

/// Bits for `data` as alternating alphanumeric and byte segments, in the smallest version.
fn alphanumeric_runs(data: &[u8]) -> Result<Bits, QrError> {
    let segments: Vec<&[u8]> = data
        .chunk_by(|a, b| is_alphanumeric(*a) == is_alphanumeric(*b))
        .collect();
    for version in 1..=40 {
        let mut bits = Bits::new(Version::Normal(version));
        let pushed = segments.iter().try_for_each(|segment| {
            if is_alphanumeric(segment[0]) {
                bits.push_alphanumeric_data(segment)
            } else {
                bits.push_byte_data(segment)
            }
        });
        if pushed
            .and_then(|()| bits.push_terminator(EcLevel::M))
            .is_ok()
        {
            return Ok(bits);
        }
    }
    Err(QrError::TooLong)
}

fn version_number(bits: &Bits) -> i16 {
    match bits.version() {
        Version::Normal(v) | Version::Micro(v) => v,
    }
}

/// The version `text` would be encoded in, to check a token format against the card's space.
pub fn version_for(text: &str) -> Result<i16, QrError> {
    encode(text).map(|code| code.version())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "HTTP://LOCALHOST:8080/V#"; // 24 characters
    const BASE25: &str = "HTTPS://ID.EXAMPLE.GOV/V#"; // 25 characters

    /// A base32 (RFC 4648, upper case, no padding) token of `len` characters.
    fn token(len: usize) -> String {
        let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
        let mut text = data_encoding::BASE32_NOPAD.encode(&bytes);
        text.truncate(len);
        text
    }

    #[test]
    fn a_25_character_base_and_a_250_character_token_fit_in_version_10() {
        assert_eq!(BASE25.len(), 25);
        let version = version_for(&format!("{BASE25}{}", token(250))).unwrap();
        assert!(version <= 10, "version {version}");
    }

    #[test]
    fn typical_tokens_need_version_10() {
        for len in [240, 250, 260] {
            for base in [BASE, BASE25] {
                let version = version_for(&format!("{base}{}", token(len))).unwrap();
                assert_eq!(version, 10, "{} + {len}", base.len());
            }
        }
    }

    #[test]
    fn stays_alphanumeric() {
        // Version 10-M holds 311 alphanumeric characters but only 213 bytes.
        let text = format!("{BASE}{}", token(270));
        assert_eq!(version_for(&text).unwrap(), 10);
    }

    #[test]
    fn digits_inside_the_token_do_not_break_alphanumeric_mode() {
        let text = format!("{BASE}{}", "A2".repeat(125));
        assert_eq!(version_for(&text).unwrap(), 10);
        // Lower case has no alphanumeric form: byte mode, a larger version.
        assert!(version_for(&text.to_lowercase()).unwrap() > 10);
    }

    #[test]
    fn matrix_has_the_right_shape() {
        let code = encode(&format!("{BASE}{}", token(250))).unwrap();
        assert_eq!(code.width(), 17 + 4 * code.version() as usize);
        // The three finder patterns have dark corners; outside the symbol is light.
        let w = code.width();
        assert!(code.is_dark(0, 0) && code.is_dark(w - 1, 0) && code.is_dark(0, w - 1));
        assert!(!code.is_dark(w, 0) && !code.is_dark(0, w));
    }

    #[test]
    fn the_mask_is_one_the_library_could_have_chosen() {
        // Same data, same version: the symbol differs from the library's at most in the mask.
        let text = format!("{BASE25}{}", token(250));
        let ours = encode(&text).unwrap();
        let theirs =
            qrcode::QrCode::with_version(text.as_bytes(), Version::Normal(10), EcLevel::M).unwrap();
        assert_eq!(ours.width(), theirs.width());
        let functional_agree =
            (0..7).all(|y| (0..7).all(|x| ours.is_dark(x, y) == (theirs[(x, y)] == Color::Dark)));
        assert!(functional_agree, "finder patterns differ");
    }

    #[test]
    fn penalty_counts_runs_blocks_and_balance() {
        // All light, 21 × 21: 2 × 21 runs of 21 (19 each), 400 blocks, 50 % off balance.
        let score = penalty(&[false; 441], 21);
        assert_eq!(score, 42 * 19 + 400 * 3 + 100);
        let finder = [
            true, false, true, true, true, false, true, false, false, false, false,
        ];
        assert_eq!(line_penalty(finder.iter().copied()), 40);
        assert_eq!(line_penalty(finder.iter().rev().copied()), 40);
        assert_eq!(line_penalty([true; 7].into_iter()), 5);
    }

    #[test]
    fn bit_parallel_penalty_matches_module_by_module() {
        let mut state = 0x9E37_79B9_u32;
        for width in [21, 57, 101, 128] {
            for _ in 0..20 {
                let dark: Vec<bool> = (0..width * width)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 17;
                        state ^= state << 5;
                        state.is_multiple_of(3)
                    })
                    .collect();
                assert_eq!(
                    penalty(&dark, width),
                    scalar_penalty(&dark, width),
                    "{width}"
                );
            }
        }
    }

    #[test]
    fn refuses_what_cannot_fit() {
        assert_eq!(encode(&"A".repeat(5000)).unwrap_err(), QrError::TooLong);
    }
}
