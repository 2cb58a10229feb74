//! The CI integrations users copy: `.pre-commit-hooks.yaml` and
//! `examples/ci/github-workflow.yml`. Their commands are run against this
//! build, so a renamed option breaks a test rather than a user's CI; and
//! `--format github` is held to GitHub's workflow-command conventions.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::root;
use serde_yaml::Value;

fn yaml(rel: &str) -> Value {
    let text = fs::read_to_string(root().join(rel)).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const GLOSSARY: &str = "\
glossary: house
concepts:
  - id: macao
    terms:
      en:
        - Macao
        - {term: Macau, status: deprecated, fix: auto}
";

/// A project with a config, a glossary, a document and an excluded draft.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::create_dir_all(p.join("docs/drafts")).unwrap();
    fs::write(p.join("g.yaml"), GLOSSARY).unwrap();
    fs::write(
        p.join("termalign.yaml"),
        "glossaries: [g.yaml]\nexclude: ['docs/drafts/**']\n",
    )
    .unwrap();
    fs::write(p.join("docs/a b.md"), "# Notes\n\nIn Macau, 100% sure.\n").unwrap();
    fs::write(p.join("docs/drafts/wip.md"), "Macau\n").unwrap();
    dir
}

fn bin_dir() -> std::path::PathBuf {
    let bin = assert_cmd::cargo::cargo_bin("termalign");
    bin.parent().unwrap().to_path_buf()
}

/// Runs `script` with bash in `cwd`, this build's termalign first on PATH.
fn bash(cwd: &Path, script: &str, env: &[(&str, &str)]) -> (String, String, i32) {
    let path = format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-euo", "pipefail", "-c", script])
        .current_dir(cwd)
        .env("PATH", path)
        .env("CI", "true")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    common::outcome(out)
}

#[test]
fn pre_commit_hooks_run_as_written() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_sequence().expect("a list of hooks");
    assert!(hooks.len() >= 2);
    for hook in hooks {
        let id = hook["id"].as_str().unwrap();
        let entry = hook["entry"].as_str().unwrap();
        assert!(entry.starts_with("termalign check"), "{id}: {entry}");
        let language = hook["language"].as_str().unwrap();
        assert!(["rust", "system"].contains(&language), "{id}: {language}");
        assert!(hook["name"].as_str().is_some() && hook["description"].as_str().is_some());
        // The files pattern is the format registry's: every format
        // termalign reads, and nothing else.
        let pattern = hook["files"].as_str().unwrap();
        assert_eq!(
            pattern,
            termalign::input::format::file_name_pattern(),
            "{id}: `files:` must list the extensions of src/input/format.rs"
        );
        // The files pattern takes documents and leaves code alone.
        let files = regex::Regex::new(pattern).unwrap();
        let files = |name: &str| files.is_match(name);
        for doc in [
            "docs/a.md",
            "index.html",
            "po/fr.po",
            "t.xlf",
            "README.markdown",
            "memory.tmx",
            "pairs.tsv",
            "project.sdlxliff",
            "app/src/main/res/values/strings.xml",
            "res/values-fr-rCA/strings.xml",
            "config/locales/fr.yml",
            "translations/messages.fr.yaml",
            "docs/guide.rst",
            "manual.adoc",
            "locales/en-US/app.ftl",
        ] {
            assert!(files(doc), "{id} misses {doc}");
        }
        for code in [
            "src/main.rs",
            "Cargo.toml",
            "a.md.bak",
            "pom.xml",
            "app/src/main/res/layout/main.xml",
            "app/src/main/AndroidManifest.xml",
            ".github/workflows/ci.yml",
            "glossaries/diplomacy.yaml",
            "termalign.yaml",
        ] {
            assert!(!files(code), "{id} takes {code}");
        }
        // pre-commit appends the file names to the entry.
        let dir = project();
        let mut args: Vec<&str> = entry.split_whitespace().skip(1).collect();
        args.extend(["docs/drafts/wip.md", "docs/a b.md"]);
        let out = common::termalign()
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            !stdout.contains("wip.md"),
            "{id}: the excludes apply: {stdout}"
        );
        let code = out.status.code().unwrap();
        if entry.contains("--fix") {
            assert_eq!(code, 0, "{id}: fixed, nothing remains");
            assert!(fs::read_to_string(dir.path().join("docs/a b.md"))
                .unwrap()
                .contains("In Macao"));
        } else {
            assert_eq!(code, 1, "{id}: a finding fails the hook");
            assert!(
                stdout.contains("docs/a b.md:3:4: warning[deprecated-term]"),
                "{stdout}"
            );
        }
    }
}

/// The steps of a job in the example workflow, by name.
fn step<'a>(workflow: &'a Value, job: &str, name: &str) -> &'a str {
    workflow["jobs"][job]["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|s| s["name"].as_str() == Some(name))
        .and_then(|s| s["run"].as_str())
        .unwrap_or_else(|| panic!("no step {name} in {job}"))
}

#[test]
fn the_annotate_job_annotates_changed_documents() {
    let workflow = yaml("examples/ci/github-workflow.yml");
    let script = step(&workflow, "annotate", "Check the changed documents");
    let dir = project();
    let git = |args: &[&str]| {
        Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .current_dir(dir.path())
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false)
    };
    if !git(&["init", "-q"]) {
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            b"the_annotate_job_annotates_changed_documents: skipped: no git\n",
        );
        return;
    }
    fs::write(dir.path().join("old.md"), "Macau, unchanged.\n").unwrap();
    assert!(git(&["add", "old.md", "g.yaml", "termalign.yaml"]));
    assert!(git(&["commit", "-qm", "base"]));
    assert!(git(&["add", "-A"]));
    assert!(git(&["commit", "-qm", "change"]));
    let base = String::from_utf8(
        Command::new("git")
            .args(["rev-parse", "HEAD~1"])
            .current_dir(dir.path())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let (stdout, stderr, code) = bash(dir.path(), script, &[("BASE", base.trim())]);
    assert_eq!(code, 1, "a warning fails the job: {stderr}");
    // Only the changed, not excluded document; GitHub's conventions:
    // 1-based line and column, end column exclusive, `%` escaped in data,
    // the path as in the repository.
    let annotations: Vec<&str> = stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(
        annotations,
        ["::warning file=docs/a b.md,line=3,endLine=3,col=4,endColumn=9,title=termalign deprecated-term::`Macau` is deprecated for house/macao; use `Macao`"]
    );

    // No changed document: a clean, quiet job.
    let (stdout, _, code) = bash(dir.path(), script, &[("BASE", "HEAD")]);
    assert_eq!((stdout.as_str(), code), ("No documents changed.\n", 0));
}

#[test]
fn the_code_scanning_job_writes_sarif_and_tolerates_findings() {
    let workflow = yaml("examples/ci/github-workflow.yml");
    let job = &workflow["jobs"]["code-scanning"];
    assert_eq!(job["permissions"]["security-events"], "write");
    let script = step(&workflow, "code-scanning", "Check every document");
    let dir = project();
    let (_, stderr, code) = bash(dir.path(), script, &[]);
    assert_eq!(code, 0, "findings alone do not fail the step: {stderr}");
    let sarif: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("termalign.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "the draft is excluded");
    let upload = job["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("github/codeql-action/upload-sarif"))
        })
        .expect("an upload-sarif step");
    assert_eq!(upload["with"]["sarif_file"], "termalign.sarif");

    // An error (here a bad configuration) fails it.
    fs::write(dir.path().join("termalign.yaml"), "exlcude: []\n").unwrap();
    let (_, _, code) = bash(dir.path(), script, &[]);
    assert_ne!(code, 0);
}

#[test]
fn github_annotations_escape_data_and_properties() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.yaml"), GLOSSARY).unwrap();
    // A path with `,` and `:` (property escapes) and a multi-line span
    // would not arise from one term; a comma in the file name does.
    fs::write(dir.path().join("a,b:c.txt"), "x\nMacau\n").unwrap();
    let out = common::termalign()
        .current_dir(dir.path())
        .args([
            "--isolated",
            "check",
            "--no-default-glossaries",
            "-g",
            "g.yaml",
        ])
        .args(["--format", "github", "a,b:c.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("::warning file=a%2Cb%3Ac.txt,line=2,endLine=2,col=1,endColumn=6,"),
        "{stdout}"
    );
}
