//! Findings: what a check reports, located in the original file.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::input::SourceFile;
use crate::span::Span;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place in a file: raw byte offsets (SPEC §5 `start`/`end`), the span of
/// the decoded text, and 1-based line/column (columns in scalar values).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub path: PathBuf,
    /// Byte offsets into the raw file.
    pub start: usize,
    pub end: usize,
    /// Offsets into the decoded text (`SourceFile::text`).
    pub text_span: Span,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    pub fn new(file: &SourceFile, span: Span) -> Location {
        let raw = file.raw_span(span);
        let (line, column) = file.line_col(span.start);
        let (end_line, end_column) = file.line_col(span.end);
        Location {
            path: file.path.clone(),
            start: raw.start,
            end: raw.end,
            text_span: span,
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub location: Location,
    pub rule: &'static str,
    pub severity: Severity,
    /// The glossary and concept ids, when the finding is about a concept.
    pub glossary: Option<String>,
    pub concept: Option<String>,
    pub language: String,
    /// The text as it stands in the file (raw, entities and all).
    pub found: String,
    pub suggestions: Vec<String>,
    pub message: String,
    /// The glossary note of the term or concept, shown with the finding.
    pub note: Option<String>,
    /// Bilingual inputs: the segment id.
    pub segment: Option<String>,
    /// Bilingual inputs: the source occurrence a target finding relates to.
    pub related: Option<Location>,
    /// What `check --fix` may write in place of `found` (terms whose `fix`
    /// is `auto`), if anything.
    pub replacement: Option<String>,
}

impl Finding {
    /// The key findings are sorted by: path, then start, then rule.
    pub fn sort_key(&self) -> (&PathBuf, usize, usize, &str) {
        (
            &self.location.path,
            self.location.start,
            self.location.end,
            self.rule,
        )
    }
}
