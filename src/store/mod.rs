//! Persistence: what the app keeps in the browser's localStorage, and how.
//!
//! The book's part is pure native code: the compact encoding, the versioned envelope,
//! migrations from older schemas and the two-slot policy. The browser glue (`state::storage`,
//! wasm only) needs only to implement `slots::KeyValue` over localStorage.
//!
//! At start `Slots::open(storage)` says what was found (`Start`); after each (debounced) edit
//! a `SaveJob` writes it a piece at a time, so that a 100,000-account book never holds the
//! page (`slots.save(&book, saved_at)` is the same job in one go). A text too long for one
//! quick write is stored in parts (`parts`). A stored book is read a piece at a time too
//! (`Reading`: another tab's save, taken over). `CURRENT_SCHEMA` is 2: see `migrate` for the
//! versions and `measure.rs` for sizes (~17 UTF-16 units an account).

pub use bytes::BadBytes;
pub use envelope::{decode, encode, Envelope, LoadError, Loaded};
pub use job::SaveJob;
pub use migrate::CURRENT_SCHEMA;
pub use reading::Reading;
pub use slots::{KeyValue, MemoryKv, Mode, QuotaError, SaveError, Saved, Slot, Slots, Start, CURRENT_KEY, GOOD_KEY};

mod bytes;
pub mod codec;
pub mod envelope;
pub mod job;
pub mod migrate;
mod numbers;
pub mod parts;
pub mod reading;
pub mod slots;
mod text15;

#[cfg(test)]
mod measure;
#[cfg(test)]
mod sample;
