//! `case-mismatch`: a term the glossary writes with capitals, found only
//! case-insensitively (and not in all capitals, which headlines may use).

use super::{spelling_draft, Check, CheckContext, Draft, RuleId, RuleMeta};
use crate::finding::Severity;
use crate::matcher::{FoldLevel, Occurrence};

pub struct CaseMismatch;

static META: RuleMeta = RuleMeta {
    id: RuleId::CaseMismatch,
    severity: Severity::Warning,
    summary: "A term written with capitals in the glossary occurs with other capitalisation (all upper case excepted).",
    why: "Proper names and official titles have one capitalisation; `european external action service` or `Xizang autonomous region` reads as an error.",
    example: "Glossary: `European External Action Service`; text: `the european external action service` fires, suggesting the glossary spelling.",
    fix: "Write the term as the glossary does.",
    bilingual: false,
};

impl Check for CaseMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_occurrence(&self, occ: &Occurrence, cx: &CheckContext) -> Option<Draft> {
        if occ.fold != FoldLevel::Case || !occ.written.chars().any(char::is_uppercase) {
            return None;
        }
        let letters = occ.text.chars().filter(|c| c.is_alphabetic());
        let mut any_lower = false;
        for c in letters {
            any_lower |= !c.is_uppercase();
        }
        if !any_lower {
            return None;
        }
        Some(spelling_draft(&META, occ, cx))
    }
}
