//! `termalign align`: bilingual checks on source/target pairs.

use anyhow::Result;

use termalign::engine::Engine;
use termalign::pipeline::{self, AlignLanguages};
use termalign::report::{Coverage, Report};

use super::{finish, input_sources, load_glossaries, rule_settings};
use crate::args::AlignArgs;

/// What a directory walk picks up for `align`.
const BILINGUAL_GLOBS: &[&str] = &[
    "*.xlf",
    "*.xliff",
    "*.sdlxliff",
    "*.mxliff",
    "*.tmx",
    "*.po",
    "*.tsv",
];

pub(crate) fn run(args: AlignArgs) -> Result<u8> {
    let set = load_glossaries(&args.glossary)?;
    let engine = Engine::new(set, rule_settings(&args.output)?);
    let languages = AlignLanguages {
        source: args.source_lang.clone(),
        target: args.target_lang.clone(),
    };
    let mut results = Vec::new();
    let mut errors = Vec::new();
    if let (Some(source), Some(target)) = (&args.source, &args.target) {
        match pipeline::align_parallel(&engine, source, target, &languages) {
            Ok(r) => results.push(r),
            Err(e) => errors.push(e),
        }
    }
    if !args.paths.is_empty() {
        // A walk takes the bilingual files only; files named are taken as given.
        let include: Vec<String> = BILINGUAL_GLOBS.iter().map(|g| g.to_string()).collect();
        let (sources, walk_errors) = input_sources(&args.paths, &include, &[])?;
        errors.extend(walk_errors);
        let (aligned, align_errors) = pipeline::align_all(&engine, &sources, &languages);
        results.extend(aligned);
        errors.extend(align_errors);
    }
    let target_lang = args.target_lang.as_deref();
    let coverage = Coverage::build(&results, engine.glossaries(), target_lang);
    let report = Report::build(&results).with_coverage(coverage);
    finish(&report, &errors, &args.output)
}
