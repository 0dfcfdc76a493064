//! When the book reaches storage. Nothing is lost, and saving never holds the page:
//! - an edit saves after a short pause (a burst of edits is one save);
//! - a whole-book action (import, restore, demo, delete all, undo) saves at once, right after
//!   the frame that shows it;
//! - a save is a job done in slices of ~10 ms (`store::job`), the browser getting the page
//!   back between them, so that typing and clicking stay quick while a 100,000-account book
//!   is saved (about a second of work);
//! - whatever is unsaved is written synchronously when the page is hidden or left
//!   (`visibilitychange`, `pagehide`), finishing or replacing a save in progress: a reload, a
//!   closed tab or a link opened in the same tab right after a change still finds it;
//! - another tab's save is taken over when this tab has nothing unsaved, and otherwise offered
//!   (`other_tab.rs`, which reads it a slice at a time too).
//!
//! The counters and the slots live in the `AppState` (no thread-locals): edits are numbered,
//! a save job records the number it saves, and a job whose book changed before it had proven
//! its text is dropped for the newer edit's save.

use std::time::Duration;

use leptos::prelude::*;

use super::book_slots::{self, BookSlots, StorageStatus};
use super::AppState;
use crate::domain::Book;
use crate::store::SaveJob;
use crate::web::{self, next_task};

/// Quiet time after the last edit before saving.
const DEBOUNCE: Duration = Duration::from_millis(250);

/// Main-thread time a save slice may take before giving the page back (its last piece of work
/// may run over by a few ms).
pub(super) const SLICE_MS: f64 = 10.0;

/// The book's save bookkeeping.
pub struct Saver {
    slots: BookSlots,
    edits: u64,
    saved: u64,
    /// False for a state made without storage (component tests): nothing is written.
    attached: bool,
    /// The save in progress.
    job: Option<Running>,
    /// A save was asked for while the job in progress could no longer take the newer book:
    /// another follows it.
    again: bool,
    jobs: u64,
}

/// A save job and what it has cost so far.
struct Running {
    job: SaveJob,
    /// Tells this job's slices from an older job's.
    id: u64,
    /// The edit it saves.
    edit: u64,
    started: f64,
    slices: u32,
    longest: f64,
    busy: f64,
}

impl Saver {
    pub fn attached(slots: BookSlots) -> Saver {
        Saver { slots, edits: 0, saved: 0, attached: true, job: None, again: false, jobs: 0 }
    }

    pub fn detached() -> Saver {
        Saver { slots: None, edits: 0, saved: 0, attached: false, job: None, again: false, jobs: 0 }
    }

    pub fn is_attached(&self) -> bool {
        self.attached
    }

    fn unsaved(&self) -> bool {
        self.edits != self.saved
    }

    /// Edits counted so far.
    pub(super) fn edits(&self) -> u64 {
        self.edits
    }

    /// Unsaved edits, or a save still in progress.
    pub(super) fn busy(&self) -> bool {
        self.unsaved() || self.job.is_some()
    }

    /// Drops the job in progress, leaving nothing half-written.
    fn drop_job(&mut self, book: &Book) {
        if let Some(running) = self.job.take() {
            book_slots::abandon(&mut self.slots, running.job, book);
        }
    }

    /// A new job for the latest edit; its id.
    fn start(&mut self, book: &Book) -> u64 {
        self.drop_job(book);
        self.jobs += 1;
        let saved_at = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
        self.job = Some(Running {
            job: book_slots::new_job(&saved_at),
            id: self.jobs,
            edit: self.edits,
            started: web::now_ms(),
            slices: 0,
            longest: 0.0,
            busy: 0.0,
        });
        self.jobs
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

/// What a save slice left to do.
enum Slice {
    /// Nothing: the job was replaced or dropped.
    Gone,
    Continue,
    Done {
        status: StorageStatus,
        edit: u64,
        again: bool,
        total: f64,
        longest: f64,
        busy: f64,
        slices: u32,
    },
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
            request_animation_frame(move || set_timeout(move || state.save_soon(false), Duration::ZERO));
            return;
        }
        let state = *self;
        set_timeout(
            move || {
                if state.saver.try_with_value(|s| s.edits == edit && s.unsaved()) == Some(true) {
                    state.save_soon(false);
                }
            },
            DEBOUNCE,
        );
    }

    /// Starts saving what is unsaved (or, `force`, what is in memory), a slice at a time. A
    /// job already saving the latest edit goes on; one still reading an older book is
    /// replaced; one already writing an older book finishes, and a new one follows it.
    fn save_soon(&self, force: bool) {
        if blocks_saving(&self.storage.get_untracked()) {
            return;
        }
        let book = self.book;
        let started = self.saver.try_update_value(|s| {
            if !s.attached || !(force || s.unsaved()) {
                return None;
            }
            match &s.job {
                Some(r) if r.edit == s.edits => return None,
                Some(r) if !r.job.reads_book() => {
                    s.again = true;
                    return None;
                }
                _ => {}
            }
            Some(book.with_untracked(|b| s.start(b)))
        });
        if let Some(Some(id)) = started {
            let state = *self;
            next_task(move || state.save_slice(id));
        }
    }

    /// One slice of the save job `id`: ~`SLICE_MS` of work, then the page is given back.
    fn save_slice(&self, id: u64) {
        let book = self.book;
        if blocks_saving(&self.storage.get_untracked()) {
            // A choice is on screen (another tab's book…): nothing is written until it is made.
            self.saver.try_update_value(|s| {
                if s.job.as_ref().is_some_and(|r| r.id == id) {
                    book.with_untracked(|b| s.drop_job(b));
                }
            });
            return;
        }
        // A hidden page's tasks are throttled, and nobody waits for it: the rest in one go.
        let hidden = web::document().is_some_and(|d| d.hidden());
        let start = web::now_ms();
        let deadline = start + SLICE_MS;
        let outcome = self.saver.try_update_value(|s| {
            match s.job.as_ref().filter(|r| r.id == id) {
                None => return Slice::Gone,
                Some(r) if r.edit != s.edits && r.job.reads_book() => {
                    // The book changed under the job: the newer edit's own save follows.
                    book.with_untracked(|b| s.drop_job(b));
                    return Slice::Gone;
                }
                Some(_) => {}
            }
            let Saver { slots, job, saved, again, .. } = s;
            let Some(running) = job.as_mut() else { return Slice::Gone };
            let mut out_of_time = || !hidden && web::now_ms() >= deadline;
            let done = book.with_untracked(|b| book_slots::step(slots, &mut running.job, b, &mut out_of_time));
            let spent = web::now_ms() - start;
            running.slices += 1;
            running.longest = running.longest.max(spent);
            running.busy += spent;
            let Some(status) = done else { return Slice::Continue };
            let Running { edit, started, longest, busy, slices, .. } = *running;
            *job = None;
            *saved = edit;
            let total = web::now_ms() - started;
            Slice::Done { status, edit, again: std::mem::take(again), total, longest, busy, slices }
        });
        match outcome {
            Some(Slice::Continue) => {
                let state = *self;
                next_task(move || state.save_slice(id));
            }
            Some(Slice::Done { status, edit, again, total, longest, busy, slices }) => {
                web::mark("data-last-save-ms", &format!("{total:.1}"));
                web::mark("data-last-save-slice-ms", &format!("{longest:.1}"));
                web::mark("data-last-save-busy-ms", &format!("{busy:.1}"));
                web::mark("data-last-save-slices", &slices.to_string());
                self.saved(status, edit);
                if again {
                    self.save_soon(false);
                }
            }
            _ => {}
        }
    }

    /// Marks a finished save and shows its status.
    fn saved(&self, status: StorageStatus, edit: u64) {
        web::mark("data-saves", &edit.to_string());
        if self.storage.get_untracked() != status {
            self.storage.set(status);
        }
    }

    /// Writes whatever is unsaved, now (synchronously), finishing the save in progress when it
    /// saves the latest edit and replacing it otherwise. Called when the page is hidden or
    /// left.
    pub fn flush(&self) {
        let book = self.book;
        if blocks_saving(&self.storage.get_untracked()) {
            // Nothing is written until the person has chosen; a save begun before is given up.
            self.saver.try_update_value(|s| book.with_untracked(|b| s.drop_job(b)));
            return;
        }
        let start = web::now_ms();
        let result = self.saver.try_update_value(|s| {
            if !s.attached || !s.busy() {
                return None;
            }
            let mut running = match s.job.take() {
                Some(r) if r.edit == s.edits => r,
                other => {
                    // Older than the book: dropped (or, committed, finished) for a new one.
                    s.job = other;
                    book.with_untracked(|b| s.start(b));
                    s.job.take()?
                }
            };
            let status = book.with_untracked(|b| loop {
                if let Some(status) = book_slots::step(&mut s.slots, &mut running.job, b, &mut || false) {
                    break status;
                }
            });
            s.saved = running.edit;
            s.again = false;
            Some((status, running.edit))
        });
        let Some(Some((status, edit))) = result else { return };
        let spent = format!("{:.1}", web::now_ms() - start);
        web::mark("data-last-save-ms", &spent);
        web::mark("data-last-save-slice-ms", &spent);
        web::mark("data-last-save-busy-ms", &spent);
        web::mark("data-last-save-slices", "1");
        self.saved(status, edit);
    }

    /// Saves what is in memory whatever the counters say, e.g. after the person chose "keep
    /// mine" or "start over" (a slice at a time, as any save).
    pub fn save_book_now(&self) {
        self.save_soon(true);
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
    let other_tab = super::other_tab::listen(state);
    on_cleanup(move || {
        hidden.remove();
        other_tab.remove();
        visibility.remove();
    });
}
