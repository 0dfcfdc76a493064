//! The import's loops that read a file and check its rows, kept in the main wasm although the
//! import preview that runs them is a chunk fetched later (pages/lazy.rs). Code in a chunk calls
//! whatever it shares with the main wasm (the allocator, strings, vectors, number parsing)
//! across modules, and the hot loops ran 15–25% slower there (make bench, the 10K CSV file →
//! preview). The Book page holds these two functions, so they and all they call stay in the
//! main wasm; the preview calls each once a slice.

use crate::io::{FileError, ImportJob, ImportReport, ReadJob, Sheet};

/// Says when a slice is over.
type Stop<'a> = &'a mut dyn FnMut() -> bool;
/// The sheet read (or why it could not be), once the last slice is done.
type Read = Option<Result<Sheet, FileError>>;

#[derive(Clone, Copy)]
pub struct ImportEngine {
    /// `ReadJob::step`: reads the file a slice at a time.
    pub read: fn(&mut ReadJob, &[u8], Stop) -> Read,
    /// `ImportJob::step`: checks its rows a slice at a time.
    pub check: fn(&mut ImportJob, &Sheet, Stop) -> Option<ImportReport>,
}

impl ImportEngine {
    pub fn new() -> ImportEngine {
        ImportEngine { read: ReadJob::step, check: ImportJob::step }
    }
}
