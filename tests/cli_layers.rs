//! Layered glossaries (SPEC §1): several glossaries in a stated priority —
//! command-line order, then the configuration's order, then the built-in
//! ones — where a term two glossaries claim belongs to the first, with a
//! note naming both; and homonyms within one glossary, where an occurrence
//! reports every reading that disagrees.

mod common;

use common::{fixture, rel, run};

fn layer(name: &str) -> String {
    rel(&fixture(&format!("layers/{name}")))
}

/// `check` of the manual with the glossaries in this order.
fn check_manual(glossaries: &[&str]) -> (String, String, i32) {
    let mut args = vec!["check", "--no-default-glossaries", "--lang", "en"];
    let paths: Vec<String> = glossaries.iter().map(|g| layer(g)).collect();
    for p in &paths {
        args.extend(["--glossary", p.as_str()]);
    }
    let manual = layer("manual.txt");
    args.push(&manual);
    run(&args)
}

#[test]
fn a_shared_term_belongs_to_the_glossary_named_first() {
    // The client's `mouse` is its product: no finding, and a note.
    let (stdout, stderr, code) = check_manual(&["client.yaml", "house.yaml"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(!stdout.contains("`mouse`"), "{stdout}");
    assert!(
        stdout.contains("`Macau` is deprecated for house/macao"),
        "the lower-priority glossary's other terms still count: {stdout}"
    );
    let note = "termalign: note: `mouse` of `house/pointing-device` (tests/fixtures/layers/house.yaml:8) is also a term of `client/mouse` (tests/fixtures/layers/client.yaml:7), whose glossary has priority: it is matched as `client/mouse` only";
    assert!(stderr.lines().any(|l| l == note), "{stderr}");

    // The other way round, the house style rules.
    let (stdout, stderr, code) = check_manual(&["house.yaml", "client.yaml"]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(
            "manual.txt:1:10: warning[deprecated-term] `mouse` is deprecated for house/pointing-device; use `pointing device`"
        ),
        "{stdout}"
    );
    assert!(
        stderr.contains("`mouse` of `client/mouse` (tests/fixtures/layers/client.yaml:7) is also a term of `house/pointing-device`"),
        "{stderr}"
    );
}

#[test]
fn quiet_runs_leave_the_note_out() {
    let (_, stderr, _) = run(&[
        "check",
        "--quiet",
        "--no-default-glossaries",
        "--lang",
        "en",
        "--glossary",
        &layer("client.yaml"),
        "--glossary",
        &layer("house.yaml"),
        &layer("manual.txt"),
    ]);
    assert!(!stderr.contains("note"), "{stderr}");
}

#[test]
fn the_command_line_outranks_the_configuration_which_keeps_its_order() {
    let dir = tempfile::tempdir().unwrap();
    let copy = |name: &str| {
        std::fs::copy(fixture(&format!("layers/{name}")), dir.path().join(name)).unwrap();
    };
    for name in ["client.yaml", "house.yaml", "manual.txt"] {
        copy(name);
    }
    let config = dir.path().join("termalign.yaml");
    let in_dir = |args: &[&str]| {
        common::outcome(
            common::termalign()
                .current_dir(dir.path())
                .args(args)
                .output()
                .unwrap(),
        )
    };

    // The configuration's order: house first.
    std::fs::write(&config, "lang: en\nglossaries: [house.yaml, client.yaml]\n").unwrap();
    let (stdout, _, _) = in_dir(&["check", "manual.txt"]);
    assert!(stdout.contains("`mouse` is deprecated"), "{stdout}");

    // Named on the command line, the client's glossary comes first (and,
    // named in the configuration too, is loaded once).
    let (stdout, stderr, code) = in_dir(&["check", "--glossary", "client.yaml", "manual.txt"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(!stdout.contains("`mouse`"), "{stdout}");
    assert!(stdout.contains("`Macau`"), "{stdout}");

    // The configuration's order the other way round.
    std::fs::write(&config, "lang: en\nglossaries: [client.yaml, house.yaml]\n").unwrap();
    let (stdout, _, _) = in_dir(&["check", "manual.txt"]);
    assert!(!stdout.contains("`mouse`"), "{stdout}");
}

#[test]
fn user_glossaries_outrank_the_built_in_ones() {
    // The built-in glossaries deprecate `Macau`; a glossary that prefers it
    // wins.
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("macau.yaml");
    std::fs::write(
        &glossary,
        "glossary: casino-guide\nconcepts:\n  - id: macau\n    terms:\n      en: [Macau]\n",
    )
    .unwrap();
    let text = dir.path().join("guide.txt");
    std::fs::write(&text, "The casinos of Macau.\n").unwrap();
    let (stdout, stderr, code) = run(&[
        "check",
        "--lang",
        "en",
        "--glossary",
        glossary.to_str().unwrap(),
        text.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains("`Macau` of `china-places/macao` (<built-in>/china-places.yaml:"),
        "{stderr}"
    );
    let (stdout, _, code) = run(&["check", "--lang", "en", text.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.contains("`Macau` is deprecated"), "{stdout}");
}

#[test]
fn a_homonym_reports_the_reading_that_disagrees() {
    let (stdout, stderr, code) = run(&[
        "check",
        "--no-default-glossaries",
        "--lang",
        "en",
        "--glossary",
        &layer("places.yaml"),
        &layer("burma.txt"),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout.trim_end(),
        "tests/fixtures/layers/burma.txt:1:1: warning[deprecated-term] `Burma` is deprecated for places/myanmar; use `Myanmar` (but preferred for places/british-burma: check which is meant)"
    );
    assert!(stderr.is_empty(), "homonyms are no error: {stderr}");

    // Ambiguous, so never rewritten.
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("places.yaml");
    std::fs::write(
        &glossary,
        std::fs::read_to_string(fixture("layers/places.yaml"))
            .unwrap()
            .replace(
                "{term: Burma, status: deprecated}",
                "{term: Burma, status: deprecated, fix: auto}",
            ),
    )
    .unwrap();
    let text = dir.path().join("burma.txt");
    std::fs::write(&text, "Burma and Myanmar.\n").unwrap();
    let (stdout, stderr, _) = run(&[
        "check",
        "--fix",
        "--no-default-glossaries",
        "--lang",
        "en",
        "--glossary",
        glossary.to_str().unwrap(),
        text.to_str().unwrap(),
    ]);
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "Burma and Myanmar.\n",
        "{stdout}{stderr}"
    );
}

#[test]
fn a_homonym_in_the_source_is_translated_by_any_of_its_readings() {
    let (stdout, stderr, code) = run(&[
        "align",
        "--no-default-glossaries",
        "--glossary",
        &layer("places.yaml"),
        "--source-lang",
        "zh",
        "--target-lang",
        "en",
        &layer("history.tsv"),
    ]);
    assert_eq!(code, 1, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            // `Burma` translates 缅甸 as British Burma: no missing term,
            // but the target's own ambiguity is told.
            "tests/fixtures/layers/history.tsv:1:22: warning[deprecated-term] `Burma` is deprecated for places/myanmar; use `Myanmar` (but preferred for places/british-burma: check which is meant) (segment 1)",
            "tests/fixtures/layers/history.tsv:2:1: error[missing-target-term] `缅甸` (places/myanmar) is not translated with a glossary term in the target; use `Myanmar` or `Burma` (segment 2)",
        ]
    );
}

#[test]
fn validate_loads_files_in_the_order_given_and_says_which_term_wins() {
    let (stdout, stderr, code) = run(&[
        "glossary",
        "validate",
        &layer("client.yaml"),
        &layer("house.yaml"),
        &layer("places.yaml"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("`mouse` of `house/pointing-device`"),
        "{stderr}"
    );
}
