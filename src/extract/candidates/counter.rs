//! Counting n-grams: every sequence of up to [`MAX_TOKENS`] tokens of a
//! sentence that starts and ends on a content word becomes a candidate
//! ([`Gram`]), with its occurrences and the cues of each.

use super::super::tokenize::{
    fold_token, is_roman_numeral, sentences, tokenize, Language, Token, TokenKind,
};
use super::cues::{citation_mask, is_list_marker, is_operator};
use super::domain::guess_domain;
use super::nesting::nest;
use super::vocab::{flags, Vocab};
use super::{Counts, Document, FxMap, Gram, Ids, Site, MAX_PATTERN_TOKENS, MAX_TOKENS};

/// One tokenized sentence and where it is: what the pattern passes
/// (acronyms, titles) need to count an occurrence.
pub(super) struct Sentence<'s, 't> {
    pub(super) doc: u32,
    pub(super) segment: u32,
    /// Byte offset of the sentence in its segment.
    pub(super) offset: usize,
    pub(super) toks: &'s [Token<'t>],
    pub(super) info: &'s [TokInfo],
}

impl Sentence<'_, '_> {
    /// The site of tokens `i..=j`.
    pub(super) fn site(&self, i: usize, j: usize) -> Site {
        Site {
            doc: self.doc,
            segment: self.segment,
            start: (self.offset + self.toks[i].span.start) as u32,
            end: (self.offset + self.toks[j].span.end) as u32,
        }
    }
}

/// What the counting asks of one token of a sentence, decided once.
pub(super) struct TokInfo {
    pub(super) id: u32,
    pub(super) cap: bool,
    pub(super) allcaps: bool,
    /// A Roman numeral (`II`, `XIXe`): it may end a name but starts nothing.
    pub(super) roman: bool,
}

/// Counts the candidates of `docs`; with `track`, lists the documents
/// of each.
pub(super) fn count_with(docs: &[Document<'_>], language: Language, track: bool) -> Counts {
    let mut c = Counter {
        track,
        doc_lists: Vec::new(),
        language,
        vocab: Vocab::new(),
        raw: FxMap::default(),
        grams: Vec::new(),
        short: FxMap::default(),
        long: FxMap::default(),
        tokens: 0,
    };
    for (d, doc) in docs.iter().enumerate() {
        for (s, segment) in doc.segments.iter().enumerate() {
            for sentence in sentences(segment) {
                let text = &segment[sentence.range()];
                let toks = tokenize(text, language);
                c.sentence(d as u32, s as u32, sentence.start, &toks);
            }
        }
    }
    let mut counts = Counts {
        language,
        vocab: c.vocab,
        grams: c.grams,
        documents: docs.len() as u32,
        tokens: c.tokens,
        heads: Vec::new(),
        modifiers: Vec::new(),
        doc_lists: std::mem::take(&mut c.doc_lists),
    };
    nest(&mut counts, &c.short, &c.long);
    // Term families: words that head (or modify) many candidates are the
    // domain's own (`… turbine`, `éolienne …`).
    let mut heads = vec![0u32; counts.vocab.words.len()];
    let mut modifiers = vec![0u32; counts.vocab.words.len()];
    for g in &counts.grams {
        if g.len() >= 2 {
            let (h, m) = counts.head_and_modifier(g);
            heads[h as usize] += 1;
            modifiers[m as usize] += 1;
        }
    }
    counts.heads = heads;
    counts.modifiers = modifiers;
    for g in 0..counts.grams.len() {
        counts.grams[g].domain = guess_domain(&counts, &counts.grams[g]);
    }
    counts
}

/// The running counts of one input, sentence by sentence.
pub(super) struct Counter {
    track: bool,
    doc_lists: Vec<Vec<u32>>,
    pub(super) language: Language,
    pub(super) vocab: Vocab,
    /// Raw spelling -> folded id.
    raw: FxMap<String, u32>,
    pub(super) grams: Vec<Gram>,
    short: FxMap<([u32; MAX_TOKENS], u8), u32>,
    long: FxMap<Vec<u32>, u32>,
    tokens: u64,
}

impl Counter {
    fn token_id(&mut self, t: &Token<'_>) -> u32 {
        if let Some(&id) = self.raw.get(t.text) {
            return id;
        }
        let id = self.vocab.intern(fold_token(t.text), t.kind, self.language);
        self.raw.insert(t.text.to_owned(), id);
        id
    }

    pub(super) fn gram_index(&mut self, ids: &[u32]) -> u32 {
        if ids.len() <= MAX_TOKENS {
            let mut key = [u32::MAX; MAX_TOKENS];
            key[..ids.len()].copy_from_slice(ids);
            let next = self.grams.len() as u32;
            let index = *self.short.entry((key, ids.len() as u8)).or_insert(next);
            if index == next {
                self.grams.push(Gram::new(Ids::new(ids)));
                if self.track {
                    self.doc_lists.push(Vec::new());
                }
            }
            index
        } else {
            let next = self.grams.len() as u32;
            let index = *self.long.entry(ids.to_vec()).or_insert(next);
            if index == next {
                let mut gram = Gram::new(Ids::new(ids));
                gram.pattern_only = true;
                if self.track {
                    self.doc_lists.push(Vec::new());
                }
                self.grams.push(gram);
            }
            index
        }
    }

    fn sentence(&mut self, doc: u32, segment: u32, offset: usize, toks: &[Token<'_>]) {
        let info: Vec<TokInfo> = toks
            .iter()
            .map(|t| {
                let id = self.token_id(t);
                let mut letters = 0;
                let mut upper = 0;
                for ch in t.text.chars().filter(|c| c.is_alphabetic()) {
                    letters += 1;
                    if ch.is_uppercase() {
                        upper += 1;
                    }
                }
                TokInfo {
                    id,
                    cap: t.text.chars().next().is_some_and(char::is_uppercase),
                    allcaps: letters >= 2 && upper == letters,
                    roman: is_roman_numeral(t.text),
                }
            })
            .collect();
        let words = toks.iter().filter(|t| t.kind == TokenKind::Word).count();
        let shouting = words >= 3
            && info
                .iter()
                .zip(toks)
                .filter(|(i, t)| t.kind == TokenKind::Word && i.allcaps)
                .count()
                * 10
                >= words * 6;
        self.tokens += words as u64;
        // The sentence's first word comes after any heading number or list
        // marker (`1.2 Introduction`, `IV) Conclusion`, `b) Modélisation`,
        // a contents line's page number): a heading's capital is no name's.
        let first_word = (0..toks.len()).find(|&k| !is_list_marker(toks, &info, k));
        for (k, t) in toks.iter().enumerate() {
            let id = info[k].id as usize;
            self.vocab.count[id] += 1;
            if Some(k) != first_word && t.kind == TokenKind::Word && !info[k].cap {
                self.vocab.lower[id] += 1;
            }
        }
        let citation = citation_mask(toks);
        let stop = |c: &Counter, k: usize| c.vocab.stop[info[k].id as usize];
        let sentence = Sentence {
            doc,
            segment,
            offset,
            toks,
            info: &info,
        };
        let mut ids: Vec<u32> = Vec::with_capacity(MAX_PATTERN_TOKENS);
        for i in 0..toks.len() {
            // A Roman numeral is no candidate of its own and starts none
            // (`Partie II`, `XIXe siècle`); it may end a name (`Louis XIII`).
            if toks[i].kind != TokenKind::Word || stop(self, i) || citation[i] || info[i].roman {
                continue;
            }
            let initial = Some(i) == first_word;
            ids.clear();
            // Every word so far capitalised (or a number, or a connector).
            let mut caps_so_far = self.language.is_spaced();
            for j in i..toks.len().min(i + MAX_TOKENS) {
                if toks[j].kind == TokenKind::Punct || citation[j] {
                    break;
                }
                ids.push(info[j].id);
                caps_so_far &= info[j].cap
                    || toks[j].kind == TokenKind::Number
                    || self.vocab.flags[info[j].id as usize] & flags::CONNECTOR != 0;
                if toks[j].kind != TokenKind::Word || stop(self, j) {
                    continue;
                }
                if info[j].roman && !info[j - 1].cap {
                    continue;
                }
                if j == i && self.language == Language::Zh && toks[i].text.chars().count() < 2 {
                    continue; // a lone Chinese character is not a term
                }
                if self.language == Language::De && !info[j].cap && !shouting {
                    // A German term is a noun phrase ending on its noun,
                    // and German nouns are capitalised: `Konsortium gebaut`
                    // is a clause and `gefertigt` a verb, `erneuerbare
                    // Energien` a term (an adjective term, `supraleitend`,
                    // is proposed with its noun: `supraleitende Spule`).
                    continue;
                }
                let g = self.gram_index(&ids) as usize;
                let content_caps = caps_so_far;
                if self.track && self.grams[g].last_doc != doc {
                    self.doc_lists[g].push(doc);
                }
                let word_flags = &self.vocab.flags;
                let gram = &mut self.grams[g];
                gram.seen(sentence.site(i, j), !initial && !shouting);
                if i > 0 && word_flags[info[i - 1].id as usize] & flags::DETERMINER != 0 {
                    gram.det_before += 1;
                }
                if j + 1 < toks.len()
                    && word_flags[info[j + 1].id as usize] & flags::DETERMINER != 0
                {
                    gram.det_after += 1;
                }
                if (i > 0 && is_operator(toks[i - 1].text))
                    || toks.get(j + 1).is_some_and(|t| is_operator(t.text))
                {
                    gram.formula += 1;
                }
                if toks.get(j + 1).is_some_and(|t| t.kind == TokenKind::Number) {
                    gram.before_number += 1;
                }
                if initial {
                    gram.initial += 1;
                } else if content_caps && !shouting {
                    gram.capitalised += 1;
                } else if !info[i].cap {
                    gram.lower += 1;
                }
                if j == i && info[i].allcaps && !shouting && toks[i].text.chars().count() <= 10 {
                    gram.acronym = true;
                }
            }
        }
        if self.language.is_spaced() && !shouting {
            self.acronyms(&sentence);
            if self.language == Language::En {
                self.titles(&sentence);
            }
        }
    }
}
