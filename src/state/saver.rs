//! When the book reaches storage. Nothing is lost:
//! - an edit saves after a short pause (a burst of edits is one save);
//! - a whole-book action (import, restore, demo, delete all, undo) saves at once, right after
//!   the frame that shows it;
//! - whatever is unsaved is written synchronously when the page is hidden or left
//!   (`visibilitychange`, `pagehide`): a reload, a closed tab or a link opened in the same tab
//!   right after a change still finds it;
//! - another tab's save is taken over when this tab has nothing unsaved, and otherwise offered.
//!
//! The counters and the slots live in the `AppState` (no thread-locals): edits are numbered,
//! and a save records the number it wrote.

use std::time::Duration;

use leptos::prelude::*;

use super::book_slots::{self, BookSlots, StorageStatus};
use super::AppState;
use crate::domain::Book;
use crate::web;

/// Quiet time after the last edit before saving.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// The book's save bookkeeping.
pub struct Saver {
    slots: BookSlots,
    edits: u64,
    saved: u64,
    /// False for a state made without storage (component tests): nothing is written.
    attached: bool,
}

impl Saver {
    pub fn attached(slots: BookSlots) -> Saver {
        Saver { slots, edits: 0, saved: 0, attached: true }
    }

    pub fn detached() -> Saver {
        Saver { slots: None, edits: 0, saved: 0, attached: false }
    }

    pub fn is_attached(&self) -> bool {
        self.attached
    }

    fn unsaved(&self) -> bool {
        self.edits != self.saved
    }
}

/// How soon an edit must reach storage.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// Typing and small edits: after a short pause.
    Soon,
    /// A whole-book action: as soon as it is on screen.
    Now,
}

impl AppState {
    /// Counts an edit of the book and saves it as `urgency` says.
    pub(super) fn book_edited(&self, urgency: Urgency) {
        let Some(edit) = self.saver.try_update_value(|s| {
            s.edits += 1;
            s.edits
        }) else {
            return;
        };
        if urgency == Urgency::Now {
            // Right after the frame that shows the change, so a 100,000-account import is on
            // screen before it is written; a reload or a closed tab before then is covered by
            // the synchronous flush on `pagehide` / `visibilitychange`.
            let state = *self;
            request_animation_frame(move || set_timeout(move || state.flush(), Duration::ZERO));
            return;
        }
        let state = *self;
        set_timeout(
            move || {
                if state.saver.try_with_value(|s| s.edits == edit && s.unsaved()) == Some(true) {
                    state.flush();
                }
            },
            DEBOUNCE,
        );
    }

    /// Writes whatever is unsaved, now (synchronously). Called by the debounce, by whole-book
    /// actions and when the page is hidden or left.
    pub fn flush(&self) {
        let pending = self.saver.try_with_value(|s| s.attached && s.unsaved()) == Some(true);
        if pending && !blocks_saving(&self.storage.get_untracked()) {
            self.save_book_now();
        }
    }

    /// Saves what is in memory whatever the counters say, e.g. after the person chose "keep
    /// mine" or "start over".
    pub fn save_book_now(&self) {
        let start = web::now_ms();
        let saved_at = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
        let book = self.book;
        let result = self.saver.try_update_value(|s| {
            if !s.attached {
                return None;
            }
            let status = book.with_untracked(|b| book_slots::save(&mut s.slots, b, &saved_at));
            s.saved = s.edits;
            Some((status, s.edits))
        });
        let Some(Some((status, edit))) = result else { return };
        web::mark("data-last-save-ms", &format!("{:.1}", web::now_ms() - start));
        web::mark("data-saves", &edit.to_string());
        if self.storage.get_untracked() != status {
            self.storage.set(status);
        }
    }

    /// The person dealt with a damaged copy: later saves may overwrite it.
    pub fn resume_saving(&self) {
        self.saver.update_value(|s| {
            if let Some(slots) = s.slots.as_mut() {
                slots.resume();
            }
        });
    }

    /// The stored text of the current slot as it is, for "download the raw data".
    pub fn raw_stored_book(&self) -> Option<String> {
        self.saver.try_with_value(|s| book_slots::raw_current(&s.slots)).flatten()
    }

    /// Takes over a book another tab saved: nothing to save back.
    fn adopt(&self, theirs: Book) {
        self.book_w.set(theirs);
    }
}

/// Saving waits for the person while one of these is shown.
fn blocks_saving(status: &StorageStatus) -> bool {
    matches!(
        status,
        StorageStatus::Damaged { .. }
            | StorageStatus::ReadOnly { .. }
            | StorageStatus::Unavailable
            | StorageStatus::OtherTab { .. }
    )
}

/// The page-lifetime listeners: the flush when the page is hidden or left, and other tabs.
pub fn install(state: AppState) {
    let hidden = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    // `visibilitychange` is fired at the document and bubbles to the window.
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if web::document().is_some_and(|d| d.hidden()) {
            state.flush();
        }
    });
    let other_tab = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let Some(theirs) = book_slots::book_from_other_tab(ev.key(), ev.new_value()) else { return };
        if state.book.with_untracked(|b| *b == theirs) {
            return;
        }
        if state.saver.try_with_value(Saver::unsaved) == Some(false) {
            state.adopt(theirs);
        } else {
            // Unsaved edits here and a different book there: the person chooses.
            state.storage.set(StorageStatus::OtherTab { theirs: Box::new(theirs) });
        }
    });
    on_cleanup(move || {
        hidden.remove();
        other_tab.remove();
        visibility.remove();
    });
}
