//! Glossaries: the model ([`mod@model`]), loading from YAML with positions
//! ([`load`]), the validation rules of SPEC §1 ([`validate`]), the
//! built-in glossaries ([`builtin`]) and writing YAML ([`mod@write`]).

pub mod builtin;
pub mod listing;
pub mod load;
pub mod model;
pub mod validate;
pub mod write;

pub use load::{load_set, GlossarySource};
pub use model::*;
