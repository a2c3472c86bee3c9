//! Images as PDF image XObjects: the photo's JPEG bytes go in as they are (a `DCTDecode`
//! stream; only the header is read, for size and colour space, so there is no decoding, no
//! second generation of JPEG loss and no cost), and the logo PNG is decoded once at start-up
//! into a deflated RGB stream with a soft mask for its transparency.

use std::cell::RefCell;
use std::collections::BTreeMap;

use flate2::{Compress, Compression, FlushCompress, Status};
use image::imageops::FilterType;
use printpdf::{DictItem, ExternalStream, ExternalXObject};

use super::RenderError;

/// Largest logo side kept, in pixels (the logo prints about 7 mm wide: 80 px at 300 dpi).
const LOGO_MAX_SIDE: u32 = 240;
/// Largest logo accepted, in pixels, before scaling.
const LOGO_MAX_PIXELS: u64 = 16_000_000;

/// What the JPEG header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct JpegInfo {
    pub width: u32,
    pub height: u32,
    pub components: u8,
}

/// Reads the frame header of a baseline or progressive 8-bit JPEG with 1 or 3 components.
pub(super) fn jpeg_info(bytes: &[u8]) -> Result<JpegInfo, RenderError> {
    let invalid =
        |why: &str| RenderError::Invalid(format!("the photo is not a usable JPEG: {why}"));
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err(invalid("no JPEG signature"));
    }
    let tail = &bytes[bytes.len().saturating_sub(32)..];
    if !tail.windows(2).any(|w| w == [0xFF, 0xD9]) {
        return Err(invalid("it is truncated"));
    }
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return Err(invalid("damaged header"));
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            i += 2;
            continue;
        }
        let length = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        let segment = bytes
            .get(i + 4..i + 2 + length)
            .ok_or_else(|| invalid("damaged header"))?;
        match marker {
            0xC0..=0xC2 => return frame_info(segment).ok_or_else(|| invalid("unsupported frame")),
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                return Err(invalid("lossless or arithmetic coding"))
            }
            0xDA | 0xD9 => return Err(invalid("no frame header")),
            _ => i += 2 + length,
        }
    }
    Err(invalid("no frame header"))
}

fn frame_info(segment: &[u8]) -> Option<JpegInfo> {
    let [precision, h1, h0, w1, w0, components, ..] = *segment else {
        return None;
    };
    let info = JpegInfo {
        width: u32::from(u16::from_be_bytes([w1, w0])),
        height: u32::from(u16::from_be_bytes([h1, h0])),
        components,
    };
    let usable = precision == 8 && info.width > 0 && info.height > 0;
    (usable && matches!(components, 1 | 3)).then_some(info)
}

/// The photo as an image XObject holding the JPEG bytes unchanged.
pub(super) fn photo_xobject(jpeg: &[u8], info: JpegInfo) -> ExternalXObject {
    let color_space = if info.components == 1 {
        "DeviceGray"
    } else {
        "DeviceRGB"
    };
    let mut dict = image_dict(info.width, info.height, color_space);
    dict.insert("Filter".into(), name("DCTDecode"));
    xobject(dict, jpeg.to_vec())
}

/// A logo decoded, scaled and compressed once, ready to be added to every PDF.
pub(super) struct Logo {
    pub xobject: ExternalXObject,
    pub width: u32,
    pub height: u32,
}

impl Logo {
    pub(super) fn from_png(png: &[u8]) -> Result<Self, RenderError> {
        let invalid =
            |why: &str| RenderError::Invalid(format!("the logo is not a usable PNG: {why}"));
        let mut reader =
            image::ImageReader::with_format(std::io::Cursor::new(png), image::ImageFormat::Png);
        let mut limits = image::Limits::default();
        limits.max_alloc = Some(LOGO_MAX_PIXELS * 8);
        reader.limits(limits);
        let mut picture = reader
            .decode()
            .map_err(|_| invalid("it cannot be decoded"))?;
        if picture.width() > LOGO_MAX_SIDE || picture.height() > LOGO_MAX_SIDE {
            picture = picture.resize(LOGO_MAX_SIDE, LOGO_MAX_SIDE, FilterType::Lanczos3);
        }
        let rgba = picture.into_rgba8();
        let (width, height) = rgba.dimensions();
        let mut rgb = Vec::with_capacity(rgba.len() / 4 * 3);
        let mut alpha = Vec::with_capacity(rgba.len() / 4);
        for pixel in rgba.pixels() {
            rgb.extend_from_slice(&pixel.0[..3]);
            alpha.push(pixel.0[3]);
        }
        let mut dict = image_dict(width, height, "DeviceRGB");
        dict.insert("Filter".into(), name("FlateDecode"));
        if alpha.iter().any(|&a| a != 255) {
            let mut mask = image_dict(width, height, "DeviceGray");
            mask.insert("Filter".into(), name("FlateDecode"));
            let stream = ExternalStream {
                dict: mask,
                content: deflate(&alpha, Compression::best())?,
                compress: false,
            };
            dict.insert("SMask".into(), DictItem::Stream { stream });
        }
        Ok(Self {
            xobject: xobject(dict, deflate(&rgb, Compression::best())?),
            width,
            height,
        })
    }
}

fn image_dict(width: u32, height: u32, color_space: &str) -> BTreeMap<String, DictItem> {
    BTreeMap::from([
        ("Type".into(), name("XObject")),
        ("Subtype".into(), name("Image")),
        ("Width".into(), DictItem::Int(i64::from(width))),
        ("Height".into(), DictItem::Int(i64::from(height))),
        ("ColorSpace".into(), name(color_space)),
        ("BitsPerComponent".into(), DictItem::Int(8)),
    ])
}

/// An image XObject whose content is already compressed (so the PDF writer leaves it alone).
/// No pixel size is given: the page scales the unit square itself.
fn xobject(dict: BTreeMap<String, DictItem>, content: Vec<u8>) -> ExternalXObject {
    ExternalXObject {
        stream: ExternalStream {
            dict,
            content,
            compress: false,
        },
        width: None,
        height: None,
        dpi: None,
    }
}

fn name(value: &str) -> DictItem {
    DictItem::Name(value.as_bytes().to_vec())
}

/// zlib (`FlateDecode`) at the given level, with this thread's compressor for that level,
/// reset for each stream: a new one allocates and zeroes some 300 KB, which for a card's eight
/// small streams was a sixth of the card's time.
pub(super) fn deflate(bytes: &[u8], level: Compression) -> Result<Vec<u8>, RenderError> {
    thread_local! {
        static COMPRESSORS: RefCell<Vec<(u32, Compress)>> = const { RefCell::new(Vec::new()) };
    }
    let failed =
        |e: &dyn std::fmt::Display| RenderError::Pdf(format!("cannot compress a stream: {e}"));
    COMPRESSORS.with_borrow_mut(|compressors| {
        let index = match compressors.iter().position(|(l, _)| *l == level.level()) {
            Some(index) => index,
            None => {
                compressors.push((level.level(), Compress::new(level, true)));
                compressors.len() - 1
            }
        };
        let compress = &mut compressors[index].1;
        compress.reset();
        let mut out = Vec::with_capacity(bytes.len() / 2 + 64);
        loop {
            let read = usize::try_from(compress.total_in()).map_err(|e| failed(&e))?;
            let rest = bytes.get(read..).unwrap_or_default();
            match compress.compress_vec(rest, &mut out, FlushCompress::Finish) {
                Ok(Status::StreamEnd) => return Ok(out),
                // The output is full: room for more, and on.
                Ok(Status::Ok | Status::BufError) => out.reserve(out.capacity().max(64)),
                Err(e) => return Err(failed(&e)),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One compressor per thread and level, reset for each stream: every stream inflates back
    /// to itself, whatever came before it (an incompressible one larger than the first guess
    /// at its size, an empty one, another level in between).
    #[test]
    fn each_stream_inflates_back_to_itself_with_the_compressor_reused() {
        use std::io::Read;
        let mut state = 0x2545_f491_u32;
        let noise: Vec<u8> = (0..200_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state.to_le_bytes()[0]
            })
            .collect();
        let text = b"BT /F1 8 Tf 10 10 Td (4716 0392 8850) Tj ET\n".repeat(300);
        let streams: [(&[u8], Compression); 5] = [
            (&text, Compression::fast()),
            (&noise, Compression::fast()),
            (b"", Compression::fast()),
            (&text[..100], Compression::best()),
            (&text, Compression::fast()),
        ];
        for (bytes, level) in streams {
            let packed = deflate(bytes, level).unwrap();
            let mut back = Vec::new();
            flate2::read::ZlibDecoder::new(packed.as_slice())
                .read_to_end(&mut back)
                .unwrap();
            assert_eq!(
                back,
                bytes,
                "{} bytes at level {}",
                bytes.len(),
                level.level()
            );
        }
    }

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
            .encode_image(&image::RgbImage::from_pixel(
                width,
                height,
                image::Rgb([90, 120, 150]),
            ))
            .unwrap();
        out
    }

    #[test]
    fn reads_the_frame_header() {
        let info = jpeg_info(&jpeg(300, 400)).unwrap();
        assert_eq!(
            info,
            JpegInfo {
                width: 300,
                height: 400,
                components: 3
            }
        );
    }

    #[test]
    fn refuses_what_is_not_a_jpeg() {
        assert!(jpeg_info(b"\x89PNG\r\n\x1a\n....").is_err());
        let mut truncated = jpeg(100, 100);
        truncated.truncate(truncated.len() / 2);
        assert!(jpeg_info(&truncated).is_err());
        assert!(jpeg_info(&[0xFF, 0xD8, 0xFF, 0xD9]).is_err());
        assert!(jpeg_info(&[]).is_err());
    }

    #[test]
    fn the_photo_stream_is_the_jpeg_itself() {
        let bytes = jpeg(120, 160);
        let x = photo_xobject(&bytes, jpeg_info(&bytes).unwrap());
        assert_eq!(x.stream.content, bytes);
        assert!(!x.stream.compress);
        assert_eq!(x.stream.dict.get("Filter"), Some(&name("DCTDecode")));
    }

    #[test]
    fn a_transparent_logo_gets_a_soft_mask() {
        let mut png = Vec::new();
        image::DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
            600,
            300,
            image::Rgba([10, 20, 30, 0]),
        ))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
        let logo = Logo::from_png(&png).unwrap();
        assert_eq!((logo.width, logo.height), (240, 120));
        assert!(logo.xobject.stream.dict.contains_key("SMask"));
        assert!(Logo::from_png(b"not a png").is_err());
    }
}
