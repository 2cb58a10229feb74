//! Reports: the [`Report`] of a run (its sorted findings, the suppressed
//! ones, its coverage, the inputs that failed) and the emitters that print
//! it, each an [`Emit<Report>`]:
//!
//! - [`findings`]: `check` and `align` formats (table, line, json, github,
//!   sarif, html), the findings first;
//! - [`coverage`]: the coverage model and `report`'s formats (table, line,
//!   json, html);
//! - [`html`]: the page both HTML emitters share;
//! - [`extract`]: emitters for `extract`'s candidates and term pairs.
//!
//! The report is data only; what to show and how (suppressed findings,
//! grouping, colour, which HTML page) are options of the emitters. Emitters
//! take the whole report and a writer; everything is sorted before it is
//! emitted, so output is deterministic.

pub mod coverage;
pub mod extract;
pub mod findings;
pub mod html;

// The wire formats' structs stay at the paths programs that read them use.
pub use coverage::json as coverage_json;
pub use findings::{json, sarif};

use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use crate::emit::Emit;
pub use coverage::Coverage;

use crate::engine::FileResult;
use crate::error::Error;
use crate::finding::{Finding, Severity};
use crate::lang::{FileLanguage, LanguageFrom};

/// The findings of one run, sorted by path then position.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub files: usize,
    /// Bilingual runs: the number of segment pairs checked.
    pub segments: usize,
    /// Which concepts were used how. Every command computes it (it only
    /// counts what the checks collected): `report` prints it, `check`'s HTML
    /// page shows it, SARIF lists every file it saw.
    pub coverage: Coverage,
    /// Findings silenced by `termalign: ignore` directives, sorted like
    /// `findings`. They never make a run fail; the summary counts them, and
    /// emitters list them only when asked (`--report-suppressed`).
    pub suppressed: Vec<Finding>,
    /// Inputs that could not be checked. A report with failures is a failed
    /// run, and every format says so (SPEC §2): a run that checked nothing
    /// must never look clean.
    pub failures: Vec<Failure>,
    /// Files whose language was identified from their text (nothing
    /// declared or configured one): (path, language), sorted by path.
    pub guessed_languages: Vec<(PathBuf, String)>,
    /// The languages each file was checked in, and where they came from,
    /// sorted by path.
    pub languages: Vec<FileLanguage>,
}

/// An input that could not be checked, as reports show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub path: Option<PathBuf>,
    /// 1-based line and column, where the error has a position.
    pub position: Option<(usize, usize)>,
    /// The error without its position (that is in `path` and `position`).
    pub message: String,
}

impl Failure {
    pub fn of(error: &Error) -> Failure {
        let (path, position) = error.position();
        let mut message = error.to_string();
        // The Display of a positioned error starts with its position.
        if let Some(path) = path {
            let prefix = match position {
                Some((line, column)) => format!("{}:{line}:{column}: ", path.display()),
                None => format!("{}: ", path.display()),
            };
            if let Some(rest) = message.strip_prefix(&prefix) {
                message = rest.to_owned();
            }
        }
        let mut cause = std::error::Error::source(error);
        while let Some(c) = cause {
            message.push_str(&format!(": {c}"));
            cause = c.source();
        }
        Failure {
            path: path.map(Path::to_path_buf),
            position,
            message,
        }
    }

    /// `path:line:col: message`, as stderr shows it.
    pub fn line(&self) -> String {
        match (&self.path, self.position) {
            (Some(p), Some((l, c))) => format!("{}:{l}:{c}: {}", p.display(), self.message),
            (Some(p), None) => format!("{}: {}", p.display(), self.message),
            (None, _) => self.message.clone(),
        }
    }
}

/// `N thing` or `N things`: the one way counts are written in messages.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Counts for the summary line and JSON `summary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub files: usize,
    pub segments: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Findings silenced by directives (not among `findings`).
    pub suppressed: usize,
    /// Inputs that could not be checked.
    pub failed: usize,
}

impl Report {
    /// Builds a report from per-file results (any order) and their
    /// coverage.
    pub fn build(results: &[FileResult], coverage: Coverage) -> Report {
        let mut findings: Vec<Finding> = results.iter().flat_map(|r| r.findings.clone()).collect();
        findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let mut suppressed: Vec<Finding> =
            results.iter().flat_map(|r| r.suppressed.clone()).collect();
        suppressed.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        Report {
            findings,
            files: results.len(),
            segments: results.iter().map(|r| r.segments).sum(),
            coverage,
            suppressed,
            failures: Vec::new(),
            guessed_languages: {
                let mut guessed: Vec<(PathBuf, String)> = results
                    .iter()
                    .filter_map(|r| {
                        let l = r.language.as_ref()?;
                        (l.from == LanguageFrom::Identified)
                            .then(|| (r.path.clone(), l.tag.clone()))
                    })
                    .collect();
                guessed.sort();
                guessed
            },
            languages: {
                let mut languages: Vec<FileLanguage> = results
                    .iter()
                    .filter_map(|r| {
                        Some(FileLanguage {
                            path: r.path.clone(),
                            language: r.language.clone()?,
                            source: r.source_language.clone(),
                        })
                    })
                    .collect();
                languages.sort_by(|a, b| a.path.cmp(&b.path));
                languages
            },
        }
    }

    /// Records the inputs that could not be checked.
    pub fn with_failures(mut self, errors: &[Error]) -> Report {
        self.failures = errors.iter().map(Failure::of).collect();
        self
    }

    pub fn summary(&self) -> Summary {
        let count = |s| self.findings.iter().filter(|f| f.severity == s).count();
        Summary {
            files: self.files,
            segments: self.segments,
            findings: self.findings.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            suppressed: self.suppressed.len(),
            failed: self.failures.len(),
        }
    }

    /// Whether any finding is at or above `level` (`None`: never fail).
    pub fn fails(&self, level: Option<Severity>) -> bool {
        level.is_some_and(|level| self.findings.iter().any(|f| f.severity >= level))
    }
}

/// For human-readable formats: a banner naming every input that could not
/// be checked, before anything else, so a failed run cannot be read as a
/// clean one.
pub fn failure_banner(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    if report.failures.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "FAILED: {} could not be checked:",
        plural(report.failures.len(), "input", "inputs")
    )?;
    for failure in &report.failures {
        writeln!(out, "  {}", failure.line())?;
    }
    writeln!(out)
}

/// "1 error, 2 warnings in 3 files" for human-readable formats.
pub fn summary_line(summary: &Summary) -> String {
    let mut parts = vec![
        plural(summary.errors, "error", "errors"),
        plural(summary.warnings, "warning", "warnings"),
    ];
    if summary.infos > 0 {
        parts.push(plural(summary.infos, "info", "infos"));
    }
    if summary.suppressed > 0 {
        // Said even without --report-suppressed: silenced findings must not
        // vanish without a trace.
        parts.push(format!("{} suppressed", summary.suppressed));
    }
    let mut line = format!(
        "{} in {}",
        parts.join(", "),
        plural(summary.files, "file", "files")
    );
    if summary.segments > 0 {
        line.push_str(&format!(
            " ({})",
            plural(summary.segments, "segment", "segments")
        ));
    }
    if summary.failed > 0 {
        line.push_str(&format!(
            "; FAILED: {} not checked",
            plural(summary.failed, "input", "inputs")
        ));
    }
    line
}
