//! An edit of a large book reaches the Book page's table in steps, each a task of its own after
//! the one that made the edit (which closes the form and recomputes the figures every page
//! shares): first the sorted text column's order is brought up to date, then the table is
//! sorted, filtered and drawn again, then the search index is made anew. At 100,000 accounts
//! one long task becomes a few short ones, and the page answers in between.

use std::time::Duration;

use leptos::prelude::*;

use crate::state::AppState;

/// Signals that move when the book has changed and the page's next step may follow it.
#[derive(Clone, Copy)]
pub struct Settled {
    /// The text column's order follows the book when this moves.
    pub text: RwSignal<u64>,
    /// The table (its order, rows, cells and filter lists) follows the book when this moves.
    pub table: RwSignal<u64>,
}

impl Settled {
    pub fn new() -> Settled {
        Settled { text: RwSignal::new(0), table: RwSignal::new(0) }
    }

    /// From now on, after each change of `state`'s book or snapshot: `text` moves and `order`
    /// runs in one task (it reads the text column's order, so that it is brought up to date
    /// there), `table` moves in the next, and `index` runs in the one after. `index` runs once
    /// after the first paint too, so the first keystroke in the search box does not wait for
    /// the index.
    pub fn follow(self, state: AppState, order: impl Fn() + Copy + 'static, index: impl Fn() + Copy + 'static) {
        let later = |f: Box<dyn FnOnce()>| set_timeout(f, Duration::ZERO);
        Effect::new(move |first: Option<()>| {
            state.book.track();
            state.snapshot.track();
            if first.is_none() {
                request_animation_frame(move || later(Box::new(index)));
                return;
            }
            later(Box::new(move || {
                if self.text.try_update(|n| *n += 1).is_none() {
                    return;
                }
                order();
                later(Box::new(move || {
                    if self.table.try_update(|n| *n += 1).is_some() {
                        later(Box::new(index));
                    }
                }));
            }));
        });
    }
}
