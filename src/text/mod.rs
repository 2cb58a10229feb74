//! Text handling: derived text with offset maps ([`offset`]), the normalizer
//! ([`mod@normalize`]), word boundaries by script, and Chinese word
//! boundaries from a dictionary ([`han_words`]).

pub mod han_words;
pub mod normalize;
pub mod offset;
pub mod placeholder;

pub use normalize::{fold_str, is_han, normalize, Fold};
pub use offset::{MappedText, MappedTextBuilder, OffsetMap, OffsetMapBuilder};

use unicode_script::{Script, UnicodeScript};

/// True for characters of scripts written without spaces between words
/// (Chinese, Japanese, Thai and their neighbours): no space tells where
/// their words end (for Chinese, the matcher asks [`han_words`]).
pub fn is_boundary_free(c: char) -> bool {
    matches!(
        c.script(),
        Script::Han
            | Script::Hiragana
            | Script::Katakana
            | Script::Thai
            | Script::Lao
            | Script::Khmer
            | Script::Myanmar
            | Script::Hangul
    )
}

/// A character that continues a word in a script written with spaces (Latin,
/// Greek, Cyrillic, Arabic, …): letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
        && !is_boundary_free(c)
}

/// Whether `text[start..end]` stands on word boundaries: a match whose first
/// (last) character is a word character must not be preceded (followed) by
/// another word character, nor be part of a larger token (SPEC §3):
///
/// - an identifier: `_` on either side (`macau_title`), or a `.` that joins
///   two word characters (`macau.title`, `app.macau`); a sentence's final
///   `Macao.` still ends on a boundary;
/// - a name with an attached symbol after it: `G7+`, `C#` are not `G7`, `C`.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    let (b1, b2) = (before.next(), before.next());
    let (a1, a2) = (after.next(), after.next());
    let word = |c: Option<char>| c.is_some_and(is_word_char);
    let left_joined = word(b1) || b1 == Some('_') || (b1 == Some('.') && word(b2));
    let right_joined =
        word(a1) || matches!(a1, Some('_' | '+' | '#')) || (a1 == Some('.') && word(a2));
    let left_ok = !(word(first) && left_joined);
    let right_ok = !(word(last) && right_joined);
    left_ok && right_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_by_script() {
        let t = "tibetan tibet xizang's 在西藏自治区 xizang在";
        let find = |needle: &str| {
            let s = t.find(needle).unwrap();
            on_word_boundaries(t, s, s + needle.len())
        };
        assert!(!find("tibet"));
        assert!(find("tibet "));
        assert!(find("xizang"));
        assert!(find("西藏"));
        assert!(on_word_boundaries(
            t,
            t.rfind("xizang").unwrap(),
            t.rfind('在').unwrap()
        ));
    }

    /// (text, needle, a term there?) — identifiers and attached symbols
    /// make one token (SPEC §3).
    #[test]
    fn identifiers_and_attached_symbols_are_one_token() {
        let cases: &[(&str, &str, bool)] = &[
            ("\"macau_title\": \"Macau\"", "macau", false),
            ("\"macau_title\": \"Macau\"", "Macau", true),
            ("name=\"city_macau\"", "macau", false),
            ("key macau.title here", "macau", false),
            ("key app.macau here", "macau", false),
            ("We visited Macao.", "Macao", true),
            ("Macao. Then Beijing", "Macao", true),
            ("Macao...", "Macao", true),
            ("(Macao)", "Macao", true),
            ("the g7+ held a side event", "g7", false),
            ("the G7, then", "G7", true),
            ("written in C# and C", "C", true),
            ("Xizang's capital", "Xizang", true),
            ("Tibet-based groups", "Tibet", true),
        ];
        for (text, needle, want) in cases {
            let start = text.find(needle).unwrap();
            // `C` in "C# and C": the first is joined, the last is free.
            let start = if *needle == "C" {
                text.rfind(needle).unwrap()
            } else {
                start
            };
            assert_eq!(
                on_word_boundaries(text, start, start + needle.len()),
                *want,
                "{needle} in {text:?}"
            );
        }
        let t = "written in C# and C";
        let first = t.find('C').unwrap();
        assert!(!on_word_boundaries(t, first, first + 1), "C#");
    }
}
