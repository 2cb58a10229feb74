//! Apple `.stringsdict` files: plural (and other variant) rules as a
//! property list; only the strings shown to users are prose, keys and rule
//! metadata never.
//!
//! The root `<plist>` holds a `<dict>` whose keys are the localized
//! strings' keys. Each maps to a `<dict>` with an
//! `NSStringLocalizedFormatKey` string — one segment whose id is the key,
//! its `%#@variable@` references masked as placeholders (none when it holds
//! nothing else, as it usually does) — and one `<dict>`
//! per variable, whose string values (the plural categories `zero`, `one`,
//! `two`, `few`, `many`, `other`, or a width or device rule's variants) are
//! segments with ids `key.variable.category`. The rule metadata
//! `NSStringFormatSpecTypeKey` and `NSStringFormatValueTypeKey` is
//! skipped, as are values that are not strings. A key mapped directly to a
//! string is one segment named by the key. XML comments are reported for
//! suppressions; each segment's entry runs from its `<key>` to the end of
//! its `<string>`.
//!
//! Strings are XML character data decoded by the shared XML layer
//! (`crate::input::xml`), so every derived byte maps back into
//! `SourceFile::text`. Malformed XML, a root other than `<plist>`, a value
//! without a `<key>` and a `<key>` without a value are errors with
//! file:line:column.

use crate::error::Result;
use crate::input::xml::{Node, Tag, Xml};
use crate::input::{Prose, Segment, SourceFile};
use crate::span::Span;

/// The rule metadata of a variable's dictionary: not prose.
const METADATA: &[&str] = &["NSStringFormatSpecTypeKey", "NSStringFormatValueTypeKey"];

/// The key whose string is the format with the `%#@variable@` references.
const FORMAT_KEY: &str = "NSStringLocalizedFormatKey";

/// Reads a `.stringsdict` file's strings.
pub fn read(file: &SourceFile) -> Result<Prose> {
    let mut xml = Xml::new(file);
    xml.root("plist", "stringsdict", "a .stringsdict")?;
    let mut segments = Vec::new();
    loop {
        match xml.next()? {
            Node::Start(tag) if tag.is("dict") => top(&mut xml, &mut segments)?,
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
    Ok(Prose {
        segments,
        language: None,
        comments: xml.take_comments(),
    })
}

/// A `<key>` read, and where it starts.
struct Key {
    name: String,
    start: usize,
}

/// The top-level dictionary, just opened: one entry per localized key.
fn top(xml: &mut Xml<'_>, out: &mut Vec<Segment>) -> Result<()> {
    dict(xml, &mut |xml, key, value| {
        if value.is("string") {
            return string(xml, &value, key.name, key.start, out);
        }
        if !value.is("dict") {
            xml.skip_element()?;
            return Ok(());
        }
        let entry = key.name;
        dict(xml, &mut |xml, part, value| {
            if part.name == FORMAT_KEY && value.is("string") {
                let before = out.len();
                string(xml, &value, entry.clone(), part.start, out)?;
                // A format of nothing but variables (`%#@count@`, the usual
                // one) holds no prose: a pair of such would read as
                // untranslated.
                if out.len() > before && is_only_placeholders(&out[before].text.text) {
                    out.truncate(before);
                }
                Ok(())
            } else if value.is("dict") {
                let variable = part.name;
                dict(xml, &mut |xml, category, value| {
                    if value.is("string") && !METADATA.contains(&category.name.as_str()) {
                        let id = format!("{entry}.{variable}.{}", category.name);
                        string(xml, &value, id, category.start, out)
                    } else {
                        xml.skip_element()?;
                        Ok(())
                    }
                })
            } else {
                xml.skip_element()?;
                Ok(())
            }
        })
    })
}

/// Whether `text` is blank once its placeholders are masked.
fn is_only_placeholders(text: &str) -> bool {
    let mut masked = text.to_owned();
    crate::text::placeholder::mask(&mut masked);
    masked.trim().is_empty()
}

/// The `<string>` whose start tag `tag` was just read, through its end, as
/// a segment `id` whose entry starts at `entry_start` (its key).
fn string(
    xml: &mut Xml<'_>,
    tag: &Tag<'_>,
    id: String,
    entry_start: usize,
    out: &mut Vec<Segment>,
) -> Result<()> {
    let text = xml.content(tag, false)?.text;
    if !text.text.trim().is_empty() {
        out.push(Segment {
            id: Some(id),
            text,
            entry: Some(Span::new(entry_start, xml.position())),
        });
    }
    Ok(())
}

/// Reads the `<key>`/value pairs of the `<dict>` just opened, through its
/// end. Each value element's start tag goes to `each` with its key, which
/// reads the element through its end; empty values (`<true/>`,
/// `<string/>`) hold nothing and are passed over.
fn dict<'a>(
    xml: &mut Xml<'a>,
    each: &mut dyn FnMut(&mut Xml<'a>, Key, Tag<'a>) -> Result<()>,
) -> Result<()> {
    let mut key: Option<Key> = None;
    loop {
        match xml.next()? {
            Node::Start(tag) if tag.is("key") => {
                if let Some(k) = &key {
                    return Err(xml.error(k.start, "a <key> without a value in a <dict>"));
                }
                let name = xml.content(&tag, false)?.text.text;
                key = Some(Key {
                    name,
                    start: tag.span.start,
                });
            }
            Node::Empty(tag) if tag.is("key") => {
                if let Some(k) = &key {
                    return Err(xml.error(k.start, "a <key> without a value in a <dict>"));
                }
                key = Some(Key {
                    name: String::new(),
                    start: tag.span.start,
                });
            }
            Node::Start(tag) => match key.take() {
                Some(k) => each(xml, k, tag)?,
                None => return Err(without_key(xml, &tag)),
            },
            Node::Empty(tag) if key.take().is_none() => return Err(without_key(xml, &tag)),
            Node::End(_) => {
                if let Some(k) = key {
                    return Err(xml.error(k.start, "a <key> without a value in a <dict>"));
                }
                return Ok(());
            }
            Node::Eof(_) => unreachable!("next() fails on end of file inside an element"),
            _ => {}
        }
    }
}

fn without_key(xml: &Xml<'_>, tag: &Tag<'_>) -> crate::error::Error {
    xml.error(
        tag.span.start,
        format!("a <{}> without a <key> before it in a <dict>", tag.local),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{file, original, pairs, read_checked};
    use crate::suppress::CommentSyntax;

    fn read_str(text: &str) -> (SourceFile, Prose) {
        read_checked("fr.lproj/Localizable.stringsdict", text, read)
    }

    const DICT: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
    <!-- macau: Macau -->
    <key>%d Macau cities</key>
    <dict>
        <key>NSStringLocalizedFormatKey</key>
        <string>%#@cities@ in Mac&#x61;u</string>
        <key>cities</key>
        <dict>
            <key>NSStringFormatSpecTypeKey</key>
            <string>NSStringPluralRuleType</string>
            <key>NSStringFormatValueTypeKey</key>
            <string>d</string>
            <key>zero</key>
            <string/>
            <key>one</key>
            <string>one city in Macau</string>
            <key>other</key>
            <string>%d cities &amp; Macau</string>
            <key>flag</key>
            <true/>
        </dict>
    </dict>
    <key>macau_title</key>
    <string>Macau</string>
    <key>count</key>
    <integer>3</integer>
</dict>
</plist>
"#;

    #[test]
    fn format_keys_and_plural_forms_by_key() {
        let (f, prose) = read_str(DICT);
        assert_eq!(
            pairs(&prose),
            [
                "%d Macau cities=%#@cities@ in Macau",
                "%d Macau cities.cities.one=one city in Macau",
                "%d Macau cities.cities.other=%d cities & Macau",
                "macau_title=Macau",
            ]
        );
        let comments: Vec<(CommentSyntax, &str)> = prose
            .comments
            .iter()
            .map(|c| (c.syntax, &f.text[c.body.range()]))
            .collect();
        assert_eq!(comments, [(CommentSyntax::Html, " macau: Macau ")]);
        let entry = prose.segments[1].entry.unwrap();
        assert_eq!(
            &f.text[entry.range()],
            "<key>one</key>\n            <string>one city in Macau</string>"
        );
    }

    /// Every decoded piece maps to exactly the bytes it came from, and the
    /// variable reference is masked.
    #[test]
    fn offsets_map_to_the_original_bytes() {
        let (f, prose) = read_str(DICT);
        let format = &prose.segments[0].text;
        assert_eq!(original(&f, format, "Macau"), "Mac&#x61;u");
        assert_eq!(original(&f, format, "%#@cities@"), "%#@cities@");
        let other = &prose.segments[2].text;
        assert_eq!(original(&f, other, "& Macau"), "&amp; Macau");
        let masked = crate::input::Format::Stringsdict.read_document(&f).unwrap();
        assert_eq!(masked.segments[0].text.text.trim_start(), "in Macau");
    }

    #[test]
    fn a_format_of_bare_variables_is_no_segment() {
        let (_, prose) = read_str(
            "<plist><dict><key>k</key><dict><key>NSStringLocalizedFormatKey</key><string> %#@n@ %1$#@m@</string><key>n</key><dict><key>other</key><string>%d items</string></dict></dict></dict></plist>",
        );
        assert_eq!(pairs(&prose), ["k.n.other=%d items"]);
    }

    #[test]
    fn bad_input_names_line_and_column() {
        let cases: &[(&str, &str)] = &[
            (
                "<plist>\n<dict>\n  <key>a</key>\n</dict></plist>",
                "t.stringsdict:3:3: a <key> without a value",
            ),
            (
                "<plist>\n<dict>\n  <string>a</string>\n</dict></plist>",
                "t.stringsdict:3:3: a <string> without a <key>",
            ),
            (
                "<plist>\n<dict>\n  <key>a</key><string>x</strin>\n</dict></plist>",
                "t.stringsdict:3:24: malformed XML",
            ),
            (
                "<dict></dict>",
                "t.stringsdict:1:1: not a .stringsdict file: the root element is <dict>, not <plist>",
            ),
        ];
        for (text, want) in cases {
            let got = read(&file("t.stringsdict", text)).unwrap_err().to_string();
            assert!(got.starts_with(want), "{text:?}: {got}");
        }
    }
}
