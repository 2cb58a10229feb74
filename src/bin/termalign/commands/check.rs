//! `termalign check`: lint monolingual copy against the glossaries.

use anyhow::Result;

use termalign::engine::Engine;
use termalign::pipeline;
use termalign::report::{Coverage, Report};

use super::{finish, input_sources, load_glossaries, rule_settings};
use crate::args::CheckArgs;

pub(crate) fn run(args: CheckArgs) -> Result<u8> {
    let set = load_glossaries(&args.glossary)?;
    let engine = Engine::new(set, rule_settings(&args.output)?);
    let (sources, mut errors) = input_sources(&args.paths, &[], &[])?;
    let (results, check_errors) = pipeline::check_all(&engine, &sources, &args.lang);
    errors.extend(check_errors);
    // Coverage is cheap (it counts the occurrences the checks collected) and
    // the HTML page shows it, so it is built once here for every format.
    let coverage = Coverage::build(&results, engine.glossaries(), Some(&args.lang));
    let report = Report::build(&results).with_coverage(coverage);
    finish(&report, &errors, &args.output)
}
