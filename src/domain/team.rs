//! The CS team (DOMAIN.md §7): roster, CSM headcount, each owner's load, and a rebalance proposal.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::book::Book;
use super::natural::natural_cmp;
use super::snapshot::Snapshot;
use super::stats::TOLERANCE;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 客户成功经理
    #[default]
    Csm,
    /// 续费岗
    RenewalBd,
    /// 实施
    Implementation,
    /// 客服
    Support,
    /// 服务中台
    Ops,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub name: String,
    pub role: Role,
    pub fte: f64,
    pub start: Option<NaiveDate>,
    /// A year; `None` takes the planning default.
    pub loaded_cost: Option<f64>,
}

impl Default for Person {
    fn default() -> Self {
        Person { name: String::new(), role: Role::Csm, fte: 1.0, start: None, loaded_cost: None }
    }
}

/// Σ FTE of the roster's CSMs; while the roster is empty, the distinct non-empty owners of
/// active accounts (the book is then the only record of who the CSMs are).
pub fn csm_headcount<'a>(roster: &[Person], active_owners: impl IntoIterator<Item = &'a str>) -> f64 {
    if roster.is_empty() {
        let distinct: BTreeSet<&str> = active_owners.into_iter().filter(|o| !o.trim().is_empty()).collect();
        return distinct.len() as f64;
    }
    roster.iter().filter(|p| p.role == Role::Csm && p.fte.is_finite()).map(|p| p.fte.max(0.0)).sum()
}

/// The roster's cost a year: each person's loaded cost (or the default) × FTE.
pub fn roster_cost(roster: &[Person], default_loaded_cost: f64) -> f64 {
    roster.iter().map(|p| p.loaded_cost.unwrap_or(default_loaded_cost) * p.fte.max(0.0)).sum()
}

/// One active account as the load computation sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OwnedAccount {
    /// Empty = unassigned (counted in no one's load).
    pub owner: String,
    pub tier: usize,
    pub arr: f64,
}

/// The active accounts of the book with their index in it, for `owner_loads` and `rebalance`
/// (whose `Move::account` indexes the list passed in, so the page maps it back through these).
pub fn owned_accounts(book: &Book, snapshot: &Snapshot) -> Vec<(usize, OwnedAccount)> {
    snapshot
        .active()
        .filter_map(|(i, view)| {
            let owner = book.accounts.get(i)?.owner.clone();
            Some((i, OwnedAccount { owner, tier: view.tier, arr: view.arr }))
        })
        .collect()
}

/// The distinct non-empty owners of active accounts (for `csm_headcount` while the roster is
/// empty).
pub fn active_owners<'a>(book: &'a Book, snapshot: &Snapshot) -> BTreeSet<&'a str> {
    snapshot
        .active()
        .filter_map(|(i, _)| book.accounts.get(i).map(|a| a.owner.as_str()))
        .filter(|o| !o.trim().is_empty())
        .collect()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoadBands {
    pub overloaded_above: f64,
    pub light_below: f64,
}

impl Default for LoadBands {
    fn default() -> Self {
        LoadBands { overloaded_above: 1.1, light_below: 0.7 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoadBand {
    Light,
    Balanced,
    Overloaded,
}

impl LoadBands {
    /// With the §0 tolerance, so 44 accounts at 40 per CSM (1.1000000000000001) is not over.
    pub fn band(&self, load: f64) -> LoadBand {
        if load > self.overloaded_above + TOLERANCE {
            LoadBand::Overloaded
        } else if load < self.light_below - TOLERANCE {
            LoadBand::Light
        } else {
            LoadBand::Balanced
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct OwnerLoad {
    pub owner: String,
    pub accounts: usize,
    pub arr: f64,
    /// Σ 1 / accounts-per-CSM of each account's tier: 1.0 is a full book.
    pub load: f64,
    pub band: LoadBand,
}

/// What one account weighs in its owner's load; a tier without a usable ratio weighs nothing
/// rather than infinitely.
pub fn account_weight(tier: usize, accounts_per_csm: &[f64]) -> f64 {
    match accounts_per_csm.get(tier) {
        Some(&apc) if apc > 0.0 && apc.is_finite() => 1.0 / apc,
        _ => 0.0,
    }
}

/// Each owner's book and load, by owner name in natural order ("CSM 2" before "CSM 10").
pub fn owner_loads(accounts: &[OwnedAccount], accounts_per_csm: &[f64], bands: &LoadBands) -> Vec<OwnerLoad> {
    let mut by_owner: BTreeMap<&str, (usize, f64, f64)> = BTreeMap::new();
    for a in accounts.iter().filter(|a| !a.owner.trim().is_empty()) {
        let entry = by_owner.entry(a.owner.as_str()).or_default();
        entry.0 += 1;
        entry.1 += a.arr;
        entry.2 += account_weight(a.tier, accounts_per_csm);
    }
    let mut loads: Vec<OwnerLoad> = by_owner
        .into_iter()
        .map(|(owner, (n, arr, load))| OwnerLoad {
            owner: owner.to_string(),
            accounts: n,
            arr,
            load,
            band: bands.band(load),
        })
        .collect();
    crate::domain::sort::sort_by(&mut loads, |a, b| natural_cmp(&a.owner, &b.owner));
    loads
}

#[cfg(test)]
mod tests {
    use super::*;

    const APC: [f64; 4] = [10.0, 40.0, 200.0, 1_000.0];

    fn acct(owner: &str, tier: usize, arr: f64) -> OwnedAccount {
        OwnedAccount { owner: owner.into(), tier, arr }
    }

    fn many(owner: &str, tier: usize, n: usize, arr0: f64) -> Vec<OwnedAccount> {
        (0..n).map(|i| acct(owner, tier, arr0 + 1_000.0 * i as f64)).collect()
    }

    #[test]
    fn headcount_from_roster_or_owners() {
        let roster = vec![
            Person { name: "A".into(), fte: 1.0, ..Default::default() },
            Person { name: "B".into(), fte: 0.5, ..Default::default() },
            Person { name: "C".into(), role: Role::RenewalBd, ..Default::default() },
        ];
        assert_eq!(csm_headcount(&roster, ["x", "y"]), 1.5);
        assert_eq!(csm_headcount(&[], ["Ann", "Bob", "Ann", "", "  "]), 2.0);
        // A roster without CSMs still wins over the owners.
        assert_eq!(csm_headcount(&roster[2..], ["Ann"]), 0.0);
        assert_eq!(roster_cost(&roster, 100_000.0), 250_000.0);
    }

    #[test]
    fn loads_and_bands() {
        let mut book = many("Ann", 0, 12, 100_000.0);
        book.extend(many("Bob", 1, 20, 20_000.0));
        book.extend(many("Cy", 1, 28, 20_000.0));
        book.extend(many("Dee", 1, 44, 20_000.0));
        book.push(acct("", 0, 500_000.0));
        book.push(acct("Eve", 3, 1_000.0));
        let loads = owner_loads(&book, &APC, &LoadBands::default());
        let got: Vec<(&str, usize, LoadBand)> = loads.iter().map(|o| (o.owner.as_str(), o.accounts, o.band)).collect();
        assert_eq!(
            got,
            vec![
                ("Ann", 12, LoadBand::Overloaded),
                ("Bob", 20, LoadBand::Light),
                // Exactly 0.7 is not light; exactly 1.1 (44/40) is not over.
                ("Cy", 28, LoadBand::Balanced),
                ("Dee", 44, LoadBand::Balanced),
                ("Eve", 1, LoadBand::Light),
            ]
        );
        assert!((loads[0].load - 1.2).abs() < 1e-12);
        assert_eq!(loads[0].arr, 12.0 * 100_000.0 + 66.0 * 1_000.0);
        assert!((loads[4].load - 0.001).abs() < 1e-15);
    }

    #[test]
    fn owners_in_natural_order() {
        let book: Vec<OwnedAccount> =
            ["CSM 10", "csm 2", "CSM 1", "阿里"].iter().map(|o| acct(o, 2, 1_000.0)).collect();
        let names: Vec<String> = owner_loads(&book, &APC, &LoadBands::default()).into_iter().map(|o| o.owner).collect();
        assert_eq!(names, ["CSM 1", "csm 2", "CSM 10", "阿里"]);
    }

    #[test]
    fn owners_from_the_book_skip_churned_accounts() {
        use crate::domain::book::{Account, AsOfRules, Outcome, Term};
        use crate::domain::health::HealthSettings;
        use crate::domain::tiers::TierSettings;
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let account = |owner: &str, arr: f64, outcome| Account {
            owner: owner.into(),
            terms: vec![Term { start: d("2025-01-01"), end: d("2025-12-31"), arr, outcome }],
            ..Default::default()
        };
        let book = Book {
            accounts: vec![
                account("Ann", 150_000.0, Outcome::Open),
                account("Bob", 30_000.0, Outcome::Churned(d("2025-03-01"))),
                account("", 1_000.0, Outcome::Open),
                account("Ann", 6_000.0, Outcome::Open),
            ],
        };
        let snap = Snapshot::new(
            &book,
            d("2025-06-01"),
            &AsOfRules::default(),
            &HealthSettings::default(),
            &TierSettings::default(),
        );
        let owned = owned_accounts(&book, &snap);
        assert_eq!(
            owned,
            vec![(0, acct("Ann", 0, 150_000.0)), (2, acct("", 3, 1_000.0)), (3, acct("Ann", 2, 6_000.0)),]
        );
        assert_eq!(active_owners(&book, &snap).into_iter().collect::<Vec<_>>(), vec!["Ann"]);
        assert_eq!(csm_headcount(&[], active_owners(&book, &snap)), 1.0);
    }
}
