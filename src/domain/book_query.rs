//! Finding accounts in the book: free-text search, filters and sorting for the Book page.
//!
//! Built for 100,000 accounts per keystroke: the lower-cased text of each account is prepared
//! once per book (`SearchIndex`), a query then is one pass plus a sort of the matches.
//!
//! Text columns (name, id, owner, industry, region) sort in natural order — "Company 2" before
//! "Company 10" — through a `TextOrder` prepared once per book: in the browser the page builds
//! it with the collator of the app's language (pinyin order for Chinese), natively and as the
//! fallback `natural_cmp` orders the text.

use chrono::NaiveDate;

use super::book::{Account, Book};
use super::health::Band;
use super::lifecycle::Stage;
mod order;

pub use order::order;

use super::natural::{natural_cmp, Collation, Natural, TextMap, TextOrder};
use super::snapshot::Snapshot;

/// Lower-cased searchable text of every account, in book order: one text for the whole book
/// (one allocation, not one per account), and where each account's part ends.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    /// Per account: name, id, industry, region and owner, each followed by a control character
    /// so a search never matches across two fields.
    text: String,
    /// Where each account's part of `text` ends.
    ends: Vec<u32>,
}

impl SearchIndex {
    pub fn new(book: &Book) -> SearchIndex {
        let parts = |a: &Account| [a.name.len(), a.id.len(), a.industry.len(), a.region.len(), a.owner.len()];
        let size: usize = book.accounts.iter().map(|a| parts(a).iter().sum::<usize>() + 5).sum();
        let mut text = String::with_capacity(size);
        let mut ends = Vec::with_capacity(book.accounts.len());
        for a in &book.accounts {
            for part in [&a.name, &a.id, &a.industry, &a.region, &a.owner] {
                // Most text is ASCII: lower-cased in place, without a new string.
                if part.is_ascii() {
                    let start = text.len();
                    text.push_str(part);
                    text[start..].make_ascii_lowercase();
                } else {
                    text.push_str(&part.to_lowercase());
                }
                text.push('\u{1}');
            }
            ends.push(text.len() as u32);
        }
        SearchIndex { text, ends }
    }

    /// Per account, whether it holds every word (lower-cased), each in one of its fields: each
    /// word is looked for once through the whole text, not once per account. `None` for a
    /// word holding the fields' separator (nothing a person types).
    fn matching(&self, words: &[String]) -> Option<Vec<bool>> {
        if words.iter().any(|w| w.contains('\u{1}')) {
            return None;
        }
        // Per account: how many of the words, in order, it holds so far.
        let mut held = vec![0u32; self.ends.len()];
        for (k, word) in words.iter().enumerate() {
            // A one-letter word is looked for as a character (a byte scan); after a find, the
            // search goes on from the next account.
            let mut chars = word.chars();
            let letter = chars.next().filter(|_| chars.next().is_none());
            let (mut row, mut from) = (0, 0);
            while let Some(found) = self.text.get(from..).and_then(|rest| match letter {
                Some(c) => rest.find(c),
                None => rest.find(word.as_str()),
            }) {
                let at = from + found;
                while self.ends.get(row).is_some_and(|&end| end as usize <= at) {
                    row += 1;
                }
                let Some(h) = held.get_mut(row) else { break };
                if *h as usize == k {
                    *h += 1;
                }
                from = self.ends[row] as usize;
            }
        }
        Some(held.into_iter().map(|h| h as usize == words.len()).collect())
    }

    /// Account `i`'s searchable text.
    fn row(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = i.checked_sub(1).map_or(Some(0), |j| self.ends.get(j).map(|&e| e as usize))?;
        self.text.get(start..end)
    }
}

/// The Book page's filters; `None` = any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BookFilter {
    /// Words that must all appear (in any field).
    pub text: String,
    pub tier: Option<usize>,
    /// Compared case-insensitively, trimmed (DOMAIN.md §0).
    pub industry: Option<String>,
    /// Compared exactly, trimmed; `Some("")` = unassigned.
    pub owner: Option<String>,
    pub stage: Option<Stage>,
    pub band: Option<Band>,
}

impl BookFilter {
    /// The search box's words, lower-cased.
    pub fn words(&self) -> Vec<String> {
        self.text.split_whitespace().map(str::to_lowercase).collect()
    }

    /// Whether every account passes (nothing typed, nothing chosen).
    pub fn is_everything(&self) -> bool {
        self.text.trim().is_empty()
            && self.tier.is_none()
            && self.industry.is_none()
            && self.owner.is_none()
            && self.stage.is_none()
            && self.band.is_none()
    }

    /// Whether every account that passes this filter passes `previous` too, so the rows
    /// `previous` let through are enough to filter from: the same choices, and each of
    /// `previous`'s words inside one of this filter's (a word typed further, or one more word).
    pub fn narrows(&self, previous: &BookFilter) -> bool {
        let words = self.words();
        self.tier == previous.tier
            && self.industry == previous.industry
            && self.owner == previous.owner
            && self.stage == previous.stage
            && self.band == previous.band
            && previous.words().iter().all(|p| words.iter().any(|w| w.contains(p.as_str())))
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    Name,
    Id,
    Owner,
    Industry,
    Region,
    Tier,
    Stage,
    Arr,
    Health,
    /// The current term's end.
    End,
    LastTouch,
}

impl SortKey {
    /// The keys that sort text, through a `TextOrder`.
    pub const TEXT: [SortKey; 5] = [SortKey::Name, SortKey::Id, SortKey::Owner, SortKey::Industry, SortKey::Region];

    pub fn is_text(self) -> bool {
        SortKey::TEXT.contains(&self)
    }
}

/// The text of `key` for each account, trimmed; `None` when empty (or `key` is not a text key).
pub fn text_values(book: &Book, key: SortKey) -> impl Iterator<Item = Option<&str>> + '_ {
    book.accounts.iter().map(move |a| {
        let s = match key {
            SortKey::Name => &a.name,
            SortKey::Id => &a.id,
            SortKey::Owner => &a.owner,
            SortKey::Industry => &a.industry,
            SortKey::Region => &a.region,
            _ => "",
        }
        .trim();
        (!s.is_empty()).then_some(s)
    })
}

/// The order of one text column of a book, for `query`.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnOrder {
    pub key: SortKey,
    pub order: TextOrder,
}

impl ColumnOrder {
    /// `key`'s order in `book` by `collation`, kept up to date from `previous` (see
    /// `TextOrder::build`: an edit of a few rows places only their new values).
    pub fn build(book: &Book, key: SortKey, previous: Option<&ColumnOrder>, collation: &impl Collation) -> ColumnOrder {
        let previous = previous.filter(|p| p.key == key).map(|p| &p.order);
        ColumnOrder { key, order: TextOrder::build(text_values(book, key), previous, collation) }
    }

    /// `key`'s order in `book` by `natural_cmp`.
    pub fn natural(book: &Book, key: SortKey) -> ColumnOrder {
        ColumnOrder::build(book, key, None, &Natural)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Indices of the accounts that pass `filter`, ordered by `sort` (ties by book order):
/// `filter_rows` of `order`. Accounts without a value for the sort key (no health, no end…)
/// come last either way. A text key sorts by `text` when it is that key's order for this book,
/// else by `natural_cmp`.
pub fn query(
    book: &Book,
    snapshot: &Snapshot,
    index: &SearchIndex,
    filter: &BookFilter,
    sort: Sort,
    as_of: NaiveDate,
    text: Option<&ColumnOrder>,
) -> Vec<u32> {
    filter_rows(&order(book, snapshot, sort, as_of, text), book, snapshot, index, filter)
}

/// The rows of `rows` that pass `filter`, in their order. The search box's words are looked
/// up in `index`, which is read only when there are words.
pub fn filter_rows(
    rows: &[u32],
    book: &Book,
    snapshot: &Snapshot,
    index: &SearchIndex,
    filter: &BookFilter,
) -> Vec<u32> {
    let words = filter.words();
    let industry = filter.industry.as_ref().map(|s| s.trim().to_lowercase());
    let owner = filter.owner.as_ref().map(|s| s.trim());
    // Many rows to look through: each word once through the whole index.
    let matched =
        (!words.is_empty() && rows.len() >= book.accounts.len() / 8).then(|| index.matching(&words)).flatten();
    let holds_words = |i: usize| match &matched {
        Some(m) => m.get(i).copied().unwrap_or(false),
        None => words.is_empty() || index.row(i).is_some_and(|h| words.iter().all(|w| h.contains(w.as_str()))),
    };
    let pass = |i: usize| {
        let (Some(a), Some(v)) = (book.accounts.get(i), snapshot.views.get(i)) else { return false };
        filter.tier.is_none_or(|t| v.tier == t)
            && filter.stage.is_none_or(|s| v.stage == s)
            && filter.band.is_none_or(|b| v.band == b)
            && owner.is_none_or(|o| a.owner.trim() == o)
            && industry.as_deref().is_none_or(|ind| a.industry.trim().to_lowercase() == ind)
            && holds_words(i)
    };
    rows.iter().copied().filter(|&i| pass(i as usize)).collect()
}

/// The distinct owners (trimmed, non-empty) and industries (first spelling of each,
/// case-insensitive) of the book, in natural order, for the filter lists. One pass over the
/// book with a fast hash and no copy per account; only the few distinct texts are copied.
pub fn owners_and_industries(book: &Book) -> (Vec<String>, Vec<String>) {
    let (mut seen_owner, mut seen_industry) = (TextMap::<&str, ()>::default(), TextMap::<&str, ()>::default());
    let (mut owners, mut industries) = (Vec::new(), Vec::new());
    for a in &book.accounts {
        let owner = a.owner.trim();
        if !owner.is_empty() && seen_owner.insert(owner, ()).is_none() {
            owners.push(owner);
        }
        let industry = a.industry.trim();
        if !industry.is_empty() && seen_industry.insert(industry, ()).is_none() {
            industries.push(industry);
        }
    }
    let mut owners: Vec<String> = owners.into_iter().map(String::from).collect();
    crate::domain::sort::sort_by(&mut owners, |a, b| natural_cmp(a, b));
    let mut lower = std::collections::HashSet::new();
    let mut industries: Vec<String> =
        industries.into_iter().filter(|s| lower.insert(s.to_lowercase())).map(String::from).collect();
    crate::domain::sort::sort_by(&mut industries, |a, b| natural_cmp(a, b));
    (owners, industries)
}

#[cfg(test)]
mod tests;
