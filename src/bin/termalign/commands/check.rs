//! `termalign check`: lint monolingual copy against the glossaries, and
//! with `--fix` rewrite what the glossaries allow.

use std::io::{self, Write};

use anyhow::{bail, Result};

use termalign::config::{FailOn, Settings};
use termalign::engine::{Engine, FileResult};
use termalign::fix;
use termalign::pipeline::{self, InputSource};
use termalign::report::{Coverage, Report};

use super::progress::Progress;
use super::{finish, input_sources, load_glossaries, overrides, resolve_settings, rule_settings};
use crate::args::{CheckArgs, GlobalOptions};

pub(crate) fn run(args: CheckArgs, global: &GlobalOptions) -> Result<u8> {
    let cli = overrides(
        &args.glossary,
        args.lang.as_deref(),
        &args.output.rules,
        args.output.fail_on,
    )?;
    let settings = resolve_settings(global, cli, FailOn::Warning)?;
    let set = load_glossaries(&settings)?;
    let engine = Engine::new(set, rule_settings(&settings)?);
    let (sources, mut errors) = input_sources(&args.paths, &settings, args.force_exclude)?;
    if args.fix && !args.dry_run && sources.iter().any(|s| matches!(s, InputSource::Stdin(_))) {
        bail!("standard input cannot be fixed in place: name the file, or use --fix --dry-run to see the diff");
    }
    let progress = Progress::new(sources.len(), global);
    let (results, check_errors) = if args.fix {
        fix_all(
            &engine,
            &sources,
            &settings,
            args.dry_run,
            global,
            &progress,
        )?
    } else {
        pipeline::check_each(
            &engine,
            &sources,
            &|path| settings.lang_for(path),
            &|path| progress.done(path),
        )
    };
    progress.finish();
    errors.extend(check_errors);
    // Coverage is cheap (it counts the occurrences the checks collected) and
    // the HTML page shows it, so it is built once here for every format.
    // Its language is the run's: per-path languages only pick terms.
    let coverage = Coverage::build(&results, engine.glossaries(), Some(&settings.lang.value));
    let report = Report::build(&results)
        .with_coverage(coverage)
        .showing_suppressed(args.output.report_suppressed);
    if args.fix && args.dry_run {
        // The diff is the output; the exit code still says what would remain.
        return Ok(super::exit_code(
            &errors,
            report.fails(settings.fail_on.value.level()),
        ));
    }
    finish(&report, &errors, &args.output, &settings)
}

/// Fixes every input (or, with `dry_run`, prints the diff of each fix) and
/// returns what remains to report.
fn fix_all(
    engine: &Engine,
    sources: &[InputSource],
    settings: &Settings,
    dry_run: bool,
    global: &GlobalOptions,
    progress: &Progress,
) -> Result<(Vec<FileResult>, Vec<termalign::Error>)> {
    let mut results = Vec::new();
    let mut errors = Vec::new();
    let (mut edits, mut files) = (0, 0);
    let mut stdout = io::stdout().lock();
    for source in sources {
        let path = source.path();
        progress.done(path);
        let outcome = source.read().and_then(|file| {
            fix::fix_file(engine, &file, &settings.lang_for(path)).map(|f| (file, f))
        });
        let (original, fixed) = match outcome {
            Ok(pair) => pair,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if !global.quiet {
            for s in &fixed.plan.skipped {
                super::note(&format!(
                    "{}:{}:{}: `{}` not fixed: {}",
                    path.display(),
                    s.line,
                    s.column,
                    s.found,
                    s.reason
                ));
            }
        }
        if fixed.plan.is_empty() {
            results.push(fixed.result);
            continue;
        }
        if dry_run {
            write!(
                stdout,
                "{}",
                fix::unified_diff(path, &original.text, &fixed.file.text)
            )?;
        } else if let Err(e) = fix::write_fixed(path, &original.raw, &fixed.file.raw) {
            // Not written: what stands in the file is what was checked first.
            errors.push(e);
            results.push(fixed.before);
            continue;
        }
        edits += fixed.plan.edits.len();
        files += 1;
        results.push(fixed.result);
    }
    stdout.flush()?;
    if !global.quiet {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let what = format!(
            "{} in {}",
            plural(edits, "occurrence", "occurrences"),
            plural(files, "file", "files")
        );
        progress.finish();
        super::note(&if dry_run {
            format!("would fix {what} (--dry-run: nothing written)")
        } else {
            format!("fixed {what}")
        });
    }
    Ok((results, errors))
}
