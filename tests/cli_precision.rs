//! Precision on real copy (issue 12): false alarms an editor recognises at
//! once, each written as the sentence that raised it, and the recall that
//! must not be lost on the way.

mod common;

use std::fs;

struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new(glossary: &str) -> Project {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("g.yaml"), glossary).unwrap();
        Project { dir }
    }

    fn write(&self, name: &str, text: &str) {
        fs::write(self.dir.path().join(name), text).unwrap();
    }

    /// `check` in English with the project glossary: each finding as
    /// `file:line:col rule found`.
    fn check(&self, files: &[&str]) -> Vec<String> {
        let out = common::termalign()
            .current_dir(self.dir.path())
            .args([
                "--isolated",
                "check",
                "--no-default-glossaries",
                "-g",
                "g.yaml",
                "--lang",
                "en",
                "--format",
                "json",
            ])
            .args(files)
            .output()
            .unwrap();
        let (stdout, stderr, code) = common::outcome(out);
        assert!(code == 0 || code == 1, "{stderr}");
        let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{}:{}:{} {} {}",
                    f["path"].as_str().unwrap(),
                    f["line"],
                    f["column"],
                    f["rule"].as_str().unwrap(),
                    f["found"].as_str().unwrap().replace('\n', "⏎")
                )
            })
            .collect()
    }
}

/// A word hyphenated at a line's end is one word again: `Secretary-⏎General`
/// is the approved term, not a `case-mismatch` of `Secretary- General`, and
/// a deprecated `zero-⏎sum` is still found, in plain text, Markdown and
/// HTML alike, pointing at the original bytes (line break included).
#[test]
fn words_hyphenated_across_a_line_break_are_one_word() {
    let p = Project::new(
        "glossary: g\nconcepts:\n  - id: sg\n    terms:\n      en: [Secretary-General]\n  - id: win\n    terms:\n      en:\n        - win-win\n        - {term: zero-sum, status: deprecated}\n",
    );
    p.write(
        "a.txt",
        "The UN Secretary-\nGeneral rejected a zero-\nsum approach.\n",
    );
    p.write(
        "b.md",
        "The UN Secretary-\nGeneral rejected a *zero-\nsum* approach.\n",
    );
    p.write(
        "c.html",
        "<p>The UN Secretary-\n  General rejected a zero-\nsum approach.</p>\n",
    );
    assert_eq!(
        p.check(&["a.txt", "b.md", "c.html"]),
        [
            "a.txt:2:20 deprecated-term zero-⏎sum",
            "b.md:2:21 deprecated-term zero-⏎sum",
            "c.html:2:22 deprecated-term zero-⏎sum",
        ]
    );
}
