//! The loops over a whole book or file that code in a chunk runs, held by the main wasm.
//!
//! Code in a chunk (pages/lazy.rs) calls what it shares with the main wasm (the allocator,
//! strings, vectors, dates, the book's accessors) across modules, where the browser cannot
//! inline it. Measured with `make bench` on a cut build: the import's read and check ran 15–25%
//! slower in the import chunk, and the Revenue page's bridge and monthly steps 30–60% slower at
//! 100,000 accounts in the pages' chunk. The shell provides these functions as one context, so
//! they and all they call stay in the main wasm; a page calls each once per figure. A loop that
//! a chunk runs over the whole book belongs here.

use chrono::NaiveDate;

use crate::domain::book::{AsOfRules, Book};
use crate::domain::revenue::bridge::{self, Bridge};
use crate::domain::revenue::cohorts::{self, Cohort, CohortGrain};
use crate::io::{FileError, ImportJob, ImportReport, ReadJob, Sheet};

/// Says when a slice of an import job is over.
type Stop<'a> = &'a mut dyn FnMut() -> bool;
/// The sheet read (or why it could not be), once the last slice is done.
type Read = Option<Result<Sheet, FileError>>;

#[derive(Clone, Copy)]
pub struct Kernels {
    /// `ReadJob::step`: reads an imported file a slice at a time.
    pub read: fn(&mut ReadJob, &[u8], Stop) -> Read,
    /// `ImportJob::step`: checks its rows a slice at a time.
    pub check: fn(&mut ImportJob, &Sheet, Stop) -> Option<ImportReport>,
    /// The ARR bridge of a period, from and to.
    pub arr_bridge: fn(&Book, &AsOfRules, NaiveDate, NaiveDate) -> Bridge,
    /// The bridges of the last n months, or quarters, to the as-of date.
    pub monthly_bridges: fn(&Book, &AsOfRules, NaiveDate, usize) -> Vec<Bridge>,
    pub quarterly_bridges: fn(&Book, &AsOfRules, NaiveDate, usize) -> Vec<Bridge>,
    /// The cohorts as of a date.
    pub cohorts: fn(&Book, &AsOfRules, NaiveDate, CohortGrain) -> Vec<Cohort>,
}

impl Kernels {
    /// The shell's (a view mounted without the shell gets its own: the same functions).
    pub fn get() -> Kernels {
        leptos::prelude::use_context::<Kernels>().unwrap_or_default()
    }
}

impl Default for Kernels {
    fn default() -> Kernels {
        Kernels {
            read: ReadJob::step,
            check: ImportJob::step,
            arr_bridge: bridge::arr_bridge,
            monthly_bridges: bridge::monthly_bridges,
            quarterly_bridges: bridge::quarterly_bridges,
            cohorts: cohorts::cohorts,
        }
    }
}
