//! One test per file of tests/fixtures/csv: which rows import, and which are rejected on which
//! line, in which column, for which reason. Every data row is accounted for.

use chrono::NaiveDate;

use super::parse::ValueError::*;
use super::report::Reason::{self, *};
use super::{import, read_sheet, Encoding, ImportReport};
use crate::domain::{Account, Outcome, Term};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn load(name: &str) -> ImportReport {
    let path = format!("{}/tests/fixtures/csv/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    let sheet = read_sheet(&bytes, None).unwrap();
    let report = import(&sheet, &sheet.mapping).unwrap();
    assert_eq!(report.imported_rows + report.rejected_rows, report.rows, "{name}: rows unaccounted for");
    report
}

/// (line, column as in the file, value, reason) of every error.
fn errors(r: &ImportReport) -> Vec<(usize, Option<&str>, &str, Reason)> {
    r.errors.iter().map(|e| (e.line, e.column.as_deref(), e.value.as_str(), e.reason)).collect()
}

fn ids(r: &ImportReport) -> Vec<&str> {
    r.accounts.iter().map(|a| a.id.as_str()).collect()
}

fn term(start: &str, end: &str, arr: f64, outcome: Outcome) -> Term {
    Term { start: d(start), end: d(end), arr, outcome }
}

fn open_2025(arr: f64) -> Vec<Term> {
    vec![term("2025-01-01", "2025-12-31", arr, Outcome::Open)]
}

#[test]
fn bom_crlf() {
    let r = load("bom_crlf.csv");
    assert_eq!((r.encoding, r.rows, r.blank_rows, r.rejected_rows), (Encoding::Utf8, 4, 0, 0));
    assert_eq!(errors(&r), vec![]);
    let acme = Account {
        id: "A1".into(),
        name: "Acme Corp".into(),
        industry: "Software".into(),
        region: "West".into(),
        owner: "Alice".into(),
        fit: Some(80.0),
        activity: Some(72.5),
        go_live: Some(d("2023-03-01")),
        last_touch: Some(d("2025-05-20")),
        referrals: 2,
        expansion_arr: 1500.0,
        terms: vec![
            term("2023-01-01", "2023-12-31", 10_000.0, Outcome::Renewed(d("2023-12-15"))),
            term("2024-01-01", "2024-12-31", 12_000.0, Outcome::Renewed(d("2025-01-10"))),
            // Generated from the last row's renewal: whole months, so a year again.
            term("2025-01-01", "2025-12-31", 12_000.0, Outcome::Open),
        ],
        ..Default::default()
    };
    let globex = Account {
        id: "A2".into(),
        name: "Globex".into(),
        industry: "Retail".into(),
        region: "EMEA".into(),
        terms: vec![term("2024-06-01", "2025-05-31", 5_000.0, Outcome::Churned(d("2025-04-30")))],
        ..Default::default()
    };
    let initech = Account {
        id: "A3".into(),
        name: "Initech".into(),
        owner: "Bob".into(),
        terms: vec![term("2025-02-15", "2026-02-14", 800.0, Outcome::Open)],
        ..Default::default()
    };
    assert_eq!(r.accounts, vec![acme, globex, initech]);
}

#[test]
fn gbk_zh() {
    let r = load("gbk_zh.csv");
    assert_eq!((r.encoding, r.had_errors, r.rows), (Encoding::Gb18030, false, 4));
    assert_eq!(
        errors(&r),
        vec![(4, Some("健康度（手动）"), "120", Invalid(OutOfRange)), (5, Some("状态"), "待定", UnknownStatus)]
    );
    assert_eq!(ids(&r), vec!["Z1", "Z2"]);
    let z1 = &r.accounts[0];
    assert_eq!((z1.name.as_str(), z1.industry.as_str(), z1.owner.as_str()), ("华东智造科技", "制造", "王芳"));
    assert_eq!((z1.potential_arr, z1.health_override, z1.go_live), (Some(50_000.0), Some(85.0), Some(d("2024-03-05"))));
    assert_eq!(
        z1.terms,
        vec![
            term("2024-01-01", "2024-12-31", 12_000.0, Outcome::Renewed(d("2024-12-20"))),
            term("2025-01-01", "2025-12-31", 15_000.0, Outcome::Open),
        ]
    );
    assert_eq!(r.accounts[1].terms, vec![term("2024-07-01", "2025-06-30", 8_000.0, Outcome::Churned(d("2025-05-31")))]);
}

#[test]
fn quoted_newlines() {
    let r = load("quoted_newlines.csv");
    assert_eq!(r.rows, 5);
    assert_eq!(
        errors(&r),
        vec![(6, Some("arr"), "lots", Invalid(NotANumber)), (7, Some("contract_end"), "2025-01-31", EndNotAfterStart),]
    );
    let names: Vec<&str> = r.accounts.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, vec!["Smith, Jones & Co", "The \"Best\" Shop\nSecond line\nThird line", "华南\"星河\""]);
    assert_eq!(ids(&r), vec!["Q1", "Q2", "Q5"]);
}

#[test]
fn semicolon() {
    let r = load("semicolon.csv");
    assert_eq!(errors(&r), vec![(3, Some("arr"), "12,5", Invalid(NotANumber))]);
    assert_eq!(ids(&r), vec!["S1", "S3"]);
    let s3 = &r.accounts[1];
    assert_eq!((s3.name.as_str(), s3.terms[0].arr, s3.activity), ("Gamma; Delta", 12_000.5, Some(70.0)));
}

#[test]
fn tab() {
    let r = load("tab.csv");
    assert_eq!(errors(&r), vec![(3, Some("satisfaction"), "101", Invalid(OutOfRange))]);
    let t1 = &r.accounts[0];
    assert_eq!((t1.id.as_str(), t1.name.as_str(), t1.owner.as_str()), ("T1", "Padded Name", "Carol"));
    assert_eq!((t1.satisfaction, t1.terms.clone()), (Some(90.0), open_2025(7_000.0)));
}

#[test]
fn amounts() {
    let r = load("amounts.csv");
    assert_eq!(
        errors(&r),
        vec![(5, Some("arr"), "-500", Invalid(Negative)), (6, Some("arr"), "about 5k", Invalid(NotANumber))]
    );
    assert_eq!(ids(&r), vec!["M1", "M2", "M3", "M6"]);
    let got: Vec<(f64, Option<f64>, f64)> =
        r.accounts.iter().map(|a| (a.terms[0].arr, a.potential_arr, a.expansion_arr)).collect();
    assert_eq!(
        got,
        vec![
            (12_000.0, Some(12_000.5), 0.0),
            (12_000.0, Some(3_000.0), 3_500.5),
            (12_000.0, Some(50_000_000.0), 250.0),
            (10.01, None, 0.0),
        ]
    );
}

#[test]
fn excel_serial() {
    let r = load("excel_serial.csv");
    assert_eq!(
        errors(&r),
        vec![
            (3, Some("contract_start"), "0", Invalid(SerialOutOfRange)),
            (4, Some("contract_end"), "20251231", Invalid(SerialOutOfRange)),
        ]
    );
    assert_eq!(ids(&r), vec!["E1", "E4"]);
    for a in &r.accounts {
        assert_eq!(a.go_live, Some(d("2025-04-01")));
        assert_eq!(a.terms, open_2025(1_000.0));
    }
}

#[test]
fn blank_rows() {
    let r = load("blank_rows.csv");
    assert_eq!((r.rows, r.blank_rows, r.imported_rows), (3, 5, 2));
    assert_eq!(errors(&r), vec![(7, Some("name"), "", Required)]);
    assert_eq!(ids(&r), vec!["B1", "B2"]);
    assert_eq!(
        super::summary(&r, crate::i18n::Lang::En),
        "Accounts that can be imported: 2 (rows: 2). Rejected rows: 1. Blank rows skipped: 5."
    );
    assert_eq!(super::summary(&r, crate::i18n::Lang::Zh), "可导入 2 个客户（2 行）；1 行被拒绝；跳过 5 个空行。");
    assert_eq!(super::generated_ids_note(&r, crate::i18n::Lang::En), None);
}

#[test]
fn duplicate_ids() {
    let r = load("duplicate_ids.csv");
    assert_eq!(
        errors(&r),
        vec![
            // Another name under D1: another customer given the same id, not a repeated term.
            (4, Some("id"), "D1", IdOfAnotherCustomer { first_line: 2 }),
            (5, None, "", AccountRejected { line: 6 }),
            (6, Some("contract_start"), "2024-01-01", FollowsUnrenewedTerm { line: 5 }),
            (7, Some("contract_start"), "2025-01-01", FollowsUnrenewedTerm { line: 6 }),
            (8, None, "", AccountRejected { line: 9 }),
            (9, Some("arr"), "750", DiffersFromRenewedArr { line: 8 }),
        ]
    );
    assert_eq!((r.rows, r.imported_rows, r.rejected_rows), (8, 2, 6));
    assert_eq!(ids(&r), vec!["D1"]);
    assert_eq!(r.accounts[0].name, "Dup");
    assert_eq!(
        r.accounts[0].terms,
        vec![
            term("2024-01-01", "2024-12-31", 1_000.0, Outcome::Renewed(d("2024-12-01"))),
            term("2025-01-01", "2025-12-31", 1_100.0, Outcome::Open),
        ]
    );
}

#[test]
fn missing_required() {
    let r = load("missing_required.csv");
    assert_eq!(
        errors(&r),
        vec![
            (2, Some("name"), "", Required),
            (3, Some("contract_end"), "", Required),
            (4, Some("renewed_arr"), "", Required),
            (5, Some("churned_on"), "", Required),
            (6, Some("arr"), "", Required),
            (8, Some("churned_on"), "2024-11-30", NotWithStatus),
        ]
    );
    // A row without any contract column is an account without terms.
    assert_eq!(ids(&r), vec!["R6"]);
    assert_eq!((r.accounts[0].name.as_str(), r.accounts[0].terms.len()), ("No contract", 0));
}

#[test]
fn end_before_start() {
    let r = load("end_before_start.csv");
    assert_eq!(
        errors(&r),
        vec![
            (2, Some("contract_end"), "2025-01-01", EndNotAfterStart),
            (3, Some("contract_end"), "2025-01-01", EndNotAfterStart),
        ]
    );
    assert_eq!(ids(&r), vec!["X3"]);
    assert_eq!(r.accounts[0].terms, vec![term("2025-01-01", "2025-01-02", 1_000.0, Outcome::Open)]);
}

#[test]
fn unknown_columns_and_generated_ids() {
    let r = load("unknown_columns.csv");
    // The unquoted comma in "Pied Piper, Inc" shifts the row: 8 cells, and ARR lands empty.
    assert_eq!(errors(&r), vec![(3, None, "", ExtraCells { expected: 7, found: 8 }), (3, Some("ARR"), "", Required)]);
    // FNV-1a of "hooli" → gen-8db58d7ae193; the second Hooli gets "-2".
    assert_eq!(ids(&r), vec!["gen-8db58d7ae193", "gen-8db58d7ae193-2"]);
    assert_eq!(r.generated_ids, 2);
    assert_eq!(
        super::generated_ids_note(&r, crate::i18n::Lang::Zh).as_deref(),
        Some("2 个客户没有客户ID，已自动生成。")
    );
    let a = &r.accounts[0];
    assert_eq!((a.name.as_str(), a.owner.as_str(), a.terms.clone()), ("Hooli", "Dee", open_2025(9_000.0)));
    assert_eq!(r.accounts[1].terms, open_2025(500.0));
}

#[test]
fn two_customers_with_one_id_reject_only_the_later_row() {
    let csv = "id,name,arr,contract_start,contract_end,status\n\
               A7,Acme Robotics,12000,2025-01-01,2025-12-31,open\n\
               A7,Beta Foods,8000,2025-03-01,2026-02-28,open\n\
               A8,Gamma,500,2025-01-01,2025-12-31,open\n";
    let sheet = read_sheet(csv.as_bytes(), None).unwrap();
    let r = import(&sheet, &sheet.mapping).unwrap();
    assert_eq!(errors(&r), vec![(3, Some("id"), "A7", IdOfAnotherCustomer { first_line: 2 })]);
    assert_eq!(ids(&r), vec!["A7", "A8"], "the real A7 stays");
    assert_eq!(r.accounts[0].name, "Acme Robotics");
    assert_eq!((r.rows, r.imported_rows, r.rejected_rows), (3, 2, 1));
    let zh = super::describe(&r.errors[0], crate::i18n::Lang::Zh);
    assert!(zh.contains("第 2 行"), "{zh}");
}

#[test]
fn rejected_rows_download_keeps_the_columns_says_why_and_imports_once_fixed() {
    let csv = "id,name,arr,contract_start,contract_end,status,notes\n\
               A7,Acme Robotics,12000,2025-01-01,2025-12-31,open,x\n\
               A7,Beta Foods,8000,2025-03-01,2026-02-28,open,y\n\
               A9,Delta,lots,2025-01-01,2025-12-31,open,z\n";
    let sheet = read_sheet(csv.as_bytes(), None).unwrap();
    let r = import(&sheet, &sheet.mapping).unwrap();
    assert_eq!(r.rejected_rows, 2);
    let text = String::from_utf8(super::rejected_rows_csv(&sheet, &r, crate::i18n::Lang::En)).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "id,name,arr,contract_start,contract_end,status,notes,Problem");
    assert_eq!(lines.len(), 3, "one line a rejected row: {text}");
    assert!(lines[1].starts_with("A7,Beta Foods,8000,") && lines[1].contains("same id as line 2"));
    assert!(lines[2].starts_with("A9,Delta,lots,") && lines[2].contains("not a valid number"));
    // Fixed in a spreadsheet: its own id, a real amount. The Problem column is ignored.
    let fixed = text.replace("A7,Beta Foods", "B1,Beta Foods").replace(",lots,", ",900,");
    let sheet = read_sheet(fixed.as_bytes(), None).unwrap();
    let again = import(&sheet, &sheet.mapping).unwrap();
    assert_eq!(again.errors, vec![]);
    assert_eq!(ids(&again), vec!["B1", "A9"]);
}
