//! Native timings of what the Capacity page recomputes at 10,000 and 100,000 accounts:
//! `cargo test --release --lib forms::capacity_timing -- --ignored --nocapture`.
//!
//! A what-if input recomputes only the projection (on per-tier aggregates); a new book or
//! as-of date recomputes the book-wide figures once.

use std::time::{Duration, Instant};

use crate::domain::capacity::{
    arr_rule_fte, hybrid_fte, needs_based_fte, tier_loads, CapacityMethod, CapacitySettings,
};
use crate::domain::dates::parse_iso;
use crate::domain::growth::growth_defaults;
use crate::domain::period::Period;
use crate::domain::projection::{project, ProjectionParams};
use crate::domain::renewals::due_set;
use crate::domain::snapshot::Snapshot;
use crate::domain::tiers::tier_figures;
use crate::domain::Settings;
use crate::i18n::Lang;
use crate::io::demo;

/// The best of `runs`, so a busy machine does not inflate the figure.
fn best<T>(runs: usize, f: impl Fn() -> T) -> (Duration, T) {
    let mut out = None;
    let mut fastest = Duration::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let v = std::hint::black_box(f());
        fastest = fastest.min(t.elapsed());
        out = Some(v);
    }
    (fastest, out.expect("runs > 0"))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report(n: usize) -> f64 {
    let as_of = parse_iso("2026-06-30").expect("a date");
    let book = demo::generate(2026, n, as_of, Lang::En);
    let s = Settings::default();
    let (t_book, (loads, growth)) = best(3, || {
        let snap = Snapshot::new(&book, as_of, &s.rules, &s.health, &s.tiers);
        let due = due_set(&book, as_of, &s.rules, &Period::last_12_months(as_of));
        let figures = tier_figures(&snap, &due);
        (tier_loads(&s.tiers, &figures), growth_defaults(&book, &snap, &figures))
    });
    let capacity = CapacitySettings::default();
    let (t_need, _) = best(50, || {
        (arr_rule_fte(&loads, &capacity), needs_based_fte(&loads, &capacity), hybrid_fte(&loads, &capacity))
    });
    let mut worst = Duration::ZERO;
    for method in CapacityMethod::ALL {
        let params = ProjectionParams { horizon_months: 36, method, tiers: growth.clone(), ..Default::default() };
        let (t, p) = best(50, || project(&loads, &capacity, &params));
        assert_eq!(p.months.len(), 37);
        worst = worst.max(t);
    }
    println!("\n{n} accounts:");
    println!("  book-wide figures (snapshot, due set, tiers, growth) {:>8.3} ms", ms(t_book));
    println!("  need now, three methods                              {:>8.4} ms", ms(t_need));
    println!("  projection, 36 months, slowest method                {:>8.4} ms", ms(worst));
    ms(worst)
}

#[test]
#[ignore = "timing; run with --release --ignored --nocapture"]
fn timings() {
    assert!(report(10_000) < 16.0);
    report(100_000);
}
