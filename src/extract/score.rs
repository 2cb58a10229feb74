//! Ranking: termhood without a neural model.
//!
//! Each candidate gets a handful of features — frequency, specificity against
//! general-language word frequencies (`data/freq-*.txt`), C-value style
//! nestedness, spread across documents, named-entity cues (capitals
//! mid-sentence, acronyms, title and organisation patterns) — combined by a
//! logistic model whose few weights were fitted on the ACTER development data
//! (`examples/tune-extract.rs`, see `docs/extraction.md`). The score is the
//! model's probability; the cut-off is the probability at which the fitted
//! model's F1 peaked on its training domain.
//!
//! Languages without a general-language list (everything but English and
//! Chinese so far) use a second set of weights fitted without the
//! specificity features.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::candidates::{Counts, Gram, MAX_TOKENS};
use super::tokenize::Language;

/// General-language word frequencies.
#[derive(Debug, Default)]
pub struct Reference {
    pub total: f64,
    counts: HashMap<String, u64>,
}

impl Reference {
    fn parse(list: &str) -> Reference {
        let mut r = Reference::default();
        for line in list.lines() {
            if let Some(total) = line.strip_prefix("#total\t") {
                r.total = total.trim().parse().unwrap_or(0.0);
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            if let Some((w, c)) = line.split_once('\t') {
                if let Ok(c) = c.trim().parse() {
                    r.counts.insert(w.to_owned(), c);
                }
            }
        }
        r
    }

    /// Information content of a word in general language, scaled to about
    /// 0 (the commonest words) … 1 (never seen).
    pub fn rarity(&self, word: &str) -> f64 {
        let count = self.counts.get(word).copied().unwrap_or(0) as f64;
        ((self.total / (count + 1.0)).ln() / self.total.ln()).clamp(0.0, 1.0)
    }

    /// The list shipped for `language`, if any.
    pub fn for_language(language: Language) -> Option<&'static Reference> {
        static EN: OnceLock<Reference> = OnceLock::new();
        static ZH: OnceLock<Reference> = OnceLock::new();
        match language {
            Language::En => {
                Some(EN.get_or_init(|| Reference::parse(include_str!("../../data/freq-en.txt"))))
            }
            Language::Zh => {
                Some(ZH.get_or_init(|| Reference::parse(include_str!("../../data/freq-zh.txt"))))
            }
            _ => None,
        }
    }
}

/// Names of the features, in vector order (for tuning and `--explain`).
pub const FEATURES: [&str; 16] = [
    "bias",
    "log-frequency",
    "rarity-mean",
    "rarity-min",
    "c-value",
    "nested-share",
    "spread",
    "capitalised",
    "acronym",
    "pattern",
    "single-word",
    "length",
    "lower-case",
    "word-length",
    "inner-stop-words",
    "has-number",
];

/// Number of features.
pub const N_FEATURES: usize = FEATURES.len();

/// The feature vector of one candidate.
pub fn features(counts: &Counts, gram: &Gram, reference: Option<&Reference>) -> [f64; N_FEATURES] {
    let n = gram.len();
    let freq = f64::from(gram.freq.max(1));
    let content: Vec<&str> = gram
        .tokens
        .iter()
        .filter(|&&t| !counts.vocab.stop[t as usize])
        .map(|&t| counts.vocab.words[t as usize].as_str())
        .collect();
    let (rarity_mean, rarity_min) = match reference {
        Some(r) if !content.is_empty() => {
            let rs: Vec<f64> = content.iter().map(|w| r.rarity(&ascii_fold(w))).collect();
            (
                rs.iter().sum::<f64>() / rs.len() as f64,
                rs.iter().copied().fold(f64::INFINITY, f64::min),
            )
        }
        _ => (0.0, 0.0),
    };
    let nested = if gram.nest_count > 0 {
        f64::from(gram.nest_sum) / f64::from(gram.nest_count)
    } else {
        0.0
    };
    let cvalue = ((n as f64 + 1.0).log2() * (freq - nested)).max(0.0);
    let spread = if counts.documents > 1 {
        f64::from(gram.docs).ln_1p() / f64::from(counts.documents).ln_1p()
    } else {
        0.0
    };
    let mid = f64::from(gram.freq.saturating_sub(gram.initial));
    let capitalised = if mid > 0.0 {
        f64::from(gram.capitalised) / mid
    } else {
        0.0
    };
    let lower = f64::from(gram.lower) / freq;
    let word_length = if content.is_empty() {
        0.0
    } else {
        content.iter().map(|w| w.chars().count()).sum::<usize>() as f64
            / content.len() as f64
            / 10.0
    };
    [
        1.0,
        freq.ln(),
        rarity_mean,
        rarity_min,
        cvalue.ln_1p(),
        (f64::from(gram.nest_max) / freq).min(1.0),
        spread,
        capitalised,
        f64::from(u8::from(gram.acronym || gram.linked.is_some())),
        f64::from(u8::from(gram.domain != super::Domain::Term)),
        f64::from(u8::from(n == 1)),
        ((n.min(MAX_TOKENS + 1) - 1) as f64) / MAX_TOKENS as f64,
        lower,
        word_length.min(2.0),
        (n - content.len()) as f64 / n as f64,
        f64::from(u8::from(gram.tokens.iter().any(|&t| {
            counts.vocab.kind[t as usize] == super::tokenize::TokenKind::Number
        }))),
    ]
}

/// The reference lists are folded like the common-word list: lower case,
/// diacritics stripped.
fn ascii_fold(w: &str) -> String {
    if w.is_ascii() {
        w.to_owned()
    } else {
        crate::text::fold_str(w, crate::text::Fold::ALL)
    }
}

/// A fitted logistic model and its cut-off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model {
    pub weights: [f64; N_FEATURES],
    /// Candidates scoring at least this are proposed.
    pub threshold: f64,
}

impl Model {
    /// The model for a language: with specificity when a general-language
    /// list exists, else without.
    pub fn for_language(language: Language) -> Model {
        if Reference::for_language(language).is_some() {
            WITH_REFERENCE
        } else {
            WITHOUT_REFERENCE
        }
    }

    pub fn score(&self, x: &[f64; N_FEATURES]) -> f64 {
        let z: f64 = self.weights.iter().zip(x).map(|(w, x)| w * x).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// Fitted on ACTER en/equi (see docs/extraction.md).
pub const WITH_REFERENCE: Model = Model {
    weights: [
        -2.905, 0.427, 3.191, 2.359, 0.734, -0.353, -1.793, 1.781, 0.198, 1.332, -1.306, -4.590,
        -0.338, -0.947, -5.087, -0.362,
    ],
    threshold: 0.595,
};

/// Fitted on ACTER fr/equi and nl/equi (see docs/extraction.md).
pub const WITHOUT_REFERENCE: Model = Model {
    weights: [
        -1.527, 0.213, 0.0, 0.0, 1.302, 0.493, -4.885, 2.471, 0.564, -0.217, 0.479, -4.399, -0.566,
        1.285, -1.168, 1.721,
    ],
    threshold: 0.580,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_lists_rank_common_words_below_rare_ones() {
        let en = Reference::for_language(Language::En).unwrap();
        assert!(en.rarity("the") < 0.2);
        assert!(en.rarity("turbine") > en.rarity("development"));
        assert!(en.rarity("zzzzqx") >= 0.99);
        let zh = Reference::for_language(Language::Zh).unwrap();
        assert!(zh.rarity("的") < zh.rarity("风力发电机"));
        assert!(Reference::for_language(Language::Fr).is_none());
    }
}
