//! Every rule against its fixture directory `tests/fixtures/checks/RULE/`:
//! `input.*` is checked with the fixture glossary, and the findings
//! (`line:col rule found`) must be exactly those in `expected.txt`. Each
//! input also holds text that must not fire.

mod common;

use common::{fixture, rel, run};
use serde_json::Value;

fn findings(input: &str) -> Vec<String> {
    let glossary = rel(&fixture("checks/glossary.yaml"));
    let (stdout, stderr, code) = run(&[
        "check",
        "--no-default-glossaries",
        "--glossary",
        &glossary,
        "--format",
        "json",
        input,
    ]);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    let json: Value = serde_json::from_str(&stdout).expect("json output");
    let raw = std::fs::read(common::root().join(input)).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let (start, end) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                std::str::from_utf8(&raw[start..end]).unwrap(),
                f["found"].as_str().unwrap(),
                "start..end are the found bytes"
            );
            format!(
                "{}:{} {} {}",
                f["line"],
                f["column"],
                f["rule"].as_str().unwrap(),
                f["found"].as_str().unwrap()
            )
        })
        .collect()
}

fn check_fixture(rule: &str) {
    let dir = fixture(&format!("checks/{rule}"));
    let input = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_stem().is_some_and(|s| s == "input"))
        .expect("an input file");
    let expected: Vec<String> = std::fs::read_to_string(dir.join("expected.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(findings(&rel(&input)), expected, "fixture {rule}");
}

#[test]
fn forbidden_term() {
    check_fixture("forbidden-term");
}

#[test]
fn deprecated_term() {
    check_fixture("deprecated-term");
}

#[test]
fn case_mismatch() {
    check_fixture("case-mismatch");
}

#[test]
fn diacritic_mismatch() {
    check_fixture("diacritic-mismatch");
}

#[test]
fn inconsistent_term() {
    check_fixture("inconsistent-term");
}

#[test]
fn misspelled_term() {
    check_fixture("misspelled-term");
}

#[test]
fn unused_suppression() {
    check_fixture("unused-suppression");
}

/// Every rule that `check` runs has its fixture directory (bilingual rules
/// are held to theirs in tests/cli_align.rs).
#[test]
fn every_monolingual_rule_has_a_fixture() {
    for check in termalign::checks::CHECKS {
        let meta = check.meta();
        if meta.bilingual {
            continue;
        }
        let dir = fixture(&format!("checks/{}", meta.name()));
        assert!(
            dir.join("expected.txt").is_file(),
            "{} has no tests/fixtures/checks/{}/expected.txt",
            meta.name(),
            meta.name()
        );
    }
}

#[test]
fn no_glossary_terms() {
    check_fixture("no-glossary-terms");
}
