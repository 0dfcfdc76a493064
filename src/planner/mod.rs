//! The Capacity page's working state as plain data: the scenario being edited (with the inputs
//! still following the book), the list of saved scenarios, and how typed numbers are read.
//!
//! No Leptos and no DOM, so it is tested natively; the page keeps these in signals.

pub mod draft;
pub mod input;
pub mod saved;

#[cfg(test)]
mod timing;

pub use draft::Draft;
pub use saved::{NameError, SavedScenarios};
