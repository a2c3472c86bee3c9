//! The retention report as a printable A4 PDF: a chart of how long each data class is kept
//! against its policy limit, the tables of the report, and the signed JSON carried as a trailing
//! PDF comment, so `muni-id report verify FILE` checks a printed-to-PDF copy as well.
//!
//! Text is set in the PDF's built-in Helvetica (WinAnsi): the report holds no names of
//! residents, only class names, numbers, dates and staff usernames.

use super::pdf_pages::{wrap_words, Writer, ACCENT, ALARM, INK, MARGIN, MUTED, PAGE_W};
use super::report_chart;
use crate::domain::report::{embedding, RetentionReport};

#[derive(Debug, thiserror::Error)]
#[error("the report PDF could not be written: {0}")]
pub struct ReportPdfError(String);

/// How long the oldest record of each class with a day limit has been kept, against the limit.
fn chart(w: &mut Writer, report: &RetentionReport) {
    let bars: Vec<_> = report
        .classes
        .iter()
        .filter_map(|c| report_chart::bar(c.into(), report.as_of).map(|bar| (c, bar)))
        .collect();
    let row_h = 26.0;
    let height = row_h * bars.len() as f32 + 34.0;
    w.need(height);
    let label_w = 120.0;
    let plot_x = MARGIN + label_w;
    let plot_w = PAGE_W - MARGIN - plot_x - 135.0;
    let top = w.y - 8.0;
    w.text(
        plot_x,
        top - 4.0,
        7.5,
        false,
        MUTED,
        "bar: age of the oldest record held; line: the policy limit (100%; the track shows 125%)",
    );
    for (i, (class, bar)) in bars.iter().enumerate() {
        let base = top - 20.0 - row_h * (i as f32) - 12.0;
        let (age, limit) = (bar.age_days, bar.limit_days);
        let bar_w = (bar.filled as f32 * plot_w).max(if class.held > 0 { 1.5 } else { 0.0 });
        let rgb = if bar.overdue { ALARM } else { ACCENT };
        w.text(
            MARGIN,
            base + 4.0,
            8.5,
            true,
            INK,
            &class.class.replace('_', " "),
        );
        w.rect(plot_x, base, plot_w, 14.0, [0xee, 0xf1, 0xf5]);
        w.rect(plot_x, base, bar_w, 14.0, rgb);
        let limit_x = plot_x + report_chart::limit_mark() as f32 * plot_w;
        w.rule(limit_x, base - 3.0, limit_x, base + 17.0, INK, 1.2);
        let caption = format!(
            "{} held, oldest {} d of {} d{}",
            class.held,
            age,
            limit,
            if class.overdue > 0 {
                format!(" - {} OVERDUE", class.overdue)
            } else {
                String::new()
            }
        );
        w.text(
            plot_x + plot_w + 4.0,
            base + 4.0,
            7.0,
            class.overdue > 0,
            rgb,
            &caption,
        );
    }
    w.y = top - 20.0 - row_h * bars.len() as f32 - 10.0;
}

/// Renders the report; the signed JSON rides along at the end of the file.
pub fn render(report: &RetentionReport) -> Result<Vec<u8>, ReportPdfError> {
    let mut w = Writer::new();
    title(&mut w, report);
    data_classes(&mut w, report);
    purge_runs(&mut w, report);
    audit_chain(&mut w, report);
    keys(&mut w, report);
    staff_reads(&mut w, report);
    legal_holds(&mut w, report);
    staff_changes(&mut w, report);
    verification(&mut w, report);
    signature(&mut w, report);
    let mut bytes = save(w, report)?;
    // After %%EOF a PDF reader ignores comments; `report verify` reads this line.
    let signed = embedding(report).map_err(|e| ReportPdfError(e.to_string()))?;
    bytes.extend_from_slice(format!("\n%{signed}\n").as_bytes());
    Ok(bytes)
}

/// The title, what the report covers, and the verdict on overdue records.
fn title(w: &mut Writer, report: &RetentionReport) {
    w.line_of_text(18.0, true, ACCENT, "Retention report");
    w.line_of_text(
        11.0,
        false,
        INK,
        &format!("{} - as of {}", report.jurisdiction, report.as_of),
    );
    w.line_of_text(
        8.5,
        false,
        MUTED,
        &format!(
            "Generated {} UTC. Period for reads and purges: {} to {}. No personal data appears in this report.",
            report.generated_at.format("%Y-%m-%d %H:%M"),
            report.period_start,
            report.as_of
        ),
    );
    let overdue: u64 = report.classes.iter().map(|c| c.overdue).sum();
    let (verdict, rgb) = if overdue == 0 {
        (
            "Overdue records: 0 - every class is within its policy.".to_owned(),
            ACCENT,
        )
    } else {
        (
            format!("OVERDUE RECORDS: {overdue} - see the classes marked below."),
            ALARM,
        )
    };
    w.y -= 6.0;
    w.line_of_text(11.0, true, rgb, &verdict);
}

/// The chart, the table of data classes, and each class's policy in words.
fn data_classes(w: &mut Writer, report: &RetentionReport) {
    w.heading("Data held against the policy");
    chart(w, report);
    let rows: Vec<Vec<String>> = report
        .classes
        .iter()
        .map(|c| {
            vec![
                c.class.replace('_', " "),
                c.held.to_string(),
                c.oldest
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "-".into()),
                if c.overdue > 0 {
                    format!("!{} OVERDUE", c.overdue)
                } else {
                    "0".into()
                },
                c.under_legal_hold.to_string(),
                c.destroyed_in_period.to_string(),
            ]
        })
        .collect();
    w.table(
        &[0.0, 140.0, 190.0, 260.0, 330.0, 410.0],
        &[
            "class",
            "held",
            "oldest",
            "overdue",
            "legal hold",
            "destroyed in period",
        ],
        &rows,
    );
    for c in &report.classes {
        w.line_of_text(
            7.5,
            false,
            MUTED,
            &format!("{}: {}", c.class.replace('_', " "), c.policy),
        );
    }
}

/// The latest purge runs (12 at most); a run that did not complete is marked.
fn purge_runs(w: &mut Writer, report: &RetentionReport) {
    w.heading("Purge runs");
    let runs: Vec<Vec<String>> = report
        .purge_runs
        .iter()
        .take(12)
        .map(|r| {
            vec![
                r.started_at.format("%Y-%m-%d %H:%M").to_string(),
                r.trigger.clone(),
                if r.outcome == "completed" {
                    r.outcome.clone()
                } else {
                    format!("!{}", r.outcome)
                },
                (r.residents_destroyed + r.unissued_destroyed).to_string(),
                r.addresses_destroyed.to_string(),
                r.audit_entries_removed.to_string(),
                if r.epochs_destroyed.is_empty() {
                    "-".into()
                } else {
                    r.epochs_destroyed.join(" ")
                },
            ]
        })
        .collect();
    if runs.is_empty() {
        w.line_of_text(8.5, false, MUTED, "No purge has run yet.");
    } else {
        w.table(
            &[0.0, 85.0, 130.0, 185.0, 245.0, 300.0, 355.0],
            &[
                "started (UTC)",
                "by",
                "outcome",
                "residents",
                "addresses",
                "audit",
                "epoch keys destroyed",
            ],
            &runs,
        );
    }
}

fn audit_chain(w: &mut Writer, report: &RetentionReport) {
    w.heading("Audit chain");
    let chain = &report.audit.chain;
    let state = if chain.intact {
        format!(
            "Intact: {} entries, each chained by hash to the one before.",
            chain.entries
        )
    } else {
        format!(
            "BROKEN at entry {}: {} entries read. Investigate before trusting the trail.",
            chain.first_bad_entry.unwrap_or_default(),
            chain.entries
        )
    };
    w.line_of_text(
        9.5,
        !chain.intact,
        if chain.intact { INK } else { ALARM },
        &state,
    );
    w.line_of_text(
        8.5,
        false,
        MUTED,
        &match report.audit.last_sealed_entry {
            Some(seq) => format!("Last signed seal of the chain head: entry {seq}."),
            None => "The chain head has not been sealed yet.".into(),
        },
    );
}

/// The epochs that protect residents, the empty and destroyed ones, and the key statement.
fn keys(w: &mut Writer, report: &RetentionReport) {
    w.heading("Keys");
    let keys = &report.keys;
    let epochs: Vec<Vec<String>> = keys
        .epochs
        .iter()
        .map(|e| {
            vec![
                e.epoch.clone(),
                e.key_version.to_string(),
                e.data_keys.to_string(),
            ]
        })
        .collect();
    if epochs.is_empty() {
        w.line_of_text(8.5, false, MUTED, "No epoch protects any resident.");
    } else {
        w.table(
            &[0.0, 80.0, 160.0],
            &["epoch", "key version", "data keys"],
            &epochs,
        );
    }
    w.line_of_text(
        8.5,
        false,
        MUTED,
        &format!(
            "{} further epochs are prepared and empty.",
            keys.empty_epochs_prepared
        ),
    );
    let destroyed: Vec<String> = keys
        .destroyed
        .iter()
        .map(|d| format!("{} ({})", d.epoch, d.destroyed_at.format("%Y-%m-%d")))
        .collect();
    w.line_of_text(
        8.5,
        false,
        INK,
        &format!(
            "Destroyed epochs: {}",
            if destroyed.is_empty() {
                "none".into()
            } else {
                destroyed.join(", ")
            }
        ),
    );
    for chunk in wrap_words(&keys.statement, 110) {
        w.line_of_text(8.0, false, MUTED, &chunk);
    }
}

fn staff_reads(w: &mut Writer, report: &RetentionReport) {
    w.heading("Personal-data reads by staff member (period)");
    let reads: Vec<Vec<String>> = report
        .staff_reads
        .iter()
        .map(|s| {
            vec![
                s.username.clone(),
                s.role.clone(),
                s.personal_data_reads.to_string(),
            ]
        })
        .collect();
    w.table(&[0.0, 160.0, 260.0], &["username", "role", "reads"], &reads);
}

/// The legal holds in force: destruction of what they cover waits for their lift.
fn legal_holds(w: &mut Writer, report: &RetentionReport) {
    w.heading("Legal holds in force");
    if report.legal_holds.is_empty() {
        w.line_of_text(9.5, false, INK, "None: every class is destroyed on time.");
        return;
    }
    let rows: Vec<Vec<String>> = report
        .legal_holds
        .iter()
        .map(|h| {
            let scope = match (h.enrolled_from, h.enrolled_to, &h.site) {
                (Some(from), Some(to), _) => format!("enrolled {from} to {to}"),
                (_, _, Some(site)) => format!("enrolled at {site}"),
                _ => "all records".to_owned(),
            };
            vec![
                h.reference.clone(),
                scope,
                h.placed_at.format("%Y-%m-%d").to_string(),
            ]
        })
        .collect();
    w.table(
        &[0.0, 160.0, 360.0],
        &["reference", "covers", "placed"],
        &rows,
    );
}

fn staff_changes(w: &mut Writer, report: &RetentionReport) {
    w.heading("Staff accounts created, reset or changed (period)");
    if report.staff_changes.is_empty() {
        w.line_of_text(9.5, false, INK, "No account was created or changed.");
        return;
    }
    let rows: Vec<Vec<String>> = report
        .staff_changes
        .iter()
        .map(|c| {
            vec![
                c.at.format("%Y-%m-%d %H:%M").to_string(),
                c.change.replace('_', " "),
                c.account.clone(),
                c.by.clone(),
            ]
        })
        .collect();
    w.table(
        &[0.0, 100.0, 200.0, 330.0],
        &["when (UTC)", "change", "account", "by"],
        &rows,
    );
}

fn verification(w: &mut Writer, report: &RetentionReport) {
    w.heading("Verification (period, aggregate only)");
    let v = &report.verification;
    w.line_of_text(
        9.5,
        false,
        INK,
        &format!(
            "{} checks: {} valid, {} not valid. No check is recorded per card.",
            v.checks, v.valid, v.not_valid
        ),
    );
}

fn signature(w: &mut Writer, report: &RetentionReport) {
    w.signature_section(report.signature.as_ref());
}

/// The pages, each with its footer ("page 2 of 3"), written as one PDF.
fn save(w: Writer, report: &RetentionReport) -> Result<Vec<u8>, ReportPdfError> {
    w.save(
        "Retention report",
        &format!("{} as of {}", report.jurisdiction, report.as_of),
        "muni-id retention report",
    )
    .map_err(ReportPdfError)
}
