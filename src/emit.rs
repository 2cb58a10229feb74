//! The one output trait: an emitter writes one kind of thing (a check
//! [`Report`](crate::report::Report), an extraction, a glossary listing) in
//! one format. How it writes is the emitter's own business, and so are its
//! options (colour, grouping, whether to list suppressed findings): they are
//! fields of the emitter, never of the data, so one value can be emitted in
//! every format.

use std::io::{self, Write};

/// Writes a `T` in one format.
pub trait Emit<T: ?Sized> {
    fn emit(&self, item: &T, out: &mut dyn Write) -> io::Result<()>;
}
