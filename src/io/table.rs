//! Decoded text → a header and rows of cells, each row with the file line it starts on.

use super::columns::ColumnMapping;
use super::decode::{decode, detect_delimiter, Encoding};

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
/// the delimiter from the header line, splits it into rows and guesses the column mapping.
pub fn read_sheet(bytes: &[u8], force: Option<Encoding>) -> Result<Sheet, FileError> {
    let decoded = decode(bytes, force);
    let delimiter = detect_delimiter(&decoded.text);
    let (headers, rows, blank_rows) = split_rows(&decoded.text, delimiter)?;
    let mapping = ColumnMapping::guess(&headers);
    Ok(Sheet {
        encoding: decoded.encoding,
        had_errors: decoded.had_errors,
        delimiter,
        headers,
        rows,
        blank_rows,
        mapping,
    })
}

type Split = (Vec<String>, Vec<SheetRow>, usize);

/// Splits text into the header and data rows with their start lines, counting blank rows.
pub fn split_rows(text: &str, delimiter: u8) -> Result<Split, FileError> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut blank_rows = 0;
    let mut lines = LineCounter::new(text);
    // The last line of the previous non-blank record (0 before the header).
    let mut prev_last = 0;
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(prev_last + 1, |p| lines.line_of(p.byte() as usize));
                return Err(FileError::Malformed { line, detail: e.to_string() });
            }
        }
        // The reader's own line numbers drift with CRLF and skipped blank lines, so lines are
        // counted here from byte offsets: a record starts after any line breaks it skipped and
        // ends before its terminator.
        let bytes = text.as_bytes();
        let mut start = record.position().map_or(0, |p| p.byte() as usize);
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        let mut end = (reader.position().byte() as usize).min(bytes.len());
        while end > start && matches!(bytes[end - 1], b'\r' | b'\n') {
            end -= 1;
        }
        let first = lines.line_of(start);
        let last = lines.line_of(end.saturating_sub(1).max(start));
        let blank = record.iter().all(|c| c.trim().is_empty());
        match headers {
            // Blank lines before the header are not rows of the table.
            None if blank => continue,
            None => headers = Some(record.iter().map(|h| h.trim().to_string()).collect()),
            Some(_) => {
                blank_rows += first.saturating_sub(prev_last + 1);
                if blank {
                    blank_rows += last + 1 - first;
                } else {
                    let mut owned = record.clone();
                    owned.set_position(None);
                    rows.push(SheetRow { line: first, record: owned });
                }
            }
        }
        prev_last = last;
    }
    let headers = headers.ok_or(FileError::Empty)?;
    blank_rows += lines.total_lines().saturating_sub(prev_last);
    Ok((headers, rows, blank_rows))
}

/// Line numbers of byte offsets, asked in increasing order. A line ends at `\n`, `\r\n` or a
/// lone `\r`, as the CSV reader's record terminators do.
struct LineCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter { bytes: text.as_bytes(), pos: 0, line: 1 }
    }

    fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.bytes.len());
        while self.pos < offset {
            let b = self.bytes[self.pos];
            let lone_cr = b == b'\r' && self.bytes.get(self.pos + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                self.line += 1;
            }
            self.pos += 1;
        }
        self.line
    }

    /// Lines in the whole text; a final line break does not start another line.
    fn total_lines(&mut self) -> usize {
        let n = self.line_of(self.bytes.len());
        match self.bytes.last() {
            None => 0,
            Some(b'\n' | b'\r') => n - 1,
            Some(_) => n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(rows: &[SheetRow]) -> Vec<usize> {
        rows.iter().map(|r| r.line).collect()
    }

    #[test]
    fn quoted_newlines_report_the_first_line() {
        let text = "id,name\r\n1,\"two\r\nlines\"\r\n2,plain\r\n3,\"a, b \"\"c\"\"\"\r\n";
        let (h, rows, blank) = split_rows(text, b',').unwrap();
        assert_eq!(h, vec!["id", "name"]);
        assert_eq!(lines(&rows), vec![2, 4, 5]);
        assert_eq!(rows[0], SheetRow::new(2, ["1", "two\r\nlines"]));
        assert_eq!(rows[2], SheetRow::new(5, ["3", "a, b \"c\""]));
        assert_eq!(blank, 0);
    }

    #[test]
    fn blank_lines_and_empty_rows_are_counted() {
        // Lines: 1 header, 2 data, 3 empty, 4 ",,", 5 data, 6 empty, 7 "  ", 8 data, 9-10 empty.
        let text = "id,name\n1,a\n\n,,\n2,b\n\n  \n3,c\n\n\n";
        let (_, rows, blank) = split_rows(text, b',').unwrap();
        assert_eq!(lines(&rows), vec![2, 5, 8]);
        assert_eq!(blank, 6);
        let (_, rows, blank) = split_rows("a,b\r\n1,2\r\n\r\n,\r\n3,4\r\n\r\n", b',').unwrap();
        assert_eq!((lines(&rows), blank), (vec![2, 5], 3));
        let (_, rows, blank) = split_rows("\n\na,b\n1,2\r3,4", b',').unwrap();
        assert_eq!((lines(&rows), blank), (vec![4, 5], 0));
    }

    #[test]
    fn no_trailing_newline_and_ragged_rows() {
        let (_, rows, blank) = split_rows("a;b;c\n1;2\n1;2;3;4", b';').unwrap();
        assert_eq!(rows[0].cells().collect::<Vec<_>>(), vec!["1", "2"]);
        assert_eq!(rows[1].cells().collect::<Vec<_>>(), vec!["1", "2", "3", "4"]);
        assert_eq!((lines(&rows), blank), (vec![2, 3], 0));
    }

    #[test]
    fn empty_file_has_no_header() {
        assert_eq!(split_rows("", b','), Err(FileError::Empty));
        assert_eq!(split_rows("\n\n,,\n", b','), Err(FileError::Empty));
    }

    #[test]
    fn read_sheet_guesses_everything() {
        let bytes = b"\xEF\xBB\xBFid\tname\tnotes\n7\tAcme\tx\n";
        let s = read_sheet(bytes, None).unwrap();
        assert_eq!((s.encoding, s.delimiter, s.blank_rows), (Encoding::Utf8, b'\t', 0));
        assert_eq!(s.headers, vec!["id", "name", "notes"]);
        use super::super::columns::Field;
        assert_eq!(s.mapping.columns, vec![Some(Field::Id), Some(Field::Name), None]);
        assert_eq!(lines(&s.rows), vec![2]);
    }
}
