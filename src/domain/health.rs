//! Account health (健康度): a thermometer over activity, depth and satisfaction, and its bands.

use serde::{Deserialize, Serialize};

use super::book::Account;
use super::snapshot::Snapshot;
use super::stats::at_least;

/// Weights of the three inputs and the band edges (DOMAIN.md §2). Weights need not sum to 100.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HealthSettings {
    pub activity_weight: f64,
    pub depth_weight: f64,
    pub satisfaction_weight: f64,
    /// Health at or above this is yellow (关注); below it, red (风险).
    pub yellow_from: f64,
    /// Health at or above this is green (健康).
    pub green_from: f64,
}

impl Default for HealthSettings {
    fn default() -> Self {
        HealthSettings {
            activity_weight: 50.0,
            depth_weight: 30.0,
            satisfaction_weight: 20.0,
            yellow_from: 40.0,
            green_from: 70.0,
        }
    }
}

/// The account's health: its manual override if set, else the weighted mean of the inputs it
/// has. Averaging over the present inputs only is what spreads a missing input's weight over
/// the others in proportion. `None` when there is nothing to measure.
pub fn health(account: &Account, settings: &HealthSettings) -> Option<f64> {
    if let Some(h) = account.health_override.filter(|h| h.is_finite()) {
        return Some(h);
    }
    let inputs = [
        (account.activity, settings.activity_weight),
        (account.depth, settings.depth_weight),
        (account.satisfaction, settings.satisfaction_weight),
    ];
    let (mut sum, mut weights) = (0.0, 0.0);
    for (value, weight) in inputs {
        if let Some(v) = value.filter(|v| v.is_finite()) {
            if weight > 0.0 {
                sum += weight * v;
                weights += weight;
            }
        }
    }
    (weights > 0.0).then(|| sum / weights)
}

/// Health band; `None` is "no health" (no input), a band of its own in every count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Band {
    Red,
    Yellow,
    Green,
    #[default]
    None,
}

impl Band {
    pub const ALL: [Band; 4] = [Band::Red, Band::Yellow, Band::Green, Band::None];

    /// The name in `data-metric` keys: `health.red` …
    pub fn key(self) -> &'static str {
        match self {
            Band::Red => "red",
            Band::Yellow => "yellow",
            Band::Green => "green",
            Band::None => "none",
        }
    }
}

impl HealthSettings {
    /// Bands are lower-inclusive: red < 40 ≤ yellow < 70 ≤ green.
    pub fn band(&self, health: Option<f64>) -> Band {
        match health {
            None => Band::None,
            Some(h) if at_least(h, self.green_from) => Band::Green,
            Some(h) if at_least(h, self.yellow_from) => Band::Yellow,
            Some(_) => Band::Red,
        }
    }
}

/// One value per health band, e.g. counts or ARR.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PerBand<T> {
    pub red: T,
    pub yellow: T,
    pub green: T,
    pub none: T,
}

impl<T: Copy + std::ops::Add<Output = T>> PerBand<T> {
    pub fn get(&self, band: Band) -> T {
        match band {
            Band::Red => self.red,
            Band::Yellow => self.yellow,
            Band::Green => self.green,
            Band::None => self.none,
        }
    }

    pub fn get_mut(&mut self, band: Band) -> &mut T {
        match band {
            Band::Red => &mut self.red,
            Band::Yellow => &mut self.yellow,
            Band::Green => &mut self.green,
            Band::None => &mut self.none,
        }
    }

    pub fn total(&self) -> T {
        self.red + self.yellow + self.green + self.none
    }

    /// Red + yellow: what needs attention (ARR at risk, 风险金额).
    pub fn at_risk(&self) -> T {
        self.red + self.yellow
    }
}

/// Active accounts per health band, overall and per tier (index = tier).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HealthDistribution {
    pub overall: PerBand<usize>,
    pub per_tier: Vec<PerBand<usize>>,
}

pub fn health_distribution(snapshot: &Snapshot) -> HealthDistribution {
    let mut dist =
        HealthDistribution { overall: PerBand::default(), per_tier: vec![PerBand::default(); snapshot.tier_count] };
    for view in snapshot.views.iter().filter(|v| v.is_active()) {
        *dist.overall.get_mut(view.band) += 1;
        if let Some(tier) = dist.per_tier.get_mut(view.tier) {
            *tier.get_mut(view.band) += 1;
        }
    }
    dist
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(activity: Option<f64>, depth: Option<f64>, satisfaction: Option<f64>) -> Account {
        Account { activity, depth, satisfaction, ..Default::default() }
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-12)
    }

    #[test]
    fn weighted_mean_of_all_inputs() {
        let s = HealthSettings::default();
        // (50·80 + 30·60 + 20·40) / 100 = (4000 + 1800 + 800) / 100
        assert!(close(health(&account(Some(80.0), Some(60.0), Some(40.0)), &s), 66.0));
    }

    #[test]
    fn missing_inputs_spread_their_weight() {
        let s = HealthSettings::default();
        // depth missing: (50·80 + 20·40) / 70 = 4800 / 70
        assert!(close(health(&account(Some(80.0), None, Some(40.0)), &s), 4800.0 / 70.0));
        // only satisfaction: it is the whole health
        assert!(close(health(&account(None, None, Some(33.0)), &s), 33.0));
        assert_eq!(health(&account(None, None, None), &s), None);
    }

    #[test]
    fn override_wins_even_without_inputs() {
        let s = HealthSettings::default();
        let mut a = account(Some(90.0), Some(90.0), Some(90.0));
        a.health_override = Some(12.0);
        assert_eq!(health(&a, &s), Some(12.0));
        let b = Account { health_override: Some(0.0), ..Default::default() };
        assert_eq!(health(&b, &s), Some(0.0));
    }

    #[test]
    fn zero_weight_input_alone_gives_no_health() {
        let s = HealthSettings { satisfaction_weight: 0.0, ..Default::default() };
        assert_eq!(health(&account(None, None, Some(50.0)), &s), None);
    }

    #[test]
    fn bands_are_lower_inclusive() {
        let s = HealthSettings::default();
        assert_eq!(s.band(Some(39.999)), Band::Red);
        assert_eq!(s.band(Some(40.0)), Band::Yellow);
        assert_eq!(s.band(Some(69.999)), Band::Yellow);
        assert_eq!(s.band(Some(70.0)), Band::Green);
        assert_eq!(s.band(Some(0.0)), Band::Red);
        assert_eq!(s.band(Some(100.0)), Band::Green);
        assert_eq!(s.band(None), Band::None);
        // A computed 70 that comes out a hair low is still green.
        let computed = 0.7 / 0.1 * 10.0;
        assert!(computed < 70.0);
        assert_eq!(s.band(Some(computed)), Band::Green);
    }

    #[test]
    fn per_band_totals() {
        let p = PerBand { red: 1.0, yellow: 2.0, green: 4.0, none: 8.0 };
        assert_eq!(p.total(), 15.0);
        assert_eq!(p.at_risk(), 3.0);
        assert_eq!(p.get(Band::Green), 4.0);
    }

    #[test]
    fn settings_default_when_missing() {
        assert_eq!(serde_json::from_str::<HealthSettings>("{}").unwrap(), HealthSettings::default());
        let s: HealthSettings = serde_json::from_str(r#"{"green_from": 80}"#).unwrap();
        assert_eq!((s.green_from, s.activity_weight), (80.0, 50.0));
    }
}
