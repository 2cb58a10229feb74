//! `--format json` (SPEC §5). The wire structs live here, apart from the core
//! types, so the format never changes by accident.
//!
//! ```json
//! {"version": 1,
//!  "findings": [{"path", "line", "column", "start", "end", "rule", "severity",
//!                "glossary", "concept", "language", "found", "suggestions",
//!                "message", "segment"}],
//!  "errors": [{"path", "line", "column", "message"}],
//!  "summary": {"files", "segments", "findings", "errors", "warnings", "infos",
//!              "suppressed", "failed"}}
//! ```
//! `start`/`end` are byte offsets into the original file (end exclusive),
//! `line` is 1-based, `column` 1-based in Unicode scalar values. Fields beyond
//! SPEC §5 (`end_line`, `end_column`, `note`, `related`, `fix`) are additions.
//! `errors` lists the inputs that could not be checked (path, line and column
//! where known, else null) and `summary.failed` is true when there are any
//! (SPEC §2): a failed run never reads as a clean one.
//!
//! Suppressions (SPEC §6): `summary.suppressed` always counts the findings
//! that `termalign: ignore` directives silenced; with `--report-suppressed`
//! a top-level `suppressed` array lists them, shaped like `findings` plus a
//! `suppressed_by` object (`line` of the directive, `file_wide`, `reason`).
//! They are never in `findings` and never counted in its totals.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::emit::Emit;
use crate::finding::{Finding, Location};
use crate::lang::FileLanguage;
use crate::report::{Failure, Report, Summary};

/// The JSON document.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonReport {
    pub version: u32,
    pub findings: Vec<JsonFinding>,
    /// `--report-suppressed`: the silenced findings.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub suppressed: Option<Vec<JsonFinding>>,
    /// Inputs that could not be checked (SPEC §2): the run failed.
    #[serde(default)]
    pub errors: Vec<JsonError>,
    /// The languages each file was checked in and where each came from
    /// (SPEC §5), sorted by path.
    #[serde(default)]
    pub languages: Vec<JsonFileLanguage>,
    pub summary: JsonSummary,
}

/// One file's languages: `lang` is the checked text's (a bilingual file's
/// target), `source_lang` a bilingual file's source; each `from` says where
/// it came from (`command line`, `declared in the file`, `configuration`,
/// `the format's convention`, `identified from the text`, `default`).
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonFileLanguage {
    pub path: String,
    pub lang: String,
    pub lang_from: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source_lang: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source_lang_from: Option<String>,
}

impl JsonFileLanguage {
    pub fn new(l: &FileLanguage) -> JsonFileLanguage {
        JsonFileLanguage {
            path: l.path.display().to_string(),
            lang: l.language.tag.clone(),
            lang_from: l.language.from.to_string(),
            source_lang: l.source.as_ref().map(|s| s.tag.clone()),
            source_lang_from: l.source.as_ref().map(|s| s.from.to_string()),
        }
    }
}

/// An input that could not be checked.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonError {
    pub path: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl JsonError {
    pub fn new(f: &Failure) -> JsonError {
        JsonError {
            path: f.path.as_ref().map(|p| p.display().to_string()),
            line: f.position.map(|(line, _)| line),
            column: f.position.map(|(_, column)| column),
            message: f.message.clone(),
        }
    }
}

/// One finding on the wire.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonFinding {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub rule: String,
    pub severity: String,
    pub glossary: Option<String>,
    pub concept: Option<String>,
    pub language: String,
    pub found: String,
    pub suggestions: Vec<String>,
    pub message: String,
    pub segment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub related: Option<JsonLocation>,
    /// The replacement `check --fix` would write, when the term allows it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub fix: Option<String>,
    /// The directive that silenced a suppressed finding.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub suppressed_by: Option<JsonSuppression>,
}

/// Where a finding was silenced.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonSuppression {
    /// 1-based line of the `termalign: ignore` directive.
    pub line: usize,
    /// `ignore-file` rather than `ignore`.
    pub file_wide: bool,
    pub reason: Option<String>,
}

/// A related location (the source occurrence of an `align` finding).
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonLocation {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub start: usize,
    pub end: usize,
    pub found: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonSummary {
    pub files: usize,
    pub segments: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings silenced by directives (not in `findings`).
    #[serde(default)]
    pub suppressed: usize,
    /// Whether any input could not be checked (then `errors` says which).
    #[serde(default)]
    pub failed: bool,
}

impl JsonSummary {
    pub fn new(s: &Summary) -> JsonSummary {
        JsonSummary {
            files: s.files,
            segments: s.segments,
            findings: s.findings,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
            suppressed: s.suppressed,
            failed: s.failed > 0,
        }
    }
}

fn location(l: &Location) -> JsonLocation {
    JsonLocation {
        path: l.path.display().to_string(),
        line: l.line,
        column: l.column,
        start: l.start,
        end: l.end,
        found: l.text.clone(),
    }
}

impl JsonFinding {
    pub fn from_finding(f: &Finding) -> JsonFinding {
        JsonFinding {
            path: f.location.path.display().to_string(),
            line: f.location.line,
            column: f.location.column,
            start: f.location.start,
            end: f.location.end,
            end_line: f.location.end_line,
            end_column: f.location.end_column,
            rule: f.rule.name().to_owned(),
            severity: f.severity.as_str().to_owned(),
            glossary: f.glossary.clone(),
            concept: f.concept.clone(),
            language: f.language.clone(),
            found: f.found.clone(),
            suggestions: f.suggestions.clone(),
            message: f.message.clone(),
            segment: f.segment.clone(),
            note: f.note.clone(),
            related: f.related.as_ref().map(location),
            fix: f.replacement.clone(),
            suppressed_by: f.suppressed.as_ref().map(|s| JsonSuppression {
                line: s.line,
                file_wide: s.file_wide,
                reason: s.reason.clone(),
            }),
        }
    }
}

/// The JSON document; `show_suppressed` adds the `suppressed` array.
pub struct JsonEmitter {
    pub show_suppressed: bool,
}

impl Emit<Report> for JsonEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let doc = JsonReport {
            version: 1,
            findings: report
                .findings
                .iter()
                .map(JsonFinding::from_finding)
                .collect(),
            suppressed: self.show_suppressed.then(|| {
                report
                    .suppressed
                    .iter()
                    .map(JsonFinding::from_finding)
                    .collect()
            }),
            errors: report.failures.iter().map(JsonError::new).collect(),
            languages: report.languages.iter().map(JsonFileLanguage::new).collect(),
            summary: JsonSummary::new(&report.summary()),
        };
        serde_json::to_writer_pretty(&mut *out, &doc)?;
        writeln!(out)
    }
}
