//! The one string stored under a localStorage key: a header line, then the payload.
//!
//! `cs-planner-book;schema=2;length=1234;checksum=89abcdef;saved_at=2026-11-22T20:15:00Z\n…`
//!
//! A readable header rather than JSON: the payload needs no escaping, a person who downloads
//! the raw text sees what it is, and `length` tells a cut-off copy (truncated) from a damaged
//! one (checksum). The checksum also covers the header's values.

use crate::domain::book::Book;
use crate::i18n::Msg;

use super::migrate::{read_payload, CURRENT_SCHEMA};

const MAGIC: &str = "cs-planner-book";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub schema: u32,
    /// ISO-8601 UTC, from the caller: pure code has no clock.
    pub saved_at: String,
    /// FNV-1a (32 bit) over schema, length, saved_at and the payload.
    pub checksum: u32,
    pub payload: String,
}

/// A book read from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub book: Book,
    pub saved_at: String,
    /// The schema it was stored in; below `CURRENT_SCHEMA` it was migrated on reading and the
    /// next save writes it in the current one.
    pub stored_schema: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Nothing stored (or only blanks).
    Empty,
    /// The text stops early: a write cut off. Lengths in chars of the whole stored text.
    Truncated { expected: Option<usize>, found: usize },
    /// Not a book, or a book whose checksum or content does not hold.
    Corrupt(&'static str),
    /// Written by a newer version of the app. `readable` is the book when this version can
    /// still read its payload: show it read-only, and never overwrite it.
    NewerVersion { found: u32, supported: u32, readable: Option<Box<Loaded>> },
}

impl LoadError {
    /// What to tell the user; `Empty` is no error to them (a fresh start).
    pub fn message(&self) -> Option<Msg> {
        match self {
            LoadError::Empty => None,
            LoadError::Truncated { .. } => Some(Msg::StorageTruncated),
            LoadError::Corrupt(_) => Some(Msg::StorageCorrupt),
            LoadError::NewerVersion { readable: Some(_), .. } => Some(Msg::StorageNewer),
            LoadError::NewerVersion { readable: None, .. } => Some(Msg::StorageNewerUnreadable),
        }
    }
}

impl Envelope {
    pub fn seal(schema: u32, saved_at: &str, payload: String) -> Envelope {
        let saved_at = header_safe(saved_at);
        let length = payload.chars().count();
        let checksum = checksum(schema, length, &saved_at, &payload);
        Envelope { schema, saved_at, checksum, payload }
    }

    pub fn to_text(&self) -> String {
        let length = self.payload.chars().count();
        let mut out = header_line(self.schema, length, self.checksum, &self.saved_at);
        out.push_str(&self.payload);
        out
    }

    /// Checks the header, length and checksum; does not look inside the payload.
    pub fn parse(text: &str) -> Result<Envelope, LoadError> {
        let header = Header::parse(text)?;
        let payload = &text[header.payload_at..];
        header.check_length(text, payload.chars().count())?;
        header.check_sum(fnv1a(header.hash_start(), payload.as_bytes()))?;
        let Header { schema, saved_at, checksum, .. } = header;
        Ok(Envelope { schema, saved_at, checksum, payload: payload.to_string() })
    }
}

/// ';' and line breaks would end the header field early; ISO-8601 has neither.
fn header_safe(saved_at: &str) -> String {
    saved_at.chars().filter(|c| !matches!(c, ';' | '\n' | '\r')).collect()
}

fn header_line(schema: u32, length: usize, checksum: u32, saved_at: &str) -> String {
    format!("{MAGIC};schema={schema};length={length};checksum={checksum:08x};saved_at={saved_at}\n")
}

/// The header line of a stored text, read; the payload starts at byte `payload_at`.
struct Header {
    schema: u32,
    length: usize,
    checksum: u32,
    saved_at: String,
    payload_at: usize,
}

impl Header {
    fn parse(text: &str) -> Result<Header, LoadError> {
        if text.trim().is_empty() {
            return Err(LoadError::Empty);
        }
        let Some((header, _)) = text.split_once('\n') else {
            let found = text.chars().count();
            return Err(if MAGIC.starts_with(text) || text.starts_with(MAGIC) {
                LoadError::Truncated { expected: None, found }
            } else {
                LoadError::Corrupt("not a CS Planner book")
            });
        };
        let mut fields = header.split(';');
        if fields.next() != Some(MAGIC) {
            return Err(LoadError::Corrupt("not a CS Planner book"));
        }
        let (mut schema, mut length, mut sum, mut saved_at) = (None, None, None, None);
        for field in fields {
            match field.split_once('=') {
                Some(("schema", v)) => schema = v.parse::<u32>().ok(),
                Some(("length", v)) => length = v.parse::<usize>().ok(),
                Some(("checksum", v)) => sum = u32::from_str_radix(v, 16).ok(),
                Some(("saved_at", v)) => saved_at = Some(v.to_string()),
                // Later schemas may add fields; they stay readable here.
                _ => {}
            }
        }
        let (Some(schema), Some(length), Some(checksum), Some(saved_at)) = (schema, length, sum, saved_at) else {
            return Err(LoadError::Corrupt("header is incomplete"));
        };
        Ok(Header { schema, length, checksum, saved_at, payload_at: header.len() + 1 })
    }

    /// `have` is the payload's length in chars.
    fn check_length(&self, text: &str, have: usize) -> Result<(), LoadError> {
        if have < self.length {
            let found = text[..self.payload_at].chars().count() + have;
            let expected = found.checked_add(self.length - have);
            return Err(LoadError::Truncated { expected, found });
        }
        if have > self.length {
            return Err(LoadError::Corrupt("longer than recorded"));
        }
        Ok(())
    }

    /// The checksum's state after the header's values, before the payload.
    fn hash_start(&self) -> u32 {
        let header = format!("{};{};{}\n", self.schema, self.length, self.saved_at);
        fnv1a(FNV_OFFSET, header.as_bytes())
    }

    fn check_sum(&self, sum: u32) -> Result<(), LoadError> {
        if sum != self.checksum {
            return Err(LoadError::Corrupt("checksum does not match"));
        }
        Ok(())
    }
}

/// Bytes of payload counted or summed in one piece.
const PIECE: usize = 256 << 10;

/// Chars (UTF-8 lead bytes) in a piece of a string's bytes cut anywhere.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xc0 != 0x80).count()
}

/// The book in the current schema, as one string for one storage key.
pub fn encode(book: &Book, saved_at: &str) -> String {
    Envelope::seal(CURRENT_SCHEMA, saved_at, super::codec::encode(book)).to_text()
}

/// `Envelope::seal(CURRENT_SCHEMA, saved_at, payload).to_text()` a piece at a time: the
/// payload's chars are counted, then summed, 256 KiB a step.
pub struct Sealing {
    saved_at: String,
    payload: String,
    at: usize,
    chars: usize,
    /// The checksum so far, once the length is known.
    hash: Option<u32>,
}

impl Sealing {
    pub fn new(saved_at: &str, payload: String) -> Sealing {
        Sealing { saved_at: header_safe(saved_at), payload, at: 0, chars: 0, hash: None }
    }

    /// The next piece; the stored text once done.
    pub fn step(&mut self) -> Option<String> {
        let bytes = self.payload.as_bytes();
        let end = (self.at + PIECE).min(bytes.len());
        match self.hash {
            None => {
                self.chars += chars_in(&bytes[self.at..end]);
                self.at = end;
                if end == bytes.len() {
                    let header = format!("{CURRENT_SCHEMA};{};{}\n", self.chars, self.saved_at);
                    self.hash = Some(fnv1a(FNV_OFFSET, header.as_bytes()));
                    self.at = 0;
                }
                None
            }
            Some(hash) => {
                let hash = fnv1a(hash, &bytes[self.at..end]);
                self.hash = Some(hash);
                self.at = end;
                if end < bytes.len() {
                    return None;
                }
                let mut text = header_line(CURRENT_SCHEMA, self.chars, hash, &self.saved_at);
                text.push_str(&self.payload);
                Some(text)
            }
        }
    }
}

/// `decode` a piece at a time, for a save to prove what it is about to store: the payload is
/// counted and summed 256 KiB a step, then a current-schema payload decoded as
/// `codec::Decoding` does. Every step is given the same text.
pub struct Opening {
    header: Header,
    at: usize,
    chars: usize,
    hash: Option<u32>,
    payload: Option<super::codec::Decoding>,
}

impl Opening {
    pub fn new(text: &str) -> Result<Opening, LoadError> {
        Ok(Opening { header: Header::parse(text)?, at: 0, chars: 0, hash: None, payload: None })
    }

    /// The next piece; the book once read.
    pub fn step(&mut self, text: &str) -> Result<Option<Loaded>, LoadError> {
        let h = &self.header;
        let payload = text.get(h.payload_at..).unwrap_or_default();
        let bytes = payload.as_bytes();
        let end = (self.at + PIECE).min(bytes.len());
        if let Some(decoding) = self.payload.as_mut() {
            return Ok(decoding.step(payload).map_err(|e| LoadError::Corrupt(e.0))?.map(|book| self.loaded(book)));
        }
        match self.hash {
            None => {
                self.chars += chars_in(&bytes[self.at..end]);
                self.at = end;
                if end == bytes.len() {
                    h.check_length(text, self.chars)?;
                    self.hash = Some(h.hash_start());
                    self.at = 0;
                }
            }
            Some(hash) => {
                let hash = fnv1a(hash, &bytes[self.at..end]);
                self.hash = Some(hash);
                self.at = end;
                if end == bytes.len() {
                    h.check_sum(hash)?;
                    if h.schema != CURRENT_SCHEMA {
                        // Older schemas (a migration) and newer ones are read in one go.
                        return read(h.schema, h.saved_at.clone(), payload).map(Some);
                    }
                    self.payload = Some(super::codec::Decoding::new(payload).map_err(|e| LoadError::Corrupt(e.0))?);
                }
            }
        }
        Ok(None)
    }

    fn loaded(&self, book: Book) -> Loaded {
        Loaded { book, saved_at: self.header.saved_at.clone(), stored_schema: self.header.schema }
    }
}

/// Reads any schema this version knows, migrating older ones.
pub fn decode(text: &str) -> Result<Loaded, LoadError> {
    let mut opening = Opening::new(text)?;
    loop {
        if let Some(loaded) = opening.step(text)? {
            return Ok(loaded);
        }
    }
}

/// A checked payload of `schema` as a book, or why not.
fn read(schema: u32, saved_at: String, payload: &str) -> Result<Loaded, LoadError> {
    if schema > CURRENT_SCHEMA {
        // A newer app may have kept the current payload format; if so, show its book.
        let readable = read_payload(CURRENT_SCHEMA, payload)
            .ok()
            .map(|book| Box::new(Loaded { book, saved_at, stored_schema: schema }));
        return Err(LoadError::NewerVersion { found: schema, supported: CURRENT_SCHEMA, readable });
    }
    let book = read_payload(schema, payload).map_err(LoadError::Corrupt)?;
    Ok(Loaded { book, saved_at, stored_schema: schema })
}

fn checksum(schema: u32, length: usize, saved_at: &str, payload: &str) -> u32 {
    let header = format!("{schema};{length};{saved_at}\n");
    fnv1a(fnv1a(FNV_OFFSET, header.as_bytes()), payload.as_bytes())
}

const FNV_OFFSET: u32 = 0x811c_9dc5;

/// FNV-1a, 32 bit: a few lines, and enough to notice damage (not tampering).
fn fnv1a(mut hash: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    hash
}

#[cfg(test)]
#[path = "envelope_tests.rs"]
mod tests;
