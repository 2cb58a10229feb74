//! `termalign glossary validate|list`.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Result;

use termalign::glossary::{load_set, GlossarySource};

use termalign::config::FailOn;

use super::{glossary_errors, load_glossaries, overrides, resolve_settings};
use crate::args::{GlobalOptions, GlossaryOptions, ListFormat};
use crate::EXIT_CLEAN;

pub(crate) fn validate(files: &[PathBuf]) -> Result<u8> {
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
    Ok(EXIT_CLEAN)
}

/// Lists the glossaries a check would use: the configuration's and the
/// command line's.
pub(crate) fn list(
    options: &GlossaryOptions,
    format: ListFormat,
    global: &GlobalOptions,
) -> Result<u8> {
    let settings = resolve_settings(
        global,
        overrides(options, None, &[], None)?,
        FailOn::Warning,
    )?;
    let set = load_glossaries(&settings)?;
    let listing = termalign::glossary::listing::Listing::new(&set);
    let mut stdout = io::stdout().lock();
    match format {
        ListFormat::Json => {
            serde_json::to_writer_pretty(&mut stdout, &listing)?;
            writeln!(stdout)?;
        }
        ListFormat::Table => write!(stdout, "{}", listing.table())?,
    }
    Ok(EXIT_CLEAN)
}
