//! One stable sort for the whole app.
//!
//! `slice::sort_by` compiles a copy of the standard library's sort (about 4.5 KB of wasm) for
//! every element type and comparator it is called with: 30 copies, 137 KB of the linked wasm.
//! These helpers sort a list of positions once, through a comparator behind a pointer, then
//! move the items into that order, so the sort itself is compiled once. The result is the
//! same as `sort_by`: stable, equal items keep their order.
//!
//! The Book table's own sorts (`book_query`) keep the standard sort: they run on 100,000 rows
//! at a keystroke, where the indirect call per comparison would be measurable.

use std::cmp::Ordering;

/// `slice::sort_by`, stable.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items: &[T] = items;
        positions_in_order(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    apply(&order, &mut |a, b| items.swap(a, b));
}

/// `slice::sort_by_key`, stable.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)))
}

/// The positions 0..n in the order `compare` gives them, equal ones in their own order: a
/// permutation, when the items themselves need not move.
pub fn sorted_positions(n: usize, mut compare: impl FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    positions_in_order(n, &mut compare)
}

#[inline(never)]
fn positions_in_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the items so that position k holds the item that was at `order[k]`: each cycle of the
/// permutation is walked once, with one swap per step.
#[inline(never)]
fn apply(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut at = start;
        while !done[at] {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_sort_and_keeps_equal_items_in_order() {
        // (key, original position): equal keys must keep their positions' order.
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, vec![(0, 'f'), (1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        sort_by(&mut v, |a, b| b.0.cmp(&a.0));
        assert_eq!(v, vec![(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e'), (0, 'f')]);
    }

    #[test]
    fn every_permutation_of_five_comes_out_sorted() {
        // All 120 orders of 0..5, including long and short cycles.
        let mut seen = 0;
        let mut p = [0usize, 1, 2, 3, 4];
        loop {
            let mut v = p.to_vec();
            sort_by(&mut v, |a, b| a.cmp(b));
            assert_eq!(v, vec![0, 1, 2, 3, 4], "from {p:?}");
            seen += 1;
            // next permutation in lexicographic order
            let Some(i) = (0..4).rev().find(|&i| p[i] < p[i + 1]) else { break };
            let j = (i + 1..5).rev().find(|&j| p[j] > p[i]).unwrap_or(i + 1);
            p.swap(i, j);
            p[i + 1..].reverse();
        }
        assert_eq!(seen, 120);
    }

    #[test]
    fn positions_are_the_permutation() {
        let v = ["c", "a", "b", "a"];
        assert_eq!(sorted_positions(v.len(), |a, b| v[a].cmp(v[b])), vec![1, 3, 2, 0]);
    }

    #[test]
    fn empty_and_single() {
        let mut e: Vec<String> = Vec::new();
        sort_by_key(&mut e, |s| s.clone());
        assert!(e.is_empty());
        let mut one = vec!["x".to_string()];
        sort_by(&mut one, |a, b| a.cmp(b));
        assert_eq!(one, vec!["x".to_string()]);
    }
}
