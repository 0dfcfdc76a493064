//! One row of the file → one account's fields and at most one contract term, or the list of
//! what is wrong with it. Rows are read independently; `accounts.rs` puts them together.

use chrono::NaiveDate;

use crate::domain::Account;

use super::columns::{ColumnMapping, Field};
use super::export::unneutralise;
use super::parse::{parse_amount, parse_count, parse_date, parse_score, ValueError};
use super::report::{Reason, RowError};
use super::table::SheetRow;

pub const MAX_NAME_CHARS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Open,
    Renewed,
    Churned,
}

impl Status {
    fn parse(s: &str) -> Option<Status> {
        let is = |names: &[&str]| names.iter().any(|n| s.eq_ignore_ascii_case(n));
        if is(&["", "open", "进行中"]) {
            Some(Status::Open)
        } else if is(&["renewed", "续约", "已续约"]) {
            Some(Status::Renewed)
        } else if is(&["churned", "流失", "已流失"]) {
            Some(Status::Churned)
        } else {
            None
        }
    }
}

/// The contract columns of a row: the term whose outcome the row records.
#[derive(Clone, Debug, PartialEq)]
pub struct TermRow {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub arr: f64,
    pub status: Status,
    pub renewed_on: Option<NaiveDate>,
    pub renewed_arr: Option<f64>,
    pub churned_on: Option<NaiveDate>,
}

/// A row that passed every check of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct RowData {
    pub line: usize,
    /// Every account-level field; `id` and `terms` are left empty.
    pub account: Account,
    pub term: Option<TermRow>,
}

/// Reads one row with a mapping; the headers only name columns in errors.
pub struct RowReader<'a> {
    pub headers: &'a [String],
    pub mapping: &'a ColumnMapping,
    /// Column index of each field, looked up once instead of per cell.
    index: [Option<usize>; Field::ALL.len()],
}

impl<'a> RowReader<'a> {
    pub fn new(headers: &'a [String], mapping: &'a ColumnMapping) -> Self {
        let mut index = [None; Field::ALL.len()];
        for (i, f) in Field::ALL.into_iter().enumerate() {
            index[i] = mapping.column_of(f);
        }
        RowReader { headers, mapping, index }
    }

    pub fn column_of(&self, field: Field) -> Option<usize> {
        // `Field::ALL` lists the variants in declaration order, so the discriminant is the index.
        self.index[field as usize]
    }

    /// The cell of `field` in `row`, trimmed and without export's formula guard; "" when the
    /// row or the mapping has no such cell.
    pub fn cell_text<'r>(&self, row: &'r SheetRow, field: Field) -> &'r str {
        self.column_of(field).and_then(|c| row.cell(c)).map_or("", |c| unneutralise(c.trim()))
    }

    /// An error about `field` on the row at `line`, naming the column as the file does.
    pub fn error(&self, line: usize, field: Field, value: &str, reason: Reason) -> RowError {
        let column = self.column_of(field).and_then(|c| self.headers.get(c)).cloned();
        RowError { line, column, field: Some(field), value: value.to_string(), reason }
    }

    pub fn read(&self, row: &SheetRow) -> Result<RowData, Vec<RowError>> {
        let mut cx = RowCx { reader: self, row, errors: Vec::new() };
        let width = self.headers.len().max(self.mapping.columns.len());
        if row.cells().skip(width).any(|c| !c.trim().is_empty()) {
            let found = row.len() - row.cells().rev().take_while(|c| c.trim().is_empty()).count();
            cx.errors.push(RowError {
                line: row.line,
                column: None,
                field: None,
                value: String::new(),
                reason: Reason::ExtraCells { expected: width, found },
            });
        }
        let name = cx.text(Field::Name).to_string();
        let chars = name.chars().count();
        if chars == 0 {
            cx.fail(Field::Name, Reason::Required);
        } else if chars > MAX_NAME_CHARS {
            cx.fail(Field::Name, Reason::TooLong { max: MAX_NAME_CHARS });
        }
        let account = Account {
            name,
            industry: cx.text(Field::Industry).to_string(),
            region: cx.text(Field::Region).to_string(),
            owner: cx.text(Field::Owner).to_string(),
            potential_arr: cx.value(Field::PotentialArr, parse_amount),
            fit: cx.value(Field::Fit, parse_score),
            activity: cx.value(Field::Activity, parse_score),
            depth: cx.value(Field::Depth, parse_score),
            satisfaction: cx.value(Field::Satisfaction, parse_score),
            health_override: cx.value(Field::HealthOverride, parse_score),
            go_live: cx.value(Field::GoLive, parse_date),
            last_touch: cx.value(Field::LastTouch, parse_date),
            referrals: cx.value(Field::Referrals, parse_count).unwrap_or(0),
            expansion_arr: cx.value(Field::ExpansionArr, parse_amount).unwrap_or(0.0),
            ..Account::default()
        };
        let term = cx.term();
        if cx.errors.is_empty() {
            Ok(RowData { line: row.line, account, term })
        } else {
            Err(cx.errors)
        }
    }
}

struct RowCx<'r, 'a> {
    reader: &'r RowReader<'a>,
    row: &'r SheetRow,
    errors: Vec<RowError>,
}

impl<'r> RowCx<'r, '_> {
    /// The cell of `field`, trimmed and without export's formula guard; "" when absent.
    fn text(&self, field: Field) -> &'r str {
        self.reader.cell_text(self.row, field)
    }

    fn fail(&mut self, field: Field, reason: Reason) {
        let value = self.text(field).to_string();
        self.errors.push(self.reader.error(self.row.line, field, &value, reason));
    }

    /// An optional cell: `None` when empty or invalid (the error is recorded).
    fn value<T>(&mut self, field: Field, parse: fn(&str) -> Result<T, ValueError>) -> Option<T> {
        let cell = self.text(field);
        if cell.is_empty() {
            return None;
        }
        match parse(cell) {
            Ok(v) => Some(v),
            Err(e) => {
                self.fail(field, Reason::Invalid(e));
                None
            }
        }
    }

    /// A cell the row needs: empty is `Required`.
    fn needed<T>(&mut self, field: Field, parse: fn(&str) -> Result<T, ValueError>) -> Option<T> {
        if self.text(field).is_empty() {
            self.fail(field, Reason::Required);
            return None;
        }
        self.value(field, parse)
    }

    fn forbidden(&mut self, field: Field) {
        if !self.text(field).is_empty() {
            self.fail(field, Reason::NotWithStatus);
        }
    }

    fn term(&mut self) -> Option<TermRow> {
        let status = Status::parse(self.text(Field::Status));
        if status.is_none() {
            // The outcome cells cannot be judged without a status; the rest of the row still
            // is, so every problem is reported at once.
            self.fail(Field::Status, Reason::UnknownStatus);
        }
        let contract = [Field::ContractStart, Field::ContractEnd, Field::Arr];
        let has_term = status.is_some_and(|s| s != Status::Open) || contract.iter().any(|f| !self.text(*f).is_empty());
        let (mut renewed_on, mut renewed_arr, mut churned_on) = (None, None, None);
        match status {
            Some(Status::Open) => {
                self.forbidden(Field::RenewedOn);
                self.forbidden(Field::RenewedArr);
                self.forbidden(Field::ChurnedOn);
            }
            Some(Status::Renewed) => {
                renewed_on = self.needed(Field::RenewedOn, parse_date);
                renewed_arr = self.needed(Field::RenewedArr, parse_amount);
                self.forbidden(Field::ChurnedOn);
            }
            Some(Status::Churned) => {
                self.forbidden(Field::RenewedOn);
                self.forbidden(Field::RenewedArr);
                churned_on = self.needed(Field::ChurnedOn, parse_date);
            }
            None => {}
        }
        if !has_term {
            return None;
        }
        let start = self.needed(Field::ContractStart, parse_date);
        let end = self.needed(Field::ContractEnd, parse_date);
        let arr = self.needed(Field::Arr, parse_amount);
        if let (Some(s), Some(e)) = (start, end) {
            if e <= s {
                self.fail(Field::ContractEnd, Reason::EndNotAfterStart);
            }
        }
        Some(TermRow { start: start?, end: end?, arr: arr?, status: status?, renewed_on, renewed_arr, churned_on })
    }
}
