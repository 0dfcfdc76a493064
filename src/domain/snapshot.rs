//! What each account is as of D — arr, stage, tier, health — worked out once per book and
//! settings, so the figures of a page read it instead of walking every account's terms again.

use chrono::NaiveDate;

use super::book::{AsOfRules, Book, BookTotals};
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
        Snapshot::untiered(book, as_of, rules, health_settings).tiered(book, tiers)
    }

    /// Every view but its tier: what a change of the tiers leaves as it is (the terms walked,
    /// the stage, the health). Each view's tier is 0 and `tier_count` is 0 until `tiered` or
    /// `retier`; only figures that read no tier (industries, the quadrant, the scatter) may
    /// read it as it is.
    pub fn untiered(book: &Book, as_of: NaiveDate, rules: &AsOfRules, health_settings: &HealthSettings) -> Snapshot {
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
                    tier: 0,
                    health: h,
                    band: health_settings.band(h),
                }
            })
            .collect();
        Snapshot { as_of, rules: *rules, tier_count: 0, views }
    }

    /// A copy with each account in its tier under `tiers`; `book` is the book the snapshot was
    /// made of (the potential-ARR basis reads it).
    pub fn tiered(&self, book: &Book, tiers: &TierSettings) -> Snapshot {
        let mut out = self.clone();
        out.retier(book, tiers);
        out
    }

    /// Puts each account in its tier under `tiers`, keeping everything else.
    pub fn retier(&mut self, book: &Book, tiers: &TierSettings) {
        for (view, account) in self.views.iter_mut().zip(&book.accounts) {
            view.tier = tiers.tier_for_amount(tiers.basis_amount(account, view.arr));
        }
        self.tier_count = tiers.tiers.len();
    }

    /// Becomes `untiered.tiered(book, tiers)` in place, in one pass over its own memory (no
    /// second copy of 100,000 views while the first is alive); whether anything changed.
    pub fn retier_from(&mut self, untiered: &Snapshot, book: &Book, tiers: &TierSettings) -> bool {
        let n = untiered.views.len().min(book.accounts.len());
        let mut changed = self.as_of != untiered.as_of
            || self.rules != untiered.rules
            || self.tier_count != tiers.tiers.len()
            || self.views.len() != n;
        self.as_of = untiered.as_of;
        self.rules = untiered.rules;
        self.tier_count = tiers.tiers.len();
        self.views.truncate(n);
        for (i, (view, account)) in untiered.views.iter().zip(&book.accounts).enumerate() {
            let tiered = AccountView { tier: tiers.tier_for_amount(tiers.basis_amount(account, view.arr)), ..*view };
            match self.views.get_mut(i) {
                Some(old) if *old == tiered => {}
                Some(old) => {
                    *old = tiered;
                    changed = true;
                }
                None => self.views.push(tiered),
            }
        }
        changed
    }

    /// Indices and views of the active accounts.
    pub fn active(&self) -> impl Iterator<Item = (usize, &AccountView)> {
        self.views.iter().enumerate().filter(|(_, v)| v.is_active())
    }

    /// The book's headline figures (DOMAIN.md §8), read off the views instead of walking every
    /// account's terms again.
    pub fn totals(&self) -> BookTotals {
        let mut totals = BookTotals { accounts: self.views.len(), ..Default::default() };
        for (_, v) in self.active() {
            totals.active += 1;
            totals.arr += v.arr;
        }
        totals
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::Account;
    use crate::domain::health::{health_distribution, PerBand};
    use crate::domain::lifecycle::stage_distribution;
    use crate::domain::period::Period;
    use crate::domain::renewals::due_set;
    use crate::domain::test_support::*;
    use crate::domain::tiers::tier_figures;

    const AS_OF: &str = "2025-06-30";

    fn with(id: &str, health: Option<f64>, go_live: Option<&str>, terms: Vec<crate::domain::Term>) -> Account {
        Account { health_override: health, go_live: go_live.map(d), ..account(id, "", terms) }
    }

    fn book() -> Book {
        Book {
            accounts: vec![
                // Strategic, launch (go-live + 90 days is after D), green.
                with("s1", Some(80.0), Some("2025-05-01"), vec![open("2025-01-01", "2025-12-31", 150_000.0)]),
                // Strategic on the threshold, second term: maintenance, yellow; its first term is due.
                with(
                    "s2",
                    Some(60.0),
                    Some("2024-02-01"),
                    vec![
                        renewed("2024-01-01", "2024-12-31", 90_000.0, "2024-12-01"),
                        open("2025-01-01", "2025-12-31", 100_000.0),
                    ],
                ),
                // Key, past end within grace: overdue, no health.
                with("k1", None, None, vec![open("2024-06-21", "2025-06-20", 20_000.0)]),
                // Growth by its churned term: out of the counts, in the tier's renewal rate.
                with("g1", Some(90.0), None, vec![churned("2024-01-01", "2024-12-31", 10_000.0, "2024-12-10")]),
                // Growth on the threshold, adoption, yellow on the band edge.
                with("g2", Some(40.0), Some("2025-01-01"), vec![open("2025-01-01", "2025-12-31", 5_000.0)]),
                // Long tail a cent below Growth, renewal window, red.
                with("t1", Some(20.0), Some("2024-09-01"), vec![open("2024-08-01", "2025-07-31", 4_999.99)]),
            ],
        }
    }

    fn snapshot(book: &Book) -> Snapshot {
        Snapshot::new(book, d(AS_OF), &AsOfRules::default(), &HealthSettings::default(), &TierSettings::default())
    }

    #[test]
    fn views_of_each_account() {
        let b = book();
        let s = snapshot(&b);
        let tiers: Vec<usize> = s.views.iter().map(|v| v.tier).collect();
        assert_eq!(tiers, [0, 0, 1, 2, 2, 3]);
        let stages: Vec<Stage> = s.views.iter().map(|v| v.stage).collect();
        use Stage::*;
        assert_eq!(stages, [Launch, Maintenance, Overdue, Churned, Adoption, Renewal]);
        assert_eq!(s.active().map(|(i, _)| i).collect::<Vec<_>>(), [0, 1, 2, 4, 5]);
        assert_eq!(s.views[3].arr, 10_000.0);
    }

    #[test]
    fn totals_count_every_account_and_sum_the_active_arr() {
        let t = snapshot(&book()).totals();
        assert_eq!((t.accounts, t.active), (6, 5));
        assert!((t.arr - 279_999.99).abs() < 1e-6, "{}", t.arr);
        assert_eq!(snapshot(&Book::default()).totals(), BookTotals::default());
    }

    #[test]
    fn stage_distribution_counts_every_account() {
        let b = book();
        let dist = stage_distribution(&snapshot(&b));
        assert_eq!(dist.accounts, [0, 1, 1, 1, 1, 1, 1]);
        assert_eq!(dist.arr(Stage::Churned), 10_000.0);
        assert_eq!(dist.arr(Stage::Maintenance), 100_000.0);
        assert_eq!(dist.accounts(Stage::Kickoff), 0);
    }

    #[test]
    fn health_distribution_over_active_accounts() {
        let b = book();
        let dist = health_distribution(&snapshot(&b));
        assert_eq!(dist.overall, PerBand { red: 1, yellow: 2, green: 1, none: 1 });
        assert_eq!(
            dist.per_tier,
            [
                PerBand { red: 0, yellow: 1, green: 1, none: 0 },
                PerBand { red: 0, yellow: 0, green: 0, none: 1 },
                PerBand { red: 0, yellow: 1, green: 0, none: 0 },
                PerBand { red: 1, yellow: 0, green: 0, none: 0 },
            ]
        );
    }

    #[test]
    fn tier_figures_by_hand() {
        let b = book();
        let s = snapshot(&b);
        let due = due_set(&b, d(AS_OF), &AsOfRules::default(), &Period::last_12_months(d(AS_OF)));
        let rows = tier_figures(&s, &due);
        assert_eq!(rows.len(), 4);
        let total_arr = 150_000.0 + 100_000.0 + 20_000.0 + 5_000.0 + 4_999.99;
        let accounts: Vec<usize> = rows.iter().map(|r| r.accounts).collect();
        assert_eq!(accounts, [2, 1, 1, 1]);
        assert_eq!(rows[0].arr, 250_000.0);
        assert_eq!(rows[0].share_of_accounts, Some(0.4));
        assert!(close_opt(rows[0].share_of_arr, 250_000.0 / total_arr));
        assert_eq!(rows[0].average_health, Some(70.0));
        assert_eq!(rows[1].average_health, None);
        assert_eq!((rows[0].renewals.due_count, rows[0].renewals.logo_rate()), (1, Some(1.0)));
        assert_eq!((rows[2].renewals.due_count, rows[2].renewals.logo_rate()), (1, Some(0.0)));
        assert_eq!(rows[1].renewals.logo_rate(), None);
        assert_eq!(rows[3].arr, 4_999.99);
    }

    #[test]
    fn empty_book_has_empty_figures() {
        let b = Book::default();
        let s = snapshot(&b);
        let rows = tier_figures(&s, &[]);
        assert!(rows.iter().all(|r| r.accounts == 0 && r.share_of_accounts.is_none() && r.share_of_arr.is_none()));
        assert_eq!(health_distribution(&s).overall.total(), 0);
        assert_eq!(stage_distribution(&s).accounts, [0; 7]);
    }

    #[test]
    fn a_retiered_snapshot_is_the_snapshot_of_the_new_tiers() {
        let b = book();
        let untiered = Snapshot::untiered(&b, d(AS_OF), &AsOfRules::default(), &HealthSettings::default());
        assert_eq!(untiered.tier_count, 0);
        assert!(untiered.views.iter().all(|v| v.tier == 0));
        let mut s = untiered.tiered(&b, &TierSettings::default());
        assert_eq!(s, snapshot(&b));
        // Key from 40,000: k1 (20,000) drops to Growth; nothing but the tiers moves.
        let mut tiers = TierSettings::default();
        tiers.tiers[1].min_arr = 40_000.0;
        s.retier(&b, &tiers);
        assert_eq!(s.views.iter().map(|v| v.tier).collect::<Vec<_>>(), [0, 0, 2, 2, 2, 3]);
        assert_eq!(s, Snapshot::new(&b, d(AS_OF), &AsOfRules::default(), &HealthSettings::default(), &tiers));
        let arrs = |s: &Snapshot| s.views.iter().map(|v| (v.arr, v.stage, v.health, v.band)).collect::<Vec<_>>();
        assert_eq!(arrs(&s), arrs(&untiered));
        // In place: the same snapshot, and whether it changed.
        let mut in_place = snapshot(&b);
        assert!(in_place.retier_from(&untiered, &b, &tiers));
        assert_eq!(in_place, s);
        assert!(!in_place.retier_from(&untiered, &b, &tiers), "the same tiers again");
        let mut from_empty =
            Snapshot::untiered(&Book::default(), d(AS_OF), &AsOfRules::default(), &HealthSettings::default());
        assert!(from_empty.retier_from(&untiered, &b, &tiers));
        assert_eq!(from_empty, s);
        let mut shorter = Book::default();
        shorter.accounts.push(b.accounts[0].clone());
        let one = Snapshot::untiered(&shorter, d(AS_OF), &AsOfRules::default(), &HealthSettings::default());
        assert!(in_place.retier_from(&one, &shorter, &tiers));
        assert_eq!(in_place.views, [s.views[0]]);
        // Three tiers: the long tail is gone, t1 (4,999.99) is in the last one.
        tiers.tiers.truncate(3);
        tiers.tiers[2].min_arr = 0.0;
        s.retier(&b, &tiers);
        assert_eq!((s.tier_count, s.views[5].tier, s.views[4].tier), (3, 2, 2));
    }

    #[test]
    fn potential_arr_basis_in_the_snapshot() {
        let mut b = book();
        b.accounts[5].potential_arr = Some(30_000.0);
        let tiers = TierSettings { basis: crate::domain::tiers::TierBasis::PotentialArr, ..Default::default() };
        let s = Snapshot::new(&b, d(AS_OF), &AsOfRules::default(), &HealthSettings::default(), &tiers);
        assert_eq!(s.views[5].tier, 1);
        // The others fall back to arr.
        assert_eq!(s.views[0].tier, 0);
        // The arr figure itself does not change with the basis.
        assert_eq!(s.views[5].arr, 4_999.99);
    }
}
