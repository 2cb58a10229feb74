//! The segment sink shared by the prose readers (Markdown, HTML): it collects
//! pieces of a source text into [`Segment`]s, one per block, each with a map
//! back into the source. Readers tell it what to copy, what to replace and
//! where a block ends; whatever lies between two pieces is skipped markup.

use crate::text::{MappedText, MappedTextBuilder};

use super::Segment;

/// Collects pieces of one source text into segments, in source order.
#[derive(Debug, Default)]
pub(crate) struct SegmentSink {
    segments: Vec<Segment>,
    current: Option<MappedTextBuilder>,
}

impl SegmentSink {
    pub fn new() -> Self {
        SegmentSink::default()
    }

    /// The builder for a piece that starts at `start`, opening a segment if
    /// none is open. Pieces must come in source order; one that does not (a
    /// parser quirk) starts a new segment rather than corrupting the map.
    fn builder_at(&mut self, start: usize) -> &mut MappedTextBuilder {
        if self
            .current
            .as_ref()
            .is_some_and(|b| b.source_pos() > start)
        {
            self.flush();
        }
        let builder = self
            .current
            .get_or_insert_with(|| MappedTextBuilder::new(start));
        builder.skip_to(start);
        builder
    }

    /// Source text at `start` copied unchanged.
    pub fn copy(&mut self, start: usize, s: &str) {
        if !s.is_empty() {
            self.builder_at(start).copy(s);
        }
    }

    /// `source_len` source bytes at `start` that read as `s` (an entity, an
    /// escape). A span touching `s` widens to all of them.
    pub fn replace(&mut self, start: usize, source_len: usize, s: &str) {
        self.builder_at(start).replace(source_len, s);
    }

    /// Source bytes that read as text `text` but are spelled `source`: the
    /// common prefix and suffix stay exact, the middle is one atomic run.
    pub fn copy_or_replace(&mut self, start: usize, source: &str, text: &str) {
        if source == text {
            self.copy(start, source);
            return;
        }
        let mut prefix = source
            .bytes()
            .zip(text.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !source.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let max_suffix = (source.len() - prefix).min(text.len() - prefix);
        let mut suffix = source
            .bytes()
            .rev()
            .zip(text.bytes().rev())
            .take(max_suffix)
            .take_while(|(a, b)| a == b)
            .count();
        while !source.is_char_boundary(source.len() - suffix) {
            suffix -= 1;
        }
        // A middle that is empty on one side would map a decoded character
        // onto its look-alike first byte (`&` of `&amp;`); give the middle a
        // character back until both sides have some.
        while (source.len() - prefix - suffix == 0 || text.len() - prefix - suffix == 0)
            && prefix + suffix > 0
        {
            if prefix > 0 {
                prefix = crate::span::floor_char_boundary(source, prefix - 1);
            } else {
                suffix = source.len() - ceil_char_boundary(source, source.len() - suffix + 1);
            }
        }
        self.copy(start, &source[..prefix]);
        self.replace(
            start + prefix,
            source.len() - prefix - suffix,
            &text[prefix..text.len() - suffix],
        );
        self.copy(
            start + source.len() - suffix,
            &source[source.len() - suffix..],
        );
    }

    /// Source bytes that separate words without being text (a line break, an
    /// unknown tag): one space, but only inside an open segment.
    pub fn separator(&mut self, start: usize, source_len: usize) {
        if self.current.is_some() {
            self.replace(start, source_len, " ");
        }
    }

    /// A line break inside a block (with the next line's indentation),
    /// before `next`: one space, or nothing after a word hyphenated at the
    /// line's end and before a letter (`Secretary-⏎General` reads
    /// `Secretary-General`); only inside an open segment.
    pub fn line_break(&mut self, start: usize, source_len: usize, next: Option<char>) {
        let Some(builder) = &self.current else {
            return;
        };
        let joined = builder.ends_hyphenated() && next.is_some_and(char::is_alphabetic);
        self.replace(start, source_len, if joined { "" } else { " " });
    }

    /// Ends the open segment, if any. Segments with nothing but white space
    /// are dropped: there is nothing in them to check.
    pub fn flush(&mut self) {
        if let Some(builder) = self.current.take() {
            let text: MappedText = builder.finish();
            if !text.text.trim().is_empty() {
                self.segments.push(Segment {
                    id: None,
                    text,
                    entry: None,
                });
            }
        }
    }

    pub fn finish(mut self) -> Vec<Segment> {
        self.flush();
        self.segments
    }
}

fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    #[test]
    fn copy_or_replace_keeps_common_ends_exact() {
        // Source "x&amp;y" read as "x&y" (both at offset 10).
        let mut sink = SegmentSink::new();
        sink.copy_or_replace(10, "x&amp;y", "x&y");
        let segs = sink.finish();
        let t = &segs[0].text;
        assert_eq!(t.text, "x&y");
        assert_eq!(t.source_span(Span::new(0, 1)), Span::new(10, 11));
        assert_eq!(t.source_span(Span::new(1, 2)), Span::new(11, 16));
        assert_eq!(t.source_span(Span::new(2, 3)), Span::new(16, 17));
    }

    #[test]
    fn copy_or_replace_respects_char_boundaries() {
        // Common first byte of two different 2-byte characters.
        let mut sink = SegmentSink::new();
        sink.copy_or_replace(0, "é", "è");
        let segs = sink.finish();
        assert_eq!(segs[0].text.text, "è");
        assert_eq!(segs[0].text.source_span(Span::new(0, 2)), Span::new(0, 2));
    }

    #[test]
    fn out_of_order_piece_starts_a_new_segment() {
        let mut sink = SegmentSink::new();
        sink.copy(5, "ab");
        sink.copy(0, "cd");
        let segs = sink.finish();
        assert_eq!(segs.len(), 2);
        assert_eq!(segs[1].text.source_span(Span::new(0, 2)), Span::new(0, 2));
    }

    #[test]
    fn blank_segments_are_dropped_and_leading_separators_ignored() {
        let mut sink = SegmentSink::new();
        sink.separator(0, 1);
        sink.copy(1, "  ");
        sink.flush();
        sink.copy(3, "x");
        let segs = sink.finish();
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].text.text, "x");
    }
}
