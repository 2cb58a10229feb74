//! `unused-suppression`: a `termalign: ignore` (or `ignore-file`, or `off`)
//! directive that silenced no finding, like ruff's RUF100. A stale
//! directive hides the next real finding on its line; reporting it keeps
//! the silencing honest.
//!
//! The rule has no scope of its own to look at: which directives silenced
//! something is known only once findings are located and matched against
//! them, so the engine's locating step (`Engine::locate`) emits it from this
//! metadata.

use super::{Check, RuleId, RuleMeta};
use crate::finding::Severity;

pub struct UnusedSuppression;

static META: RuleMeta = RuleMeta {
    id: RuleId::UnusedSuppression,
    severity: Severity::Info,
    summary: "A `termalign: ignore`, `ignore-file` or `off` directive silenced no finding.",
    why: "A directive left behind after the text was fixed, or one whose target is misspelt, silences nothing today and hides the next real finding it covers.",
    example: "`# termalign: ignore macao` above a line that no longer says `Macau`.",
    fix: "Remove the directive, or correct its targets (a rule name, `GLOSSARY/CONCEPT`, a concept id or `all`).",
    bilingual: false,
};

impl Check for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }
}
