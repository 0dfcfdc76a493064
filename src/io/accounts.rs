//! Rows → accounts.
//!
//! Multi-term history: export writes one row per contract term, so on import the rows that
//! share an id are the terms of one account. Their terms are sorted by contract_start; the
//! account-level fields (name, owner, scores, …) come from the account's first row in the
//! file, the rest of its rows contributing only their contract columns. Each term but the last
//! must be renewed and the next term must start after it ends; a renewed term's renewed_arr must
//! equal the arr of the row that continues it. The next term of a renewed last row is generated
//! as DOMAIN.md §1 says. A row repeating an id with the same contract_start as an earlier row is
//! a duplicate: it alone is rejected. Any other rejected row takes the whole account with it
//! (every row of it is reported), because importing the rest would invent a different history.
//! Rows without an id are each an account of their own, with a generated id.

use std::collections::HashSet;

use crate::domain::dates::{add_days, add_months};
use crate::domain::{Account, Outcome, Term};

use chrono::{Datelike, NaiveDate};

use super::columns::Field;
use super::report::{Reason, RowError};
use super::rows::{RowData, RowReader, Status, TermRow};
use super::table::Sheet;

/// One account from its rows (indices into the sheet, file order), or `None` after recording
/// why not. The rows' data is taken out of `data`.
pub(super) fn build(
    reader: &RowReader,
    sheet: &Sheet,
    rows: &[usize],
    data: &mut [Option<RowData>],
    errors: &mut Vec<RowError>,
) -> Option<Account> {
    // Most accounts have one row: no sorting, no cross-row checks.
    if let [i] = rows {
        let row = data[*i].take()?;
        return Some(assemble(row.account, row.term.iter()));
    }
    let line = |i: usize| sheet.rows[i].line;
    let cell = |i: usize, f: Field| reader.cell_text(&sheet.rows[i], f).to_string();
    let mut first_bad: Option<usize> = rows.iter().filter(|&&i| data[i].is_none()).map(|&i| line(i)).min();
    let mut good: Vec<(usize, RowData)> = Vec::with_capacity(rows.len());
    // A later row whose name differs from the id's first row is another customer given the same
    // id by mistake: only that row is rejected, pointing at the first.
    let first_name = rows.iter().find_map(|&i| data[i].as_ref().map(|r| (i, r.account.name.trim().to_lowercase())));
    for &i in rows {
        if let (Some((first_i, name)), Some(row)) = (&first_name, data[i].as_ref()) {
            if i != *first_i && !name.is_empty() && row.account.name.trim().to_lowercase() != *name {
                let reason = Reason::IdOfAnotherCustomer { first_line: line(*first_i) };
                errors.push(reader.error(line(i), Field::Id, &cell(i, Field::Id), reason));
                data[i] = None;
                continue;
            }
        }
        let Some(row) = data[i].take() else { continue };
        let start = row.term.as_ref().map(|t| t.start);
        if let Some((first, _)) = good.iter().find(|(_, g)| g.term.as_ref().map(|t| t.start) == start) {
            let reason = Reason::DuplicateTerm { first_line: line(*first) };
            errors.push(reader.error(line(i), Field::ContractStart, &cell(i, Field::ContractStart), reason));
        } else {
            good.push((i, row));
        }
    }
    let mut bad_rows: Vec<usize> = Vec::new();
    // Sorted by start; a termless row sorts first and, in a multi-row account, is an error.
    let mut sorted: Vec<usize> = (0..good.len()).collect();
    crate::domain::sort::sort_by_key(&mut sorted, |&k| good[k].1.term.as_ref().map(|t| t.start));
    let multi = good.len() > 1;
    for (pos, &k) in sorted.iter().enumerate() {
        let (i, row) = &good[k];
        let Some(term) = &row.term else {
            if multi {
                errors.push(reader.error(line(*i), Field::ContractStart, "", Reason::Required));
                bad_rows.push(*i);
            }
            continue;
        };
        let Some((prev_i, Some(prev))) = pos.checked_sub(1).map(|p| (good[sorted[p]].0, &good[sorted[p]].1.term))
        else {
            continue;
        };
        let prev_line = line(prev_i);
        let (field, reason) = if prev.status != Status::Renewed {
            (Field::ContractStart, Reason::FollowsUnrenewedTerm { line: prev_line })
        } else if term.start <= prev.end {
            (Field::ContractStart, Reason::OverlapsTerm { line: prev_line })
        } else if Some(term.arr) != prev.renewed_arr {
            (Field::Arr, Reason::DiffersFromRenewedArr { line: prev_line })
        } else {
            continue;
        };
        errors.push(reader.error(line(*i), field, &cell(*i, field), reason));
        bad_rows.push(*i);
    }
    for &i in &bad_rows {
        first_bad = Some(first_bad.map_or(line(i), |b| b.min(line(i))));
    }
    if let Some(first_bad) = first_bad {
        for (i, _) in good.iter().filter(|(i, _)| !bad_rows.contains(i)) {
            let reason = Reason::AccountRejected { line: first_bad };
            errors.push(RowError { line: line(*i), column: None, field: None, value: String::new(), reason });
        }
        return None;
    }
    // Account-level fields from the account's first row in the file.
    let account = std::mem::take(&mut good.first_mut()?.1.account);
    Some(assemble(account, sorted.iter().filter_map(|&k| good[k].1.term.as_ref())))
}

/// The account with its terms, sorted, plus the term a renewed last row implies.
fn assemble<'a>(mut account: Account, terms: impl Iterator<Item = &'a TermRow>) -> Account {
    let mut last: Option<&TermRow> = None;
    for t in terms {
        account.terms.push(to_term(t));
        last = Some(t);
    }
    if let Some(last) = last {
        if let (Status::Renewed, Some(arr)) = (last.status, last.renewed_arr) {
            let (start, end) = next_term_dates(last.start, last.end);
            account.terms.push(Term { start, end, arr, outcome: Outcome::Open });
        }
    }
    account
}

fn to_term(t: &TermRow) -> Term {
    let outcome = match (t.status, t.renewed_on, t.churned_on) {
        (Status::Renewed, Some(on), _) => Outcome::Renewed(on),
        (Status::Churned, _, Some(on)) => Outcome::Churned(on),
        _ => Outcome::Open,
    };
    Term { start: t.start, end: t.end, arr: t.arr, outcome }
}

/// DOMAIN.md §1: the next term starts the day after the end; a term of whole months (the day
/// after its end has its start's day of month) is followed by as many months, any other by as
/// many days.
pub fn next_term_dates(start: NaiveDate, end: NaiveDate) -> (NaiveDate, NaiveDate) {
    let next = add_days(end, 1);
    if next.day() == start.day() {
        let months = (next.year() - start.year()) * 12 + next.month() as i32 - start.month() as i32;
        (next, add_days(add_months(next, months), -1))
    } else {
        (next, add_days(next, (end - start).num_days()))
    }
}

/// A stable id for an account the file gave none: from its name, so importing the same file
/// twice gives the same ids (and merging by id then agrees with merging by name).
pub(super) fn generate_id(name: &str, used: &mut HashSet<String>) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.trim().to_lowercase().bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let base = format!("gen-{:012x}", hash >> 16);
    let mut id = base.clone();
    let mut n = 1;
    while used.contains(&id) {
        n += 1;
        id = format!("{base}-{n}");
    }
    used.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn next_term_of_whole_months_keeps_months() {
        assert_eq!(next_term_dates(d("2024-01-01"), d("2024-12-31")), (d("2025-01-01"), d("2025-12-31")));
        assert_eq!(next_term_dates(d("2024-03-01"), d("2025-02-28")), (d("2025-03-01"), d("2026-02-28")));
        // 15 Jan – 14 Jul: six months; the next six end on 14 Jan.
        assert_eq!(next_term_dates(d("2024-01-15"), d("2024-07-14")), (d("2024-07-15"), d("2025-01-14")));
        // Two-year term.
        assert_eq!(next_term_dates(d("2023-06-10"), d("2025-06-09")), (d("2025-06-10"), d("2027-06-09")));
    }

    #[test]
    fn next_term_of_odd_length_keeps_days() {
        // 2024-01-15..2024-02-10 spans 26 days after its start; so does the next.
        assert_eq!(next_term_dates(d("2024-01-15"), d("2024-02-10")), (d("2024-02-11"), d("2024-03-08")));
        // 31 Jan – 28 Feb 2024: the day after is 29 Feb, not the 31st, so days (28) it is.
        assert_eq!(next_term_dates(d("2024-01-31"), d("2024-02-28")), (d("2024-02-29"), d("2024-03-28")));
    }

    #[test]
    fn generated_ids_are_stable_and_distinct() {
        let mut used = HashSet::new();
        let a = generate_id("Acme", &mut used);
        let b = generate_id(" acme ", &mut used);
        let c = generate_id("Other", &mut used);
        assert_eq!(b, format!("{a}-2"));
        assert_ne!(a, c);
        assert!(a.starts_with("gen-") && a.len() == 16, "{a}");
        let mut again = HashSet::new();
        assert_eq!(generate_id("Acme", &mut again), a);
    }
}
