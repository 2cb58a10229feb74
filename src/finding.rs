//! Findings: what a check reports, located in the original file.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::input::SourceFile;
use crate::rule::RuleId;
use crate::span::{ColumnCursor, Span};

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
}

impl std::str::FromStr for Severity {
    type Err = String;

    /// `error`, `warning` or `info`.
    fn from_str(s: &str) -> Result<Severity, String> {
        match s {
            "info" => Ok(Severity::Info),
            "warning" => Ok(Severity::Warning),
            "error" => Ok(Severity::Error),
            other => Err(format!("`{other}` is not error, warning or info")),
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
    /// The decoded text at the location.
    pub text: String,
}

/// Where the locations of one file are being computed: one column cursor for
/// starts and one for ends, so that locating a file's findings in order of
/// position walks each line once (see [`ColumnCursor`]).
pub struct Locator<'f> {
    file: &'f SourceFile,
    starts: ColumnCursor<'f>,
    ends: ColumnCursor<'f>,
}

impl<'f> Locator<'f> {
    pub fn new(file: &'f SourceFile) -> Self {
        Locator {
            file,
            starts: ColumnCursor::new(&file.text, &file.lines),
            ends: ColumnCursor::new(&file.text, &file.lines),
        }
    }

    pub fn file(&self) -> &'f SourceFile {
        self.file
    }

    /// The location of `span`, a span of the file's text.
    pub fn locate(&mut self, span: Span) -> Location {
        let (line, column) = self.starts.line_col(span.start);
        let (end_line, end_column) = self.ends.line_col(span.end);
        Location::at(self.file, span, (line, column), (end_line, end_column))
    }
}

impl Location {
    /// The location of one span (for many spans of a file, a [`Locator`]).
    pub fn new(file: &SourceFile, span: Span) -> Location {
        Locator::new(file).locate(span)
    }

    fn at(
        file: &SourceFile,
        span: Span,
        (line, column): (usize, usize),
        (end_line, end_column): (usize, usize),
    ) -> Location {
        let raw = file.raw_span(span);
        Location {
            path: file.path.clone(),
            start: raw.start,
            end: raw.end,
            text_span: span,
            line,
            column,
            end_line,
            end_column,
            text: file.text[span.range()].to_owned(),
        }
    }
}

/// The text around a finding: the whole line(s) it is on, shortened to
/// [`Excerpt::MAX_CONTEXT`] characters on each side (a minified HTML file is
/// one very long line), with `…` where it was cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// 1-based number of the first line shown.
    pub line: usize,
    /// The decoded text (entities as written in the file, line breaks kept
    /// when the finding spans lines).
    pub text: String,
    /// Where the finding is within `text`.
    pub highlight: Span,
}

impl Excerpt {
    /// How many characters of context are kept on each side of a finding.
    pub const MAX_CONTEXT: usize = 120;

    /// The excerpt of `file` around `span` (a span of `file.text`).
    pub fn new(file: &SourceFile, span: Span) -> Excerpt {
        let text = &file.text;
        let first = file.lines.line_of(span.start);
        // The line of the last byte: a span ending at a line break does not
        // bring in the next line.
        let last = if span.is_empty() {
            first
        } else {
            file.lines.line_of(span.end - 1)
        };
        let start = file.lines.line_span(text, first).start;
        let end = file.lines.line_span(text, last).end.max(span.end);
        let before = &text[start..span.start];
        let after = &text[span.end..end];
        // Keep the characters nearest the finding; `…` marks a cut.
        let before = match before.char_indices().rev().nth(Self::MAX_CONTEXT - 1) {
            Some((i, _)) if i > 0 => format!("…{}", &before[i..]),
            _ => before.to_owned(),
        };
        let after = match after.char_indices().nth(Self::MAX_CONTEXT) {
            Some((i, _)) => format!("{}…", &after[..i]),
            None => after.to_owned(),
        };
        let found = &text[span.range()];
        Excerpt {
            line: first + 1,
            highlight: Span::new(before.len(), before.len() + found.len()),
            text: format!("{before}{found}{after}"),
        }
    }

    /// The text before, at and after the highlight.
    pub fn parts(&self) -> (&str, &str, &str) {
        let h = self.highlight;
        (
            &self.text[..h.start],
            &self.text[h.range()],
            &self.text[h.end..],
        )
    }
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub location: Location,
    pub rule: RuleId,
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
    /// The line(s) the finding is on, for emitters that show it in context
    /// (HTML). Taken while the file is in memory so no emitter reads it again.
    pub context: Option<Excerpt>,
    /// The directive that silenced the finding (SPEC §6), for
    /// `--report-suppressed`; `None` for a finding that counts.
    pub suppressed: Option<Suppression>,
}

/// Which `termalign: ignore` directive silenced a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// 1-based line of the directive, in the finding's file.
    pub line: usize,
    /// `ignore-file` rather than `ignore`.
    pub file_wide: bool,
    /// The text after ` -- ` in the directive.
    pub reason: Option<String>,
}

impl Finding {
    /// The key findings are sorted by: path, then start, then rule.
    pub fn sort_key(&self) -> (&PathBuf, usize, usize, &'static str) {
        (
            &self.location.path,
            self.location.start,
            self.location.end,
            self.rule.name(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, needle: &str) -> Excerpt {
        let file = SourceFile::from_bytes("t.txt", text.as_bytes().to_vec()).unwrap();
        let start = text.find(needle).unwrap();
        Excerpt::new(&file, Span::new(start, start + needle.len()))
    }

    #[test]
    fn excerpt_is_the_line_without_its_ending() {
        let e = excerpt("first\r\nin Macau today\r\nlast", "Macau");
        assert_eq!(e.line, 2);
        assert_eq!(e.parts(), ("in ", "Macau", " today"));
    }

    #[test]
    fn excerpt_spans_lines_when_the_finding_does() {
        let e = excerpt(
            "a Tibet\nAutonomous Region b\nc",
            "Tibet\nAutonomous Region",
        );
        assert_eq!(e.line, 1);
        assert_eq!(e.parts(), ("a ", "Tibet\nAutonomous Region", " b"));
    }

    #[test]
    fn a_span_ending_at_a_line_break_stays_on_its_line() {
        let e = excerpt("say Macau\nnext line", "Macau\n");
        assert_eq!(e.parts(), ("say ", "Macau\n", ""));
    }

    #[test]
    fn long_lines_are_cut_on_character_boundaries() {
        let text = format!("{}Macau{}", "重".repeat(300), "x".repeat(300));
        let e = excerpt(&text, "Macau");
        let (before, found, after) = e.parts();
        assert_eq!(found, "Macau");
        assert_eq!(before, format!("…{}", "重".repeat(Excerpt::MAX_CONTEXT)));
        assert_eq!(after, format!("{}…", "x".repeat(Excerpt::MAX_CONTEXT)));
    }
}
