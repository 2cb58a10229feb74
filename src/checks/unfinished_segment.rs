//! `unfinished-segment` (align): a pair with no translation, or one marked as
//! not final (PO `#, fuzzy`). Reported so that a missing target never passes
//! silently as "no findings".

use super::{Check, CheckContext, Draft, PairScan, RuleId, RuleMeta};
use crate::finding::Severity;

pub struct UnfinishedSegment;

static META: RuleMeta = RuleMeta {
    id: RuleId::UnfinishedSegment,
    severity: Severity::Warning,
    summary: "A source segment has no target, or its translation is marked fuzzy (not final).",
    why: "Terminology cannot be checked in a translation that is not there; a fuzzy translation is a draft that may still carry old terms.",
    example: "A PO entry flagged `#, fuzzy`, or an XLIFF `<trans-unit>` without `<target>`.",
    fix: "Translate the segment, or review it and clear the fuzzy flag.",
    bilingual: true,
};

impl Check for UnfinishedSegment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_pair(&self, pair: &PairScan, _cx: &CheckContext, out: &mut Vec<Draft>) {
        let message = match (pair.target.is_none(), pair.fuzzy) {
            (true, _) => format!("segment {} has no translation", pair.id),
            (false, true) => format!(
                "segment {} is marked fuzzy: its translation is not final",
                pair.id
            ),
            (false, false) => return,
        };
        let mut draft = Draft::new(&META, pair.source_span, message);
        draft.on_source = true;
        out.push(draft);
    }
}
