//! Suppression comments (SPEC §6): `termalign: ignore TARGET[, ...]`
//! silences matching findings on its own line when it ends a line of text,
//! else on the next line; `termalign: off` … `termalign: on` silences a
//! block; `termalign: ignore-file TARGET[, ...]` the whole file.
//!
//! This module owns finding the directives in a file's text and deciding
//! which lines each covers; the engine asks [`Suppressions::suppressing`]
//! for each finding, reports a directive that silenced nothing as
//! `unused-suppression`, and `--report-suppressed` lists
//! [`Suppressions::directives`]. A target is a rule name
//! (`deprecated-term`), a concept key (`china-places/xizang`), a bare
//! concept id (`xizang`) or `all`; a directive without targets means `all`.
//! Text after ` -- ` is a reason, kept for reports.
//!
//! Where a directive may stand is the reader's knowledge, not this
//! module's: each reader reports the [`Comment`]s it saw (`#` and `//`
//! lines, `/* */` and `<!-- -->` comments, XLIFF/TMX `<note>` elements, of
//! the [`CommentSyntax`]es its registry entry declares) and the span of each
//! entry (a PO entry with the comments above it, an XLIFF unit, a TMX
//! `<tu>`). A directive stands first in a comment (or first on one of its
//! lines), anywhere in a `<note>`, or alone on its line in any format; one
//! inside an entry covers that whole entry. Lines are those of
//! [`LineIndex`], so they agree with the lines findings report.
//!
//! "The next line" is the next line that is not blank, not all comment (a
//! `#` comment only when the directive itself is one: in plain text a `#`
//! line may be a heading) and not another directive, so directives stack
//! and a Markdown `<!-- ... -->` may stand a blank line above its
//! paragraph.

use crate::span::{LineIndex, Span};

/// Where a format lets a directive stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentSyntax {
    /// A `#` comment (`#.` too: PO's extracted comments; and a Java
    /// properties `!` comment, which behaves the same).
    Hash,
    /// A `//` comment.
    Slashes,
    /// A `/* … */` comment.
    SlashStar,
    /// An HTML or XML `<!-- … -->` comment.
    Html,
    /// The content of an XLIFF or TMX `<note>` element.
    Note,
    /// A comment block of a document format: a WebVTT `NOTE` (to the next
    /// blank line), an AsciiDoc `////` block, a reStructuredText `..`
    /// comment with its indented lines.
    Block,
}

/// A comment a reader saw in a file's text: where a directive may stand.
/// Readers report them in file order, without overlaps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comment {
    pub syntax: CommentSyntax,
    /// The whole comment, its delimiters (or `<note>` tags) included.
    pub span: Span,
    /// Its content: after the opener, up to the closer or the end of the
    /// line.
    pub body: Span,
}

impl Comment {
    /// The `<!-- … -->` comment whose `<!--` is at `at` in `text`; an
    /// unclosed one runs to the end of the text, and `<!-->` and `<!--->`
    /// are complete (empty) comments, as in HTML.
    pub fn html_at(text: &str, at: usize) -> Comment {
        let body_start = at + "<!--".len();
        for short in ["<!-->", "<!--->"] {
            if text[at..].starts_with(short) {
                let end = at + short.len();
                return Comment {
                    syntax: CommentSyntax::Html,
                    span: Span::new(at, end),
                    body: Span::new(end, end),
                };
            }
        }
        let (body_end, end) = match text[body_start..].find("-->") {
            Some(k) => (body_start + k, body_start + k + 3),
            None => (text.len(), text.len()),
        };
        Comment {
            syntax: CommentSyntax::Html,
            span: Span::new(at, end),
            body: Span::new(body_start, body_end),
        }
    }

    /// A comment of `syntax` whose opener, `opener` bytes long, is at `at`;
    /// it runs to the end of its line (`#`, `//`).
    pub fn to_line_end(syntax: CommentSyntax, text: &str, at: usize, opener: usize) -> Comment {
        let end = text[at..].find(['\n', '\r']).map_or(text.len(), |k| at + k);
        Comment {
            syntax,
            span: Span::new(at, end),
            body: Span::new((at + opener).min(end), end),
        }
    }
}

/// Which lines a directive covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `ignore-file`: every line.
    File,
    /// 1-based lines `first..=last`.
    Lines { first: usize, last: usize },
    /// An `ignore` with no line after it: covers nothing.
    Dangling,
}

/// One `termalign: ignore`, `ignore-file` or `off` directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// 1-based line of the directive itself.
    pub line: usize,
    pub scope: Scope,
    /// Rule names, concept keys, concept ids or `all`, as written.
    pub targets: Vec<String>,
    /// Text after ` -- `, if any.
    pub reason: Option<String>,
    /// The directive's own text in the scanned text, from `termalign:` to
    /// the end of its comment (or line): words in it are not prose, so a
    /// finding inside it is dropped rather than reported or suppressed.
    pub span: Span,
}

impl Directive {
    /// Whether the directive covers 1-based `line`.
    pub fn covers(&self, line: usize) -> bool {
        match self.scope {
            Scope::File => true,
            Scope::Lines { first, last } => (first..=last).contains(&line),
            Scope::Dangling => false,
        }
    }

    /// Whether a finding of `rule` about `concept_key` (`GLOSSARY/CONCEPT`,
    /// or empty for a finding without a concept) is one of the targets.
    pub fn matches(&self, rule: &str, concept_key: &str) -> bool {
        self.targets
            .iter()
            .any(|t| target_matches(t, rule, concept_key))
    }
}

fn target_matches(target: &str, rule: &str, concept_key: &str) -> bool {
    let is = |s: &str| !s.is_empty() && target.eq_ignore_ascii_case(s);
    let concept_id = concept_key.rsplit_once('/').map_or("", |(_, id)| id);
    is("all") || is(rule) || is(concept_key) || is(concept_id)
}

/// All suppression directives of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    directives: Vec<Directive>,
}

impl Suppressions {
    /// Finds the directives in `text`: in the `comments` its reader saw,
    /// or alone on their lines. `entries` are the spans of the entries the
    /// reader saw (PO entries, XLIFF units, TMX `<tu>`s), in file order.
    pub fn scan(text: &str, comments: &[Comment], entries: &[Span]) -> Suppressions {
        // Most files have no directive: skip building the line table.
        if find_markers(text).next().is_none() {
            return Suppressions::default();
        }
        Scanner::new(text, comments, entries).scan()
    }

    /// Whether `span` (of the scanned text) lies inside a directive's own
    /// text.
    pub fn in_directive(&self, span: Span) -> bool {
        self.directives.iter().any(|d| d.span.contains(span))
    }

    /// Whether a finding of `rule` about `concept_key` (`GLOSSARY/CONCEPT`)
    /// on 1-based `line` is silenced.
    pub fn is_suppressed(&self, line: usize, rule: &str, concept_key: &str) -> bool {
        self.suppressing(line, rule, concept_key).is_some()
    }

    /// The first directive that silences such a finding, for reports.
    pub fn suppressing(&self, line: usize, rule: &str, concept_key: &str) -> Option<&Directive> {
        self.suppressing_index(line, rule, concept_key)
            .map(|i| &self.directives[i])
    }

    /// The index in [`Suppressions::directives`] of the first directive
    /// that silences such a finding (the engine counts which were used).
    pub fn suppressing_index(&self, line: usize, rule: &str, concept_key: &str) -> Option<usize> {
        self.directives
            .iter()
            .position(|d| d.covers(line) && d.matches(rule, concept_key))
    }

    /// Every directive, in file order.
    pub fn directives(&self) -> &[Directive] {
        &self.directives
    }

    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }
}

const MARKER: &str = "termalign:";

/// What a directive says to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keyword {
    Ignore,
    IgnoreFile,
    Off,
    On,
}

/// A directive found on a line, before its scope is known.
struct Found {
    /// Absolute offset of the marker.
    at: usize,
    keyword: Keyword,
    /// The comment it stands in; `None` when it stands alone on its line.
    comment: Option<Comment>,
    /// Text other than the comment stands before it on its line.
    trailing: bool,
    targets: Vec<String>,
    reason: Option<String>,
    span: Span,
}

struct Scanner<'t> {
    text: &'t str,
    comments: &'t [Comment],
    entries: &'t [Span],
    index: LineIndex,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, comments: &'t [Comment], entries: &'t [Span]) -> Self {
        Scanner {
            text,
            comments,
            entries,
            index: LineIndex::new(text),
        }
    }

    fn line_count(&self) -> usize {
        self.index.line_count()
    }

    /// 0-based line `i`'s span, without its line ending.
    fn line(&self, i: usize) -> Span {
        self.index.line_span(self.text, i)
    }

    fn scan(&self) -> Suppressions {
        let mut directives: Vec<Directive> = Vec::new();
        // An `off` waiting for its `on`: its index in `directives`.
        let mut open_block: Option<usize> = None;
        let mut last_line = None;
        for at in find_markers(self.text) {
            let i = self.index.line_of(at);
            // One directive per line: the first.
            if last_line == Some(i) {
                continue;
            }
            let Some(found) = self.directive_at(at) else {
                continue;
            };
            last_line = Some(i);
            let scope = match found.keyword {
                Keyword::On => {
                    if let Some(k) = open_block.take() {
                        if let Scope::Lines { first, .. } = directives[k].scope {
                            let d: &mut Directive = &mut directives[k];
                            d.scope = Scope::Lines { first, last: i + 1 };
                        }
                    }
                    continue;
                }
                Keyword::Off => {
                    if open_block.is_some() {
                        // Already off: the block runs on to the next `on`.
                        continue;
                    }
                    open_block = Some(directives.len());
                    Scope::Lines {
                        first: i + 1,
                        last: self.line_count(),
                    }
                }
                Keyword::IgnoreFile => Scope::File,
                Keyword::Ignore => match self.enclosing_entry(found.at) {
                    Some(entry) => entry,
                    None if found.trailing => Scope::Lines {
                        first: i + 1,
                        last: i + 1,
                    },
                    None => self.next_line_scope(i, found.comment),
                },
            };
            directives.push(Directive {
                line: i + 1,
                scope,
                targets: found.targets,
                reason: found.reason,
                span: found.span,
            });
        }
        Suppressions { directives }
    }

    /// The comment the reader saw whose body holds offset `at`.
    fn comment_at(&self, at: usize) -> Option<Comment> {
        let k = self.comments.partition_point(|c| c.body.start <= at);
        self.comments[..k]
            .last()
            .filter(|c| at < c.body.end)
            .copied()
    }

    /// The directive whose marker is at `at`, if it stands where the
    /// format lets a directive stand: first in a comment's body (or first
    /// on a line of it), anywhere in a `<note>`, or alone on its line.
    fn directive_at(&self, at: usize) -> Option<Found> {
        let line = self.line(self.index.line_of(at));
        let comment = self.comment_at(at);
        let before_on_line = &self.text[line.start..at];
        let alone_on_line = before_on_line.trim().is_empty();
        let placed = match comment {
            Some(c) if c.syntax == CommentSyntax::Note => true,
            Some(c) => alone_on_line || self.text[c.body.start..at].trim().is_empty(),
            None => alone_on_line,
        };
        if !placed {
            return None;
        }
        let after = at + MARKER.len();
        let end = comment.map_or(line.end, |c| c.body.end.min(line.end));
        let rest = &self.text[after..end.max(after)];
        let (keyword, rest) = parse_keyword(rest)?;
        // Within a note, what stands before the directive is the note's own
        // markup; a comment opened on an earlier line has no text before it.
        let trailing = match comment {
            None => false,
            Some(c) if c.syntax == CommentSyntax::Note => false,
            Some(c) => {
                c.span.start >= line.start && !self.text[line.start..c.span.start].trim().is_empty()
            }
        };
        let rest_start = end - rest.len();
        let (targets, reason) = parse_targets(rest);
        Some(Found {
            at,
            keyword,
            comment,
            trailing,
            targets,
            reason,
            span: Span::new(at, rest_start + comment_end(rest)),
        })
    }

    /// The scope of a next-line directive on 0-based line `i`, written in
    /// `comment` (or alone on its line).
    fn next_line_scope(&self, i: usize, comment: Option<Comment>) -> Scope {
        let hash = comment.is_some_and(|c| c.syntax == CommentSyntax::Hash);
        let Some(j) = (i + 1..self.line_count()).find(|&j| !self.is_skippable(j, hash)) else {
            return Scope::Dangling;
        };
        // The next line starts an entry (a subtitle cue after a `NOTE`, an
        // XLIFF unit after a comment): the directive is about that entry.
        let start = self.line(j).start;
        let entry = self
            .entries
            .iter()
            .find(|e| e.start >= start && self.index.line_of(e.start) == j);
        match entry {
            Some(e) => Scope::Lines {
                first: j + 1,
                last: self.index.line_of(e.end.saturating_sub(1).max(e.start)) + 1,
            },
            None => Scope::Lines {
                first: j + 1,
                last: j + 1,
            },
        }
    }

    /// Lines a next-line directive looks past: blank lines, lines that are
    /// all comment (`#` comments only after a `#` directive: a `#` line
    /// may be a heading), and lines with a directive of their own.
    fn is_skippable(&self, j: usize, after_hash: bool) -> bool {
        let line = self.line(j);
        let mut p = line.start;
        loop {
            p += self.text[p..line.end].len() - self.text[p..line.end].trim_start().len();
            if p >= line.end {
                return true;
            }
            let k = self.comments.partition_point(|c| c.span.start <= p);
            let covering = self.comments[..k]
                .last()
                .filter(|c| p < c.span.end && (after_hash || c.syntax != CommentSyntax::Hash));
            match covering {
                Some(c) => p = c.span.end.min(line.end),
                None => break,
            }
        }
        find_markers(&self.text[line.start..line.end])
            .any(|k| self.directive_at(line.start + k).is_some())
    }

    /// The lines of the entry (PO entry, XLIFF unit, TMX `<tu>`) that
    /// holds offset `at`, as the reader reported them.
    fn enclosing_entry(&self, at: usize) -> Option<Scope> {
        let k = self.entries.partition_point(|e| e.start <= at);
        let entry = self.entries[..k].iter().rev().find(|e| at < e.end)?;
        Some(Scope::Lines {
            first: self.index.line_of(entry.start) + 1,
            last: self
                .index
                .line_of(entry.end.saturating_sub(1).max(entry.start))
                + 1,
        })
    }
}

/// After `termalign:`: the keyword (`ignore-file`, `ignore`, `off`, `on`)
/// and the text after it.
fn parse_keyword(s: &str) -> Option<(Keyword, &str)> {
    let s = s.trim_start();
    for (word, keyword) in [
        ("ignore-file", Keyword::IgnoreFile),
        ("ignore", Keyword::Ignore),
        ("off", Keyword::Off),
        ("on", Keyword::On),
    ] {
        if s.len() >= word.len() && s.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        {
            let rest = &s[word.len()..];
            let boundary = rest
                .chars()
                .next()
                .is_none_or(|c| !(c.is_alphanumeric() || c == '-' || c == '_'))
                || rest.starts_with("-->");
            if boundary {
                return Some((keyword, rest));
            }
        }
    }
    None
}

/// Targets and reason from the text after the keyword, up to the end of the
/// comment.
fn parse_targets(s: &str) -> (Vec<String>, Option<String>) {
    let body = &s[..comment_end(s)];
    let (body, reason) = match body.find(" -- ") {
        Some(k) => (&body[..k], Some(body[k + 4..].trim().to_owned())),
        None => (body, None),
    };
    let mut targets: Vec<String> = body
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect();
    if targets.is_empty() {
        targets.push("all".to_owned());
    }
    (targets, reason.filter(|r| !r.is_empty()))
}

/// Where a directive's text ends in `s` (the text after the keyword, up to
/// the end of its comment or line): before a `-->`, `*/` or tag that a
/// directive alone on its line may still be followed by.
fn comment_end(s: &str) -> usize {
    ["-->", "*/", "<"]
        .iter()
        .filter_map(|closer| s.find(closer))
        .min()
        .unwrap_or(s.len())
}

/// Where `termalign:` occurs in `haystack`, in any ASCII case. Every file
/// is searched for it, so the search uses aho-corasick's prefilter rather
/// than comparing at every byte.
fn find_markers(haystack: &str) -> impl Iterator<Item = usize> + '_ {
    static MARKER_FINDER: std::sync::OnceLock<aho_corasick::AhoCorasick> =
        std::sync::OnceLock::new();
    MARKER_FINDER
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build([MARKER])
                .expect("one literal pattern compiles")
        })
        .find_iter(haystack)
        .map(|m| m.start())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEP: &str = "deprecated-term";
    const XIZANG: &str = "china-places/xizang";

    /// Read as plain text: every comment convention, no entries.
    fn scan_text(text: &str) -> Suppressions {
        scan_as(crate::input::Format::Text, text)
    }

    /// Read as `format` is: the comments and entries its reader reports.
    fn scan_as(format: crate::input::Format, text: &str) -> Suppressions {
        let file = crate::input::testing::file("f", text);
        let prose = format.read_document(&file).unwrap();
        let entries: Vec<Span> = prose.segments.iter().filter_map(|s| s.entry).collect();
        Suppressions::scan(text, &prose.comments, &entries)
    }

    fn span_of(text: &str, needle: &str) -> Span {
        let start = text.find(needle).expect("needle in text");
        Span::new(start, start + needle.len())
    }

    #[test]
    fn a_finding_inside_the_directive_is_not_prose() {
        let text =
            "Tibet # termalign: ignore xizang Tibet\nx <!-- termalign: ignore Tibet --> Tibet\n";
        let s = scan_text(text);
        let at = |n: usize| {
            let start = text.match_indices("Tibet").nth(n).unwrap().0;
            Span::new(start, start + 5)
        };
        assert!(!s.in_directive(at(0)));
        assert!(s.in_directive(at(1)));
        assert!(s.in_directive(at(2)));
        assert!(!s.in_directive(at(3)), "after the comment closes: prose");
    }

    #[test]
    fn targets_match_rules_concepts_ids_and_all() {
        let cases: &[(&str, &str, &str, bool)] = &[
            ("deprecated-term", DEP, XIZANG, true),
            ("Deprecated-Term", DEP, XIZANG, true),
            ("forbidden-term", DEP, XIZANG, false),
            ("china-places/xizang", DEP, XIZANG, true),
            ("xizang", DEP, XIZANG, true),
            ("xinjiang", DEP, XIZANG, false),
            ("china-places", DEP, XIZANG, false),
            ("all", DEP, XIZANG, true),
            ("xizang", "misspelled-term", "", false),
            ("all", "misspelled-term", "", true),
        ];
        for (target, rule, concept, want) in cases {
            assert_eq!(
                target_matches(target, rule, concept),
                *want,
                "{target} vs {rule} {concept}"
            );
        }
    }

    /// (text, 1-based line of the finding, rule, concept, suppressed?)
    #[test]
    fn directives_cover_the_next_line() {
        let cases: &[(&str, usize, &str, &str, bool)] = &[
            // Comment styles.
            ("# termalign: ignore deprecated-term\nTibet\n", 2, DEP, XIZANG, true),
            ("// termalign: ignore xizang\nTibet\n", 2, DEP, XIZANG, true),
            ("<!-- termalign: ignore xizang -->\nTibet\n", 2, DEP, XIZANG, true),
            ("/* termalign: ignore xizang */\nTibet\n", 2, DEP, XIZANG, true),
            ("termalign: ignore xizang\nTibet\n", 2, DEP, XIZANG, true),
            ("  <!--termalign:ignore xizang-->\nTibet\n", 2, DEP, XIZANG, true),
            // Only the next line.
            ("<!-- termalign: ignore xizang -->\nTibet\nTibet\n", 3, DEP, XIZANG, false),
            ("<!-- termalign: ignore xizang -->\nTibet\n", 1, DEP, XIZANG, false),
            // Other rule or concept: not silenced.
            ("# termalign: ignore forbidden-term\nTibet\n", 2, DEP, XIZANG, false),
            ("# termalign: ignore xinjiang\nTibet\n", 2, DEP, XIZANG, false),
            // Lists, `all`, and no targets at all.
            ("# termalign: ignore forbidden-term, xizang\nTibet\n", 2, DEP, XIZANG, true),
            ("# termalign: ignore forbidden-term xizang\nTibet\n", 2, DEP, XIZANG, true),
            ("# termalign: ignore all\nTibet\n", 2, DEP, XIZANG, true),
            ("<!-- termalign: ignore -->\nTibet\n", 2, DEP, XIZANG, true),
            // A reason is not a target.
            ("# termalign: ignore forbidden-term -- xizang quoted\nTibet\n", 2, DEP, XIZANG, false),
            // Not in a comment and not on its own line: prose, not a directive.
            ("He wrote termalign: ignore xizang\nTibet\n", 2, DEP, XIZANG, false),
            ("# termalign: ignored xizang\nTibet\n", 2, DEP, XIZANG, false),
            // Blank and comment lines in between are looked past.
            ("<!-- termalign: ignore xizang -->\n\nTibet\n", 3, DEP, XIZANG, true),
            ("<!-- termalign: ignore xizang -->\n<!-- other -->\nTibet\n", 3, DEP, XIZANG, true),
            ("<!--\ntermalign: ignore xizang\n-->\nTibet\n", 4, DEP, XIZANG, true),
            ("<!-- termalign: ignore xizang -->\n# Tibet heading\n", 2, DEP, XIZANG, true),
            ("# termalign: ignore xizang\n# another comment\nTibet\n", 3, DEP, XIZANG, true),
            // Directives stack.
            (
                "<!-- termalign: ignore xizang -->\n<!-- termalign: ignore forbidden-term -->\nTibet\n",
                3, DEP, XIZANG, true,
            ),
            // A directive that ends a line of text silences that line
            // (SPEC §6); it used to silence the next one.
            ("Tibet <!-- termalign: ignore xizang -->\nTibet\n", 1, DEP, XIZANG, true),
            ("Tibet <!-- termalign: ignore xizang -->\nTibet\n", 2, DEP, XIZANG, false),
            ("Tibet # termalign: ignore xizang\n\nTibet\n", 1, DEP, XIZANG, true),
            ("Tibet # termalign: ignore xizang\n\nTibet\n", 3, DEP, XIZANG, false),
            ("Tibet // termalign: ignore\nTibet\n", 2, DEP, XIZANG, false),
            // Blocks: `off` to `on`, both lines included; no `on`: to the end.
            ("Tibet\n# termalign: off\nTibet\nTibet\n# termalign: on\nTibet\n", 3, DEP, XIZANG, true),
            ("Tibet\n# termalign: off\nTibet\nTibet\n# termalign: on\nTibet\n", 4, DEP, XIZANG, true),
            ("Tibet\n# termalign: off\nTibet\nTibet\n# termalign: on\nTibet\n", 1, DEP, XIZANG, false),
            ("Tibet\n# termalign: off\nTibet\nTibet\n# termalign: on\nTibet\n", 6, DEP, XIZANG, false),
            ("<!-- termalign: off deprecated-term -->\nTibet\n\nTibet\n", 4, DEP, XIZANG, true),
            ("<!-- termalign: off forbidden-term -->\nTibet\n", 2, DEP, XIZANG, false),
            ("# termalign: on\nTibet\n", 2, DEP, XIZANG, false),
            // `one` is not `on`, `office` not `off`.
            ("# termalign: office\nTibet\n", 2, DEP, XIZANG, false),
            // CRLF and lone CR count lines like LineIndex.
            ("# termalign: ignore xizang\r\nTibet\r\nTibet\r\n", 2, DEP, XIZANG, true),
            ("# termalign: ignore xizang\r\nTibet\r\nTibet\r\n", 3, DEP, XIZANG, false),
            ("x\r# termalign: ignore xizang\rTibet\r", 3, DEP, XIZANG, true),
            // Whole file.
            ("Tibet\n<!-- termalign: ignore-file xizang -->\nTibet\n", 1, DEP, XIZANG, true),
            ("Tibet\n<!-- termalign: ignore-file xizang -->\nTibet\n", 3, DEP, XIZANG, true),
            ("Tibet\n# termalign: ignore-file forbidden-term\n", 1, DEP, XIZANG, false),
            // Nothing after the directive.
            ("Tibet\n# termalign: ignore xizang", 1, DEP, XIZANG, false),
        ];
        for (text, line, rule, concept, want) in cases {
            let s = scan_text(text);
            assert_eq!(
                s.is_suppressed(*line, rule, concept),
                *want,
                "line {line} of {text:?}: {:?}",
                s.directives()
            );
        }
    }

    #[test]
    fn po_comment_covers_the_following_entry() {
        let po = "\
msgid \"\"
msgstr \"\"

# termalign: ignore xizang
#: src/a.c:1
#, fuzzy
msgid \"Tibet\"
msgstr \"Tibet\"

msgid \"Tibet again\"
msgstr \"Tibet\"
";
        let s = scan_as(crate::input::Format::Po, po);
        assert_eq!(
            s.directives(),
            [Directive {
                line: 4,
                scope: Scope::Lines { first: 4, last: 8 },
                targets: vec!["xizang".into()],
                reason: None,
                span: span_of(po, "termalign: ignore xizang"),
            }]
        );
        assert!(s.is_suppressed(7, DEP, XIZANG));
        assert!(s.is_suppressed(8, DEP, XIZANG));
        assert!(!s.is_suppressed(10, DEP, XIZANG));
        assert!(!s.is_suppressed(11, DEP, XIZANG));
    }

    #[test]
    fn xliff_note_covers_its_unit() {
        let xliff = "\
<xliff version=\"1.2\"><file><body>
<trans-unit id=\"1\">
  <source>西藏</source>
  <target>Tibet</target>
  <note>termalign: ignore deprecated-term -- historical quote</note>
</trans-unit>
<trans-unit id=\"2\">
  <source>西藏</source>
  <target>Tibet</target>
</trans-unit>
</body></file></xliff>
";
        let s = scan_as(crate::input::Format::Xliff, xliff);
        assert_eq!(s.directives().len(), 1);
        let d = &s.directives()[0];
        assert_eq!(d.line, 5);
        assert_eq!(d.scope, Scope::Lines { first: 2, last: 6 });
        assert_eq!(d.reason.as_deref(), Some("historical quote"));
        assert!(s.is_suppressed(4, DEP, XIZANG));
        assert!(!s.is_suppressed(9, DEP, XIZANG));
    }

    #[test]
    fn xliff2_multi_line_note_and_tmx_note() {
        let xliff2 = "\
<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"zh\" trgLang=\"en\"><file id=\"f\">
<unit id=\"u1\">
  <notes>
    <note>
      termalign: ignore xizang
    </note>
  </notes>
  <segment><source>西藏</source><target>Tibet</target></segment>
</unit>
<unit id=\"u2\"><segment><source>西藏</source><target>Tibet</target></segment></unit>
</file></xliff>
";
        let s = scan_as(crate::input::Format::Xliff, xliff2);
        assert_eq!(s.directives()[0].scope, Scope::Lines { first: 2, last: 9 });
        assert!(s.is_suppressed(8, DEP, XIZANG));
        assert!(!s.is_suppressed(10, DEP, XIZANG));

        let tmx = "<tmx version=\"1.4\"><header srclang=\"zh\"/><body>\n<tu tuid=\"1\"><note>termalign: ignore all</note>\n<tuv xml:lang=\"zh\"><seg>西藏</seg></tuv><tuv xml:lang=\"en\"><seg>Tibet</seg></tuv>\n</tu>\n<tu><tuv xml:lang=\"zh\"><seg>西藏</seg></tuv><tuv xml:lang=\"en\"><seg>Tibet</seg></tuv></tu>\n</body></tmx>\n";
        let s = scan_as(crate::input::Format::Tmx, tmx);
        assert_eq!(s.directives()[0].scope, Scope::Lines { first: 2, last: 4 });
        assert!(s.is_suppressed(3, DEP, XIZANG));
        assert!(!s.is_suppressed(5, DEP, XIZANG));
        // Without its reader's entries, a note is a comment on the next line.
        let s = scan_text("<note>termalign: ignore all</note>\nTibet\n");
        assert_eq!(s.directives().len(), 0, "plain text has no notes");
    }

    /// Where a directive may stand is the format's: `#` is a comment in
    /// PO and plain text, a heading in Markdown.
    #[test]
    fn each_format_has_its_own_comment_syntax() {
        use crate::input::Format;
        let text = "# termalign: ignore xizang\nTibet\n";
        assert_eq!(scan_text(text).directives().len(), 1);
        assert!(
            scan_as(Format::Markdown, text).is_empty(),
            "a Markdown heading is prose"
        );
        let html = "<p>x</p>\n// termalign: ignore xizang\n<p>Tibet</p>\n";
        assert!(scan_as(Format::Html, html).is_empty());
        // `//` in a URL is not a comment, nor `#` in a name.
        assert!(scan_text("see https://x termalign: ignore\nTibet\n").is_empty());
        assert!(scan_text("C# termalign: ignore\nTibet\n").is_empty());
        // Alone on its line, a directive counts in every format.
        let bare = "termalign: ignore xizang\nTibet\n";
        for format in [Format::Text, Format::Markdown, Format::Html] {
            let s = scan_as(format, bare);
            assert!(s.is_suppressed(2, DEP, XIZANG), "{format:?}");
        }
        // An HTML comment in a Markdown HTML block, over several lines.
        let md = "Intro.\n\n<!--\ntermalign: ignore xizang\n-->\nTibet\n";
        assert!(scan_as(Format::Markdown, md).is_suppressed(6, DEP, XIZANG));
        // `<!--` in a Markdown code span is code, not a comment.
        let code = "`<!-- termalign: ignore -->` x\nTibet\n";
        assert!(scan_as(Format::Markdown, code).is_empty());
    }

    #[test]
    fn directives_are_listed_for_reports() {
        let text = "<!-- termalign: ignore-file forbidden-term -->\n\
                    # termalign: ignore deprecated-term, xizang -- quoted\nTibet\n\
                    # termalign: ignore\n";
        let s = scan_text(text);
        assert_eq!(
            s.directives(),
            [
                Directive {
                    line: 1,
                    scope: Scope::File,
                    targets: vec!["forbidden-term".into()],
                    reason: None,
                    span: span_of(text, "termalign: ignore-file forbidden-term "),
                },
                Directive {
                    line: 2,
                    scope: Scope::Lines { first: 3, last: 3 },
                    targets: vec!["deprecated-term".into(), "xizang".into()],
                    reason: Some("quoted".into()),
                    span: span_of(text, "termalign: ignore deprecated-term, xizang -- quoted"),
                },
                Directive {
                    line: 4,
                    scope: Scope::Dangling,
                    targets: vec!["all".into()],
                    reason: None,
                    span: Span::new(text.len() - 18, text.len() - 1),
                },
            ]
        );
        assert_eq!(s.suppressing(3, DEP, XIZANG).map(|d| d.line), Some(2));
        assert!(scan_text("no directives here").is_empty());
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "termalign:",
            "termalign: ignore",
            "<!--",
            "-->",
            "<note>termalign: ignore x",
            "</unit><note>termalign: ignore x</note><unit>",
            "# termalign: ignore 西藏\n西藏",
            "\u{a0}termalign: ignore x\n",
        ] {
            let _ = scan_text(text);
        }
    }
}
