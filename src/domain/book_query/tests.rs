use super::*;
use crate::domain::book::{Account, AsOfRules, Outcome, Term};
use crate::domain::health::HealthSettings;
use crate::domain::tiers::TierSettings;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn acct(id: &str, name: &str, owner: &str, industry: &str, arr: f64, activity: Option<f64>, end: &str) -> Account {
    Account {
        id: id.into(),
        name: name.into(),
        owner: owner.into(),
        industry: industry.into(),
        activity,
        terms: vec![Term { start: d("2025-01-01"), end: d(end), arr, outcome: Outcome::Open }],
        ..Default::default()
    }
}

fn book() -> Book {
    Book {
        accounts: vec![
            acct("A1", "Acme Robotics", "Li Na", "Manufacturing", 150_000.0, Some(80.0), "2025-12-31"),
            acct("A2", "北京云帆科技", "", "SaaS", 8_000.0, None, "2025-06-30"),
            acct("A3", "acme foods", "Wang Wei", "manufacturing", 30_000.0, Some(20.0), "2025-09-30"),
            acct("A4", "Zeta", "Li Na", "", 2_000.0, Some(55.0), "2026-03-31"),
        ],
    }
}

fn run(filter: BookFilter, sort: Sort) -> Vec<u32> {
    let b = book();
    let as_of = d("2025-03-01");
    let snap = Snapshot::new(&b, as_of, &AsOfRules::default(), &HealthSettings::default(), &TierSettings::default());
    query(&b, &snap, &SearchIndex::new(&b), &filter, sort, as_of, None)
}

#[test]
fn text_matches_every_word_in_any_field_case_insensitively() {
    let f = |t: &str| BookFilter { text: t.into(), ..Default::default() };
    // Default order: by name.
    assert_eq!(run(f("ACME"), Sort::default()), vec![2, 0]);
    assert_eq!(run(f("acme li"), Sort::default()), vec![0]);
    assert_eq!(run(f("云帆"), Sort::default()), vec![1]);
    assert_eq!(run(f("a4"), Sort::default()), vec![3]);
    assert_eq!(run(f("nothing-like-this"), Sort::default()), Vec::<u32>::new());
    // Words never match across two fields.
    assert_eq!(run(f("robotics a1"), Sort::default()), vec![0]);
    assert_eq!(run(f("roboticsa1"), Sort::default()), Vec::<u32>::new());
}

#[test]
fn filters_combine() {
    let by_owner = BookFilter { owner: Some("Li Na".into()), ..Default::default() };
    assert_eq!(run(by_owner, Sort::default()), vec![0, 3]);
    let unassigned = BookFilter { owner: Some(String::new()), ..Default::default() };
    assert_eq!(run(unassigned, Sort::default()), vec![1]);
    let industry = BookFilter { industry: Some(" MANUFACTURING ".into()), ..Default::default() };
    assert_eq!(run(industry, Sort::default()), vec![2, 0]);
    // Default tiers: 150K strategic (0), 30K key (1), 8K growth (2), 2K long tail (3).
    let tier = BookFilter { tier: Some(1), owner: Some("Wang Wei".into()), ..Default::default() };
    assert_eq!(run(tier, Sort::default()), vec![2]);
    let red = BookFilter { band: Some(Band::Red), ..Default::default() };
    assert_eq!(run(red, Sort::default()), vec![2]);
    let none = BookFilter { band: Some(Band::None), ..Default::default() };
    assert_eq!(run(none, Sort::default()), vec![1]);
}

#[test]
fn sorting_puts_missing_values_last_both_ways() {
    let all = BookFilter::default();
    let s = |key, descending| Sort { key, descending };
    assert_eq!(run(all.clone(), s(SortKey::Arr, true)), vec![0, 2, 1, 3]);
    assert_eq!(run(all.clone(), s(SortKey::Arr, false)), vec![3, 1, 2, 0]);
    assert_eq!(run(all.clone(), s(SortKey::Health, false)), vec![2, 3, 0, 1]);
    assert_eq!(run(all.clone(), s(SortKey::Health, true)), vec![0, 3, 2, 1]);
    assert_eq!(run(all.clone(), s(SortKey::Owner, false)), vec![0, 3, 2, 1]);
    assert_eq!(run(all.clone(), s(SortKey::Owner, true)), vec![2, 0, 3, 1]);
    assert_eq!(run(all.clone(), s(SortKey::End, false)), vec![1, 2, 0, 3]);
    assert_eq!(run(all, s(SortKey::Name, false)), vec![2, 0, 3, 1]);
}

fn named(names: &[&str]) -> Book {
    Book {
        accounts: names
            .iter()
            .enumerate()
            .map(|(i, n)| acct(&format!("C-{}", 10 - i), n, "", "", 1_000.0, None, "2025-12-31"))
            .collect(),
    }
}

fn sorted_names(b: &Book, sort: Sort, text: Option<&ColumnOrder>) -> Vec<String> {
    let as_of = d("2025-03-01");
    let snap = Snapshot::new(b, as_of, &AsOfRules::default(), &HealthSettings::default(), &TierSettings::default());
    query(b, &snap, &SearchIndex::new(b), &BookFilter::default(), sort, as_of, text)
        .into_iter()
        .map(|i| b.accounts[i as usize].name.clone())
        .collect()
}

/// The fast path (keys made once per row) gives `natural_cmp`'s order, leading zeros,
/// case, full-width digits, punctuation and Chinese included.
#[test]
fn sorting_by_keys_matches_natural_cmp() {
    // `named` gives ids C-10 down to C-0: at most eleven names.
    let names = ["a01", "a1", "A1", "a-1", "B2", "b10", "Ｂ３", "x99999999999999999999", "张三", "9z", ""];
    let b = named(&names);
    let asc = Sort { key: SortKey::Name, descending: false };
    let mut want: Vec<&str> = names.iter().copied().filter(|n| !n.trim().is_empty()).collect();
    want.sort_by(|a, b| natural_cmp(a, b));
    let got = sorted_names(&b, asc, None);
    assert_eq!(&got[..want.len()], want.as_slice());
    assert_eq!(got.len(), names.len());
}

#[test]
fn names_and_ids_sort_naturally() {
    let b = named(&["Company 1003", "Company 10", " ", "company 2", "Company 1", "Company 2"]);
    let asc = Sort { key: SortKey::Name, descending: false };
    let want = ["Company 1", "Company 2", "company 2", "Company 10", "Company 1003", " "];
    assert_eq!(sorted_names(&b, asc, None), want);
    // Prepared natively, the same order.
    let natural = ColumnOrder::natural(&b, SortKey::Name);
    assert_eq!(sorted_names(&b, asc, Some(&natural)), want);
    // Descending reverses the names; the empty one stays last.
    let desc = Sort { key: SortKey::Name, descending: true };
    assert_eq!(
        sorted_names(&b, desc, Some(&natural)),
        ["Company 1003", "Company 10", "company 2", "Company 2", "Company 1", " "]
    );
    // Ids C-10, C-9 … C-5: by number.
    let by_id = Sort { key: SortKey::Id, descending: false };
    assert_eq!(
        sorted_names(&b, by_id, None),
        ["Company 2", "Company 1", "company 2", " ", "Company 10", "Company 1003"]
    );
}

#[test]
fn a_prepared_order_decides_text_columns() {
    // A stand-in for the browser's pinyin collator.
    let pinyin = |v: &[&str]| {
        let key = |s: &str| ["阿里巴巴", "北京银行", "张三科技"].iter().position(|x| *x == s);
        let mut order: Vec<u32> = (0..v.len() as u32).collect();
        order.sort_by_key(|&i| key(v[i as usize]));
        Some(order)
    };
    let b = named(&["张三科技", "北京银行", "阿里巴巴"]);
    let asc = Sort { key: SortKey::Name, descending: false };
    let order = ColumnOrder::build(&b, SortKey::Name, None, &crate::domain::natural::SortOnly(pinyin));
    assert_eq!(sorted_names(&b, asc, Some(&order)), ["阿里巴巴", "北京银行", "张三科技"]);
    // Without it: code point order.
    assert_eq!(sorted_names(&b, asc, None), ["北京银行", "张三科技", "阿里巴巴"]);
    // An order for another key, or another book, is not used.
    let by_id = Sort { key: SortKey::Id, descending: false };
    assert_eq!(sorted_names(&b, by_id, Some(&order)), ["阿里巴巴", "北京银行", "张三科技"]);
    let smaller = named(&["张三科技", "北京银行"]);
    assert_eq!(sorted_names(&smaller, asc, Some(&order)), ["北京银行", "张三科技"]);
}

#[test]
fn lists_for_the_filters() {
    let (owners, industries) = owners_and_industries(&book());
    assert_eq!(owners, vec!["Li Na", "Wang Wei"]);
    assert_eq!(industries, vec!["Manufacturing", "SaaS"]);
}

#[test]
fn a_filter_narrows_the_last_one_when_its_words_hold_the_last_ones() {
    let f = |t: &str| BookFilter { text: t.into(), ..Default::default() };
    assert!(f("apex").narrows(&f("ap")));
    assert!(f("AP north").narrows(&f("ap")));
    assert!(f("ap").narrows(&f("")));
    assert!(f("ap").narrows(&f("ap ")));
    assert!(!f("ap").narrows(&f("apex")), "a deleted letter lets more through");
    assert!(!f("north").narrows(&f("ap")));
    let by_tier = BookFilter { tier: Some(1), ..f("apex") };
    assert!(!by_tier.narrows(&f("ap")), "another choice");
    assert!(BookFilter::default().is_everything());
    assert!(f("  ").is_everything());
    assert!(!f("a").is_everything());
    assert!(!BookFilter { stage: Some(Stage::Kickoff), ..Default::default() }.is_everything());
}

#[test]
fn filtering_the_ordered_rows_is_the_query() {
    let b = book();
    let as_of = d("2025-03-01");
    let snap = Snapshot::new(&b, as_of, &AsOfRules::default(), &HealthSettings::default(), &TierSettings::default());
    let index = SearchIndex::new(&b);
    assert_eq!(index.row(1), Some("北京云帆科技\u{1}a2\u{1}saas\u{1}\u{1}\u{1}"));
    assert_eq!(index.row(3), Some("zeta\u{1}a4\u{1}\u{1}\u{1}li na\u{1}"));
    assert_eq!(index.row(4), None);
    let by_arr = Sort { key: SortKey::Arr, descending: true };
    let all = order(&b, &snap, by_arr, as_of, None);
    assert_eq!(all, vec![0, 2, 1, 3]);
    let acme = BookFilter { text: "ACME".into(), ..Default::default() };
    assert_eq!(filter_rows(&all, &b, &snap, &index, &acme), vec![0, 2]);
    // From rows already narrowed, in their order.
    assert_eq!(filter_rows(&[2, 0], &b, &snap, &index, &acme), vec![2, 0]);
    let li = BookFilter { owner: Some("Li Na".into()), ..Default::default() };
    assert_eq!(filter_rows(&all, &b, &snap, &SearchIndex::default(), &li), vec![0, 3]);
}

#[test]
fn the_first_rows_in_order_by_one_comparison_each() {
    let by_value = |a: u32, b: u32| (a % 10).cmp(&(b % 10)).then(a.cmp(&b));
    assert_eq!(order::first_in_order(&[13, 4, 21, 7, 30, 11, 2], 3, by_value), vec![30, 11, 21]);
    assert_eq!(order::first_in_order(&[5, 1], 3, by_value), vec![1, 5]);
    assert_eq!(order::first_in_order(&[5, 1], 0, by_value), Vec::<u32>::new());
}

/// A book too large to sort whole before its names are ranked: the rows a screen shows first
/// are those of the natural order, the others follow in book order, the nameless last.
#[test]
fn a_large_book_not_ranked_yet_shows_its_first_rows_in_natural_order() {
    let n = 25_000;
    let b = Book {
        accounts: (0..n)
            .map(|i| {
                let name = if i % 1000 == 999 { String::new() } else { format!("Company {}", (i * 7919) % n) };
                acct(&format!("C{i}"), &name, "", "", 1_000.0, None, "2025-12-31")
            })
            .collect(),
    };
    let as_of = d("2025-03-01");
    let snap = Snapshot::new(&b, as_of, &AsOfRules::default(), &HealthSettings::default(), &TierSettings::default());
    let natural = ColumnOrder::natural(&b, SortKey::Name);
    for descending in [false, true] {
        let sort = Sort { key: SortKey::Name, descending };
        let quick = order(&b, &snap, sort, as_of, None);
        let full = order(&b, &snap, sort, as_of, Some(&natural));
        assert_eq!(quick[..200], full[..200], "descending: {descending}");
        if !descending {
            assert_eq!(b.accounts[full[0] as usize].name, "Company 0");
        }
        let rest: Vec<u32> = quick[200..].to_vec();
        let named = rest.iter().take_while(|&&i| !b.accounts[i as usize].name.is_empty()).count();
        assert_eq!(named, n as usize - 25 - 200);
        assert!(rest[..named].windows(2).all(|w| w[0] < w[1]), "in book order");
        assert_eq!(rest[named..], (0..25).map(|k| k * 1000 + 999).collect::<Vec<u32>>()[..]);
    }
}

#[test]
fn the_whole_index_search_finds_what_the_search_per_account_finds() {
    let b = book();
    let index = SearchIndex::new(&b);
    let words = |t: &str| BookFilter { text: t.into(), ..Default::default() }.words();
    assert_eq!(index.matching(&words("acme")), Some(vec![true, false, true, false]));
    assert_eq!(index.matching(&words("li acme")), Some(vec![true, false, false, false]));
    assert_eq!(index.matching(&words("a")), Some(vec![true, true, true, true]));
    assert_eq!(index.matching(&words("na a4")), Some(vec![false, false, false, true]));
    // Never across two fields, nor two accounts.
    assert_eq!(index.matching(&words("roboticsa1")), Some(vec![false; 4]));
    assert_eq!(index.matching(&words("foods")), Some(vec![false, false, true, false]));
    assert_eq!(index.matching(&["a\u{1}".to_string()]), None);
    // The query takes the same rows either way: through the whole index (all rows) or per
    // account (a few rows).
    let as_of = d("2025-03-01");
    let snap = Snapshot::new(&b, as_of, &AsOfRules::default(), &HealthSettings::default(), &TierSettings::default());
    let f = BookFilter { text: "ACME ro".into(), ..Default::default() };
    assert_eq!(filter_rows(&[0, 1, 2, 3], &b, &snap, &index, &f), vec![0]);
    assert_eq!(filter_rows(&[0], &b, &snap, &index, &f), vec![0]);
}
