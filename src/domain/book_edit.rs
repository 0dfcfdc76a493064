//! Changes to the book a person makes: save one account, delete some (and undo it), assign an
//! owner to several, rebalance owners, mark a contact done. Each returns what it needs to be
//! undone or reported.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::book::{Account, Book};
use super::snapshot::Snapshot;

/// Accounts taken out of the book with the positions they had, so undo puts them back where
/// they were.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Removed {
    pub accounts: Vec<(usize, Account)>,
}

/// Adds `account`, or replaces the account at `index`. Returns the account's index.
pub fn save(book: &mut Book, index: Option<usize>, account: Account) -> usize {
    match index {
        Some(i) if i < book.accounts.len() => {
            book.accounts[i] = account;
            i
        }
        _ => {
            book.accounts.push(account);
            book.accounts.len() - 1
        }
    }
}

/// Removes the accounts whose id is in `ids`.
pub fn remove(book: &mut Book, ids: &HashSet<String>) -> Removed {
    let mut removed = Vec::new();
    let mut kept = Vec::with_capacity(book.accounts.len());
    for (i, a) in std::mem::take(&mut book.accounts).into_iter().enumerate() {
        if ids.contains(&a.id) {
            removed.push((i, a));
        } else {
            kept.push(a);
        }
    }
    book.accounts = kept;
    Removed { accounts: removed }
}

/// Puts removed accounts back at their old positions (ascending, so each lands where it was).
pub fn restore(book: &mut Book, removed: Removed) {
    for (i, a) in removed.accounts {
        let at = i.min(book.accounts.len());
        book.accounts.insert(at, a);
    }
}

/// Sets the owner (trimmed; empty = unassigned) of the accounts in `ids`; returns how many.
pub fn assign_owner(book: &mut Book, ids: &HashSet<String>, owner: &str) -> usize {
    let owner = owner.trim();
    let mut n = 0;
    for a in book.accounts.iter_mut().filter(|a| ids.contains(&a.id)) {
        a.owner = owner.to_string();
        n += 1;
    }
    n
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::book::AsOfRules;
    use crate::domain::health::HealthSettings;
    use crate::domain::test_support::*;
    use crate::domain::tiers::TierSettings;

    fn book(ids: &[&str]) -> Book {
        Book {
            accounts: ids
                .iter()
                .map(|id| Account { id: id.to_string(), name: format!("n{id}"), ..Default::default() })
                .collect(),
        }
    }

    fn ids(b: &Book) -> Vec<&str> {
        b.accounts.iter().map(|a| a.id.as_str()).collect()
    }

    fn set(xs: &[&str]) -> HashSet<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn remove_then_restore_gives_back_the_same_order() {
        let mut b = book(&["a", "b", "c", "d", "e"]);
        let removed = remove(&mut b, &set(&["a", "c", "e"]));
        assert_eq!(ids(&b), vec!["b", "d"]);
        assert_eq!(removed.accounts.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![0, 2, 4]);
        restore(&mut b, removed);
        assert_eq!(b, book(&["a", "b", "c", "d", "e"]));
    }

    #[test]
    fn restore_after_an_add_keeps_the_new_account() {
        let mut b = book(&["a", "b", "c"]);
        let removed = remove(&mut b, &set(&["b", "c"]));
        save(&mut b, None, Account { id: "z".into(), ..Default::default() });
        restore(&mut b, removed);
        assert_eq!(ids(&b), vec!["a", "b", "c", "z"]);
    }

    #[test]
    fn save_adds_or_replaces() {
        let mut b = book(&["a"]);
        assert_eq!(save(&mut b, None, Account { id: "b".into(), ..Default::default() }), 1);
        assert_eq!(save(&mut b, Some(0), Account { id: "a2".into(), ..Default::default() }), 0);
        assert_eq!(save(&mut b, Some(9), Account { id: "c".into(), ..Default::default() }), 2);
        assert_eq!(ids(&b), vec!["a2", "b", "c"]);
    }

    #[test]
    fn assign_owner_trims_and_counts() {
        let mut b = book(&["a", "b", "c"]);
        assert_eq!(assign_owner(&mut b, &set(&["a", "c", "missing"]), "  Li Na "), 2);
        assert_eq!(b.accounts.iter().map(|a| a.owner.as_str()).collect::<Vec<_>>(), vec!["Li Na", "", "Li Na"]);
    }
    #[test]
    fn owners_set_and_undone_even_after_the_book_moved() {
        let mut book =
            Book { accounts: vec![account("a", "Ann", vec![]), account("b", "Ann", vec![]), account("c", "", vec![])] };
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
        let snap = Snapshot::new(
            &book,
            d("2025-06-30"),
            &AsOfRules::default(),
            &HealthSettings::default(),
            &TierSettings::default(),
        );
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
}
