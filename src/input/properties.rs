//! Java `.properties` resource bundles, read as `java.util.Properties`
//! reads them: only values are prose, keys never.
//!
//! A logical line is `key=value`, `key: value` or `key value` (the key ends
//! at the first unescaped `=`, `:` or white space; white space around the
//! separator is not part of either side). A line whose first non-blank
//! character is `#` or `!` is a comment; both are reported as
//! [`CommentSyntax::Hash`], since they behave alike (to the end of the
//! line). A line ending in an odd number of backslashes continues on the
//! next: the backslash, the line break and the next line's leading white
//! space produce nothing, and a continued line is never a comment. Escapes
//! (`\uXXXX`, a surrogate pair as two of them, `\t \n \r \f`, and `\` before
//! any other character standing for that character: `\\ \= \: \# \! \ `)
//! are decoded as atomic runs, so every derived byte maps back into
//! `SourceFile::text`. A malformed `\u` escape is an error with
//! file:line:column, as it is for Java.
//!
//! Each non-empty value is one segment whose id is its key.

use crate::error::{Error, Result};
use crate::input::escape;
use crate::input::{Prose, Segment, SourceFile};
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::MappedTextBuilder;

/// Reads a properties file's values.
pub fn read(file: &SourceFile) -> Result<Prose> {
    let reader = Lines {
        file,
        text: &file.text,
    };
    let mut prose = Prose::default();
    let bytes = file.text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let at = reader.skip_blanks(pos);
        match bytes.get(at) {
            None => break,
            Some(b'\n' | b'\r') => pos = reader.after_line_break(at),
            Some(b'#' | b'!') => {
                let c = Comment::to_line_end(CommentSyntax::Hash, &file.text, at, 1);
                pos = reader.after_line_break(c.span.end);
                prose.comments.push(c);
            }
            Some(_) => pos = reader.entry(at, &mut prose.segments)?,
        }
    }
    Ok(prose)
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\x0c')
}

fn is_line_break(b: u8) -> bool {
    matches!(b, b'\n' | b'\r')
}

struct Lines<'a> {
    file: &'a SourceFile,
    text: &'a str,
}

impl Lines<'_> {
    fn error(&self, at: usize, message: impl Into<String>) -> Error {
        Error::input(self.file.origin(at), message)
    }

    fn skip_blanks(&self, mut at: usize) -> usize {
        let bytes = self.text.as_bytes();
        while bytes.get(at).copied().is_some_and(is_blank) {
            at += 1;
        }
        at
    }

    /// The offset after the line break at `at` (`\n`, `\r` or `\r\n`), or
    /// `at` at the end of the text.
    fn after_line_break(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        match bytes.get(at) {
            Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => at + 2,
            Some(b'\r' | b'\n') => at + 1,
            _ => at,
        }
    }

    /// When the backslash at `at` continues the line (a line break or the
    /// end of the text follows it), where the continuation's text starts.
    fn continuation(&self, at: usize) -> Option<usize> {
        let next = at + 1;
        match self.text.as_bytes().get(next) {
            None => Some(next),
            Some(&b) if is_line_break(b) => Some(self.skip_blanks(self.after_line_break(next))),
            Some(_) => None,
        }
    }

    /// White space and line continuations from `at`.
    fn skip_space(&self, mut at: usize) -> usize {
        loop {
            at = self.skip_blanks(at);
            match (self.text.as_bytes().get(at), self.continuation(at)) {
                (Some(b'\\'), Some(next)) => at = next,
                _ => return at,
            }
        }
    }

    /// Reads the entry whose key starts at `start` into `out`; returns the
    /// offset after its logical line.
    fn entry(&self, start: usize, out: &mut Vec<Segment>) -> Result<usize> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut key = String::new();
        let mut at = start;
        let mut separated = false;
        while let Some(&b) = bytes.get(at) {
            if b == b'\\' {
                if let Some(next) = self.continuation(at) {
                    at = next;
                    continue;
                }
                let (decoded, len) = self.escape(at)?;
                key.push(decoded);
                at += len;
                continue;
            }
            if b == b'=' || b == b':' {
                separated = true;
                at += 1;
                break;
            }
            if is_blank(b) || is_line_break(b) {
                break;
            }
            let c = text[at..].chars().next().expect("in bounds");
            key.push(c);
            at += c.len_utf8();
        }
        at = self.skip_space(at);
        if !separated && matches!(bytes.get(at), Some(b'=' | b':')) {
            at = self.skip_space(at + 1);
        }
        let mut value = MappedTextBuilder::new(at);
        while let Some(&b) = bytes.get(at) {
            if is_line_break(b) {
                break;
            }
            if b == b'\\' {
                if let Some(next) = self.continuation(at) {
                    value.skip(next - at);
                    at = next;
                    continue;
                }
                let (decoded, len) = self.escape(at)?;
                value.replace(len, decoded.encode_utf8(&mut [0; 4]));
                at += len;
                continue;
            }
            let run = bytes[at..]
                .iter()
                .position(|&c| c == b'\\' || is_line_break(c))
                .map_or(bytes.len(), |k| at + k);
            value.copy(&text[at..run]);
            at = run;
        }
        if !value.is_empty() {
            out.push(Segment {
                id: Some(key),
                text: value.finish(),
                entry: Some(Span::new(start, at)),
            });
        }
        Ok(self.after_line_break(at))
    }

    /// The character of the escape whose backslash is at `at` (not a line
    /// continuation), and how many bytes it spans.
    fn escape(&self, at: usize) -> Result<(char, usize)> {
        let c = self.text[at + 1..]
            .chars()
            .next()
            .expect("a continuation otherwise");
        Ok(match c {
            'u' => return self.unicode_escape(at),
            't' => ('\t', 2),
            'n' => ('\n', 2),
            'r' => ('\r', 2),
            'f' => ('\x0c', 2),
            other => (other, 1 + other.len_utf8()),
        })
    }

    fn unicode_escape(&self, at: usize) -> Result<(char, usize)> {
        escape::unicode_escape(self.text, at, b"u").map_err(|bad| {
            self.error(
                at,
                bad.message(
                    'u',
                    "malformed \\uxxxx escape: `\\u` must be followed by four hex digits",
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
        read_checked("t.properties", text, read)
    }

    #[test]
    fn separators_comments_and_blank_lines() {
        let text = "# macau: a comment\n! another macau\n\nmacau_title=Macau\n  city.macau : Visit Macau  \nplain value here\r\nspaced\t=\t x\nempty=\nbare\n";
        let (f, prose) = read_str(text);
        assert_eq!(
            pairs(&prose),
            [
                "macau_title=Macau",
                "city.macau=Visit Macau  ",
                "plain=value here",
                "spaced=x",
            ]
        );
        let comments: Vec<&str> = prose
            .comments
            .iter()
            .map(|c| &f.text[c.body.range()])
            .collect();
        assert_eq!(comments, [" macau: a comment", " another macau"]);
        assert!(prose
            .comments
            .iter()
            .all(|c| c.syntax == CommentSyntax::Hash));
        let entry = prose.segments[1].entry.unwrap();
        assert_eq!(&text[entry.range()], "city.macau : Visit Macau  ");
    }

    #[test]
    fn escapes_in_keys_and_values() {
        let text = "a\\=b\\:c\\ d = x\\=y \\\\ \\u00DCr\\u00fcmqi \\uD83D\\uDE00\\tz\\n\n";
        let (f, prose) = read_str(text);
        assert_eq!(prose.segments[0].id.as_deref(), Some("a=b:c d"));
        let value = &prose.segments[0].text;
        assert_eq!(value.text, "x=y \\ Ürümqi 😀\tz\n");
        assert_eq!(original(&f, value, "Ürümqi"), "\\u00DCr\\u00fcmqi");
        assert_eq!(original(&f, value, "😀"), "\\uD83D\\uDE00");
        assert_eq!(original(&f, value, "\\"), "\\\\");
        assert_eq!(original(&f, value, "="), "\\=");
    }

    /// A continued line joins its next line without the line break and
    /// the indentation; a `#` there is text, and a term across the join
    /// maps to the bytes in between too.
    #[test]
    fn continuation_lines() {
        let text = "k = Visit \\\n    Mac\\\r\n\tau today\\\n    # not a comment\nnext = y\\";
        let (f, prose) = read_str(text);
        assert_eq!(
            pairs(&prose),
            ["k=Visit Macau today# not a comment", "next=y"]
        );
        assert_eq!(
            original(&f, &prose.segments[0].text, "Macau"),
            "Mac\\\r\n\tau"
        );
        assert!(prose.comments.is_empty());
        // An escaped backslash at the end of a line does not continue it.
        let (_, prose) = read_str("a = x\\\\\nb = y\n");
        assert_eq!(pairs(&prose), ["a=x\\", "b=y"]);
        // A separator on the continued line.
        let (_, prose) = read_str("key\\\n  = value\n");
        assert_eq!(pairs(&prose), ["key=value"]);
    }

    #[test]
    fn malformed_unicode_escapes_name_the_position() {
        let cases: &[(&str, &str)] = &[
            (
                "a = ok\nb = x\\u12G4\n",
                "t.properties:2:6: malformed \\uxxxx escape",
            ),
            ("k\\u00 = v", "t.properties:1:2: malformed \\uxxxx escape"),
            (
                "a = \\uD800 x",
                "t.properties:1:5: lone surrogate `\\uD800`",
            ),
            ("a = \\uDC00", "t.properties:1:5: lone surrogate `\\uDC00`"),
        ];
        for (text, want) in cases {
            let got = read(&file("t.properties", text)).unwrap_err().to_string();
            assert!(got.starts_with(want), "{text:?}: {got}");
        }
    }
}
