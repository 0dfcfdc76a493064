//! The .xlsx writer: the files are unzipped here (central directory, local headers, inflate,
//! CRC) and their XML parts checked.

use chrono::NaiveDate;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn text(s: &str) -> Cell {
    Cell::Text(s.into())
}

fn u16_at(b: &[u8], at: usize) -> usize {
    u16::from_le_bytes([b[at], b[at + 1]]) as usize
}

fn u32_at(b: &[u8], at: usize) -> usize {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
}

/// The entries of a ZIP file in order, as (name, UTF-8 text), read the way a strict reader
/// does: from the end record through the central directory to each local header, with the
/// sizes and CRC of both headers checked against the data.
fn unzip(zip: &[u8]) -> Vec<(String, String)> {
    let end = zip.len() - 22;
    assert_eq!(u32_at(zip, end), 0x0605_4b50, "end of central directory record");
    let (count, cd_size, cd_start) = (u16_at(zip, end + 10), u32_at(zip, end + 12), u32_at(zip, end + 16));
    assert_eq!(cd_start + cd_size, end, "the central directory ends where the end record starts");
    let mut entries = Vec::new();
    let mut at = cd_start;
    for _ in 0..count {
        let central = at;
        assert_eq!(u32_at(zip, at), 0x0201_4b50, "central header");
        let (method, crc, packed, size) =
            (u16_at(zip, at + 10), u32_at(zip, at + 16), u32_at(zip, at + 20), u32_at(zip, at + 24));
        let name_len = u16_at(zip, at + 28);
        let extra_comment = u16_at(zip, at + 30) + u16_at(zip, at + 32);
        let local = u32_at(zip, at + 42);
        let name = std::str::from_utf8(&zip[at + 46..at + 46 + name_len]).unwrap().to_string();
        at += 46 + name_len + extra_comment;

        assert_eq!(u32_at(zip, local), 0x0403_4b50, "local header of {name}");
        // Version needed, flags, method, time, date, CRC, sizes, name length: as in the central.
        assert_eq!(&zip[local + 4..local + 28], &zip[central + 6..central + 30], "headers of {name} agree");
        assert_eq!(&zip[local + 30..local + 30 + name_len], name.as_bytes());
        let data_at = local + 30 + name_len + u16_at(zip, local + 28);
        let data = &zip[data_at..data_at + packed];
        assert_eq!(method, 8, "deflated");
        let raw = miniz_oxide::inflate::decompress_to_vec(data).unwrap();
        assert_eq!((raw.len(), crc32(&raw) as usize), (size, crc), "size and CRC of {name}");
        entries.push((name, String::from_utf8(raw).unwrap()));
    }
    assert_eq!(at, end);
    entries
}

fn part<'a>(entries: &'a [(String, String)], name: &str) -> &'a str {
    &entries.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no part {name}")).1
}

fn plan_and_assumptions() -> Vec<Sheet> {
    vec![
        Sheet {
            name: "月度计划 Plan".into(),
            rows: vec![
                vec![text("月份"), text("招聘"), text("备注"), text("日期")],
                vec![Cell::Month(d("2025-03-01")), Cell::Number(3.5), text("<a & \"b\">"), Cell::Date(d("2025-03-31"))],
                vec![Cell::Month(d("2025-04-17")), Cell::Number(-2.0), Cell::Empty, text("华东")],
            ],
            widths: vec![10.0, 8.5],
        },
        Sheet {
            name: "Assumptions".into(),
            rows: vec![
                vec![text("key"), text("value")],
                vec![text("ramp"), Cell::Number(f64::NAN)],
                vec![text("cap"), Cell::Number(f64::INFINITY)],
                vec![text("churn"), Cell::Number(0.1 + 0.2)],
                vec![text("招聘"), Cell::Number(1e20)],
            ],
            widths: vec![],
        },
    ]
}

#[test]
fn a_two_sheet_workbook_has_every_part() {
    let entries = unzip(&workbook(&plan_and_assumptions()));
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
            "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
        ]
    );
    let types = part(&entries, "[Content_Types].xml");
    for (name, kind) in [
        ("workbook.xml", "sheet.main"),
        ("styles.xml", "styles"),
        ("sharedStrings.xml", "sharedStrings"),
        ("worksheets/sheet1.xml", "worksheet"),
        ("worksheets/sheet2.xml", "worksheet"),
    ] {
        let o = format!(
            r#"<Override PartName="/xl/{name}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.{kind}+xml"/>"#
        );
        assert!(types.contains(&o), "{o}");
    }
    assert!(types.contains(r#"<Default Extension="rels""#));
    assert!(part(&entries, "_rels/.rels").contains(r#"Target="xl/workbook.xml""#));

    let wb = part(&entries, "xl/workbook.xml");
    assert!(wb.contains(r#"<sheet name="月度计划 Plan" sheetId="1" r:id="rId1"/>"#), "{wb}");
    assert!(wb.contains(r#"<sheet name="Assumptions" sheetId="2" r:id="rId2"/>"#), "{wb}");
    let rels = part(&entries, "xl/_rels/workbook.xml.rels");
    assert!(rels.contains(r#"Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml""#));
    assert!(rels.contains(r#"Id="rId2""#) && rels.contains(r#"Target="worksheets/sheet2.xml""#));
    assert!(
        rels.contains(r#"Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles""#)
    );
    assert!(rels.contains(
        r#"Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings""#
    ));
}

#[test]
fn cells_are_typed_and_styled() {
    let entries = unzip(&workbook(&plan_and_assumptions()));
    let sst = part(&entries, "xl/sharedStrings.xml");
    // Distinct texts in first-use order; "招聘" is used twice but stored once.
    let texts = [
        "月份",
        "招聘",
        "备注",
        "日期",
        "&lt;a &amp; &quot;b&quot;&gt;",
        "华东",
        "key",
        "value",
        "ramp",
        "cap",
        "churn",
    ];
    let listed: String = texts.iter().map(|t| format!("<si><t>{t}</t></si>")).collect();
    assert!(sst.contains(&format!(r#"count="12" uniqueCount="11">{listed}</sst>"#)), "{sst}");

    let s1 = part(&entries, "xl/worksheets/sheet1.xml");
    // The header: bold text, frozen.
    assert!(s1.contains(r#"<row r="1"><c r="A1" s="3" t="s"><v>0</v></c><c r="B1" s="3" t="s"><v>1</v></c>"#), "{s1}");
    assert!(s1.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#));
    assert!(s1.contains(r#"<cols><col min="1" max="1" width="10" customWidth="1"/><col min="2" max="2" width="8.5" customWidth="1"/></cols>"#));
    // A month (the first day, 2025-03-01 = 45717) with the month style, a number without a
    // type, a shared string, a date (2025-03-31 = 45747) with the date style.
    let row2 = r#"<row r="2"><c r="A2" s="2"><v>45717</v></c><c r="B2"><v>3.5</v></c><c r="C2" t="s"><v>4</v></c><c r="D2" s="1"><v>45747</v></c></row>"#;
    assert!(s1.contains(row2), "{s1}");
    // Any day of a month is written as its first; the empty cell is left out.
    let row3 =
        r#"<row r="3"><c r="A3" s="2"><v>45748</v></c><c r="B3"><v>-2</v></c><c r="D3" t="s"><v>5</v></c></row>"#;
    assert!(s1.contains(row3), "{s1}");

    let styles = part(&entries, "xl/styles.xml");
    assert!(styles.contains(r#"<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>"#));
    assert!(styles.contains(r#"<numFmt numFmtId="165" formatCode="yyyy-mm"/>"#));
    let xfs: Vec<&str> = styles.split("<cellXfs").nth(1).unwrap().split("<xf ").skip(1).collect();
    assert_eq!(xfs.len(), 6);
    assert!(xfs[1].starts_with(r#"numFmtId="164" fontId="0""#) && xfs[2].starts_with(r#"numFmtId="165" fontId="0""#));
    assert!(xfs[3].starts_with(r#"numFmtId="0" fontId="1""#) && styles.contains("<font><b/>"));
}

#[test]
fn non_finite_numbers_are_empty_cells() {
    let entries = unzip(&workbook(&plan_and_assumptions()));
    let s2 = part(&entries, "xl/worksheets/sheet2.xml");
    assert!(s2.contains(r#"<row r="2"><c r="A2" t="s"><v>8</v></c></row>"#), "{s2}");
    assert!(s2.contains(r#"<row r="3"><c r="A3" t="s"><v>9</v></c></row>"#), "{s2}");
    assert!(s2.contains(r#"<c r="B4"><v>0.30000000000000004</v></c>"#), "{s2}");
    assert!(s2.contains(r#"<c r="A5" t="s"><v>1</v></c><c r="B5"><v>100000000000000000000</v></c>"#), "{s2}");
    assert!(!s2.contains("NaN") && !s2.contains("inf") && !s2.contains("<cols>"));
}

#[test]
fn dates_are_excel_serials() {
    assert_eq!(serial(d("2025-03-31")), 45747);
    assert_eq!(serial(d("1900-03-01")), 61);
    assert_eq!(serial(d("1899-12-31")), 1);
    assert_eq!(serial(d("2024-02-29")), 45351);
}

#[test]
fn sheet_names_are_made_legal_and_unique() {
    let sheet = |name: &str| Sheet { name: name.into(), ..Sheet::default() };
    let long = "A name that is far longer than thirty-one characters";
    let chinese = "招聘计划".repeat(10);
    let sheets: Vec<Sheet> =
        ["a/b:c[1]*?\\", "", "  ", "History", long, long, "Plan", "plan", "'quoted'", &chinese, "tab\there"]
            .iter()
            .map(|n| sheet(n))
            .collect();
    let names = sheet_names(&sheets);
    assert_eq!(
        names,
        [
            "a_b_c_1____",
            "Sheet2",
            "Sheet3",
            "Sheet4",
            "A name that is far longer than",
            "A name that is far longer t (2)",
            "Plan",
            "plan (2)",
            "quoted",
            &"招聘计划".repeat(8)[..31 * 3],
            "tabhere",
        ]
    );
    assert!(names.iter().all(|n| n.encode_utf16().count() <= 31));
    // And they are what the workbook lists.
    let wb = unzip(&workbook(&sheets[..2]));
    assert!(part(&wb, "xl/workbook.xml").contains(r#"<sheet name="a_b_c_1____" sheetId="1""#));
    assert!(part(&wb, "xl/workbook.xml").contains(r#"<sheet name="Sheet2" sheetId="2""#));
}

#[test]
fn text_is_escaped_and_cleaned() {
    assert_eq!(escape(r#"<a & "b">'"#), "&lt;a &amp; &quot;b&quot;&gt;&apos;");
    assert_eq!(escape("a\u{0}b\u{7}c\u{1b}d\u{85}e\u{FFFF}"), "abcde");
    assert_eq!(escape("line\nnext\ttab\r"), "line\nnext\ttab&#13;");
    assert_eq!(escape("_x0041_ and _x00_ and _xABCD"), "_x005F_x0041_ and _x00_ and _xABCD");
    let sheets = [Sheet { name: "S".into(), rows: vec![vec![text(" padded "), text("中文")]], widths: vec![] }];
    let sst = unzip(&workbook(&sheets)).remove(5).1;
    assert!(sst.contains(r#"<si><t xml:space="preserve"> padded </t></si><si><t>中文</t></si>"#), "{sst}");
}

#[test]
fn a_header_only_sheet_is_not_frozen_and_no_sheets_give_one() {
    let header = [Sheet { name: "H".into(), rows: vec![vec![text("a")]], widths: vec![] }];
    let s1 = unzip(&workbook(&header)).remove(6).1;
    assert!(!s1.contains("<pane") && s1.contains(r#"<c r="A1" s="3" t="s">"#));
    let none = unzip(&workbook(&[]));
    assert!(
        part(&none, "xl/workbook.xml").contains(r#"<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>"#)
    );
    assert!(part(&none, "xl/worksheets/sheet1.xml").contains("<sheetData></sheetData>"));
}

#[test]
fn the_same_sheets_give_the_same_bytes() {
    assert_eq!(workbook(&plan_and_assumptions()), workbook(&plan_and_assumptions()));
}

#[test]
fn column_letters() {
    let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].into_iter().map(column).collect();
    assert_eq!(letters, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"]);
}

#[test]
fn crc32_check_values() {
    assert_eq!(crc32(b""), 0);
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b"The quick brown fox jumps over the lazy dog"), 0x414F_A339);
}
