//! `termalign check`: lint monolingual copy against the glossaries, and
//! with `--fix` rewrite what the glossaries allow.

use std::io::{self, Write};

use anyhow::Result;

use termalign::config::FailOn;
use termalign::report::plural;
use termalign::session::{FixOutcome, Walk};

use super::progress::Progress;
use super::{finish, note, open_session, overrides, resolve_settings, worded};
use crate::args::{CheckArgs, GlobalOptions};

pub(crate) fn run(args: CheckArgs, global: &GlobalOptions) -> Result<u8> {
    let cli = overrides(
        &args.glossary,
        args.lang.clone(),
        &args.output.rules,
        args.output.fail_on,
    );
    let session = open_session(resolve_settings(global, cli, FailOn::Warning)?, global)?;
    let (sources, walk_errors) =
        session.inputs(&args.paths, Walk::AllFormats, args.force_exclude)?;
    let progress = Progress::new(sources.len(), global);
    let done = |path: &std::path::Path| progress.done(path);
    let mut outcome = if args.fix {
        let fixed = session.fix(&sources, args.dry_run, &done).map_err(worded)?;
        progress.finish();
        tell_fixes(&fixed, args.dry_run, global.quiet)?;
        fixed.outcome
    } else {
        let outcome = session.check(&sources, &done);
        progress.finish();
        outcome
    };
    outcome.errors.splice(0..0, walk_errors);
    super::tell_guessed_languages(&outcome.report, global);
    if args.fix && args.dry_run {
        // The diff is the output; the exit code still says what would remain.
        let status = outcome.status(session.settings().fail_on.value.level());
        super::print_errors(&outcome.errors);
        return Ok(super::exit_code(status));
    }
    finish(outcome, &args.output, session.settings())
}

/// Prints the diffs of a dry run on stdout, and on stderr the fixes that
/// were not made and how many were.
fn tell_fixes(fixed: &FixOutcome, dry_run: bool, quiet: bool) -> Result<()> {
    let mut stdout = io::stdout().lock();
    for file in &fixed.files {
        if !quiet {
            for s in &file.skipped {
                note(&format!(
                    "{}:{}:{}: `{}` not fixed: {}",
                    file.path.display(),
                    s.line,
                    s.column,
                    s.found,
                    s.reason
                ));
            }
        }
        if let Some(diff) = &file.diff {
            write!(stdout, "{diff}")?;
        }
    }
    stdout.flush()?;
    if !quiet {
        let what = format!(
            "{} in {}",
            plural(fixed.edits(), "occurrence", "occurrences"),
            plural(fixed.files_changed(), "file", "files")
        );
        note(&if dry_run {
            format!("would fix {what} (--dry-run: nothing written)")
        } else {
            format!("fixed {what}")
        });
    }
    Ok(())
}
