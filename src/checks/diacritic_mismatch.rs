//! `diacritic-mismatch`: a term found only after folding diacritics, where no
//! term of the concept is written that way.

use super::{spelling_draft, Around, Check, CheckContext, Draft, RuleId, RuleMeta};
use crate::finding::Severity;
use crate::matcher::{FoldLevel, Occurrence};

pub struct DiacriticMismatch;

static META: RuleMeta = RuleMeta {
    id: RuleId::DiacriticMismatch,
    severity: Severity::Warning,
    summary: "An occurrence matches a term only after diacritics are folded, and no term of the concept has its exact form.",
    why: "Diacritics are part of the spelling: `charge d'affaires` for `chargé d'affaires`, `Urümqi` for `Ürümqi`.",
    example: "Glossary: `chargé d'affaires`; text: `the charge d'affaires said` fires, suggesting `chargé d'affaires`.",
    fix: "Write the term with the glossary's diacritics.",
    bilingual: false,
};

impl Check for DiacriticMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_occurrence(
        &self,
        occ: &Occurrence,
        _around: &Around,
        cx: &CheckContext,
    ) -> Option<Draft> {
        // The matcher assigns an occurrence to the term it matches with the
        // fewest folds, so `Diacritics` here means no term of the concept
        // (nor of any concept at this span) is written this way.
        if occ.fold != FoldLevel::Diacritics {
            return None;
        }
        Some(spelling_draft(&META, occ, cx))
    }
}
