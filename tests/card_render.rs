//! The card PDF checked with the tools a print shop would use: `pdfinfo` (pages and size),
//! `pdftotext` (names print exactly, nothing outside the card), `pdftoppm` + `zbarimg` (the
//! printed QR code scans back to its text). The tools come from the Debian packages
//! poppler-utils and zbar-tools; a missing tool fails the test, it is never skipped.

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use muni_id::i18n::catalogue;
use muni_id::render::card_pdf::{
    CardBranding, CardPrint, CardRenderer, CardWording, RenderError, Unoffered,
};
use muni_id::render::card_words;

const NAMES: [&str; 5] = [
    "José Núñez",
    "Nguyễn Thị Minh Khai",
    "Łukasz Żółć",
    "محمد الأمين",
    "王小明",
];
const LATIN: [&str; 3] = ["José Núñez", "Nguyễn Thị Minh Khai", "Łukasz Żółć"];
const CARD_W_PT: f64 = 85.60 / 25.4 * 72.0;
const CARD_H_PT: f64 = 53.98 / 25.4 * 72.0;
const MARGIN_PT: f64 = 1.8 / 25.4 * 72.0;

fn branding() -> CardBranding {
    CardBranding {
        jurisdiction: "City of Springfield".into(),
        accent_rgb: [0, 82, 147],
        logo_png: None,
        return_if_found: "If found, return to any City Hall.".into(),
        verify_hint: "Check this card: scan the code or visit id.springfield.gov/v".into(),
    }
}

fn photo_jpeg() -> Vec<u8> {
    let png = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/photo.png"))
        .expect("fixture photo");
    let picture = image::load_from_memory(&png)
        .expect("fixture decodes")
        .into_rgb8();
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut Cursor::new(&mut jpeg), 85)
        .encode_image(&picture)
        .expect("JPEG encodes");
    jpeg
}

/// "HTTP://LOCALHOST:8080/V#" and a 250-character base32 token, different per card.
fn qr_text(seed: u8) -> String {
    let bytes: Vec<u8> = (0..156u32)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect();
    let token = data_encoding::BASE32_NOPAD.encode(&bytes);
    format!("HTTP://LOCALHOST:8080/V#{}", &token[..250])
}

fn card(name: &str, seed: u8) -> CardPrint {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    CardPrint {
        legal_name: name.into(),
        preferred_name: (seed == 0).then(|| "Pepe".into()),
        date_of_birth: date(1988, 4, 7),
        card_number: format!("4716 0392 885{seed}"),
        issued_on: date(2026, 11, 2),
        expires_on: date(2031, 11, 2),
        gender: ["M", "F", "X"]
            .get(usize::from(seed))
            .map(|g| (*g).to_owned()),
        veteran: seed == 0,
        photo_jpeg: photo_jpeg(),
        qr_text: qr_text(seed),
        address_lines: if seed == 0 {
            vec![
                "123 Main Street, Apt 4".into(),
                "Springfield, MA 01103".into(),
            ]
        } else {
            Vec::new()
        },
        languages: if seed == 0 {
            vec!["es".into(), "en".into()]
        } else {
            vec!["ar".into()]
        },
        emergency_contact: (seed < 2).then(|| "Ana Núñez · +1 413 555 0100".into()),
        organ_donor: seed.is_multiple_of(2),
        second_language: None,
    }
}

fn cards() -> Vec<CardPrint> {
    NAMES
        .iter()
        .zip(0u8..)
        .map(|(name, seed)| card(name, seed))
        .collect()
}

/// Runs a tool and returns its standard output; a missing or failing tool fails the test.
fn run(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("`{tool}` is needed (apt-get install -y poppler-utils zbar-tools): {e}")
    });
    assert!(
        output.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn write_pdf(dir: &Path, bytes: &[u8]) -> PathBuf {
    let path = dir.join("cards.pdf");
    std::fs::write(&path, bytes).expect("PDF written");
    path
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

#[test]
fn pdfinfo_sees_two_cr80_pages_per_card() {
    let renderer = CardRenderer::new(branding()).expect("renderer");
    let cards = cards();
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(dir.path(), &renderer.render(&cards).expect("rendered"));
    let pages = (2 * cards.len()).to_string();
    let info = run("pdfinfo", &["-f", "1", "-l", &pages, path_str(&pdf)]);
    let count = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(str::trim);
    assert_eq!(count, Some(pages.as_str()), "{info}");
    let sizes: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size:"))
        .collect();
    assert_eq!(sizes.len(), 2 * cards.len(), "{info}");
    for line in sizes {
        assert!(is_cr80(line), "{line}");
    }
}

/// A `pdfinfo` page size line that says 85.60 × 53.98 mm (242.65 × 153.01 pt).
fn is_cr80(line: &str) -> bool {
    let numbers: Vec<f64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let [.., w, h] = numbers[..] else {
        return false;
    };
    (w - 242.65).abs() < 0.01 && (h - 153.01).abs() < 0.01
}

/// Page `page` of `pdf` at 300 dpi, written to `prefix`.png; returns that path.
fn page_png(pdf: &Path, page: &str, prefix: &Path) -> PathBuf {
    let args = ["-r", "300", "-png", "-singlefile", "-f", page, "-l", page];
    let paths = [path_str(pdf), path_str(prefix)];
    run("pdftoppm", &[&args[..], &paths[..]].concat());
    let png = prefix.with_extension("png");
    assert!(png.exists(), "{}", png.display());
    png
}

#[test]
fn pdftotext_finds_the_names_exactly_and_nothing_outside_the_card() {
    let renderer = CardRenderer::new(branding()).expect("renderer");
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(dir.path(), &renderer.render(&cards()).expect("rendered"));
    let text = run("pdftotext", &["-enc", "UTF-8", path_str(&pdf), "-"]);
    for name in LATIN {
        assert!(text.contains(name), "{name} missing from:\n{text}");
    }
    // Arabic comes out in logical order, wrapped in bidi embedding marks. (Poppler spells the
    // lam-alef ligature of "الأمين" backwards, so only the first word is compared.)
    let plain: String = text
        .chars()
        .filter(|c| !('\u{202A}'..='\u{202E}').contains(c))
        .collect();
    for name in ["محمد", "王小明"] {
        assert!(plain.contains(name), "{name} missing from:\n{text}");
    }
    for expected in [
        "City of Springfield",
        "Pepe",
        "4716 0392 8850",
        "7 Apr 1988",
        "Veteran",
        "Spanish, English",
    ] {
        assert!(
            text.to_lowercase().contains(&expected.to_lowercase()),
            "{expected} missing from:\n{text}"
        );
    }
    assert_inside_card(&pdf);
}

/// Every word `pdftotext` finds lies inside the card's safe margin.
fn assert_inside_card(pdf: &Path) {
    let outside = words_outside_card(pdf);
    assert!(outside.is_empty(), "outside the card: {outside:?}");
}

/// The words `pdftotext` finds outside the card's safe margin.
fn words_outside_card(pdf: &Path) -> Vec<String> {
    let html = run("pdftotext", &["-bbox", path_str(pdf), "-"]);
    let mut outside = Vec::new();
    for word in html.lines().filter(|l| l.trim_start().starts_with("<word")) {
        let attr = |name: &str| -> f64 {
            let start = word.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
            let end = start + word[start..].find('"').expect("closing quote");
            word[start..end].parse().expect("number")
        };
        let (x0, x1) = (attr("xMin"), attr("xMax"));
        let (y0, y1) = (attr("yMin"), attr("yMax"));
        let inside_x = x0 >= MARGIN_PT && x1 <= CARD_W_PT - MARGIN_PT;
        let inside_y = y0 >= 0.0 && y1 <= CARD_H_PT - MARGIN_PT / 2.0;
        if !(inside_x && inside_y) {
            outside.push(word.trim().to_owned());
        }
    }
    outside
}

/// A name in each script residents write, as written (with conjuncts, reordering vowel signs,
/// joining and right-to-left text).
const SCRIPT_NAMES: [(&str, &str); 36] = [
    ("latin-vietnamese", "Nguyễn Thị Ngọc Hạnh"),
    ("greek", "Γεώργιος Παπαδόπουλος"),
    ("cyrillic", "Анна Кузнецова"),
    ("armenian", "Արամ Խաչատրյան"),
    ("georgian", "ნინო ბერიძე"),
    ("hebrew", "דוד כהן"),
    ("arabic", "محمد عبد الرحيم"),
    ("persian", "زهرا محمدی"),
    ("urdu", "عائشہ خان"),
    ("devanagari", "अनिल क्षत्रिय"),
    ("bengali", "রবীন্দ্রনাথ ঠাকুর"),
    ("gurmukhi", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"),
    ("gujarati", "ધ્રુવ પટેલ"),
    ("tamil", "கார்த்திக் சுப்ரமணியம்"),
    ("telugu", "శ్రీనివాస్ రెడ్డి"),
    ("thai", "สมชาย ใจดี"),
    ("lao", "ສົມພອນ ແກ້ວມະນີ"),
    ("khmer", "សុខ ចាន់ថា"),
    ("myanmar", "အောင် ကျော်"),
    ("ethiopic", "ሰላም ተስፋዬ"),
    ("hangul", "김민준"),
    ("han-simplified", "王小明"),
    ("han-traditional", "陳嘉豪"),
    ("kana", "さくら タナカ"),
    ("tibetan", "བསྟན་འཛིན"),
    ("sinhala", "කසුන් පෙරේරා"),
    ("tifinagh", "ⵜⴰⵎⴰⵣⵉⵖⵜ"),
    ("nko", "ߒߞߏ ߞߊ߲"),
    ("kannada", "ಕೃಷ್ಣ ಗೌಡ"),
    ("malayalam", "അനിത നായർ"),
    ("oriya", "ସୁଭଶ୍ରୀ ମହାନ୍ତି"),
    ("syriac", "ܐܒܪܗܡ ܡܠܟܐ"),
    ("thaana", "މުޙައްމަދު ނަޝީދު"),
    ("adlam", "𞤀𞤣𞤵𞤤𞤢𞤴 𞤄𞤢𞤤𞤣𞤫"),
    ("cherokee", "ᏣᎳᎩ ᎠᏂᏴᏫ"),
    ("canadian-syllabics", "ᓀᐦᐃᔭᐍᐏᐣ"),
];

/// Debian's Noto fonts (fonts-noto-core, fonts-noto-cjk), as `card_design.font_dirs` names them.
fn debian_font_dirs() -> Vec<PathBuf> {
    [
        "/usr/share/fonts/truetype/noto",
        "/usr/share/fonts/opentype/noto",
    ]
    .map(PathBuf::from)
    .to_vec()
}

/// Each script's card, rendered with the font folder: every glyph is in an embedded font (the
/// renderer refuses a missing glyph, so rendering at all proves none is `.notdef`), the text
/// reads back as the name, the page stays CR80 with every word inside the margin, and the card
/// rasterises. The PNGs stay in `target/tmp/card-scripts/` to be looked at.
#[test]
fn a_name_in_every_script_residents_write_prints_as_written() {
    let renderer = CardRenderer::with_fonts(branding(), &debian_font_dirs()).expect("renderer");
    let (_, missing) = renderer.scripts();
    assert!(
        missing.is_empty(),
        "no font for {missing:?}: apt-get install -y fonts-noto-core fonts-noto-cjk"
    );
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("card-scripts");
    std::fs::create_dir_all(&kept).expect("folder for the PNGs");
    let mut failures = Vec::new();
    for (i, (script, name)) in SCRIPT_NAMES.iter().enumerate() {
        assert_eq!(renderer.unprintable(name), None, "{script}");
        let card = card(name, i as u8);
        let pdf_bytes = match renderer.render(std::slice::from_ref(&card)) {
            Ok(bytes) => bytes,
            Err(e) => {
                failures.push(format!("{script}: {e}"));
                continue;
            }
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let pdf = write_pdf(dir.path(), &pdf_bytes);
        let fonts = run("pdffonts", &[path_str(&pdf)]);
        for line in fonts.lines().skip(2) {
            let columns: Vec<&str> = line.split_whitespace().collect();
            // name type encoding emb sub uni object ID: embedded, a subset named as one
            // (six capitals and `+`), with a Unicode map.
            let n = columns.len();
            assert!(n >= 7, "{script}: {line}");
            assert_eq!(
                [columns[n - 5], columns[n - 4], columns[n - 3]],
                ["yes", "yes", "yes"],
                "{script}: {line}"
            );
            let tag = columns[0].split_once('+').map_or("", |(tag, _)| tag);
            assert!(
                tag.len() == 6 && tag.bytes().all(|b| b.is_ascii_uppercase()),
                "{script}: {line}"
            );
        }
        let text = run(
            "pdftotext",
            &["-enc", "UTF-8", "-f", "1", "-l", "1", path_str(&pdf), "-"],
        );
        let plain: String = text
            .chars()
            .filter(|c| !('\u{202A}'..='\u{202E}').contains(c))
            .collect();
        // Poppler turns Thaana's `ActualText` around (and misplaces its vowel signs from the
        // glyphs' own mappings); the PNG shows it printed right.
        if !plain.contains(name) && *script != "thaana" {
            failures.push(format!(
                "{script}: {name} does not read back from:\n{plain}"
            ));
        }
        let info = run("pdfinfo", &[path_str(&pdf)]);
        let size = info.lines().find(|l| l.starts_with("Page size:"));
        assert!(size.is_some_and(is_cr80), "{script}: {info}");
        assert_inside_card(&pdf);
        page_png(&pdf, "1", &kept.join(script));
        assert!(
            pdf_bytes.len() < 100_000 + card.photo_jpeg.len(),
            "{script}: {} bytes",
            pdf_bytes.len()
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The card's words in every page language, from the catalogue, `own` first.
fn catalogue_wordings(own: &str) -> Vec<CardWording> {
    card_words::wordings(catalogue(), own, "id.springfield.gov/v").expect("a page language")
}

/// A second language whose words do not fit beside the card's own (here a return-if-found
/// text far too long) is left out of the offer, and a card asking for it prints the card's
/// own words alone; the card's own words must fit, or there is no renderer. Without the font
/// folder, Korean and Bengali are not offered either, for want of a font.
#[test]
fn a_second_language_that_does_not_fit_is_not_offered_and_the_cards_own_must_fit() {
    let branding = CardBranding {
        return_if_found: String::new(),
        verify_hint: String::new(),
        ..branding()
    };
    let too_long = "Si la encuentra, devuélvala al ayuntamiento. ".repeat(30);
    let mut wordings = catalogue_wordings("en");
    let es = wordings.iter().position(|w| w.language == "es").unwrap();
    wordings[es].return_if_found.clone_from(&too_long);
    let renderer = CardRenderer::with_wordings(branding.clone(), &[], wordings.clone())
        .expect("a second language that does not fit does not stop the renderer");
    let offered = renderer.second_languages();
    assert!(
        !offered.contains(&"es") && offered.contains(&"fr"),
        "{offered:?}"
    );
    let why = |tag: &str| {
        renderer
            .unoffered_languages()
            .iter()
            .find(|(language, _)| language == tag)
            .map(|(_, why)| *why)
    };
    assert_eq!(why("es"), Some(Unoffered::DoesNotFit));
    assert_eq!(why("ko"), Some(Unoffered::NoFont));
    assert_eq!(why("fr"), None);
    assert!(renderer.wordings_for(Some("es")).1.is_none());
    let card = CardPrint {
        second_language: Some("es".into()),
        ..card("José Núñez", 0)
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(dir.path(), &renderer.render(&[card]).expect("prints"));
    let text = squeezed(&run("pdftotext", &["-enc", "UTF-8", path_str(&pdf), "-"]));
    assert!(
        text.contains("DATEOFBIRTH") && !text.contains("FECHADENACIMIENTO"),
        "{text}"
    );

    let mut own_too_long = catalogue_wordings("es");
    own_too_long[0].return_if_found = too_long;
    assert!(matches!(
        CardRenderer::with_wordings(branding, &[], own_too_long),
        Err(RenderError::DoesNotFit { .. })
    ));
}

/// Where `pdftotext` finds a text on `page` (a "word" of its is a whole run of text): the
/// run's left and right edges, in points.
fn word_edges(pdf: &Path, page: &str, word: &str) -> (f64, f64) {
    let html = run(
        "pdftotext",
        &["-bbox", "-f", page, "-l", page, path_str(pdf), "-"],
    );
    let line = html
        .lines()
        .find(|l| {
            let text = l.split_once('>').map_or("", |(_, rest)| rest);
            l.trim_start().starts_with("<word") && text.contains(word)
        })
        .unwrap_or_else(|| panic!("{word:?} is not on page {page}:\n{html}"));
    let attr = |name: &str| -> f64 {
        let start = line.find(&format!("{name}=\"")).expect("attribute") + name.len() + 2;
        let end = start + line[start..].find('"').expect("closing quote");
        line[start..end].parse().expect("number")
    };
    (attr("xMin"), attr("xMax"))
}

/// A card whose own language is written right to left (Arabic, Urdu) is laid out from the
/// right: the photo and the seal at the right, the name ending where it would start on a
/// left-to-right card, the QR code and the number under it at the right of the back; a
/// left-to-right second language's labels keep to the left. The PNGs stay in
/// `target/tmp/card-rtl/`.
#[test]
fn a_card_in_a_right_to_left_language_is_laid_out_from_the_right() {
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("card-rtl");
    std::fs::create_dir_all(&kept).expect("folder for the PNGs");
    let mm = |v: f64| v / 25.4 * 72.0;
    let card = card("José Núñez", 0);
    let dir = tempfile::tempdir().expect("temp dir");
    for own in ["en", "ar", "ur"] {
        let renderer = CardRenderer::with_wordings(branding(), &[], catalogue_wordings(own))
            .unwrap_or_else(|e| panic!("{own}: {e}"));
        let pdf = write_pdf(
            dir.path(),
            &renderer.render(std::slice::from_ref(&card)).unwrap(),
        );
        page_png(&pdf, "1", &kept.join(format!("{own}-front")));
        let back = page_png(&pdf, "2", &kept.join(format!("{own}-back")));
        let (name_left, name_right) = word_edges(&pdf, "1", "José Núñez");
        // The number under the QR code, centred under the code.
        let (number_left, number_right) = word_edges(&pdf, "2", "4716 0392 8850");
        let number_middle = (number_left + number_right) / 2.0;
        if own == "en" {
            assert!((name_left - mm(27.0)).abs() < 1.0, "{own}: {name_left}");
            assert!(number_middle < mm(20.0), "{own}: {number_middle}");
        } else {
            assert!(
                (name_right - mm(85.6 - 27.0)).abs() < 1.0,
                "{own}: {name_right}"
            );
            assert!(number_middle > mm(85.6 - 20.0), "{own}: {number_middle}");
        }
        assert_inside_card(&pdf);
        // The QR code still scans (it is moved, not turned around).
        let scanned = run("zbarimg", &["--raw", "-q", path_str(&back)]);
        assert_eq!(scanned.trim(), card.qr_text, "{own}");
    }
    // The back lists the languages from the right even when the first has no Arabic name.
    let renderer = CardRenderer::with_wordings(branding(), &[], catalogue_wordings("ar")).unwrap();
    let listed = CardPrint {
        languages: vec!["sgn-US".into(), "ko".into()],
        ..card.clone()
    };
    let pdf = write_pdf(dir.path(), &renderer.render(&[listed]).unwrap());
    let (tag_left, _) = word_edges(&pdf, "2", "sgn-US");
    let korean: String = "الكورية".chars().rev().collect();
    let html = run(
        "pdftotext",
        &["-bbox", "-f", "2", "-l", "2", path_str(&pdf), "-"],
    );
    let korean = if html.contains("الكورية") {
        "الكورية".to_owned()
    } else {
        korean
    };
    let (_, korean_right) = word_edges(&pdf, "2", &korean);
    assert!(
        tag_left > korean_right,
        "sgn-US first, at the right: {tag_left} vs {korean_right}"
    );
    // An English second language on an Arabic card: its label keeps to the left of its place.
    let renderer = CardRenderer::with_wordings(branding(), &[], catalogue_wordings("ar")).unwrap();
    let two = CardPrint {
        second_language: Some("en".into()),
        ..card.clone()
    };
    let pdf = write_pdf(dir.path(), &renderer.render(&[two]).unwrap());
    page_png(&pdf, "1", &kept.join("ar-en-front"));
    let (expires_left, _) = word_edges(&pdf, "1", "EXPIRES");
    // The expiry date's cell is the first column of the mirrored grid: 2 mm to 29.6 mm.
    assert!((expires_left - mm(2.0)).abs() < 1.0, "{expires_left}");
}

/// Text as compared: no whitespace (a label may wrap), no bidi marks.
fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !('\u{202A}'..='\u{202E}').contains(c))
        .collect()
}

/// The words of a wording that must read back from the card with every field filled.
fn printed_words(w: &CardWording) -> Vec<&str> {
    let words = [
        &w.title,
        &w.name,
        &w.preferred_name,
        &w.date_of_birth,
        &w.gender,
        &w.issued,
        &w.expires,
        &w.card_number,
        &w.address,
        &w.languages,
        &w.emergency_contact,
        &w.veteran,
        &w.organ_donor,
        &w.return_if_found,
    ];
    // Poppler spells Arabic's lam-alef ligature backwards: words holding one are left to the
    // PNGs.
    let lam_alef = |t: &str| {
        t.chars()
            .zip(t.chars().skip(1))
            .any(|(a, b)| a == 'ل' && "اأإآ".contains(b))
    };
    words
        .into_iter()
        .map(String::as_str)
        .filter(|t| !lam_alef(t))
        .collect()
}

/// Every page language prints the card's words: as the card's own language alone, and as a
/// second language under each other one, every field filled (veteran, organ donor, preferred
/// name, address, two languages, emergency contact). Every pair fits; under English, and alone,
/// each word reads back, the page stays CR80 with every word inside the margin, and a
/// right-to-left title keeps to the right. The PNGs stay in `target/tmp/card-words/`.
#[test]
fn the_card_prints_its_words_in_every_page_language_alone_and_as_a_second() {
    let kept = Path::new(env!("CARGO_TARGET_TMPDIR")).join("card-words");
    std::fs::create_dir_all(&kept).expect("folder for the PNGs");
    let branding = CardBranding {
        return_if_found: String::new(),
        verify_hint: String::new(),
        ..branding()
    };
    let languages: Vec<&str> = catalogue().all().iter().map(|l| l.code).collect();
    let mut failures = Vec::new();
    for own in &languages {
        let wordings = catalogue_wordings(own);
        let renderer =
            CardRenderer::with_wordings(branding.clone(), &debian_font_dirs(), wordings.clone())
                .unwrap_or_else(|e| panic!("{own}: {e}"));
        assert_eq!(renderer.second_languages().len(), languages.len() - 1);
        for second in std::iter::once(None).chain(wordings[1..].iter().map(Some)) {
            let card = CardPrint {
                second_language: second.map(|w| w.language.clone()),
                ..card("José Núñez", 0)
            };
            let label = format!("{own}-{}", second.map_or("alone", |w| w.language.as_str()));
            let pdf_bytes = match renderer.render(std::slice::from_ref(&card)) {
                Ok(bytes) => bytes,
                Err(e) => {
                    failures.push(format!("{label}: {e}"));
                    continue;
                }
            };
            if second.is_some() && *own != "en" {
                continue;
            }
            let dir = tempfile::tempdir().expect("temp dir");
            let pdf = write_pdf(dir.path(), &pdf_bytes);
            let text = squeezed(&run("pdftotext", &["-enc", "UTF-8", path_str(&pdf), "-"]));
            for wording in std::iter::once(&wordings[0]).chain(second) {
                for word in printed_words(wording) {
                    if !text.contains(&squeezed(word)) {
                        failures.push(format!("{label}: {word:?} does not read back"));
                    }
                }
            }
            let date = (wordings[0].date)(card.date_of_birth);
            if !text.contains(&squeezed(&date)) {
                failures.push(format!("{label}: the date {date:?} does not read back"));
            }
            let info = run("pdfinfo", &[path_str(&pdf)]);
            let size = info.lines().find(|l| l.starts_with("Page size:"));
            assert!(size.is_some_and(is_cr80), "{label}: {info}");
            for word in words_outside_card(&pdf) {
                failures.push(format!("{label}: outside the card: {word}"));
            }
            if let Some(w) = second.filter(|w| w.rtl) {
                assert_title_keeps_right(&pdf, &w.title, &label);
            }
            page_png(&pdf, "1", &kept.join(format!("{label}-front")));
            page_png(&pdf, "2", &kept.join(format!("{label}-back")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The last word of a right-to-left `title` on the front ends at the band's right margin.
fn assert_title_keeps_right(pdf: &Path, title: &str, label: &str) {
    let html = run(
        "pdftotext",
        &["-bbox", "-f", "1", "-l", "1", path_str(pdf), "-"],
    );
    let words: Vec<&str> = title.split_whitespace().collect();
    let right_edge = html
        .lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .filter(|l| {
            words.iter().any(|w| {
                let reversed: String = w.chars().rev().collect();
                l.contains(&format!(">{w}<")) || l.contains(&format!(">{reversed}<"))
            })
        })
        .filter_map(|l| {
            let start = l.find("xMax=\"")? + 6;
            let end = start + l[start..].find('"')?;
            l[start..end].parse::<f64>().ok()
        })
        .fold(f64::MIN, f64::max);
    let band_right = CARD_W_PT - 2.0 / 25.4 * 72.0;
    assert!(
        (band_right - right_edge).abs() < 2.0,
        "{label}: the title {title:?} ends at {right_edge} pt, not at the right ({band_right} pt):\n{html}"
    );
}

#[test]
fn without_a_font_folder_a_script_it_lacks_is_named_where_it_is() {
    let renderer = CardRenderer::new(branding()).expect("renderer");
    assert_eq!(renderer.unprintable("Ana ሰላም"), Some((5, "Ethiopic")));
    assert_eq!(renderer.unprintable("김민준"), Some((1, "Hangul")));
    assert_eq!(renderer.unprintable("Ana 😀"), Some((5, "symbols")));
    assert_eq!(renderer.unprintable("Nguyễn محمد 王"), None);
    let (printable, missing) = renderer.scripts();
    assert!(printable.contains(&"Arabic") && printable.contains(&"Han"));
    assert!(missing.contains(&"Ethiopic") && missing.contains(&"Hangul"));
    // A folder that does not exist adds nothing and is no error.
    let nowhere = CardRenderer::with_fonts(branding(), &[PathBuf::from("/nonexistent/fonts")])
        .expect("renderer");
    assert_eq!(nowhere.unprintable("ሰ"), Some((1, "Ethiopic")));
}

#[test]
fn every_printed_qr_code_scans_back_to_its_text() {
    let renderer = CardRenderer::new(branding()).expect("renderer");
    let cards = cards();
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = write_pdf(dir.path(), &renderer.render(&cards).expect("rendered"));
    for (i, card) in cards.iter().enumerate() {
        let back = (2 * i + 2).to_string();
        let png = page_png(&pdf, &back, &dir.path().join(format!("back{back}")));
        let decoded = run("zbarimg", &["--raw", "-q", path_str(&png)]);
        assert_eq!(decoded.trim_end_matches('\n'), card.qr_text, "card {i}");
    }
}

#[test]
fn the_photo_is_embedded_byte_for_byte() {
    let renderer = CardRenderer::new(branding()).expect("renderer");
    let card = card(NAMES[0], 0);
    let pdf = renderer
        .render(std::slice::from_ref(&card))
        .expect("rendered");
    let jpeg = &card.photo_jpeg;
    let found = pdf
        .windows(16)
        .enumerate()
        .any(|(at, w)| w == &jpeg[..16] && pdf.get(at..at + jpeg.len()) == Some(jpeg.as_slice()));
    assert!(found, "the JPEG was re-encoded");
    // Fonts are subset: the full fonts alone would be over 1 MB.
    assert!(pdf.len() < jpeg.len() + 120_000, "{} bytes", pdf.len());
}

#[test]
fn names_no_font_has_are_refused_by_check_and_render_alike() {
    let renderer = CardRenderer::new(branding()).expect("renderer");
    let cases: [(&str, CardPrint); 5] = [
        ("legal_name", card("ሰላም", 1)),
        // Korean: the embedded CJK font has no Hangul syllables.
        ("legal_name", card("김민준", 1)),
        (
            "preferred_name",
            CardPrint {
                preferred_name: Some("Ana 😀".into()),
                ..card("Ana", 1)
            },
        ),
        (
            "emergency_contact",
            CardPrint {
                emergency_contact: Some("ሰላም · 555".into()),
                ..card("Ana", 1)
            },
        ),
        (
            "address_lines",
            CardPrint {
                address_lines: vec!["ቤት 5".into()],
                ..card("Ana", 1)
            },
        ),
    ];
    for (field, card) in cases {
        let checked = renderer.check_printable(&card).expect_err("refused");
        assert!(
            matches!(checked, RenderError::UnsupportedScript { field: f } if f == field),
            "{field}: {checked:?}"
        );
        let rendered = renderer.render(&[card]).expect_err("refused");
        assert!(matches!(rendered, RenderError::UnsupportedScript { field: f } if f == field));
    }
}

#[test]
fn check_printable_agrees_with_render() {
    let renderer = CardRenderer::new(branding()).expect("renderer");
    let long =
        "Maria del Carmen Concepción Aurelia Fernández de la Santísima Trinidad y Ocampo Rodríguez";
    let mut cases = cards();
    cases.push(card(long, 1));
    cases.push(CardPrint {
        preferred_name: Some(long.into()),
        ..card(long, 0)
    });
    cases.push(CardPrint {
        photo_jpeg: b"\x89PNG not a jpeg".to_vec(),
        ..card("Ana", 1)
    });
    cases.push(CardPrint {
        qr_text: "A".repeat(3000),
        ..card("Ana", 1)
    });
    cases.push(CardPrint {
        legal_name: "Ana ".repeat(40),
        preferred_name: Some("Bo ".repeat(50)),
        ..card("Ana", 1)
    });
    cases.push(card("Ἀλέξανδρος Παπαδόπουλος", 2));
    cases.push(card("Анна Кузнецова", 2));
    for (i, card) in cases.iter().enumerate() {
        let checked = renderer.check_printable(card);
        let rendered = renderer.render(std::slice::from_ref(card));
        assert_eq!(
            checked.is_ok(),
            rendered.is_ok(),
            "case {i}: {checked:?} / {:?}",
            rendered.err()
        );
        if let (Err(a), Err(b)) = (&checked, &rendered) {
            assert_eq!(a.to_string(), b.to_string(), "case {i}");
        }
    }
    // Too long for the card even at 6 pt: refused, never cut.
    let too_long = card(&"Ana ".repeat(150), 1);
    assert!(matches!(
        renderer.check_printable(&too_long),
        Err(RenderError::DoesNotFit {
            field: "legal_name"
        })
    ));
    let long_qr = CardPrint {
        qr_text: "A".repeat(3000),
        ..card("Ana", 1)
    };
    assert!(matches!(
        renderer.check_printable(&long_qr),
        Err(RenderError::DoesNotFit { field: "qr_text" })
    ));
    // One unprintable card stops the whole batch.
    let mut batch = cards();
    batch.push(card("ሰላም", 1));
    assert!(renderer.render(&batch).is_err());
    assert!(renderer.render(&[]).is_err());
}

#[test]
fn a_logo_is_used_when_configured() {
    let mut logo = Vec::new();
    image::DynamicImage::ImageRgba8(image::RgbaImage::from_fn(64, 64, |x, y| {
        let inside = (x as i32 - 32).pow(2) + (y as i32 - 32).pow(2) < 900;
        image::Rgba([200, 30, 30, if inside { 255 } else { 0 }])
    }))
    .write_to(&mut Cursor::new(&mut logo), image::ImageFormat::Png)
    .expect("PNG encodes");
    let renderer = CardRenderer::new(CardBranding {
        logo_png: Some(logo),
        ..branding()
    })
    .expect("renderer");
    let pdf = renderer.render(&cards()[..1]).expect("rendered");
    assert!(pdf.windows(5).any(|w| w == b"/Logo"), "logo not used");
    let bad = CardRenderer::new(CardBranding {
        logo_png: Some(b"nope".to_vec()),
        ..branding()
    });
    assert!(matches!(bad, Err(RenderError::Invalid(_))));
}
