//! Glossary lookups for code that is not a check.
//!
//! `extract` asks of a phrase whether the glossaries hold it as a term, or
//! hold a term it is a spelling or inflection of. It asks here rather than
//! of the matcher and the near-miss index directly, so that it gives the
//! same answers as the checks (same folding, stemmer and edit rules) without
//! depending on how they work inside.

use std::collections::HashMap;

use rust_stemmers::Stemmer;

use crate::engine::Engine;
use crate::fuzzy::{one_edit, Edit, MIN_FREE_EDIT_CHARS, MIN_TERM_CHARS};
use crate::glossary::{GlossarySet, TermId};
use crate::lang::stemmer_for;
use crate::matcher::{word_spans, Occurrence};
use crate::span::Span;
use crate::text::{fold_str, Fold, MappedText};

/// One glossary term, folded, for the one-edit comparison.
struct Entry {
    term: TermId,
    folded: Vec<char>,
    words: usize,
}

/// The glossary terms of one language, indexed for lookups by phrase.
pub struct TermLookup<'e> {
    engine: &'e Engine,
    language: String,
    stemmer: Option<Stemmer>,
    /// Stems of each term's words, joined by spaces: the first term wins.
    by_stems: HashMap<String, TermId>,
    entries: Vec<Entry>,
}

impl<'e> TermLookup<'e> {
    /// Indexes the terms of `language` (a BCP 47 tag) in the engine's
    /// glossaries.
    pub fn new(engine: &'e Engine, language: &str) -> TermLookup<'e> {
        let set = engine.glossaries();
        let mut lookup = TermLookup {
            engine,
            language: language.to_owned(),
            stemmer: stemmer_for(language).map(Stemmer::create),
            by_stems: HashMap::new(),
            entries: Vec::new(),
        };
        for concept in set.concept_ids() {
            for term in set.terms_for(concept, language) {
                if set.is_shadowed(term, &set.term(term).text) {
                    continue;
                }
                let folded = fold_str(&set.term(term).text, Fold::ALL);
                if let Some(stems) = lookup.stems(&folded) {
                    lookup.by_stems.entry(stems).or_insert(term);
                }
                let words = word_spans(&folded).len();
                lookup.entries.push(Entry {
                    term,
                    folded: folded.chars().collect(),
                    words,
                });
            }
        }
        lookup
    }

    /// The glossaries the terms come from.
    pub fn glossaries(&self) -> &'e GlossarySet {
        self.engine.glossaries()
    }

    /// The glossary terms the matcher finds in `text`, as the checks see
    /// them.
    pub fn find(&self, text: &str) -> Vec<Occurrence> {
        let mapped = MappedText::borrowed(text, Span::new(0, text.len()));
        self.engine.find(&self.language, &mapped)
    }

    /// The glossary term `text` (as written) is, as a whole: what the
    /// matcher finds spanning all of it.
    pub fn term(&self, text: &str) -> Option<TermId> {
        self.find(text)
            .into_iter()
            .find(|o| o.span == Span::new(0, text.len()))
            .map(|o| o.term)
    }

    /// A glossary term `text` (as written) looks like a spelling or an
    /// inflection of: one whose words have the same Snowball stems (`human
    /// rights dialogues`), else one of as many words that is one edit away
    /// (`Xizhang Autonomous Region`) under the near-miss rules of
    /// `misspelled-term`.
    pub fn variant_of(&self, text: &str) -> Option<TermId> {
        let folded = fold_str(text, Fold::ALL);
        if let Some(&term) = self.stems(&folded).and_then(|s| self.by_stems.get(&s)) {
            return Some(term);
        }
        let chars: Vec<char> = folded.chars().collect();
        let words = word_spans(&folded).len();
        self.entries
            .iter()
            .find(|e| {
                e.folded.len() >= MIN_TERM_CHARS
                    && e.words == words
                    && e.folded.len().abs_diff(chars.len()) <= 1
                    && one_edit(&chars, &e.folded).is_some_and(|edit| {
                        // Short one-word names one edit apart are usually
                        // other names (Jian/Jinan), as misspelled-term knows.
                        e.words > 1
                            || e.folded.len() >= MIN_FREE_EDIT_CHARS
                            || edit == Edit::Transposition
                    })
            })
            .map(|e| e.term)
    }

    /// The stems of the words of `folded`, joined by spaces; `None` when the
    /// language has no stemmer.
    fn stems(&self, folded: &str) -> Option<String> {
        let stemmer = self.stemmer.as_ref()?;
        let stems: Vec<String> = word_spans(folded)
            .iter()
            .map(|w| stemmer.stem(&folded[w.range()]).into_owned())
            .collect();
        Some(stems.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::RuleSettings;

    #[test]
    fn terms_and_their_variants() {
        let set = crate::matcher::tests::glossary(crate::matcher::tests::PLACES);
        let engine = Engine::new(set, RuleSettings::default());
        let lookup = TermLookup::new(&engine, "en");
        let concept = |term: Option<TermId>| {
            term.map(|t| {
                let set = lookup.glossaries();
                set.concept(set.term(t).concept).key.clone()
            })
        };
        assert_eq!(concept(lookup.term("EEAS")).as_deref(), Some("places/eeas"));
        // Part of the text is not the whole of it.
        assert_eq!(lookup.term("the EEAS"), None);
        assert_eq!(
            concept(lookup.variant_of("Xizhang Autonomous Region")).as_deref(),
            Some("places/xizang")
        );
        assert_eq!(
            concept(lookup.variant_of("European Unions")).as_deref(),
            Some("places/eu")
        );
        assert_eq!(lookup.variant_of("Macon"), None);
        assert_eq!(lookup.find("The EEAS met.").len(), 1);
    }
}
