//! Changes to the book a person makes on the Book page: save one account, delete some (and
//! undo it), assign an owner to several. Each returns what it needs to be undone or reported.

use std::collections::HashSet;

use super::book::{Account, Book};

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

#[cfg(test)]
mod tests {
    use super::*;

    fn book(ids: &[&str]) -> Book {
        Book { accounts: ids.iter().map(|id| Account { id: id.to_string(), name: format!("n{id}"), ..Default::default() }).collect() }
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
}
