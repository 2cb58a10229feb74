//! Subtitles: SubRip (`.srt`) and WebVTT (`.vtt`). Only the cue text is
//! prose; cue numbers and identifiers, timing lines (`00:00:01,000 -->
//! 00:00:04,000` and their settings), the `WEBVTT` header and `STYLE` and
//! `REGION` blocks never are.
//!
//! A file is blocks of lines separated by blank lines. A cue's block holds
//! an optional identifier line (the SubRip cue number), its timing line
//! (the first line with `-->`) and then its text, which may run over
//! several lines; each cue is one segment, its id the identifier or else
//! its 1-based number. Inline markup is skipped with exact offsets: tags
//! (`<i>`, `<b>`, `<font color="…">`, WebVTT `<v Speaker>`, `<c.class>`
//! and `<00:00:01.000>` timestamps) and SubRip's ASS overrides (`{\an8}`);
//! WebVTT's character references (`&amp;`, `&lt;`, `&gt;`, `&nbsp;`,
//! `&lrm;`, `&rlm;`) are decoded, each mapping to its whole reference.
//!
//! A block without a timing line continues the cue before it (a blank line
//! typed inside a cue's text, which players show as part of that cue); one
//! before any cue is an error with its line and column, as is a WebVTT file
//! that does not start with `WEBVTT`. WebVTT `NOTE` blocks are comments
//! ([`CommentSyntax::Block`]), where suppression directives may stand.

use crate::error::{Error, Result};
use crate::input::{Prose, Segment, SourceFile};
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::MappedTextBuilder;

/// Which of the two formats a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    SubRip,
    WebVtt,
}

/// Reads a SubRip file's cue text.
pub fn read_srt(file: &SourceFile) -> Result<Prose> {
    read(file, Dialect::SubRip)
}

/// Reads a WebVTT file's cue text.
pub fn read_vtt(file: &SourceFile) -> Result<Prose> {
    read(file, Dialect::WebVtt)
}

/// Whether `text` starts the way a SubRip file does: a cue number, then a
/// timing line.
pub fn looks_like_srt(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let (Some(number), Some(timing)) = (lines.next(), lines.next()) else {
        return false;
    };
    number.bytes().all(|b| b.is_ascii_digit()) && is_srt_timing(timing)
}

/// Whether `text` starts the way a WebVTT file must.
pub fn looks_like_vtt(text: &str) -> bool {
    let rest = text.strip_prefix("WEBVTT");
    rest.is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t', '\n', '\r']))
}

/// `00:00:01,000 --> 00:00:04,000`, as SubRip writes it.
fn is_srt_timing(line: &str) -> bool {
    let Some((from, _)) = line.split_once("-->") else {
        return false;
    };
    let from = from.trim().as_bytes();
    from.len() >= 12
        && from[from.len() - 4] == b','
        && from
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b':' | b','))
}

/// One line of the file: its span without the line break.
fn lines(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(Span::new(start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push(Span::new(start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(Span::new(start, bytes.len()));
    }
    out
}

fn read(file: &SourceFile, dialect: Dialect) -> Result<Prose> {
    let text = file.text.as_str();
    let all = lines(text);
    let mut prose = Prose::default();
    // An empty file is an empty result, as for every other format.
    if dialect == Dialect::WebVtt && !text.trim().is_empty() && !looks_like_vtt(text) {
        return Err(Error::input(
            file.origin(0),
            "a WebVTT file must start with `WEBVTT`",
        ));
    }
    // Blocks: runs of non-blank lines.
    let mut blocks: Vec<&[Span]> = Vec::new();
    let mut i = 0;
    while i < all.len() {
        if text[all[i].range()].trim().is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < all.len() && !text[all[i].range()].trim().is_empty() {
            i += 1;
        }
        blocks.push(&all[start..i]);
    }
    let mut cues = 0;
    for (b, block) in blocks.iter().enumerate() {
        let first = &text[block[0].range()];
        if dialect == Dialect::WebVtt {
            if b == 0 {
                // The header block: `WEBVTT` and its header lines.
                continue;
            }
            if keyword_block(first, "NOTE") {
                let end = block[block.len() - 1].end;
                prose.comments.push(Comment {
                    syntax: CommentSyntax::Block,
                    span: Span::new(block[0].start, end),
                    body: Span::new(block[0].start + "NOTE".len(), end),
                });
                continue;
            }
            if keyword_block(first, "STYLE") || keyword_block(first, "REGION") {
                continue;
            }
        }
        let timing = block
            .iter()
            .position(|line| text[line.range()].contains("-->"));
        let (id, text_lines) = match timing {
            // An identifier, if any, stands right before the timing line.
            Some(t) => {
                cues += 1;
                let id = match t {
                    0 => cues.to_string(),
                    _ => text[block[t - 1].range()].trim().to_owned(),
                };
                (Some(id), &block[t + 1..])
            }
            None => (None, &block[..]),
        };
        if text_lines.is_empty() {
            continue;
        }
        let span = Span::new(text_lines[0].start, text_lines[text_lines.len() - 1].end);
        let cue_text = cue_text(text, span, dialect);
        match (id, prose.segments.last_mut()) {
            (Some(id), _) => prose.segments.push(Segment {
                id: Some(id),
                text: cue_text,
                entry: Some(Span::new(block[0].start, span.end)),
            }),
            // A block without timing continues the cue before it: its own
            // segment, with that cue's id, so that nothing is left out.
            (None, Some(previous)) => {
                let id = previous.id.clone();
                prose.segments.push(Segment {
                    id,
                    text: cue_text,
                    entry: Some(span),
                });
            }
            (None, None) => {
                return Err(Error::input(
                    file.origin(block[0].start),
                    "this subtitle block has no timing line (such as `00:00:01,000 --> 00:00:04,000`) and no cue before it to continue",
                ))
            }
        }
    }
    Ok(prose)
}

/// Whether a block's first line is `keyword` alone or followed by white
/// space (`NOTE this is a comment`).
fn keyword_block(line: &str, keyword: &str) -> bool {
    line.strip_prefix(keyword)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// The text of a cue at `span`, markup skipped and references decoded.
fn cue_text(text: &str, span: Span, dialect: Dialect) -> crate::text::MappedText {
    let mut out = MappedTextBuilder::new(span.start);
    let s = &text[span.range()];
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let skip = match c {
            // A tag: to its `>`, on the cue's lines; a lone `<` is text.
            // A tag: to its `>`, when a letter, `/` or a timestamp's digit
            // follows the `<` (so `a < b` stays text).
            '<' if rest[1..].starts_with(|n: char| n.is_ascii_alphanumeric() || n == '/') => {
                rest.find('>')
            }
            '{' if dialect == Dialect::SubRip && rest[1..].starts_with('\\') => rest.find('}'),
            _ => None,
        };
        if let Some(k) = skip {
            out.skip(k + 1);
            rest = &rest[k + 1..];
            continue;
        }
        if c == '&' && dialect == Dialect::WebVtt {
            let decoded = [
                ("&amp;", "&"),
                ("&lt;", "<"),
                ("&gt;", ">"),
                ("&nbsp;", "\u{a0}"),
                ("&lrm;", "\u{200e}"),
                ("&rlm;", "\u{200f}"),
            ]
            .into_iter()
            .find(|(reference, _)| rest.starts_with(reference));
            if let Some((reference, character)) = decoded {
                out.replace(reference.len(), character);
                rest = &rest[reference.len()..];
                continue;
            }
        }
        let len = c.len_utf8();
        out.copy(&rest[..len]);
        rest = &rest[len..];
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::file;

    fn cues(prose: &Prose) -> Vec<(String, String)> {
        prose
            .segments
            .iter()
            .map(|s| (s.id.clone().unwrap_or_default(), s.text.text.clone()))
            .collect()
    }

    /// The original bytes behind the derived text `needle` of `segment`.
    fn original<'a>(f: &'a SourceFile, segment: &Segment, needle: &str) -> &'a str {
        let at = segment.text.text.find(needle).expect("needle in segment");
        let span = segment.text.source_span(Span::new(at, at + needle.len()));
        &f.text[span.range()]
    }

    const SRT: &str = "1\r\n00:00:01,000 --> 00:00:04,000\r\n<i>Welcome to Macau,</i>\r\nsays the {\\an8}guide.\r\n\r\n2\r\n00:00:05,000 --> 00:00:06,500 X1:40 X2:600\r\n10 <font color=\"#ff0000\">Macau</font> casinos\r\n\r\n\r\nand a line after a blank one\r\n";

    #[test]
    fn srt_cue_text_only() {
        let f = file("a.srt", SRT);
        let prose = read_srt(&f).unwrap();
        assert_eq!(
            cues(&prose),
            [
                ("1".into(), "Welcome to Macau,\r\nsays the guide.".into()),
                ("2".into(), "10 Macau casinos".into()),
                ("2".into(), "and a line after a blank one".into()),
            ]
        );
        assert_eq!(original(&f, &prose.segments[0], "Macau"), "Macau");
        assert_eq!(
            original(&f, &prose.segments[0], "the guide"),
            "the {\\an8}guide"
        );
        assert_eq!(
            original(&f, &prose.segments[1], "Macau casinos"),
            "Macau</font> casinos"
        );
        assert!(prose.comments.is_empty());
    }

    #[test]
    fn srt_text_before_any_cue_is_an_error() {
        let err = read_srt(&file(
            "b.srt",
            "\nHello\n\n1\n00:00:01,000 --> 00:00:02,000\nx\n",
        ))
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("b.srt:2:1: "), "{err}");
        assert!(err.contains("no timing line"), "{err}");
    }

    const VTT: &str = "WEBVTT - Macau tour\nKind: captions\n\nNOTE termalign: ignore deprecated-term\nMacau stays here\n\nSTYLE\n::cue { color: Macau }\n\nintro\n00:01.000 --> 00:04.000 line:0 position:20%\n<v Guide>Macau &amp; Hong Kong</v> <00:02.000>&lt;3\n\n00:05.000 --> 00:06.000\n<c.loud>Macau</c>\n";

    #[test]
    fn vtt_cues_notes_and_references() {
        let f = file("a.vtt", VTT);
        let prose = read_vtt(&f).unwrap();
        assert_eq!(
            cues(&prose),
            [
                ("intro".into(), "Macau & Hong Kong <3".into()),
                ("2".into(), "Macau".into()),
            ]
        );
        assert_eq!(original(&f, &prose.segments[0], "& Hong"), "&amp; Hong");
        assert_eq!(original(&f, &prose.segments[0], "<3"), "&lt;3");
        assert_eq!(prose.comments.len(), 1);
        let note = prose.comments[0];
        assert_eq!(note.syntax, CommentSyntax::Block);
        assert_eq!(
            &f.text[note.body.range()],
            " termalign: ignore deprecated-term\nMacau stays here"
        );
    }

    #[test]
    fn vtt_must_say_so() {
        let err = read_vtt(&file("a.vtt", "1\n00:01.000 --> 00:02.000\nx\n"))
            .unwrap_err()
            .to_string();
        assert_eq!(err, "a.vtt:1:1: a WebVTT file must start with `WEBVTT`");
        assert!(looks_like_vtt("WEBVTT\n"));
        for empty in ["", " \n\n", "\r\n"] {
            assert!(
                read_vtt(&file("a.vtt", empty)).unwrap().segments.is_empty(),
                "{empty:?}"
            );
        }
        assert!(!looks_like_vtt("WEBVTTX\n"));
    }

    #[test]
    fn srt_is_recognised_by_its_first_cue() {
        assert!(looks_like_srt("\u{0031}\n00:00:01,000 --> 00:00:02,000\nx"));
        assert!(looks_like_srt(
            "\n\n12\r\n01:02:03,456 --> 01:02:04,000\r\n"
        ));
        assert!(!looks_like_srt("1\nHello\n"));
        assert!(!looks_like_srt("1\n00:01.000 --> 00:02.000\n"));
    }
}
