//! Browser tests of persistence: the real localStorage, its quota, reloads, damaged and newer
//! data, and another tab's writes.
#![cfg(target_arch = "wasm32")]

use cs_planner::app::App;
use cs_planner::domain::{Account, Book, Outcome, Term};
use cs_planner::i18n::Lang;
use cs_planner::state::storage as local;
use cs_planner::state::{book_slots, StorageStatus};
use cs_planner::store::envelope::LoadError;
use cs_planner::store::{encode, CURRENT_KEY, GOOD_KEY};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn book(n: usize) -> Book {
    let d = |s: &str| cs_planner::domain::dates::parse_iso(s).unwrap();
    Book {
        accounts: (0..n)
            .map(|i| Account {
                id: format!("A{i}"),
                name: format!("客户 {i} Holdings"),
                owner: ["Li Na", "Wang Wei", ""][i % 3].into(),
                terms: vec![Term {
                    start: d("2025-01-01"),
                    end: d("2025-12-31"),
                    arr: 1000.0 + i as f64,
                    outcome: Outcome::Open,
                }],
                ..Default::default()
            })
            .collect(),
    }
}

async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn a_saved_book_is_there_after_a_reload() {
    storage().clear().unwrap();
    let (empty, status, mut slots) = book_slots::open();
    assert_eq!((empty, status), (Book::default(), StorageStatus::Ok));
    let b = book(25);
    assert_eq!(book_slots::save(&mut slots, &b, "2026-01-01T00:00:00Z"), StorageStatus::Ok);
    // A reload is a new open of the same storage.
    let (again, status, _) = book_slots::open();
    assert_eq!(status, StorageStatus::Ok);
    assert_eq!(again, b);
    assert_eq!(storage().get_item(GOOD_KEY).unwrap(), storage().get_item(CURRENT_KEY).unwrap());
}

#[wasm_bindgen_test]
fn a_corrupt_book_starts_empty_and_offers_the_last_good_copy() {
    storage().clear().unwrap();
    let good = book(3);
    storage().set_item(GOOD_KEY, &encode(&good, "2026-01-02T00:00:00Z")).unwrap();
    storage().set_item(CURRENT_KEY, "cs-planner-book;schema=2;length=5;checksum=00000000;saved_at=x\nabcde").unwrap();
    let (start, status, mut slots) = book_slots::open();
    assert_eq!(start, Book::default());
    match status {
        StorageStatus::Damaged { error: LoadError::Corrupt(_), good: Some(g), good_saved_at } => {
            assert_eq!(*g, good);
            assert_eq!(good_saved_at.as_deref(), Some("2026-01-02T00:00:00Z"));
        }
        other => panic!("expected a damaged status, got {other:?}"),
    }
    // Nothing is overwritten until the person chooses.
    assert!(matches!(book_slots::save(&mut slots, &book(1), "t"), StorageStatus::SaveFailed));
    assert!(storage().get_item(CURRENT_KEY).unwrap().unwrap().ends_with("abcde"));
    assert_eq!(book_slots::raw_current(&slots).as_deref().map(|r| r.ends_with("abcde")), Some(true));
}

#[wasm_bindgen_test]
fn a_truncated_book_is_reported_as_cut_off() {
    storage().clear().unwrap();
    let full = encode(&book(40), "2026-01-03T00:00:00Z");
    let cut: String = full.chars().take(full.chars().count() - 10).collect();
    storage().set_item(CURRENT_KEY, &cut).unwrap();
    let (_, status, _slots) = book_slots::open();
    assert!(
        matches!(status, StorageStatus::Damaged { error: LoadError::Truncated { .. }, good: None, .. }),
        "{status:?}"
    );
}

#[wasm_bindgen_test]
fn a_newer_version_is_read_only_and_never_overwritten() {
    storage().clear().unwrap();
    let newer = include_str!("fixtures/store/newer.txt");
    storage().set_item(CURRENT_KEY, newer).unwrap();
    let (shown, status, mut slots) = book_slots::open();
    assert!(matches!(status, StorageStatus::ReadOnly { readable: true, .. }), "{status:?}");
    assert!(!shown.accounts.is_empty());
    let _ = book_slots::save(&mut slots, &book(1), "t");
    assert_eq!(storage().get_item(CURRENT_KEY).unwrap().as_deref(), Some(newer));
}

#[wasm_bindgen_test]
fn a_full_quota_keeps_the_book_in_memory_and_the_good_copy_intact() {
    storage().clear().unwrap();
    let small = book(5);
    let (_, status, mut slots) = book_slots::open();
    assert_eq!(status, StorageStatus::Ok);
    assert_eq!(book_slots::save(&mut slots, &small, "t0"), StorageStatus::Ok);
    let good_before = storage().get_item(GOOD_KEY).unwrap();
    // Fill the rest of the quota with filler, 256 K characters at a time, then less.
    let mut chunk = "x".repeat(256 * 1024);
    let mut i = 0;
    while chunk.len() >= 16 {
        if storage().set_item(&format!("filler-{i}"), &chunk).is_err() {
            chunk.truncate(chunk.len() / 2);
        }
        i += 1;
    }
    let big = book(2_000);
    let status = book_slots::save(&mut slots, &big, "t1");
    assert!(matches!(status, StorageStatus::Quota { chars } if chars > 0), "{status:?}");
    assert_eq!(storage().get_item(GOOD_KEY).unwrap(), good_before, "the last good copy survives");
    assert_eq!(book_slots::open().0, small, "what is stored still reads");
    storage().clear().unwrap();
}

#[wasm_bindgen_test]
async fn another_tabs_change_is_adopted_or_asked_about() {
    storage().clear().unwrap();
    local::save_lang(Lang::En);
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    std::mem::forget(leptos::mount::mount_to(host.clone(), App));
    tick(20).await;
    let accounts = |host: &web_sys::HtmlElement| {
        host.query_selector("[data-metric='book.accounts']").unwrap().and_then(|e| e.get_attribute("data-value"))
    };
    let storage_event = |b: &Book| {
        let init = web_sys::StorageEventInit::new();
        init.set_key(Some(CURRENT_KEY));
        init.set_new_value(Some(&encode(b, "2026-02-01T00:00:00Z")));
        let ev = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
        web_sys::window().unwrap().dispatch_event(&ev).unwrap();
    };
    // No unsaved edits here: the other tab's book is taken as it is.
    storage_event(&book(7));
    tick(20).await;
    assert_eq!(accounts(&host).as_deref(), Some("7"));

    // An unsaved edit here (delete one account, within the save delay), then another tab's
    // book: nothing is replaced silently, the person is asked.
    let first: web_sys::HtmlInputElement =
        host.query_selector(".book-table tbody tr[data-id] input[type=checkbox]").unwrap().unwrap().unchecked_into();
    first.click();
    tick(5).await;
    let delete: web_sys::HtmlElement =
        host.query_selector("[data-testid=delete-selected]").unwrap().unwrap().unchecked_into();
    delete.click();
    storage_event(&book(9));
    tick(20).await;
    assert_eq!(accounts(&host).as_deref(), Some("6"), "this tab's edit is kept");
    assert!(host.query_selector("[data-testid=load-theirs]").unwrap().is_some(), "the person is asked");
    let load: web_sys::HtmlElement =
        host.query_selector("[data-testid=load-theirs]").unwrap().unwrap().unchecked_into();
    load.click();
    tick(20).await;
    assert_eq!(accounts(&host).as_deref(), Some("9"));
    host.remove();
}

#[wasm_bindgen_test]
fn a_long_book_is_saved_in_parts_a_piece_at_a_time_and_read_back_everywhere() {
    use cs_planner::store::{parts, SaveJob, Slots};
    storage().clear().unwrap();
    let part_keys = || {
        let s = storage();
        (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).filter(|k| k.starts_with(parts::PART_PREFIX)).count()
    };
    // Parts of 300 chars, so that a small book takes several.
    let (slots, _) = Slots::open(book_slots::LocalKv);
    let mut slots = slots.with_part_chars(300);
    let b = book(400);
    let mut job = SaveJob::new("2026-03-01T00:00:00Z", "t1-a");
    let mut steps = 0;
    let saved = loop {
        steps += 1;
        if let Some(done) = job.step(&mut slots, &b, &mut || true) {
            break done.unwrap();
        }
    };
    assert!(saved.good_updated && steps > 20, "{steps} steps");
    let list = storage().get_item(CURRENT_KEY).unwrap().unwrap();
    assert!(list.starts_with("cs-planner-book;schema=100;"), "{list}");
    assert_eq!(storage().get_item(GOOD_KEY).unwrap().as_deref(), Some(list.as_str()));
    assert!(part_keys() >= 3);
    // A reload reads the parts; another tab's `storage` event names the list.
    let (again, status, _) = book_slots::open();
    assert_eq!((again, status), (b.clone(), StorageStatus::Ok));
    assert_eq!(book_slots::book_from_other_tab(Some(CURRENT_KEY.into()), Some(list)), Some(b));
    // A book short enough for one key goes back to one key, and its parts go.
    let (_, _, mut slots) = book_slots::open();
    assert_eq!(book_slots::save(&mut slots, &book(3), "2026-03-02T00:00:00Z"), StorageStatus::Ok);
    assert_eq!(part_keys(), 0);
    assert_eq!(book_slots::open().0, book(3));
}

#[wasm_bindgen_test]
fn parts_of_a_save_cut_off_long_ago_are_removed_at_start() {
    storage().clear().unwrap();
    let (_, _, mut slots) = book_slots::open();
    book_slots::save(&mut slots, &book(5), "2026-03-01T00:00:00Z");
    // A save cut off in 2021, and one that may still be running in another tab.
    let now = js_sys::Date::now() as u64;
    let recent = format!("cs-planner.book.part.{}-x.0", radix36(now - 1000));
    storage().set_item("cs-planner.book.part.ks4fk0w0-x.0", "x").unwrap();
    storage().set_item(&recent, "x").unwrap();
    let (again, status, _) = book_slots::open();
    assert_eq!((again, status), (book(5), StorageStatus::Ok));
    assert_eq!(storage().get_item("cs-planner.book.part.ks4fk0w0-x.0").unwrap(), None);
    assert_eq!(storage().get_item(&recent).unwrap().as_deref(), Some("x"));
    storage().clear().unwrap();
}

fn radix36(mut n: u64) -> String {
    let mut out = Vec::new();
    while n > 0 {
        out.push(char::from_digit((n % 36) as u32, 36).unwrap());
        n /= 36;
    }
    out.iter().rev().collect()
}
