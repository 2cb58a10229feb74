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

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

use super::tokenize::{
    fold_token, is_roman_numeral, sentences, tokenize, Language, Token, TokenKind,
};
use super::Domain;
use word_lists::word_lists;

mod word_lists;

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

/// Per folded token: text and properties.
#[derive(Debug, Clone)]
pub struct Vocab {
    pub words: Vec<String>,
    pub stop: Vec<bool>,
    pub kind: Vec<TokenKind>,
    /// Occurrences mid-sentence in lower case.
    pub lower: Vec<u32>,
    /// Occurrences in the input.
    pub count: Vec<u64>,
    /// Word-class bits ([`flags`]), computed once per word.
    pub flags: Vec<u16>,
    ids: FxMap<String, u32>,
}

/// Bits of [`Vocab::flags`].
pub mod flags {
    pub const DETERMINER: u16 = 1;
    pub const CONNECTOR: u16 = 1 << 1;
    pub const TITLE_HEAD: u16 = 1 << 2;
    pub const ORG_FIRST: u16 = 1 << 3;
    pub const ORG_HEAD: u16 = 1 << 4;
    pub const PLACE_HEAD: u16 = 1 << 5;
    pub const EVENT_HEAD: u16 = 1 << 6;
    pub const OF_FOR: u16 = 1 << 7;
    pub const REGION: u16 = 1 << 8;
    pub const REGION_KIND: u16 = 1 << 9;
    pub const OF: u16 = 1 << 10;
    pub const CONJUNCTION: u16 = 1 << 11;
}

fn word_flags(w: &str, language: Language) -> u16 {
    use flags::*;
    let mut f = 0;
    let mut set = |bit: u16, yes: bool| {
        if yes {
            f |= bit;
        }
    };
    let lists = word_lists();
    let words = lists.function_words(language);
    set(DETERMINER, words.determiners.contains(&w));
    set(CONNECTOR, words.connectors.contains(&w));
    set(TITLE_HEAD, lists.title_heads.contains(&w));
    set(ORG_FIRST, lists.org_first.contains(&w));
    set(ORG_HEAD, lists.org_heads.contains(&w));
    set(PLACE_HEAD, lists.place_heads.contains(&w));
    set(EVENT_HEAD, lists.event_heads.contains(&w));
    set(OF_FOR, matches!(w, "of" | "for"));
    set(OF, w == "of");
    set(CONJUNCTION, words.conjunctions.contains(&w));
    set(REGION, w == "region");
    set(REGION_KIND, matches!(w, "administrative" | "autonomous"));
    f
}

impl Vocab {
    fn new() -> Vocab {
        Vocab {
            words: Vec::new(),
            stop: Vec::new(),
            kind: Vec::new(),
            lower: Vec::new(),
            count: Vec::new(),
            flags: Vec::new(),
            ids: FxMap::default(),
        }
    }

    fn intern(&mut self, folded: String, kind: TokenKind, language: Language) -> u32 {
        if let Some(&id) = self.ids.get(&folded) {
            return id;
        }
        let id = self.words.len() as u32;
        let stop = kind != TokenKind::Word || is_stop(&folded, language);
        self.words.push(folded.clone());
        self.stop.push(stop);
        self.kind.push(kind);
        self.lower.push(0);
        self.count.push(0);
        self.flags.push(word_flags(&folded, language));
        self.ids.insert(folded, id);
        id
    }

    pub fn id(&self, folded: &str) -> Option<u32> {
        self.ids.get(folded).copied()
    }
}

fn is_stop(folded: &str, language: Language) -> bool {
    let trimmed = folded.trim_end_matches(['\'', '\u{2019}']);
    if trimmed.len() < folded.len() || folded.starts_with('\'') {
        // Elided articles (l', d') and clitics ('s, 're).
        return true;
    }
    let mut chars = folded.chars();
    let first = chars.next();
    if chars.next().is_none() && !first.is_some_and(crate::text::is_han) {
        return true; // single letters
    }
    language.stop_words().contains(folded)
        || (language != Language::En && word_lists().english_in_other_languages.contains(&folded))
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

/// Tokens of bibliography keys, which are not text: `[BOU 06]`, `[12]`,
/// `[MER 05, ACK 05]`, `[Smith 2005; Li 2010]`. A bracket holds a citation
/// when it has a number and nothing but capitalised words (at most three in
/// a row), numbers and list punctuation.
fn citation_mask(toks: &[Token<'_>]) -> Vec<bool> {
    const MAX_INSIDE: usize = 24;
    let mut mask = vec![false; toks.len()];
    let mut open = 0;
    while open < toks.len() {
        if toks[open].text != "[" {
            open += 1;
            continue;
        }
        let close = toks[open + 1..]
            .iter()
            .take(MAX_INSIDE + 1)
            .position(|t| t.text == "]")
            .map(|p| open + 1 + p);
        let Some(close) = close else {
            open += 1;
            continue;
        };
        let inside = &toks[open + 1..close];
        let mut words_in_a_row = 0;
        let mut citation = inside.iter().any(|t| t.kind == TokenKind::Number);
        for t in inside {
            match t.kind {
                TokenKind::Word if t.text.chars().next().is_some_and(char::is_uppercase) => {
                    words_in_a_row += 1;
                    citation &= words_in_a_row <= 3;
                }
                TokenKind::Word => citation &= matches!(t.text, "et" | "al" | "al." | "and"),
                TokenKind::Number => words_in_a_row = 0,
                TokenKind::Punct => {
                    words_in_a_row = 0;
                    citation &= matches!(t.text, "," | ";" | "-" | "–" | "&" | ".");
                }
            }
        }
        if citation {
            mask[open..=close].fill(true);
        }
        open = close + 1;
    }
    mask
}

/// Whether token `k` only numbers a heading or list item: punctuation, a
/// number, a Roman numeral, or a single letter before `)` or `.` (`b.`
/// followed by a capital ends a sentence of its own; `b.Introduction` and
/// `b)` do not).
fn is_list_marker(toks: &[Token<'_>], info: &[TokInfo], k: usize) -> bool {
    let t = &toks[k];
    let lettered = t.kind == TokenKind::Word
        && t.text.chars().count() == 1
        && toks.get(k + 1).is_some_and(|n| matches!(n.text, "." | ")"));
    matches!(t.kind, TokenKind::Punct | TokenKind::Number) || info[k].roman || lettered
}

/// Mathematical operators, written as a token of their own.
fn is_operator(token: &str) -> bool {
    matches!(
        token,
        "=" | "<" | ">" | "≤" | "≥" | "≠" | "≈" | "+" | "±" | "×" | "÷" | "−" | "*" | "<=" | ">="
    )
}

/// One tokenized sentence and where it is: what the pattern passes
/// (acronyms, titles) need to count an occurrence.
struct Sentence<'s, 't> {
    doc: u32,
    segment: u32,
    /// Byte offset of the sentence in its segment.
    offset: usize,
    toks: &'s [Token<'t>],
    info: &'s [TokInfo],
}

impl Sentence<'_, '_> {
    /// The site of tokens `i..=j`.
    fn site(&self, i: usize, j: usize) -> Site {
        Site {
            doc: self.doc,
            segment: self.segment,
            start: (self.offset + self.toks[i].span.start) as u32,
            end: (self.offset + self.toks[j].span.end) as u32,
        }
    }
}

struct TokInfo {
    id: u32,
    cap: bool,
    allcaps: bool,
    /// A Roman numeral (`II`, `XIXe`): it may end a name but starts nothing.
    roman: bool,
}

/// Counts the candidates of `docs` in `language`.
pub fn count(docs: &[Document<'_>], language: Language) -> Counts {
    count_with(docs, language, false)
}

/// Like [`count`], and lists the documents each candidate occurs in.
pub fn count_tracking(docs: &[Document<'_>], language: Language) -> Counts {
    count_with(docs, language, true)
}

fn count_with(docs: &[Document<'_>], language: Language, track: bool) -> Counts {
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

struct Counter {
    track: bool,
    doc_lists: Vec<Vec<u32>>,
    language: Language,
    vocab: Vocab,
    /// Raw spelling -> folded id.
    raw: FxMap<String, u32>,
    grams: Vec<Gram>,
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

    fn gram_index(&mut self, ids: &[u32]) -> u32 {
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

    /// `Expansion (ACRONYM)` and `ACRONYM (Expansion)`: links both.
    fn acronyms(&mut self, sentence: &Sentence<'_, '_>) {
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
    fn titles(&mut self, sentence: &Sentence<'_, '_>) {
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

/// C-value bookkeeping: each candidate learns how often it occurs inside
/// longer candidates.
fn nest(
    counts: &mut Counts,
    short: &FxMap<([u32; MAX_TOKENS], u8), u32>,
    long: &FxMap<Vec<u32>, u32>,
) {
    let lookup = |ids: &[u32]| -> Option<u32> {
        if ids.len() <= MAX_TOKENS {
            let mut key = [u32::MAX; MAX_TOKENS];
            key[..ids.len()].copy_from_slice(ids);
            short.get(&(key, ids.len() as u8)).copied()
        } else {
            long.get(ids).copied()
        }
    };
    let mut updates: Vec<(u32, u32, bool)> = Vec::new();
    for b in 0..counts.grams.len() {
        let gram = &counts.grams[b];
        let n = gram.len();
        if n < 2 {
            continue;
        }
        let named = gram.capitalised * 2 >= gram.freq.saturating_sub(gram.initial).max(1);
        let stop = &counts.vocab.stop;
        for start in 0..n {
            // A candidate never starts or ends on a stop word: skip those
            // sub-sequences without hashing them.
            if stop[gram.tokens[start] as usize] {
                continue;
            }
            for end in start + 1..=n {
                if end - start == n || stop[gram.tokens[end - 1] as usize] {
                    continue;
                }
                if let Some(a) = lookup(&gram.tokens[start..end]) {
                    updates.push((a, gram.freq, named));
                }
            }
        }
    }
    for (a, f, named) in updates {
        let g = &mut counts.grams[a as usize];
        g.nest_sum += f;
        g.nest_count += 1;
        if f > g.nest_max || (f == g.nest_max && named) {
            g.nest_max_named = named;
        }
        g.nest_max = g.nest_max.max(f);
    }
}

/// A guess at what kind of thing a candidate names, from its words.
pub fn guess_domain(counts: &Counts, gram: &Gram) -> Domain {
    use flags::*;
    if counts.language == Language::Zh {
        let joined: String = gram
            .tokens
            .iter()
            .map(|&t| counts.vocab.words[t as usize].as_str())
            .collect();
        return word_lists()
            .chinese_suffixes
            .iter()
            .find(|(suffix, _)| joined.ends_with(suffix) && joined != *suffix)
            .map_or(Domain::Term, |&(_, d)| d);
    }
    let f = |k: usize| counts.vocab.flags[gram.tokens[k] as usize];
    let n = gram.len();
    let last = f(n - 1);
    let first = f(0);
    let named = gram.capitalised > 0 || gram.acronym || gram.linked.is_some();
    if n >= 2 && last & REGION != 0 && f(n - 2) & REGION_KIND != 0 {
        return Domain::Place;
    }
    let head_of = (1..n).any(|k| f(k - 1) & TITLE_HEAD != 0 && f(k) & OF_FOR != 0);
    if last & TITLE_HEAD != 0 || head_of {
        return Domain::Title;
    }
    if n >= 2 && named && last & EVENT_HEAD != 0 {
        return Domain::Event;
    }
    let has_of = (0..n).any(|k| f(k) & OF != 0);
    if (n >= 2 && (last & ORG_HEAD != 0 || first & ORG_FIRST != 0 && has_of) && named)
        || (gram.acronym && gram.linked.is_some())
    {
        return Domain::Organization;
    }
    if n >= 2 && named && last & PLACE_HEAD != 0 {
        return Domain::Place;
    }
    Domain::Term
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
