//! Bilingual term alignment: candidates are extracted on both sides of
//! aligned segment pairs and paired by co-occurrence across segments.
//!
//! Each side is counted with its own tokenizer and ranked with its own model;
//! the best candidates of each side (down to half the cut-off, at most
//! [`MAX_SIDE`]) are indexed by the segments they occur in.
//! Every source/target pair that shares at least [`MIN_TOGETHER`] segments
//! gets a Dice coefficient, and pairs are accepted greedily, best Dice first
//! (competitive linking: each candidate links once), skipping pairs one side of which
//! is part of (or contains) a side of one already accepted (`行动署` inside
//! `欧盟对外行动署` ↔ `European External Action Service`).

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::candidates::{count_tracking, Counts, Document};
use super::known::KnownIndex;
use super::score::Model;
use super::tokenize::{Language, UnsupportedLanguage};
use super::{rank, Domain, Known};
use crate::engine::Engine;
use crate::input::Bilingual;

/// Candidates per side considered for pairing, at most.
pub const MAX_SIDE: usize = 2000;
/// Segments a pair must share.
pub const MIN_TOGETHER: u32 = 2;
/// Lowest Dice coefficient proposed.
pub const MIN_DICE: f64 = 0.5;

/// One proposed bilingual concept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AlignedConcept {
    pub source: String,
    pub target: String,
    pub dice: f64,
    /// Segments holding both.
    pub together: u32,
    pub source_segments: u32,
    pub target_segments: u32,
    pub domain: Domain,
    /// `GLOSSARY/CONCEPT` when either side is already a glossary term.
    pub known: Option<String>,
}

/// The result of aligning a bilingual input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alignment {
    pub source_lang: String,
    pub target_lang: String,
    /// Segment pairs read (with a target).
    pub pairs: usize,
    pub concepts: Vec<AlignedConcept>,
}

/// One language's side: each segment a document of its own.
struct Side<'a> {
    docs: Vec<Document<'a>>,
    counts: Counts,
    /// Selected candidates: gram index -> score.
    chosen: Vec<(usize, f64)>,
}

fn side<'a>(texts: &[&'a str], language: Language) -> Side<'a> {
    let docs: Vec<Document<'a>> = texts
        .iter()
        .map(|t| Document {
            name: "",
            segments: vec![*t],
        })
        .collect();
    let counts = count_tracking(&docs, language);
    let model = Model::for_language(language);
    let ranked = rank(&counts, &HashSet::new(), &model);
    // Candidates down to half the cut-off: pairing is evidence of its own.
    let floor = model.threshold / 2.0;
    let take = ranked.partition_point(|&(s, _)| s >= floor).min(MAX_SIDE);
    let chosen = ranked[..take]
        .iter()
        .filter(|&&(_, g)| counts.grams[g].docs >= MIN_TOGETHER)
        .map(|&(s, g)| (g, s))
        .collect();
    Side {
        docs,
        counts,
        chosen,
    }
}

impl Side<'_> {
    /// The representative occurrence of candidate `g`.
    fn surface(&self, g: usize) -> String {
        super::surface(&self.docs, &self.counts, &self.counts.grams[g])
    }
}

/// Aligns the candidate terms of the two sides of `input`.
pub fn align(
    input: &Bilingual,
    source_tag: &str,
    target_tag: &str,
    engine: Option<&Engine>,
) -> Result<Alignment, UnsupportedLanguage> {
    let source_lang = Language::from_tag(source_tag)?;
    let target_lang = Language::from_tag(target_tag)?;
    let pairs: Vec<(&str, &str)> = input
        .pairs
        .iter()
        .filter_map(|p| {
            p.target
                .as_ref()
                .map(|t| (p.source.text.as_str(), t.text.as_str()))
        })
        .collect();
    let sources: Vec<&str> = pairs.iter().map(|p| p.0).collect();
    let targets: Vec<&str> = pairs.iter().map(|p| p.1).collect();
    let src = side(&sources, source_lang);
    let tgt = side(&targets, target_lang);

    // Segment -> chosen target candidates.
    let mut by_segment: Vec<Vec<usize>> = vec![Vec::new(); pairs.len()];
    for (k, &(g, _)) in tgt.chosen.iter().enumerate() {
        for &d in &tgt.counts.doc_lists[g] {
            by_segment[d as usize].push(k);
        }
    }
    let mut together: HashMap<(usize, usize), u32> = HashMap::new();
    for (i, &(g, _)) in src.chosen.iter().enumerate() {
        for &d in &src.counts.doc_lists[g] {
            for &k in &by_segment[d as usize] {
                *together.entry((i, k)).or_insert(0) += 1;
            }
        }
    }
    struct Scored {
        i: usize,
        k: usize,
        dice: f64,
        together: u32,
        /// Longer pairs first among equals: a name over its parts.
        length: usize,
        strength: f64,
    }
    let mut scored: Vec<Scored> = together
        .into_iter()
        .filter(|&(_, n)| n >= MIN_TOGETHER)
        .map(|((i, k), n)| {
            let fs = src.counts.grams[src.chosen[i].0].docs;
            let ft = tgt.counts.grams[tgt.chosen[k].0].docs;
            Scored {
                i,
                k,
                dice: 2.0 * f64::from(n) / f64::from(fs + ft),
                together: n,
                length: src
                    .counts
                    .key(&src.counts.grams[src.chosen[i].0])
                    .chars()
                    .count()
                    + tgt
                        .counts
                        .key(&tgt.counts.grams[tgt.chosen[k].0])
                        .chars()
                        .count(),
                strength: src.chosen[i].1 + tgt.chosen[k].1,
            }
        })
        .filter(|s| s.dice >= MIN_DICE)
        .collect();
    scored.sort_by(|a, b| {
        b.dice
            .total_cmp(&a.dice)
            .then(b.together.cmp(&a.together))
            .then(b.length.cmp(&a.length))
            .then(b.strength.total_cmp(&a.strength))
            .then(a.i.cmp(&b.i))
            .then(a.k.cmp(&b.k))
    });
    let key = |counts: &Counts, g: usize| counts.key(&counts.grams[g]);
    let mut used_s: HashSet<usize> = HashSet::new();
    let mut used_t: HashSet<usize> = HashSet::new();
    let mut accepted: Vec<(String, String)> = Vec::new();
    let source_index = engine.map(|e| KnownIndex::new(e, source_tag, source_lang));
    let target_index = engine.map(|e| KnownIndex::new(e, target_tag, target_lang));
    let mut concepts = Vec::new();
    for s in scored {
        if used_s.contains(&s.i) || used_t.contains(&s.k) {
            continue;
        }
        let (gs, gt) = (src.chosen[s.i].0, tgt.chosen[s.k].0);
        let (ks, kt) = (key(&src.counts, gs), key(&tgt.counts, gt));
        if accepted
            .iter()
            .any(|(a, b)| nested(a, &ks) || nested(b, &kt))
        {
            continue; // part of (or around) a pair already taken
        }
        used_s.insert(s.i);
        used_t.insert(s.k);
        accepted.push((ks.clone(), kt.clone()));
        let gram_s = &src.counts.grams[gs];
        let gram_t = &tgt.counts.grams[gt];
        let source = src.surface(gs);
        let target = tgt.surface(gt);
        let concept_of = |index: &Option<KnownIndex<'_>>, k: &str, text: &str| {
            index
                .as_ref()
                .and_then(|i| i.lookup(k, text))
                .and_then(|k| match k {
                    Known::Term { concept, .. } => Some(concept),
                    Known::Variant { .. } => None,
                })
        };
        let known = concept_of(&target_index, &kt, &target)
            .or_else(|| concept_of(&source_index, &ks, &source));
        let domain = if gram_t.domain != Domain::Term {
            gram_t.domain
        } else {
            gram_s.domain
        };
        concepts.push(AlignedConcept {
            source,
            target,
            dice: (s.dice * 10_000.0).round() / 10_000.0,
            together: s.together,
            source_segments: gram_s.docs,
            target_segments: gram_t.docs,
            domain,
            known,
        });
    }
    Ok(Alignment {
        source_lang: source_tag.to_owned(),
        target_lang: target_tag.to_owned(),
        pairs: pairs.len(),
        concepts,
    })
}

/// Whether one key contains the other.
fn nested(a: &str, b: &str) -> bool {
    a.contains(b) || b.contains(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAIRS: &str = "\
外交部发言人林剑表示，欧盟对外行动署代表团访问了西藏自治区。\tForeign ministry spokesperson Lin Jian said the delegation of the European External Action Service visited the Xizang Autonomous Region.
欧盟对外行动署发表声明。\tThe European External Action Service issued a statement.
西藏自治区的经济发展很快。\tThe economy of the Xizang Autonomous Region is developing fast.
外交部发言人回答了记者提问。\tThe foreign ministry spokesperson answered questions from reporters.
欧盟对外行动署和西藏自治区代表举行会谈。\tThe European External Action Service and representatives of the Xizang Autonomous Region held talks.
人权对话在重庆举行。\tThe human rights dialogue was held in Chongqing.
中欧人权对话取得成果。\tThe China-EU human rights dialogue achieved results.
";

    /// The pairs of a TSV text, read by the shared TSV reader.
    fn read_tsv_pairs(text: &str) -> Bilingual {
        let file =
            crate::input::SourceFile::from_bytes("pairs.tsv", text.as_bytes().to_vec()).unwrap();
        crate::input::tsv::read(&file).unwrap()
    }

    #[test]
    fn pairs_terms_by_co_occurrence() {
        let b = read_tsv_pairs(PAIRS);
        let a = align(&b, "zh", "en", None).unwrap();
        let pairs: Vec<(&str, &str)> = a
            .concepts
            .iter()
            .map(|c| (c.source.as_str(), c.target.as_str()))
            .collect();
        assert!(
            pairs.contains(&("欧盟对外行动署", "European External Action Service")),
            "{pairs:?}"
        );
        assert!(
            pairs.contains(&("西藏自治区", "Xizang Autonomous Region")),
            "{pairs:?}"
        );
        assert!(
            pairs.contains(&("外交部发言人", "foreign ministry spokesperson")),
            "{pairs:?}"
        );
    }
}
