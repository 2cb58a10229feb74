//! What each subcommand does, in terms of library calls and printing: one
//! module per subcommand, and the helpers they share.

mod check;
mod extract;
mod glossary;

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use termalign::engine::RuleSettings;
use termalign::finding::Severity;
use termalign::glossary::{builtin, load_set, GlossarySet, GlossarySource};
use termalign::pipeline::InputSource;
use termalign::report::{self, Emitter, Report};

use crate::args::*;
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Glossary(GlossaryCommand::Validate { files }) => glossary::validate(&files),
        Command::Glossary(GlossaryCommand::List { glossary, format }) => {
            glossary::list(&glossary, format)
        }
    }
}

/// Prints every error of a failed load, one per line, and fails.
pub(crate) fn load_glossaries(options: &GlossaryOptions) -> Result<GlossarySet> {
    let mut sources = if options.no_default_glossaries {
        Vec::new()
    } else {
        builtin::sources()
    };
    for path in &options.glossaries {
        sources.push(GlossarySource::read(path)?);
    }
    if sources.is_empty() {
        bail!("no glossaries: give --glossary FILE, or drop --no-default-glossaries");
    }
    load_set(&sources).map_err(glossary_errors)
}

pub(crate) fn glossary_errors(errors: Vec<termalign::Error>) -> anyhow::Error {
    let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    anyhow::anyhow!("{}", lines.join("\ntermalign: error: "))
}

pub(crate) fn rule_settings(output: &OutputOptions) -> Result<RuleSettings> {
    let mut rules = RuleSettings::default();
    for spec in &output.rules {
        let Some((rule, level)) = spec.split_once('=') else {
            bail!("--rule takes RULE=SEVERITY, got `{spec}`");
        };
        let severity = match level {
            "off" => None,
            other => Some(Severity::parse(other).with_context(|| {
                format!("--rule {rule}: `{other}` is not error, warning, info or off")
            })?),
        };
        rules.set(rule, severity).map_err(anyhow::Error::msg)?;
    }
    Ok(rules)
}

pub(crate) fn fail_level(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

/// Files named on the command line, directories walked, `-` read from stdin.
pub(crate) fn input_sources(paths: &[PathBuf]) -> Result<Vec<InputSource>> {
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            sources.push(InputSource::Stdin(bytes));
        } else if path.is_dir() {
            let mut found = Vec::new();
            for entry in ignore::WalkBuilder::new(path).build() {
                let entry = entry?;
                if entry.file_type().is_some_and(|t| t.is_file()) {
                    found.push(entry.into_path());
                }
            }
            if found.is_empty() {
                bail!("{}: no input files found", path.display());
            }
            found.sort();
            sources.extend(found.into_iter().map(InputSource::Path));
        } else {
            sources.push(InputSource::Path(path.clone()));
        }
    }
    Ok(sources)
}

pub(crate) fn emitter(format: Option<OutputFormat>) -> Box<dyn Emitter> {
    let format = format.unwrap_or(if io::stdout().is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Line
    });
    match format {
        OutputFormat::Table => Box::new(report::table::TableEmitter),
        OutputFormat::Line => Box::new(report::line::LineEmitter),
        OutputFormat::Json => Box::new(report::json::JsonEmitter),
        OutputFormat::Github => Box::new(report::github::GithubEmitter),
    }
}

/// Prints the report (even when some inputs failed, so their errors do not
/// hide the rest) and the errors, and picks the exit code.
pub(crate) fn finish(
    report: &Report,
    errors: &[termalign::Error],
    output: &OutputOptions,
) -> Result<u8> {
    let mut buffer = Vec::new();
    emitter(output.format).emit(report, &mut buffer)?;
    let mut stdout = io::stdout().lock();
    stdout.write_all(&buffer)?;
    stdout.flush()?;
    for e in errors {
        crate::report_error(&anyhow::Error::new(clone_error(e)));
    }
    Ok(if !errors.is_empty() {
        EXIT_ERROR
    } else if report.fails(fail_level(output.fail_on)) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn clone_error(e: &termalign::Error) -> termalign::Error {
    termalign::Error::Usage(e.to_string())
}
