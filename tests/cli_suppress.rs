//! `termalign: ignore` and `ignore-file` (SPEC §6) through `check`, one
//! case per comment syntax and input format: the silenced finding is gone
//! from the findings and the exit code, the others stay, and
//! `--report-suppressed` lists what was silenced.

mod common;

use std::fs;

use serde_json::Value;

const GLOSSARY: &str = "\
glossary: house
concepts:
  - id: macao
    terms:
      en:
        - Macao
        - {term: Macau, status: deprecated, fix: auto}
  - id: taiwan
    terms:
      en:
        - Taiwan
        - {term: Formosa, status: forbidden}
";

/// Checks `text` as a file named `name`; returns the JSON output (with
/// `--report-suppressed`) and the exit code.
fn check(name: &str, text: &str) -> (Value, i32) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.yaml"), GLOSSARY).unwrap();
    fs::write(dir.path().join(name), text).unwrap();
    let out = common::termalign()
        .current_dir(dir.path())
        .args([
            "--isolated",
            "check",
            "--no-default-glossaries",
            "--glossary",
            "g.yaml",
            "--format",
            "json",
            "--report-suppressed",
            name,
        ])
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(code < 2, "{}", String::from_utf8_lossy(&out.stderr));
    (serde_json::from_slice(&out.stdout).unwrap(), code)
}

/// `LINE:FOUND` of each finding in `key` (`findings` or `suppressed`).
fn list(json: &Value, key: &str) -> Vec<String> {
    json[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{}:{}", f["line"], f["found"].as_str().unwrap()))
        .collect()
}

/// (file name, text, findings left, findings suppressed)
const CASES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "plain.txt",
        "termalign: ignore deprecated-term\nMacau one.\nMacau two.\n",
        &["3:Macau"],
        &["2:Macau"],
    ),
    (
        "hash.txt",
        "# termalign: ignore macao -- quoted from 1998\nMacau one.\nMacau two.\n",
        &["3:Macau"],
        &["2:Macau"],
    ),
    (
        "slashes.txt",
        "// termalign: ignore house/macao\nMacau one, Formosa.\n",
        &["2:Formosa"],
        &["2:Macau"],
    ),
    (
        "doc.md",
        "# Title\n\n<!-- termalign: ignore deprecated-term -->\n\nMacau one.\n\nMacau two.\n",
        &["7:Macau"],
        &["5:Macau"],
    ),
    (
        "page.html",
        "<html><body>\n<!-- termalign: ignore all -->\n<p>Macau and Formosa</p>\n<p>Macau</p>\n</body></html>\n",
        &["4:Macau"],
        &["3:Macau", "3:Formosa"],
    ),
    (
        "file.md",
        "Macau and Formosa.\n\n<!-- termalign: ignore-file forbidden-term -->\n\nFormosa again.\n",
        &["1:Macau"],
        &["1:Formosa", "5:Formosa"],
    ),
    (
        "crlf.txt",
        "# termalign: ignore macao\r\nMacau one.\r\nMacau two.\r\n",
        &["3:Macau"],
        &["2:Macau"],
    ),
    (
        "units.xlf",
        r#"<?xml version="1.0"?>
<xliff version="1.2"><file source-language="zh" target-language="en" datatype="plaintext" original="x"><body>
<trans-unit id="1">
  <source>澳门</source>
  <target>Macau</target>
  <note>termalign: ignore macao -- client's spelling</note>
</trans-unit>
<trans-unit id="2">
  <source>澳门</source>
  <target>Macau</target>
</trans-unit>
</body></file></xliff>
"#,
        &["10:Macau"],
        &["5:Macau"],
    ),
    (
        "messages.po",
        r#"msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

# termalign: ignore deprecated-term
#: src/main.c:10
msgid "Macao"
msgstr "Macau"

msgid "Macao again"
msgstr "Macau"
"#,
        &["11:Macau"],
        &["8:Macau"],
    ),
];

#[test]
fn each_comment_syntax_silences_its_next_line() {
    for (name, text, left, silenced) in CASES {
        let (json, code) = check(name, text);
        assert_eq!(list(&json, "findings"), *left, "{name}: findings");
        let mut got = list(&json, "suppressed");
        let mut want: Vec<String> = silenced.iter().map(|s| s.to_string()).collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{name}: suppressed");
        assert_eq!(json["summary"]["suppressed"], silenced.len(), "{name}");
        assert_eq!(json["summary"]["findings"], left.len(), "{name}");
        assert_eq!(code, 1, "{name}");
    }
}

#[test]
fn suppressed_findings_never_fail_a_run() {
    let (json, code) = check(
        "only.txt",
        "# termalign: ignore-file -- an archive, kept as written\nFormosa and Macau.\n",
    );
    assert_eq!(code, 0);
    assert_eq!(json["findings"], Value::Array(vec![]));
    let first = &json["suppressed"][0];
    assert_eq!(first["suppressed_by"]["line"], 1);
    assert_eq!(first["suppressed_by"]["file_wide"], true);
    assert_eq!(
        first["suppressed_by"]["reason"],
        "an archive, kept as written"
    );
}

#[test]
fn without_the_flag_they_are_counted_not_listed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.yaml"), GLOSSARY).unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "# termalign: ignore macao\nMacau.\nFormosa.\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        let out = common::termalign()
            .current_dir(dir.path())
            .args([
                "--isolated",
                "check",
                "--no-default-glossaries",
                "-g",
                "g.yaml",
                "a.txt",
            ])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let json: Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    assert!(json.get("suppressed").is_none());
    assert_eq!(json["summary"]["suppressed"], 1);
    let table = run(&["--format", "table"]);
    assert!(
        table.ends_with("1 error, 0 warnings, 1 suppressed in 1 file\n"),
        "{table}"
    );
    assert_eq!(
        run(&["--format", "line", "--report-suppressed"]),
        "a.txt:3:1: error[forbidden-term] `Formosa` is forbidden for house/taiwan; use `Taiwan`\n\
         a.txt:2:1: suppressed[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (warning, ignored on line 1)\n"
    );
    let github = run(&["--format", "github", "--report-suppressed"]);
    assert!(
        github.contains("::notice file=a.txt,line=2,endLine=2,col=1,endColumn=6,title=termalign deprecated-term (suppressed)::"),
        "{github}"
    );
    let html = run(&["--format", "html", "--report-suppressed"]);
    assert!(
        html.contains("<section id=\"suppressed\">"),
        "html lists them"
    );
    assert!(html.contains("Silenced by <code>termalign: ignore</code> on line 1"));
    assert!(!run(&["--format", "html"]).contains("id=\"suppressed\""));
    let sarif: Value =
        serde_json::from_str(&run(&["--format", "sarif", "--report-suppressed"])).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[1]["suppressions"][0]["kind"], "inSource");
    assert!(results[0].get("suppressions").is_none());
}

#[test]
fn the_words_of_a_directive_are_not_checked() {
    // `Macau` inside the directive itself is not prose.
    let (json, _) = check("d.txt", "# termalign: ignore Macau\nFormosa.\n");
    // `Macau` names no rule or concept, so the directive silences nothing
    // and says so (unused-suppression, info).
    assert_eq!(
        list(&json, "findings"),
        ["1:termalign: ignore Macau", "2:Formosa"]
    );
    assert_eq!(json["findings"][0]["rule"], "unused-suppression");
    assert_eq!(json["findings"][0]["severity"], "info");
    assert_eq!(list(&json, "suppressed"), Vec::<String>::new());
}

/// A directive that ends a line of text silences that line; it used to
/// silence the next non-blank line, even two lines down.
#[test]
fn a_trailing_directive_silences_its_own_line() {
    for (name, text, left, silenced) in [
        (
            "t.txt",
            "Macau one. # termalign: ignore macao\n\nMacau two.\n",
            &["3:Macau"][..],
            &["1:Macau"][..],
        ),
        (
            "t.md",
            "Macau one. <!-- termalign: ignore deprecated-term -->\nMacau two.\n",
            &["2:Macau"],
            &["1:Macau"],
        ),
        (
            "t.html",
            "<p>Macau one.</p> <!-- termalign: ignore macao -->\n<p>Macau two.</p>\n",
            &["2:Macau"],
            &["1:Macau"],
        ),
    ] {
        let (json, _) = check(name, text);
        assert_eq!(list(&json, "findings"), left, "{name}");
        assert_eq!(list(&json, "suppressed"), silenced, "{name}");
    }
}

/// `termalign: off` … `termalign: on` silences a block, in each format's
/// comment syntax; an `off` without `on` runs to the end of the file.
#[test]
fn off_and_on_silence_a_block() {
    for (name, text, left, silenced) in [
        (
            "b.txt",
            "Macau 1.\n# termalign: off\nMacau 3.\n\nMacau 5.\n# termalign: on\nMacau 7.\n",
            &["1:Macau", "7:Macau"][..],
            &["3:Macau", "5:Macau"][..],
        ),
        (
            "b.md",
            "Macau 1.\n\n<!-- termalign: off macao -->\n\nMacau 5, Formosa.\n\n<!-- termalign: on -->\n\nMacau 9.\n",
            &["1:Macau", "5:Formosa", "9:Macau"],
            &["5:Macau"],
        ),
        (
            "b.po",
            "# termalign: off\nmsgid \"Macao\"\nmsgstr \"Macau\"\n\nmsgid \"Macao 2\"\nmsgstr \"Macau\"\n",
            &[],
            &["3:Macau", "6:Macau"],
        ),
    ] {
        let (json, _) = check(name, text);
        assert_eq!(list(&json, "findings"), left, "{name}");
        assert_eq!(list(&json, "suppressed"), silenced, "{name}");
    }
}

/// Every directive that silenced nothing is reported once, at the
/// directive, as info: it does not fail a run.
#[test]
fn unused_directives_are_reported() {
    let (json, code) = check(
        "u.txt",
        "# termalign: ignore forbidden-term\nMacau.\n# termalign: ignore-file xinjiang\n",
    );
    let unused: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "unused-suppression")
        .map(|f| format!("{}:{}", f["line"], f["found"].as_str().unwrap()))
        .collect();
    assert_eq!(
        unused,
        [
            "1:termalign: ignore forbidden-term",
            "3:termalign: ignore-file xinjiang"
        ]
    );
    assert_eq!(code, 1, "the deprecated Macau fails, not the info");
    // A used directive is not reported.
    let (json, _) = check("v.txt", "# termalign: ignore macao\nMacau.\n");
    assert!(json["findings"].as_array().unwrap().is_empty(), "{json}");
}
