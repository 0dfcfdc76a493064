use super::*;
use crate::domain::book::Account;
use crate::domain::test_support::*;

const AS_OF: &str = "2025-06-30";

/// Default period as of 2025-06-30: [2024-07-01, 2025-06-30].
fn book() -> Book {
    let accounts: Vec<Account> = vec![
        // A: renewed on the last day of the end's month (on time, not early), expanded.
        account(
            "A",
            "Li",
            vec![
                renewed("2024-01-01", "2024-12-31", 10_000.0, "2024-12-31"),
                open("2025-01-01", "2025-12-31", 12_000.0),
            ],
        ),
        // B: renewed the day before the end's month (early), contracted.
        account(
            "B",
            "Li",
            vec![
                renewed("2024-03-01", "2025-02-28", 20_000.0, "2025-01-31"),
                open("2025-03-01", "2026-02-28", 15_000.0),
            ],
        ),
        // C: renewed the day after the end's month: late.
        account(
            "C",
            " Wang ",
            vec![renewed("2023-08-01", "2024-07-31", 5_000.0, "2024-08-01"), open("2024-08-01", "2025-07-31", 5_000.0)],
        ),
        // L: renewed on the first day of the end's month: on time, not early.
        account(
            "L",
            "Wang",
            vec![renewed("2023-12-01", "2024-11-30", 1_000.0, "2024-11-01"), open("2024-12-01", "2025-11-30", 1_000.0)],
        ),
        // J: ends on D itself, renewed early.
        account(
            "J",
            "",
            vec![renewed("2024-07-01", "2025-06-30", 2_000.0, "2025-05-10"), open("2025-07-01", "2026-06-30", 2_500.0)],
        ),
        account("E", "Li", vec![churned("2024-04-01", "2025-03-31", 8_000.0, "2025-03-15")]),
        // F: open, 2025-04-30 + 30 days = 2025-05-30 < D: lapsed.
        account("F", "Li", vec![open("2024-05-01", "2025-04-30", 4_000.0)]),
        // I: ends on P0 exactly.
        account("I", "", vec![churned("2023-07-02", "2024-07-01", 1_000.0, "2024-07-01")]),
        // H: ends the day before P0.
        account("H", "Li", vec![churned("2023-07-01", "2024-06-30", 7_000.0, "2024-06-30")]),
        // G, M: past end, within grace (M's grace ends on D): pending.
        account("G", "Li", vec![open("2024-06-15", "2025-06-14", 3_000.0)]),
        account("M", "Li", vec![open("2024-06-01", "2025-05-31", 500.0)]),
        // K: its renewal is dated after D, so it is still open: pending.
        account(
            "K",
            "Li",
            vec![renewed("2024-06-21", "2025-06-20", 6_000.0, "2025-07-05"), open("2025-06-21", "2026-06-20", 6_000.0)],
        ),
        // N: ends on D, open: neither due nor pending.
        account("N", "Li", vec![open("2024-07-01", "2025-06-30", 700.0)]),
    ];
    Book { accounts }
}

fn due() -> Vec<DueTerm> {
    due_set(&book(), d(AS_OF), &AsOfRules::default(), &Period::last_12_months(d(AS_OF)))
}

fn names(book: &Book, idx: impl Iterator<Item = usize>) -> Vec<String> {
    idx.map(|i| book.accounts[i].id.clone()).collect()
}

#[test]
fn due_set_holds_decided_terms_ending_in_the_period() {
    let b = book();
    let due = due();
    assert_eq!(names(&b, due.iter().map(|t| t.account)), ["A", "B", "C", "L", "J", "E", "F", "I"]);
    assert!(due.iter().all(|t| t.term == 0));
    let f = due.iter().find(|t| b.accounts[t.account].id == "F").unwrap();
    assert_eq!(f.decision, Decision::Lapsed(d("2025-05-30")));
    let b_term = due.iter().find(|t| b.accounts[t.account].id == "B").unwrap();
    assert_eq!(b_term.decision, Decision::Renewed { on: d("2025-01-31"), next_arr: 15_000.0 });
}

#[test]
fn pending_set_is_past_end_within_grace() {
    use crate::domain::health::HealthSettings;
    use crate::domain::renewal_calendar::pending_set;
    use crate::domain::snapshot::Snapshot;
    use crate::domain::tiers::TierSettings;
    let b = book();
    let rules = AsOfRules::default();
    let snap = Snapshot::new(&b, d(AS_OF), &rules, &HealthSettings::default(), &TierSettings::default());
    let p = pending_set(&b, &snap, &Period::last_12_months(d(AS_OF)));
    // Longest overdue first: M (30 days, its last day of grace), G (16), K (10).
    assert_eq!(names(&b, p.iter().map(|t| t.account)), ["M", "G", "K"]);
    assert_eq!(p.iter().map(|t| t.arr).sum::<f64>(), 9_500.0);
    // May holds only M; June, G and K.
    let early = Period::new(d("2025-05-01"), d("2025-05-31")).unwrap();
    assert_eq!(names(&b, pending_set(&b, &snap, &early).iter().map(|t| t.account)), ["M"]);
    let late = Period::new(d("2025-06-01"), d("2025-06-30")).unwrap();
    assert_eq!(names(&b, pending_set(&b, &snap, &late).iter().map(|t| t.account)), ["G", "K"]);
}

#[test]
fn every_metric_by_hand() {
    let t = tally(&due());
    assert_eq!(t.due_count, 8);
    // 10,000 + 20,000 + 5,000 + 1,000 + 2,000 + 8,000 + 4,000 + 1,000
    assert_eq!(t.due_arr, 51_000.0);
    assert_eq!(t.renewed_count, 5);
    assert_eq!(t.logo_rate(), Some(5.0 / 8.0));
    // A (last day of Dec), B, L (first day of Nov), J; not C (1 Aug for a July end).
    assert_eq!(t.ontime_count, 4);
    assert_eq!(t.ontime_rate(), Some(0.5));
    // B (31 Jan for a February end) and J (10 May for a June end).
    assert_eq!(t.early_count, 2);
    assert_eq!(t.early_rate(), Some(0.25));
    assert_eq!(t.churn_rate(), Some(3.0 / 8.0));
    // min(next, arr): 10,000 + 15,000 + 5,000 + 1,000 + 2,000
    assert!(close_opt(t.grr(), 33_000.0 / 51_000.0));
    // next: 12,000 + 15,000 + 5,000 + 1,000 + 2,500
    assert!(close_opt(t.nrr(), 35_500.0 / 51_000.0));
}

#[test]
fn empty_due_set_computes_no_rate() {
    let t = tally(&[]);
    assert_eq!(t.due_count, 0);
    for rate in [t.logo_rate(), t.ontime_rate(), t.early_rate(), t.churn_rate(), t.grr(), t.nrr()] {
        assert_eq!(rate, None);
    }
    let empty = due_set(&Book::default(), d(AS_OF), &AsOfRules::default(), &Period::last_12_months(d(AS_OF)));
    assert!(empty.is_empty());
}

#[test]
fn free_terms_give_rates_but_no_dollar_rates() {
    let b = Book { accounts: vec![account("Z", "", vec![churned("2024-01-01", "2024-12-31", 0.0, "2024-12-01")])] };
    let t = tally(&due_set(&b, d(AS_OF), &AsOfRules::default(), &Period::last_12_months(d(AS_OF))));
    assert_eq!((t.logo_rate(), t.churn_rate()), (Some(0.0), Some(1.0)));
    assert_eq!((t.grr(), t.nrr()), (None, None));
}

#[test]
fn later_terms_are_due_too() {
    // Renewed twice: the 2024 term is due in the period, the 2023 one is not.
    let b = Book {
        accounts: vec![account(
            "R",
            "",
            vec![
                renewed("2023-01-01", "2023-12-31", 1_000.0, "2023-12-01"),
                renewed("2024-01-01", "2024-12-31", 1_100.0, "2024-12-01"),
                open("2025-01-01", "2025-12-31", 1_300.0),
            ],
        )],
    };
    let due = due_set(&b, d(AS_OF), &AsOfRules::default(), &Period::last_12_months(d(AS_OF)));
    assert_eq!(due.len(), 1);
    assert_eq!((due[0].term, due[0].arr), (1, 1_100.0));
    assert_eq!(due[0].decision, Decision::Renewed { on: d("2024-12-01"), next_arr: 1_300.0 });
}

#[test]
fn per_month_of_end_date() {
    let months = by_end_month(&due(), &Period::last_12_months(d(AS_OF)));
    assert_eq!(months.len(), 12);
    assert_eq!(months[0].month, d("2024-07-01"));
    assert_eq!(months[11].month, d("2025-06-01"));
    let counts: Vec<(usize, usize)> = months.iter().map(|m| (m.tally.due_count, m.tally.renewed_count)).collect();
    // Jul: C, I; Nov: L; Dec: A; Feb: B; Mar: E; Apr: F; Jun: J.
    assert_eq!(
        counts,
        [(2, 1), (0, 0), (0, 0), (0, 0), (1, 1), (1, 1), (0, 0), (1, 1), (1, 0), (1, 0), (0, 0), (1, 1)]
    );
    assert_eq!(months[1].tally.logo_rate(), None);
}

#[test]
fn per_owner_trims_names() {
    let b = book();
    let owners = by_owner(&b, &due());
    let rows: Vec<(&str, usize, usize)> =
        owners.iter().map(|o| (o.owner.as_str(), o.tally.due_count, o.tally.renewed_count)).collect();
    assert_eq!(rows, [("", 2, 1), ("Li", 4, 2), ("Wang", 2, 2)]);
}

#[test]
fn per_owner_in_natural_order() {
    let b = Book {
        accounts: ["CSM 10", "CSM 2", "csm 1", "CSM 2"]
            .iter()
            .enumerate()
            .map(|(i, owner)| {
                account(&format!("N{i}"), owner, vec![renewed("2024-01-01", "2024-12-31", 1_000.0, "2024-12-01")])
            })
            .collect(),
    };
    let due = due_set(&b, d(AS_OF), &AsOfRules::default(), &Period::last_12_months(d(AS_OF)));
    let owners: Vec<(String, usize)> = by_owner(&b, &due).into_iter().map(|o| (o.owner, o.tally.due_count)).collect();
    assert_eq!(owners, [("csm 1".to_string(), 1), ("CSM 2".to_string(), 2), ("CSM 10".to_string(), 1)]);
}
