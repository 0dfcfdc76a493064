use std::cell::Cell;
use std::cmp::Ordering;
use std::sync::Arc;

use super::*;

fn ranks(o: &TextOrder) -> Vec<Option<u32>> {
    (0..o.rows()).map(|i| o.rank(i)).collect()
}

fn texts(o: &TextOrder) -> Vec<&str> {
    o.sorted().iter().map(|s| &**s).collect()
}

#[test]
fn text_order_ranks_rows_equal_values_alike() {
    let o = TextOrder::natural([Some("Company 10"), None, Some("Company 2"), Some("Company 10"), Some("a")]);
    assert_eq!(ranks(&o), vec![Some(2), None, Some(1), Some(2), Some(0)]);
    assert_eq!(texts(&o), ["a", "Company 2", "Company 10"]);
    assert_eq!(o.rank(9), None);
    assert_eq!(TextOrder::natural([]).rows(), 0);
}

/// Orders by length, then raw text: a sorter unlike the natural order.
fn by_len(v: &[&str]) -> Option<Vec<u32>> {
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (v[a as usize], v[b as usize]);
        x.len().cmp(&y.len()).then(x.cmp(y))
    });
    Some(order)
}

#[test]
fn text_order_uses_the_sorter_and_reuses_the_previous_order() {
    let calls = Cell::new(0);
    let counting = SortOnly(|v: &[&str]| {
        calls.set(calls.get() + 1);
        by_len(v)
    });
    let first = TextOrder::build([Some("ccc"), Some("a"), Some("bb")], None, &counting);
    assert_eq!(texts(&first), ["a", "bb", "ccc"]);
    assert_eq!(ranks(&first), vec![Some(2), Some(0), Some(1)]);
    assert_eq!(calls.get(), 1);
    // The same values (another row order, a repeat): no sorting, the same order.
    let never = SortOnly(|_: &[&str]| -> Option<Vec<u32>> { panic!("sorted again") });
    let again = TextOrder::build([Some("bb"), Some("a"), Some("ccc"), Some("a")], Some(&first), &never);
    assert_eq!(ranks(&again), vec![Some(1), Some(0), Some(2), Some(0)]);
    assert!(Arc::ptr_eq(&again.sorted, &first.sorted));
    // A new value, one gone: the sorter sees the old ones in order first, then the new one.
    let seen = std::cell::RefCell::new(Vec::new());
    let watching = SortOnly(|v: &[&str]| {
        seen.replace(v.iter().map(|s| s.to_string()).collect());
        by_len(v)
    });
    let grown = TextOrder::build([Some("dddd"), None, Some("bb"), Some("a")], Some(&first), &watching);
    assert_eq!(*seen.borrow(), ["a", "bb", "dddd"]);
    assert_eq!(texts(&grown), ["a", "bb", "dddd"]);
    assert_eq!(ranks(&grown), vec![Some(2), None, Some(1), Some(0)]);
    // The very same values row for row: the previous order itself, shared.
    let same = TextOrder::build([Some("dddd"), None, Some("bb"), Some("a")], Some(&grown), &never);
    assert!(Arc::ptr_eq(&same.ranks, &grown.ranks));
    // A sorter that cannot sort, or answers with something else than a permutation: natural order.
    let x = [Some("x10"), Some("x9"), Some("X9")];
    let with = |o: Option<Vec<u32>>| TextOrder::build(x, None, &SortOnly(move |_: &[&str]| o.clone()));
    assert_eq!(texts(&with(None)), ["X9", "x9", "x10"]);
    assert_eq!(texts(&with(Some(vec![0, 0, 1]))), ["X9", "x9", "x10"]);
    assert_eq!(texts(&with(Some(vec![2, 1]))), ["X9", "x9", "x10"]);
    assert_eq!(texts(&with(Some(vec![2, 1, 0]))), ["X9", "x9", "x10"]);
    assert_eq!(texts(&with(Some(vec![0, 1, 2]))), ["x10", "x9", "X9"]);
}

/// `Natural`'s comparison, a sort that must not run, and a count of the comparisons.
#[derive(Default)]
struct Placing {
    compares: Cell<usize>,
}

impl Collation for Placing {
    fn sort(&self, _: &[&str]) -> Option<Vec<u32>> {
        panic!("the whole column was sorted")
    }
    fn compare(&self, a: &str, b: &str) -> Option<Ordering> {
        self.compares.set(self.compares.get() + 1);
        Some(natural_cmp(a, b))
    }
}

fn natural_of(values: &[Option<&str>]) -> TextOrder {
    TextOrder::natural(values.iter().copied())
}

#[test]
fn an_edited_row_is_placed_without_sorting_the_column() {
    let before = natural_of(&[Some("b"), Some("d"), Some("f")]);
    let p = Placing::default();
    // "d" becomes "a": "a" goes first, "d" (no row holds it) leaves.
    let after = TextOrder::build([Some("b"), Some("a"), Some("f")], Some(&before), &p);
    assert_eq!(texts(&after), ["a", "b", "f"]);
    assert_eq!(ranks(&after), vec![Some(1), Some(0), Some(2)]);
    // "b" becomes "e", between "d" and "f"; a binary search over three values: two comparisons.
    let p = Placing::default();
    let after = TextOrder::build([Some("e"), Some("d"), Some("f")], Some(&before), &p);
    assert_eq!(texts(&after), ["d", "e", "f"]);
    assert_eq!(ranks(&after), vec![Some(1), Some(0), Some(2)]);
    assert_eq!(p.compares.get(), 3, "two for the binary search, one to see that \"f\" is not \"e\"");
    // A value the column already has: its rank, the list of values shared.
    let after = TextOrder::build([Some("b"), Some("d"), Some("d")], Some(&before), &Placing::default());
    assert_eq!(texts(&after), ["b", "d"]);
    assert_eq!(ranks(&after), vec![Some(0), Some(1), Some(1)]);
    let grown = natural_of(&[Some("m"), None]);
    let filled = TextOrder::build([Some("m"), Some("m")], Some(&grown), &Placing::default());
    assert!(Arc::ptr_eq(&filled.sorted, &grown.sorted));
    assert_eq!(ranks(&filled), vec![Some(0), Some(0)]);
    // Emptied: the row has no rank and its value leaves.
    let emptied = TextOrder::build([Some("b"), None, Some("f")], Some(&before), &Placing::default());
    assert_eq!(texts(&emptied), ["b", "f"]);
    assert_eq!(ranks(&emptied), vec![Some(0), None, Some(1)]);
    // Nothing changed: the same order, shared.
    let same = TextOrder::build([Some("b"), Some("d"), Some("f")], Some(&before), &Placing::default());
    assert!(Arc::ptr_eq(&same.ranks, &before.ranks));
}

#[test]
fn rows_deleted_or_added_line_up_again() {
    let before = natural_of(&[Some("a"), Some("b"), Some("c"), Some("d")]);
    // Row 1 deleted: every other row lines up one further on, nothing to compare.
    let p = Placing::default();
    let after = TextOrder::build([Some("a"), Some("c"), Some("d")], Some(&before), &p);
    assert_eq!(texts(&after), ["a", "c", "d"]);
    assert_eq!(ranks(&after), vec![Some(0), Some(1), Some(2)]);
    assert_eq!(p.compares.get(), 0);
    // Rows 0 and 2 deleted.
    let after = TextOrder::build([Some("b"), Some("d")], Some(&before), &p);
    assert_eq!((texts(&after), ranks(&after)), (vec!["b", "d"], vec![Some(0), Some(1)]));
    // An account added at the end: "x3" goes between "x2" and "x10".
    let numbered = natural_of(&[Some("x2"), Some("x10")]);
    let after = TextOrder::build([Some("x2"), Some("x10"), Some("x3")], Some(&numbered), &Placing::default());
    assert_eq!(texts(&after), ["x2", "x3", "x10"]);
    assert_eq!(ranks(&after), vec![Some(0), Some(2), Some(1)]);
    // A row put back in the middle (an undone deletion).
    let after = TextOrder::build([Some("a"), Some("b"), Some("bb"), Some("c"), Some("d")], Some(&before), &p);
    assert_eq!(texts(&after), ["a", "b", "bb", "c", "d"]);
    assert_eq!(ranks(&after), vec![Some(0), Some(1), Some(2), Some(3), Some(4)]);
}

/// Ignores case: "B" and "b" are equal to it.
struct CaseBlind;

impl Collation for CaseBlind {
    fn sort(&self, values: &[&str]) -> Option<Vec<u32>> {
        let mut order: Vec<u32> = (0..values.len() as u32).collect();
        order.sort_by_key(|&i| values[i as usize].to_lowercase());
        Some(order)
    }
    fn compare(&self, a: &str, b: &str) -> Option<Ordering> {
        Some(a.to_lowercase().cmp(&b.to_lowercase()))
    }
}

#[test]
fn a_new_value_equal_to_old_ones_goes_after_them_as_a_sort_would_put_it() {
    let before = TextOrder::build([Some("B"), Some("a"), Some("c")], None, &CaseBlind);
    assert_eq!(texts(&before), ["a", "B", "c"]);
    let after = TextOrder::build([Some("B"), Some("b"), Some("c")], Some(&before), &CaseBlind);
    assert_eq!(texts(&after), ["B", "b", "c"]);
    assert_eq!(ranks(&after), vec![Some(0), Some(1), Some(2)]);
    // Two new values at the same place keep their own order; equal ones, that of their rows.
    let after = TextOrder::build([Some("B"), Some("bb"), Some("C"), Some("Bb")], Some(&before), &CaseBlind);
    assert_eq!(texts(&after), ["B", "bb", "Bb", "C"]);
    assert_eq!(ranks(&after), vec![Some(0), Some(1), Some(3), Some(2)]);
}

#[test]
fn a_large_change_or_a_collation_without_comparison_sorts_the_column() {
    let names: Vec<String> = (0..400).map(|i| format!("n{i}")).collect();
    let before = TextOrder::natural(names.iter().map(|s| Some(s.as_str())));
    let renamed: Vec<String> = (0..400).map(|i| format!("m{i}")).collect();
    let sorts = Cell::new(0);
    let counting = SortOnly(|v: &[&str]| {
        sorts.set(sorts.get() + 1);
        Some(natural_permutation(v))
    });
    let after = TextOrder::build(renamed.iter().map(|s| Some(s.as_str())), Some(&before), &counting);
    assert_eq!(sorts.get(), 1, "400 new values: sorted");
    assert_eq!(texts(&after)[..3], ["m0", "m1", "m2"]);
    assert_eq!(after.rank(10), Some(10));
    // One changed row, but no comparison to place it with: sorted too.
    let one: Vec<Option<&str>> = (0..400).map(|i| Some(if i == 7 { "zz" } else { names[i].as_str() })).collect();
    let after = TextOrder::build(one.iter().copied(), Some(&before), &counting);
    assert_eq!(sorts.get(), 2);
    assert_eq!(after.rank(7), Some(399));
}

/// Edits of every kind, one after the other, each kept up to date from the one before: the
/// same order as one made from scratch each time.
#[test]
fn updates_give_the_order_made_from_scratch() {
    let mut seed: u32 = 12345;
    let mut next = move |n: u32| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (seed >> 16) % n
    };
    let word = |k: u32| if k.is_multiple_of(13) { None } else { Some(format!("W{} {}", k % 7, k % 50)) };
    let mut values: Vec<Option<String>> = (0..60).map(word).collect();
    let mut order = TextOrder::natural(values.iter().map(|v| v.as_deref()));
    for step in 0..300 {
        match next(4) {
            0 => {
                let i = next(values.len() as u32) as usize;
                values[i] = word(next(500));
            }
            1 if values.len() > 5 => {
                values.remove(next(values.len() as u32) as usize);
            }
            2 => values.insert(next(values.len() as u32 + 1) as usize, word(next(500))),
            _ => values.push(word(next(500))),
        }
        order = TextOrder::build(values.iter().map(|v| v.as_deref()), Some(&order), &Placing::default());
        let fresh = TextOrder::natural(values.iter().map(|v| v.as_deref()));
        assert_eq!(texts(&order), texts(&fresh), "step {step}");
        assert_eq!(ranks(&order), ranks(&fresh), "step {step}");
    }
}
