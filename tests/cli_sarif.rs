//! `check --format sarif`: a snapshot on the report fixture corpus, the
//! structure checked field by field (regions in code points and raw bytes,
//! rules from the registry, fixes), and two independent validations:
//!
//! - Microsoft's SARIF validator, `sarif-multitool validate` from the npm
//!   package `@microsoft/sarif-multitool` (a self-contained .NET program,
//!   no .NET runtime needed). Its exit code is 0 even when it reports
//!   errors, so its output is read; and it silently accepts a value outside
//!   an enum (`"level": "bogus"`), hence the second check.
//! - The SARIF 2.1.0 JSON schema shipped in that same npm package, checked
//!   with Python's `jsonschema` (PyPI).
//!
//! Both skip with a message when their tool is missing, unless
//! `TERMALIGN_REQUIRE_TOOLS` is set (CI sets it), which turns a skip into
//! a failure. Tools are looked up in `$SARIF_MULTITOOL` / `$SARIF_SCHEMA`,
//! else under `target/tools` (`npm install --prefix target/tools
//! @microsoft/sarif-multitool`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{root, run};
use termalign::report::sarif::SarifLog;

const GLOSSARY: &str = "tests/fixtures/report/glossary.yaml";
const CORPUS: &str = "tests/fixtures/report/corpus";

fn check_sarif() -> (String, i32) {
    let (stdout, stderr, code) = run(&[
        "check",
        "--no-default-glossaries",
        "--glossary",
        GLOSSARY,
        "--format",
        "sarif",
        CORPUS,
    ]);
    assert_eq!(stderr, "");
    (stdout, code)
}

fn log() -> SarifLog {
    serde_json::from_str(&check_sarif().0).expect("SARIF deserializes")
}

#[test]
fn snapshot() {
    let (stdout, code) = check_sarif();
    insta::assert_snapshot!(
        format!("exit: {code}\n{stdout}").replace(env!("CARGO_PKG_VERSION"), "[VERSION]")
    );
}

#[test]
fn regions_are_code_points_and_raw_bytes() {
    let log = log();
    let run = &log.runs[0];
    assert_eq!(run.column_kind, "unicodeCodePoints");
    assert_eq!(run.results.len(), 7);
    for r in &run.results {
        let loc = &r.locations[0].physical_location;
        let raw = std::fs::read(root().join(&loc.artifact_location.uri)).unwrap();
        let region = &loc.region;
        let bytes = &raw[region.byte_offset..region.byte_offset + region.byte_length];
        assert_eq!(bytes, r.properties.found.as_bytes());
        // Index into the artifacts, which list every checked file.
        let index = loc.artifact_location.index.unwrap();
        assert_eq!(run.artifacts[index].location.uri, loc.artifact_location.uri);
    }
    assert_eq!(
        run.artifacts.len(),
        4,
        "every checked file, findings or not"
    );
    let urumqi = run
        .results
        .iter()
        .find(|r| r.properties.found == "Ürümqi")
        .unwrap();
    let region = &urumqi.locations[0].physical_location.region;
    // Six code points, eight bytes; the end column is exclusive.
    assert_eq!(
        (
            region.start_line,
            region.start_column,
            region.end_column,
            region.byte_length
        ),
        (3, 46, 52, 8)
    );
}

#[test]
fn byte_offsets_are_raw_even_in_utf16_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("utf16.txt");
    let mut raw = vec![0xFF, 0xFE];
    for unit in "Ürümqi or Formosa?\n".encode_utf16() {
        raw.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&file, raw).unwrap();
    let (stdout, _, code) = run(&[
        "check",
        "--no-default-glossaries",
        "--glossary",
        GLOSSARY,
        "--format",
        "sarif",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let log: SarifLog = serde_json::from_str(&stdout).unwrap();
    let r = &log.runs[0].results[0];
    assert_eq!(r.rule_id, "forbidden-term");
    let region = &r.locations[0].physical_location.region;
    // BOM (2 bytes) + 10 UTF-16 code units before `Formosa` (7 units).
    assert_eq!((region.byte_offset, region.byte_length), (22, 14));
    assert_eq!((region.start_column, region.end_column), (11, 18));
    assert!(r.locations[0]
        .physical_location
        .artifact_location
        .uri
        .starts_with("file:///"));
}

#[test]
fn rules_come_from_the_registry() {
    let log = log();
    let driver = &log.runs[0].tool.driver;
    assert_eq!(driver.name, "termalign");
    let ids: Vec<&str> = driver.rules.iter().map(|r| r.id.as_str()).collect();
    let registry: Vec<&str> = termalign::checks::CHECKS
        .iter()
        .map(|c| c.meta().name())
        .collect();
    assert_eq!(ids, registry);
    for (rule, check) in driver.rules.iter().zip(termalign::checks::CHECKS) {
        let meta = check.meta();
        assert_eq!(rule.short_description.text, meta.summary);
        assert!(rule.help.text.contains(meta.why));
        assert!(rule.help.markdown.contains(meta.fix));
        assert_eq!(rule.properties.bilingual, meta.bilingual);
    }
    for r in &log.runs[0].results {
        assert_eq!(driver.rules[r.rule_index].id, r.rule_id);
    }
    let forbidden = &driver.rules[0];
    assert_eq!(
        (
            forbidden.name.as_str(),
            forbidden.default_configuration.level.as_str()
        ),
        ("ForbiddenTerm", "error")
    );
}

#[test]
fn properties_and_fixes() {
    let log = log();
    let results = &log.runs[0].results;
    let tar = results
        .iter()
        .find(|r| r.properties.found == "Tibet Autonomous Region")
        .unwrap();
    assert_eq!(tar.level, "warning");
    assert_eq!(tar.properties.glossary.as_deref(), Some("report-fixture"));
    assert_eq!(tar.properties.concept.as_deref(), Some("xizang"));
    assert_eq!(tar.properties.suggestions, ["Xizang Autonomous Region"]);
    // `fix: auto`: the one fix `check --fix` would make.
    assert_eq!(tar.fixes.len(), 1);
    assert!(tar.fixes[0].properties.as_ref().unwrap().auto);
    let change = &tar.fixes[0].artifact_changes[0];
    let replacement = &change.replacements[0];
    assert_eq!(
        replacement.inserted_content.text,
        "Xizang Autonomous Region"
    );
    let region = &tar.locations[0].physical_location.region;
    assert_eq!(
        (
            replacement.deleted_region.byte_offset,
            replacement.deleted_region.byte_length
        ),
        (region.byte_offset, region.byte_length)
    );
    // A suggestion only: a fix that is not automatic.
    let formosa = results
        .iter()
        .find(|r| r.properties.found == "Formosa")
        .unwrap();
    assert_eq!(formosa.level, "error");
    assert_eq!(
        formosa.properties.note.as_deref(),
        Some("A colonial-era name; do not use it.")
    );
    assert!(formosa.fixes[0].properties.is_none());
    assert_eq!(
        formosa.fixes[0].artifact_changes[0].replacements[0]
            .inserted_content
            .text,
        "Taiwan"
    );
}

/// Skips a test whose tool is missing, or fails it when CI requires tools.
/// The message goes to the process's stderr, not through `eprintln!`, which
/// the test harness captures and would hide for a passing test.
fn skip(test: &str, why: &str) {
    let message = format!("{test}: skipped: {why}");
    if std::env::var_os("TERMALIGN_REQUIRE_TOOLS").is_some_and(|v| !v.is_empty()) {
        panic!("{message} (TERMALIGN_REQUIRE_TOOLS is set)");
    }
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{message}");
}

fn tools_dir() -> PathBuf {
    std::env::var_os("TERMALIGN_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/tools"))
}

fn multitool() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SARIF_MULTITOOL") {
        return Some(p.into());
    }
    let p = tools_dir().join("node_modules/.bin/sarif-multitool");
    p.exists().then_some(p)
}

/// The schema the npm package ships, beside its platform binary.
fn schema() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SARIF_SCHEMA") {
        return Some(p.into());
    }
    let dir = tools_dir().join("node_modules/@microsoft");
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("sarif-2.1.0.json"))
        .find(|p| p.exists())
}

/// SARIF logs to validate: the corpus, a file whose relative path needs
/// percent-encoding (a space, a non-ASCII name), and a failed run (an input
/// missing, one malformed: invocations with notifications).
fn samples(dir: &Path) -> Vec<PathBuf> {
    let corpus = dir.join("corpus.sarif");
    std::fs::write(&corpus, check_sarif().0).unwrap();
    let odd = dir.join("two words");
    std::fs::create_dir_all(&odd).unwrap();
    std::fs::write(odd.join("é #1.txt"), "Visitors to Formosa and Macau.\n").unwrap();
    let out = common::termalign()
        .current_dir(dir)
        .args([
            "check",
            "--no-default-glossaries",
            "--glossary",
            root().join(GLOSSARY).to_str().unwrap(),
            "--format",
            "sarif",
            "two words",
        ])
        .output()
        .unwrap();
    let odd_log = dir.join("odd-paths.sarif");
    std::fs::write(&odd_log, out.stdout).unwrap();
    let out = common::termalign()
        .args([
            "check",
            "--format",
            "sarif",
            "does/not/exist.md",
            root()
                .join("tests/fixtures/input/bad/unclosed.xlf")
                .to_str()
                .unwrap(),
            CORPUS,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let failed_log = dir.join("failed-run.sarif");
    std::fs::write(&failed_log, out.stdout).unwrap();
    vec![corpus, odd_log, failed_log]
}

/// `FILE(LINE,COL): LEVEL RULE: message` lines of the validator's output.
fn validator_messages(tool: &Path, file: &Path) -> Vec<(String, String, String)> {
    let out = Command::new(tool)
        .arg("validate")
        .arg(file)
        .output()
        .expect("sarif-multitool runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Analysis completed successfully"),
        "validator did not finish:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
        .lines()
        .filter_map(|line| {
            let (_, rest) = line.split_once("): ")?;
            let (level, rest) = rest.split_once(' ')?;
            let (rule, message) = rest.split_once(": ")?;
            Some((level.to_owned(), rule.to_owned(), message.to_owned()))
        })
        .collect()
}

#[test]
fn microsoft_sarif_validator_accepts_the_output() {
    let Some(tool) = multitool() else {
        return skip(
            "microsoft_sarif_validator_accepts_the_output",
            "sarif-multitool not found (npm install --prefix target/tools @microsoft/sarif-multitool, or set SARIF_MULTITOOL)",
        );
    };
    let dir = root().join("target/sarif-validation");
    std::fs::create_dir_all(&dir).unwrap();
    for file in samples(&dir) {
        let messages = validator_messages(&tool, &file);
        let unexpected: Vec<&(String, String, String)> = messages
            .iter()
            // termalign has no home page to name until Cargo.toml has one.
            .filter(|(_, rule, message)| {
                !(rule == "SARIF2005" && message.contains("informationUri"))
            })
            .collect();
        assert!(unexpected.is_empty(), "{}: {unexpected:#?}", file.display());
    }
    // The validator does report errors, and they are read: a result
    // without its required message.
    let mut broken: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("corpus.sarif")).unwrap()).unwrap();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    let broken_file = dir.join("broken.sarif");
    std::fs::write(&broken_file, broken.to_string()).unwrap();
    let messages = validator_messages(&tool, &broken_file);
    assert!(
        messages
            .iter()
            .any(|(level, rule, _)| level == "error" && rule == "JSON1002"),
        "{messages:#?}"
    );
}

const JSONSCHEMA: &str = r#"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
failed = False
for path in sys.argv[2:]:
    doc = json.load(open(path, encoding="utf-8"))
    for e in sorted(cls(schema).iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        failed = True
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
sys.exit(1 if failed else 0)
"#;

#[test]
fn output_matches_the_sarif_schema() {
    let Some(schema) = schema() else {
        return skip(
            "output_matches_the_sarif_schema",
            "sarif-2.1.0.json not found (it ships in the npm package @microsoft/sarif-multitool; or set SARIF_SCHEMA)",
        );
    };
    let has_jsonschema = Command::new("python3")
        .args(["-c", "import jsonschema"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_jsonschema {
        return skip(
            "output_matches_the_sarif_schema",
            "python3 with the jsonschema package not found (pip install jsonschema)",
        );
    }
    let dir = root().join("target/sarif-schema");
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = samples(&dir);
    let validate = |files: &[PathBuf]| {
        Command::new("python3")
            .args(["-c", JSONSCHEMA])
            .arg(&schema)
            .args(files)
            .output()
            .unwrap()
    };
    let out = validate(&files);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The check can fail: a level outside the enum, which the Microsoft
    // validator lets through.
    let text = std::fs::read_to_string(&files[0]).unwrap().replacen(
        "\"level\": \"warning\"",
        "\"level\": \"bogus\"",
        1,
    );
    let bogus = dir.join("bogus-level.sarif");
    std::fs::write(&bogus, text).unwrap();
    files.push(bogus);
    let out = validate(&files);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("'bogus' is not one of"));
}
