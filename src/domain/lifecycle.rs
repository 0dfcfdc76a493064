//! Lifecycle stages (客户生命周期): where each account is as of D, and how many are where.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::book::{Account, AsOfRules, TermState};
use super::dates::add_days;
use super::snapshot::Snapshot;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// 启动期: paid, implementation and delivery.
    Kickoff,
    /// 上线初期: early use, many questions.
    Launch,
    /// 使用期
    Adoption,
    /// 续费期: the end of the term is within the renewal window.
    Renewal,
    /// 维护期: a later service cycle.
    Maintenance,
    /// 逾期未续: past the end, within the grace period.
    Overdue,
    /// 流失
    Churned,
}

impl Stage {
    pub const ALL: [Stage; 7] = [
        Stage::Kickoff,
        Stage::Launch,
        Stage::Adoption,
        Stage::Renewal,
        Stage::Maintenance,
        Stage::Overdue,
        Stage::Churned,
    ];

    /// The name in `data-metric` keys: `stage.kickoff.accounts` …
    pub fn key(self) -> &'static str {
        match self {
            Stage::Kickoff => "kickoff",
            Stage::Launch => "launch",
            Stage::Adoption => "adoption",
            Stage::Renewal => "renewal",
            Stage::Maintenance => "maintenance",
            Stage::Overdue => "overdue",
            Stage::Churned => "churned",
        }
    }

    /// Position in `ALL`.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The account's stage as of D (DOMAIN.md §3, first match wins).
pub fn stage(account: &Account, as_of: NaiveDate, rules: &AsOfRules) -> Stage {
    stage_with_current(account, account.current_term_index(as_of), as_of, rules)
}

/// `stage` for a caller that already knows the current term's index.
pub(crate) fn stage_with_current(
    account: &Account,
    current: Option<usize>,
    as_of: NaiveDate,
    rules: &AsOfRules,
) -> Stage {
    // An account without terms has no contract dates, so only its go-live places it.
    if let Some(index) = current {
        let term = &account.terms[index];
        match term.state(as_of, rules.grace_days) {
            TermState::Churned(_) | TermState::Lapsed(_) => return Stage::Churned,
            TermState::Renewed(_) => return Stage::Maintenance,
            TermState::Open => {}
        }
        if as_of > term.end {
            return Stage::Overdue;
        }
        if as_of >= add_days(term.end, -rules.renewal_window_days) {
            return Stage::Renewal;
        }
        if index > 0 {
            return Stage::Maintenance;
        }
    }
    match account.go_live {
        Some(live) if live <= as_of => {
            if as_of < add_days(live, rules.launch_days) {
                Stage::Launch
            } else {
                Stage::Adoption
            }
        }
        _ => Stage::Kickoff,
    }
}

/// Count and ARR per stage (a snapshot as of D), all accounts, churned ones at the arr of their
/// churned term.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StageDistribution {
    pub accounts: [usize; 7],
    pub arr: [f64; 7],
}

impl StageDistribution {
    pub fn accounts(&self, stage: Stage) -> usize {
        self.accounts[stage.index()]
    }
    pub fn arr(&self, stage: Stage) -> f64 {
        self.arr[stage.index()]
    }
}

pub fn stage_distribution(snapshot: &Snapshot) -> StageDistribution {
    let mut dist = StageDistribution::default();
    for view in &snapshot.views {
        dist.accounts[view.stage.index()] += 1;
        dist.arr[view.stage.index()] += view.arr;
    }
    dist
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{Outcome, Term};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn one_term(start: &str, end: &str, outcome: Outcome, go_live: Option<&str>) -> Account {
        Account {
            go_live: go_live.map(d),
            terms: vec![Term { start: d(start), end: d(end), arr: 1_000.0, outcome }],
            ..Default::default()
        }
    }

    fn at(a: &Account, as_of: &str) -> Stage {
        stage(a, d(as_of), &AsOfRules::default())
    }

    #[test]
    fn churn_counts_from_its_date_even_before_end() {
        let a = one_term("2025-01-01", "2025-12-31", Outcome::Churned(d("2025-06-15")), Some("2025-02-01"));
        assert_eq!(at(&a, "2025-06-14"), Stage::Adoption);
        assert_eq!(at(&a, "2025-06-15"), Stage::Churned);
    }

    #[test]
    fn open_term_overdue_then_lapsed() {
        let a = one_term("2024-01-01", "2024-12-31", Outcome::Open, Some("2024-02-01"));
        assert_eq!(at(&a, "2024-12-31"), Stage::Renewal);
        assert_eq!(at(&a, "2025-01-01"), Stage::Overdue);
        // end + 30 days is the last day of grace.
        assert_eq!(at(&a, "2025-01-30"), Stage::Overdue);
        assert_eq!(at(&a, "2025-01-31"), Stage::Churned);
    }

    #[test]
    fn renewal_window_starts_exactly_ninety_days_before_end() {
        let a = one_term("2024-01-01", "2024-12-31", Outcome::Open, Some("2024-02-01"));
        // 2024-12-31 − 90 days = 2024-10-02
        assert_eq!(at(&a, "2024-10-01"), Stage::Adoption);
        assert_eq!(at(&a, "2024-10-02"), Stage::Renewal);
    }

    #[test]
    fn renewal_dated_after_as_of_does_not_count_yet() {
        let mut a = one_term("2024-01-01", "2024-12-31", Outcome::Renewed(d("2024-12-20")), Some("2024-02-01"));
        a.terms.push(Term { start: d("2025-01-01"), end: d("2025-12-31"), arr: 1_200.0, outcome: Outcome::Open });
        assert_eq!(at(&a, "2024-12-19"), Stage::Renewal);
        // Renewed, the next term not started: maintenance (rule 2 on the first term).
        assert_eq!(at(&a, "2024-12-20"), Stage::Maintenance);
        // The later term is current: not the first term, far from its end.
        assert_eq!(at(&a, "2025-03-01"), Stage::Maintenance);
        // …until its own renewal window opens.
        assert_eq!(at(&a, "2025-10-02"), Stage::Renewal);
        assert_eq!(at(&a, "2026-01-01"), Stage::Overdue);
    }

    #[test]
    fn go_live_rules() {
        let none = one_term("2025-01-01", "2025-12-31", Outcome::Open, None);
        assert_eq!(at(&none, "2025-05-01"), Stage::Kickoff);
        let future = one_term("2025-01-01", "2025-12-31", Outcome::Open, Some("2025-05-02"));
        assert_eq!(at(&future, "2025-05-01"), Stage::Kickoff);
        assert_eq!(at(&future, "2025-05-02"), Stage::Launch);
        // go_live + 90 days = 2025-07-31: the first day of adoption.
        assert_eq!(at(&future, "2025-07-30"), Stage::Launch);
        assert_eq!(at(&future, "2025-07-31"), Stage::Adoption);
    }

    #[test]
    fn before_the_first_term_starts() {
        let a = one_term("2025-03-01", "2026-02-28", Outcome::Open, None);
        assert_eq!(at(&a, "2025-01-01"), Stage::Kickoff);
    }

    #[test]
    fn account_without_terms_is_placed_by_go_live() {
        let a = Account { go_live: Some(d("2025-01-01")), ..Default::default() };
        assert_eq!(at(&a, "2025-02-01"), Stage::Launch);
        assert_eq!(at(&Account::default(), "2025-02-01"), Stage::Kickoff);
    }

    #[test]
    fn keys_and_indices() {
        let keys: Vec<_> = Stage::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys, ["kickoff", "launch", "adoption", "renewal", "maintenance", "overdue", "churned"]);
        for (i, s) in Stage::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
        }
    }

    #[test]
    fn custom_windows() {
        let rules = AsOfRules { grace_days: 0, renewal_window_days: 30, launch_days: 10 };
        let a = one_term("2024-01-01", "2024-12-31", Outcome::Open, Some("2024-02-01"));
        assert_eq!(stage(&a, d("2024-02-10"), &rules), Stage::Launch);
        assert_eq!(stage(&a, d("2024-02-11"), &rules), Stage::Adoption);
        assert_eq!(stage(&a, d("2024-11-30"), &rules), Stage::Adoption);
        assert_eq!(stage(&a, d("2024-12-01"), &rules), Stage::Renewal);
        assert_eq!(stage(&a, d("2025-01-01"), &rules), Stage::Churned);
    }
}
