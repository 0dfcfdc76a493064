//! Keeps the stored book in step with the book in memory: a save after each change (debounced,
//! then when the browser is idle), and the changes other tabs save.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::AppState;
use crate::store::book_sync::{self, StorageStatus};
use crate::web;

/// Quiet time after the last edit before saving: a burst of edits is one save.
const DEBOUNCE: Duration = Duration::from_millis(400);

/// Save bookkeeping: edits are numbered, and a save records the number it wrote.
#[derive(Default)]
struct Progress {
    edits: Cell<u64>,
    saved: Cell<u64>,
    /// The next book change came from storage (another tab), not from this tab: do not save it
    /// back, or two tabs would echo saves forever.
    adopted: Cell<bool>,
}

thread_local! {
    static PROGRESS: Rc<Progress> = Rc::new(Progress::default());
}

pub fn install(state: AppState) {
    let progress = PROGRESS.with(Rc::clone);
    let first = Cell::new(true);
    let p = progress.clone();
    Effect::new(move |_| {
        state.book.track();
        if first.replace(false) || p.adopted.replace(false) {
            p.saved.set(p.edits.get());
            return;
        }
        let edit = p.edits.get() + 1;
        p.edits.set(edit);
        let p2 = p.clone();
        set_timeout(
            move || {
                if p2.edits.get() == edit {
                    when_idle(move || save_now(state, &p2, edit));
                }
            },
            DEBOUNCE,
        );
    });

    let p = progress.clone();
    let handle = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let Some(theirs) = book_sync::book_from_other_tab(ev.key(), ev.new_value()) else { return };
        let p = p.clone();
        // Effects run after the current task: wait for them, so an edit made just now is
        // counted as unsaved before deciding.
        set_timeout(
            move || {
                if state.book.with_untracked(|b| *b == theirs) {
                    return;
                }
                if p.edits.get() == p.saved.get() {
                    p.adopted.set(true);
                    state.book.set(theirs);
                } else {
                    // Unsaved edits here and a different book there: the person chooses.
                    state.storage.set(StorageStatus::OtherTab { theirs: Box::new(theirs) });
                }
            },
            Duration::ZERO,
        );
    });
    on_cleanup(move || handle.remove());
}

fn save_now(state: AppState, progress: &Progress, edit: u64) {
    // A newer edit will save itself; a status that blocks saving waits for the person.
    if progress.edits.get() != edit || blocks_saving(&state.storage.get_untracked()) {
        return;
    }
    let start = web::now_ms();
    let saved_at = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    let status = state.book.with_untracked(|b| book_sync::save(b, &saved_at));
    web::mark("data-last-save-ms", &format!("{:.1}", web::now_ms() - start));
    web::mark("data-saves", &edit.to_string());
    progress.saved.set(edit);
    if state.storage.get_untracked() != status {
        state.storage.set(status);
    }
}

/// Saves whatever is in memory now, e.g. after the person chose "keep mine".
pub fn save_immediately(state: AppState) {
    let saved_at = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    let status = state.book.with_untracked(|b| book_sync::save(b, &saved_at));
    PROGRESS.with(|p| p.saved.set(p.edits.get()));
    state.storage.set(status);
}

fn blocks_saving(status: &StorageStatus) -> bool {
    matches!(status, StorageStatus::Damaged { .. } | StorageStatus::ReadOnly { .. } | StorageStatus::Unavailable | StorageStatus::OtherTab { .. })
}

/// Runs `f` when the browser is idle (within a second), so a large save never delays typing.
fn when_idle(f: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(f);
    let Some(window) = web::window() else { return };
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(1000);
    if window.request_idle_callback_with_options(callback.unchecked_ref(), &options).is_err() {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}
