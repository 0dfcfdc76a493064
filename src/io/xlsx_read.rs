//! An .xlsx (Office Open XML SpreadsheetML) reader for the import: the file's bytes in, each
//! sheet's cells as text out, so the rest of the import treats a workbook like a CSV file.
//! Pure and native, tested with `cargo test --lib`.
//!
//! **What and why.** The counterpart of the writer in `xlsx.rs` and built the same way, with no
//! dependency beyond `miniz_oxide` (already linked): a small ZIP reader (end record → central
//! directory → local headers; entries stored or deflated) and a minimal tolerant XML scanner
//! for the few parts needed: `_rels/.rels`, the workbook and its relationships, the shared
//! strings, the styles (only to tell dates from numbers) and the worksheets. `quick-xml`, `zip`
//! or `calamine` would cost far more bundle than these few hundred lines.
//!
//! **Cell text.** Shared strings (rich-text runs joined, phonetic runs left out), inline strings,
//! formula results, booleans as `TRUE`/`FALSE`, errors as their text (`#N/A`), numbers in their
//! shortest exact form (`12000`, `0.5`; never `12000.0` or an exponent), and numbers in a date
//! format as ISO `YYYY-MM-DD` (the time of day dropped; Excel's 1900 and 1904 date systems).
//! Excel's `_xHHHH_` character escapes are decoded. Cells land in the column their reference
//! (`C5`) names and rows at their row number; gaps are filled with empty cells and rows, while
//! empty cells at the end of a row and empty rows at the end of a sheet are left out, so rows
//! may differ in length. A merged range keeps its text in its first cell only.
//!
//! **Limits.** A file whose parts unpack to more than 200 MB, or a sheet that would need more
//! than 4 M cells (gaps included), is refused with [`XlsxError::TooLarge`]. No input panics:
//! garbage, truncated or lying ZIP records and broken XML give an error or whatever could be read.

use chrono::NaiveDate;

/// The most all parts of a file may unpack to.
const MAX_UNPACKED: u64 = 200 * 1024 * 1024;
/// The most cells (gaps and empty rows included) one sheet may give.
const MAX_CELLS: usize = 1 << 22;
/// Excel's limits: 1,048,576 rows and 16,384 columns (A … XFD).
const MAX_ROWS: usize = 1 << 20;
const MAX_COLUMNS: usize = 1 << 14;

/// Why a file gave no workbook or no sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum XlsxError {
    /// Not a ZIP archive at all (and so no .xlsx).
    NotZip,
    /// A file of another kind, named by one of: `"xls"` (an OLE2 file: an old binary .xls, or a
    /// password-protected .xlsx, which Excel also stores that way), `"xlsb"` (binary workbook),
    /// `"numbers"` (Apple Numbers), `"docx"` (Word), `"pptx"` (PowerPoint), `"opendocument"`
    /// (.ods/.odt, LibreOffice), `"zip"` (any other ZIP archive).
    NotAWorkbook(&'static str),
    /// A workbook that could not be read; the text says where (for logs, not for users).
    Damaged(String),
    /// A workbook without any sheet.
    NoSheets,
    /// More than 200 MB unpacked, or a sheet of more than 4 M cells (gaps included).
    TooLarge,
}

/// What a file is, from a quick look at its bytes (for the message to the user).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A ZIP archive holding a workbook.
    Xlsx,
    /// An OLE2 compound file: an old binary .xls (or a password-protected .xlsx).
    Xls,
    /// A ZIP archive that is no workbook (.numbers, .docx, …).
    Zip,
    /// Text, such as CSV (also an empty file: the text reader reports it as empty).
    Text,
    /// None of these (an image, a PDF, …).
    Unknown,
}

const OLE2: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// What kind of file `bytes` is. Reads the ZIP directory when there is one, or else looks at the
/// first few kilobytes.
pub fn sniff(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(OLE2) {
        return FileKind::Xls;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return match Zip::new(bytes) {
            Ok(zip) if zip.entries.iter().any(|e| ends_with_ci(&e.name, "workbook.xml")) => FileKind::Xlsx,
            Ok(_) => FileKind::Zip,
            // A cut-off archive: look for a workbook's part names among the local headers.
            Err(_) if contains(bytes, b"xl/workbook") || contains(bytes, b"xl/worksheets/") => FileKind::Xlsx,
            Err(_) => FileKind::Zip,
        };
    }
    let head = &bytes[..bytes.len().min(4096)];
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) || head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return FileKind::Text;
    }
    let odd = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    if odd == 0 {
        FileKind::Text
    } else {
        FileKind::Unknown
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// An opened workbook: its sheet names, and what is needed to read any sheet's cells.
#[derive(Clone)]
pub struct Workbook {
    /// The sheets' names, in the workbook's order.
    pub sheets: Vec<String>,
    zip: Zip,
    /// Per sheet, the ZIP entry of its part (None when the workbook names a part it lacks).
    parts: Vec<Option<usize>>,
    strings: Vec<String>,
    /// Per cell style (`s`), whether its number format shows a date.
    date_styles: Vec<bool>,
    epoch: NaiveDate,
}

impl std::fmt::Debug for Workbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbook").field("sheets", &self.sheets).finish_non_exhaustive()
    }
}

/// Opens the workbook in `bytes`: reads its sheet names, shared strings and styles. The cells
/// are read sheet by sheet with [`Workbook::rows`].
pub fn open(bytes: &[u8]) -> Result<Workbook, XlsxError> {
    if bytes.starts_with(OLE2) {
        return Err(XlsxError::NotAWorkbook("xls"));
    }
    let zip = Zip::new(bytes)?;
    if zip.entries.iter().map(|e| u64::from(e.size)).sum::<u64>() > MAX_UNPACKED {
        return Err(XlsxError::TooLarge);
    }
    // The package relationships name the workbook part; most files use the usual name.
    let mut book_path = "xl/workbook.xml".to_string();
    if let Some(rels) = zip.text("_rels/.rels")? {
        if let Some(rel) = relationships(&rels, "").into_iter().find(|r| r.kind.ends_with("/officeDocument")) {
            if zip.find(&rel.target).is_some() {
                book_path = rel.target;
            }
        }
    }
    let Some(book) = zip.text(&book_path)? else {
        return Err(XlsxError::NotAWorkbook(other_kind(&zip).unwrap_or("zip")));
    };
    let dir = book_path.rsplit_once('/').map_or("", |(d, _)| d);
    let rels_path = if dir.is_empty() {
        format!("_rels/{book_path}.rels")
    } else {
        format!("{dir}/_rels/{}.rels", &book_path[dir.len() + 1..])
    };
    let rels = zip.text(&rels_path)?.map(|x| relationships(&x, dir)).unwrap_or_default();
    let part = |kind: &str, usual: &str| {
        rels.iter().find(|r| r.kind.ends_with(kind)).map(|r| r.target.clone()).unwrap_or_else(|| join(dir, usual))
    };

    let mut sheets = Vec::new();
    let mut parts = Vec::new();
    let mut date1904 = false;
    for tok in Xml::new(&book) {
        match tok {
            Tok::Open { name: "workbookPr", attrs, .. } => {
                date1904 = matches!(attr(attrs, "date1904").as_deref(), Some("1" | "true"));
            }
            Tok::Open { name: "sheet", attrs, .. } => {
                let n = sheets.len() + 1;
                let target = attr(attrs, "id")
                    .and_then(|id| rels.iter().find(|r| r.id == id))
                    .map(|r| r.target.clone())
                    .unwrap_or_else(|| join(dir, &format!("worksheets/sheet{n}.xml")));
                sheets.push(attr(attrs, "name").unwrap_or_else(|| format!("Sheet{n}")));
                parts.push(zip.find(&target));
            }
            _ => {}
        }
    }
    if sheets.is_empty() {
        return Err(XlsxError::NoSheets);
    }
    let strings = match zip.text(&part("/sharedStrings", "sharedStrings.xml"))? {
        Some(x) => shared_strings(&x),
        None => Vec::new(),
    };
    let date_styles = match zip.text(&part("/styles", "styles.xml"))? {
        Some(x) => styles(&x),
        None => Vec::new(),
    };
    let epoch = if date1904 { NaiveDate::from_ymd_opt(1904, 1, 1) } else { NaiveDate::from_ymd_opt(1899, 12, 30) };
    Ok(Workbook { sheets, zip, parts, strings, date_styles, epoch: epoch.unwrap_or_default() })
}

/// What a ZIP archive without a workbook part holds, when it is a known kind of document.
fn other_kind(zip: &Zip) -> Option<&'static str> {
    let has = |name: &str| zip.find(name).is_some();
    let under = |dir: &str| zip.entries.iter().any(|e| e.name.len() > dir.len() && starts_with_ci(&e.name, dir));
    if has("xl/workbook.bin") {
        Some("xlsb")
    } else if has("Index/Document.iwa") || under("Index/") {
        Some("numbers")
    } else if has("word/document.xml") {
        Some("docx")
    } else if has("ppt/presentation.xml") {
        Some("pptx")
    } else if has("mimetype") && has("content.xml") {
        Some("opendocument")
    } else {
        None
    }
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len() && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

impl Workbook {
    /// The cells of sheet `sheet` (an index into `sheets`) as text, row by row: rows and cells
    /// where the sheet puts them, gaps filled with empty rows and cells so column positions are
    /// kept; empty cells at a row's end and empty rows at the sheet's end left out.
    pub fn rows(&self, sheet: usize) -> Result<Vec<Vec<String>>, XlsxError> {
        let Some(&part) = self.parts.get(sheet) else {
            return Err(XlsxError::Damaged(format!("no sheet {sheet}")));
        };
        let Some(entry) = part else {
            return Err(XlsxError::Damaged(format!("sheet {sheet}: part missing")));
        };
        let xml = self.zip.read_text(entry)?;
        self.sheet_rows(&xml)
    }

    fn sheet_rows(&self, xml: &str) -> Result<Vec<Vec<String>>, XlsxError> {
        let mut grid = Grid::default();
        let mut next_row = 0usize;
        let mut row: Option<usize> = None;
        let mut next_col = 0usize;
        let mut cell: Option<CellState> = None;
        // Inside <v>, inside <t> (of an inline string) and inside <rPh> (phonetic text, left out).
        let (mut in_v, mut in_t, mut in_rph) = (false, false, false);
        for tok in Xml::new(xml) {
            match tok {
                Tok::Open { name: "row", attrs, empty } => {
                    let r = attr(attrs, "r").and_then(|r| r.trim().parse::<usize>().ok()).filter(|&r| r >= 1);
                    let r = r.map_or(next_row, |r| r - 1);
                    if r >= MAX_ROWS {
                        break;
                    }
                    next_row = r + 1;
                    next_col = 0;
                    row = if empty { None } else { Some(r) };
                }
                Tok::Close("row") => row = None,
                Tok::Open { name: "c", attrs, empty } => {
                    let Some(r) = row else { continue };
                    let col = attr(attrs, "r").and_then(|a| column_of(&a)).unwrap_or(next_col);
                    next_col = col + 1;
                    if empty || col >= MAX_COLUMNS {
                        continue;
                    }
                    let style = attr(attrs, "s").and_then(|s| s.trim().parse::<usize>().ok()).unwrap_or(0);
                    let kind = attr(attrs, "t").unwrap_or_default();
                    cell = Some(CellState { row: r, col, style, kind, value: String::new() });
                }
                Tok::Close("c") => {
                    if let Some(c) = cell.take() {
                        let text = self.cell_text(&c);
                        if !text.is_empty() {
                            grid.put(c.row, c.col, text)?;
                        }
                    }
                    (in_v, in_t, in_rph) = (false, false, false);
                }
                Tok::Open { name: "v", empty, .. } if cell.is_some() => in_v = !empty,
                Tok::Close("v") => in_v = false,
                Tok::Open { name: "t", empty, .. } if cell.is_some() => in_t = !empty,
                Tok::Close("t") => in_t = false,
                Tok::Open { name: "rPh", empty, .. } => in_rph = !empty,
                Tok::Close("rPh") => in_rph = false,
                Tok::Text(s) | Tok::CData(s) if in_v || (in_t && !in_rph) => {
                    if let Some(c) = cell.as_mut() {
                        if matches!(tok, Tok::CData(_)) {
                            c.value.push_str(s);
                        } else {
                            unescape_into(s, &mut c.value);
                        }
                    }
                }
                Tok::Close("sheetData") => break,
                _ => {}
            }
        }
        Ok(grid.finish())
    }

    fn cell_text(&self, c: &CellState) -> String {
        let v = c.value.as_str();
        match c.kind.as_str() {
            "s" => v.trim().parse::<usize>().ok().and_then(|i| self.strings.get(i)).cloned().unwrap_or_default(),
            "inlineStr" => decode_x(v),
            "str" | "e" => decode_x(v),
            "b" => match v.trim() {
                "1" | "true" | "TRUE" => "TRUE".into(),
                "0" | "false" | "FALSE" => "FALSE".into(),
                other => other.into(),
            },
            // An ISO 8601 date (rare: strict-mode files); the date part is kept.
            "d" => {
                let v = v.trim();
                match v.get(..10) {
                    Some(day) if NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok() => day.into(),
                    _ => v.into(),
                }
            }
            _ => {
                let v = v.trim();
                let Ok(n) = v.parse::<f64>() else { return v.into() };
                if !n.is_finite() {
                    return v.into();
                }
                if self.date_styles.get(c.style).copied().unwrap_or(false) {
                    if let Some(day) = date_of(n, self.epoch) {
                        return day;
                    }
                }
                if n == 0.0 {
                    "0".into()
                } else {
                    n.to_string()
                }
            }
        }
    }
}

struct CellState {
    row: usize,
    col: usize,
    style: usize,
    kind: String,
    value: String,
}

/// Rows of cells filled in any order, with the cell budget checked.
#[derive(Default)]
struct Grid {
    rows: Vec<Vec<String>>,
    cells: usize,
}

impl Grid {
    fn put(&mut self, row: usize, col: usize, text: String) -> Result<(), XlsxError> {
        if row >= self.rows.len() {
            self.cells += row + 1 - self.rows.len();
            self.check()?;
            self.rows.resize_with(row + 1, Vec::new);
        }
        let Some(cells) = self.rows.get_mut(row) else { return Ok(()) };
        if col >= cells.len() {
            self.cells += col + 1 - cells.len();
            if self.cells > MAX_CELLS {
                return Err(XlsxError::TooLarge);
            }
            cells.resize_with(col + 1, String::new);
        }
        if let Some(slot) = cells.get_mut(col) {
            *slot = text;
        }
        Ok(())
    }

    fn check(&self) -> Result<(), XlsxError> {
        if self.cells > MAX_CELLS {
            Err(XlsxError::TooLarge)
        } else {
            Ok(())
        }
    }

    fn finish(self) -> Vec<Vec<String>> {
        self.rows
    }
}

/// The 0-based column of a cell reference such as `C5` or `$AB$12`.
fn column_of(reference: &str) -> Option<usize> {
    let mut col = 0usize;
    let mut letters = 0;
    for b in reference.trim().bytes() {
        match b {
            b'$' if letters == 0 => {}
            b'A'..=b'Z' | b'a'..=b'z' => {
                letters += 1;
                if letters > 3 {
                    return None;
                }
                col = col * 26 + usize::from(b.to_ascii_uppercase() - b'A' + 1);
            }
            _ => break,
        }
    }
    if letters == 0 {
        None
    } else {
        Some(col - 1)
    }
}

/// The ISO day of serial `n` (days since `epoch`, the fraction a time of day, dropped).
fn date_of(n: f64, epoch: NaiveDate) -> Option<String> {
    // Round to the millisecond first, so 45000.99999999999 (a sum's rounding error) is day 45001.
    let days = ((n * 86_400_000.0).round() / 86_400_000.0).floor();
    if !(0.0..=2_958_465.0).contains(&days) {
        return None;
    }
    let day = epoch.checked_add_signed(chrono::Duration::try_days(days as i64)?)?;
    Some(day.format("%Y-%m-%d").to_string())
}

/// The shared strings, in order: each `<si>`'s text, rich-text runs joined, phonetic runs left out.
fn shared_strings(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    let (mut in_t, mut in_rph) = (false, false);
    for tok in Xml::new(xml) {
        match tok {
            Tok::Open { name: "si", empty, .. } => {
                if empty {
                    out.push(String::new());
                } else {
                    current = Some(String::new());
                }
            }
            Tok::Close("si") => {
                out.push(decode_x(&current.take().unwrap_or_default()));
                in_t = false;
            }
            Tok::Open { name: "t", empty, .. } => in_t = !empty,
            Tok::Close("t") => in_t = false,
            Tok::Open { name: "rPh", empty, .. } => in_rph = !empty,
            Tok::Close("rPh") => in_rph = false,
            Tok::Text(s) if in_t && !in_rph => {
                if let Some(c) = current.as_mut() {
                    unescape_into(s, c);
                }
            }
            Tok::CData(s) if in_t && !in_rph => {
                if let Some(c) = current.as_mut() {
                    c.push_str(s);
                }
            }
            _ => {}
        }
    }
    out
}

/// Per cell style (index into `cellXfs`), whether its number format shows a date.
fn styles(xml: &str) -> Vec<bool> {
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut out = Vec::new();
    let mut in_xfs = false;
    for tok in Xml::new(xml) {
        match tok {
            Tok::Open { name: "numFmt", attrs, .. } => {
                if let Some(id) = attr(attrs, "numFmtId").and_then(|i| i.trim().parse().ok()) {
                    custom.push((id, is_date_code(&attr(attrs, "formatCode").unwrap_or_default())));
                }
            }
            Tok::Open { name: "cellXfs", empty, .. } => in_xfs = !empty,
            Tok::Close("cellXfs") => in_xfs = false,
            Tok::Open { name: "xf", attrs, .. } if in_xfs => {
                let id: u32 = attr(attrs, "numFmtId").and_then(|i| i.trim().parse().ok()).unwrap_or(0);
                let date = match custom.iter().find(|(c, _)| *c == id) {
                    Some(&(_, date)) => date,
                    None => is_date_id(id),
                };
                out.push(date);
            }
            _ => {}
        }
    }
    out
}

/// Whether a built-in number format shows a date (or a time).
fn is_date_id(id: u32) -> bool {
    matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58)
}

/// Whether a number format code shows a date: it has a year or day, or a month without hours
/// or seconds (`mm` alone next to them is minutes). Quoted text, escaped characters and
/// bracketed parts (colours, locales) do not count; an elapsed time (`[h]:mm`) is no date.
fn is_date_code(code: &str) -> bool {
    let (mut y, mut m, mut d, mut time) = (false, false, false, false);
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '[' => {
                let mut inner = String::new();
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                    inner.push(q);
                }
                let lower = inner.to_ascii_lowercase();
                if !lower.is_empty() && lower.chars().all(|c| matches!(c, 'h' | 'm' | 's')) {
                    time = true;
                }
            }
            'y' | 'Y' => y = true,
            'm' | 'M' => m = true,
            'd' | 'D' => d = true,
            'h' | 'H' | 's' | 'S' => time = true,
            _ => {}
        }
    }
    if code.eq_ignore_ascii_case("general") {
        return false;
    }
    y || d || (m && !time)
}

/// A package relationship: its id, type and target part (resolved to a path in the archive).
struct Rel {
    id: String,
    kind: String,
    target: String,
}

fn relationships(xml: &str, dir: &str) -> Vec<Rel> {
    let mut out = Vec::new();
    for tok in Xml::new(xml) {
        if let Tok::Open { name: "Relationship", attrs, .. } = tok {
            if attr(attrs, "TargetMode").is_some_and(|m| m.eq_ignore_ascii_case("external")) {
                continue;
            }
            let (Some(id), Some(target)) = (attr(attrs, "Id"), attr(attrs, "Target")) else { continue };
            out.push(Rel { id, kind: attr(attrs, "Type").unwrap_or_default(), target: join(dir, &target) });
        }
    }
    out
}

/// The archive path of `target` as seen from folder `dir`: absolute (`/xl/…`) or relative, with
/// `.` and `..` resolved.
fn join(dir: &str, target: &str) -> String {
    let target = target.replace('\\', "/");
    let (base, rest) = match target.strip_prefix('/') {
        Some(abs) => ("", abs.to_string()),
        None => (dir, target),
    };
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for p in rest.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

// ---------------------------------------------------------------------------------------------
// XML: a tolerant pull scanner for the few parts read here.

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok<'a> {
    /// A start tag: its local name (the namespace prefix dropped), the raw attribute text, and
    /// whether it closes itself (`<c/>`).
    Open {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    Close(&'a str),
    /// Character data, entities still escaped.
    Text(&'a str),
    /// A CDATA section's content, taken as it is.
    CData(&'a str),
}

struct Xml<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Xml<'a> {
    fn new(s: &'a str) -> Self {
        Xml { s: s.strip_prefix('\u{FEFF}').unwrap_or(s), pos: 0 }
    }

    /// Moves past the first `end` from the current position (or to the end of the text) and
    /// returns what lay before it.
    fn skip_past(&mut self, from: usize, end: &str) -> &'a str {
        let rest = self.s.get(self.pos + from..).unwrap_or("");
        match rest.find(end) {
            Some(i) => {
                self.pos += from + i + end.len();
                &rest[..i]
            }
            None => {
                self.pos = self.s.len();
                rest
            }
        }
    }
}

impl<'a> Iterator for Xml<'a> {
    type Item = Tok<'a>;

    fn next(&mut self) -> Option<Tok<'a>> {
        loop {
            let rest = self.s.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.pos += end;
                return Some(Tok::Text(&rest[..end]));
            }
            if rest.starts_with("<!--") {
                self.skip_past(4, "-->");
                continue;
            }
            if rest.starts_with("<![CDATA[") {
                return Some(Tok::CData(self.skip_past(9, "]]>")));
            }
            if rest.starts_with("<?") {
                self.skip_past(2, "?>");
                continue;
            }
            if rest.starts_with("<!") {
                self.skip_past(2, ">");
                continue;
            }
            // A tag: up to the first '>' outside quotes.
            let bytes = rest.as_bytes();
            let mut quote = 0u8;
            let mut end = None;
            for (i, &b) in bytes.iter().enumerate().skip(1) {
                if quote != 0 {
                    if b == quote {
                        quote = 0;
                    }
                } else if b == b'"' || b == b'\'' {
                    quote = b;
                } else if b == b'>' {
                    end = Some(i);
                    break;
                }
            }
            let Some(end) = end else {
                self.pos = self.s.len();
                return None;
            };
            self.pos += end + 1;
            let inner = rest.get(1..end)?;
            if let Some(close) = inner.strip_prefix('/') {
                return Some(Tok::Close(local(close.trim())));
            }
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(i) => (i, true),
                None => (inner, false),
            };
            let name_end = inner.find(|c: char| c.is_ascii_whitespace()).unwrap_or(inner.len());
            let (name, attrs) = inner.split_at(name_end);
            return Some(Tok::Open { name: local(name), attrs, empty });
        }
    }
}

/// A name without its namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, l)| l)
}

/// The value of attribute `key` (matched by local name), unescaped.
fn attr(attrs: &str, key: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        let eq = rest.find('=')?;
        let name = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let body = &after[1..];
        let close = body.find(quote)?;
        if local(name) == key {
            let mut out = String::new();
            unescape_into(&body[..close], &mut out);
            return Some(out);
        }
        rest = &body[close + 1..];
    }
}

/// Appends `s` with XML's entity and character references replaced (unknown ones kept as written).
fn unescape_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => {
                let code = if let Some(hex) = entity.strip_prefix("#x").or_else(|| entity.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = entity.strip_prefix('#') {
                    dec.parse::<u32>().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32)
            }
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Excel's `_xHHHH_` escapes (a UTF-16 code unit each; `_x005F_` is a literal `_`) decoded.
fn decode_x(s: &str) -> String {
    if !s.contains("_x") {
        return s.to_string();
    }
    let mut units: Vec<u16> = Vec::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let b = rest.as_bytes();
        if b.len() >= 7 && b[0] == b'_' && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_' {
            if let Ok(u) = u16::from_str_radix(&rest[2..6], 16) {
                units.push(u);
                rest = &rest[7..];
                continue;
            }
        }
        let Some(c) = rest.chars().next() else { break };
        let mut buf = [0u16; 2];
        units.extend_from_slice(c.encode_utf16(&mut buf));
        rest = &rest[c.len_utf8()..];
    }
    String::from_utf16_lossy(&units)
}

// ---------------------------------------------------------------------------------------------
// ZIP: the central directory, and entries stored or deflated.

#[derive(Clone, Debug)]
struct Entry {
    /// The name, `\` turned into `/` and any leading `/` dropped.
    name: String,
    method: u16,
    flags: u16,
    packed: u32,
    size: u32,
    offset: u32,
}

#[derive(Clone)]
struct Zip {
    bytes: Vec<u8>,
    entries: Vec<Entry>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

impl Zip {
    fn new(bytes: &[u8]) -> Result<Zip, XlsxError> {
        let zipish = bytes.starts_with(b"PK");
        // The end record: 22 bytes and a comment of up to 65,535, found from the end.
        let lowest = bytes.len().saturating_sub(22 + 0xFFFF);
        let eocd = (lowest..=bytes.len().saturating_sub(22)).rev().find(|&i| u32_at(bytes, i) == Some(0x0605_4b50));
        let Some(eocd) = eocd else {
            return Err(if zipish {
                XlsxError::Damaged("no end of central directory".into())
            } else {
                XlsxError::NotZip
            });
        };
        let damaged = |what: &str| XlsxError::Damaged(format!("zip: {what}"));
        let count = u16_at(bytes, eocd + 10).ok_or_else(|| damaged("end record"))?;
        let cd_size = u32_at(bytes, eocd + 12).ok_or_else(|| damaged("end record"))? as usize;
        let mut cd = u32_at(bytes, eocd + 16).ok_or_else(|| damaged("end record"))? as usize;
        // Data before the archive (or a ZIP64 record) moves the directory: trust where it ends.
        if u32_at(bytes, cd) != Some(0x0201_4b50) {
            cd = eocd.saturating_sub(cd_size);
        }
        let mut entries = Vec::new();
        let mut at = cd;
        while u32_at(bytes, at) == Some(0x0201_4b50) {
            let field = |off: usize| u16_at(bytes, at + off).ok_or_else(|| damaged("central directory"));
            let field32 = |off: usize| u32_at(bytes, at + off).ok_or_else(|| damaged("central directory"));
            let (name_len, extra_len, comment_len) = (field(28)? as usize, field(30)? as usize, field(32)? as usize);
            let name = bytes.get(at + 46..at + 46 + name_len).ok_or_else(|| damaged("central directory"))?;
            let name = String::from_utf8_lossy(name).replace('\\', "/");
            entries.push(Entry {
                name: name.trim_start_matches('/').to_string(),
                flags: field(8)?,
                method: field(10)?,
                packed: field32(20)?,
                size: field32(24)?,
                offset: field32(42)?,
            });
            at += 46 + name_len + extra_len + comment_len;
            if entries.len() > 1 << 20 {
                return Err(XlsxError::TooLarge);
            }
        }
        if entries.is_empty() && count > 0 {
            return Err(damaged("central directory"));
        }
        Ok(Zip { bytes: bytes.to_vec(), entries })
    }

    /// The entry named `name` (ASCII case ignored, as OPC part names are).
    fn find(&self, name: &str) -> Option<usize> {
        let name = name.trim_start_matches('/');
        self.entries.iter().position(|e| e.name.eq_ignore_ascii_case(name))
    }

    /// The text of the part `name`, when the archive has it.
    fn text(&self, name: &str) -> Result<Option<String>, XlsxError> {
        match self.find(name) {
            Some(i) => self.read_text(i).map(Some),
            None => Ok(None),
        }
    }

    fn read_text(&self, index: usize) -> Result<String, XlsxError> {
        let data = self.read(index)?;
        Ok(match String::from_utf8(data) {
            Ok(s) => s,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        })
    }

    fn read(&self, index: usize) -> Result<Vec<u8>, XlsxError> {
        let e = self.entries.get(index).ok_or_else(|| XlsxError::Damaged("zip: no such entry".into()))?;
        let damaged = || XlsxError::Damaged(format!("zip: {}", e.name));
        if u64::from(e.size) > MAX_UNPACKED {
            return Err(XlsxError::TooLarge);
        }
        if e.flags & 1 != 0 {
            return Err(XlsxError::Damaged(format!("zip: {} is encrypted", e.name)));
        }
        let at = e.offset as usize;
        if u32_at(&self.bytes, at) != Some(0x0403_4b50) {
            return Err(damaged());
        }
        // Past the signature check, `at` is at least 4 bytes before the end: no overflow here.
        let name_len = u16_at(&self.bytes, at + 26).ok_or_else(damaged)? as usize;
        let extra_len = u16_at(&self.bytes, at + 28).ok_or_else(damaged)? as usize;
        let start = at + 30 + name_len + extra_len;
        let end = start.checked_add(e.packed as usize).ok_or_else(damaged)?;
        let data = self.bytes.get(start..end).ok_or_else(damaged)?;
        match e.method {
            0 => Ok(data.to_vec()),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_UNPACKED as usize).map_err(|err| {
                if err.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
                    XlsxError::TooLarge
                } else {
                    damaged()
                }
            }),
            m => Err(XlsxError::Damaged(format!("zip: {} uses compression method {m}", e.name))),
        }
    }
}

#[cfg(test)]
#[path = "xlsx_read_tests.rs"]
mod tests;
