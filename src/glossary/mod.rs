//! Glossaries: the model ([`model`]), loading from YAML with positions
//! ([`load`]), and the validation rules of SPEC §1 ([`validate`]).

pub mod model;

pub use model::*;
