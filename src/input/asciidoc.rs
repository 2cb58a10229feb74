//! AsciiDoc (Asciidoctor's syntax) read as prose: one segment per
//! paragraph, section or block title, list item, description, admonition
//! and table cell, each mapped into `SourceFile::text`.
//!
//! Skipped, as Markdown's code is: listing, literal, passthrough and fenced
//! blocks (`----`, `....`, `++++`, `` ``` ``), literal paragraphs (indented),
//! the document header's author and revision lines, attribute entries
//! (`:name: value`), block attribute lines (`[source,ruby]`, `[[id]]`),
//! block macros (`image::…[]`, `include::…[]`), and inline monospace,
//! passthroughs, attribute references (`{name}`), anchors, URLs and the
//! macros whose brackets hold no prose (`kbd:[…]`, `image:…[…]`). The
//! brackets of `link:`, `xref:`, `mailto:`, `footnote:` and URL macros, and
//! the text of `<<id,text>>`, are prose. Emphasis marks (`*`, `_`, `#`,
//! `^`, `~`, single or doubled) produce no text when they pair on a line,
//! so `Xizang *Autonomous* Region` reads as one phrase.
//!
//! Comments: `//` lines and `////` blocks, where suppression directives
//! stand. A `:lang:` attribute in the header declares the language.

use super::inline::{closing_mark, url_len, Markup};
use super::sink::SegmentSink;
use super::{Prose, SourceFile};
use crate::error::Result;
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};

/// Reads `file` as AsciiDoc. AsciiDoc has no syntax errors (an unclosed
/// block runs to the end), so this never fails.
pub fn read(file: &SourceFile) -> Result<Prose> {
    Ok(read_str(&file.text))
}

/// The language a `:lang:` attribute entry declares, as written.
pub fn declared_lang(head: &str) -> Option<String> {
    head.lines()
        .take_while(|l| !l.trim().is_empty() || l.is_empty())
        .take(200)
        .find_map(|l| l.trim_end().strip_prefix(":lang:"))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// What a delimiter line opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delimited {
    /// Content that is not prose (listing, literal, passthrough, fenced).
    Verbatim,
    /// A comment block.
    Comment,
    /// A table: cells are prose.
    Table,
    /// A compound block whose content is read as usual (example, sidebar,
    /// quote, open block).
    Compound,
}

fn delimiter(line: &str) -> Option<Delimited> {
    if line == "--" {
        return Some(Delimited::Compound);
    }
    if line.starts_with("```") {
        return Some(Delimited::Verbatim);
    }
    if line.len() >= 4
        && ["|===", ",===", ":===", "!==="]
            .iter()
            .any(|p| line.starts_with(p))
    {
        return line[1..]
            .bytes()
            .all(|b| b == b'=')
            .then_some(Delimited::Table);
    }
    let first = line.bytes().next()?;
    if line.len() < 4 || !line.bytes().all(|b| b == first) {
        return None;
    }
    match first {
        b'-' | b'.' | b'+' => Some(Delimited::Verbatim),
        b'/' => Some(Delimited::Comment),
        b'=' | b'*' | b'_' => Some(Delimited::Compound),
        _ => None,
    }
}

/// `:name: value`, `:name!:`, `:!name:`.
fn is_attribute_entry(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(':') else {
        return false;
    };
    let Some(k) = rest.find(':') else {
        return false;
    };
    let name = rest[..k].trim_matches('!');
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && (rest[k + 1..].is_empty() || rest[k + 1..].starts_with([' ', '\t']))
}

/// `name::target[attributes]` on a line of its own (a block macro, or a
/// preprocessor directive such as `ifdef::env-github[]`).
fn is_block_macro(line: &str) -> bool {
    let Some(k) = line.find("::") else {
        return false;
    };
    let name = &line[..k];
    let Some(open) = line[k + 2..].find('[') else {
        return false;
    };
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !line[k + 2..k + 2 + open].contains(char::is_whitespace)
        && line.ends_with(']')
}

/// A preprocessor directive, which may stand inside a paragraph too.
fn is_preprocessor(line: &str) -> bool {
    ["ifdef::", "ifndef::", "ifeval::", "endif::", "include::"]
        .iter()
        .any(|p| line.starts_with(p))
        && is_block_macro(line)
}

/// The length of a list item's marker and the space after it.
fn list_marker(line: &str) -> Option<usize> {
    let indent = line.len() - line.trim_start().len();
    let rest = &line[indent..];
    let marker = match rest.bytes().next()? {
        b'*' | b'-' | b'.' => {
            let c = rest.as_bytes()[0];
            rest.bytes().take_while(|&b| b == c).count()
        }
        b'0'..=b'9' => {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            (rest.as_bytes().get(digits) == Some(&b'.')).then_some(digits + 1)?
        }
        b'<' => {
            rest.find('>')
                .filter(|&k| rest[1..k].bytes().all(|b| b.is_ascii_digit() || b == b'.'))?
                + 1
        }
        _ => return None,
    };
    let after = &rest[marker..];
    if !after.starts_with([' ', '\t']) || after.trim().is_empty() {
        return None;
    }
    let space = after.len() - after.trim_start().len();
    // A checklist box is markup too.
    let boxed = ["[ ] ", "[x] ", "[*] "]
        .iter()
        .find(|b| after.trim_start().starts_with(*b))
        .map_or(0, |b| b.len());
    Some(indent + marker + space + boxed)
}

/// Where the label of a description list item ends (`term::`, `term;;`)
/// and where its description starts, if the line is one.
fn description_item(line: &str) -> Option<(usize, usize)> {
    for sep in [":::", "::", ";;"] {
        if let Some(k) = line.find(sep) {
            let after = &line[k + sep.len()..];
            if k > 0 && (after.is_empty() || after.starts_with([' ', '\t'])) {
                let space = after.len() - after.trim_start().len();
                return Some((k, k + sep.len() + space));
            }
        }
    }
    None
}

const ADMONITIONS: &[&str] = &["NOTE: ", "TIP: ", "IMPORTANT: ", "WARNING: ", "CAUTION: "];

/// Macros whose brackets hold prose.
const PROSE_MACROS: &[&str] = &[
    "link",
    "xref",
    "mailto",
    "footnote",
    "footnoteref",
    "indexterm2",
];
/// Macros whose target and brackets are not prose.
const OTHER_MACROS: &[&str] = &[
    "image",
    "kbd",
    "btn",
    "menu",
    "pass",
    "stem",
    "latexmath",
    "asciimath",
    "icon",
    "anchor",
    "indexterm",
    "include",
];

struct Reader<'t> {
    text: &'t str,
    /// The paragraph being read, whose inline markup is read when it
    /// ends (markup may span its lines).
    paragraph: Option<(usize, usize)>,
    sink: SegmentSink,
    comments: Vec<Comment>,
}

fn read_str(text: &str) -> Prose {
    let lines = crate::span::LineIndex::new(text).spans(text);
    let mut r = Reader {
        text,
        paragraph: None,
        sink: SegmentSink::new(),
        comments: Vec::new(),
    };
    // The end of the paragraph being read, if one is.
    let mut paragraph: Option<usize> = None;
    let mut tables = 0usize;
    let mut i = 0;
    let mut header = true;
    while i < lines.len() {
        let l = lines[i];
        let raw = &text[l.start..l.end];
        let line = raw.trim_end();
        if line.trim().is_empty() {
            r.flush();
            paragraph = None;
            header = false;
            i += 1;
            continue;
        }
        if let Some(kind) = delimiter(line) {
            r.flush();
            paragraph = None;
            header = false;
            match kind {
                Delimited::Verbatim | Delimited::Comment => {
                    let close = (i + 1..lines.len())
                        .find(|&j| text[lines[j].start..lines[j].end].trim_end() == line);
                    let last = close.unwrap_or(lines.len() - 1);
                    if kind == Delimited::Comment {
                        let body_start = lines.get(i + 1).map_or(l.end, |n| n.start);
                        let body_end = close.map_or(lines[last].end, |c| lines[c].start);
                        r.comments.push(Comment {
                            syntax: CommentSyntax::Block,
                            span: Span::new(l.start, lines[last].end),
                            body: Span::new(body_start.min(body_end), body_end),
                        });
                    }
                    i = last + 1;
                }
                Delimited::Table => {
                    // The same delimiter opens and closes a table.
                    tables = if tables > 0 { tables - 1 } else { 1 };
                    i += 1;
                }
                Delimited::Compound => i += 1,
            }
            continue;
        }
        if is_preprocessor(line) {
            i += 1;
            continue;
        }
        if line == "+" {
            // A list continuation: the next block attaches to the item.
            r.flush();
            paragraph = None;
            i += 1;
            continue;
        }
        if line.starts_with("//") {
            r.comments.push(Comment::to_line_end(
                CommentSyntax::Slashes,
                text,
                l.start,
                2,
            ));
            i += 1;
            continue;
        }
        if paragraph.is_none() {
            if i == 0 || header {
                if let Some(title) = line.strip_prefix("= ") {
                    r.inline(l.end - title.len(), l.start + line.len());
                    r.flush();
                    // The author and revision lines under the title.
                    i += 1;
                    while i < lines.len() {
                        let next = text[lines[i].start..lines[i].end].trim_end();
                        if next.is_empty() || is_attribute_entry(next) || next.starts_with("//") {
                            break;
                        }
                        i += 1;
                    }
                    header = true;
                    continue;
                }
            }
            if is_attribute_entry(line) {
                i += 1;
                continue;
            }
            header = false;
            if (line.starts_with('[') && line.ends_with(']'))
                || is_block_macro(line)
                || matches!(line, "'''" | "<<<" | "***" | "---" | "- - -" | "* * *")
            {
                i += 1;
                continue;
            }
            if raw.starts_with([' ', '\t']) && list_marker(line).is_none() {
                // A literal paragraph, to the next blank line.
                while i < lines.len() && !text[lines[i].start..lines[i].end].trim().is_empty() {
                    i += 1;
                }
                continue;
            }
            let level = line.bytes().take_while(|&b| b == b'=' || b == b'#').count();
            if (1..=6).contains(&level) && line[level..].starts_with(' ') {
                let title = line[level..].trim_end_matches(['=', ' ']).trim_start();
                let start = l.start + line.find(title).unwrap_or(level);
                r.inline(start, start + title.len());
                r.flush();
                i += 1;
                continue;
            }
            if let Some(title) = line.strip_prefix('.') {
                if title.starts_with(|c: char| !c.is_whitespace() && c != '.') {
                    r.inline(l.start + 1, l.start + line.len());
                    r.flush();
                    i += 1;
                    continue;
                }
            }
        }
        let end = l.start + line.strip_suffix(" +").unwrap_or(line).len();
        if tables > 0 {
            r.table_row(l.start, end);
            paragraph = Some(end);
            i += 1;
            continue;
        }
        let mut start = l.start + (raw.len() - raw.trim_start().len());
        if let Some(marker) = list_marker(line) {
            r.flush();
            start = l.start + marker;
        } else if let Some((label_end, description)) = description_item(line) {
            r.flush();
            r.inline(start, l.start + label_end);
            r.flush();
            start = l.start + description;
        } else if let Some(label) = ADMONITIONS.iter().find(|a| line.starts_with(*a)) {
            r.flush();
            start = l.start + label.len();
        }
        r.extend(start, end);
        paragraph = Some(end);
        i += 1;
    }
    r.flush();
    Prose {
        segments: r.sink.finish(),
        language: None,
        comments: r.comments,
    }
}

impl Reader<'_> {
    /// Ends the open segment, reading the paragraph being read first.
    fn flush(&mut self) {
        if let Some((start, end)) = self.paragraph.take() {
            self.inline(start, end);
        }
        self.sink.flush();
    }

    /// Adds `start..end` to the paragraph being read, or starts one.
    fn extend(&mut self, start: usize, end: usize) {
        let start = self.paragraph.map_or(start, |(a, _)| a);
        self.paragraph = Some((start, end.max(start)));
    }

    /// A line of a table: each `|` starts a cell (a segment); what comes
    /// before the first `|` continues the cell before, unless it is a cell
    /// specifier (`2+`, `a`, `^.^`).
    fn table_row(&mut self, start: usize, end: usize) {
        let line = &self.text[start..end];
        let mut cells = line.split('|');
        let before = cells.next().unwrap_or_default();
        let mut at = start + before.len() + 1;
        let is_spec = before
            .trim()
            .bytes()
            .all(|b| b.is_ascii_digit() || b".+*<>^ahlmdevs".contains(&b));
        if !is_spec {
            self.inline(start, start + before.len());
        }
        for cell in cells {
            self.flush();
            // A specifier before the next `|` belongs to that cell.
            let trimmed = cell.trim_end();
            let spec = trimmed.len()
                - trimmed
                    .trim_end_matches(|c: char| c.is_ascii_digit() || ".+*<>^".contains(c))
                    .len();
            let spec = if spec > 0 && trimmed[..trimmed.len() - spec].ends_with(' ') {
                spec
            } else {
                0
            };
            self.inline(at, at + trimmed.len() - spec);
            at += cell.len() + 1;
        }
        self.flush();
    }

    /// The inline text of `start..end` into the open segment.
    fn inline(&mut self, start: usize, end: usize) {
        super::inline::read(&mut self.sink, self.text, start, end, markup);
    }
}

/// The `[…]` right after `len` bytes of `s`: the offset of its `]` and
/// the range inside it.
fn bracket(s: &str, len: usize) -> Option<(usize, (usize, usize))> {
    if !s[len..].starts_with('[') {
        return None;
    }
    let close = len + s[len..].find(']')?;
    Some((close, (len + 1, close)))
}

/// `name:target[…]` at the start of `s`: the name's length, the macro's,
/// and the range inside the brackets.
fn inline_macro(s: &str) -> Option<(usize, usize, (usize, usize))> {
    let name_len = s.find(':')?;
    if name_len == 0 || !s[..name_len].bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let after = name_len + 1;
    let open = after + s[after..].find(|c: char| c == '[' || c.is_whitespace())?;
    let (close, inner) = bracket(s, open)?;
    Some((name_len, close + 1, inner))
}

/// The text of a macro's attribute list: up to the first `,` when named
/// attributes follow (`text, window=_blank`), without quotes.
fn attribute_text(s: &str, (a, b): (usize, usize)) -> (usize, usize) {
    let inner = &s[a..b];
    let end = match inner.find(',') {
        Some(c) if inner[c..].contains('=') => a + c,
        _ => b,
    };
    let quoted = inner.starts_with('"') && s[..end].ends_with('"') && end > a + 1;
    let (a, end) = if quoted { (a + 1, end - 1) } else { (a, end) };
    // A trailing `^` asks for a new window; it is not text.
    let end = if s[..end].ends_with('^') {
        end - 1
    } else {
        end
    };
    (a, end.max(a))
}

/// `range` offset by `k`, unless it is empty.
fn non_empty(k: usize, (a, b): (usize, usize)) -> Option<(usize, usize)> {
    (a < b).then_some((k + a, k + b))
}

/// AsciiDoc's inline [`Rule`].
fn markup(line: &str, k: usize) -> Option<Markup> {
    let bytes = line.as_bytes();
    let rest = &line[k..];
    let skip = |len: usize, prose: Option<(usize, usize)>| Some(Markup::Skip { len, prose });
    let word_start = k == 0 || !line[..k].ends_with(|c: char| c.is_alphanumeric());
    match bytes[k] {
        b'\\' if rest.len() > 1 && rest[1..].starts_with(|c: char| "*_#`+{[<^~\\".contains(c)) => {
            let c = rest[1..].chars().next().unwrap_or('\\');
            Some(Markup::Escape {
                len: 1 + c.len_utf8(),
                text: c.to_string(),
            })
        }
        // A hard line break (` +` at a line's end), with its space.
        b' ' if rest.starts_with(" +\n") || rest.starts_with(" +\r") => skip(2, None),
        b'`' => rest[1..]
            .find('`')
            .filter(|&c| c > 0)
            .and_then(|close| skip(close + 2, None)),
        b'+' => {
            let mark = ["+++", "++", "+"]
                .into_iter()
                .find(|m| rest.starts_with(m))?;
            closing_mark(line, k, mark).and_then(|close| skip(close + mark.len() - k, None))
        }
        b'{' => {
            let n = rest[1..].find('}').filter(|&n| {
                n > 0
                    && rest[1..1 + n]
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            })?;
            // `{url-docs}/path[text]`: a reference that holds a URL, used
            // as a link.
            let target = rest[n + 2..]
                .find(|c: char| c == '[' || c.is_whitespace())
                .unwrap_or(rest.len() - n - 2);
            match bracket(rest, n + 2 + target) {
                Some((close, inner)) => skip(close + 1, non_empty(k, attribute_text(rest, inner))),
                None => skip(n + 2, None),
            }
        }
        b'<' if rest.starts_with("<<") => {
            let close = rest.find(">>")?;
            let text = rest[2..close]
                .find(',')
                .map(|c| (k + 2 + c + 1, k + close))
                .filter(|(a, b)| a < b);
            skip(close + 2, text)
        }
        b'[' if rest.starts_with("[[") => rest.find("]]").and_then(|close| skip(close + 2, None)),
        // `[.role]#text#`: the attribute list before a mark.
        b'[' => rest
            .find(']')
            .filter(|&close| rest[close + 1..].starts_with(['#', '*', '_']))
            .and_then(|close| skip(close + 1, None)),
        b'*' | b'_' | b'#' | b'^' | b'~' => {
            let c = &rest[..1];
            let double = format!("{c}{c}");
            let (close, len) = if rest.starts_with(&double) {
                rest[2..]
                    .find(&double)
                    .filter(|&n| n > 0)
                    .map(|n| (k + 2 + n, 2))?
            } else {
                (closing_mark(line, k, c)?, 1)
            };
            Some(Markup::Emphasis { len, close })
        }
        b if b.is_ascii_alphabetic() && word_start => {
            if let Some(len) = url_len(rest) {
                return match bracket(rest, len) {
                    Some((close, inner)) => {
                        skip(close + 1, non_empty(k, attribute_text(rest, inner)))
                    }
                    None => skip(len, None),
                };
            }
            let (name_len, macro_len, inner) = inline_macro(rest)?;
            let name = &rest[..name_len];
            if PROSE_MACROS.contains(&name) {
                skip(macro_len, non_empty(k, attribute_text(rest, inner)))
            } else if OTHER_MACROS.contains(&name) {
                skip(macro_len, None)
            } else {
                None
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::file;

    fn texts(text: &str) -> Vec<String> {
        crate::input::testing::texts_mapping_macau("a.adoc", text, read)
    }

    #[test]
    fn blocks_titles_lists_and_header() {
        let text = "= The Macau Guide\nJane Doe <jane@example.com>\nv1.0, 2024-01-01\n:lang: en\n:toc: left\n\n== Visiting Macau\n\nMacau is a city +\non the `coast\n  road`.\n\n.A block title\n[source,python]\n----\nmacau = 'Macau'\n----\n\n* first item\n+\n[source]\n----\nmacau\n----\n** second item\n. ordered\nTerm:: its description\n\nNOTE: Mind the ferries.\n\n image::macau.png[Macau]\n\n  literal Macau\n  lines\n\n====\nInside an example.\n====\n";
        assert_eq!(
            texts(text),
            [
                "The Macau Guide",
                "Visiting Macau",
                "Macau is a city on the .",
                "A block title",
                "first item",
                "second item",
                "ordered",
                "Term",
                "its description",
                "Mind the ferries.",
                "Inside an example.",
            ]
        );
        assert_eq!(declared_lang(text).as_deref(), Some("en"));
    }

    #[test]
    fn inline_markup_is_skipped_and_its_text_kept() {
        let text = "Xizang *Autonomous* Region, `code Macau`, {product-name}, +pass Macau+ and __un__constrained.\nSee https://example.com/macau[the Macau site], {url-docs}/macau[Macau docs^], link:macau.html[Macau page, window=_blank], <<macau-id,Macau section>>, <<other>>, kbd:[Ctrl+M], image:macau.png[Macau] and footnote:[A Macau note.] [[anchor]]here, [.role]#marked# and C# or snake_case_name.\n";
        assert_eq!(
            texts(text),
            ["Xizang Autonomous Region, , ,  and unconstrained. See the Macau site, Macau docs, Macau page, Macau section, , ,  and A Macau note. here, marked and C# or snake_case_name."]
        );
    }

    #[test]
    fn comments_and_tables() {
        let text = "ifdef::env-github[:icons: font]\n// termalign: ignore\nMacau one.\nendif::[]\n\n////\nA Macau block comment.\n////\n\n|===\n|Name |Place\n\n|Ferry |Macau\n2+|Spanning Macau\n|===\n";
        assert_eq!(
            texts(text),
            [
                "Macau one.",
                "Name",
                "Place",
                "Ferry",
                "Macau",
                "Spanning Macau"
            ]
        );
        let prose = read(&file("a.adoc", text)).unwrap();
        let syntaxes: Vec<CommentSyntax> = prose.comments.iter().map(|c| c.syntax).collect();
        assert_eq!(syntaxes, [CommentSyntax::Slashes, CommentSyntax::Block]);
        let body = prose.comments[1].body;
        assert_eq!(&text[body.start..body.end], "A Macau block comment.\n");
    }
}
