//! `report --format table`: the coverage model as terminal tables, grouped
//! by concept (the default), by file or by glossary.
//!
//! Colour marks each concept by the worst status among the terms used
//! (green, cyan for admitted, yellow for deprecated, red for forbidden) and
//! conformance by level. The caller decides whether to use it (only on a
//! terminal, never under `NO_COLOR`): the library never looks at the
//! terminal.

use std::io::{self, Write};

use tabled::builder::Builder;
use tabled::settings::object::{Columns, Rows};
use tabled::settings::{Color, Modify, Style, Width};
use tabled::Table;

use super::{
    percent, ConceptCoverage, ConceptInconsistency, ConceptRef, Coverage, Grouping, Tally,
    TermCount,
};
use crate::emit::Emit;
use crate::glossary::Status;
use crate::report::{failure_banner, plural, summary_line, Report};

/// The coverage tables, grouped `by` concept, file or glossary; `color`
/// marks statuses and conformance levels with ANSI colours.
pub struct CoverageTableEmitter {
    pub by: Grouping,
    pub color: bool,
}

/// A table under construction, with the colours of its cells.
struct Grid {
    builder: Builder,
    colors: Vec<(usize, usize, Color)>,
    rows: usize,
}

impl Grid {
    fn new(header: &[&str]) -> Grid {
        let mut builder = Builder::new();
        builder.push_record(header.iter().map(|h| h.to_string()));
        Grid {
            builder,
            colors: Vec::new(),
            rows: 1,
        }
    }

    /// Adds a row; `color` gives colours for some of its cells.
    fn push(&mut self, cells: Vec<String>, colors: Vec<(usize, Option<Color>)>) {
        for (col, color) in colors {
            if let Some(color) = color {
                self.colors.push((self.rows, col, color));
            }
        }
        self.builder.push_record(cells);
        self.rows += 1;
    }

    fn render(self, color: bool) -> Table {
        let mut table = self.builder.build();
        table
            .with(Style::sharp())
            .with(Modify::new(Columns::new(..)).with(Width::wrap(48).keep_words(true)));
        if color {
            table.with(Modify::new(Rows::first()).with(Color::BOLD));
            for (row, col, c) in self.colors {
                table.modify((row, col), c);
            }
        }
        table
    }
}

/// Where the list of unused concepts wraps.
const UNUSED_WIDTH: usize = 100;

fn status_color(status: Status) -> Color {
    match status {
        Status::Preferred => Color::FG_GREEN,
        Status::Admitted => Color::FG_CYAN,
        Status::Deprecated => Color::FG_YELLOW,
        Status::Forbidden => Color::FG_RED,
    }
}

/// The colour of a conformance figure: green from 95%, yellow from 80%.
fn conformance_color(tally: &Tally) -> Option<Color> {
    tally.conformance().map(|c| {
        if c >= 0.95 {
            Color::FG_GREEN
        } else if c >= 0.8 {
            Color::FG_YELLOW
        } else {
            Color::FG_RED
        }
    })
}

/// `Macao ×5 (preferred)`, one term a line.
fn terms_cell(terms: &[TermCount]) -> String {
    terms
        .iter()
        .map(|t| format!("{} ×{} ({})", t.text, t.count, t.status))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The colour of the worst status among `terms`.
fn worst_color(terms: &[TermCount]) -> Option<Color> {
    terms.iter().map(|t| t.status).max().map(status_color)
}

/// `Macao 212 / Macau 14`.
fn competing(terms: &[TermCount]) -> String {
    terms
        .iter()
        .map(|t| format!("{} {}", t.text, t.count))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn tally_line(tally: &Tally) -> String {
    format!(
        "{} approved of {} ({})",
        tally.approved,
        plural(tally.occurrences, "occurrence", "occurrences"),
        percent(tally.conformance())
    )
}

impl CoverageTableEmitter {
    fn concept_table(&self, concepts: &[&ConceptCoverage], files: bool) -> Table {
        let mut header = vec!["concept", "domain", "terms used"];
        if files {
            header.push("files");
        }
        let mut grid = Grid::new(&header);
        for c in concepts {
            let mut cells = vec![
                c.concept.key.clone(),
                c.concept.domain.clone().unwrap_or_default(),
                terms_cell(&c.terms),
            ];
            if files {
                cells.push(c.files.to_string());
            }
            // A cell takes one colour, so the concept carries the worst
            // status among its terms; each term's own status is written out.
            grid.push(cells, vec![(0, worst_color(&c.terms))]);
        }
        grid.render(self.color)
    }

    /// Unused concepts, by glossary, wrapped: with the built-in glossaries
    /// there are hundreds, and one line of keys would be unreadable.
    fn unused(&self, out: &mut dyn Write, unused: &[&ConceptRef]) -> io::Result<()> {
        if unused.is_empty() {
            return writeln!(out, "Every concept that could occur was used.");
        }
        writeln!(out, "Unused concepts ({}):", unused.len())?;
        for group in unused.chunk_by(|a, b| a.glossary == b.glossary) {
            let ids: Vec<&str> = group.iter().map(|c| c.id.as_str()).collect();
            let mut line = format!("  {} ({}):", group[0].glossary, group.len());
            for (i, id) in ids.iter().enumerate() {
                let sep = if i + 1 < ids.len() { "," } else { "" };
                if line.chars().count() + id.chars().count() + 2 > UNUSED_WIDTH {
                    writeln!(out, "{line}")?;
                    line = "   ".to_owned();
                }
                line.push(' ');
                line.push_str(id);
                line.push_str(sep);
            }
            writeln!(out, "{line}")?;
        }
        Ok(())
    }

    fn heading(&self, out: &mut dyn Write, text: &str) -> io::Result<()> {
        if self.color {
            writeln!(out, "\n\u{1b}[1m{text}\u{1b}[22m")
        } else {
            writeln!(out, "\n{text}")
        }
    }

    fn inconsistencies(&self, out: &mut dyn Write, coverage: &Coverage) -> io::Result<()> {
        self.heading(out, "Inconsistent within a document")?;
        let per_file: Vec<(&std::path::Path, &ConceptInconsistency)> = coverage
            .files
            .iter()
            .flat_map(|f| f.inconsistencies.iter().map(move |i| (f.path.as_path(), i)))
            .collect();
        if per_file.is_empty() {
            writeln!(out, "No document names a concept with competing terms.")?;
        } else {
            let mut grid = Grid::new(&["file", "concept", "competing terms"]);
            for (path, i) in per_file {
                grid.push(
                    vec![
                        path.display().to_string(),
                        i.concept.key.clone(),
                        competing(&i.terms),
                    ],
                    vec![],
                );
            }
            writeln!(out, "{}", grid.render(self.color))?;
        }
        self.heading(out, "Inconsistent across the corpus")?;
        if coverage.inconsistencies.is_empty() {
            return writeln!(out, "The corpus names each concept with one term.");
        }
        let mut grid = Grid::new(&["concept", "competing terms", "inconsistent files"]);
        for i in &coverage.inconsistencies {
            grid.push(
                vec![
                    i.concept.key.clone(),
                    format!(
                        "{} across {}",
                        competing(&i.terms),
                        plural(i.files, "file", "files")
                    ),
                    i.inconsistent_files.to_string(),
                ],
                vec![],
            );
        }
        writeln!(out, "{}", grid.render(self.color))
    }

    fn conformance(&self, out: &mut dyn Write, coverage: &Coverage) -> io::Result<()> {
        self.heading(out, "Conformance")?;
        let mut grid = Grid::new(&["file", "occurrences", "approved", "conformance", "findings"]);
        let mut findings = 0;
        for f in &coverage.files {
            findings += f.findings;
            grid.push(
                vec![
                    f.path.display().to_string(),
                    f.tally.occurrences.to_string(),
                    f.tally.approved.to_string(),
                    percent(f.tally.conformance()),
                    f.findings.to_string(),
                ],
                vec![(3, conformance_color(&f.tally))],
            );
        }
        grid.push(
            vec![
                "total".to_owned(),
                coverage.tally.occurrences.to_string(),
                coverage.tally.approved.to_string(),
                percent(coverage.tally.conformance()),
                findings.to_string(),
            ],
            vec![(3, conformance_color(&coverage.tally))],
        );
        writeln!(out, "{}", grid.render(self.color))
    }

    fn by_concept(&self, out: &mut dyn Write, coverage: &Coverage) -> io::Result<()> {
        let concepts: Vec<&ConceptCoverage> = coverage.concepts.iter().collect();
        let possible = concepts.len() + coverage.unused.len();
        writeln!(
            out,
            "Coverage: {} of {} used; {}",
            concepts.len(),
            plural(possible, "concept", "concepts"),
            tally_line(&coverage.tally)
        )?;
        if !concepts.is_empty() {
            writeln!(out, "{}", self.concept_table(&concepts, true))?;
        }
        self.unused(out, &coverage.unused.iter().collect::<Vec<_>>())?;
        self.inconsistencies(out, coverage)?;
        self.conformance(out, coverage)
    }

    fn by_file(&self, out: &mut dyn Write, coverage: &Coverage) -> io::Result<()> {
        for (n, f) in coverage.files.iter().enumerate() {
            if n > 0 {
                writeln!(out)?;
            }
            writeln!(
                out,
                "{}: {}; {}",
                f.path.display(),
                tally_line(&f.tally),
                plural(f.findings, "finding", "findings")
            )?;
            if f.concepts.is_empty() {
                writeln!(out, "No glossary term occurs.")?;
                continue;
            }
            let concepts: Vec<&ConceptCoverage> = f.concepts.iter().collect();
            writeln!(out, "{}", self.concept_table(&concepts, false))?;
            for i in &f.inconsistencies {
                writeln!(
                    out,
                    "Inconsistent: {} named {}",
                    i.concept.key,
                    competing(&i.terms)
                )?;
            }
        }
        self.heading(out, "Whole corpus")?;
        writeln!(out, "{}", tally_line(&coverage.tally))?;
        self.unused(out, &coverage.unused.iter().collect::<Vec<_>>())?;
        self.inconsistencies(out, coverage)
    }

    fn by_glossary(&self, out: &mut dyn Write, coverage: &Coverage) -> io::Result<()> {
        let mut grid = Grid::new(&[
            "glossary",
            "concepts used",
            "occurrences",
            "approved",
            "conformance",
        ]);
        for g in &coverage.glossaries {
            grid.push(
                vec![
                    g.id.clone(),
                    format!("{} of {}", g.used, g.concepts),
                    g.tally.occurrences.to_string(),
                    g.tally.approved.to_string(),
                    percent(g.tally.conformance()),
                ],
                vec![(4, conformance_color(&g.tally))],
            );
        }
        writeln!(out, "{}", grid.render(self.color))?;
        for g in &coverage.glossaries {
            let title = g
                .title
                .as_ref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            self.heading(out, &format!("{}{title}: {}", g.id, tally_line(&g.tally)))?;
            let concepts: Vec<&ConceptCoverage> = coverage.concepts_of_glossary(&g.id).collect();
            if !concepts.is_empty() {
                writeln!(out, "{}", self.concept_table(&concepts, true))?;
            }
            let unused: Vec<&ConceptRef> = coverage
                .unused
                .iter()
                .filter(|c| c.glossary == g.id)
                .collect();
            self.unused(out, &unused)?;
        }
        self.inconsistencies(out, coverage)?;
        self.conformance(out, coverage)
    }
}

impl Emit<Report> for CoverageTableEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        failure_banner(report, out)?;
        let coverage = &report.coverage;
        match self.by {
            Grouping::Concept => self.by_concept(out, coverage)?,
            Grouping::File => self.by_file(out, coverage)?,
            Grouping::Glossary => self.by_glossary(out, coverage)?,
        }
        writeln!(out, "\n{}", summary_line(&report.summary()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::{ConceptId, TermId, TermType};
    use crate::report::coverage::{ConceptCoverage, FileCoverage};

    fn report() -> Report {
        let concept = ConceptRef {
            concept: ConceptId(0),
            glossary: "g".into(),
            id: "macao".into(),
            key: "g/macao".into(),
            domain: None,
        };
        let term = TermCount {
            term: TermId(1),
            text: "Macau".into(),
            language: "en".into(),
            status: Status::Deprecated,
            term_type: TermType::FullForm,
            count: 1,
            files: 1,
        };
        let tally = Tally {
            occurrences: 1,
            approved: 0,
        };
        let used = ConceptCoverage {
            concept,
            terms: vec![term],
            files: 1,
            tally,
        };
        let coverage = Coverage {
            files: vec![FileCoverage {
                path: "a.txt".into(),
                concepts: vec![used.clone()],
                inconsistencies: vec![],
                tally,
                findings: 1,
            }],
            concepts: vec![used],
            tally,
            ..Coverage::default()
        };
        Report {
            coverage,
            ..Report::default()
        }
    }

    fn render(color: bool) -> String {
        let mut out = Vec::new();
        CoverageTableEmitter {
            by: Grouping::Concept,
            color,
        }
        .emit(&report(), &mut out)
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn colour_only_when_asked() {
        assert!(!render(false).contains('\u{1b}'));
        let coloured = render(true);
        // The concept with a deprecated term in yellow, 0% conformance in red.
        assert!(coloured.contains("\u{1b}[33mg/macao"));
        assert!(coloured.contains("\u{1b}[31m0.0%"));
    }
}
