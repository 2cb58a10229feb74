//! What each subcommand does, in terms of library calls and printing.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use termalign::engine::{Engine, RuleSettings};
use termalign::finding::Severity;
use termalign::glossary::{builtin, load_set, GlossarySet, GlossarySource};
use termalign::pipeline::{self, InputSource};
use termalign::report::{self, Emitter, Report};

use crate::args::*;
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Glossary(GlossaryCommand::Validate { files }) => glossary_validate(&files),
        Command::Glossary(GlossaryCommand::List { glossary, format }) => {
            glossary_list(&glossary, format)
        }
    }
}

/// Prints every error of a failed load, one per line, and fails.
fn load_glossaries(options: &GlossaryOptions) -> Result<GlossarySet> {
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

fn glossary_errors(errors: Vec<termalign::Error>) -> anyhow::Error {
    let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    anyhow::anyhow!("{}", lines.join("\ntermalign: error: "))
}

fn rule_settings(output: &OutputOptions) -> Result<RuleSettings> {
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

fn fail_level(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Never => None,
    }
}

/// Files named on the command line, directories walked, `-` read from stdin.
fn input_sources(paths: &[PathBuf]) -> Result<Vec<InputSource>> {
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

fn emitter(format: Option<OutputFormat>) -> Box<dyn Emitter> {
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

fn check(args: CheckArgs) -> Result<u8> {
    let set = load_glossaries(&args.glossary)?;
    let engine = Engine::new(set, rule_settings(&args.output)?);
    let sources = input_sources(&args.paths)?;
    let (results, errors) = pipeline::check_all(&engine, &sources, &args.lang);
    let report = Report::build(&results);
    finish(&report, &errors, &args.output)
}

/// Prints the report (even when some inputs failed, so their errors do not
/// hide the rest) and the errors, and picks the exit code.
fn finish(report: &Report, errors: &[termalign::Error], output: &OutputOptions) -> Result<u8> {
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

fn glossary_validate(files: &[PathBuf]) -> Result<u8> {
    let mut sources = Vec::new();
    for path in files {
        sources.push(GlossarySource::read(path)?);
    }
    let set = load_set(&sources).map_err(glossary_errors)?;
    let mut stdout = io::stdout().lock();
    for g in &set.glossaries {
        let concepts = g.concepts.end - g.concepts.start;
        writeln!(stdout, "{}: ok ({} `{}`, {concepts} concepts)", g.path.display(), "glossary", g.id)?;
    }
    Ok(EXIT_CLEAN)
}

fn glossary_list(options: &GlossaryOptions, format: ListFormat) -> Result<u8> {
    let set = load_glossaries(options)?;
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
