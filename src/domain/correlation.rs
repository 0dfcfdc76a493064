//! Activity ↔ renewal (seed 000 §5): does a more active account renew more often?
//!
//! Over the due terms whose account has an activity figure. The activity is today's value,
//! not the value before the decision, and a correlation is not a cause: the page says both.

use super::book::Book;
use super::renewals::DueTerm;
use super::stats::{at_least, ratio};

/// Below this many terms the page warns that the sample is small.
pub const SMALL_SAMPLE: usize = 30;

/// Lower edges of the activity bands; the last band is closed: [80, 100].
const BAND_FROM: [f64; 5] = [0.0, 20.0, 40.0, 60.0, 80.0];

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ActivityBand {
    pub from: f64,
    pub to: f64,
    pub n: usize,
    pub renewed: usize,
}

impl ActivityBand {
    pub fn renewal_rate(&self) -> Option<f64> {
        ratio(self.renewed as f64, self.n as f64)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ActivityRenewal {
    pub n: usize,
    pub renewed: usize,
    pub bands: [ActivityBand; 5],
    /// Point-biserial r: Pearson of activity against 1 = renewed, 0 = churned or lapsed.
    /// `None` when n < 4 or either side has no variance.
    pub r: Option<f64>,
    /// 95% interval by Fisher z.
    pub interval: Option<(f64, f64)>,
    pub small_sample: bool,
}

fn band_index(activity: f64) -> usize {
    BAND_FROM.iter().rposition(|&from| at_least(activity, from)).unwrap_or(0)
}

pub fn activity_renewal(book: &Book, due: &[DueTerm]) -> ActivityRenewal {
    let mut out = ActivityRenewal::default();
    for (band, &from) in out.bands.iter_mut().zip(&BAND_FROM) {
        band.from = from;
        band.to = from + 20.0;
    }
    let pairs = || {
        due.iter().filter_map(|t| {
            let activity = book.accounts.get(t.account)?.activity.filter(|a| a.is_finite())?;
            Some((activity, if t.is_renewed() { 1.0 } else { 0.0 }))
        })
    };
    let mut sum_x = 0.0;
    for (x, y) in pairs() {
        out.n += 1;
        sum_x += x;
        let band = &mut out.bands[band_index(x)];
        band.n += 1;
        if y > 0.0 {
            out.renewed += 1;
            band.renewed += 1;
        }
    }
    out.small_sample = out.n < SMALL_SAMPLE;
    if out.n < 4 {
        return out;
    }
    let n = out.n as f64;
    let (mean_x, mean_y) = (sum_x / n, out.renewed as f64 / n);
    // A second pass over deviations: summing raw squares loses precision at 100,000 terms.
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs() {
        let (dx, dy) = (x - mean_x, y - mean_y);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return out;
    }
    let r = (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0);
    let z = r.atanh();
    let half_width = 1.96 / (n - 3.0).sqrt();
    out.r = Some(r);
    out.interval = Some(((z - half_width).tanh(), (z + half_width).tanh()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{Account, AsOfRules};
    use crate::domain::period::Period;
    use crate::domain::renewals::due_set;
    use crate::domain::test_support::*;

    const AS_OF: &str = "2025-06-30";

    /// One account per (activity, renewed?) pair, each with a term due in the default period.
    fn book(cases: &[(Option<f64>, bool)]) -> Book {
        let accounts = cases
            .iter()
            .map(|&(activity, renews)| {
                let terms = if renews {
                    vec![
                        renewed("2024-01-01", "2024-12-31", 1_000.0, "2024-12-01"),
                        open("2025-01-01", "2025-12-31", 1_000.0),
                    ]
                } else {
                    vec![churned("2024-01-01", "2024-12-31", 1_000.0, "2024-12-01")]
                };
                Account { activity, ..account("x", "", terms) }
            })
            .collect();
        Book { accounts }
    }

    fn run(cases: &[(Option<f64>, bool)]) -> ActivityRenewal {
        let b = book(cases);
        let due = due_set(&b, d(AS_OF), &AsOfRules::default(), &Period::last_12_months(d(AS_OF)));
        activity_renewal(&b, &due)
    }

    const CASES: [(Option<f64>, bool); 11] = [
        (Some(85.0), true),
        (Some(95.0), true),
        (Some(60.0), true),
        (Some(45.0), false),
        (Some(15.0), false),
        (Some(75.0), true),
        (Some(30.0), false),
        (Some(20.0), true),
        (Some(80.0), true),
        (Some(40.0), true),
        (None, false),
    ];

    #[test]
    fn bands_with_their_edges() {
        let c = run(&CASES);
        assert_eq!(c.n, 10);
        let bands: Vec<(usize, usize)> = c.bands.iter().map(|b| (b.n, b.renewed)).collect();
        // [0,20): 15 · [20,40): 20, 30 · [40,60): 40, 45 · [60,80): 60, 75 · [80,100]: 80, 85, 95
        assert_eq!(bands, [(1, 0), (2, 1), (2, 1), (2, 2), (3, 3)]);
        assert_eq!(c.bands[0].renewal_rate(), Some(0.0));
        assert_eq!((c.bands[4].from, c.bands[4].to), (80.0, 100.0));
        assert!(c.small_sample);
    }

    #[test]
    fn r_matches_the_point_biserial_formula() {
        let c = run(&CASES);
        // Independently: r = (M1 − M0) / s · √(p q), s the population standard deviation.
        let renewed = [85.0, 95.0, 60.0, 75.0, 20.0, 80.0, 40.0];
        let lost = [45.0, 15.0, 30.0];
        let m1 = renewed.iter().sum::<f64>() / 7.0; // 65
        let m0 = lost.iter().sum::<f64>() / 3.0; // 30
        let all: Vec<f64> = renewed.iter().chain(&lost).copied().collect();
        let mean = all.iter().sum::<f64>() / 10.0; // 54.5
        let s = (all.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / 10.0).sqrt(); // √732.25
        let expected = (m1 - m0) / s * (0.7f64 * 0.3).sqrt();
        assert!(close_opt(c.r, expected));
        // By hand: 73.5 / √(7,322.5 · 2.1) = 0.592717843319236.
        assert!(close_opt(c.r, 0.592717843319236));
        // tanh(atanh r ± 1.96/√7), worked out separately.
        let (lo, hi) = c.interval.unwrap();
        assert!(close(lo, -0.0588966412657851) && close(hi, 0.8901516641166115));
    }

    #[test]
    fn no_r_for_tiny_or_one_sided_samples() {
        let three = run(&CASES[..3]);
        assert_eq!((three.n, three.r, three.interval), (3, None, None));
        let all_renewed = run(&[(Some(10.0), true), (Some(20.0), true), (Some(30.0), true), (Some(40.0), true)]);
        assert_eq!(all_renewed.r, None);
        let same_activity = run(&[(Some(50.0), true), (Some(50.0), false), (Some(50.0), true), (Some(50.0), false)]);
        assert_eq!(same_activity.r, None);
        let empty = run(&[]);
        assert_eq!((empty.n, empty.r), (0, None));
    }

    #[test]
    fn perfect_separation_gives_a_degenerate_interval() {
        let c = run(&[(Some(0.0), false), (Some(0.0), false), (Some(100.0), true), (Some(100.0), true)]);
        assert!(close_opt(c.r, 1.0));
        let (lo, hi) = c.interval.unwrap();
        assert!(close(lo, 1.0) && close(hi, 1.0));
    }

    #[test]
    fn large_samples_are_not_flagged() {
        let many: Vec<_> = (0..30).map(|i| (Some(i as f64 * 3.0), i % 2 == 0)).collect();
        assert!(!run(&many).small_sample);
    }
}
