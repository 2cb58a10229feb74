//! Reading a file into text: BOM and encoding detection, with a map from the
//! decoded text back to the raw bytes (identity for UTF-8).
//!
//! Which encoding, in order: a byte-order mark (UTF-8, UTF-16); else UTF-8
//! when the bytes are valid UTF-8 and no fallback encoding was asked for
//! (text that merely declares Latin-1 while being UTF-8 is read as what it
//! is); else the encoding the file declares — an XML declaration in any
//! file, and what its format declares (PO `charset`, HTML `<meta charset>`,
//! see the registry's `declared_encoding`) — decoded with `encoding_rs`;
//! else the fallback (`--encoding`); else UTF-8, whose first invalid byte is
//! then an error naming line and column. Legacy encodings map every
//! character back to the bytes it came from, so findings and `--fix` point
//! at the original bytes.

use std::path::{Path, PathBuf};

use crate::error::{Error, Origin, Result};
use crate::span::space::{Doc, Raw};
use crate::span::{LineIndex, Span};
use crate::text::{OffsetMap, OffsetMapBuilder};

/// A file's raw bytes and decoded text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (`-` for standard input).
    pub path: PathBuf,
    pub raw: Vec<u8>,
    /// The decoded text, without a byte-order mark.
    pub text: String,
    /// Maps `text` offsets to `raw` offsets.
    pub decode_map: OffsetMap<Doc, Raw>,
    pub lines: LineIndex,
    /// Which encoding the raw bytes were in.
    pub encoding: Encoding,
}

/// The encodings termalign reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// Any other encoding `encoding_rs` decodes (windows-1252, ISO-8859-*,
    /// KOI8-R, GBK, Shift_JIS, …), declared by the file or asked for.
    Legacy(&'static encoding_rs::Encoding),
}

impl Encoding {
    /// The encoding's name, as WHATWG spells it (`UTF-8`, `windows-1252`).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Legacy(e) => e.name(),
        }
    }

    /// `text` in this encoding, for writing into a file of it; `None` when
    /// a character has no encoding in it (`ï` in KOI8-R).
    pub fn encode(self, text: &str) -> Option<Vec<u8>> {
        match self {
            Encoding::Utf8 | Encoding::Utf8Bom => Some(text.as_bytes().to_vec()),
            Encoding::Utf16Le => Some(text.encode_utf16().flat_map(u16::to_le_bytes).collect()),
            Encoding::Utf16Be => Some(text.encode_utf16().flat_map(u16::to_be_bytes).collect()),
            Encoding::Legacy(e) => {
                let (bytes, _, unmappable) = e.encode(text);
                (!unmappable).then(|| bytes.into_owned())
            }
        }
    }
}

/// An encoding named by the user (`--encoding`, `encoding:` in the
/// configuration): a WHATWG label such as `windows-1252`, `latin1`,
/// `koi8-r`, `gbk`, `shift_jis`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Charset(&'static encoding_rs::Encoding);

impl Charset {
    pub fn name(self) -> &'static str {
        self.0.name()
    }
}

impl std::str::FromStr for Charset {
    type Err = String;

    fn from_str(label: &str) -> std::result::Result<Self, String> {
        encoding_rs::Encoding::for_label_no_replacement(label.trim().as_bytes())
            .map(Charset)
            .ok_or_else(|| {
                format!(
                    "unknown encoding `{label}` (expected a label such as utf-8, windows-1252, \
                     iso-8859-1, koi8-r, gbk, big5, shift_jis)"
                )
            })
    }
}

/// How files without a byte-order mark are decoded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Decoding {
    /// The encoding of files that declare none; `None`: UTF-8.
    pub fallback: Option<Charset>,
}

impl SourceFile {
    /// Reads `path` from disk, UTF-8 unless it says otherwise.
    pub fn read(path: &Path) -> Result<SourceFile> {
        SourceFile::read_with(path, Decoding::default())
    }

    /// Reads `path` from disk, decoding as `decoding` says.
    pub fn read_with(path: &Path, decoding: Decoding) -> Result<SourceFile> {
        let raw = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        SourceFile::decode(path, raw, decoding)
    }

    /// Decodes `raw`, UTF-8 unless it says otherwise.
    pub fn from_bytes(path: impl Into<PathBuf>, raw: Vec<u8>) -> Result<SourceFile> {
        SourceFile::decode(path, raw, Decoding::default())
    }

    /// Decodes `raw` in the encoding [the module documentation](self)
    /// describes.
    pub fn decode(
        path: impl Into<PathBuf>,
        raw: Vec<u8>,
        decoding: Decoding,
    ) -> Result<SourceFile> {
        let path = path.into();
        let has_bom = raw.starts_with(&[0xFF, 0xFE])
            || raw.starts_with(&[0xFE, 0xFF])
            || raw.starts_with(&[0xEF, 0xBB, 0xBF]);
        if !has_bom && (decoding.fallback.is_some() || std::str::from_utf8(&raw).is_err()) {
            let legacy = match declared_encoding(&path, &raw)? {
                Some(declared) => Some(declared),
                None => decoding.fallback.map(|c| c.0),
            };
            if let Some(encoding) = legacy.filter(|e| *e != encoding_rs::UTF_8) {
                let (text, decode_map) = decode_legacy(&path, &raw, encoding)?;
                return Ok(SourceFile {
                    path,
                    lines: LineIndex::new(&text),
                    raw,
                    text,
                    decode_map,
                    encoding: Encoding::Legacy(encoding),
                });
            }
        }
        let (text, decode_map, encoding) = if raw.starts_with(&[0xFF, 0xFE]) {
            let (t, m) = decode_utf16(&path, &raw, u16::from_le_bytes)?;
            (t, m, Encoding::Utf16Le)
        } else if raw.starts_with(&[0xFE, 0xFF]) {
            let (t, m) = decode_utf16(&path, &raw, u16::from_be_bytes)?;
            (t, m, Encoding::Utf16Be)
        } else {
            let bom = if raw.starts_with(&[0xEF, 0xBB, 0xBF]) {
                3
            } else {
                0
            };
            let text = std::str::from_utf8(&raw[bom..]).map_err(|e| {
                let valid = e.valid_up_to();
                let before = std::str::from_utf8(&raw[bom..bom + valid]).unwrap_or_default();
                Error::encoding(&path, "UTF-8", bom + valid, before)
            })?;
            if let Some(nul) = text.find('\0') {
                return Err(nul_error(&path, text, nul));
            }
            let encoding = if bom == 3 {
                Encoding::Utf8Bom
            } else {
                Encoding::Utf8
            };
            (
                text.to_owned(),
                OffsetMap::identity(bom, text.len()),
                encoding,
            )
        };
        let lines = LineIndex::new(&text);
        Ok(SourceFile {
            path,
            raw,
            text,
            decode_map,
            lines,
            encoding,
        })
    }

    /// The same file with new contents `raw` (an edit of its bytes), decoded
    /// in the encoding it was read in.
    pub fn with_bytes(&self, raw: Vec<u8>) -> Result<SourceFile> {
        match self.encoding {
            Encoding::Legacy(encoding) => {
                let (text, decode_map) = decode_legacy(&self.path, &raw, encoding)?;
                Ok(SourceFile {
                    path: self.path.clone(),
                    lines: LineIndex::new(&text),
                    raw,
                    text,
                    decode_map,
                    encoding: self.encoding,
                })
            }
            _ => SourceFile::from_bytes(self.path.clone(), raw),
        }
    }

    /// The raw byte span of a span of `text`.
    pub fn raw_span(&self, span: Span) -> Span<Raw> {
        self.decode_map.map_span(span)
    }

    /// 1-based line and column of a `text` offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    /// The origin of a `text` offset, for errors.
    pub fn origin(&self, offset: usize) -> crate::error::Origin {
        let (line, column) = self.line_col(offset);
        crate::error::Origin::new(&self.path, line, column)
    }
}

/// A NUL in what reads as UTF-8: UTF-16 without a byte-order mark (every
/// other byte NUL) or binary data, never text to check; at its line and
/// column.
fn nul_error(path: &std::path::Path, text: &str, at: usize) -> Error {
    let lines = crate::span::LineIndex::new(text);
    let (line, column) = lines.line_col(text, at);
    let bytes = text.as_bytes();
    let sample = &bytes[..bytes.len().min(4096)];
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let half = sample.len() / 2;
    let message = if odd_nuls * 10 >= half * 9 {
        "a NUL byte: this looks like UTF-16LE without a byte-order mark; give --encoding utf-16le"
    } else if even_nuls * 10 >= half * 9 {
        "a NUL byte: this looks like UTF-16BE without a byte-order mark; give --encoding utf-16be"
    } else {
        "a NUL byte: binary data, not text"
    };
    Error::input(crate::error::Origin::new(path, line, column), message)
}

/// The encoding `raw` declares for itself: an XML declaration at its
/// start, else what its format declares. UTF-16 declared in a file read as
/// ASCII is not what it is, and is ignored; gettext's template placeholder
/// `CHARSET` declares nothing. An encoding termalign does not know is an
/// error at the declaration.
fn declared_encoding(path: &Path, raw: &[u8]) -> Result<Option<&'static encoding_rs::Encoding>> {
    // Every declaration is ASCII, and every encoding read here keeps ASCII
    // as it is: a lossy view of the beginning is enough to find it.
    let head = String::from_utf8_lossy(&raw[..raw.len().min(super::format::HEAD)]);
    let declared = xml_declared_encoding(&head).or_else(|| {
        let format = super::format::detect(path, &head);
        format.def().declared_encoding.and_then(|read| read(&head))
    });
    let Some((label, at)) = declared else {
        return Ok(None);
    };
    if label.eq_ignore_ascii_case("CHARSET") {
        return Ok(None);
    }
    match encoding_rs::Encoding::for_label_no_replacement(label.as_bytes()) {
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => Ok(None),
        Some(e) => Ok(Some(e)),
        None => {
            let lines = LineIndex::new(&head);
            let (line, column) = lines.line_col(&head, at);
            Err(Error::input(
                Origin::new(path, line, column),
                format!("the file declares the encoding `{label}`, which termalign cannot decode"),
            ))
        }
    }
}

/// The `encoding` of an XML declaration at the very start of `head`, with
/// the offset of its value.
pub(crate) fn xml_declared_encoding(head: &str) -> Option<(String, usize)> {
    if !head.starts_with("<?xml") {
        return None;
    }
    let decl = &head[..head.find("?>")?];
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    // The value's offset: just inside its quote.
    let value_at = decl.len() - rest.len() + 1;
    quoted_value(rest).map(|v| (v.to_owned(), value_at))
}

/// The value of `'…'` or `"…"` at the start of `s`.
pub(crate) fn quoted_value(s: &str) -> Option<&str> {
    let quote = s.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let inner = &s[1..];
    Some(&inner[..inner.find(quote)?])
}

/// Decodes `raw` as `encoding`, strictly, mapping each character to the
/// bytes it came from. Single-byte encodings go in one call; others a byte
/// at a time, so that each character's bytes are known.
fn decode_legacy(
    path: &Path,
    raw: &[u8],
    encoding: &'static encoding_rs::Encoding,
) -> Result<(String, OffsetMap<Doc, Raw>)> {
    let mut map = OffsetMapBuilder::new(0);
    let malformed =
        |offset: usize, text: &str| Error::encoding(path, encoding.name(), offset, text);
    if encoding.is_single_byte() {
        let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(raw) else {
            // Find the byte that has no character, for its position.
            let mut text = String::new();
            for (i, b) in raw.iter().enumerate() {
                match encoding.decode_without_bom_handling_and_without_replacement(&[*b]) {
                    Some(c) => text.push_str(&c),
                    None => return Err(malformed(i, &text)),
                }
            }
            unreachable!("a whole that fails has a byte that fails");
        };
        for c in text.chars() {
            if c.is_ascii() {
                map.exact(1);
            } else {
                map.replace(1, c.len_utf8());
            }
        }
        return Ok((text.into_owned(), map.finish()));
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(raw.len() + raw.len() / 2);
    let mut pending = 0;
    for (i, byte) in raw.iter().enumerate() {
        let last = i + 1 == raw.len();
        text.reserve(16);
        let before = text.len();
        let (result, read) = decoder.decode_to_string_without_replacement(
            std::slice::from_ref(byte),
            &mut text,
            last,
        );
        if let encoding_rs::DecoderResult::Malformed(bad, extra) = result {
            // The malformed bytes end `extra` bytes before what was read; a
            // byte that ends a bad sequence without belonging to it (ASCII
            // after a lead byte) is not read.
            let at = (i + read).saturating_sub(usize::from(bad) + usize::from(extra));
            return Err(malformed(at, &text[..before]));
        }
        pending += 1;
        let produced = text.len() - before;
        if produced > 0 {
            if pending == 1 && produced == 1 {
                map.exact(1);
            } else {
                map.replace(pending, produced);
            }
            pending = 0;
        }
    }
    if pending > 0 {
        return Err(malformed(raw.len() - pending, &text));
    }
    Ok((text, map.finish()))
}

fn decode_utf16(
    path: &Path,
    raw: &[u8],
    unit: fn([u8; 2]) -> u16,
) -> Result<(String, OffsetMap<Doc, Raw>)> {
    let body = &raw[2..];
    let units = body.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text = String::with_capacity(body.len());
    let mut map = OffsetMapBuilder::new(2);
    let mut offset = 2;
    for decoded in char::decode_utf16(units) {
        let c = decoded.map_err(|_| Error::encoding(path, "UTF-16", offset, &text))?;
        let raw_len = c.len_utf16() * 2;
        text.push(c);
        map.replace(raw_len, c.len_utf8());
        offset += raw_len;
    }
    if body.len() % 2 != 0 {
        // A last byte without its pair: said where the text stops.
        return Err(Error::encoding(path, "UTF-16", raw.len() - 1, &text));
    }
    Ok((text, map.finish()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encoding errors name line and column, not only a byte offset.
    #[test]
    fn undecodable_bytes_have_a_line_and_column() {
        let cases: &[(&[u8], &str)] = &[
            (b"ab\ncd\xFFef", "f.txt:2:3: invalid UTF-8 at byte offset 5"),
            (
                b"\xEF\xBB\xBF\xC3",
                "f.txt:1:1: invalid UTF-8 at byte offset 3",
            ),
            ("重庆\n庆".as_bytes(), ""),
            (
                b"\xFF\xFEa\x00\n\x00b",
                "f.txt:2:1: invalid UTF-16 at byte offset 6",
            ),
            (
                b"\xFF\xFEa\x00\x00\xD8\n\x00",
                "f.txt:1:2: invalid UTF-16 at byte offset 4",
            ),
        ];
        for (raw, want) in cases {
            let got = SourceFile::from_bytes("f.txt", raw.to_vec())
                .err()
                .map(|e| e.to_string());
            assert_eq!(got.unwrap_or_default(), *want, "{raw:?}");
        }
    }

    fn decoded(name: &str, raw: &[u8]) -> SourceFile {
        SourceFile::from_bytes(name, raw.to_vec()).unwrap()
    }

    /// Every character maps back to the bytes it was decoded from.
    fn assert_maps_back(f: &SourceFile, encoding: &'static encoding_rs::Encoding) {
        for (i, c) in f.text.char_indices() {
            let raw = f.raw_span(Span::new(i, i + c.len_utf8()));
            let (back, _, _) = encoding.decode(&f.raw[raw.range()]);
            assert_eq!(back, c.to_string(), "char {c:?} at {i}");
        }
    }

    #[test]
    fn declared_legacy_encodings_are_decoded() {
        // windows-1252 XML: é is 0xE9, the euro sign 0x80.
        let xlf = b"<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<xliff><t>Caf\xE9 \x80 Macau</t></xliff>";
        let f = decoded("a.xlf", xlf);
        assert_eq!(f.encoding, Encoding::Legacy(encoding_rs::WINDOWS_1252));
        assert!(f.text.contains("Café € Macau"));
        assert_maps_back(&f, encoding_rs::WINDOWS_1252);
        let at = f.text.find("Macau").unwrap();
        assert_eq!(&f.raw[f.raw_span(Span::new(at, at + 5)).range()], b"Macau");

        // ISO-8859-1 and KOI8-R PO catalogues, declared in the header.
        let po = |charset: &str, msgstr: &[u8]| {
            let mut raw = format!(
                "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset={charset}\\n\"\n\nmsgid \"x\"\nmsgstr \""
            )
            .into_bytes();
            raw.extend_from_slice(msgstr);
            raw.extend_from_slice(b"\"\n");
            raw
        };
        let f = decoded("fr.po", &po("ISO-8859-1", b"Ta\xEFwan"));
        assert!(f.text.contains("Taïwan"), "{}", f.text);
        let f = decoded("ru.po", &po("KOI8-R", b"\xEB\xC9\xD4\xC1\xCA"));
        assert!(f.text.contains("Китай"), "{}", f.text);
        assert_maps_back(&f, encoding_rs::KOI8_R);

        // A multi-byte encoding: GBK, two bytes a character.
        let mut raw = b"<?xml version='1.0' encoding='GBK'?><p>".to_vec();
        let (gbk, _, _) = encoding_rs::GBK.encode("西藏 Xizang 澳门");
        raw.extend_from_slice(&gbk);
        raw.extend_from_slice(b"</p>");
        let f = decoded("a.xml", &raw);
        assert!(f.text.contains("西藏 Xizang 澳门"));
        assert_maps_back(&f, encoding_rs::GBK);

        // HTML's <meta charset>.
        let f = decoded(
            "a.html",
            b"<html><head><meta charset=\"iso-8859-15\"></head><p>\xA4</p>",
        );
        assert!(f.text.contains("<p>€</p>"), "{}", f.text);
        let f = decoded(
            "a.htm",
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>\xCA</p>",
        );
        assert!(f.text.contains("<p>К</p>"), "{}", f.text);
    }

    /// Valid UTF-8 is read as UTF-8 whatever the file declares: a PO file
    /// left saying `charset=ISO-8859-1` after being converted is common.
    #[test]
    fn valid_utf8_wins_over_a_stale_declaration() {
        let f = decoded(
            "a.xml",
            "<?xml version='1.0' encoding='ISO-8859-1'?><p>Café</p>".as_bytes(),
        );
        assert_eq!(f.encoding, Encoding::Utf8);
        assert!(f.text.contains("Café"));
        // gettext's template placeholder declares nothing.
        let raw =
            b"msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=CHARSET\\n\"\n\xFF";
        let err = SourceFile::from_bytes("t.pot", raw.to_vec()).unwrap_err();
        assert!(err.to_string().contains("invalid UTF-8"), "{err}");
    }

    #[test]
    fn a_fallback_encoding_reads_files_that_declare_none() {
        let latin1: Charset = "latin1".parse().unwrap();
        let decoding = Decoding {
            fallback: Some(latin1),
        };
        let f = SourceFile::decode("a.txt", b"Ta\xEFwan".to_vec(), decoding).unwrap();
        assert_eq!(f.text, "Taïwan");
        assert_eq!(f.raw_span(Span::new(2, 4)), Span::new(2, 3));
        // A declaration wins over the fallback, a BOM over both.
        let xml = b"<?xml version='1.0' encoding='koi8-r'?><p>\xEB</p>";
        let f = SourceFile::decode("a.xml", xml.to_vec(), decoding).unwrap();
        assert!(f.text.contains("<p>К</p>"));
        let f = SourceFile::decode("a.txt", b"\xEF\xBB\xBFcaf\xC3\xA9".to_vec(), decoding).unwrap();
        assert_eq!(f.text, "café");
        assert!("no-such-encoding".parse::<Charset>().is_err());
    }

    #[test]
    fn encoding_errors_name_line_and_column() {
        // An encoding termalign does not know, at its declaration.
        let raw = b"<?xml version='1.0' encoding='x-unknown-8'?>\n<p>\xFF</p>";
        let err = SourceFile::from_bytes("a.xml", raw.to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.xml:1:31: the file declares the encoding `x-unknown-8`, which termalign cannot decode"
        );
        // A byte the declared encoding has no character for.
        let mut raw = b"<?xml version='1.0' encoding='shift_jis'?>\n<p>ok</p>\n<p>".to_vec();
        raw.extend_from_slice(b"\x81\x20</p>");
        let err = SourceFile::from_bytes("a.xml", raw).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.xml:3:4: invalid Shift_JIS at byte offset 56"
        );
        // windows-1253 has no character at 0xAA.
        let raw = b"<?xml version='1.0' encoding='windows-1253'?>\n\xAA";
        let err = SourceFile::from_bytes("a.xml", raw.to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "a.xml:2:1: invalid windows-1253 at byte offset 46"
        );
    }

    #[test]
    fn an_edited_file_keeps_its_encoding() {
        let raw = b"<?xml version='1.0' encoding='windows-1252'?><p>Caf\xE9</p>".to_vec();
        let f = decoded("a.xml", &raw);
        let again = f.with_bytes(raw).unwrap();
        assert_eq!(again.encoding, f.encoding);
        assert_eq!(again.text, f.text);
        assert_eq!(Encoding::Legacy(encoding_rs::KOI8_R).encode("Taïwan"), None);
        assert_eq!(
            Encoding::Legacy(encoding_rs::WINDOWS_1252).encode("Taïwan"),
            Some(b"Ta\xEFwan".to_vec())
        );
    }

    #[test]
    fn utf8_bom_is_skipped_and_offsets_kept() {
        let f = SourceFile::from_bytes("a.txt", b"\xEF\xBB\xBFab".to_vec()).unwrap();
        assert_eq!(f.text, "ab");
        assert_eq!(f.raw_span(Span::new(1, 2)), Span::new(4, 5));
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = SourceFile::from_bytes("a.txt", b"ok\xFFno".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "a.txt:1:3: invalid UTF-8 at byte offset 2");
    }

    #[test]
    fn utf16le_maps_back_to_raw_bytes() {
        let mut raw = vec![0xFF, 0xFE];
        for u in "x重y".encode_utf16() {
            raw.extend_from_slice(&u.to_le_bytes());
        }
        let f = SourceFile::from_bytes("t.tmx", raw).unwrap();
        assert_eq!(f.text, "x重y");
        assert_eq!(f.raw_span(Span::new(1, 4)), Span::new(4, 6));
        assert_eq!(f.raw_span(Span::new(4, 5)), Span::new(6, 8));
    }
}
