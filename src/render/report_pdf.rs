//! The retention report as a printable A4 PDF in the reader's language: a chart of how long each
//! data class is kept against its policy limit, the tables of the report, and the signed JSON
//! carried as a trailing PDF comment, so `muni-id report verify FILE` checks a printed-to-PDF
//! copy as well. The report holds no names of residents, only class names, numbers, dates and
//! staff usernames; its words come from the catalogue (`audit-*`, `report-pdf-*`).

use super::pdf_pages::{ReportLanguage, Style, Writer, ACCENT, ALARM, INK, MARGIN, MUTED, PAGE_W};
use super::report_chart;
use super::report_words::policy_in_words;
use crate::config::Config;
use crate::domain::report::{embedding, RetentionReport};
use crate::i18n::Arg;

#[derive(Debug, thiserror::Error)]
#[error("the report PDF could not be written: {0}")]
pub struct ReportPdfError(String);

/// Renders the report in `language`; the signed JSON rides along at the end of the file.
/// `config` words each class's retention rule, as the auditor's page does.
pub fn render(
    report: &RetentionReport,
    language: ReportLanguage<'_>,
    config: &Config,
) -> Result<Vec<u8>, ReportPdfError> {
    let mut w = Writer::new(language);
    title(&mut w, report);
    data_classes(&mut w, report, config);
    purge_runs(&mut w, report);
    audit_chain(&mut w, report);
    keys(&mut w, report);
    staff_reads(&mut w, report);
    legal_holds(&mut w, report);
    staff_changes(&mut w, report);
    verification(&mut w, report);
    w.signature_section(report.signature.as_ref());
    let title = w.t("audit-title", &[]);
    let subject = w.t(
        "report-pdf-as-of",
        &[
            ("jurisdiction", report.jurisdiction.as_str().into()),
            ("date", report.as_of.to_string().into()),
        ],
    );
    let mut bytes = w.save(&title, &subject).map_err(ReportPdfError)?;
    // After %%EOF a PDF reader ignores comments; `report verify` reads this line.
    let signed = embedding(report).map_err(|e| ReportPdfError(e.to_string()))?;
    bytes.extend_from_slice(format!("\n%{signed}\n").as_bytes());
    Ok(bytes)
}

/// The title, what the report covers, and the verdict on overdue records.
fn title(w: &mut Writer<'_>, report: &RetentionReport) {
    let words = w.words;
    w.paragraph(Style::bold(18.0, ACCENT), &w.t("audit-title", &[]));
    let as_of = w.t(
        "report-pdf-as-of",
        &[
            ("jurisdiction", report.jurisdiction.as_str().into()),
            ("date", words.date(report.as_of).into()),
        ],
    );
    w.paragraph(Style::regular(11.0, INK), &as_of);
    let generated = w.t(
        "report-pdf-generated",
        &[
            (
                "generated",
                report
                    .generated_at
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
                    .into(),
            ),
            ("from", words.date(report.period_start).into()),
            ("to", words.date(report.as_of).into()),
        ],
    );
    w.paragraph(Style::regular(8.5, MUTED), &generated);
    if let Some(counted) = report.held_counted_at {
        let counted = counted.format("%Y-%m-%d %H:%M").to_string();
        let counted = w.t("report-held-counted", &[("counted", counted.into())]);
        w.paragraph(Style::regular(8.5, MUTED), &counted);
    }
    let overdue: u64 = report.classes.iter().map(|c| c.overdue).sum();
    let (verdict, rgb) = if overdue == 0 {
        (w.t("audit-overdue-none", &[]), ACCENT)
    } else {
        (
            w.t("audit-overdue-some", &[("count", overdue.into())]),
            ALARM,
        )
    };
    w.y -= 6.0;
    w.paragraph(Style::bold(11.0, rgb), &verdict);
}

/// How long the oldest record of each class with a day limit has been kept, against the limit.
fn chart(w: &mut Writer<'_>, report: &RetentionReport) {
    let bars: Vec<_> = report
        .classes
        .iter()
        .filter_map(|c| report_chart::bar(c.into(), report.as_of).map(|bar| (c, bar)))
        .collect();
    w.paragraph(Style::regular(7.5, MUTED), &w.t("chart-desc", &[]));
    let row_h = 26.0;
    w.need(row_h * bars.len() as f32 + 16.0);
    let label_w = 120.0;
    let plot_x = MARGIN + label_w;
    let plot_w = PAGE_W - MARGIN - plot_x - 135.0;
    let top = w.y - 4.0;
    for (i, (class, bar)) in bars.iter().enumerate() {
        let base = top - row_h * (i as f32) - 20.0;
        let bar_w = (bar.filled as f32 * plot_w).max(if class.held > 0 { 1.5 } else { 0.0 });
        let rgb = if bar.overdue { ALARM } else { ACCENT };
        let label = w.t(&format!("chart-label-{}", class.class), &[]);
        w.label(
            (MARGIN, base + 4.0),
            Style::bold(8.5, INK),
            &label,
            label_w - 6.0,
        );
        w.rect((plot_x, base), (plot_w, 14.0), [0xee, 0xf1, 0xf5]);
        w.rect((plot_x, base), (bar_w, 14.0), rgb);
        let limit_x = plot_x + report_chart::limit_mark() as f32 * plot_w;
        w.rule((limit_x, base - 3.0), (limit_x, base + 17.0), INK, 1.2);
        let caption = if class.held == 0 {
            w.t("chart-none-held", &[])
        } else {
            w.t(
                "chart-caption",
                &[
                    ("age", Arg::Number(bar.age_days)),
                    ("limit", Arg::from(bar.limit_days)),
                ],
            )
        };
        w.text(
            (plot_x + plot_w + 4.0, base + 4.0),
            Style {
                size: 7.0,
                bold: bar.overdue,
                rgb,
            },
            &caption,
            PAGE_W - MARGIN - (plot_x + plot_w + 4.0),
        );
    }
    w.y = top - row_h * bars.len() as f32 - 6.0;
}

/// The chart, the table of data classes, and each class's policy in words.
fn data_classes(w: &mut Writer<'_>, report: &RetentionReport, config: &Config) {
    let words = w.words;
    w.heading(&w.t("audit-classes", &[]));
    chart(w, report);
    let class_name = |class: &str| words.t(&format!("class-{class}"), &[]);
    let rows: Vec<Vec<String>> = report
        .classes
        .iter()
        .map(|c| {
            vec![
                class_name(&c.class),
                words.number(c.held),
                c.oldest.map_or_else(|| "—".into(), |d| words.date(d)),
                if c.overdue > 0 {
                    format!("!{}", words.number(c.overdue))
                } else {
                    "0".into()
                },
                words.number(c.under_legal_hold),
                words.number(c.destroyed_in_period),
            ]
        })
        .collect();
    let header = w.ts(&[
        "col-class",
        "col-held",
        "col-oldest",
        "col-overdue",
        "col-legal-hold",
        "col-destroyed",
    ]);
    w.table(&[0.0, 150.0, 205.0, 300.0, 355.0, 420.0], &header, &rows);
    w.y -= 4.0;
    for c in &report.classes {
        let policy = policy_in_words(config, &c.class, &words);
        let line = format!("{}: {policy}", class_name(&c.class));
        w.paragraph(Style::regular(7.5, MUTED), &line);
    }
}

/// The latest purge runs (12 at most); a run that did not complete is marked.
fn purge_runs(w: &mut Writer<'_>, report: &RetentionReport) {
    let words = w.words;
    w.heading(&w.t("audit-purges", &[]));
    let count = |n: i64| words.number(u64::try_from(n).unwrap_or(0));
    let runs: Vec<Vec<String>> = report
        .purge_runs
        .iter()
        .take(12)
        .map(|r| {
            let outcome = words.t(&format!("purge-outcome-{}", r.outcome), &[]);
            vec![
                r.started_at.format("%Y-%m-%d %H:%M").to_string(),
                words.t(&format!("purge-trigger-{}", r.trigger), &[]),
                if r.outcome == "completed" {
                    outcome
                } else {
                    format!("!{outcome}")
                },
                count(r.residents_destroyed + r.unissued_destroyed),
                count(r.addresses_destroyed),
                count(r.audit_entries_removed),
                if r.epochs_destroyed.is_empty() {
                    "—".into()
                } else {
                    r.epochs_destroyed.join(" ")
                },
            ]
        })
        .collect();
    if runs.is_empty() {
        w.paragraph(Style::regular(8.5, MUTED), &w.t("audit-no-purges", &[]));
        return;
    }
    let header = w.ts(&[
        "report-pdf-started",
        "col-trigger",
        "col-outcome",
        "col-residents-destroyed",
        "col-addresses-destroyed",
        "col-audit-removed",
        "col-epochs-destroyed",
    ]);
    w.table(
        &[0.0, 75.0, 150.0, 210.0, 270.0, 330.0, 390.0],
        &header,
        &runs,
    );
}

fn audit_chain(w: &mut Writer<'_>, report: &RetentionReport) {
    w.heading(&w.t("report-pdf-chain", &[]));
    let chain = &report.audit.chain;
    let entries = Arg::Number(chain.entries);
    let state = if chain.intact {
        w.t("audit-chain-intact", &[("entries", entries)])
    } else {
        let first = chain.first_bad_entry.unwrap_or_default();
        let first = Arg::Number(first);
        w.t(
            "audit-chain-broken",
            &[("entries", entries), ("first", first)],
        )
    };
    let style = if chain.intact {
        Style::regular(9.5, INK)
    } else {
        Style::bold(9.5, ALARM)
    };
    w.paragraph(style, &state);
    if let Some(checked) = report.audit.checked_in_full_at {
        let checked = checked.format("%Y-%m-%d %H:%M").to_string();
        let checked = w.t("audit-chain-checked", &[("checked", checked.into())]);
        w.paragraph(Style::regular(8.5, MUTED), &checked);
    }
    let sealed = match report.audit.last_sealed_entry {
        Some(seq) => w.t("report-pdf-sealed", &[("entry", Arg::Number(seq))]),
        None => w.t("report-pdf-unsealed", &[]),
    };
    w.paragraph(Style::regular(8.5, MUTED), &sealed);
}

/// The epochs that protect residents, the empty and destroyed ones, and the key statement.
fn keys(w: &mut Writer<'_>, report: &RetentionReport) {
    let words = w.words;
    w.heading(&w.t("audit-keys", &[]));
    let keys = &report.keys;
    let summary = w.t(
        "audit-keys-summary",
        &[
            ("live", keys.epochs.len().into()),
            ("empty", keys.empty_epochs_prepared.into()),
            ("destroyed", keys.destroyed.len().into()),
        ],
    );
    w.paragraph(Style::regular(8.5, INK), &summary);
    let epochs: Vec<Vec<String>> = keys
        .epochs
        .iter()
        .map(|e| {
            vec![
                e.epoch.clone(),
                e.key_version.to_string(),
                words.number(e.data_keys),
            ]
        })
        .collect();
    if epochs.is_empty() {
        w.paragraph(
            Style::regular(8.5, MUTED),
            &w.t("report-pdf-no-epochs", &[]),
        );
    } else {
        let header = w.ts(&["col-epoch", "col-key-version", "col-data-keys"]);
        w.table(&[0.0, 90.0, 180.0], &header, &epochs);
    }
    let destroyed: Vec<String> = keys
        .destroyed
        .iter()
        .map(|d| format!("{} ({})", d.epoch, d.destroyed_at.format("%Y-%m-%d")))
        .collect();
    let destroyed = if destroyed.is_empty() {
        w.t("report-pdf-none", &[])
    } else {
        destroyed.join(", ")
    };
    let line = w.t(
        "report-pdf-destroyed-epochs",
        &[("epochs", destroyed.into())],
    );
    w.paragraph(Style::regular(8.5, INK), &line);
    let statement = w.t(
        "audit-keys-statement",
        &[
            ("n", Arg::from(keys.key_ring_backup_days)),
            ("w", Arg::from(keys.backup_window_months)),
            ("w1", Arg::from(keys.backup_window_months + 1)),
        ],
    );
    w.paragraph(Style::regular(8.0, MUTED), &statement);
}

fn staff_reads(w: &mut Writer<'_>, report: &RetentionReport) {
    let words = w.words;
    w.heading(&w.t("audit-reads", &[]));
    let reads: Vec<Vec<String>> = report
        .staff_reads
        .iter()
        .map(|s| {
            vec![
                s.username.clone(),
                words.t(&format!("role-{}", s.role), &[]),
                words.number(s.personal_data_reads),
            ]
        })
        .collect();
    let header = w.ts(&["username", "col-role", "col-reads"]);
    w.table(&[0.0, 180.0, 300.0], &header, &reads);
}

/// The legal holds in force: destruction of what they cover waits for their lift.
fn legal_holds(w: &mut Writer<'_>, report: &RetentionReport) {
    let words = w.words;
    w.heading(&w.t("holds-title", &[]));
    if report.legal_holds.is_empty() {
        w.paragraph(Style::regular(9.5, INK), &w.t("report-pdf-holds-none", &[]));
        return;
    }
    let rows: Vec<Vec<String>> = report
        .legal_holds
        .iter()
        .map(|h| {
            let scope = match (h.enrolled_from, h.enrolled_to, &h.site) {
                (Some(from), Some(to), _) => words.t(
                    "hold-scope-enrolled_between",
                    &[
                        ("from", words.date(from).into()),
                        ("to", words.date(to).into()),
                    ],
                ),
                (_, _, Some(site)) => words.t("hold-scope-site", &[("site", site.as_str().into())]),
                _ => words.t("hold-scope-all", &[]),
            };
            vec![
                h.reference.clone(),
                scope,
                words.date(h.placed_at.date_naive()),
            ]
        })
        .collect();
    let header = w.ts(&["col-hold-reference", "col-hold-scope", "col-hold-placed"]);
    w.table(&[0.0, 160.0, 360.0], &header, &rows);
}

fn staff_changes(w: &mut Writer<'_>, report: &RetentionReport) {
    let words = w.words;
    w.heading(&w.t("audit-staff-changes", &[]));
    if report.staff_changes.is_empty() {
        let none = w.t("audit-no-staff-changes", &[]);
        w.paragraph(Style::regular(9.5, INK), &none);
        return;
    }
    let rows: Vec<Vec<String>> = report
        .staff_changes
        .iter()
        .map(|c| {
            let by = match c.by.as_str() {
                "command line" => words.t("staff-change-by-cli", &[]),
                "first start" => words.t("staff-change-by-system", &[]),
                other => other.to_owned(),
            };
            vec![
                c.at.format("%Y-%m-%d %H:%M").to_string(),
                words.t(&format!("staff-change-{}", c.change), &[]),
                c.account.clone(),
                by,
            ]
        })
        .collect();
    let header = w.ts(&["col-when", "col-change", "col-account", "col-by"]);
    w.table(&[0.0, 100.0, 230.0, 350.0], &header, &rows);
}

fn verification(w: &mut Writer<'_>, report: &RetentionReport) {
    w.heading(&w.t("audit-checks", &[]));
    let v = &report.verification;
    let line = format!(
        "{} {}",
        w.t(
            "audit-verifications",
            &[
                ("checks", v.checks.into()),
                ("valid", v.valid.into()),
                ("not_valid", v.not_valid.into()),
            ],
        ),
        w.t("report-pdf-per-card", &[])
    );
    w.paragraph(Style::regular(9.5, INK), &line);
}
