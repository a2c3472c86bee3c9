//! The `muni-id` command line: serve, migrate, staff, config.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use crate::clock::SystemClock;
use crate::config::{Config, KeyBackend};
use crate::crypto::password::Password;
use crate::domain::staff::StaffRole;
use crate::services::staff::{self, CLI_ACTOR};
use crate::startup::{build_context, Application};
use crate::telemetry;

#[derive(Parser)]
#[command(
    name = "muni-id",
    version,
    about = "Municipal ID card issuance that keeps as little as it can"
)]
struct Cli {
    /// A configuration file layered over config/default.toml.
    #[arg(long, global = true, env = "MUNI_ID_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP service (creates the first admin on an empty database).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage staff accounts.
    Staff {
        #[command(subcommand)]
        command: StaffCommand,
    },
    /// Print the effective configuration, every secret masked.
    Config,
    /// Enforce retention now: destroy what is due, then the keys of epochs that are over.
    Purge {
        /// Say what would go, by class and epoch, and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Purge as if today were this day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_day)]
        as_of: Option<NaiveDate>,
    },
    /// Import from a program's old system.
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Signed reports: retention (for auditors) and the program's counts (for the council).
    Report {
        #[command(subcommand)]
        command: ReportCommand,
    },
    /// Manage keys.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Check the audit chain; exit status 0 only when it is intact.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Copy the database into a new folder: SQLite with VACUUM INTO while the service runs,
    /// PostgreSQL with pg_dump. Never any key material: back up key custody separately, and
    /// keep neither longer than keys.backup_window_months.
    Backup {
        /// The folder to write (new, or empty).
        #[arg(long = "to", value_name = "DIR")]
        to: PathBuf,
    },
    /// Restore a backup into the configured database, which must be new and empty, then say
    /// what it holds and how much of it still opens with today's keys.
    Restore {
        /// A folder written by `muni-id backup`.
        #[arg(long = "from", value_name = "DIR")]
        from: PathBuf,
    },
    /// Ask a running server's /healthz (for container health checks).
    Healthcheck {
        /// host:port to ask; defaults to server.bind.
        #[arg(long)]
        address: Option<String>,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Residents, and their active cards (reissued with new numbers and tokens), from a CSV
    /// export. Only the columns the mapping names are read; a re-run imports nothing twice,
    /// and a run stopped half-way resumes where it stopped.
    Residents {
        /// The export: CSV with a header row.
        file: PathBuf,
        /// Which column fills which field (TOML; see config/import-mapping.example.toml).
        #[arg(long)]
        mapping: PathBuf,
        /// The folder of the photo files the export names (default: the export's folder).
        #[arg(long)]
        photos: Option<PathBuf>,
        /// Where to write the signed import report (JSON); default `FILE.import-report.json`.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The admin the import runs as: the audit trail records the import as theirs.
        #[arg(long = "as", value_name = "USERNAME")]
        operator: String,
    },
}

#[derive(Subcommand)]
enum ReportCommand {
    /// Write the signed retention report.
    Retention {
        #[arg(long, value_parser = parse_day)]
        as_of: Option<NaiveDate>,
        #[arg(long, value_enum, default_value = "json")]
        format: ReportFormat,
        /// The language of a PDF's words: a page language (en, es, zh-Hans, zh-Hant, ru, bn,
        /// ht, ko, ar, ur, fr, pl).
        #[arg(long, default_value = "en")]
        lang: String,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Write the council's signed program report: applications, refusals, cards, fees and
    /// languages counted by month (and site), small counts suppressed.
    Program {
        /// The first day of a month.
        #[arg(long, value_parser = parse_day)]
        from: NaiveDate,
        /// The last day of a month.
        #[arg(long, value_parser = parse_day)]
        to: NaiveDate,
        /// Columns: `month`, `site`, `site,month`; absent, one column for the whole period.
        #[arg(long, default_value = "")]
        by: String,
        #[arg(long, value_enum, default_value = "json")]
        format: ReportFormat,
        /// The language of a PDF's words: a page language (en, es, zh-Hans, zh-Hant, ru, bn,
        /// ht, ko, ar, ur, fr, pl).
        #[arg(long, default_value = "en")]
        lang: String,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Check a report's signature (JSON, or the CSV or PDF that carries it).
    Verify { file: PathBuf },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Json,
    Csv,
    Pdf,
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Rotate every live epoch key: a new version, every data key re-wrapped under it in
    /// batches (resumable), then the old versions destroyed.
    Rotate,
    /// Start a new card-signing key. The old key's private half is destroyed; its public half
    /// stays published until every card it can have signed has expired, and vouches only for
    /// cards issued before now. Running servers switch without a restart.
    RotateSigning,
    /// Revoke a compromised card-signing key at once: no longer published, no card or status
    /// list it signed is valid any more (its audit seals stay checkable). When it was the
    /// signing key, a new one starts. Running servers follow without a restart.
    RevokeSigning {
        /// The key's id as /.well-known/jwks.json publishes it (base64url), or in hex. A
        /// base64url id may start with `-`; it is still the id, never an option.
        #[arg(allow_hyphen_values = true)]
        kid: String,
    },
    /// Turn the ratchet: move every data key whose epoch ends before its record is due to the
    /// epoch the rule allows (at most this month + keys.backup_window_months), then destroy
    /// the keys of every epoch that is over and empty. The scheduled purge does this too.
    /// Resumable; runs under the same lock as the purge.
    RollForward {
        /// Roll forward as if today were this day (YYYY-MM-DD); the ratchet never moves back.
        #[arg(long, value_parser = parse_day)]
        as_of: Option<NaiveDate>,
    },
    /// Move the keys out of the development file ring into the HSM or OpenBao that
    /// keys.backend names: every data key re-wrapped there (resumable, under the purge's lock),
    /// the file's public signing keys kept published and a new signing key started there,
    /// then the file ring deleted. Stop the servers first.
    Migrate {
        /// The backend to move to; keys.backend must already name it.
        #[arg(long, value_enum)]
        to: KeyBackend,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Walk the chain, compare it with the witness kept beside the keys, and report where it
    /// first breaks.
    Verify {
        /// Signed retention reports (JSON, CSV or PDF) whose seal the chain must still hold.
        #[arg(long = "report", value_name = "FILE")]
        reports: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum StaffCommand {
    /// Create an account. Without --password-stdin a one-time password is printed.
    Add {
        username: String,
        #[arg(long, value_parser = parse_role)]
        role: StaffRole,
        /// Read the password from standard input (it must be changed at first login: it was
        /// not chosen by the account's owner).
        #[arg(long)]
        password_stdin: bool,
    },
    /// List accounts.
    List,
    /// Disable an account and close its sessions.
    Disable { username: String },
    /// Re-enable a disabled account.
    Enable { username: String },
    /// Remove an account's second factors and recovery codes (a lost phone), close its
    /// sessions, and give it the grace period again to set up a new one. The way back in for
    /// an admin whose factors are lost, or for an account past its enrolment deadline.
    ResetFactors { username: String },
}

fn parse_day(raw: &str) -> Result<NaiveDate, String> {
    crate::domain::resident::parse_date("--as-of", raw).map_err(|e| e.message)
}

fn parse_role(raw: &str) -> Result<StaffRole, String> {
    StaffRole::parse(raw)
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match execute(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("muni-id: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn execute(cli: Cli) -> anyhow::Result<()> {
    let config = Config::load(cli.config.as_deref())?;
    match &cli.command {
        Command::Config => {
            print!("{}", config.to_masked_toml());
            return Ok(());
        }
        Command::Healthcheck { address } => {
            let address = address
                .clone()
                .unwrap_or_else(|| config.server.bind.clone());
            return healthcheck(&address);
        }
        _ => {}
    }
    let (log_writer, _log_flushed_on_return) = telemetry::stderr_writer();
    telemetry::init(
        &config.log.level,
        config.log.format,
        std::io::stderr().is_terminal(),
        log_writer,
    );
    match cli.command {
        Command::Serve => serve(config),
        Command::Migrate => migrate(&config),
        Command::Staff { command } => staff_command(config, command),
        Command::Backup { to } => backup(config, &to),
        Command::Restore { from } => restore(config, &from),
        Command::Audit {
            command: AuditCommand::Verify { reports },
        } => audit_verify(config, &reports),
        Command::Keys {
            command: KeysCommand::RotateSigning,
        } => rotate_signing_key(config),
        Command::Keys {
            command: KeysCommand::RevokeSigning { kid },
        } => revoke_signing_key(config, &kid),
        Command::Keys {
            command: KeysCommand::Rotate,
        } => rotate_keys(config),
        Command::Keys {
            command: KeysCommand::RollForward { as_of },
        } => roll_forward(config, as_of),
        Command::Keys {
            command: KeysCommand::Migrate { to },
        } => migrate_keys(config, to),
        Command::Purge { dry_run, as_of } => purge(config, dry_run, as_of),
        Command::Report { command } => report(config, command),
        Command::Import {
            command:
                ImportCommand::Residents {
                    file,
                    mapping,
                    photos,
                    output,
                    operator,
                },
        } => import_residents(config, (file, mapping, photos), operator, output),
        Command::Config | Command::Healthcheck { .. } => Ok(()),
    }
}

fn migrate(config: &Config) -> anyhow::Result<()> {
    let url = config.database_url();
    crate::db::connect(
        &url,
        1,
        config.database.connect_timeout_secs,
        std::time::Duration::from_millis(config.database.acquire_timeout_ms),
    )?;
    println!("The {} database is up to date.", url.backend_name());
    Ok(())
}

fn backup(config: Config, to: &std::path::Path) -> anyhow::Result<()> {
    let ctx = build_context(config, Arc::new(SystemClock))?;
    let manifest = crate::services::backup::backup(&ctx, to)?;
    println!(
        "Backed up the {} database to {} (taken {}).\n\
         It holds no keys; it opens with today's key custody until {} at the latest, \
         and nothing after.",
        manifest.backend,
        to.display(),
        manifest.taken_at.format("%Y-%m-%d %H:%M:%S UTC"),
        manifest.opens_until
    );
    Ok(())
}

fn restore(config: Config, from: &std::path::Path) -> anyhow::Result<()> {
    let restored = crate::services::backup::restore(config, Arc::new(SystemClock), from)?;
    println!(
        "Restored the backup taken {}.",
        restored.taken_at.format("%Y-%m-%d %H:%M:%S UTC")
    );
    println!("Rows by table:");
    for (table, rows) in &restored.rows {
        println!("  {table}: {rows}");
    }
    println!(
        "  residents whose data opens: {}; whose keys have been destroyed since: {}",
        restored.residents_readable, restored.residents_unreadable
    );
    println!(
        "Everything written after the backup was taken is not here: enrollments, cards, \
         changes and audit entries since then."
    );
    Ok(())
}

fn serve(config: Config) -> anyhow::Result<()> {
    let system = actix_web::rt::System::new();
    system.block_on(async move {
        let app = Application::build(config, Arc::new(SystemClock))?;
        let ctx = app.context();
        tracing::info!(
            address = %ctx.config.server.bind,
            port = app.port(),
            database = ctx.config.database_url().backend_name(),
            public_base_url = %ctx.config.public_base_url,
            "muni-id is listening"
        );
        let interval = ctx.config.retention.purge_interval_minutes;
        if interval > 0 {
            let upkeep = ctx.clone();
            actix_web::rt::spawn(async move {
                let mut tick =
                    actix_web::rt::time::interval(std::time::Duration::from_secs(interval * 60));
                loop {
                    tick.tick().await;
                    let ctx = upkeep.clone();
                    match actix_web::web::block(move || {
                        crate::services::purge::scheduled_upkeep(&ctx)
                    })
                    .await
                    {
                        Ok(Ok(())) => {}
                        Ok(Err(e)) => tracing::error!(cause = %e, "the scheduled purge failed"),
                        Err(e) => tracing::error!(cause = %e, "the scheduled purge did not run"),
                    }
                }
            });
        }
        app.run_until_stopped().await.context("the server stopped")
    })
}

fn read_password_from_stdin() -> anyhow::Result<Password> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .context("reading the password from standard input")?;
    let trimmed = text.trim_end_matches(['\n', '\r']).to_owned();
    Ok(Password::new(trimmed))
}

fn staff_command(config: Config, command: StaffCommand) -> anyhow::Result<()> {
    let ctx = build_context(config, Arc::new(SystemClock))?;
    match command {
        StaffCommand::Add {
            username,
            role,
            password_stdin,
        } => {
            let password = password_stdin.then(read_password_from_stdin).transpose()?;
            let (summary, generated) = staff::add(&ctx, CLI_ACTOR, &username, role, password)?;
            println!("Created {} ({}).", summary.username, summary.role.as_str());
            if let Some(one_time) = generated {
                println!(
                    "One-time password (must be changed at first login): {}",
                    one_time.expose()
                );
            }
        }
        StaffCommand::List => {
            println!("{:<24} {:<11} {:<9} created", "username", "role", "state");
            for s in staff::list(&ctx)? {
                let state = if s.disabled { "disabled" } else { "active" };
                println!(
                    "{:<24} {:<11} {:<9} {}",
                    s.username,
                    s.role.as_str(),
                    state,
                    s.created_at.format("%Y-%m-%d")
                );
            }
        }
        StaffCommand::Disable { username } => {
            staff::set_disabled(&ctx, CLI_ACTOR, &username, true)?;
            println!("Disabled {username}; their sessions are closed.");
        }
        StaffCommand::Enable { username } => {
            staff::set_disabled(&ctx, CLI_ACTOR, &username, false)?;
            println!("Enabled {username}.");
        }
        StaffCommand::ResetFactors { username } => {
            staff::reset_factors(&ctx, CLI_ACTOR, &username)?;
            let days = ctx.config.auth.second_factor.enrolment_grace_days;
            println!(
                "Removed the second factors of {username} and closed their sessions; they have {days} days to set up a new one."
            );
        }
    }
    Ok(())
}

fn rotate_signing_key(config: Config) -> anyhow::Result<()> {
    let ctx = build_context(config, Arc::new(SystemClock))?;
    let kid = ctx.signing.rotate(ctx.clock.now())?;
    record_key_event(&ctx, "keys.rotate_signing", &kid)?;
    println!(
        "New card-signing key {} (JWKS kid {}). Running servers sign with it from their next \
         request; cards signed before stay valid.",
        hex::encode(kid),
        URL_SAFE_NO_PAD.encode(kid)
    );
    Ok(())
}

fn revoke_signing_key(config: Config, kid: &str) -> anyhow::Result<()> {
    use crate::crypto::signing::parse_key_id;
    let ctx = build_context(config, Arc::new(SystemClock))?;
    let Some(kid) = parse_key_id(kid) else {
        anyhow::bail!(
            "`{kid}` is not a key id: give the kid as /.well-known/jwks.json shows it \
             (11 characters of base64url) or in hex (16 characters)"
        );
    };
    let revocation = ctx.signing.revoke(&kid, ctx.clock.now())?;
    record_key_event(&ctx, "keys.revoke_signing", &kid)?;
    if let Some(new_kid) = revocation.new_current {
        record_key_event(&ctx, "keys.rotate_signing", &new_kid)?;
    }
    println!(
        "Revoked card-signing key {} (hex {}): it is no longer published, and no card token or \
         status list it signed is valid any more. Running servers stop trusting it at their \
         next request.",
        URL_SAFE_NO_PAD.encode(kid),
        hex::encode(kid)
    );
    match revocation.new_current {
        Some(new_kid) => println!(
            "It was the signing key: new key {} (hex {}) signs from now on. Reprint the cards \
             it signed to make them valid again.",
            URL_SAFE_NO_PAD.encode(new_kid),
            hex::encode(new_kid)
        ),
        None => println!(
            "It was a retired key; the signing key is unchanged. Reprint the cards it signed \
             that are still in use."
        ),
    }
    Ok(())
}

/// Audits a signing-key change (actor "cli") and seals the chain with the key now current.
fn record_key_event(
    ctx: &crate::context::AppContext,
    action: &'static str,
    kid: &crate::crypto::signing::KeyId,
) -> anyhow::Result<()> {
    let mut conn = ctx.db()?;
    let now = ctx.clock.now();
    crate::services::audit::record_alone(
        &mut conn,
        now,
        CLI_ACTOR,
        action,
        Some(&hex::encode(kid)),
    )?;
    crate::services::audit::seal_head(
        &mut conn,
        &ctx.signing,
        &crate::services::audit::witness(&ctx.config),
        now,
    )?;
    Ok(())
}

fn audit_verify(config: Config, reports: &[PathBuf]) -> anyhow::Result<()> {
    use crate::services::{audit, report};
    let ctx = build_context(config, Arc::new(SystemClock))?;
    let mut conn = ctx.db()?;
    let state = audit::verify_chain(&mut conn, &ctx.signing, &audit::witness(&ctx.config))?;
    println!("{}", serde_json::to_string_pretty(&state)?);
    let mut reports_ok = true;
    for path in reports {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let verdict = match report::verify(&ctx.signing, &bytes) {
            Err(e) => Err(e.to_string()),
            Ok(checked) => match checked.audit.latest_seal {
                None => Ok("carries no seal (made before reports carried one)".to_owned()),
                Some(seal) => {
                    if audit::seal_in_chain(&mut conn, seal.seq, &seal.entry_hash)? {
                        Ok(format!("its seal of entry {} is in the chain", seal.seq))
                    } else {
                        Err(format!(
                            "its seal of entry {} is not in the chain: the chain was cut or \
                             rewritten since the report was made",
                            seal.seq
                        ))
                    }
                }
            },
        };
        match verdict {
            Ok(what) => println!("{}: signed, {what}.", path.display()),
            Err(why) => {
                reports_ok = false;
                println!("{}: FAILS: {why}.", path.display());
            }
        }
    }
    if !state.intact {
        anyhow::bail!(
            "the audit chain is broken at entry {}",
            state.first_bad_entry.unwrap_or_default()
        )
    }
    if !reports_ok {
        anyhow::bail!("a report's seal does not check against the audit chain")
    }
    Ok(())
}

/// A dependency-free HTTP GET of /healthz: the container image has no curl.
fn healthcheck(address: &str) -> anyhow::Result<()> {
    use std::io::Write;
    use std::net::{TcpStream, ToSocketAddrs};
    use std::time::Duration;
    let address = address.replace("0.0.0.0", "127.0.0.1");
    let target = address
        .to_socket_addrs()
        .context("resolving the address")?
        .next()
        .context("no address to ask")?;
    let mut stream = TcpStream::connect_timeout(&target, Duration::from_secs(3))?;
    stream.set_read_timeout(Some(Duration::from_secs(3)))?;
    write!(
        stream,
        "GET /healthz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    if response.starts_with("HTTP/1.1 200") {
        println!("healthy");
        Ok(())
    } else {
        anyhow::bail!(
            "unhealthy: {}",
            response.lines().next().unwrap_or("no answer")
        )
    }
}

fn progress_bar(what: &'static str) -> ProgressBar {
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(what);
    bar
}

fn purge(config: Config, dry_run: bool, as_of: Option<NaiveDate>) -> anyhow::Result<()> {
    use crate::services::purge::{self, PurgeOptions};
    let ctx = build_context(config, Arc::new(SystemClock))?;
    let options = PurgeOptions {
        as_of: as_of.unwrap_or_else(|| ctx.clock.today()),
        dry_run,
        trigger: CLI_ACTOR,
        fail_after: None,
    };
    let bar = progress_bar("destroying residents");
    let outcome = purge::run(&ctx, &options, &|done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    let verb = if dry_run {
        "would destroy"
    } else {
        "destroyed"
    };
    println!(
        "Purge as of {} ({}):",
        outcome.as_of,
        if dry_run {
            "dry run, nothing changed"
        } else {
            "done"
        }
    );
    println!(
        "  residents with a card      {verb} {}",
        outcome.residents_destroyed
    );
    println!(
        "  residents never issued     {verb} {}",
        outcome.unissued_destroyed
    );
    println!(
        "  printed addresses          {verb} {}",
        outcome.addresses_destroyed
    );
    println!(
        "  pick-up cards uncollected  {} {}",
        if dry_run { "would revoke" } else { "revoked" },
        outcome.cards_uncollected
    );
    println!(
        "  audit entries past policy  {verb} {}",
        outcome.audit_entries_removed
    );
    if !dry_run {
        println!(
            "  expired sessions           removed {}",
            outcome.sessions_removed
        );
        println!(
            "  data keys rolled forward   moved {}",
            outcome.data_keys_moved
        );
    }
    for (epoch, n) in &outcome.residents_by_epoch {
        println!("  epoch {epoch}: {n} residents");
    }
    let epochs = if outcome.epochs_destroyed.is_empty() {
        "none".to_owned()
    } else {
        outcome.epochs_destroyed.join(", ")
    };
    println!("  epoch keys {verb}: {epochs}");
    Ok(())
}

fn rotate_keys(config: Config) -> anyhow::Result<()> {
    let ctx = build_context(config, Arc::new(SystemClock))?;
    let bar = progress_bar("re-wrapping data keys");
    let outcome = crate::services::key_rotation::rotate(&ctx, &|done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    println!(
        "Rotated the keys of {} epochs: {} data keys re-wrapped, {} old key versions destroyed.",
        outcome.epochs, outcome.data_keys_rewrapped, outcome.old_versions_destroyed
    );
    Ok(())
}

fn migrate_keys(config: Config, to: KeyBackend) -> anyhow::Result<()> {
    let bar = progress_bar("moving data keys");
    let migrated =
        crate::key_custody::migrate(&config, Arc::new(SystemClock), to, &|done, total| {
            bar.set_length(total);
            bar.set_position(done);
        })?;
    bar.finish_and_clear();
    let Some(migrated) = migrated else {
        println!(
            "No file key ring at {}: nothing to move (moved already?).",
            config.keyring_path().display()
        );
        return Ok(());
    };
    let o = &migrated.outcome;
    println!(
        "Moved the keys into {}: {} records re-wrapped ({} moved by an earlier run, {} unreadable \
         and left as they were), {} destroyed epochs recorded, {} public signing keys kept \
         published, a new signing key started. The file key ring is deleted.",
        migrated.custody,
        o.records_moved,
        o.records_already_moved,
        o.unreadable_records,
        o.destroyed_epochs,
        o.public_keys_kept,
    );
    Ok(())
}

fn roll_forward(config: Config, as_of: Option<NaiveDate>) -> anyhow::Result<()> {
    let ctx = build_context(config, Arc::new(SystemClock))?;
    let bar = progress_bar("moving data keys forward");
    let as_of = as_of.unwrap_or_else(|| ctx.clock.today());
    let outcome = crate::services::ratchet::roll_forward(&ctx, as_of, &|done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    let destroyed = if outcome.epochs_destroyed.is_empty() {
        "none".to_owned()
    } else {
        outcome.epochs_destroyed.join(", ")
    };
    println!(
        "The ratchet stands at {}: {} data keys moved forward; epochs destroyed: {destroyed}.",
        outcome.month, outcome.data_keys_moved
    );
    if outcome.unreadable_records > 0 {
        println!(
            "{} records could not be opened (their keys were destroyed); the purge removes them.",
            outcome.unreadable_records
        );
    }
    Ok(())
}

/// The page language `--lang` names.
fn report_locale(lang: &str) -> anyhow::Result<&'static crate::i18n::Locale> {
    let catalogue = crate::i18n::catalogue();
    catalogue.get(lang).ok_or_else(|| {
        let known: Vec<&str> = catalogue.all().iter().map(|l| l.code).collect();
        anyhow::anyhow!("--lang {lang}: not a page language ({})", known.join(", "))
    })
}

fn report(config: Config, command: ReportCommand) -> anyhow::Result<()> {
    use crate::render::pdf_pages::ReportLanguage;
    use crate::services::report;
    let ctx = build_context(config, Arc::new(SystemClock))?;
    match command {
        ReportCommand::Retention {
            as_of,
            format,
            lang,
            output,
        } => {
            let locale = report_locale(&lang)?;
            let built = report::build(
                &ctx,
                as_of.unwrap_or_else(|| ctx.clock.today()),
                report::Counting::Now,
            )?;
            let bytes = match format {
                ReportFormat::Json => serde_json::to_vec_pretty(&built)?,
                ReportFormat::Csv => report::sign_file(
                    &ctx.signing,
                    crate::render::report_csv::to_csv(&built)?.into_bytes(),
                    false,
                )?,
                ReportFormat::Pdf => report::sign_file(
                    &ctx.signing,
                    crate::render::report_pdf::render(
                        &built,
                        ReportLanguage::of(locale, ctx.card_renderer.typesetter()),
                        &ctx.config,
                    )?,
                    true,
                )?,
            };
            write_out(output, &bytes)
        }
        ReportCommand::Program {
            from,
            to,
            by,
            format,
            lang,
            output,
        } => {
            let locale = report_locale(&lang)?;
            use crate::services::program_report;
            let grouping = crate::domain::program_report::Grouping::parse(&by)
                .map_err(|e| anyhow::anyhow!("--by: {e}"))?;
            let built = program_report::build(&ctx, (from, to), grouping)?;
            let bytes = match format {
                ReportFormat::Json => serde_json::to_vec_pretty(&built)?,
                ReportFormat::Csv => report::sign_file(
                    &ctx.signing,
                    crate::render::program_csv::to_csv(&built)?.into_bytes(),
                    false,
                )?,
                ReportFormat::Pdf => report::sign_file(
                    &ctx.signing,
                    crate::render::program_pdf::render(
                        &built,
                        ReportLanguage::of(locale, ctx.card_renderer.typesetter()),
                    )?,
                    true,
                )?,
            };
            write_out(output, &bytes)
        }
        ReportCommand::Verify { file } => verify_report(&ctx, &file),
    }
}

/// Checks a report file's signature: an import, program or retention report.
fn verify_report(ctx: &crate::context::AppContext, file: &Path) -> anyhow::Result<()> {
    use crate::services::report;
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    if crate::services::import::is_import_report(&bytes) {
        let checked = crate::services::import::verify(&ctx.signing, &bytes)?;
        println!(
            "Signature valid: import report of {} ({} rows, {} imported), generated {}.",
            checked.jurisdiction, checked.rows, checked.imported, checked.generated_at
        );
        return Ok(());
    }
    if crate::services::program_report::is_program_report(&bytes) {
        let checked = crate::services::program_report::verify(&ctx.signing, &bytes)?;
        println!(
            "Signature valid: program report of {} from {} to {}, generated {}.",
            checked.jurisdiction, checked.from, checked.to, checked.generated_at
        );
        return Ok(());
    }
    let checked = report::verify(&ctx.signing, &bytes)?;
    println!(
        "Signature valid: retention report of {} as of {}, generated {}.",
        checked.jurisdiction, checked.as_of, checked.generated_at
    );
    Ok(())
}

/// Writes a report to `output`, or to standard output.
fn import_residents(
    config: Config,
    (file, mapping, photos): (PathBuf, PathBuf, Option<PathBuf>),
    operator: String,
    output: Option<PathBuf>,
) -> anyhow::Result<()> {
    use crate::services::import::{self, ImportOptions};
    let ctx = build_context(config, Arc::new(SystemClock))?;
    let output = output.unwrap_or_else(|| {
        let mut name = file.clone().into_os_string();
        name.push(".import-report.json");
        PathBuf::from(name)
    });
    let options = ImportOptions {
        file,
        mapping,
        photos,
        operator,
        fail_after: None,
    };
    let bar = progress_bar("importing rows");
    let outcome = import::run(&ctx, &options, &|done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })?;
    bar.finish_and_clear();
    let report = &outcome.report;
    if outcome.already_imported {
        println!("This file was imported before with this mapping: nothing more to import.");
    }
    println!(
        "Import of {} rows ({} sitting(s)):\n  imported                {}\n  cards reissued          {}\n  \
         already on record       {}\n  refused                 {}",
        report.rows,
        report.sittings,
        report.imported,
        report.cards_issued,
        report.duplicates,
        report.refused_total()
    );
    for (reason, rows) in &report.refused {
        println!(
            "    {reason}: {} (lines {})",
            rows.count,
            rows_list(&rows.rows)
        );
    }
    if !report.duplicate_rows.is_empty() {
        println!(
            "    already on record: lines {}",
            rows_list(&report.duplicate_rows)
        );
    }
    if !report.dropped_columns.is_empty() {
        println!(
            "  columns dropped unread: {}",
            report.dropped_columns.join(", ")
        );
    }
    write_out(Some(output), &serde_json::to_vec_pretty(report)?)?;
    println!("Now destroy the export and its photos: they hold everything the old system kept.");
    Ok(())
}

/// Row numbers for a person to read: the first twenty, then how many more.
fn rows_list(rows: &[u64]) -> String {
    let shown: Vec<String> = rows.iter().take(20).map(u64::to_string).collect();
    match rows.len() {
        n if n > 20 => format!("{} and {} more", shown.join(", "), n - 20),
        _ => shown.join(", "),
    }
}

fn write_out(output: Option<PathBuf>, bytes: &[u8]) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
            println!("Wrote {}.", path.display());
        }
        None => {
            use std::io::Write;
            std::io::stdout().write_all(bytes)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_id_that_starts_with_a_hyphen_is_an_id_not_an_option() {
        let cli = Cli::try_parse_from(["muni-id", "keys", "revoke-signing", "-QabcDEF_g"])
            .expect("the id parses");
        match cli.command {
            Command::Keys {
                command: KeysCommand::RevokeSigning { kid },
            } => assert_eq!(kid, "-QabcDEF_g"),
            _ => panic!("not revoke-signing"),
        }
    }
}
