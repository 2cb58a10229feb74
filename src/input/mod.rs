//! Input readers. A file is read once into a [`SourceFile`] (decoded text plus
//! a map back to the raw bytes); a reader for its format turns the decoded
//! text into [`Segment`]s (monolingual prose) or [`SegmentPair`]s (bilingual
//! source/target), each a [`MappedText`] whose map points into
//! `SourceFile::text`. Markup, escapes and inline tags are handled by the
//! readers; the matcher only ever sees prose.

pub mod html;
pub mod markdown;
pub mod plain;
mod sink;
pub mod source;

pub use source::SourceFile;

use crate::text::MappedText;

/// The formats termalign reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Xliff,
    Tmx,
    Po,
    Tsv,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Xliff => "xliff",
            Format::Tmx => "tmx",
            Format::Po => "po",
            Format::Tsv => "tsv",
        }
    }

    /// Bilingual formats hold source/target pairs.
    pub fn is_bilingual(self) -> bool {
        matches!(self, Format::Xliff | Format::Tmx | Format::Po | Format::Tsv)
    }
}

/// A run of prose to check, mapped into `SourceFile::text`.
#[derive(Debug, Clone)]
pub struct Segment {
    /// Segment id for bilingual inputs (SPEC §5 `segment`), else `None`.
    pub id: Option<String>,
    pub text: MappedText,
}

/// One source/target pair of a bilingual file.
#[derive(Debug, Clone)]
pub struct SegmentPair {
    /// XLIFF unit/trans-unit id, TMX tuid, or the 1-based pair number.
    pub id: String,
    pub source: MappedText,
    /// `None` when the unit has no target at all.
    pub target: Option<MappedText>,
    /// Flags that say the translation is not final (PO `#, fuzzy`).
    pub fuzzy: bool,
}

/// What a bilingual reader found: pairs and the languages it declares.
#[derive(Debug, Clone, Default)]
pub struct Bilingual {
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
    pub pairs: Vec<SegmentPair>,
}
