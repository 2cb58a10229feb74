//! Input readers. A file is read once into a [`SourceFile`] (decoded text plus
//! a map back to the raw bytes); a reader for its format turns the decoded
//! text into [`Segment`]s (monolingual prose) or [`SegmentPair`]s (bilingual
//! source/target), each a [`MappedText`] whose map points into
//! `SourceFile::text`. Markup, escapes and inline tags are handled by the
//! readers; the matcher only ever sees prose.

pub mod format;
pub mod html;
pub mod json;
pub mod markdown;
pub mod parallel;
pub mod plain;
pub mod po;
pub mod properties;
mod sink;
pub mod source;
pub mod strings;
pub mod tmx;
pub mod tsv;
pub mod xliff;
pub(crate) mod xml;

pub use format::{detect, Format, PairLanguages, Sides};
pub use source::SourceFile;

use crate::span::Span;
use crate::suppress::Comment;
use crate::text::MappedText;

/// A run of prose to check, mapped into `SourceFile::text`.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Segment id for bilingual inputs (SPEC §5 `segment`), else `None`.
    pub id: Option<String>,
    pub text: MappedText,
    /// The span of the entry the segment belongs to (a PO entry with its
    /// comments, an XLIFF unit, a TMX `<tu>`), where the format has entries:
    /// a suppression directive inside it covers the entry.
    pub entry: Option<Span>,
}

/// What a monolingual reading of a file found: its prose, the language the
/// file declares for it (a bilingual file's target language), as written,
/// and the comments the reader saw.
#[derive(Debug, Clone, Default)]
pub struct Prose {
    pub segments: Vec<Segment>,
    /// Filled by [`Format::read_document`] from the registry's
    /// `declared_language` (readers leave it `None`), or a bilingual
    /// reader's target language.
    pub language: Option<String>,
    /// Where suppression directives may stand, in file order.
    pub comments: Vec<Comment>,
}

/// One source/target pair of a bilingual file.
#[derive(Debug, Clone)]
pub struct SegmentPair {
    /// XLIFF unit/trans-unit id, TMX tuid, or the 1-based pair number.
    pub id: String,
    pub source: MappedText,
    /// `None` when the unit has no target at all.
    pub target: Option<MappedText>,
    /// Where the translation stands, as the file marks it.
    pub state: PairState,
    /// The span of the whole entry in the file's text (a PO entry with the
    /// comments above it, an XLIFF unit, a TMX `<tu>`), where the format has
    /// entries.
    pub entry: Option<Span>,
}

/// Where a pair stands in its translation workflow, from the file's own
/// marks (SPEC §4 `unfinished-segment`, `needs-review`). The label is the
/// mark as written (`needs-review-translation`, `fuzzy`), for messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PairState {
    /// Nothing says the translation is not final.
    #[default]
    Final,
    /// Not translated yet, or a draft: XLIFF 1.2 `new` and
    /// `needs-translation`, XLIFF 2 `initial`.
    Untranslated(String),
    /// Translated and awaiting review: XLIFF 1.2 `needs-review-*`,
    /// `needs-adaptation` and `needs-l10n`, XLIFF 1.1 `unreviewed` and
    /// `rejected`, PO `#, fuzzy`.
    NeedsReview(String),
}

impl PairState {
    /// The state of an XLIFF 1.2 `<target state="…">` or XLIFF 2
    /// `<segment state="…">`.
    pub fn from_xliff(state: Option<&str>) -> PairState {
        match state.map(str::trim) {
            Some(s @ ("new" | "needs-translation" | "initial")) => {
                PairState::Untranslated(s.to_owned())
            }
            // translate-toolkit's XLIFF 1.1 states `unreviewed` and
            // `rejected` ask for review too.
            Some(s @ ("unreviewed" | "rejected")) => PairState::NeedsReview(s.to_owned()),
            Some(s) if s.starts_with("needs-") => PairState::NeedsReview(s.to_owned()),
            _ => PairState::Final,
        }
    }
}

/// What a bilingual reader found: pairs and the languages it declares.
#[derive(Debug, Clone, Default)]
pub struct Bilingual {
    /// The languages the file declares, as written.
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
    /// The source language the format's convention implies when nothing
    /// declares one (gettext: msgids are English).
    pub conventional_source: Option<&'static str>,
    pub pairs: Vec<SegmentPair>,
    /// Where suppression directives may stand, in file order.
    pub comments: Vec<Comment>,
}

/// Helpers for the readers' tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Bilingual, Prose, SegmentPair, SourceFile};
    use crate::span::space::Seg;
    use crate::span::Span;
    use crate::text::MappedText;

    pub fn file(name: &str, text: &str) -> SourceFile {
        SourceFile::from_bytes(name, text.as_bytes().to_vec()).unwrap()
    }

    /// The span of the first `needle` in a derived text.
    pub fn span_of(mapped: &MappedText, needle: &str) -> Span<Seg> {
        let start = mapped
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", mapped.text));
        Span::new(start, start + needle.len())
    }

    /// The original bytes that `needle`, found in `mapped`, came from.
    pub fn original<'f>(file: &'f SourceFile, mapped: &MappedText, needle: &str) -> &'f str {
        &file.text[mapped.source_span(span_of(mapped, needle)).range()]
    }

    pub fn pair<'b>(b: &'b Bilingual, id: &str) -> &'b SegmentPair {
        b.pairs
            .iter()
            .find(|p| p.id == id)
            .unwrap_or_else(|| panic!("no pair {id}: {:?}", ids(b)))
    }

    pub fn ids(b: &Bilingual) -> Vec<&str> {
        b.pairs.iter().map(|p| p.id.as_str()).collect()
    }

    pub fn target(p: &SegmentPair) -> &str {
        p.target.as_ref().map_or("<none>", |t| t.text.as_str())
    }

    /// Every derived byte range of every pair maps to a char-boundary,
    /// in-bounds, monotonic span of the file.
    pub fn check_maps(file: &SourceFile, b: &Bilingual) {
        for p in &b.pairs {
            for m in std::iter::once(&p.source).chain(p.target.as_ref()) {
                check_map(file, &p.id, m);
            }
        }
    }

    /// [`check_maps`] for every segment of a monolingual reading.
    pub fn check_prose_maps(file: &SourceFile, prose: &Prose) {
        for s in &prose.segments {
            check_map(file, s.id.as_deref().unwrap_or("-"), &s.text);
        }
    }

    fn check_map(file: &SourceFile, id: &str, m: &MappedText) {
        let mut last = 0;
        let bounds: Vec<usize> = (0..=m.text.len())
            .filter(|&i| m.text.is_char_boundary(i))
            .collect();
        for &i in &bounds {
            let s = m.source_span(Span::new(i, i));
            assert!(s.start >= last, "pair {id}: map not monotonic at {i}");
            last = s.start;
        }
        for w in bounds.windows(2) {
            let s = m.source_span(Span::new(w[0], w[1]));
            assert!(s.end <= file.text.len());
            assert!(file.text.is_char_boundary(s.start) && file.text.is_char_boundary(s.end));
        }
    }
}
