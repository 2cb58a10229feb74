//! Fits the weights of `extract`'s ranking model on ACTER development data.
//!
//! ```text
//! cargo run --release --example tune-extract -- ../shared/data/acter-dev TRAIN... -- HELDOUT...
//! # e.g. ... en/equi en/wind --                 (the English model)
//! #      ... fr/equi nl/equi fr/wind nl/wind --  (the model for de, es, ru)
//! #      ... nl/equi nl/wind -- fr/equi fr/wind  (does it carry over?)
//! ```
//!
//! Every candidate of the training corpora is labelled by whether its output
//! form, lower-cased, is in the gold list with named entities (the TermEval
//! convention); a logistic regression is fitted by gradient descent, and the
//! cut-off is the score at which F1 on the training corpora peaks.
//! `NO_REFERENCE=1` leaves the general-language list out (to measure what
//! it brings); `L2=…` changes the weight decay (default 1e-5:
//! 1e-4 and stronger lowered French F1), `STEPS=…` the number of
//! optimiser steps (default 600). The
//! weights are printed as Rust, for `src/extract/score.rs`, with F1 on the
//! training and held-out corpora (with and without named entities).
//! ACTER (CC BY-NC-SA 4.0) is only read, never copied.

// A command-line tool: printing is its job.
#![allow(clippy::print_stdout)]

use std::collections::HashSet;
use std::path::Path;

use termalign::extract::candidates::{count, Counts};
use termalign::extract::score::{features, Reference, WordStats, FEATURES, N_FEATURES};
use termalign::extract::{surface, Document, Language};

struct Corpus {
    name: String,
    x: Vec<[f64; N_FEATURES]>,
    label_nes: Vec<bool>,
    terms: Vec<String>,
    label_ann: Vec<bool>,
    gold_nes: usize,
    gold_ann: usize,
}

fn gold(path: &Path) -> HashSet<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .filter_map(|l| l.split('\t').next())
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect()
}

fn load(root: &Path, spec: &str) -> Corpus {
    let (lang, domain) = spec.split_once('/').expect("LANG/DOMAIN");
    let dir = root.join(lang).join(domain).join("annotated");
    let mut paths: Vec<_> = std::fs::read_dir(dir.join("texts"))
        .expect("texts dir")
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let docs: Vec<Document<'_>> = texts
        .iter()
        .zip(&names)
        .map(|(t, n)| Document {
            name: n,
            segments: vec![t.as_str()],
        })
        .collect();
    let language = Language::from_tag(lang).unwrap();
    let counts: Counts = count(&docs, language);
    let lists = dir.join("annotations/unique_annotation_lists");
    let nes = gold(&lists.join(format!("{domain}_{lang}_terms_nes.tsv")));
    let ann = gold(&lists.join(format!("{domain}_{lang}_terms.tsv")));
    let reference = if std::env::var_os("NO_REFERENCE").is_some() {
        None
    } else {
        Some(Reference::for_language(language))
    };
    let mut corpus = Corpus {
        name: spec.to_owned(),
        x: Vec::new(),
        label_nes: Vec::new(),
        terms: Vec::new(),
        label_ann: Vec::new(),
        gold_nes: nes.len(),
        gold_ann: ann.len(),
    };
    let stats = WordStats::new(&counts, reference);
    // Output forms repeat (two keys, one surface): the scorer counts each once.
    let mut seen = HashSet::new();
    for g in &counts.grams {
        let s = surface(&docs, &counts, g).to_lowercase();
        if !seen.insert(s.clone()) {
            continue;
        }
        corpus.x.push(features(&counts, g, &stats));
        corpus.label_nes.push(nes.contains(&s));
        corpus.label_ann.push(ann.contains(&s));
        corpus.terms.push(s);
    }
    corpus
}

fn score(w: &[f64; N_FEATURES], x: &[f64; N_FEATURES]) -> f64 {
    let z: f64 = w.iter().zip(x).map(|(w, x)| w * x).sum();
    1.0 / (1.0 + (-z).exp())
}

fn fit(train: &[&Corpus], init: [f64; N_FEATURES]) -> [f64; N_FEATURES] {
    let mut w = init;
    let n: usize = train.iter().map(|c| c.x.len()).sum();
    let positives: usize = train
        .iter()
        .map(|c| c.label_nes.iter().filter(|&&l| l).count())
        .sum();
    // Up-weight positives part of the way to balance, so the cut-off sits in
    // a well-resolved part of the curve.
    let pos_weight = ((n - positives) as f64 / positives.max(1) as f64).sqrt();
    let mut m = [0.0; N_FEATURES];
    let mut v = [0.0; N_FEATURES];
    let l2: f64 = std::env::var("L2")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1e-5);
    let (b1, b2, lr) = (0.9, 0.999, 0.05);
    // A feature that never fires in the training data keeps its prior
    // weight (set by hand in `init`): nothing here can tell it otherwise.
    let fires: Vec<bool> = (0..N_FEATURES)
        .map(|k| train.iter().any(|c| c.x.iter().any(|x| x[k] != 0.0)))
        .collect();
    let steps: i32 = std::env::var("STEPS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    for step in 1..=steps {
        let mut grad = [0.0; N_FEATURES];
        let mut total = 0.0;
        for c in train {
            for (x, &y) in c.x.iter().zip(&c.label_nes) {
                let p = score(&w, x);
                let (t, weight) = if y { (1.0, pos_weight) } else { (0.0, 1.0) };
                total += weight;
                for k in 0..N_FEATURES {
                    grad[k] += weight * (p - t) * x[k];
                }
            }
        }
        for k in (0..N_FEATURES).filter(|&k| fires[k]) {
            let g = grad[k] / total + if k > 0 { l2 * w[k] } else { 0.0 };
            m[k] = b1 * m[k] + (1.0 - b1) * g;
            v[k] = b2 * v[k] + (1.0 - b2) * g * g;
            let mh = m[k] / (1.0 - f64::powi(b1, step));
            let vh = v[k] / (1.0 - f64::powi(b2, step));
            w[k] -= lr * mh / (vh.sqrt() + 1e-8);
        }
    }
    w
}

/// (precision, recall, F1) at `threshold`, against either gold list.
fn evaluate(
    c: &Corpus,
    w: &[f64; N_FEATURES],
    threshold: f64,
    nes: bool,
) -> (f64, f64, f64, usize) {
    let labels = if nes { &c.label_nes } else { &c.label_ann };
    let gold = if nes { c.gold_nes } else { c.gold_ann };
    let mut tp = 0;
    let mut n = 0;
    for (x, &y) in c.x.iter().zip(labels) {
        if score(w, x) >= threshold {
            n += 1;
            if y {
                tp += 1;
            }
        }
    }
    let p = if n > 0 { tp as f64 / n as f64 } else { 0.0 };
    let r = tp as f64 / gold as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f, n)
}

fn best_threshold(train: &[&Corpus], w: &[f64; N_FEATURES]) -> f64 {
    let mut best = (0.0, 0.5);
    for i in 1..200 {
        let t = i as f64 / 200.0;
        let f: f64 =
            train.iter().map(|c| evaluate(c, w, t, true).2).sum::<f64>() / train.len() as f64;
        if f > best.0 {
            best = (f, t);
        }
    }
    best.1
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(&args[0]);
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let train: Vec<Corpus> = args[1..split].iter().map(|s| load(root, s)).collect();
    let held: Vec<Corpus> = args
        .get(split + 1..)
        .unwrap_or(&[])
        .iter()
        .map(|s| load(root, s))
        .collect();
    for c in train.iter().chain(&held) {
        let reachable = c.label_nes.iter().filter(|&&l| l).count();
        println!(
            "{}: {} candidates, {reachable} of {} gold terms (with NEs) among them",
            c.name,
            c.x.len(),
            c.gold_nes
        );
    }
    let train_refs: Vec<&Corpus> = train.iter().collect();
    let mut init = [0.0; N_FEATURES];
    init[0] = -3.0;
    // Priors for cues some corpora never show: codes and variable names,
    // and a word repeated inside a candidate, are not terms.
    for (k, name) in FEATURES.iter().enumerate() {
        if matches!(*name, "symbol-like" | "repeated-word") {
            init[k] = -2.0;
        }
    }
    // Rounded as printed, so the figures below are those of the shipped model.
    let w = fit(&train_refs, init).map(|x| (x * 1000.0).round() / 1000.0);
    let t = best_threshold(&train_refs, &w);
    println!("weights: [");
    for (name, x) in FEATURES.iter().zip(w) {
        println!("    {x:.3}, // {name}");
    }
    println!("],\nthreshold: {t:.3},");
    if let Some(dir) = std::env::var_os("DUMP") {
        // Scored candidates of every corpus, best first, for error analysis.
        for c in train.iter().chain(&held) {
            let mut rows: Vec<(f64, &str, bool)> =
                c.x.iter()
                    .zip(&c.terms)
                    .zip(&c.label_nes)
                    .map(|((x, t), &y)| (score(&w, x), t.as_str(), y))
                    .collect();
            rows.sort_by(|a, b| b.0.total_cmp(&a.0));
            let text: String = rows
                .iter()
                .map(|(s, t, y)| format!("{t}\t{s:.4}\t{}\n", u8::from(*y)))
                .collect();
            let path = Path::new(&dir).join(c.name.replace('/', "-") + ".tsv");
            std::fs::write(path, text).unwrap();
        }
    }
    for (kind, set) in [("train", &train), ("held-out", &held)] {
        for c in set.iter() {
            for nes in [true, false] {
                let (p, r, f, n) = evaluate(c, &w, t, nes);
                println!(
                    "{kind:8} {:8} {:11} P={p:.3} R={r:.3} F1={f:.3} N={n}",
                    c.name,
                    if nes { "with NEs" } else { "without NEs" }
                );
            }
        }
    }
}
