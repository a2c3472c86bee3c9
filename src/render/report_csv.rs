//! The retention report as CSV: one section per table, then the signed JSON in one line
//! (`domain::report::embedding`), so `muni-id report verify FILE` checks a CSV copy as well.

use crate::domain::report::{embedding, RetentionReport};
use crate::error::Internal;

/// A CSV field, quoted when it holds a comma, a quote or a line break; a value a spreadsheet
/// would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first) is led by `'`.
pub(crate) fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// What the report is, and when what is held was counted when not as it was made.
fn header(report: &RetentionReport) -> String {
    let mut out = format!(
        "# {} — {} as of {}\n",
        report.report,
        field(&report.jurisdiction),
        report.as_of
    );
    if let Some(counted) = report.held_counted_at {
        out.push_str(&format!(
            "# held and oldest (but staff sessions and audit entries) and data keys per epoch counted at {} by the purge; overdue counted as the report was made\n",
            counted.to_rfc3339()
        ));
    }
    out
}

/// The report as CSV: one section per table, then the signed JSON.
pub fn to_csv(report: &RetentionReport) -> Result<String, Internal> {
    let mut out = header(report);
    out.push_str("section,class,policy,policy_days,held,oldest,overdue,under_legal_hold,destroyed_in_period\n");
    for c in &report.classes {
        out.push_str(&format!(
            "class,{},{},{},{},{},{},{},{}\n",
            c.class,
            field(&c.policy),
            c.policy_days.map(|d| d.to_string()).unwrap_or_default(),
            c.held,
            c.oldest.map(|d| d.to_string()).unwrap_or_default(),
            c.overdue,
            c.under_legal_hold,
            c.destroyed_in_period
        ));
    }
    legal_hold_section(&mut out, report);
    out.push_str("section,started_at,trigger,outcome,residents_destroyed,unissued_destroyed,addresses_destroyed,sessions_removed,audit_entries_removed,epochs_destroyed,cards_uncollected\n");
    for r in &report.purge_runs {
        out.push_str(&format!(
            "purge_run,{},{},{},{},{},{},{},{},{},{}\n",
            r.started_at.to_rfc3339(),
            r.trigger,
            r.outcome,
            r.residents_destroyed,
            r.unissued_destroyed,
            r.addresses_destroyed,
            r.sessions_removed,
            r.audit_entries_removed,
            field(&r.epochs_destroyed.join(" ")),
            r.cards_uncollected
        ));
    }
    out.push_str("section,epoch,key_version,data_keys\n");
    for e in &report.keys.epochs {
        out.push_str(&format!(
            "key_epoch,{},{},{}\n",
            e.epoch, e.key_version, e.data_keys
        ));
    }
    for d in &report.keys.destroyed {
        out.push_str(&format!(
            "key_epoch_destroyed,{},,{}\n",
            d.epoch,
            d.destroyed_at.to_rfc3339()
        ));
    }
    staff_sections(&mut out, report);
    out.push_str(&format!(
        "audit_chain,entries={},intact={},first_bad_entry={}{}\n",
        report.audit.chain.entries,
        report.audit.chain.intact,
        report
            .audit
            .chain
            .first_bad_entry
            .map(|n| n.to_string())
            .unwrap_or_default(),
        report
            .audit
            .checked_in_full_at
            .map(|at| format!(",checked_in_full_at={}", at.to_rfc3339()))
            .unwrap_or_default()
    ));
    out.push_str(&format!(
        "verification,checks={},valid={},not_valid={}\n",
        report.verification.checks, report.verification.valid, report.verification.not_valid
    ));
    out.push_str(&embedding(report).map_err(|e| Internal::new("report", e))?);
    out.push('\n');
    Ok(out)
}

/// Reads per staff member, and the account changes of the period.
fn staff_sections(out: &mut String, report: &RetentionReport) {
    out.push_str("section,username,role,personal_data_reads\n");
    for s in &report.staff_reads {
        out.push_str(&format!(
            "staff_reads,{},{},{}\n",
            s.username, s.role, s.personal_data_reads
        ));
    }
    out.push_str("section,at,change,account,by\n");
    for c in &report.staff_changes {
        out.push_str(&format!(
            "staff_change,{},{},{},{}\n",
            c.at.to_rfc3339(),
            c.change,
            c.account,
            c.by
        ));
    }
}

/// The legal holds in force, one line each.
fn legal_hold_section(out: &mut String, report: &RetentionReport) {
    out.push_str("section,reference,scope,enrolled_from,enrolled_to,site,placed_at\n");
    for h in &report.legal_holds {
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        out.push_str(&format!(
            "legal_hold,{},{},{},{},{},{}\n",
            field(&h.reference),
            h.scope,
            day(h.enrolled_from),
            day(h.enrolled_to),
            field(h.site.as_deref().unwrap_or_default()),
            h.placed_at.to_rfc3339()
        ));
    }
}
