//! Figures per industry (行业): accounts, ARR, average health and renewal rate.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use super::book::Book;
use super::natural::natural_cmp;
use super::renewals::{DueTerm, RenewalTally};
use super::snapshot::Snapshot;
use super::stats::Mean;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndustryFigures {
    /// The first spelling seen (trimmed); `None` = unspecified (未指定).
    pub name: Option<String>,
    /// Active accounts.
    pub accounts: usize,
    pub arr: f64,
    pub average_health: Option<f64>,
    /// Over the due terms of all the industry's accounts, churned ones included;
    /// `renewals.logo_rate()` is the renewal rate.
    pub renewals: RenewalTally,
}

/// An industry name compared case-insensitively without building a lowercase copy per account.
#[derive(Clone, Copy)]
struct Caseless<'a>(&'a str);

impl Caseless<'_> {
    fn folded(&self) -> impl Iterator<Item = char> + '_ {
        self.0.chars().flat_map(char::to_lowercase)
    }
}

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.folded().eq(other.folded())
    }
}

impl Eq for Caseless<'_> {}

impl Hash for Caseless<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for c in self.folded() {
            state.write_u32(c as u32);
        }
    }
}

/// Industries sorted by ARR (largest first), then name; industries whose accounts have all
/// churned still appear, for their renewal rate. `due` is the due set of the default period.
pub fn industry_figures(book: &Book, snapshot: &Snapshot, due: &[DueTerm]) -> Vec<IndustryFigures> {
    let mut slots: HashMap<Caseless<'_>, usize> = HashMap::new();
    // A book spells each industry a few ways at most: looking the exact spelling up first
    // spares folding the case of every account's name.
    let mut by_spelling: HashMap<&str, usize> = HashMap::new();
    let mut rows: Vec<(&str, IndustryFigures, Mean)> = Vec::new();
    // Slot of every account, so the due terms find theirs without hashing again.
    let mut slot_of = Vec::with_capacity(book.accounts.len());
    for account in &book.accounts {
        let name = account.industry.trim();
        let slot = *by_spelling.entry(name).or_insert_with(|| {
            *slots.entry(Caseless(name)).or_insert_with(|| {
                rows.push((name, IndustryFigures::default(), Mean::default()));
                rows.len() - 1
            })
        });
        slot_of.push(slot);
    }
    for (view, &slot) in snapshot.views.iter().zip(&slot_of) {
        if view.is_active() {
            let (_, row, health) = &mut rows[slot];
            row.accounts += 1;
            row.arr += view.arr;
            health.add_opt(view.health);
        }
    }
    for term in due {
        if let Some(&slot) = slot_of.get(term.account) {
            rows[slot].1.renewals.add(term);
        }
    }
    let mut out: Vec<IndustryFigures> = rows
        .into_iter()
        .map(|(name, mut row, health)| {
            row.name = (!name.is_empty()).then(|| name.to_string());
            row.average_health = health.value();
            row
        })
        .collect();
    crate::domain::sort::sort_by(&mut out, |a, b| {
        b.arr.total_cmp(&a.arr).then_with(|| match (&a.name, &b.name) {
            (Some(x), Some(y)) => natural_cmp(x, y),
            (x, y) => x.cmp(y),
        })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{Account, AsOfRules};
    use crate::domain::health::HealthSettings;
    use crate::domain::period::Period;
    use crate::domain::renewals::due_set;
    use crate::domain::test_support::*;
    use crate::domain::tiers::TierSettings;

    #[test]
    fn groups_case_insensitively_keeping_the_first_spelling() {
        let as_of = d("2025-06-30");
        let with = |industry: &str, health: Option<f64>, terms| Account {
            industry: industry.into(),
            health_override: health,
            ..account("x", "", terms)
        };
        let book = Book {
            accounts: vec![
                with(
                    " SaaS ",
                    Some(80.0),
                    vec![
                        renewed("2024-01-01", "2024-12-31", 1_000.0, "2024-12-01"),
                        open("2025-01-01", "2025-12-31", 1_000.0),
                    ],
                ),
                with("saas", None, vec![open("2025-01-01", "2025-12-31", 3_000.0)]),
                with("SAAS", Some(40.0), vec![churned("2024-01-01", "2024-12-31", 500.0, "2024-12-15")]),
                with("零售", Some(55.0), vec![open("2025-01-01", "2025-12-31", 10_000.0)]),
                with("  ", None, vec![open("2025-01-01", "2025-12-31", 200.0)]),
                with("", Some(10.0), vec![open("2025-01-01", "2025-12-31", 300.0)]),
            ],
        };
        let rules = AsOfRules::default();
        let snap = Snapshot::new(&book, as_of, &rules, &HealthSettings::default(), &TierSettings::default());
        let due = due_set(&book, as_of, &rules, &Period::last_12_months(as_of));
        let rows = industry_figures(&book, &snap, &due);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].name.as_deref(), Some("零售"));
        assert_eq!((rows[0].accounts, rows[0].arr, rows[0].average_health), (1, 10_000.0, Some(55.0)));
        assert_eq!(rows[0].renewals.logo_rate(), None);
        let saas = &rows[1];
        assert_eq!(saas.name.as_deref(), Some("SaaS"));
        // The churned account is out of the counts but in the renewal rate.
        assert_eq!((saas.accounts, saas.arr, saas.average_health), (2, 4_000.0, Some(80.0)));
        assert_eq!((saas.renewals.due_count, saas.renewals.logo_rate()), (2, Some(0.5)));
        let unspecified = &rows[2];
        assert_eq!(unspecified.name, None);
        assert_eq!((unspecified.accounts, unspecified.arr, unspecified.average_health), (2, 500.0, Some(10.0)));
    }

    #[test]
    fn empty_book_has_no_industries() {
        let book = Book::default();
        let as_of = d("2025-06-30");
        let snap =
            Snapshot::new(&book, as_of, &AsOfRules::default(), &HealthSettings::default(), &TierSettings::default());
        assert!(industry_figures(&book, &snap, &[]).is_empty());
    }

    #[test]
    fn caseless_names_beyond_ascii() {
        use std::collections::hash_map::DefaultHasher;
        let hash = |c: Caseless<'_>| {
            let mut h = DefaultHasher::new();
            c.hash(&mut h);
            h.finish()
        };
        assert!(Caseless("Ärzte") == Caseless("äRZTE"));
        assert_eq!(hash(Caseless("Ärzte")), hash(Caseless("äRZTE")));
        assert!(Caseless("SaaS") != Caseless("SaaS2"));
    }
}
