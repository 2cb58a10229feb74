//! `termalign report`: coverage and inconsistency tables over a corpus. It
//! runs `check`'s pipeline (the findings are computed, and listed in the HTML
//! page) and prints the coverage model built from the same results.

use anyhow::{bail, Result};

use termalign::config::{FailOn, Setting};
use termalign::report::coverage::percent;
use termalign::report::coverage::{
    html::CoverageHtmlEmitter, json::CoverageJsonEmitter, line::CoverageLineEmitter,
    table::CoverageTableEmitter,
};
use termalign::report::{Emit, Report};
use termalign::session::{status, Walk};

use super::progress::Progress;
use super::{open_session, output_format, overrides, print_report, resolve_settings, use_color};
use crate::args::{GlobalOptions, OutputFormat, ReportArgs};

pub(crate) fn run(args: ReportArgs, global: &GlobalOptions) -> Result<u8> {
    if let Some(min) = args.min_conformance {
        if !(0.0..=1.0).contains(&min) {
            bail!("--min-conformance takes a fraction between 0 and 1, got {min}");
        }
    }
    let by = args.by;
    let emitter: Box<dyn Emit<Report>> = match output_format(args.format) {
        OutputFormat::Table => Box::new(CoverageTableEmitter {
            by,
            color: use_color(),
        }),
        OutputFormat::Line => Box::new(CoverageLineEmitter),
        OutputFormat::Json => Box::new(CoverageJsonEmitter),
        OutputFormat::Html => Box::new(CoverageHtmlEmitter { by }),
        other @ (OutputFormat::Sarif | OutputFormat::Github) => bail!(
            "`report` prints coverage as table, line, json or html; for --format {} use `termalign check`",
            format!("{other:?}").to_lowercase()
        ),
    };
    // The configuration's fail-on is for check and align: a report fails on
    // findings only when its own --fail-on asks.
    let cli = overrides(&args.glossary, args.lang.clone(), &args.rules, args.fail_on);
    let mut settings = resolve_settings(global, cli, FailOn::Never)?;
    if args.fail_on.is_none() {
        settings.fail_on = Setting::default(FailOn::Never);
    }
    let session = open_session(settings, global)?;
    let (sources, walk_errors) = session.inputs(&args.paths, Walk::AllFormats, false)?;
    let progress = Progress::new(sources.len(), global);
    let mut outcome = session.report(&sources, &|path| progress.done(path));
    progress.finish();
    outcome.errors.splice(0..0, walk_errors);
    super::tell_guessed_languages(&outcome.report, global);
    let mut failed = outcome
        .report
        .fails(session.settings().fail_on.value.level());
    if let Some(min) = args.min_conformance {
        // Nothing to measure is not a failure: no term was used wrongly.
        let conformance = outcome.report.coverage.tally.conformance();
        if let Some(c) = conformance.filter(|&c| c < min) {
            crate::report_error(
                anyhow::anyhow!(
                    "conformance {} is below --min-conformance {}",
                    percent(Some(c)),
                    percent(Some(min))
                )
                .as_ref(),
            );
            failed = true;
        }
    }
    let status = status(&outcome.errors, failed);
    print_report(outcome, emitter.as_ref(), status)
}
