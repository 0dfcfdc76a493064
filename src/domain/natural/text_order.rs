//! The order of a column of texts, to sort rows by it quickly: each distinct value once, in
//! order, and for each row the position (rank) of its value.
//!
//! Built once per book (and language, in the browser) by a `Collation` — the browser's
//! collator, or `Natural` — and kept up to date as the book changes: an edit of a few rows
//! places only their new values, each by a binary search in the order already made (a few
//! comparisons), so an edit never sorts the whole column again; a change too large for that
//! (a new book) sorts the distinct values once, those of the previous order first and already
//! in order.

use std::cmp::Ordering;
use std::sync::Arc;

use super::{is_permutation, natural_cmp, natural_permutation, TextMap};

/// How a column's texts are ordered. Both methods give the same order.
pub trait Collation {
    /// The order of `values` as indices into it; `None` when it cannot (then natural order).
    fn sort(&self, values: &[&str]) -> Option<Vec<u32>>;
    /// Where `a` stands against `b`; `None` when it cannot (the column is then sorted whole).
    fn compare(&self, a: &str, b: &str) -> Option<Ordering>;
}

/// `natural_cmp`'s order.
pub struct Natural;

impl Collation for Natural {
    fn sort(&self, values: &[&str]) -> Option<Vec<u32>> {
        Some(natural_permutation(values))
    }
    fn compare(&self, a: &str, b: &str) -> Option<Ordering> {
        Some(natural_cmp(a, b))
    }
}

/// A sorter of whole lists and nothing else: every change sorts the column again.
pub struct SortOnly<F>(pub F);

impl<F: Fn(&[&str]) -> Option<Vec<u32>>> Collation for SortOnly<F> {
    fn sort(&self, values: &[&str]) -> Option<Vec<u32>> {
        (self.0)(values)
    }
    fn compare(&self, _: &str, _: &str) -> Option<Ordering> {
        None
    }
}

/// New distinct values an update places one by one; more are sorted with the rest.
const MAX_NEW: usize = 256;
/// How many old rows an update looks ahead for a row that lines up again after a deletion.
const LOOKAHEAD: usize = 16;
/// A row without a value, in the ranks an update works with.
const NONE: u32 = u32::MAX;

#[derive(Clone, Debug, Default)]
pub struct TextOrder {
    /// Each distinct value, in order (shared with the orders rebuilt from this one).
    sorted: Arc<Vec<Arc<str>>>,
    /// Per row: the position of its value in `sorted`; `None` for a row without a value.
    ranks: Arc<Vec<Option<u32>>>,
}

/// Two orders are the same when they rank the rows the same (a memo compares them).
impl PartialEq for TextOrder {
    fn eq(&self, other: &TextOrder) -> bool {
        Arc::ptr_eq(&self.ranks, &other.ranks) || self.ranks == other.ranks
    }
}

impl TextOrder {
    /// The order of `values` (one per row; `None` = no value) by `collation`, kept up to date
    /// from `previous` when given: unchanged, it is `previous` itself; changed in a few rows,
    /// only their new values are placed (`update`); else the distinct values are sorted —
    /// those of `previous` first, in their order, then the new ones in the order of their first
    /// row. A sort that fails or is not a permutation falls back to natural order.
    pub fn build<'a>(
        values: impl IntoIterator<Item = Option<&'a str>>,
        previous: Option<&TextOrder>,
        collation: &impl Collation,
    ) -> TextOrder {
        let values: Vec<Option<&'a str>> = values.into_iter().collect();
        if let Some(updated) = previous.and_then(|p| p.update(&values, collation)) {
            return updated;
        }
        let mut ids: TextMap<&'a str, u32> = TextMap::default();
        ids.reserve(values.len());
        let mut distinct: Vec<&'a str> = Vec::new();
        let row_ids: Vec<Option<u32>> = values
            .into_iter()
            .map(|v| {
                v.map(|s| {
                    *ids.entry(s).or_insert_with(|| {
                        distinct.push(s);
                        distinct.len() as u32 - 1
                    })
                })
            })
            .collect();
        // The previous order's values that are still here, by id, in that order.
        let kept: Vec<u32> =
            previous.map(|p| p.sorted.iter().filter_map(|s| ids.get(&**s).copied()).collect()).unwrap_or_default();
        let (sorted_ids, sorted) = match previous {
            // Exactly the values of before, in other rows: the same order, without sorting.
            Some(p) if kept.len() == distinct.len() && kept.len() == p.sorted.len() => (kept, Arc::clone(&p.sorted)),
            _ => {
                let mut input = kept;
                let mut placed = vec![false; distinct.len()];
                for &id in &input {
                    placed[id as usize] = true;
                }
                input.extend((0..distinct.len() as u32).filter(|&id| !placed[id as usize]));
                let texts: Vec<&str> = input.iter().map(|&id| distinct[id as usize]).collect();
                let order = collation
                    .sort(&texts)
                    .filter(|o| is_permutation(o, texts.len()))
                    .unwrap_or_else(|| natural_permutation(&texts));
                let sorted_ids: Vec<u32> = order.iter().map(|&k| input[k as usize]).collect();
                let sorted = sorted_ids.iter().map(|&id| Arc::from(distinct[id as usize])).collect();
                (sorted_ids, Arc::new(sorted))
            }
        };
        let mut rank_of = vec![0u32; distinct.len()];
        for (rank, &id) in sorted_ids.iter().enumerate() {
            rank_of[id as usize] = rank as u32;
        }
        let ranks = row_ids.into_iter().map(|id| id.map(|id| rank_of[id as usize])).collect();
        TextOrder { sorted, ranks: Arc::new(ranks) }
    }

    /// This order brought up to date with `values` without sorting them: the rows are lined up
    /// with this order's (rows deleted or added shift them), a row whose value did not change
    /// keeps its rank, and each new value is placed by binary search with `collation.compare`.
    /// Values no row holds any more leave the order. `None` when that would not be quick (more
    /// than `MAX_NEW` new values) or `compare` cannot.
    pub fn update(&self, values: &[Option<&str>], collation: &impl Collation) -> Option<TextOrder> {
        let (old, sorted) = (&*self.ranks, &*self.sorted);
        let old_value = |j: usize| old.get(j).map(|r| r.map(|r| &*sorted[r as usize]));
        // Per row: its rank in `sorted`, or `base + k` for the k-th value not lined up.
        let base = sorted.len() as u32;
        let mut fresh: Vec<&str> = Vec::new();
        let mut fresh_ids: TextMap<&str, u32> = TextMap::default();
        let mut rows: Vec<u32> = Vec::with_capacity(values.len());
        let (n, m) = (values.len(), old.len());
        let mut same = n == m;
        let mut o = 0; // the old row the next row lines up with
        for (i, &v) in values.iter().enumerate() {
            // Most rows: the same value as the old row they line up with.
            let here = old.get(o).copied();
            let unchanged = match (here, v) {
                (Some(Some(r)), Some(v)) => *sorted[r as usize] == *v,
                (Some(None), None) => true,
                _ => false,
            };
            if unchanged {
                rows.push(here.flatten().unwrap_or(NONE));
                o += 1;
                continue;
            }
            same = false;
            // Rows were deleted: the same value a little further on.
            let (left_new, left_old) = (n - i, m.saturating_sub(o));
            let surplus = left_old.saturating_sub(left_new);
            let mut ahead = (1..=surplus.min(LOOKAHEAD)).chain((surplus > LOOKAHEAD).then_some(surplus));
            if let Some(j) = ahead.find(|&j| old_value(o + j) == Some(v)) {
                rows.push(old[o + j].unwrap_or(NONE));
                o += j + 1;
                continue;
            }
            // A changed row stands for the old one here; an added row for none.
            if left_old >= left_new {
                o += 1;
            }
            rows.push(match v {
                None => NONE,
                Some(s) => match fresh_ids.get(s) {
                    Some(&k) => base + k,
                    None if fresh.len() == MAX_NEW => return None,
                    None => {
                        fresh.push(s);
                        fresh_ids.insert(s, fresh.len() as u32 - 1);
                        base + fresh.len() as u32 - 1
                    }
                },
            });
        }
        if same {
            return Some(self.clone());
        }
        // Each value not lined up: its rank when the order has it, else where it goes.
        let mut news: Vec<(usize, u32)> = Vec::new(); // (position in `sorted`, k)
        let mut found: Vec<u32> = vec![NONE; fresh.len()];
        for (k, &s) in fresh.iter().enumerate() {
            // The first value not before it, then past those the collation finds equal to it
            // (a sort puts a new value after them).
            let mut at = first_not_before(sorted, s, collation)?;
            while at < sorted.len() && collation.compare(&sorted[at], s)? == Ordering::Equal {
                if &*sorted[at] == s {
                    found[k] = at as u32;
                    break;
                }
                at += 1;
            }
            if found[k] == NONE {
                news.push((at, k as u32));
            }
        }
        // New values at the same place: in their own order (ties in the order of their rows).
        let mut failed = false;
        crate::domain::sort::sort_by(&mut news, |a, b| {
            a.0.cmp(&b.0).then_with(|| {
                collation.compare(fresh[a.1 as usize], fresh[b.1 as usize]).unwrap_or_else(|| {
                    failed = true;
                    Ordering::Equal
                })
            })
        });
        if failed {
            return None;
        }
        for r in rows.iter_mut() {
            if *r != NONE && *r >= base && found[(*r - base) as usize] != NONE {
                *r = found[(*r - base) as usize];
            }
        }
        let mut used = vec![false; sorted.len()];
        for &r in &rows {
            if r < base {
                used[r as usize] = true;
            }
        }
        if news.is_empty() && used.iter().all(|&u| u) {
            let ranks = rows.into_iter().map(|r| (r != NONE).then_some(r)).collect();
            return Some(TextOrder { sorted: Arc::clone(&self.sorted), ranks: Arc::new(ranks) });
        }
        // The merged order: the old values still used, the new ones where they go.
        let mut merged: Vec<Arc<str>> = Vec::with_capacity(sorted.len() + news.len());
        let mut old_rank = vec![NONE; sorted.len()];
        let mut new_rank = vec![NONE; fresh.len()];
        let mut q = 0;
        for p in 0..=sorted.len() {
            while let Some(&(_, k)) = news.get(q).filter(|(at, _)| *at == p) {
                new_rank[k as usize] = merged.len() as u32;
                merged.push(Arc::from(fresh[k as usize]));
                q += 1;
            }
            if p < sorted.len() && used[p] {
                old_rank[p] = merged.len() as u32;
                merged.push(Arc::clone(&sorted[p]));
            }
        }
        let ranks = rows
            .into_iter()
            .map(|r| match r {
                NONE => None,
                r if r < base => Some(old_rank[r as usize]),
                r => Some(new_rank[(r - base) as usize]),
            })
            .collect();
        Some(TextOrder { sorted: Arc::new(merged), ranks: Arc::new(ranks) })
    }

    /// The order of `values` by `natural_cmp` alone.
    pub fn natural<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> TextOrder {
        TextOrder::build(values, None, &Natural)
    }

    /// The rank of row `i`'s value (smaller first); `None` without a value or past the end.
    pub fn rank(&self, i: usize) -> Option<u32> {
        self.ranks.get(i).copied().flatten()
    }

    /// How many rows the order was built for.
    pub fn rows(&self) -> usize {
        self.ranks.len()
    }

    /// The distinct values, in order.
    pub fn sorted(&self) -> &[Arc<str>] {
        &self.sorted
    }
}

/// The first position in `sorted` whose value does not come before `v`: a binary search.
fn first_not_before(sorted: &[Arc<str>], v: &str, collation: &impl Collation) -> Option<usize> {
    let (mut lo, mut hi) = (0, sorted.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if collation.compare(&sorted[mid], v)? == Ordering::Less {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Some(lo)
}

#[cfg(test)]
#[path = "text_order_tests.rs"]
mod tests;
