//! What each subcommand does, in terms of library calls and printing: one
//! module per subcommand, and the helpers they share.

mod align;
mod check;
mod glossary;
// Named apart from `termalign::report`, which this module uses throughout.
#[path = "report.rs"]
mod report_command;

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use termalign::engine::RuleSettings;
use termalign::finding::Severity;
use termalign::glossary::{builtin, load_set, GlossarySet, GlossarySource};
use termalign::pipeline::InputSource;
use termalign::report::{self, Emitter, Report};
use termalign::walk;

use crate::args::*;
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Align(args) => align::run(args),
        Command::Rules { format } => rules(format),
        Command::Report(args) => report_command::run(args),
        Command::Glossary(GlossaryCommand::Validate { files }) => glossary::validate(&files),
        Command::Glossary(GlossaryCommand::List { glossary, format }) => {
            glossary::list(&glossary, format)
        }
        Command::Glossary(GlossaryCommand::Import(args)) => glossary::import(&args),
        Command::Glossary(GlossaryCommand::Export(args)) => glossary::export(&args),
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

/// Files named on the command line, directories walked, `-` read from
/// stdin. Paths that cannot be read are returned as errors beside the inputs
/// found, so the rest are still checked.
pub(crate) fn input_sources(
    paths: &[PathBuf],
    include: &[String],
    exclude: &[String],
) -> Result<(Vec<InputSource>, Vec<termalign::Error>)> {
    let walked = walk::walk_inputs(paths, include, exclude)?;
    let mut sources = Vec::new();
    for path in walked.paths {
        if path.as_os_str() == walk::STDIN {
            let mut bytes = Vec::new();
            io::stdin()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            sources.push(InputSource::Stdin(bytes));
        } else {
            sources.push(InputSource::Path(path));
        }
    }
    Ok((sources, walked.errors))
}

/// The format asked for, or the default: table on a terminal, line otherwise.
pub(crate) fn output_format(format: Option<OutputFormat>) -> OutputFormat {
    format.unwrap_or(if io::stdout().is_terminal() {
        OutputFormat::Table
    } else {
        OutputFormat::Line
    })
}

/// Whether to colour output: on a terminal, unless `NO_COLOR` is set to
/// anything but the empty string (no-color.org).
pub(crate) fn use_color() -> bool {
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub(crate) fn emitter(format: Option<OutputFormat>) -> Box<dyn Emitter> {
    match output_format(format) {
        OutputFormat::Table => Box::new(report::table::TableEmitter),
        OutputFormat::Line => Box::new(report::line::LineEmitter),
        OutputFormat::Json => Box::new(report::json::JsonEmitter),
        OutputFormat::Github => Box::new(report::github::GithubEmitter),
        OutputFormat::Sarif => Box::new(report::sarif::SarifEmitter),
        OutputFormat::Html => Box::new(report::html::HtmlEmitter {
            page: report::html::Page::Check,
            by: Default::default(),
        }),
    }
}

/// Prints the report (even when some inputs failed, so their errors do not
/// hide the rest) and the errors, and picks the exit code.
pub(crate) fn finish(
    report: &Report,
    errors: &[termalign::Error],
    output: &OutputOptions,
) -> Result<u8> {
    let failed = report.fails(fail_level(output.fail_on));
    print_report(report, errors, emitter(output.format).as_ref(), failed)
}

/// Prints `report` with `emitter`, then the errors of the inputs that could
/// not be read; exit 2 if there were any, else 1 if `failed`, else 0.
pub(crate) fn print_report(
    report: &Report,
    errors: &[termalign::Error],
    emitter: &dyn Emitter,
    failed: bool,
) -> Result<u8> {
    let mut buffer = Vec::new();
    emitter.emit(report, &mut buffer)?;
    let mut stdout = io::stdout().lock();
    stdout.write_all(&buffer)?;
    stdout.flush()?;
    for e in errors {
        crate::report_error(&anyhow::Error::new(clone_error(e)));
    }
    Ok(if !errors.is_empty() {
        EXIT_ERROR
    } else if failed {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

fn clone_error(e: &termalign::Error) -> termalign::Error {
    termalign::Error::Usage(e.to_string())
}

/// `termalign rules`: the rules and what they do.
fn rules(format: RulesFormat) -> Result<u8> {
    let mut stdout = io::stdout().lock();
    match format {
        RulesFormat::Markdown => write!(stdout, "{}", termalign::checks::rules_markdown())?,
        RulesFormat::Table => {
            for check in termalign::checks::CHECKS {
                let m = check.meta();
                writeln!(
                    stdout,
                    "{:<20} {:<8} {}",
                    m.name,
                    m.severity.as_str(),
                    m.summary
                )?;
            }
        }
    }
    Ok(EXIT_CLEAN)
}
