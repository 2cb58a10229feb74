//! Tokenization for term extraction: languages, sentences and tokens.
//!
//! Alphabetic languages are split into words by Unicode word segmentation
//! (UAX #29), then adjusted the way terms are written: hyphenated compounds
//! (`horizontal-axis`, `China-EU`) stay one token, French elisions (`l'`,
//! `d'`, `qu'`) and the English/Dutch possessive `'s` become tokens of their
//! own. Chinese is segmented with jieba's dictionary. Sentences end at
//! terminal punctuation followed by anything but a lower-case letter (a byte
//! scan: the UAX #29 sentence rules cost a tenth of the run time and split
//! the same way on this kind of text); a blank line always ends a paragraph,
//! and a single line break does too in text written one paragraph per line,
//! but not in hard-wrapped text.
//! Stop-word lists are per language (`data/stopwords/`).

use std::collections::HashSet;
use std::fmt;
use std::sync::OnceLock;

use unicode_segmentation::UnicodeSegmentation;

/// Token spans are offsets into the segment text being tokenized.
type Span = crate::span::Span<crate::span::space::Seg>;
use crate::text::is_han;

/// A language `extract` knows how to tokenize and rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    En,
    Fr,
    De,
    Es,
    Nl,
    Ru,
    Zh,
}

/// A language tag `extract` has no tokenizer or stop list for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsupportedLanguage(pub String);

impl fmt::Display for UnsupportedLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let supported: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        write!(
            f,
            "extract does not support language `{}` (supported: {})",
            self.0,
            supported.join(", ")
        )
    }
}

impl std::error::Error for UnsupportedLanguage {}

impl From<UnsupportedLanguage> for crate::error::Error {
    fn from(e: UnsupportedLanguage) -> Self {
        crate::error::Error::UnsupportedLanguage(e.to_string())
    }
}

impl Language {
    pub const ALL: [Language; 7] = [
        Language::En,
        Language::Fr,
        Language::De,
        Language::Es,
        Language::Nl,
        Language::Ru,
        Language::Zh,
    ];

    /// The language of a BCP 47 tag, by its primary subtag.
    pub fn from_tag(tag: &str) -> Result<Language, UnsupportedLanguage> {
        let primary = crate::glossary::primary_subtag(tag);
        Language::ALL
            .into_iter()
            .find(|l| l.code() == primary)
            .ok_or_else(|| UnsupportedLanguage(tag.to_owned()))
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
            Language::De => "de",
            Language::Es => "es",
            Language::Nl => "nl",
            Language::Ru => "ru",
            Language::Zh => "zh",
        }
    }

    /// Whether words are separated by spaces (all but Chinese).
    pub fn is_spaced(self) -> bool {
        self != Language::Zh
    }

    /// The stop words of the language, folded (lower case).
    pub fn stop_words(self) -> &'static HashSet<String> {
        static SETS: [OnceLock<HashSet<String>>; 7] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        let i = Language::ALL.iter().position(|&l| l == self).unwrap_or(0);
        SETS[i].get_or_init(|| {
            let list = match self {
                Language::En => include_str!("../../data/stopwords/en.txt"),
                Language::Fr => include_str!("../../data/stopwords/fr.txt"),
                Language::De => include_str!("../../data/stopwords/de.txt"),
                Language::Es => include_str!("../../data/stopwords/es.txt"),
                Language::Nl => include_str!("../../data/stopwords/nl.txt"),
                Language::Ru => include_str!("../../data/stopwords/ru.txt"),
                Language::Zh => include_str!("../../data/stopwords/zh.txt"),
            };
            list.lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .map(str::to_owned)
                .collect()
        })
    }

    /// Elided articles and pronouns written before a word with an apostrophe.
    fn elisions(self) -> &'static [&'static str] {
        match self {
            Language::Fr => &[
                "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
            ],
            _ => &[],
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Has at least one letter.
    Word,
    /// Digits (and separators) only.
    Number,
    /// Punctuation and symbols: candidates never contain them.
    Punct,
}

/// One token of a sentence; offsets are bytes of the tokenized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub span: Span,
    pub kind: TokenKind,
    /// Written against the previous token, with no space (`'s`, the word
    /// after an elision, every Chinese word).
    pub glued: bool,
}

/// Sentence spans of `text`. A blank line always ends a paragraph; inside a
/// paragraph a sentence ends after `.`, `!`, `?` or `;`-free terminal
/// punctuation (also `。！？` and the ellipsis) followed by white space — or,
/// for the ideographic marks, directly — when what follows is not a lower-case
/// letter (so `e.g. the` and `3.5 MW` stay whole; `Dr. Smith` splits, as in
/// UAX #29); a dot leader (four dots or more, `……` too) ends one even with
/// no space after it (`Introduction ......38`). Closing quotes and brackets
/// stay with their sentence. A single line break is a space in hard-wrapped text, but
/// ends a paragraph in text written one paragraph per line (see
/// [`one_paragraph_per_line`]), where it is often all that ends a heading.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let lines_are_paragraphs = one_paragraph_per_line(text);
    let push = |s: usize, e: usize, out: &mut Vec<Span>| {
        let piece = &text[s..e];
        let lead = piece.len() - piece.trim_start().len();
        let end = s + piece.trim_end().len();
        if end > s + lead {
            out.push(Span::new(s + lead, end));
        }
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => {
                // A paragraph break: a line break, blank space, a line break.
                let rest = &text[i + 1..];
                let blank = rest.trim_start_matches([' ', '\t', '\r']);
                if lines_are_paragraphs || blank.starts_with('\n') {
                    push(start, i, &mut out);
                    start = i + 1;
                }
            }
            '.' | '!' | '?' | '\u{2026}' | '\u{3002}' | '\u{FF01}' | '\u{FF1F}' | '\u{FF0E}' => {
                // Take closing quotes and brackets with the sentence.
                let mut end = i + c.len_utf8();
                while let Some(&(j, n)) = chars.peek() {
                    if matches!(
                        n,
                        '"' | '\''
                            | ')'
                            | ']'
                            | '\u{201D}'
                            | '\u{2019}'
                            | '\u{300D}'
                            | '\u{300F}'
                            | '\u{FF09}'
                    ) || (matches!(n, '.' | '!' | '?' | '\u{2026}') && j == end)
                    {
                        end = j + n.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let ideographic = matches!(c, '\u{3002}' | '\u{FF01}' | '\u{FF1F}');
                // A contents line's dot leader (`Conclusion ......38`) ends
                // its entry even with no space after it.
                let dots: usize = text[i..end]
                    .chars()
                    .map(|c| match c {
                        '.' => 1,
                        '\u{2026}' => 3,
                        _ => 0,
                    })
                    .sum();
                let leader = dots >= 4;
                let after = &text[end..];
                let spaced = after.starts_with(char::is_whitespace);
                let next = after.trim_start().chars().next();
                let ends = match next {
                    None => true,
                    Some(n) => (spaced || ideographic || leader) && !n.is_lowercase(),
                };
                if ends {
                    push(start, end, &mut out);
                    start = end;
                }
            }
            _ => {}
        }
    }
    push(start, text.len(), &mut out);
    out
}

/// The longest line (in characters) a hard-wrapped text is expected to have.
pub const WRAPPED_LINE_MAX: usize = 200;

/// Whether `text` is written one paragraph per line: most of it stands on
/// lines longer than [`WRAPPED_LINE_MAX`]. One long line (a URL, a table
/// row) in hard-wrapped text is not enough; the short lines of a
/// paragraph-per-line text (headings, list items) are lines of their own.
pub fn one_paragraph_per_line(text: &str) -> bool {
    let (mut on_long_lines, mut total) = (0usize, 0usize);
    for line in text.lines() {
        let chars = line.trim().chars().count();
        total += chars;
        if chars > WRAPPED_LINE_MAX {
            on_long_lines += chars;
        }
    }
    on_long_lines > 0 && on_long_lines * 2 >= total
}

fn jieba() -> &'static jieba_rs::Jieba {
    static JIEBA: OnceLock<jieba_rs::Jieba> = OnceLock::new();
    JIEBA.get_or_init(jieba_rs::Jieba::new)
}

fn kind_of(s: &str) -> TokenKind {
    let mut digit = false;
    for c in s.chars() {
        if c.is_alphabetic() {
            return TokenKind::Word;
        }
        if c.is_numeric() {
            digit = true;
        }
    }
    if digit {
        TokenKind::Number
    } else {
        TokenKind::Punct
    }
}

/// Roman numerals of two letters or more (`II`, `xiv`) and century ordinals
/// (`XIXe`, `XXème`, `xixème`), which number parts and centuries — and end
/// names (`Louis XIII`, `Horns Rev II`). Single letters (`I`, `V`, `X`) are
/// not counted, nor a lower-case numeral followed by `e` (`vie`).
pub(crate) fn is_roman_numeral(s: &str) -> bool {
    let core_len = s
        .bytes()
        .take_while(|b| matches!(b, b'i' | b'v' | b'x' | b'I' | b'V' | b'X'))
        .count();
    let (core, suffix) = s.split_at(core_len);
    let upper = core.bytes().all(|b| b.is_ascii_uppercase());
    let lower = core.bytes().all(|b| b.is_ascii_lowercase());
    let ordinal = match suffix {
        "" => true,
        "e" | "er" | "st" | "nd" | "rd" => upper,
        "ème" | "eme" | "éme" | "th" => upper || lower,
        _ => false,
    };
    core.len() >= 2
        && (upper || lower)
        && ordinal
        && (1..40).any(|n| core.eq_ignore_ascii_case(&roman(n)))
}

/// `n` (1–39) in Roman numerals, lower case.
fn roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, letters) in [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

/// Tokens of one sentence (`text` is the sentence; spans are relative to it).
pub fn tokenize(text: &str, language: Language) -> Vec<Token<'_>> {
    let mut raw: Vec<Token<'_>> = Vec::new();
    let mut glued = false;
    if language == Language::Zh {
        for t in jieba().cut(text, true) {
            if t.word.chars().all(char::is_whitespace) {
                glued = false;
                continue;
            }
            // jieba keeps runs of Latin letters together, and puts spaces
            // and punctuation in tokens of their own.
            let first_han = t.word.chars().next().is_some_and(is_han);
            raw.push(Token {
                text: t.word,
                span: Span::new(t.byte_start, t.byte_end),
                kind: kind_of(t.word),
                glued: glued || first_han,
            });
            glued = true;
        }
        // A Latin word after a Chinese one is glued; a Chinese word after a
        // space is not (no space is written between Chinese words).
        for i in 0..raw.len() {
            let after_space = i > 0 && raw[i - 1].span.end < raw[i].span.start;
            raw[i].glued = i > 0 && !after_space;
        }
        return merge_hyphens(text, raw);
    }
    for (start, piece) in text.split_word_bound_indices() {
        if piece.chars().all(char::is_whitespace) {
            glued = false;
            continue;
        }
        let kind = kind_of(piece);
        let span = Span::new(start, start + piece.len());
        if kind == TokenKind::Word {
            // Elision: l'éolienne -> l' + éolienne.
            if let Some(pos) = piece.find(is_apostrophe) {
                let prefix = &piece[..pos];
                let apostrophe_len = piece[pos..].chars().next().map_or(1, char::len_utf8);
                let rest = pos + apostrophe_len;
                let folded = prefix.to_lowercase();
                if rest < piece.len() && language.elisions().contains(&folded.as_str()) {
                    raw.push(Token {
                        text: &piece[..rest],
                        span: Span::new(start, start + rest),
                        kind,
                        glued,
                    });
                    raw.push(Token {
                        text: &piece[rest..],
                        span: Span::new(start + rest, span.end),
                        kind: kind_of(&piece[rest..]),
                        glued: true,
                    });
                    glued = true;
                    continue;
                }
                // Possessive: turbine's -> turbine + 's.
                if matches!(language, Language::En | Language::Nl)
                    && pos > 0
                    && piece[rest..].eq_ignore_ascii_case("s")
                {
                    raw.push(Token {
                        text: &piece[..pos],
                        span: Span::new(start, start + pos),
                        kind,
                        glued,
                    });
                    raw.push(Token {
                        text: &piece[pos..],
                        span: Span::new(start + pos, span.end),
                        kind,
                        glued: true,
                    });
                    glued = true;
                    continue;
                }
            }
        }
        raw.push(Token {
            text: piece,
            span,
            kind,
            glued,
        });
        glued = true;
    }
    merge_initials(text, merge_hyphens(text, raw))
}

/// Keeps the period of an initial before a name with it (`J. Peuteman`,
/// `M.M. Kaajan`), so that the name is one candidate.
fn merge_initials<'a>(text: &'a str, mut toks: Vec<Token<'a>>) -> Vec<Token<'a>> {
    let initial = |t: &Token<'_>| {
        t.kind == TokenKind::Word
            && t.text.len() <= 7
            && t.text.split('.').all(|part| {
                let mut chars = part.chars();
                chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
            })
    };
    let mut i = 0;
    while i + 2 < toks.len() {
        let next_is_name = !toks[i + 2].glued
            && toks[i + 2].kind == TokenKind::Word
            && toks[i + 2]
                .text
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
        if initial(&toks[i]) && toks[i + 1].text == "." && toks[i + 1].glued && next_is_name {
            let period = toks.remove(i + 1);
            toks[i].span = Span::new(toks[i].span.start, period.span.end);
            toks[i].text = &text[toks[i].span.range()];
        }
        i += 1;
    }
    toks
}

/// Joins `word-word(-word…)` written without spaces into one token.
fn merge_hyphens<'a>(text: &'a str, raw: Vec<Token<'a>>) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'a>> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let mut tok = raw[i];
        if tok.kind != TokenKind::Punct {
            let mut j = i;
            while j + 2 < raw.len()
                && is_hyphen(raw[j + 1].text)
                && raw[j + 1].glued
                && raw[j + 2].glued
                && raw[j + 2].kind != TokenKind::Punct
            {
                j += 2;
            }
            if j > i {
                let end = raw[j].span.end;
                let joined_kind = if raw[i..=j].iter().any(|t| t.kind == TokenKind::Word) {
                    TokenKind::Word
                } else {
                    TokenKind::Number
                };
                tok = Token {
                    text: &text[tok.span.start..end],
                    span: Span::new(tok.span.start, end),
                    kind: joined_kind,
                    glued: tok.glued,
                };
                i = j;
            }
        }
        out.push(tok);
        i += 1;
    }
    out
}

/// The folded form tokens are counted under: lower case, NFKC, diacritics
/// kept (TermEval compares lower-cased strings with their accents), curly
/// apostrophes and dashes straightened.
pub fn fold_token(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    crate::text::fold_str(s, crate::text::Fold::CASE_ONLY)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, lang: Language) -> Vec<String> {
        tokenize(text, lang)
            .iter()
            .map(|t| {
                let glue = if t.glued { "+" } else { "" };
                format!("{glue}{}", t.text)
            })
            .collect()
    }

    #[test]
    fn tokenizer_table() {
        use Language::*;
        let cases: &[(Language, &str, &[&str])] = &[
            (
                En,
                "The horizontal-axis wind turbine's rotor.",
                &[
                    "The",
                    "horizontal-axis",
                    "wind",
                    "turbine",
                    "+'s",
                    "rotor",
                    "+.",
                ],
            ),
            (
                En,
                "the China-EU Human Rights Dialogue (EEAS)",
                &[
                    "the", "China-EU", "Human", "Rights", "Dialogue", "(", "+EEAS", "+)",
                ],
            ),
            (En, "U.S. 3.5 MW", &["U.S", "+.", "3.5", "MW"]),
            (
                Nl,
                "door J. Peuteman en M.M. Kaajan.",
                &["door", "J.", "Peuteman", "en", "M.M.", "Kaajan", "+."],
            ),
            (
                Fr,
                "l'éolienne d'axe vertical qu'il voit",
                &[
                    "l'",
                    "+éolienne",
                    "d'",
                    "+axe",
                    "vertical",
                    "qu'",
                    "+il",
                    "voit",
                ],
            ),
            (Fr, "aujourd'hui la pale", &["aujourd'hui", "la", "pale"]),
            (
                Nl,
                "de rotorbladen van de windturbine, 's nachts",
                &[
                    "de",
                    "rotorbladen",
                    "van",
                    "de",
                    "windturbine",
                    "+,",
                    "'",
                    "+s",
                    "nachts",
                ],
            ),
            (
                De,
                "Die Windenergieanlage läuft.",
                &["Die", "Windenergieanlage", "läuft", "+."],
            ),
            (
                Es,
                "el aerogenerador de eje horizontal",
                &["el", "aerogenerador", "de", "eje", "horizontal"],
            ),
            (
                Ru,
                "Ветроэнергетическая установка работает.",
                &["Ветроэнергетическая", "установка", "работает", "+."],
            ),
            (
                Zh,
                "欧盟对外行动署副总干事帕姆帕洛尼",
                &[
                    "欧盟",
                    "+对外",
                    "+行动",
                    "+署",
                    "+副总干事",
                    "+帕姆帕",
                    "+洛尼",
                ],
            ),
        ];
        for (lang, text, expected) in cases {
            assert_eq!(
                words(text, *lang),
                *expected,
                "tokenizing {text:?} as {lang}"
            );
        }
    }

    #[test]
    fn roman_numerals_are_numbers() {
        for numeral in [
            "II", "iii", "XIV", "XIXe", "XXème", "xixème", "XXth", "xxxix",
        ] {
            assert!(is_roman_numeral(numeral), "{numeral}");
        }
        // Single letters, words that look like numerals, non-canonical forms.
        for word in [
            "I", "V", "x", "vie", "Vie", "xixe", "IIII", "VX", "XL", "Xi", "ivy", "mix",
        ] {
            assert!(!is_roman_numeral(word), "{word}");
        }
    }

    #[test]
    fn token_kinds() {
        let toks = tokenize("EU 2023 -- report", Language::En);
        let kinds: Vec<TokenKind> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                TokenKind::Word,
                TokenKind::Number,
                TokenKind::Punct,
                TokenKind::Punct,
                TokenKind::Word
            ]
        );
    }

    #[test]
    fn sentences_respect_paragraphs_not_line_wraps() {
        let text = "Wind turbines\nturn. Blades spin!\n\nHeading\n\nNext para";
        let got: Vec<&str> = sentences(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(
            got,
            [
                "Wind turbines\nturn.",
                "Blades spin!",
                "Heading",
                "Next para"
            ]
        );
        let text =
            "He said: \"It turns.\" Then, e.g. the 3.5 MW rotor stops... Why? (It broke.) End";
        let got: Vec<&str> = sentences(text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(
            got,
            [
                "He said: \"It turns.\"",
                "Then, e.g. the 3.5 MW rotor stops...",
                "Why?",
                "(It broke.)",
                "End"
            ]
        );
        // A table of contents: every dot leader ends an entry.
        let toc = "Introduction ..........12 Conclusion\u{2026}\u{2026}38 Annexes";
        let got: Vec<&str> = sentences(toc).iter().map(|s| &toc[s.range()]).collect();
        assert_eq!(
            got,
            [
                "Introduction ..........",
                "12 Conclusion\u{2026}\u{2026}",
                "38 Annexes"
            ]
        );
        // An ellipsis before a lower-case word is no dot leader.
        let text = "He paused.... then went on.";
        assert_eq!(sentences(text).len(), 1);
        // One long line (a URL) does not make hard-wrapped text one
        // paragraph per line.
        let url = format!("https://example.org/{}", "a".repeat(WRAPPED_LINE_MAX));
        let wrapped =
            "A hard-wrapped paragraph keeps its lines under eighty characters\n".repeat(6);
        let text = format!("The wind\nturbine turns.\n{wrapped}{url}\n{wrapped}");
        let got: Vec<&str> = sentences(&text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(got[0], "The wind\nturbine turns.");
        // One paragraph per line: a heading's line break ends it.
        let long = "x".repeat(WRAPPED_LINE_MAX);
        let text = format!("Modélisation du réseau\nLe modèle {long}.\nSuite");
        let got: Vec<&str> = sentences(&text).iter().map(|s| &text[s.range()]).collect();
        assert_eq!(got.len(), 3);
        assert_eq!((got[0], got[2]), ("Modélisation du réseau", "Suite"));
        let zh = "中国和欧盟举行人权对话。双方同意继续合作！";
        let got: Vec<&str> = sentences(zh).iter().map(|s| &zh[s.range()]).collect();
        assert_eq!(got, ["中国和欧盟举行人权对话。", "双方同意继续合作！"]);
    }

    #[test]
    fn languages_parse_by_primary_subtag() {
        assert_eq!(Language::from_tag("zh-Hans-CN"), Ok(Language::Zh));
        assert_eq!(Language::from_tag("EN-us"), Ok(Language::En));
        let err = Language::from_tag("tlh").unwrap_err().to_string();
        assert!(
            err.contains("supported: en, fr, de, es, nl, ru, zh"),
            "{err}"
        );
    }

    #[test]
    fn stop_lists_are_loaded_per_language() {
        assert!(Language::En.stop_words().contains("the"));
        assert!(Language::Fr.stop_words().contains("l"));
        assert!(Language::Nl.stop_words().contains("het"));
        assert!(Language::Zh.stop_words().contains("的"));
        assert!(!Language::En.stop_words().contains("turbine"));
    }
}
