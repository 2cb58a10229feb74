//! XLIFF 1.2 (and 1.0/1.1) and XLIFF 2.0/2.1 reader.
//!
//! - XLIFF 1.x: languages from the first `<file source-language
//!   target-language>`; one pair per `<trans-unit>` (id = its `id`), from
//!   its `<source>` and `<target>`. When the unit has a `<seg-source>` with
//!   `<mrk mtype="seg" mid="…">` segments, each segment is a pair of its own
//!   (id `UNIT#MID`) whose target is the target's `mrk` with the same `mid`
//!   (if the target is not segmented, the unit stays one pair).
//!   `translate="no"` units are skipped (a group's `translate` is inherited).
//! - XLIFF 2.x: languages from `<xliff srcLang trgLang>`; one pair per
//!   `<segment>` (id = the unit id when the unit has one segment, else
//!   `UNIT#SEGMENT-ID`, or `UNIT#N` with the 1-based segment number when the
//!   segment has no id); `<ignorable>` is skipped, and so are units with
//!   `translate="no"` (inherited from `file` and `group`).
//!
//! Inline codes are masked: their tags produce no text, so a term that spans
//! them (`European <g id="1">External</g> Action Service`) is still found and
//! maps back to the whole original run, tags included; the native code inside
//! `bpt`, `ept`, `ph`, `it` and `sub` is skipped. Notes, `alt-trans`,
//! `context-group`, modules (glossary, matches, …) and every element of a
//! foreign namespace are ignored. A unit without `<target>` has
//! `target: None`; an empty `<target/>` is an empty target.

use crate::error::Result;
use crate::input::xml::{Node, Tag, Xml};
use crate::input::{Bilingual, PairState, SegmentPair, SourceFile};
use crate::span::Span;

/// Reads an XLIFF file of any version.
pub fn read(file: &SourceFile) -> Result<Bilingual> {
    let mut xml = Xml::new(file);
    let root = xml.root("xliff", "XLIFF", "an XLIFF")?;
    // The namespace says the version; files without one say it in `version`.
    let v2 = match xml.core_namespace() {
        Some(ns) if ns.starts_with(b"urn:oasis:names:tc:xliff:document:") => {
            ns.starts_with(b"urn:oasis:names:tc:xliff:document:2")
        }
        _ => xml
            .attr(&root, "version")?
            .is_some_and(|v| v.trim().starts_with('2')),
    };
    let mut out = Bilingual::default();
    if v2 {
        xml.decode_cp = true;
        out.source_lang = xml.attr(&root, "srcLang")?;
        out.target_lang = xml.attr(&root, "trgLang")?;
        read_v2(&mut xml, &mut out)?;
    } else {
        read_v1(&mut xml, &mut out)?;
    }
    // The root is closed; what follows may only be comments and white space,
    // and must be well-formed.
    while !matches!(xml.next()?, Node::Eof(_)) {}
    out.comments = xml.take_comments();
    Ok(out)
}

/// `translate` of a container or unit: explicit `yes`/`no`, else inherited.
fn translate(xml: &Xml<'_>, tag: &Tag<'_>, inherited: bool) -> Result<bool> {
    Ok(match xml.attr(tag, "translate")?.as_deref() {
        Some("no") => false,
        Some("yes") => true,
        _ => inherited,
    })
}

/// The id of a unit (`<trans-unit>`, `<unit>`) whose start tag was just
/// read, or `None` for a unit not to be translated, which is then skipped
/// through its end. A unit without an id is an error.
fn translatable_unit_id(
    xml: &mut Xml<'_>,
    unit: &Tag<'_>,
    inherited: bool,
) -> Result<Option<String>> {
    let id = xml.attr(unit, "id")?.ok_or_else(|| {
        xml.error(
            unit.span.start,
            format!("<{}> has no id attribute", unit.local),
        )
    })?;
    if !translate(xml, unit, inherited)? {
        xml.skip_element()?;
        return Ok(None);
    }
    Ok(Some(id))
}

/// Reads the inside of the root `<xliff>` element of a 1.x file.
fn read_v1(xml: &mut Xml<'_>, out: &mut Bilingual) -> Result<()> {
    // `translate` of each open container (xliff, file, body, group, bin-unit).
    let mut containers = vec![true];
    let mut saw_file = false;
    while let Some(&inherited) = containers.last() {
        match xml.next()? {
            Node::Start(tag) if tag.core => match tag.local {
                "file" | "body" | "group" | "bin-unit" => {
                    if tag.local == "file" && !saw_file {
                        saw_file = true;
                        out.source_lang = xml.attr(&tag, "source-language")?;
                        out.target_lang = xml.attr(&tag, "target-language")?;
                    }
                    containers.push(translate(xml, &tag, inherited)?);
                }
                "trans-unit" => read_trans_unit(xml, &tag, inherited, out)?,
                _ => {
                    xml.skip_element()?;
                }
            },
            Node::Start(_) => {
                xml.skip_element()?;
            }
            Node::End(_) => {
                containers.pop();
            }
            Node::Empty(tag) if tag.is("file") && !saw_file => {
                saw_file = true;
                out.source_lang = xml.attr(&tag, "source-language")?;
                out.target_lang = xml.attr(&tag, "target-language")?;
            }
            Node::Eof(_) => break,
            _ => {}
        }
    }
    Ok(())
}

/// Reads one `<trans-unit>` whose start tag was just read, through its end.
fn read_trans_unit(
    xml: &mut Xml<'_>,
    unit: &Tag<'_>,
    inherited: bool,
    out: &mut Bilingual,
) -> Result<()> {
    let Some(id) = translatable_unit_id(xml, unit, inherited)? else {
        return Ok(());
    };
    // SDLXLIFF keeps each segment's confirmation level and lock in
    // `<sdl:seg-defs><sdl:seg id conf locked/>`; memoQ its status on the
    // unit.
    let mut sdl: Vec<(String, PairState)> = Vec::new();
    let memoq = xml.attr(unit, "mq:status")?;
    let [source, seg_source, target] = xml.read_parts_and(
        [("source", false), ("seg-source", true), ("target", true)],
        &mut |xml, tag| {
            if tag.local != "seg-defs" {
                return Ok(false);
            }
            let seg_state = |xml: &Xml<'_>, seg: &Tag<'_>| -> Result<(String, PairState)> {
                let id = xml.attr(seg, "id")?.unwrap_or_default();
                let conf = xml.attr(seg, "conf")?;
                let locked = xml.attr(seg, "locked")?.is_some_and(|l| l == "true");
                Ok((id, PairState::from_sdl(conf.as_deref(), locked)))
            };
            loop {
                match xml.next()? {
                    Node::Empty(seg) if seg.local == "seg" => sdl.push(seg_state(xml, &seg)?),
                    Node::Start(seg) if seg.local == "seg" => {
                        sdl.push(seg_state(xml, &seg)?);
                        xml.skip_element()?;
                    }
                    Node::Start(_) => {
                        xml.skip_element()?;
                    }
                    Node::End(_) => return Ok(true),
                    _ => {}
                }
            }
        },
    )?;
    let source = source.ok_or_else(|| {
        xml.error(
            unit.span.start,
            format!("<trans-unit id=\"{id}\"> has no <source>"),
        )
    })?;
    let entry = Some(Span::new(unit.span.start, xml.position()));
    let state = match &memoq {
        Some(status) => PairState::from_memoq(status),
        None => PairState::from_xliff(
            target.as_ref().and_then(|t| t.state.as_deref()),
            target.as_ref().and_then(|t| t.state_qualifier.as_deref()),
        ),
    };
    // A segment's own SDLXLIFF state, where it has one.
    let state_of = |mid: &str| {
        sdl.iter()
            .find(|(id, _)| id == mid)
            .map_or_else(|| state.clone(), |(_, s)| s.clone())
    };
    let segmented_target = target.as_ref().is_none_or(|t| !t.segments.is_empty());
    match seg_source {
        Some(segs) if !segs.segments.is_empty() && segmented_target => {
            let mut target_segs = target.map(|t| t.segments).unwrap_or_default();
            for (mid, text) in segs.segments {
                let found = target_segs.iter().position(|(m, _)| *m == mid);
                out.pairs.push(SegmentPair {
                    id: format!("{id}#{mid}"),
                    source: text,
                    target: found.map(|i| target_segs.swap_remove(i).1),
                    state: state_of(&mid),
                    entry,
                });
            }
        }
        _ => out.pairs.push(SegmentPair {
            id,
            source: source.text,
            target: target.map(|t| t.text),
            // An unsegmented unit's one `<sdl:seg>`, if it has one.
            state: match sdl.as_slice() {
                [(_, only)] => only.clone(),
                _ => state.clone(),
            },
            entry,
        }),
    }
    Ok(())
}

/// Reads the inside of the root `<xliff>` element of a 2.x file.
fn read_v2(xml: &mut Xml<'_>, out: &mut Bilingual) -> Result<()> {
    let mut containers = vec![true];
    while let Some(&inherited) = containers.last() {
        match xml.next()? {
            Node::Start(tag) if tag.is("file") || tag.is("group") => {
                containers.push(translate(xml, &tag, inherited)?);
            }
            Node::Start(tag) if tag.is("unit") => read_unit(xml, &tag, inherited, out)?,
            Node::Start(_) => {
                xml.skip_element()?;
            }
            Node::End(_) => {
                containers.pop();
            }
            Node::Eof(_) => break,
            _ => {}
        }
    }
    Ok(())
}

/// Reads one XLIFF 2 `<unit>` whose start tag was just read, through its end.
fn read_unit(
    xml: &mut Xml<'_>,
    unit: &Tag<'_>,
    inherited: bool,
    out: &mut Bilingual,
) -> Result<()> {
    let Some(id) = translatable_unit_id(xml, unit, inherited)? else {
        return Ok(());
    };
    // (segment id, source, target)
    let mut segments = Vec::new();
    loop {
        match xml.next()? {
            Node::Start(tag) if tag.is("segment") => {
                let seg_id = xml.attr(&tag, "id")?;
                let seg_state = PairState::from_xliff2(
                    xml.attr(&tag, "state")?.as_deref(),
                    xml.attr(&tag, "subState")?.as_deref(),
                );
                let [source, target] = xml.read_parts([("source", false), ("target", false)])?;
                let source = source.ok_or_else(|| {
                    xml.error(
                        tag.span.start,
                        format!("<segment> of unit \"{id}\" has no <source>"),
                    )
                })?;
                segments.push((seg_id, source, target, seg_state));
            }
            Node::Start(_) => {
                xml.skip_element()?;
            }
            Node::End(_) => break,
            _ => {}
        }
    }
    let entry = Some(Span::new(unit.span.start, xml.position()));
    let single = segments.len() == 1;
    for (n, (seg_id, source, target, state)) in segments.into_iter().enumerate() {
        let pair_id = if single {
            id.clone()
        } else {
            match seg_id {
                Some(s) => format!("{id}#{s}"),
                None => format!("{id}#{}", n + 1),
            }
        };
        out.pairs.push(SegmentPair {
            id: pair_id,
            source: source.text,
            target: target.map(|t| t.text),
            state,
            entry,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{check_maps, file, ids, original, pair, target};

    const V12: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:x="urn:x">
 <file source-language="zh-CN" target-language="en" datatype="plaintext" original="a">
  <header><note>header note</note></header>
  <body>
   <trans-unit id="eeas">
    <source>欧洲对外行动署</source>
    <target>European <g id="1">External</g> Action Service</target>
    <note>ignored</note>
    <alt-trans><target>Tibet alt</target></alt-trans>
    <context-group><context context-type="x">ctx</context></context-group>
   </trans-unit>
   <trans-unit id="amp"><source>R&amp;D</source><target>Research &amp; Development of &#x4E2D;</target></trans-unit>
   <trans-unit id="code"><source>x</source><target>Press <bpt id="1">&lt;b&gt;</bpt>Xizang<ept id="1">&lt;/b&gt;</ept> <ph id="2">{0}<sub>sub text</sub></ph>now<x id="3"/><it id="4" pos="open">[i]</it>.</target></trans-unit>
   <trans-unit id="no" translate="no"><source>Do not translate</source><target>x</target></trans-unit>
   <group translate="no">
     <trans-unit id="in-no-group"><source>skip</source></trans-unit>
     <trans-unit id="yes-in-no-group" translate="yes"><source>keep</source></trans-unit>
   </group>
   <trans-unit id="untranslated"><source>Only source</source></trans-unit>
   <trans-unit id="empty"><source>Empty target</source><target/></trans-unit>
   <x:trans-unit id="foreign"><source>not XLIFF</source></x:trans-unit>
   <trans-unit id="segs">
    <source>One. Two. Three.</source>
    <seg-source><mrk mtype="seg" mid="1">One.</mrk> <mrk mtype="seg" mid="2">Two <mrk mtype="term">x</mrk>.</mrk> <mrk mtype="seg" mid="3">Three.</mrk></seg-source>
    <target><mrk mtype="seg" mid="2">Deux x.</mrk> <mrk mtype="seg" mid="1">Un.</mrk></target>
   </trans-unit>
   <trans-unit id="segs-untranslated">
    <source>A. B.</source>
    <seg-source><mrk mtype="seg" mid="a">A.</mrk> <mrk mtype="seg" mid="b">B.</mrk></seg-source>
   </trans-unit>
   <trans-unit id="segs-flat-target">
    <source>A. B.</source>
    <seg-source><mrk mtype="seg" mid="a">A.</mrk> <mrk mtype="seg" mid="b">B.</mrk></seg-source>
    <target>A! B!</target>
   </trans-unit>
  </body>
 </file>
</xliff>
"#;

    #[test]
    fn xliff12_units_and_languages() {
        let f = file("a.xlf", V12);
        let b = read(&f).unwrap();
        assert_eq!(b.source_lang.as_deref(), Some("zh-CN"));
        assert_eq!(b.target_lang.as_deref(), Some("en"));
        assert_eq!(
            ids(&b),
            [
                "eeas",
                "amp",
                "code",
                "yes-in-no-group",
                "untranslated",
                "empty",
                "segs#1",
                "segs#2",
                "segs#3",
                "segs-untranslated#a",
                "segs-untranslated#b",
                "segs-flat-target"
            ]
        );
        let cases: &[(&str, &str, &str)] = &[
            ("eeas", "欧洲对外行动署", "European External Action Service"),
            ("amp", "R&D", "Research & Development of 中"),
            ("code", "x", "Press Xizang now."),
            ("yes-in-no-group", "keep", "<none>"),
            ("untranslated", "Only source", "<none>"),
            ("empty", "Empty target", ""),
            ("segs#1", "One.", "Un."),
            ("segs#2", "Two x.", "Deux x."),
            ("segs#3", "Three.", "<none>"),
            ("segs-untranslated#b", "B.", "<none>"),
            ("segs-flat-target", "A. B.", "A! B!"),
        ];
        for (id, source, want) in cases {
            let p = pair(&b, id);
            assert_eq!(p.source.text, *source, "{id}");
            assert_eq!(target(p), *want, "{id}");
        }
        check_maps(&f, &b);
    }

    #[test]
    fn xliff12_spans_map_to_exact_original_bytes() {
        let f = file("a.xlf", V12);
        let b = read(&f).unwrap();
        let cases: &[(&str, &str, &str)] = &[
            (
                "eeas",
                "European External Action Service",
                r#"European <g id="1">External</g> Action Service"#,
            ),
            ("eeas", "External", "External"),
            ("eeas", "Action", "Action"),
            (
                "amp",
                "Research & Development",
                "Research &amp; Development",
            ),
            ("amp", "&", "&amp;"),
            ("amp", "中", "&#x4E2D;"),
            ("code", "Xizang", "Xizang"),
            (
                "code",
                "Press Xizang",
                r#"Press <bpt id="1">&lt;b&gt;</bpt>Xizang"#,
            ),
            (
                "code",
                "now.",
                r#"now<x id="3"/><it id="4" pos="open">[i]</it>."#,
            ),
            ("segs#2", "Deux x.", "Deux x."),
        ];
        for (id, needle, raw) in cases {
            let t = pair(&b, id).target.as_ref().unwrap();
            assert_eq!(original(&f, t, needle), *raw, "{id}: {needle}");
        }
        let src = &pair(&b, "eeas").source;
        assert_eq!(original(&f, src, "对外"), "对外");
    }

    #[test]
    fn xliff12_crlf_and_v11_without_target_language() {
        let text = "<xliff version=\"1.1\" xmlns=\"urn:oasis:names:tc:xliff:document:1.1\">\r\n<file source-language=\"en-US\">\r\n<body>\r\n<trans-unit id=\"1\">\r\n<source>Line\r\none</source>\r\n<target>Ligne\r\nun &amp; deux</target>\r\n</trans-unit>\r\n</body>\r\n</file>\r\n</xliff>\r\n";
        let f = file("c.xlf", text);
        let b = read(&f).unwrap();
        assert_eq!(b.source_lang.as_deref(), Some("en-US"));
        assert_eq!(b.target_lang, None);
        let p = pair(&b, "1");
        assert_eq!(target(p), "Ligne\r\nun & deux");
        assert_eq!(
            original(&f, p.target.as_ref().unwrap(), "\r\nun &"),
            "\r\nun &amp;"
        );
        check_maps(&f, &b);
    }

    const V20: &str = r##"<?xml version="1.0"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="zh"
  xmlns:gls="urn:oasis:names:tc:xliff:glossary:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0">
 <file id="f1">
  <notes><note>n</note></notes>
  <unit id="u1">
   <gls:glossary><gls:glossEntry><gls:term>Tibet</gls:term></gls:glossEntry></gls:glossary>
   <mtc:matches><mtc:match ref="#s1"><source>match source</source><target>match target</target></mtc:match></mtc:matches>
   <segment id="s1"><source>The <pc id="1">Xizang</pc> Autonomous <ph id="2"/>Region</source><target>西藏<sc id="3"/>自治区<ec startRef="3"/></target></segment>
  </unit>
  <unit id="u2">
   <originalData><data id="d1">&lt;br/&gt;</data></originalData>
   <segment><source>One.</source><target>一。</target></segment>
   <ignorable><source> </source></ignorable>
   <segment id="b"><source>Two <mrk id="m1" type="term">terms</mrk>.</source></segment>
   <segment><source>Three<cp hex="0001"/>.</source><target state="initial"/></segment>
  </unit>
  <group id="g" translate="no">
   <unit id="skipped"><segment><source>no</source></segment></unit>
   <unit id="kept" translate="yes"><segment><source>yes</source></segment></unit>
  </group>
 </file>
</xliff>"##;

    #[test]
    fn xliff20_states_and_sub_states() {
        let doc = r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr"><file id="f">
<unit id="a"><segment state="initial"><source>One</source><target>Un</target></segment></unit>
<unit id="b"><segment state="translated" subState="okp:fuzzy-match"><source>Two</source><target>Deux</target></segment></unit>
<unit id="c"><segment state="translated" subState="mq:Draft"><source>Three</source><target>Trois</target></segment></unit>
<unit id="d"><segment state="final" subState="my:signed-off"><source>Four</source><target>Quatre</target></segment></unit>
</file></xliff>"#;
        let b = read(&file("s.xlf", doc)).unwrap();
        let states: Vec<&PairState> = b.pairs.iter().map(|p| &p.state).collect();
        assert_eq!(
            states,
            [
                &PairState::Untranslated("initial".into()),
                &PairState::NeedsReview("okp:fuzzy-match".into()),
                &PairState::Untranslated("mq:Draft".into()),
                &PairState::Final,
            ]
        );
    }

    #[test]
    fn xliff20_segments() {
        let f = file("b.xlf", V20);
        let b = read(&f).unwrap();
        assert_eq!(b.source_lang.as_deref(), Some("en"));
        assert_eq!(b.target_lang.as_deref(), Some("zh"));
        assert_eq!(ids(&b), ["u1", "u2#1", "u2#b", "u2#3", "kept"]);
        let cases: &[(&str, &str, &str)] = &[
            ("u1", "The Xizang Autonomous Region", "西藏自治区"),
            ("u2#1", "One.", "一。"),
            ("u2#b", "Two terms.", "<none>"),
            ("u2#3", "Three\u{1}.", ""),
            ("kept", "yes", "<none>"),
        ];
        for (id, source, want) in cases {
            let p = pair(&b, id);
            assert_eq!(p.source.text, *source, "{id}");
            assert_eq!(target(p), *want, "{id}");
        }
        let p = pair(&b, "u1");
        assert_eq!(
            original(&f, &p.source, "Xizang Autonomous Region"),
            r#"Xizang</pc> Autonomous <ph id="2"/>Region"#
        );
        assert_eq!(
            original(&f, p.target.as_ref().unwrap(), "西藏自治区"),
            r#"西藏<sc id="3"/>自治区"#
        );
        assert_eq!(
            original(&f, &pair(&b, "u2#3").source, "\u{1}"),
            r#"<cp hex="0001"/>"#
        );
        check_maps(&f, &b);
    }

    #[test]
    fn bad_input_is_positioned() {
        let cases: &[(&str, &str)] = &[
            (
                "<xliff version=\"1.2\">\n<file>\n<body>\n<trans-unit id=\"1\"><source>a</target>",
                "x.xlf:4:29: malformed XML: ill-formed document: expected `</source>`, but `</target>` was found",
            ),
            (
                "<xliff version=\"1.2\">\n<file><body>\n<trans-unit id=\"1\"><source>a &nbsp; b</source>",
                "x.xlf:3:30: unknown entity `&nbsp;`",
            ),
            (
                "<xliff version=\"1.2\">\n<file><body>\n<trans-unit id=\"1\"><source>a</source></trans-unit>\n",
                "x.xlf:4:1: malformed XML: end of file inside <body>, opened at line 2, column 7",
            ),
            (
                "<xliff version=\"1.2\"><file><body>\n  <trans-unit><source>a</source></trans-unit></body></file></xliff>",
                "x.xlf:2:3: <trans-unit> has no id attribute",
            ),
            (
                "<xliff version=\"2.0\" srcLang=\"en\"><file id=\"f\">\n <unit><segment><source>a</source></segment></unit></file></xliff>",
                "x.xlf:2:2: <unit> has no id attribute",
            ),
            (
                "<xliff version=\"1.2\"><file><body>\n  <trans-unit id=\"7\"><target>a</target></trans-unit></body></file></xliff>",
                "x.xlf:2:3: <trans-unit id=\"7\"> has no <source>",
            ),
            ("\n\n<tmx version=\"1.4\"/>", "x.xlf:3:1: XLIFF file has an empty root element"),
            ("\n<tmx version=\"1.4\"></tmx>", "x.xlf:2:1: not an XLIFF file: the root element is <tmx>, not <xliff>"),
            ("<!-- nothing -->\n", "x.xlf:2:1: not an XLIFF file: no root element"),
            (
                "<xliff version=\"2.0\" srcLang=\"en\">\n <file id=\"f\">\n  <unit id=\"u\">\n   <segment>\n    <source>a</source>\n   </segment>\n   <segment>\n    <source>b <pc id=\"1\">c</source>",
                "x.xlf:8:27: malformed XML: ill-formed document: expected `</pc>`, but `</source>` was found",
            ),
        ];
        for (input, want) in cases {
            let err = read(&file("x.xlf", input)).unwrap_err();
            assert!(
                err.to_string().starts_with(want),
                "{input}\n got: {err}\nwant: {want}"
            );
            assert!(matches!(err, crate::error::Error::Input { .. }));
        }
    }

    /// A unit without `<seg-source>` takes the state of its one
    /// `<sdl:seg>`, as some SDLXLIFF exports write it.
    #[test]
    fn an_unsegmented_sdlxliff_unit_takes_its_seg_state() {
        let f = file(
            "a.sdlxliff",
            r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>Hello</source><target>Bonjour</target><sdl:seg-defs><sdl:seg id="1" conf="Draft"/></sdl:seg-defs></trans-unit>
<trans-unit id="2"><source>Bye</source><target>Salut</target><sdl:seg-defs><sdl:seg id="2" conf="ApprovedTranslation"/></sdl:seg-defs></trans-unit>
</body></file></xliff>"#,
        );
        let b = read(&f).unwrap();
        assert_eq!(pair(&b, "1").state, PairState::Untranslated("Draft".into()));
        assert_eq!(pair(&b, "2").state, PairState::Final);
    }
}
