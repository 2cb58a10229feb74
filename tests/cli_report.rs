//! `termalign report` on the fixture corpus of tests/fixtures/report: a
//! snapshot of every format and grouping, and the JSON deserialized and
//! checked against counts worked out by hand:
//!
//! | file               | terms (glossary spelling × count)                                  |
//! | ------------------ | ------------------------------------------------------------------ |
//! | macao-briefing.txt | Macao 3, Macau 1 (admitted variant: inconsistent), European External Action Service 1 (across a line break), EEAS 1 |
//! | travel-notes.txt   | Macau 1                                                            |
//! | urumqi-notes.txt   | Urumqi 2, Ürümqi 2 (tie: the preferred Urumqi dominates), Taiwan 1, Formosa 1 (forbidden) |
//! | xizang-report.txt  | Xizang Autonomous Region 2, Xizang 1, Tibet Autonomous Region 1, Tibet 1, foreign ministry spokesman 1, Macao 2 |
//!
//! 21 occurrences, 17 approved; chongqing and inner-mongolia are unused,
//! and accord-de-paris (French terms only) cannot occur in English copy.

mod common;

use common::run;
use termalign::report::coverage_json::JsonCoverageReport;

const GLOSSARY: &str = "tests/fixtures/report/glossary.yaml";
const CORPUS: &str = "tests/fixtures/report/corpus";

fn report(extra: &[&str]) -> (String, String, i32) {
    let mut args = vec!["report", "--no-default-glossaries", "--glossary", GLOSSARY];
    args.extend_from_slice(extra);
    args.push(CORPUS);
    run(&args)
}

/// Stdout, stderr and exit code, with the version (in HTML) made stable.
fn snapshot(extra: &[&str]) -> String {
    let (stdout, stderr, code) = report(extra);
    format!("exit: {code}\n--- stderr\n{stderr}--- stdout\n{stdout}")
        .replace(env!("CARGO_PKG_VERSION"), "[VERSION]")
}

#[test]
fn table_by_concept() {
    insta::assert_snapshot!(snapshot(&["--format", "table"]));
}

#[test]
fn table_by_file() {
    insta::assert_snapshot!(snapshot(&["--format", "table", "--by", "file"]));
}

#[test]
fn table_by_glossary() {
    insta::assert_snapshot!(snapshot(&["--format", "table", "--by", "glossary"]));
}

#[test]
fn line() {
    insta::assert_snapshot!(snapshot(&["--format", "line"]));
}

#[test]
fn json() {
    insta::assert_snapshot!(snapshot(&["--format", "json"]));
}

#[test]
fn html() {
    insta::assert_snapshot!(snapshot(&["--format", "html"]));
}

#[test]
fn line_is_the_default_off_a_terminal() {
    assert_eq!(report(&[]).0, report(&["--format", "line"]).0);
}

fn json_report() -> JsonCoverageReport {
    let (stdout, stderr, code) = report(&["--format", "json"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    serde_json::from_str(&stdout).expect("report JSON deserializes")
}

#[test]
fn json_counts_every_term_of_every_concept() {
    let doc = json_report();
    assert_eq!(doc.version, 1);
    assert_eq!(doc.language.as_deref(), Some("en"));
    let concept = |id: &str| {
        doc.concepts
            .iter()
            .find(|c| c.concept == id)
            .unwrap_or_else(|| panic!("concept {id} reported"))
    };
    let counts = |id: &str| -> Vec<(String, usize, String)> {
        concept(id)
            .occurrences
            .iter()
            .map(|(term, o)| (term.clone(), o.count, o.status.clone()))
            .collect()
    };
    let own = |v: &[(&str, usize, &str)]| -> Vec<(String, usize, String)> {
        v.iter()
            .map(|(t, n, s)| (t.to_string(), *n, s.to_string()))
            .collect()
    };
    assert_eq!(
        counts("macao"),
        own(&[("Macao", 5, "preferred"), ("Macau", 2, "admitted")])
    );
    assert_eq!(concept("macao").files, 3);
    assert_eq!(concept("macao").occurrences["Macao"].files, 2);
    assert_eq!(
        counts("xizang"),
        own(&[
            ("Tibet", 1, "deprecated"),
            ("Tibet Autonomous Region", 1, "deprecated"),
            ("Xizang", 1, "preferred"),
            ("Xizang Autonomous Region", 2, "preferred"),
        ])
    );
    assert_eq!(
        counts("urumqi"),
        own(&[("Urumqi", 2, "preferred"), ("Ürümqi", 2, "admitted")])
    );
    assert_eq!(
        counts("taiwan"),
        own(&[("Formosa", 1, "forbidden"), ("Taiwan", 1, "preferred")])
    );
    assert_eq!(
        counts("eeas"),
        own(&[
            ("EEAS", 1, "preferred"),
            ("European External Action Service", 1, "preferred"),
        ])
    );
    assert_eq!(
        counts("spokesperson"),
        own(&[("foreign ministry spokesman", 1, "deprecated")])
    );
    let ids: Vec<&str> = doc.concepts.iter().map(|c| c.concept.as_str()).collect();
    assert_eq!(
        ids,
        [
            "eeas",
            "macao",
            "spokesperson",
            "taiwan",
            "urumqi",
            "xizang"
        ]
    );
    assert!(doc.concepts.iter().all(|c| c.glossary == "report-fixture"));
    assert_eq!(
        doc.unused,
        ["report-fixture/chongqing", "report-fixture/inner-mongolia"]
    );
}

#[test]
fn json_conformance_overall_and_per_file() {
    let doc = json_report();
    assert_eq!((doc.occurrences, doc.approved), (21, 17));
    assert_eq!(doc.conformance, Some(17.0 / 21.0));
    let files: Vec<(&str, usize, usize, usize)> = doc
        .documents
        .iter()
        .map(|d| {
            (
                d.path.rsplit('/').next().unwrap(),
                d.occurrences,
                d.approved,
                d.findings,
            )
        })
        .collect();
    assert_eq!(
        files,
        [
            ("macao-briefing.txt", 6, 6, 1),
            ("travel-notes.txt", 1, 1, 0),
            ("urumqi-notes.txt", 6, 5, 3),
            ("xizang-report.txt", 8, 5, 3),
        ]
    );
    assert_eq!(doc.documents[3].conformance, Some(5.0 / 8.0));
    let g = &doc.glossaries[0];
    assert_eq!(
        (g.glossary.as_str(), g.concepts, g.used, g.occurrences),
        ("report-fixture", 8, 6, 21)
    );
    assert_eq!(
        (doc.summary.files, doc.summary.findings, doc.summary.errors),
        (4, 7, 1)
    );
}

#[test]
fn json_inconsistencies_per_document_and_corpus_wide() {
    let doc = json_report();
    type Row<'a> = (&'a str, &'a str, Vec<(&'a str, usize)>);
    let per_doc: Vec<Row> = doc
        .inconsistencies
        .iter()
        .map(|i| {
            (
                i.path.as_deref().unwrap().rsplit('/').next().unwrap(),
                i.concept.as_str(),
                i.terms.iter().map(|t| (t.term.as_str(), t.count)).collect(),
            )
        })
        .collect();
    assert_eq!(
        per_doc,
        [
            (
                "macao-briefing.txt",
                "macao",
                vec![("Macao", 3), ("Macau", 1)]
            ),
            // A tie: the preferred term is the dominant one.
            (
                "urumqi-notes.txt",
                "urumqi",
                vec![("Urumqi", 2), ("Ürümqi", 2)]
            ),
        ]
    );
    let macao = &doc.corpus_inconsistencies[0];
    assert_eq!(macao.concept, "macao");
    assert!(macao.path.is_none());
    let terms: Vec<(&str, usize, usize)> = macao
        .terms
        .iter()
        .map(|t| (t.term.as_str(), t.count, t.files))
        .collect();
    assert_eq!(terms, [("Macao", 5, 2), ("Macau", 2, 2)]);
    assert_eq!((macao.files, macao.inconsistent_files), (3, 1));
}

#[test]
fn json_has_the_fields_spec_section_5_names() {
    let (stdout, _, _) = report(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    for key in [
        "version",
        "concepts",
        "unused",
        "inconsistencies",
        "conformance",
    ] {
        assert!(v.get(key).is_some(), "missing top-level `{key}`");
    }
    let c = &v["concepts"][0];
    for key in ["glossary", "concept", "occurrences", "files"] {
        assert!(c.get(key).is_some(), "missing concept field `{key}`");
    }
    let o = &c["occurrences"]["EEAS"];
    assert!(o["count"].is_u64() && o["status"].is_string());
}

#[test]
fn min_conformance_fails_the_run_below_the_threshold() {
    let (stdout, stderr, code) = report(&["--format", "line", "--min-conformance", "0.9"]);
    assert_eq!(code, 1);
    assert!(stdout.ends_with("conformance: 81.0% (17/21)\n"));
    assert_eq!(
        stderr,
        "termalign: error: conformance 81.0% is below --min-conformance 90.0%\n"
    );
    let (_, stderr, code) = report(&["--format", "line", "--min-conformance", "0.8"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
}

#[test]
fn findings_fail_a_report_only_when_asked() {
    assert_eq!(report(&["--format", "line"]).2, 0);
    assert_eq!(report(&["--format", "line", "--fail-on", "error"]).2, 1);
}

#[test]
fn formats_for_findings_only_are_usage_errors() {
    for format in ["sarif", "github"] {
        let (stdout, stderr, code) = report(&["--format", format]);
        assert_eq!(code, 2, "{format}");
        assert_eq!(stdout, "");
        assert!(stderr.contains("use `termalign check`"), "{stderr}");
    }
    let (stdout, stderr, code) = report(&["--min-conformance", "95"]);
    assert_eq!((code, stdout.as_str()), (2, ""));
    assert!(stderr.contains("between 0 and 1"));
}

#[test]
fn a_corpus_without_glossary_terms_has_no_conformance() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain.txt");
    std::fs::write(&file, "Nothing to see here.\n").unwrap();
    let (stdout, _, code) = run(&[
        "report",
        "--no-default-glossaries",
        "--glossary",
        GLOSSARY,
        "--format",
        "json",
        "--min-conformance",
        "1",
        file.to_str().unwrap(),
    ]);
    // Nothing measured is nothing wrong: the gate passes.
    assert_eq!(code, 0);
    let doc: JsonCoverageReport = serde_json::from_str(&stdout).unwrap();
    assert_eq!((doc.occurrences, doc.conformance), (0, None));
    assert!(doc.concepts.is_empty());
    assert_eq!(doc.unused.len(), 8);
}
