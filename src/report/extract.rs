//! Emitters for `termalign extract`: one per format, each writing both what
//! extraction finds (an [`Extraction`] of candidate terms) and what
//! bilingual extraction finds (an [`Alignment`] of term pairs). They are thin:
//! the formats themselves belong to [`crate::extract::output`], and these
//! only put them behind [`Emit`], so the binary picks an extract format the
//! way it picks every other.

use std::io::{self, Write};

use crate::emit::Emit;
use crate::extract::bilingual::Alignment;
use crate::extract::{output, Extraction};

/// Defines a unit emitter writing an [`Extraction`] with `$candidates` and an
/// [`Alignment`] with `$pairs`.
macro_rules! extract_emitter {
    ($(#[$doc:meta])* $name:ident, $candidates:path, $pairs:path) => {
        $(#[$doc])*
        pub struct $name;

        impl Emit<Extraction> for $name {
            fn emit(&self, item: &Extraction, out: &mut dyn Write) -> io::Result<()> {
                $candidates(item, out)
            }
        }

        impl Emit<Alignment> for $name {
            fn emit(&self, item: &Alignment, out: &mut dyn Write) -> io::Result<()> {
                $pairs(item, out)
            }
        }
    };
}

extract_emitter!(
    /// `--format table`: for people.
    ExtractTableEmitter,
    output::write_table,
    output::write_alignment_table
);
extract_emitter!(
    /// `--format json`: for programs.
    ExtractJsonEmitter,
    output::write_json,
    output::write_alignment_json
);
extract_emitter!(
    /// `--format tsv` (SPEC §5): one candidate a line, best first.
    ExtractTsvEmitter,
    output::write_tsv,
    output::write_alignment_tsv
);
extract_emitter!(
    /// `--format yaml`: a glossary skeleton (SPEC §1) to curate.
    ExtractYamlEmitter,
    output::write_yaml,
    output::write_alignment_yaml
);
