//! Every `termalign` command the README shows runs: each line of its `sh`
//! blocks is run with bash (in a scratch directory that links the
//! repository's examples, fixtures and glossaries, so `> report.html` writes
//! nowhere that matters) and must exit 0 or 1, never 2.

mod common;

use std::process::Command;

fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let mut commands = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        let line = line.trim();
        if in_sh && line.contains("termalign ") && !line.starts_with('#') {
            commands.push(line.to_owned());
        }
    }
    commands
}

#[test]
fn readme_commands_run() {
    let bin = assert_cmd::cargo::cargo_bin("termalign");
    let bin_dir = bin.parent().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    for dir in ["examples", "tests", "glossaries"] {
        std::os::unix::fs::symlink(common::root().join(dir), scratch.path().join(dir)).unwrap();
    }
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let commands = readme_commands();
    assert!(
        commands.len() >= 15,
        "found only {} commands",
        commands.len()
    );
    for command in commands {
        // `cargo run --release -- ARGS` is `termalign ARGS` with the test build.
        let command = command.replace("cargo run --release -- ", "termalign ");
        if command.starts_with("cargo ") {
            continue;
        }
        let out = Command::new("bash")
            .args(["-c", &command])
            .current_dir(scratch.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let code = out.status.code();
        assert!(
            matches!(code, Some(0) | Some(1)),
            "README command `{command}` exited {code:?}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
