//! Android string resources (`res/values*/strings.xml`): only values are
//! prose, names never.
//!
//! Under the `<resources>` root, each `<string name="…">` is one segment
//! whose id is its name; each `<item quantity="…">` of a `<plurals
//! name="…">` is one whose id is `name[quantity]`; each `<item>` of a
//! `<string-array name="…">` is one whose id is `name[index]` (0-based,
//! every item counted). Elements marked `translatable="false"` are not
//! prose and are skipped, as are other resources (`<color>`, `<dimen>`,
//! `<integer-array>`, styles) and values that are references (`@string/…`,
//! `?attr/…`). XML comments are reported for suppressions; each element is
//! the entry its segments belong to.
//!
//! A value is decoded as aapt2 decodes it, on top of XML's entities and
//! character references: the escapes `\'`, `\"`, `\\`, `\n`, `\t`, `\@`,
//! `\?` and `\uXXXX` (a backslash before any other character stands for that
//! character); unescaped double quotes delimit a run whose white space is
//! kept, and vanish; outside them a run of white space is one space, and
//! leading and trailing white space goes. Every derived byte maps back into
//! `SourceFile::text`: an escape, an entity or a collapsed run of white
//! space as one atomic run, a quote as nothing. Inline markup (`<b>`,
//! `<i>`, `<a href>`, `<br/>`) stays in the text as it is written, for the
//! registry's placeholder masking to blank; an `<xliff:g>` element (text a
//! translator must not touch: a placeholder and its example) is masked
//! whole, content included. Malformed XML, a root other than `<resources>`,
//! a `<string>` without a name and a malformed `\u` escape are errors with
//! file:line:column.

use crate::error::Result;
use crate::input::escape;
use crate::input::xml::{Node, Tag, Xml};
use crate::input::{Prose, Segment, SourceFile};
use crate::span::Span;
use crate::text::{MappedText, MappedTextBuilder};

/// Reads an Android resources file's string values.
pub fn read(file: &SourceFile) -> Result<Prose> {
    let mut xml = Xml::new(file);
    xml.root("resources", "Android resources", "an Android resources")?;
    let mut segments = Vec::new();
    loop {
        match xml.next()? {
            Node::Start(tag) => resource(&mut xml, &tag, &mut segments)?,
            Node::End(_) => break,
            Node::Eof(_) => unreachable!("next() fails on end of file inside an element"),
            _ => {}
        }
    }
    // After the root: nothing but comments and white space.
    while !matches!(xml.next()?, Node::Eof(_)) {}
    Ok(Prose {
        segments,
        language: None,
        comments: xml.take_comments(),
    })
}

/// A child of `<resources>` whose start tag was just read, through its end.
fn resource(xml: &mut Xml<'_>, tag: &Tag<'_>, out: &mut Vec<Segment>) -> Result<()> {
    let kind = tag.local;
    let prose = tag.core && matches!(kind, "string" | "plurals" | "string-array");
    if !prose || xml.attr(tag, "translatable")?.as_deref() == Some("false") {
        xml.skip_element()?;
        return Ok(());
    }
    let name = xml.attr(tag, "name")?.ok_or_else(|| {
        xml.error(
            tag.span.start,
            format!("<{kind}> has no name attribute: a string resource needs one"),
        )
    })?;
    if kind == "string" {
        let (text, end) = value(xml, tag)?;
        push(out, name, text, Span::new(tag.span.start, end));
        return Ok(());
    }
    let mut index = 0;
    loop {
        match xml.next()? {
            Node::Start(item) if item.is("item") => {
                let id = if kind == "plurals" {
                    let quantity = xml.attr(&item, "quantity")?.ok_or_else(|| {
                        xml.error(
                            item.span.start,
                            "a <plurals> <item> has no quantity attribute",
                        )
                    })?;
                    format!("{name}[{quantity}]")
                } else {
                    format!("{name}[{index}]")
                };
                index += 1;
                let (text, end) = value(xml, &item)?;
                push(out, id, text, Span::new(item.span.start, end));
            }
            Node::Empty(item) if item.is("item") => index += 1,
            Node::Start(_) => {
                xml.skip_element()?;
            }
            Node::End(_) => return Ok(()),
            _ => {}
        }
    }
}

/// Adds a value, unless it is empty or a reference.
fn push(out: &mut Vec<Segment>, id: String, text: Option<MappedText>, entry: Span) {
    if let Some(text) = text.filter(|t| !t.text.trim().is_empty()) {
        out.push(Segment {
            id: Some(id),
            text,
            entry: Some(entry),
        });
    }
}

/// What a value's content is made of, in file order.
enum Unit {
    /// A character of text, with the bytes it stands for (an entity's).
    Char(Span, char),
    /// A tag of inline markup, kept as written.
    Markup(Span),
    /// Text no check may look at (`<xliff:g>…</xliff:g>`).
    Masked(Span),
}

/// The decoded value of the element whose start tag `tag` was just read,
/// through its end tag (`None` for a reference), and the offset after it.
fn value(xml: &mut Xml<'_>, tag: &Tag<'_>) -> Result<(Option<MappedText>, usize)> {
    let mut units = Vec::new();
    let mut chars = Vec::new();
    let mut depth = 0usize;
    let end = loop {
        match xml.next()? {
            Node::Text(span) | Node::CData(span) => {
                chars.clear();
                xml.chars(span, &mut chars)?;
                units.extend(chars.iter().map(|&(s, c)| Unit::Char(s, c)));
            }
            Node::Start(inner) if is_xliff_g(&inner) => {
                let close = xml.skip_element()?;
                units.push(Unit::Masked(Span::new(inner.span.start, close.end)));
            }
            Node::Empty(inner) if is_xliff_g(&inner) => units.push(Unit::Masked(inner.span)),
            Node::Start(inner) => {
                depth += 1;
                units.push(Unit::Markup(inner.span));
            }
            Node::Empty(inner) => units.push(Unit::Markup(inner.span)),
            Node::End(span) if depth == 0 => break span.end,
            Node::End(span) => {
                depth -= 1;
                units.push(Unit::Markup(span));
            }
            Node::Other => {}
            Node::Eof(_) => unreachable!("next() fails on end of file inside an element"),
        }
    };
    let is_reference = matches!(
        units
            .iter()
            .find(|u| !matches!(u, Unit::Char(_, c) if c.is_whitespace())),
        Some(Unit::Char(_, '@' | '?'))
    );
    if is_reference {
        return Ok((None, end));
    }
    Ok((Some(decode(xml, tag.span.end, &units)?), end))
}

/// `<xliff:g>` (any prefix bound to a namespace other than the document's).
fn is_xliff_g(tag: &Tag<'_>) -> bool {
    !tag.core && tag.local == "g"
}

/// Decodes a value's units by aapt2's rules into text mapped into the
/// file, starting at `start` (just after the start tag).
fn decode(xml: &Xml<'_>, start: usize, units: &[Unit]) -> Result<MappedText> {
    let text = xml.text();
    let mut b = MappedTextBuilder::new(start);
    let mut quoted = false;
    // A run of white space outside quotes, not yet written: one space,
    // unless nothing precedes it (leading) or follows it (trailing).
    let mut blank: Option<Span> = None;
    let mut written = false;
    let flush = |b: &mut MappedTextBuilder, blank: &mut Option<Span>, written: &mut bool| {
        if let Some(run) = blank.take() {
            if *written {
                b.skip_to(run.start);
                b.replace(run.len(), " ");
            }
        }
        *written = true;
    };
    let mut i = 0;
    while i < units.len() {
        match units[i] {
            Unit::Char(span, '\\') => {
                let Some(&Unit::Char(next, c)) = units.get(i + 1) else {
                    // A lone backslash at the end stands for nothing.
                    i += 1;
                    continue;
                };
                flush(&mut b, &mut blank, &mut written);
                b.skip_to(span.start);
                let mut buf = [0; 4];
                let (decoded, end): (&str, usize) = match c {
                    'n' => ("\n", next.end),
                    't' => ("\t", next.end),
                    'u' => {
                        let (decoded, len) = escape::unicode_escape(text, span.start, b"u")
                            .map_err(|bad| {
                                xml.error(
                                    span.start,
                                    bad.message(
                                        'u',
                                        "invalid escape: `\\u` must be followed by four hex digits",
                                    ),
                                )
                            })?;
                        (decoded.encode_utf8(&mut buf), span.start + len)
                    }
                    other => (other.encode_utf8(&mut buf), next.end),
                };
                b.replace(end - span.start, decoded);
                while i < units.len() && unit_start(&units[i]) < end {
                    i += 1;
                }
                continue;
            }
            Unit::Char(span, '"') => {
                flush(&mut b, &mut blank, &mut written);
                quoted = !quoted;
                b.skip_to(span.start);
                b.skip(span.len());
            }
            Unit::Char(span, c) if !quoted && is_space(c) => {
                blank = Some(match blank {
                    Some(run) => Span::new(run.start, span.end),
                    None => span,
                });
            }
            Unit::Char(span, c) => {
                flush(&mut b, &mut blank, &mut written);
                b.skip_to(span.start);
                if span.len() == c.len_utf8() {
                    b.copy(&text[span.range()]);
                } else {
                    b.replace(span.len(), c.encode_utf8(&mut [0; 4]));
                }
            }
            Unit::Markup(span) => {
                flush(&mut b, &mut blank, &mut written);
                b.skip_to(span.start);
                b.copy(&text[span.range()]);
            }
            Unit::Masked(span) => {
                flush(&mut b, &mut blank, &mut written);
                b.skip_to(span.start);
                b.replace(span.len(), &" ".repeat(span.len()));
            }
        }
        i += 1;
    }
    Ok(b.finish())
}

fn unit_start(unit: &Unit) -> usize {
    match unit {
        Unit::Char(span, _) | Unit::Markup(span) | Unit::Masked(span) => span.start,
    }
}

/// White space as aapt2 collapses it (C `isspace`).
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// The locale a file's root declares with `tools:locale="…"`, as written.
pub fn declared_locale(head: &str) -> Option<String> {
    let start = head.find("<resources")?;
    let end = start + head[start..].find('>')?;
    let tag = &head[start..end];
    let at = tag.find("tools:locale")?;
    let rest = tag[at + "tools:locale".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    crate::input::source::quoted_value(rest)
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{file, original, pairs, read_checked};
    use crate::suppress::CommentSyntax;

    fn read_str(text: &str) -> (SourceFile, Prose) {
        read_checked("res/values/strings.xml", text, read)
    }

    #[test]
    fn strings_plurals_and_arrays_by_name() {
        let text = r#"<?xml version="1.0" encoding="utf-8"?>
<!-- macau: Macau -->
<resources xmlns:tools="http://schemas.android.com/tools">
    <string name="macau_title">Macau</string>
    <string name="app_name" translatable="false">Macau App</string>
    <string name="ref">@string/macau_title</string>
    <string name="empty"/>
    <color name="macau">#FF0000</color>
    <plurals name="macau_cities">
        <item quantity="one">one city in Macau</item>
        <item quantity="other">%d cities in Macau</item>
    </plurals>
    <string-array name="places">
        <item>Macau</item>
        <item>@string/ref</item>
        <item/>
        <item>Hong Kong</item>
    </string-array>
    <string-array name="codes" translatable="false"><item>MO</item></string-array>
</resources>
"#;
        let (f, prose) = read_str(text);
        assert_eq!(
            pairs(&prose),
            [
                "macau_title=Macau",
                "macau_cities[one]=one city in Macau",
                "macau_cities[other]=%d cities in Macau",
                "places[0]=Macau",
                "places[3]=Hong Kong",
            ]
        );
        let comments: Vec<(CommentSyntax, &str)> = prose
            .comments
            .iter()
            .map(|c| (c.syntax, &f.text[c.body.range()]))
            .collect();
        assert_eq!(comments, [(CommentSyntax::Html, " macau: Macau ")]);
        let entry = prose.segments[0].entry.unwrap();
        assert_eq!(
            &text[entry.range()],
            "<string name=\"macau_title\">Macau</string>"
        );
        let entry = prose.segments[1].entry.unwrap();
        assert_eq!(
            &text[entry.range()],
            "<item quantity=\"one\">one city in Macau</item>"
        );
    }

    #[test]
    fn escapes_quotes_and_white_space_decode_as_aapt2_does() {
        let cases: &[(&str, &str)] = &[
            (r#"Macau\'s \"best\""#, "Macau's \"best\""),
            (r"a\nb\tc \\ \@home \?x", "a\nb\tc \\ @home ?x"),
            (r"\u00c9t\u00E9 \ud83d\ude00 \q", "Été 😀 q"),
            ("  Visit\n      Macau  ", "Visit Macau"),
            (
                r#""  keep   this  " and   that"#,
                "  keep   this   and that",
            ),
            (r#""It's" fine"#, "It's fine"),
            ("R&amp;D &#x6FB3;&lt;", "R&D 澳<"),
            ("<![CDATA[<b>Macau</b> \\'s]]>", "<b>Macau</b> 's"),
        ];
        for (raw, want) in cases {
            let text = format!("<resources><string name=\"k\">{raw}</string></resources>");
            let (_, prose) = read_str(&text);
            assert_eq!(prose.segments[0].text.text, *want, "{raw}");
        }
    }

    /// Every decoded piece maps to exactly the bytes it came from.
    #[test]
    fn offsets_map_to_the_original_bytes() {
        let text = "<resources>\n  <string name=\"k\">\n    \"  Visit\"\n    Mac\\u0061u\\'s <b>Macau</b>\n    R&amp;D in &#x6FB3;门 \\n<xliff:g id=\"n\" example=\"Macau\">%1$s</xliff:g> Macau\n  </string>\n</resources>\n";
        let (f, prose) = read_str(text);
        let value = &prose.segments[0].text;
        assert_eq!(
            value.text,
            format!(
                "  Visit Macau's <b>Macau</b> R&D in 澳门 \n{} Macau",
                " ".repeat("<xliff:g id=\"n\" example=\"Macau\">%1$s</xliff:g>".len())
            )
        );
        assert_eq!(original(&f, value, "Visit"), "Visit");
        assert_eq!(original(&f, value, "Macau's"), "Mac\\u0061u\\'s");
        assert_eq!(original(&f, value, "'"), "\\'");
        assert_eq!(original(&f, value, "Macau</b>"), "Macau</b>");
        assert_eq!(original(&f, value, "R&D"), "R&amp;D");
        assert_eq!(original(&f, value, "澳门"), "&#x6FB3;门");
        assert_eq!(original(&f, value, "\n"), "\\n");
        // The run of white space between the quote and `Mac` is one space.
        assert_eq!(original(&f, value, " Macau'"), "\n    Mac\\u0061u\\'");
        let last = value.text.rfind("Macau").unwrap();
        let span = value.source_span(Span::new(last, last + 5));
        assert_eq!(&f.text[span.range()], "Macau");
        assert_eq!(text[span.end..].trim_start(), "</string>\n</resources>\n");
    }

    #[test]
    fn xliff_g_is_masked_after_placeholder_masking_too() {
        let text = "<resources xmlns:xliff=\"urn:oasis:names:tc:xliff:document:1.2\"><string name=\"k\">Hello <xliff:g id=\"city\" example=\"Macau\">%1$s</xliff:g> and <b>Macau</b></string></resources>";
        let f = file("res/values/strings.xml", text);
        let prose = crate::input::Format::Android.read_document(&f).unwrap();
        let value = &prose.segments[0].text.text;
        assert_eq!(
            value.split_whitespace().collect::<Vec<_>>(),
            ["Hello", "and", "Macau"]
        );
        assert_eq!(
            value.len(),
            text.find("</string>").unwrap() - text.find("Hello").unwrap()
        );
    }

    #[test]
    fn the_root_may_declare_a_locale() {
        assert_eq!(
            declared_locale(
                "<?xml version=\"1.0\"?>\n<resources xmlns:tools=\"t\" tools:locale=\"fr\">"
            )
            .as_deref(),
            Some("fr")
        );
        assert_eq!(declared_locale("<resources>"), None);
    }

    #[test]
    fn bad_input_names_line_and_column() {
        let cases: &[(&str, &str)] = &[
            (
                "<resources>\n  <string name=\"a\">x</strin>\n</resources>",
                "t.xml:2:21: malformed XML",
            ),
            (
                "<resources>\n  <string>x</string>\n</resources>",
                "t.xml:2:3: <string> has no name attribute",
            ),
            (
                "<resources>\n  <string name=\"a\">\\u12G4</string>\n</resources>",
                "t.xml:2:20: invalid escape",
            ),
            (
                "<resources>\n <plurals name=\"p\"><item>x</item></plurals></resources>",
                "t.xml:2:20: a <plurals> <item> has no quantity",
            ),
            (
                "<project><name>x</name></project>",
                "t.xml:1:1: not an Android resources file: the root element is <project>, not <resources>",
            ),
            (
                "<resources>\n  <string name=\"a\">x</string>\n",
                "t.xml:3:1: malformed XML: end of file inside <resources>",
            ),
        ];
        for (text, want) in cases {
            let got = read(&file("t.xml", text)).unwrap_err().to_string();
            assert!(got.starts_with(want), "{text:?}: {got}");
        }
    }
}
