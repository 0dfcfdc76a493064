//! The compact book encoding of schema 2: column-oriented bytes, deflated, then packed 15 bits
//! to a char (`text15`).
//!
//! Columns rather than rows put alike values side by side (all names, then all owners, …), so
//! dictionaries, deltas and deflate each find their repeats. Every value round-trips exactly:
//! numbers that are whole or whole cents are stored as integers, any other f64 (e.g. 33.333…,
//! NaN) keeps its 64 bits as an exception; dates are day numbers, term ends are mostly "12
//! months" and the next start mostly "the day after".

use std::collections::HashMap;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use miniz_oxide::deflate::core::{
    compress, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::inflate_flags::{TINFL_FLAG_HAS_MORE_INPUT, TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF};
use miniz_oxide::inflate::core::{decompress, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;

use super::bytes::{unzigzag, zigzag, BadBytes, Reader, Writer};
use super::numbers::{get_numbers, PutNumbers};
use super::text15;
use crate::domain::book::{Account, Book, Outcome, Term};
use crate::domain::dates::{add_days, add_months};

/// Deflate level: 3 is within 1.5% of level 6's size at under half its time.
const LEVEL: u8 = 3;

/// Largest column data a payload may unpack to: ~800,000 accounts, far beyond what fits a
/// localStorage slot, and a bound on what a damaged length can make us allocate.
const MAX_RAW: usize = 64 << 20;

/// Accounts (or terms) one piece of a column covers, when the work is split into pieces.
const ACCOUNTS_A_PIECE: usize = 4096;
/// Bytes deflated or inflated, and chars packed or unpacked, in one piece.
const DEFLATE_PIECE: usize = 64 << 10;
const INFLATE_PIECE: usize = 16 << 10;
const TEXT_PIECE: usize = 64 << 10;

/// Book → payload text: the unpacked length, then the deflated columns, 15 bits a char.
pub fn encode(book: &Book) -> String {
    let mut e = Encoding::default();
    loop {
        match e.step(book) {
            Ok(Some(text)) => return text,
            Ok(None) => {}
            // Deflating in memory does not fail; were it to, an empty payload reads as damage,
            // never as a book.
            Err(_) => return String::new(),
        }
    }
}

/// `encode` a piece at a time: each `step` does a bounded piece of work (4,096 accounts of a
/// column or 32 K values of a number column, 64 KiB deflated, 64 K chars packed), so that a
/// save can give the page back between pieces. Until `reads_book` turns false every step must
/// be given the same book.
#[derive(Default)]
pub struct Encoding {
    stage: Stage,
}

enum Stage {
    Columns(ColumnWriter),
    Deflate(Deflating),
    Pack { packed: Vec<u8>, at: usize, text: text15::Encoder },
    Done,
}

impl Default for Stage {
    fn default() -> Self {
        Stage::Columns(ColumnWriter::default())
    }
}

impl Encoding {
    /// Whether later steps still read the book.
    pub fn reads_book(&self) -> bool {
        matches!(self.stage, Stage::Columns(_))
    }

    /// The next piece; once done, the payload text.
    pub fn step(&mut self, book: &Book) -> Result<Option<String>, BadBytes> {
        self.stage = match std::mem::replace(&mut self.stage, Stage::Done) {
            Stage::Columns(mut columns) => {
                if columns.step(&book.accounts) {
                    Stage::Deflate(Deflating::new(columns.w.buf))
                } else {
                    Stage::Columns(columns)
                }
            }
            Stage::Deflate(mut deflating) => {
                if deflating.step()? {
                    let mut w = Writer::default();
                    w.uint(deflating.raw.len() as u64);
                    w.buf.extend_from_slice(&deflating.out);
                    let text = text15::Encoder::new(w.buf.len());
                    Stage::Pack { packed: w.buf, at: 0, text }
                } else {
                    Stage::Deflate(deflating)
                }
            }
            Stage::Pack { packed, at, mut text } => {
                let end = (at + TEXT_PIECE).min(packed.len());
                text.push(&packed[at..end]);
                if end == packed.len() {
                    return Ok(Some(text.finish()));
                }
                Stage::Pack { packed, at: end, text }
            }
            Stage::Done => return Err(BadBytes("the encoding is already done")),
        };
        Ok(None)
    }
}

/// Raw deflate of the column bytes, 64 KiB of input a step; the same bytes as
/// `miniz_oxide::deflate::compress_to_vec(raw, LEVEL)`.
struct Deflating {
    raw: Vec<u8>,
    at: usize,
    compressor: Box<CompressorOxide>,
    out: Vec<u8>,
    out_pos: usize,
}

impl Deflating {
    fn new(raw: Vec<u8>) -> Deflating {
        let compressor = Box::new(CompressorOxide::new(create_comp_flags_from_zip_params(LEVEL.into(), 0, 0)));
        let out = vec![0; (raw.len() / 2).max(2)];
        Deflating { raw, at: 0, compressor, out, out_pos: 0 }
    }

    /// One piece; true once the stream is complete (`out` then holds exactly it).
    fn step(&mut self) -> Result<bool, BadBytes> {
        let end = (self.at + DEFLATE_PIECE).min(self.raw.len());
        let flush = if end == self.raw.len() { TDEFLFlush::Finish } else { TDEFLFlush::None };
        let (status, used, wrote) =
            compress(&mut self.compressor, &self.raw[self.at..end], &mut self.out[self.out_pos..], flush);
        self.at += used;
        self.out_pos += wrote;
        match status {
            TDEFLStatus::Done => {
                self.out.truncate(self.out_pos);
                Ok(true)
            }
            TDEFLStatus::Okay => {
                if self.out.len() - self.out_pos < 30 {
                    self.out.resize(self.out.len() * 2, 0);
                }
                Ok(false)
            }
            _ => Err(BadBytes("the compressor failed")),
        }
    }
}

pub fn to_bytes(book: &Book) -> Vec<u8> {
    accounts_to_bytes(&book.accounts)
}

/// The columns of a book of these accounts. Of one account, they tell whether two accounts
/// store the same (`==` says no to a NaN).
pub fn accounts_to_bytes(accs: &[Account]) -> Vec<u8> {
    let mut w = ColumnWriter::default();
    while !w.step(accs) {}
    w.w.buf
}

/// The columns of `to_bytes`, in their stored order.
const COLUMNS: usize = 21;

type Text = fn(&Account) -> &String;
type Number = fn(&Account) -> Option<f64>;
type Day = fn(&Account) -> Option<NaiveDate>;
const DICT_FIELDS: [Text; 3] = [|a| &a.industry, |a| &a.region, |a| &a.owner];
const OPT_NUMBERS: [Number; 6] =
    [|a| a.potential_arr, |a| a.fit, |a| a.activity, |a| a.depth, |a| a.satisfaction, |a| a.health_override];
const DATE_FIELDS: [Day; 2] = [|a| a.go_live, |a| a.last_touch];

/// `to_bytes` 4,096 accounts of a column, or 32,768 values of a number or date column, a step.
#[derive(Default)]
struct ColumnWriter {
    w: Writer,
    column: usize,
    /// The next account of the current column.
    at: usize,
    /// A dictionary column's distinct values in first-seen order, and each account's index.
    dict: Vec<String>,
    index: HashMap<String, usize>,
    picks: Vec<usize>,
    /// A number or date column's values, gathered from the accounts, then written (`tail`).
    numbers: Vec<f64>,
    days: Vec<i64>,
    tail: Option<Tail>,
}

enum Tail {
    Numbers(PutNumbers),
    Dates(PutDates),
}

/// Values of a number or date column written in one piece.
const VALUES_A_PIECE: usize = 32 << 10;

impl ColumnWriter {
    /// The next accounts of the current column.
    fn gather(&mut self, n: usize) -> Range<usize> {
        let from = self.at;
        self.at = (from + ACCOUNTS_A_PIECE).min(n);
        from..self.at
    }

    fn next_column(&mut self) {
        self.column += 1;
        self.at = 0;
    }

    /// The next accounts of a column written as it is read, moving on after the last.
    fn take(&mut self, n: usize) -> Range<usize> {
        let range = self.gather(n);
        if range.end == n {
            self.next_column();
        }
        range
    }

    /// Presence bits of `accs`, which start at a multiple of 8 in the column.
    fn presence(&mut self, accs: &[Account], present: impl Fn(&Account) -> bool) {
        for chunk in accs.chunks(8) {
            self.w.buf.push(chunk.iter().enumerate().fold(0u8, |b, (i, a)| b | (u8::from(present(a)) << i)));
        }
    }

    /// Writes the next piece of `accs` (the same accounts at every step); true once done.
    fn step(&mut self, accs: &[Account]) -> bool {
        if let Some(tail) = self.tail.as_mut() {
            let done = match tail {
                Tail::Numbers(column) => column.step(&mut self.w, VALUES_A_PIECE),
                Tail::Dates(column) => column.step(&mut self.w, VALUES_A_PIECE),
            };
            if done {
                self.tail = None;
                self.next_column();
            }
            return self.column >= COLUMNS;
        }
        let n = accs.len();
        match self.column {
            0 => {
                if self.at == 0 {
                    self.w.uint(n as u64);
                }
                for i in self.take(n) {
                    let id = accs[i].id.as_bytes();
                    let prev: &[u8] = if i == 0 { &[] } else { accs[i - 1].id.as_bytes() };
                    let shared = id.iter().zip(prev).take_while(|(x, y)| x == y).count();
                    self.w.uint(shared as u64);
                    self.w.bytes(&id[shared..]);
                }
            }
            1 => self.take(n).for_each(|i| self.w.str(&accs[i].name)),
            c @ 2..=4 => {
                let field = DICT_FIELDS[c - 2];
                let range = self.take(n);
                let last = range.end == n;
                for a in &accs[range] {
                    let v = field(a);
                    let i = match self.index.get(v.as_str()) {
                        Some(&i) => i,
                        None => {
                            self.dict.push(v.clone());
                            self.index.insert(v.clone(), self.dict.len() - 1);
                            self.dict.len() - 1
                        }
                    };
                    self.picks.push(i);
                }
                if last {
                    // Distinct strings in first-seen order, then one index per account.
                    self.w.uint(self.dict.len() as u64);
                    self.dict.iter().for_each(|s| self.w.str(s));
                    self.picks.iter().for_each(|&i| self.w.uint(i as u64));
                    (self.dict, self.picks) = (Vec::new(), Vec::new());
                    self.index.clear();
                }
            }
            c @ 5..=10 => {
                let field = OPT_NUMBERS[c - 5];
                let range = self.gather(n);
                self.presence(&accs[range.clone()], |a| field(a).is_some());
                self.numbers.extend(accs[range.clone()].iter().filter_map(field));
                self.numbers_gathered(range.end == n);
            }
            11 => {
                let range = self.gather(n);
                self.numbers.extend(accs[range.clone()].iter().map(|a| a.expansion_arr));
                self.numbers_gathered(range.end == n);
            }
            c @ 12..=13 => {
                let field = DATE_FIELDS[c - 12];
                let range = self.gather(n);
                self.presence(&accs[range.clone()], |a| field(a).is_some());
                self.days.extend(accs[range.clone()].iter().filter_map(field).map(days));
                self.days_gathered(range.end == n);
            }
            14 => self.take(n).for_each(|i| self.w.uint(u64::from(accs[i].referrals))),
            15 => self.take(n).for_each(|i| self.w.uint(accs[i].terms.len() as u64)),
            16 => {
                let range = self.gather(n);
                self.days.extend(accs[range.clone()].iter().filter_map(|a| a.terms.first().map(|t| days(t.start))));
                self.days_gathered(range.end == n);
            }
            17 => {
                for a in &accs[self.take(n)] {
                    for pair in a.terms.windows(2) {
                        self.w.int(days(pair[1].start) - days(pair[0].end));
                    }
                }
            }
            18 => {
                for t in accs[self.take(n)].iter().flat_map(|a| &a.terms) {
                    self.w.uint(match whole_months(t.start, t.end) {
                        Some(m) => m << 1,
                        None => zigzag(days(t.end) - days(t.start)) << 1 | 1,
                    });
                }
            }
            19 => {
                let range = self.gather(n);
                self.numbers.extend(accs[range.clone()].iter().flat_map(|a| &a.terms).map(|t| t.arr));
                self.numbers_gathered(range.end == n);
            }
            20 => {
                for t in accs[self.take(n)].iter().flat_map(|a| &a.terms) {
                    self.w.uint(match t.outcome {
                        Outcome::Open => 0,
                        Outcome::Renewed(on) => zigzag(days(on) - days(t.end)) << 2 | 1,
                        Outcome::Churned(on) => zigzag(days(on) - days(t.end)) << 2 | 2,
                    });
                }
            }
            _ => {}
        }
        self.column >= COLUMNS
    }

    fn numbers_gathered(&mut self, all: bool) {
        if all {
            self.tail = Some(Tail::Numbers(PutNumbers::new(std::mem::take(&mut self.numbers))));
        }
    }

    fn days_gathered(&mut self, all: bool) {
        if all {
            self.tail = Some(Tail::Dates(PutDates::new(std::mem::take(&mut self.days))));
        }
    }
}

/// A date column as offsets from the column's earliest day (`put_dates`), a piece at a time:
/// the earliest day is found over every value first.
struct PutDates {
    days: Vec<i64>,
    at: usize,
    base: Option<i64>,
    min: Option<i64>,
}

impl PutDates {
    fn new(days: Vec<i64>) -> PutDates {
        PutDates { days, at: 0, base: None, min: None }
    }

    fn step(&mut self, w: &mut Writer, piece: usize) -> bool {
        let end = self.at.saturating_add(piece).min(self.days.len());
        let values = &self.days[self.at..end];
        self.at = end;
        let all = end == self.days.len();
        match self.base {
            None => {
                self.min = values.iter().copied().chain(self.min).min();
                if all {
                    let base = self.min.unwrap_or(0);
                    w.int(base);
                    (self.base, self.at) = (Some(base), 0);
                }
                false
            }
            Some(base) => {
                values.iter().for_each(|&d| w.uint((d - base) as u64));
                all
            }
        }
    }
}

/// Longest term still written as months (100 years); longer ones are written in days.
const MAX_MONTHS: i32 = 1200;

/// `Some(m)` when the term is exactly m months long as DOMAIN.md §1 builds renewed terms.
fn whole_months(start: NaiveDate, end: NaiveDate) -> Option<u64> {
    let next = add_days(end, 1);
    let m = (next.year() - start.year()) * 12 + next.month0() as i32 - start.month0() as i32;
    let ok = (1..=MAX_MONTHS).contains(&m) && add_days(add_months(start, m), -1) == end;
    ok.then_some(m as u64)
}

fn days(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

#[path = "codec_read.rs"]
mod read;
pub use read::{decode, from_bytes, Decoding};

#[cfg(test)]
#[path = "codec_tests.rs"]
mod tests;
