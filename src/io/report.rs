//! What an import produced: the accounts, and every row it could not take, with why.

use crate::domain::Account;

use super::columns::Field;
use super::decode::Encoding;
use super::parse::ValueError;

/// Why a row was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The cell is empty (or its column is missing) but the row needs it.
    Required,
    /// Longer than `max` characters.
    TooLong { max: usize },
    /// The cell is not the kind of value its column holds.
    Invalid(ValueError),
    /// Not one of open / renewed / churned / 进行中 / 续约 / 流失.
    UnknownStatus,
    /// contract_end is on or before contract_start.
    EndNotAfterStart,
    /// A renewal or churn cell filled in on a row whose status does not have it.
    NotWithStatus,
    /// Same id and same contract_start as the row on `first_line`.
    DuplicateTerm { first_line: usize },
    /// The term on `line` (same id, earlier start) was not renewed, so no term can follow it.
    FollowsUnrenewedTerm { line: usize },
    /// Starts on or before the end of the term on `line` (same id).
    OverlapsTerm { line: usize },
    /// arr differs from renewed_arr of the term on `line`, which this term continues.
    DiffersFromRenewedArr { line: usize },
    /// Another row of the same account (on `line`) was rejected; importing the rest would
    /// give the account a false history.
    AccountRejected { line: usize },
    /// The id of the row on `first_line`, which names another customer: two customers share
    /// an id. This later row is rejected; the earlier one stays.
    IdOfAnotherCustomer { first_line: usize },
    /// More cells than the header has columns: usually an unquoted comma in a name.
    ExtraCells { expected: usize, found: usize },
}

/// One problem with one row. A rejected row has one or more of these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line of the file where the row starts.
    pub line: usize,
    /// The column's header as written in the file; `None` when the column is missing
    /// (see `field`) or the problem is the row as a whole.
    pub column: Option<String>,
    pub field: Option<Field>,
    /// The cell as written, trimmed ("" for a missing value).
    pub value: String,
    pub reason: Reason,
}

/// The outcome of reading rows into accounts. Every non-blank row is either imported (it is in
/// `accounts`) or has at least one entry in `errors`.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportReport {
    pub accounts: Vec<Account>,
    /// Sorted by line, then by column.
    pub errors: Vec<RowError>,
    /// Non-blank data rows in the file.
    pub rows: usize,
    pub imported_rows: usize,
    pub rejected_rows: usize,
    pub blank_rows: usize,
    /// Accounts whose id was generated because the file had none for them.
    pub generated_ids: usize,
    pub encoding: Encoding,
    /// The file had bytes invalid in `encoding`.
    pub had_errors: bool,
}

impl ImportReport {
    /// The lines of the rejected rows, ascending, each once.
    pub fn rejected_lines(&self) -> Vec<usize> {
        let mut lines: Vec<usize> = self.errors.iter().map(|e| e.line).collect();
        lines.dedup();
        lines
    }
}

/// Why the rows could not be read with a mapping at all (fix the mapping, not the file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MappingError {
    /// No column is mapped to the account name.
    NoNameColumn,
    /// Two columns feed the same field.
    FieldTwice(Field),
}
