//! iOS and macOS `.strings` files (`"key" = "value";`): only values are
//! prose, keys never.
//!
//! The grammar is that of the old-style property list these files are:
//! entries `KEY = VALUE;` where each side is a quoted string or a bare word
//! (letters, digits and `_ $ + / : . -`), separated by white space and
//! comments (`/* … */` and `//` to the end of the line, reported for
//! suppressions). Quoted strings may span lines; their escapes (`\"`, `\\`,
//! `\n`, `\t`, `\r`, `\'`, `\a \b \f \v`, `\UXXXX` or `\uXXXX` with a
//! surrogate pair as two escapes, and octal `\NNN`) are decoded as atomic
//! runs, so every derived byte maps back into `SourceFile::text`; an
//! unknown escape or an unterminated string is an error with
//! file:line:column. Files are often UTF-16 with a byte-order mark, which
//! `SourceFile` decodes (and `--fix` writes back) before and after this
//! reader.
//!
//! Each non-empty quoted value is one segment whose id is its key; a bare
//! word value (`key = value;`, rare) holds no space and is not prose.

use crate::error::{Error, Result};
use crate::input::escape;
use crate::input::{Prose, Segment, SourceFile};
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::{MappedText, MappedTextBuilder};

/// Reads a `.strings` file's values.
pub fn read(file: &SourceFile) -> Result<Prose> {
    let mut p = Parser {
        file,
        text: &file.text,
        pos: 0,
        comments: Vec::new(),
    };
    let mut segments = Vec::new();
    loop {
        p.space()?;
        let start = p.pos;
        if start == p.text.len() {
            break;
        }
        let (key, _) = p.token("a key")?;
        p.space()?;
        if p.peek() != Some(b'=') {
            return Err(p.error(p.pos, "expected `=` after the key"));
        }
        p.pos += 1;
        p.space()?;
        let (value, quoted) = p.token("a value")?;
        p.space()?;
        if p.peek() != Some(b';') {
            return Err(p.error(p.pos, "expected `;` after the value"));
        }
        p.pos += 1;
        // A bare word cannot hold a space, so it is no prose, and a fix
        // could not write a term of two words into it.
        if quoted && !value.text.is_empty() {
            segments.push(Segment {
                id: Some(key.text),
                text: value,
                entry: Some(Span::new(start, p.pos)),
            });
        }
    }
    Ok(Prose {
        segments,
        language: None,
        comments: p.comments,
    })
}

struct Parser<'a> {
    file: &'a SourceFile,
    text: &'a str,
    pos: usize,
    comments: Vec<Comment>,
}

fn is_bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"_$+/:.-".contains(&b)
}

impl Parser<'_> {
    fn error(&self, at: usize, message: impl Into<String>) -> Error {
        Error::input(self.file.origin(at), message)
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Skips white space and comments, recording the comments.
    fn space(&mut self) -> Result<()> {
        loop {
            let rest = &self.text[self.pos..];
            let blank = rest.len() - rest.trim_start().len();
            self.pos += blank;
            let at = self.pos;
            if self.text[at..].starts_with("//") {
                let c = Comment::to_line_end(CommentSyntax::Slashes, self.text, at, 2);
                self.pos = c.span.end;
                self.comments.push(c);
            } else if self.text[at..].starts_with("/*") {
                let Some(k) = self.text[at + 2..].find("*/") else {
                    return Err(self.error(at, "unterminated comment: no closing `*/`"));
                };
                let body_end = at + 2 + k;
                self.pos = body_end + 2;
                self.comments.push(Comment {
                    syntax: CommentSyntax::SlashStar,
                    span: Span::new(at, self.pos),
                    body: Span::new(at + 2, body_end),
                });
            } else {
                return Ok(());
            }
        }
    }

    /// A quoted string or a bare word at the current position, and
    /// whether it was quoted.
    fn token(&mut self, what: &str) -> Result<(MappedText, bool)> {
        let at = self.pos;
        let bytes = self.text.as_bytes();
        match self.peek() {
            Some(b'"') => Ok((self.quoted()?, true)),
            Some(b) if is_bare(b) => {
                let len = bytes[at..].iter().take_while(|&&b| is_bare(b)).count();
                self.pos += len;
                let word = MappedText::borrowed(self.text, Span::new(at, at + len));
                Ok((word, false))
            }
            Some(_) => {
                let found = self.text[at..].chars().next().unwrap_or(' ');
                Err(self.error(at, format!("unexpected `{found}`: expected {what}")))
            }
            None => Err(self.error(at, format!("unexpected end of file: expected {what}"))),
        }
    }

    fn quoted(&mut self) -> Result<MappedText> {
        let quote = self.pos;
        let text = self.text;
        let bytes = text.as_bytes();
        let mut b = MappedTextBuilder::new(quote + 1);
        let mut i = quote + 1;
        loop {
            let Some(stop) = bytes[i..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\')
                .map(|k| i + k)
            else {
                return Err(self.error(quote, "unterminated string: no closing `\"`"));
            };
            b.copy(&text[i..stop]);
            if bytes[stop] == b'"' {
                self.pos = stop + 1;
                return Ok(b.finish());
            }
            i = self.escape(stop, &mut b)?;
        }
    }

    /// Decodes the escape whose backslash is at `at` into `b`; returns the
    /// offset after it.
    fn escape(&self, at: usize, b: &mut MappedTextBuilder) -> Result<usize> {
        let text = self.text;
        let Some(c) = text[at + 1..].chars().next() else {
            return Err(self.error(at, "unterminated string: no closing `\"`"));
        };
        let simple = match c {
            '"' => "\"",
            '\\' => "\\",
            '\'' => "'",
            'n' => "\n",
            't' => "\t",
            'r' => "\r",
            'a' => "\u{7}",
            'b' => "\u{8}",
            'f' => "\u{c}",
            'v' => "\u{b}",
            'U' | 'u' => {
                let (decoded, len) = self.unicode_escape(at)?;
                b.replace(len, decoded.encode_utf8(&mut [0; 4]));
                return Ok(at + len);
            }
            '0'..='7' => {
                let digits = text[at + 1..]
                    .bytes()
                    .take(3)
                    .take_while(|d| (b'0'..=b'7').contains(d))
                    .count();
                let code =
                    u32::from_str_radix(&text[at + 1..at + 1 + digits], 8).expect("octal digits");
                let decoded = char::from_u32(code).expect("at most 0o777");
                b.replace(1 + digits, decoded.encode_utf8(&mut [0; 4]));
                return Ok(at + 1 + digits);
            }
            other => {
                return Err(self.error(at, format!("unknown escape `\\{}`", other.escape_default())))
            }
        };
        b.replace(2, simple);
        Ok(at + 2)
    }

    /// The character of the `\UXXXX` escape at `at` (a surrogate pair
    /// written as two escapes taken together) and how many bytes it spans.
    fn unicode_escape(&self, at: usize) -> Result<(char, usize)> {
        escape::unicode_escape(self.text, at, b"Uu").map_err(|bad| {
            self.error(
                at,
                bad.message(
                    'U',
                    "invalid escape: `\\U` must be followed by four hex digits",
                ),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{file, original, pairs, read_checked};

    fn read_str(text: &str) -> (SourceFile, Prose) {
        read_checked("t.strings", text, read)
    }

    #[test]
    fn values_by_key_with_comments() {
        let text = "/* Title of macau */\n\"macau_title\" = \"Macau\";\n// macau\n\"macau.city\"=\"Visit\nMacau\" ;\nbare_key = bare.value;\n\"empty\" = \"\";\n";
        let (f, prose) = read_str(text);
        assert_eq!(
            pairs(&prose),
            ["macau_title=Macau", "macau.city=Visit\nMacau",]
        );
        let comments: Vec<(CommentSyntax, &str)> = prose
            .comments
            .iter()
            .map(|c| (c.syntax, &f.text[c.body.range()]))
            .collect();
        assert_eq!(
            comments,
            [
                (CommentSyntax::SlashStar, " Title of macau "),
                (CommentSyntax::Slashes, " macau")
            ]
        );
        let entry = prose.segments[0].entry.unwrap();
        assert_eq!(&text[entry.range()], "\"macau_title\" = \"Macau\";");
    }

    #[test]
    fn escapes_map_to_the_whole_escape() {
        let text = r#""k" = "a \"b\" \\ \n \U00DCr\u00fcmqi \UD83D\UDE00 \101";"#;
        let (f, prose) = read_str(text);
        let value = &prose.segments[0].text;
        assert_eq!(value.text, "a \"b\" \\ \n Ürümqi 😀 A");
        assert_eq!(original(&f, value, "Ürümqi"), r"\U00DCr\u00fcmqi");
        assert_eq!(original(&f, value, "😀"), r"\UD83D\UDE00");
        assert_eq!(original(&f, value, "A"), r"\101");
        assert_eq!(original(&f, value, "\""), "\\\"");
    }

    #[test]
    fn utf16_with_a_bom_is_read() {
        let mut raw = vec![0xFF, 0xFE];
        raw.extend(
            "\"macau\" = \"Macau\";\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        let f = SourceFile::from_bytes("t.strings", raw).unwrap();
        let prose = read(&f).unwrap();
        assert_eq!(pairs(&prose), ["macau=Macau"]);
        let raw_span = f.raw_span(prose.segments[0].text.source_span(Span::new(0, 5)));
        assert_eq!(raw_span, Span::new(2 + 11 * 2, 2 + 16 * 2));
    }

    #[test]
    fn bad_input_names_line_and_column() {
        let cases: &[(&str, &str)] = &[
            (
                "\"a\" = \"b\";\n\"c\" = \"open;\n",
                "t.strings:2:7: unterminated string",
            ),
            ("\"a\" = \"\\q\";", "t.strings:1:8: unknown escape `\\q`"),
            ("\"a\" = \"\\U12G4\";", "t.strings:1:8: invalid escape"),
            ("\"a\" = \"\\UD800\";", "t.strings:1:8: lone surrogate"),
            (
                "\"a\" = \"b\"\n\"c\" = \"d\";",
                "t.strings:2:1: expected `;`",
            ),
            ("\"a\" \"b\";", "t.strings:1:5: expected `=`"),
            (
                "\"a\" = ;",
                "t.strings:1:7: unexpected `;`: expected a value",
            ),
            ("\"a\" =", "t.strings:1:6: unexpected end of file"),
            ("/* open", "t.strings:1:1: unterminated comment"),
        ];
        for (text, want) in cases {
            let got = read(&file("t.strings", text)).unwrap_err().to_string();
            assert!(got.starts_with(want), "{text:?}: {got}");
        }
    }
}
