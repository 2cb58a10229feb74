//! The table format (the default on a terminal): one row per finding, then
//! (with `--report-suppressed`) a table of the silenced findings, then the
//! summary line.

use std::io::{self, Write};

use tabled::settings::{object::Columns, Modify, Style, Width};
use tabled::{Table, Tabled};

use crate::emit::Emit;
use crate::report::{failure_banner, summary_line, Report};
use crate::rule::RuleId;

#[derive(Tabled)]
struct Row {
    #[tabled(rename = "location")]
    location: String,
    #[tabled(rename = "severity")]
    severity: String,
    #[tabled(rename = "rule")]
    rule: String,
    #[tabled(rename = "found")]
    found: String,
    #[tabled(rename = "suggestion")]
    suggestion: String,
    #[tabled(rename = "concept")]
    concept: String,
}

#[derive(Tabled)]
struct SegmentRow {
    #[tabled(rename = "location")]
    location: String,
    #[tabled(rename = "segment")]
    segment: String,
    #[tabled(rename = "severity")]
    severity: String,
    #[tabled(rename = "rule")]
    rule: String,
    #[tabled(rename = "found")]
    found: String,
    #[tabled(rename = "source term")]
    source: String,
    #[tabled(rename = "expected")]
    expected: String,
}

#[derive(Tabled)]
struct SuppressedRow {
    #[tabled(rename = "location")]
    location: String,
    #[tabled(rename = "severity")]
    severity: String,
    #[tabled(rename = "rule")]
    rule: String,
    #[tabled(rename = "found")]
    found: String,
    #[tabled(rename = "suppressed by")]
    by: String,
}

/// Findings as a terminal table; `show_suppressed` adds a table of the
/// silenced ones.
pub struct TableEmitter {
    pub show_suppressed: bool,
}

impl Emit<Report> for TableEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        failure_banner(report, out)?;
        if !report.findings.is_empty() {
            let location = |f: &crate::finding::Finding| {
                format!(
                    "{}:{}:{}",
                    f.location.path.display(),
                    f.location.line,
                    f.location.column
                )
            };
            let concept = |f: &crate::finding::Finding| match (&f.glossary, &f.concept) {
                (Some(g), Some(c)) => format!("{g}/{c}"),
                _ => String::new(),
            };
            let mut table = if report.findings.iter().any(|f| f.segment.is_some()) {
                Table::new(report.findings.iter().map(|f| SegmentRow {
                    location: location(f),
                    segment: f.segment.clone().unwrap_or_default(),
                    severity: f.severity.to_string(),
                    rule: f.rule.name().to_owned(),
                    // Source-side findings point at the source text; target
                    // findings carry their source occurrence as `related`.
                    found: if f.rule == RuleId::MissingTargetTerm {
                        String::new()
                    } else {
                        f.found.clone()
                    },
                    source: if f.rule == RuleId::MissingTargetTerm {
                        f.found.clone()
                    } else {
                        f.related
                            .as_ref()
                            .map(|r| r.text.clone())
                            .unwrap_or_default()
                    },
                    expected: f.suggestions.join(", "),
                }))
            } else {
                Table::new(report.findings.iter().map(|f| Row {
                    location: location(f),
                    severity: f.severity.to_string(),
                    rule: f.rule.name().to_owned(),
                    found: f.found.clone(),
                    suggestion: f.suggestions.join(", "),
                    concept: concept(f),
                }))
            };
            table
                .with(Style::sharp())
                .with(Modify::new(Columns::new(..)).with(Width::wrap(40).keep_words(true)));
            writeln!(out, "{table}")?;
        }
        if self.show_suppressed && !report.suppressed.is_empty() {
            let mut table = Table::new(report.suppressed.iter().map(|f| SuppressedRow {
                location: format!(
                    "{}:{}:{}",
                    f.location.path.display(),
                    f.location.line,
                    f.location.column
                ),
                severity: f.severity.to_string(),
                rule: f.rule.name().to_owned(),
                found: f.found.clone(),
                by: f.suppressed.as_ref().map_or(String::new(), |s| {
                    let what = if s.file_wide { "ignore-file" } else { "ignore" };
                    match &s.reason {
                        Some(r) => format!("{what}, line {}: {r}", s.line),
                        None => format!("{what}, line {}", s.line),
                    }
                }),
            }));
            table
                .with(Style::sharp())
                .with(Modify::new(Columns::new(..)).with(Width::wrap(40).keep_words(true)));
            writeln!(out, "suppressed:\n{table}")?;
        }
        writeln!(out, "{}", summary_line(&report.summary()))
    }
}
