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

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};

use termalign::checks::RuleId;
use termalign::config::{self, Config, Overrides, Settings};
use termalign::finding::Severity;
use termalign::lang::Lang;
use termalign::report::{findings, Emit, Report};
use termalign::session::{Outcome, Session, Status};

use crate::args::*;
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

pub fn run(cli: Cli) -> Result<u8> {
    let global = cli.global;
    match cli.command {
        Command::Check(args) => check::run(args, &global),
        Command::Align(args) => align::run(args, &global),
        Command::Rules { format } => rules(format),
        Command::Formats => {
            write!(
                io::stdout().lock(),
                "{}",
                termalign::input::format::formats_markdown()
            )?;
            Ok(EXIT_CLEAN)
        }
        Command::Report(args) => report_command::run(args, &global),
        Command::Extract(args) => extract::run(args, &global),
        Command::Glossary(GlossaryCommand::Validate { files }) => {
            glossary::validate(&files, &global)
        }
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
    let overrides = Overrides {
        encoding: global.encoding,
        states: global.states,
        ..overrides
    };
    Ok(Settings::resolve(config, overrides, fail_on_default))
}

/// What the shared options of the command line say, for
/// [`resolve_settings`].
pub(crate) fn overrides(
    glossary: &GlossaryOptions,
    lang: Option<Lang>,
    rules: &[(RuleId, Option<Severity>)],
    fail_on: Option<FailOn>,
) -> Overrides {
    Overrides {
        glossaries: glossary.glossaries.clone(),
        no_default_glossaries: glossary.no_default_glossaries,
        lang,
        rules: rules.to_vec(),
        fail_on,
        ..Overrides::default()
    }
}

/// A session over the settings: the glossaries they name, loaded, and the
/// engine. Every error of a failed load is printed, one per line; terms a
/// higher-priority glossary overrides are noted.
pub(crate) fn open_session(settings: Settings, global: &GlobalOptions) -> Result<Session> {
    let session = Session::new(settings).map_err(glossary_errors)?;
    tell_shadowed_terms(session.glossaries(), global);
    Ok(session)
}

/// Like [`open_session`], with no glossary at all allowed (`extract`).
pub(crate) fn open_session_allowing_no_glossaries(
    settings: Settings,
    global: &GlobalOptions,
) -> Result<Session> {
    let session = Session::allowing_no_glossaries(settings).map_err(glossary_errors)?;
    tell_shadowed_terms(session.glossaries(), global);
    Ok(session)
}

/// Says on stderr which terms of layered glossaries another glossary with
/// priority overrides (SPEC §1), unless `--quiet`.
pub(crate) fn tell_shadowed_terms(set: &termalign::glossary::GlossarySet, global: &GlobalOptions) {
    if global.quiet {
        return;
    }
    for s in &set.shadowed {
        note(&format!(
            "note: {}",
            termalign::glossary::layers::describe(set, s)
        ));
    }
}

/// Several library errors as one, a `termalign: error:` line each. A single
/// one keeps its cause chain.
pub(crate) fn glossary_errors(errors: Vec<termalign::Error>) -> anyhow::Error {
    if errors.len() == 1 {
        return worded(errors.into_iter().next().expect("one error"));
    }
    let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    anyhow::anyhow!("{}", lines.join("\ntermalign: error: "))
}

/// A library error in the words of the command line: where the library
/// says what is wrong, the binary says which option would help.
pub(crate) fn worded(error: termalign::Error) -> anyhow::Error {
    match error {
        termalign::Error::NoGlossaries => anyhow::anyhow!(
            "no glossaries: give --glossary FILE, or drop --no-default-glossaries"
        ),
        termalign::Error::StdinNotFixable => anyhow::anyhow!(
            "standard input cannot be fixed in place: name the file, or use --fix --dry-run to see the diff"
        ),
        termalign::Error::InvalidGlossaryId { id } => {
            anyhow::anyhow!("--id `{id}`: a glossary id must match [a-z0-9-]+")
        }
        termalign::Error::ImportLanguagesUnknown {
            path,
            reason,
            missing,
        } => {
            let flags: Vec<String> = missing.iter().map(|m| format!("--{m}-lang")).collect();
            anyhow::anyhow!("{}: {reason}: give {}", path.display(), flags.join(" and "))
        }
        other => other.into(),
    }
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

/// The findings emitter of `check` and `align` for `format`;
/// `show_suppressed` (`--report-suppressed`) lists the silenced findings too.
pub(crate) fn emitter(
    format: Option<OutputFormat>,
    show_suppressed: bool,
) -> Box<dyn Emit<Report>> {
    match output_format(format) {
        OutputFormat::Table => Box::new(findings::table::TableEmitter { show_suppressed }),
        OutputFormat::Line => Box::new(findings::line::LineEmitter { show_suppressed }),
        OutputFormat::Json => Box::new(findings::json::JsonEmitter { show_suppressed }),
        OutputFormat::Github => Box::new(findings::github::GithubEmitter { show_suppressed }),
        OutputFormat::Sarif => Box::new(findings::sarif::SarifEmitter { show_suppressed }),
        OutputFormat::Html => Box::new(findings::html::HtmlEmitter { show_suppressed }),
    }
}

/// Prints the outcome's report with the emitter `output` asks for, then the
/// errors of the inputs that could not be read, and picks the exit code.
pub(crate) fn finish(outcome: Outcome, output: &OutputOptions, settings: &Settings) -> Result<u8> {
    let status = outcome.status(settings.fail_on.value.level());
    let emitter = emitter(output.format, output.report_suppressed);
    print_report(outcome, emitter.as_ref(), status)
}

/// Prints the report (even when some inputs failed, so their errors do not
/// hide the rest) with `emitter`, then the errors; the exit code of `status`.
pub(crate) fn print_report(
    outcome: Outcome,
    emitter: &dyn Emit<Report>,
    status: Status,
) -> Result<u8> {
    let mut buffer = Vec::new();
    let (report, errors) = outcome.into_report();
    emitter.emit(&report, &mut buffer)?;
    let mut stdout = io::stdout().lock();
    stdout.write_all(&buffer)?;
    stdout.flush()?;
    print_errors(&errors);
    Ok(exit_code(status))
}

/// Prints the errors of the inputs that could not be read, one per line,
/// saying which option helps where one does.
pub(crate) fn print_errors(errors: &[termalign::Error]) {
    for e in errors {
        match e {
            termalign::Error::SeveralTargetLanguages { .. } => {
                note(&format!("error: {e}; choose one with --target-lang"))
            }
            termalign::Error::Encoding {
                encoding: "UTF-8",
                ..
            } => note(&format!(
                "error: {e}; if the file is in another encoding, declare it in the file or name it with --encoding"
            )),
            _ => crate::report_error(e),
        }
    }
}

/// The exit code of SPEC §2 for how a run ended.
pub(crate) fn exit_code(status: Status) -> u8 {
    match status {
        Status::Clean => EXIT_CLEAN,
        Status::Findings => EXIT_FINDINGS,
        Status::Failed => EXIT_ERROR,
    }
}

/// Says on stderr which files' languages were identified from their text
/// rather than declared or given (SPEC §2), unless `--quiet`.
pub(crate) fn tell_guessed_languages(report: &termalign::report::Report, global: &GlobalOptions) {
    if global.quiet {
        return;
    }
    for (path, language) in &report.guessed_languages {
        note(&format!(
            "note: {}: language identified as `{language}` from the text (give --lang, or declare it in the file or termalign.yaml)",
            path.display()
        ));
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
                    m.name(),
                    m.severity.as_str(),
                    m.summary
                )?;
            }
        }
    }
    Ok(EXIT_CLEAN)
}
