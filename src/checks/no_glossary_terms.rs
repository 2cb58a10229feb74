//! `no-glossary-terms`: a file's language has no term in any loaded
//! glossary, so nothing in it could be checked. Without it, a French file
//! checked against English-only glossaries (or a file whose language was
//! guessed wrong) passes clean: a green run that checked nothing.
//!
//! Whether a language has terms is known when the engine builds the
//! language's index, so the engine's scan step emits it from this metadata,
//! once per file, on the file's first line.

use super::{Check, RuleId, RuleMeta};
use crate::finding::Severity;

pub struct NoGlossaryTerms;

static META: RuleMeta = RuleMeta {
    id: RuleId::NoGlossaryTerms,
    severity: Severity::Warning,
    summary: "No loaded glossary has a term in the file's language: nothing in it was checked.",
    why: "A run that checked nothing must not pass as clean. The language may be wrong (a file declaring another, a mistyped `--lang`), or the glossaries may lack it.",
    example: "`check --lang de notes.txt` with glossaries in en, zh and fr only.",
    fix: "Give the right language (`--lang`, the file's own declaration, `languages:` in termalign.yaml), or load a glossary with terms in it.",
    bilingual: false,
};

impl Check for NoGlossaryTerms {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
