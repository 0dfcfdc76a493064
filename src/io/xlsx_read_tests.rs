use super::*;
use crate::io::xlsx::{self, Cell};

const OPENPYXL: &[u8] = include_bytes!("../../tests/fixtures/xlsx/customers_openpyxl.xlsx");

fn texts(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A ZIP of stored (uncompressed) entries, for workbooks written by hand.
fn stored_zip(files: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, text) in files {
        let data = text.as_bytes();
        let offset = out.len() as u32;
        let mut common = Vec::new();
        for v in [20u16, 0, 0, 0, 0x21] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        for v in [xlsx::crc32(data), data.len() as u32, data.len() as u32] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        common.extend_from_slice(&(name.len() as u16).to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&common);
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(files.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&[0; 2]);
    out
}

/// Opens `bytes` and reads every sheet, whatever happens.
fn read_all(bytes: &[u8]) -> Result<Vec<Vec<Vec<String>>>, XlsxError> {
    let _ = sniff(bytes);
    let book = open(bytes)?;
    (0..book.sheets.len()).map(|i| book.rows(i)).collect()
}

#[test]
fn reads_the_openpyxl_fixture() {
    assert_eq!(sniff(OPENPYXL), FileKind::Xlsx);
    let book = open(OPENPYXL).unwrap();
    assert_eq!(book.sheets, vec!["客户".to_string(), "备注 Notes".to_string()]);
    let want = texts(&[
        &["客户档案 2026"],
        &["id", "name", "owner", "arr", "contract_start", "contract_end", "status"],
        &["C001", "华东智造", "王芳", "120000", "2025-03-01", "2026-02-28", "active"],
        &["C002", "Acme & Co <Ltd>", "Li Lei", "45000.5", "2024-07-15", "2025-07-14", "renewed"],
        &["C003", "北方物流", "张伟", "0.5", "2023-01-01", "2023-12-31", "churned"],
        &[],
        &["C004", "", "TRUE", "2025-12-31"],
    ]);
    assert_eq!(book.rows(0).unwrap(), want);
    assert_eq!(book.rows(1).unwrap(), texts(&[&["note"], &["第二张表"], &["3.25"]]));
    assert!(matches!(book.rows(2), Err(XlsxError::Damaged(_))));
}

fn app_book() -> Vec<u8> {
    let t = |s: &str| Cell::Text(s.to_string());
    let customers = xlsx::Sheet {
        name: "Customers".into(),
        rows: vec![
            ["id", "name", "owner", "arr", "contract_start", "contract_end", "status"].map(t).to_vec(),
            vec![
                t("C001"),
                t("华东智造"),
                t("王芳"),
                Cell::Number(120000.0),
                Cell::Date(date(2025, 3, 1)),
                Cell::Date(date(2026, 2, 28)),
                t("active"),
            ],
            vec![
                t("C002"),
                t(" Acme_x0041_ & \"Co\" "),
                Cell::Empty,
                Cell::Number(45000.5),
                Cell::Month(date(2024, 7, 15)),
                Cell::Number(f64::NAN),
                t("renewed"),
            ],
            vec![],
            vec![t("C003"), t("北方物流"), t("王芳"), Cell::Number(-0.25)],
        ],
        widths: vec![10.0],
    };
    let notes = xlsx::Sheet { name: "备注".into(), rows: vec![vec![t("第二张表")]], widths: vec![] };
    xlsx::workbook(&[customers, notes])
}

#[test]
fn reads_the_apps_own_workbooks() {
    let bytes = app_book();
    assert_eq!(sniff(&bytes), FileKind::Xlsx);
    let book = open(&bytes).unwrap();
    assert_eq!(book.sheets, vec!["Customers".to_string(), "备注".to_string()]);
    let want = texts(&[
        &["id", "name", "owner", "arr", "contract_start", "contract_end", "status"],
        &["C001", "华东智造", "王芳", "120000", "2025-03-01", "2026-02-28", "active"],
        &["C002", " Acme_x0041_ & \"Co\" ", "", "45000.5", "2024-07-01", "", "renewed"],
        &[],
        &["C003", "北方物流", "王芳", "-0.25"],
    ]);
    assert_eq!(book.rows(0).unwrap(), want);
    assert_eq!(book.rows(1).unwrap(), texts(&[&["第二张表"]]));
}

const MAIN: &str = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;
const RELS: &str = r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
const REL_TYPE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A hand-written workbook: 1904 dates, rich and phonetic shared strings, prefixed names,
/// cells without references, a custom Chinese date format, a time format and the odd cell types.
fn hand_book(date1904: bool) -> Vec<u8> {
    let flag = if date1904 { r#"<workbookPr date1904="1"/>"# } else { "<workbookPr/>" };
    let workbook = format!(
        r#"<?xml version="1.0"?><workbook {MAIN} {RELS}>{flag}<sheets><sheet name="A &amp; B" sheetId="7" r:id="rIdX"/><sheet name="Lost" sheetId="8" r:id="rIdGone"/></sheets></workbook>"#
    );
    let rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdX" Type="{REL_TYPE}/worksheet" Target="sheets/../worksheets/data.xml"/><Relationship Id="rIdS" Type="{REL_TYPE}/sharedStrings" Target="/xl/strings.xml"/><Relationship Id="rIdT" Type="{REL_TYPE}/styles" Target="./looks.xml"/><Relationship Id="rIdGone" Type="{REL_TYPE}/worksheet" Target="worksheets/none.xml"/><Relationship Id="rIdW" Type="{REL_TYPE}/hyperlink" Target="http://example.com/" TargetMode="External"/></Relationships>"#
    );
    let strings = format!(
        r#"<sst {MAIN}><si><t>plain</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text</t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si/><si><t>line_x000D_break</t></si></sst>"#
    );
    let styles = format!(
        r#"<styleSheet {MAIN}><numFmts count="2"><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="171" formatCode="[h]:mm:ss"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="170"/><xf numFmtId="171"/><xf numFmtId="14"/></cellXfs></styleSheet>"#
    );
    // 44255 is 2025-03-01 in the 1904 system (45717 in the 1900 one).
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="2"><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c r="E2" t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>4</x:v></x:c></x:row>
<x:row><x:c r="A3" s="1"><x:v>44255.75</x:v></x:c><x:c s="2"><x:v>1.5</x:v></x:c><x:c s="3"><x:v>44255</x:v></x:c><x:c t="s"><x:v>99</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>=&lt;x&gt;</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[a<b]]></x:t></x:is></x:c><x:c><x:v>1.0E3</x:v></x:c><x:c/></x:row>
<!-- a comment <row> --><x:row r="4" spans="1:2"/>
</x:sheetData><x:mergeCells><x:mergeCell ref="A2:B2"/></x:mergeCells></x:worksheet>"#;
    stored_zip(&[
        ("xl/workbook.xml", &workbook),
        ("xl/_rels/workbook.xml.rels", &rels),
        ("xl/strings.xml", &strings),
        ("xl/looks.xml", &styles),
        ("xl/worksheets/data.xml", sheet),
    ])
}

#[test]
fn reads_a_hand_written_1904_workbook() {
    let bytes = hand_book(true);
    assert_eq!(sniff(&bytes), FileKind::Xlsx);
    let book = open(&bytes).unwrap();
    assert_eq!(book.sheets, vec!["A & B".to_string(), "Lost".to_string()]);
    let row3 = ["2025-03-01", "1.5", "2025-03-01", "", "#N/A", "=<x>", "FALSE", "a<b", "1000"];
    let want = vec![
        vec![],
        texts(&[&["plain", "rich text", "", "", "東京", "line\rbreak"]]).remove(0),
        row3.iter().map(|s| s.to_string()).collect(),
    ];
    assert_eq!(book.rows(0).unwrap(), want);
    assert!(matches!(book.rows(1), Err(XlsxError::Damaged(_))));
    // The same serials in the 1900 system are four years and a day later.
    let book = open(&hand_book(false)).unwrap();
    assert_eq!(book.rows(0).unwrap()[2][0], "2021-02-28");
}

#[test]
fn tells_other_files_apart() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend_from_slice(&[0; 504]);
    assert_eq!(sniff(&ole), FileKind::Xls);
    assert_eq!(open(&ole).unwrap_err(), XlsxError::NotAWorkbook("xls"));

    let docx = stored_zip(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")]);
    assert_eq!(sniff(&docx), FileKind::Zip);
    assert_eq!(open(&docx).unwrap_err(), XlsxError::NotAWorkbook("docx"));
    let numbers = stored_zip(&[("Index/Document.iwa", "x"), ("Metadata/Properties.plist", "y")]);
    assert_eq!(open(&numbers).unwrap_err(), XlsxError::NotAWorkbook("numbers"));
    let plain = stored_zip(&[("notes.txt", "hello")]);
    assert_eq!(sniff(&plain), FileKind::Zip);
    assert_eq!(open(&plain).unwrap_err(), XlsxError::NotAWorkbook("zip"));
    assert_eq!(open(&stored_zip(&[])).unwrap_err(), XlsxError::NotAWorkbook("zip"));
    let sheetless = stored_zip(&[("xl/workbook.xml", "<workbook><sheets/></workbook>")]);
    assert_eq!(open(&sheetless).unwrap_err(), XlsxError::NoSheets);

    let csv = "id,name,arr\nC001,华东智造,120000\n".as_bytes();
    assert_eq!(sniff(csv), FileKind::Text);
    assert_eq!(sniff(b"\xEF\xBB\xBFid\r\n"), FileKind::Text);
    assert_eq!(sniff(b"id,name\n1,\xBB\xAA\xB6\xAB\n"), FileKind::Text); // GBK
    assert_eq!(sniff(b""), FileKind::Text);
    assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), FileKind::Unknown);
    assert_eq!(open(csv).unwrap_err(), XlsxError::NotZip);
    assert_eq!(open(b"").unwrap_err(), XlsxError::NotZip);
    // The start of a workbook (no directory yet) still looks like one, once a sheet shows.
    assert_eq!(sniff(&OPENPYXL[..3000]), FileKind::Xlsx);
    assert_eq!(sniff(&OPENPYXL[..600]), FileKind::Zip);
    assert!(matches!(open(&OPENPYXL[..3000]), Err(XlsxError::Damaged(_))));
}

#[test]
fn no_input_panics() {
    let app = app_book();
    let hand = hand_book(true);
    for bytes in [OPENPYXL, &app[..], &hand[..]] {
        for cut in (0..bytes.len()).step_by(97) {
            let _ = read_all(&bytes[..cut]);
            let _ = read_all(&bytes[cut..]);
        }
        for at in (0..bytes.len()).step_by(97) {
            let mut bent = bytes.to_vec();
            bent[at] ^= 0xFF;
            let _ = read_all(&bent);
            bent[at] = 0xFF;
            if at + 4 <= bent.len() {
                bent[at..at + 4].copy_from_slice(&[0xFF; 4]);
            }
            let _ = read_all(&bent);
        }
    }
    // Pseudo-random garbage, bare and after a ZIP signature.
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    for len in [0usize, 1, 3, 21, 22, 30, 46, 100, 1000, 70_000] {
        let mut junk: Vec<u8> = (0..len)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect();
        let _ = read_all(&junk);
        junk.splice(0..0, *b"PK\x03\x04");
        let _ = read_all(&junk);
        junk.extend_from_slice(b"PK\x05\x06\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF");
        let _ = read_all(&junk);
    }
}

#[test]
fn refuses_what_is_too_large() {
    // A part claiming 4 GB unpacked.
    let mut bytes = stored_zip(&[("xl/workbook.xml", "<workbook/>")]);
    let central = bytes.windows(4).position(|w| w == [0x50, 0x4b, 0x01, 0x02]).unwrap();
    bytes[central + 24..central + 28].copy_from_slice(&[0xFF; 4]);
    assert_eq!(open(&bytes).unwrap_err(), XlsxError::TooLarge);

    // A sheet whose few cells span more than the cell budget.
    let mut sheet = format!("<worksheet {MAIN}><sheetData>");
    for r in 1..=260 {
        sheet += &format!(r#"<row r="{r}"><c r="A{r}"><v>1</v></c><c r="XFD{r}"><v>2</v></c></row>"#);
    }
    sheet += "</sheetData></worksheet>";
    let workbook = format!(r#"<workbook {MAIN}><sheets><sheet name="Big"/></sheets></workbook>"#);
    let bytes = stored_zip(&[("xl/workbook.xml", &workbook), ("xl/worksheets/sheet1.xml", &sheet)]);
    let book = open(&bytes).unwrap();
    assert_eq!(book.rows(0).unwrap_err(), XlsxError::TooLarge);

    // Far-away references are fine when few: row 1,048,576 and column XFD.
    let sheet = format!(
        r#"<worksheet {MAIN}><sheetData><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>end</t></is></c></row><row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>"#
    );
    let bytes = stored_zip(&[("xl/workbook.xml", &workbook), ("xl/worksheets/sheet1.xml", &sheet)]);
    let rows = open(&bytes).unwrap().rows(0).unwrap();
    assert_eq!((rows.len(), rows[1_048_575].len(), rows[1_048_575][16_383].as_str()), (1_048_576, 16_384, "end"));
}

#[test]
fn date_formats_are_told_from_numbers() {
    for code in
        ["yyyy-mm-dd", "yyyy/m/d h:mm", "d-mmm", "mmm-yy", "[$-409]mmmm d, yyyy", r#"yyyy"年"m"月""#, "m/d", "mmmm"]
    {
        assert!(is_date_code(code), "{code}");
    }
    for code in ["General", "0.00", "#,##0", "h:mm", "[h]:mm:ss", "mm:ss", "[Red]0.0", r#"0 "days""#, "0.00E+00", "@"] {
        assert!(!is_date_code(code), "{code}");
    }
    assert!(is_date_id(14) && is_date_id(22) && is_date_id(57) && !is_date_id(0) && !is_date_id(49));
}

#[test]
fn small_pieces() {
    assert_eq!(column_of("A1"), Some(0));
    assert_eq!(column_of("$AB$12"), Some(27));
    assert_eq!(column_of("XFD1048576"), Some(16_383));
    assert_eq!((column_of("12"), column_of("ABCD1")), (None, None));
    assert_eq!(join("xl", "worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
    assert_eq!(join("xl", "/xl/worksheets/sheet1.xml"), "xl/worksheets/sheet1.xml");
    assert_eq!(join("xl/a", "../../../b.xml"), "b.xml");
    assert_eq!(decode_x("_x005F_x0041_ _x0041_ _x00"), "_x0041_ A _x00");
    assert_eq!(decode_x("_xD83D__xDE00_"), "😀");
    let mut s = String::new();
    unescape_into("&lt;&#x4E2D;&#25991;&bogus; & &#xFFFFFF;", &mut s);
    assert_eq!(s, "<中文&bogus; & &#xFFFFFF;");
    assert_eq!(date_of(45717.0, date(1899, 12, 30)).as_deref(), Some("2025-03-01"));
    assert_eq!(date_of(45_716.999_999_999_99, date(1899, 12, 30)).as_deref(), Some("2025-03-01"));
    assert_eq!(date_of(-1.0, date(1899, 12, 30)), None);
    assert_eq!(date_of(1e12, date(1899, 12, 30)), None);
}
