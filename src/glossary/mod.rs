//! Glossaries: the model ([`mod@model`]), loading from YAML with positions
//! ([`load`]), the validation rules of SPEC §1 ([`validate`]) and the
//! built-in glossaries ([`builtin`]).

pub mod builtin;
pub mod listing;
pub mod load;
pub mod model;
pub mod validate;

pub use load::{load_set, GlossarySource};
pub use model::*;
