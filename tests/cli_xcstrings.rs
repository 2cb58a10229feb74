//! Xcode String Catalogs: `align` pairs each key's source text with one
//! language's translation, by key and variant; `check` and `--fix` work on
//! the translation only. A real catalogue (tests/fixtures/input/xcstrings/
//! SOURCES.md) shows it on a file nobody here wrote.

mod common;

use std::fs;

const GLOSSARY: &str = "glossary: house\nconcepts:\n  - id: macao\n    terms:\n      en: [Macao]\n      fr:\n        - Macao\n        - {term: Macau, status: deprecated, fix: auto}\n";

const CATALOGUE: &str = r#"{
  "sourceLanguage" : "en",
  "strings" : {
    "Visit Macau" : {
      "comment" : "Macau in a comment",
      "localizations" : {
        "fr" : { "stringUnit" : { "state" : "translated", "value" : "Visitez \"Macau\"" } }
      }
    },
    "ferries" : {
      "localizations" : {
        "en" : { "variations" : { "plural" : {
          "one" : { "stringUnit" : { "state" : "translated", "value" : "%lld ferry to Macao" } },
          "other" : { "stringUnit" : { "state" : "translated", "value" : "%lld ferries to Macao" } } } } },
        "fr" : { "variations" : { "plural" : {
          "one" : { "stringUnit" : { "state" : "translated", "value" : "%lld traversier vers Macau" } } } } }
      }
    }
  },
  "version" : "1.0"
}"#;

fn run(dir: &std::path::Path, args: &[&str]) -> (String, String, i32) {
    common::outcome(
        common::termalign()
            .current_dir(dir)
            .args(["--isolated"])
            .args(args)
            .output()
            .unwrap(),
    )
}

#[test]
fn align_pairs_keys_and_variants_and_fix_edits_only_the_translation() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("g.yaml"), GLOSSARY).unwrap();
    let path = dir.path().join("Localizable.xcstrings");
    fs::write(&path, CATALOGUE).unwrap();
    let glossary = ["--no-default-glossaries", "-g", "g.yaml"];
    let mut args = vec!["align"];
    args.extend(glossary);
    args.extend(["--format", "line", "Localizable.xcstrings"]);
    let (stdout, stderr, code) = run(dir.path(), &args);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "Localizable.xcstrings:7:80: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment Visit Macau)",
            "Localizable.xcstrings:14:75: warning[unfinished-segment] segment ferries[plural.other] has no translation (segment ferries[plural.other])",
            "Localizable.xcstrings:16:94: warning[deprecated-term] `Macau` is deprecated for house/macao; use `Macao` (segment ferries[plural.one])",
        ]
    );
    let mut args = vec!["check", "--fix"];
    args.extend(glossary);
    args.push("Localizable.xcstrings");
    let (stdout, stderr, code) = run(dir.path(), &args);
    assert_eq!((stdout.as_str(), code), ("", 0), "{stderr}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        CATALOGUE
            .replace("Visitez \\\"Macau\\\"", "Visitez \\\"Macao\\\"")
            .replace("traversier vers Macau", "traversier vers Macao")
    );
}

#[test]
fn several_languages_must_be_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let two = CATALOGUE.replace(
        r#""fr" : { "stringUnit" : { "state" : "translated", "value" : "Visitez \"Macau\"" } }"#,
        r#""fr" : { "stringUnit" : { "state" : "translated", "value" : "Visitez Macao" } },
        "de" : { "stringUnit" : { "state" : "translated", "value" : "Besuchen Sie Macau" } }"#,
    );
    fs::write(dir.path().join("L.xcstrings"), two).unwrap();
    let (stdout, stderr, code) = run(dir.path(), &["align", "L.xcstrings"]);
    assert_eq!((stdout.as_str(), code), ("", 2), "{stderr}");
    assert!(stderr.contains("fr") && stderr.contains("de"), "{stderr}");
    let (stdout, stderr, _) = run(
        dir.path(),
        &[
            "align",
            "--target-lang",
            "de",
            "--format",
            "json",
            "L.xcstrings",
        ],
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|_| panic!("{stderr}"));
    assert_eq!(json["languages"][0]["lang"], "de", "{stdout}");
}

/// Every key of the real catalogue without a Dutch translation is
/// unfinished, and no other: not the `shouldTranslate: false` ones, not
/// the key that is a lone space.
#[test]
fn a_real_catalogue_reports_exactly_its_untranslated_keys() {
    let path = common::fixture("input/xcstrings/dinnerconnect-Localizable.xcstrings");
    let catalogue: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    let mut want: Vec<String> = catalogue["strings"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(key, v)| {
            v["shouldTranslate"] != false
                && v["localizations"]["nl"].is_null()
                && !key.trim().is_empty()
        })
        .map(|(key, _)| key.clone())
        .collect();
    want.sort();
    let (stdout, stderr, code) = run(
        &common::root(),
        &["align", "--format", "json", path.to_str().unwrap()],
    );
    assert_eq!(code, 1, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let mut got: Vec<String> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "unfinished-segment")
        .map(|f| f["segment"].as_str().unwrap().to_owned())
        .collect();
    got.sort();
    assert_eq!(got, want);
    assert!(want.len() > 30);
    assert_eq!(json["languages"][0]["lang"], "nl");
}
