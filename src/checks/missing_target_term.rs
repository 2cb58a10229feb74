//! `missing-target-term` (align): a concept found in a source segment has no
//! term of that concept in its target segment.

use super::{quote, use_clause, Check, CheckContext, Draft, PairScan, RuleId, RuleMeta};
use crate::finding::Severity;

pub struct MissingTargetTerm;

static META: RuleMeta = RuleMeta {
    id: RuleId::MissingTargetTerm,
    severity: Severity::Error,
    summary: "A concept found in a source segment has no term of that concept in the target segment.",
    why: "Key terms must come out as their approved translation: a source `西藏` whose target says neither `Xizang` nor any other term of the concept was translated some other way, or dropped.",
    example: "Glossary: concept xizang with zh `西藏` and en `Xizang`; pair `西藏经济` -> `Tibet's economy` fires at `西藏` (and `deprecated-term` at `Tibet`, which is a term of the concept, so here only when Tibet is not in the glossary).",
    fix: "Translate the source term with one of the expected target terms.",
    bilingual: true,
};

impl Check for MissingTargetTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_pair(&self, pair: &PairScan, cx: &CheckContext, out: &mut Vec<Draft>) {
        // A pair with no target at all is `unfinished-segment`'s to report:
        // one finding for the segment, not one per term in it.
        let Some(target) = pair.target else {
            return;
        };
        let mut reported = Vec::new();
        let concepts = |occ: &crate::matcher::Occurrence| {
            std::iter::once(occ.term)
                .chain(occ.also.iter().copied())
                .map(|t| cx.set.term(t).concept)
                .collect::<Vec<_>>()
        };
        for occ in pair.source {
            let concept = cx.set.term(occ.term).concept;
            if reported.contains(&concept) {
                continue;
            }
            // A homonym in the source is translated when the target has a
            // term of any of the concepts it may name.
            let readings = concepts(occ);
            let names_one =
                |t: &crate::matcher::Occurrence| concepts(t).iter().any(|c| readings.contains(c));
            let in_target = target.iter().any(names_one);
            let untranslated = pair.source_terms_in_target.iter().any(names_one);
            if in_target || untranslated {
                continue;
            }
            reported.push(concept);
            let term_type = cx.set.term(occ.term).term_type;
            let expected: Vec<String> = cx
                .set
                .terms_for(concept, pair.target_language)
                .into_iter()
                .map(|t| cx.set.term(t))
                .filter(|t| t.status.is_approved())
                .map(|t| t.text.clone())
                .collect();
            let concept_ref = cx.set.concept(concept);
            let mut expected_sorted = expected.clone();
            // The preferred term of the source term's type first.
            if let Some(p) = cx.preferred(concept, term_type) {
                let p = cx.set.term(p).text.clone();
                expected_sorted.retain(|t| *t != p);
                expected_sorted.insert(0, p);
            }
            // A homonym's other readings translate it too.
            for &other in &readings[1..] {
                for t in cx.set.terms_for(other, pair.target_language) {
                    let t = cx.set.term(t);
                    if t.status.is_approved() && !expected_sorted.contains(&t.text) {
                        expected_sorted.push(t.text.clone());
                    }
                }
            }
            let message = if expected_sorted.is_empty() {
                format!(
                    "{} ({}) has no {} term in the glossary, and none was found in the target",
                    quote(&occ.text),
                    concept_ref.key,
                    pair.target_language
                )
            } else {
                format!(
                    "{} ({}) is not translated with a glossary term in the target{}",
                    quote(&occ.text),
                    concept_ref.key,
                    use_clause(&expected_sorted)
                )
            };
            let mut draft = Draft::new(&META, occ.span, message);
            draft.concept = Some(concept);
            draft.suggestions = expected_sorted;
            draft.on_source = true;
            draft.note = cx.note(occ.term);
            out.push(draft);
        }
    }
}
