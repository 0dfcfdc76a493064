//! CS Planner: plan customer success in the browser.
//!
//! Native layers (tested with `cargo test`): `domain`, `charts`, `i18n`.
//! Browser layers (wasm32 only): `app`, `pages`, `components`, and the storage glue in `store`.

pub mod charts;
pub mod domain;
pub mod i18n;
pub mod planner;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod web;
