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

fn site_label(site: &str) -> &str {
    if site.is_empty() {
        NO_SITE
    } else {
        site
    }
}

fn month_label(month: NaiveDate) -> String {
    format!("{:04}-{:02}", month.year(), month.month())
}

/// The first day of each month from `from` to `to`.
fn months(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut month = from.with_day(1).unwrap_or(from);
    while month <= to {
        out.push(month);
        match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    out
}

/// One closed month's tables, protected on their own: rows are the measure's listed categories
/// then those counted that month, columns the sites counted that month. A month's figures
/// never change once it is over, so every report built from them publishes the same ones, and
/// no two reports can be subtracted to find what either hides.
struct MonthTables {
    counted: Vec<CountTable>,
    published: Vec<PublishedTable>,
}

impl MonthTables {
    fn build(
        measures: &[Measure],
        counts: &[&Counted<'_>],
        threshold: u64,
    ) -> Result<Self, String> {
        let mut sites: Vec<&str> = counts
            .iter()
            .map(|c| c.site)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if sites.is_empty() {
            sites.push("");
        }
        let counted: Vec<CountTable> = measures
            .iter()
            .map(|measure| {
                let mut rows = measure.listed.clone();
                let mut sums: BTreeMap<(&str, &str), u64> = BTreeMap::new();
                for c in counts.iter().filter(|c| c.metric == measure.metric) {
                    if !rows.iter().any(|r| r == c.category) {
                        rows.push(c.category.to_owned());
                    }
                    *sums.entry((c.category, c.site)).or_default() += c.count;
                }
                let counts = rows
                    .iter()
                    .map(|row| {
                        let row = row.as_str();
                        sites
                            .iter()
                            .map(|site| sums.get(&(row, *site)).copied().unwrap_or(0))
                            .collect()
                    })
                    .collect();
                CountTable {
                    rows,
                    columns: sites.iter().map(|s| (*s).to_owned()).collect(),
                    counts,
                }
            })
            .collect();
        let equal = equal_figures(measures, &counted);
        let published =
            disclosure::protect(&counted, &equal, threshold).map_err(|e| e.to_string())?;
        if !disclosure::is_protected(&counted, &published, &equal, threshold) {
            return Err("a month's suppressed tables did not pass their own check".into());
        }
        Ok(Self { counted, published })
    }

    /// A figure of table `t`: the category's count at a site, or its total over the sites
    /// (`site` None); for `row` None, the site's total or the month's. Exact 0 where the month
    /// had none.
    fn figure(&self, t: usize, row: Option<&str>, site: Option<&str>) -> (Published, u64) {
        let (counted, published) = (&self.counted[t], &self.published[t]);
        let r = row.map(|row| counted.rows.iter().position(|x| x == row));
        let c = site.map(|site| counted.columns.iter().position(|x| x == site));
        let zero = (Published::Exact(0), 0);
        match (r, c) {
            (Some(None), _) | (_, Some(None)) => zero,
            (Some(Some(r)), Some(Some(c))) => (published.cells[r][c], counted.counts[r][c]),
            (Some(Some(r)), None) => (published.row_totals[r], counted.counts[r].iter().sum()),
            (None, Some(Some(c))) => (
                published.column_totals[c],
                counted.counts.iter().map(|row| row[c]).sum(),
            ),
            (None, None) => (published.total, counted.counts.iter().flatten().sum()),
        }
    }
}

/// A sum of published figures: exact when every part is; otherwise hidden, as `<threshold`
/// when the true sum is small.
fn sum_shown(parts: impl Iterator<Item = (Published, u64)>, threshold: u64) -> Shown {
    let (mut exact, mut total) = (true, 0_u64);
    for (published, value) in parts {
        exact &= !published.is_hidden();
        total += value;
    }
    match (exact, total) {
        (true, n) => Shown::Count(n),
        (false, n) if (1..threshold).contains(&n) => Shown::Text(format!("<{threshold}")),
        (false, _) => Shown::Text("withheld".into()),
    }
}

/// Figures of two tables that count the same things, declared equal so that neither table
/// gives away what the other hides: every card issued has one fee outcome, at its site.
fn equal_figures(measures: &[Measure], tables: &[CountTable]) -> Vec<(Figure, Figure)> {
    let index = |metric: &str| measures.iter().position(|m| m.metric == metric);
    let (Some(cards), Some(fees)) = (index("card_issued"), index("fee")) else {
        return Vec::new();
    };
    let column_sum = |t: &CountTable, col: usize| t.counts.iter().map(|r| r[col]).sum::<u64>();
    let equal_columns: Vec<usize> = (0..tables[cards].columns.len())
        .filter(|col| column_sum(&tables[cards], *col) == column_sum(&tables[fees], *col))
        .collect();
    let mut equal: Vec<(Figure, Figure)> = equal_columns
        .iter()
        .map(|col| {
            (
                Figure::ColumnTotal(cards, *col),
                Figure::ColumnTotal(fees, *col),
            )
        })
        .collect();
    if equal_columns.len() == tables[cards].columns.len() {
        equal.push((Figure::Total(cards), Figure::Total(fees)));
    }
    equal
}

/// The report's columns: (label, site or every site, months it sums).
fn report_columns(
    grouping: Grouping,
    months: &[NaiveDate],
    sites: &[&str],
) -> Vec<(String, Option<String>, Vec<usize>)> {
    let all: Vec<usize> = (0..months.len()).collect();
    match (grouping.by_site, grouping.by_month) {
        (true, true) => sites
            .iter()
            .flat_map(|site| {
                months.iter().enumerate().map(move |(m, month)| {
                    (
                        format!("{} {}", site_label(site), month_label(*month)),
                        Some((*site).to_owned()),
                        vec![m],
                    )
                })
            })
            .collect(),
        (true, false) => sites
            .iter()
            .map(|site| {
                (
                    site_label(site).to_owned(),
                    Some((*site).to_owned()),
                    all.clone(),
                )
            })
            .collect(),
        (false, true) => months
            .iter()
            .enumerate()
            .map(|(m, month)| (month_label(*month), None, vec![m]))
            .collect(),
        (false, false) => vec![("all".to_owned(), None, all)],
    }
}

/// The measures' tables over the months `from..=to` (all of them over): each month protected on
/// its own, every published figure a month's figure or a sum of them (`MonthTables`).
pub fn tables(
    measures: &[Measure],
    counts: &[Counted<'_>],
    grouping: Grouping,
    (from, to): (NaiveDate, NaiveDate),
    threshold: u64,
) -> Result<Vec<ProgramTable>, String> {
    let months = months(from, to);
    let base = months
        .iter()
        .map(|month| {
            let of_month: Vec<&Counted<'_>> = counts.iter().filter(|c| c.month == *month).collect();
            MonthTables::build(measures, &of_month, threshold)
        })
        .collect::<Result<Vec<_>, _>>()?;
    let mut sites: Vec<&str> = counts
        .iter()
        .map(|c| c.site)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if sites.is_empty() {
        sites.push("");
    }
    let columns = report_columns(grouping, &months, &sites);
    let shown = |t: usize, row: Option<&str>, site: Option<&str>, of: &[usize]| {
        sum_shown(of.iter().map(|m| base[*m].figure(t, row, site)), threshold)
    };
    let all: Vec<usize> = (0..months.len()).collect();
    Ok(measures
        .iter()
        .enumerate()
        .map(|(t, measure)| {
            let mut rows = measure.listed.clone();
            for month in &base {
                for row in &month.counted[t].rows {
                    if !rows.contains(row) {
                        rows.push(row.clone());
                    }
                }
            }
            let cells = rows
                .iter()
                .map(|row| {
                    columns
                        .iter()
                        .map(|(_, site, of)| shown(t, Some(row), site.as_deref(), of))
                        .collect()
                })
                .collect();
            ProgramTable {
                metric: measure.metric.to_owned(),
                title: measure.title.to_owned(),
                row_totals: rows
                    .iter()
                    .map(|row| shown(t, Some(row), None, &all))
                    .collect(),
                column_totals: columns
                    .iter()
                    .map(|(_, site, of)| shown(t, None, site.as_deref(), of))
                    .collect(),
                total: shown(t, None, None, &all),
                columns: columns.iter().map(|(label, _, _)| label.clone()).collect(),
                cells,
                rows,
            }
        })
        .collect())
}

/// Checks a requested period: whole months (the counts are kept by month), all of them over by
/// `today` (a month's counts change until it ends: two reports a day apart would tell that
/// day's events), `to` not before `from`, at most `MAX_MONTHS` long.
pub fn check_period(from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Result<(), String> {
    if from.day() != 1 || to.succ_opt().is_some_and(|next| next.day() != 1) {
        return Err(
            "counts are kept by month: `from` must be the first day of a month and `to` the last day of one"
                .into(),
        );
    }
    if to < from {
        return Err("`to` is before `from`".into());
    }
    if to >= today.with_day(1).unwrap_or(today) {
        return Err(
            "this month is not over yet: its counts still change, so a report ends with last month"
                .into(),
        );
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
        let today = day(2027, 1, 15);
        assert_eq!(
            Grouping::parse("site,month").unwrap(),
            Grouping {
                by_site: true,
                by_month: true
            }
        );
        assert_eq!(Grouping::parse("").unwrap(), Grouping::default());
        assert!(Grouping::parse("zip_code").is_err());
        assert!(check_period(day(2026, 2, 1), day(2026, 1, 31), today).is_err());
        assert!(
            check_period(day(2026, 1, 2), day(2026, 1, 31), today).is_err(),
            "not a month's start"
        );
        assert!(
            check_period(day(2026, 1, 1), day(2026, 1, 30), today).is_err(),
            "not a month's end"
        );
        assert!(
            check_period(day(2016, 1, 1), day(2026, 1, 31), today).is_err(),
            "121 months"
        );
        assert!(
            check_period(day(2016, 1, 1), day(2025, 12, 31), today).is_ok(),
            "120 months"
        );
        assert!(check_period(day(2026, 1, 1), day(2026, 12, 31), today).is_ok());
        assert!(
            check_period(day(2027, 1, 1), day(2027, 1, 31), today).is_err(),
            "January 2027 is not over on its 15th"
        );
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
