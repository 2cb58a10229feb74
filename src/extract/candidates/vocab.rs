//! The vocabulary of an input: each distinct folded token once, with what
//! the counting asks of it on every occurrence (stop word or not, word
//! classes as [`flags`] bits), decided when it is first seen.

use super::super::tokenize::{Language, TokenKind};
use super::word_lists::word_lists;
use super::FxMap;

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
    pub(super) fn new() -> Vocab {
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

    pub(super) fn intern(&mut self, folded: String, kind: TokenKind, language: Language) -> u32 {
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

pub(super) fn is_stop(folded: &str, language: Language) -> bool {
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
