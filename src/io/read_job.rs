//! A file's bytes → a `Sheet`, a piece at a time: each `step` works until the caller's clock
//! says stop, so the browser reads a 100,000-row file while the page stays responsive, and
//! says how far it got (`fraction`). `read_sheet` and `read_table` are this job run in one go.
//!
//! A file that is UTF-8 (or says nothing) is split from its own bytes, checked as it is read
//! (`split.rs`); at the first invalid cell it is decoded whole as `decode` says — GB18030 when
//! nothing was forced — and split again. Any other encoding is decoded whole first. A workbook
//! is read in one piece.

use super::columns::ColumnMapping;
use super::decode::{decode, detect_delimiter_in, Encoding};
use super::split::{SplitError, Splitter};
use super::table::{sheet_from_rows, FileError, Sheet};
use super::xlsx_read::{self, FileKind, XlsxError};

/// What the job reads the bytes as.
enum Kind {
    /// Sniff first: a workbook's sheet (this one), or text.
    Table(usize),
    Text,
}

pub struct ReadJob {
    kind: Kind,
    force: Option<Encoding>,
    encoding: Encoding,
    had_errors: bool,
    /// The text, once decoded; `None`: the file's own bytes from `start`.
    decoded: Option<String>,
    start: usize,
    splitter: Option<Splitter>,
    /// Bytes of the text (known once it is).
    len: usize,
}

impl ReadJob {
    /// CSV or TSV text, in the encoding `force` names, or the one guessed.
    pub fn text(force: Option<Encoding>) -> ReadJob {
        ReadJob {
            kind: Kind::Text,
            force,
            encoding: Encoding::Utf8,
            had_errors: false,
            decoded: None,
            start: 0,
            splitter: None,
            len: 0,
        }
    }

    /// Any table a person brings: an .xlsx workbook's sheet `sheet`, or text (see `read_table`).
    pub fn table(force: Option<Encoding>, sheet: usize) -> ReadJob {
        ReadJob { kind: Kind::Table(sheet), ..ReadJob::text(force) }
    }

    /// How much of the file is read, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        match &self.splitter {
            Some(s) if self.len > 0 => s.done_bytes() as f64 / self.len as f64,
            _ => 0.0,
        }
    }

    /// Reads on until `stop` says so (asked every few rows) or the sheet is read. The caller
    /// passes the same bytes to every step.
    pub fn step(&mut self, bytes: &[u8], stop: &mut dyn FnMut() -> bool) -> Option<Result<Sheet, FileError>> {
        if let Kind::Table(sheet) = self.kind {
            match xlsx_read::sniff(bytes) {
                // Bytes that are neither a workbook nor clean text are still tried as text.
                FileKind::Text | FileKind::Unknown => self.kind = Kind::Text,
                FileKind::Xls => return Some(Err(FileError::NotATable("xls"))),
                FileKind::Zip | FileKind::Xlsx => return Some(read_workbook(bytes, sheet)),
            }
        }
        self.begin(bytes);
        let text = match &self.decoded {
            Some(t) => t.as_bytes(),
            None => bytes.get(self.start..).unwrap_or_default(),
        };
        let splitter = self.splitter.as_mut()?;
        match splitter.step(text, stop)? {
            Ok((headers, rows, blank_rows)) => {
                let mapping = ColumnMapping::guess(&headers);
                let (encoding, had_errors, delimiter) = (self.encoding, self.had_errors, splitter.delimiter());
                Some(Ok(Sheet { encoding, had_errors, delimiter, headers, rows, blank_rows, mapping }))
            }
            Err(SplitError::File(e)) => Some(Err(e)),
            Err(SplitError::NotUtf8) if self.decoded.is_none() => {
                // Not UTF-8 after all: decoded whole, and split again from the start next step.
                self.decode_whole(bytes);
                None
            }
            // Decoded text is UTF-8 throughout.
            Err(SplitError::NotUtf8) => Some(Err(FileError::Malformed { line: 1, detail: "UTF-8".into() })),
        }
    }

    /// Chooses how to read the text, and the delimiter from its header line.
    fn begin(&mut self, bytes: &[u8]) {
        if self.splitter.is_some() {
            return;
        }
        let utf8_bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
        let other_bom = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
        let utf8 = match self.force {
            Some(e) => e == Encoding::Utf8,
            None => !other_bom,
        };
        if utf8 {
            // As `decode`: the mark is cut off, the bytes are the text.
            self.start = if utf8_bom { 3 } else { 0 };
            self.encoding = Encoding::Utf8;
            let text = bytes.get(self.start..).unwrap_or_default();
            self.len = text.len();
            self.splitter = Some(Splitter::new(detect_delimiter_in(text)));
        } else {
            self.decode_whole(bytes);
        }
    }

    fn decode_whole(&mut self, bytes: &[u8]) {
        let d = decode(bytes, self.force);
        self.encoding = d.encoding;
        self.had_errors = d.had_errors;
        self.len = d.text.len();
        self.splitter = Some(Splitter::new(detect_delimiter_in(d.text.as_bytes())));
        self.decoded = Some(d.text);
    }
}

fn read_workbook(bytes: &[u8], sheet: usize) -> Result<Sheet, FileError> {
    let rows = xlsx_read::open(bytes).and_then(|w| w.rows(sheet.min(w.sheets.len().saturating_sub(1))));
    match rows {
        Ok(rows) => sheet_from_rows(rows),
        Err(XlsxError::NotAWorkbook(kind)) => Err(FileError::NotATable(kind)),
        Err(XlsxError::NoSheets) => Err(FileError::Empty),
        Err(e) => Err(FileError::DamagedWorkbook(format!("{e:?}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::read_sheet;

    /// The job with a clock that says stop at every look, and how many steps it took.
    fn in_pieces(bytes: &[u8], force: Option<Encoding>) -> (Result<Sheet, FileError>, usize) {
        let mut job = ReadJob::table(force, 0);
        let mut steps = 1;
        loop {
            if let Some(done) = job.step(bytes, &mut || true) {
                return (done, steps);
            }
            steps += 1;
            assert!((0.0..=1.0).contains(&job.fraction()));
        }
    }

    /// "客户名称" in GBK.
    const GBK_NAME: [u8; 8] = [0xBF, 0xCD, 0xBB, 0xA7, 0xC3, 0xFB, 0xB3, 0xC6];

    fn rows_of(n: usize, first: &[u8]) -> Vec<u8> {
        let mut bytes = first.to_vec();
        bytes.extend_from_slice(b",arr\n");
        for i in 0..n {
            bytes.extend_from_slice(format!("c{i},{i}\n").as_bytes());
        }
        bytes
    }

    #[test]
    fn utf8_in_pieces_reads_as_whole() {
        let bytes = rows_of(300, "客户名称".as_bytes());
        let (sheet, steps) = in_pieces(&bytes, None);
        let sheet = sheet.unwrap();
        // 301 records, a look every 64: 5 steps.
        assert_eq!(steps, 5);
        assert_eq!(sheet, read_sheet(&bytes, None).unwrap());
        assert_eq!((sheet.encoding, sheet.had_errors, sheet.rows.len()), (Encoding::Utf8, false, 300));
        assert_eq!(sheet.rows[299].cell(0), Some("c299"));
    }

    #[test]
    fn gbk_is_found_and_read_again() {
        // The header is GBK: the first piece stops at it and the file is decoded as GB18030.
        let bytes = rows_of(100, &GBK_NAME);
        let (sheet, steps) = in_pieces(&bytes, None);
        let sheet = sheet.unwrap();
        assert_eq!((sheet.encoding, sheet.had_errors), (Encoding::Gb18030, false));
        assert_eq!(sheet.headers, vec!["客户名称", "arr"]);
        assert_eq!(sheet.rows.len(), 100);
        // One step finds it is not UTF-8, then 101 records at a look every 64: 2 more.
        assert_eq!(steps, 3);
    }

    #[test]
    fn a_late_invalid_byte_is_still_found() {
        // Valid UTF-8 for 200 rows, then one GBK cell: GB18030 after all, every row there.
        let mut bytes = rows_of(200, b"name");
        bytes.extend_from_slice(&GBK_NAME);
        bytes.extend_from_slice(b",1\n");
        let (sheet, _) = in_pieces(&bytes, None);
        let sheet = sheet.unwrap();
        assert_eq!((sheet.encoding, sheet.rows.len()), (Encoding::Gb18030, 201));
        assert_eq!(sheet.rows[200].cell(0), Some("客户名称"));
    }

    #[test]
    fn forced_utf8_reports_damage_as_decode_does() {
        let bytes = rows_of(3, &GBK_NAME);
        let (sheet, _) = in_pieces(&bytes, Some(Encoding::Utf8));
        let sheet = sheet.unwrap();
        assert_eq!((sheet.encoding, sheet.had_errors), (Encoding::Utf8, true));
        assert!(sheet.headers[0].contains('\u{fffd}'));
        // With a UTF-8 mark and nothing forced: the same, the mark cut off.
        let mut marked = vec![0xEF, 0xBB, 0xBF];
        marked.extend_from_slice(&bytes);
        let (sheet, _) = in_pieces(&marked, None);
        let sheet = sheet.unwrap();
        assert_eq!((sheet.encoding, sheet.had_errors), (Encoding::Utf8, true));
        assert!(sheet.headers[0].starts_with('\u{fffd}'));
    }

    #[test]
    fn utf16_and_forced_gbk_are_decoded_first() {
        let (sheet, steps) = in_pieces(&[0xFF, 0xFE, b'i', 0, b'd', 0, b'\n', 0, b'7', 0], None);
        let sheet = sheet.unwrap();
        assert_eq!((sheet.encoding, sheet.headers.clone(), steps), (Encoding::Utf16Le, vec!["id".to_string()], 1));
        assert_eq!(sheet.rows[0].cell(0), Some("7"));
        let (sheet, _) = in_pieces(b"ab,cd\n1,2\n", Some(Encoding::Gb18030));
        assert_eq!(sheet.unwrap().encoding, Encoding::Gb18030);
    }

    #[test]
    fn not_a_table_is_refused_at_once() {
        let (sheet, steps) = in_pieces(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], None);
        assert_eq!((sheet, steps), (Err(FileError::NotATable("xls")), 1));
        assert_eq!(in_pieces(b"", None).0, Err(FileError::Empty));
    }
}
