//! The grep-friendly line format: `path:line:col: severity[rule] message`,
//! the default when stdout is not a terminal.

use std::io::{self, Write};

use super::{Emitter, Report};

pub struct LineEmitter;

impl Emitter for LineEmitter {
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
        Ok(())
    }
}
