//! Two line-aligned plain-text files: line N of the source file is the
//! source of the pair whose target is line N of the target file.
//!
//! The pair id is the 1-based line number. Each text maps into its own file's
//! `SourceFile::text`. Lines that are blank in both files are skipped; an
//! empty target line gives `target: None` ("not translated"). One final line
//! break is not a line; files with a different number of lines are a usage
//! error naming both files and both counts.

use crate::error::{Error, Result};
use crate::input::tsv::line_count;
use crate::input::{Bilingual, PairState, SegmentPair, SourceFile};
use crate::text::MappedText;

/// Pairs the lines of `source` with those of `target`.
pub fn read(source: &SourceFile, target: &SourceFile) -> Result<Bilingual> {
    let n = line_count(&source.text, source);
    let m = line_count(&target.text, target);
    if n != m {
        return Err(Error::Usage(format!(
            "line-aligned files differ in length: {} has {n} {}, {} has {m} {}",
            source.path.display(),
            lines(n),
            target.path.display(),
            lines(m)
        )));
    }
    let mut pairs = Vec::with_capacity(n);
    for line in 0..n {
        let s = source.lines.line_span(&source.text, line);
        let t = target.lines.line_span(&target.text, line);
        let s_blank = source.text[s.range()].trim().is_empty();
        let t_blank = target.text[t.range()].trim().is_empty();
        if s_blank && t_blank {
            continue;
        }
        pairs.push(SegmentPair {
            id: (line + 1).to_string(),
            source: MappedText::borrowed(&source.text, s),
            target: (!t.is_empty()).then(|| MappedText::borrowed(&target.text, t)),
            state: PairState::Final,
            entry: None,
        });
    }
    Ok(Bilingual {
        source_lang: None,
        target_lang: None,
        conventional_source: None,
        pairs,
        // Both files are plain text; these are the target's (the file
        // findings are reported in). The source's: `plain::comments`.
        comments: super::plain::comments(&target.text),
    })
}

fn lines(n: usize) -> &'static str {
    if n == 1 {
        "line"
    } else {
        "lines"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{file, ids, original, pair, target};

    #[test]
    fn lines_pair_up_and_map_into_their_own_files() {
        let s = file("zh.txt", "西藏自治区\r\n\r\n新疆\r\n第四行\r\n");
        let t = file("en.txt", "Xizang Autonomous Region\n\nXinjiang\n\n");
        let b = read(&s, &t).unwrap();
        assert_eq!(ids(&b), ["1", "3", "4"]);
        let cases: &[(&str, &str, &str)] = &[
            ("1", "西藏自治区", "Xizang Autonomous Region"),
            ("3", "新疆", "Xinjiang"),
            ("4", "第四行", "<none>"),
        ];
        for (id, source, want) in cases {
            let p = pair(&b, id);
            assert_eq!(p.source.text, *source, "{id}");
            assert_eq!(target(p), *want, "{id}");
        }
        let p = pair(&b, "3");
        assert_eq!(original(&s, &p.source, "新疆"), "新疆");
        assert_eq!(
            original(&t, p.target.as_ref().unwrap(), "Xinjiang"),
            "Xinjiang"
        );
        assert_eq!(p.source.source_span(crate::span::Span::new(0, 6)).start, 19);
        assert_eq!(
            p.target
                .as_ref()
                .unwrap()
                .source_span(crate::span::Span::new(0, 8))
                .start,
            26
        );
    }

    #[test]
    fn one_trailing_newline_is_ignored() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("a\nb\n", "x\ny", None),
            ("a\nb", "x\ny\n", None),
            ("a\r\nb\r\n", "x\ny\n", None),
            ("", "", None),
            (
                "a\nb\n",
                "x\ny\n\n",
                Some("line-aligned files differ in length: s.txt has 2 lines, t.txt has 3 lines"),
            ),
            (
                "a\n",
                "",
                Some("line-aligned files differ in length: s.txt has 1 line, t.txt has 0 lines"),
            ),
        ];
        for (s, t, want) in cases {
            let result = read(&file("s.txt", s), &file("t.txt", t));
            match want {
                None => assert!(result.is_ok(), "{s:?} {t:?}"),
                Some(w) => {
                    let err = result.unwrap_err();
                    assert!(matches!(err, Error::Usage(_)));
                    assert_eq!(err.to_string(), *w);
                }
            }
        }
    }
}
