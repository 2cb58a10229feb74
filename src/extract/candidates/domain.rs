//! Domain guesses: what kind of thing a candidate names (a place, a title,
//! an organisation, an event, or a term), from its words and the
//! `word_lists`.

use super::super::tokenize::Language;
use super::super::Domain;
use super::vocab::flags;
use super::word_lists::word_lists;
use super::{Counts, Gram};

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
