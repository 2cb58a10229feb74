//! Half-open byte ranges and the line index that turns byte offsets into the
//! 1-based line and column users see. Line and column are computed only when
//! reporting, from one [`LineIndex`] per file. Spans carry the coordinate
//! space they are in ([`space`]).

use serde::Serialize;

/// The coordinate spaces offsets live in. Each text a run derives has its
/// own: a span of one cannot be used as a span of another, and only an
/// [`OffsetMap`](crate::text::OffsetMap) from one space to the next turns
/// it into one (the compiler keeps them apart; a comment no longer has to).
pub mod space {
    /// The bytes of a file as stored (`SourceFile::raw`): what SPEC §5's
    /// `start`/`end` count.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Raw {}
    /// The decoded text of a file (`SourceFile::text`): UTF-8, without a
    /// BOM; lines and columns are counted here.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Doc {}
    /// A segment's text: the prose a reader derived from a file's text
    /// (entities decoded, markup and escapes taken out).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Seg {}
    /// A normalized text (case, diacritics, dashes, quotes and white space
    /// folded), as the matcher searches it.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Norm {}
}

use space::Doc;

/// A half-open byte range `start..end` in the coordinate space `S`. A
/// `Span` without a space named is a span of a file's decoded text
/// ([`space::Doc`]), the space findings are located in.
///
/// Spans of different spaces do not mix: a normalized span is no segment
/// span, and only the normalized text's map turns it into one.
///
/// ```compile_fail
/// use termalign::span::{space::{Norm, Seg}, Span};
/// let found: Span<Norm> = Span::new(0, 5);
/// let in_segment: Span<Seg> = found; // error: another space
/// ```
///
/// ```compile_fail
/// use termalign::span::{space::Norm, Span};
/// use termalign::text::MappedText;
/// let segment: MappedText = MappedText::borrowed("Tibet", Span::new(0, 5));
/// // error: a segment's map takes segment spans, not normalized ones
/// segment.source_span(Span::<Norm>::new(0, 5));
/// ```
///
/// ```
/// use termalign::span::{space::Seg, Span};
/// use termalign::text::{normalize, Fold, MappedText};
/// let segment: MappedText = MappedText::borrowed("  TIBET", Span::new(0, 7));
/// let normalized = normalize(&segment.text, Fold::ALL);
/// let found = Span::new(1, 6); // "tibet" in " tibet"
/// let in_segment: Span<Seg> = normalized.source_span(found);
/// assert_eq!(segment.source_span(in_segment), Span::new(2, 7));
/// ```
pub struct Span<S = Doc> {
    pub start: usize,
    pub end: usize,
    space: std::marker::PhantomData<fn() -> S>,
}

impl<S> Span<S> {
    pub const fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end,
            space: std::marker::PhantomData,
        }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub const fn overlaps(&self, other: Span<S>) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub const fn contains(&self, other: Span<S>) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

// By hand rather than derived: a derive would ask the space marker for
// the trait too, and the markers are never values.
impl<S> Clone for Span<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for Span<S> {}

impl<S> PartialEq for Span<S> {
    fn eq(&self, other: &Self) -> bool {
        (self.start, self.end) == (other.start, other.end)
    }
}

impl<S> Eq for Span<S> {}

impl<S> PartialOrd for Span<S> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<S> Ord for Span<S> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.start, self.end).cmp(&(other.start, other.end))
    }
}

impl<S> std::hash::Hash for Span<S> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        (self.start, self.end).hash(state);
    }
}

impl<S> Default for Span<S> {
    fn default() -> Self {
        Span::new(0, 0)
    }
}

impl<S> std::fmt::Debug for Span<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl<S> Serialize for Span<S> {
    fn serialize<Z: serde::Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Span", 2)?;
        s.serialize_field("start", &self.start)?;
        s.serialize_field("end", &self.end)?;
        s.end()
    }
}

impl<S> From<std::ops::Range<usize>> for Span<S> {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// The largest char boundary of `s` at or before byte `i`.
pub fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// At most the first `max` bytes of `s`, cut at a char boundary: the head
/// that content sniffing and language identification look at.
pub fn head(s: &str, max: usize) -> &str {
    &s[..floor_char_boundary(s, max)]
}

/// Byte offsets of line starts in one text, for offset -> (line, column).
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Lines end at `\n`; a `\r\n` pair counts as one line end, and a lone `\r`
    /// (old Mac files) ends a line too.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i + 1),
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex { line_starts }
    }

    /// 0-based line number of the line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset) - 1
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line]
    }

    /// The byte range of 0-based `line` in `text`, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_starts[line];
        let mut end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(text.len());
        let bytes = text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }

    /// 1-based line and 1-based column (Unicode scalar values) of `offset`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = text[start..offset].chars().count() + 1;
        (line + 1, column)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Every line's [`LineIndex::line_span`], in order.
    pub fn spans(&self, text: &str) -> Vec<Span> {
        (0..self.line_count())
            .map(|line| self.line_span(text, line))
            .collect()
    }
}

/// Line and column of many offsets of one text, asked in (mostly)
/// increasing order: a column is counted on from the previous offset when
/// it is on the same line and not before it, else from the line's start. So
/// locating N findings on one line of L bytes counts O(N + L) characters,
/// not O(N·L) — a minified file or a one-line XLIFF is one long line.
#[derive(Debug)]
pub struct ColumnCursor<'t> {
    text: &'t str,
    index: &'t LineIndex,
    /// The last offset asked, its 0-based line and 1-based column.
    at: Option<(usize, usize, usize)>,
    /// Bytes walked so far, for tests that bound the work.
    walked: usize,
}

impl<'t> ColumnCursor<'t> {
    pub fn new(text: &'t str, index: &'t LineIndex) -> Self {
        ColumnCursor {
            text,
            index,
            at: None,
            walked: 0,
        }
    }

    /// 1-based line and column (Unicode scalar values) of `offset`.
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let line = self.index.line_of(offset);
        let (from, column) = match self.at {
            Some((last, last_line, last_column)) if last_line == line && last <= offset => {
                (last, last_column)
            }
            _ => (self.index.line_start(line), 1),
        };
        let column = column + self.text[from..offset].chars().count();
        self.walked += offset - from;
        self.at = Some((offset, line, column));
        (line + 1, column)
    }

    /// How many bytes the cursor has walked to count columns.
    pub fn walked(&self) -> usize {
        self.walked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_scalar_values() {
        let text = "ab\n重庆 x\r\nlast";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        assert_eq!(idx.line_col(text, 3), (2, 1));
        // "x" follows two 3-byte characters and a space.
        assert_eq!(idx.line_col(text, 10), (2, 4));
        assert_eq!(idx.line_col(text, text.len()), (3, 5));
        assert_eq!(idx.line_span(text, 1), Span::new(3, 11));
    }

    /// Columns of many offsets on one long line cost the line's length,
    /// not the line's length per offset.
    #[test]
    fn a_cursor_counts_each_line_once() {
        let text = "Macau 重庆 ".repeat(20_000);
        let idx = LineIndex::new(&text);
        let offsets: Vec<usize> = text.match_indices("Macau").map(|(i, _)| i).collect();
        let mut cursor = ColumnCursor::new(&text, &idx);
        for &o in &offsets {
            assert_eq!(cursor.line_col(o), idx.line_col(&text, o));
        }
        assert!(
            cursor.walked() <= text.len(),
            "{} > {}",
            cursor.walked(),
            text.len()
        );
        // Out of order it starts again from the line start, still right.
        assert_eq!(cursor.line_col(6), (1, 7));
        assert_eq!(cursor.line_col(text.len()), idx.line_col(&text, text.len()));
    }

    #[test]
    fn lone_carriage_return_ends_a_line() {
        let text = "a\rb";
        assert_eq!(LineIndex::new(text).line_col(text, 2), (2, 1));
    }
}
