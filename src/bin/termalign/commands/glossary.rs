//! `termalign glossary validate|list|import|export`.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use termalign::emit::Emit;
use termalign::glossary::export;
use termalign::glossary::import::{self, ImportOptions};
use termalign::glossary::listing::{Listing, ListingJsonEmitter, ListingTableEmitter};
use termalign::glossary::{load_set, GlossarySource};
use termalign::input::SourceFile;
use termalign::lang::Lang;

use termalign::config::FailOn;
use termalign::glossary::GlossarySet;

use super::{glossary_errors, open_session, overrides, resolve_settings};
use crate::args::{ExportArgs, GlobalOptions, GlossaryOptions, ImportArgs, ListFormat};
use crate::EXIT_CLEAN;

/// `glossary validate FILES`: loads them together, in priority order as
/// given, and says which terms one overrides in another.
pub(crate) fn validate(files: &[PathBuf], global: &GlobalOptions) -> Result<u8> {
    let mut sources = Vec::new();
    for path in files {
        sources.push(GlossarySource::read(path)?);
    }
    let set = load_set(&sources).map_err(glossary_errors)?;
    let mut stdout = io::stdout().lock();
    for g in &set.glossaries {
        let concepts = g.concepts.end - g.concepts.start;
        writeln!(
            stdout,
            "{}: ok (glossary `{}`, {concepts} concepts)",
            g.path.display(),
            g.id
        )?;
    }
    super::tell_shadowed_terms(&set, global);
    Ok(EXIT_CLEAN)
}

/// Lists the glossaries a check would use: the configuration's and the
/// command line's.
/// The glossaries a command would check against: the configuration's, the
/// built-in ones and `--glossary` files, as `check` resolves them.
fn loaded(options: &GlossaryOptions, global: &GlobalOptions) -> Result<GlossarySet> {
    let settings = resolve_settings(global, overrides(options, None, &[], None), FailOn::Warning)?;
    Ok(open_session(settings, global)?.glossaries().clone())
}

pub(crate) fn list(
    options: &GlossaryOptions,
    format: ListFormat,
    global: &GlobalOptions,
) -> Result<u8> {
    let set = loaded(options, global)?;
    let emitter: Box<dyn Emit<Listing>> = match format {
        ListFormat::Json => Box::new(ListingJsonEmitter),
        ListFormat::Table => Box::new(ListingTableEmitter),
    };
    emitter.emit(&Listing::new(&set), &mut io::stdout().lock())?;
    Ok(EXIT_CLEAN)
}

pub(crate) fn import(args: &ImportArgs) -> Result<u8> {
    let mut files = Vec::new();
    for path in &args.files {
        files.push(if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            SourceFile::from_bytes("-", bytes)?
        } else {
            SourceFile::read(path)?
        });
    }
    let options = ImportOptions {
        format: args.format,
        id: args.id.clone(),
        source_lang: args.source_lang.as_ref().map(Lang::to_string),
        target_lang: args.target_lang.as_ref().map(Lang::to_string),
    };
    let imported = import::import(&files, &options).map_err(super::worded)?;
    {
        let mut stderr = io::stderr().lock();
        for w in &imported.warnings {
            writeln!(stderr, "termalign: warning: {w}")?;
        }
    }
    write_output(args.output.as_deref(), imported.yaml.as_bytes())?;
    let commented: usize = imported
        .doc
        .concepts
        .iter()
        .filter(|c| c.commented_out.is_some() || !c.commented.is_empty())
        .count();
    let mut summary = format!(
        "termalign: imported glossary `{}`: {}, {}",
        imported.doc.glossary,
        count(imported.concept_count(), "concept"),
        count(imported.term_count(), "term"),
    );
    if commented > 0 {
        summary.push_str(&format!(
            "; languages with only deprecated terms kept as comments in {}",
            count(commented, "concept")
        ));
    }
    if let Some(out) = &args.output {
        summary.push_str(&format!(", written to {}", out.display()));
    }
    writeln!(io::stderr().lock(), "{summary}")?;
    Ok(EXIT_CLEAN)
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

pub(crate) fn export(args: &ExportArgs, global: &GlobalOptions) -> Result<u8> {
    let set = loaded(&args.glossary, global)?;
    let format = args
        .format
        .or_else(|| {
            args.output
                .as_deref()
                .and_then(import::InteropFormat::from_extension)
        })
        .unwrap_or(import::InteropFormat::Tbx);
    let text = match format {
        import::InteropFormat::Tbx => export::to_tbx(&set),
        import::InteropFormat::Csv => export::to_csv(&set),
    };
    write_output(args.output.as_deref(), text.as_bytes())?;
    Ok(EXIT_CLEAN)
}

/// Writes `bytes` to standard output, or replaces `path` with them: a
/// temporary file in the same directory, renamed over the target, so that a
/// failure never leaves a half-written file where the old one was.
fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    let Some(path) = path else {
        let mut stdout = io::stdout().lock();
        stdout.write_all(bytes)?;
        stdout.flush()?;
        return Ok(());
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".termalign-").suffix(".tmp");
    // A replaced file keeps its permissions; a new one gets the usual
    // read-write-for-all less the umask, not the temp file's owner-only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o666, |m| m.permissions().mode());
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let write = || -> io::Result<()> {
        let mut tmp = builder.tempfile_in(dir)?;
        tmp.write_all(bytes)?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    };
    write().with_context(|| format!("writing {}", path.display()))
}
