//! The rules of SPEC §1 that a well-formed YAML file can still break: ids,
//! language tags, duplicate terms, missing preferred terms, `ignore_in`
//! phrases that cannot contain their term, and
//! `fix: auto` with nothing to fix to. Every error names file, line, column.

use std::collections::HashMap;

use super::model::*;
use crate::error::Error;
use crate::text::{fold_str, Fold};
use crate::yaml::Positions;

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A valid BCP 47 tag ([`crate::lang::Lang`]): `ll`, `lll`, `zh-Hans`,
/// `en-US`, `sr-Latn-RS`, every subtag a registered one.
pub fn is_language_tag(s: &str) -> bool {
    crate::lang::Lang::parse(s).is_ok()
}

/// Languages with a Snowball stemmer (for `match: stem`).
pub fn has_stemmer(lang: &str) -> bool {
    crate::lang::stemmer_for(lang).is_some()
}

pub(super) fn validate(set: &GlossarySet, positions: &[&Positions]) -> Vec<Error> {
    let mut errors = Vec::new();
    let mut error = |origin, message: String| errors.push(Error::Glossary { origin, message });

    let mut glossary_ids: HashMap<&str, usize> = HashMap::new();
    for (gi, g) in set.glossaries.iter().enumerate() {
        let pos = positions[gi];
        if !is_id(&g.id) {
            error(
                pos.origin("glossary"),
                format!("glossary id `{}` must match [a-z0-9-]+", g.id),
            );
        }
        if let Some(&other) = glossary_ids.get(g.id.as_str()) {
            error(
                pos.origin("glossary"),
                format!(
                    "glossary id `{}` is already used by {}",
                    g.id,
                    set.glossaries[other].path.display()
                ),
            );
        } else {
            glossary_ids.insert(&g.id, gi);
        }
        for lang in &g.languages {
            if !is_language_tag(lang) {
                error(
                    pos.origin("languages"),
                    format!("`{lang}` is not a language tag (BCP 47, e.g. en, zh-Hans)"),
                );
            }
        }
        let mut concept_ids: HashMap<&str, usize> = HashMap::new();
        for (ci, c) in set.concepts[g.concepts.start as usize..g.concepts.end as usize]
            .iter()
            .enumerate()
        {
            let at = |path: &str| pos.origin(&format!("concepts.{ci}.{path}"));
            if !is_id(&c.id) {
                error(
                    at("id"),
                    format!("concept id `{}` must match [a-z0-9-]+", c.id),
                );
            }
            if let Some(first) = concept_ids.insert(&c.id, ci) {
                let line = pos.origin(&format!("concepts.{first}.id")).line;
                error(
                    at("id"),
                    format!(
                        "duplicate concept id `{}` (first defined on line {line})",
                        c.id
                    ),
                );
            }
            validate_concept(set, c, g, &at, &mut error);
        }
    }
    errors
}

fn validate_concept(
    set: &GlossarySet,
    c: &Concept,
    g: &Glossary,
    at: &dyn Fn(&str) -> crate::error::Origin,
    error: &mut impl FnMut(crate::error::Origin, String),
) {
    let terms: Vec<&Term> = (c.terms.start..c.terms.end)
        .map(|t| set.term(TermId(t)))
        .collect();
    if terms.is_empty() {
        error(at("terms"), format!("concept `{}` has no terms", c.id));
    }
    let mut languages: Vec<&str> = terms.iter().map(|t| t.language.as_str()).collect();
    languages.dedup();
    for lang in languages {
        let key_at = at(&format!("terms.{lang}#key"));
        if !is_language_tag(lang) {
            error(
                key_at.clone(),
                format!("`{lang}` is not a language tag (BCP 47, e.g. en, zh-Hans)"),
            );
        }
        if !g.languages.is_empty() && !g.languages.iter().any(|d| tag_covers(d, lang)) {
            error(
                key_at.clone(),
                format!(
                    "language `{lang}` is not among the glossary's declared languages [{}]",
                    g.languages.join(", ")
                ),
            );
        }
        let in_lang: Vec<&Term> = terms
            .iter()
            .copied()
            .filter(|t| t.language == lang)
            .collect();
        if !in_lang.iter().any(|t| t.status == Status::Preferred) {
            error(
                key_at,
                format!("concept `{}` has no preferred term in `{lang}`", c.id),
            );
        }
        let mut seen: HashMap<String, &Term> = HashMap::new();
        for t in &in_lang {
            if t.text.is_empty() {
                error(t.origin.clone(), "empty term".to_owned());
                continue;
            }
            // `...` or `--` would match every ellipsis or dash of the copy.
            if !t.text.chars().any(char::is_alphanumeric) {
                error(
                    t.origin.clone(),
                    format!("term `{}` has no letter, digit or ideograph", t.text),
                );
                continue;
            }
            for written in std::iter::once(&t.text).chain(&t.forms) {
                let key = fold_str(written, Fold::CASE_ONLY);
                if let Some(first) = seen.insert(key, t) {
                    error(
                        t.origin.clone(),
                        format!(
                            "`{written}` appears twice in `{lang}` of concept `{}` (first on line {})",
                            c.id, first.origin.line
                        ),
                    );
                }
            }
            let folded_term = fold_str(&t.text, Fold::ALL);
            for phrase in &t.ignore_in {
                if !fold_str(phrase, Fold::ALL).contains(&folded_term) {
                    error(
                        t.origin.clone(),
                        format!(
                            "ignore_in phrase `{phrase}` does not contain the term `{}`",
                            t.text
                        ),
                    );
                }
            }
            if t.match_mode == MatchMode::Stem && !has_stemmer(lang) {
                error(
                    t.origin.clone(),
                    format!(
                        "`match: stem` needs a Snowball stemmer, and there is none for `{lang}`"
                    ),
                );
            }
            if t.fix == FixMode::Auto {
                if t.status.is_approved() {
                    error(
                        t.origin.clone(),
                        format!("`fix: auto` on {} term `{}`: only deprecated and forbidden terms are fixed", t.status, t.text),
                    );
                } else if !in_lang
                    .iter()
                    .any(|p| p.status == Status::Preferred && p.term_type == t.term_type)
                {
                    error(
                        t.origin.clone(),
                        format!(
                            "`fix: auto` on `{}`, but concept `{}` has no preferred {} in `{lang}` to replace it with",
                            t.text,
                            c.id,
                            t.term_type.as_str()
                        ),
                    );
                }
            }
        }
    }
}
