//! Timings of every Segments, Lifecycle and Renewals figure on generated books of 10,000 and
//! 100,000 accounts: `cargo test --release --lib -- --ignored --nocapture`.

use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::book::{Account, AsOfRules, Book, Outcome, Term};
use super::correlation::activity_renewal;
use super::dates::{add_days, add_months};
use super::funnel::{cohort_funnel, FunnelSettings};
use super::health::{health_distribution, HealthSettings};
use super::industry::industry_figures;
use super::lifecycle::stage_distribution;
use super::period::Period;
use super::quadrant::{bin, quadrants, QuadrantSettings};
use super::renewal_calendar::{overdue_list, pending_set, renewal_calendar, upcoming_list};
use super::renewals::{by_end_month, by_owner, due_set, tally};
use super::snapshot::Snapshot;
use super::test_support::d;
use super::tiers::{tier_figures, TierSettings};

/// xorshift64*: deterministic, so every run times the same book.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn maybe(&mut self, p: f64, value: f64) -> Option<f64> {
        (self.unit() < p).then_some(value)
    }
}

const INDUSTRIES: [&str; 8] = ["SaaS", "saas", "零售", "制造", "Finance", "教育", "医疗", ""];

pub fn generated_book(n: usize, as_of: NaiveDate) -> Book {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let accounts = (0..n)
        .map(|i| {
            let mut start = add_days(as_of, -(rng.below(4 * 365) as i64) + 30);
            let mut arr = (10f64.powf(2.5 + 3.0 * rng.unit()) * 100.0).round() / 100.0;
            let mut terms = Vec::new();
            loop {
                let end = add_days(add_months(start, 12), -1);
                let mut term = Term { start, end, arr, outcome: Outcome::Open };
                if end < add_days(as_of, 60) && rng.unit() < 0.9 {
                    if rng.unit() < 0.8 {
                        term.outcome = Outcome::Renewed(add_days(end, 20 - rng.below(60) as i64));
                        terms.push(term);
                        start = add_days(end, 1);
                        arr = (arr * (0.8 + 0.5 * rng.unit()) * 100.0).round() / 100.0;
                        continue;
                    }
                    term.outcome = Outcome::Churned(add_days(end, -(rng.below(30) as i64)));
                }
                terms.push(term);
                break;
            }
            let score = |rng: &mut Rng, p| {
                let value = (rng.unit() * 100.0).round();
                rng.maybe(p, value)
            };
            Account {
                id: format!("A{i}"),
                name: format!("Account {i}"),
                industry: INDUSTRIES[rng.below(8) as usize].to_string(),
                owner: format!("CSM {}", rng.below(40)),
                potential_arr: rng.maybe(0.3, arr * 2.0),
                fit: score(&mut rng, 0.7),
                activity: score(&mut rng, 0.85),
                depth: score(&mut rng, 0.6),
                satisfaction: score(&mut rng, 0.5),
                health_override: score(&mut rng, 0.05),
                go_live: (rng.unit() < 0.8).then(|| add_days(terms[0].start, rng.below(120) as i64 - 10)),
                terms,
                ..Default::default()
            }
        })
        .collect();
    Book { accounts }
}

/// The best of three runs, so a busy machine does not inflate the figure.
fn time<T>(f: impl Fn() -> T) -> (Duration, T) {
    let start = Instant::now();
    let value = f();
    let mut best = start.elapsed();
    for _ in 0..2 {
        let t = Instant::now();
        std::hint::black_box(f());
        best = best.min(t.elapsed());
    }
    (best, value)
}

fn report(n: usize) {
    let as_of = d("2025-06-30");
    let book = generated_book(n, as_of);
    let rules = AsOfRules::default();
    let (health, tiers, quadrant) = (HealthSettings::default(), TierSettings::default(), QuadrantSettings::default());
    let period = Period::last_12_months(as_of);
    println!("\n{n} accounts:");
    let row = |name: &str, d: Duration| {
        println!("  {name:<22} {:>8.2} ms", d.as_secs_f64() * 1e3);
        d
    };

    let (t_snap, snap) = time(|| Snapshot::new(&book, as_of, &rules, &health, &tiers));
    let (t_due, due) = time(|| due_set(&book, as_of, &rules, &period));
    let snapshot_and_due = row("snapshot", t_snap) + row("due_set", t_due);

    let segments = snapshot_and_due
        + row("tier_figures", time(|| tier_figures(&snap, &due)).0)
        + row("health_distribution", time(|| health_distribution(&snap)).0)
        + row("industry_figures", time(|| industry_figures(&book, &snap, &due)).0)
        + row("quadrants", time(|| quadrants(&book, &snap, &quadrant)).0)
        + row("bin (40×20)", time(|| bin(&book, &snap, 40, 20)).0);

    let window = FunnelSettings::default().window(as_of);
    let (t_tally, overall) = time(|| tally(&due));
    let lifecycle_renewals = snapshot_and_due
        + row("stage_distribution", time(|| stage_distribution(&snap)).0)
        + row("cohort_funnel", time(|| cohort_funnel(&book, as_of, &rules, window)).0)
        + row("pending_set", time(|| pending_set(&book, &snap, &period)).0)
        + row("tally", t_tally)
        + row("by_end_month", time(|| by_end_month(&due, &period)).0)
        + row("by_owner", time(|| by_owner(&book, &due)).0)
        + row("renewal_calendar", time(|| renewal_calendar(&book, &snap)).0)
        + row("overdue_list", time(|| overdue_list(&book, &snap)).0)
        + row("upcoming_list", time(|| upcoming_list(&book, &snap, rules.renewal_window_days)).0)
        + row("activity_renewal", time(|| activity_renewal(&book, &due)).0);
    println!("  = Segments page        {:>8.2} ms", segments.as_secs_f64() * 1e3);
    println!("  = Lifecycle + Renewals {:>8.2} ms", lifecycle_renewals.as_secs_f64() * 1e3);
    println!("  (due {}, logo rate {:?})", overall.due_count, overall.logo_rate());
    assert!(overall.due_count > 0);
}

#[test]
#[ignore = "timing; run with --release --ignored --nocapture"]
fn timings() {
    report(10_000);
    report(100_000);
}

#[test]
fn generated_book_is_plausible() {
    let as_of = d("2025-06-30");
    let book = generated_book(500, as_of);
    let due = due_set(&book, as_of, &AsOfRules::default(), &Period::last_12_months(as_of));
    let rate = tally(&due).logo_rate().unwrap();
    assert!(rate > 0.5 && rate < 0.95, "{rate}");
    assert!(book.accounts.iter().all(|a| a.terms.windows(2).all(|w| w[0].end < w[1].start)));
}
