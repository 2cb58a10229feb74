//! Two parallel files, one per language, paired into [`Bilingual`] pairs.
//!
//! **Resource files** (formats whose registry entry is `keyed`: JSON
//! catalogues, `.properties`, `.strings`, …) pair by key: the value of a
//! key in the source file is the source of the pair whose target is the
//! value of that key in the target file, wherever each stands. The pair id
//! is the key (`#2`, `#3` added when a file repeats a key, paired in order).
//! A key the target lacks is a pair without target (`unfinished-segment`);
//! a key only the target has is a pair in state
//! [`PairState::NotInSource`], reported in the target file. The two files
//! may be of different keyed formats. Each side's languages are what its
//! file declares.
//!
//! **Other files** pair line by line: line N of the source file is the
//! source of the pair whose target is line N of the target file. The pair
//! id is the 1-based line number. Lines that are blank in both files are
//! skipped; an empty target line gives `target: None` ("not translated").
//! One final line break is not a line; files with a different number of
//! lines are a usage error naming both files and both counts.
//!
//! Each text maps into its own file's `SourceFile::text`. A keyed file
//! paired with one that is not is a usage error.

use std::collections::{HashMap, HashSet};

use crate::error::{Error, Result};
use crate::input::tsv::line_count;
use crate::input::{format, Bilingual, PairState, Segment, SegmentPair, SourceFile};
use crate::span::Span;
use crate::text::MappedText;

/// Pairs `source` with `target`: by key when both are resource files, else
/// by line.
pub fn read(source: &SourceFile, target: &SourceFile) -> Result<Bilingual> {
    let formats = (
        format::detect(&source.path, &source.text),
        format::detect(&target.path, &target.text),
    );
    match (formats.0.def().keyed, formats.1.def().keyed) {
        (true, true) => by_key(source, formats.0, target, formats.1),
        (false, false) => by_line(source, target),
        _ => {
            let describe = |file: &SourceFile, f: format::Format| {
                format!("{} ({})", file.path.display(), f.name())
            };
            Err(Error::Usage(format!(
                "cannot pair {} with {}: resource files pair by key, other files by line, so both must be one or the other",
                describe(source, formats.0),
                describe(target, formats.1)
            )))
        }
    }
}

/// Pairs the values of two resource files by key.
fn by_key(
    source: &SourceFile,
    source_format: format::Format,
    target: &SourceFile,
    target_format: format::Format,
) -> Result<Bilingual> {
    let source_prose = source_format.read_document(source)?;
    let target_prose = target_format.read_document(target)?;
    let keyed = |segments: Vec<Segment>| -> Vec<(String, Segment)> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        segments
            .into_iter()
            .map(|segment| {
                let key = segment.id.clone().unwrap_or_default();
                let n = seen.entry(key.clone()).or_default();
                *n += 1;
                let id = if *n == 1 { key } else { format!("{key}#{n}") };
                (id, segment)
            })
            .collect()
    };
    let mut targets: Vec<(String, Option<Segment>)> = keyed(target_prose.segments)
        .into_iter()
        .map(|(id, segment)| (id, Some(segment)))
        .collect();
    let target_of: HashMap<String, usize> = targets
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.clone(), i))
        .collect();
    let source_keyed = keyed(source_prose.segments);
    // Plural forms by the key they are forms of: each language has its own
    // set (French has `zero`, Japanese only `other`), so a form one side
    // lacks is no missing or orphan key while the other side has the key.
    let source_families: HashSet<String> = source_keyed
        .iter()
        .filter_map(|(id, _)| plural_family(id).map(str::to_owned))
        .collect();
    let target_families: HashSet<String> = targets
        .iter()
        .filter_map(|(id, _)| plural_family(id).map(str::to_owned))
        .collect();
    let mut pairs = Vec::with_capacity(targets.len());
    for (id, segment) in source_keyed {
        let translated = target_of.get(&id).and_then(|&i| targets[i].1.take());
        if translated.is_none() && plural_family(&id).is_some_and(|f| target_families.contains(f)) {
            continue;
        }
        pairs.push(SegmentPair {
            entry: translated.as_ref().and_then(|t| t.entry),
            target: translated.map(|t| t.text),
            id,
            source: segment.text,
            state: PairState::Final,
        });
    }
    // Keys only the target has, in its order.
    for (id, segment) in targets {
        if let Some(t) = segment {
            let own_plural = plural_family(&id).is_some_and(|f| source_families.contains(f));
            pairs.push(SegmentPair {
                // No source: an empty text at the start of the source file.
                source: MappedText::borrowed(&source.text, Span::new(0, 0)),
                target: Some(t.text),
                entry: t.entry,
                id,
                state: if own_plural {
                    PairState::Final
                } else {
                    PairState::NotInSource
                },
            });
        }
    }
    Ok(Bilingual {
        source_lang: source_prose.language,
        target_lang: target_prose.language,
        conventional_source: None,
        pairs,
        // Findings are reported in the target file, so its comments hold
        // the suppressions.
        comments: target_prose.comments,
    })
}

/// Pairs the lines of `source` with those of `target`.
fn by_line(source: &SourceFile, target: &SourceFile) -> Result<Bilingual> {
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

/// The key a plural form's key is a form of: `days` of `days.few`
/// (YAML, JSON paths), `days_few` (i18next), `days[few]` (Android), by
/// the CLDR plural categories.
fn plural_family(id: &str) -> Option<&str> {
    const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];
    let (family, category) = match id.strip_suffix(']') {
        Some(inner) => inner.rsplit_once('[')?,
        None => id.rsplit_once(['.', '_'])?,
    };
    CATEGORIES.contains(&category).then_some(family)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{file, ids, original, pair, target};

    /// Each language has its own plural forms: French `zero` beside
    /// English `one`/`other`, Japanese only `other`. A form one side lacks
    /// is no missing or orphan key while the other side has that key.
    #[test]
    fn plural_forms_pair_by_the_key_they_are_forms_of() {
        let s = file(
            "en.yml",
            "en:\n  secs:\n    one: a second\n    other: seconds\n  files_one: a file\n  files_other: files\n  gone: Gone\n",
        );
        let t = file(
            "fr.yml",
            "fr:\n  secs:\n    zero: aucune seconde\n    one: une seconde\n    other: secondes\n  files_other: fichiers\n  extra: En plus\n",
        );
        let b = read(&s, &t).unwrap();
        let got: Vec<(&str, &PairState, &str)> = b
            .pairs
            .iter()
            .map(|p| (p.id.as_str(), &p.state, target(p)))
            .collect();
        assert_eq!(
            got,
            [
                ("secs.one", &PairState::Final, "une seconde"),
                ("secs.other", &PairState::Final, "secondes"),
                ("files_other", &PairState::Final, "fichiers"),
                ("gone", &PairState::Final, "<none>"),
                ("secs.zero", &PairState::Final, "aucune seconde"),
                ("extra", &PairState::NotInSource, "En plus"),
            ]
        );
        assert_eq!(plural_family("days[few]"), Some("days"));
        assert_eq!(plural_family("menu.other"), Some("menu"));
        assert_eq!(plural_family("menu.title"), None);
    }

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
    fn resource_files_pair_by_key_wherever_the_keys_stand() {
        let s = file(
            "en.json",
            r#"{"a": "Alpha", "menu": {"b": "Beta", "c": "Gamma"}, "d": "Delta"}"#,
        );
        let t = file(
            "fr.properties",
            "# French\nmenu.c = Gamma fr\nextra = Extra\na = Alpha fr\nmenu.b =\n",
        );
        let b = read(&s, &t).unwrap();
        assert_eq!(ids(&b), ["a", "menu.b", "menu.c", "d", "extra"]);
        let got: Vec<(&str, String, &str, &PairState)> = b
            .pairs
            .iter()
            .map(|p| (p.id.as_str(), p.source.text.clone(), target(p), &p.state))
            .collect();
        assert_eq!(
            got,
            [
                ("a", "Alpha".into(), "Alpha fr", &PairState::Final),
                ("menu.b", "Beta".into(), "<none>", &PairState::Final),
                ("menu.c", "Gamma".into(), "Gamma fr", &PairState::Final),
                ("d", "Delta".into(), "<none>", &PairState::Final),
                ("extra", "".into(), "Extra", &PairState::NotInSource),
            ]
        );
        // Each side maps into its own file.
        let p = pair(&b, "menu.c");
        assert_eq!(original(&s, &p.source, "Gamma"), "Gamma");
        assert_eq!(original(&t, p.target.as_ref().unwrap(), "fr"), "fr");
        assert_eq!(b.comments.len(), 1, "the target's comments");
    }

    #[test]
    fn a_repeated_key_pairs_in_order() {
        let s = file("en.properties", "k = one\nk = two\nk = three\n");
        let t = file("fr.properties", "k = un\nk = deux\n");
        let b = read(&s, &t).unwrap();
        assert_eq!(ids(&b), ["k", "k#2", "k#3"]);
        assert_eq!(target(pair(&b, "k#2")), "deux");
        assert_eq!(target(pair(&b, "k#3")), "<none>");
    }

    #[test]
    fn a_resource_file_does_not_pair_with_prose() {
        let err = read(&file("en.json", r#"{"a": "b"}"#), &file("fr.txt", "b\n")).unwrap_err();
        assert!(matches!(err, Error::Usage(_)));
        assert_eq!(
            err.to_string(),
            "cannot pair en.json (json) with fr.txt (text): resource files pair by key, other files by line, so both must be one or the other"
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
