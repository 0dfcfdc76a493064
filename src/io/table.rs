//! A file read as a table: a header and rows of cells, each row with the file line it starts
//! on. `read_job.rs` reads CSV text into one, `sheet_from_rows` a workbook's sheet.

use super::columns::ColumnMapping;
use super::decode::Encoding;
use super::read_job::ReadJob;

/// One data row of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    /// 1-based line of the file where the row starts (the header is line 1; a quoted cell
    /// with line breaks makes a row span several lines).
    pub line: usize,
    /// One buffer for all cells: a file of 100,000 rows would otherwise be millions of strings.
    record: csv::StringRecord,
}

impl SheetRow {
    pub fn new<'a>(line: usize, cells: impl IntoIterator<Item = &'a str>) -> Self {
        SheetRow { line, record: cells.into_iter().collect() }
    }

    pub(super) fn from_record(line: usize, record: csv::StringRecord) -> Self {
        SheetRow { line, record }
    }

    /// The cell in column `i`, as written (quotes resolved, not trimmed).
    pub fn cell(&self, i: usize) -> Option<&str> {
        self.record.get(i)
    }

    pub fn cells(&self) -> impl DoubleEndedIterator<Item = &str> {
        self.record.iter()
    }

    pub fn len(&self) -> usize {
        self.record.len()
    }

    pub fn is_empty(&self) -> bool {
        self.record.is_empty()
    }
}

/// A file read as a table, before any cell is interpreted.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    pub encoding: Encoding,
    /// The file had bytes invalid in `encoding` (shown to the user: try the other encoding).
    pub had_errors: bool,
    pub delimiter: u8,
    pub headers: Vec<String>,
    /// Non-blank data rows, in file order.
    pub rows: Vec<SheetRow>,
    /// Lines with no content, and rows whose cells are all empty (`,,,` as Excel writes
    /// them): skipped, only counted.
    pub blank_rows: usize,
    /// The mapping guessed from the headers; the UI may edit a copy.
    pub mapping: ColumnMapping,
}

/// Why a file could not be read as a table at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// No header line.
    Empty,
    /// The CSV reader gave up (the message is the reader's own, for a bug report).
    Malformed { line: usize, detail: String },
    /// A file that is not a table this app reads: `"xls"` (an old binary Excel file, or a
    /// password-protected workbook), `"numbers"`, `"opendocument"`, `"zip"`, `"other"`…
    NotATable(&'static str),
    /// An .xlsx workbook that could not be read (the detail is for a bug report).
    DamagedWorkbook(String),
}

/// How many rows above the header a sheet may have (a title, a date, a blank line…).
const MAX_TITLE_ROWS: usize = 20;

/// A sheet from a workbook's rows (cells as text, dates already ISO): the header is the first
/// row, among the first few, that names at least two of the book's columns (or the name), so
/// title rows and merged headings above it are skipped. Line numbers are the sheet's row
/// numbers, as Excel shows them.
pub fn sheet_from_rows(rows: Vec<Vec<String>>) -> Result<Sheet, FileError> {
    let is_blank = |r: &[String]| r.iter().all(|c| c.trim().is_empty());
    let known = |r: &[String]| {
        let m = ColumnMapping::guess(r);
        (m.columns.iter().flatten().count(), m.column_of(super::columns::Field::Name).is_some())
    };
    let header_at = rows
        .iter()
        .take(MAX_TITLE_ROWS)
        .position(|r| {
            let (n, name) = known(r);
            n >= 2 || name
        })
        .or_else(|| rows.iter().position(|r| !is_blank(r)))
        .ok_or(FileError::Empty)?;
    let headers: Vec<String> = rows[header_at].iter().map(|h| h.trim().to_string()).collect();
    let mut data = Vec::new();
    let mut blank_rows = 0;
    for (i, r) in rows.iter().enumerate().skip(header_at + 1) {
        if is_blank(r) {
            blank_rows += 1;
        } else {
            data.push(SheetRow::new(i + 1, r.iter().map(String::as_str)));
        }
    }
    let mapping = ColumnMapping::guess(&headers);
    Ok(Sheet { encoding: Encoding::Utf8, had_errors: false, delimiter: b',', headers, rows: data, blank_rows, mapping })
}

/// Reads a whole file: decodes it (guessing the encoding unless `force` names one), detects
/// the delimiter from the header line, splits it into rows and guesses the column mapping. The
/// browser does the same in pieces (`ReadJob`).
pub fn read_sheet(bytes: &[u8], force: Option<Encoding>) -> Result<Sheet, FileError> {
    let mut job = ReadJob::text(force);
    loop {
        if let Some(done) = job.step(bytes, &mut || false) {
            return done;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_sheet_guesses_everything() {
        let bytes = b"\xEF\xBB\xBFid\tname\tnotes\n7\tAcme\tx\n";
        let s = read_sheet(bytes, None).unwrap();
        assert_eq!((s.encoding, s.delimiter, s.blank_rows), (Encoding::Utf8, b'\t', 0));
        assert_eq!(s.headers, vec!["id", "name", "notes"]);
        use super::super::columns::Field;
        assert_eq!(s.mapping.columns, vec![Some(Field::Id), Some(Field::Name), None]);
        assert_eq!(s.rows.iter().map(|r| r.line).collect::<Vec<_>>(), vec![2]);
    }
}
