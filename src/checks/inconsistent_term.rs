//! `inconsistent-term`: one document names a concept with two or more
//! competing approved terms (full forms or variants).

use std::collections::BTreeMap;

use super::{quote, Check, CheckContext, DocumentScan, Draft, RuleId, RuleMeta};
use crate::finding::Severity;
use crate::glossary::{ConceptId, GlossarySet, Status, TermId};

pub struct InconsistentTerm;

static META: RuleMeta = RuleMeta {
    id: RuleId::InconsistentTerm,
    severity: Severity::Warning,
    summary: "A document uses two or more distinct preferred/admitted full forms or variants of one concept; reported at each occurrence of the less frequent ones.",
    why: "Readers take two names for two things. Short forms and abbreviations may accompany a full form; competing full forms may not.",
    example: "Glossary: `Urumqi` (preferred) and `{term: Ürümqi, status: admitted, type: variant}`; a text using `Urumqi` twice and `Ürümqi` once fires on `Ürümqi`, suggesting `Urumqi`.",
    fix: "Use the dominant term throughout the document.",
    bilingual: false,
};

/// How one concept is named in a document: each competing term and its count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inconsistency {
    pub concept: ConceptId,
    /// Competing terms, the dominant first, with their counts.
    pub terms: Vec<(TermId, usize)>,
}

/// Concepts of `doc` named by two or more competing approved terms.
pub fn inconsistencies(
    set: &GlossarySet,
    terms: impl Iterator<Item = TermId>,
) -> Vec<Inconsistency> {
    // concept -> term -> (count, first position)
    let mut uses: BTreeMap<ConceptId, BTreeMap<TermId, (usize, usize)>> = BTreeMap::new();
    for (position, term_id) in terms.enumerate() {
        let term = set.term(term_id);
        if term.status.is_approved() && term.term_type.competes() {
            let entry = uses
                .entry(term.concept)
                .or_default()
                .entry(term_id)
                .or_insert((0, position));
            entry.0 += 1;
        }
    }
    let mut out = Vec::new();
    for (concept, by_term) in uses {
        if by_term.len() < 2 {
            continue;
        }
        let mut terms: Vec<(TermId, (usize, usize))> = by_term.into_iter().collect();
        // Most frequent first; ties go to the preferred term, then to the one
        // the document used first.
        terms.sort_by_key(|&(t, (count, first))| {
            (
                std::cmp::Reverse(count),
                set.term(t).status != Status::Preferred,
                first,
            )
        });
        out.push(Inconsistency {
            concept,
            terms: terms
                .into_iter()
                .map(|(t, (count, _))| (t, count))
                .collect(),
        });
    }
    out
}

impl Check for InconsistentTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_document(&self, doc: &DocumentScan, cx: &CheckContext, out: &mut Vec<Draft>) {
        let found = inconsistencies(cx.set, doc.occurrences.iter().map(|o| o.occurrence.term));
        for inconsistency in found {
            let (dominant, dominant_count) = inconsistency.terms[0];
            let dominant_text = &cx.set.term(dominant).text;
            for scanned in &doc.occurrences {
                let occ = &scanned.occurrence;
                let Some(&(_, count)) = inconsistency.terms[1..]
                    .iter()
                    .find(|(t, _)| *t == occ.term)
                else {
                    continue;
                };
                let concept = cx.set.concept(inconsistency.concept);
                let mut draft = Draft::new(
                    &META,
                    occ.span,
                    format!(
                        "{} ({count}×) and {} ({dominant_count}×) both name {} in this document; use {}",
                        quote(&occ.text),
                        quote(dominant_text),
                        concept.key,
                        quote(dominant_text)
                    ),
                );
                draft.concept = Some(inconsistency.concept);
                draft.pair = scanned.pair.clone();
                draft.suggestions = vec![dominant_text.clone()];
                draft.note = cx.note(occ.term);
                out.push(draft);
            }
        }
    }
}
