//! The `termalign` binary: parses arguments, calls the library, prints, and
//! maps the outcome to an exit code (0 clean, 1 findings, 2 errors). A broken
//! pipe (`termalign check … | head`) ends quietly with 0.

mod args;
mod commands;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// A segment pair costs a handful of small allocations (texts, offset maps,
/// occurrence lists); with glibc's allocator they took a quarter of `align`'s
/// time. jemalloc's thread caches make them cheap, and unlike mimalloc it
/// does not return the pages of a freed 100 MB buffer to the system at once
/// (which made `check` on one large file a third slower).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Exit codes of SPEC §2.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::from(EXIT_CLEAN);
            }
            report_error(e.as_ref());
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// `termalign: error: …` with the cause chain, one cause a line.
pub fn report_error(e: &(dyn std::error::Error + 'static)) {
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "termalign: error: {e}");
    let mut cause = e.source();
    while let Some(c) = cause {
        let _ = writeln!(stderr, "  caused by: {c}");
        cause = c.source();
    }
}
