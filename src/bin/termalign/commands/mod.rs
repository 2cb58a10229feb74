//! What each subcommand does, in terms of library calls and printing: one
//! module per subcommand, and the helpers they share.

mod align;
mod check;
#[path = "config.rs"]
mod config_command;
mod extract;
mod glossary;
mod progress;
// Named apart from `termalign::report`, which this module uses throughout.
#[path = "report.rs"]
mod report_command;

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::{bail, Context, Result};

use termalign::config::{self, Config, Overrides, Provenance, Settings};
use termalign::engine::RuleSettings;
use termalign::finding::Severity;
use termalign::glossary::{builtin, load_set, GlossarySet, GlossarySource};
use termalign::pipeline::InputSource;
use termalign::report::{self, Emitter, Report};
use termalign::walk;

use crate::args::*;
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

pub fn run(cli: Cli) -> Result<u8> {
    let global = cli.global;
    match cli.command {
        Command::Check(args) => check::run(args, &global),
        Command::Align(args) => align::run(args, &global),
        Command::Rules { format } => rules(format),
        Command::Report(args) => report_command::run(args, &global),
        Command::Extract(args) => extract::run(args, &global),
        Command::Glossary(GlossaryCommand::Validate { files }) => glossary::validate(&files),
        Command::Glossary(GlossaryCommand::List { glossary, format }) => {
            glossary::list(&glossary, format, &global)
        }
        Command::Glossary(GlossaryCommand::Import(args)) => glossary::import(&args),
        Command::Glossary(GlossaryCommand::Export(args)) => glossary::export(&args, &global),
        Command::Config(args) => config_command::run(args, &global),
    }
}

/// The configuration file in force: `--config FILE`, else the nearest
/// `termalign.yaml` from the current directory up, none with `--isolated`.
/// A bad file fails the run (exit 2) with every error on stderr.
pub(crate) fn load_config(global: &GlobalOptions) -> Result<Option<Config>> {
    if global.isolated {
        return Ok(None);
    }
    let path = match &global.config {
        Some(path) => path.clone(),
        None => {
            let cwd = std::env::current_dir().context("finding the current directory")?;
            match config::discover(&cwd) {
                // Shown relative when it is right here, as users write it.
                Some(found) if found.parent() == Some(cwd.as_path()) => {
                    PathBuf::from(config::FILE_NAME)
                }
                Some(found) => found,
                None => return Ok(None),
            }
        }
    };
    Config::load(&path).map(Some).map_err(glossary_errors)
}

/// The settings of a run: defaults, then the configuration file, then the
/// command line (`overrides`). `fail_on_default` is the command's own.
pub(crate) fn resolve_settings(
    global: &GlobalOptions,
    overrides: Overrides,
    fail_on_default: config::FailOn,
) -> Result<Settings> {
    let config = load_config(global)?;
    let settings = Settings::resolve(config, overrides, fail_on_default);
    // --rule names are checked here, before any input is read.
    settings.rule_settings().map_err(anyhow::Error::msg)?;
    Ok(settings)
}

/// What the shared options of the command line say, for
/// [`resolve_settings`]. `--rule` values are parsed here, so a bad one is a
/// usage error before anything runs.
pub(crate) fn overrides(
    glossary: &GlossaryOptions,
    lang: Option<&str>,
    rules: &[String],
    fail_on: Option<FailOn>,
) -> Result<Overrides> {
    let mut parsed = Vec::new();
    for spec in rules {
        let Some((rule, level)) = spec.split_once('=') else {
            bail!("--rule takes RULE=SEVERITY, got `{spec}`");
        };
        let severity = match level {
            "off" => None,
            other => Some(Severity::parse(other).with_context(|| {
                format!("--rule {rule}: `{other}` is not error, warning, info or off")
            })?),
        };
        parsed.push((rule.to_owned(), severity));
    }
    Ok(Overrides {
        glossaries: glossary.glossaries.clone(),
        no_default_glossaries: glossary.no_default_glossaries,
        lang: lang.map(str::to_owned),
        rules: parsed,
        fail_on: fail_on.map(fail_on_setting),
        ..Overrides::default()
    })
}

pub(crate) fn fail_on_setting(f: FailOn) -> config::FailOn {
    match f {
        FailOn::Error => config::FailOn::Error,
        FailOn::Warning => config::FailOn::Warning,
        FailOn::Info => config::FailOn::Info,
        FailOn::Never => config::FailOn::Never,
    }
}

/// The glossaries the settings name. Prints every error of a failed load,
/// one per line, and fails.
pub(crate) fn load_glossaries(settings: &Settings) -> Result<GlossarySet> {
    let mut sources = if settings.default_glossaries.value {
        builtin::sources()
    } else {
        Vec::new()
    };
    for glossary in &settings.glossaries {
        let source = GlossarySource::read(&glossary.value);
        sources.push(match (&glossary.from, source) {
            (_, Ok(source)) => source,
            (Provenance::Config(origin), Err(e)) => {
                return Err(anyhow::Error::new(e)
                    .context(format!("{origin}: the glossary named here cannot be read")))
            }
            (_, Err(e)) => return Err(e.into()),
        });
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

pub(crate) fn rule_settings(settings: &Settings) -> Result<RuleSettings> {
    settings.rule_settings().map_err(anyhow::Error::msg)
}

/// Files named on the command line, directories walked (with the include
/// and exclude globs of the settings, relative to the configuration file's
/// directory), `-` read from stdin. Paths that cannot be read are returned
/// as errors beside the inputs found, so the rest are still checked.
/// With `force_exclude`, exclude globs drop named files too.
pub(crate) fn input_sources(
    paths: &[PathBuf],
    settings: &Settings,
    force_exclude: bool,
) -> Result<(Vec<InputSource>, Vec<termalign::Error>)> {
    let walked = walk::walk_inputs_from(
        paths,
        &settings.include.value,
        &settings.exclude.value,
        settings.base.as_deref(),
        force_exclude,
    )?;
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
    settings: &Settings,
) -> Result<u8> {
    let failed = report.fails(settings.fail_on.value.level());
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
    Ok(exit_code(errors, failed))
}

/// Prints the errors of the inputs that could not be read; exit 2 if there
/// were any, else 1 if `failed`, else 0.
pub(crate) fn exit_code(errors: &[termalign::Error], failed: bool) -> u8 {
    for e in errors {
        crate::report_error(e);
    }
    if !errors.is_empty() {
        EXIT_ERROR
    } else if failed {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// `termalign: MESSAGE` on stderr: what happened besides the report.
pub(crate) fn note(message: &str) {
    let _ = writeln!(io::stderr().lock(), "termalign: {message}");
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
