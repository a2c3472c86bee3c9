//! The card's QR code: the verifier address with the signed token, encoded at error-correction
//! level M with optimal segmentation, so an upper-case URL and a base32 token stay in the
//! compact alphanumeric mode (only a character such as `#` costs a one-byte segment).

use qrcode::bits::{self, Bits};
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
    let code = qrcode::QrCode::with_bits(best, EcLevel::M)
        .map_err(|e| QrError::Encoding(e.to_string()))?;
    let version = match code.version() {
        Version::Normal(v) => v,
        Version::Micro(_) => return Err(QrError::Encoding("unexpected Micro QR".into())),
    };
    let width = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == Color::Dark)
        .collect();
    Ok(QrCode {
        version,
        width,
        dark,
    })
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
        if pushed.and_then(|()| bits.push_terminator(EcLevel::M)).is_ok() {
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
    fn refuses_what_cannot_fit() {
        assert_eq!(encode(&"A".repeat(5000)).unwrap_err(), QrError::TooLong);
    }
}
