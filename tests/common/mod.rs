//! Helpers shared by the CLI tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub mod resources;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// `../shared/` beside the checkout, when it is there (CI has it; a bare
/// clone may not): tests that read it skip without it.
pub fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.join("SPEC.md").exists().then_some(p)
}

/// The termalign binary, run from the repository root with a clean
/// environment for colour and config discovery.
pub fn termalign() -> Command {
    let mut cmd = Command::cargo_bin("termalign").expect("binary builds");
    cmd.current_dir(root()).env("NO_COLOR", "1");
    cmd
}

/// Runs termalign and returns (stdout, stderr, exit code).
pub fn run(args: &[&str]) -> (String, String, i32) {
    outcome(termalign().args(args).output().expect("termalign runs"))
}

/// A finished process as (stdout, stderr, exit code; -1 when killed).
pub fn outcome(out: std::process::Output) -> (String, String, i32) {
    (
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
        out.status.code().unwrap_or(-1),
    )
}

/// Path relative to the repository root, with forward slashes.
pub fn rel(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}
