//! The CSM KPI scorecard (DOMAIN.md §7, 表2-1/2-2): weighted dimensions, presets by the stage of
//! the CS team, attainment and score.

use serde::{Deserialize, Serialize};

use super::stats::TOLERANCE;

/// Attainment is capped so one strong dimension cannot hide a weak one.
pub const ATTAINMENT_CAP: f64 = 1.2;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KpiDimension {
    /// 续约率, a fraction.
    LogoRenewalRate,
    /// 金额续费率, a fraction.
    Grr,
    /// 净续费率, a fraction.
    Nrr,
    /// 续费金额, money.
    RenewedAmount,
    /// 增购金额, money.
    ExpansionAmount,
    /// 活跃率, 0–100.
    AverageActivity,
    /// 健康度, 0–100.
    AverageHealth,
    /// 上线率, a fraction.
    GoLiveRate,
    /// 转介绍数, a count.
    Referrals,
}

impl KpiDimension {
    pub const ALL: [KpiDimension; 9] = [
        KpiDimension::LogoRenewalRate,
        KpiDimension::Grr,
        KpiDimension::Nrr,
        KpiDimension::RenewedAmount,
        KpiDimension::ExpansionAmount,
        KpiDimension::AverageActivity,
        KpiDimension::AverageHealth,
        KpiDimension::GoLiveRate,
        KpiDimension::Referrals,
    ];

    /// A starting target. Amounts and referrals depend on the book, so they start at 0,
    /// which means "not set" (no attainment) until the user enters one.
    pub fn default_target(self) -> f64 {
        match self {
            KpiDimension::LogoRenewalRate | KpiDimension::Grr | KpiDimension::GoLiveRate => 0.9,
            KpiDimension::Nrr => 1.0,
            KpiDimension::AverageActivity => 60.0,
            KpiDimension::AverageHealth => 70.0,
            KpiDimension::RenewedAmount | KpiDimension::ExpansionAmount | KpiDimension::Referrals => 0.0,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiLine {
    pub dimension: KpiDimension,
    pub target: f64,
    /// Points out of 100.
    pub weight: f64,
}

/// Presets by the stage of the CS team (seed 000 §4).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScorecardPreset {
    /// 早期: results first.
    Early,
    /// 方法沉淀期: build the method.
    Method,
    /// 复制期: replicate it.
    Replication,
    /// The classic three.
    ClassicThree,
}

impl ScorecardPreset {
    pub const ALL: [ScorecardPreset; 4] =
        [ScorecardPreset::Early, ScorecardPreset::Method, ScorecardPreset::Replication, ScorecardPreset::ClassicThree];

    pub fn weights(self) -> &'static [(KpiDimension, f64)] {
        use KpiDimension::*;
        match self {
            ScorecardPreset::Early => &[(RenewedAmount, 50.0), (ExpansionAmount, 30.0), (LogoRenewalRate, 20.0)],
            ScorecardPreset::Method => {
                &[(LogoRenewalRate, 30.0), (Grr, 20.0), (AverageActivity, 25.0), (AverageHealth, 25.0)]
            }
            ScorecardPreset::Replication => {
                &[(AverageActivity, 30.0), (AverageHealth, 30.0), (LogoRenewalRate, 20.0), (Grr, 20.0)]
            }
            ScorecardPreset::ClassicThree => &[(Grr, 50.0), (LogoRenewalRate, 30.0), (AverageActivity, 20.0)],
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scorecard {
    pub lines: Vec<KpiLine>,
}

impl Default for Scorecard {
    fn default() -> Self {
        Scorecard::preset(ScorecardPreset::ClassicThree)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ScorecardError {
    /// Weights must sum to 100; `actual` is what they sum to.
    WeightsSum {
        actual: f64,
    },
    /// Negative, or not a number.
    InvalidWeight(KpiDimension),
    Duplicate(KpiDimension),
}

/// An owner's (or the team's) actual figure per dimension, in the dimension's unit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KpiActuals {
    pub values: Vec<(KpiDimension, f64)>,
}

impl KpiActuals {
    /// Keeps the figures that are known: pass `None` for one the book cannot compute.
    pub fn from_options(values: impl IntoIterator<Item = (KpiDimension, Option<f64>)>) -> Self {
        KpiActuals { values: values.into_iter().filter_map(|(d, v)| v.map(|v| (d, v))).collect() }
    }

    pub fn get(&self, dimension: KpiDimension) -> Option<f64> {
        self.values.iter().find(|(d, v)| *d == dimension && v.is_finite()).map(|&(_, v)| v)
    }
}

/// min(actual / target, 1.2), never negative; `None` without a positive target.
pub fn attainment(actual: f64, target: f64) -> Option<f64> {
    (target > 0.0 && actual.is_finite()).then(|| (actual / target).clamp(0.0, ATTAINMENT_CAP))
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineScore {
    pub dimension: KpiDimension,
    pub weight: f64,
    pub target: f64,
    pub actual: Option<f64>,
    pub attainment: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub lines: Vec<LineScore>,
    /// Σ weight of the lines that have an attainment.
    pub covered_weight: f64,
    /// Out of 100 (up to 120); `None` when no line has an attainment.
    pub score: Option<f64>,
}

impl Scorecard {
    pub fn preset(preset: ScorecardPreset) -> Self {
        let lines = preset
            .weights()
            .iter()
            .map(|&(dimension, weight)| KpiLine { dimension, target: dimension.default_target(), weight })
            .collect();
        Scorecard { lines }
    }

    pub fn validate(&self) -> Result<(), ScorecardError> {
        for (i, line) in self.lines.iter().enumerate() {
            if line.weight.is_nan() || line.weight < 0.0 {
                return Err(ScorecardError::InvalidWeight(line.dimension));
            }
            if self.lines[..i].iter().any(|l| l.dimension == line.dimension) {
                return Err(ScorecardError::Duplicate(line.dimension));
            }
        }
        let actual: f64 = self.lines.iter().map(|l| l.weight).sum();
        if (actual - 100.0).abs() > TOLERANCE * 100.0 {
            return Err(ScorecardError::WeightsSum { actual });
        }
        Ok(())
    }

    /// Score = Σ weight × attainment. A line without an actual (e.g. no renewals were due) or
    /// without a target is left out and the others are scaled up to 100 points: an owner with
    /// nothing due is neither good nor bad at renewals, and scoring them 0 would rank owners
    /// by what the calendar handed them. `covered_weight` says how much of the card was scored.
    pub fn score(&self, actuals: &KpiActuals) -> Result<Score, ScorecardError> {
        self.validate()?;
        let lines: Vec<LineScore> = self
            .lines
            .iter()
            .map(|l| {
                let actual = actuals.get(l.dimension);
                LineScore {
                    dimension: l.dimension,
                    weight: l.weight,
                    target: l.target,
                    actual,
                    attainment: actual.and_then(|a| attainment(a, l.target)),
                }
            })
            .collect();
        let scored = lines.iter().filter_map(|l| l.attainment.map(|a| (l.weight, a)));
        let (covered_weight, points) = scored.fold((0.0, 0.0), |(w, p), (lw, a)| (w + lw, p + lw * a));
        let score = (covered_weight > TOLERANCE).then(|| points * 100.0 / covered_weight);
        Ok(Score { lines, covered_weight, score })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use KpiDimension::*;

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn presets_match_the_seed() {
        let weights = |p| Scorecard::preset(p).lines.iter().map(|l| (l.dimension, l.weight)).collect::<Vec<_>>();
        assert_eq!(
            weights(ScorecardPreset::Early),
            [(RenewedAmount, 50.0), (ExpansionAmount, 30.0), (LogoRenewalRate, 20.0)]
        );
        assert_eq!(
            weights(ScorecardPreset::Method),
            [(LogoRenewalRate, 30.0), (Grr, 20.0), (AverageActivity, 25.0), (AverageHealth, 25.0)]
        );
        assert_eq!(
            weights(ScorecardPreset::Replication),
            [(AverageActivity, 30.0), (AverageHealth, 30.0), (LogoRenewalRate, 20.0), (Grr, 20.0)]
        );
        assert_eq!(
            weights(ScorecardPreset::ClassicThree),
            [(Grr, 50.0), (LogoRenewalRate, 30.0), (AverageActivity, 20.0)]
        );
        for p in ScorecardPreset::ALL {
            assert_eq!(Scorecard::preset(p).validate(), Ok(()));
        }
    }

    #[test]
    fn attainment_is_capped() {
        assert!(close(attainment(0.81, 0.9), 0.9));
        assert!(close(attainment(90.0, 60.0), 1.2));
        assert!(close(attainment(72.0, 60.0), 1.2));
        assert!(close(attainment(-5.0, 60.0), 0.0));
        assert_eq!(attainment(5.0, 0.0), None);
    }

    #[test]
    fn classic_three_score() {
        // GRR 0.9/0.9 → 1.0 × 50; logo 0.81/0.9 → 0.9 × 30; activity 90/60 → 1.2 × 20.
        let actuals =
            KpiActuals::from_options([(Grr, Some(0.9)), (LogoRenewalRate, Some(0.81)), (AverageActivity, Some(90.0))]);
        let s = Scorecard::default().score(&actuals).unwrap();
        assert!(close(s.score, 101.0));
        assert_eq!(s.covered_weight, 100.0);
        assert!(close(s.lines[1].attainment, 0.9));
    }

    #[test]
    fn missing_actuals_are_left_out_and_the_rest_scaled() {
        let actuals =
            KpiActuals::from_options([(Grr, Some(0.9)), (LogoRenewalRate, Some(0.81)), (AverageActivity, None)]);
        let s = Scorecard::default().score(&actuals).unwrap();
        // (50 + 27) / 80 × 100
        assert!(close(s.score, 96.25));
        assert_eq!(s.covered_weight, 80.0);
        assert_eq!(s.lines[2].attainment, None);
        // Early preset, amounts without targets: only the logo rate is scored.
        let early = Scorecard::preset(ScorecardPreset::Early);
        let s = early.score(&KpiActuals::from_options([(LogoRenewalRate, Some(0.9))])).unwrap();
        assert!(close(s.score, 100.0));
        assert_eq!(s.covered_weight, 20.0);
        assert_eq!(early.score(&KpiActuals::default()).unwrap().score, None);
    }

    #[test]
    fn weights_are_validated() {
        let mut card = Scorecard::default();
        card.lines[0].weight = 40.0;
        assert_eq!(card.validate(), Err(ScorecardError::WeightsSum { actual: 90.0 }));
        assert_eq!(card.score(&KpiActuals::default()), Err(ScorecardError::WeightsSum { actual: 90.0 }));
        card.lines[0].weight = 33.3;
        card.lines[1].weight = 33.3;
        card.lines[2].weight = 33.4;
        assert_eq!(card.validate(), Ok(()));
        card.lines[2].dimension = Grr;
        assert_eq!(card.validate(), Err(ScorecardError::Duplicate(Grr)));
        let neg = Scorecard {
            lines: vec![
                KpiLine { dimension: Nrr, target: 1.0, weight: 110.0 },
                KpiLine { dimension: Referrals, target: 3.0, weight: -10.0 },
            ],
        };
        assert_eq!(neg.validate(), Err(ScorecardError::InvalidWeight(Referrals)));
        let nan = Scorecard { lines: vec![KpiLine { dimension: Nrr, target: 1.0, weight: f64::NAN }] };
        assert_eq!(nan.validate(), Err(ScorecardError::InvalidWeight(Nrr)));
    }
}
