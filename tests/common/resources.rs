//! Helpers for the CLI tests of keyed resource formats (Android
//! `strings.xml`, `.resx`, `.stringsdict`): a project directory with a
//! glossary in which `Macau` is deprecated for `Macao` and `Xian` for
//! `Xi'an`, `check` and `align` run in it, and the map check for real
//! files.

use std::fs;
use std::path::{Path, PathBuf};

use termalign::input::{Prose, SourceFile};
use termalign::Span;

pub const GLOSSARY: &str = "\
glossary: house
concepts:
  - id: macao
    terms:
      en:
        - Macao
        - {term: Macau, status: deprecated, fix: auto}
      fr:
        - Macao
        - {term: Macau, status: deprecated}
  - id: xian
    terms:
      en:
        - \"Xi'an\"
        - {term: Xian, status: deprecated, fix: auto}
";

pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn new() -> Project {
        Project::with_glossary(GLOSSARY)
    }

    /// A project whose `g.yaml` is `glossary`.
    pub fn with_glossary(glossary: &str) -> Project {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("g.yaml"), glossary).unwrap();
        Project { dir }
    }

    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    pub fn read(&self, name: &str) -> String {
        fs::read_to_string(self.dir.path().join(name)).unwrap()
    }

    /// `termalign check` with the project glossary, in English, one line
    /// per finding: (stdout, stderr, code).
    pub fn check(&self, args: &[&str]) -> (String, String, i32) {
        let mut all = vec!["--lang", "en", "--format", "line"];
        all.extend(args);
        self.run("check", &all)
    }

    /// `termalign COMMAND` with the project glossary and `args`.
    pub fn run(&self, command: &str, args: &[&str]) -> (String, String, i32) {
        let out = super::termalign()
            .current_dir(self.dir.path())
            .args([
                "--isolated",
                command,
                "--no-default-glossaries",
                "-g",
                "g.yaml",
            ])
            .args(args)
            .output()
            .unwrap();
        super::outcome(out)
    }
}

impl Project {
    /// Each `(name, text, message)` file, written and checked, exits 2
    /// with `message` (which names the position) on stderr and nothing on
    /// stdout.
    pub fn assert_input_errors(&self, files: &[(&str, &str, &str)]) {
        for (name, text, want) in files {
            self.write(name, text.as_bytes());
            let (stdout, stderr, code) = self.check(&[name]);
            assert_eq!(code, 2, "{name}: {stdout}{stderr}");
            assert!(stderr.contains(want), "{name}: {stderr}");
            assert!(stdout.is_empty(), "{name}: {stdout}");
        }
    }
}

/// `line:column segment` of each finding of `--format line` output.
pub fn findings(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .map(|l| {
            // `path:line:col: severity[rule] message (segment ID)`
            let mut parts = l.splitn(4, ':');
            let (_, line, col) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
            let segment = l
                .rsplit_once("(segment ")
                .map_or("-", |(_, s)| s.trim_end_matches(')'));
            format!("{line}:{col} {segment}")
        })
        .collect()
}

/// Reads `path` with `read` (a format's reader, before placeholder
/// masking) and checks that every character of every value maps to the
/// bytes of the file it was decoded from: the same character, an escape
/// or entity (which starts with `\` or `&`), a run of white space for a
/// space, or a masked element for a space; in file order, inside the
/// value's entry. Returns the values.
pub fn assert_maps_exactly(
    path: &Path,
    read: fn(&SourceFile) -> termalign::Result<Prose>,
) -> Prose {
    let file = SourceFile::read(path).unwrap();
    let prose = read(&file).unwrap_or_else(|e| panic!("{e}"));
    for s in &prose.segments {
        let id = s.id.as_deref().unwrap_or("-");
        let entry = s.entry.expect("every value has its entry");
        let mut last = 0;
        for (i, c) in s.text.text.char_indices() {
            let span = s.text.source_span(Span::new(i, i + c.len_utf8()));
            assert!(span.start >= last, "{id}: not in file order at {i}");
            assert!(
                entry.start <= span.start && span.end <= entry.end,
                "{id}: outside its entry"
            );
            last = span.start;
            let raw_span = file.raw_span(span);
            let raw = std::str::from_utf8(&file.raw[raw_span.start..raw_span.end]).unwrap();
            let same = raw == c.encode_utf8(&mut [0; 4]);
            let escape = raw.starts_with('\\') || raw.starts_with('&');
            let space = c == ' ' && (raw.chars().all(char::is_whitespace) || raw.starts_with('<'));
            assert!(same || escape || space, "{id}: {c:?} maps to {raw:?}");
        }
    }
    prose
}
