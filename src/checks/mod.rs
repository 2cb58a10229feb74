//! Checks: one generic check per rule, driven by glossary data.
//!
//! Each check carries its metadata ([`RuleMeta`]: name, default severity,
//! what it does, why, an example, how to fix), from which `docs/checks.md`,
//! SARIF `rules[]` and `--help` text are generated. A check looks at one of
//! three scopes: an occurrence (the four exclusive per-occurrence rules, tried
//! in [`CHECKS`] order, first that applies wins), a whole document, or a
//! bilingual pair.

mod case_mismatch;
mod deprecated_term;
mod diacritic_mismatch;
mod forbidden_term;
mod inconsistent_term;
mod missing_target_term;
mod misspelled_term;
mod needs_review;
mod no_glossary_terms;
mod unfinished_segment;
mod untranslated_term;
mod unused_suppression;

pub use crate::rule::{RuleId, UnknownRule};
pub use case_mismatch::CaseMismatch;
pub use deprecated_term::DeprecatedTerm;
pub use diacritic_mismatch::DiacriticMismatch;
pub use forbidden_term::ForbiddenTerm;
pub use inconsistent_term::{inconsistencies, Inconsistency, InconsistentTerm};
pub use missing_target_term::MissingTargetTerm;
pub use misspelled_term::MisspelledTerm;
pub use needs_review::NeedsReview;
pub use no_glossary_terms::NoGlossaryTerms;
pub use unfinished_segment::UnfinishedSegment;
pub use untranslated_term::UntranslatedTerm;
pub use unused_suppression::UnusedSuppression;

use crate::finding::Severity;
use crate::fuzzy::FuzzyIndex;
use crate::glossary::{ConceptId, GlossarySet, TermId, TermType};
use crate::input::PairState;
use crate::matcher::Occurrence;
use crate::span::space::{Norm, Seg};
use crate::span::Span;
use crate::text::MappedText;

/// What a rule is, for documentation, SARIF and `--help`.
#[derive(Debug)]
pub struct RuleMeta {
    pub id: RuleId,
    pub severity: Severity,
    /// One line: what fires it.
    pub summary: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// An example that fires it, with the glossary entry it needs.
    pub example: &'static str,
    /// What to do about it.
    pub fix: &'static str,
    /// Whether it needs bilingual input (`align`).
    pub bilingual: bool,
}

/// The metadata of a rule.
pub fn meta(rule: RuleId) -> &'static RuleMeta {
    CHECKS[rule.index()].meta()
}

impl RuleMeta {
    /// The rule's name (`deprecated-term`).
    pub fn name(&self) -> &'static str {
        self.id.name()
    }
}

/// What a check says about one place, before it is located in a file.
#[derive(Debug, Clone)]
pub struct Draft {
    pub rule: &'static RuleMeta,
    /// Span in the decoded text of the file the finding points into.
    pub span: Span,
    pub concept: Option<ConceptId>,
    pub suggestions: Vec<String>,
    pub message: String,
    pub note: Option<String>,
    pub replacement: Option<String>,
    /// The finding points into the source side of a pair (which for two
    /// parallel files is another file).
    pub on_source: bool,
    /// A related span on the other side of a pair.
    pub related: Option<Span>,
    /// The segment (pair) it is in, for inputs whose segments have ids.
    pub pair: Option<PairRef>,
    /// A ceiling on the severity the settings give the rule, for a finding
    /// the rule itself thinks less sure (a generic lower-case use of a name).
    pub at_most: Option<Severity>,
}

/// A segment of a file whose segments have ids (the pairs of a bilingual
/// file, or their targets read as prose): its id as findings show it, and
/// its position among the file's pairs, which the engine uses to find the
/// pair again (never the order things happened to be scanned in).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairRef {
    /// SPEC §5 `segment`, unique within the file.
    pub id: String,
    /// 0-based position among the file's pairs.
    pub index: usize,
}

impl Draft {
    pub fn new(rule: &'static RuleMeta, span: Span, message: String) -> Draft {
        Draft {
            rule,
            span,
            concept: None,
            suggestions: Vec::new(),
            message,
            note: None,
            replacement: None,
            on_source: false,
            related: None,
            pair: None,
            at_most: None,
        }
    }
}

/// Where an occurrence stands: the text of its segment, as the matcher
/// searched it, and the occurrence's range there.
#[derive(Debug, Clone, Copy)]
pub struct Around<'a> {
    pub text: &'a str,
    pub span: crate::span::Span<crate::span::space::Seg>,
}

impl<'a> Around<'a> {
    /// The text before the occurrence.
    pub fn before(&self) -> &'a str {
        &self.text[..self.span.start]
    }

    /// The text after the occurrence.
    pub fn after(&self) -> &'a str {
        &self.text[self.span.end..]
    }
}

/// What checks can see besides the text.
pub struct CheckContext<'a> {
    pub set: &'a GlossarySet,
    /// The language of the text being checked (the target side for `align`).
    pub language: &'a str,
    pub fuzzy: &'a FuzzyIndex,
}

impl CheckContext<'_> {
    /// Suggestions for an occurrence of `term`: the preferred term of the
    /// same type in the checked language, for every concept it may name
    /// where it is not approved itself (a homonym's approved reading needs
    /// no replacement).
    pub fn replacements(&self, occ: &Occurrence) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for &term in std::iter::once(&occ.term).chain(&occ.also) {
            if term != occ.term && self.set.term(term).status.is_approved() {
                continue;
            }
            if let Some(p) = self.preferred_like(term) {
                let deprecated = &self.set.term(term).text;
                let text = carry_plural(deprecated, &occ.written, &self.set.term(p).text);
                if !out.contains(&text) {
                    out.push(text);
                }
            }
        }
        out
    }

    /// The preferred term that replaces `term`: same concept, same language,
    /// same type (falling back to the full form).
    pub fn preferred_like(&self, term: TermId) -> Option<TermId> {
        let t = self.set.term(term);
        self.set.preferred_for(t.concept, &t.language, t.term_type)
    }

    /// The preferred term of `concept` with `term_type` in the checked language.
    pub fn preferred(&self, concept: ConceptId, term_type: TermType) -> Option<TermId> {
        self.set.preferred_for(concept, self.language, term_type)
    }

    /// The note to show with a finding on `term`: the term's, else the concept's.
    pub fn note(&self, term: TermId) -> Option<String> {
        let t = self.set.term(term);
        t.note
            .clone()
            .or_else(|| self.set.concept(t.concept).note.clone())
    }
}

/// An occurrence found in a document, with where it came from.
#[derive(Debug, Clone)]
pub struct ScannedOccurrence {
    pub occurrence: Occurrence,
    pub pair: Option<PairRef>,
    /// Whether a per-occurrence rule already reported it.
    pub flagged: bool,
}

/// One checked text of a document: its prose and its normalized form.
#[derive(Debug)]
pub struct ScannedSegment<'a> {
    pub pair: Option<PairRef>,
    /// Maps into the decoded file text.
    pub text: &'a MappedText,
    /// `Fold::ALL` normalization of `text.text`, mapped into it.
    pub normalized: MappedText<Norm, Seg>,
    /// Where its terms are in `DocumentScan::occurrences`.
    pub occurrences: std::ops::Range<usize>,
}

/// Everything found in one document (one file; for `align`, its target side).
#[derive(Debug, Default)]
pub struct DocumentScan<'a> {
    pub occurrences: Vec<ScannedOccurrence>,
    pub segments: Vec<ScannedSegment<'a>>,
}

/// One bilingual pair, scanned.
#[derive(Debug)]
pub struct PairScan<'a> {
    pub id: &'a str,
    /// Source-language terms found in the source text.
    pub source: &'a [Occurrence],
    /// Target-language terms found in the target text (`None`: no target,
    /// or an empty one).
    pub target: Option<&'a [Occurrence]>,
    /// Source-language terms found unchanged in the target text.
    pub source_terms_in_target: &'a [Occurrence],
    pub target_language: &'a str,
    /// The whole source text of the pair, in file coordinates.
    pub source_span: Span,
    /// The whole target text of the pair, in the target file's
    /// coordinates, when there is one.
    pub target_span: Option<Span>,
    /// Where the translation stands, as the file marks it.
    pub state: &'a PairState,
}

/// A rule. Implement the scope the rule looks at; the others stay empty.
pub trait Check: Sync {
    fn meta(&self) -> &'static RuleMeta;

    /// Per-occurrence rules: a finding for this occurrence, standing
    /// `around` it, if the rule applies.
    fn check_occurrence(
        &self,
        _occ: &Occurrence,
        _around: &Around,
        _cx: &CheckContext,
    ) -> Option<Draft> {
        None
    }

    /// Document rules, run after the occurrence rules.
    fn check_document(&self, _doc: &DocumentScan, _cx: &CheckContext, _out: &mut Vec<Draft>) {}

    /// Bilingual rules, run on each pair.
    fn check_pair(&self, _pair: &PairScan, _cx: &CheckContext, _out: &mut Vec<Draft>) {}
}

/// Every rule, in the order per-occurrence rules are tried.
pub static CHECKS: &[&dyn Check] = &[
    &ForbiddenTerm,
    &DeprecatedTerm,
    &CaseMismatch,
    &DiacriticMismatch,
    &InconsistentTerm,
    &MisspelledTerm,
    &MissingTargetTerm,
    &UntranslatedTerm,
    &UnfinishedSegment,
    &NeedsReview,
    &UnusedSuppression,
    &NoGlossaryTerms,
];

/// The finding for an occurrence spelt differently from its glossary form
/// (`case-mismatch`, `diacritic-mismatch`): suggest the glossary spelling.
pub(crate) fn spelling_draft(
    meta: &'static RuleMeta,
    occ: &Occurrence,
    cx: &CheckContext,
) -> Draft {
    let term = cx.set.term(occ.term);
    let mut draft = Draft::new(
        meta,
        occ.span,
        format!(
            "{} should be written {} ({})",
            quote(&occ.text),
            quote(&occ.written),
            cx.set.concept(term.concept).key
        ),
    );
    draft.concept = Some(term.concept);
    draft.suggestions = vec![occ.written.clone()];
    draft.note = cx.note(occ.term);
    draft
}

/// `replacement` in the number of `written`: when `written` is a plural
/// form of `term` (`Consulates-General` of `Consulate-General`, `spokesmen`
/// of `spokesman`), the same words of the replacement in the plural
/// (`consulates general`, `spokespersons`), so that a suggestion keeps the
/// sentence grammatical. English rules, for lower-case words; names and
/// other replacements as they are.
pub(crate) fn carry_plural(term: &str, written: &str, replacement: &str) -> String {
    let split = |s: &str| -> Vec<String> { s.split([' ', '-']).map(str::to_lowercase).collect() };
    let (term_words, written_words) = (split(term), split(written));
    let pieces: Vec<&str> = replacement.split_inclusive([' ', '-']).collect();
    if term_words.len() != written_words.len() || term_words.len() != pieces.len() {
        return replacement.to_owned();
    }
    let is_plural_of = |plural: &str, singular: &str| {
        plural != singular
            && ((plural.ends_with('s')
                && !singular.ends_with('s')
                && plural.starts_with(singular.trim_end_matches('y')))
                || (singular.ends_with("man") && plural.ends_with("men")))
    };
    let mut out = String::with_capacity(replacement.len() + 2);
    for ((piece, t), w) in pieces.iter().zip(&term_words).zip(&written_words) {
        let separator = piece.len() - piece.trim_end_matches([' ', '-']).len();
        let word = &piece[..piece.len() - separator];
        // A capitalised word of a name (`Railway Express`) has no plural.
        let common_noun = word.chars().next().is_some_and(char::is_lowercase);
        if common_noun && is_plural_of(w, t) {
            out.push_str(&crate::lang::english_plural(word));
        } else {
            out.push_str(word);
        }
        out.push_str(&piece[piece.len() - separator..]);
    }
    out
}

/// `` `x` `` with the backticks findings use to quote text.
pub(crate) fn quote(s: &str) -> String {
    format!("`{s}`")
}

/// "use `A`" / "use `A` or `B`" for messages, or nothing.
pub(crate) fn use_clause(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = suggestions.iter().map(|s| quote(s)).collect();
    format!("; use {}", quoted.join(" or "))
}

/// `docs/checks.md`: every rule with its metadata, generated so the docs
/// cannot drift from the code (a test compares them).
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# Checks\n\n\
         <!-- Generated from the rules' metadata by `termalign rules --format markdown`; \
         a test fails when this file drifts. -->\n\n\
         Every rule is one generic check driven by glossary data. Severities are the \
         defaults; `--rule RULE=SEVERITY` or the config file's `rules:` change them \
         (`off` disables a rule). An occurrence gets at most one of `forbidden-term`, \
         `deprecated-term`, `case-mismatch`, `diacritic-mismatch`: the first that applies, \
         in that order.\n\n\
         | rule | severity | scope | fires when |\n|---|---|---|---|\n",
    );
    for check in CHECKS {
        let m = check.meta();
        let scope = if m.bilingual {
            "align"
        } else {
            "check, align (target side)"
        };
        out.push_str(&format!(
            "| [`{}`](#{}) | {} | {} | {} |\n",
            m.name(),
            m.name(),
            m.severity,
            scope,
            m.summary
        ));
    }
    for check in CHECKS {
        let m = check.meta();
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n**Default severity:** {}.\n\n**Why:** {}\n\n**Example:** {}\n\n**How to fix:** {}\n",
            m.name(),
            m.summary,
            m.severity,
            m.why,
            m.example,
            m.fix
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::carry_plural;

    #[test]
    fn suggestions_keep_the_number_of_what_was_found() {
        let cases = [
            (
                "Consulate-General",
                "Consulates-General",
                "consulate general",
                "consulates general",
            ),
            ("spokesman", "spokesmen", "spokesperson", "spokespersons"),
            (
                "foreign ministry spokesman",
                "foreign ministry spokesmen",
                "foreign ministry spokesperson",
                "foreign ministry spokespersons",
            ),
            ("Macau", "Macau", "Macao", "Macao"),
            ("North Korea", "North Korea", "DPRK", "DPRK"),
            (
                "China-Europe freight train",
                "China-Europe freight trains",
                "China-Europe Railway Express",
                "China-Europe Railway Express",
            ),
            ("policy", "policies", "strategy", "strategies"),
        ];
        for (term, written, replacement, want) in cases {
            assert_eq!(carry_plural(term, written, replacement), want, "{written}");
        }
    }
}
