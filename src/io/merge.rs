//! Imported accounts into the book: replace it, or merge into it.
//!
//! `apply` is pure: it returns the new book and what would change, so the UI can show the
//! counts and only store the book when the user confirms.

use std::collections::HashMap;

use crate::domain::{Account, Book};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// The imported accounts become the book.
    Replace,
    /// Imported accounts update the matching accounts of the book; the rest are added.
    Merge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct MergeCounts {
    pub added: usize,
    pub updated: usize,
    /// Accounts of the old book that are gone (only `Replace` removes any).
    pub removed: usize,
}

fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The new book and the counts. In `Merge`, an imported account matches the book's account with
/// the same id, else the first not-yet-matched one with the same name (trimmed,
/// case-insensitive): ids first for every account, so a name never steals an account that
/// another imported account names by id. A matched account takes all the imported data but
/// keeps its id and its place in the book.
pub fn apply(book: &Book, imported: Vec<Account>, mode: Mode) -> (Book, MergeCounts) {
    if mode == Mode::Replace {
        let counts = MergeCounts { added: imported.len(), updated: 0, removed: book.accounts.len() };
        return (Book { accounts: imported }, counts);
    }
    let mut accounts = book.accounts.clone();
    let by_id: HashMap<&str, usize> = book.accounts.iter().enumerate().rev().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut taken = vec![false; accounts.len()];
    let mut target: Vec<Option<usize>> = imported
        .iter()
        .map(|a| {
            let i = by_id.get(a.id.as_str()).copied().filter(|&i| !taken[i])?;
            taken[i] = true;
            Some(i)
        })
        .collect();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in book.accounts.iter().enumerate().rev() {
        by_name.entry(name_key(&a.name)).or_default().push(i);
    }
    for (a, t) in imported.iter().zip(target.iter_mut()) {
        if t.is_some() {
            continue;
        }
        if let Some(candidates) = by_name.get_mut(&name_key(&a.name)) {
            while let Some(i) = candidates.pop() {
                if !taken[i] {
                    taken[i] = true;
                    *t = Some(i);
                    break;
                }
            }
        }
    }
    let mut counts = MergeCounts::default();
    for (mut a, t) in imported.into_iter().zip(target) {
        match t {
            Some(i) => {
                a.id = std::mem::take(&mut accounts[i].id);
                accounts[i] = a;
                counts.updated += 1;
            }
            None => {
                accounts.push(a);
                counts.added += 1;
            }
        }
    }
    (Book { accounts }, counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn acc(id: &str, name: &str, owner: &str) -> Account {
        Account { id: id.into(), name: name.into(), owner: owner.into(), ..Default::default() }
    }

    fn book() -> Book {
        Book { accounts: vec![acc("1", "Acme", "Ann"), acc("2", "Globex", "Bo"), acc("3", "Initech", "Cy")] }
    }

    #[test]
    fn replace_takes_the_import_whole() {
        let (b, c) = apply(&book(), vec![acc("9", "New", "")], Mode::Replace);
        assert_eq!(b.accounts, vec![acc("9", "New", "")]);
        assert_eq!(c, MergeCounts { added: 1, updated: 0, removed: 3 });
    }

    #[test]
    fn merge_by_id_then_by_name() {
        let imported = vec![
            acc("2", "Globex Corp", "Dee"), // id match, renamed
            acc("gen-x", "  acme ", "Eve"), // name match: keeps id "1"
            acc("7", "Hooli", "Fay"),       // new
        ];
        let (b, c) = apply(&book(), imported, Mode::Merge);
        assert_eq!(c, MergeCounts { added: 1, updated: 2, removed: 0 });
        assert_eq!(
            b.accounts,
            vec![
                acc("1", "  acme ", "Eve"),
                acc("2", "Globex Corp", "Dee"),
                acc("3", "Initech", "Cy"),
                acc("7", "Hooli", "Fay")
            ]
        );
    }

    #[test]
    fn an_id_match_wins_over_an_earlier_name_match() {
        // The first imported account names "Acme" (id 1) by name, the second by id: the id wins
        // and the first becomes a new account.
        let imported = vec![acc("x", "Acme", "Gus"), acc("1", "Acme Inc", "Hal")];
        let (b, c) = apply(&book(), imported, Mode::Merge);
        assert_eq!(c, MergeCounts { added: 1, updated: 1, removed: 0 });
        assert_eq!(b.accounts[0], acc("1", "Acme Inc", "Hal"));
        assert_eq!(b.accounts[3], acc("x", "Acme", "Gus"));
    }

    #[test]
    fn the_original_book_is_untouched() {
        let original = book();
        let _ = apply(&original, vec![acc("1", "Changed", "")], Mode::Merge);
        assert_eq!(original, book());
    }
}
