//! Import, merge and backup outcomes in the user's language.

use crate::i18n::{t, tr, Lang, Msg, Tpl};

use super::backup::BackupError;
use super::decode::Encoding;
use super::merge::MergeCounts;
use super::report::{ImportReport, MappingError, Reason, RowError};
use super::table::{FileError, Sheet};

/// Longer values are cut: the message should point at the cell, not repeat a paragraph.
const MAX_VALUE_CHARS: usize = 40;

fn shown_value(value: &str) -> String {
    let one_line: String = value.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
    if one_line.chars().count() > MAX_VALUE_CHARS {
        let cut: String = one_line.chars().take(MAX_VALUE_CHARS).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

/// What is wrong, without where.
pub fn reason_text(reason: &Reason, lang: Lang) -> String {
    match *reason {
        Reason::Required => t(lang, Msg::ReasonRequired).to_string(),
        Reason::TooLong { max } => tr(lang, Tpl::ReasonTooLong { max: &max.to_string() }),
        Reason::Invalid(e) => t(lang, crate::i18n::value_error_msg(e)).to_string(),
        Reason::UnknownStatus => t(lang, Msg::ReasonUnknownStatus).to_string(),
        Reason::EndNotAfterStart => t(lang, Msg::ReasonEndNotAfterStart).to_string(),
        Reason::NotWithStatus => t(lang, Msg::ReasonNotWithStatus).to_string(),
        Reason::DuplicateTerm { first_line } => tr(lang, Tpl::ReasonDuplicateTerm { line: &first_line.to_string() }),
        Reason::FollowsUnrenewedTerm { line } => tr(lang, Tpl::ReasonFollowsUnrenewedTerm { line: &line.to_string() }),
        Reason::OverlapsTerm { line } => tr(lang, Tpl::ReasonOverlapsTerm { line: &line.to_string() }),
        Reason::DiffersFromRenewedArr { line } => {
            tr(lang, Tpl::ReasonDiffersFromRenewedArr { line: &line.to_string() })
        }
        Reason::AccountRejected { line } => tr(lang, Tpl::ReasonAccountRejected { line: &line.to_string() }),
        Reason::IdOfAnotherCustomer { first_line } => {
            tr(lang, Tpl::ReasonIdOfAnotherCustomer { line: &first_line.to_string() })
        }
        Reason::ExtraCells { expected, found } => {
            tr(lang, Tpl::ReasonExtraCells { expected: &expected.to_string(), found: &found.to_string() })
        }
    }
}

/// The rejected rows as a file to fix in a spreadsheet: the file's own columns, as they were,
/// plus a last column that says what is wrong (every problem of the row, in `lang`). Once fixed
/// it imports again: the extra column is one the import does not know, and is ignored.
pub fn rejected_rows_csv(sheet: &Sheet, report: &ImportReport, lang: Lang) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
    let mut header = sheet.headers.clone();
    header.push(t(lang, Msg::RejectedProblemColumn).to_string());
    let _ = w.write_record(&header);
    let mut by_line: std::collections::BTreeMap<usize, Vec<String>> = std::collections::BTreeMap::new();
    for e in &report.errors {
        by_line.entry(e.line).or_default().push(describe(e, lang));
    }
    for row in &sheet.rows {
        let Some(problems) = by_line.get(&row.line) else { continue };
        let mut record: Vec<String> = (0..sheet.headers.len()).map(|i| row.cell(i).unwrap_or("").to_string()).collect();
        record.push(problems.join(t(lang, Msg::ReasonsJoin)));
        let _ = w.write_record(&record);
    }
    let _ = w.flush();
    drop(w);
    out
}

/// One rejected row's problem: line, column as the file names it, the value, and why.
pub fn describe(error: &RowError, lang: Lang) -> String {
    let line = error.line.to_string();
    let reason = reason_text(&error.reason, lang);
    let value = shown_value(&error.value);
    let tpl = match (&error.column, error.field) {
        (Some(column), _) if !value.is_empty() => {
            Tpl::RowAtColumn { line: &line, column, value: &value, reason: &reason }
        }
        (Some(column), _) => Tpl::RowAtEmptyColumn { line: &line, column, reason: &reason },
        (None, Some(f)) => Tpl::RowAtMissingColumn { line: &line, column: f.label(lang), reason: &reason },
        (None, None) => Tpl::RowWhole { line: &line, reason: &reason },
    };
    tr(lang, tpl)
}

pub fn describe_file_error(error: &FileError, lang: Lang) -> String {
    match error {
        FileError::Empty => t(lang, Msg::ImportEmptyFile).to_string(),
        FileError::Malformed { line, .. } => tr(lang, Tpl::ImportMalformed { line: &line.to_string() }),
        FileError::NotATable(kind) => {
            let what = match *kind {
                "xls" => Msg::ImportOldXls,
                "numbers" => Msg::ImportNumbers,
                "opendocument" => Msg::ImportOds,
                _ => Msg::ImportNotATable,
            };
            format!("{} {}", t(lang, what), t(lang, Msg::ImportSaveAs))
        }
        FileError::DamagedWorkbook(_) => format!("{} {}", t(lang, Msg::ImportDamagedXlsx), t(lang, Msg::ImportSaveAs)),
    }
}

pub fn describe_mapping_error(error: &MappingError, lang: Lang) -> String {
    match error {
        MappingError::NoNameColumn => t(lang, Msg::ImportNoNameColumn).to_string(),
        MappingError::FieldTwice(f) => tr(lang, Tpl::ImportFieldTwice { field: f.label(lang) }),
    }
}

pub fn describe_backup_error(error: &BackupError, lang: Lang) -> String {
    match error {
        BackupError::NotJson => t(lang, Msg::BackupNotJson).to_string(),
        BackupError::NotOurs => t(lang, Msg::BackupNotOurs).to_string(),
        BackupError::Newer { found, supported } => {
            tr(lang, Tpl::BackupNewer { found: &found.to_string(), supported: &supported.to_string() })
        }
        BackupError::Damaged { detail } => tr(lang, Tpl::BackupDamaged { detail }),
    }
}

/// "N accounts (M rows) can be imported; R rows rejected; B blank rows skipped."
pub fn summary(report: &ImportReport, lang: Lang) -> String {
    tr(
        lang,
        Tpl::ImportSummary {
            accounts: &report.accounts.len().to_string(),
            imported: &report.imported_rows.to_string(),
            rejected: &report.rejected_rows.to_string(),
            blank: &report.blank_rows.to_string(),
        },
    )
}

/// "File encoding: GBK / GB18030", with a warning when bytes were invalid in it.
pub fn encoding_note(encoding: Encoding, had_errors: bool, lang: Lang) -> String {
    let mut s = tr(lang, Tpl::ImportEncoding { encoding: encoding.label() });
    if had_errors {
        s.push(' ');
        s.push_str(t(lang, Msg::ImportEncodingDamaged));
    }
    s
}

/// Said only when some ids were generated.
pub fn generated_ids_note(report: &ImportReport, lang: Lang) -> Option<String> {
    (report.generated_ids > 0).then(|| tr(lang, Tpl::ImportGeneratedIds { n: &report.generated_ids.to_string() }))
}

pub fn merge_summary(counts: &MergeCounts, lang: Lang) -> String {
    tr(
        lang,
        Tpl::MergeSummary {
            added: &counts.added.to_string(),
            updated: &counts.updated.to_string(),
            removed: &counts.removed.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::columns::Field;
    use crate::io::parse::ValueError;

    fn err(column: Option<&str>, field: Option<Field>, value: &str, reason: Reason) -> RowError {
        RowError { line: 7, column: column.map(str::to_string), field, value: value.into(), reason }
    }

    /// A value that holds a slot's name is shown as written, never filled in again.
    #[test]
    fn fill_is_single_pass() {
        let e = err(Some("{reason}"), None, "{line}", Reason::Required);
        assert_eq!(describe(&e, Lang::En), "Line 7, column \"{reason}\" (\"{line}\"): cannot be empty");
        assert_eq!(tr(Lang::En, Tpl::RowWhole { line: "{reason}", reason: "{line}" }), "Line {reason}: {line}");
    }

    #[test]
    fn row_errors_in_both_languages() {
        let e = err(Some("年费"), Some(Field::Arr), "12,5", Reason::Invalid(ValueError::NotANumber));
        assert_eq!(
            describe(&e, Lang::Zh),
            "第 7 行，“年费”列（“12,5”）：不是有效的金额或数字（可写作 12000、12,000.50、¥12,000、1.2万、1.5M）"
        );
        assert_eq!(
            describe(&e, Lang::En),
            "Line 7, column \"年费\" (\"12,5\"): not a valid number (write it like 12000, 12,000.50, $12,000, 15k or 1.5M)"
        );
        let e = err(Some("name"), Some(Field::Name), "", Reason::Required);
        assert_eq!(describe(&e, Lang::En), "Line 7, column \"name\": cannot be empty");
        let e = err(None, Some(Field::RenewedArr), "", Reason::Required);
        assert_eq!(describe(&e, Lang::Zh), "第 7 行，“续约金额”（文件中没有这一列）：不能为空");
        assert_eq!(describe(&e, Lang::En), "Line 7, \"renewed_arr\" (the file has no such column): cannot be empty");
        let e = err(None, None, "", Reason::AccountRejected { line: 3 });
        assert_eq!(describe(&e, Lang::Zh), "第 7 行：同一客户的第 3 行有错误，该客户的所有行都未导入");
        let e = err(
            Some("contract_start"),
            Some(Field::ContractStart),
            "2024-01-01",
            Reason::DuplicateTerm { first_line: 2 },
        );
        assert_eq!(
            describe(&e, Lang::En),
            "Line 7, column \"contract_start\" (\"2024-01-01\"): repeats line 2 (same id and contract start)"
        );
    }

    #[test]
    fn long_and_multiline_values_are_shortened() {
        let long = "x".repeat(50) + "\ny";
        let e = err(Some("name"), Some(Field::Name), &long, Reason::TooLong { max: 200 });
        let expected =
            format!("Line 7, column \"name\" (\"{}…\"): cannot be longer than 200 characters", "x".repeat(40));
        assert_eq!(describe(&e, Lang::En), expected);
    }

    #[test]
    fn other_errors() {
        let b = BackupError::Newer { found: 3, supported: 1 };
        assert!(describe_backup_error(&b, Lang::En).contains("format 3; this version reads up to 1"));
        assert_eq!(
            describe_mapping_error(&MappingError::FieldTwice(Field::Owner), Lang::Zh),
            "“客户成功经理”对应了多列，每个字段只能对应一列。"
        );
        assert_eq!(describe_file_error(&FileError::Empty, Lang::En), "The file is empty: it has no header line.");
        assert_eq!(encoding_note(Encoding::Gb18030, false, Lang::Zh), "文件编码：GBK / GB18030。");
        assert_eq!(
            encoding_note(Encoding::Utf8, true, Lang::En),
            "File encoding: UTF-8. Some bytes are invalid in this encoding; try the other one."
        );
        let c = MergeCounts { added: 2, updated: 1, removed: 0 };
        assert_eq!(merge_summary(&c, Lang::En), "Accounts added: 2, updated: 1, removed: 0.");
        assert_eq!(merge_summary(&c, Lang::Zh), "新增 2 个客户，更新 1 个，移除 0 个。");
    }
}
