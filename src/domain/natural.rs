//! Natural order for names and ids: "Company 2" < "Company 10" < "Company 1003".
//!
//! Runs of digits compare by their numeric value (any length, leading zeros ignored, so no
//! overflow), everything else character by character ignoring case; strings that are equal
//! that way ("a01" and "a1", "Acme" and "acme") are ordered by their raw text, so the order
//! is total and the same on every run.
//!
//! This is the native order (tests, and the fallback when the browser has no `Intl.Collator`).
//! In the browser the Book page orders text with the collator of the app's language, which
//! adds pinyin order for Chinese (see `pages/book/sorting.rs`); `TextOrder` (text_order.rs) is
//! where both meet.

mod text_order;

use std::cmp::Ordering;
use std::collections::HashMap;

pub use text_order::{Collation, Natural, SortOnly, TextOrder};

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
    crate::domain::sort::sort_by(values, |a, b| natural_cmp(a, b));
}

/// The natural order of `values` as a permutation: the indices of `values`, in order.
pub fn natural_permutation(values: &[&str]) -> Vec<u32> {
    crate::domain::sort::sorted_positions(values.len(), |a, b| natural_cmp(values[a], values[b]))
        .into_iter()
        .map(|i| i as u32)
        .collect()
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
