//! The findings half of `report/`: one emitter per format `check` and
//! `align` print their findings in. Each emitter that can list the findings
//! `termalign: ignore` silenced takes `show_suppressed`
//! (`--report-suppressed`) as its own option; the report always carries them.

pub mod github;
pub mod html;
pub mod json;
pub mod line;
pub mod sarif;
pub mod table;
