//! The glossary model (SPEC §1), flattened for fast lookup: a [`GlossarySet`]
//! owns every glossary, concept and term, and refers to them by index.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::Origin;

/// Index of a glossary in a [`GlossarySet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GlossaryId(pub u32);
/// Index of a concept in a [`GlossarySet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ConceptId(pub u32);
/// Index of a term in a [`GlossarySet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TermId(pub u32);

/// How a term may be used.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Preferred,
    Admitted,
    Deprecated,
    Forbidden,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Preferred => "preferred",
            Status::Admitted => "admitted",
            Status::Deprecated => "deprecated",
            Status::Forbidden => "forbidden",
        }
    }

    /// Preferred and admitted terms are fine to use.
    pub fn is_approved(self) -> bool {
        matches!(self, Status::Preferred | Status::Admitted)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the terms of one concept relate to each other.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum TermType {
    #[default]
    FullForm,
    ShortForm,
    Abbreviation,
    Variant,
}

impl TermType {
    pub fn as_str(self) -> &'static str {
        match self {
            TermType::FullForm => "full-form",
            TermType::ShortForm => "short-form",
            TermType::Abbreviation => "abbreviation",
            TermType::Variant => "variant",
        }
    }

    /// Full forms and variants compete: a document should use one of them.
    pub fn competes(self) -> bool {
        matches!(self, TermType::FullForm | TermType::Variant)
    }
}

/// Whether a term matches in any case or only its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CaseMode {
    /// Matches in any case; `case-mismatch` reports other capitals, but not
    /// a capital that English grammar puts there (a sentence start, a title
    /// before a name, a headline) and at most as an info a lower-case use
    /// of ordinary words (`united nations`).
    #[default]
    Insensitive,
    /// Matches only its own case.
    Sensitive,
    /// Matches in any case, and every other capitalisation is a
    /// `case-mismatch` at the rule's severity (all capitals excepted).
    Strict,
}

impl CaseMode {
    pub fn as_str(self) -> &'static str {
        match self {
            CaseMode::Insensitive => "insensitive",
            CaseMode::Sensitive => "sensitive",
            CaseMode::Strict => "strict",
        }
    }
}

/// Whether words must match as written or may carry inflections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchMode {
    #[default]
    Word,
    Stem,
}

/// What `check --fix` may do with an occurrence of a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FixMode {
    Auto,
    #[default]
    Suggest,
    Never,
}

/// One loaded glossary file.
#[derive(Debug, Clone)]
pub struct Glossary {
    pub id: String,
    pub title: Option<String>,
    pub version: Option<String>,
    pub source: Option<String>,
    pub languages: Vec<String>,
    /// Where it was loaded from (`<built-in>/NAME.yaml` for built-ins).
    pub path: std::path::PathBuf,
    pub concepts: std::ops::Range<u32>,
}

/// One meaning, named by terms in several languages.
#[derive(Debug, Clone)]
pub struct Concept {
    pub glossary: GlossaryId,
    pub id: String,
    /// `GLOSSARY/CONCEPT`.
    pub key: String,
    pub domain: Option<String>,
    pub definition: Option<String>,
    pub note: Option<String>,
    pub terms: std::ops::Range<u32>,
    pub origin: Origin,
}

/// One term of a concept in one language.
#[derive(Debug, Clone)]
pub struct Term {
    pub concept: ConceptId,
    pub language: String,
    pub text: String,
    pub status: Status,
    pub term_type: TermType,
    pub case: CaseMode,
    pub ignore_in: Vec<String>,
    pub forms: Vec<String>,
    pub match_mode: MatchMode,
    pub fix: FixMode,
    pub note: Option<String>,
    pub origin: Origin,
}

/// Every loaded glossary, flattened.
#[derive(Debug, Clone, Default)]
pub struct GlossarySet {
    pub glossaries: Vec<Glossary>,
    pub concepts: Vec<Concept>,
    pub terms: Vec<Term>,
    /// Spellings of terms that a higher-priority glossary claims for
    /// another concept ([`super::layers`]), sorted: never matched in text.
    pub shadowed: Vec<Shadowing>,
}

/// One spelling of a term left out of matching because a higher-priority
/// glossary has the same spelling (SPEC §1 "the same term") for another
/// concept.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Shadowing {
    /// The term whose spelling is no longer matched.
    pub shadowed: TermId,
    /// The spelling, as the glossary writes it: the term or one of its forms.
    pub written: String,
    /// The higher-priority glossary's term with that spelling.
    pub by: TermId,
}

impl GlossarySet {
    /// Whether `written`, a spelling of `term`, is left out of matching
    /// because a higher-priority glossary claims it.
    pub fn is_shadowed(&self, term: TermId, written: &str) -> bool {
        // Few entries, and asked only while matchers are built.
        self.shadowed
            .iter()
            .any(|s| s.shadowed == term && s.written == written)
    }

    pub fn glossary(&self, id: GlossaryId) -> &Glossary {
        &self.glossaries[id.0 as usize]
    }

    pub fn concept(&self, id: ConceptId) -> &Concept {
        &self.concepts[id.0 as usize]
    }

    pub fn term(&self, id: TermId) -> &Term {
        &self.terms[id.0 as usize]
    }

    /// The concept of a term.
    pub fn concept_of(&self, id: TermId) -> &Concept {
        self.concept(self.term(id).concept)
    }

    pub fn concept_ids(&self) -> impl Iterator<Item = ConceptId> {
        (0..self.concepts.len() as u32).map(ConceptId)
    }

    pub fn term_ids(&self) -> impl Iterator<Item = TermId> {
        (0..self.terms.len() as u32).map(TermId)
    }

    /// Terms of `concept`.
    pub fn terms_of(&self, concept: ConceptId) -> impl Iterator<Item = TermId> {
        let range = self.concept(concept).terms.clone();
        range.map(TermId)
    }

    /// The language key of `concept` that serves text in `lang`: the most
    /// specific tag the concept has terms for that `lang` falls under
    /// (`zh-Hant-TW` uses `zh-Hant` terms if there are any, else `zh`).
    pub fn language_key_for<'a>(&'a self, concept: ConceptId, lang: &str) -> Option<&'a str> {
        self.terms_of(concept)
            .map(|t| self.term(t).language.as_str())
            .filter(|key| tag_covers(key, lang))
            .max_by_key(|key| key.len())
    }

    /// Terms of `concept` that serve text in `lang`.
    pub fn terms_for(&self, concept: ConceptId, lang: &str) -> Vec<TermId> {
        match self.language_key_for(concept, lang) {
            Some(key) => self
                .terms_of(concept)
                .filter(|&t| self.term(t).language.eq_ignore_ascii_case(key))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The preferred term of `concept` in `lang` with type `term_type`,
    /// falling back to the preferred full form.
    pub fn preferred_for(
        &self,
        concept: ConceptId,
        lang: &str,
        term_type: TermType,
    ) -> Option<TermId> {
        let terms = self.terms_for(concept, lang);
        let preferred = |ty: TermType| {
            terms.iter().copied().find(|&t| {
                let term = self.term(t);
                term.status == Status::Preferred && term.term_type == ty
            })
        };
        preferred(term_type).or_else(|| preferred(TermType::FullForm))
    }
}

/// Whether the language tag `key` (from a glossary) covers text tagged `lang`:
/// equal, or a prefix of it at a subtag boundary, ignoring case.
pub fn tag_covers(key: &str, lang: &str) -> bool {
    // Without allocating: this runs for every term when matchers are built.
    let (key, lang) = (key.as_bytes(), lang.as_bytes());
    let same = |a: u8, b: u8| {
        let norm = |c: u8| {
            if c == b'_' {
                b'-'
            } else {
                c.to_ascii_lowercase()
            }
        };
        norm(a) == norm(b)
    };
    lang.len() >= key.len()
        && key.iter().zip(lang).all(|(&k, &l)| same(k, l))
        && (lang.len() == key.len() || lang[key.len()] == b'-' || lang[key.len()] == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_cover_their_subtags() {
        assert!(tag_covers("zh", "zh-CN"));
        assert!(tag_covers("zh", "zh_Hant"));
        assert!(tag_covers("en", "EN-us"));
        assert!(!tag_covers("en", "eng"));
        assert!(!tag_covers("zh-Hant", "zh"));
        assert_eq!(crate::lang::primary_subtag("zh-Hans-CN"), "zh");
    }
}
