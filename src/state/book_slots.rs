//! The book in localStorage: opened once at start, saved when the saver says, and read from
//! other tabs' saves.
//!
//! The pure policy is `store::slots`; this file maps localStorage onto it and says what
//! happened as a `StorageStatus` the notice shows.

use gloo_storage::{LocalStorage, Storage};

use super::storage as local;
use crate::domain::Book;
use crate::store::envelope::{decode, LoadError};
use crate::store::slots::{KeyValue, QuotaError, SaveError, Slot, Slots, Start, CURRENT_KEY};

/// localStorage behind the `KeyValue` the slot policy is written against.
pub struct LocalKv;

impl KeyValue for LocalKv {
    fn get(&self, key: &str) -> Option<String> {
        local::available().then(|| LocalStorage::raw().get_item(key).ok().flatten()).flatten()
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), QuotaError> {
        if !local::available() {
            return Err(QuotaError);
        }
        LocalStorage::raw().set_item(key, value).map_err(|_| QuotaError)
    }
    fn remove(&mut self, key: &str) {
        if local::available() {
            let _ = LocalStorage::raw().remove_item(key);
        }
    }
}

/// The stored book's two slots; `None` when the browser has no storage (the app then works
/// in memory) or the state was made without storage (component tests).
pub type BookSlots = Option<Slots<LocalKv>>;

/// What persistence is doing, for the notice above the page.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageStatus {
    /// Everything saved (or nothing to save yet).
    Ok,
    /// No localStorage (disabled, some private modes): the book lives in this page only.
    Unavailable,
    /// The stored book did not read. The app started empty; saving waits for a choice.
    Damaged {
        error: LoadError,
        good: Option<Box<Book>>,
        good_saved_at: Option<String>,
    },
    /// Saved by a newer version: shown read-only (or not at all), never overwritten.
    ReadOnly {
        found: u32,
        supported: u32,
        readable: bool,
    },
    /// Did not fit; the book stays in memory, the stored copies are untouched.
    Quota {
        chars: usize,
    },
    /// The last save fitted, but the second copy did not: the backup copy is older.
    GoodStale,
    SaveFailed,
    /// Another tab saved a different book while this one had unsaved changes.
    OtherTab {
        theirs: Box<Book>,
    },
}

/// Reads the stored book at start. Never fails: whatever is wrong becomes a status.
pub fn open() -> (Book, StorageStatus, BookSlots) {
    if !local::available() {
        return (Book::default(), StorageStatus::Unavailable, None);
    }
    let (slots, start) = Slots::open(LocalKv);
    let (book, status) = match start {
        Start::Fresh => (Book::default(), StorageStatus::Ok),
        Start::Loaded { loaded, .. } => (loaded.book, StorageStatus::Ok),
        Start::Damaged { error, good, .. } => {
            let good_saved_at = good.as_ref().map(|g| g.saved_at.clone());
            (Book::default(), StorageStatus::Damaged { error, good: good.map(|g| Box::new(g.book)), good_saved_at })
        }
        Start::ReadOnly { found, supported, book } => {
            let readable = book.is_some();
            (book.map(|l| l.book).unwrap_or_default(), StorageStatus::ReadOnly { found, supported, readable })
        }
    };
    (book, status, Some(slots))
}

/// Saves the book; the status to show after it.
pub fn save(slots: &mut BookSlots, book: &Book, saved_at: &str) -> StorageStatus {
    match slots.as_mut() {
        None => StorageStatus::Unavailable,
        Some(slots) => match slots.save(book, saved_at) {
            Ok(saved) if saved.good_updated => StorageStatus::Ok,
            Ok(_) => StorageStatus::GoodStale,
            Err(SaveError::Quota { chars }) => StorageStatus::Quota { chars },
            // Blocked: the status that blocked it is already shown.
            Err(SaveError::Blocked(_)) => StorageStatus::SaveFailed,
            Err(SaveError::Unreadable(_)) => StorageStatus::SaveFailed,
        },
    }
}

/// The stored text of the current slot as it is, for "download the raw data".
pub fn raw_current(slots: &BookSlots) -> Option<String> {
    slots.as_ref().and_then(|slots| slots.raw(Slot::Current))
}

/// A book another tab just stored, from a `storage` event's key and new value.
pub fn book_from_other_tab(key: Option<String>, new_value: Option<String>) -> Option<Book> {
    if key.as_deref() != Some(CURRENT_KEY) {
        return None;
    }
    decode(&new_value?).ok().map(|loaded| loaded.book)
}
