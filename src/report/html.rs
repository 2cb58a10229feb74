//! The HTML page both HTML emitters print (`check`'s,
//! [`findings::html`](super::findings::html), and `report`'s,
//! [`coverage::html`](super::coverage::html)): one self-contained page
//! (inline CSS, no scripts, no external assets) that can be mailed, attached
//! to a CI run or opened on a phone. This module owns the page around the
//! sections: head, style, the summary cards, the footer, and the pieces the
//! sections share (escaping, messages, stacking tables).
//!
//! Everything that comes from input or glossaries is escaped for the place
//! it goes ([`escape`]: text and attribute values alike). Text in backticks
//! in messages is shown as code. Tables stack into cards on narrow screens
//! (`data-label` on each cell), and colours follow the reader's light or dark
//! preference.

use std::fmt::Write as _;

use super::coverage::{percent, Tally};
use super::{plural, summary_line, Report, Summary};

/// Escapes text for HTML text and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A message with its `quoted` parts as `<code>`, everything escaped.
pub(crate) fn message(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    // An odd number of backticks leaves the last one literal.
    let paired = parts.len() % 2 == 1;
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 && (paired || i + 1 < parts.len()) {
            let _ = write!(out, "<code>{}</code>", escape(part));
        } else {
            if i % 2 == 1 {
                out.push('`');
            }
            out.push_str(&escape(part));
        }
    }
    out
}

const STYLE: &str = r#"
:root{--fg:#1d1d1f;--muted:#5f6368;--bg:#fff;--card:#f4f5f7;--line:#d9dce1;--err:#b3261e;--warn:#8a5300;--info:#1a5fb4;--ok:#1e7d32;--adm:#006a75;--mark:#ffe27a}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8ea;--muted:#a3a7ae;--bg:#15171b;--card:#20232a;--line:#363a44;--err:#ff8a80;--warn:#ffc966;--info:#8ab4f8;--ok:#81c995;--adm:#6fd3dd;--mark:#715d00}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:980px;margin:0 auto;padding:12px 16px 32px}
h1{font-size:1.4rem;margin:.5rem 0 .25rem}
h2{font-size:1.2rem;margin:1.75rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1rem;margin:1.25rem 0 .5rem;overflow-wrap:anywhere}
p{margin:.4rem 0}
.muted{color:var(--muted)}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.failed{border:2px solid #c62828;background:#fdecea;color:#8e0000;border-radius:8px;padding:4px 12px;margin:.75rem 0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:8px;margin:.75rem 0}
.card{background:var(--card);border-radius:8px;padding:8px 12px}
.card b{display:block;font-size:1.35rem;line-height:1.3}
.card span{color:var(--muted);font-size:.875rem}
meter{width:100%;height:.6rem}
table{border-collapse:collapse;width:100%;margin:.25rem 0 .75rem}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
th{font-size:.875rem;color:var(--muted);font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
ul.terms{list-style:none;margin:0;padding:0}
.preferred{color:var(--ok)}.admitted{color:var(--adm)}.deprecated{color:var(--warn)}.forbidden{color:var(--err)}
.status{font-size:.8rem}
details{margin:.5rem 0}
summary{cursor:pointer}
ol.findings{list-style:none;margin:0;padding:0}
li.finding{background:var(--card);border-left:4px solid var(--warn);border-radius:6px;padding:8px 12px;margin:8px 0}
li.finding.error{border-left-color:var(--err)}
li.finding.info{border-left-color:var(--info)}
.head{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;font-size:.9rem}
.badge{font-weight:700;text-transform:uppercase;font-size:.75rem;letter-spacing:.04em}
.badge.error{color:var(--err)}.badge.warning{color:var(--warn)}.badge.info{color:var(--info)}
a{color:inherit}
.loc{color:var(--muted);text-decoration:none}
pre.context{margin:.4rem 0;padding:6px 8px;background:var(--bg);border-radius:4px;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.ln{color:var(--muted);user-select:none;margin-right:.75em}
mark{background:var(--mark);color:inherit;border-radius:2px;padding:0 1px}
.fix b{font-weight:600}
footer{margin-top:2rem;color:var(--muted);font-size:.8rem}
@media (max-width:640px){
main{padding:8px 12px 24px}
table.stack thead{display:none}
table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
table.stack tr{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:4px 10px}
table.stack td{display:flex;gap:10px;border:0;padding:3px 0;text-align:left}
table.stack td::before{content:attr(data-label);flex:0 0 34%;color:var(--muted);font-size:.85rem}
table.stack td>*{flex:1}
}
"#;

/// Rows of a stacking table: header labels, then cells as HTML.
pub(crate) struct HtmlTable {
    labels: Vec<(&'static str, bool)>,
    rows: Vec<Vec<String>>,
}

impl HtmlTable {
    /// `labels`: the column names, and whether the column is numeric.
    pub(crate) fn new(labels: &[(&'static str, bool)]) -> HtmlTable {
        HtmlTable {
            labels: labels.to_vec(),
            rows: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Each cell's content is wrapped in one `<div>`, so that a stacked cell
    /// (a flex row of label and content) has exactly one content item.
    pub(crate) fn render(&self, out: &mut String, class: &str) {
        let _ = write!(out, "<table class=\"stack {class}\"><thead><tr>");
        for (label, num) in &self.labels {
            let cls = if *num { " class=\"num\"" } else { "" };
            let _ = write!(out, "<th{cls}>{}</th>", escape(label));
        }
        out.push_str("</tr></thead><tbody>\n");
        for row in &self.rows {
            out.push_str("<tr>");
            for ((label, num), cell) in self.labels.iter().zip(row) {
                let cls = if *num { " class=\"num\"" } else { "" };
                let _ = write!(
                    out,
                    "<td data-label=\"{}\"{cls}><div>{cell}</div></td>",
                    escape(label)
                );
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>\n");
    }
}

pub(crate) fn meter(t: &Tally) -> String {
    match t.conformance() {
        Some(c) => format!(
            "<meter min=\"0\" max=\"1\" low=\"0.8\" high=\"0.95\" optimum=\"1\" value=\"{c:.4}\" title=\"{}\"></meter>",
            percent(Some(c))
        ),
        None => String::new(),
    }
}

/// `1 error, 6 warnings` (infos only when there are some).
fn summary_counts(s: &Summary) -> String {
    let mut parts = vec![
        plural(s.errors, "error", "errors"),
        plural(s.warnings, "warning", "warnings"),
    ];
    if s.infos > 0 {
        parts.push(plural(s.infos, "info", "infos"));
    }
    parts.join(", ")
}

/// The failure banner, if any, then the cards: files, findings, and the
/// coverage's occurrences, conformance and concepts used.
fn summary(out: &mut String, report: &Report) {
    let s = report.summary();
    if !report.failures.is_empty() {
        // A failed run must not read as a clean one: the banner comes
        // before every count.
        let _ = write!(
            out,
            "<section id=\"failed\" class=\"failed\" role=\"alert\"><h2>FAILED: {} could not be checked</h2><ul>",
            escape(&plural(report.failures.len(), "input", "inputs"))
        );
        for failure in &report.failures {
            let _ = write!(out, "<li><code>{}</code></li>", escape(&failure.line()));
        }
        out.push_str("</ul></section>");
    }
    out.push_str("<section id=\"summary\"><div class=\"cards\">");
    let _ = write!(
        out,
        "<div class=\"card\"><b>{}</b><span>{}</span></div>",
        s.files,
        if s.files == 1 { "file" } else { "files" }
    );
    let _ = write!(
        out,
        "<div class=\"card\"><b class=\"findings-count\">{}</b><span>{}</span></div>",
        s.findings,
        escape(&format!(
            "{} ({})",
            if s.findings == 1 {
                "finding"
            } else {
                "findings"
            },
            summary_counts(&s)
        ))
    );
    let c = &report.coverage;
    let _ = write!(
        out,
        "<div class=\"card\"><b>{}</b><span>glossary term occurrences</span></div>",
        c.tally.occurrences
    );
    let _ = write!(
        out,
        "<div class=\"card\"><b>{}</b><span>conformance ({} of {} approved)</span>{}</div>",
        percent(c.tally.conformance()),
        c.tally.approved,
        c.tally.occurrences,
        meter(&c.tally)
    );
    let _ = write!(
        out,
        "<div class=\"card\"><b>{} / {}</b><span>concepts used</span></div>",
        c.concepts.len(),
        c.concepts.len() + c.unused.len()
    );
    out.push_str("</div></section>\n");
}

/// The whole page titled `title`: head, summary, the `sections` in the
/// order the emitter writes them, footer.
pub(crate) fn page(title: &str, report: &Report, sections: impl FnOnce(&mut String)) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"termalign {version}\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<header><h1>{title}</h1><p class=\"muted\">{}</p></header>\n",
        escape(&summary_line(&report.summary())),
        version = env!("CARGO_PKG_VERSION"),
    );
    summary(&mut out, report);
    sections(&mut out);
    let _ = write!(
        out,
        "<footer>Generated by termalign {}.</footer>\n</main>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION")
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            escape(r#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn backticks_become_code() {
        assert_eq!(
            message("`Macau` is <deprecated>; use `Macao`"),
            "<code>Macau</code> is &lt;deprecated&gt;; use <code>Macao</code>"
        );
        assert_eq!(message("a ` b"), "a ` b");
        assert_eq!(message("`x` and ` y"), "<code>x</code> and ` y");
    }
}
