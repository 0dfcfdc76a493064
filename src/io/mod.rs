//! Books in and out (issue 4): CSV import with validation, CSV export, JSON backup, demo book.
//! Pure and native: no browser types, so all of it is tested with `cargo test --lib`.
//!
//! Import is two steps so the user can correct the column mapping in between:
//! `read_sheet(bytes, encoding)` → `Sheet` (with a guessed `mapping`), then
//! `import(&sheet, &mapping)` → `ImportReport` (accounts and every rejected row, which
//! `describe` words in the user's language), then `apply(&book, report.accounts, mode)` for the
//! new book. Nothing is changed until the caller stores that book. The browser runs both steps
//! a piece at a time (`ReadJob`, `ImportJob`: each step works until the caller's clock says
//! stop), so a 100,000-row file never holds the page; `read_sheet` and `import` are those jobs
//! run in one go.
//!
//! Out: `export_csv(&book)` (the same columns, read back to the same book),
//! `backup::to_json` / `backup::from_json`. `demo::generate` makes a realistic book.
//! Multi-term history (one row per term) is explained at the top of `accounts.rs`.

pub mod accounts;
pub mod backup;
pub mod bench;
pub mod columns;
pub mod decode;
pub mod demo;
#[cfg(test)]
mod demo_tests;
mod demo_words;
pub mod describe;
pub mod export;
#[cfg(test)]
mod fixture_tests;
pub mod import_job;
pub mod merge;
pub mod parse;
pub mod plan_export;
pub mod read_job;
pub mod report;
#[cfg(test)]
mod roundtrip_tests;
pub mod rows;
pub mod split;
pub mod table;
pub mod xlsx;
#[cfg(test)]
mod xlsx_import_tests;
pub mod xlsx_read;

pub use backup::{Backup, BackupError};
pub use columns::{ColumnMapping, Field};
pub use decode::Encoding;
pub use describe::{
    describe, describe_backup_error, describe_file_error, describe_mapping_error, encoding_note, generated_ids_note,
    merge_summary, rejected_rows_csv, summary,
};
pub use export::{export_csv, export_csv_in};
pub use import_job::{import, ImportJob};
pub use merge::{apply, MergeCounts, Mode};
pub use read_job::ReadJob;
pub use report::{ImportReport, MappingError, Reason, RowError};
pub use table::{read_sheet, sheet_from_rows, FileError, Sheet, SheetRow};

/// The sheets of an .xlsx workbook, by name; `None` for any other file.
pub fn workbook_sheets(bytes: &[u8]) -> Option<Vec<String>> {
    (xlsx_read::sniff(bytes) == xlsx_read::FileKind::Xlsx)
        .then(|| xlsx_read::open(bytes).ok().map(|w| w.sheets))
        .flatten()
}

/// Any table a person brings: an .xlsx workbook's sheet `sheet` (Excel or WPS), or CSV/TSV text
/// in UTF-8 or GBK (`force` names the encoding). Another kind of file (an old .xls, Numbers, a
/// document) is refused with what it is. The browser does the same in pieces (`ReadJob`).
pub fn read_table(bytes: &[u8], force: Option<Encoding>, sheet: usize) -> Result<Sheet, FileError> {
    let mut job = read_job::ReadJob::table(force, sheet);
    loop {
        if let Some(done) = job.step(bytes, &mut || false) {
            return done;
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_file_failures_are_typed() {
        assert_eq!(import_bytes(b"", None), Err(ImportFailure::File(FileError::Empty)));
        assert_eq!(import_bytes(b"\xEF\xBB\xBF\r\n\r\n", None), Err(ImportFailure::File(FileError::Empty)));
        let no_name = b"id,arr\n1,100\n";
        assert_eq!(import_bytes(no_name, None), Err(ImportFailure::Mapping(MappingError::NoNameColumn)));
    }

    #[test]
    fn an_edited_mapping_is_used() {
        // "公司" is no known header; the user maps it to the name, and ignores "arr".
        let sheet = read_sheet("公司,arr\n华东智造,100\n".as_bytes(), None).unwrap();
        assert_eq!(sheet.mapping.columns, vec![None, Some(Field::Arr)]);
        let mapping = ColumnMapping { columns: vec![Some(Field::Name), None] };
        let r = import(&sheet, &mapping).unwrap();
        assert_eq!((r.accounts.len(), r.accounts[0].name.as_str(), r.accounts[0].terms.len()), (1, "华东智造", 0));
        let twice = ColumnMapping { columns: vec![Some(Field::Name), Some(Field::Name)] };
        assert_eq!(import(&sheet, &twice), Err(MappingError::FieldTwice(Field::Name)));
    }
}
