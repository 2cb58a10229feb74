//! `termalign extract`: candidate terms, ranked, with what the glossaries
//! know marked; bilingual term pairs with --source-lang/--target-lang.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;

use termalign::config::{FailOn, Settings};
use termalign::emit::Emit;
use termalign::extract::{self, Language};
use termalign::report::extract::{
    ExtractJsonEmitter, ExtractTableEmitter, ExtractTsvEmitter, ExtractYamlEmitter,
};
use termalign::session::{status, Session, Walk};

use super::{open_session_allowing_no_glossaries, overrides, resolve_settings};
use crate::args::{ExtractArgs, ExtractFormat, GlobalOptions};

pub(crate) fn run(args: ExtractArgs, global: &GlobalOptions) -> Result<u8> {
    // Glossaries, include/exclude globs: as for every command, from the
    // configuration file under the command line.
    let mut cli = overrides(&args.glossary, None, &[], None);
    cli.source_lang = args.pairs.source_lang.clone();
    cli.target_lang = args.pairs.target_lang.clone();
    let settings = resolve_settings(global, cli, FailOn::Never)?;
    let bilingual = args.pairs.source_lang.is_some()
        || args.pairs.target_lang.is_some()
        || args.pairs.source.is_some();
    if bilingual {
        return run_bilingual(args, settings, global);
    }
    Language::from_tag(args.lang.as_str())?;
    let session = session(&args, settings, global)?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (sources, mut errors) = session.inputs(&paths, Walk::AllFormats, false)?;
    let options = extract::Options {
        top: args.top,
        threshold: args.threshold,
    };
    let (result, left_out, read_errors) =
        session.extract(&sources, args.lang.as_str(), &options)?;
    errors.extend(read_errors);
    if !left_out.is_empty() && !global.quiet {
        let total: usize = left_out.values().sum();
        let by_language: Vec<String> = left_out.iter().map(|(l, n)| format!("{l}: {n}")).collect();
        super::note(&format!(
            "left out {total} {} in other languages than `{}` ({}); extract them with --lang",
            if total == 1 { "passage" } else { "passages" },
            args.lang,
            by_language.join(", ")
        ));
    }
    let mut buffer = Vec::new();
    emitter(format(args.format)).emit(&result, &mut buffer)?;
    finish(&buffer, &errors)
}

/// The glossaries to mark known terms with; none at all is fine here
/// (`--no-default-glossaries` alone), unlike for `check`.
fn session(args: &ExtractArgs, mut settings: Settings, global: &GlobalOptions) -> Result<Session> {
    if args.glossary.no_default_glossaries && args.glossary.glossaries.is_empty() {
        // Only the built-in glossaries were turned off: mark nothing, even
        // where the configuration names glossaries.
        settings.glossaries.clear();
    }
    open_session_allowing_no_glossaries(settings, global)
}

fn format(format: Option<ExtractFormat>) -> ExtractFormat {
    format.unwrap_or(if io::stdout().is_terminal() {
        ExtractFormat::Table
    } else {
        ExtractFormat::Tsv
    })
}

/// The emitter of `format`, for candidates and term pairs alike.
fn emitter<T>(format: ExtractFormat) -> Box<dyn Emit<T>>
where
    T: ?Sized,
    ExtractTableEmitter: Emit<T>,
    ExtractJsonEmitter: Emit<T>,
    ExtractTsvEmitter: Emit<T>,
    ExtractYamlEmitter: Emit<T>,
{
    match format {
        ExtractFormat::Table => Box::new(ExtractTableEmitter),
        ExtractFormat::Json => Box::new(ExtractJsonEmitter),
        ExtractFormat::Tsv => Box::new(ExtractTsvEmitter),
        ExtractFormat::Yaml => Box::new(ExtractYamlEmitter),
    }
}

fn finish(buffer: &[u8], errors: &[termalign::Error]) -> Result<u8> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(buffer)?;
    stdout.flush()?;
    // Extraction proposes; only unreadable input fails the run.
    super::print_errors(errors);
    Ok(super::exit_code(status(errors, false)))
}

fn run_bilingual(args: ExtractArgs, settings: Settings, global: &GlobalOptions) -> Result<u8> {
    // The command line's languages, else the configuration's, else zh -> en
    // (pairs of several files are pooled, so one pair of languages rules).
    Language::from_tag(settings.source_lang.value.as_str())?;
    Language::from_tag(settings.target_lang.value.as_str())?;
    let session = session(&args, settings, global)?;
    let parallel = args
        .pairs
        .source
        .as_deref()
        .zip(args.pairs.target.as_deref());
    let (sources, mut errors) = if parallel.is_some() {
        (Vec::new(), Vec::new())
    } else if args.paths.is_empty() {
        anyhow::bail!(
            "bilingual extract needs bilingual files (XLIFF, TMX, PO, TSV), or --source FILE --target FILE"
        );
    } else {
        session.inputs(&args.paths, Walk::AllFormats, false)?
    };
    let (alignment, read_errors) = session.extract_pairs(&sources, parallel)?;
    errors.extend(read_errors);
    let mut buffer = Vec::new();
    emitter(format(args.format)).emit(&alignment, &mut buffer)?;
    finish(&buffer, &errors)
}
