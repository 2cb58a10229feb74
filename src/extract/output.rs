//! Writing an [`Extraction`]: `table` for people, `json` for programs, `tsv`
//! (SPEC §5: `TERM<TAB>SCORE<TAB>FREQUENCY<TAB>CONCEPT-or-empty`, best first)
//! for scoring scripts, and `yaml`: the new candidates as a glossary skeleton
//! (SPEC §1) ready to curate, one concept per candidate.
//!
//! The YAML goes through the glossary writer (`glossary::write`), the one
//! place that quotes YAML by hand, so a skeleton reads like any glossary.

use std::collections::HashSet;
use std::io::{self, Write};

use serde::Serialize;

use super::bilingual::Alignment;
use super::{Candidate, Domain, Extraction, Known};
use crate::glossary::write::{ConceptDoc, GlossaryDoc, TermDoc};
use crate::glossary::TermType;

/// A concept id (`[a-z0-9-]+`) for a term, unique among `used`.
pub fn concept_id(term: &str, used: &mut HashSet<String>) -> String {
    let folded = crate::text::fold_str(term, crate::text::Fold::ALL);
    let mut id = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') && !id.is_empty() {
            id.push('-');
        }
        if id.len() >= 60 {
            break;
        }
    }
    let base = id.trim_matches('-').to_owned();
    let mut n = 1;
    let mut id = if base.is_empty() {
        // Terms in scripts with no Latin letters are numbered.
        "term-1".to_owned()
    } else {
        base.clone()
    };
    while used.contains(&id) {
        n += 1;
        id = if base.is_empty() {
            format!("term-{n}")
        } else {
            format!("{base}-{n}")
        };
    }
    used.insert(id.clone());
    id
}

/// One candidate per line: `TERM<TAB>SCORE<TAB>FREQUENCY<TAB>CONCEPT-or-empty`.
pub fn write_tsv(x: &Extraction, out: &mut dyn Write) -> io::Result<()> {
    for c in &x.candidates {
        let concept = match &c.known {
            Some(Known::Term { concept, .. }) => concept.as_str(),
            _ => "",
        };
        writeln!(
            out,
            "{}\t{:.4}\t{}\t{}",
            tsv_field(&c.term),
            c.score,
            c.frequency,
            concept
        )?;
    }
    Ok(())
}

fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// The JSON document: `{"version": 1, "language", "threshold", "documents",
/// "tokens", "considered", "candidates": [{"term", "score", "frequency",
/// "documents", "domain", "linked", "concept", "status", "variant_of"}]}`.
pub fn write_json(x: &Extraction, out: &mut dyn Write) -> io::Result<()> {
    #[derive(Serialize)]
    struct Doc<'a> {
        version: u32,
        language: &'a str,
        threshold: f64,
        documents: u32,
        tokens: u64,
        considered: usize,
        candidates: Vec<JsonCandidate<'a>>,
    }
    #[derive(Serialize)]
    struct JsonCandidate<'a> {
        term: &'a str,
        score: f64,
        frequency: u32,
        documents: u32,
        domain: Domain,
        linked: Option<&'a str>,
        concept: Option<&'a str>,
        status: Option<&'a str>,
        variant_of: Option<&'a str>,
    }
    let doc = Doc {
        version: 1,
        language: &x.language,
        threshold: round4(x.threshold),
        documents: x.documents,
        tokens: x.tokens,
        considered: x.considered,
        candidates: x
            .candidates
            .iter()
            .map(|c| {
                let (concept, status, variant_of) = match &c.known {
                    Some(Known::Term {
                        concept, status, ..
                    }) => (Some(concept.as_str()), Some(status.as_str()), None),
                    Some(Known::Variant { concept, .. }) => (None, None, Some(concept.as_str())),
                    None => (None, None, None),
                };
                JsonCandidate {
                    term: &c.term,
                    score: round4(c.score),
                    frequency: c.frequency,
                    documents: c.documents,
                    domain: c.domain,
                    linked: c.linked.as_deref(),
                    concept,
                    status,
                    variant_of,
                }
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// A table for a terminal, with a summary line.
pub fn write_table(x: &Extraction, out: &mut dyn Write) -> io::Result<()> {
    if x.candidates.is_empty() {
        return writeln!(
            out,
            "No candidate terms at or above the cut-off {:.3} ({} candidates considered in {} documents).",
            x.threshold, x.considered, x.documents
        );
    }
    let width = x
        .candidates
        .iter()
        .map(|c| display_width(&c.term))
        .max()
        .unwrap_or(4)
        .clamp(4, 60);
    writeln!(
        out,
        "{:>4}  {}  {:>6}  {:>5}  {:>4}  {:<12}  GLOSSARY",
        "#",
        pad("TERM", width),
        "SCORE",
        "FREQ",
        "DOCS",
        "DOMAIN"
    )?;
    for (i, c) in x.candidates.iter().enumerate() {
        let glossary = match &c.known {
            Some(Known::Term {
                concept, status, ..
            }) => format!("{concept} ({status})"),
            Some(Known::Variant { concept, term }) => format!("variant of {concept} ({term})"),
            None => "new".to_owned(),
        };
        let linked = c
            .linked
            .as_deref()
            .map(|l| format!("  [= {l}]"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>4}  {}  {:>6.3}  {:>5}  {:>4}  {:<12}  {glossary}{linked}",
            i + 1,
            pad(&c.term, width),
            c.score,
            c.frequency,
            c.documents,
            c.domain.as_str(),
        )?;
    }
    let known = x
        .candidates
        .iter()
        .filter(|c| matches!(c.known, Some(Known::Term { .. })))
        .count();
    let variants = x
        .candidates
        .iter()
        .filter(|c| matches!(c.known, Some(Known::Variant { .. })))
        .count();
    writeln!(
        out,
        "\n{} candidates (cut-off {:.3}; {} considered in {} documents): {} known, {} variants, {} new.",
        x.candidates.len(),
        x.threshold,
        x.considered,
        x.documents,
        known,
        variants,
        x.candidates.len() - known - variants
    )
}

fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if crate::text::is_boundary_free(c) {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad(s: &str, width: usize) -> String {
    let w = display_width(s);
    if w >= width {
        s.to_owned()
    } else {
        format!("{s}{}", " ".repeat(width - w))
    }
}

/// The new candidates (not glossary terms) as a glossary skeleton.
pub fn write_yaml(x: &Extraction, out: &mut dyn Write) -> io::Result<()> {
    let lang = &x.language;
    let new: Vec<&Candidate> = x
        .candidates
        .iter()
        .filter(|c| !matches!(c.known, Some(Known::Term { .. })))
        .collect();
    let mut doc = skeleton(
        vec![
            format!(
                "Glossary skeleton proposed by `termalign extract`: {} new candidate terms",
                new.len()
            ),
            format!(
                "(cut-off {:.3}, {} documents). Keep, merge or delete each concept, check its",
                x.threshold, x.documents
            ),
            "domain, add the other languages' terms, then rename the glossary.".to_owned(),
        ],
        format!("Candidate terms ({lang})"),
        vec![lang.clone()],
    );
    let mut ids = HashSet::new();
    let mut written: HashSet<String> = HashSet::new();
    let same = |s: &str| crate::text::fold_str(s, crate::text::Fold::CASE_ONLY);
    let proposed: HashSet<String> = new.iter().map(|c| same(&c.term)).collect();
    for c in &new {
        // An acronym whose expansion is proposed goes with the expansion.
        if is_acronym(&c.term)
            && c.linked
                .as_deref()
                .is_some_and(|l| proposed.contains(&same(l)))
        {
            continue;
        }
        if !written.insert(same(&c.term)) {
            continue;
        }
        let mut note = format!(
            "score {:.3}; frequency {} in {} document(s)",
            c.score, c.frequency, c.documents
        );
        if let Some(Known::Variant { concept, term }) = &c.known {
            note.push_str(&format!("; variant of {concept} ({term})"));
        }
        if let Some(l) = c.linked.as_deref().filter(|_| is_acronym(&c.term)) {
            note.push_str(&format!("; expansion: {l}"));
        }
        let mut terms = vec![TermDoc::new(c.term.clone())];
        if let Some(acronym) = c.linked.as_deref().filter(|l| is_acronym(l)) {
            if !is_acronym(&c.term) && written.insert(same(acronym)) {
                let mut abbreviation = TermDoc::new(acronym);
                abbreviation.term_type = TermType::Abbreviation;
                terms.push(abbreviation);
            }
        }
        doc.concepts.push(ConceptDoc {
            id: concept_id(&c.term, &mut ids),
            domain: Some(c.domain.as_str().to_owned()),
            note: Some(note),
            terms: vec![(lang.clone(), terms)],
            ..ConceptDoc::default()
        });
    }
    out.write_all(doc.to_yaml().as_bytes())
}

/// A skeleton glossary `extracted` with `header` comments.
fn skeleton(header: Vec<String>, title: String, languages: Vec<String>) -> GlossaryDoc {
    GlossaryDoc {
        header,
        glossary: "extracted".to_owned(),
        title: Some(title),
        languages,
        ..GlossaryDoc::default()
    }
}

fn is_acronym(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase) && !s.contains(' ')
}

/// Bilingual proposals as a glossary skeleton: one concept per aligned pair.
pub fn write_alignment_yaml(a: &Alignment, out: &mut dyn Write) -> io::Result<()> {
    let mut doc = skeleton(
        vec![
            format!(
                "Glossary skeleton proposed by `termalign extract` from {} aligned segment pairs:",
                a.pairs
            ),
            format!(
                "{} concepts, each a {} candidate paired with a {} candidate by co-occurrence.",
                a.concepts.len(),
                a.source_lang,
                a.target_lang
            ),
        ],
        format!("Candidate terms ({} - {})", a.source_lang, a.target_lang),
        vec![a.source_lang.clone(), a.target_lang.clone()],
    );
    let mut ids = HashSet::new();
    for c in &a.concepts {
        let mut note = format!(
            "dice {:.3}; together in {} of {} / {} segments",
            c.dice, c.together, c.source_segments, c.target_segments
        );
        if let Some(k) = &c.known {
            note.push_str(&format!("; glossary {k}"));
        }
        doc.concepts.push(ConceptDoc {
            id: concept_id(&c.target, &mut ids),
            domain: Some(c.domain.as_str().to_owned()),
            note: Some(note),
            terms: vec![
                (a.source_lang.clone(), vec![TermDoc::new(c.source.clone())]),
                (a.target_lang.clone(), vec![TermDoc::new(c.target.clone())]),
            ],
            ..ConceptDoc::default()
        });
    }
    out.write_all(doc.to_yaml().as_bytes())
}

/// Bilingual proposals as TSV: `SOURCE<TAB>TARGET<TAB>DICE<TAB>TOGETHER`.
pub fn write_alignment_tsv(a: &Alignment, out: &mut dyn Write) -> io::Result<()> {
    for c in &a.concepts {
        writeln!(
            out,
            "{}\t{}\t{:.4}\t{}",
            tsv_field(&c.source),
            tsv_field(&c.target),
            c.dice,
            c.together
        )?;
    }
    Ok(())
}

/// Bilingual proposals as JSON.
pub fn write_alignment_json(a: &Alignment, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, a)?;
    writeln!(out)
}

/// Bilingual proposals as a table.
pub fn write_alignment_table(a: &Alignment, out: &mut dyn Write) -> io::Result<()> {
    if a.concepts.is_empty() {
        return writeln!(out, "No term pairs found in {} segment pairs.", a.pairs);
    }
    let ws = a
        .concepts
        .iter()
        .map(|c| display_width(&c.source))
        .max()
        .unwrap_or(6)
        .clamp(6, 40);
    let wt = a
        .concepts
        .iter()
        .map(|c| display_width(&c.target))
        .max()
        .unwrap_or(6)
        .clamp(6, 50);
    writeln!(
        out,
        "{:>4}  {}  {}  {:>5}  {:>8}  GLOSSARY",
        "#",
        pad(&a.source_lang.to_uppercase(), ws),
        pad(&a.target_lang.to_uppercase(), wt),
        "DICE",
        "TOGETHER"
    )?;
    for (i, c) in a.concepts.iter().enumerate() {
        writeln!(
            out,
            "{:>4}  {}  {}  {:>5.3}  {:>8}  {}",
            i + 1,
            pad(&c.source, ws),
            pad(&c.target, wt),
            c.dice,
            c.together,
            c.known.as_deref().unwrap_or("new")
        )?;
    }
    writeln!(
        out,
        "\n{} term pairs from {} segment pairs.",
        a.concepts.len(),
        a.pairs
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concept_ids_are_slugs_and_unique() {
        let mut used = HashSet::new();
        assert_eq!(
            concept_id("Xizang Autonomous Region", &mut used),
            "xizang-autonomous-region"
        );
        assert_eq!(
            concept_id("xizang autonomous region!", &mut used),
            "xizang-autonomous-region-2"
        );
        assert_eq!(concept_id("Ürümqi", &mut used), "urumqi");
        assert_eq!(concept_id("欧盟对外行动署", &mut used), "term-1");
        assert_eq!(concept_id("外交部", &mut used), "term-2");
    }
}

#[cfg(test)]
mod yaml_tests {
    use super::*;
    use crate::glossary::{load_set, GlossarySource, Status, TermType};

    fn candidate(term: &str, linked: Option<&str>, known: Option<Known>) -> Candidate {
        Candidate {
            term: term.to_owned(),
            key: term.to_lowercase(),
            score: 0.9,
            frequency: 2,
            documents: 1,
            domain: Domain::Term,
            linked: linked.map(str::to_owned),
            known,
        }
    }

    #[test]
    fn yaml_skeleton_loads_back_with_the_glossary_loader() {
        let odd = [
            "yes",
            "null",
            "1.5",
            "# hash",
            "a: b",
            "[x]",
            "{y}",
            "O'Brien",
            "\"quoted\"",
            "- dash",
            "@at",
            "100%",
            "tab\tin",
            "欧盟对外行动署",
            "外交部",
        ];
        let mut candidates: Vec<Candidate> = odd.iter().map(|t| candidate(t, None, None)).collect();
        candidates.push(candidate(
            "European External Action Service",
            Some("EEAS"),
            None,
        ));
        candidates.push(candidate(
            "EEAS",
            Some("European External Action Service"),
            None,
        ));
        candidates.push(candidate(
            "Xizang",
            None,
            Some(Known::Term {
                concept: "places/xizang".into(),
                term: "Xizang".into(),
                status: Status::Preferred,
                domain: Some("place".into()),
            }),
        ));
        candidates.push(candidate(
            "Xizhang",
            None,
            Some(Known::Variant {
                concept: "places/xizang".into(),
                term: "Xizang".into(),
            }),
        ));
        let x = Extraction {
            language: "en".into(),
            threshold: 0.5,
            documents: 1,
            tokens: 100,
            considered: 100,
            candidates,
        };
        let mut out = Vec::new();
        write_yaml(&x, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let set = load_set(&[GlossarySource {
            path: "extracted.yaml".into(),
            text: text.clone(),
        }])
        .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        let terms: Vec<&str> = set.terms.iter().map(|t| t.text.as_str()).collect();
        for t in odd {
            assert!(terms.contains(&t), "{t:?} did not round-trip: {terms:?}");
        }
        // The known term is not proposed, the variant is, with a note; the
        // acronym joins its expansion's concept.
        assert!(!terms.contains(&"Xizang"));
        assert!(text.contains("variant of places/xizang (Xizang)"));
        assert_eq!(set.concepts.len(), odd.len() + 2);
        let eeas = set.terms.iter().find(|t| t.text == "EEAS").unwrap();
        assert_eq!(eeas.term_type, TermType::Abbreviation);
        assert_eq!(
            set.concept(eeas.concept).id,
            "european-external-action-service"
        );
    }
}
