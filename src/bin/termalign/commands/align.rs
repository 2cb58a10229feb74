//! `termalign align`: bilingual checks on source/target pairs.

use anyhow::Result;

use termalign::config::FailOn;
use termalign::session::Walk;

use super::progress::Progress;
use super::{finish, open_session, overrides, resolve_settings};
use crate::args::{AlignArgs, GlobalOptions};

pub(crate) fn run(args: AlignArgs, global: &GlobalOptions) -> Result<u8> {
    let mut cli = overrides(
        &args.glossary,
        None,
        &args.output.rules,
        args.output.fail_on,
    );
    cli.source_lang = args.pairs.source_lang.clone();
    cli.target_lang = args.pairs.target_lang.clone();
    let session = open_session(resolve_settings(global, cli, FailOn::Warning)?, global)?;
    let parallel = args
        .pairs
        .source
        .as_deref()
        .zip(args.pairs.target.as_deref());
    let (sources, walk_errors) = if args.paths.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        session.inputs(&args.paths, Walk::Bilingual, false)?
    };
    let progress = Progress::new(sources.len(), global);
    let mut outcome = session.align(&sources, parallel, &|path| progress.done(path));
    progress.finish();
    outcome.errors.splice(0..0, walk_errors);
    finish(outcome, &args.output, session.settings())
}
