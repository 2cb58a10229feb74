//! Bad input: a one-line `termalign: error: FILE:LINE:COL: …` on stderr,
//! exit 2, and nothing on stdout that could pass for a clean result.

mod common;

use common::{fixture, rel, run};

fn run_check_with(glossary: &str) -> (String, String, i32) {
    run(&[
        "check",
        "--no-default-glossaries",
        "--glossary",
        &rel(&fixture(glossary)),
        &rel(&fixture("checks/deprecated-term/input.txt")),
    ])
}

#[test]
fn unknown_glossary_key_names_its_position() {
    let (stdout, stderr, code) = run_check_with("errors/unknown-key.yaml");
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with(
            "termalign: error: tests/fixtures/errors/unknown-key.yaml:7:25: invalid glossary:"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("unknown field `staus`"), "{stderr}");
}

#[test]
fn yaml_syntax_error_names_its_position() {
    let (stdout, stderr, code) = run_check_with("errors/syntax.yaml");
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(
        // The file ends without a line break: the end of its last line, not
        // a line past it.
        stderr.contains("tests/fixtures/errors/syntax.yaml:4:21: invalid glossary"),
        "{stderr}"
    );
}

#[test]
fn every_glossary_rule_violation_is_reported_with_its_position() {
    let (stdout, stderr, code) = run_check_with("errors/rules-broken.yaml");
    assert_eq!((stdout.as_str(), code), ("", 2));
    let f = "tests/fixtures/errors/rules-broken.yaml";
    let expected = [
        format!("{f}:6:7: invalid glossary: concept `macao` has no preferred term in `en`"),
        format!("{f}:8:9: invalid glossary: duplicate concept id `macao` (first defined on line 4)"),
        format!("{f}:10:21: invalid glossary: `beijing` appears twice in `en` of concept `macao` (first on line 10)"),
        // `Beijing` in `macao` and `capital` is a homonym: allowed (SPEC §1).
        format!("{f}:14:7: invalid glossary: language `fr` is not among the glossary's declared languages [en]"),
        format!("{f}:19:11: invalid glossary: ignore_in phrase `Beijing Opera` does not contain the term `Peking`"),
        format!("{f}:20:11: invalid glossary: `fix: auto` on `Pekin`, but concept `peking` has no preferred variant in `en` to replace it with"),
    ];
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), expected.len(), "{stderr}");
    for (line, want) in lines.iter().zip(&expected) {
        assert!(
            line.starts_with(&format!("termalign: error: {want}")),
            "got  {line}\nwant {want}"
        );
    }
}

#[test]
fn invalid_utf8_names_the_byte_offset_and_other_files_are_still_checked() {
    let bad = rel(&fixture("errors/invalid-utf8.txt"));
    let good = rel(&fixture("checks/forbidden-term/input.txt"));
    let (stdout, stderr, code) = run(&[
        "check",
        "--no-default-glossaries",
        "--glossary",
        &rel(&fixture("checks/glossary.yaml")),
        "--format",
        "line",
        &bad,
        &good,
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        format!(
            "termalign: error: {bad}:1:34: invalid UTF-8 at byte offset 33; if the file is in \
             another encoding, declare it in the file or name it with --encoding\n"
        )
    );
    assert!(
        stdout.contains("forbidden-term"),
        "the good file was checked: {stdout}"
    );
    // Named, the encoding reads the file.
    let (stdout, stderr, code) = run(&[
        "check",
        "--no-default-glossaries",
        "--glossary",
        &rel(&fixture("checks/glossary.yaml")),
        "--encoding",
        "windows-1252",
        &bad,
    ]);
    assert_eq!((stderr.as_str(), code), ("", 1));
    assert!(stdout.contains("deprecated-term"), "{stdout}");
    let (_, stderr, code) = run(&["check", "--encoding", "klingon", &bad]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown encoding `klingon`"), "{stderr}");
}

#[test]
fn missing_file_and_empty_directory_are_errors() {
    let (stdout, stderr, code) = run(&["check", "no/such/file.txt"]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(
        stderr.starts_with("termalign: error: no/such/file.txt:"),
        "{stderr}"
    );

    let empty = tempfile::tempdir().unwrap();
    let (stdout, stderr, code) = run(&["check", empty.path().to_str().unwrap()]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(stderr.contains("no input files found"), "{stderr}");
}

#[test]
fn unknown_rule_and_bad_option_values_are_usage_errors() {
    let (stdout, stderr, code) = run(&["check", "--rule", "no-such-rule=off", "README.md"]);
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(stderr.contains("unknown rule `no-such-rule`"), "{stderr}");
    let (_, _, code) = run(&["check", "--format", "nope", "README.md"]);
    assert_eq!(code, 2);
}

/// `--lang english`, `--lang 'en US'` and `--lang xx-notalang` used to be
/// taken as given: nothing matched, and the run passed clean (exit 0).
#[test]
fn invalid_language_tags_are_usage_errors_everywhere() {
    for command in ["check", "report", "align", "extract"] {
        let flag = if command == "align" {
            "--target-lang"
        } else {
            "--lang"
        };
        for tag in ["english", "en US", "xx-notalang", "en-"] {
            let (stdout, stderr, code) = run(&[command, flag, tag, "README.md"]);
            assert_eq!((stdout.as_str(), code), ("", 2), "{command} {flag} {tag}");
            assert!(
                stderr.contains(&format!("`{tag}` is not a BCP 47 language tag")),
                "{command} {flag} {tag}: {stderr}"
            );
        }
    }
    // A POSIX-style tag is the same language, canonicalized.
    let (_, stderr, code) = run(&["check", "--lang", "en_GB", "README.md"]);
    assert!(code != 2, "{stderr}");
}

/// SPEC §2: a run with an input it could not check fails in every format,
/// not only by its exit code. `check /nonexistent --format json` used to
/// print `{"findings":[],"summary":{"errors":0…}}`, SARIF had no
/// `executionSuccessful: false`, github printed "0 errors".
#[test]
fn a_failed_run_says_so_in_every_format() {
    let good = rel(&fixture("checks/deprecated-term/input.txt"));
    let broken = rel(&fixture("input/bad/unclosed.xlf"));
    let run_with = |format: &str| {
        run(&[
            "check",
            "--format",
            format,
            "does/not/exist.md",
            &broken,
            &good,
        ])
    };

    let (stdout, _, code) = run_with("json");
    assert_eq!(code, 2);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["summary"]["failed"], true);
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{stdout}");
    assert_eq!(errors[0]["path"], "does/not/exist.md");
    assert_eq!(errors[0]["line"], serde_json::Value::Null);
    assert_eq!(errors[1]["path"], broken.as_str());
    assert!(errors[1]["line"].as_u64().is_some(), "{stdout}");
    // The good file is still checked and reported.
    assert!(!json["findings"].as_array().unwrap().is_empty());

    let (stdout, _, code) = run_with("sarif");
    assert_eq!(code, 2);
    let sarif: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[1]["level"], "error");
    assert!(notes[1]["locations"][0]["physicalLocation"]["region"]["startLine"].is_u64());

    let (stdout, _, code) = run_with("github");
    assert_eq!(code, 2);
    let failures: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("title=termalign%3A not checked"))
        .collect();
    assert_eq!(failures.len(), 2, "{stdout}");
    assert!(
        failures[0].starts_with("::error file=does/not/exist.md,"),
        "{stdout}"
    );
    assert!(stdout.contains("FAILED: 2 inputs not checked"), "{stdout}");

    for format in ["table", "html"] {
        let (stdout, _, code) = run_with(format);
        assert_eq!(code, 2);
        assert!(
            stdout.contains("FAILED: 2 inputs could not be checked"),
            "{format}: {stdout}"
        );
    }

    // A clean run says it did not fail.
    let (stdout, _, code) = run(&["check", "--format", "json", &good]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["summary"]["failed"], false);
    assert_eq!(json["errors"], serde_json::json!([]));
}
