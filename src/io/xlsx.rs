//! An .xlsx (Office Open XML SpreadsheetML) workbook writer for exporting the hiring plan.
//! Pure: sheets of cells in, the file's bytes out; the browser glue only wraps them in a Blob.
//!
//! **What and why.** The workbook is written by hand: a few small XML parts (content types,
//! package and workbook relationships, workbook, styles, shared strings, one part per sheet),
//! deflated with `miniz_oxide` — which the app already links for its storage codec
//! (`store::codec`) — and packed into a minimal ZIP container (local headers, central
//! directory, end record; CRC-32 computed here). Measured on the release bundle, calling it
//! adds about 3.7 KB gzip (11 KB raw wasm). The same writer over the maintained `zip` crate
//! (2.6, `default-features = false, features = ["deflate"]`) added about 62 KB gzip: its
//! `deflate` feature brings `flate2`, `zopfli`, a second `miniz_oxide` (0.9), `indexmap` and
//! `crc32fast`. `rust_xlsxwriter` builds on that same `zip` crate plus a full-featured writer
//! (formats, charts, tables), so it can only be larger; a plan export needs none of that.
//!
//! **What the file holds.** Text as shared strings (the form every reader supports),
//! XML-escaped, with control characters (but tab and line breaks) dropped and a literal
//! `_xHHHH_` protected from being read as an escape; numbers as numbers (non-finite ones as
//! empty cells); dates and months as serial day numbers (days since 1899-12-30, Excel's 1900
//! date system, right from 1900-03-01 on) with the number formats `yyyy-mm-dd` and `yyyy-mm`,
//! so Excel, WPS, LibreOffice and openpyxl read them back as dates. The first row of each sheet
//! is bold and, when rows follow it, frozen. Sheet names are made legal for Excel: no
//! `[]:*?/\` or control characters, not blank, no leading or trailing `'`, not "History", at
//! most 31 characters and unique ignoring case (a repeat gets " (2)", " (3)", …). Output is
//! deterministic (fixed ZIP timestamps), so equal sheets give equal bytes. Not handled, as a
//! plan never comes near them: Excel's limits of 32,767 characters a cell and 1,048,576 rows.

use std::collections::HashMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

/// One cell's value.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// Finite numbers only; NaN and ±∞ are written as empty cells.
    Number(f64),
    /// Shown with the sheet's date format (`yyyy-mm-dd`).
    Date(NaiveDate),
    /// A calendar month: its first day, shown as `yyyy-mm`. Any day of the month is accepted
    /// and written as the first.
    Month(NaiveDate),
}

/// One worksheet.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Sheet {
    pub name: String,
    /// The first row is the header (bold, frozen).
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in characters, from the first column (optional, may be empty or shorter
    /// than the rows; a width that is not positive and finite leaves that column's default).
    pub widths: Vec<f64>,
}

/// The .xlsx file holding `sheets` in order. A workbook needs at least one sheet, so an empty
/// slice gives one empty sheet named "Sheet1".
pub fn workbook(sheets: &[Sheet]) -> Vec<u8> {
    let blank = [Sheet { name: "Sheet1".into(), ..Sheet::default() }];
    let sheets = if sheets.is_empty() { &blank[..] } else { sheets };
    let names = sheet_names(sheets);
    let mut strings = Strings::default();
    let sheet_xml: Vec<String> = sheets.iter().map(|s| worksheet(s, &mut strings)).collect();

    let mut zip = Zip::default();
    zip.add("[Content_Types].xml", &content_types(sheets.len()));
    zip.add("_rels/.rels", ROOT_RELS);
    zip.add("xl/workbook.xml", &workbook_xml(&names));
    zip.add("xl/_rels/workbook.xml.rels", &workbook_rels(sheets.len()));
    zip.add("xl/styles.xml", STYLES);
    zip.add("xl/sharedStrings.xml", &strings.xml());
    for (i, xml) in sheet_xml.iter().enumerate() {
        zip.add(&format!("xl/worksheets/sheet{}.xml", i + 1), xml);
    }
    zip.finish()
}

/// The legal, unique names Excel will accept for `sheets`, in order.
pub fn sheet_names(sheets: &[Sheet]) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(sheets.len());
    for (i, sheet) in sheets.iter().enumerate() {
        let clean: String = sheet
            .name
            .chars()
            .filter(|c| !c.is_control())
            .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
            .collect();
        let mut base = clean.trim().trim_matches('\'').trim().to_string();
        if base.is_empty() || base.eq_ignore_ascii_case("history") {
            base = format!("Sheet{}", i + 1);
        }
        let mut name = truncate(&base, 31);
        let mut n = 2;
        while names.iter().any(|taken| same_name(taken, &name)) {
            let suffix = format!(" ({n})");
            name = truncate(&base, 31 - suffix.len()) + &suffix;
            n += 1;
        }
        names.push(name);
    }
    names
}

/// Excel compares sheet names ignoring case.
fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// The longest prefix of `s` within `units` UTF-16 code units (Excel's measure).
fn truncate(s: &str, units: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        used += c.len_utf16();
        if used > units {
            break;
        }
        out.push(c);
    }
    out.truncate(out.trim_end().len());
    out
}

/// Excel's serial day number: days since 1899-12-30 (right from 1900-03-01 on).
pub fn serial(date: NaiveDate) -> i64 {
    NaiveDate::from_ymd_opt(1899, 12, 30).map_or(0, |epoch| (date - epoch).num_days())
}

// Cell styles, indexes into `cellXfs` of STYLES: plain, date, month; +3 for bold.
const DATE: usize = 1;
const MONTH: usize = 2;
const BOLD: usize = 3;

const STYLES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
    r#"<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>"#,
    r#"<numFmt numFmtId="165" formatCode="yyyy-mm"/></numFmts>"#,
    r#"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
    r#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#,
    r#"<fills count="2"><fill><patternFill patternType="none"/></fill>"#,
    r#"<fill><patternFill patternType="gray125"/></fill></fills>"#,
    r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
    r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
    r#"<cellXfs count="6">"#,
    r#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
    r#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
    r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
    r#"<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#,
    r#"<xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>"#,
    r#"</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
    r#"</styleSheet>"#
);

const XML_DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_ML: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml";

const ROOT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" "#,
    r#"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" "#,
    r#"Target="xl/workbook.xml"/></Relationships>"#
);

fn content_types(sheets: usize) -> String {
    let mut x = format!(r#"{XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,);
    x += r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#;
    x += r#"<Default Extension="xml" ContentType="application/xml"/>"#;
    let part = |x: &mut String, name: &str, kind: &str| {
        let _ = write!(x, r#"<Override PartName="/xl/{name}" ContentType="{CT_ML}.{kind}+xml"/>"#);
    };
    part(&mut x, "workbook.xml", "sheet.main");
    part(&mut x, "styles.xml", "styles");
    part(&mut x, "sharedStrings.xml", "sharedStrings");
    for i in 1..=sheets {
        part(&mut x, &format!("worksheets/sheet{i}.xml"), "worksheet");
    }
    x + "</Types>"
}

fn workbook_xml(names: &[String]) -> String {
    let mut x = format!(r#"{XML_DECL}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">"#);
    x += r#"<bookViews><workbookView activeTab="0"/></bookViews><sheets>"#;
    for (i, name) in names.iter().enumerate() {
        let _ = write!(x, r#"<sheet name="{}" sheetId="{}" r:id="rId{}"/>"#, escape(name), i + 1, i + 1);
    }
    x + "</sheets></workbook>"
}

fn workbook_rels(sheets: usize) -> String {
    let mut x = format!(r#"{XML_DECL}<Relationships xmlns="{PKG_REL_NS}">"#);
    let rel = |x: &mut String, id: usize, kind: &str, target: &str| {
        let _ = write!(x, r#"<Relationship Id="rId{id}" Type="{REL_NS}/{kind}" Target="{target}"/>"#);
    };
    for i in 1..=sheets {
        rel(&mut x, i, "worksheet", &format!("worksheets/sheet{i}.xml"));
    }
    rel(&mut x, sheets + 1, "styles", "styles.xml");
    rel(&mut x, sheets + 2, "sharedStrings", "sharedStrings.xml");
    x + "</Relationships>"
}

/// The shared string table: each distinct text once, cells refer to it by index.
#[derive(Default)]
struct Strings {
    index: HashMap<String, usize>,
    list: Vec<String>,
    uses: usize,
}

impl Strings {
    fn id(&mut self, text: &str) -> usize {
        self.uses += 1;
        if let Some(&i) = self.index.get(text) {
            return i;
        }
        self.list.push(text.to_string());
        self.index.insert(text.to_string(), self.list.len() - 1);
        self.list.len() - 1
    }

    fn xml(&self) -> String {
        let mut x =
            format!(r#"{XML_DECL}<sst xmlns="{MAIN_NS}" count="{}" uniqueCount="{}">"#, self.uses, self.list.len());
        for s in &self.list {
            let text = escape(s);
            // Without this an XML reader may drop spaces at either end.
            let space = if text.trim() != text { r#" xml:space="preserve""# } else { "" };
            let _ = write!(x, "<si><t{space}>{text}</t></si>");
        }
        x + "</sst>"
    }
}

fn worksheet(sheet: &Sheet, strings: &mut Strings) -> String {
    let mut x = format!(r#"{XML_DECL}<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">"#);
    x += "<sheetViews><sheetView workbookViewId=\"0\">";
    if sheet.rows.len() > 1 {
        x += r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#;
        x += r#"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>"#;
    }
    x += "</sheetView></sheetViews>";
    let widths: Vec<(usize, f64)> =
        sheet.widths.iter().copied().enumerate().filter(|&(_, w)| w.is_finite() && w > 0.0).collect();
    if !widths.is_empty() {
        x += "<cols>";
        for (i, w) in widths {
            let col = i + 1;
            let _ = write!(x, r#"<col min="{col}" max="{col}" width="{}" customWidth="1"/>"#, w.min(255.0));
        }
        x += "</cols>";
    }
    x += "<sheetData>";
    for (r, row) in sheet.rows.iter().enumerate() {
        let bold = if r == 0 { BOLD } else { 0 };
        let mut cells = String::new();
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", column(c), r + 1);
            match cell {
                Cell::Text(s) => {
                    let style = if bold > 0 { format!(r#" s="{bold}""#) } else { String::new() };
                    let _ = write!(cells, r#"<c r="{at}"{style} t="s"><v>{}</v></c>"#, strings.id(s));
                }
                Cell::Number(n) if n.is_finite() => {
                    let style = if bold > 0 { format!(r#" s="{bold}""#) } else { String::new() };
                    let _ = write!(cells, r#"<c r="{at}"{style}><v>{n}</v></c>"#);
                }
                Cell::Date(d) => {
                    let _ = write!(cells, r#"<c r="{at}" s="{}"><v>{}</v></c>"#, DATE + bold, serial(*d));
                }
                Cell::Month(d) => {
                    let first = d.with_day(1).unwrap_or(*d);
                    let _ = write!(cells, r#"<c r="{at}" s="{}"><v>{}</v></c>"#, MONTH + bold, serial(first));
                }
                Cell::Number(_) | Cell::Empty => {}
            }
        }
        if !cells.is_empty() {
            let _ = write!(x, r#"<row r="{}">{cells}</row>"#, r + 1);
        }
    }
    x + "</sheetData></worksheet>"
}

/// Column letters of a 0-based index: A … Z, AA, … (Excel stops at XFD, 16,384 columns).
fn column(mut i: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    letters.iter().rev().map(|&b| b as char).collect()
}

/// Text as XML character data or attribute value: markup characters escaped, control
/// characters but tab and line breaks dropped (XML 1.0 cannot carry most of them), `\r` kept as
/// a reference (a parser would turn it into `\n`), and a literal `_xHHHH_` escaped as
/// `_x005F_xHHHH_` so Excel does not read it as a character code.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        match c {
            '&' => out += "&amp;",
            '<' => out += "&lt;",
            '>' => out += "&gt;",
            '"' => out += "&quot;",
            '\'' => out += "&apos;",
            '\r' => out += "&#13;",
            '\t' | '\n' => out.push(c),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            '_' if looks_escaped(&s[i..]) => out += "_x005F_",
            c => out.push(c),
        }
    }
    out
}

/// Whether `s` starts with `_xHHHH_`.
fn looks_escaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7 && b[1] == b'x' && b[2..6].iter().all(u8::is_ascii_hexdigit) && b[6] == b'_'
}

/// A minimal ZIP writer: deflated entries, no extras, fixed timestamp (1980-01-01 00:00).
#[derive(Default)]
struct Zip {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

impl Zip {
    fn add(&mut self, name: &str, text: &str) {
        let data = text.as_bytes();
        let packed = miniz_oxide::deflate::compress_to_vec(data, 6);
        let crc = crc32(data);
        let offset = self.out.len() as u32;
        // Shared by the local header (from "version needed") and the central one.
        let mut common = Vec::with_capacity(26);
        put16(&mut common, 20); // version needed: 2.0 (deflate)
        put16(&mut common, 0); // flags: none (the names are ASCII)
        put16(&mut common, 8); // method: deflate
        put16(&mut common, 0); // time 00:00
        put16(&mut common, 0x21); // date 1980-01-01
        put32(&mut common, crc);
        put32(&mut common, packed.len() as u32);
        put32(&mut common, data.len() as u32);
        put16(&mut common, name.len() as u16);
        put16(&mut common, 0); // extra field length

        put32(&mut self.out, 0x0403_4b50);
        self.out.extend_from_slice(&common);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(&packed);

        put32(&mut self.central, 0x0201_4b50);
        put16(&mut self.central, 20); // version made by: 2.0, MS-DOS
        self.central.extend_from_slice(&common);
        put16(&mut self.central, 0); // comment length
        put16(&mut self.central, 0); // disk number
        put16(&mut self.central, 0); // internal attributes
        put32(&mut self.central, 0); // external attributes
        put32(&mut self.central, offset);
        self.central.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let start = self.out.len() as u32;
        self.out.extend_from_slice(&self.central);
        put32(&mut self.out, 0x0605_4b50);
        put16(&mut self.out, 0); // this disk
        put16(&mut self.out, 0); // disk with the central directory
        put16(&mut self.out, self.entries);
        put16(&mut self.out, self.entries);
        put32(&mut self.out, self.central.len() as u32);
        put32(&mut self.out, start);
        put16(&mut self.out, 0); // comment length
        self.out
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as ZIP uses it; bit by bit, which is
/// small and fast enough for a workbook of a few megabytes.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
#[path = "xlsx_tests.rs"]
mod tests;
