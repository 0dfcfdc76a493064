//! An .xlsx brought to the import: the same preview and the same book as its CSV twin; a title
//! row above the header is skipped; other kinds of files are named and refused.

use super::xlsx::{workbook, Cell, Sheet as XSheet};
use super::{export_csv, import, read_sheet, read_table, workbook_sheets, FileError};
use crate::domain::typed::{parse_date, parse_number};
use crate::i18n::Lang;

fn d(s: &str) -> chrono::NaiveDate {
    crate::domain::dates::parse_iso(s).unwrap()
}

/// The CSV export of a book as a workbook, the way a person's Excel would hold it: a title row
/// and a blank row above the header, dates as date cells, amounts as numbers.
fn workbook_twin(csv: &[u8]) -> Vec<u8> {
    let sheet = read_sheet(csv, None).unwrap();
    let mut rows = vec![vec![Cell::Text("客户档案 2026".into())], vec![]];
    rows.push(sheet.headers.iter().map(|h| Cell::Text(h.clone())).collect());
    for r in &sheet.rows {
        rows.push(
            (0..sheet.headers.len())
                .map(|i| {
                    let text = r.cell(i).unwrap_or("");
                    let is_date = sheet.headers[i].ends_with("_on")
                        || sheet.headers[i].starts_with("contract_")
                        || matches!(sheet.headers[i].as_str(), "go_live" | "last_touch");
                    if text.is_empty() {
                        Cell::Empty
                    } else if is_date {
                        parse_date(text).map(Cell::Date).unwrap_or_else(|_| Cell::Text(text.into()))
                    } else if sheet.headers[i] != "id" && text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                        parse_number(text).map(Cell::Number).unwrap_or_else(|_| Cell::Text(text.into()))
                    } else {
                        Cell::Text(text.into())
                    }
                })
                .collect(),
        );
    }
    workbook(&[
        XSheet { name: "Book".into(), rows, widths: vec![] },
        XSheet { name: "Notes".into(), ..Default::default() },
    ])
}

#[test]
fn an_xlsx_twin_of_a_csv_gives_the_same_book() {
    let book = super::demo::generate(5, 300, d("2026-06-30"), Lang::En);
    let csv = export_csv(&book);
    let from_csv = read_sheet(&csv, None).unwrap();
    let expected = import(&from_csv, &from_csv.mapping).unwrap();
    let bytes = workbook_twin(&csv);
    assert_eq!(workbook_sheets(&bytes), Some(vec!["Book".to_string(), "Notes".to_string()]));
    let sheet = read_table(&bytes, None, 0).unwrap();
    assert_eq!(sheet.headers, from_csv.headers, "the title and blank rows above the header are skipped");
    let report = import(&sheet, &sheet.mapping).unwrap();
    assert_eq!(report.errors, vec![]);
    assert_eq!(report.accounts, expected.accounts);
    // A rejected row is named by the sheet's own row number (title 1, blank 2, header 3).
    assert_eq!(sheet.rows[0].line, 4);
}

#[test]
fn the_openpyxl_fixture_reads_below_its_title_row_and_names_its_sheets() {
    let bytes = include_bytes!("../../tests/fixtures/xlsx/customers_openpyxl.xlsx");
    assert_eq!(workbook_sheets(bytes), Some(vec!["客户".to_string(), "备注 Notes".to_string()]));
    let sheet = read_table(bytes, None, 0).unwrap();
    assert_eq!(sheet.headers, ["id", "name", "owner", "arr", "contract_start", "contract_end", "status"]);
    assert_eq!(sheet.rows.len(), 4);
    assert_eq!(sheet.rows[0].cell(4), Some("2025-03-01"), "a date cell reads as a date");
    let notes = read_table(bytes, None, 1).unwrap();
    assert_eq!(notes.headers, ["note"]);
    // A sheet index past the last reads the last sheet rather than failing.
    assert_eq!(read_table(bytes, None, 9).unwrap().headers, ["note"]);
}

#[test]
fn other_files_are_named_and_csv_still_reads() {
    let xls = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    assert_eq!(read_table(&xls, None, 0).unwrap_err(), FileError::NotATable("xls"));
    assert_eq!(workbook_sheets(&xls), None);
    let csv = "name,arr\nAcme,100\n".as_bytes();
    assert_eq!(read_table(csv, None, 0).unwrap().rows.len(), 1);
    assert_eq!(workbook_sheets(csv), None);
    // A truncated workbook: an error, never a panic.
    let bytes = include_bytes!("../../tests/fixtures/xlsx/customers_openpyxl.xlsx");
    for cut in (0..bytes.len()).step_by(211) {
        let _ = read_table(&bytes[..cut], None, 0);
    }
}

/// The fixture the app's own writer made (a second writer beside openpyxl): a title row above
/// the header, shared strings, date cells, amounts as numbers and a second sheet.
fn app_writer_fixture() -> Vec<u8> {
    let text = |s: &str| Cell::Text(s.into());
    let rows = vec![
        vec![text("客户档案（由 CS Planner 写出）")],
        vec![],
        ["id", "name", "owner", "arr", "contract_start", "contract_end", "status"].map(text).to_vec(),
        vec![
            text("W1"),
            text("华东智造"),
            text("王芳"),
            Cell::Number(120000.0),
            Cell::Date(d("2025-03-01")),
            Cell::Date(d("2026-02-28")),
            text("进行中"),
        ],
        vec![
            text("W2"),
            text("Acme & Co <Ltd>"),
            text("王芳"),
            Cell::Number(45000.5),
            Cell::Date(d("2024-07-15")),
            Cell::Date(d("2025-07-14")),
            text("open"),
        ],
    ];
    workbook(&[
        XSheet { name: "客户".into(), rows, widths: vec![] },
        XSheet { name: "备注".into(), rows: vec![vec![text("第二张表")]], widths: vec![] },
    ])
}

/// `cargo test --lib regenerate_app_writer_fixture -- --ignored` writes the checked-in copy.
#[test]
#[ignore]
fn regenerate_app_writer_fixture() {
    std::fs::write("tests/fixtures/xlsx/customers_app_writer.xlsx", app_writer_fixture()).unwrap();
}

#[test]
fn the_checked_in_app_writer_fixture_reads_and_imports() {
    let bytes = include_bytes!("../../tests/fixtures/xlsx/customers_app_writer.xlsx");
    assert_eq!(&bytes[..], &app_writer_fixture()[..], "the writer still writes the same bytes");
    assert_eq!(workbook_sheets(bytes), Some(vec!["客户".to_string(), "备注".to_string()]));
    let sheet = read_table(bytes, None, 0).unwrap();
    assert_eq!(sheet.rows[0].line, 4, "title and blank rows skipped");
    let r = import(&sheet, &sheet.mapping).unwrap();
    assert_eq!(r.errors, vec![]);
    assert_eq!(r.accounts.len(), 2);
    assert_eq!(r.accounts[1].name, "Acme & Co <Ltd>");
    assert_eq!(r.accounts[1].terms[0].arr, 45000.5);
    assert_eq!(r.accounts[0].terms[0].start, d("2025-03-01"));
}
