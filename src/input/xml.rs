//! The streaming XML layer shared by the XLIFF and TMX readers.
//!
//! It wraps quick-xml's namespace-aware pull parser over the decoded text of a
//! [`SourceFile`] (never the raw bytes, so an `encoding="UTF-16"` declaration
//! cannot mislead it) and adds what quick-xml leaves to its callers: the byte
//! span of every event, a check that every element is closed before the end
//! of the file, validation of attributes and entity references, and errors
//! with file:line:col. Its [`Xml::content`] turns the content of a `source`,
//! `target` or `seg` element into a [`MappedText`]: inline codes are masked
//! (their tags produce no text, and the native code inside `bpt`, `ept`, `ph`,
//! `it`, `ut` and `sub` is skipped), entities and character references are
//! decoded as atomic runs, and every derived byte maps back into
//! `SourceFile::text`. Nothing builds a tree of the whole document.
//!
//! Only the five predefined entities and character references are known: a
//! DTD's entities are never expanded, and any other reference is an error.

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use crate::error::{Error, Result};
use crate::input::SourceFile;
use crate::span::Span;
use crate::suppress::{Comment, CommentSyntax};
use crate::text::{MappedText, MappedTextBuilder};

/// An element's start tag (or empty-element tag).
pub(crate) struct Tag<'a> {
    pub start: BytesStart<'a>,
    /// The whole tag, `<` to `>`.
    pub span: Span,
    /// The local name, without prefix: a slice of the file's text, so that
    /// reading a tag allocates nothing.
    pub local: &'a str,
    /// Whether the element is in the document's own namespace (that of the
    /// root element), as opposed to a foreign or extension namespace.
    pub core: bool,
}

impl Tag<'_> {
    /// True for the core element with local name `name`.
    pub fn is(&self, name: &str) -> bool {
        self.core && self.local == name
    }
}

/// One parsing event with the byte span it covers.
pub(crate) enum Node<'a> {
    Start(Tag<'a>),
    Empty(Tag<'a>),
    End(Span),
    Text(Span),
    CData(Span),
    /// Comment, processing instruction, XML declaration or DOCTYPE.
    Other,
    Eof(usize),
}

/// What [`Xml::content`] collected from one content element.
pub(crate) struct Content {
    pub text: MappedText,
    /// With `segments` asked for: each `<mrk mtype="seg" mid="…">` inside,
    /// as (mid, text), in document order.
    pub segments: Vec<(String, MappedText)>,
    /// The element's `state` attribute (XLIFF 1.2 `<target state>`).
    pub state: Option<String>,
    /// Its `state-qualifier` (XLIFF 1.2 `fuzzy-match`, `mt-suggestion`, …).
    pub state_qualifier: Option<String>,
}

/// Elements whose content is native code or a sub-flow, not text of the
/// segment: XLIFF 1.2 `bpt ept ph it sub`, TMX `bpt ept ph it ut sub`.
const CODE_CONTENT: &[&str] = &["bpt", "ept", "ph", "it", "ut", "sub"];

struct Open<'a> {
    name: &'a str,
    start: usize,
    /// Just past the start tag.
    content_start: usize,
}

/// A pull parser over one file's text that tracks positions and open
/// elements.
pub(crate) struct Xml<'a> {
    file: &'a SourceFile,
    text: &'a str,
    reader: NsReader<&'a [u8]>,
    open: Vec<Open<'a>>,
    /// Namespace of the root element (`None`: no namespace); `Some(None)`
    /// before the root is seen is represented by `root_seen == false`.
    core_ns: Option<Vec<u8>>,
    root_seen: bool,
    /// Whether XLIFF 2 `<cp hex="…"/>` elements are decoded.
    pub decode_cp: bool,
    /// The comments and `<note>` elements read so far, in file order.
    comments: Vec<Comment>,
}

impl<'a> Xml<'a> {
    pub fn new(file: &'a SourceFile) -> Self {
        let mut reader = NsReader::from_str(&file.text);
        let config = reader.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = false;
        config.check_end_names = true;
        Xml {
            file,
            text: &file.text,
            reader,
            open: Vec::new(),
            core_ns: None,
            root_seen: false,
            decode_cp: false,
            comments: Vec::new(),
        }
    }

    /// An input error at `offset` of the file's text.
    pub fn error(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::input(self.file.origin(offset.min(self.text.len())), message)
    }

    /// The root element, which must be `<{local}>`; `name` names the format
    /// in messages ("XLIFF"), `a_name` with its article ("an XLIFF").
    pub fn root(&mut self, local: &str, name: &str, a_name: &str) -> Result<Tag<'a>> {
        // The decoder took one byte-order mark off; the XML reader would
        // skip another without counting it, and every offset after it
        // would point three bytes off.
        if self.text.starts_with('\u{feff}') {
            return Err(self.error(
                0,
                "a second byte-order mark (U+FEFF) stands before the XML declaration or root element; remove it",
            ));
        }
        let root = loop {
            match self.next()? {
                Node::Start(tag) => break tag,
                Node::Empty(tag) => {
                    return Err(self.error(
                        tag.span.start,
                        format!("{name} file has an empty root element"),
                    ))
                }
                Node::Eof(at) => {
                    return Err(self.error(at, format!("not {a_name} file: no root element")))
                }
                _ => {}
            }
        };
        if root.local != local {
            return Err(self.error(
                root.span.start,
                format!(
                    "not {a_name} file: the root element is <{}>, not <{local}>",
                    root.local
                ),
            ));
        }
        Ok(root)
    }

    /// The file's text, which every span indexes.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The namespace of the root element, once it has been read.
    pub fn core_namespace(&self) -> Option<&[u8]> {
        self.core_ns.as_deref()
    }

    /// The next event, with its span. Errors on malformed XML and on the end
    /// of the file while elements are still open.
    pub fn next(&mut self) -> Result<Node<'a>> {
        let before = self.position();
        let event = match self.reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let at = self.reader.error_position() as usize;
                return Err(self.error(at, format!("malformed XML: {e}")));
            }
        };
        let span = Span::new(before, self.position());
        Ok(match event {
            Event::Start(start) => {
                let tag = self.tag(start, span)?;
                self.open.push(Open {
                    name: self.qname(span, &tag.start),
                    start: span.start,
                    content_start: span.end,
                });
                Node::Start(tag)
            }
            Event::Empty(start) => Node::Empty(self.tag(start, span)?),
            Event::End(_) => {
                // quick-xml has already checked that the name matches.
                if let Some(open) = self.open.pop() {
                    if open.name.rsplit(':').next() == Some("note") {
                        self.note(open, span);
                    }
                }
                Node::End(span)
            }
            Event::Text(_) => {
                self.decode(span, |_| {})?;
                Node::Text(span)
            }
            Event::CData(_) => Node::CData(span),
            Event::Comment(_) => {
                self.comments.push(Comment {
                    syntax: CommentSyntax::Html,
                    span,
                    body: Span::new(span.start + "<!--".len(), span.end - "-->".len()),
                });
                Node::Other
            }
            Event::PI(_) | Event::Decl(_) | Event::DocType(_) => Node::Other,
            Event::Eof => {
                if let Some(open) = self.open.last() {
                    let (line, col) = self.file.line_col(open.start);
                    return Err(self.error(
                        span.start,
                        format!(
                            "malformed XML: end of file inside <{}>, opened at line {line}, column {col}",
                            open.name
                        ),
                    ));
                }
                Node::Eof(span.start)
            }
        })
    }

    /// A `<note>` element (XLIFF, TMX) has closed with end tag `end`: its
    /// content is where a suppression directive may stand. A comment inside
    /// it is part of it.
    fn note(&mut self, open: Open<'_>, end: Span) {
        let keep = self.comments.partition_point(|c| c.span.start < open.start);
        self.comments.truncate(keep);
        self.comments.push(Comment {
            syntax: CommentSyntax::Note,
            span: Span::new(open.start, end.end),
            body: Span::new(open.content_start, end.start),
        });
    }

    /// The comments and notes read so far, in file order; the reader hands
    /// them on when the file is read.
    pub fn take_comments(&mut self) -> Vec<Comment> {
        std::mem::take(&mut self.comments)
    }

    /// Offset in the file's text just past the last event read.
    pub fn position(&self) -> usize {
        self.reader.buffer_position() as usize
    }

    /// The qualified name of the tag that `span` covers, as written: it
    /// follows the `<` directly.
    fn qname(&self, span: Span, start: &BytesStart<'_>) -> &'a str {
        let text: &'a str = self.text;
        // The span starts at the `<`, unless the reader skipped something
        // before it that is no event (a second byte-order mark).
        let at = span.start + text[span.start..].find('<').map_or(0, |k| k + 1);
        let end = (at + start.name().as_ref().len()).min(text.len());
        text.get(at..end).unwrap_or_default()
    }

    /// Validates a start tag's name and attributes and resolves its namespace.
    fn tag(&mut self, start: BytesStart<'a>, span: Span) -> Result<Tag<'a>> {
        let name = start.name();
        let valid_first = name
            .as_ref()
            .first()
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80);
        if !valid_first {
            return Err(self.error(
                span.start,
                "malformed XML: `<` must start an element name (write a literal `<` as `&lt;`)",
            ));
        }
        for attr in start.attributes() {
            if let Err(e) = attr {
                let (offset, message) = attr_error(&e);
                return Err(
                    self.error(span.start + 1 + offset, format!("malformed XML: {message}"))
                );
            }
        }
        let qname = self.qname(span, &start);
        // quick-xml's local name: what follows the first colon.
        let local = qname.split_once(':').map_or(qname, |(_, local)| local);
        let (ns, _) = self.reader.resolve_element(start.name());
        let ns = match ns {
            ResolveResult::Bound(ns) => Some(Some(ns.into_inner())),
            ResolveResult::Unbound => Some(None),
            ResolveResult::Unknown(_) => None,
        };
        let core = if self.root_seen {
            ns.is_some_and(|ns| ns == self.core_ns.as_deref())
        } else {
            self.root_seen = true;
            self.core_ns = ns.flatten().map(<[u8]>::to_vec);
            true
        };
        Ok(Tag {
            start,
            span,
            local,
            core,
        })
    }

    /// The unescaped value of attribute `qname` (e.g. `id`, `xml:lang`).
    pub fn attr(&self, tag: &Tag<'_>, qname: &str) -> Result<Option<String>> {
        for attr in tag.start.attributes().flatten() {
            if attr.key.as_ref() == qname.as_bytes() {
                let value = attr.unescape_value().map_err(|e| {
                    self.error(
                        tag.span.start,
                        format!("malformed XML: in attribute `{qname}`: {e}"),
                    )
                })?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    /// Reads events until the element whose start tag was just read is closed.
    /// Returns the span of its end tag.
    pub fn skip_element(&mut self) -> Result<Span> {
        let depth = self.open.len();
        loop {
            if let Node::End(span) = self.next()? {
                if self.open.len() < depth {
                    return Ok(span);
                }
            }
        }
    }

    /// Reads the content of the element whose start tag `tag` was just read,
    /// through its end tag, into a [`MappedText`]. With `segments`, also
    /// collects each `<mrk mtype="seg">` inside as a text of its own.
    pub fn content(&mut self, tag: &Tag<'_>, segments: bool) -> Result<Content> {
        let depth = self.open.len();
        let mut whole = MappedTextBuilder::new(tag.span.end);
        // (mid, builder, depth of the mrk)
        let mut seg: Option<(String, MappedTextBuilder, usize)> = None;
        let mut segs = Vec::new();
        loop {
            match self.next()? {
                Node::Text(span) => {
                    self.push_text(&mut whole, span)?;
                    if let Some((_, b, _)) = seg.as_mut() {
                        self.push_text(b, span)?;
                    }
                }
                Node::CData(span) => {
                    self.push_cdata(&mut whole, span);
                    if let Some((_, b, _)) = seg.as_mut() {
                        self.push_cdata(b, span);
                    }
                }
                Node::Start(inner) => {
                    if inner.core && CODE_CONTENT.contains(&inner.local) {
                        self.skip_element()?;
                    } else if segments && seg.is_none() && self.is_seg_mrk(&inner)? {
                        let mid = self.mid(&inner)?;
                        seg = Some((mid, MappedTextBuilder::new(inner.span.end), self.open.len()));
                    }
                }
                Node::Empty(inner) => {
                    if self.decode_cp && inner.is("cp") {
                        let c = self.code_point(&inner)?;
                        let mut buf = [0; 4];
                        let s = c.encode_utf8(&mut buf);
                        for b in std::iter::once(&mut whole).chain(seg.as_mut().map(|s| &mut s.1)) {
                            b.skip_to(inner.span.start);
                            b.replace(inner.span.len(), s);
                        }
                    } else if segments && seg.is_none() && self.is_seg_mrk(&inner)? {
                        let mid = self.mid(&inner)?;
                        segs.push((mid, MappedTextBuilder::new(inner.span.start).finish()));
                    }
                }
                Node::End(span) => {
                    if self.open.len() < depth {
                        whole.skip_to(span.start);
                        break;
                    }
                    if seg.as_ref().is_some_and(|s| self.open.len() < s.2) {
                        let (mid, mut b, _) = seg.take().expect("checked above");
                        b.skip_to(span.start);
                        segs.push((mid, b.finish()));
                    }
                }
                Node::Other => {}
                Node::Eof(_) => unreachable!("next() fails on end of file inside an element"),
            }
        }
        Ok(Content {
            text: whole.finish(),
            segments: segs,
            state: None,
            state_qualifier: None,
        })
    }

    /// Reads the children of the element just opened, through its end: the
    /// first `<NAME>` of each of `parts` (an empty one as empty content), with
    /// `mrk` segmentation kept where its flag says; other children are skipped.
    pub fn read_parts<const N: usize>(
        &mut self,
        parts: [(&str, bool); N],
    ) -> Result<[Option<Content>; N]> {
        self.read_parts_and(parts, &mut |_, _| Ok(false))
    }

    /// [`Xml::read_parts`], offering every other child's start tag to
    /// `other` first: it may read the element through its end (returning
    /// `true`), else the element is skipped. Tool extensions (SDLXLIFF's
    /// `<sdl:seg-defs>`) are read this way.
    pub fn read_parts_and<const N: usize>(
        &mut self,
        parts: [(&str, bool); N],
        other: &mut dyn FnMut(&mut Xml<'a>, &Tag<'a>) -> Result<bool>,
    ) -> Result<[Option<Content>; N]> {
        let mut found: [Option<Content>; N] = std::array::from_fn(|_| None);
        loop {
            match self.next()? {
                Node::Start(tag) => match parts.iter().position(|(name, _)| tag.is(name)) {
                    Some(i) if found[i].is_none() => {
                        let state = self.attr(&tag, "state")?;
                        let state_qualifier = self.attr(&tag, "state-qualifier")?;
                        let mut content = self.content(&tag, parts[i].1)?;
                        content.state = state;
                        content.state_qualifier = state_qualifier;
                        found[i] = Some(content);
                    }
                    Some(_) => {
                        self.skip_element()?;
                    }
                    None => {
                        if !other(self, &tag)? {
                            self.skip_element()?;
                        }
                    }
                },
                Node::Empty(tag) => {
                    if let Some(i) = parts.iter().position(|(name, _)| tag.is(name)) {
                        if found[i].is_none() {
                            let mut content = Xml::empty_content(&tag);
                            content.state = self.attr(&tag, "state")?;
                            content.state_qualifier = self.attr(&tag, "state-qualifier")?;
                            found[i] = Some(content);
                        }
                    }
                }
                Node::End(_) => return Ok(found),
                _ => {}
            }
        }
    }

    /// The (empty) content of an empty-element tag such as `<target/>`.
    pub fn empty_content(tag: &Tag<'_>) -> Content {
        Content {
            text: MappedTextBuilder::new(tag.span.end).finish(),
            segments: Vec::new(),
            state: None,
            state_qualifier: None,
        }
    }

    fn is_seg_mrk(&self, tag: &Tag<'_>) -> Result<bool> {
        Ok(tag.is("mrk") && self.attr(tag, "mtype")?.as_deref() == Some("seg"))
    }

    fn mid(&self, tag: &Tag<'_>) -> Result<String> {
        self.attr(tag, "mid")?
            .ok_or_else(|| self.error(tag.span.start, "<mrk mtype=\"seg\"> has no mid attribute"))
    }

    fn code_point(&self, tag: &Tag<'_>) -> Result<char> {
        let hex = self.attr(tag, "hex")?.unwrap_or_default();
        u32::from_str_radix(&hex, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| {
                self.error(
                    tag.span.start,
                    format!("<cp> has an invalid hex attribute `{hex}`"),
                )
            })
    }

    /// Appends the text of a `Text` event at `span`, decoding references.
    fn push_text(&self, b: &mut MappedTextBuilder, span: Span) -> Result<()> {
        b.skip_to(span.start);
        self.decode(span, |piece| match piece {
            Piece::Copy(s) => b.copy(s),
            Piece::Reference { len, decoded } => {
                let mut buf = [0; 4];
                b.replace(len, decoded.encode_utf8(&mut buf));
            }
        })
    }

    /// The characters of character data at `span` (a `Text` or `CData`
    /// event), each with the bytes of the file it stands for: itself, or
    /// its whole entity or character reference. Readers that decode a
    /// format's own escapes on top of XML's (Android resources) work on
    /// these.
    pub fn chars(&self, span: Span, out: &mut Vec<(Span, char)>) -> Result<()> {
        fn push_run(run: &str, at: usize, out: &mut Vec<(Span, char)>) {
            for (k, c) in run.char_indices() {
                out.push((Span::new(at + k, at + k + c.len_utf8()), c));
            }
        }
        if self.text[span.range()].starts_with("<![CDATA[") {
            let inner: Span = Span::new(span.start + "<![CDATA[".len(), span.end - "]]>".len());
            push_run(&self.text[inner.range()], inner.start, out);
            return Ok(());
        }
        let mut at = span.start;
        self.decode(span, |piece| match piece {
            Piece::Copy(s) => {
                push_run(s, at, out);
                at += s.len();
            }
            Piece::Reference { len, decoded } => {
                out.push((Span::new(at, at + len), decoded));
                at += len;
            }
        })
    }

    /// Appends the inside of `<![CDATA[…]]>` verbatim.
    fn push_cdata(&self, b: &mut MappedTextBuilder, span: Span) {
        let inner: Span = Span::new(span.start + "<![CDATA[".len(), span.end - "]]>".len());
        b.skip_to(inner.start);
        b.copy(&self.text[inner.range()]);
    }

    /// Splits the raw text at `span` into verbatim runs and decoded
    /// references, in order; an unknown or malformed reference is an error.
    fn decode(&self, span: Span, mut emit: impl FnMut(Piece<'_>)) -> Result<()> {
        let raw = &self.text[span.range()];
        let mut done = 0;
        while let Some(amp) = raw[done..].find('&').map(|i| done + i) {
            if amp > done {
                emit(Piece::Copy(&raw[done..amp]));
            }
            let at = span.start + amp;
            let rest = &raw[amp + 1..];
            let semi = rest
                .bytes()
                .take(40)
                .take_while(|b| !b.is_ascii_whitespace() && *b != b'&')
                .position(|b| b == b';')
                .ok_or_else(|| {
                    self.error(
                        at,
                        "malformed XML: `&` does not start an entity reference (write a literal `&` as `&amp;`)",
                    )
                })?;
            let name = &rest[..semi];
            let decoded = reference(name).ok_or_else(|| {
                self.error(
                    at,
                    format!(
                        "unknown entity `&{name};`: only &amp; &lt; &gt; &apos; &quot; and character references are recognized (DTD entities are not expanded)"
                    ),
                )
            })?;
            emit(Piece::Reference {
                len: semi + 2,
                decoded,
            });
            done = amp + semi + 2;
        }
        if done < raw.len() {
            emit(Piece::Copy(&raw[done..]));
        }
        Ok(())
    }
}

enum Piece<'s> {
    Copy(&'s str),
    Reference { len: usize, decoded: char },
}

/// Decodes the name of a predefined entity or a character reference (the
/// text between `&` and `;`).
fn reference(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "apos" => '\'',
        "quot" => '"',
        _ => {
            let digits = name.strip_prefix('#')?;
            let code = if let Some(hex) = digits.strip_prefix('x') {
                if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                u32::from_str_radix(hex, 16).ok()?
            } else {
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.parse().ok()?
            };
            let c = char::from_u32(code)?;
            // XML 1.0 Char: no NUL and no other C0 control but tab, LF, CR.
            if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') {
                return None;
            }
            c
        }
    };
    Some(c)
}

/// Offset of an attribute error inside the tag (counted from after the `<`)
/// and what is wrong.
fn attr_error(e: &quick_xml::events::attributes::AttrError) -> (usize, &'static str) {
    use quick_xml::events::attributes::AttrError;
    match *e {
        AttrError::ExpectedEq(p) => (p, "expected `=` after an attribute name"),
        AttrError::ExpectedValue(p) => (p, "expected an attribute value"),
        AttrError::UnquotedValue(p) => (p, "attribute value must be enclosed in quotes"),
        AttrError::ExpectedQuote(p, _) => (p, "attribute value is not closed"),
        AttrError::Duplicated(p, _) => (p, "duplicated attribute"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::from_bytes("t.xml", text.as_bytes().to_vec()).unwrap()
    }

    /// Reads `text` up to the first `<c>` element and returns its content.
    fn content_of(text: &str) -> Result<(SourceFile, Content)> {
        let f = file(text);
        let content = {
            let mut xml = Xml::new(&f);
            loop {
                match xml.next()? {
                    Node::Start(tag) if tag.local == "c" => break xml.content(&tag, true)?,
                    Node::Eof(_) => panic!("no <c>"),
                    _ => {}
                }
            }
        };
        Ok((f, content))
    }

    #[test]
    fn references_decode_to_atomic_runs() {
        let cases: &[(&str, &str)] = &[
            ("<c>a&amp;b</c>", "a&b"),
            ("<c>&lt;x&gt; &apos;&quot;</c>", "<x> '\""),
            ("<c>&#x4E2D;&#25991;</c>", "中文"),
            ("<c>x<![CDATA[<&>]]>y</c>", "x<&>y"),
            ("<c>A<g id='1'>B</g><x id='2'/>C</c>", "ABC"),
            (
                "<c>A<ph id='1'>{\\b}</ph>B<bpt i='1'>&lt;b&gt;<sub>s</sub></bpt>C</c>",
                "ABC",
            ),
            ("<c>A<!-- note -->B<?pi x?>C</c>", "ABC"),
        ];
        for (input, want) in cases {
            let (_, c) = content_of(input).unwrap();
            assert_eq!(c.text.text, *want, "{input}");
        }
        let (f, c) = content_of("<c>R&amp;D &#x4E2D;</c>").unwrap();
        assert_eq!(c.text.text, "R&D 中");
        let amp = c.text.source_span(Span::new(1, 2));
        assert_eq!(&f.text[amp.range()], "&amp;");
        let all = c.text.source_span(Span::new(0, c.text.text.len()));
        assert_eq!(&f.text[all.range()], "R&amp;D &#x4E2D;");
    }

    #[test]
    fn seg_mrks_are_collected_with_their_own_maps() {
        let (f, c) = content_of(
            "<c><mrk mtype='seg' mid='1'>One &amp; <g>two</g>.</mrk> <mrk mtype='seg' mid='b'>Three.</mrk></c>",
        )
        .unwrap();
        assert_eq!(c.text.text, "One & two. Three.");
        let segs: Vec<_> = c
            .segments
            .iter()
            .map(|(m, t)| (m.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(segs, [("1", "One & two."), ("b", "Three.")]);
        let one = &c.segments[0].1;
        assert_eq!(
            &f.text[one.source_span(Span::new(4, 9)).range()],
            "&amp; <g>two"
        );
    }

    #[test]
    fn malformed_xml_is_positioned() {
        let cases: &[(&str, &str)] = &[
            ("<a>\n  <c>x</d></a>", "t.xml:2:7: malformed XML: ill-formed document: expected `</c>`, but `</d>` was found"),
            ("<a>\n<c>x &nbsp; y</c></a>", "t.xml:2:6: unknown entity `&nbsp;`"),
            ("<a>\n<c>x & y</c></a>", "t.xml:2:6: malformed XML: `&` does not start"),
            ("<a>\n<c>x < y</c></a>", "t.xml:2:6: malformed XML: `<` must start an element name"),
            ("<a>\n<c>x</c>\n", "t.xml:3:1: malformed XML: end of file inside <a>, opened at line 1, column 1"),
            ("<a>\n<c x=1>x</c></a>", "t.xml:2:6: malformed XML: attribute value must be enclosed in quotes"),
            ("<a>\n<c><!-- x</c></a>", "t.xml:2:4: malformed XML: syntax error: comment not closed"),
        ];
        for (input, want) in cases {
            let err = match content_of(input) {
                Err(e) => e.to_string(),
                Ok(_) => {
                    // The error may come after <c>: read on to the end.
                    let f = file(input);
                    let mut xml = Xml::new(&f);
                    loop {
                        match xml.next() {
                            Err(e) => break e.to_string(),
                            Ok(Node::Eof(_)) => panic!("no error for {input}"),
                            Ok(_) => {}
                        }
                    }
                }
            };
            assert!(err.starts_with(want), "{input}: got {err}, want {want}");
        }
    }

    /// A piece of XML content: its raw form, what it decodes to, and the
    /// raw bytes inside it that the decoded text comes from.
    #[derive(Debug, Clone)]
    struct Sample {
        raw: String,
        decoded: String,
        /// Offset and length in `raw` of the bytes `decoded` maps to.
        origin: (usize, usize),
    }

    fn sample(raw: &str, decoded: &str, origin: (usize, usize)) -> Sample {
        Sample {
            raw: raw.to_owned(),
            decoded: decoded.to_owned(),
            origin,
        }
    }

    fn samples() -> impl proptest::strategy::Strategy<Value = Sample> {
        use proptest::prelude::*;
        prop_oneof![
            "[a-zA-Z 西藏é]{1,6}".prop_map(|t| sample(&t, &t, (0, t.len()))),
            prop_oneof![
                Just(("&amp;", "&")),
                Just(("&lt;", "<")),
                Just(("&quot;", "\"")),
                Just(("&#x4E2D;", "中")),
                Just(("&#25991;", "文")),
            ]
            .prop_map(|(r, d)| sample(r, d, (0, r.len()))),
            "[a-z疆]{1,4}".prop_map(|t| {
                let raw = format!("<g id=\"1\">{t}</g>");
                sample(&raw, &t, (10, t.len()))
            }),
            "[a-z]{1,4}".prop_map(|t| {
                let raw = format!("<mrk mtype=\"term\">{t}</mrk>");
                sample(&raw, &t, (18, t.len()))
            }),
            Just(sample("<ph id=\"2\">{0}<sub>s</sub></ph>", "", (0, 0))),
            Just(sample("<x id=\"3\"/>", "", (0, 0))),
            Just(sample("<bpt i=\"1\">&lt;b&gt;</bpt>", "", (0, 0))),
            Just(sample("<!-- c -->", "", (0, 0))),
            Just(sample("<![CDATA[a<&b]]>", "a<&b", (9, 4))),
        ]
    }

    proptest::proptest! {
        #[test]
        fn every_decoded_piece_maps_to_its_original_bytes(
            pieces in proptest::collection::vec(samples(), 0..12),
            crlf in proptest::bool::ANY,
        ) {
            let open = if crlf { "<r>\r\n<c>" } else { "<r>\n<c>" };
            let mut raw = String::from(open);
            let mut want = String::new();
            // (derived span, original span) of every piece that yields text
            let mut expected = Vec::new();
            for p in &pieces {
                if !p.decoded.is_empty() {
                    let at = raw.len() + p.origin.0;
                    expected.push((
                        Span::new(want.len(), want.len() + p.decoded.len()),
                        Span::new(at, at + p.origin.1),
                    ));
                }
                raw.push_str(&p.raw);
                want.push_str(&p.decoded);
            }
            raw.push_str("</c></r>");
            let (f, c) = content_of(&raw).unwrap();
            proptest::prop_assert_eq!(&c.text.text, &want);
            for (derived, original) in &expected {
                proptest::prop_assert_eq!(c.text.source_span(*derived), *original);
            }
            if let (Some(first), Some(last)) = (expected.first(), expected.last()) {
                let all = c.text.source_span(Span::new(0, want.len()));
                proptest::prop_assert_eq!(all, Span::new(first.1.start, last.1.end));
            }
            let bilingual = crate::input::Bilingual {
                pairs: vec![crate::input::SegmentPair {
                    id: "1".into(),
                    source: c.text,
                    target: None,
                    state: crate::input::PairState::Final,
                    entry: None,
                }],
                ..Default::default()
            };
            crate::input::testing::check_maps(&f, &bilingual);
        }
    }
}
