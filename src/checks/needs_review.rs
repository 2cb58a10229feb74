//! `needs-review` (align): a translated pair its file marks as awaiting
//! review — XLIFF 1.2 `needs-review-translation` and the other `needs-*`
//! states, PO `#, fuzzy` (a translation gettext guessed from a similar
//! string). Info: the translation is there and is checked, but it is not
//! final and may still carry old terms.

use super::{Check, CheckContext, Draft, PairScan, RuleId, RuleMeta};
use crate::finding::Severity;
use crate::input::PairState;

pub struct NeedsReview;

static META: RuleMeta = RuleMeta {
    id: RuleId::NeedsReview,
    severity: Severity::Info,
    summary: "A translated segment is marked as awaiting review (XLIFF `needs-review-*`, PO `fuzzy`).",
    why: "A translation awaiting review is a draft: it is checked like any other, and the mark says a person still has to look at it.",
    example: "A PO entry flagged `#, fuzzy`, or `<target state=\"needs-review-translation\">`.",
    fix: "Review the translation and clear the mark (set the state to `translated` or `final`, remove `fuzzy`).",
    bilingual: true,
};

impl Check for NeedsReview {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_pair(&self, pair: &PairScan, _cx: &CheckContext, out: &mut Vec<Draft>) {
        let (Some(_), PairState::NeedsReview(state)) = (pair.target, pair.state) else {
            return;
        };
        let message = format!(
            "segment {} is marked `{state}`: its translation awaits review",
            pair.id
        );
        let mut draft = Draft::new(&META, pair.source_span, message);
        draft.on_source = true;
        out.push(draft);
    }
}
