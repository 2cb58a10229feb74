//! Bad input (issue 13), the cases that land so far: each exits 2 with a
//! one-line error naming the path, or gives the clean result, and never
//! hangs or skips a file silently.

mod common;

use std::fs;
use std::time::Duration;

fn check_in(dir: &std::path::Path, args: &[&str]) -> (String, String, i32) {
    let out = common::termalign()
        .current_dir(dir)
        .args(["--isolated", "check", "--lang", "en"])
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    common::outcome(out)
}

/// A linked file in a walked directory is checked like the file itself
/// (it was skipped: "no input files found").
#[cfg(unix)]
#[test]
fn symlinked_files_in_a_walk_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("real.txt"), "Casinos in Macau.\n").unwrap();
    fs::create_dir(dir.path().join("docs")).unwrap();
    std::os::unix::fs::symlink("../real.txt", dir.path().join("docs/linked.txt")).unwrap();
    let (stdout, stderr, code) = check_in(dir.path(), &["--format", "line", "docs"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.starts_with("docs/linked.txt:1:12: warning[deprecated-term]"),
        "{stdout}"
    );
}

/// A directory link loop is an error naming it, and the files beside it
/// are still checked.
#[cfg(unix)]
#[test]
fn a_link_loop_is_an_error_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("docs/sub")).unwrap();
    fs::write(dir.path().join("docs/a.txt"), "Casinos in Macau.\n").unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("docs/sub/up")).unwrap();
    let (stdout, stderr, code) = check_in(dir.path(), &["--format", "line", "docs"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("loop"), "{stderr}");
    assert!(stdout.starts_with("docs/a.txt:1:12:"), "{stdout}");
}

/// A FIFO named as input is refused at once (reading it blocked forever).
#[cfg(unix)]
#[test]
#[allow(clippy::print_stderr)]
fn a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("note: mkfifo is not available; skipping");
        return;
    }
    let (stdout, stderr, code) = check_in(dir.path(), &["pipe.txt"]);
    assert_eq!((stdout.as_str(), code), ("", 2), "{stderr}");
    assert!(stderr.contains("pipe.txt: not a regular file"), "{stderr}");
}

/// An empty file and a file that is only a byte-order mark are clean.
#[test]
fn empty_and_bom_only_files_are_clean() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("empty.txt"), b"").unwrap();
    fs::write(dir.path().join("bom.md"), b"\xEF\xBB\xBF").unwrap();
    let (stdout, stderr, code) = check_in(dir.path(), &["empty.txt", "bom.md"]);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
}

/// A file with two byte-order marks made the XML reader panic (exit 101,
/// every other file's findings lost), then check nothing; it is an error
/// at 1:1 now, and the other files are checked.
#[test]
fn a_double_byte_order_mark_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("twice.xlf"),
        b"\xEF\xBB\xBF\xEF\xBB\xBF<xliff version=\"1.2\"><file source-language=\"zh\" target-language=\"en\"><body><trans-unit id=\"1\"><source>x</source><target>Macau</target></trans-unit></body></file></xliff>",
    )
    .unwrap();
    fs::write(dir.path().join("ok.txt"), "Casinos in Macau.\n").unwrap();
    let (stdout, stderr, code) = check_in(dir.path(), &["--format", "line", "twice.xlf", "ok.txt"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains("twice.xlf:1:1: a second byte-order mark"),
        "{stderr}"
    );
    assert!(stdout.starts_with("ok.txt:1:12:"), "{stdout}");
}

/// UTF-16 without a byte-order mark read as UTF-8 is text full of NULs:
/// it was checked as such and passed clean, having checked nothing. A NUL
/// is an error at its position that says what the file likely is.
#[test]
fn utf16_without_a_bom_and_binary_data_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> = "Casinos in Macau.\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    fs::write(dir.path().join("u16.txt"), &utf16).unwrap();
    fs::write(dir.path().join("bin.txt"), b"ab\x00\x01\x02").unwrap();
    let (stdout, stderr, code) = check_in(dir.path(), &["u16.txt", "bin.txt"]);
    assert_eq!((stdout.as_str(), code), ("", 2), "{stderr}");
    assert!(
        stderr.contains("u16.txt:1:2: a NUL byte: this looks like UTF-16LE"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bin.txt:1:3: a NUL byte: binary data"),
        "{stderr}"
    );
    let (stdout, stderr, code) = check_in(
        dir.path(),
        &["--encoding", "utf-16le", "--format", "line", "u16.txt"],
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.starts_with("u16.txt:1:12:"), "{stdout}");
}

/// XML nested 100,000 deep is read without a stack overflow (exit 0 or 2,
/// never a crash).
#[test]
fn deeply_nested_xml_does_not_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut xml = String::from(
        "<xliff version=\"1.2\"><file source-language=\"zh\" target-language=\"en\"><body>",
    );
    xml.push_str(&"<group>".repeat(100_000));
    xml.push_str(&"</group>".repeat(100_000));
    xml.push_str("</body></file></xliff>");
    fs::write(dir.path().join("deep.xlf"), xml).unwrap();
    let (_, stderr, code) = check_in(dir.path(), &["deep.xlf"]);
    assert!(code == 0 || code == 2, "exit {code}: {stderr}");
}

/// Entity declarations are never expanded (billion laughs) and external
/// entities never read (XXE): the file is an error at the DTD.
#[test]
fn entity_bombs_and_external_entities_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "Macau secret").unwrap();
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY a \"Macau Macau Macau Macau Macau Macau Macau Macau\">\n<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n]>\n<xliff version=\"1.2\"><file source-language=\"zh\" target-language=\"en\"><body><trans-unit id=\"1\"><source>x</source><target>&c;</target></trans-unit></body></file></xliff>\n";
    let xxe = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY s SYSTEM \"file://{}\">]>\n<xliff version=\"1.2\"><file source-language=\"zh\" target-language=\"en\"><body><trans-unit id=\"1\"><source>x</source><target>&s;</target></trans-unit></body></file></xliff>\n",
        secret.display()
    );
    fs::write(dir.path().join("laughs.xlf"), laughs).unwrap();
    fs::write(dir.path().join("xxe.xlf"), xxe).unwrap();
    for name in ["laughs.xlf", "xxe.xlf"] {
        let (stdout, stderr, code) = check_in(dir.path(), &["--format", "json", name]);
        assert_eq!(code, 2, "{name}: {stdout}{stderr}");
        assert!(stderr.contains(&format!("{name}:")), "{name}: {stderr}");
        assert!(!stdout.contains("Macau"), "{name}: expanded: {stdout}");
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(json["summary"]["failed"], true, "{name}");
    }
}

/// A YAML alias bomb in a glossary, where the schema takes a list, is not
/// expanded into memory and time: the first nested alias is a type error
/// at its position.
#[test]
fn a_yaml_alias_bomb_in_a_glossary_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let mut yaml =
        String::from("glossary: bomb\nlanguages:\n  - &a0 [en, en, en, en, en, en, en, en, en]\n");
    for k in 1..12 {
        let prev = k - 1;
        yaml.push_str(&format!(
            "  - &a{k} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
        ));
    }
    yaml.push_str("concepts: []\n");
    fs::write(dir.path().join("bomb.yaml"), yaml).unwrap();
    fs::write(dir.path().join("a.txt"), "text\n").unwrap();
    let (_, stderr, code) = check_in(
        dir.path(),
        &["--no-default-glossaries", "-g", "bomb.yaml", "a.txt"],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("bomb.yaml:3:"), "{stderr}");
}

/// A term of nothing but punctuation would match every ellipsis of the
/// copy: the glossary is refused at the term.
#[test]
fn a_term_of_only_punctuation_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("p.yaml"),
        "glossary: p\nconcepts:\n  - id: b\n    terms:\n      en: [\"...\"]\n",
    )
    .unwrap();
    fs::write(dir.path().join("a.txt"), "Well... ok.\n").unwrap();
    let (stdout, stderr, code) = check_in(
        dir.path(),
        &["--no-default-glossaries", "-g", "p.yaml", "a.txt"],
    );
    assert_eq!((stdout.as_str(), code), ("", 2), "{stderr}");
    assert!(
        stderr.contains("p.yaml:5:12:") && stderr.contains("no letter, digit or ideograph"),
        "{stderr}"
    );
}
