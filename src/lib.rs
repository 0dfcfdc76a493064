//! CS Planner: plan customer success in the browser.
//!
//! Native layers (tested with `cargo test`): `domain`, `charts`, `i18n`, `io` (import, export,
//! backup, demo book), `store` (the book's codec, envelope, migrations and slot policy),
//! `forms` (what people type into the pages' fields, and how it is read).
//! Browser layers (wasm32 only): `state` (the one state, its named edits, storage and the
//! saver), `app` (the shell), `pages`, `components`.

pub mod charts;
pub mod domain;
pub mod forms;
pub mod i18n;
pub mod io;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod state;
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod web;

/// The table component's plain model (columns, cells, paging, CSV), compiled natively for its
/// tests: the component around it is browser-only.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "components/table/model.rs"]
#[allow(dead_code)]
mod table_model;
