//! Books in and out (issue 4): CSV import with validation, CSV export, JSON backup, demo book.
//!
//! Import is two steps so the user can correct the column mapping in between:
//! `read_sheet(bytes, encoding)` → `Sheet` (with a guessed `mapping`), then
//! `import(&sheet, &mapping)` → `ImportReport` (accounts and every rejected row), then
//! `merge::apply(&book, report.accounts, mode)` for the new book. Nothing is changed until the
//! caller stores that book.

pub mod accounts;
pub mod backup;
pub mod bench;
pub mod columns;
pub mod decode;
pub mod demo;
mod demo_words;
#[cfg(test)]
mod demo_tests;
pub mod describe;
pub mod export;
#[cfg(test)]
mod fixture_tests;
pub mod merge;
pub mod parse;
pub mod report;
#[cfg(test)]
mod roundtrip_tests;
pub mod rows;
pub mod table;

pub use accounts::import;
pub use columns::{ColumnMapping, Field};
pub use backup::{Backup, BackupError};
pub use decode::Encoding;
pub use describe::{describe, summary};
pub use export::export_csv;
pub use merge::{apply, MergeCounts, Mode};
pub use report::{ImportReport, MappingError, Reason, RowError};
pub use table::{read_sheet, FileError, Sheet, SheetRow};

/// Why a file gave no report at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportFailure {
    File(FileError),
    Mapping(MappingError),
}

/// The whole import in one call, with the guessed mapping: decode, split, map, validate and
/// build accounts. The UI uses the two steps instead when the user edits the mapping; the
/// benchmark harness times this.
pub fn import_bytes(bytes: &[u8], force: Option<Encoding>) -> Result<ImportReport, ImportFailure> {
    let sheet = read_sheet(bytes, force).map_err(ImportFailure::File)?;
    import(&sheet, &sheet.mapping).map_err(ImportFailure::Mapping)
}
