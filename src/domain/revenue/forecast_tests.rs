use super::*;
use crate::domain::book::{Account, Term};
use crate::domain::correlation::ActivityBand;
use crate::domain::health::HealthSettings;
use crate::domain::test_support::*;
use crate::domain::tiers::TierSettings;

/// D + 12 months = 2026-06-30.
const AS_OF: &str = "2025-06-30";

fn with(id: &str, health: Option<f64>, activity: Option<f64>, terms: Vec<Term>) -> Account {
    Account { health_override: health, activity, ..account(id, "", terms) }
}

fn book() -> Book {
    Book {
        accounts: vec![
            // 0 green, p 0.9.
            with("green", Some(80.0), Some(65.0), vec![open("2025-01-01", "2025-12-31", 10_000.0)]),
            // 1 yellow, p 0.7.
            with("yellow", Some(50.0), Some(30.0), vec![open("2024-09-01", "2025-08-31", 20_000.0)]),
            // 2 red, p 0.4, ending exactly at D + 12 months: in.
            with("red", Some(20.0), None, vec![open("2025-07-01", "2026-06-30", 5_000.0)]),
            // Ends exactly at D: out.
            with("ends_at_d", Some(80.0), None, vec![open("2024-07-01", "2025-06-30", 99_999.0)]),
            // Lapsed (end 2025-05-15 + 30 days = 2025-06-14): out.
            with("lapsed", Some(80.0), None, vec![open("2024-05-16", "2025-05-15", 7_777.0)]),
            // A churn notice that counts: out.
            with("notice", Some(80.0), None, vec![churned("2025-01-01", "2025-12-31", 8_888.0, "2025-05-01")]),
            // Renewed early; the next term ends after D + 12 months: out.
            with(
                "early",
                Some(80.0),
                None,
                vec![
                    renewed("2024-08-01", "2025-07-31", 3_333.0, "2025-06-01"),
                    open("2025-08-01", "2026-07-31", 4_444.0),
                ],
            ),
            // Ends the day after D + 12 months: out.
            with("too_late", Some(80.0), None, vec![open("2025-07-02", "2026-07-01", 6_666.0)]),
        ],
    }
}

fn forecast_with(
    book: &Book,
    settings: &ForecastSettings,
    history: Option<&ActivityRenewal>,
    rate: Option<f64>,
) -> Forecast {
    let rules = AsOfRules::default();
    let snapshot = Snapshot::new(book, d(AS_OF), &rules, &HealthSettings::default(), &TierSettings::default());
    renewal_forecast(book, &snapshot, d(AS_OF), &rules, settings, history, rate)
}

fn forecast(book: &Book) -> Forecast {
    forecast_with(book, &ForecastSettings::default(), None, None)
}

#[test]
fn three_terms_by_hand() {
    let f = forecast(&book());
    assert_eq!(f.due_count, 3);
    assert_eq!(f.due_arr, 35_000.0);
    // 0.9 × 10,000 + 0.7 × 20,000 + 0.4 × 5,000
    assert!(close(f.expected_arr, 25_000.0));
    assert!(close_opt(f.grr, 25_000.0 / 35_000.0));
    // σ² = 0.09 × 10⁸ + 0.21 × 4·10⁸ + 0.24 × 2.5·10⁷ = 99,000,000; σ = 9,949.874371;
    // 1.2816 σ = 12,751.758994.
    assert!((f.p10 - 12_248.241006).abs() < 1e-5, "{}", f.p10);
    // 25,000 + 12,751.76 is above the due ARR: clamped.
    assert_eq!(f.p90, 35_000.0);
    // 1 − (0.9 + 0.7 + 0.4) / 3
    assert!(close_opt(f.logo_churn, 1.0 / 3.0));
}

#[test]
fn terms_sorted_by_arr_at_risk() {
    let f = forecast(&book());
    let order: Vec<_> = f.terms.iter().map(|t| (t.account, t.end)).collect();
    // at risk: yellow 20,000 × 0.3 = 6,000; red 5,000 × 0.6 = 3,000; green 10,000 × 0.1 = 1,000.
    assert_eq!(order, [(1, d("2025-08-31")), (2, d("2026-06-30")), (0, d("2025-12-31"))]);
    assert!(close(f.terms[0].at_risk, 6_000.0));
    assert_eq!((f.terms[1].arr, f.terms[1].p), (5_000.0, 0.4));
}

#[test]
fn months_run_from_ds_month_to_the_month_of_d_plus_12() {
    let f = forecast(&book());
    assert_eq!(f.months.len(), 13);
    assert_eq!((f.months[0].month, f.months[12].month), (d("2025-06-01"), d("2026-06-01")));
    let filled: Vec<_> =
        f.months.iter().enumerate().filter(|(_, m)| m.count > 0).map(|(i, m)| (i, m.due_arr)).collect();
    assert_eq!(filled, [(2, 20_000.0), (6, 10_000.0), (12, 5_000.0)]);
    assert!(close(f.months[2].expected_arr, 14_000.0));
    assert!(close(f.months[12].expected_arr, 2_000.0));
    assert_eq!(f.months[0].count, 0);
}

#[test]
fn both_clamps() {
    // One red term: mean 4,000, σ = √0.24 × 10,000 = 4,898.979486; ± 6,278.532109.
    let b = Book { accounts: vec![with("r", Some(10.0), None, vec![open("2025-01-01", "2025-12-31", 10_000.0)])] };
    let f = forecast(&b);
    assert_eq!((f.p10, f.p90), (0.0, 10_000.0));
}

#[test]
fn empty_forecast() {
    let f = forecast(&Book::default());
    assert_eq!((f.due_count, f.due_arr, f.expected_arr, f.p10, f.p90), (0, 0.0, 0.0, 0.0, 0.0));
    assert_eq!((f.grr, f.logo_churn), (None, None));
    assert_eq!(f.months.len(), 13);
    assert!(f.terms.is_empty());
}

#[test]
fn zero_arr_terms_have_no_grr_but_a_logo_churn() {
    let b = Book { accounts: vec![with("z", Some(80.0), None, vec![open("2025-01-01", "2025-12-31", 0.0)])] };
    let f = forecast(&b);
    assert_eq!((f.due_count, f.grr), (1, None));
    assert!(close_opt(f.logo_churn, 0.1));
}

#[test]
fn edited_band_probabilities() {
    let settings = ForecastSettings { green: 1.0, yellow: 0.5, red: 0.0, ..Default::default() };
    let f = forecast_with(&book(), &settings, None, None);
    // 10,000 + 0.5 × 20,000 + 0
    assert!(close(f.expected_arr, 20_000.0));
}

/// Activity bands: [60, 80) has 12 terms, 9 renewed (0.75); [20, 40) only 5, all renewed.
fn history() -> ActivityRenewal {
    let mut h = ActivityRenewal::default();
    for (i, band) in h.bands.iter_mut().enumerate() {
        band.from = 20.0 * i as f64;
        band.to = band.from + 20.0;
    }
    h.bands[3] = ActivityBand { from: 60.0, to: 80.0, n: 12, renewed: 9 };
    h.bands[1] = ActivityBand { from: 20.0, to: 40.0, n: 5, renewed: 5 };
    h
}

fn p_of(f: &Forecast, account: usize) -> f64 {
    f.terms.iter().find(|t| t.account == account).map(|t| t.p).unwrap()
}

#[test]
fn history_source_and_its_fallbacks() {
    let settings = ForecastSettings { source: ProbabilitySource::History, ..Default::default() };
    let h = history();
    let f = forecast_with(&book(), &settings, Some(&h), Some(0.8));
    // green, activity 65: its band has n = 12 ≥ 10 → 9/12.
    assert_eq!(p_of(&f, 0), 0.75);
    // yellow, activity 30: its band has n = 5 < 10 → the book's logo rate.
    assert_eq!(p_of(&f, 1), 0.8);
    // red, no activity → the book's logo rate.
    assert_eq!(p_of(&f, 2), 0.8);
    // 0.75 × 10,000 + 0.8 × 20,000 + 0.8 × 5,000
    assert!(close(f.expected_arr, 27_500.0));

    // No book rate either: the health band's probability as a last resort.
    let f = forecast_with(&book(), &settings, Some(&h), None);
    assert_eq!((p_of(&f, 0), p_of(&f, 1), p_of(&f, 2)), (0.75, 0.7, 0.4));
    // No history: the book's rate for all.
    let f = forecast_with(&book(), &settings, None, Some(0.6));
    assert_eq!((p_of(&f, 0), p_of(&f, 1), p_of(&f, 2)), (0.6, 0.6, 0.6));
}

#[test]
fn settings_default_and_serde() {
    let s = ForecastSettings::default();
    assert_eq!((s.green, s.yellow, s.red, s.none, s.source), (0.9, 0.7, 0.4, 0.7, ProbabilitySource::Health));
    let partial: ForecastSettings = serde_json::from_str(r#"{"red":0.3,"source":"history"}"#).unwrap();
    assert_eq!(partial, ForecastSettings { red: 0.3, source: ProbabilitySource::History, ..Default::default() });
}

#[test]
fn a_renewal_dated_after_d_is_still_open() {
    // Renewed on 2025-07-10, after D: as of D the term is open and in the forecast at its own arr,
    // not at the next term's.
    let b = Book {
        accounts: vec![with(
            "later",
            None,
            None,
            vec![renewed("2024-09-15", "2025-09-14", 1_000.0, "2025-07-10"), open("2025-09-15", "2026-09-14", 1_500.0)],
        )],
    };
    let f = forecast(&b);
    assert_eq!((f.due_count, f.due_arr), (1, 1_000.0));
    // No health: p 0.7.
    assert!(close(f.expected_arr, 700.0));
    assert_eq!(f.months[3].count, 1);
}
