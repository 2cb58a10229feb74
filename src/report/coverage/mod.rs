//! The coverage half of `report/`: the [`Coverage`] model of a run (in
//! [`model`], re-exported here) and one emitter per format `termalign
//! report` prints it in. Every emitter reads the model from the
//! [`Report`](super::Report), which always carries it.

pub mod html;
pub mod json;
pub mod line;
pub mod model;
pub mod table;

pub use model::*;
