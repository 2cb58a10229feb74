//! `deprecated-term`: an occurrence of a deprecated term.

use super::forbidden_term::status_draft;
use super::{Around, Check, CheckContext, Draft, RuleId, RuleMeta};
use crate::finding::Severity;
use crate::glossary::Status;
use crate::matcher::Occurrence;

pub struct DeprecatedTerm;

static META: RuleMeta = RuleMeta {
    id: RuleId::DeprecatedTerm,
    severity: Severity::Warning,
    summary: "An occurrence of a term the glossary marks `deprecated`.",
    why: "Deprecated terms are old or non-standard names (Peking, Macau, Tibet in the house style) that the style guide replaces.",
    example: "Glossary: `{term: Macau, status: deprecated}` under concept macao; text: `casinos in Macau` fires on `Macau`, suggesting `Macao`.",
    fix: "Use the suggested preferred term of the same type; `check --fix` rewrites terms with `fix: auto`.",
    bilingual: false,
};

impl Check for DeprecatedTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_occurrence(
        &self,
        occ: &Occurrence,
        _around: &Around,
        cx: &CheckContext,
    ) -> Option<Draft> {
        (cx.set.term(occ.term).status == Status::Deprecated)
            .then(|| status_draft(&META, occ, cx, "deprecated"))
    }
}
