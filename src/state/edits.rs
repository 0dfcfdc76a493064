//! Every change a person makes to the book or the settings, in their words. Nothing else
//! writes the book or the settings signals; each method says how soon its change is saved.

use std::collections::HashSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::saver::Urgency;
use super::{storage, AppState, StorageStatus};
use crate::domain::book_edit::{self, OwnerChange, Removed, TouchChange};
use crate::domain::capacity::CapacitySettings;
use crate::domain::commission::CommissionSettings;
use crate::domain::economics::EconomicsSettings;
use crate::domain::health::HealthSettings;
use crate::domain::kpi::Scorecard;
use crate::domain::period::{Period, PeriodChoice};
use crate::domain::quadrant::QuadrantSettings;
use crate::domain::revenue::forecast::ForecastSettings;
use crate::domain::scenario::DemoBook;
use crate::domain::team::Person;
use crate::domain::tiers::{Tier, TierSettings};
use crate::domain::triggers::TriggerSettings;
use crate::domain::{Account, Book, Settings};
use crate::web;

impl AppState {
    /// Applies `f` to the book and counts the edit. A disposed signal (the app is gone) runs
    /// nothing, and the edit's result is then the empty one.
    fn edit_book<R: Default>(&self, urgency: Urgency, f: impl FnOnce(&mut Book) -> R) -> R {
        // Any change makes the book no longer the demo book a share link could name.
        if self.settings.with_untracked(|s| s.demo.is_some()) {
            self.edit_settings(|s| s.demo = None);
        }
        let out = self.book_w.try_update(f);
        self.book_edited(urgency);
        out.unwrap_or_default()
    }

    /// Settings are small: every change is written at once.
    fn edit_settings(&self, f: impl FnOnce(&mut Settings)) {
        self.settings_w.update(f);
        if self.saver.try_with_value(|s| s.is_attached()) == Some(true) {
            self.settings.with_untracked(storage::save_settings);
        }
    }

    // ── The book ──────────────────────────────────────────────────────────────────────────

    /// A whole-book action — an import, a restored backup, the demo book, "delete all", an
    /// undo of one of them: the new book is saved at once.
    pub fn replace_book(&self, book: Book) {
        self.edit_book(Urgency::Now, |b| *b = book);
    }

    /// Loads a demo book: the book, and which one it is (a share link made on it says so).
    pub fn load_demo_book(&self, book: Book, demo: DemoBook) {
        self.replace_book(book);
        self.edit_settings(|s| s.demo = Some(demo));
    }

    /// Adds an account (`index` None) or replaces the one at `index`; its index.
    pub fn save_account(&self, index: Option<usize>, account: Account) -> usize {
        self.edit_book(Urgency::Soon, |b| book_edit::save(b, index, account))
    }

    /// Deletes the accounts with these ids; what undo needs to put them back.
    pub fn delete_accounts(&self, ids: &HashSet<String>) -> Removed {
        self.edit_book(Urgency::Soon, |b| book_edit::remove(b, ids))
    }

    /// Puts deleted accounts back where they were.
    pub fn undo_delete(&self, removed: Removed) {
        self.edit_book(Urgency::Now, |b| book_edit::restore(b, removed));
    }

    /// Gives the accounts with these ids to `owner`; how many changed.
    pub fn assign_owner(&self, ids: &HashSet<String>, owner: &str) -> usize {
        self.edit_book(Urgency::Soon, |b| book_edit::assign_owner(b, ids, owner))
    }

    /// Moves accounts between owners (a rebalance, an assignment); the changes, for undo.
    pub fn move_accounts(&self, moves: &[(usize, String)]) -> Vec<OwnerChange> {
        self.edit_book(Urgency::Soon, |b| book_edit::set_owners(b, moves))
    }

    pub fn undo_move_accounts(&self, changes: &[OwnerChange]) {
        self.edit_book(Urgency::Now, |b| book_edit::undo_owners(b, changes));
    }

    /// Puts owners back by account id (undo of a bulk assignment).
    pub fn restore_owners(&self, previous: Vec<(String, String)>) {
        let by_id: std::collections::HashMap<String, String> = previous.into_iter().collect();
        self.edit_book(Urgency::Now, |b| {
            for a in b.accounts.iter_mut() {
                if let Some(owner) = by_id.get(&a.id) {
                    a.owner = owner.clone();
                }
            }
        });
    }

    /// "Contact done" on the account at `account`, dated D.
    pub fn mark_contacted(&self, account: usize) -> Option<TouchChange> {
        let as_of = self.as_of.get_untracked();
        self.edit_book(Urgency::Soon, |b| book_edit::mark_contacted(b, account, as_of))
    }

    pub fn undo_contacted(&self, change: &TouchChange) {
        self.edit_book(Urgency::Soon, |b| book_edit::undo_touch(b, change));
    }

    /// "Use the good copy" after a damaged save, or "load theirs" from another tab.
    pub fn take_stored_book(&self, book: Book) {
        self.resume_saving();
        self.storage.set(StorageStatus::Ok);
        self.book_w.set(book);
        // Written over the damaged (or other tab's) copy, so a reload finds this book.
        self.book_edited(Urgency::Now);
    }

    /// "Start over" after a damaged save, or "keep mine" against another tab: what is in
    /// memory is saved over what is stored.
    pub fn keep_this_book(&self) {
        self.resume_saving();
        self.storage.set(StorageStatus::Ok);
        self.save_book_now();
    }

    // ── Settings ──────────────────────────────────────────────────────────────────────────

    /// Sets the as-of date as a setting (`None` = today). A `?asof=` in the URL would hide the
    /// change, so it leaves the URL.
    pub fn set_as_of(&self, date: Option<NaiveDate>) {
        self.edit_settings(|s| s.as_of = date);
        if self.url_as_of.get_untracked().is_some() || self.bad_url_as_of.get_untracked().is_some() {
            self.url_as_of.set(None);
            self.bad_url_as_of.set(None);
            web::replace_query("");
        }
    }

    pub fn set_currency(&self, symbol: String) {
        self.edit_settings(|s| s.currency = symbol);
    }

    pub fn set_tier_settings(&self, tiers: TierSettings) {
        self.edit_settings(|s| s.tiers = tiers);
    }

    /// One tier's row of the tier table (its ratio, its ARR per CSM…).
    pub fn edit_tier(&self, index: usize, f: impl FnOnce(&mut Tier)) {
        self.edit_settings(|s| {
            if let Some(t) = s.tiers.tiers.get_mut(index) {
                f(t)
            }
        });
    }

    pub fn set_health_settings(&self, health: HealthSettings) {
        self.edit_settings(|s| s.health = health);
    }

    pub fn set_quadrant_settings(&self, quadrant: QuadrantSettings) {
        self.edit_settings(|s| s.quadrant = quadrant);
    }

    pub fn set_renewal_period(&self, period: PeriodChoice) {
        self.edit_settings(|s| s.renewal_period = period);
    }

    /// The cohort funnel's window; `None` = the default window.
    pub fn set_funnel_window(&self, window: Option<Period>) {
        self.edit_settings(|s| s.funnel.window = window);
    }

    pub fn set_renewal_window_days(&self, days: i64) {
        self.edit_settings(|s| s.rules.renewal_window_days = days);
    }

    pub fn set_launch_days(&self, days: i64) {
        self.edit_settings(|s| s.rules.launch_days = days);
    }

    /// The capacity inputs, also the defaults of a fresh scenario.
    pub fn set_capacity_settings(&self, capacity: CapacitySettings) {
        if self.settings.with_untracked(|s| s.capacity != capacity) {
            self.edit_settings(|s| s.capacity = capacity);
        }
    }

    pub fn edit_hiring_triggers(&self, f: impl FnOnce(&mut TriggerSettings)) {
        self.edit_settings(|s| f(&mut s.triggers));
    }

    pub fn edit_unit_economics(&self, f: impl FnOnce(&mut EconomicsSettings)) {
        self.edit_settings(|s| f(&mut s.economics));
    }

    pub fn edit_roster(&self, f: impl FnOnce(&mut Vec<Person>)) {
        self.edit_settings(|s| f(&mut s.roster));
    }

    pub fn edit_scorecard(&self, f: impl FnOnce(&mut Scorecard)) {
        self.edit_settings(|s| f(&mut s.scorecard));
    }

    pub fn edit_commission(&self, f: impl FnOnce(&mut CommissionSettings)) {
        self.edit_settings(|s| f(&mut s.commission));
    }

    /// The renewal forecast's probabilities and their source.
    pub fn edit_forecast(&self, f: impl FnOnce(&mut ForecastSettings)) {
        self.edit_settings(|s| f(&mut s.forecast));
    }

    /// Settings and scenarios from a backup, with its book.
    pub fn restore_backup(&self, settings: Option<Settings>, scenarios: &serde_json::Value, book: Book) {
        if let Some(settings) = settings {
            self.edit_settings(|s| *s = settings);
        }
        if self.saver.try_with_value(|s| s.is_attached()) == Some(true) {
            storage::save_scenarios_raw(scenarios);
        }
        self.replace_book(book);
    }
}
