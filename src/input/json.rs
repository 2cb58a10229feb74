//! JSON message catalogues: i18next (nested objects, plural keys such as
//! `key_one`/`key_other`, arrays), Flutter ARB and Chrome extension
//! `messages.json`.
//!
//! Only values are prose; keys never are. Every string value becomes one
//! segment whose id is its key path (`menu.title`, `list.0`), so findings
//! name the key. Two conventions narrow what a value is:
//!
//! - a key starting with `@` is ARB metadata (`@@locale`, `@title` with its
//!   description and placeholders), skipped with everything under it;
//!   `@@locale` declares the file's language ([`declared_locale`]);
//! - an object with a string `message` and nothing but `description` and
//!   `placeholders` besides is a Chrome message: only `message` is prose,
//!   and the segment is named by the object's own path.
//!
//! The tokenizer is strict RFC 8259 JSON with one extension: `//` and
//! `/* */` comments (JSONC, as `tsconfig.json` and VS Code settings use
//! them), since a directory walk meets such files and a comment is where a
//! suppression directive may stand. String escapes (`\n`, `\"`, `\uXXXX`,
//! surrogate pairs written as two escapes) are decoded as atomic runs, so a
//! term spanning an escape maps to the whole escape. Errors name
//! file:line:column.

use crate::error::{Error, Result};
use crate::input::escape;
use crate::input::{Prose, Segment, SourceFile};
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::{MappedText, MappedTextBuilder};

/// Nesting deeper than this is refused rather than risking the stack on a
/// hostile file; message catalogues nest a handful of levels.
const MAX_DEPTH: usize = 256;

/// Reads a JSON catalogue's string values.
pub fn read(file: &SourceFile) -> Result<Prose> {
    let (value, comments) = parse(file)?;
    let mut segments = Vec::new();
    collect(&value, None, &mut segments);
    Ok(Prose {
        segments,
        language: None,
        comments,
    })
}

/// The JSON document of `file` and its comments, for readers of formats
/// built on JSON (`.xcstrings`).
pub(crate) fn parse(file: &SourceFile) -> Result<(Value, Vec<Comment>)> {
    let mut parser = Parser::new(&file.text);
    let value = parser
        .document()
        .map_err(|e| Error::input(file.origin(e.at), e.message))?;
    Ok((value, parser.comments))
}

/// The language an ARB file declares with a top-level `"@@locale"`, as
/// written. Reads as much of `head` as parses (it may be cut off).
pub fn declared_locale(head: &str) -> Option<String> {
    let mut parser = Parser::new(head);
    // A cut-off head ends in an error; what was read before it stands.
    let _ = parser.document();
    parser.locale
}

/// A parsed value: strings keep their mapped text, containers their
/// members, booleans their value (settings of formats built on JSON);
/// numbers and null hold nothing read.
pub(crate) enum Value {
    Str(MappedText),
    Object(Vec<Member>),
    Array(Vec<(Span, Value)>),
    Bool(bool),
    Other,
}

impl Value {
    /// The member `key` of an object.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|m| m.key.text == key).map(|m| &m.value),
            _ => None,
        }
    }

    pub(crate) fn as_str(&self) -> Option<&MappedText> {
        match self {
            Value::Str(text) => Some(text),
            _ => None,
        }
    }
}

pub(crate) struct Member {
    /// The key, decoded and mapped like a string value.
    pub key: MappedText,
    /// From the key's opening quote to the end of the value.
    pub span: Span,
    pub value: Value,
}

/// Adds the prose segments under `value`, whose key path is `path`.
fn collect(value: &Value, path: Option<&str>, out: &mut Vec<Segment>) {
    let join = |key: &str| match path {
        Some(p) => format!("{p}.{key}"),
        None => key.to_owned(),
    };
    match value {
        Value::Str(_) | Value::Bool(_) | Value::Other => {}
        Value::Object(members) => {
            if let Some(message) = chrome_message(members) {
                push(out, path.map(str::to_owned), message, None);
                return;
            }
            for m in members.iter().filter(|m| !m.key.text.starts_with('@')) {
                let id = join(&m.key.text);
                match &m.value {
                    Value::Str(text) => push(out, Some(id), text, Some(m.span)),
                    nested => collect(nested, Some(&id), out),
                }
            }
        }
        Value::Array(items) => {
            for (i, (span, item)) in items.iter().enumerate() {
                let id = join(&i.to_string());
                match item {
                    Value::Str(text) => push(out, Some(id), text, Some(*span)),
                    nested => collect(nested, Some(&id), out),
                }
            }
        }
    }
}

fn push(out: &mut Vec<Segment>, id: Option<String>, text: &MappedText, entry: Option<Span>) {
    out.push(Segment {
        id,
        text: text.clone(),
        entry,
    });
}

/// The `message` of a Chrome `messages.json` entry: an object with a string
/// `message` and no members but `description` and `placeholders`.
fn chrome_message(members: &[Member]) -> Option<&MappedText> {
    let all_known = members.iter().all(|m| {
        matches!(
            m.key.text.as_str(),
            "message" | "description" | "placeholders"
        )
    });
    if !all_known {
        return None;
    }
    members
        .iter()
        .find_map(|m| match (&m.key.text[..], &m.value) {
            ("message", Value::Str(text)) => Some(text),
            _ => None,
        })
}

/// A syntax error at a byte offset; the reader adds the file's position.
struct SyntaxError {
    at: usize,
    message: String,
}

type Parsed<T> = std::result::Result<T, SyntaxError>;

fn fail<T>(at: usize, message: impl Into<String>) -> Parsed<T> {
    Err(SyntaxError {
        at,
        message: message.into(),
    })
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    depth: usize,
    comments: Vec<Comment>,
    /// A top-level `"@@locale"` string (ARB).
    locale: Option<String>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            pos: 0,
            depth: 0,
            comments: Vec::new(),
            locale: None,
        }
    }

    fn document(&mut self) -> Parsed<Value> {
        self.space()?;
        if self.pos == self.text.len() {
            return fail(self.pos, "empty JSON file: expected a value");
        }
        let value = self.value()?;
        self.space()?;
        if self.pos < self.text.len() {
            return fail(self.pos, "unexpected text after the JSON value");
        }
        Ok(value)
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    /// Skips white space and comments, recording the comments.
    fn space(&mut self) -> Parsed<()> {
        let bytes = self.text.as_bytes();
        loop {
            while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
                self.pos += 1;
            }
            let at = self.pos;
            if bytes[at..].starts_with(b"//") {
                let c = Comment::to_line_end(CommentSyntax::Slashes, self.text, at, 2);
                self.pos = c.span.end;
                self.comments.push(c);
            } else if bytes[at..].starts_with(b"/*") {
                let Some(k) = self.text[at + 2..].find("*/") else {
                    return fail(at, "unterminated comment: no closing `*/`");
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

    fn value(&mut self) -> Parsed<Value> {
        let at = self.pos;
        match self.peek() {
            Some(b'{') => self.nested(Parser::object),
            Some(b'[') => self.nested(Parser::array),
            Some(b'"') => self.string().map(Value::Str),
            Some(b'-' | b'0'..=b'9') => self.number().map(|()| Value::Other),
            Some(_) => {
                for (literal, value) in [
                    ("true", Value::Bool(true)),
                    ("false", Value::Bool(false)),
                    ("null", Value::Other),
                ] {
                    if self.text[at..].starts_with(literal) {
                        self.pos += literal.len();
                        return Ok(value);
                    }
                }
                let found = self.text[at..].chars().next().unwrap_or(' ');
                fail(at, format!("unexpected `{found}`: expected a JSON value"))
            }
            None => fail(at, "unexpected end of file: expected a JSON value"),
        }
    }

    fn nested(&mut self, parse: fn(&mut Self) -> Parsed<Value>) -> Parsed<Value> {
        if self.depth == MAX_DEPTH {
            return fail(
                self.pos,
                format!("nested more than {MAX_DEPTH} levels deep"),
            );
        }
        self.depth += 1;
        let value = parse(self);
        self.depth -= 1;
        value
    }

    /// `{ "key": value, ... }`, the `{` at the current position.
    fn object(&mut self) -> Parsed<Value> {
        let open = self.pos;
        self.pos += 1;
        let mut members = Vec::new();
        self.space()?;
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            let key_at = self.pos;
            if self.peek() != Some(b'"') {
                return match self.peek() {
                    None => fail(open, "unterminated object: no closing `}`"),
                    Some(_) => fail(key_at, "expected a key in double quotes"),
                };
            }
            let key = self.string()?;
            self.space()?;
            if self.peek() != Some(b':') {
                return fail(self.pos, "expected `:` after the key");
            }
            self.pos += 1;
            self.space()?;
            let value = self.value()?;
            if self.depth == 1 && key.text == "@@locale" {
                if let Value::Str(text) = &value {
                    self.locale = Some(text.text.clone());
                }
            }
            members.push(Member {
                key,
                span: Span::new(key_at, self.pos),
                value,
            });
            self.space()?;
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.space()?;
                    if self.peek() == Some(b'}') {
                        return fail(self.pos, "trailing comma before `}`");
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                Some(_) => return fail(self.pos, "expected `,` or `}` after the value"),
                None => return fail(open, "unterminated object: no closing `}`"),
            }
        }
    }

    /// `[ value, ... ]`, the `[` at the current position.
    fn array(&mut self) -> Parsed<Value> {
        let open = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.space()?;
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            let at = self.pos;
            let value = self.value()?;
            items.push((Span::new(at, self.pos), value));
            self.space()?;
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.space()?;
                    if self.peek() == Some(b']') {
                        return fail(self.pos, "trailing comma before `]`");
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                Some(_) => return fail(self.pos, "expected `,` or `]` after the value"),
                None => return fail(open, "unterminated array: no closing `]`"),
            }
        }
    }

    /// A number, checked against JSON's grammar: `-?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?`.
    fn number(&mut self) -> Parsed<()> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let digits = |from: usize| {
            bytes[from..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
        };
        let mut i = start + usize::from(bytes[start] == b'-');
        let int = digits(i);
        if int == 0 || (int > 1 && bytes[i] == b'0') {
            return fail(start, "invalid number");
        }
        i += int;
        if bytes.get(i) == Some(&b'.') {
            let frac = digits(i + 1);
            if frac == 0 {
                return fail(start, "invalid number: no digits after `.`");
            }
            i += 1 + frac;
        }
        if matches!(bytes.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(bytes.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let exp = digits(i);
            if exp == 0 {
                return fail(start, "invalid number: no digits in the exponent");
            }
            i += exp;
        }
        self.pos = i;
        Ok(())
    }

    /// The string whose opening quote is at the current position, decoded
    /// and mapped into the text.
    fn string(&mut self) -> Parsed<MappedText> {
        let quote = self.pos;
        let text = self.text;
        let bytes = text.as_bytes();
        let mut b = MappedTextBuilder::new(quote + 1);
        let mut i = quote + 1;
        loop {
            let run = bytes[i..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .map(|k| i + k);
            let Some(stop) = run else {
                return fail(quote, "unterminated string: no closing `\"`");
            };
            b.copy(&text[i..stop]);
            match bytes[stop] {
                b'"' => {
                    self.pos = stop + 1;
                    return Ok(b.finish());
                }
                b'\\' => i = escape(text, stop, &mut b)?,
                b'\n' | b'\r' => {
                    return fail(quote, "unterminated string: no closing `\"` on this line")
                }
                c => {
                    return fail(
                        stop,
                        format!("control character U+{c:04X} in a string: write it as an escape"),
                    )
                }
            }
        }
    }
}

/// Decodes the escape whose backslash is at `at` into `b`; returns the
/// offset after it.
fn escape(text: &str, at: usize, b: &mut MappedTextBuilder) -> Parsed<usize> {
    let Some(c) = text[at + 1..].chars().next() else {
        return fail(at, "unterminated string: no closing `\"`");
    };
    let simple = match c {
        '"' => "\"",
        '\\' => "\\",
        '/' => "/",
        'b' => "\u{8}",
        'f' => "\u{c}",
        'n' => "\n",
        'r' => "\r",
        't' => "\t",
        'u' => {
            let (decoded, len) = unicode_escape(text, at)?;
            b.replace(len, decoded.encode_utf8(&mut [0; 4]));
            return Ok(at + len);
        }
        _ => {
            let shown: String = if c.is_control() {
                c.escape_default().collect()
            } else {
                c.to_string()
            };
            return fail(
                at,
                format!("invalid escape `\\{shown}`: JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
            );
        }
    };
    b.replace(2, simple);
    Ok(at + 2)
}

/// The character of the `\uXXXX` escape at `at`, a surrogate pair written as
/// two escapes taken together, and how many bytes it spans.
fn unicode_escape(text: &str, at: usize) -> Parsed<(char, usize)> {
    escape::unicode_escape(text, at, b"u").or_else(|bad| {
        fail(
            at,
            bad.message(
                'u',
                "invalid escape: `\\u` must be followed by four hex digits",
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{check_prose_maps, file};

    fn read_str(text: &str) -> (SourceFile, Prose) {
        let f = file("t.json", text);
        let prose = read(&f).unwrap();
        check_prose_maps(&f, &prose);
        (f, prose)
    }

    fn ids_and_texts(prose: &Prose) -> Vec<(String, String)> {
        prose
            .segments
            .iter()
            .map(|s| (s.id.clone().unwrap_or_default(), s.text.text.clone()))
            .collect()
    }

    fn error(text: &str) -> String {
        read(&file("t.json", text)).unwrap_err().to_string()
    }

    #[test]
    fn i18next_values_by_key_path_and_never_keys() {
        let text = r#"{
  "macau_title": "Macau",
  "menu": {"title": "Visit Macau", "count_one": "{{count}} city", "count_other": "{{count}} cities"},
  "list": ["a", {"deep": "b"}, 3, true, null],
  "n": -1.5e3
}"#;
        let (_, prose) = read_str(text);
        let got = ids_and_texts(&prose);
        let want = [
            ("macau_title", "Macau"),
            ("menu.title", "Visit Macau"),
            ("menu.count_one", "{{count}} city"),
            ("menu.count_other", "{{count}} cities"),
            ("list.0", "a"),
            ("list.1.deep", "b"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
        assert!(prose
            .segments
            .iter()
            .all(|s| !s.text.text.contains("macau")));
        // The entry of a member runs from its key to the end of its value.
        let entry = prose.segments[0].entry.unwrap();
        assert_eq!(&text[entry.range()], r#""macau_title": "Macau""#);
    }

    #[test]
    fn escapes_map_to_the_whole_escape() {
        let text = r#"{"k": "a\"b\\c\nd \u00DCr\u00fcmqi \uD83D\uDE00 \/"}"#;
        let (f, prose) = read_str(text);
        let seg = &prose.segments[0].text;
        assert_eq!(seg.text, "a\"b\\c\nd Ürümqi 😀 /");
        let original = |needle| crate::input::testing::original(&f, seg, needle);
        assert_eq!(original("\""), "\\\"");
        assert_eq!(original("c\nd"), "c\\nd");
        assert_eq!(original("Ürümqi"), r"\u00DCr\u00fcmqi");
        assert_eq!(original("😀"), r"\uD83D\uDE00");
        assert_eq!(original("/"), r"\/");
    }

    #[test]
    fn arb_metadata_is_skipped_and_the_locale_declared() {
        let text = r#"{
  "@@locale": "pt_BR",
  "@@last_modified": "2024-01-01",
  "macauTitle": "Macau",
  "@macauTitle": {"description": "Title for macau", "placeholders": {"macau": {"example": "Macau"}}}
}"#;
        let (_, prose) = read_str(text);
        assert_eq!(
            ids_and_texts(&prose),
            [("macauTitle".to_string(), "Macau".to_string())]
        );
        assert_eq!(declared_locale(text).as_deref(), Some("pt_BR"));
        // Only at the top level, and cut-off heads still tell it.
        assert_eq!(declared_locale(r#"{"a": {"@@locale": "fr"}}"#), None);
        assert_eq!(
            declared_locale(r#"{"@@locale": "de", "x": "unterminated"#).as_deref(),
            Some("de")
        );
        assert_eq!(declared_locale(r#"{"x": "y"}"#), None);
    }

    #[test]
    fn chrome_messages_are_only_their_message() {
        let text = r#"{
  "macau_name": {"message": "Macau guide", "description": "Name of the macau extension"},
  "greeting": {"message": "Hello $USER$", "placeholders": {"user": {"content": "$1", "example": "Macau"}}},
  "plain": {"message": "x", "other": "y"}
}"#;
        let (_, prose) = read_str(text);
        assert_eq!(
            ids_and_texts(&prose)
                .iter()
                .map(|(a, b)| format!("{a}={b}"))
                .collect::<Vec<_>>(),
            [
                "macau_name=Macau guide",
                "greeting=Hello $USER$",
                // Not a Chrome message: an ordinary object.
                "plain.message=x",
                "plain.other=y"
            ]
        );
    }

    #[test]
    fn comments_are_reported_and_skipped() {
        let text = "// head\n{\"a\": /* why */ \"x\"}\n";
        let (f, prose) = read_str(text);
        let found: Vec<(&str, &str)> = prose
            .comments
            .iter()
            .map(|c| (&f.text[c.span.range()], &f.text[c.body.range()]))
            .collect();
        assert_eq!(found, [("// head", " head"), ("/* why */", " why ")]);
        assert_eq!(ids_and_texts(&prose).len(), 1);
    }

    #[test]
    fn bad_input_names_line_and_column() {
        let cases: &[(&str, &str)] = &[
            ("{\n  \"a\": \"open\n}", "t.json:2:8: unterminated string"),
            ("{\"a\": \"x\\q\"}", "t.json:1:9: invalid escape `\\q`"),
            ("{\"a\": \"\\u12G4\"}", "t.json:1:8: invalid escape: `\\u`"),
            (
                "{\"a\": \"\\uD800x\"}",
                "t.json:1:8: lone surrogate `\\uD800`",
            ),
            (
                "{\"a\": \"\\uDC00\"}",
                "t.json:1:8: lone surrogate `\\uDC00`",
            ),
            ("{\"a\": \"x\",}", "t.json:1:11: trailing comma before `}`"),
            ("[1,]", "t.json:1:4: trailing comma before `]`"),
            ("{\"a\" \"x\"}", "t.json:1:6: expected `:` after the key"),
            ("{a: 1}", "t.json:1:2: expected a key in double quotes"),
            ("{\"a\": 01}", "t.json:1:7: invalid number"),
            ("{\"a\": tru}", "t.json:1:7: unexpected `t`"),
            (
                "{\"a\": 1} x",
                "t.json:1:10: unexpected text after the JSON value",
            ),
            ("{\"a\": [1", "t.json:1:7: unterminated array"),
            ("\n\n{\"a\": 1", "t.json:3:1: unterminated object"),
            ("", "t.json:1:1: empty JSON file"),
            ("{\"a\": \"x\ty\"}", "t.json:1:9: control character U+0009"),
            ("/* open", "t.json:1:1: unterminated comment"),
        ];
        for (text, want) in cases {
            let got = error(text);
            assert!(got.starts_with(want), "{text:?}: {got}");
        }
        let deep = "[".repeat(MAX_DEPTH + 1);
        assert!(
            error(&deep).contains("nested more than"),
            "{}",
            error(&deep)
        );
    }
}
