//! The program report as CSV for the city's open-data portal: one line per published figure
//! (`table,row,column,value`, totals named `total`), then the signed JSON in one line, so that
//! `muni-id report verify FILE` checks a CSV copy as well.

use crate::domain::program_report::{ProgramReport, Shown};
use crate::domain::report::embedding;
use crate::error::Internal;
use crate::render::report_csv::field;

fn line(out: &mut String, table: &str, row: &str, column: &str, value: &Shown) {
    out.push_str(&format!(
        "{},{},{},{}\n",
        field(table),
        field(row),
        field(column),
        field(&value.text())
    ));
}

/// The report as CSV: a comment line saying what it covers, the figures, the signed JSON.
pub fn to_csv(report: &ProgramReport) -> Result<String, Internal> {
    let mut out = format!(
        "# {} - {}, {} to {}, by {}; counts from 1 to {} are shown as <{}, and figures that would give one away as withheld\n",
        report.report,
        field(&report.jurisdiction),
        report.from,
        report.to,
        if report.by.is_empty() { "the whole period".to_owned() } else { report.by.join(" and ") },
        report.threshold - 1,
        report.threshold
    );
    out.push_str("table,row,column,value\n");
    for table in &report.tables {
        for (r, row) in table.rows.iter().enumerate() {
            for (c, column) in table.columns.iter().enumerate() {
                line(&mut out, &table.metric, row, column, &table.cells[r][c]);
            }
            line(&mut out, &table.metric, row, "total", &table.row_totals[r]);
        }
        for (c, column) in table.columns.iter().enumerate() {
            line(
                &mut out,
                &table.metric,
                "total",
                column,
                &table.column_totals[c],
            );
        }
        line(&mut out, &table.metric, "total", "total", &table.total);
    }
    out.push_str(&embedding(report).map_err(|e| Internal::new("program report CSV", e))?);
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn a_value_is_never_a_spreadsheet_formula_and_breaks_no_line() {
        assert_eq!(field("<11"), "<11");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+1"), "'+1");
        assert_eq!(field("-1"), "'-1");
        assert_eq!(field("@sum"), "'@sum");
        assert_eq!(field("a\rb"), "\"a\rb\"");
        assert_eq!(field("Main St, 2"), "\"Main St, 2\"");
    }
}
