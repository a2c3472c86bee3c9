//! The card photo: accepted only if it decodes as JPEG or PNG within size limits, then turned
//! upright, scaled to fit the card's box and re-encoded as JPEG. Re-encoding drops every byte of
//! metadata (phone photos carry GPS positions, camera serial numbers, dates).
//!
//! Memory is bounded whatever the input: a pixel limit fitted to what a card needs, a limit on
//! how far a file may expand when decoded (a small file that decodes to a huge image is refused
//! before it is decoded), JPEG decoded with DCT scaling straight to about the card's size, and
//! only a few decodes at once.

use std::io::Cursor;
use std::sync::{Condvar, Mutex};

use image::codecs::jpeg::JpegEncoder;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

#[derive(Debug, Clone, Copy)]
pub struct PhotoLimits {
    pub max_bytes: usize,
    pub max_pixels: u64,
    /// Decoded bytes allowed per byte of file, above `EXPANSION_FLOOR`.
    pub max_expansion: u64,
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
    #[error("the photo decodes to more than {0} times its file size; save it again as a JPEG")]
    Overcompressed(u64),
    #[error("the photo must be a JPEG or PNG image")]
    UnsupportedFormat,
    #[error("the photo could not be read as an image")]
    Undecodable,
    #[error("the photo is too small to print (at least 100 × 100 pixels)")]
    TooSmall,
}

const MIN_SIDE: u32 = 100;

/// A decoded image this small is accepted whatever its file size (a flat test card compresses
/// to almost nothing and harms no one).
pub const EXPANSION_FLOOR: u64 = 8 * 1024 * 1024;

/// Decoded bytes per pixel a PNG may take: 8-bit RGBA. A 16-bit PNG counts double, so it is
/// allowed half the pixels.
const PNG_BYTES_PER_PIXEL: u64 = 4;

/// Normalises photos, a few at a time.
pub struct PhotoNormalizer {
    limits: PhotoLimits,
    slots: Mutex<usize>,
    freed: Condvar,
}

impl PhotoNormalizer {
    /// At most `at_once` photos are decoded at the same time; the others wait their turn.
    pub fn new(limits: PhotoLimits, at_once: usize) -> Self {
        Self {
            limits,
            slots: Mutex::new(at_once.max(1)),
            freed: Condvar::new(),
        }
    }

    pub fn limits(&self) -> &PhotoLimits {
        &self.limits
    }

    /// Checks, orients, scales and re-encodes a photo; returns JPEG bytes without metadata.
    /// Blocking: waits for a decode slot.
    pub fn normalize(&self, bytes: &[u8]) -> Result<Vec<u8>, PhotoError> {
        let _slot = self.take_slot();
        normalize(bytes, &self.limits)
    }

    fn take_slot(&self) -> DecodeSlot<'_> {
        let mut free = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        while *free == 0 {
            free = self.freed.wait(free).unwrap_or_else(|p| p.into_inner());
        }
        *free -= 1;
        DecodeSlot(self)
    }
}

/// A decode slot, given back when dropped (a panic included).
struct DecodeSlot<'a>(&'a PhotoNormalizer);

impl Drop for DecodeSlot<'_> {
    fn drop(&mut self) {
        *self.0.slots.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        self.0.freed.notify_one();
    }
}

/// Checks, orients, scales and re-encodes a photo; returns JPEG bytes without metadata.
pub fn normalize(bytes: &[u8], limits: &PhotoLimits) -> Result<Vec<u8>, PhotoError> {
    if bytes.len() > limits.max_bytes {
        return Err(PhotoError::TooLarge(limits.max_bytes));
    }
    let format = image::guess_format(bytes).map_err(|_| PhotoError::UnsupportedFormat)?;
    // A decoder that panics on a crafted file (jpeg-decoder does on a frame of two
    // components) refuses the photo instead of failing the request.
    let decoded = std::panic::catch_unwind(|| match format {
        ImageFormat::Jpeg => decode_jpeg(bytes, limits),
        ImageFormat::Png => decode_png(bytes, limits),
        _ => Err(PhotoError::UnsupportedFormat),
    });
    let (picture, orientation) = decoded.map_err(|_| PhotoError::Undecodable)??;
    let mut picture = fit(picture, limits, orientation);
    if let Some(orientation) = orientation {
        picture.apply_orientation(orientation);
    }
    let rgb = flatten_on_white(picture);
    let mut out = Vec::with_capacity(64 * 1024);
    JpegEncoder::new_with_quality(&mut out, limits.jpeg_quality)
        .encode_image(&rgb)
        .map_err(|_| PhotoError::Undecodable)?;
    Ok(out)
}

/// The pixel limit, the minimum size and the expansion limit, before anything is decoded.
fn check_size(
    width: u32,
    height: u32,
    decoded_bytes: u64,
    file_bytes: usize,
    limits: &PhotoLimits,
) -> Result<(), PhotoError> {
    if u64::from(width) * u64::from(height) > limits.max_pixels {
        return Err(PhotoError::TooManyPixels(limits.max_pixels));
    }
    if width < MIN_SIDE || height < MIN_SIDE {
        return Err(PhotoError::TooSmall);
    }
    let allowed = (file_bytes as u64)
        .saturating_mul(limits.max_expansion)
        .max(EXPANSION_FLOOR);
    if decoded_bytes > allowed {
        return Err(PhotoError::Overcompressed(limits.max_expansion));
    }
    Ok(())
}

/// The box the picture must fit, in its stored orientation (a photo stored on its side fits
/// the box turned).
fn box_for(limits: &PhotoLimits, orientation: Option<Orientation>) -> (u32, u32) {
    use Orientation::*;
    match orientation {
        Some(Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH) => {
            (limits.max_height, limits.max_width)
        }
        _ => (limits.max_width, limits.max_height),
    }
}

/// The size `width` × `height` takes when fitted within the box, never enlarged.
fn fitted(width: u32, height: u32, (box_w, box_h): (u32, u32)) -> (u32, u32) {
    let scale = (f64::from(box_w) / f64::from(width))
        .min(f64::from(box_h) / f64::from(height))
        .min(1.0);
    let side = |v: u32| ((f64::from(v) * scale).ceil() as u32).max(1);
    (side(width), side(height))
}

/// Scales down into the box (area averaging, no full-size intermediate).
fn fit(
    picture: DynamicImage,
    limits: &PhotoLimits,
    orientation: Option<Orientation>,
) -> DynamicImage {
    let (box_w, box_h) = box_for(limits, orientation);
    if picture.width() > box_w || picture.height() > box_h {
        picture.thumbnail(box_w, box_h)
    } else {
        picture
    }
}

/// JPEG, decoded with DCT scaling: a 12-megapixel photo decodes at 1/4 or 1/8 of its size.
fn decode_jpeg(
    bytes: &[u8],
    limits: &PhotoLimits,
) -> Result<(DynamicImage, Option<Orientation>), PhotoError> {
    use jpeg_decoder::{Decoder, PixelFormat};
    let mut decoder = Decoder::new(Cursor::new(bytes));
    decoder.read_info().map_err(|_| PhotoError::Undecodable)?;
    let info = decoder.info().ok_or(PhotoError::Undecodable)?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    let orientation = decoder.exif_data().and_then(Orientation::from_exif_chunk);
    let (want_w, want_h) = fitted(width, height, box_for(limits, orientation));
    let (out_w, out_h) = decoder
        .scale(
            u16::try_from(want_w).unwrap_or(u16::MAX),
            u16::try_from(want_h).unwrap_or(u16::MAX),
        )
        .map_err(|_| PhotoError::Undecodable)?;
    let (out_w, out_h) = (u32::from(out_w), u32::from(out_h));
    let bytes_per_pixel = info.pixel_format.pixel_bytes() as u64;
    let decoded = u64::from(out_w) * u64::from(out_h) * bytes_per_pixel;
    check_size(width, height, decoded, bytes.len(), limits)?;
    decoder.set_max_decoding_buffer_size(
        usize::try_from(decoded.max(EXPANSION_FLOOR)).unwrap_or(usize::MAX),
    );
    let pixels = decoder.decode().map_err(|_| PhotoError::Undecodable)?;
    let picture = match info.pixel_format {
        PixelFormat::L8 => {
            image::GrayImage::from_raw(out_w, out_h, pixels).map(DynamicImage::ImageLuma8)
        }
        PixelFormat::RGB24 => {
            image::RgbImage::from_raw(out_w, out_h, pixels).map(DynamicImage::ImageRgb8)
        }
        PixelFormat::L16 => {
            let wide = pixels
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            image::ImageBuffer::from_raw(out_w, out_h, wide).map(DynamicImage::ImageLuma16)
        }
        PixelFormat::CMYK32 => {
            let rgb = pixels
                .chunks_exact(4)
                .flat_map(|cmyk| {
                    let k = u16::from(cmyk[3]);
                    [0, 1, 2].map(|i| ((u16::from(cmyk[i]) * k) / 255) as u8)
                })
                .collect();
            image::RgbImage::from_raw(out_w, out_h, rgb).map(DynamicImage::ImageRgb8)
        }
    }
    .ok_or(PhotoError::Undecodable)?;
    Ok((picture, orientation))
}

/// PNG: its decoded size (16-bit channels count double) is checked before it is decoded.
fn decode_png(
    bytes: &[u8],
    limits: &PhotoLimits,
) -> Result<(DynamicImage, Option<Orientation>), PhotoError> {
    let mut reader = ImageReader::with_format(Cursor::new(bytes), ImageFormat::Png);
    let mut decoder_limits = Limits::default();
    decoder_limits.max_alloc = Some(limits.max_pixels.saturating_mul(PNG_BYTES_PER_PIXEL));
    reader.limits(decoder_limits);
    let mut decoder = reader.into_decoder().map_err(|_| PhotoError::Undecodable)?;
    let (width, height) = decoder.dimensions();
    check_size(width, height, decoder.total_bytes(), bytes.len(), limits)?;
    if decoder.total_bytes() > limits.max_pixels.saturating_mul(PNG_BYTES_PER_PIXEL) {
        return Err(PhotoError::TooManyPixels(limits.max_pixels));
    }
    let orientation = decoder.orientation().ok();
    let picture = DynamicImage::from_decoder(decoder).map_err(|_| PhotoError::Undecodable)?;
    Ok((picture, orientation))
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
            max_pixels: 12_000_000,
            max_expansion: 100,
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

    /// A JPEG of `width` × `height` with an EXIF orientation tag (1 = upright, 6 = stored on
    /// its side, to be turned 90° clockwise).
    fn jpeg_with_orientation(width: u32, height: u32, orientation: u8) -> Vec<u8> {
        let mut jpeg = Vec::new();
        let img = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x * y) % 239) as u8])
        });
        JpegEncoder::new_with_quality(&mut jpeg, 90)
            .encode_image(&img)
            .unwrap();
        let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0".to_vec();
        exif.extend_from_slice(&[orientation, 0, 0, 0, 0, 0, 0]);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&exif);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn a_large_jpeg_is_scaled_to_the_box_and_turned_upright() {
        let out = normalize(&jpeg_with_orientation(2400, 1800, 1), &limits()).unwrap();
        let decoded = image::load_from_memory(&out).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (600, 450));
        // Stored on its side: fitted to the turned box, then turned upright.
        let out = normalize(&jpeg_with_orientation(1600, 1200, 6), &limits()).unwrap();
        let decoded = image::load_from_memory(&out).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (600, 800));
    }

    /// A PNG whose pixels are all alike: a small file that decodes to a large image.
    fn flat_png16(width: u32, height: u32) -> Vec<u8> {
        let img: image::ImageBuffer<image::Rgba<u16>, Vec<u16>> =
            image::ImageBuffer::from_pixel(width, height, image::Rgba([9000, 100, 50, 65535]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba16(img)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn a_photo_bomb_is_refused_before_it_is_decoded() {
        // 2000 × 1500 16-bit RGBA: 24 MB decoded from a file of about a hundred kilobytes.
        let bomb = flat_png16(2000, 1500);
        assert!(bomb.len() * 100 < 24_000_000, "{}", bomb.len());
        assert_eq!(
            normalize(&bomb, &limits()),
            Err(PhotoError::Overcompressed(100))
        );
        // Allowed any expansion, a 16-bit image still counts its bytes against the pixel limit.
        let lax = PhotoLimits {
            max_expansion: u64::MAX,
            max_pixels: 4_000_000,
            ..limits()
        };
        assert_eq!(
            normalize(&flat_png16(1800, 1800), &lax),
            Err(PhotoError::TooManyPixels(4_000_000))
        );
        // Under both limits it is a photo like any other.
        let out = normalize(&flat_png16(400, 300), &lax).unwrap();
        assert_eq!(image::guess_format(&out).unwrap(), ImageFormat::Jpeg);
    }

    #[test]
    fn a_jpeg_the_decoder_panics_on_is_refused() {
        // A baseline frame header (SOF0) declaring two components: jpeg-decoder parses it,
        // then panics when asked what pixels it would give.
        let mut jpeg = vec![
            0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x0E, 0x08, 0x01, 0x00, 0x01, 0x00, 0x02,
        ];
        jpeg.extend_from_slice(&[0x01, 0x11, 0x00, 0x02, 0x11, 0x00]);
        jpeg.extend_from_slice(&[0xFF, 0xD9]);
        assert_eq!(normalize(&jpeg, &limits()), Err(PhotoError::Undecodable));
        let normalizer = PhotoNormalizer::new(limits(), 1);
        assert!(normalizer.normalize(&jpeg).is_err());
        assert_eq!(*normalizer.slots.lock().unwrap(), 1, "the slot came back");
    }

    #[test]
    fn decodes_wait_for_a_free_slot() {
        let normalizer = std::sync::Arc::new(PhotoNormalizer::new(limits(), 1));
        let photo = png(300, 300);
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let (normalizer, photo) = (normalizer.clone(), photo.clone());
                std::thread::spawn(move || normalizer.normalize(&photo).is_ok())
            })
            .collect();
        assert!(threads.into_iter().all(|t| t.join().unwrap()));
        assert_eq!(*normalizer.slots.lock().unwrap(), 1);
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
