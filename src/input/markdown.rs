//! Markdown (CommonMark with GitHub tables, task lists, footnotes and
//! strikethrough) read as prose: one [`Segment`](super::Segment) per paragraph, heading, list
//! item, table cell or footnote, each mapped into `SourceFile::text`.
//!
//! Code (fenced, indented, inline), HTML (blocks and inline), link and image
//! destinations and titles, autolinks, footnote references and a leading
//! front-matter block are skipped. Inline markup between words (`*`, `**`,
//! `_`, link brackets) produces no text, so `Xizang *Autonomous* Region` reads
//! as one phrase whose span covers the asterisks. Entities and backslash
//! escapes are decoded as atomic runs, so a span touching them widens to the
//! whole `&nbsp;` or `\*`.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::sink::SegmentSink;
use super::{Prose, SourceFile};
use crate::error::Result;
use crate::suppress::Comment;

/// Reads `file` as Markdown. Markdown has no syntax errors, so this never
/// fails today; the `Result` keeps the reader signatures uniform.
pub fn read(file: &SourceFile) -> Result<Prose> {
    Ok(read_str(&file.text))
}

fn options() -> Options {
    // Not ENABLE_YAML_STYLE_METADATA_BLOCKS: pulldown-cmark accepts a `---`
    // block anywhere in the document, which would swallow prose between two
    // thematic breaks. Front matter is only ever at the start; see
    // `front_matter_len`. Not ENABLE_SMART_PUNCTUATION either: the text must
    // stay as written.
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

fn read_str(text: &str) -> Prose {
    let base = front_matter_len(text);
    let body = &text[base..];
    let mut reader = Reader {
        text,
        sink: SegmentSink::new(),
        skipping: Vec::new(),
        consumed_to: base,
        html_skip: Vec::new(),
        comments: Vec::new(),
    };
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let range = range.start + base..range.end + base;
        reader.event(event, range);
    }
    Prose {
        segments: reader.sink.finish(),
        language: None,
        comments: reader.comments,
    }
}

struct Reader<'t> {
    text: &'t str,
    sink: SegmentSink,
    /// One entry per open container: whether its content is skipped.
    skipping: Vec<bool>,
    /// End of the last leaf event seen, prose or not: a backslash before this
    /// offset belongs to something already read and cannot be an escape.
    consumed_to: usize,
    /// Inline HTML elements open in the current block whose content is not
    /// prose (`<code>`, `<kbd>`, …), innermost last.
    html_skip: Vec<String>,
    /// The HTML comments seen, in block or inline HTML.
    comments: Vec<Comment>,
}

impl Reader<'_> {
    fn skipped(&self) -> bool {
        !self.html_skip.is_empty() || self.skipping.iter().any(|&s| s)
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => {
                let skip = matches!(
                    tag,
                    Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_)
                ) || matches!(
                    tag,
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    }
                );
                if is_block(&tag) {
                    self.end_block();
                }
                self.skipping.push(skip);
            }
            Event::End(end) => {
                self.skipping.pop();
                if is_block_end(end) {
                    self.end_block();
                }
            }
            Event::Text(decoded) => {
                if !self.skipped() {
                    self.text_event(&decoded, range.clone());
                }
                self.consumed_to = range.end;
            }
            Event::SoftBreak | Event::HardBreak => {
                if !self.skipped() {
                    let next = self.text[range.end..].trim_start().chars().next();
                    self.sink.line_break(range.start, range.len(), next);
                }
                self.consumed_to = range.end;
            }
            Event::InlineHtml(html) => {
                self.html_comments(range.clone());
                self.inline_html(&html, range.clone());
                self.consumed_to = range.end;
            }
            Event::Html(_) => {
                self.html_comments(range.clone());
                self.consumed_to = range.end;
            }
            Event::Rule => {
                self.end_block();
                self.consumed_to = range.end;
            }
            Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {
                self.consumed_to = range.end;
            }
        }
    }

    /// Records the HTML comments that open in `range`, an HTML event's.
    /// pulldown-cmark gives an HTML block line by line, so a comment is
    /// followed through the text to its `-->`, past the event's end.
    fn html_comments(&mut self, range: Range<usize>) {
        let mut p = range
            .start
            .max(self.comments.last().map_or(0, |c| c.span.end));
        while let Some(k) = self.text.get(p..range.end).and_then(|s| s.find("<!--")) {
            let comment = Comment::html_at(self.text, p + k);
            p = comment.span.end;
            self.comments.push(comment);
        }
    }

    /// A block ends: so does its segment, and any inline HTML element left
    /// open in it.
    fn end_block(&mut self) {
        self.sink.flush();
        self.html_skip.clear();
    }

    /// A `<br>` separates words; `<code>` and its kind hide their content;
    /// any other inline tag is markup inside a phrase and reads as nothing.
    fn inline_html(&mut self, html: &str, range: Range<usize>) {
        let Some(tag) = inline_tag(html) else {
            return;
        };
        if tag.name == "br" {
            if !self.skipped() {
                self.sink.separator(range.start, range.len());
            }
        } else if HIDING_ELEMENTS.contains(&tag.name.as_str()) {
            if tag.closing {
                if let Some(at) = self.html_skip.iter().rposition(|n| *n == tag.name) {
                    self.html_skip.truncate(at);
                }
            } else if !tag.self_closing {
                self.html_skip.push(tag.name);
            }
        }
    }

    /// Maps one text event back to its source: pulldown-cmark has already
    /// decoded entities and escapes, so the event's text can differ from its
    /// source slice.
    fn text_event(&mut self, decoded: &str, range: Range<usize>) {
        let Some(source) = self.text.get(range.clone()) else {
            return;
        };
        let mut start = range.start;
        let mut source = source;
        let mut decoded = decoded;
        // A backslash escape: the event starts after the backslash. Fold the
        // backslash and the escaped character into one atomic run, so a span
        // over the character covers `\*` as written.
        if let Some(c) = decoded.chars().next() {
            let escaped = c.is_ascii_punctuation()
                && start > self.consumed_to
                && self.text.as_bytes()[start - 1] == b'\\'
                && source.starts_with(c);
            if escaped {
                self.sink.replace(start - 1, 2, &decoded[..1]);
                start += 1;
                source = &source[1..];
                decoded = &decoded[1..];
            }
        }
        self.sink.copy_or_replace(start, source, decoded);
    }
}

/// Tags that hold blocks or are blocks: each starts and ends a segment.
fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(end: TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Inline HTML elements whose content is code or annotation, not prose.
const HIDING_ELEMENTS: &[&str] = &[
    "code", "kbd", "samp", "var", "pre", "script", "style", "rt", "rp",
];

struct InlineTag {
    /// Lower-cased.
    name: String,
    closing: bool,
    self_closing: bool,
}

/// The tag of an inline HTML event; `None` for comments and declarations.
fn inline_tag(html: &str) -> Option<InlineTag> {
    let rest = html.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    if end == 0 {
        return None;
    }
    Some(InlineTag {
        name: rest[..end].to_ascii_lowercase(),
        closing,
        self_closing: html.trim_end().ends_with("/>"),
    })
}

/// Length of a leading front-matter block: a first line `---` (YAML) or
/// `+++` (TOML) up to and including its closing line (`---`/`...` or `+++`).
/// Without a closing line it is not front matter but a thematic break.
/// The `lang:` (or `language:`) of a YAML or TOML front matter block, as
/// written: the language the document declares.
pub fn front_matter_lang(text: &str) -> Option<String> {
    let len = front_matter_len(text);
    text[..len].lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once([':', '='])?;
        let key = key.trim();
        (key == "lang" || key == "language")
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
            .filter(|v| !v.is_empty())
    })
}

fn front_matter_len(text: &str) -> usize {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return 0;
    };
    let closers: &[&str] = match first.trim_end() {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return 0,
    };
    let mut end = first.len();
    for line in lines {
        end += line.len();
        if closers.contains(&line.trim_end()) {
            return end;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn front_matter_declares_the_language() {
        assert_eq!(
            front_matter_lang("---\ntitle: x\nlang: fr\n---\nText").as_deref(),
            Some("fr")
        );
        assert_eq!(
            front_matter_lang("+++\nlanguage = \"zh-Hans\"\n+++\n").as_deref(),
            Some("zh-Hans")
        );
        assert_eq!(
            front_matter_lang("lang: fr\n\nText"),
            None,
            "not front matter"
        );
        assert_eq!(
            front_matter_lang("---\ntitle: x\n---\nlang: fr\n"),
            None,
            "after it"
        );
    }

    fn segments(md: &str) -> Vec<String> {
        read_str(md)
            .segments
            .into_iter()
            .map(|s| s.text.text)
            .collect()
    }

    /// The original bytes of the first occurrence of `phrase` in the derived
    /// text of any segment.
    fn source_of(md: &str, phrase: &str) -> String {
        for seg in read_str(md).segments {
            if let Some(at) = seg.text.text.find(phrase) {
                let span = seg.text.source_span(Span::new(at, at + phrase.len()));
                return md[span.range()].to_owned();
            }
        }
        panic!("{phrase:?} not found in {:?}", segments(md));
    }

    #[test]
    fn prose_is_read_and_code_html_urls_are_skipped() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello world\n", &["Hello world"]),
            (
                "# Title\n\nPara one\nline two\n",
                &["Title", "Para one line two"],
            ),
            ("Use `Tibet` here\n", &["Use  here"]),
            ("```\nTibet\n```\n\nafter\n", &["after"]),
            ("    Tibet indented\n\nafter\n", &["after"]),
            ("<div>\nTibet\n</div>\n\nafter\n", &["after"]),
            ("a <span>Xizang</span> b\n", &["a Xizang b"]),
            (
                "See [the *region*](http://tibet.example \"Tibet\") now\n",
                &["See the region now"],
            ),
            ("Go <http://tibet.example> now\n", &["Go  now"]),
            ("Mail <tibet@example.org>\n", &["Mail "]),
            ("![Potala *Palace*](tibet.png)\n", &["Potala Palace"]),
            (
                "[ref][r] text\n\n[r]: http://tibet \"Tibet\"\n",
                &["ref text"],
            ),
            ("- one\n- two\n  - nested\n", &["one", "two", "nested"]),
            ("| a | b |\n|---|---|\n| c | d |\n", &["a", "b", "c", "d"]),
            ("> quoted\n> more\n", &["quoted more"]),
            ("- [x] done\n", &["done"]),
            ("text[^1]\n\n[^1]: Note.\n", &["text", "Note."]),
            ("# Head {#tibet .x}\n", &["Head"]),
            ("a<br>b\n", &["a b"]),
            ("a<BR/>b\n", &["a b"]),
            (
                "run <code>Tibet</code> <kbd>Tibet</kbd> now\n",
                &["run   now"],
            ),
            ("a <code>unclosed\n\nnext para\n", &["a ", "next para"]),
            ("a <!-- Tibet --> b\n", &["a  b"]),
            ("one\n\n***\n\ntwo\n", &["one", "two"]),
        ];
        for (md, want) in cases {
            assert_eq!(segments(md), *want, "input {md:?}");
        }
    }

    #[test]
    fn front_matter_is_skipped_only_at_the_start() {
        let cases: &[(&str, &[&str])] = &[
            ("---\ntitle: Tibet\n---\n\nBody\n", &["Body"]),
            ("---\r\ntitle: Tibet\r\n...\r\nBody\r\n", &["Body"]),
            ("+++\ntitle = \"Tibet\"\n+++\nBody\n", &["Body"]),
            // No closing line: a thematic break, then prose.
            ("---\nTibet\n", &["Tibet"]),
            // A `---` block later on is prose between thematic breaks.
            (
                "Intro\n\n---\nTibet: yes\n---\n\nEnd\n",
                &["Intro", "Tibet: yes", "End"],
            ),
        ];
        for (md, want) in cases {
            assert_eq!(segments(md), *want, "input {md:?}");
        }
    }

    #[test]
    fn spans_map_back_to_the_exact_original_bytes() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "In Xizang *Autonomous* Region today.\n",
                "Xizang Autonomous Region",
                "Xizang *Autonomous* Region",
            ),
            (
                "**Xizang** __Autonomous__ _Region_\n",
                "Xizang Autonomous Region",
                "Xizang** __Autonomous__ _Region",
            ),
            ("*Xizang* is\n", "Xizang", "Xizang"),
            (
                "Xinjiang&nbsp;Uygur\n",
                "Xinjiang\u{a0}Uygur",
                "Xinjiang&nbsp;Uygur",
            ),
            ("A &amp; B\n", "A & B", "A &amp; B"),
            ("x &#35; y\n", "#", "&#35;"),
            ("1\\*2\n", "1*2", "1\\*2"),
            ("a \\\\ b\n", "\\", "\\\\"),
            (
                "Xizang\nAutonomous\n",
                "Xizang Autonomous",
                "Xizang\nAutonomous",
            ),
            (
                "Xizang  \nAutonomous\n",
                "Xizang Autonomous",
                "Xizang  \nAutonomous",
            ),
            ("> Xizang\n> Region\n", "Xizang Region", "Xizang\n> Region"),
            (
                "[Xizang](http://x) Region\n",
                "Xizang Region",
                "Xizang](http://x) Region",
            ),
            (
                "| Xizang *Region* |\n|--|\n",
                "Xizang Region",
                "Xizang *Region",
            ),
            ("# 西藏*自治区*\n", "西藏自治区", "西藏*自治区"),
            ("---\na: b\n---\nTibet\n", "Tibet", "Tibet"),
        ];
        for (md, phrase, original) in cases {
            assert_eq!(source_of(md, phrase), *original, "input {md:?}");
        }
    }

    #[test]
    fn normalized_matches_compose_back_to_the_file() {
        use crate::text::{normalize, Fold};
        let src = "In the Xinjiang&nbsp;Uygur *Autonomous*\r\n> Region.\n";
        let seg = &read_str(src).segments[0];
        let norm = normalize(&seg.text.text, Fold::ALL);
        let at = norm
            .text
            .find("xinjiang uygur autonomous")
            .expect("phrase in normalized text");
        let to_file = norm.map.compose(&seg.text.map);
        let span = to_file.map_span(Span::new(at, at + "xinjiang uygur autonomous".len()));
        assert_eq!(&src[span.range()], "Xinjiang&nbsp;Uygur *Autonomous");
    }

    #[test]
    fn crlf_input_maps_back() {
        let md = "# Title\r\n\r\nXizang\r\nAutonomous *Region*\r\n\r\n- item\r\n";
        assert_eq!(segments(md), ["Title", "Xizang Autonomous Region", "item"]);
        assert_eq!(
            source_of(md, "Xizang Autonomous Region"),
            "Xizang\r\nAutonomous *Region"
        );
    }

    #[test]
    fn read_uses_the_decoded_file_text() {
        let raw = b"\xEF\xBB\xBF*Tibet*\n".to_vec();
        let file = SourceFile::from_bytes("a.md", raw).unwrap();
        let segs = read(&file).unwrap().segments;
        assert_eq!(segs.len(), 1);
        let span = segs[0].text.source_span(Span::new(0, 5));
        assert_eq!(&file.text[span.range()], "Tibet");
        assert_eq!(file.raw_span(span), Span::new(4, 9));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for md in [
            "",
            "\n\n",
            "\\",
            "*",
            "[",
            "<!--",
            "```",
            "&",
            "&#",
            "| |\n|-|\n",
            "---\n",
            "---",
            "> ",
            "- ",
            "\u{a0}",
        ] {
            let _ = read_str(md);
        }
    }

    proptest::proptest! {
        /// Whatever the input, every segment maps into the text on char
        /// boundaries, and later derived offsets never map earlier.
        #[test]
        fn maps_are_monotonic_and_on_char_boundaries(
            md in r"[-a-z *_`\\&;#<>\[\]()!|:\n\r西é]{0,60}"
        ) {
            for seg in read_str(&md).segments {
                let t = &seg.text.text;
                let mut last = 0;
                for (i, _) in t.char_indices().chain([(t.len(), ' ')]) {
                    let at = seg.text.source_span(Span::new(i, i)).start;
                    proptest::prop_assert!(md.is_char_boundary(at));
                    proptest::prop_assert!(at >= last);
                    last = at;
                }
                let whole = seg.text.source_span(Span::new(0, t.len()));
                proptest::prop_assert!(md.get(whole.range()).is_some());
            }
        }
    }
}
