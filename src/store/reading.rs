//! A stored book read a piece at a time, as a save is written (`job.rs`): what a slot's key
//! holds — the book's text, or the list of its parts — becomes the book without holding the
//! page. Reading the book another tab saved (100,000 accounts: ~150–250 ms of work in the
//! browser) is done this way, ~10 ms a slice.
//!
//! The pieces: one stored part read (and joined), or one piece of `envelope::Opening` (the
//! payload counted, then summed, 256 KiB a step; then decoded as `codec::Decoding` does).
//! `read` is the same in one go: `parts::resolve`, then `envelope::decode`; both give the
//! same book, or the same error, for any stored value.

use super::envelope::{self, LoadError, Loaded, Opening};
use super::parts::{self, PartsList};
use super::slots::KeyValue;

pub struct Reading {
    stage: Stage,
    pieces: usize,
}

enum Stage {
    /// The value stored under a slot's key.
    Start(String),
    /// The parts read so far, joined; `next` is the part to read.
    Parts {
        list: PartsList,
        next: usize,
        text: String,
    },
    Open {
        text: String,
        opening: Box<Opening>,
    },
    Done,
}

impl Reading {
    /// A reading of `stored`, the value of a slot's key (e.g. a `storage` event's new value).
    pub fn new(stored: String) -> Reading {
        Reading { stage: Stage::Start(stored), pieces: 0 }
    }

    /// Pieces of work done so far.
    pub fn pieces(&self) -> usize {
        self.pieces
    }

    /// Works until the book is read (`Some`) or `out_of_time` says stop after a piece (`None`:
    /// call again later). The parts are read from `kv` as the reading comes to them: a part
    /// gone meanwhile (a newer save tidied it away) reads as a cut-off book.
    pub fn step<K: KeyValue>(
        &mut self,
        kv: &K,
        out_of_time: &mut dyn FnMut() -> bool,
    ) -> Option<Result<Loaded, LoadError>> {
        loop {
            self.pieces += 1;
            if let Some(done) = self.piece(kv) {
                self.stage = Stage::Done;
                return Some(done);
            }
            if out_of_time() {
                return None;
            }
        }
    }

    /// The whole (rest of the) reading, now.
    pub fn finish<K: KeyValue>(&mut self, kv: &K) -> Result<Loaded, LoadError> {
        loop {
            if let Some(done) = self.step(kv, &mut || false) {
                return done;
            }
        }
    }

    fn piece<K: KeyValue>(&mut self, kv: &K) -> Option<Result<Loaded, LoadError>> {
        self.stage = match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Start(stored) => match parts::read_list(&stored) {
                None => match open(stored) {
                    Ok(stage) => stage,
                    Err(e) => return Some(Err(e)),
                },
                Some(Err(e)) => return Some(Err(e)),
                Some(Ok(list)) => Stage::Parts { list, next: 0, text: String::new() },
            },
            Stage::Parts { list, next, mut text } => match kv.get(&parts::part_key(&list.gen, next)) {
                None => return Some(Err(LoadError::Truncated { expected: None, found: text.chars().count() })),
                Some(part) => {
                    text.push_str(&part);
                    if next + 1 < list.count {
                        Stage::Parts { list, next: next + 1, text }
                    } else {
                        match open(text) {
                            Ok(stage) => stage,
                            Err(e) => return Some(Err(e)),
                        }
                    }
                }
            },
            Stage::Open { text, mut opening } => match opening.step(&text) {
                Err(e) => return Some(Err(e)),
                Ok(Some(loaded)) => return Some(Ok(loaded)),
                Ok(None) => Stage::Open { text, opening },
            },
            Stage::Done => return Some(Err(LoadError::Corrupt("the reading is already done"))),
        };
        None
    }
}

/// The text's reading begins (its header read).
fn open(text: String) -> Result<Stage, LoadError> {
    let opening = Opening::new(&text)?;
    Ok(Stage::Open { text, opening: Box::new(opening) })
}

/// `Reading` in one go.
pub fn read(kv: &impl KeyValue, stored: String) -> Result<Loaded, LoadError> {
    parts::resolve(kv, stored).and_then(|text| envelope::decode(&text))
}

#[cfg(test)]
#[path = "reading_tests.rs"]
mod tests;
