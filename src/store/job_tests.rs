use super::*;
use crate::store::envelope::LoadError;
use crate::store::migrate::tests::fixture_book;
use crate::store::parts::{part_key, PART_PREFIX};
use crate::store::sample;
use crate::store::slots::{MemoryKv, Slot, Start};

const T1: &str = "2026-11-22T10:00:00Z";
const T2: &str = "2026-11-22T11:00:00Z";
const V2: &str = include_str!("../../tests/fixtures/store/v2.txt");

/// Parts of 2,000 chars: a 500-account book (~9 K chars) takes five.
const SMALL_PARTS: usize = 2000;

fn slots(kv: MemoryKv) -> Slots<MemoryKv> {
    Slots::open(kv).0.with_part_chars(SMALL_PARTS)
}

/// The job, one piece of work a step; the number of steps.
fn piece_by_piece<K: KeyValue>(slots: &mut Slots<K>, book: &Book, gen: &str) -> (Result<Saved, SaveError>, usize) {
    let mut job = SaveJob::new(T2, gen);
    let mut steps = 0;
    loop {
        steps += 1;
        if let Some(done) = job.step(slots, book, &mut || true) {
            return (done, steps);
        }
    }
}

fn loaded(kv: MemoryKv) -> Book {
    match Slots::open(kv).1 {
        Start::Loaded { loaded, from: Slot::Current } => loaded.book,
        other => panic!("{other:?}"),
    }
}

fn part_keys(kv: &MemoryKv) -> Vec<&String> {
    kv.entries.keys().filter(|k| k.starts_with(PART_PREFIX)).collect()
}

#[test]
fn piece_by_piece_stores_what_one_go_stores() {
    let book = sample::book(3000, 5);
    let mut whole = slots(MemoryKv::default()).with_part_chars(usize::MAX);
    let saved = SaveJob::new(T2, "g").finish(&mut whole, &book).unwrap();
    let mut pieces = slots(MemoryKv::default()).with_part_chars(usize::MAX);
    let (by_piece, steps) = piece_by_piece(&mut pieces, &book, "g");
    assert_eq!(by_piece, Ok(saved));
    assert_eq!(pieces.into_inner().entries, whole.into_inner().entries);
    // Columns, deflate, pack, count, sum, decode, compare, write: dozens of small pieces.
    assert!(steps > 40, "{steps} steps");
    let kv = whole_kv(&book);
    assert_eq!(kv.get(CURRENT_KEY), Some(crate::store::envelope::encode(&book, T2)), "the text `encode` gives");
}

fn whole_kv(book: &Book) -> MemoryKv {
    let mut s = slots(MemoryKv::default()).with_part_chars(usize::MAX);
    s.save(book, T2).unwrap();
    s.into_inner()
}

#[test]
fn a_long_text_is_stored_in_parts_that_both_slots_name() {
    let book = sample::book(500, 3);
    let mut s = slots(MemoryKv::default());
    let saved = s.save(&book, T1).unwrap();
    assert!(saved.good_updated);
    let kv = s.into_inner();
    let current = kv.get(CURRENT_KEY).unwrap();
    let list = parts::gen_named(Some(&current)).expect("a parts list");
    assert!(list.count >= 3, "{list:?}");
    assert_eq!(kv.get(GOOD_KEY), Some(current.clone()));
    assert_eq!(part_keys(&kv).len(), list.count);
    let joined: String = list.keys().map(|k| kv.get(&k).unwrap()).collect();
    assert_eq!(joined, crate::store::envelope::encode(&book, T1));
    assert_eq!(saved.chars, joined.encode_utf16().count());
    assert_eq!(loaded(kv.clone()), book);
    // The next save writes a new generation and removes the old one.
    let mut s = Slots::open(kv).0.with_part_chars(SMALL_PARTS);
    let bigger = sample::book(600, 4);
    s.save(&bigger, T2).unwrap();
    let kv = s.into_inner();
    let now = parts::gen_named(kv.get(CURRENT_KEY).as_deref()).unwrap();
    assert_ne!(now.gen, list.gen);
    assert_eq!(part_keys(&kv).len(), now.count, "no part of the old generation is left");
    assert_eq!(loaded(kv), bigger);
}

#[test]
fn a_save_cut_off_anywhere_leaves_the_last_book_readable() {
    for (before, after) in [(sample::book(400, 1), sample::book(450, 2)), (fixture_book(), sample::book(450, 2))] {
        for part_chars in [SMALL_PARTS, usize::MAX] {
            let mut s = slots(MemoryKv::default()).with_part_chars(part_chars);
            s.save(&before, T1).unwrap();
            let mut job = SaveJob::new(T2, "next");
            let mut cut_points = 0;
            loop {
                // A tab closed (or crashed) after this piece: what does the next start find?
                let snapshot = s.kv_mut().clone();
                let found = loaded(snapshot);
                assert!(found == before || found == after, "cut after piece {cut_points}");
                cut_points += 1;
                if let Some(done) = job.step(&mut s, &after, &mut || true) {
                    done.unwrap();
                    break;
                }
            }
            assert_eq!(loaded(s.into_inner()), after);
        }
    }
}

#[test]
fn quota_on_a_part_removes_the_new_parts_and_keeps_both_slots() {
    let mut s = slots(MemoryKv::default());
    s.save(&sample::book(300, 1), T1).unwrap();
    let before = s.into_inner();
    // Room for two more parts, not for the seven of the bigger book.
    let quota = before.used() + 2 * (SMALL_PARTS + 40);
    let mut s = slots(MemoryKv { quota: Some(quota), ..before.clone() });
    let err = s.save(&sample::book(700, 2), T2).unwrap_err();
    assert!(matches!(err, SaveError::Quota { chars } if chars > 3 * SMALL_PARTS), "{err:?}");
    assert_eq!(s.mode(), Mode::Writable);
    assert_eq!(s.into_inner().entries, before.entries);
}

#[test]
fn a_changed_book_fails_the_comparison_never_stores() {
    let book = sample::book(200, 1);
    let mut other = book.clone();
    other.accounts[150].name.push('!');
    let mut s = slots(MemoryKv::default());
    s.save(&fixture_book(), T1).unwrap();
    let before = s.kv_mut().clone();
    let mut job = SaveJob::new(T2, "g");
    let mut given = &book;
    let result = loop {
        // The caller breaks the rule: the book changes half-way, while the job reads it.
        if !job.reads_book() {
            panic!("the comparison should have failed");
        }
        if job.pieces() > 5 {
            given = &other;
        }
        if let Some(done) = job.step(&mut s, given, &mut || true) {
            break done;
        }
    };
    assert_eq!(result, Err(SaveError::Unreadable("the book does not read back the same")));
    assert_eq!(s.into_inner().entries, before.entries);
}

#[test]
fn an_abandoned_job_leaves_no_parts_a_committed_one_is_finished() {
    let book = sample::book(500, 3);
    let mut s = slots(MemoryKv::default());
    s.save(&fixture_book(), T1).unwrap();
    let before = s.kv_mut().clone();
    let mut job = SaveJob::new(T2, "g");
    while part_keys(s.kv_mut()).len() < 2 {
        assert!(job.step(&mut s, &book, &mut || true).is_none());
    }
    assert!(!job.reads_book() && !job.committed());
    job.abandon(&mut s, &book);
    assert_eq!(s.kv_mut().entries, before.entries);

    let mut job = SaveJob::new(T2, "g");
    while !job.committed() {
        assert!(job.step(&mut s, &book, &mut || true).is_none());
    }
    job.abandon(&mut s, &book);
    let kv = s.into_inner();
    assert_eq!(kv.get(GOOD_KEY), kv.get(CURRENT_KEY), "the good slot followed");
    assert_eq!(loaded(kv), book);
}

#[test]
fn from_one_key_to_parts_and_back() {
    // A book stored by the previous version, whole under one key.
    let mut kv = MemoryKv::default();
    kv.set(CURRENT_KEY, V2).unwrap();
    kv.set(GOOD_KEY, V2).unwrap();
    let (s, start) = Slots::open(kv);
    assert!(matches!(start, Start::Loaded { ref loaded, .. } if loaded.book == fixture_book()));
    let mut s = s.with_part_chars(SMALL_PARTS);
    let big = sample::book(500, 9);
    s.save(&big, T1).unwrap();
    assert!(parts::gen_named(s.kv_mut().get(CURRENT_KEY).as_deref()).is_some());
    assert_eq!(s.raw(Slot::Current), Some(crate::store::envelope::encode(&big, T1)), "raw joins the parts");
    s.save(&fixture_book(), T2).unwrap();
    let kv = s.into_inner();
    assert!(part_keys(&kv).is_empty(), "a book back under one key leaves no part");
    assert_eq!(kv.get(CURRENT_KEY), kv.get(GOOD_KEY));
    assert_eq!(loaded(kv), fixture_book());
}

#[test]
fn a_missing_part_is_a_cut_off_book_and_the_good_copy_is_offered() {
    let mut s = slots(MemoryKv::default());
    s.save(&sample::book(500, 3), T1).unwrap();
    let mut kv = s.into_inner();
    let list = parts::gen_named(kv.get(CURRENT_KEY).as_deref()).unwrap();
    // The good slot still holds an older book under one key (its copy did not fit then).
    kv.set(GOOD_KEY, V2).unwrap();
    kv.remove(&part_key(&list.gen, 2));
    let (s, start) = Slots::open(kv);
    let Start::Damaged { error, good, raw } = start else { panic!("{start:?}") };
    assert!(matches!(error, LoadError::Truncated { .. }), "{error:?}");
    assert_eq!(good.map(|g| g.book), Some(fixture_book()));
    assert!(raw.starts_with("cs-planner-book;schema=2;"), "the parts that are there");
    assert_eq!(s.mode(), Mode::Damaged);
}

#[test]
fn a_save_cut_between_its_slots_is_completed_at_the_next_start() {
    let mut s = slots(MemoryKv::default());
    s.save(&sample::book(500, 3), T1).unwrap();
    let old = parts::gen_named(s.kv_mut().get(GOOD_KEY).as_deref()).unwrap();
    let book = sample::book(520, 4);
    let mut job = SaveJob::new(T2, "n");
    while !job.committed() {
        assert!(job.step(&mut s, &book, &mut || true).is_none());
    }
    // Closed here: the current slot names the new parts, the good slot the old ones.
    let kv = s.into_inner();
    assert_ne!(kv.get(CURRENT_KEY), kv.get(GOOD_KEY));
    let (s, start) = Slots::open(kv);
    assert!(matches!(start, Start::Loaded { ref loaded, .. } if loaded.book == book));
    let kv = s.into_inner();
    assert_eq!(kv.get(CURRENT_KEY), kv.get(GOOD_KEY));
    assert!(old.keys().all(|k| kv.get(&k).is_none()), "the old parts went with the old list");
}

#[test]
fn sweep_removes_only_stale_parts_no_slot_names() {
    let mut s = slots(MemoryKv::default());
    let now: u64 = 1_800_000_000_000;
    let gen = |ms: u64| format!("{}-r", to_base36(ms));
    let named = gen(now - 2 * STALE);
    let book = sample::book(500, 3);
    SaveJob::new(T1, &named).finish(&mut s, &book).unwrap();
    let kv = s.kv_mut();
    for (g, i) in [(gen(now - 2 * STALE), 9), (gen(now - 60_000), 0), ("other".to_string(), 0)] {
        kv.set(&part_key(&g, i), "x").unwrap();
    }
    let stale_orphan = gen(now - 2 * STALE - 1);
    kv.set(&part_key(&stale_orphan, 0), "x").unwrap();
    let before = part_keys(kv).len();
    s.sweep(now);
    let kv = s.into_inner();
    assert_eq!(part_keys(&kv).len(), before - 1, "only the stale orphan went");
    assert!(kv.get(&part_key(&stale_orphan, 0)).is_none());
    assert_eq!(loaded(kv), book);
}

const STALE: u64 = crate::store::slots::STALE_PARTS_MS;

fn to_base36(mut n: u64) -> String {
    let mut out = Vec::new();
    while n > 0 {
        out.push(char::from_digit((n % 36) as u32, 36).unwrap());
        n /= 36;
    }
    out.iter().rev().collect()
}

#[test]
fn erase_removes_the_parts_too() {
    let mut s = slots(MemoryKv::default());
    s.save(&sample::book(500, 3), T1).unwrap();
    s.erase();
    assert!(s.into_inner().entries.is_empty());
}

#[test]
fn blocked_modes_write_nothing() {
    let mut kv = MemoryKv::default();
    kv.set(CURRENT_KEY, include_str!("../../tests/fixtures/store/corrupt.txt")).unwrap();
    let (mut s, _) = Slots::open(kv);
    let before = s.kv_mut().clone();
    let (result, steps) = piece_by_piece(&mut s, &fixture_book(), "g");
    assert_eq!((result, steps), (Err(SaveError::Blocked(Mode::Damaged)), 1));
    assert_eq!(s.into_inner().entries, before.entries);
}
