//! Another tab's save, taken over without holding the page.
//!
//! A `storage` event on the current slot's key says another tab stored a book: its value is
//! the book's text, or the list of its parts. That value is read a piece at a time
//! (`store::Reading`: the parts, then the text counted, summed and decoded, ~10 ms a slice,
//! each slice a task of its own), then compared with the book in memory 4,096 accounts a
//! piece; only the swap of the book into the state (and the page's render of it) is one
//! task. A newer event drops the reading in progress: only the latest save is taken over.
//! With unsaved edits here, the person chooses (`StorageStatus::OtherTab`), as before.
//!
//! Marks on <body> for the tests and benchmarks: `data-adopts` (the event last taken over),
//! `data-adopt-ms` (from the event to the swap), `data-adopt-slices`, `data-adopt-slice-ms`
//! (the longest slice), `data-adopt-swap-at` (when the swap's task began, on the page's
//! clock) and `data-adopt-swap-ms` (the swap and what ran in its task after it).

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;

use super::book_slots::{LocalKv, StorageStatus};
use super::saver::{Saver, SLICE_MS};
use super::AppState;
use crate::domain::book::{Account, Book};
use crate::store::{Loaded, Reading, CURRENT_KEY};
use crate::web;
use crate::web::next_task;

/// Accounts compared with the book in memory in one piece.
const COMPARE_PIECE: usize = 4096;

/// A reading of another tab's save, and what it has cost so far.
struct Adoption {
    /// Tells this reading from a newer one.
    id: u64,
    stage: Stage,
    started: f64,
    slices: u32,
    longest: f64,
}

enum Stage {
    Read(Box<Reading>),
    /// Their book, compared with ours up to `at`; `edits` is our edit count when it began
    /// (an edit meanwhile makes the comparison worthless: the books then count as different).
    Compare {
        theirs: Book,
        at: usize,
        edits: u64,
    },
}

/// What a slice left to do.
enum Next {
    Continue,
    /// Nothing to take over: unreadable, or the very book this tab has.
    Nothing,
    Swap(Book),
}

/// Listens for other tabs' saves for as long as the app runs.
pub(super) fn listen(state: AppState) -> WindowListenerHandle {
    let latest = Rc::new(Cell::new(0u64));
    window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        // Only the current slot's key says "a new book": its parts and the good slot do not
        // (and their values need not be copied out of the event).
        if ev.key().as_deref() != Some(CURRENT_KEY) {
            return;
        }
        let id = latest.get() + 1;
        latest.set(id);
        let Some(stored) = ev.new_value() else { return };
        let reading = Box::new(Reading::new(stored));
        let job = Adoption { id, stage: Stage::Read(reading), started: web::now_ms(), slices: 0, longest: 0.0 };
        slice(state, latest.clone(), job);
    })
}

/// One slice of the reading: ~`SLICE_MS` of work, then the page is given back.
fn slice(state: AppState, latest: Rc<Cell<u64>>, mut job: Adoption) {
    if latest.get() != job.id {
        // A newer save arrived: its reading replaces this one.
        return;
    }
    let start = web::now_ms();
    let deadline = start + SLICE_MS;
    let next = work(state, &mut job, &mut || web::now_ms() >= deadline);
    let spent = web::now_ms() - start;
    job.slices += 1;
    job.longest = job.longest.max(spent);
    match next {
        Next::Continue => next_task(move || slice(state, latest, job)),
        Next::Nothing => {}
        Next::Swap(theirs) => next_task(move || {
            if latest.get() == job.id {
                swap(state, job, theirs);
            }
        }),
    }
}

fn work(state: AppState, job: &mut Adoption, out_of_time: &mut dyn FnMut() -> bool) -> Next {
    loop {
        let stage = match &mut job.stage {
            Stage::Read(reading) => match reading.step(&LocalKv, out_of_time) {
                None => return Next::Continue,
                Some(Ok(Loaded { book, .. })) => {
                    let edits = state.saver.try_with_value(Saver::edits).unwrap_or_default();
                    Stage::Compare { theirs: book, at: 0, edits }
                }
                // Not readable (a newer version's, or cut off by a newer save whose own
                // event follows): this tab keeps its book, as at start.
                Some(Err(_)) => return Next::Nothing,
            },
            Stage::Compare { theirs, at, edits } => {
                let edited = state.saver.try_with_value(Saver::edits) != Some(*edits);
                let same = |ours: &[Account]| {
                    let to = (*at + COMPARE_PIECE).min(theirs.accounts.len());
                    ours.len() == theirs.accounts.len() && ours.get(*at..to) == theirs.accounts.get(*at..to)
                };
                if edited || !state.book.with_untracked(|b| same(&b.accounts)) {
                    return Next::Swap(std::mem::take(theirs));
                }
                *at += COMPARE_PIECE;
                if *at >= theirs.accounts.len() {
                    return Next::Nothing;
                }
                if out_of_time() {
                    return Next::Continue;
                }
                continue;
            }
        };
        job.stage = stage;
        if out_of_time() {
            return Next::Continue;
        }
    }
}

/// Their book into the state, in a task of its own: with nothing unsaved here it is taken
/// over (nothing to save back), otherwise the person chooses.
fn swap(state: AppState, job: Adoption, theirs: Book) {
    let start = web::now_ms();
    web::mark("data-adopt-swap-at", &format!("{start:.1}"));
    if state.saver.try_with_value(Saver::busy) == Some(false) {
        // The old book's memory is given back in a task of its own.
        let old = state.book_w.try_update(|b| std::mem::replace(b, theirs));
        next_task(move || drop(old));
    } else {
        // Unsaved edits here and a different book there: the person chooses.
        state.storage.try_set(StorageStatus::OtherTab { theirs: Box::new(theirs) });
    }
    web::mark("data-adopt-ms", &format!("{:.1}", start - job.started));
    web::mark("data-adopt-slices", &job.slices.to_string());
    web::mark("data-adopt-slice-ms", &format!("{:.1}", job.longest));
    // After the render the swap set off (effects run before the next task).
    next_task(move || {
        web::mark("data-adopt-swap-ms", &format!("{:.1}", web::now_ms() - start));
        web::mark("data-adopts", &job.id.to_string());
    });
}
