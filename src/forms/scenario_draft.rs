//! The scenario on the page. Until the user types a growth rate or a headcount, those inputs
//! follow the book (DOMAIN.md §5: "defaults from the book … all editable"), so a book loaded
//! later, or a new as-of date, still prefills them; once typed, they are the user's.

use serde::{Deserialize, Serialize};

use crate::domain::capacity::CapacitySettings;
use crate::domain::growth::TierGrowth;
use crate::domain::scenario::Scenario;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub scenario: Scenario,
    /// Per-tier growth comes from the book (`growth_defaults`), not `scenario.projection.tiers`.
    pub tiers_from_book: bool,
    /// Current CSMs come from the roster (or owners), not `scenario.projection.team`.
    pub csms_from_book: bool,
}

impl Default for Draft {
    fn default() -> Self {
        Draft::new(CapacitySettings::default())
    }
}

impl Draft {
    /// A fresh draft on the user's capacity settings, every book-based input following the book.
    pub fn new(capacity: CapacitySettings) -> Self {
        let mut scenario = Scenario { capacity, ..Default::default() };
        scenario.projection.tiers.clear();
        Draft { scenario, tiers_from_book: true, csms_from_book: true }
    }

    /// A saved or shared scenario, shown exactly as it was written.
    pub fn from_scenario(scenario: Scenario) -> Self {
        Draft { scenario, tiers_from_book: false, csms_from_book: false }
    }

    /// The scenario the figures use: the book's defaults filled in where the draft follows it.
    /// A scenario with fewer tiers than the book (written with other tier settings) takes the
    /// book's defaults for the tiers it lacks, so no tier silently stops growing. When the
    /// scenario takes its churn from the renewal forecast, `forecast_churn` (when computed) is
    /// every tier's annual logo churn.
    pub fn effective(&self, book_tiers: &[TierGrowth], book_csms: f64, forecast_churn: Option<f64>) -> Scenario {
        let mut s = self.scenario.clone();
        s.projection.tiers = self.tiers(book_tiers);
        if let Some(churn) = forecast_churn.filter(|_| s.churn_from_forecast) {
            for t in &mut s.projection.tiers {
                t.annual_logo_churn = churn;
            }
        }
        if self.csms_from_book {
            s.projection.team.current_csms = book_csms;
        }
        s
    }

    fn tiers(&self, book_tiers: &[TierGrowth]) -> Vec<TierGrowth> {
        if self.tiers_from_book {
            return book_tiers.to_vec();
        }
        let own = &self.scenario.projection.tiers;
        let mut tiers = own.clone();
        if own.len() < book_tiers.len() {
            tiers.extend_from_slice(&book_tiers[own.len()..]);
        }
        tiers
    }

    /// Edits tier `tier`'s growth; from then on every tier's growth is the user's (the others
    /// keep the values they showed).
    pub fn edit_tier(&mut self, book_tiers: &[TierGrowth], tier: usize, edit: impl FnOnce(&mut TierGrowth)) {
        let mut tiers = self.tiers(book_tiers);
        if tiers.len() <= tier {
            tiers.resize(tier + 1, TierGrowth::default());
        }
        edit(&mut tiers[tier]);
        self.scenario.projection.tiers = tiers;
        self.tiers_from_book = false;
    }

    pub fn set_current_csms(&mut self, csms: f64) {
        self.scenario.projection.team.current_csms = csms;
        self.csms_from_book = false;
    }

    /// Back to the book's growth and headcount, keeping every other input.
    pub fn follow_book(&mut self) {
        self.scenario.projection.tiers.clear();
        self.tiers_from_book = true;
        self.csms_from_book = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(new: f64) -> TierGrowth {
        TierGrowth { new_logos_per_month: new, ..Default::default() }
    }

    #[test]
    fn a_fresh_draft_follows_the_book() {
        let d = Draft::new(CapacitySettings { arr_per_csm: 1e6, ..Default::default() });
        let s = d.effective(&[g(1.0), g(2.0)], 3.0, None);
        assert_eq!(s.projection.tiers, vec![g(1.0), g(2.0)]);
        assert_eq!(s.projection.team.current_csms, 3.0);
        assert_eq!(s.capacity.arr_per_csm, 1e6);
        // A book that changes later still shows through.
        assert_eq!(d.effective(&[g(5.0)], 4.0, None).projection.tiers, vec![g(5.0)]);
    }

    #[test]
    fn editing_one_tier_keeps_the_others_as_shown() {
        let mut d = Draft::default();
        let book = [g(1.0), g(2.0), g(3.0)];
        d.edit_tier(&book, 1, |t| t.avg_new_arr = 9.0);
        assert!(!d.tiers_from_book);
        let s = d.effective(&[g(7.0), g(7.0), g(7.0)], 0.0, None);
        assert_eq!(s.projection.tiers[0], g(1.0));
        assert_eq!(s.projection.tiers[1], TierGrowth { avg_new_arr: 9.0, ..g(2.0) });
        assert_eq!(s.projection.tiers[2], g(3.0));
        // Out-of-range tier: grows the list instead of panicking.
        d.edit_tier(&[], 5, |t| t.new_logos_per_month = 1.0);
        assert_eq!(d.scenario.projection.tiers.len(), 6);
    }

    #[test]
    fn typed_headcount_stays_and_follow_book_resets() {
        let mut d = Draft::default();
        d.set_current_csms(2.5);
        assert_eq!(d.effective(&[], 7.0, None).projection.team.current_csms, 2.5);
        d.edit_tier(&[g(1.0)], 0, |t| t.new_logos_per_month = 4.0);
        d.follow_book();
        let s = d.effective(&[g(1.0)], 7.0, None);
        assert_eq!((s.projection.team.current_csms, s.projection.tiers.clone()), (7.0, vec![g(1.0)]));
    }

    #[test]
    fn a_shared_scenario_is_shown_as_written_and_short_lists_are_completed() {
        let mut s = Scenario { name: "A".into(), ..Default::default() };
        s.projection.tiers = vec![g(9.0)];
        s.projection.team.current_csms = 1.0;
        let d = Draft::from_scenario(s);
        let e = d.effective(&[g(1.0), g(2.0)], 5.0, None);
        assert_eq!(e.projection.tiers, vec![g(9.0), g(2.0)]);
        assert_eq!(e.projection.team.current_csms, 1.0);
        assert_eq!(e.name, "A");
    }

    #[test]
    fn churn_from_the_forecast_replaces_every_tiers_logo_churn_only_when_chosen() {
        let mut d = Draft::default();
        let book = [TierGrowth { annual_logo_churn: 0.1, ..g(1.0) }, TierGrowth { annual_logo_churn: 0.3, ..g(2.0) }];
        let churns = |s: Scenario| s.projection.tiers.iter().map(|t| t.annual_logo_churn).collect::<Vec<_>>();
        assert_eq!(churns(d.effective(&book, 1.0, Some(0.2))), vec![0.1, 0.3], "not chosen");
        d.scenario.churn_from_forecast = true;
        assert_eq!(churns(d.effective(&book, 1.0, Some(0.2))), vec![0.2, 0.2]);
        assert_eq!(churns(d.effective(&book, 1.0, None)), vec![0.1, 0.3], "no forecast: the book's");
    }

    #[test]
    fn old_or_partial_json_reads() {
        let d: Draft = serde_json::from_str("{}").unwrap();
        assert!(d.tiers_from_book && d.csms_from_book);
        let d: Draft = serde_json::from_str(r#"{"tiers_from_book":false}"#).unwrap();
        assert!(!d.tiers_from_book);
    }
}
