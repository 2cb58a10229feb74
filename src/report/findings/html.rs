//! `check --format html` (and `align`'s): the page with the findings first,
//! each with its line of context and the term in a `<mark>`, then (with
//! `--report-suppressed`) the silenced ones, then the coverage sections
//! ([`coverage::html`]). The findings sections are also the end of
//! `report`'s page.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::emit::Emit;
use crate::finding::Finding;
use crate::report::coverage::{self, Grouping};
use crate::report::html::{escape, message, page};
use crate::report::{plural, Report};

/// `check`'s page; `show_suppressed` lists the silenced findings too.
pub struct HtmlEmitter {
    pub show_suppressed: bool,
}

impl Emit<Report> for HtmlEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let page = page("termalign check", report, |out| {
            sections(out, report, self.show_suppressed);
            // `check` has no --by: its coverage is grouped the default way.
            coverage::html::sections(out, &report.coverage, Grouping::default());
        });
        out.write_all(page.as_bytes())
    }
}

/// The findings sections of a page: every finding by file, then the
/// silenced ones when `show_suppressed`.
pub(crate) fn sections(out: &mut String, report: &Report, show_suppressed: bool) {
    findings(out, report);
    if show_suppressed {
        suppressed(out, report);
    }
}

fn finding(out: &mut String, n: usize, f: &Finding) {
    let severity = f.severity.as_str();
    let l = &f.location;
    let _ = write!(
        out,
        "<li class=\"finding {severity}\" id=\"f{n}\" data-rule=\"{}\"><div class=\"head\"><span class=\"badge {severity}\">{severity}</span><code class=\"rule\">{}</code><a class=\"loc\" href=\"#f{n}\" title=\"{}:{}:{}\">line {}, column {}</a>",
        escape(f.rule.name()),
        escape(f.rule.name()),
        escape(&l.path.display().to_string()),
        l.line,
        l.column,
        l.line,
        l.column
    );
    if let Some(segment) = &f.segment {
        let _ = write!(
            out,
            "<span class=\"muted\">segment {}</span>",
            escape(segment)
        );
    }
    let _ = write!(out, "</div><p class=\"msg\">{}</p>", message(&f.message));
    if let Some(x) = &f.context {
        let (before, found, after) = x.parts();
        let _ = write!(
            out,
            "<pre class=\"context\" lang=\"{}\"><span class=\"ln\">{}</span>{}<mark>{}</mark>{}</pre>",
            escape(&f.language),
            x.line,
            escape(before),
            escape(found),
            escape(after)
        );
    }
    if let Some(r) = &f.replacement {
        let _ = write!(
            out,
            "<p class=\"fix\">Fix: <b>{}</b> <span class=\"muted\">(applied by <code>check --fix</code>)</span></p>",
            escape(r)
        );
    } else if !f.suggestions.is_empty() {
        let s: Vec<String> = f
            .suggestions
            .iter()
            .map(|s| format!("<b>{}</b>", escape(s)))
            .collect();
        let _ = write!(out, "<p class=\"fix\">Use: {}</p>", s.join(" or "));
    }
    if let Some(note) = &f.note {
        let _ = write!(out, "<p class=\"note muted\">{}</p>", escape(note));
    }
    out.push_str("</li>\n");
}

fn findings(out: &mut String, report: &Report) {
    let _ = writeln!(
        out,
        "<section id=\"findings\"><h2>Findings <span class=\"muted\">({})</span></h2>",
        report.findings.len()
    );
    if report.findings.is_empty() {
        out.push_str("<p class=\"muted\">No findings.</p>\n");
    }
    let mut n = 0;
    for group in report
        .findings
        .chunk_by(|a, b| a.location.path == b.location.path)
    {
        let _ = write!(
            out,
            "<h3><code>{}</code> <span class=\"muted\">{}</span></h3>\n<ol class=\"findings\">\n",
            escape(&group[0].location.path.display().to_string()),
            plural(group.len(), "finding", "findings")
        );
        for f in group {
            n += 1;
            finding(out, n, f);
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

/// `--report-suppressed`: the silenced findings, folded away under the
/// findings that count, each with the directive that silenced it.
fn suppressed(out: &mut String, report: &Report) {
    if report.suppressed.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"suppressed\"><details><summary><h2>Suppressed <span class=\"muted\">({})</span></h2></summary>\n<ol class=\"findings\">",
        report.suppressed.len()
    );
    for (i, f) in report.suppressed.iter().enumerate() {
        let mut item = String::new();
        finding(&mut item, report.findings.len() + i + 1, f);
        if let Some(s) = &f.suppressed {
            let what = if s.file_wide { "ignore-file" } else { "ignore" };
            let reason = s
                .reason
                .as_ref()
                .map(|r| format!(": {}", escape(r)))
                .unwrap_or_default();
            let by = format!(
                "<p class=\"note muted\">Silenced by <code>termalign: {what}</code> on line {}{reason}</p></li>",
                s.line
            );
            item = item.replacen("</li>", &by, 1);
        }
        out.push_str(&item);
    }
    out.push_str("</ol></details></section>\n");
}
