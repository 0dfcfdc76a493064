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

use std::collections::HashMap;

use crate::domain::dates::{add_days, add_months};
use crate::domain::{Account, Outcome, Term};

use chrono::{Datelike, NaiveDate};

use super::columns::{ColumnMapping, Field};
use super::report::{ImportReport, MappingError, Reason, RowError};
use super::rows::{RowData, RowReader, Status, TermRow};
use super::table::Sheet;

/// Reads every row of `sheet` with `mapping` (the sheet's guess, or the user's correction).
pub fn import(sheet: &Sheet, mapping: &ColumnMapping) -> Result<ImportReport, MappingError> {
    if let Some(f) = mapping.duplicated().first() {
        return Err(MappingError::FieldTwice(*f));
    }
    if mapping.column_of(Field::Name).is_none() {
        return Err(MappingError::NoNameColumn);
    }
    let reader = RowReader::new(&sheet.headers, mapping);
    let mut errors: Vec<RowError> = Vec::new();
    // Groups of rows by id, in order of first appearance; each read row, or None if rejected.
    let mut groups: Vec<Vec<(usize, Option<RowData>)>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    let mut group_ids: Vec<Option<String>> = Vec::new();
    for row in &sheet.rows {
        let read = match reader.read(row) {
            Ok(data) => Some(data),
            Err(mut errs) => {
                errors.append(&mut errs);
                None
            }
        };
        let id = read.as_ref().map_or_else(|| raw_id(&reader, row), |d| d.id.clone());
        let g = match &id {
            Some(id) => *group_of.entry(id.clone()).or_insert_with(|| {
                groups.push(Vec::new());
                group_ids.push(Some(id.clone()));
                groups.len() - 1
            }),
            None => {
                groups.push(Vec::new());
                group_ids.push(None);
                groups.len() - 1
            }
        };
        groups[g].push((row.line, read));
    }

    let mut used_ids: std::collections::HashSet<String> = group_of.keys().cloned().collect();
    let mut accounts = Vec::new();
    let mut generated_ids = 0;
    for (rows, id) in groups.into_iter().zip(group_ids) {
        if let Some(mut account) = build(&reader, rows, &mut errors) {
            account.id = match id {
                Some(id) => id,
                None => {
                    generated_ids += 1;
                    generate_id(&account.name, &mut used_ids)
                }
            };
            accounts.push(account);
        }
    }

    errors.sort_by_key(|e| (e.line, e.column.as_ref().and_then(|c| sheet.headers.iter().position(|h| h == c))));
    let mut report = ImportReport {
        accounts,
        errors,
        rows: sheet.rows.len(),
        imported_rows: 0,
        rejected_rows: 0,
        blank_rows: sheet.blank_rows,
        generated_ids,
        encoding: sheet.encoding,
        had_errors: sheet.had_errors,
    };
    report.rejected_rows = report.rejected_lines().len();
    report.imported_rows = report.rows - report.rejected_rows;
    Ok(report)
}

/// A rejected row's id still groups it with its account, so the account is rejected whole.
fn raw_id(reader: &RowReader, row: &super::table::SheetRow) -> Option<String> {
    let c = reader.column_of(Field::Id)?;
    let id = super::export::unneutralise(row.cells.get(c)?.trim());
    (!id.is_empty()).then(|| id.to_string())
}

/// One account from its rows (file order), or `None` after recording why not.
fn build(reader: &RowReader, rows: Vec<(usize, Option<RowData>)>, errors: &mut Vec<RowError>) -> Option<Account> {
    let mut rejected: Vec<usize> = rows.iter().filter(|(_, r)| r.is_none()).map(|(l, _)| *l).collect();
    let mut good: Vec<RowData> = Vec::with_capacity(rows.len());
    for data in rows.into_iter().filter_map(|(_, r)| r) {
        let start = data.term.as_ref().map(|t| t.start);
        if let Some(first) = good.iter().find(|g| g.term.as_ref().map(|t| t.start) == start) {
            let value = data.term.as_ref().map_or(String::new(), |t| t.start_text.clone());
            let reason = Reason::DuplicateTerm { first_line: first.line };
            errors.push(reader.error(data.line, Field::ContractStart, &value, reason));
        } else {
            good.push(data);
        }
    }
    let multi = good.len() > 1;
    // Sorted by start; a termless row sorts first and, in a multi-row account, is an error.
    let mut sorted: Vec<&RowData> = good.iter().collect();
    sorted.sort_by_key(|d| d.term.as_ref().map(|t| t.start));
    for (i, data) in sorted.iter().enumerate() {
        let Some(term) = &data.term else {
            if multi {
                errors.push(reader.error(data.line, Field::ContractStart, "", Reason::Required));
                rejected.push(data.line);
            }
            continue;
        };
        let Some(prev) = i.checked_sub(1).and_then(|p| sorted[p].term.as_ref().map(|t| (sorted[p].line, t))) else {
            continue;
        };
        let (prev_line, prev) = prev;
        let (field, value, reason) = if prev.status != Status::Renewed {
            (Field::ContractStart, term.start_text.clone(), Reason::FollowsUnrenewedTerm { line: prev_line })
        } else if term.start <= prev.end {
            (Field::ContractStart, term.start_text.clone(), Reason::OverlapsTerm { line: prev_line })
        } else if Some(term.arr) != prev.renewed_arr {
            (Field::Arr, term.arr_text.clone(), Reason::DiffersFromRenewedArr { line: prev_line })
        } else {
            continue;
        };
        errors.push(reader.error(data.line, field, &value, reason));
        rejected.push(data.line);
    }
    if let Some(&first_bad) = rejected.iter().min() {
        for data in good.iter().filter(|d| !rejected.contains(&d.line)) {
            errors.push(RowError {
                line: data.line,
                column: None,
                field: None,
                value: String::new(),
                reason: Reason::AccountRejected { line: first_bad },
            });
        }
        return None;
    }
    let first = good.first()?;
    let mut account = first.account.clone();
    account.terms = sorted.iter().filter_map(|d| d.term.as_ref()).map(to_term).collect();
    if let Some(last) = sorted.last().and_then(|d| d.term.as_ref()) {
        if let (Status::Renewed, Some(arr)) = (last.status, last.renewed_arr) {
            let (start, end) = next_term_dates(last.start, last.end);
            account.terms.push(Term { start, end, arr, outcome: Outcome::Open });
        }
    }
    Some(account)
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
fn generate_id(name: &str, used: &mut std::collections::HashSet<String>) -> String {
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
        let mut used = std::collections::HashSet::new();
        let a = generate_id("Acme", &mut used);
        let b = generate_id(" acme ", &mut used);
        let c = generate_id("Other", &mut used);
        assert_eq!(b, format!("{a}-2"));
        assert_ne!(a, c);
        assert!(a.starts_with("gen-") && a.len() == 16, "{a}");
        let mut again = std::collections::HashSet::new();
        assert_eq!(generate_id("Acme", &mut again), a);
    }
}
