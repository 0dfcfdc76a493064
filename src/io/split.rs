//! Text → a header and rows of cells, each row with the file line it starts on, a piece at a
//! time: `Splitter::step` reads records until the caller's clock says stop, so the browser can
//! split a 100,000-row file without holding the page. `split_rows` does it in one go.
//!
//! Each step starts a CSV reader where the last one stopped: a piece always ends at a record
//! boundary, where the reader has no state left, so the pieces read exactly as the whole.
//!
//! The text may be a file's own bytes, not yet known to be UTF-8: every cell is checked as it
//! is read (the delimiters, quotes and line breaks are ASCII, so the cells hold every other
//! byte), and the first invalid one stops the split with `SplitError::NotUtf8`, for the caller
//! to decode the file another way. A UTF-8 file is thus never copied nor checked twice.

use super::table::{FileError, SheetRow};

/// Records read between two looks at the clock.
const RECORDS_PER_LOOK: usize = 64;

/// Header, data rows, blank rows.
pub type Split = (Vec<String>, Vec<SheetRow>, usize);

/// Why a split stopped short.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// A cell is not valid UTF-8.
    NotUtf8,
    File(FileError),
}

/// A split in progress over one text (the caller passes the same text to every step).
pub struct Splitter {
    delimiter: u8,
    /// Byte offset where the next step starts reading.
    pos: usize,
    lines: LineCounter,
    headers: Option<Vec<String>>,
    rows: Vec<SheetRow>,
    blank_rows: usize,
    /// The last line of the previous non-blank record (0 before the header).
    prev_last: usize,
    record: csv::StringRecord,
}

impl Splitter {
    pub fn new(delimiter: u8) -> Splitter {
        Splitter {
            delimiter,
            pos: 0,
            lines: LineCounter::default(),
            headers: None,
            rows: Vec::new(),
            blank_rows: 0,
            prev_last: 0,
            record: csv::StringRecord::new(),
        }
    }

    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Bytes of the text read so far.
    pub fn done_bytes(&self) -> usize {
        self.pos
    }

    /// Reads records of `text` until `stop` says so (asked every few records) or the text ends;
    /// the split once the text is read.
    pub fn step(&mut self, bytes: &[u8], stop: &mut dyn FnMut() -> bool) -> Option<Result<Split, SplitError>> {
        let base = self.pos;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .from_reader(&bytes[base..]);
        let mut count = 0;
        loop {
            match reader.read_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) if matches!(e.kind(), csv::ErrorKind::Utf8 { .. }) => return Some(Err(SplitError::NotUtf8)),
                Err(e) => {
                    let line = e
                        .position()
                        .map_or(self.prev_last + 1, |p| self.lines.line_of(bytes, base + p.byte() as usize));
                    return Some(Err(SplitError::File(FileError::Malformed { line, detail: e.to_string() })));
                }
            }
            let start = base + self.record.position().map_or(0, |p| p.byte() as usize);
            let end = base + reader.position().byte() as usize;
            self.take(bytes, start, end);
            count += 1;
            if count % RECORDS_PER_LOOK == 0 && stop() {
                self.pos = end.min(bytes.len());
                return None;
            }
        }
        self.pos = bytes.len();
        let headers = match self.headers.take() {
            Some(h) => h,
            None => return Some(Err(SplitError::File(FileError::Empty))),
        };
        let blank_rows = self.blank_rows + self.lines.total_lines(bytes).saturating_sub(self.prev_last);
        Some(Ok((headers, std::mem::take(&mut self.rows), blank_rows)))
    }

    /// The record just read, which spans bytes `start..end` of the text with its terminator.
    fn take(&mut self, bytes: &[u8], mut start: usize, end: usize) {
        // The reader's own line numbers drift with CRLF and skipped blank lines, so lines are
        // counted here from byte offsets: a record starts after any line breaks it skipped and
        // ends before its terminator.
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        let mut end = end.min(bytes.len());
        while end > start && matches!(bytes[end - 1], b'\r' | b'\n') {
            end -= 1;
        }
        let first = self.lines.line_of(bytes, start);
        let last = self.lines.line_of(bytes, end.saturating_sub(1).max(start));
        let blank = self.record.iter().all(|c| c.trim().is_empty());
        match self.headers {
            // Blank lines before the header are not rows of the table.
            None if blank => return,
            None => self.headers = Some(self.record.iter().map(|h| h.trim().to_string()).collect()),
            Some(_) => {
                self.blank_rows += first.saturating_sub(self.prev_last + 1);
                if blank {
                    self.blank_rows += last + 1 - first;
                } else {
                    let mut owned = self.record.clone();
                    owned.set_position(None);
                    self.rows.push(SheetRow::from_record(first, owned));
                }
            }
        }
        self.prev_last = last;
    }
}

/// Splits text into the header and data rows with their start lines, counting blank rows.
pub fn split_rows(text: &str, delimiter: u8) -> Result<Split, FileError> {
    let mut splitter = Splitter::new(delimiter);
    loop {
        match splitter.step(text.as_bytes(), &mut || false) {
            None => {}
            Some(Ok(split)) => return Ok(split),
            Some(Err(SplitError::File(e))) => return Err(e),
            // Text is UTF-8 throughout.
            Some(Err(SplitError::NotUtf8)) => return Err(FileError::Malformed { line: 1, detail: "UTF-8".into() }),
        }
    }
}

/// Line numbers of byte offsets, asked in increasing order. A line ends at `\n`, `\r\n` or a
/// lone `\r`, as the CSV reader's record terminators do.
struct LineCounter {
    pos: usize,
    line: usize,
}

impl Default for LineCounter {
    fn default() -> Self {
        LineCounter { pos: 0, line: 1 }
    }
}

impl LineCounter {
    fn line_of(&mut self, bytes: &[u8], offset: usize) -> usize {
        let offset = offset.min(bytes.len());
        while self.pos < offset {
            let b = bytes[self.pos];
            let lone_cr = b == b'\r' && bytes.get(self.pos + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                self.line += 1;
            }
            self.pos += 1;
        }
        self.line
    }

    /// Lines in the whole text; a final line break does not start another line.
    fn total_lines(&mut self, bytes: &[u8]) -> usize {
        let n = self.line_of(bytes, bytes.len());
        match bytes.last() {
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

    /// A clock that says stop at every look: the most pieces a text can be read in.
    fn in_pieces(text: &str) -> (Result<Split, SplitError>, usize) {
        let mut splitter = Splitter::new(b',');
        let mut steps = 1;
        loop {
            if let Some(done) = splitter.step(text.as_bytes(), &mut || true) {
                return (done, steps);
            }
            steps += 1;
        }
    }

    #[test]
    fn read_in_pieces_it_is_the_same_split() {
        // 200 rows, every 7th spanning two lines, every 11th followed by a blank line and ending
        // with CRLF: the pieces end at all kinds of record boundaries.
        let mut text = String::from("id,name\r\n");
        for i in 0..200 {
            let name = if i % 7 == 0 { format!("\"two\nlines {i}\"") } else { format!("n{i}") };
            let end = if i % 11 == 0 { "\r\n\r\n" } else { "\n" };
            text.push_str(&format!("{i},{name}{end}"));
        }
        let whole = split_rows(&text, b',').unwrap();
        let (pieces, steps) = in_pieces(&text);
        // The header and 200 rows, a look every 64 records: 4 steps.
        assert_eq!(steps, 4);
        assert_eq!(pieces.unwrap(), whole);
        let (_, rows, blank) = whole;
        assert_eq!((rows.len(), blank), (200, 19));
        // Row 0 is on line 2 and spans lines 2-3, then a blank line 4; row 1 is on line 5.
        assert_eq!(lines(&rows[..3]), vec![2, 5, 6]);
        assert_eq!(rows[199].line, 2 + 200 + 29 + 19 - 1);
    }

    #[test]
    fn a_malformed_record_in_a_later_piece_names_its_line() {
        let mut text = String::from("a,b\n");
        for i in 0..100 {
            text.push_str(&format!("{i},x\n"));
        }
        // Invalid UTF-8 cannot be in a &str; the CSV reader's only other error is an
        // unterminated quote, which it accepts at the end: any text splits, and the last row
        // keeps its quote's content.
        text.push_str("101,\"open\n");
        let (pieces, _) = in_pieces(&text);
        let (_, rows, _) = pieces.unwrap();
        assert_eq!(rows.len(), 101);
        assert_eq!(rows[100].cell(1), Some("open\n"));
        assert_eq!(rows[100].line, 102);
    }

    #[test]
    fn bytes_that_are_not_utf8_stop_the_split() {
        // "客户" in GBK, in the 100th row: found in the second piece.
        let mut bytes = b"a,b\n".to_vec();
        for i in 0..99 {
            bytes.extend_from_slice(format!("{i},x\n").as_bytes());
        }
        bytes.extend_from_slice(&[b'9', b',', 0xBF, 0xCD, 0xBB, 0xA7, b'\n']);
        let mut splitter = Splitter::new(b',');
        assert_eq!(splitter.step(&bytes, &mut || true), None);
        assert_eq!(splitter.step(&bytes, &mut || true), Some(Err(SplitError::NotUtf8)));
    }
}
