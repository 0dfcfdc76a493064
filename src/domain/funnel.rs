//! The cohort funnel (DOMAIN.md §3): of the accounts that started in a window, how many went
//! live, got past launch, reached their first decision and renewed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::book::{AsOfRules, Book, TermState};
use super::dates::add_days;
use super::period::Period;
use super::stats::{median, ratio};

/// The funnel's settings: a fixed window, or `None` for the default one relative to D.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FunnelSettings {
    pub window: Option<Period>,
}

impl FunnelSettings {
    pub fn window(&self, as_of: NaiveDate) -> Period {
        self.window.unwrap_or_else(|| Period::default_cohort(as_of))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FunnelStep {
    Started,
    Live,
    PastLaunch,
    Decided,
    Renewed,
}

impl FunnelStep {
    pub const ALL: [FunnelStep; 5] =
        [FunnelStep::Started, FunnelStep::Live, FunnelStep::PastLaunch, FunnelStep::Decided, FunnelStep::Renewed];

    /// The name in `data-metric` keys: `funnel.past_launch.accounts` …
    pub fn key(self) -> &'static str {
        match self {
            FunnelStep::Started => "started",
            FunnelStep::Live => "live",
            FunnelStep::PastLaunch => "past_launch",
            FunnelStep::Decided => "decided",
            FunnelStep::Renewed => "renewed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Funnel {
    pub window: Period,
    /// Accounts at each step, in `FunnelStep::ALL` order.
    pub counts: [usize; 5],
    /// Started accounts with no go-live recorded (not those with a go-live after D).
    pub without_go_live: usize,
    /// Median days from the first term's start to go-live over the accounts that went live.
    pub median_days_to_go_live: Option<f64>,
}

impl Funnel {
    pub fn count(&self, step: FunnelStep) -> usize {
        self.counts[step as usize]
    }

    /// Share of the step before; `None` for the first step or an empty step before.
    pub fn of_previous(&self, step: FunnelStep) -> Option<f64> {
        let i = step as usize;
        if i == 0 {
            return None;
        }
        ratio(self.counts[i] as f64, self.counts[i - 1] as f64)
    }

    pub fn of_start(&self, step: FunnelStep) -> Option<f64> {
        ratio(self.count(step) as f64, self.counts[0] as f64)
    }

    /// 上线率 = went live / started.
    pub fn go_live_rate(&self) -> Option<f64> {
        self.of_start(FunnelStep::Live)
    }
}

pub fn cohort_funnel(book: &Book, as_of: NaiveDate, rules: &AsOfRules, window: Period) -> Funnel {
    let mut counts = [0usize; 5];
    let mut without_go_live = 0;
    let mut days_to_live = Vec::new();
    for a in &book.accounts {
        let Some(first) = a.first_term() else { continue };
        if !window.contains(first.start) {
            continue;
        }
        counts[0] += 1;
        let Some(live) = a.go_live else {
            without_go_live += 1;
            continue;
        };
        if live > as_of {
            continue;
        }
        counts[1] += 1;
        days_to_live.push((live - first.start).num_days().max(0) as f64);
        if add_days(live, rules.launch_days) > as_of {
            continue;
        }
        counts[2] += 1;
        let state = first.state(as_of, rules.grace_days);
        if !state.is_decided() {
            continue;
        }
        counts[3] += 1;
        if matches!(state, TermState::Renewed(_)) {
            counts[4] += 1;
        }
    }
    Funnel { window, counts, without_go_live, median_days_to_go_live: median(&mut days_to_live) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{Account, Term};
    use crate::domain::test_support::*;

    const AS_OF: &str = "2025-08-31";

    fn started(id: &str, first: Term, go_live: Option<&str>) -> Account {
        Account { go_live: go_live.map(d), ..account(id, "", vec![first]) }
    }

    /// Default window as of 2025-08-31: [2024-03-01, 2025-02-28].
    fn book() -> Book {
        Book {
            accounts: vec![
                // Before the window.
                started("old", open("2024-02-29", "2025-02-28", 1.0), Some("2024-03-10")),
                // Renewed: every step. Live 10 days after start.
                started("r", renewed("2024-03-01", "2025-02-28", 1.0, "2025-02-01"), Some("2024-03-11")),
                // Lapsed: decided, not renewed. Live before its start: 0 days.
                started("l", open("2024-04-01", "2025-03-31", 1.0), Some("2024-03-20")),
                // Churn dated after D: past launch, not decided. Live 30 days after start.
                started("c", churned("2024-09-01", "2025-08-31", 1.0, "2025-09-15"), Some("2024-10-01")),
                // Live 2025-06-03: + 90 days = 2025-09-01 > D, so not past launch. 94 days.
                started("p", open("2025-03-01", "2026-02-28", 1.0), Some("2025-06-03")),
                // Live exactly 90 days before D: past launch. Open term: undecided. 90 days.
                started("e", open("2025-02-28", "2026-02-27", 1.0), Some("2025-06-02")),
                // Go-live recorded after D: started only.
                started("f", open("2024-05-01", "2025-04-30", 1.0), Some("2025-09-01")),
                // No go-live: started only, counted apart.
                started("n", open("2024-06-01", "2025-05-31", 1.0), None),
                Account::default(),
            ],
        }
    }

    #[test]
    fn steps_keep_the_accounts_of_the_step_before() {
        let window = Period::default_cohort(d(AS_OF));
        assert_eq!((window.from, window.to), (d("2024-03-01"), d("2025-02-28")));
        let f = cohort_funnel(&book(), d(AS_OF), &AsOfRules::default(), window);
        // started: r l c e f n (p starts after the window; "old" before it).
        assert_eq!(f.counts, [6, 4, 4, 2, 1]);
        assert_eq!(f.without_go_live, 1);
        assert_eq!(f.go_live_rate(), Some(4.0 / 6.0));
        assert_eq!(f.of_previous(FunnelStep::Started), None);
        assert_eq!(f.of_previous(FunnelStep::Decided), Some(0.5));
        assert_eq!(f.of_previous(FunnelStep::Renewed), Some(0.5));
        assert_eq!(f.of_start(FunnelStep::Renewed), Some(1.0 / 6.0));
        // Days to go-live: r 10, l 0, c 30, e 94 → median (10 + 30) / 2.
        assert_eq!(f.median_days_to_go_live, Some(20.0));
    }

    #[test]
    fn past_launch_edge() {
        let window = Period::new(d("2025-01-01"), d("2025-12-31")).unwrap();
        let f = cohort_funnel(&book(), d(AS_OF), &AsOfRules::default(), window);
        // e (go-live + 90 = D) is past launch, p (go-live + 90 = D + 1) is not.
        assert_eq!(f.counts, [2, 2, 1, 0, 0]);
    }

    #[test]
    fn empty_funnel() {
        let f = cohort_funnel(&Book::default(), d(AS_OF), &AsOfRules::default(), Period::default_cohort(d(AS_OF)));
        assert_eq!(f.counts, [0; 5]);
        assert_eq!((f.go_live_rate(), f.of_previous(FunnelStep::Live), f.median_days_to_go_live), (None, None, None));
        assert_eq!(FunnelSettings::default().window(d(AS_OF)), Period::default_cohort(d(AS_OF)));
    }

    #[test]
    fn keys() {
        let keys: Vec<_> = FunnelStep::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys, ["started", "live", "past_launch", "decided", "renewed"]);
    }
}
