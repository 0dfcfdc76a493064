//! Rows of the Segments page's tables: industries in the reader's
//! sort order, the accounts of a quadrant (capped, largest first).

use std::cmp::Ordering;

use crate::domain::industry::IndustryFigures;
use crate::domain::snapshot::Snapshot;
use crate::domain::Book;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndustryColumn {
    Name,
    Accounts,
    Arr,
    Health,
    RenewalRate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndustrySort {
    pub column: IndustryColumn,
    pub descending: bool,
}

impl Default for IndustrySort {
    /// As `industry_figures` returns them: ARR, largest first.
    fn default() -> Self {
        IndustrySort { column: IndustryColumn::Arr, descending: true }
    }
}

impl IndustrySort {
    /// A click on a column's header: the same column flips, another starts with its natural
    /// order (names A→Z, figures largest first).
    pub fn clicked(self, column: IndustryColumn) -> IndustrySort {
        if column == self.column {
            IndustrySort { column, descending: !self.descending }
        } else {
            IndustrySort { column, descending: column != IndustryColumn::Name }
        }
    }
}

/// Row order for the industry table; rows without the figure (no health, no due terms, the
/// unspecified industry by name) go last either way, ties keep the ARR order.
pub fn sorted_industries(rows: &[IndustryFigures], sort: IndustrySort) -> Vec<usize> {
    let key = |r: &IndustryFigures| -> Option<f64> {
        match sort.column {
            IndustryColumn::Name => None,
            IndustryColumn::Accounts => Some(r.accounts as f64),
            IndustryColumn::Arr => Some(r.arr),
            IndustryColumn::Health => r.average_health,
            IndustryColumn::RenewalRate => r.renewals.logo_rate(),
        }
    };
    let directed = |o: Ordering| if sort.descending { o.reverse() } else { o };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    crate::domain::sort::sort_by(&mut order, |&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        if sort.column == IndustryColumn::Name {
            return match (&ra.name, &rb.name) {
                (Some(x), Some(y)) => directed(crate::domain::natural::natural_cmp(x, y)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
        }
        match (key(ra), key(rb)) {
            (Some(x), Some(y)) => directed(x.total_cmp(&y)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    });
    order
}

/// One account of a quadrant's list. Texts are the user's, shown only as text.
#[derive(Clone, Debug, PartialEq)]
pub struct MemberRow {
    pub index: usize,
    pub name: String,
    pub owner: String,
    pub arr: f64,
    pub fit: Option<f64>,
}

/// The first `limit` members by ARR (largest first, then book order) and how many are left.
pub fn member_rows(book: &Book, snapshot: &Snapshot, members: &[usize], limit: usize) -> (Vec<MemberRow>, usize) {
    let arr = |i: usize| snapshot.views.get(i).map_or(0.0, |v| v.arr);
    let mut order: Vec<usize> = members.to_vec();
    let by_arr = |a: &usize, b: &usize| arr(*b).total_cmp(&arr(*a)).then(a.cmp(b));
    if order.len() > limit && limit > 0 {
        // Only the top `limit` need sorting: a partial selection keeps 100,000 members cheap.
        order.select_nth_unstable_by(limit - 1, by_arr);
        order.truncate(limit);
    } else {
        order.truncate(limit);
    }
    crate::domain::sort::sort_by(&mut order, by_arr);
    let rows = order
        .into_iter()
        .filter_map(|i| {
            let a = book.accounts.get(i)?;
            Some(MemberRow { index: i, name: a.name.clone(), owner: a.owner.clone(), arr: arr(i), fit: a.fit })
        })
        .collect::<Vec<_>>();
    let rest = members.len().saturating_sub(rows.len());
    (rows, rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{Account, AsOfRules, Outcome, Term};
    use crate::domain::health::HealthSettings;
    use crate::domain::renewals::RenewalTally;
    use crate::domain::tiers::TierSettings;
    use chrono::NaiveDate;

    fn industry(
        name: Option<&str>,
        accounts: usize,
        arr: f64,
        health: Option<f64>,
        due: usize,
        renewed: usize,
    ) -> IndustryFigures {
        IndustryFigures {
            name: name.map(String::from),
            accounts,
            arr,
            average_health: health,
            renewals: RenewalTally { due_count: due, renewed_count: renewed, ..Default::default() },
        }
    }

    fn rows() -> Vec<IndustryFigures> {
        vec![
            industry(Some("零售"), 3, 9_000.0, Some(40.0), 4, 2),
            industry(Some("saas"), 5, 5_000.0, None, 0, 0),
            industry(None, 1, 1_000.0, Some(80.0), 2, 2),
            industry(Some("Banking"), 2, 500.0, Some(60.0), 1, 0),
        ]
    }

    #[test]
    fn sorts_by_each_column_with_missing_last() {
        let r = rows();
        let by = |column, descending| sorted_industries(&r, IndustrySort { column, descending });
        assert_eq!(by(IndustryColumn::Arr, true), [0, 1, 2, 3]);
        assert_eq!(by(IndustryColumn::Arr, false), [3, 2, 1, 0]);
        assert_eq!(by(IndustryColumn::Accounts, true), [1, 0, 3, 2]);
        assert_eq!(by(IndustryColumn::Health, true), [2, 3, 0, 1]);
        assert_eq!(by(IndustryColumn::Health, false), [0, 3, 2, 1]);
        assert_eq!(by(IndustryColumn::RenewalRate, true), [2, 0, 3, 1]);
        assert_eq!(by(IndustryColumn::Name, false), [3, 1, 0, 2]);
        assert_eq!(by(IndustryColumn::Name, true), [0, 1, 3, 2]);
    }

    #[test]
    fn header_clicks() {
        let s = IndustrySort::default();
        assert_eq!(s.clicked(IndustryColumn::Arr), IndustrySort { column: IndustryColumn::Arr, descending: false });
        assert_eq!(s.clicked(IndustryColumn::Name), IndustrySort { column: IndustryColumn::Name, descending: false });
        assert_eq!(
            s.clicked(IndustryColumn::Health),
            IndustrySort { column: IndustryColumn::Health, descending: true }
        );
    }

    #[test]
    fn members_largest_first_capped() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let accounts = [300.0, 100.0, 500.0, 100.0, 200.0]
            .iter()
            .enumerate()
            .map(|(i, &arr)| Account {
                name: format!("<b>{i}</b>"),
                owner: "Ann".into(),
                fit: Some(i as f64 * 10.0),
                terms: vec![Term { start: d("2025-01-01"), end: d("2025-12-31"), arr, outcome: Outcome::Open }],
                ..Default::default()
            })
            .collect();
        let book = Book { accounts };
        let snap = Snapshot::new(
            &book,
            d("2025-06-30"),
            &AsOfRules::default(),
            &HealthSettings::default(),
            &TierSettings::default(),
        );
        let (rows, rest) = member_rows(&book, &snap, &[0, 1, 2, 3, 4], 3);
        assert_eq!(rows.iter().map(|r| r.index).collect::<Vec<_>>(), [2, 0, 4]);
        assert_eq!(rest, 2);
        assert_eq!(rows[0].name, "<b>2</b>");
        assert_eq!(rows[0].fit, Some(20.0));
        let (all, none_left) = member_rows(&book, &snap, &[3, 1], 10);
        assert_eq!(all.iter().map(|r| r.index).collect::<Vec<_>>(), [1, 3], "ties keep book order");
        assert_eq!(none_left, 0);
        assert_eq!(member_rows(&book, &snap, &[], 10), (vec![], 0));
    }
}
