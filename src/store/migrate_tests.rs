//! Every stored form this version must read, as fixture files under `tests/fixtures/store/`,
//! compared with the book written out by hand below.
//!
//! The fixtures are frozen: they are what older (or newer) versions wrote. To add a missing
//! one, run `STORE_FIXTURES=write cargo test --lib store::migrate -- --ignored` (it never
//! overwrites a file).

use chrono::NaiveDate;

use super::super::envelope::{decode, Envelope, LoadError, Loaded};
use super::*;
use crate::domain::book::{Account, Outcome, Term};

pub const V1: &str = include_str!("../../tests/fixtures/store/v1.txt");
pub const V2: &str = include_str!("../../tests/fixtures/store/v2.txt");
pub const TRUNCATED: &str = include_str!("../../tests/fixtures/store/truncated.txt");
pub const CORRUPT: &str = include_str!("../../tests/fixtures/store/corrupt.txt");
pub const NEWER: &str = include_str!("../../tests/fixtures/store/newer.txt");
pub const NEWER_UNREADABLE: &str = include_str!("../../tests/fixtures/store/newer-unreadable.txt");

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Three accounts covering every field: full, sparse (odd-length churned term), bare.
pub fn fixture_book() -> Book {
    let full = Account {
        id: "KH0001".into(),
        name: "上海星辰科技有限公司".into(),
        industry: "SaaS".into(),
        region: "华东".into(),
        owner: "张伟".into(),
        potential_arr: Some(50_000.0),
        fit: Some(80.0),
        activity: Some(65.5),
        depth: Some(70.0),
        satisfaction: Some(90.0),
        health_override: None,
        go_live: Some(d(2023, 2, 15)),
        last_touch: Some(d(2025, 5, 20)),
        referrals: 2,
        expansion_arr: 1_500.25,
        terms: vec![
            Term {
                start: d(2023, 1, 1),
                end: d(2023, 12, 31),
                arr: 12_000.0,
                outcome: Outcome::Renewed(d(2023, 12, 15)),
            },
            Term {
                start: d(2024, 1, 1),
                end: d(2024, 12, 31),
                arr: 13_200.5,
                outcome: Outcome::Renewed(d(2025, 1, 10)),
            },
            Term { start: d(2025, 1, 1), end: d(2025, 12, 31), arr: 13_200.5, outcome: Outcome::Open },
        ],
    };
    let sparse = Account {
        id: "KH0002".into(),
        name: "Nova Analytics Ltd".into(),
        industry: "Healthcare".into(),
        fit: Some(30.0),
        health_override: Some(35.0),
        terms: vec![Term {
            start: d(2024, 3, 15),
            end: d(2024, 9, 30),
            arr: 4_800.0,
            outcome: Outcome::Churned(d(2024, 9, 1)),
        }],
        ..Default::default()
    };
    let bare = Account { id: "KH0010".into(), name: "Acme 云".into(), ..Default::default() };
    Book { accounts: vec![full, sparse, bare] }
}

#[test]
fn v1_json_is_migrated_to_the_current_model() {
    let loaded = decode(V1).unwrap();
    assert_eq!(loaded.book, fixture_book());
    assert_eq!(loaded.stored_schema, 1);
    assert_eq!(loaded.saved_at, "2026-01-05T09:30:00Z");
}

#[test]
fn v2_compact_is_read() {
    let loaded = decode(V2).unwrap();
    assert_eq!(loaded, Loaded { book: fixture_book(), saved_at: "2026-02-01T08:00:00Z".into(), stored_schema: 2 });
    // The compact form is a small fraction of the JSON one.
    assert!(V2.chars().count() * 4 < V1.chars().count());
}

#[test]
fn a_book_stored_in_parts_is_read() {
    use super::super::slots::{KeyValue, MemoryKv, Slot, Slots, Start};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store/parts");
    let mut kv = MemoryKv::default();
    for file in std::fs::read_dir(dir).unwrap() {
        let file = file.unwrap();
        let value = std::fs::read_to_string(file.path()).unwrap();
        kv.set(&file.file_name().into_string().unwrap(), &value).unwrap();
    }
    assert!(kv.entries.len() > 3, "a list and its parts");
    let (_, start) = Slots::open(kv);
    let Start::Loaded { loaded, from: Slot::Current } = start else { panic!("{start:?}") };
    assert_eq!(loaded, Loaded { book: fixture_book(), saved_at: "2026-12-01T08:00:00Z".into(), stored_schema: 2 });
}

#[test]
fn truncated_fixture_is_truncated() {
    let found = TRUNCATED.chars().count();
    let expected = V2.chars().count();
    assert_eq!(decode(TRUNCATED), Err(LoadError::Truncated { expected: Some(expected), found }));
}

#[test]
fn corrupt_fixture_fails_its_checksum() {
    assert_eq!(decode(CORRUPT), Err(LoadError::Corrupt("checksum does not match")));
}

#[test]
fn newer_schema_is_read_only_with_the_book_when_readable() {
    let readable = Loaded { book: fixture_book(), saved_at: "2027-03-01T00:00:00Z".into(), stored_schema: 3 };
    assert_eq!(
        decode(NEWER),
        Err(LoadError::NewerVersion { found: 3, supported: 2, readable: Some(Box::new(readable)) })
    );
    assert_eq!(decode(NEWER_UNREADABLE), Err(LoadError::NewerVersion { found: 9, supported: 2, readable: None }));
}

#[test]
fn unknown_old_schema_and_bad_json_are_corrupt() {
    let zero = Envelope::seal(0, "2026-01-01T00:00:00Z", "{}".into()).to_text();
    assert_eq!(decode(&zero), Err(LoadError::Corrupt("unknown schema version")));
    let bad = Envelope::seal(1, "2026-01-01T00:00:00Z", "{\"accounts\":[{]}".into()).to_text();
    assert_eq!(decode(&bad), Err(LoadError::Corrupt("the book's JSON does not parse")));
}

#[test]
#[ignore]
fn write_fixtures() {
    if std::env::var("STORE_FIXTURES").as_deref() != Ok("write") {
        return;
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store");
    std::fs::create_dir_all(dir).unwrap();
    let book = fixture_book();
    let v1 = Envelope::seal(1, "2026-01-05T09:30:00Z", serde_json::to_string(&book).unwrap()).to_text();
    let v2 = super::super::envelope::encode(&book, "2026-02-01T08:00:00Z");
    let cut: String = v2.chars().take(v2.chars().count() * 2 / 3).collect();
    // One payload char changed, length kept: only the checksum can tell.
    let mut corrupt: Vec<char> = v2.chars().collect();
    let last = corrupt.len() - 3;
    corrupt[last] = if corrupt[last] == 'A' { 'B' } else { 'A' };
    let newer = Envelope::seal(3, "2027-03-01T00:00:00Z", super::super::codec::encode(&book)).to_text();
    let unreadable = Envelope::seal(9, "2030-01-01T00:00:00Z", "a future format".into()).to_text();
    // A book stored in parts (`parts.rs`), one file per key, named by the key; parts of 40
    // chars so that the small fixture book takes several.
    let parts = format!("{dir}/parts");
    if !std::path::Path::new(&parts).exists() {
        std::fs::create_dir_all(&parts).unwrap();
        let (slots, _) = super::super::slots::Slots::open(super::super::slots::MemoryKv::default());
        let mut slots = slots.with_part_chars(40);
        super::super::job::SaveJob::new("2026-12-01T08:00:00Z", "mipw5s00-fixture").finish(&mut slots, &book).unwrap();
        for (key, value) in slots.into_inner().entries {
            if key != super::super::slots::GOOD_KEY {
                std::fs::write(format!("{parts}/{key}"), value).unwrap();
            }
        }
    }
    for (name, text) in [
        ("v1.txt", v1),
        ("v2.txt", v2),
        ("truncated.txt", cut),
        ("corrupt.txt", corrupt.into_iter().collect()),
        ("newer.txt", newer),
        ("newer-unreadable.txt", unreadable),
    ] {
        // Frozen once written: what older versions stored must stay as they stored it.
        let path = format!("{dir}/{name}");
        if !std::path::Path::new(&path).exists() {
            std::fs::write(path, text).unwrap();
        }
    }
}
