//! The normalizer: what counts as "the same term" (SPEC §3).
//!
//! Text is folded under Unicode NFKC, full case folding, diacritic folding,
//! dash/quote/space folding and Traditional -> Simplified Chinese, and the
//! result carries an [`OffsetMap`](super::OffsetMap) back to the input. Work is
//! done in chunks that are safe to normalize on their own (a starter and the
//! combining marks that follow it); a chunk that changes becomes one atomic run
//! of the map, so a match that starts or ends inside it widens to the whole
//! original chunk. ASCII, the common case, takes a byte-at-a-time fast path.

use std::sync::OnceLock;

use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

use super::offset::{MappedText, MappedTextBuilder};
use crate::span::space::{Norm, Seg};

/// Which folds to apply. The matcher uses [`Fold::ALL`]; the exactness checks
/// compare a match with its term under weaker folds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fold {
    pub case: bool,
    pub diacritics: bool,
}

impl Fold {
    /// Everything folded: the form patterns and text are matched in.
    pub const ALL: Fold = Fold {
        case: true,
        diacritics: true,
    };
    /// Only the folds that never count as a difference: NFKC, dashes, quotes,
    /// white space, Traditional/Simplified Chinese.
    pub const LIGHT: Fold = Fold {
        case: false,
        diacritics: false,
    };
    pub const CASE_ONLY: Fold = Fold {
        case: true,
        diacritics: false,
    };
    pub const DIACRITICS_ONLY: Fold = Fold {
        case: false,
        diacritics: true,
    };
}

/// Whether `s` ends with a letter and a hyphen (`Secretary-`): a word a
/// line break after it may have split.
pub fn ends_with_word_hyphen(s: &str) -> bool {
    let mut back = s.chars().rev();
    matches!(back.next(), Some('-' | '\u{2010}')) && back.next().is_some_and(char::is_alphabetic)
}

/// Whether the white space `text[start..end]` holds a line break right
/// after a hyphen that ends a word and before a letter: `Secretary-⏎General`,
/// `zero-⏎sum` (the hyphen stays; the break goes).
fn hyphenated_across(text: &str, start: usize, end: usize) -> bool {
    ends_with_word_hyphen(&text[..start])
        && text[start..end].contains(['\n', '\r'])
        && text[end..].chars().next().is_some_and(char::is_alphabetic)
}

/// Normalizes `text` (a segment's text, or a glossary term taken as one);
/// the result's map points into `text`.
pub fn normalize(text: &str, fold: Fold) -> MappedText<Norm, Seg> {
    let bytes = text.as_bytes();
    // Folding keeps most texts at their length.
    let mut out = MappedTextBuilder::with_capacity(0, text.len());
    let mut chunk_buf = String::new();
    let mut i = 0;
    while i < bytes.len() {
        // Fast path: a run of ASCII, copied (lower-cased) in one piece.
        let run = ascii_run(bytes, i);
        if run > 0 {
            out.copy_ascii(&text[i..i + run], fold.case);
            i += run;
            continue;
        }
        let b = bytes[i];
        if b < 0x80 && !(b as char).is_ascii_whitespace() {
            let next_is_mark = bytes.get(i + 1).is_some_and(|&n| n >= 0x80)
                && next_char(text, i + 1).is_some_and(extends_chunk);
            if !next_is_mark {
                let folded = if fold.case { b.to_ascii_lowercase() } else { b };
                out.copy_byte(folded);
                i += 1;
                continue;
            }
        }
        let c = next_char(text, i).expect("index is on a char boundary");
        // Fast path for Chinese: an ideograph followed by something that is
        // plainly not a combining mark (ASCII, CJK, full-width forms) is a
        // chunk of its own that only needs Traditional -> Simplified.
        if matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF) {
            let next = next_char(text, i + c.len_utf8());
            if next.is_none_or(|n| {
                n.is_ascii() || matches!(n as u32, 0x3000..=0x9FFF | 0xFF00..=0xFFEF)
            }) {
                let s = simplified(c);
                let mut buf = [0u8; 4];
                if s == c {
                    out.copy(c.encode_utf8(&mut buf));
                } else {
                    out.replace(c.len_utf8(), s.encode_utf8(&mut buf));
                }
                i += c.len_utf8();
                continue;
            }
        }
        if is_space(c) {
            let start = i;
            while let Some(c) = next_char(text, i).filter(|&c| is_space(c)) {
                i += c.len_utf8();
            }
            let run = i - start;
            let between_han =
                out.last_char().is_some_and(is_han) && next_char(text, i).is_some_and(is_han);
            if between_han || hyphenated_across(text, start, i) {
                // Chinese has no spaces between words, and a word
                // hyphenated at a line's end continues on the next: a line
                // break in either must not split a term.
                out.skip(run);
            } else if run == 1 {
                out.copy_byte(b' ');
            } else {
                out.replace(run, " ");
            }
            continue;
        }
        if is_ignorable(c) {
            out.skip(c.len_utf8());
            i += c.len_utf8();
            continue;
        }
        // Chunk: this char and every following char that attaches to it.
        let start = i;
        i += c.len_utf8();
        while let Some(n) = next_char(text, i).filter(|&n| extends_chunk(n)) {
            i += n.len_utf8();
        }
        let chunk = &text[start..i];
        chunk_buf.clear();
        fold_chunk(chunk, fold, &mut chunk_buf);
        if chunk_buf == chunk {
            out.copy(chunk);
        } else {
            out.replace(chunk.len(), &chunk_buf);
        }
    }
    out.finish()
}

/// Length of the run of bytes from `i` that fold byte for byte: ASCII
/// letters, digits and punctuation, and single spaces (or tabs, newlines)
/// between them. A run stops before white space that may collapse or join
/// Chinese, and before a byte that a combining mark follows.
fn ascii_run(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    while j < bytes.len() && bytes[j] < 0x80 {
        if bytes[j].is_ascii_whitespace() {
            // A line break after a hyphen may join a hyphenated word: the
            // slow path decides.
            let prev_ok = j > i
                && !bytes[j - 1].is_ascii_whitespace()
                && !(bytes[j - 1] == b'-' && matches!(bytes[j], b'\n' | b'\r'));
            let next_ok = bytes
                .get(j + 1)
                .is_some_and(|&n| n < 0x80 && !n.is_ascii_whitespace());
            if !(prev_ok && next_ok) {
                break;
            }
        }
        j += 1;
    }
    // The last byte stays out if a combining mark may follow it.
    if j < bytes.len() && j > i {
        j -= 1;
    }
    j - i
}

/// The folded form of `s`, without a map (for glossary terms and comparisons).
pub fn fold_str(s: &str, fold: Fold) -> String {
    normalize(s, fold).text.trim_matches(' ').to_owned()
}

fn next_char(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// A char that belongs to the chunk of the char before it.
fn extends_chunk(c: char) -> bool {
    canonical_combining_class(c) != 0
        || is_combining_mark(c)
        || ('\u{1160}'..='\u{11FF}').contains(&c) // Hangul medial and final jamo
        || ('\u{FE00}'..='\u{FE0F}').contains(&c) // variation selectors
}

/// White space, which folds to one space per run.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Invisible characters that only break words apart in the raw text.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{180E}'
    )
}

/// CJK ideographs: text written in them has no word boundaries.
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

fn fold_chunk(chunk: &str, fold: Fold, out: &mut String) {
    let mut chars = chunk.chars();
    let first = chars.next().expect("chunks are never empty");
    if chars.next().is_none() {
        // Fast path: a lone ideograph only needs Traditional -> Simplified.
        if matches!(first as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF) {
            out.push(simplified(first));
            return;
        }
        // Other lone characters (é, ж, α…) repeat endlessly in a text: their
        // fold is computed once per thread and looked up after that.
        FOLDED_CHARS.with(|cache| {
            let mut cache = cache.borrow_mut();
            let folded = cache.entry((first, fold)).or_insert_with(|| {
                let mut s = String::new();
                fold_chunk_uncached(chunk, fold, &mut s);
                s
            });
            out.push_str(folded);
        });
        return;
    }
    fold_chunk_uncached(chunk, fold, out);
}

thread_local! {
    static FOLDED_CHARS: std::cell::RefCell<rustc_hash::FxHashMap<(char, Fold), String>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

fn fold_chunk_uncached(chunk: &str, fold: Fold, out: &mut String) {
    let mut s: String = chunk.nfkc().collect();
    if fold.case {
        s = caseless::default_case_fold_str(&s).nfkc().collect();
    }
    if fold.diacritics && !s.is_ascii() {
        s = strip_diacritics(&s);
    }
    for c in s.chars() {
        match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
                out.push('-')
            }
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}'
            | '\u{FF07}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{FF02}' => {
                out.push('"')
            }
            c if is_han(c) => out.push(simplified(c)),
            c => out.push(c),
        }
    }
}

/// Removes diacritics from Latin, Greek, Cyrillic and Arabic letters, and
/// folds the Latin letters whose strokes are not combining marks (ø, ł, đ…).
fn strip_diacritics(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut base_allows_strip = false;
    let mut prev_base = ' ';
    for c in s.nfd() {
        if is_combining_mark(c) {
            // й/Й are letters of their own in Russian, not и with a mark.
            let keeps_breve = c == '\u{0306}' && matches!(prev_base, 'и' | 'И');
            if base_allows_strip && !keeps_breve {
                continue;
            }
            out.push(c);
            continue;
        }
        prev_base = c;
        base_allows_strip = strips_marks(c);
        match c {
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'đ' => out.push('d'),
            'Đ' => out.push('D'),
            'ħ' => out.push('h'),
            'ı' => out.push('i'),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("AE"),
            'œ' => out.push_str("oe"),
            'Œ' => out.push_str("OE"),
            c => out.push(c),
        }
    }
    out.nfc().collect()
}

fn strips_marks(c: char) -> bool {
    use unicode_script::{Script, UnicodeScript};
    matches!(
        c.script(),
        Script::Latin | Script::Greek | Script::Cyrillic | Script::Arabic | Script::Common
    )
}

/// Traditional -> Simplified for one ideograph, from a table built once from
/// fast2s's character data.
fn simplified(c: char) -> char {
    const FIRST: u32 = 0x3400;
    const LAST: u32 = 0x9FFF;
    static TABLE: OnceLock<Vec<char>> = OnceLock::new();
    let code = c as u32;
    if !(FIRST..=LAST).contains(&code) {
        return c;
    }
    let table = TABLE.get_or_init(|| {
        let mut buf = [0u8; 4];
        (FIRST..=LAST)
            .map(|code| {
                let c = char::from_u32(code).expect("BMP ideographs are chars");
                let converted = fast2s::convert(c.encode_utf8(&mut buf));
                let mut chars = converted.chars();
                match (chars.next(), chars.next()) {
                    (Some(s), None) => s,
                    _ => c,
                }
            })
            .collect()
    });
    table[(code - FIRST) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_hyphenated_across_a_line_break_are_joined() {
        for (text, want) in [
            (
                "the UN Secretary-\nGeneral said",
                "the un secretary-general said",
            ),
            ("a zero-\r\n   sum game", "a zero-sum game"),
            ("well‐\nknown", "well‐known"),
            ("a list -\nitem", "a list - item"),
            ("2020-\n2021", "2020- 2021"),
            ("Secretary- General", "secretary- general"),
        ] {
            let n = normalize(text, Fold::ALL);
            assert_eq!(n.text, fold_str(want, Fold::ALL), "{text:?}");
            // The joined word maps back over the line break.
            if let Some(k) = n.text.find('-').filter(|_| !n.text.contains("- ")) {
                let span = n.map.map_span(Span::new(k, k + 2));
                assert!(text[span.range()].contains('\n'), "{text:?}");
            }
        }
    }
    use crate::span::Span;

    fn all(s: &str) -> String {
        normalize(s, Fold::ALL).text
    }

    #[test]
    fn folding_table() {
        let cases = [
            ("Tibet", "tibet"),
            ("Ürümqi", "urumqi"),
            ("U\u{0308}ru\u{0308}mqi", "urumqi"),
            ("STRASSE", "strasse"),
            ("Straße", "strasse"),
            ("China–EU", "china-eu"),
            ("China\u{2212}EU", "china-eu"),
            ("Xizang’s", "xizang's"),
            ("“quoted”", "\"quoted\""),
            ("Xinjiang\u{00A0}Uygur", "xinjiang uygur"),
            ("a \t\n b", "a b"),
            ("ﬁnance", "finance"),
            ("Ｘｉｚａｎｇ", "xizang"),
            ("重慶", "重庆"),
            ("澳門特別行政區", "澳门特别行政区"),
            ("西藏\n自治区", "西藏自治区"),
            ("ΑΘΗΝΑ", "αθηνα"),
            ("Αθήνα", "αθηνα"),
            ("Йошкар-Ола", "йошкар-ола"),
            ("Ёлка", "елка"),
            ("Øresund", "oresund"),
            ("Łódź", "lodz"),
            ("soft\u{00AD}hyphen", "softhyphen"),
        ];
        for (input, expected) in cases {
            assert_eq!(all(input), expected, "normalizing {input:?}");
        }
    }

    #[test]
    fn light_fold_keeps_case_and_diacritics() {
        assert_eq!(normalize("Ürümqi–X", Fold::LIGHT).text, "Ürümqi-X");
        assert_eq!(normalize("Ürümqi", Fold::CASE_ONLY).text, "ürümqi");
        assert_eq!(normalize("Ürümqi", Fold::DIACRITICS_ONLY).text, "Urumqi");
    }

    #[test]
    fn spans_map_back_to_original_bytes() {
        let text = "The  Ürümqi\u{00A0}region";
        let n = normalize(text, Fold::ALL);
        assert_eq!(n.text, "the urumqi region");
        let at = n.text.find("urumqi").unwrap();
        let span = n.source_span(Span::new(at, at + 6));
        assert_eq!(&text[span.range()], "Ürümqi");
        let at = n.text.find("region").unwrap();
        let span = n.source_span(Span::new(at - 1, at + 6));
        assert_eq!(&text[span.range()], "\u{00A0}region");
    }

    #[test]
    fn decomposed_marks_widen_to_their_base() {
        let text = "Xu\u{0308}x";
        let n = normalize(text, Fold::ALL);
        assert_eq!(n.text, "xux");
        assert_eq!(n.source_span(Span::new(1, 2)), Span::new(1, 4));
    }

    mod properties {
        use super::super::*;
        use crate::span::Span;
        use proptest::prelude::*;

        /// Characters that exercise every branch of the normalizer.
        fn text() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "a",
                "B",
                "z",
                " ",
                "  ",
                "\n",
                "\r\n",
                "\t",
                "\u{00A0}",
                "\u{3000}",
                "-",
                "\u{2013}",
                "\u{2019}",
                "\u{201C}",
                "\u{0301}",
                "\u{0308}",
                "é",
                "Ü",
                "ß",
                "ﬁ",
                "Ｘ",
                "重",
                "慶",
                "澳門",
                "区",
                "Ø",
                "ł",
                "İ",
                "Σ",
                "ς",
                "й",
                "\u{00AD}",
                "\u{200B}",
                "'",
                ".",
                "1",
                "\u{1100}\u{1161}",
                "각",
            ]);
            prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
        }

        fn is_safe_split(s: &str, i: usize) -> bool {
            let after = s[i..].chars().next();
            let before = s[..i].chars().next_back();
            match (before, after) {
                (Some(b), Some(a)) => {
                    // A hyphen's fate at a line break depends on the
                    // letter before it.
                    !extends_chunk(a)
                        && !matches!(a, '-' | '\u{2010}')
                        && !is_space(a)
                        && !is_space(b)
                        && !is_ignorable(a)
                        && !is_ignorable(b)
                }
                _ => true,
            }
        }

        proptest! {
            #[test]
            fn chunkwise_equals_whole_string(s in text(), cut in 0usize..200) {
                let boundaries: Vec<usize> = (0..=s.len())
                    .filter(|&i| s.is_char_boundary(i) && is_safe_split(&s, i))
                    .collect();
                let i = boundaries[cut % boundaries.len()];
                let whole = normalize(&s, Fold::ALL).text;
                let parts = normalize(&s[..i], Fold::ALL).text + &normalize(&s[i..], Fold::ALL).text;
                prop_assert_eq!(whole, parts);
            }

            #[test]
            fn mapped_spans_are_monotonic_and_on_char_boundaries(s in text()) {
                for fold in [Fold::ALL, Fold::LIGHT] {
                    let n = normalize(&s, fold);
                    let mut last_start = 0;
                    let mut last_end = 0;
                    for d in (0..=n.text.len()).filter(|&d| n.text.is_char_boundary(d)) {
                        let start = n.map.map_start(d);
                        let end = n.map.map_end(d);
                        prop_assert!(s.is_char_boundary(start) && s.is_char_boundary(end));
                        prop_assert!(start >= last_start && end >= last_end);
                        prop_assert!(start <= s.len() && end <= s.len());
                        last_start = start;
                        last_end = end;
                    }
                }
            }

            #[test]
            fn every_derived_char_maps_to_source_that_folds_to_it(s in text()) {
                // Folding the source bytes a derived span maps to gives back at
                // least that span's text: the map never points somewhere else.
                let n = normalize(&s, Fold::ALL);
                let chars: Vec<(usize, char)> = n.text.char_indices().collect();
                for (k, &(d, c)) in chars.iter().enumerate() {
                    let end = chars.get(k + 1).map_or(n.text.len(), |&(e, _)| e);
                    let src = n.source_span(Span::new(d, end));
                    let refolded = normalize(&s[src.range()], Fold::ALL).text;
                    prop_assert!(
                        refolded.contains(c) || c == ' ',
                        "{:?} from {:?} refolds to {:?}", c, &s[src.range()], refolded
                    );
                }
            }
        }
    }
}
