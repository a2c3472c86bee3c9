//! Logs and metrics. Logs are structured and never carry personal data, tokens or bodies;
//! metrics are aggregate counters only.

use std::sync::atomic::{AtomicU64, Ordering};

use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Installs the global subscriber; `RUST_LOG` overrides the configured level. Text logs are
/// coloured only when `colour` is set (the caller passes whether the writer is a terminal), so a
/// log file or a journal gets no escape codes.
pub fn init<W>(level: &str, format: LogFormat, colour: bool, writer: W)
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(colour)
        .with_target(true);
    // A second init (tests) keeps the first subscriber.
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// A writer for the log that hands each line to a thread of its own, which writes to stderr
/// through a buffer: it takes every line queued, writes them in as few writes as fit the
/// buffer, and flushes when the queue is empty. A request's worker thread no longer makes a
/// write per line (the access log at the default `info` level is a line per request). Nothing is
/// dropped: when the queue is full, the writer waits. Keep the guard until the process ends;
/// dropping it writes what is queued.
pub fn stderr_writer() -> (
    tracing_appender::non_blocking::NonBlocking,
    tracing_appender::non_blocking::WorkerGuard,
) {
    tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        // The queue is allocated whole at start: 128,000 lines (the default) took 4 MB.
        .buffered_lines_limit(8_192)
        .thread_name("muni-id-log")
        .finish(std::io::BufWriter::with_capacity(
            64 * 1024,
            std::io::stderr(),
        ))
}

/// Counters exposed at `/metrics` (see [`render_metrics`]).
#[derive(Debug, Default)]
pub struct Metrics {
    responses: [AtomicU64; 5],
    pub enrollments: AtomicU64,
    pub resident_reads: AtomicU64,
    pub logins_succeeded: AtomicU64,
    pub logins_failed: AtomicU64,
    pub logins_throttled: AtomicU64,
}

impl Metrics {
    pub fn count_response(&self, status: u16) {
        let class = usize::from((status / 100).clamp(1, 5)) - 1;
        self.responses[class].fetch_add(1, Ordering::Relaxed);
    }

    pub fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// Aggregate verification counters: the only trace verification leaves.
#[derive(Debug, Default)]
pub struct VerificationCounters {
    pub checks: AtomicU64,
    pub valid: AtomicU64,
    pub not_valid: AtomicU64,
    pub throttled: AtomicU64,
}

impl VerificationCounters {
    pub fn count(&self, valid: bool) {
        self.checks.fetch_add(1, Ordering::Relaxed);
        let counter = if valid { &self.valid } else { &self.not_valid };
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// Every counter in the OpenMetrics text format (`prometheus-client`, which ends each help
/// text with its full stop), which Prometheus reads.
/// The registry is built from the counters' values at each scrape, so the counters themselves
/// stay plain atomics (the verification counts are also moved into the database every day).
pub fn render_metrics(metrics: &Metrics, verification: &VerificationCounters) -> String {
    let value = |counter: &AtomicU64| ConstCounter::new(counter.load(Ordering::Relaxed));
    let mut registry = Registry::with_prefix("muni_id");
    let responses = Family::<[(&'static str, &'static str); 1], Counter>::default();
    for (class, counter) in ["1xx", "2xx", "3xx", "4xx", "5xx"]
        .iter()
        .zip(&metrics.responses)
    {
        responses
            .get_or_create(&[("class", *class)])
            .inc_by(counter.load(Ordering::Relaxed));
    }
    registry.register(
        "http_responses",
        "HTTP responses by status class",
        responses,
    );
    for (name, help, counter) in [
        ("enrollments", "Residents enrolled", &metrics.enrollments),
        (
            "resident_reads",
            "Reads of a resident's personal data",
            &metrics.resident_reads,
        ),
        (
            "logins_succeeded",
            "Successful staff logins",
            &metrics.logins_succeeded,
        ),
        (
            "logins_failed",
            "Failed staff logins",
            &metrics.logins_failed,
        ),
        (
            "logins_throttled",
            "Logins refused by throttling",
            &metrics.logins_throttled,
        ),
        (
            "verifications",
            "Card checks answered",
            &verification.checks,
        ),
        (
            "verifications_valid",
            "Checks that answered valid",
            &verification.valid,
        ),
        (
            "verifications_not_valid",
            "Checks that answered not valid",
            &verification.not_valid,
        ),
        (
            "verifications_throttled",
            "Checks refused by throttling",
            &verification.throttled,
        ),
    ] {
        registry.register(name, help, value(counter));
    }
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = prometheus_client::encoding::text::encode(&mut out, &registry);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_render_as_openmetrics_with_every_counter() {
        let metrics = Metrics::default();
        metrics.count_response(201);
        metrics.count_response(204);
        metrics.count_response(429);
        Metrics::bump(&metrics.enrollments);
        let verification = VerificationCounters::default();
        verification.count(true);
        verification.count(false);
        let text = render_metrics(&metrics, &verification);
        for line in [
            "# TYPE muni_id_http_responses counter",
            "muni_id_http_responses_total{class=\"2xx\"} 2",
            "muni_id_http_responses_total{class=\"4xx\"} 1",
            "muni_id_http_responses_total{class=\"5xx\"} 0",
            "# HELP muni_id_enrollments Residents enrolled.",
            "muni_id_enrollments_total 1",
            "muni_id_verifications_total 2",
            "muni_id_verifications_valid_total 1",
            "muni_id_verifications_not_valid_total 1",
            "muni_id_logins_throttled_total 0",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
        }
        assert!(text.ends_with("# EOF\n"), "{text}");
    }
}
