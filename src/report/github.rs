//! GitHub Actions workflow commands (`::warning file=…,line=…::message`),
//! which GitHub shows as annotations on the changed lines of a pull request.

use std::io::{self, Write};

use super::{summary_line, Emitter, Report};
use crate::finding::Severity;

pub struct GithubEmitter;

/// Escapes a message (workflow command data).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: data escapes plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

impl Emitter for GithubEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for f in &report.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let l = &f.location;
            // GitHub takes 1-based lines and columns; an annotation spanning
            // lines must not carry columns, so they are given on one line only.
            let position = if l.line == l.end_line {
                format!(
                    "line={},endLine={},col={},endColumn={}",
                    l.line, l.end_line, l.column, l.end_column
                )
            } else {
                format!("line={},endLine={}", l.line, l.end_line)
            };
            writeln!(
                out,
                "::{level} file={},{position},title={}::{}",
                escape_property(&l.path.display().to_string()),
                escape_property(&format!("termalign {}", f.rule)),
                escape_data(&f.message)
            )?;
        }
        writeln!(out, "{}", summary_line(&report.summary()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_workflow_command_rules() {
        assert_eq!(escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
