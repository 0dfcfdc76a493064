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
        // ';' and line breaks would end the header field early; ISO-8601 has neither.
        let saved_at: String = saved_at.chars().filter(|c| !matches!(c, ';' | '\n' | '\r')).collect();
        let length = payload.chars().count();
        let checksum = checksum(schema, length, &saved_at, &payload);
        Envelope { schema, saved_at, checksum, payload }
    }

    pub fn to_text(&self) -> String {
        let length = self.payload.chars().count();
        let mut out = format!(
            "{MAGIC};schema={};length={length};checksum={:08x};saved_at={}\n",
            self.schema, self.checksum, self.saved_at
        );
        out.push_str(&self.payload);
        out
    }

    /// Checks the header, length and checksum; does not look inside the payload.
    pub fn parse(text: &str) -> Result<Envelope, LoadError> {
        if text.trim().is_empty() {
            return Err(LoadError::Empty);
        }
        let found = text.chars().count();
        let Some((header, payload)) = text.split_once('\n') else {
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
        let (Some(schema), Some(length), Some(sum), Some(saved_at)) = (schema, length, sum, saved_at) else {
            return Err(LoadError::Corrupt("header is incomplete"));
        };
        let have = payload.chars().count();
        if have < length {
            let expected = found.checked_add(length - have);
            return Err(LoadError::Truncated { expected, found });
        }
        if have > length {
            return Err(LoadError::Corrupt("longer than recorded"));
        }
        if checksum(schema, length, &saved_at, payload) != sum {
            return Err(LoadError::Corrupt("checksum does not match"));
        }
        Ok(Envelope { schema, saved_at, checksum: sum, payload: payload.to_string() })
    }
}

/// The book in the current schema, as one string for one storage key.
pub fn encode(book: &Book, saved_at: &str) -> String {
    Envelope::seal(CURRENT_SCHEMA, saved_at, super::codec::encode(book)).to_text()
}

/// `encode` for saving: the payload is proven to read back the same (`codec::encode_verified`)
/// and the envelope to parse, before anything is written.
pub fn encode_verified(book: &Book, saved_at: &str) -> Result<String, &'static str> {
    let payload = super::codec::encode_verified(book).map_err(|e| e.0)?;
    let text = Envelope::seal(CURRENT_SCHEMA, saved_at, payload).to_text();
    Envelope::parse(&text).map_err(|_| "the envelope does not read back")?;
    Ok(text)
}

/// Reads any schema this version knows, migrating older ones.
pub fn decode(text: &str) -> Result<Loaded, LoadError> {
    let env = Envelope::parse(text)?;
    if env.schema > CURRENT_SCHEMA {
        // A newer app may have kept the current payload format; if so, show its book.
        let readable = read_payload(CURRENT_SCHEMA, &env.payload)
            .ok()
            .map(|book| Box::new(Loaded { book, saved_at: env.saved_at, stored_schema: env.schema }));
        return Err(LoadError::NewerVersion { found: env.schema, supported: CURRENT_SCHEMA, readable });
    }
    let book = read_payload(env.schema, &env.payload).map_err(LoadError::Corrupt)?;
    Ok(Loaded { book, saved_at: env.saved_at, stored_schema: env.schema })
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
