//! Two-column TSV reader: `SOURCE<TAB>TARGET` per line.
//!
//! The pair id is the 1-based line number. A third and further columns are
//! ignored; empty (or blank) lines and comment lines starting with `# ` are
//! skipped; a line without a tab is an error. Cells are taken verbatim (no
//! quoting or escapes), with `\r\n` line ends handled. An empty target cell
//! means "not translated" and gives `target: None`.

use crate::error::{Error, Result};
use crate::input::{Bilingual, PairState, SegmentPair, SourceFile};
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::MappedText;

/// Reads a two-column TSV file.
pub fn read(file: &SourceFile) -> Result<Bilingual> {
    let text = &file.text;
    let mut pairs = Vec::new();
    let mut comments = Vec::new();
    for line in 0..line_count(text, file) {
        let span = file.lines.line_span(text, line);
        let content = &text[span.range()];
        if content.starts_with("# ") || content == "#" {
            comments.push(Comment::to_line_end(
                CommentSyntax::Hash,
                text,
                span.start,
                1,
            ));
            continue;
        }
        if content.trim().is_empty() {
            continue;
        }
        let Some(tab) = content.find('\t') else {
            return Err(Error::input(
                file.origin(span.start),
                "line has no tab: expected SOURCE<TAB>TARGET",
            ));
        };
        let source = Span::new(span.start, span.start + tab);
        let rest = &content[tab + 1..];
        let target_len = rest.find('\t').unwrap_or(rest.len());
        let target = Span::new(source.end + 1, source.end + 1 + target_len);
        pairs.push(SegmentPair {
            id: (line + 1).to_string(),
            source: MappedText::borrowed(text, source),
            target: (!target.is_empty()).then(|| MappedText::borrowed(text, target)),
            state: PairState::Final,
            entry: None,
        });
    }
    Ok(Bilingual {
        source_lang: None,
        target_lang: None,
        conventional_source: None,
        pairs,
        comments,
    })
}

/// Lines of `text`, not counting the empty "line" after a final line break.
pub(crate) fn line_count(text: &str, file: &SourceFile) -> usize {
    if text.is_empty() {
        0
    } else if text.ends_with(['\n', '\r']) {
        file.lines.line_count() - 1
    } else {
        file.lines.line_count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{check_maps, file, ids, original, pair, target};

    #[test]
    fn columns_comments_and_blank_lines() {
        let text = "# source\ttarget\nTibet\tXizang\n\n  \nR&D\t研发\tnote\tmore\n#hashtag\t#话题\nonly source\t\n";
        let f = file("a.tsv", text);
        let b = read(&f).unwrap();
        assert_eq!(ids(&b), ["2", "5", "6", "7"]);
        let cases: &[(&str, &str, &str)] = &[
            ("2", "Tibet", "Xizang"),
            ("5", "R&D", "研发"),
            ("6", "#hashtag", "#话题"),
            ("7", "only source", "<none>"),
        ];
        for (id, source, want) in cases {
            let p = pair(&b, id);
            assert_eq!(p.source.text, *source, "{id}");
            assert_eq!(target(p), *want, "{id}");
        }
        let p = pair(&b, "5");
        assert_eq!(original(&f, p.target.as_ref().unwrap(), "研发"), "研发");
        assert_eq!(original(&f, &p.source, "&"), "&");
        check_maps(&f, &b);
    }

    #[test]
    fn crlf_input() {
        let f = file("c.tsv", "a\tb\r\nXinjiang\tXinjiang Uygur\r\n");
        let b = read(&f).unwrap();
        assert_eq!(ids(&b), ["1", "2"]);
        let p = pair(&b, "2");
        assert_eq!(target(p), "Xinjiang Uygur");
        let t = p.target.as_ref().unwrap();
        assert_eq!(original(&f, t, "Uygur"), "Uygur");
        assert_eq!(
            t.source_span(crate::span::Span::new(0, 14)).end,
            f.text.len() - 2
        );
    }

    #[test]
    fn line_without_tab_is_an_error() {
        let cases: &[(&str, &str)] = &[
            ("a\tb\nno tab here\n", "x.tsv:2:1: line has no tab"),
            ("a\tb\r\n\r\n重庆 only\r\n", "x.tsv:3:1: line has no tab"),
        ];
        for (input, want) in cases {
            let err = read(&file("x.tsv", input)).unwrap_err();
            assert!(err.to_string().starts_with(want), "got {err}, want {want}");
        }
    }
}
