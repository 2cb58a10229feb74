//! Snapshots of `check` in every output format on one fixture, with the exit
//! code. JSON is also deserialized and checked field by field.

mod common;

use common::{fixture, rel, run};

fn check(format: &str) -> (String, String, i32) {
    run(&[
        "check",
        "--no-default-glossaries",
        "--glossary",
        &rel(&fixture("checks/glossary.yaml")),
        "--format",
        format,
        &rel(&fixture("formats/briefing.txt")),
    ])
}

fn snapshot(format: &str) -> String {
    let (stdout, stderr, code) = check(format);
    format!("exit: {code}\n--- stderr\n{stderr}--- stdout\n{stdout}")
}

#[test]
fn table() {
    insta::assert_snapshot!(snapshot("table"));
}

#[test]
fn line() {
    insta::assert_snapshot!(snapshot("line"));
}

#[test]
fn github() {
    insta::assert_snapshot!(snapshot("github"));
}

#[test]
fn json() {
    insta::assert_snapshot!(snapshot("json"));
}

#[test]
fn json_follows_spec_section_5() {
    let (stdout, _, code) = check("json");
    assert_eq!(code, 1);
    let doc: termalign::report::json::JsonReport = serde_json::from_str(&stdout).unwrap();
    assert_eq!(doc.version, 1);
    let raw = std::fs::read(fixture("formats/briefing.txt")).unwrap();
    let mut last = (String::new(), 0);
    for f in &doc.findings {
        assert_eq!(&raw[f.start..f.end], f.found.as_bytes());
        assert!(
            (f.path.clone(), f.start) >= last,
            "sorted by path, then start"
        );
        last = (f.path.clone(), f.start);
        assert!(f.segment.is_none());
        assert_eq!(f.language, "en");
    }
    let forbidden = doc
        .findings
        .iter()
        .find(|f| f.rule == "forbidden-term")
        .unwrap();
    assert_eq!(
        (
            forbidden.line,
            forbidden.column,
            forbidden.severity.as_str()
        ),
        (5, 36, "error")
    );
    assert_eq!(forbidden.glossary.as_deref(), Some("fixture"));
    assert_eq!(forbidden.concept.as_deref(), Some("taiwan"));
    assert_eq!(forbidden.suggestions, ["Taiwan"]);
    let s = &doc.summary;
    assert_eq!((s.files, s.findings, s.errors), (1, doc.findings.len(), 1));
    assert_eq!(s.warnings, doc.findings.len() - 1);
}

#[test]
fn fail_on_sets_the_exit_code() {
    let glossary = rel(&fixture("checks/glossary.yaml"));
    let input = rel(&fixture("formats/briefing.txt"));
    let code = |level: &str| {
        run(&[
            "check",
            "--no-default-glossaries",
            "-g",
            &glossary,
            "--fail-on",
            level,
            &input,
        ])
        .2
    };
    assert_eq!(code("error"), 1);
    assert_eq!(code("never"), 0);
    let clean = rel(&fixture("checks/inconsistent-term/input.txt"));
    let (_, _, only_warnings) = run(&[
        "check",
        "--no-default-glossaries",
        "-g",
        &glossary,
        "--fail-on",
        "error",
        &clean,
    ]);
    assert_eq!(only_warnings, 0);
}

#[test]
fn rule_severity_can_be_changed_or_turned_off() {
    let glossary = rel(&fixture("checks/glossary.yaml"));
    let input = rel(&fixture("formats/briefing.txt"));
    let (stdout, _, _) = run(&[
        "check",
        "--no-default-glossaries",
        "-g",
        &glossary,
        "--format",
        "line",
        "--rule",
        "forbidden-term=off",
        "--rule",
        "deprecated-term=error",
        &input,
    ]);
    assert!(!stdout.contains("forbidden-term"));
    assert!(stdout.contains("error[deprecated-term]"));
}

#[test]
fn stdin_is_read_with_dash() {
    let out = common::termalign()
        .args(["check", "--format", "line", "-"])
        .write_stdin("Tourists in Macau.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "-:1:13: warning[deprecated-term] `Macau` is deprecated for china-places/macao; use `Macao`\n"
    );
}
