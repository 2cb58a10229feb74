//! Bilingual pairs: the source terms of every pair, the per-pair rules,
//! and each target finding related to the source occurrence of its concept.
//! Every pair is addressed by its position ([`PairRef::index`]), never by
//! the order its target happened to be scanned in.

use rustc_hash::FxHashSet;

use super::{Engine, LanguageIndex};
use crate::checks::{CheckContext, DocumentScan, Draft, PairRef, PairScan};
use crate::input::{Bilingual, PairState};
use crate::matcher::Occurrence;
use crate::span::Span;

/// What the pair rules need beyond the pairs: the scan of the targets, the
/// pairs' references, and the languages.
pub(super) struct Pairs<'a> {
    pub bilingual: &'a Bilingual,
    pub refs: &'a [PairRef],
    pub doc: &'a DocumentScan<'a>,
    pub source_index: &'a LanguageIndex,
    pub target_language: &'a str,
}

impl Engine {
    /// Runs the pair rules over every pair and relates every target
    /// finding (of the scan and of the pair rules) to the source occurrence
    /// of its concept.
    pub(super) fn check_pairs(
        &self,
        pairs: &Pairs<'_>,
        cx: &CheckContext,
        drafts: &mut Vec<Draft>,
    ) {
        let Pairs {
            bilingual,
            refs,
            doc,
            source_index,
            target_language,
        } = *pairs;
        // Source-language terms of every pair, matched once, by pair index.
        let source_terms: Vec<Vec<Occurrence>> = bilingual
            .pairs
            .iter()
            .map(|p| source_index.matcher.find(&self.set, &p.source))
            .collect();
        // The scanned target of each pair, by pair index.
        let mut scanned_of: Vec<Option<usize>> = vec![None; bilingual.pairs.len()];
        for (k, segment) in doc.segments.iter().enumerate() {
            if let Some(pair) = &segment.pair {
                scanned_of[pair.index] = Some(k);
            }
        }
        // A target finding relates to the source occurrence of its concept.
        let relate = |d: &mut Draft| {
            let Some(pair) = &d.pair else {
                return;
            };
            if !d.on_source {
                d.related = source_terms[pair.index]
                    .iter()
                    .find(|o| Some(self.set.term(o.term).concept) == d.concept)
                    .map(|o| o.span);
            }
        };
        drafts.iter_mut().for_each(relate);
        for ((pair, reference), source) in bilingual.pairs.iter().zip(refs).zip(&source_terms) {
            // An empty target is no translation: unfinished, not a
            // missing term.
            let has_target = pair
                .target
                .as_ref()
                .is_some_and(|t| !t.text.trim().is_empty());
            let scanned = scanned_of[reference.index]
                .map(|k| &doc.segments[k])
                .filter(|_| has_target);
            // A source of nothing but placeholders, blanks and punctuation
            // (`%@`, `{0}`, a `,` delimiter) has nothing to translate: no
            // target is no omission.
            if !has_target && !pair.source.text.chars().any(char::is_alphanumeric) {
                continue;
            }
            let unfinished = !has_target || pair.state != PairState::Final;
            if source.is_empty() && !unfinished {
                continue;
            }
            // Source terms left in the target: the target was normalized once
            // for the scan, and that text serves this search too.
            let in_target: Vec<Occurrence> =
                match (pair.target.as_ref().filter(|_| has_target), scanned) {
                    (Some(t), Some(scanned)) => {
                        source_index
                            .matcher
                            .find_normalized(&self.set, t, &scanned.normalized)
                    }
                    (Some(t), None) => source_index.matcher.find(&self.set, t),
                    (None, _) => Vec::new(),
                };
            let target_terms: Option<Vec<Occurrence>> = scanned.map(|s| {
                doc.occurrences[s.occurrences.clone()]
                    .iter()
                    .map(|o| o.occurrence.clone())
                    .collect()
            });
            let scan = PairScan {
                id: &reference.id,
                source,
                target: target_terms.as_deref(),
                source_terms_in_target: &in_target,
                target_language,
                source_span: pair
                    .source
                    .map
                    .map_span(Span::new(0, pair.source.text.len())),
                target_span: pair
                    .target
                    .as_ref()
                    .map(|t| t.map.map_span(Span::new(0, t.text.len()))),
                state: &pair.state,
            };
            let before = drafts.len();
            for check in &self.active {
                check.check_pair(&scan, cx, drafts);
            }
            for d in &mut drafts[before..] {
                d.pair = Some(reference.clone());
                relate(d);
            }
        }
    }
}

/// Every pair's reference: its position, and its segment id made unique (a
/// file may repeat one, as units of two `<file>`s of an XLIFF do): a
/// repeated id gets `@N`, N its 1-based pair number.
pub(super) fn pair_refs(bilingual: &Bilingual) -> Vec<PairRef> {
    let mut seen = FxHashSet::default();
    seen.reserve(bilingual.pairs.len());
    bilingual
        .pairs
        .iter()
        .enumerate()
        .map(|(index, p)| {
            let id = if seen.insert(p.id.as_str()) {
                p.id.clone()
            } else {
                format!("{}@{}", p.id, index + 1)
            };
            PairRef { id, index }
        })
        .collect()
}
