//! `unfinished-segment` (align): a pair with no translation — no target, an
//! empty one, or one its file marks as not translated yet (XLIFF `new`,
//! `needs-translation`, `initial`), and in two resource files paired by key,
//! a key on one side only. Reported once per segment, so that a
//! missing target never passes silently as "no findings", and never as a
//! `missing-target-term` error per term.

use super::{Check, CheckContext, Draft, PairScan, RuleId, RuleMeta};
use crate::finding::Severity;
use crate::input::PairState;

pub struct UnfinishedSegment;

static META: RuleMeta = RuleMeta {
    id: RuleId::UnfinishedSegment,
    severity: Severity::Warning,
    summary: "A source segment has no translation (no target, an empty one, or one marked as not translated yet), or a target segment has no source.",
    why: "Terminology cannot be checked in a translation that is not there, and a run that checked no translation must not read as clean.",
    example: "An XLIFF `<trans-unit>` without `<target>`, an empty PO `msgstr`, `<target state=\"needs-translation\">`, or a key of `en.json` missing from `fr.json` (`align --source en.json --target fr.json`).",
    fix: "Translate the segment (and set its state).",
    bilingual: true,
};

impl Check for UnfinishedSegment {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_pair(&self, pair: &PairScan, _cx: &CheckContext, out: &mut Vec<Draft>) {
        if let (PairState::NotInSource, Some(span)) = (pair.state, pair.target_span) {
            // Reported where it is: in the target file.
            out.push(Draft::new(
                &META,
                span,
                format!(
                    "segment {} is in the target but not in the source: nothing it translates",
                    pair.id
                ),
            ));
            return;
        }
        let message = match (pair.target.is_none(), pair.state) {
            (true, _) => format!("segment {} has no translation", pair.id),
            (false, PairState::Untranslated(state)) => format!(
                "segment {} is marked `{state}`: it is not translated yet",
                pair.id
            ),
            (false, _) => return,
        };
        let mut draft = Draft::new(&META, pair.source_span, message);
        draft.on_source = true;
        out.push(draft);
    }
}
