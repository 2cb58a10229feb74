//! `forbidden-term`: an occurrence of a forbidden term.

use super::{quote, use_clause, Around, Check, CheckContext, Draft, RuleId, RuleMeta};
use crate::finding::Severity;
use crate::glossary::{FixMode, Status};
use crate::matcher::Occurrence;

pub struct ForbiddenTerm;

static META: RuleMeta = RuleMeta {
    id: RuleId::ForbiddenTerm,
    severity: Severity::Error,
    summary: "An occurrence of a term the glossary marks `forbidden`.",
    why: "Forbidden terms must never appear in published copy: they are wrong, offensive or legally unacceptable in the house style.",
    example: "Glossary: `{term: Formosa, status: forbidden}` under concept taiwan; text: `visitors to Formosa` fires on `Formosa`.",
    fix: "Replace the term with the suggested preferred term of the same type; `check --fix` does it when the term has `fix: auto`.",
    bilingual: false,
};

impl Check for ForbiddenTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_occurrence(
        &self,
        occ: &Occurrence,
        _around: &Around,
        cx: &CheckContext,
    ) -> Option<Draft> {
        let term = cx.set.term(occ.term);
        if term.status != Status::Forbidden {
            return None;
        }
        Some(status_draft(&META, occ, cx, "forbidden"))
    }
}

/// The finding for a deprecated or forbidden term: suggest the preferred term
/// of the same type, and offer it to `--fix` when the term allows.
pub(super) fn status_draft(
    meta: &'static RuleMeta,
    occ: &Occurrence,
    cx: &CheckContext,
    status: &str,
) -> Draft {
    let term = cx.set.term(occ.term);
    let concept = cx.set.concept(term.concept);
    let suggestions = cx.replacements(occ);
    // A homonym whose other reading is approved: say so, since the text
    // may mean that one.
    let approved_readings: Vec<String> = occ
        .also
        .iter()
        .map(|&t| cx.set.term(t))
        .filter(|t| t.status.is_approved())
        .map(|t| format!("{} for {}", t.status, cx.set.concept(t.concept).key))
        .collect();
    let other_readings = if approved_readings.is_empty() {
        String::new()
    } else {
        format!(
            " (but {}: check which is meant)",
            approved_readings.join(" and ")
        )
    };
    let mut draft = Draft::new(
        meta,
        occ.span,
        format!(
            "{} is {status} for {}{}{other_readings}",
            quote(&occ.text),
            concept.key,
            use_clause(&suggestions)
        ),
    );
    draft.concept = Some(term.concept);
    draft.note = cx.note(occ.term);
    if term.fix == FixMode::Auto && occ.also.is_empty() {
        draft.replacement = suggestions.first().map(|s| match_capitals(&occ.text, s));
    }
    draft.suggestions = suggestions;
    draft
}

/// The replacement written the way the occurrence was: all capitals stay all
/// capitals (a headline), anything else takes the glossary spelling.
fn match_capitals(found: &str, replacement: &str) -> String {
    let letters: Vec<char> = found.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        replacement.to_uppercase()
    } else {
        replacement.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::match_capitals;

    #[test]
    fn replacement_keeps_headline_capitals() {
        assert_eq!(match_capitals("MACAU", "Macao"), "MACAO");
        assert_eq!(match_capitals("Macau", "Macao"), "Macao");
        assert_eq!(match_capitals("macau", "Macao"), "Macao");
    }
}
