//! TMX 1.4 (and 1.1) reader.
//!
//! One pair per `<tu>` that has a `<tuv>` in the source language: its id is
//! the `tuid` attribute, else the 1-based number of the `<tu>` in the file.
//! A `<tuv>`'s language is its `xml:lang` (TMX 1.4) or `lang` (TMX 1.1)
//! attribute, and its text the content of its `<seg>`, with inline codes
//! masked (`bpt ept ph it ut` and their native code produce no text; `hi`
//! keeps its text) and entities decoded.
//!
//! Languages: the source language is the one asked for, else the header's
//! `srclang` (unless it is `*all*`), else that of the first `<tuv>`; the
//! target language is the one asked for, else the only other language in the
//! file. Language tags compare case-insensitively on their primary subtag
//! (`EN-US` is `en`); within a `<tu>`, a `<tuv>` whose whole tag equals the
//! wanted one wins over one that only shares the primary subtag. A `<tu>`
//! without a target `<tuv>` has `target: None`.

use crate::error::{Error, Result};
use crate::input::xml::{Node, Tag, Xml};
use crate::input::{Bilingual, PairState, SegmentPair, SourceFile};
use crate::span::Span;
use crate::text::MappedText;

/// Reads a TMX file. `source_lang` and `target_lang` override what the file
/// says (see the module documentation).
pub fn read(
    file: &SourceFile,
    source_lang: Option<&str>,
    target_lang: Option<&str>,
) -> Result<Bilingual> {
    let mut xml = Xml::new(file);
    let root = xml.root("tmx", "TMX", "a TMX")?;
    let root_at = root.span.start;
    let mut header_srclang = None;
    let mut units = Vec::new();
    let mut tu_count = 0;
    let mut depth = 1;
    while depth > 0 {
        match xml.next()? {
            Node::Start(tag) if tag.is("header") => {
                header_srclang = xml.attr(&tag, "srclang")?;
                xml.skip_element()?;
            }
            Node::Empty(tag) if tag.is("header") => header_srclang = xml.attr(&tag, "srclang")?,
            Node::Start(tag) if tag.is("body") => depth += 1,
            Node::Start(tag) if tag.is("tu") => {
                tu_count += 1;
                units.push(read_tu(&mut xml, &tag, tu_count)?);
            }
            Node::Empty(tag) if tag.is("tu") => tu_count += 1,
            Node::Start(_) => {
                xml.skip_element()?;
            }
            Node::End(_) => depth -= 1,
            _ => {}
        }
    }
    while !matches!(xml.next()?, Node::Eof(_)) {}

    let header_srclang = header_srclang.filter(|l| !l.trim().eq_ignore_ascii_case("*all*"));
    let source = source_lang
        .map(str::to_owned)
        .or(header_srclang)
        .or_else(|| {
            units
                .iter()
                .find_map(|u| u.tuvs.first().map(|t| t.lang.clone()))
        });
    let Some(source) = source else {
        // No language anywhere: the file has no <tuv> at all.
        return Ok(Bilingual {
            source_lang: None,
            target_lang: target_lang.map(str::to_owned),
            conventional_source: None,
            pairs: Vec::new(),
            comments: xml.take_comments(),
        });
    };
    let target = match target_lang {
        Some(t) => t.to_owned(),
        None => only_other_language(file, &units, &source, root_at)?,
    };
    if source.trim().eq_ignore_ascii_case(target.trim()) {
        return Err(Error::Usage(format!(
            "{}: source and target language are both `{source}`",
            file.path.display()
        )));
    }
    // `en-US` and `en-GB` in one file: only exact tags tell them apart.
    let exact = same_primary(&source, &target);
    let has_target = units
        .iter()
        .any(|u| best(&u.tuvs, &target, exact).is_some());
    if !has_target {
        return Err(Error::input(
            file.origin(root_at),
            format!(
                "{}: no <tuv> in the target language `{target}` (languages present: {})",
                file.path.display(),
                languages(&units).join(", ")
            ),
        ));
    }

    let mut pairs = Vec::with_capacity(units.len());
    for mut unit in units {
        let Some(s) = best(&unit.tuvs, &source, exact) else {
            continue;
        };
        let t = best(&unit.tuvs, &target, exact);
        pairs.push(SegmentPair {
            id: unit.id,
            source: std::mem::take(&mut unit.tuvs[s].text),
            target: t.map(|t| std::mem::take(&mut unit.tuvs[t].text)),
            state: PairState::Final,
            entry: Some(unit.entry),
        });
    }
    Ok(Bilingual {
        source_lang: Some(source),
        target_lang: Some(target),
        conventional_source: None,
        pairs,
        comments: xml.take_comments(),
    })
}

struct Tu {
    id: String,
    tuvs: Vec<Tuv>,
    /// From `<tu>` to `</tu>`.
    entry: Span,
}

struct Tuv {
    lang: String,
    text: MappedText,
}

/// Reads one `<tu>` whose start tag was just read, through its end.
fn read_tu(xml: &mut Xml<'_>, tu: &Tag<'_>, number: usize) -> Result<Tu> {
    let id = xml
        .attr(tu, "tuid")?
        .filter(|id| !id.is_empty())
        .unwrap_or_else(|| number.to_string());
    let mut tuvs = Vec::new();
    let end = loop {
        match xml.next()? {
            Node::Start(tag) if tag.is("tuv") => {
                let lang = match xml.attr(&tag, "xml:lang")? {
                    Some(l) => l,
                    None => xml.attr(&tag, "lang")?.ok_or_else(|| {
                        xml.error(tag.span.start, "<tuv> has no xml:lang attribute")
                    })?,
                };
                let [seg] = xml.read_parts([("seg", false)])?;
                let text = seg
                    .ok_or_else(|| {
                        xml.error(
                            tag.span.start,
                            format!("<tuv xml:lang=\"{lang}\"> has no <seg>"),
                        )
                    })?
                    .text;
                tuvs.push(Tuv { lang, text });
            }
            Node::Start(_) => {
                xml.skip_element()?;
            }
            Node::End(end) => break end.end,
            _ => {}
        }
    };
    Ok(Tu {
        id,
        tuvs,
        entry: Span::new(tu.span.start, end),
    })
}

/// The primary subtag of a language tag (`EN` of `EN-US`).
fn primary(tag: &str) -> &str {
    tag.trim().split(['-', '_']).next().unwrap_or("")
}

/// Whether two tags share their primary subtag, ignoring case. Runs for
/// every `<tuv>`, so it allocates nothing.
fn same_primary(a: &str, b: &str) -> bool {
    primary(a).eq_ignore_ascii_case(primary(b))
}

/// Index of the `<tuv>` for `lang`: an exact (case-insensitive) tag first,
/// else, unless `exact`, the first with the same primary subtag.
fn best(tuvs: &[Tuv], lang: &str, exact: bool) -> Option<usize> {
    let lang = lang.trim();
    let found = tuvs
        .iter()
        .position(|t| t.lang.trim().eq_ignore_ascii_case(lang));
    if found.is_some() || exact {
        return found;
    }
    tuvs.iter().position(|t| same_primary(&t.lang, lang))
}

/// The languages of the file in order of appearance, one per primary subtag,
/// as first written.
fn languages(units: &[Tu]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for tuv in units.iter().flat_map(|u| &u.tuvs) {
        if !seen.iter().any(|l| same_primary(l, &tuv.lang)) {
            seen.push(tuv.lang.clone());
        }
    }
    seen
}

fn only_other_language(
    file: &SourceFile,
    units: &[Tu],
    source: &str,
    root_at: usize,
) -> Result<String> {
    let all = languages(units);
    let others: Vec<&String> = all.iter().filter(|l| !same_primary(l, source)).collect();
    match others.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Error::input(
            file.origin(root_at),
            format!(
                "{}: no <tuv> in a target language: the only language is `{source}`",
                file.path.display()
            ),
        )),
        many => Err(Error::SeveralTargetLanguages {
            path: file.path.clone(),
            languages: many.iter().map(|s| s.to_string()).collect(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{check_maps, file, ids, original, pair, target};
    use crate::span::Span;

    const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
 <header srclang="ZH-CN" adminlang="en" segtype="sentence" o-tmf="x" datatype="plaintext" creationtool="t" creationtoolversion="1">
  <note>header</note>
 </header>
 <body>
  <tu tuid="xz">
   <note>n</note>
   <prop type="x">p</prop>
   <tuv xml:lang="zh-CN"><seg>西藏自治区</seg></tuv>
   <tuv xml:lang="EN-US"><prop type="p">q</prop><seg>the <hi type="b">Xizang</hi> Autonomous <bpt i="1">&lt;i&gt;</bpt>Region<ept i="1">&lt;/i&gt;</ept></seg></tuv>
  </tu>
  <tu>
   <tuv xml:lang="zh-cn"><seg>研究&amp;开发</seg></tuv>
   <tuv xml:lang="en-GB"><seg>R&amp;D <ph x="1">{0}</ph><ut>[u]</ut>&#x4E2D;<it pos="begin">&lt;b&gt;</it></seg></tuv>
  </tu>
  <tu/>
  <tu tuid="">
   <tuv xml:lang="zh"><seg>只有中文</seg></tuv>
  </tu>
  <tu tuid="no-source">
   <tuv xml:lang="en"><seg>English only</seg></tuv>
  </tu>
 </body>
</tmx>
"#;

    #[test]
    fn tus_and_languages() {
        let f = file("a.tmx", TMX);
        let b = read(&f, None, None).unwrap();
        assert_eq!(b.source_lang.as_deref(), Some("ZH-CN"));
        assert_eq!(b.target_lang.as_deref(), Some("EN-US"));
        assert_eq!(ids(&b), ["xz", "2", "4"]);
        let cases: &[(&str, &str, &str)] = &[
            ("xz", "西藏自治区", "the Xizang Autonomous Region"),
            ("2", "研究&开发", "R&D 中"),
            ("4", "只有中文", "<none>"),
        ];
        for (id, source, want) in cases {
            let p = pair(&b, id);
            assert_eq!(p.source.text, *source, "{id}");
            assert_eq!(target(p), *want, "{id}");
        }
        check_maps(&f, &b);
    }

    #[test]
    fn spans_map_to_exact_original_bytes() {
        let f = file("a.tmx", TMX);
        let b = read(&f, None, None).unwrap();
        let cases: &[(&str, &str, &str)] = &[
            ("xz", "Xizang", "Xizang"),
            (
                "xz",
                "Xizang Autonomous Region",
                r#"Xizang</hi> Autonomous <bpt i="1">&lt;i&gt;</bpt>Region"#,
            ),
            ("2", "R&D", "R&amp;D"),
            ("2", "中", "&#x4E2D;"),
        ];
        for (id, needle, raw) in cases {
            let t = pair(&b, id).target.as_ref().unwrap();
            assert_eq!(original(&f, t, needle), *raw, "{id}: {needle}");
        }
        assert_eq!(original(&f, &pair(&b, "2").source, "&"), "&amp;");
    }

    #[test]
    fn languages_can_be_chosen() {
        let f = file("a.tmx", TMX);
        // Asking for en-GB prefers the exact tag, then any `en`.
        let b = read(&f, Some("zh"), Some("en-gb")).unwrap();
        assert_eq!(target(pair(&b, "xz")), "the Xizang Autonomous Region");
        assert_eq!(target(pair(&b, "2")), "R&D 中");
        // Reversed direction.
        let b = read(&f, Some("en"), Some("zh")).unwrap();
        assert_eq!(ids(&b), ["xz", "2", "no-source"]);
        assert_eq!(target(pair(&b, "no-source")), "<none>");
    }

    #[test]
    fn three_languages_and_tmx11_lang() {
        let text = "<tmx version=\"1.1\"><header srclang=\"*all*\"/><body>\n<tu><tuv lang=\"DE-DE\"><seg>Wenn</seg></tuv><tuv lang=\"EN-US\"><seg>If</seg></tuv><tuv lang=\"CS-CZ\"><seg>Pokud</seg></tuv></tu>\n</body></tmx>";
        let f = file("m.tmx", text);
        let err = read(&f, None, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "m.tmx: several target languages (EN-US, CS-CZ)"
        );
        let b = read(&f, None, Some("cs")).unwrap();
        assert_eq!(b.source_lang.as_deref(), Some("DE-DE"));
        assert_eq!(target(pair(&b, "1")), "Pokud");
        assert_eq!(pair(&b, "1").source.text, "Wenn");
    }

    #[test]
    fn utf16_with_encoding_declaration() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<tmx version=\"1.4\"><header srclang=\"en\"/><body>\r\n<tu><tuv xml:lang=\"en\"><seg>Tibet &amp; Xinjiang</seg></tuv><tuv xml:lang=\"fr\"><seg>Xizang&#x09;et</seg></tuv></tu>\r\n</body></tmx>\r\n";
        let mut raw = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            raw.extend_from_slice(&u.to_le_bytes());
        }
        let f = SourceFile::from_bytes("u.tmx", raw).unwrap();
        let b = read(&f, None, None).unwrap();
        let p = pair(&b, "1");
        assert_eq!(p.source.text, "Tibet & Xinjiang");
        assert_eq!(target(p), "Xizang\tet");
        assert_eq!(original(&f, p.target.as_ref().unwrap(), "\t"), "&#x09;");
        // Through the decode map to the raw UTF-16 bytes: 6 code units.
        let t = p.target.as_ref().unwrap();
        let raw_span = f.raw_span(t.source_span(Span::new(6, 7)));
        assert_eq!(raw_span.len(), 12);
    }

    #[test]
    fn crlf_input() {
        let text = "<tmx version=\"1.4\">\r\n<header srclang=\"en\"/>\r\n<body>\r\n<tu>\r\n<tuv xml:lang=\"en\">\r\n<seg>a\r\nb &lt;</seg>\r\n</tuv>\r\n<tuv xml:lang=\"zh\"><seg>甲\r\n乙</seg></tuv>\r\n</tu>\r\n</body>\r\n</tmx>\r\n";
        let f = file("c.tmx", text);
        let b = read(&f, None, None).unwrap();
        let p = pair(&b, "1");
        assert_eq!(p.source.text, "a\r\nb <");
        assert_eq!(original(&f, &p.source, "b <"), "b &lt;");
        assert_eq!(target(p), "甲\r\n乙");
        check_maps(&f, &b);
    }

    #[test]
    fn bad_input() {
        let cases: &[(&str, Option<&str>, &str)] = &[
            (
                "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv><tuv xml:lang=\"fr\"><seg>b</tuv></tu>\n</body></tmx>",
                None,
                "x.tmx:2:67: malformed XML: ill-formed document: expected `</seg>`, but `</tuv>` was found",
            ),
            (
                "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>&eacute;</seg></tuv></tu>\n</body></tmx>",
                None,
                "x.tmx:2:29: unknown entity `&eacute;`",
            ),
            (
                "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv><tuv xml:lang=\"fr\"><seg>b</seg></tuv></tu>\n</body></tmx>",
                Some("de"),
                "x.tmx:1:1: x.tmx: no <tuv> in the target language `de` (languages present: en, fr)",
            ),
            (
                "<tmx version=\"1.4\"><header srclang=\"en\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n</body></tmx>",
                None,
                "x.tmx:1:1: x.tmx: no <tuv> in a target language: the only language is `en`",
            ),
            (
                "<tmx version=\"1.4\"><body>\n<tu>\n  <tuv><seg>a</seg></tuv></tu></body></tmx>",
                None,
                "x.tmx:3:3: <tuv> has no xml:lang attribute",
            ),
            (
                "<tmx version=\"1.4\"><body>\n<tu>\n  <tuv xml:lang=\"en\"></tuv></tu></body></tmx>",
                None,
                "x.tmx:3:3: <tuv xml:lang=\"en\"> has no <seg>",
            ),
            (
                "<xliff version=\"1.2\"></xliff>",
                None,
                "x.tmx:1:1: not a TMX file: the root element is <xliff>, not <tmx>",
            ),
            (
                "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv>",
                None,
                "x.tmx:2:42: malformed XML: end of file inside <tu>, opened at line 2, column 1",
            ),
        ];
        for (input, target_lang, want) in cases {
            let err = read(&file("x.tmx", input), None, *target_lang).unwrap_err();
            assert!(
                err.to_string().starts_with(want),
                "{input}\n got: {err}\nwant: {want}"
            );
        }
    }
}
