//! Small numeric helpers the segment and renewal figures share: means, medians, ratios.

/// Ratio and band tests on computed numbers allow this much error (DOMAIN.md §0), so that
/// 40 × 1/40 counts as 1.
pub const TOLERANCE: f64 = 1e-9;

/// `value ≥ threshold`, allowing for floating-point error in `value`.
pub fn at_least(value: f64, threshold: f64) -> bool {
    value >= threshold - TOLERANCE
}

/// `numerator / denominator`, or `None` when there is nothing to divide by: a rate over an
/// empty base is "not computed", never 0 or NaN.
pub fn ratio(numerator: f64, denominator: f64) -> Option<f64> {
    (denominator != 0.0 && denominator.is_finite()).then(|| numerator / denominator)
}

/// A running mean that does not need the values kept.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mean {
    pub sum: f64,
    pub n: usize,
}

impl Mean {
    pub fn add(&mut self, value: f64) {
        self.sum += value;
        self.n += 1;
    }

    pub fn add_opt(&mut self, value: Option<f64>) {
        if let Some(v) = value {
            self.add(v);
        }
    }

    pub fn value(&self) -> Option<f64> {
        ratio(self.sum, self.n as f64)
    }
}

/// The median (an even count gives the mean of the two middle values). Reorders `values`;
/// linear time, so it stays cheap at 100,000 accounts.
pub fn median(values: &mut [f64]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let mid = n / 2;
    let (lower, upper, _) = values.select_nth_unstable_by(mid, f64::total_cmp);
    let upper = *upper;
    if n % 2 == 1 {
        return Some(upper);
    }
    // After the selection every value left of `mid` is ≤ it, so the other middle value is
    // the largest of them.
    let lower = lower.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some((lower + upper) / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [7.0]), Some(7.0));
        assert_eq!(median(&mut [9.0, 1.0, 5.0]), Some(5.0));
        // 1, 3, 8, 100: the two middle values are 3 and 8.
        assert_eq!(median(&mut [100.0, 3.0, 1.0, 8.0]), Some(5.5));
        assert_eq!(median(&mut [2.0, 2.0]), Some(2.0));
    }

    #[test]
    fn ratio_of_nothing_is_not_computed() {
        assert_eq!(ratio(1.0, 0.0), None);
        assert_eq!(ratio(1.0, 4.0), Some(0.25));
    }

    #[test]
    fn at_least_forgives_rounding() {
        assert!(at_least(40.0 * (1.0 / 40.0), 1.0));
        assert!(at_least(0.1 + 0.2, 0.3));
        assert!(!at_least(39.99, 40.0));
    }

    #[test]
    fn mean_without_values_is_none() {
        let mut m = Mean::default();
        assert_eq!(m.value(), None);
        m.add(10.0);
        m.add_opt(None);
        m.add_opt(Some(20.0));
        assert_eq!(m.value(), Some(15.0));
    }
}
