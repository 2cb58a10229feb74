//! YAML message catalogues (Rails i18n, Symfony translations, many static
//! site generators): string values by key path; keys, comments and
//! non-string values are never prose.
//!
//! The YAML parser (`crate::yaml::scalars`) gives every scalar decoded,
//! with its style, key path and where it starts. The reader then walks each
//! scalar's raw bytes alongside its decoded value so that every derived
//! byte maps back into `SourceFile::text`: characters copied as they stand,
//! a double-quoted escape or a single-quoted `''` as one atomic run, and a
//! run of white space holding a line break (folded into a space, kept as a
//! line break, or stripped as indentation) as one run too. A value the walk
//! cannot follow is an error at its position rather than a segment whose
//! findings would point at the wrong bytes.
//!
//! Segment ids are the key paths joined by `.` (`date.formats.short`,
//! sequence items by index). A Rails file nests everything under one
//! top-level locale key (`fr:`); that key is the file's declared language
//! and is left out of the ids, so that `en.yml` and `fr.yml` pair by key.
//!
//! Plain scalars YAML 1.1 resolves to something other than a string (null,
//! booleans such as `yes`, numbers), Ruby symbols (`:day`) and scalars
//! tagged other than `!!str` are values a program reads, not prose. `#`
//! comments (outside every scalar) are reported for suppressions.

use crate::error::{Error, Result};
use crate::input::{Prose, Segment, SourceFile};
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::{MappedText, MappedTextBuilder};
use crate::yaml::{Scalar, ScalarStyle};

/// Reads a YAML catalogue's string values.
pub fn read(file: &SourceFile) -> Result<Prose> {
    let text = file.text.as_str();
    let scalars = crate::yaml::scalars(text)
        .map_err(|(at, message)| Error::input(file.origin(at), format!("YAML: {message}")))?;
    let locale_root = locale_root(&scalars);
    let mut segments = Vec::new();
    // Where each scalar's raw text lies, for telling comments apart.
    let mut extents = Vec::with_capacity(scalars.len());
    let mut key_start = None;
    for scalar in &scalars {
        let decoded = decode(text, scalar);
        let extent = match &decoded {
            Some((_, end)) => Span::new(scalar.start, *end),
            None => Span::new(scalar.start, scalar.bound),
        };
        extents.push(extent);
        if scalar.is_key {
            key_start = Some(scalar.start);
            continue;
        }
        let entry_start = key_start.take().unwrap_or(scalar.start);
        if !is_prose(scalar) {
            continue;
        }
        let Some((mapped, end)) = decoded else {
            return Err(Error::input(
                file.origin(scalar.start),
                "cannot follow this value's escapes and line breaks back to its bytes",
            ));
        };
        let path = match locale_root {
            Some(_) => &scalar.path[1..],
            None => &scalar.path[..],
        };
        segments.push(Segment {
            id: Some(path.join(".")),
            text: mapped,
            entry: Some(Span::new(entry_start, end)),
        });
    }
    Ok(Prose {
        segments,
        language: None,
        comments: comments(text, &extents),
    })
}

/// The language a Rails catalogue declares with its one top-level key
/// (`fr:`, `"pt-BR":`), read line by line from `head` (which may be cut
/// off): exactly one key at column 0, and that key a locale.
pub fn declared_locale(head: &str) -> Option<String> {
    let mut found = None;
    for line in head.lines() {
        let first = line.bytes().next();
        let skip = match first {
            None | Some(b' ' | b'\t' | b'#' | b'%' | b'-') => true,
            _ => line.starts_with("...") || line.trim().is_empty(),
        };
        if skip {
            continue;
        }
        let (key, rest) = line.split_once(':')?;
        let key = key.trim_matches(|c| c == '"' || c == '\'');
        let rest = rest.trim();
        if !(rest.is_empty() || rest.starts_with('#')) {
            return None;
        }
        crate::lang::resource_locale(key)?;
        if found.replace(key.to_owned()).is_some() {
            return None;
        }
    }
    found
}

/// Whether the document is one mapping whose only key is a locale with a
/// mapping under it: the Rails layout, whose root key the ids leave out.
fn locale_root(scalars: &[Scalar]) -> Option<&str> {
    let mut top = scalars.iter().filter(|s| s.is_key && s.path.is_empty());
    let root = top.next()?;
    let nested = scalars.iter().any(|s| s.path.len() > 1);
    (top.next().is_none() && nested && crate::lang::resource_locale(&root.value).is_some())
        .then_some(root.value.as_str())
}

/// Whether a value scalar is text to check.
fn is_prose(scalar: &Scalar) -> bool {
    if scalar.value.trim().is_empty() {
        return false;
    }
    match scalar.tag.as_deref() {
        Some("str") => return true,
        Some(_) => return false,
        None => {}
    }
    scalar.style != ScalarStyle::Plain || !resolves_to_non_string(&scalar.value)
}

/// What YAML 1.1 (Psych, the parser Rails uses) and 1.2 read as null, a
/// boolean or a number rather than a string, and Ruby symbols (`:day`).
fn resolves_to_non_string(value: &str) -> bool {
    const WORDS: &[&str] = &[
        "~", "null", "true", "false", "yes", "no", "on", "off", ".inf", "-.inf", "+.inf", ".nan",
    ];
    if WORDS.iter().any(|w| value.eq_ignore_ascii_case(w)) {
        return true;
    }
    if let Some(symbol) = value.strip_prefix(':') {
        if !symbol.is_empty()
            && symbol
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return true;
        }
    }
    let number = value.replace('_', "");
    let unsigned = number.trim_start_matches(['+', '-']);
    let radix = |prefix: &str| {
        let digits = unsigned.strip_prefix(prefix)?;
        let radix = match prefix {
            "0x" => 16,
            "0o" => 8,
            _ => 2,
        };
        u64::from_str_radix(digits, radix).ok()
    };
    (unsigned.parse::<f64>().is_ok()
        && unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.'))
        || ["0x", "0o", "0b"].iter().any(|p| radix(p).is_some())
}

/// The scalar's value mapped into `text`, and where its raw text ends
/// (after a closing quote); `None` when the raw bytes do not give the value
/// by the rules this walk knows.
fn decode(text: &str, scalar: &Scalar) -> Option<(MappedText, usize)> {
    let bytes = text.as_bytes();
    let mut i = scalar.start;
    let quoted = matches!(
        scalar.style,
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted
    );
    if quoted {
        i += 1;
    } else if matches!(scalar.style, ScalarStyle::Literal | ScalarStyle::Folded)
        && matches!(bytes.get(i), Some(b'|' | b'>'))
    {
        // The parser may mark a block scalar at its header: its content
        // starts on the next line.
        i += text[i..].find('\n')? + 1;
    }
    let bound = scalar.bound.min(text.len());
    let value = scalar.value.as_str();
    let mut b = MappedTextBuilder::with_capacity(i, value.len());
    let mut j = 0;
    while j < value.len() {
        if i >= bound {
            return None;
        }
        let raw = &text[i..bound];
        let rc = raw.chars().next()?;
        let vc = value[j..].chars().next()?;
        if scalar.style == ScalarStyle::DoubleQuoted && rc == '\\' {
            let (len, decoded) = double_quoted_escape(raw)?;
            if !value[j..].starts_with(decoded.as_str()) {
                return None;
            }
            b.replace(len, &decoded);
            i += len;
            j += decoded.len();
            continue;
        }
        if scalar.style == ScalarStyle::SingleQuoted && raw.starts_with("''") {
            if vc != '\'' {
                return None;
            }
            b.replace(2, "'");
            i += 2;
            j += 1;
            continue;
        }
        if matches!(rc, ' ' | '\t' | '\r' | '\n') {
            let raw_run = raw.len() - raw.trim_start_matches([' ', '\t', '\r', '\n']).len();
            if raw[..raw_run].contains('\n') {
                let rest = &value[j..];
                let value_run = rest.len() - rest.trim_start_matches([' ', '\t', '\n']).len();
                // A block scalar's final line break ends its extent: the
                // next line's indentation belongs to what follows.
                let raw_run = if value_run == rest.len() {
                    raw[..raw_run].rfind('\n').map_or(raw_run, |k| k + 1)
                } else {
                    raw_run
                };
                b.replace(raw_run, &rest[..value_run]);
                i += raw_run;
                j += value_run;
                continue;
            }
        }
        if rc != vc {
            return None;
        }
        b.copy(&raw[..rc.len_utf8()]);
        i += rc.len_utf8();
        j += vc.len_utf8();
    }
    let mut end = i;
    if quoted {
        // Folded white space before the closing quote decodes to nothing.
        let rest = &text[i..bound];
        let blank = rest.len() - rest.trim_start_matches([' ', '\t', '\r', '\n']).len();
        let quote = if scalar.style == ScalarStyle::DoubleQuoted {
            '"'
        } else {
            '\''
        };
        if !rest[blank..].starts_with(quote) {
            return None;
        }
        end = i + blank + 1;
    }
    Some((b.finish(), end))
}

/// The escape at the start of `raw` (a backslash) inside a double-quoted
/// scalar (YAML 1.2 §5.7): its raw length and what it decodes to. An
/// escaped line break with the next line's indentation decodes to nothing.
fn double_quoted_escape(raw: &str) -> Option<(usize, String)> {
    let c = raw[1..].chars().next()?;
    let simple = match c {
        '0' => "\0",
        'a' => "\u{7}",
        'b' => "\u{8}",
        't' | '\t' => "\t",
        'n' => "\n",
        'v' => "\u{b}",
        'f' => "\u{c}",
        'r' => "\r",
        'e' => "\u{1b}",
        ' ' => " ",
        '"' => "\"",
        '/' => "/",
        '\\' => "\\",
        'N' => "\u{85}",
        '_' => "\u{a0}",
        'L' => "\u{2028}",
        'P' => "\u{2029}",
        '\r' | '\n' => {
            let after = &raw[1..];
            let after = after
                .strip_prefix("\r\n")
                .or_else(|| after.strip_prefix(['\r', '\n']))?;
            let indent = after.len() - after.trim_start_matches([' ', '\t']).len();
            return Some((raw.len() - after.len() + indent, String::new()));
        }
        'x' | 'u' | 'U' => {
            let digits = match c {
                'x' => 2,
                'u' => 4,
                _ => 8,
            };
            let hex = raw.get(2..2 + digits)?;
            let code = u32::from_str_radix(hex, 16).ok()?;
            return Some((2 + digits, char::from_u32(code)?.to_string()));
        }
        _ => return None,
    };
    Some((1 + c.len_utf8(), simple.to_owned()))
}

/// The `#` comments of `text` outside the scalars' `extents` (in document
/// order): a `#` at a line's start or after white space.
fn comments(text: &str, extents: &[Span]) -> Vec<Comment> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut next_extent = 0;
    let mut at = 0;
    while let Some(k) = text[at..].find('#') {
        let hash = at + k;
        while next_extent < extents.len() && extents[next_extent].end <= hash {
            next_extent += 1;
        }
        let inside = extents[next_extent..]
            .iter()
            .take_while(|e| e.start <= hash)
            .any(|e| e.start <= hash && hash < e.end);
        let after_space = hash == 0 || matches!(bytes[hash - 1], b' ' | b'\t' | b'\n' | b'\r');
        if inside || !after_space {
            at = hash + 1;
            continue;
        }
        let comment = Comment::to_line_end(CommentSyntax::Hash, text, hash, 1);
        at = comment.span.end.max(hash + 1);
        out.push(comment);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::file;

    fn read_str(text: &str) -> Prose {
        read(&file("fr.yml", text)).unwrap()
    }

    /// Each segment's id and text, after checking that every copied byte
    /// maps onto the same byte of the file.
    fn ids_and_texts(text: &str) -> Vec<(String, String)> {
        let prose = read_str(text);
        prose
            .segments
            .iter()
            .map(|s| {
                assert_exact_where_copied(text, &s.text);
                (s.id.clone().unwrap(), s.text.text.clone())
            })
            .collect()
    }

    /// Every character of the derived text that maps to a span of its own
    /// length maps onto itself.
    fn assert_exact_where_copied(raw: &str, mapped: &MappedText) {
        for (k, c) in mapped.text.char_indices() {
            let span = mapped.source_span(Span::new(k, k + c.len_utf8()));
            assert!(span.end <= raw.len() && span.start <= span.end);
            if span.len() == c.len_utf8() && !c.is_whitespace() {
                assert_eq!(&raw[span.start..span.end], c.to_string(), "{raw:?} at {k}");
            }
        }
    }

    #[test]
    fn rails_catalogue_values_by_key_path_without_the_locale() {
        let text = "# Macau in a comment\nfr:\n  macau_title: Macau et Taïwan\n  date:\n    formats:\n      short: \"%d %b\"\n    order:\n    - :day\n    - :month\n  count: 3\n  enabled: yes\n  none: ~\n  items:\n  - un\n  - 'deux'\n";
        assert_eq!(
            ids_and_texts(text),
            [
                ("macau_title".into(), "Macau et Taïwan".into()),
                ("date.formats.short".into(), "%d %b".into()),
                ("items.0".into(), "un".into()),
                ("items.1".into(), "deux".into()),
            ]
        );
        assert_eq!(declared_locale(text).as_deref(), Some("fr"));
        let prose = read_str(text);
        assert_eq!(prose.comments.len(), 1);
        assert_eq!(
            &text[prose.comments[0].body.start..prose.comments[0].body.end],
            " Macau in a comment"
        );
    }

    #[test]
    fn a_file_without_a_locale_root_keeps_every_key() {
        let text = "title: Macau\nfr: Français\n";
        assert_eq!(
            ids_and_texts(text),
            [
                ("title".into(), "Macau".into()),
                ("fr".into(), "Français".into())
            ]
        );
        assert_eq!(declared_locale(text), None);
        assert_eq!(declared_locale("app:\n  a: b\n"), None);
        assert_eq!(
            declared_locale("---\n\"pt-BR\":\n  a: b\n"),
            Some("pt-BR".into())
        );
    }

    #[test]
    fn escapes_quotes_and_folds_map_to_their_bytes() {
        let text = concat!(
            "en:\n",
            "  dq: \"Say \\\"Macau\\\"\\tnow \\u00e9t\\xe9 \\U0001F600 end\"\n",
            "  sq: 'It''s Macau'\n",
            "  folded_dq: \"first line\n    second line\n\n    after blank\"\n",
            "  escaped_break: \"one \\\n    two\"\n",
            "  plain: many words\n    on two lines\n",
            "  literal: |\n    Line one\n      indented\n    Line three\n",
            "  folded: >-\n    Folded one\n    folded two\n",
            "  hash: \"not # a comment\" # but this is\n",
            "  url: http://example.com/#anchor\n",
        );
        let got = ids_and_texts(text);
        let want: Vec<(String, String)> = [
            ("dq", "Say \"Macau\"\tnow été 😀 end"),
            ("sq", "It's Macau"),
            ("folded_dq", "first line second line\nafter blank"),
            ("escaped_break", "one two"),
            ("plain", "many words on two lines"),
            ("literal", "Line one\n  indented\nLine three\n"),
            ("folded", "Folded one folded two"),
            ("hash", "not # a comment"),
            ("url", "http://example.com/#anchor"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
        assert_eq!(got, want);
        let prose = read_str(text);
        let bodies: Vec<&str> = prose
            .comments
            .iter()
            .map(|c| &text[c.body.start..c.body.end])
            .collect();
        assert_eq!(bodies, [" but this is"]);
        // Entries do not overlap: a block's extent ends with its last line
        // break, not in the next key's indentation.
        for pair in prose.segments.windows(2) {
            let (a, b) = (pair[0].entry.unwrap(), pair[1].entry.unwrap());
            assert!(
                a.end <= b.start,
                "{:?} overlaps {:?}",
                pair[0].id,
                pair[1].id
            );
        }
        // An occurrence maps to exactly its bytes, inside escapes' reach.
        let dq = &prose.segments[0].text;
        let k = dq.text.find("Macau").unwrap();
        let span = dq.source_span(Span::new(k, k + 5));
        assert_eq!(&text[span.start..span.end], "Macau");
        let sq = &prose.segments[1].text;
        let k = sq.text.find("Macau").unwrap();
        let span = sq.source_span(Span::new(k, k + 5));
        assert_eq!(&text[span.start..span.end], "Macau");
    }

    #[test]
    fn tags_and_keys_decide_what_is_prose() {
        let text = "a: !!str 1234\nb: !!int 5\n\"quoted key\": value here\n? complex key\n: complex value\nc: \"\"\n";
        assert_eq!(
            ids_and_texts(text),
            [
                ("a".into(), "1234".into()),
                ("quoted key".into(), "value here".into()),
                ("complex key".into(), "complex value".into()),
            ]
        );
    }

    #[test]
    fn numbers_and_words_yaml_reads_as_data() {
        for data in [
            "12", "-3.5", "1_000", "0x1F", "0o17", ".inf", "NULL", "Yes", "off", ":month",
        ] {
            assert!(resolves_to_non_string(data), "{data}");
        }
        for prose in [
            "Macau",
            "nan bread",
            "12 apples",
            ":-)",
            "no way",
            "infinity",
        ] {
            assert!(!resolves_to_non_string(prose), "{prose}");
        }
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = read(&file("bad.yml", "fr:\n  a: \"open\n  b: [x\n")).unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("bad.yml:"), "{message}");
        assert!(message.contains("YAML"), "{message}");
    }
}
