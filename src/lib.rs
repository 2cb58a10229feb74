//! termalign: multilingual terminology checks.
//!
//! The library finds the terms of curated glossaries in text, checks them
//! against the glossaries' rules and reports findings with exact byte offsets
//! into the original files. It never prints: the `termalign` binary is a thin
//! layer over it.

pub mod error;
pub mod span;
pub mod suppress;
pub mod term_lookup;
pub mod text;
pub mod walk;

pub use error::{Error, Origin, Result};
pub use span::{LineIndex, Span};
pub mod checks;
pub mod config;
pub mod emit;
pub mod engine;
pub mod extract;
pub mod finding;
pub mod fix;
pub mod fuzzy;
pub mod glossary;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod matcher;
pub mod pipeline;
pub mod report;
pub mod rule;
pub mod session;
mod yaml;
