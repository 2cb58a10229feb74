//! Throughput of the hot path, in bytes per second (criterion reports MB/s):
//! normalization, the matcher alone, and a whole `check` of one document
//! (matching plus every rule), on English and Chinese text.
//!
//! ```text
//! scripts/make-bench-corpus.sh        # builds bench-data/ from ../shared
//! cargo bench --bench matcher
//! ```
//!
//! The corpora are the first 4 MB of `bench-data/en-100mb.txt` (UN General
//! Debate speeches) and `bench-data/zh.txt` (government work reports); where
//! they have not been built, the example articles repeated to the same size.
//! Whole-command timings beside grep are `scripts/bench.sh`.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

use termalign::engine::{Engine, RuleSettings};
use termalign::glossary::{builtin, load_set};
use termalign::input::SourceFile;
use termalign::matcher::Matcher;
use termalign::span::Span;
use termalign::text::{normalize, Fold, MappedText};

const SIZE: usize = 4_000_000;

fn corpus(file: &str, fallback: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = std::fs::read(root.join("bench-data").join(file))
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| std::fs::read_to_string(root.join(fallback)).unwrap());
    while text.len() < SIZE {
        text = text.repeat(2);
    }
    let mut end = SIZE;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

fn bench(c: &mut Criterion) {
    let set = load_set(&builtin::sources()).expect("built-in glossaries load");
    for (lang, file, fallback) in [
        ("en", "en-100mb.txt", "examples/china-eu-dialogue-en.md"),
        ("zh", "zh.txt", "examples/zh-briefing.txt"),
    ] {
        let text = corpus(file, fallback);
        let mapped = MappedText::borrowed(&text, Span::new(0, text.len()));
        let matcher = Matcher::new(&set, lang);
        let engine = Engine::new(set.clone(), RuleSettings::default());
        let source = SourceFile::from_bytes("bench.txt", text.clone().into_bytes()).unwrap();
        let prose = termalign::input::plain::read(&source);

        let mut group = c.benchmark_group(format!("{lang}-4MB"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        group.bench_function("normalize", |b| b.iter(|| normalize(&text, Fold::ALL)));
        group.bench_function("matcher", |b| b.iter(|| matcher.find(&set, &mapped)));
        group.bench_function("check-document", |b| {
            b.iter(|| engine.check_document(&source, &prose, lang))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
