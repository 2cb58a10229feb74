//! Input readers. A file is read once into a [`SourceFile`] (decoded text plus
//! a map back to the raw bytes); a reader for its format turns the decoded
//! text into [`Segment`]s (monolingual prose) or [`SegmentPair`]s (bilingual
//! source/target), each a [`MappedText`] whose map points into
//! `SourceFile::text`. Markup, escapes and inline tags are handled by the
//! readers; the matcher only ever sees prose.

pub mod android;
pub mod asciidoc;
mod escape;
pub mod fluent;
pub mod format;
pub mod html;
mod inline;
pub mod json;
pub mod markdown;
pub mod parallel;
pub mod plain;
pub mod po;
pub mod properties;
pub mod resx;
pub mod rst;
mod sink;
pub mod source;
pub mod strings;
pub mod stringsdict;
pub mod subtitles;
pub mod tmx;
pub mod tsv;
pub mod xcstrings;
pub mod xliff;
pub(crate) mod xml;
pub mod yaml_i18n;

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
    /// `needs-adaptation` and `needs-l10n` (or any state qualified as a
    /// fuzzy match, a machine or TM suggestion, or rejected), XLIFF 1.1
    /// `unreviewed` and `rejected`, SDLXLIFF `RejectedTranslation` and
    /// `RejectedSignOff`, memoQ pretranslated, partially edited or
    /// rejected segments, PO `#, fuzzy`.
    NeedsReview(String),
    /// Locked against editing (SDLXLIFF `locked="true"`): not checked
    /// unless asked for.
    Locked,
    /// A key the target file has and the source file lacks (two resource
    /// files paired by key): a leftover, or a string added on one side.
    /// Counted as untranslated for `--states`.
    NotInSource,
}

impl PairState {
    /// The state of an XLIFF 1.2 `<target state="…" state-qualifier="…">`
    /// or XLIFF 2 `<segment state="…">`.
    pub fn from_xliff(state: Option<&str>, qualifier: Option<&str>) -> PairState {
        let from_state = match state.map(str::trim) {
            Some(s @ ("new" | "needs-translation" | "initial")) => {
                return PairState::Untranslated(s.to_owned())
            }
            // translate-toolkit's XLIFF 1.1 states `unreviewed` and
            // `rejected` ask for review too.
            Some(s @ ("unreviewed" | "rejected")) => PairState::NeedsReview(s.to_owned()),
            Some(s) if s.starts_with("needs-") => PairState::NeedsReview(s.to_owned()),
            _ => PairState::Final,
        };
        // A translation that is only a fuzzy match or a suggestion, or that
        // a reviewer rejected, wants review whatever its state says.
        match qualifier.map(str::trim) {
            Some(q @ ("fuzzy-match" | "mt-suggestion" | "tm-suggestion"))
                if from_state == PairState::Final =>
            {
                PairState::NeedsReview(q.to_owned())
            }
            Some(q) if q.starts_with("rejected-") && from_state == PairState::Final => {
                PairState::NeedsReview(q.to_owned())
            }
            _ => from_state,
        }
    }

    /// The state of an XLIFF 2 `<segment state="…" subState="…">`. The
    /// `subState` is a tool's own `prefix:value` refinement; a value that
    /// says the translation is a draft or not started makes the segment
    /// untranslated, one that says it is a fuzzy or machine match, edited,
    /// or rejected makes it need review, whatever `state` says short of
    /// `initial`.
    pub fn from_xliff2(state: Option<&str>, sub_state: Option<&str>) -> PairState {
        let from_state = PairState::from_xliff(state, None);
        let Some(written) = sub_state.map(str::trim).filter(|s| !s.is_empty()) else {
            return from_state;
        };
        if matches!(from_state, PairState::Untranslated(_)) {
            return from_state;
        }
        let value = written
            .rsplit_once(':')
            .map_or(written, |(_, v)| v)
            .to_ascii_lowercase()
            .replace(['_', ' '], "-");
        let untranslated = [
            "draft",
            "new",
            "initial",
            "not-translated",
            "untranslated",
            "needs-translation",
            "notstarted",
            "not-started",
        ];
        // Prefixes, so that `MachineTranslated`, `fuzzy-match` and
        // `rejected-inaccurate` count; short words only whole.
        let review_prefixes = [
            "needs-",
            "review",
            "unreviewed",
            "fuzzy",
            "machine",
            "pretranslat",
            "partially",
            "rejected",
        ];
        let review_words = ["mt", "mt-suggestion", "tm-suggestion", "edited"];
        if untranslated.contains(&value.as_str()) {
            PairState::Untranslated(written.to_owned())
        } else if review_prefixes.iter().any(|p| value.starts_with(p))
            || review_words.contains(&value.as_str())
        {
            PairState::NeedsReview(written.to_owned())
        } else {
            from_state
        }
    }

    /// The state of an SDLXLIFF `<sdl:seg conf="…" locked="…">`.
    pub fn from_sdl(conf: Option<&str>, locked: bool) -> PairState {
        if locked {
            return PairState::Locked;
        }
        match conf.map(str::trim) {
            None | Some("" | "Unspecified") => PairState::Untranslated("not translated".to_owned()),
            Some(c @ "Draft") => PairState::Untranslated(c.to_owned()),
            Some(c @ ("RejectedTranslation" | "RejectedSignOff")) => {
                PairState::NeedsReview(c.to_owned())
            }
            // Translated, ApprovedTranslation, ApprovedSignOff.
            Some(_) => PairState::Final,
        }
    }

    /// The state of a memoQ XLIFF `mq:status="…"`.
    pub fn from_memoq(status: &str) -> PairState {
        match status.trim() {
            s @ "NotStarted" => PairState::Untranslated(s.to_owned()),
            s @ ("PartiallyEdited"
            | "Pretranslated"
            | "Rejected"
            | "MachineTranslated"
            | "AssembledFromFragments"
            | "Edited") => PairState::NeedsReview(s.to_owned()),
            // ManuallyConfirmed, Reviewer1Confirmed, Reviewer2Confirmed, …
            _ => PairState::Final,
        }
    }

    /// Which of `--states` this state is.
    pub fn kind(&self) -> StateKind {
        match self {
            PairState::Final => StateKind::Final,
            PairState::Untranslated(_) | PairState::NotInSource => StateKind::Untranslated,
            PairState::NeedsReview(_) => StateKind::Review,
            PairState::Locked => StateKind::Locked,
        }
    }
}

/// The kinds of segment state `--states` chooses from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateKind {
    Final,
    Review,
    Untranslated,
    Locked,
}

impl StateKind {
    const ALL: [(&'static str, StateKind); 4] = [
        ("final", StateKind::Final),
        ("review", StateKind::Review),
        ("untranslated", StateKind::Untranslated),
        ("locked", StateKind::Locked),
    ];

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// Which segments are checked, by state (`--states`, `states:`): by
/// default every one but the locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateSet(u8);

impl Default for StateSet {
    fn default() -> Self {
        StateSet(StateKind::Final.bit() | StateKind::Review.bit() | StateKind::Untranslated.bit())
    }
}

impl StateSet {
    pub fn admits(self, state: &PairState) -> bool {
        self.0 & state.kind().bit() != 0
    }

    /// The names in the set, comma-separated, in their canonical order.
    pub fn names(self) -> String {
        StateKind::ALL
            .iter()
            .filter(|(_, k)| self.0 & k.bit() != 0)
            .map(|(name, _)| *name)
            .collect::<Vec<_>>()
            .join(",")
    }
}

impl std::str::FromStr for StateSet {
    type Err = String;

    /// `final,review,untranslated,locked` (any of them), or `all`.
    fn from_str(s: &str) -> Result<Self, String> {
        let mut set = 0;
        for name in s.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            if name.eq_ignore_ascii_case("all") {
                set = 0b1111;
                continue;
            }
            let (_, kind) = StateKind::ALL
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .ok_or_else(|| {
                    format!(
                        "unknown segment state `{name}` (expected final, review, untranslated, locked or all)"
                    )
                })?;
            set |= kind.bit();
        }
        if set == 0 {
            return Err(
                "no segment state named (expected final, review, untranslated, locked or all)"
                    .into(),
            );
        }
        Ok(StateSet(set))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xliff2_sub_states_refine_the_state() {
        let cases: &[(Option<&str>, Option<&str>, PairState)] = &[
            (Some("translated"), None, PairState::Final),
            (
                Some("initial"),
                Some("my:final"),
                PairState::Untranslated("initial".into()),
            ),
            (
                Some("translated"),
                Some("mq:Draft"),
                PairState::Untranslated("mq:Draft".into()),
            ),
            (
                Some("translated"),
                Some("okp:fuzzy-match"),
                PairState::NeedsReview("okp:fuzzy-match".into()),
            ),
            (
                Some("final"),
                Some("x:needs-review-translation"),
                PairState::NeedsReview("x:needs-review-translation".into()),
            ),
            (
                Some("reviewed"),
                Some("tool:MachineTranslated"),
                PairState::NeedsReview("tool:MachineTranslated".into()),
            ),
            (Some("translated"), Some("x:newer"), PairState::Final),
            (
                Some("reviewed"),
                Some("tool:machine-translated"),
                PairState::NeedsReview("tool:machine-translated".into()),
            ),
            (
                Some("translated"),
                Some("x:Rejected"),
                PairState::NeedsReview("x:Rejected".into()),
            ),
            (None, Some("x:signed-off"), PairState::Final),
            (Some("final"), Some(""), PairState::Final),
        ];
        for (state, sub, want) in cases {
            assert_eq!(
                &PairState::from_xliff2(*state, *sub),
                want,
                "{state:?} {sub:?}"
            );
        }
    }

    #[test]
    fn state_sets_parse_and_admit() {
        let default = StateSet::default();
        assert!(default.admits(&PairState::Final));
        assert!(default.admits(&PairState::Untranslated("new".into())));
        assert!(!default.admits(&PairState::Locked));
        let set: StateSet = "Final, locked".parse().unwrap();
        assert_eq!(set.names(), "final,locked");
        assert!(!set.admits(&PairState::NeedsReview("fuzzy".into())));
        assert_eq!(
            "all".parse::<StateSet>().unwrap().names(),
            "final,review,untranslated,locked"
        );
        assert!("".parse::<StateSet>().is_err());
        assert!("final,draft".parse::<StateSet>().is_err());
    }

    #[test]
    fn tool_states_map_to_kinds() {
        let kind = |s: PairState| s.kind();
        assert_eq!(
            kind(PairState::from_sdl(Some("Draft"), false)),
            StateKind::Untranslated
        );
        assert_eq!(
            kind(PairState::from_sdl(None, false)),
            StateKind::Untranslated
        );
        assert_eq!(
            kind(PairState::from_sdl(Some("RejectedSignOff"), false)),
            StateKind::Review
        );
        assert_eq!(
            kind(PairState::from_sdl(Some("ApprovedSignOff"), false)),
            StateKind::Final
        );
        assert_eq!(
            kind(PairState::from_sdl(Some("ApprovedSignOff"), true)),
            StateKind::Locked
        );
        assert_eq!(
            kind(PairState::from_memoq("Reviewer1Confirmed")),
            StateKind::Final
        );
        assert_eq!(
            kind(PairState::from_memoq("PartiallyEdited")),
            StateKind::Review
        );
        let xliff = |s, q| PairState::from_xliff(Some(s), Some(q)).kind();
        assert_eq!(xliff("translated", "mt-suggestion"), StateKind::Review);
        assert_eq!(xliff("translated", "rejected-length"), StateKind::Review);
        assert_eq!(xliff("translated", "leveraged-tm"), StateKind::Final);
        assert_eq!(xliff("new", "fuzzy-match"), StateKind::Untranslated);
    }
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

    /// `read` of a file named `name` holding `text`, its maps checked.
    pub fn read_checked(
        name: &str,
        text: &str,
        read: fn(&SourceFile) -> crate::error::Result<Prose>,
    ) -> (SourceFile, Prose) {
        let f = file(name, text);
        let prose = read(&f).unwrap();
        check_prose_maps(&f, &prose);
        (f, prose)
    }

    /// The segments' texts of `read` on `text`, its maps checked and every
    /// segment's first `Macau` mapped onto exactly those bytes.
    pub fn texts_mapping_macau(
        name: &str,
        text: &str,
        read: fn(&SourceFile) -> crate::error::Result<Prose>,
    ) -> Vec<String> {
        let (f, prose) = read_checked(name, text, read);
        for s in prose
            .segments
            .iter()
            .filter(|s| s.text.text.contains("Macau"))
        {
            assert_eq!(original(&f, &s.text, "Macau"), "Macau", "{name}");
        }
        prose.segments.iter().map(|s| s.text.text.clone()).collect()
    }

    /// Each segment as `id=text`.
    pub fn pairs(prose: &Prose) -> Vec<String> {
        prose
            .segments
            .iter()
            .map(|s| format!("{}={}", s.id.as_deref().unwrap_or("-"), s.text.text))
            .collect()
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
