//! The order of the Book page's text columns in the browser: the collator of the app's language
//! (`web::collate`: numbers by value, Chinese in pinyin order) ranks each distinct value once
//! per book, and a sort by name is then a sort of integers. An edit places only the rows' new
//! values, each by a binary search with the same collator (`BrowserCollation::compare`).

use std::cell::RefCell;
use std::cmp::Ordering;
use std::sync::Arc;

use wasm_bindgen::prelude::*;

use crate::domain::book_query::{ColumnOrder, SortKey};
use crate::domain::natural::{longest_digit_run, pad_numbers, Collation};
use crate::domain::Book;
use crate::i18n::Lang;
use crate::web;

thread_local! {
    /// The latest order per column in the current language, kept across visits to the page:
    /// a column whose values did not change is not sorted again, and one that changed a little
    /// is brought up to date from the old order.
    static LAST: RefCell<Vec<(Lang, Arc<ColumnOrder>)>> = const { RefCell::new(Vec::new()) };
    /// One collator per language for single comparisons.
    static PAIRS: RefCell<Option<(Lang, PairCollator)>> = const { RefCell::new(None) };
}

// `Intl.Collator` for one comparison at a time, declared with `catch` so a failure is a `None`
// to fall back from (a whole sort), not a throw.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = Collator)]
    type PairCollator;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "Collator", catch)]
    fn new_pair_collator(locale: &str) -> Result<PairCollator, JsValue>;

    #[wasm_bindgen(method, catch, js_name = compare)]
    fn compare_pair(this: &PairCollator, a: &str, b: &str) -> Result<f64, JsValue>;
}

/// The longest run of digits `web::collate` pads numbers to (beyond, it compares them itself).
const MAX_PAD: usize = 24;

/// The app's language's collator: `web::collate` for whole lists, and one comparison at a time
/// in the same order — digits padded with zeros to the longer run of the two (padding both to
/// any wider width compares them alike), compared by `Intl.Collator`, and texts with the same
/// padded form by their raw text.
pub struct BrowserCollation(pub Lang);

impl Collation for BrowserCollation {
    fn sort(&self, values: &[&str]) -> Option<Vec<u32>> {
        web::collate(self.0.tag(), values)
    }

    fn compare(&self, a: &str, b: &str) -> Option<Ordering> {
        let width = longest_digit_run(a).max(longest_digit_run(b));
        if width > MAX_PAD {
            return None;
        }
        let (ka, kb) = (pad_numbers(a, width), pad_numbers(b, width));
        if ka == kb {
            return Some(a.cmp(b));
        }
        let lang = self.0;
        PAIRS.with(|p| {
            let mut p = p.borrow_mut();
            if p.as_ref().is_none_or(|(l, _)| *l != lang) {
                *p = Some((lang, PairCollator::new_pair_collator(lang.tag()).ok()?));
            }
            let (_, collator) = p.as_ref()?;
            collator.compare_pair(&ka, &kb).ok()?.partial_cmp(&0.0)
        })
    }
}

/// Whether `key` has been ranked in `lang` (for some book): then `column_order` only re-checks.
pub fn is_ranked(key: SortKey, lang: Lang) -> bool {
    LAST.with(|m| m.borrow().iter().any(|(l, o)| *l == lang && o.key == key))
}

/// `key`'s order in `book` for `lang`; `None` for a column that is not text.
pub fn column_order(book: &Book, key: SortKey, lang: Lang) -> Option<Arc<ColumnOrder>> {
    if !key.is_text() {
        return None;
    }
    let previous = LAST.with(|m| m.borrow().iter().find(|(l, o)| *l == lang && o.key == key).map(|(_, o)| o.clone()));
    let start = web::now_ms();
    let order =
        web::measure("book.text-order", || ColumnOrder::build(book, key, previous.as_deref(), &BrowserCollation(lang)));
    let order = Arc::new(order);
    LAST.with(|m| {
        let mut m = m.borrow_mut();
        // Only this language's: the other's are sorted again if the language comes back.
        m.retain(|(l, o)| *l == lang && o.key != key);
        m.push((lang, Arc::clone(&order)));
    });
    // How long the order took, for the benchmark and the end-to-end test: every time, and the
    // first ranking of a column apart (later ones only bring it up to date).
    let spent = format!("{:.1}", web::now_ms() - start);
    if previous.is_none() {
        web::mark("data-text-order-first-ms", &spent);
    }
    web::mark("data-text-order-ms", &spent);
    Some(order)
}
