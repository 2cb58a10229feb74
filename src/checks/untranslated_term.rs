//! `untranslated-term` (align): a source-language term appears unchanged in
//! the target segment.

use super::{quote, use_clause, Check, CheckContext, Draft, PairScan, RuleId, RuleMeta};
use crate::finding::Severity;
use crate::glossary::TermType;

pub struct UntranslatedTerm;

static META: RuleMeta = RuleMeta {
    id: RuleId::UntranslatedTerm,
    severity: Severity::Warning,
    summary: "A source-language glossary term appears unchanged in the target segment.",
    why: "A term copied over untranslated (`外交部` left in English copy, `Bundestag` in French where the glossary has a translation) is usually a missed translation.",
    example: "Glossary: concept eeas with zh `欧盟对外行动署` and en `European External Action Service`; pair `欧盟对外行动署` -> `the 欧盟对外行动署 said` fires on the target `欧盟对外行动署`.",
    fix: "Translate the term with the suggested target term.",
    bilingual: true,
};

impl Check for UntranslatedTerm {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_pair(&self, pair: &PairScan, cx: &CheckContext, out: &mut Vec<Draft>) {
        for occ in pair.source_terms_in_target {
            let term = cx.set.term(occ.term);
            // A term spelt the same in both languages (`EU`, `Xinjiang` in a
            // de->en glossary) is a valid target term, not an untranslated one.
            let also_target_term = cx
                .set
                .terms_for(term.concept, pair.target_language)
                .into_iter()
                .any(|t| {
                    crate::text::fold_str(&cx.set.term(t).text, crate::text::Fold::ALL)
                        == crate::text::fold_str(&occ.text, crate::text::Fold::ALL)
                });
            if also_target_term {
                continue;
            }
            let suggestions: Vec<String> = cx
                .preferred(term.concept, term.term_type)
                .or_else(|| cx.preferred(term.concept, TermType::FullForm))
                .map(|p| vec![cx.set.term(p).text.clone()])
                .unwrap_or_default();
            let mut draft = Draft::new(
                &META,
                occ.span,
                format!(
                    "{} is left untranslated ({}){}",
                    quote(&occ.text),
                    cx.set.concept(term.concept).key,
                    use_clause(&suggestions)
                ),
            );
            draft.concept = Some(term.concept);
            draft.suggestions = suggestions;
            draft.note = cx.note(occ.term);
            out.push(draft);
        }
    }
}
