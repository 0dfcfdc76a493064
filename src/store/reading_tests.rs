use super::*;
use crate::domain::book::Book;
use crate::store::codec::accounts_to_bytes;
use crate::store::migrate::tests::{fixture_book, CORRUPT, NEWER, NEWER_UNREADABLE, TRUNCATED, V1, V2};
use crate::store::parts::part_key;
use crate::store::sample;
use crate::store::slots::{MemoryKv, Slots, CURRENT_KEY};

const T: &str = "2026-11-27T04:00:00Z";

/// The reading, one piece of work a step; what it read and the number of steps.
fn piece_by_piece(kv: &MemoryKv, stored: &str) -> (Result<Loaded, LoadError>, usize) {
    let mut reading = Reading::new(stored.to_string());
    let mut steps = 0;
    loop {
        steps += 1;
        if let Some(done) = reading.step(kv, &mut || true) {
            assert_eq!(reading.pieces(), steps, "one piece a step");
            return (done, steps);
        }
    }
}

/// The book's bytes in the stored encoding: equal books that `==` could not tell (NaN).
fn bytes(loaded: &Result<Loaded, LoadError>) -> Option<Vec<u8>> {
    loaded.as_ref().ok().map(|l| accounts_to_bytes(&l.book.accounts))
}

/// The slots' storage after `book` was saved with parts of `part_chars`.
fn saved(book: &Book, part_chars: usize) -> MemoryKv {
    let mut slots = Slots::open(MemoryKv::default()).0.with_part_chars(part_chars);
    slots.save(book, T).unwrap();
    slots.into_inner()
}

/// Read piece by piece, `stored` gives what `read` gives in one go, byte for byte; the steps.
fn same_as_one_go(kv: &MemoryKv, stored: &str) -> usize {
    let one_go = read(kv, stored.to_string());
    let (by_piece, steps) = piece_by_piece(kv, stored);
    assert_eq!(by_piece, one_go);
    assert_eq!(bytes(&by_piece), bytes(&one_go));
    steps
}

#[test]
fn a_book_stored_whole_reads_as_in_one_go() {
    let book = sample::book(3000, 7);
    let kv = saved(&book, usize::MAX);
    let stored = kv.get(CURRENT_KEY).unwrap();
    assert!(!stored.starts_with("cs-planner-book;schema=100;"), "stored whole");
    let steps = same_as_one_go(&kv, &stored);
    // Count, sum (one piece each under 256 KiB), unpack, inflate 16 KiB a piece, then 20
    // columns, some in pieces of 4,096 accounts: dozens of pieces, none of them the whole.
    assert!(steps > 25, "{steps} steps");
    let (loaded, _) = piece_by_piece(&kv, &stored);
    let loaded = loaded.unwrap();
    assert_eq!(loaded.book, book);
    assert_eq!((loaded.saved_at.as_str(), loaded.stored_schema), (T, 2));
}

#[test]
fn a_book_stored_in_parts_reads_as_in_one_go() {
    let book = sample::book(2000, 11);
    // Parts of 3,000 chars: the ~36 K chars of 2,000 accounts take a dozen.
    let kv = saved(&book, 3000);
    let stored = kv.get(CURRENT_KEY).unwrap();
    let list = parts::read_list(&stored).unwrap().unwrap();
    assert!(list.count >= 10, "{} parts", list.count);
    let steps = same_as_one_go(&kv, &stored);
    // One step a part, then as a whole text.
    assert!(steps > list.count + 25, "{steps} steps for {} parts", list.count);
    assert_eq!(piece_by_piece(&kv, &stored).0.map(|l| l.book), Ok(book));
}

#[test]
fn the_stored_fixtures_read_as_in_one_go() {
    let kv = MemoryKv::default();
    for (name, text) in [("v1", V1), ("v2", V2), ("newer", NEWER)] {
        let steps = same_as_one_go(&kv, text);
        assert!(steps >= 1, "{name}");
    }
    assert_eq!(piece_by_piece(&kv, V1).0.map(|l| (l.book, l.stored_schema)), Ok((fixture_book(), 1)));
    assert_eq!(piece_by_piece(&kv, V2).0.map(|l| l.book), Ok(fixture_book()));
    // The fixture stored in five parts, key by key.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store/parts");
    let mut parts = MemoryKv::default();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let key = entry.file_name().into_string().unwrap();
        parts.set(&key, &std::fs::read_to_string(entry.path()).unwrap()).unwrap();
    }
    let stored = parts.get(CURRENT_KEY).unwrap();
    same_as_one_go(&parts, &stored);
    assert_eq!(piece_by_piece(&parts, &stored).0.map(|l| l.book), Ok(fixture_book()));
}

#[test]
fn damage_reads_as_the_same_error() {
    let kv = MemoryKv::default();
    for text in [TRUNCATED, CORRUPT, NEWER_UNREADABLE, "", "   ", "not a book", "cs-planner-bo"] {
        let (by_piece, _) = piece_by_piece(&kv, text);
        assert!(by_piece.is_err(), "{text:.40}");
        same_as_one_go(&kv, text);
    }
    assert_eq!(piece_by_piece(&kv, "").0, Err(LoadError::Empty));
    assert!(matches!(piece_by_piece(&kv, TRUNCATED).0, Err(LoadError::Truncated { .. })));
    assert_eq!(piece_by_piece(&kv, CORRUPT).0, Err(LoadError::Corrupt("checksum does not match")));
    assert!(matches!(piece_by_piece(&kv, NEWER).0, Err(LoadError::NewerVersion { found: 3, readable: Some(_), .. })));
}

#[test]
fn a_part_gone_meanwhile_is_a_cut_off_book() {
    let book = sample::book(500, 3);
    let mut kv = saved(&book, 2000);
    let stored = kv.get(CURRENT_KEY).unwrap();
    let list = parts::read_list(&stored).unwrap().unwrap();
    let first = kv.get(&part_key(&list.gen, 0)).unwrap();
    let second = kv.get(&part_key(&list.gen, 1)).unwrap();
    // Two parts read, then the third is tidied away by a newer save.
    let mut reading = Reading::new(stored.clone());
    assert!(reading.step(&kv, &mut || true).is_none(), "the list");
    assert!(reading.step(&kv, &mut || true).is_none(), "part 0");
    assert!(reading.step(&kv, &mut || true).is_none(), "part 1");
    kv.remove(&part_key(&list.gen, 2));
    let found = first.chars().count() + second.chars().count();
    assert_eq!(reading.step(&kv, &mut || true), Some(Err(LoadError::Truncated { expected: None, found })));
    same_as_one_go(&kv, &stored);
    // A reading that is over says so rather than read again.
    assert_eq!(reading.step(&kv, &mut || true), Some(Err(LoadError::Corrupt("the reading is already done"))));
}

#[test]
fn finish_reads_the_rest_in_one_go() {
    let book = sample::book(1000, 5);
    let kv = saved(&book, 4000);
    let stored = kv.get(CURRENT_KEY).unwrap();
    let mut reading = Reading::new(stored.clone());
    let mut left = 3;
    assert!(reading
        .step(&kv, &mut || {
            left -= 1;
            left == 0
        })
        .is_none());
    assert_eq!(reading.pieces(), 3);
    assert_eq!(reading.finish(&kv), read(&kv, stored));
}
