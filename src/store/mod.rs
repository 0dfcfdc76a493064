//! Persistence: what the app keeps in the browser's localStorage, and how.

#[cfg(target_arch = "wasm32")]
pub mod local;
#[cfg(target_arch = "wasm32")]
pub mod scenarios;
