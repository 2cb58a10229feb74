//! `report --format json` (SPEC §5): the coverage model on the wire. The
//! structs here are the format; they are kept apart from [`Coverage`](super::Coverage) so it
//! never changes by accident.
//!
//! ```json
//! {"version": 1,
//!  "language": "en",
//!  "concepts": [{"glossary": "g", "concept": "macao", "domain": "place",
//!                "occurrences": {"Macao": {"count": 5, "status": "preferred",
//!                                          "type": "full-form", "language": "en",
//!                                          "files": 3}},
//!                "files": 3, "total": 7, "approved": 7, "conformance": 1.0}],
//!  "unused": ["g/xinjiang"],
//!  "inconsistencies": [{"path": "a.txt", "glossary": "g", "concept": "macao",
//!                       "terms": [{"term": "Macao", "count": 3, "status": "preferred",
//!                                  "files": 1}, ...]}],
//!  "corpus_inconsistencies": [{"glossary": "g", "concept": "macao",
//!                              "terms": [...], "files": 3, "inconsistent_files": 1}],
//!  "conformance": 0.97, "occurrences": 33, "approved": 32,
//!  "documents": [{"path": "a.txt", "occurrences": 12, "approved": 11,
//!                 "conformance": 0.916, "findings": 2}],
//!  "glossaries": [{"glossary": "g", "title": "…", "concepts": 9, "used": 4,
//!                  "occurrences": 33, "approved": 32, "conformance": 0.97}],
//!  "summary": {"files": 3, "segments": 0, "findings": 4, "errors": 0, "warnings": 4, "infos": 0}}
//! ```
//!
//! - `version`, `concepts` (`glossary`, `concept`, `occurrences` keyed by the
//!   glossary spelling with `count` and `status`, `files`), `unused`,
//!   `inconsistencies` and `conformance` are SPEC §5; everything else is an
//!   addition.
//! - `inconsistencies` lists, per document, each concept named with two or
//!   more competing approved terms (the `inconsistent-term` logic), dominant
//!   term first; `corpus_inconsistencies` is the same over the whole corpus.
//! - `conformance` is approved (preferred + admitted) occurrences over all
//!   glossary occurrences; it is `null` when no glossary term occurs at all
//!   (there is nothing to conform), which `occurrences: 0` makes explicit.
//! - An occurrence key is the term as the glossary spells it; if a concept
//!   has the same spelling in two languages, the second is keyed
//!   `TERM (LANGUAGE)`.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use super::{ConceptCoverage, ConceptInconsistency, TermCount};
use crate::emit::Emit;
use crate::report::json::{JsonError, JsonSummary};
use crate::report::Report;

/// The whole document.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonCoverageReport {
    pub version: u32,
    pub language: Option<String>,
    pub concepts: Vec<JsonConcept>,
    pub unused: Vec<String>,
    pub inconsistencies: Vec<JsonInconsistency>,
    pub corpus_inconsistencies: Vec<JsonInconsistency>,
    pub conformance: Option<f64>,
    pub occurrences: usize,
    pub approved: usize,
    pub documents: Vec<JsonDocument>,
    pub glossaries: Vec<JsonGlossary>,
    /// Inputs that could not be checked (SPEC §2).
    #[serde(default)]
    pub errors: Vec<JsonError>,
    pub summary: JsonSummary,
}

/// A concept found in the corpus.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonConcept {
    pub glossary: String,
    pub concept: String,
    pub domain: Option<String>,
    pub occurrences: BTreeMap<String, JsonOccurrences>,
    /// Files the concept occurs in.
    pub files: usize,
    /// All its occurrences, and the approved ones.
    pub total: usize,
    pub approved: usize,
    pub conformance: Option<f64>,
}

/// How one term of a concept was used.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonOccurrences {
    pub count: usize,
    pub status: String,
    #[serde(rename = "type")]
    pub term_type: String,
    pub language: String,
    pub files: usize,
}

/// A concept named with competing terms, in one document (`path`) or across
/// the corpus (no `path`).
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonInconsistency {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub path: Option<String>,
    pub glossary: String,
    pub concept: String,
    /// Dominant term first.
    pub terms: Vec<JsonTermCount>,
    pub files: usize,
    pub inconsistent_files: usize,
}

/// One competing term and how often it was used.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonTermCount {
    pub term: String,
    pub count: usize,
    pub status: String,
    pub files: usize,
}

/// Conformance of one file.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonDocument {
    pub path: String,
    pub occurrences: usize,
    pub approved: usize,
    pub conformance: Option<f64>,
    pub findings: usize,
}

/// Coverage of one glossary.
#[derive(Debug, Serialize, Deserialize)]
pub struct JsonGlossary {
    pub glossary: String,
    pub title: Option<String>,
    /// Concepts that could occur in the checked language, and those that did.
    pub concepts: usize,
    pub used: usize,
    pub occurrences: usize,
    pub approved: usize,
    pub conformance: Option<f64>,
}

fn concept(c: &ConceptCoverage) -> JsonConcept {
    let mut occurrences = BTreeMap::new();
    for t in &c.terms {
        let key = if occurrences.contains_key(&t.text) {
            format!("{} ({})", t.text, t.language)
        } else {
            t.text.clone()
        };
        occurrences.insert(
            key,
            JsonOccurrences {
                count: t.count,
                status: t.status.as_str().to_owned(),
                term_type: t.term_type.as_str().to_owned(),
                language: t.language.clone(),
                files: t.files,
            },
        );
    }
    JsonConcept {
        glossary: c.concept.glossary.clone(),
        concept: c.concept.id.clone(),
        domain: c.concept.domain.clone(),
        occurrences,
        files: c.files,
        total: c.tally.occurrences,
        approved: c.tally.approved,
        conformance: c.tally.conformance(),
    }
}

fn term(t: &TermCount) -> JsonTermCount {
    JsonTermCount {
        term: t.text.clone(),
        count: t.count,
        status: t.status.as_str().to_owned(),
        files: t.files,
    }
}

fn inconsistency(path: Option<String>, i: &ConceptInconsistency) -> JsonInconsistency {
    JsonInconsistency {
        path,
        glossary: i.concept.glossary.clone(),
        concept: i.concept.id.clone(),
        terms: i.terms.iter().map(term).collect(),
        files: i.files,
        inconsistent_files: i.inconsistent_files,
    }
}

impl JsonCoverageReport {
    /// The wire form of a report's coverage.
    pub fn new(report: &Report) -> JsonCoverageReport {
        let coverage = &report.coverage;
        JsonCoverageReport {
            version: 1,
            language: coverage.language.clone(),
            concepts: coverage.concepts.iter().map(concept).collect(),
            unused: coverage.unused.iter().map(|c| c.key.clone()).collect(),
            inconsistencies: coverage
                .files
                .iter()
                .flat_map(|f| {
                    let path = f.path.display().to_string();
                    f.inconsistencies
                        .iter()
                        .map(move |i| inconsistency(Some(path.clone()), i))
                })
                .collect(),
            corpus_inconsistencies: coverage
                .inconsistencies
                .iter()
                .map(|i| inconsistency(None, i))
                .collect(),
            conformance: coverage.tally.conformance(),
            occurrences: coverage.tally.occurrences,
            approved: coverage.tally.approved,
            documents: coverage
                .files
                .iter()
                .map(|f| JsonDocument {
                    path: f.path.display().to_string(),
                    occurrences: f.tally.occurrences,
                    approved: f.tally.approved,
                    conformance: f.tally.conformance(),
                    findings: f.findings,
                })
                .collect(),
            glossaries: coverage
                .glossaries
                .iter()
                .map(|g| JsonGlossary {
                    glossary: g.id.clone(),
                    title: g.title.clone(),
                    concepts: g.concepts,
                    used: g.used,
                    occurrences: g.tally.occurrences,
                    approved: g.tally.approved,
                    conformance: g.tally.conformance(),
                })
                .collect(),
            errors: report.failures.iter().map(JsonError::new).collect(),
            summary: JsonSummary::new(&report.summary()),
        }
    }
}

/// The coverage of a report as JSON.
pub struct CoverageJsonEmitter;

impl Emit<Report> for CoverageJsonEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &JsonCoverageReport::new(report))?;
        writeln!(out)
    }
}
