//! Xcode String Catalogs (`.xcstrings`, JSON): each string's source text
//! and its translation into one target language, as pairs by key.
//!
//! A catalogue holds every language at once, as TMX does. The source
//! language is the one asked for, else the catalogue's `sourceLanguage`;
//! the target language is the one asked for, else the only other language
//! the catalogue has (several: the user must choose, as with TMX). A
//! language is matched by its exact tag (`fr-CA` and `fr` are different
//! translations), else by the one tag that shares its primary subtag.
//!
//! The source text is the source language's own `stringUnit` when there is
//! one, else the key itself (Xcode keys are the source strings), mapped
//! into the file like any JSON string. Plural and device variations
//! (`variations.plural.one`, nested) and substitutions' variations are
//! pairs of their own, with ids `key[plural.one]` and `key{arg}[plural.one]`;
//! a variant the source lacks is paired with the source's plain text.
//! States: `translated` (or none) is final, `needs_review` needs review,
//! `new` is untranslated; `shouldTranslate: false` is locked. A key with no
//! translation in the target language has no target.

use crate::error::{Error, Result};
use crate::input::json::{self, Member, Value};
use crate::input::{Bilingual, PairLanguages, PairState, SegmentPair, SourceFile};
use crate::text::MappedText;

/// Reads a string catalogue's pairs.
pub fn read(file: &SourceFile, languages: PairLanguages<'_>) -> Result<Bilingual> {
    let (root, comments) = json::parse(file)?;
    // Catalogue-level problems are the file's, at its start.
    let fail = |message: String| Error::input(file.origin(0), message);
    let Some(Value::Object(strings)) = root.get("strings") else {
        return Err(fail(
            "not a string catalogue: no `strings` object at the top".to_owned(),
        ));
    };
    let source = match languages.source {
        Some(s) => s.to_owned(),
        None => match root.get("sourceLanguage").and_then(Value::as_str) {
            Some(s) => s.text.clone(),
            None => {
                return Err(fail(
                    "no `sourceLanguage`: give the source language with --source-lang".to_owned(),
                ))
            }
        },
    };
    let present = present_languages(strings);
    let target = match languages.target {
        Some(t) => t.to_owned(),
        None => {
            let others: Vec<&String> = present.iter().filter(|l| !same_tag(l, &source)).collect();
            match others.as_slice() {
                [one] => (*one).clone(),
                [] => {
                    return Err(fail(format!(
                        "{}: no translation in a language other than the source `{source}`",
                        file.path.display()
                    )))
                }
                many => {
                    return Err(Error::SeveralTargetLanguages {
                        path: file.path.clone(),
                        languages: many.iter().map(|l| l.to_string()).collect(),
                    })
                }
            }
        }
    };
    if same_tag(&source, &target) {
        return Err(Error::Usage(format!(
            "{}: source and target language are both `{source}`",
            file.path.display()
        )));
    }
    let target_tag = choose(&present, &target);
    let source_tag = choose(&present, &source);
    let mut pairs = Vec::new();
    for string in strings {
        let key = &string.key;
        let locked = matches!(
            string.value.get("shouldTranslate"),
            Some(Value::Bool(false))
        );
        let localizations = string.value.get("localizations");
        let localized = |tag: Option<&str>| tag.and_then(|t| localizations.and_then(|l| l.get(t)));
        let mut source_units = Vec::new();
        match localized(source_tag.as_deref()) {
            Some(unit) => units(unit, &mut String::new(), &mut source_units),
            None => source_units.push((String::new(), key.clone(), PairState::Final)),
        }
        let mut target_units = Vec::new();
        if let Some(unit) = localized(target_tag.as_deref()) {
            units(unit, &mut String::new(), &mut target_units);
        }
        let plain_source = source_units
            .iter()
            .find(|(variant, ..)| variant.is_empty())
            .map_or_else(|| key.clone(), |(_, text, _)| text.clone());
        let id = |variant: &str| format!("{}{variant}", key.text);
        let mut seen = Vec::new();
        for (variant, text, state) in &target_units {
            let source_text = source_units
                .iter()
                .find(|(v, ..)| v == variant)
                .map_or_else(|| plain_source.clone(), |(_, t, _)| t.clone());
            seen.push(variant.clone());
            pairs.push(SegmentPair {
                id: id(variant),
                source: source_text,
                target: Some(text.clone()),
                state: if locked {
                    PairState::Locked
                } else {
                    state.clone()
                },
                entry: Some(string.span),
            });
        }
        for (variant, text, _) in source_units.iter().filter(|(v, ..)| !seen.contains(v)) {
            // Variants the translation lacks (or no translation at all).
            if !target_units.is_empty() && variant.is_empty() {
                continue;
            }
            pairs.push(SegmentPair {
                id: id(variant),
                source: text.clone(),
                target: None,
                // No target says it already: `unfinished-segment`.
                state: if locked {
                    PairState::Locked
                } else {
                    PairState::Final
                },
                entry: Some(string.span),
            });
        }
    }
    Ok(Bilingual {
        source_lang: Some(source),
        target_lang: Some(target),
        conventional_source: None,
        pairs,
        comments,
    })
}

/// The texts of a localization: its `stringUnit`, and those of its
/// variations and substitutions, each with its variant path.
fn units(value: &Value, variant: &mut String, out: &mut Vec<(String, MappedText, PairState)>) {
    if let Some(unit) = value.get("stringUnit") {
        if let Some(text) = unit.get("value").and_then(Value::as_str) {
            let state = match unit
                .get("state")
                .and_then(Value::as_str)
                .map(|s| s.text.as_str())
            {
                Some("needs_review") => PairState::NeedsReview("needs_review".to_owned()),
                Some(s @ "new") => PairState::Untranslated(s.to_owned()),
                _ => PairState::Final,
            };
            let id = if variant.is_empty() {
                String::new()
            } else {
                format!("[{}]", variant.trim_start_matches('.'))
            };
            out.push((id, text.clone(), state));
        }
    }
    if let Some(Value::Object(kinds)) = value.get("variations") {
        for kind in kinds {
            if let Value::Object(cases) = &kind.value {
                for case in cases {
                    let mut path = format!("{variant}.{}.{}", kind.key.text, case.key.text);
                    units(&case.value, &mut path, out);
                }
            }
        }
    }
    if let Some(Value::Object(args)) = value.get("substitutions") {
        for arg in args {
            let mut inner = Vec::new();
            units(&arg.value, &mut variant.clone(), &mut inner);
            for (id, text, state) in inner {
                out.push((format!("{{{}}}{id}", arg.key.text), text, state));
            }
        }
    }
}

/// Every language tag that has a localization, in order of appearance.
fn present_languages(strings: &[Member]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for string in strings {
        if let Some(Value::Object(localizations)) = string.value.get("localizations") {
            for l in localizations {
                if !out.iter().any(|t| t == &l.key.text) {
                    out.push(l.key.text.clone());
                }
            }
        }
    }
    out
}

fn same_tag(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The tag of `present` for `wanted`: the same tag, else the only one with
/// the same primary subtag.
fn choose(present: &[String], wanted: &str) -> Option<String> {
    if let Some(exact) = present.iter().find(|t| same_tag(t, wanted)) {
        return Some(exact.clone());
    }
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or(t).to_ascii_lowercase();
    let same: Vec<&String> = present
        .iter()
        .filter(|t| primary(t) == primary(wanted))
        .collect();
    match same.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::testing::{check_maps, file, ids, original, pair, target};

    const CATALOGUE: &str = r#"{
  "sourceLanguage" : "en",
  "strings" : {
    "Visit Macau" : {
      "localizations" : {
        "fr" : { "stringUnit" : { "state" : "translated", "value" : "Visitez Macau" } }
      }
    },
    "greeting" : {
      "localizations" : {
        "en" : { "stringUnit" : { "state" : "translated", "value" : "Hello from Macau" } },
        "fr" : { "stringUnit" : { "state" : "needs_review", "value" : "Bonjour de Macau" } }
      }
    },
    "%lld ferries" : {
      "localizations" : {
        "en" : { "variations" : { "plural" : {
          "one" : { "stringUnit" : { "state" : "translated", "value" : "%lld ferry" } },
          "other" : { "stringUnit" : { "state" : "translated", "value" : "%lld ferries" } } } } },
        "fr" : { "variations" : { "plural" : {
          "one" : { "stringUnit" : { "state" : "new", "value" : "%lld traversier" } } } } }
      }
    },
    "Not yet" : { },
    "MACAU_CODE" : { "shouldTranslate" : false }
  },
  "version" : "1.0"
}"#;

    #[test]
    fn pairs_by_key_variant_and_state() {
        let f = file("Localizable.xcstrings", CATALOGUE);
        let b = read(&f, PairLanguages::default()).unwrap();
        check_maps(&f, &b);
        assert_eq!(
            (b.source_lang.as_deref(), b.target_lang.as_deref()),
            (Some("en"), Some("fr"))
        );
        assert_eq!(
            ids(&b),
            [
                "Visit Macau",
                "greeting",
                "%lld ferries[plural.one]",
                "%lld ferries[plural.other]",
                "Not yet",
                "MACAU_CODE"
            ]
        );
        let visit = pair(&b, "Visit Macau");
        assert_eq!(visit.source.text, "Visit Macau");
        assert_eq!(original(&f, &visit.source, "Macau"), "Macau");
        assert_eq!(target(visit), "Visitez Macau");
        let greeting = pair(&b, "greeting");
        assert_eq!(greeting.source.text, "Hello from Macau");
        assert_eq!(
            greeting.state,
            PairState::NeedsReview("needs_review".into())
        );
        let one = pair(&b, "%lld ferries[plural.one]");
        assert_eq!(
            (one.source.text.as_str(), target(one)),
            ("%lld ferry", "%lld traversier")
        );
        assert_eq!(one.state, PairState::Untranslated("new".into()));
        let other = pair(&b, "%lld ferries[plural.other]");
        assert_eq!(target(other), "<none>");
        assert_eq!(target(pair(&b, "Not yet")), "<none>");
        assert_eq!(pair(&b, "MACAU_CODE").state, PairState::Locked);
    }

    #[test]
    fn languages_are_chosen_or_asked_for() {
        let two = CATALOGUE.replace(
            r#""fr" : { "stringUnit" : { "state" : "translated", "value" : "Visitez Macau" } }"#,
            r#""fr" : { "stringUnit" : { "state" : "translated", "value" : "Visitez Macau" } },
        "de" : { "stringUnit" : { "state" : "translated", "value" : "Besuchen Sie Macau" } }"#,
        );
        let f = file("L.xcstrings", &two);
        let err = read(&f, PairLanguages::default()).unwrap_err();
        assert!(matches!(err, Error::SeveralTargetLanguages { .. }), "{err}");
        let b = read(
            &f,
            PairLanguages {
                source: None,
                target: Some("de-DE"),
            },
        )
        .unwrap();
        assert_eq!(target(pair(&b, "Visit Macau")), "Besuchen Sie Macau");
        let bad = read(
            &file("L.xcstrings", "{\"version\": \"1.0\"}"),
            PairLanguages::default(),
        );
        assert!(bad.unwrap_err().to_string().contains("no `strings` object"));
    }
}
