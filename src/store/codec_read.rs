//! Payload text → book, a piece at a time: unpack the chars, inflate, read the columns. Any
//! damage is an error, never a panic. The writing side is the parent module.

use super::*;

/// Payload text → book. Any damage is an error, never a panic.
pub fn decode(text: &str) -> Result<Book, BadBytes> {
    let mut d = Decoding::new(text)?;
    loop {
        if let Some(book) = d.step(text)? {
            return Ok(book);
        }
    }
}

/// `decode` a piece at a time, as `Encoding` encodes: every step is given the same text.
pub struct Decoding {
    stage: Unpacking,
}

enum Unpacking {
    Text(text15::Decoder),
    Inflate(Inflating),
    Columns(ColumnReader<Vec<u8>>),
    Done,
}

impl Decoding {
    pub fn new(text: &str) -> Result<Decoding, BadBytes> {
        Ok(Decoding { stage: Unpacking::Text(text15::Decoder::new(text)?) })
    }

    /// The next piece; the book once done.
    pub fn step(&mut self, text: &str) -> Result<Option<Book>, BadBytes> {
        self.stage = match std::mem::replace(&mut self.stage, Unpacking::Done) {
            Unpacking::Text(mut chars) => {
                if chars.step(text, TEXT_PIECE)? {
                    Unpacking::Inflate(Inflating::new(chars.finish())?)
                } else {
                    Unpacking::Text(chars)
                }
            }
            Unpacking::Inflate(mut inflating) => match inflating.step()? {
                Some(raw) => Unpacking::Columns(ColumnReader::new(raw)),
                None => Unpacking::Inflate(inflating),
            },
            Unpacking::Columns(mut columns) => {
                if columns.step()? {
                    return Ok(Some(columns.into_book()));
                }
                Unpacking::Columns(columns)
            }
            Unpacking::Done => return Err(BadBytes("the decoding is already done")),
        };
        Ok(None)
    }
}

/// Inflates the packed bytes after their recorded length, 16 KiB of input a step.
struct Inflating {
    packed: Vec<u8>,
    at: usize,
    len: usize,
    state: Box<DecompressorOxide>,
    out: Vec<u8>,
    out_pos: usize,
}

impl Inflating {
    fn new(packed: Vec<u8>) -> Result<Inflating, BadBytes> {
        let mut r = Reader::new(&packed);
        // The recorded length, not a ratio, bounds inflation: a book of blank accounts deflates
        // far better than 1:64 and must still read.
        let len = usize::try_from(r.uint()?).ok().filter(|&n| n <= MAX_RAW);
        let len = len.ok_or(BadBytes("unpacked length out of range"))?;
        let at = r.pos();
        // Grown as output comes, as `decompress_to_vec_with_limit` does: what is allocated
        // follows what the input really unpacks to, not what it claims.
        let out = vec![0; (packed.len() - at).saturating_mul(2).min(len)];
        Ok(Inflating { packed, at, len, state: Box::default(), out, out_pos: 0 })
    }

    fn step(&mut self) -> Result<Option<Vec<u8>>, BadBytes> {
        let damaged = BadBytes("compressed data is damaged");
        let end = (self.at + INFLATE_PIECE).min(self.packed.len());
        let more = if end < self.packed.len() { TINFL_FLAG_HAS_MORE_INPUT } else { 0 };
        let flags = TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF | more;
        let (status, used, wrote) =
            decompress(&mut self.state, &self.packed[self.at..end], &mut self.out, self.out_pos, flags);
        self.at += used;
        self.out_pos += wrote;
        match status {
            TINFLStatus::Done => {
                if self.out_pos != self.len {
                    return Err(damaged);
                }
                self.out.truncate(self.out_pos);
                Ok(Some(std::mem::take(&mut self.out)))
            }
            TINFLStatus::NeedsMoreInput if more != 0 => Ok(None),
            TINFLStatus::HasMoreOutput if self.out.len() < self.len => {
                let grown = self.out.len().saturating_mul(2).clamp(1, self.len);
                self.out.resize(grown, 0);
                Ok(None)
            }
            _ => Err(damaged),
        }
    }
}

pub fn from_bytes(bytes: &[u8]) -> Result<Book, BadBytes> {
    let mut r = ColumnReader::new(bytes);
    while !r.step()? {}
    Ok(r.into_book())
}

type TextMut = fn(&mut Account) -> &mut String;
type NumberMut = fn(&mut Account) -> &mut Option<f64>;
type DayMut = fn(&mut Account) -> &mut Option<NaiveDate>;
const DICT_FIELDS_MUT: [TextMut; 3] = [|a| &mut a.industry, |a| &mut a.region, |a| &mut a.owner];
const OPT_NUMBERS_MUT: [NumberMut; 6] = [
    |a| &mut a.potential_arr,
    |a| &mut a.fit,
    |a| &mut a.activity,
    |a| &mut a.depth,
    |a| &mut a.satisfaction,
    |a| &mut a.health_override,
];
const DATE_FIELDS_MUT: [DayMut; 2] = [|a| &mut a.go_live, |a| &mut a.last_touch];

/// `from_bytes` a column, or 4,096 accounts (terms) of one, a step.
struct ColumnReader<B> {
    bytes: B,
    state: Reading,
}

impl<B: AsRef<[u8]>> ColumnReader<B> {
    fn new(bytes: B) -> Self {
        ColumnReader { bytes, state: Reading::default() }
    }

    /// Reads the next piece; true once the book is complete.
    fn step(&mut self) -> Result<bool, BadBytes> {
        self.state.step(self.bytes.as_ref())
    }

    fn into_book(self) -> Book {
        Book { accounts: self.state.accs }
    }
}

/// What `ColumnReader` has read so far.
#[derive(Default)]
struct Reading {
    pos: usize,
    column: usize,
    at: usize,
    n: usize,
    accs: Vec<Account>,
    prev: Vec<u8>,
    dict: Vec<String>,
    counts: Vec<usize>,
    total: usize,
    firsts: Vec<NaiveDate>,
    first_at: usize,
    starts: Vec<TermStart>,
    lengths: Vec<u64>,
    arrs: Vec<f64>,
    term: usize,
}

impl Reading {
    /// The next `ACCOUNTS_A_PIECE` of `0..n`, moving on to the next column after the last.
    fn take(&mut self, n: usize) -> Range<usize> {
        let from = self.at;
        let to = (from + ACCOUNTS_A_PIECE).min(n);
        self.at = to;
        if to == n {
            self.column += 1;
            self.at = 0;
        }
        from..to
    }

    fn whole(&mut self) {
        self.column += 1;
        self.at = 0;
    }

    fn step(&mut self, bytes: &[u8]) -> Result<bool, BadBytes> {
        let mut r = Reader::at(bytes, self.pos);
        let done = self.read(&mut r)?;
        self.pos = r.pos();
        Ok(done)
    }

    /// The columns in `to_bytes`' order, the first term starts read with the later ones.
    fn read(&mut self, r: &mut Reader) -> Result<bool, BadBytes> {
        let n = self.n;
        let missing = BadBytes("missing term data");
        match self.column {
            0 => {
                if self.at == 0 {
                    // Every account takes at least 8 bytes (id, name, 3 dictionary indices,
                    // referrals, terms).
                    self.n = r.count(8)?;
                    self.accs = Vec::with_capacity(self.n);
                }
                for _ in self.take(self.n) {
                    let shared = usize::try_from(r.uint()?).map_err(|_| BadBytes("bad id"))?;
                    let mut id = self.prev.get(..shared).ok_or(BadBytes("bad id"))?.to_vec();
                    id.extend_from_slice(r.bytes()?);
                    let text = String::from_utf8(id.clone()).map_err(|_| BadBytes("text is not UTF-8"))?;
                    self.accs.push(Account { id: text, ..Default::default() });
                    self.prev = id;
                }
            }
            1 => {
                for i in self.take(n) {
                    self.accs[i].name = r.str()?;
                }
            }
            c @ 2..=4 => {
                if self.at == 0 {
                    self.dict = get_dict(r)?;
                }
                let field = DICT_FIELDS_MUT[c - 2];
                for i in self.take(n) {
                    let k = usize::try_from(r.uint()?).map_err(|_| BadBytes("bad dictionary index"))?;
                    *field(&mut self.accs[i]) = self.dict.get(k).ok_or(BadBytes("bad dictionary index"))?.clone();
                }
            }
            c @ 5..=10 => {
                let field = OPT_NUMBERS_MUT[c - 5];
                let present = get_presence(r, n)?;
                let values = get_numbers(r, present.iter().filter(|&&p| p).count())?;
                let mut values = values.into_iter();
                for (a, _) in self.accs.iter_mut().zip(&present).filter(|(_, &p)| p) {
                    *field(a) = values.next();
                }
                self.whole();
            }
            11 => {
                for (a, x) in self.accs.iter_mut().zip(get_numbers(r, n)?) {
                    a.expansion_arr = x;
                }
                self.whole();
            }
            c @ 12..=13 => {
                let field = DATE_FIELDS_MUT[c - 12];
                let present = get_presence(r, n)?;
                let dates = get_dates(r, present.iter().filter(|&&p| p).count())?;
                let mut dates = dates.into_iter();
                for (a, _) in self.accs.iter_mut().zip(&present).filter(|(_, &p)| p) {
                    *field(a) = dates.next();
                }
                self.whole();
            }
            14 => {
                for i in self.take(n) {
                    self.accs[i].referrals = u32::try_from(r.uint()?).map_err(|_| BadBytes("referrals too large"))?;
                }
            }
            15 => {
                if self.at == 0 {
                    self.counts = Vec::with_capacity(n);
                }
                for _ in self.take(n) {
                    let c = r.count(2)?;
                    let total = self.total.checked_add(c).filter(|&t| t <= r.total());
                    self.total = total.ok_or(BadBytes("too many terms"))?;
                    self.counts.push(c);
                }
            }
            16 => {
                if self.at == 0 {
                    let with_terms = self.counts.iter().filter(|&&c| c > 0).count();
                    self.firsts = get_dates(r, with_terms)?;
                    self.starts = Vec::with_capacity(self.total);
                }
                // Later starts are deltas from the previous end, which is only known after the
                // lengths; keep the deltas now and resolve them in the last column.
                for i in self.take(n) {
                    let c = self.counts[i];
                    if c > 0 {
                        let first = *self.firsts.get(self.first_at).ok_or(BadBytes("missing term start"))?;
                        self.first_at += 1;
                        self.starts.push(TermStart::Date(first));
                        for _ in 1..c {
                            self.starts.push(TermStart::AfterPrevEnd(r.int()?));
                        }
                    }
                }
            }
            17 => {
                if self.at == 0 {
                    self.lengths = Vec::with_capacity(self.total);
                }
                for _ in self.take(self.total) {
                    self.lengths.push(r.uint()?);
                }
            }
            18 => {
                self.arrs = get_numbers(r, self.total)?;
                self.whole();
            }
            19 => {
                for i in self.take(n) {
                    let c = self.counts[i];
                    let a = &mut self.accs[i];
                    let mut prev_end: Option<NaiveDate> = None;
                    a.terms.reserve_exact(c);
                    for _ in 0..c {
                        let t = self.term;
                        let start = match (*self.starts.get(t).ok_or(missing)?, prev_end) {
                            (TermStart::Date(d), _) => d,
                            (TermStart::AfterPrevEnd(delta), Some(end)) => date(days(end).saturating_add(delta))?,
                            (TermStart::AfterPrevEnd(_), None) => return Err(missing),
                        };
                        let code = *self.lengths.get(t).ok_or(missing)?;
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
                        let arr = *self.arrs.get(t).ok_or(missing)?;
                        a.terms.push(Term { start, end, arr, outcome });
                        prev_end = Some(end);
                        self.term += 1;
                    }
                }
            }
            _ => {
                if !r.is_done() {
                    return Err(BadBytes("unexpected data after the book"));
                }
                return Ok(true);
            }
        }
        Ok(false)
    }
}

#[derive(Clone, Copy)]
enum TermStart {
    Date(NaiveDate),
    AfterPrevEnd(i64),
}

fn date(days: i64) -> Result<NaiveDate, BadBytes> {
    i32::try_from(days).ok().and_then(NaiveDate::from_num_days_from_ce_opt).ok_or(BadBytes("date out of range"))
}

fn get_dict(r: &mut Reader) -> Result<Vec<String>, BadBytes> {
    let n = r.count(1)?;
    (0..n).map(|_| r.str()).collect()
}

fn get_presence(r: &mut Reader, n: usize) -> Result<Vec<bool>, BadBytes> {
    let bytes = r.take(n.div_ceil(8))?;
    Ok((0..n).map(|i| bytes.get(i / 8).is_some_and(|b| b >> (i % 8) & 1 == 1)).collect())
}

/// Dates as offsets from the column's earliest day (`PutDates`), so a column of recent dates
/// costs ~2 bytes each.
fn get_dates(r: &mut Reader, n: usize) -> Result<Vec<NaiveDate>, BadBytes> {
    let base = r.int()?;
    let mut out = Vec::with_capacity(n.min(r.remaining()));
    for _ in 0..n {
        let off = i64::try_from(r.uint()?).map_err(|_| BadBytes("date out of range"))?;
        out.push(date(base.saturating_add(off))?);
    }
    Ok(out)
}
