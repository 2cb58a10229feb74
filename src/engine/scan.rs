//! Scanning a document: matching every segment once, running the
//! per-occurrence rules in order (the first that applies wins) and then the
//! document rules, and collecting the term uses coverage counts.

use super::{Engine, LanguageIndex, TermUse};
use crate::checks::{
    CheckContext, DocumentScan, Draft, PairRef, ScannedOccurrence, ScannedSegment,
};
use crate::finding::Locator;
use crate::input::SourceFile;
use crate::text::{normalize, Fold, MappedText};

impl Engine {
    /// Matches every segment and runs the per-occurrence rules.
    pub(super) fn scan<'a>(
        &self,
        index: &LanguageIndex,
        cx: &CheckContext,
        segments: impl Iterator<Item = (Option<PairRef>, &'a MappedText)>,
        drafts: &mut Vec<Draft>,
    ) -> DocumentScan<'a> {
        let mut doc = DocumentScan::default();
        for (pair, text) in segments {
            let normalized = normalize(&text.text, Fold::ALL);
            let first = doc.occurrences.len();
            for occurrence in index.matcher.find_normalized(&self.set, text, &normalized) {
                let mut flagged = false;
                for check in &self.active {
                    let around = crate::checks::Around {
                        text: &text.text,
                        span: occurrence.at,
                    };
                    if let Some(mut draft) = check.check_occurrence(&occurrence, &around, cx) {
                        draft.pair = pair.clone();
                        drafts.push(draft);
                        flagged = true;
                        break;
                    }
                }
                doc.occurrences.push(ScannedOccurrence {
                    occurrence,
                    pair: pair.clone(),
                    flagged,
                });
            }
            doc.segments.push(ScannedSegment {
                pair,
                text,
                normalized,
                occurrences: first..doc.occurrences.len(),
            });
        }
        doc
    }

    pub(super) fn document_checks(
        &self,
        doc: &DocumentScan,
        cx: &CheckContext,
        drafts: &mut Vec<Draft>,
    ) {
        for check in &self.active {
            check.check_document(doc, cx, drafts);
        }
    }
}

/// Every term occurrence of a scanned document, located, for coverage.
pub(super) fn term_uses(file: &SourceFile, doc: &DocumentScan) -> Vec<TermUse> {
    // Occurrences come in text order: one locator walks each line once.
    let mut locator = Locator::new(file);
    doc.occurrences
        .iter()
        .map(|o| TermUse {
            term: o.occurrence.term,
            location: locator.locate(o.occurrence.span),
            segment: o.pair.as_ref().map(|p| p.id.clone()),
        })
        .collect()
}

/// The `no-glossary-terms` draft of a file whose `languages` have no term
/// in any loaded glossary: on the file's first line.
pub(super) fn nothing_checked(file: &SourceFile, languages: &[&str]) -> Draft {
    let first_line = file.lines.line_span(&file.text, 0);
    let quoted: Vec<String> = languages.iter().map(|l| format!("`{l}`")).collect();
    Draft::new(
        crate::checks::meta(crate::rule::RuleId::NoGlossaryTerms),
        first_line,
        format!(
            "no loaded glossary has terms in {}: nothing in this file was checked",
            quoted.join(" or ")
        ),
    )
}
