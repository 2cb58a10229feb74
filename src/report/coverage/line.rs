//! `report --format line`: the coverage model as plain lines, one fact a
//! line with a keyword first, for grep and scripts (the default when stdout
//! is not a terminal).
//!
//! ```text
//! concept fixture/macao: Macao ×5 (preferred), Macau ×2 (deprecated); 3 files
//! unused fixture/xinjiang
//! inconsistent a.txt: fixture/urumqi: Urumqi 2 / Ürümqi 1
//! corpus-inconsistent fixture/urumqi: Urumqi 4 / Ürümqi 2 across 3 files (1 inconsistent)
//! conformance a.txt: 91.7% (11/12)
//! conformance: 90.9% (30/33)
//! ```

use std::io::{self, Write};

use super::{percent, Tally, TermCount};
use crate::emit::Emit;
use crate::report::Report;

/// The coverage as one fact a line.
pub struct CoverageLineEmitter;

fn terms(terms: &[TermCount], separator: &str, status: bool) -> String {
    terms
        .iter()
        .map(|t| {
            if status {
                format!("{} ×{} ({})", t.text, t.count, t.status)
            } else {
                format!("{} {}", t.text, t.count)
            }
        })
        .collect::<Vec<_>>()
        .join(separator)
}

fn ratio(t: &Tally) -> String {
    format!(
        "{} ({}/{})",
        percent(t.conformance()),
        t.approved,
        t.occurrences
    )
}

impl Emit<Report> for CoverageLineEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let coverage = &report.coverage;
        for c in &coverage.concepts {
            let files = if c.files == 1 { "file" } else { "files" };
            writeln!(
                out,
                "concept {}: {}; {} {files}",
                c.concept.key,
                terms(&c.terms, ", ", true),
                c.files
            )?;
        }
        for c in &coverage.unused {
            writeln!(out, "unused {}", c.key)?;
        }
        for f in &coverage.files {
            for i in &f.inconsistencies {
                writeln!(
                    out,
                    "inconsistent {}: {}: {}",
                    f.path.display(),
                    i.concept.key,
                    terms(&i.terms, " / ", false)
                )?;
            }
        }
        for i in &coverage.inconsistencies {
            writeln!(
                out,
                "corpus-inconsistent {}: {} across {} {} ({} inconsistent)",
                i.concept.key,
                terms(&i.terms, " / ", false),
                i.files,
                if i.files == 1 { "file" } else { "files" },
                i.inconsistent_files
            )?;
        }
        for f in &coverage.files {
            writeln!(out, "conformance {}: {}", f.path.display(), ratio(&f.tally))?;
        }
        writeln!(out, "conformance: {}", ratio(&coverage.tally))
    }
}
