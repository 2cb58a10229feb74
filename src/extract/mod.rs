//! Candidate terms: what `termalign extract` proposes for a glossary.
//!
//! The pipeline is [`tokenize`] (sentences and tokens per language, stop
//! lists) → [`candidates`] (1–5-token sequences counted over the input, with
//! named-entity cues, acronym links and title/organisation patterns) →
//! [`score`] (a small logistic model over termhood features, with its own
//! cut-off) → [`known`] (what the glossaries already hold, via the core
//! matcher) → [`output`] (table, JSON, TSV and a YAML glossary skeleton).
//! [`bilingual`] pairs the candidates of the two sides of aligned segments by
//! co-occurrence.
//!
//! Everything here is a pure function of its input; nothing prints.

pub mod bilingual;
pub mod candidates;
mod data_file;
pub mod inflect;
pub mod known;
pub mod output;
pub mod score;
pub mod tokenize;

use std::collections::HashSet;

use serde::Serialize;

pub use candidates::Document;
pub use known::Known;
pub use tokenize::{Language, UnsupportedLanguage};

use crate::engine::Engine;
use candidates::{Counts, Gram};
use score::{Model, Reference};

/// What a candidate names, guessed from its words (or taken from the
/// glossary concept it belongs to).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Domain {
    Place,
    Title,
    Organization,
    Event,
    Term,
}

impl Domain {
    pub fn as_str(self) -> &'static str {
        match self {
            Domain::Place => "place",
            Domain::Title => "title",
            Domain::Organization => "organization",
            Domain::Event => "event",
            Domain::Term => "term",
        }
    }

    fn from_glossary(domain: &str) -> Option<Domain> {
        Some(match domain {
            "place" => Domain::Place,
            "title" => Domain::Title,
            "organization" | "organisation" => Domain::Organization,
            "event" => Domain::Event,
            _ => return None,
        })
    }
}

/// Options of one extraction.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Return the N best candidates, whatever their score.
    pub top: Option<usize>,
    /// Override the model's cut-off.
    pub threshold: Option<f64>,
}

/// One proposed term.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// As written in the input (a mid-sentence occurrence when there is one).
    pub term: String,
    /// Folded form it was counted under.
    #[serde(skip)]
    pub key: String,
    pub score: f64,
    pub frequency: u32,
    pub documents: u32,
    pub domain: Domain,
    /// The acronym of an expansion, or the expansion of an acronym.
    pub linked: Option<String>,
    pub known: Option<Known>,
}

/// The ranked candidates of an input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub language: String,
    /// The cut-off used (the model's, unless overridden).
    pub threshold: f64,
    pub documents: u32,
    /// Running words read.
    pub tokens: u64,
    /// Distinct candidates considered.
    pub considered: usize,
    /// Best first.
    pub candidates: Vec<Candidate>,
}

/// Scores every candidate of `counts`: (score, gram index), best first.
pub fn rank(counts: &Counts, known: &HashSet<Vec<u32>>, model: &Model) -> Vec<(f64, usize)> {
    let stats = score::WordStats::new(counts, Some(Reference::for_language(counts.language)));
    let mut ranked: Vec<(f64, usize)> = counts
        .grams
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let x = score::features(counts, g, &stats);
            let mut s = model.score(&x);
            if known.contains(&g.tokens[..]) {
                // A glossary term is a term: lift it as a strong cue would.
                s = 1.0 - (1.0 - s) * KNOWN_DISCOUNT;
            }
            (s, i)
        })
        .collect();
    // Ties: the more frequent first, then the one seen first.
    ranked.sort_unstable_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| counts.grams[b.1].freq.cmp(&counts.grams[a.1].freq))
            .then_with(|| a.1.cmp(&b.1))
    });
    ranked
}

/// How much of the distance to 1 a known term's score keeps.
const KNOWN_DISCOUNT: f64 = 0.1;

/// Extracts candidate terms from `docs` written in `lang_tag`; `engine`, when
/// given, marks what its glossaries already know.
pub fn extract(
    docs: &[Document<'_>],
    lang_tag: &str,
    engine: Option<&Engine>,
    options: &Options,
) -> Result<Extraction, UnsupportedLanguage> {
    let language = Language::from_tag(lang_tag)?;
    let counts = candidates::count(docs, language);
    let mut index = engine.map(|e| known::KnownIndex::new(e, lang_tag, language));
    let mut known_ids: HashSet<Vec<u32>> = HashSet::new();
    if let Some(index) = index.as_mut() {
        for doc in docs {
            for segment in &doc.segments {
                index.scan(segment);
            }
        }
        for key in index.found_keys() {
            if let Some(ids) = key_ids(&counts, &key) {
                known_ids.insert(ids);
            }
        }
    }
    let model = Model::for_language(language);
    let threshold = options.threshold.unwrap_or(model.threshold);
    let ranked = rank(&counts, &known_ids, &model);
    let take = match options.top {
        Some(n) => n.min(ranked.len()),
        None => ranked.partition_point(|&(s, _)| s >= threshold),
    };
    let mut candidates = Vec::with_capacity(take);
    for &(score, g) in &ranked[..take] {
        let gram = &counts.grams[g];
        let key = counts.key(gram);
        let term = surface(docs, &counts, gram);
        let known = index.as_ref().and_then(|i| i.lookup(&key, &term));
        let domain = match &known {
            Some(Known::Term {
                domain: Some(d), ..
            }) => Domain::from_glossary(d).unwrap_or(gram.domain),
            _ => gram.domain,
        };
        candidates.push(Candidate {
            term,
            key,
            score,
            frequency: gram.freq,
            documents: gram.docs,
            domain,
            linked: gram
                .linked
                .map(|l| surface(docs, &counts, &counts.grams[l as usize])),
            known,
        });
    }
    Ok(Extraction {
        language: lang_tag.to_owned(),
        threshold,
        documents: counts.documents,
        tokens: counts.tokens,
        considered: counts.grams.len(),
        candidates,
    })
}

/// Token ids of a folded candidate key, if every word is in the vocabulary.
fn key_ids(counts: &Counts, key: &str) -> Option<Vec<u32>> {
    if counts.language.is_spaced() {
        key.split(' ').map(|w| counts.vocab.id(w)).collect()
    } else {
        // Chinese keys have no separators: re-tokenize.
        tokenize::tokenize(key, counts.language)
            .iter()
            .map(|t| counts.vocab.id(&tokenize::fold_token(t.text)))
            .collect()
    }
}

/// The candidate as written at its representative occurrence, white space
/// collapsed; a sentence-initial capital is lowered when the word is
/// otherwise written in lower case.
pub fn surface(docs: &[Document<'_>], counts: &Counts, gram: &Gram) -> String {
    let site = gram.site;
    let text = &docs[site.doc as usize].segments[site.segment as usize]
        [site.start as usize..site.end as usize];
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    let first = gram.tokens[0] as usize;
    let only_initial = gram.initial == gram.freq;
    let first_word_lower = counts.vocab.lower[first] > 0;
    let mut chars = out.chars();
    if let Some(c) = chars.next() {
        let second_upper = chars.next().is_some_and(char::is_uppercase);
        if only_initial && first_word_lower && c.is_uppercase() && !second_upper {
            return c.to_lowercase().chain(out.chars().skip(1)).collect();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsupported_language_is_an_error() {
        let err = extract(&[], "tlh", None, &Options::default()).unwrap_err();
        assert!(err.to_string().contains("supported: en"), "{err}");
    }

    #[test]
    fn empty_input_gives_an_empty_result() {
        let docs = [Document {
            name: "empty",
            segments: vec![""],
        }];
        let x = extract(&docs, "en", None, &Options::default()).unwrap();
        assert!(x.candidates.is_empty());
        assert_eq!(x.considered, 0);
    }

    /// Every English candidate (far past the cut-off), no glossary.
    fn every_english_candidate(docs: &[Document<'_>]) -> Extraction {
        let options = Options {
            top: Some(1000),
            threshold: None,
        };
        extract(docs, "en", None, &options).unwrap()
    }

    #[test]
    fn surface_prefers_mid_sentence_forms() {
        let docs = [Document {
            name: "a",
            segments: vec![
                "Wind turbines turn. Small wind turbines turn too. Lin said so. Lin agreed.",
            ],
        }];
        let x = every_english_candidate(&docs);
        let terms: Vec<&str> = x.candidates.iter().map(|c| c.term.as_str()).collect();
        assert!(terms.contains(&"wind turbines"), "{terms:?}");
        assert!(terms.contains(&"Lin"), "{terms:?}");
    }

    #[test]
    fn ranking_on_a_small_fixture_has_a_known_order() {
        let text = "The wind turbine has a rotor with three blades. The rotor of the wind \
                    turbine turns in the wind. A horizontal-axis wind turbine needs a gearbox. \
                    The gearbox of a wind turbine is heavy, and the gearbox fails often. It is \
                    very important that the results are good. The results were good.";
        let docs = [Document {
            name: "a",
            segments: vec![text],
        }];
        let x = every_english_candidate(&docs);
        let rank = |t: &str| {
            x.candidates
                .iter()
                .position(|c| c.term == t)
                .unwrap_or_else(|| panic!("{t} missing"))
        };
        // Domain nouns, then general adjectives and nouns, then the
        // commonest general word.
        let order = [
            "gearbox",
            "wind turbine",
            "rotor",
            "heavy",
            "results",
            "important",
        ];
        let ranks: Vec<usize> = order.iter().map(|t| rank(t)).collect();
        assert!(
            ranks.windows(2).all(|w| w[0] < w[1]),
            "{order:?} ranked {ranks:?}"
        );
        assert!(rank("rotor") < rank("results"));
        assert!(rank("wind turbine") < rank("turns"));
        assert!(rank("wind turbine") < x.candidates.len() / 4);
    }
}
