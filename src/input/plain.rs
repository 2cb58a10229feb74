//! Plain text: the whole file is one segment of prose, mapped identically.
//! Plain text has no comment syntax of its own, so the comments a
//! suppression may stand in are the usual conventions (see [`comments`]).

use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::MappedText;

use super::{Prose, Segment, SourceFile};

/// The whole text of `file` as one segment (nothing for an empty file),
/// with its [`comments`].
pub fn read(file: &SourceFile) -> Prose {
    let segments = if file.text.is_empty() {
        Vec::new()
    } else {
        vec![Segment {
            id: None,
            text: MappedText::borrowed(&file.text, Span::new(0, file.text.len())),
            entry: None,
        }]
    };
    Prose {
        segments,
        language: None,
        comments: comments(&file.text),
    }
}

/// The comments of plain text by convention: `#` and `//` to the end of
/// the line, each at the start of a line or after white space (so `C#` and
/// `https://` stay prose), and `/* … */` and `<!-- … -->` anywhere (an
/// unclosed one runs to the end). In file order, without overlaps.
pub fn comments(text: &str) -> Vec<Comment> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = memchr::memchr3(b'#', b'/', b'<', &bytes[from..]) {
        let at = from + k;
        let after_space = at == 0 || bytes[at - 1].is_ascii_whitespace();
        let rest = &text[at..];
        let comment = if rest.starts_with('#') && after_space {
            // PO's `#.` comments read the same in a text file.
            let opener = if rest.starts_with("#.") { 2 } else { 1 };
            Some(Comment::to_line_end(CommentSyntax::Hash, text, at, opener))
        } else if rest.starts_with("//") && after_space {
            Some(Comment::to_line_end(CommentSyntax::Slashes, text, at, 2))
        } else if rest.starts_with("/*") {
            let (body_end, end) = match text[at + 2..].find("*/") {
                Some(j) => (at + 2 + j, at + 2 + j + 2),
                None => (text.len(), text.len()),
            };
            Some(Comment {
                syntax: CommentSyntax::SlashStar,
                span: Span::new(at, end),
                body: Span::new(at + 2, body_end),
            })
        } else if rest.starts_with("<!--") {
            Some(Comment::html_at(text, at))
        } else {
            None
        };
        match comment {
            Some(c) => {
                from = c.span.end.max(at + 1);
                out.push(c);
            }
            None => from = at + 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::space::Seg;

    #[test]
    fn whole_file_is_one_identity_segment() {
        for text in ["Xizang Autonomous Region\r\nline two\n", "西藏自治区", "x"] {
            let file = SourceFile::from_bytes("a.txt", text.as_bytes().to_vec()).unwrap();
            let segs = read(&file).segments;
            assert_eq!(segs.len(), 1);
            assert_eq!(segs[0].id, None);
            assert_eq!(segs[0].text.text, text);
            let whole = Span::<Seg>::new(0, text.len());
            assert_eq!(segs[0].text.source_span(whole), Span::new(0, text.len()));
        }
    }

    #[test]
    fn bom_is_not_part_of_the_text() {
        let file = SourceFile::from_bytes("a.txt", b"\xEF\xBB\xBFTibet".to_vec()).unwrap();
        let segs = read(&file).segments;
        assert_eq!(segs[0].text.text, "Tibet");
        assert_eq!(segs[0].text.source_span(Span::new(0, 5)), Span::new(0, 5));
    }

    #[test]
    fn empty_file_has_no_segments() {
        let file = SourceFile::from_bytes("a.txt", Vec::new()).unwrap();
        assert!(read(&file).segments.is_empty());
    }

    #[test]
    fn comments_by_convention() {
        let text = "# a\nC# b // c\nhttps://x /* d\ne */ <!-- f --> g\n#. h";
        let found: Vec<(&str, &str)> = comments(text)
            .iter()
            .map(|c| (&text[c.span.range()], &text[c.body.range()]))
            .collect();
        assert_eq!(
            found,
            [
                ("# a", " a"),
                ("// c", " c"),
                ("/* d\ne */", " d\ne "),
                ("<!-- f -->", " f "),
                ("#. h", " h"),
            ]
        );
        assert_eq!(comments("x /* open").len(), 1);
        assert_eq!(comments("<!--").len(), 1);
    }
}
