//! A sheet's rows → accounts with a mapping, a piece at a time: each `step` works until the
//! caller's clock says stop, so the browser checks a 100,000-row file while the page stays
//! responsive. `import` is this job run in one go. What the rows become, and the rules, are in
//! `accounts.rs` (one account from its rows) and `rows.rs` (one row).
//!
//! The job holds no borrow of the sheet (the caller passes the same sheet to every step), so it
//! can wait between tasks; the ids it groups rows by are its own copies.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::accounts::{build, generate_id};
use super::columns::{ColumnMapping, Field};
use super::report::{ImportReport, MappingError, RowError};
use super::rows::{RowData, RowReader};
use super::table::Sheet;
use crate::domain::Account;

/// Rows (or accounts) done between two looks at the clock.
const PER_LOOK: usize = 64;

pub struct ImportJob {
    mapping: ColumnMapping,
    stage: Stage,
    /// Each row read (None if rejected).
    data: Vec<Option<RowData>>,
    errors: Vec<RowError>,
    /// Each row's group: the rows sharing an id, numbered in order of first appearance. A
    /// rejected row's id still groups it, so its account is rejected whole.
    group_of_row: Vec<usize>,
    group_of_id: HashMap<Box<str>, usize, BuildHasherDefault<Fnv>>,
    /// Each group's id ("" for a row without one).
    group_ids: Vec<Box<str>>,
    /// The rows of group g are `order[start[g]..start[g + 1]]`, in file order.
    order: Vec<usize>,
    start: Vec<usize>,
    accounts: Vec<Account>,
    /// Only files with id-less rows need the set of ids taken.
    used_ids: Option<HashSet<String>>,
    generated_ids: usize,
}

enum Stage {
    /// Reading row `next`.
    Rows { next: usize },
    /// Building the account of group `next`.
    Accounts { next: usize },
}

impl ImportJob {
    /// A job reading `sheet`'s rows with `mapping` (the sheet's guess, or the user's correction);
    /// a mapping no row can be read with is refused at once.
    pub fn new(sheet: &Sheet, mapping: ColumnMapping) -> Result<ImportJob, MappingError> {
        if let Some(f) = mapping.duplicated().first() {
            return Err(MappingError::FieldTwice(*f));
        }
        if mapping.column_of(Field::Name).is_none() {
            return Err(MappingError::NoNameColumn);
        }
        let n = sheet.rows.len();
        Ok(ImportJob {
            mapping,
            stage: Stage::Rows { next: 0 },
            data: Vec::with_capacity(n),
            errors: Vec::new(),
            group_of_row: Vec::with_capacity(n),
            group_of_id: HashMap::with_capacity_and_hasher(n, Default::default()),
            group_ids: Vec::new(),
            order: Vec::new(),
            start: Vec::new(),
            accounts: Vec::new(),
            used_ids: None,
            generated_ids: 0,
        })
    }

    /// How much is done, from 0 to 1: the rows read count as half, the accounts built as half.
    pub fn fraction(&self, sheet: &Sheet) -> f64 {
        let part = |done: usize, of: usize| if of == 0 { 1.0 } else { done as f64 / of as f64 };
        match self.stage {
            Stage::Rows { next } => 0.5 * part(next, sheet.rows.len()),
            Stage::Accounts { next } => 0.5 + 0.5 * part(next, self.group_ids.len()),
        }
    }

    /// Works on until `stop` says so (asked every few rows) or the report is ready.
    pub fn step(&mut self, sheet: &Sheet, stop: &mut dyn FnMut() -> bool) -> Option<ImportReport> {
        // The reader borrows the mapping while the job changes: lent out for the step.
        let mapping = std::mem::take(&mut self.mapping);
        let out = self.work(&RowReader::new(&sheet.headers, &mapping), sheet, stop);
        self.mapping = mapping;
        out
    }

    fn work(&mut self, reader: &RowReader, sheet: &Sheet, stop: &mut dyn FnMut() -> bool) -> Option<ImportReport> {
        loop {
            match self.stage {
                Stage::Rows { next } => {
                    let end = (next + PER_LOOK).min(sheet.rows.len());
                    for row in &sheet.rows[next..end] {
                        let errors = &mut self.errors;
                        self.data.push(reader.read(row).map_err(|mut e| errors.append(&mut e)).ok());
                        let id = reader.cell_text(row, Field::Id);
                        let fresh = self.group_ids.len();
                        let g = if id.is_empty() { fresh } else { *self.group_of_id.entry(id.into()).or_insert(fresh) };
                        if g == fresh {
                            self.group_ids.push(id.into());
                        }
                        self.group_of_row.push(g);
                    }
                    self.stage = if end == sheet.rows.len() {
                        self.group_rows();
                        Stage::Accounts { next: 0 }
                    } else {
                        Stage::Rows { next: end }
                    };
                }
                Stage::Accounts { next } => {
                    let end = (next + PER_LOOK).min(self.group_ids.len());
                    for g in next..end {
                        self.account(reader, sheet, g);
                    }
                    if end == self.group_ids.len() {
                        return Some(self.report(sheet));
                    }
                    self.stage = Stage::Accounts { next: end };
                }
            }
            if stop() {
                return None;
            }
        }
    }

    /// Rows of each group together, in file order (a counting sort: no vector per group).
    fn group_rows(&mut self) {
        let groups = self.group_ids.len();
        let mut start = vec![0usize; groups + 1];
        for &g in &self.group_of_row {
            start[g + 1] += 1;
        }
        for g in 0..groups {
            start[g + 1] += start[g];
        }
        let mut order = vec![0usize; self.group_of_row.len()];
        let mut fill = start.clone();
        for (i, &g) in self.group_of_row.iter().enumerate() {
            order[fill[g]] = i;
            fill[g] += 1;
        }
        self.order = order;
        self.start = start;
        self.accounts.reserve(groups);
    }

    fn account(&mut self, reader: &RowReader, sheet: &Sheet, g: usize) {
        let rows = &self.order[self.start[g]..self.start[g + 1]];
        let Some(mut account) = build(reader, sheet, rows, &mut self.data, &mut self.errors) else { return };
        let id = &self.group_ids[g];
        account.id = if id.is_empty() {
            self.generated_ids += 1;
            let group_of_id = &self.group_of_id;
            let used = self.used_ids.get_or_insert_with(|| group_of_id.keys().map(|k| k.to_string()).collect());
            generate_id(&account.name, used)
        } else {
            id.to_string()
        };
        self.accounts.push(account);
    }

    fn report(&mut self, sheet: &Sheet) -> ImportReport {
        let mut errors = std::mem::take(&mut self.errors);
        crate::domain::sort::sort_by_key(&mut errors, |e| {
            (e.line, e.column.as_ref().and_then(|c| sheet.headers.iter().position(|h| h == c)))
        });
        let rows = sheet.rows.len();
        let mut report = ImportReport {
            accounts: std::mem::take(&mut self.accounts),
            errors,
            rows,
            imported_rows: 0,
            rejected_rows: 0,
            blank_rows: sheet.blank_rows,
            generated_ids: self.generated_ids,
            encoding: sheet.encoding,
            had_errors: sheet.had_errors,
        };
        report.rejected_rows = report.rejected_lines().len();
        report.imported_rows = rows - report.rejected_rows;
        report
    }
}

/// FNV-1a: the ids of a person's own file need no defence against chosen collisions, and
/// hashing them is a good part of grouping the rows.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Reads every row of `sheet` with `mapping` (the sheet's guess, or the user's correction).
pub fn import(sheet: &Sheet, mapping: &ColumnMapping) -> Result<ImportReport, MappingError> {
    let mut job = ImportJob::new(sheet, mapping.clone())?;
    loop {
        if let Some(report) = job.step(sheet, &mut || false) {
            return Ok(report);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::read_sheet;

    /// 150 accounts: ids A0..A149, each with one open term, except A7 with a renewed term and
    /// its next (two rows), a repeated id with another name (A9 again, rejected) and a row
    /// without an id (generated).
    fn file() -> Vec<u8> {
        let mut s = String::from("id,name,arr,contract_start,contract_end,status,renewed_on,renewed_arr\n");
        for i in 0..150 {
            s.push_str(&format!("A{i},Co {i},{},2025-01-01,2025-12-31,open,,\n", 1000 + i));
        }
        s = s.replace(
            "A7,Co 7,1007,2025-01-01,2025-12-31,open,,",
            "A7,Co 7,1007,2024-01-01,2024-12-31,renewed,2024-12-01,1100",
        );
        s.push_str("A7,Co 7,1100,2025-01-01,2025-12-31,open,,\n");
        s.push_str("A9,Other Co,5,2025-01-01,2025-12-31,open,,\n");
        s.push_str(",No Id Co,5,2025-01-01,2025-12-31,open,,\n");
        s.into_bytes()
    }

    #[test]
    fn in_pieces_it_is_the_same_report() {
        let sheet = read_sheet(&file(), None).unwrap();
        let whole = import(&sheet, &sheet.mapping).unwrap();
        let mut job = ImportJob::new(&sheet, sheet.mapping.clone()).unwrap();
        let mut steps = 1;
        let mut fractions = vec![job.fraction(&sheet)];
        let pieces = loop {
            if let Some(r) = job.step(&sheet, &mut || true) {
                break r;
            }
            steps += 1;
            fractions.push(job.fraction(&sheet));
        };
        assert_eq!(pieces, whole);
        // 153 rows in pieces of 64 (3), then 151 groups in pieces of 64 (3).
        assert_eq!(steps, 6);
        assert_eq!(
            fractions,
            vec![
                0.0,
                64.0 / 153.0 / 2.0,
                128.0 / 153.0 / 2.0,
                0.5,
                0.5 + 64.0 / 151.0 / 2.0,
                0.5 + 128.0 / 151.0 / 2.0
            ]
        );
        // 150 ids, one repeated with another name (its row rejected), one generated id.
        assert_eq!((whole.accounts.len(), whole.rejected_rows, whole.generated_ids), (151, 1, 1));
        assert_eq!(whole.errors[0].line, 153);
        let a7 = whole.accounts.iter().find(|a| a.id == "A7").unwrap();
        assert_eq!(a7.terms.len(), 2);
        assert_eq!(whole.accounts[150].id.len(), "gen-".len() + 12);
    }

    #[test]
    fn a_mapping_without_a_name_is_refused_at_once() {
        let sheet = read_sheet(&file(), None).unwrap();
        let mut mapping = sheet.mapping.clone();
        mapping.columns[1] = None;
        assert!(matches!(ImportJob::new(&sheet, mapping), Err(MappingError::NoNameColumn)));
    }
}
