//! Loading glossary YAML (SPEC §1) into a [`GlossarySet`]. The raw serde
//! structs here mirror the file format exactly (unknown keys are errors); the
//! set is built only when every file validates, so a run never checks against
//! half a glossary.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

use super::model::*;
use super::validate;
use crate::error::{Error, Origin, Result};
use crate::yaml::{self, Positions};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawGlossary {
    pub glossary: String,
    pub title: Option<String>,
    #[serde(default, deserialize_with = "scalar_string")]
    pub version: Option<String>,
    pub source: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    pub concepts: Vec<RawConcept>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConcept {
    pub id: String,
    pub domain: Option<String>,
    pub definition: Option<String>,
    pub note: Option<String>,
    pub terms: BTreeMap<String, Vec<RawTerm>>,
}

/// A term entry: either a bare string (a preferred full form) or a map.
#[derive(Debug)]
pub(super) struct RawTerm(pub RawTermEntry);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTermEntry {
    pub term: String,
    #[serde(default)]
    pub status: Status,
    #[serde(default, rename = "type")]
    pub term_type: TermType,
    #[serde(default)]
    pub case: CaseMode,
    #[serde(default)]
    pub ignore_in: Vec<String>,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default, rename = "match")]
    pub match_mode: MatchMode,
    #[serde(default)]
    pub fix: FixMode,
    pub note: Option<String>,
}

impl<'de> Deserialize<'de> for RawTerm {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TermVisitor;
        impl<'de> Visitor<'de> for TermVisitor {
            type Value = RawTerm;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a term: a string, or a map with a `term` key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawTerm, E> {
                Ok(RawTerm(RawTermEntry {
                    term: v.to_owned(),
                    status: Status::Preferred,
                    term_type: TermType::FullForm,
                    case: CaseMode::Insensitive,
                    ignore_in: Vec::new(),
                    forms: Vec::new(),
                    match_mode: MatchMode::Word,
                    fix: FixMode::Suggest,
                    note: None,
                }))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawTerm, A::Error> {
                RawTermEntry::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawTerm)
            }
        }
        deserializer.deserialize_any(TermVisitor)
    }
}

/// `version: 2026.11` and `version: "2026.11"` both mean the string.
fn scalar_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Scalar {
        S(String),
        I(i64),
        F(f64),
    }
    Ok(Option::<Scalar>::deserialize(d)?.map(|s| match s {
        Scalar::S(s) => s,
        Scalar::I(i) => i.to_string(),
        Scalar::F(f) => f.to_string(),
    }))
}

/// One glossary file's text, before loading.
#[derive(Debug, Clone)]
pub struct GlossarySource {
    pub path: std::path::PathBuf,
    pub text: String,
}

impl GlossarySource {
    pub fn read(path: &Path) -> Result<GlossarySource> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let before = std::str::from_utf8(&e.as_bytes()[..valid]).unwrap_or_default();
            Error::encoding(path, "UTF-8", valid, before)
        })?;
        Ok(GlossarySource {
            path: path.to_path_buf(),
            text: text.trim_start_matches('\u{FEFF}').to_owned(),
        })
    }
}

/// Parses, validates and merges glossary files, `sources` in priority
/// order, highest first ([`super::layers`]). All errors of all files are
/// returned, each with its position; on any error nothing is returned.
pub fn load_set(sources: &[GlossarySource]) -> std::result::Result<GlossarySet, Vec<Error>> {
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for source in sources {
        match yaml::parse::<RawGlossary>(&source.path, &source.text) {
            Ok((raw, positions)) => parsed.push((source, raw, positions)),
            Err(e) => errors.push(Error::Glossary {
                origin: e.origin,
                message: e.message,
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut set = GlossarySet::default();
    for (source, raw, positions) in &parsed {
        add_glossary(&mut set, &source.path, raw, positions);
    }
    let positions: Vec<&Positions> = parsed.iter().map(|(_, _, p)| p).collect();
    errors.extend(validate::validate(&set, &positions));
    if errors.is_empty() {
        super::layers::resolve(&mut set);
        Ok(set)
    } else {
        errors.sort_by_key(origin_of);
        Err(errors)
    }
}

fn origin_of(e: &Error) -> Option<Origin> {
    match e {
        Error::Glossary { origin, .. } => Some(origin.clone()),
        _ => None,
    }
}

fn add_glossary(set: &mut GlossarySet, path: &Path, raw: &RawGlossary, positions: &Positions) {
    let glossary_id = GlossaryId(set.glossaries.len() as u32);
    let first_concept = set.concepts.len() as u32;
    for (ci, raw_concept) in raw.concepts.iter().enumerate() {
        let concept_id = ConceptId(set.concepts.len() as u32);
        let first_term = set.terms.len() as u32;
        for (lang, terms) in &raw_concept.terms {
            for (ti, RawTerm(entry)) in terms.iter().enumerate() {
                set.terms.push(Term {
                    concept: concept_id,
                    language: lang.clone(),
                    text: entry.term.trim().to_owned(),
                    status: entry.status,
                    term_type: entry.term_type,
                    case: entry.case,
                    ignore_in: entry.ignore_in.clone(),
                    forms: entry.forms.clone(),
                    match_mode: entry.match_mode,
                    fix: entry.fix,
                    note: entry.note.clone(),
                    origin: positions.origin(&format!("concepts.{ci}.terms.{lang}.{ti}")),
                });
            }
        }
        set.concepts.push(Concept {
            glossary: glossary_id,
            id: raw_concept.id.clone(),
            key: format!("{}/{}", raw.glossary, raw_concept.id),
            domain: raw_concept.domain.clone(),
            definition: raw_concept.definition.clone(),
            note: raw_concept.note.clone(),
            terms: first_term..set.terms.len() as u32,
            origin: positions.origin(&format!("concepts.{ci}")),
        });
    }
    set.glossaries.push(Glossary {
        id: raw.glossary.clone(),
        title: raw.title.clone(),
        version: raw.version.clone(),
        source: raw.source.clone(),
        languages: raw.languages.clone(),
        path: path.to_path_buf(),
        concepts: first_concept..set.concepts.len() as u32,
    });
}
