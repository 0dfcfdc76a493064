//! The Team page's figures per owner (DOMAIN.md §7): each owner's book, the unassigned
//! accounts by tier, and each owner's (and the team's) KPI actuals for the scorecard.
//!
//! Built from the snapshot and the existing builders (`owner_loads`, `upcoming_list`,
//! `by_owner`); only the grouping by owner is new here.

use std::collections::BTreeMap;

use super::book::Book;
use super::health::PerBand;
use super::kpi::{KpiActuals, KpiDimension};
use super::period::Period;
use super::renewal_calendar::upcoming_list;
use super::renewals::{by_owner, tally, DueTerm, RenewalTally};
use super::snapshot::Snapshot;
use super::stats::{ratio, Mean};
use super::team::{owned_accounts, owner_loads, LoadBand, LoadBands, OwnedAccount};

/// "Renewals due in 90 days" (§7): open terms with D ≤ end ≤ D + 90.
pub const DUE_SOON_DAYS: i64 = 90;

/// One owner's active book.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerBook {
    pub owner: String,
    pub accounts: usize,
    pub arr: f64,
    pub health: PerBand<usize>,
    pub due_soon_count: usize,
    pub due_soon_arr: f64,
    pub load: f64,
    pub band: LoadBand,
}

/// Unassigned active accounts of one tier.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Unassigned {
    pub accounts: usize,
    pub arr: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TeamBooks {
    /// By owner name.
    pub owners: Vec<OwnerBook>,
    /// Index = tier.
    pub unassigned: Vec<Unassigned>,
    /// The active accounts with their book index, as `rebalance` wants them.
    pub owned: Vec<(usize, OwnedAccount)>,
}

impl TeamBooks {
    pub fn unassigned_total(&self) -> usize {
        self.unassigned.iter().map(|u| u.accounts).sum()
    }
}

/// Each owner's book over their active accounts, and the unassigned ones by tier.
pub fn team_books(book: &Book, snapshot: &Snapshot, accounts_per_csm: &[f64], bands: &LoadBands) -> TeamBooks {
    let owned = owned_accounts(book, snapshot);
    let plain: Vec<OwnedAccount> = owned.iter().map(|(_, a)| a.clone()).collect();
    let loads = owner_loads(&plain, accounts_per_csm, bands);
    let position: BTreeMap<&str, usize> = loads.iter().enumerate().map(|(i, o)| (o.owner.as_str(), i)).collect();
    let mut owners: Vec<OwnerBook> = loads
        .iter()
        .map(|o| OwnerBook {
            owner: o.owner.clone(),
            accounts: o.accounts,
            arr: o.arr,
            health: PerBand::default(),
            due_soon_count: 0,
            due_soon_arr: 0.0,
            load: o.load,
            band: o.band,
        })
        .collect();
    let mut unassigned = vec![Unassigned::default(); snapshot.tier_count];
    for (i, a) in &owned {
        match position.get(a.owner.as_str()) {
            Some(&o) => {
                if let Some(view) = snapshot.views.get(*i) {
                    *owners[o].health.get_mut(view.band) += 1;
                }
            }
            None => {
                if let Some(u) = unassigned.get_mut(a.tier) {
                    u.accounts += 1;
                    u.arr += a.arr;
                }
            }
        }
    }
    for row in upcoming_list(book, snapshot, DUE_SOON_DAYS) {
        let active = snapshot.views.get(row.account).is_some_and(|v| v.is_active());
        let owner = book.accounts.get(row.account).map(|a| a.owner.as_str()).unwrap_or("");
        if let (true, Some(&o)) = (active, position.get(owner)) {
            owners[o].due_soon_count += 1;
            owners[o].due_soon_arr += row.arr;
        }
    }
    TeamBooks { owners, unassigned, owned }
}

/// What one scorecard is measured on; `actuals()` turns it into the scorecard's units.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KpiInputs {
    /// The due set of the period (churned accounts included, as for commission).
    pub renewals: RenewalTally,
    /// Over active accounts.
    pub expansion: f64,
    pub activity: Mean,
    pub health: Mean,
    pub referrals: f64,
    /// Accounts whose first term started in the cohort window, and those of them live by D.
    pub started: usize,
    pub live: usize,
}

impl KpiInputs {
    pub fn actuals(&self) -> KpiActuals {
        use KpiDimension::*;
        KpiActuals::from_options([
            (LogoRenewalRate, self.renewals.logo_rate()),
            (Grr, self.renewals.grr()),
            (Nrr, self.renewals.nrr()),
            (RenewedAmount, Some(self.renewals.renewed_arr)),
            (ExpansionAmount, Some(self.expansion)),
            (AverageActivity, self.activity.value()),
            (AverageHealth, self.health.value()),
            (GoLiveRate, ratio(self.live as f64, self.started as f64)),
            (Referrals, Some(self.referrals)),
        ])
    }
}

/// The scorecard inputs of each owner (by name; unassigned accounts count for the team only)
/// and of the whole team. `due` is the due set of the chosen period; `cohort` the funnel's
/// window, whose go-live rate (went live / started) is the one of §3.
pub fn kpi_inputs(
    book: &Book,
    snapshot: &Snapshot,
    due: &[DueTerm],
    cohort: &Period,
) -> (BTreeMap<String, KpiInputs>, KpiInputs) {
    let mut owners: BTreeMap<String, KpiInputs> = BTreeMap::new();
    let mut team = KpiInputs { renewals: tally(due), ..Default::default() };
    for t in by_owner(book, due) {
        if !t.owner.is_empty() {
            owners.entry(t.owner).or_default().renewals = t.tally;
        }
    }
    // An owner is scored when they have an active account or a due term; their churned
    // accounts still count towards the go-live rate, as in the funnel.
    for (a, view) in book.accounts.iter().zip(&snapshot.views) {
        let owner = a.owner.trim();
        if view.is_active() && !owner.is_empty() && !owners.contains_key(owner) {
            owners.insert(owner.to_string(), KpiInputs::default());
        }
    }
    for (a, view) in book.accounts.iter().zip(&snapshot.views) {
        let owner = a.owner.trim();
        let add = |k: &mut KpiInputs| {
            if view.is_active() {
                k.expansion += a.expansion_arr;
                k.activity.add_opt(a.activity);
                k.health.add_opt(view.health);
                k.referrals += f64::from(a.referrals);
            }
            if a.first_term().is_some_and(|t| cohort.contains(t.start)) {
                k.started += 1;
                if a.go_live.is_some_and(|g| g <= snapshot.as_of) {
                    k.live += 1;
                }
            }
        };
        add(&mut team);
        if let Some(k) = owners.get_mut(owner) {
            add(k);
        }
    }
    (owners, team)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{Account, AsOfRules};
    use crate::domain::funnel::cohort_funnel;
    use crate::domain::health::HealthSettings;
    use crate::domain::renewals::due_set;
    use crate::domain::test_support::*;
    use crate::domain::tiers::TierSettings;

    const AS_OF: &str = "2025-06-30";
    const APC: [f64; 4] = [10.0, 40.0, 200.0, 1_000.0];

    fn with(a: Account, health: Option<f64>, activity: Option<f64>) -> Account {
        Account { health_override: health, activity, ..a }
    }

    fn book() -> Book {
        Book {
            accounts: vec![
                // Ann: strategic, red, ends in 92 days (not due soon), renewed last year 90k → 150k.
                with(
                    account(
                        "a1",
                        "Ann",
                        vec![
                            renewed("2023-10-01", "2024-09-30", 90_000.0, "2024-09-01"),
                            open("2024-10-01", "2025-09-30", 150_000.0),
                        ],
                    ),
                    Some(30.0),
                    Some(40.0),
                ),
                // Ann: key, green, ends exactly D + 90 (due soon).
                with(account("a2", "Ann", vec![open("2024-09-29", "2025-09-28", 30_000.0)]), Some(80.0), Some(90.0)),
                // Bob: growth, no health, ends on D (due soon).
                account("b1", "Bob", vec![open("2024-07-01", "2025-06-30", 8_000.0)]),
                // Bob: churned in the period — not in his book, in his renewals.
                account("b2", "Bob", vec![churned("2024-01-01", "2024-12-31", 6_000.0, "2024-12-31")]),
                // Unassigned long tail and key.
                account("u1", "", vec![open("2025-01-01", "2025-12-31", 1_000.0)]),
                account("u2", " ", vec![open("2025-01-01", "2025-12-31", 25_000.0)]),
            ],
        }
    }

    fn snapshot(b: &Book) -> Snapshot {
        Snapshot::new(b, d(AS_OF), &AsOfRules::default(), &HealthSettings::default(), &TierSettings::default())
    }

    #[test]
    fn owner_books_by_hand() {
        let b = book();
        let s = snapshot(&b);
        let t = team_books(&b, &s, &APC, &LoadBands::default());
        assert_eq!(t.owners.len(), 2);
        let ann = &t.owners[0];
        assert_eq!((ann.owner.as_str(), ann.accounts, ann.arr), ("Ann", 2, 180_000.0));
        assert_eq!(ann.health, PerBand { red: 1, yellow: 0, green: 1, none: 0 });
        assert_eq!((ann.due_soon_count, ann.due_soon_arr), (1, 30_000.0));
        assert!(close(ann.load, 0.1 + 0.025));
        assert_eq!(ann.band, LoadBand::Light);
        let bob = &t.owners[1];
        assert_eq!((bob.accounts, bob.arr, bob.due_soon_count), (1, 8_000.0, 1));
        assert_eq!(bob.health.none, 1);
        assert_eq!(t.unassigned[3], Unassigned { accounts: 1, arr: 1_000.0 });
        assert_eq!(t.unassigned[1], Unassigned { accounts: 1, arr: 25_000.0 });
        assert_eq!(t.unassigned_total(), 2);
        assert_eq!(t.owned.len(), 5);
    }

    #[test]
    fn empty_book() {
        let b = Book::default();
        let t = team_books(&b, &snapshot(&b), &APC, &LoadBands::default());
        assert!(t.owners.is_empty());
        assert_eq!(t.unassigned.len(), 4);
        assert_eq!(t.unassigned_total(), 0);
    }

    #[test]
    fn kpi_inputs_per_owner_and_team() {
        let mut b = book();
        b.accounts[0].expansion_arr = 5_000.0;
        b.accounts[0].referrals = 2;
        b.accounts[0].go_live = Some(d("2023-11-01"));
        b.accounts[2].go_live = Some(d("2025-07-15")); // after D: not live
        b.accounts[4].go_live = Some(d("2025-02-01"));
        let s = snapshot(&b);
        let period = Period::last_12_months(d(AS_OF));
        let due = due_set(&b, d(AS_OF), &AsOfRules::default(), &period);
        let cohort = Period { from: d("2023-01-01"), to: d("2025-06-30") };
        let (owners, team) = kpi_inputs(&b, &s, &due, &cohort);
        assert_eq!(owners.keys().collect::<Vec<_>>(), ["Ann", "Bob"]);
        let ann = owners["Ann"].actuals();
        use KpiDimension::*;
        assert_eq!(ann.get(LogoRenewalRate), Some(1.0));
        assert_eq!(ann.get(Grr), Some(1.0));
        assert!(close_opt(ann.get(Nrr), 150_000.0 / 90_000.0));
        assert_eq!(ann.get(RenewedAmount), Some(150_000.0));
        assert_eq!(ann.get(ExpansionAmount), Some(5_000.0));
        assert_eq!(ann.get(AverageActivity), Some(65.0));
        assert_eq!(ann.get(AverageHealth), Some(55.0));
        assert_eq!(ann.get(Referrals), Some(2.0));
        // a1 started 2023-10-01 and is live; a2 started 2024-09-29 with no go-live.
        assert_eq!(ann.get(GoLiveRate), Some(0.5));
        let bob = owners["Bob"].actuals();
        assert_eq!(bob.get(LogoRenewalRate), Some(0.0));
        assert_eq!(bob.get(AverageHealth), None);
        assert_eq!(bob.get(GoLiveRate), Some(0.0));
        let team = team.actuals();
        assert_eq!(team.get(LogoRenewalRate), Some(0.5));
        // The team's go-live rate is the funnel's over the same window.
        let funnel = cohort_funnel(&b, d(AS_OF), &AsOfRules::default(), cohort);
        assert_eq!(team.get(GoLiveRate), funnel.go_live_rate());
        assert_eq!(team.get(ExpansionAmount), Some(5_000.0));
    }
}
