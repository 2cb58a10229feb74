//! The pattern passes over a sentence, after the n-grams: acronyms linked
//! to their expansions, and English titles followed by their remit, which
//! may be longer than ordinary candidates (up to [`MAX_PATTERN_TOKENS`]).

use super::super::tokenize::{fold_token, Token, TokenKind};
use super::counter::{Counter, Sentence};
use super::vocab::is_stop;
use super::word_lists::word_lists;
use super::{MAX_PATTERN_TOKENS, MAX_TOKENS};

impl Counter {
    /// `Expansion (ACRONYM)` and `ACRONYM (Expansion)`: links both.
    pub(super) fn acronyms(&mut self, sentence: &Sentence<'_, '_>) {
        let (toks, info) = (sentence.toks, sentence.info);
        for p in 0..toks.len() {
            if toks[p].text != "(" {
                continue;
            }
            // Expansion (ACRONYM)
            if p + 2 < toks.len() && toks[p + 2].text == ")" && info[p + 1].allcaps {
                let acronym = toks[p + 1].text;
                if let Some(k) = (2..=MAX_PATTERN_TOKENS.min(p))
                    .find(|&k| self.expands(&toks[p - k..p], acronym))
                {
                    self.link(sentence, (p - k, p - 1), p + 1);
                }
            }
            // ACRONYM (Expansion)
            if p >= 1 && info[p - 1].allcaps {
                if let Some(close) = toks[p + 1..].iter().position(|t| t.text == ")") {
                    let inner = &toks[p + 1..p + 1 + close];
                    if (2..=MAX_PATTERN_TOKENS).contains(&inner.len())
                        && self.expands(inner, toks[p - 1].text)
                    {
                        self.link(sentence, (p + 1, p + close), p - 1);
                    }
                }
            }
        }
    }

    /// Whether the initials of `words` spell `acronym` (stop words may be
    /// skipped; hyphenated parts each give an initial).
    fn expands(&self, words: &[Token<'_>], acronym: &str) -> bool {
        // A plural acronym (NGOs) spells its letters without the s.
        let acronym = acronym.strip_suffix('s').unwrap_or(acronym);
        let letters: String = acronym
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect();
        let letters = letters.as_str();
        if words.iter().any(|t| t.kind == TokenKind::Punct) || letters.chars().count() < 2 {
            return false;
        }
        let first_is_stop = self.is_stop_text(words[0].text);
        let last_is_stop = self.is_stop_text(words[words.len() - 1].text);
        if first_is_stop || last_is_stop {
            return false;
        }
        let initials = |skip_stop: bool| -> String {
            words
                .iter()
                .filter(|t| !(skip_stop && self.is_stop_text(t.text)))
                .flat_map(|t| t.text.split(['-', '\u{2010}']))
                .filter_map(|part| part.chars().next())
                .flat_map(char::to_lowercase)
                .collect()
        };
        initials(true) == letters || initials(false) == letters
    }

    fn is_stop_text(&self, text: &str) -> bool {
        is_stop(&fold_token(text), self.language)
    }

    fn link(&mut self, sentence: &Sentence<'_, '_>, expansion: (usize, usize), acronym: usize) {
        let info = sentence.info;
        let ids: Vec<u32> = (expansion.0..=expansion.1).map(|k| info[k].id).collect();
        let e = self.gram_index(&ids);
        let a = self.gram_index(&[info[acronym].id]);
        let gram = &mut self.grams[e as usize];
        if gram.pattern_only {
            gram.seen(sentence.site(expansion.0, expansion.1), true);
            gram.capitalised += 1;
        }
        gram.linked = Some(a);
        // An acronym spelt like a stop word (`CAR`, French `car`) was not
        // counted as a candidate: this occurrence is its evidence.
        let stop_word = self.vocab.stop[info[acronym].id as usize];
        let acro = &mut self.grams[a as usize];
        if stop_word {
            acro.seen(sentence.site(acronym, acronym), true);
            acro.capitalised += 1;
        }
        acro.linked = Some(e);
        acro.acronym = true;
    }

    /// `… director for Asia and the Pacific`: a title followed by its remit,
    /// longer than ordinary candidates.
    pub(super) fn titles(&mut self, sentence: &Sentence<'_, '_>) {
        let (toks, info) = (sentence.toks, sentence.info);
        for h in 0..toks.len() {
            let head = &self.vocab.words[info[h].id as usize];
            if !word_lists().title_heads.contains(&head.as_str()) || h + 2 >= toks.len() {
                continue;
            }
            let link = &self.vocab.words[info[h + 1].id as usize];
            if link != "for" && link != "of" || !info[h + 2].cap {
                continue;
            }
            // The remit: capitalised words, joined by `and`/`the`/`of`.
            let mut end = h + 2;
            let mut k = h + 2;
            while k < toks.len() && k - h < MAX_PATTERN_TOKENS {
                let w = &self.vocab.words[info[k].id as usize];
                if toks[k].kind == TokenKind::Word && info[k].cap {
                    end = k;
                } else if !matches!(w.as_str(), "and" | "the" | "of") {
                    break;
                }
                k += 1;
            }
            // The start: modifiers of the head in lower case or capitals,
            // not stop words (deputy managing director).
            let mut start = h;
            while start > 0
                && h - start < 3
                && toks[start - 1].kind == TokenKind::Word
                && !self.vocab.stop[info[start - 1].id as usize]
                && word_lists()
                    .title_modifiers
                    .contains(&self.vocab.words[info[start - 1].id as usize].as_str())
            {
                start -= 1;
            }
            if end - start < MAX_TOKENS || end - start >= MAX_PATTERN_TOKENS {
                continue; // counted as an ordinary candidate, or too long
            }
            let ids: Vec<u32> = (start..=end).map(|k| info[k].id).collect();
            let g = self.gram_index(&ids);
            self.grams[g as usize].seen(sentence.site(start, end), true);
        }
    }
}
