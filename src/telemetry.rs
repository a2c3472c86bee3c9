//! Logs and metrics. Logs are structured and never carry personal data, tokens or bodies;
//! metrics are aggregate counters only.

use std::sync::atomic::{AtomicU64, Ordering};

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

/// Counters exposed at `/metrics` in the Prometheus text format.
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

    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP muni_id_http_responses_total HTTP responses by status class.\n");
        out.push_str("# TYPE muni_id_http_responses_total counter\n");
        for (i, counter) in self.responses.iter().enumerate() {
            out.push_str(&format!(
                "muni_id_http_responses_total{{class=\"{}xx\"}} {}\n",
                i + 1,
                counter.load(Ordering::Relaxed)
            ));
        }
        let simple = [
            (
                "muni_id_enrollments_total",
                "Residents enrolled.",
                &self.enrollments,
            ),
            (
                "muni_id_resident_reads_total",
                "Reads of a resident's personal data.",
                &self.resident_reads,
            ),
            (
                "muni_id_logins_succeeded_total",
                "Successful staff logins.",
                &self.logins_succeeded,
            ),
            (
                "muni_id_logins_failed_total",
                "Failed staff logins.",
                &self.logins_failed,
            ),
            (
                "muni_id_logins_throttled_total",
                "Logins refused by throttling.",
                &self.logins_throttled,
            ),
        ];
        for (name, help, counter) in simple {
            out.push_str(&format!(
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}\n",
                counter.load(Ordering::Relaxed)
            ));
        }
        out
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

impl VerificationCounters {
    /// The counters in the Prometheus text format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for (name, help, counter) in [
            (
                "muni_id_verifications_total",
                "Card checks answered.",
                &self.checks,
            ),
            (
                "muni_id_verifications_valid_total",
                "Checks that answered valid.",
                &self.valid,
            ),
            (
                "muni_id_verifications_not_valid_total",
                "Checks that answered not valid.",
                &self.not_valid,
            ),
            (
                "muni_id_verifications_throttled_total",
                "Checks refused by throttling.",
                &self.throttled,
            ),
        ] {
            out.push_str(&format!(
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}\n",
                counter.load(Ordering::Relaxed)
            ));
        }
        out
    }
}
