//! Export → import gives back the same book; backup → restore too.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::json;

use super::backup::{from_json, to_json, Backup};
use super::demo::generate;
use super::{export_csv, import, read_sheet, Encoding};
use crate::domain::{Account, Book, Outcome, Term};
use crate::i18n::Lang;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn round_trip(book: &Book) -> Book {
    round_trip_in(book, Lang::En)
}

fn round_trip_in(book: &Book, lang: Lang) -> Book {
    let bytes = super::export_csv_in(book, lang);
    let sheet = read_sheet(&bytes, None).unwrap();
    assert_eq!((sheet.encoding, sheet.delimiter), (Encoding::Utf8, b','));
    let report = import(&sheet, &sheet.mapping).unwrap();
    assert_eq!(report.errors, vec![], "export produced rows import rejects");
    assert_eq!(report.generated_ids, 0);
    Book { accounts: report.accounts }
}

fn tricky_book() -> Book {
    let t = |s: &str, e: &str, arr: f64, o: Outcome| Term { start: d(s), end: d(e), arr, outcome: o };
    let names = [
        "Smith, Jones & Co",
        "The \"Best\" Shop",
        "Line one\nline two",
        "Windows\r\nline",
        "华东智造科技（苏州）有限公司",
        "-foo",
        "=HYPERLINK(\"http://x\")",
        "+86 big",
        "@sum",
        "'=already quoted",
        "'plain apostrophe",
        "semi;colon\ttab",
    ];
    let mut accounts: Vec<Account> = names
        .iter()
        .enumerate()
        .map(|(i, n)| Account {
            id: format!("id-{i}"),
            name: n.to_string(),
            owner: if i % 2 == 0 { "王芳".into() } else { "-dash owner".into() },
            industry: "制造, 汽车".into(),
            terms: vec![t("2025-01-01", "2025-12-31", 1_000.0 + i as f64, Outcome::Open)],
            ..Default::default()
        })
        .collect();
    accounts.push(Account {
        id: "=id".into(),
        name: "Full history".into(),
        region: "华东".into(),
        potential_arr: Some(123_456.78),
        fit: Some(33.3),
        activity: Some(0.0),
        depth: Some(100.0),
        satisfaction: Some(66.6),
        health_override: Some(12.5),
        go_live: Some(d("2021-04-01")),
        last_touch: Some(d("2025-06-01")),
        referrals: 4,
        expansion_arr: 0.01,
        terms: vec![
            // Renewed early, a downsell into a two-year term.
            t("2021-02-01", "2022-01-31", 50_000.0, Outcome::Renewed(d("2021-11-15"))),
            t("2022-02-01", "2024-01-31", 45_000.5, Outcome::Renewed(d("2024-02-20"))),
            // Renewed late with a gap: the new contract starts at the renewal.
            t("2024-03-01", "2025-02-28", 60_000.0, Outcome::Churned(d("2025-01-15"))),
        ],
        ..Default::default()
    });
    accounts.push(Account {
        id: "odd".into(),
        name: "Odd-length terms".into(),
        terms: vec![
            t("2024-01-15", "2024-02-10", 100.0, Outcome::Renewed(d("2024-02-01"))),
            t("2024-02-11", "2024-03-08", 120.0, Outcome::Open),
        ],
        ..Default::default()
    });
    accounts.push(Account { id: "none".into(), name: "No terms yet".into(), ..Default::default() });
    Book { accounts }
}

#[test]
fn tricky_names_and_histories_survive() {
    let book = tricky_book();
    assert_eq!(round_trip(&book), book);
}

#[test]
fn exported_text_is_guarded() {
    let text = String::from_utf8(export_csv(&tricky_book())).unwrap();
    assert!(text.contains(",'-foo,") && text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
    assert!(text.contains("'=id,") && text.contains(",''=already quoted,") && text.contains(",'plain apostrophe,"));
    assert!(!text.contains(",-") && !text.contains(",="));
}

#[test]
fn demo_books_survive() {
    for lang in Lang::ALL {
        let book = generate(7, 600, d("2025-06-30"), lang);
        assert!(book.accounts.iter().any(|a| a.terms.len() >= 4));
        assert_eq!(round_trip(&book), book);
    }
}

#[test]
fn backup_of_a_demo_book_survives() {
    let book = generate(11, 300, d("2025-06-30"), Lang::Zh);
    let at: DateTime<Utc> = DateTime::parse_from_rfc3339("2025-07-01T00:00:00Z").unwrap().into();
    let backup = Backup::new(at, book, json!({"as_of": "2025-06-30"}), json!([]));
    assert_eq!(from_json(&to_json(&backup)), Ok(backup));
}

#[test]
fn exported_file_read_with_a_forced_encoding_says_so() {
    let bytes = export_csv(&tricky_book());
    let sheet = read_sheet(&bytes, Some(Encoding::Gb18030)).unwrap();
    // The UTF-8 bytes of the Chinese names are not valid GB18030 throughout.
    assert_eq!(sheet.encoding, Encoding::Gb18030);
    assert!(sheet.had_errors);
}

#[test]
fn a_chinese_export_has_chinese_headers_and_statuses_and_reads_back_exactly() {
    let book = generate(11, 300, d("2026-06-30"), Lang::Zh);
    let text = String::from_utf8(super::export_csv_in(&book, Lang::Zh)).unwrap();
    let head = text.lines().next().unwrap();
    assert!(head.contains("客户名称") && head.contains("合同到期") && head.contains("状态"), "{head}");
    assert!(text.contains(",续约,") && text.contains(",进行中,"));
    assert!(!text.contains(",renewed,"));
    assert_eq!(round_trip_in(&book, Lang::Zh), book);
    assert_eq!(round_trip_in(&tricky_book(), Lang::Zh), tricky_book());
}

/// A tiny deterministic generator for the mutations below.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &'a [&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
}

#[test]
fn whatever_the_app_exports_imports_back_to_the_same_book_over_mutated_books() {
    // Demo books in both languages, then mutated the way real books are odd: text that looks
    // like formulas or has separators, amounts in cents and at the bounds, scores at 0 and 100,
    // dates at the plausible range's ends, empty optional fields.
    let texts = ["", " ", "=1+1", "-5", "a,b;c\td", "引号\"中文\"", "'", "line\nbreak", "@x", "+86"];
    let amounts = [0.0, 0.01, 1.5, 999_999.99, 123_456_789.12, 1e12];
    let dates = ["1900-01-01", "1999-12-31", "2024-02-29", "2099-12-31"];
    for (seed, lang) in [(1u64, Lang::En), (2, Lang::Zh), (3, Lang::En)] {
        let mut book = generate(seed, 400, d("2026-06-30"), lang);
        let mut rng = Lcg(seed);
        for a in book.accounts.iter_mut() {
            match rng.next() % 6 {
                0 => a.industry = rng.pick(&texts).trim().to_string(),
                1 => a.owner = rng.pick(&texts).trim().to_string(),
                2 => a.potential_arr = Some(amounts[(rng.next() as usize) % amounts.len()]),
                3 => a.fit = Some([0.0, 100.0, 33.3, 66.67][(rng.next() as usize) % 4]),
                4 => a.go_live = Some(d(rng.pick(&dates))),
                _ => a.expansion_arr = amounts[(rng.next() as usize) % amounts.len()],
            }
        }
        for lang in Lang::ALL {
            assert_eq!(round_trip_in(&book, lang), book, "seed {seed}, export in {lang:?}");
        }
    }
}
