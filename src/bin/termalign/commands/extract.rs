//! `termalign extract`: candidate terms, ranked, with what the glossaries
//! know marked; bilingual term pairs with --source-lang/--target-lang.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};

use termalign::engine::{Engine, RuleSettings};
use termalign::extract::{self, bilingual, output, Document, Language};
use termalign::input::{Bilingual, SourceFile};
use termalign::pipeline::{self, InputSource};

use termalign::config::{FailOn, Settings};

use super::{input_sources, load_glossaries, overrides, resolve_settings};
use crate::args::{ExtractArgs, ExtractFormat, GlobalOptions};

pub(crate) fn run(args: ExtractArgs, global: &GlobalOptions) -> Result<u8> {
    // Glossaries, include/exclude globs: as for every command, from the
    // configuration file under the command line.
    let mut cli = overrides(&args.glossary, None, &[], None)?;
    cli.source_lang = args.pairs.source_lang.clone();
    cli.target_lang = args.pairs.target_lang.clone();
    let settings = resolve_settings(global, cli, FailOn::Never)?;
    let bilingual = args.pairs.source_lang.is_some()
        || args.pairs.target_lang.is_some()
        || args.pairs.source.is_some();
    if bilingual {
        return run_bilingual(args, &settings);
    }
    Language::from_tag(&args.lang)?;
    let engine = engine(&args, &settings)?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (sources, mut errors) = input_sources(&paths, &settings, false)?;
    let mut files: Vec<(String, Vec<String>)> = Vec::new();
    for source in &sources {
        match read_prose(source) {
            Ok(segments) => files.push((source.path().display().to_string(), segments)),
            Err(e) => errors.push(e),
        }
    }
    let docs: Vec<Document<'_>> = files
        .iter()
        .map(|(name, segments)| Document {
            name,
            segments: segments.iter().map(String::as_str).collect(),
        })
        .collect();
    let options = extract::Options {
        top: args.top,
        threshold: args.threshold,
    };
    let result = extract::extract(&docs, &args.lang, engine.as_ref(), &options)?;
    let mut buffer = Vec::new();
    match format(args.format) {
        ExtractFormat::Table => output::write_table(&result, &mut buffer)?,
        ExtractFormat::Json => output::write_json(&result, &mut buffer)?,
        ExtractFormat::Tsv => output::write_tsv(&result, &mut buffer)?,
        ExtractFormat::Yaml => output::write_yaml(&result, &mut buffer)?,
    }
    finish(&buffer, &errors)
}

/// The glossaries to mark known terms with; none at all is fine here
/// (`--no-default-glossaries` alone), unlike for `check`.
fn engine(args: &ExtractArgs, settings: &Settings) -> Result<Option<Engine>> {
    if args.glossary.no_default_glossaries && args.glossary.glossaries.is_empty() {
        return Ok(None);
    }
    let set = load_glossaries(settings)?;
    Ok(Some(Engine::new(set, RuleSettings::default())))
}

fn read_prose(source: &InputSource) -> termalign::Result<Vec<String>> {
    let file = source.read()?;
    let format = pipeline::detect_format(&file);
    let segments = pipeline::read_segments(&file, format)?;
    Ok(segments.into_iter().map(|s| s.text.text).collect())
}

fn format(format: Option<ExtractFormat>) -> ExtractFormat {
    format.unwrap_or(if io::stdout().is_terminal() {
        ExtractFormat::Table
    } else {
        ExtractFormat::Tsv
    })
}

fn finish(buffer: &[u8], errors: &[termalign::Error]) -> Result<u8> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(buffer)?;
    stdout.flush()?;
    // Extraction proposes; only unreadable input fails the run.
    Ok(super::exit_code(errors, false))
}

fn run_bilingual(args: ExtractArgs, settings: &Settings) -> Result<u8> {
    // The command line's languages, else the configuration's, else zh -> en
    // (pairs of several files are pooled, so one pair of languages rules).
    let source_lang = settings.source_lang.value.clone();
    let target_lang = settings.target_lang.value.clone();
    Language::from_tag(&source_lang)?;
    Language::from_tag(&target_lang)?;
    let engine = engine(&args, settings)?;
    let mut errors: Vec<termalign::Error> = Vec::new();
    let mut input = Bilingual::default();
    if let (Some(source), Some(target)) = (&args.pairs.source, &args.pairs.target) {
        let s = SourceFile::read(source)?;
        let t = SourceFile::read(target)?;
        input = termalign::input::parallel::read(&s, &t)?;
    } else {
        if args.paths.is_empty() {
            anyhow::bail!(
                "bilingual extract needs bilingual files (XLIFF, TMX, PO, TSV), or --source FILE --target FILE"
            );
        }
        let (sources, walk_errors) = input_sources(&args.paths, settings, false)?;
        errors.extend(walk_errors);
        // Any file `align` reads: pairs from every file are pooled.
        for source in sources {
            let read = source.read().and_then(|file| {
                let format = pipeline::detect_format(&file);
                pipeline::read_bilingual(&file, format, Some(&source_lang), Some(&target_lang))
            });
            match read {
                Ok(bilingual) => input.pairs.extend(bilingual.pairs),
                Err(e) => errors.push(e),
            }
        }
    }
    let alignment = bilingual::align(&input, &source_lang, &target_lang, engine.as_ref())
        .context("aligning terms")?;
    let mut buffer = Vec::new();
    match format(args.format) {
        ExtractFormat::Table => output::write_alignment_table(&alignment, &mut buffer)?,
        ExtractFormat::Json => output::write_alignment_json(&alignment, &mut buffer)?,
        ExtractFormat::Tsv => output::write_alignment_tsv(&alignment, &mut buffer)?,
        ExtractFormat::Yaml => output::write_alignment_yaml(&alignment, &mut buffer)?,
    }
    finish(&buffer, &errors)
}
