//! `termalign glossary list`: the loaded concepts as a [`Listing`], and its
//! two emitters, a table and JSON.

use std::io::{self, Write};

use serde::Serialize;
use tabled::settings::Style;
use tabled::{Table, Tabled};

use super::model::GlossarySet;
use crate::emit::Emit;

/// One concept with its terms, for listing.
#[derive(Debug, Serialize)]
pub struct ListedConcept {
    pub glossary: String,
    pub concept: String,
    pub domain: Option<String>,
    /// language -> terms, each `{term, status, type}`.
    pub terms: std::collections::BTreeMap<String, Vec<ListedTerm>>,
}

#[derive(Debug, Serialize)]
pub struct ListedTerm {
    pub term: String,
    pub status: String,
    #[serde(rename = "type")]
    pub term_type: String,
}

/// Every loaded glossary and concept, in load order.
#[derive(Debug, Serialize)]
pub struct Listing {
    pub glossaries: Vec<ListedGlossary>,
    pub concepts: Vec<ListedConcept>,
}

#[derive(Debug, Serialize)]
pub struct ListedGlossary {
    pub id: String,
    pub title: Option<String>,
    pub version: Option<String>,
    pub source: Option<String>,
    pub path: String,
    pub concepts: usize,
}

#[derive(Tabled)]
struct Row {
    concept: String,
    domain: String,
    terms: String,
}

impl Listing {
    pub fn new(set: &GlossarySet) -> Listing {
        let glossaries = set
            .glossaries
            .iter()
            .map(|g| ListedGlossary {
                id: g.id.clone(),
                title: g.title.clone(),
                version: g.version.clone(),
                source: g.source.clone(),
                path: g.path.display().to_string(),
                concepts: (g.concepts.end - g.concepts.start) as usize,
            })
            .collect();
        let concepts = set
            .concept_ids()
            .map(|c| {
                let concept = set.concept(c);
                let mut terms: std::collections::BTreeMap<String, Vec<ListedTerm>> =
                    Default::default();
                for t in set.terms_of(c) {
                    let term = set.term(t);
                    terms
                        .entry(term.language.clone())
                        .or_default()
                        .push(ListedTerm {
                            term: term.text.clone(),
                            status: term.status.as_str().to_owned(),
                            term_type: term.term_type.as_str().to_owned(),
                        });
                }
                ListedConcept {
                    glossary: set.glossary(concept.glossary).id.clone(),
                    concept: concept.id.clone(),
                    domain: concept.domain.clone(),
                    terms,
                }
            })
            .collect();
        Listing {
            glossaries,
            concepts,
        }
    }
}

/// `--format table`: one row per concept, terms as `lang: term (status)`
/// lines, then the count of concepts and glossaries.
pub struct ListingTableEmitter;

impl Emit<Listing> for ListingTableEmitter {
    fn emit(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        let rows = listing.concepts.iter().map(|c| Row {
            concept: format!("{}/{}", c.glossary, c.concept),
            domain: c.domain.clone().unwrap_or_default(),
            terms: c
                .terms
                .iter()
                .map(|(lang, terms)| {
                    let list: Vec<String> = terms
                        .iter()
                        .map(|t| {
                            if t.status == "preferred" {
                                t.term.clone()
                            } else {
                                format!("{} ({})", t.term, t.status)
                            }
                        })
                        .collect();
                    format!("{lang}: {}", list.join("; "))
                })
                .collect::<Vec<_>>()
                .join("\n"),
        });
        let mut table = Table::new(rows);
        table.with(Style::sharp());
        let total: usize = listing.glossaries.iter().map(|g| g.concepts).sum();
        write!(
            out,
            "{table}\n{total} concepts in {} glossaries\n",
            listing.glossaries.len()
        )
    }
}

/// `--format json`: the [`Listing`] as it serializes.
pub struct ListingJsonEmitter;

impl Emit<Listing> for ListingJsonEmitter {
    fn emit(&self, listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, listing)?;
        writeln!(out)
    }
}
