//! Known vs new: which candidates the glossaries already hold.
//!
//! The core matcher runs over the input once; every occurrence it finds marks
//! its words (folded as candidates are) as a known term. A candidate the
//! matcher did not report on its own (it was inside a longer occurrence) is
//! looked up by running the matcher on the candidate itself. A candidate that
//! is not a glossary term but has the same stems as one (`human rights
//! dialogues`), or is one edit from one of at least five characters with the
//! same number of words (`Xizhang Autonomous Region`), is a variant of it.

use std::collections::HashMap;

use serde::Serialize;

use super::tokenize::{fold_token, tokenize, Language, TokenKind};
use crate::engine::Engine;
use crate::glossary::{GlossarySet, Status, TermId};
use crate::term_lookup::TermLookup;

/// What the glossaries say about a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Known {
    /// The candidate is a term of this concept.
    Term {
        /// `GLOSSARY/CONCEPT`.
        concept: String,
        /// The glossary spelling.
        term: String,
        status: Status,
        /// The concept's domain, if the glossary gives one.
        #[serde(skip_serializing_if = "Option::is_none")]
        domain: Option<String>,
    },
    /// The candidate looks like a spelling or inflection of this term.
    Variant { concept: String, term: String },
}

impl Known {
    pub fn concept(&self) -> &str {
        match self {
            Known::Term { concept, .. } | Known::Variant { concept, .. } => concept,
        }
    }
}

/// The folded key a text would have as a candidate: its tokens folded and
/// joined as the language writes them.
pub fn candidate_key(text: &str, language: Language) -> String {
    let sep = if language.is_spaced() { " " } else { "" };
    tokenize(text, language)
        .iter()
        .filter(|t| t.kind != TokenKind::Punct || t.text == "'s")
        .map(|t| fold_token(t.text))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Glossary lookups for one language.
pub struct KnownIndex<'e> {
    terms: TermLookup<'e>,
    language: Language,
    /// Candidate keys of matcher occurrences in the input.
    found: HashMap<String, TermId>,
}

impl<'e> KnownIndex<'e> {
    /// Indexes the glossary terms of `lang_tag`.
    pub fn new(engine: &'e Engine, lang_tag: &str, language: Language) -> KnownIndex<'e> {
        KnownIndex {
            terms: TermLookup::new(engine, lang_tag),
            language,
            found: HashMap::new(),
        }
    }

    /// Runs the matcher over a segment of the input.
    pub fn scan(&mut self, segment: &str) {
        for occurrence in self.terms.find(segment) {
            let key = candidate_key(&occurrence.text, self.language);
            self.found.entry(key).or_insert(occurrence.term);
        }
    }

    /// Candidate keys of the glossary terms the matcher found in the input.
    pub fn found_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.found.keys().cloned().collect();
        keys.sort();
        keys
    }

    /// Whether the matcher found `key` as a term in the input.
    pub fn is_found(&self, key: &str) -> bool {
        self.found.contains_key(key)
    }

    /// What the glossaries know about a candidate (`key` folded, `text` as
    /// written).
    pub fn lookup(&self, key: &str, text: &str) -> Option<Known> {
        let set = self.terms.glossaries();
        if let Some(&term) = self.found.get(key) {
            return Some(known_term(set, term));
        }
        if let Some(term) = self.terms.term(text) {
            return Some(known_term(set, term));
        }
        self.terms.variant_of(text).map(|term| {
            let t = set.term(term);
            Known::Variant {
                concept: set.concept(t.concept).key.clone(),
                term: t.text.clone(),
            }
        })
    }
}

fn known_term(set: &GlossarySet, term: TermId) -> Known {
    let t = set.term(term);
    let concept = set.concept(t.concept);
    Known::Term {
        concept: concept.key.clone(),
        term: t.text.clone(),
        status: t.status,
        domain: concept.domain.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RuleSettings;

    fn engine() -> Engine {
        let set = crate::matcher::tests::glossary(crate::matcher::tests::PLACES);
        Engine::new(set, RuleSettings::default())
    }

    #[test]
    fn terms_variants_and_new_candidates() {
        let engine = engine();
        let mut index = KnownIndex::new(&engine, "en", Language::En);
        index.scan("The EEAS met in the Xizang Autonomous Region.");
        let concept = |k: Option<Known>| {
            k.map(|k| (k.concept().to_owned(), matches!(k, Known::Variant { .. })))
        };
        assert_eq!(
            concept(index.lookup("eeas", "EEAS")),
            Some(("places/eeas".to_owned(), false))
        );
        // Not an occurrence on its own in the text, found by the matcher.
        assert_eq!(
            concept(index.lookup("xizang", "Xizang")),
            Some(("places/xizang".to_owned(), false))
        );
        assert_eq!(
            concept(index.lookup("xizhang autonomous region", "Xizhang Autonomous Region")),
            Some(("places/xizang".to_owned(), true))
        );
        assert_eq!(
            concept(index.lookup("european unions", "European Unions")),
            Some(("places/eu".to_owned(), true))
        );
        assert_eq!(index.lookup("wind turbine", "wind turbine"), None);
        // Short one-word names accept only a transposition.
        assert_eq!(
            index
                .lookup("macau", "Macau")
                .map(|k| k.concept().to_owned()),
            Some("places/macao".to_owned())
        );
        assert_eq!(index.lookup("macon", "Macon"), None);
        assert!(index.is_found("xizang autonomous region"));
    }

    #[test]
    fn candidate_keys_match_the_tokenizer() {
        assert_eq!(candidate_key("Xizang’s", Language::En), "xizang 's");
        assert_eq!(
            candidate_key("欧盟对外行动署", Language::Zh),
            "欧盟对外行动署"
        );
        assert_eq!(
            candidate_key("China-EU  Dialogue", Language::En),
            "china-eu dialogue"
        );
    }
}
