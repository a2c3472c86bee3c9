//! The council's program report: the daily counts (`program_counts`) summed into one table per
//! measure — applications by age band, refusals by reason, cards by reason, fees, languages —
//! with a column per period (and site), every small figure suppressed so that no published
//! number, alone or through the sums, can single anyone out (`domain::disclosure`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::disclosure::{self, CountTable, Figure, Published, PublishedTable};
use super::report::ReportSignature;

/// What the `report` field of a program report says.
pub const REPORT_KIND: &str = "muni-id program report v1";

/// The longest period one report covers.
pub const MAX_MONTHS: u32 = 120;

/// How the columns split the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Grouping {
    pub by_site: bool,
    pub by_month: bool,
}

impl Grouping {
    /// `site`, `month`, `site,month` (either order), or empty for one column.
    pub fn parse(raw: &str) -> Result<Self, String> {
        let mut grouping = Grouping::default();
        for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "site" => grouping.by_site = true,
                "month" => grouping.by_month = true,
                other => {
                    return Err(format!(
                        "`{other}` is not a grouping: use site, month or site,month"
                    ))
                }
            }
        }
        Ok(grouping)
    }

    pub fn names(self) -> Vec<String> {
        [(self.by_site, "site"), (self.by_month, "month")]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, name)| (*name).to_owned())
            .collect()
    }
}

/// A figure as the report shows it: a count, `<11`, or `withheld`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Shown {
    Count(u64),
    Text(String),
}

impl Shown {
    fn of(figure: Published, threshold: u64) -> Self {
        match figure {
            Published::Exact(n) => Shown::Count(n),
            Published::Small => Shown::Text(format!("<{threshold}")),
            Published::Withheld => Shown::Text("withheld".into()),
        }
    }

    /// The figure as text, for CSV and PDF.
    pub fn text(&self) -> String {
        match self {
            Shown::Count(n) => n.to_string(),
            Shown::Text(t) => t.clone(),
        }
    }

    pub fn count(&self) -> Option<u64> {
        match self {
            Shown::Count(n) => Some(*n),
            Shown::Text(_) => None,
        }
    }
}

/// One measure as published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramTable {
    /// The counted metric: `application`, `denial`, `card_issued`, `fee`, `language`.
    pub metric: String,
    pub title: String,
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
    pub total: Shown,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgramReport {
    pub report: String,
    pub jurisdiction: String,
    pub generated_at: DateTime<Utc>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub by: Vec<String>,
    /// Counts from 1 to this minus one are shown as `<threshold`.
    pub threshold: u64,
    pub tables: Vec<ProgramTable>,
    pub signature: Option<ReportSignature>,
}

impl ProgramReport {
    /// The bytes the signature covers: the canonical JSON without `signature`.
    pub fn signed_bytes(&self) -> Result<Vec<u8>, serde_json::Error> {
        Ok(super::report::signed_form(serde_json::to_value(self)?).into_bytes())
    }
}

/// One measure to report: its metric, title, and the categories listed even when none were
/// counted (the age bands, the issue reasons …); categories counted but not listed follow.
pub struct Measure {
    pub metric: &'static str,
    pub title: &'static str,
    pub listed: Vec<String>,
}

/// One month's count, as stored.
pub struct Counted<'a> {
    /// The month's first day.
    pub month: NaiveDate,
    pub site: &'a str,
    pub metric: &'a str,
    pub category: &'a str,
    pub count: u64,
}

/// How a site with no recorded site is labelled.
pub const NO_SITE: &str = "no site recorded";

/// The columns a count falls in: its site, its month, or the whole period.
fn column_of(grouping: Grouping, site: &str, day: NaiveDate) -> String {
    let site = if site.is_empty() { NO_SITE } else { site };
    let month = format!("{:04}-{:02}", day.year(), day.month());
    match (grouping.by_site, grouping.by_month) {
        (true, true) => format!("{site} {month}"),
        (true, false) => site.to_owned(),
        (false, true) => month,
        (false, false) => "all".to_owned(),
    }
}

/// Every column of the period, in order: each month from `from` to `to` (with each site seen,
/// or the one "no site recorded"), or one column.
fn columns(
    grouping: Grouping,
    from: NaiveDate,
    to: NaiveDate,
    sites: &BTreeSet<&str>,
) -> Vec<String> {
    let mut days = Vec::new();
    let mut month = from.with_day(1).unwrap_or(from);
    while month <= to {
        days.push(month);
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX);
    }
    if !grouping.by_month {
        days.truncate(1);
    }
    let sites: Vec<&str> = if sites.is_empty() || !grouping.by_site {
        vec![""]
    } else {
        sites.iter().copied().collect()
    };
    let mut out = Vec::new();
    for site in &sites {
        for day in &days {
            let column = column_of(grouping, site, *day);
            if !out.contains(&column) {
                out.push(column);
            }
        }
    }
    out
}

/// The measures' count tables over `from..=to`.
fn count_tables(
    measures: &[Measure],
    counts: &[Counted<'_>],
    grouping: Grouping,
    (from, to): (NaiveDate, NaiveDate),
) -> Vec<CountTable> {
    let sites: BTreeSet<&str> = counts.iter().map(|c| c.site).collect();
    let columns = columns(grouping, from, to, &sites);
    measures
        .iter()
        .map(|measure| {
            let mut rows = measure.listed.clone();
            let mut sums: BTreeMap<(String, String), u64> = BTreeMap::new();
            for c in counts.iter().filter(|c| c.metric == measure.metric) {
                if !rows.iter().any(|r| r == c.category) {
                    rows.push(c.category.to_owned());
                }
                let column = column_of(grouping, c.site, c.month);
                *sums.entry((c.category.to_owned(), column)).or_default() += c.count;
            }
            let counts = rows
                .iter()
                .map(|row| {
                    columns
                        .iter()
                        .map(|col| sums.get(&(row.clone(), col.clone())).copied().unwrap_or(0))
                        .collect()
                })
                .collect();
            CountTable {
                rows,
                columns: columns.clone(),
                counts,
            }
        })
        .collect()
}

/// Figures of two tables that count the same things, declared equal so that neither table
/// gives away what the other hides: every card issued has one fee outcome.
fn equal_figures(measures: &[Measure], tables: &[CountTable]) -> Vec<(Figure, Figure)> {
    let index = |metric: &str| measures.iter().position(|m| m.metric == metric);
    let (Some(cards), Some(fees)) = (index("card_issued"), index("fee")) else {
        return Vec::new();
    };
    let column_sum = |t: &CountTable, col: usize| t.counts.iter().map(|r| r[col]).sum::<u64>();
    let columns = tables[cards].columns.len();
    let all_equal =
        (0..columns).all(|col| column_sum(&tables[cards], col) == column_sum(&tables[fees], col));
    if !all_equal {
        return Vec::new();
    }
    let mut equal: Vec<(Figure, Figure)> = (0..columns)
        .map(|col| {
            (
                Figure::ColumnTotal(cards, col),
                Figure::ColumnTotal(fees, col),
            )
        })
        .collect();
    equal.push((Figure::Total(cards), Figure::Total(fees)));
    equal
}

fn shown_table(measure: &Measure, table: PublishedTable, threshold: u64) -> ProgramTable {
    let shown = |f: Published| Shown::of(f, threshold);
    ProgramTable {
        metric: measure.metric.to_owned(),
        title: measure.title.to_owned(),
        rows: table.rows,
        columns: table.columns,
        cells: table
            .cells
            .into_iter()
            .map(|row| row.into_iter().map(shown).collect())
            .collect(),
        row_totals: table.row_totals.into_iter().map(shown).collect(),
        column_totals: table.column_totals.into_iter().map(shown).collect(),
        total: shown(table.total),
    }
}

/// The measures' tables over `from..=to`, small figures suppressed and protected; refused when
/// the protection cannot be confirmed (nothing unprotected is ever published).
pub fn tables(
    measures: &[Measure],
    counts: &[Counted<'_>],
    grouping: Grouping,
    (from, to): (NaiveDate, NaiveDate),
    threshold: u64,
) -> Result<Vec<ProgramTable>, String> {
    let counted = count_tables(measures, counts, grouping, (from, to));
    let equal = equal_figures(measures, &counted);
    let published = disclosure::protect(&counted, &equal, threshold).map_err(|e| e.to_string())?;
    if !disclosure::is_protected(&counted, &published, &equal, threshold) {
        return Err("the suppressed tables did not pass their own check".into());
    }
    Ok(measures
        .iter()
        .zip(published)
        .map(|(measure, table)| shown_table(measure, table, threshold))
        .collect())
}

/// Checks a requested period: whole months (the counts are kept by month), `to` not before
/// `from`, at most `MAX_MONTHS` long.
pub fn check_period(from: NaiveDate, to: NaiveDate) -> Result<(), String> {
    if from.day() != 1 || to.succ_opt().is_some_and(|next| next.day() != 1) {
        return Err(
            "counts are kept by month: `from` must be the first day of a month and `to` the last day of one"
                .into(),
        );
    }
    if to < from {
        return Err("`to` is before `from`".into());
    }
    let months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32 + 1;
    if months > MAX_MONTHS as i32 {
        return Err(format!("a report covers at most {MAX_MONTHS} months"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn measures() -> Vec<Measure> {
        let listed = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
        vec![
            Measure {
                metric: "card_issued",
                title: "Cards issued",
                listed: listed(&["new", "renewal"]),
            },
            Measure {
                metric: "fee",
                title: "Fees",
                listed: listed(&["paid", "waived:low_income"]),
            },
        ]
    }

    #[test]
    fn counts_sum_into_month_columns_and_small_ones_are_suppressed() {
        let counts: Vec<Counted<'_>> = [
            (day(2026, 1, 1), "new", 40),
            (day(2026, 1, 1), "new", 3),
            (day(2026, 2, 1), "new", 60),
            (day(2026, 2, 1), "renewal", 30),
        ]
        .iter()
        .flat_map(|(d, reason, n)| {
            let fee = if *reason == "renewal" {
                "waived:low_income"
            } else {
                "paid"
            };
            [
                Counted {
                    month: *d,
                    site: "",
                    metric: "card_issued",
                    category: reason,
                    count: *n,
                },
                Counted {
                    month: *d,
                    site: "",
                    metric: "fee",
                    category: fee,
                    count: *n,
                },
            ]
        })
        .collect();
        let grouping = Grouping::parse("month").unwrap();
        let tables = tables(
            &measures(),
            &counts,
            grouping,
            (day(2026, 1, 1), day(2026, 3, 31)),
            11,
        )
        .unwrap();
        let cards = &tables[0];
        assert_eq!(cards.columns, ["2026-01", "2026-02", "2026-03"]);
        assert_eq!(
            cards.cells[0][0],
            Shown::Count(43),
            "January's counts summed"
        );
        assert_eq!(cards.cells[0][1], Shown::Count(60));
        assert_eq!(cards.cells[1][2], Shown::Count(0));
        assert_eq!(cards.total, Shown::Count(133));
    }

    #[test]
    fn a_small_count_is_never_published_nor_derivable_from_its_row_or_column() {
        let counts = vec![
            Counted {
                month: day(2026, 1, 1),
                site: "",
                metric: "card_issued",
                category: "new",
                count: 50,
            },
            Counted {
                month: day(2026, 1, 1),
                site: "",
                metric: "card_issued",
                category: "renewal",
                count: 3,
            },
            Counted {
                month: day(2026, 2, 1),
                site: "",
                metric: "card_issued",
                category: "new",
                count: 70,
            },
            Counted {
                month: day(2026, 2, 1),
                site: "",
                metric: "card_issued",
                category: "renewal",
                count: 25,
            },
            Counted {
                month: day(2026, 1, 1),
                site: "",
                metric: "fee",
                category: "paid",
                count: 53,
            },
            Counted {
                month: day(2026, 2, 1),
                site: "",
                metric: "fee",
                category: "paid",
                count: 95,
            },
        ];
        let grouping = Grouping::parse("month").unwrap();
        let tables = tables(
            &measures(),
            &counts,
            grouping,
            (day(2026, 1, 1), day(2026, 2, 28)),
            11,
        )
        .unwrap();
        let cards = &tables[0];
        assert_eq!(cards.cells[1][0], Shown::Text("<11".into()));
        // Every line through the hidden cell keeps another figure hidden.
        let hidden = |s: &Shown| s.count().is_none();
        let row_hidden = cards.cells[1].iter().filter(|s| hidden(s)).count()
            + usize::from(hidden(&cards.row_totals[1]));
        let column_hidden = cards.cells.iter().filter(|r| hidden(&r[0])).count()
            + usize::from(hidden(&cards.column_totals[0]));
        assert!(row_hidden >= 2 && column_hidden >= 2, "{cards:?}");
        // The fee table's January total equals the cards' January total: hidden there too.
        let fees = &tables[1];
        assert!(
            hidden(&cards.column_totals[0]) == hidden(&fees.column_totals[0])
                || !hidden(&cards.column_totals[0]),
        );
    }

    #[test]
    fn groupings_and_periods_are_checked() {
        assert_eq!(
            Grouping::parse("site,month").unwrap(),
            Grouping {
                by_site: true,
                by_month: true
            }
        );
        assert_eq!(Grouping::parse("").unwrap(), Grouping::default());
        assert!(Grouping::parse("zip_code").is_err());
        assert!(check_period(day(2026, 2, 1), day(2026, 1, 31)).is_err());
        assert!(
            check_period(day(2026, 1, 2), day(2026, 1, 31)).is_err(),
            "not a month's start"
        );
        assert!(
            check_period(day(2026, 1, 1), day(2026, 1, 30)).is_err(),
            "not a month's end"
        );
        assert!(
            check_period(day(2016, 1, 1), day(2026, 1, 31)).is_err(),
            "121 months"
        );
        assert!(
            check_period(day(2016, 1, 1), day(2025, 12, 31)).is_ok(),
            "120 months"
        );
        assert!(check_period(day(2026, 1, 1), day(2026, 12, 31)).is_ok());
    }

    #[test]
    fn sites_are_columns_and_a_missing_site_is_named() {
        let counts = vec![Counted {
            month: day(2026, 1, 1),
            site: "",
            metric: "card_issued",
            category: "new",
            count: 12,
        }];
        let grouping = Grouping::parse("site").unwrap();
        let tables = tables(
            &measures(),
            &counts,
            grouping,
            (day(2026, 1, 1), day(2026, 3, 31)),
            11,
        )
        .unwrap();
        assert_eq!(tables[0].columns, [NO_SITE]);
    }
}
