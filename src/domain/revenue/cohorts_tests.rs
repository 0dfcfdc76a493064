use super::*;
use crate::domain::test_support::*;

const AS_OF: &str = "2025-06-30";

/// Indices: A, B, C started in 2023; D, E in 2022; F in 2025; G starts after D; I in 2021 at 0.
fn book() -> Book {
    Book {
        accounts: vec![
            // A (2023 Q1): renewed 10,000 → 12,000 from 2024-03-01; that term lapsed from 2025-03-31.
            account(
                "A",
                "",
                vec![
                    renewed("2023-03-01", "2024-02-29", 10_000.0, "2024-02-01"),
                    open("2024-03-01", "2025-02-28", 12_000.0),
                ],
            ),
            // B (2023 Q2): churned 2024-05-31.
            account("B", "", vec![churned("2023-06-01", "2024-05-31", 5_000.0, "2024-05-31")]),
            // C (2023 Q4): a two-year term.
            account("C", "", vec![open("2023-11-15", "2025-11-14", 3_000.0)]),
            // D (2022 Q1): 4,000 → 5,000 → 6,000.
            account(
                "D",
                "",
                vec![
                    renewed("2022-01-01", "2022-12-31", 4_000.0, "2022-12-01"),
                    renewed("2023-01-01", "2023-12-31", 5_000.0, "2023-12-01"),
                    open("2024-01-01", "2024-12-31", 6_000.0),
                ],
            ),
            // E (2022 Q3): lapsed from 2023-07-31.
            account("E", "", vec![open("2022-07-01", "2023-06-30", 2_000.0)]),
            // F (2025 Q1): too young for any age.
            account("F", "", vec![open("2025-03-01", "2026-02-28", 1_000.0)]),
            // G: first term starts after D, in no cohort.
            account("G", "", vec![open("2025-08-01", "2026-07-31", 70_000.0)]),
            // I (2021 Q1): a four-year term at 0 arr.
            account("I", "", vec![open("2021-02-01", "2025-01-31", 0.0)]),
            // No terms: in no cohort.
            account("none", "", vec![]),
        ],
    }
}

fn cell(counted: usize, logo: f64, nrr: Option<f64>) -> Option<CohortCell> {
    Some(CohortCell { counted, logo, nrr })
}

fn run(grain: CohortGrain) -> Vec<Cohort> {
    cohorts(&book(), &AsOfRules::default(), d(AS_OF), grain)
}

#[test]
fn yearly_cohorts_by_hand() {
    let rows = run(CohortGrain::Year);
    let keys: Vec<_> = rows.iter().map(|c| (c.year, c.quarter, c.size)).collect();
    assert_eq!(keys, [(2021, None, 1), (2022, None, 2), (2023, None, 3), (2025, None, 1)]);

    // 2021: c_12 = 2022-12-31, c_24 = 2023-12-31, c_36 = 2024-12-31, all reached; I is counted
    // each time, but the cohort's first-term arr is 0: no NRR.
    let c2021 = &rows[0];
    assert_eq!((c2021.first_arr, c2021.last_day), (0.0, d("2021-12-31")));
    assert_eq!(c2021.cells, [cell(1, 1.0, None), cell(1, 1.0, None), cell(1, 1.0, None)]);

    // 2022: first arr 4,000 + 2,000 = 6,000. c_12 = 2023-12-31: D at 5,000, E lapsed.
    // c_24 = 2024-12-31: D at 6,000. c_36 = 2025-12-31 is after D.
    let c2022 = &rows[1];
    assert_eq!(c2022.first_arr, 6_000.0);
    assert_eq!(c2022.cells[0], cell(1, 0.5, Some(5_000.0 / 6_000.0)));
    assert_eq!(c2022.cells[1], cell(1, 0.5, Some(1.0)));
    assert_eq!(c2022.cells[2], None);

    // 2023: first arr 10,000 + 5,000 + 3,000 = 18,000. c_12 = 2024-12-31: A at 12,000 and C at
    // 3,000; B churned. c_24 = 2025-12-31 not reached.
    let c2023 = &rows[2];
    assert_eq!((c2023.first_arr, c2023.last_day), (18_000.0, d("2023-12-31")));
    assert_eq!(c2023.cells, [cell(2, 2.0 / 3.0, Some(15_000.0 / 18_000.0)), None, None]);

    // 2025: c_12 = 2026-12-31.
    assert_eq!(rows[3].cells, [None, None, None]);
    assert_eq!(rows[3].first_arr, 1_000.0);
}

#[test]
fn quarterly_cohorts_by_hand() {
    let rows = run(CohortGrain::Quarter);
    let keys: Vec<_> = rows.iter().map(|c| (c.year, c.quarter, c.last_day)).collect();
    assert_eq!(
        keys,
        [
            (2021, Some(1), d("2021-03-31")),
            (2022, Some(1), d("2022-03-31")),
            (2022, Some(3), d("2022-09-30")),
            (2023, Some(1), d("2023-03-31")),
            (2023, Some(2), d("2023-06-30")),
            (2023, Some(4), d("2023-12-31")),
            (2025, Some(1), d("2025-03-31")),
        ]
    );
    // 2023 Q1 (A, first arr 10,000): c_12 = 2024-03-31, A at 12,000 (NRR 1.2);
    // c_24 = 2025-03-31, A lapsed that day (end 2025-02-28 + 30 days = 2025-03-30).
    assert_eq!(rows[3].cells, [cell(1, 1.0, Some(1.2)), cell(0, 0.0, Some(0.0)), None]);
    // 2023 Q2 (B): c_24 = 2025-06-30 is D itself, so it is shown.
    assert_eq!(rows[4].cells, [cell(0, 0.0, Some(0.0)), cell(0, 0.0, Some(0.0)), None]);
    // 2022 Q3 (E): c_36 = 2025-09-30 not reached.
    assert_eq!(rows[2].cells[2], None);
    assert_eq!(rows[6].cells, [None, None, None]);
}

#[test]
fn the_mark_is_the_last_day_plus_k_months() {
    // A cohort ending 2024-12-31 reaches age 12 on 2025-12-31 and not a day before.
    let book = Book { accounts: vec![account("x", "", vec![open("2024-05-01", "2026-04-30", 100.0)])] };
    let before = cohorts(&book, &AsOfRules::default(), d("2025-12-30"), CohortGrain::Year);
    assert_eq!(before[0].cells[0], None);
    let on = cohorts(&book, &AsOfRules::default(), d("2025-12-31"), CohortGrain::Year);
    assert_eq!(on[0].cells[0], cell(1, 1.0, Some(1.0)));
}

#[test]
fn empty_book_has_no_cohorts() {
    assert!(cohorts(&Book::default(), &AsOfRules::default(), d(AS_OF), CohortGrain::Year).is_empty());
}
