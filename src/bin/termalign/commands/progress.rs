//! The progress bar of long runs: on stderr, only when a person is watching.
//!
//! It is never drawn when stderr is not a terminal (a pipe or a log file
//! would fill with redraws), when `CI` is set (CI logs are files, even when
//! they pretend to be terminals), or with `--quiet` or `--no-progress`; and
//! it appears only once a run has taken a moment, so quick runs stay silent.

use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::args::GlobalOptions;

/// How long a run goes before the bar shows.
const DELAY: Duration = Duration::from_millis(400);

pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// A bar over `total` inputs, or a no-op when it must not be drawn.
    pub(crate) fn new(total: usize, global: &GlobalOptions) -> Progress {
        let wanted = total > 1 && enabled(global, std::io::stderr().is_terminal());
        let bar = wanted.then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{bar:30} {pos}/{len} files {wide_msg}")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// One more input done.
    pub(crate) fn done(&self, path: &Path) {
        let Some(bar) = &self.bar else {
            return;
        };
        if !self.shown.load(Ordering::Relaxed) && self.started.elapsed() >= DELAY {
            self.shown.store(true, Ordering::Relaxed);
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.set_message(path.display().to_string());
        bar.inc(1);
    }

    /// Clears the bar before the report is printed.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Whether a bar may be drawn at all.
fn enabled(global: &GlobalOptions, stderr_is_terminal: bool) -> bool {
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    stderr_is_terminal && !in_ci && !global.quiet && !global.no_progress
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_off_a_terminal_or_when_asked_not_to() {
        let quiet = GlobalOptions {
            quiet: true,
            ..Default::default()
        };
        let no_progress = GlobalOptions {
            no_progress: true,
            ..Default::default()
        };
        assert!(!enabled(&GlobalOptions::default(), false));
        assert!(!enabled(&quiet, true));
        assert!(!enabled(&no_progress, true));
    }
}
