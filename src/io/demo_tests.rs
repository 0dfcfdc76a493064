//! The demo book's determinism and rough shape.

use chrono::NaiveDate;

use super::demo::{generate, Rng};
use crate::domain::dates::{add_days, first_of_month, last_of_month};
use crate::domain::{Book, Outcome};
use crate::i18n::Lang;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const AS_OF: &str = "2025-06-30";

fn book(n: usize, lang: Lang) -> Book {
    generate(42, n, d(AS_OF), lang)
}

#[test]
fn splitmix64_reference_values() {
    // First outputs of splitmix64 seeded with 0, as published with the algorithm.
    let mut r = Rng::new(0);
    assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
}

#[test]
fn same_seed_same_book() {
    assert_eq!(book(300, Lang::Zh), book(300, Lang::Zh));
    assert_ne!(book(300, Lang::Zh), generate(43, 300, d(AS_OF), Lang::Zh));
}

#[test]
fn few_accounts_carry_most_arr() {
    let b = book(2000, Lang::En);
    let as_of = d(AS_OF);
    let mut arrs: Vec<f64> = b.accounts.iter().map(|a| a.arr(as_of)).collect();
    arrs.sort_by(|x, y| y.total_cmp(x));
    let total: f64 = arrs.iter().sum();
    let top: f64 = arrs[..200].iter().sum();
    assert!(top / total > 0.6, "top 10% carry {:.2}", top / total);
    let share = |lo: f64, hi: f64| arrs.iter().filter(|&&x| x >= lo && x < hi).count() as f64 / 2000.0;
    let strategic = share(100_000.0, f64::INFINITY);
    assert!((0.01..0.04).contains(&strategic), "strategic {strategic}");
    assert!((0.07..0.15).contains(&share(20_000.0, 100_000.0)));
    assert!((0.22..0.38).contains(&share(5_000.0, 20_000.0)));
}

#[test]
fn history_has_every_outcome_and_consistent_terms() {
    let b = book(1000, Lang::Zh);
    let as_of = d(AS_OF);
    let (mut renewed, mut churned, mut open) = (0, 0, 0);
    let (mut early, mut in_month, mut late) = (0, 0, 0);
    let mut up_or_down = 0;
    for a in &b.accounts {
        assert!(!a.terms.is_empty());
        assert!(a.terms[0].start >= add_days(as_of, -4 * 366) && a.terms[0].start <= as_of);
        for (i, t) in a.terms.iter().enumerate() {
            assert!(t.end > t.start && t.arr > 0.0);
            match t.outcome {
                Outcome::Renewed(on) => {
                    renewed += 1;
                    assert!(on <= as_of);
                    let next = &a.terms[i + 1];
                    assert_eq!(next.start, add_days(t.end, 1));
                    up_or_down += usize::from(next.arr != t.arr);
                    if on < first_of_month(t.end) {
                        early += 1;
                    } else if on <= last_of_month(t.end) {
                        in_month += 1;
                    } else {
                        late += 1;
                    }
                }
                Outcome::Churned(on) => {
                    churned += 1;
                    assert!(on <= as_of);
                    assert!(a.last_touch.is_none_or(|l| l <= on.max(a.terms[0].start)));
                    assert_eq!(i, a.terms.len() - 1);
                }
                Outcome::Open => {
                    open += 1;
                    assert_eq!(i, a.terms.len() - 1);
                }
            }
        }
    }
    assert!(renewed > 500 && churned > 50 && open > 300, "{renewed} {churned} {open}");
    assert!(early > 50 && in_month > 200 && late > 50, "{early} {in_month} {late}");
    assert!(up_or_down > 100);
    assert!(b.accounts.iter().filter(|a| a.go_live.is_none()).count() > 20);
    assert!(b.accounts.iter().filter(|a| a.go_live.is_some()).count() > 800);
}

#[test]
fn renewed_accounts_are_more_active() {
    let b = book(2000, Lang::En);
    let mean = |renewed: bool| {
        let xs: Vec<f64> = b
            .accounts
            .iter()
            .filter(|a| a.terms.len() > 1 || matches!(a.terms[0].outcome, Outcome::Churned(_)))
            .filter(|a| (a.terms.len() > 1) == renewed)
            .filter_map(|a| a.activity)
            .collect();
        xs.iter().sum::<f64>() / xs.len() as f64
    };
    assert!(mean(true) > mean(false) + 10.0, "{} vs {}", mean(true), mean(false));
}

#[test]
fn people_and_names_in_the_language() {
    let zh = book(400, Lang::Zh);
    let owners: std::collections::BTreeSet<&str> =
        zh.accounts.iter().map(|a| a.owner.as_str()).filter(|o| !o.is_empty()).collect();
    assert_eq!(owners.len(), 7); // 400 accounts: 6 CSMs plus one for one doubling
    assert!(zh.accounts.iter().any(|a| a.owner.is_empty()));
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    assert!(zh.accounts.iter().all(|a| cjk(&a.name) && cjk(&a.industry) && cjk(&a.region)));
    let en = book(400, Lang::En);
    assert!(en.accounts.iter().all(|a| a.name.is_ascii() && !a.name.is_empty() && a.industry.is_ascii()));
    let big = generate(1, 100_000, d(AS_OF), Lang::En);
    let owners: std::collections::BTreeSet<&str> = big.accounts.iter().map(|a| a.owner.as_str()).collect();
    assert_eq!(owners.len(), 13); // 12 CSMs and unassigned
    let ids: std::collections::HashSet<&str> = big.accounts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), 100_000);
}

#[test]
fn scores_are_in_range() {
    for a in &book(500, Lang::En).accounts {
        for s in [a.fit, a.activity, a.depth, a.satisfaction, a.health_override].into_iter().flatten() {
            assert!((0.0..=100.0).contains(&s));
        }
        assert!(a.expansion_arr >= 0.0 && a.potential_arr.is_none_or(|p| p >= 0.0));
    }
}

#[test]
fn names_are_unique_even_in_a_large_book() {
    for lang in [Lang::En, Lang::Zh] {
        let book = generate(7, 20_000, chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(), lang);
        let mut names: Vec<&str> = book.accounts.iter().map(|a| a.name.as_str()).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before, "{lang:?}");
    }
}
