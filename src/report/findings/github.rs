//! GitHub Actions workflow commands (`::warning file=…,line=…::message`),
//! which GitHub shows as annotations on the changed lines of a pull request.
//!
//! Conventions (GitHub's "workflow commands" reference): `line`/`endLine`
//! and `col`/`endColumn` are 1-based, the end column exclusive like ruff's
//! and SARIF's; columns are given only when the annotation is on one line;
//! `file` is relative to the repository root (a leading `./` is dropped);
//! data escapes `%`, CR and LF, properties also `:` and `,`. Silenced
//! findings (`--report-suppressed`) are `::notice` lines titled
//! "(suppressed)", so they are visible but never look like failures.

use std::io::{self, Write};

use crate::emit::Emit;
use crate::finding::Severity;
use crate::report::{summary_line, Report};

/// Findings as workflow commands; `show_suppressed` adds the silenced ones
/// as notices.
pub struct GithubEmitter {
    pub show_suppressed: bool,
}

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

impl Emit<Report> for GithubEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let suppressed = report.suppressed.iter().filter(|_| self.show_suppressed);
        for f in report.findings.iter().chain(suppressed) {
            let level = match f.severity {
                _ if f.suppressed.is_some() => "notice",
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let title = match &f.suppressed {
                Some(_) => format!("termalign {} (suppressed)", f.rule),
                None => format!("termalign {}", f.rule),
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
                escape_property(&repository_path(&l.path)),
                escape_property(&title),
                escape_data(&f.message)
            )?;
        }
        for failure in &report.failures {
            // An input that could not be checked fails the run: an error
            // annotation on the file (at its position, where known).
            let mut properties = Vec::new();
            if let Some(path) = &failure.path {
                properties.push(format!("file={}", escape_property(&repository_path(path))));
            }
            if let Some((line, column)) = failure.position {
                properties.push(format!("line={line},col={column}"));
            }
            properties.push(format!(
                "title={}",
                escape_property("termalign: not checked")
            ));
            writeln!(
                out,
                "::error {}::{}",
                properties.join(","),
                escape_data(&failure.message)
            )?;
        }
        writeln!(out, "{}", summary_line(&report.summary()))
    }
}

/// The path GitHub expects: relative to the repository root, with `/`,
/// and without the `./` that `termalign check ./docs` leaves on walked paths
/// (GitHub would not match `./docs/a.md` to the file `docs/a.md`).
fn repository_path(path: &std::path::Path) -> String {
    let mut s = path.to_string_lossy().replace('\\', "/");
    while let Some(rest) = s.strip_prefix("./") {
        s = rest.trim_start_matches('/').to_owned();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_repository_relative() {
        use std::path::Path;
        assert_eq!(repository_path(Path::new("./docs/a.md")), "docs/a.md");
        assert_eq!(repository_path(Path::new(".//a.md")), "a.md");
        assert_eq!(repository_path(Path::new("docs/a.md")), "docs/a.md");
        assert_eq!(repository_path(Path::new("../x/.hidden")), "../x/.hidden");
    }

    #[test]
    fn escapes_follow_the_workflow_command_rules() {
        assert_eq!(escape_data("50% a\nb"), "50%25 a%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
