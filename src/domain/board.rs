//! The work board's priority list (DOMAIN.md §6): who to work on first, and why.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::book::{Account, Book};
use super::health::Band;
use super::lifecycle::Stage;
use super::snapshot::{AccountView, Snapshot};
use super::tiers::TierSettings;

/// What the board needs to know of one account, as of D.
#[derive(Clone, Debug, PartialEq)]
pub struct AccountFacts {
    pub stage: Stage,
    /// Current term's end − D in days (negative once past the end); `None` without terms.
    pub days_to_end: Option<i64>,
    pub arr: f64,
    pub health: Band,
    /// D − the first term's start, in days.
    pub days_since_first_start: Option<i64>,
    pub last_touch: Option<NaiveDate>,
    /// The tier's contact cadence in days; `None`: the tier is never due for contact.
    pub cadence_days: Option<u32>,
}

impl AccountFacts {
    pub fn of(account: &Account, view: &AccountView, as_of: NaiveDate, tiers: &TierSettings) -> Self {
        AccountFacts {
            stage: view.stage,
            days_to_end: account.current_term(as_of).map(|t| (t.end - as_of).num_days()),
            arr: view.arr,
            health: view.band,
            days_since_first_start: account.first_term().map(|t| (as_of - t.start).num_days()),
            last_touch: account.last_touch,
            cadence_days: tiers.tiers.get(view.tier).and_then(|t| t.cadence_days),
        }
    }
}

/// The board's facts for every account of the book, in the book's order.
pub fn board_facts(book: &Book, snapshot: &Snapshot, tiers: &TierSettings) -> Vec<AccountFacts> {
    book.accounts.iter().zip(&snapshot.views).map(|(a, v)| AccountFacts::of(a, v, snapshot.as_of, tiers)).collect()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BoardSettings {
    /// A kickoff this many days after the first term's start is stalled (strictly more).
    pub stalled_kickoff_days: i64,
}

impl Default for BoardSettings {
    fn default() -> Self {
        BoardSettings { stalled_kickoff_days: 60 }
    }
}

/// Why an account is on the list, most urgent first; the numbers let either language say it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriorityReason {
    Overdue {
        days_past_end: i64,
    },
    RenewalWindow {
        days_to_end: i64,
    },
    RedHealth,
    StalledKickoff {
        days_since_start: i64,
    },
    /// `days_since_touch` is `None` when the account was never contacted.
    ContactDue {
        days_since_touch: Option<i64>,
        cadence_days: u32,
    },
}

impl PriorityReason {
    /// The reasons' groups, in DOMAIN.md §6 order.
    pub const GROUPS: usize = 5;

    /// The group of the list this reason belongs to, 0 (overdue) to 4 (contact due): the order
    /// the list is read in.
    pub fn group(&self) -> usize {
        usize::from(self.rank())
    }

    /// The group's stable name, for test ids and file names.
    pub fn group_key(group: usize) -> &'static str {
        ["overdue", "renewal", "red", "stalled", "contact"].get(group).copied().unwrap_or("other")
    }

    fn rank(&self) -> u8 {
        match self {
            PriorityReason::Overdue { .. } => 0,
            PriorityReason::RenewalWindow { .. } => 1,
            PriorityReason::RedHealth => 2,
            PriorityReason::StalledKickoff { .. } => 3,
            PriorityReason::ContactDue { .. } => 4,
        }
    }

    /// Within a reason, the more urgent first (ascending key).
    fn urgency(&self) -> i64 {
        match *self {
            PriorityReason::Overdue { days_past_end } => -days_past_end,
            PriorityReason::RenewalWindow { days_to_end } => days_to_end,
            PriorityReason::RedHealth => 0,
            PriorityReason::StalledKickoff { days_since_start } => -days_since_start,
            // Never contacted first, then the longest past its cadence.
            PriorityReason::ContactDue { days_since_touch, cadence_days } => {
                days_since_touch.map_or(i64::MIN, |d| i64::from(cadence_days) - d)
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PriorityRow {
    /// Index into the facts passed in.
    pub account: usize,
    pub reason: PriorityReason,
    /// The other reasons that also hold, most urgent first.
    pub also: Vec<PriorityReason>,
}

/// Every reason that holds for an account, most urgent first.
pub fn reasons(f: &AccountFacts, as_of: NaiveDate, settings: &BoardSettings) -> Vec<PriorityReason> {
    let mut out = Vec::new();
    if f.stage == Stage::Churned {
        return out;
    }
    match (f.stage, f.days_to_end) {
        (Stage::Overdue, Some(d)) => out.push(PriorityReason::Overdue { days_past_end: -d }),
        (Stage::Renewal, Some(d)) => out.push(PriorityReason::RenewalWindow { days_to_end: d }),
        _ => {}
    }
    if f.health == Band::Red {
        out.push(PriorityReason::RedHealth);
    }
    if f.stage == Stage::Kickoff {
        if let Some(days) = f.days_since_first_start.filter(|&d| d > settings.stalled_kickoff_days) {
            out.push(PriorityReason::StalledKickoff { days_since_start: days });
        }
    }
    // A cadence of 0 days would put every account on the list every day: treated as none.
    if let Some(cadence) = f.cadence_days.filter(|&c| c > 0) {
        let since = f.last_touch.map(|t| (as_of - t).num_days());
        if since.is_none_or(|d| d >= i64::from(cadence)) {
            out.push(PriorityReason::ContactDue { days_since_touch: since, cadence_days: cadence });
        }
    }
    out
}

/// The priority list: each account once, under its most urgent reason; by reason, then
/// urgency within it (most overdue; fewest days to end; longest stalled; never or longest
/// uncontacted), then higher ARR, then input order.
pub fn priority_list(facts: &[AccountFacts], as_of: NaiveDate, settings: &BoardSettings) -> Vec<PriorityRow> {
    let mut rows: Vec<PriorityRow> = facts
        .iter()
        .enumerate()
        .filter_map(|(account, f)| {
            let mut all = reasons(f, as_of, settings).into_iter();
            all.next().map(|reason| PriorityRow { account, reason, also: all.collect() })
        })
        .collect();
    crate::domain::sort::sort_by(&mut rows, |a, b| {
        let key = |r: &PriorityRow| (r.reason.rank(), r.reason.urgency());
        key(a)
            .cmp(&key(b))
            .then_with(|| facts[b.account].arr.total_cmp(&facts[a.account].arr))
            .then(a.account.cmp(&b.account))
    });
    rows
}

/// How many rows of the list each reason group holds, in §6 order; they add up to the list.
pub fn group_counts(rows: &[PriorityRow]) -> [usize; PriorityReason::GROUPS] {
    let mut counts = [0; PriorityReason::GROUPS];
    for row in rows {
        if let Some(c) = counts.get_mut(row.reason.group()) {
            *c += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stage::*;

    #[test]
    fn groups_follow_section_6_and_add_up() {
        let row = |reason| PriorityRow { account: 0, reason, also: vec![] };
        let rows = [
            row(PriorityReason::Overdue { days_past_end: 3 }),
            row(PriorityReason::RenewalWindow { days_to_end: 10 }),
            row(PriorityReason::RenewalWindow { days_to_end: 0 }),
            row(PriorityReason::RedHealth),
            row(PriorityReason::ContactDue { days_since_touch: None, cadence_days: 30 }),
            row(PriorityReason::ContactDue { days_since_touch: Some(40), cadence_days: 30 }),
            row(PriorityReason::ContactDue { days_since_touch: Some(90), cadence_days: 30 }),
        ];
        assert_eq!(group_counts(&rows), [1, 2, 1, 0, 3]);
        assert_eq!(group_counts(&[]), [0; 5]);
        assert_eq!(PriorityReason::StalledKickoff { days_since_start: 70 }.group(), 3);
        assert_eq!(PriorityReason::group_key(4), "contact");
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn facts(stage: Stage, days_to_end: i64, arr: f64) -> AccountFacts {
        AccountFacts {
            stage,
            days_to_end: Some(days_to_end),
            arr,
            health: Band::Green,
            days_since_first_start: Some(400),
            last_touch: None,
            cadence_days: None,
        }
    }

    fn touched(mut f: AccountFacts, last: &str, cadence: Option<u32>) -> AccountFacts {
        f.last_touch = Some(d(last));
        f.cadence_days = cadence;
        f
    }

    #[test]
    fn priority_order_and_reasons() {
        let as_of = d("2025-06-01");
        let kickoff = |days, arr| AccountFacts { days_since_first_start: Some(days), ..facts(Kickoff, 300, arr) };
        let book = vec![
            touched(facts(Adoption, 200, 5_000.0), "2025-05-20", Some(30)), // 0: 12 days ago
            facts(Overdue, -10, 1_000.0),                                   // 1
            facts(Overdue, -20, 500.0),                                     // 2
            facts(Renewal, 30, 10_000.0),                                   // 3
            facts(Renewal, 30, 50_000.0),                                   // 4
            facts(Renewal, 5, 100.0),                                       // 5
            // 6: red, and never contacted
            AccountFacts { health: Band::Red, cadence_days: Some(30), ..facts(Adoption, 200, 20_000.0) },
            kickoff(61, 1_000.0),                                               // 7
            kickoff(60, 9_000.0),                                               // 8: not yet stalled
            touched(facts(Maintenance, 200, 1.0), "2025-05-02", Some(30)),      // 9: exactly 30 days
            AccountFacts { cadence_days: Some(60), ..facts(Launch, 300, 1.0) }, // 10: never touched
            touched(facts(Launch, 300, 1.0), "2025-05-03", Some(30)),           // 11: 29 days
            AccountFacts { health: Band::Red, ..facts(Churned, -90, 9e9) },     // 12: churned
            facts(Adoption, 200, 1.0),                                          // 13: no cadence
            facts(Renewal, 30, 10_000.0),                                       // 14: ties with 3
        ];
        let rows = priority_list(&book, as_of, &BoardSettings::default());
        let order: Vec<usize> = rows.iter().map(|r| r.account).collect();
        assert_eq!(order, vec![2, 1, 5, 4, 3, 14, 6, 7, 10, 9]);
        use PriorityReason::*;
        assert_eq!(rows[0].reason, Overdue { days_past_end: 20 });
        assert_eq!(rows[2].reason, RenewalWindow { days_to_end: 5 });
        assert_eq!(rows[6].reason, RedHealth);
        assert_eq!(rows[6].also, vec![ContactDue { days_since_touch: None, cadence_days: 30 }]);
        assert_eq!(rows[7].reason, StalledKickoff { days_since_start: 61 });
        assert_eq!(rows[9].reason, ContactDue { days_since_touch: Some(30), cadence_days: 30 });
    }

    #[test]
    fn contact_due_orders_never_touched_then_longest_past_cadence() {
        let as_of = d("2025-06-01");
        let book = vec![
            touched(facts(Adoption, 200, 1.0), "2025-04-01", Some(30)), // 61 days, 31 past
            touched(facts(Adoption, 200, 1.0), "2025-01-01", Some(120)), // 151 days, 31 past
            touched(facts(Adoption, 200, 5.0), "2025-03-01", Some(60)), // 92 days, 32 past
            AccountFacts { cadence_days: Some(120), ..facts(Adoption, 200, 1.0) },
            touched(facts(Adoption, 200, 1.0), "2025-07-01", Some(30)), // touched after D
            AccountFacts { cadence_days: Some(0), ..facts(Adoption, 200, 1.0) },
        ];
        let rows = priority_list(&book, as_of, &BoardSettings::default());
        assert_eq!(rows.iter().map(|r| r.account).collect::<Vec<_>>(), vec![3, 2, 0, 1]);
    }

    #[test]
    fn stalled_kickoff_threshold_is_a_setting() {
        let f = AccountFacts { days_since_first_start: Some(45), ..facts(Kickoff, 300, 1.0) };
        let as_of = d("2025-06-01");
        assert!(reasons(&f, as_of, &BoardSettings::default()).is_empty());
        let s = BoardSettings { stalled_kickoff_days: 30 };
        assert_eq!(reasons(&f, as_of, &s), vec![PriorityReason::StalledKickoff { days_since_start: 45 }]);
        // A launched account is not a stalled kickoff however old.
        let f = AccountFacts { stage: Launch, ..f };
        assert!(reasons(&f, as_of, &s).is_empty());
    }

    #[test]
    fn facts_from_the_book() {
        use crate::domain::book::{AsOfRules, Outcome, Term};
        use crate::domain::health::HealthSettings;
        let as_of = d("2025-06-01");
        let account = Account {
            name: "Acme".into(),
            last_touch: Some(d("2025-04-01")),
            terms: vec![Term { start: d("2025-01-01"), end: d("2025-12-31"), arr: 30_000.0, outcome: Outcome::Open }],
            ..Default::default()
        };
        let book = Book { accounts: vec![account] };
        let tiers = TierSettings::default();
        let snap = Snapshot::new(&book, as_of, &AsOfRules::default(), &HealthSettings::default(), &tiers);
        let f = board_facts(&book, &snap, &tiers);
        assert_eq!(
            f[0],
            AccountFacts {
                stage: Kickoff,
                days_to_end: Some(213),
                arr: 30_000.0,
                health: Band::None,
                days_since_first_start: Some(151),
                last_touch: Some(d("2025-04-01")),
                cadence_days: Some(60),
            }
        );
        assert_eq!(
            reasons(&f[0], as_of, &BoardSettings::default()),
            vec![
                PriorityReason::StalledKickoff { days_since_start: 151 },
                PriorityReason::ContactDue { days_since_touch: Some(61), cadence_days: 60 },
            ]
        );
    }
}
