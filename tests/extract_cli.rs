//! `termalign extract` from the command line: every output format on a
//! fixture article (snapshots), the YAML skeleton loaded back as a glossary,
//! bilingual pairing, bad input, and — when ../shared is present — the
//! canonical article and an ACTER corpus.

// Tests say on stderr why they skip.
#![allow(clippy::print_stderr)]

use predicates::prelude::*;
use std::collections::HashSet;

mod common;
use common::{fixture, root, termalign};

/// `../shared/` beside the checkout; each test that reads it skips when
/// the file it needs is missing.
fn shared() -> std::path::PathBuf {
    root().join("../shared")
}

fn extract(args: &[&str]) -> (String, i32) {
    let (stdout, stderr, code) =
        common::outcome(termalign().arg("extract").args(args).output().unwrap());
    assert!(code != 101, "termalign panicked: {stderr}");
    (stdout, code)
}

const ARTICLE: &str = "tests/fixtures/extract/article.txt";

#[test]
fn tsv_output_snapshot() {
    let (stdout, code) = extract(&[ARTICLE, "--format", "tsv"]);
    assert_eq!(code, 0);
    for line in stdout.lines() {
        assert_eq!(line.split('\t').count(), 4, "{line:?}");
    }
    insta::assert_snapshot!("extract_tsv", stdout);
}

#[test]
fn tsv_is_best_first_with_known_concepts() {
    let (stdout, _) = extract(&[ARTICLE, "--format", "tsv"]);
    let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    let scores: Vec<f64> = rows.iter().map(|r| r[1].parse().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "not sorted");
    let concept = |term: &str| {
        rows.iter()
            .find(|r| r[0] == term)
            .unwrap_or_else(|| panic!("{term} not extracted"))[3]
    };
    assert_eq!(
        concept("European External Action Service"),
        "diplomacy/eeas"
    );
    assert_eq!(concept("Guangdong Province"), "china-places/guangdong");
    assert_eq!(concept("methane emissions"), "");
}

#[test]
fn json_output_snapshot_and_shape() {
    let (stdout, code) = extract(&[ARTICLE, "--format", "json", "--top", "12"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["language"], "en");
    let candidates = v["candidates"].as_array().unwrap();
    assert_eq!(candidates.len(), 12);
    for c in candidates {
        for key in [
            "term",
            "score",
            "frequency",
            "documents",
            "domain",
            "linked",
            "concept",
            "status",
            "variant_of",
        ] {
            assert!(c.get(key).is_some(), "{key} missing in {c}");
        }
    }
    insta::assert_snapshot!("extract_json", stdout);
}

#[test]
fn table_output_snapshot() {
    let (stdout, code) = extract(&[ARTICLE, "--format", "table", "--top", "15"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("known"), "{stdout}");
    insta::assert_snapshot!("extract_table", stdout);
}

#[test]
fn variants_of_glossary_terms_are_flagged() {
    let (stdout, _) = extract(&[ARTICLE, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let misspelt = v["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["term"] == "Inner Mongolia Autonomus Region")
        .expect("the misspelt region is a candidate");
    assert_eq!(misspelt["variant_of"], "china-places/inner-mongolia");
    assert_eq!(misspelt["concept"], serde_json::Value::Null);
}

#[test]
fn yaml_output_snapshot_validates_as_a_glossary() {
    let (stdout, code) = extract(&[ARTICLE, "--format", "yaml", "--top", "40"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("extract_yaml", stdout);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("extracted.yaml");
    std::fs::write(&path, &stdout).unwrap();
    termalign()
        .args(["glossary", "validate"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("ok (glossary `extracted`"));
    // Known terms are not proposed again; an acronym and its expansion are
    // one concept when both are proposed…
    assert!(!stdout.contains("\"European External Action Service\""));
    assert!(stdout.contains(
        "- Carbon Border Adjustment Mechanism\n        - term: CBAM\n          type: abbreviation"
    ));
    // …and the acronym alone names its expansion in a note.
    let (top, code) = extract(&[ARTICLE, "--format", "yaml", "--top", "5"]);
    assert_eq!(code, 0);
    assert!(top.contains("- CBAM"), "{top}");
    assert!(
        top.contains("expansion: Carbon Border Adjustment Mechanism"),
        "{top}"
    );
}

#[test]
fn yaml_of_every_candidate_loads_back() {
    // Everything, far below the cut-off: odd strings must still quote.
    let (stdout, code) = extract(&[
        ARTICLE,
        "--format",
        "yaml",
        "--top",
        "100000",
        "--no-default-glossaries",
    ]);
    assert_eq!(code, 0);
    let set = termalign::glossary::load_set(&[termalign::glossary::GlossarySource {
        path: "extracted.yaml".into(),
        text: stdout.clone(),
    }])
    .unwrap_or_else(|e| panic!("{e:?}"));
    let (tsv, _) = extract(&[
        ARTICLE,
        "--format",
        "tsv",
        "--top",
        "100000",
        "--no-default-glossaries",
    ]);
    assert!(set.concepts.len() > 100);
    assert!(set.concepts.len() <= tsv.lines().count());
}

#[test]
fn threshold_and_top_choose_the_cut_off() {
    let (all, _) = extract(&[ARTICLE, "--format", "tsv"]);
    let (top5, _) = extract(&[ARTICLE, "--format", "tsv", "--top", "5"]);
    assert_eq!(top5.lines().count(), 5);
    assert!(all.starts_with(&top5));
    let (strict, _) = extract(&[ARTICLE, "--format", "tsv", "--threshold", "0.99"]);
    assert!(strict.lines().count() < all.lines().count());
    let (table, _) = extract(&[ARTICLE, "--format", "table"]);
    assert!(table.contains("cut-off 0."), "the table prints the cut-off");
}

#[test]
fn unsupported_language_lists_the_supported_ones() {
    termalign()
        .args(["extract", "--lang", "tlh", ARTICLE])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "supported: en, fr, de, es, nl, ru, zh",
        ));
}

#[test]
fn empty_input_is_an_empty_result() {
    termalign()
        .args(["extract", "--format", "tsv"])
        .arg(fixture("extract/empty.txt"))
        .assert()
        .success()
        .stdout("");
    termalign()
        .args(["extract", "--format", "json", "-"])
        .write_stdin("")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"candidates\": []"));
}

#[test]
fn invalid_files_are_reported_and_the_rest_extracted() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"Wind \xFF turbines").unwrap();
    let missing = dir.path().join("missing.txt");
    termalign()
        .args(["extract", "--format", "tsv", ARTICLE])
        .arg(&bad)
        .arg(&missing)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("Guangdong Province"))
        .stderr(predicate::str::contains("invalid UTF-8 at byte offset 5"))
        .stderr(predicate::str::contains("missing.txt"));
}

#[test]
fn bilingual_tsv_pairs_become_concepts() {
    let (stdout, code) = extract(&[
        "--source-lang",
        "zh",
        "--target-lang",
        "en",
        "--format",
        "tsv",
        "--no-default-glossaries",
        "tests/fixtures/extract/pairs.tsv",
    ]);
    assert_eq!(code, 0);
    let pairs: HashSet<(String, String)> = stdout
        .lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f[0].to_owned(), f[1].to_owned())
        })
        .collect();
    for (zh, en) in [
        ("欧盟对外行动署", "European External Action Service"),
        ("海上风电场", "offshore wind farm"),
        ("碳市场", "carbon market"),
    ] {
        assert!(
            pairs.contains(&(zh.to_owned(), en.to_owned())),
            "{zh} <-> {en} not in {pairs:?}"
        );
    }
}

#[test]
fn bilingual_parallel_files_give_a_valid_yaml_skeleton() {
    let (stdout, code) = extract(&[
        "--source",
        "tests/fixtures/extract/zh.txt",
        "--target",
        "tests/fixtures/extract/en.txt",
        "--format",
        "yaml",
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("extract_bilingual_yaml", stdout);
    let set = termalign::glossary::load_set(&[termalign::glossary::GlossarySource {
        path: "pairs.yaml".into(),
        text: stdout,
    }])
    .unwrap_or_else(|e| panic!("{e:?}"));
    let eeas = set
        .concept_ids()
        .find(|&c| {
            set.terms_for(c, "en")
                .iter()
                .any(|&t| set.term(t).text == "European External Action Service")
        })
        .expect("EEAS concept");
    let zh: Vec<&str> = set
        .terms_for(eeas, "zh")
        .iter()
        .map(|&t| set.term(t).text.as_str())
        .collect();
    assert_eq!(zh, ["欧盟对外行动署"]);
}

#[test]
fn chinese_is_segmented_with_its_dictionary_and_matched_to_glossaries() {
    let (stdout, code) = extract(&[
        "--lang",
        "zh",
        "--format",
        "tsv",
        "tests/fixtures/extract/zh.txt",
    ]);
    assert_eq!(code, 0);
    let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    let find = |t: &str| rows.iter().find(|r| r[0] == t);
    assert_eq!(find("欧盟对外行动署").map(|r| r[3]), Some("diplomacy/eeas"));
    assert_eq!(find("广东省").map(|r| r[3]), Some("china-places/guangdong"));
    assert!(find("海上风电场").is_some(), "{stdout}");
    // No candidate starts or ends on a particle.
    assert!(rows
        .iter()
        .all(|r| !r[0].starts_with('的') && !r[0].ends_with('的')));
}

#[test]
fn canonical_article_surfaces_titles_bodies_events_and_places() {
    let seed = shared().join("seed/xinhua-2024-06-18-china-eu-human-rights-dialogue.txt");
    if !seed.exists() {
        eprintln!("skipped: {} not present", seed.display());
        return;
    }
    let out = termalign()
        .args(["extract", "--format", "tsv"])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let top: Vec<String> = stdout
        .lines()
        .take(45)
        .map(|l| l.split('\t').next().unwrap().to_lowercase())
        .collect();
    for expected in [
        "foreign ministry spokesperson",
        "assistant minister of foreign affairs",
        "deputy managing director for asia and the pacific",
        "european external action service",
        "european union",
        "china-eu human rights dialogue",
        "xizang autonomous region",
        "chongqing",
        "xinjiang",
        "hong kong",
        "macao",
    ] {
        assert!(
            top.iter().any(|t| t == expected),
            "{expected} not in the top 45: {top:?}"
        );
    }
    // Marked as known.
    assert!(
        stdout.contains("European External Action Service\t")
            && stdout.contains("\tdiplomacy/eeas\n")
    );
}

/// TermEval scoring of one ACTER corpus with the tool's own cut-off.
fn acter_f1(lang: &str, domain: &str) -> Option<f64> {
    let dir = shared()
        .join("data/acter-dev")
        .join(lang)
        .join(domain)
        .join("annotated");
    if !dir.exists() {
        return None;
    }
    let out = termalign()
        .args([
            "extract",
            "--no-default-glossaries",
            "--format",
            "tsv",
            "--lang",
            lang,
        ])
        .arg(dir.join("texts"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let gold: HashSet<String> = std::fs::read_to_string(
        dir.join("annotations/unique_annotation_lists")
            .join(format!("{domain}_{lang}_terms_nes.tsv")),
    )
    .unwrap()
    .lines()
    .filter_map(|l| l.split('\t').next())
    .map(|t| t.trim().to_lowercase())
    .collect();
    let mut seen = HashSet::new();
    let predicted: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap().trim().to_lowercase())
        .filter(|t| seen.insert(t.clone()))
        .collect();
    let tp = predicted.iter().filter(|t| gold.contains(*t)).count() as f64;
    let p = tp / predicted.len() as f64;
    let r = tp / gold.len() as f64;
    Some(2.0 * p * r / (p + r))
}

#[test]
fn acter_development_corpora_keep_their_scores() {
    // Floors a little under the figures in docs/extraction.md (the weights
    // were fitted on these corpora): a change to tokenization, candidates or
    // features that costs more than that fails here. Plain n-gram frequency
    // scores about 0.27 at TermEval.
    let floors = [
        ("en", "equi", 0.51),
        ("en", "wind", 0.42),
        ("fr", "equi", 0.44),
        ("fr", "wind", 0.39),
        ("nl", "equi", 0.54),
        ("nl", "wind", 0.40),
    ];
    for (lang, domain, floor) in floors {
        let Some(f1) = acter_f1(lang, domain) else {
            eprintln!("skipped: ACTER data not present under ../shared");
            return;
        };
        assert!(f1 >= floor, "{lang}/{domain}: F1 {f1:.3} < {floor}");
    }
}

/// German, Spanish and Russian rank with their common-word lists: the
/// domain's terms come first, and conjugated verbs (`gebaut`, `muestra`,
/// `produjo`, `имеет`, `найдено`; none of them a stop word) are common
/// words, proposed neither alone nor inside a phrase (`Konsortium gebaut`).
#[test]
fn german_spanish_and_russian_rank_terms_above_their_verbs() {
    let cases: [(&str, &[&str], &[&str]); 3] = [
        (
            "de",
            &[
                "Windkraftanlage",
                "Rotorblätter",
                "Bundesnetzagentur",
                "Umspannplattform",
                "Seekabel",
            ],
            &[
                "gebaut",
                "genommen",
                "gefertigt",
                "erzeugt",
                "getragen",
                "geprüft",
                "gefunden",
                "geplant",
                "verlegt",
                "erwartet",
                "ausgebaut",
                "lieferte",
                "sagte",
                "trägt",
                "überträgt",
                "genehmigt",
            ],
        ),
        (
            "es",
            &["aerogenerador", "góndola", "subestación", "parque eólico"],
            &[
                "entró",
                "mueve",
                "publicó",
                "muestra",
                "produjo",
                "sigue",
                "revisaron",
                "encontraron",
                "dijo",
                "necesita",
                "quiere",
                "pide",
                "obtuvo",
                "construye",
                "llegan",
            ],
        ),
        (
            "ru",
            &[
                "ветроустановка",
                "ветропарк",
                "лопасти",
                "Системный оператор",
            ],
            &[
                "имеет",
                "хочет",
                "получила",
                "найдено",
                "привезут",
                "начнётся",
                "установленный",
                "введён",
                "заявил",
                "сообщило",
                "вращает",
                "проверялись",
            ],
        ),
    ];
    for (lang, terms, verbs) in cases {
        let file = format!("tests/fixtures/extract/{lang}.txt");
        let (stdout, code) = extract(&[
            "--no-default-glossaries",
            "--lang",
            lang,
            "--format",
            "tsv",
            &file,
        ]);
        assert_eq!(code, 0);
        let proposed: Vec<&str> = stdout
            .lines()
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        for term in terms {
            let rank = proposed.iter().position(|p| p == term);
            assert!(
                rank.is_some_and(|r| r < 15),
                "{lang}: {term} at {rank:?} in {proposed:?}"
            );
        }
        for candidate in &proposed {
            let verb = candidate.split(' ').find(|w| verbs.contains(w));
            assert!(verb.is_none(), "{lang}: {verb:?} proposed in {candidate}");
        }
    }
}

/// Text in another language than the one extracted is left out, and said
/// so: Chinese and French copy beside English must not put `中欧` or
/// `La Chine` among English candidates.
#[test]
fn other_languages_are_left_out_and_counted() {
    let (out, stderr, code) = common::outcome(
        termalign()
            .args(["--isolated", "extract", "--format", "tsv"])
            .args([
                "examples/china-eu-dialogue-en.md",
                "examples/zh-briefing.txt",
                "examples/dialogue-chine-ue-fr.txt",
            ])
            .current_dir(root())
            .output()
            .unwrap(),
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(out.contains("European External Action Service"), "{out}");
    for foreign in ["中欧", "对话", "La Chine", "de la"] {
        assert!(
            !out.lines().any(|l| l.split('\t').next() == Some(foreign)),
            "{foreign} extracted as English:\n{out}"
        );
    }
    assert!(
        stderr.contains("left out 2 passages in other languages than `en` (fr: 1, zh: 1)"),
        "{stderr}"
    );
    // Asked for, the Chinese copy is extracted.
    let (out, _) = extract(&[
        "--lang",
        "zh",
        "--format",
        "tsv",
        "examples/zh-briefing.txt",
    ]);
    assert!(out.lines().any(|l| l.starts_with("中欧")), "{out}");
}
