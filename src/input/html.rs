//! HTML read as prose: a masking scanner, not a DOM. Text nodes become
//! [`Segment`](super::Segment)s, one per block (`p`, `div`, `li`, `td`, headings, `br`, …),
//! each mapped into `SourceFile::text`.
//!
//! Tags, attribute values, comments, `<script>`, `<style>`, `<code>`, `<pre>`
//! and `<head>` are skipped, except the document `<title>`, which is prose.
//! Inline elements (`b`, `em`, `a`, `span`, …) produce no text, so a phrase
//! that crosses them stays one phrase. Entities (the full HTML5 table,
//! decimal and hex) are decoded as atomic runs: `Xinjiang&nbsp;Uygur` reads
//! as `Xinjiang\u{a0}Uygur` and a span over it covers `&nbsp;`. Malformed
//! markup never fails: unknown entities stay as written, an unclosed tag or
//! comment runs to the end of the file.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::sink::SegmentSink;
use super::{Prose, SourceFile};
use crate::error::Result;
use crate::suppress::Comment;

/// Reads `file` as HTML. Like a browser, this accepts anything; the
/// `Result` keeps the reader signatures uniform.
pub fn read(file: &SourceFile) -> Result<Prose> {
    Ok(read_str(&file.text))
}

/// How an element affects the prose around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Markup inside a phrase: produces nothing.
    Inline,
    /// Ends the current segment, before and after.
    Block,
    /// Its content is not prose; inside a phrase (`code`, `rt`).
    SkipInline,
    /// Its content is not prose; a block of its own (`pre`, `head`).
    SkipBlock,
    /// Raw text up to its end tag, never prose (`script`, `style`).
    RawText,
    /// Text without tags up to its end tag, prose of its own (`title`).
    Rcdata,
    /// Anything else (`img`, `input`, custom elements): separates words.
    Other,
}

fn kind(name: &str) -> Kind {
    match name {
        "a" | "abbr" | "acronym" | "b" | "bdi" | "bdo" | "big" | "cite" | "data" | "del"
        | "dfn" | "em" | "font" | "i" | "ins" | "label" | "mark" | "nobr" | "q" | "ruby" | "s"
        | "small" | "span" | "strike" | "strong" | "sub" | "sup" | "time" | "tt" | "u" | "wbr" => {
            Kind::Inline
        }
        "code" | "kbd" | "samp" | "rt" | "rp" => Kind::SkipInline,
        "pre" | "head" | "listing" | "plaintext" => Kind::SkipBlock,
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript"
        | "template" => Kind::RawText,
        "title" | "textarea" => Kind::Rcdata,
        "address" | "article" | "aside" | "blockquote" | "body" | "br" | "button" | "caption"
        | "center" | "col" | "colgroup" | "dd" | "details" | "dialog" | "dir" | "div" | "dl"
        | "dt" | "fieldset" | "figcaption" | "figure" | "footer" | "form" | "frameset" | "h1"
        | "h2" | "h3" | "h4" | "h5" | "h6" | "header" | "hgroup" | "hr" | "html" | "legend"
        | "li" | "main" | "menu" | "nav" | "ol" | "optgroup" | "option" | "p" | "search"
        | "section" | "select" | "summary" | "table" | "tbody" | "td" | "tfoot" | "th"
        | "thead" | "tr" | "ul" => Kind::Block,
        _ => Kind::Other,
    }
}

/// Elements that may stand in `<head>`; any other start tag closes it
/// implicitly, as in the HTML5 tree builder.
fn allowed_in_head(name: &str) -> bool {
    matches!(
        name,
        "base"
            | "basefont"
            | "bgsound"
            | "link"
            | "meta"
            | "noscript"
            | "script"
            | "style"
            | "template"
            | "title"
    )
}

/// What starts at a `<`.
#[derive(Debug)]
enum Markup {
    /// A comment.
    Comment(Comment),
    /// A doctype, processing instruction or CDATA section ending at the
    /// offset given.
    Ignored(usize),
    /// A start or end tag.
    Tag(Tag),
    /// A `<` that starts nothing: literal text.
    Literal,
}

#[derive(Debug)]
struct Tag {
    /// Lower-cased name.
    name: String,
    closing: bool,
    self_closing: bool,
    /// Offset just past the `>` (or the end of the text).
    end: usize,
}

fn read_str(text: &str) -> Prose {
    let mut reader = Reader {
        text,
        sink: SegmentSink::new(),
        open: Vec::new(),
        comments: Vec::new(),
    };
    reader.run();
    Prose {
        segments: reader.sink.finish(),
        language: None,
        comments: reader.comments,
    }
}

struct Reader<'t> {
    text: &'t str,
    sink: SegmentSink,
    /// Open elements whose content is skipped, innermost last.
    open: Vec<String>,
    comments: Vec<Comment>,
}

impl Reader<'_> {
    fn skipped(&self) -> bool {
        !self.open.is_empty()
    }

    fn run(&mut self) {
        let text = self.text;
        let mut i = 0;
        while i < text.len() {
            let next = text[i..].find('<').map_or(text.len(), |j| i + j);
            if !self.skipped() {
                self.prose(i, next);
            }
            i = next;
            if i == text.len() {
                break;
            }
            i = match parse_markup(text, i) {
                Markup::Comment(comment) => {
                    self.comments.push(comment);
                    comment.span.end
                }
                Markup::Ignored(end) => end,
                Markup::Literal => {
                    if !self.skipped() {
                        self.sink.copy(i, "<");
                    }
                    i + 1
                }
                Markup::Tag(tag) => self.tag(i, tag),
            };
        }
    }

    /// Handles a tag at `start`; returns where scanning goes on.
    fn tag(&mut self, start: usize, tag: Tag) -> usize {
        let name = tag.name.as_str();
        let kind = kind(name);
        if !tag.closing && !allowed_in_head(name) {
            self.close("head");
        }
        if matches!(kind, Kind::Block | Kind::SkipBlock | Kind::Rcdata) {
            // A block boundary ends a `<code>` left open inside a paragraph.
            while self
                .open
                .last()
                .is_some_and(|n| kind_is(n, Kind::SkipInline))
            {
                self.open.pop();
            }
            self.sink.flush();
        }
        if tag.closing {
            if name == "ruby" {
                self.pop_ruby_text();
            }
            self.close(name);
            if kind == Kind::Other && !self.skipped() {
                self.sink.separator(start, tag.end - start);
            }
            return tag.end;
        }
        match kind {
            Kind::Inline | Kind::Block => {}
            Kind::SkipInline | Kind::SkipBlock => {
                if name == "rt" || name == "rp" {
                    self.pop_ruby_text();
                }
                if !tag.self_closing {
                    self.open.push(tag.name);
                }
            }
            Kind::RawText if !tag.self_closing => {
                return find_end_tag(self.text, tag.end, name).unwrap_or(self.text.len());
            }
            Kind::RawText => {}
            Kind::Rcdata => {
                let end = find_end_tag(self.text, tag.end, name).unwrap_or(self.text.len());
                // The title is prose even inside the skipped `<head>`.
                let in_head_only = self.open.iter().all(|n| n == "head");
                if in_head_only && !tag.self_closing {
                    self.prose(tag.end, end);
                    self.sink.flush();
                    return end;
                }
            }
            Kind::Other => {
                if !self.skipped() {
                    self.sink.separator(start, tag.end - start);
                }
            }
        }
        tag.end
    }

    /// Closes the innermost open skipped element `name` and everything
    /// opened inside it; an end tag for nothing open is ignored.
    fn close(&mut self, name: &str) {
        if let Some(at) = self.open.iter().rposition(|n| n == name) {
            self.open.truncate(at);
        }
    }

    /// `<rt>` and `<rp>` end at the next `<rt>`/`<rp>` or at `</ruby>`.
    fn pop_ruby_text(&mut self) {
        while self.open.last().is_some_and(|n| n == "rt" || n == "rp") {
            self.open.pop();
        }
    }

    /// Text `start..end` (no tags in it) as prose, with entities decoded.
    fn prose(&mut self, start: usize, end: usize) {
        let text = self.text;
        let mut i = start;
        while i < end {
            let amp = text[i..end].find('&').map_or(end, |j| i + j);
            self.sink.copy(i, &text[i..amp]);
            if amp == end {
                break;
            }
            match decode_entity(&text[amp..end]) {
                Some((len, decoded)) => {
                    self.sink.replace(amp, len, &decoded);
                    i = amp + len;
                }
                None => {
                    self.sink.copy(amp, "&");
                    i = amp + 1;
                }
            }
        }
    }
}

fn kind_is(name: &str, k: Kind) -> bool {
    kind(name) == k
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

/// Offset of the end of the first `needle` at or after `from`, or the end.
fn end_of(text: &str, from: usize, needle: &str) -> usize {
    text.get(from..)
        .and_then(|rest| rest.find(needle))
        .map_or(text.len(), |j| from + j + needle.len())
}

fn parse_markup(text: &str, i: usize) -> Markup {
    let b = text.as_bytes();
    let rest = &text[i..];
    if rest.starts_with("<!--") {
        return Markup::Comment(Comment::html_at(text, i));
    }
    if rest.starts_with("<![CDATA[") {
        return Markup::Ignored(end_of(text, i + 9, "]]>"));
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        return Markup::Ignored(end_of(text, i + 2, ">"));
    }
    if rest.starts_with("</") {
        return match b.get(i + 2) {
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = scan_name(b, i + 2);
                Markup::Tag(Tag {
                    name: text[i + 2..name_end].to_ascii_lowercase(),
                    closing: true,
                    self_closing: false,
                    end: end_of(text, name_end, ">"),
                })
            }
            Some(b'>') => Markup::Ignored(i + 3),
            None => Markup::Literal,
            Some(_) => Markup::Ignored(end_of(text, i + 2, ">")),
        };
    }
    match b.get(i + 1) {
        Some(c) if c.is_ascii_alphabetic() => {
            let name_end = scan_name(b, i + 1);
            let (end, self_closing) = scan_attributes(b, name_end);
            Markup::Tag(Tag {
                name: text[i + 1..name_end].to_ascii_lowercase(),
                closing: false,
                self_closing,
                end,
            })
        }
        _ => Markup::Literal,
    }
}

fn scan_name(b: &[u8], mut j: usize) -> usize {
    while j < b.len() && !is_space(b[j]) && b[j] != b'/' && b[j] != b'>' {
        j += 1;
    }
    j
}

/// Skips the attributes of a start tag from `j`; returns the offset past the
/// closing `>` (or the end of the text) and whether the tag ends with `/>`.
/// Quoted values may hold `>`.
fn scan_attributes(b: &[u8], mut j: usize) -> (usize, bool) {
    loop {
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        match b.get(j) {
            None => return (b.len(), false),
            Some(b'>') => return (j + 1, false),
            Some(b'/') => {
                if b.get(j + 1) == Some(&b'>') {
                    return (j + 2, true);
                }
                j += 1;
                continue;
            }
            Some(_) => {}
        }
        // An attribute name (a leading `=` belongs to it).
        if b[j] == b'=' {
            j += 1;
        }
        while j < b.len() && !is_space(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
            j += 1;
        }
        let mut k = j;
        while k < b.len() && is_space(b[k]) {
            k += 1;
        }
        if b.get(k) != Some(&b'=') {
            continue;
        }
        j = k + 1;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        match b.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                j = b[j + 1..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| j + 1 + p + 1);
            }
            _ => {
                while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                    j += 1;
                }
            }
        }
    }
}

/// Offset of the `</name` that ends a raw-text element, searching from
/// `from`, ASCII case-insensitively.
fn find_end_tag(text: &str, from: usize, name: &str) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(j) = text.get(i..).and_then(|rest| rest.find("</")) {
        let at = i + j;
        let name_end = at + 2 + name.len();
        if b.len() >= name_end
            && b[at + 2..name_end].eq_ignore_ascii_case(name.as_bytes())
            && b.get(name_end)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

/// The longest name in the HTML5 table is 31 characters
/// (`CounterClockwiseContourIntegral`).
const MAX_ENTITY_NAME: usize = 32;

fn entity_table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .map(|e| (e.entity, e.characters))
            .collect()
    })
}

/// Decodes the character reference at the start of `s` (which starts with
/// `&`): its length in `s` and the text it stands for. `None` when it is
/// not a reference, and the `&` is literal.
fn decode_entity(s: &str) -> Option<(usize, String)> {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let hex = matches!(b.get(2), Some(b'x' | b'X'));
        let digits_start = if hex { 3 } else { 2 };
        let radix = if hex { 16 } else { 10 };
        let digits = b[digits_start.min(b.len())..]
            .iter()
            .take_while(|c| (**c as char).is_digit(radix))
            .count();
        if digits == 0 {
            return None;
        }
        let mut value: u32 = 0;
        for &c in &b[digits_start..digits_start + digits] {
            let d = (c as char).to_digit(radix).unwrap_or(0);
            // Saturate past the Unicode range: it decodes to U+FFFD anyway.
            value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
        }
        let mut len = digits_start + digits;
        if b.get(len) == Some(&b';') {
            len += 1;
        }
        return Some((len, numeric_char(value).to_string()));
    }
    let name_len = b[1..]
        .iter()
        .take(MAX_ENTITY_NAME)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let table = entity_table();
    if b.get(1 + name_len) == Some(&b';') {
        if let Some(chars) = table.get(&s[..name_len + 2]) {
            return Some((name_len + 2, (*chars).to_owned()));
        }
    }
    // Legacy references without a semicolon (`&amp`, `&copy`): the table
    // lists the few that browsers accept; take the longest.
    (1..=name_len)
        .rev()
        .find_map(|n| table.get(&s[..n + 1]).map(|c| (n + 1, (*c).to_owned())))
}

/// The character a numeric reference stands for, with the HTML5 fix-ups:
/// C1 controls read as Windows-1252, and invalid code points as U+FFFD.
fn numeric_char(value: u32) -> char {
    const WINDOWS_1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let value = match value {
        0 => 0xFFFD,
        0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
        v => v,
    };
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn segments(html: &str) -> Vec<String> {
        read_str(html)
            .segments
            .into_iter()
            .map(|s| s.text.text)
            .collect()
    }

    /// The original bytes of the first occurrence of `phrase` in the derived
    /// text of any segment.
    fn source_of(html: &str, phrase: &str) -> String {
        for seg in read_str(html).segments {
            if let Some(at) = seg.text.text.find(phrase) {
                let span = seg.text.source_span(Span::new(at, at + phrase.len()));
                return html[span.range()].to_owned();
            }
        }
        panic!("{phrase:?} not found in {:?}", segments(html));
    }

    #[test]
    fn text_nodes_are_prose_and_markup_is_skipped() {
        let cases: &[(&str, &[&str])] = &[
            ("plain", &["plain"]),
            ("<p>one</p><p>two</p>", &["one", "two"]),
            ("<p>a <b>bold</b> <em>c</em></p>", &["a bold c"]),
            ("<p title=\"Tibet\" data-x='a>b'>text</p>", &["text"]),
            ("<p>a<!-- Tibet -->b</p>", &["ab"]),
            ("<p>run <code>Tibet</code> now</p>", &["run  now"]),
            ("<pre>Tibet\n  code</pre><p>after</p>", &["after"]),
            ("<pre><code>Tibet</code></pre>x", &["x"]),
            ("<script>if (a<b) { Tibet() }</script>x", &["x"]),
            ("<style>p::after{content:'</p>'}</style>x", &["x"]),
            ("<SCRIPT>Tibet</Script >x", &["x"]),
            (
                "<html><head><meta charset=utf-8><title>Xizang &amp; more</title>\
                 <link rel=x></head><body><h1>Head</h1><p>Body</p></body></html>",
                &["Xizang & more", "Head", "Body"],
            ),
            // `<head>` closes implicitly at the first body element.
            ("<head><title>T</title><p>Body text", &["T", "Body text"]),
            ("<ul><li>one<li>two</ul>", &["one", "two"]),
            ("<table><tr><td>a</td><td>b</td></tr></table>", &["a", "b"]),
            (
                "line one<br>line two<br/>three",
                &["line one", "line two", "three"],
            ),
            ("a<img src=x.png alt=Tibet>b", &["a b"]),
            ("a<my-widget>b</my-widget>c", &["a b c"]),
            ("<!DOCTYPE html><?xml x?>text", &["text"]),
            ("a<![CDATA[Tibet]]>b", &["ab"]),
            (
                "<ruby>漢<rt>kan</rt>字<rp>(</rp><rt>ji</rt><rp>)</rp></ruby>",
                &["漢字"],
            ),
            ("<ruby>漢<rt>kan</ruby> after", &["漢 after"]),
            ("<textarea>Tibet</textarea>", &["Tibet"]),
            ("<div>a<div>b</div>c</div>", &["a", "b", "c"]),
        ];
        for (html, want) in cases {
            assert_eq!(segments(html), *want, "input {html:?}");
        }
    }

    #[test]
    fn entities_are_decoded() {
        let cases: &[(&str, &str)] = &[
            ("a&amp;b", "a&b"),
            ("x&nbsp;y", "x\u{a0}y"),
            ("&lt;p&gt;", "<p>"),
            ("&#x897F;&#34255;", "西藏"),
            ("&#X41;&#65", "AA"),
            ("&#150;", "\u{2013}"),
            ("&#0;&#xD800;&#99999999999;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
            ("&copy 2024", "\u{a9} 2024"),
            ("&notit;", "\u{ac}it;"),
            ("&CounterClockwiseContourIntegral;", "\u{2233}"),
            (
                "&unknown; AT&T & &; &#; &#x;",
                "&unknown; AT&T & &; &#; &#x;",
            ),
            ("&amp", "&"),
        ];
        for (html, want) in cases {
            assert_eq!(segments(html), [*want], "input {html:?}");
        }
    }

    #[test]
    fn spans_map_back_to_the_exact_original_bytes() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "<p>the Xinjiang&nbsp;Uygur region</p>",
                "Xinjiang\u{a0}Uygur",
                "Xinjiang&nbsp;Uygur",
            ),
            (
                "<p>Xizang <b>Autonomous</b> Region</p>",
                "Xizang Autonomous Region",
                "Xizang <b>Autonomous</b> Region",
            ),
            ("<p><i>Xizang</i></p>", "Xizang", "Xizang"),
            (
                "<p><a href=\"/x\" title=\"Tibet\">Xizang</a> Region</p>",
                "Xizang Region",
                "Xizang</a> Region",
            ),
            ("<p>A &amp; B</p>", "&", "&amp;"),
            ("<p>A &amp; B</p>", "A & B", "A &amp; B"),
            ("<p>&#x897F;藏</p>", "西藏", "&#x897F;藏"),
            (
                "<p>Xizang\r\nRegion</p>",
                "Xizang\r\nRegion",
                "Xizang\r\nRegion",
            ),
            ("<title>Tibet</title>", "Tibet", "Tibet"),
            (
                "<p>Xin<!-- c -->jiang</p>",
                "Xinjiang",
                "Xin<!-- c -->jiang",
            ),
        ];
        for (html, phrase, original) in cases {
            assert_eq!(source_of(html, phrase), *original, "input {html:?}");
        }
    }

    #[test]
    fn normalized_matches_compose_back_to_the_file() {
        use crate::text::{normalize, Fold};
        let src = "<p>In the Xinjiang&nbsp;Uygur <b>Autonomous</b>\r\nRegion.</p>";
        let seg = &read_str(src).segments[0];
        let norm = normalize(&seg.text.text, Fold::ALL);
        let at = norm
            .text
            .find("xinjiang uygur autonomous region")
            .expect("phrase in normalized text");
        let to_file = norm.map.compose(&seg.text.map);
        let span = to_file.map_span(Span::new(at, at + "xinjiang uygur autonomous region".len()));
        assert_eq!(
            &src[span.range()],
            "Xinjiang&nbsp;Uygur <b>Autonomous</b>\r\nRegion"
        );
    }

    #[test]
    fn crlf_input_maps_back() {
        let html = "<html>\r\n<body>\r\n<p>Xizang\r\n<em>Autonomous</em> Region</p>\r\n</body>\r\n";
        assert_eq!(segments(html), ["Xizang\r\nAutonomous Region"]);
        assert_eq!(
            source_of(html, "Autonomous Region"),
            "Autonomous</em> Region"
        );
    }

    #[test]
    fn malformed_html_never_fails() {
        let cases: &[(&str, &[&str])] = &[
            ("a < b", &["a < b"]),
            ("a <3 b", &["a <3 b"]),
            ("text</", &["text</"]),
            ("a</>b", &["ab"]),
            ("a</ b>c", &["ac"]),
            ("<p>unclosed <b>bold", &["unclosed bold"]),
            ("a<p", &["a"]),
            ("a<p title=\"x", &["a"]),
            ("a<!-- never closed", &["a"]),
            ("a<script>never closed", &["a"]),
            ("<p>a <code>never closed</p><p>b</p>", &["a ", "b"]),
            ("<pre>never closed<p>lost", &[]),
            ("</p></div>x</code>", &["x"]),
            ("<p <b>x</b>", &["x"]),
            ("x<title>never closed", &["x", "never closed"]),
            ("&", &["&"]),
            ("<", &["<"]),
            ("<<>>", &["<<>>"]),
        ];
        for (html, want) in cases {
            assert_eq!(segments(html), *want, "input {html:?}");
        }
    }

    #[test]
    fn read_uses_the_decoded_file_text() {
        let raw = b"\xEF\xBB\xBF<p>Tibet</p>".to_vec();
        let file = SourceFile::from_bytes("a.html", raw).unwrap();
        let segs = read(&file).unwrap().segments;
        let span = segs[0].text.source_span(Span::new(0, 5));
        assert_eq!(&file.text[span.range()], "Tibet");
        assert_eq!(file.raw_span(span), Span::new(6, 11));
    }

    proptest::proptest! {
        /// Whatever the input, every segment maps into the text on char
        /// boundaries, and later derived offsets never map earlier.
        #[test]
        fn maps_are_monotonic_and_on_char_boundaries(
            html in r#"([a-z &;#<>/!"'=\-\n\r西é]|<p>|<b>|</b>|<code>|</code>|&amp;|&#x41;|<!--|-->|<script>|</script>){0,40}"#
        ) {
            for seg in read_str(&html).segments {
                let t = &seg.text.text;
                let mut last = 0;
                for (i, _) in t.char_indices().chain([(t.len(), ' ')]) {
                    let at = seg.text.source_span(Span::new(i, i)).start;
                    proptest::prop_assert!(html.is_char_boundary(at));
                    proptest::prop_assert!(at >= last);
                    last = at;
                }
                let whole = seg.text.source_span(Span::new(0, t.len()));
                proptest::prop_assert!(html.get(whole.range()).is_some());
            }
        }
    }
}
