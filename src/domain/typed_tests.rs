use super::ValueError::*;
use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn numbers_in_every_written_form_of_section_0() {
    let table: &[(&str, f64)] = &[
        ("12000", 12_000.0),
        ("12,000", 12_000.0),
        ("12 000", 12_000.0),
        ("12\u{a0}000", 12_000.0),
        ("12，000", 12_000.0),
        ("1,234,567.5", 1_234_567.5),
        ("$12,000", 12_000.0),
        ("¥12,000", 12_000.0),
        ("￥ 12,000", 12_000.0),
        ("12万元", 120_000.0),
        ("1.2万", 12_000.0),
        ("150万", 1_500_000.0),
        ("0.5亿", 50_000_000.0),
        ("15k", 15_000.0),
        ("15K", 15_000.0),
        ("1.5M", 1_500_000.0),
        ("1.5m", 1_500_000.0),
        ("1.5 M", 1_500_000.0),
        ("2B", 2_000_000_000.0),
        ("2b", 2_000_000_000.0),
        ("$1.5M", 1_500_000.0),
        ("1.2E+05", 120_000.0),
        (".5", 0.5),
        ("0", 0.0),
        ("-3", -3.0),
        ("−3", -3.0),
        ("-$5", -5.0),
        ("$-5", -5.0),
        ("-0", 0.0),
        ("\u{3000}8000\u{a0}", 8_000.0),
        ("\u{feff}42", 42.0),
    ];
    for &(text, want) in table {
        assert_eq!(parse_number(text), Ok(want), "{text:?}");
    }
}

#[test]
fn garbage_is_refused_with_a_reason_and_never_panics() {
    let table: &[(&str, ValueError)] = &[
        ("", Empty),
        ("   ", Empty),
        ("abc", NotANumber),
        ("NaN", NotANumber),
        ("inf", NotANumber),
        ("1e999", NotANumber),
        ("+5", NotANumber),
        ("--5", NotANumber),
        ("-", NotANumber),
        ("万", NotANumber),
        ("M", NotANumber),
        ("12万万", NotANumber),
        ("1.5MM", NotANumber),
        ("12,5", NotANumber),
        ("1,23,456", NotANumber),
        ("12.000,50", NotANumber),
        ("1,000 000", NotANumber),
        ("€5", NotANumber),
        ("5 apples", NotANumber),
        ("1.2.3", NotANumber),
        ("0x10", NotANumber),
    ];
    for &(text, want) in table {
        assert_eq!(parse_number(text), Err(want), "{text:?}");
    }
    // Whatever the bytes, an answer and no panic.
    for text in ["\u{0}", "亿亿", "$", "¥-", "-$-5", "1e", "e5", "٣", "１２", "9".repeat(400).as_str()] {
        let _ = parse_number(text);
        let _ = parse_amount(text);
        let _ = parse_percent(text);
        let _ = parse_count(text);
        let _ = parse_date(text);
        let _ = parse_date_cell(text);
    }
}

#[test]
fn amounts_are_non_negative_bounded_and_in_cents() {
    assert_eq!(parse_amount("1,500,000"), Ok(1_500_000.0));
    assert_eq!(parse_amount("10.005"), Ok(10.01));
    assert_eq!(parse_amount("1.23456万"), Ok(12_345.6));
    assert_eq!(parse_amount("-5"), Err(Negative));
    assert_eq!(parse_amount("-0"), Ok(0.0));
    assert_eq!(parse_amount("20000亿"), Err(TooLarge));
    assert_eq!(parse_amount("1000B"), Ok(1e12));
    assert_eq!(parse_amount("1001B"), Err(TooLarge));
}

#[test]
fn rates_scores_and_counts() {
    assert_eq!(parse_percent("15%"), Ok(0.15));
    assert_eq!(parse_percent("15"), Ok(0.15));
    assert_eq!(parse_percent(" 15 ％ "), Ok(0.15));
    assert_eq!(parse_percent("0.5"), Ok(0.005));
    assert_eq!(parse_percent("-5"), Ok(-0.05));
    assert_eq!(parse_percent("%"), Err(Empty));
    assert_eq!(parse_score("85.5%"), Ok(85.5));
    assert_eq!(parse_score("100"), Ok(100.0));
    assert_eq!(parse_score("100.01"), Err(OutOfRange));
    assert_eq!(parse_score("-1"), Err(OutOfRange));
    assert_eq!(parse_count("3"), Ok(3));
    assert_eq!(parse_count("3.0"), Ok(3));
    assert_eq!(parse_count("1.2k"), Ok(1200));
    assert_eq!(parse_count("2.5"), Err(NotAnInteger));
    assert_eq!(parse_count("-1"), Err(Negative));
    assert_eq!(parse_count("5B"), Err(TooLarge));
}

#[test]
fn dates_in_every_written_form_of_section_0() {
    let table: &[(&str, NaiveDate)] = &[
        ("2026-03-31", d(2026, 3, 31)),
        ("2026-3-31", d(2026, 3, 31)),
        ("2026/3/31", d(2026, 3, 31)),
        ("2026/03/31", d(2026, 3, 31)),
        ("2026.3.31", d(2026, 3, 31)),
        ("2026年3月31日", d(2026, 3, 31)),
        ("2026年3月31号", d(2026, 3, 31)),
        (" 2026/3/31 0:00 ", d(2026, 3, 31)),
        ("2026-03-31 12:30:00", d(2026, 3, 31)),
        ("2100-12-31", d(2100, 12, 31)),
        ("1900-01-01", d(1900, 1, 1)),
    ];
    for &(text, want) in table {
        assert_eq!(parse_date(text), Ok(want), "{text:?}");
        assert_eq!(parse_date_cell(text), Ok(want), "{text:?}");
    }
}

#[test]
fn dates_refused_with_a_reason() {
    let table: &[(&str, ValueError)] = &[
        ("", Empty),
        ("2025-02-30", NoSuchDate),
        ("2025年2月30日", NoSuchDate),
        ("2025-13-01", NoSuchDate),
        ("3/5/2025", NotADate),
        ("25-3-5", NotADate),
        ("2025/3-5", NotADate),
        ("March 5, 2025", NotADate),
        ("2025-03-05x", NotADate),
        ("45721", NotADate),
        ("9026-06-21", YearOutOfRange),
        ("1026/6/21", YearOutOfRange),
        ("2101-01-01", YearOutOfRange),
    ];
    for &(text, want) in table {
        assert_eq!(parse_date(text), Err(want), "{text:?}");
    }
}

#[test]
fn cells_also_take_excel_serials() {
    // 45721 is what Excel shows for 2025-03-05; 61 is 1900-03-01, the first serial where
    // Excel's fictitious 1900-02-29 no longer matters.
    assert_eq!(parse_date_cell("45721"), Ok(d(2025, 3, 5)));
    assert_eq!(parse_date_cell("45721.75"), Ok(d(2025, 3, 5)));
    assert_eq!(parse_date_cell("61"), Ok(d(1900, 3, 1)));
    assert_eq!(parse_date_cell("1"), Err(YearOutOfRange));
    assert_eq!(parse_date_cell("2958465"), Err(YearOutOfRange));
    assert_eq!(parse_date_cell("2958466"), Err(SerialOutOfRange));
    assert_eq!(parse_date_cell("0"), Err(SerialOutOfRange));
    assert_eq!(parse_date_cell("20250305"), Err(SerialOutOfRange));
    assert_eq!(parse_date_cell("-45721"), Err(NotADate));
}
