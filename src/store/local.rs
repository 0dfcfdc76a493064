//! The browser side of persistence, through gloo-storage, guarded so that a browser without
//! storage (disabled, some private modes) never stops the app: it then works in memory.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::Settings;
use crate::i18n::Lang;

pub const LANG_KEY: &str = "cs-planner.lang";
pub const SETTINGS_KEY: &str = "cs-planner.settings";
/// Saved capacity scenarios (the Capacity page owns their shape; backups carry them as is).
pub const SCENARIOS_KEY: &str = "cs-planner.scenarios";

/// Whether localStorage can be used at all. gloo-storage throws when it is missing, so every
/// call goes through this check first.
pub fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

pub fn load_lang() -> Option<Lang> {
    if !available() {
        return None;
    }
    let tag: String = LocalStorage::get(LANG_KEY).ok()?;
    Lang::from_tag(&tag)
}

pub fn save_lang(lang: Lang) {
    if available() {
        let _ = LocalStorage::set(LANG_KEY, lang.tag());
    }
}

/// The saved settings; defaults when there are none or they cannot be read (a setting is
/// cheap to set again, unlike the book).
pub fn load_settings() -> Settings {
    if !available() {
        return Settings::default();
    }
    LocalStorage::get(SETTINGS_KEY).unwrap_or_default()
}

pub fn save_settings(settings: &Settings) {
    if available() {
        let _ = LocalStorage::set(SETTINGS_KEY, settings);
    }
}

/// The saved scenarios as stored, for a backup; `null` when there are none.
pub fn load_scenarios_raw() -> serde_json::Value {
    if !available() {
        return serde_json::Value::Null;
    }
    LocalStorage::get(SCENARIOS_KEY).unwrap_or(serde_json::Value::Null)
}

/// Puts back scenarios from a backup (`null` removes them).
pub fn save_scenarios_raw(value: &serde_json::Value) {
    if available() {
        if value.is_null() {
            LocalStorage::delete(SCENARIOS_KEY);
        } else {
            let _ = LocalStorage::set(SCENARIOS_KEY, value);
        }
    }
}
