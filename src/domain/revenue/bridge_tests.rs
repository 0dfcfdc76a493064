use super::*;
use crate::domain::book::Account;
use crate::domain::revenue::{arr_on, counted};
use crate::domain::test_support::*;

/// The period of most tests: [2025-01-01, 2025-06-30], start read on 2024-12-31.
const P0: &str = "2025-01-01";
const P1: &str = "2025-06-30";

fn steady() -> Account {
    account("steady", "", vec![open("2024-01-01", "2025-12-31", 10_000.0)])
}

/// Renewed before P0 at 20,000 → 25,000, the new term starting on P0: +5,000 in January.
fn expands() -> Account {
    account(
        "expands",
        "",
        vec![renewed("2024-01-01", "2024-12-31", 20_000.0, "2024-12-15"), open("2025-01-01", "2025-12-31", 25_000.0)],
    )
}

/// Renewed inside the period at a lower arr, the new term starting 2025-04-01: −1,999.50.
fn contracts() -> Account {
    account(
        "contracts",
        "",
        vec![renewed("2024-04-01", "2025-03-31", 8_000.0, "2025-03-20"), open("2025-04-01", "2026-03-31", 6_000.5)],
    )
}

/// A churn notice counting on 2025-05-31.
fn churns() -> Account {
    account("churns", "", vec![churned("2024-06-01", "2025-05-31", 3_000.0, "2025-05-31")])
}

/// Open, ended 2025-02-28: lapsed from 2025-03-31 (end + 30 days = 2025-03-30 is the last day
/// of grace).
fn lapses() -> Account {
    account("lapses", "", vec![open("2024-03-01", "2025-02-28", 4_000.25)])
}

/// First term starts inside the period.
fn fresh() -> Account {
    account("fresh", "", vec![open("2025-02-01", "2026-01-31", 7_000.0)])
}

/// Lapsed since 2024-10-31 (not counted on P0 − 1), renewed late on 2025-02-15: returns at the
/// arr of its next term.
fn returns() -> Account {
    account(
        "returns",
        "",
        vec![renewed("2023-10-01", "2024-09-30", 5_000.0, "2025-02-15"), open("2024-10-01", "2025-09-30", 5_500.0)],
    )
}

/// First term starts the day after P1.
fn future() -> Account {
    account("future", "", vec![open("2025-07-01", "2026-06-30", 50_000.0)])
}

fn long_gone() -> Account {
    account("long_gone", "", vec![churned("2023-01-01", "2023-12-31", 9_000.0, "2023-12-31")])
}

fn no_terms() -> Account {
    account("no_terms", "", vec![])
}

fn mixed() -> Book {
    Book {
        accounts: vec![
            steady(),
            expands(),
            contracts(),
            churns(),
            lapses(),
            fresh(),
            returns(),
            future(),
            long_gone(),
            no_terms(),
        ],
    }
}

fn one(account: Account) -> Book {
    Book { accounts: vec![account] }
}

fn bridge(book: &Book) -> Bridge {
    arr_bridge(book, &AsOfRules::default(), d(P0), d(P1))
}

fn mv(account: usize, amount: f64) -> Movement {
    Movement { account, amount }
}

fn cents(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

/// end = start + new + expansion − contraction − churn, in whole cents.
fn identity_holds(b: &Bridge) -> bool {
    cents(b.start_arr) + cents(b.new) + cents(b.expansion) - cents(b.contraction) - cents(b.churn) == cents(b.end_arr)
}

/// (start, new, expansion, contraction, churn, end)
fn figures(b: &Bridge) -> (f64, f64, f64, f64, f64, f64) {
    (b.start_arr, b.new, b.expansion, b.contraction, b.churn, b.end_arr)
}

#[test]
fn counted_needs_a_started_first_term_and_an_active_stage() {
    let r = AsOfRules::default();
    let f = fresh();
    assert!(!counted(&f, d("2025-01-31"), &r));
    assert!(counted(&f, d("2025-02-01"), &r));
    let c = churns();
    assert!(counted(&c, d("2025-05-30"), &r));
    assert!(!counted(&c, d("2025-05-31"), &r));
    let l = lapses();
    assert!(counted(&l, d("2025-03-30"), &r));
    assert!(!counted(&l, d("2025-03-31"), &r));
    assert!(!counted(&no_terms(), d("2025-03-31"), &r));
    assert_eq!(arr_on(&expands(), d("2024-12-31")), 20_000.0);
    assert_eq!(arr_on(&expands(), d("2025-01-01")), 25_000.0);
}

#[test]
fn mixed_book_by_hand() {
    let b = bridge(&mixed());
    assert_eq!((b.from, b.to), (d(P0), d(P1)));
    // start: steady 10,000 + expands 20,000 + contracts 8,000 + churns 3,000 + lapses 4,000.25
    // new: fresh 7,000 + returns 5,500; expansion 5,000; contraction 1,999.50;
    // churn: lapses 4,000.25 + churns 3,000;
    // end: 10,000 + 25,000 + 6,000.50 + 7,000 + 5,500.
    assert_eq!(figures(&b), (45_000.25, 12_500.0, 5_000.0, 1_999.5, 7_000.25, 53_500.5));
    assert!(identity_holds(&b));
    assert_eq!(b.new_accounts, [mv(5, 7_000.0), mv(6, 5_500.0)]);
    assert_eq!(b.expansion_accounts, [mv(1, 5_000.0)]);
    assert_eq!(b.contraction_accounts, [mv(2, 1_999.5)]);
    assert_eq!(b.churn_accounts, [mv(4, 4_000.25), mv(3, 3_000.0)]);
}

#[test]
fn end_is_book_arr_less_accounts_not_yet_started() {
    let book = mixed();
    // book.arr on P1 counts `future` (active, kickoff) at 50,000; the bridge does not.
    let totals = book.totals(d(P1), &AsOfRules::default());
    assert_eq!(totals.arr, 103_500.5);
    assert_eq!(bridge(&book).end_arr, 103_500.5 - 50_000.0);
}

#[test]
fn returning_account_counts_as_new() {
    let b = bridge(&one(returns()));
    assert_eq!(figures(&b), (0.0, 5_500.0, 0.0, 0.0, 0.0, 5_500.0));
    assert_eq!(b.new_accounts, [mv(0, 5_500.0)]);
    assert!(b.churn_accounts.is_empty());
}

#[test]
fn renewal_at_a_lower_arr_is_a_contraction() {
    let b = bridge(&one(contracts()));
    assert_eq!(figures(&b), (8_000.0, 0.0, 0.0, 1_999.5, 0.0, 6_000.5));
    assert_eq!(b.contraction_accounts, [mv(0, 1_999.5)]);
    assert!(identity_holds(&b));
}

#[test]
fn lapse_inside_the_period_is_churn() {
    let b = bridge(&one(lapses()));
    assert_eq!(figures(&b), (4_000.25, 0.0, 0.0, 0.0, 4_000.25, 0.0));
    assert_eq!(b.churn_accounts, [mv(0, 4_000.25)]);
    // Ended 2025-06-15, still within grace on P1: overdue, still counted, no movement.
    let overdue = bridge(&one(account("o", "", vec![open("2024-06-16", "2025-06-15", 1_234.56)])));
    assert_eq!(figures(&overdue), (1_234.56, 0.0, 0.0, 0.0, 0.0, 1_234.56));
}

#[test]
fn account_starting_after_the_period_is_not_counted() {
    let b = bridge(&one(future()));
    assert_eq!(figures(&b), (0.0, 0.0, 0.0, 0.0, 0.0, 0.0));
    assert!(b.new_accounts.is_empty());
    // The day it starts, it is new.
    let later = arr_bridge(&one(future()), &AsOfRules::default(), d("2025-07-01"), d("2025-07-01"));
    assert_eq!(later.new, 50_000.0);
}

#[test]
fn empty_book_is_all_zeros() {
    let b = bridge(&Book::default());
    assert_eq!(b, Bridge { from: d(P0), to: d(P1), ..Default::default() });
    assert!(monthly_bridges(&Book::default(), &AsOfRules::default(), d(P1), 3).iter().all(|b| b.end_arr == 0.0));
    assert!(monthly_bridges(&mixed(), &AsOfRules::default(), d(P1), 0).is_empty());
}

#[test]
fn cents_stay_exact_over_many_accounts() {
    // 0.1 + 0.2 ≠ 0.3 in floating point; in cents it is.
    let accounts = (0..1_000).map(|_| account("x", "", vec![open("2025-02-01", "2026-01-31", 0.1)])).collect();
    let b = bridge(&Book { accounts });
    assert_eq!(b.new, 100.0);
    assert_eq!(b.end_arr, 100.0);
}

#[test]
fn monthly_bridges_chain_by_hand() {
    let months = monthly_bridges(&mixed(), &AsOfRules::default(), d(P1), 6);
    assert_eq!(months.len(), 6);
    let spans: Vec<_> = months.iter().map(|b| (b.from, b.to)).collect();
    assert_eq!(
        spans,
        [
            (d("2025-01-01"), d("2025-01-31")),
            (d("2025-02-01"), d("2025-02-28")),
            (d("2025-03-01"), d("2025-03-31")),
            (d("2025-04-01"), d("2025-04-30")),
            (d("2025-05-01"), d("2025-05-31")),
            (d("2025-06-01"), d("2025-06-30")),
        ]
    );
    for pair in months.windows(2) {
        assert_eq!(pair[0].end_arr, pair[1].start_arr);
    }
    assert!(months.iter().all(identity_holds));
    // Jan: expands +5,000. Feb: fresh 7,000 and returns 5,500 are new. Mar: lapses churns
    // (lapsed from 03-31). Apr: contracts −1,999.50. May: churns (notice on 05-31). Jun: quiet.
    let all: Vec<_> = months.iter().map(figures).collect();
    assert_eq!(
        all,
        [
            (45_000.25, 0.0, 5_000.0, 0.0, 0.0, 50_000.25),
            (50_000.25, 12_500.0, 0.0, 0.0, 0.0, 62_500.25),
            (62_500.25, 0.0, 0.0, 0.0, 4_000.25, 58_500.0),
            (58_500.0, 0.0, 0.0, 1_999.5, 0.0, 56_500.5),
            (56_500.5, 0.0, 0.0, 0.0, 3_000.0, 53_500.5),
            (53_500.5, 0.0, 0.0, 0.0, 0.0, 53_500.5),
        ]
    );
}

#[test]
fn last_month_is_partial() {
    let months = monthly_bridges(&mixed(), &AsOfRules::default(), d("2025-06-15"), 2);
    let spans: Vec<_> = months.iter().map(|b| (b.from, b.to)).collect();
    assert_eq!(spans, [(d("2025-05-01"), d("2025-05-31")), (d("2025-06-01"), d("2025-06-15"))]);
    // Across a year end.
    let months = monthly_bridges(&Book::default(), &AsOfRules::default(), d("2025-01-10"), 2);
    assert_eq!((months[0].from, months[0].to), (d("2024-12-01"), d("2024-12-31")));
}

#[test]
fn quarterly_bridges_by_hand() {
    let quarters = quarterly_bridges(&mixed(), &AsOfRules::default(), d(P1), 2);
    let spans: Vec<_> = quarters.iter().map(|b| (b.from, b.to)).collect();
    assert_eq!(spans, [(d("2025-01-01"), d("2025-03-31")), (d("2025-04-01"), d("2025-06-30"))]);
    assert_eq!(
        quarters.iter().map(figures).collect::<Vec<_>>(),
        [(45_000.25, 12_500.0, 5_000.0, 0.0, 4_000.25, 58_500.0), (58_500.0, 0.0, 0.0, 1_999.5, 3_000.0, 53_500.5)]
    );
    let partial = quarterly_bridges(&Book::default(), &AsOfRules::default(), d("2025-05-10"), 3);
    let spans: Vec<_> = partial.iter().map(|b| (b.from, b.to)).collect();
    assert_eq!(
        spans,
        [(d("2024-10-01"), d("2024-12-31")), (d("2025-01-01"), d("2025-03-31")), (d("2025-04-01"), d("2025-05-10")),]
    );
}

/// `cargo test --release --lib revenue_timings -- --ignored --nocapture`
#[test]
#[ignore]
fn revenue_timings() {
    use crate::domain::health::HealthSettings;
    use crate::domain::revenue::cohorts::{cohorts, CohortGrain};
    use crate::domain::revenue::forecast::{renewal_forecast, ForecastSettings};
    use crate::domain::snapshot::Snapshot;
    use crate::domain::tiers::TierSettings;
    use std::time::Instant;

    let as_of = d(P1);
    let rules = AsOfRules::default();
    for n in [10_000, 100_000] {
        let book = crate::domain::timing::generated_book(n, as_of);
        let snapshot = Snapshot::new(&book, as_of, &rules, &HealthSettings::default(), &TierSettings::default());
        let time = |name: &str, f: &dyn Fn()| {
            let start = Instant::now();
            f();
            println!("{n:>7} accounts  {name:<22} {:>8.2} ms", start.elapsed().as_secs_f64() * 1e3);
        };
        time("bridge (12 months)", &|| {
            arr_bridge(&book, &rules, d("2024-07-01"), as_of);
        });
        time("monthly bridges (12)", &|| {
            monthly_bridges(&book, &rules, as_of, 12);
        });
        time("quarterly bridges (8)", &|| {
            quarterly_bridges(&book, &rules, as_of, 8);
        });
        time("cohorts (year)", &|| {
            cohorts(&book, &rules, as_of, CohortGrain::Year);
        });
        time("cohorts (quarter)", &|| {
            cohorts(&book, &rules, as_of, CohortGrain::Quarter);
        });
        time("forecast", &|| {
            renewal_forecast(&book, &snapshot, as_of, &rules, &ForecastSettings::default(), None, None);
        });
    }
}
