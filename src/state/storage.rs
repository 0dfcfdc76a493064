//! Every key the app keeps in localStorage, and the only code that reads or writes them,
//! through gloo-storage, guarded so that a browser without storage (disabled, some private
//! modes) never stops the app: it then works in memory. The book itself is kept by the slot
//! policy of `store::slots` (`book_slots.rs`); the saver (`saver.rs`) decides when.

use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::domain::scenario::Scenario;
use crate::domain::Settings;
use crate::forms::Draft;
use crate::i18n::Lang;
use crate::io::ColumnMapping;

pub const LANG_KEY: &str = "cs-planner.lang";
pub const SETTINGS_KEY: &str = "cs-planner.settings";
/// Saved capacity scenarios (backups carry them as they are stored).
pub const SCENARIOS_KEY: &str = "cs-planner.scenarios";
/// The capacity scenario being edited, so a reload or a visit to another page keeps it.
pub const DRAFT_KEY: &str = "cs-planner.capacity-draft";
/// The Book page's chosen columns.
pub const COLUMNS_KEY: &str = "cs-planner.book-columns";
/// The column mappings a person corrected, by the file header they were made for.
pub const IMPORT_MAPPINGS_KEY: &str = "cs-planner.import-mappings";
/// How many corrected mappings are remembered (the latest ones).
const MAX_IMPORT_MAPPINGS: usize = 20;
pub use crate::store::{CURRENT_KEY as BOOK_KEY, GOOD_KEY as BOOK_GOOD_KEY};

/// Whether localStorage can be used at all. gloo-storage throws when it is missing, so every
/// call goes through this check first.
pub fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
    if !available() {
        return None;
    }
    LocalStorage::get(key).ok()
}

fn set<T: Serialize + ?Sized>(key: &str, value: &T) {
    if available() {
        let _ = LocalStorage::set(key, value);
    }
}

pub fn load_lang() -> Option<Lang> {
    Lang::from_tag(&get::<String>(LANG_KEY)?)
}

pub fn save_lang(lang: Lang) {
    set(LANG_KEY, lang.tag());
}

/// The saved settings; defaults when there are none or they cannot be read (a setting is
/// cheap to set again, unlike the book).
pub fn load_settings() -> Settings {
    get(SETTINGS_KEY).unwrap_or_default()
}

/// Whether settings were ever saved (a first visit has none).
pub fn has_settings() -> bool {
    available() && LocalStorage::raw().get_item(SETTINGS_KEY).ok().flatten().is_some()
}

pub fn save_settings(settings: &Settings) {
    set(SETTINGS_KEY, settings);
}

/// The saved scenarios as stored, for a backup; `null` when there are none.
pub fn load_scenarios_raw() -> serde_json::Value {
    get(SCENARIOS_KEY).unwrap_or(serde_json::Value::Null)
}

/// Puts back scenarios from a backup (`null` removes them).
pub fn save_scenarios_raw(value: &serde_json::Value) {
    if value.is_null() {
        if available() {
            LocalStorage::delete(SCENARIOS_KEY);
        }
    } else {
        set(SCENARIOS_KEY, value);
    }
}

/// The saved scenarios; an unreadable entry gives an empty list (the caller repairs names). It
/// is never overwritten until the user saves again.
pub fn load_scenarios() -> Vec<Scenario> {
    get(SCENARIOS_KEY).unwrap_or_default()
}

pub fn save_scenarios(list: &[Scenario]) {
    set(SCENARIOS_KEY, list);
}

pub fn load_draft() -> Option<Draft> {
    get(DRAFT_KEY)
}

pub fn save_draft(draft: &Draft) {
    set(DRAFT_KEY, draft);
}

/// The mapping the person last used for a file with exactly these headers.
pub fn load_import_mapping(headers: &[String]) -> Option<ColumnMapping> {
    let saved: Vec<(Vec<String>, ColumnMapping)> = get(IMPORT_MAPPINGS_KEY)?;
    saved.into_iter().find(|(h, m)| h == headers && m.columns.len() == headers.len()).map(|(_, m)| m)
}

/// Remembers the person's mapping for files with these headers (the latest first).
pub fn save_import_mapping(headers: &[String], mapping: &ColumnMapping) {
    let mut saved: Vec<(Vec<String>, ColumnMapping)> = get(IMPORT_MAPPINGS_KEY).unwrap_or_default();
    saved.retain(|(h, _)| h != headers);
    saved.insert(0, (headers.to_vec(), mapping.clone()));
    saved.truncate(MAX_IMPORT_MAPPINGS);
    set(IMPORT_MAPPINGS_KEY, &saved);
}

pub fn load_columns<T: DeserializeOwned>() -> Option<T> {
    get(COLUMNS_KEY)
}

pub fn save_columns<T: Serialize + ?Sized>(columns: &T) {
    set(COLUMNS_KEY, columns);
}
