//! .NET `.resx` resource files: only string values are prose, names and
//! translator comments never.
//!
//! Under the `<root>` element, each `<data name="…">` with a `<value>` is
//! one segment whose id is its name. A `<data>` with a `type` or
//! `mimetype` attribute holds no string (a file reference, a serialized
//! object, a WinForms `Point` or `Size`) and is skipped, as are the WinForms
//! designer's `>>control.Name` entries, `<resheader>`, `<metadata>`,
//! `<assembly>` and the embedded `<xsd:schema>`. A `<data>`'s `<comment>` is
//! a note for translators: reported for suppressions (as
//! [`CommentSyntax::Note`]), like XML comments, and never checked. Each
//! `<data>` is the entry its value belongs to.
//!
//! Values are XML character data: entities, character references and
//! CDATA are decoded by the shared XML layer (`crate::input::xml`), so
//! every derived byte maps back into `SourceFile::text`. Malformed XML, a
//! root other than `<root>` and a `<data>` without a name are errors with
//! file:line:column.

use crate::error::Result;
use crate::input::xml::{Node, Tag, Xml};
use crate::input::{Prose, Segment, SourceFile};
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::MappedText;

/// Reads a `.resx` file's string values.
pub fn read(file: &SourceFile) -> Result<Prose> {
    let mut xml = Xml::new(file);
    xml.root("root", "resx", "a .resx")?;
    let mut segments = Vec::new();
    let mut notes = Vec::new();
    loop {
        match xml.next()? {
            Node::Start(tag) if tag.is("data") => data(&mut xml, &tag, &mut segments, &mut notes)?,
            Node::Start(_) => {
                xml.skip_element()?;
            }
            Node::End(_) => break,
            Node::Eof(_) => unreachable!("next() fails on end of file inside an element"),
            _ => {}
        }
    }
    // After the root: nothing but comments and white space.
    while !matches!(xml.next()?, Node::Eof(_)) {}
    let mut comments = xml.take_comments();
    comments.extend(notes);
    comments.sort_by_key(|c| c.span.start);
    Ok(Prose {
        segments,
        language: None,
        comments,
    })
}

/// The `<data>` element whose start tag was just read, through its end.
fn data(
    xml: &mut Xml<'_>,
    tag: &Tag<'_>,
    out: &mut Vec<Segment>,
    notes: &mut Vec<Comment>,
) -> Result<()> {
    let name = xml.attr(tag, "name")?.ok_or_else(|| {
        xml.error(
            tag.span.start,
            "<data> has no name attribute: a resource needs one",
        )
    })?;
    let typed = xml.attr(tag, "type")?.is_some() || xml.attr(tag, "mimetype")?.is_some();
    if typed || name.starts_with(">>") {
        xml.skip_element()?;
        return Ok(());
    }
    let mut value: Option<MappedText> = None;
    let end = loop {
        match xml.next()? {
            Node::Start(child) if child.is("value") && value.is_none() => {
                value = Some(xml.content(&child, false)?.text);
            }
            Node::Start(child) if child.is("comment") => {
                xml.content(&child, false)?;
                let end = xml.position();
                // The end tag is the last `</` before where it ends.
                let body_end = xml.text()[..end].rfind("</").unwrap_or(end);
                notes.push(Comment {
                    syntax: CommentSyntax::Note,
                    span: Span::new(child.span.start, end),
                    body: Span::new(child.span.end, body_end),
                });
            }
            Node::Start(_) => {
                xml.skip_element()?;
            }
            Node::End(span) => break span.end,
            Node::Eof(_) => unreachable!("next() fails on end of file inside an element"),
            _ => {}
        }
    };
    if let Some(text) = value.filter(|t| !t.text.trim().is_empty()) {
        out.push(Segment {
            id: Some(name),
            text,
            entry: Some(Span::new(tag.span.start, end)),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{file, original, pairs, read_checked};

    fn read_str(text: &str) -> (SourceFile, Prose) {
        read_checked("Properties/Resources.resx", text, read)
    }

    const RESX: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<root>
  <!-- macau: Macau -->
  <xsd:schema id="root" xmlns="" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
    <xsd:element name="Macau" />
  </xsd:schema>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <assembly alias="System.Drawing" name="System.Drawing, Version=4.0.0.0" />
  <data name="MacauTitle" xml:space="preserve">
    <value>Macau</value>
    <comment>Title of the Macau page</comment>
  </data>
  <data name="MacauCity" xml:space="preserve"><value>Visit R&amp;D in Mac&#x61;u, {0}</value></data>
  <data name="Icon" type="System.Resources.ResXFileRef, System.Windows.Forms">
    <value>..\Macau.ico;System.Drawing.Icon, System.Drawing</value>
  </data>
  <data name="Blob" mimetype="application/x-microsoft.net.object.binary.base64">
    <value>TWFjYXU=</value>
  </data>
  <data name="&gt;&gt;macauLabel.Name" xml:space="preserve">
    <value>macauLabel</value>
  </data>
  <data name="$this.Text" xml:space="preserve">
    <value><![CDATA[Macau <guide>]]></value>
  </data>
  <data name="Empty" xml:space="preserve"><value /></data>
  <metadata name="macauTimer.TrayLocation" type="System.Drawing.Point, System.Drawing">
    <value>17, 17</value>
  </metadata>
</root>
"#;

    #[test]
    fn string_values_by_name() {
        let (f, prose) = read_str(RESX);
        assert_eq!(
            pairs(&prose),
            [
                "MacauTitle=Macau",
                "MacauCity=Visit R&D in Macau, {0}",
                "$this.Text=Macau <guide>",
            ]
        );
        let comments: Vec<(CommentSyntax, &str)> = prose
            .comments
            .iter()
            .map(|c| (c.syntax, &f.text[c.body.range()]))
            .collect();
        assert_eq!(
            comments,
            [
                (CommentSyntax::Html, " macau: Macau "),
                (CommentSyntax::Note, "Title of the Macau page"),
            ]
        );
        let note = prose.comments[1];
        assert_eq!(
            &f.text[note.span.range()],
            "<comment>Title of the Macau page</comment>"
        );
        let entry = prose.segments[1].entry.unwrap();
        assert!(f.text[entry.range()].starts_with("<data name=\"MacauCity\""));
        assert!(f.text[entry.range()].ends_with("</value></data>"));
    }

    /// Every decoded piece maps to exactly the bytes it came from.
    #[test]
    fn offsets_map_to_the_original_bytes() {
        let (f, prose) = read_str(RESX);
        let city = &prose.segments[1].text;
        assert_eq!(original(&f, city, "R&D"), "R&amp;D");
        assert_eq!(original(&f, city, "Macau"), "Mac&#x61;u");
        assert_eq!(original(&f, city, "{0}"), "{0}");
        let title = &prose.segments[0].text;
        assert_eq!(original(&f, title, "Macau"), "Macau");
        let at = f.text.find("<value>Macau</value>").unwrap() + "<value>".len();
        assert_eq!(title.source_span(Span::new(0, 5)), Span::new(at, at + 5));
        let cdata = &prose.segments[2].text;
        assert_eq!(original(&f, cdata, "<guide>"), "<guide>");
    }

    #[test]
    fn bad_input_names_line_and_column() {
        let cases: &[(&str, &str)] = &[
            (
                "<root>\n  <data name=\"a\"><value>x</valu></data>\n</root>",
                "t.resx:2:26: malformed XML",
            ),
            (
                "<root>\n  <data><value>x</value></data>\n</root>",
                "t.resx:2:3: <data> has no name attribute",
            ),
            (
                "<root>\n  <data name=\"a\"><value>R&D</value></data>\n</root>",
                "t.resx:2:26: malformed XML: `&` does not start",
            ),
            (
                "<resources><string name=\"a\">x</string></resources>",
                "t.resx:1:1: not a .resx file: the root element is <resources>, not <root>",
            ),
        ];
        for (text, want) in cases {
            let got = read(&file("t.resx", text)).unwrap_err().to_string();
            assert!(got.starts_with(want), "{text:?}: {got}");
        }
    }
}
