//! The two-slot policy: what to read at start, when to refresh the last good copy, and what a
//! failed write leaves behind. Pure over `KeyValue`, so the browser glue only maps
//! localStorage's get/set/remove onto it.
//!
//! The invariant: `GOOD_KEY` only ever receives text that was just read back and decoded, and
//! is never removed by this policy; so whatever happens to `CURRENT_KEY` (a cut-off write,
//! a full quota, a newer app), the last good book is one click away.
//!
//! A book text longer than `parts::PART_CHARS` is stored in parts, and the slots' keys hold
//! the list of its parts (`parts.rs`); the same invariant holds of the parts a list names,
//! which are never written once named. Saving is a job done a piece at a time (`job.rs`);
//! `save` runs it in one go.

use crate::domain::book::Book;
use crate::i18n::Msg;

use super::envelope::{self, LoadError, Loaded};
use super::job::SaveJob;
use super::parts::{self, PART_CHARS, PART_PREFIX};

pub const CURRENT_KEY: &str = "cs-planner.book";
pub const GOOD_KEY: &str = "cs-planner.book.good";

/// The storage refused a write (quota exceeded, or storage disabled); nothing was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotaError;

pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    /// Must leave the old value in place when it fails, as localStorage's setItem does.
    fn set(&mut self, key: &str, value: &str) -> Result<(), QuotaError>;
    fn remove(&mut self, key: &str);
    /// Every key stored, to find parts no slot names; a store that cannot list its keys
    /// leaves them (they are only a waste of room).
    fn keys(&self) -> Vec<String> {
        Vec::new()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Current,
    Good,
}

impl Slot {
    pub fn key(self) -> &'static str {
        match self {
            Slot::Current => CURRENT_KEY,
            Slot::Good => GOOD_KEY,
        }
    }
}

/// What the app finds at start.
#[derive(Clone, Debug, PartialEq)]
pub enum Start {
    /// Nothing stored: begin with an empty book.
    Fresh,
    /// A readable book (from `Good` only when the current slot was empty).
    Loaded { loaded: Loaded, from: Slot },
    /// The current copy does not read. Offer `good` (when there is one) and a download of
    /// `raw`; saving is off until the user has chosen and the app calls `Slots::resume`.
    Damaged { error: LoadError, raw: String, good: Option<Loaded> },
    /// Written by a newer version: show `book` (when readable) read-only; never overwritten.
    ReadOnly { found: u32, supported: u32, book: Option<Loaded> },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Writable,
    /// A damaged current copy waits for the user's decision.
    Damaged,
    /// A newer version's book is shown.
    ReadOnly,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Saved {
    /// Size of the stored text in UTF-16 units, what the quota counts.
    pub chars: usize,
    /// False when the storage had room for the current copy but not for the good copy too:
    /// the good copy is then the previous save's.
    pub good_updated: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Saving is off in this mode (see `Mode`); nothing was written.
    Blocked(Mode),
    /// No room for a book of `chars` units: the book stays in memory only, both slots keep
    /// their last texts. The app should say so and offer a download.
    Quota { chars: usize },
    /// The text would not read back (a bug guard); the slots keep their last readable texts.
    Unreadable(&'static str),
}

impl SaveError {
    pub fn message(&self) -> Msg {
        match self {
            SaveError::Blocked(Mode::ReadOnly) => Msg::StorageNewer,
            SaveError::Blocked(_) => Msg::StorageCorrupt,
            SaveError::Quota { .. } => Msg::StorageQuota,
            SaveError::Unreadable(_) => Msg::StorageSaveFailed,
        }
    }
}

pub struct Slots<K: KeyValue> {
    kv: K,
    mode: Mode,
    part_chars: usize,
}

/// Parts of a generation no slot names are removed at start once this old (ms): a save in
/// progress in another tab takes seconds, and is finished at once when its tab is hidden.
pub const STALE_PARTS_MS: u64 = 10 * 60 * 1000;

impl<K: KeyValue> Slots<K> {
    /// Reads the book to start with. A readable current copy also refreshes the good copy,
    /// so a good copy lost to a full quota earlier is restored once there is room.
    pub fn open(mut kv: K) -> (Slots<K>, Start) {
        let stored = kv.get(CURRENT_KEY).unwrap_or_default();
        let current = parts::resolve(&kv, stored.clone());
        let (mode, start) = match current.and_then(|text| envelope::decode(&text)) {
            Ok(loaded) => {
                let good = kv.get(GOOD_KEY);
                if good.as_deref() != Some(stored.as_str()) {
                    // Failure leaves the older good copy, which is still good.
                    if kv.set(GOOD_KEY, &stored).is_ok() {
                        // Parts the good slot named and no slot names now (a save cut off
                        // between its two slots).
                        let now = parts::gen_named(Some(&stored));
                        if let Some(old) = parts::gen_named(good.as_deref()).filter(|old| Some(old) != now.as_ref()) {
                            old.keys().for_each(|k| kv.remove(&k));
                        }
                    }
                }
                (Mode::Writable, Start::Loaded { loaded, from: Slot::Current })
            }
            Err(LoadError::NewerVersion { found, supported, readable }) => {
                (Mode::ReadOnly, Start::ReadOnly { found, supported, book: readable.map(|b| *b) })
            }
            Err(LoadError::Empty) => {
                let good = kv.get(GOOD_KEY).unwrap_or_default();
                match parts::resolve(&kv, good.clone()).and_then(|text| envelope::decode(&text)) {
                    Ok(loaded) => (Mode::Writable, Start::Loaded { loaded, from: Slot::Good }),
                    Err(LoadError::Empty) => (Mode::Writable, Start::Fresh),
                    Err(LoadError::NewerVersion { found, supported, readable }) => {
                        (Mode::ReadOnly, Start::ReadOnly { found, supported, book: readable.map(|b| *b) })
                    }
                    Err(error) => (Mode::Damaged, Start::Damaged { error, raw: parts::raw(&kv, good), good: None }),
                }
            }
            Err(error) => {
                let good = kv.get(GOOD_KEY).and_then(|g| parts::resolve(&kv, g).ok());
                let good = good.and_then(|g| envelope::decode(&g).ok());
                (Mode::Damaged, Start::Damaged { error, raw: parts::raw(&kv, stored), good })
            }
        };
        (Slots { kv, mode, part_chars: PART_CHARS }, start)
    }

    /// Stores texts over `chars` in parts (tests use small parts on small books).
    pub fn with_part_chars(mut self, chars: usize) -> Self {
        self.part_chars = chars.max(1);
        self
    }

    pub fn part_chars(&self) -> usize {
        self.part_chars
    }

    pub(super) fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    /// Removes parts no slot names, of generations older than `STALE_PARTS_MS` at `now_ms`
    /// (their save was cut off: a closed tab, a crash). Generations are named by `SaveJob`'s
    /// callers as the time in base 36, a dash and a random suffix; others are left.
    pub fn sweep(&mut self, now_ms: u64) {
        let named: Vec<String> = [CURRENT_KEY, GOOD_KEY]
            .iter()
            .filter_map(|k| parts::gen_named(self.kv.get(k).as_deref()))
            .map(|l| l.gen)
            .collect();
        for key in self.kv.keys() {
            let Some(gen) = parts::gen_of(&key) else { continue };
            let born = gen.split_once('-').and_then(|(t, _)| u64::from_str_radix(t, 36).ok());
            let stale = born.is_some_and(|t| t.saturating_add(STALE_PARTS_MS) < now_ms);
            if stale && !named.iter().any(|n| n == gen) {
                self.kv.remove(&key);
            }
        }
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The user has dealt with a damaged copy (took the good copy or started over, after the
    /// offer to download the raw text): saving may overwrite it now. A newer version's book
    /// stays read-only.
    pub fn resume(&mut self) {
        if self.mode == Mode::Damaged {
            self.mode = Mode::Writable;
        }
    }

    /// The stored text of a slot (its parts joined), for the "download raw" button.
    pub fn raw(&self, slot: Slot) -> Option<String> {
        self.kv.get(slot.key()).map(|stored| parts::raw(&self.kv, stored))
    }

    /// Writes the book to the current slot, then — once it reads back — to the good slot:
    /// `SaveJob` in one go. Its parts (if it needs any) are named by `saved_at`'s digits.
    pub fn save(&mut self, book: &Book, saved_at: &str) -> Result<Saved, SaveError> {
        let gen: String = saved_at.chars().filter(char::is_ascii_alphanumeric).collect();
        SaveJob::new(saved_at, &gen).finish(self, book)
    }

    /// Deletes both copies: only for the user's explicit "forget this book" in settings.
    pub fn erase(&mut self) {
        self.kv.remove(CURRENT_KEY);
        self.kv.remove(GOOD_KEY);
        for key in self.kv.keys() {
            if key.starts_with(PART_PREFIX) {
                self.kv.remove(&key);
            }
        }
        self.mode = Mode::Writable;
    }

    pub fn into_inner(self) -> K {
        self.kv
    }
}

/// localStorage in memory, with its quota counted as the browser does: UTF-16 units of keys
/// and values together.
#[derive(Clone, Debug, Default)]
pub struct MemoryKv {
    pub entries: std::collections::BTreeMap<String, String>,
    pub quota: Option<usize>,
}

impl MemoryKv {
    pub fn with_quota(units: usize) -> Self {
        MemoryKv { quota: Some(units), ..Default::default() }
    }

    pub fn used(&self) -> usize {
        self.entries.iter().map(|(k, v)| units(k) + units(v)).sum()
    }
}

fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Option<String> {
        self.entries.get(key).cloned()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), QuotaError> {
        let old = self.entries.get(key).map_or(0, |v| units(key) + units(v));
        if self.quota.is_some_and(|q| self.used() - old + units(key) + units(value) > q) {
            return Err(QuotaError);
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.entries.remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }
}

#[cfg(test)]
#[path = "slots_tests.rs"]
mod tests;
