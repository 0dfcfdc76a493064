//! The book in localStorage: opened once at start, saved when the saver says, and read from
//! other tabs' saves (a slice at a time by `other_tab.rs`, through `LocalKv`).
//!
//! The pure policy is `store::slots` (and `store::job`, a save a piece at a time); this file
//! maps localStorage onto it and says what happened as a `StorageStatus` the notice shows.

use gloo_storage::{LocalStorage, Storage};

use super::storage as local;
use crate::domain::Book;
use crate::store::envelope::LoadError;
use crate::store::job::SaveJob;
use crate::store::reading::read;
use crate::store::slots::{KeyValue, QuotaError, SaveError, Saved, Slot, Slots, Start, CURRENT_KEY};

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
    fn keys(&self) -> Vec<String> {
        if !local::available() {
            return Vec::new();
        }
        let storage = LocalStorage::raw();
        let n = storage.length().unwrap_or(0);
        (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect()
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
    let (mut slots, start) = Slots::open(LocalKv);
    // Parts of saves cut off long ago (a crashed tab) take room no book needs.
    slots.sweep(js_sys::Date::now() as u64);
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

/// Saves the book in one go; the status to show after it.
pub fn save(slots: &mut BookSlots, book: &Book, saved_at: &str) -> StorageStatus {
    let mut job = new_job(saved_at);
    loop {
        if let Some(status) = step(slots, &mut job, book, &mut || false) {
            return status;
        }
    }
}

/// A save of the book as of `saved_at`; its parts, if it needs any, are named by the time and
/// a random suffix (`Slots::sweep` reads the time back).
pub fn new_job(saved_at: &str) -> SaveJob {
    let now = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 36f64.powi(6)) as u64;
    SaveJob::new(saved_at, &format!("{}-{}", base36(now), base36(random)))
}

fn base36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// Works on `job` until `out_of_time`; the status to show once it is done.
pub fn step(
    slots: &mut BookSlots,
    job: &mut SaveJob,
    book: &Book,
    out_of_time: &mut dyn FnMut() -> bool,
) -> Option<StorageStatus> {
    match slots.as_mut() {
        None => Some(StorageStatus::Unavailable),
        Some(slots) => job.step(slots, book, out_of_time).map(status_of),
    }
}

/// Drops a save that was overtaken, leaving no parts behind (one that committed is finished).
pub fn abandon(slots: &mut BookSlots, job: SaveJob, book: &Book) {
    if let Some(slots) = slots.as_mut() {
        job.abandon(slots, book);
    }
}

fn status_of(result: Result<Saved, SaveError>) -> StorageStatus {
    match result {
        Ok(saved) if saved.good_updated => StorageStatus::Ok,
        Ok(_) => StorageStatus::GoodStale,
        Err(SaveError::Quota { chars }) => StorageStatus::Quota { chars },
        // Blocked: the status that blocked it is already shown.
        Err(SaveError::Blocked(_)) => StorageStatus::SaveFailed,
        Err(SaveError::Unreadable(_)) => StorageStatus::SaveFailed,
    }
}

/// The stored text of the current slot as it is, for "download the raw data".
pub fn raw_current(slots: &BookSlots) -> Option<String> {
    slots.as_ref().and_then(|slots| slots.raw(Slot::Current))
}

/// A book another tab just stored, from a `storage` event's key and new value (the book, or
/// the list of its parts: they were all written before it), read in one go. The app reads it
/// a slice at a time instead (`other_tab.rs`, with `store::Reading`); both give the same book.
pub fn book_from_other_tab(key: Option<String>, new_value: Option<String>) -> Option<Book> {
    if key.as_deref() != Some(CURRENT_KEY) {
        return None;
    }
    read(&LocalKv, new_value?).ok().map(|loaded| loaded.book)
}
