//! The Book table's order: every account, sorted by one column.

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::{text_values, ColumnOrder, Sort, SortKey};
use crate::domain::book::Book;
use crate::domain::natural::{longest_digit_run, natural_cmp, pad_numbers, TextOrder};
use crate::domain::snapshot::Snapshot;

/// Up to this many rows, a text column not ranked yet is sorted whole in natural order.
const FULL_NATURAL_SORT: usize = 20_000;
/// Beyond, only this many rows come first in natural order, more than a screen shows; the
/// others follow in book order until the column is ranked (right after the first paint).
const FIRST_ROWS: usize = 200;

/// The first `k` of `rows` by `cmp` (a total order), in that order: one comparison per row
/// against the last of those kept, and an insertion for the few that come before it.
pub fn first_in_order(rows: &[u32], k: usize, mut cmp: impl FnMut(u32, u32) -> Ordering) -> Vec<u32> {
    let mut kept: Vec<u32> = Vec::with_capacity(k + 1);
    for &i in rows {
        if kept.len() == k && kept.last().is_none_or(|&last| cmp(i, last) != Ordering::Less) {
            continue;
        }
        let at = kept.partition_point(|&j| cmp(j, i) == Ordering::Less);
        kept.insert(at, i);
        kept.truncate(k);
    }
    kept
}

/// Every account's index, ordered by `sort` (ties by book order). Accounts without a value for
/// the sort key (no health, no end…) come last either way. A text key sorts by `text` when it
/// is that key's order for this book (a sort of integers), else in natural order.
pub fn order(book: &Book, snapshot: &Snapshot, sort: Sort, as_of: NaiveDate, text: Option<&ColumnOrder>) -> Vec<u32> {
    let mut rows: Vec<u32> = (0..book.accounts.len().min(snapshot.views.len()) as u32).collect();
    let text = text.filter(|t| t.key == sort.key && t.order.rows() == book.accounts.len());
    sort_indices(&mut rows, book, snapshot, sort, as_of, text.map(|t| &t.order));
    rows
}

fn sort_indices(
    hits: &mut [u32],
    book: &Book,
    snapshot: &Snapshot,
    sort: Sort,
    as_of: NaiveDate,
    text: Option<&TextOrder>,
) {
    let acc = |i: u32| &book.accounts[i as usize];
    let view = |i: u32| &snapshot.views[i as usize];
    let dir = |o: Ordering| if sort.descending { o.reverse() } else { o };
    // Missing values last in both directions; ties keep book order (the sort is stable).
    fn opt<T: PartialOrd>(a: Option<T>, b: Option<T>, dir: impl Fn(Ordering) -> Ordering) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) => dir(x.partial_cmp(&y).unwrap_or(Ordering::Equal)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    match sort.key {
        SortKey::Arr => hits.sort_by(|&a, &b| dir(view(a).arr.total_cmp(&view(b).arr))),
        SortKey::Tier => hits.sort_by(|&a, &b| dir(view(a).tier.cmp(&view(b).tier))),
        SortKey::Stage => hits.sort_by(|&a, &b| dir(view(a).stage.index().cmp(&view(b).stage.index()))),
        SortKey::Health => hits.sort_by(|&a, &b| opt(view(a).health, view(b).health, dir)),
        SortKey::End => {
            let end = |i: u32| acc(i).current_term(as_of).map(|t| t.end);
            let mut keyed: Vec<(Option<NaiveDate>, u32)> = hits.iter().map(|&i| (end(i), i)).collect();
            keyed.sort_by(|a, b| opt(a.0, b.0, dir));
            for (slot, (_, i)) in hits.iter_mut().zip(keyed) {
                *slot = i;
            }
        }
        SortKey::LastTouch => hits.sort_by(|&a, &b| opt(acc(a).last_touch, acc(b).last_touch, dir)),
        key => match text {
            // Prepared ranks: a sort of integers, whatever the size of the book.
            // Each row as one integer, its rank (turned over when descending, rows without a
            // value last) above its index: an unstable sort of integers gives the stable order.
            Some(order) => {
                let key = |i: u32| -> u64 {
                    let rank = match order.rank(i as usize) {
                        Some(r) if sort.descending => u64::from(u32::MAX - 1 - r),
                        Some(r) => u64::from(r),
                        None => u64::from(u32::MAX),
                    };
                    rank << 32 | u64::from(i)
                };
                let mut keyed: Vec<u64> = hits.iter().map(|&i| key(i)).collect();
                keyed.sort_unstable();
                for (slot, k) in hits.iter_mut().zip(keyed) {
                    *slot = k as u32;
                }
            }
            // Natural order through keys made once per row (lower case, digit runs padded to
            // the longest), so the sort compares plain strings: `natural_cmp`'s order at a
            // fraction of its cost on 100,000 names; the raw text breaks ties as it does.
            // A large book before its column is ranked (its first paint): the rows that come
            // first, without making a key for every row; the page ranks the column next.
            None if hits.len() > FULL_NATURAL_SORT => {
                let values: Vec<Option<&str>> = text_values(book, key).collect();
                let first = first_in_order(hits, FIRST_ROWS, |a, b| match (values[a as usize], values[b as usize]) {
                    (Some(x), Some(y)) => dir(natural_cmp(x, y)).then(a.cmp(&b)),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => a.cmp(&b),
                });
                let mut taken = vec![false; book.accounts.len()];
                for &i in &first {
                    taken[i as usize] = true;
                }
                let rest = hits.iter().copied().filter(|&i| !taken[i as usize]);
                let (valued, empty): (Vec<u32>, Vec<u32>) = rest.partition(|&i| values[i as usize].is_some());
                for (slot, i) in hits.iter_mut().zip(first.into_iter().chain(valued).chain(empty)) {
                    *slot = i;
                }
            }
            None => {
                let values: Vec<Option<&str>> = text_values(book, key).collect();
                let width = hits.iter().filter_map(|&i| values[i as usize]).map(longest_digit_run).max().unwrap_or(0);
                let mut keyed: Vec<(Option<String>, u32)> = hits
                    .iter()
                    .map(|&i| (values[i as usize].map(|v| pad_numbers(&v.to_lowercase(), width).into_owned()), i))
                    .collect();
                keyed.sort_by(|(ka, a), (kb, b)| match (ka, kb) {
                    (Some(x), Some(y)) => dir(x.cmp(y).then_with(|| values[*a as usize].cmp(&values[*b as usize]))),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                });
                for (slot, (_, i)) in hits.iter_mut().zip(keyed) {
                    *slot = i;
                }
            }
        },
    }
}
