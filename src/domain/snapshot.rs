//! What each account is as of D — arr, stage, tier, health — worked out once per book and
//! settings, so the figures of a page read it instead of walking every account's terms again.

use chrono::NaiveDate;

use super::book::{AsOfRules, Book};
use super::health::{health, Band, HealthSettings};
use super::lifecycle::{stage_with_current, Stage};
use super::tiers::TierSettings;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AccountView {
    /// Arr as of D (a churned account: its churned term's arr).
    pub arr: f64,
    pub stage: Stage,
    /// Index into the tier settings' tiers.
    pub tier: usize,
    pub health: Option<f64>,
    pub band: Band,
}

impl AccountView {
    /// In the active book: not churned (DOMAIN.md §2).
    pub fn is_active(&self) -> bool {
        self.stage != Stage::Churned
    }
}

/// One view per account, in the book's order (`views[i]` is `book.accounts[i]`).
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub as_of: NaiveDate,
    pub rules: AsOfRules,
    pub tier_count: usize,
    pub views: Vec<AccountView>,
}

impl Snapshot {
    pub fn new(
        book: &Book,
        as_of: NaiveDate,
        rules: &AsOfRules,
        health_settings: &HealthSettings,
        tiers: &TierSettings,
    ) -> Snapshot {
        let views = book
            .accounts
            .iter()
            .map(|account| {
                let current = account.current_term_index(as_of);
                let arr = current.map_or(0.0, |i| account.terms[i].arr);
                let h = health(account, health_settings);
                AccountView {
                    arr,
                    stage: stage_with_current(account, current, as_of, rules),
                    tier: tiers.tier_for_amount(tiers.basis_amount(account, arr)),
                    health: h,
                    band: health_settings.band(h),
                }
            })
            .collect();
        Snapshot { as_of, rules: *rules, tier_count: tiers.tiers.len(), views }
    }

    /// Indices and views of the active accounts.
    pub fn active(&self) -> impl Iterator<Item = (usize, &AccountView)> {
        self.views.iter().enumerate().filter(|(_, v)| v.is_active())
    }
}
