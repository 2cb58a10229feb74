//! reStructuredText (docutils and Sphinx) read as prose: one segment per
//! paragraph, section title, list item, line-block line, field body and
//! table cell, each mapped into `SourceFile::text`.
//!
//! Skipped, as Markdown's code is: literal blocks (after `::`), doctest
//! blocks (`>>>`), section adornments and transitions, table borders,
//! field names, hyperlink targets, substitution definitions, and the
//! directives whose content is not prose (`code-block`, `math`, `image`,
//! `toctree`, `raw`, and any directive this does not know), with their
//! options; the content of admonitions (`note`, `warning`, …) and of
//! `topic`, `sidebar`, `rubric`, `epigraph` and the like is prose. Inline
//! literals (` ``code`` `), roles (`:ref:`…``), interpreted text,
//! substitution references (`|name|`), footnote and citation references
//! (`[1]_`) and bare URLs are skipped; the text of a hyperlink reference
//! (`` `Macao <https://…>`_ ``, `word_`) is prose. Emphasis marks produce
//! no text when they pair on a line.
//!
//! Comments (`.. ` lines that are no directive, target or footnote, with
//! their indented continuation) are where suppression directives stand.

use super::inline::{closing_mark, url_len, Markup};
use super::sink::SegmentSink;
use super::{Prose, SourceFile};
use crate::error::Result;
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};

/// Reads `file` as reStructuredText. Markup errors are the renderer's to
/// report; this reads what it can and never fails.
pub fn read(file: &SourceFile) -> Result<Prose> {
    Ok(read_str(&file.text))
}

/// Directives whose content (and argument) is prose.
const PROSE_DIRECTIVES: &[&str] = &[
    "attention",
    "caution",
    "danger",
    "error",
    "hint",
    "important",
    "note",
    "tip",
    "warning",
    "admonition",
    "seealso",
    "topic",
    "sidebar",
    "rubric",
    "epigraph",
    "highlights",
    "pull-quote",
    "compound",
    "container",
    "versionadded",
    "versionchanged",
    "deprecated",
    "centered",
    "hlist",
    "glossary",
    "only",
    "tab",
    "tabs",
    "dropdown",
];

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches([' ', '\t']).len()
}

/// A section adornment or transition: one punctuation character repeated,
/// at least 3 times (docutils takes a shorter underline as a title too,
/// with a warning).
fn is_adornment(line: &str) -> bool {
    let line = line.trim_end();
    let Some(c) = line.chars().next() else {
        return false;
    };
    c.is_ascii_punctuation() && line.chars().all(|x| x == c) && line.len() >= 3
}

/// A simple table's border: runs of `=` separated by spaces, two or more.
fn is_simple_table_border(line: &str) -> bool {
    let t = line.trim_end();
    t.starts_with('=') && t.contains(' ') && t.bytes().all(|b| b == b'=' || b == b' ')
}

/// The length of a list item's marker and the space after it.
fn list_marker(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let marker = match *bytes.first()? {
        b'*' | b'+' | b'-' => 1,
        _ if line.starts_with(['•', '‣', '⁃']) => 3,
        b'(' => {
            let close = line.find(')')?;
            enumerator(&line[1..close]).then_some(close + 1)?
        }
        _ => {
            let end = line.find(['.', ')'])?;
            enumerator(&line[..end]).then_some(end + 1)?
        }
    };
    let after = &line[marker..];
    if !after.starts_with(' ') || after.trim().is_empty() {
        return None;
    }
    Some(marker + after.len() - after.trim_start().len())
}

/// `1`, `#`, `a`, `iv`: what an enumerated list counts with.
fn enumerator(s: &str) -> bool {
    s == "#"
        || (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
        || (s.len() == 1 && s.bytes().all(|b| b.is_ascii_alphabetic()))
        || (!s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b"ivxlcIVXLC".contains(&b)))
}

/// `:name: body`: the offset where the body starts.
fn field(line: &str) -> Option<usize> {
    let rest = line.strip_prefix(':')?;
    let k = rest.find(':')?;
    let name = &rest[..k];
    let after = &rest[k + 1..];
    (!name.is_empty() && !name.starts_with(' ') && (after.is_empty() || after.starts_with(' ')))
        .then(|| 1 + k + 1 + after.len() - after.trim_start().len())
}

/// `name::` after `.. `: the directive's name and where its argument
/// starts.
fn directive(rest: &str) -> Option<(&str, usize)> {
    let k = rest.find("::")?;
    let name = &rest[..k];
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_:+.".contains(&b));
    let after = &rest[k + 2..];
    (valid && (after.is_empty() || after.starts_with(' '))).then(|| {
        (
            name.rsplit(':').next().unwrap_or(name),
            k + 2 + after.len() - after.trim_start().len(),
        )
    })
}

struct Reader<'t> {
    text: &'t str,
    /// The paragraph being read, whose inline markup is read when it
    /// ends (markup may span its lines).
    paragraph: Option<(usize, usize)>,
    lines: Vec<Span>,
    sink: SegmentSink,
    comments: Vec<Comment>,
}

fn read_str(text: &str) -> Prose {
    let mut r = Reader {
        text,
        lines: crate::span::LineIndex::new(text).spans(text),
        paragraph: None,
        sink: SegmentSink::new(),
        comments: Vec::new(),
    };
    r.body();
    Prose {
        segments: r.sink.finish(),
        language: None,
        comments: r.comments,
    }
}

impl<'t> Reader<'t> {
    fn line(&self, i: usize) -> &'t str {
        let l = self.lines[i];
        &self.text[l.start..l.end]
    }

    fn blank(&self, i: usize) -> bool {
        self.line(i).trim().is_empty()
    }

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

    /// The index after the block that follows line `i` and is indented
    /// more than `indent` (blank lines inside it included, trailing ones
    /// not).
    fn indented_block_end(&self, i: usize, indent: usize) -> usize {
        let mut end = i + 1;
        let mut j = i + 1;
        while j < self.lines.len() {
            if self.blank(j) {
                j += 1;
                continue;
            }
            if indent_of(self.line(j)) <= indent {
                break;
            }
            j += 1;
            end = j;
        }
        end
    }

    fn body(&mut self) {
        // The end of the paragraph being read, if one is.
        let mut paragraph: Option<usize> = None;
        let mut paragraph_indent = 0;
        // The indent of a paragraph that ended in `::`: a literal block
        // follows it.
        let mut literal_after: Option<usize> = None;
        let mut simple_table = false;
        let mut i = 0;
        while i < self.lines.len() {
            let l = self.lines[i];
            let raw = self.line(i);
            if raw.trim().is_empty() {
                self.flush();
                paragraph = None;
                i += 1;
                continue;
            }
            let indent = indent_of(raw);
            let line = raw[indent..].trim_end();
            let start = l.start + indent;
            if paragraph.is_some() && indent < paragraph_indent {
                // Less indented: the block the paragraph was in has ended.
                self.flush();
                paragraph = None;
            }
            if paragraph.is_none() {
                paragraph_indent = indent;
            }
            if let Some(outer) = literal_after.take() {
                if paragraph.is_none() && indent > outer {
                    i = self.indented_block_end(i, outer);
                    continue;
                }
            }
            if paragraph.is_none() {
                // An overlined title, a title, or a transition.
                if is_adornment(line) {
                    let title = i + 1 < self.lines.len() && !self.blank(i + 1);
                    if title && i + 2 < self.lines.len() && is_adornment(self.line(i + 2)) {
                        let t = self.lines[i + 1];
                        let title = self.line(i + 1);
                        let lead = indent_of(title);
                        self.inline(t.start + lead, t.start + title.trim_end().len());
                        self.flush();
                        i += 3;
                        continue;
                    }
                    if !is_simple_table_border(line) {
                        i += 1;
                        continue;
                    }
                }
                if i + 1 < self.lines.len() && is_adornment(self.line(i + 1)) {
                    self.inline(start, start + line.len());
                    self.flush();
                    i += 2;
                    continue;
                }
                if is_simple_table_border(line) {
                    // A border opens a table; one with a blank line or the
                    // end after it closes it (the header's border does not).
                    simple_table =
                        !simple_table || (i + 1 < self.lines.len() && !self.blank(i + 1));
                    i += 1;
                    continue;
                }
                if line.starts_with("+-") || line.starts_with("+=") {
                    // A grid table's border.
                    i += 1;
                    continue;
                }
                if line.starts_with(">>>") {
                    while i < self.lines.len() && !self.blank(i) {
                        i += 1;
                    }
                    continue;
                }
                if line == ".." || line.starts_with(".. ") {
                    i = self.explicit(i, indent);
                    continue;
                }
                if line == "::" {
                    literal_after = Some(indent);
                    i += 1;
                    continue;
                }
            }
            let mut from = start;
            let mut to = start + line.len();
            if let Some(lead) = line.strip_suffix("::") {
                // `Paragraph::` reads `Paragraph:`; `Paragraph ::` reads
                // `Paragraph`.
                let before = lead.trim_end();
                to = if before.len() < lead.len() {
                    start + before.len()
                } else {
                    to - 1
                };
                literal_after = Some(indent);
            }
            if line.starts_with('|') && (line.len() == 1 || line[1..].starts_with(' ')) {
                if line.trim_end().ends_with('|') && line.len() > 1 {
                    // A grid table's row.
                    self.grid_row(start, start + line.len());
                    paragraph = None;
                    i += 1;
                    continue;
                }
                // A line block's line.
                self.flush();
                from = start + 1 + (line.len() - 1 - line[1..].trim_start().len());
            } else if simple_table {
                self.simple_row(start, start + line.len());
                i += 1;
                continue;
            } else if let Some(marker) = list_marker(line) {
                self.flush();
                from = start + marker;
            } else if let Some(body) = field(line).filter(|_| paragraph.is_none()) {
                self.flush();
                from = start + body;
            }
            self.extend(from, to);
            paragraph = Some(to.max(from));
            i += 1;
        }
        self.flush();
    }

    /// An explicit markup block (`.. ` at line `i`): a directive, target,
    /// substitution definition, footnote or comment. Returns the index of
    /// the line after it.
    fn explicit(&mut self, i: usize, indent: usize) -> usize {
        let l = self.lines[i];
        let line = self.line(i).trim_end();
        let rest = line[indent..]
            .strip_prefix("..")
            .unwrap_or_default()
            .trim_start();
        let rest_at = l.start + line.len() - rest.len();
        let end = self.indented_block_end(i, indent);
        if rest.starts_with('_') || rest.starts_with('|') {
            return end;
        }
        if let Some(close) = rest.strip_prefix('[').and_then(|r| r.find(']')) {
            // A footnote or citation: its text is prose, read as a body.
            self.flush();
            let body = &rest[close + 2..];
            let body_at = rest_at + rest.len() - body.trim_start().len();
            self.inline(body_at, rest_at + rest.len());
            return i + 1;
        }
        if let Some((name, argument)) = directive(rest) {
            self.flush();
            if !PROSE_DIRECTIVES.contains(&name.to_ascii_lowercase().as_str()) {
                return end;
            }
            // The argument is the first line of a paragraph its indented
            // lines continue; options, then the content, which the body
            // loop reads.
            self.extend(rest_at + argument, rest_at + rest.len());
            let mut j = i + 1;
            while j < end && field(self.line(j).trim_start()).is_some() {
                j += 1;
            }
            return j;
        }
        let last = self.lines[end - 1];
        self.comments.push(Comment {
            syntax: CommentSyntax::Block,
            span: Span::new(l.start, last.end),
            body: Span::new(rest_at.min(last.end), last.end),
        });
        end
    }

    fn grid_row(&mut self, start: usize, end: usize) {
        let line = &self.text[start..end];
        let mut at = start + 1;
        for cell in line[1..].split('|') {
            self.flush();
            let lead = cell.len() - cell.trim_start().len();
            self.inline(at + lead, at + cell.trim_end().len().max(lead));
            at += cell.len() + 1;
        }
        self.flush();
    }

    /// A simple table's row: columns stand two or more spaces apart.
    fn simple_row(&mut self, start: usize, end: usize) {
        self.flush();
        let line = &self.text[start..end];
        let mut cell_start = 0;
        let mut k = 0;
        while let Some(gap) = line[k..].find("  ") {
            let gap_at = k + gap;
            self.inline(start + cell_start, start + gap_at);
            self.flush();
            let after = line[gap_at..].len() - line[gap_at..].trim_start().len();
            cell_start = gap_at + after;
            k = cell_start.max(gap_at + 1);
        }
        self.inline(start + cell_start, end);
        self.flush();
    }

    /// The inline text of `start..end` into the open segment.
    fn inline(&mut self, start: usize, end: usize) {
        super::inline::read(&mut self.sink, self.text, start, end, markup);
    }
}

/// The text a role shows that is prose: the explicit title of a
/// cross-reference (`:ref:`the Macao guide <macao>``), the whole content
/// of a glossary term, abbreviation or GUI label; nothing for code, paths,
/// maths and the like.
fn role_text(name: &str, line: &str, (a, b): (usize, usize)) -> Option<(usize, usize)> {
    let content = &line[a..b];
    match name {
        "ref" | "doc" | "numref" | "any" | "download" | "term" => match content.rfind(" <") {
            Some(t) if content.ends_with('>') => Some((a, a + t)),
            _ if name == "term" => Some((a, b)),
            _ => None,
        },
        "abbr" => Some((a, a + content.find(" (").unwrap_or(content.len()))),
        "guilabel" | "emphasis" | "strong" | "title-reference" | "sub" | "sup" => Some((a, b)),
        _ => None,
    }
    .filter(|(a, b)| a < b)
}

/// The length of a role (`:ref:`, `:py:func:`) at the start of `s`, or 0.
fn role_len(s: &str) -> usize {
    let Some(rest) = s.strip_prefix(':') else {
        return 0;
    };
    let name = rest
        .bytes()
        .take_while(|&b| b.is_ascii_alphanumeric() || b"-_:+.".contains(&b))
        .count();
    // The name ran through the closing `:`; it must end with one.
    if name >= 2 && rest.as_bytes()[name - 1] == b':' {
        1 + name
    } else {
        0
    }
}

/// reStructuredText's inline [`Rule`].
fn markup(line: &str, k: usize) -> Option<Markup> {
    let bytes = line.as_bytes();
    let rest = &line[k..];
    let skip = |len: usize, prose: Option<(usize, usize)>| Some(Markup::Skip { len, prose });
    let word_start = k == 0 || !line[..k].ends_with(|c: char| c.is_alphanumeric());
    let underscores = |s: &str| s.len() - s.trim_start_matches('_').len();
    match bytes[k] {
        b'\\' if rest.len() > 1 => {
            let c = rest[1..].chars().next().unwrap_or('\\');
            // An escaped space is nothing; any other escaped character is
            // itself.
            let text = if c == ' ' {
                String::new()
            } else {
                c.to_string()
            };
            Some(Markup::Escape {
                len: 1 + c.len_utf8(),
                text,
            })
        }
        b'`' if rest.starts_with("``") => {
            rest[2..].find("``").and_then(|close| skip(close + 4, None))
        }
        b'`' => {
            let close = rest[1..].find('`').filter(|&c| c > 0)?;
            let inner = &rest[1..1 + close];
            let after = &rest[close + 2..];
            let refs = underscores(after);
            if !(1..=2).contains(&refs) {
                // Interpreted text, with a role after it if any.
                return skip(close + 2 + role_len(after), None);
            }
            // A hyperlink reference: its text is prose.
            let target = inner
                .rfind('<')
                .filter(|&t| t > 0 && inner[..t].ends_with(char::is_whitespace));
            let text_len = match target {
                Some(t) if inner.ends_with('>') => inner[..t].trim_end().len(),
                _ if inner.starts_with('<') => 0,
                _ => inner.len(),
            };
            skip(
                close + 2 + refs,
                (text_len > 0).then_some((k + 1, k + 1 + text_len)),
            )
        }
        b':' => {
            let role = role_len(rest);
            if role == 0 || !rest[role..].starts_with('`') {
                return None;
            }
            let close = rest[role + 1..].find('`')?;
            let refs = underscores(&rest[role + close + 2..]).min(2);
            let name = rest[1..role - 1].rsplit(':').next().unwrap_or_default();
            let content = (k + role + 1, k + role + 1 + close);
            skip(role + close + 2 + refs, role_text(name, line, content))
        }
        b'|' if word_start => {
            let close = closing_mark(line, k, "|")?;
            let refs = underscores(&line[close + 1..]).min(2);
            skip(close + 1 + refs - k, None)
        }
        b'[' => {
            let close = rest.find("]_")?;
            let label = &rest[1..close];
            let is_reference =
                !label.is_empty() && !label.contains(' ') && !rest[close + 2..].starts_with('_');
            if is_reference {
                skip(close + 2, None)
            } else {
                None
            }
        }
        b'*' => {
            let mark = if rest.starts_with("**") { "**" } else { "*" };
            let close = closing_mark(line, k, mark)?;
            Some(Markup::Emphasis {
                len: mark.len(),
                close,
            })
        }
        b'_' if !word_start => {
            // `word_` and `word__`: a reference whose text is the word.
            let refs = underscores(rest);
            let after = rest[refs..].chars().next();
            let ends = after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}'\"".contains(c));
            if refs <= 2 && ends {
                skip(refs, None)
            } else {
                None
            }
        }
        b if b.is_ascii_alphabetic() && word_start => url_len(rest).and_then(|len| skip(len, None)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::file;

    fn texts(text: &str) -> Vec<String> {
        crate::input::testing::texts_mapping_macau("a.rst", text, read)
    }

    #[test]
    fn titles_paragraphs_lists_and_literal_blocks() {
        let text = "==========\nMacau Guide\n==========\n\nVisiting Macau\n--------------\n\nMacau is a city\non the coast::\n\n    macau = 'Macau'\n    print(macau)\n\nBack to prose.\n\n* first item\n* second\n  item\n\n1. one\n#. two\n\n:Author: Jane Macau\n\n| A line block\n| second line\n\n>>> macau()\n'Macau'\n\n----\n\nExpanded ::\n\n    literal\n\nAfter.\n";
        assert_eq!(
            texts(text),
            [
                "Macau Guide",
                "Visiting Macau",
                "Macau is a city on the coast:",
                "Back to prose.",
                "first item",
                "second item",
                "one",
                "two",
                "Jane Macau",
                "A line block",
                "second line",
                "Expanded",
                "After.",
            ]
        );
    }

    #[test]
    fn directives_prose_or_not_and_comments() {
        let text = ".. note:: Mind the Macau\n          ferries.\n\n.. tip::\n   :class: tip\n\n   More about Macau.\n.. warning:: Right after.\n\n.. code-block:: python\n   :linenos:\n\n   macau = 'Macau'\n\n.. image:: macau.png\n   :alt: Macau\n\n.. _macau-target:\n\n.. |macau| replace:: Macau\n\n.. termalign: ignore\n   and a second comment line\n\nAfter the comment.\n\n.. [1] A Macau footnote.\n";
        assert_eq!(
            texts(text),
            [
                "Mind the Macau ferries.",
                "More about Macau.",
                "Right after.",
                "After the comment.",
                "A Macau footnote.",
            ]
        );
        let prose = read(&file("a.rst", text)).unwrap();
        assert_eq!(prose.comments.len(), 1);
        let c = prose.comments[0];
        assert_eq!(c.syntax, CommentSyntax::Block);
        assert_eq!(
            &text[c.body.start..c.body.end],
            "termalign: ignore\n   and a second comment line"
        );
    }

    #[test]
    fn inline_markup_is_skipped_and_link_text_kept() {
        let text = "Xizang *Autonomous* Region, ``code Macau``, :ref:`macau-label`, :ref:`the Macau guide <macau>`, :term:`Macau SAR`, :code:`macau()`, `interpreted Macau`, |macau|, [1]_ and\n`the Macau site <https://example.com/macau>`_, Macau_, :ref:`across\n   lines <x>`, see https://example.com/macau. An escaped \\*star\\* and snake_case.\n";
        assert_eq!(
            texts(text),
            ["Xizang Autonomous Region, , , the Macau guide, Macau SAR, , , ,  and the Macau site, Macau, across lines, see . An escaped *star* and snake_case."]
        );
    }

    #[test]
    fn tables_give_one_segment_per_cell() {
        let text = "+-------+-------+\n| Ferry | Macau |\n+=======+=======+\n| Boat  | Taipa |\n+-------+-------+\n\n=====  =====\nName   Place\n=====  =====\nFerry  Macau\n=====  =====\n";
        assert_eq!(
            texts(text),
            ["Ferry", "Macau", "Boat", "Taipa", "Name", "Place", "Ferry", "Macau"]
        );
    }
}
