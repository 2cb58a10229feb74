//! Glossaries: the model ([`mod@model`]), loading from YAML with positions
//! ([`load`]), the validation rules of SPEC §1 ([`validate`]), the
//! priority of layered glossaries ([`layers`]), the
//! built-in glossaries ([`builtin`]), writing YAML ([`mod@write`]), and
//! converting from and to TBX and CSV ([`import`], [`export`]).

pub mod builtin;
pub mod export;
pub mod import;
pub mod layers;
pub mod listing;
pub mod load;
pub mod model;
pub mod validate;
pub mod write;

pub use crate::lang::primary_subtag;
pub use load::{load_set, GlossarySource};
pub use model::*;
