//! `termalign align`: bilingual checks on source/target pairs.

use std::path::Path;

use anyhow::Result;

use termalign::config::{FailOn, Provenance, Settings};
use termalign::engine::Engine;
use termalign::pipeline::{self, AlignLanguages};
use termalign::report::{Coverage, Report};

use super::progress::Progress;
use super::{finish, input_sources, load_glossaries, overrides, resolve_settings, rule_settings};
use crate::args::{AlignArgs, GlobalOptions};

/// What a directory walk picks up for `align`; files named are taken as given.
const BILINGUAL_GLOBS: &[&str] = &[
    "*.xlf",
    "*.xliff",
    "*.sdlxliff",
    "*.mxliff",
    "*.tmx",
    "*.po",
    "*.tsv",
];

pub(crate) fn run(args: AlignArgs, global: &GlobalOptions) -> Result<u8> {
    let mut cli = overrides(
        &args.glossary,
        None,
        &args.output.rules,
        args.output.fail_on,
    )?;
    cli.source_lang = args.pairs.source_lang.clone();
    cli.target_lang = args.pairs.target_lang.clone();
    let settings = resolve_settings(global, cli, FailOn::Warning)?;
    let engine = Engine::new(load_glossaries(&settings)?, rule_settings(&settings)?);
    let mut results = Vec::new();
    let mut errors = Vec::new();
    if let (Some(source), Some(target)) = (&args.pairs.source, &args.pairs.target) {
        match pipeline::align_parallel(&engine, source, target, &languages(&settings, target)) {
            Ok(r) => results.push(r),
            Err(e) => errors.push(e),
        }
    }
    if !args.paths.is_empty() {
        let mut settings_for_walk = settings.clone();
        if settings_for_walk.include.value.is_empty() {
            settings_for_walk.include.value =
                BILINGUAL_GLOBS.iter().map(|g| g.to_string()).collect();
        }
        let (sources, walk_errors) = input_sources(&args.paths, &settings_for_walk, false)?;
        errors.extend(walk_errors);
        let progress = Progress::new(sources.len(), global);
        let (aligned, align_errors) = pipeline::align_each(
            &engine,
            &sources,
            &|path| languages(&settings, path),
            &|path| progress.done(path),
        );
        progress.finish();
        results.extend(aligned);
        errors.extend(align_errors);
    }
    let coverage = Coverage::build(
        &results,
        engine.glossaries(),
        args.pairs.target_lang.as_deref(),
    );
    let report = Report::build(&results)
        .with_coverage(coverage)
        .showing_suppressed(args.output.report_suppressed);
    finish(&report, &errors, &args.output, &settings)
}

/// The languages of one input: the command line's win over what the file
/// declares, which wins over the configuration and the defaults.
fn languages(settings: &Settings, path: &Path) -> AlignLanguages {
    let langs = settings.languages_for(path);
    let explicit = |s: &termalign::config::Setting<String>| {
        (s.from == Provenance::CommandLine).then(|| s.value.clone())
    };
    AlignLanguages {
        source: explicit(&langs.source_lang),
        target: explicit(&langs.target_lang),
        fallback_source: langs.source_lang.value,
        fallback_target: langs.target_lang.value,
    }
}
