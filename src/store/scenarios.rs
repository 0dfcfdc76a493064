//! The Capacity page's scenarios in localStorage, under their own keys: the saved list, and
//! the draft being edited (so a reload or a visit to another page keeps it). Guarded like
//! `local`: without storage the page works in memory.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::scenario::Scenario;
use crate::forms::Draft;

use super::local::available;

/// The key `local` (and backups) know the list by.
pub use super::local::SCENARIOS_KEY;
pub const DRAFT_KEY: &str = "cs-planner.capacity-draft";

/// The saved scenarios as stored; an unreadable entry gives an empty list (the caller repairs
/// names). It is never overwritten until the user saves again.
pub fn load_scenarios() -> Vec<Scenario> {
    if !available() {
        return Vec::new();
    }
    LocalStorage::get(SCENARIOS_KEY).unwrap_or_default()
}

pub fn save_scenarios(list: &[Scenario]) {
    if available() {
        let _ = LocalStorage::set(SCENARIOS_KEY, list);
    }
}

pub fn load_draft() -> Option<Draft> {
    if !available() {
        return None;
    }
    LocalStorage::get(DRAFT_KEY).ok()
}

pub fn save_draft(draft: &Draft) {
    if available() {
        let _ = LocalStorage::set(DRAFT_KEY, draft);
    }
}
