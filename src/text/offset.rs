//! Text derived from other text, with a map back to where every derived byte
//! came from. Every step that changes text (decoding, entity and escape
//! decoding, markup masking, normalization) produces a [`MappedText`]; maps
//! compose, so a match in normalized text becomes a span of the original file
//! in one call, and nothing ever searches the original again to guess where a
//! match "probably" was.

use std::marker::PhantomData;

use crate::span::space::{Doc, Seg};
use crate::span::Span;

/// One run of derived bytes and the source bytes it came from.
///
/// An `exact` run is a byte-for-byte copy (or a same-length replacement that
/// keeps character boundaries, such as ASCII lower-casing), so offsets inside
/// it map one to one. Any other run is atomic: a span that starts or ends
/// inside it widens to the whole source run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    derived: usize,
    derived_len: usize,
    source: usize,
    source_len: usize,
    exact: bool,
}

/// Maps byte offsets of a derived text (in space `From`) to byte offsets
/// of its source (in space `To`). Without spaces named, it maps a
/// segment's text into its file's text.
pub struct OffsetMap<From = Seg, To = Doc> {
    runs: Vec<Run>,
    derived_len: usize,
    /// Source offset that the end of the derived text maps to.
    source_end: usize,
    spaces: PhantomData<fn(From) -> To>,
}

// By hand: derives would ask the space markers for the traits.
impl<F, T> Clone for OffsetMap<F, T> {
    fn clone(&self) -> Self {
        OffsetMap {
            runs: self.runs.clone(),
            derived_len: self.derived_len,
            source_end: self.source_end,
            spaces: PhantomData,
        }
    }
}

impl<F, T> Default for OffsetMap<F, T> {
    fn default() -> Self {
        OffsetMap {
            runs: Vec::new(),
            derived_len: 0,
            source_end: 0,
            spaces: PhantomData,
        }
    }
}

impl<F, T> PartialEq for OffsetMap<F, T> {
    fn eq(&self, other: &Self) -> bool {
        (&self.runs, self.derived_len, self.source_end)
            == (&other.runs, other.derived_len, other.source_end)
    }
}

impl<F, T> Eq for OffsetMap<F, T> {}

impl<F, T> std::fmt::Debug for OffsetMap<F, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OffsetMap")
            .field("runs", &self.runs)
            .field("derived_len", &self.derived_len)
            .field("source_end", &self.source_end)
            .finish()
    }
}

impl<F, T> OffsetMap<F, T> {
    /// The identity map of a text of `len` bytes that starts at `source_start`
    /// in its source.
    pub fn identity(source_start: usize, len: usize) -> Self {
        let mut builder = OffsetMapBuilder::new(source_start);
        builder.exact(len);
        builder.finish()
    }

    pub fn derived_len(&self) -> usize {
        self.derived_len
    }

    /// Index of the run holding derived byte `offset` (which is < derived_len).
    fn run_at(&self, offset: usize) -> &Run {
        let i = self.runs.partition_point(|r| r.derived <= offset) - 1;
        &self.runs[i]
    }

    /// The source offset of derived offset `offset` taken as a span start.
    pub fn map_start(&self, offset: usize) -> usize {
        if offset >= self.derived_len {
            return self.source_end;
        }
        let run = self.run_at(offset);
        if run.exact {
            run.source + (offset - run.derived)
        } else {
            run.source
        }
    }

    /// The source offset of derived offset `offset` taken as a span end.
    pub fn map_end(&self, offset: usize) -> usize {
        if offset == 0 {
            return self.map_start(0);
        }
        let run = self.run_at(offset.min(self.derived_len) - 1);
        if run.exact {
            run.source + (offset - run.derived)
        } else {
            run.source + run.source_len
        }
    }

    /// The source span a derived span came from, widened to whole atomic runs.
    pub fn map_span(&self, span: Span<F>) -> Span<T> {
        if span.is_empty() {
            let at = self.map_start(span.start);
            return Span::new(at, at);
        }
        Span::new(self.map_start(span.start), self.map_end(span.end))
    }

    /// `self` maps F -> T and `base` maps T -> A; the result maps F -> A.
    pub fn compose<A>(&self, base: &OffsetMap<T, A>) -> OffsetMap<F, A> {
        let mut runs = Vec::with_capacity(self.runs.len() + base.runs.len());
        for run in &self.runs {
            if run.exact {
                // Split the exact run where the base map changes runs, so that
                // every piece keeps the finest mapping the base allows.
                let mut d = run.derived;
                let mut b = run.source;
                let end = run.source + run.source_len;
                while b < end {
                    let base_run = *base.run_at(b);
                    let piece_end = (base_run.derived + base_run.derived_len).min(end);
                    let len = piece_end - b;
                    if base_run.exact {
                        runs.push(Run {
                            derived: d,
                            derived_len: len,
                            source: base_run.source + (b - base_run.derived),
                            source_len: len,
                            exact: true,
                        });
                    } else {
                        runs.push(Run {
                            derived: d,
                            derived_len: len,
                            source: base_run.source,
                            source_len: base_run.source_len,
                            exact: false,
                        });
                    }
                    d += len;
                    b = piece_end;
                }
            } else {
                let source = base.map_span(Span::new(run.source, run.source + run.source_len));
                runs.push(Run {
                    derived: run.derived,
                    derived_len: run.derived_len,
                    source: source.start,
                    source_len: source.len(),
                    exact: false,
                });
            }
        }
        OffsetMap {
            runs: merge_exact_runs(runs),
            derived_len: self.derived_len,
            source_end: base.map_start(self.source_end),
            spaces: PhantomData,
        }
    }
}

fn merge_exact_runs(runs: Vec<Run>) -> Vec<Run> {
    let mut merged: Vec<Run> = Vec::with_capacity(runs.len());
    for run in runs {
        if let Some(last) = merged.last_mut() {
            if last.exact
                && run.exact
                && last.derived + last.derived_len == run.derived
                && last.source + last.source_len == run.source
            {
                last.derived_len += run.derived_len;
                last.source_len += run.source_len;
                continue;
            }
        }
        merged.push(run);
    }
    merged
}

/// Builds an [`OffsetMap`] left to right, in derived order. Positions are
/// plain offsets while it builds; the map it finishes has its spaces.
#[derive(Debug)]
pub struct OffsetMapBuilder {
    runs: Vec<Run>,
    derived: usize,
    source: usize,
}

impl OffsetMapBuilder {
    pub fn new(source_start: usize) -> Self {
        OffsetMapBuilder {
            runs: Vec::new(),
            derived: 0,
            source: source_start,
        }
    }

    /// Current position in the source.
    pub fn source_pos(&self) -> usize {
        self.source
    }

    /// `len` bytes copied one to one.
    pub fn exact(&mut self, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.runs.last_mut() {
            if last.exact
                && last.derived + last.derived_len == self.derived
                && last.source + last.source_len == self.source
            {
                last.derived_len += len;
                last.source_len += len;
                self.derived += len;
                self.source += len;
                return;
            }
        }
        self.runs.push(Run {
            derived: self.derived,
            derived_len: len,
            source: self.source,
            source_len: len,
            exact: true,
        });
        self.derived += len;
        self.source += len;
    }

    /// `derived_len` bytes that replace `source_len` source bytes as a whole.
    /// Either length may be zero: a zero-length derived run is a deletion, a
    /// zero-length source run an insertion anchored at the current position.
    pub fn replace(&mut self, source_len: usize, derived_len: usize) {
        if derived_len > 0 {
            self.runs.push(Run {
                derived: self.derived,
                derived_len,
                source: self.source,
                source_len,
                exact: false,
            });
        }
        self.derived += derived_len;
        self.source += source_len;
    }

    /// Skips source bytes that produce nothing (deleted markup).
    pub fn skip(&mut self, source_len: usize) {
        self.replace(source_len, 0);
    }

    /// Moves the source position forward to `source_pos` without output.
    pub fn skip_to(&mut self, source_pos: usize) {
        debug_assert!(source_pos >= self.source);
        self.source = source_pos;
    }

    pub fn finish<F, T>(self) -> OffsetMap<F, T> {
        OffsetMap {
            runs: self.runs,
            derived_len: self.derived,
            source_end: self.source,
            spaces: PhantomData,
        }
    }
}

/// Text (in space `From`) together with the map from its bytes back to its
/// source's bytes (in space `To`). Without spaces named: a segment's text,
/// mapped into its file's text.
pub struct MappedText<From = Seg, To = Doc> {
    pub text: String,
    pub map: OffsetMap<From, To>,
}

impl<F, T> Clone for MappedText<F, T> {
    fn clone(&self) -> Self {
        MappedText {
            text: self.text.clone(),
            map: self.map.clone(),
        }
    }
}

impl<F, T> Default for MappedText<F, T> {
    fn default() -> Self {
        MappedText {
            text: String::new(),
            map: OffsetMap::default(),
        }
    }
}

impl<F, T> PartialEq for MappedText<F, T> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.map == other.map
    }
}

impl<F, T> Eq for MappedText<F, T> {}

impl<F, T> std::fmt::Debug for MappedText<F, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MappedText")
            .field("text", &self.text)
            .field("map", &self.map)
            .finish()
    }
}

impl<F, T> MappedText<F, T> {
    /// A slice of a source text, mapped identically.
    pub fn borrowed(source: &str, span: Span<T>) -> Self {
        MappedText {
            text: source[span.range()].to_owned(),
            map: OffsetMap::identity(span.start, span.len()),
        }
    }

    pub fn source_span(&self, span: Span<F>) -> Span<T> {
        self.map.map_span(span)
    }
}

/// Builds a [`MappedText`] from pieces of a source, in order.
#[derive(Debug)]
pub struct MappedTextBuilder {
    /// UTF-8 by construction: only `&str` pieces and ASCII bytes go in. Kept
    /// as bytes so ASCII can be folded in place.
    text: Vec<u8>,
    map: OffsetMapBuilder,
}

impl MappedTextBuilder {
    pub fn new(source_start: usize) -> Self {
        Self::with_capacity(source_start, 0)
    }

    /// A builder whose text will be about `capacity` bytes: a whole file's
    /// normalization then grows no buffer of hundreds of megabytes by
    /// copying.
    pub fn with_capacity(source_start: usize, capacity: usize) -> Self {
        MappedTextBuilder {
            text: Vec::with_capacity(capacity),
            map: OffsetMapBuilder::new(source_start),
        }
    }

    pub fn source_pos(&self) -> usize {
        self.map.source_pos()
    }

    /// The last character emitted so far.
    /// Whether the text so far ends with a letter and a hyphen (`Secretary-`):
    /// a word that a line break may have split.
    pub fn ends_hyphenated(&self) -> bool {
        // Two characters are at most eight bytes: look at no more.
        let mut from = self.text.len().saturating_sub(8);
        while from < self.text.len() && (self.text[from] as i8) < -0x40 {
            from += 1;
        }
        std::str::from_utf8(&self.text[from..]).is_ok_and(super::normalize::ends_with_word_hyphen)
    }

    pub fn last_char(&self) -> Option<char> {
        let start = self.text.iter().rposition(|&b| (b as i8) >= -0x40)?;
        std::str::from_utf8(&self.text[start..])
            .ok()?
            .chars()
            .next()
    }

    /// Copies source text that starts at the current source position.
    pub fn copy(&mut self, s: &str) {
        self.text.extend_from_slice(s.as_bytes());
        self.map.exact(s.len());
    }

    /// Copies one ASCII byte, possibly changed (lower-cased): still one to one.
    pub fn copy_byte(&mut self, byte: u8) {
        debug_assert!(byte.is_ascii());
        self.text.push(byte);
        self.map.exact(1);
    }

    /// Copies ASCII text byte for byte, lower-cased when `lower` is set, with
    /// white space as spaces.
    pub fn copy_ascii(&mut self, s: &str, lower: bool) {
        debug_assert!(s.is_ascii());
        let start = self.text.len();
        self.text.extend_from_slice(s.as_bytes());
        for b in &mut self.text[start..] {
            if b.is_ascii_whitespace() {
                *b = b' ';
            } else if lower {
                b.make_ascii_lowercase();
            }
        }
        self.map.exact(s.len());
    }

    /// Emits `s` for `source_len` source bytes (an entity, an escape).
    pub fn replace(&mut self, source_len: usize, s: &str) {
        self.text.extend_from_slice(s.as_bytes());
        self.map.replace(source_len, s.len());
    }

    /// Emits `s` that has no source (a separator between blocks).
    pub fn insert(&mut self, s: &str) {
        self.replace(0, s);
    }

    /// Skips `source_len` bytes of the source.
    pub fn skip(&mut self, source_len: usize) {
        self.map.skip(source_len);
    }

    /// Skips the source up to `source_pos`.
    pub fn skip_to(&mut self, source_pos: usize) {
        self.map.skip_to(source_pos);
    }

    /// Whether nothing has been emitted yet.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn finish<F, T>(self) -> MappedText<F, T> {
        MappedText {
            text: String::from_utf8(self.text).expect("only UTF-8 pieces are emitted"),
            map: self.map.finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::space::Norm;

    #[test]
    fn exact_runs_map_one_to_one() {
        let map: OffsetMap = OffsetMap::identity(10, 5);
        assert_eq!(map.map_span(Span::new(1, 3)), Span::new(11, 13));
        assert_eq!(map.map_span(Span::new(5, 5)), Span::new(15, 15));
    }

    #[test]
    fn atomic_runs_widen() {
        // "a&amp;b" -> "a&b"
        let mut b = MappedTextBuilder::new(0);
        b.copy("a");
        b.replace(5, "&");
        b.copy("b");
        let m: MappedText = b.finish();
        assert_eq!(m.text, "a&b");
        assert_eq!(m.source_span(Span::new(1, 2)), Span::new(1, 6));
        assert_eq!(m.source_span(Span::new(2, 3)), Span::new(6, 7));
        assert_eq!(m.source_span(Span::new(0, 3)), Span::new(0, 7));
    }

    #[test]
    fn skipped_markup_is_inside_spans_that_cross_it() {
        // "X<b>Y</b>" -> "XY"
        let mut b = MappedTextBuilder::new(0);
        b.copy("X");
        b.skip(3);
        b.copy("Y");
        b.skip(4);
        let m: MappedText = b.finish();
        assert_eq!(m.source_span(Span::new(0, 2)), Span::new(0, 5));
        assert_eq!(m.source_span(Span::new(1, 2)), Span::new(4, 5));
    }

    #[test]
    fn compose_chains_two_maps() {
        // file: "<p>A&amp;B</p>" -> decoded "A&B" -> normalized "a&b" (exact)
        let mut b = MappedTextBuilder::new(0);
        b.skip(3);
        b.copy("A");
        b.replace(5, "&");
        b.copy("B");
        let decoded: MappedText = b.finish();
        let lower: OffsetMap<Norm, Seg> = OffsetMap::identity(0, 3);
        let composed = lower.compose(&decoded.map);
        assert_eq!(composed.map_span(Span::new(0, 1)), Span::new(3, 4));
        assert_eq!(composed.map_span(Span::new(1, 2)), Span::new(4, 9));
        assert_eq!(composed.map_span(Span::new(0, 3)), Span::new(3, 10));
    }

    #[test]
    fn compose_atomic_over_exact() {
        // source "  x" -> collapse whitespace " x" (2 bytes of source -> 1)
        let mut inner = OffsetMapBuilder::new(0);
        inner.replace(2, 1);
        inner.exact(1);
        let inner: OffsetMap<Norm, Seg> = inner.finish();
        let base: OffsetMap = OffsetMap::identity(100, 3);
        let composed = inner.compose(&base);
        assert_eq!(composed.map_span(Span::new(0, 2)), Span::new(100, 103));
        assert_eq!(composed.map_span(Span::new(1, 2)), Span::new(102, 103));
    }
}
