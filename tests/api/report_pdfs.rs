//! The retention and council reports' PDFs speak the auditor's language: every page language's
//! words, read back from the PDF; right-to-left languages mirrored; nothing past the margins;
//! the signature intact.

use chrono::{Datelike, Months};
use muni_id::clock::Clock;
use muni_id::domain::staff::StaffRole;
use muni_id::i18n::{catalogue, Arg};
use muni_id::render::pdf_pages::ReportLanguage;
use muni_id::render::report_pdf;
use muni_id::services::{program_report, report};

use crate::helpers::{resident, spawn_app_with, with_debian_fonts, Session, TestApp};

/// A4 in points, and the reports' margin.
const PAGE_W: f64 = 595.0;
const MARGIN: f64 = 48.0;

/// One word of `pdftotext -bbox`: its text and its box.
struct Word {
    text: String,
    x_min: f64,
    x_max: f64,
    y_min: f64,
}

/// `pdftotext` with `args` over a PDF.
pub(crate) fn pdftotext(pdf: &[u8], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(args)
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (bash tests/run.sh installs poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The words of a PDF with their boxes, page by page (in the order they are drawn: a
/// right-to-left line's words are not put back in reading order here).
fn words(pdf: &[u8]) -> Vec<Vec<Word>> {
    let html = pdftotext(pdf, &["-bbox"]);
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    html.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .map(|word| {
                    let (tag, rest) = word.split_once('>').unwrap();
                    let text = rest.split("</word>").next().unwrap();
                    Word {
                        text: text
                            .replace("&lt;", "<")
                            .replace("&gt;", ">")
                            .replace("&apos;", "'")
                            .replace("&quot;", "\"")
                            .replace("&amp;", "&"),
                        x_min: attr(tag, "xMin"),
                        x_max: attr(tag, "xMax"),
                        y_min: attr(tag, "yMin"),
                    }
                })
                .collect()
        })
        .collect()
}

/// Text without whitespace (a message may wrap anywhere) and without the bidi marks Poppler
/// puts around right-to-left lines and the numbers in them.
pub(crate) fn squeezed(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .filter(|c| !matches!(*c as u32, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069))
        .collect()
}

/// Whether Poppler reads the message back as written. It spells an Arabic lam-alef or
/// lam-alef-maksura ligature backwards (the card tests note the same) and moves Arabic
/// vowel marks, so messages with those are not compared.
fn comparable(text: &str) -> bool {
    let ligature = ["لا", "لأ", "لإ", "لآ", "لى"].iter().any(|l| text.contains(l));
    let marks = text
        .chars()
        .any(|c| matches!(c as u32, 0x064B..=0x065F | 0x0670));
    !ligature && !marks
}

/// The signed JSON a report file carries: the comment line after the PDF's end (before the
/// file's own signature).
fn carried_json(pdf: &[u8]) -> String {
    let text = String::from_utf8_lossy(pdf);
    let (_, after) = text.rsplit_once("%%EOF").expect("a PDF");
    after
        .lines()
        .find(|line| line.starts_with('%') && !line.starts_with("%signed-file"))
        .expect("the signed JSON")
        .to_owned()
}

/// Something in every table of the retention report: a resident under a key epoch, a purge
/// run, a legal hold, staff changes.
async fn fill_the_report(app: &TestApp) {
    let clerk = app.session(StaffRole::Clerk).await;
    app.enroll_ok(&clerk, &resident("Report Filler")).await;
    let admin = app.session(StaffRole::Admin).await;
    let hold = serde_json::json!({"reference": "CV-2026-0142", "scope": "all"});
    let res = app.post_json(&admin, "/api/v1/legal-holds", &hold).await;
    assert_eq!(res.status(), 201);
    let options = muni_id::services::purge::PurgeOptions {
        as_of: app.ctx.clock.today(),
        dry_run: false,
        trigger: "cli",
        fail_after: None,
    };
    muni_id::services::purge::run(&app.ctx, &options, &|_, _| {}).unwrap();
}

/// A report as a browser asks for it: in the language of `accept_language`, or of the page
/// language cookie when there is one.
async fn fetch(
    app: &TestApp,
    auditor: &Session,
    path: &str,
    (accept_language, cookie): (&str, Option<&str>),
) -> reqwest::Response {
    let mut request = app
        .client
        .get(app.url(path))
        .bearer_auth(&auditor.token)
        .header("accept-language", accept_language);
    if let Some(lang) = cookie {
        request = request.header("cookie", format!("muni_lang={lang}"));
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn the_report_pdfs_are_written_in_the_language_the_auditor_reads() {
    let app = spawn_app_with(with_debian_fonts).await;
    fill_the_report(&app).await;
    let auditor = app.session(StaffRole::Auditor).await;
    let today = app.clock.today();
    let this_month = today.with_day(1).unwrap();
    let last_month = this_month.checked_sub_months(Months::new(1)).unwrap();
    let program = format!(
        "/api/v1/reports/program?from={last_month}&to={}&by=month&format=pdf",
        this_month.pred_opt().unwrap()
    );
    let catalogue = catalogue();
    for locale in catalogue.all() {
        let lang = locale.code;
        let t = |id: &str, args: &[(&str, Arg)]| catalogue.message(locale, id, args);
        let reports = [
            (
                "/api/v1/reports/retention?format=pdf",
                vec![
                    t("audit-title", &[]),
                    t("audit-keys", &[]),
                    t("col-held", &[]),
                ],
            ),
            (
                program.as_str(),
                vec![
                    t("program-title", &[]),
                    t("program-table-application", &[]),
                    t("program-pdf-counts-only", &[]),
                ],
            ),
        ];
        for (path, expected) in reports {
            let res = fetch(&app, &auditor, path, (&format!("{lang}, en;q=0.5"), None)).await;
            assert_eq!(res.status(), 200, "{lang} {path}");
            assert_eq!(res.headers()["content-language"], lang);
            let pdf = res.bytes().await.unwrap().to_vec();
            let signed = if path.contains("program") {
                program_report::verify(&app.ctx.signing, &pdf).is_ok()
            } else {
                report::verify(&app.ctx.signing, &pdf).is_ok()
            };
            assert!(signed, "{lang} {path}: the signature holds");
            if let Ok(dir) = std::env::var("MUNI_ID_KEEP_REPORTS") {
                let kind = if path.contains("program") {
                    "program"
                } else {
                    "retention"
                };
                std::fs::write(format!("{dir}/{kind}-{lang}.pdf"), &pdf).unwrap();
            }
            let pages = words(&pdf);
            let all = squeezed(&pdftotext(&pdf, &[]));
            let compared: Vec<&String> = expected.iter().filter(|m| comparable(m)).collect();
            assert!(!compared.is_empty(), "{lang} {path}: nothing to compare");
            for message in compared {
                assert!(
                    all.contains(&squeezed(message)),
                    "{lang} {path}: {message:?} is not in the PDF's text: {all}"
                );
            }
            for word in pages.iter().flatten() {
                assert!(
                    word.x_min >= MARGIN - 1.0 && word.x_max <= PAGE_W - MARGIN + 1.0,
                    "{lang} {path}: {:?} runs past a margin ({}..{})",
                    word.text,
                    word.x_min,
                    word.x_max
                );
            }
            // The title starts the page on the language's side.
            let top = pages[0][0].y_min;
            let title = pages[0].iter().filter(|w| (w.y_min - top).abs() < 0.5);
            if locale.dir == muni_id::i18n::Direction::Rtl {
                let right = title.map(|w| w.x_max).fold(0.0, f64::max);
                assert!(
                    right > PAGE_W - MARGIN - 1.5,
                    "{lang}: title ends at {right}"
                );
            } else {
                let left = title.map(|w| w.x_min).fold(PAGE_W, f64::min);
                assert!(left < MARGIN + 1.5, "{lang}: title starts at {left}");
            }
        }
    }
    // What a PDF carries, signed, does not depend on the language it is written in.
    let built = report::build(&app.ctx, today, report::Counting::Now).unwrap();
    let carried: Vec<String> = ["en", "ar", "zh-Hant"]
        .into_iter()
        .map(|lang| {
            let language = ReportLanguage::of(
                catalogue.get(lang).unwrap(),
                app.ctx.card_renderer.typesetter(),
            );
            carried_json(&report_pdf::render(&built, language, &app.ctx.config).unwrap())
        })
        .collect();
    assert!(carried.iter().all(|json| *json == carried[0]));
}

#[tokio::test]
async fn the_page_language_chosen_wins_over_the_browsers() {
    let app = spawn_app_with(with_debian_fonts).await;
    let auditor = app.session(StaffRole::Auditor).await;
    let path = "/api/v1/reports/retention?format=pdf";
    let res = fetch(&app, &auditor, path, ("fr", Some("es"))).await;
    assert_eq!(res.headers()["content-language"], "es");
    let text = pdftotext(&res.bytes().await.unwrap(), &[]);
    let spanish = catalogue().message(catalogue().get("es").unwrap(), "audit-title", &[]);
    assert!(text.contains(&spanish), "{text}");
    // A language no page speaks: English.
    let res = fetch(&app, &auditor, path, ("de", None)).await;
    assert_eq!(res.headers()["content-language"], "en");
    // The CSV has no words to translate.
    let csv = fetch(
        &app,
        &auditor,
        "/api/v1/reports/retention?format=csv",
        ("es", None),
    )
    .await;
    assert!(csv.headers().get("content-language").is_none());
}
