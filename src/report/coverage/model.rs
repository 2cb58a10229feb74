//! Coverage: which glossary concepts a corpus uses, with which terms and how
//! often, which it never uses, where it names one concept with competing
//! terms, and how much of it conforms to the glossaries.
//!
//! The model is built once from the per-file results of a run (the term
//! occurrences every check already collected, [`FileResult::uses`]) and the
//! glossaries; every emitter reads it, so `report` and the HTML page of
//! `check` cost no second pass over the text.
//!
//! - *Conformance* is approved (preferred + admitted) occurrences over all
//!   glossary occurrences (SPEC §5), per file, per glossary and overall;
//!   `None` when there is nothing to measure.
//! - *Inconsistencies* use the `inconsistent-term` logic
//!   ([`crate::checks::inconsistencies`]): per document, and corpus-wide over
//!   the concatenation of all documents in path order (two files that are
//!   each consistent but disagree with each other show up only there).
//! - Everything is sorted (files by path, concepts by glossary then id,
//!   terms by count, then status, then glossary order), so output is stable.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::checks::inconsistencies;
use crate::engine::FileResult;
use crate::glossary::{ConceptId, GlossarySet, Status, TermId, TermType};

/// How coverage is grouped in tables and pages (`report --by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Grouping {
    /// One table of concepts across the corpus.
    #[default]
    Concept,
    /// One table of concepts per file.
    File,
    /// One table of concepts per glossary.
    Glossary,
}

/// A concept, named the way reports name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConceptRef {
    pub concept: ConceptId,
    pub glossary: String,
    pub id: String,
    /// `GLOSSARY/CONCEPT`.
    pub key: String,
    pub domain: Option<String>,
}

impl ConceptRef {
    fn new(set: &GlossarySet, concept: ConceptId) -> ConceptRef {
        let c = set.concept(concept);
        ConceptRef {
            concept,
            glossary: set.glossary(c.glossary).id.clone(),
            id: c.id.clone(),
            key: c.key.clone(),
            domain: c.domain.clone(),
        }
    }
}

/// How often one term was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCount {
    pub term: TermId,
    /// The glossary spelling (occurrences may differ in case or diacritics).
    pub text: String,
    pub language: String,
    pub status: Status,
    pub term_type: TermType,
    pub count: usize,
    /// In how many files it occurs.
    pub files: usize,
}

/// Approved occurrences out of all glossary occurrences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub occurrences: usize,
    /// Occurrences of preferred or admitted terms.
    pub approved: usize,
}

impl Tally {
    fn add(&mut self, status: Status, count: usize) {
        self.occurrences += count;
        if status.is_approved() {
            self.approved += count;
        }
    }

    /// `approved / occurrences`, or `None` when nothing was found.
    pub fn conformance(&self) -> Option<f64> {
        (self.occurrences > 0).then(|| self.approved as f64 / self.occurrences as f64)
    }
}

/// One concept as used in a corpus (or in one file).
#[derive(Debug, Clone, PartialEq)]
pub struct ConceptCoverage {
    pub concept: ConceptRef,
    /// Every term of the concept that occurs, most frequent first.
    pub terms: Vec<TermCount>,
    /// In how many files the concept occurs.
    pub files: usize,
    pub tally: Tally,
}

/// A concept named with two or more competing approved terms (full forms or
/// variants): in one document, or across the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConceptInconsistency {
    pub concept: ConceptRef,
    /// The competing terms, the dominant first.
    pub terms: Vec<TermCount>,
    /// Files in which any of these terms occur.
    pub files: usize,
    /// Files that are inconsistent on their own (fire `inconsistent-term`).
    pub inconsistent_files: usize,
}

/// Coverage of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileCoverage {
    pub path: PathBuf,
    pub concepts: Vec<ConceptCoverage>,
    pub inconsistencies: Vec<ConceptInconsistency>,
    pub tally: Tally,
    /// Findings of every rule in this file.
    pub findings: usize,
}

/// Coverage of one glossary.
#[derive(Debug, Clone, PartialEq)]
pub struct GlossaryCoverage {
    pub id: String,
    pub title: Option<String>,
    /// Concepts that could have been found (with terms in the checked language).
    pub concepts: usize,
    /// Of those, the ones that were.
    pub used: usize,
    pub tally: Tally,
}

/// Coverage of a whole run.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coverage {
    /// The language checked, when the run had one; concepts without terms in
    /// it cannot occur and are not counted as unused.
    pub language: Option<String>,
    /// Every file, sorted by path.
    pub files: Vec<FileCoverage>,
    /// Concepts found anywhere, by glossary then concept id.
    pub concepts: Vec<ConceptCoverage>,
    /// Concepts never found.
    pub unused: Vec<ConceptRef>,
    pub glossaries: Vec<GlossaryCoverage>,
    /// Corpus-wide inconsistencies.
    pub inconsistencies: Vec<ConceptInconsistency>,
    pub tally: Tally,
}

/// Per-term count and number of files.
type Counts = BTreeMap<TermId, (usize, usize)>;

impl Coverage {
    /// Builds the model from the results of a run. `language` restricts
    /// "unused" to concepts with terms in that language.
    pub fn build(results: &[FileResult], set: &GlossarySet, language: Option<&str>) -> Coverage {
        let mut order: Vec<&FileResult> = results.iter().collect();
        order.sort_by(|a, b| a.path.cmp(&b.path));

        let mut corpus: Counts = BTreeMap::new();
        let mut concept_files: BTreeMap<ConceptId, usize> = BTreeMap::new();
        let mut inconsistent_files: BTreeMap<ConceptId, usize> = BTreeMap::new();
        let mut files = Vec::with_capacity(order.len());
        for result in &order {
            let mut counts: Counts = BTreeMap::new();
            for u in &result.uses {
                counts.entry(u.term).or_insert((0, 1)).0 += 1;
            }
            let mut here: BTreeMap<ConceptId, ()> = BTreeMap::new();
            for (&term, &(count, _)) in &counts {
                let e = corpus.entry(term).or_insert((0, 0));
                e.0 += count;
                e.1 += 1;
                here.insert(set.term(term).concept, ());
            }
            for concept in here.keys() {
                *concept_files.entry(*concept).or_default() += 1;
            }
            let file_inconsistencies: Vec<ConceptInconsistency> =
                inconsistencies(set, result.uses.iter().map(|u| u.term))
                    .into_iter()
                    .map(|i| {
                        *inconsistent_files.entry(i.concept).or_default() += 1;
                        ConceptInconsistency {
                            concept: ConceptRef::new(set, i.concept),
                            terms: i
                                .terms
                                .iter()
                                .map(|&(t, count)| term_count(set, t, count, 1))
                                .collect(),
                            files: 1,
                            inconsistent_files: 1,
                        }
                    })
                    .collect();
            let concepts = concepts_of(set, &counts, |_| 1);
            files.push(FileCoverage {
                path: result.path.clone(),
                tally: total(&concepts),
                concepts,
                inconsistencies: file_inconsistencies,
                findings: result.findings.len(),
            });
        }

        let concepts = concepts_of(set, &corpus, |c| concept_files[&c]);
        // Corpus order: files by path, uses in document order, so ties in
        // the dominant term resolve the way a reader of the corpus meets them.
        let all_uses = order.iter().flat_map(|r| r.uses.iter().map(|u| u.term));
        let corpus_inconsistencies = inconsistencies(set, all_uses)
            .into_iter()
            .map(|i| {
                let terms: Vec<TermCount> = i
                    .terms
                    .iter()
                    .map(|&(t, count)| term_count(set, t, count, corpus[&t].1))
                    .collect();
                let files = files
                    .iter()
                    .filter(|f| {
                        f.concepts.iter().any(|c| {
                            c.concept.concept == i.concept
                                && c.terms
                                    .iter()
                                    .any(|t| terms.iter().any(|x| x.term == t.term))
                        })
                    })
                    .count();
                ConceptInconsistency {
                    concept: ConceptRef::new(set, i.concept),
                    terms,
                    files,
                    inconsistent_files: inconsistent_files.get(&i.concept).copied().unwrap_or(0),
                }
            })
            .collect();

        let eligible = |c: ConceptId| language.is_none_or(|l| set.language_key_for(c, l).is_some());
        let mut unused: Vec<ConceptRef> = set
            .concept_ids()
            .filter(|&c| eligible(c) && !concept_files.contains_key(&c))
            .map(|c| ConceptRef::new(set, c))
            .collect();
        unused.sort_by(|a, b| (&a.glossary, &a.id).cmp(&(&b.glossary, &b.id)));

        let mut glossaries: Vec<GlossaryCoverage> = set
            .glossaries
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let mine = |c: &ConceptId| set.concept(*c).glossary.0 as usize == i;
                let used: Vec<&ConceptCoverage> = concepts
                    .iter()
                    .filter(|c| mine(&c.concept.concept))
                    .collect();
                GlossaryCoverage {
                    id: g.id.clone(),
                    title: g.title.clone(),
                    concepts: set
                        .concept_ids()
                        .filter(|c| mine(c) && eligible(*c))
                        .count(),
                    used: used.len(),
                    tally: used.iter().fold(Tally::default(), |mut t, c| {
                        t.occurrences += c.tally.occurrences;
                        t.approved += c.tally.approved;
                        t
                    }),
                }
            })
            .collect();
        glossaries.sort_by(|a, b| a.id.cmp(&b.id));

        Coverage {
            language: language.map(str::to_owned),
            tally: total(&concepts),
            files,
            concepts,
            unused,
            glossaries,
            inconsistencies: corpus_inconsistencies,
        }
    }

    /// The concepts of one glossary that were found, for `--by glossary`.
    pub fn concepts_of_glossary<'a>(
        &'a self,
        glossary: &'a str,
    ) -> impl Iterator<Item = &'a ConceptCoverage> + 'a {
        self.concepts
            .iter()
            .filter(move |c| c.concept.glossary == glossary)
    }
}

fn term_count(set: &GlossarySet, term: TermId, count: usize, files: usize) -> TermCount {
    let t = set.term(term);
    TermCount {
        term,
        text: t.text.clone(),
        language: t.language.clone(),
        status: t.status,
        term_type: t.term_type,
        count,
        files,
    }
}

/// Groups term counts by concept, sorted for output.
fn concepts_of(
    set: &GlossarySet,
    counts: &Counts,
    files_of: impl Fn(ConceptId) -> usize,
) -> Vec<ConceptCoverage> {
    let mut by_concept: BTreeMap<ConceptId, Vec<TermCount>> = BTreeMap::new();
    for (&term, &(count, files)) in counts {
        by_concept
            .entry(set.term(term).concept)
            .or_default()
            .push(term_count(set, term, count, files));
    }
    let mut out: Vec<ConceptCoverage> = by_concept
        .into_iter()
        .map(|(concept, mut terms)| {
            // Ties keep the glossary's order, which lists the preferred
            // full form first.
            terms.sort_by_key(|t| (std::cmp::Reverse(t.count), t.status, t.term));
            let mut tally = Tally::default();
            for t in &terms {
                tally.add(t.status, t.count);
            }
            ConceptCoverage {
                concept: ConceptRef::new(set, concept),
                terms,
                files: files_of(concept),
                tally,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (&a.concept.glossary, &a.concept.id).cmp(&(&b.concept.glossary, &b.concept.id))
    });
    out
}

fn total(concepts: &[ConceptCoverage]) -> Tally {
    concepts.iter().fold(Tally::default(), |mut t, c| {
        t.occurrences += c.tally.occurrences;
        t.approved += c.tally.approved;
        t
    })
}

/// `0.9333` as `93.3%`, or `—` when there was nothing to measure.
pub fn percent(conformance: Option<f64>) -> String {
    match conformance {
        Some(c) => format!("{:.1}%", c * 100.0),
        None => "—".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Engine, RuleSettings};
    use crate::glossary::{load_set, GlossarySource};
    use crate::input::SourceFile;

    const GLOSSARY: &str = "\
glossary: t
concepts:
  - id: macao
    domain: place
    terms:
      en:
        - Macao
        - {term: Macau, status: admitted, type: variant}
        - {term: Aomen, status: deprecated}
  - id: xizang
    terms:
      en:
        - Xizang
        - {term: Tibet, status: deprecated}
  - id: unused-here
    terms:
      en: [Chongqing]
  - id: french-only
    terms:
      fr: [Pékin]
";

    fn coverage(files: &[(&str, &str)]) -> Coverage {
        let source = GlossarySource {
            path: "t.yaml".into(),
            text: GLOSSARY.to_owned(),
        };
        let set = load_set(&[source]).unwrap();
        let engine = Engine::new(set, RuleSettings::default());
        let results: Vec<FileResult> = files
            .iter()
            .map(|(path, text)| {
                let file = SourceFile::from_bytes(*path, text.as_bytes().to_vec()).unwrap();
                let prose = crate::input::Format::Text.read_document(&file).unwrap();
                engine.check_document(&file, &prose, "en")
            })
            .collect();
        Coverage::build(&results, engine.glossaries(), Some("en"))
    }

    fn counts(c: &ConceptCoverage) -> Vec<(&str, usize, usize)> {
        c.terms
            .iter()
            .map(|t| (t.text.as_str(), t.count, t.files))
            .collect()
    }

    #[test]
    fn counts_terms_per_concept_and_files() {
        let cov = coverage(&[
            ("b.txt", "Macau and Macao and Macao. Tibet."),
            ("a.txt", "Macao, Macao, Aomen."),
            ("c.txt", "Nothing here."),
        ]);
        let paths: Vec<_> = cov.files.iter().map(|f| f.path.clone()).collect();
        assert_eq!(paths, ["a.txt", "b.txt", "c.txt"].map(PathBuf::from));
        let macao = &cov.concepts[0];
        assert_eq!(macao.concept.key, "t/macao");
        assert_eq!(macao.concept.domain.as_deref(), Some("place"));
        // Equal counts: approved before deprecated.
        assert_eq!(
            counts(macao),
            [("Macao", 4, 2), ("Macau", 1, 1), ("Aomen", 1, 1)]
        );
        assert_eq!(macao.files, 2);
        assert_eq!(cov.concepts[1].concept.key, "t/xizang");
        assert_eq!(
            cov.tally,
            Tally {
                occurrences: 7,
                approved: 5
            }
        );
        assert_eq!(
            cov.files[0].tally,
            Tally {
                occurrences: 3,
                approved: 2
            }
        );
        assert_eq!(cov.files[2].tally.conformance(), None);
    }

    #[test]
    fn unused_concepts_are_those_that_could_occur() {
        let cov = coverage(&[("a.txt", "Macao.")]);
        let unused: Vec<&str> = cov.unused.iter().map(|c| c.key.as_str()).collect();
        // `french-only` has no English terms: it cannot occur in English text.
        assert_eq!(unused, ["t/unused-here", "t/xizang"]);
        assert_eq!(cov.glossaries[0].concepts, 3);
        assert_eq!(cov.glossaries[0].used, 1);
    }

    #[test]
    fn inconsistencies_per_document_and_across_the_corpus() {
        let cov = coverage(&[
            ("a.txt", "Macao Macao Macau"),
            ("b.txt", "Macau"),
            ("c.txt", "Macao"),
        ]);
        let a = &cov.files[0].inconsistencies;
        assert_eq!(a.len(), 1);
        assert_eq!(
            a[0].terms
                .iter()
                .map(|t| (t.text.as_str(), t.count))
                .collect::<Vec<_>>(),
            [("Macao", 2), ("Macau", 1)]
        );
        assert!(cov.files[1].inconsistencies.is_empty());
        let corpus = &cov.inconsistencies[0];
        assert_eq!(
            corpus
                .terms
                .iter()
                .map(|t| (t.text.as_str(), t.count, t.files))
                .collect::<Vec<_>>(),
            [("Macao", 3, 2), ("Macau", 2, 2)]
        );
        assert_eq!((corpus.files, corpus.inconsistent_files), (3, 1));
    }

    #[test]
    fn files_that_each_agree_with_themselves_can_disagree_with_each_other() {
        let cov = coverage(&[("a.txt", "Macao"), ("b.txt", "Macau")]);
        assert!(cov.files.iter().all(|f| f.inconsistencies.is_empty()));
        assert_eq!(cov.inconsistencies.len(), 1);
        assert_eq!(cov.inconsistencies[0].inconsistent_files, 0);
    }

    #[test]
    fn percent_formats_conformance() {
        assert_eq!(percent(Some(14.0 / 15.0)), "93.3%");
        assert_eq!(percent(None), "—");
    }
}
