//! The matcher: finds every occurrence of every glossary term of one language
//! in a text, in one pass over the normalized bytes.
//!
//! All written forms (terms and their `forms`) of all loaded glossaries are
//! folded (SPEC §3) and compiled into one aho-corasick automaton. The search
//! reports overlapping matches so that a long match failing its word-boundary
//! check never hides a shorter valid one; candidates are then filtered
//! (boundaries, `ignore_in`, `case: sensitive`), each is assigned to the term
//! it matches with the fewest folds, and overlaps resolve leftmost-longest.
//! `match: stem` terms are found by a second pass over stemmed words, taken
//! only when the language has such terms.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rust_stemmers::Stemmer;

use crate::glossary::{CaseMode, GlossarySet, MatchMode, TermId};
use crate::lang::stemmer_for;
use crate::span::space::{Norm, Seg};
use crate::span::Span;
use crate::text::han_words::{Cuts, HanWords};
use crate::text::{
    fold_str, is_han, is_word_char, normalize, on_word_boundaries, Fold, MappedText,
};

/// Up to this many patterns the automaton is a DFA.
const DFA_MAX_PATTERNS: usize = 5_000;

/// How many Han characters on each side of a match the segmenter sees:
/// enough for any sentence between punctuation, bounded for text that
/// has none.
const HAN_REACH: usize = 64;

/// How far an occurrence is from the glossary spelling it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FoldLevel {
    /// Equal up to the folds that never count (NFKC, dashes, quotes, spaces,
    /// Traditional/Simplified Chinese).
    Exact,
    /// Differs only in case.
    Case,
    /// Differs in diacritics (and maybe case).
    Diacritics,
}

/// One occurrence of a glossary term in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Where it is, in the coordinates the searched text maps to (for input
    /// segments: the decoded file text).
    pub span: Span,
    /// Where it is in the searched text itself.
    pub at: Span<Seg>,
    /// The occurrence as written in the searched text (entities decoded).
    pub text: String,
    /// The term it belongs to.
    pub term: TermId,
    /// The glossary spelling it matched: the term or one of its `forms`.
    pub written: String,
    pub fold: FoldLevel,
    /// Terms of other concepts it matches equally well: a homonym (one
    /// glossary giving the same term to two concepts), or an ambiguous
    /// deprecated name such as one old romanization of two places. `term`
    /// is the one with the strictest status.
    pub also: Vec<TermId>,
}

#[derive(Debug, Clone)]
struct Variant {
    term: TermId,
    written: String,
}

#[derive(Debug, Default, Clone)]
struct Pattern {
    variants: Vec<Variant>,
    /// Terms whose `ignore_in` contains this phrase.
    ignores: Vec<TermId>,
}

/// Terms with `match: stem`: sequences of stems, by their first stem.
struct StemIndex {
    stemmer: Stemmer,
    by_first: HashMap<String, Vec<(Vec<String>, Variant)>>,
}

/// A compiled matcher for one language.
pub struct Matcher {
    language: String,
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    stems: Option<StemIndex>,
    /// For Chinese: where words begin and end, built on first need (it
    /// loads jieba's dictionary) with the language's Han terms added.
    han_words: Option<(std::sync::OnceLock<HanWords>, Vec<String>)>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("language", &self.language)
            .field("patterns", &self.patterns.len())
            .finish()
    }
}

/// Words of a normalized text: maximal runs of word characters.
pub fn word_spans(text: &str) -> Vec<Span<Norm>> {
    let bytes = text.as_bytes();
    let mut words = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII is decided byte by byte; anything else as a char.
        let (word, len) = if bytes[i] < 0x80 {
            (bytes[i].is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().expect("on a char boundary");
            (is_word_char(c), c.len_utf8())
        };
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(Span::new(s, i));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        words.push(Span::new(s, text.len()));
    }
    words
}

/// The plural an English term that copy must not use has in copy too: its
/// last word, a lower-case noun, in the plural (`foreign ministry
/// spokesmen`); none for approved terms, names (capitalised last words),
/// stem-matched terms and words that already end in `s`.
fn generated_plural(term: &crate::glossary::Term) -> Option<String> {
    if term.status.is_approved() || term.match_mode == MatchMode::Stem {
        return None;
    }
    let split = term.text.rfind([' ', '-']).map_or(0, |k| k + 1);
    let last = &term.text[split..];
    let noun =
        last.len() >= 3 && last.chars().all(|c| c.is_ascii_lowercase()) && !last.ends_with('s');
    noun.then(|| {
        format!(
            "{}{}",
            &term.text[..split],
            crate::lang::english_plural(last)
        )
    })
}

impl Matcher {
    /// Compiles every term of `set` that serves text in `language`.
    pub fn new(set: &GlossarySet, language: &str) -> Matcher {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut folded: Vec<String> = Vec::new();
        let stemmer = stemmer_for(language);
        let mut stem_entries: HashMap<String, Vec<(Vec<String>, Variant)>> = HashMap::new();
        fn slot(
            index: &mut HashMap<String, usize>,
            key: String,
            patterns: &mut Vec<Pattern>,
            folded: &mut Vec<String>,
        ) -> usize {
            *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(Pattern::default());
                folded.push(key);
                patterns.len() - 1
            })
        }
        for concept in set.concept_ids() {
            for term_id in set.terms_for(concept, language) {
                let term = set.term(term_id);
                for written in std::iter::once(&term.text).chain(&term.forms) {
                    let key = fold_str(written, Fold::ALL);
                    if key.is_empty() || set.is_shadowed(term_id, written) {
                        continue;
                    }
                    let variant = Variant {
                        term: term_id,
                        written: written.clone(),
                    };
                    match (term.match_mode, &stemmer) {
                        (MatchMode::Stem, Some(algorithm)) => {
                            let stemmer = Stemmer::create(*algorithm);
                            let stems: Vec<String> = word_spans(&key)
                                .iter()
                                .map(|w| stemmer.stem(&key[w.range()]).into_owned())
                                .collect();
                            if let Some(first) = stems.first().cloned() {
                                stem_entries
                                    .entry(first)
                                    .or_default()
                                    .push((stems, variant));
                            }
                        }
                        _ => {
                            let i = slot(&mut index, key, &mut patterns, &mut folded);
                            patterns[i].variants.push(variant);
                        }
                    }
                }
                for phrase in &term.ignore_in {
                    let key = fold_str(phrase, Fold::ALL);
                    if !key.is_empty() {
                        let i = slot(&mut index, key, &mut patterns, &mut folded);
                        patterns[i].ignores.push(term_id);
                    }
                }
            }
        }
        // The plurals of English terms copy must not use: `spokesmen` is as
        // deprecated as `spokesman`, whether or not the glossary lists it.
        // A plural any glossary spelling already has is left to it.
        if crate::lang::primary_subtag(language) == "en" {
            for concept in set.concept_ids() {
                for term_id in set.terms_for(concept, language) {
                    let term = set.term(term_id);
                    let Some(plural) = generated_plural(term) else {
                        continue;
                    };
                    let key = fold_str(&plural, Fold::ALL);
                    if index.contains_key(&key) || set.is_shadowed(term_id, &plural) {
                        continue;
                    }
                    let i = slot(&mut index, key, &mut patterns, &mut folded);
                    patterns[i].variants.push(Variant {
                        term: term_id,
                        written: plural,
                    });
                }
            }
        }
        let automaton = if folded.is_empty() {
            None
        } else {
            // A DFA is several times faster than the NFA but its size grows
            // with the patterns: take it for glossaries of everyday size.
            let kind = (folded.len() <= DFA_MAX_PATTERNS).then_some(AhoCorasickKind::DFA);
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(kind)
                    .build(&folded)
                    .expect("folded glossary terms always compile"),
            )
        };
        let stems = match stemmer {
            Some(algorithm) if !stem_entries.is_empty() => Some(StemIndex {
                stemmer: Stemmer::create(algorithm),
                by_first: stem_entries,
            }),
            _ => None,
        };
        let han_words = (crate::lang::primary_subtag(language) == "zh").then(|| {
            let terms = folded
                .iter()
                .filter(|t| t.chars().any(is_han))
                .cloned()
                .collect();
            (std::sync::OnceLock::new(), terms)
        });
        Matcher {
            language: language.to_owned(),
            automaton,
            patterns,
            stems,
            han_words,
        }
    }

    /// Whether a match that begins or ends between two Han characters
    /// begins and ends where a word may ([`HanWords`]); `cuts` keeps the
    /// cut points of the Han runs already segmented for this text.
    fn on_han_words(
        &self,
        norm: &str,
        start: usize,
        end: usize,
        cuts: &mut Vec<(Span<Norm>, Cuts)>,
    ) -> bool {
        let Some((words, terms)) = &self.han_words else {
            return true;
        };
        let han = |c: Option<char>| c.is_some_and(is_han);
        let left = han(norm[start..].chars().next()) && han(norm[..start].chars().next_back());
        let right = han(norm[..end].chars().next_back()) && han(norm[end..].chars().next());
        if !left && !right {
            return true;
        }
        // The run of Han characters around the match, within reach.
        let mut run_start = start;
        for c in norm[..start].chars().rev().take(HAN_REACH) {
            if !is_han(c) {
                break;
            }
            run_start -= c.len_utf8();
        }
        let mut run_end = end;
        for c in norm[end..].chars().take(HAN_REACH) {
            if !is_han(c) {
                break;
            }
            run_end += c.len_utf8();
        }
        let run = Span::new(run_start, run_end);
        let words = words.get_or_init(|| HanWords::new(terms.iter().map(String::as_str)));
        let points = match cuts.iter().position(|(r, _)| *r == run) {
            Some(k) => &cuts[k].1,
            None => {
                cuts.push((run, words.cuts(&norm[run.range()])));
                &cuts[cuts.len() - 1].1
            }
        };
        words.takes(
            &norm[run.range()],
            points,
            start - run_start,
            end - run_start,
            left,
            right,
        )
    }

    /// Finds the occurrences in `text`, sorted by position, not overlapping.
    /// Spans are mapped through `text.map`.
    pub fn find(&self, set: &GlossarySet, text: &MappedText) -> Vec<Occurrence> {
        let normalized = normalize(&text.text, Fold::ALL);
        self.find_normalized(set, text, &normalized)
    }

    /// [`Matcher::find`] on a text already normalized with [`Fold::ALL`].
    pub fn find_normalized(
        &self,
        set: &GlossarySet,
        text: &MappedText,
        normalized: &MappedText<Norm, Seg>,
    ) -> Vec<Occurrence> {
        let norm = normalized.text.as_str();
        let mut candidates: Vec<(Span<Norm>, &Variant, bool)> = Vec::new();
        let mut ignored: Vec<(Span<Norm>, TermId)> = Vec::new();
        let mut han_cuts = Vec::new();
        if let Some(automaton) = &self.automaton {
            for m in automaton.find_overlapping_iter(norm) {
                if !on_word_boundaries(norm, m.start(), m.end())
                    || !self.on_han_words(norm, m.start(), m.end(), &mut han_cuts)
                {
                    continue;
                }
                let span = Span::new(m.start(), m.end());
                let pattern = &self.patterns[m.pattern().as_usize()];
                candidates.extend(pattern.variants.iter().map(|v| (span, v, false)));
                ignored.extend(pattern.ignores.iter().map(|&t| (span, t)));
            }
        }
        if let Some(stems) = &self.stems {
            stems.find(norm, &mut candidates);
        }
        if candidates.is_empty() {
            return Vec::new();
        }

        // Keep the candidates that survive ignore_in and case sensitivity,
        // with how many folds each needed.
        let mut scored: Vec<(Span<Norm>, FoldLevel, &Variant)> =
            Vec::with_capacity(candidates.len());
        for (span, variant, stemmed) in candidates {
            if ignored
                .iter()
                .any(|&(phrase, term)| term == variant.term && phrase.contains(span))
            {
                continue;
            }
            let written_in_text = &text.text[normalized.map.map_span(span).range()];
            let level = match (&self.stems, stemmed) {
                (Some(stems), true) => stems.fold_level(written_in_text, &variant.written),
                _ => fold_level(written_in_text, &variant.written),
            };
            let term = set.term(variant.term);
            if term.case == CaseMode::Sensitive
                && level != FoldLevel::Exact
                && fold_str(written_in_text, Fold::DIACRITICS_ONLY)
                    != fold_str(&variant.written, Fold::DIACRITICS_ONLY)
            {
                continue;
            }
            scored.push((span, level, variant));
        }
        // Per span, the best level; then leftmost-longest.
        scored.sort_by(|a, b| {
            (a.0.start, std::cmp::Reverse(a.0.end), a.1, a.2.term).cmp(&(
                b.0.start,
                std::cmp::Reverse(b.0.end),
                b.1,
                b.2.term,
            ))
        });
        let mut occurrences: Vec<Occurrence> = Vec::new();
        let mut last_end = 0;
        let mut i = 0;
        while i < scored.len() {
            let (span, level, best) = scored[i];
            let mut j = i + 1;
            while j < scored.len() && scored[j].0 == span {
                j += 1;
            }
            if span.start >= last_end {
                // One term per concept, its first at the best level; of
                // several concepts (homonyms), the strictest status first,
                // so that a forbidden or deprecated reading is never hidden
                // behind an approved one.
                let mut readings: Vec<&Variant> = vec![best];
                for &(_, l, v) in &scored[i + 1..j] {
                    let concept = set.term(v.term).concept;
                    if l == level && readings.iter().all(|r| set.term(r.term).concept != concept) {
                        readings.push(v);
                    }
                }
                readings.sort_by_key(|v| std::cmp::Reverse(set.term(v.term).status));
                let best = readings[0];
                let also: Vec<TermId> = readings[1..].iter().map(|v| v.term).collect();
                let in_text = normalized.map.map_span(span);
                occurrences.push(Occurrence {
                    span: text.map.map_span(in_text),
                    at: in_text,
                    text: text.text[in_text.range()].to_owned(),
                    term: best.term,
                    written: best.written.clone(),
                    fold: level,
                    also,
                });
                last_end = span.end;
            }
            i = j;
        }
        occurrences
    }
}

impl StemIndex {
    /// Like [`fold_level`], but inflections do not count as differences.
    fn fold_level(&self, found: &str, written: &str) -> FoldLevel {
        let stems = |s: &str| -> Vec<String> {
            let folded = fold_str(s, Fold::CASE_ONLY);
            word_spans(&folded)
                .iter()
                .map(|w| self.stemmer.stem(&folded[w.range()]).into_owned())
                .collect()
        };
        let capitals = |s: &str| -> Vec<bool> {
            word_spans(s)
                .iter()
                .map(|w| s[w.range()].chars().next().is_some_and(char::is_uppercase))
                .collect()
        };
        if stems(found) != stems(written) {
            FoldLevel::Diacritics
        } else if capitals(found) == capitals(written) {
            FoldLevel::Exact
        } else {
            FoldLevel::Case
        }
    }

    fn find<'a>(&'a self, norm: &str, out: &mut Vec<(Span<Norm>, &'a Variant, bool)>) {
        let words = word_spans(norm);
        let stems: Vec<String> = words
            .iter()
            .map(|w| self.stemmer.stem(&norm[w.range()]).into_owned())
            .collect();
        for (i, stem) in stems.iter().enumerate() {
            let Some(entries) = self.by_first.get(stem) else {
                continue;
            };
            'entry: for (entry_stems, variant) in entries {
                let n = entry_stems.len();
                if i + n > words.len() || stems[i..i + n] != entry_stems[..] {
                    continue;
                }
                // The words must be adjacent: only spaces or hyphens between.
                for k in i..i + n - 1 {
                    let gap = &norm[words[k].end..words[k + 1].start];
                    if !gap.chars().all(|c| c == ' ' || c == '-') || gap.is_empty() {
                        continue 'entry;
                    }
                }
                out.push((
                    Span::new(words[i].start, words[i + n - 1].end),
                    variant,
                    true,
                ));
            }
        }
    }
}

/// How many folds separate `found` from the glossary spelling `written`.
pub fn fold_level(found: &str, written: &str) -> FoldLevel {
    if fold_str(found, Fold::LIGHT) == fold_str(written, Fold::LIGHT) {
        FoldLevel::Exact
    } else if fold_str(found, Fold::CASE_ONLY) == fold_str(written, Fold::CASE_ONLY) {
        FoldLevel::Case
    } else {
        FoldLevel::Diacritics
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::glossary::{load_set, GlossarySource};

    pub(crate) fn glossary(yaml: &str) -> GlossarySet {
        load_set(&[GlossarySource {
            path: "test.yaml".into(),
            text: yaml.to_owned(),
        }])
        .unwrap_or_else(|errors| panic!("{errors:?}"))
    }

    pub(crate) const PLACES: &str = r#"
glossary: places
concepts:
  - id: xizang
    terms:
      en:
        - Xizang Autonomous Region
        - {term: Xizang, type: short-form}
        - {term: Tibet Autonomous Region, status: deprecated}
        - {term: Tibet, status: deprecated, type: short-form, ignore_in: [Tibet Museum]}
      zh:
        - 西藏自治区
        - {term: 西藏, type: short-form}
  - id: urumqi
    terms:
      en:
        - Urumqi
        - {term: Ürümqi, status: admitted, type: variant}
  - id: macao
    terms:
      en:
        - Macao
        - {term: Macau, status: deprecated, fix: auto}
  - id: hong-kong
    terms:
      en:
        - Hong Kong Special Administrative Region
        - {term: Hong Kong, type: short-form}
        - {term: Hong Kong SAR, type: abbreviation}
  - id: un
    terms:
      en:
        - United Nations
        - {term: UN, type: abbreviation, case: sensitive}
  - id: eeas
    terms:
      en:
        - European External Action Service
        - {term: EEAS, type: abbreviation}
      zh:
        - 欧盟对外行动署
  - id: eu
    terms:
      en:
        - European Union
      zh:
        - 欧盟
  - id: human-rights-defender
    terms:
      en:
        - {term: human rights defender, match: stem}
"#;

    fn find(set: &GlossarySet, lang: &str, text: &str) -> Vec<(String, String, FoldLevel)> {
        let matcher = Matcher::new(set, lang);
        matcher
            .find(set, &MappedText::borrowed(text, Span::new(0, text.len())))
            .into_iter()
            .map(|o| {
                assert_eq!(
                    &text[o.span.range()],
                    o.text,
                    "span points at the original bytes"
                );
                (o.text, set.term(o.term).text.clone(), o.fold)
            })
            .collect()
    }

    fn texts(found: &[(String, String, FoldLevel)]) -> Vec<&str> {
        found.iter().map(|(t, _, _)| t.as_str()).collect()
    }

    #[test]
    fn matching_table() {
        let set = glossary(PLACES);
        let cases: &[(&str, &str, &[&str])] = &[
            ("en", "Tibetan culture in Tibet.", &["Tibet"]),
            (
                "en",
                "the Tibet Autonomous Region",
                &["Tibet Autonomous Region"],
            ),
            ("en", "Xizang’s economy", &["Xizang"]),
            ("en", "the Tibet Museum opened", &[]),
            ("en", "Tibet Museum and Tibet", &["Tibet"]),
            ("en", "Hong Kong SARS outbreak", &["Hong Kong"]),
            ("en", "Hong Kong SAR", &["Hong Kong SAR"]),
            ("en", "the UN said", &["UN"]),
            ("en", "un peu", &[]),
            (
                "en",
                "XIZANG AUTONOMOUS REGION",
                &["XIZANG AUTONOMOUS REGION"],
            ),
            ("en", "Macau's casinos", &["Macau"]),
            (
                "en",
                "the EEAS (European External Action Service)",
                &["EEAS", "European External Action Service"],
            ),
            (
                "en",
                "human rights defenders met",
                &["human rights defenders"],
            ),
            ("zh", "欧盟对外行动署和欧盟", &["欧盟对外行动署", "欧盟"]),
            ("zh", "在西藏自治区", &["西藏自治区"]),
            ("zh-Hant", "在西藏自治區", &["西藏自治區"]),
        ];
        for (lang, text, expected) in cases {
            let found = find(&set, lang, text);
            assert_eq!(texts(&found), *expected, "in {text:?}");
        }
    }

    /// Chinese writes no spaces: a place name must not be found inside
    /// another word (issue 12's cases from the government work reports),
    /// and must still be found where it is a word of its own or of a
    /// compound, in Simplified and Traditional script alike.
    #[test]
    fn chinese_terms_match_only_where_words_begin_and_end() {
        let set = glossary(
            "glossary: places\nconcepts:\n  - id: dali\n    terms:\n      zh: [大理]\n  - id: datong\n    terms:\n      zh: [大同]\n  - id: xizang\n    terms:\n      zh: [西藏自治区, 西藏]\n  - id: hk\n    terms:\n      zh: [香港]\n  - id: macao\n    terms:\n      zh: [澳门特区, 澳门]\n  - id: nanjing\n    terms:\n      zh: [南京]\n  - id: mayor\n    terms:\n      zh: [市长]\n",
        );
        let cases: &[(&str, &str, &[&str])] = &[
            ("zh", "坚持以马克思主义伟大理论为指导", &[]),
            ("zh", "扩大同各国的利益交汇点", &[]),
            ("zh", "大理石地面", &[]),
            ("zh", "两国立场大同小异", &[]),
            ("zh", "南京市长江大桥", &["南京"]),
            ("zh", "西藏自治区成立六十周年", &["西藏自治区"]),
            ("zh", "会议在香港举行", &["香港"]),
            ("zh", "澳门特区政府表示", &["澳门特区"]),
            ("zh", "他在大理旅游，又去了山西大同。", &["大理", "大同"]),
            ("zh-Hant", "會議在香港舉行，偉大理論", &["香港"]),
            ("zh", "大理", &["大理"]),
        ];
        for (lang, text, expected) in cases {
            let found = find(&set, lang, text);
            assert_eq!(texts(&found), *expected, "in {text:?}");
        }
    }

    #[test]
    fn line_breaks_and_space_runs_inside_a_term() {
        let set = glossary(PLACES);
        let text = "in Xizang\nAutonomous  Region today";
        let found = find(&set, "en", text);
        assert_eq!(texts(&found), ["Xizang\nAutonomous  Region"]);
    }

    #[test]
    fn a_homonym_leads_with_its_strictest_reading_and_shadowed_spellings_never_match() {
        // The approved reading is defined first; the deprecated one still
        // leads, so that it is reported.
        let set = glossary(
            "glossary: g\nconcepts:\n  - id: colony\n    terms:\n      en: [Burma]\n  - id: myanmar\n    terms:\n      en: [Myanmar, {term: Burma, status: deprecated}]\n",
        );
        let text = "Burma";
        let found =
            Matcher::new(&set, "en").find(&set, &MappedText::borrowed(text, Span::new(0, 5)));
        assert_eq!(found.len(), 1);
        assert_eq!(set.concept_of(found[0].term).key, "g/myanmar");
        let also: Vec<&str> = found[0]
            .also
            .iter()
            .map(|&t| set.concept_of(t).key.as_str())
            .collect();
        assert_eq!(also, ["g/colony"]);

        let set = crate::glossary::load_set(&[
            GlossarySource {
                path: "first.yaml".into(),
                text: "glossary: first\nconcepts:\n  - id: colony\n    terms:\n      en: [Burma]\n".into(),
            },
            GlossarySource {
                path: "second.yaml".into(),
                text: "glossary: second\nconcepts:\n  - id: myanmar\n    terms:\n      en: [Myanmar, {term: Burma, status: deprecated}]\n".into(),
            },
        ])
        .unwrap();
        let found =
            Matcher::new(&set, "en").find(&set, &MappedText::borrowed(text, Span::new(0, 5)));
        assert_eq!(found.len(), 1);
        assert_eq!(set.concept_of(found[0].term).key, "first/colony");
        assert!(found[0].also.is_empty());
    }

    #[test]
    fn exact_form_wins_over_folded_form() {
        let set = glossary(PLACES);
        let found = find(&set, "en", "Urumqi and Ürümqi and URUMQI and Urümqi");
        let terms: Vec<(&str, FoldLevel)> =
            found.iter().map(|(_, t, l)| (t.as_str(), *l)).collect();
        assert_eq!(
            terms,
            [
                ("Urumqi", FoldLevel::Exact),
                ("Ürümqi", FoldLevel::Exact),
                ("Urumqi", FoldLevel::Case),
                ("Urumqi", FoldLevel::Diacritics),
            ]
        );
    }

    #[test]
    fn stem_terms_carry_no_false_diacritic_level() {
        let set = glossary(PLACES);
        let found = find(&set, "en", "Human rights defenders");
        assert_eq!(found[0].2, FoldLevel::Case);
        let found = find(&set, "en", "human rights defenders");
        assert_eq!(found[0].2, FoldLevel::Exact);
    }
}
