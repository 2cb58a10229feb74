//! Near misses for `misspelled-term`: word sequences one edit
//! (Damerau–Levenshtein, on folded text) from a glossary term.
//!
//! Looking every window of words up against every term would be quadratic, so
//! the index narrows candidates first. One-word terms are found through their
//! deletion neighbourhoods (a word and a term one edit apart share a string
//! with at most one character deleted from each). In a multi-word window one
//! edit leaves all words but one intact, so of any two words of the term one
//! appears unchanged: windows are looked up by the term's two rarest words
//! (`minister` and `affairs` of `Minister of Foreign Affairs`, never `of`).
//!
//! What must not fire was chosen on real names (tests below): one-word terms
//! shorter than seven characters accept only a transposition (`Hunan`/`Human`,
//! `Macao`/`Macon`, `Jinan`/`Jian` are all different names one edit apart),
//! a capitalised term is not matched by a lower-case word, and words of the
//! language's common vocabulary are never misspellings.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::glossary::{GlossarySet, TermId};
use crate::matcher::word_spans;
use crate::span::space::{Norm, Seg};
use crate::span::Span;
use crate::text::{fold_str, is_boundary_free, Fold, MappedText};

/// Terms shorter than this (in characters) are never near-missed (SPEC §4).
pub const MIN_TERM_CHARS: usize = 5;
/// One-word terms shorter than this accept only transpositions and a
/// vowel that breaks a consonant cluster (`Urumuqi` for `Urumqi`): other
/// single edits of a short name are as often another name (`Damian`,
/// `Haiyan`, `Maicao` beside `Dalian`, `Hainan`, `Macao`).
pub const MIN_FREE_EDIT_CHARS: usize = 7;

#[derive(Debug)]
struct Entry {
    term: TermId,
    folded: Vec<char>,
    folded_bytes: usize,
    /// The folded words of the term.
    words: Vec<String>,
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
    known: FxHashSet<String>,
    /// One-word terms by each string one deletion (or none) from them:
    /// `[capitalised terms, lower-case terms]`.
    by_deletion: [FxHashMap<String, Vec<usize>>; 2],
    /// What a text word can be: a common word, and an anchor word of
    /// multi-word terms. One lookup per word of text.
    vocabulary: FxHashMap<String, WordInfo>,
    single_lengths: (usize, usize),
    /// Words the language writes in lower case, where a list is shipped:
    /// a capitalised word outside it, before another, is a given name.
    generic: Option<&'static std::collections::HashSet<&'static str>>,
}

#[derive(Debug, Default)]
struct WordInfo {
    /// How often the word occurs in the language's reference corpus (0: not
    /// a common word).
    count: u64,
    /// (multi-word term, position of this word in it), for the two rarest
    /// words of each term.
    anchor_of: Vec<(usize, usize)>,
}

/// Calls `f` with `chars` less one character, for each position, reusing
/// one buffer.
fn for_each_deletion(chars: &[char], buf: &mut String, mut f: impl FnMut(&str)) {
    for skip in 0..chars.len() {
        buf.clear();
        buf.extend(chars[..skip].iter().chain(&chars[skip + 1..]));
        f(buf);
    }
}

impl FuzzyIndex {
    pub fn new(set: &GlossarySet, language: &str) -> FuzzyIndex {
        let mut index = FuzzyIndex {
            single_lengths: (usize::MAX, 0),
            generic: crate::lexicon::generic_words(language),
            ..FuzzyIndex::default()
        };
        for (word, count) in crate::lexicon::common_words(language) {
            index.vocabulary.entry(word).or_default().count = count;
        }
        let mut buf = String::new();
        for concept in set.concept_ids() {
            for term_id in set.terms_for(concept, language) {
                let term = set.term(term_id);
                for written in std::iter::once(&term.text).chain(&term.forms) {
                    if set.is_shadowed(term_id, written) {
                        continue;
                    }
                    let folded = fold_str(written, Fold::ALL);
                    index.known.insert(folded.clone());
                    let chars: Vec<char> = folded.chars().collect();
                    if chars.len() < MIN_TERM_CHARS || chars.iter().any(|&c| is_boundary_free(c)) {
                        continue;
                    }
                    let words: Vec<String> = word_spans(&folded)
                        .iter()
                        .map(|w| folded[w.range()].to_owned())
                        .collect();
                    let capitalised = written.chars().next().is_some_and(char::is_uppercase);
                    let entry = index.entries.len();
                    if words.len() == 1 {
                        index.single_lengths.0 = index.single_lengths.0.min(chars.len());
                        index.single_lengths.1 = index.single_lengths.1.max(chars.len());
                        let by_deletion = &mut index.by_deletion[usize::from(!capitalised)];
                        by_deletion.entry(folded.clone()).or_default().push(entry);
                        for_each_deletion(&chars, &mut buf, |key| {
                            by_deletion.entry(key.to_owned()).or_default().push(entry);
                        });
                    } else {
                        let mut by_rarity: Vec<usize> = (0..words.len()).collect();
                        by_rarity.sort_by_key(|&p| {
                            index.vocabulary.get(&words[p]).map_or(0, |i| i.count)
                        });
                        for &position in by_rarity.iter().take(2) {
                            index
                                .vocabulary
                                .entry(words[position].clone())
                                .or_default()
                                .anchor_of
                                .push((entry, position));
                        }
                    }
                    index.entries.push(Entry {
                        term: term_id,
                        folded_bytes: folded.len(),
                        folded: chars,
                        words,
                        capitalised,
                    });
                }
            }
        }
        for list in index.by_deletion.iter_mut().flat_map(|m| m.values_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        index
    }

    /// Near misses in one segment, in text order, not overlapping.
    /// `text` is a segment, `normalized` its `Fold::ALL` normalization.
    pub fn near_misses(
        &self,
        text: &MappedText,
        normalized: &MappedText<Norm, Seg>,
    ) -> Vec<NearMiss> {
        if self.entries.is_empty() {
            return Vec::new();
        }
        let norm = normalized.text.as_str();
        let original = text.text.as_str();
        let words = word_spans(norm);
        let starts_upper = |w: Span<Norm>| {
            original[normalized.map.map_start(w.start)..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        let mut found: Vec<(Span<Norm>, usize)> = Vec::new();
        let mut chars: Vec<char> = Vec::new();
        let mut buf = String::new();
        let mut candidates: Vec<usize> = Vec::new();
        for (i, &w) in words.iter().enumerate() {
            let word = &norm[w.range()];
            let info = self.vocabulary.get(word);
            let len = word.len();
            // Byte length bounds char length from above, char count below.
            let may_be_single = len + 1 >= self.single_lengths.0
                && info.is_none_or(|i| i.count == 0)
                && word.chars().count() <= self.single_lengths.1 + 1;
            if may_be_single {
                // A lower-case word is no misspelling of a capitalised name.
                let indexes: &[FxHashMap<String, Vec<usize>>] = if starts_upper(w) {
                    &self.by_deletion
                } else {
                    &self.by_deletion[1..]
                };
                chars.clear();
                chars.extend(word.chars());
                candidates.clear();
                for by_deletion in indexes.iter().filter(|m| !m.is_empty()) {
                    if let Some(list) = by_deletion.get(word) {
                        candidates.extend(list);
                    }
                    for_each_deletion(&chars, &mut buf, |key| {
                        if let Some(list) = by_deletion.get(key) {
                            candidates.extend(list);
                        }
                    });
                }
                candidates.sort_unstable();
                candidates.dedup();
                // A capitalised word after a title or a given name is
                // someone's name (`Mr. Patrick Manning`), not a misspelt
                // place (`Nanning`).
                let after_name = i > 0 && starts_upper(w) && {
                    let previous = words[i - 1];
                    let gap = &norm[previous.end..w.start];
                    let previous_word = &norm[previous.range()];
                    matches!(gap, " " | ". ")
                        && starts_upper(previous)
                        && (TITLES.contains(&previous_word)
                            || self.generic.is_some_and(|g| !g.contains(previous_word)))
                };
                for &e in candidates.iter().filter(|_| !after_name) {
                    if self.accepts(&self.entries[e], &words[i..=i], norm, starts_upper(w)) {
                        found.push((w, e));
                    }
                }
            }
            let Some(info) = info else {
                continue;
            };
            for &(e, position) in &info.anchor_of {
                let Some(start) = i.checked_sub(position) else {
                    continue;
                };
                {
                    let entry = &self.entries[e];
                    let end = start + entry.words.len();
                    if end > words.len() {
                        continue;
                    }
                    let window = &words[start..end];
                    if self.accepts(entry, window, norm, starts_upper(window[0])) {
                        found.push((Span::new(window[0].start, window[window.len() - 1].end), e));
                    }
                }
            }
        }
        found.sort_by_key(|&(span, e)| (span.start, std::cmp::Reverse(span.end), e));
        let mut last_end = 0;
        let mut out = Vec::new();
        for (span, e) in found {
            if span.start < last_end {
                continue;
            }
            let in_segment = normalized.map.map_span(span);
            if is_mis_decoded(&text.text[in_segment.range()], &self.entries[e].folded) {
                continue;
            }
            last_end = span.end;
            out.push(NearMiss {
                span: text.map.map_span(in_segment),
                text: text.text[in_segment.range()].to_owned(),
                term: self.entries[e].term,
            });
        }
        out
    }

    fn is_common(&self, word: &str) -> bool {
        self.vocabulary.get(word).is_some_and(|i| i.count > 0)
    }

    /// Whether the words `window` of `norm` are a misspelling of `entry`.
    fn accepts(&self, entry: &Entry, window: &[Span<Norm>], norm: &str, capitalised: bool) -> bool {
        let span = Span::<Norm>::new(window[0].start, window[window.len() - 1].end);
        // Cheap rejections first: one edit changes the length by at most one
        // char (four bytes), and leaves all words but one as they are.
        if span.len().abs_diff(entry.folded_bytes) > 4 {
            return false;
        }
        let differing_words = window
            .iter()
            .zip(&entry.words)
            .filter(|(w, term_word)| &norm[w.range()] != term_word.as_str())
            .count();
        if differing_words > 1 {
            return false;
        }
        let text = &norm[span.range()];
        // Words of a sequence are separated by a space or a hyphen only: a
        // comma or a full stop between them ends the phrase.
        let gaps_ok = window.windows(2).all(|pair| {
            norm[pair[0].end..pair[1].start]
                .chars()
                .all(|c| c == ' ' || c == '-')
        });
        if !gaps_ok || self.known.contains(text) {
            return false;
        }
        let chars: Vec<char> = text.chars().collect();
        if !entry.capitalised && is_inflection_or_hyphenation(window, &entry.words, norm) {
            return false;
        }
        match one_edit(&chars, &entry.folded) {
            None => return false,
            Some(edit)
                if entry.words.len() == 1
                    && entry.folded.len() < MIN_FREE_EDIT_CHARS
                    && edit != Edit::Transposition
                    && !(edit == Edit::Insertion && breaks_a_cluster(&chars, &entry.folded)) =>
            {
                return false
            }
            Some(_) => {}
        }
        // The word that differs from the term must not be a real word of the
        // language: `Foreign Ministers` is an inflection, `On Security
        // Council` another phrase.
        let differs_in_real_word = window.iter().zip(&entry.words).any(|(w, term_word)| {
            &norm[w.range()] != term_word && self.is_common(&norm[w.range()])
        });
        if differs_in_real_word {
            return false;
        }
        // A capitalised name is not matched by a lower-case word.
        !entry.capitalised || capitalised
    }
}

/// Titles and honorifics before a personal name (folded).
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "madam",
    "dame",
    "lord",
    "president",
    "premier",
    "minister",
    "ambassador",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "senator",
    "judge",
    "general",
];

/// Whether the words `window` of `norm` differ from a lower-case term's
/// `words` only by an inflection or derivation at a word's end
/// (`multilateralist`, `member-states`) or by a hyphen for a space
/// (`double-standards`, the adjectival compound): English, not a misspelling.
fn is_inflection_or_hyphenation(window: &[Span<Norm>], words: &[String], norm: &str) -> bool {
    let differing: Vec<(&str, &str)> = window
        .iter()
        .zip(words)
        .map(|(w, t)| (&norm[w.range()], t.as_str()))
        .filter(|(w, t)| w != t)
        .collect();
    match differing.as_slice() {
        // Only separators differ.
        [] => true,
        [(found, term)] => {
            let shared = found
                .chars()
                .zip(term.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let shorter = found.chars().count().min(term.chars().count());
            shorter >= 4 && shared + 2 >= shorter && shared * 5 >= shorter * 4
        }
        _ => false,
    }
}

/// Whether `found` is `term` with one vowel more, standing between two
/// consonants of the term: the epenthesis of a transliterated name
/// (`Urumuqi`), where a vowel after a vowel (`Maicao`) is another word.
fn breaks_a_cluster(found: &[char], term: &[char]) -> bool {
    let vowel = |c: char| "aeiouy".contains(c);
    let k = found.iter().zip(term).take_while(|(a, b)| a == b).count();
    k > 0
        && k < term.len()
        && found.len() == term.len() + 1
        && vowel(found[k])
        && !vowel(term[k - 1])
        && !vowel(term[k])
}

/// Whether `found` (as written) is a spelling of the term `folded` with a
/// character that mis-decoded UTF-8 leaves after a word (`Nationsâ€™`,
/// `Statesí`: a curly apostrophe read in the wrong encoding).
fn is_mis_decoded(found: &str, folded: &[char]) -> bool {
    let Some(last) = found.chars().next_back() else {
        return false;
    };
    let rest = &found[..found.len() - last.len_utf8()];
    "âÃÂí".contains(last) && fold_str(rest, Fold::ALL).chars().eq(folded.iter().copied())
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
  - id: dalian
    terms: {en: [Dalian, {term: Dairen, status: deprecated}]}
  - id: foreign-minister
    terms: {en: [foreign minister]}
"#;

    fn misses(text: &str) -> Vec<(String, String)> {
        let set = crate::matcher::tests::glossary(NAMES);
        let index = FuzzyIndex::new(&set, "en");
        let mapped = MappedText::borrowed(text, Span::new(0, text.len()));
        let normalized = normalize(&mapped.text, Fold::ALL);
        index
            .near_misses(&mapped, &normalized)
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
            "two foreign ministers met",
            "Foreign Ministers met",
            "the foreign, ministry spokesperson",
            "the province of Darién",
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
