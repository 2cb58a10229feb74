//! gettext PO (and POT) reader.
//!
//! Each entry (`msgctxt`, `msgid`, `msgid_plural`, `msgstr`, `msgstr[N]`)
//! gives one pair, or one pair per `msgstr[N]` when it has plural forms. Pair
//! ids are the 1-based number of the entry, counting neither the header nor
//! obsolete entries, with `#N` appended for plural form `msgstr[N]`; form 0
//! pairs with `msgid` and every other form with `msgid_plural`. A string
//! continued on following lines becomes one text: the quotes, line breaks and
//! indentation between the pieces produce nothing, and escapes (`\n \t \"
//! \\ \r \a \b \f \v \xHH \NNN`) are decoded as atomic runs, so every derived
//! byte maps back into `SourceFile::text`.
//!
//! `#, fuzzy` sets `fuzzy`; obsolete entries (`#~`) are skipped; the header
//! entry (empty `msgid`, no `msgctxt`) is not a pair, and its `Language:`
//! field gives the target language. An empty `msgstr` means "not
//! translated" in gettext, so it gives `target: None`.

use crate::error::{Error, Result};
use crate::input::{Bilingual, PairState, SegmentPair, SourceFile};
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::{MappedText, MappedTextBuilder};

/// Reads a PO file.
pub fn read(file: &SourceFile) -> Result<Bilingual> {
    let mut parser = Parser {
        src: Src {
            file,
            text: &file.text,
        },
        // gettext's convention: msgids are English unless the header (or
        // the configuration) says otherwise.
        out: Bilingual {
            conventional_source: Some("en"),
            ..Bilingual::default()
        },
        entry: Entry::default(),
        field: None,
        pending_fuzzy: false,
        comments_from: None,
        number: 0,
    };
    let text = &file.text;
    let mut start = 0;
    while start < text.len() {
        // Lines end with LF, CRLF or, in old Mac files, a lone CR.
        let end = text[start..]
            .find(['\n', '\r'])
            .map_or(text.len(), |i| start + i);
        parser.line(start, end)?;
        start = if text[end..].starts_with("\r\n") {
            end + 2
        } else {
            end + 1
        };
    }
    parser.finish_field();
    parser.flush()?;
    Ok(parser.out)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keyword {
    Ctxt,
    Id,
    IdPlural,
    Str(Option<usize>),
}

impl Keyword {
    fn name(self) -> String {
        match self {
            Keyword::Ctxt => "msgctxt".into(),
            Keyword::Id => "msgid".into(),
            Keyword::IdPlural => "msgid_plural".into(),
            Keyword::Str(None) => "msgstr".into(),
            Keyword::Str(Some(n)) => format!("msgstr[{n}]"),
        }
    }
}

struct Field {
    keyword: Keyword,
    text: MappedTextBuilder,
}

#[derive(Default)]
struct Entry {
    /// Offset of the entry's first keyword.
    at: Option<usize>,
    ctxt: Option<MappedText>,
    id: Option<MappedText>,
    plural: Option<MappedText>,
    strs: Vec<(Option<usize>, MappedText)>,
    /// A `msgstr` keyword has been seen (its text may still be in `field`).
    has_str: bool,
    fuzzy: bool,
    /// Where the entry starts with the comments above it, and where its
    /// last line ends.
    span: Span,
}

/// The file being read, for strings and errors.
#[derive(Clone, Copy)]
struct Src<'a> {
    file: &'a SourceFile,
    text: &'a str,
}

struct Parser<'a> {
    src: Src<'a>,
    out: Bilingual,
    entry: Entry,
    field: Option<Field>,
    pending_fuzzy: bool,
    /// Where the comments above the next entry start.
    comments_from: Option<usize>,
    /// Pairs' entry numbers so far.
    number: usize,
}

impl Parser<'_> {
    fn error(&self, offset: usize, message: impl Into<String>) -> Error {
        self.src.error(offset, message)
    }

    /// Handles the line `text[start..end]` (without its line break).
    fn line(&mut self, start: usize, end: usize) -> Result<()> {
        let src = self.src;
        let line = &src.text[start..end];
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let at = start + indent;
        let rest = &src.text[at..end];
        if rest.is_empty() {
            self.finish_field();
            if self.entry.has_str {
                self.flush()?;
            }
            return Ok(());
        }
        if let Some(comment) = rest.strip_prefix('#') {
            self.finish_field();
            if self.entry.has_str {
                self.flush()?;
            }
            if self.entry.at.is_none() && self.comments_from.is_none() {
                self.comments_from = Some(start);
            }
            let opener = if comment.starts_with('.') { 2 } else { 1 };
            self.out.comments.push(Comment {
                syntax: CommentSyntax::Hash,
                span: Span::new(at, end),
                body: Span::new(at + opener, end),
            });
            if let Some(flags) = comment.strip_prefix(',') {
                if flags.split(',').any(|f| f.trim() == "fuzzy") {
                    self.pending_fuzzy = true;
                }
            }
            // `#~` obsolete entries, `#|` previous strings, `#:` references,
            // `#.` and `# ` comments carry no pair.
            return Ok(());
        }
        if rest.starts_with('"') {
            let Some(field) = self.field.as_mut() else {
                return Err(src.error(
                    at,
                    "string without a keyword: expected msgid, msgstr or another keyword before it",
                ));
            };
            src.string(at, end, &mut field.text)?;
            self.entry.span.end = end;
            return Ok(());
        }
        let word_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '[' | ']')))
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        let keyword = match word {
            "msgctxt" => Keyword::Ctxt,
            "msgid" => Keyword::Id,
            "msgid_plural" => Keyword::IdPlural,
            "msgstr" => Keyword::Str(None),
            _ => match word
                .strip_prefix("msgstr[")
                .and_then(|n| n.strip_suffix(']'))
                .and_then(|n| n.parse().ok())
            {
                Some(n) => Keyword::Str(Some(n)),
                None => {
                    return Err(self.error(
                        at,
                        format!(
                            "unexpected `{}`: expected msgid, msgstr, a comment or a string",
                            if word.is_empty() {
                                &rest[..rest.chars().next().map_or(0, char::len_utf8)]
                            } else {
                                word
                            }
                        ),
                    ))
                }
            },
        };
        self.finish_field();
        self.keyword(keyword, at)?;
        let after = &rest[word_len..];
        let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
        let quote = at + word_len + spaces;
        if spaces == 0 || !src.text[quote..end].starts_with('"') {
            return Err(self.error(
                quote,
                format!("expected a quoted string after {}", keyword.name()),
            ));
        }
        let mut builder = MappedTextBuilder::new(quote + 1);
        src.string(quote, end, &mut builder)?;
        self.field = Some(Field {
            keyword,
            text: builder,
        });
        self.entry.span.end = end;
        Ok(())
    }

    /// Checks that `keyword` may come here, starting a new entry if needed.
    fn keyword(&mut self, keyword: Keyword, at: usize) -> Result<()> {
        match keyword {
            Keyword::Ctxt | Keyword::Id => {
                if self.entry.has_str {
                    self.flush()?;
                } else if self.entry.id.is_some() {
                    return Err(self.error(
                        at,
                        format!("{} before the msgstr of the previous msgid", keyword.name()),
                    ));
                } else if keyword == Keyword::Ctxt && self.entry.ctxt.is_some() {
                    return Err(self.error(at, "second msgctxt in one entry"));
                }
                if self.entry.at.is_none() {
                    self.entry.at = Some(at);
                    self.entry.fuzzy = std::mem::take(&mut self.pending_fuzzy);
                    self.entry.span.start = self.comments_from.take().unwrap_or(at);
                }
            }
            Keyword::IdPlural => {
                let e = &self.entry;
                if e.id.is_none() || e.has_str || e.plural.is_some() {
                    return Err(self.error(at, "msgid_plural must follow a msgid"));
                }
            }
            Keyword::Str(n) => {
                let e = &self.entry;
                if e.id.is_none() {
                    return Err(self.error(at, format!("{} without a msgid", keyword.name())));
                }
                if e.strs.iter().any(|(m, _)| *m == n) {
                    return Err(self.error(at, format!("second {} in one entry", keyword.name())));
                }
                self.entry.has_str = true;
            }
        }
        Ok(())
    }

    /// Files the text of the field being read into the entry.
    fn finish_field(&mut self) {
        let Some(field) = self.field.take() else {
            return;
        };
        let text = field.text.finish();
        match field.keyword {
            Keyword::Ctxt => self.entry.ctxt = Some(text),
            Keyword::Id => self.entry.id = Some(text),
            Keyword::IdPlural => self.entry.plural = Some(text),
            Keyword::Str(n) => self.entry.strs.push((n, text)),
        }
    }

    /// Turns the finished entry into pairs (or the header) and starts anew.
    fn flush(&mut self) -> Result<()> {
        let entry = std::mem::take(&mut self.entry);
        let Some(start) = entry.at else {
            return Ok(());
        };
        let Some(id) = entry.id else {
            return Err(self.error(start, "msgctxt without msgid"));
        };
        if entry.strs.is_empty() {
            return Err(self.error(start, "msgid without msgstr"));
        }
        if id.text.is_empty() && entry.ctxt.is_none() {
            if self.out.target_lang.is_none() {
                let header = &entry.strs[0].1.text;
                self.out.target_lang = header_field(header, "Language");
                self.out.source_lang = header_field(header, "X-Source-Language");
            }
            return Ok(());
        }
        self.number += 1;
        let plural = entry.plural.is_some();
        for (n, target) in entry.strs {
            let source = match (n, &entry.plural) {
                (Some(k), Some(p)) if k > 0 => p.clone(),
                _ => id.clone(),
            };
            let pair_id = match n {
                Some(k) if plural => format!("{}#{k}", self.number),
                _ => self.number.to_string(),
            };
            self.out.pairs.push(SegmentPair {
                id: pair_id,
                source,
                target: (!target.text.is_empty()).then_some(target),
                state: if entry.fuzzy {
                    PairState::NeedsReview("fuzzy".to_owned())
                } else {
                    PairState::Final
                },
                entry: Some(entry.span),
            });
        }
        Ok(())
    }
}

impl Src<'_> {
    fn error(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::input(self.file.origin(offset), message)
    }

    /// Reads the string whose opening quote is at `quote`, on a line ending
    /// at `end`, into `b`.
    fn string(&self, quote: usize, end: usize, b: &mut MappedTextBuilder) -> Result<()> {
        let text = self.text;
        let mut i = quote + 1;
        b.skip_to(i);
        loop {
            let Some(stop) = text[i..end].find(['"', '\\']).map(|k| i + k) else {
                return Err(self.error(quote, "unterminated string: no closing `\"` on this line"));
            };
            b.copy(&text[i..stop]);
            if text.as_bytes()[stop] == b'"' {
                let after = &text[stop + 1..end];
                let junk = after.len() - after.trim_start_matches([' ', '\t']).len();
                if junk < after.len() {
                    return Err(
                        self.error(stop + 1 + junk, "unexpected text after the closing `\"`")
                    );
                }
                return Ok(());
            }
            i = self.escape(stop, end, quote, b)?;
        }
    }

    /// Decodes the escape sequence at `at` (a backslash) into `b`; returns the
    /// offset after it.
    fn escape(
        &self,
        at: usize,
        end: usize,
        quote: usize,
        b: &mut MappedTextBuilder,
    ) -> Result<usize> {
        let text = self.text;
        let Some(c) = text[at + 1..end].chars().next() else {
            return Err(self.error(quote, "unterminated string: no closing `\"` on this line"));
        };
        let simple = match c {
            'n' => Some("\n"),
            't' => Some("\t"),
            'r' => Some("\r"),
            '"' => Some("\""),
            '\\' => Some("\\"),
            '\'' => Some("'"),
            '?' => Some("?"),
            'a' => Some("\u{7}"),
            'b' => Some("\u{8}"),
            'f' => Some("\u{c}"),
            'v' => Some("\u{b}"),
            _ => None,
        };
        if let Some(s) = simple {
            b.replace(2, s);
            return Ok(at + 2);
        }
        let Some((first, len)) = self.byte_escape(at, end)? else {
            return Err(self.error(at, format!("unknown escape sequence `\\{c}`")));
        };
        if first < 0x80 {
            b.replace(len, char::from(first).encode_utf8(&mut [0; 4]));
            return Ok(at + len);
        }
        // Bytes of a UTF-8 sequence written as escapes: `\xE4\xB8\xAD`.
        let need = match first {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => 0,
        };
        let mut bytes = vec![first];
        let mut next = at + len;
        while bytes.len() < need {
            match self.byte_escape(next, end)? {
                Some((byte, l)) if text.as_bytes()[next] == b'\\' => {
                    bytes.push(byte);
                    next += l;
                }
                _ => break,
            }
        }
        match std::str::from_utf8(&bytes) {
            Ok(s) => {
                b.replace(next - at, s);
                Ok(next)
            }
            Err(_) => Err(self.error(at, "escape sequences that are not valid UTF-8")),
        }
    }

    /// A `\xHH` or `\NNN` escape at `at`: its byte value and length.
    fn byte_escape(&self, at: usize, end: usize) -> Result<Option<(u8, usize)>> {
        let bytes = &self.text.as_bytes()[at..end];
        if bytes.first() != Some(&b'\\') {
            return Ok(None);
        }
        match bytes.get(1) {
            Some(b'x') => {
                // Like gettext (and C), `\x` takes every hex digit after it.
                let digits = bytes[2..]
                    .iter()
                    .take_while(|b| b.is_ascii_hexdigit())
                    .count();
                if digits == 0 {
                    return Err(self.error(at, "`\\x` without hexadecimal digits"));
                }
                let s = &self.text[at + 2..at + 2 + digits];
                let v = u32::from_str_radix(s, 16)
                    .ok()
                    .and_then(|v| u8::try_from(v).ok())
                    .ok_or_else(|| self.error(at, "hexadecimal escape above \\xFF"))?;
                Ok(Some((v, 2 + digits)))
            }
            Some(b'0'..=b'7') => {
                let digits = bytes[1..]
                    .iter()
                    .take(3)
                    .take_while(|b| (b'0'..=b'7').contains(b))
                    .count();
                let s = &self.text[at + 1..at + 1 + digits];
                let v = u32::from_str_radix(s, 8).expect("octal digits");
                let v = u8::try_from(v).map_err(|_| self.error(at, "octal escape above \\377"))?;
                Ok(Some((v, 1 + digits)))
            }
            _ => Ok(None),
        }
    }
}

/// The `Language:` field of a PO header, if not empty.
/// The value of a header field (`Language: fr`), if set.
fn header_field(header: &str, name: &str) -> Option<String> {
    header.lines().find_map(|line| {
        let value = line.trim().strip_prefix(name)?.strip_prefix(':')?.trim();
        (!value.is_empty()).then(|| value.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{check_maps, file, ids, original, pair, target};
    use crate::span::Span;
    use proptest::prelude::{Just, Strategy};

    const PO: &str = r#"# Translator comment
#, fuzzy
msgid ""
msgstr ""
"Project-Id-Version: x\n"
"Language: zh_CN\n"
"Plural-Forms: nplurals=1; plural=0;\n"

#: src/a.c:1
#. extracted
msgid "Tibet Autonomous Region"
msgstr "西藏自治区"

#, c-format, fuzzy
msgctxt "menu"
msgid ""
"Xinjiang "
"Uygur"
msgstr ""
"新疆"
"维吾尔"

#| msgid "old"
msgid "Tab\tand \"quote\" \\ back\nslash"
msgstr "制表\t\x41\101\344\270\255"

msgid "%d region"
msgid_plural "%d regions"
msgstr[0] "%d 个地区"
msgstr[1] ""

msgid "Untranslated"
msgstr ""

#~ msgid "Obsolete"
#~ msgstr "过时"

msgid "Last"
msgstr "最后""#;

    #[test]
    fn entries_plurals_and_flags() {
        let f = file("a.po", PO);
        let b = read(&f).unwrap();
        assert_eq!(b.source_lang, None);
        assert_eq!(b.target_lang.as_deref(), Some("zh_CN"));
        assert_eq!(ids(&b), ["1", "2", "3", "4#0", "4#1", "5", "6"]);
        let cases: &[(&str, &str, &str, bool)] = &[
            ("1", "Tibet Autonomous Region", "西藏自治区", false),
            ("2", "Xinjiang Uygur", "新疆维吾尔", true),
            (
                "3",
                "Tab\tand \"quote\" \\ back\nslash",
                "制表\tAA中",
                false,
            ),
            ("4#0", "%d region", "%d 个地区", false),
            ("4#1", "%d regions", "<none>", false),
            ("5", "Untranslated", "<none>", false),
            ("6", "Last", "最后", false),
        ];
        for (id, source, want, fuzzy) in cases {
            let p = pair(&b, id);
            assert_eq!(p.source.text, *source, "{id}");
            assert_eq!(target(p), *want, "{id}");
            assert_eq!(matches!(p.state, PairState::NeedsReview(_)), *fuzzy, "{id}");
        }
        check_maps(&f, &b);
    }

    #[test]
    fn spans_map_to_exact_original_bytes() {
        let f = file("a.po", PO);
        let b = read(&f).unwrap();
        let p = pair(&b, "2");
        // A term split over two continued strings spans the quotes between.
        assert_eq!(
            original(&f, &p.source, "Xinjiang Uygur"),
            "Xinjiang \"\n\"Uygur"
        );
        assert_eq!(
            original(&f, p.target.as_ref().unwrap(), "新疆维吾尔"),
            "新疆\"\n\"维吾尔"
        );
        assert_eq!(original(&f, p.target.as_ref().unwrap(), "维吾尔"), "维吾尔");
        let p = pair(&b, "3");
        assert_eq!(original(&f, &p.source, "\"quote\""), "\\\"quote\\\"");
        assert_eq!(original(&f, &p.source, "\n"), "\\n");
        let t = p.target.as_ref().unwrap();
        assert_eq!(original(&f, t, "\t"), "\\t");
        assert_eq!(original(&f, t, "AA"), "\\x41\\101");
        assert_eq!(original(&f, t, "中"), "\\344\\270\\255");
    }

    #[test]
    fn crlf_and_cr_only_input() {
        // CR-only files (old Mac line ends) were rejected at 1:9.
        for eol in ["\r\n", "\r"] {
            let text = format!(
                "msgid \"\"{eol}msgstr \"Language: fr\\n\"{eol}{eol}#, fuzzy{eol}msgid \"Tibet\"{eol}msgstr \"\"{eol}\"Xizang\"{eol}"
            );
            let f = file("c.po", &text);
            let b = read(&f).unwrap();
            assert_eq!(b.target_lang.as_deref(), Some("fr"));
            assert_eq!(ids(&b), ["1"]);
            let p = pair(&b, "1");
            assert_eq!(p.state, PairState::NeedsReview("fuzzy".into()));
            assert_eq!(target(p), "Xizang");
            assert_eq!(original(&f, p.target.as_ref().unwrap(), "Xizang"), "Xizang");
            check_maps(&f, &b);
        }
    }

    #[test]
    fn bad_input_is_positioned() {
        let cases: &[(&str, &str)] = &[
            ("msgid \"a\"\nmsgstr \"b\n", "x.po:2:8: unterminated string"),
            (
                "msgid \"a\"\nmsgstr \"b\\\"\n",
                "x.po:2:8: unterminated string",
            ),
            (
                "msgid \"a\"\nmsgstr \"\"\n  \"abc\n",
                "x.po:3:3: unterminated string",
            ),
            (
                "msgid \"a\"\nmsgstr \"b\\q\"\n",
                "x.po:2:10: unknown escape sequence `\\q`",
            ),
            (
                "msgid \"a\"\nmsgstr \"b\" x\n",
                "x.po:2:12: unexpected text after the closing `\"`",
            ),
            (
                "msgid \"a\"\nmsgstr\n",
                "x.po:2:7: expected a quoted string after msgstr",
            ),
            ("\n\"orphan\"\n", "x.po:2:1: string without a keyword"),
            (
                "msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"\n",
                "x.po:2:1: msgid before the msgstr of the previous msgid",
            ),
            ("\nmsgid \"a\"\n\n", "x.po:2:1: msgid without msgstr"),
            ("msgstr \"a\"\n", "x.po:1:1: msgstr without a msgid"),
            (
                "msgid \"a\"\nmsgstr \"b\"\nmsgid_plural \"c\"\n",
                "x.po:3:1: msgid_plural must follow a msgid",
            ),
            (
                "msgid \"a\"\n  msgstrx \"b\"\n",
                "x.po:2:3: unexpected `msgstrx`",
            ),
            (
                "msgid \"a\"\nmsgstr[0] \"b\"\nmsgstr[0] \"c\"\n",
                "x.po:3:1: second msgstr[0] in one entry",
            ),
            (
                "msgid \"a\"\nmsgstr \"\\xC3\"\n",
                "x.po:2:9: escape sequences that are not valid UTF-8",
            ),
            (
                "msgid \"a\"\nmsgstr \"\\x\"\n",
                "x.po:2:9: `\\x` without hexadecimal digits",
            ),
            (
                "msgid \"a\"\nmsgstr \"\\x41a\"\n",
                "x.po:2:9: hexadecimal escape above \\xFF",
            ),
            (
                "msgid \"a\"\nmsgstr \"\\477\"\n",
                "x.po:2:9: octal escape above \\377",
            ),
        ];
        for (input, want) in cases {
            let err = read(&file("x.po", input)).unwrap_err();
            assert!(
                err.to_string().starts_with(want),
                "{input:?}\n got: {err}\nwant: {want}"
            );
        }
    }

    proptest::proptest! {
        /// Pieces of a PO string (verbatim text, escapes, and breaks between
        /// continued strings) decode as expected, and every piece that yields
        /// text maps back to exactly its original bytes.
        #[test]
        fn every_decoded_piece_maps_to_its_original_bytes(
            pieces in proptest::collection::vec(
                proptest::prop_oneof![
                    // No hex digits: they would continue a `\\x41` before them.
                    "[g-zG-Z 西藏é#]{1,6}".prop_map(|t| (t.clone(), t)),
                    proptest::prop_oneof![
                        Just(("\\n", "\n")),
                        Just(("\\t", "\t")),
                        Just(("\\\"", "\"")),
                        Just(("\\\\", "\\")),
                        Just(("\\x41", "A")),
                        Just(("\\101", "A")),
                        Just(("\\344\\270\\255", "中")),
                    ]
                    .prop_map(|(r, d)| (r.to_owned(), d.to_owned())),
                    proptest::prop_oneof![Just("\"\n\""), Just("\"\r\n  \"")]
                        .prop_map(|r| (r.to_owned(), String::new())),
                ],
                0..12,
            ),
        ) {
            let mut raw = String::from("msgid \"x\"\nmsgstr \"");
            let mut want = String::new();
            let mut expected = Vec::new();
            for (r, d) in &pieces {
                if !d.is_empty() {
                    expected.push((
                        Span::new(want.len(), want.len() + d.len()),
                        Span::new(raw.len(), raw.len() + r.len()),
                    ));
                }
                raw.push_str(r);
                want.push_str(d);
            }
            raw.push_str("\"\n");
            let f = file("p.po", &raw);
            let b = read(&f).unwrap();
            let t = b.pairs[0].target.as_ref();
            proptest::prop_assert_eq!(t.map_or("", |t| t.text.as_str()), want.as_str());
            if let Some(t) = t {
                for (derived, original) in &expected {
                    proptest::prop_assert_eq!(t.source_span(*derived), *original);
                }
            }
            check_maps(&f, &b);
        }
    }
}
