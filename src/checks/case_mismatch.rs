//! `case-mismatch`: a term the glossary writes with capitals, found only
//! case-insensitively (and not in all capitals, which headlines may use).
//!
//! English puts capitals where a glossary cannot foresee them, and those
//! are no mismatch: the first word of a sentence or a list item, a title
//! right before a personal name (`President of the European Commission
//! Ursula von der Leyen`), a title-case headline; German capitalises every
//! noun. The other way round, a name written entirely in lower case and
//! made only of ordinary words (`work together as truly united nations`,
//! `a security council of its own`) is more often a generic use than an
//! error: after `the` it may still name the body and is reported as an
//! info; without (`a human rights council`, `our national security
//! council`, `truly united nations`) it is not reported. A term with
//! `case: strict` gets none of these allowances.

use super::{spelling_draft, Around, Check, CheckContext, Draft, RuleId, RuleMeta};
use crate::finding::Severity;
use crate::glossary::CaseMode;
use crate::matcher::{FoldLevel, Occurrence};

pub struct CaseMismatch;

static META: RuleMeta = RuleMeta {
    id: RuleId::CaseMismatch,
    severity: Severity::Warning,
    summary: "A term written with capitals in the glossary occurs with other capitalisation (all upper case, and capitals English grammar puts at a sentence start, before a name or in a headline, excepted; a lower-case use of ordinary words is an info after `the`, and not reported otherwise).",
    why: "Proper names and official titles have one capitalisation; `european external action service` or `Xizang autonomous region` reads as an error.",
    example: "Glossary: `European External Action Service`; text: `the european external action service` fires, suggesting the glossary spelling; `truly united nations` is only an info, and `President of the European Commission Ursula von der Leyen` is fine for a glossary `president of the European Commission`.",
    fix: "Write the term as the glossary does (or mark the term `case: strict` to report every difference).",
    bilingual: false,
};

impl Check for CaseMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_occurrence(
        &self,
        occ: &Occurrence,
        around: &Around,
        cx: &CheckContext,
    ) -> Option<Draft> {
        if occ.fold != FoldLevel::Case || !occ.written.chars().any(char::is_uppercase) {
            return None;
        }
        let found: Vec<char> = occ.text.chars().filter(|c| c.is_alphabetic()).collect();
        if found.iter().all(|c| !c.is_lowercase()) {
            return None;
        }
        let mut draft = spelling_draft(&META, occ, cx);
        let written: Vec<char> = occ.written.chars().filter(|c| c.is_alphabetic()).collect();
        if cx.set.term(occ.term).case == CaseMode::Strict || found.len() != written.len() {
            return Some(draft);
        }
        let pairs = || found.iter().zip(&written);
        let extra = pairs().any(|(f, w)| f.is_uppercase() && !w.is_uppercase());
        let missing = pairs().any(|(f, w)| !f.is_uppercase() && w.is_uppercase());
        if extra && !missing && capitals_are_grammar(occ, around, cx.language) {
            return None;
        }
        if missing && !extra && is_generic_lower_case(&occ.text, cx.language) {
            // Named with `the` (`the universal periodic review`) it may be
            // the body itself; otherwise (`a human rights council`, `our
            // national security council`, `truly united nations`) it is
            // plainly generic.
            if !after_the(around.before()) {
                return None;
            }
            draft.at_most = Some(Severity::Info);
        }
        Some(draft)
    }
}

/// Whether the capitals the text has and the glossary lacks are ones the
/// language's grammar puts there: each on a word's first letter, and the
/// occurrence starts a sentence (only its first word then), stands before
/// a personal name as a title, or stands in a title-case headline; in
/// German, on any word.
fn capitals_are_grammar(occ: &Occurrence, around: &Around, language: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let found = words(&occ.text);
    let written = words(&occ.written);
    if found.len() != written.len() {
        return false;
    }
    // Which words gained a capital, and only on their first letter.
    let mut gained = Vec::new();
    for (f, w) in found.iter().zip(&written) {
        let extra: Vec<usize> = f
            .chars()
            .zip(w.chars())
            .enumerate()
            .filter(|(_, (a, b))| a.is_uppercase() && !b.is_uppercase())
            .map(|(k, _)| k)
            .collect();
        if extra.iter().any(|&k| k > 0) {
            return false;
        }
        gained.push(!extra.is_empty());
    }
    if crate::glossary::primary_subtag(language) == "de" {
        return true;
    }
    let only_first = gained.iter().skip(1).all(|g| !g);
    (only_first && starts_sentence(around.before()))
        || before_a_name(around.after())
        || in_a_headline(around)
}

/// Whether text ending in `before` is at the start of a sentence, a line
/// or a list item (after opening quotes and brackets).
fn starts_sentence(before: &str) -> bool {
    let line = before.rsplit(['\n', '\r']).next().unwrap_or(before);
    let stripped = line.trim_end_matches(|c: char| c.is_whitespace() || "\"'“‘«([{".contains(c));
    // A list marker or a heading's hashes alone before it: a line start.
    if stripped
        .chars()
        .all(|c| c.is_ascii_digit() || "-*+•#>.)".contains(c) || c.is_whitespace())
    {
        return true;
    }
    stripped.ends_with(['.', '!', '?', ':', ';', '。', '！', '？'])
}

/// Whether a personal name follows: the next word is capitalised (and not
/// an article or a pronoun that begins another clause).
fn before_a_name(after: &str) -> bool {
    let rest = after.strip_prefix(',').unwrap_or(after);
    if !rest.starts_with(' ') {
        return false;
    }
    let next: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    const NOT_NAMES: &[&str] = &[
        "The", "A", "An", "This", "That", "These", "It", "He", "She", "They", "We", "I", "In",
        "On", "At", "And", "But", "Or",
    ];
    next.chars().next().is_some_and(char::is_uppercase)
        && next.chars().skip(1).any(char::is_lowercase)
        && !NOT_NAMES.contains(&next.as_str())
}

/// Whether the line the occurrence stands on is a title-case headline:
/// most of its other longer words capitalised.
fn in_a_headline(around: &Around) -> bool {
    let line_start = around.before().rfind(['\n', '\r']).map_or(0, |k| k + 1);
    let line_end = around
        .after()
        .find(['\n', '\r'])
        .map_or(around.text.len(), |k| around.span.end + k);
    let outside = [
        &around.text[line_start..around.span.start],
        &around.text[around.span.end..line_end],
    ];
    let (mut capitalised, mut total) = (0, 0);
    for word in outside
        .iter()
        .flat_map(|s| s.split(|c: char| !c.is_alphabetic()))
    {
        if word.chars().count() >= 4 {
            total += 1;
            capitalised += usize::from(word.chars().next().is_some_and(char::is_uppercase));
        }
    }
    total >= 2 && capitalised * 4 >= total * 3
}

/// Whether the word right before the occurrence is `the`.
fn after_the(before: &str) -> bool {
    let trimmed = before.trim_end();
    trimmed.len() < before.len()
        && trimmed
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// Whether `text` is all lower case and made only of words the language
/// writes in lower case.
fn is_generic_lower_case(text: &str, language: &str) -> bool {
    let Some(generic) = crate::lexicon::generic_words(language) else {
        return false;
    };
    !text.chars().any(char::is_uppercase)
        && text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| generic.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_starts() {
        for before in ["", "Said. ", "x:\n  ", "\n- ", "He said: \"", "1. ", "## "] {
            assert!(starts_sentence(before), "{before:?}");
        }
        for before in ["the ", "said the ", "(the "] {
            assert!(!starts_sentence(before), "{before:?}");
        }
    }

    #[test]
    fn names_after_a_title() {
        for after in [" Ursula von der Leyen", ", Wang Yi, said", " Liu He"] {
            assert!(before_a_name(after), "{after:?}");
        }
        for after in [" said", " The", "", ". Then", " EU"] {
            assert!(!before_a_name(after), "{after:?}");
        }
    }

    #[test]
    fn generic_lower_case_needs_every_word_ordinary() {
        assert!(is_generic_lower_case("united nations", "en"));
        assert!(is_generic_lower_case("security council", "en"));
        assert!(!is_generic_lower_case(
            "european external action service",
            "en"
        ));
        assert!(!is_generic_lower_case("xizang autonomous region", "en"));
        assert!(!is_generic_lower_case("united Nations", "en"));
        assert!(!is_generic_lower_case("nations unies", "fr"));
    }
}
