//! The auditor's page: the retention report (the same `services::report::build` as the API),
//! with a chart drawn here as inline SVG — the age of each class's oldest record against its
//! policy limit — its downloads, and the audit chain's state.

use actix_web::{web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use minijinja::{context, Value};
use serde::{Deserialize, Serialize};

use super::i18n::Arg;
use super::view::{PageError, Viewer};
use crate::domain::report::ClassReport;
use crate::domain::resident::parse_date;
use crate::domain::staff::Permission;
use crate::render::report_chart;
use crate::render::report_words::policy_in_words;
use crate::services::report;

#[derive(Deserialize)]
pub struct ReportQuery {
    as_of: Option<String>,
}

/// One bar of the chart.
#[derive(Debug, Serialize, PartialEq)]
struct Bar {
    label: String,
    /// Text after the bar: "412 of 1,860 days".
    caption: String,
    y: u32,
    /// The bar: the oldest record's age, as a share of the track.
    x: u32,
    width: u32,
    /// The policy limit's mark on the track.
    limit_x: u32,
    text_x: u32,
    over: bool,
}

#[derive(Debug, Serialize)]
struct Chart {
    width: u32,
    height: u32,
    track_x: u32,
    track_width: u32,
    bars: Vec<Bar>,
}

const CHART_WIDTH: u32 = 720;
const LABEL_WIDTH: u32 = 230;
const TRACK_WIDTH: u32 = 330;
const ROW: u32 = 34;

/// Bars for the classes with a limit in days (`render::report_chart`, as in the PDF), mirrored
/// for a right-to-left page.
fn chart(classes: &[ClassReport], as_of: NaiveDate, rtl: bool, viewer: &Viewer) -> Chart {
    let mut bars = Vec::new();
    for class in classes {
        let Some(bar) = report_chart::bar(class.into(), as_of) else {
            continue;
        };
        let (age, limit) = (bar.age_days, bar.limit_days);
        let width = (bar.filled * f64::from(TRACK_WIDTH)).round() as u32;
        let limit_at = (report_chart::limit_mark() * f64::from(TRACK_WIDTH)).round() as u32;
        let y = bars.len() as u32 * ROW + 10;
        // Texts are anchored at their start, which on a right-to-left page is their right end.
        let (x, limit_x, text_x) = if rtl {
            let track_right = CHART_WIDTH - LABEL_WIDTH;
            (
                track_right - width,
                track_right - limit_at,
                track_right - TRACK_WIDTH - 8,
            )
        } else {
            (
                LABEL_WIDTH,
                LABEL_WIDTH + limit_at,
                LABEL_WIDTH + TRACK_WIDTH + 8,
            )
        };
        let caption = if class.held == 0 {
            viewer.text("chart-none-held", &[])
        } else {
            viewer.text(
                "chart-caption",
                &[("age", Arg::Number(age)), ("limit", Arg::from(limit))],
            )
        };
        bars.push(Bar {
            label: viewer.text(&format!("chart-label-{}", class.class), &[]),
            caption,
            y,
            x,
            width,
            limit_x,
            text_x,
            over: bar.overdue,
        });
    }
    let track_x = if rtl {
        CHART_WIDTH - LABEL_WIDTH - TRACK_WIDTH
    } else {
        LABEL_WIDTH
    };
    Chart {
        width: CHART_WIDTH,
        height: bars.len() as u32 * ROW + 30,
        track_x,
        track_width: TRACK_WIDTH,
        bars,
    }
}

pub async fn page(
    viewer: Viewer,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, PageError> {
    viewer.require(Permission::Audit)?;
    let today = viewer.ctx.clock.today();
    let (as_of, date_error) = match query.as_of.as_deref().filter(|s| !s.is_empty()) {
        None => (today, None),
        Some(raw) => match parse_date("as_of", raw) {
            Ok(day) => (day, None),
            Err(_) => (today, Some(viewer.text("err-invalid_date", &[]))),
        },
    };
    let ctx = viewer.ctx.clone();
    let built =
        crate::web::blocking(move || report::build(&ctx, as_of, report::Counting::LastCensus))
            .await
            .map_err(|e| viewer.internal(e.into()))?
            .map_err(|e| viewer.internal(e))?;
    let rtl = viewer.lang.dir == super::i18n::Direction::Rtl;
    let chart = chart(&built.classes, as_of, rtl, &viewer);
    let classes: Vec<Value> = built
        .classes
        .iter()
        .map(|c| {
            context! {
                name => viewer.text(&format!("class-{}", c.class), &[]),
                class => c.class.clone(),
                policy => policy_in_words(&viewer.ctx.config, &c.class, &viewer.words()),
                policy_days => c.policy_days,
                held => c.held,
                oldest => c.oldest.map(|d| d.to_string()),
                overdue => c.overdue,
                under_legal_hold => c.under_legal_hold,
                destroyed => c.destroyed_in_period,
            }
        })
        .collect();
    let overdue_total: u64 = built.classes.iter().map(|c| c.overdue).sum();
    let held_total: u64 = built.classes.iter().map(|c| c.under_legal_hold).sum();
    // The council's report covers months that are over: up to last month.
    let last_month = viewer
        .ctx
        .clock
        .today()
        .with_day(1)
        .and_then(|first| first.pred_opt())
        .unwrap_or(as_of);
    viewer.ok(
        "audit.html",
        context! {
            as_of => as_of.to_string(),
            date_error => date_error,
            report => Value::from_serialize(&built),
            classes => classes,
            chart => Value::from_serialize(&chart),
            overdue_total => overdue_total,
            held_total => held_total,
            holds_in_force => built.legal_holds.len(),
            downloads => ["json", "csv", "pdf"],
            program_from => format!("{}-01", last_month.format("%Y")),
            program_to => last_month.format("%Y-%m").to_string(),
            keys_statement => viewer.text(
                "audit-keys-statement",
                &[
                    ("n", Arg::from(built.keys.key_ring_backup_days)),
                    ("w", Arg::from(built.keys.backup_window_months)),
                    ("w1", Arg::from(built.keys.backup_window_months + 1)),
                ],
            ),
        },
    )
}
