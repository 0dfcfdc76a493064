//! The order of the Book page's text columns in the browser: the collator of the app's language
//! (`web::collate`: numbers by value, Chinese in pinyin order) ranks each distinct value once
//! per book, and a sort by name is then a sort of integers.

use std::cell::RefCell;
use std::sync::Arc;

use crate::domain::book_query::{ColumnOrder, SortKey};
use crate::domain::Book;
use crate::i18n::Lang;
use crate::web;

thread_local! {
    /// The latest order per column in the current language, kept across visits to the page:
    /// a column whose values did not change is not sorted again, and one that changed a little
    /// is sorted from the old order, which the collator's sort goes through in one pass.
    static LAST: RefCell<Vec<(Lang, Arc<ColumnOrder>)>> = const { RefCell::new(Vec::new()) };
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
    let order = web::measure("book.text-order", || {
        ColumnOrder::build(book, key, previous.as_deref(), |values| web::collate(lang.tag(), values))
    });
    let order = Arc::new(order);
    LAST.with(|m| {
        let mut m = m.borrow_mut();
        // Only this language's: the other's are sorted again if the language comes back.
        m.retain(|(l, o)| *l == lang && o.key != key);
        m.push((lang, Arc::clone(&order)));
    });
    // How long the order took, for the benchmark and the end-to-end test.
    web::mark("data-text-order-ms", &format!("{:.1}", web::now_ms() - start));
    Some(order)
}
