//! `misspelled-term`: a word sequence one edit away from a glossary term.

use super::{quote, Check, CheckContext, DocumentScan, Draft, RuleId, RuleMeta};
use crate::finding::Severity;
use crate::span::Span;

pub struct MisspelledTerm;

static META: RuleMeta = RuleMeta {
    id: RuleId::MisspelledTerm,
    severity: Severity::Warning,
    summary: "A word sequence that is not a glossary term but is one edit (Damerau–Levenshtein, on folded text) from a term of at least 5 characters with the same number of words.",
    why: "Misspelt names (`Shenzen`, `Inner Mongolia Autonomus Region`) slip past spell checkers that do not know them. To stay quiet on correct text, one-word terms under seven characters accept only a transposition or a vowel that breaks a consonant cluster (`Urumuqi`; `Hunan`/`Human`, `Dalian`/`Damian` are different words), a capitalised term is not matched by a lower-case word, words of the language's reference vocabulary are never misspellings (`Foreign Ministers`, `Darién`), a capitalised word after a title or a given name is someone's name (`Mr. Patrick Manning`, not `Nanning`), a lower-case term's derivations and adjectival hyphens are English (`multilateralist`, `double-standard`), a mis-decoded apostrophe is no letter (`Nationsâ€™`), and a phrase does not run across a comma or full stop.",
    example: "Glossary: `Shenzhen`; text: `factories in Shenzen` fires, suggesting `Shenzhen`.",
    fix: "Correct the spelling to the suggested term. If the word is a different, correctly spelt name, add it to a glossary or silence it with a `termalign: ignore misspelled-term` comment.",
    bilingual: false,
};

impl Check for MisspelledTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_document(&self, doc: &DocumentScan, cx: &CheckContext, out: &mut Vec<Draft>) {
        let flagged: Vec<Span> = doc
            .occurrences
            .iter()
            .filter(|o| o.flagged)
            .map(|o| o.occurrence.span)
            .collect();
        for segment in &doc.segments {
            for near in cx.fuzzy.near_misses(segment.text, &segment.normalized) {
                if flagged.iter().any(|f| f.overlaps(near.span)) {
                    continue;
                }
                let term = cx.set.term(near.term);
                let suggestion = match term.status {
                    s if s.is_approved() => term.text.clone(),
                    _ => cx
                        .preferred_like(near.term)
                        .map(|p| cx.set.term(p).text.clone())
                        .unwrap_or_else(|| term.text.clone()),
                };
                let concept = cx.set.concept(term.concept);
                let mut draft = Draft::new(
                    &META,
                    near.span,
                    format!(
                        "{} looks like a misspelling of {} ({})",
                        quote(&near.text),
                        quote(&term.text),
                        concept.key
                    ),
                );
                draft.concept = Some(term.concept);
                draft.pair = segment.pair.clone();
                draft.suggestions = vec![suggestion];
                draft.note = cx.note(near.term);
                out.push(draft);
            }
        }
    }
}
