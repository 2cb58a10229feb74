//! Languages per file, declared first (SPEC §2): the command line, then
//! the file's own declaration (a PO header, with English msgids by gettext
//! convention), then termalign.yaml, then the defaults. A file used to be
//! aligned zh -> en and checked as English whatever it said: a French PO
//! catalogue printed nothing and passed.

mod common;

use std::fs;

use serde_json::Value;

/// A French catalogue of an English program: `Language: fr`, English
/// msgids, and a translation that lost the term.
const FRENCH_PO: &str = r#"msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Welcome to Macao"
msgstr "Bienvenue dans la ville"

msgid "Taiwan"
msgstr "Taïwan"
"#;

fn run_in(dir: &std::path::Path, args: &[&str]) -> (Value, String, i32) {
    let out = common::termalign()
        .current_dir(dir)
        .args(["--isolated"])
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let (stdout, stderr, code) = common::outcome(out);
    let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (json, stderr, code)
}

fn rules(json: &Value) -> Vec<String> {
    json["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| {
                    format!(
                        "{} {} {}",
                        f["rule"].as_str().unwrap(),
                        f["language"].as_str().unwrap(),
                        f["found"].as_str().unwrap()
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn project(po: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("fr.po"), po).unwrap();
    dir
}

#[test]
fn a_po_file_is_aligned_from_english_into_its_declared_language() {
    let dir = project(FRENCH_PO);
    let (json, stderr, code) = run_in(dir.path(), &["align", "fr.po"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(rules(&json), ["missing-target-term en Macao"], "{json}");
}

#[test]
fn a_po_file_is_checked_in_its_declared_language() {
    let dir = project(FRENCH_PO);
    // French rules for the French msgstrs: Taïwan is the French spelling.
    let (json, stderr, code) = run_in(dir.path(), &["check", "fr.po"]);
    assert_eq!((code, rules(&json)), (0, vec![]), "{stderr}");
    // --lang wins over the file's declaration.
    let (json, _, _) = run_in(dir.path(), &["check", "--lang", "en", "fr.po"]);
    assert_eq!(rules(&json), ["diacritic-mismatch en Taïwan"], "{json}");
}

#[test]
fn the_header_or_the_configuration_overrides_the_gettext_convention() {
    let declared = FRENCH_PO.replace(
        "\"Language: fr\\n\"\n",
        "\"Language: en\\n\"\n\"X-Source-Language: zh\\n\"\n",
    );
    let zh = declared
        .replace("Welcome to Macao", "澳门")
        .replace("Bienvenue dans la ville", "Welcome");
    let dir = project(&zh);
    let (json, _, _) = run_in(dir.path(), &["align", "fr.po"]);
    assert_eq!(rules(&json)[0], "missing-target-term zh 澳门", "{json}");
    // Without the header, the configuration's source-lang beats the
    // convention.
    let undeclared = zh.replace("\"X-Source-Language: zh\\n\"\n", "");
    let dir = project(&undeclared);
    fs::write(dir.path().join("termalign.yaml"), "source-lang: zh\n").unwrap();
    let out = common::termalign()
        .current_dir(dir.path())
        .args(["align", "fr.po", "--format", "json"])
        .output()
        .unwrap();
    let (stdout, stderr, _) = common::outcome(out);
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stderr}"));
    assert_eq!(rules(&json)[0], "missing-target-term zh 澳门", "{json}");
}

#[test]
fn a_declared_tag_is_validated_like_any_other() {
    let dir = project(&FRENCH_PO.replace("Language: fr", "Language: french"));
    for command in ["check", "align"] {
        let (json, stderr, code) = run_in(dir.path(), &[command, "fr.po"]);
        assert_eq!(code, 2, "{command}: {stderr}");
        assert!(
            stderr.contains(
                "fr.po:1:1: its declared language: `french` is not a BCP 47 language tag"
            ),
            "{command}: {stderr}"
        );
        assert_eq!(json["summary"]["failed"], true);
    }
    // A POSIX-style declaration is canonicalized.
    let dir = project(&FRENCH_PO.replace("Language: fr", "Language: fr_FR"));
    let (json, _, _) = run_in(dir.path(), &["align", "fr.po"]);
    assert_eq!(rules(&json), ["missing-target-term en Macao"], "{json}");
    assert_eq!(json["findings"][0]["language"], "en");
}

/// HTML `lang` and Markdown front matter `lang:` declare a prose file's
/// language.
#[test]
fn html_and_markdown_declare_their_language() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("page.html"),
        "<!DOCTYPE html><html lang=\"fr\"><body><p>Taïwan</p></body></html>\n",
    )
    .unwrap();
    fs::write(dir.path().join("note.md"), "---\nlang: fr\n---\n\nTaïwan\n").unwrap();
    fs::write(dir.path().join("plain.md"), "# Note\n\nTaïwan\n").unwrap();
    let (json, stderr, _) = run_in(dir.path(), &["check", "."]);
    let found: Vec<String> = json["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{stderr}"))
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["path"].as_str().unwrap(),
                f["language"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        found,
        ["./plain.md en"],
        "only the undeclared file is read as English"
    );
}

/// A file nothing declares a language for is identified from its text,
/// with a note on stderr; `check examples/` used to read the Chinese
/// briefing and the French article as English.
#[test]
fn undeclared_files_are_identified_and_said_so() {
    let out = common::termalign()
        .args(["check", "--format", "json", "examples/"])
        .output()
        .unwrap();
    let (stdout, stderr, _) = common::outcome(out);
    let json: Value = serde_json::from_str(&stdout).unwrap();
    let mut languages: Vec<(String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_owned(),
                f["language"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    languages.dedup();
    assert!(
        languages.contains(&("examples/dialogue-chine-ue-fr.txt".into(), "fr".into())),
        "{languages:?}"
    );
    assert!(
        stderr.contains("examples/zh-briefing.txt: language identified as `zh`"),
        "{stderr}"
    );
    // An English file read in the default language gets no note.
    assert!(!stderr.contains("clean-en.txt"), "{stderr}");
    // --lang decides, and nothing is guessed.
    let out = common::termalign()
        .args(["check", "--lang", "en", "--format", "json", "examples/"])
        .output()
        .unwrap();
    let (_, stderr, _) = common::outcome(out);
    assert!(!stderr.contains("identified"), "{stderr}");
}

/// Each file's languages and where they came from are in the JSON report,
/// and `config --show FILE` reads the file to tell the same.
#[test]
fn the_chosen_languages_and_their_provenance_are_reported() {
    let dir = project(FRENCH_PO);
    fs::write(
        dir.path().join("note.txt"),
        "这是一份关于中国和欧盟人权对话的简短说明，双方在会上交换了意见。\n",
    )
    .unwrap();
    let (json, _, _) = run_in(dir.path(), &["align", "fr.po"]);
    assert_eq!(
        json["languages"],
        serde_json::json!([{
            "path": "fr.po", "lang": "fr", "lang_from": "declared in the file",
            "source_lang": "en", "source_lang_from": "the format's convention"
        }])
    );
    let (json, _, _) = run_in(dir.path(), &["check", "--lang", "de", "fr.po", "note.txt"]);
    let langs: Vec<(String, String)> = json["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["lang"].as_str().unwrap().into(),
                l["lang_from"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        langs,
        [
            ("de".into(), "command line".into()),
            ("de".into(), "command line".into())
        ]
    );
    let (json, _, _) = run_in(dir.path(), &["check", "note.txt"]);
    assert_eq!(json["languages"][0]["lang"], "zh");
    assert_eq!(
        json["languages"][0]["lang_from"],
        "identified from the text"
    );

    let (json, stderr, code) = run_in(dir.path(), &["config", "--show", "fr.po", "note.txt"]);
    assert_eq!(code, 0, "{stderr}");
    let files = json["files"].as_array().unwrap();
    assert_eq!(
        files[0]["checked-lang"],
        serde_json::json!({"value": "fr", "from": "declared in the file"})
    );
    assert_eq!(
        files[0]["aligned-source-lang"],
        serde_json::json!({"value": "en", "from": "the format's convention"})
    );
    assert_eq!(
        files[1]["checked-lang"],
        serde_json::json!({"value": "zh", "from": "identified from the text"})
    );
    assert_eq!(files[1]["aligned-source-lang"], Value::Null);
    // A file that cannot be read is an error, not a guess.
    let (_, stderr, code) = run_in(dir.path(), &["config", "--show", "missing.po"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("missing.po"), "{stderr}");
}
