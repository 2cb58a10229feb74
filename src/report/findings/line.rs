//! The grep-friendly line format: `path:line:col: severity[rule] message`,
//! the default when stdout is not a terminal. With `--report-suppressed`,
//! silenced findings follow as `path:line:col: suppressed[rule] message
//! (severity, ignored on line N)`: `suppressed` stands where a severity
//! would, so a filter on `error[` or `warning[` never counts them.

use std::io::{self, Write};

use crate::emit::Emit;
use crate::report::Report;

/// Findings as grep-friendly lines; `show_suppressed` adds the silenced
/// ones.
pub struct LineEmitter {
    pub show_suppressed: bool,
}

impl Emit<Report> for LineEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for f in &report.findings {
            let segment = f
                .segment
                .as_ref()
                .map(|s| format!(" (segment {s})"))
                .unwrap_or_default();
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}{}",
                f.location.path.display(),
                f.location.line,
                f.location.column,
                f.severity,
                f.rule,
                f.message,
                segment
            )?;
        }
        if self.show_suppressed {
            for f in &report.suppressed {
                let by = f.suppressed.as_ref().map_or(0, |s| s.line);
                writeln!(
                    out,
                    "{}:{}:{}: suppressed[{}] {} ({}, ignored on line {by})",
                    f.location.path.display(),
                    f.location.line,
                    f.location.column,
                    f.rule,
                    f.message,
                    f.severity,
                )?;
            }
        }
        Ok(())
    }
}
