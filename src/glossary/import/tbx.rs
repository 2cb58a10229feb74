//! The TBX reader: TBX v2 (`martif`, ISO 30042:2008) and TBX v3 (`tbx`,
//! ISO 30042:2019), in DCA style (`<termNote type="administrativeStatus">`)
//! and DCT style (`<min:administrativeStatus>`, any namespace), into a
//! [`Draft`].
//!
//! The two versions share one shape under different names, so one walk
//! reads both: `termEntry`/`conceptEntry` → `langSet`/`langSec` →
//! `tig`, `ntig/termGrp` or `termSec` → `term`. What is read:
//!
//! | where | data category | becomes |
//! | --- | --- | --- |
//! | entry | `id` attribute | the concept id (slugified) |
//! | entry | `subjectField` | `domain` |
//! | entry, language | `definition` | `definition` (the entry's own, else the one in the document's `xml:lang`, else the first) |
//! | entry, language | `note` | the concept `note` (a language's prefixed with its tag) |
//! | term | `administrativeStatus`, `normativeAuthorization`, `usageStatus` | `status` (see [`parse_status`]); an unknown value is kept in the term's note, with a warning |
//! | term | `termType` | `type` (see [`parse_term_type`]); an unknown value likewise |
//! | term | `note` | the term `note`; `termalign status: forbidden` (written by `glossary export`) makes a deprecated term forbidden |
//! | header | `titleStmt/title`, `sourceDesc/p` | `title`, `source` |
//!
//! Everything else (`partOfSpeech`, `context`, transactions, cross
//! references, the back matter) has no place in a termalign glossary and is
//! passed over.
//!
//! **Strict on what is read, tolerant of the rest.** termalign is not a TBX
//! validator: a structure rule whose breach leaves the meaning clear (a
//! `<term>` that is not first in its `<termSec>`, header text outside `<p>`,
//! an `<admin>` without a type or in the wrong place, two `<descrip>` in one
//! group) is passed over. A breach that makes the terms ambiguous is a
//! positioned error, because guessing would silently produce a wrong
//! glossary: two `<term>`s in one `<termSec>`/`<tig>`/`<ntig>` (whose are
//! the status and type that follow?), a language section without
//! `xml:lang`, a term outside any term section. Malformed XML is an error
//! from the shared XML layer, with its position.

use crate::error::{Error, Result};
use crate::input::xml::{Node, Tag, Xml};
use crate::input::SourceFile;

use super::{
    collapse_space, parse_status, parse_term_type, Draft, DraftConcept, DraftLanguage, DraftTerm,
    Warning,
};
use crate::glossary::model::Status;

/// The note `glossary export` writes beside `deprecatedTerm-admn-sts` for a
/// forbidden term, since TBX has no such status.
pub const FORBIDDEN_NOTE: &str = "termalign status: forbidden";

/// Data categories that carry a term's status, in every dialect seen.
const STATUS_CATEGORIES: &[&str] = &[
    "administrativeStatus",
    "normativeAuthorization",
    "usageStatus",
];

/// Reads a TBX file.
pub fn read(file: &SourceFile) -> Result<Draft> {
    let mut xml = Xml::new(file);
    let root = loop {
        match xml.next()? {
            Node::Start(tag) => break tag,
            Node::Empty(tag) => return Err(not_tbx(&xml, &tag)),
            Node::Eof(at) => return Err(xml.error(at, "not a TBX file: there is no root element")),
            _ => {}
        }
    };
    let kind = match root.local {
        "martif" => "TBX v2",
        "tbx" => "TBX v3",
        _ => return Err(not_tbx(&xml, &root)),
    };
    let language = xml.attr(&root, "xml:lang")?;
    let mut reader = Reader {
        xml,
        file,
        draft: Draft {
            path: file.path.clone(),
            kind: kind.to_owned(),
            language,
            ..Draft::default()
        },
    };
    reader.children(|r, c| match c.tag.local {
        "martifHeader" | "tbxHeader" => r.header(&c, ""),
        "text" => r.children(|r, c| {
            if c.tag.is("body") {
                r.children(|r, c| {
                    if c.tag.is("termEntry") || c.tag.is("conceptEntry") {
                        r.entry(&c)
                    } else {
                        r.skip(&c)
                    }
                })
            } else {
                r.skip(&c)
            }
        }),
        _ => r.skip(&c),
    })?;
    // Read to the end, so that malformed XML after the body is still found.
    while !matches!(reader.xml.next()?, Node::Eof(_)) {}
    Ok(reader.draft)
}

fn not_tbx(xml: &Xml<'_>, tag: &Tag<'_>) -> Error {
    xml.error(
        tag.span.start,
        format!(
            "not a TBX file: the root element is <{}>, not <tbx> (TBX v3) or <martif> (TBX v2)",
            tag.local
        ),
    )
}

/// An element just opened.
struct Child<'a> {
    tag: Tag<'a>,
    /// `<x/>`: nothing to read, no end tag to come.
    empty: bool,
}

/// A term section while it is read.
#[derive(Default)]
struct TermGroup {
    term: Option<DraftTerm>,
    /// (data category, value, position), in document order.
    categories: Vec<(String, String, (usize, usize))>,
    notes: Vec<String>,
}

struct Reader<'a> {
    xml: Xml<'a>,
    file: &'a SourceFile,
    draft: Draft,
}

impl<'a> Reader<'a> {
    /// Calls `f` with each child element of the element just opened, through
    /// its end tag; `f` must read or skip the child.
    fn children(&mut self, mut f: impl FnMut(&mut Self, Child<'a>) -> Result<()>) -> Result<()> {
        loop {
            match self.xml.next()? {
                Node::Start(tag) => f(self, Child { tag, empty: false })?,
                Node::Empty(tag) => f(self, Child { tag, empty: true })?,
                Node::End(_) | Node::Eof(_) => return Ok(()),
                Node::Text(_) | Node::CData(_) | Node::Other => {}
            }
        }
    }

    /// The children of `c`, if it has any.
    fn descend(
        &mut self,
        c: &Child<'a>,
        f: impl FnMut(&mut Self, Child<'a>) -> Result<()>,
    ) -> Result<()> {
        if c.empty {
            Ok(())
        } else {
            self.children(f)
        }
    }

    fn skip(&mut self, c: &Child<'a>) -> Result<()> {
        if !c.empty {
            self.xml.skip_element()?;
        }
        Ok(())
    }

    /// The text content of `c`, white space collapsed.
    fn text(&mut self, c: &Child<'a>) -> Result<String> {
        if c.empty {
            return Ok(String::new());
        }
        let content = self.xml.content(&c.tag, false)?;
        Ok(collapse_space(&content.text.text))
    }

    fn at(&self, c: &Child<'a>) -> (usize, usize) {
        self.file.line_col(c.tag.span.start)
    }

    fn warn(&mut self, at: (usize, usize), message: String) {
        self.draft.warnings.push(Warning {
            path: self.file.path.clone(),
            position: Some(at),
            message,
        });
    }

    /// A data category element: `<descrip type="X">`, `<termNote type="X">`,
    /// `<admin type="X">` (DCA), or an element of another namespace whose
    /// name is the category (DCT). `None` for anything else.
    fn category(&self, c: &Child<'a>) -> Result<Option<String>> {
        if !c.tag.core {
            return Ok(Some(c.tag.local.to_owned()));
        }
        if ["descrip", "termNote", "admin"].contains(&c.tag.local) {
            return self.xml.attr(&c.tag, "type");
        }
        Ok(None)
    }

    fn header(&mut self, c: &Child<'a>, parent: &str) -> Result<()> {
        let name = c.tag.local.to_owned();
        if name == "title" && parent == "titleStmt" {
            let title = self.text(c)?;
            if !title.is_empty() && self.draft.title.is_none() {
                self.draft.title = Some(title);
            }
            return Ok(());
        }
        if name == "p" && parent == "sourceDesc" {
            let p = self.text(c)?;
            if !p.is_empty() {
                let source = self.draft.source.get_or_insert_with(String::new);
                if !source.is_empty() {
                    source.push(' ');
                }
                source.push_str(&p);
            }
            return Ok(());
        }
        self.descend(c, |r, child| r.header(&child, &name))
    }

    fn entry(&mut self, c: &Child<'a>) -> Result<()> {
        let mut concept = DraftConcept {
            id: self.xml.attr(&c.tag, "id")?,
            at: self.at(c),
            ..DraftConcept::default()
        };
        self.descend(c, |r, child| r.concept_child(child, &mut concept))?;
        self.draft.concepts.push(concept);
        Ok(())
    }

    fn concept_child(&mut self, c: Child<'a>, concept: &mut DraftConcept) -> Result<()> {
        if c.tag.core {
            match c.tag.local {
                "langSet" | "langSec" => return self.language(&c, concept),
                "descripGrp" | "adminGrp" => {
                    return self.descend(&c, |r, child| r.concept_child(child, concept))
                }
                "note" => {
                    let note = self.text(&c)?;
                    if !note.is_empty() {
                        concept.notes.push(note);
                    }
                    return Ok(());
                }
                "tig" | "ntig" | "termSec" | "term" => {
                    return Err(self.xml.error(
                        c.tag.span.start,
                        format!(
                            "<{}> outside a language section: a term needs the xml:lang of a <langSet>/<langSec>",
                            c.tag.local
                        ),
                    ))
                }
                _ => {}
            }
        }
        match self.category(&c)? {
            Some(name) => {
                let value = self.text(&c)?;
                concept_category(concept, &name, value, None);
                Ok(())
            }
            None => self.skip(&c),
        }
    }

    fn language(&mut self, c: &Child<'a>, concept: &mut DraftConcept) -> Result<()> {
        let Some(tag) = self.xml.attr(&c.tag, "xml:lang")? else {
            return Err(self.xml.error(
                c.tag.span.start,
                format!(
                    "<{}> has no xml:lang attribute: its terms would have no language",
                    c.tag.local
                ),
            ));
        };
        let mut language = DraftLanguage {
            tag,
            at: self.at(c),
            terms: Vec::new(),
        };
        self.descend(c, |r, child| {
            r.language_child(child, concept, &mut language)
        })?;
        concept.languages.push(language);
        Ok(())
    }

    fn language_child(
        &mut self,
        c: Child<'a>,
        concept: &mut DraftConcept,
        language: &mut DraftLanguage,
    ) -> Result<()> {
        if c.tag.core {
            match c.tag.local {
                "tig" | "ntig" | "termSec" => {
                    if let Some(term) = self.term_group(&c)? {
                        language.terms.push(term);
                    }
                    return Ok(());
                }
                "descripGrp" | "adminGrp" => {
                    return self.descend(&c, |r, child| r.language_child(child, concept, language))
                }
                "note" => {
                    let note = self.text(&c)?;
                    if !note.is_empty() {
                        concept.notes.push(format!("({}) {note}", language.tag));
                    }
                    return Ok(());
                }
                "term" => {
                    return Err(self.xml.error(
                        c.tag.span.start,
                        "<term> directly in a language section: a term belongs in a <termSec> (TBX v3) or <tig>/<ntig> (TBX v2)",
                    ))
                }
                _ => {}
            }
        }
        match self.category(&c)? {
            Some(name) => {
                let value = self.text(&c)?;
                concept_category(concept, &name, value, Some(&language.tag));
                Ok(())
            }
            None => self.skip(&c),
        }
    }

    /// A `tig`, `ntig` or `termSec`: its term with status, type and notes.
    fn term_group(&mut self, c: &Child<'a>) -> Result<Option<DraftTerm>> {
        let mut group = TermGroup::default();
        let name = c.tag.local.to_owned();
        self.descend(c, |r, child| r.term_child(child, &name, &mut group))?;
        let Some(mut term) = group.term else {
            self.warn(
                self.at(c),
                format!("<{name}> without a <term>: nothing to import"),
            );
            return Ok(None);
        };
        for (category, value, at) in group.categories {
            if value.is_empty() {
                continue;
            }
            if STATUS_CATEGORIES.contains(&category.as_str()) {
                match parse_status(&value) {
                    Some(status) => {
                        term.status.get_or_insert(status);
                    }
                    None => {
                        self.warn(
                            at,
                            format!(
                                "unknown {category} `{value}` for `{}`: kept in the term's note; the term counts as having no status",
                                term.text
                            ),
                        );
                        term.notes.push(format!("{category}: {value}"));
                    }
                }
            } else if category == "termType" {
                match parse_term_type(&value) {
                    Some(ty) => {
                        term.term_type.get_or_insert(ty);
                    }
                    None => {
                        self.warn(
                            at,
                            format!(
                                "unknown termType `{value}` for `{}`: kept in the term's note; the term is imported as a full form",
                                term.text
                            ),
                        );
                        term.notes.push(format!("termType: {value}"));
                    }
                }
            }
        }
        for note in group.notes {
            if note.eq_ignore_ascii_case(FORBIDDEN_NOTE)
                && matches!(term.status, None | Some(Status::Deprecated))
            {
                term.status = Some(Status::Forbidden);
            } else {
                term.notes.push(note);
            }
        }
        Ok(Some(term))
    }

    fn term_child(&mut self, c: Child<'a>, group_name: &str, group: &mut TermGroup) -> Result<()> {
        if c.tag.core {
            match c.tag.local {
                "term" => {
                    if let Some(first) = &group.term {
                        return Err(self.xml.error(
                            c.tag.span.start,
                            format!(
                                "a second <term> in one <{group_name}> (the first, `{}`, is on line {}): each term needs a <{group_name}> of its own, or its status and type are ambiguous",
                                first.text, first.at.0
                            ),
                        ));
                    }
                    let at = self.at(&c);
                    let text = self.text(&c)?;
                    group.term = Some(DraftTerm {
                        text,
                        at,
                        ..DraftTerm::default()
                    });
                    return Ok(());
                }
                "termGrp" | "termNoteGrp" | "descripGrp" | "adminGrp" => {
                    return self.descend(&c, |r, child| r.term_child(child, group_name, group))
                }
                "note" => {
                    let note = self.text(&c)?;
                    if !note.is_empty() {
                        group.notes.push(note);
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        match self.category(&c)? {
            Some(name) => {
                let at = self.at(&c);
                let value = self.text(&c)?;
                group.categories.push((name, value, at));
                Ok(())
            }
            None => self.skip(&c),
        }
    }
}

/// A data category at the entry or language level.
fn concept_category(concept: &mut DraftConcept, name: &str, value: String, lang: Option<&str>) {
    if value.is_empty() {
        return;
    }
    match name {
        "definition" => concept.definitions.push((lang.map(str::to_owned), value)),
        "subjectField" => {
            concept.domain.get_or_insert(value);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> Result<Draft> {
        let file = SourceFile::from_bytes("t.tbx", text.as_bytes().to_vec()).unwrap();
        read(&file)
    }

    const V3: &str = r#"<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2" xmlns:min="http://www.tbxinfo.net/ns/min">
  <tbxHeader><fileDesc><titleStmt><title>Space</title></titleStmt>
    <sourceDesc><p>Made by hand</p><p>for tests</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="C-1">
      <descrip type="subjectField">Astronomy</descrip>
      <note>Concept
        note</note>
      <langSec xml:lang="en-US">
        <descripGrp><descrip type="definition">A group of
          stars.</descrip></descripGrp>
        <termSec>
          <term>open   cluster</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <termNote type="termType">fullForm</termNote>
        </termSec>
        <termSec>
          <termNote type="partOfSpeech">noun</termNote>
          <term>OC</term>
          <min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus>
          <termNote type="termType">acronym</termNote>
          <note>DCT status, term not first</note>
        </termSec>
        <termSec>
          <term>galactic cluster</term>
          <termNote type="administrativeStatus">maybeTerm-admn-sts</termNote>
          <termNote type="termType">symbol</termNote>
        </termSec>
        <termSec>
          <term>bad cluster</term>
          <termNote type="usageStatus">deprecated</termNote>
          <note>termalign status: forbidden</note>
        </termSec>
      </langSec>
      <langSec xml:lang="es"><termSec><term>cúmulo &amp; abierto</term></termSec><descrip/></langSec>
    </conceptEntry>
  </body></text>
</tbx>"#;

    #[test]
    fn reads_tbx_v3_dca_and_dct() {
        let d = draft(V3).unwrap();
        assert_eq!(d.kind, "TBX v3");
        assert_eq!(d.language.as_deref(), Some("en"));
        assert_eq!(d.title.as_deref(), Some("Space"));
        assert_eq!(d.source.as_deref(), Some("Made by hand for tests"));
        let c = &d.concepts[0];
        assert_eq!(c.id.as_deref(), Some("C-1"));
        assert_eq!(c.at, (6, 5));
        assert_eq!(c.domain.as_deref(), Some("Astronomy"));
        assert_eq!(c.notes, ["Concept note"]);
        assert_eq!(
            c.definitions,
            [(Some("en-US".to_owned()), "A group of stars.".to_owned())]
        );
        let en = &c.languages[0];
        assert_eq!(en.tag, "en-US");
        let got: Vec<_> = en
            .terms
            .iter()
            .map(|t| (t.text.as_str(), t.status, t.term_type, t.notes.clone()))
            .collect();
        use crate::glossary::model::TermType;
        assert_eq!(
            got,
            [
                (
                    "open cluster",
                    Some(Status::Preferred),
                    Some(TermType::FullForm),
                    vec![]
                ),
                (
                    "OC",
                    Some(Status::Admitted),
                    Some(TermType::Abbreviation),
                    vec!["DCT status, term not first".to_owned()]
                ),
                (
                    "galactic cluster",
                    None,
                    None,
                    vec![
                        "administrativeStatus: maybeTerm-admn-sts".to_owned(),
                        "termType: symbol".to_owned()
                    ]
                ),
                ("bad cluster", Some(Status::Forbidden), None, vec![]),
            ]
        );
        assert_eq!(en.terms[0].at, (14, 11));
        assert_eq!(c.languages[1].terms[0].text, "cúmulo & abierto");
        let warnings: Vec<String> = d.warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("t.tbx:27:11: unknown administrativeStatus `maybeTerm-admn-sts` for `galactic cluster`"), "{warnings:?}");
        assert!(
            warnings[1].starts_with("t.tbx:28:11: unknown termType `symbol`"),
            "{warnings:?}"
        );
    }

    #[test]
    fn reads_tbx_v2_tig_and_ntig() {
        let d = draft(
            r#"<martif type="TBX" xml:lang="en"><martifHeader/><text><body>
<termEntry id="e1"><descrip type="definition">Def.</descrip>
  <langSet xml:lang="en"><tig><term>bus</term><termNote type="administrativeStatus">obsolete</termNote></tig></langSet>
  <langSet xml:lang="en"><ntig><termGrp><term>coach</term><termNote type="termType">shortForm</termNote></termGrp></ntig></langSet>
</termEntry><termEntry><langSet xml:lang="fr"><tig><term>car</term></tig></langSet></termEntry>
</body></text></martif>"#,
        )
        .unwrap();
        assert_eq!(d.kind, "TBX v2");
        assert_eq!(d.concepts.len(), 2);
        let c = &d.concepts[0];
        assert_eq!(c.definitions, [(None, "Def.".to_owned())]);
        assert_eq!(c.languages.len(), 2);
        assert_eq!(c.languages[0].terms[0].status, Some(Status::Deprecated));
        assert_eq!(c.languages[1].terms[0].text, "coach");
        assert_eq!(d.concepts[1].id, None);
    }

    #[test]
    fn ambiguous_structure_is_a_positioned_error() {
        let cases = [
            (
                "<tbx xml:lang='en'><text><body><conceptEntry id='c'><langSec xml:lang='en'><termSec>\n<term>a</term>\n  <term>b</term></termSec></langSec></conceptEntry></body></text></tbx>",
                "t.tbx:3:3: a second <term> in one <termSec> (the first, `a`, is on line 2)",
            ),
            (
                "<tbx><text><body><conceptEntry>\n <langSec><termSec><term>a</term></termSec></langSec></conceptEntry></body></text></tbx>",
                "t.tbx:2:2: <langSec> has no xml:lang attribute",
            ),
            (
                "<tbx><text><body><conceptEntry>\n<termSec><term>a</term></termSec></conceptEntry></body></text></tbx>",
                "t.tbx:2:1: <termSec> outside a language section",
            ),
            (
                "<martif><text><body><termEntry><langSet xml:lang='en'>\n<term>a</term></langSet></termEntry></body></text></martif>",
                "t.tbx:2:1: <term> directly in a language section",
            ),
            ("<xliff version='1.2'/>", "t.tbx:1:1: not a TBX file: the root element is <xliff>"),
            ("source,target\n", "t.tbx:2:1: not a TBX file: there is no root element"),
            (
                "<tbx><text><body><conceptEntry><langSec xml:lang='en'><termSec>\n<term>a</termSec></langSec></conceptEntry></body></text></tbx>",
                "t.tbx:2:8: malformed XML: ill-formed document: expected `</term>`, but `</termSec>` was found",
            ),
        ];
        for (input, want) in cases {
            let err = draft(input)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(err.starts_with(want), "{input}\n got: {err}\nwant: {want}");
        }
    }

    #[test]
    fn a_term_section_without_a_term_is_skipped_with_a_warning() {
        let d = draft("<tbx><text><body><conceptEntry><langSec xml:lang='en'>\n<termSec><note>x</note></termSec><termSec><term>b</term></termSec></langSec></conceptEntry></body></text></tbx>").unwrap();
        assert_eq!(d.concepts[0].languages[0].terms.len(), 1);
        assert_eq!(
            d.warnings[0].to_string(),
            "t.tbx:2:1: <termSec> without a <term>: nothing to import"
        );
    }
}
