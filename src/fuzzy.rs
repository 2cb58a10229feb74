//! Near misses for `misspelled-term`: word sequences one edit
//! (Damerau–Levenshtein, on folded text) from a glossary term.
//!
//! Looking every window of words up against every term would be quadratic, so
//! the index narrows candidates first. One-word terms are found through their
//! deletion neighbourhoods (a word and a term one edit apart share a string
//! with at most one character deleted from each). In a multi-word window one
//! edit leaves all words but one intact, so the first or the second word of
//! the term appears unchanged: windows are looked up by those anchor words.
//!
//! What must not fire was chosen on real names (tests below): one-word terms
//! shorter than seven characters accept only a transposition (`Hunan`/`Human`,
//! `Macao`/`Macon`, `Jinan`/`Jian` are all different names one edit apart),
//! a capitalised term is not matched by a lower-case word, and words of the
//! language's common vocabulary are never misspellings.

use std::collections::{HashMap, HashSet};

use crate::checks::ScannedSegment;
use crate::glossary::{GlossarySet, TermId};
use crate::matcher::word_spans;
use crate::span::Span;
use crate::text::{fold_str, is_boundary_free, Fold};

/// Terms shorter than this (in characters) are never near-missed (SPEC §4).
pub const MIN_TERM_CHARS: usize = 5;
/// One-word terms shorter than this accept only transpositions.
pub const MIN_FREE_EDIT_CHARS: usize = 7;

#[derive(Debug)]
struct Entry {
    term: TermId,
    folded: Vec<char>,
    words: usize,
    capitalised: bool,
}

/// A near miss in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearMiss {
    /// Span in the decoded file text.
    pub span: Span,
    pub text: String,
    pub term: TermId,
}

/// The near-miss index of one language's terms.
#[derive(Debug, Default)]
pub struct FuzzyIndex {
    entries: Vec<Entry>,
    /// Every folded term and form of the language: these are never misspelt.
    known: HashSet<String>,
    /// One-word terms, by each string one deletion (or none) from them.
    by_deletion: HashMap<String, Vec<usize>>,
    /// Multi-word terms by (anchor position 0 or 1, anchor word).
    by_anchor: HashMap<(u8, String), Vec<usize>>,
    max_words: usize,
    single_lengths: (usize, usize),
    common_words: HashSet<String>,
}

fn deletions(chars: &[char]) -> impl Iterator<Item = String> + '_ {
    (0..chars.len()).map(move |skip| {
        chars
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != skip)
            .map(|(_, c)| c)
            .collect()
    })
}

impl FuzzyIndex {
    pub fn new(set: &GlossarySet, language: &str) -> FuzzyIndex {
        let mut index = FuzzyIndex {
            single_lengths: (usize::MAX, 0),
            common_words: crate::lexicon::common_words(language),
            ..FuzzyIndex::default()
        };
        for concept in set.concept_ids() {
            for term_id in set.terms_for(concept, language) {
                let term = set.term(term_id);
                for written in std::iter::once(&term.text).chain(&term.forms) {
                    let folded = fold_str(written, Fold::ALL);
                    index.known.insert(folded.clone());
                    let chars: Vec<char> = folded.chars().collect();
                    if chars.len() < MIN_TERM_CHARS || chars.iter().any(|&c| is_boundary_free(c)) {
                        continue;
                    }
                    let words = word_spans(&folded);
                    let entry = index.entries.len();
                    if words.len() == 1 {
                        index.single_lengths.0 = index.single_lengths.0.min(chars.len());
                        index.single_lengths.1 = index.single_lengths.1.max(chars.len());
                        for key in deletions(&chars).chain(std::iter::once(folded.clone())) {
                            index.by_deletion.entry(key).or_default().push(entry);
                        }
                    } else {
                        for (anchor, w) in words.iter().take(2).enumerate() {
                            index
                                .by_anchor
                                .entry((anchor as u8, folded[w.range()].to_owned()))
                                .or_default()
                                .push(entry);
                        }
                    }
                    index.max_words = index.max_words.max(words.len());
                    index.entries.push(Entry {
                        term: term_id,
                        folded: chars,
                        words: words.len(),
                        capitalised: written.chars().next().is_some_and(char::is_uppercase),
                    });
                }
            }
        }
        for list in index.by_deletion.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        index
    }

    /// Near misses in one segment, in text order, at most one per window start.
    pub fn near_misses(&self, set: &GlossarySet, segment: &ScannedSegment) -> Vec<NearMiss> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let norm = segment.normalized.text.as_str();
        let words = word_spans(norm);
        let mut found: Vec<(Span, usize)> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let word = &norm[w.range()];
            let len = word.chars().count();
            if len + 1 >= self.single_lengths.0 && len <= self.single_lengths.1 + 1 {
                let chars: Vec<char> = word.chars().collect();
                let mut candidates: Vec<usize> = Vec::new();
                for key in deletions(&chars).chain(std::iter::once(word.to_owned())) {
                    if let Some(list) = self.by_deletion.get(&key) {
                        candidates.extend(list);
                    }
                }
                candidates.sort_unstable();
                candidates.dedup();
                for e in candidates {
                    if self.accepts(set, &self.entries[e], &chars, *w, segment) {
                        found.push((*w, e));
                    }
                }
            }
            for anchor in 0..2u8 {
                let Some(list) = self.by_anchor.get(&(anchor, word.to_owned())) else {
                    continue;
                };
                let Some(start) = i.checked_sub(anchor as usize) else {
                    continue;
                };
                for &e in list {
                    let entry = &self.entries[e];
                    let end = start + entry.words;
                    if end > words.len() {
                        continue;
                    }
                    let span = Span::new(words[start].start, words[end - 1].end);
                    let chars: Vec<char> = norm[span.range()].chars().collect();
                    if self.accepts(set, entry, &chars, span, segment) {
                        found.push((span, e));
                    }
                }
            }
        }
        found.sort_by_key(|&(span, e)| (span.start, std::cmp::Reverse(span.end), e));
        found.dedup_by_key(|(span, _)| span.start);
        let mut last_end = 0;
        let mut out = Vec::new();
        for (span, e) in found {
            if span.start < last_end {
                continue;
            }
            last_end = span.end;
            let in_segment = segment.normalized.map.map_span(span);
            out.push(NearMiss {
                span: segment.text.map.map_span(in_segment),
                text: segment.text.text[in_segment.range()].to_owned(),
                term: self.entries[e].term,
            });
        }
        out
    }

    fn accepts(
        &self,
        _set: &GlossarySet,
        entry: &Entry,
        window: &[char],
        span: Span,
        segment: &ScannedSegment,
    ) -> bool {
        let window_text: String = window.iter().collect();
        if self.known.contains(&window_text) {
            return false;
        }
        match one_edit(window, &entry.folded) {
            None => return false,
            Some(edit)
                if entry.words == 1
                    && entry.folded.len() < MIN_FREE_EDIT_CHARS
                    && edit != Edit::Transposition =>
            {
                return false
            }
            Some(_) => {}
        }
        if entry.words == 1 && self.common_words.contains(&window_text) {
            return false;
        }
        let original = &segment.text.text[segment.normalized.map.map_span(span).range()];
        if entry.capitalised && !original.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        true
    }
}

/// The kind of the single edit between two strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insertion,
    Deletion,
    Substitution,
    Transposition,
}

/// `Some(edit)` when `a` becomes `b` by exactly one edit.
pub fn one_edit(a: &[char], b: &[char]) -> Option<Edit> {
    match a.len() as isize - b.len() as isize {
        0 => {
            let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            match diffs.as_slice() {
                [_] => Some(Edit::Substitution),
                [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i] => {
                    Some(Edit::Transposition)
                }
                _ => None,
            }
        }
        1 => is_one_deletion(a, b).then_some(Edit::Insertion),
        -1 => is_one_deletion(b, a).then_some(Edit::Deletion),
        _ => None,
    }
}

/// Whether deleting one char of `long` gives `short`.
fn is_one_deletion(long: &[char], short: &[char]) -> bool {
    let prefix = long.iter().zip(short).take_while(|(a, b)| a == b).count();
    long[prefix + 1..] == short[prefix..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{normalize, MappedText};

    const NAMES: &str = r#"
glossary: t
concepts:
  - id: shenzhen
    terms: {en: [Shenzhen]}
  - id: macao
    terms: {en: [Macao, {term: Macau, status: deprecated}]}
  - id: hunan
    terms: {en: [Hunan]}
  - id: kashi
    terms: {en: [Kashi]}
  - id: inner-mongolia
    terms: {en: [Inner Mongolia Autonomous Region, {term: Inner Mongolia, type: short-form}]}
  - id: spokesperson
    terms: {en: [foreign ministry spokesperson]}
  - id: guangzhou
    terms: {en: [Guangzhou]}
  - id: jinan
    terms: {en: [Jinan]}
"#;

    fn misses(text: &str) -> Vec<(String, String)> {
        let set = crate::matcher::tests::glossary(NAMES);
        let index = FuzzyIndex::new(&set, "en");
        let mapped = MappedText::borrowed(text, Span::new(0, text.len()));
        let segment = ScannedSegment {
            id: None,
            normalized: normalize(&mapped.text, Fold::ALL),
            text: &mapped,
        };
        index
            .near_misses(&set, &segment)
            .into_iter()
            .map(|m| {
                assert_eq!(&text[m.span.range()], m.text);
                (m.text, set.term(m.term).text.clone())
            })
            .collect()
    }

    #[test]
    fn catches_one_edit_misspellings() {
        assert_eq!(
            misses("plants in Shenzen"),
            [("Shenzen".into(), "Shenzhen".into())]
        );
        assert_eq!(
            misses("Guangzohu fair"),
            [("Guangzohu".into(), "Guangzhou".into())]
        );
        assert_eq!(misses("in Macoa"), [("Macoa".into(), "Macao".into())]);
        assert_eq!(
            misses("the Inner Mongolia Autonomus Region"),
            [(
                "Inner Mongolia Autonomus Region".into(),
                "Inner Mongolia Autonomous Region".into()
            )]
        );
        assert_eq!(
            misses("a foreign minstry spokesperson"),
            [(
                "foreign minstry spokesperson".into(),
                "foreign ministry spokesperson".into()
            )]
        );
    }

    #[test]
    fn correctly_spelt_names_do_not_fire() {
        for text in [
            "Kashmir is not Kashi.",
            "spokesperson Lin Jian said",
            "Macon, Georgia",
            "human rights in Hunan",
            "Human Rights Council",
            "Shenzhen and Macao and Inner Mongolia",
            "the Macau casinos",
            "a shenzen-like lower case word",
        ] {
            assert_eq!(misses(text), Vec::<(String, String)>::new(), "in {text:?}");
        }
    }

    #[test]
    fn edit_kinds() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(one_edit(&c("abcd"), &c("abdc")), Some(Edit::Transposition));
        assert_eq!(one_edit(&c("abcd"), &c("abxd")), Some(Edit::Substitution));
        assert_eq!(one_edit(&c("abd"), &c("abcd")), Some(Edit::Deletion));
        assert_eq!(one_edit(&c("abcd"), &c("abd")), Some(Edit::Insertion));
        assert_eq!(one_edit(&c("abcd"), &c("abcd")), None);
        assert_eq!(one_edit(&c("abcd"), &c("badc")), None);
    }
}
