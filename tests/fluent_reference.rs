//! The Fluent reader against the Fluent specification's own parser
//! fixtures (tests/fixtures/input/fluent/, Apache-2.0): for every message,
//! term, attribute and select variant, the text termalign checks must be
//! the reference AST's text, placeables read as spaces, white space
//! folded. Ids and texts come from a parser nobody here wrote.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use termalign::input::{Format, SourceFile};

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The texts of a reference pattern, by segment id, into `out`.
fn pattern(id: &str, pattern: &Value, out: &mut BTreeMap<String, String>) {
    let mut text = String::new();
    for element in pattern["elements"].as_array().unwrap() {
        match element["type"].as_str().unwrap() {
            "TextElement" => text.push_str(element["value"].as_str().unwrap()),
            "Placeable" => {
                let expression = &element["expression"];
                if expression["type"] == "SelectExpression" {
                    for variant in expression["variants"].as_array().unwrap() {
                        let key = &variant["key"];
                        let key = key["name"].as_str().or(key["value"].as_str()).unwrap();
                        self::pattern(&format!("{id}[{key}]"), &variant["value"], out);
                    }
                }
                text.push(' ');
            }
            other => panic!("unknown element {other}"),
        }
    }
    let folded = fold(&text);
    if !folded.is_empty() {
        out.insert(id.to_owned(), folded);
    }
}

fn reference(json: &Value) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in json["body"].as_array().unwrap() {
        let prefix = match entry["type"].as_str().unwrap() {
            "Message" => "",
            "Term" => "-",
            _ => continue,
        };
        let id = format!("{prefix}{}", entry["id"]["name"].as_str().unwrap());
        if !entry["value"].is_null() {
            pattern(&id, &entry["value"], &mut out);
        }
        for attribute in entry["attributes"].as_array().unwrap() {
            let name = attribute["id"]["name"].as_str().unwrap();
            pattern(&format!("{id}.{name}"), &attribute["value"], &mut out);
        }
    }
    out
}

#[test]
fn fluent_reader_agrees_with_the_reference_parser() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/input/fluent");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let json: Value =
            serde_json::from_str(&std::fs::read_to_string(path.with_extension("json")).unwrap())
                .unwrap();
        let want = reference(&json);
        let file = SourceFile::from_bytes(&path, std::fs::read(&path).unwrap()).unwrap();
        let prose = Format::Fluent
            .read_document(&file)
            .unwrap_or_else(|e| panic!("{e}"));
        let got: BTreeMap<String, String> = prose
            .segments
            .iter()
            .map(|s| (s.id.clone().unwrap(), fold(&s.text.text)))
            .filter(|(_, t)| !t.is_empty())
            .collect();
        assert_eq!(got, want, "{}", path.display());
        checked += want.len();
    }
    assert!(checked >= 25, "{checked}");
}
