//! The program report as a printable A4 PDF for the council: for each measure a chart of its
//! totals over the period and its table (columns in blocks that fit the page), small figures
//! shown as `<11` or `withheld`; the signed JSON rides along after the end of the file.

use super::pdf_pages::{wrap_words, Writer, ACCENT, INK, MARGIN, MUTED, PAGE_W};
use crate::domain::program_report::{ProgramReport, ProgramTable, Shown};
use crate::domain::report::embedding;

#[derive(Debug, thiserror::Error)]
#[error("the program report PDF could not be written: {0}")]
pub struct ProgramPdfError(String);

/// Period columns printed side by side, with the category and the total.
const COLUMNS_PER_BLOCK: usize = 6;
/// Categories charted at most.
const CHART_ROWS: usize = 20;

/// Renders the report; the signed JSON follows the end of the PDF.
pub fn render(report: &ProgramReport) -> Result<Vec<u8>, ProgramPdfError> {
    let mut w = Writer::new();
    title(&mut w, report);
    for table in &report.tables {
        // A heading never ends a page: it starts one with its chart.
        let chart_rows = table.rows.len().clamp(1, CHART_ROWS);
        w.need(60.0 + 13.0 * chart_rows as f32);
        w.heading(&table.title);
        chart(&mut w, table);
        blocks(&mut w, table);
    }
    w.signature_section(report.signature.as_ref());
    let mut bytes = w
        .save(
            "Program report",
            &format!("{}, {} to {}", report.jurisdiction, report.from, report.to),
            "muni-id program report",
        )
        .map_err(ProgramPdfError)?;
    let signed = embedding(report).map_err(|e| ProgramPdfError(e.to_string()))?;
    bytes.extend_from_slice(format!("\n%{signed}\n").as_bytes());
    Ok(bytes)
}

fn title(w: &mut Writer, report: &ProgramReport) {
    w.line_of_text(18.0, true, ACCENT, "Program report");
    let by = if report.by.is_empty() {
        "the whole period".to_owned()
    } else {
        report.by.join(" and ")
    };
    w.line_of_text(
        11.0,
        false,
        INK,
        &format!(
            "{} - {} to {}, by {by}",
            report.jurisdiction, report.from, report.to
        ),
    );
    let note = format!(
        "Generated {} UTC. Counts from 1 to {} are shown as <{}; a figure marked withheld is hidden so that no small count can be worked out from the totals.",
        report.generated_at.format("%Y-%m-%d %H:%M"),
        report.threshold - 1,
        report.threshold
    );
    for line in wrap_words(&note, 110) {
        w.line_of_text(8.5, false, MUTED, &line);
    }
    w.line_of_text(
        8.5,
        false,
        MUTED,
        "Counts only: no person, card or member of staff is named or numbered in this report.",
    );
}

/// Each category's total over the period as a bar; a hidden total is named, not drawn.
fn chart(w: &mut Writer, table: &ProgramTable) {
    let rows: Vec<(&String, &Shown)> = table
        .rows
        .iter()
        .zip(&table.row_totals)
        .take(CHART_ROWS)
        .collect();
    if rows.is_empty() {
        w.line_of_text(8.5, false, MUTED, "Nothing was counted in this period.");
        return;
    }
    let most = rows
        .iter()
        .filter_map(|(_, s)| s.count())
        .max()
        .unwrap_or(0)
        .max(1);
    let row_h = 13.0;
    w.need(row_h * rows.len() as f32 + 16.0);
    let label_w = 150.0;
    let plot_x = MARGIN + label_w;
    let plot_w = PAGE_W - MARGIN - plot_x - 60.0;
    let top = w.y - 6.0;
    for (i, (label, total)) in rows.iter().enumerate() {
        let base = top - row_h * (i as f32 + 1.0);
        w.text(MARGIN, base + 2.0, 7.5, false, INK, label);
        w.rect(plot_x, base, plot_w, 9.0, [0xee, 0xf1, 0xf5]);
        if let Some(n) = total.count() {
            let filled = plot_w * (n as f32 / most as f32);
            w.rect(
                plot_x,
                base,
                filled.max(if n > 0 { 1.0 } else { 0.0 }),
                9.0,
                ACCENT,
            );
        }
        w.text(
            plot_x + plot_w + 4.0,
            base + 2.0,
            7.5,
            total.count().is_none(),
            INK,
            &total.text(),
        );
    }
    w.y = top - row_h * rows.len() as f32 - 6.0;
}

/// The table, its columns in blocks of `COLUMNS_PER_BLOCK`, the totals column in the last.
fn blocks(w: &mut Writer, table: &ProgramTable) {
    let columns: Vec<usize> = (0..table.columns.len()).collect();
    let chunks: Vec<&[usize]> = if columns.is_empty() {
        vec![&[]]
    } else {
        columns.chunks(COLUMNS_PER_BLOCK).collect()
    };
    let last = chunks.len() - 1;
    for (k, chunk) in chunks.iter().enumerate() {
        let with_total = k == last;
        let mut header: Vec<&str> = vec!["category"];
        header.extend(chunk.iter().map(|c| table.columns[*c].as_str()));
        if with_total {
            header.push("total");
        }
        let line = |label: &str, cells: &dyn Fn(usize) -> String, total: &Shown| {
            let mut row = vec![label.to_owned()];
            row.extend(chunk.iter().map(|c| cells(*c)));
            if with_total {
                row.push(total.text());
            }
            row
        };
        let mut rows: Vec<Vec<String>> = table
            .rows
            .iter()
            .enumerate()
            .map(|(r, label)| line(label, &|c| table.cells[r][c].text(), &table.row_totals[r]))
            .collect();
        rows.push(line(
            "total",
            &|c| table.column_totals[c].text(),
            &table.total,
        ));
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
