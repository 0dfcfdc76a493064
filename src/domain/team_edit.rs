//! Changes made on the Team and Board pages: a roster entry as typed, owner changes (a
//! rebalance, an assignment) and "contact done", each with what undoes it; and the numbers
//! typed into the scorecard and commission tables.

use chrono::NaiveDate;

use super::book::Book;
use super::dates::{iso, parse_iso};
use super::kpi::KpiDimension;
use super::snapshot::Snapshot;
use super::team::{Person, Role};

pub const MAX_NAME_CHARS: usize = 100;

/// A number as typed: grouping commas, spaces, currency signs and `%` are ignored.
pub fn parse_number(s: &str) -> Option<f64> {
    let cleaned: String =
        s.chars().filter(|c| !matches!(c, ',' | ' ' | '$' | '¥' | '￥' | '%' | '，')).collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A number written for reading back in an input: no grouping, no trailing zeros.
pub fn number_text(v: f64) -> String {
    let s = format!("{:.6}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PersonField {
    Name,
    Fte,
    Start,
    LoadedCost,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PersonProblem {
    Required,
    TooLong,
    /// Someone else on the roster has this name (owners are matched by name).
    DuplicateName,
    NotANumber,
    /// FTE must be more than 0 and at most 1.
    FteRange,
    NotADate,
    Negative,
}

/// A roster entry as typed in the form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonDraft {
    pub name: String,
    pub role: Role,
    pub fte: String,
    pub start: String,
    pub loaded_cost: String,
}

impl PersonDraft {
    pub fn new() -> Self {
        PersonDraft { fte: "1".into(), ..Default::default() }
    }

    pub fn from_person(p: &Person) -> Self {
        PersonDraft {
            name: p.name.clone(),
            role: p.role,
            fte: number_text(p.fte),
            start: p.start.map(iso).unwrap_or_default(),
            loaded_cost: p.loaded_cost.map(number_text).unwrap_or_default(),
        }
    }

    /// The person, or every problem by field. `editing` is the roster index being edited.
    pub fn parse(
        &self,
        roster: &[Person],
        editing: Option<usize>,
    ) -> Result<Person, Vec<(PersonField, PersonProblem)>> {
        let mut errors = Vec::new();
        let name = self.name.trim().to_string();
        if name.is_empty() {
            errors.push((PersonField::Name, PersonProblem::Required));
        } else if name.chars().count() > MAX_NAME_CHARS {
            errors.push((PersonField::Name, PersonProblem::TooLong));
        } else if roster.iter().enumerate().any(|(i, p)| Some(i) != editing && p.name.trim() == name) {
            errors.push((PersonField::Name, PersonProblem::DuplicateName));
        }
        let fte = match parse_number(&self.fte) {
            None => {
                errors.push((PersonField::Fte, PersonProblem::NotANumber));
                0.0
            }
            Some(v) if v <= 0.0 || v > 1.0 => {
                errors.push((PersonField::Fte, PersonProblem::FteRange));
                v
            }
            Some(v) => v,
        };
        let start = match self.start.trim() {
            "" => None,
            s => {
                let d = parse_iso(s);
                if d.is_none() {
                    errors.push((PersonField::Start, PersonProblem::NotADate));
                }
                d
            }
        };
        let loaded_cost = match self.loaded_cost.trim() {
            "" => None,
            s => match parse_number(s) {
                None => {
                    errors.push((PersonField::LoadedCost, PersonProblem::NotANumber));
                    None
                }
                Some(v) if v < 0.0 => {
                    errors.push((PersonField::LoadedCost, PersonProblem::Negative));
                    None
                }
                Some(v) => Some(v),
            },
        };
        if errors.is_empty() {
            Ok(Person { name, role: self.role, fte, start, loaded_cost })
        } else {
            Err(errors)
        }
    }
}

/// One account's owner before and after a change; the id guards against the book having
/// changed in between.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerChange {
    pub account: usize,
    pub id: String,
    pub before: String,
    pub after: String,
}

/// Gives each `(book index, new owner)`; returns the changes made, for undo.
pub fn set_owners(book: &mut Book, moves: &[(usize, String)]) -> Vec<OwnerChange> {
    let mut changes = Vec::with_capacity(moves.len());
    for (i, to) in moves {
        if let Some(a) = book.accounts.get_mut(*i) {
            let after = to.trim().to_string();
            let before = std::mem::replace(&mut a.owner, after.clone());
            changes.push(OwnerChange { account: *i, id: a.id.clone(), before, after });
        }
    }
    changes
}

/// Puts the owners back as they were before `changes`; an account that has moved in the book
/// since is found by its id, one that is gone is skipped. Returns how many were restored.
pub fn undo_owners(book: &mut Book, changes: &[OwnerChange]) -> usize {
    let mut n = 0;
    for c in changes.iter().rev() {
        let at = match book.accounts.get(c.account) {
            Some(a) if a.id == c.id => Some(c.account),
            _ => book.accounts.iter().position(|a| a.id == c.id),
        };
        if let Some(a) = at.and_then(|i| book.accounts.get_mut(i)) {
            a.owner = c.before.clone();
            n += 1;
        }
    }
    n
}

/// The moves that give every unassigned active account of `tier` to `owner`.
pub fn assign_unassigned(book: &Book, snapshot: &Snapshot, tier: usize, owner: &str) -> Vec<(usize, String)> {
    snapshot
        .active()
        .filter(|(i, v)| v.tier == tier && book.accounts.get(*i).is_some_and(|a| a.owner.trim().is_empty()))
        .map(|(i, _)| (i, owner.trim().to_string()))
        .collect()
}

/// "Contact done": the account's last_touch before it was set to D.
#[derive(Clone, Debug, PartialEq)]
pub struct TouchChange {
    pub account: usize,
    pub id: String,
    pub before: Option<NaiveDate>,
}

pub fn mark_contacted(book: &mut Book, account: usize, as_of: NaiveDate) -> Option<TouchChange> {
    let a = book.accounts.get_mut(account)?;
    let before = a.last_touch.replace(as_of);
    Some(TouchChange { account, id: a.id.clone(), before })
}

pub fn undo_touch(book: &mut Book, change: &TouchChange) -> bool {
    let at = match book.accounts.get(change.account) {
        Some(a) if a.id == change.id => Some(change.account),
        _ => book.accounts.iter().position(|a| a.id == change.id),
    };
    match at.and_then(|i| book.accounts.get_mut(i)) {
        Some(a) => {
            a.last_touch = change.before;
            true
        }
        None => false,
    }
}

/// How a KPI target is written and read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetUnit {
    /// Stored 0..1, typed as a percentage.
    Percent,
    Money,
    /// 0–100 scores (activity, health).
    Points,
    Count,
}

pub fn target_unit(d: KpiDimension) -> TargetUnit {
    use KpiDimension::*;
    match d {
        LogoRenewalRate | Grr | Nrr | GoLiveRate => TargetUnit::Percent,
        RenewedAmount | ExpansionAmount => TargetUnit::Money,
        AverageActivity | AverageHealth => TargetUnit::Points,
        Referrals => TargetUnit::Count,
    }
}

/// A target as typed (`90` for 90%); `None` when not a number ≥ 0.
pub fn parse_target(d: KpiDimension, text: &str) -> Option<f64> {
    let v = parse_number(text).filter(|v| *v >= 0.0)?;
    Some(if target_unit(d) == TargetUnit::Percent { v / 100.0 } else { v })
}

pub fn target_text(d: KpiDimension, v: f64) -> String {
    number_text(if target_unit(d) == TargetUnit::Percent { v * 100.0 } else { v })
}

/// A percentage as typed (`70` → 0.7), within 0–100%.
pub fn parse_percent(text: &str) -> Option<f64> {
    parse_number(text).filter(|v| (0.0..=100.0).contains(v)).map(|v| v / 100.0)
}

pub fn percent_text(fraction: f64) -> String {
    number_text(fraction * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::{Account, AsOfRules};
    use crate::domain::health::HealthSettings;
    use crate::domain::test_support::*;
    use crate::domain::tiers::TierSettings;

    fn draft(name: &str, fte: &str, start: &str, cost: &str) -> PersonDraft {
        PersonDraft { name: name.into(), role: Role::Csm, fte: fte.into(), start: start.into(), loaded_cost: cost.into() }
    }

    #[test]
    fn a_person_parses_or_says_what_is_wrong_per_field() {
        let p = draft(" Li Na ", "0.5", "2024-03-01", "120,000").parse(&[], None).unwrap();
        assert_eq!(p.name, "Li Na");
        assert_eq!((p.fte, p.start, p.loaded_cost), (0.5, Some(d("2024-03-01")), Some(120_000.0)));
        assert_eq!(draft("A", "1", "", "").parse(&[], None).unwrap().loaded_cost, None);
        let errs = draft("", "abc", "2024/13/01", "-5").parse(&[], None).unwrap_err();
        assert_eq!(
            errs,
            vec![
                (PersonField::Name, PersonProblem::Required),
                (PersonField::Fte, PersonProblem::NotANumber),
                (PersonField::Start, PersonProblem::NotADate),
                (PersonField::LoadedCost, PersonProblem::Negative),
            ]
        );
        assert_eq!(draft("A", "0", "", "").parse(&[], None).unwrap_err(), vec![(PersonField::Fte, PersonProblem::FteRange)]);
        assert_eq!(draft("A", "1.5", "", "").parse(&[], None).unwrap_err(), vec![(PersonField::Fte, PersonProblem::FteRange)]);
        let roster = vec![p.clone()];
        assert_eq!(
            draft("Li Na", "1", "", "").parse(&roster, None).unwrap_err(),
            vec![(PersonField::Name, PersonProblem::DuplicateName)]
        );
        assert!(draft("Li Na", "1", "", "").parse(&roster, Some(0)).is_ok());
        assert_eq!(PersonDraft::from_person(&p).parse(&roster, Some(0)).unwrap(), p);
        let long = "x".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(draft(&long, "1", "", "").parse(&[], None).unwrap_err()[0].1, PersonProblem::TooLong);
    }

    #[test]
    fn owners_set_and_undone_even_after_the_book_moved() {
        let mut book = Book {
            accounts: vec![account("a", "Ann", vec![]), account("b", "Ann", vec![]), account("c", "", vec![])],
        };
        let before = book.clone();
        let changes = set_owners(&mut book, &[(1, "Bob".into()), (2, " Cy ".into()), (9, "X".into())]);
        assert_eq!(changes.len(), 2);
        assert_eq!(book.accounts[2].owner, "Cy");
        assert_eq!(undo_owners(&mut book, &changes), 2);
        assert_eq!(book, before);
        // An account inserted in front: undo finds the others by id.
        let changes = set_owners(&mut book, &[(0, "Bob".into())]);
        book.accounts.insert(0, Account { id: "new".into(), ..Default::default() });
        assert_eq!(undo_owners(&mut book, &changes), 1);
        assert_eq!(book.accounts[1].owner, "Ann");
        assert_eq!(book.accounts[0].owner, "");
    }

    #[test]
    fn assign_the_unassigned_of_a_tier() {
        let book = Book {
            accounts: vec![
                account("k1", "", vec![open("2025-01-01", "2025-12-31", 30_000.0)]),
                account("k2", "Ann", vec![open("2025-01-01", "2025-12-31", 30_000.0)]),
                account("t1", " ", vec![open("2025-01-01", "2025-12-31", 1_000.0)]),
                account("k3", "", vec![churned("2024-01-01", "2024-12-31", 30_000.0, "2024-12-01")]),
            ],
        };
        let snap = Snapshot::new(&book, d("2025-06-30"), &AsOfRules::default(), &HealthSettings::default(), &TierSettings::default());
        assert_eq!(assign_unassigned(&book, &snap, 1, " Bob "), vec![(0, "Bob".to_string())]);
        assert_eq!(assign_unassigned(&book, &snap, 3, "Bob"), vec![(2, "Bob".to_string())]);
    }

    #[test]
    fn contact_done_and_undo() {
        let mut book = Book { accounts: vec![account("a", "", vec![])] };
        let c = mark_contacted(&mut book, 0, d("2025-06-30")).unwrap();
        assert_eq!(book.accounts[0].last_touch, Some(d("2025-06-30")));
        assert!(undo_touch(&mut book, &c));
        assert_eq!(book.accounts[0].last_touch, None);
        assert!(mark_contacted(&mut book, 5, d("2025-06-30")).is_none());
        book.accounts.clear();
        assert!(!undo_touch(&mut book, &c));
    }

    #[test]
    fn targets_and_percentages_as_typed() {
        use KpiDimension::*;
        assert_eq!(parse_target(Grr, "90"), Some(0.9));
        assert_eq!(parse_target(Grr, "90%"), Some(0.9));
        assert_eq!(parse_target(RenewedAmount, "$1,200,000"), Some(1_200_000.0));
        assert_eq!(parse_target(AverageHealth, "70"), Some(70.0));
        assert_eq!(parse_target(Referrals, "-1"), None);
        assert_eq!(parse_target(Referrals, "x"), None);
        assert_eq!(target_text(Grr, 0.9), "90");
        assert_eq!(target_text(Nrr, 1.05), "105");
        assert_eq!(parse_percent("70"), Some(0.7));
        assert_eq!(parse_percent("101"), None);
        assert_eq!(percent_text(0.03), "3");
        assert_eq!(percent_text(0.075), "7.5");
        assert_eq!(number_text(120000.0), "120000");
        assert_eq!(number_text(0.5), "0.5");
    }
}
