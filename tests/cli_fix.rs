//! `check --fix` and `--fix --dry-run` (SPEC §6): byte-exact rewrites
//! (CRLF, BOM, mixed scripts, UTF-16LE), the exit code of what remains,
//! diffs, and the files that must not be written (standard input, read-only
//! files and directories), which stay untouched.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

const GLOSSARY: &str = "\
glossary: house
concepts:
  - id: macao
    terms:
      en:
        - Macao
        - {term: Macau, status: deprecated, fix: auto}
      zh: [澳门]
  - id: xizang
    terms:
      en:
        - Xizang
        - {term: Tibet, status: deprecated}
";

struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Project {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("g.yaml"), GLOSSARY).unwrap();
        Project { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, bytes).unwrap();
        path
    }

    /// termalign check with the project glossary: (stdout, stderr, code).
    fn check(&self, args: &[&str]) -> (String, String, i32) {
        self.check_with_stdin(args, b"")
    }

    fn check_with_stdin(&self, args: &[&str], stdin: &[u8]) -> (String, String, i32) {
        let out = common::termalign()
            .current_dir(self.dir.path())
            .args([
                "--isolated",
                "check",
                "--no-default-glossaries",
                "-g",
                "g.yaml",
            ])
            .args(["--format", "line"])
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap();
        common::outcome(out)
    }
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut raw = vec![0xFF, 0xFE];
    raw.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    raw
}

#[test]
fn fix_rewrites_only_the_terms_and_keeps_every_other_byte() {
    let p = Project::new();
    // (name, before, after)
    let cases: Vec<(&str, Vec<u8>, Vec<u8>)> = vec![
        (
            "crlf.txt",
            b"Macau\r\nin Macau,\r\n\r\nend\r\n".to_vec(),
            b"Macao\r\nin Macao,\r\n\r\nend\r\n".to_vec(),
        ),
        (
            "bom.md",
            b"\xEF\xBB\xBF# Macau\n\nMacau and `Macau` in code.\n".to_vec(),
            b"\xEF\xBB\xBF# Macao\n\nMacao and `Macau` in code.\n".to_vec(),
        ),
        (
            "mixed.txt",
            "澳门（Macau）回归。\nMacau\u{00A0}SAR、澳门\n"
                .as_bytes()
                .to_vec(),
            "澳门（Macao）回归。\nMacao\u{00A0}SAR、澳门\n"
                .as_bytes()
                .to_vec(),
        ),
        (
            "utf16.txt",
            utf16le("重庆 and Macau\r\nMacau\r\n"),
            utf16le("重庆 and Macao\r\nMacao\r\n"),
        ),
        (
            "page.html",
            b"<p title=\"Macau\">Macau &amp; more</p>\n".to_vec(),
            b"<p title=\"Macau\">Macao &amp; more</p>\n".to_vec(),
        ),
    ];
    for (name, before, after) in &cases {
        let path = p.write(name, before);
        let (stdout, stderr, code) = p.check(&["--fix", name]);
        assert_eq!(fs::read(&path).unwrap(), *after, "{name}");
        // Nothing remains: exit 0, nothing reported.
        assert_eq!((stdout.as_str(), code), ("", 0), "{name}: {stderr}");
        assert!(stderr.starts_with("termalign: fixed "), "{name}: {stderr}");
    }
}

/// A file in a legacy encoding is fixed in that encoding: the replacement's
/// `ô` is one windows-1252 byte, and a replacement KOI8-R cannot hold is
/// skipped, saying why, rather than written as something else.
#[test]
fn legacy_encodings_are_fixed_in_their_own_encoding() {
    let p = Project::new();
    p.write(
        "ivory.yaml",
        b"glossary: ivory\nconcepts:\n  - id: ci\n    terms:\n      en:\n        - \"C\xC3\xB4te d'Ivoire\"\n        - {term: Ivory Coast, status: deprecated, fix: auto}\n",
    );
    let html = p.write(
        "latin1.html",
        b"<meta charset=\"iso-8859-1\"><p>Caf\xE9 in Ivory Coast and Macau</p>\n",
    );
    let (stdout, stderr, code) = p.check(&["-g", "ivory.yaml", "--fix", "latin1.html"]);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    assert_eq!(
        fs::read(&html).unwrap(),
        b"<meta charset=\"iso-8859-1\"><p>Caf\xE9 in C\xF4te d'Ivoire and Macao</p>\n"
    );

    let before = b"\xEB\xC9\xD4\xC1\xCA: Ivory Coast, Macau\n";
    let koi8 = p.write("koi8.txt", before);
    let (_, stderr, code) = p.check(&[
        "-g",
        "ivory.yaml",
        "--encoding",
        "koi8-r",
        "--fix",
        "koi8.txt",
    ]);
    assert_eq!(code, 1, "Ivory Coast remains: {stderr}");
    assert_eq!(
        fs::read(&koi8).unwrap(),
        b"\xEB\xC9\xD4\xC1\xCA: Ivory Coast, Macao\n"
    );
    assert!(stderr.contains("encoding cannot hold"), "{stderr}");
}

#[test]
fn the_exit_code_and_report_are_what_remains() {
    let p = Project::new();
    let path = p.write("a.txt", b"Tibet and Macau.\n");
    let (stdout, stderr, code) = p.check(&["--fix", "a.txt"]);
    assert_eq!(fs::read(&path).unwrap(), b"Tibet and Macao.\n");
    assert_eq!(code, 1, "Tibet has no fix: auto");
    assert_eq!(
        stdout,
        "a.txt:1:1: warning[deprecated-term] `Tibet` is deprecated for house/xizang; use `Xizang`\n"
    );
    assert_eq!(stderr, "termalign: fixed 1 occurrence in 1 file\n");
    // Run again: nothing left to fix, the same finding.
    let (stdout2, stderr2, code2) = p.check(&["--fix", "a.txt", "--quiet"]);
    assert_eq!((stdout2, stderr2.as_str(), code2), (stdout, "", 1));
}

#[test]
fn suppressed_occurrences_are_not_fixed() {
    let p = Project::new();
    let text = b"# termalign: ignore macao -- a quotation\nMacau\nMacau\n";
    let path = p.write("q.txt", text);
    let (_, _, code) = p.check(&["--fix", "q.txt"]);
    assert_eq!(code, 0);
    assert_eq!(
        fs::read(&path).unwrap(),
        b"# termalign: ignore macao -- a quotation\nMacau\nMacao\n"
    );
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let p = Project::new();
    let before = b"one\ntwo\nTibet in Macau\nfour\n";
    let path = p.write("docs/a.txt", before);
    let (stdout, stderr, code) = p.check(&["--fix", "--dry-run", "docs"]);
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        stdout,
        "--- a/docs/a.txt\n+++ b/docs/a.txt\n@@ -1,4 +1,4 @@\n one\n two\n-Tibet in Macau\n+Tibet in Macao\n four\n"
    );
    assert_eq!(
        stderr,
        "termalign: would fix 1 occurrence in 1 file (--dry-run: nothing written)\n"
    );
    assert_eq!(code, 1, "Tibet would remain");
    // `git apply`-style headers: the diff applies with patch -p1.
    if std::process::Command::new("patch")
        .arg("--version")
        .output()
        .is_ok()
    {
        let status = std::process::Command::new("patch")
            .current_dir(p.dir.path())
            .args(["-p1", "--quiet"])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut child| {
                use std::io::Write;
                child.stdin.take().unwrap().write_all(stdout.as_bytes())?;
                child.wait()
            })
            .unwrap();
        assert!(status.success());
        assert_eq!(
            fs::read(&path).unwrap(),
            b"one\ntwo\nTibet in Macao\nfour\n"
        );
    }
    // --dry-run alone is a usage error: it only qualifies --fix.
    let (stdout, _, code) = p.check(&["--dry-run", "docs"]);
    assert_eq!((stdout.as_str(), code), ("", 2));
}

#[test]
fn standard_input_cannot_be_fixed_in_place() {
    let p = Project::new();
    let (stdout, stderr, code) = p.check_with_stdin(&["--fix", "-"], b"Macau\n");
    assert_eq!((stdout.as_str(), code), ("", 2));
    assert!(
        stderr.starts_with("termalign: error: standard input cannot be fixed in place"),
        "{stderr}"
    );
    // A diff of standard input writes nothing, so it is allowed.
    let (stdout, _, code) = p.check_with_stdin(&["--fix", "--dry-run", "-"], b"Macau\n");
    assert_eq!(stdout, "--- a/-\n+++ b/-\n@@ -1 +1 @@\n-Macau\n+Macao\n");
    assert_eq!(code, 0);
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

/// The error of a refused fix: exit 2, the file named, the original bytes
/// and no temporary file left, and the finding still reported.
#[cfg(unix)]
fn assert_refused(p: &Project, dir: &Path, file: &Path, name: &str, why: &str) {
    let (stdout, stderr, code) = p.check(&["--fix", name]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains(&format!("termalign: error: {name}: ")) && stderr.contains(why),
        "{stderr}"
    );
    assert_eq!(fs::read(file).unwrap(), b"Macau\n");
    assert!(
        stdout.contains("warning[deprecated-term] `Macau`"),
        "{stdout}"
    );
    let entries: Vec<_> = fs::read_dir(dir).unwrap().collect();
    assert_eq!(entries.len(), 1, "no temporary file left behind");
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_and_untouched() {
    let p = Project::new();
    let file = p.write("ro/a.txt", b"Macau\n");
    set_mode(&file, 0o444);
    assert_refused(&p, &p.path("ro"), &file, "ro/a.txt", "read-only");
}

/// A read-only directory. Tests run as root in CI, where the kernel lets
/// root create files in a `r-x` directory: a test relying on the kernel
/// would pass there for the wrong reason, or fail. termalign decides on
/// the permission bits itself (see `fix::write_fixed`), so this test means
/// the same for root and for anyone else.
#[cfg(unix)]
#[test]
fn a_read_only_directory_is_refused_and_untouched() {
    let p = Project::new();
    let file = p.write("ro/a.txt", b"Macau\n");
    let dir = p.path("ro");
    set_mode(&dir, 0o555);
    assert_refused(&p, &dir, &file, "ro/a.txt", "read-only");
    set_mode(&dir, 0o755);
}

/// A directory the kernel really refuses, even to root: `chattr +i`
/// (immutable) on file systems that support it, with CAP_LINUX_IMMUTABLE.
/// Its permission bits are ordinary, so termalign tries, creating the
/// temporary file fails, and the error must name the file and leave it
/// alone. Where `chattr` is missing or refused (tmpfs, containers without
/// the capability), the test says so and checks nothing.
#[cfg(unix)]
#[test]
fn a_directory_the_system_refuses_leaves_the_file_untouched() {
    struct Immutable(PathBuf);
    impl Drop for Immutable {
        fn drop(&mut self) {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        }
    }
    let p = Project::new();
    let file = p.write("locked/a.txt", b"Macau\n");
    let dir = p.path("locked");
    let locked = std::process::Command::new("chattr")
        .arg("+i")
        .arg(&dir)
        .output()
        .is_ok_and(|o| o.status.success());
    if !locked {
        skip("chattr +i is not available here");
        return;
    }
    let _guard = Immutable(dir.clone());
    if fs::write(dir.join("probe"), b"").is_ok() {
        skip("the immutable flag did not stop writes");
        return;
    }
    assert_refused(
        &p,
        &dir,
        &file,
        "locked/a.txt",
        "cannot create a temporary file",
    );
}

/// Says on the process's stderr (which the harness does not capture, unlike
/// `eprintln!`) that a test checked nothing.
#[cfg(unix)]
fn skip(why: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "a_directory_the_system_refuses: skipped: {why}"
    );
}

#[cfg(unix)]
#[test]
fn permissions_survive_a_fix() {
    use std::os::unix::fs::PermissionsExt;
    let p = Project::new();
    let file = p.write("x.sh.txt", b"Macau\n");
    set_mode(&file, 0o750);
    let (_, stderr, code) = p.check(&["--fix", "x.sh.txt"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(fs::read(&file).unwrap(), b"Macao\n");
    assert_eq!(
        fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o750
    );
}

/// `--fix` rewrote identifiers: `"macau_title"` became `"Macao_title"`.
/// An identifier is one token (SPEC §3), so only the prose is fixed.
#[test]
fn identifiers_are_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strings.txt");
    std::fs::write(&path, "macau_title = Macau\nkey: macau.title\n").unwrap();
    let out = common::termalign()
        .args(["check", "--fix", "--dry-run", path.to_str().unwrap()])
        .output()
        .unwrap();
    let (stdout, stderr, _) = common::outcome(out);
    assert!(
        stdout.contains("+macau_title = Macao\n"),
        "{stdout}{stderr}"
    );
    assert!(
        !stdout.contains("Macao_title") && !stdout.contains("Macao.title"),
        "{stdout}"
    );
}

/// `--fix` in a catalogue rewrites the prose term and leaves every
/// placeholder that holds one as it was.
#[test]
fn placeholders_are_not_rewritten() {
    let p = Project::new();
    let before = "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\nmsgid \"x\"\nmsgstr \"%(Macau)s {Macau} {{ Macau }} <Macau> in Macau\"\n";
    let path = p.write("a.po", before.as_bytes());
    let (_, stderr, code) = p.check(&["--fix", "a.po"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        before.replace("in Macau", "in Macao")
    );
}
