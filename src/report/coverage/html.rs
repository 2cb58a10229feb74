//! `report --format html`: the page with the coverage first (conformance by
//! file, the coverage tables grouped as `--by` says, inconsistencies), then
//! the findings. The coverage sections are also the end of `check`'s page
//! ([`findings::html`]).

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{
    percent, ConceptCoverage, ConceptInconsistency, ConceptRef, Coverage, Grouping, TermCount,
};
use crate::emit::Emit;
use crate::report::findings;
use crate::report::html::{escape, page, HtmlTable};
use crate::report::{plural, Report};

/// `report`'s page, its coverage tables grouped `by` concept, file or
/// glossary.
pub struct CoverageHtmlEmitter {
    pub by: Grouping,
}

impl Emit<Report> for CoverageHtmlEmitter {
    fn emit(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        // `report` has no --report-suppressed: its page lists only the
        // findings that count.
        let page = page("termalign report", report, |out| {
            sections(out, &report.coverage, self.by);
            findings::html::sections(out, report, false);
        });
        out.write_all(page.as_bytes())
    }
}

/// The coverage sections of a page: conformance by file, coverage grouped
/// `by`, inconsistencies.
pub(crate) fn sections(out: &mut String, coverage: &Coverage, by: Grouping) {
    conformance(out, coverage);
    grouped(out, coverage, by);
    inconsistencies(out, coverage);
}

fn terms_list(terms: &[TermCount]) -> String {
    let mut out = String::from("<ul class=\"terms\">");
    for t in terms {
        let _ = write!(
            out,
            "<li><span class=\"term {s}\">{}</span> ×{} <span class=\"status {s}\">{s}</span></li>",
            escape(&t.text),
            t.count,
            s = t.status.as_str()
        );
    }
    out.push_str("</ul>");
    out
}

/// `Macao 212 / Macau 14`.
fn competing(terms: &[TermCount]) -> String {
    terms
        .iter()
        .map(|t| {
            format!(
                "<span class=\"term {}\">{}</span> {}",
                t.status.as_str(),
                escape(&t.text),
                t.count
            )
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

fn concept_table(out: &mut String, concepts: &[&ConceptCoverage], files: bool) {
    let mut labels = vec![("concept", false), ("domain", false), ("terms used", false)];
    if files {
        labels.push(("files", true));
    }
    let mut table = HtmlTable::new(&labels);
    for c in concepts {
        let mut row = vec![
            format!("<code>{}</code>", escape(&c.concept.key)),
            escape(c.concept.domain.as_deref().unwrap_or("")),
            terms_list(&c.terms),
        ];
        if files {
            row.push(c.files.to_string());
        }
        table.push(row);
    }
    table.render(out, "concepts");
}

fn unused_concepts(out: &mut String, unused: &[&ConceptRef]) {
    if unused.is_empty() {
        out.push_str("<p class=\"muted\">Every concept that could occur was used.</p>\n");
        return;
    }
    let _ = write!(
        out,
        "<details class=\"unused\"><summary>{} never used</summary>",
        plural(unused.len(), "concept", "concepts")
    );
    // By glossary: with the built-in glossaries there are hundreds.
    for group in unused.chunk_by(|a, b| a.glossary == b.glossary) {
        let ids: Vec<String> = group
            .iter()
            .map(|c| format!("<code>{}</code>", escape(&c.id)))
            .collect();
        let _ = write!(
            out,
            "<p><b>{}</b> ({}): {}</p>",
            escape(&group[0].glossary),
            group.len(),
            ids.join(", ")
        );
    }
    out.push_str("</details>\n");
}

fn conformance(out: &mut String, coverage: &Coverage) {
    out.push_str("<section id=\"conformance\"><h2>Conformance by file</h2>\n");
    let mut table = HtmlTable::new(&[
        ("file", false),
        ("occurrences", true),
        ("approved", true),
        ("conformance", true),
        ("findings", true),
    ]);
    for f in &coverage.files {
        table.push(vec![
            format!("<code>{}</code>", escape(&f.path.display().to_string())),
            f.tally.occurrences.to_string(),
            f.tally.approved.to_string(),
            percent(f.tally.conformance()),
            f.findings.to_string(),
        ]);
    }
    table.render(out, "conformance");
    out.push_str("</section>\n");
}

/// The coverage tables, grouped `by` concept, file or glossary.
fn grouped(out: &mut String, coverage: &Coverage, by: Grouping) {
    out.push_str("<section id=\"coverage\"><h2>Coverage</h2>\n");
    match by {
        Grouping::Concept => {
            let concepts: Vec<&ConceptCoverage> = coverage.concepts.iter().collect();
            if !concepts.is_empty() {
                concept_table(out, &concepts, true);
            }
            unused_concepts(out, &coverage.unused.iter().collect::<Vec<_>>());
        }
        Grouping::File => {
            for f in &coverage.files {
                let _ = writeln!(
                    out,
                    "<h3><code>{}</code> <span class=\"muted\">{} of {} approved ({})</span></h3>",
                    escape(&f.path.display().to_string()),
                    f.tally.approved,
                    f.tally.occurrences,
                    percent(f.tally.conformance())
                );
                if f.concepts.is_empty() {
                    out.push_str("<p class=\"muted\">No glossary term occurs.</p>\n");
                } else {
                    concept_table(out, &f.concepts.iter().collect::<Vec<_>>(), false);
                }
            }
            unused_concepts(out, &coverage.unused.iter().collect::<Vec<_>>());
        }
        Grouping::Glossary => {
            for g in &coverage.glossaries {
                let title = g
                    .title
                    .as_ref()
                    .map(|t| format!(" <span class=\"muted\">{}</span>", escape(t)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "<h3><code>{}</code>{title}</h3><p>{} of {} concepts used; {} of {} occurrences approved ({})</p>",
                    escape(&g.id),
                    g.used,
                    g.concepts,
                    g.tally.approved,
                    g.tally.occurrences,
                    percent(g.tally.conformance())
                );
                let concepts: Vec<&ConceptCoverage> =
                    coverage.concepts_of_glossary(&g.id).collect();
                if !concepts.is_empty() {
                    concept_table(out, &concepts, true);
                }
                let unused: Vec<&ConceptRef> = coverage
                    .unused
                    .iter()
                    .filter(|c| c.glossary == g.id)
                    .collect();
                unused_concepts(out, &unused);
            }
        }
    }
    out.push_str("</section>\n");
}

fn inconsistencies(out: &mut String, coverage: &Coverage) {
    out.push_str("<section id=\"inconsistencies\"><h2>Inconsistencies</h2>\n");
    out.push_str("<h3>Within a document</h3>\n");
    let per_file: Vec<(String, &ConceptInconsistency)> = coverage
        .files
        .iter()
        .flat_map(|f| {
            let path = f.path.display().to_string();
            f.inconsistencies.iter().map(move |i| (path.clone(), i))
        })
        .collect();
    if per_file.is_empty() {
        out.push_str("<p class=\"muted\">No document names a concept with competing terms.</p>\n");
    } else {
        let mut table = HtmlTable::new(&[
            ("file", false),
            ("concept", false),
            ("competing terms", false),
        ]);
        for (path, i) in per_file {
            table.push(vec![
                format!("<code>{}</code>", escape(&path)),
                format!("<code>{}</code>", escape(&i.concept.key)),
                competing(&i.terms),
            ]);
        }
        table.render(out, "inconsistent-documents");
    }
    out.push_str("<h3>Across the corpus</h3>\n");
    if coverage.inconsistencies.is_empty() {
        out.push_str("<p class=\"muted\">The corpus names each concept with one term.</p>\n");
    } else {
        let mut table = HtmlTable::new(&[
            ("concept", false),
            ("competing terms", false),
            ("inconsistent files", true),
        ]);
        for i in &coverage.inconsistencies {
            table.push(vec![
                format!("<code>{}</code>", escape(&i.concept.key)),
                format!(
                    "{} across {}",
                    competing(&i.terms),
                    plural(i.files, "file", "files")
                ),
                i.inconsistent_files.to_string(),
            ]);
        }
        table.render(out, "inconsistent-corpus");
    }
    out.push_str("</section>\n");
}
