//! A save a piece at a time, so that saving a 100,000-account book (~1 s of work in the
//! browser) never holds the page: each `step` works until the caller's clock says stop, and
//! every piece of work is small (4,096 accounts of a column or 32 K values of one, 64 KiB
//! deflated, 16 KiB inflated, 256 KiB counted or summed, one storage write).
//!
//! The steps are those of `Slots::save`, which is this job run in one go:
//!
//! 1. encode the book (`codec::Encoding`) and seal it in its envelope (`envelope::Sealing`);
//! 2. prove the text: read it back as a reader would (`envelope::Opening`) and compare the
//!    book it gives with the one saved, account by account;
//! 3. write it: whole under the current slot's key, or, over `PART_CHARS`, in parts under new
//!    keys, each read back, then the parts list under the current slot's key (the commit);
//!    the current slot is read back;
//! 4. the good slot receives the same verified text (or list), and parts no slot names any
//!    more are removed.
//!
//! Until step 2 is over the book must not change: a caller whose book changed drops the job
//! (`reads_book`) and starts another. A job dropped before its commit leaves nothing behind
//! but parts no list names (`abandon` removes them); after the commit it should be finished.

use super::codec::{accounts_to_bytes, Encoding};
use super::envelope::{Opening, Sealing};
use super::migrate::CURRENT_SCHEMA;
use super::parts::{self, PartsList};
use super::slots::{KeyValue, Mode, SaveError, Saved, Slots, CURRENT_KEY, GOOD_KEY};
use crate::domain::book::{Account, Book};

/// Accounts compared (and their decoded copies dropped) in one piece.
const COMPARE_PIECE: usize = 4096;

pub struct SaveJob {
    saved_at: String,
    gen: String,
    stage: Stage,
    /// Pieces of work done so far.
    pieces: usize,
}

enum Stage {
    Start,
    Encode(Box<Encoding>),
    Seal(Sealing),
    Open {
        text: String,
        opening: Box<Opening>,
    },
    /// `back` is what the text reads as; compared from its end, and dropped as compared.
    Compare {
        text: String,
        back: Vec<Account>,
    },
    Write(Box<Writing>),
    Done,
}

impl SaveJob {
    /// A save of the book as of `saved_at` (ISO-8601). `gen` names its parts, if it needs
    /// any: unique to this save (e.g. the time in base 36 and a random suffix).
    pub fn new(saved_at: &str, gen: &str) -> SaveJob {
        let gen: String = gen.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
        let gen = if gen.is_empty() { "g".to_string() } else { gen };
        SaveJob { saved_at: saved_at.to_string(), gen, stage: Stage::Start, pieces: 0 }
    }

    /// Whether later steps still read the book: until then, each step must be given the
    /// book the job started with.
    pub fn reads_book(&self) -> bool {
        !matches!(self.stage, Stage::Write(_) | Stage::Done)
    }

    /// Whether the current slot already names this save's text: the job should be finished
    /// (`finish`), not abandoned.
    pub fn committed(&self) -> bool {
        matches!(&self.stage, Stage::Write(w) if w.committed())
    }

    pub fn pieces(&self) -> usize {
        self.pieces
    }

    /// What the job does next, for measurements.
    pub fn stage(&self) -> &'static str {
        match &self.stage {
            Stage::Start => "start",
            Stage::Encode(e) if e.reads_book() => "columns",
            Stage::Encode(_) => "deflate",
            Stage::Seal(_) => "seal",
            Stage::Open { .. } => "open",
            Stage::Compare { .. } => "compare",
            Stage::Write(_) => "write",
            Stage::Done => "done",
        }
    }

    /// Works on the save until it is done (`Some`) or `out_of_time` says stop after a piece
    /// (`None`; call again later, with the same book while `reads_book`).
    pub fn step<K: KeyValue>(
        &mut self,
        slots: &mut Slots<K>,
        book: &Book,
        out_of_time: &mut dyn FnMut() -> bool,
    ) -> Option<Result<Saved, SaveError>> {
        loop {
            self.pieces += 1;
            if let Some(done) = self.piece(slots, book) {
                self.stage = Stage::Done;
                return Some(done);
            }
            if out_of_time() {
                return None;
            }
        }
    }

    /// The whole (rest of the) job, now.
    pub fn finish<K: KeyValue>(&mut self, slots: &mut Slots<K>, book: &Book) -> Result<Saved, SaveError> {
        loop {
            if let Some(done) = self.step(slots, book, &mut || false) {
                return done;
            }
        }
    }

    /// Drops a job that has not committed, removing the parts it wrote. (A committed one is
    /// finished instead: its remaining steps only update the good slot and tidy up.)
    pub fn abandon<K: KeyValue>(mut self, slots: &mut Slots<K>, book: &Book) {
        if self.committed() {
            let _ = self.finish(slots, book);
        } else if let Stage::Write(w) = &self.stage {
            w.remove_parts(slots.kv_mut());
        }
    }

    fn piece<K: KeyValue>(&mut self, slots: &mut Slots<K>, book: &Book) -> Option<Result<Saved, SaveError>> {
        let unreadable = |e: &'static str| Some(Err(SaveError::Unreadable(e)));
        self.stage = match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Start => {
                if slots.mode() != Mode::Writable {
                    return Some(Err(SaveError::Blocked(slots.mode())));
                }
                Stage::Encode(Box::default())
            }
            Stage::Encode(mut encoding) => match encoding.step(book) {
                Err(e) => return unreadable(e.0),
                Ok(None) => Stage::Encode(encoding),
                Ok(Some(payload)) => Stage::Seal(Sealing::new(&self.saved_at, payload)),
            },
            Stage::Seal(mut sealing) => match sealing.step() {
                None => Stage::Seal(sealing),
                Some(text) => match Opening::new(&text) {
                    Ok(opening) => Stage::Open { text, opening: Box::new(opening) },
                    Err(_) => return unreadable("the envelope does not read back"),
                },
            },
            Stage::Open { text, mut opening } => match opening.step(&text) {
                Err(_) => return unreadable("the book does not read back the same"),
                Ok(None) => Stage::Open { text, opening },
                Ok(Some(loaded)) => {
                    if loaded.stored_schema != CURRENT_SCHEMA || loaded.book.accounts.len() != book.accounts.len() {
                        return unreadable("the book does not read back the same");
                    }
                    Stage::Compare { text, back: loaded.book.accounts }
                }
            },
            Stage::Compare { text, mut back } => {
                let from = back.len().saturating_sub(COMPARE_PIECE);
                let ours = book.accounts.get(from..back.len()).unwrap_or_default();
                if ours.len() != back.len() - from {
                    return unreadable("the book does not read back the same");
                }
                // `==` says no to a NaN: such an account must then store the same bytes.
                let same = |(a, b): (&Account, &Account)| {
                    a == b || accounts_to_bytes(std::slice::from_ref(a)) == accounts_to_bytes(std::slice::from_ref(b))
                };
                if !back[from..].iter().zip(ours).all(same) {
                    return unreadable("the book does not read back the same");
                }
                back.truncate(from);
                if back.is_empty() {
                    Stage::Write(Box::new(Writing::new(text, &self.gen, slots.part_chars())))
                } else {
                    Stage::Compare { text, back }
                }
            }
            Stage::Write(mut writing) => match writing.step(slots.kv_mut(), &self.saved_at) {
                Some(done) => return Some(done),
                None => Stage::Write(writing),
            },
            Stage::Done => return unreadable("the save is already done"),
        };
        None
    }
}

/// Step 3 and 4: the proven text to storage.
struct Writing {
    text: String,
    /// UTF-16 units of the text: what the quota counts.
    chars: usize,
    /// Where to cut the text (found a piece at a time), then the byte ranges of its parts;
    /// `None`: the text is stored whole.
    cutter: parts::Cutter,
    parts: Option<Vec<std::ops::Range<usize>>>,
    gen: String,
    next: Next,
    /// What the two slots named before the commit, to remove once no slot names it.
    old: Vec<PartsList>,
    good_updated: bool,
}

/// Chars measured (and cut) in one piece.
const CUT_PIECE: usize = 256 << 10;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Next {
    Cut,
    /// Make sure no stored part has this job's generation.
    FreshGen,
    Part(usize),
    CheckPart(usize),
    /// Note the lists the slots name now (0: current, 1: good).
    ReadOld(u8),
    Current,
    CheckCurrent,
    Good,
    Tidy,
}

impl Writing {
    fn new(text: String, gen: &str, part_chars: usize) -> Writing {
        Writing {
            text,
            chars: 0,
            cutter: parts::Cutter::new(part_chars),
            parts: None,
            gen: gen.to_string(),
            next: Next::Cut,
            old: Vec::new(),
            good_updated: false,
        }
    }

    fn committed(&self) -> bool {
        self.next > Next::Current
    }

    fn list(&self) -> Option<PartsList> {
        self.parts.as_ref().map(|p| PartsList { gen: self.gen.clone(), count: p.len() })
    }

    /// What the slots' keys receive: the text, or the list of its parts.
    fn slot_value(&self, saved_at: &str) -> String {
        match self.list() {
            Some(list) => list.to_text(saved_at),
            None => self.text.clone(),
        }
    }

    fn remove_parts(&self, kv: &mut impl KeyValue) {
        if let Some(list) = self.list() {
            list.keys().for_each(|k| kv.remove(&k));
        }
    }

    /// One storage operation (or a few removals).
    fn step(&mut self, kv: &mut impl KeyValue, saved_at: &str) -> Option<Result<Saved, SaveError>> {
        let quota = SaveError::Quota { chars: self.chars };
        let other_text = SaveError::Unreadable("storage returned other text");
        let count = self.parts.as_ref().map_or(0, Vec::len);
        match self.next {
            Next::Cut => {
                if !self.cutter.step(&self.text, CUT_PIECE) {
                    return None;
                }
                self.chars = self.cutter.units();
                let ranges = self.cutter.ranges(&self.text);
                if ranges.len() > 1 {
                    self.parts = Some(ranges);
                    self.next = Next::FreshGen;
                } else {
                    self.next = Next::ReadOld(0);
                }
            }
            Next::FreshGen => {
                while kv.get(&parts::part_key(&self.gen, 0)).is_some() {
                    self.gen.push('x');
                }
                self.next = Next::Part(0);
            }
            Next::Part(i) => {
                let range = self.parts.as_ref().and_then(|p| p.get(i)).cloned().unwrap_or_default();
                if kv.set(&parts::part_key(&self.gen, i), &self.text[range]).is_err() {
                    self.remove_parts(kv);
                    return Some(Err(quota));
                }
                self.next = if i + 1 < count { Next::Part(i + 1) } else { Next::CheckPart(0) };
            }
            Next::CheckPart(i) => {
                let range = self.parts.as_ref().and_then(|p| p.get(i)).cloned().unwrap_or_default();
                if kv.get(&parts::part_key(&self.gen, i)).as_deref() != Some(&self.text[range]) {
                    self.remove_parts(kv);
                    return Some(Err(other_text));
                }
                self.next = if i + 1 < count { Next::CheckPart(i + 1) } else { Next::ReadOld(0) };
            }
            Next::ReadOld(slot) => {
                let key = if slot == 0 { CURRENT_KEY } else { GOOD_KEY };
                if let Some(list) = parts::gen_named(kv.get(key).as_deref()) {
                    if list.gen != self.gen && !self.old.contains(&list) {
                        self.old.push(list);
                    }
                }
                self.next = if slot == 0 { Next::ReadOld(1) } else { Next::Current };
            }
            Next::Current => {
                let value = self.slot_value(saved_at);
                if kv.set(CURRENT_KEY, &value).is_err() {
                    self.remove_parts(kv);
                    return Some(Err(quota));
                }
                self.next = Next::CheckCurrent;
            }
            Next::CheckCurrent => {
                if kv.get(CURRENT_KEY) != Some(self.slot_value(saved_at)) {
                    return Some(Err(other_text));
                }
                self.next = Next::Good;
            }
            Next::Good => {
                // Failure leaves the older good copy, which is still good.
                self.good_updated = kv.set(GOOD_KEY, &self.slot_value(saved_at)).is_ok();
                self.next = Next::Tidy;
            }
            Next::Tidy => {
                let still_named =
                    if self.good_updated { self.list() } else { parts::gen_named(kv.get(GOOD_KEY).as_deref()) };
                for list in &self.old {
                    if still_named.as_ref() != Some(list) {
                        list.keys().for_each(|k| kv.remove(&k));
                    }
                }
                return Some(Ok(Saved { chars: self.chars, good_updated: self.good_updated }));
            }
        }
        None
    }
}

#[cfg(test)]
#[path = "job_tests.rs"]
mod tests;
