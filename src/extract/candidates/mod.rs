//! Candidate generation: every sequence of 1–5 tokens inside one sentence
//! that neither starts nor ends on a stop word, punctuation or a number,
//! counted over the whole input (hapaxes included), with the cues the ranker
//! uses: capitalisation mid-sentence, acronyms and their expansions
//! (`European External Action Service (EEAS)` links both), title and
//! organisation patterns, nesting in longer candidates and spread across
//! documents.
//!
//! Tokens are interned once per distinct spelling, so counting an n-gram is a
//! hash of at most five integers; the work is linear in the input.
//!
//! The work is split by concern: `counter` counts the n-grams of each
//! sentence, `patterns` adds the acronym and title passes, `cues`
//! reads what a token's context says, `vocab` interns the words with
//! their word classes, `nesting` does the C-value bookkeeping and
//! `domain` guesses what a candidate names, from `word_lists`.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

use super::tokenize::Language;
use super::Domain;

mod counter;
mod cues;
mod domain;
mod nesting;
mod patterns;
mod vocab;
mod word_lists;

pub use domain::guess_domain;
pub use vocab::{flags, Vocab};

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Longest ordinary candidate, in tokens.
pub const MAX_TOKENS: usize = 5;
/// Longest candidate found by a pattern (an acronym's expansion, a title
/// followed by its remit), in tokens.
pub const MAX_PATTERN_TOKENS: usize = 10;

/// A document: a name and its prose segments.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    pub name: &'a str,
    pub segments: Vec<&'a str>,
}

/// Where one occurrence is: document, segment and byte span in the segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Site {
    pub doc: u32,
    pub segment: u32,
    pub start: u32,
    pub end: u32,
}

/// Counts and cues of one candidate (a distinct folded token sequence).
#[derive(Debug, Clone)]
pub struct Gram {
    /// Folded token ids.
    pub tokens: Ids,
    pub freq: u32,
    pub docs: u32,
    last_doc: u32,
    /// Occurrences at the start of a sentence (capitals say nothing there).
    pub initial: u32,
    /// Occurrences mid-sentence with every content word capitalised.
    pub capitalised: u32,
    /// Occurrences mid-sentence whose first word is in lower case.
    pub lower: u32,
    /// Occurrences right after a determiner (`the`, `l'`, `het`): noun
    /// phrases are.
    pub det_before: u32,
    /// Occurrences right before a determiner: verb phrases and prepositions
    /// end there.
    pub det_after: u32,
    /// Occurrences next to a mathematical operator (`Pref = …`, `Pn <
    /// PMPPT`): variables of formulas, not terms.
    pub formula: u32,
    /// Occurrences followed by a number: labels of figures, tables and
    /// parts (`Figure 3`, `Tableau 2`), not terms.
    pub before_number: u32,
    /// A representative occurrence (mid-sentence when there is one).
    pub site: Site,
    site_mid: bool,
    /// The acronym or expansion this candidate is linked to.
    pub linked: Option<u32>,
    /// Whether this candidate is an acronym (all capitals, 2–10 letters).
    pub acronym: bool,
    /// Found by an extension pattern only (longer than [`MAX_TOKENS`]).
    pub pattern_only: bool,
    /// Frequency-weighted nesting: sum and number of longer candidates that
    /// contain this one, and the largest share of this one's occurrences one
    /// of them accounts for.
    pub nest_sum: u32,
    pub nest_count: u32,
    pub nest_max: u32,
    /// Whether the longer candidate accounting for `nest_max` is written
    /// with capitals (so this one is a fragment of a name: `Hong` in
    /// `Hong Kong`).
    pub nest_max_named: bool,
    /// Domain guessed from the candidate's words.
    pub domain: Domain,
}

/// The token ids of a candidate, inline (no allocation per candidate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ids {
    ids: [u32; MAX_PATTERN_TOKENS],
    len: u8,
}

impl Ids {
    fn new(ids: &[u32]) -> Ids {
        let mut out = Ids {
            ids: [0; MAX_PATTERN_TOKENS],
            len: ids.len() as u8,
        };
        out.ids[..ids.len()].copy_from_slice(ids);
        out
    }
}

impl std::ops::Deref for Ids {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.ids[..self.len as usize]
    }
}

/// All candidates of an input, with the vocabulary they are written in.
#[derive(Debug, Clone)]
pub struct Counts {
    pub language: Language,
    pub vocab: Vocab,
    pub grams: Vec<Gram>,
    /// Number of documents and running word tokens.
    pub documents: u32,
    pub tokens: u64,
    /// Per token id: distinct multi-word candidates it is the head of
    /// (last word; first in French and Spanish), and the non-head edge of.
    pub heads: Vec<u32>,
    pub modifiers: Vec<u32>,
    /// Per candidate, the documents it occurs in (only when counted with
    /// [`count_tracking`]).
    pub doc_lists: Vec<Vec<u32>>,
}

impl Counts {
    /// The head and the other edge word of a candidate.
    pub fn head_and_modifier(&self, gram: &Gram) -> (u32, u32) {
        let first = gram.tokens[0];
        let last = gram.tokens[gram.tokens.len() - 1];
        if matches!(self.language, Language::Fr | Language::Es) {
            (first, last)
        } else {
            (last, first)
        }
    }
}

impl Counts {
    /// The words of a candidate, folded, joined as the language writes them.
    pub fn key(&self, gram: &Gram) -> String {
        let sep = if self.language.is_spaced() { " " } else { "" };
        let words: Vec<&str> = gram
            .tokens
            .iter()
            .map(|&t| self.vocab.words[t as usize].as_str())
            .collect();
        words.join(sep)
    }
}

/// Counts the candidates of `docs` in `language`.
pub fn count(docs: &[Document<'_>], language: Language) -> Counts {
    counter::count_with(docs, language, false)
}

/// Like [`count`], and lists the documents each candidate occurs in.
pub fn count_tracking(docs: &[Document<'_>], language: Language) -> Counts {
    counter::count_with(docs, language, true)
}

impl Gram {
    fn new(tokens: Ids) -> Gram {
        Gram {
            tokens,
            freq: 0,
            docs: 0,
            last_doc: u32::MAX,
            initial: 0,
            capitalised: 0,
            lower: 0,
            det_before: 0,
            det_after: 0,
            formula: 0,
            before_number: 0,
            site: Site {
                doc: 0,
                segment: 0,
                start: 0,
                end: 0,
            },
            site_mid: false,
            linked: None,
            acronym: false,
            pattern_only: false,
            nest_sum: 0,
            nest_count: 0,
            nest_max: 0,
            nest_max_named: false,
            domain: Domain::Term,
        }
    }

    fn seen(&mut self, site: Site, mid: bool) {
        self.freq += 1;
        if self.last_doc != site.doc {
            self.docs += 1;
            self.last_doc = site.doc;
        }
        if self.freq == 1 || (mid && !self.site_mid) {
            self.site = site;
            self.site_mid = mid;
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grams(text: &str, lang: Language) -> Counts {
        count(
            &[Document {
                name: "t",
                segments: vec![text],
            }],
            lang,
        )
    }

    fn keys(c: &Counts) -> Vec<String> {
        let mut k: Vec<String> = c.grams.iter().map(|g| c.key(g)).collect();
        k.sort();
        k
    }

    #[test]
    fn candidates_skip_stop_words_at_the_edges() {
        let c = grams("The rotor of the wind turbine turns.", Language::En);
        assert_eq!(
            keys(&c),
            [
                "rotor",
                "rotor of the wind",
                "rotor of the wind turbine",
                "turbine",
                "turbine turns",
                "turns",
                "wind",
                "wind turbine",
                "wind turbine turns",
            ]
        );
    }

    #[test]
    fn bibliography_keys_are_not_candidates() {
        let c = grams(
            "Le stockage inertiel [BOU 06], [MER 05, ACK 05] et [12] suffit [voir Figure 3].",
            Language::Fr,
        );
        let k = keys(&c);
        for key in ["bou", "mer", "ack"] {
            assert!(!k.iter().any(|g| g.contains(key)), "{key} in {k:?}");
        }
        // A bracket with lower-case prose is text, not a citation.
        assert!(k.contains(&"voir figure".to_owned()), "{k:?}");
        assert!(k.contains(&"stockage inertiel".to_owned()), "{k:?}");
    }

    #[test]
    fn a_numbered_heading_starts_its_sentence() {
        let c = grams(
            "1.2 Introduction du modèle\n\nIV) Introduction générale\n\nb) Introduction",
            Language::Fr,
        );
        let intro = c.grams.iter().find(|g| c.key(g) == "introduction").unwrap();
        assert_eq!((intro.freq, intro.initial, intro.capitalised), (3, 3, 0));
        // A word after a number mid-sentence is not the sentence's first.
        let c = grams("Le parc de 30 Turbines Vestas tourne.", Language::Fr);
        let vestas = c
            .grams
            .iter()
            .find(|g| c.key(g) == "turbines vestas")
            .unwrap();
        assert_eq!((vestas.initial, vestas.capitalised), (0, 1));
    }

    #[test]
    fn english_function_words_do_not_edge_candidates_in_other_languages() {
        let text = "L'Union for the Co-ordination of Transmission of Electricity publie.";
        let k = keys(&grams(text, Language::Fr));
        for not in ["for the", "of", "the", "co-ordination of", "of electricity"] {
            assert!(!k.contains(&not.to_owned()), "{not} in {k:?}");
        }
        assert!(
            k.contains(&"transmission of electricity".to_owned()),
            "{k:?}"
        );
    }

    #[test]
    fn german_phrases_end_on_a_capitalised_noun() {
        let k = keys(&grams(
            "Das Konsortium gebaut hat erneuerbare Energien geliefert.",
            Language::De,
        ));
        assert!(k.contains(&"erneuerbare energien".to_owned()), "{k:?}");
        for not in ["konsortium gebaut", "energien geliefert"] {
            assert!(!k.contains(&not.to_owned()), "{not} in {k:?}");
        }
        // Nor are lower-case words alone: verbs, adjectives, adverbs.
        assert!(!k.contains(&"geliefert".to_owned()), "{k:?}");
        assert!(k.contains(&"konsortium".to_owned()), "{k:?}");
    }

    #[test]
    fn roman_numerals_end_names_but_start_nothing() {
        let c = grams(
            "Louis XIII monta. La partie II du XIXe siècle est longue.",
            Language::Fr,
        );
        let k = keys(&c);
        assert!(k.contains(&"louis xiii".to_owned()), "{k:?}");
        for not in ["xiii", "ii", "partie ii", "xixe", "xixe siècle"] {
            assert!(!k.contains(&not.to_owned()), "{not} in {k:?}");
        }
    }

    #[test]
    fn formula_and_label_contexts_are_counted() {
        let c = grams(
            "Si Pref = Pn alors la puissance baisse. La Figure 3 montre Pn < Pmax et la puissance.",
            Language::Fr,
        );
        let gram = |key: &str| c.grams.iter().find(|g| c.key(g) == key).unwrap();
        assert_eq!(gram("pref").formula, 1);
        assert_eq!(gram("pn").formula, 2);
        assert_eq!(gram("puissance").formula, 0);
        assert_eq!(gram("figure").before_number, 1);
        assert_eq!(gram("puissance").before_number, 0);
    }

    #[test]
    fn an_acronym_spelt_like_a_stop_word_is_counted_where_it_is_defined() {
        let text = "La connexion au réseau (CAR) est lente, car le réseau est faible.";
        let c = grams(text, Language::Fr);
        let acronym = c.grams.iter().find(|g| c.key(g) == "car").unwrap();
        assert_eq!(
            acronym.freq, 1,
            "only the defined acronym, not the conjunction"
        );
        assert_eq!(
            &text[acronym.site.start as usize..acronym.site.end as usize],
            "CAR"
        );
        let expansion = acronym.linked.unwrap() as usize;
        assert_eq!(c.key(&c.grams[expansion]), "connexion au réseau");
    }

    #[test]
    fn candidates_do_not_cross_sentences_or_punctuation() {
        let c = grams("Blade pitch. Control systems, rotor", Language::En);
        let k = keys(&c);
        assert!(!k.contains(&"pitch control".to_owned()), "{k:?}");
        assert!(!k.contains(&"systems rotor".to_owned()), "{k:?}");
        assert!(k.contains(&"blade pitch".to_owned()));
    }

    #[test]
    fn counts_frequency_documents_and_capitals() {
        let docs = [
            Document {
                name: "a",
                segments: vec!["We met the European Union. The European Union said so."],
            },
            Document {
                name: "b",
                segments: vec!["European Union rules."],
            },
        ];
        let c = count(&docs, Language::En);
        let eu = c
            .grams
            .iter()
            .find(|g| c.key(g) == "european union")
            .unwrap();
        assert_eq!((eu.freq, eu.docs), (3, 2));
        assert_eq!((eu.capitalised, eu.initial), (2, 1));
    }

    #[test]
    fn acronyms_link_their_expansions() {
        let c = grams(
            "She works at the European External Action Service (EEAS) in Brussels.",
            Language::En,
        );
        let find = |k: &str| c.grams.iter().position(|g| c.key(g) == k).unwrap();
        let eeas = find("eeas");
        let service = find("european external action service");
        assert_eq!(c.grams[eeas].linked, Some(service as u32));
        assert_eq!(c.grams[service].linked, Some(eeas as u32));
        assert!(c.grams[eeas].acronym);
        assert_eq!(c.grams[service].domain, Domain::Organization);
    }

    #[test]
    fn patterns_find_long_titles_and_guess_domains() {
        let c = grams(
            "He met Paola Pampaloni, deputy managing director for Asia and the Pacific at the \
             service, and Assistant Minister of Foreign Affairs Miao Deyu in the Xizang \
             Autonomous Region after the China-EU Human Rights Dialogue.",
            Language::En,
        );
        let domain = |k: &str| {
            c.grams
                .iter()
                .find(|g| c.key(g) == k)
                .unwrap_or_else(|| panic!("no candidate {k}"))
                .domain
        };
        assert_eq!(
            domain("deputy managing director for asia and the pacific"),
            Domain::Title
        );
        assert_eq!(
            domain("assistant minister of foreign affairs"),
            Domain::Title
        );
        assert_eq!(domain("xizang autonomous region"), Domain::Place);
        assert_eq!(domain("china-eu human rights dialogue"), Domain::Event);
    }

    #[test]
    fn very_long_titles_stay_within_the_pattern_limit() {
        // Regression: a remit of many capitalised words overflowed the
        // inline token array.
        let c = grams(
            "He met the deputy managing director for Asia and the Pacific and the Indian \
             Ocean and the Americas and Africa and the Arctic on Monday.",
            Language::En,
        );
        assert!(c.grams.iter().all(|g| g.len() <= MAX_PATTERN_TOKENS));
    }

    #[test]
    fn nesting_is_counted() {
        let c = grams(
            "wind turbine blade. wind turbine blade. wind turbine tower.",
            Language::En,
        );
        let g = c.grams.iter().find(|g| c.key(g) == "wind turbine").unwrap();
        assert_eq!(g.freq, 3);
        assert_eq!(g.nest_count, 2);
        assert_eq!(g.nest_sum, 3);
        assert_eq!(g.nest_max, 2);
    }

    #[test]
    fn chinese_candidates_join_words_without_spaces() {
        let c = grams("欧盟对外行动署和欧盟举行对话。", Language::Zh);
        let k = keys(&c);
        assert!(k.contains(&"欧盟对外行动署".to_owned()), "{k:?}");
        assert!(!k.iter().any(|k| k.starts_with('和') || k.ends_with('和')));
    }
}
