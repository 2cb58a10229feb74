//! Ranking: termhood without a neural model.
//!
//! Each candidate gets a handful of features — frequency, specificity against
//! general-language word frequencies (`data/freq-*.txt`), C-value style
//! nestedness, spread across documents, named-entity cues (capitals
//! mid-sentence, acronyms, title and organisation patterns) — combined by a
//! logistic model whose few weights were fitted on both ACTER development
//! domains (`examples/tune-extract.rs`, see `docs/extraction.md`). The score
//! is the model's probability; the cut-off is the probability at which the
//! fitted model's mean F1 over those domains peaked.
//!
//! English, French and Dutch have weights of their own; Chinese borrows
//! the English ones; German, Spanish and Russian, which have hand-written
//! common-word lists like French and Dutch but no evaluation data, use
//! weights fitted on French and Dutch together.

use std::collections::HashMap;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use super::candidates::{Counts, Gram, MAX_TOKENS};
use super::inflect;
use super::tokenize::Language;

/// General-language word frequencies: counted (English, Chinese) or ranked
/// (French, Dutch, German, Spanish, Russian: hand-written lists of common
/// lemmas, matched by stem, with their verbs' conjugated forms).
#[derive(Debug, Default)]
pub struct Reference {
    pub total: f64,
    /// By word (counted lists) or by the stem of a lemma (ranked lists).
    counts: HashMap<String, u64>,
    /// Conjugated verb forms, by exact word: stemmed, a form would lend its
    /// verb's rank to every noun that shares its stem (`rend` to
    /// `rendement`, `gefahren` to `Gefahr`).
    forms: HashMap<String, u64>,
    stemmer: Option<Algorithm>,
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

    /// A ranked list of lemmas (most frequent first) read as
    /// Zipf-distributed counts over a notional corpus the size of the
    /// English one. A verb's conjugated forms share its rank.
    fn ranked(list: &str, language: Language, algorithm: Algorithm) -> Reference {
        const TOTAL: f64 = 2.0e7;
        let stemmer = Stemmer::create(algorithm);
        let mut r = Reference {
            total: TOTAL,
            counts: HashMap::new(),
            forms: HashMap::new(),
            stemmer: Some(algorithm),
        };
        let words = list
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace);
        for (rank, w) in words.enumerate() {
            let count = (TOTAL * 0.06 / (rank as f64 + 2.0)) as u64;
            // Russian ё is written е as often as not: both are read as е.
            let lemma = w.to_lowercase().replace('ё', "е");
            let slot = r
                .counts
                .entry(stemmer.stem(&lemma).into_owned())
                .or_insert(0);
            *slot = (*slot).max(count);
            for form in inflect::verb_forms(language, &lemma) {
                let slot = r.forms.entry(form.replace('ё', "е")).or_insert(0);
                *slot = (*slot).max(count);
            }
        }
        r
    }

    /// How often a (folded) word occurs in the reference (0 when never).
    pub fn count(&self, word: &str) -> u64 {
        let get = |k: &str| self.counts.get(k).copied().unwrap_or(0);
        match self.stemmer {
            Some(algorithm) => {
                let word = word.replace('ё', "е");
                let form = self.forms.get(&word).copied().unwrap_or(0);
                form.max(get(&Stemmer::create(algorithm).stem(&word)))
            }
            None if word.is_ascii() => get(word),
            // The counted lists are folded like the common-word list: lower
            // case, diacritics stripped.
            None => get(&crate::text::fold_str(word, crate::text::Fold::ALL)),
        }
    }

    /// Information content of a word in general language, scaled to about
    /// 0 (the commonest words) … 1 (never seen).
    pub fn rarity(&self, word: &str) -> f64 {
        self.rarity_of_count(self.count(word))
    }

    fn rarity_of_count(&self, count: u64) -> f64 {
        ((self.total / (count as f64 + 1.0)).ln() / self.total.ln()).clamp(0.0, 1.0)
    }

    /// The list shipped for `language`.
    pub fn for_language(language: Language) -> &'static Reference {
        static EN: OnceLock<Reference> = OnceLock::new();
        static ZH: OnceLock<Reference> = OnceLock::new();
        static FR: OnceLock<Reference> = OnceLock::new();
        static NL: OnceLock<Reference> = OnceLock::new();
        static DE: OnceLock<Reference> = OnceLock::new();
        static ES: OnceLock<Reference> = OnceLock::new();
        static RU: OnceLock<Reference> = OnceLock::new();
        let ranked = |list, algorithm| Reference::ranked(list, language, algorithm);
        match language {
            Language::En => {
                EN.get_or_init(|| Reference::parse(include_str!("../../data/freq-en.txt")))
            }
            Language::Zh => {
                ZH.get_or_init(|| Reference::parse(include_str!("../../data/freq-zh.txt")))
            }
            Language::Fr => FR.get_or_init(|| {
                ranked(include_str!("../../data/common/fr.txt"), Algorithm::French)
            }),
            Language::Nl => NL
                .get_or_init(|| ranked(include_str!("../../data/common/nl.txt"), Algorithm::Dutch)),
            Language::De => DE.get_or_init(|| {
                ranked(include_str!("../../data/common/de.txt"), Algorithm::German)
            }),
            Language::Es => ES.get_or_init(|| {
                ranked(include_str!("../../data/common/es.txt"), Algorithm::Spanish)
            }),
            Language::Ru => RU.get_or_init(|| {
                ranked(include_str!("../../data/common/ru.txt"), Algorithm::Russian)
            }),
        }
    }
}

/// Names of the features, in vector order (for tuning and `--explain`).
pub const FEATURES: [&str; 41] = [
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
    "domain-frequency",
    "cohesion",
    "weirdness-mean",
    "weirdness-min",
    "short",
    "capitalised-common",
    "after-determiner",
    "before-determiner",
    "single-x-rarity",
    "single-x-log-frequency",
    "single-x-capitalised",
    "symbol-like",
    "repeated-word",
    "head-family",
    "modifier-family",
    "word-heads",
    "word-modifies",
    "name-fragment",
    "inner-determiner",
    "capitalised-x-inner-stop-words",
    "capitalised-x-length",
    "formula",
    "before-number",
    "unexplained-acronym",
    "coordination",
];

/// Number of features.
pub const N_FEATURES: usize = FEATURES.len();

/// What the features need to know about each word of the vocabulary,
/// computed once per input: general-language rarity and weirdness, length,
/// and whether it looks like a code.
#[derive(Debug, Clone, Default)]
pub struct WordStats {
    rarity: Vec<f64>,
    weirdness: Vec<f64>,
    chars: Vec<f64>,
    symbol: Vec<bool>,
    /// `ln(1 + k) / 5` of how many candidates each word heads / modifies.
    heads: Vec<f64>,
    modifiers: Vec<f64>,
    has_reference: bool,
}

impl WordStats {
    pub fn new(counts: &Counts, reference: Option<&Reference>) -> WordStats {
        let tokens = counts.tokens.max(1) as f64;
        let words = &counts.vocab.words;
        let mut stats = WordStats {
            rarity: Vec::with_capacity(words.len()),
            weirdness: Vec::with_capacity(words.len()),
            chars: words.iter().map(|w| w.chars().count() as f64).collect(),
            symbol: words.iter().map(|w| symbol_like(w)).collect(),
            heads: counts.heads.iter().map(|&k| family(k)).collect(),
            modifiers: counts.modifiers.iter().map(|&k| family(k)).collect(),
            has_reference: reference.is_some(),
        };
        for (id, w) in words.iter().enumerate() {
            let (rarity, weirdness) = match reference {
                Some(r) if !counts.vocab.stop[id] => {
                    // Weirdness: relative frequency here over relative
                    // frequency in general language, in natural-log units
                    // scaled by 1/10.
                    let count = r.count(w);
                    let general = count as f64 + 1.0;
                    let here = counts.vocab.count[id] as f64 / tokens;
                    (
                        r.rarity_of_count(count),
                        (here / (general / r.total)).ln() / 10.0,
                    )
                }
                _ => (0.0, 0.0),
            };
            stats.rarity.push(rarity);
            stats.weirdness.push(weirdness);
        }
        stats
    }
}

/// The feature vector of one candidate.
pub fn features(counts: &Counts, gram: &Gram, stats: &WordStats) -> [f64; N_FEATURES] {
    let n = gram.len();
    let freq = f64::from(gram.freq.max(1));
    let (head, modifier) = counts.head_and_modifier(gram);
    let mut content = 0usize;
    let (mut log_count_sum, mut min_count) = (0.0, f64::INFINITY);
    let (mut rarity_sum, mut rarity_min) = (0.0, f64::INFINITY);
    let (mut weird_sum, mut weird_min) = (0.0, f64::INFINITY);
    let mut chars_sum = 0.0;
    let mut first_content_chars = 0.0;
    let mut symbol = false;
    for &t in gram.tokens.iter() {
        let t = t as usize;
        if counts.vocab.stop[t] {
            continue;
        }
        if content == 0 {
            first_content_chars = stats.chars[t];
        }
        content += 1;
        let c = counts.vocab.count[t] as f64;
        log_count_sum += c.ln_1p();
        min_count = min_count.min(c);
        rarity_sum += stats.rarity[t];
        rarity_min = f64::min(rarity_min, stats.rarity[t]);
        weird_sum += stats.weirdness[t];
        weird_min = f64::min(weird_min, stats.weirdness[t]);
        chars_sum += stats.chars[t];
        symbol |= stats.symbol[t];
    }
    let k = content.max(1) as f64;
    // How often the candidate's words occur in this input: domain words.
    let domain_freq = log_count_sum / k / 10.0;
    // Share of its rarest word's occurrences that are in this candidate.
    let cohesion = if n > 1 {
        (freq / min_count.max(1.0)).min(1.0)
    } else {
        0.0
    };
    let (rarity_mean, rarity_min, weird_mean, weird_min) = if stats.has_reference && content > 0 {
        (rarity_sum / k, rarity_min, weird_sum / k, weird_min)
    } else {
        (0.0, 0.0, 0.0, 0.0)
    };
    let word_length = chars_sum / k / 10.0;
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
        (n - content) as f64 / n as f64,
        f64::from(u8::from(gram.tokens.iter().any(|&t| {
            counts.vocab.kind[t as usize] == super::tokenize::TokenKind::Number
        }))),
        domain_freq,
        cohesion,
        weird_mean,
        weird_min,
        f64::from(u8::from(
            n == 1 && content == 1 && first_content_chars <= 3.0,
        )),
        capitalised * (1.0 - rarity_min),
        f64::from(gram.det_before) / freq,
        f64::from(gram.det_after) / freq,
        if n == 1 { rarity_mean } else { 0.0 },
        if n == 1 { freq.ln() } else { 0.0 },
        if n == 1 { capitalised } else { 0.0 },
        f64::from(u8::from(symbol)),
        f64::from(u8::from(
            (1..n).any(|k| gram.tokens[..k].contains(&gram.tokens[k])),
        )),
        if n > 1 {
            stats.heads[head as usize]
        } else {
            0.0
        },
        if n > 1 {
            stats.modifiers[modifier as usize]
        } else {
            0.0
        },
        if n == 1 {
            stats.heads[head as usize]
        } else {
            0.0
        },
        if n == 1 {
            stats.modifiers[modifier as usize]
        } else {
            0.0
        },
        f64::from(u8::from(
            gram.nest_max_named && gram.nest_max >= gram.freq && gram.capitalised > 0,
        )),
        f64::from(u8::from(
            gram.tokens[1..n.saturating_sub(1).max(1)].iter().any(|&t| {
                counts.vocab.flags[t as usize] & super::candidates::flags::DETERMINER != 0
            }),
        )),
        // Names keep their connectors and may be long (Björn van de Walle).
        capitalised * (n - content) as f64 / n as f64,
        capitalised * ((n.min(MAX_TOKENS + 1) - 1) as f64) / MAX_TOKENS as f64,
        f64::from(gram.formula) / freq,
        f64::from(gram.before_number) / freq,
        f64::from(u8::from(gram.acronym && gram.linked.is_none())),
        f64::from(u8::from(gram.tokens.iter().any(|&t| {
            counts.vocab.flags[t as usize] & super::candidates::flags::CONJUNCTION != 0
        }))),
    ]
}

fn family(k: u32) -> f64 {
    f64::from(k).ln_1p() / 5.0
}

/// Variable names and codes (`nivstock_ct`, `pref2`, `D-80.1-GP`, `ωt`):
/// letters mixed with digits, joined by underscores and dots, or Greek
/// letters in the Latin-script languages (symbols of formulas).
fn symbol_like(word: &str) -> bool {
    let letters = word.chars().any(char::is_alphabetic);
    let digits = word.chars().any(|c| c.is_ascii_digit());
    let joiners = word.chars().any(|c| matches!(c, '_' | '.' | '/'));
    // Greek letters among Latin ones, and the Latin Extended-B letters PDF
    // extraction turns Symbol-font Greek into (`ǻf` for Δf, `ȕref` for
    // βref): ǺǻǼǽǾǿ, the double-grave and inverted-breve vowels and yogh,
    // which only phonetics and old Danish or English write. The rest of the
    // block (Vietnamese ơ, pinyin ǎ, Romanian ș) are letters of names.
    let odd_letter = word.chars().any(|c| {
        matches!(c, '\u{0370}'..='\u{03FF}' | '\u{01FA}'..='\u{01FF}' | '\u{0200}'..='\u{0217}' | '\u{021C}'..='\u{021D}')
    });
    let in_latin = odd_letter && word.chars().any(|c| c.is_ascii_alphabetic());
    letters && (digits || joiners || in_latin)
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
        match language {
            // Chinese has no ACTER data: it borrows the English weights,
            // which were fitted with a counted reference list like its own.
            Language::En | Language::Zh => WITH_REFERENCE,
            Language::Fr => FRENCH,
            Language::Nl => DUTCH,
            Language::De | Language::Es | Language::Ru => FRENCH_AND_DUTCH,
        }
    }

    pub fn score(&self, x: &[f64; N_FEATURES]) -> f64 {
        let z: f64 = self.weights.iter().zip(x).map(|(w, x)| w * x).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// Fitted on ACTER en/equi and en/wind (see docs/extraction.md).
pub const WITH_REFERENCE: Model = Model {
    weights: [
        -1.555, 0.523, 1.476, 0.155, 0.568, -0.356, 0.018, 1.209, 2.689, 0.637, -1.517, -4.270,
        -0.352, -0.829, -6.065, -2.460, 1.559, 0.205, 1.188, 0.862, -1.408, 1.492, 0.309, -1.579,
        1.419, -0.698, 0.521, -1.694, -1.083, 0.065, -0.346, 0.854, -1.365, -1.200, -0.488, 3.120,
        -0.092, -1.513, -2.348, -2.724, -1.974,
    ],
    threshold: 0.590,
};

/// Fitted on ACTER fr/equi and fr/wind with the hand-written French
/// common-word list (see docs/extraction.md).
pub const FRENCH: Model = Model {
    weights: [
        -2.532, 0.870, 0.736, 0.249, 0.369, -0.389, -0.994, 1.202, 4.320, -0.545, 1.362, -3.729,
        -0.276, 0.345, -0.098, -0.771, 1.412, 0.516, 1.565, 1.176, -0.925, 1.082, 0.920, -0.964,
        -0.979, -0.877, 0.453, -3.265, -1.415, -0.541, 0.528, -2.029, 1.349, -0.619, -1.184, 2.075,
        0.785, -3.956, -2.270, -3.561, -3.478,
    ],
    threshold: 0.625,
};

/// Fitted on ACTER nl/equi and nl/wind with the hand-written Dutch
/// common-word list (see docs/extraction.md).
pub const DUTCH: Model = Model {
    weights: [
        -2.277, 0.937, 0.881, 0.999, 1.093, 0.217, -3.167, 0.939, 1.544, -0.481, 0.357, -3.469,
        -1.009, 0.405, -3.611, 1.126, 0.758, 0.152, 0.751, 1.293, -0.253, 3.195, 0.268, -0.833,
        0.262, -0.959, -0.336, -0.979, -0.102, -0.042, -1.391, -0.167, -1.494, -0.930, -0.255,
        2.173, 2.105, -0.536, -0.992, -1.107, -2.648,
    ],
    threshold: 0.570,
};

/// Fitted on ACTER fr and nl together, equi and wind, with their
/// hand-written common-word lists: for the languages that have such a list
/// and no evaluation data (see docs/extraction.md).
pub const FRENCH_AND_DUTCH: Model = Model {
    weights: [
        -2.576, 0.853, 0.429, 0.813, 0.701, -0.102, -0.949, 1.271, 3.433, -0.518, 0.502, -3.712,
        -0.659, 0.299, -0.687, -0.237, 1.998, 0.442, 0.491, 1.441, -0.622, 1.751, 0.631, -0.907,
        0.487, -0.979, -0.184, -2.120, -1.112, -0.210, -0.510, -1.040, -0.501, -0.743, -0.780,
        1.251, 1.548, -2.155, -1.541, -2.901, -3.162,
    ],
    threshold: 0.535,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conjugated_verbs_are_as_common_as_their_lemma() {
        let fr = Reference::for_language(Language::Fr);
        assert_eq!(fr.count("permet"), fr.count("permettre"));
        assert!(fr.count("doit") > 0 && fr.count("obtenus") > 0);
        let nl = Reference::for_language(Language::Nl);
        assert_eq!(nl.count("wordt"), nl.count("worden"));
        assert!(nl.count("beschreven") > 0 && nl.count("geleverd") > 0);
        // Nouns the lists do not hold stay rare.
        assert_eq!(fr.count("onduleur"), 0);
    }

    #[test]
    fn reference_lists_rank_common_words_below_rare_ones() {
        let en = Reference::for_language(Language::En);
        assert!(en.rarity("the") < 0.2);
        assert!(en.rarity("turbine") > en.rarity("development"));
        assert!(en.rarity("zzzzqx") >= 0.99);
        let zh = Reference::for_language(Language::Zh);
        assert!(zh.rarity("的") < zh.rarity("风力发电机"));
        let fr = Reference::for_language(Language::Fr);
        assert!(fr.rarity("gouvernements") < fr.rarity("éolienne"));
        let de = Reference::for_language(Language::De);
        assert!(de.rarity("gemacht") < de.rarity("windkraftanlage"));
        let es = Reference::for_language(Language::Es);
        assert!(es.rarity("muestra") < es.rarity("aerogenerador"));
        let ru = Reference::for_language(Language::Ru);
        assert!(ru.rarity("делает") < ru.rarity("ветроустановка"));
        assert!(ru.count("ещё") > 0, "ё is read as е");
    }

    #[test]
    fn a_coordination_inside_a_candidate_is_a_feature_of_its_own() {
        use crate::extract::candidates::count;
        use crate::extract::Document;
        let text = "Les réseaux de l'Irlande et le Danemark. La centrale et réseau.";
        let docs = [Document {
            name: "t",
            segments: vec![text],
        }];
        let counts = count(&docs, Language::Fr);
        let stats = WordStats::new(&counts, Some(Reference::for_language(Language::Fr)));
        let k = FEATURES.iter().position(|&f| f == "coordination").unwrap();
        let feature = |key: &str| {
            let g = counts.grams.iter().find(|g| counts.key(g) == key);
            let g = g.unwrap_or_else(|| {
                let keys: Vec<String> = counts.grams.iter().map(|g| counts.key(g)).collect();
                panic!("{key} not in {keys:?}")
            });
            features(&counts, g, &stats)[k]
        };
        assert_eq!(feature("irlande et le danemark"), 1.0);
        assert_eq!(feature("centrale et réseau"), 1.0);
        assert_eq!(feature("réseaux de l' irlande"), 0.0);
    }

    #[test]
    fn codes_and_formula_symbols_are_symbol_like() {
        for code in [
            "nivstock_ct",
            "pref2",
            "D-80.1-GP",
            "ωt",
            "Ωref",
            "ǻf",
            "ȕref",
        ] {
            assert!(symbol_like(code), "{code}");
        }
        for word in [
            "éolienne",
            "turbine",
            "Ω",
            "μ",
            "rotor-blade",
            "ștefan",
            "țară",
            "Trương",
            "Shànghǎi",
        ] {
            assert!(!symbol_like(word), "{word}");
        }
    }
}
