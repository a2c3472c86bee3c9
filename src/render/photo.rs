//! The card photo: accepted only if it decodes as JPEG or PNG within size limits, then turned
//! upright, scaled to fit the card's box and re-encoded as JPEG. Re-encoding drops every byte of
//! metadata (phone photos carry GPS positions, camera serial numbers, dates).

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

#[derive(Debug, Clone, Copy)]
pub struct PhotoLimits {
    pub max_bytes: usize,
    pub max_pixels: u64,
    pub max_width: u32,
    pub max_height: u32,
    pub jpeg_quality: u8,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PhotoError {
    #[error("the photo is larger than {0} bytes")]
    TooLarge(usize),
    #[error("the photo has more than {0} pixels")]
    TooManyPixels(u64),
    #[error("the photo must be a JPEG or PNG image")]
    UnsupportedFormat,
    #[error("the photo could not be read as an image")]
    Undecodable,
    #[error("the photo is too small to print (at least 100 × 100 pixels)")]
    TooSmall,
}

const MIN_SIDE: u32 = 100;

/// Checks, orients, scales and re-encodes a photo; returns JPEG bytes without metadata.
pub fn normalize(bytes: &[u8], limits: &PhotoLimits) -> Result<Vec<u8>, PhotoError> {
    if bytes.len() > limits.max_bytes {
        return Err(PhotoError::TooLarge(limits.max_bytes));
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoError::UnsupportedFormat)?;
    if !matches!(format, ImageFormat::Jpeg | ImageFormat::Png) {
        return Err(PhotoError::UnsupportedFormat);
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut decoder_limits = Limits::default();
    decoder_limits.max_alloc = Some(limits.max_pixels.saturating_mul(4));
    reader.limits(decoder_limits);
    let mut decoder = reader.into_decoder().map_err(|_| PhotoError::Undecodable)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > limits.max_pixels {
        return Err(PhotoError::TooManyPixels(limits.max_pixels));
    }
    if width < MIN_SIDE || height < MIN_SIDE {
        return Err(PhotoError::TooSmall);
    }
    let orientation = decoder.orientation().ok();
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|_| PhotoError::Undecodable)?;
    if let Some(orientation) = orientation {
        picture.apply_orientation(orientation);
    }
    if picture.width() > limits.max_width || picture.height() > limits.max_height {
        picture = picture.resize(limits.max_width, limits.max_height, FilterType::Triangle);
    }
    let rgb = flatten_on_white(picture);
    let mut out = Vec::with_capacity(64 * 1024);
    JpegEncoder::new_with_quality(&mut out, limits.jpeg_quality)
        .encode_image(&rgb)
        .map_err(|_| PhotoError::Undecodable)?;
    Ok(out)
}

/// Transparent pixels print white, not black.
fn flatten_on_white(picture: DynamicImage) -> image::RgbImage {
    if !picture.color().has_alpha() {
        return picture.into_rgb8();
    }
    let rgba = picture.into_rgba8();
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let blend =
            |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([blend(r), blend(g), blend(b)])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> PhotoLimits {
        PhotoLimits {
            max_bytes: 5_000_000,
            max_pixels: 40_000_000,
            max_width: 600,
            max_height: 800,
            jpeg_quality: 85,
        }
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_pixel(width, height, image::Rgba([200, 100, 50, 255]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(img)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_png_becomes_a_bounded_jpeg() {
        let out = normalize(&png(1200, 1600), &limits()).unwrap();
        assert_eq!(image::guess_format(&out).unwrap(), ImageFormat::Jpeg);
        let decoded = image::load_from_memory(&out).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (600, 800));
    }

    #[test]
    fn metadata_does_not_survive() {
        // A JPEG with an EXIF segment holding a marker string.
        let mut jpeg = Vec::new();
        JpegEncoder::new_with_quality(&mut jpeg, 90)
            .encode_image(&image::RgbImage::from_pixel(
                200,
                200,
                image::Rgb([9, 9, 9]),
            ))
            .unwrap();
        let marker = b"Exif\0\0GPS-SENTINEL-42.3601N";
        let mut with_exif = jpeg[..2].to_vec();
        with_exif.extend_from_slice(&[0xFF, 0xE1, 0, (marker.len() + 2) as u8]);
        with_exif.extend_from_slice(marker);
        with_exif.extend_from_slice(&jpeg[2..]);
        let out = normalize(&with_exif, &limits()).unwrap();
        assert!(!out.windows(12).any(|w| w == b"GPS-SENTINEL"));
    }

    #[test]
    fn refuses_what_is_not_a_photo() {
        assert_eq!(
            normalize(b"GIF89a....", &limits()),
            Err(PhotoError::UnsupportedFormat)
        );
        assert_eq!(
            normalize(b"hello world", &limits()),
            Err(PhotoError::UnsupportedFormat)
        );
        let mut truncated = png(300, 300);
        truncated.truncate(60);
        assert_eq!(
            normalize(&truncated, &limits()),
            Err(PhotoError::Undecodable)
        );
        assert_eq!(
            normalize(&png(50, 50), &limits()),
            Err(PhotoError::TooSmall)
        );
        let small = PhotoLimits {
            max_pixels: 10_000,
            ..limits()
        };
        assert_eq!(
            normalize(&png(300, 300), &small),
            Err(PhotoError::TooManyPixels(10_000))
        );
        let tiny = PhotoLimits {
            max_bytes: 10,
            ..limits()
        };
        assert_eq!(
            normalize(&png(300, 300), &tiny),
            Err(PhotoError::TooLarge(10))
        );
    }
}
