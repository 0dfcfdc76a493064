use super::*;
use crate::domain::book::Account;
use crate::store::migrate::tests::fixture_book;

const V1: &str = include_str!("../../tests/fixtures/store/v1.txt");
const V2: &str = include_str!("../../tests/fixtures/store/v2.txt");
const TRUNCATED: &str = include_str!("../../tests/fixtures/store/truncated.txt");
const CORRUPT: &str = include_str!("../../tests/fixtures/store/corrupt.txt");
const NEWER: &str = include_str!("../../tests/fixtures/store/newer.txt");

const T1: &str = "2026-11-22T10:00:00Z";
const T2: &str = "2026-11-22T11:00:00Z";

fn kv(current: Option<&str>, good: Option<&str>) -> MemoryKv {
    let mut kv = MemoryKv::default();
    if let Some(t) = current {
        kv.set(CURRENT_KEY, t).unwrap();
    }
    if let Some(t) = good {
        kv.set(GOOD_KEY, t).unwrap();
    }
    kv
}

fn small_book(n: usize) -> Book {
    let accounts = (0..n).map(|i| Account { id: format!("a{i}"), name: format!("客户 {i}"), ..Default::default() });
    Book { accounts: accounts.collect() }
}

#[test]
fn fresh_start_then_save_fills_both_slots() {
    let (mut slots, start) = Slots::open(MemoryKv::default());
    assert_eq!(start, Start::Fresh);
    let saved = slots.save(&fixture_book(), T1).unwrap();
    assert!(saved.good_updated);
    let kv = slots.into_inner();
    assert_eq!(kv.get(CURRENT_KEY), kv.get(GOOD_KEY));
    assert_eq!(saved.chars, kv.get(CURRENT_KEY).unwrap().encode_utf16().count());
    let (_, start) = Slots::open(kv);
    let Start::Loaded { loaded, from: Slot::Current } = start else { panic!("{start:?}") };
    assert_eq!((loaded.book, loaded.saved_at.as_str()), (fixture_book(), T1));
}

#[test]
fn quota_exceeded_keeps_both_last_copies() {
    let (mut slots, _) = Slots::open(MemoryKv::default());
    slots.save(&small_book(3), T1).unwrap();
    let before = slots.into_inner();
    // Room for exactly what is stored now: any bigger book fails on the current slot.
    let quota = before.used();
    let (mut slots, _) = Slots::open(MemoryKv { quota: Some(quota), ..before.clone() });
    let err = slots.save(&small_book(300), T2).unwrap_err();
    assert!(matches!(err, SaveError::Quota { chars } if chars > quota / 2), "{err:?}");
    assert_eq!(slots.mode(), Mode::Writable, "the next save may succeed once the book shrinks");
    let after = slots.into_inner();
    assert_eq!(after.entries, before.entries);
    let (_, start) = Slots::open(after);
    assert!(matches!(start, Start::Loaded { ref loaded, .. } if loaded.book == small_book(3)));
}

#[test]
fn room_for_current_but_not_good_keeps_the_older_good_copy() {
    let (mut slots, _) = Slots::open(MemoryKv::default());
    slots.save(&small_book(3), T1).unwrap();
    let mut kv = slots.into_inner();
    let old_good = kv.get(GOOD_KEY).unwrap();
    let bigger = envelope::encode(&small_book(40), T2);
    // Both slots hold `old_good`; room for the current one to grow to `bigger`, no more.
    kv.quota = Some(kv.used() - units(&old_good) + units(&bigger));
    let (mut slots, _) = Slots::open(kv);
    let saved = slots.save(&small_book(40), T2).unwrap();
    assert_eq!(saved, Saved { chars: units(&bigger), good_updated: false });
    let kv = slots.into_inner();
    assert_eq!(kv.get(GOOD_KEY), Some(old_good.clone()));
    // At the next start the rotation fails the same way and still keeps the older copy.
    let (_, start) = Slots::open(kv.clone());
    assert!(matches!(start, Start::Loaded { ref loaded, from: Slot::Current } if loaded.book == small_book(40)));
    assert_eq!(kv.get(GOOD_KEY), Some(old_good));
}

#[test]
fn corrupt_current_offers_the_good_copy_and_blocks_saving() {
    let (mut slots, start) = Slots::open(kv(Some(CORRUPT), Some(V2)));
    let Start::Damaged { error, raw, good } = start else { panic!("{start:?}") };
    assert_eq!(error, LoadError::Corrupt("checksum does not match"));
    assert_eq!(raw, CORRUPT);
    assert_eq!(good.map(|g| g.book), Some(fixture_book()));
    assert_eq!(slots.save(&Book::default(), T1), Err(SaveError::Blocked(Mode::Damaged)));
    assert_eq!(slots.raw(Slot::Current).as_deref(), Some(CORRUPT), "nothing written while blocked");
    slots.resume();
    assert!(slots.save(&fixture_book(), T1).unwrap().good_updated);
}

#[test]
fn truncated_current_without_good_copy_is_damaged_with_nothing_to_offer() {
    let (slots, start) = Slots::open(kv(Some(TRUNCATED), None));
    assert!(matches!(start, Start::Damaged { error: LoadError::Truncated { .. }, good: None, .. }));
    assert_eq!(slots.mode(), Mode::Damaged);
    assert_eq!(slots.raw(Slot::Good), None, "the policy never invents a good copy");
}

#[test]
fn newer_version_is_read_only_and_left_untouched() {
    let (mut slots, start) = Slots::open(kv(Some(NEWER), Some(V2)));
    let Start::ReadOnly { found: 3, supported: 2, book: Some(loaded) } = start else { panic!("{start:?}") };
    assert_eq!(loaded.book, fixture_book());
    slots.resume();
    assert_eq!(slots.save(&fixture_book(), T1), Err(SaveError::Blocked(Mode::ReadOnly)));
    let kv = slots.into_inner();
    assert_eq!((kv.get(CURRENT_KEY).as_deref(), kv.get(GOOD_KEY).as_deref()), (Some(NEWER), Some(V2)));
}

#[test]
fn v1_current_is_migrated_and_rewritten_as_v2_on_save() {
    let (mut slots, start) = Slots::open(kv(Some(V1), None));
    let Start::Loaded { loaded, from: Slot::Current } = start else { panic!("{start:?}") };
    assert_eq!((loaded.stored_schema, loaded.book), (1, fixture_book()));
    // The readable v1 text became the good copy at start.
    assert_eq!(slots.raw(Slot::Good).as_deref(), Some(V1));
    slots.save(&fixture_book(), T1).unwrap();
    assert!(slots.raw(Slot::Current).unwrap().starts_with("cs-planner-book;schema=2;"));
}

#[test]
fn missing_current_falls_back_to_the_good_copy() {
    let (mut slots, start) = Slots::open(kv(None, Some(V2)));
    assert!(matches!(start, Start::Loaded { ref loaded, from: Slot::Good } if loaded.book == fixture_book()));
    assert_eq!(slots.mode(), Mode::Writable);
    slots.save(&small_book(1), T1).unwrap();
    assert_eq!(slots.raw(Slot::Current), slots.raw(Slot::Good));
}

#[test]
fn missing_current_and_damaged_good_offers_its_raw_text() {
    let (_, start) = Slots::open(kv(None, Some(CORRUPT)));
    assert_eq!(
        start,
        Start::Damaged { error: LoadError::Corrupt("checksum does not match"), raw: CORRUPT.into(), good: None }
    );
}

/// A storage that keeps only half of what it is given, as a write cut off by a crash would.
struct Halving(MemoryKv);

impl KeyValue for Halving {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), QuotaError> {
        let half: String = value.chars().take(value.chars().count() / 2).collect();
        self.0.set(key, &half)
    }
    fn remove(&mut self, key: &str) {
        self.0.remove(key)
    }
}

#[test]
fn text_that_does_not_read_back_never_reaches_the_good_slot() {
    let (mut slots, _) = Slots::open(Halving(kv(None, Some(V2))));
    assert_eq!(slots.save(&small_book(5), T1), Err(SaveError::Unreadable("storage returned other text")));
    assert_eq!(slots.raw(Slot::Good).as_deref(), Some(V2));
}

#[test]
fn a_book_holding_nan_still_saves() {
    // NaN != NaN, so a check by `==` would refuse this book forever.
    let mut book = fixture_book();
    book.accounts[0].fit = Some(f64::NAN);
    let (mut slots, _) = Slots::open(MemoryKv::default());
    assert!(slots.save(&book, T1).is_ok());
    let (_, start) = Slots::open(slots.into_inner());
    let Start::Loaded { loaded, .. } = start else { panic!("{start:?}") };
    assert!(loaded.book.accounts[0].fit.is_some_and(f64::is_nan));
}

#[test]
fn erase_removes_both_slots() {
    let (mut slots, _) = Slots::open(kv(Some(V2), Some(V2)));
    slots.erase();
    assert!(slots.into_inner().entries.is_empty());
}

#[test]
fn memory_quota_counts_utf16_units_of_keys_and_values() {
    let mut kv = MemoryKv::with_quota(6);
    assert_eq!(kv.set("k", "客户😀"), Ok(())); // 1 + 1 + 1 + 2 units
    assert_eq!(kv.used(), 5);
    assert_eq!(kv.set("k", "客户😀ab"), Err(QuotaError));
    assert_eq!(kv.get("k").as_deref(), Some("客户😀"));
    assert_eq!(kv.set("k", "ab"), Ok(()));
    assert_eq!(kv.used(), 3);
}
