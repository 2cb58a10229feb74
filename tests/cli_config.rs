//! `termalign.yaml` (SPEC §2): discovery, `--config`, `--isolated`, every
//! key, command-line options winning, per-path languages, `config --show`,
//! and bad files failing with their position, exit 2 and an empty stdout.

mod common;

use std::fs;
use std::path::Path;

use serde_json::Value;

/// A glossary with a deprecated term in English and in Chinese, so that
/// which language a file is checked in shows in the findings.
const GLOSSARY: &str = "\
glossary: house
concepts:
  - id: macao
    terms:
      en:
        - Macao
        - {term: Macau, status: deprecated, fix: auto}
      zh:
        - 澳门
        - {term: 濠江, status: deprecated}
";

/// A project: the glossary under `terms/`, English and Chinese documents,
/// a draft, and the given `termalign.yaml` (none when empty).
fn project(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for d in ["terms", "docs/zh", "docs/drafts", "docs/sub"] {
        fs::create_dir_all(root.join(d)).unwrap();
    }
    let files = [
        ("terms/house.yaml", GLOSSARY),
        ("docs/en.md", "We flew to Macau.\n"),
        ("docs/zh/news.zh.md", "我们去了濠江。Macau\n"),
        ("docs/drafts/wip.md", "Macau draft\n"),
        ("docs/sub/more.txt", "Macau again.\n"),
    ];
    for (path, text) in files {
        fs::write(root.join(path), text).unwrap();
    }
    if !config.is_empty() {
        fs::write(root.join("termalign.yaml"), config).unwrap();
    }
    dir
}

/// Runs termalign in `cwd` with `args`: (stdout, stderr, exit code).
fn run_in(cwd: &Path, args: &[&str]) -> (String, String, i32) {
    common::outcome(
        common::termalign()
            .current_dir(cwd)
            .args(args)
            .output()
            .unwrap(),
    )
}

/// `line` output as (path, rule, found-ish message start) lines, sorted.
fn lines(stdout: &str) -> Vec<String> {
    let mut v: Vec<String> = stdout.lines().map(str::to_owned).collect();
    v.sort();
    v
}

const BASIC: &str = "\
glossaries: [terms/house.yaml]
exclude: ['docs/drafts/**']
languages:
  - {glob: '**/*.zh.md', lang: zh}
";

#[test]
fn the_file_in_the_current_directory_is_used() {
    let dir = project(BASIC);
    let (stdout, stderr, code) = run_in(dir.path(), &["check", "docs", "--format", "line"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        lines(&stdout),
        [
            "docs/en.md:1:12: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao`",
            "docs/sub/more.txt:1:1: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao`",
            // The Chinese file is checked in Chinese: its `Macau` is not an
            // English term there, and 濠江 is deprecated.
            "docs/zh/news.zh.md:1:5: warning[deprecated-term] `濠江` is deprecated for house/macao; use `澳门`",
        ]
    );
}

#[test]
fn the_nearest_parent_file_is_used_and_its_globs_stay_relative_to_it() {
    let dir = project(BASIC);
    let docs = dir.path().join("docs");
    let (stdout, stderr, code) = run_in(&docs, &["check", ".", "--format", "line"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!stdout.contains("wip.md"), "drafts excluded: {stdout}");
    assert!(
        stdout.contains("news.zh.md:1:5: warning[deprecated-term] `濠江`"),
        "{stdout}"
    );
    let (stdout, _, _) = run_in(&docs.join("zh"), &["check", ".", "--format", "line"]);
    assert!(
        stdout.contains("`濠江`"),
        "zh from a subdirectory: {stdout}"
    );
}

#[test]
fn config_names_a_file_and_isolated_ignores_it() {
    let dir = project("");
    fs::write(
        dir.path().join("other.yaml"),
        "glossaries: [terms/house.yaml]\nrules: {deprecated-term: info}\nfail-on: error\n",
    )
    .unwrap();
    let (stdout, stderr, code) = run_in(
        dir.path(),
        &[
            "check",
            "--config",
            "other.yaml",
            "docs/en.md",
            "--format",
            "line",
        ],
    );
    assert_eq!(
        (code, stderr.as_str()),
        (0, ""),
        "info is below fail-on error"
    );
    assert!(stdout.contains("info[deprecated-term] `Macau`"), "{stdout}");

    // --isolated: no file, the built-in glossaries (which know Macau too).
    fs::write(
        dir.path().join("termalign.yaml"),
        "glossaries: [nope.yaml]\n",
    )
    .unwrap();
    let (stdout, stderr, code) = run_in(
        dir.path(),
        &["--isolated", "check", "docs/en.md", "--format", "json"],
    );
    assert_eq!(code, 1, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_ne!(json["findings"][0]["glossary"], "house");
    // --config and --isolated contradict each other.
    let (stdout, _, code) = run_in(
        dir.path(),
        &["check", "--isolated", "--config", "other.yaml", "docs"],
    );
    assert_eq!((stdout.as_str(), code), ("", 2));
}

#[test]
fn force_exclude_applies_the_excludes_to_named_files() {
    let dir = project(BASIC);
    let named = [
        "check",
        "--format",
        "line",
        "docs/drafts/wip.md",
        "docs/en.md",
    ];
    let (stdout, _, _) = run_in(dir.path(), &named);
    assert!(stdout.contains("wip.md"), "named files are taken as given");
    let (stdout, stderr, code) = run_in(dir.path(), &[&named[..], &["--force-exclude"]].concat());
    assert_eq!(code, 1, "{stderr}");
    assert!(!stdout.contains("wip.md"), "{stdout}");
    assert!(stdout.contains("docs/en.md"), "{stdout}");
    // Every named file excluded: nothing to check, a clean run.
    let (stdout, stderr, code) = run_in(
        dir.path(),
        &["check", "--force-exclude", "docs/drafts/wip.md"],
    );
    assert_eq!((stdout.as_str(), stderr.as_str(), code), ("", "", 0));
}

#[test]
fn command_line_options_win_over_the_file() {
    let dir = project(
        "glossaries: [terms/house.yaml]\nlang: zh\nrules: {deprecated-term: off}\nfail-on: never\n",
    );
    let (stdout, _, code) = run_in(dir.path(), &["check", "docs/en.md", "--format", "line"]);
    assert_eq!((stdout.as_str(), code), ("", 0), "rule off, and zh anyway");
    let (stdout, _, code) = run_in(
        dir.path(),
        &[
            "check",
            "docs/en.md",
            "--format",
            "line",
            "--lang",
            "en",
            "--rule",
            "deprecated-term=error",
            "--fail-on",
            "error",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        stdout.contains("error[deprecated-term] `Macau`"),
        "{stdout}"
    );
}

#[test]
fn include_and_default_glossaries() {
    // include narrows the walk; default-glossaries: true keeps the built-in
    // glossaries beside the file's.
    let dir =
        project("glossaries: [terms/house.yaml]\ndefault-glossaries: true\ninclude: ['*.txt']\n");
    // The built-in glossaries have their own Macao: this one must not clash.
    fs::write(
        dir.path().join("terms/house.yaml"),
        "glossary: house\nconcepts:\n  - id: gizmo\n    terms:\n      en: [Gizmo, {term: Widget, status: deprecated}]\n",
    )
    .unwrap();
    fs::write(dir.path().join("docs/sub/w.txt"), "A Widget.\n").unwrap();
    fs::write(dir.path().join("docs/w.md"), "A Widget.\n").unwrap();
    let (stdout, stderr, code) = run_in(dir.path(), &["check", "docs", "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let paths: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(paths.iter().all(|p| p.ends_with(".txt")), "{paths:?}");
    assert!(paths.contains(&"docs/sub/w.txt"), "{paths:?}");
    assert!(paths.contains(&"docs/sub/w.txt"), "{paths:?}");
    let (stdout, _, _) = run_in(dir.path(), &["glossary", "list", "--format", "json"]);
    assert!(stdout.contains("\"house\""), "{stdout}");
    assert!(
        stdout.contains("china-places"),
        "built-ins kept: {}",
        &stdout[..200]
    );
}

#[test]
fn bad_files_fail_with_their_position_and_nothing_on_stdout() {
    let cases: &[(&str, &str)] = &[
        (
            "glossaries: [terms/house.yaml]\nexlcude: [x]\n",
            "termalign: error: termalign.yaml:2:1: invalid configuration: unknown field `exlcude`",
        ),
        (
            "rules:\n  deprecated-term: warn\n",
            "termalign: error: termalign.yaml:2:20: invalid configuration: rules.deprecated-term: unknown variant `warn`",
        ),
        (
            "rules:\n  deprecated-terms: off\n",
            "termalign: error: termalign.yaml:2:3: invalid configuration: unknown rule `deprecated-terms`",
        ),
        (
            "lang: xx-notalang\n",
            "termalign: error: termalign.yaml:1:7: invalid configuration: `xx-notalang` is not a BCP 47 language tag",
        ),
        (
            "languages:\n  - {glob: 'a[', lang: zh}\n",
            "termalign: error: termalign.yaml:2:12: invalid configuration: invalid glob `a[`",
        ),
        (
            "glossaries: [missing.yaml]\n",
            "termalign: error: termalign.yaml:1:14: the glossary named here cannot be read",
        ),
        ("lang: [\n", "termalign: error: termalign.yaml:"),
    ];
    for (config, want) in cases {
        let dir = project(config);
        for args in [
            &["check", "docs"][..],
            &["report", "docs"],
            &["config", "--show"],
        ] {
            if *want == cases[5].1 && args[0] == "config" {
                continue; // config --show does not read glossaries
            }
            let (stdout, stderr, code) = run_in(dir.path(), args);
            assert_eq!(code, 2, "{config:?} {args:?}: {stderr}");
            assert_eq!(stdout, "", "{config:?} {args:?}");
            assert!(stderr.starts_with(want), "{config:?} {args:?}:\n{stderr}");
        }
    }
}

#[test]
fn config_show_says_where_each_value_came_from() {
    let dir = project(BASIC);
    let (stdout, stderr, code) = run_in(
        dir.path(),
        &[
            "config",
            "--show",
            "--rule",
            "case-mismatch=info",
            "docs/zh/news.zh.md",
            "docs/en.md",
        ],
    );
    assert_eq!((code, stderr.as_str()), (0, ""));
    insta::assert_snapshot!(stdout);

    let (stdout, _, code) = run_in(
        dir.path(),
        &[
            "config",
            "--format",
            "json",
            "--lang",
            "fr",
            "docs/zh/news.zh.md",
        ],
    );
    assert_eq!(code, 0);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["config"], "termalign.yaml");
    let s = &json["settings"];
    assert_eq!(s["lang"]["value"], "fr");
    assert_eq!(s["lang"]["from"], "command line");
    assert_eq!(s["exclude"]["value"][0], "docs/drafts/**");
    assert_eq!(s["exclude"]["from"], "termalign.yaml:2:10");
    assert_eq!(s["default-glossaries"]["value"], false);
    assert_eq!(s["rules"]["deprecated-term"]["from"], "default");
    // --lang on the command line applies to every file.
    assert_eq!(json["files"][0]["lang"]["value"], "fr");

    // The YAML output is a valid termalign.yaml-like document.
    let (stdout, _, _) = run_in(dir.path(), &["config"]);
    let doc: serde_yaml::Value = serde_yaml::from_str(&stdout).unwrap();
    assert_eq!(doc["languages"][0]["lang"], "zh");
    assert_eq!(doc["rules"]["misspelled-term"], "warning");
}
