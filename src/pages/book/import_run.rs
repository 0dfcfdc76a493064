//! The import's work in the browser, a slice at a time: reading the file (`io::ReadJob`) and
//! checking its rows (`io::ImportJob`) each run in tasks of about `SLICE_MS`, the page getting
//! the main thread back between them (as the saver does, `state/saver.rs`), so a 100,000-row
//! file shows its progress and never holds the page. A newer run (another encoding, sheet or
//! mapping) or a closed preview stops the older one at its next slice.
//!
//! The times the benchmark and the end-to-end tests read are set on <body>: when the file was
//! chosen (`data-import-file-ms`, by `transfer.rs`), when its preview was on screen
//! (`data-import-preview-ms`), and the work's main-thread time (reading, checking), its slices
//! and the longest.

use leptos::prelude::*;

use crate::web::{self, next_task};

/// Main-thread time a slice may take before giving the page back (its last piece of work may
/// run over by a little: 64 rows).
pub const SLICE_MS: f64 = 12.0;

/// Which job is running, for the progress line.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Phase {
    Reading,
    Checking,
}

/// A job in progress: its phase and how much of it is done (0 to 1).
pub type Progress = Option<(Phase, f64)>;

/// The main-thread cost of the runs since the file was chosen.
#[derive(Clone, Copy, Default)]
pub struct Cost {
    read: f64,
    check: f64,
    longest: f64,
    slices: u32,
}

/// Runs one job a slice at a time. `step` gets a clock that says when the slice is over and
/// returns the result once there is one; `done` gets it. `runs` numbers the runs: one that is
/// no longer the latest (or whose page part is gone) stops.
#[derive(Clone, Copy)]
pub struct Runner {
    pub runs: StoredValue<u64>,
    pub progress: RwSignal<Progress>,
    pub cost: StoredValue<Cost>,
}

impl Runner {
    /// A runner whose slices add to `cost` (shared by the runners of one preview).
    pub fn new(cost: StoredValue<Cost>) -> Runner {
        Runner { runs: StoredValue::new(0), progress: RwSignal::new(None), cost }
    }

    /// Ends the run in progress, if any.
    pub fn stop(&self) {
        self.runs.try_update_value(|n| *n += 1);
        self.progress.try_set(None);
    }

    /// Starts a run, ending any other; the first slice runs in a task of its own. A run that
    /// reads a file starts the cost anew.
    pub fn start<T: 'static>(
        &self,
        phase: Phase,
        step: impl FnMut(&mut dyn FnMut() -> bool) -> (Option<T>, f64) + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        let Some(run) = self.runs.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        if phase == Phase::Reading {
            self.cost.set_value(Cost::default());
        }
        self.progress.set(Some((phase, 0.0)));
        let job = Job { run, phase, step: Box::new(step), done: Box::new(done), handles: *self };
        next_task(move || slice(job));
    }
}

/// A job's step: given the clock, its result once there is one, and how much is done.
type Step<T> = Box<dyn FnMut(&mut dyn FnMut() -> bool) -> (Option<T>, f64)>;

struct Job<T> {
    run: u64,
    phase: Phase,
    step: Step<T>,
    done: Box<dyn FnOnce(T)>,
    handles: Runner,
}

fn slice<T: 'static>(mut job: Job<T>) {
    let Runner { runs, progress, cost } = job.handles;
    if runs.try_get_value() != Some(job.run) {
        return;
    }
    let start = web::now_ms();
    let deadline = start + SLICE_MS;
    let (out, fraction) = (job.step)(&mut || web::now_ms() >= deadline);
    let spent = web::now_ms() - start;
    cost.try_update_value(|c| {
        match job.phase {
            Phase::Reading => c.read += spent,
            Phase::Checking => c.check += spent,
        }
        c.longest = c.longest.max(spent);
        c.slices += 1;
    });
    match out {
        None => {
            progress.try_set(Some((job.phase, fraction)));
            next_task(move || slice(job));
        }
        // What the result changes on screen is drawn in a task of its own, not on top of a
        // slice.
        Some(value) => next_task(move || {
            if runs.try_get_value() == Some(job.run) {
                progress.try_set(None);
                (job.done)(value);
            }
        }),
    }
}

/// The preview with its report is in the DOM: marks the time it is on screen (after the next
/// frame) and what the work cost the main thread.
pub fn mark_preview_shown(cost: StoredValue<Cost>) {
    let c = cost.try_get_value().unwrap_or_default();
    web::mark("data-import-busy-ms", &format!("{:.1}", c.read + c.check));
    web::mark("data-import-read-ms", &format!("{:.1}", c.read));
    web::mark("data-import-check-ms", &format!("{:.1}", c.check));
    web::mark("data-import-slice-ms", &format!("{:.1}", c.longest));
    web::mark("data-import-slices", &c.slices.to_string());
    after_frame(|| web::mark("data-import-preview-ms", &format!("{:.1}", web::now_ms())));
}

/// Runs `f` once the frame after this task is painted: after the next animation frame, in a
/// task of its own.
pub fn after_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}
