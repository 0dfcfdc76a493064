//! The compact book encoding of schema 2: column-oriented bytes, deflated, then packed 15 bits
//! to a char (`text15`).
//!
//! Columns rather than rows put alike values side by side (all names, then all owners, …), so
//! dictionaries, deltas and deflate each find their repeats. Every value round-trips exactly:
//! numbers that are whole or whole cents are stored as integers, any other f64 (e.g. 33.333…,
//! NaN) keeps its 64 bits as an exception; dates are day numbers, term ends are mostly "12
//! months" and the next start mostly "the day after".

use chrono::{Datelike, NaiveDate};

use super::bytes::{unzigzag, zigzag, BadBytes, Reader, Writer};
use super::numbers::{get_numbers, put_numbers};
use super::text15;
use crate::domain::book::{Account, Book, Outcome, Term};
use crate::domain::dates::{add_days, add_months};

/// Deflate level: 3 is within 1.5% of level 6's size at under half its time.
const LEVEL: u8 = 3;

/// Largest column data a payload may unpack to: ~800,000 accounts, far beyond what fits a
/// localStorage slot, and a bound on what a damaged length can make us allocate.
const MAX_RAW: usize = 64 << 20;

/// Book → payload text: the unpacked length, then the deflated columns, 15 bits a char.
pub fn encode(book: &Book) -> String {
    pack(&to_bytes(book))
}

/// `encode`, proven by reading the text back to the same book. Saving uses this so a codec
/// bug shows as a failed save, never as a stored book that reads differently. Only when `==`
/// says no (a NaN is not equal to itself) are the columns compared byte for byte.
pub fn encode_verified(book: &Book) -> Result<String, BadBytes> {
    let raw = to_bytes(book);
    let text = pack(&raw);
    let back = decode(&text)?;
    if back != *book && to_bytes(&back) != raw {
        return Err(BadBytes("the book does not read back the same"));
    }
    Ok(text)
}

fn pack(raw: &[u8]) -> String {
    let mut w = Writer::default();
    w.uint(raw.len() as u64);
    w.buf.extend_from_slice(&miniz_oxide::deflate::compress_to_vec(raw, LEVEL));
    text15::encode(&w.buf)
}

/// Payload text → book. Any damage is an error, never a panic.
pub fn decode(text: &str) -> Result<Book, BadBytes> {
    let packed = text15::decode(text)?;
    let mut r = Reader::new(&packed);
    // The recorded length, not a ratio, bounds inflation: a book of blank accounts deflates
    // far better than 1:64 and must still read.
    let len = usize::try_from(r.uint()?).ok().filter(|&n| n <= MAX_RAW);
    let len = len.ok_or(BadBytes("unpacked length out of range"))?;
    let raw = miniz_oxide::inflate::decompress_to_vec_with_limit(r.rest(), len)
        .map_err(|_| BadBytes("compressed data is damaged"))?;
    if raw.len() != len {
        return Err(BadBytes("compressed data is damaged"));
    }
    from_bytes(&raw)
}

pub fn to_bytes(book: &Book) -> Vec<u8> {
    let accs = &book.accounts;
    let mut w = Writer::default();
    w.uint(accs.len() as u64);
    let mut prev: &[u8] = &[];
    for a in accs {
        let id = a.id.as_bytes();
        let shared = id.iter().zip(prev).take_while(|(x, y)| x == y).count();
        w.uint(shared as u64);
        w.bytes(&id[shared..]);
        prev = id;
    }
    accs.iter().for_each(|a| w.str(&a.name));
    let dict_fields: [fn(&Account) -> &String; 3] = [|a| &a.industry, |a| &a.region, |a| &a.owner];
    for field in dict_fields {
        put_dict(&mut w, accs.iter().map(field));
    }
    let opt_numbers: [fn(&Account) -> Option<f64>; 6] =
        [|a| a.potential_arr, |a| a.fit, |a| a.activity, |a| a.depth, |a| a.satisfaction, |a| a.health_override];
    for field in opt_numbers {
        put_presence(&mut w, accs.iter().map(|a| field(a).is_some()));
        put_numbers(&mut w, &accs.iter().filter_map(field).collect::<Vec<_>>());
    }
    put_numbers(&mut w, &accs.iter().map(|a| a.expansion_arr).collect::<Vec<_>>());
    let date_fields: [fn(&Account) -> Option<NaiveDate>; 2] = [|a| a.go_live, |a| a.last_touch];
    for field in date_fields {
        put_presence(&mut w, accs.iter().map(|a| field(a).is_some()));
        put_dates(&mut w, accs.iter().filter_map(field));
    }
    accs.iter().for_each(|a| w.uint(u64::from(a.referrals)));

    accs.iter().for_each(|a| w.uint(a.terms.len() as u64));
    let terms = || accs.iter().flat_map(|a| &a.terms);
    put_dates(&mut w, accs.iter().filter_map(|a| a.terms.first().map(|t| t.start)));
    for a in accs {
        for pair in a.terms.windows(2) {
            w.int(days(pair[1].start) - days(pair[0].end));
        }
    }
    for t in terms() {
        w.uint(match whole_months(t.start, t.end) {
            Some(m) => m << 1,
            None => zigzag(days(t.end) - days(t.start)) << 1 | 1,
        });
    }
    put_numbers(&mut w, &terms().map(|t| t.arr).collect::<Vec<_>>());
    for t in terms() {
        w.uint(match t.outcome {
            Outcome::Open => 0,
            Outcome::Renewed(on) => zigzag(days(on) - days(t.end)) << 2 | 1,
            Outcome::Churned(on) => zigzag(days(on) - days(t.end)) << 2 | 2,
        });
    }
    w.buf
}

pub fn from_bytes(bytes: &[u8]) -> Result<Book, BadBytes> {
    let mut r = Reader::new(bytes);
    // Every account takes at least 8 bytes (id, name, 3 dictionary indices, referrals, terms).
    let n = r.count(8)?;
    let mut accs: Vec<Account> = Vec::with_capacity(n);
    let mut prev: Vec<u8> = Vec::new();
    for _ in 0..n {
        let shared = usize::try_from(r.uint()?).map_err(|_| BadBytes("bad id"))?;
        let mut id = prev.get(..shared).ok_or(BadBytes("bad id"))?.to_vec();
        id.extend_from_slice(r.bytes()?);
        let text = String::from_utf8(id.clone()).map_err(|_| BadBytes("text is not UTF-8"))?;
        accs.push(Account { id: text, ..Default::default() });
        prev = id;
    }
    for a in accs.iter_mut() {
        a.name = r.str()?;
    }
    let dict_fields: [fn(&mut Account) -> &mut String; 3] = [|a| &mut a.industry, |a| &mut a.region, |a| &mut a.owner];
    for field in dict_fields {
        let dict = get_dict(&mut r)?;
        for a in accs.iter_mut() {
            let i = usize::try_from(r.uint()?).map_err(|_| BadBytes("bad dictionary index"))?;
            *field(a) = dict.get(i).ok_or(BadBytes("bad dictionary index"))?.clone();
        }
    }
    let opt_numbers: [fn(&mut Account) -> &mut Option<f64>; 6] = [
        |a| &mut a.potential_arr,
        |a| &mut a.fit,
        |a| &mut a.activity,
        |a| &mut a.depth,
        |a| &mut a.satisfaction,
        |a| &mut a.health_override,
    ];
    for field in opt_numbers {
        let present = get_presence(&mut r, n)?;
        let values = get_numbers(&mut r, present.iter().filter(|&&p| p).count())?;
        let mut values = values.into_iter();
        for (a, _) in accs.iter_mut().zip(&present).filter(|(_, &p)| p) {
            *field(a) = values.next();
        }
    }
    for (a, x) in accs.iter_mut().zip(get_numbers(&mut r, n)?) {
        a.expansion_arr = x;
    }
    let date_fields: [fn(&mut Account) -> &mut Option<NaiveDate>; 2] = [|a| &mut a.go_live, |a| &mut a.last_touch];
    for field in date_fields {
        let present = get_presence(&mut r, n)?;
        let dates = get_dates(&mut r, present.iter().filter(|&&p| p).count())?;
        let mut dates = dates.into_iter();
        for (a, _) in accs.iter_mut().zip(&present).filter(|(_, &p)| p) {
            *field(a) = dates.next();
        }
    }
    for a in accs.iter_mut() {
        a.referrals = u32::try_from(r.uint()?).map_err(|_| BadBytes("referrals too large"))?;
    }

    let mut counts = Vec::with_capacity(n);
    let mut total = 0usize;
    for _ in 0..n {
        let c = r.count(2)?;
        total = total.checked_add(c).filter(|&t| t <= bytes.len()).ok_or(BadBytes("too many terms"))?;
        counts.push(c);
    }
    let with_terms = counts.iter().filter(|&&c| c > 0).count();
    let mut firsts = get_dates(&mut r, with_terms)?.into_iter();
    let mut starts = Vec::with_capacity(total);
    // Later starts are deltas from the previous end, which is only known after the lengths;
    // keep the deltas now and resolve them below.
    for &c in &counts {
        if c > 0 {
            starts.push(TermStart::Date(firsts.next().ok_or(BadBytes("missing term start"))?));
            for _ in 1..c {
                starts.push(TermStart::AfterPrevEnd(r.int()?));
            }
        }
    }
    let mut lengths = Vec::with_capacity(total);
    for _ in 0..total {
        lengths.push(r.uint()?);
    }
    let arrs = get_numbers(&mut r, total)?;
    let (mut starts, mut lengths, mut arrs) = (starts.into_iter(), lengths.into_iter(), arrs.into_iter());
    let missing = BadBytes("missing term data");
    for (a, &c) in accs.iter_mut().zip(&counts) {
        let mut prev_end: Option<NaiveDate> = None;
        a.terms.reserve_exact(c);
        for _ in 0..c {
            let start = match (starts.next().ok_or(missing)?, prev_end) {
                (TermStart::Date(d), _) => d,
                (TermStart::AfterPrevEnd(delta), Some(end)) => date(days(end).saturating_add(delta))?,
                (TermStart::AfterPrevEnd(_), None) => return Err(missing),
            };
            let code = lengths.next().ok_or(missing)?;
            let end = if code & 1 == 0 {
                let months = i32::try_from(code >> 1).ok().filter(|m| (1..=MAX_MONTHS).contains(m));
                add_days(add_months(start, months.ok_or(BadBytes("bad term length"))?), -1)
            } else {
                date(days(start).saturating_add(unzigzag(code >> 1)))?
            };
            let code = r.uint()?;
            let on = || date(days(end).saturating_add(unzigzag(code >> 2)));
            let outcome = match code & 3 {
                0 if code == 0 => Outcome::Open,
                1 => Outcome::Renewed(on()?),
                2 => Outcome::Churned(on()?),
                _ => return Err(BadBytes("bad outcome")),
            };
            a.terms.push(Term { start, end, arr: arrs.next().ok_or(missing)?, outcome });
            prev_end = Some(end);
        }
    }
    if !r.is_done() {
        return Err(BadBytes("unexpected data after the book"));
    }
    Ok(Book { accounts: accs })
}

#[derive(Clone, Copy)]
enum TermStart {
    Date(NaiveDate),
    AfterPrevEnd(i64),
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

fn date(days: i64) -> Result<NaiveDate, BadBytes> {
    i32::try_from(days).ok().and_then(NaiveDate::from_num_days_from_ce_opt).ok_or(BadBytes("date out of range"))
}

/// Distinct strings in first-seen order, then one index per account.
fn put_dict<'a>(w: &mut Writer, values: impl Iterator<Item = &'a String> + Clone) {
    let mut dict: Vec<&str> = Vec::new();
    let mut index = std::collections::HashMap::new();
    let ids: Vec<usize> = values
        .map(|v| {
            *index.entry(v.as_str()).or_insert_with(|| {
                dict.push(v);
                dict.len() - 1
            })
        })
        .collect();
    w.uint(dict.len() as u64);
    dict.iter().for_each(|s| w.str(s));
    ids.iter().for_each(|&i| w.uint(i as u64));
}

fn get_dict(r: &mut Reader) -> Result<Vec<String>, BadBytes> {
    let n = r.count(1)?;
    (0..n).map(|_| r.str()).collect()
}

fn put_presence(w: &mut Writer, present: impl Iterator<Item = bool>) {
    let flags: Vec<bool> = present.collect();
    for chunk in flags.chunks(8) {
        w.buf.push(chunk.iter().enumerate().fold(0u8, |b, (i, &p)| b | (u8::from(p) << i)));
    }
}

fn get_presence(r: &mut Reader, n: usize) -> Result<Vec<bool>, BadBytes> {
    let bytes = r.take(n.div_ceil(8))?;
    Ok((0..n).map(|i| bytes.get(i / 8).is_some_and(|b| b >> (i % 8) & 1 == 1)).collect())
}

/// Dates as offsets from the column's earliest day, so a column of recent dates costs ~2 bytes each.
fn put_dates(w: &mut Writer, values: impl Iterator<Item = NaiveDate> + Clone) {
    let base = values.clone().map(days).min().unwrap_or(0);
    w.int(base);
    values.for_each(|d| w.uint((days(d) - base) as u64));
}

fn get_dates(r: &mut Reader, n: usize) -> Result<Vec<NaiveDate>, BadBytes> {
    let base = r.int()?;
    let mut out = Vec::with_capacity(n.min(r.remaining()));
    for _ in 0..n {
        let off = i64::try_from(r.uint()?).map_err(|_| BadBytes("date out of range"))?;
        out.push(date(base.saturating_add(off))?);
    }
    Ok(out)
}

#[cfg(test)]
#[path = "codec_tests.rs"]
mod tests;
