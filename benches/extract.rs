//! Throughput of `extract` on English prose, in MB/s per core (one thread).
//!
//! ```text
//! cargo bench --bench extract [-- CORPUS_DIR_OR_FILE] [MEGABYTES]
//! ```
//!
//! The corpus defaults to the UN General Debate speeches in
//! `bench-data/en-100mb.txt` (built by `scripts/make-bench-corpus.sh`), the
//! first MEGABYTES (default 10) of them; without it, the fixture article
//! repeated. A
//! benchmark, not a test: it asserts nothing about time. Run it twice at two
//! sizes to see that time is linear in input size.

#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::time::Instant;

use termalign::extract::{extract, Document, Options};

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            collect(&e, out);
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        out.push(path.to_path_buf());
    }
}

fn corpus(arg: Option<&str>, megabytes: usize) -> (String, String) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates: Vec<PathBuf> = match arg {
        Some(a) => vec![PathBuf::from(a)],
        None => vec![manifest.join("bench-data/en-100mb.txt")],
    };
    let limit = megabytes * 1_000_000;
    for root in candidates.iter().filter(|p| p.exists()) {
        let mut files = Vec::new();
        collect(root, &mut files);
        let mut text = String::new();
        for f in files {
            if text.len() >= limit {
                break;
            }
            if let Ok(t) = std::fs::read_to_string(&f) {
                text.push_str(&t);
                text.push_str("\n\n");
            }
        }
        if !text.is_empty() {
            return (root.display().to_string(), text);
        }
    }
    let article = include_str!("../tests/fixtures/extract/article.txt");
    let mut text = String::new();
    while text.len() < limit {
        text.push_str(article);
        text.push_str("\n\n");
    }
    (
        "tests/fixtures/extract/article.txt (repeated)".to_owned(),
        text,
    )
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let megabytes = args.iter().find_map(|a| a.parse().ok()).unwrap_or(10usize);
    let path = args.iter().find(|a| a.parse::<usize>().is_err());
    let (source, text) = corpus(path.map(String::as_str), megabytes);
    let docs = [Document {
        name: "bench",
        segments: vec![text.as_str()],
    }];
    let mb = text.len() as f64 / 1e6;
    let mut best = f64::INFINITY;
    let mut kept = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let x = extract(&docs, "en", None, &Options::default()).expect("en is supported");
        let secs = start.elapsed().as_secs_f64();
        kept = x.candidates.len();
        best = best.min(secs);
    }
    println!(
        "extract en: {mb:.1} MB from {source}: best of 3 {best:.2} s = {:.1} MB/s ({kept} candidates kept)",
        mb / best
    );
}
