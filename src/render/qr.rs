//! The card's QR code: the verifier address with the signed token, encoded at error-correction
//! level M with optimal segmentation, so an upper-case URL and a base32 token stay in the
//! compact alphanumeric mode (only a character such as `#` costs a one-byte segment).

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

/// Encodes `text` at level M in the smallest version that holds it.
pub fn encode(text: &str) -> Result<QrCode, QrError> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| match e {
            qrcode::types::QrError::DataTooLong => QrError::TooLong,
            other => QrError::Encoding(other.to_string()),
        })?;
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
