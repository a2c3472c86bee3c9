//! XChaCha20-Poly1305 with a random 192-bit nonce, framed as `version || nonce || ciphertext`.

use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

use super::secret::SecretKey;
use super::CryptoError;

const FORMAT_VERSION: u8 = 1;
const NONCE_LEN: usize = 24;

pub fn seal(key: &SecretKey, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
    let cipher = XChaCha20Poly1305::new(Key::from_slice(key.expose()));
    let nonce = XChaCha20Poly1305::generate_nonce(&mut OsRng);
    let ciphertext = cipher
        .encrypt(
            &nonce,
            Payload {
                msg: plaintext,
                aad,
            },
        )
        .map_err(|_| CryptoError::SealFailed)?;
    let mut framed = Vec::with_capacity(1 + NONCE_LEN + ciphertext.len());
    framed.push(FORMAT_VERSION);
    framed.extend_from_slice(&nonce);
    framed.extend_from_slice(&ciphertext);
    Ok(framed)
}

pub fn open(key: &SecretKey, aad: &[u8], framed: &[u8]) -> Result<Zeroizing<Vec<u8>>, CryptoError> {
    if framed.len() < 1 + NONCE_LEN + 16 || framed[0] != FORMAT_VERSION {
        return Err(CryptoError::Malformed);
    }
    let cipher = XChaCha20Poly1305::new(Key::from_slice(key.expose()));
    let nonce = XNonce::from_slice(&framed[1..1 + NONCE_LEN]);
    cipher
        .decrypt(
            nonce,
            Payload {
                msg: &framed[1 + NONCE_LEN..],
                aad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| CryptoError::OpenFailed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_every_tamper_fails() {
        let key = SecretKey::generate();
        let sealed = seal(&key, b"aad", b"hello").unwrap();
        assert_eq!(open(&key, b"aad", &sealed).unwrap().as_slice(), b"hello");
        assert!(open(&key, b"other aad", &sealed).is_err());
        assert!(open(&SecretKey::generate(), b"aad", &sealed).is_err());
        for i in 0..sealed.len() {
            let mut bad = sealed.clone();
            bad[i] ^= 0x01;
            assert!(open(&key, b"aad", &bad).is_err(), "byte {i}");
        }
        assert!(open(&key, b"aad", &sealed[..10]).is_err());
    }

    #[test]
    fn same_plaintext_seals_differently() {
        let key = SecretKey::generate();
        assert_ne!(
            seal(&key, b"", b"x").unwrap(),
            seal(&key, b"", b"x").unwrap()
        );
    }
}
