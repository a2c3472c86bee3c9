//! The program report as a printable A4 PDF for the council, in the reader's language: for each
//! measure a chart of its totals over the period and its table (columns in blocks that fit the
//! page), small figures shown as `<11` or withheld; the signed JSON rides along after the end
//! of the file. Its words come from the catalogue (`program-*`).

use chrono::{Datelike, NaiveDate};

use super::pdf_pages::{ReportLanguage, Style, Writer, ACCENT, INK, MARGIN, MUTED, PAGE_W};
use super::report_words::program_category;
use crate::domain::program_report::{ProgramReport, ProgramTable, Shown, NO_SITE};
use crate::domain::report::embedding;
use crate::i18n::{Arg, Words};

#[derive(Debug, thiserror::Error)]
#[error("the program report PDF could not be written: {0}")]
pub struct ProgramPdfError(String);

/// Period columns printed side by side, with the category and the total.
const COLUMNS_PER_BLOCK: usize = 6;
/// Categories charted at most.
const CHART_ROWS: usize = 20;
/// A chart row's height, in points: room for a label of two lines.
const CHART_ROW_H: f32 = 16.0;

/// Renders the report in `language`; the signed JSON follows the end of the PDF.
pub fn render(
    report: &ProgramReport,
    language: ReportLanguage<'_>,
) -> Result<Vec<u8>, ProgramPdfError> {
    let mut w = Writer::new(language);
    let words = w.words;
    let period = title(&mut w, report);
    for table in &report.tables {
        // A heading never ends a page: it starts one with its chart.
        let chart_rows = table.rows.len().clamp(1, CHART_ROWS);
        w.need(60.0 + CHART_ROW_H * chart_rows as f32);
        let heading = words.t_or(&format!("program-table-{}", table.metric), &table.title);
        w.heading(&heading);
        let labels: Vec<String> = table
            .rows
            .iter()
            .map(|row| program_category(&table.metric, row, &words))
            .collect();
        chart(&mut w, table, &labels);
        blocks(&mut w, table, &labels);
    }
    w.signature_section(report.signature.as_ref());
    let title = words.t("program-title", &[]);
    let mut bytes = w.save(&title, &period).map_err(ProgramPdfError)?;
    let signed = embedding(report).map_err(|e| ProgramPdfError(e.to_string()))?;
    bytes.extend_from_slice(format!("\n%{signed}\n").as_bytes());
    Ok(bytes)
}

/// A month as a column of the report: "Jan 2026".
fn month(words: &Words<'_>, day: NaiveDate) -> String {
    let name = words.t(&format!("card-face-month-{}", day.month()), &[]);
    words.t(
        "program-pdf-month",
        &[
            ("month", name.into()),
            ("year", day.year().to_string().into()),
            ("number", Arg::from(day.month())),
        ],
    )
}

/// A column of a table: a month ("2026-01"), a site, or a site and a month ("Eastside 2026-01").
fn column_label(words: &Words<'_>, column: &str) -> String {
    let as_month = |text: &str| {
        (text.len() == 7)
            .then(|| NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").ok())
            .flatten()
    };
    let (site, day) = match column.rsplit_once(' ') {
        Some((site, last)) if as_month(last).is_some() => (Some(site), as_month(last)),
        _ if as_month(column).is_some() => (None, as_month(column)),
        _ => (Some(column), None),
    };
    let site = site.map(|site| {
        if site == NO_SITE {
            words.t("program-pdf-no-site", &[])
        } else {
            site.to_owned()
        }
    });
    let day = day.map(|day| month(words, day));
    [site, day]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A figure in the report's language: grouped digits, `<11`, or the word for withheld.
fn figure(words: &Words<'_>, shown: &Shown) -> String {
    match shown {
        Shown::Count(n) => words.number(*n),
        Shown::Text(t) if t == "withheld" => words.t("program-pdf-withheld", &[]),
        Shown::Text(t) => t.clone(),
    }
}

/// The title, the period and grouping, and how small counts are shown; returns the period.
fn title(w: &mut Writer<'_>, report: &ProgramReport) -> String {
    let words = w.words;
    w.paragraph(Style::bold(18.0, ACCENT), &w.t("program-title", &[]));
    let period = w.t(
        "program-pdf-period",
        &[
            ("jurisdiction", report.jurisdiction.as_str().into()),
            ("from", month(&words, report.from).into()),
            ("to", month(&words, report.to).into()),
        ],
    );
    w.paragraph(Style::regular(11.0, INK), &period);
    let columns = match report.by.join(",").as_str() {
        "" => w.t("program-by-none", &[]),
        "month" => w.t("program-by-month", &[]),
        "site" => w.t("program-by-site", &[]),
        _ => w.t("program-by-site-month", &[]),
    };
    let generated = report.generated_at.format("%Y-%m-%d %H:%M").to_string();
    let threshold = i64::try_from(report.threshold).unwrap_or(i64::MAX);
    let lines = [
        w.t("program-pdf-columns", &[("columns", columns.into())]),
        w.t("program-pdf-generated", &[("generated", generated.into())]),
        w.t(
            "program-pdf-threshold",
            &[
                ("below", Arg::Number(threshold - 1)),
                ("threshold", Arg::Number(threshold)),
            ],
        ),
        w.t("program-pdf-counts-only", &[]),
    ];
    for line in lines {
        w.paragraph(Style::regular(8.5, MUTED), &line);
    }
    period
}

/// Each category's total over the period as a bar; a hidden total is named, not drawn.
fn chart(w: &mut Writer<'_>, table: &ProgramTable, labels: &[String]) {
    let words = w.words;
    let rows: Vec<(&String, &Shown)> = labels
        .iter()
        .zip(&table.row_totals)
        .take(CHART_ROWS)
        .collect();
    if rows.is_empty() {
        w.paragraph(Style::regular(8.5, MUTED), &w.t("program-pdf-nothing", &[]));
        return;
    }
    let most = rows
        .iter()
        .filter_map(|(_, s)| s.count())
        .max()
        .unwrap_or(0)
        .max(1);
    let row_h = CHART_ROW_H;
    w.need(row_h * rows.len() as f32 + 16.0);
    let label_w = 190.0;
    let plot_x = MARGIN + label_w;
    let plot_w = PAGE_W - MARGIN - plot_x - 60.0;
    let top = w.y - 6.0;
    for (i, (label, total)) in rows.iter().enumerate() {
        let base = top - row_h * (i as f32 + 1.0);
        w.label(
            (MARGIN, base + 2.0),
            Style::regular(7.5, INK),
            label,
            label_w - 6.0,
        );
        w.rect((plot_x, base), (plot_w, 9.0), [0xee, 0xf1, 0xf5]);
        if let Some(n) = total.count() {
            let filled = plot_w * (n as f32 / most as f32);
            let filled = filled.max(if n > 0 { 1.0 } else { 0.0 });
            w.rect((plot_x, base), (filled, 9.0), ACCENT);
        }
        let style = Style {
            size: 7.5,
            bold: total.count().is_none(),
            rgb: INK,
        };
        w.text(
            (plot_x + plot_w + 4.0, base + 2.0),
            style,
            &figure(&words, total),
            56.0,
        );
    }
    w.y = top - row_h * rows.len() as f32 - 6.0;
}

/// The table, its columns in blocks of `COLUMNS_PER_BLOCK`, the totals column in the last.
fn blocks(w: &mut Writer<'_>, table: &ProgramTable, labels: &[String]) {
    let words = w.words;
    let columns: Vec<usize> = (0..table.columns.len()).collect();
    let chunks: Vec<&[usize]> = if columns.is_empty() {
        vec![&[]]
    } else {
        columns.chunks(COLUMNS_PER_BLOCK).collect()
    };
    let last = chunks.len() - 1;
    let total_word = words.t("program-pdf-total", &[]);
    for (k, chunk) in chunks.iter().enumerate() {
        let with_total = k == last;
        let mut header = vec![words.t("program-pdf-category", &[])];
        header.extend(
            chunk
                .iter()
                .map(|c| column_label(&words, &table.columns[*c])),
        );
        if with_total {
            header.push(total_word.clone());
        }
        let line = |label: &str, cells: &dyn Fn(usize) -> String, total: &Shown| {
            let mut row = vec![label.to_owned()];
            row.extend(chunk.iter().map(|c| cells(*c)));
            if with_total {
                row.push(figure(&words, total));
            }
            row
        };
        let mut rows: Vec<Vec<String>> = labels
            .iter()
            .enumerate()
            .map(|(r, label)| {
                let cell = |c: usize| figure(&words, &table.cells[r][c]);
                line(label, &cell, &table.row_totals[r])
            })
            .collect();
        let column_total = |c: usize| figure(&words, &table.column_totals[c]);
        rows.push(line(&total_word, &column_total, &table.total));
        let offsets: Vec<f32> = (0..header.len())
            .map(|i| {
                if i == 0 {
                    0.0
                } else {
                    150.0 + 52.0 * (i - 1) as f32
                }
            })
            .collect();
        w.table(&offsets, &header, &rows);
        w.y -= 6.0;
    }
}
