//! Text handling: derived text with offset maps ([`offset`]), the normalizer
//! ([`mod@normalize`]) and word boundaries by script.

pub mod normalize;
pub mod offset;

pub use normalize::{fold_str, is_han, normalize, Fold};
pub use offset::{MappedText, MappedTextBuilder, OffsetMap, OffsetMapBuilder};

use unicode_script::{Script, UnicodeScript};

/// True for characters of scripts written without spaces between words
/// (Chinese, Japanese, Thai and their neighbours): terms in them match
/// anywhere, without word boundaries.
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
    (c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c))
        && !is_boundary_free(c)
}

/// Whether `text[start..end]` stands on word boundaries: a match whose first
/// (last) character is a word character must not be preceded (followed) by
/// another word character.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let left_ok = !(first.is_some_and(is_word_char) && before.is_some_and(is_word_char));
    let right_ok = !(last.is_some_and(is_word_char) && after.is_some_and(is_word_char));
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
}
