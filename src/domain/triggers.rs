//! Hiring triggers (DOMAIN.md §5, seed 004): when the book says "hire now", before any ratio does.

use serde::{Deserialize, Serialize};

use super::book::Book;
use super::capacity::reaches;
use super::snapshot::Snapshot;
use super::stats::TOLERANCE;
use super::team::{Person, Role};

/// Thresholds of trigger (a). Trigger (b)'s threshold is the capacity settings'
/// `dedicated_threshold`: the same "a tier that pays for its CSM" figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TriggerSettings {
    /// How many large accounts justify the first CSM.
    pub first_csm_accounts: usize,
    /// An active account at or above this ARR is large.
    pub first_csm_arr: f64,
}

impl Default for TriggerSettings {
    fn default() -> Self {
        TriggerSettings { first_csm_accounts: 2, first_csm_arr: 50_000.0 }
    }
}

/// A tier as the tier trigger sees it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TierOwnership {
    /// Σ arr of the tier's active accounts.
    pub arr: f64,
    pub active_accounts: usize,
    /// Active accounts of the tier owned by a CSM.
    pub owned_by_csm: usize,
}

/// Each tier's ARR, active accounts and those a CSM owns. A CSM is a roster person with the
/// CSM role; while the roster is empty, any named owner (as for the CSM headcount, §7).
pub fn tier_ownership(book: &Book, snapshot: &Snapshot, roster: &[Person]) -> Vec<TierOwnership> {
    let is_csm = |owner: &str| {
        !owner.trim().is_empty()
            && (roster.is_empty() || roster.iter().any(|p| p.role == Role::Csm && p.name.trim() == owner.trim()))
    };
    let mut tiers = vec![TierOwnership::default(); snapshot.tier_count];
    for (i, view) in snapshot.active() {
        if let (Some(t), Some(a)) = (tiers.get_mut(view.tier), book.accounts.get(i)) {
            t.arr += view.arr;
            t.active_accounts += 1;
            t.owned_by_csm += usize::from(is_csm(&a.owner));
        }
    }
    tiers
}

/// Why the book says to hire; numbers kept as data so either language can phrase it.
#[derive(Clone, Debug, PartialEq)]
pub enum HiringAlert {
    /// (a) No CSM yet, and `large_accounts` active accounts have arr ≥ `min_arr`.
    FirstCsm { large_accounts: usize, min_accounts: usize, min_arr: f64 },
    /// (b) Tier `tier` has `tier_arr` ≥ `threshold` and none of its accounts has a CSM.
    UncoveredTier { tier: usize, tier_arr: f64, threshold: f64, accounts: usize },
}

/// The alerts, trigger (a) first, then tiers in order.
///
/// `csm_headcount` is §7's (Σ FTE of roster CSMs, or distinct owners while the roster is
/// empty); `active_arrs` the arr of every active account; `tiers` by tier index.
pub fn hiring_alerts(
    settings: &TriggerSettings,
    tier_threshold: f64,
    csm_headcount: f64,
    active_arrs: &[f64],
    tiers: &[TierOwnership],
) -> Vec<HiringAlert> {
    let mut alerts = Vec::new();
    let no_csm = csm_headcount <= TOLERANCE;
    let large = active_arrs.iter().filter(|&&a| reaches(a, settings.first_csm_arr)).count();
    // A setting of 0 would fire on an empty book; at least one large account is asked for.
    if no_csm && large >= settings.first_csm_accounts.max(1) {
        alerts.push(HiringAlert::FirstCsm {
            large_accounts: large,
            min_accounts: settings.first_csm_accounts,
            min_arr: settings.first_csm_arr,
        });
    }
    for (tier, t) in tiers.iter().enumerate() {
        // A tier with no accounts has nothing to cover, whatever its (zero) ARR.
        if t.active_accounts > 0 && t.owned_by_csm == 0 && reaches(t.arr, tier_threshold) {
            alerts.push(HiringAlert::UncoveredTier {
                tier,
                tier_arr: t.arr,
                threshold: tier_threshold,
                accounts: t.active_accounts,
            });
        }
    }
    alerts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s() -> TriggerSettings {
        TriggerSettings::default()
    }

    #[test]
    fn first_csm_needs_two_large_accounts_and_no_csm() {
        assert!(hiring_alerts(&s(), 400_000.0, 0.0, &[50_000.0, 49_999.99], &[]).is_empty());
        assert_eq!(
            hiring_alerts(&s(), 400_000.0, 0.0, &[50_000.0, 80_000.0, 1_000.0], &[]),
            vec![HiringAlert::FirstCsm { large_accounts: 2, min_accounts: 2, min_arr: 50_000.0 }]
        );
        // Any CSM at all, even part-time, silences it.
        assert!(hiring_alerts(&s(), 400_000.0, 0.5, &[50_000.0, 80_000.0], &[]).is_empty());
    }

    #[test]
    fn first_csm_thresholds_are_editable() {
        let st = TriggerSettings { first_csm_accounts: 3, first_csm_arr: 10_000.0 };
        assert!(hiring_alerts(&st, 400_000.0, 0.0, &[10_000.0, 20_000.0], &[]).is_empty());
        assert_eq!(hiring_alerts(&st, 400_000.0, 0.0, &[10_000.0, 20_000.0, 10_000.0], &[]).len(), 1);
    }

    #[test]
    fn uncovered_tier_at_threshold_edges() {
        let tiers = [
            TierOwnership { arr: 400_000.0, active_accounts: 8, owned_by_csm: 0 },
            TierOwnership { arr: 399_999.99, active_accounts: 30, owned_by_csm: 0 },
            TierOwnership { arr: 900_000.0, active_accounts: 20, owned_by_csm: 1 },
            TierOwnership { arr: 500_000.0, active_accounts: 400, owned_by_csm: 0 },
        ];
        let alerts = hiring_alerts(&s(), 400_000.0, 2.0, &[], &tiers);
        assert_eq!(
            alerts,
            vec![
                HiringAlert::UncoveredTier { tier: 0, tier_arr: 400_000.0, threshold: 400_000.0, accounts: 8 },
                HiringAlert::UncoveredTier { tier: 3, tier_arr: 500_000.0, threshold: 400_000.0, accounts: 400 },
            ]
        );
        // A raised threshold drops tier 0.
        assert_eq!(hiring_alerts(&s(), 450_000.0, 2.0, &[], &tiers).len(), 1);
    }

    #[test]
    fn both_triggers_together_first_csm_first() {
        let tiers = [TierOwnership { arr: 600_000.0, active_accounts: 5, owned_by_csm: 0 }];
        let alerts = hiring_alerts(&s(), 400_000.0, 0.0, &[300_000.0, 300_000.0], &tiers);
        assert!(matches!(alerts[0], HiringAlert::FirstCsm { .. }));
        assert!(matches!(alerts[1], HiringAlert::UncoveredTier { tier: 0, .. }));
    }

    #[test]
    fn a_zero_threshold_does_not_alert_on_an_empty_tier() {
        let tiers = [TierOwnership::default()];
        assert!(hiring_alerts(&s(), 0.0, 0.0, &[], &tiers).is_empty());
    }

    #[test]
    fn ownership_from_the_book() {
        use crate::domain::book::{Account, AsOfRules, Outcome, Term};
        use crate::domain::health::HealthSettings;
        use crate::domain::tiers::TierSettings;
        let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let account = |owner: &str, arr: f64| Account {
            owner: owner.into(),
            terms: vec![Term { start: d("2025-01-01"), end: d("2025-12-31"), arr, outcome: Outcome::Open }],
            ..Default::default()
        };
        let book = Book { accounts: vec![account("Ann", 250_000.0), account("", 200_000.0), account("Zed", 30_000.0)] };
        let snap = Snapshot::new(
            &book,
            d("2025-06-01"),
            &AsOfRules::default(),
            &HealthSettings::default(),
            &TierSettings::default(),
        );
        let t = tier_ownership(&book, &snap, &[]);
        assert_eq!(t.len(), 4);
        assert_eq!(t[0], TierOwnership { arr: 450_000.0, active_accounts: 2, owned_by_csm: 1 });
        assert_eq!(t[1], TierOwnership { arr: 30_000.0, active_accounts: 1, owned_by_csm: 1 });
        // With a roster, only its CSMs count: Ann is renewal BD, so tier 0 is uncovered.
        let roster = [
            Person { name: "Ann".into(), role: Role::RenewalBd, ..Default::default() },
            Person { name: "Zed".into(), ..Default::default() },
        ];
        let t = tier_ownership(&book, &snap, &roster);
        assert_eq!((t[0].owned_by_csm, t[1].owned_by_csm), (0, 1));
        assert_eq!(
            hiring_alerts(&s(), 400_000.0, 1.0, &[], &t),
            vec![HiringAlert::UncoveredTier { tier: 0, tier_arr: 450_000.0, threshold: 400_000.0, accounts: 2 }]
        );
    }
}
