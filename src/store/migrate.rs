//! Schema versions of the stored book, and how each older one is read into today's model.
//!
//! | schema | payload |
//! |---|---|
//! | 1 | `serde_json::to_string(&Book)`: plain JSON, ~680 chars an account (too big for 10k) |
//! | 2 | `codec`: columns, deflate, 15 bits a char, ~17 chars an account |
//! | 100 | not a payload: the list of a long book's parts (`parts.rs`), read before decoding |
//!
//! Both describe the same `Book`, so 1 → 2 is "parse the JSON"; the next save writes 2.
//! A schema that changes the model adds a step here that turns the older `Book` into the new
//! one, and keeps a fixture of the older text in `tests/fixtures/store/`.

use crate::domain::book::Book;

pub const CURRENT_SCHEMA: u32 = 2;

/// The payload of `schema` as a book of the current model.
pub fn read_payload(schema: u32, payload: &str) -> Result<Book, &'static str> {
    match schema {
        1 => from_v1(payload),
        2 => super::codec::decode(payload).map_err(|e| e.0),
        _ => Err("unknown schema version"),
    }
}

fn from_v1(json: &str) -> Result<Book, &'static str> {
    serde_json::from_str(json).map_err(|_| "the book's JSON does not parse")
}

#[cfg(test)]
#[path = "migrate_tests.rs"]
pub(crate) mod tests;
