//! Plain text: the whole file is one segment of prose, mapped identically.

use crate::span::Span;
use crate::text::MappedText;

use super::{Segment, SourceFile};

/// The whole text of `file` as one segment (nothing for an empty file).
pub fn read(file: &SourceFile) -> Vec<Segment> {
    if file.text.is_empty() {
        return Vec::new();
    }
    vec![Segment {
        id: None,
        text: MappedText::borrowed(&file.text, Span::new(0, file.text.len())),
        entry: None,
    }]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::space::Seg;

    #[test]
    fn whole_file_is_one_identity_segment() {
        for text in ["Xizang Autonomous Region\r\nline two\n", "西藏自治区", "x"] {
            let file = SourceFile::from_bytes("a.txt", text.as_bytes().to_vec()).unwrap();
            let segs = read(&file);
            assert_eq!(segs.len(), 1);
            assert_eq!(segs[0].id, None);
            assert_eq!(segs[0].text.text, text);
            let whole = Span::<Seg>::new(0, text.len());
            assert_eq!(segs[0].text.source_span(whole), Span::new(0, text.len()));
        }
    }

    #[test]
    fn bom_is_not_part_of_the_text() {
        let file = SourceFile::from_bytes("a.txt", b"\xEF\xBB\xBFTibet".to_vec()).unwrap();
        let segs = read(&file);
        assert_eq!(segs[0].text.text, "Tibet");
        assert_eq!(segs[0].text.source_span(Span::new(0, 5)), Span::new(0, 5));
    }

    #[test]
    fn empty_file_has_no_segments() {
        let file = SourceFile::from_bytes("a.txt", Vec::new()).unwrap();
        assert!(read(&file).is_empty());
    }
}
