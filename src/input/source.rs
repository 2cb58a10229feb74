//! Reading a file into text: BOM and encoding detection, with a map from the
//! decoded text back to the raw bytes (identity for UTF-8).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
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
}

impl SourceFile {
    /// Reads `path` from disk.
    pub fn read(path: &Path) -> Result<SourceFile> {
        let raw = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        SourceFile::from_bytes(path, raw)
    }

    /// Decodes `raw`: UTF-8 (with or without BOM) or UTF-16 with a BOM.
    pub fn from_bytes(path: impl Into<PathBuf>, raw: Vec<u8>) -> Result<SourceFile> {
        let path = path.into();
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
