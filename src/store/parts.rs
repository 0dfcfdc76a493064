//! A stored book too long for one localStorage write, kept in parts.
//!
//! `setItem` is synchronous, and its time grows faster than the text: in Chromium ~2 ms for
//! 256 K chars, ~7 ms for 512 K, ~25–30 ms for the 1.15 M of a 100,000-account book, so the
//! largest book that fits (~2.4 M chars) would hold the page for longer than a frame or two.
//! A text over `PART_CHARS` is therefore written as parts under keys of its own generation,
//! one write per task:
//!
//! ```text
//! cs-planner.book.part.<gen>.0 … cs-planner.book.part.<gen>.<n-1>   the book text, cut in n
//! cs-planner.book                                                  its parts list
//! ```
//!
//! The parts list is itself an envelope, of schema `PARTS_SCHEMA`, whose payload names the
//! generation and the number of parts:
//!
//! `cs-planner-book;schema=100;length=…;checksum=…;saved_at=…\ncs-planner-parts;gen=…;count=5`
//!
//! Writing the list is the commit: parts are written under new keys, read back, and only then
//! does a slot's key name them, so a reader (a reload, another tab) sees the old book or the
//! new one, never half of one. Both slots name the same parts once they are verified: the good
//! slot still only ever names text that was read back, and the book costs its size once, not
//! twice. A version before this layout reads a parts list as a book of a newer schema that it
//! cannot read: it shows nothing and overwrites nothing. A text of up to `PART_CHARS` is
//! stored as before, whole under the slot's key.

use std::ops::Range;

use super::envelope::{Envelope, LoadError};
use super::slots::KeyValue;

/// The envelope schema of a parts list: a storage layout, not a payload schema, numbered above
/// any payload schema so that versions from before it take the list for a newer book.
pub const PARTS_SCHEMA: u32 = 100;

/// Every part's key starts with this.
pub const PART_PREFIX: &str = "cs-planner.book.part.";

/// Most chars a part holds (and a text stored whole).
pub const PART_CHARS: usize = 256 * 1024;

const MAGIC: &str = "cs-planner-parts";

/// A parts list is a few dozen chars; a longer text is a book, never a list.
const MAX_LIST: usize = 1024;

/// What a parts list names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartsList {
    pub gen: String,
    pub count: usize,
}

impl PartsList {
    pub fn keys(&self) -> impl Iterator<Item = String> + '_ {
        (0..self.count).map(|i| part_key(&self.gen, i))
    }

    /// The list as stored under a slot's key.
    pub fn to_text(&self, saved_at: &str) -> String {
        Envelope::seal(PARTS_SCHEMA, saved_at, format!("{MAGIC};gen={};count={}", self.gen, self.count)).to_text()
    }
}

pub fn part_key(gen: &str, i: usize) -> String {
    format!("{PART_PREFIX}{gen}.{i}")
}

/// The generation a part key belongs to.
pub fn gen_of(key: &str) -> Option<&str> {
    key.strip_prefix(PART_PREFIX)?.rsplit_once('.').map(|(gen, _)| gen)
}

/// The parts list a stored value is, if it is one (`Some(Err)`: a list that does not read).
pub fn read_list(stored: &str) -> Option<Result<PartsList, LoadError>> {
    if stored.len() > MAX_LIST {
        return None;
    }
    let env = Envelope::parse(stored).ok().filter(|e| e.schema == PARTS_SCHEMA)?;
    let bad = LoadError::Corrupt("the parts list does not read");
    let mut fields = env.payload.split(';');
    if fields.next() != Some(MAGIC) {
        return Some(Err(bad));
    }
    let (mut gen, mut count) = (None, None);
    for field in fields {
        match field.split_once('=') {
            Some(("gen", v)) if !v.is_empty() && !v.contains(['.', ';']) => gen = Some(v.to_string()),
            Some(("count", v)) => count = v.parse::<usize>().ok(),
            _ => {}
        }
    }
    Some(match (gen, count) {
        (Some(gen), Some(count)) if count > 0 => Ok(PartsList { gen, count }),
        _ => Err(bad),
    })
}

/// The generation a slot's stored value names, when it is a parts list.
pub fn gen_named(stored: Option<&str>) -> Option<PartsList> {
    stored.and_then(read_list).and_then(Result::ok)
}

/// The book text a slot's stored value stands for: the value itself, or its parts joined. A
/// missing part reads as a cut-off text (a write that did not finish).
pub fn resolve(kv: &impl KeyValue, stored: String) -> Result<String, LoadError> {
    let list = match read_list(&stored) {
        None => return Ok(stored),
        Some(list) => list?,
    };
    let mut text = String::new();
    for key in list.keys() {
        match kv.get(&key) {
            Some(part) => text.push_str(&part),
            None => return Err(LoadError::Truncated { expected: None, found: text.chars().count() }),
        }
    }
    Ok(text)
}

/// The parts that are there, joined, for "download the raw data"; the list itself when none is.
pub fn raw(kv: &impl KeyValue, stored: String) -> String {
    match read_list(&stored) {
        Some(Ok(list)) => {
            let joined: String = list.keys().filter_map(|k| kv.get(&k)).collect();
            if joined.is_empty() {
                stored
            } else {
                joined
            }
        }
        _ => stored,
    }
}

/// Byte ranges of `text` holding at most `part_chars` chars each (at least one range).
#[cfg(test)]
pub fn cut(text: &str, part_chars: usize) -> Vec<Range<usize>> {
    let mut cutter = Cutter::new(part_chars);
    while !cutter.step(text, usize::MAX) {}
    cutter.ranges(text)
}

/// Where to cut a text into parts, and its size in UTF-16 units, a piece at a time.
pub struct Cutter {
    part_chars: usize,
    pos: usize,
    chars: usize,
    units: usize,
    starts: Vec<usize>,
}

impl Cutter {
    pub fn new(part_chars: usize) -> Cutter {
        Cutter { part_chars: part_chars.max(1), pos: 0, chars: 0, units: 0, starts: vec![0] }
    }

    /// Reads up to `max_chars` more chars of `text` (the same at every step); true once all are.
    pub fn step(&mut self, text: &str, max_chars: usize) -> bool {
        let rest = text.get(self.pos..).unwrap_or_default();
        for (read, (i, c)) in rest.char_indices().enumerate() {
            if read == max_chars {
                self.pos += i;
                return false;
            }
            if self.chars > 0 && self.chars.is_multiple_of(self.part_chars) {
                self.starts.push(self.pos + i);
            }
            self.chars += 1;
            self.units += c.len_utf16();
        }
        self.pos = text.len();
        true
    }

    pub fn chars(&self) -> usize {
        self.chars
    }

    /// The text's length in UTF-16 units, what the quota counts.
    pub fn units(&self) -> usize {
        self.units
    }

    pub fn ranges(&self, text: &str) -> Vec<Range<usize>> {
        let ends = self.starts.iter().skip(1).copied().chain([text.len()]);
        self.starts.iter().zip(ends).map(|(&a, b)| a..b).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::slots::MemoryKv;

    #[test]
    fn a_list_reads_as_written_and_nothing_else_is_a_list() {
        let list = PartsList { gen: "m1abc-x7".into(), count: 3 };
        let text = list.to_text("2026-11-22T10:00:00Z");
        assert!(text.starts_with("cs-planner-book;schema=100;"), "{text}");
        assert!(text.ends_with("\ncs-planner-parts;gen=m1abc-x7;count=3"), "{text}");
        assert_eq!(read_list(&text), Some(Ok(list.clone())));
        assert_eq!(gen_named(Some(&text)), Some(list));
        // A book text, a newer schema, damage: not a list (the book decoder tells what).
        let book = crate::store::envelope::encode(&Default::default(), "t");
        assert_eq!(read_list(&book), None);
        assert_eq!(read_list(include_str!("../../tests/fixtures/store/newer.txt")), None);
        assert_eq!(read_list(&text.replace("count=3", "count=4")), None, "checksum");
        let bad = Envelope::seal(PARTS_SCHEMA, "t", "cs-planner-parts;gen=a.b;count=2".into()).to_text();
        assert_eq!(read_list(&bad), Some(Err(LoadError::Corrupt("the parts list does not read"))));
        let bad = Envelope::seal(PARTS_SCHEMA, "t", "something else".into()).to_text();
        assert!(matches!(read_list(&bad), Some(Err(_))));
    }

    #[test]
    fn a_version_before_parts_sees_a_newer_unreadable_book() {
        let text = PartsList { gen: "g".into(), count: 2 }.to_text("t");
        assert_eq!(
            crate::store::envelope::decode(&text),
            Err(LoadError::NewerVersion { found: PARTS_SCHEMA, supported: 2, readable: None })
        );
    }

    #[test]
    fn cuts_hold_at_most_so_many_chars_and_join_back() {
        let text: String = "客a户b".repeat(10);
        let mut cutter = Cutter::new(7);
        let mut steps = 0;
        while !cutter.step(&text, 3) {
            steps += 1;
        }
        assert_eq!((steps, cutter.chars(), cutter.units()), (13, 40, 40));
        assert_eq!(cutter.ranges(&text), cut(&text, 7));
        let mut cutter = Cutter::new(2);
        assert!(cutter.step("😀x", 9));
        assert_eq!((cutter.chars(), cutter.units()), (2, 3));
        for n in [1, 3, 7, 40, 100] {
            let parts = cut(&text, n);
            assert!(parts.iter().all(|r| text[r.clone()].chars().count() <= n));
            assert_eq!(parts.iter().map(|r| &text[r.clone()]).collect::<String>(), text);
            assert_eq!(parts.len(), 40usize.div_ceil(n));
        }
        assert_eq!(cut("", 5), vec![0..0]);
    }

    #[test]
    fn resolve_joins_parts_and_a_missing_one_is_a_cut() {
        let mut kv = MemoryKv::default();
        let list = PartsList { gen: "g1".into(), count: 2 };
        kv.set(&part_key("g1", 0), "abc").unwrap();
        kv.set(&part_key("g1", 1), "de").unwrap();
        let text = list.to_text("t");
        assert_eq!(resolve(&kv, text.clone()), Ok("abcde".into()));
        assert_eq!(resolve(&kv, "plain".into()), Ok("plain".into()));
        kv.remove(&part_key("g1", 1));
        assert_eq!(resolve(&kv, text.clone()), Err(LoadError::Truncated { expected: None, found: 3 }));
        assert_eq!(raw(&kv, text.clone()), "abc");
        kv.remove(&part_key("g1", 0));
        assert_eq!(raw(&kv, text.clone()), text);
        assert_eq!(gen_of(&part_key("m1-x", 12)), Some("m1-x"));
        assert_eq!(gen_of("cs-planner.book"), None);
    }
}
