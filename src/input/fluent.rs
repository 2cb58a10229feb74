//! Project Fluent (`.ftl`) resources: message and term values and their
//! attributes are prose, identifiers and placeables never.
//!
//! An entry is `id = pattern` at the start of a line (`-id` for a term),
//! its pattern continued on indented lines, with `.attribute = pattern`
//! lines under it. Segment ids are `id` and `id.attribute`. Placeables
//! (`{ $count }`, `{ -brand-name }`, `{ NUMBER($n) }`, `{ "{" }`) are read
//! as one space each, atomically; the variants of a select expression
//! (`{ $n -> [one] … *[other] … }`) are segments of their own, with ids
//! `id[one]`, `id[other]`, so that two resources align variant by variant.
//! A line break with the next line's indentation reads as one space.
//! `#`, `##` and `###` comments are reported for suppressions; any other
//! line at the start of a line that is not an entry is an error with its
//! position, as Fluent's own parser reports it as junk.

use crate::error::{Error, Result};
use crate::input::{Prose, Segment, SourceFile};
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::MappedTextBuilder;

/// Reads a Fluent resource's patterns.
pub fn read(file: &SourceFile) -> Result<Prose> {
    let text = file.text.as_str();
    let mut segments = Vec::new();
    let mut comments = Vec::new();
    let lines = file.lines.spans(text);
    let mut i = 0;
    while i < lines.len() {
        let line = &text[lines[i].start..lines[i].end];
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        if line.starts_with('#') {
            let hashes = line.bytes().take_while(|&b| b == b'#').count().min(3);
            comments.push(Comment::to_line_end(
                CommentSyntax::Hash,
                text,
                lines[i].start,
                hashes,
            ));
            i += 1;
            continue;
        }
        let Some((id, value_at)) = entry_head(line) else {
            let at = lines[i].start;
            return Err(Error::input(
                file.origin(at),
                "expected a message (`id = value`), a term (`-id = value`) or a `#` comment",
            ));
        };
        // The entry runs over the indented lines below it.
        let mut last = i;
        let mut j = i + 1;
        while j < lines.len() {
            let next = &text[lines[j].start..lines[j].end];
            if next.trim().is_empty() {
                j += 1;
                continue;
            }
            // A placeable, or a placeable's closing brace, may stand at
            // the line's start.
            if !next.starts_with([' ', '\t', '{', '}']) {
                break;
            }
            last = j;
            j += 1;
        }
        let entry = Span::new(lines[i].start, lines[last].end);
        // Split the entry into its value and its attributes.
        let mut parts = vec![(id.to_owned(), lines[i].start + value_at)];
        for l in &lines[i + 1..=last] {
            let content = &text[l.start..l.end];
            let indent = content.len() - content.trim_start().len();
            if let Some((name, value_at)) = attribute_head(&content[indent..]) {
                parts.push((format!("{id}.{name}"), l.start + indent + value_at));
            }
        }
        for (k, (part_id, value_start)) in parts.iter().enumerate() {
            let value_end = match parts.get(k + 1) {
                // Up to the line break before the next attribute's line.
                Some((_, next)) => text[..*next].rfind('\n').unwrap_or(*next),
                None => entry.end,
            };
            Pattern {
                file,
                text,
                segments: &mut segments,
                entry,
            }
            .read(part_id, *value_start, value_end.max(*value_start))?;
        }
        i = last + 1;
    }
    Ok(Prose {
        segments,
        language: None,
        comments,
    })
}

fn is_identifier(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// `id =` or `-id =` at the start of `line`: the id and where the value
/// starts (after the blanks that follow `=`).
fn entry_head(line: &str) -> Option<(&str, usize)> {
    let eq = line.find('=')?;
    let id = line[..eq].trim_end();
    let name = id.strip_prefix('-').unwrap_or(id);
    if !is_identifier(name) || id.len() != line[..eq].trim_end().len() || line.starts_with(' ') {
        return None;
    }
    let after = &line[eq + 1..];
    Some((
        id,
        eq + 1 + after.len() - after.trim_start_matches([' ', '\t']).len(),
    ))
}

/// `.name =` at the start of `s`: the name and where the value starts.
fn attribute_head(s: &str) -> Option<(&str, usize)> {
    let rest = s.strip_prefix('.')?;
    let eq = rest.find('=')?;
    let name = rest[..eq].trim_end();
    if !is_identifier(name) {
        return None;
    }
    let after = &rest[eq + 1..];
    Some((
        name,
        1 + eq + 1 + after.len() - after.trim_start_matches([' ', '\t']).len(),
    ))
}

struct Pattern<'a> {
    file: &'a SourceFile,
    text: &'a str,
    segments: &'a mut Vec<Segment>,
    entry: Span,
}

impl Pattern<'_> {
    /// Reads the pattern `start..end` as the segment `id`, its select
    /// expressions' variants as segments of their own.
    fn read(&mut self, id: &str, start: usize, end: usize) -> Result<()> {
        let text = self.text;
        let bytes = text.as_bytes();
        // A pattern may start on the line after its `=`.
        let start = (start + text[start..end].len() - text[start..end].trim_start().len()).min(end);
        let mut b = MappedTextBuilder::new(start);
        let mut k = start;
        let mut run = start;
        while k < end {
            match bytes[k] {
                b'{' => {
                    b.copy(&text[run..k]);
                    let close = self.placeable_end(k, end)?;
                    let inner = &text[k + 1..close];
                    match select_arrow(inner) {
                        Some(arrow) => {
                            self.variants(id, k + 1 + arrow + 2, close)?;
                            b.replace(close + 1 - k, " ");
                        }
                        None => b.replace(close + 1 - k, " "),
                    }
                    k = close + 1;
                    run = k;
                }
                b'}' => {
                    return Err(Error::input(
                        self.file.origin(k),
                        "unbalanced `}` in a pattern (write `{\"}\"}` for a brace)",
                    ));
                }
                b'\r' | b'\n' => {
                    b.copy(&text[run..k]);
                    let rest = &text[k..end];
                    let blank = rest.len() - rest.trim_start().len();
                    // Trailing line breaks are not part of the value.
                    if k + blank < end {
                        b.replace(blank, " ");
                    }
                    k += blank;
                    run = k;
                }
                _ => k += 1,
            }
        }
        let tail = text[run..end].trim_end();
        b.copy(tail);
        let mapped = b.finish();
        if !mapped.text.trim().is_empty() {
            self.segments.push(Segment {
                id: Some(id.to_owned()),
                text: mapped,
                entry: Some(self.entry),
            });
        }
        Ok(())
    }

    /// The offset of the `}` that closes the placeable opened at `open`:
    /// nested placeables and string literals (`"}"`) are passed over.
    fn placeable_end(&self, open: usize, end: usize) -> Result<usize> {
        let bytes = self.text.as_bytes();
        let mut depth = 0;
        let mut k = open;
        while k < end {
            match bytes[k] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(k);
                    }
                }
                b'"' => {
                    k += 1;
                    while k < end && bytes[k] != b'"' {
                        if bytes[k] == b'\\' {
                            k += 1;
                        }
                        k += 1;
                    }
                }
                _ => {}
            }
            k += 1;
        }
        Err(Error::input(
            self.file.origin(open),
            "unclosed placeable: no `}` for this `{`",
        ))
    }

    /// The variants `[key] pattern` of a select expression between `start`
    /// (after `->`) and `end` (its `}`), each a segment `id[key]`.
    fn variants(&mut self, id: &str, start: usize, end: usize) -> Result<()> {
        let text = self.text;
        let mut k = start;
        let mut heads = Vec::new();
        // Variant keys stand at the start of a line, after blanks and an
        // optional `*`.
        while k < end {
            let line_end = text[k..end].find('\n').map_or(end, |n| k + n);
            let line = &text[k..line_end];
            let lead = line.len() - line.trim_start_matches([' ', '\t', '\r']).len();
            let rest = &line[lead..];
            let rest = rest.strip_prefix('*').unwrap_or(rest);
            if let Some(close) = rest.strip_prefix('[').and_then(|r| r.find(']')) {
                let key = rest[1..1 + close].trim();
                let key_end = line_end - rest.len() + 1 + close + 1;
                heads.push((key.to_owned(), key_end));
            }
            k = line_end + 1;
        }
        if heads.is_empty() {
            return Err(Error::input(
                self.file.origin(start),
                "a select expression without variants",
            ));
        }
        for (n, (key, value_start)) in heads.iter().enumerate() {
            let value_end = match heads.get(n + 1) {
                Some((_, next)) => text[..*next].rfind('\n').unwrap_or(*next),
                None => end,
            };
            let rest = &text[*value_start..value_end];
            let blank = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            self.read(
                &format!("{id}[{key}]"),
                value_start + blank,
                value_end.max(value_start + blank),
            )?;
        }
        Ok(())
    }
}

/// The offset of a select expression's `->` in a placeable's inside, if it
/// is one (outside string literals and nested placeables).
fn select_arrow(inner: &str) -> Option<usize> {
    let bytes = inner.as_bytes();
    let mut depth = 0;
    let mut in_string = false;
    for (k, &c) in bytes.iter().enumerate() {
        match c {
            b'"' => in_string = !in_string,
            b'{' if !in_string => depth += 1,
            b'}' if !in_string => depth -= 1,
            b'-' if !in_string && depth == 0 && bytes.get(k + 1) == Some(&b'>') => return Some(k),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{check_prose_maps, file, original};

    fn ids_and_texts(text: &str) -> Vec<(String, String)> {
        let f = file("app.ftl", text);
        let prose = read(&f).unwrap();
        check_prose_maps(&f, &prose);
        for s in &prose.segments {
            if s.text.text.contains("Macau") {
                assert_eq!(original(&f, &s.text, "Macau"), "Macau");
            }
        }
        prose
            .segments
            .iter()
            .map(|s| (s.id.clone().unwrap(), s.text.text.clone()))
            .collect()
    }

    #[test]
    fn messages_terms_attributes_and_variants() {
        let text = "### Resource comment about Macau\n\n# macau-title: Macau\nmacau-title = Visit Macau, { $user }!\n-brand = Macau Ferries\n    .gender = masculine\nlogin =\n    .placeholder = Your Macau id\n    .aria-label = Log in\nmulti =\n    First line about Macau\n    second line.\nemails = { $count ->\n    [one] One email from Macau.\n   *[other] { $count } emails from Macau.\n}\nbrace = Use {\"{\"} and { -brand }.\n";
        assert_eq!(
            ids_and_texts(text),
            [
                ("macau-title".into(), "Visit Macau,  !".into()),
                ("-brand".into(), "Macau Ferries".into()),
                ("-brand.gender".into(), "masculine".into()),
                ("login.placeholder".into(), "Your Macau id".into()),
                ("login.aria-label".into(), "Log in".into()),
                ("multi".into(), "First line about Macau second line.".into()),
                ("emails[one]".into(), "One email from Macau.".into()),
                ("emails[other]".into(), "  emails from Macau.".into()),
                ("brace".into(), "Use   and  .".into()),
            ]
        );
        let prose = read(&file("app.ftl", text)).unwrap();
        assert_eq!(prose.comments.len(), 2);
    }

    #[test]
    fn junk_and_unbalanced_braces_are_errors_with_positions() {
        for (text, want) in [
            ("a = b\nnot an entry\n", "app.ftl:2:1:"),
            ("a = b {\n", "app.ftl:1:7:"),
            ("a = b }\n", "app.ftl:1:7:"),
        ] {
            let err = read(&file("app.ftl", text)).unwrap_err().to_string();
            assert!(err.starts_with(want), "{text:?}: {err}");
        }
    }
}
