//! Natural order for names and ids: "Company 2" < "Company 10" < "Company 1003".
//!
//! Runs of digits compare by their numeric value (any length, leading zeros ignored, so no
//! overflow), everything else character by character ignoring case; strings that are equal
//! that way ("a01" and "a1", "Acme" and "acme") are ordered by their raw text, so the order
//! is total and the same on every run.
//!
//! This is the native order (tests, and the fallback when the browser has no `Intl.Collator`).
//! In the browser the Book page orders text with the collator of the app's language, which
//! adds pinyin order for Chinese (see `pages/book/sorting.rs`); `TextOrder` is where both meet.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::sync::Arc;

/// The value of a decimal digit: ASCII 0-9 and the full-width ０-９ a Chinese keyboard types.
fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// Natural, case-insensitive comparison with a raw-text tie-break: a total order.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    natural_cmp_loose(a, b).then_with(|| a.cmp(b))
}

/// Natural comparison without the tie-break: "a01" and "a1", "ACME" and "acme" are equal.
pub fn natural_cmp_loose(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(cx), Some(cy)) => match (digit(cx), digit(cy)) {
                (Some(_), Some(_)) => {
                    let o = cmp_numbers(&mut x, &mut y);
                    if o != Ordering::Equal {
                        return o;
                    }
                }
                _ => {
                    x.next();
                    y.next();
                    if cx != cy {
                        let o = cx.to_lowercase().cmp(cy.to_lowercase());
                        if o != Ordering::Equal {
                            return o;
                        }
                    }
                }
            },
        }
    }
}

/// Consumes a run of digits from each side and compares their values: without leading zeros,
/// the longer run is the larger number, and runs of the same length compare digit by digit.
fn cmp_numbers(
    x: &mut std::iter::Peekable<std::str::Chars<'_>>,
    y: &mut std::iter::Peekable<std::str::Chars<'_>>,
) -> Ordering {
    fn significant(it: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some(d) = it.peek().copied().and_then(digit) {
            it.next();
            if !(out.is_empty() && d == 0) {
                out.push(d);
            }
        }
        out
    }
    let (dx, dy) = (significant(x), significant(y));
    dx.len().cmp(&dy.len()).then_with(|| dx.cmp(&dy))
}

/// Sorts `values` in natural order (stable, so equal strings keep their order).
pub fn natural_sort(values: &mut [&str]) {
    values.sort_by(|a, b| natural_cmp(a, b));
}

/// The natural order of `values` as a permutation: the indices of `values`, in order.
pub fn natural_permutation(values: &[&str]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..values.len() as u32).collect();
    order.sort_by(|&a, &b| natural_cmp(values[a as usize], values[b as usize]));
    order
}

/// The longest run of digits in `s` (ASCII or full-width), in digits.
pub fn longest_digit_run(s: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in s.chars() {
        run = if digit(c).is_some() { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// `s` with every run of digits written in ASCII and padded with zeros to `width` digits, so
/// that comparing the texts digit by digit compares the numbers: with `width` at least the
/// longest run, "Company 2" and "Company 10" become "Company 02" and "Company 10". Runs that
/// differ only in leading zeros ("a01", "a1") become equal. A text without digits is itself.
pub fn pad_numbers(s: &str, width: usize) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| digit(c).is_some()) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + width);
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if !run.is_empty() {
            out.extend(std::iter::repeat_n('0', width.saturating_sub(run.len())));
            out.push_str(run);
            run.clear();
        }
    };
    for c in s.chars() {
        match digit(c) {
            Some(d) => run.push(char::from(b'0' + d)),
            None => {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
    }
    flush(&mut run, &mut out);
    std::borrow::Cow::Owned(out)
}

/// A fast hasher for the hash maps of many short texts (names, ids) built here: the default
/// SipHash resists crafted keys, which a person's own book in their own browser does not need,
/// and costs several times more per name in WebAssembly. (The multiply-rotate of rustc's Fx,
/// with a final mix.)
#[derive(Clone, Copy, Debug, Default)]
pub struct TextHasher(u64);

impl std::hash::Hasher for TextHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ rest.len() as u64);
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    /// The multiply only carries low bits up: the final mix (MurmurHash3's) spreads them back
    /// down, where the hash table takes its bucket from. Without it, ids like "C000123" that
    /// differ only in their later bytes all land in a few buckets.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

impl TextHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A hash map keyed by texts, with `TextHasher`.
pub type TextMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<TextHasher>>;

/// The order of a column of texts, to sort rows by it quickly: each distinct value once, in
/// order, and for each row the position of its value (equal values share it).
///
/// Built once per book (and language, in the browser) by a sorter that orders a list of
/// distinct values — the browser's collator or `natural_permutation` — and rebuilt from the
/// previous order when the book changes: a column whose values did not change is not sorted
/// again, and in one that changed the old values come to the sorter already in order, with
/// only the new ones to place.
#[derive(Clone, Debug, Default)]
pub struct TextOrder {
    /// Each distinct value, in order (shared with the orders rebuilt from this one).
    sorted: Arc<Vec<String>>,
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
    /// The order of `values` (one per row; `None` = no value), sorted by `sort`, which receives
    /// the distinct values — those of `previous` first, in their order, then the new ones in
    /// the order of their first row — and returns them in order, as indices into its list.
    /// `sort` returning `None` (no collator) or not a permutation falls back to natural order.
    pub fn build<'a>(
        values: impl IntoIterator<Item = Option<&'a str>>,
        previous: Option<&TextOrder>,
        sort: impl FnOnce(&[&str]) -> Option<Vec<u32>>,
    ) -> TextOrder {
        let values: Vec<Option<&'a str>> = values.into_iter().collect();
        // Row for row the values of the previous order (the column did not change): that order.
        if let Some(p) = previous.filter(|p| p.holds(&values)) {
            return p.clone();
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
        let kept: Vec<u32> = previous
            .map(|p| p.sorted.iter().filter_map(|s| ids.get(s.as_str()).copied()).collect())
            .unwrap_or_default();
        let (sorted_ids, sorted) = match previous {
            // The same values as before, in other rows: the same order, without sorting.
            Some(p) if kept.len() == distinct.len() => (kept, Arc::clone(&p.sorted)),
            _ => {
                let mut input = kept;
                let mut placed = vec![false; distinct.len()];
                for &id in &input {
                    placed[id as usize] = true;
                }
                input.extend((0..distinct.len() as u32).filter(|&id| !placed[id as usize]));
                let texts: Vec<&str> = input.iter().map(|&id| distinct[id as usize]).collect();
                let order = sort(&texts)
                    .filter(|o| is_permutation(o, texts.len()))
                    .unwrap_or_else(|| natural_permutation(&texts));
                let sorted_ids: Vec<u32> = order.iter().map(|&k| input[k as usize]).collect();
                let sorted = sorted_ids.iter().map(|&id| distinct[id as usize].to_string()).collect();
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

    /// Whether this order was built from exactly these values, row for row.
    fn holds(&self, values: &[Option<&str>]) -> bool {
        values.len() == self.ranks.len()
            && values.iter().zip(self.ranks.iter()).all(|(v, r)| match (v, r) {
                (Some(v), Some(r)) => self.sorted.get(*r as usize).is_some_and(|s| s == v),
                (None, None) => true,
                _ => false,
            })
    }

    /// The order of `values` by `natural_cmp` alone.
    pub fn natural<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> TextOrder {
        TextOrder::build(values, None, |_| None)
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
    pub fn sorted(&self) -> &[String] {
        &self.sorted
    }
}

/// Whether `order` holds each of 0..n exactly once.
pub fn is_permutation(order: &[u32], n: usize) -> bool {
    let mut seen = vec![false; n];
    order.len() == n && order.iter().all(|&k| seen.get_mut(k as usize).is_some_and(|s| !std::mem::replace(s, true)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Ordering::*;

    fn sorted(values: &[&str]) -> Vec<String> {
        let mut v = values.to_vec();
        natural_sort(&mut v);
        v.into_iter().map(String::from).collect()
    }

    #[test]
    fn numbers_compare_by_value() {
        assert_eq!(natural_cmp("Company 2", "Company 10"), Less);
        assert_eq!(natural_cmp("Company 10", "Company 1003"), Less);
        assert_eq!(natural_cmp("Company 1003", "Company 1"), Greater);
        assert_eq!(
            sorted(&["Company 1003", "Company 10", "Company 1", "Company 2"]),
            ["Company 1", "Company 2", "Company 10", "Company 1003"]
        );
        assert_eq!(sorted(&["A-100", "A-20", "A-3", "A-20b", "A-20a"]), ["A-3", "A-20", "A-20a", "A-20b", "A-100"]);
        // Several numbers in one text, each by value.
        assert_eq!(sorted(&["v1.10.2", "v1.2.10", "v1.2.9"]), ["v1.2.9", "v1.2.10", "v1.10.2"]);
    }

    #[test]
    fn leading_zeros_equal_by_value_then_raw_text() {
        assert_eq!(natural_cmp_loose("a01", "a1"), Equal);
        assert_eq!(natural_cmp_loose("a001", "a01"), Equal);
        // The tie-break is the raw text: '0' < '1'.
        assert_eq!(natural_cmp("a01", "a1"), Less);
        assert_eq!(natural_cmp("a1", "a01"), Greater);
        assert_eq!(natural_cmp("a01", "a2"), Less);
        assert_eq!(natural_cmp("a010", "a9"), Greater);
        assert_eq!(natural_cmp("0", "000"), Less); // a prefix first
        assert_eq!(natural_cmp_loose("000", "0"), Equal);
        assert_eq!(sorted(&["a1", "a2", "a01", "a002", "a10"]), ["a01", "a1", "a002", "a2", "a10"]);
    }

    #[test]
    fn very_long_numbers_do_not_overflow() {
        let big = "9".repeat(40);
        let bigger = format!("1{}", "0".repeat(40));
        assert_eq!(natural_cmp(&format!("id{big}"), &format!("id{bigger}")), Less);
        assert_eq!(natural_cmp(&format!("id{bigger}"), &format!("id000{bigger}")), Greater);
        assert_eq!(natural_cmp_loose(&format!("id{bigger}"), &format!("id000{bigger}")), Equal);
        let a = format!("{}1", "1".repeat(30));
        let b = format!("{}2", "1".repeat(30));
        assert_eq!(natural_cmp(&a, &b), Less);
        assert_eq!(natural_cmp(&u128::MAX.to_string(), &format!("{}0", u128::MAX)), Less);
    }

    #[test]
    fn case_insensitive_with_a_stable_tie_break() {
        assert_eq!(natural_cmp_loose("ACME", "acme"), Equal);
        assert_eq!(natural_cmp("ACME", "acme"), Less); // raw text: 'A' < 'a'
        assert_eq!(natural_cmp("apple", "Banana"), Less);
        assert_eq!(natural_cmp("Äpfel", "äpfel"), Less);
        assert_eq!(sorted(&["beta", "Alpha", "alpha", "Beta"]), ["Alpha", "alpha", "Beta", "beta"]);
    }

    #[test]
    fn empty_and_prefixes() {
        assert_eq!(natural_cmp("", ""), Equal);
        assert_eq!(natural_cmp("", "a"), Less);
        assert_eq!(natural_cmp("a", ""), Greater);
        assert_eq!(natural_cmp("", "0"), Less);
        assert_eq!(natural_cmp("Company", "Company 1"), Less);
        assert_eq!(natural_cmp("1", "a"), Less); // digits before letters, as in ASCII
        assert_eq!(natural_cmp("9", "10"), Less);
        assert_eq!(natural_cmp("x9y", "x10"), Less);
    }

    #[test]
    fn mixed_cjk_and_full_width_digits() {
        // Natively Chinese compares by code point (the browser's collator gives pinyin order).
        assert_eq!(natural_cmp("北京银行", "张三科技"), Less); // U+5317 < U+5F20
        assert_eq!(natural_cmp("张三科技", "阿里巴巴"), Less); // U+5F20 < U+963F
        assert_eq!(sorted(&["华东2号", "华东10号", "华东1号"]), ["华东1号", "华东2号", "华东10号"]);
        assert_eq!(natural_cmp("分公司２", "分公司10"), Less); // full-width digits count
        assert_eq!(natural_cmp_loose("分公司１０", "分公司10"), Equal);
        assert_eq!(natural_cmp("Acme", "阿里巴巴"), Less);
        assert_eq!(
            sorted(&["客户 10", "Client 2", "客户 9", "client 1"]),
            ["client 1", "Client 2", "客户 9", "客户 10"]
        );
    }

    #[test]
    fn the_order_is_total() {
        let words = ["", "0", "00", "1", "01", "a", "A", "a1", "a01", "A1", "a10", "b", "张", "张1", "１", "Ｚ", "z"];
        for x in words {
            assert_eq!(natural_cmp(x, x), Equal);
            for y in words {
                assert_eq!(natural_cmp(x, y), natural_cmp(y, x).reverse(), "{x:?} {y:?}");
                if x != y {
                    assert_ne!(natural_cmp(x, y), Equal, "{x:?} {y:?}");
                }
                for z in words {
                    if natural_cmp(x, y) == Less && natural_cmp(y, z) == Less {
                        assert_eq!(natural_cmp(x, z), Less, "{x:?} {y:?} {z:?}");
                    }
                }
            }
        }
    }

    fn ranks(o: &TextOrder) -> Vec<Option<u32>> {
        (0..o.rows()).map(|i| o.rank(i)).collect()
    }

    #[test]
    fn text_order_ranks_rows_equal_values_alike() {
        let o = TextOrder::natural([Some("Company 10"), None, Some("Company 2"), Some("Company 10"), Some("a")]);
        assert_eq!(ranks(&o), vec![Some(2), None, Some(1), Some(2), Some(0)]);
        assert_eq!(o.sorted(), ["a", "Company 2", "Company 10"]);
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
        let calls = std::cell::Cell::new(0);
        let first = TextOrder::build([Some("ccc"), Some("a"), Some("bb")], None, |v| {
            calls.set(calls.get() + 1);
            by_len(v)
        });
        assert_eq!(first.sorted(), ["a", "bb", "ccc"]);
        assert_eq!(ranks(&first), vec![Some(2), Some(0), Some(1)]);
        assert_eq!(calls.get(), 1);
        // The same values (another row order, a repeat): no sorting, the same order.
        let again =
            TextOrder::build([Some("bb"), Some("a"), Some("ccc"), Some("a")], Some(&first), |_| panic!("sorted again"));
        assert_eq!(ranks(&again), vec![Some(1), Some(0), Some(2), Some(0)]);
        assert!(Arc::ptr_eq(&again.sorted, &first.sorted));
        // A new value, one gone: the sorter sees the old ones in order first, then the new one.
        let seen = std::cell::RefCell::new(Vec::new());
        let grown = TextOrder::build([Some("dddd"), None, Some("bb"), Some("a")], Some(&first), |v| {
            seen.replace(v.iter().map(|s| s.to_string()).collect());
            by_len(v)
        });
        assert_eq!(*seen.borrow(), ["a", "bb", "dddd"]);
        assert_eq!(grown.sorted(), ["a", "bb", "dddd"]);
        assert_eq!(ranks(&grown), vec![Some(2), None, Some(1), Some(0)]);
        // The very same values row for row: the previous order itself, shared.
        let same =
            TextOrder::build([Some("dddd"), None, Some("bb"), Some("a")], Some(&grown), |_| panic!("sorted again"));
        assert!(Arc::ptr_eq(&same.ranks, &grown.ranks));
        // A sorter that cannot sort, or answers with something else than a permutation: natural order.
        let x = [Some("x10"), Some("x9"), Some("X9")];
        assert_eq!(TextOrder::build(x, None, |_| None).sorted(), ["X9", "x9", "x10"]);
        assert_eq!(TextOrder::build(x, None, |_| Some(vec![0, 0, 1])).sorted(), ["X9", "x9", "x10"]);
        assert_eq!(TextOrder::build(x, None, |_| Some(vec![2, 1])).sorted(), ["X9", "x9", "x10"]);
        assert_eq!(TextOrder::build(x, None, |_| Some(vec![2, 1, 0])).sorted(), ["X9", "x9", "x10"]);
        assert_eq!(TextOrder::build(x, None, |_| Some(vec![0, 1, 2])).sorted(), ["x10", "x9", "X9"]);
    }

    #[test]
    fn numbers_padded_for_a_digit_by_digit_comparison() {
        assert_eq!(longest_digit_run("Company 1003"), 4);
        assert_eq!(longest_digit_run("a1b22c０３３"), 3);
        assert_eq!(longest_digit_run("张三科技"), 0);
        assert_eq!(pad_numbers("Company 2", 4), "Company 0002");
        assert_eq!(pad_numbers("v1.10", 3), "v001.010");
        assert_eq!(pad_numbers("分公司１０", 3), "分公司010");
        assert_eq!(pad_numbers("a01", 2), pad_numbers("a1", 2));
        assert!(matches!(pad_numbers("阿里巴巴", 9), std::borrow::Cow::Borrowed("阿里巴巴")));
        // Padded to the longest run, a plain comparison (ignoring case) is the natural order.
        let words = ["Company 1003", "company 2", "Company 10", "Company 1", "x9y", "x10", "C-09", "C-100", "v1.2.10"];
        let width = words.iter().map(|w| longest_digit_run(w)).max().unwrap_or(0);
        let mut by_pad = words.to_vec();
        by_pad.sort_by_key(|w| pad_numbers(w, width).to_lowercase());
        let mut natural = words.to_vec();
        natural_sort(&mut natural);
        assert_eq!(by_pad, natural);
    }

    #[test]
    fn the_text_hasher_tells_texts_apart() {
        use std::hash::{BuildHasher, BuildHasherDefault};
        let h = |s: &str| BuildHasherDefault::<TextHasher>::default().hash_one(s);
        let words = ["", "a", "b", "ab", "ba", "abcdefgh", "abcdefghi", "abcdefgh\0", "张三", "张三科技", "Company 1"];
        let hashes: std::collections::HashSet<u64> = words.iter().map(|w| h(w)).collect();
        assert_eq!(hashes.len(), words.len());
        let mut m: TextMap<&str, usize> = TextMap::default();
        for (i, w) in words.iter().enumerate() {
            m.insert(w, i);
        }
        assert!(words.iter().enumerate().all(|(i, w)| m[w] == i));
        // Ids that differ only in later bytes spread over the low bits (a table's buckets).
        let buckets: std::collections::HashSet<u64> = (1..=4096).map(|i| h(&format!("C{i:06}")) & 4095).collect();
        assert!(buckets.len() > 2000, "{} buckets of 4096", buckets.len());
    }
}
